"""The node backend: the game's own core (game/src/qwop.js + box2dweb) headless in the Node server.

One private game per WebSocket connection (``ws://127.0.0.1:PORT/agent?backend=node``); one JSON
request, one JSON reply (protocol: game/README.md). Faithful physics (the same bits as the page);
frames come from the server's ``render.js`` rasteriser (the same pixels as the page and as
``qwop_sim.render``). The game's states carry the hurdle's pose (``RawState.hurdle``; ``hurdle()``
gives the last one's), so a view of them draws the hurdle as it is. The backend owns its server process
(``server_process.ServerProcess``), unless one is passed in (then it is shared and not closed here).

A server that dies mid-episode raises ``BackendError``; the next ``reset()`` starts a fresh one.
"""
from __future__ import annotations

import base64
import json
from typing import Sequence

import numpy as np
import websocket

from qwop_sim.backends.base import BackendError, check_keys_frames
from qwop_sim.backends.server_process import ServerProcess
from qwop_sim.state import RawState

REQUEST_TIMEOUT = 60.0  # seconds for one reply (a 'steps' batch of 10^5 frames takes a few s)


def decode_frame(fr: dict) -> np.ndarray:
    w, h = int(fr["width"]), int(fr["height"])
    return np.frombuffer(base64.b64decode(fr["data"]), dtype=np.uint8).reshape(h, w, 3).copy()


class WebSocketClient:
    """Owns one synchronous websocket-client connection (``self.ws``); close() is idempotent."""

    ws: "websocket.WebSocket | None" = None

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


class JSONSocket(WebSocketClient):
    """One WebSocket speaking the game's JSON request/reply protocol (synchronous)."""

    def __init__(self, url: str, what: str):
        self.what = what
        self.url = url
        self._id = 0
        try:
            # skip_utf8_validation: websocket-client validates UTF-8 in pure Python (~0.3 ms/reply)
            self.ws = websocket.create_connection(url, timeout=REQUEST_TIMEOUT, skip_utf8_validation=True,
                                                  enable_multithread=False)
        except Exception as e:
            raise BackendError(f"cannot connect to {what} at {url}: {e}") from e

    def send(self, req: dict) -> dict:
        """Send one request (a dict; an id is added) and return its reply (ok checked). Replies
        to earlier requests (one interrupted by Ctrl-C) are skipped by their id."""
        self._id += 1
        mid = self._id
        try:
            self.ws.send(json.dumps({"id": mid, **req}, separators=(",", ":")))
            while True:
                reply = json.loads(self.ws.recv())
                if reply.get("id") == mid:
                    break
        except (websocket.WebSocketException, OSError, ValueError, AttributeError) as e:
            self.close()
            raise BackendError(f"{self.what} went away ({type(e).__name__}: {e}); "
                               "call reset() to start a fresh one") from e
        if not reply.get("ok"):
            raise BackendError(f"{self.what} refused the request: {reply.get('error')}")
        return reply

    def request(self, cmd: str, **args) -> dict:
        return self.send({"cmd": cmd, **args})



class GameProtocolAPI:
    """The Backend API (base.Backend) over the game driver's protocol (game/README.md), one
    request per call, shared by NodeBackend and BrowserBackend. A subclass gives the transport:
    ``_req(cmd, **args) -> reply``, ``_alive()`` and ``_restart()`` (fresh processes or connection
    for a reset after they went away), and sets ``_closed``."""

    _closed = False
    _last: RawState | None = None  # the last state the game sent: the world as it is now (hurdle())

    def _got(self, d: dict) -> RawState:
        self._last = s = RawState.from_dict(d)
        return s

    def reset(self) -> RawState:
        """A new race (the game's reset rebuilds its world: always fresh)."""
        if self._closed:
            raise BackendError("the backend is closed")
        if not self._alive():
            self._restart()
        return self._got(self._req("reset")["state"])

    def step(self, keys: int, frames: int = 1) -> RawState:
        keys, frames = check_keys_frames(keys, frames)
        return self._got(self._req("step", keys=keys, frames=frames)["state"])

    def step_frame(self, keys: int, frames: int, width: int, height: int) -> tuple[RawState, np.ndarray]:
        """step() and the frame of the new state in one round trip."""
        keys, frames = check_keys_frames(keys, frames)
        r = self._req("step", keys=keys, frames=frames, frame=[int(width), int(height)])
        return self._got(r["state"]), decode_frame(r["frame"])

    def steps(self, seq: Sequence[tuple[int, int]], states: bool = False):
        """Several (keys, frames) in one round trip: the last RawState, or (states=True) the list
        of the RawState after each entry."""
        seq = [list(check_keys_frames(k, f)) for k, f in seq]
        if not seq:
            raise ValueError("steps: empty sequence")
        r = self._req("steps", steps=seq, states=bool(states))
        if states:
            out = [RawState.from_dict(s) for s in r["states"]]
            self._last = out[-1]
            return out
        return self._got(r["state"])

    def state(self) -> RawState:
        return self._got(self._req("state")["state"])

    def set_state(self, state: RawState) -> RawState:
        """Put the game in ``state``; returns the state the game echoes (as set)."""
        d = state.to_dict() if isinstance(state, RawState) else dict(state)
        return self._got(self._req("set_state", state=d)["state"])

    def frame(self, width: int, height: int) -> np.ndarray:
        return decode_frame(self._req("frame", frame=[int(width), int(height)])["frame"])

    def hurdle(self) -> np.ndarray | None:
        """The hurdle's pose (base.Backend.hurdle): the one in the game's last state (every state
        of the game carries it), without a round trip; a state request before any."""
        return (self._last if self._last is not None else self.state()).hurdle


class NodeBackend(GameProtocolAPI):
    """The game headless in the Node server (see module doc). ``server``: a running
    ``ServerProcess`` to share (default: a server of its own)."""

    name = "node"

    def __init__(self, server: ServerProcess | None = None):
        self._own_server = server is None
        self.server = server
        self.sock: JSONSocket | None = None
        self._closed = False
        self._start()

    # ---- lifetime --------------------------------------------------------------------------
    def _start(self, restart: bool = False) -> None:
        # restart: the connection broke. Our own server is replaced even if its process has not
        # finished dying yet (a SIGKILLed server can still look alive for a few ms, and its port
        # then resets the connection); a server we were given is only reconnected to.
        if self._own_server and (restart or self.server is None or not self.server.alive()):
            if self.server is not None:
                self.server.close()
            self.server = ServerProcess()
        url = f"ws://127.0.0.1:{self.server.port}/agent?backend=node"
        self.sock = JSONSocket(url, "the game server (backend=node)")

    def _alive(self) -> bool:
        return (self.sock is not None and self.sock.connected and self.server is not None
                and self.server.alive())

    def _req(self, cmd: str, **args) -> dict:
        if self._closed:
            raise BackendError("the backend is closed")
        if self.sock is None or not self.sock.connected:
            raise BackendError("the game server connection is gone; call reset() to start a fresh one")
        return self.sock.request(cmd, **args)

    def close(self) -> None:
        self._closed = True
        if self.sock is not None:
            self.sock.close()
            self.sock = None
        if self._own_server and self.server is not None:
            self.server.close()

    def _restart(self) -> None:
        if self.sock is not None:
            self.sock.close()
        self._start(restart=True)

    def __del__(self):  # the processes have their own finalizers; this just closes the socket
        try:
            if self.sock is not None:
                self.sock.close()
        except Exception:
            pass
