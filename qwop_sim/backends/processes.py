"""The processes the node and browser backends start, and what they may leave behind: process
groups, /proc (no psutil), and the per-process temporary folders of a Python that was killed.

Every program runs in its own process group (the server: ``start_new_session``; Chromium:
Playwright starts it detached), so stopping it means killing the whole group: a leader's children
can outlive it. A SIGKILLed Python can clean up nothing; its temporary folders carry its pid
(``qwop-chromium-PID-*``, ``qwop-pw-PID-*``) and the next browser start removes those of dead pids.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from qwop_sim.backends.base import BackendError

START_TIMEOUT = float(os.environ.get("QWOP_START_TIMEOUT", "30"))  # seconds for a program to be ready

# Temporary folders, named with the owning Python's pid: Chromium's profiles, and the private TMPDIR
# of Playwright's driver and its Chromiums (their playwright-artifacts-* and org.chromium.Chromium.*).
PROFILE_PREFIX = "qwop-chromium-"
DRIVER_TMP_PREFIX = "qwop-pw-"


def kill_group(proc: subprocess.Popen, pgid: int | None, grace: float = 2.0) -> None:
    """SIGTERM the process group of our child ``proc`` (it leads its own session), SIGKILL what is
    left, reap it and close its pipes."""
    if proc.poll() is None:
        try:
            os.killpg(pgid if pgid else proc.pid, signal.SIGTERM)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            pass
    if pgid:  # children of the leader may survive it: kill the whole group regardless
        try:
            os.killpg(pgid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    if proc.poll() is None:
        try:
            proc.kill()
        except ProcessLookupError:
            pass
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:  # pragma: no cover
        pass
    for f in (proc.stdin, proc.stdout, proc.stderr):
        try:
            if f:
                f.close()
        except Exception:
            pass


def read_line_matching(stream, pattern: re.Pattern, timeout: float, proc: subprocess.Popen,
                       what: str, keep: list[str]) -> re.Match:
    """Read lines from ``stream`` (in a thread: no blocking forever) until one matches; the thread
    keeps draining the stream afterwards (else a full pipe blocks the child)."""
    result: list[re.Match] = []
    done = threading.Event()

    def reader():
        try:
            for raw in iter(stream.readline, b""):
                line = raw.decode("utf-8", "replace")
                if not result:
                    keep.append(line)
                    m = pattern.search(line)
                    if m:
                        result.append(m)
                        done.set()
                # keep draining (else a full pipe blocks the child); drop the text
        except Exception:
            pass
        finally:
            done.set()

    threading.Thread(target=reader, daemon=True, name=f"qwop-{what}-reader").start()
    t0 = time.monotonic()
    while not done.wait(0.05):
        if time.monotonic() - t0 > timeout:
            break
    if result:
        return result[0]
    rc = proc.poll()
    tail = "".join(keep[-20:]).strip()
    raise BackendError(f"{what} did not start ({'exited with status ' + str(rc) if rc is not None else f'no ready line within {timeout:.0f} s'}): "
                       f"{tail or '(no output)'}")


def proc_stat(pid: int):
    """(state, ppid, pgrp) of a process from /proc, or None."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            s = f.read()
        rest = s[s.rindex(")") + 2:].split()
        return rest[0], int(rest[1]), int(rest[2])
    except (OSError, ValueError, IndexError):
        return None


def cmdline(pid: int) -> list[str]:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().decode("utf-8", "replace").split("\0")
    except OSError:
        return []


def pid_alive(pid: int | None) -> bool:
    st = proc_stat(pid) if pid else None
    return st is not None and st[0] not in ("Z", "X")


def group_members(pgid: int) -> list[int]:
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            st = proc_stat(int(d))
            if st is not None and st[2] == pgid and st[0] not in ("Z", "X"):
                out.append(int(d))
    return out


def kill_pgid(pgid: int, grace: float = 2.0) -> None:
    """SIGTERM a process group that is not our child (Chromium, a child of Playwright's driver),
    wait up to ``grace`` s for it to go, SIGKILL what is left."""
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5.0)):
        if not group_members(pgid):
            return
        try:
            os.killpg(pgid, sig)
        except (ProcessLookupError, PermissionError):
            return
        t0 = time.monotonic()
        while group_members(pgid) and time.monotonic() - t0 < wait:
            time.sleep(0.02)


def remove_stale_folders(tmp: str | None = None) -> None:
    """Remove the temporary profiles and driver folders of Pythons that died without cleaning up
    (SIGKILL)."""
    tmp = Path(tmp or tempfile.gettempdir())
    try:
        for prefix in (PROFILE_PREFIX, DRIVER_TMP_PREFIX):
            for d in tmp.glob(prefix + "*-*"):
                pid = d.name[len(prefix):].split("-", 1)[0]
                if pid.isdigit() and not os.path.exists(f"/proc/{pid}") and d.is_dir():
                    shutil.rmtree(d, ignore_errors=True)
    except OSError:
        pass
