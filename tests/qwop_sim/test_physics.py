"""QWOPSim: the game's per-frame rules, contact rules, determinism, agreement with the real game."""
from __future__ import annotations

import math

import numpy as np
import pymunk
import pytest

from qwop_sim.constants import BODY_INDEX, C, CLOCK_PER_FRAME, KEYS
from qwop_sim.physics import SPEC, QWOPSim
from qwop_sim.state import RawState
from world_inspect import joint_angle, joint_limits, limit_enabled, motor_enabled, motor_speeds

Q, W, O, P = KEYS["Q"], KEYS["W"], KEYS["O"], KEYS["P"]
RULES = C["rules"]
JOINTS = {j["name"]: j for j in C["joints"]}
TOP_Y = C["track"]["top_y"]
INITIAL = np.array([[C["bodies"][n][f] for f in ("x", "y", "angle")] + [0, 0, 0]
                    for n in C["state_body_order"]], dtype=np.float64)


@pytest.fixture()
def sim():
    return QWOPSim()


# ---- helpers ---------------------------------------------------------------------------------
def corners(bodies: np.ndarray, name: str) -> np.ndarray:
    b = C["bodies"][name]
    hw, hh = b["width_px"] / 40, b["height_px"] / 40
    x, y, a = bodies[BODY_INDEX[name], :3]
    c, s = math.cos(a), math.sin(a)
    return np.array([(x + c * dx - s * dy, y + s * dx + c * dy) for dx in (-hw, hw) for dy in (-hh, hh)])


def lowest(bodies, name) -> float:
    return corners(bodies, name)[:, 1].max()


def rigid_pose(angle: float, pivot=(0.0, 0.0), shift=(0.0, 0.0), vel=(0.0, 0.0)) -> np.ndarray:
    """The start pose rotated rigidly by ``angle`` about ``pivot``, then shifted (joints intact)."""
    b = INITIAL.copy()
    c, s = math.cos(angle), math.sin(angle)
    dx, dy = b[:, 0] - pivot[0], b[:, 1] - pivot[1]
    b[:, 0] = pivot[0] + c * dx - s * dy + shift[0]
    b[:, 1] = pivot[1] + s * dx + c * dy + shift[1]
    b[:, 2] += angle
    b[:, 3], b[:, 4] = vel
    return b


def drop_so_lowest(b: np.ndarray, name: str, gap: float = 0.02) -> np.ndarray:
    """Shift the pose vertically so that body ``name`` is the lowest and ``gap`` above the track."""
    b = b.copy()
    b[:, 1] += TOP_Y - gap - lowest(b, name)
    return b


def state_of(bodies, **kw) -> RawState:
    return RawState(bodies=np.asarray(bodies, dtype=np.float64), distance=bodies[0][0] * 0.1, **kw)


# ---- sign conventions of pymunk vs Box2D -----------------------------------------------------
def test_pymunk_sign_conventions():
    """RotaryLimitJoint bounds angle(b) - angle(a); SimpleMotor(a, b, rate) drives w(b) - w(a) = -rate.
    QWOPSim relies on both (a = the limb = Box2D's body A)."""
    space = pymunk.Space()
    a, b = pymunk.Body(1, 1), pymunk.Body(1, 1)
    space.add(a, b)
    space.add(pymunk.SimpleMotor(a, b, 1.5))
    space.step(0.04)
    assert b.angular_velocity - a.angular_velocity == pytest.approx(-1.5)
    for spin_b, bound in ((5.0, 0.2), (-5.0, -0.1)):
        space = pymunk.Space()
        a, b = pymunk.Body(1, 1), pymunk.Body(1, 1)
        b.angular_velocity = spin_b
        lim = pymunk.RotaryLimitJoint(a, b, -0.1, 0.2)
        lim.max_bias = 0.0001
        space.add(a, b, lim)
        for _ in range(50):
            space.step(0.04)
        # b spun against the bound of angle(b) - angle(a) in its direction (a little past it)
        assert b.angle - a.angle == pytest.approx(bound, abs=0.25)
        assert abs(b.angular_velocity - a.angular_velocity) < 1e-3


# ---- keys -> motors and limits ----------------------------------------------------------------
@pytest.mark.parametrize("keys", range(16))
def test_motor_speeds_and_hip_limits_per_key(sim, keys):
    sim.step(keys)
    speeds = motor_speeds(sim)
    th = RULES["thighs"]["Q" if keys & Q else "W" if keys & W else "none"]  # Q wins over W
    ca = RULES["calves"]["O" if keys & O else "P" if keys & P else "none"]  # O wins over P
    for n in ("rightHip", "leftHip", "rightShoulder", "leftShoulder"):
        assert speeds[n] == th[n]
    for n in ("rightKnee", "leftKnee"):
        assert speeds[n] == ca["speeds"][n]
    lims = joint_limits(sim)
    expect = ca["hip_limits"] or {h: (JOINTS[h]["lower"], JOINTS[h]["upper"]) for h in ("leftHip", "rightHip")}
    for h in ("leftHip", "rightHip"):
        assert lims[h] == pytest.approx(tuple(expect[h]), abs=1e-12)
        assert tuple(sim.state().hip_limits[h]) == pytest.approx(tuple(expect[h]), abs=1e-12)


def test_hip_limits_stay_as_last_set(sim):
    sim.step(P)
    sim.step(Q)  # no O/P: limits stay those of P
    assert joint_limits(sim)["rightHip"] == pytest.approx(tuple(RULES["calves"]["P"]["hip_limits"]["rightHip"]))
    sim.step(O | P)  # O wins
    assert joint_limits(sim)["rightHip"] == pytest.approx(tuple(RULES["calves"]["O"]["hip_limits"]["rightHip"]))
    sim.step(0)
    assert sim.state().hip_limits["leftHip"] == pytest.approx(tuple(RULES["calves"]["O"]["hip_limits"]["leftHip"]))


@pytest.mark.parametrize("keys,sign", [(Q, 1), (W, -1)])
def test_motor_drives_joint_in_box2d_sign(sim, keys, sign):
    """Q turns the right hip positive and the left hip negative (Box2D joint angle B - A - ref),
    W the other way: the motors saturate at max torque in the air, as in the recordings (q_60:
    right hip +0.34 rad after 8 frames)."""
    r0, l0 = joint_angle(sim, "rightHip"), joint_angle(sim, "leftHip")
    sim.step(keys, 8)
    assert sign * (joint_angle(sim, "rightHip") - r0) > 0.2
    assert sign * (joint_angle(sim, "leftHip") - l0) < -0.3


def test_limits_hold(sim):
    """Limits stop the joints near their bounds. Box2D's limits give too (position-only
    correction, 2 degrees of slop, overshoot in the step they engage): the node game goes up to
    0.5 rad past the ankle limits in the recorded key sequences, ~0.25 past the others."""
    for _ in range(40):
        st = sim.step(Q | O)
        if st.fallen:
            break
    for name, j in JOINTS.items():
        lo, hi = joint_limits(sim)[name]
        slack = 0.6 if "Ankle" in name else 0.3
        assert lo - slack <= joint_angle(sim, name) <= hi + slack, name


# ---- head torque -------------------------------------------------------------------------------
def test_head_torque_rule(sim):
    """Each frame adds gain * (head angle + offset) to the head's torque, which is never cleared
    (qwop.json world.clear_forces = false, as in the original)."""
    sim.step(0, 3)
    before = sim.head_torque
    head = sim.state().bodies[BODY_INDEX["head"]]
    sim.step(0)
    added = RULES["head_torque"]["gain"] * (head[2] + RULES["head_torque"]["offset"])
    if SPEC.clear_forces:
        before = 0.0
    assert sim.head_torque == pytest.approx(before + added, rel=1e-9)
    assert sim.reset() and sim.head_torque == 0.0


# ---- contact rules -----------------------------------------------------------------------------
@pytest.mark.parametrize("part", RULES["fall_parts"])
def test_fall_on_part_touching_track(sim, part):
    # rotate the runner so that ``part`` is lowest, then let it drop onto the track
    best = max(np.linspace(-3.1, 3.1, 63), key=lambda a: lowest(rigid_pose(a), part) - max(
        lowest(rigid_pose(a), n) for n in C["state_body_order"] if n != part))
    b = drop_so_lowest(rigid_pose(best), part, gap=0.05)
    b[:, 4] = 1.0
    sim.set_state(state_of(b))
    for i in range(10):
        st = sim.step(0)
        if st.fallen:
            break
    assert st.fallen and not st.finished
    assert sim.ended
    # score follows the torso in the fall frame (rule 5; the recordings show it too)
    assert st.distance == pytest.approx(st.bodies[0, 0] / 10)
    # game end: hip motors off (limits kept), knee and shoulder motors and limits off
    for n in ("leftHip", "rightHip"):
        assert not motor_enabled(sim, n) and limit_enabled(sim, n)
    for n in ("leftKnee", "rightKnee", "leftShoulder", "rightShoulder"):
        assert not motor_enabled(sim, n) and not limit_enabled(sim, n)


def test_no_fall_standing(sim):
    st = sim.step(0, 40)
    assert not st.fallen and not sim.ended


def test_stepping_after_the_end_does_not_advance(sim):
    b = drop_so_lowest(rigid_pose(1.4, pivot=tuple(INITIAL[0, :2])), "head")
    sim.set_state(state_of(b))
    st = sim.step(0, 10)
    assert st.fallen
    torque = sim.head_torque
    again = sim.step(Q | O, 5)
    assert again.frame == st.frame and again.clock == st.clock
    np.testing.assert_array_equal(again.bodies, st.bodies)
    assert sim.head_torque == torque  # nothing advances after the end, the head torque included


def _pit_state(foot_x: float, jumped: bool, lead="leftFoot") -> RawState:
    b = rigid_pose(0.0)
    b[:, 0] += foot_x - b[BODY_INDEX[lead], 0]
    b = drop_so_lowest(b, "leftFoot", gap=0.05)
    b[:, 4] = 1.0
    return state_of(b, jumped=jumped)


def test_jump_then_landing(sim):
    sim.set_state(_pit_state(995.0, jumped=False))
    st = sim.step(0, 8)
    assert st.jumped and not st.finished and not st.fallen
    sim.set_state(_pit_state(1005.0, jumped=True))
    for _ in range(8):
        st = sim.step(0)
        if st.finished:
            break
    assert st.finished and not st.fallen and sim.ended
    # frozen at the contact point's x (within the foot's size of the foot's centre)
    assert abs(st.distance * 10 - st.bodies[BODY_INDEX["leftFoot"], 0]) < 1.5
    d = st.distance
    st = sim.step(Q, 3)
    assert st.distance == d


def test_only_left_foot_triggers_jump(sim):
    """The original's quirk: the right foot past x = 989 does not set `jumped`."""
    best = max(np.linspace(-0.5, 0.5, 41),
               key=lambda a: lowest(rigid_pose(a), "rightFoot") - lowest(rigid_pose(a), "leftFoot"))
    b = rigid_pose(best)
    assert lowest(b, "rightFoot") > lowest(b, "leftFoot") + 0.1
    b[:, 0] += 992.0 - b[BODY_INDEX["rightFoot"], 0]
    b = drop_so_lowest(b, "rightFoot", gap=0.03)
    b[:, 4] = 0.5
    sim.set_state(state_of(b))
    right, left = sim.bodies[BODY_INDEX["rightFoot"]], sim.bodies[BODY_INDEX["leftFoot"]]

    def on_track(body):
        hits = []
        body.each_arbiter(lambda arb: hits.append(arb))
        return bool(hits)

    right_touched = False
    for _ in range(6):
        st = sim.step(0)
        if on_track(left):
            break
        right_touched |= on_track(right)
        assert not st.jumped
    assert right_touched


# ---- clock, score, reset -------------------------------------------------------------------------
def test_clock_frame_and_score(sim):
    st = sim.step(W, 7)
    assert st.frame == 7
    assert st.clock == pytest.approx(7 * CLOCK_PER_FRAME)
    assert st.distance == pytest.approx(st.bodies[0, 0] / 10)
    st = sim.step(0)
    assert st.frame == 8


def test_reset_restores_start_pose_exactly(sim):
    st0 = sim.reset()
    np.testing.assert_array_equal(st0.bodies, INITIAL)
    sim.step(Q | P, 30)
    st = sim.reset()
    np.testing.assert_array_equal(st.bodies, INITIAL)
    assert (st.frame, st.clock, st.fallen, st.jumped, st.finished) == (0, 0.0, False, False, False)
    # As the game (game/src/qwop.js) reports it: torso x / 10 from the start pose on (the real game
    # displays 0 until its first frame, a display detail the score of every later frame follows).
    assert st.distance == INITIAL[0, 0] / 10
    assert joint_limits(sim)["leftHip"] == (JOINTS["leftHip"]["lower"], JOINTS["leftHip"]["upper"])
    # and the reset world steps exactly like a new one
    fresh = QWOPSim()
    for k in (1, 1, 6, 9, 9, 2, 0, 15):
        np.testing.assert_array_equal(sim.step(k).bodies, fresh.step(k).bodies)


# ---- determinism and set_state --------------------------------------------------------------------
def test_deterministic():
    rng = np.random.default_rng(1)
    keys = np.repeat(rng.integers(0, 16, 20), 5)
    runs = []
    for _ in range(2):
        s = QWOPSim()
        runs.append(np.stack([s.step(int(k)).bodies for k in keys]))
    np.testing.assert_array_equal(runs[0], runs[1])


def test_set_state_refuses_non_finite_values_naming_the_field(sim):
    st = sim.step(Q, 5)
    for row, col, where in [(0, 0, r"bodies\[0\]\[0\] \(torso x\)"), (7, 5, r"bodies\[7\]\[5\] \(rightArm angular_velocity\)")]:
        bad = st.copy()
        bad.bodies[row, col] = np.nan
        with pytest.raises(ValueError, match=where):
            sim.set_state(bad)
        bad.bodies[row, col] = np.inf
        with pytest.raises(ValueError, match=where):
            sim.set_state(bad)
    bad = st.copy()
    bad.distance = float("nan")
    with pytest.raises(ValueError, match="state.distance"):
        sim.set_state(bad)
    # refused before anything changed: the world is where it was
    np.testing.assert_array_equal(sim.state().bodies, st.bodies)
    assert sim.state().frame == st.frame


def test_set_state_roundtrip_and_history_independence(sim):
    sim.step(Q, 12)
    st = sim.step(O, 6)
    other = QWOPSim()
    other.step(W | P, 40)  # a different history
    other.set_state(st)
    got = other.state()
    np.testing.assert_array_equal(got.bodies, st.bodies)
    assert (got.frame, got.clock, got.hip_limits) == (st.frame, st.clock, st.hip_limits)
    third = QWOPSim()
    third.set_state(st)
    for k in (1, 1, 4, 8):
        np.testing.assert_array_equal(other.step(k).bodies, third.step(k).bodies)


def test_batch_read_order_is_body_order(sim):
    sim.step(Q, 3)
    for i, b in enumerate(sim.bodies):
        x, y = b.position
        assert sim.buffers.raw[i, 0] == x and sim.buffers.raw[i, 1] == y
    assert sim.reader.intact()


def test_hurdle_is_asleep_until_touched(sim):
    b = rigid_pose(0.0, shift=(480.0, 0.0))
    sim.set_state(state_of(b))
    sim.step(0, 10)
    h = sim.hurdle_state()
    assert h is not None and h["top"][:3] == pytest.approx([C["hurdle"]["top"]["x"], C["hurdle"]["top"]["y"], 0.0])


# ---- Box2D's joint solve order ------------------------------------------------------------------
def test_joints_solved_in_box2d_island_order(sim):
    """Box2D solves the joints in its island order (bodies and joint lists are prepended, the
    island walk is a LIFO stack); the node game logs exactly this order (wrapping each joint's
    SolveVelocityConstraints). Chipmunk solves constraints in the order they were added: per
    joint pivot, motor, limit, joints in this order."""
    JOINT_SOLVE_ORDER = SPEC.joint_solve_order
    assert JOINT_SOLVE_ORDER == ("rightKnee", "rightHip", "leftHip", "leftShoulder", "rightShoulder",
                                 "neck", "rightElbow", "leftElbow", "leftKnee", "leftAnkle", "rightAnkle")
    expect = []
    for n in JOINT_SOLVE_ORDER:
        expect.append(sim.pivots[n])
        if n in sim.motors:
            expect.append(sim.motors[n])
        expect.append(sim.limits[n])
    assert sim.runner.constraints == expect
    assert list(sim.space.constraints)[:len(expect)] == expect
