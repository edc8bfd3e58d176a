"""Step level: the sim and the game put in the same state (set_state) and stepped with the same keys.

Thresholds are regression guards set from what was measured (see README.md, 'Figures'), not the
project goals (median position error < 1e-3 after 1 frame, < 1e-2 after 5), which the sim does not
reach yet: the goals are reported by `python -m tests.parity --report`, and
test_goals_step_level is an xfail that turns into an XPASS the day they are met.
"""
from __future__ import annotations

import pytest

from tests.parity import harness as H

# Measured 02:24 UTC on this sample (108 start states, node game, sim DEFAULT_SETTINGS): median
# position error 0.0377 / 0.156 / 0.744 units after 1 / 5 / 25 frames, p95 0.274 / 0.417 / 2.53;
# median angle error 0.0215 / 0.0756 / 0.333 rad. The sample is deterministic (fixed seeds and
# recordings), so these figures move only when the sim or the game changes: the bounds are ~1.2x
# the medians and ~1.2-1.35x the p95s. Measured regressions (sim changed, same sample): gravity
# +10% -> 25-frame median 0.948 (fails); solver iterations 7 -> 20 -> 1-frame median 0.050
# (fails); iterations 7 -> 3 -> 25-frame median 0.94 (fails). When the sim gets better, lower
# these bounds with it.
MEDIAN_POS_MAX = {1: 0.045, 5: 0.19, 25: 0.88}
P95_POS_MAX = {1: 0.32, 5: 0.57, 25: 3.2}
MEDIAN_ANGLE_MAX = {1: 0.025, 5: 0.09, 25: 0.40}


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
    # From reset, one frame with each of the 16 keys: measured 2e-4 (no keys) .. 1.8e-2 (Q or W:
    # the motors' first response) after 1 frame. 5e-2 fails a wrong start pose or key table (a
    # swapped motor sign gives ~0.1 after one frame).
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
