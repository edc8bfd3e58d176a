"""The raw state every physics backend delivers (see DEVELOPERS.md): bodies plus game flags.

The same fields travel as JSON over the game's protocol; `to_dict`/`from_dict` convert.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from qwop_sim.constants import C, N_BODIES


def _initial_hip_limits() -> dict[str, tuple[float, float]]:
    joints = {j["name"]: j for j in C["joints"]}
    return {h: (joints[h]["lower"], joints[h]["upper"]) for h in ("leftHip", "rightHip")}


@dataclass
class RawState:
    bodies: np.ndarray  # float64 (12, 6): x, y, angle, vx, vy, angular_velocity in BODY_ORDER
    distance: float = 0.0  # the game's score in metres, unrounded
    clock: float = 0.0  # game clock in seconds
    frame: int = 0  # frames stepped since reset
    fallen: bool = False
    jumped: bool = False
    finished: bool = False
    hip_limits: dict[str, tuple[float, float]] = field(default_factory=_initial_hip_limits)
    # Optional pose of the hurdle's two bodies, float64 (2, 6) rows base, top (same fields as
    # bodies). Renderers need it (the hurdle can be knocked over); the rules do not.
    hurdle: np.ndarray | None = None

    @property
    def done(self) -> bool:
        """True once the game has ended (a fall or a landing in the sand pit)."""
        return self.fallen or self.finished

    def to_dict(self) -> dict[str, Any]:
        return {
            "bodies": self.bodies.tolist(),
            "distance": float(self.distance),
            "clock": float(self.clock),
            "frame": int(self.frame),
            "fallen": bool(self.fallen),
            "jumped": bool(self.jumped),
            "finished": bool(self.finished),
            "hip_limits": {k: [float(v[0]), float(v[1])] for k, v in self.hip_limits.items()},
            **({"hurdle": {"base": self.hurdle[0].tolist(), "top": self.hurdle[1].tolist()}}
               if self.hurdle is not None else {}),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "RawState":
        """The state of a protocol dict; ValueError naming the field that is missing or unreadable."""
        if not isinstance(d, dict):
            raise ValueError(f"a state must be a dict (or a RawState), got {type(d).__name__}")
        missing = [k for k in _REQUIRED if k not in d]
        if missing:
            raise ValueError(f"state is missing {', '.join(repr(k) for k in missing)} "
                             f"(a state has {', '.join(_REQUIRED)}, hip_limits, hurdle)")
        try:
            return cls._from_dict(d)
        except (TypeError, ValueError, KeyError, IndexError) as e:
            field_ = _first_bad_field(d)
            raise ValueError(f"state{'.' + field_ if field_ else ''} is not readable: {e}") from None

    @classmethod
    def _from_dict(cls, d: dict[str, Any]) -> "RawState":
        bodies = np.asarray(d["bodies"], dtype=np.float64)
        if bodies.shape != (N_BODIES, 6):
            raise ValueError(f"state 'bodies' must be {N_BODIES} x 6, got shape {bodies.shape}")
        hips = d.get("hip_limits")
        hurdle = d.get("hurdle")
        return cls(
            bodies=bodies,
            distance=float(d["distance"]),
            clock=float(d["clock"]),
            frame=int(d["frame"]),
            fallen=bool(d["fallen"]),
            jumped=bool(d["jumped"]),
            finished=bool(d["finished"]),
            hip_limits=({k: (float(v[0]), float(v[1])) for k, v in hips.items()}
                        if hips else _initial_hip_limits()),
            hurdle=(np.asarray([hurdle["base"], hurdle["top"]], dtype=np.float64)
                    if hurdle else None),
        )

    def copy(self) -> "RawState":
        return RawState.from_dict(self.to_dict())


_REQUIRED = ("bodies", "distance", "clock", "frame", "fallen", "jumped", "finished")


def _first_bad_field(d: dict[str, Any]) -> str | None:
    """The first field of ``d`` that does not convert (for from_dict's message)."""
    checks = {"bodies": lambda v: np.asarray(v, dtype=np.float64).reshape(N_BODIES, 6),
              "distance": float, "clock": float, "frame": int,
              "hip_limits": lambda v: v and {k: (float(x[0]), float(x[1])) for k, x in v.items()},
              "hurdle": lambda v: v and np.asarray([v["base"], v["top"]], dtype=np.float64)}
    for k, f in checks.items():
        try:
            f(d.get(k))
        except (TypeError, ValueError, KeyError, IndexError, AttributeError):
            return k
    return None
