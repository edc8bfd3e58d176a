"""The real-game recordings live in the repository (reference/) and one setting, QWOP_REFERENCE,
moves them for every reader: Python (qwop_sim.reference) and the game's fidelity script (Node)."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from qwop_sim import reference as R

ROOT = Path(__file__).resolve().parents[2]


def test_recordings_are_in_the_repository(monkeypatch):
    monkeypatch.delenv(R.ENV_VAR, raising=False)
    assert R.reference_path() == ROOT / "reference" / "real-qwop-trajectories.json.gz"
    d = R.load_reference()
    # the measured file keeps its header
    assert {"what", "protocol", "keys_bits", "parts", "fields_per_part", "units"} <= set(d)
    assert len(d["sequences"]) == 28
    assert sum(len(s["frames"]) for s in d["sequences"].values()) == 3737
    assert (ROOT / "reference" / "README.md").is_file()


def _node_reference_path(env_value: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != R.ENV_VAR}
    if env_value is not None:
        env[R.ENV_VAR] = env_value
    out = subprocess.run(["node", "-e", "process.stdout.write(require('./scripts/fidelity.js').referencePath())"],
                         cwd=ROOT / "game", env=env, capture_output=True, text=True, timeout=30, check=True)
    return out.stdout


def test_one_setting_moves_them_everywhere(tmp_path, monkeypatch):
    copy = tmp_path / "copy.json.gz"
    shutil.copy2(ROOT / "reference" / "real-qwop-trajectories.json.gz", copy)
    monkeypatch.setenv(R.ENV_VAR, str(copy))
    assert R.reference_path() == copy
    assert len(R.load_reference()["sequences"]) == 28
    assert Path(_node_reference_path(str(copy))) == copy
    assert Path(_node_reference_path(None)) == ROOT / "reference" / "real-qwop-trajectories.json.gz"
    monkeypatch.setenv(R.ENV_VAR, str(tmp_path / "missing.json.gz"))
    with pytest.raises(FileNotFoundError, match="QWOP_REFERENCE"):
        R.load_reference()


def test_no_second_name_for_the_setting():
    # QWOP_RECORDINGS (the tuning tool's old name) is gone: one name for one setting
    hits = []
    for p in list(ROOT.glob("qwop_sim/**/*.py")) + list(ROOT.glob("tests/**/*.py")) + list(ROOT.glob("game/scripts/*.js")):
        if p.name != "test_reference.py" and "QWOP_RECORDINGS" in p.read_text():
            hits.append(str(p))
    assert hits == []
    # nothing reads the recordings from a folder beside the repository any more
    old = "shared" + "/reference/real-qwop"
    assert [str(p) for p in list(ROOT.glob("**/*.py")) + list(ROOT.glob("game/**/*.js"))
            if "node_modules" not in p.parts and old in p.read_text()] == []
