"""The checkpoint's policy (rlqwop/policy.py): the env it was trained on, and playing it there in the
viewer (python -m qwop_sim.render --policy) on that env's own observations."""
from __future__ import annotations

import json
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from rlqwop.policy import load_policy  # noqa: E402

from conftest import ROOT  # noqa: E402

MODEL = os.path.join(ROOT, "models", "qwop-ppo-sim.pt")


def test_env_kwargs_are_the_training_envs():
    pol = load_policy(MODEL)
    cfg = pol.config
    assert pol.env_id == "qwop-v0"
    assert pol.env_kwargs == {"backend": cfg["backend"], "action_mode": cfg["action_mode"],
                              "frame_skip": cfg["frame_skip"], **json.loads(cfg["env_kwargs"])}
    assert pol.env_kwargs["frame_skip"] == 2 and pol.env_kwargs["init_noise"] == 0.3


def test_frame_skip_without_one_in_the_config_is_the_envs_default():
    """A checkpoint whose config has no frame_skip was trained on the env's default: the policy's
    frame_skip (the parity harness holds each action that long) is the one its env_kwargs make."""
    import gymnasium as gym

    from rlqwop.policy import Policy

    pol = load_policy(MODEL)
    old = Policy(pol.model, pol.norm, {k: v for k, v in pol.config.items() if k != "frame_skip"})
    assert "frame_skip" not in old.env_kwargs
    env = gym.make(old.env_id, **old.env_kwargs)
    assert old.frame_skip == env.unwrapped.frame_skip == 2
    env.close()


def test_viewer_plays_the_checkpoint_as_the_evaluation_does():
    """The viewer's episode of the shipped checkpoint (its env, plain start) is the evaluation's
    plain-start episode, float for float."""
    from qwop_sim.render import viewer

    from rlqwop.envs import make_env
    from rlqwop.evaluate import env_settings, play_episode

    pol = load_policy(MODEL)
    env = make_env(env_settings(pol.config, {}))
    ep = play_episode(pol, env, 5000, seed=0)
    env.close()
    assert ep["finished"]
    v = viewer.Viewer(viewer.policy_env(pol), headless=True)
    steps = v.run(policy=pol) - max(1, round(v.fps))  # less the end screen's second
    assert steps == ep["steps"]
    assert (v.state.clock, v.state.distance) == (ep["clock"], ep["distance"])
