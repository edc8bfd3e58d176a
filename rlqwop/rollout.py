"""The actor's job: step the envs with the current policy for `num_steps`, then compute GAE.

The envs are a Gymnasium ``VectorEnv`` in ``SameStep`` autoreset mode (``gym.make_vec``: for
qwop-v0 on the sim, one batched QWOPVectorEnv, see rlqwop/vecenvs.py ``make_envs``) stepped with one
call per step, or a list of envs stepped one by one; both give the same arrays.

The rollout is returned as flat arrays (one row per env step): `obs` (normalised float32, or raw
uint8 images) and `data` (float32 columns, see `COLUMNS`), which is exactly what travels to the
learner over MPI. Finished episodes are reported as small dicts (return, length, distance, clock,
fallen, finished).
"""
from __future__ import annotations

import math

import gymnasium as gym
import numpy as np
import torch

from .normalize import Normalizer, StatsCollector


def data_columns(n_act: int, kind: str) -> dict:
    """Column slices of the float32 `data` array."""
    a = n_act if kind == "multibinary" else 1
    return {"action": slice(0, a), "logp": a, "value": a + 1, "adv": a + 2, "ret": a + 3, "width": a + 4}


def _info_value(info: dict, key: str, default=math.nan):
    v = info.get(key, default)
    try:
        return float(v)
    except (TypeError, ValueError):
        return default


class Rollout:
    def __init__(self, envs, model, norm: Normalizer, num_steps: int, gamma: float, gae_lambda: float,
                 seed: int = 0):
        self.envs, self.model, self.norm = envs, model, norm
        self.num_steps, self.gamma, self.lam = num_steps, gamma, gae_lambda
        self.vector = isinstance(envs, gym.vector.VectorEnv)
        if self.vector:
            mode = envs.metadata.get("autoreset_mode")
            if mode != gym.vector.AutoresetMode.SAME_STEP:
                raise ValueError(f"Rollout needs a VectorEnv in SameStep autoreset mode, got {mode}")
            self.n = envs.num_envs
            self.raw_obs = np.asarray(envs.reset(seed=seed)[0])  # sub-env i: seed + i, as below
        else:
            self.n = len(envs)
            self.raw_obs = np.stack([env.reset(seed=seed + i)[0] for i, env in enumerate(envs)])
        self.stats = StatsCollector(norm, self.n)
        self.ep_return = np.zeros(self.n)
        self.ep_len = np.zeros(self.n, np.int64)
        self.cols = data_columns(model.n_act, model.kind)
        self.nonfinite = 0  # env steps that returned NaN/inf (sanitised)

    def _tensor(self, obs: np.ndarray) -> torch.Tensor:
        return torch.as_tensor(obs)

    @torch.no_grad()
    def collect(self):
        """One rollout."""
        T, N, model, norm = self.num_steps, self.n, self.model, self.norm
        self.stats.reset()
        obs_dtype = np.uint8 if model.image else np.float32
        obs_buf = np.zeros((T, N) + self.raw_obs.shape[1:], obs_dtype)
        act_w = self.cols["width"] - 4
        act_buf = np.zeros((T, N, act_w), np.float32)
        logp_buf = np.zeros((T, N), np.float32)
        val_buf = np.zeros((T, N), np.float32)
        rew_buf = np.zeros((T, N), np.float32)
        done_buf = np.zeros((T, N), np.float32)
        episodes = []
        for t in range(T):
            self.stats.see_obs(self.raw_obs)
            nobs = norm.obs(self.raw_obs) if not model.image else self.raw_obs
            action, logp, value = model.act(self._tensor(nobs))
            env_actions = model.to_env_action(action)
            if self.vector:
                next_obs, rewards, dones, truncated_final = self._step_vector(env_actions, episodes)
            else:
                next_obs, rewards, dones, truncated_final = self._step_list(env_actions, episodes)
            if not np.isfinite(next_obs).all() or not np.isfinite(rewards).all():
                # a physics blow-up must not poison the normaliser and the network with NaN/inf
                self.nonfinite += 1
                next_obs = np.nan_to_num(next_obs, nan=0.0, posinf=1e6, neginf=-1e6)
                rewards = np.nan_to_num(rewards, nan=0.0, posinf=0.0, neginf=0.0)
            self.stats.see_reward(rewards, dones)
            scaled = norm.reward(rewards)
            if truncated_final:  # time limit, not a real end: bootstrap from the final observation
                idx = list(truncated_final)
                fin = np.stack([truncated_final[i] for i in idx])
                fin = norm.obs(fin) if not model.image else fin
                v = model.get_value(self._tensor(fin)).numpy()
                scaled[idx] += self.gamma * v
            obs_buf[t] = nobs
            act_buf[t] = action.reshape(N, -1).float().numpy()
            logp_buf[t], val_buf[t] = logp.numpy(), value.numpy()
            rew_buf[t], done_buf[t] = scaled, dones
            self.raw_obs = next_obs

        nobs = norm.obs(self.raw_obs) if not model.image else self.raw_obs
        next_value = model.get_value(self._tensor(nobs)).numpy()
        adv = gae(rew_buf, val_buf, done_buf, next_value, self.gamma, self.lam)
        ret = adv + val_buf
        data = np.concatenate([act_buf, logp_buf[..., None], val_buf[..., None], adv[..., None], ret[..., None]], -1)
        obs_flat = obs_buf.reshape((T * N,) + obs_buf.shape[2:])
        return obs_flat, data.reshape(T * N, -1).astype(np.float32), episodes, self.stats.delta_array()

    def _end_episode(self, i: int, info: dict, episodes: list) -> None:
        episodes.append({
            "return": float(self.ep_return[i]), "length": int(self.ep_len[i]),
            "distance": _info_value(info, "distance"), "clock": _info_value(info, "clock"),
            "fallen": bool(info.get("fallen", False)), "finished": bool(info.get("finished", False)),
        })
        self.ep_return[i], self.ep_len[i] = 0.0, 0

    def _step_vector(self, env_actions, episodes):
        """One call for all envs (SameStep autoreset: ended envs come back reset, their last
        observation and info in info["final_obs"] / info["final_info"])."""
        N = self.n
        o, r, term, trunc, info = self.envs.step(env_actions if self.model.kind == "multibinary"
                                                 else np.asarray(env_actions, dtype=np.int64))
        rewards = np.asarray(r, dtype=np.float64)
        self.ep_return += rewards
        self.ep_len += 1
        dones = np.logical_or(term, trunc)
        truncated_final = {}
        if dones.any():
            final = info.get("final_info", {})
            for i in np.flatnonzero(dones).tolist():
                fi = {k: v[i] for k, v in final.items() if not k.startswith("_")
                      and final.get("_" + k, np.ones(N, bool))[i]}
                self._end_episode(i, fi, episodes)
                if trunc[i] and not term[i]:
                    truncated_final[i] = info["final_obs"][i]
        return np.array(o, dtype=self.raw_obs.dtype), rewards, dones, truncated_final

    def _step_list(self, env_actions, episodes):
        """The envs one by one (other backends and ids)."""
        N, model = self.n, self.model
        next_obs = np.empty_like(self.raw_obs)
        rewards = np.zeros(N)
        dones = np.zeros(N, bool)
        truncated_final = {}
        for i, env in enumerate(self.envs):
            o, r, term, trunc, info = env.step(env_actions[i] if model.kind == "multibinary" else int(env_actions[i]))
            self.ep_return[i] += r
            self.ep_len[i] += 1
            rewards[i] = r
            if term or trunc:
                self._end_episode(i, info, episodes)
                if trunc and not term:
                    truncated_final[i] = o
                o, _ = env.reset()
                dones[i] = True
            next_obs[i] = o
        return next_obs, rewards, dones, truncated_final


def gae(rewards, values, dones, next_value, gamma, lam):
    """Generalised advantage estimation. `dones[t]` = the episode ended with step t."""
    T = len(rewards)
    adv = np.zeros_like(rewards)
    last = np.zeros_like(next_value)
    for t in reversed(range(T)):
        nonterminal = 1.0 - dones[t]
        next_v = next_value if t == T - 1 else values[t + 1]
        delta = rewards[t] + gamma * next_v * nonterminal - values[t]
        last = delta + gamma * lam * nonterminal * last
        adv[t] = last
    return adv
