"""rlqwop/select.py: the quick selection set, one row per checkpoint."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from rlqwop.select import QUICK_STARTS, select_row

from conftest import ROOT, RUN_PY

MODEL = os.path.join(ROOT, "models", "qwop-ppo-sim.pt")


def _ep(finished, time_100m=None, distance=5.0):
    return {"finished": finished, "time_100m": time_100m, "distance": distance}


def test_select_row_counts_finishes_per_kind_and_averages_the_finished_times():
    results = {"plain": [_ep(False, distance=54.7)],
               "noise 0.1": [_ep(True, 50.0), _ep(True, 52.0)], "noise 0.3": [_ep(False), _ep(True, 51.0)],
               "late 0-30": [_ep(False), _ep(False)], "fumble 0-20": [_ep(True, 49.0), _ep(False)],
               "held keys": [_ep(True, 58.0), _ep(False)]}
    row = select_row("ck", results)
    # 2 + 1 + 0 + 1 = 4 of 8 standard; the mean over the five finished disturbed races, held keys included
    assert row == "| ck | falls at 54.7 m | 2 | 1 | 0 | 1 | 4 of 8 | 1 of 2 | 52.00 s |"
    results["plain"] = [_ep(True, 49.0666666)]
    assert select_row("ck", results).startswith("| ck | 49.07 s | ")


def test_select_plays_every_checkpoint_on_the_same_starts(tmp_path):
    out = tmp_path / "sel.md"
    r = subprocess.run([sys.executable, RUN_PY, "select", MODEL, MODEL, "--backend", "sim", "--episodes", "2",
                        "--workers", "1", "--max-steps", "30", "--out", str(out)],
                       capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    rows = [line for line in out.read_text().splitlines() if line.startswith(f"| {MODEL}")]
    # 30 steps from the line: no race finishes, the plain start included
    assert len(rows) == 2 and rows[0] == rows[1] and "| 0 of 8 | 0 of 2 | - |" in rows[0], rows
    raw = json.loads((tmp_path / "sel.json").read_text())
    assert set(raw[MODEL]) == {"plain", *QUICK_STARTS} and len(raw[MODEL]["noise 0.1"]["episodes"]) == 2
    assert [e["seed"] for e in raw[MODEL]["held keys"]["episodes"]] == [40000, 40001]


def test_select_refuses_a_missing_checkpoint_before_playing(tmp_path):
    r = subprocess.run([sys.executable, RUN_PY, "select", str(tmp_path / "nope.pt"), "--backend", "sim"],
                       capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert r.returncode == 2 and "no such checkpoint" in r.stderr
