"""What every physics backend provides to the environments: raw states and frames, nothing else."""
from __future__ import annotations

from typing import Any, Protocol, Sequence

import numpy as np

from qwop_sim.state import RawState


class Backend(Protocol):
    """A physics backend: the sim (pymunk), the game headless in Node, or the game in a browser.

    Implementations: ``sim.SimBackend``, ``node.NodeBackend``, ``browser.BrowserBackend``.
    keys: Q=1 W=2 O=4 P=8 (0..15); frames: 1..10000 game frames held. The hurdle's pose, for
    drawing: ``hurdle()`` on every backend (the game backends' states carry it too, in
    ``RawState.hurdle``; the sim's leave it out: reading it would cost every sim step once the
    hurdle is in the world).
    """

    name: str

    def reset(self) -> RawState:
        """A new race, independent of what ran before (same actions, same floats). QWOP has no
        randomness: a reset takes no seed (the envs' seeds drive their start disturbances)."""
        ...

    def step(self, keys: int, frames: int) -> RawState: ...

    def step_frame(self, keys: int, frames: int, width: int, height: int) -> tuple[RawState, np.ndarray]:
        """step() plus the new state's frame, in one round trip where the backend is remote."""
        ...

    def steps(self, seq: Sequence[tuple[int, int]], states: bool = False) -> RawState | list[RawState]:
        """Several (keys, frames) at once: the last state, or every state with states=True."""
        ...

    def set_state(self, state: RawState) -> RawState:
        """Put the world in ``state``; returns the state as set (the game's echo)."""
        ...

    def state(self) -> RawState: ...

    def frame(self, width: int, height: int) -> np.ndarray:
        """The current scene as uint8 (height, width, 3), camera on the runner, no text. Every
        backend draws frames (the sim with qwop_sim.render, the game with its own renderer)."""
        ...

    def hurdle(self) -> np.ndarray | None:
        """The hurdle's pose now, for drawing (``qwop_sim.render``'s ``hurdle=``): float64 (2, 6),
        rows base, top of (x, y, angle, vx, vy, w), as ``RawState.hurdle``; None while it stands at
        its start pose (the sim adds it only when the runner comes near)."""
        ...

    def close(self) -> None:
        """Idempotent; stops every process the backend started."""
        ...


def check_keys_frames(keys: Any, frames: Any) -> tuple[int, int]:
    if isinstance(keys, (bool, np.bool_)) or not isinstance(keys, (int, np.integer)) or not 0 <= keys <= 15:
        raise ValueError(f"keys must be an integer 0..15 (Q=1 W=2 O=4 P=8), got {keys!r}")
    if isinstance(frames, (bool, np.bool_)) or not isinstance(frames, (int, np.integer)) or not 1 <= frames <= 10000:
        raise ValueError(f"frames must be an integer 1..10000, got {frames!r}")
    return int(keys), int(frames)


class BackendError(RuntimeError):
    """A backend cannot run or has failed (missing program, dead process): the message says why."""
