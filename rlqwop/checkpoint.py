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


def load(path: str) -> dict:
    if os.path.isdir(path):
        path = os.path.join(path, "latest.pt")
    if not os.path.isfile(path):
        raise FileNotFoundError(f"no checkpoint at {path}")
    return torch.load(path, map_location="cpu", weights_only=False)


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
