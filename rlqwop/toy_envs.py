"""Tiny QWOP-shaped Gymnasium envs for tests and benchmarks (no physics needed).

`rlqwop/ToyRun-v0`: the runner must alternate two key chords (Q+P, then W+O) to build speed;
each right key speeds it up, each wrong one slows it down, 8 bad steps in a row and it falls. Same action spaces as the QWOP envs
(`action_mode="multibinary"|"discrete"`), same info keys (distance, clock, fallen, finished), float32
vector observations; `rlqwop/ToyRunPixels-v0` gives uint8 (64, 64, 3) images instead. Registered on
`import rlqwop.toy_envs` (rlqwop's env factory imports it).
"""
from __future__ import annotations

import gymnasium as gym
import numpy as np

CHORDS = (np.array([1, 0, 0, 1], np.int8), np.array([0, 1, 1, 0], np.int8))  # Q+P, W+O


class ToyRunEnv(gym.Env):
    metadata = {"render_modes": ["rgb_array"], "render_fps": 15}

    def __init__(self, action_mode: str = "multibinary", pixels: bool = False, frame_skip: int = 2,
                 backend: str = "sim", max_steps: int = 200, goal: float = 50.0, obs_noise: int = 4,
                 render_mode: str | None = None, step_cost_s: float = 0.0):
        if action_mode not in ("multibinary", "discrete"):
            raise ValueError(f"action_mode must be multibinary or discrete, got {action_mode!r}")
        self.action_mode, self.pixels = action_mode, pixels
        self.dt = frame_skip / 30.0
        self.max_steps, self.goal, self.render_mode = max_steps, goal, render_mode
        self.step_cost_s = step_cost_s
        self.action_space = gym.spaces.MultiBinary(4) if action_mode == "multibinary" else gym.spaces.Discrete(16)
        if pixels:
            self.observation_space = gym.spaces.Box(0, 255, (64, 64, 3), np.uint8)
        else:
            self.observation_space = gym.spaces.Box(-100.0, 100.0, (4 + obs_noise,), np.float32)
        self.obs_noise = obs_noise

    def _keys(self, action) -> np.ndarray:
        if self.action_mode == "discrete":
            a = int(action)
            return np.array([(a >> i) & 1 for i in range(4)], np.int8)
        return np.asarray(action, np.int8).reshape(4)

    def _obs(self):
        if self.pixels:
            img = np.zeros((64, 64, 3), np.uint8)
            img[:, : 32 if self.phase == 0 else 64, 0] = 200
            img[:, 32:, 1] = np.uint8(min(255, 40 * max(self.speed, 0)))
            return img
        base = [1.0 - self.phase, float(self.phase), self.speed, self.x / 100.0]
        noise = self.np_random.normal(size=self.obs_noise) * 5.0 + 3.0
        return np.concatenate([base, noise]).astype(np.float32)

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        self.phase, self.speed, self.x, self.t, self.wrong = 0, 0.0, 0.0, 0, 0
        return self._obs(), self._info(False, False)

    def _info(self, fallen, finished):
        return {"distance": self.x / 10.0, "clock": self.t * self.dt, "fallen": fallen, "finished": finished}

    def step(self, action):
        if self.step_cost_s:
            import time
            end = time.perf_counter() + self.step_cost_s
            while time.perf_counter() < end:
                pass
        keys = self._keys(action)
        matches = int((keys == CHORDS[self.phase]).sum())
        self.speed = float(np.clip(self.speed + 0.25 * (matches - 2), -1.0, 6.0))
        if matches >= 3:
            self.phase = 1 - self.phase
        self.wrong = self.wrong + 1 if matches < 2 else 0
        self.x += self.speed * self.dt * 10.0
        self.t += 1
        fallen = self.wrong >= 8
        finished = self.x >= self.goal * 10.0
        reward = self.speed - (5.0 if fallen else 0.0)
        terminated = fallen or finished
        truncated = (self.t >= self.max_steps) and not terminated
        return self._obs(), float(reward), terminated, truncated, self._info(fallen, finished)

    def render(self):
        if self.render_mode != "rgb_array":
            return None
        img = np.full((64, 64, 3), 255, np.uint8)
        col = int(self.x / 10.0 / self.goal * 63)
        img[20:44, max(0, col - 2):col + 2] = (200, 30, 30)
        return img


def register() -> None:
    if "rlqwop/ToyRun-v0" in gym.registry:
        return
    gym.register("rlqwop/ToyRun-v0", entry_point=ToyRunEnv)
    gym.register("rlqwop/ToyRunPixels-v0", entry_point=ToyRunEnv, kwargs={"pixels": True})


register()
