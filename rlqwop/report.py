"""The standard evaluation of a runner: one table, the game and the sim side by side.

    python run.py report --checkpoint models/qwop-ppo-sim.pt --episodes 50 --workers 2 --out report.md
    (also `python -m rlqwop.report ...`, or `qwop-report ...` once installed)

Plays the deterministic policy from the plain start and from each kind of start disturbance
(`STARTS` below: velocity noise 0.1 and 0.3, a late reaction, a fumbled start, all together, and
three harsher starts than training used), on
each backend asked for (default: `node`, the game itself, and `sim`), with the same seeds
everywhere, and writes a markdown table (finish rate with its 95% confidence interval, 100 m time
mean and best, splits) plus the raw episodes as JSON next to it.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time

from .evaluate import _jsonable, add_stall_recovery_flag, env_settings, run_episodes, summarize

# name -> env kwargs of the start (qwop_sim/envs/starts.py). The plain start has no randomness:
# one episode says it all. The first six are the standard table (comparable across models); the
# "harsh" ones go beyond both that table and the shipped runner's training starts (noise 0.3, up
# to 30 idle and 20 random frames: models/run-sim-finetune/config.json): noise 0.5 and twice the
# training's late and fumbled starts, to show how the runner copes with starts it never saw.
STARTS = {
    "plain": {},
    "noise 0.1": {"init_noise": 0.1},
    "noise 0.3": {"init_noise": 0.3},
    "late (0-30 idle frames)": {"start_delay": 30},
    "fumble (0-20 frames of random keys)": {"start_keys": 20},
    "all (noise 0.2, 0-15 idle, 0-10 random)": {"init_noise": 0.2, "start_delay": 15, "start_keys": 10},
    "harsh noise 0.5": {"init_noise": 0.5},
    "harsh late (0-60 idle frames)": {"start_delay": 60},
    "harsh fumble (0-40 frames of random keys)": {"start_keys": 40},
}
# Named starts played only when asked for (`--starts`), pooled apart like --extra-start. The plain
# start is one trajectory of a chaotic system: velocity noise of 0.001 (a thousandth of the
# standard table's smallest) makes every race another one from ~2 s on, so the spread of these
# races' times says how much of the plain start's single figure is luck (models/README.md).
OPTIONAL_STARTS = {
    "near-plain (noise 0.001)": {"init_noise": 0.001},
}


def _fmt(v, fmt="%.2f"):
    return fmt % v if isinstance(v, (int, float)) and not math.isnan(v) else "-"


def row(start: str, backend: str, s: dict) -> str:
    lo, hi = s["finish_rate_ci95"]
    n_fin = round(s["finish_rate"] * s["episodes"])
    return (f"| {start} | {backend} | {n_fin}/{s['episodes']} = {s['finish_rate']:.0%} ({lo:.0%}-{hi:.0%}) | "
            f"{_fmt(s['time_100m'])} | {_fmt(s['best_time_100m'])} | {_fmt(s['split_10m'])} | "
            f"{_fmt(s['split_50m'])} | {_fmt(s['mean_distance'], '%.1f')} |")


# Stretches of the track where a lost race can end (metres): the start, the run-up, the hurdle
# (it stands at 50 m; a runner that trips on it falls a few metres on), the rest of the race.
STRETCHES = ((0, 10, "start 0-10 m"), (10, 48, "10-48 m"), (48, 60, "hurdle 48-60 m"), (60, 100, "60-100 m"))


def where_lost(raw: dict) -> str:
    """A table of where the races that did not finish ended, per backend, over every start played,
    and how many of them ended with the runner still up (not fallen): the time ran out (a stall,
    unless --max-steps cut the races short on purpose), or the runner went back past the line's
    limit (qwop_sim.envs.core.BACKWARD_LIMIT_M)."""
    lost: dict[str, list[dict]] = {}
    for key, r in raw.items():
        backend = key.split(" | ")[-1]
        lost.setdefault(backend, [])
        lost[backend] += [e for e in r["episodes"] if not e.get("finished")]
    head = "| lost races ended at | " + " | ".join(label for _, _, label in STRETCHES) + " | of them not fallen (time up, or back past -10 m) |"
    out = [head, "| --- |" + " --- |" * (len(STRETCHES) + 1)]
    for backend, eps in lost.items():
        # each race in the first stretch whose end lies beyond it; the first stretch takes the runs
        # that went backwards (< 0 m), the last anything at 100 m and more
        counts = [0] * len(STRETCHES)
        for e in eps:
            counts[next((i for i, (_, hi, _) in enumerate(STRETCHES) if e["distance"] < hi), len(STRETCHES) - 1)] += 1
        not_fallen = sum(e.get("fallen") is False for e in eps)
        out.append(f"| {backend} ({len(eps)} lost) | " + " | ".join(str(c) for c in counts) + f" | {not_fallen} |")
    return "\n".join(out)


def _extra_start(p: argparse.ArgumentParser, spec: str) -> tuple[str, dict]:
    """NAME=JSON of --extra-start -> (name, env kwargs of the start), checked as the envs check
    them; a usage error naming the bad part otherwise."""
    from qwop_sim.envs.slips import NAMES as SLIPS, KeySlips
    from qwop_sim.envs.starts import DISTURBANCES, StartDisturbance

    name, sep, text = spec.partition("=")
    name = name.strip()
    if not sep or not name:
        p.error(f"--extra-start {spec!r}: expected NAME=JSON, e.g. 'held keys={{\"start_keys\": 25, \"start_hold\": 25}}'")
    try:
        kwargs = json.loads(text)
    except json.JSONDecodeError as e:
        p.error(f"--extra-start {name!r}: not JSON ({e})")
    if not isinstance(kwargs, dict) or not kwargs:
        p.error(f"--extra-start {name!r}: expected a non-empty JSON object of start options")
    known = list(DISTURBANCES) + list(SLIPS)  # mid-race key slips too: a robustness test of their own
    unknown = set(kwargs) - set(known)
    if unknown:
        p.error(f"--extra-start {name!r}: {sorted(unknown)} not start disturbances (known: {known})")
    try:
        StartDisturbance.checked(**{k: v for k, v in kwargs.items() if k in DISTURBANCES})
        KeySlips.checked(**{k: v for k, v in kwargs.items() if k in SLIPS})
    except ValueError as e:
        p.error(f"--extra-start {name!r}: {e}")
    return name, kwargs


def main(argv=None) -> int:
    from qwop_sim.backends import BACKENDS

    from .policy import load_policy

    p = argparse.ArgumentParser(prog="run.py report", description=__doc__.split("\n\n")[0])
    p.add_argument("--checkpoint", required=True)
    p.add_argument("--backends", nargs="+", default=["node", "sim"], choices=BACKENDS)
    p.add_argument("--episodes", type=int, default=50, help="episodes per disturbed start (the plain start: 1)")
    p.add_argument("--starts", nargs="+", default=list(STARTS), choices=[*STARTS, *OPTIONAL_STARTS], metavar="START",
                   help=f"which starts (default: all of {list(STARTS)}; also {list(OPTIONAL_STARTS)})")
    p.add_argument("--extra-start", action="append", default=[], metavar='NAME=JSON',
                   help="one more kind of start, played after the chosen ones and pooled apart "
                        "('held keys={\"start_keys\": 25, \"start_hold\": 25}'; the options of "
                        "qwop_sim/envs/starts.py, and key slips: 'slips={\"key_slip\": 0.01, "
                        "\"key_slip_hold\": 4}'); repeatable")
    add_stall_recovery_flag(p)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--max-steps", type=int, default=5000)
    p.add_argument("--seed", type=int, default=20_000, help="episode i of every start uses reset(seed=SEED + i)")
    p.add_argument("--out", default=None, metavar="REPORT.md", help="also write the table here (+ REPORT.json)")
    a = p.parse_args(argv)
    if a.episodes <= 0 or a.workers <= 0:
        p.error("--episodes and --workers must be positive")
    starts = {name: {**STARTS, **OPTIONAL_STARTS}[name] for name in a.starts}
    for spec in a.extra_start:
        name, kwargs = _extra_start(p, spec)
        if name in starts:
            p.error(f"--extra-start {name!r}: a start of that name is already played")
        starts[name] = kwargs
    extra = set(starts) - set(STARTS)
    cfg = load_policy(a.checkpoint).config
    lines = ["| start | backend | finished (95% CI) | 100 m mean s | 100 m best s | 10 m s | 50 m s | mean distance m |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    raw = {}
    # pooled episodes per (group, backend): the standard disturbed starts, and the harsh ones apart
    pooled = {g: {b: [] for b in a.backends} for g in ("standard", "harsh", "extra")}
    t0 = time.time()
    for start, kwargs in starts.items():
        n = 1 if not kwargs else a.episodes
        for backend in a.backends:
            ns = env_settings(cfg, kwargs, backend=backend)
            print(f"[report] {start} on {backend}: {n} episode(s)", file=sys.stderr, flush=True)
            eps = run_episodes(a.checkpoint, ns, [a.seed + i for i in range(n)], a.max_steps,
                               min(a.workers, n), stall_s=a.stall_recovery)
            s = summarize(eps)
            raw[f"{start} | {backend}"] = {"env_kwargs": kwargs, "stall_recovery_s": a.stall_recovery,
                                           "summary": s, "episodes": eps}
            lines.append(row(start, backend, s))
            print(lines[-1], flush=True)
            if kwargs:
                group = "extra" if start in extra else "harsh" if start.startswith("harsh") else "standard"
                pooled[group][backend] += eps
    # One figure per backend for "how often does it finish from a disturbed start": the pooled
    # episodes (each kind of start weighs its episode count), the harsh starts apart so the
    # standard figure stays comparable with earlier reports.
    for group, label in (("standard", "**every standard disturbed start**"), ("harsh", "**every harsh start**"),
                         ("extra", "**every extra start**")):
        for backend, eps in pooled[group].items():
            if eps:
                lines.append(row(label, backend, summarize(eps)))
    lines += ["", where_lost(raw)]
    table = "\n".join(lines)
    policy = "deterministic policy" + (f", stall recovery after {a.stall_recovery:g} s" if a.stall_recovery else "")
    print(f"\n{a.checkpoint} ({policy}, seeds {a.seed}.., {time.time() - t0:.0f} s)\n{table}")
    if a.out:
        write_table(a.out, f"`{a.checkpoint}`, {policy}, seeds {a.seed}+i, "
                           f"`python run.py report {' '.join(argv if argv is not None else sys.argv[1:])}`", table, raw)
    return 0


def write_table(out: str, heading: str, table: str, raw: dict) -> None:
    """OUT.md: the heading (what was played, the command), then the markdown table; OUT.json: every episode."""
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w") as f:
        f.write(f"{heading}\n\n{table}\n")
    with open(os.path.splitext(out)[0] + ".json", "w") as f:
        json.dump(_jsonable(raw), f, indent=1, allow_nan=False)
    print(f"wrote {out}")


if __name__ == "__main__":
    sys.exit(main())
