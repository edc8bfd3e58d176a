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


class _RecordingBackend:
    """Records what a disturbance asks of a backend (a stand-in for bookkeeping only: every step
    returns the same state)."""

    def __init__(self, state):
        self.state, self.calls = state, []

    def set_state(self, s):
        self.calls.append(("set_state",))
        return s

    def step(self, keys, frames):
        self.calls.append(("step", keys, frames))
        return self.state


def test_the_disturbance_is_drawn_from_the_seeded_np_random():
    """The number of draws does not depend on the physics: a fall during the fumble changes nothing
    about what the next seeds give."""
    from qwop_sim.physics import QWOPSim
    state = QWOPSim().reset()
    d = StartDisturbance(init_noise=0.0, start_delay=5, start_keys=9)
    b = _RecordingBackend(state)
    d.apply(b, state, np.random.default_rng(0), max_steps=100)
    rng = np.random.default_rng(0)
    delay, fumble = int(rng.integers(0, 6)), int(rng.integers(0, 10))
    steps = [c for c in b.calls if c[0] == "step"]
    if delay:
        assert steps[0] == ("step", 0, delay)
        steps = steps[1:]
    assert sum(c[2] for c in steps) == fumble and all(1 <= c[2] <= MAX_HOLD and 0 <= c[1] < 16 for c in steps)


def test_start_hold_holds_each_mask_up_to_h_frames():
    """start_hold=h: the fumble's masks are held 1..h frames (some longer than the default 4);
    start_hold=0 is the default fumble, draw for draw."""
    from qwop_sim.physics import QWOPSim

    state = QWOPSim().reset()
    holds = []
    for seed in range(40):
        b = _RecordingBackend(state)
        StartDisturbance(start_keys=60, start_hold=20).apply(b, state, np.random.default_rng(seed), max_steps=100)
        holds += [c[2] for c in b.calls]
        default, zero = _RecordingBackend(state), _RecordingBackend(state)
        StartDisturbance(start_keys=60).apply(default, state, np.random.default_rng(seed), max_steps=100)
        StartDisturbance(start_keys=60, start_hold=0).apply(zero, state, np.random.default_rng(seed), max_steps=100)
        assert zero.calls == default.calls
    assert 1 <= min(holds) and max(holds) <= 20 and max(holds) > MAX_HOLD
    env = gym.make("qwop-v0", start_keys=30, start_hold=12)
    a, _ = env.reset(seed=3)
    b, _ = env.reset(seed=3, options={"start_hold": 1})
    assert not np.array_equal(a, b)  # the reset option replaces the env's default
    env.close()


@pytest.mark.parametrize("field,value", [("init_noise", -0.1), ("init_noise", float("nan")), ("init_noise", "big"),
                                         ("start_delay", -1), ("start_delay", 2.5), ("start_keys", True),
                                         ("start_keys", MAX_FRAMES + 1), ("start_hold", -2)])
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


# ---- the mid-race start bank (start_bank / start_bank_prob) -------------------------------------

def _bank(tmp_path, n=3, frames=20):
    """A small bank: the runner's states after 20, 40, 60 frames of a few keys (it stays up)."""
    import gzip
    import json

    env = gym.make("qwop-v0", frame_skip=1)
    env.reset()
    states = []
    for t in range(n * frames):
        _, _, terminated, _, _ = env.step(np.array([t < 6, 0, 0, t < 6], dtype=np.int8))
        assert not terminated
        if t % frames == frames - 1:
            states.append(env.unwrapped.state.to_dict())
    env.close()
    path = tmp_path / "bank.json.gz"
    with gzip.open(path, "wt") as f:
        json.dump({"meta": {}, "states": states}, f)
    return str(path), states


def test_bank_start_is_a_bank_state_and_prob_zero_changes_nothing(tmp_path):
    from qwop_sim.state import RawState

    path, states = _bank(tmp_path)
    frames = {s["frame"] for s in states}
    env = gym.make("qwop-v0", start_bank=path, start_bank_prob=1.0)
    for seed in range(6):
        _, info = env.reset(seed=seed)
        assert info["frame"] in frames  # exactly one of the bank's states, nothing run after it
    obs, _ = env.reset(seed=0)
    drawn = env.unwrapped.state
    assert any(np.array_equal(drawn.bodies, RawState.from_dict(s).bodies) for s in states)
    env.close()
    # A bank that is never drawn leaves every other start's random numbers (and floats) as they were.
    opts = {"init_noise": 0.2, "start_delay": 10, "start_keys": 8}
    plain, banked = gym.make("qwop-v0", **opts), gym.make("qwop-v0", start_bank=path, start_bank_prob=0.0, **opts)
    for seed in range(4):
        assert np.array_equal(plain.reset(seed=seed)[0], banked.reset(seed=seed)[0])
    plain.close(), banked.close()


def test_bank_starts_mix_with_line_starts_and_skip_delay_and_fumble(tmp_path):
    path, states = _bank(tmp_path)
    env = gym.make("qwop-v0", start_bank=path, start_bank_prob=0.5, start_delay=30, start_keys=20)
    bank_frames = {s["frame"] for s in states}
    seen = {"bank": 0, "line": 0}
    for seed in range(40):
        _, info = env.reset(seed=seed)
        if info["frame"] in bank_frames:
            seen["bank"] += 1
        else:
            assert info["frame"] <= 50  # from the line: the delay and the fumble only
            seen["line"] += 1
    assert seen["bank"] >= 8 and seen["line"] >= 8
    env.close()


def test_vector_env_bank_starts_are_the_single_envs(tmp_path):
    from qwop_sim.envs.vector import make_vector_env

    path, _ = _bank(tmp_path)
    kw = {"init_noise": 0.1, "start_bank": path, "start_bank_prob": 0.6}
    singles = [gym.make("qwop-v0", **kw) for _ in range(3)]
    vec = make_vector_env(3, **kw)
    assert type(vec).__name__ == "QWOPVectorEnv"
    obs, _ = vec.reset(seed=[5, 6, 7])
    for i, env in enumerate(singles):
        assert np.array_equal(env.reset(seed=5 + i)[0], obs[i])
    rng = np.random.default_rng(0)
    for _ in range(30):
        a = rng.integers(0, 2, size=(3, 4)).astype(np.int8)
        vo, vr, vt, vtr, _ = vec.step(a)
        for i, env in enumerate(singles):
            o, r, t, tr, _ = env.step(a[i])
            assert np.array_equal(o, vo[i]) and r == vr[i] and t == vt[i]
            if t or tr:
                break
        if vt.any() or vtr.any():
            break
    vec.close()
    for env in singles:
        env.close()


@pytest.mark.parametrize("kwargs,match", [({"start_bank_prob": 0.5}, "needs a start_bank"),
                                          ({"start_bank": "/no/such/bank.json", "start_bank_prob": 0.5}, "no such file"),
                                          ({"start_bank": "BANK", "start_bank_prob": 1.5}, "start_bank_prob"),
                                          ({"start_bank": 3}, "start_bank")])
def test_bad_bank_options_name_the_problem(tmp_path, kwargs, match):
    path, _ = _bank(tmp_path, n=1)
    kwargs = {k: (path if v == "BANK" else v) for k, v in kwargs.items()}
    with pytest.raises(ValueError, match=match):
        gym.make("qwop-v0", **kwargs)


def test_malformed_bank_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"states": [{"bodies": "nope"}]}')
    with pytest.raises(ValueError, match="not a list of start states"):
        gym.make("qwop-v0", start_bank=str(bad), start_bank_prob=0.5)
    empty = tmp_path / "empty.json"
    empty.write_text("[]")
    with pytest.raises(ValueError, match="holds no states"):
        gym.make("qwop-v0", start_bank=str(empty), start_bank_prob=0.5)


# ---- starts cut short (start_only_prob / start_only_steps) --------------------------------------

def test_start_only_cuts_line_starts_as_truncation_and_prob_zero_changes_nothing():
    env = gym.make("qwop-v0", frame_skip=4, start_keys=8, start_only_prob=1.0, start_only_steps=5)
    env.reset(seed=3)
    ends = [env.step(np.zeros(4, np.int8))[2:4] for _ in range(5)]
    assert ends[:4] == [(False, False)] * 4 and ends[4] == (False, True)  # truncated, not terminated
    env.close()
    # Never cut (p 0): the same floats and the same random numbers as without the option.
    plain = gym.make("qwop-v0", start_keys=8, init_noise=0.1)
    off = gym.make("qwop-v0", start_keys=8, init_noise=0.1, start_only_prob=0.0, start_only_steps=5)
    for seed in range(4):
        assert np.array_equal(plain.reset(seed=seed)[0], off.reset(seed=seed)[0])
    plain.close(), off.close()


def test_start_only_cuts_about_p_of_line_starts_and_never_a_bank_start(tmp_path):
    path, states = _bank(tmp_path)
    bank_frames = {s["frame"] for s in states}
    env = gym.make("qwop-v0", frame_skip=4, start_bank=path, start_bank_prob=0.5,
                   start_only_prob=0.5, start_only_steps=2)
    cut = {"bank": 0, "line": 0}
    starts = {"bank": 0, "line": 0}
    for seed in range(40):
        _, info = env.reset(seed=seed)
        kind = "bank" if info["frame"] in bank_frames else "line"
        starts[kind] += 1
        env.step(np.zeros(4, np.int8))
        t, tr = env.step(np.zeros(4, np.int8))[2:4]
        cut[kind] += int(tr and not t)
    env.close()
    assert cut["bank"] == 0 and starts["bank"] >= 8
    assert 0.2 * starts["line"] <= cut["line"] <= 0.8 * starts["line"]


def test_vector_env_cuts_the_same_starts_as_single_envs():
    from qwop_sim.envs.vector import make_vector_env

    kw = {"frame_skip": 4, "start_keys": 10, "start_only_prob": 0.5, "start_only_steps": 3}
    singles = [gym.make("qwop-v0", **kw) for _ in range(4)]
    vec = make_vector_env(4, **kw)
    assert type(vec).__name__ == "QWOPVectorEnv"
    obs, _ = vec.reset(seed=[11, 12, 13, 14])
    ends = {}
    for i, env in enumerate(singles):
        assert np.array_equal(env.reset(seed=11 + i)[0], obs[i])
    for step in range(3):
        a = np.zeros((4, 4), np.int8)
        _, _, vt, vtr, _ = vec.step(a)
        for i, env in enumerate(singles):
            if i in ends:
                continue
            _, _, t, tr, _ = env.step(a[i])
            assert (t, tr) == (vt[i], vtr[i])
            if t or tr:
                ends[i] = step
    assert sorted(ends.values()).count(2) >= 1  # at least one of these four seeds is cut at step 3
    vec.close()
    for env in singles:
        env.close()


@pytest.mark.parametrize("kwargs,match", [({"start_only_prob": 0.5}, "needs start_only_steps"),
                                          ({"start_only_prob": 1.5, "start_only_steps": 4}, "start_only_prob"),
                                          ({"start_only_prob": 0.5, "start_only_steps": 2.5}, "start_only_steps must be an int in 0..5400 \\(agent steps\\)")])
def test_bad_start_only_options_name_the_problem(kwargs, match):
    with pytest.raises(ValueError, match=match):
        gym.make("qwop-v0", **kwargs)


def test_evaluation_drops_the_training_only_options():
    from qwop_sim.envs.starts import plain_start, without_training_only

    kw = {"init_noise": 0.3, "start_keys": 20, "start_only_prob": 0.8, "start_only_steps": 40,
          "start_bank": "b.json", "start_bank_prob": 0.3, "frame_skip": 4}
    assert without_training_only(kw) == {"init_noise": 0.3, "start_keys": 20, "frame_skip": 4}
    assert plain_start(kw) == {"frame_skip": 4}


def test_start_bank_steps_cuts_bank_starts_only(tmp_path):
    path, states = _bank(tmp_path)
    bank_frames = {s["frame"] for s in states}
    env = gym.make("qwop-v0", frame_skip=4, start_bank=path, start_bank_prob=0.5, start_bank_steps=3)
    seen = {"bank": 0, "line": 0}
    for seed in range(20):
        _, info = env.reset(seed=seed)
        kind = "bank" if info["frame"] in bank_frames else "line"
        seen[kind] += 1
        ends = [env.step(np.zeros(4, np.int8))[2:4] for _ in range(3)]
        # a bank start is truncated at its 3rd step; a line start runs on (standing still: no fall)
        assert ends[-1] == ((False, True) if kind == "bank" else (False, False)), (seed, kind, ends)
    env.close()
    assert seen["bank"] >= 4 and seen["line"] >= 4
    with pytest.raises(ValueError, match="start_bank_steps must be an int in 0..5400 \\(agent steps\\)"):
        gym.make("qwop-v0", start_bank=path, start_bank_prob=0.5, start_bank_steps=-1)
