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


def _chunks(fn, x):
    import torch

    return torch.cat([fn(x[i:i + _BATCH]) for i in range(0, len(x), _BATCH)])


def _normed(policy, raw: np.ndarray):
    """Raw observations as `policy` sees them (its frozen normaliser), as a tensor."""
    import torch

    return torch.as_tensor(np.asarray(policy.norm.obs(raw), np.float32))


def distill(teacher_state: dict, hidden, activation: str, rounds: int, steps: int, num_envs: int,
            epochs: int = 4, minibatch: int = 1024, lr: float = 3e-4, seed: int = 0, env_kwargs: dict | None = None,
            start_teacher_state: dict | None = None, start_steps: int = 0, log=print):
    """The student ActorCritic, its optimizer and a list of per-round figures ({samples, agree,
    kl, value_mse}): `agree` is the share of the gathered states where the student's deterministic
    keys are the teacher's (all of them). With `start_teacher_state`, that runner is the teacher of
    the first `start_steps` agent steps of every episode (its keys there, through its own normaliser;
    the values stay the teacher's): e.g. a game stage's starts with a sim runner's running."""
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
                        logits = teacher.actor(_normed(teacher_policy, raw))
                        if starter is not None:
                            early = torch.as_tensor(age < start_steps)[:, None]
                            logits = torch.where(early, starter.model.actor(_normed(starter, raw)), logits)
                        keys = torch.bernoulli(torch.sigmoid(logits))
                obs, _, terminated, truncated, _ = envs.step(keys.numpy().astype(np.int8))
                age = np.where(terminated | truncated, 0, age + 1)
            raw_new = np.concatenate(raws)
            new = _normed(teacher_policy, raw_new)
            with torch.no_grad():
                logits_new = _chunks(teacher.actor, new)
                if starter is not None:
                    early = torch.as_tensor(np.concatenate(ages) < start_steps)[:, None]
                    logits_new = torch.where(early, _chunks(starter.model.actor, _normed(starter, raw_new)), logits_new)
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
    p.add_argument("--env-kwargs", default=None, metavar="JSON",
                   help="the starts to gather states on (default: the teacher's training env kwargs)")
    a = p.parse_args(argv)
    try:
        state = load(a.checkpoint)
    except (FileNotFoundError, CheckpointError) as e:
        p.error(f"--checkpoint {e}")
    start_state = None
    if a.start_teacher is not None:
        try:
            start_state = load(a.start_teacher)
        except (FileNotFoundError, CheckpointError) as e:
            p.error(f"--start-teacher {e}")
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
                                              start_teacher_state=start_state, start_steps=a.start_steps)
    except ValueError as e:
        p.error(str(e))
    source = a.checkpoint if start_state is None else (f"{a.start_teacher} for the first {a.start_steps} agent "
                                                       f"steps of an episode, {a.checkpoint} after")
    cfg.update(hidden=list(hidden), activation=a.activation, distilled_from=source)
    save(a.out, make_state(student, opt, norm, 0, 0, -float("inf"), cfg))
    print(f"[distill] wrote {a.out}: {'-'.join(map(str, hidden))} {a.activation}, from {a.checkpoint}, "
          f"{figures[-1]['samples']} states, {time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
