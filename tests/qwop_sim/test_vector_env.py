"""The ids' vector entry point (make_vector_env) gives the batched QWOPVectorEnv: per sub-env the
floats of QWOPEnv (compared with Gymnasium's SyncVectorEnv of QWOPEnv, every autoreset mode, start
disturbances included)."""
from __future__ import annotations

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.vector import AutoresetMode, SyncVectorEnv

import qwop_sim  # noqa: F401  (registers the ids)
from qwop_sim.envs import core
from qwop_sim.envs.qwop_env import QWOPEnv
from qwop_sim.envs.vector import QWOPVectorEnv, make_vector_env
from qwop_sim.physics import QWOPSim


def _same(a, b, path="info"):
    if isinstance(a, dict):
        assert set(a) == set(b), (path, sorted(a), sorted(b))
        for k in a:
            _same(a[k], b[k], f"{path}.{k}")
        return
    a, b = np.asarray(a), np.asarray(b)
    assert a.shape == b.shape, path
    if a.dtype == object:
        for x, y in zip(a.ravel(), b.ravel()):
            if x is None or y is None:
                assert x is None and y is None, path
            else:
                _same(x, y, path)
    else:
        assert a.dtype == b.dtype, (path, a.dtype, b.dtype)
        np.testing.assert_array_equal(a, b, err_msg=path)


def _actions(rng, n, mode):
    if mode == "discrete":
        return rng.integers(0, 16, size=n)
    return rng.integers(0, 2, size=(n, 4))


@pytest.mark.parametrize("mode,action_mode,frame_skip,start", [
    (AutoresetMode.NEXT_STEP, "multibinary", 2, {}),
    (AutoresetMode.SAME_STEP, "discrete", 3, {}),
    (AutoresetMode.DISABLED, "multibinary", 4, {}),
    (AutoresetMode.SAME_STEP, "multibinary", 4, {"init_noise": 0.3, "start_delay": 15, "start_keys": 10}),
    (AutoresetMode.NEXT_STEP, "discrete", 2, {"start_keys": 8}),
])
def test_vector_env_equals_sync_vector_env_of_qwopenv(mode, action_mode, frame_skip, start):
    n = 4
    kw = dict(action_mode=action_mode, frame_skip=frame_skip, max_episode_steps=60, **start)
    vec = make_vector_env(num_envs=n, autoreset_mode=mode, **kw)
    assert isinstance(vec, QWOPVectorEnv) and vec.metadata["autoreset_mode"] == mode
    ref = SyncVectorEnv([lambda: QWOPEnv(**kw) for _ in range(n)], autoreset_mode=mode)
    assert vec.single_observation_space == ref.single_observation_space
    assert vec.action_space == ref.action_space and vec.observation_space == ref.observation_space
    o1, i1 = vec.reset(seed=7)
    o2, i2 = ref.reset(seed=7)
    np.testing.assert_array_equal(o1, o2)
    _same(i1, i2)
    rng = np.random.default_rng(2)
    ends = truncs = 0
    for t in range(240):
        a = _actions(rng, n, action_mode)
        if t % 5 == 0:  # held keys now and then (longer runs, truncations)
            a = np.zeros_like(a)
        r1 = vec.step(a)
        r2 = ref.step(a)
        assert r1[0].dtype == np.float32
        np.testing.assert_array_equal(r1[0], r2[0])
        for x, y in zip(r1[1:4], r2[1:4]):
            np.testing.assert_array_equal(x, y)
            assert x.dtype == y.dtype
        _same(r1[4], r2[4])
        ended = r1[2] | r1[3]
        ends += int(r1[2].sum())
        truncs += int(r1[3].sum())
        if mode == AutoresetMode.DISABLED and ended.any():
            o1, i1 = vec.reset(options={"reset_mask": ended})
            o2, i2 = ref.reset(options={"reset_mask": ended})
            np.testing.assert_array_equal(o1, o2)
            _same(i1, i2)
    assert ends >= 2 and truncs >= 1


def test_batched_core_equals_single_core():
    """core's batch functions give the single functions' floats (observations, rewards, ends)."""
    rng = np.random.default_rng(0)
    sims = [QWOPSim() for _ in range(5)]
    prev = [s.state() for s in sims]
    for t in range(150):
        states = []
        for s in sims:
            st = s.step(int(rng.integers(0, 16)), 2)
            states.append(st)
        bodies = np.stack([s.bodies for s in states])
        hips = np.array([core.hip_row(s.hip_limits) for s in states])
        obs = core.observations_from(bodies, hips)
        for i, st in enumerate(states):
            np.testing.assert_array_equal(obs[i], core.observation(st))
        arr = lambda sts, f: np.array([getattr(s, f) for s in sts])  # noqa: E731
        r = core.rewards(arr(prev, "distance"), arr(prev, "clock"), [core.is_fall(p) for p in prev],
                         arr(prev, "finished"), arr(states, "distance"), arr(states, "clock"),
                         arr(states, "fallen"), arr(states, "finished"), -1.5, 2.0)
        term = core.terminateds(arr(states, "fallen"), arr(states, "finished"), arr(states, "distance"))
        for i, st in enumerate(states):
            assert r[i] == core.reward(prev[i], st, -1.5, 2.0)
            assert term[i] == core.terminated(st)
        prev = states
        for i, s in enumerate(sims):
            if s.ended:
                prev[i] = s.reset()


@pytest.mark.parametrize("action_mode", core.ACTION_MODES)
def test_batched_action_to_keys_equals_single(action_mode):
    """core.actions_to_keys gives action_to_keys of every row, and refuses what it refuses."""
    rng = np.random.default_rng(1)
    for n in (1, 5):
        for dtype in (np.int64, np.int8, np.float32):
            actions = _actions(rng, n, action_mode).astype(dtype)
            if action_mode == "discrete" and dtype == np.float32:
                with pytest.raises(ValueError):  # Discrete(16) actions are ints
                    core.actions_to_keys(actions, action_mode, n)
                continue
            keys = core.actions_to_keys(actions, action_mode, n)
            assert keys.dtype == np.int64
            assert keys.tolist() == [core.action_to_keys(a, action_mode) for a in actions]
    bad = np.full((2, 4), 2) if action_mode == "multibinary" else np.array([3, 16])
    with pytest.raises(ValueError):
        core.actions_to_keys(bad, action_mode, 2)
    with pytest.raises(ValueError):
        core.action_to_keys(bad[1], action_mode)


@pytest.mark.parametrize("kw", [{"action_mode": "box"}, {"frame_skip": 0}, {"frame_skip": True},
                                {"frame_skip": 2.0}, {"frame_skip": 10001}])
def test_vector_env_refuses_what_qwopenv_refuses(kw):
    """One check (core.check_action_mode_frame_skip) in both classes: the same ValueError."""
    with pytest.raises(ValueError) as single:
        QWOPEnv(**kw)
    with pytest.raises(ValueError) as batched:
        QWOPVectorEnv(2, **kw)
    assert str(batched.value) == str(single.value)
    assert str(single.value).startswith(f"{next(iter(kw))} must be")


def test_vector_env_reset_state_option_equals_qwopenv():
    st = QWOPSim().step(5, 30)
    vec = make_vector_env(num_envs=2)
    env = QWOPEnv()
    o1, i1 = vec.reset(seed=1, options={"state": st})
    o2, i2 = env.reset(seed=1, options={"state": st})
    np.testing.assert_array_equal(o1[1], o2)
    assert i1["frame"][1] == i2["frame"] == 30
    a = np.array([1, 0, 1, 0])
    for _ in range(20):
        r1 = vec.step(np.stack([a, a]))
        r2 = env.step(a)
        np.testing.assert_array_equal(r1[0][0], r2[0])
        assert r1[1][0] == r2[1]
    opts = {"state": st, "init_noise": 0.1, "start_keys": 5}
    o1, i1 = vec.reset(seed=5, options=opts)
    o2, i2 = env.reset(seed=6, options=opts)  # sub-env 1 of seed 5 is seeded 6
    np.testing.assert_array_equal(o1[1], o2)
    with pytest.raises(ValueError, match="start_delay"):
        vec.reset(options={"start_dealy": 3})
    with pytest.raises(ValueError, match="init_noise"):
        vec.reset(options={"init_noise": -1})


def test_start_disturbances_are_batched_and_seeded_per_sub_env():
    """Start disturbances run QWOPEnv's own start code on the batch's worlds, seeded per sub-env."""
    v = make_vector_env(num_envs=2, init_noise=0.5, start_delay=9)
    assert isinstance(v, QWOPVectorEnv)
    o, info = v.reset(seed=3)
    e = QWOPEnv(init_noise=0.5, start_delay=9)
    o1, i1 = e.reset(seed=4)
    np.testing.assert_array_equal(o[1], o1)
    assert info["frame"][1] == i1["frame"]
    v.close()


def test_vector_entry_point_falls_back_to_sync_for_other_backends_and_obs():
    v = make_vector_env(num_envs=2, obs_type="frame")
    assert isinstance(v, SyncVectorEnv)
    v.close()
    v = make_vector_env(num_envs=2, render_mode="rgb_array")
    assert isinstance(v, SyncVectorEnv)
    v.close()


def test_make_vec_builds_every_qwop_id():
    """gym.make_vec works for every id; it is SyncVectorEnv while the ids carry the one-time-limit
    wrapper (Gymnasium refuses a vector entry point with additional_wrappers): the batched env is
    make_vector_env, which the trainer uses."""
    for env_id in ("qwop-v0", "frame-qwop-v0"):
        v = gym.make_vec(env_id, num_envs=2)
        v.reset(seed=0)
        v.step(v.action_space.sample())
        v.close()


def test_vector_env_rejects_bad_actions():
    v = make_vector_env(num_envs=2)
    with pytest.raises(RuntimeError):
        v.step(np.zeros((2, 4), int))
    v.reset()
    with pytest.raises(ValueError):
        v.step(np.full((2, 4), 2))
    with pytest.raises(ValueError):
        v.step(np.zeros((3, 4), int))
