"""QWOP-RL: simulator and Gymnasium environments."""
