"""Checkpoints: atomic write (tmp file + os.replace) and load.

A checkpoint holds everything needed to resume or to act: model weights, the network spec (so the
policy loads without an env), optimizer state, normaliser statistics, step/iteration counters, the
best evaluation score so far and the run's config.
"""
from __future__ import annotations

import os
import tempfile

import torch


def save(path: str, state: dict) -> None:
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=os.path.basename(path) + ".", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            torch.save(state, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


class CheckpointError(ValueError):
    """A file that is not a usable checkpoint (empty, truncated, corrupted, or not run.py's)."""


# what acting needs, and what resuming needs besides
POLICY_KEYS = ("model", "spec", "normalizer")
RESUME_KEYS = POLICY_KEYS + ("optimizer", "global_step", "iteration")


def load(path: str, require: tuple = ()) -> dict:
    """The checkpoint at ``path`` (a file, or a run directory: its latest.pt). FileNotFoundError if
    there is none, CheckpointError (one line naming the file) if it cannot be read or lacks one of
    the keys ``require``."""
    if os.path.isdir(path):
        path = os.path.join(path, "latest.pt")
    if not os.path.isfile(path):
        raise FileNotFoundError(f"no checkpoint at {path}")
    if os.path.getsize(path) == 0:
        raise CheckpointError(f"{path}: empty file, not a checkpoint")
    try:
        state = torch.load(path, map_location="cpu", weights_only=False)
    except Exception as e:
        why = str(e).strip().splitlines()[0].split(". ")[0][:200] if str(e).strip() else type(e).__name__
        raise CheckpointError(f"{path}: not a readable checkpoint (truncated or corrupted?): "
                              f"{type(e).__name__}: {why}") from None
    if not isinstance(state, dict):
        raise CheckpointError(f"{path}: not a checkpoint of run.py (holds a {type(state).__name__}, not a dict)")
    missing = [k for k in require if k not in state]
    if missing:
        raise CheckpointError(f"{path}: not a checkpoint of run.py (no {', '.join(missing)})")
    return state


def make_state(model, optimizer, norm, global_step: int, iteration: int, best_eval: float, config: dict) -> dict:
    return {
        "model": model.state_dict(),
        "spec": model.spec,
        "optimizer": optimizer.state_dict() if optimizer is not None else None,
        "normalizer": norm.state_dict(),
        "global_step": int(global_step),
        "iteration": int(iteration),
        "best_eval": float(best_eval),
        "config": config,
    }
