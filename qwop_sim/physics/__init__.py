"""The pymunk port of the game's physics: ``QWOPSim`` (one world), ``QWOPBatch`` (many)."""
from qwop_sim.physics.world import DEFAULT_SETTINGS, KEY_TABLE, LEGACY_SETTINGS, QWOPSim, SolverSettings
from qwop_sim.physics.batch import QWOPBatch

__all__ = ["QWOPSim", "QWOPBatch", "SolverSettings", "DEFAULT_SETTINGS", "LEGACY_SETTINGS", "KEY_TABLE"]
