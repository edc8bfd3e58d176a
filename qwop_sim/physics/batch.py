"""QWOPBatch: N independent QWOP worlds stepped together, results as stacked numpy arrays.

Each world is a QWOPSim working in views of the batch's stacked buffers (buffers.WorldBuffers):
the raw read-out (N, rows, 6), the reported bodies (N, 12, 6) and the position pass's state
(poses, limits, limit states, contacts). With the default settings (position pass on, no warm
start) one compiled call (numba, ``_frames``) steps every world for the frames asked: per world
and frame the head torque, ``cpSpaceStep``, the read-out, Box2D's position pass and the
write-back of the 12 poses, all by calling Chipmunk's own C functions by address (``ccall.py``),
so the floats are those of N single worlds (tests/qwop_sim/test_batch.py), without a Python call
per body or per world. Python runs only between frames where a world needs it: a contact rule
fired (fall, jump, landing: the world's event flag), a runner near the start block (its Chipmunk
contacts are read from the arbiters), every 128 frames of one call, and after the call (track
tiles, hurdle), through QWOPSim's methods for that (``prepare``, ``c_pointers``, ``key_state``, ``upkeep``,
``end_game``, ...). Other settings step the worlds one by one (``QWOPSim.advance``).

Every number the kernels use comes in as an argument (``FrameConstants``), none as a global:
numba's cache keeps a global's value from the compilation, so a kernel reading qwop.json's values
as globals would keep them after the file changed.

    b = QWOPBatch(64)
    out = b.step(keys)            # keys: int or int array (N,); out.bodies (N, 12, 6) ...
    b.reset(np.flatnonzero(out.done))   # reset the worlds whose game ended
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from qwop_sim.physics import ccall
from qwop_sim.physics import position_pass as _pp
from qwop_sim.physics.buffers import WorldBuffers
from qwop_sim.physics.ccall import call_d_p, call_p_d, call_p_dd, call_p_p_p, store_i32
from qwop_sim.physics.runner_pass import BLOCK_RIGHT, LEFT_HIP, REACH, RIGHT_HIP, PassConstants, pass_constants
from qwop_sim.physics.settings import DEFAULT_SETTINGS, SolverSettings
from qwop_sim.physics.spec import SPEC
from qwop_sim.physics.step_shift import TO_BOX2D
from qwop_sim.physics.world import QWOPSim, hip_bounds
from qwop_sim.state import RawState

try:
    from numba import cfunc, njit, types as _nt
    _NUMBA = True
except ImportError:  # pragma: no cover - numba is a dependency; without it the worlds go one by one
    _NUMBA = False

N_BODIES = len(SPEC.bodies)

# Chipmunk / pymunk functions the kernel calls, by address (ccall.py)
(_F_STEP, _F_GET_A, _F_GET_W, _F_SET_T, _F_EACH, _F_READ, _F_UPD, _F_SET_P, _F_SET_A, _F_RATE, _F_MIN,
 _F_MAX) = range(12)
_FN = np.array([ccall.address(n) for n in (
    "cpSpaceStep", "cpBodyGetAngle", "cpBodyGetAngularVelocity", "cpBodySetTorque", "cpSpaceEachBody",
    "pmSpaceBodyGetIteratorFuncBatched", "cpBodyUpdatePosition", "cpBodySetPosition", "cpBodySetAngle",
    "cpSimpleMotorSetRate", "cpRotaryLimitJointSetMin", "cpRotaryLimitJointSetMax")],
    dtype=np.int64)
_F_SHAPES, _F_EACH_ARB, _F_VISIT = 12, 13, 14
# per world: [cpArbiterGetShapes, the start block's cpShape *, hit flag, shape a, shape b]
_PROBE_COLUMNS = 5


class FrameConstants(NamedTuple):
    """The numbers a frame of the kernel uses (as QWOPSim.advance and RunnerPass.run do)."""
    dt: float
    clock_per_frame: float
    head_gain: float
    head_offset: float
    clear_forces: bool
    block_right: float      # the start block's right face
    reach: np.ndarray       # (12,) how far each runner box reaches from its centre
    pc: PassConstants
    key_speeds: np.ndarray  # (16, key motors) SPEC.key_table's motor speeds (Box2D's sign)
    key_has_hips: np.ndarray  # (16,) bool: the keys set the hip limits (O or P held)
    key_hips: np.ndarray    # (16, 4) those limits as Chipmunk bounds: left min, max, right min, max
    left_hip: int           # the hips' rows in the pass's limit arrays (lo, hi)
    right_hip: int


def _key_constants():
    """SPEC.key_table as arrays, the hip bounds those QWOPSim._set_hips sets (world.hip_bounds)."""
    speeds = np.array([sp for sp, _ in SPEC.key_table], dtype=np.float64)
    has = np.array([h is not None for _, h in SPEC.key_table])
    hips = np.array([hip_bounds(h) if h is not None else (0.0,) * 4 for _, h in SPEC.key_table])
    return speeds, has, hips



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
def _pass_and_write(i, fn, k, bodies, raw, x, p, lo, hi, state, contacts, n_block):
    """Box2D's position pass of world i (position_pass.frame_pass, as RunnerPass.run) and the
    poses written back through cpBodyUpdatePosition(dt 0), cpBodySetPosition and
    cpBodySetAngle, the calls RunnerPass.run makes through cffi."""
    pc = k.pc
    _pp.frame_pass(raw[i], x[i], p[i], k.dt, pc.half, pc.inv_mass, pc.inv_inertia, pc.ia, pc.ib,
                   pc.anchor_a, pc.anchor_b, pc.reference, lo[i], hi[i], state[i], contacts[i], n_block[i],
                   pc.top_y, pc.tile_width, pc.track_lo, pc.track_hi, pc.iterations, pc.total_radius,
                   pc.baumgarte)
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
def _apply_keys(live, keys, cur_keys, cur_hip, fn, k, motors, hips, lo, hi):
    """QWOPSim._apply_keys of every world in ``live`` whose keys changed, with the same Chipmunk
    calls under the same conditions: a key motor's rate set where its speed changes (every one
    after a reset: cur_keys -1), both hips' bounds where the keys carry hip limits other than the
    ones in force (cur_hip: the key whose table entry is in force, -1: none)."""
    for i in live:
        key, last = keys[i], cur_keys[i]
        if key == last:
            continue
        for m in range(motors.shape[1]):
            if last < 0 or k.key_speeds[last, m] != k.key_speeds[key, m]:
                call_p_d(fn[_F_RATE], motors[i, m], -k.key_speeds[key, m])
        if k.key_has_hips[key] and cur_hip[i] != key:
            call_p_d(fn[_F_MIN], hips[i, 0], k.key_hips[key, 0])
            call_p_d(fn[_F_MAX], hips[i, 0], k.key_hips[key, 1])
            call_p_d(fn[_F_MIN], hips[i, 1], k.key_hips[key, 2])
            call_p_d(fn[_F_MAX], hips[i, 1], k.key_hips[key, 3])
            lo[i, k.left_hip], hi[i, k.left_hip] = k.key_hips[key, 0], k.key_hips[key, 1]
            lo[i, k.right_hip], hi[i, k.right_hip] = k.key_hips[key, 2], k.key_hips[key, 3]
            cur_hip[i] = key
        cur_keys[i] = key


@_kernel
def _read(i, fn, space, data, farr):
    """QWOPSim.read_raw: all bodies of world i into its raw rows (pymunk.batch's iterator)."""
    store_i32(farr[i], 0)
    call_p_p_p(fn[_F_EACH], space[i], fn[_F_READ], data[i])


@_kernel
def _frames(n_frames, live, fn, k, space, head, bodies, data, farr, raw, x, p, lo, hi, state, contacts,
            n_block, need, head_torque, fallen, clock, frame, events, probes):
    """Up to ``n_frames`` frames of the worlds in ``live`` (QWOPSim.advance each). Returns
    (frames completed, 1 if the next frame stopped before the pass of the worlds flagged in
    ``need``, else 0). Stops after a frame in which a contact rule fired (``events``)."""
    for f in range(n_frames):
        pending = False
        for i in live:
            clock[i] += k.clock_per_frame
            frame[i] += 1
            hp = head[i]
            if not fallen[i]:
                t = k.head_gain * (call_d_p(fn[_F_GET_A], hp) + call_d_p(fn[_F_GET_W], hp) * k.dt
                                   + k.head_offset)
                head_torque[i] = t if k.clear_forces else head_torque[i] + t
            if head_torque[i] != 0.0:
                call_p_d(fn[_F_SET_T], hp, head_torque[i])
            call_p_d(fn[_F_STEP], space[i], k.dt)
            _read(i, fn, space, data, farr)
            back = False
            probe = probes + i * 8 * _PROBE_COLUMNS
            for b in range(bodies.shape[1]):
                if raw[i, b, 0] - k.reach[b] <= k.block_right:
                    # near the block (RunnerPass.block_contacts): in contact with it?
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
            _pass_and_write(i, fn, k, bodies, raw, x, p, lo, hi, state, contacts, n_block)
        if pending:
            return f, 1
        for i in live:
            if events[i]:
                return f + 1, 0
    return n_frames, 0


@_kernel
def _finish(idx, fn, k, bodies, raw, x, p, lo, hi, state, contacts, n_block):
    for i in idx:
        _pass_and_write(i, fn, k, bodies, raw, x, p, lo, hi, state, contacts, n_block)


@_kernel
def _read_all(idx, fn, space, data, farr):
    for i in idx:
        _read(i, fn, space, data, farr)


class QWOPBatch:
    def __init__(self, n: int, settings: SolverSettings | None = None):
        self.n = n = int(n)
        self.settings = settings = settings or DEFAULT_SETTINGS
        self.buffers = buf = WorldBuffers.new(n)
        self._raw, self.bodies, self._events = buf.raw, buf.bodies, buf.event
        self.sims = [QWOPSim(settings, buf.world(i)) for i in range(n)]
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
        self._k = FrameConstants(SPEC.dt, SPEC.clock_per_frame, SPEC.head_gain, SPEC.head_offset,
                                 SPEC.clear_forces, BLOCK_RIGHT, REACH, pass_constants(settings),
                                 *_key_constants(), LEFT_HIP, RIGHT_HIP)
        self._motors = np.zeros((n, len(SPEC.key_motors)), dtype=np.int64)  # key motors' cpConstraint *
        self._hip_ptrs = np.zeros((n, 2), dtype=np.int64)  # the hips' limit cpConstraint *
        self._keys = np.zeros(n, dtype=np.int64)
        self._cur_keys = np.zeros(n, dtype=np.int64)
        self._cur_hip = np.zeros(n, dtype=np.int64)
        self._space = np.zeros(n, dtype=np.int64)
        self._head = np.zeros(n, dtype=np.int64)
        self._body = np.zeros((n, N_BODIES), dtype=np.int64)
        self._data = np.array([ccall.pointer(s.reader.data) for s in self.sims], dtype=np.int64)
        self._farr = np.array([ccall.pointer(s.reader.farr) for s in self.sims], dtype=np.int64)
        self._generation = [None] * n  # the world's generation its pointers were taken at
        self._n_block = np.zeros(n, dtype=np.int64)
        self._need = np.zeros(n, dtype=np.int8)
        self._head_torque = np.zeros(n)
        self._probe = np.zeros((n, _PROBE_COLUMNS), dtype=np.int64)
        self._probe[:, 0] = _FN[_F_SHAPES] if self.compiled else 0
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
        self._space[i], self._head[i], self._probe[i, 1], self._body[i] = s.c_pointers()
        self._motors[i], self._hip_ptrs[i] = s.key_pointers()
        self._generation[i] = s.generation

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
            self._keys[:] = int(keys) & 15
        else:
            a = np.asarray(keys)
            if a.shape != (self.n,):
                raise ValueError(f"keys must be an int or {self.n} ints (one per world), got shape {a.shape}")
            np.bitwise_and(a.astype(np.int64), 15, out=self._keys)
        keys = self._keys.tolist()
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
            np.matmul(self._raw[:, :N_BODIES], TO_BOX2D, out=self.bodies)
        else:
            self.bodies[live] = self._raw[live, :N_BODIES] @ TO_BOX2D
        xs = self.bodies[:, 0, 0].tolist()
        mpu = SPEC.metres_per_unit
        for i in live:
            s = sims[i]
            x = xs[i]
            if not s.finished:
                s.distance = x * mpu
            if s.needs_upkeep(x):
                s.upkeep()  # extend the track / add the hurdle (rare)
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
                    s.advance(k)
            if f % 128 == 127:
                for i in live:
                    sims[i].upkeep()
        for i in live:
            sims[i].read_raw()

    def _step_compiled(self, live, keys, frames) -> None:
        sims, gen = self.sims, self._generation
        ht, fallen, clock, frame, ev = self._head_torque, self.fallen, self.clock, self.frame, self._events
        cur_keys, cur_hip = self._cur_keys, self._cur_hip
        for i in live:  # the worlds' own state in, whatever happened to them since the last step
            s = sims[i]
            if s.generation != gen[i]:
                self._pointers(i)
            s.prepare()
            cur_keys[i], cur_hip[i] = s.key_state()  # the keys: _apply_keys below
            ht[i], fallen[i], clock[i], frame[i] = s.head_torque, s.fallen, s.clock, s.frame
            ev[i] = 0
        run = np.array(live, dtype=np.int64)
        b = self.buffers
        _apply_keys(run, self._keys, cur_keys, cur_hip, _FN, self._k, self._motors, self._hip_ptrs, b.lo, b.hi)
        args = (_FN, self._k, self._space, self._head, self._body, self._data, self._farr, b.raw, b.x, b.p,
                b.lo, b.hi, b.state, b.contacts, self._n_block, self._need, ht, fallen, clock, frame, ev,
                self._probe.ctypes.data)
        pass_args = (_FN, self._k, self._body, b.raw, b.x, b.p, b.lo, b.hi, b.state, b.contacts, self._n_block)
        f = 0
        while f < frames and len(run):
            stop = min(frames, (f // 128 + 1) * 128)
            done, partial = _frames(stop - f, run, *args)
            f += done
            if partial:  # a runner near the start block: its contacts from the arbiters, then the pass
                need = np.flatnonzero(self._need)
                for i in need.tolist():
                    self._n_block[i] = sims[i].runner_pass.block_contacts()
                _finish(need, *pass_args)
                self._need[need] = 0
                f += 1
            if ev[run].any():  # a contact rule fired: end the games that ended (QWOPSim.advance)
                for i in run[ev[run] != 0].tolist():
                    ev[i] = 0
                    s = sims[i]
                    fallen[i] = s.fallen
                    if s.fallen or s.finished:
                        s.clock, s.frame, s.head_torque = float(clock[i]), int(frame[i]), float(ht[i])
                        s.end_game()
                run = np.array([i for i in run.tolist() if not sims[i].ended], dtype=np.int64)
            if f % 128 == 0 and f < frames:
                _read_all(run, _FN, self._space, self._data, self._farr)
                for i in run.tolist():
                    s = sims[i]
                    s.clock, s.frame = float(clock[i]), int(frame[i])
                    s.upkeep()
                    if s.generation != gen[i]:  # pragma: no cover - upkeep never rebuilds
                        self._pointers(i)
        for i in live:
            s = sims[i]
            s.head_torque, s.clock, s.frame = float(ht[i]), float(clock[i]), int(frame[i])
            s.keys_applied(keys[i])  # after the kernel made the calls (an interrupted step re-applies)
        _read_all(np.array(live, dtype=np.int64), _FN, self._space, self._data, self._farr)

    def state(self, i: int) -> RawState:
        return self.sims[i].state()

    def set_state(self, i: int, s: RawState) -> None:
        self.sims[i].set_state(s)
        self._sync(i)
