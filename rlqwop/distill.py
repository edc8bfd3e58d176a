"""Distil a runner into another network: `python -m rlqwop.distill --checkpoint models/qwop-ppo-sim-v5.pt
--activation relu --out runs/v5-relu.pt`.

The student (an MLP of `--hidden` units with `--activation`) learns to act as the teacher does and to
value states as it does, on the states of the teacher's own training starts (the checkpoint's env
kwargs, its frame skip): DAgger. Round 0 plays the teacher's sampled policy, the later rounds the
student's, so the data covers where the student itself goes; every round adds `--steps` x
`--num-envs` states, labels all of them with the teacher's key probabilities and value, and trains
the student `--epochs` passes over everything gathered so far (the actor on the cross-entropy to the
teacher's Bernoulli probabilities, i.e. their KL; the critic on the squared error to its value).
The observation normaliser is the teacher's, frozen and saved with the student, so the student sees
what the teacher saw and a fine-tune (`run.py --init-from OUT`) goes on from the same statistics.
`--start-teacher` / `--zone-teacher`: other runners teach the keys of the first steps of every
episode / of a stretch of track (e.g. a game stage's starts, a faster runner over the hurdle).

Why: the runners up to v5 are tanh MLPs, and tanh is slow on this CPU (rlqwop/README.md, "Speed");
a relu student of v5 plays the sim's quick set as v5 does (models/README.md, session 31) and its
training steps cost ~30% less, so the runner's lineage can go on in the cheaper network.
Only qwop-v0's body-state observation on the sim (one batched vector env); the teacher's network
is read from its checkpoint (rlqwop.config.saved_network).
"""
from __future__ import annotations

import argparse
import json
import sys
import time

import numpy as np

_BATCH = 65_536  # labelling in chunks: the teacher's forward over a million states at once is ~1 GB


def _torso_metres(raw: np.ndarray) -> np.ndarray:
    """The torso's x in metres down the track, from raw qwop-v0 observations (their progress entry)."""
    from qwop_sim.envs import core
    from qwop_sim.physics.spec import SPEC

    return raw[:, core.N_BODIES * core.PER_BODY] * core.PROGRESS_SCALE * SPEC.metres_per_unit


def _chunks(fn, x):
    import torch

    return torch.cat([fn(x[i:i + _BATCH]) for i in range(0, len(x), _BATCH)])


def _normed(policy, raw: np.ndarray):
    """Raw observations as `policy` sees them (its frozen normaliser), as a tensor."""
    import torch

    return torch.as_tensor(np.asarray(policy.norm.obs(raw), np.float32))


def distill(teacher_state: dict, hidden, activation: str, rounds: int, steps: int, num_envs: int,
            epochs: int = 4, minibatch: int = 1024, lr: float = 3e-4, seed: int = 0, env_kwargs: dict | None = None,
            start_teacher_state: dict | None = None, start_steps: int = 0,
            zone_teacher_state: dict | None = None, zone: tuple[float, float] | None = None, log=print):
    """The student ActorCritic, its optimizer and a list of per-round figures ({samples, agree,
    kl, value_mse}): `agree` is the share of the gathered states where the student's deterministic
    keys are the teacher's (all of them). With `start_teacher_state`, that runner is the teacher of
    the first `start_steps` agent steps of every episode (its keys there, through its own normaliser;
    the values stay the teacher's): e.g. a game stage's starts with a sim runner's running. With
    `zone_teacher_state`, that runner teaches the keys wherever the torso is between `zone` = (from,
    to) metres down the track (the observation's progress; after the start teacher, so it wins
    where both apply): e.g. a hurdle specialist over the hurdle."""
    import gymnasium as gym
    import torch
    import torch.nn.functional as F

    from qwop_sim.envs.vector import make_vector_env

    from .networks import ActorCritic
    from .policy import Policy

    teacher_policy = Policy.from_state(teacher_state)
    teacher, norm = teacher_policy.model, teacher_policy.norm
    starter = Policy.from_state(start_teacher_state) if start_teacher_state is not None else None
    if starter is not None and (starter.spec != teacher_policy.spec or start_steps <= 0):
        raise ValueError("rlqwop.distill: the start teacher needs the teacher's spaces and start_steps > 0")
    zoner = Policy.from_state(zone_teacher_state) if zone_teacher_state is not None else None
    if zoner is not None and (zoner.spec != teacher_policy.spec or zone is None or not zone[0] < zone[1]):
        raise ValueError("rlqwop.distill: the zone teacher needs the teacher's spaces and a zone from < to (metres)")
    # (policy, which states it teaches: f(raw observations, agent steps since the episode began))
    others = ([(starter, lambda raw, ages: ages < start_steps)] if starter is not None else []) + \
        ([(zoner, lambda raw, ages: (zone[0] <= _torso_metres(raw)) & (_torso_metres(raw) < zone[1]))]
         if zoner is not None else [])

    def labels(raw, ages, logits, fn):
        """The teachers' logits: the teacher's `logits`, each other teacher's where it teaches."""
        for pol, where in others:
            mask = torch.as_tensor(where(raw, ages))[:, None]
            if mask.any():
                logits = torch.where(mask, fn(pol.model.actor, _normed(pol, raw)), logits)
        return logits
    cfg = teacher_state.get("config", {})
    if teacher.image or teacher.kind != "multibinary" or (cfg.get("env") or "qwop-v0") != "qwop-v0":
        raise ValueError("rlqwop.distill: only qwop-v0 runners with MultiBinary keys (body-state observations)")
    torch.manual_seed(seed)
    student = ActorCritic(teacher_state["spec"], hidden=tuple(hidden), activation=activation)
    opt = torch.optim.Adam(student.parameters(), lr=lr, eps=1e-5)
    kw = dict(json.loads(cfg.get("env_kwargs") or "{}") if env_kwargs is None else env_kwargs)
    if cfg.get("frame_skip"):  # the teacher's control rate, unless --env-kwargs names another
        kw.setdefault("frame_skip", int(cfg["frame_skip"]))
    envs = make_vector_env(num_envs, autoreset_mode=gym.vector.AutoresetMode.SAME_STEP, **kw)
    figures = []
    # everything gathered so far, as the student sees it, with the teachers' labels: each round
    # labels only its own new states
    data, t_logits, t_value = (torch.empty(0, *teacher_state["spec"]["obs_shape"]), torch.empty(0, teacher.n_act),
                               torch.empty(0))
    try:
        obs, _ = envs.reset(seed=seed)
        age = np.zeros(num_envs, np.int64)  # agent steps since each env's episode began
        for rnd in range(rounds):
            raws, ages = [], []
            for _ in range(steps):
                raw = obs.astype(np.float32)
                raws.append(raw)
                ages.append(age.copy())
                with torch.no_grad():
                    if rnd > 0:
                        keys, _, _ = student.act(_normed(teacher_policy, raw))
                    else:  # the teachers' sampled keys, one draw for all envs (as ActorCritic.act draws)
                        logits = labels(raw, age, teacher.actor(_normed(teacher_policy, raw)), lambda f, x: f(x))
                        keys = torch.bernoulli(torch.sigmoid(logits))
                obs, _, terminated, truncated, _ = envs.step(keys.numpy().astype(np.int8))
                age = np.where(terminated | truncated, 0, age + 1)
            raw_new = np.concatenate(raws)
            new = _normed(teacher_policy, raw_new)
            with torch.no_grad():
                logits_new = labels(raw_new, np.concatenate(ages), _chunks(teacher.actor, new), _chunks)
                data = torch.cat([data, new])
                t_logits = torch.cat([t_logits, logits_new])
                t_value = torch.cat([t_value, _chunks(lambda b: teacher.critic(b).squeeze(-1), new)])
            t_prob = torch.sigmoid(t_logits)
            for _ in range(epochs):
                for idx in torch.randperm(len(data)).split(minibatch):
                    # cross-entropy to the teacher's probabilities = their KL + a constant
                    loss_pi = F.binary_cross_entropy_with_logits(student.actor(data[idx]), t_prob[idx])
                    loss_v = F.mse_loss(student.critic(data[idx]).squeeze(-1), t_value[idx])
                    opt.zero_grad()
                    (loss_pi + 0.5 * loss_v).backward()
                    opt.step()
            with torch.no_grad():
                s_logits = _chunks(student.actor, data)
                s_value = _chunks(lambda b: student.critic(b).squeeze(-1), data)
                kl = (F.binary_cross_entropy_with_logits(s_logits, t_prob)
                      - F.binary_cross_entropy_with_logits(t_logits, t_prob)).item()
            fig = {"round": rnd, "samples": len(data), "agree": ((s_logits > 0) == (t_logits > 0)).all(-1).float().mean().item(),
                   "kl": kl, "value_mse": F.mse_loss(s_value, t_value).item()}
            figures.append(fig)
            log(f"[distill] round {rnd}: {fig['samples']} states, deterministic keys as the teacher's in "
                f"{fig['agree']:.2%}, KL {fig['kl']:.4f}, value error {fig['value_mse']:.4f}")
    finally:
        envs.close()
    return student, opt, norm, figures


def main(argv=None) -> int:
    from .checkpoint import CheckpointError, load, make_state, save
    from .config import _hidden, _positive_int

    p = argparse.ArgumentParser(prog="python -m rlqwop.distill", description=__doc__.split("\n\n")[0])
    p.add_argument("--checkpoint", required=True, help="the teacher (a qwop-v0 runner)")
    p.add_argument("--out", required=True, help="the student's checkpoint (for eval, report, the viewer, --init-from)")
    p.add_argument("--hidden", type=_hidden, default=None, help="the student's hidden layers (default: the teacher's)")
    p.add_argument("--activation", choices=("tanh", "relu"), default="relu")
    p.add_argument("--rounds", type=_positive_int, default=8, help="DAgger rounds (round 0 plays the teacher)")
    p.add_argument("--steps", type=_positive_int, default=4000, help="env steps per round, of every env")
    p.add_argument("--num-envs", type=_positive_int, default=32)
    p.add_argument("--epochs", type=_positive_int, default=4, help="passes over all states gathered, each round")
    p.add_argument("--minibatch", type=_positive_int, default=1024)
    p.add_argument("--lr", type=float, default=3e-4)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--start-teacher", default=None, metavar="CKPT",
                   help="another runner to learn the first --start-steps agent steps of each episode from "
                        "(e.g. a game stage's starts), the teacher for the rest")
    p.add_argument("--start-steps", type=_positive_int, default=45, help="with --start-teacher (45: 3 s at frame skip 2)")
    p.add_argument("--zone-teacher", default=None, metavar="CKPT",
                   help="another runner to learn the keys from wherever the torso is in --zone (e.g. a hurdle "
                        "specialist over the hurdle)")
    p.add_argument("--zone", type=float, nargs=2, default=None, metavar=("FROM_M", "TO_M"),
                   help="with --zone-teacher: the stretch of track in metres (the hurdle stands at 50 m)")
    p.add_argument("--env-kwargs", default=None, metavar="JSON",
                   help="the starts to gather states on (default: the teacher's training env kwargs)")
    a = p.parse_args(argv)
    try:
        state = load(a.checkpoint)
    except (FileNotFoundError, CheckpointError) as e:
        p.error(f"--checkpoint {e}")
    start_state = zone_state = None
    if a.start_teacher is not None:
        try:
            start_state = load(a.start_teacher)
        except (FileNotFoundError, CheckpointError) as e:
            p.error(f"--start-teacher {e}")
    if (a.zone_teacher is None) != (a.zone is None):
        p.error("--zone-teacher and --zone go together")
    if a.zone_teacher is not None:
        try:
            zone_state = load(a.zone_teacher)
        except (FileNotFoundError, CheckpointError) as e:
            p.error(f"--zone-teacher {e}")
    from .config import saved_network

    cfg = dict(state.get("config") or {})
    hidden = a.hidden or saved_network(cfg)["hidden"]
    env_kwargs = None
    if a.env_kwargs is not None:
        try:
            env_kwargs = json.loads(a.env_kwargs)
        except json.JSONDecodeError as e:
            p.error(f"--env-kwargs: not JSON ({e})")
    import torch

    torch.set_num_threads(1)
    t0 = time.time()
    try:
        student, opt, norm, figures = distill(state, hidden, a.activation, a.rounds, a.steps, a.num_envs,
                                              epochs=a.epochs, minibatch=a.minibatch, lr=a.lr, seed=a.seed, env_kwargs=env_kwargs,
                                              start_teacher_state=start_state, start_steps=a.start_steps,
                                              zone_teacher_state=zone_state, zone=tuple(a.zone) if a.zone else None)
    except ValueError as e:
        p.error(str(e))
    source = a.checkpoint if start_state is None else (f"{a.start_teacher} for the first {a.start_steps} agent "
                                                       f"steps of an episode, {a.checkpoint} after")
    if zone_state is not None:
        source += f"; {a.zone_teacher} from {a.zone[0]:g} to {a.zone[1]:g} m"
    cfg.update(hidden=list(hidden), activation=a.activation, distilled_from=source)
    save(a.out, make_state(student, opt, norm, 0, 0, -float("inf"), cfg))
    print(f"[distill] wrote {a.out}: {'-'.join(map(str, hidden))} {a.activation}, from {a.checkpoint}, "
          f"{figures[-1]['samples']} states, {time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
