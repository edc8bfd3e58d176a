"""Frames per second of the simulator (one world, a batch) and of the game over its protocol.

    python -m qwop_sim.bench [--seconds S] [--batch N] [--no-node]

All figures are single-process (one core). LEGACY_SETTINGS (no Box2D position pass) is measured
too, for the price of the pass. Workload: random keys, each held 1-8 frames (like a
policy with frame skip), one frame per call, worlds reset when their game ends (resets counted
in the time). The game is its Node server as the node backend starts it
(``qwop_sim.backends.server_process``), WebSocket `/agent?backend=node`, one `step` request per
frame (request/reply round trips, as an env uses it).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

import numpy as np


def _keys(n_frames: int, n_worlds: int = 1, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    reps = rng.integers(1, 9, size=(n_frames, n_worlds))
    vals = rng.integers(0, 16, size=(n_frames, n_worlds))
    out = np.empty((n_frames, n_worlds), dtype=np.int64)
    for j in range(n_worlds):
        out[:, j] = np.repeat(vals[:, j], reps[:, j])[:n_frames]
    return out


def bench_single(seconds: float, api: str = "fast", settings=None) -> tuple[float, int]:
    from qwop_sim.physics import QWOPSim
    sim = QWOPSim(settings)
    keys = _keys(200_000)[:, 0].tolist()
    step = sim.step_fast if api == "fast" else sim.step
    n = resets = 0
    t0 = time.perf_counter()
    deadline = t0 + seconds
    while True:
        for k in keys[n % 190_000:n % 190_000 + 1000]:
            step(k)
            if sim.ended:
                sim.reset()
                resets += 1
        n += 1000
        if time.perf_counter() > deadline:
            break
    return n / (time.perf_counter() - t0), resets


def bench_batch(seconds: float, n_worlds: int, compiled: bool = True) -> tuple[float, int]:
    from qwop_sim.physics import QWOPBatch
    batch = QWOPBatch(n_worlds)
    batch.compiled = batch.compiled and compiled  # False: the worlds one by one (QWOPSim.advance)
    keys = _keys(20_000, n_worlds)
    n = resets = i = 0
    t0 = time.perf_counter()
    deadline = t0 + seconds
    while time.perf_counter() < deadline:
        for _ in range(20):
            out = batch.step(keys[i % 20_000])
            i += 1
            n += n_worlds
            if out.done.any():
                d = np.flatnonzero(out.done)
                resets += len(d)
                batch.reset(d)
    return n / (time.perf_counter() - t0), resets


def bench_steady(seconds: float, n_worlds: int) -> dict:
    """Frames/s of the compiled batch and of single worlds on the same workload without resets:
    every world holds the same random keys (1-8 frames each) from the start pose for 60 frames,
    then is set back to it (set_state is not timed); batch and singles alternate, 0.5 s each."""
    from qwop_sim.physics import QWOPBatch, QWOPSim
    batch = QWOPBatch(n_worlds)
    sims = [QWOPSim() for _ in range(n_worlds)]
    start = sims[0].state()
    keys = _keys(60, n_worlds, seed=1)
    t = {"batch": 0.0, "single": 0.0}
    frames = {"batch": 0, "single": 0}
    deadline = time.perf_counter() + 2 * seconds
    while time.perf_counter() < deadline:
        for i in range(n_worlds):
            batch.set_state(i, start)
            sims[i].set_state(start)
        t0 = time.perf_counter()
        for k in keys:
            batch.step(k)
        t["batch"] += time.perf_counter() - t0
        frames["batch"] += len(keys) * n_worlds
        t0 = time.perf_counter()
        for j, s in enumerate(sims):
            for k in keys[:, j].tolist():
                s.step_fast(k)
        t["single"] += time.perf_counter() - t0
        frames["single"] += len(keys) * n_worlds
    return {k: frames[k] / t[k] for k in t}


def bench_envs(seconds: float, n_envs: int, frame_skip: int = 2) -> dict:
    """Env steps/s of one qwop-v0 (gym.make) and of gym.make_vec("qwop-v0", num_envs=n_envs)
    (the batched vector env), random actions, resets included, alternating 0.5 s slices."""
    import gymnasium as gym
    import qwop_sim  # noqa: F401
    env = gym.make("qwop-v0", frame_skip=frame_skip)
    vec = gym.make_vec("qwop-v0", num_envs=n_envs, frame_skip=frame_skip)
    env.reset(seed=0)
    vec.reset(seed=0)
    rng = np.random.default_rng(0)
    one = rng.integers(0, 2, size=(512, 4))
    many = rng.integers(0, 2, size=(64, n_envs, 4))
    t = {"env": 0.0, "vec": 0.0}
    n = {"env": 0, "vec": 0}
    deadline = time.perf_counter() + 2 * seconds
    while time.perf_counter() < deadline:
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < 0.5:
            for a in one[:64]:
                _, _, term, trunc, _ = env.step(a)
                if term or trunc:
                    env.reset()
            n["env"] += 64
        t["env"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < 0.5:
            for a in many[:8]:
                vec.step(a)
            n["vec"] += 8 * n_envs
        t["vec"] += time.perf_counter() - t0
    env.close()
    vec.close()
    return {k: n[k] / t[k] for k in t}


def bench_node(seconds: float) -> tuple[float | None, str]:
    """The game over its protocol (server started as the node backend starts it), one ``step``
    request per frame; None and the reason when the game cannot run here."""
    try:
        import websocket  # websocket-client

        from qwop_sim.backends.server_process import ServerProcess

        server = ServerProcess()
    except Exception as e:  # no node, no 'game' extra: report, do not crash the bench
        return None, f"{type(e).__name__}: {e}"
    try:
        ws = websocket.create_connection(f"ws://127.0.0.1:{server.port}/agent?backend=node", timeout=30)
        keys = _keys(100_000)[:, 0].tolist()

        def call(msg):
            ws.send(json.dumps(msg))
            r = json.loads(ws.recv())
            if not r.get("ok"):
                raise RuntimeError(r.get("error"))
            return r["state"]

        call({"id": 0, "cmd": "reset"})
        n = resets = 0
        t0 = time.perf_counter()
        deadline = t0 + seconds
        while time.perf_counter() < deadline:
            for _ in range(50):
                st = call({"id": n + 1, "cmd": "step", "keys": keys[n % 100_000], "frames": 1})
                n += 1
                if st["fallen"] or st["finished"]:
                    call({"id": -1, "cmd": "reset"})
                    resets += 1
        fps = n / (time.perf_counter() - t0)
        ws.close()
        return fps, f"{resets} resets"
    except Exception as e:  # report, do not crash the bench
        return None, f"error: {e!r}"
    finally:
        server.close()


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=3.0, help="per measurement")
    ap.add_argument("--batch", type=int, default=64, help="worlds in the batch")
    ap.add_argument("--no-node", action="store_true")
    args = ap.parse_args(argv)
    print(f"qwop_sim.bench: python {sys.version.split()[0]}, one process, "
          f"{os.cpu_count()} cpus on the machine, {args.seconds:g} s per figure")
    single, r1 = bench_single(args.seconds)
    print(f"  sim, one world (step_fast)     : {single:10,.0f} frames/s  ({r1} resets)")
    single_rs, _ = bench_single(args.seconds, api="state")
    print(f"  sim, one world (step->RawState): {single_rs:10,.0f} frames/s")
    from qwop_sim.physics import LEGACY_SETTINGS
    legacy, _ = bench_single(args.seconds, settings=LEGACY_SETTINGS)
    print(f"  sim, one world, LEGACY_SETTINGS: {legacy:10,.0f} frames/s  (no position pass: "
          f"x{legacy / single:.2f} the default's speed)")
    batch, r2 = bench_batch(args.seconds, args.batch)
    print(f"  sim, batch of {args.batch:<3d} worlds        : {batch:10,.0f} frames/s  ({r2} resets; "
          f"x{batch / single:.2f} one world)")
    slow, _ = bench_batch(args.seconds, args.batch, compiled=False)
    print(f"  sim, batch, world by world     : {slow:10,.0f} frames/s  (the batch before the compiled "
          f"path: compiled x{batch / slow:.2f})")
    # the same without resets (a fresh space costs ~0.5 ms: random play falls every ~100 frames)
    steady = bench_steady(args.seconds, args.batch)
    print(f"  steady state, no resets, {args.batch} worlds / one world: compiled batch "
          f"{steady['batch']:,.0f}, one world {steady['single']:,.0f} frames/s: "
          f"x{steady['batch'] / steady['single']:.2f}")
    envs = bench_envs(args.seconds, args.batch)
    print(f"  qwop-v0 env steps/s (frame_skip 2): one env {envs['env']:,.0f}, gym.make_vec num_envs="
          f"{args.batch} {envs['vec']:,.0f}: x{envs['vec'] / envs['env']:.2f}")
    if args.no_node:
        return
    node, note = bench_node(args.seconds)
    if node is None:
        print(f"  game (node server, WebSocket)  : not measured: {note}")
        return
    print(f"  game (node server, WebSocket)  : {node:10,.0f} frames/s  ({note})")
    print(f"  ratios: one world / game = {single / node:.1f}x, "
          f"RawState API / game = {single_rs / node:.1f}x, batch / game = {batch / node:.1f}x")


if __name__ == "__main__":
    main(sys.argv[1:])
