"""Box2D's position pass as one world runs it: the pass's constants, the poses in and out of
Chipmunk, and the start block's contacts (position_pass.py has the numerical kernels).

After each ``cpSpaceStep`` the world reads the poses (Box2D's: ``p + v dt``), runs the pass
(``position_pass.frame_pass``: limit states, the track's manifolds, the sweeps) and writes the
poses back one step behind (``p = x - v dt``); velocities are untouched. Chipmunk's own contact
correction of the runner (its pending bias velocities) is dropped by ``cpBodyUpdatePosition`` with
dt 0. The track's manifolds are Box2D's own (``position_pass.track_contacts``); the rare contacts
with the start block come from Chipmunk's contact points (``RunnerPass.block_contacts``).
"""
from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
import pymunk
from pymunk._chipmunk_cffi import lib

from qwop_sim.physics import position_pass as _pp
from qwop_sim.physics.buffers import MAX_CONTACTS, WorldBuffers
from qwop_sim.physics.build import CT_TRACK, Track
from qwop_sim.physics.settings import SolverSettings
from qwop_sim.physics.spec import SPEC

__all__ = ["PassConstants", "pass_constants", "RunnerPass", "REACH", "BLOCK_RIGHT", "LEFT_HIP", "RIGHT_HIP"]

DT = SPEC.dt
_JOINTS = {j.name: j for j in SPEC.joints}
_ORDER = [_JOINTS[n] for n in SPEC.joint_solve_order]  # the pass's joints, in Box2D's order
LEFT_HIP, RIGHT_HIP = SPEC.joint_solve_order.index("leftHip"), SPEC.joint_solve_order.index("rightHip")
_INV_MASS = np.array([1.0 / b.mass for b in SPEC.bodies])
_INV_INERTIA = np.array([1.0 / b.moment for b in SPEC.bodies])
# the start block's contacts: only bodies that can reach it (the radius of each box + skin +
# margin) are asked for their arbiters
REACH = np.array([math.hypot(b.half_w, b.half_h) for b in SPEC.bodies]) + 0.07
BLOCK_RIGHT = float(SPEC.start_block.x) + SPEC.start_block.half_w
_STATIC = pymunk.Body.STATIC


class PassConstants(NamedTuple):
    """What position_pass.frame_pass takes besides one world's buffers (numba reads it too)."""
    half: np.ndarray         # (12, 2) half extents
    inv_mass: np.ndarray     # (12,)
    inv_inertia: np.ndarray  # (12,)
    ia: np.ndarray           # (joints,) body A (the limb) per joint, Box2D's solve order
    ib: np.ndarray           # (joints,) body B (the parent)
    anchor_a: np.ndarray     # (joints, 2) local anchors
    anchor_b: np.ndarray
    reference: np.ndarray    # (joints,) reference angles
    top_y: float             # the track's top face
    iterations: int          # qwop.json world.position_iterations
    total_radius: float      # two skins: 2 x SolverSettings.poly_radius (Box2D: 2 b2_polygonRadius)
    baumgarte: float         # qwop.json world.contact_baumgarte
    tile_width: float        # the track as track_contacts takes it: tile width (0: no tiles),
    track_lo: float          # or one box from track_lo to track_hi
    track_hi: float


def pass_constants(st: SolverSettings) -> PassConstants:
    w, lo, hi = (SPEC.tile_width, 0.0, 0.0) if st.track_tiles else (0.0, Track.LO, Track.HI)
    return PassConstants(
        np.array([[b.half_w, b.half_h] for b in SPEC.bodies]), _INV_MASS, _INV_INERTIA,
        np.array([j.ia for j in _ORDER], dtype=np.int64), np.array([j.ib for j in _ORDER], dtype=np.int64),
        np.array([j.anchor_a for j in _ORDER], dtype=np.float64),
        np.array([j.anchor_b for j in _ORDER], dtype=np.float64),
        np.array([j.reference for j in _ORDER], dtype=np.float64),
        float(SPEC.track["top_y"]), SPEC.position_iterations, 2.0 * st.poly_radius,
        SPEC.contact_baumgarte, w, lo, hi)


_upd, _set_p, _set_a = lib.cpBodyUpdatePosition, lib.cpBodySetPosition, lib.cpBodySetAngle


class RunnerPass:
    """One world's position pass, in its buffers (``bind`` it to each new space's runner)."""

    def __init__(self, buffers: WorldBuffers, reader, st: SolverSettings):
        self.k = pass_constants(st)
        self.buffers = buffers
        self.reader = reader  # step_shift.Reader of the world's raw rows
        self.radius = st.poly_radius
        self.raw = buffers.raw
        self.valid = False    # x holds Box2D's poses at the start of the next step
        self.n_contacts = 0

    def bind(self, runner, space_ptr) -> None:
        """A new space: its runner (build.Runner); the buffers zeroed as new ones would be."""
        b = self.buffers
        for a in (b.x, b.p, b.lo, b.hi, b.state, b.contacts):
            a[...] = 0
        self.space_ptr = space_ptr
        self.bodies = runner.bodies
        self.ptrs = [body._body for body in runner.bodies]
        self.limits = [runner.limits[n] for n in SPEC.joint_solve_order]
        self.valid = False
        self.n_contacts = 0
        self.visit = self._contact_row  # bound once (each_arbiter callback)
        self.refresh_limits()

    def refresh_limits(self) -> None:
        """Copy the joint limits into the pass's arrays (after every limit change)."""
        lo, hi = self.buffers.lo, self.buffers.hi
        for i, lim in enumerate(self.limits):
            lo[i], hi[i] = lim.min, lim.max

    def read_poses(self) -> None:
        """Box2D's poses (x, y, angle) of the runner now: Chipmunk's + v dt (step_shift.py)."""
        self.reader.get(self.space_ptr)
        raw = self.raw[:len(self.ptrs)]
        x = self.buffers.x
        np.multiply(raw[:, 3:6], DT, out=x)
        x += raw[:, :3]
        self.valid = True

    def run(self) -> None:
        """The pass on the poses after the step, written back one step behind; x holds Box2D's
        poses at the start of the step on entry (the limit states are taken there), after the
        pass on exit."""
        self.reader.get(self.space_ptr)
        n_block = self.block_contacts()
        k, b = self.k, self.buffers
        p = b.p
        self.n_contacts = _pp.frame_pass(
            self.raw, b.x, p, DT, k.half, k.inv_mass, k.inv_inertia, k.ia, k.ib, k.anchor_a, k.anchor_b,
            k.reference, b.lo, b.hi, b.state, b.contacts, n_block, k.top_y, k.tile_width, k.track_lo,
            k.track_hi, k.iterations, k.total_radius, k.baumgarte)
        for ptr, (px, py, a) in zip(self.ptrs, p.tolist()):
            _upd(ptr, 0.0)  # drops Chipmunk's pending contact correction (bias velocities)
            _set_p(ptr, (px, py))
            _set_a(ptr, a)

    def block_contacts(self) -> int:
        """The runner's contacts with the start block in this step, as Box2D manifold rows
        (the track's are Box2D's own clipping, in position_pass.track_contacts).

        Rarely any (a runner falling backwards): Chipmunk's contact points, found at Box2D's
        pose of the start of the step (where Chipmunk's bodies are now, raw): the runner's
        corner (its surface point moved in by the skin) as a point fixed in the body's frame, the
        block's face as a plane. Returns the number of rows."""
        self.n_contacts = 0
        back = self.raw[:len(self.ptrs), 0] - REACH <= BLOCK_RIGHT
        if back.any():
            for i in np.flatnonzero(back).tolist():
                self._body = i
                self.bodies[i].each_arbiter(self.visit)
        return self.n_contacts

    def _contact_row(self, arb) -> None:
        ba, bb = arb.bodies
        runner_is_b = ba.body_type == _STATIC
        if runner_is_b == (bb.body_type == _STATIC) or self.n_contacts >= MAX_CONTACTS:
            return  # not a runner-static contact (the hurdle's are Chipmunk's), or no room
        sa, sb = arb.shapes
        if (sa if runner_is_b else sb).collision_type == CT_TRACK:
            return  # the track's contacts come from track_contacts
        ps = arb.contact_point_set
        n = ps.normal
        nx, ny = (n.x, n.y) if runner_is_b else (-n.x, -n.y)  # from the static face to the runner
        i = self._body
        row = self.buffers.contacts[self.n_contacts]
        px, py, a = self.raw[i, 0], self.raw[i, 1], self.raw[i, 2]
        c, s = math.cos(a), math.sin(a)
        ratio = _INV_INERTIA[i] / _INV_MASS[i]
        r = self.radius
        q = 0
        for cp in ps.points[:2]:
            on_runner, on_static = (cp.point_b, cp.point_a) if runner_is_b else (cp.point_a, cp.point_b)
            dx, dy = on_runner.x + r * nx - px, on_runner.y + r * ny - py  # the corner, from the centre
            rn = dx * ny - dy * nx
            row[4 + 4 * q] = c * dx + s * dy
            row[5 + 4 * q] = -s * dx + c * dy
            row[6 + 4 * q] = (on_static.x - r * nx) * nx + (on_static.y - r * ny) * ny
            row[7 + 4 * q] = 1.0 / (1.0 + ratio * rn * rn)
            q += 1
        if q:
            row[0], row[1], row[2], row[3] = i, nx, ny, q
            self.n_contacts += 1
