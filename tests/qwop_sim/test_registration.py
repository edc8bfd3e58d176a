"""The registered ids: one episode limit (the env's own) whatever gym.make is given, and a spec that
tells it (env.spec.max_episode_steps is what SB3, rl-zoo and gym.make(env.spec) read)."""
from __future__ import annotations

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.wrappers import TimeLimit

import qwop_sim  # noqa: F401  (registers the ids)
from qwop_sim.envs import ENV_IDS


def _chain(env):
    out = []
    while isinstance(env, gym.Wrapper):
        out.append(type(env))
        env = env.env
    return out


@pytest.mark.parametrize("env_id", list(ENV_IDS))
def test_default_limit_in_the_spec(env_id):
    env = gym.make(env_id)
    try:
        assert env.spec.max_episode_steps == env.unwrapped.max_episode_steps == 2700  # 3 min at frame_skip 2
        assert TimeLimit not in _chain(env)
    finally:
        env.close()
    env = gym.make(env_id, frame_skip=4)
    try:
        assert env.spec.max_episode_steps == env.unwrapped.max_episode_steps == 1350
    finally:
        env.close()
    assert gym.spec(env_id).max_episode_steps is None  # depends on frame_skip: the made env's spec says it


@pytest.mark.parametrize("n", [5, 4000])  # shorter and longer than the default 2700
def test_make_max_episode_steps_is_the_one_limit(n):
    env = gym.make("qwop-v0", max_episode_steps=n)
    try:
        assert TimeLimit not in _chain(env)  # no second limit on top of the env's
        assert env.unwrapped.max_episode_steps == n
        assert env.spec.max_episode_steps == n
        again = gym.make(env.spec)  # the spec recreates the same env
        try:
            assert again.spec.max_episode_steps == again.unwrapped.max_episode_steps == n
            assert TimeLimit not in _chain(again)
        finally:
            again.close()
    finally:
        env.close()


def test_truncation_at_the_given_limit():
    env = gym.make("qwop-v0", max_episode_steps=5)
    try:
        env.reset(seed=0)
        for i in range(5):
            obs, r, term, trunc, info = env.step(np.zeros(4, dtype=np.int8))
            assert trunc == (i == 4) and not term
        with pytest.raises(RuntimeError):  # the env itself ended the episode
            env.step(np.zeros(4, dtype=np.int8))
    finally:
        env.close()


def test_same_trajectory_as_the_plain_env():
    """Folding the limit into the env changes nothing else: same observations and rewards."""
    a = gym.make("qwop-v0", max_episode_steps=40)
    b = qwop_sim.envs.QWOPEnv(max_episode_steps=40)
    try:
        oa, _ = a.reset(seed=3)
        ob, _ = b.reset(seed=3)
        rng = np.random.default_rng(0)
        for _ in range(40):
            act = rng.integers(0, 2, 4).astype(np.int8)
            ra, rb = a.step(act), b.step(act)
            np.testing.assert_array_equal(ra[0], rb[0])
            assert ra[1:4] == rb[1:4]
            if ra[2] or ra[3]:
                break
    finally:
        a.close()
        b.close()


def test_sb3_reads_the_limit():
    """What a library sees through its own env factory (SB3's make_vec_env calls gym.make)."""
    from stable_baselines3.common.env_util import make_vec_env  # the 'sb3' extra (in 'dev')

    venv = make_vec_env("qwop-v0", n_envs=1, env_kwargs={"frame_skip": 4})
    try:
        assert venv.envs[0].spec.max_episode_steps == 1350
        assert venv.envs[0].unwrapped.max_episode_steps == 1350
    finally:
        venv.close()
