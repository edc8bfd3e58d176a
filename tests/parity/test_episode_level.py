"""Episode level: the same key sequences played from reset on the sim and on the game."""
from __future__ import annotations

import numpy as np
import pytest

from tests.parity import conftest as cf
from tests.parity import harness as H

# Measured 11:50 UTC Nov 28 on this sample (80 random sequences: random holds of 1-15 frames, random
# lengths 30-300 frames; 3 periodic gaits x 8 start delays), sim DEFAULT_SETTINGS with Box2D's
# position pass: random fall / no-fall agreement 0.938 (game falls in 76%; before the pass 0.875);
# gait fall agreement 1.0; mean distance sim/game: wo_qp_alt6_300 x1.01 (before x0.81), gait_d x1.14
# (before x1.16), qp_wo_alt10_300 falls at once (ratio not tested).
# Deterministic sample (moves only with the code). Bounds: agreement 0.9 (1 episode = 1.25%;
# measured regressions: solver iterations 5 -> 3 gives 0.80, 5 -> 20 gives 0.825: both fail);
# gait ratio in [0.85, 1.3] (~1.15x the measured ratios): a runner that stops moving, falls, or
# runs away fails (iterations 5 -> 20: gait_d x1.43 fails). Goal (0.9 / 10%) in
# test_goals_episode_level.
RANDOM_AGREEMENT_MIN = 0.9
GAIT_RATIO_RANGE = (0.85, 1.3)
GAIT_FALL_AGREEMENT_MIN = 0.85


@pytest.fixture(scope="module")
def pairs(node_game):
    specs = H.episode_specs(n_random=cf.N_RANDOM_EPISODES, gait_delays=cf.GAIT_DELAYS)
    return H.episode_level(node_game, specs)


@pytest.fixture(scope="module")
def summary(pairs):
    return H.episode_summary(pairs)


def test_random_fall_agreement(summary):
    r = summary["random"]
    # the question must be a real one: some sequences fall, some do not
    assert 0.05 < r["game_fall_rate"] < 0.95, r
    assert r["fall_agreement"] >= RANDOM_AGREEMENT_MIN, r


def test_gait_fall_agreement(summary):
    assert summary["gait"]["fall_agreement"] >= GAIT_FALL_AGREEMENT_MIN, summary["gait"]


def test_gait_distances(summary):
    gaits = {g: v for g, v in summary["groups"].items() if v["kind"] == "gait"}
    assert gaits, "no periodic gait found in the recordings"
    for name, v in gaits.items():
        if v["mean_distance_game"] > 1.0:
            lo, hi = GAIT_RATIO_RANGE
            assert lo < v["ratio"] < hi, (name, v)


def test_clock_and_end_frame_consistent(pairs):
    # the game clock is 1/30 s per frame on both, stopping at the end: clock * 30 == end frame
    for p in pairs:
        for o in (p.sim, p.game):
            if o.end_frame is not None:
                assert o.end_frame <= o.frames
                assert abs(o.clock * 30 - o.end_frame) < 1e-6


@pytest.mark.xfail(reason="project goal not reached yet (see README.md 'Where we stand'); strict: meeting it fails the run until this marker goes", strict=True)
def test_goals_episode_level(summary):
    # the fall/no-fall agreement goal (>= 90 %) is met and guarded by test_random_fall_agreement;
    # left: every running gait's mean distance within 10 % (gait_d: x1.14 on this sample)
    for v in summary["groups"].values():
        if v["kind"] == "gait" and v["mean_distance_game"] > 1.0:
            assert v["rel_diff"] <= 0.10


class _GaitPolicy:
    """A scripted 'policy' with the checkpoint policy's attributes (frame_skip, action_mode):
    plays one period of a gait by game frame (its n-th decision of an episode is at frame
    n * frame_skip; an episode starts with the start pose's observation), so closed loop must
    equal the open-loop replay."""

    frame_skip = 2
    action_mode = "discrete"  # its actions are the keys

    def __init__(self, period):
        from qwop_sim.envs import core

        self.period = period
        self.start_obs = core.observation(H.new_sim().reset())
        self.decisions = 0

    def __call__(self, obs):
        if np.array_equal(obs, self.start_obs):
            self.decisions = 0
        frame = self.decisions * self.frame_skip
        self.decisions += 1
        return self.period[frame % len(self.period)]


def test_policy_closed_loop_matches_open_loop(node_game):
    period = H.periodic_gaits()["gait_d"]
    pol = _GaitPolicy(period)
    n = 300
    pairs = H.episode_level(node_game, [], policies=[("gait_d-script", pol)], policy_episodes=1,
                            policy_frames=n)
    assert len(pairs) == 1 and pairs[0].kind == "policy"
    # the same keys open loop (decided every frame_skip frames, held in between)
    keys = [period[(i - i % 2) % len(period)] for i in range(n)]
    assert pairs[0].game == H.game_episode(node_game, keys)
    assert pairs[0].sim == H.sim_episode(H.new_sim(), keys)
