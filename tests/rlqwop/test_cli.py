"""run.py / qwop-rl: subcommands (train by default, eval) through argparse; run-gym.py uses run.py's
flag names for the same things; the console scripts point at real functions."""
from __future__ import annotations

import importlib
import importlib.util
import os
import subprocess
import sys

import pytest

from rlqwop import cli
from rlqwop.config import build_parser

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture
def calls(monkeypatch):
    seen = []
    import rlqwop.evaluate
    import rlqwop.report
    import rlqwop.train
    monkeypatch.setattr(rlqwop.train, "main", lambda argv=None: seen.append(("train", argv)) or 0)
    monkeypatch.setattr(rlqwop.evaluate, "main", lambda argv=None: seen.append(("eval", argv)) or 0)
    monkeypatch.setattr(rlqwop.report, "main", lambda argv=None: seen.append(("report", argv)) or 0)
    return seen


def test_dispatch(calls):
    assert cli.main(["--backend", "sim", "--cpu", "2"]) == 0          # no subcommand: train, as always
    assert cli.main(["train", "--backend", "sim"]) == 0
    assert cli.main(["--resume", "runs/x"]) == 0
    assert cli.main([]) == 0
    assert cli.main(["eval", "--checkpoint", "a.pt", "--episodes", "3"]) == 0
    assert cli.main(["eval", "--help"]) == 0                             # the subcommand's own help
    assert cli.main(["report", "--checkpoint", "a.pt"]) == 0
    assert calls == [("train", ["--backend", "sim", "--cpu", "2"]), ("train", ["--backend", "sim"]),
                     ("train", ["--resume", "runs/x"]), ("train", []),
                     ("eval", ["--checkpoint", "a.pt", "--episodes", "3"]), ("eval", ["--help"]),
                     ("report", ["--checkpoint", "a.pt"])]


def test_run_py_help_and_errors():
    r = subprocess.run([sys.executable, "run.py", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "{train,eval,report,select}" in r.stdout and "run.py train --help" in r.stdout
    r = subprocess.run([sys.executable, "run.py", "eval", "--help"], cwd=ROOT, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0 and "--checkpoint" in r.stdout
    r = subprocess.run([sys.executable, "run.py", "train", "--no-such-flag"], cwd=ROOT, capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 2 and "--no-such-flag" in r.stderr


def _run_gym():
    spec = importlib.util.spec_from_file_location("run_gym", os.path.join(ROOT, "run-gym.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


SAME_THINGS = ["--env", "--backend", "--action-mode", "--frame-skip", "--env-kwargs", "--total-steps",
               "--num-envs", "--num-steps", "--minibatch-size", "--lr", "--gamma", "--ent-coef", "--seed",
               "--torch-threads", "--eval-episodes", "--name", "--runs-dir"]


def test_run_gym_speaks_run_py_flags():
    train_flags = set(build_parser()._option_string_actions)
    rg = _run_gym()
    a = rg.parse_args(["--total-steps", "1000", "--num-envs", "2", "--num-steps", "64", "--minibatch-size", "32",
                       "--env-kwargs", '{"init_noise": 0.1}'])
    assert (a.total_steps, a.num_envs, a.num_steps, a.minibatch_size) == (1000, 2, 64, 32)
    assert rg.env_kwargs(a)["init_noise"] == 0.1
    for flag in SAME_THINGS:
        assert flag in train_flags, flag
        assert rg.parse_args([flag, "1" if flag not in ("--env", "--backend", "--action-mode", "--env-kwargs",
                                                        "--name", "--runs-dir") else
                              {"--env": "qwop-v0", "--backend": "sim", "--action-mode": "discrete",
                               "--env-kwargs": "{}", "--name": "n", "--runs-dir": "r"}[flag]]) is not None
    # the former SB3-style names still work
    old = rg.parse_args(["--timesteps", "7", "--n-envs", "3", "--n-steps", "5", "--batch-size", "4"])
    assert (old.total_steps, old.num_envs, old.num_steps, old.minibatch_size) == (7, 3, 5, 4)


def _choices(parser, flag):
    return parser._option_string_actions[flag].choices


def test_env_ids_backends_and_action_modes_are_qwop_sims_lists():
    """run.py train, run.py eval and run-gym.py offer qwop_sim's own lists (the very objects: one
    definition), and run.py's per-backend default of --num-envs knows every QWOP id."""
    from qwop_sim.backends import BACKENDS
    from qwop_sim.envs import ENV_IDS
    from qwop_sim.envs.core import ACTION_MODES

    from rlqwop import config, evaluate

    for parser in (build_parser(), evaluate.build_parser()):
        assert _choices(parser, "--backend") is BACKENDS
        assert _choices(parser, "--action-mode") is ACTION_MODES
    rg = _run_gym()
    assert rg.BACKENDS is BACKENDS and rg.ACTION_MODES is ACTION_MODES and rg.ENV_IDS is ENV_IDS
    for env_id in ENV_IDS:
        assert config.parse_args(["--env", env_id, "--backend", "node"]).num_envs == 1
        assert rg.parse_args(["--env", env_id, "--backend", "node"]).num_envs == 1


def test_rollout_shape_defaults_per_backend_and_given_flags_win():
    """qwop-v0 on the sim defaults to 32 envs x 64 steps (one batched vector env: 2048 steps per rank
    per iteration), the pixel ids on the sim (a list of envs) and the toy envs to 8 x 256, the game's
    backends to 1 x 256; flags given win."""
    from qwop_sim.envs import ENV_IDS

    from rlqwop import config

    shape = lambda *argv: (lambda a: (a.num_envs, a.num_steps))(config.parse_args(list(argv)))  # noqa: E731
    for env_id, obs in ENV_IDS.items():
        assert shape("--env", env_id) == ((32, 64) if obs == "state" else (8, 256))
        assert shape("--env", env_id, "--backend", "browser") == (1, 256)
    assert shape("--env", "rlqwop/ToyRun-v0") == (8, 256)
    assert shape("--num-envs", "8") == (8, 64) and shape("--num-steps", "256") == (32, 256)


def test_flag_lists_load_no_physics():
    """rlqwop.config (the train flags), and qwop_sim's lists it imports, load neither pymunk nor
    numba nor the envs' classes: run.py's flag parsing and --help stay fast."""
    code = ("import sys, rlqwop.config, qwop_sim.envs, qwop_sim.backends, qwop_sim.envs.core; "
            "print(sorted(m for m in ('pymunk', 'numba', 'qwop_sim.physics', 'qwop_sim.envs.qwop_env', "
            "'qwop_sim.envs.vector', 'qwop_sim.backends.sim') if m in sys.modules))")
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


def test_console_scripts_point_at_functions():
    import tomllib
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as f:
        scripts = tomllib.load(f)["project"]["scripts"]
    assert set(scripts) == {"qwop-rl", "qwop-train", "qwop-eval", "qwop-report", "qwop-view", "qwop-game"}
    for name, target in scripts.items():
        mod, func = target.split(":")
        assert callable(getattr(importlib.import_module(mod), func)), name


def test_missing_extra_names_it(monkeypatch, capsys):
    """A console script run without its extra says which one to install."""
    import builtins
    real_import = builtins.__import__

    def no_pygame(name, *a, **k):
        if name.split(".")[0] == "pygame":
            raise ModuleNotFoundError("No module named 'pygame'", name="pygame")
        return real_import(name, *a, **k)

    monkeypatch.setattr(builtins, "__import__", no_pygame)
    from qwop_sim.cli import view
    assert view(["--frames", "1", "--headless"]) == 2
    assert "qwop-rl[viewer]" in capsys.readouterr().err

    import rlqwop.train

    def needs_torch(argv=None):
        raise ModuleNotFoundError("No module named 'torch'", name="torch")

    monkeypatch.setattr(rlqwop.train, "main", needs_torch)
    with pytest.raises(SystemExit, match=r"qwop-rl\[train\]"):
        cli.train([])


def test_qwop_game_serves_the_page():
    """qwop-game runs the game's server (on a free port here) and stops with this process."""
    p = subprocess.Popen([sys.executable, "-c", "import sys; from qwop_sim.cli import game; sys.exit(game(['--port', '0']))"],
                         cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = p.stdout.readline()
        assert "QWOP server listening on http://127.0.0.1:" in line, line + p.stderr.read()
        import urllib.request
        url = line.split()[-1]
        with urllib.request.urlopen(url + "/healthz", timeout=10) as r:
            assert r.status == 200
    finally:
        p.terminate()
        p.wait(10)
