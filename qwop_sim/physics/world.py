"""QWOPSim: the game's ragdoll (Box2D 2.1a in the original) ported to pymunk / Chipmunk2D.

Every number comes from ``qwop_sim.constants`` (game/qwop.json). The per-frame rules follow
shared/reference/qwop-physics.md; the solver settings (``SolverSettings``) were chosen by measuring
against the recordings of the real game (see README.md in this folder and ``tune.py``).

Box2D vs Chipmunk step semantics (the main thing that makes the port faithful)
------------------------------------------------------------------------------
Box2D 2.1a, per step: collide at the current positions (contact *begin* events fire here), add
gravity and forces to the velocities, solve velocities, then ``x += v * dt`` and a position
correction. Chipmunk, per step: ``x += (v + v_bias) * dt`` with the *old* velocity first, then
collide, then gravity/forces and the velocity solve. Both are symplectic Euler, shifted by half a
step. We keep Chipmunk's internal position one step behind:

    chipmunk position p = box2d position x - v * dt      (same for the angle)

so that Chipmunk's opening ``p += v * dt`` lands exactly on Box2D's x, the collision (and the
contact begin callbacks) happen at Box2D's x, the velocity solve runs there, and the state we
report after the step is ``p + v_new * dt``: Box2D's ``x + v_new * dt``. No extra work per step,
only the read-out adds ``v * dt`` (vectorised). ``set_state`` applies the inverse shift.

Sign conventions
----------------
Box2D revolute joint: angle = angle(B) - angle(A) - reference, motor drives w(B) - w(A) = speed.
Chipmunk: RotaryLimitJoint(a, b, min, max) bounds angle(b) - angle(a); SimpleMotor(a, b, rate)
drives w(b) - w(a) = -rate (cpSimpleMotor: ``wr = b->w - a->w + rate`` -> 0). So with a = A (the
limb) and b = B (the parent): min/max = lower/upper + reference and rate = -speed.
(tests/qwop_sim/test_physics.py checks both numerically.)
"""
from __future__ import annotations

import math
from dataclasses import dataclass, asdict

import numpy as np
import pymunk
import pymunk.batch
from pymunk._chipmunk_cffi import ffi, lib

from qwop_sim.constants import BODY_FIELDS, BODY_ORDER, C, CLOCK_PER_FRAME, DT, KEYS, METRES_PER_UNIT, N_BODIES, PX_PER_UNIT
from qwop_sim.physics import position_pass as _pp
from qwop_sim.state import RawState

__all__ = ["QWOPSim", "SolverSettings", "DEFAULT_SETTINGS", "LEGACY_SETTINGS", "KEY_TABLE"]


# --------------------------------------------------------------------------------------------
# Solver settings (chosen by measuring, see README.md / tune.py)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SolverSettings:
    iterations: int = 5             # Chipmunk iterations per step: Box2D's 5 velocity iterations
                                    # (with Box2D's joint order 5 measures best, README.md)
    # Box2D's position pass for the joints after each step (position_pass.py), up to
    # world.position_iterations sweeps. With it the pivots get no velocity bias
    # (joint_error_bias 1) and the limits a vanishing one (limit_max_bias 1e-12: active, no kick).
    # LEGACY_SETTINGS: the faster pure-Chipmunk settings from before (README.md).
    position_pass: bool = True
    collision_slop: float = 0.005   # Box2D b2_linearSlop
    collision_bias: float = 0.0     # fraction of overlap left after 1 s: 0 = all in one step
                                    # (the real game pushes a landing foot out in one frame)
    poly_radius: float = 0.01       # Box2D b2_polygonRadius (skin around every box)
    joint_error_bias: float = 1.0   # pivots: fraction of error left after 1 s; 1 = no velocity
                                    # bias (the position pass corrects them, as Box2D)
    joint_max_bias: float = math.inf
    limit_error_bias: float = 0.0   # rotary limits: Chipmunk keeps a limit active only while its
    limit_max_bias: float = 1e-12   # bias is non-zero: a vanishing one (the position pass
                                    # corrects them, as Box2D)
    damping: float = 1.0            # Box2D default linear/angular damping 0
    warm_start: bool = False        # set_state: one solve at the state to rebuild the impulses
                                    # (off: the game's setState starts cold too, README.md)
    # reset() builds a fresh space: history-free (same actions after any reset give the same
    # floats). recycle=True reuses it instead: 8x cheaper, but Chipmunk's internal contact lists
    # keep their order from the last episode, so a later episode can differ in the last bits.
    recycle: bool = False
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
_HURDLE_ERROR_BIAS = 1e-2

# --------------------------------------------------------------------------------------------
# Geometry and rules, precomputed once from the constants
# --------------------------------------------------------------------------------------------
_W = C["world"]
_GRAVITY = tuple(_W["gravity"])
_RULES = C["rules"]
_HEAD_GAIN = float(_RULES["head_torque"]["gain"])
_HEAD_OFFSET = float(_RULES["head_torque"]["offset"])
_CLEAR_FORCES = bool(_W.get("clear_forces", True))
_JUMP_X = float(_RULES["jump_x"])
_PIT_X = float(_RULES["sand_pit_x"])
_ONLY_LEFT = bool(_RULES["foot_quirk_only_left"])
_PF = C["player_filter"]
_PLAYER_FILTER = pymunk.ShapeFilter(categories=_PF["category"], mask=_PF["mask"])

CT_TRACK, CT_FALL, CT_LFOOT, CT_RFOOT = 1, 2, 3, 4


def _half(w_px: float, h_px: float) -> tuple[float, float]:
    return w_px / (2.0 * PX_PER_UNIT), h_px / (2.0 * PX_PER_UNIT)


def _box_verts(hw: float, hh: float) -> list[tuple[float, float]]:
    return [(-hw, -hh), (hw, -hh), (hw, hh), (-hw, hh)]


def _box_mass(density: float, hw: float, hh: float) -> tuple[float, float]:
    """Box2D 2.1a b2PolygonShape::ComputeMass for a centred box (the skin radius is ignored)."""
    m = density * 4.0 * hw * hh
    return m, m * ((2 * hw) ** 2 + (2 * hh) ** 2) / 12.0


def _local(px: float, py: float, ang: float, wx: float, wy: float) -> tuple[float, float]:
    dx, dy = wx - px, wy - py
    c, s = math.cos(ang), math.sin(ang)
    return (c * dx + s * dy, -s * dx + c * dy)


_BODY_SPECS = []  # (name, x, y, angle, mass, moment, verts, friction)
for _name in BODY_ORDER:
    _b = C["bodies"][_name]
    _hw, _hh = _half(_b["width_px"], _b["height_px"])
    _m, _i = _box_mass(_b["density"], _hw, _hh)
    _BODY_SPECS.append((_name, _b["x"], _b["y"], _b["angle"], _m, _i, _box_verts(_hw, _hh),
                        _b["friction"]))
_BODY_INDEX = {n: i for i, n in enumerate(BODY_ORDER)}
INITIAL_BODIES = np.zeros((N_BODIES, 6), dtype=np.float64)
for _i, _s in enumerate(_BODY_SPECS):
    INITIAL_BODIES[_i, :3] = _s[1:4]

_JOINT_SPECS = []  # (name, ia, ib, local_a, local_b, lower, upper, ref, motor, max_torque)
for _j in C["joints"]:
    _ia, _ib = _BODY_INDEX[_j["body_a"]], _BODY_INDEX[_j["body_b"]]
    _sa, _sb = _BODY_SPECS[_ia], _BODY_SPECS[_ib]
    _JOINT_SPECS.append((
        _j["name"], _ia, _ib,
        _local(_sa[1], _sa[2], _sa[3], *_j["anchor_a"]),
        _local(_sb[1], _sb[2], _sb[3], *_j["anchor_b"]),
        float(_j["lower"]), float(_j["upper"]), float(_j["reference"]),
        bool(_j["motor"]), float(_j["max_torque"]),
    ))
JOINT_NAMES = tuple(s[0] for s in _JOINT_SPECS)
_JOINT_INDEX = {n: i for i, n in enumerate(JOINT_NAMES)}
_JOINT_REF = {s[0]: s[7] for s in _JOINT_SPECS}



def _box2d_joint_order() -> tuple[str, ...]:
    """The order Box2D solves the runner's joints in: its island order. b2World.Solve seeds an
    island at the first awake body of the world's body list (CreateBody prepends: the body
    created last) and walks a stack (LIFO) through each body's joint list (CreateJoint prepends:
    newest joint first), adding each joint when first met. Contacts never link two runner
    bodies (no self-collision) and static bodies do not propagate, so this is the order every
    frame (checked against the node game: rightKnee, rightHip, leftHip, leftShoulder, ...)."""
    bodies = list(C["creation_order"])
    edges = {b: [] for b in bodies}
    for j in C["joints"]:
        edges[j["body_a"]].insert(0, (j["name"], j["body_b"]))
        edges[j["body_b"]].insert(0, (j["name"], j["body_a"]))
    seen, met, order = set(), set(), []
    for seed in reversed(bodies):
        if seed in seen:
            continue
        stack = [seed]
        seen.add(seed)
        while stack:
            for name, other in edges[stack.pop()]:
                if name in met:
                    continue
                met.add(name)
                order.append(name)
                if other not in seen:
                    stack.append(other)
                    seen.add(other)
    return tuple(order)


JOINT_SOLVE_ORDER = _box2d_joint_order()

_TRACK = C["track"]
_START = C["start_block"]
_HURDLE = C["hurdle"]

# motors driven by the keys, in a fixed order
_MOTOR_NAMES = ("rightHip", "leftHip", "rightShoulder", "leftShoulder", "rightKnee", "leftKnee")


def _key_table():
    """keys (0..15) -> (speeds in _MOTOR_NAMES order (Box2D sign), hip limits or None)."""
    th, ca = _RULES["thighs"], _RULES["calves"]
    table = []
    for k in range(16):
        t = th["Q"] if k & KEYS["Q"] else th["W"] if k & KEYS["W"] else th["none"]
        c = ca["O"] if k & KEYS["O"] else ca["P"] if k & KEYS["P"] else ca["none"]
        speeds = tuple(float(t[n]) for n in _MOTOR_NAMES[:4]) + tuple(
            float(c["speeds"][n]) for n in _MOTOR_NAMES[4:])
        hl = c["hip_limits"]
        hips = None if hl is None else {h: (float(hl[h][0]), float(hl[h][1]))
                                        for h in ("leftHip", "rightHip")}
        table.append((speeds, hips))
    return tuple(table)


KEY_TABLE = _key_table()
# the joints of the position pass, in Box2D's solve order: bodies, local anchors, references
_PP_SPECS = [_JOINT_SPECS[_JOINT_INDEX[n]] for n in JOINT_SOLVE_ORDER]
_PP_IA = np.array([j[1] for j in _PP_SPECS], dtype=np.int64)
_PP_IB = np.array([j[2] for j in _PP_SPECS], dtype=np.int64)
_PP_ANCHOR_A = np.array([j[3] for j in _PP_SPECS], dtype=np.float64)
_PP_ANCHOR_B = np.array([j[4] for j in _PP_SPECS], dtype=np.float64)
_PP_REF = np.array([j[7] for j in _PP_SPECS], dtype=np.float64)
_PP_INV_MASS = np.array([1.0 / b[4] for b in _BODY_SPECS])
_PP_INV_INERTIA = np.array([1.0 / b[5] for b in _BODY_SPECS])
_PP_ITERATIONS = int(_W["position_iterations"])
# contacts with the start block: only bodies that can reach it (radius of each box + skin +
# margin) are asked for their arbiters (the track's contacts are computed, position_pass.py)
_PP_REACH = np.array([max(math.hypot(vx, vy) for vx, vy in b[6]) for b in _BODY_SPECS]) + 0.07
_PP_HALF = np.array([[max(abs(vx) for vx, _ in b[6]), max(abs(vy) for _, vy in b[6])] for b in _BODY_SPECS])
_PP_MAX_CONTACTS = 48
_set_p, _set_a, _upd = lib.cpBodySetPosition, lib.cpBodySetAngle, lib.cpBodyUpdatePosition
_set_rate, _set_min, _set_max = lib.cpSimpleMotorSetRate, lib.cpRotaryLimitJointSetMin, lib.cpRotaryLimitJointSetMax
_PP_LHIP, _PP_RHIP = JOINT_SOLVE_ORDER.index("leftHip"), JOINT_SOLVE_ORDER.index("rightHip")

_INITIAL_HIPS = {h: (_JOINT_SPECS[_JOINT_INDEX[h]][5], _JOINT_SPECS[_JOINT_INDEX[h]][6])
                 for h in ("leftHip", "rightHip")}

# read-out of all bodies at once: pymunk.batch's C iterator, called directly with a reused
# pmBatchedData whose float array points into our own numpy buffer (no allocation per step)
_FIELDS = (pymunk.batch.BodyFields.POSITION | pymunk.batch.BodyFields.ANGLE
           | pymunk.batch.BodyFields.VELOCITY | pymunk.batch.BodyFields.ANGULAR_VELOCITY).value
_GET_FUNC = ffi.addressof(lib, "pmSpaceBodyGetIteratorFuncBatched")
# reported (Box2D) state = chipmunk state with positions advanced by v * dt: row @ _OUT_MATRIX
_OUT_MATRIX = np.eye(6)
_OUT_MATRIX[3, 0] = _OUT_MATRIX[4, 1] = _OUT_MATRIX[5, 2] = DT
_get_a, _get_w, _set_t, _step = lib.cpBodyGetAngle, lib.cpBodyGetAngularVelocity, lib.cpBodySetTorque, lib.cpSpaceStep
_PARKED = INITIAL_BODIES.copy()
_PARKED[:, 1] -= 1e4  # the start pose far above everything (reset's flush step)
_HURDLE_NEAR = float(C["hurdle"]["top"]["x"]) - 30.0
_STATIC_TOP = float(_TRACK["top_y"])  # y grows downwards: a body reaching below this may touch
_BLOCK_RIGHT = float(_START["x"]) + _START["width_px"] / PX_PER_UNIT / 2.0
_STATIC = pymunk.Body.STATIC
_TILE_W = 2.0 * float(_TRACK["half_width"])
_TRACK_LO, _TRACK_HI = -200.0, 1400.0  # the one track box without tiles (track_tiles=False)
# rows read per world: runner (12, first: added first, never asleep), then the awake hurdle or
# the space's static body, then the sleeping hurdle: at most 15 bodies. The C iterator would
# realloc a full array, so the buffer has room for all of them.
MAX_BODIES = N_BODIES + 3
RAW_ROWS = MAX_BODIES + 2  # head room: a full pmFloatArray would be realloc'ed (our numpy memory!)


class _Reader:
    """Reads all bodies of a space into ``raw`` ((RAW_ROWS, 6) float64 view) in one C call."""

    __slots__ = ("raw", "_keep", "_farr", "_data", "_iarr")

    def __init__(self, raw: np.ndarray):
        assert raw.shape == (RAW_ROWS, 6) and raw.dtype == np.float64 and raw.flags.c_contiguous
        self.raw = raw
        self._keep = ffi.from_buffer("cpFloat[]", raw)
        self._farr = ffi.new("pmFloatArray *")
        self._farr.arr = self._keep
        self._farr.max = RAW_ROWS * 6
        self._farr.num = 0
        self._iarr = ffi.new("pmIntArray *")
        self._iarr.arr = ffi.NULL
        self._data = ffi.new("pmBatchedData *")
        self._data.fields = _FIELDS
        self._data.floatArray = self._farr
        self._data.intArray = self._iarr

    def get(self, space_ptr) -> None:
        self._farr.num = 0
        lib.cpSpaceEachBody(space_ptr, _GET_FUNC, self._data)

    def intact(self) -> bool:
        """True while the C array still writes into ``raw`` (never reallocated)."""
        return self._farr.arr == self._keep and self._farr.max == RAW_ROWS * 6


# --------------------------------------------------------------------------------------------
def _check_state(s: RawState) -> None:
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
    """One QWOP world in pymunk. See DEVELOPERS.md for the contract, this module's doc for how."""

    def __init__(self, settings: SolverSettings | None = None, _raw: np.ndarray | None = None,
                 _out: np.ndarray | None = None, _pp: dict | None = None):
        self.settings = settings or DEFAULT_SETTINGS
        # QWOPBatch: views of its stacked arrays for the position pass's per-world state
        # (x, p, lo, hi, state, contacts) and the event flag; None: own arrays
        self._pp_bufs = _pp
        # set to 1 by the contact rules when fallen / jumped / finished change (QWOPBatch polls it)
        self._ev = np.zeros(1, dtype=np.int8) if _pp is None else _pp["ev"]
        # raw chipmunk read-out (shifted positions); may be a view into a QWOPBatch buffer
        self._raw = np.zeros((RAW_ROWS, 6)) if _raw is None else _raw
        self._reader = _Reader(self._raw)
        # Box2D-semantics state (reported); may be a view into a QWOPBatch buffer
        self._out = np.empty((N_BODIES, 6)) if _out is None else _out
        self.reset()

    # ---- construction ----------------------------------------------------------------------
    def _recycle(self) -> None:
        space = self.space
        if self.hurdle is not None:
            space.remove(*self._hurdle_objs)
            self.hurdle = None
            space.sleep_time_threshold = math.inf
        for n in ("leftKnee", "rightKnee", "leftShoulder", "rightShoulder"):
            spec = _JOINT_SPECS[_JOINT_INDEX[n]]
            self.limits[n].min, self.limits[n].max = spec[5] + spec[7], spec[6] + spec[7]
        self._refresh_limits()
        cons = self._constraints
        for c in cons:
            c.max_force = 0.0
        self._put_runner(_PARKED)
        lib.cpSpaceStep(self._space_ptr, DT)
        for c, f in zip(cons, self._max_forces):
            c.max_force = f
        self._put_runner(INITIAL_BODIES)
        self._warming = False
        self._deferred.clear()

    def _build(self) -> None:
        st = self.settings
        space = pymunk.Space()
        space.gravity = _GRAVITY
        space.iterations = st.iterations
        space.collision_slop = st.collision_slop
        space.collision_bias = st.collision_bias
        space.damping = st.damping
        self.space = space
        self._space_ptr = space._space

        bodies, shapes = [], []
        fall = set(_RULES["fall_parts"])
        for name, x, y, ang, m, mom, verts, fr in _BODY_SPECS:
            b = pymunk.Body(m, mom)
            b.position = (x, y)
            b.angle = ang
            s = pymunk.Poly(b, verts, radius=st.poly_radius)
            s.friction = math.sqrt(fr)  # Chipmunk multiplies frictions, Box2D takes sqrt(f1 f2)
            s.elasticity = 0.0
            s.filter = _PLAYER_FILTER
            if name in fall:
                s.collision_type = CT_FALL
            elif name == "leftFoot":
                s.collision_type = CT_LFOOT
            elif name == "rightFoot":
                s.collision_type = CT_RFOOT
            bodies.append(b)
            shapes.append(s)
        space.add(*bodies, *shapes)
        self.bodies = bodies
        self._head = bodies[_BODY_INDEX["head"]]
        self._head_ptr = self._head._body
        self._lfoot = bodies[_BODY_INDEX["leftFoot"]]
        self._rfoot = bodies[_BODY_INDEX["rightFoot"]]
        self._warming = False
        self._deferred = []
        self._torso = bodies[_BODY_INDEX["torso"]]

        # joints: pivot + rotary limit (+ motor); a = limb (A), b = parent (B)
        self.pivots, self.limits, self.motors = {}, {}, {}
        cons = []
        # joints added (= solved by Chipmunk) in Box2D's island order (JOINT_SOLVE_ORDER)
        for name, ia, ib, la, lb, lo, hi, ref, motor, maxt in (
                _JOINT_SPECS[_JOINT_INDEX[n]] for n in JOINT_SOLVE_ORDER):
            a, b = bodies[ia], bodies[ib]
            pv = pymunk.PivotJoint(a, b, la, lb)
            pv.error_bias = st.joint_error_bias
            pv.max_bias = st.joint_max_bias
            lim = pymunk.RotaryLimitJoint(a, b, lo + ref, hi + ref)
            lim.error_bias = st.limit_error_bias
            lim.max_bias = st.limit_max_bias
            self.pivots[name], self.limits[name] = pv, lim
            # solve order per joint as Box2D 2.0 (qwop.json world.revolute_solver): point,
            # motor, limit (Chipmunk solves constraints in the order they were added)
            cons.append(pv)
            if motor:
                mo = pymunk.SimpleMotor(a, b, 0.0)
                mo.max_force = maxt
                self.motors[name] = mo
                cons.append(mo)
            cons.append(lim)
        space.add(*cons)
        self._constraints = cons
        self._max_forces = [c.max_force for c in cons]
        # position pass state: Box2D poses at the start of the next step (valid while only the
        # pass moves the bodies), limit bounds and states in Box2D's joint order
        self._pp_on = st.position_pass
        self._body_ptrs = [b._body for b in bodies]
        self._pp_lim = [self.limits[n] for n in JOINT_SOLVE_ORDER]
        bufs = self._pp_bufs
        if bufs is None:
            self._pp_x = np.zeros((N_BODIES, 3))
            self._pp_p = np.zeros((N_BODIES, 3))  # the same, one step behind (chipmunk's)
            self._pp_lo = np.zeros(len(self._pp_lim))
            self._pp_hi = np.zeros(len(self._pp_lim))
            self._pp_state = np.zeros(len(self._pp_lim), dtype=np.int8)
            self._pp_contacts = np.zeros((_PP_MAX_CONTACTS, _pp.CONTACT_COLUMNS))
        else:  # the batch's views, zeroed as new ones would be
            for k in ("x", "p", "lo", "hi", "state", "contacts"):
                bufs[k][...] = 0
            self._pp_x, self._pp_p, self._pp_lo = bufs["x"], bufs["p"], bufs["lo"]
            self._pp_hi, self._pp_state, self._pp_contacts = bufs["hi"], bufs["state"], bufs["contacts"]
        self._pp_valid = False
        self._pp_n_contacts = 0
        self._pp_visit = self._contact_row  # bound once (each_arbiter callback)
        # the track as position_pass.track_contacts takes it: (tile width, lo, hi)
        self._pp_track = (_TILE_W, 0.0, 0.0) if st.track_tiles else (0.0, _TRACK_LO, _TRACK_HI)
        self._refresh_limits()
        self._key_motors = tuple(self.motors[n] for n in _MOTOR_NAMES)
        self._lhip_lim, self._rhip_lim = self.limits["leftHip"], self.limits["rightHip"]
        self._key_motor_ptrs = tuple(m._constraint for m in self._key_motors)
        self._lhip_ptr, self._rhip_ptr = self._lhip_lim._constraint, self._rhip_lim._constraint

        # static world on the space's static body
        sb = space.static_body
        self._track_filter = pymunk.ShapeFilter(categories=_TRACK["category"], mask=_TRACK["mask"])
        if st.track_tiles:
            # The original keeps 3 tiles (32 units wide) at x = 32 k under the camera. We keep
            # every tile at x = 32 k from 112 units behind to 144 units ahead of the torso,
            # added as it runs (never within reach of the runner): the seams sit where the
            # original has them; only the original's tile re-creation events are not modelled.
            self._tile_lo = self._tile_hi = None
            self._ensure_tiles(INITIAL_BODIES[0, 0])
        else:
            self._add_track_box(_TRACK_LO, _TRACK_HI)
        bhw, bhh = _half(_START["width_px"], _START["height_px"])
        bx, by = _START["x"], _START["y"]
        blk = pymunk.Poly(sb, [(bx - bhw, by - bhh), (bx + bhw, by - bhh), (bx + bhw, by + bhh),
                               (bx - bhw, by + bhh)], radius=st.poly_radius)
        blk.friction = math.sqrt(_START["friction"])
        space.add(blk)
        self._block_shape = blk

        # hurdle: added lazily (asleep) when the runner comes near (see _maybe_add_hurdle)
        self.hurdle = None

        space.on_collision(CT_TRACK, CT_FALL, begin=self._on_fall)
        space.on_collision(CT_TRACK, CT_LFOOT, begin=self._on_foot)
        if not _ONLY_LEFT:
            space.on_collision(CT_TRACK, CT_RFOOT, begin=self._on_foot)

    def _add_track_box(self, x0: float, x1: float) -> None:
        thh, tcy = float(_TRACK["half_height"]), float(_TRACK["center_y"])
        s = pymunk.Poly(self.space.static_body, [(x0, tcy - thh), (x1, tcy - thh), (x1, tcy + thh),
                                                 (x0, tcy + thh)], radius=self.settings.poly_radius)
        s.friction = math.sqrt(_TRACK["friction"])
        s.filter = self._track_filter
        s.collision_type = CT_TRACK
        self.space.add(s)

    def _ensure_tiles(self, x: float) -> None:
        """Tiles k with 32 k in [x - 112, x + 144] exist (plus all added before)."""
        w = 2.0 * float(_TRACK["half_width"])
        lo, hi = math.floor((x - 112.0) / w), math.ceil((x + 144.0) / w)
        if self._tile_lo is None:
            self._tile_lo, self._tile_hi = lo, lo - 1
        for k in list(range(lo, min(hi + 1, self._tile_lo))) + list(range(max(lo, self._tile_hi + 1), hi + 1)):
            self._add_track_box(k * w - w / 2, k * w + w / 2)
        self._tile_lo, self._tile_hi = min(lo, self._tile_lo), max(hi, self._tile_hi)
        self._tile_check_lo, self._tile_check_hi = self._tile_lo * w + 64.0, self._tile_hi * w - 96.0

    def _add_hurdle(self) -> None:
        st = self.settings
        space = self.space
        hb, ht, hj = _HURDLE["base"], _HURDLE["top"], _HURDLE["joint"]
        parts = []
        for spec in (hb, ht):
            hw, hh = _half(spec["width_px"], spec["height_px"])
            m, mom = _box_mass(spec["density"], hw, hh)
            b = pymunk.Body(m, mom)
            b.position = (spec["x"], spec["y"])
            s = pymunk.Poly(b, _box_verts(hw, hh), radius=st.poly_radius)
            s.friction = math.sqrt(spec["friction"])
            s.filter = pymunk.ShapeFilter(categories=spec["category"], mask=spec["mask"])
            parts += [b, s]
        base, top = parts[0], parts[2]
        pv = pymunk.PivotJoint(top, base, tuple(hj["local_anchor_top"]), tuple(hj["local_anchor_base"]))
        lim = pymunk.RotaryLimitJoint(top, base, hj["lower"], hj["upper"])
        for c in (pv, lim):
            c.error_bias = _HURDLE_ERROR_BIAS
        space.add(*parts, pv, lim)
        self._hurdle_objs = (*parts, pv, lim)
        if _HURDLE.get("asleep_at_start", True):
            # Chipmunk only sleeps bodies when sleeping is enabled; a huge threshold keeps every
            # other body awake (Box2D's runner practically never sleeps: its head torque wakes it)
            space.sleep_time_threshold = 1e30
            base.sleep()
            top.sleep_with_group(base)
        self.hurdle = (base, top)

    # ---- contact rules ---------------------------------------------------------------------
    @staticmethod
    def _contact_x(arb) -> float:
        pts = arb.contact_point_set.points
        if not pts:
            return -math.inf
        return max(0.5 * (p.point_a.x + p.point_b.x) for p in pts)

    def _on_fall(self, arb, space, data) -> None:
        if self._warming:
            self._deferred.append((False, self._contact_x(arb)))
            return
        self._fall_event(arb if self.jumped else None)

    def _fall_event(self, arb_or_x) -> None:
        if self.fallen or self.finished:
            return
        self.fallen = True
        self._ev[0] = 1
        if self.jumped:  # a fall after the jump but before landing counts as landed
            self.finished = True
            x = arb_or_x if isinstance(arb_or_x, float) else self._contact_x(arb_or_x)
            self.distance = x * METRES_PER_UNIT

    def _on_foot(self, arb, space, data) -> None:
        if self._warming:
            self._deferred.append((True, self._contact_x(arb)))
            return
        if self.finished or self.fallen:
            return
        # cheap early exit: both feet far from the pit (the contact point is within a foot's size)
        if not self.jumped and self._lfoot.position.x < _JUMP_X - 3.0 \
                and self._rfoot.position.x < _JUMP_X - 3.0:
            return
        self._foot_event(self._contact_x(arb))

    def _foot_event(self, x: float) -> None:
        if self.finished or self.fallen:
            return
        if self.jumped:
            if x > _PIT_X:
                self.finished = True
                self._ev[0] = 1
                self.distance = x * METRES_PER_UNIT
        elif x > _JUMP_X:
            self.jumped = True
            self._ev[0] = 1

    # ---- keys ------------------------------------------------------------------------------
    def _apply_keys(self, keys: int) -> None:
        speeds, hips = KEY_TABLE[keys]
        last = KEY_TABLE[self._keys][0] if self._keys is not None else None
        for i, m in enumerate(self._key_motor_ptrs):
            if last is None or last[i] != speeds[i]:
                _set_rate(m, -speeds[i])  # SimpleMotor.rate's setter, without pymunk's wrapper
        if hips is not None and hips is not self._hips:
            self._set_hips(hips)
        self._keys = keys

    def _set_hips(self, hips) -> None:
        ref_l, ref_r = _JOINT_REF["leftHip"], _JOINT_REF["rightHip"]
        lo, hi = hips["leftHip"]
        lo_l, hi_l = lo + ref_l, hi + ref_l
        lo, hi = hips["rightHip"]
        lo_r, hi_r = lo + ref_r, hi + ref_r
        # RotaryLimitJoint.min/max's setters, without pymunk's wrapper; the pass's copies of the
        # two limits as _refresh_limits would copy them (Chipmunk stores the doubles as given)
        _set_min(self._lhip_ptr, lo_l)
        _set_max(self._lhip_ptr, hi_l)
        _set_min(self._rhip_ptr, lo_r)
        _set_max(self._rhip_ptr, hi_r)
        self._pp_lo[_PP_LHIP], self._pp_hi[_PP_LHIP] = lo_l, hi_l
        self._pp_lo[_PP_RHIP], self._pp_hi[_PP_RHIP] = lo_r, hi_r
        self._hips = hips

    def _refresh_limits(self) -> None:
        """Copy the joint limits into the position pass's arrays (after every limit change)."""
        for i, lim in enumerate(self._pp_lim):
            self._pp_lo[i], self._pp_hi[i] = lim.min, lim.max

    # ---- public API ------------------------------------------------------------------------
    def reset(self, rebuild: bool = False) -> RawState:
        """Start a new race: the start pose, clock 0, flags off, start hip limits.

        By default every reset builds a fresh space (about 0.6 ms), so an episode never depends
        on the ones before it. With ``settings.recycle`` later resets recycle it instead
        (about 0.08 ms): the runner is parked far above the
        track with every constraint's max force at 0 for one flush step, which zeroes the
        solver's remembered impulses and Chipmunk's pending position-correction velocities,
        then put back in the start pose; the hurdle is removed, the constraints removed at the
        last game end come back. Old contacts expire long before the runner lands (5 frames).
        Deterministic: the same history gives the same floats (a recycled world may differ from
        a newly built one in the last bits: the order of Chipmunk's internal contact lists)."""
        if rebuild or getattr(self, "space", None) is None or not self.settings.recycle:
            self._build()
        else:
            self._recycle()
        self._keys = None
        self._hips = _INITIAL_HIPS
        self._apply_keys(0)
        self._set_hips(_INITIAL_HIPS)
        self.distance = INITIAL_BODIES[0, 0] * METRES_PER_UNIT  # the game's score follows the torso from frame 0
        self.clock = 0.0
        self.frame = 0
        self.fallen = self.jumped = self.finished = False
        self.ended = False
        self._head_torque = 0.0
        self._warm_pending = False
        self._out[:] = INITIAL_BODIES
        self._hurdle_check = True
        self._reader.get(self._space_ptr)
        return self.state()

    def _frame(self, keys: int) -> None:
        if keys != self._keys:
            self._apply_keys(keys)
        if self._warm_pending:
            self._warm_up()
        self.clock += CLOCK_PER_FRAME
        self.frame += 1
        if not self.fallen:
            hp = self._head_ptr  # the head's angle in Box2D terms: chipmunk's + w dt (module doc)
            t = self._head_torque + _HEAD_GAIN * (_get_a(hp) + _get_w(hp) * DT + _HEAD_OFFSET)
            if _CLEAR_FORCES:
                t -= self._head_torque
            self._head_torque = t
        if self._head_torque:
            # Chipmunk clears forces after each step; the original never does (qwop.json
            # world.clear_forces = false): the head torque accumulates frame after frame
            _set_t(self._head_ptr, self._head_torque)
        if self._pp_on and not self._pp_valid:
            self._read_poses()  # Box2D's poses at the start of the step (the pass's limit states)
        _step(self._space_ptr, DT)  # lib.cpSpaceStep: Space.step's Python bookkeeping not needed
        if self._pp_on:
            self._position_pass()
        if self._deferred:
            for is_foot, x in self._deferred:
                if is_foot:
                    self._foot_event(x)
                else:
                    self._fall_event(x)
            self._deferred.clear()
        if self.fallen or self.finished:
            self._end_game()

    def _read_poses(self) -> None:
        """Box2D poses (x, y, angle) of the runner now: chipmunk's + v dt (module doc)."""
        self._reader.get(self._space_ptr)
        raw = self._raw[:N_BODIES]
        np.multiply(raw[:, 3:6], DT, out=self._pp_x)
        self._pp_x += raw[:, :3]
        self._pp_valid = True

    def _position_pass(self) -> None:
        """Box2D's position pass (contacts, then joints) on the poses after the step
        (position_pass.frame_pass), written back one step behind (p = x - v dt); velocities
        untouched. self._pp_x holds Box2D's poses at the start of the step on entry (the limit
        states are taken there), after the pass on exit."""
        self._reader.get(self._space_ptr)
        n_block = self._block_contacts()
        w, lo, hi = self._pp_track
        p = self._pp_p
        self._pp_n_contacts = _pp.frame_pass(
            self._raw, self._pp_x, p, DT, _PP_HALF, _PP_INV_MASS, _PP_INV_INERTIA, _PP_IA, _PP_IB,
            _PP_ANCHOR_A, _PP_ANCHOR_B, _PP_REF, self._pp_lo, self._pp_hi, self._pp_state,
            self._pp_contacts, n_block, _STATIC_TOP, w, lo, hi, _PP_ITERATIONS)
        # Chipmunk's own contact correction of the runner (bias velocities, applied at the start
        # of the next step) is replaced by the pass: cpBodyUpdatePosition with dt 0 only drops it
        for ptr, (px, py, a) in zip(self._body_ptrs, p.tolist()):
            _upd(ptr, 0.0)
            _set_p(ptr, (px, py))
            _set_a(ptr, a)

    def _block_contacts(self) -> int:
        """The runner's contacts with the start block in this step, as Box2D manifold rows
        (the track's are Box2D's own clipping, in position_pass.track_contacts).

        Rarely any (a runner falling backwards): Chipmunk's contact points, found at Box2D's
        pose of the start of the step (where Chipmunk's bodies are now, self._raw): the runner's
        corner (its surface point moved in by the skin) as a point fixed in the body's frame, the
        block's face as a plane. Returns the number of rows."""
        self._pp_n_contacts = 0
        back = self._raw[:N_BODIES, 0] - _PP_REACH <= _BLOCK_RIGHT
        if back.any():
            for i in np.flatnonzero(back).tolist():
                self._pp_body = i
                self.bodies[i].each_arbiter(self._pp_visit)
        return self._pp_n_contacts

    def _contact_row(self, arb) -> None:
        ba, bb = arb.bodies
        runner_is_b = ba.body_type == _STATIC
        if runner_is_b == (bb.body_type == _STATIC) or self._pp_n_contacts >= _PP_MAX_CONTACTS:
            return  # not a runner-static contact (the hurdle's are Chipmunk's), or no room
        sa, sb = arb.shapes
        if (sa if runner_is_b else sb).collision_type == CT_TRACK:
            return  # the track's contacts come from track_contacts
        ps = arb.contact_point_set
        n = ps.normal
        nx, ny = (n.x, n.y) if runner_is_b else (-n.x, -n.y)  # from the static face to the runner
        i = self._pp_body
        row = self._pp_contacts[self._pp_n_contacts]
        px, py, a = self._raw[i, 0], self._raw[i, 1], self._raw[i, 2]
        c, s = math.cos(a), math.sin(a)
        ratio = _PP_INV_INERTIA[i] / _PP_INV_MASS[i]
        r = self.settings.poly_radius
        q = 0
        for cp in ps.points[:2]:
            on_runner, on_static = (cp.point_b, cp.point_a) if runner_is_b else (cp.point_a, cp.point_b)
            dx, dy = on_runner.x + r * nx - px, on_runner.y + r * ny - py  # the corner, from the centre
            rn = dx * ny - dy * nx
            row[4 + 4 * q] = c * dx + s * dy
            row[5 + 4 * q] = -s * dx + c * dy
            row[6 + 4 * q] = (on_static.x - r * nx) * nx + (on_static.y - r * ny) * ny
            row[7 + 4 * q] = 1.0 / (1.0 + ratio * rn * rn)
            q += 1
        if q:
            row[0], row[1], row[2], row[3] = i, nx, ny, q
            self._pp_n_contacts += 1

    def _warm_up(self) -> None:
        self._warm_pending = False
        keep = self._out.copy()
        self._warming = True
        if not self.fallen:
            hp = self._head_ptr
            t = self._head_torque + _HEAD_GAIN * (_get_a(hp) + _get_w(hp) * DT + _HEAD_OFFSET)
            _set_t(hp, t - self._head_torque if _CLEAR_FORCES else t)
        lib.cpSpaceStep(self._space_ptr, DT)
        self._warming = False
        # Drop the position-correction (bias) velocities this solve left behind: they would move
        # the bodies at the start of the real step (Chipmunk adds v_bias * dt there), e.g. lift a
        # limb that touches the track out of it so that its contact is never solved (parity
        # harness: arm falling at 12.7 units/s kept 15.7 instead of stopping). A state from the
        # game is already position-corrected. cpBodyUpdatePosition(b, 0) only zeroes them.
        for b in self.bodies:
            lib.cpBodyUpdatePosition(b._body, 0.0)
        self._put_runner(keep)

    def _put_runner(self, b: np.ndarray) -> None:
        """Set the runner's bodies to the (Box2D-semantics) rows ``b`` (12, 6)."""
        for body, (x, y, a, vx, vy, w) in zip(self.bodies, b.tolist()):
            body.position = (x - vx * DT, y - vy * DT)  # chipmunk lags one step (module doc)
            body.angle = a - w * DT
            body.velocity = (vx, vy)
            body.angular_velocity = w
        self._pp_valid = False

    def _end_game(self) -> None:
        if self.ended:
            return
        self.ended = True
        for n in ("leftHip", "rightHip"):
            self.motors[n].max_force = 0.0  # motor off, limit kept
        # knee and shoulder motors and limits off; switched off in place (not removed from the
        # space) so that the constraints' solve order never changes (recycled resets)
        for n in ("leftKnee", "rightKnee", "leftShoulder", "rightShoulder"):
            self.motors[n].max_force = 0.0
            lim = self.limits[n]
            lim.min, lim.max = -math.inf, math.inf
        self._refresh_limits()

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
            self._frame(keys)
            if self.ended:
                break
            if f % 128 == 127:
                self._after_frames()
        self._after_frames()
        return self._out

    def _after_frames(self) -> None:
        """Read the bodies out, update the score, extend the track / add the hurdle if near."""
        self._reader.get(self._space_ptr)
        np.matmul(self._raw[:N_BODIES], _OUT_MATRIX, out=self._out)
        x = self._out[0, 0]
        if not self.finished:
            self.distance = x * METRES_PER_UNIT
        if self.settings.track_tiles and not (self._tile_check_lo < x < self._tile_check_hi):
            self._ensure_tiles(x)
        if self._hurdle_check and x > _HURDLE_NEAR:
            self._hurdle_check = False
            self._add_hurdle()

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
        _check_state(s)
        self.reset()
        b = np.asarray(s.bodies, dtype=np.float64)
        self.fallen, self.jumped, self.finished = bool(s.fallen), bool(s.jumped), bool(s.finished)
        self._set_hips({h: (float(v[0]), float(v[1])) for h, v in s.hip_limits.items()})
        if self.settings.track_tiles:
            self._ensure_tiles(b[0, 0])
        if b[0, 0] > _HURDLE_NEAR:
            self._hurdle_check = False
            self._add_hurdle()
        self._put_runner(b)
        # Box2D enters every step with the joint and contact impulses of the previous one (warm
        # starting). A rebuilt world has none: the first frame after set_state first solves once
        # at this very state with its keys (then undone), see _frame.
        self._warm_pending = self.settings.warm_start
        self._out[:] = b
        self.distance = float(s.distance)
        self.clock = float(s.clock)
        self.frame = int(s.frame)
        if self.fallen or self.finished:
            self._end_game()

    # ---- inspection (tests, tools) ---------------------------------------------------------
    def motor_speeds(self) -> dict[str, float]:
        """Motor speeds in Box2D's sign (w(B) - w(A) the motor drives to)."""
        return {n: -m.rate for n, m in self.motors.items()}

    def motor_enabled(self, name: str) -> bool:
        m = self.motors.get(name)
        return m is not None and m.max_force > 0

    def limit_enabled(self, name: str) -> bool:
        lim = self.limits[name]
        return math.isfinite(lim.min) or math.isfinite(lim.max)

    def joint_limits(self) -> dict[str, tuple[float, float]]:
        """(lower, upper) in Box2D's convention (reference removed)."""
        return {n: (lim.min - _JOINT_REF[n], lim.max - _JOINT_REF[n]) for n, lim in self.limits.items()}

    def joint_angle(self, name: str) -> float:
        """Box2D joint angle of the reported state: angle(B) - angle(A) - reference."""
        spec = _JOINT_SPECS[_JOINT_INDEX[name]]
        return float(self._out[spec[2], 2] - self._out[spec[1], 2] - spec[7])

    @property
    def head_torque(self) -> float:
        """Torque on the head in the last frame. It accumulates (the original never clears
        forces): each frame adds gain * (head angle + offset); a reset/set_state zeroes it."""
        return self._head_torque if not self.fallen else 0.0

    def hurdle_state(self) -> dict | None:
        """{'base': [x, y, angle, vx, vy, w], 'top': [...]} (Box2D semantics) or None if the
        hurdle is still asleep at its start pose (not yet added)."""
        if self.hurdle is None:
            return None
        res = {}
        for key, b in zip(("base", "top"), self.hurdle):
            (x, y), (vx, vy), a, w = b.position, b.velocity, b.angle, b.angular_velocity
            res[key] = [x + vx * DT, y + vy * DT, a + w * DT, vx, vy, w]
        return res
