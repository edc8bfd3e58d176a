"""End-to-end training on the toy env in this process: run output, resume, bad flags, policy, eval CLI."""
import csv
import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest

from rlqwop import checkpoint
from rlqwop.config import parse_args
from rlqwop.train import main as train_main

from conftest import FAST, ROOT, RUN_PY


def _train(tmp_path, *extra):
    argv = FAST + ["--runs-dir", str(tmp_path), "--name", "r"] + list(extra)
    assert train_main(argv) == 0
    return os.path.join(str(tmp_path), "r")


def _adam_step(state):
    steps = [s["step"] for s in state["optimizer"]["state"].values()]
    return int(max(float(s) for s in steps))


def test_run_writes_everything(tmp_path):
    rd = _train(tmp_path, "--total-steps", "512", "--tensorboard", "true", "--plot-every", "2", "--eval-every", "2",
                "--eval-episodes", "1", "--eval-max-steps", "50")
    for f in ("config.json", "progress.csv", "latest.pt", "best.pt", "learning_curve.png"):
        assert os.path.isfile(os.path.join(rd, f)), f
    assert any(f.startswith("events.out.tfevents") for f in os.listdir(os.path.join(rd, "tb")))
    cfg = json.load(open(os.path.join(rd, "config.json")))
    assert cfg["lr"] == 3e-4 and cfg["total_steps"] == 512 and cfg["env"] == "rlqwop/ToyRun-v0"
    rows = list(csv.DictReader(open(os.path.join(rd, "progress.csv"))))
    assert [int(r["global_step"]) for r in rows] == [128, 256, 384, 512]
    assert rows[1]["eval_mean_distance"] != ""
    # each iteration says where its time went: collecting and updating, both inside its wall-clock
    # (the first iteration's time_s also counts the startup)
    for prev, r in zip(rows, rows[1:]):
        collect, update = float(r["collect_s"]), float(r["update_s"])
        assert collect > 0 and update > 0
        # time_s is rounded to 0.01 s, each end of the gap by up to 0.005 s
        assert collect + update <= float(r["time_s"]) - float(prev["time_s"]) + 0.011
    state = checkpoint.load(os.path.join(rd, "latest.pt"))
    assert state["global_step"] == 512 and state["iteration"] == 4


def test_resume_continues_steps_and_optimizer(tmp_path):
    # target_kl 0: every iteration makes exactly update_epochs * (128/64) = 4 optimizer steps.
    rd = _train(tmp_path, "--total-steps", "384", "--target-kl", "0", "--save-every", "1")
    a = checkpoint.load(os.path.join(rd, "latest.pt"))
    assert a["global_step"] == 384 and _adam_step(a) == 3 * 4
    assert train_main(["--resume", rd, "--total-steps", "640"]) == 0
    b = checkpoint.load(os.path.join(rd, "latest.pt"))
    assert b["global_step"] == 640 and b["iteration"] == 5
    assert _adam_step(b) == 5 * 4  # Adam's state came back: its step count went on from 12
    rows = list(csv.DictReader(open(os.path.join(rd, "progress.csv"))))
    assert [int(r["iteration"]) for r in rows] == [1, 2, 3, 4, 5]
    # the resumed run kept its own flags (from config.json) except the one overridden
    cfg = json.load(open(os.path.join(rd, "config.json")))
    assert cfg["num_steps"] == 64 and cfg["total_steps"] == 640


def test_resume_ignores_the_keys_of_removed_flags(tmp_path, capsys):
    """A run made by an older version (its config.json has "overlap", a flag since removed, as the
    runs of models/ do) resumes: the key is ignored with a one-line note and leaves config.json."""
    rd = _train(tmp_path, "--total-steps", "256")
    cfg_path = os.path.join(rd, "config.json")
    cfg = json.load(open(cfg_path))
    assert "overlap" not in cfg
    json.dump({**cfg, "overlap": False}, open(cfg_path, "w"))
    capsys.readouterr()
    assert train_main(["--resume", rd, "--total-steps", "384"]) == 0
    out = capsys.readouterr().out
    assert f"[rlqwop] {rd}/config.json: ignoring overlap (no such flag any more)" in out
    assert "overlap" not in json.load(open(cfg_path))
    assert checkpoint.load(os.path.join(rd, "latest.pt"))["global_step"] == 384


def test_resume_of_a_fine_tuned_run_whose_init_checkpoint_is_gone(tmp_path):
    """A fine-tuning run records its --init-from; resumed where that file is not (a fresh clone, a
    scratch file deleted) it goes on from its own checkpoint, not a usage error."""
    base = _train(tmp_path, "--total-steps", "256")
    init = os.path.join(str(tmp_path), "init.pt")
    shutil.copy(os.path.join(base, "latest.pt"), init)
    argv = FAST + ["--runs-dir", str(tmp_path), "--name", "ft", "--init-from", init, "--total-steps", "256"]
    assert train_main(argv) == 0
    os.remove(init)
    with pytest.raises(SystemExit):  # a new run still needs the file
        parse_args(FAST + ["--runs-dir", str(tmp_path), "--name", "ft2", "--init-from", init])
    rd = os.path.join(str(tmp_path), "ft")
    assert train_main(["--resume", rd, "--total-steps", "384"]) == 0
    assert checkpoint.load(os.path.join(rd, "latest.pt"))["global_step"] == 384
    assert json.load(open(os.path.join(rd, "config.json")))["init_from"] == init


def test_the_shipped_run_resumes_and_the_shipped_checkpoints_load(tmp_path, monkeypatch, capsys):
    """models/run-sim-finetune (its config.json, latest.pt with Adam's state, the start bank its
    env_kwargs name) resumes with `--resume`; models/*.pt load as policies."""
    from rlqwop.policy import load_policy

    models = os.path.join(ROOT, "models")
    for name in sorted(os.listdir(models)):
        if name.endswith(".pt"):  # each records the frame skip it was trained at (v5, v4 and their game stages: 2)
            pol = load_policy(os.path.join(models, name))
            assert pol.frame_skip == pol.config["frame_skip"] == (2 if name in ("qwop-ppo-sim.pt", "qwop-ppo-robust.pt", "qwop-ppo-sim-v5.pt", "qwop-ppo-sim-v4.pt", "qwop-ppo-game-finetuned.pt", "qwop-ppo-game-finetuned-v4.pt") else 4), name
    rd = str(tmp_path / "run-sim-finetune")
    shutil.copytree(os.path.join(models, "run-sim-finetune"), rd)
    step = checkpoint.load(os.path.join(rd, "latest.pt"))["global_step"]
    monkeypatch.chdir(ROOT)  # its --init-from is relative to the repository
    # no further steps (--total-steps at its step count), one process, no TensorBoard: load, save, stop
    assert train_main(["--resume", rd, "--cpu", "1", "--total-steps", str(step), "--tensorboard", "false"]) == 0
    out = capsys.readouterr().out
    assert f"resumed {rd} at step {step}" in out
    state = checkpoint.load(os.path.join(rd, "latest.pt"), require=checkpoint.RESUME_KEYS)
    assert state["global_step"] == step


def test_resume_keeps_the_process_count(tmp_path, monkeypatch):
    # a run started with --cpu 2 (config.json records the processes it really had)
    rd = _train(tmp_path, "--total-steps", "128")
    cfg_path = os.path.join(rd, "config.json")
    cfg = json.load(open(cfg_path))
    cfg["cpu"] = 2
    json.dump(cfg, open(cfg_path, "w"))
    assert parse_args(["--resume", rd]).cpu == 2
    assert parse_args(["--resume", rd, "--cpu", "3"]).cpu == 3  # given again: the flag wins

    import rlqwop.train as train_mod

    class Relaunched(Exception):
        pass

    def fake_relaunch(n, argv):
        raise Relaunched(n)

    monkeypatch.setattr(train_mod, "relaunch", fake_relaunch)
    with pytest.raises(Relaunched) as e:  # `python run.py --resume DIR` relaunches 2 processes
        train_main(["--resume", rd])
    assert e.value.args == (2,)


def test_progress_csv_after_a_kill_and_resume(tmp_path):
    import shutil
    rd = _train(tmp_path, "--total-steps", "256", "--save-every", "1")
    shutil.copy(os.path.join(rd, "latest.pt"), str(tmp_path / "it2.pt"))
    assert train_main(["--resume", rd, "--total-steps", "640"]) == 0
    # killed after iteration 5 was logged, with the checkpoint of iteration 2 on disk, the last row
    # cut short by the kill
    shutil.copy(str(tmp_path / "it2.pt"), os.path.join(rd, "latest.pt"))
    with open(os.path.join(rd, "progress.csv"), "a") as f:
        f.write("6,768,1.")
    assert train_main(["--resume", rd, "--total-steps", "768"]) == 0
    rows = list(csv.DictReader(open(os.path.join(rd, "progress.csv"))))
    assert [int(r["iteration"]) for r in rows] == [1, 2, 3, 4, 5, 6]
    assert [int(r["global_step"]) for r in rows] == [128, 256, 384, 512, 640, 768]
    times = [float(r["time_s"]) for r in rows]
    assert times == sorted(times) and times[2] >= times[1]  # elapsed time goes on from the checkpoint's row


def test_existing_run_needs_resume(tmp_path):
    _train(tmp_path, "--total-steps", "128")
    with pytest.raises(SystemExit, match="--resume"):
        _train(tmp_path, "--total-steps", "128")


@pytest.mark.parametrize("flags,message", [
    (["--lr", "-1"], "--lr"),
    (["--gamma", "1.5"], "--gamma"),
    (["--lr", "nan"], "--lr"),
    (["--backend", "cloud"], "invalid choice"),
    (["--action-mode", "analog"], "invalid choice"),
    (["--num-envs", "0"], "positive integer"),
    (["--env-kwargs", "{oops"], "not valid JSON"),
    (["--hidden", "64,x"], "layer sizes"),
    (["--resume", "/nonexistent/run"], "no such run directory"),
    (["--totl-steps", "5"], "unrecognized arguments"),
    (["--eval-env-kwargs", "[1]"], "--eval-env-kwargs must be a JSON object"),
    (["--init-from", "/nonexistent/latest.pt"], "no such checkpoint"),
    (["--overlap", "true"], "unrecognized arguments"),  # removed: the actors always wait for the update
])
def test_bad_flags_give_clear_errors(flags, message, capsys):
    with pytest.raises(SystemExit) as e:
        parse_args(flags)
    assert e.value.code == 2
    assert message in capsys.readouterr().err


def test_every_hyperparameter_is_a_flag():
    a = parse_args([])
    for k in ("lr", "gamma", "gae_lambda", "clip_coef", "ent_coef", "vf_coef", "max_grad_norm", "target_kl",
              "update_epochs", "minibatch_size", "num_steps", "num_envs", "frame_skip", "anneal_lr", "clip_vloss",
              "norm_adv", "norm_obs", "norm_reward", "total_steps", "hidden"):
        assert hasattr(a, k), k


def test_load_policy_and_eval_cli(tmp_path):
    from rlqwop.policy import load_policy
    rd = _train(tmp_path, "--total-steps", "256")
    pol = load_policy(rd)
    obs = np.zeros(8, np.float32)
    a = pol(obs)
    assert a.shape == (4,) and a.dtype == np.int8 and np.array_equal(a, pol(obs))  # deterministic
    assert pol(np.zeros((3, 8), np.float32)).shape == (3, 4)
    gif = str(tmp_path / "ep.gif")
    out = subprocess.run([sys.executable, RUN_PY, "eval", "--checkpoint", os.path.join(rd, "latest.pt"),
                          "--episodes", "2", "--max-steps", "40", "--record", gif, "--record-scale", "0.5"],
                         capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "mean distance" in out.stdout and "finish rate" in out.stdout
    from PIL import Image
    with Image.open(gif) as im:  # the toy env renders 64 x 64: half of it, one frame per step
        assert im.size == (32, 32) and im.n_frames > 1
    bad = subprocess.run([sys.executable, RUN_PY, "eval", "--checkpoint", rd, "--record-scale", "0"],
                         capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert bad.returncode == 2 and "--record-scale" in bad.stderr
    bad = subprocess.run([sys.executable, RUN_PY, "eval", "--checkpoint", rd, "--env-kwargs", "nope"],
                         capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert bad.returncode == 2 and "--env-kwargs must be a JSON object" in bad.stderr


def _one_line_error(capsys, fn, *args):
    """fn(*args) ends with a usage error (exit 2) or a sys.exit message: returns that one line."""
    with pytest.raises(SystemExit) as e:
        fn(*args)
    err = capsys.readouterr().err
    msg = e.value.code if isinstance(e.value.code, str) else err.strip().splitlines()[-1]
    assert "Traceback" not in err and "\n" not in msg.strip(), err
    return msg


def test_bad_checkpoints_and_envs_are_one_line_errors(tmp_path, capsys):
    from rlqwop.evaluate import main as eval_main
    rd = _train(tmp_path, "--total-steps", "128")
    good = os.path.join(rd, "latest.pt")
    raw = open(good, "rb").read()
    bad = {"empty": b"", "truncated": raw[: len(raw) // 2], "corrupted": bytes(range(256)) * 40,
           "not-ours": None}
    for name, data in bad.items():
        path = str(tmp_path / f"{name}.pt")
        if data is None:
            import torch
            torch.save({"weights": [1, 2]}, path)
        else:
            open(path, "wb").write(data)
        msg = _one_line_error(capsys, eval_main, ["--checkpoint", path])
        assert f"--checkpoint {path}:" in msg and ("checkpoint" in msg.split(":", 2)[-1]), msg
        # --resume: the same file as the run's latest.pt
        open(good, "wb").write(open(path, "rb").read())
        msg = _one_line_error(capsys, train_main, ["--resume", rd])
        assert msg.startswith(f"run.py: --resume {rd}: {good}:"), msg
    open(good, "wb").write(raw)
    cases = [
        (["--env", "NoSuch-v0"], "--env NoSuch-v0: unknown Gymnasium id"),
        (["--action-mode", "discrete"], "was trained on rlqwop/ToyRun-v0 (--action-mode multibinary"),
        (["--env", "rlqwop/ToyRunPixels-v0"], "was trained on rlqwop/ToyRun-v0"),
        (["--env", "qwop-v0", "--env-kwargs", '{"frame_skip": 0}'], "cannot make qwop-v0 with --env-kwargs"),
    ]
    for flags, expected in cases:
        msg = _one_line_error(capsys, eval_main, ["--checkpoint", rd] + flags)
        assert expected in msg, msg
    msg = _one_line_error(capsys, train_main, FAST + ["--env", "qwop-v0", "--env-kwargs", '{"frame_skip": 0}',
                                                      "--runs-dir", str(tmp_path), "--name", "fs0"])
    assert msg.startswith("run.py: cannot make qwop-v0 with --env-kwargs") and "frame_skip must be" in msg, msg


def test_discrete_and_pixel_envs_train(tmp_path):
    _train(tmp_path, "--total-steps", "128", "--action-mode", "discrete")
    assert train_main(FAST + ["--runs-dir", str(tmp_path), "--name", "px", "--env", "rlqwop/ToyRunPixels-v0",
                              "--total-steps", "128", "--cnn-features", "32"]) == 0
    s = checkpoint.load(os.path.join(str(tmp_path), "px", "latest.pt"))
    assert s["spec"]["image"] and not s["normalizer"]["norm_obs"]


def test_run_gym_sb3_smoke(tmp_path):
    pytest.importorskip("stable_baselines3")
    out = subprocess.run([sys.executable, os.path.join(ROOT, "run-gym.py"), "--env", "rlqwop/ToyRun-v0",
                          "--total-steps", "512", "--num-envs", "2", "--num-steps", "128", "--minibatch-size", "64",
                          "--eval-episodes", "1", "--runs-dir", str(tmp_path), "--name", "g"],
                         capture_output=True, text=True, timeout=90, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "eval: mean distance" in out.stdout
    assert os.path.isfile(os.path.join(str(tmp_path), "g", "model.zip"))


def test_init_from_starts_a_new_run_from_another_runs_weights(tmp_path, capsys):
    src = _train(tmp_path, "--total-steps", "256")
    before = checkpoint.load(os.path.join(src, "latest.pt"))
    argv = FAST + ["--runs-dir", str(tmp_path), "--name", "ft", "--total-steps", "128", "--lr", "1e-12",
                   "--init-from", os.path.join(src, "latest.pt"), "--eval-every", "1", "--eval-episodes", "2",
                   "--eval-env-kwargs", '{"goal": 5.0}']
    assert train_main(argv) == 0
    assert "initialised the policy and normaliser from" in capsys.readouterr().out
    after = checkpoint.load(os.path.join(str(tmp_path), "ft", "latest.pt"))
    assert after["global_step"] == 128  # a new run: its own step count (one iteration of 2 envs x 64)
    assert after["config"]["init_from"].endswith("latest.pt")
    assert after["config"]["eval_env_kwargs"] == '{"goal": 5.0}'
    for k, v in before["model"].items():  # lr 1e-12: the weights are the source's, to rounding
        assert np.allclose(after["model"][k].numpy(), v.numpy(), atol=1e-6), k
    rows = list(csv.DictReader(open(os.path.join(str(tmp_path), "ft", "progress.csv"))))
    assert rows[0]["eval_mean_distance"] != ""


def test_init_from_refuses_another_network(tmp_path):
    src = _train(tmp_path, "--total-steps", "128")
    argv = FAST + ["--runs-dir", str(tmp_path), "--name", "ft", "--total-steps", "128", "--hidden", "16",
                   "--init-from", os.path.join(src, "latest.pt")]
    with pytest.raises(SystemExit, match="--init-from .*does not fit"):
        train_main(argv)


def test_init_from_refuses_another_activation(tmp_path):
    """Same shapes, so the weights would load: a tanh runner's weights must not silently run through relu."""
    src = _train(tmp_path, "--total-steps", "128", "--activation", "tanh")
    argv = FAST + ["--runs-dir", str(tmp_path), "--name", "ft", "--total-steps", "128", "--activation", "relu",
                   "--init-from", os.path.join(src, "latest.pt")]
    with pytest.raises(SystemExit, match="its network is tanh, this run's --activation relu"):
        train_main(argv)


def test_init_from_keeps_the_checkpoints_network_unless_told(tmp_path):
    """A widened runner (rlqwop.widen) fine-tunes without repeating its --hidden; a plain run keeps
    the defaults."""
    src = _train(tmp_path, "--total-steps", "128", "--hidden", "16,8", "--activation", "relu")
    argv = FAST + ["--runs-dir", str(tmp_path), "--name", "ft", "--init-from", os.path.join(src, "latest.pt")]
    a = parse_args(argv)
    assert (a.hidden, a.activation) == ((16, 8), "relu")
    assert train_main(argv + ["--total-steps", "128"]) == 0
    assert checkpoint.load(os.path.join(str(tmp_path), "ft", "latest.pt"))["config"]["hidden"] == [16, 8]
    assert parse_args(argv + ["--activation", "tanh"]).activation == "tanh"  # told: the flag wins
    assert (parse_args([]).hidden, parse_args([]).activation) == ((128, 128), "relu")  # a new run's defaults


def test_a_resumed_config_without_the_network_keys_keeps_the_legacy_tanh_network(tmp_path):
    """Runs saved before --hidden/--activation existed ran 128-128 tanh: --resume must rebuild that,
    not today's default (relu), or their weights would run through another function."""
    src = _train(tmp_path, "--total-steps", "128", "--activation", "tanh")
    cfg_path = os.path.join(src, "config.json")
    cfg = json.load(open(cfg_path))
    del cfg["activation"], cfg["hidden"]
    json.dump(cfg, open(cfg_path, "w"))
    a = parse_args(["--resume", src])
    assert (a.hidden, a.activation) == ((128, 128), "tanh")
    from rlqwop.config import saved_network

    assert saved_network({}) == {"hidden": (128, 128), "activation": "tanh"}  # a policy's checkpoint likewise


def test_device_auto_is_cpu_here_and_cuda_without_a_gpu_is_a_clear_error(tmp_path, capsys):
    import torch

    from rlqwop.train import _learner_device

    if torch.cuda.is_available():  # pragma: no cover - the GPU machine
        assert _learner_device("auto").type == "cuda"
        return
    assert _learner_device("auto") == torch.device("cpu")
    _train(tmp_path, "--total-steps", "128", "--device", "auto")
    assert "learner on cpu" in capsys.readouterr().out
    with pytest.raises(SystemExit, match="--device cuda: torch sees no CUDA device"):
        _learner_device("cuda")


@pytest.mark.parametrize("flag, expected", [("3", 3), ("0", "cpus")])
def test_update_runs_on_update_threads_then_acting_goes_back_to_torch_threads(tmp_path, monkeypatch, flag, expected):
    """The learner's update takes --update-threads (0: every CPU the process may use, as the other
    ranks wait meanwhile); acting and evaluation stay on --torch-threads."""
    import torch

    from rlqwop import ppo, train

    seen, during = [], []
    real_set, real_update = torch.set_num_threads, ppo.ppo_update
    monkeypatch.setattr(torch, "set_num_threads", lambda n: (seen.append(n), real_set(n))[1])

    def update(*a, **k):
        during.append(torch.get_num_threads())
        return real_update(*a, **k)

    monkeypatch.setattr(train, "ppo_update", update)
    rd = _train(tmp_path, "--total-steps", "256", "--update-threads", flag)
    want = train._usable_cpus() if expected == "cpus" else expected
    assert during == [want, want]
    assert seen[-1] == 1 and torch.get_num_threads() == 1  # back to --torch-threads 1 after each update
    assert json.load(open(os.path.join(rd, "config.json")))["update_threads"] == want  # saved as used


def test_learning_curve_redraws_by_iterations_or_by_wall_clock():
    """--plot-every N redraws every N iterations; 0 (the default) at most once every PLOT_SECONDS."""
    import time

    from rlqwop.config import PLOT_SECONDS
    from rlqwop.train import _plot_due

    now = time.monotonic()
    assert _plot_due(10, 20, now) and not _plot_due(10, 21, now - 10 * PLOT_SECONDS)
    assert not _plot_due(0, 20, now) and _plot_due(0, 21, now - PLOT_SECONDS - 1)
    assert parse_args(["--backend", "sim"]).plot_every == 0
