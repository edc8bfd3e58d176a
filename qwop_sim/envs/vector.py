"""The batched qwop-v0: ``gym.make_vec("qwop-v0", num_envs=N)`` (backend "sim").

``QWOPVectorEnv`` follows Gymnasium's ``VectorEnv`` API (batched observations, rewards, ends and
infos, ``autoreset_mode`` as Gymnasium documents it: ``NextStep`` by default, ``SameStep`` and
``Disabled``) and steps N worlds of one ``qwop_sim.physics.QWOPBatch`` per call. Observations,
rewards and ends come from the same shared env logic (``qwop_sim.envs.core``), computed for the
whole batch at once, so every sub-env gives the floats of a ``QWOPEnv`` with the same actions, seed
and options (tests/qwop_sim/test_vector_env.py checks them against ``SyncVectorEnv`` of QWOPEnv).

``make_vector_env`` (the ids' ``vector_entry_point``) builds it for the state observation on the
sim backend with the kwargs it knows (QWOPEnv's); any other backend, observation type, render mode
or a kwarg it does not model gets Gymnasium's ``SyncVectorEnv`` of ``QWOPEnv`` with the same
autoreset mode, so every id and kwarg works through ``gym.make_vec``.
"""
from __future__ import annotations

from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces
from gymnasium.utils import seeding
from gymnasium.vector import AutoresetMode, SyncVectorEnv, VectorEnv
from gymnasium.vector.utils import batch_space

from qwop_sim.constants import CLOCK_PER_FRAME
from qwop_sim.envs import core
from qwop_sim.envs.qwop_env import RESET_OPTIONS
from qwop_sim.envs.slips import NAMES as SLIP_NAMES, KeySlips
from qwop_sim.envs.starts import StartDisturbance
from qwop_sim.physics import QWOPBatch
from qwop_sim.state import RawState

# QWOPEnv kwargs the batched env models itself (anything else: SyncVectorEnv of QWOPEnv). Start
# disturbances run QWOPEnv's own start code (qwop_sim.envs.starts) on the batch's world.
NATIVE_KWARGS = {"obs_type", "backend", "action_mode", "frame_skip", "frame_size", "fall_penalty",
                 "finish_bonus", "max_episode_steps", "render_mode", "backend_kwargs",
                 *StartDisturbance.names(), *SLIP_NAMES}
NATIVE_RESET_OPTIONS = ("state", *StartDisturbance.names())
_INFO_KEYS = ("distance", "clock", "frame", "fallen", "finished", "jumped", "is_success")


def _mode(m) -> AutoresetMode:
    return m if isinstance(m, AutoresetMode) else AutoresetMode(m)


def batched_supported(kwargs: dict) -> bool:
    """True when QWOPVectorEnv models these QWOPEnv kwargs itself."""
    return (set(kwargs) <= NATIVE_KWARGS and kwargs.get("backend", "sim") == "sim"
            and kwargs.get("obs_type", "state") == "state" and kwargs.get("render_mode") is None
            and not kwargs.get("backend_kwargs"))


def make_vector_env(num_envs: int = 1, autoreset_mode: AutoresetMode | str = AutoresetMode.NEXT_STEP,
                    **kwargs) -> VectorEnv:
    """The ids' vector_entry_point: QWOPVectorEnv where it applies, else SyncVectorEnv(QWOPEnv)."""
    if batched_supported(kwargs):
        return QWOPVectorEnv(num_envs, autoreset_mode=autoreset_mode, **kwargs)
    from qwop_sim.envs.qwop_env import QWOPEnv

    return SyncVectorEnv([lambda: QWOPEnv(**kwargs) for _ in range(num_envs)],
                         autoreset_mode=_mode(autoreset_mode))


class QWOPVectorEnv(VectorEnv):
    """N qwop-v0 envs (state observation, sim backend) in one QWOPBatch. Args: QWOPEnv's (only
    ``obs_type="state"``, ``backend="sim"``) plus ``num_envs`` and ``autoreset_mode``."""

    def __init__(self, num_envs: int, obs_type: str = "state", backend: str = "sim",
                 action_mode: str = "multibinary", frame_skip: int = core.DEFAULT_FRAME_SKIP,
                 frame_size: Any = 64, fall_penalty: float = core.DEFAULT_FALL_PENALTY,
                 finish_bonus: float = core.DEFAULT_FINISH_BONUS, max_episode_steps: int | None = None,
                 init_noise: float = 0.0, start_delay: int = 0, start_keys: int = 0,
                 start_bank: str = "", start_bank_prob: float = 0.0,
                 start_only_prob: float = 0.0, start_only_steps: int = 0, start_bank_steps: int = 0,
                 start_hold: int = 0, key_slip: float = 0.0, key_slip_hold: int = 1,
                 render_mode: str | None = None, backend_kwargs: dict | None = None,
                 autoreset_mode: AutoresetMode | str = AutoresetMode.NEXT_STEP):
        if obs_type != "state" or backend != "sim" or render_mode is not None or backend_kwargs:
            raise ValueError("QWOPVectorEnv: state observations on the sim backend, no render mode "
                             "(gym.make_vec gives SyncVectorEnv of QWOPEnv for the rest)")
        frame_skip = core.check_action_mode_frame_skip(action_mode, frame_skip)
        if int(num_envs) < 1:
            raise ValueError(f"num_envs must be >= 1, got {num_envs!r}")
        self.num_envs = n = int(num_envs)
        self.action_mode, self.frame_skip = action_mode, int(frame_skip)
        self.fall_penalty, self.finish_bonus = float(fall_penalty), float(finish_bonus)
        self.max_episode_steps = int(max_episode_steps if max_episode_steps is not None
                                     else core.default_max_episode_steps(self.frame_skip))
        self.start = StartDisturbance.checked(init_noise=init_noise, start_delay=start_delay,
                                              start_keys=start_keys, start_bank=start_bank,
                                              start_bank_prob=start_bank_prob,
                                              start_only_prob=start_only_prob,
                                              start_only_steps=start_only_steps,
                                              start_bank_steps=start_bank_steps,
                                              start_hold=start_hold)
        self.init_noise = self.start.init_noise
        self.slips = KeySlips.checked(key_slip, key_slip_hold)
        self.autoreset_mode = _mode(autoreset_mode)
        self.render_mode = None
        self.metadata = {"render_modes": [], "autoreset_mode": self.autoreset_mode,
                         "render_fps": round(1.0 / (self.frame_skip * CLOCK_PER_FRAME))}
        self.single_observation_space = spaces.Box(-np.inf, np.inf, (core.OBS_SIZE,), np.float32)
        self.single_action_space = spaces.MultiBinary(4) if action_mode == "multibinary" else spaces.Discrete(16)
        self.observation_space = batch_space(self.single_observation_space, n)
        self.action_space = batch_space(self.single_action_space, n)
        self.batch = QWOPBatch(n)
        self._rngs: list[np.random.Generator | None] = [None] * n  # each sub-env's np_random
        self._steps = np.zeros(n, dtype=np.int64)
        self._limits = np.full(n, self.max_episode_steps, dtype=np.int64)  # per episode (cut starts)
        self._hips = np.zeros((n, 4))
        self._hip_src: list[Any] = [None] * n  # the hip dict each row of _hips was taken from
        self._autoreset = np.zeros(n, dtype=bool)
        self._slip_left = np.zeros(n, dtype=np.int64)  # key slips in progress (qwop_sim/envs/slips.py)
        self._slip_mask = np.zeros(n, dtype=np.int64)
        self._started = False
        self.closed = False

    # ---- helpers ------------------------------------------------------------------------------
    def _observe(self) -> np.ndarray:
        sims, hips, src = self.batch.sims, self._hips, self._hip_src
        for i, s in enumerate(sims):
            h = s._hips
            if h is not src[i]:
                hips[i] = core.hip_row(h)
                src[i] = h
        return core.observations_from(self.batch.bodies, hips)

    def _info(self, idx=None) -> dict:
        b = self.batch
        sel = slice(None) if idx is None else idx
        vals = {"distance": b.distance[sel].astype(np.float64), "clock": b.clock[sel].astype(np.float64),
                "frame": b.frame[sel].astype(np.int64), "fallen": b.fallen[sel].copy(),
                "finished": b.finished[sel].copy(), "jumped": b.jumped[sel].copy(),
                "is_success": b.finished[sel].copy()}
        n = len(vals["distance"])
        info = {}
        for k in _INFO_KEYS:
            info[k] = vals[k]
            info["_" + k] = np.ones(n, dtype=bool)
        return info

    def _reset_one(self, i: int, seed: int | None, options: dict | None) -> None:
        """QWOPEnv.reset for world i: a fresh world, or options["state"] (its set_state), then the
        start disturbance (QWOPEnv's own code, on world i, from sub-env i's np_random)."""
        if seed is not None or self._rngs[i] is None:
            self._rngs[i], _ = seeding.np_random(seed)  # as QWOPEnv's np_random (no draws here)
        options = dict(options or {})
        unknown = set(options) - set(NATIVE_RESET_OPTIONS)
        if unknown:
            raise ValueError(f"unknown reset options {sorted(unknown)}; known: {list(RESET_OPTIONS)}")
        disturbance = self.start.replace(**{k: v for k, v in options.items() if k in StartDisturbance.names()})
        b = self.batch
        b.reset([i])
        start = options.get("state")
        if start is not None:
            b.set_state(i, (start if isinstance(start, RawState) else RawState.from_dict(start)).copy())
        self._limits[i] = self.max_episode_steps
        if disturbance.active:
            _, self._limits[i] = disturbance.apply(_World(b, i), b.state(i), self._rngs[i], self.max_episode_steps)
        self._steps[i] = 0
        self._slip_left[i] = self._slip_mask[i] = 0
        self._autoreset[i] = False

    # ---- the VectorEnv API --------------------------------------------------------------------
    def reset(self, *, seed: int | list[int | None] | None = None, options: dict | None = None):
        if self.closed:
            raise RuntimeError("reset() on a closed QWOPVectorEnv: make a new one")
        n = self.num_envs
        if seed is None:
            seeds = [None] * n
        elif isinstance(seed, (int, np.integer)):
            seeds = [int(seed) + i for i in range(n)]
        else:
            seeds = list(seed)
            if len(seeds) != n:
                raise ValueError(f"seeds must be a list of {n}, got {len(seeds)}")
        options = dict(options or {})
        mask = options.pop("reset_mask", None)
        if mask is None:
            idx = range(n)
        else:
            mask = np.asarray(mask)
            if mask.shape != (n,) or mask.dtype != np.bool_ or not mask.any():
                raise ValueError(f"options['reset_mask'] must be a bool array ({n},) with a True")
            idx = np.flatnonzero(mask).tolist()
        for i in idx:
            self._reset_one(i, seeds[i], options)
        self._started = True
        obs = self._observe()
        if mask is None:
            return obs, self._info()
        info = {}
        for i in idx:  # as SyncVectorEnv: only the reset envs' entries
            info = self._add_info(info, self._single_info(i), i)
        return obs, info

    def _single_info(self, i: int) -> dict:
        b = self.batch
        return {"distance": float(b.distance[i]), "clock": float(b.clock[i]), "frame": int(b.frame[i]),
                "fallen": bool(b.fallen[i]), "finished": bool(b.finished[i]), "jumped": bool(b.jumped[i]),
                "is_success": bool(b.finished[i])}

    def step(self, actions):
        if not self._started:
            raise RuntimeError("step() before the first reset(): call reset() first")
        keys = core.actions_to_keys(actions, self.action_mode, self.num_envs)
        b = self.batch
        mode = self.autoreset_mode
        auto = self._autoreset.copy()
        if mode == AutoresetMode.DISABLED and auto.any():
            raise RuntimeError(f"step() on ended sub-envs {np.flatnonzero(auto).tolist()} with autoreset "
                               "disabled: reset(options={'reset_mask': ...}) them first")
        active = ~auto
        if self.slips.active:  # world by world, from each world's np_random, as QWOPEnv does
            left, mask = self._slip_left, self._slip_mask
            for i in np.flatnonzero(active).tolist():
                keys[i], left[i], mask[i] = self.slips.keys(int(keys[i]), int(left[i]), int(mask[i]), self._rngs[i])
        prev_d, prev_c = b.distance.copy(), b.clock.copy()
        prev_fall = b.fallen & ~b.finished
        prev_fin = b.finished.copy()
        b.step(keys, self.frame_skip, active)
        self._steps[active] += 1
        rew = core.rewards(prev_d, prev_c, prev_fall, prev_fin, b.distance, b.clock, b.fallen, b.finished,
                           self.fall_penalty, self.finish_bonus)
        term = core.terminateds(b.fallen, b.finished, b.distance)
        trunc = ~term & (self._steps >= self._limits)
        ended = (term | trunc) & active
        if mode == AutoresetMode.SAME_STEP and ended.any():
            final_obs = self._observe()
            info = self._info()
            idx = np.flatnonzero(ended).tolist()
            finals = {i: (final_obs[i].copy(), self._single_info(i)) for i in idx}
            for i in idx:
                self._reset_one(i, None, None)
            obs = self._observe()
            info.update({k: v for k, v in self._info().items()})  # the reset envs' info, as Sync
            for i in idx:
                info = self._add_info(info, {"final_obs": finals[i][0], "final_info": finals[i][1]}, i)
            return obs, rew, term, trunc, info
        if mode == AutoresetMode.NEXT_STEP and auto.any():
            for i in np.flatnonzero(auto).tolist():
                self._reset_one(i, None, None)
            rew[auto] = 0.0
            term[auto] = False
            trunc[auto] = False
        self._autoreset = (term | trunc) & active
        return self._observe(), rew, term, trunc, self._info()

    @property
    def np_random_generators(self) -> list:
        return list(self._rngs)

    def close_extras(self, **kwargs):
        self.closed = True


class _World:
    """World i of a QWOPBatch behind the two backend calls a start disturbance makes (the batch's
    step of one world gives the floats of a single QWOPSim: tests/qwop_sim/test_batch.py)."""

    def __init__(self, batch: QWOPBatch, i: int):
        self.batch, self.i = batch, i
        self.active = np.zeros(len(batch), dtype=bool)
        self.active[i] = True

    def set_state(self, s: RawState) -> RawState:
        self.batch.set_state(self.i, s)
        return self.batch.state(self.i)

    def step(self, keys: int, frames: int) -> RawState:
        self.batch.step(int(keys), int(frames), self.active)
        return self.batch.state(self.i)

