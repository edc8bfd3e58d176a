"""The solver settings of the port (Chipmunk's knobs), chosen by measuring against the game.

What each value is and how it was measured: README.md in this folder ("Solver settings").
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass

from qwop_sim.physics.spec import SPEC

__all__ = ["SolverSettings", "DEFAULT_SETTINGS", "LEGACY_SETTINGS", "HURDLE_ERROR_BIAS"]


@dataclass(frozen=True)
class SolverSettings:
    # Chipmunk iterations per step: Box2D's velocity iterations (qwop.json
    # world.velocity_iterations, 5; with Box2D's joint order 5 also measures best, README.md)
    iterations: int = SPEC.velocity_iterations
    # Box2D's position pass after each step (position_pass.py), up to
    # world.position_iterations sweeps. With it the pivots get no velocity bias
    # (joint_error_bias 1) and the limits a vanishing one (limit_max_bias 1e-12: active, no kick).
    # LEGACY_SETTINGS: the faster pure-Chipmunk settings from before (README.md).
    position_pass: bool = True
    collision_slop: float = 0.005   # Box2D b2_linearSlop
    collision_bias: float = 0.0     # fraction of overlap left after 1 s: 0 = all in one step
                                    # (the real game pushes a landing foot out in one frame)
    # Box2D's b2_polygonRadius: the skin around every box, for Chipmunk's collision and for the
    # position pass (two skins between a runner box and the track)
    poly_radius: float = 0.01
    joint_error_bias: float = 1.0   # pivots: fraction of error left after 1 s; 1 = no velocity
                                    # bias (the position pass corrects them, as Box2D)
    joint_max_bias: float = math.inf
    limit_error_bias: float = 0.0   # rotary limits: Chipmunk keeps a limit active only while its
    limit_max_bias: float = 1e-12   # bias is non-zero: a vanishing one (the position pass
                                    # corrects them, as Box2D)
    damping: float = 1.0            # Box2D default linear/angular damping 0
    warm_start: bool = False        # set_state: one solve at the state to rebuild the impulses
                                    # (off: the game's setState starts cold too, README.md)
    track_tiles: bool = True        # static 32-unit tiles at x = 32 k (the original's seams)

    def as_dict(self) -> dict:
        return asdict(self)


DEFAULT_SETTINGS = SolverSettings()
# Before the position pass (Nov 25): Chipmunk corrects the joints by velocity bias. ~3x faster per
# frame, ~1.4x the 25-frame error against the game (README.md).
LEGACY_SETTINGS = SolverSettings(position_pass=False, joint_error_bias=1e-2, limit_max_bias=0.01,
                                 warm_start=True)

# The hurdle's joint (not in the position pass) keeps Chipmunk's velocity bias: 1 % of an error
# left after 1 s, for the pivot and its limit (a bias of 0 would switch Chipmunk's limit off)
HURDLE_ERROR_BIAS = 1e-2
