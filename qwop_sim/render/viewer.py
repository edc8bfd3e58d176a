"""The pygame viewer: a person plays a QWOP env, or watches a replay or a trained policy play one.

    python -m qwop_sim.render                      # play: Q W O P; R restarts; space restarts after the end
    python -m qwop_sim.render --backend node       # the same on the game's own physics (or browser)
    python -m qwop_sim.render --replay keys.json   # replay a recorded key sequence
    python -m qwop_sim.render --policy ckpt.pt     # watch a trained policy
    python -m qwop_sim.render --record out.gif --frames 300 --headless

What is shown is an env that the viewer steps, drawn from its raw state (``env.unwrapped.state``)
with the HUD. A person or a replay plays ``qwop-v0`` at frame_skip 1 with Discrete(16) actions: one
step per game frame (30 per second), the action being the keys held (Q=1 W=2 O=4 P=8). A policy
plays the env it was trained on (its id and gym.make kwargs, from the start pose: no start
disturbance) and acts on that env's observations as the env returns them; the picture then changes
once per env step (every frame_skip game frames), paced at the game clock's speed. When the episode
ends (fall, finish, time limit) the last picture stays, under the end screen, until a restart.

Replay files (--replay FILE): JSON (optionally gzipped) holding either a list of key ints, one per
frame, or an object {"keys": [...]} (the real-game recordings' format). For a file of several
sequences ({"sequences": {name: {"keys": [...]}}}, e.g. reference/real-qwop-trajectories.json.gz)
name one with FILE#NAME. keys[i] is held during frame i + 1.

Policies (--policy CHECKPOINT) are read by the installed policy loader (qwop_sim/render/policy_loaders.py:
rlqwop provides one for run.py's checkpoints).
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

from qwop_sim.constants import CLOCK_PER_FRAME, KEYS
from qwop_sim.envs import core
from qwop_sim.render.draw import draw_surface, render_rgb, surface_to_rgb

DEFAULT_SIZE = (640, 400)


# ---- what plays: key sequences, the play env, a policy's env -----------------------------------------
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


def play_env(backend: str = "sim"):
    """The env a person or a replay plays: qwop-v0, one game frame per step, the keys as the action."""
    import gymnasium as gym

    import qwop_sim  # noqa: F401  (registers the ids)

    return gym.make("qwop-v0", backend=backend, frame_skip=1, action_mode="discrete")


def policy_env(policy: Any, backend: str = "sim"):
    """The env a loaded policy plays: the one it was trained on (``policy.env_id``, ``policy.env_kwargs``:
    see policy_loaders.py) on ``backend``, from the start pose (its start disturbances left out)."""
    import gymnasium as gym

    from qwop_sim.envs import ENV_IDS
    from qwop_sim.envs.starts import plain_start

    env_id = str(getattr(policy, "env_id", None) or "qwop-v0").split(":")[-1]
    if env_id not in ENV_IDS:
        raise SystemExit(f"--policy: the policy plays {env_id!r}; the viewer shows {', '.join(ENV_IDS)}")
    kwargs = plain_start(dict(getattr(policy, "env_kwargs", None) or {}))
    return gym.make(env_id, **{**kwargs, "backend": backend})


def load_policy(path: str) -> Callable[[Any], Any]:
    """The policy in checkpoint ``path``, from the installed policy loader (policy_loaders.py)."""
    from qwop_sim.render.policy_loaders import load_policy as load

    return load(path)


# ---- the viewer ---------------------------------------------------------------------------------------
class Viewer:
    """A window (or an offscreen surface when headless) showing an env that it steps.

    `step(action)` steps the env once with an action of its action space and redraws; after the
    episode ended it only redraws (the end screen) until `reset()`. `surface` is what is shown;
    `frame()` is it as uint8 (H, W, 3). `close()` closes the window, the GIF and the env.
    """

    def __init__(self, env: Any = None, size: tuple[int, int] = DEFAULT_SIZE, headless: bool = False,
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
        self.env = env if env is not None else play_env()
        base = self.env.unwrapped
        self.action_mode = base.action_mode
        # one picture per env step, shown for as long as the step lasts on the game clock
        self.fps = 1.0 / (base.frame_skip * CLOCK_PER_FRAME)
        self.hud = hud
        self.agent_view = agent_view  # (w, h): show the agent's frame scaled up instead of the scene
        self._writer = None
        if record:
            import imageio

            self._writer = imageio.get_writer(record, mode="I", duration=1000 / self.fps, loop=0)
        self.frames_shown = 0
        self.reset()

    @property
    def state(self) -> Any:
        """The env's raw state (qwop_sim.state.RawState) after its last reset or step."""
        return self.env.unwrapped.state

    def reset(self) -> Any:
        """A new episode; returns the env's first observation."""
        self.obs, self.info = self.env.reset()
        self.keys = 0
        self.done = False
        self.draw()
        return self.obs

    def step(self, action: Any) -> Any:
        """One env step with ``action`` (ignored once the episode has ended); returns the observation."""
        if not self.done:
            self.keys = core.action_to_keys(action, self.action_mode)  # shown by the HUD
            self.obs, _, terminated, truncated, self.info = self.env.step(action)
            self.done = terminated or truncated
        else:
            self.keys = 0
        self.draw()
        return self.obs

    def draw(self) -> None:
        # the hurdle's pose from the backend (Backend.hurdle; None: standing), as the env's
        # render_mode="human" draws it
        hurdle = self.env.unwrapped.backend.hurdle()
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
        self.env.close()

    # the main loop
    def run(self, frames: int | None = None, replay: Sequence[int] | None = None,
            policy: Callable[[Any], Any] | None = None, realtime: bool | None = None) -> int:
        """Play until the window closes (or `frames` pictures). Returns the number of pictures shown.

        Actions come from `policy` (called with each observation of the env), else keys from
        `replay` (one per step, then none), else from the keyboard; keys need the play env's
        Discrete(16) actions.
        """
        if policy is None and self.action_mode != "discrete":
            raise ValueError("keys (keyboard, replay) are Discrete(16) actions: step a play_env(), "
                             f"not an env with action_mode={self.action_mode!r}")
        pg = self.pg
        realtime = (not self.headless) if realtime is None else realtime
        second = max(1, round(self.fps))  # pictures in one second of game clock
        clock = pg.time.Clock()
        i = 0
        t_replay = 0
        ended = 0  # pictures shown since the episode ended
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
                if policy is not None:
                    action = None if self.done else policy(self.obs)
                elif replay is not None:
                    action = replay[t_replay] if t_replay < len(replay) else 0
                    t_replay += 1
                    if frames is None and self.headless and t_replay > len(replay) + second:
                        return i
                elif self.window is not None:
                    action = self.held_keys()
                else:
                    action = 0
                self.step(action)
                i += 1
                ended = ended + 1 if self.done else 0
                if frames is None and self.headless and ended > second:
                    return i  # headless: one second of the end screen, then stop
                if realtime:
                    clock.tick(self.fps)
            return i
        finally:
            self.close()


def main(argv: Sequence[str] | None = None) -> int:
    from qwop_sim.backends import BACKENDS

    ap = argparse.ArgumentParser(prog="python -m qwop_sim.render", description="\n\n".join(__doc__.split("\n\n")[:2]),
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="Replay format: a JSON list of key ints per frame, or {\"keys\": [...]}, "
                                        "or FILE#NAME for a file of {\"sequences\": {NAME: {\"keys\": [...]}}}.")
    ap.add_argument("--replay", metavar="FILE[#NAME]", help="replay a recorded key sequence")
    ap.add_argument("--policy", metavar="CHECKPOINT",
                    help="let a trained policy play its env (read by the installed policy loader: rlqwop's)")
    ap.add_argument("--backend", choices=BACKENDS, default="sim", help="physics backend of the env shown")
    ap.add_argument("--record", metavar="OUT.gif", help="write what is shown to a GIF (imageio)")
    ap.add_argument("--frames", type=int, default=None,
                    help="stop after N pictures (env steps: game frames when playing, decisions of a policy)")
    ap.add_argument("--headless", action="store_true",
                    help="no window (SDL dummy driver), as fast as possible; without --frames it stops 1 s "
                         "after the episode ends (or a --replay's keys run out)")
    ap.add_argument("--size", default=f"{DEFAULT_SIZE[0]}x{DEFAULT_SIZE[1]}", help="window size WxH (640x400)")
    ap.add_argument("--no-hud", action="store_true", help="no text")
    ap.add_argument("--agent-view", metavar="WxH", help="show the agent's frame of this size (e.g. 64x64), "
                    "scaled up to the window with nearest pixels, no text")
    args = ap.parse_args(argv)
    if args.replay and args.policy:
        ap.error("--replay and --policy exclude each other")
    if args.headless and args.frames is None and not (args.replay or args.policy):
        ap.error("--headless needs --frames N (or a --replay or --policy, which end on their own)")
    w, _, h = args.size.lower().partition("x")
    replay = load_replay(args.replay) if args.replay else None
    policy = load_policy(args.policy) if args.policy else None
    agent = None
    if args.agent_view:
        aw, _, ah = args.agent_view.lower().partition("x")
        agent = (int(aw), int(ah))
    env = policy_env(policy, args.backend) if policy is not None else play_env(args.backend)
    try:
        viewer = Viewer(env, size=(int(w), int(h)), headless=args.headless, record=args.record,
                        hud=not args.no_hud, agent_view=agent)
    except BaseException:
        env.close()  # a node or browser backend's processes end with it
        raise
    t0 = time.perf_counter()
    n = viewer.run(frames=args.frames, replay=replay, policy=policy)
    dt = time.perf_counter() - t0
    st = viewer.state
    print(f"{n} pictures in {dt:.1f} s; distance {st.distance:.1f} m, clock {st.clock:.1f} s"
          + (f"; recorded {args.record}" if args.record else ""), file=sys.stderr)
    return 0
