"""Gymnasium environments: `qwop-v0`, `frame-qwop-v0`, `multi-frame-qwop-v0`.

This module stays light (Gymnasium, nothing of the physics): ``import qwop_sim`` registers the ids
from here, and ``ENV_IDS`` is read by flag parsers (rlqwop.config) that must start fast.
``QWOPEnv`` is loaded on first use (``from qwop_sim.envs import QWOPEnv`` works as before).
"""
from __future__ import annotations

# id -> observation type (QWOPEnv's obs_type): the one list of the ids and of the obs types
ENV_IDS = {"qwop-v0": "state", "frame-qwop-v0": "frame", "multi-frame-qwop-v0": "multi_frame"}


def __getattr__(name: str):
    if name == "QWOPEnv":  # the env class pulls in the backends and the physics: only when asked
        from qwop_sim.envs.qwop_env import QWOPEnv

        return QWOPEnv
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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


def register_vector_entry_points() -> None:
    """Give the QWOP ids their ``vector_entry_point`` (``qwop_sim.envs.vector:make_vector_env``):
    ``gym.make_vec(id)`` then builds the batched env where it applies. (Gymnasium refuses a vector
    entry point on an id whose spec has ``additional_wrappers``: such an id keeps ``SyncVectorEnv``
    via ``vectorization_mode="sync"``.)"""
    import gymnasium as gym

    for env_id in ENV_IDS:
        spec = gym.registry.get(env_id)
        if spec is not None and spec.vector_entry_point is None and not spec.additional_wrappers:
            spec.vector_entry_point = "qwop_sim.envs.vector:make_vector_env"


__all__ = ["QWOPEnv", "ENV_IDS", "register_envs", "register_vector_entry_points", "one_time_limit"]
