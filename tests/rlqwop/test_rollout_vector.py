"""The rollout on the batched vector env (the ids' vector entry point, SameStep) gives the list path's arrays."""
from __future__ import annotations

import argparse

import gymnasium as gym
import numpy as np
import pytest
import torch

import qwop_sim  # noqa: F401
from qwop_sim.envs.vector import QWOPVectorEnv
from rlqwop.vecenvs import close_envs, env_spaces, make_envs
from rlqwop.networks import ActorCritic, space_spec
from rlqwop.normalize import Normalizer
from rlqwop.rollout import Rollout


def _args(**kw):
    a = dict(env="qwop-v0", backend="sim", action_mode="multibinary", frame_skip=4, env_kwargs="{}",
             num_envs=3, max_episode_steps=25)
    a.update(kw)
    return argparse.Namespace(**a)


@pytest.mark.parametrize("action_mode,env_kwargs", [
    ("multibinary", "{}"), ("discrete", "{}"),
    ("multibinary", '{"init_noise": 0.3, "start_delay": 15, "start_keys": 10}'),  # disturbed starts
])
def test_rollout_vector_env_equals_list_of_envs(action_mode, env_kwargs, monkeypatch):
    args = _args(action_mode=action_mode, env_kwargs=env_kwargs)
    vec = make_envs(args)
    assert isinstance(vec, QWOPVectorEnv)
    monkeypatch.setenv("RLQWOP_VECTOR_ENV", "off")
    lst = make_envs(args)
    assert isinstance(lst, list) and len(lst) == 3
    spaces = env_spaces(vec)
    assert spaces == env_spaces(lst)
    out = []
    for envs in (vec, lst):
        torch.manual_seed(0)
        model = ActorCritic(space_spec(*spaces), hidden=(16,))
        norm = Normalizer(spaces[0].shape, True, True, 0.99)
        ro = Rollout(envs, model, norm, 40, 0.99, 0.95, seed=3)
        res = [ro.collect() for _ in range(3)]
        out.append(res)
        close_envs(envs)
    eps = 0
    for (o1, d1, e1, s1), (o2, d2, e2, s2) in zip(*out):
        np.testing.assert_array_equal(o1, o2)
        np.testing.assert_array_equal(d1, d2)
        np.testing.assert_array_equal(s1, s2)
        assert e1 == e2
        eps += len(e1)
    assert eps >= 3  # episodes ended (falls, time limits) inside the rollouts


def test_make_envs_lists_other_ids_and_backends():
    lst = make_envs(_args(env="rlqwop/ToyRun-v0", num_envs=2))
    assert isinstance(lst, list)
    close_envs(lst)
    lst = make_envs(_args(env="frame-qwop-v0", num_envs=1, env_kwargs='{"frame_size": 16}'))
    assert isinstance(lst, list)
    close_envs(lst)


def test_rollout_rejects_next_step_vector_env():
    from qwop_sim.envs.vector import make_vector_env

    v = make_vector_env(num_envs=2)  # NextStep autoreset, Gymnasium's default
    spaces = (v.single_observation_space, v.single_action_space)
    with pytest.raises(ValueError):
        Rollout(v, ActorCritic(space_spec(*spaces), hidden=(8,)), Normalizer(spaces[0].shape, True, True, 0.99),
                4, 0.99, 0.95)
