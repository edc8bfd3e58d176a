import os
import sys

import pytest
import torch

torch.set_num_threads(1)  # small models; threads only fight over shared cores

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUN_PY = os.path.join(ROOT, "run.py")
TOY = "rlqwop/ToyRun-v0"
# Small, fast settings for every training test.
FAST = ["--env", TOY, "--num-envs", "2", "--num-steps", "64", "--minibatch-size", "64", "--update-epochs", "2",
        "--eval-every", "0", "--progress", "false", "--tensorboard", "false", "--plot-every", "1000"]


def mpi_env():
    env = dict(os.environ)
    env.update({"OMPI_ALLOW_RUN_AS_ROOT": "1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1",
                "PYTHONPATH": ROOT + os.pathsep + env.get("PYTHONPATH", "")})
    env.pop("RLQWOP_UNDER_MPIEXEC", None)
    return env


def have_mpiexec():
    try:
        import mpi4py  # noqa: F401
    except ImportError:
        return False
    from rlqwop.mpi import find_mpiexec

    return find_mpiexec() is not None


needs_mpi = pytest.mark.skipif(not have_mpiexec(), reason="needs mpi4py and mpiexec")


@pytest.fixture
def python():
    return sys.executable
