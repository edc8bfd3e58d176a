"""What the port takes from game/qwop.json, derived once: the runner's boxes and joints, Box2D's
joint solve order, the key table, the track, the start block, the hurdle and the game's switches.

The game (game/src/qwop.js) reads the same file. Its switches (``SWITCHES``) are read here with the
default the game gives a missing key; a value the port does not implement raises
``UnsupportedSpec`` when this module is imported, rather than letting the sim silently differ
from the game. ``derive(c)`` does it all for any qwop.json dict (the tests feed it variants);
``SPEC = derive(qwop_sim.constants.C)`` is what the port runs on. No pymunk here: plain numbers.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from qwop_sim.constants import C

__all__ = ["SPEC", "Spec", "Box", "Joint", "UnsupportedSpec", "SWITCHES", "derive"]


class UnsupportedSpec(ValueError):
    """qwop.json asks for something the port does not implement (the message says what and why)."""


_ABSENT = object()


def _get(c: dict, path: str) -> Any:
    node = c
    for key in path.split("."):
        if not isinstance(node, dict) or key not in node:
            return _ABSENT
        node = node[key]
    return node


# How game/src/qwop.js reads a switch, absent keys included
def _truthy(v):  # if (x) / !!x
    return False if v is _ABSENT else bool(v)


def _not_false(v):  # x !== false
    return v is not False


def _or(default):  # x === undefined ? default : x
    return lambda v: default if v is _ABSENT else v


# The switches game/src/qwop.js reads: (key, how the game reads it, the values the port
# implements (None: a number in (0, 1]), why). Checked by derive(); README.md, "The game's
# switches".
SWITCHES: tuple = (
    ("world.revolute_solver", _or("box2d_2.1"), ("box2d_2.0",),
     "the port adds each joint's constraints pivot, motor, limit and its position pass is Box2D "
     "2.0's revolute code; box2dweb's own 2.1a solver is not ported"),
    ("world.contact_pair_order", _or("moving_first"), ("creation",),
     "the position pass's track manifolds take the track (created first: fixture A) as the "
     "reference face"),
    ("world.continuous_collision", _truthy, (False,), "Chipmunk has no continuous collision"),
    ("world.restitution", lambda v: 0 if v is _ABSENT or not v else v, (0,),
     "no bounce: Box2D's restitution (with its 1 unit/s threshold) is not ported"),
    ("world.warm_starting", lambda v: True if v is _ABSENT else bool(v), (True,),
     "Chipmunk always warm-starts its solver"),
    ("world.allow_sleep", _truthy, (True, False),
     "the runner never sleeps either way (its head torque wakes it every frame); the hurdle "
     "starts asleep either way and, once woken, is not put back to sleep"),
    ("world.clear_forces", _truthy, (True, False), "false: the head torque accumulates"),
    ("world.contact_baumgarte", _or(0.2), None,
     "the position pass's contact correction factor (box2dweb's default 0.2)"),
    ("rules.foot_quirk_only_left", _truthy, (True, False), "only the left foot jumps and lands"),
    ("rules.end_of_game.hip_motors_off", _not_false, (True, False), "hip motors off at the end"),
    ("rules.end_of_game.knee_and_shoulder_motors_and_limits_off", _not_false, (True, False),
     "knee and shoulder motors and limits off at the end"),
    ("hurdle.asleep_at_start", _not_false, (True, False), "the hurdle sleeps until touched"),
)


class Box(NamedTuple):
    """A box body as Box2D builds it: centre, angle, half extents (units), mass and moment."""
    name: str
    x: float
    y: float
    angle: float
    half_w: float
    half_h: float
    mass: float
    moment: float
    friction: float

    @property
    def verts(self) -> list[tuple[float, float]]:
        hw, hh = self.half_w, self.half_h
        return [(-hw, -hh), (hw, -hh), (hw, hh), (-hw, hh)]


class Joint(NamedTuple):
    """A revolute joint: a = the limb (Box2D's body A), b = the parent (B), indices into
    Spec.bodies; local anchors; limits and reference in Box2D's convention."""
    name: str
    ia: int
    ib: int
    anchor_a: tuple[float, float]
    anchor_b: tuple[float, float]
    lower: float
    upper: float
    reference: float
    motor: bool
    max_torque: float


@dataclass(frozen=True)
class Spec:
    gravity: tuple[float, float]
    dt: float
    clock_per_frame: float
    metres_per_unit: float
    velocity_iterations: int
    position_iterations: int
    contact_baumgarte: float
    clear_forces: bool
    bodies: tuple[Box, ...]               # in state_body_order
    joints: tuple[Joint, ...]             # in qwop.json's order
    joint_solve_order: tuple[str, ...]    # Box2D's island order (box2d_joint_order)
    initial_bodies: np.ndarray            # (12, 6) the start pose, at rest (read-only)
    initial_hips: dict                    # {hip: (lower, upper)} at the start
    key_motors: tuple[str, ...]           # the joints the keys drive
    key_table: tuple                      # keys 0..15 -> (speeds in key_motors order, hips or None)
    player_filter: tuple[int, int]        # (category, mask)
    head_gain: float
    head_offset: float
    fall_parts: frozenset
    rule_feet: tuple[str, ...]            # the feet whose contacts jump and land
    jump_x: float
    pit_x: float
    end_hip_motors_off: bool
    end_knee_shoulder_off: bool
    track: dict                           # qwop.json's track (numbers, read as such)
    tile_width: float
    start_block: Box
    hurdle_parts: tuple                   # ((Box, category, mask) base, top)
    hurdle_joint: dict
    hurdle_asleep: bool


def _local(px: float, py: float, ang: float, wx: float, wy: float) -> tuple[float, float]:
    dx, dy = wx - px, wy - py
    c, s = math.cos(ang), math.sin(ang)
    return (c * dx + s * dy, -s * dx + c * dy)


def _box(name: str, b: dict, px_per_unit: float, angle: float | None = None) -> Box:
    """Box2D 2.1a's SetAsBox + b2PolygonShape::ComputeMass for a centred box (skin ignored)."""
    hw, hh = b["width_px"] / (2.0 * px_per_unit), b["height_px"] / (2.0 * px_per_unit)
    m = b.get("density", 1) * 4.0 * hw * hh
    return Box(name, b["x"], b["y"], b.get("angle", 0.0) if angle is None else angle, hw, hh,
               m, m * ((2 * hw) ** 2 + (2 * hh) ** 2) / 12.0, b["friction"])


def box2d_joint_order(c: dict) -> tuple[str, ...]:
    """The order Box2D solves the runner's joints in: its island order. b2World.Solve seeds an
    island at the first awake body of the world's body list (CreateBody prepends: the body
    created last) and walks a stack (LIFO) through each body's joint list (CreateJoint prepends:
    newest joint first), adding each joint when first met. Contacts never link two runner
    bodies (no self-collision) and static bodies do not propagate, so this is the order every
    frame (checked against the node game: rightKnee, rightHip, leftHip, leftShoulder, ...).
    Joints are created in qwop.json's joint_creation_order when given, else in ``joints`` order
    (as the game does)."""
    bodies = list(c["creation_order"])
    by_name = {j["name"]: j for j in c["joints"]}
    created = [by_name[n] for n in c["joint_creation_order"]] if c.get("joint_creation_order") \
        else c["joints"]
    edges = {b: [] for b in bodies}
    for j in created:
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


def check_switches(c: dict) -> dict[str, Any]:
    """{switch: the value the game runs with}; UnsupportedSpec naming every switch whose value
    the port does not implement."""
    values, bad = {}, []
    for key, read, supported, why in SWITCHES:
        v = values[key] = read(_get(c, key))
        if supported is None:
            ok = type(v) in (int, float) and 0.0 < v <= 1.0
        else:
            ok = any(v == s and isinstance(v, str) == isinstance(s, str) for s in supported)
        if not ok:
            allowed = "a number in (0, 1]" if supported is None else " or ".join(map(repr, supported))
            bad.append(f"{key} = {v!r}: the port implements {allowed} ({why})")
    if bad:
        raise UnsupportedSpec("qwop.json asks for what the pymunk port does not implement:\n  "
                              + "\n  ".join(bad))
    return values


def _key_rules(c: dict, joints: dict) -> tuple[tuple[str, ...], tuple]:
    """The joints the keys drive and the table keys (0..15) -> (speeds in that order (Box2D
    sign), hip limits or None), as qwop.js's applyKeys: Q over W, O over P, hip limits kept
    when neither O nor P is held. Every entry must name the same motor joints: the game sets
    only the joints an entry names, the table sets all of them."""
    keys, rules = c["keys"], c["rules"]
    th, ca = rules["thighs"], rules["calves"]
    entries = [th["Q"], th["W"], th["none"]]
    calves = [ca["O"]["speeds"], ca["P"]["speeds"], ca["none"]["speeds"]]
    thigh_names, calf_names = tuple(th["none"]), tuple(ca["none"]["speeds"])
    for group, names in ((entries, thigh_names), (calves, calf_names)):
        for e in group:
            if set(e) != set(names):
                raise UnsupportedSpec(f"qwop.json rules: {sorted(e)} != {sorted(names)}: every key "
                                      "entry must set the same joints' speeds")
    motors = thigh_names + calf_names
    for n in motors:
        if n not in joints or not joints[n]["motor"]:
            raise UnsupportedSpec(f"qwop.json rules drive {n!r}, which is not a joint with a motor")
    table = []
    for k in range(16):
        t = th["Q"] if k & keys["Q"] else th["W"] if k & keys["W"] else th["none"]
        cv = ca["O"] if k & keys["O"] else ca["P"] if k & keys["P"] else ca["none"]
        speeds = tuple(float(t[n]) for n in thigh_names) + tuple(float(cv["speeds"][n]) for n in calf_names)
        hl = cv["hip_limits"]
        hips = None if hl is None else {h: (float(hl[h][0]), float(hl[h][1])) for h in ("leftHip", "rightHip")}
        table.append((speeds, hips))
    return motors, tuple(table)


def derive(c: dict) -> Spec:
    """The port's view of one qwop.json dict (UnsupportedSpec if it cannot run it)."""
    sw = check_switches(c)
    w, rules = c["world"], c["rules"]
    px = float(w["px_per_unit"])
    order = tuple(c["state_body_order"])
    index = {n: i for i, n in enumerate(order)}
    bodies = tuple(_box(n, c["bodies"][n], px) for n in order)
    joints = []
    for j in c["joints"]:
        ia, ib = index[j["body_a"]], index[j["body_b"]]
        a, b = bodies[ia], bodies[ib]
        joints.append(Joint(j["name"], ia, ib, _local(a.x, a.y, a.angle, *j["anchor_a"]),
                            _local(b.x, b.y, b.angle, *j["anchor_b"]), float(j["lower"]),
                            float(j["upper"]), float(j["reference"]), bool(j["motor"]),
                            float(j["max_torque"])))
    by_name = {j["name"]: j for j in c["joints"]}
    initial = np.zeros((len(order), 6), dtype=np.float64)
    for i, b in enumerate(bodies):
        initial[i, :3] = (b.x, b.y, b.angle)
    initial.flags.writeable = False
    key_motors, key_table = _key_rules(c, by_name)
    for group in ("fall_parts", "feet"):
        for n in rules[group]:
            if n not in index:
                raise UnsupportedSpec(f"qwop.json rules.{group}: {n!r} is not a runner body")
    only_left = bool(sw["rules.foot_quirk_only_left"])
    tr = c["track"]
    tile_width = float(tr["tile_width_px"]) / px
    if tile_width != 2.0 * float(tr["half_width"]):
        raise UnsupportedSpec(f"qwop.json track: tiles {tile_width} units apart but "
                              f"{2.0 * float(tr['half_width'])} wide: the port lays them edge to edge")
    h = c["hurdle"]
    return Spec(
        gravity=tuple(w["gravity"]), dt=float(w["dt"]), clock_per_frame=float(c["clock_per_frame"]),
        metres_per_unit=float(c["metres_per_unit"]),
        velocity_iterations=int(w["velocity_iterations"]), position_iterations=int(w["position_iterations"]),
        contact_baumgarte=float(sw["world.contact_baumgarte"]), clear_forces=bool(sw["world.clear_forces"]),
        bodies=bodies, joints=tuple(joints), joint_solve_order=box2d_joint_order(c),
        initial_bodies=initial,
        initial_hips={h_: (float(by_name[h_]["lower"]), float(by_name[h_]["upper"]))
                      for h_ in ("leftHip", "rightHip")},
        key_motors=key_motors, key_table=key_table,
        player_filter=(c["player_filter"]["category"], c["player_filter"]["mask"]),
        head_gain=float(rules["head_torque"]["gain"]), head_offset=float(rules["head_torque"]["offset"]),
        fall_parts=frozenset(rules["fall_parts"]),
        # qwop.js: a fall part first; then a foot, and with the quirk only the left one counts
        rule_feet=tuple(n for n in rules["feet"] if n not in rules["fall_parts"]
                        and (n == "leftFoot" or not only_left)),
        jump_x=float(rules["jump_x"]), pit_x=float(rules["sand_pit_x"]),
        end_hip_motors_off=bool(sw["rules.end_of_game.hip_motors_off"]),
        end_knee_shoulder_off=bool(sw["rules.end_of_game.knee_and_shoulder_motors_and_limits_off"]),
        track=tr, tile_width=tile_width,
        start_block=_box("start_block", c["start_block"], px, angle=0.0),
        hurdle_parts=tuple((_box(k, h[k], px, angle=0.0), h[k]["category"], h[k]["mask"])
                           for k in ("base", "top")),
        hurdle_joint=h["joint"], hurdle_asleep=bool(sw["hurdle.asleep_at_start"]),
    )


SPEC = derive(C)
