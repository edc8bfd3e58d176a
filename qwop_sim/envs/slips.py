"""Key slips: the keys the agent chose, replaced now and then by other keys mid-race.

A start disturbance (``qwop_sim.envs.starts``) shakes the runner once, before the agent acts. A key
slip can come at any step of the race: a finger that lands on the wrong key, or stays on one. It
is a training option for robustness (sticky or noisy actions, as in the Arcade Learning
Environment's sticky actions), off by default; the reward, rules and observation are unchanged:

``key_slip`` (float p in [0, 1], default 0: off)
    on each env step, with probability p, the keys pressed are a random key mask (0..15) instead
    of the agent's, held for 1..``key_slip_hold`` env steps.
``key_slip_hold`` (int h in 1..MAX_HOLD_STEPS, default 1)
    how many env steps one slip lasts at most (drawn uniformly).

Random numbers come from the env's ``np_random`` (seeded by ``reset(seed=...)``), one draw per
step the agent's keys are used (two more when a slip starts), none while a slip lasts: QWOPEnv and
each world of the batched QWOPVectorEnv draw the same numbers, so they press the same keys. The
agent is not told (as with sticky actions): it sees the consequences in the next observation.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

# The longest one slip may last, in env steps: a bound on a typo (10 s at frame_skip 2).
MAX_HOLD_STEPS = 150
NAMES = ("key_slip", "key_slip_hold")


@dataclass(frozen=True)
class KeySlips:
    prob: float = 0.0
    hold: int = 1

    @classmethod
    def checked(cls, key_slip: Any = 0.0, key_slip_hold: Any = 1) -> "KeySlips":
        """KeySlips from the env kwargs, with a ValueError naming a bad one."""
        from qwop_sim.envs.starts import finite_number  # (starts imports NAMES from here)

        p = finite_number("key_slip", key_slip, nonneg=True)
        if p > 1:
            raise ValueError(f"key_slip must be a probability in [0, 1], got {key_slip!r}")
        h = key_slip_hold
        if isinstance(h, bool) or not isinstance(h, (int, np.integer)) or not 1 <= h <= MAX_HOLD_STEPS:
            raise ValueError(f"key_slip_hold must be an int in 1..{MAX_HOLD_STEPS} (env steps), got {h!r}")
        return cls(prob=p, hold=int(h))

    @property
    def active(self) -> bool:
        return self.prob > 0

    def keys(self, keys: int, left: int, mask: int, rng: np.random.Generator) -> tuple[int, int, int]:
        """The keys pressed this step, given the agent's ``keys`` and the slip in progress
        (``left`` more steps of ``mask``; 0: none). Returns (keys pressed, left, mask) for the next step."""
        if left > 0:
            return mask, left - 1, mask
        if rng.random() < self.prob:
            mask = int(rng.integers(0, 16))
            hold = int(rng.integers(1, self.hold + 1))
            return mask, hold - 1, mask
        return keys, 0, mask
