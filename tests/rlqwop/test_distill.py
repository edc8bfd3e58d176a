"""rlqwop/distill.py: a runner distilled into another network (DAgger on its own training starts)."""
from __future__ import annotations

import os

import numpy as np
import pytest

from conftest import ROOT

MODEL = os.path.join(ROOT, "models", "qwop-ppo-sim-v5.pt")  # a tanh runner: distilled into relu


def test_the_student_acts_as_the_teacher_on_the_states_it_learned_from_and_fine_tunes(tmp_path):
    import torch

    from rlqwop import checkpoint
    from rlqwop.config import parse_args
    from rlqwop.distill import main
    from rlqwop.policy import load_policy

    out = str(tmp_path / "student.pt")
    assert main(["--checkpoint", MODEL, "--out", out, "--hidden", "32,32", "--rounds", "2", "--steps", "20",
                 "--num-envs", "4", "--epochs", "30"]) == 0
    student, teacher = load_policy(out), load_policy(MODEL)
    assert isinstance(student.model.actor[1], torch.nn.ReLU) and student.model.actor[0].out_features == 32
    cfg = checkpoint.load(out)["config"]
    assert (cfg["hidden"], cfg["activation"], cfg["distilled_from"]) == ([32, 32], "relu", MODEL)
    assert cfg["frame_skip"] == teacher.config["frame_skip"]  # it plays at the teacher's control rate
    assert np.array_equal(student.norm.to_array(), teacher.norm.to_array())  # the teacher's statistics, frozen
    # a fine-tune from it keeps its network without flags
    a = parse_args(["--init-from", out, "--runs-dir", str(tmp_path), "--name", "ft"])
    assert (a.hidden, a.activation) == ((32, 32), "relu")


def test_distill_reports_agreement_far_above_an_untrained_student():
    """On the 160 states gathered, the student's deterministic keys are the teacher's (all four) in
    most of them; an untrained network (output ~0: each key a coin toss) would agree in ~1/16."""
    from rlqwop import checkpoint
    from rlqwop.distill import distill

    _, _, _, figures = distill(checkpoint.load(MODEL), (32, 32), "relu", rounds=2, steps=20, num_envs=4, epochs=60,
                             minibatch=16)
    assert [f["samples"] for f in figures] == [80, 160]
    assert figures[-1]["agree"] > 0.5 and figures[-1]["kl"] < figures[0]["kl"] / 2


def test_distill_refuses_a_bad_checkpoint(tmp_path, capsys):
    from rlqwop.distill import main

    bad = tmp_path / "bad.pt"
    bad.write_bytes(b"")
    with pytest.raises(SystemExit) as e:
        main(["--checkpoint", str(bad), "--out", str(tmp_path / "s.pt")])
    assert e.value.code == 2 and "empty file" in capsys.readouterr().err
