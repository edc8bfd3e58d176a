"""The game's constants, read once from the one data file the game itself reads (game/qwop.json).

The file ships inside the package as `qwop_game/qwop.json`, so this works from an editable and a
non-editable install alike. Nothing else in Python hard-codes a physical constant or a rule number.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def load() -> dict[str, Any]:
    """The parsed qwop.json (cached; treat it as read-only)."""
    with resources.files("qwop_game").joinpath("qwop.json").open("r", encoding="utf-8") as f:
        return json.load(f)


C = load()

BODY_ORDER: tuple[str, ...] = tuple(C["state_body_order"])
BODY_FIELDS: tuple[str, ...] = tuple(C["state_body_fields"])
N_BODIES = len(BODY_ORDER)
BODY_INDEX = {name: i for i, name in enumerate(BODY_ORDER)}
KEYS: dict[str, int] = dict(C["keys"])  # Q=1, W=2, O=4, P=8
CLOCK_PER_FRAME: float = C["clock_per_frame"]
