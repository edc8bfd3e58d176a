"""Console scripts of qwop_sim: `qwop-game` (``game``) and `qwop-view` (``view``).

`qwop-game`: the game in your browser, from an install (no repository, no npm needed).

    qwop-game                  # serves http://127.0.0.1:3000/ : open it and play with Q W O P
    qwop-game --port 8080      # any flag of `node server.js` (game/README.md)

Runs the packaged game's server (``qwop_game``, or ``$QWOP_GAME_DIR``) with Node.js 20+ (``node``
on PATH or ``$QWOP_NODE``) and its Node packages from the game's ``vendor/``. Ctrl-C stops it.
`qwop-view`: a QWOP env in a pygame window, to play or to watch a policy (python -m qwop_sim.render;
the 'viewer' extra).
"""
from __future__ import annotations

import os
import subprocess
import sys


def game(argv=None) -> int:
    from qwop_sim.backends.base import BackendError
    from qwop_sim.backends.programs import check_node_packages, game_dir, node_executable, server_env

    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__.strip().split("`qwop-view`")[0].strip())
        return 0
    try:
        gdir = game_dir()
        node = node_executable()
        check_node_packages(gdir)
    except BackendError as e:
        print(f"qwop-game: {e}", file=sys.stderr)
        return 2
    # --exit-on-stdin-close with a pipe this process holds: the server stops when this process does
    proc = subprocess.Popen([node, os.path.join(gdir, "server.js"), "--exit-on-stdin-close", *argv],
                            cwd=gdir, env=server_env(gdir), stdin=subprocess.PIPE)
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        proc.wait(10)
        return 130


def view(argv=None) -> int:
    """python -m qwop_sim.render, saying which extra to install when a package is missing."""
    try:
        from qwop_sim.render.viewer import main
        return main(argv)
    except ModuleNotFoundError as e:
        extra = {"pygame": "viewer", "imageio": "viewer", "PIL": "viewer", "torch": "train"}.get((e.name or "").split(".")[0])
        if extra is None:
            raise
        print(f"qwop-view: {e}: pip install 'qwop-rl[{extra}]'", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(game())
