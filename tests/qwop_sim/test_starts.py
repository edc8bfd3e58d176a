"""Start disturbances (qwop_sim/envs/starts.py): reproducible, bounded, validated, on every backend."""
from __future__ import annotations

import math

import gymnasium as gym
import numpy as np
import pytest

import qwop_sim  # noqa: F401  (registers the ids)
from qwop_sim.envs.starts import MAX_FRAMES, MAX_HOLD, StartDisturbance


def _start(env, seed, **options):
    obs, info = env.reset(seed=seed, options=options or None)
    return obs, info


def test_no_disturbance_is_the_plain_start():
    env = gym.make("qwop-v0")
    plain, info = env.reset()
    for options in ({}, {"init_noise": 0.0, "start_delay": 0, "start_keys": 0}):
        obs, info2 = env.reset(seed=3, options=options)
        assert np.array_equal(obs, plain) and info2["frame"] == 0 and info2["clock"] == 0.0
    env.close()


@pytest.mark.parametrize("options", [{"init_noise": 0.3}, {"start_delay": 20}, {"start_keys": 12},
                                     {"init_noise": 0.1, "start_delay": 10, "start_keys": 6}])
def test_same_seed_same_start_other_seed_other_start(options):
    env = gym.make("qwop-v0")
    a, ia = _start(env, 7, **options)
    b, ib = _start(env, 7, **options)
    assert np.array_equal(a, b) and ia == ib  # bit for bit, whatever ran before
    others = [_start(env, s, **options) for s in range(8)]
    assert any(not np.array_equal(a, o) for o, _ in others)
    env.close()


def test_delay_idles_and_fumble_presses_keys_within_bounds():
    env = gym.make("qwop-v0")
    plain, _ = env.reset()
    frames = []
    for seed in range(30):
        _, info = env.reset(seed=seed, options={"start_delay": 9})
        frames.append(info["frame"])
        assert 0 <= info["frame"] <= 9 and math.isclose(info["clock"], info["frame"] / 30)
    assert len(set(frames)) > 3  # the delay is drawn, not fixed
    # idling from the start pose keeps the runner standing (the plain start is at rest)
    fumbles = []
    for seed in range(30):
        obs, info = env.reset(seed=seed, options={"start_keys": 8})
        assert 0 <= info["frame"] <= 8 and not info["fallen"]
        fumbles.append(info["frame"])
        if info["frame"] > 0:
            assert not np.array_equal(obs, plain)
    assert max(fumbles) > 0
    env.close()


def test_env_kwargs_are_defaults_and_options_override_them():
    env = gym.make("qwop-v0", start_delay=12, init_noise=0.2)
    _, info = env.reset(seed=1)
    plain_obs, info0 = env.reset(seed=1, options={"start_delay": 0, "init_noise": 0.0})
    assert info0["frame"] == 0
    assert env.unwrapped.start == StartDisturbance(0.2, 12, 0)  # options never change the defaults
    env.close()


def test_the_disturbance_is_drawn_from_the_seeded_np_random():
    """The number of draws does not depend on the physics: a fall during the fumble changes nothing
    about what the next seeds give."""
    class Backend:  # records what the disturbance asks of a backend (a stand-in for bookkeeping only)
        def __init__(self):
            self.calls = []

        def set_state(self, s):
            self.calls.append(("set_state",))
            return s

        def step(self, keys, frames):
            self.calls.append(("step", keys, frames))
            return state

    from qwop_sim.physics import QWOPSim
    state = QWOPSim().reset()
    d = StartDisturbance(init_noise=0.0, start_delay=5, start_keys=9)
    b = Backend()
    d.apply(b, state, np.random.default_rng(0))
    rng = np.random.default_rng(0)
    delay, fumble = int(rng.integers(0, 6)), int(rng.integers(0, 10))
    steps = [c for c in b.calls if c[0] == "step"]
    if delay:
        assert steps[0] == ("step", 0, delay)
        steps = steps[1:]
    assert sum(c[2] for c in steps) == fumble and all(1 <= c[2] <= MAX_HOLD and 0 <= c[1] < 16 for c in steps)


@pytest.mark.parametrize("field,value", [("init_noise", -0.1), ("init_noise", float("nan")), ("init_noise", "big"),
                                         ("start_delay", -1), ("start_delay", 2.5), ("start_keys", True),
                                         ("start_keys", MAX_FRAMES + 1)])
def test_bad_values_name_the_field(field, value):
    with pytest.raises(ValueError, match=field):
        gym.make("qwop-v0", **{field: value})
    env = gym.make("qwop-v0")
    with pytest.raises(ValueError, match=field):
        env.reset(options={field: value})
    env.close()


def test_unknown_option_lists_the_known_ones():
    env = gym.make("qwop-v0")
    with pytest.raises(ValueError, match="start_delay"):
        env.reset(options={"start_dealy": 3})
    env.close()


def test_node_backend_disturbed_start_is_reproducible():
    env = gym.make("qwop-v0", backend="node")
    try:
        opts = {"init_noise": 0.1, "start_delay": 6, "start_keys": 6}
        a, ia = _start(env, 11, **opts)
        b, ib = _start(env, 11, **opts)
        assert np.array_equal(a, b) and ia == ib and ia["frame"] <= 12
    finally:
        env.close()
