"""Running observation normalisation and return-based reward scaling, mergeable across ranks.

Each acting rank accumulates the statistics of what it saw during a rollout in a fresh
`RunningMeanStd` (the *delta*); the learner merges every rank's delta into the global statistics
(Chan et al. parallel variance) and broadcasts them with the parameters. Actors normalise with the
global statistics they were last sent, so every rank normalises the same way.
"""
from __future__ import annotations

import numpy as np


class RunningMeanStd:
    def __init__(self, shape=(), epsilon: float = 1e-4):
        self.shape = tuple(shape)
        self.mean = np.zeros(self.shape, np.float64)
        self.var = np.ones(self.shape, np.float64)
        self.count = float(epsilon)

    def update(self, x: np.ndarray) -> None:
        x = np.asarray(x, np.float64).reshape((-1,) + self.shape)
        if len(x) == 0:
            return
        self.merge(x.mean(0), x.var(0), float(len(x)))

    def merge(self, mean, var, count: float) -> None:
        if count <= 0:
            return
        delta = mean - self.mean
        tot = self.count + count
        new_mean = self.mean + delta * count / tot
        m2 = self.var * self.count + var * count + delta ** 2 * self.count * count / tot
        self.mean, self.var, self.count = new_mean, m2 / tot, tot

    # flat float64 form: [count, mean..., var...] (for MPI and checkpoints)
    def to_array(self) -> np.ndarray:
        return np.concatenate([[self.count], self.mean.ravel(), self.var.ravel()])

    def from_array(self, a: np.ndarray) -> None:
        n = int(np.prod(self.shape)) if self.shape else 1
        self.count = float(a[0])
        self.mean = np.asarray(a[1:1 + n], np.float64).reshape(self.shape).copy()
        self.var = np.asarray(a[1 + n:1 + 2 * n], np.float64).reshape(self.shape).copy()

    @property
    def size(self) -> int:
        return 1 + 2 * (int(np.prod(self.shape)) if self.shape else 1)


class Normalizer:
    """Observation and reward statistics of one run (global on the learner, a copy on actors)."""

    def __init__(self, obs_shape, norm_obs: bool, norm_reward: bool, gamma: float,
                 clip_obs: float = 10.0, clip_reward: float = 10.0):
        self.norm_obs, self.norm_reward = bool(norm_obs), bool(norm_reward)
        self.gamma, self.clip_obs, self.clip_reward = gamma, clip_obs, clip_reward
        self.obs_rms = RunningMeanStd(obs_shape if norm_obs else ())
        self.ret_rms = RunningMeanStd(())

    # -- applying --------------------------------------------------------------------------
    def obs(self, obs: np.ndarray) -> np.ndarray:
        if not self.norm_obs:
            return obs
        out = (obs - self.obs_rms.mean) / np.sqrt(self.obs_rms.var + 1e-8)
        return np.clip(out, -self.clip_obs, self.clip_obs).astype(np.float32)

    def reward(self, r: np.ndarray) -> np.ndarray:
        if not self.norm_reward:
            return np.asarray(r, np.float32)
        out = r / np.sqrt(self.ret_rms.var + 1e-8)
        return np.clip(out, -self.clip_reward, self.clip_reward).astype(np.float32)

    # -- state -----------------------------------------------------------------------------
    def to_array(self) -> np.ndarray:
        return np.concatenate([self.obs_rms.to_array(), self.ret_rms.to_array()])

    def from_array(self, a: np.ndarray) -> None:
        n = self.obs_rms.size
        self.obs_rms.from_array(a[:n])
        self.ret_rms.from_array(a[n:])

    def merge_array(self, delta: np.ndarray) -> None:
        """Merge a delta (same layout as to_array) into these statistics."""
        n = self.obs_rms.size
        for rms, part in ((self.obs_rms, delta[:n]), (self.ret_rms, delta[n:])):
            tmp = RunningMeanStd(rms.shape, epsilon=0.0)
            tmp.from_array(part)
            if tmp.count > 0:
                rms.merge(tmp.mean, tmp.var, tmp.count)

    def state_dict(self) -> dict:
        return {"array": self.to_array(), "norm_obs": self.norm_obs, "norm_reward": self.norm_reward,
                "obs_shape": list(self.obs_rms.shape)}

    def load_state_dict(self, d: dict) -> None:
        self.from_array(np.asarray(d["array"], np.float64))


class StatsCollector:
    """What one rank saw in one rollout (the delta it sends to the learner), plus the per-env
    discounted return used for reward scaling."""

    def __init__(self, norm: Normalizer, num_envs: int):
        self.norm = norm
        self.returns = np.zeros(num_envs, np.float64)
        self.reset()

    def reset(self) -> None:
        self.obs_delta = RunningMeanStd(self.norm.obs_rms.shape, epsilon=0.0)
        self.ret_delta = RunningMeanStd((), epsilon=0.0)

    def see_obs(self, raw_obs: np.ndarray) -> None:
        if self.norm.norm_obs:
            self.obs_delta.update(raw_obs)

    def see_reward(self, raw_reward: np.ndarray, done: np.ndarray) -> None:
        self.returns = self.returns * self.norm.gamma + raw_reward
        self.ret_delta.update(self.returns)
        self.returns[done] = 0.0

    def delta_array(self) -> np.ndarray:
        return np.concatenate([self.obs_delta.to_array(), self.ret_delta.to_array()])
