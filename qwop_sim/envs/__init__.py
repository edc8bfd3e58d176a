"""Gymnasium environments: `qwop-v0`, `frame-qwop-v0`, `multi-frame-qwop-v0`."""
from qwop_sim.envs.qwop_env import QWOPEnv

ENV_IDS = {"qwop-v0": "state", "frame-qwop-v0": "frame", "multi-frame-qwop-v0": "multi_frame"}


def register_envs() -> None:
    import gymnasium as gym

    for env_id, obs_type in ENV_IDS.items():
        if env_id not in gym.registry:
            # Truncation lives in the env (max_episode_steps follows frame_skip), not in a TimeLimit.
            gym.register(id=env_id, entry_point="qwop_sim.envs.qwop_env:QWOPEnv",
                         kwargs={"obs_type": obs_type})


__all__ = ["QWOPEnv", "ENV_IDS", "register_envs"]
