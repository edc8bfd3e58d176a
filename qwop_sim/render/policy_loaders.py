"""How the viewer's ``--policy CHECKPOINT`` finds code that can read a checkpoint.

qwop_sim defines the environments and knows nothing of any agent: the package that writes
checkpoints provides a loader, and declares it under the entry point group ``qwop_sim.policy_loaders``
in its packaging metadata (this project's rlqwop does so in pyproject.toml:
``rlqwop = "rlqwop.policy:load_policy"``). The viewer asks the installed packages for that group,
so qwop_sim never imports an agent package by name.

A loader is ``load(path) -> policy``, where ``policy(obs) -> action`` acts on the observations of the
env the policy was trained on, as that env returns them, and two attributes say which env that is:

``env_id``
    the Gymnasium id (one of ``qwop_sim.envs.ENV_IDS``)
``env_kwargs``
    the ``gym.make`` keyword arguments it was trained with (``frame_skip``, ``action_mode``, ...)
"""
from __future__ import annotations

from importlib.metadata import entry_points
from typing import Any

GROUP = "qwop_sim.policy_loaders"


def installed_loaders() -> list:
    """The entry points of GROUP, by name (several packages may provide one)."""
    return sorted(entry_points(group=GROUP), key=lambda ep: ep.name)


def load_policy(path: str) -> Any:
    """The policy in checkpoint ``path``, read by the first installed loader (by name)."""
    loaders = installed_loaders()
    if not loaders:
        raise SystemExit(f"--policy: no policy loader is installed (entry point group {GROUP!r}). qwop-rl's "
                         "rlqwop declares one (with the 'train' extra: pip install 'qwop-rl[train]'); an "
                         "editable install older than that declaration needs reinstalling (make install).")
    return loaders[0].load()(path)
