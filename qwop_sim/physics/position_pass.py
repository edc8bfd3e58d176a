"""Box2D's position pass for the runner, run after each Chipmunk step.

Box2D (the game) corrects contact and joint errors *in position*, after the velocities are solved
and the bodies moved: up to ``position_iterations`` sweeps, each over

1. the runner's contacts with the static world (track tiles, start block), as
   b2ContactSolver.SolvePositionConstraints: each manifold point pushed out of the reference face
   (qwop.json's contact_baumgarte, 1: the whole overlap beyond the slop, at most 0.2 units) with
   Box2D's *equalised* masses (every body weighs 1, its inertia scaled alike);
2. the joints in island order, each first pulling its two anchors together (the point
   constraint, a 2x2 solve), then pushing its angle back inside the limit it was found at (with
   an accumulated, clamped position impulse), exactly as the game's Box2D 2.0 revolute joint does
   (game/src/qwop.js, ``installBox2D20Revolute``).

The sweeps stop early once every contact and joint is within Box2D's slops. Velocities are not
touched. The track's manifolds are Box2D's own (``track_contacts``); the start block's come from
Chipmunk's contacts of the step (found at Box2D's pose, step_shift.py): the runner's corner as a
point fixed in the runner's frame, the static face as a plane (runner_pass.RunnerPass.block_contacts).

Chipmunk has no such pass: it corrects joints with bias velocities inside the velocity solve. With
this pass on (``SolverSettings.position_pass``) the pivots get no velocity bias and the limits
only a vanishing one (it keeps them active), so the velocity solve is Box2D's and the position
correction is Box2D's: one frame from reset, every key, the sim then equals the game to 1e-16
(see README.md, "Where the 1-frame gap was").

Numba compiles the kernels when it is installed (a dependency of the package: ~4 us a frame; the
first use on a machine compiles for ~2.5 s, later processes load numba's cache in ~0.4 s); without
numba the same functions run as plain Python (~100 us a frame), with identical results (tested).
"""
from __future__ import annotations

import math

import numpy as np

try:  # one definition: the same function, compiled when numba is there
    from numba import njit
except ImportError:  # pragma: no cover - exercised by test_position_pass_pure_python
    def njit(*args, **kwargs):
        if args and callable(args[0]):
            return args[0]
        return lambda f: f

# Box2D 2.1a's b2Settings (the game's engine)
LINEAR_SLOP = 0.005
ANGULAR_SLOP = 2.0 / 180.0 * math.pi
MAX_ANGULAR_CORRECTION = 8.0 / 180.0 * math.pi

MAX_LINEAR_CORRECTION = 0.2
# The contact skins (total_radius: a runner box's and the track's, Box2D's 2 b2_polygonRadius) and
# the contact correction factor (baumgarte: qwop.json world.contact_baumgarte) are arguments: the
# port's SolverSettings.poly_radius and the game's qwop.json (runner_pass.pass_constants).
# one contact constraint: body, normal (static -> runner), point count, then per point the
# corner in the body's frame, the plane offset (normal . point on the static face) and the
# equalised mass: CONTACT_COLUMNS floats (the body index stored as a float)
CONTACT_COLUMNS = 12

# limit states (Box2D's b2Joint.e_*Limit)
INACTIVE, AT_LOWER, AT_UPPER, EQUAL = 0, 1, 2, 3


@njit(cache=True)
def limit_states(x0: np.ndarray, ia: np.ndarray, ib: np.ndarray, lower: np.ndarray, upper: np.ndarray,
                 out: np.ndarray) -> None:
    """Box2D's InitVelocityConstraints: where each joint's limit stands at the start of the step.

    x0: (bodies, >=3) Box2D poses (x, y, angle) at the start of the step; lower/upper: the limits
    as Chipmunk bounds angle(b) - angle(a) (reference included; +-inf: limit off)."""
    for j in range(ia.shape[0]):
        lo, hi = lower[j], upper[j]
        if not (math.isfinite(lo) and math.isfinite(hi)):
            out[j] = INACTIVE
            continue
        angle = x0[ib[j], 2] - x0[ia[j], 2]
        if abs(hi - lo) < 2.0 * ANGULAR_SLOP:
            out[j] = EQUAL
        elif angle <= lo:
            out[j] = AT_LOWER
        elif angle >= hi:
            out[j] = AT_UPPER
        else:
            out[j] = INACTIVE


@njit(cache=True)
def solve_positions(x: np.ndarray, inv_mass: np.ndarray, inv_inertia: np.ndarray, ia: np.ndarray,
                    ib: np.ndarray, anchor_a: np.ndarray, anchor_b: np.ndarray, reference: np.ndarray,
                    lower: np.ndarray, upper: np.ndarray, state: np.ndarray, contacts: np.ndarray,
                    n_contacts: int, iterations: int, total_radius: float, baumgarte: float) -> int:
    """Box2D's position iterations: contacts, then joints, ``iterations`` sweeps with the early exit.

    x: (bodies, >=3) Box2D poses (x, y, angle), corrected in place. Joint j links body ia[j]
    (Box2D's A, the limb) to ib[j] (B); anchor_a/anchor_b: (joints, 2) local anchors (centre of
    mass at the body origin); reference: Box2D's reference angles (lower/upper include them).
    contacts: (>= n_contacts, CONTACT_COLUMNS) rows, see CONTACT_COLUMNS; total_radius: the two
    skins a contact keeps apart; baumgarte: the fraction of an overlap corrected per sweep.
    Returns the number of sweeps run."""
    n = ia.shape[0]
    limit_impulse = np.zeros(n)
    for it in range(iterations):
        # 1. contacts (b2ContactSolver.SolvePositionConstraints, equalised masses)
        min_separation = 0.0
        for k in range(n_contacts):
            row = contacts[k]
            i = int(row[0])
            nx, ny = row[1], row[2]
            mass_ratio = inv_inertia[i] / inv_mass[i]  # equalised: invMass 1, invI = m / I
            for q in range(int(row[3])):
                lx, ly, plane, eq_mass = row[4 + 4 * q], row[5 + 4 * q], row[6 + 4 * q], row[7 + 4 * q]
                c, s = math.cos(x[i, 2]), math.sin(x[i, 2])
                rx = c * lx - s * ly
                ry = s * lx + c * ly
                separation = (x[i, 0] + rx) * nx + (x[i, 1] + ry) * ny - plane - total_radius
                if separation < min_separation:
                    min_separation = separation
                corr = min(max(baumgarte * (separation + LINEAR_SLOP), -MAX_LINEAR_CORRECTION), 0.0)
                impulse = -eq_mass * corr
                px, py = impulse * nx, impulse * ny
                x[i, 0] += px
                x[i, 1] += py
                x[i, 2] += mass_ratio * (rx * py - ry * px)
        ok = min_separation > -1.5 * LINEAR_SLOP
        # 2. joints
        for j in range(n):
            a, b = ia[j], ib[j]
            ma, mb, ja, jb = inv_mass[a], inv_mass[b], inv_inertia[a], inv_inertia[b]
            ca, sa = math.cos(x[a, 2]), math.sin(x[a, 2])
            cb, sb = math.cos(x[b, 2]), math.sin(x[b, 2])
            r1x = ca * anchor_a[j, 0] - sa * anchor_a[j, 1]
            r1y = sa * anchor_a[j, 0] + ca * anchor_a[j, 1]
            r2x = cb * anchor_b[j, 0] - sb * anchor_b[j, 1]
            r2y = sb * anchor_b[j, 0] + cb * anchor_b[j, 1]
            # 1. point to point: K P = -C (Cramer's rule, as b2Mat22.Solve)
            cx = x[b, 0] + r2x - x[a, 0] - r1x
            cy = x[b, 1] + r2y - x[a, 1] - r1y
            position_error = math.sqrt(cx * cx + cy * cy)
            m = ma + mb
            k11 = m + ja * r1y * r1y + jb * r2y * r2y
            k12 = -ja * r1x * r1y - jb * r2x * r2y
            k22 = m + ja * r1x * r1x + jb * r2x * r2x
            det = k11 * k22 - k12 * k12
            if det != 0.0:
                det = 1.0 / det
            px = det * (k22 * -cx - k12 * -cy)
            py = det * (k11 * -cy - k12 * -cx)
            x[a, 0] -= ma * px
            x[a, 1] -= ma * py
            x[a, 2] -= ja * (r1x * py - r1y * px)
            x[b, 0] += mb * px
            x[b, 1] += mb * py
            x[b, 2] += jb * (r2x * py - r2y * px)
            # 2. limit, at the state found at the start of the step
            angular_error = 0.0
            s = state[j]
            if s != INACTIVE:
                motor_mass = 1.0 / (ja + jb)
                angle = x[b, 2] - x[a, 2]
                if s == EQUAL:
                    # Box2D 2.0 drives equal limits to the reference angle itself (as the game)
                    c = min(max(angle - reference[j], -MAX_ANGULAR_CORRECTION), MAX_ANGULAR_CORRECTION)
                    impulse = -motor_mass * c
                    angular_error = abs(c)
                elif s == AT_LOWER:
                    c = angle - lower[j]
                    angular_error = max(0.0, -c)
                    c = min(max(c + ANGULAR_SLOP, -MAX_ANGULAR_CORRECTION), 0.0)
                    old = limit_impulse[j]
                    limit_impulse[j] = max(old - motor_mass * c, 0.0)
                    impulse = limit_impulse[j] - old
                else:
                    c = angle - upper[j]
                    angular_error = max(0.0, c)
                    c = min(max(c - ANGULAR_SLOP, 0.0), MAX_ANGULAR_CORRECTION)
                    old = limit_impulse[j]
                    limit_impulse[j] = min(old - motor_mass * c, 0.0)
                    impulse = limit_impulse[j] - old
                x[a, 2] -= ja * impulse
                x[b, 2] += jb * impulse
            ok = ok and position_error <= LINEAR_SLOP and angular_error <= ANGULAR_SLOP
        if ok:
            return it + 1
    return iterations


@njit(cache=True)
def track_contacts(p: np.ndarray, half: np.ndarray, inv_mass: np.ndarray, inv_inertia: np.ndarray,
                   top_y: float, tile_width: float, track_lo: float, track_hi: float, contacts: np.ndarray,
                   n_contacts: int, total_radius: float) -> int:
    """Box2D's manifolds of the runner's boxes against the track's top face (b2CollidePolygons).

    p: (bodies, >=3) poses at collision time (the start of the step); half: (bodies, 2) half
    extents. The track is tiles of ``tile_width`` centred at x = k tile_width (or, with
    tile_width 0, one box from track_lo to track_hi), each its own contact, fixture A (created
    first), its top face the reference face (a runner box's own face never is: the tiles are
    16 units wide, so their far corners put Box2D's other axis far behind). The incident edge
    is the runner box edge facing down most, clipped to the tile's sides (+ both skins,
    ``total_radius``); points within the skins of the face are kept. Appends rows to
    ``contacts`` from ``n_contacts``; returns the new count."""
    # the reference face: normal (0, -1) (out of the track, y grows down), plane y = top_y
    nx, ny = 0.0, -1.0
    front = -top_y
    max_rows = contacts.shape[0]
    vx = np.empty(4)  # one box's vertices, reused for every body
    vy = np.empty(4)
    for i in range(p.shape[0]):
        c, s = math.cos(p[i, 2]), math.sin(p[i, 2])
        hx, hy = half[i, 0], half[i, 1]
        # box vertices in Box2D's SetAsBox order, and its edge normals (edge e: v[e] -> v[e+1])
        for v in range(4):
            lx = -hx if v == 0 or v == 3 else hx
            ly = -hy if v < 2 else hy
            vx[v] = p[i, 0] + c * lx - s * ly
            vy[v] = p[i, 1] + s * lx + c * ly
        if max(vy[0], vy[1], vy[2], vy[3]) < top_y - total_radius:
            continue  # above the track's skin: no manifold point possible
        # incident edge: the smallest normal . reference normal (first of equals), Box2D's loop
        best, edge = 1e300, 0
        for e in range(4):
            # local edge normals (0,-1), (1,0), (0,1), (-1,0), rotated
            lnx = 0.0 if e % 2 == 0 else (1.0 if e == 1 else -1.0)
            lny = (-1.0 if e == 0 else 1.0) if e % 2 == 0 else 0.0
            d = (c * lnx - s * lny) * nx + (s * lnx + c * lny) * ny
            if d < best:
                best, edge = d, e
        e2 = (edge + 1) % 4
        ax, ay, bx, by = vx[edge], vy[edge], vx[e2], vy[e2]
        if tile_width > 0.0:
            k_lo = math.floor((min(ax, bx) - total_radius) / tile_width + 0.5)
            k_hi = math.floor((max(ax, bx) + total_radius) / tile_width + 0.5)
        else:
            k_lo, k_hi = 0, 0
        for k in range(k_lo, k_hi + 1):
            if n_contacts >= max_rows:
                return n_contacts
            if tile_width > 0.0:
                x0, x1 = (k - 0.5) * tile_width, (k + 0.5) * tile_width
            else:
                x0, x1 = track_lo, track_hi
            # ClipSegmentToLine against -tangent (x >= x0 - R), then +tangent (x <= x1 + R)
            px0, py0, px1, py1, ok = _clip(ax, ay, bx, by, -1.0, -x0 + total_radius)
            if not ok:
                continue
            px0, py0, px1, py1, ok = _clip(px0, py0, px1, py1, 1.0, x1 + total_radius)
            if not ok:
                continue
            row = contacts[n_contacts]
            q = 0
            ratio = inv_inertia[i] / inv_mass[i]
            for (qx, qy) in ((px0, py0), (px1, py1)):
                if qx * nx + qy * ny - front <= total_radius:
                    dx, dy = qx - p[i, 0], qy - p[i, 1]
                    rn = dx * ny - dy * nx
                    row[4 + 4 * q] = c * dx + s * dy      # the point in the body's frame
                    row[5 + 4 * q] = -s * dx + c * dy
                    row[6 + 4 * q] = front
                    row[7 + 4 * q] = 1.0 / (1.0 + ratio * rn * rn)  # static A: equalised mass
                    q += 1
            if q:
                row[0], row[1], row[2], row[3] = i, nx, ny, q
                n_contacts += 1
    return n_contacts


@njit(cache=True)
def _clip(ax, ay, bx, by, tx, offset):
    """Box2D's ClipSegmentToLine for a horizontal tangent (tx = +-1): both points kept (the
    ones inside first, then the crossing), or ok = False when fewer than two remain."""
    d0 = tx * ax - offset
    d1 = tx * bx - offset
    if d0 <= 0.0 and d1 <= 0.0:
        return ax, ay, bx, by, True
    if d0 * d1 < 0.0:  # one end inside: it, then the crossing
        t = d0 / (d0 - d1)
        cx, cy = ax + t * (bx - ax), ay + t * (by - ay)
        if d0 <= 0.0:
            return ax, ay, cx, cy, True
        return bx, by, cx, cy, True
    return 0.0, 0.0, 0.0, 0.0, False


@njit(cache=True)
def frame_pass(raw: np.ndarray, x: np.ndarray, p_out: np.ndarray, dt: float, half: np.ndarray,
               inv_mass: np.ndarray, inv_inertia: np.ndarray, ia: np.ndarray, ib: np.ndarray,
               anchor_a: np.ndarray, anchor_b: np.ndarray, reference: np.ndarray, lower: np.ndarray,
               upper: np.ndarray, state: np.ndarray, contacts: np.ndarray, n_contacts: int, top_y: float,
               tile_width: float, track_lo: float, track_hi: float, iterations: int, total_radius: float,
               baumgarte: float) -> int:
    """One frame's pass in one call (runner_pass.RunnerPass.run), after Chipmunk's step.

    raw: (>= bodies, 6) Chipmunk's p, angle, v, w after the step (p = the pose the step collided
    at); x: (bodies, 3) in: Box2D's poses at the start of the step, out: after the pass; p_out:
    (bodies, 3) the poses to give Chipmunk back (x - v dt). Contacts already in ``contacts``
    (``n_contacts`` rows, the start block's) come first. Returns the number of contacts."""
    nb = x.shape[0]
    limit_states(x, ia, ib, lower, upper, state)
    n = track_contacts(raw[:nb], half, inv_mass, inv_inertia, top_y, tile_width, track_lo, track_hi,
                       contacts, n_contacts, total_radius)
    for i in range(nb):
        for k in range(3):
            x[i, k] = raw[i, k] + raw[i, 3 + k] * dt
    solve_positions(x, inv_mass, inv_inertia, ia, ib, anchor_a, anchor_b, reference, lower, upper, state,
                    contacts, n, iterations, total_radius, baumgarte)
    for i in range(nb):
        for k in range(3):
            p_out[i, k] = x[i, k] + raw[i, 3 + k] * -dt
    return n
