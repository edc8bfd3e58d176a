"""Evaluation with the deterministic policy: mean distance, finish rate, 100 m time (game clock).

`evaluate(policy, env, episodes, max_steps)` plays episodes and returns per-episode dicts and a
summary; `main(argv)` is `python run.py eval --checkpoint PATH [--backend B] [--episodes N]
[--record out.gif]`, which prints a table.
"""
from __future__ import annotations

import argparse
import math

import numpy as np


def play_episode(policy, env, max_steps: int, seed=None, frames: list | None = None) -> dict:
    obs, info = env.reset(seed=seed)
    ret, steps = 0.0, 0
    if frames is not None:
        f = env.render()
        if f is not None:
            frames.append(np.asarray(f))
    terminated = truncated = False
    while steps < max_steps:
        obs, r, terminated, truncated, info = env.step(policy(obs))
        ret += float(r)
        steps += 1
        if frames is not None:
            f = env.render()
            if f is not None:
                frames.append(np.asarray(f))
        if terminated or truncated:
            break
    finished = bool(info.get("finished", False))
    clock = float(info.get("clock", math.nan)) if info.get("clock") is not None else math.nan
    return {
        "return": ret, "steps": steps, "distance": float(info.get("distance", math.nan)),
        "clock": clock, "fallen": bool(info.get("fallen", False)), "finished": finished,
        "time_100m": clock if finished else math.nan,
    }


def summarize(eps: list[dict]) -> dict:
    fin = [e["time_100m"] for e in eps if e["finished"]]
    return {
        "episodes": len(eps),
        "mean_distance": float(np.nanmean([e["distance"] for e in eps])) if eps else math.nan,
        "finish_rate": float(np.mean([e["finished"] for e in eps])) if eps else math.nan,
        "time_100m": float(np.mean(fin)) if fin else math.nan,
        "mean_return": float(np.mean([e["return"] for e in eps])) if eps else math.nan,
        "fall_rate": float(np.mean([e["fallen"] for e in eps])) if eps else math.nan,
    }


def evaluate(policy, env, episodes: int, max_steps: int, seed: int = 10_000, frames: list | None = None):
    eps = [play_episode(policy, env, max_steps, seed=seed + i, frames=frames if i == 0 else None)
           for i in range(episodes)]
    return eps, summarize(eps)


def format_table(eps: list[dict], summary: dict) -> str:
    lines = [f"{'ep':>3} {'distance m':>10} {'clock s':>8} {'steps':>6} {'return':>9} {'fallen':>6} {'finished':>8}"]
    for i, e in enumerate(eps):
        lines.append(f"{i:>3} {e['distance']:>10.2f} {e['clock']:>8.2f} {e['steps']:>6d} {e['return']:>9.2f} "
                     f"{str(e['fallen']):>6} {str(e['finished']):>8}")
    t = summary["time_100m"]
    lines.append(f"mean distance {summary['mean_distance']:.2f} m | finish rate {summary['finish_rate']:.0%} | "
                 f"100 m time {'%.2f s' % t if not math.isnan(t) else 'n/a (no finish)'} | "
                 f"mean return {summary['mean_return']:.2f}")
    return "\n".join(lines)


def _checked_env(p, ns, policy, a):
    """The evaluation env, or a usage error (one line): unknown --env, arguments the env refuses,
    or spaces that are not the ones the checkpoint's policy was trained on."""
    from .envs import EnvConfigError, check_env_id, make_env
    from .networks import space_spec

    problem = check_env_id(ns.env)
    if problem:
        p.error(f"--env {ns.env}: {problem}")
    try:
        env = make_env(ns, render_mode="rgb_array" if a.record else None)
    except EnvConfigError as e:
        p.error(str(e))
    try:
        spec = space_spec(env.observation_space, env.action_space)
    except ValueError as e:
        env.close()
        p.error(f"--env {ns.env}: {e}")
    want = policy.spec

    def describe(s):
        return f"observations {tuple(s['obs_shape'])} {s['obs_dtype']}, {s['action']['kind']}({s['action']['n']}) actions"

    if (tuple(spec["obs_shape"]) != tuple(want["obs_shape"]) or spec["image"] != want["image"]
            or spec["action"]["kind"] != want["action"]["kind"] or spec["action"]["n"] != want["action"]["n"]):
        env.close()
        cfg = policy.config
        p.error(f"--checkpoint {a.checkpoint} was trained on {cfg.get('env', '?')} "
                f"(--action-mode {cfg.get('action_mode', '?')}: {describe(want)}); env {ns.env} "
                f"(--action-mode {ns.action_mode}) has {describe(spec)}")
    return env


def main(argv=None) -> int:
    from .config import ACTION_MODES, BACKENDS, checked_env_kwargs
    from .checkpoint import CheckpointError
    from .policy import load_policy

    p = argparse.ArgumentParser(prog="run.py eval", description="Evaluate a checkpoint with the deterministic policy.")
    p.add_argument("--checkpoint", required=True, help="latest.pt / best.pt, or a run directory")
    p.add_argument("--env", default=None, help="Gymnasium id (default: the checkpoint's)")
    p.add_argument("--backend", choices=BACKENDS, default=None, help="default: the checkpoint's training backend")
    p.add_argument("--action-mode", choices=ACTION_MODES, default=None)
    p.add_argument("--env-kwargs", default=None, metavar="JSON",
                   help='gym.make keyword arguments, replacing the checkpoint\'s (e.g. \'{"init_noise": 0}\': '
                        'the plain start of a policy trained with random starts)')
    p.add_argument("--episodes", type=int, default=5)
    p.add_argument("--max-steps", type=int, default=5000, help="cut an episode after this many env steps")
    p.add_argument("--record", default=None, metavar="OUT.gif", help="write the first episode as a GIF")
    p.add_argument("--fps", type=float, default=None,
                   help="GIF frames per second (default: real time on the game clock, 30 / frame_skip)")
    p.add_argument("--record-scale", type=float, default=1.0,
                   help="scale the 640 x 400 frames of the GIF (0.5: 320 x 200; flat colours are kept: nearest-pixel scaling)")
    p.add_argument("--seed", type=int, default=10_000)
    a = p.parse_args(argv)
    if a.episodes <= 0:
        p.error("--episodes must be positive")
    if not 0 < a.record_scale <= 4:
        p.error("--record-scale must be in (0, 4]")
    if a.fps is not None and a.fps <= 0:
        p.error("--fps must be positive")
    if a.env_kwargs is not None:
        a.env_kwargs = checked_env_kwargs(p, a.env_kwargs)
    try:
        policy = load_policy(a.checkpoint)
    except (FileNotFoundError, CheckpointError) as e:
        p.error(f"--checkpoint {e}")
    cfg = dict(policy.config)
    ns = argparse.Namespace(
        env=a.env or cfg.get("env", "qwop-v0"), backend=a.backend or cfg.get("backend", "sim"),
        action_mode=a.action_mode or cfg.get("action_mode", "multibinary"),
        frame_skip=cfg.get("frame_skip"), env_kwargs=a.env_kwargs if a.env_kwargs is not None else cfg.get("env_kwargs", "{}"),
        max_episode_steps=0)
    env = _checked_env(p, ns, policy, a)
    frames = [] if a.record else None
    try:
        eps, summary = evaluate(policy, env, a.episodes, a.max_steps, seed=a.seed, frames=frames)
    finally:
        env.close()
    print(f"checkpoint {a.checkpoint} | env {ns.env} | backend {ns.backend} | {a.episodes} episodes")
    print(format_table(eps, summary))
    if a.record:
        if not frames:
            print("no frames to record: the env returned nothing from render() (render_mode='rgb_array')")
        else:
            import imageio
            from PIL import Image

            if a.record_scale != 1.0:
                h, w = frames[0].shape[:2]
                size = (max(1, round(w * a.record_scale)), max(1, round(h * a.record_scale)))
                frames = [np.asarray(Image.fromarray(f).resize(size, Image.NEAREST)) for f in frames]
            # one GIF frame per env step, shown for frame_skip game frames: real game-clock time
            skip = getattr(env.unwrapped, "frame_skip", None)
            fps = a.fps or (30.0 / skip if skip else env.metadata.get("render_fps", 30))
            imageio.mimsave(a.record, frames, duration=1000.0 / fps, loop=0)
            print(f"wrote {a.record} ({len(frames)} frames)")
    return 0
