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
    game's look, hurdle included)."""

    name = "sim"
    has_frames = True

    def __init__(self, settings=None, **_ignored):
        self.sim = QWOPSim(settings)
        self._renderers: dict[tuple[int, int], FrameRenderer] = {}
        self._state: RawState | None = None

    def reset(self, seed: int | None = None) -> RawState:
        """A new race in a freshly built world (QWOP has no randomness: ``seed`` is unused)."""
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

    def hurdle(self):
        return self.sim.hurdle_state()

    def close(self) -> None:
        self._renderers.clear()
