"""The Gymnasium environments: qwop-v0 (body state), frame-qwop-v0 (pixels), multi-frame-qwop-v0.

All three are one class with an ``obs_type``; the observation, reward and episode ends come from
``qwop_sim.envs.core`` (from the raw state), the physics from a backend (``sim``, ``node`` or
``browser``, see qwop_sim/backends). Documentation: docs/environments.md.
"""
from __future__ import annotations

from collections import deque
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from qwop_sim.backends import BACKENDS, make_backend
from qwop_sim.constants import CLOCK_PER_FRAME
from qwop_sim.envs import ENV_IDS, core
from qwop_sim.envs.slips import KeySlips
from qwop_sim.envs.starts import StartDisturbance, finite_number
from qwop_sim.state import RawState

OBS_TYPES = tuple(ENV_IDS.values())  # "state", "frame", "multi_frame"
RENDER_SIZE = (400, 640)  # (height, width) of render(): the browser page's size
RESET_OPTIONS = ("state",) + StartDisturbance.names()  # state and every start option


class QWOPEnv(gym.Env):
    """QWOP: sprint 100 m by driving the runner's thighs (Q, W) and calves (O, P).

    Args:
        obs_type: "state" (qwop-v0), "frame" (frame-qwop-v0) or "multi_frame" (multi-frame-qwop-v0).
        backend: "sim" (pymunk, in process; default), "node" (the game's own code headless in the
            Node server: faithful physics) or "browser" (the game's page in headless Chromium).
        action_mode: "multibinary" (MultiBinary(4): Q, W, O, P) or "discrete" (Discrete(16):
            the bitmask Q=1, W=2, O=4, P=8).
        frame_skip: game frames each action is held for (default 2: 15 decisions per game second).
        frame_size: (height, width) of pixel observations, or one int for a square (default 64).
        fall_penalty: added to the reward on the step that falls (default -1).
        finish_bonus: added on the step that lands in the sand pit (default 0).
        max_episode_steps: truncation; default 3 minutes of game clock (ceil(5400 / frame_skip)).
        init_noise: default scale of the random start velocity noise (reset option, default 0: off).
        start_delay: default late reaction: up to this many idle game frames before the agent acts
            (reset option, default 0: off).
        start_keys: default fumbled start: up to this many game frames of random keys before the
            agent acts (reset option, default 0: off). See qwop_sim/envs/starts.py.
        start_hold: the longest a fumble holds one random key mask, in game frames (reset option,
            default 0: 4 frames).
        start_bank, start_bank_prob: a training curriculum: with probability start_bank_prob an
            episode starts from a state of the bank file start_bank (mid-race states, written by
            ``python -m rlqwop.start_bank``), then init_noise (default "", 0: off).
        start_only_prob, start_only_steps: a training curriculum: with probability start_only_prob
            an episode from the line is truncated after start_only_steps steps (default 0, 0: off);
            start_bank_steps: a bank start is truncated after this many steps (default 0: off).
        key_slip, key_slip_hold: a training option for robustness: on each step, with probability
            key_slip, the keys pressed are a random mask instead of the agent's, for 1..key_slip_hold
            steps (default 0, 1: off). See qwop_sim/envs/slips.py.
        render_mode: "rgb_array" (the scene at 640 x 400, uint8) or "human" (a pygame window).
        backend_kwargs: the backend's keyword arguments (``qwop_sim.backends.make_backend``): "sim"
            takes ``settings`` (its ``SolverSettings``; ``qwop_sim.physics.LEGACY_SETTINGS``:
            faster, further from the game), "node" ``server`` (a running ``ServerProcess`` to
            share), "browser" ``draw`` (keep the page's visible canvas drawn). Any other key is a
            TypeError naming it, raised before any process starts.

    reset(seed=..., options=...): QWOP has no randomness. The seed seeds ``np_random`` (Gymnasium's
    convention), which is used only by the start disturbances (``qwop_sim.envs.starts``):
    ``options={"init_noise": s}`` adds uniform noise in [-s, s] to every body's vx, vy (world
    units/s) and angular velocity (rad/s) of the start pose (then ``set_state``);
    ``options={"start_delay": n}`` idles up to n game frames, ``options={"start_keys": n}`` presses
    random keys for up to n game frames, before the agent's first observation.
    ``options={"state": RawState}`` starts from a given raw state. Without options every episode starts from the same pose, in a freshly built
    world on every backend: the same actions give the same floats whatever ran before.
    """

    metadata = {"render_modes": ["human", "rgb_array"], "render_fps": 15}

    def __init__(
        self,
        obs_type: str = "state",
        backend: str = "sim",
        action_mode: str = "multibinary",
        frame_skip: int = core.DEFAULT_FRAME_SKIP,
        frame_size: int | tuple[int, int] = 64,
        fall_penalty: float = core.DEFAULT_FALL_PENALTY,
        finish_bonus: float = core.DEFAULT_FINISH_BONUS,
        max_episode_steps: int | None = None,
        init_noise: float = 0.0,
        start_delay: int = 0,
        start_keys: int = 0,
        start_bank: str = "",
        start_bank_prob: float = 0.0,
        start_only_prob: float = 0.0,
        start_only_steps: int = 0,
        start_bank_steps: int = 0,
        start_hold: int = 0,
        key_slip: float = 0.0,
        key_slip_hold: int = 1,
        render_mode: str | None = None,
        backend_kwargs: dict[str, Any] | None = None,
    ):
        if obs_type not in OBS_TYPES:
            raise ValueError(f"obs_type must be one of {OBS_TYPES}, got {obs_type!r}")
        if backend not in BACKENDS:
            raise ValueError(f"backend must be one of {BACKENDS}, got {backend!r}")
        frame_skip = core.check_action_mode_frame_skip(action_mode, frame_skip)
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode must be one of {self.metadata['render_modes']} or None, got {render_mode!r}")
        if isinstance(frame_size, (int, np.integer)):
            frame_size = (int(frame_size), int(frame_size))
        self.frame_size = (int(frame_size[0]), int(frame_size[1]))
        if min(self.frame_size) < 8 or max(self.frame_size) > 2048:
            raise ValueError(f"frame_size must be between 8 and 2048 pixels a side, got {frame_size!r}")
        self.obs_type, self.backend_name, self.action_mode = obs_type, backend, action_mode
        self.frame_skip = int(frame_skip)
        self.fall_penalty, self.finish_bonus = finite_number("fall_penalty", fall_penalty), finite_number("finish_bonus", finish_bonus)
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
        self.render_mode = render_mode
        self.metadata = {**self.metadata, "render_fps": round(1.0 / (self.frame_skip * CLOCK_PER_FRAME))}

        self.action_space = spaces.MultiBinary(4) if action_mode == "multibinary" else spaces.Discrete(16)
        h, w = self.frame_size
        if obs_type == "state":
            self.observation_space = spaces.Box(-np.inf, np.inf, (core.OBS_SIZE,), np.float32)
        else:
            self.observation_space = spaces.Box(0, 255, (h, w, 3), np.uint8)

        self._closed = True  # until the backend exists (close() from a failed __init__ is a no-op)
        self._viewer = None
        self._backend_kwargs = dict(backend_kwargs or {})
        self.backend = make_backend(backend, **self._backend_kwargs)
        self._closed = False
        self._state: RawState | None = None
        self._ended = True  # no episode yet: reset() first
        self._steps = 0
        self._limit = self.max_episode_steps  # this episode's step limit (a start cut short: fewer)
        self._last_keys = 0
        self._slip = (0, 0)  # a key slip in progress: (steps left, its key mask)
        self._gray: deque[np.ndarray] = deque(maxlen=3)

    # ---- observations ---------------------------------------------------------------------------
    def _observe(self, rgb: np.ndarray | None = None) -> np.ndarray:
        if self.obs_type == "state":
            return core.observation(self._state)
        if rgb is None:
            h, w = self.frame_size
            rgb = self.backend.frame(w, h)
        if self.obs_type == "frame":
            return rgb
        self._gray.append(core.to_gray(rgb))
        while len(self._gray) < 3:  # after reset: repeat the first frame
            self._gray.append(self._gray[-1])
        return np.stack(self._gray, axis=-1)

    # ---- the Gymnasium API ----------------------------------------------------------------------
    def reset(self, *, seed: int | None = None, options: dict | None = None):
        super().reset(seed=seed)
        if self._closed:
            raise RuntimeError("reset() on a closed QWOPEnv: make a new one")
        options = dict(options or {})
        unknown = set(options) - set(RESET_OPTIONS)
        if unknown:
            raise ValueError(f"unknown reset options {sorted(unknown)}; known: {list(RESET_OPTIONS)} ('state': "
                             "a RawState to start from; the rest: qwop_sim/envs/starts.py)")
        start = self.start.replace(**{k: v for k, v in options.items() if k in StartDisturbance.names()})
        self._ended = True
        self._state = self.backend.reset()
        s = options.get("state")
        if s is not None:
            if not isinstance(s, (RawState, dict)):
                raise ValueError(f"options['state'] must be a RawState or its dict, got {type(s).__name__}")
            s = (s if isinstance(s, RawState) else RawState.from_dict(s)).copy()
            echoed = self.backend.set_state(s)
            self._state = echoed if isinstance(echoed, RawState) else s
        self._limit = self.max_episode_steps
        if start.active:
            self._state, self._limit = start.apply(self.backend, self._state, self.np_random, self._limit)
        self._ended, self._steps, self._last_keys = False, 0, 0
        self._slip = (0, 0)
        self._gray.clear()
        obs = self._observe()
        if self.render_mode == "human":
            self.render()
        return obs, core.info(self._state)

    def step(self, action):
        if self._ended:
            if self._closed:
                raise RuntimeError("step() on a closed QWOPEnv: make a new one")
            raise RuntimeError("step() after the episode ended (terminated or truncated) or before the "
                               "first reset(): call reset() first")
        keys = core.action_to_keys(action, self.action_mode)
        if self.slips.active:
            keys, left, mask = self.slips.keys(keys, *self._slip, self.np_random)
            self._slip = (left, mask)
        before = self._state
        rgb = None
        if self.obs_type == "state":
            after = self.backend.step(keys, self.frame_skip)
        else:  # state and frame in one round trip on the remote backends
            h, w = self.frame_size
            after, rgb = self.backend.step_frame(keys, self.frame_skip, w, h)
        self._state = after
        self._steps += 1
        self._last_keys = keys
        reward = core.reward(before, after, self.fall_penalty, self.finish_bonus)
        terminated = core.terminated(after)
        truncated = not terminated and self._steps >= self._limit
        self._ended = terminated or truncated
        obs = self._observe(rgb)
        if self.render_mode == "human":
            self.render()
        return obs, reward, terminated, truncated, core.info(after)

    @property
    def state(self) -> RawState | None:
        """The raw state after the last reset or step."""
        return self._state

    def render(self):
        if self.render_mode is None:
            gym.logger.warn("render() without a render_mode: pass render_mode='rgb_array' or 'human' to make()")
            return None
        if self._state is None:
            raise RuntimeError("render() before reset()")
        h, w = RENDER_SIZE
        if self.render_mode == "rgb_array":
            return self.backend.frame(w, h)
        return self._render_human()

    def _render_human(self):
        import pygame

        from qwop_sim.render import draw_surface

        if self._viewer is None:
            pygame.init()
            pygame.display.set_caption("QWOP-RL")
            self._viewer = (pygame.display.set_mode(RENDER_SIZE[::-1]), pygame.time.Clock())
        screen, clock = self._viewer
        pygame.event.pump()
        draw_surface(screen, self._state, hud=True, keys=self._last_keys, hurdle=self.backend.hurdle())
        pygame.display.flip()
        clock.tick(self.metadata["render_fps"])
        return None

    def close(self):
        """Idempotent: stops the backend's processes and the viewer window."""
        if self._closed:
            return
        self._closed = True
        self._ended = True
        if self._viewer is not None:
            import pygame

            pygame.display.quit()
            self._viewer = None
        self.backend.close()
