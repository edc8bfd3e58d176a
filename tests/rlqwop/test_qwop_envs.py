"""The trainer on the real QWOP envs (skipped until qwop_sim registers them)."""
import os

import numpy as np
import pytest

from rlqwop import checkpoint
from rlqwop.envs import check_env_id
from rlqwop.train import main as train_main

from conftest import FAST


def _need(env_id):
    problem = check_env_id(env_id)
    if problem:
        pytest.skip(f"{env_id}: {problem}")


@pytest.mark.parametrize("env_id,action_mode", [("qwop-v0", "multibinary"), ("qwop-v0", "discrete"),
                                                ("multi-frame-qwop-v0", "multibinary")])
def test_one_iteration_and_policy_on_qwop(tmp_path, env_id, action_mode):
    _need(env_id)
    from rlqwop.evaluate import evaluate
    from rlqwop.envs import make_env
    from rlqwop.policy import load_policy
    argv = [a for a in FAST]
    argv[argv.index("--env") + 1] = env_id
    assert train_main(argv + ["--runs-dir", str(tmp_path), "--name", "q", "--total-steps", "128",
                              "--action-mode", action_mode, "--cnn-features", "32"]) == 0
    rd = os.path.join(str(tmp_path), "q")
    assert checkpoint.load(os.path.join(rd, "latest.pt"))["global_step"] == 128
    pol = load_policy(rd)
    import argparse
    ns = argparse.Namespace(env=env_id, backend="sim", action_mode=action_mode, frame_skip=4, env_kwargs="{}",
                            max_episode_steps=0)
    env = make_env(ns)
    eps, summary = evaluate(pol, env, 1, 30)
    env.close()
    assert np.isfinite(summary["mean_distance"]) and eps[0]["steps"] >= 1
