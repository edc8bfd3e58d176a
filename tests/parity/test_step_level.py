"""Step level: the sim and the game put in the same state (set_state) and stepped with the same keys.

Thresholds are regression guards set from what was measured (see README.md, 'Figures'), not the
project goals (median position error < 1e-3 after 1 frame, < 1e-2 after 5), which the sim does not
reach yet: the goals are reported by `python -m tests.parity --report`, and
test_goals_step_level is an xfail that turns into an XPASS the day they are met.
"""
from __future__ import annotations

import pytest

from tests.parity import harness as H

# Measured 11:50 UTC Nov 28 on this sample (108 start states, node game), sim DEFAULT_SETTINGS with
# Box2D's position pass (contacts with Box2D's own track manifolds, then the joints): median position
# error 0.0041 / 0.0114 / 0.205 units after 1 / 5 / 25 frames, p95 0.027 / 0.108 / 0.844; median
# angle error 0.0018 / 0.0089 / 0.082 rad. (Before the pass, 03:12 Nov 25: 0.0292 / 0.146 / 0.647,
# p95 0.277 / 0.363 / 2.37, angle 0.0208 / 0.0756 / 0.302.) The sample is deterministic (fixed
# seeds and recordings), so these figures move only when the sim or the game changes: the bounds
# are ~1.2x the medians and p95s. Measured regressions (sim changed, same sample): gravity +10% ->
# 5-frame median 0.0247, 25-frame 0.44 (fails); solver iterations 5 -> 20 -> 1-frame median 0.040
# (fails); 5 -> 3 -> 0.025 (fails). When the sim gets better, lower these bounds with it.
MEDIAN_POS_MAX = {1: 0.005, 5: 0.014, 25: 0.25}
P95_POS_MAX = {1: 0.035, 5: 0.13, 25: 1.0}
MEDIAN_ANGLE_MAX = {1: 0.0025, 5: 0.011, 25: 0.10}


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
    # From reset, one frame with each of the 16 keys (no contact yet: the feet land at frame 5):
    # the sim equals the game to rounding, 9e-16 at most (measured Nov 28), since the velocity
    # solve follows Box2D's joint order and the position pass is Box2D's. Before the position
    # pass: 2.7e-4 (no keys) .. 4.3e-2 (P). 1e-12 fails any change to the start pose, the key
    # table, a motor, a limit or the joint solve.
    sim = H.new_sim()
    worst = 0.0
    for k in range(16):
        node_game.reset()
        gs = H.play(node_game, [k], states=True)[0]
        sim.reset()
        worst = max(worst, H.body_errors(sim.step(k, 1).bodies, gs.bodies)["pos"])
    assert worst < 1e-12, worst


@pytest.mark.xfail(reason="project goal not reached yet (see README.md 'Where we stand'); strict: meeting it fails the run until this marker goes", strict=True)
def test_goals_step_level(result):
    assert result.summary[1]["pos"]["median"] < 1e-3
    assert result.summary[5]["pos"]["median"] < 1e-2
