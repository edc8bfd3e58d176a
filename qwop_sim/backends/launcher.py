"""Starting and stopping the processes the node and browser backends need, leaving none behind.

* ``game_dir()``: the game folder: ``$QWOP_GAME_DIR``, else ``qwop_game.GAME_DIR`` (the folder shipped
  inside the Python package, see pyproject.toml).
* ``ServerProcess``: ``node server.js --port 0 --exit-on-stdin-close`` in its own session (process
  group), with ``NODE_PATH`` ending in the game's ``vendor/`` (``server_env()``): the Node packages the
  server needs (ws, box2dweb) ship there with the Python package, so no ``npm ci`` is needed after a
  ``pip install``; a checkout's ``node_modules/`` (npm ci) comes first, as Node resolves it. The port is parsed from its ``QWOP server listening on http://127.0.0.1:PORT`` line, so
  any number of servers coexist. ``close()`` kills the whole group (SIGTERM, then SIGKILL); a
  ``weakref.finalize`` does the same at garbage collection / interpreter exit, and the server also
  exits by itself when its stdin (a pipe held by this process) closes, i.e. if Python dies.
* ``ChromiumBrowser``: headless Chromium (``$QWOP_CHROMIUM`` or /usr/bin/chromium: Debian's, never
  a downloaded browser) launched by Playwright (``launch_persistent_context(executable_path=...)``
  on a private temporary profile, flags ``CHROMIUM_ARGS``), showing one page. Playwright's driver
  is shared by the process and run by one daemon thread (``_PlaywrightThread``); it stops with
  the last browser. ``close()`` closes the browser through Playwright; garbage collection and
  interpreter exit kill Chromium's process group directly (Playwright starts it detached) and
  remove the profile. If Python dies, the driver exits when its stdin pipe closes and takes its
  browsers with it; a dead parent's profile is removed by the next browser start. The driver and
  its Chromiums run with a private TMPDIR (``qwop-pw-PID-*``: their playwright-artifacts-*
  and org.chromium.Chromium.* folders), removed when the driver stops, or by the next start.

Every failure to start raises ``BackendError`` with the fix in the message.
"""
from __future__ import annotations

import json
import os
import queue
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import urllib.request
import weakref
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

from qwop_sim.backends.base import BackendError

START_TIMEOUT = float(os.environ.get("QWOP_START_TIMEOUT", "30"))
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


def game_dir() -> Path:
    """The game folder (server.js, public/, src/, qwop.json, vendor/; node_modules/ in a checkout)."""
    env = os.environ.get("QWOP_GAME_DIR")
    if env:
        p = Path(env).expanduser().resolve()
        if not (p / "server.js").is_file():
            raise BackendError(f"QWOP_GAME_DIR={env!r} has no server.js: point it at the game/ folder "
                               "of the repository (or unset it to use the packaged qwop_game)")
        return p
    try:
        import qwop_game

        return Path(qwop_game.GAME_DIR)
    except Exception as e:  # pragma: no cover - packaging problem
        raise BackendError(f"cannot find the game folder (package qwop_game): {e}; "
                           "pip install -e . in the repository, or set QWOP_GAME_DIR") from e


def node_executable() -> str:
    exe = os.environ.get("QWOP_NODE") or shutil.which("node")
    if not exe or not (os.path.isfile(exe) and os.access(exe, os.X_OK)):
        raise BackendError(
            f"Node.js not found ({'QWOP_NODE=' + repr(exe) if os.environ.get('QWOP_NODE') else 'no `node` on PATH'}): "
            "the node and browser backends run the game's server with Node 20+. Install Node.js "
            "(e.g. apt-get install nodejs) or set QWOP_NODE to the node executable; or use backend='sim'.")
    return exe


def chromium_executable() -> str:
    exe = os.environ.get("QWOP_CHROMIUM") or "/usr/bin/chromium"
    if not (os.path.isfile(exe) and os.access(exe, os.X_OK)):
        raise BackendError(
            f"Chromium not found at {exe!r}: the browser backend runs the game in headless Chromium. "
            "Install it (apt-get install chromium) or set QWOP_CHROMIUM to a Chromium/Chrome "
            "executable; or use backend='node' (same game, no browser) or backend='sim'.")
    return exe


NODE_PACKAGES = ("ws", "box2dweb")  # what server.js needs at run time (game/vendor/README.md)


def server_env(gdir: Path, base: dict | None = None) -> dict:
    """The environment to run the game's server in: ``base`` (default os.environ) with the game's
    ``vendor/`` appended to ``NODE_PATH`` (Node tries node_modules/ folders first)."""
    env = dict(os.environ if base is None else base)
    env["NODE_PATH"] = os.pathsep.join([p for p in env.get("NODE_PATH", "").split(os.pathsep) if p]
                                       + [str(Path(gdir) / "vendor")])
    return env


def _check_node_modules(gdir: Path) -> None:
    missing = [m for m in NODE_PACKAGES
               if not ((gdir / "node_modules" / m).is_dir() or (gdir / "vendor" / m).is_dir())]
    if missing:
        raise BackendError(
            f"the game's Node packages are missing ({', '.join(missing)}: neither in {gdir / 'vendor'}, "
            f"which the Python package ships, nor in {gdir / 'node_modules'}): reinstall the package, "
            f"or run `cd {gdir} && npm ci`.")


def _kill_group(proc: subprocess.Popen, pgid: int | None, grace: float = 2.0) -> None:
    """SIGTERM the process group (the process leads its own session), SIGKILL what is left."""
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


def _read_line_matching(stream, pattern: re.Pattern, timeout: float, proc: subprocess.Popen,
                        what: str, keep: list[str]) -> re.Match:
    """Read lines from ``stream`` (in a thread: no blocking forever) until one matches."""
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


class ServerProcess:
    """The game's Node server on a free port (see module doc)."""

    _LINE = re.compile(r"QWOP server listening on (http://[^\s:]+:(\d+))")

    def __init__(self, gdir: Path | None = None, verbose: bool = False):
        self.game_dir = Path(gdir) if gdir else game_dir()
        node = node_executable()
        _check_node_modules(self.game_dir)
        cmd = [node, str(self.game_dir / "server.js"), "--port", "0", "--exit-on-stdin-close"]
        err_lines: list[str] = []
        try:
            self.proc = subprocess.Popen(cmd, cwd=self.game_dir, stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                         env=server_env(self.game_dir), start_new_session=True)
        except OSError as e:
            raise BackendError(f"cannot run {node!r}: {e}. Install Node.js 20+ or set QWOP_NODE.") from e
        self.pid = self.proc.pid
        self._finalizer = weakref.finalize(self, _kill_group, self.proc, self.proc.pid)
        try:
            # stderr drained in the background (its first lines kept for error messages)
            threading.Thread(target=self._drain, args=(self.proc.stderr, err_lines), daemon=True).start()
            try:
                m = _read_line_matching(self.proc.stdout, self._LINE, START_TIMEOUT, self.proc,
                                        "the game server (node server.js)", [])
            except BackendError as e:
                time.sleep(0.1)
                raise BackendError(f"{e} {''.join(err_lines[-10:]).strip()}") from None
        except BaseException:
            self.close()
            raise
        self.url = m.group(1)
        self.port = int(m.group(2))
        self.host = "127.0.0.1"

    @staticmethod
    def _drain(stream, keep: list[str]) -> None:
        try:
            for raw in iter(stream.readline, b""):
                if len(keep) < 50:
                    keep.append(raw.decode("utf-8", "replace"))
        except Exception:
            pass

    def alive(self) -> bool:
        return self.proc.poll() is None

    def close(self) -> None:
        self._finalizer()  # idempotent: runs _kill_group once



# ---- Chromium, launched and owned by Playwright ------------------------------------------------------
_PROFILE_PREFIX = "qwop-chromium-"
# Playwright's driver, and the Chromiums it starts, get a private TMPDIR (their
# playwright-artifacts-* and org.chromium.Chromium.* folders go there), removed when the driver
# stops, or by the next start if the Python that owned it was killed.
_DRIVER_TMP_PREFIX = "qwop-pw-"
_ENV_LOCK = threading.Lock()


def _remove_stale_profiles(tmp: str | None = None) -> None:
    """Remove the temporary profiles and driver folders of Pythons that died without cleaning up
    (SIGKILL)."""
    tmp = Path(tmp or tempfile.gettempdir())
    try:
        for prefix in (_PROFILE_PREFIX, _DRIVER_TMP_PREFIX):
            for d in tmp.glob(prefix + "*-*"):
                pid = d.name[len(prefix):].split("-", 1)[0]
                if pid.isdigit() and not os.path.exists(f"/proc/{pid}") and d.is_dir():
                    shutil.rmtree(d, ignore_errors=True)
    except OSError:
        pass


def _start_driver(cm):
    """``cm.start()`` with TMPDIR set to a fresh private folder for the driver's process (it copies
    the environment when it starts); returns (playwright, folder)."""
    tempfile.gettempdir()  # Python's own temporary folder is settled before TMPDIR changes
    tmp = tempfile.mkdtemp(prefix=f"{_DRIVER_TMP_PREFIX}{os.getpid()}-")
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


def _proc_stat(pid: int):
    """(state, ppid, pgrp) of a process from /proc, or None."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            s = f.read()
        rest = s[s.rindex(")") + 2:].split()
        return rest[0], int(rest[1]), int(rest[2])
    except (OSError, ValueError, IndexError):
        return None


def _cmdline(pid: int) -> list[str]:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().decode("utf-8", "replace").split("\0")
    except OSError:
        return []


def _pid_alive(pid: int | None) -> bool:
    st = _proc_stat(pid) if pid else None
    return st is not None and st[0] not in ("Z", "X")


def _group_members(pgid: int) -> list[int]:
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            st = _proc_stat(int(d))
            if st is not None and st[2] == pgid and st[0] not in ("Z", "X"):
                out.append(int(d))
    return out


def _kill_pgid(pgid: int, grace: float = 2.0) -> None:
    """SIGTERM a process group that is not our child (Chromium, a child of Playwright's driver),
    wait up to ``grace`` s for it to go, SIGKILL what is left."""
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5.0)):
        if not _group_members(pgid):
            return
        try:
            os.killpg(pgid, sig)
        except (ProcessLookupError, PermissionError):
            return
        t0 = time.monotonic()
        while _group_members(pgid) and time.monotonic() - t0 < wait:
            time.sleep(0.02)


class _PlaywrightThread:
    """One Playwright driver per Python process, owned by a daemon thread that makes every
    Playwright (sync API) call: the API is bound to one thread and refuses a second instance in a
    thread (or any thread running an asyncio loop, e.g. Jupyter). Backends hold a reference
    (``acquire``/``release``); the driver stops when the last one is released. If Python dies, the
    driver exits when its stdin pipe closes and kills its browsers."""

    _lock = threading.RLock()  # re-entrant: a GC finalizer may release() inside acquire()
    _current: _PlaywrightThread | None = None

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
    def acquire(cls) -> _PlaywrightThread:
        with cls._lock:
            inst = cls._current
            if (inst is None or not inst.thread.is_alive()
                    or (inst.driver_pid is not None and not _pid_alive(inst.driver_pid))):
                # none yet, or its driver died (its users get errors and release it): a fresh one
                inst = cls._current = cls()
            inst.users += 1
            return inst

    def release(self, wait: bool = True) -> None:
        with self._lock:
            self.users -= 1
            if self.users > 0:
                return
            if _PlaywrightThread._current is self:
                _PlaywrightThread._current = None
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
            _remove_stale_profiles()
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


class ChromiumBrowser:
    """Headless Chromium (``$QWOP_CHROMIUM`` or /usr/bin/chromium) launched by Playwright
    (``launch_persistent_context(executable_path=...)``, flags ``CHROMIUM_ARGS``) with a private
    temporary profile, showing ``url`` (one page).

    ``setup(page)`` runs in Playwright's thread once the page is loaded (e.g. wait until it is
    ready). Then ``page_ws_url`` is the page's own DevTools WebSocket (port from the profile's
    DevToolsActivePort) for a fast direct client; ``pid`` is Chromium's browser process (its own
    process group). ``close()`` (idempotent; also at GC / exit) closes the context through
    Playwright, kills the group if anything is left, removes the profile and releases the driver."""

    def __init__(self, url: str, setup=None, marker: str | None = None):
        exe = chromium_executable()
        _remove_stale_profiles()
        self.url = url
        self.profile = tempfile.mkdtemp(prefix=f"{_PROFILE_PREFIX}{os.getpid()}-")
        self.pid: int | None = None
        self.page_ws_url: str | None = None
        self._ctx = None
        self._closed = False
        try:
            self.pw = _PlaywrightThread.acquire()
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
        return (not self._closed and (self.pid is None or _pid_alive(self.pid))
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
    def _cleanup(pw: _PlaywrightThread, box: dict, profile: str) -> None:
        """OS-level: kill Chromium's group if it is still there, remove the profile, release the
        driver (no Playwright call: this also runs at garbage collection and interpreter exit)."""
        pid = box.get("pid")
        if pid and f"--user-data-dir={profile}" in _cmdline(pid):
            _kill_pgid(pid)
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
            cmd = _cmdline(int(d))
            if flag in cmd and not any(a.startswith("--type=") for a in cmd):
                return int(d)
    return None
