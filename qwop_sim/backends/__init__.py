"""Physics backends: each delivers raw states (and frames); the env logic on top is shared.

Modules: ``base`` (the API), ``sim``, ``node``, ``browser`` (the backends); the processes the node
and browser backends run: ``programs`` (finding node, chromium and the game folder),
``server_process`` (the game's Node server), ``chromium`` and ``playwright_thread`` (the browser),
``processes`` (process groups, /proc, what a killed Python leaves behind).
"""
from __future__ import annotations

import inspect

from qwop_sim.backends.base import Backend, BackendError

BACKENDS = ("sim", "node", "browser")


def make_backend(name: str, **kwargs) -> Backend:
    """Create the backend called `name` ("sim", "node" or "browser") with its keyword arguments
    (``backend_kwargs`` of the envs); one it does not take is a TypeError naming it, raised before
    any process starts."""
    if name == "sim":
        from qwop_sim.backends.sim import SimBackend as cls
    elif name in ("node", "browser"):
        try:
            if name == "node":
                from qwop_sim.backends.node import NodeBackend as cls
            else:
                from qwop_sim.backends.browser import BrowserBackend as cls
        except ImportError as e:  # the core install has only the sim
            raise BackendError(f"backend {name!r} needs the 'game' extra ({e}): "
                               "pip install 'qwop-rl[game]'") from e
    else:
        raise ValueError(f"unknown backend {name!r}: choose one of {', '.join(BACKENDS)}")
    takes = [p for p in inspect.signature(cls).parameters if p != "self"]
    unknown = sorted(set(kwargs) - set(takes))
    if unknown:
        raise TypeError(f"backend {name!r} takes no argument {', '.join(map(repr, unknown))} "
                        f"(its arguments: {', '.join(takes) or 'none'})")
    return cls(**kwargs)


__all__ = ["Backend", "BackendError", "BACKENDS", "make_backend"]
