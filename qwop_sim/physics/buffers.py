"""The arrays one world works in, and how QWOPBatch stacks them.

A ``QWOPSim`` reads its bodies into ``raw``, reports them in ``bodies`` and keeps the position
pass's state in the other arrays. ``WorldBuffers.new(n)`` gives the same arrays with a leading
axis of n worlds and ``world(i)`` views of world i's part: a QWOPBatch hands those views to its
worlds, so that its compiled kernel and each world's own Python read and write the same memory.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from qwop_sim.physics.position_pass import CONTACT_COLUMNS
from qwop_sim.physics.spec import SPEC
from qwop_sim.physics.step_shift import RAW_ROWS

__all__ = ["WorldBuffers", "MAX_CONTACTS"]

N_BODIES, N_JOINTS = len(SPEC.bodies), len(SPEC.joints)
MAX_CONTACTS = 48  # contact rows of the position pass per world (the track's and the block's)


@dataclass
class WorldBuffers:
    raw: np.ndarray       # (RAW_ROWS, 6) Chipmunk's rows as read (positions one step behind)
    bodies: np.ndarray    # (12, 6) the reported rows (Box2D's)
    x: np.ndarray         # (12, 3) Box2D's poses at the start of the next step, for the pass
    p: np.ndarray         # (12, 3) the poses after the pass, one step behind (Chipmunk's)
    lo: np.ndarray        # (joints,) limits as Chipmunk bounds them, in Box2D's solve order
    hi: np.ndarray
    state: np.ndarray     # (joints,) int8 limit states (position_pass.AT_LOWER, ...)
    contacts: np.ndarray  # (MAX_CONTACTS, CONTACT_COLUMNS) the pass's contact rows
    event: np.ndarray     # (1,) int8 (stacked: (n,)): set to 1 when a contact rule fires

    @classmethod
    def new(cls, n: int | None = None) -> "WorldBuffers":
        """Zeroed buffers of one world, or of ``n`` worlds stacked."""
        lead = () if n is None else (n,)
        return cls(np.zeros(lead + (RAW_ROWS, 6)), np.zeros(lead + (N_BODIES, 6)),
                   np.zeros(lead + (N_BODIES, 3)), np.zeros(lead + (N_BODIES, 3)),
                   np.zeros(lead + (N_JOINTS,)), np.zeros(lead + (N_JOINTS,)),
                   np.zeros(lead + (N_JOINTS,), dtype=np.int8),
                   np.zeros(lead + (MAX_CONTACTS, CONTACT_COLUMNS)),
                   np.zeros(lead[:1] or (1,), dtype=np.int8))

    def world(self, i: int) -> "WorldBuffers":
        """Views of world i's part of stacked buffers."""
        views = {f.name: getattr(self, f.name)[i] for f in fields(self) if f.name != "event"}
        return WorldBuffers(**views, event=self.event[i:i + 1])
