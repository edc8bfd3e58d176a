"""A bank of mid-race start states for the ``start_bank`` curriculum (qwop_sim/envs/starts.py).

    python -m rlqwop.start_bank --checkpoint models/qwop-ppo-sim.pt --out models/hurdle-bank.json.gz

Plays a checkpoint's deterministic policy on the sim from disturbed starts (so the runner reaches
the same stretch of track in many phases of its stride) and keeps the raw states whose distance
lies in ``--from``..``--to`` metres, one every ``--every`` steps. The default stretch is the run-up
to the hurdle at 50 m: most races the shipped runners lose end there (models/README.md), and a
training episode from the line meets the hurdle once in ~250 steps; one from the bank, within ~40.

Training with it: ``--env-kwargs '{"start_bank": "models/hurdle-bank.json.gz", "start_bank_prob": 0.3,
...}'``: 30% of training episodes begin from a bank state (plus the velocity noise), the rest from
the line as before. The reward and the rules are unchanged; evaluation starts from the line.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import sys


def collect(checkpoint: str, episodes: int, lo: float, hi: float, every: int, seed: int,
            init_noise: float, max_steps: int = 2000, progress: bool = True) -> list[dict]:
    """The RawState dicts of the policy's own runs between lo and hi metres (every `every` steps)."""
    import gymnasium as gym

    import qwop_sim  # noqa: F401  (registers the ids)

    from qwop_sim.envs.starts import plain_start

    from .policy import load_policy

    policy = load_policy(checkpoint)
    kw = plain_start(policy.env_kwargs)
    kw.update(backend="sim", init_noise=init_noise)
    env = gym.make(policy.env_id or "qwop-v0", **kw)
    states: list[dict] = []
    try:
        bar = range(episodes)
        if progress:
            from tqdm import tqdm
            bar = tqdm(bar, desc="episodes", unit="ep")
        for i in bar:
            obs, info = env.reset(seed=seed + i)
            k = 0
            for _ in range(max_steps):
                obs, _, terminated, truncated, info = env.step(policy(obs))
                d = float(info["distance"])
                if lo <= d <= hi:
                    if k % every == 0:
                        states.append(env.unwrapped.state.to_dict())
                    k += 1
                if terminated or truncated or d > hi:
                    break
    finally:
        env.close()
    return states


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m rlqwop.start_bank", description=__doc__.split("\n\n")[0])
    p.add_argument("--checkpoint", required=True)
    p.add_argument("--out", required=True, metavar="BANK.json.gz")
    p.add_argument("--episodes", type=int, default=60)
    p.add_argument("--from", dest="lo", type=float, default=38.0, help="metres (default: 38)")
    p.add_argument("--to", dest="hi", type=float, default=49.0, help="metres (default: 49, the hurdle is at 50)")
    p.add_argument("--every", type=int, default=4, help="keep one state every N steps in the stretch")
    p.add_argument("--init-noise", type=float, default=0.3, help="start velocity noise of the recorded runs")
    p.add_argument("--seed", type=int, default=50_000)
    p.add_argument("--no-progress", action="store_true")
    a = p.parse_args(argv)
    if a.episodes <= 0 or a.every <= 0 or not 0 <= a.lo < a.hi:
        p.error("--episodes and --every must be positive and 0 <= --from < --to")
    states = collect(a.checkpoint, a.episodes, a.lo, a.hi, a.every, a.seed, a.init_noise,
                     progress=not a.no_progress)
    if not states:
        sys.exit(f"start_bank: the policy never ran between {a.lo} and {a.hi} m: nothing to write")
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    meta = {"checkpoint": a.checkpoint, "episodes": a.episodes, "from_m": a.lo, "to_m": a.hi,
            "every": a.every, "init_noise": a.init_noise, "seed": a.seed}
    opener = gzip.open if a.out.endswith(".gz") else open
    with opener(a.out, "wt", encoding="utf-8") as f:
        json.dump({"meta": meta, "states": states}, f)
    print(f"wrote {len(states)} states from {a.episodes} episodes ({a.lo}-{a.hi} m) to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
