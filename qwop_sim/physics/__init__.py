"""The pymunk port of the game's physics: ``QWOPSim`` (one world), ``QWOPBatch`` (many).

Module map: world.py (its doc lists the others) and README.md in this folder."""
from qwop_sim.physics.settings import DEFAULT_SETTINGS, LEGACY_SETTINGS, SolverSettings
from qwop_sim.physics.spec import SPEC, UnsupportedSpec
from qwop_sim.physics.world import QWOPSim
from qwop_sim.physics.batch import QWOPBatch

__all__ = ["QWOPSim", "QWOPBatch", "SolverSettings", "DEFAULT_SETTINGS", "LEGACY_SETTINGS", "SPEC",
           "UnsupportedSpec"]
