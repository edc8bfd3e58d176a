"""QWOP-RL: the game's ragdoll in pymunk and the Gymnasium environments.

    import gymnasium as gym, qwop_sim
    env = gym.make("qwop-v0")                     # backend="sim" by default
    env = gym.make("qwop-v0", backend="browser")  # the game in headless Chromium
"""
# qwop_sim.envs is light (Gymnasium, none of the physics): importing qwop_sim, or a list such as
# ENV_IDS from it, loads neither pymunk nor numba (tests/rlqwop/test_cli.py checks it)
from qwop_sim.envs import ENV_IDS, register_envs, register_vector_entry_points

register_envs()
register_vector_entry_points()  # gym.make_vec("qwop-v0") -> the batched vector env

__all__ = ["ENV_IDS", "register_envs"]
