"""Steps per second of each environment id on each backend (one env, one process).

    python -m qwop_sim.bench_envs [--seconds 3] [--ids qwop-v0 ...] [--backends sim node browser]
                                  [--frame-skip 2] [--json out.json]

Each run: ``gym.make(id, backend=...)`` (start-up time reported separately), random actions drawn
up front, ``reset()`` whenever an episode ends (included in the time: a fall every ~40 steps on
random play). Ratios are against the sim backend of the same id. ``best128``: the fastest window of
128 steps (a shared, loaded machine slows the mean; the best window shows the unloaded speed). The goal: the browser
backend >= 2,000 steps/s on qwop-v0. Current figures: docs/environments.md ("Speed").

How the browser backend's step path was chosen (env steps/s of qwop-v0, ``bench_one``, 3 s each,
two rounds, load average 7 to 8.5 on the 2-core box; Playwright's own calls measured as a backend
step; best 128-step window in brackets):

    how                                                                   round 1          round 2
    Chromium self-launched, DevTools over --remote-debugging-pipe         1,564 (2,459)    1,859 (2,890)
    Chromium self-launched, DevTools WebSocket                            1,599 (2,295)    1,758 (2,412)
    Playwright-launched, DevTools WebSocket, without --single-process     1,884 (2,548)    1,740 (2,500)
    Playwright-launched, DevTools WebSocket (the path kept)               2,193 (3,141)    2,410 (3,273)
    Playwright-launched, the server's page relay (/agent?backend=page)    1,334 (2,249)    1,469 (2,067)
    Playwright page.evaluate (backend step only)                            793            1,037
    Playwright CDP session Runtime.evaluate (backend step only)           1,426            1,460

A second run (load ~5): pipe 1,933 and 1,910, self-launched WebSocket 1,691 and 1,648, without
--single-process 1,736 and 1,954, the path kept 2,350 and 2,001 (best windows ~3,100),
page.evaluate 865 and 1,066, CDP session 1,585 and 1,355. Start-up: ~1.5 s (the first browser of a
process also starts Playwright's driver) against ~0.9 s self-launched. --single-process took
Chromium's CPU per step from ~0.30 ms to ~0.20 ms. The page relay was also dropped because its
per-step WebSocket frames become Playwright events that pile up in the driver (~6 KB a step, its
pipe to Python being read only during Playwright calls). The self-launched paths are not in the code.
"""
from __future__ import annotations

import argparse
import json
import os
import time
import warnings

import gymnasium as gym
import numpy as np

from qwop_sim.backends import BACKENDS
from qwop_sim.envs import ENV_IDS

IDS = list(ENV_IDS)
BROWSER_GOAL = 2000.0


def bench_one(env_id: str, backend: str, seconds: float, frame_skip: int) -> dict:
    t0 = time.perf_counter()
    env = gym.make(env_id, backend=backend, frame_skip=frame_skip)
    try:
        env.reset(seed=0)
        start_s = time.perf_counter() - t0
        rng = np.random.default_rng(0)
        actions = rng.integers(0, 2, size=(4096, 4), dtype=np.int8)
        for a in actions[:20]:  # warm-up
            if any(env.step(a)[2:4]):
                env.reset()
        n = resets = 0
        t = time.perf_counter()
        deadline = t + seconds
        windows = []
        while True:
            tw = time.perf_counter()
            for _ in range(128):
                _, _, term, trunc, _ = env.step(actions[n & 4095])
                n += 1
                if term or trunc:
                    env.reset()
                    resets += 1
            now = time.perf_counter()
            windows.append(128 / (now - tw))
            if now >= deadline:
                break
        dt = time.perf_counter() - t
    finally:
        env.close()
    return {"id": env_id, "backend": backend, "steps": n, "seconds": dt, "steps_per_s": n / dt,
            "game_frames_per_s": n * frame_skip / dt, "resets": resets, "startup_s": start_s,
            "best_window_steps_per_s": max(windows)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=3.0, help="timed seconds per (id, backend)")
    ap.add_argument("--ids", nargs="+", default=IDS, choices=IDS)
    ap.add_argument("--backends", nargs="+", default=list(BACKENDS), choices=BACKENDS)
    ap.add_argument("--frame-skip", type=int, default=2)
    ap.add_argument("--json", help="also write the results to this file")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore")

    print(f"qwop_sim.bench_envs: one env per run, {args.seconds:g} s each, frame_skip {args.frame_skip}, "
          f"random actions, cpus {os.cpu_count()}, load {os.getloadavg()[0]:.2f}")
    rows = []
    hdr = f"{'id':<22}{'backend':<9}{'steps/s':>10}{'best128':>10}{'frames/s':>11}{'vs sim':>9}{'start s':>9}"
    print(hdr)
    print("-" * len(hdr))
    sims: dict[str, float] = {}
    for env_id in args.ids:
        for backend in args.backends:
            try:
                r = bench_one(env_id, backend, args.seconds, args.frame_skip)
            except Exception as e:  # a missing node/chromium: report and go on
                print(f"{env_id:<22}{backend:<9}  unavailable: {type(e).__name__}: {str(e)[:120]}")
                rows.append({"id": env_id, "backend": backend, "error": str(e)})
                continue
            if backend == "sim":
                sims[env_id] = r["steps_per_s"]
            ratio = r["steps_per_s"] / sims[env_id] if env_id in sims else float("nan")
            r["ratio_vs_sim"] = ratio
            rows.append(r)
            print(f"{env_id:<22}{backend:<9}{r['steps_per_s']:>10,.0f}{r['best_window_steps_per_s']:>10,.0f}"
                  f"{r['game_frames_per_s']:>11,.0f}"
                  f"{ratio:>9.3f}{r['startup_s']:>9.2f}")
    by = {(r["id"], r["backend"]): r for r in rows if "steps_per_s" in r}
    print()
    for env_id in args.ids:
        s, n, b = (by.get((env_id, k)) for k in ("sim", "node", "browser"))
        parts = []
        if s and n:
            parts.append(f"sim/node {s['steps_per_s'] / n['steps_per_s']:.1f}x")
        if s and b:
            parts.append(f"sim/browser {s['steps_per_s'] / b['steps_per_s']:.1f}x")
        if n and b:
            parts.append(f"node/browser {n['steps_per_s'] / b['steps_per_s']:.2f}x")
        if parts:
            print(f"{env_id}: " + ", ".join(parts))
    b = by.get(("qwop-v0", "browser"))
    if b:
        ok = b["steps_per_s"] >= BROWSER_GOAL
        print(f"browser qwop-v0: {b['steps_per_s']:,.0f} steps/s, best 128-step window "
              f"{b['best_window_steps_per_s']:,.0f} (goal {BROWSER_GOAL:,.0f}: {'met' if ok else 'NOT met'} "
              f"on the mean; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cpus)")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
