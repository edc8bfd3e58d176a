"""Parity harness: measures the simulator (qwop_sim.physics) against the game (game/src/qwop.js).

Importable by the tests (tests/parity/test_*.py) and by the report (``python -m tests.parity``).
Four levels, each a function returning plain numbers (dicts / numpy arrays):

- step level (`step_level`): start states taken from the game along the recorded key sequences and
  random trajectories; the sim is put in each (``set_state``) and so is the game, both step the same
  keys for 25 frames; errors after 1, 5 and 25 frames (position: max over bodies of the euclidean
  error of (x, y); angle: max over bodies of |d angle|; velocity: max over bodies of the euclidean
  error of (vx, vy); angular velocity: max over bodies of |d w|).
- episode level (`episode_level`): key sequences played from reset on both (random holds with
  several seeds, the periodic gaits of the shared recordings started after 0..N idle frames, policy
  checkpoints closed loop); fall / no fall, frame of the end, distance and clock at the end.
- environment level (`env_level`): the game's set_state round trip is exact, qwop_sim.envs.core gives
  identical observations / rewards for the state each backend reports, and the sim's frames of a
  state against the browser canvas's (mean absolute pixel difference).
- game against the real QWOP (`game_fidelity`): game/scripts/fidelity.js's figures, plus the same
  figure for the sim (replaying the recordings through QWOPSim).

The game is driven only through ``qwop_sim.backends`` (NodeBackend, BrowserBackend); the sim side
of the physics comparisons is ``qwop_sim.physics.QWOPSim`` itself (the thing measured).
"""
from __future__ import annotations

import json
import math
import subprocess
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import numpy as np

from qwop_sim.constants import CLOCK_PER_FRAME, N_BODIES
from qwop_sim.reference import load_reference, reference_path
from qwop_sim.state import RawState

REPO = Path(__file__).resolve().parents[2]
GAME_DIR = REPO / "game"
HORIZONS = (1, 5, 25)
MAX_H = max(HORIZONS)


_REF: dict | None = None


def reference() -> dict:
    """The real-game recordings (cached): {'sequences': {name: {'keys': [...], 'frames': [...]}}}."""
    global _REF
    if _REF is None:
        _REF = load_reference()
    return _REF


def recorded_keys() -> dict[str, list[int]]:
    return {n: [int(k) for k in s["keys"]] for n, s in reference()["sequences"].items()}


def smallest_period(keys: Sequence[int], max_period: int = 64) -> int | None:
    n = len(keys)
    for p in range(1, min(max_period, n // 2) + 1):
        if all(keys[i] == keys[i % p] for i in range(n)):
            return p
    return None


def periodic_gaits() -> dict[str, list[int]]:
    """The recorded sequences that repeat a non-constant key pattern (gait_d, the alternations):
    name -> one period of keys."""
    out = {}
    for n, k in recorded_keys().items():
        p = smallest_period(k)
        if p is not None and p > 1:
            out[n] = k[:p]
    return out


def random_keys(seed: int, n_frames: int, hold: tuple[int, int] = (1, 15)) -> list[int]:
    """Random keys (0..15), each held a uniform random 1..15 frames; one entry per frame."""
    rng = np.random.default_rng(seed)
    out: list[int] = []
    while len(out) < n_frames:
        out += [int(rng.integers(0, 16))] * int(rng.integers(hold[0], hold[1] + 1))
    return out[:n_frames]


def runs(keys: Sequence[int]) -> list[tuple[int, int]]:
    """Run-length encoding [(keys, frames), ...] (for the protocol's `steps`)."""
    out: list[list[int]] = []
    for k in keys:
        if out and out[-1][0] == k:
            out[-1][1] += 1
        else:
            out.append([int(k), 1])
    return [(k, n) for k, n in out]


# ---- backends ---------------------------------------------------------------------------------
def open_backend(kind: str, **kw):
    """A backend from qwop_sim.backends: 'node' (headless game in the server), 'browser' (the page
    in headless chromium) or 'sim' (SimBackend). BackendError (a RuntimeError) when it cannot run
    here (no node, no chromium, no 'game' extra)."""
    from qwop_sim.backends import make_backend

    return make_backend(kind, **kw)


@contextmanager
def backend(kind: str, **kw) -> Iterator[Any]:
    b = open_backend(kind, **kw)
    try:
        yield b
    finally:
        b.close()


def play(b, keys: Sequence[int], states: bool = True) -> list[RawState] | RawState:
    """Step backend `b` through `keys` (one entry per frame) with its batch call `steps` (one round
    trip). states=True: the state after every frame (a list); else only the last state."""
    if not len(keys):
        raise ValueError("no keys")
    if not states:
        return b.steps(runs(keys), states=False)
    out: list[RawState] = []
    for i in range(0, len(keys), 10000):  # protocol: at most 10000 entries with states
        out += b.steps([(int(k), 1) for k in keys[i:i + 10000]], states=True)
    return out


def set_state(b, s: RawState) -> RawState:
    """Put `b` (a backend, or QWOPSim itself) in `s`; returns the state it reports back: a
    backend's echo, QWOPSim's state() (its set_state returns nothing)."""
    r = b.set_state(s)
    return b.state() if r is None else r


# ---- the sim side (QWOPSim itself) -------------------------------------------------------------
def new_sim():
    from qwop_sim.physics import QWOPSim

    return QWOPSim()


def sim_play(sim, keys: Sequence[int]) -> list[RawState]:
    return [sim.step(int(k), 1) for k in keys]


# ---- errors -------------------------------------------------------------------------------------
def body_errors(a: np.ndarray, b: np.ndarray) -> dict[str, float]:
    """Errors between two (12, 6) body arrays: pos (max euclidean x,y), angle (max |d|, wrapped),
    vel (max euclidean vx,vy), angvel (max |d w|)."""
    d = np.asarray(a, np.float64) - np.asarray(b, np.float64)
    ang = np.abs((d[:, 2] + np.pi) % (2 * np.pi) - np.pi)
    return {
        "pos": float(np.max(np.hypot(d[:, 0], d[:, 1]))),
        "angle": float(np.max(ang)),
        "vel": float(np.max(np.hypot(d[:, 3], d[:, 4]))),
        "angvel": float(np.max(np.abs(d[:, 5]))),
    }


QUANTITIES = ("pos", "angle", "vel", "angvel")


def summarise_errors(errs: dict[int, dict[str, list[float]]]) -> dict[int, dict[str, dict[str, float]]]:
    """{h: {q: [errors]}} -> {h: {q: {median, p95, max, n}}}."""
    out = {}
    for h, qs in errs.items():
        out[h] = {}
        for q, v in qs.items():
            a = np.asarray(v, np.float64)
            a = a[np.isfinite(a)] if a.size else a
            out[h][q] = {
                "median": float(np.median(a)) if a.size else math.nan,
                "p95": float(np.percentile(a, 95)) if a.size else math.nan,
                "max": float(np.max(a)) if a.size else math.nan,
                "n": int(a.size),
            }
    return out


# ---- progress -----------------------------------------------------------------------------------
def _progress(total: int, desc: str, enabled: bool):
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover
        return None
    return tqdm(total=total, desc=desc, unit="it", leave=True, dynamic_ncols=True)


class _Bar:
    def __init__(self, total, desc, enabled):
        self.b = _progress(total, desc, enabled)

    def update(self, n=1):
        if self.b is not None:
            self.b.update(n)

    def close(self):
        if self.b is not None:
            self.b.close()


# =================================================================================================
# Step level
# =================================================================================================
@dataclass
class StartState:
    source: str  # the sequence it comes from ('rec:NAME' or 'rand:SEED')
    t: int  # frame index along that sequence
    state: RawState
    keys: list[int]  # the MAX_H keys that follow it (the sequence's own continuation)
    cont: list[RawState] | None = None  # the game's own continuation (without set_state), if known


def collect_start_states(game, per_sequence: int = 4, random_seeds: Iterable[int] = range(4),
                         random_frames: int = 300, per_random: int = 8, stride: int | None = None,
                         progress: bool = False) -> list[StartState]:
    """Start states from the game: along each recorded key sequence (up to `per_sequence` evenly
    spaced frames) and along random trajectories (`per_random` each), skipping ended states.
    The keys after a start state are the sequence's own continuation (the last key held if it
    runs out)."""
    seqs: list[tuple[str, list[int], int]] = [(f"rec:{n}", k, per_sequence) for n, k in recorded_keys().items()]
    seqs += [(f"rand:{s}", random_keys(10_000 + s, random_frames), per_random) for s in random_seeds]
    out: list[StartState] = []
    bar = _Bar(len(seqs), "step level: start states (game)", progress)
    for src, keys, want in seqs:
        start = game.reset()
        states = [start] + play(game, keys, states=True)
        live = [t for t, s in enumerate(states) if not s.done]
        # keep a full horizon of the game's own continuation where we can (diagnostic)
        if live and want:
            idx = np.unique(np.linspace(0, len(live) - 1, num=min(want, len(live))).round().astype(int))
            for i in idx:
                t = live[i]
                cont_keys = [keys[min(t + j, len(keys) - 1)] for j in range(MAX_H)]
                cont = states[t + 1:t + 1 + MAX_H]
                out.append(StartState(src, t, states[t], cont_keys,
                                      cont if len(cont) == MAX_H else None))
        bar.update()
    bar.close()
    return out


@dataclass
class StepLevelResult:
    errors: dict[int, dict[str, list[float]]]  # sim vs game (both after set_state)
    summary: dict[int, dict[str, dict[str, float]]]
    game_self: dict[int, dict[str, dict[str, float]]]  # game after set_state vs game continuing
    n_states: int
    vs_cont: dict[int, dict[str, dict[str, float]]] = field(default_factory=dict)  # sim after set_state vs game continuing
    worst: list[dict] = field(default_factory=list)  # the start states with the largest errors


def step_level(game, starts: list[StartState], sim=None, progress: bool = False) -> StepLevelResult:
    """Put the game and the sim in each start state, step both MAX_H frames with the same keys,
    compare after each horizon."""
    sim = sim or new_sim()
    errs = {h: {q: [] for q in QUANTITIES} for h in HORIZONS}
    self_errs = {h: {q: [] for q in QUANTITIES} for h in HORIZONS}
    cont_errs = {h: {q: [] for q in QUANTITIES} for h in HORIZONS}
    per_state = []
    bar = _Bar(len(starts), "step level: set_state + 25 frames", progress)
    for st in starts:
        set_state(game, st.state)
        g = play(game, st.keys, states=True)
        sim.set_state(st.state)
        s = sim_play(sim, st.keys)
        row = {"source": st.source, "t": st.t}
        for h in HORIZONS:
            e = body_errors(s[h - 1].bodies, g[h - 1].bodies)
            for q in QUANTITIES:
                errs[h][q].append(e[q])
            row[f"pos@{h}"] = e["pos"]
            if st.cont is not None:
                es = body_errors(g[h - 1].bodies, st.cont[h - 1].bodies)
                ec = body_errors(s[h - 1].bodies, st.cont[h - 1].bodies)
                for q in QUANTITIES:
                    self_errs[h][q].append(es[q])
                    cont_errs[h][q].append(ec[q])
        per_state.append(row)
        bar.update()
    bar.close()
    worst = sorted(per_state, key=lambda r: -r[f"pos@{HORIZONS[0]}"])[:10]
    return StepLevelResult(errors=errs, summary=summarise_errors(errs), game_self=summarise_errors(self_errs),
                           n_states=len(starts), worst=worst, vs_cont=summarise_errors(cont_errs))


# =================================================================================================
# Episode level
# =================================================================================================
@dataclass
class Outcome:
    fallen: bool
    finished: bool
    end_frame: int | None  # frame of the fall / landing (game clock / (1/30)), None if it ran on
    distance: float
    clock: float
    frames: int  # frames played (keys given)

    @classmethod
    def of(cls, s: RawState, frames: int) -> "Outcome":
        end = int(round(s.clock / CLOCK_PER_FRAME)) if s.done else None
        return cls(bool(s.fallen), bool(s.finished), end, float(s.distance), float(s.clock), frames)


@dataclass
class EpisodePair:
    kind: str  # 'random' | 'gait' | 'policy'
    name: str
    sim: Outcome
    game: Outcome


def sim_episode(sim, keys: Sequence[int]) -> Outcome:
    sim.reset()
    for k, n in runs(keys):
        sim.step_fast(k, n)
        if sim.ended:
            break
    return Outcome.of(sim.state(), len(keys))


def game_episode(game, keys: Sequence[int]) -> Outcome:
    game.reset()
    return Outcome.of(play(game, keys, states=False), len(keys))


def policy_episode(b, policy, max_frames: int) -> Outcome:
    """Closed loop: a qwop-v0 policy decides from the state this backend reports, turned into the
    env's observation by qwop_sim.envs.core (as QWOPEnv does), every policy.frame_skip frames, its
    action turned into keys by core too (policy.action_mode) and held in between."""
    from qwop_sim.envs import core

    env_id = getattr(policy, "env_id", None) or "qwop-v0"
    if env_id.split(":")[-1] != "qwop-v0":
        raise ValueError(f"closed loop plays qwop-v0 (state observation) policies, not {env_id}")
    skip = int(getattr(policy, "frame_skip", 1) or 1)
    mode = getattr(policy, "action_mode", "multibinary")
    s = b.reset()
    n = 0
    while n < max_frames and not s.done:
        k = core.action_to_keys(policy(core.observation(s)), mode)
        f = min(skip, max_frames - n)
        s = b.step(k, f)
        n += f
    return Outcome.of(s, n)


def random_episode_keys(seed: int, frames: tuple[int, int] = (30, 300)) -> list[int]:
    """A random-hold key sequence whose length is itself random (uniform in `frames`): long enough
    sequences always fall, so a random length makes fall / no fall a real question."""
    n = int(np.random.default_rng([seed, 1]).integers(frames[0], frames[1] + 1))
    return random_keys(seed, n)


def episode_specs(n_random: int = 100, random_frames: tuple[int, int] = (30, 300), gait_frames: int = 900,
                  gait_delays: int = 8, seed0: int = 0) -> list[tuple[str, str, list[int]]]:
    """(kind, name, keys) for random hold sequences (seeds seed0.., random lengths) and each
    periodic gait started after 0..gait_delays-1 idle frames."""
    specs = [("random", f"seed{seed0 + i}", random_episode_keys(seed0 + i, random_frames))
             for i in range(n_random)]
    for name, period in periodic_gaits().items():
        reps = gait_frames // len(period) + 2
        for d in range(gait_delays):
            specs.append(("gait", f"{name}+{d}", ([0] * d + period * reps)[:gait_frames]))
    return specs


def episode_level(game, specs, sim=None, policies: Sequence[tuple[str, Any]] = (),
                  policy_episodes: int = 3, policy_frames: int = 3000,
                  sim_backend=None, progress: bool = False) -> list[EpisodePair]:
    sim = sim or new_sim()
    out = []
    bar = _Bar(len(specs) + len(policies) * policy_episodes, "episode level", progress)
    for kind, name, keys in specs:
        out.append(EpisodePair(kind, name, sim_episode(sim, keys), game_episode(game, keys)))
        bar.update()
    for pname, pol in policies:
        sb = sim_backend or sim  # QWOPSim has the backend's reset()/step() -> RawState
        for i in range(policy_episodes):
            out.append(EpisodePair("policy", f"{pname}#{i}", policy_episode(sb, pol, policy_frames),
                                   policy_episode(game, pol, policy_frames)))
            bar.update()
    bar.close()
    return out


def episode_summary(pairs: list[EpisodePair]) -> dict[str, Any]:
    """Per kind: fall/no-fall agreement, same end frame, |distance| errors; per gait: mean distance
    sim / game and their ratio; per policy the same."""
    res: dict[str, Any] = {}
    for kind in sorted({p.kind for p in pairs}):
        ps = [p for p in pairs if p.kind == kind]
        agree = [p.sim.fallen == p.game.fallen for p in ps]
        both_fell = [p for p in ps if p.sim.fallen and p.game.fallen]
        dd = np.array([p.sim.distance - p.game.distance for p in ps])
        res[kind] = {
            "n": len(ps),
            "fall_agreement": float(np.mean(agree)),
            "game_fall_rate": float(np.mean([p.game.fallen for p in ps])),
            "sim_fall_rate": float(np.mean([p.sim.fallen for p in ps])),
            "same_end_frame": float(np.mean([p.sim.end_frame == p.game.end_frame for p in ps])),
            "end_frame_within_5": float(np.mean([p.sim.end_frame is not None and p.game.end_frame is not None
                                                 and abs(p.sim.end_frame - p.game.end_frame) <= 5
                                                 for p in both_fell])) if both_fell else math.nan,
            "median_abs_distance_err": float(np.median(np.abs(dd))),
            "mean_distance_sim": float(np.mean([p.sim.distance for p in ps])),
            "mean_distance_game": float(np.mean([p.game.distance for p in ps])),
            "mean_clock_sim": float(np.mean([p.sim.clock for p in ps])),
            "mean_clock_game": float(np.mean([p.game.clock for p in ps])),
        }
    groups: dict[str, list[EpisodePair]] = {}
    for p in pairs:
        if p.kind in ("gait", "policy"):
            groups.setdefault(p.name.rsplit("+", 1)[0].rsplit("#", 1)[0], []).append(p)
    res["groups"] = {}
    for g, ps in groups.items():
        ms = float(np.mean([p.sim.distance for p in ps]))
        mg = float(np.mean([p.game.distance for p in ps]))
        res["groups"][g] = {
            "kind": ps[0].kind, "n": len(ps), "mean_distance_sim": ms, "mean_distance_game": mg,
            "ratio": ms / mg if mg else math.nan,
            "rel_diff": abs(ms - mg) / abs(mg) if mg else math.nan,
            "falls_sim": int(sum(p.sim.fallen for p in ps)), "falls_game": int(sum(p.game.fallen for p in ps)),
        }
    return res


# =================================================================================================
# Environment level
# =================================================================================================
def state_diff(a: RawState, b: RawState) -> list[str]:
    """The fields in which two raw states differ (exact comparison; hurdle ignored)."""
    da, db = a.to_dict(), b.to_dict()
    da.pop("hurdle", None)
    db.pop("hurdle", None)
    bad = [k for k in da if k != "bodies" and da[k] != db.get(k)]
    if not np.array_equal(np.asarray(a.bodies), np.asarray(b.bodies)):
        bad.append("bodies")
    return bad


def core_outputs(prev: RawState, s: RawState) -> dict[str, Any]:
    """What qwop_sim.envs.core computes from raw states: observation, reward (of the transition
    prev -> s), termination, info."""
    from qwop_sim.envs import core

    return {"obs": np.asarray(core.observation(s)), "reward": core.reward(prev, s),
            "terminated": core.terminated(s), "info": core.info(s)}


def outputs_equal(a: Any, b: Any) -> bool:
    """Exact equality of nested outputs (arrays bit for bit, NaN equal to NaN)."""
    if isinstance(a, dict) or isinstance(b, dict):
        return (isinstance(a, dict) and isinstance(b, dict) and a.keys() == b.keys()
                and all(outputs_equal(a[k], b[k]) for k in a))
    if isinstance(a, (np.ndarray, list, tuple)) or isinstance(b, (np.ndarray, list, tuple)):
        x, y = np.asarray(a), np.asarray(b)
        return x.shape == y.shape and x.dtype == y.dtype and np.array_equal(x, y, equal_nan=x.dtype.kind == "f")
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b


@dataclass
class EnvLevelResult:
    n_states: int
    roundtrip_exact: dict[str, float]  # backend -> fraction of states set_state echoes exactly
    roundtrip_bad_fields: dict[str, dict[str, int]]
    core_identical: dict[str, float]  # backend -> fraction with identical core outputs vs the input state
    pixel_mad: dict[str, list[float]]  # 'WxH' -> per-state mean abs diff (0..255) sim vs browser
    pixel_max_frac: dict[str, list[float]]  # 'WxH' -> fraction of pixels that differ at all


def env_level(starts: list[StartState], backends: dict[str, Any], browser=None,
              frame_sizes: Sequence[tuple[int, int]] = ((64, 64), (160, 100)), n_frames: int | None = None,
              progress: bool = False, frame_backends: dict[str, Any] | None = None) -> EnvLevelResult:
    """`backends`: name -> backend to check the set_state round trip and core outputs on (node,
    browser, sim). `browser`: the backend whose frames (the page's canvas) are compared with
    qwop_sim.render; `frame_backends`: more of them (name -> backend, e.g. node's renderRGB)."""
    fb = dict(frame_backends or {})
    if browser is not None:
        fb = {"browser": browser, **fb}
    from qwop_sim.render import render_rgb

    exact = {n: 0 for n in backends}
    bad: dict[str, dict[str, int]] = {n: {} for n in backends}
    core_ok = {n: 0 for n in backends}
    total = len(starts) * len(backends) + min(len(starts), n_frames or len(starts)) * len(fb)
    bar = _Bar(total, "env level", progress)
    # each start state is fed through core as the transition (previous start -> this start): the
    # input states on one side, what each backend reports back after set_state on the other
    prev_in = starts[0].state
    prev_got = {n: prev_in for n in backends}
    for st in starts:
        want = core_outputs(prev_in, st.state)
        for name, b in backends.items():
            got = set_state(b, st.state)
            d = state_diff(got, st.state)
            if not d:
                exact[name] += 1
            for f in d:
                bad[name][f] = bad[name].get(f, 0) + 1
            if outputs_equal(core_outputs(prev_got[name], got), want):
                core_ok[name] += 1
            prev_got[name] = got
            bar.update()
        prev_in = st.state
    mad: dict[str, list[float]] = {f"{b} {w}x{h}": [] for b in fb for w, h in frame_sizes}
    frac: dict[str, list[float]] = {k: [] for k in mad}
    for bname, fbk in fb.items():
        for st in starts[: n_frames or len(starts)]:
            got = set_state(fbk, st.state)
            for w, h in frame_sizes:
                g = np.asarray(fbk.frame(w, h), np.int16)
                s = np.asarray(render_rgb(got, w, h, hurdle=got.hurdle), np.int16)
                diff = np.abs(g - s)
                mad[f"{bname} {w}x{h}"].append(float(diff.mean()))
                frac[f"{bname} {w}x{h}"].append(float((diff.max(axis=2) > 0).mean()))
            bar.update()
    bar.close()
    n = len(starts)
    return EnvLevelResult(n, {k: v / n for k, v in exact.items()}, bad,
                          {k: v / n for k, v in core_ok.items()}, mad, frac)


# =================================================================================================
# Game (and sim) against the real QWOP
# =================================================================================================
def game_fidelity(timeout: float = 120) -> dict[str, Any]:
    """node game/scripts/fidelity.js --json: {'summary': {...}, 'rows': [...]}."""
    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / "fidelity.json"
        subprocess.run(["node", str(GAME_DIR / "scripts" / "fidelity.js"), "--json", str(out), "--quiet",
                        "--reference", str(reference_path())],
                       cwd=GAME_DIR, check=True, capture_output=True, timeout=timeout)
        return json.loads(out.read_text())


def sim_fidelity(report_frames: Sequence[int] = (1, 5, 10, 25, 50)) -> dict[str, Any]:
    """The same figures as fidelity.js for QWOPSim (max |dx|, |dy| over bodies vs the recordings)."""
    sim = new_sim()
    rows = []
    for name, seq in reference()["sequences"].items():
        frames = seq["frames"]
        st = sim.reset()
        errs = []
        fall = None
        ref0 = np.asarray(frames[0]["s"]).reshape(N_BODIES, 6)
        errs.append(float(np.max(np.abs(st.bodies[:, :2] - ref0[:, :2]))))
        for i in range(1, len(frames)):
            st = sim.step(int(seq["keys"][i - 1]), 1)
            r = np.asarray(frames[i]["s"]).reshape(N_BODIES, 6)
            errs.append(float(np.max(np.abs(st.bodies[:, :2] - r[:, :2]))))
            if st.fallen and fall is None:
                fall = i
        real_fall = next((i for i, f in enumerate(frames) if f["fallen"]), None)
        through = min(25, len(errs) - 1)
        rows.append({
            "name": name, "frames": len(frames) - 1,
            "error_at": {str(f): (errs[f] if f < len(errs) else None) for f in report_frames},
            "max_error_through_25": max(errs[:through + 1]),
            "real_fall": real_fall, "our_fall": fall, "same_fall": real_fall == fall,
        })
    s = {
        "sequences": len(rows),
        "matched_1e4_through_25": sum(r["max_error_through_25"] < 1e-4 for r in rows),
        "same_fall_frame": sum(r["same_fall"] for r in rows),
        "median_max_error_through_25": float(np.median([r["max_error_through_25"] for r in rows])),
    }
    return {"summary": s, "rows": rows}
