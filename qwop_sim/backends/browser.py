"""The browser backend: the game's page in headless Chromium, driven through its ``window.qwop``.

The backend owns two processes (``launcher``): the game's Node server (serves the page) and a
headless Chromium (``$QWOP_CHROMIUM`` or /usr/bin/chromium, flags in ``launcher.CHROMIUM_ARGS``),
each in its own process group, killed as a group by ``close()``, at garbage collection and at exit.

The page is opened in agent mode (``/?agent=1&session=ID&draw=0``) and driven by one DevTools
(CDP) ``Runtime.evaluate`` per env step, straight from Python to Chromium over a WebSocket:
``__qwopPy({"cmd": "step", "keys": k, "frames": n, "frame"?: [w, h]})`` runs the page's driver
(``qwop.handle``, the same code as the server's backend=node) and returns the JSON reply (state,
and the canvas-rendered frame when asked) in the same round trip.

Why not Playwright's ``page.evaluate``: measured on the 2-core dev box (steps/s, one env,
``qwop.step(k, 2)``): CDP direct ~2,900; the server's WebSocket relay
(``/agent?backend=page``, ``transport="relay"`` here) ~1,600; Playwright ``page.evaluate``
~570 (returning a JSON string) or ~430 (returning the object): Playwright adds a hop through its
driver process. Chromium is therefore started directly (which also gives us its process group to
kill); Playwright is not needed at run time.

A browser (or server) that dies mid-episode raises ``BackendError``; the next ``reset()`` starts
fresh processes.
"""
from __future__ import annotations

import json
import os
import secrets
import select
import time
import urllib.parse
import urllib.request
from typing import Sequence

import numpy as np
import websocket

from qwop_sim.backends.base import BackendError
from qwop_sim.backends.launcher import START_TIMEOUT, ChromiumProcess, ServerProcess
from qwop_sim.backends.base import check_keys_frames
from qwop_sim.backends.node import REQUEST_TIMEOUT, JSONSocket, decode_frame
from qwop_sim.state import RawState

TRANSPORTS = ("pipe", "cdp", "relay")
_HELPER = "self.__qwopPy = (r) => JSON.stringify(qwop.handle(r)); 1"
_READY = ("(() => { try { return document.documentElement.dataset.ready === '1' "
          "&& typeof self.qwop === 'object' && typeof self.qwop.handle === 'function'; } "
          "catch (e) { return false; } })()")


class CDPPage:
    """A minimal synchronous DevTools client on one page target (Runtime.evaluate only)."""

    def __init__(self, ws_url: str):
        self._id = 0
        try:
            self.ws = websocket.create_connection(ws_url, timeout=REQUEST_TIMEOUT, suppress_origin=True,
                                                  skip_utf8_validation=True)
        except Exception as e:
            raise BackendError(f"cannot connect to Chromium's DevTools at {ws_url}: {e}") from e

    def evaluate(self, expression: str):
        """Evaluate in the page; returns the value (by value). Errors -> BackendError."""
        self._id += 1
        mid = self._id
        msg = ('{"id":%d,"method":"Runtime.evaluate","params":{"expression":%s,"returnByValue":true}}'
               % (mid, json.dumps(expression)))
        try:
            self.ws.send(msg)
            while True:
                r = json.loads(self.ws.recv())
                if r.get("id") == mid:
                    break
        except (websocket.WebSocketException, OSError, ValueError) as e:
            self.close()
            raise BackendError(f"the browser went away ({type(e).__name__}: {e}); "
                               "call reset() to start a fresh one") from e
        return _eval_value(r)

    @property
    def connected(self) -> bool:
        return self.ws is not None and self.ws.connected

    def close(self) -> None:
        ws, self.ws = getattr(self, "ws", None), None
        if ws is not None:
            try:
                ws.close(timeout=1)
            except Exception:
                pass


class CDPPipe:
    """A minimal synchronous DevTools client over Chromium's --remote-debugging-pipe, attached to
    one page (flattened session). Requests go out NUL-terminated on ``fd_in``; replies and events
    come back NUL-terminated on ``fd_out``."""

    def __init__(self, chromium: ChromiumProcess, url: str):
        self.chromium = chromium
        self.fd_in, self.fd_out = chromium.cdp_in, chromium.cdp_out
        self._buf = b""
        self._id = 0
        self.sid = None
        self.connected = True
        target = self.call("Target.createTarget", url=url)["targetId"]
        self.sid = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self._eval_fmt = ('{"id":%d,"sessionId":"' + self.sid
                          + '","method":"Runtime.evaluate","params":{"expression":%s,"returnByValue":true}}')

    def _dead(self, why: str) -> BackendError:
        self.connected = False
        tail = "".join(self.chromium.stderr_lines[-5:]).strip()
        return BackendError(f"the browser went away ({why}); call reset() to start a fresh one"
                            + (f". Chromium said: {tail}" if tail else ""))

    def _send(self, text: str) -> None:
        data = text.encode() + b"\0"
        try:
            while data:
                n = os.write(self.fd_in, data)
                data = data[n:]
        except OSError as e:
            raise self._dead(f"{type(e).__name__}: {e}") from None

    def _recv(self, mid: int) -> dict:
        buf = self._buf
        while True:
            k = buf.find(b"\0")
            while k < 0:
                if not select.select([self.fd_out], [], [], REQUEST_TIMEOUT)[0]:
                    self._buf = buf
                    raise self._dead(f"no reply within {REQUEST_TIMEOUT:.0f} s")
                try:
                    chunk = os.read(self.fd_out, 1 << 20)
                except OSError as e:
                    raise self._dead(f"{type(e).__name__}: {e}") from None
                if not chunk:
                    raise self._dead("DevTools pipe closed")
                buf += chunk
                k = buf.find(b"\0")
            msg, buf = buf[:k], buf[k + 1:]
            if msg.startswith(b'{"id":%d,' % mid):  # the reply (Chromium writes "id" first)
                self._buf = buf
                return json.loads(msg)
            if not msg.startswith(b'{"method"'):  # not an event: check the id the slow way
                d = json.loads(msg)
                if d.get("id") == mid:
                    self._buf = buf
                    return d

    def call(self, method: str, **params) -> dict:
        if not self.connected:
            raise self._dead("closed")
        self._id += 1
        m = {"id": self._id, "method": method, "params": params}
        if self.sid:
            m["sessionId"] = self.sid
        self._send(json.dumps(m, separators=(",", ":")))
        r = self._recv(self._id)
        if "error" in r:
            raise BackendError(f"DevTools error on {method}: {r['error']}")
        return r["result"]

    def evaluate(self, expression: str):
        if not self.connected:
            raise self._dead("closed")
        self._id += 1
        self._send(self._eval_fmt % (self._id, json.dumps(expression)))
        r = self._recv(self._id)
        return _eval_value(r)

    def close(self) -> None:
        self.connected = False


def _eval_value(r: dict):
    if "error" in r:
        raise BackendError(f"DevTools error: {r['error']}")
    res = r["result"]
    if "exceptionDetails" in res:
        ex = res["exceptionDetails"]
        desc = (ex.get("exception") or {}).get("description") or ex.get("text")
        raise BackendError(f"the page raised: {desc}")
    return res["result"].get("value")


class BrowserBackend:
    """The game in headless Chromium (see module doc). ``transport``: "pipe" (default, fastest:
    DevTools over --remote-debugging-pipe), "cdp" (DevTools over its WebSocket) or "relay" (the
    server's /agent?backend=page WebSocket relay to the same page)."""

    name = "browser"
    has_frames = True

    def __init__(self, transport: str = "pipe", draw: bool = False, **_ignored):
        if transport not in TRANSPORTS:
            raise ValueError(f"transport must be one of {TRANSPORTS}, got {transport!r}")
        self.transport = transport
        self.draw = bool(draw)
        self.server: ServerProcess | None = None
        self.chromium: ChromiumProcess | None = None
        self.page: CDPPage | None = None
        self.relay: JSONSocket | None = None
        self._closed = False
        self._start()

    # ---- lifetime --------------------------------------------------------------------------
    def _start(self) -> None:
        self._stop()
        try:
            self.server = ServerProcess()
            self.chromium = ChromiumProcess(pipe=self.transport != "cdp")
            self.session = "py-" + secrets.token_hex(6)
            url = (f"http://127.0.0.1:{self.server.port}/?agent=1&session={self.session}"
                   + ("" if self.draw else "&draw=0"))
            if self.chromium.pipe:
                self.page = CDPPipe(self.chromium, url)
            else:
                target = self._new_target(url)
                self.page = CDPPage(target["webSocketDebuggerUrl"])
            t0 = time.monotonic()
            while not self.page.evaluate(_READY):
                if time.monotonic() - t0 > START_TIMEOUT:
                    raise BackendError(f"the game page did not get ready within {START_TIMEOUT:.0f} s ({url})")
                if not self.chromium.alive():
                    raise BackendError("Chromium exited while loading the game page")
                time.sleep(0.02)
            self.page.evaluate(_HELPER)
            if self.transport == "relay":
                self.relay = JSONSocket(
                    f"ws://127.0.0.1:{self.server.port}/agent?backend=page&session={self.session}",
                    "the game server (backend=page relay)")
        except BaseException:
            self._stop()
            raise

    def _new_target(self, url: str) -> dict:
        q = urllib.parse.quote(url, safe=":/")
        req = urllib.request.Request(f"http://127.0.0.1:{self.chromium.port}/json/new?{q}", method="PUT")
        try:
            with urllib.request.urlopen(req, timeout=START_TIMEOUT) as f:
                return json.loads(f.read())
        except Exception as e:
            raise BackendError(f"cannot open a page in Chromium: {e}") from e

    def _stop(self) -> None:
        for attr in ("relay", "page"):
            c = getattr(self, attr, None)
            if c is not None:
                c.close()
                setattr(self, attr, None)
        for attr in ("chromium", "server"):
            p = getattr(self, attr, None)
            if p is not None:
                p.close()
                setattr(self, attr, None)

    def _alive(self) -> bool:
        return (self.page is not None and self.page.connected and self.chromium is not None
                and self.chromium.alive() and self.server is not None and self.server.alive()
                and (self.transport != "relay" or (self.relay is not None and self.relay.connected)))

    def close(self) -> None:
        self._closed = True
        self._stop()

    def pids(self) -> list[int]:
        """Process ids of the server and Chromium (process group leaders), for tests."""
        return [p.pid for p in (self.server, self.chromium) if p is not None]

    # ---- requests ------------------------------------------------------------------------
    def _req(self, req: dict) -> dict:
        if self._closed:
            raise BackendError("the backend is closed")
        if self.page is None:
            raise BackendError("the browser is gone; call reset() to start a fresh one")
        if self.transport == "relay":
            if self.relay is None or not self.relay.connected:
                raise BackendError("the relay connection is gone; call reset() to start a fresh one")
            return self.relay.send(req)
        try:
            text = self.page.evaluate("__qwopPy(" + json.dumps(req, separators=(",", ":")) + ")")
        except BackendError:
            if self.chromium is not None and not self.chromium.alive():
                self._stop()
                raise BackendError("the browser (Chromium) died; call reset() to start a fresh one") from None
            raise
        return json.loads(text)

    # ---- API (base.Backend) ----------------------------------------------------------------
    def reset(self, seed: int | None = None, fresh: bool = False) -> RawState:
        """A new race (the game's reset rebuilds its world: always fresh)."""
        if self._closed:
            raise BackendError("the backend is closed")
        if not self._alive():
            self._start()
        req = {"cmd": "reset"} if seed is None else {"cmd": "reset", "seed": int(seed)}
        return RawState.from_dict(self._req(req)["state"])

    def step(self, keys: int, frames: int = 1) -> RawState:
        keys, frames = check_keys_frames(keys, frames)
        return RawState.from_dict(self._req({"cmd": "step", "keys": keys, "frames": frames})["state"])

    def step_frame(self, keys: int, frames: int, width: int, height: int) -> tuple[RawState, np.ndarray]:
        keys, frames = check_keys_frames(keys, frames)
        r = self._req({"cmd": "step", "keys": keys, "frames": frames, "frame": [int(width), int(height)]})
        return RawState.from_dict(r["state"]), decode_frame(r["frame"])

    def steps(self, seq: Sequence[tuple[int, int]], states: bool = False):
        seq = [list(check_keys_frames(k, f)) for k, f in seq]
        if not seq:
            raise ValueError("steps: empty sequence")
        r = self._req({"cmd": "steps", "steps": seq, "states": bool(states)})
        if states:
            return [RawState.from_dict(s) for s in r["states"]]
        return RawState.from_dict(r["state"])

    def state(self) -> RawState:
        return RawState.from_dict(self._req({"cmd": "state"})["state"])

    def set_state(self, state: RawState) -> RawState:
        d = state.to_dict() if isinstance(state, RawState) else dict(state)
        return RawState.from_dict(self._req({"cmd": "set_state", "state": d})["state"])

    def frame(self, width: int, height: int) -> np.ndarray:
        return decode_frame(self._req({"cmd": "frame", "frame": [int(width), int(height)]})["frame"])
