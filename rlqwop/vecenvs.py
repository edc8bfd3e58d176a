"""The acting rank's envs: one batched vector env where it applies, else a list of envs.

``make_envs(args)`` makes the first env with ``envs.make_env`` (so every flag and --env-kwargs
check is the usual one) and reads the kwargs it was made with from its spec. When those are ones
the batched ``QWOPVectorEnv`` models (qwop-v0 state observations on the sim, with or without
start disturbances and curricula: ``qwop_sim.envs.vector.batched_supported``) it returns the id's vector entry point
``make_vector_env(num_envs, autoreset_mode="SameStep", **kwargs)`` (what
``gym.make_vec(id, ...)`` builds) instead: one QWOPBatch, one
call per step (rollout.py). Otherwise, or with ``RLQWOP_VECTOR_ENV=off``, the list of
``args.num_envs`` envs, stepped one by one. The rollout's arrays are the same either way
(tests/rlqwop/test_rollout_vector.py).
"""
from __future__ import annotations

import os

import gymnasium as gym

from qwop_sim.envs import ENV_IDS

from .envs import make_env


def make_envs(args):
    first = make_env(args)
    spec = first.spec
    mode = getattr(args, "vector_env", None) or os.environ.get("RLQWOP_VECTOR_ENV", "auto")
    if mode != "off" and spec is not None and spec.id in ENV_IDS:
        from qwop_sim.envs.vector import batched_supported

        kw = dict(spec.kwargs)
        if spec.max_episode_steps:
            kw["max_episode_steps"] = spec.max_episode_steps
        if batched_supported(kw):
            from qwop_sim.envs.vector import make_vector_env  # what gym.make_vec(id) calls

            first.close()
            return make_vector_env(args.num_envs, autoreset_mode=gym.vector.AutoresetMode.SAME_STEP, **kw)
    return [first] + [make_env(args) for _ in range(args.num_envs - 1)]


def env_spaces(envs):
    """(observation space, action space) of one env of ``make_envs``'s result."""
    if isinstance(envs, gym.vector.VectorEnv):
        return envs.single_observation_space, envs.single_action_space
    return envs[0].observation_space, envs[0].action_space


def close_envs(envs) -> None:
    if isinstance(envs, gym.vector.VectorEnv):
        envs.close()
    else:
        for env in envs:
            env.close()
