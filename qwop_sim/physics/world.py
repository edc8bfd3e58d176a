"""QWOPSim: one world of the game (Box2D 2.1a in the original) in pymunk / Chipmunk2D.

Per frame, as game/src/qwop.js: clock, the head torque (it accumulates: qwop.json
world.clear_forces), the keys' motor speeds and hip limits, one ``cpSpaceStep`` (the contact
rules fire inside, rules.py), Box2D's position pass (runner_pass.py), the game end (rules.py).
Where the rest is:

    spec.py          what is taken from game/qwop.json (and the switches the port refuses)
    settings.py      SolverSettings: Chipmunk's knobs, as measured
    step_shift.py    Chipmunk kept one step behind Box2D; reading the bodies out
    build.py         the pymunk space: runner, joints, track tiles, start block, hurdle
    rules.py         falls, the jump, the landing, the game end
    runner_pass.py   Box2D's position pass around each step (kernels: position_pass.py)
    buffers.py       the arrays a world works in (QWOPBatch stacks them)
    batch.py         QWOPBatch: many worlds, stepped by one compiled call
    ccall.py         Chipmunk's C functions called by address from that compiled call
"""
from __future__ import annotations

import math

import numpy as np
from pymunk._chipmunk_cffi import ffi, lib

from qwop_sim.constants import BODY_FIELDS, BODY_ORDER
from qwop_sim.physics import rules
from qwop_sim.physics.buffers import WorldBuffers
from qwop_sim.physics.build import Track, add_hurdle, add_runner, add_start_block, new_space
from qwop_sim.physics.runner_pass import LEFT_HIP, RIGHT_HIP, RunnerPass
from qwop_sim.physics.settings import DEFAULT_SETTINGS, LEGACY_SETTINGS, SolverSettings
from qwop_sim.physics.spec import SPEC
from qwop_sim.physics.step_shift import TO_BOX2D, Reader, box2d_row, put_bodies
from qwop_sim.state import RawState

__all__ = ["QWOPSim", "SolverSettings", "DEFAULT_SETTINGS", "LEGACY_SETTINGS", "HURDLE_NEAR", "hip_bounds"]

DT, CLOCK_PER_FRAME, MPU = SPEC.dt, SPEC.clock_per_frame, SPEC.metres_per_unit
HEAD_GAIN, HEAD_OFFSET, CLEAR_FORCES = SPEC.head_gain, SPEC.head_offset, SPEC.clear_forces
N_BODIES = len(SPEC.bodies)
_INITIAL = SPEC.initial_bodies
_INITIAL_HIPS = SPEC.initial_hips
_REF = {j.name: j.reference for j in SPEC.joints}
_HEAD = BODY_ORDER.index("head")
_FEET = [i for i, b in enumerate(SPEC.bodies) if b.name in SPEC.rule_feet]
# the hurdle is added (asleep) once the torso passes this x: never within the runner's reach before
HURDLE_NEAR = float(SPEC.hurdle_parts[1][0].x) - 30.0
_get_a, _get_w, _set_t, _step = lib.cpBodyGetAngle, lib.cpBodyGetAngularVelocity, lib.cpBodySetTorque, lib.cpSpaceStep
_set_rate, _set_min, _set_max = lib.cpSimpleMotorSetRate, lib.cpRotaryLimitJointSetMin, lib.cpRotaryLimitJointSetMax
# the key whose SPEC.key_table entry each hip-limit dict is (by identity, as _apply_keys compares)
_HIP_KEY = {id(h): k for k, (_, h) in enumerate(SPEC.key_table) if h is not None}


def hip_bounds(hips) -> tuple[float, float, float, float]:
    """A hip-limits dict ({"leftHip": (lower, upper), "rightHip": ...}, Box2D's joint angles) as
    the Chipmunk bounds the hips' RotaryLimitJoints take: left min, max, right min, max (the
    reference angle added; QWOPSim._set_hips and QWOPBatch's key table)."""
    ref_l, ref_r = _REF["leftHip"], _REF["rightHip"]
    lo_l, hi_l = hips["leftHip"]
    lo_r, hi_r = hips["rightHip"]
    return lo_l + ref_l, hi_l + ref_l, lo_r + ref_r, hi_r + ref_r


def check_state(s: RawState) -> None:
    """set_state's input check (before anything changes): ValueError naming the bad field."""
    b = np.array(s.bodies, dtype=np.float64)
    if b.shape != (N_BODIES, 6):
        raise ValueError(f"state.bodies must be {N_BODIES} x 6, got shape {b.shape}")
    bad = np.argwhere(~np.isfinite(b))
    if len(bad):
        r, c = (int(v) for v in bad[0])
        raise ValueError(f"state.bodies[{r}][{c}] ({BODY_ORDER[r]} {BODY_FIELDS[c]}) is {b[r, c]}: "
                         "bodies must be finite numbers")
    for name in ("distance", "clock"):
        if not math.isfinite(float(getattr(s, name))):
            raise ValueError(f"state.{name} is {getattr(s, name)}: must be a finite number")


class QWOPSim:
    """One QWOP world in pymunk. The contract: DEVELOPERS.md; how: README.md in this folder.

    ``buffers``: the arrays to work in (QWOPBatch passes views of its stacked ones); new ones
    by default. Public state: ``fallen``, ``jumped``, ``finished``, ``ended`` (the game is over:
    fallen or finished), ``distance`` (m), ``clock`` (s), ``frame``, ``head_torque`` (the torque on
    the head in the last frame: it accumulates, reset and set_state zero it), ``hurdle`` ((base,
    top) pymunk bodies once added, else None), ``runner_pass`` (runner_pass.RunnerPass: Box2D's
    position pass, run when ``settings.position_pass``), and the pymunk objects ``space``,
    ``bodies``, ``pivots``, ``limits``, ``motors`` (by joint name), ``runner`` (build.Runner)."""

    def __init__(self, settings: SolverSettings | None = None, buffers: WorldBuffers | None = None):
        self.settings = settings or DEFAULT_SETTINGS
        self.buffers = buffers = buffers or WorldBuffers.new()
        self.event = buffers.event  # set to 1 by the contact rules (QWOPBatch polls it)
        self.reader = Reader(buffers.raw)
        self._raw, self._out = buffers.raw, buffers.bodies
        self.runner_pass = RunnerPass(buffers, self.reader, self.settings)
        self._pp_on = self.settings.position_pass
        self.generation = 0  # +1 with every new space (QWOPBatch re-reads its C pointers)
        self.reset()

    # ---- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        st = self.settings
        self.space = space = new_space(st)
        self.space_ptr = space._space
        self.runner = r = add_runner(space, st)
        self.bodies, self.pivots, self.limits, self.motors = r.bodies, r.pivots, r.limits, r.motors
        self._head_ptr = r.bodies[_HEAD]._body
        self.warming = False  # the warm-up solve runs (the contact rules wait: deferred)
        self.deferred = []
        self.runner_pass.bind(r, self.space_ptr)
        self._key_motor_ptrs = tuple(self.motors[n]._constraint for n in SPEC.key_motors)
        self._lhip_ptr, self._rhip_ptr = self.limits["leftHip"]._constraint, self.limits["rightHip"]._constraint
        self.track = Track(space, st, _INITIAL[0, 0])
        self._block_shape = add_start_block(space, st)
        self.hurdle = None  # added lazily (asleep) when the runner comes near (upkeep)
        rules.install(self, space, [r.bodies[i] for i in _FEET])
        self.generation += 1

    def _add_hurdle(self) -> None:
        self.hurdle = add_hurdle(self.space, self.settings)

    # ---- keys ------------------------------------------------------------------------------
    def _apply_keys(self, keys: int) -> None:
        table = SPEC.key_table  # keys 0..15 -> (motor speeds, hip limits or None)
        speeds, hips = table[keys]
        last = table[self._keys][0] if self._keys is not None else None
        for i, m in enumerate(self._key_motor_ptrs):
            if last is None or last[i] != speeds[i]:
                _set_rate(m, -speeds[i])  # SimpleMotor.rate's setter (Box2D's sign: -), no wrapper
        if hips is not None and hips is not self._hips:
            self._set_hips(hips)
        self._keys = keys

    def _set_hips(self, hips) -> None:
        lo_l, hi_l, lo_r, hi_r = hip_bounds(hips)
        # RotaryLimitJoint.min/max's setters, without pymunk's wrapper; the pass's copies of the
        # two limits as refresh_limits would copy them (Chipmunk stores the doubles as given)
        _set_min(self._lhip_ptr, lo_l)
        _set_max(self._lhip_ptr, hi_l)
        _set_min(self._rhip_ptr, lo_r)
        _set_max(self._rhip_ptr, hi_r)
        b = self.buffers
        b.lo[LEFT_HIP], b.hi[LEFT_HIP] = lo_l, hi_l
        b.lo[RIGHT_HIP], b.hi[RIGHT_HIP] = lo_r, hi_r
        self._hips = hips

    # ---- public API ------------------------------------------------------------------------
    def reset(self) -> RawState:
        """Start a new race: the start pose, clock 0, flags off, start hip limits.

        Every reset builds a fresh space (about 0.6 ms), so an episode never depends on the ones
        before it: Chipmunk keeps its contact lists and spatial index in the order of their
        history, which a reused space would carry into the next episode's last bits."""
        self._build()
        self._keys = None
        self._hips = _INITIAL_HIPS
        self._apply_keys(0)
        self._set_hips(_INITIAL_HIPS)
        self.distance = _INITIAL[0, 0] * MPU  # the game's score follows the torso from frame 0
        self.clock = 0.0
        self.frame = 0
        self.fallen = self.jumped = self.finished = False
        self.ended = False
        self.head_torque = 0.0
        self._warm_pending = False
        self._out[:] = _INITIAL
        self._hurdle_check = True
        self.reader.get(self.space_ptr)
        return self.state()

    def step(self, keys: int, frames: int = 1) -> RawState:
        """Hold ``keys`` (Q=1 W=2 O=4 P=8) for ``frames`` game frames; returns the new state."""
        self.step_fast(keys, frames)
        return self.state()

    def step_fast(self, keys: int, frames: int = 1) -> np.ndarray:
        """Like step() without building a RawState: returns the internal (12, 6) bodies array
        (valid until the next call); flags are attributes (fallen, jumped, finished, ended...)."""
        if self.ended:
            return self._out
        keys = int(keys) & 15
        for f in range(frames):
            self.advance(keys)
            if self.ended:
                break
            if f % 128 == 127:
                self.upkeep()
        self.upkeep()
        return self._out

    def state(self) -> RawState:
        return RawState(
            bodies=self._out.copy(), distance=self.distance, clock=self.clock, frame=self.frame,
            fallen=self.fallen, jumped=self.jumped, finished=self.finished,
            hip_limits=dict(self._hips),
        )

    def set_state(self, s: RawState) -> None:
        """Put the world in state ``s`` (rebuilt first, so the result does not depend on history;
        the hurdle goes back to its start pose: the raw state does not carry it).
        ValueError naming the field for bodies that are not 12 x 6 finite numbers, or a distance or
        clock that is not finite (the world is left as it was)."""
        check_state(s)
        self.reset()
        b = np.asarray(s.bodies, dtype=np.float64)
        self.fallen, self.jumped, self.finished = bool(s.fallen), bool(s.jumped), bool(s.finished)
        self._set_hips({h: (float(v[0]), float(v[1])) for h, v in s.hip_limits.items()})
        self.track.ensure(b[0, 0])
        if b[0, 0] > HURDLE_NEAR:
            self._hurdle_check = False
            self._add_hurdle()
        self._put_runner(b)
        # Box2D enters every step with the joint and contact impulses of the previous one (warm
        # starting). A rebuilt world has none: with settings.warm_start the first frame after
        # set_state first solves once at this very state with its keys (then undone, _warm_up).
        self._warm_pending = self.settings.warm_start
        self._out[:] = b
        self.distance = float(s.distance)
        self.clock = float(s.clock)
        self.frame = int(s.frame)
        if self.fallen or self.finished:
            self.end_game()

    def hurdle_state(self) -> dict | None:
        """{'base': [x, y, angle, vx, vy, w], 'top': [...]} (Box2D semantics) once the hurdle is
        added (when the torso passes HURDLE_NEAR), else None: it stands at its start pose."""
        if self.hurdle is None:
            return None
        return {key: box2d_row(b) for key, b in zip(("base", "top"), self.hurdle)}

    # ---- one frame, and what QWOPBatch calls between its compiled frames -----------------------
    def advance(self, keys: int) -> None:
        """One frame with ``keys`` (0..15), without the read-out and upkeep (step_fast does both)."""
        if keys != self._keys:
            self._apply_keys(keys)
        if self._warm_pending:
            self._warm_up()
        self.clock += CLOCK_PER_FRAME
        self.frame += 1
        if not self.fallen:
            hp = self._head_ptr  # the head's angle in Box2D terms: Chipmunk's + w dt (step_shift)
            t = HEAD_GAIN * (_get_a(hp) + _get_w(hp) * DT + HEAD_OFFSET)
            self.head_torque = t if CLEAR_FORCES else self.head_torque + t
        if self.head_torque:
            # Chipmunk clears forces after each step; the original never does (qwop.json
            # world.clear_forces = false): the head torque accumulates frame after frame
            _set_t(self._head_ptr, self.head_torque)
        pp = self.runner_pass
        if self._pp_on and not pp.valid:
            pp.read_poses()  # Box2D's poses at the start of the step (the pass's limit states)
        _step(self.space_ptr, DT)  # lib.cpSpaceStep: Space.step's Python bookkeeping not needed
        if self._pp_on:
            pp.run()
        if self.deferred:
            for rule, x in self.deferred:
                rule(self, x)
            self.deferred.clear()
        if self.fallen or self.finished:
            self.end_game()

    def prepare(self) -> None:
        """Ready for frames stepped outside (QWOPBatch's kernel): the pass's start-of-step poses
        read (the keys: key_state / key_pointers / keys_applied)."""
        if not self.runner_pass.valid:
            self.runner_pass.read_poses()

    def c_pointers(self) -> tuple[int, int, int, list[int]]:
        """C addresses (space, head body, start block shape, runner bodies) of the current space:
        valid while ``generation`` stays the same."""
        return (_address(self.space_ptr), _address(self._head_ptr), _address(self._block_shape._shape),
                [_address(p) for p in self.runner_pass.ptrs])

    def key_pointers(self) -> tuple[list[int], tuple[int, int]]:
        """C addresses of the key motors (SPEC.key_motors order) and of the two hips' limits (left,
        right), for QWOPBatch's compiled key application: valid while ``generation`` stays the same."""
        return [_address(p) for p in self._key_motor_ptrs], (_address(self._lhip_ptr), _address(self._rhip_ptr))

    def key_state(self) -> tuple[int, int]:
        """(the keys in force, -1 if none since the build; the key whose SPEC.key_table hip limits
        are in force, -1 if other ones): what _apply_keys decides from, for QWOPBatch's kernel."""
        k = self._keys
        return (-1 if k is None else k), _HIP_KEY.get(id(self._hips), -1)

    def keys_applied(self, keys: int) -> None:
        """_apply_keys(keys)'s bookkeeping, for QWOPBatch, which made the Chipmunk calls itself."""
        if keys != self._keys:
            self._keys = keys
            hips = SPEC.key_table[keys][1]
            if hips is not None:
                self._hips = hips

    def read_raw(self) -> None:
        """Every body's Chipmunk row into the raw buffer."""
        self.reader.get(self.space_ptr)

    def needs_upkeep(self, x: float) -> bool:
        """Whether a torso at x needs track tiles or the hurdle added (upkeep)."""
        return not (self.track.check_lo < x < self.track.check_hi) or (self._hurdle_check and x > HURDLE_NEAR)

    def upkeep(self) -> None:
        """Read the bodies out, update the score, extend the track / add the hurdle if near."""
        self.reader.get(self.space_ptr)
        np.matmul(self._raw[:N_BODIES], TO_BOX2D, out=self._out)
        x = self._out[0, 0]
        if not self.finished:
            self.distance = x * MPU
        if not (self.track.check_lo < x < self.track.check_hi):
            self.track.ensure(x)
        if self._hurdle_check and x > HURDLE_NEAR:
            self._hurdle_check = False
            self._add_hurdle()

    def end_game(self) -> None:
        """The game is over (fallen or finished): rules.end_game, once."""
        rules.end_game(self)

    # ---- internals ---------------------------------------------------------------------------
    def _warm_up(self) -> None:
        """SolverSettings.warm_start: one solve at the state just set, with this frame's keys,
        then the state put back: the solver keeps the impulses a world that played on would have."""
        self._warm_pending = False
        keep = self._out.copy()
        self.warming = True
        if not self.fallen:
            hp = self._head_ptr
            t = HEAD_GAIN * (_get_a(hp) + _get_w(hp) * DT + HEAD_OFFSET)
            _set_t(hp, t if CLEAR_FORCES else self.head_torque + t)
        lib.cpSpaceStep(self.space_ptr, DT)
        self.warming = False
        # Drop the position-correction (bias) velocities this solve left behind: they would move
        # the bodies at the start of the real step (Chipmunk adds v_bias * dt there), e.g. lift a
        # limb that touches the track out of it so that its contact is never solved (parity
        # harness: arm falling at 12.7 units/s kept 15.7 instead of stopping). A state from the
        # game is already position-corrected. cpBodyUpdatePosition(b, 0) only zeroes them.
        for b in self.bodies:
            lib.cpBodyUpdatePosition(b._body, 0.0)
        self._put_runner(keep)

    def _put_runner(self, rows: np.ndarray) -> None:
        put_bodies(self.bodies, rows)
        self.runner_pass.valid = False


def _address(cdata) -> int:
    return int(ffi.cast("uintptr_t", cdata))
