"""Pick a runner among a run's snapshots: the quick selection set on the game, one row per checkpoint.

    python run.py select runs/NAME/latest.pt runs/OTHER/latest.pt models/qwop-ppo-sim.pt --out selection.md
    (also `python -m rlqwop.select ...`)

Every checkpoint plays the same starts, on seeds (default 40000+) that the standard report
(`run.py report`, seeds 20000+) never uses, so choosing on this table does not tune to the report's
starts: the plain start, EPISODES (default 20) each of the four standard disturbances (velocity
noise 0.1 and 0.3, a late reaction, a fumbled start) and of held keys (25 random key frames, each
set held up to 25 frames). One row per checkpoint: the plain start's time, the finishes per kind,
the mean 100 m time over every finished disturbed race. 20 starts a kind is +-4 finishes at these
rates: the table shortlists, the full report decides.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

from .evaluate import env_settings, run_episodes, summarize
from .report import STARTS, write_table

# short name -> env kwargs (qwop_sim/envs/starts.py): four of the standard report's kinds, taken from
# its STARTS so the two cannot drift apart, and the held keys models/README.md's reports add
QUICK_STARTS = {
    "noise 0.1": STARTS["noise 0.1"],
    "noise 0.3": STARTS["noise 0.3"],
    "late 0-30": STARTS["late (0-30 idle frames)"],
    "fumble 0-20": STARTS["fumble (0-20 frames of random keys)"],
    "held keys": {"start_keys": 25, "start_hold": 25},
}
STANDARD = ("noise 0.1", "noise 0.3", "late 0-30", "fumble 0-20")


def select_row(name: str, results: dict) -> str:
    """One markdown row from {"plain": [episode], kind: [episodes]} (episodes as run_episodes gives)."""
    plain = results["plain"][0]
    if plain["finished"]:
        plain_s = f"{plain['time_100m']:.2f} s"
    else:
        plain_s = f"falls at {plain['distance']:.1f} m"
    counts = {k: sum(bool(e["finished"]) for e in results[k]) for k in QUICK_STARTS}
    n = len(results[STANDARD[0]])
    times = [e["time_100m"] for k in QUICK_STARTS for e in results[k] if e["finished"]]
    mean = f"{sum(times) / len(times):.2f} s" if times else "-"
    standard = sum(counts[k] for k in STANDARD)
    return (f"| {name} | {plain_s} | " + " | ".join(str(counts[k]) for k in STANDARD)
            + f" | {standard} of {n * len(STANDARD)} | {counts['held keys']} of {n} | {mean} |")


HEADER = ("| checkpoint | plain | " + " | ".join(STANDARD) + " | standard | held keys | mean finish |\n"
          "| --- | --- | " + " | ".join("---" for _ in STANDARD) + " | --- | --- | --- |")


def main(argv=None) -> int:
    from qwop_sim.backends import BACKENDS

    from .policy import load_policy

    p = argparse.ArgumentParser(prog="run.py select", description=__doc__.split("\n\n")[0])
    p.add_argument("checkpoints", nargs="+", metavar="CHECKPOINT")
    p.add_argument("--backend", default="node", choices=BACKENDS, help="node: the game (default)")
    p.add_argument("--episodes", type=int, default=20, help="episodes per kind of disturbed start")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--max-steps", type=int, default=5000)
    p.add_argument("--seed", type=int, default=40_000, help="episode i of every start uses reset(seed=SEED + i)")
    p.add_argument("--out", default=None, metavar="SELECTION.md", help="also write the table here (+ .json)")
    a = p.parse_args(argv)
    if a.episodes <= 0 or a.workers <= 0:
        p.error("--episodes and --workers must be positive")
    missing = [c for c in a.checkpoints if not os.path.isfile(c)]
    if missing:
        p.error(f"no such checkpoint: {', '.join(missing)}")
    print(HEADER, flush=True)
    rows, raw, t0 = [], {}, time.time()
    for ckpt in a.checkpoints:
        cfg = load_policy(ckpt).config
        results = {}
        for kind, kwargs in {"plain": {}, **QUICK_STARTS}.items():
            n = 1 if not kwargs else a.episodes
            ns = env_settings(cfg, kwargs, backend=a.backend)
            print(f"[select] {ckpt}: {kind} on {a.backend}, {n} episode(s)", file=sys.stderr, flush=True)
            results[kind] = run_episodes(ckpt, ns, [a.seed + i for i in range(n)], a.max_steps, min(a.workers, n))
        raw[ckpt] = {k: {"summary": summarize(v), "episodes": v} for k, v in results.items()}
        rows.append(select_row(ckpt, results))
        print(rows[-1], flush=True)
    table = HEADER + "\n" + "\n".join(rows)
    print(f"\n({a.backend}, deterministic policy, seeds {a.seed}.., {time.time() - t0:.0f} s)\n{table}")
    if a.out:
        write_table(a.out, f"Quick selection on `{a.backend}`, deterministic policy, seeds {a.seed}+i, "
                           f"`python run.py select {' '.join(argv if argv is not None else sys.argv[1:])}`", table, raw)
    return 0


if __name__ == "__main__":
    sys.exit(main())
