"""Playwright's driver, one per Python process, owned by a daemon thread that makes every
Playwright call (``PlaywrightThread``); the browser backend's Chromiums are launched through it
(chromium.py).

The sync API is bound to one thread and refuses a second instance in a thread (or any thread
running an asyncio loop, e.g. Jupyter), so one thread owns it and the backends, from any thread,
``submit`` jobs to it. Backends hold a reference (``acquire``/``release``); the driver stops when
the last one is released. If Python dies, the driver exits when its stdin pipe closes and kills
its browsers. The driver and its Chromiums run with a private TMPDIR (``qwop-pw-PID-*``: their
playwright-artifacts-* and org.chromium.Chromium.* folders), removed when the driver stops, or by
the next start if the Python that owned it was killed (``processes.remove_stale_folders``).
"""
from __future__ import annotations

import os
import queue
import shutil
import tempfile
import threading
from concurrent.futures import Future

from qwop_sim.backends.base import BackendError
from qwop_sim.backends.processes import DRIVER_TMP_PREFIX, pid_alive, remove_stale_folders

_ENV_LOCK = threading.Lock()


def _start_driver(cm):
    """``cm.start()`` with TMPDIR set to a fresh private folder for the driver's process (it copies
    the environment when it starts); returns (playwright, folder)."""
    tempfile.gettempdir()  # Python's own temporary folder is settled before TMPDIR changes
    tmp = tempfile.mkdtemp(prefix=f"{DRIVER_TMP_PREFIX}{os.getpid()}-")
    with _ENV_LOCK:
        old = os.environ.get("TMPDIR")
        os.environ["TMPDIR"] = tmp
        try:
            return cm.start(), tmp
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        finally:
            if old is None:
                os.environ.pop("TMPDIR", None)
            else:
                os.environ["TMPDIR"] = old


class PlaywrightThread:
    """The process's Playwright driver and the daemon thread that owns it (see module doc)."""

    _lock = threading.RLock()  # re-entrant: a GC finalizer may release() inside acquire()
    _current: PlaywrightThread | None = None

    def __init__(self):
        self.users = 0
        self.driver_pid: int | None = None
        self._q: queue.Queue = queue.Queue()
        started: Future = Future()
        self.thread = threading.Thread(target=self._run, args=(started,), daemon=True, name="qwop-playwright")
        self.thread.start()
        try:
            self.driver_pid = started.result()  # raises the start-up error
        except BaseException:
            self._q.put(None)  # interrupted (Ctrl-C): the thread stops the driver once it is up
            raise

    @classmethod
    def acquire(cls) -> PlaywrightThread:
        with cls._lock:
            inst = cls._current
            if (inst is None or not inst.thread.is_alive()
                    or (inst.driver_pid is not None and not pid_alive(inst.driver_pid))):
                # none yet, or its driver died (its users get errors and release it): a fresh one
                inst = cls._current = cls()
            inst.users += 1
            return inst

    def release(self, wait: bool = True) -> None:
        with self._lock:
            self.users -= 1
            if self.users > 0:
                return
            if PlaywrightThread._current is self:
                PlaywrightThread._current = None
            self._q.put(None)
        if wait and threading.current_thread() is not self.thread:
            self.thread.join(10)

    def _run(self, started: Future) -> None:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError as e:
            started.set_exception(BackendError(
                f"the browser backend needs the Python package playwright ({e}): pip install playwright "
                "(no `playwright install` needed: it drives Debian's chromium)"))
            return
        try:
            remove_stale_folders()
            cm = sync_playwright()
            pw, driver_tmp = _start_driver(cm)
            # the driver's process (private attributes: Playwright 1.65's layout, then older ones)
            owner = getattr(cm, "_client", None) or getattr(cm, "_connection", None)
            proc = getattr(getattr(owner, "_transport", None), "_proc", None)
        except BaseException as e:
            started.set_exception(BackendError(f"cannot start Playwright's driver: {type(e).__name__}: {e}"))
            return
        started.set_result(getattr(proc, "pid", None))
        try:
            while True:
                item = self._q.get()
                if item is None:
                    break
                fn, fut = item
                if not fut.set_running_or_notify_cancel():
                    continue
                try:
                    fut.set_result(fn(pw))
                except BaseException as e:
                    fut.set_exception(e)
                del item, fn, fut  # hold no reference to the caller's objects between jobs (GC)
        finally:
            try:
                cm.__exit__()
            except BaseException:
                pass
            shutil.rmtree(driver_tmp, ignore_errors=True)

    def submit(self, fn) -> Future:
        """Run ``fn(playwright)`` in the Playwright thread; returns its Future."""
        fut: Future = Future()
        if not self.thread.is_alive():
            fut.set_exception(BackendError("Playwright's driver thread is gone"))
        else:
            self._q.put((fn, fut))
        return fut
