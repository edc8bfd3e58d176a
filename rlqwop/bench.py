"""Training throughput with 1 and 2 MPI ranks: `python -m rlqwop.bench [--env qwop-v0] [--seconds 40]`.

Runs the real trainer (run.py) for a fixed number of iterations with 1 process and then with 2
(`--cpu 2`), reads the steps/s of the steady state (iterations after the first) from progress.csv,
and prints both and their ratio (the scaling). Uses qwop-v0 when qwop_sim registers it, else the toy
env.
"""
from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _default_env() -> str:
    try:
        import gymnasium as gym
        import qwop_sim  # noqa: F401
        if "qwop-v0" in gym.registry:
            gym.make("qwop-v0").close()
            return "qwop-v0"
    except Exception:
        pass
    return "rlqwop/ToyRun-v0"


def _steady_sps(csv_path: str) -> tuple[float, int]:
    rows = list(csv.DictReader(open(csv_path)))
    if len(rows) < 2:
        raise RuntimeError(f"too few iterations in {csv_path}")
    a, b = rows[0], rows[-1]
    steps = int(b["global_step"]) - int(a["global_step"])
    return steps / (float(b["time_s"]) - float(a["time_s"])), int(b["global_step"])


def run_one(n: int, args, tmp: str) -> dict:
    name = f"bench{n}"
    steps_per_iter = n * args.num_envs * args.num_steps
    total = steps_per_iter * args.iterations
    cmd = [sys.executable, os.path.join(ROOT, "run.py"), "--env", args.env, "--backend", args.backend,
           "--num-envs", str(args.num_envs), "--num-steps", str(args.num_steps), "--total-steps", str(total),
           "--eval-every", "0", "--progress", "false", "--tensorboard", "false", "--plot-every", "100000",
           "--save-every", "100000", "--runs-dir", tmp, "--name", name]
    if n > 1:
        cmd += ["--cpu", str(n)]
    env = dict(os.environ)
    env.setdefault("OMPI_ALLOW_RUN_AS_ROOT", "1")
    env.setdefault("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
    t0 = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    wall = time.time() - t0
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{out.stdout[-2000:]}\n{out.stderr[-2000:]}")
    sps, steps = _steady_sps(os.path.join(tmp, name, "progress.csv"))
    return {"ranks": n, "steps": steps, "wall_s": wall, "sps": sps}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m rlqwop.bench", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--env", default=None, help="default: qwop-v0 if available, else rlqwop/ToyRun-v0")
    p.add_argument("--backend", default="sim")
    p.add_argument("--num-envs", type=int, default=8)
    p.add_argument("--num-steps", type=int, default=256)
    p.add_argument("--iterations", type=int, default=6, help="iterations per run (the first is not timed)")
    p.add_argument("--ranks", default="1,2", help="comma-separated process counts")
    args = p.parse_args(argv)
    args.env = args.env or _default_env()
    ranks = [int(r) for r in args.ranks.split(",")]
    print(f"rlqwop bench: {args.env} (backend {args.backend}), {args.num_envs} envs x {args.num_steps} steps "
          f"per acting rank per iteration, {args.iterations} iterations, {os.cpu_count()} CPUs")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in ranks:
            r = run_one(n, args, tmp)
            results.append(r)
            print(f"  {n} rank(s): {r['sps']:8.0f} training steps/s  ({r['steps']} steps, {r['wall_s']:.0f} s wall)",
                  flush=True)
    base = results[0]["sps"]
    for r in results[1:]:
        print(f"  scaling {r['ranks']} vs {results[0]['ranks']} rank(s): x{r['sps'] / base:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
