"""Headless Chromium showing one page, launched and owned by Playwright, leaving nothing behind.

``ChromiumBrowser``: ``$QWOP_CHROMIUM`` or /usr/bin/chromium (Debian's, never a downloaded browser;
``programs.chromium_executable``) launched by Playwright
(``launch_persistent_context(executable_path=...)``, flags ``CHROMIUM_ARGS``) on a private
temporary profile, through the process's Playwright thread (playwright_thread.py). ``close()``
closes the browser through Playwright; garbage collection and interpreter exit kill Chromium's
process group directly (Playwright starts it detached) and remove the profile. If Python dies,
the driver exits when its stdin pipe closes and takes its browsers with it; a dead parent's
profile is removed by the next browser start. Chromium's own SIGINT/SIGTERM/SIGHUP handling by
Playwright is off: a Ctrl-C at the terminal is Python's to handle.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import urllib.request
import weakref
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout

from qwop_sim.backends.base import BackendError
from qwop_sim.backends.playwright_thread import PlaywrightThread
from qwop_sim.backends.processes import (PROFILE_PREFIX, START_TIMEOUT, cmdline, kill_pgid, pid_alive,
                                         remove_stale_folders)
from qwop_sim.backends.programs import chromium_executable

# Chromium's flags (Playwright adds --headless and its own defaults)
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
    # keep a page that is not visible running at full speed
    "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows", "--mute-audio", "--no-default-browser-check",
    # the page's renderer inside the browser process: a DevTools call is one process hop fewer
    # (~1.4x the steps/s of the default process model; we have one page per browser)
    "--single-process",
    # the page's own DevTools WebSocket for the per-step client (port in DevToolsActivePort)
    "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
]


class ChromiumBrowser:
    """Headless Chromium with a private temporary profile, showing ``url`` (see module doc).

    ``setup(page)`` runs in Playwright's thread once the page is loaded (e.g. wait until it is
    ready). Then ``page_ws_url`` is the page's own DevTools WebSocket (port from the profile's
    DevToolsActivePort) for a fast direct client; ``pid`` is Chromium's browser process (its own
    process group). ``close()`` (idempotent; also at GC / exit) closes the context through
    Playwright, kills the group if anything is left, removes the profile and releases the driver."""

    def __init__(self, url: str, setup=None, marker: str | None = None):
        exe = chromium_executable()
        remove_stale_folders()
        self.url = url
        self.profile = tempfile.mkdtemp(prefix=f"{PROFILE_PREFIX}{os.getpid()}-")
        self.pid: int | None = None
        self.page_ws_url: str | None = None
        self._ctx = None
        self._closed = False
        try:
            self.pw = PlaywrightThread.acquire()
        except BaseException:
            shutil.rmtree(self.profile, ignore_errors=True)
            raise
        self.driver_pid = self.pw.driver_pid
        box = {"pid": None}  # filled in the Playwright thread as soon as Chromium runs
        self._finalizer = weakref.finalize(self, ChromiumBrowser._cleanup, self.pw, box, self.profile)
        self._box = box
        profile = self.profile  # (the job holds no reference to self: Playwright may keep its frame)
        fut = self.pw.submit(lambda pw: _launch(pw, exe, profile, url, setup, box))
        try:
            self._ctx = fut.result(START_TIMEOUT + 10)
        except BaseException as e:
            self._closed = True
            if not fut.done():  # interrupted (Ctrl-C) or timed out: clean up once Playwright is done
                fut.add_done_callback(lambda f, fin=self._finalizer: _close_late(f, fin, profile))
            else:
                self._finalizer()
            if isinstance(e, BackendError) or not isinstance(e, Exception):
                raise
            if isinstance(e, FutureTimeout):
                raise BackendError(f"Chromium did not open the game page within {START_TIMEOUT + 10:.0f} s") from None
            raise BackendError(f"cannot start Chromium ({exe}) through Playwright: {type(e).__name__}: "
                               f"{str(e).strip()[:800]}") from None
        self.pid = box["pid"]
        try:
            self.page_ws_url = self._page_ws_url(marker or url)
        except BaseException:
            self.close()
            raise

    def _page_ws_url(self, marker: str) -> str:
        try:
            with open(os.path.join(self.profile, "DevToolsActivePort")) as f:
                port = int(f.read().split()[0])
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=START_TIMEOUT) as f:
                targets = json.loads(f.read())
        except Exception as e:
            raise BackendError(f"cannot reach Chromium's DevTools endpoint: {type(e).__name__}: {e}") from e
        for t in targets:
            if t.get("type") == "page" and marker in t.get("url", ""):
                return t["webSocketDebuggerUrl"]
        raise BackendError(f"Chromium's DevTools lists no page with {marker!r}")

    def alive(self) -> bool:
        return (not self._closed and (self.pid is None or pid_alive(self.pid))
                and self.pw.thread.is_alive())

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        ctx, self._ctx = self._ctx, None
        try:
            if ctx is not None and self.pw.thread.is_alive() and threading.current_thread() is not self.pw.thread:
                try:
                    self.pw.submit(lambda pw: _close_ctx(ctx)).result(10)
                except Exception:
                    pass
        finally:  # also on Ctrl-C: kill what is left directly
            self._finalizer()

    @staticmethod
    def _cleanup(pw: PlaywrightThread, box: dict, profile: str) -> None:
        """OS-level: kill Chromium's group if it is still there, remove the profile, release the
        driver (no Playwright call: this also runs at garbage collection and interpreter exit)."""
        pid = box.get("pid")
        if pid and f"--user-data-dir={profile}" in cmdline(pid):
            kill_pgid(pid)
        shutil.rmtree(profile, ignore_errors=True)
        pw.release(wait=threading.main_thread().is_alive())


def _close_late(fut: Future, finalizer, profile: str) -> None:
    """(In Playwright's thread) a launch whose caller gave up: close what it made, then clean up
    (the finalizer may have run already, at GC, while Chromium was still writing its profile)."""
    if not fut.cancelled() and fut.exception() is None:
        _close_ctx(fut.result())
    finalizer()
    shutil.rmtree(profile, ignore_errors=True)


def _close_ctx(ctx) -> None:
    try:
        ctx.close()
    except BaseException:
        pass


def _launch(pw, exe: str, profile: str, url: str, setup, box: dict):
    """In Playwright's thread: launch Chromium on ``profile``, note its pid in ``box``, open ``url``."""
    ctx = pw.chromium.launch_persistent_context(
        profile, executable_path=exe, headless=True,
        args=CHROMIUM_ARGS,
        handle_sigint=False, handle_sigterm=False, handle_sighup=False,  # Ctrl-C is Python's business
        timeout=START_TIMEOUT * 1000)
    try:
        box["pid"] = _find_browser_pid(profile)
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        page.goto(url, timeout=START_TIMEOUT * 1000)
        if setup is not None:
            setup(page)
    except BaseException:
        _close_ctx(ctx)
        raise
    return ctx


def _find_browser_pid(profile: str) -> int | None:
    """Chromium's browser process: the one started with our profile (not a --type= child)."""
    flag = f"--user-data-dir={profile}"
    for d in os.listdir("/proc"):
        if d.isdigit():
            cmd = cmdline(int(d))
            if flag in cmd and not any(a.startswith("--type=") for a in cmd):
                return int(d)
    return None
