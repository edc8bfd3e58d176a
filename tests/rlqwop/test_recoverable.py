"""rlqwop.recoverable: the survival search and the doomed / savable split of lost starts."""
import numpy as np

from qwop_sim.physics import QWOPSim
from rlqwop import recoverable


def test_the_plain_start_is_survivable_and_a_doomed_fumble_is_found_doomed():
    start = QWOPSim().reset()
    assert recoverable.survives(start, depth=6, beam=4, branch=2, frame_skip=4, rng=np.random.default_rng(0)) == 6
    # Seed 40005 with up to 40 frames of random keys: runner v2 (an archived file) falls within 2 m, and no
    # key sequence the search tries keeps it up for long (measured: models/README.md).
    res = recoverable.analyse("models/qwop-ppo-sim-v2.pt", {"start_keys": 40}, episodes=1, seed=40005,
                              lost_before=10.0, depth=30, beam=16, branch=4, progress=False)
    assert res["lost"] == 1 and res["starts"][0]["seed"] == 40005
    r = res["starts"][0]
    assert r["fell_at_m"] < 2 and r["doomed"] and r["search_kept_up_steps"] < 30
    assert res["doomed"] + res["savable"] == res["lost"]


def test_won_starts_are_not_searched(capsys):
    assert recoverable.main(["--checkpoint", "models/qwop-ppo-sim.pt", "--start-keys", "0", "--episodes", "1",
                             "--no-progress"]) == 0
    assert "0 of 1 starts lost before 10.0 m" in capsys.readouterr().out
