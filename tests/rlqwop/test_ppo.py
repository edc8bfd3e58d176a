"""The PPO update improves its objective on a tiny problem; GAE matches a hand computation."""
import argparse

import gymnasium as gym
import numpy as np
import torch

from rlqwop.networks import ActorCritic, space_spec
from rlqwop.ppo import lr_at, ppo_update
from rlqwop.rollout import data_columns, gae


def _args(**kw):
    base = dict(minibatch_size=64, update_epochs=4, clip_coef=0.2, clip_vloss=False, norm_adv=True, ent_coef=0.0,
                vf_coef=0.5, max_grad_norm=0.5, target_kl=0.0, lr=3e-4, anneal_lr=True, total_steps=1000)
    base.update(kw)
    return argparse.Namespace(**base)


def _bandit_batch(model, n, rng):
    """Contextual bandit: reward 1 for each key equal to the sign bit of the matching obs entry."""
    obs = rng.normal(size=(n, 6)).astype(np.float32)
    with torch.no_grad():
        act, logp, _, val = model.get_action_and_value(torch.as_tensor(obs))
    target = (obs[:, :4] > 0).astype(np.float32) if model.kind == "multibinary" else None
    if model.kind == "multibinary":
        reward = (act.numpy() == target).mean(1)
    else:
        reward = (act.numpy() == (obs[:, 0] > 0).astype(int)).astype(np.float32)
    adv = reward - val.numpy()
    cols = data_columns(model.n_act, model.kind)
    a = act.numpy().reshape(n, -1).astype(np.float32)
    data = np.concatenate([a, logp.numpy()[:, None], val.numpy()[:, None], adv[:, None], reward[:, None]], 1)
    assert data.shape[1] == cols["width"]
    return obs, data.astype(np.float32)


def _expected_reward(model, rng):
    obs = torch.as_tensor(rng.normal(size=(2000, 6)).astype(np.float32))
    with torch.no_grad():
        logits = model.actor(obs)
    if model.kind == "multibinary":
        p = torch.sigmoid(logits)
        target = (obs[:, :4] > 0).float()
        return float((target * p + (1 - target) * (1 - p)).mean())
    p = torch.softmax(logits, -1)
    right = (obs[:, 0] > 0).long()
    return float(p.gather(1, right[:, None]).mean())


def _improves(space):
    torch.manual_seed(0)
    rng = np.random.default_rng(0)
    spec = space_spec(gym.spaces.Box(-np.inf, np.inf, (6,), np.float32), space)
    model = ActorCritic(spec, hidden=(32, 32))
    opt = torch.optim.Adam(model.parameters(), lr=3e-3, eps=1e-5)
    before = _expected_reward(model, np.random.default_rng(1))
    v_losses = []
    for _ in range(15):
        obs, data = _bandit_batch(model, 512, rng)
        stats = ppo_update(model, opt, obs, data, _args(), rng)
        v_losses.append(stats["value_loss"])
        assert np.isfinite(stats["approx_kl"])
    after = _expected_reward(model, np.random.default_rng(1))
    assert after > before + 0.1, (before, after)
    assert v_losses[-1] < v_losses[0]


def test_ppo_improves_multibinary():
    _improves(gym.spaces.MultiBinary(4))


def test_ppo_improves_discrete():
    _improves(gym.spaces.Discrete(16))


def test_target_kl_stops_early():
    torch.manual_seed(0)
    rng = np.random.default_rng(0)
    spec = space_spec(gym.spaces.Box(-np.inf, np.inf, (6,), np.float32), gym.spaces.MultiBinary(4))
    model = ActorCritic(spec, hidden=(32, 32))
    opt = torch.optim.Adam(model.parameters(), lr=0.05)
    obs, data = _bandit_batch(model, 512, rng)
    stats = ppo_update(model, opt, obs, data, _args(update_epochs=50, target_kl=1e-4), rng)
    assert stats["kl_stop"] == 1 and stats["epochs"] < 50


def test_gae_matches_hand_computation():
    r = np.array([[1.0], [2.0], [3.0]], np.float32)
    v = np.array([[0.5], [0.2], [0.1]], np.float32)
    d = np.array([[0.0], [1.0], [0.0]], np.float32)  # episode ends with step 1
    nv = np.array([0.7], np.float32)
    g, lam = 0.9, 0.8
    d2 = 3 + g * 0.7 - 0.1
    d1 = 2 - 0.2                 # terminal: no bootstrap
    d0 = 1 + g * 0.2 - 0.5
    a2, a1 = d2, d1
    a0 = d0 + g * lam * a1
    np.testing.assert_allclose(gae(r, v, d, nv, g, lam)[:, 0], [a0, a1, a2], rtol=1e-6)


def test_lr_annealing():
    a = _args(lr=1e-3, total_steps=100)
    assert lr_at(a, 0) == 1e-3 and abs(lr_at(a, 50) - 5e-4) < 1e-12 and lr_at(a, 200) == 0.0
    assert lr_at(_args(lr=1e-3, anneal_lr=False), 99) == 1e-3
