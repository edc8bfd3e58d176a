#!/usr/bin/env python3
"""Train on the QWOP Gymnasium envs with Stable-Baselines3 PPO: any Gymnasium library works.

    pip install -e '.[sb3]'
    python run-gym.py --env qwop-v0 --backend sim --total-steps 1000000
    python run-gym.py --env frame-qwop-v0 --total-steps 200000          # CnnPolicy
    python run-gym.py --env qwop-v0 --backend browser --total-steps 20000 --num-envs 1

It writes runs-sb3/NAME/ (model.zip, TensorBoard logs) and prints a short deterministic evaluation.
The flags that mean the same thing as run.py's have run.py's names (--total-steps, --num-envs,
--num-steps, --minibatch-size, --env-kwargs, ...); the old spellings (--timesteps, --n-envs,
--n-steps, --batch-size) still work.
"""
import argparse
import json
import os
import sys
import time

import numpy as np

from qwop_sim.backends import BACKENDS
from qwop_sim.envs import ENV_IDS  # importing qwop_sim registers the QWOP ids
from qwop_sim.envs.core import ACTION_MODES


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--env", default="qwop-v0", help="Gymnasium id (QWOP ids, or any id, e.g. rlqwop/ToyRun-v0)")
    p.add_argument("--backend", default="sim", choices=BACKENDS)
    p.add_argument("--action-mode", default="multibinary", choices=ACTION_MODES)
    p.add_argument("--frame-skip", type=int, default=4)
    p.add_argument("--env-kwargs", default="{}", help="extra gym.make keyword arguments as JSON")
    p.add_argument("--total-steps", type=int, default=1_000_000, help="env steps to train for")
    p.add_argument("--num-envs", type=int, default=None, help="parallel envs (default 8 for sim, 1 otherwise)")
    p.add_argument("--subproc", action="store_true", help="SubprocVecEnv (one process per env)")
    p.add_argument("--num-steps", type=int, default=256, help="rollout length per env per iteration (SB3 n_steps)")
    p.add_argument("--minibatch-size", type=int, default=512, help="SB3 batch_size")
    # the former names (SB3's), kept working
    for old, dest in (("--timesteps", "total_steps"), ("--n-envs", "num_envs"), ("--n-steps", "num_steps"),
                      ("--batch-size", "minibatch_size")):
        p.add_argument(old, dest=dest, type=int, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    p.add_argument("--lr", type=float, default=3e-4)
    p.add_argument("--gamma", type=float, default=0.99)
    p.add_argument("--ent-coef", type=float, default=0.01)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--torch-threads", type=int, default=1)
    p.add_argument("--eval-episodes", type=int, default=3)
    p.add_argument("--name", default=None)
    p.add_argument("--runs-dir", default="runs-sb3")
    a = p.parse_args(argv)
    if a.total_steps <= 0:
        p.error("--total-steps must be positive")
    if a.num_envs is not None and a.num_envs <= 0:
        p.error("--num-envs must be positive")
    try:
        a.env_kwargs = json.loads(a.env_kwargs)
    except ValueError as e:
        p.error(f"--env-kwargs is not JSON: {e}")
    if not isinstance(a.env_kwargs, dict):
        p.error("--env-kwargs must be a JSON object")
    if a.num_envs is None:
        a.num_envs = 8 if (a.backend == "sim" or a.env not in ENV_IDS) else 1
    return a


def env_kwargs(a):
    if a.env in ENV_IDS or a.env.startswith("rlqwop/"):
        return {"backend": a.backend, "action_mode": a.action_mode, "frame_skip": a.frame_skip, **a.env_kwargs}
    return dict(a.env_kwargs)


def main(argv=None):
    a = parse_args(argv)
    try:
        from stable_baselines3 import PPO
        from stable_baselines3.common.env_util import make_vec_env
        from stable_baselines3.common.vec_env import SubprocVecEnv, VecNormalize
    except ImportError:
        sys.exit("run-gym.py needs Stable-Baselines3: pip install -e '.[sb3]'")
    import gymnasium as gym
    import torch

    torch.set_num_threads(max(1, a.torch_threads))
    import rlqwop.toy_envs  # noqa: F401  (toy ids, for smoke tests)

    name = a.name or f"{a.env.replace('/', '_')}-{time.strftime('%Y%m%d-%H%M%S')}"
    out = os.path.join(a.runs_dir, name)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(vars(a), f, indent=2)

    kw = env_kwargs(a)
    venv = make_vec_env(a.env, n_envs=a.num_envs, seed=a.seed, env_kwargs=kw,
                        vec_env_cls=SubprocVecEnv if a.subproc else None)
    pixels = len(venv.observation_space.shape) == 3
    if not pixels:
        venv = VecNormalize(venv, gamma=a.gamma)
    try:
        import tensorboard  # noqa: F401
        tb = os.path.join(out, "tb")
    except ImportError:
        tb = None
    model = PPO("CnnPolicy" if pixels else "MlpPolicy", venv, n_steps=a.num_steps, batch_size=a.minibatch_size,
                learning_rate=a.lr, gamma=a.gamma, ent_coef=a.ent_coef, seed=a.seed, verbose=0,
                tensorboard_log=tb)
    print(f"SB3 PPO on {a.env} ({kw or 'default kwargs'}), {a.num_envs} envs, {a.total_steps} steps -> {out}")
    t0 = time.time()
    model.learn(total_timesteps=a.total_steps, progress_bar=_has_rich())
    print(f"trained {a.total_steps} steps in {time.time() - t0:.0f} s ({a.total_steps / (time.time() - t0):.0f} steps/s)")
    model.save(os.path.join(out, "model.zip"))
    if not pixels:
        venv.save(os.path.join(out, "vecnormalize.pkl"))

    # deterministic evaluation on a fresh env, with the frozen normaliser
    env = gym.make(a.env, **kw)
    dists, finished = [], []
    for ep in range(a.eval_episodes):
        obs, info = env.reset(seed=10_000 + ep)
        for _ in range(5000):
            o = obs if pixels else venv.normalize_obs(obs[None])[0]
            action, _ = model.predict(o, deterministic=True)
            obs, r, term, trunc, info = env.step(action)
            if term or trunc:
                break
        dists.append(float(info.get("distance", np.nan)))
        finished.append(bool(info.get("finished", False)))
    env.close()
    venv.close()
    print(f"eval: mean distance {np.nanmean(dists):.2f} m, finish rate {np.mean(finished):.0%} "
          f"over {a.eval_episodes} episodes")
    return 0


def _has_rich():
    try:
        import rich  # noqa: F401
        import tqdm  # noqa: F401
        return True
    except ImportError:
        return False


if __name__ == "__main__":
    sys.exit(main())
