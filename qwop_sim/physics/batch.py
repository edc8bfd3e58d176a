"""QWOPBatch: N independent QWOP worlds stepped together, results as stacked numpy arrays.

Each world is a QWOPSim whose buffers are slices of the batch's stacked arrays: the raw read-out
(N, rows, 6), the reported bodies (N, 12, 6) and the position pass's state (poses, limits, limit
states, contacts). With the default settings (position pass on, no warm start) one compiled call
(numba, ``_frames``) steps every world for the frames asked: per world and frame the head torque,
``cpSpaceStep``, the read-out, Box2D's position pass and the write-back of the 12 poses, all by
calling Chipmunk's own C functions by address (``ccall.py``), so the floats are those of N
single worlds (tests/qwop_sim/test_batch.py), without a Python call per body or per world.
Python runs only between frames where a world needs it: a contact rule fired (fall, jump,
landing: the event flag ``QWOPSim._ev``), a runner near the start block (its Chipmunk contacts are
read from the arbiters), every 128 frames of one call, and after the call (track tiles, hurdle).
Other settings step the worlds one by one (``QWOPSim._frame``).

    b = QWOPBatch(64)
    out = b.step(keys)            # keys: int or int array (N,); out.bodies (N, 12, 6) ...
    b.reset(np.flatnonzero(out.done))   # reset the worlds whose game ended
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qwop_sim.constants import CLOCK_PER_FRAME, DT, METRES_PER_UNIT, N_BODIES
from qwop_sim.physics import ccall
from qwop_sim.physics import position_pass as _pp
from qwop_sim.physics.ccall import call_d_p, call_p_d, call_p_dd, call_p_p_p, store_i32
from qwop_sim.physics.world import (_BLOCK_RIGHT, _CLEAR_FORCES, _HEAD_GAIN, _HEAD_OFFSET, _HURDLE_NEAR,
                                    _OUT_MATRIX, _PP_ANCHOR_A, _PP_ANCHOR_B, _PP_HALF, _PP_IA, _PP_IB,
                                    _PP_INV_INERTIA, _PP_INV_MASS, _PP_ITERATIONS, _PP_MAX_CONTACTS,
                                    _PP_REACH, _PP_REF, _STATIC_TOP, JOINT_SOLVE_ORDER, RAW_ROWS, QWOPSim,
                                    SolverSettings, DEFAULT_SETTINGS)
from qwop_sim.state import RawState

try:
    from numba import cfunc, njit, types as _nt
    _NUMBA = True
except ImportError:  # pragma: no cover - numba is a dependency; without it the worlds go one by one
    _NUMBA = False

# Chipmunk / pymunk functions the kernel calls, by address (ccall.py)
_F_STEP, _F_GET_A, _F_GET_W, _F_SET_T, _F_EACH, _F_READ, _F_UPD, _F_SET_P, _F_SET_A = range(9)
_FN = np.array([ccall.address(n) for n in (
    "cpSpaceStep", "cpBodyGetAngle", "cpBodyGetAngularVelocity", "cpBodySetTorque", "cpSpaceEachBody",
    "pmSpaceBodyGetIteratorFuncBatched", "cpBodyUpdatePosition", "cpBodySetPosition", "cpBodySetAngle")],
    dtype=np.int64)
_N_JOINTS = len(JOINT_SOLVE_ORDER)
_F_SHAPES, _F_EACH_ARB, _F_VISIT = 9, 10, 11
# per world: [cpArbiterGetShapes, the start block's cpShape *, hit flag, shape a, shape b]
_PROBE_COLUMNS = 5


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


def _kernel(f):
    return njit(cache=True)(f) if _NUMBA else f


@_kernel
def _pass_and_write(i, fn, bodies, raw, x, p, lo, hi, state, contacts, n_block, track):
    """Box2D's position pass of world i (position_pass.frame_pass, as QWOPSim._position_pass)
    and the poses written back through cpBodyUpdatePosition(dt 0), cpBodySetPosition and
    cpBodySetAngle, the calls QWOPSim makes through cffi."""
    _pp.frame_pass(raw[i], x[i], p[i], DT, _PP_HALF, _PP_INV_MASS, _PP_INV_INERTIA, _PP_IA, _PP_IB,
                   _PP_ANCHOR_A, _PP_ANCHOR_B, _PP_REF, lo[i], hi[i], state[i], contacts[i], n_block[i],
                   _STATIC_TOP, track[0], track[1], track[2], _PP_ITERATIONS)
    for b in range(bodies.shape[1]):
        ptr = bodies[i, b]
        call_p_d(fn[_F_UPD], ptr, 0.0)
        call_p_dd(fn[_F_SET_P], ptr, p[i, b, 0], p[i, b, 1])
        call_p_d(fn[_F_SET_A], ptr, p[i, b, 2])


if _NUMBA:
    @cfunc(_nt.void(_nt.int64, _nt.int64, _nt.int64), cache=True)
    def _touches_block(body, arb, probe):
        """cpBodyEachArbiter callback: sets probe[2] when the arbiter's shapes include the start
        block (probe[1]); probe: the world's row of QWOPBatch._probe, by address."""
        ccall.call_p_p_p(ccall.load_i64(probe), arb, probe + 24, probe + 32)
        blk = ccall.load_i64(probe + 8)
        if ccall.load_i64(probe + 24) == blk or ccall.load_i64(probe + 32) == blk:
            ccall.store_i64(probe + 16, 1)

    _FN = np.concatenate([_FN, np.array([ccall.address("cpArbiterGetShapes"),
                                         ccall.address("cpBodyEachArbiter"), _touches_block.address],
                                        dtype=np.int64)])


@_kernel
def _read(i, fn, space, data, farr):
    """QWOPSim._reader.get: all bodies of world i into its raw rows (pymunk.batch's iterator)."""
    store_i32(farr[i], 0)
    call_p_p_p(fn[_F_EACH], space[i], fn[_F_READ], data[i])


@_kernel
def _frames(n_frames, live, fn, space, head, bodies, data, farr, raw, x, p, lo, hi, state, contacts,
            n_block, need, head_torque, fallen, clock, frame, events, track, probes):
    """Up to ``n_frames`` frames of the worlds in ``live`` (QWOPSim._frame each). Returns
    (frames completed, 1 if the next frame stopped before the pass of the worlds flagged in
    ``need``, else 0). Stops after a frame in which a contact rule fired (``events``)."""
    for f in range(n_frames):
        pending = False
        for i in live:
            clock[i] += CLOCK_PER_FRAME
            frame[i] += 1
            hp = head[i]
            if not fallen[i]:
                t = head_torque[i] + _HEAD_GAIN * (call_d_p(fn[_F_GET_A], hp)
                                                   + call_d_p(fn[_F_GET_W], hp) * DT + _HEAD_OFFSET)
                if _CLEAR_FORCES:
                    t -= head_torque[i]
                head_torque[i] = t
            if head_torque[i] != 0.0:
                call_p_d(fn[_F_SET_T], hp, head_torque[i])
            call_p_d(fn[_F_STEP], space[i], DT)
            _read(i, fn, space, data, farr)
            back = False
            probe = probes + i * 8 * _PROBE_COLUMNS
            for b in range(bodies.shape[1]):
                if raw[i, b, 0] - _PP_REACH[b] <= _BLOCK_RIGHT:
                    # near the block (QWOPSim._block_contacts): in contact with it?
                    ccall.store_i64(probe + 16, 0)
                    call_p_p_p(fn[_F_EACH_ARB], bodies[i, b], fn[_F_VISIT], probe)
                    if ccall.load_i64(probe + 16) != 0:
                        back = True
                        break
            if back:  # the start block's contacts come from Chipmunk's arbiters (Python)
                need[i] = 1
                pending = True
                continue
            n_block[i] = 0
            _pass_and_write(i, fn, bodies, raw, x, p, lo, hi, state, contacts, n_block, track)
        if pending:
            return f, 1
        for i in live:
            if events[i]:
                return f + 1, 0
    return n_frames, 0


@_kernel
def _finish(idx, fn, bodies, raw, x, p, lo, hi, state, contacts, n_block, track):
    for i in idx:
        _pass_and_write(i, fn, bodies, raw, x, p, lo, hi, state, contacts, n_block, track)


@_kernel
def _read_all(idx, fn, space, data, farr):
    for i in idx:
        _read(i, fn, space, data, farr)


class QWOPBatch:
    def __init__(self, n: int, settings: SolverSettings | None = None):
        self.n = n = int(n)
        self.settings = settings = settings or DEFAULT_SETTINGS
        self._raw = np.zeros((n, RAW_ROWS, 6))
        self.bodies = np.zeros((n, N_BODIES, 6))
        # the position pass's per-world state, stacked (QWOPSim uses views)
        self._pp_x = np.zeros((n, N_BODIES, 3))
        self._pp_p = np.zeros((n, N_BODIES, 3))
        self._pp_lo = np.zeros((n, _N_JOINTS))
        self._pp_hi = np.zeros((n, _N_JOINTS))
        self._pp_state = np.zeros((n, _N_JOINTS), dtype=np.int8)
        self._pp_contacts = np.zeros((n, _PP_MAX_CONTACTS, _pp.CONTACT_COLUMNS))
        self._events = np.zeros(n, dtype=np.int8)
        self.sims = [QWOPSim(settings, _raw=self._raw[i], _out=self.bodies[i], _pp=dict(
            x=self._pp_x[i], p=self._pp_p[i], lo=self._pp_lo[i], hi=self._pp_hi[i],
            state=self._pp_state[i], contacts=self._pp_contacts[i], ev=self._events[i:i + 1]))
            for i in range(n)]
        self.distance = np.zeros(n)
        self.clock = np.zeros(n)
        self.frame = np.zeros(n, dtype=np.int64)
        self.fallen = np.zeros(n, dtype=bool)
        self.jumped = np.zeros(n, dtype=bool)
        self.finished = np.zeros(n, dtype=bool)
        self.done = np.zeros(n, dtype=bool)
        self._view = BatchState(self.bodies, self.distance, self.clock, self.frame, self.fallen,
                                self.jumped, self.finished, self.done)
        # the compiled path: Box2D's position pass on, no warm start (the defaults)
        self.compiled = (_NUMBA and ccall.SUPPORTED and settings.position_pass and not settings.warm_start)
        self._space = np.zeros(n, dtype=np.int64)
        self._head = np.zeros(n, dtype=np.int64)
        self._body = np.zeros((n, N_BODIES), dtype=np.int64)
        self._data = np.array([ccall.pointer(s._reader._data) for s in self.sims], dtype=np.int64)
        self._farr = np.array([ccall.pointer(s._reader._farr) for s in self.sims], dtype=np.int64)
        self._spaces = [None] * n  # the pymunk Space each world's pointers were taken from
        self._n_block = np.zeros(n, dtype=np.int64)
        self._need = np.zeros(n, dtype=np.int8)
        self._head_torque = np.zeros(n)
        self._probe = np.zeros((n, _PROBE_COLUMNS), dtype=np.int64)
        self._probe[:, 0] = _FN[_F_SHAPES] if self.compiled else 0
        self._track = np.array(self.sims[0]._pp_track, dtype=np.float64) if n else np.zeros(3)
        for i in range(n):
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

    def _pointers(self, i: int) -> None:
        """The C pointers of world i's space and bodies (new after every reset: a new space)."""
        s = self.sims[i]
        self._spaces[i] = s.space
        self._space[i] = ccall.pointer(s._space_ptr)
        self._head[i] = ccall.pointer(s._head_ptr)
        self._probe[i, 1] = ccall.pointer(s._block_shape._shape)
        self._body[i] = [ccall.pointer(b) for b in s._body_ptrs]

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

    def step(self, keys, frames: int = 1, active=None) -> BatchState:
        """Hold keys[i] in world i for ``frames`` frames (worlds whose game ended stay put, and
        with ``active`` (bool (N,)) the worlds where it is False)."""
        if np.isscalar(keys):
            keys = [int(keys) & 15] * self.n
        else:
            keys = (np.asarray(keys).astype(np.int64) & 15).tolist()
        sims = self.sims
        if active is None:
            live = [i for i in range(self.n) if not sims[i].ended]
        else:
            live = [i for i in np.flatnonzero(active).tolist() if not sims[i].ended]
        if self.compiled:
            self._step_compiled(live, keys, int(frames))
        else:
            self._step_python(live, keys, int(frames))
        # score, track/hurdle upkeep per world; conversion vectorised
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

    def _step_python(self, live, keys, frames) -> None:
        sims = self.sims
        work = [(sims[i], keys[i]) for i in live]
        for f in range(frames):
            for s, k in work:
                if not s.ended:
                    s._frame(k)
            if f % 128 == 127:
                for i in live:
                    sims[i]._after_frames()
        for i in live:
            s = sims[i]
            s._reader.get(s._space_ptr)

    def _step_compiled(self, live, keys, frames) -> None:
        sims, spaces = self.sims, self._spaces
        ht, fallen, clock, frame, ev = self._head_torque, self.fallen, self.clock, self.frame, self._events
        for i in live:  # the worlds' own state in, whatever happened to them since the last step
            s = sims[i]
            if s.space is not spaces[i]:
                self._pointers(i)
            k = keys[i]
            if k != s._keys:
                s._apply_keys(k)
            if not s._pp_valid:
                s._read_poses()
            ht[i], fallen[i], clock[i], frame[i] = s._head_torque, s.fallen, s.clock, s.frame
            ev[i] = 0
        run = np.array(live, dtype=np.int64)
        args = (_FN, self._space, self._head, self._body, self._data, self._farr, self._raw, self._pp_x,
                self._pp_p, self._pp_lo, self._pp_hi, self._pp_state, self._pp_contacts, self._n_block,
                self._need, ht, fallen, clock, frame, ev, self._track, self._probe.ctypes.data)
        pass_args = (_FN, self._body, self._raw, self._pp_x, self._pp_p, self._pp_lo, self._pp_hi,
                     self._pp_state, self._pp_contacts, self._n_block, self._track)
        f = 0
        while f < frames and len(run):
            stop = min(frames, (f // 128 + 1) * 128)
            done, partial = _frames(stop - f, run, *args)
            f += done
            if partial:  # a runner near the start block: its contacts from the arbiters, then the pass
                need = np.flatnonzero(self._need)
                for i in need.tolist():
                    self._n_block[i] = sims[i]._block_contacts()
                _finish(need, *pass_args)
                self._need[need] = 0
                f += 1
            if ev[run].any():  # a contact rule fired: end the games that ended (QWOPSim._frame)
                for i in run[ev[run] != 0].tolist():
                    ev[i] = 0
                    s = sims[i]
                    fallen[i] = s.fallen
                    if s.fallen or s.finished:
                        s.clock, s.frame, s._head_torque = float(clock[i]), int(frame[i]), float(ht[i])
                        s._end_game()
                run = np.array([i for i in run.tolist() if not sims[i].ended], dtype=np.int64)
            if f % 128 == 0 and f < frames:
                _read_all(run, _FN, self._space, self._data, self._farr)
                for i in run.tolist():
                    s = sims[i]
                    s.clock, s.frame = float(clock[i]), int(frame[i])
                    s._after_frames()
                    if s.space is not spaces[i]:  # pragma: no cover - _after_frames never rebuilds
                        self._pointers(i)
        for i in live:
            s = sims[i]
            s._head_torque, s.clock, s.frame = float(ht[i]), float(clock[i]), int(frame[i])
        _read_all(np.array(live, dtype=np.int64), _FN, self._space, self._data, self._farr)

    def state(self, i: int) -> RawState:
        return self.sims[i].state()

    def set_state(self, i: int, s: RawState) -> None:
        self.sims[i].set_state(s)
        self._sync(i)
