"""rlqwop.bench's reading of progress.csv (the trainer runs themselves are what `make bench` does)."""
import csv

import pytest

from rlqwop.bench import _progress_rows, _steady_sps, _time_shares


def _write(path, rows):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


def test_steady_sps_and_time_shares_leave_out_the_first_iteration(tmp_path):
    path = str(tmp_path / "progress.csv")
    # iteration 1 took 9 s (startup); then 2 s each: 1.2 s collecting, 0.6 s updating, 0.2 s else
    _write(path, [{"iteration": i, "global_step": 1000 * i, "time_s": 9 + 2 * (i - 1), "collect_s": 1.2 if i > 1 else 8,
                   "update_s": 0.6} for i in range(1, 5)])
    rows = _progress_rows(path)
    sps, steps = _steady_sps(rows)
    assert sps == pytest.approx(500) and steps == 4000
    sh = _time_shares(rows)
    assert sh["collect"] == pytest.approx(0.6) and sh["update"] == pytest.approx(0.3)
    assert sh["other"] == pytest.approx(0.1)


def test_time_shares_count_the_iterations_a_row_stands_for(tmp_path):
    path = str(tmp_path / "progress.csv")  # --log-every 2: each row after the first stands for 2
    _write(path, [{"iteration": i, "global_step": 1000 * i, "time_s": 2 * i, "collect_s": 1.0, "update_s": 0.5}
                  for i in (2, 4, 6)])
    sh = _time_shares(_progress_rows(path))
    assert sh["collect"] == pytest.approx(0.5) and sh["update"] == pytest.approx(0.25)


def test_time_shares_of_a_run_without_the_timing_columns_is_empty(tmp_path):
    path = str(tmp_path / "progress.csv")
    _write(path, [{"global_step": 1000 * i, "time_s": 2 * i} for i in range(1, 4)])
    assert _time_shares(_progress_rows(path)) == {}


def test_a_run_with_one_logged_iteration_is_an_error_naming_its_file(tmp_path):
    path = str(tmp_path / "progress.csv")
    _write(path, [{"global_step": 1000, "time_s": 2}])
    with pytest.raises(RuntimeError, match="too few iterations in .*progress.csv"):
        _progress_rows(path)


def _bench_args(**kw):
    import argparse

    from rlqwop.bench import _rollout_shape

    a = argparse.Namespace(env="rlqwop/ToyRun-v0", backend="sim", num_envs=None, num_steps=None, frame_skip=None,
                           trainer_args="")
    vars(a).update(kw)
    a.num_envs, a.num_steps = _rollout_shape(a)
    return a


def test_trainer_args_reach_every_trainer_flag_list():
    from rlqwop.bench import _trainer_args

    argv = _trainer_args(_bench_args(trainer_args="--activation relu --hidden 32,32"))
    assert argv[:2] == ["--env", "rlqwop/ToyRun-v0"] and argv[-4:] == ["--activation", "relu", "--hidden", "32,32"]


def test_a_rollout_shape_in_trainer_args_is_the_one_the_bench_counts_with():
    """The bench sizes its runs by the shape the trainer gets, --trainer-args included."""
    from rlqwop.bench import _trainer_args

    a = _bench_args(trainer_args="--num-envs 3 --num-steps 5")
    assert (a.num_envs, a.num_steps) == (3, 5)
    argv = _trainer_args(a)
    assert argv[argv.index("--num-envs") + 1] == "3" and argv[argv.index("--num-steps") + 1] == "5"


def test_update_cost_times_the_trainers_network_and_its_activation():
    from rlqwop.bench import update_cost

    for act in ("tanh", "relu"):
        r = update_cost(_bench_args(trainer_args=f"--activation {act} --hidden 16,16"), batch=256, repeats=1)
        assert r["activation"] == act and r["us_per_sample"] > 0 and 0.0 <= r["activation_share"] < 1.0
        assert r["epochs"] == 4 and r["minibatch"] == 1024


def test_bench_refuses_trainer_flags_run_py_does_not_take(capsys):
    from rlqwop.bench import main

    with pytest.raises(SystemExit):
        main(["--env", "rlqwop/ToyRun-v0", "--trainer-args", "--no-such-flag 3"])
    assert "--trainer-args '--no-such-flag 3': run.py does not take these flags" in capsys.readouterr().err
