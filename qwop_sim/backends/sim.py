"""The sim backend: the pymunk port in this process (fast, no external programs)."""
from __future__ import annotations

from typing import Sequence

import numpy as np

from qwop_sim.backends.base import check_keys_frames
from qwop_sim.physics import QWOPSim
from qwop_sim.render import FrameRenderer
from qwop_sim.state import RawState


class SimBackend:
    """``qwop_sim.physics.QWOPSim`` behind the backend API; frames from ``qwop_sim.render`` (the
    game's look, hurdle included). ``settings``: the sim's ``SolverSettings`` (default: the
    game's; ``qwop_sim.physics.LEGACY_SETTINGS`` trades fidelity for speed)."""

    name = "sim"

    def __init__(self, settings=None):
        self.sim = QWOPSim(settings)
        self._renderers: dict[tuple[int, int], FrameRenderer] = {}
        self._state: RawState | None = None

    def reset(self) -> RawState:
        """A new race in a freshly built world."""
        self._state = self.sim.reset()
        return self._state

    def step(self, keys: int, frames: int = 1) -> RawState:
        keys, frames = check_keys_frames(keys, frames)
        self._state = self.sim.step(keys, frames)
        return self._state

    def step_frame(self, keys: int, frames: int, width: int, height: int) -> tuple[RawState, np.ndarray]:
        st = self.step(keys, frames)
        return st, self.frame(width, height)

    def steps(self, seq: Sequence[tuple[int, int]], states: bool = False):
        out = [self.step(k, f) for k, f in seq]
        if not out:
            raise ValueError("steps: empty sequence")
        return out if states else out[-1]

    def set_state(self, state: RawState) -> RawState:
        self.sim.set_state(state)
        self._state = self.sim.state()
        return self._state

    def state(self) -> RawState:
        return self.sim.state()

    def frame(self, width: int, height: int) -> np.ndarray:
        r = self._renderers.get((width, height))
        if r is None:
            r = self._renderers[(width, height)] = FrameRenderer(width, height)
        state = self._state if self._state is not None else self.sim.state()
        return r.render(state, hurdle=self.sim.hurdle_state())

    def hurdle(self) -> np.ndarray | None:
        """The hurdle's pose for drawing (base.Backend.hurdle; None while it stands at its start):
        the sim's states do not carry it (the game backends' do, in ``RawState.hurdle``)."""
        h = self.sim.hurdle_state()
        return None if h is None else np.array([h["base"], h["top"]], dtype=np.float64)

    def close(self) -> None:
        self._renderers.clear()
