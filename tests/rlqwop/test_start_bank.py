"""rlqwop/start_bank.py: a bank written from a checkpoint's own runs, loadable by the envs."""
from __future__ import annotations

import os

import gymnasium as gym
import pytest

from qwop_sim.envs.starts import load_bank
from rlqwop import start_bank

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODEL = os.path.join(ROOT, "models", "qwop-ppo-sim.pt")


def test_bank_holds_the_policys_states_in_the_stretch(tmp_path):
    out = str(tmp_path / "bank.json.gz")
    assert start_bank.main(["--checkpoint", MODEL, "--out", out, "--episodes", "2", "--from", "1",
                            "--to", "4", "--every", "2", "--no-progress"]) == 0
    bank = load_bank(out)
    assert len(bank) >= 4 and all(1 <= s.distance <= 4 for s in bank)
    env = gym.make("qwop-v0", frame_skip=4, start_bank=out, start_bank_prob=1.0)
    _, info = env.reset(seed=1)
    assert 1 <= info["distance"] <= 4
    env.close()


def test_an_empty_stretch_is_an_error_not_an_empty_file(tmp_path):
    out = tmp_path / "bank.json"
    with pytest.raises(SystemExit, match="never ran between"):
        start_bank.main(["--checkpoint", MODEL, "--out", str(out), "--episodes", "1", "--from", "500",
                         "--to", "600", "--no-progress"])
    assert not out.exists()


def test_evaluation_starts_at_the_line_whatever_the_checkpoint_trained_with(tmp_path):
    """A checkpoint trained with mid-race starts is evaluated from the line (its other starts stay)."""
    import argparse
    import json

    import torch

    from rlqwop.evaluate import main as eval_main
    from rlqwop.train import _eval_env_kwargs

    bank = str(tmp_path / "bank.json.gz")
    start_bank.main(["--checkpoint", MODEL, "--out", bank, "--episodes", "1", "--from", "1", "--to", "3",
                     "--no-progress"])
    ck = torch.load(MODEL, weights_only=False)
    ck["config"]["env_kwargs"] = json.dumps({"init_noise": 0.1, "start_bank": bank, "start_bank_prob": 1.0})
    path = str(tmp_path / "banked.pt")
    torch.save(ck, path)
    out = tmp_path / "e.json"
    assert eval_main(["--checkpoint", path, "--backend", "sim", "--episodes", "2", "--max-steps", "3",
                      "--no-progress", "--json", str(out)]) == 0
    d = json.loads(out.read_text())
    assert d["env_kwargs"] == {"init_noise": 0.1}
    assert all(e["distance"] < 1 for e in d["episodes"])  # three steps from the line, not from 1-3 m
    args = argparse.Namespace(eval_env_kwargs=None, env_kwargs=ck["config"]["env_kwargs"])
    assert json.loads(_eval_env_kwargs(args)) == {"init_noise": 0.1}
    args.eval_env_kwargs = '{"start_delay": 3}'
    assert _eval_env_kwargs(args) == '{"start_delay": 3}'


def test_lost_starts_bank_holds_the_first_states_of_lost_starts_and_merges(tmp_path):
    """--lost-starts: one state per disturbed start the policy lost (at the line, where the agent first
    acted), plus the merged bank's states first; the envs load it."""
    import gzip
    import json

    hurdle = str(tmp_path / "hurdle.json.gz")
    start_bank.main(["--checkpoint", MODEL, "--out", hurdle, "--episodes", "1", "--from", "1", "--to", "3",
                     "--no-progress"])
    out = str(tmp_path / "lost.json.gz")
    assert start_bank.main(["--checkpoint", MODEL, "--out", out, "--lost-starts", "--episodes", "12",
                            "--seed", "900000", "--merge", hurdle, "--no-progress"]) == 0
    with gzip.open(out, "rt") as f:
        meta = json.load(f)["meta"]
    lost = sum(c["lost"] for c in meta["lost_starts"].values())
    assert set(meta["lost_starts"]) == set(start_bank.LOST_START_KINDS) and lost >= 1
    bank, merged = load_bank(out), load_bank(hurdle)
    assert len(bank) == len(merged) + lost
    assert [s.to_dict() for s in bank[:len(merged)]] == [s.to_dict() for s in merged]
    assert all(s.distance < 3 for s in bank[len(merged):])  # the line, after a few disturbed frames
    with pytest.raises(SystemExit, match="--merge"):
        start_bank.main(["--checkpoint", MODEL, "--out", str(tmp_path / "x.json"), "--lost-starts",
                         "--episodes", "12", "--seed", "900000", "--merge", str(tmp_path / "none.json"),
                         "--no-progress"])
