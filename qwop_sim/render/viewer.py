"""The pygame viewer: a person plays the simulator, or watches a replay or a policy.

    python -m qwop_sim.render                      # play: Q W O P; R restarts; space restarts after the end
    python -m qwop_sim.render --replay keys.json   # replay a recorded key sequence
    python -m qwop_sim.render --policy ckpt.pt     # watch a trained policy (rlqwop.policy.load_policy)
    python -m qwop_sim.render --record out.gif --frames 300 --headless

Replay files (--replay FILE): JSON (optionally gzipped) holding either a list of key ints, one per
frame (Q=1 W=2 O=4 P=8), or an object {"keys": [...]} (the real-game recordings' format). For a file of
several sequences ({"sequences": {name: {"keys": [...]}}}, e.g. reference/
real-qwop-trajectories.json.gz) name one with FILE#NAME. keys[i] is held during frame i + 1.

Policy hook (--policy CHECKPOINT): `rlqwop.policy.load_policy(path)` returns a callable
`action = policy(obs)`. obs is `policy.observe(state)` when the policy carries such a method, else
for a pixel policy (policy.spec["obs_shape"] 3-D) the agent frame of that size, else
`qwop_sim.envs.core.observation(state)`. The action is turned into keys by `policy.to_keys(action)`
when present, else: an int is the 4-bit keys, a sequence of 4 flags is (Q, W, O, P). A policy with a
`frame_skip` attribute decides every frame_skip frames and its keys are held in between.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from typing import Any, Callable, Sequence

import numpy as np

from qwop_sim.constants import KEYS
from qwop_sim.render.draw import draw_surface, render_rgb, surface_to_rgb

FPS = 30
DEFAULT_SIZE = (640, 400)


# ---- key sequences and policies ----------------------------------------------------------------------
def load_replay(spec: str) -> list[int]:
    """Keys per frame from FILE or FILE#SEQUENCE (see the module doc for the formats)."""
    path, _, name = spec.partition("#")
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        data = json.load(f)
    if isinstance(data, dict) and "sequences" in data:
        seqs = data["sequences"]
        if not name:
            raise ValueError(f"{path} holds several sequences; pick one with {path}#NAME: {', '.join(seqs)}")
        data = seqs[name]
    if isinstance(data, dict):
        data = data["keys"]
    keys = [int(k) for k in data]
    if any(k < 0 or k > 15 for k in keys):
        raise ValueError("replay keys must be 4-bit integers (0..15)")
    return keys


def save_replay(path: str, keys: Sequence[int]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"keys": [int(k) for k in keys]}, f)


def load_policy(path: str) -> Callable[[Any], Any]:
    """The PPO engineer's loader, `rlqwop.policy.load_policy(path)`, with a clear error when absent."""
    try:
        from rlqwop.policy import load_policy as _load
    except ImportError as e:  # pragma: no cover - depends on the training extra
        raise SystemExit(f"--policy needs rlqwop.policy.load_policy (pip install -e '.[train]'): {e}")
    return _load(path)


def action_to_keys(action: Any) -> int:
    a = np.asarray(action)
    if a.ndim == 0:
        return int(a) & 15
    flags = a.reshape(-1)[:4]
    return int(sum(int(bool(f)) << i for i, f in enumerate(flags)))


def policy_keys(policy: Any, state: Any) -> int:
    """One decision of a loaded policy for a raw state (see the module doc)."""
    shape = tuple(getattr(policy, "spec", {}).get("obs_shape", ()) or ())
    if hasattr(policy, "observe"):
        obs = policy.observe(state)
    elif len(shape) == 3:  # a pixel policy (frame-qwop-v0): the agent frame, HWC or CHW
        from qwop_sim.render.draw import render_rgb

        if shape[-1] in (1, 3):
            f = render_rgb(state, shape[1], shape[0])
            obs = f if shape[-1] == 3 else f.mean(axis=2, keepdims=True).astype(np.uint8)
        else:
            f = render_rgb(state, shape[2], shape[1]).transpose(2, 0, 1)
            obs = f if shape[0] == 3 else f.mean(axis=0, keepdims=True).astype(np.uint8)
    else:
        from qwop_sim.envs import core  # the one place that defines observations

        obs = core.observation(state)
    action = policy(obs)
    if hasattr(policy, "to_keys"):
        return int(policy.to_keys(action))
    return action_to_keys(action)


def make_sim():
    try:
        from qwop_sim.physics import QWOPSim
    except ImportError as e:
        raise SystemExit(f"the viewer needs qwop_sim.physics.QWOPSim: {e}")
    return QWOPSim()


# ---- the viewer ---------------------------------------------------------------------------------------
class Viewer:
    """A window (or an offscreen surface when headless) showing a simulator at 30 frames/s.

    `step(keys)` advances the game one frame and redraws; `surface` is what is shown; `frame()` is it
    as uint8 (H, W, 3). After the game ends the physics keep running (keys released) under the end
    screen until `reset()`.
    """

    def __init__(self, sim: Any = None, size: tuple[int, int] = DEFAULT_SIZE, headless: bool = False,
                 record: str | None = None, hud: bool = True,
                 title: str = "QWOP-RL: Q W O P run, R restarts, space after the end, Esc quits",
                 agent_view: tuple[int, int] | None = None):
        if headless:
            os.environ["SDL_VIDEODRIVER"] = "dummy"
            os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        import pygame

        self.pg = pygame
        pygame.display.init()
        pygame.font.init()
        self.headless = headless
        self.size = (int(size[0]), int(size[1]))
        if headless:
            self.window = None
            self.surface = pygame.Surface(self.size)
        else:
            self.window = pygame.display.set_mode(self.size)
            pygame.display.set_caption(title)
            self.surface = self.window
        self.sim = sim if sim is not None else make_sim()
        self.hud = hud
        self.agent_view = agent_view  # (w, h): show the agent's frame scaled up instead of the scene
        self.keys = 0
        self.record_path = record
        self._writer = None
        if record:
            import imageio

            self._writer = imageio.get_writer(record, mode="I", duration=1000 / FPS, loop=0)
        self.state = self.sim.reset()
        self.frames_shown = 0
        self.draw()

    # one game frame
    def step(self, keys: int = 0) -> Any:
        self.keys = int(keys) & 15
        done = bool(getattr(self.state, "fallen", False) or getattr(self.state, "finished", False))
        self.state = self.sim.step(0 if done else self.keys, 1)
        self.draw()
        return self.state

    def reset(self) -> Any:
        self.state = self.sim.reset()
        self.keys = 0
        self.draw()
        return self.state

    @property
    def done(self) -> bool:
        return bool(getattr(self.state, "fallen", False) or getattr(self.state, "finished", False))

    def draw(self) -> None:
        # the hurdle's pose: QWOPSim.hurdle_state() ({"base": [x, y, angle, ...], "top": [...]}, None while
        # it stands asleep), else state.hurdle when the state carries it, else standing
        pose = getattr(self.sim, "hurdle_state", None)
        hurdle = pose() if callable(pose) else None
        if self.agent_view:
            small = render_rgb(self.state, self.agent_view[0], self.agent_view[1], hurdle)
            W, H = self.size
            rows = (np.arange(H) * small.shape[0]) // H
            cols = (np.arange(W) * small.shape[1]) // W
            self.pg.surfarray.blit_array(self.surface, small[rows][:, cols].transpose(1, 0, 2))
        else:
            draw_surface(self.surface, self.state, hud=self.hud, keys=self.keys, hurdle=hurdle)
        if self.window is not None:
            self.pg.display.flip()
        if self._writer is not None:
            self._writer.append_data(self.frame())
        self.frames_shown += 1

    def frame(self) -> np.ndarray:
        return surface_to_rgb(self.surface)

    def held_keys(self) -> int:
        """Q W O P as held on the keyboard now (4-bit)."""
        pressed = self.pg.key.get_pressed()
        keys = 0
        for name, bit in KEYS.items():
            if pressed[getattr(self.pg, "K_" + name.lower())]:
                keys |= bit
        return keys

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        self.pg.display.quit()

    # the main loop
    def run(self, frames: int | None = None, replay: Sequence[int] | None = None,
            policy: Any = None, realtime: bool | None = None) -> int:
        """Play until the window closes (or `frames` frames). Returns the number of frames stepped.

        Keys come from `replay` (then released), else from `policy`, else from the keyboard.
        """
        pg = self.pg
        realtime = (not self.headless) if realtime is None else realtime
        clock = pg.time.Clock()
        i = 0
        t_replay = 0
        ended = 0  # frames shown since the game ended
        policy_left, policy_held = 0, 0
        try:
            while frames is None or i < frames:
                restart = False
                for ev in pg.event.get():
                    if ev.type == pg.QUIT or (ev.type == pg.KEYDOWN and ev.key == pg.K_ESCAPE):
                        return i
                    if ev.type == pg.KEYDOWN and (ev.key == pg.K_r or (ev.key == pg.K_SPACE and self.done)):
                        restart = True
                if restart:
                    self.reset()
                    t_replay = 0
                    policy_left = 0
                if replay is not None:
                    keys = replay[t_replay] if t_replay < len(replay) else 0
                    t_replay += 1
                    if frames is None and self.headless and t_replay > len(replay) + FPS:
                        return i
                elif policy is not None:
                    # a policy decides every policy.frame_skip frames (1 if absent) and its keys are held
                    if self.done:
                        keys = 0
                    elif policy_left <= 0:
                        policy_held = policy_keys(policy, self.state)
                        policy_left = max(1, int(getattr(policy, "frame_skip", 1) or 1))
                        keys = policy_held
                    else:
                        keys = policy_held
                    policy_left -= 1
                elif self.window is not None:
                    keys = self.held_keys()
                else:
                    keys = 0
                self.step(keys)
                i += 1
                ended = ended + 1 if self.done else 0
                if frames is None and self.headless and ended > FPS:
                    return i  # headless replay: one second of the end screen, then stop
                if realtime:
                    clock.tick(FPS)
            return i
        finally:
            self.close()


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m qwop_sim.render", description="\n\n".join(__doc__.split("\n\n")[:2]),
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="Replay format: a JSON list of key ints per frame, or {\"keys\": [...]}, "
                                        "or FILE#NAME for a file of {\"sequences\": {NAME: {\"keys\": [...]}}}.")
    ap.add_argument("--replay", metavar="FILE[#NAME]", help="replay a recorded key sequence")
    ap.add_argument("--policy", metavar="CHECKPOINT", help="let a trained policy play (rlqwop.policy.load_policy)")
    ap.add_argument("--record", metavar="OUT.gif", help="write what is shown to a GIF (imageio)")
    ap.add_argument("--frames", type=int, default=None, help="stop after N frames")
    ap.add_argument("--headless", action="store_true",
                    help="no window (SDL dummy driver), as fast as possible; a --replay without --frames stops "
                         "1 s after its keys run out or the game ends")
    ap.add_argument("--size", default=f"{DEFAULT_SIZE[0]}x{DEFAULT_SIZE[1]}", help="window size WxH (640x400)")
    ap.add_argument("--no-hud", action="store_true", help="no text")
    ap.add_argument("--agent-view", metavar="WxH", help="show the agent's frame of this size (e.g. 64x64), "
                    "scaled up to the window with nearest pixels, no text")
    args = ap.parse_args(argv)
    if args.replay and args.policy:
        ap.error("--replay and --policy exclude each other")
    if args.headless and args.frames is None and not args.replay:
        ap.error("--headless needs --frames N (or a --replay, which ends on its own)")
    w, _, h = args.size.lower().partition("x")
    replay = load_replay(args.replay) if args.replay else None
    policy = load_policy(args.policy) if args.policy else None
    agent = None
    if args.agent_view:
        aw, _, ah = args.agent_view.lower().partition("x")
        agent = (int(aw), int(ah))
    viewer = Viewer(size=(int(w), int(h)), headless=args.headless, record=args.record, hud=not args.no_hud,
                    agent_view=agent)
    t0 = time.perf_counter()
    n = viewer.run(frames=args.frames, replay=replay, policy=policy)
    dt = time.perf_counter() - t0
    st = viewer.state
    print(f"{n} frames in {dt:.1f} s; distance {getattr(st, 'distance', 0.0):.1f} m, "
          f"clock {getattr(st, 'clock', 0.0):.1f} s" + (f"; recorded {args.record}" if args.record else ""),
          file=sys.stderr)
    return 0
