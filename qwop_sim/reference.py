"""Where the recordings of the real QWOP are: ``reference/real-qwop-trajectories.json.gz`` in the
repository (see reference/README.md), or the file named by ``QWOP_REFERENCE``.

The recordings are measured data used by the tests, the parity report and the tuning tools of a
checkout; the wheel does not carry them (set ``QWOP_REFERENCE`` to use them from an install).
The game's fidelity script (game/scripts/fidelity.js) resolves the same path the same way.
"""
from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

ENV_VAR = "QWOP_REFERENCE"  # the one setting that overrides the path (Python and Node)
FILE_NAME = "real-qwop-trajectories.json.gz"
REPO_REFERENCE = Path(__file__).resolve().parents[1] / "reference" / FILE_NAME


def reference_path() -> Path:
    """``$QWOP_REFERENCE`` if set, else the repository's reference/real-qwop-trajectories.json.gz."""
    env = os.environ.get(ENV_VAR)
    return Path(env).expanduser() if env else REPO_REFERENCE


def load_reference(path: str | os.PathLike | None = None) -> dict:
    """The recordings: {"what", "protocol", ..., "sequences": {name: {"keys": [...], "frames": [...]}}}."""
    p = Path(path) if path is not None else reference_path()
    if not p.is_file():
        raise FileNotFoundError(
            f"no recordings of the real QWOP at {p}: they live in the repository's reference/ folder "
            f"(a checkout); set {ENV_VAR}=/path/to/{FILE_NAME} to use another copy")
    with gzip.open(p, "rt", encoding="utf-8") as f:
        return json.load(f)
