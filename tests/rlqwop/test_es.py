"""rlqwop.es: the population's forward pass, the race against the single env, the score, the search
and its resume."""
import csv
import os

import gymnasium as gym
import numpy as np
import pytest
import torch

import qwop_sim  # noqa: F401  (registers the ids)
from rlqwop import checkpoint, es
from rlqwop.policy import load_policy

RUNNER = "models/qwop-ppo-sim.pt"
DISTURBED = {"init_noise": 0.3, "start_delay": 8, "start_keys": 8}


def test_population_keys_are_the_policys_keys_member_by_member():
    policy = load_policy(RUNNER)
    actors = es.ActorPopulation(policy)
    theta = actors.theta()
    assert actors.size == theta.size == sum(p.numel() for p in policy.model.actor.parameters())
    rng = np.random.default_rng(0)
    obs = rng.normal(size=(3, 5, 89)) * 2
    other = theta + 0.05 * rng.standard_normal(theta.size)
    keys = actors.keys(obs, np.stack([theta, other, theta]))
    assert keys.dtype == np.int8 and keys.shape == (3, 5, 4)
    np.testing.assert_array_equal(keys[0], policy(obs[0]))
    np.testing.assert_array_equal(keys[2], policy(obs[2]))
    actors.load(other)  # the model now holds the other weights: the policy acts as member 1
    np.testing.assert_array_equal(keys[1], policy(obs[1]))
    assert not np.array_equal(keys[1], keys[0])


def test_a_members_races_are_the_single_envs_with_the_same_seeds():
    policy = load_policy(RUNNER)
    actors = es.ActorPopulation(policy)
    theta = actors.theta()
    race = es.PopulationRace(actors, members=2, starts=3, plain_starts=1, start_kwargs=DISTURBED,
                             horizon_s=4.0, frame_skip=policy.frame_skip)
    try:
        res = race.run(np.stack([theta, theta + 0.05]), seed=500)
    finally:
        race.close()
    assert res["distance"].shape == (2, 3)
    for j in range(3):
        env = gym.make("qwop-v0", frame_skip=policy.frame_skip, max_episode_steps=race.steps)
        obs, info = env.reset(seed=500 + j, options=DISTURBED if j >= 1 else {})
        ended = False
        while not ended:
            obs, _, term, trunc, info = env.step(policy(obs))
            ended = term or trunc
        env.close()
        assert res["distance"][0, j] == info["distance"] and res["clock"][0, j] == info["clock"]
        assert res["fallen"][0, j] == (term and not info["finished"])
    assert not np.array_equal(res["distance"][0], res["distance"][1])  # other weights, other races


def test_race_score_orders_finishes_by_time_and_falls_below_the_same_distance():
    s = es.race_score([100.2, 100.1, 70.0, 70.0, 30.0], [40.0, 44.0, 45.0, 20.0, 45.0],
                      [True, True, False, False, False], [False, False, False, True, False],
                      horizon_s=45.0, fall_penalty=20.0, finish_speed=2.0)
    np.testing.assert_allclose(s, [110.0, 102.0, 70.0, 50.0, 30.0])


def test_centred_ranks():
    np.testing.assert_allclose(es.centred_ranks(np.array([3.0, -1.0, 10.0])), [0.0, -0.5, 0.5])
    # ties share their average rank
    np.testing.assert_allclose(es.centred_ranks(np.array([5.0, 1.0, 5.0, 9.0, 5.0])),
                               np.array([2.0, 0.0, 2.0, 4.0, 2.0]) / 4 - 0.5)


def test_an_antithetic_pair_that_ties_moves_nothing():
    # members: +eps_0, +eps_1, -eps_0, -eps_1 (then the centre); pair 0 ties, pair 1 does not
    fit = np.array([70.0, 80.0, 70.0, 60.0])
    r = es.centred_ranks(fit)
    eps = np.array([[1.0, 0.0], [0.0, 1.0]])
    grad = (r[:2] - r[2:]) @ eps
    assert grad[0] == 0.0 and grad[1] > 0


def _args(out, **kw):
    a = es.build_parser().parse_args(["--init-from", RUNNER, "--out", str(out), "--pairs", "1", "--starts", "2",
                                      "--horizon-s", "1.5", "--save-every", "1", "--no-progress",
                                      "--start-kwargs", '{"init_noise": 0.1}'])
    for k, v in kw.items():
        setattr(a, k, v)
    return a


def test_search_saves_a_loadable_runner_and_resume_gives_the_uninterrupted_floats(tmp_path):
    es.search(_args(tmp_path / "whole", generations=3))
    es.search(_args(tmp_path / "split", generations=2))
    with open(tmp_path / "split" / "progress.csv", "a") as f:  # a generation run after the last save
        f.write("3" + ",0" * 10 + "\n")
    es.search(_args(tmp_path / "split", generations=3, resume=True, init_from=None))
    whole = torch.load(tmp_path / "whole" / "es_state.pt", weights_only=False)
    split = torch.load(tmp_path / "split" / "es_state.pt", weights_only=False)
    assert whole["generation"] == split["generation"] == 3
    np.testing.assert_array_equal(whole["theta"], split["theta"])
    with open(tmp_path / "split" / "progress.csv") as f:
        assert [int(r["generation"]) for r in csv.DictReader(f)] == [1, 2, 3]
    start = load_policy(RUNNER)
    moved = load_policy(str(tmp_path / "whole" / "latest.pt"))
    assert moved.config["es"]["generation"] == 3 and moved.env_id == start.env_id
    assert os.path.exists(tmp_path / "whole" / "gen-00002.pt")
    obs = np.random.default_rng(1).normal(size=(64, 89))
    # the actor moved; the critic and the normaliser are the starting checkpoint's
    assert not torch.equal(moved.model.actor[0].weight, start.model.actor[0].weight)
    assert torch.equal(moved.model.critic[0].weight, start.model.critic[0].weight)
    np.testing.assert_array_equal(moved.norm.obs(obs), start.norm.obs(obs))
    assert "optimizer" not in checkpoint.load(str(tmp_path / "whole" / "latest.pt"))


def test_a_fresh_search_refuses_an_out_that_holds_one_and_resume_keeps_the_saved_total(tmp_path, capsys):
    es.search(_args(tmp_path, generations=2))
    before = (tmp_path / "progress.csv").read_text()
    with pytest.raises(ValueError, match="already holds a search"):
        es.search(_args(tmp_path, generations=3))
    assert (tmp_path / "progress.csv").read_text() == before  # nothing lost, nothing appended
    # --resume without --generations: the saved total (2), already reached: a clear error
    with pytest.raises(SystemExit):
        es.main(["--out", str(tmp_path), "--resume", "--no-progress"])
    assert "already ran 2 of its 2 generations" in capsys.readouterr().err
    es.search(_args(tmp_path, generations=3, resume=True, init_from=None))
    with open(tmp_path / "progress.csv") as f:
        assert [int(r["generation"]) for r in csv.DictReader(f)] == [1, 2, 3]
    assert torch.load(tmp_path / "es_state.pt", weights_only=False)["es"]["generations"] == 3


def test_cli_errors_are_one_line(tmp_path, capsys):
    with pytest.raises(SystemExit):
        es.main(["--out", str(tmp_path)])
    assert "--init-from is required" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        es.main(["--init-from", RUNNER, "--out", str(tmp_path), "--start-kwargs", "{nope"])
    assert "--start-kwargs is not JSON" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        es.main(["--init-from", RUNNER, "--out", str(tmp_path), "--start-kwargs", '{"start_nope": 1}'])
    assert "start_nope" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        es.main(["--init-from", RUNNER, "--out", str(tmp_path), "--start-kwargs", "[1, 2]"])
    assert "must be a JSON object" in capsys.readouterr().err
    for flag, value in (("--save-every", "0"), ("--lr", "-0.1"), ("--pairs", "0"), ("--sigma", "0")):
        with pytest.raises(SystemExit):
            es.main(["--init-from", RUNNER, "--out", str(tmp_path), flag, value])
        assert f"{flag} must be" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        es.main(["--out", str(tmp_path / "none"), "--resume"])
    assert "no " in capsys.readouterr().err
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "es_state.pt").write_bytes(b"not a checkpoint")
    with pytest.raises(SystemExit):
        es.main(["--out", str(tmp_path / "bad"), "--resume", "--generations", "5"])
    assert "not a readable checkpoint" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.pt"))  # no error left a file behind


def test_ctrl_c_saves_the_last_generation_exits_0_and_resume_goes_on(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "run"
    settings = ["--init-from", RUNNER, "--pairs", "1", "--starts", "2", "--horizon-s", "1.5",
                "--save-every", "100000", "--no-progress"]
    cmd = [sys.executable, "-m", "rlqwop.es", *settings, "--out", str(out), "--generations", "100000"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            if (out / "progress.csv").exists() and len((out / "progress.csv").read_text().splitlines()) >= 3:
                break
            time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert "stopped: saved generation" in err
    saved = torch.load(out / "es_state.pt", weights_only=False)
    done = saved["generation"]
    assert done >= 2 and load_policy(str(out / "latest.pt")).config["es"]["generation"] == done
    es.search(_args(out, generations=done + 1, resume=True, init_from=None))
    with open(out / "progress.csv") as f:
        gens = [int(r["generation"]) for r in csv.DictReader(f)]
    assert gens[-1] == done + 1 and gens[:done] == list(range(1, done + 1))
    # the interrupted and resumed search is the uninterrupted one, float for float
    whole = tmp_path / "whole"
    es.search(es.build_parser().parse_args([*settings, "--out", str(whole), "--generations", str(done + 1)]))
    np.testing.assert_array_equal(torch.load(out / "es_state.pt", weights_only=False)["theta"],
                                  torch.load(whole / "es_state.pt", weights_only=False)["theta"])
