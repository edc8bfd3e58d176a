"""QWOP-RL: the game's ragdoll in pymunk and the Gymnasium environments.

    import gymnasium as gym, qwop_sim
    env = gym.make("qwop-v0")                     # backend="sim" by default
    env = gym.make("qwop-v0", backend="browser")  # the game in headless Chromium
"""
from qwop_sim.envs import ENV_IDS, register_envs

register_envs()

from qwop_sim.envs.vector import register_vector_entry_points  # noqa: E402

register_vector_entry_points()  # gym.make_vec("qwop-v0") -> the batched vector env

__all__ = ["ENV_IDS", "register_envs"]
