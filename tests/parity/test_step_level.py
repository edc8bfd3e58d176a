"""Step level: the sim and the game put in the same state (set_state) and stepped with the same keys.

Thresholds are regression guards set from what was measured (see README.md, 'Figures'), not the
project goals (median position error < 1e-3 after 1 frame, < 1e-2 after 5), which the sim does not
reach yet: the goals are reported by `python -m tests.parity --report`, and
test_goals_step_level is an xfail that turns into an XPASS the day they are met.
"""
from __future__ import annotations

import pytest

from tests.parity import harness as H

# Measured 03:12 UTC on this sample (108 start states, node game, sim DEFAULT_SETTINGS after the
# physics engineer's change: Box2D's joint solve order, 5 iterations, joint_error_bias 1e-2): median
# position error 0.0292 / 0.146 / 0.647 units after 1 / 5 / 25 frames, p95 0.277 / 0.363 / 2.37;
# median angle error 0.0208 / 0.0756 / 0.302 rad (before it, 02:24: 0.0377 / 0.156 / 0.744, p95
# 0.274 / 0.412 / 2.53, angle 0.0215 / 0.0756 / 0.333). The sample is deterministic (fixed seeds and
# recordings), so these figures move only when the sim or the game changes: the bounds are ~1.2x
# the medians and ~1.15-1.3x the p95s. Measured regressions (sim changed, same sample): solver
# iterations 5 -> 20 -> 1-frame median 0.049 (fails); iterations 5 -> 3 -> 25-frame median 0.946
# (fails); earlier: gravity +10% -> 25-frame median 0.948 (fails). When the sim gets better,
# lower these bounds with it.
MEDIAN_POS_MAX = {1: 0.035, 5: 0.175, 25: 0.78}
P95_POS_MAX = {1: 0.32, 5: 0.46, 25: 3.0}
MEDIAN_ANGLE_MAX = {1: 0.025, 5: 0.09, 25: 0.37}


@pytest.fixture(scope="module")
def result(node_game, starts):
    return H.step_level(node_game, starts)


def test_enough_start_states(starts):
    assert len(starts) >= 80
    assert all(not s.state.done for s in starts)


@pytest.mark.parametrize("h", H.HORIZONS)
def test_position_error(result, h):
    s = result.summary[h]["pos"]
    assert s["median"] < MEDIAN_POS_MAX[h], s
    assert s["p95"] < P95_POS_MAX[h], s


@pytest.mark.parametrize("h", H.HORIZONS)
def test_angle_error(result, h):
    s = result.summary[h]["angle"]
    assert s["median"] < MEDIAN_ANGLE_MAX[h], s


def test_errors_grow_with_horizon(result):
    m = [result.summary[h]["pos"]["median"] for h in H.HORIZONS]
    assert m[0] <= m[1] <= m[2], m


def test_start_pose_nearly_identical(node_game):
    # From reset, one frame with each of the 16 keys: measured 2.7e-4 (no keys) .. 4.3e-2 (P)
    # after 1 frame; the velocities now agree to 4e-3 units/s for every key (Box2D's joint order
    # and iterations): what is left is Box2D's position pass, which Chipmunk does not have (before:
    # 1.7e-2 .. 2.6e-2, velocities 0.6-1.1 units/s off). 5e-2 fails a wrong start pose or key
    # table (a swapped motor sign gives ~0.1 after one frame).
    sim = H.new_sim()
    worst = 0.0
    for k in range(16):
        node_game.reset()
        gs = H.play(node_game, [k], states=True)[0]
        sim.reset()
        worst = max(worst, H.body_errors(sim.step(k, 1).bodies, gs.bodies)["pos"])
    assert worst < 5e-2, worst


@pytest.mark.xfail(reason="project goal not reached yet (see README.md 'Figures'); strict: meeting it fails the run until this marker goes", strict=True)
def test_goals_step_level(result):
    assert result.summary[1]["pos"]["median"] < 1e-3
    assert result.summary[5]["pos"]["median"] < 1e-2
