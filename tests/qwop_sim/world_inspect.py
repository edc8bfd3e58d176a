"""Looking inside a QWOPSim in Box2D's conventions (the tests' view; the sim itself never needs it).

Chipmunk's RotaryLimitJoint bounds angle(b) - angle(a) with the reference included and its
SimpleMotor drives w(b) - w(a) = -rate (qwop_sim/physics/build.py): these undo both.
"""
from __future__ import annotations

import math

from qwop_sim.physics import SPEC

_JOINTS = {j.name: j for j in SPEC.joints}


def motor_speeds(sim) -> dict[str, float]:
    """Motor speeds in Box2D's sign (the w(B) - w(A) each motor drives to)."""
    return {n: -m.rate for n, m in sim.motors.items()}


def motor_enabled(sim, name: str) -> bool:
    m = sim.motors.get(name)
    return m is not None and m.max_force > 0


def limit_enabled(sim, name: str) -> bool:
    lim = sim.limits[name]
    return math.isfinite(lim.min) or math.isfinite(lim.max)


def joint_limits(sim) -> dict[str, tuple[float, float]]:
    """(lower, upper) in Box2D's convention (reference removed)."""
    return {n: (lim.min - _JOINTS[n].reference, lim.max - _JOINTS[n].reference) for n, lim in sim.limits.items()}


def joint_angle(sim, name: str) -> float:
    """Box2D's joint angle of the reported state: angle(B) - angle(A) - reference."""
    j = _JOINTS[name]
    b = sim.buffers.bodies
    return float(b[j.ib, 2] - b[j.ia, 2] - j.reference)
