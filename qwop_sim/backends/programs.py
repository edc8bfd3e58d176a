"""Where the node and browser backends find what they run: the game folder, Node.js with the
game's Node packages, and Chromium. Each finder raises ``BackendError`` saying what to install or
set when a piece is missing (before any process starts).

* ``game_dir()``: ``$QWOP_GAME_DIR``, else ``qwop_game.GAME_DIR`` (the folder shipped inside the
  Python package, see pyproject.toml).
* ``node_executable()``: ``$QWOP_NODE``, else ``node`` on PATH.
* ``check_node_packages(gdir)`` and ``server_env(gdir)``: the Node packages the server needs (ws,
  box2dweb) ship in the game's ``vendor/`` with the Python package, so no ``npm ci`` is needed
  after a ``pip install``; the server runs with ``NODE_PATH`` ending there, so a checkout's
  ``node_modules/`` (npm ci) comes first, as Node resolves it.
* ``chromium_executable()``: ``$QWOP_CHROMIUM``, else Debian's /usr/bin/chromium (never a
  downloaded browser).
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from qwop_sim.backends.base import BackendError

NODE_PACKAGES = ("ws", "box2dweb")  # what server.js needs at run time (game/vendor/README.md)


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


def check_node_packages(gdir: Path) -> None:
    """BackendError unless every package of ``NODE_PACKAGES`` is in ``gdir``'s vendor/ or node_modules/."""
    missing = [m for m in NODE_PACKAGES
               if not ((gdir / "node_modules" / m).is_dir() or (gdir / "vendor" / m).is_dir())]
    if missing:
        raise BackendError(
            f"the game's Node packages are missing ({', '.join(missing)}: neither in {gdir / 'vendor'}, "
            f"which the Python package ships, nor in {gdir / 'node_modules'}): reinstall the package, "
            f"or run `cd {gdir} && npm ci`.")


def server_env(gdir: Path, base: dict | None = None) -> dict:
    """The environment to run the game's server in: ``base`` (default os.environ) with the game's
    ``vendor/`` appended to ``NODE_PATH`` (Node tries node_modules/ folders first)."""
    env = dict(os.environ if base is None else base)
    env["NODE_PATH"] = os.pathsep.join([p for p in env.get("NODE_PATH", "").split(os.pathsep) if p]
                                       + [str(Path(gdir) / "vendor")])
    return env
