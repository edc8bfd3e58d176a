"""Which lost starts could any keys have saved? A survival search from the agent's first state.

    python -m rlqwop.recoverable --checkpoint models/qwop-ppo-sim.pt --start-keys 40 --episodes 60

Plays the checkpoint's deterministic policy on the sim from disturbed starts (seeds ``--seed`` + i,
the evaluation's convention) and, for every start it loses before ``--lost-before`` metres, runs
a random beam search over key masks from the state the agent first sees: each step every kept
state is stepped with ``--branch`` different masks (each held ``frame_skip`` frames, as the agent
would), the children that have not fallen are kept (``--beam`` of them, at random), for
``--depth`` steps. A start is *doomed* when no branch survives that long: whatever the agent
pressed, the runner was on its way down when it got control. The search is random, not
exhaustive, so "doomed" is strong evidence, not proof; "savable" is proof (a key sequence that
kept the runner up is found).

Why: a runner that loses fumbled starts may need training on them, or may be losing only starts
no one could save. This tells which (models/README.md).
"""
from __future__ import annotations

import argparse
import json
import sys

import numpy as np


def survives(start, depth: int, beam: int, branch: int, frame_skip: int, rng: np.random.Generator) -> int:
    """The number of steps (up to depth) some key sequence keeps the runner up from ``start``."""
    from qwop_sim.envs import core
    from qwop_sim.physics import QWOPSim

    sim = QWOPSim()
    sim.reset()
    states = [start]
    for d in range(depth):
        kids = []
        for s in states:
            for mask in rng.choice(16, size=branch, replace=False):
                sim.set_state(s.copy())
                c = sim.step(int(mask), frame_skip)
                if not core.terminated(c):
                    kids.append(c)
        if not kids:
            return d
        states = [kids[i] for i in rng.permutation(len(kids))[:beam]]
    return depth


def analyse(checkpoint: str, start_options: dict, episodes: int, seed: int, lost_before: float,
            depth: int, beam: int, branch: int, max_steps: int = 2000, progress: bool = True) -> dict:
    import gymnasium as gym

    import qwop_sim  # noqa: F401  (registers the ids)
    from qwop_sim.envs.starts import plain_start

    from .evaluate import play_episode
    from .policy import load_policy

    policy = load_policy(checkpoint)
    kw = plain_start(policy.env_kwargs)
    kw.update(backend="sim", **start_options)
    env = gym.make(policy.env_id or "qwop-v0", **kw)
    rng = np.random.default_rng(seed)
    rows = []
    try:
        bar = range(episodes)
        if progress:
            from tqdm import tqdm
            bar = tqdm(bar, desc="starts", unit="ep")
        for i in bar:
            ep = play_episode(policy, env, max_steps, seed=seed + i)
            if ep["finished"] or ep["distance"] >= lost_before:
                continue
            _, info = env.reset(seed=seed + i)
            kept = survives(env.unwrapped.state, depth, beam, branch, env.unwrapped.frame_skip, rng)
            rows.append({"seed": seed + i, "fell_at_m": ep["distance"], "agent_steps": ep["steps"],
                         "frames_before_agent": int(info["frame"]), "search_kept_up_steps": kept,
                         "doomed": kept < depth})
    finally:
        env.close()
    doomed = sum(r["doomed"] for r in rows)
    return {"checkpoint": checkpoint, "start": start_options, "episodes": episodes, "seed": seed,
            "lost_before_m": lost_before, "search": {"depth": depth, "beam": beam, "branch": branch},
            "lost": len(rows), "doomed": doomed, "savable": len(rows) - doomed, "starts": rows}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m rlqwop.recoverable", description=__doc__.split("\n\n")[1])
    p.add_argument("--checkpoint", required=True)
    p.add_argument("--init-noise", type=float, default=0.0)
    p.add_argument("--start-delay", type=int, default=0)
    p.add_argument("--start-keys", type=int, default=40)
    p.add_argument("--episodes", type=int, default=60)
    p.add_argument("--seed", type=int, default=40_000)
    p.add_argument("--lost-before", type=float, default=10.0, help="metres: losses after this are not starts")
    p.add_argument("--depth", type=int, default=30, help="agent steps the search must keep the runner up")
    p.add_argument("--beam", type=int, default=48)
    p.add_argument("--branch", type=int, default=5, help="masks tried from each kept state (of 16)")
    p.add_argument("--json", metavar="OUT.json")
    p.add_argument("--no-progress", action="store_true")
    a = p.parse_args(argv)
    if a.episodes <= 0 or a.depth <= 0 or a.beam <= 0 or not 1 <= a.branch <= 16:
        p.error("--episodes, --depth, --beam must be positive and --branch in 1..16")
    start = {"init_noise": a.init_noise, "start_delay": a.start_delay, "start_keys": a.start_keys}
    res = analyse(a.checkpoint, start, a.episodes, a.seed, a.lost_before, a.depth, a.beam, a.branch,
                  progress=not a.no_progress)
    for r in res["starts"]:
        print(f"seed {r['seed']}: fell at {r['fell_at_m']:.1f} m after {r['agent_steps']} steps "
              f"({r['frames_before_agent']} frames before the agent); search kept it up "
              f"{r['search_kept_up_steps']}/{a.depth} steps: {'doomed' if r['doomed'] else 'savable'}")
    print(f"{res['lost']} of {a.episodes} starts lost before {a.lost_before} m: {res['doomed']} doomed "
          f"(no key sequence found that keeps the runner up {a.depth} steps), {res['savable']} savable")
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(res, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
