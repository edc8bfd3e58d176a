"""Box2D's and Chipmunk's steps are half a step apart: the port keeps Chipmunk one step behind.

Box2D 2.1a, per step: collide at the current positions (contact *begin* events fire here), add
gravity and forces to the velocities, solve velocities, then ``x += v * dt`` and a position
correction. Chipmunk, per step: ``x += (v + v_bias) * dt`` with the *old* velocity first, then
collide, then gravity/forces and the velocity solve. Both are symplectic Euler, shifted by half a
step. The port keeps Chipmunk's internal position one step behind:

    chipmunk position p = box2d position x - v * dt      (same for the angle)

so that Chipmunk's opening ``p += v * dt`` lands exactly on Box2D's x, the collision (and the
contact begin callbacks) happen at Box2D's x, the velocity solve runs there, and the state
reported after the step is ``p + v_new * dt``: Box2D's ``x + v_new * dt``. No extra work per step:
the read-out adds ``v * dt`` (``TO_BOX2D``, one matmul for all bodies), ``put_bodies`` applies the
inverse shift.

The read-out (``Reader``) is pymunk.batch's C iterator (``cpSpaceEachBody`` +
``pmSpaceBodyGetIteratorFuncBatched``), called directly with a reused ``pmBatchedData`` whose float
array points into a numpy buffer of ours: no allocation per step.
"""
from __future__ import annotations

import numpy as np
import pymunk.batch
from pymunk._chipmunk_cffi import ffi, lib

from qwop_sim.physics.spec import SPEC

__all__ = ["RAW_ROWS", "TO_BOX2D", "Reader", "put_bodies", "box2d_row"]

DT = SPEC.dt
N_BODIES = len(SPEC.bodies)
# rows read per world: runner (12, first: added first, never asleep), then the awake hurdle or
# the space's static body, then the sleeping hurdle: at most 15 bodies, plus head room: the C
# iterator reallocs a full array, which must never happen to numpy memory (Reader.intact)
RAW_ROWS = N_BODIES + 3 + 2

# reported (Box2D) rows = Chipmunk rows (x, y, angle, vx, vy, w) with x += vx dt ...: row @ TO_BOX2D
TO_BOX2D = np.eye(6)
TO_BOX2D[3, 0] = TO_BOX2D[4, 1] = TO_BOX2D[5, 2] = DT
TO_BOX2D.flags.writeable = False

_FIELDS = (pymunk.batch.BodyFields.POSITION | pymunk.batch.BodyFields.ANGLE
           | pymunk.batch.BodyFields.VELOCITY | pymunk.batch.BodyFields.ANGULAR_VELOCITY).value
_GET_FUNC = ffi.addressof(lib, "pmSpaceBodyGetIteratorFuncBatched")


class Reader:
    """Reads every body of a space into ``raw`` ((RAW_ROWS, 6) float64, Chipmunk's rows, in the
    order the bodies were added) in one C call."""

    __slots__ = ("raw", "_keep", "farr", "data", "_iarr")

    def __init__(self, raw: np.ndarray):
        assert raw.shape == (RAW_ROWS, 6) and raw.dtype == np.float64 and raw.flags.c_contiguous
        self.raw = raw
        self._keep = ffi.from_buffer("cpFloat[]", raw)
        # farr and data are fixed for the reader's life: QWOPBatch's kernel takes their addresses
        self.farr = ffi.new("pmFloatArray *")
        self.farr.arr = self._keep
        self.farr.max = RAW_ROWS * 6
        self.farr.num = 0
        self._iarr = ffi.new("pmIntArray *")
        self._iarr.arr = ffi.NULL
        self.data = ffi.new("pmBatchedData *")
        self.data.fields = _FIELDS
        self.data.floatArray = self.farr
        self.data.intArray = self._iarr

    def get(self, space_ptr) -> None:
        self.farr.num = 0
        lib.cpSpaceEachBody(space_ptr, _GET_FUNC, self.data)

    def intact(self) -> bool:
        """True while the C array still writes into ``raw`` (never reallocated)."""
        return self.farr.arr == self._keep and self.farr.max == RAW_ROWS * 6


def put_bodies(bodies, rows: np.ndarray) -> None:
    """Set pymunk ``bodies`` to the Box2D rows (x, y, angle, vx, vy, w): Chipmunk one step behind."""
    for body, (x, y, a, vx, vy, w) in zip(bodies, rows.tolist()):
        body.position = (x - vx * DT, y - vy * DT)
        body.angle = a - w * DT
        body.velocity = (vx, vy)
        body.angular_velocity = w


def box2d_row(body) -> list[float]:
    """The Box2D row (x, y, angle, vx, vy, w) of a pymunk body."""
    (x, y), (vx, vy), a, w = body.position, body.velocity, body.angle, body.angular_velocity
    return [x + vx * DT, y + vy * DT, a + w * DT, vx, vy, w]
