"""Physics backends: each delivers raw states (and frames); the env logic on top is shared."""
from __future__ import annotations

from qwop_sim.backends.base import Backend, BackendError

BACKENDS = ("sim", "node", "browser")


def make_backend(name: str, **kwargs) -> Backend:
    """Create the backend called `name` ("sim", "node" or "browser")."""
    if name == "sim":
        from qwop_sim.backends.sim import SimBackend

        return SimBackend(**kwargs)
    if name in ("node", "browser"):
        try:
            if name == "node":
                from qwop_sim.backends.node import NodeBackend as cls
            else:
                from qwop_sim.backends.browser import BrowserBackend as cls
        except ImportError as e:  # the core install has only the sim
            raise BackendError(f"backend {name!r} needs the 'game' extra ({e}): "
                               "pip install 'qwop-rl[game]'") from e
        return cls(**kwargs)
    raise ValueError(f"unknown backend {name!r}: choose one of {', '.join(BACKENDS)}")


__all__ = ["Backend", "BackendError", "BACKENDS", "make_backend"]
