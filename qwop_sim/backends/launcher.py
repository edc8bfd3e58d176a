"""Starting and stopping the processes the node and browser backends need, leaving none behind.

* ``game_dir()``: the game folder: ``$QWOP_GAME_DIR``, else ``qwop_game.GAME_DIR`` (the folder shipped
  inside the Python package, see pyproject.toml).
* ``ServerProcess``: ``node server.js --port 0 --exit-on-stdin-close`` in its own session (process
  group); the port is parsed from its ``QWOP server listening on http://127.0.0.1:PORT`` line, so
  any number of servers coexist. ``close()`` kills the whole group (SIGTERM, then SIGKILL); a
  ``weakref.finalize`` does the same at garbage collection / interpreter exit, and the server also
  exits by itself when its stdin (a pipe held by this process) closes, i.e. if Python dies.
* ``ChromiumProcess``: headless Chromium (``$QWOP_CHROMIUM`` or /usr/bin/chromium) in its own
  session with ``--remote-debugging-port=0`` and a private temporary profile; the DevTools URL is
  parsed from its stderr. Killed as a group the same way; the profile is removed.

Every failure to start raises ``BackendError`` with the fix in the message.
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
import weakref
from pathlib import Path

from qwop_sim.backends.base import BackendError

START_TIMEOUT = float(os.environ.get("QWOP_START_TIMEOUT", "30"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
    # keep a page that is not visible running at full speed
    "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows", "--mute-audio", "--no-default-browser-check",
]


def game_dir() -> Path:
    """The game folder (server.js, public/, src/, qwop.json, node_modules/)."""
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


def _check_node_modules(gdir: Path) -> None:
    missing = [m for m in ("ws", "box2dweb") if not (gdir / "node_modules" / m).is_dir()]
    if missing:
        raise BackendError(
            f"the game's Node packages are not installed ({', '.join(missing)} missing in "
            f"{gdir / 'node_modules'}): run `cd {gdir} && npm ci` (or `make install`).")


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
                                         start_new_session=True)
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


_PROFILE_PREFIX = "qwop-chromium-"


def _remove_stale_profiles() -> None:
    """Remove the temporary profiles of Pythons that died without cleaning up (SIGKILL)."""
    tmp = Path(tempfile.gettempdir())
    try:
        for d in tmp.glob(_PROFILE_PREFIX + "*-*"):
            pid = d.name[len(_PROFILE_PREFIX):].split("-", 1)[0]
            if pid.isdigit() and not os.path.exists(f"/proc/{pid}") and d.is_dir():
                shutil.rmtree(d, ignore_errors=True)
    except OSError:
        pass


class ChromiumProcess:
    """Headless Chromium in its own session with a private temporary profile (see module doc).

    ``pipe=True`` (default): DevTools over ``--remote-debugging-pipe`` (Chromium reads requests on
    its fd 3 and writes replies on fd 4, NUL-separated JSON): ``self.cdp_in`` / ``self.cdp_out``
    are our ends. ``pipe=False``: ``--remote-debugging-port=0``; ``self.ws_url`` / ``self.port``
    come from its "DevTools listening on ws://..." line."""

    _LINE = re.compile(r"DevTools listening on (ws://\S+)")

    def __init__(self, extra_args: list[str] | None = None, pipe: bool = True):
        exe = chromium_executable()
        _remove_stale_profiles()
        self.profile = tempfile.mkdtemp(prefix=f"{_PROFILE_PREFIX}{os.getpid()}-")
        self.pipe = pipe
        self.stderr_lines: list[str] = []
        self.cdp_in = self.cdp_out = None  # our ends of the pipes (write requests / read replies)
        dbg = ["--remote-debugging-pipe"] if pipe else ["--remote-debugging-port=0",
                                                         "--remote-debugging-address=127.0.0.1"]
        cmd = [exe, *CHROMIUM_ARGS, *dbg, f"--user-data-dir={self.profile}", *(extra_args or []), "about:blank"]
        child_fds: list[int] = []
        preexec = None
        if pipe:
            to_chrome_r, self.cdp_in = os.pipe()
            self.cdp_out, from_chrome_w = os.pipe()
            child_fds = [to_chrome_r, from_chrome_w]

            def preexec():  # runs in the child before exec: its fds 3 and 4 are the pipes
                a, b = os.dup(to_chrome_r), os.dup(from_chrome_w)
                os.dup2(a, 3)
                os.dup2(b, 4)
                os.set_inheritable(3, True)
                os.set_inheritable(4, True)
        try:
            self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.PIPE, start_new_session=True,
                                         preexec_fn=preexec, close_fds=not pipe)
        except OSError as e:
            self._close_fds()
            shutil.rmtree(self.profile, ignore_errors=True)
            raise BackendError(f"cannot run Chromium {exe!r}: {e}. Install chromium or set QWOP_CHROMIUM.") from e
        finally:
            for fd in child_fds:
                os.close(fd)
        self.pid = self.proc.pid
        self._finalizer = weakref.finalize(self, ChromiumProcess._cleanup, self.proc, self.profile,
                                           [self.cdp_in, self.cdp_out])
        if pipe:
            threading.Thread(target=ServerProcess._drain, args=(self.proc.stderr, self.stderr_lines),
                             daemon=True).start()
            return
        try:
            m = _read_line_matching(self.proc.stderr, self._LINE, START_TIMEOUT, self.proc,
                                    f"Chromium ({exe})", self.stderr_lines)
        except BaseException:
            self.close()
            raise
        self.ws_url = m.group(1)
        self.port = int(re.search(r":(\d+)/", self.ws_url).group(1))

    def _close_fds(self) -> None:
        for fd in (self.cdp_in, self.cdp_out):
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass

    @staticmethod
    def _cleanup(proc, profile, fds):
        for fd in fds:  # closing our pipe ends first makes Chromium exit by itself
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
        _kill_group(proc, proc.pid)
        shutil.rmtree(profile, ignore_errors=True)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def close(self) -> None:
        self._finalizer()
