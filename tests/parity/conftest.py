"""Shared fixtures for the parity tests: one node game, one browser game (when chromium is there),
the start states taken from the game once per session. Every process is closed at session end."""
from __future__ import annotations

import pytest

from tests.parity import harness as H

# Sample sizes of the pytest run (the report, python -m tests.parity, uses bigger ones). Chosen so
# that the whole directory runs in ~1 minute on the 2 shared cores, and the medians / rates the
# thresholds test are stable to a few percent (see each test's comment).
PER_SEQUENCE = 3        # start states per recorded sequence (28 sequences)
RANDOM_SEEDS = range(4)  # random trajectories for start states
PER_RANDOM = 6
N_RANDOM_EPISODES = 80
GAIT_DELAYS = 8


def _backend_or_skip(kind: str):
    try:
        return H.open_backend(kind)
    except RuntimeError as e:  # BackendError: it cannot run here (no node or chromium, no 'game' extra)
        pytest.skip(str(e))


@pytest.fixture(scope="session")
def node_game():
    b = _backend_or_skip("node")
    yield b
    b.close()


@pytest.fixture(scope="session")
def browser_game():
    b = _backend_or_skip("browser")
    yield b
    b.close()


@pytest.fixture(scope="session")
def sim_backend():
    b = _backend_or_skip("sim")
    yield b
    b.close()


@pytest.fixture(scope="session")
def starts(node_game):
    return H.collect_start_states(node_game, per_sequence=PER_SEQUENCE, random_seeds=RANDOM_SEEDS,
                                  per_random=PER_RANDOM)
