"""The game (and the sim) against the real QWOP recordings: regression guards on fidelity.js."""
from __future__ import annotations

import pytest

from tests.parity import harness as H

# Measured 02:05 UTC: the game replays all 28 real recordings within 1e-4 through frame 25 (median
# of the largest position error through 25: 7e-15, i.e. bit-level agreement with the real game's
# Box2D) and gives the same fall frame in 28/28. Anything short of that is a regression of
# game/src/qwop.js: the bounds are "all of them" and 1e-9.
GAME_MEDIAN_MAX25 = 1e-9
# Sim against the same recordings (QWOPSim replaying them): median 0.344 units, 8/28 on the same
# fall frame (11:50 UTC Nov 28, with Box2D's position pass; before it: 0.665, and 0.773 before
# Box2D's joint order). Bound 0.40 (1.16x): measured regressions gravity +10% -> 0.630 (fails),
# +3% -> 0.532 (fails).
SIM_MEDIAN_MAX25 = 0.40


@pytest.fixture(scope="module")
def game_fid():
    return H.game_fidelity()


def test_game_fidelity_runs(game_fid):
    s = game_fid["summary"]
    assert s["sequences"] == len(H.reference()["sequences"])
    assert s["median_max_error_through_25"] < GAME_MEDIAN_MAX25, s
    assert s["matched_1e4_through_25"] == s["sequences"], [r["name"] for r in game_fid["rows"] if not r["matched_25"]]
    assert s["same_fall_frame"] == s["sequences"], [r["name"] for r in game_fid["rows"] if not r["same_fall"]]
    assert s["same_land_frame"] == s["sequences"]


def test_sim_fidelity():
    s = H.sim_fidelity()["summary"]
    assert s["median_max_error_through_25"] < SIM_MEDIAN_MAX25, s


def test_game_first_frame_close_to_recordings(game_fid):
    # one frame after the start pose: measured < 1e-14 off the real game for every key; 1e-9 fails
    # any change of the start pose, key table, motor speed or solver
    for r in game_fid["rows"]:
        e1 = r["error_at"]["1"]
        assert e1 is None or e1 < 1e-9, r
