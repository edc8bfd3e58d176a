"""A non-editable install of the package loads qwop.json (shipped as qwop_game) and steps."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SNIPPET = r"""
import json, sys
import qwop_sim, qwop_sim.constants as c
from qwop_sim.physics import QWOPSim, QWOPBatch
assert c.C["world"]["dt"] == 0.04
s = QWOPSim()
st = s.step(1, 5)
b = QWOPBatch(2).step([1, 2])
print(json.dumps({"sim": qwop_sim.__file__, "frame": st.frame, "y": st.bodies[0][1],
                  "batch": b.bodies.shape[0]}))
"""


def test_non_editable_install(tmp_path):
    # build from a copy of the sources, so the shared checkout gets no build/ or egg-info writes
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (REPO / name).exists():
            shutil.copy2(REPO / name, src / name)
    ignore = shutil.ignore_patterns("node_modules", "__pycache__", "*.pyc", "*.egg-info")
    for pkg in ("qwop_sim", "rlqwop", "game"):
        shutil.copytree(REPO / pkg, src / pkg, ignore=ignore)
    target = tmp_path / "site"
    r = subprocess.run([sys.executable, "-m", "pip", "install", str(src), "--no-deps", "--no-build-isolation",
                        "--no-index", "--target", str(target), "-q"],
                       capture_output=True, text=True, cwd=tmp_path, timeout=170)
    assert r.returncode == 0, r.stderr[-3000:]
    assert (target / "qwop_game" / "qwop.json").exists()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(target)
    r = subprocess.run([sys.executable, "-c", SNIPPET], capture_output=True, text=True, cwd=elsewhere,
                       env=env, timeout=60)
    assert r.returncode == 0, r.stderr[-3000:]
    import json
    out = json.loads(r.stdout.strip().splitlines()[-1])
    assert out["sim"].startswith(str(target)), out["sim"]
    assert out["frame"] == 5 and out["batch"] == 2
