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
    assert np.array_equal(student.norm.to_array(), teacher.norm.to_array())  # the teacher's statistics, frozen
    # a fine-tune from it keeps its network without flags
    a = parse_args(["--init-from", out, "--runs-dir", str(tmp_path), "--name", "ft"])
    assert (a.hidden, a.activation) == ((32, 32), "relu")


def test_distill_gathers_on_the_teachers_starts_and_learns_far_beyond_an_untrained_student(monkeypatch):
    """On the 160 states gathered, the student's deterministic keys are the teacher's (all four) in
    most of them, where an untrained network (outputs ~0: each key a coin toss) agrees in ~1/16; its
    KL to the teacher is well under an untrained one's (~0.55 on these states). The states come from
    the teacher's own training starts at its control rate."""
    import qwop_sim.envs.vector as vector

    from rlqwop import checkpoint
    from rlqwop.distill import distill

    made = []
    real = vector.make_vector_env
    monkeypatch.setattr(vector, "make_vector_env", lambda n, **kw: made.append(kw) or real(n, **kw))
    state = checkpoint.load(MODEL)
    _, _, _, figures = distill(state, (32, 32), "relu", rounds=2, steps=20, num_envs=4, epochs=60, minibatch=16)
    assert [f["samples"] for f in figures] == [80, 160]
    assert figures[-1]["agree"] > 0.5 and figures[-1]["kl"] < 0.25
    import json

    teacher_kw = json.loads(state["config"]["env_kwargs"])
    assert made[0]["frame_skip"] == state["config"]["frame_skip"] == 2
    assert all(made[0][k] == v for k, v in teacher_kw.items())  # its starts, its bank


def test_distill_refuses_a_bad_checkpoint(tmp_path, capsys):
    from rlqwop.distill import main

    bad = tmp_path / "bad.pt"
    bad.write_bytes(b"")
    with pytest.raises(SystemExit) as e:
        main(["--checkpoint", str(bad), "--out", str(tmp_path / "s.pt")])
    assert e.value.code == 2 and "empty file" in capsys.readouterr().err


def test_a_start_teacher_that_is_the_teacher_changes_nothing_and_another_one_is_recorded(tmp_path):
    """The start teacher takes the first --start-steps of every episode: given the teacher itself, the
    student is the same float for float; given another runner (the game stage), the checkpoint says
    which learned what."""
    import torch

    from rlqwop import checkpoint
    from rlqwop.distill import distill, main

    state = checkpoint.load(MODEL)
    kw = dict(rounds=2, steps=12, num_envs=4, epochs=3, minibatch=16)
    plain, _, _, f1 = distill(state, (16, 16), "relu", **kw)
    same, _, _, f2 = distill(state, (16, 16), "relu", start_teacher_state=checkpoint.load(MODEL), start_steps=5, **kw)
    assert f1 == f2
    assert all(torch.equal(a, b) for a, b in zip(plain.state_dict().values(), same.state_dict().values()))
    game = os.path.join(ROOT, "models", "qwop-ppo-game-finetuned.pt")
    out = str(tmp_path / "two.pt")
    assert main(["--checkpoint", MODEL, "--start-teacher", game, "--start-steps", "5", "--out", out, "--hidden", "16,16",
                 "--rounds", "1", "--steps", "12", "--num-envs", "4"]) == 0
    assert checkpoint.load(out)["config"]["distilled_from"] == f"{game} for the first 5 agent steps of an episode, {MODEL} after"


def test_the_zone_is_read_from_the_observation_in_metres_as_the_score_counts_them():
    """The zone teacher's stretch of track is the torso's x in metres: the observation's progress
    entry, which is the game's score (info["distance"]) until a finish, to float32's rounding."""
    import gymnasium as gym

    import qwop_sim  # noqa: F401 (registers the ids)
    from rlqwop.distill import _torso_metres

    env = gym.make("qwop-v0", frame_skip=2, init_noise=0.3)
    obs, info = env.reset(seed=3)
    seen = []
    for t in range(60):
        seen.append((float(_torso_metres(obs[None])[0]), info["distance"]))
        obs, _, term, trunc, info = env.step(np.array([t % 3 == 0, t % 3 == 1, t % 2, 1 - t % 2], np.int8))
        if term or trunc:
            break
    env.close()
    assert len(seen) > 10 and len({d for _, d in seen}) > 5  # the runner moved
    assert all(abs(m - d) <= 1e-5 * max(1.0, abs(d)) for m, d in seen)


def test_a_zone_teacher_teaches_only_its_stretch_of_track_and_is_recorded(tmp_path):
    """A zone that no state reaches changes nothing (the same student, float for float); one that
    covers the whole track hands every key label to the zone teacher (another student); the
    checkpoint names it; --zone-teacher without --zone is refused."""
    import torch

    from rlqwop import checkpoint
    from rlqwop.distill import distill, main

    state = checkpoint.load(MODEL)
    game = os.path.join(ROOT, "models", "qwop-ppo-game-finetuned.pt")
    kw = dict(rounds=2, steps=12, num_envs=4, epochs=3, minibatch=16)
    plain, _, _, f1 = distill(state, (16, 16), "relu", **kw)
    nowhere, _, _, f2 = distill(state, (16, 16), "relu", zone_teacher_state=checkpoint.load(game), zone=(500.0, 600.0), **kw)
    everywhere, _, _, _ = distill(state, (16, 16), "relu", zone_teacher_state=checkpoint.load(game), zone=(-50.0, 500.0), **kw)
    assert f1 == f2
    assert all(torch.equal(a, b) for a, b in zip(plain.state_dict().values(), nowhere.state_dict().values()))
    assert not torch.equal(plain.actor[0].weight, everywhere.actor[0].weight)
    out = str(tmp_path / "zone.pt")
    assert main(["--checkpoint", MODEL, "--zone-teacher", game, "--zone", "44", "75", "--out", out, "--hidden", "16,16",
                 "--rounds", "1", "--steps", "12", "--num-envs", "4"]) == 0
    assert checkpoint.load(out)["config"]["distilled_from"] == f"{MODEL}; {game} from 44 to 75 m"
    with pytest.raises(SystemExit) as e:
        main(["--checkpoint", MODEL, "--zone-teacher", game, "--out", out])
    assert e.value.code == 2
