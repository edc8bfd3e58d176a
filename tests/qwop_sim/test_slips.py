"""Key slips (qwop_sim/envs/slips.py): mid-race random keys in place of the agent's."""
from __future__ import annotations

import itertools

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils import seeding

import qwop_sim  # noqa: F401  (registers the ids)
from qwop_sim.envs.slips import MAX_HOLD_STEPS, KeySlips


def _run(env, seed, actions):
    obs, _ = env.reset(seed=seed)
    out, pressed = [obs], []
    for a in actions:
        obs, r, term, trunc, _ = env.step(a)
        out.append(obs)
        pressed.append(env.unwrapped._last_keys)
        if term or trunc:
            break
    return np.array(out), pressed


def test_off_by_default_and_at_zero_changes_nothing():
    acts = np.random.default_rng(1).integers(0, 2, (40, 4))
    base, _ = _run(gym.make("qwop-v0"), 3, acts)
    zero, _ = _run(gym.make("qwop-v0", key_slip=0.0, key_slip_hold=9), 3, acts)
    assert np.array_equal(base, zero)


def test_slips_are_drawn_from_the_seeded_np_random_and_held():
    env = gym.make("qwop-v0", key_slip=1.0, key_slip_hold=3)
    agent = np.ones((30, 4), np.int8)  # Q W O P together: mask 15
    obs_a, pressed = _run(env, 7, agent)
    rng, _ = seeding.np_random(7)  # what reset(seed=7) gives the env (no start option draws)
    expect, left, mask = [], 0, 0
    for _ in pressed:
        k, left, mask = KeySlips(1.0, 3).keys(15, left, mask, rng)
        expect.append(k)
    assert pressed == expect
    runs = [len(list(g)) for _, g in itertools.groupby(pressed)]
    assert max(runs) >= 2 and set(pressed) != {15}  # slips hold a mask up to 3 steps; not the agent's keys
    obs_b, again = _run(env, 7, agent)
    assert again == pressed and np.array_equal(obs_a, obs_b)  # same seed, same floats
    _, other = _run(env, 8, agent)
    assert other != pressed


def test_about_p_of_the_steps_slip():
    env = gym.make("qwop-v0", key_slip=0.2, max_episode_steps=3000)
    env.reset(seed=0)
    slipped = n = 0
    for _ in range(600):
        _, _, term, trunc, _ = env.step(np.zeros(4, np.int8))
        slipped += env.unwrapped._last_keys != 0
        n += 1
        if term or trunc:
            env.reset()
    assert 0.12 < slipped / n < 0.28  # 0.2 x 15/16 of the random masks differ from the agent's 0


def test_vector_env_slips_as_the_single_envs():
    from gymnasium.vector import SyncVectorEnv

    from qwop_sim.envs.qwop_env import QWOPEnv
    from qwop_sim.envs.vector import make_vector_env

    kw = {"key_slip": 0.1, "key_slip_hold": 5, "init_noise": 0.3, "start_keys": 10}
    vec = make_vector_env(4, autoreset_mode="SameStep", **kw)
    assert type(vec).__name__ == "QWOPVectorEnv"
    sync = SyncVectorEnv([lambda: QWOPEnv(**kw) for _ in range(4)], autoreset_mode="SameStep")
    assert np.array_equal(vec.reset(seed=5)[0], sync.reset(seed=5)[0])
    rng = np.random.default_rng(0)
    ends = 0
    for _ in range(400):
        a = rng.integers(0, 2, (4, 4))
        ov, rv, tv, trv, _ = vec.step(a)
        os_, rs, ts, trs, _ = sync.step(a)
        assert np.array_equal(ov, os_) and np.array_equal(rv, rs)
        assert np.array_equal(tv, ts) and np.array_equal(trv, trs)
        ends += int(tv.sum())
    assert ends >= 1  # autoresets happened on the way
    vec.close()
    sync.close()


@pytest.mark.parametrize("kwargs,match", [({"key_slip": 1.5}, "key_slip must be a probability"),
                                          ({"key_slip": -0.1}, "key_slip must be a finite number >= 0"),
                                          ({"key_slip": float("nan")}, "key_slip must be a finite number"),
                                          ({"key_slip_hold": 0}, "key_slip_hold must be an int"),
                                          ({"key_slip_hold": MAX_HOLD_STEPS + 1}, "key_slip_hold must be an int"),
                                          ({"key_slip_hold": True}, "key_slip_hold must be an int")])
def test_bad_values_name_the_option(kwargs, match):
    with pytest.raises(ValueError, match=match):
        gym.make("qwop-v0", **kwargs)


def test_evaluation_drops_key_slips():
    from qwop_sim.envs.starts import plain_start, without_training_only

    kw = {"init_noise": 0.3, "key_slip": 0.01, "key_slip_hold": 4, "frame_skip": 2}
    assert without_training_only(kw) == {"init_noise": 0.3, "frame_skip": 2}
    assert plain_start(kw) == {"frame_skip": 2}
