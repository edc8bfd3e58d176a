"""Evolution strategies on the deterministic runner: search the actor's weights for a faster race.

    python -m rlqwop.es --init-from models/qwop-ppo-sim.pt --out runs/es1 --generations 200

Why: PPO optimises the *stochastic* policy it acts with, and the runner that is evaluated is the
*deterministic* one (keys pressed when p > 0.5). Every PPO fine-tune of the shipped gait stayed at
56-58 s on the game (models/README.md), and lowering the entropy only goes so far. Evolution
strategies (Salimans et al. 2017, "Evolution Strategies as a Scalable Alternative to RL") score the
deterministic policy itself: each generation draws ``pairs`` Gaussian directions in the actor's
weight space, races the policy at ``theta + sigma*eps`` and ``theta - sigma*eps`` (antithetic pairs)
from the same ``starts`` start states (common random numbers: the members differ only by their
weights), turns the mean race scores into centred ranks and moves ``theta`` with Adam along the
estimated gradient. The critic and the observation normaliser are left as they are (frozen), so the
result is an ordinary checkpoint: ``run.py eval``, ``run.py report``, the viewer and ``--init-from``
take it.

The race score of an episode (``race_score``): a race runs ``horizon_s`` seconds of game clock; an
unfinished race scores the metres it reached, a fall ``fall_penalty`` metres less, a finish 100 m
plus ``finish_speed`` m/s times the seconds to spare. So faster is better, falling is worse than
any slow finish of the same distance, and the env's reward is not touched (the score is computed
from ``info``; the env is the plain ``qwop-v0``; it ends a race that runs backwards past -10 m as it
ends a fall, so such a race scores as a fall too). All the members of a generation are stepped as one
``QWOPVectorEnv`` (batched physics), with one batched forward pass of every member's weights.

Outputs in ``--out``: ``latest.pt`` (the current weights, as a checkpoint), ``gen-XXXXX.pt``
snapshots every ``--save-every`` generations for selection on the game, ``es_state.pt`` (what
``--resume`` needs: weights, Adam's moments, the generation, the noise generator) and
``progress.csv``.
"""
from __future__ import annotations

import argparse
import contextlib
import copy
import csv
import hashlib
import json
import os
import signal
import sys
import time

import numpy as np
import torch

from . import checkpoint
from .policy import Policy

ES_DEFAULTS = dict(generations=200, params="all", pairs=12, starts=12, plain_starts=1, sigma=0.02, lr=0.005,
                   horizon_s=45.0, fall_penalty=20.0, finish_speed=2.0, seed=0, save_every=10, threads=1,
                   start_kwargs='{"init_noise": 0.3, "start_delay": 30, "start_keys": 20}')
# what es_state.pt must hold for --resume
STATE_KEYS = ("theta", "adam", "generation", "rng", "es")


# ---- the actor as a population ---------------------------------------------------------------
class ActorPopulation:
    """The policy's actor MLP evaluated for many weight vectors at once.

    ``theta`` is the actor's parameters flattened in ``model.actor.parameters()`` order (as
    ``torch.nn.utils.parameters_to_vector``); ``keys(obs, thetas)`` gives each member's
    deterministic keys for its own observations with one batched matmul per layer."""

    def __init__(self, policy: Policy):
        model = policy.model
        if model.image or model.kind != "multibinary":
            raise ValueError("evolution strategies here search MLP policies with MultiBinary keys "
                             f"(qwop-v0 state observations); this checkpoint has image={model.image}, "
                             f"action kind {model.kind!r}")
        self.policy = policy
        self.linears = [m for m in model.actor if isinstance(m, torch.nn.Linear)]
        self.activation = type(model.actor[1])
        self.shapes = [(lin.out_features, lin.in_features) for lin in self.linears]
        self.size = sum(o * i + o for o, i in self.shapes)

    def indices(self, which: str) -> np.ndarray:
        """The coordinates of theta a search moves: "all", or "head" (the output layer and every
        bias: a few hundred numbers that set when each key switches, where a population of a few
        dozen estimates a gradient far better than in all the weights)."""
        if which == "all":
            return np.arange(self.size)
        if which != "head":
            raise ValueError(f"search params must be 'all' or 'head', got {which!r}")
        idx, at = [], 0
        for j, (o, i) in enumerate(self.shapes):
            if j == len(self.shapes) - 1:
                idx.append(np.arange(at, at + o * i))
            at += o * i
            idx.append(np.arange(at, at + o))
            at += o
        return np.concatenate(idx)

    def theta(self) -> np.ndarray:
        return torch.nn.utils.parameters_to_vector(self.policy.model.actor.parameters()).detach().numpy().astype(np.float64)

    def load(self, theta: np.ndarray) -> None:
        """Put ``theta`` into the policy's model (what is saved as the checkpoint)."""
        torch.nn.utils.vector_to_parameters(torch.as_tensor(theta, dtype=torch.float32),
                                            self.policy.model.actor.parameters())

    @torch.no_grad()
    def keys(self, obs: np.ndarray, thetas: np.ndarray) -> np.ndarray:
        """obs (P, K, obs_size) raw env observations, thetas (P, size) -> keys (P, K, n) int8."""
        p, k = obs.shape[:2]
        x = torch.as_tensor(np.asarray(self.policy.norm.obs(obs.reshape(p * k, -1).astype(np.float32)),
                                       np.float32)).reshape(p, k, -1)
        t = torch.as_tensor(thetas, dtype=torch.float32)
        at = 0
        for j, (o, i) in enumerate(self.shapes):
            w = t[:, at:at + o * i].reshape(p, o, i)
            at += o * i
            b = t[:, at:at + o]
            at += o
            x = torch.baddbmm(b[:, None, :], x, w.transpose(1, 2))
            if j < len(self.shapes) - 1:
                x = torch.tanh(x) if self.activation is torch.nn.Tanh else torch.relu(x)
        return (x > 0).to(torch.int8).numpy()


# ---- racing a population ------------------------------------------------------------------------
def race_score(distance, clock, finished, fallen, horizon_s: float, fall_penalty: float,
               finish_speed: float) -> np.ndarray:
    """Metres reached, less ``fall_penalty`` for a fall, plus ``finish_speed`` m/s for every second
    a finish had to spare: higher is better (arrays in, array out)."""
    distance, clock = np.asarray(distance, np.float64), np.asarray(clock, np.float64)
    finished, fallen = np.asarray(finished, bool), np.asarray(fallen, bool)
    score = np.minimum(distance, 100.0) - fall_penalty * (fallen & ~finished)
    return np.where(finished, 100.0 + finish_speed * np.maximum(horizon_s - clock, 0.0), score)


class PopulationRace:
    """Races P weight vectors from the same K starts in one QWOPVectorEnv of P*K worlds."""

    def __init__(self, actors: ActorPopulation, members: int, starts: int, plain_starts: int,
                 start_kwargs: dict, horizon_s: float, frame_skip: int):
        from qwop_sim.constants import CLOCK_PER_FRAME
        from qwop_sim.envs.starts import StartDisturbance
        from qwop_sim.envs.vector import QWOPVectorEnv

        if not 0 <= plain_starts <= starts:
            raise ValueError(f"plain_starts must be in 0..starts ({starts}), got {plain_starts}")
        unknown = sorted(set(start_kwargs) - set(StartDisturbance.names()))
        if unknown:
            raise ValueError(f"unknown start options {unknown}; known: {list(StartDisturbance.names())}")
        StartDisturbance.checked(**start_kwargs)  # a bad value fails here, named
        self.actors, self.p, self.k = actors, int(members), int(starts)
        self.plain, self.start_kwargs = int(plain_starts), dict(start_kwargs)
        self.horizon_s = float(horizon_s)
        self.steps = int(np.ceil(self.horizon_s / (frame_skip * CLOCK_PER_FRAME)))
        self.env = QWOPVectorEnv(self.p * self.k, frame_skip=frame_skip, max_episode_steps=self.steps,
                                 autoreset_mode="NextStep")

    def run(self, thetas: np.ndarray, seed: int, stop=lambda: False) -> dict | None:
        """Every member from starts ``seed .. seed+K-1`` (the first ``plain_starts`` undisturbed):
        per-episode arrays (P, K) of distance, clock, finished, fallen, and the env steps taken.
        None when ``stop()`` turns true before the races end (checked every step)."""
        p, k, env = self.p, self.k, self.env
        seeds = [seed + j for _ in range(p) for j in range(k)]
        plain = np.tile(np.arange(k) < self.plain, p)
        obs = None
        for mask, options in ((plain, {}), (~plain, self.start_kwargs)):
            if mask.any():
                obs, _ = env.reset(seed=seeds, options={**options, "reset_mask": mask})
        out = {f: np.zeros(p * k) for f in ("distance", "clock")}
        out.update(finished=np.zeros(p * k, bool), fallen=np.zeros(p * k, bool))
        done = np.zeros(p * k, bool)
        taken = 0
        while not done.all():
            if stop():
                return None
            keys = self.actors.keys(obs.reshape(p, k, -1), thetas).reshape(p * k, -1)
            obs, _, term, trunc, info = env.step(keys)
            taken += int((~done).sum())
            new = (term | trunc) & ~done
            for f in ("distance", "clock", "finished"):
                out[f][new] = info[f][new]
            out["fallen"][new] = term[new] & ~info["finished"][new]
            done |= new
        res = {f: v.reshape(p, k) for f, v in out.items()}
        res["env_steps"] = taken
        return res

    def close(self) -> None:
        self.env.close()


def centred_ranks(x: np.ndarray) -> np.ndarray:
    """Ranks of x mapped to [-0.5, 0.5]: the fitness shaping of ES. Tied values share their average
    rank, so an antithetic pair that scores the same contributes nothing to the gradient (ranking
    ties by order would push theta along a direction that made no difference)."""
    x = np.asarray(x, np.float64)
    _, inverse, counts = np.unique(x, return_inverse=True, return_counts=True)
    first = np.cumsum(counts) - counts  # the rank the first of each group of equal values would take
    r = (first + (counts - 1) / 2.0)[inverse.reshape(-1)]
    return r / max(len(x) - 1, 1) - 0.5


class Adam:
    def __init__(self, size: int, lr: float, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8):
        self.lr, self.b1, self.b2, self.eps = lr, beta1, beta2, eps
        self.m, self.v, self.t = np.zeros(size), np.zeros(size), 0

    def step(self, grad: np.ndarray) -> np.ndarray:
        """The update to add to the parameters for an ascent along ``grad``."""
        self.t += 1
        self.m = self.b1 * self.m + (1 - self.b1) * grad
        self.v = self.b2 * self.v + (1 - self.b2) * grad * grad
        a = self.lr * np.sqrt(1 - self.b2 ** self.t) / (1 - self.b1 ** self.t)
        return a * self.m / (np.sqrt(self.v) + self.eps)


# ---- the search ---------------------------------------------------------------------------------
class _StopFlag:
    """SIGINT/SIGTERM: abandon the generation under way, save the last finished one, exit 0.
    (A KeyboardInterrupt raised inside pymunk's collision callbacks is swallowed by cffi, so the
    search polls a flag instead.) A second Ctrl-C interrupts at once."""

    def __init__(self):
        self.requested = False

    def __call__(self, signum, frame):
        if self.requested and signum == signal.SIGINT:
            raise KeyboardInterrupt
        self.requested = True
        sys.stderr.write(f"\n[rlqwop.es] {signal.Signals(signum).name}: saving and stopping "
                         "(Ctrl-C again to quit now)\n")


def _save_checkpoint(path: str, base: dict, actors: ActorPopulation, theta: np.ndarray, es_cfg: dict,
                     generation: int) -> None:
    actors.load(theta)
    state = dict(base)
    state["model"] = {k: v.clone() for k, v in actors.policy.model.state_dict().items()}
    cfg = dict(base.get("config", {}))
    cfg["es"] = {**es_cfg, "generation": generation}
    state["config"] = cfg
    state.pop("optimizer", None)  # PPO's Adam state does not belong to these weights
    checkpoint.save(path, state)


def _file_sha256(path: str) -> str:
    if os.path.isdir(path):
        path = os.path.join(path, "latest.pt")
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def _settings(a: argparse.Namespace, state_path: str) -> tuple[dict, dict | None]:
    """The search's settings and, for --resume, the saved state. A fresh search takes the CLI's
    settings (defaults where an option was not given); a resumed one takes the saved settings and
    only --generations (the total) from the CLI, so it races exactly what it raced before."""
    if not a.resume:
        if os.path.exists(state_path):
            raise ValueError(f"{a.out} already holds a search ({state_path}): --resume it, or choose another --out")
        cfg = {k: (ES_DEFAULTS[k] if getattr(a, k, None) is None else getattr(a, k)) for k in ES_DEFAULTS}
        cfg["init_from"] = os.path.abspath(a.init_from)
        cfg["init_sha256"] = _file_sha256(a.init_from)
        return cfg, None
    saved = checkpoint.load(state_path, require=STATE_KEYS)
    # settings a search saved before an option existed take its default
    cfg = {**ES_DEFAULTS, **saved["es"]}
    if a.generations is not None:
        cfg["generations"] = a.generations
    if int(cfg["generations"]) <= int(saved["generation"]):
        raise ValueError(f"{a.out}: the search already ran {saved['generation']} of its {cfg['generations']} "
                         f"generations; pass --generations above {saved['generation']} to go on")
    base = cfg["init_from"]
    if not os.path.exists(base):
        raise ValueError(f"--resume: the starting checkpoint {base} is gone (the critic and normaliser come from it)")
    if cfg.get("init_sha256") and _file_sha256(base) != cfg["init_sha256"]:
        print(f"[rlqwop.es] warning: {base} changed since the search began; its critic and normaliser "
              "are saved with the searched actor", file=sys.stderr)
    return cfg, saved


def _checked_start_kwargs(cfg: dict) -> dict:
    """The search's numbers checked (a fresh search's flags and a resumed one's saved settings
    alike; one line naming the flag) and its start options as a dict."""
    for name, ok, need in (("pairs", cfg["pairs"] >= 1, ">= 1"), ("starts", cfg["starts"] >= 1, ">= 1"),
                           ("sigma", cfg["sigma"] > 0, "> 0"), ("lr", cfg["lr"] > 0, "> 0"),
                           ("save-every", cfg["save_every"] >= 1, ">= 1"), ("horizon-s", cfg["horizon_s"] > 0, "> 0"),
                           ("generations", cfg["generations"] >= 1, ">= 1")):
        if not ok:
            raise ValueError(f"--{name} must be {need}")
    start_kwargs = cfg["start_kwargs"]
    if isinstance(start_kwargs, str):
        try:
            start_kwargs = json.loads(start_kwargs)
        except json.JSONDecodeError as e:
            raise ValueError(f"--start-kwargs is not JSON: {e}") from None
    if not isinstance(start_kwargs, dict):
        raise ValueError(f"--start-kwargs must be a JSON object of start options, got {cfg['start_kwargs']!r}")
    return start_kwargs


def search(a: argparse.Namespace) -> dict:
    """The ES loop (``a``: the CLI's namespace). Returns the last generation's row."""
    from tqdm import tqdm

    state_path = os.path.join(a.out, "es_state.pt")
    es_cfg, saved = _settings(a, state_path)
    start_kwargs = _checked_start_kwargs(es_cfg)
    pairs, sigma = int(es_cfg["pairs"]), float(es_cfg["sigma"])
    torch.set_num_threads(max(1, int(es_cfg["threads"])))  # part of the floats of a run: saved, resumed
    base = checkpoint.load(es_cfg["init_from"], require=checkpoint.POLICY_KEYS)
    policy = Policy.from_state(base)
    if policy.env_id not in (None, "qwop-v0"):
        raise ValueError(f"{es_cfg['init_from']}: trained on {policy.env_id}; ES here races qwop-v0 (state observations)")
    actors = ActorPopulation(policy)
    coords = actors.indices(es_cfg["params"])
    opt = Adam(len(coords), float(es_cfg["lr"]))
    if saved is not None:
        theta, gen0 = np.asarray(saved["theta"], np.float64), int(saved["generation"])
        if theta.shape != (actors.size,):
            raise checkpoint.CheckpointError(f"{state_path}: theta has {theta.size} numbers, the actor {actors.size}")
        opt.m, opt.v, opt.t = saved["adam"]["m"], saved["adam"]["v"], saved["adam"]["t"]
        rng = np.random.default_rng()
        rng.bit_generator.state = saved["rng"]
    else:
        theta, gen0 = actors.theta(), 0
        rng = np.random.default_rng(int(es_cfg["seed"]))
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "es_config.json"), "w") as f:
        json.dump(es_cfg, f, indent=1, sort_keys=True)
    log_path = os.path.join(a.out, "progress.csv")
    fields = ["generation", "env_steps", "wall_s", "centre_score", "centre_distance", "centre_fall_rate",
              "centre_finish_rate", "pop_score_mean", "pop_score_best", "pop_fall_rate", "step_norm"]
    kept = []
    if saved is not None and os.path.exists(log_path):
        # rows of generations after the saved one were not kept: the resume redoes them
        with open(log_path, newline="") as f:
            kept = [r for r in csv.DictReader(f) if int(r["generation"]) <= gen0]
    env_steps = saved.get("env_steps", 0) if saved is not None else 0
    t0 = time.time() - (saved.get("wall_s", 0.0) if saved is not None else 0.0)
    row = {}
    bar = tqdm(range(gen0, int(es_cfg["generations"])), initial=gen0, total=int(es_cfg["generations"]),
               unit="gen", disable=not a.progress, dynamic_ncols=True, file=sys.stderr)
    score_args = (es_cfg["horizon_s"], es_cfg["fall_penalty"], es_cfg["finish_speed"])
    flag = _StopFlag()
    with contextlib.ExitStack() as stack:
        stack.callback(bar.close)
        race = PopulationRace(actors, 2 * pairs + 1, es_cfg["starts"], es_cfg["plain_starts"], start_kwargs,
                              es_cfg["horizon_s"], policy.frame_skip)
        stack.callback(race.close)
        logf = stack.enter_context(open(log_path, "w", newline=""))
        writer = csv.DictWriter(logf, fieldnames=fields)
        writer.writeheader()
        writer.writerows(kept)
        logf.flush()
        old = {sig: signal.signal(sig, flag) for sig in (signal.SIGINT, signal.SIGTERM)}
        stack.callback(lambda: [signal.signal(sig, h) for sig, h in old.items()])
        for gen in bar:
            rng_before = copy.deepcopy(rng.bit_generator.state)  # a stopped generation is drawn again
            eps = rng.standard_normal((pairs, len(coords)))
            step = np.zeros((pairs, actors.size))
            step[:, coords] = sigma * eps
            thetas = np.concatenate([theta + step, theta - step, theta[None]])
            # the starts of a generation: fresh every generation, shared by every member
            res = race.run(thetas, seed=int(es_cfg["seed"]) * 1_000_003 + 1000 * gen, stop=lambda: flag.requested)
            if res is None:  # stopped: keep what the finished generations learnt
                _save_checkpoint(os.path.join(a.out, "latest.pt"), base, actors, theta, es_cfg, gen)
                _save_es_state(state_path, theta, opt, gen, rng_before, es_cfg, env_steps, time.time() - t0)
                print(f"\nstopped: saved generation {gen} to {a.out} (--resume goes on)", file=sys.stderr)
                break
            env_steps += res["env_steps"]
            score = race_score(res["distance"], res["clock"], res["finished"], res["fallen"], *score_args)
            fit = score[:-1].mean(1)
            r = centred_ranks(fit)
            grad = (r[:pairs] - r[pairs:2 * pairs]) @ eps / (2 * pairs * sigma)
            delta = opt.step(grad)
            theta = theta.copy()
            theta[coords] += delta
            row = {"generation": gen + 1, "env_steps": env_steps, "wall_s": round(time.time() - t0, 1),
                   "centre_score": score[-1].mean(), "centre_distance": res["distance"][-1].mean(),
                   "centre_fall_rate": res["fallen"][-1].mean(), "centre_finish_rate": res["finished"][-1].mean(),
                   "pop_score_mean": fit.mean(), "pop_score_best": fit.max(),
                   "pop_fall_rate": res["fallen"][:-1].mean(), "step_norm": float(np.linalg.norm(delta))}
            writer.writerow({k: (round(v, 4) if isinstance(v, float) else v) for k, v in row.items()})
            logf.flush()
            bar.set_postfix(centre=f"{row['centre_score']:.1f}", pop=f"{fit.mean():.1f}",
                            falls=f"{row['pop_fall_rate']:.2f}")
            last = gen + 1 == int(es_cfg["generations"])
            if (gen + 1) % int(es_cfg["save_every"]) == 0 or last:
                _save_checkpoint(os.path.join(a.out, f"gen-{gen + 1:05d}.pt"), base, actors, theta, es_cfg, gen + 1)
                _save_checkpoint(os.path.join(a.out, "latest.pt"), base, actors, theta, es_cfg, gen + 1)
                _save_es_state(state_path, theta, opt, gen + 1, rng, es_cfg, env_steps, time.time() - t0)
    return row


def _save_es_state(path, theta, opt, generation, rng, es_cfg, env_steps, wall_s) -> None:
    """``rng``: the noise generator, or its bit_generator state."""
    rng_state = rng if isinstance(rng, dict) else rng.bit_generator.state
    checkpoint.save(path, {"theta": theta, "adam": {"m": opt.m, "v": opt.v, "t": opt.t},
                           "generation": generation, "rng": copy.deepcopy(rng_state),
                           "es": es_cfg, "env_steps": env_steps, "wall_s": wall_s})


def build_parser() -> argparse.ArgumentParser:
    d = ES_DEFAULTS
    p = argparse.ArgumentParser(prog="python -m rlqwop.es", description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument("--init-from", help="checkpoint whose deterministic policy the search starts from")
    p.add_argument("--out", required=True, help="run directory (checkpoints, progress.csv, es_state.pt)")
    p.add_argument("--resume", action="store_true", help="go on from OUT/es_state.pt with its saved settings "
                   "(only --generations, the total, may be raised)")
    p.add_argument("--generations", type=int, default=None,
                   help=f"total generations (default {d['generations']}; on --resume, the saved total)")
    p.add_argument("--params", choices=("all", "head"), default=d["params"],
                   help="the actor's weights the search moves: all, or the output layer and every bias")
    p.add_argument("--pairs", type=int, default=d["pairs"], help="antithetic pairs per generation")
    p.add_argument("--starts", type=int, default=d["starts"], help="races per member per generation")
    p.add_argument("--plain-starts", type=int, default=d["plain_starts"], help="of which undisturbed")
    p.add_argument("--start-kwargs", default=d["start_kwargs"],
                   help="JSON start disturbance of the other races (the env's start options)")
    p.add_argument("--sigma", type=float, default=d["sigma"], help="noise scale in weight space")
    p.add_argument("--lr", type=float, default=d["lr"], help="Adam step size")
    p.add_argument("--horizon-s", type=float, default=d["horizon_s"], help="game-clock seconds per race")
    p.add_argument("--fall-penalty", type=float, default=d["fall_penalty"], help="metres a fall costs")
    p.add_argument("--finish-speed", type=float, default=d["finish_speed"],
                   help="m/s credited for each second a finish has to spare")
    p.add_argument("--seed", type=int, default=d["seed"])
    p.add_argument("--save-every", type=int, default=d["save_every"], help="generations between snapshots")
    p.add_argument("--threads", type=int, default=d["threads"], help="torch threads (saved: a resume keeps them)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=True, help="progress bar")
    return p


def main(argv=None) -> int:
    p = build_parser()
    a = p.parse_args(argv)
    if not a.resume and not a.init_from:
        p.error("--init-from is required (or --resume an existing OUT)")
    if a.resume and not os.path.exists(os.path.join(a.out, "es_state.pt")):
        p.error(f"--resume: no {os.path.join(a.out, 'es_state.pt')}")
    try:
        row = search(a)
    except (ValueError, FileNotFoundError) as e:  # CheckpointError is a ValueError
        p.error(str(e))
    except KeyboardInterrupt:
        return 130
    print(json.dumps(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
