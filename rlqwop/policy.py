"""A trained policy as a plain function: `load_policy(path)(obs) -> action` (deterministic).

The policy acts on the observations of the env it was trained on, as that env returns them (it
never builds observations itself). Used by evaluation, by the viewer (`python -m qwop_sim.render
--policy PATH` finds `load_policy` through the `qwop_sim.policy_loaders` entry point declared in
pyproject.toml, and plays `policy.env_id` made with `policy.env_kwargs`), and by anyone who wants to
run a checkpoint. The observation normaliser saved with the checkpoint is applied (frozen).
"""
from __future__ import annotations

import numpy as np
import torch

from qwop_sim.envs.core import DEFAULT_FRAME_SKIP

from . import checkpoint
from .config import saved_network
from .networks import ActorCritic
from .normalize import Normalizer


class Policy:
    """Deterministic policy around a model and its (frozen) observation normaliser."""

    def __init__(self, model: ActorCritic, norm: Normalizer, config: dict | None = None):
        self.model, self.norm, self.config = model, norm, dict(config or {})
        self.spec = model.spec
        self.obs_ndim = len(self.spec["obs_shape"])
        self.kind = self.spec["action"]["kind"]
        # What the policy was trained with (the parity harness, which steps backends game frame by
        # game frame, holds each action for frame_skip frames); a config without it made the env
        # with the env's default (env_kwargs leaves it out)
        self.frame_skip = int(self.config.get("frame_skip") or DEFAULT_FRAME_SKIP)
        self.env_id = self.config.get("env")
        self.action_mode = self.config.get("action_mode", "multibinary")
        self.sample = False  # True: the stochastic policy that training acts with

    @property
    def env_kwargs(self) -> dict:
        """The gym.make kwargs of the env it was trained on (backend, action mode, frame skip and
        --env-kwargs, as run.py made it): with env_id, the env a viewer plays it in."""
        from .envs import gym_make_kwargs

        cfg = self.config
        return gym_make_kwargs(self.env_id or "qwop-v0", cfg.get("backend", "sim"), self.action_mode,
                           cfg.get("frame_skip"), cfg.get("env_kwargs", "{}"))

    @classmethod
    def from_state(cls, state: dict) -> "Policy":
        cfg = state.get("config", {})
        model = ActorCritic(state["spec"], **saved_network(cfg), cnn_features=cfg.get("cnn_features", 256))
        model.load_state_dict(state["model"])
        model.eval()
        nd = state["normalizer"]
        norm = Normalizer(tuple(nd["obs_shape"]), nd["norm_obs"], nd["norm_reward"], cfg.get("gamma", 0.99),
                          clip_obs=cfg.get("clip_obs", 10.0))
        norm.load_state_dict(nd)
        return cls(model, norm, cfg)

    @torch.no_grad()
    def __call__(self, obs):
        """One observation -> one action (np.int8 array of keys for MultiBinary, int for Discrete).
        A batch of observations (one extra leading axis) -> a batch of actions."""
        obs = np.asarray(obs)
        single = obs.ndim == self.obs_ndim
        batch = obs[None] if single else obs
        if not self.model.image:
            batch = np.asarray(self.norm.obs(batch.astype(np.float32)), np.float32)
        t = torch.as_tensor(batch)
        # sample: actions drawn as in training (torch's global RNG), else key pressed when p > 0.5
        act = self.model.to_env_action(self.model.act(t)[0] if self.sample else self.model.deterministic(t))
        if single:
            return act[0] if self.kind == "multibinary" else int(act[0])
        return act


def load_policy(path: str) -> Policy:
    """`path` is a checkpoint file (latest.pt/best.pt) or a run directory (uses best.pt, else latest.pt)."""
    import os

    if os.path.isdir(path):
        best = os.path.join(path, "best.pt")
        path = best if os.path.isfile(best) else os.path.join(path, "latest.pt")
    state = checkpoint.load(path, require=checkpoint.POLICY_KEYS)
    try:
        return Policy.from_state(state)
    except (KeyError, TypeError, ValueError, RuntimeError) as e:
        why = str(e).strip().splitlines()[0][:200] if str(e).strip() else type(e).__name__
        raise checkpoint.CheckpointError(f"{path}: its policy cannot be rebuilt ({type(e).__name__}: {why})") from None
