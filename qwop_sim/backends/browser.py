"""The browser backend: the game's page in headless Chromium, driven through its ``window.qwop``.

The backend owns the game's Node server (``server_process.ServerProcess``) and a headless Chromium
launched by Playwright with Debian's executable (``$QWOP_CHROMIUM`` or /usr/bin/chromium; never a
downloaded browser; ``chromium.ChromiumBrowser``, flags in ``chromium.CHROMIUM_ARGS``). Playwright
opens the page in agent mode (``/?agent=1&session=ID&draw=0``) and waits until it is ready; it is
not on the per-step path. Each env step is one DevTools ``Runtime.evaluate`` straight from Python
to the page, over the page's own DevTools WebSocket (Chromium runs with
``--remote-debugging-port=0``; the port is read from DevToolsActivePort in the profile we give it):
``__qwopPy({"cmd": "step", "keys": k, "frames": n, "frame"?: [w, h]})`` runs the page's driver
(``qwop.handle``, the same code as the server's backend=node) and returns the JSON reply (state,
hurdle included, and the canvas-rendered frame when asked) in the same round trip.

Why this path (measurements in qwop_sim/bench_envs.py): Playwright's own ``page.evaluate`` or CDP
session is 2 to 3x slower (a hop through its driver process per call). The server's page relay
(``/agent?backend=page``) is not used: ~0.6x the speed, and its per-step WebSocket frames become
Playwright events that pile up in the driver (its pipe to Python is only read during Playwright
calls): the step path must make no Playwright events.

A browser (or server) that dies mid-episode raises ``BackendError``; the next ``reset()`` starts
fresh processes.
"""
from __future__ import annotations

import json
import os
import secrets
import struct
import websocket

from qwop_sim.backends.base import BackendError
from qwop_sim.backends.chromium import ChromiumBrowser
from qwop_sim.backends.node import REQUEST_TIMEOUT, GameProtocolAPI, WebSocketClient
from qwop_sim.backends.processes import START_TIMEOUT
from qwop_sim.backends.server_process import ServerProcess

_HELPER = "self.__qwopPy = (r) => JSON.stringify(qwop.handle(r)); 1"
_READY = ("(() => { try { return document.documentElement.dataset.ready === '1' "
          "&& typeof self.qwop === 'object' && typeof self.qwop.handle === 'function'; } "
          "catch (e) { return false; } })()")


def _page_setup(page) -> None:
    """In Playwright's thread, once the page has loaded: wait until the game is ready."""
    page.wait_for_function(_READY, timeout=START_TIMEOUT * 1000, polling=20)
    page.evaluate(_HELPER)


class CDPPage(WebSocketClient):
    """A minimal synchronous DevTools client on one page target (Runtime.evaluate only).

    websocket-client does the handshake; the frames are then read and written here on its socket
    (one large recv per reply instead of three, no per-frame objects: the hot path of an env step)."""

    def __init__(self, ws_url: str):
        self._id = 0
        self._buf = bytearray()
        self._parts: list[bytes] = []
        try:
            self.ws = websocket.create_connection(ws_url, timeout=REQUEST_TIMEOUT, suppress_origin=True,
                                                  skip_utf8_validation=True)
        except Exception as e:
            raise BackendError(f"cannot connect to Chromium's DevTools at {ws_url}: {e}") from e
        self.sock = self.ws.sock

    def _send(self, data: bytes, opcode: int = 0x1) -> None:
        n = len(data)
        if n < 126:
            hdr = struct.pack("!BB", 0x80 | opcode, 0x80 | n)
        elif n < 65536:
            hdr = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, n)
        else:
            hdr = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, n)
        key = os.urandom(4)  # a client masks its frames (RFC 6455 5.3)
        if n:
            k = int.from_bytes(key * (n // 4 + 1), "little") & ((1 << (8 * n)) - 1)
            data = (int.from_bytes(data, "little") ^ k).to_bytes(n, "little")
        self.sock.sendall(hdr + key + data)

    def _fill(self, n: int) -> None:
        """Read until the buffer holds ``n`` bytes (an interrupted recv loses nothing)."""
        buf = self._buf
        while len(buf) < n:
            chunk = self.sock.recv(max(1 << 16, n - len(buf)))
            if not chunk:
                raise ConnectionError("Chromium closed the DevTools connection")
            buf += chunk

    def _recv(self) -> bytes:
        """The next message. A frame leaves the buffer only once whole, so a Ctrl-C in the middle
        leaves the stream in step (the stale reply is then skipped by its id)."""
        buf = self._buf
        while True:
            self._fill(2)
            b0, b1 = buf[0], buf[1]
            n, h = b1 & 0x7F, 2
            if n == 126:
                self._fill(4)
                n, h = int.from_bytes(buf[2:4], "big"), 4
            elif n == 127:
                self._fill(10)
                n, h = int.from_bytes(buf[2:10], "big"), 10
            if b1 & 0x80:
                raise ConnectionError("a masked frame from the server")
            self._fill(h + n)
            payload = bytes(buf[h:h + n])
            del buf[:h + n]
            op = b0 & 0x0F
            if op == 0x8:
                raise ConnectionError("Chromium closed the DevTools connection")
            if op == 0x9:
                self._send(payload, 0xA)  # ping -> pong
            elif op != 0xA:
                self._parts.append(payload)
                if b0 & 0x80:  # FIN
                    parts, self._parts = self._parts, []
                    return parts[0] if len(parts) == 1 else b"".join(parts)

    def evaluate(self, expression: str):
        """Evaluate in the page; returns the value (by value). Errors -> BackendError."""
        if self.ws is None:
            raise BackendError("the DevTools connection is closed; call reset() to start a fresh one")
        self._id += 1
        mid = self._id
        msg = ('{"id":%d,"method":"Runtime.evaluate","params":{"expression":%s,"returnByValue":true}}'
               % (mid, json.dumps(expression)))
        head = b'{"id":%d,' % mid
        try:
            self._send(msg.encode())
            while True:
                raw = self._recv()
                if raw.startswith(head):  # the reply (Chromium writes "id" first); else an event
                    r = json.loads(raw)
                    break
                if not raw.startswith(b'{"method"'):
                    r = json.loads(raw)
                    if r.get("id") == mid:
                        break
        except (OSError, ValueError) as e:  # socket errors, timeouts, ConnectionError, bad JSON
            self.close()
            raise BackendError(f"the browser went away ({type(e).__name__}: {e}); "
                               "call reset() to start a fresh one") from e
        return _eval_value(r)


def _eval_value(r: dict):
    if "error" in r:
        raise BackendError(f"DevTools error: {r['error']}")
    res = r["result"]
    if "exceptionDetails" in res:
        ex = res["exceptionDetails"]
        desc = (ex.get("exception") or {}).get("description") or ex.get("text")
        raise BackendError(f"the page raised: {desc}")
    return res["result"].get("value")


class BrowserBackend(GameProtocolAPI):
    """The game in headless Chromium launched by Playwright (see module doc). ``draw``: keep the
    page's visible canvas drawn (once per animation frame after a change; default: never, a little
    faster; the frames an env asks for are drawn either way)."""

    name = "browser"

    def __init__(self, draw: bool = False):
        self.draw = bool(draw)
        self.server: ServerProcess | None = None
        self.chromium: ChromiumBrowser | None = None
        self.page: CDPPage | None = None
        self._closed = False
        self._start()

    # ---- lifetime --------------------------------------------------------------------------
    def _start(self) -> None:
        self._stop()
        try:
            self.server = ServerProcess()
            self.session = "py-" + secrets.token_hex(6)
            url = (f"http://127.0.0.1:{self.server.port}/?agent=1&session={self.session}"
                   + ("" if self.draw else "&draw=0"))
            self.chromium = ChromiumBrowser(url, setup=_page_setup, marker=f"session={self.session}")
            self.page = CDPPage(self.chromium.page_ws_url)
        except BaseException:
            self._stop()
            raise

    def _stop(self) -> None:
        for attr in ("page", "chromium", "server"):
            c = getattr(self, attr, None)
            if c is not None:
                setattr(self, attr, None)
                c.close()

    def _alive(self) -> bool:
        return (self.page is not None and self.page.connected and self.chromium is not None
                and self.chromium.alive() and self.server is not None and self.server.alive())

    def close(self) -> None:
        self._closed = True
        self._stop()

    def pids(self) -> list[int]:
        """Process ids of the server and Chromium (process group leaders), for tests."""
        return [p.pid for p in (self.server, self.chromium) if p is not None and p.pid]

    # ---- requests ------------------------------------------------------------------------
    _restart = _start  # the processes went away: new ones

    def _req(self, cmd: str, **args) -> dict:
        req = {"cmd": cmd, **args}
        if self._closed:
            raise BackendError("the backend is closed")
        if self.page is None or not self.page.connected:
            raise BackendError("the browser is gone; call reset() to start a fresh one")
        try:
            text = self.page.evaluate("__qwopPy(" + json.dumps(req, separators=(",", ":")) + ")")
        except BackendError:
            self._stop_if_dead()
            raise
        return json.loads(text)

    def _stop_if_dead(self) -> None:
        if self.chromium is not None and not self.chromium.alive():
            self._stop()
            raise BackendError("the browser (Chromium) died; call reset() to start a fresh one") from None
