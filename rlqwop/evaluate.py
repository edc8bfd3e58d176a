"""Evaluation with the deterministic policy: finish rate (with its 95% confidence interval), 100 m
time (mean, best) and speedrun-style splits on the game clock, from plain or disturbed starts.

`evaluate(policy, env, episodes, max_steps)` plays episodes in this process and returns per-episode
dicts and a summary (the trainer uses it); `main(argv)` is `python run.py eval --checkpoint PATH
[--backend B] [--frame-skip N] [--episodes N] [--workers W] [--init-noise S] [--start-delay N] [--start-keys N] [--start-hold N]
[--record out.gif] [--json out.json]`, which spreads the episodes over W processes (each with its
own env and backend) and prints a table. Episode i always starts from `reset(seed=seed + i)`, so the
results do not depend on the number of workers.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys

import numpy as np

SPLITS_M = (10.0, 50.0)  # speedrun boards' splits (the 100 m time is the finish)


# Stall recovery (`stall_s` > 0): a runner that has not gained STALL_PROGRESS_M metres for
# `stall_s` seconds of game clock is stalled; the policy then samples its actions (as training
# does) until the runner is STALL_CLEAR_M metres past where it was when the stall was found, then acts
# deterministically again. Why: on the game the deterministic runner can come to rest kneeling on
# the knocked-over hurdle, pressing nothing, and stay there until the time limit (models/README.md,
# "Stalls at the hurdle"); a sampled policy gets it moving again about half the time.
STALL_PROGRESS_M = 0.5
STALL_CLEAR_M = 1.0


class _StallWatch:
    """Per-episode watchdog of stall recovery: says for each step whether the policy samples."""

    def __init__(self, stall_s: float, info: dict):
        self.stall_s, self.recoveries, self.until = float(stall_s), 0, None
        self.mark_d, self.mark_t = _distance_clock(info)

    def recovering(self, info: dict) -> bool:
        d, t = _distance_clock(info)
        if math.isnan(d) or math.isnan(t):  # nothing to judge by (no backend today): as it was
            return self.until is not None
        if self.until is None:
            if d >= self.mark_d + STALL_PROGRESS_M:
                self.mark_d, self.mark_t = d, t
            elif t - self.mark_t >= self.stall_s:
                self.until, self.recoveries = d + STALL_CLEAR_M, self.recoveries + 1
        elif d > self.until:
            self.until, self.mark_d, self.mark_t = None, d, t
        return self.until is not None


def _distance_clock(info: dict) -> tuple[float, float]:
    d, t = info.get("distance"), info.get("clock")
    return (math.nan if d is None else float(d)), (math.nan if t is None else float(t))


def play_episode(policy, env, max_steps: int, seed=None, frames: list | None = None,
                 reset_options: dict | None = None, stall_s: float = 0.0) -> dict:
    """One episode from reset(seed=seed). With `frames`, appends (rgb frame, distance m, clock s)
    after the reset and after every step. With `stall_s` > 0, stall recovery (above): the episode's
    dict counts the recoveries under "stall_recoveries"."""
    obs, info = env.reset(seed=seed, options=reset_options)
    sampling = bool(getattr(policy, "sample", False))
    if sampling or stall_s > 0:  # a sampling policy's draws follow the episode's seed too
        import torch
        torch.manual_seed(0 if seed is None else int(seed))
    watch = _StallWatch(stall_s, info) if stall_s > 0 else None
    ret, steps = 0.0, 0
    splits = {m: math.nan for m in SPLITS_M}

    def see(info):
        d = float(info.get("distance", math.nan))
        for m in SPLITS_M:
            if math.isnan(splits[m]) and d >= m:
                splits[m] = float(info.get("clock", math.nan))
        if frames is not None:
            f = env.render()
            if f is not None:
                frames.append((np.asarray(f), d, float(info.get("clock", math.nan))))

    see(info)
    terminated = truncated = False
    try:
        while steps < max_steps:
            if watch is not None:
                policy.sample = sampling or watch.recovering(info)
            obs, r, terminated, truncated, info = env.step(policy(obs))
            ret += float(r)
            steps += 1
            see(info)
            if terminated or truncated:
                break
    finally:
        if watch is not None:
            policy.sample = sampling
    finished = bool(info.get("finished", False))
    _, clock = _distance_clock(info)
    return {
        "seed": seed, "return": ret, "steps": steps, "distance": float(info.get("distance", math.nan)),
        "clock": clock, "fallen": bool(info.get("fallen", False)), "finished": finished,
        "time_100m": clock if finished else math.nan,
        **{f"split_{int(m)}m": splits[m] for m in SPLITS_M},
        **({"stall_recoveries": watch.recoveries} if watch is not None else {}),
    }


def wilson_interval(successes: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """95% confidence interval of a rate (Wilson score interval: sound at 0 and n successes too)."""
    if n <= 0:
        return (math.nan, math.nan)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    lo = 0.0 if successes == 0 else max(0.0, centre - half)
    hi = 1.0 if successes == n else min(1.0, centre + half)
    return (lo, hi)


def _mean(xs) -> float:
    xs = [x for x in xs if not math.isnan(x)]
    return float(np.mean(xs)) if xs else math.nan


def summarize(eps: list[dict]) -> dict:
    n = len(eps)
    fin = [e["time_100m"] for e in eps if e["finished"]]
    lo, hi = wilson_interval(len(fin), n)
    out = {
        "episodes": n,
        "mean_distance": _mean([e["distance"] for e in eps]),
        "finish_rate": len(fin) / n if n else math.nan,
        "finish_rate_ci95": [lo, hi],
        "time_100m": float(np.mean(fin)) if fin else math.nan,
        "best_time_100m": float(np.min(fin)) if fin else math.nan,
        "mean_return": _mean([e["return"] for e in eps]),
        "fall_rate": float(np.mean([e["fallen"] for e in eps])) if eps else math.nan,
    }
    for m in SPLITS_M:  # the mean split over the episodes that reached it
        out[f"split_{int(m)}m"] = _mean([e.get(f"split_{int(m)}m", math.nan) for e in eps])
    return out


def evaluate(policy, env, episodes: int, max_steps: int, seed: int = 10_000, frames: list | None = None):
    eps = [play_episode(policy, env, max_steps, seed=seed + i, frames=frames if i == 0 else None)
           for i in range(episodes)]
    return eps, summarize(eps)


def _fmt(v, fmt="%.2f", none="-"):
    return fmt % v if isinstance(v, (int, float)) and not math.isnan(v) else none


def format_table(eps: list[dict], summary: dict) -> str:
    lines = [f"{'ep':>3} {'seed':>6} {'distance m':>10} {'clock s':>8} {'10 m s':>7} {'50 m s':>7} {'steps':>6} "
             f"{'return':>9} {'fallen':>6} {'finished':>8}"]
    for i, e in enumerate(eps):
        lines.append(f"{i:>3} {str(e.get('seed', '')):>6} {e['distance']:>10.2f} {e['clock']:>8.2f} "
                     f"{_fmt(e.get('split_10m')):>7} {_fmt(e.get('split_50m')):>7} {e['steps']:>6d} "
                     f"{e['return']:>9.2f} {str(e['fallen']):>6} {str(e['finished']):>8}")
    lines.append(format_summary(summary))
    return "\n".join(lines)


def format_summary(s: dict) -> str:
    lo, hi = s.get("finish_rate_ci95", (math.nan, math.nan))
    n_fin = round(s["finish_rate"] * s["episodes"]) if not math.isnan(s["finish_rate"]) else 0
    t = s["time_100m"]
    return (f"finish rate {n_fin}/{s['episodes']} = {s['finish_rate']:.0%} (95% CI {lo:.0%}-{hi:.0%}) | "
            f"100 m time mean {_fmt(t, '%.2f s', 'n/a (no finish)')}, best {_fmt(s.get('best_time_100m'), '%.2f s')} | "
            f"splits 10 m {_fmt(s.get('split_10m'), '%.2f s')}, 50 m {_fmt(s.get('split_50m'), '%.2f s')} | "
            f"mean distance {s['mean_distance']:.2f} m | mean return {s['mean_return']:.2f}")


def annotate(frame: np.ndarray, distance_m: float, clock_s: float) -> np.ndarray:
    """The frame with the score and the game clock written in its top-left corner (for GIFs)."""
    from PIL import Image, ImageDraw

    img = Image.fromarray(frame)
    draw = ImageDraw.Draw(img)
    text = f"{_fmt(distance_m, '%.1f')} m   {_fmt(clock_s, '%.2f')} s"
    scale = max(1, frame.shape[1] // 320)
    try:
        from PIL import ImageFont
        font = ImageFont.load_default(size=10 * scale)
    except (TypeError, OSError):  # Pillow < 10.1: one fixed size
        from PIL import ImageFont
        font = ImageFont.load_default()
    box = draw.textbbox((6, 4), text, font=font)
    draw.rectangle((box[0] - 3, box[1] - 2, box[2] + 3, box[3] + 2), fill=(255, 255, 255))
    draw.text((6, 4), text, fill=(0, 0, 0), font=font)
    return np.asarray(img)


def env_settings(cfg: dict, env_kwargs: dict, env: str | None = None, backend: str | None = None,
                 action_mode: str | None = None, frame_skip: int | None = None) -> argparse.Namespace:
    """What `envs.make_env` needs to build the env a checkpoint (config `cfg`) is evaluated on: its
    env, backend, action mode and frame skip unless given, these gym.make kwargs, the env's own limit."""
    return argparse.Namespace(
        env=env or cfg.get("env", "qwop-v0"), backend=backend or cfg.get("backend", "sim"),
        action_mode=action_mode or cfg.get("action_mode", "multibinary"),
        frame_skip=frame_skip if frame_skip is not None else cfg.get("frame_skip"),
        env_kwargs=json.dumps(env_kwargs, sort_keys=True), max_episode_steps=0)


# ---- parallel episodes: each worker process has its own policy copy and env (own backend) ------------
_worker = {}


def _worker_init(checkpoint: str, ns_dict: dict, sample: bool = False, stall_s: float = 0.0) -> None:
    import signal

    import torch

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    torch.set_num_threads(1)
    from .envs import make_env
    from .policy import load_policy

    _worker["policy"] = load_policy(checkpoint)
    _worker["policy"].sample = sample
    _worker["stall_s"] = stall_s
    _worker["env"] = make_env(argparse.Namespace(**ns_dict))
    import atexit
    atexit.register(_worker["env"].close)


def _worker_episode(seed: int, max_steps: int) -> dict:
    return play_episode(_worker["policy"], _worker["env"], max_steps, seed=seed, stall_s=_worker["stall_s"])


def run_episodes(checkpoint: str, ns: argparse.Namespace, seeds: list[int], max_steps: int, workers: int,
                 progress: bool = True, env=None, sample: bool = False, stall_s: float = 0.0) -> list[dict]:
    """Play one episode per seed with `workers` processes; results in the order of `seeds`. With one
    worker the episodes play in this process, on `env` if given (closed at the end). `stall_s`:
    stall recovery (play_episode), 0 = off."""
    from tqdm import tqdm

    bar = tqdm(total=len(seeds), unit="episode", disable=not progress, dynamic_ncols=True, file=sys.stderr)
    if workers <= 1:
        from .envs import make_env
        from .policy import load_policy

        policy, env = load_policy(checkpoint), env if env is not None else make_env(ns)
        policy.sample = sample
        try:
            out = []
            for s in seeds:
                out.append(play_episode(policy, env, max_steps, seed=s, stall_s=stall_s))
                bar.update(1)
            return out
        finally:
            env.close()
            bar.close()
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    # spawn: a fresh interpreter per worker (no forked torch/MPI/backend state)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"),
                               initializer=_worker_init, initargs=(checkpoint, vars(ns), sample, stall_s))
    try:
        futures = [pool.submit(_worker_episode, s, max_steps) for s in seeds]
        for f in futures:
            f.add_done_callback(lambda _: bar.update(1))
        return [f.result() for f in futures]
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        pool.shutdown(wait=True)
        bar.close()


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


def add_stall_recovery_flag(p: argparse.ArgumentParser) -> None:
    """--stall-recovery S (eval and report): off (0) unless given, so figures stay comparable."""
    from .config import _float_in

    p.add_argument("--stall-recovery", type=_float_in(0, 1e6), default=0.0, metavar="S",
                   help=f"a runner that gains less than {STALL_PROGRESS_M:g} m in S seconds of game clock "
                        f"samples its actions until {STALL_CLEAR_M:g} m further on (e.g. 4; default 0: off, "
                        "the plain deterministic policy)")


def build_parser() -> argparse.ArgumentParser:
    from qwop_sim.backends import BACKENDS
    from qwop_sim.envs.core import ACTION_MODES

    from .config import _float_in, _nonneg_int, _positive_int

    p = argparse.ArgumentParser(prog="run.py eval", description="Evaluate a checkpoint with the deterministic policy.")
    p.add_argument("--checkpoint", required=True, help="latest.pt / best.pt, or a run directory")
    p.add_argument("--env", default=None, help="Gymnasium id (default: the checkpoint's)")
    p.add_argument("--backend", choices=BACKENDS, default=None, help="default: the checkpoint's training backend")
    p.add_argument("--action-mode", choices=ACTION_MODES, default=None)
    p.add_argument("--frame-skip", type=_positive_int, default=None, metavar="N",
                   help="game frames per agent decision (default: the checkpoint's); another control rate "
                        "than the one trained at, e.g. 3 for a runner trained at 4")
    p.add_argument("--env-kwargs", default=None, metavar="JSON",
                   help='gym.make keyword arguments, replacing the checkpoint\'s (e.g. \'{"init_noise": 0}\': '
                        'the plain start of a policy trained with random starts)')
    g = p.add_argument_group("start disturbances (override --env-kwargs; qwop_sim/envs/starts.py)")
    g.add_argument("--init-noise", type=_float_in(0, 1e6), default=None,
                   help="uniform noise in [-S, S] on every body's start velocities (units/s, rad/s)")
    g.add_argument("--start-delay", type=_nonneg_int, default=None,
                   help="a late reaction: up to N idle game frames before the policy acts")
    g.add_argument("--start-keys", type=_nonneg_int, default=None,
                   help="a fumbled start: up to N game frames of random keys before the policy acts")
    g.add_argument("--start-hold", type=_nonneg_int, default=None,
                   help="the fumble holds each random key mask 1 to N frames (default 4; 12-25: a wrong "
                        "key combination held)")
    g.add_argument("--plain", action="store_true",
                   help="the plain start: no disturbance at all, whatever the checkpoint trained with")
    p.add_argument("--episodes", type=int, default=5)
    p.add_argument("--sample", action="store_true",
                   help="sample actions from the policy as training does (seeded by the episode's seed), "
                        "instead of the deterministic policy (key pressed when p > 0.5)")
    add_stall_recovery_flag(p)
    p.add_argument("--workers", type=int, default=1,
                   help="processes playing episodes at once, each with its own env and backend")
    p.add_argument("--max-steps", type=int, default=5000, help="cut an episode after this many env steps")
    p.add_argument("--seed", type=int, default=10_000, help="episode i starts from reset(seed=SEED + i)")
    p.add_argument("--json", default=None, metavar="OUT.json", help="write every episode and the summary as JSON")
    p.add_argument("--record", default=None, metavar="OUT.gif",
                   help="write the first episode as a GIF (with the score and the game clock)")
    p.add_argument("--fps", type=float, default=None,
                   help="GIF frames per second (default: real time on the game clock, 30 / frame_skip)")
    p.add_argument("--record-scale", type=float, default=1.0,
                   help="scale the 640 x 400 frames of the GIF (0.5: 320 x 200; flat colours are kept: nearest-pixel scaling)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=True, help="progress bar")
    return p


def main(argv=None) -> int:
    from .checkpoint import CheckpointError
    from .config import checked_env_kwargs
    from .policy import load_policy

    p = build_parser()
    a = p.parse_args(argv)
    if a.episodes <= 0:
        p.error("--episodes must be positive")
    if a.workers <= 0:
        p.error("--workers must be positive")
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
    policy.sample = a.sample
    cfg = dict(policy.config)
    if a.env_kwargs is not None:
        kw = json.loads(a.env_kwargs)
    else:  # the checkpoint's training starts, less its curriculum (mid-race starts): races start at the line
        from qwop_sim.envs.starts import without_training_only

        kw = without_training_only(json.loads(checked_env_kwargs(p, cfg.get("env_kwargs", "{}"))))
    if a.plain:  # every start option the envs know (the viewer's plain start drops the same)
        from qwop_sim.envs.starts import plain_start

        kw = plain_start(kw)
    from qwop_sim.envs.starts import DISTURBANCES

    for k in DISTURBANCES:  # each has its flag (--init-noise, --start-delay, ...)
        if getattr(a, k) is not None:
            kw[k] = getattr(a, k)
    ns = env_settings(cfg, kw, env=a.env, backend=a.backend, action_mode=a.action_mode, frame_skip=a.frame_skip)
    seeds = [a.seed + i for i in range(a.episodes)]
    frames = None
    eps = []
    # one env here first: a usage error (one line) for an env the policy cannot play, before any worker
    env = _checked_env(p, ns, policy, a)
    workers = min(a.workers, a.episodes - bool(a.record))
    if a.record:  # the recorded episode plays here, with rgb_array frames
        frames = []
        try:
            eps.append(play_episode(policy, env, a.max_steps, seed=seeds[0], frames=frames, stall_s=a.stall_recovery))
        finally:
            env.close()
        seeds = seeds[1:]
    elif workers > 1:
        env.close()
    if seeds:
        eps += run_episodes(a.checkpoint, ns, seeds, a.max_steps, workers, progress=a.progress,
                            env=None if (a.record or workers > 1) else env, sample=a.sample,
                            stall_s=a.stall_recovery)
    summary = summarize(eps)
    recovery = f" (stall recovery after {a.stall_recovery:g} s)" if a.stall_recovery else ""
    print(f"checkpoint {a.checkpoint}{' (sampled actions)' if a.sample else ''}{recovery} | env {ns.env} | "
          f"backend {ns.backend} | frame skip {ns.frame_skip} | env kwargs {ns.env_kwargs} | "
          f"{a.episodes} episodes, seeds {a.seed}..{a.seed + a.episodes - 1}")
    print(format_table(eps, summary))
    if a.json:
        os.makedirs(os.path.dirname(os.path.abspath(a.json)), exist_ok=True)
        with open(a.json, "w") as f:
            json.dump(_jsonable({"checkpoint": a.checkpoint, "env": ns.env, "backend": ns.backend, "frame_skip": ns.frame_skip,
                                 "env_kwargs": json.loads(ns.env_kwargs), "stall_recovery_s": a.stall_recovery,
                                 "episodes": eps, "summary": summary}),
                      f, indent=1, allow_nan=False)
        print(f"wrote {a.json}")
    if a.record:
        _write_gif(a, frames, ns)
    return 0


def _jsonable(v):
    """NaN (no finish, no split) -> null: strict JSON."""
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    return v


def _write_gif(a, frames, ns) -> None:
    if not frames:
        print("no frames to record: the env returned nothing from render() (render_mode='rgb_array')")
        return
    import imageio
    from PIL import Image

    h, w = frames[0][0].shape[:2]
    size = (max(1, round(w * a.record_scale)), max(1, round(h * a.record_scale)))
    frames = [annotate(f if (w, h) == size else np.asarray(Image.fromarray(f).resize(size, Image.NEAREST)), d, t)
              for f, d, t in frames]
    # one GIF frame per env step, shown for frame_skip game frames: real game-clock time
    skip = ns.frame_skip
    fps = a.fps or (30.0 / skip if skip else 15.0)
    imageio.mimsave(a.record, frames, duration=1000.0 / fps, loop=0)
    print(f"wrote {a.record} ({len(frames)} frames)")
