"""Networks, normaliser merge, checkpoint atomicity, flat parameters, toy envs."""
import os

import gymnasium as gym
import numpy as np
import pytest
import torch

from rlqwop import checkpoint
from rlqwop.networks import ActorCritic, param_hash, space_spec
from rlqwop.normalize import Normalizer, RunningMeanStd


def test_running_stats_merge_equals_all_data():
    rng = np.random.default_rng(0)
    a, b = rng.normal(3, 2, size=(100, 5)), rng.normal(-1, 0.5, size=(37, 5))
    r1 = RunningMeanStd((5,), epsilon=0.0)
    r1.update(a)
    r2 = RunningMeanStd((5,), epsilon=0.0)
    r2.update(b)
    r1.merge(r2.mean, r2.var, r2.count)
    both = np.concatenate([a, b])
    np.testing.assert_allclose(r1.mean, both.mean(0))
    np.testing.assert_allclose(r1.var, both.var(0))


def test_normalizer_roundtrip_and_merge_array():
    n = Normalizer((3,), True, True, 0.99)
    delta = Normalizer((3,), True, True, 0.99)
    delta.obs_rms = RunningMeanStd((3,), epsilon=0.0)
    delta.obs_rms.update(np.ones((10, 3)) * 5)
    delta.ret_rms = RunningMeanStd((), epsilon=0.0)
    n.merge_array(delta.to_array())
    assert abs(n.obs_rms.mean[0] - 5) < 1e-3
    m = Normalizer((3,), True, True, 0.99)
    m.from_array(n.to_array())
    np.testing.assert_allclose(m.to_array(), n.to_array())


@pytest.mark.parametrize("space", [gym.spaces.MultiBinary(4), gym.spaces.Discrete(16)])
def test_mlp_actions_and_flat_params(space):
    spec = space_spec(gym.spaces.Box(-1, 1, (7,), np.float32), space)
    m = ActorCritic(spec, hidden=(16,))
    obs = torch.randn(5, 7)
    a, logp, ent, v = m.get_action_and_value(obs)
    assert logp.shape == (5,) and ent.shape == (5,) and v.shape == (5,)
    env_a = m.to_env_action(m.deterministic(obs))
    assert all(space.contains(x if space.shape else int(x)) for x in env_a)
    m2 = ActorCritic(spec, hidden=(16,))
    assert param_hash(m) != param_hash(m2)
    m2.load_flat_parameters(m.flat_parameters())
    assert param_hash(m) == param_hash(m2)


def test_cnn_on_images():
    spec = space_spec(gym.spaces.Box(0, 255, (64, 64, 3), np.uint8), gym.spaces.MultiBinary(4))
    assert spec["image"]
    m = ActorCritic(spec, cnn_features=32)
    obs = torch.randint(0, 255, (2, 64, 64, 3), dtype=torch.uint8)
    a, logp, ent, v = m.get_action_and_value(obs)
    assert a.shape == (2, 4) and v.shape == (2,)


def test_unsupported_spaces_are_clear():
    with pytest.raises(ValueError, match="unsupported action space"):
        space_spec(gym.spaces.Box(-1, 1, (3,)), gym.spaces.Box(-1, 1, (2,)))


def test_checkpoint_atomic(tmp_path):
    p = str(tmp_path / "latest.pt")
    checkpoint.save(p, {"x": torch.ones(3), "n": 1})
    checkpoint.save(p, {"x": torch.zeros(3), "n": 2})
    assert checkpoint.load(p)["n"] == 2
    assert checkpoint.load(str(tmp_path))["n"] == 2  # a run directory works too
    assert [f for f in os.listdir(tmp_path) if f.endswith(".tmp")] == []


@pytest.mark.parametrize("env_id,kw", [("rlqwop/ToyRun-v0", {}), ("rlqwop/ToyRun-v0", {"action_mode": "discrete"}),
                                       ("rlqwop/ToyRunPixels-v0", {})])
def test_toy_envs_follow_the_qwop_contract(env_id, kw):
    import rlqwop.toy_envs  # noqa: F401
    from gymnasium.utils.env_checker import check_env
    env = gym.make(env_id, backend="sim", frame_skip=2, **kw)
    check_env(env.unwrapped, skip_render_check=True)
    obs, info = env.reset(seed=0)
    obs, r, term, trunc, info = env.step(env.action_space.sample())
    assert {"distance", "clock", "fallen", "finished"} <= set(info)


@pytest.mark.parametrize("space", [gym.spaces.MultiBinary(4), gym.spaces.Discrete(16)])
def test_fast_act_log_probs_match_the_distribution(space):
    spec = space_spec(gym.spaces.Box(-1, 1, (7,), np.float32), space)
    m = ActorCritic(spec, hidden=(16,))
    obs = torch.randn(9, 7)
    a, logp, v = m.act(obs)
    _, logp2, _, v2 = m.get_action_and_value(obs, a)
    torch.testing.assert_close(logp, logp2)
    torch.testing.assert_close(v, v2)
