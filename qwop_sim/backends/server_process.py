"""The game's Node server as a child process, on a free port, leaving nothing behind.

``ServerProcess`` runs ``node server.js --port 0 --exit-on-stdin-close`` in its own session
(process group) with the game's Node packages on ``NODE_PATH`` (``programs.server_env``). The port
is parsed from its ``QWOP server listening on http://127.0.0.1:PORT`` line, so any number of
servers coexist; the server binds 127.0.0.1 only. ``close()`` kills the whole group (SIGTERM, then
SIGKILL); a ``weakref.finalize`` does the same at garbage collection / interpreter exit, and the
server also exits by itself when its stdin (a pipe held by this process) closes, i.e. if Python dies.
"""
from __future__ import annotations

import re
import subprocess
import threading
import time
import weakref
from pathlib import Path

from qwop_sim.backends.base import BackendError
from qwop_sim.backends.processes import START_TIMEOUT, kill_group, read_line_matching
from qwop_sim.backends.programs import check_node_packages, game_dir, node_executable, server_env


class ServerProcess:
    """The game's Node server on a free port (see module doc)."""

    _LINE = re.compile(r"QWOP server listening on (http://[^\s:]+:(\d+))")

    def __init__(self, gdir: Path | None = None):
        self.game_dir = Path(gdir) if gdir else game_dir()
        node = node_executable()
        check_node_packages(self.game_dir)
        cmd = [node, str(self.game_dir / "server.js"), "--port", "0", "--exit-on-stdin-close"]
        err_lines: list[str] = []
        try:
            self.proc = subprocess.Popen(cmd, cwd=self.game_dir, stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                         env=server_env(self.game_dir), start_new_session=True)
        except OSError as e:
            raise BackendError(f"cannot run {node!r}: {e}. Install Node.js 20+ or set QWOP_NODE.") from e
        self.pid = self.proc.pid
        self._finalizer = weakref.finalize(self, kill_group, self.proc, self.proc.pid)
        try:
            # stderr drained in the background (its first lines kept for error messages)
            threading.Thread(target=self._drain, args=(self.proc.stderr, err_lines), daemon=True).start()
            try:
                m = read_line_matching(self.proc.stdout, self._LINE, START_TIMEOUT, self.proc,
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
        self._finalizer()  # idempotent: runs kill_group once
