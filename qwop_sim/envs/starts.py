"""Start disturbances: the ways a race can begin other than from the plain start pose.

A real start is rarely clean: the runner wobbles, the player reacts late, or fumbles a few keys
before finding the rhythm. An agent that only ever saw the plain start falls on such starts, so
the envs can disturb the start, reproducibly from the env's ``np_random`` (seeded by
``reset(seed=...)``), in three ways that can be combined:

``init_noise`` (float s >= 0)
    uniform noise in [-s, s] added to every body's vx, vy (world units/s) and angular velocity
    (rad/s) of the start pose, then ``set_state``.
``start_delay`` (int n >= 0)
    a late reaction: k ~ U{0..n} game frames with no key pressed before the agent acts (the game
    clock runs meanwhile, as it does for a player who reacts late).
``start_keys`` (int n >= 0)
    a fumbled start: k ~ U{0..n} game frames of random keys (a random key mask held for 1 to 4
    frames, then another) after the delay, before the agent acts.
``start_hold`` (int h >= 0, 0 = 4)
    how long a fumble holds each random key mask: 1 to h frames (default 4: quick taps). A long
    hold (e.g. 12-25) is a different fumble: one wrong key combination held until the limbs reach
    their limits, a pose quick taps rarely make. Only with ``start_keys``.

``start_bank`` (str path, "" = off) with ``start_bank_prob`` (float p in [0, 1])
    a training curriculum rather than a disturbance: with probability p the episode starts from
    a state drawn from a bank of recorded mid-race states (a ``.json`` / ``.json.gz`` list of
    RawState dicts, e.g. the runner's own states a few metres before the hurdle, written by
    ``python -m rlqwop.start_bank``), then the velocity noise; the delay and the fumble apply
    only to starts from the line (an idle pause mid-stride is not a start). The reward, the
    rules and the observation are unchanged: the episode just begins further down the track.

``start_only_prob`` (float p in [0, 1]) with ``start_only_steps`` (int k >= 1)
    a training curriculum too: with probability p an episode that starts from the line is cut
    (truncated, not terminated: a learner bootstraps its value) after k agent steps. A full race
    is ~420 steps at frame_skip 4 (~760 at 2) and its first few dozen decide whether a disturbed
    start recovers, so only ~4% of a learner's data is starts; cutting most line starts short puts
    several times more of it there, with the rest of the race still reached by the uncut episodes and the bank's.
``start_bank_steps`` (int k >= 0, 0 = off)
    the same for bank starts: a mid-race start is truncated after k steps (e.g. ~100 steps from
    the run-up clears the hurdle and lands), so the bank's share of the data is the stretch it
    was recorded for rather than the rest of the race.

All are off (0 / "") by default: without them every episode starts from the same pose. The
disturbance frames are game frames like any other (clock and score run), not env steps: the agent
gets its first observation after them. If the runner falls during them, the episode's first step
ends it (terminated), as a real fall in the first frames would.
"""
from __future__ import annotations

import gzip
import json
import math
import os
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

import numpy as np

from qwop_sim.envs.slips import NAMES as KEY_SLIP_OPTIONS
from qwop_sim.state import RawState

# A fumbled start holds each random key mask for 1..MAX_HOLD frames.
MAX_HOLD = 4
# The longest delay or fumble one reset may ask for (10 s of game clock): a bound on a typo.
MAX_FRAMES = 300
# The longest cut a curriculum may ask for (agent steps; an episode's own limit is at most 5400).
MAX_STEPS = 5400


def finite_number(name: str, value: Any, nonneg: bool = False) -> float:
    """``value`` as a finite float (>= 0 with ``nonneg``), else a ValueError naming ``name``: the
    one check of the envs' float options (start noise here, fall_penalty and finish_bonus)."""
    try:
        x = float(value)
    except (TypeError, ValueError):
        x = None
    if isinstance(value, bool) or x is None or not math.isfinite(x) or (nonneg and x < 0):
        raise ValueError(f"{name} must be a finite number{' >= 0' if nonneg else ''}, got {value!r}")
    return x


@dataclass(frozen=True)
class StartDisturbance:
    init_noise: float = 0.0
    start_delay: int = 0
    start_keys: int = 0
    start_bank: str = ""
    start_bank_prob: float = 0.0
    start_only_prob: float = 0.0
    start_only_steps: int = 0
    start_bank_steps: int = 0
    start_hold: int = 0

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @classmethod
    def checked(cls, **values: Any) -> "StartDisturbance":
        """A StartDisturbance from keyword values, with a ValueError naming any bad field."""
        noise = finite_number("init_noise", values.get("init_noise", 0.0), nonneg=True)
        frames = {}
        for name, top, unit in (("start_delay", MAX_FRAMES, "game frames"), ("start_keys", MAX_FRAMES, "game frames"),
                                ("start_only_steps", MAX_STEPS, "agent steps"),
                                ("start_bank_steps", MAX_STEPS, "agent steps"),
                                ("start_hold", MAX_FRAMES, "game frames")):
            v = values.get(name, 0)
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or not 0 <= v <= top:
                raise ValueError(f"{name} must be an int in 0..{top} ({unit}), got {v!r}")
            frames[name] = int(v)
        bank = values.get("start_bank", "") or ""
        if not isinstance(bank, str):
            raise ValueError(f"start_bank must be a path (str) to a bank of start states, got {bank!r}")
        prob = finite_number("start_bank_prob", values.get("start_bank_prob", 0.0), nonneg=True)
        if prob > 1:
            raise ValueError(f"start_bank_prob must be a probability in [0, 1], got {prob!r}")
        if prob > 0 and not bank:
            raise ValueError("start_bank_prob > 0 needs a start_bank (a file of start states)")
        if bank:
            load_bank(bank)  # a missing or malformed file fails here, at make time, not mid-training
        only = finite_number("start_only_prob", values.get("start_only_prob", 0.0), nonneg=True)
        if only > 1:
            raise ValueError(f"start_only_prob must be a probability in [0, 1], got {only!r}")
        if only > 0 and frames["start_only_steps"] < 1:
            raise ValueError("start_only_prob > 0 needs start_only_steps >= 1 (agent steps before the cut)")
        return cls(init_noise=noise, start_bank=bank, start_bank_prob=prob, start_only_prob=only, **frames)

    def replace(self, **values: Any) -> "StartDisturbance":
        """This disturbance with some fields replaced (checked)."""
        return StartDisturbance.checked(**{**self.__dict__, **values})

    @property
    def active(self) -> bool:
        return (self.init_noise > 0 or self.start_delay > 0 or self.start_keys > 0
                or self.start_bank_prob > 0 or self.start_only_prob > 0)

    def apply(self, backend: Any, state: RawState, rng: np.random.Generator,
              max_steps: int) -> tuple[RawState, int]:
        """Disturb the start: ``state`` is the backend's state right after reset (or the state the
        episode starts from); ``max_steps`` the env's episode limit. Returns the state the agent
        starts from and this episode's step limit (a start cut short: ``start_only_steps`` or
        ``start_bank_steps`` if fewer, else ``max_steps``)."""
        # A mid-race start (the curriculum): drawn first, and only when a bank is on, so the random
        # numbers of every other start are the ones they always were.
        mid_race = self.start_bank_prob > 0 and rng.random() < self.start_bank_prob
        if mid_race:
            bank = load_bank(self.start_bank)
            s = bank[int(rng.integers(0, len(bank)))].copy()
            echoed = backend.set_state(s)
            state = echoed if isinstance(echoed, RawState) else s
        if self.init_noise > 0:
            s = state.copy()
            s.bodies[:, 3:6] += rng.uniform(-self.init_noise, self.init_noise, size=(s.bodies.shape[0], 3))
            echoed = backend.set_state(s)
            state = echoed if isinstance(echoed, RawState) else s
        # Draw both counts first: the number of random numbers drawn never depends on the physics.
        delay = int(rng.integers(0, self.start_delay + 1)) if self.start_delay else 0
        fumble = int(rng.integers(0, self.start_keys + 1)) if self.start_keys else 0
        cut = self.start_only_prob > 0 and rng.random() < self.start_only_prob
        if mid_race:
            return state, min(self.start_bank_steps or max_steps, max_steps)
        limit = min(self.start_only_steps, max_steps) if cut else max_steps
        if delay and not _over(state):
            state = backend.step(0, delay)
        while fumble > 0 and not _over(state):
            hold = min(int(rng.integers(1, (self.start_hold or MAX_HOLD) + 1)), fumble)
            state = backend.step(int(rng.integers(0, 16)), hold)
            fumble -= hold
        return state, limit


# The options that shape training only (a curriculum, and mid-race key slips), never an evaluation's start.
TRAINING_ONLY = ("start_bank", "start_bank_prob", "start_bank_steps", "start_only_prob", "start_only_steps",
                 *KEY_SLIP_OPTIONS)
# The rest: the disturbances of a start from the line (what an evaluation may ask for).
DISTURBANCES = tuple(n for n in StartDisturbance.names() if n not in TRAINING_ONLY)


def plain_start(kwargs: dict) -> dict:
    """These env kwargs with every start option dropped (disturbances and curriculum): the plain
    start, whatever a checkpoint trained with (run.py eval --plain, the viewer, start banks); key
    slips (qwop_sim/envs/slips.py) are dropped too."""
    drop = set(StartDisturbance.names()) | set(KEY_SLIP_OPTIONS)
    return {k: v for k, v in kwargs.items() if k not in drop}


def without_training_only(kwargs: dict) -> dict:
    """These env kwargs with the training-only options dropped: the start an evaluation of a
    checkpoint trained with them should use."""
    return {k: v for k, v in kwargs.items() if k not in TRAINING_ONLY}


@lru_cache(maxsize=8)
def load_bank(path: str) -> tuple[RawState, ...]:
    """The start states of a bank file (a JSON list of RawState dicts, or {"states": [...], ...},
    gzipped if the name ends in .gz), read once per process. ValueError naming the file when it is
    missing, empty or malformed."""
    if not os.path.isfile(path):
        raise ValueError(f"start_bank {path!r}: no such file (write one with python -m rlqwop.start_bank)")
    try:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            data = json.load(f)
        states = data["states"] if isinstance(data, dict) else data
        bank = tuple(RawState.from_dict(d) for d in states)
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ValueError(f"start_bank {path!r}: not a list of start states ({e})") from None
    if not bank:
        raise ValueError(f"start_bank {path!r}: holds no states")
    return bank


def _over(state: RawState) -> bool:
    return bool(state.fallen) or bool(state.finished)
