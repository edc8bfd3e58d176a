"""A bank of mid-race start states for the ``start_bank`` curriculum (qwop_sim/envs/starts.py).

    python -m rlqwop.start_bank --checkpoint models/qwop-ppo-sim.pt --out models/hurdle-bank.json.gz

Plays a checkpoint's deterministic policy on the sim from disturbed starts (so the runner reaches
the same stretch of track in many phases of its stride) and keeps the raw states whose distance
lies in ``--from``..``--to`` metres, one every ``--every`` steps. The default stretch is the run-up
to the hurdle at 50 m: most races the shipped runners lose end there (models/README.md), and a
training episode from the line meets the hurdle once in ~250 steps; one from the bank, within ~40.

``--lost-starts`` writes a different bank: the recovery curriculum. It plays the policy from
disturbed starts of several kinds (``LOST_START_KINDS``: fumbles of quick taps and of held keys, a
late reaction, with and without velocity noise) and keeps the state the runner is in when the agent
first acts, for each start it then loses (a fall before ``--lost-before`` metres). About half of
such states can still be saved by some key sequence (``python -m rlqwop.recoverable``); the policy
meets them in ~15% of disturbed starts, so a bank of them concentrates training on the starts it
loses. ``--merge`` adds another bank's states (e.g. the hurdle bank) to the same file, since an
env takes one bank.

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


def _sim_env(policy, **start):
    """The policy's own env on the sim, from the line, with these start options (and no others)."""
    import gymnasium as gym

    import qwop_sim  # noqa: F401  (registers the ids)

    from qwop_sim.envs.starts import plain_start

    kw = plain_start(policy.env_kwargs)
    kw.update(backend="sim", **start)
    return gym.make(policy.env_id or "qwop-v0", **kw)


def _episodes(n: int, desc: str, progress: bool):
    """range(n), with a tqdm bar when asked."""
    if not progress:
        return range(n)
    from tqdm import tqdm
    return tqdm(range(n), desc=desc, unit="ep")


def collect(checkpoint: str, episodes: int, lo: float, hi: float, every: int, seed: int,
            init_noise: float, max_steps: int = 2000, progress: bool = True) -> list[dict]:
    """The RawState dicts of the policy's own runs between lo and hi metres (every `every` steps)."""
    from .policy import load_policy

    policy = load_policy(checkpoint)
    env = _sim_env(policy, init_noise=init_noise)
    states: list[dict] = []
    try:
        for i in _episodes(episodes, "episodes", progress):
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


# The disturbed starts --lost-starts plays (options of qwop_sim/envs/starts.py), each --episodes times:
# harder than the evaluation's (so more are lost) and of several kinds (so the bank is not one kind).
LOST_START_KINDS = {
    "fumble 0-30": {"init_noise": 0.1, "start_keys": 30},
    "held keys 0-25": {"start_keys": 25, "start_hold": 25},
    "late and fumble": {"start_delay": 45, "start_keys": 20},
    "held 1-12 frames, 0-40": {"init_noise": 0.2, "start_keys": 40, "start_hold": 12},
}


def collect_lost_starts(checkpoint: str, episodes: int, seed: int, lost_before: float = 10.0,
                        max_steps: int = 300, progress: bool = True) -> tuple[list[dict], dict]:
    """The RawState dicts the agent first acted from, in the disturbed starts it lost (fell before
    ``lost_before`` metres), and a count per kind. Kind j's episode i uses seed + 10000 j + i."""
    from .policy import load_policy

    policy = load_policy(checkpoint)
    states: list[dict] = []
    counts: dict = {}
    for j, (name, kind) in enumerate(LOST_START_KINDS.items()):
        env = _sim_env(policy, **kind)
        lost = 0
        try:
            for i in _episodes(episodes, name, progress):
                obs, info = env.reset(seed=seed + 10_000 * j + i)
                first = env.unwrapped.state.to_dict()
                for steps in range(1, max_steps + 1):
                    obs, _, terminated, truncated, info = env.step(policy(obs))
                    if terminated or truncated or info["distance"] > lost_before:
                        break
                # a fall on the first step was down before the agent acted: nothing to learn there
                if terminated and steps > 1 and not info.get("finished") and info["distance"] < lost_before:
                    states.append(first)
                    lost += 1
        finally:
            env.close()
        counts[name] = {"episodes": episodes, "lost": lost}
    return states, counts


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
    p.add_argument("--lost-starts", action="store_true",
                   help="the recovery bank: the first states of the disturbed starts the policy loses "
                        "(--episodes per kind of start; --from/--to/--every/--init-noise do not apply)")
    p.add_argument("--lost-before", type=float, default=10.0, help="metres: a fall before this loses the start")
    p.add_argument("--merge", default=None, metavar="BANK.json.gz", help="add this bank's states to the file")
    p.add_argument("--no-progress", action="store_true")
    a = p.parse_args(argv)
    if a.episodes <= 0 or a.every <= 0 or not 0 <= a.lo < a.hi:
        p.error("--episodes and --every must be positive and 0 <= --from < --to")
    merged = []
    if a.merge:  # read first: a bad file fails before minutes of episodes
        from qwop_sim.envs.starts import load_bank
        try:
            merged = [s.to_dict() for s in load_bank(a.merge)]
        except ValueError as e:
            sys.exit(f"start_bank: --merge: {e}")
    if a.lost_starts:
        states, counts = collect_lost_starts(a.checkpoint, a.episodes, a.seed, a.lost_before,
                                             progress=not a.no_progress)
        meta = {"checkpoint": a.checkpoint, "lost_starts": counts, "lost_before_m": a.lost_before,
                "kinds": LOST_START_KINDS, "seed": a.seed}
        if not states:
            sys.exit("start_bank: the policy lost none of the disturbed starts: nothing to write")
    else:
        states = collect(a.checkpoint, a.episodes, a.lo, a.hi, a.every, a.seed, a.init_noise,
                         progress=not a.no_progress)
        meta = {"checkpoint": a.checkpoint, "episodes": a.episodes, "from_m": a.lo, "to_m": a.hi,
                "every": a.every, "init_noise": a.init_noise, "seed": a.seed}
        if not states:
            sys.exit(f"start_bank: the policy never ran between {a.lo} and {a.hi} m: nothing to write")
    if a.merge:
        meta = {"merged": {"file": a.merge, "states": len(merged)}, **meta}
        states = merged + states
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    opener = gzip.open if a.out.endswith(".gz") else open
    with opener(a.out, "wt", encoding="utf-8") as f:
        json.dump({"meta": meta, "states": states}, f)
    what = "the lost disturbed starts" if a.lost_starts else f"{a.episodes} episodes ({a.lo}-{a.hi} m)"
    print(f"wrote {len(states)} states from {what}{' and ' + a.merge if a.merge else ''} to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
