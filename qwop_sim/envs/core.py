"""THE one definition of the environments' actions, observation, reward and episode ends.

Every backend (sim, node, browser) delivers a `qwop_sim.state.RawState` (or anything with the same
attributes); the Gymnasium envs compute everything from it with the functions below, so the three
backends agree by construction. Everything else (the viewer, the PPO code, the parity harness) gets
observations from an env, or calls these functions; none writes its own.

Actions (``action_to_keys``): ``action_mode="multibinary"`` is MultiBinary(4), the flags (Q, W, O, P);
``"discrete"`` is Discrete(16), the game's key mask itself. Either becomes the 4-bit key mask the
backends step with: Q=1, W=2, O=4, P=8 (``qwop_sim.constants.KEYS``, the game's qwop.json).

Observation of ``qwop-v0`` (float32, ``OBS_SIZE`` = 89 components)::

    index            what                                           scaling
    7*i + 0          body i: x - torso x                            / POS_SCALE   (5 units = 0.5 m)
    7*i + 1          body i: y (world units, y down; track top 9.14) / POS_SCALE
    7*i + 2          body i: sin(angle)                             (angle in rad, unwrapped by Box2D)
    7*i + 3          body i: cos(angle)
    7*i + 4          body i: vx                                     / VEL_SCALE   (5 units/s)
    7*i + 5          body i: vy                                     / VEL_SCALE
    7*i + 6          body i: angular velocity                       / ANGVEL_SCALE (5 rad/s)
    84               progress: torso x / PROGRESS_SCALE             (1000 units: 0 at the start line
                                                                     region, 1.0 at the sand pit)
    85, 86           left hip limits in force (lower, upper), rad   (raw: they lie in [-1.5, 1.2])
    87, 88           right hip limits in force (lower, upper), rad

bodies i in ``state_body_order``: 0 torso, 1 head, 2 leftArm, 3 leftForearm, 4 leftThigh,
5 leftCalf, 6 leftFoot, 7 rightArm, 8 rightForearm, 9 rightThigh, 10 rightCalf, 11 rightFoot
(the torso's own relative x, index 0, is always 0). Angles are given as sin/cos because Box2D
angles accumulate without wrapping (a tumbling runner reaches |angle| > 2 pi). The hip limits
depend on the last O/P pressed: they make the observation Markov. On random play 99% of every
scaled component lies within about [-2, 2].

Reward per env step: the torso's forward distance over the step in metres (``state.distance``, the
game's score) divided by the game-clock seconds the step lasted (i.e. the mean forward velocity in
m/s over the step), plus ``fall_penalty`` (default -1) on the step where the runner falls, plus
``finish_bonus`` (default 0) on the step where it lands in the sand pit.

Episode ends: terminated on a fall, on the finish (landing in the sand pit, ``finished``; a fall
after the jump counts as a landing, so as a finish, not a fall) and when the score goes back past
``BACKWARD_LIMIT_M`` (-10 m). Truncation (time limit) is the env's business (qwop_env.py).
"""
from __future__ import annotations

from typing import Any

import numpy as np

from qwop_sim.constants import BODY_ORDER, C, CLOCK_PER_FRAME, KEYS, N_BODIES

# ---- actions -------------------------------------------------------------------------------------
ACTION_MODES = ("multibinary", "discrete")
# the key bit of each MultiBinary flag, in the flags' order (Q, W, O, P)
KEY_WEIGHTS = np.array([KEYS["Q"], KEYS["W"], KEYS["O"], KEYS["P"]], dtype=np.int64)


def action_to_keys(action: Any, action_mode: str) -> int:
    """The 4-bit key mask of one action of the env's action space (``action_mode``, see the module
    doc), with a clear error (naming the space) for anything outside it."""
    a = np.asarray(action)
    if action_mode == "discrete":
        if a.shape != () or a.dtype.kind not in "iu":
            raise TypeError(f"action must be an int in [0, 16) for Discrete(16), got {action!r}")
        k = int(a)
        if not 0 <= k < 16:
            raise ValueError(f"action {k} is outside Discrete(16)")
        return k
    if action_mode != "multibinary":
        raise ValueError(f"action_mode must be one of {ACTION_MODES}, got {action_mode!r}")
    if a.shape != (4,):
        raise ValueError(f"action must have shape (4,) (Q, W, O, P) for MultiBinary(4), got shape {a.shape}")
    # Floats are accepted when exactly 0 or 1, as Gymnasium's MultiBinary.contains does (SB3
    # and others send float32 actions); anything else numeric is outside the space.
    if a.dtype.kind not in "biuf":
        raise TypeError(f"action must be numbers 0/1 for MultiBinary(4), got dtype {a.dtype}")
    q, w, o, p = a.tolist()
    if not (q in (0, 1) and w in (0, 1) and o in (0, 1) and p in (0, 1)):
        raise ValueError(f"action values must be 0 or 1 for MultiBinary(4), got {a.tolist()}")
    return int(q) * KEYS["Q"] | int(w) * KEYS["W"] | int(o) * KEYS["O"] | int(p) * KEYS["P"]


# ---- documented scaling constants ----------------------------------------------------------------
POS_SCALE = 5.0  # world units: relative x and y are divided by this
VEL_SCALE = 5.0  # world units per second: vx, vy
ANGVEL_SCALE = 5.0  # rad/s
PROGRESS_SCALE = 1000.0  # world units: torso x / 1000 (the sand pit is at x = 1000)
PER_BODY = 7
OBS_SIZE = N_BODIES * PER_BODY + 1 + 4  # 89
OBS_NAMES: tuple[str, ...] = tuple(
    [f"{b}.{f}" for b in BODY_ORDER for f in ("x_rel", "y", "sin", "cos", "vx", "vy", "w")]
    + ["progress", "leftHip.lower", "leftHip.upper", "rightHip.lower", "rightHip.upper"]
)
# bounds of the Box space (generous: the scaled components are ~unit; nothing is clipped below these)
OBS_LOW, OBS_HIGH = -np.inf, np.inf

# ---- rules and env defaults ------------------------------------------------------------------------
BACKWARD_LIMIT_M = -10.0  # terminated when the score (metres) goes below this
FALL_PENALTY = DEFAULT_FALL_PENALTY = -1.0
FINISH_BONUS = DEFAULT_FINISH_BONUS = 0.0
DEFAULT_FRAME_SKIP = 2  # game frames per env step
SAND_PIT_M = C["rules"]["sand_pit_x"] * C["metres_per_unit"]  # 100 m
GAME_FPS = 1.0 / CLOCK_PER_FRAME  # 30
MAX_GAME_FRAMES = 5400  # 3 minutes of game clock: the default time limit
MAX_EPISODE_CLOCK_S = MAX_GAME_FRAMES * CLOCK_PER_FRAME  # 180 s


def check_action_mode_frame_skip(action_mode: Any, frame_skip: Any) -> int:
    """The envs' (QWOPEnv's and QWOPVectorEnv's) check of these two arguments: ValueError unless
    ``action_mode`` is one of ACTION_MODES and ``frame_skip`` an int in 1..10000 (not a bool);
    returns frame_skip as an int."""
    if action_mode not in ACTION_MODES:
        raise ValueError(f"action_mode must be one of {ACTION_MODES}, got {action_mode!r}")
    if isinstance(frame_skip, bool) or not (isinstance(frame_skip, (int, np.integer)) and 1 <= frame_skip <= 10000):
        raise ValueError(f"frame_skip must be an int in 1..10000, got {frame_skip!r}")
    return int(frame_skip)


def default_max_episode_steps(frame_skip: int) -> int:
    """Steps in 3 minutes of game clock: ceil(5400 / frame_skip) (2700 at frame_skip 2)."""
    return -(-MAX_GAME_FRAMES // int(frame_skip))

_SCALE = np.array([1 / POS_SCALE, 1 / POS_SCALE, 1.0, 1.0, 1 / VEL_SCALE, 1 / VEL_SCALE,
                   1 / ANGVEL_SCALE])


def observation(state: Any, out: np.ndarray | None = None) -> np.ndarray:
    """The qwop-v0 observation (float32, (OBS_SIZE,)) of a RawState (or protocol dict)."""
    if isinstance(state, dict):
        bodies = np.asarray(state["bodies"], dtype=np.float64)
        hips = state.get("hip_limits") or None
    else:
        bodies = np.asarray(state.bodies, dtype=np.float64)
        hips = getattr(state, "hip_limits", None)
    return observation_from(bodies, hips, out)


def observation_from(bodies: np.ndarray, hip_limits: Any, out: np.ndarray | None = None) -> np.ndarray:
    """observation() from the (12, 6) bodies array and the hip limits dict (the hot path)."""
    if out is None:
        out = np.empty(OBS_SIZE, dtype=np.float32)
    m = np.empty((N_BODIES, PER_BODY), dtype=np.float64)
    m[:, 0] = bodies[:, 0] - bodies[0, 0]
    m[:, 1] = bodies[:, 1]
    np.sin(bodies[:, 2], out=m[:, 2])
    np.cos(bodies[:, 2], out=m[:, 3])
    m[:, 4:7] = bodies[:, 3:6]
    m *= _SCALE
    out[: N_BODIES * PER_BODY] = m.reshape(-1)
    out[N_BODIES * PER_BODY] = bodies[0, 0] / PROGRESS_SCALE
    if hip_limits is None:
        hip_limits = _INITIAL_HIPS
    lh, rh = hip_limits["leftHip"], hip_limits["rightHip"]
    out[-4:] = (lh[0], lh[1], rh[0], rh[1])
    return out


_joints = {j["name"]: j for j in C["joints"]}
_INITIAL_HIPS = {h: (_joints[h]["lower"], _joints[h]["upper"]) for h in ("leftHip", "rightHip")}


def is_fall(state: Any) -> bool:
    """A fall that ends the race (a fall after the jump is a landing: a finish, see module doc)."""
    return bool(state.fallen) and not bool(state.finished)


def is_finish(state: Any) -> bool:
    return bool(state.finished)


def went_back(state: Any) -> bool:
    return float(state.distance) < BACKWARD_LIMIT_M


def terminated(state: Any) -> bool:
    """True when the episode is over: a fall, the finish, or back past BACKWARD_LIMIT_M."""
    return bool(state.fallen) or bool(state.finished) or float(state.distance) < BACKWARD_LIMIT_M


def reward(prev: Any, state: Any, fall_penalty: float = FALL_PENALTY,
           finish_bonus: float = FINISH_BONUS) -> float:
    """Reward of the env step that went from raw state ``prev`` to ``state`` (module doc)."""
    dt = float(state.clock) - float(prev.clock)
    if dt < CLOCK_PER_FRAME * 0.5:  # the game clock stops at the end; never divide by ~0
        dt = CLOCK_PER_FRAME
    r = (float(state.distance) - float(prev.distance)) / dt
    if is_fall(state) and not is_fall(prev):
        r += fall_penalty
    if is_finish(state) and not is_finish(prev):
        r += finish_bonus
    return r


def info(state: Any) -> dict[str, Any]:
    """The info dict of a step/reset: distance (m), clock (s), frame, fallen, finished, jumped,
    is_success (= finished)."""
    return {
        "distance": float(state.distance),
        "clock": float(state.clock),
        "frame": int(state.frame),
        "fallen": bool(state.fallen),
        "finished": bool(state.finished),
        "jumped": bool(state.jumped),
        "is_success": bool(state.finished),
    }


def to_gray(rgb: np.ndarray) -> np.ndarray:
    """uint8 (H, W) luminance (ITU-R 601 weights, integer arithmetic) of an (H, W, 3) uint8 frame."""
    r = rgb[..., 0].astype(np.uint16)
    g = rgb[..., 1].astype(np.uint16)
    b = rgb[..., 2].astype(np.uint16)
    return ((77 * r + 150 * g + 29 * b + 128) >> 8).astype(np.uint8)


# ---- the same, for a batch of worlds at once (the vector env, qwop_sim/envs/vector.py) -----------
# Each function gives, per world, the floats of its single-state counterpart above (same operations
# in the same order, element by element; tests/qwop_sim/test_vector_env.py checks them bit for bit).
def observations_from(bodies: np.ndarray, hips: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """observation_from() of N worlds: bodies (N, 12, 6), hips (N, 4) = left lower, upper, right
    lower, upper -> float32 (N, OBS_SIZE)."""
    n = bodies.shape[0]
    if out is None:
        out = np.empty((n, OBS_SIZE), dtype=np.float32)
    m = np.empty((n, N_BODIES, PER_BODY), dtype=np.float64)
    m[:, :, 0] = bodies[:, :, 0] - bodies[:, :1, 0]
    m[:, :, 1] = bodies[:, :, 1]
    np.sin(bodies[:, :, 2], out=m[:, :, 2])
    np.cos(bodies[:, :, 2], out=m[:, :, 3])
    m[:, :, 4:7] = bodies[:, :, 3:6]
    m *= _SCALE
    out[:, : N_BODIES * PER_BODY] = m.reshape(n, -1)
    out[:, N_BODIES * PER_BODY] = bodies[:, 0, 0] / PROGRESS_SCALE
    out[:, -4:] = hips
    return out


def hip_row(hip_limits: Any) -> tuple[float, float, float, float]:
    """The 4 hip-limit components of the observation from a hip limits dict (None: the start's)."""
    if hip_limits is None:
        hip_limits = _INITIAL_HIPS
    lh, rh = hip_limits["leftHip"], hip_limits["rightHip"]
    return (lh[0], lh[1], rh[0], rh[1])


def rewards(prev_distance, prev_clock, prev_fall, prev_finished, distance, clock, fallen, finished,
            fall_penalty: float = FALL_PENALTY, finish_bonus: float = FINISH_BONUS) -> np.ndarray:
    """reward() of N env steps from arrays (fall = fallen and not finished, as is_fall)."""
    dt = np.asarray(clock, dtype=np.float64) - prev_clock
    dt[dt < CLOCK_PER_FRAME * 0.5] = CLOCK_PER_FRAME
    r = (np.asarray(distance, dtype=np.float64) - prev_distance) / dt
    fall = np.logical_and(fallen, np.logical_not(finished))
    r[fall & ~np.asarray(prev_fall, dtype=bool)] += fall_penalty
    r[np.asarray(finished, dtype=bool) & ~np.asarray(prev_finished, dtype=bool)] += finish_bonus
    return r


def actions_to_keys(actions: Any, action_mode: str, num_envs: int) -> np.ndarray:
    """action_to_keys() of N actions (one per row) -> int64 (N,), the same checks on the whole batch."""
    a = np.asarray(actions)
    n = num_envs
    if action_mode == "discrete":
        if a.shape != (n,) or a.dtype.kind not in "iu":
            raise ValueError(f"actions must be {n} ints in [0, 16) for Discrete(16), got {actions!r}")
        if ((a < 0) | (a >= 16)).any():
            raise ValueError(f"actions outside Discrete(16): {a.tolist()}")
        return a.astype(np.int64)
    if action_mode != "multibinary":
        raise ValueError(f"action_mode must be one of {ACTION_MODES}, got {action_mode!r}")
    if a.shape != (n, 4):
        raise ValueError(f"actions must have shape ({n}, 4) (Q, W, O, P) for MultiBinary(4), got {a.shape}")
    if a.dtype.kind not in "biuf":
        raise TypeError(f"actions must be numbers 0/1 for MultiBinary(4), got dtype {a.dtype}")
    if not ((a == 0) | (a == 1)).all():  # np.isin's test, without its per-call set-up
        raise ValueError(f"action values must be 0 or 1 for MultiBinary(4), got {a.tolist()}")
    return a.astype(np.int64) @ KEY_WEIGHTS


def terminateds(fallen, finished, distance) -> np.ndarray:
    """terminated() of N worlds."""
    return np.asarray(fallen, dtype=bool) | np.asarray(finished, dtype=bool) | (np.asarray(distance) < BACKWARD_LIMIT_M)
