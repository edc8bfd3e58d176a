"""qwop_sim.physics.spec: game/qwop.json is the one definition of the port's switches; what the
port does not implement fails when qwop_sim.physics is imported, naming the switch."""
from __future__ import annotations

import copy
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

import qwop_sim
from qwop_sim.constants import C
from qwop_sim.physics import SPEC, QWOPBatch, QWOPSim, SolverSettings, UnsupportedSpec
from qwop_sim.physics.spec import box2d_joint_order, derive

ROOT = Path(qwop_sim.__file__).resolve().parents[1]


def _changed(**paths):
    """A copy of qwop.json with ``a__b=value`` set (or deleted with value ``DEL``)."""
    c = copy.deepcopy(C)
    for path, value in paths.items():
        *parents, key = path.split("__")
        node = c
        for p in parents:
            node = node.setdefault(p, {})
        if value is DEL:
            node.pop(key, None)
        else:
            node[key] = value
    return c


DEL = object()


def test_the_shipped_spec_is_what_the_game_reads():
    w, r = C["world"], C["rules"]
    assert SPEC.clear_forces is bool(w["clear_forces"]) is False
    assert SPEC.contact_baumgarte == w["contact_baumgarte"] == 1.0
    assert SPEC.position_iterations == w["position_iterations"]
    assert SolverSettings().iterations == w["velocity_iterations"]  # Chipmunk's = Box2D's
    assert SPEC.rule_feet == ("leftFoot",) and r["foot_quirk_only_left"]  # the original's quirk
    assert SPEC.end_hip_motors_off and SPEC.end_knee_shoulder_off
    assert SPEC.key_motors == ("rightHip", "leftHip", "rightShoulder", "leftShoulder", "rightKnee", "leftKnee")


@pytest.mark.parametrize("key,value", [
    ("world__revolute_solver", "box2d_2.1"),
    ("world__revolute_solver", DEL),          # the game then runs box2dweb's own 2.1a solver
    ("world__contact_pair_order", DEL),       # the game then makes the moving fixture A
    ("world__continuous_collision", True),
    ("world__restitution", 0.2),
    ("world__warm_starting", False),
    ("world__contact_baumgarte", 0),
    ("world__contact_baumgarte", "1"),
])
def test_a_switch_the_port_does_not_implement_fails_naming_it(key, value):
    with pytest.raises(UnsupportedSpec, match=key.replace("__", r"\.")):
        derive(_changed(**{key: value}))


def test_every_unsupported_switch_is_listed_at_once():
    with pytest.raises(UnsupportedSpec) as e:
        derive(_changed(world__revolute_solver="box2d_2.1", world__restitution=0.5))
    assert "world.revolute_solver" in str(e.value) and "world.restitution" in str(e.value)


def test_absent_switches_read_as_the_game_reads_them():
    # qwop.js: `if (W.clear_forces)`, `e.hip_motors_off !== false`, `h.asleep_at_start !== false`,
    # `if (rules.foot_quirk_only_left && ...)`, box2dweb's b2_contactBaumgarte 0.2
    s = derive(_changed(world__clear_forces=DEL, rules__end_of_game=DEL, hurdle__asleep_at_start=DEL,
                        rules__foot_quirk_only_left=DEL, world__contact_baumgarte=DEL))
    assert s.clear_forces is False
    assert s.end_hip_motors_off is True and s.end_knee_shoulder_off is True
    assert s.hurdle_asleep is True
    assert s.rule_feet == ("leftFoot", "rightFoot")
    assert s.contact_baumgarte == 0.2
    s = derive(_changed(world__clear_forces=True, rules__end_of_game={"hip_motors_off": False},
                        hurdle__asleep_at_start=False, world__allow_sleep=False))
    assert s.clear_forces and not s.end_hip_motors_off and s.end_knee_shoulder_off and not s.hurdle_asleep


def test_rules_and_track_the_port_cannot_follow_fail():
    thighs = copy.deepcopy(C["rules"]["thighs"])
    del thighs["none"]["leftShoulder"]  # the game would keep that joint's last speed
    with pytest.raises(UnsupportedSpec, match="same joints"):
        derive(_changed(rules__thighs=thighs))
    thighs = copy.deepcopy(C["rules"]["thighs"])
    for e in thighs.values():
        e["neck"] = 0.0
    with pytest.raises(UnsupportedSpec, match="'neck'"):
        derive(_changed(rules__thighs=thighs))
    with pytest.raises(UnsupportedSpec, match="rules.feet"):
        derive(_changed(rules__feet=["leftFoot", "leftToe"]))
    with pytest.raises(UnsupportedSpec, match="edge to edge"):
        derive(_changed(track__tile_width_px=700))


def test_joint_creation_order_is_read_as_the_game_reads_it():
    names = [j["name"] for j in C["joints"]]
    assert box2d_joint_order(_changed(joint_creation_order=names)) == SPEC.joint_solve_order
    other = box2d_joint_order(_changed(joint_creation_order=names[::-1]))
    assert sorted(other) == sorted(names) and other != SPEC.joint_solve_order


@pytest.mark.parametrize("radius", [0.01, 0.02])
def test_the_pass_keeps_the_skins_of_the_settings(radius):
    """The pass's contact distance is two skins of SolverSettings.poly_radius (as Chipmunk's
    shapes): a standing runner's feet rest Box2D's slop inside them. (With the pass's old fixed
    0.02 and 0.02 skins they sank to 0.011.)"""
    sim = QWOPSim(SolverSettings(poly_radius=radius))
    assert sim.runner_pass.k.total_radius == 2 * radius
    sim.step(0, 40)
    gaps = []
    for i, b in enumerate(SPEC.bodies):
        if b.name.endswith("Foot"):
            x, y, a = sim.buffers.bodies[i, :3]
            ys = [y + math.sin(a) * dx + math.cos(a) * dy for dx in (-b.half_w, b.half_w) for dy in (-b.half_h, b.half_h)]
            gaps.append(SPEC.track["top_y"] - max(ys))
    assert 2 * radius - 0.01 < min(gaps) < 2 * radius, gaps


# ---- the whole chain in a fresh process: a changed qwop.json -> spec -> world ------------------------
def _run_with(tmp_path, c: dict, code: str) -> subprocess.CompletedProcess:
    pkg = tmp_path / "qwop_game"
    pkg.mkdir()
    (pkg / "__init__.py").write_text((ROOT / "game" / "__init__.py").read_text())
    (pkg / "qwop.json").write_text(json.dumps(c))
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path), str(ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300,
                          cwd=tmp_path)


def test_importing_the_port_fails_loudly_on_an_unsupported_switch(tmp_path):
    p = _run_with(tmp_path, _changed(world__revolute_solver="box2d_2.1"), "import qwop_sim.physics")
    assert p.returncode != 0
    assert "UnsupportedSpec" in p.stderr and "world.revolute_solver = 'box2d_2.1'" in p.stderr, p.stderr


_ALTERNATIVES = r"""
import json, math
import numpy as np
from qwop_sim.physics import SPEC, QWOPBatch, QWOPSim
from qwop_sim.physics.build import CT_FOOT
from qwop_sim.state import RawState
out = {"feet": SPEC.rule_feet}
idx = {b.name: i for i, b in enumerate(SPEC.bodies)}
init = np.array(SPEC.initial_bodies)

# clear_forces: the head gets this frame's torque only
sim = QWOPSim()
sim.step(0, 3)
head = sim.state().bodies[idx["head"]]
sim.step(0)
out["torque"] = [sim.head_torque, SPEC.head_gain * (head[2] + SPEC.head_offset)]
out["right_foot_type"] = next(iter(sim.runner.bodies[idx["rightFoot"]].shapes)).collision_type == CT_FOOT

def lowest(b, name):
    bb = SPEC.bodies[idx[name]]
    x, y, a = b[idx[name], :3]
    return max(y + math.sin(a) * dx + math.cos(a) * dy for dx in (-bb.half_w, bb.half_w) for dy in (-bb.half_h, bb.half_h))

def rotated(a):
    b = init.copy()
    c, s = math.cos(a), math.sin(a)
    b[:, 0], b[:, 1] = c * init[:, 0] - s * init[:, 1], s * init[:, 0] + c * init[:, 1]
    b[:, 2] += a
    return b

# no quirk: the right foot past jump_x jumps
best = max(np.linspace(-0.5, 0.5, 41), key=lambda a: lowest(rotated(a), "rightFoot") - lowest(rotated(a), "leftFoot"))
b = rotated(best)
b[:, 0] += 992.0 - b[idx["rightFoot"], 0]
b[:, 1] += SPEC.track["top_y"] - 0.03 - lowest(b, "rightFoot")
b[:, 4] = 0.5
sim.set_state(RawState(bodies=b, distance=b[0, 0] * 0.1))
sim.step(0, 6)
out["right_foot_jumped"] = sim.jumped

# end_of_game switched off: the motors and limits stay after a fall
b = rotated(1.4)
b[:, 1] += SPEC.track["top_y"] - 0.02 - lowest(b, "head")
sim.set_state(RawState(bodies=b, distance=b[0, 0] * 0.1))
sim.step(0, 10)
out["fallen"] = sim.fallen
out["motors_on"] = all(m.max_force > 0 for m in sim.motors.values())
out["limits_on"] = all(math.isfinite(l.min) for l in sim.limits.values())

# the compiled batch follows the same switches bit for bit
batch, single = QWOPBatch(2), [QWOPSim(), QWOPSim()]
rng = np.random.default_rng(1)
same = True
for k in rng.integers(0, 16, (150, 2)):
    o = batch.step(k, 2)
    for i in range(2):
        same &= bool(np.array_equal(o.bodies[i], single[i].step(int(k[i]), 2).bodies))
    d = np.flatnonzero(o.done)
    batch.reset(d)
    for i in d:
        single[i].reset()
out["batch_same"] = same and batch.compiled
print(json.dumps(out))
"""


def test_switch_values_the_game_can_take_run_through_the_whole_port(tmp_path):
    """clear_forces true, foot_quirk_only_left false, end_of_game off: set in qwop.json, they
    change what the sim (and the compiled batch, bit for bit with it) does, as in the game.
    The batch's kernels are compiled (and cached by numba) here with the shipped qwop.json
    first: a kernel that read qwop.json's numbers as globals would keep the cached ones."""
    QWOPBatch(1).step(0)
    c = _changed(world__clear_forces=True, rules__foot_quirk_only_left=False,
                 rules__end_of_game={"hip_motors_off": False, "knee_and_shoulder_motors_and_limits_off": False})
    p = _run_with(tmp_path, c, _ALTERNATIVES)
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout.strip().splitlines()[-1])
    assert out["feet"] == ["leftFoot", "rightFoot"] and out["right_foot_type"]
    got, expect = out["torque"]
    assert got == pytest.approx(expect, rel=1e-12)  # not accumulated
    assert out["right_foot_jumped"]
    assert out["fallen"] and out["motors_on"] and out["limits_on"]
    assert out["batch_same"]
