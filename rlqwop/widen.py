"""Widen a trained MLP policy without changing what it does (a Net2Net-style start for a larger network).

Every runner here is a 128-128 MLP. To ask whether a wider network runs better without retraining
from scratch (tens of millions of steps), the trained one is embedded in a wider one: each hidden
layer gets new units whose incoming weights are random (so they compute something) and whose
outgoing weights are zero (so, at first, nothing reads them). The wider network's outputs are the
old one's (to float rounding), and fine-tuning with ``run.py --init-from WIDE.pt --hidden ...``
starts from the trained runner with the new units free to learn: the gradient of an outgoing weight
is the unit's activation times the error, which is not zero.

    python -m rlqwop.widen --checkpoint models/qwop-ppo-sim-v4.pt --hidden 256,256 --out runs/v4-w256.pt

The result is a policy checkpoint (model, spec, normaliser, and the config with the new ``hidden``);
it carries no optimizer state, so it is for ``--init-from``, not ``--resume``.
"""
from __future__ import annotations

import argparse
import sys

import numpy as np
import torch

from rlqwop import checkpoint
from rlqwop.config import _hidden  # run.py's own parser of --hidden

HEADS = ("actor", "critic")


def _linear_indices(model: dict, head: str) -> list[int]:
    """The Sequential indices of ``head``'s Linear layers (0, 2, 4, ... with an activation between)."""
    idx = sorted({int(k.split(".")[1]) for k in model if k.startswith(head + ".") and k.endswith(".weight")})
    if not idx:
        raise ValueError(f"no {head}.N.weight in the checkpoint: not an MLP policy (image policies have a trunk)")
    return idx


def hidden_sizes(model: dict) -> tuple[int, ...]:
    """The hidden layer sizes of an MLP policy's state dict (the actor's; the critic's are the same)."""
    idx = _linear_indices(model, "actor")
    return tuple(int(model[f"actor.{i}.weight"].shape[0]) for i in idx[:-1])


def widen_state_dict(model: dict, hidden: tuple[int, ...], seed: int = 0) -> dict:
    """A state dict for the MLP policy with hidden layer sizes ``hidden`` that computes what ``model``
    computes. ``hidden`` must have as many layers as the model and none narrower."""
    old = hidden_sizes(model)
    if len(hidden) != len(old):
        raise ValueError(f"--hidden {list(hidden)}: the checkpoint has {len(old)} hidden layers {list(old)}; "
                         "widening keeps the depth")
    if any(h < o for h, o in zip(hidden, old)):
        raise ValueError(f"--hidden {list(hidden)} is narrower than the checkpoint's {list(old)} somewhere")
    gen = torch.Generator().manual_seed(seed)
    out = {k: v.clone() for k, v in model.items()}
    for head in HEADS:
        idx = _linear_indices(model, head)
        for layer, i in enumerate(idx):
            w, b = model[f"{head}.{i}.weight"], model[f"{head}.{i}.bias"]
            n_out = hidden[layer] if layer < len(hidden) else w.shape[0]
            n_in = w.shape[1] if layer == 0 else hidden[layer - 1]
            new_w = torch.zeros((n_out, n_in), dtype=w.dtype)
            new_b = torch.zeros((n_out,), dtype=b.dtype)
            # the trained block where it was; new inputs (columns) stay zero: nobody reads a new unit yet
            new_w[: w.shape[0], : w.shape[1]] = w
            new_b[: b.shape[0]] = b
            # new units (rows) read every input with random weights of the usual scale for tanh units
            if n_out > w.shape[0]:
                std = 1.0 / np.sqrt(n_in)
                new_w[w.shape[0]:, :] = torch.randn((n_out - w.shape[0], n_in), generator=gen, dtype=w.dtype) * std
            out[f"{head}.{i}.weight"], out[f"{head}.{i}.bias"] = new_w, new_b
    return out


def widen_checkpoint(state: dict, hidden: tuple[int, ...], seed: int = 0) -> dict:
    """A policy checkpoint (model, spec, normaliser, config) with the network widened to ``hidden``."""
    if state.get("spec", {}).get("image"):
        raise ValueError("widening is for MLP (vector-observation) policies; this one has a CNN")
    config = dict(state.get("config") or {})
    config["hidden"] = list(hidden)
    return {
        "model": widen_state_dict(state["model"], hidden, seed),
        "spec": state["spec"],
        "normalizer": state["normalizer"],
        "config": config,
    }


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m rlqwop.widen", description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--checkpoint", required=True, help="a trained MLP policy checkpoint")
    p.add_argument("--hidden", required=True, type=_hidden,
                   help="the new hidden layer sizes, e.g. 256,256 (same depth)")
    p.add_argument("--out", required=True, help="where to write the widened checkpoint")
    p.add_argument("--seed", type=int, default=0, help="seed of the new units' incoming weights")
    a = p.parse_args(argv)
    hidden = a.hidden
    try:
        state = checkpoint.load(a.checkpoint, require=checkpoint.POLICY_KEYS)
        wide = widen_checkpoint(state, hidden, a.seed)
    except (OSError, ValueError) as e:
        sys.exit(f"rlqwop.widen: {e}")
    checkpoint.save(a.out, wide)
    print(f"[rlqwop.widen] {a.checkpoint} {list(hidden_sizes(state['model']))} -> {a.out} {list(hidden)}; "
          f"fine-tune with: python run.py --init-from {a.out} --hidden {','.join(map(str, hidden))} ...")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
