"""qwop_sim.render: the numpy frames, the pygame viewer, and parity with game/src/render.js."""
from __future__ import annotations

import base64
import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from qwop_sim.constants import BODY_INDEX, BODY_ORDER, C  # noqa: E402
from qwop_sim.render import FrameRenderer, render_rgb, scene_shapes  # noqa: E402
from qwop_sim.render import viewer as viewer_mod  # noqa: E402
from qwop_sim.state import RawState  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
RENDER_JS = ROOT / "game" / "src" / "render.js"


def start_bodies() -> np.ndarray:
    b = C["bodies"]
    return np.array([[b[n]["x"], b[n]["y"], b[n]["angle"], 0, 0, 0] for n in BODY_ORDER], dtype=np.float64)


def start_state(**kw) -> RawState:
    return RawState(bodies=start_bodies(), **kw)


def palette() -> set[tuple[int, int, int]]:
    art = C["art"]
    cols = {tuple(v) for v in art["colours"].values()}
    f = art["far_side_shade"]
    cols |= {tuple(int(np.floor(c * f + 0.5)) for c in art["colours"][art["body_colours"][n]])
             for n in art["draw_order"] if n.startswith("left")}
    return cols


def sample_states() -> list[dict]:
    out = [start_state().to_dict()]
    rng = np.random.default_rng(1)
    for shift, hurdle in ((40.0, None), (497.0, None), (500.0, {"base": [501.0, 8.7, 0.3], "top": [503.0, 6.0, 1.2]}),
                          (1003.0, None)):
        b = start_bodies()
        b[:, 0] += shift
        b[:, 2] += rng.normal(0, 0.6, len(b))
        d = RawState(bodies=b, distance=shift / 10).to_dict()
        if hurdle:
            d["hurdle"] = hurdle
        out.append(d)
    return out


# ---- numpy frames ------------------------------------------------------------------------------------
def test_frame_shape_dtype_and_pose_dependence():
    s = start_state()
    f = render_rgb(s)
    assert f.shape == (64, 64, 3) and f.dtype == np.uint8
    assert render_rgb(s, 84, 48).shape == (48, 84, 3)
    b = s.bodies.copy()
    b[BODY_INDEX["rightThigh"], 2] += 0.8
    g = render_rgb(b)
    assert (f != g).any(axis=2).sum() > 5
    r = FrameRenderer(64, 64)
    assert np.array_equal(r(s), f) and np.array_equal(r(s.to_dict()), f)


def test_agent_frames_have_no_text():
    """Only the art's flat colours appear: no anti-aliased text, no HUD."""
    pal = palette()
    for st in sample_states():
        st = dict(st, fallen=True)  # an ended game must not show the end screen either
        for w, h in ((64, 64), (640, 400)):
            f = render_rgb(st, w, h)
            used = {tuple(c) for c in np.unique(f.reshape(-1, 3), axis=0)}
            assert used <= pal, used - pal


def test_scene_features_visible():
    pal = C["art"]["colours"]
    # a marker (white) on the track at 0 m: the start pose's view spans x = 2.5 +- 10
    f = render_rgb(start_state(), 64, 64)
    assert (f == pal["marker"]).all(axis=2).any()
    # the hurdle (standing) near 50 m
    b = start_bodies(); b[:, 0] += 495.0
    assert (render_rgb(b, 64, 64) == pal["hurdle_top"]).all(axis=2).any()
    # the sand pit from 100 m
    b = start_bodies(); b[:, 0] += 1005.0
    assert (render_rgb(b, 64, 64) == pal["sand"]).all(axis=2).any()


def test_camera_follows_torso():
    b = start_bodies()
    shapes = scene_shapes(b, 640, 400)[0]
    torso = shapes[-12:][C["art"]["draw_order"].index("torso")]
    assert torso[1] == pytest.approx(320.0) and torso[5] == pytest.approx(131 / 2)


def test_frame_is_fast():
    import time

    r = FrameRenderer(64, 64)
    s = start_state()
    t = time.perf_counter()
    for _ in range(200):
        r.render(s, copy=False)
    assert (time.perf_counter() - t) / 200 < 5e-3


# ---- parity with render.js ----------------------------------------------------------------------------
NODE_SCRIPT = r"""
const R = require(process.argv[1]); const C = require(process.argv[2]);
const req = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = req.states.map((st) => req.sizes.map(([w, h]) => Buffer.from(R.renderRGB(st, C, w, h)).toString('base64')));
process.stdout.write(JSON.stringify(out));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_same_pixels_as_render_js():
    states = sample_states()
    sizes = [(64, 64), (640, 400), (84, 84)]
    res = subprocess.run(["node", "-e", NODE_SCRIPT, str(RENDER_JS), str(ROOT / "game" / "qwop.json")],
                         input=json.dumps({"states": states, "sizes": sizes}), capture_output=True, text=True,
                         timeout=60, check=True)
    js = json.loads(res.stdout)
    for st, row in zip(states, js):
        for (w, h), b64 in zip(sizes, row):
            a = np.frombuffer(base64.b64decode(b64), np.uint8).reshape(h, w, 3)
            assert np.array_equal(a, render_rgb(st, w, h)), (w, h)


def test_canvas_in_chromium_matches_python():
    """drawScene's default ('pixel') mode on a real canvas gives exactly the Python frames."""
    from playwright.sync_api import sync_playwright

    from qwop_sim.backends.programs import chromium_executable  # the backends' one lookup; CI has it

    states = sample_states()[:3]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_executable(), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run"])
        try:
            page = browser.new_page()
            page.set_content("<html><body><canvas id=c></canvas></body></html>")
            page.add_script_tag(path=str(RENDER_JS))
            for st in states:
                for w, h in ((64, 64), (640, 400)):
                    b64 = page.evaluate("""([st, C, w, h]) => {
                        const cv = document.getElementById('c'); cv.width = w; cv.height = h;
                        const ctx = cv.getContext('2d');
                        QWOPRender.drawScene(ctx, st, C, {hud: false});
                        const d = ctx.getImageData(0, 0, w, h).data; let s = '';
                        for (let i = 0; i < d.length; i += 4) s += String.fromCharCode(d[i], d[i + 1], d[i + 2]);
                        return btoa(s); }""", [st, C, w, h])
                    a = np.frombuffer(base64.b64decode(b64), np.uint8).reshape(h, w, 3)
                    assert np.abs(a.astype(int) - render_rgb(st, w, h)).mean() == 0.0
        finally:
            browser.close()


# ---- the viewer -----------------------------------------------------------------------------------------
FALL_KEYS = C["keys"]["O"]  # held from the start, O falls at the 48th game frame


class ScriptedPolicy:
    """A policy as a loader gives it (policy_loaders.py): callable, env_id, env_kwargs. Plays a
    fixed action and keeps every observation it is given."""

    def __init__(self, env_id="qwop-v0", action=FALL_KEYS, **env_kwargs):
        self.env_id, self.env_kwargs, self.action = env_id, env_kwargs, action
        self.seen = []

    def __call__(self, obs):
        self.seen.append(np.array(obs))
        return self.action


def test_viewer_offscreen_picture_changes_with_keys():
    v = viewer_mod.Viewer(viewer_mod.play_env(), headless=True)
    try:
        first = v.frame()
        assert first.shape == (400, 640, 3)
        for _ in range(8):
            v.step(0)
        idle = v.frame()
        v.reset()
        for _ in range(8):
            v.step(C["keys"]["Q"] | C["keys"]["P"])
        held = v.frame()
        assert (held != idle).any(axis=2).sum() > 50
        assert v.frames_shown >= 18
    finally:
        v.close()


def test_viewer_hud_shows_text_and_end_screen():
    v = viewer_mod.Viewer(viewer_mod.play_env(), headless=True)
    try:
        pal = palette()
        used = {tuple(c) for c in np.unique(v.frame().reshape(-1, 3), axis=0)}
        assert used - pal  # anti-aliased HUD text adds colours
        before = v.frame()
        v.state.fallen = True
        v.draw()
        assert (v.frame() != before).any(axis=2).mean() > 0.05  # the end screen's panel
    finally:
        v.close()


def test_viewer_shows_the_env_it_steps_and_stops_stepping_at_the_end():
    """The picture is the env's own state, one game frame per step when playing; after the fall
    (terminated) a step only redraws, until reset."""
    import gymnasium as gym

    ref = gym.make("qwop-v0", frame_skip=1, action_mode="discrete")
    ref.reset()
    v = viewer_mod.Viewer(viewer_mod.play_env(), headless=True)
    try:
        for t in range(60):
            v.step(FALL_KEYS)
            if not ref.unwrapped.state.done:
                ref.step(FALL_KEYS)
            assert v.state.frame == ref.unwrapped.state.frame
            np.testing.assert_array_equal(v.state.bodies, ref.unwrapped.state.bodies)
        assert v.done and v.state.fallen and v.state.frame == 48 and v.keys == 0
        v.reset()
        assert not v.done and v.state.frame == 0
    finally:
        v.close()
        ref.close()


def test_replay_formats(tmp_path):
    p = tmp_path / "a.json"
    p.write_text("[0, 1, 9, 15]")
    assert viewer_mod.load_replay(str(p)) == [0, 1, 9, 15]
    (tmp_path / "b.json").write_text(json.dumps({"keys": [4, 8]}))  # the real-game recordings' format
    assert viewer_mod.load_replay(str(tmp_path / "b.json")) == [4, 8]
    g = tmp_path / "c.json.gz"
    with gzip.open(g, "wt") as f:
        json.dump({"sequences": {"x": {"keys": [2, 2]}}}, f)
    assert viewer_mod.load_replay(f"{g}#x") == [2, 2]
    with pytest.raises(ValueError):
        viewer_mod.load_replay(str(g))


def test_cli_records_gif(tmp_path):
    keys = tmp_path / "keys.json"
    keys.write_text(json.dumps({"keys": [1, 1, 8, 8, 2, 4]}))
    out = tmp_path / "out.gif"
    assert viewer_mod.main(["--headless", "--frames", "6", "--replay", str(keys), "--record", str(out),
                            "--size", "160x100"]) == 0
    import imageio.v3 as iio

    frames = iio.imread(out, index=None)
    assert frames.shape[0] >= 6 and frames.shape[1:3] == (100, 160)


def test_viewer_window_loop_with_dummy_display():
    """The interactive loop (window mode on SDL's dummy driver): keyboard polling, R restarts, Escape quits."""
    import pygame

    v = viewer_mod.Viewer(viewer_mod.play_env(), headless=False)
    assert v.window is not None
    assert v.run(frames=5, realtime=False) == 5
    v = viewer_mod.Viewer(viewer_mod.play_env(), headless=False)
    v.step(0)
    v.step(0)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_r))
    assert v.run(frames=3, realtime=False) == 3 and v.state.frame == 3  # restarted, then 3 frames
    v = viewer_mod.Viewer(viewer_mod.play_env(), headless=False)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE))
    assert v.run(frames=100, realtime=False) == 0


def test_keys_need_the_play_envs_discrete_actions():
    import gymnasium as gym

    v = viewer_mod.Viewer(gym.make("qwop-v0", frame_skip=1), headless=True)  # MultiBinary(4)
    with pytest.raises(ValueError, match="Discrete"):
        v.run(frames=1, replay=[1])
    v.close()


def test_policy_plays_its_env_on_the_envs_own_observations():
    """A policy plays the env it was trained on (id, frame skip, action mode; no start disturbance)
    and is given that env's observations as they are: a multi-frame policy gets the env's stacked
    grey frames, one call per env step (frame_skip game frames)."""
    import gymnasium as gym

    pol = ScriptedPolicy("multi-frame-qwop-v0", action=6, frame_skip=3, action_mode="discrete",
                         frame_size=32, init_noise=0.5, start_keys=4)
    env = viewer_mod.policy_env(pol)
    assert not env.unwrapped.start.active and env.unwrapped.frame_skip == 3
    v = viewer_mod.Viewer(env, headless=True)
    assert v.run(frames=6, policy=pol) == 6
    assert v.state.frame == 18
    ref = gym.make("multi-frame-qwop-v0", frame_skip=3, action_mode="discrete", frame_size=32)
    want = [ref.reset()[0]] + [ref.step(6)[0] for _ in range(5)]
    ref.close()
    assert len(pol.seen) == 6
    for got, exp in zip(pol.seen, want):
        assert got.shape == (32, 32, 3) and np.array_equal(got, exp)


def test_policy_of_another_env_is_refused():
    with pytest.raises(SystemExit, match="CartPole-v1"):
        viewer_mod.policy_env(ScriptedPolicy("CartPole-v1"))


def test_headless_policy_stops_one_second_after_its_episode_ends():
    pol = ScriptedPolicy(frame_skip=2, action_mode="discrete")
    v = viewer_mod.Viewer(viewer_mod.policy_env(pol), headless=True)
    n = v.run(policy=pol)
    assert v.state.fallen and v.state.frame == 48  # O held from the start, 2 frames a step
    assert n == 24 + 15 and len(pol.seen) == 24  # then 1 s of the end screen (15 steps/s)


# ---- policy loaders (entry points) ---------------------------------------------------------------------
LOADER = """
class Policy:
    env_id = "qwop-v0"
    env_kwargs = {"frame_skip": 4, "action_mode": "discrete"}
    def __call__(self, obs):
        assert obs.shape == (89,)
        return 4

def load(path):
    assert path == "some.ckpt", path
    return Policy()
"""


def _install_loader(tmp_path) -> Path:
    """A package providing a policy loader, as installed: its module and a dist-info declaring it."""
    site = tmp_path / "site"
    (site / "scripted_loader-1.0.dist-info").mkdir(parents=True)
    (site / "scripted_loader.py").write_text(LOADER)
    (site / "scripted_loader-1.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: scripted-loader\nVersion: 1.0\n")
    (site / "scripted_loader-1.0.dist-info" / "entry_points.txt").write_text(
        "[qwop_sim.policy_loaders]\na-scripted = scripted_loader:load\n")
    return site


def test_policy_flag_uses_the_installed_loader(tmp_path):
    """`--policy` finds its loader through the entry point group, whichever package declares it."""
    site = _install_loader(tmp_path)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(site), str(ROOT)]), SDL_VIDEODRIVER="dummy")
    r = subprocess.run([sys.executable, "-m", "qwop_sim.render", "--headless", "--policy", "some.ckpt"],
                       capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert r.returncode == 0, r.stderr[-3000:]
    # O held from the start falls at frame 48: 12 steps of 4 frames, then 1 s of end screen (8 steps)
    assert r.stderr.strip().splitlines()[-1].startswith("20 pictures"), r.stderr


def test_no_installed_loader_says_what_to_install(monkeypatch):
    from qwop_sim.render import policy_loaders

    monkeypatch.setattr(policy_loaders, "entry_points", lambda group: [])
    with pytest.raises(SystemExit, match="qwop_sim.policy_loaders"):
        policy_loaders.load_policy("x.pt")
