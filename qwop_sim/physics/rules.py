"""The game's rules that fire on contacts, and what the game's end switches off (qwop.json
``rules``; game/src/qwop.js ``makeListener``, ``onFall``, ``onFoot``, ``applyEndOfGame``).

* Track against a fall part (head, arms, forearms): the game ends, fallen. A fall after the jump
  but before the landing counts as landed (fallen and finished both set), scored at the contact.
* Track against a foot (with qwop.json's ``foot_quirk_only_left``, the original's quirk: only the
  left foot): past ``jump_x`` the runner has jumped; after the jump, past ``sand_pit_x``, landed
  (finished), scored at the contact point's x / 10. Otherwise the score follows the torso (world).
* At the game end (``rules.end_of_game``): hip motors off (limits kept), knee and shoulder motors
  and limits off, switched off in place (constraints never leave the space, so their solve order
  is stable).

The rules run in Chipmunk's begin callbacks, inside ``cpSpaceStep``; they set the world's flags and
its event flag (``QWOPBatch`` polls it). During QWOPSim's warm-up solve they are deferred.
"""
from __future__ import annotations

import math

from qwop_sim.physics.build import CT_FALL, CT_FOOT, CT_TRACK
from qwop_sim.physics.spec import SPEC

__all__ = ["install", "fall", "foot", "end_game"]

_MPU = SPEC.metres_per_unit
_JUMP_X, _PIT_X = SPEC.jump_x, SPEC.pit_x
_HIPS = ("leftHip", "rightHip")
_KNEES_SHOULDERS = ("leftKnee", "rightKnee", "leftShoulder", "rightShoulder")


def contact_x(arb) -> float:
    """The contact's x, as qwop.js takes it: the largest x of its points."""
    pts = arb.contact_point_set.points
    if not pts:
        return -math.inf
    return max(0.5 * (p.point_a.x + p.point_b.x) for p in pts)


def fall(world, where) -> None:
    """A fall part touched the track; ``where``: the arbiter or its contact x (only read after a
    jump, where the fall is a landing)."""
    if world.fallen or world.finished:
        return
    world.fallen = True
    world.event[0] = 1
    if world.jumped:
        world.finished = True
        x = where if isinstance(where, float) else contact_x(where)
        world.distance = x * _MPU


def foot(world, x: float) -> None:
    """A rule foot touched the track at x."""
    if world.finished or world.fallen:
        return
    if world.jumped:
        if x > _PIT_X:
            world.finished = True
            world.event[0] = 1
            world.distance = x * _MPU
    elif x > _JUMP_X:
        world.jumped = True
        world.event[0] = 1


def install(world, space, feet) -> None:
    """The begin callbacks of ``world``'s new ``space``; ``feet``: its rule feet's bodies."""

    def on_fall(arb, space, data) -> None:
        if world.warming:
            world.deferred.append((fall, contact_x(arb)))
            return
        fall(world, arb if world.jumped else None)

    def on_foot(arb, space, data) -> None:
        if world.warming:
            world.deferred.append((foot, contact_x(arb)))
            return
        if world.finished or world.fallen:
            return
        # cheap early exit: every rule foot far from the pit (a contact is within a foot's size)
        if not world.jumped and all(b.position.x < _JUMP_X - 3.0 for b in feet):
            return
        foot(world, contact_x(arb))

    space.on_collision(CT_TRACK, CT_FALL, begin=on_fall)
    if feet:
        space.on_collision(CT_TRACK, CT_FOOT, begin=on_foot)


def end_game(world) -> None:
    """Switch off what qwop.json rules.end_of_game says (once)."""
    if world.ended:
        return
    world.ended = True
    if SPEC.end_hip_motors_off:
        for n in _HIPS:
            world.motors[n].max_force = 0.0  # motor off, limit kept
    if SPEC.end_knee_shoulder_off:
        for n in _KNEES_SHOULDERS:
            world.motors[n].max_force = 0.0
            lim = world.limits[n]
            lim.min, lim.max = -math.inf, math.inf
    world.runner_pass.refresh_limits()
