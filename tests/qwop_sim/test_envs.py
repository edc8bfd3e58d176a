"""The Gymnasium environments on the sim backend (fast; the node/browser ones: test_backends.py)."""
from __future__ import annotations

import warnings

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

import qwop_sim  # noqa: F401  (registers the ids)
from qwop_sim.constants import CLOCK_PER_FRAME, C, N_BODIES
from qwop_sim.envs import core
from qwop_sim.envs.qwop_env import QWOPEnv
from qwop_sim.render import render_rgb
from qwop_sim.state import RawState

IDS = ["qwop-v0", "frame-qwop-v0", "multi-frame-qwop-v0"]
GAIT = [1 | 8, 1 | 8, 2 | 4, 2 | 4] * 3 + [0, 5, 10, 6, 9]


def keys_to_mb(k: int) -> np.ndarray:
    return np.array([(k >> i) & 1 for i in range(4)], dtype=np.int8)


def quiet_check(env):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the Box(-inf, inf) bounds warning
        check_env(env.unwrapped, skip_render_check=True)


@pytest.mark.parametrize("env_id", IDS)
@pytest.mark.parametrize("action_mode", ["multibinary", "discrete"])
def test_check_env_sim(env_id, action_mode):
    env = gym.make(env_id, action_mode=action_mode)
    try:
        quiet_check(env)
        assert env.action_space == (gym.spaces.MultiBinary(4) if action_mode == "multibinary"
                                    else gym.spaces.Discrete(16))
    finally:
        env.close()


def test_registered_and_spaces():
    for env_id in IDS:
        assert env_id in gym.registry
    env = gym.make("qwop-v0")
    assert env.observation_space.shape == (core.OBS_SIZE,) == (89,)
    assert env.observation_space.dtype == np.float32
    assert len(core.OBS_NAMES) == core.OBS_SIZE
    env.close()
    for env_id in IDS[1:]:
        env = gym.make(env_id)
        assert env.observation_space.shape == (64, 64, 3) and env.observation_space.dtype == np.uint8
        env.close()
    env = gym.make("frame-qwop-v0", frame_size=(48, 80))
    obs, _ = env.reset()
    assert obs.shape == (48, 80, 3)
    env.close()


def test_observation_layout_and_scale():
    env = gym.make("qwop-v0")
    obs, info = env.reset(seed=0)
    st = env.unwrapped.state
    b = st.bodies
    assert obs[0] == 0.0  # the torso's relative x
    np.testing.assert_allclose(obs[7 * 1 + 0], (b[1, 0] - b[0, 0]) / core.POS_SCALE, rtol=1e-6)
    np.testing.assert_allclose(obs[7 * 3 + 1], b[3, 1] / core.POS_SCALE, rtol=1e-6)
    np.testing.assert_allclose(obs[7 * 5 + 2], np.sin(b[5, 2]), rtol=1e-6)
    np.testing.assert_allclose(obs[7 * 5 + 3], np.cos(b[5, 2]), rtol=1e-6)
    np.testing.assert_allclose(obs[84], b[0, 0] / core.PROGRESS_SCALE, rtol=1e-6)
    np.testing.assert_allclose(obs[85:], [*st.hip_limits["leftHip"], *st.hip_limits["rightHip"]])
    # scaled to about unit range on random play
    rng = np.random.default_rng(0)
    seen = []
    for _ in range(400):
        obs, r, term, trunc, info = env.step(keys_to_mb(int(rng.integers(16))))
        seen.append(obs)
        assert np.isfinite(obs).all() and np.isfinite(r)
        if term or trunc:
            env.reset()
    seen = np.abs(np.array(seen))
    assert np.percentile(seen, 99) < 3.0 and seen.max() < 10.0
    # the hip-limit mode follows O / P
    env.reset()
    obs = env.step(keys_to_mb(4))[0]  # O
    np.testing.assert_allclose(obs[85:], [-1, 1, -1.3, 0.7])
    obs = env.step(keys_to_mb(8))[0]  # P
    np.testing.assert_allclose(obs[85:], [-1.5, 0.5, -0.8, 1.2])
    env.close()


def test_reward_is_velocity_and_info():
    env = gym.make("qwop-v0", frame_skip=3)
    _, info = env.reset()
    assert set(info) >= {"distance", "clock", "frame", "fallen", "finished", "is_success"}
    assert info["frame"] == 0 and info["clock"] == 0.0
    prev = info
    for k in GAIT:
        obs, r, term, trunc, info = env.step(keys_to_mb(k))
        assert info["frame"] == prev["frame"] + 3
        dt = info["clock"] - prev["clock"]
        assert dt == pytest.approx(3 * CLOCK_PER_FRAME)
        if not info["fallen"]:
            assert r == pytest.approx((info["distance"] - prev["distance"]) / dt)
        prev = info
        if term:
            break
    env.close()


def test_fall_terminates_with_penalty():
    env = gym.make("qwop-v0", fall_penalty=-5.0)
    env.reset()
    for t in range(2000):
        obs, r, term, trunc, info = env.step(keys_to_mb(1 | 4))  # Q+O: falls within a few seconds
        if term:
            break
    assert term and info["fallen"] and not info["finished"] and not info["is_success"]
    assert r < -2.0  # the penalty (-5) dominates a one-step velocity
    with pytest.raises(RuntimeError, match="reset"):
        env.step(keys_to_mb(0))
    env.reset()
    env.step(keys_to_mb(0))  # fine again after reset
    env.close()


def test_core_rules_on_synthetic_states():
    s0 = RawState(bodies=np.zeros((N_BODIES, 6)), distance=5.0, clock=1.0, frame=30)
    s1 = RawState(bodies=np.zeros((N_BODIES, 6)), distance=5.2, clock=1.0 + 2 * CLOCK_PER_FRAME, frame=32)
    assert core.reward(s0, s1) == pytest.approx(0.2 / (2 * CLOCK_PER_FRAME))
    assert not core.terminated(s1)
    s2 = RawState(bodies=np.zeros((N_BODIES, 6)), distance=5.1, clock=s1.clock, frame=33, fallen=True)
    assert core.terminated(s2) and core.reward(s1, s2) < -1.0 + 1e-9
    s3 = RawState(bodies=np.zeros((N_BODIES, 6)), distance=100.3, clock=s1.clock + 0.1, frame=35,
                  jumped=True, finished=True, fallen=True)
    assert core.terminated(s3) and core.info(s3)["is_success"]
    assert core.reward(s1, s3, finish_bonus=10.0) > 10.0  # a fall after the jump is a finish, no penalty
    back = RawState(bodies=np.zeros((N_BODIES, 6)), distance=-10.01, clock=9.0, frame=270)
    assert core.terminated(back) and core.went_back(back)


def test_truncation_at_max_episode_steps():
    env = gym.make("qwop-v0", max_episode_steps=5)  # becomes the env's own limit (qwop_sim.envs.one_time_limit)
    env.reset()
    for i in range(5):
        obs, r, term, trunc, info = env.step(keys_to_mb(0))
    assert trunc and not term
    env.close()
    env = QWOPEnv(max_episode_steps=5)  # the env's own limit (default: 3 min of game clock)
    env.reset()
    for i in range(5):
        obs, r, term, trunc, info = env.step(keys_to_mb(0))
    assert trunc and not term
    with pytest.raises(RuntimeError):
        env.step(keys_to_mb(0))
    env.close()
    assert QWOPEnv(frame_skip=2).max_episode_steps == 2700
    assert QWOPEnv(frame_skip=4).max_episode_steps == 1350


def test_same_seed_same_actions_identical_twice():
    def run():
        env = gym.make("qwop-v0")
        out = [env.reset(seed=123)[0]]
        rng = np.random.default_rng(7)
        for _ in range(200):
            obs, r, term, trunc, _ = env.step(keys_to_mb(int(rng.integers(16))))
            out.append(np.append(obs, r))
            if term or trunc:
                out.append(env.reset()[0])
        env.close()
        return out

    a, b = run(), run()
    assert len(a) == len(b) and all(np.array_equal(x, y) for x, y in zip(a, b))


def test_reset_with_seed_is_history_free():
    gait = [9, 9, 9, 9, 6, 6, 6, 6] * 40

    def play(env):
        out = [env.reset(seed=0)[0]]
        for k in gait:
            obs, r, term, trunc, _ = env.step(keys_to_mb(k))
            out.append(obs)
            if term or trunc:
                break
        return out

    fresh = gym.make("qwop-v0")
    a = play(fresh)
    fresh.close()
    used = gym.make("qwop-v0")
    used.reset()
    rng = np.random.default_rng(3)
    for _ in range(300):
        if any(used.step(keys_to_mb(int(rng.integers(16))))[2:4]):
            used.reset()
    b = play(used)
    used.close()
    assert len(a) == len(b) and all(np.array_equal(x, y) for x, y in zip(a, b))


def test_discrete_equals_multibinary():
    e1, e2 = gym.make("qwop-v0"), gym.make("qwop-v0", action_mode="discrete")
    o1, o2 = e1.reset()[0], e2.reset()[0]
    for k in GAIT:
        o1 = e1.step(keys_to_mb(k))[0]
        o2 = e2.step(k)[0]
        assert np.array_equal(o1, o2)
    e1.close(), e2.close()


def test_action_to_keys_gives_the_games_key_mask():
    """core.action_to_keys: Discrete(16) actions are the key mask, MultiBinary(4) flags are Q, W, O, P
    with the game's key bits (qwop.json), floats 0/1 accepted as Gymnasium's MultiBinary does."""
    bits = [C["keys"][k] for k in "QWOP"]
    for k in range(16):
        flags = [int(k & b != 0) for b in bits]
        assert core.action_to_keys(k, "discrete") == k
        assert core.action_to_keys(np.int64(k), "discrete") == k
        assert core.action_to_keys(flags, "multibinary") == k
        assert core.action_to_keys(np.array(flags, np.float32), "multibinary") == k
        assert core.action_to_keys(np.array(flags, bool), "multibinary") == k
    with pytest.raises(ValueError, match="action_mode"):
        core.action_to_keys(1, "analog")


@pytest.mark.parametrize("bad, err", [
    (np.array([1, 0, 1]), ValueError),            # wrong shape
    (np.array([[1, 0, 1, 0]]), ValueError),       # wrong shape
    (np.array([0.5, 0, 1, 0]), ValueError),       # a float that is not 0 or 1
    (np.array(['1', '0', '1', '0']), TypeError),  # wrong dtype
    (np.array([2, 0, 0, 0]), ValueError),         # out of space
    (np.array([-1, 0, 0, 0]), ValueError),
    ("QWOP", ValueError),
])
def test_bad_actions_multibinary(bad, err):
    env = QWOPEnv()
    env.reset()
    with pytest.raises(err, match="MultiBinary"):
        env.step(bad)
    env.close()


@pytest.mark.parametrize("bad, err", [(16, ValueError), (-1, ValueError), (1.0, TypeError),
                                      (np.array([1, 2]), TypeError)])
def test_bad_actions_discrete(bad, err):
    env = QWOPEnv(action_mode="discrete")
    env.reset()
    with pytest.raises(err, match="Discrete"):
        env.step(bad)
    env.close()


def test_bad_arguments():
    for kw in [dict(backend="unity"), dict(action_mode="analog"), dict(frame_skip=0),
               dict(obs_type="audio"), dict(render_mode="ascii"), dict(frame_size=4)]:
        with pytest.raises(ValueError):
            QWOPEnv(**kw)
    env = QWOPEnv()
    with pytest.raises(ValueError, match="unknown reset options"):
        env.reset(options={"noise": 1})
    env.close()


def test_bad_values_are_value_errors_naming_the_field():
    for kw, name in [(dict(init_noise=-0.1), "init_noise"), (dict(init_noise=float("nan")), "init_noise"),
                     (dict(init_noise=float("inf")), "init_noise"), (dict(fall_penalty=float("nan")), "fall_penalty"),
                     (dict(finish_bonus=float("inf")), "finish_bonus"), (dict(fall_penalty="a lot"), "fall_penalty")]:
        with pytest.raises(ValueError, match=name):
            QWOPEnv(**kw)
    env = QWOPEnv()
    try:
        for noise in (-1.0, float("nan"), "x"):
            with pytest.raises(ValueError, match="init_noise"):
                env.reset(options={"init_noise": noise})
        with pytest.raises(ValueError, match="state is missing 'bodies'"):
            env.reset(options={"state": {}})
        env.reset()
        good = env.state.to_dict()
        with pytest.raises(ValueError, match="missing 'clock'"):
            env.reset(options={"state": {k: v for k, v in good.items() if k != "clock"}})
        with pytest.raises(ValueError, match=r"state\.bodies"):
            env.reset(options={"state": {**good, "bodies": [[0.0] * 5] * 12}})
        with pytest.raises(ValueError, match=r"options\['state'\] must be a RawState"):
            env.reset(options={"state": [1, 2]})
        bad = env.state.copy()
        bad.bodies[3, 4] = np.nan
        with pytest.raises(ValueError, match=r"state\.bodies\[3\]\[4\] \(leftForearm vy\)"):
            env.reset(options={"state": bad})
        env.reset()  # still usable
    finally:
        env.close()


def test_step_before_reset_and_after_close():
    env = QWOPEnv()
    with pytest.raises(RuntimeError, match="reset"):
        env.step(keys_to_mb(0))
    env.reset()
    env.close()
    env.close()  # no-op
    with pytest.raises(RuntimeError, match="closed"):
        env.reset()
    with pytest.raises(RuntimeError, match="closed"):
        env.step(keys_to_mb(0))
    wrapped = gym.make("qwop-v0")
    with pytest.raises(Exception):  # OrderEnforcing's ResetNeeded
        wrapped.step(keys_to_mb(0))
    wrapped.close()
    wrapped.close()


def test_frame_observations():
    env = gym.make("frame-qwop-v0")
    obs, _ = env.reset()
    sim = env.unwrapped.backend.sim
    np.testing.assert_array_equal(obs, render_rgb(env.unwrapped.state, 64, 64, hurdle=sim.hurdle_state()))
    for k in GAIT[:6]:
        obs = env.step(keys_to_mb(k))[0]
    np.testing.assert_array_equal(obs, render_rgb(env.unwrapped.state, 64, 64, hurdle=sim.hurdle_state()))
    env.close()

    env = gym.make("multi-frame-qwop-v0")
    obs, _ = env.reset()
    assert np.array_equal(obs[..., 0], obs[..., 1]) and np.array_equal(obs[..., 1], obs[..., 2])
    frames = [obs[..., 2]]
    for k in GAIT[:4]:
        obs = env.step(keys_to_mb(k))[0]
        gray = core.to_gray(render_rgb(env.unwrapped.state, 64, 64, hurdle=sim_h(env)))
        np.testing.assert_array_equal(obs[..., 2], gray)  # newest last
        np.testing.assert_array_equal(obs[..., 1], frames[-1])
        frames.append(obs[..., 2])
    env.close()


def sim_h(env):
    return env.unwrapped.backend.sim.hurdle_state()


def test_render_rgb_array():
    env = gym.make("qwop-v0", render_mode="rgb_array")
    env.reset()
    img = env.render()
    assert img.shape == (400, 640, 3) and img.dtype == np.uint8 and img.std() > 0
    env.close()


def test_render_human_headless(monkeypatch):
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    env = gym.make("qwop-v0", render_mode="human")
    env.reset()
    for k in GAIT[:3]:
        env.step(keys_to_mb(k))
    assert env.render() is None
    env.close()
    env.close()


def test_init_noise_option_is_seeded():
    env = gym.make("qwop-v0")
    base = env.reset(seed=1)[0]
    a = env.reset(seed=1, options={"init_noise": 0.5})[0]
    b = env.reset(seed=1, options={"init_noise": 0.5})[0]
    c = env.reset(seed=2, options={"init_noise": 0.5})[0]
    assert np.array_equal(a, b) and not np.array_equal(a, c) and not np.array_equal(a, base)
    np.testing.assert_array_equal(a[:84].reshape(12, 7)[:, :4], base[:84].reshape(12, 7)[:, :4])  # poses kept
    env.step(keys_to_mb(5))
    env.close()
    env = gym.make("qwop-v0", init_noise=0.3)
    assert not np.array_equal(env.reset(seed=0)[0], base)
    env.close()


def test_start_from_state_option():
    env = gym.make("qwop-v0")
    env.reset()
    for k in GAIT[:5]:
        env.step(keys_to_mb(k))
    st = env.unwrapped.state.copy()
    obs, info = env.reset(options={"state": st})
    assert info["frame"] == st.frame
    np.testing.assert_allclose(obs, core.observation(st), rtol=1e-6)
    env.close()


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_make_vec(mode):
    envs = gym.make_vec("qwop-v0", num_envs=2, vectorization_mode=mode)
    try:
        obs, info = envs.reset(seed=[1, 2])
        assert obs.shape == (2, core.OBS_SIZE) and obs.dtype == np.float32
        for _ in range(30):
            obs, r, term, trunc, info = envs.step(envs.action_space.sample())
        assert r.shape == (2,) and obs.shape == (2, core.OBS_SIZE)
    finally:
        envs.close()
    envs = gym.make_vec("frame-qwop-v0", num_envs=2, vectorization_mode=mode, action_mode="discrete")
    try:
        obs, _ = envs.reset(seed=0)
        assert obs.shape == (2, 64, 64, 3)
        envs.step(np.array([5, 10]))
    finally:
        envs.close()
