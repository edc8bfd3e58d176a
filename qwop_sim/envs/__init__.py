"""Gymnasium environments: `qwop-v0`, `frame-qwop-v0`, `multi-frame-qwop-v0`."""
from __future__ import annotations

from qwop_sim.envs.qwop_env import QWOPEnv

ENV_IDS = {"qwop-v0": "state", "frame-qwop-v0": "frame", "multi-frame-qwop-v0": "multi_frame"}


def one_time_limit(env):
    """Applied by ``gym.make`` to every QWOP env (the ids' ``additional_wrappers``): one episode
    limit, the env's own (``QWOPEnv.max_episode_steps``; default 3 minutes of game clock, which
    depends on frame_skip), and a spec that tells it.

    ``gym.make(id, max_episode_steps=N)`` wraps the env in Gymnasium's TimeLimit before this runs:
    N becomes the env's own limit and that TimeLimit is removed, so there is one limit whatever N
    (with both, the shorter one would win silently). Then ``env.spec.max_episode_steps`` is the
    limit in force (for SB3, rl-zoo and ``gym.make(env.spec)``, which gives the same env again).
    ``max_episode_steps=-1`` (no TimeLimit) keeps the env's default."""
    import dataclasses

    from gymnasium.wrappers import TimeLimit

    if isinstance(env, TimeLimit):
        limit = env._max_episode_steps
        env = env.env
        env.unwrapped.max_episode_steps = int(limit)
    base = env.unwrapped
    if base.spec is not None:
        base.spec = dataclasses.replace(base.spec, max_episode_steps=base.max_episode_steps,
                                        additional_wrappers=(_ONE_TIME_LIMIT,))
    return env


def _wrapper_spec():
    from gymnasium.envs.registration import WrapperSpec

    return WrapperSpec(name="QWOPOneTimeLimit", entry_point="qwop_sim.envs:one_time_limit", kwargs={})


_ONE_TIME_LIMIT = _wrapper_spec()


def register_envs() -> None:
    import gymnasium as gym

    for env_id, obs_type in ENV_IDS.items():
        if env_id not in gym.registry:
            # No TimeLimit from the registry: the limit lives in the env (it follows frame_skip);
            # one_time_limit folds a gym.make(max_episode_steps=N) into it and sets env.spec.
            gym.register(id=env_id, entry_point="qwop_sim.envs.qwop_env:QWOPEnv",
                         kwargs={"obs_type": obs_type}, max_episode_steps=None,
                         additional_wrappers=(_ONE_TIME_LIMIT,))


__all__ = ["QWOPEnv", "ENV_IDS", "register_envs", "one_time_limit"]
