"""The node and browser backends (the game's own code via its Node server / headless Chromium):
the envs on them, process lifetime (no process left behind), clear errors when a piece is missing.

Skipped when node / the game's Node packages / chromium are not there (the missing-piece errors are
tested regardless)."""
from __future__ import annotations

import gc
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import warnings
from pathlib import Path

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

import qwop_sim  # noqa: F401
from qwop_sim.backends import BackendError, make_backend
from qwop_sim.backends.browser import BrowserBackend
from qwop_sim.backends.programs import check_node_packages, chromium_executable, game_dir, node_executable
from qwop_sim.backends.node import NodeBackend
from qwop_sim.envs import ENV_IDS, core
from qwop_sim.render import render_rgb

GAIT = ([1 | 8] * 4 + [2 | 4] * 4) * 4 + [0, 5, 10, 6, 9, 3, 12, 15]


def _have_node() -> bool:
    """The backends' own lookup (qwop_sim.backends.programs): node, and the game's Node packages."""
    try:
        node_executable()
        check_node_packages(game_dir())
        return True
    except BackendError:
        return False


def _have_chromium() -> bool:
    try:
        chromium_executable()
        return True
    except BackendError:
        return False


needs_node = pytest.mark.skipif(not _have_node(), reason="node or the game's Node packages missing")
needs_browser = pytest.mark.skipif(not (_have_node() and _have_chromium()), reason="node or chromium missing")


def keys_to_mb(k: int) -> np.ndarray:
    return np.array([(k >> i) & 1 for i in range(4)], dtype=np.int8)


# ---- /proc helpers (no psutil) ------------------------------------------------------------------
def _stat(pid: int):
    try:
        with open(f"/proc/{pid}/stat") as f:
            s = f.read()
    except OSError:
        return None
    rest = s[s.rindex(")") + 2:].split()
    return rest[0], int(rest[1]), int(rest[2])  # state, ppid, pgrp


def alive(pid: int) -> bool:
    st = _stat(pid)
    return st is not None and st[0] != "Z"


def group_alive(pgid: int) -> list[int]:
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            st = _stat(int(d))
            if st is not None and st[2] == pgid and st[0] != "Z":
                out.append(int(d))
    return out


def assert_gone(pids, timeout=5.0):
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        left = [p for p in pids if alive(p) or group_alive(p)]
        if not left:
            return
        time.sleep(0.05)
    raise AssertionError(f"processes left behind: {left} (groups {[group_alive(p) for p in left]})")


def backend_pids(env_or_backend) -> list[int]:
    b = getattr(getattr(env_or_backend, "unwrapped", env_or_backend), "backend", env_or_backend)
    if isinstance(b, BrowserBackend):
        return b.pids()
    return [b.server.pid]


def quiet_check(env):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check_env(env.unwrapped, skip_render_check=True)


def run_keys(env, keys, seed=0):
    obs = [env.reset(seed=seed)[0]]
    for k in keys:
        o, r, term, trunc, info = env.step(keys_to_mb(k))
        obs.append(o)
        if term or trunc:
            break
    return obs


# ---- missing pieces: one clear error each (no processes needed) --------------------------------------
@pytest.mark.parametrize("backend", ["node", "browser"])
def test_missing_node_clear_error(monkeypatch, backend):
    monkeypatch.setenv("QWOP_NODE", "/nonexistent/node")
    with pytest.raises(BackendError, match="Node.js not found.*QWOP_NODE"):
        gym.make("qwop-v0", backend=backend)


def test_missing_chromium_clear_error_and_no_server_left(monkeypatch):
    monkeypatch.setenv("QWOP_CHROMIUM", "/nonexistent/chromium")
    before = _children()
    with pytest.raises(BackendError, match="Chromium not found.*QWOP_CHROMIUM"):
        gym.make("qwop-v0", backend="browser")
    assert_gone([p for p in _children() if p not in before])


def test_missing_node_modules_clear_error(monkeypatch, tmp_path):
    shutil.copy(game_dir() / "server.js", tmp_path / "server.js")
    monkeypatch.setenv("QWOP_GAME_DIR", str(tmp_path))
    with pytest.raises(BackendError, match="npm ci"):
        NodeBackend()


@needs_node
@pytest.mark.parametrize("backend", ["node", "browser"])
def test_game_runs_on_the_vendored_packages_alone(monkeypatch, tmp_path, backend):
    """A game folder without node_modules/ (a pip install: no npm ci) runs on game/vendor/ (what the
    Python package ships)."""
    if backend == "browser" and not _have_chromium():
        pytest.skip("chromium missing")
    copy = tmp_path / "game"
    shutil.copytree(game_dir(), copy, ignore=shutil.ignore_patterns("node_modules", "test", "scripts"))
    assert not (copy / "node_modules").exists() and (copy / "vendor" / "ws").is_dir()
    keys = [1, 6, 9, 2, 15, 0, 4, 8]
    monkeypatch.setenv("QWOP_GAME_DIR", str(copy))
    env = gym.make("qwop-v0", backend=backend)
    try:
        assert env.unwrapped.backend.server.game_dir == copy
        obs, _ = env.reset()
        for k in keys:
            obs, r, term, trunc, info = env.step(np.array([(k >> i) & 1 for i in range(4)], dtype=np.int8))
            assert np.all(np.isfinite(obs)) and not term
        assert env.unwrapped.backend.state().frame == 2 * len(keys)
    finally:
        env.close()


def test_bad_game_dir_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("QWOP_GAME_DIR", str(tmp_path / "nowhere"))
    with pytest.raises(BackendError, match="QWOP_GAME_DIR"):
        NodeBackend()


def _children() -> list[int]:
    me = os.getpid()
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            st = _stat(int(d))
            if st is not None and st[1] == me and st[0] != "Z":
                out.append(int(d))
    return out


# ---- node ---------------------------------------------------------------------------------------------
@needs_node
@pytest.mark.parametrize("env_id", list(ENV_IDS))
def test_check_env_node(env_id):
    env = gym.make(env_id, backend="node")
    try:
        quiet_check(env)
    finally:
        env.close()


@pytest.fixture(scope="module")
def node_env():
    env = gym.make("qwop-v0", backend="node")
    yield env
    pids = backend_pids(env)
    env.close()
    assert_gone(pids)


@needs_node
def test_node_deterministic_and_same_start_as_sim(node_env):
    a = run_keys(node_env, GAIT)
    b = run_keys(node_env, GAIT)
    assert len(a) == len(b) and all(np.array_equal(x, y) for x, y in zip(a, b))
    sim = gym.make("qwop-v0")
    np.testing.assert_allclose(sim.reset()[0], a[0], atol=1e-6)  # same start pose
    sim.close()


@needs_node
def test_node_backend_api_for_parity(node_env):
    b = node_env.unwrapped.backend
    s0 = b.reset()
    states = b.steps([(9, 3), (6, 2), (0, 1)], states=True)
    assert [s.frame for s in states] == [3, 5, 6]
    last = b.steps([(9, 3), (6, 2), (0, 1)])
    assert last.frame == 12
    echo = b.set_state(states[0])
    assert np.array_equal(echo.bodies, states[0].bodies) and echo.frame == 3
    st, fr = b.step_frame(5, 2, 32, 24)
    assert fr.shape == (24, 32, 3) and fr.dtype == np.uint8 and st.frame == 5
    b.sock.ws.send('{"id": "interrupted", "cmd": "step", "keys": 0, "frames": 1}')  # reply never read
    assert b.state().frame == 6  # the stale reply is skipped by its id
    with pytest.raises(ValueError, match="keys"):
        b.step(16, 1)
    with pytest.raises(ValueError, match="frames"):
        b.step(1, 0)
    assert s0.frame == 0


@pytest.mark.parametrize("backend, process", [
    pytest.param("node", lambda b: b.server.pid, marks=needs_node, id="node-server"),
    pytest.param("browser", lambda b: b.chromium.pid, marks=needs_browser, id="chromium"),
])
def test_game_process_dies_mid_episode_then_reset_recovers(backend, process):
    # the game's process (node server; chromium) killed under a running env: the next steps
    # raise a BackendError that says to reset, reset starts fresh processes, the dead one is gone
    env = gym.make("qwop-v0", backend=backend)
    try:
        env.reset()
        env.step(keys_to_mb(5))
        old = process(env.unwrapped.backend)
        os.killpg(old, signal.SIGKILL)
        with pytest.raises(BackendError, match="reset"):
            for _ in range(3):
                env.step(keys_to_mb(5))
        obs, info = env.reset()
        assert info["frame"] == 0 and process(env.unwrapped.backend) != old
        env.step(keys_to_mb(5))
        assert_gone([old])
    finally:
        pids = backend_pids(env)
        env.close()
        assert_gone(pids)


@needs_node
def test_many_node_envs_do_not_collide_and_gc_kills():
    envs = [NodeBackend() for _ in range(3)]
    ports = {e.server.port for e in envs}
    assert len(ports) == 3
    for e in envs:
        assert e.reset().frame == 0
    pids = [e.server.pid for e in envs]
    del envs, e
    gc.collect()
    assert_gone(pids)


@needs_node
def test_the_server_listens_on_127_0_0_1_only():
    from qwop_sim.backends.server_process import ServerProcess

    server = ServerProcess()
    try:
        assert server.url == f"http://127.0.0.1:{server.port}"
        listening = set()
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            with open(table) as f:
                for row in f.read().splitlines()[1:]:
                    local, state = row.split()[1], row.split()[3]
                    addr, port = local.rsplit(":", 1)
                    if state == "0A" and int(port, 16) == server.port:  # 0A: LISTEN
                        listening.add(addr)
        assert listening == {"0100007F"}, listening  # 127.0.0.1 (little-endian hex), nothing else
    finally:
        server.close()
    assert_gone([server.pid])


# ---- browser -------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def browser_envs():
    envs = {}
    yield envs
    pids = [p for e in envs.values() for p in backend_pids(e)]
    for e in envs.values():
        e.close()
    assert_gone(pids)


def _browser_env(browser_envs, env_id):
    if env_id not in browser_envs:
        browser_envs[env_id] = gym.make(env_id, backend="browser")
    return browser_envs[env_id]


@needs_browser
@pytest.mark.parametrize("env_id", list(ENV_IDS))
def test_check_env_browser(browser_envs, env_id):
    quiet_check(_browser_env(browser_envs, env_id))


@needs_browser
def test_browser_deterministic_and_equal_to_node(browser_envs, node_env):
    env = _browser_env(browser_envs, "qwop-v0")
    a = run_keys(env, GAIT)
    b = run_keys(env, GAIT)
    assert len(a) == len(b) and all(np.array_equal(x, y) for x, y in zip(a, b))
    n = run_keys(node_env, GAIT)  # the same core and the same Box2D bits in Node and in the page
    assert len(n) == len(a) and all(np.array_equal(x, y) for x, y in zip(a, n))


@needs_browser
def test_browser_backend_api_and_stale_reply(browser_envs):
    b = _browser_env(browser_envs, "qwop-v0").unwrapped.backend
    b.reset()
    states = b.steps([(9, 3), (6, 2), (0, 1)], states=True)
    assert [s.frame for s in states] == [3, 5, 6]
    echo = b.set_state(states[0])
    assert np.array_equal(echo.bodies, states[0].bodies) and echo.frame == 3
    st, fr = b.step_frame(5, 2, 640, 400)  # a ~1 MB reply
    assert fr.shape == (400, 640, 3) and st.frame == 5
    b.page._send(b'{"id":999999,"method":"Runtime.evaluate","params":{"expression":"1"}}')  # never read
    assert b.state().frame == 5  # the stale reply is skipped by its id
    with pytest.raises(BackendError, match="the page raised"):
        b.page.evaluate("null.x")
    assert b.state().frame == 5


@needs_browser
def test_browser_frames_same_look_as_sim(browser_envs):
    env = _browser_env(browser_envs, "frame-qwop-v0")
    obs, _ = env.reset()
    sim = gym.make("frame-qwop-v0")
    sobs, _ = sim.reset()
    sim.close()
    assert obs.shape == sobs.shape == (64, 64, 3)
    assert np.abs(obs.astype(int) - sobs.astype(int)).mean() < 1.0  # same start pose, same look
    for k in GAIT[:8]:
        obs = env.step(keys_to_mb(k))[0]
    # the page's frame of the game's state = qwop_sim.render of that state (hurdle still standing)
    np.testing.assert_array_equal(obs, render_rgb(env.unwrapped.state, 64, 64))
    m = _browser_env(browser_envs, "multi-frame-qwop-v0")
    mo, _ = m.reset()
    assert np.array_equal(mo[..., 0], mo[..., 2])
    mo = m.step(keys_to_mb(5))[0]
    assert mo.shape == (64, 64, 3)


@pytest.mark.parametrize("backend", ["sim", "node", "browser"])
def test_a_backend_kwarg_it_does_not_take_is_an_error_naming_it(backend):
    """A typo in backend_kwargs is a TypeError naming the key (and what the backend takes), before
    any process starts; so is an argument that was removed (the browser's `transport`)."""
    before = _children()
    with pytest.raises(TypeError, match=r"backend '%s' takes no argument 'drwa' \(its arguments: " % backend):
        gym.make("qwop-v0", backend=backend, backend_kwargs={"drwa": True})
    with pytest.raises(TypeError, match="'seed'"):
        make_backend(backend, seed=0)
    assert _children() == before
    with pytest.raises(TypeError, match="transport"):
        BrowserBackend(transport="cdp")


def test_the_known_backend_kwargs_are_taken():
    from qwop_sim.physics import LEGACY_SETTINGS

    env = gym.make("qwop-v0", backend_kwargs={"settings": LEGACY_SETTINGS})
    assert env.unwrapped.backend.sim.settings is LEGACY_SETTINGS
    env.close()


@needs_browser
def test_browser_rgb_array_close_idempotent():
    env = gym.make("qwop-v0", backend="browser", render_mode="rgb_array")
    try:
        o1 = run_keys(env, GAIT[:10])
        img = env.render()
        assert img.shape == (400, 640, 3) and img.dtype == np.uint8 and img.std() > 0
    finally:
        pids = backend_pids(env)
        env.close()
        env.close()  # no-op
        assert_gone(pids)
    ref = gym.make("qwop-v0", backend="node")
    try:
        o2 = run_keys(ref, GAIT[:10])
    finally:
        ref.close()
    assert all(np.array_equal(x, y) for x, y in zip(o1, o2))


REPO = Path(__file__).resolve().parents[2]


def _sub_env() -> dict:
    """The environment of a child Python: it imports this checkout's qwop_sim (not whatever an
    editable install elsewhere points at)."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}


SCRIPT = textwrap.dedent("""
    import os, signal, sys, time, gymnasium as gym, qwop_sim
    env = gym.make("qwop-v0", backend=sys.argv[1])
    env.reset(); env.step(env.action_space.sample())
    b = env.unwrapped.backend
    pids = b.pids() + [b.chromium.driver_pid] if hasattr(b, "pids") else [b.server.pid]
    print(" ".join(map(str, pids)), flush=True)
    if sys.argv[2] == "raise":
        raise RuntimeError("boom")
    if sys.argv[2] == "sigint":
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(30)
    if sys.argv[2] == "sleep":
        time.sleep(60)
""")


@needs_browser
@pytest.mark.parametrize("how", ["raise", "sigint", "exit"])
def test_no_process_left_after_exception_ctrl_c_or_exit(how, tmp_path):
    script = tmp_path / "s.py"
    script.write_text(SCRIPT)
    p = subprocess.run([sys.executable, str(script), "browser", how], capture_output=True, text=True,
                       timeout=60, cwd=REPO, env=_sub_env())
    pids = [int(x) for x in p.stdout.split()]
    assert len(pids) == 3, p.stderr  # server, chromium, Playwright's driver
    if how != "exit":
        assert p.returncode != 0
    assert_gone(pids)


@needs_browser
def test_no_process_left_after_parent_is_killed(tmp_path):
    """SIGKILL of Python: the server exits when its stdin pipe closes, Playwright's driver too and
    it takes its Chromium with it (no finalizer can run)."""
    script = tmp_path / "s.py"
    script.write_text(SCRIPT)
    p = subprocess.Popen([sys.executable, str(script), "browser", "sleep"], stdout=subprocess.PIPE,
                         text=True, cwd=REPO, env=_sub_env())
    try:
        pids = [int(x) for x in p.stdout.readline().split()]
        assert len(pids) == 3
    finally:
        p.kill()
        p.wait()
        p.stdout.close()
    assert_gone(pids, timeout=10)
    from qwop_sim.backends.processes import remove_stale_folders

    remove_stale_folders()  # what the next browser start does: the dead parent's profile goes
    assert not list(Path(tempfile.gettempdir()).glob(f"qwop-chromium-{p.pid}-*"))


@needs_browser
def test_no_temporary_folders_left_after_parent_is_killed(tmp_path):
    """Chromium's org.chromium.Chromium.* and Playwright's playwright-artifacts-* folders of a killed
    Python, Chromium and driver (SIGKILL: none can clean up) do not pile up in the temporary folder:
    they live in the driver's private folder, which the next browser start removes with the profile."""
    script = tmp_path / "s.py"
    script.write_text(SCRIPT)
    # the child's temporary folder, to look at it alone (short: Chromium puts a Unix socket there)
    tmp = Path(tempfile.mkdtemp(prefix="qwt"))
    p = subprocess.Popen([sys.executable, str(script), "browser", "sleep"], stdout=subprocess.PIPE,
                         text=True, cwd=REPO, env={**_sub_env(), "TMPDIR": str(tmp)})
    try:
        pids = [int(x) for x in p.stdout.readline().split()]
        assert len(pids) == 3
    finally:
        p.kill()
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        p.wait()
        p.stdout.close()
    assert_gone(pids, timeout=10)
    left = sorted(d.name for d in tmp.iterdir())
    try:
        assert left and all(n.startswith(("qwop-chromium-", "qwop-pw-")) for n in left), left
        from qwop_sim.backends.processes import remove_stale_folders

        remove_stale_folders(str(tmp))  # what the next browser start does
        assert list(tmp.iterdir()) == []
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


MANY = textwrap.dedent("""
    import gc, os, signal, sys, time
    from qwop_sim.backends.browser import BrowserBackend
    bs = [BrowserBackend() for _ in range(3)]
    driver = bs[0].chromium.driver_pid
    assert all(b.chromium.driver_pid == driver for b in bs)  # one Playwright driver per process
    os.killpg(os.getpgid(0), signal.SIGINT) if sys.argv[1] == "ctrl-c" else None  # what a terminal does
    states = [b.reset() for b in bs] + [b.step(5, 2) for b in bs]
    assert [s.frame for s in states] == [0, 0, 0, 2, 2, 2]
    print(" ".join(str(b.server.port) for b in bs), flush=True)
    print(" ".join(str(p) for b in bs for p in b.pids()), driver, flush=True)
    del bs
    gc.collect()
    print("collected", flush=True)
    time.sleep(30)
""")


@needs_browser
@pytest.mark.parametrize("how", ["gc", "ctrl-c"])
def test_many_browsers_do_not_collide_and_gc_leaves_nothing(how, tmp_path):
    """Three browser backends in one process share one Playwright driver, each its own server and
    Chromium; garbage collection kills them all, the driver with the last one. A Ctrl-C at the
    terminal (SIGINT to the whole process group, caught here) does not kill the driver or the
    browsers under the running envs."""
    script = tmp_path / "many.py"
    script.write_text(MANY)
    code = ("import signal; signal.signal(signal.SIGINT, lambda *a: None); "  # a no-op handler, not SIG_IGN
            f"import runpy, sys; sys.argv = ['many', {how!r}]; runpy.run_path({str(script)!r})")
    p = subprocess.Popen([sys.executable, "-c", code],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                         cwd=REPO, env=_sub_env())
    try:
        ports = p.stdout.readline().split()
        pids = [int(x) for x in p.stdout.readline().split()]
        assert len(set(ports)) == 3 and len(set(pids)) == 7, p.stderr.read() if p.poll() is not None else ""
        assert p.stdout.readline().strip() == "collected"
        assert_gone(pids, timeout=10)
        assert p.poll() is None  # the parent still runs: GC did it, not the exit
    finally:
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()
        p.stdout.close()
        p.stderr.close()


def test_missing_playwright_clear_error(monkeypatch):
    from qwop_sim.backends.playwright_thread import PlaywrightThread

    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)  # import fails
    monkeypatch.setattr(PlaywrightThread, "_current", None)
    with pytest.raises(BackendError, match="pip install playwright"):
        PlaywrightThread.acquire()


@needs_node
def test_make_backend_and_close_idempotent():
    b = make_backend("node")
    pid = b.server.pid
    b.close()
    b.close()
    assert_gone([pid])
    with pytest.raises(BackendError, match="closed"):
        b.reset()
    with pytest.raises(ValueError):
        make_backend("unity")


@needs_node
def test_make_vec_async_on_node():
    envs = gym.make_vec("qwop-v0", num_envs=2, vectorization_mode="async", backend="node")
    try:
        obs, _ = envs.reset(seed=0)
        assert obs.shape == (2, core.OBS_SIZE)
        for _ in range(20):
            obs, r, term, trunc, info = envs.step(envs.action_space.sample())
        assert r.shape == (2,)
    finally:
        envs.close()


def test_every_backend_has_the_whole_backend_api():
    """Each backend class has every method of the Backend protocol (base.Backend), hurdle() included:
    the env and the viewer call them without asking."""
    from qwop_sim.backends.base import Backend
    from qwop_sim.backends.sim import SimBackend

    api = [n for n, v in vars(Backend).items() if callable(v) and not n.startswith("_")]
    assert "hurdle" in api and "step_frame" in api
    for cls in (SimBackend, NodeBackend, BrowserBackend):
        assert not [n for n in api if not callable(getattr(cls, n, None))], cls


def test_qwopenv_doc_names_each_backends_kwargs():
    """QWOPEnv's backend_kwargs text names what each backend takes (make_backend refuses the rest)."""
    import inspect

    from qwop_sim.backends.sim import SimBackend
    from qwop_sim.envs.qwop_env import QWOPEnv

    doc = QWOPEnv.__doc__.split("backend_kwargs:")[1].split("reset(seed")[0]
    doc = " ".join(doc.split())
    for cls in (SimBackend, NodeBackend, BrowserBackend):
        for name in inspect.signature(cls).parameters:
            assert f'"{cls.name}" takes ``{name}``' in doc or f'"{cls.name}" ``{name}``' in doc, (cls.name, name)
    with pytest.raises(TypeError, match="takes no argument 'draw'"):
        QWOPEnv(backend="sim", backend_kwargs={"draw": True})
    assert "Any other key is a TypeError" in doc


def test_sim_backend_hurdle_is_the_sims_pose():
    """SimBackend.hurdle(): None while the hurdle stands at its start (not yet added), then the
    sim's pose as RawState.hurdle holds it (float64 rows base, top)."""
    b = make_backend("sim")
    st = b.reset()
    assert b.hurdle() is None
    st.bodies[:, 0] += 485  # past HURDLE_NEAR: the sim adds the hurdle
    b.set_state(st)
    b.step(0, 3)
    h = b.hurdle()
    assert h.shape == (2, 6) and h.dtype == np.float64
    assert h.tolist() == [b.sim.hurdle_state()["base"], b.sim.hurdle_state()["top"]]


# ---- the human view draws the hurdle as it is, on every backend ------------------------------------
@pytest.mark.parametrize("backend", [
    "sim",
    pytest.param("node", marks=needs_node),
    pytest.param("browser", marks=needs_browser),
])
def test_human_view_draws_the_hurdle_knocked_over(monkeypatch, backend):
    """The runner is put just before the hurdle, moving forward: it knocks the hurdle over, and the
    human view (render_mode="human") draws it lying, not standing. The game backends deliver the
    hurdle's pose in their states (RawState.hurdle); every backend gives it by hurdle()."""
    import qwop_sim.render as render
    from qwop_sim.render import hurdle_poses

    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    drawn = []
    draw = render.draw_surface
    monkeypatch.setattr(render, "draw_surface", lambda surface, state, **kw: (
        drawn.append(hurdle_poses(state, kw.get("hurdle"))), draw(surface, state, **kw))[1])
    env = gym.make("qwop-v0", backend=backend, render_mode="human")
    try:
        start = env.unwrapped.backend.reset().copy()
        start.bodies[:, 0] += 485  # the hurdle stands at x = 500
        start.bodies[:, 3] = 10.0
        env.reset(options={"state": start})
        standing = drawn[-1]
        assert standing[0][2] == standing[1][2] == 0.0
        for _ in range(30):  # 60 game frames
            *_, term, trunc, _ = env.step(keys_to_mb(0))
            assert not (term or trunc)
        base, top = drawn[-1]
        assert base[2] > 1.0 and top[2] > 1.0, (base, top)  # lying on the track
        h = env.unwrapped.backend.hurdle()
        assert h.shape == (2, 6) and h.dtype == np.float64
        np.testing.assert_array_equal(h[:, :3], np.array([base, top]))
        if backend != "sim":
            np.testing.assert_array_equal(env.unwrapped.state.hurdle, h)
    finally:
        pids = backend_pids(env) if backend != "sim" else []
        env.close()
        assert_gone(pids)
