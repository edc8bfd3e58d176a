"""QWOPBatch: N independent QWOP worlds stepped together, results as stacked numpy arrays.

Each world is a QWOPSim whose raw read-out buffer is a slice of one (N, rows, 6) array, so all
worlds are read with one C call each and converted to the reported (Box2D-semantics) state with
one vectorised matmul. No RawState objects are built on the hot path.

    b = QWOPBatch(64)
    out = b.step(keys)            # keys: int or int array (N,); out.bodies (N, 12, 6) ...
    b.reset(np.flatnonzero(out.done))   # reset the worlds whose game ended
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qwop_sim.constants import METRES_PER_UNIT, N_BODIES
from qwop_sim.physics.world import _HURDLE_NEAR, _OUT_MATRIX, RAW_ROWS, QWOPSim, SolverSettings
from qwop_sim.state import RawState


@dataclass
class BatchState:
    """Views of the batch's buffers (overwritten by the next step/reset: copy what you keep)."""
    bodies: np.ndarray    # float64 (N, 12, 6)
    distance: np.ndarray  # float64 (N,)
    clock: np.ndarray     # float64 (N,)
    frame: np.ndarray     # int64 (N,)
    fallen: np.ndarray    # bool (N,)
    jumped: np.ndarray    # bool (N,)
    finished: np.ndarray  # bool (N,)
    done: np.ndarray      # bool (N,): fallen or finished (the game has ended)


class QWOPBatch:
    def __init__(self, n: int, settings: SolverSettings | None = None):
        self.n = int(n)
        self._raw = np.zeros((self.n, RAW_ROWS, 6))
        self.bodies = np.zeros((self.n, N_BODIES, 6))
        self.sims = [QWOPSim(settings, _raw=self._raw[i], _out=self.bodies[i]) for i in range(self.n)]
        self.distance = np.zeros(self.n)
        self.clock = np.zeros(self.n)
        self.frame = np.zeros(self.n, dtype=np.int64)
        self.fallen = np.zeros(self.n, dtype=bool)
        self.jumped = np.zeros(self.n, dtype=bool)
        self.finished = np.zeros(self.n, dtype=bool)
        self.done = np.zeros(self.n, dtype=bool)
        self._view = BatchState(self.bodies, self.distance, self.clock, self.frame, self.fallen,
                                self.jumped, self.finished, self.done)
        for i in range(self.n):
            self._sync(i)

    def __len__(self) -> int:
        return self.n

    def _sync(self, i: int) -> None:
        s = self.sims[i]
        self.distance[i] = s.distance
        self.clock[i] = s.clock
        self.frame[i] = s.frame
        self.fallen[i], self.jumped[i], self.finished[i] = s.fallen, s.jumped, s.finished
        self.done[i] = s.ended

    def reset(self, idx=None) -> BatchState:
        """Reset all worlds, or those in ``idx`` (int, sequence of ints or bool mask)."""
        for i in self._indices(idx):
            self.sims[i].reset()
            self._sync(i)
        return self._view

    def _indices(self, idx):
        if idx is None:
            return range(self.n)
        a = np.asarray(idx)
        if a.dtype == bool:
            return np.flatnonzero(a).tolist()
        return np.atleast_1d(a).astype(int).tolist()

    def step(self, keys, frames: int = 1) -> BatchState:
        """Hold keys[i] in world i for ``frames`` frames (worlds whose game ended stay put)."""
        if np.isscalar(keys):
            keys = [int(keys)] * self.n
        else:
            keys = np.asarray(keys).astype(int).tolist()
        sims = self.sims
        live = [i for i in range(self.n) if not sims[i].ended]
        work = [(sims[i], keys[i]) for i in live]
        for f in range(frames):
            for s, k in work:
                if not s.ended:
                    s._frame(k)
            if f % 128 == 127:
                for i in live:
                    sims[i]._after_frames()
        # read-out, score, track/hurdle upkeep per world; conversion vectorised
        for i in live:
            s = sims[i]
            s._reader.get(s._space_ptr)
        if len(live) == self.n:
            np.matmul(self._raw[:, :N_BODIES], _OUT_MATRIX, out=self.bodies)
        else:
            self.bodies[live] = self._raw[live, :N_BODIES] @ _OUT_MATRIX
        xs = self.bodies[:, 0, 0].tolist()
        for i in live:
            s = sims[i]
            x = xs[i]
            if not s.finished:
                s.distance = x * METRES_PER_UNIT
            if (s.settings.track_tiles and not (s._tile_check_lo < x < s._tile_check_hi)) \
                    or (s._hurdle_check and x > _HURDLE_NEAR):
                s._after_frames()  # extend the track / add the hurdle (rare)
        self.distance[:] = [s.distance for s in sims]
        self.clock[:] = [s.clock for s in sims]
        self.frame[:] = [s.frame for s in sims]
        self.fallen[:] = [s.fallen for s in sims]
        self.jumped[:] = [s.jumped for s in sims]
        self.finished[:] = [s.finished for s in sims]
        self.done[:] = [s.ended for s in sims]
        return self._view

    def state(self, i: int) -> RawState:
        return self.sims[i].state()

    def set_state(self, i: int, s: RawState) -> None:
        self.sims[i].set_state(s)
        self._sync(i)
