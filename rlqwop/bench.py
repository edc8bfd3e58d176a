"""Training throughput with 1 and 2 MPI ranks: `python -m rlqwop.bench [--env qwop-v0]`.

First measures one plain env (`gym.make(env)`, random actions, resets included) in this process,
then runs the real trainer (run.py, its defaults: 32 envs x 64 steps per rank on the sim) for
~600k env steps (`--total-steps`) with 1 process and with 2 (`--cpu 2`), reads the steps/s after
the first iteration from progress.csv, and prints each as a ratio to the plain env and to 1 rank
(the scaling); the plain env is measured again at the end and the ratios to the faster of its two
measurements are printed too (the conservative figure on a noisy machine); and where each run's
wall-clock went (collecting, the update, the rest: progress.csv's collect_s and update_s). Frame
skip 2, as issue 11 measures it. With `--list-envs` the
trainer runs are repeated with the envs stepped one by one (RLQWOP_VECTOR_ENV=off) instead of the
batched vector env. Uses qwop-v0 when qwop_sim registers it, else the toy env.

It also times the learner's update alone (the trainer's network and PPO settings, a synthetic batch
of 4096, 1 thread) and prints its cost per sample, the activation's share of it, and the most N
cores could give with this collecting and this update if nothing ever waited: N / (collecting +
updating per sample, both on one core), as a ratio to the plain env. `--trainer-args "..."` passes
extra run.py flags to every trainer run and to that timing (e.g. `--trainer-args "--activation
tanh"`, the network of every runner before session 31).
"""
from __future__ import annotations

import argparse
import csv
import os
import shlex
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


def _progress_rows(csv_path: str) -> list[dict]:
    """A trainer run's progress.csv, one dict per logged iteration; at least two (the first is not
    timed), else a RuntimeError naming the file."""
    with open(csv_path, newline="") as f:
        rows = list(csv.DictReader(f))
    if len(rows) < 2:
        raise RuntimeError(f"too few iterations in {csv_path}")
    return rows


def _steady_sps(rows: list[dict]) -> tuple[float, int]:
    """Env steps/s after the first iteration, and the run's step count (rows: _progress_rows)."""
    a, b = rows[0], rows[-1]
    steps = int(b["global_step"]) - int(a["global_step"])
    return steps / (float(b["time_s"]) - float(a["time_s"])), int(b["global_step"])


def _time_shares(rows: list[dict]) -> dict:
    """Where the timed iterations' wall-clock went (progress.csv's collect_s and update_s, the
    first iteration left out as in _steady_sps): shares of collecting (broadcast, acting, gather),
    of the learner's update, and of the rest (logging, saving, the step count's bookkeeping).
    Empty for a run without those columns."""
    wall = float(rows[-1]["time_s"]) - float(rows[0]["time_s"])
    if wall <= 0 or not rows[1].get("collect_s"):
        return {}
    # a row's time_s is the end of its iteration: the first row only starts the clock; with
    # --log-every N a row stands for the N iterations since the one before (bench logs every one)
    collect = update = 0.0
    for prev, r in zip(rows, rows[1:]):
        n = int(r.get("iteration") or 0) - int(prev.get("iteration") or 0) or 1
        collect += n * float(r["collect_s"])
        update += n * float(r["update_s"])
    collect, update = collect / wall, update / wall
    return {"collect": collect, "update": update, "other": max(0.0, 1.0 - collect - update)}


def plain_env_sps(args, seconds: float = 5.0) -> float:
    """Env steps/s of one plain env with random actions (frame skip as the trainer's)."""
    import gymnasium as gym
    from rlqwop.envs import make_env

    ns = argparse.Namespace(env=args.env, backend=args.backend, action_mode="multibinary",
                            frame_skip=args.frame_skip, env_kwargs="{}", max_episode_steps=0)
    env = make_env(ns)
    env.action_space.seed(0)
    env.reset(seed=0)
    acts = [env.action_space.sample() for _ in range(1000)]
    n = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for a in acts:
            _, _, term, trunc, _ = env.step(a)
            if term or trunc:
                env.reset()
        n += len(acts)
    sps = n / (time.perf_counter() - t0)
    env.close()
    del gym
    return sps


def _rollout_shape(args) -> tuple[int, int]:
    """(envs, steps) per acting rank as the trainer will run: the flags given (``--trainer-args``
    last, as _trainer_args passes them), else the trainer's own defaults. run.py's parser reads
    them, so a flag it does not take ends here (SystemExit), before any run."""
    from rlqwop.config import parse_args

    argv = ["--env", args.env, "--backend", args.backend]
    for flag, v in (("--num-envs", args.num_envs), ("--num-steps", args.num_steps)):
        if v is not None:
            argv += [flag, str(v)]
    a = parse_args(argv + shlex.split(args.trainer_args or ""))
    return a.num_envs, a.num_steps


def _trainer_args(args) -> list[str]:
    """The trainer flags every run gets: the env, backend, rollout shape and frame skip, then
    ``--trainer-args``."""
    argv = ["--env", args.env, "--backend", args.backend, "--num-envs", str(args.num_envs),
            "--num-steps", str(args.num_steps)]
    if args.frame_skip is not None:
        argv += ["--frame-skip", str(args.frame_skip)]
    return argv + shlex.split(args.trainer_args or "")


def update_cost(args, threads: int = 1, batch: int = 4096, repeats: int = 5) -> dict:
    """The learner's update alone, as the trainer runs it (its network and PPO settings from
    _trainer_args, the full update_epochs: no KL stop) on a synthetic batch (the cost does not
    depend on the values), on ``threads`` torch threads: microseconds per sample, and the share of
    it that goes to the activation functions (the same update timed with them replaced by
    identities: what they cost, forward and backward)."""
    import copy

    import numpy as np
    import torch

    from rlqwop.config import parse_args
    from rlqwop.envs import make_env
    from rlqwop.networks import build_model, space_spec
    from rlqwop.ppo import ppo_update
    from rlqwop.rollout import data_columns

    a = parse_args(_trainer_args(args))
    a.target_kl = 0.0
    env = make_env(a)
    spec = space_spec(env.observation_space, env.action_space)
    env.close()
    model = build_model(spec, a)
    if spec["image"]:  # the CNN's update is ~100x the MLP's: a smaller batch says the same per sample
        batch, repeats = min(batch, 1024), min(repeats, 2)
    rng = np.random.default_rng(0)
    shape = (batch,) + tuple(spec["obs_shape"])
    obs = (rng.integers(0, 256, shape, dtype=np.uint8) if spec["image"]
           else rng.standard_normal(shape).astype(np.float32))
    cols = data_columns(model.n_act, model.kind)
    data = rng.standard_normal((batch, cols["width"])).astype(np.float32)
    if model.kind == "multibinary":
        data[:, cols["action"]] = rng.integers(0, 2, (batch, model.n_act))
        data[:, cols["logp"]] = model.n_act * np.log(0.5)
    else:
        data[:, cols["action"]] = rng.integers(0, model.n_act, (batch, 1))
        data[:, cols["logp"]] = -np.log(model.n_act)

    def one_update(m, opt) -> float:
        t0 = time.perf_counter()
        ppo_update(m, opt, obs, data, a, rng)
        return (time.perf_counter() - t0) / batch * 1e6

    bare = copy.deepcopy(model)  # the activations swapped for identities: the rest of the cost
    for mod in list(bare.modules()):
        for name, child in list(mod.named_children()):
            if isinstance(child, (torch.nn.Tanh, torch.nn.ReLU)):
                setattr(mod, name, torch.nn.Identity())
    pairs = [(m, torch.optim.Adam(m.parameters(), lr=a.lr, eps=1e-5)) for m in (model, bare)]
    old = torch.get_num_threads()
    torch.set_num_threads(threads)
    try:
        for m, opt in pairs:
            one_update(m, opt)  # warm-up
        # alternating, the fastest of each: the least disturbed by the rest of a shared machine
        times = [[one_update(m, opt) for m, opt in pairs] for _ in range(repeats)]
    finally:
        torch.set_num_threads(old)
    us, us_bare = min(t[0] for t in times), min(t[1] for t in times)
    return {"us_per_sample": us, "activation_share": max(0.0, 1.0 - us_bare / us), "activation": a.activation,
            "epochs": a.update_epochs, "minibatch": a.minibatch_size}


def run_one(n: int, args, tmp: str, vector: bool = True) -> dict:
    name = f"bench{n}{'' if vector else 'list'}"
    steps_per_iter = n * args.num_envs * args.num_steps
    total = steps_per_iter * max(3, -(-args.total_steps // steps_per_iter))
    cmd = [sys.executable, os.path.join(ROOT, "run.py"), *_trainer_args(args), "--total-steps", str(total),
           "--eval-every", "0", "--progress", "false", "--tensorboard", "false", "--plot-every", "100000",
           "--save-every", "100000", "--runs-dir", tmp, "--name", name]
    if n > 1:
        cmd += ["--cpu", str(n)]
    env = dict(os.environ)
    env.setdefault("OMPI_ALLOW_RUN_AS_ROOT", "1")
    env.setdefault("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
    env["RLQWOP_VECTOR_ENV"] = "auto" if vector else "off"
    t0 = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    wall = time.time() - t0
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{out.stdout[-2000:]}\n{out.stderr[-2000:]}")
    rows = _progress_rows(os.path.join(tmp, name, "progress.csv"))
    sps, steps = _steady_sps(rows)
    return {"ranks": n, "steps": steps, "wall_s": wall, "sps": sps, "vector": vector, "shares": _time_shares(rows)}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m rlqwop.bench", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--env", default=None, help="default: qwop-v0 if available, else rlqwop/ToyRun-v0")
    p.add_argument("--backend", default="sim")
    p.add_argument("--num-envs", type=int, default=None, help="default: the trainer's (32 on the sim)")
    p.add_argument("--num-steps", type=int, default=None, help="default: the trainer's (64 on the sim)")
    p.add_argument("--total-steps", type=int, default=600_000,
                   help="env steps per training run (whole iterations, at least 3; the first is not timed)")
    p.add_argument("--ranks", default="1,2", help="comma-separated process counts")
    p.add_argument("--frame-skip", type=int, default=2, help="game frames per env step (QWOP ids; default 2)")
    p.add_argument("--list-envs", action="store_true",
                   help="also train with the envs stepped one by one (no batched vector env)")
    p.add_argument("--trainer-args", default="", metavar="FLAGS",
                   help='extra run.py flags for every trainer run and the update timing, e.g. "--activation tanh"')
    args = p.parse_args(argv)
    args.env = args.env or _default_env()
    ranks = [int(r) for r in args.ranks.split(",")]
    try:  # a bad --trainer-args flag fails here, in one line, before any run
        args.num_envs, args.num_steps = _rollout_shape(args)
    except SystemExit:
        p.error(f"--trainer-args {args.trainer_args!r}: run.py does not take these flags (see above)")
    print(f"rlqwop bench: {args.env} (backend {args.backend}), {args.num_envs} envs x {args.num_steps} steps "
          f"per acting rank per iteration, {args.total_steps} steps per run, {os.cpu_count()} CPUs"
          + (f", trainer flags {args.trainer_args}" if args.trainer_args else ""))
    plain = plain_env_sps(args)
    print(f"  one plain env ({args.env}, frame_skip {args.frame_skip}, random actions): {plain:8.0f} env steps/s",
          flush=True)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for vector in ((True, False) if args.list_envs else (True,)):
            for n in ranks:
                r = run_one(n, args, tmp, vector)
                results.append(r)
                how = "vector env" if vector else "list of envs"
                print(f"  {n} rank(s), {how}: {r['sps']:8.0f} training steps/s = x{r['sps'] / plain:.2f} one plain env"
                      f"  ({r['steps']} steps, {r['wall_s']:.0f} s wall)", flush=True)
                if r["shares"]:
                    sh = r["shares"]
                    print(f"    its wall-clock: collecting {sh['collect']:.0%} (acting, broadcast, gather), "
                          f"the update {sh['update']:.0%}, the rest {sh['other']:.0%}", flush=True)
    plain2 = plain_env_sps(args)
    print(f"  one plain env again: {plain2:8.0f} env steps/s (the machine's drift over the run)")
    up = update_cost(args)
    print(f"  the learner's update alone (1 thread, {up['epochs']} epochs, minibatch {up['minibatch']}): "
          f"{up['us_per_sample']:.1f} us per sample, the activation ({up['activation']}) {up['activation_share']:.0%} of it")
    one = next((r for r in results if r["vector"] and r["ranks"] == 1 and r["shares"]), None)
    if one:  # what the cores could give if nothing ever waited (one core collects this fast)
        collect_us = one["shares"]["collect"] * 1e6 / one["sps"]
        per_sample = collect_us + up["us_per_sample"]
        print(f"  per sample on one core: collecting {collect_us:.1f} us + updating {up['us_per_sample']:.1f} us; "
              "with perfect overlap N cores give at most N / that: " + ", ".join(
                  f"{n} x{n * 1e6 / per_sample / plain:.2f}" for n in sorted(set(ranks) | {2})) + " one plain env")
    top = max(plain, plain2)  # the conservative ratio: to the faster of the two measurements
    print(f"  ratios to the faster plain env measurement ({top:.0f} env steps/s): " + ", ".join(
        f"{r['ranks']} rank(s){'' if r['vector'] else ' (list of envs)'} x{r['sps'] / top:.2f}" for r in results))
    base = results[0]["sps"]
    for r in results[1:]:
        if r["vector"]:
            print(f"  scaling {r['ranks']} vs {results[0]['ranks']} rank(s): x{r['sps'] / base:.2f}")
    for rv in results:
        for rl in results:
            if rv["vector"] and not rl["vector"] and rv["ranks"] == rl["ranks"]:
                print(f"  {rv['ranks']} rank(s): vector env / list of envs x{rv['sps'] / rl['sps']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
