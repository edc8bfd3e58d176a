"""The MPI path: 2 ranks run and end with the learner's parameters; a crashing rank ends the job;
Ctrl-C under --cpu 2 saves and stops cleanly."""
import os
import re
import signal
import subprocess
import sys
import time

import pytest

from rlqwop import checkpoint
from rlqwop.mpi import find_mpiexec

from conftest import FAST, ROOT, RUN_PY, mpi_env, needs_mpi

pytestmark = needs_mpi


def _mpiexec(n, *args):
    return [find_mpiexec(), "-n", str(n), "--oversubscribe", sys.executable, "-m", "rlqwop.train"] + FAST + list(args)


def _hashes(text):
    return dict(re.findall(r"PARAM_HASH rank=(\d+) sha=([0-9a-f]+)", text))


def test_two_ranks_end_with_learners_parameters(tmp_path):
    out = subprocess.run(_mpiexec(2, "--runs-dir", str(tmp_path), "--name", "m", "--total-steps", "512",
                                  "--print-param-hash"),
                         capture_output=True, text=True, timeout=90, env=mpi_env(), cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    h = _hashes(out.stdout)
    assert set(h) == {"0", "1"} and h["0"] == h["1"], out.stdout
    state = checkpoint.load(os.path.join(str(tmp_path), "m", "latest.pt"))
    assert state["global_step"] == 512 and state["iteration"] == 2  # 2 acting ranks x 2 envs x 64 steps


def test_pure_learner_with_two_actors(tmp_path):
    out = subprocess.run(_mpiexec(3, "--runs-dir", str(tmp_path), "--name", "m3", "--total-steps", "256",
                                  "--learner-acts", "off", "--print-param-hash"),
                         capture_output=True, text=True, timeout=90, env=mpi_env(), cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    h = _hashes(out.stdout)
    assert set(h) == {"0", "1", "2"} and len(set(h.values())) == 1


def test_crashing_actor_ends_the_job(tmp_path):
    t0 = time.time()
    out = subprocess.run(_mpiexec(2, "--runs-dir", str(tmp_path), "--name", "c", "--total-steps", "100000",
                                  "--crash-rank", "1", "--crash-at-iter", "1"),
                         capture_output=True, text=True, timeout=60, env=mpi_env(), cwd=ROOT)
    assert out.returncode != 0
    err = out.stdout + out.stderr
    assert "rank 1 crashed" in err and "deliberate crash" in err
    assert time.time() - t0 < 60


def test_cpu_flag_relaunches_and_ctrl_c_saves(tmp_path):
    cmd = [sys.executable, RUN_PY, "--cpu", "2"] + FAST + ["--runs-dir", str(tmp_path), "--name", "s",
                                                         "--total-steps", "100000000", "--save-every", "1000"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=mpi_env(), cwd=ROOT)
    csv_path = os.path.join(str(tmp_path), "s", "progress.csv")
    deadline = time.time() + 60
    while time.time() < deadline:  # wait for 2 iterations
        if os.path.exists(csv_path) and len(open(csv_path).read().splitlines()) >= 3:
            break
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    try:
        text, _ = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail("Ctrl-C did not stop the --cpu 2 job")
    assert proc.returncode == 0, text
    assert "2 process(es)" in text and "stopped by" in text
    state = checkpoint.load(os.path.join(str(tmp_path), "s", "latest.pt"))
    assert state["global_step"] >= 512
