"""Physics backends: each delivers raw states (and frames); the env logic on top is shared."""
from __future__ import annotations

from qwop_sim.backends.base import Backend, BackendError

BACKENDS = ("sim", "node", "browser")


def make_backend(name: str, **kwargs) -> Backend:
    """Create the backend called `name` ("sim", "node" or "browser")."""
    if name == "sim":
        from qwop_sim.backends.sim import SimBackend

        return SimBackend(**kwargs)
    if name == "node":
        from qwop_sim.backends.node import NodeBackend

        return NodeBackend(**kwargs)
    if name == "browser":
        from qwop_sim.backends.browser import BrowserBackend

        return BrowserBackend(**kwargs)
    raise ValueError(f"unknown backend {name!r}: choose one of {', '.join(BACKENDS)}")


__all__ = ["Backend", "BackendError", "BACKENDS", "make_backend"]
