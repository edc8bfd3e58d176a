"""qwop_sim.physics.position_pass: Box2D's position pass (contacts, then joints) on top of pymunk."""
from __future__ import annotations

import math

import numpy as np
import pytest

from qwop_sim.constants import C
from qwop_sim.physics import LEGACY_SETTINGS, SPEC, QWOPSim, SolverSettings
from qwop_sim.physics import position_pass as pp
from qwop_sim.physics.buffers import MAX_CONTACTS
from qwop_sim.physics.runner_pass import pass_constants

TOP = float(C["track"]["top_y"])
K = pass_constants(SolverSettings())  # the pass's constants with the default settings
R = K.total_radius  # two skins, 0.02
DT = SPEC.dt


def _contacts(poses, half=None, tile_width=32.0, total_radius=R):
    half = K.half[: len(poses)] if half is None else half
    out = np.zeros((8, pp.CONTACT_COLUMNS))
    n = pp.track_contacts(np.asarray(poses, float), np.asarray(half, float), K.inv_mass, K.inv_inertia,
                          TOP, tile_width, 0.0, 0.0, out, 0, total_radius)
    return out[:n]


def test_box_on_a_seam_gets_one_clipped_contact_per_tile():
    # a flat box (half 1 x 0.5) sunk 0.01 into the track across the seam at x = 16: Box2D's
    # b2CollidePolygons gives each tile its own manifold, the incident (bottom) edge clipped to the
    # tile's side +- both skins (0.02)
    hy = 0.5
    rows = _contacts([[16.0, TOP - hy + 0.01, 0.0]], half=[[1.0, hy]])
    assert len(rows) == 2
    xs = []
    for row in rows:
        assert row[0] == 0 and (row[1], row[2]) == (0.0, -1.0) and row[3] == 2
        for q in range(2):
            lx, ly, plane = row[4 + 4 * q], row[5 + 4 * q], row[6 + 4 * q]
            assert ly == pytest.approx(hy) and plane == -TOP
            xs.append(round(16.0 + lx, 6))
    # tile 0: its corner x = 15, then the clip x = 16.02; tile 1: the corner x = 17, then 15.98
    assert xs == [15.0, 16.02, 17.0, 15.98]


def test_no_contact_above_the_skins_and_only_touching_points_kept():
    hy = 0.5
    assert len(_contacts([[0.0, TOP - hy - 0.021, 0.0]], half=[[1.0, hy]])) == 0  # 0.021 above: none
    assert len(_contacts([[0.0, TOP - hy - 0.019, 0.0]], half=[[1.0, hy]])) == 1  # within the skins
    # tilted: only the low corner is within the skins
    rows = _contacts([[0.0, TOP - hy - 0.1, 0.2]], half=[[1.0, hy]])
    assert len(rows) == 1 and rows[0][3] == 1


def test_contact_pass_pushes_out_to_the_slop_and_equalises_masses():
    # a box 0.1 deep, flat, two points under its centre line: pushed straight up until the
    # overlap beyond the skins is Box2D's linear slop, no rotation (symmetric)
    hy = 0.5
    x = np.array([[0.0, TOP - hy + 0.1, 0.0]] + [[0.0, -100.0 - i, 0.0] for i in range(11)])
    rows = _contacts(x[:1], half=[[1.0, hy]])
    buf = np.zeros((8, pp.CONTACT_COLUMNS))
    buf[: len(rows)] = rows
    no_joints = np.zeros(0, dtype=np.int64)
    sweeps = pp.solve_positions(x, K.inv_mass, K.inv_inertia, no_joints, no_joints, np.zeros((0, 2)),
                                np.zeros((0, 2)), np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0, np.int8),
                                buf, len(rows), 5, R, 1.0)
    c, s = math.cos(x[0, 2]), math.sin(x[0, 2])
    separations = [TOP - (x[0, 1] + sx * s * 1.0 + c * hy) - R for sx in (-1.0, 1.0)]
    # the points are solved one after the other (Gauss-Seidel), as Box2D: the last one ends at
    # the slop, the first a little above it (a small tilt is left)
    assert x[0, 0] == 0.0 and abs(x[0, 2]) < 0.02
    assert -1.5 * pp.LINEAR_SLOP < min(separations) <= 0.0 and max(separations) < 0.03, separations
    assert sweeps < 5  # within the slop before the sweeps ran out


def test_compiled_and_plain_python_give_the_same_floats():
    # numba compiles the kernels; without numba the same functions run as Python: same floats
    if not hasattr(pp.solve_positions, "py_func"):
        pytest.fail("numba is a dependency of the package: the kernels should be compiled")
    sim = QWOPSim()
    sim.reset()
    rng = np.random.default_rng(3)
    for k in rng.integers(0, 16, 40):
        sim.step_fast(int(k), 1)
    buf = sim.buffers
    raw = buf.raw[: len(SPEC.bodies)].copy()
    x = raw[:, :3] + raw[:, 3:6] * DT
    results = []
    for fn_c, fn_s in ((pp.track_contacts, pp.solve_positions), (pp.track_contacts.py_func, pp.solve_positions.py_func)):
        rows = np.zeros((MAX_CONTACTS, pp.CONTACT_COLUMNS))
        n = fn_c(raw, K.half, K.inv_mass, K.inv_inertia, TOP, 32.0, 0.0, 0.0, rows, 0, R)
        state = np.zeros(len(K.ia), np.int8)
        pp.limit_states(x, K.ia, K.ib, buf.lo, buf.hi, state)
        xx = x.copy()
        sweeps = fn_s(xx, K.inv_mass, K.inv_inertia, K.ia, K.ib, K.anchor_a, K.anchor_b,
                      K.reference, buf.lo, buf.hi, state, rows, n, 5, R, 1.0)
        results.append((n, rows.copy(), xx, sweeps))
    (n1, r1, x1, s1), (n2, r2, x2, s2) = results
    assert n1 == n2 and n1 > 0 and s1 == s2
    assert np.array_equal(r1, r2) and np.array_equal(x1, x2)
    # the whole frame (limit states, contacts, pass, write-back poses), as QWOPSim calls it
    outs = []
    for fn in (pp.frame_pass, pp.frame_pass.py_func):
        xx, p = x.copy(), np.zeros_like(x)
        rows = np.zeros((MAX_CONTACTS, pp.CONTACT_COLUMNS))
        n = fn(buf.raw, xx, p, DT, K.half, K.inv_mass, K.inv_inertia, K.ia, K.ib, K.anchor_a, K.anchor_b,
               K.reference, buf.lo, buf.hi, np.zeros(len(K.ia), np.int8), rows, 0, TOP, 32.0, 0.0, 0.0, 5, R, 1.0)
        outs.append((n, xx, p))
    assert outs[0][0] == outs[1][0] > 0
    assert np.array_equal(outs[0][1], outs[1][1]) and np.array_equal(outs[0][2], outs[1][2])


def _joint_gaps(sim):
    """Largest distance between the two anchors of a runner joint (world units), Box2D poses."""
    bodies = sim.state().bodies
    gaps = []
    for name, ia, ib, la, lb, *_ in SPEC.joints:
        pa, pb = bodies[ia], bodies[ib]
        wa = pa[:2] + [math.cos(pa[2]) * la[0] - math.sin(pa[2]) * la[1], math.sin(pa[2]) * la[0] + math.cos(pa[2]) * la[1]]
        wb = pb[:2] + [math.cos(pb[2]) * lb[0] - math.sin(pb[2]) * lb[1], math.sin(pb[2]) * lb[0] + math.cos(pb[2]) * lb[1]]
        gaps.append(float(np.hypot(*(wa - wb))))
    return max(gaps)


def test_joints_held_in_position_like_box2d():
    # Box2D's pass leaves each joint within its linear slop (0.005) unless the 5 sweeps run out;
    # without any correction (no pass, no velocity bias: the defaults with position_pass off) the
    # anchors drift apart
    rng = np.random.default_rng(0)
    keys = np.repeat(rng.integers(0, 16, 60), 5)
    worst = {}
    for name, st in (("pass", SolverSettings()), ("none", SolverSettings(position_pass=False))):
        sim = QWOPSim(st)
        sim.reset()
        w = 0.0
        for k in keys:
            sim.step_fast(int(k), 1)
            w = max(w, _joint_gaps(sim))
            if sim.ended:
                break
        worst[name] = w
    # the game on the same keys: 0.1099 at most (its 5 sweeps run out in the violent frames)
    assert worst["pass"] < 0.13, worst
    assert worst["none"] > 2 * worst["pass"], worst


def test_legacy_settings_still_run_and_differ():
    a, b = QWOPSim(), QWOPSim(LEGACY_SETTINGS)
    sa, sb = a.step(8, 20), b.step(8, 20)
    assert not np.array_equal(sa.bodies, sb.bodies)
    b.reset()
    assert np.array_equal(b.step(8, 20).bodies, sb.bodies)  # deterministic too


def test_track_without_tiles_has_no_seams():
    rows = _contacts([[16.0, TOP - 0.5 + 0.01, 0.0]], half=[[1.0, 0.5]], tile_width=0.0)
    assert len(rows) == 0  # tile_width 0 with an empty box [0, 0]: nothing to touch
    out = np.zeros((4, pp.CONTACT_COLUMNS))
    n = pp.track_contacts(np.array([[16.0, TOP - 0.49, 0.0]]), np.array([[1.0, 0.5]]), K.inv_mass,
                          K.inv_inertia, TOP, 0.0, -200.0, 1400.0, out, 0, R)
    assert n == 1 and out[0, 3] == 2
