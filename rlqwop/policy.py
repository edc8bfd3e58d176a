"""A trained policy as a plain function: `load_policy(path)(obs) -> action` (deterministic).

Used by evaluation, by `python -m qwop_sim.render --policy PATH`, and by anyone who wants to run a
checkpoint. The observation normaliser saved with the checkpoint is applied (frozen).
"""
from __future__ import annotations

import numpy as np
import torch

from . import checkpoint
from .networks import ActorCritic
from .normalize import Normalizer


class Policy:
    """Deterministic policy around a model and its (frozen) observation normaliser."""

    def __init__(self, model: ActorCritic, norm: Normalizer, config: dict | None = None):
        self.model, self.norm, self.config = model, norm, dict(config or {})
        self.spec = model.spec
        self.obs_ndim = len(self.spec["obs_shape"])
        self.kind = self.spec["action"]["kind"]
        # What the policy was trained with: a viewer that steps single game frames should hold each
        # action for `frame_skip` frames.
        self.frame_skip = int(self.config.get("frame_skip") or 1)
        self.env_id = self.config.get("env")
        self.action_mode = self.config.get("action_mode", "multibinary")
        self.sample = False  # True: the stochastic policy that training acts with

    def to_keys(self, action) -> int:
        """An action from __call__ -> the game's 4-bit key integer (Q=1, W=2, O=4, P=8)."""
        a = np.asarray(action)
        if self.kind == "multibinary":
            return int(sum(int(bool(f)) << i for i, f in enumerate(a.reshape(-1)[:4])))
        return int(a) & 15

    @classmethod
    def from_state(cls, state: dict) -> "Policy":
        cfg = state.get("config", {})
        model = ActorCritic(state["spec"], hidden=tuple(cfg.get("hidden", (128, 128))),
                            activation=cfg.get("activation", "tanh"),
                            cnn_features=cfg.get("cnn_features", 256))
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


class MultiFramePolicy(Policy):
    """A multi-frame-qwop-v0 policy outside its env (e.g. the viewer): `observe(state)` builds the
    observation the env would, the last 3 decision frames in grayscale (the first one repeated after a
    reset), from raw states."""

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        from collections import deque
        self._gray = deque(maxlen=3)

    def observe(self, state) -> np.ndarray:
        from qwop_sim.envs.core import to_gray
        from qwop_sim.render import render_rgb

        h, w = self.spec["obs_shape"][:2]
        if int(getattr(state, "frame", 1)) == 0:
            self._gray.clear()
        self._gray.append(to_gray(render_rgb(state, w, h)))
        while len(self._gray) < 3:
            self._gray.append(self._gray[-1])
        return np.stack(self._gray, axis=-1)


def load_policy(path: str) -> Policy:
    """`path` is a checkpoint file (latest.pt/best.pt) or a run directory (uses best.pt, else latest.pt)."""
    import os

    if os.path.isdir(path):
        best = os.path.join(path, "best.pt")
        path = best if os.path.isfile(best) else os.path.join(path, "latest.pt")
    state = checkpoint.load(path, require=checkpoint.POLICY_KEYS)
    env_id = str(state.get("config", {}).get("env", ""))
    cls = MultiFramePolicy if env_id.split(":")[-1] == "multi-frame-qwop-v0" else Policy
    try:
        return cls.from_state(state)
    except (KeyError, TypeError, ValueError, RuntimeError) as e:
        why = str(e).strip().splitlines()[0][:200] if str(e).strip() else type(e).__name__
        raise checkpoint.CheckpointError(f"{path}: its policy cannot be rebuilt ({type(e).__name__}: {why})") from None
