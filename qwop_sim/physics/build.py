"""Building one world's pymunk space from the spec: runner, joints, track tiles, start block, hurdle.

* Boxes with Box2D's mass and inertia (set on the body: pymunk would compute its own), frictions
  sqrt(f) because Chipmunk multiplies them (Box2D: sqrt(f1 f2)), filters from qwop.json.
* Each revolute joint = PivotJoint + RotaryLimitJoint (+ SimpleMotor, max force = max torque), with
  a = the limb (Box2D's A), b = the parent (B). Chipmunk's RotaryLimitJoint(a, b, min, max) bounds
  angle(b) - angle(a) and SimpleMotor(a, b, rate) drives w(b) - w(a) = -rate (cpSimpleMotor:
  ``wr = b->w - a->w + rate`` -> 0), so min/max = lower/upper + reference and rate = -speed
  (tests/qwop_sim/test_physics.py checks both numerically). Chipmunk solves constraints in the
  order they were added: the joints go in Box2D's island order (spec.joint_solve_order), each as
  pivot, motor, limit (Box2D 2.0's revolute solver, qwop.json world.revolute_solver).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pymunk

from qwop_sim.physics.settings import HURDLE_ERROR_BIAS, SolverSettings
from qwop_sim.physics.spec import SPEC, Box

__all__ = ["CT_TRACK", "CT_FALL", "CT_FOOT", "Runner", "new_space", "add_runner", "Track",
           "add_start_block", "add_hurdle"]

# collision types: the contact rules (rules.py) listen for the track against these
CT_TRACK, CT_FALL, CT_FOOT = 1, 2, 3

_PLAYER_FILTER = pymunk.ShapeFilter(categories=SPEC.player_filter[0], mask=SPEC.player_filter[1])
_TR = SPEC.track
_TRACK_FILTER = pymunk.ShapeFilter(categories=_TR["category"], mask=_TR["mask"])


@dataclass
class Runner:
    bodies: list            # pymunk.Body per runner body, in state_body_order
    pivots: dict            # joint name -> PivotJoint
    limits: dict            # joint name -> RotaryLimitJoint
    motors: dict            # joint name -> SimpleMotor (motor joints only)
    constraints: list       # all of them, in the order Chipmunk solves them


def new_space(st: SolverSettings) -> pymunk.Space:
    space = pymunk.Space()
    space.gravity = SPEC.gravity
    space.iterations = st.iterations
    space.collision_slop = st.collision_slop
    space.collision_bias = st.collision_bias
    space.damping = st.damping
    return space


def _poly(body, verts, st: SolverSettings, friction: float) -> pymunk.Poly:
    s = pymunk.Poly(body, verts, radius=st.poly_radius)
    s.friction = math.sqrt(friction)  # Chipmunk multiplies frictions, Box2D takes sqrt(f1 f2)
    return s


def add_runner(space: pymunk.Space, st: SolverSettings) -> Runner:
    bodies, shapes = [], []
    for b in SPEC.bodies:
        body = pymunk.Body(b.mass, b.moment)
        body.position = (b.x, b.y)
        body.angle = b.angle
        s = _poly(body, b.verts, st, b.friction)
        s.elasticity = 0.0
        s.filter = _PLAYER_FILTER
        if b.name in SPEC.fall_parts:  # the game checks fall parts first
            s.collision_type = CT_FALL
        elif b.name in SPEC.rule_feet:
            s.collision_type = CT_FOOT
        bodies.append(body)
        shapes.append(s)
    space.add(*bodies, *shapes)
    pivots, limits, motors, cons = {}, {}, {}, []
    joints = {j.name: j for j in SPEC.joints}
    for name in SPEC.joint_solve_order:
        j = joints[name]
        a, b = bodies[j.ia], bodies[j.ib]
        pv = pymunk.PivotJoint(a, b, j.anchor_a, j.anchor_b)
        pv.error_bias = st.joint_error_bias
        pv.max_bias = st.joint_max_bias
        lim = pymunk.RotaryLimitJoint(a, b, j.lower + j.reference, j.upper + j.reference)
        lim.error_bias = st.limit_error_bias
        lim.max_bias = st.limit_max_bias
        pivots[name], limits[name] = pv, lim
        cons.append(pv)
        if j.motor:
            mo = pymunk.SimpleMotor(a, b, 0.0)
            mo.max_force = j.max_torque
            motors[name] = mo
            cons.append(mo)
        cons.append(lim)
    space.add(*cons)
    return Runner(bodies, pivots, limits, motors, cons)


def _track_box(space: pymunk.Space, st: SolverSettings, x0: float, x1: float) -> None:
    thh, tcy = float(_TR["half_height"]), float(_TR["center_y"])
    s = _poly(space.static_body, [(x0, tcy - thh), (x1, tcy - thh), (x1, tcy + thh), (x0, tcy + thh)],
              st, _TR["friction"])
    s.filter = _TRACK_FILTER
    s.collision_type = CT_TRACK
    space.add(s)


class Track:
    """The track on the space's static body.

    With ``settings.track_tiles`` (the default): tiles 32 units wide at x = 32 k, as the original
    places them, so that the seams are where the original has them. The original keeps 3 tiles
    under the camera and re-creates them as it moves (which restarts their contacts: not
    modelled); here every tile from 112 units behind to 144 ahead of the torso exists, added as
    the runner goes (never within its reach). Without tiles: one box from LO to HI."""

    LO, HI = -200.0, 1400.0

    def __init__(self, space: pymunk.Space, st: SolverSettings, x: float):
        self.space, self.st, self.tiled = space, st, st.track_tiles
        self.lo = self.hi = None
        # the window of torso x inside which no tile is needed (ensure() not called)
        self.check_lo, self.check_hi = -math.inf, math.inf
        if self.tiled:
            self.ensure(x)
        else:
            _track_box(space, st, self.LO, self.HI)

    def ensure(self, x: float) -> None:
        """Tiles k with 32 k in [x - 112, x + 144] exist (plus all added before)."""
        if not self.tiled:
            return
        w = 2.0 * float(_TR["half_width"])
        lo, hi = math.floor((x - 112.0) / w), math.ceil((x + 144.0) / w)
        if self.lo is None:
            self.lo, self.hi = lo, lo - 1
        for k in list(range(lo, min(hi + 1, self.lo))) + list(range(max(lo, self.hi + 1), hi + 1)):
            _track_box(self.space, self.st, k * w - w / 2, k * w + w / 2)
        self.lo, self.hi = min(lo, self.lo), max(hi, self.hi)
        self.check_lo, self.check_hi = self.lo * w + 64.0, self.hi * w - 96.0


def add_start_block(space: pymunk.Space, st: SolverSettings) -> pymunk.Poly:
    b: Box = SPEC.start_block
    hw, hh, x, y = b.half_w, b.half_h, b.x, b.y
    blk = _poly(space.static_body, [(x - hw, y - hh), (x + hw, y - hh), (x + hw, y + hh), (x - hw, y + hh)],
                st, b.friction)
    space.add(blk)
    return blk


def add_hurdle(space: pymunk.Space, st: SolverSettings) -> tuple:
    """Base + top + their welded joint, asleep (qwop.json hurdle.asleep_at_start) as in Box2D:
    woken when touched. Returns the bodies (base, top)."""
    parts = []
    for b, category, mask in SPEC.hurdle_parts:
        body = pymunk.Body(b.mass, b.moment)
        body.position = (b.x, b.y)
        s = _poly(body, b.verts, st, b.friction)
        s.filter = pymunk.ShapeFilter(categories=category, mask=mask)
        parts += [body, s]
    base, top = parts[0], parts[2]
    hj = SPEC.hurdle_joint
    pv = pymunk.PivotJoint(top, base, tuple(hj["local_anchor_top"]), tuple(hj["local_anchor_base"]))
    lim = pymunk.RotaryLimitJoint(top, base, hj["lower"], hj["upper"])
    for c in (pv, lim):
        c.error_bias = HURDLE_ERROR_BIAS
    space.add(*parts, pv, lim)
    if SPEC.hurdle_asleep:
        # Chipmunk only sleeps bodies when sleeping is enabled; a huge threshold keeps every
        # other body awake (Box2D's runner practically never sleeps: its head torque wakes it)
        space.sleep_time_threshold = 1e30
        base.sleep()
        top.sleep_with_group(base)
    return base, top
