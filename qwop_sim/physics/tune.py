"""Measure how closely QWOPSim follows a reference (the real-game recordings, or the node game).

    python -m qwop_sim.physics.tune                 # errors of the default settings
    python -m qwop_sim.physics.tune --grid          # small search over solver settings
    python -m qwop_sim.physics.tune --node          # also against game/src/qwop.js (node), if present

Two measures:
* horizon h (1, 5, 25): from every recorded frame t (stride ``--stride``), set_state(recorded t),
  step the recorded keys t..t+h-1, compare with recorded frame t+h. Error of a sample = mean over
  the 12 bodies of the position error |(dx, dy)| (world units; 1 unit = 10 cm); also the mean
  absolute angle error (rad). We print median and p95 over samples.
* from reset (e25, e50): mean error over the first 25 / 50 frames of each sequence. No hidden
  state (warm-start impulses, contacts, the accumulated head torque) is involved: the cleanest
  comparison, and the one the settings were chosen on.
* whole sequences: reset, play all recorded keys; the frame where the game ends (fall) against the
  recorded one, and the final distance.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from qwop_sim.constants import METRES_PER_UNIT, N_BODIES
from qwop_sim.physics.world import KEY_TABLE, QWOPSim, SolverSettings, _INITIAL_HIPS
from qwop_sim.reference import load_reference
from qwop_sim.state import RawState

REPO = Path(__file__).resolve().parents[2]


def load_recordings(path: Path | None = None) -> dict:
    """{name: {"keys": int array (T,), "bodies": (T+1, 12, 6), "fallen": bool (T+1,),
    "landed": ..., "t": ..., "score": ...}} from the real-game recordings (``path``, default
    qwop_sim.reference.reference_path(): the repository's reference/ or $QWOP_REFERENCE)."""
    d = load_reference(path)
    out = {}
    for name, seq in d["sequences"].items():
        fr = seq["frames"]
        out[name] = {
            "keys": np.asarray(seq["keys"], dtype=np.int64),
            "bodies": np.asarray([f["s"] for f in fr], dtype=np.float64).reshape(len(fr), N_BODIES, 6),
            "fallen": np.asarray([f["fallen"] for f in fr], dtype=bool),
            "landed": np.asarray([f["landed"] for f in fr], dtype=bool),
            "t": np.asarray([f["t"] for f in fr], dtype=np.float64),
            "score": np.asarray([f["score"] for f in fr], dtype=np.float64),
        }
    return out


def hip_limits_after(keys) -> dict:
    """Hip limits in force after holding the key sequence ``keys`` (last O/P pressed wins)."""
    hips = _INITIAL_HIPS
    for k in keys:
        h = KEY_TABLE[int(k)][1]
        if h is not None:
            hips = h
    return dict(hips)


def recorded_state(seq: dict, t: int) -> RawState:
    b = seq["bodies"][t]
    return RawState(bodies=b.copy(), distance=b[0, 0] * METRES_PER_UNIT, clock=float(seq["t"][t]), frame=t,
                    fallen=bool(seq["fallen"][t]), jumped=False, finished=bool(seq["landed"][t]),
                    hip_limits=hip_limits_after(seq["keys"][:t]))


def sample_error(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    pos = float(np.mean(np.hypot(a[:, 0] - b[:, 0], a[:, 1] - b[:, 1])))
    ang = float(np.mean(np.abs(a[:, 2] - b[:, 2])))
    return pos, ang


def horizon_errors(recs: dict, settings: SolverSettings | None = None, horizons=(1, 5, 25),
                   stride: int = 1, sim=None) -> dict:
    """{h: (pos_errors array, angle_errors array)}; ``sim`` may be any object with set_state/step
    (a QWOPSim by default)."""
    sim = sim or QWOPSim(settings)
    res = {h: ([], []) for h in horizons}
    for name, seq in recs.items():
        T = len(seq["keys"])
        for t in range(0, T, stride):
            if seq["fallen"][t] or seq["landed"][t]:
                break
            start = recorded_state(seq, t)
            for h in horizons:
                if t + h > T:
                    continue
                sim.set_state(start)
                for k in seq["keys"][t:t + h]:
                    st = sim.step(int(k))
                p, a = sample_error(st.bodies, seq["bodies"][t + h])
                res[h][0].append(p)
                res[h][1].append(a)
    return {h: (np.asarray(v[0]), np.asarray(v[1])) for h, v in res.items()}


def sequence_errors(recs: dict, settings: SolverSettings | None = None, sim=None) -> dict:
    """{name: (recorded end frame, our end frame or None, recorded fallen, our fallen,
    recorded final score, our final distance, mean pos error over the first 25 frames)}"""
    sim = sim or QWOPSim(settings)
    out = {}
    for name, seq in recs.items():
        st = sim.reset()
        errs = []
        end = None
        for i, k in enumerate(seq["keys"]):
            st = sim.step(int(k))
            if i < 25:
                errs.append(sample_error(st.bodies, seq["bodies"][i + 1])[0])
            if st.fallen or st.finished:
                end = i + 1
                break
        T = len(seq["keys"])
        rec_end = T if (seq["fallen"][-1] or seq["landed"][-1]) else None
        out[name] = (rec_end, end, bool(seq["fallen"][-1]), bool(st.fallen),
                     float(seq["score"][-1]), float(st.distance), float(np.mean(errs)))
    return out


def reset_errors(recs: dict, settings: SolverSettings | None = None, n: int = 25, sim=None) -> np.ndarray:
    """Per sequence: from reset, the mean body position error over the first ``n`` frames.
    No hidden state is involved (a recorded state lacks the solver's warm-start impulses, the
    contacts and the accumulated head torque), so this is the cleanest comparison."""
    sim = sim or QWOPSim(settings)
    out = []
    for seq in recs.values():
        sim.reset()
        errs = []
        for i, k in enumerate(seq["keys"][:n]):
            st = sim.step(int(k))
            errs.append(sample_error(st.bodies, seq["bodies"][i + 1])[0])
            if st.fallen or st.finished:
                break
        out.append(np.mean(errs))
    return np.asarray(out)


def summarize(herr: dict, serr: dict | None = None, label: str = "") -> dict:
    summary = {}
    for h, (p, a) in herr.items():
        summary[f"h{h}"] = dict(n=len(p), pos_median=float(np.median(p)), pos_p95=float(np.percentile(p, 95)),
                                ang_median=float(np.median(a)), ang_p95=float(np.percentile(a, 95)))
    if serr is not None:
        # (rec end, our end, ...): a game end (fall) in both, in one only, in none
        both = [(r, o) for (r, o, *_rest) in serr.values() if r is not None and o is not None]
        d = [abs(o - r) for r, o in both]
        agree = sum(1 for (r, o, *_x) in serr.values() if (r is None) == (o is None))
        summary["fall"] = dict(
            sequences=len(serr), same_outcome=agree,
            rec_falls=sum(1 for v in serr.values() if v[0] is not None),
            both_fall=len(both),
            fall_frame_diff_median=float(np.median(d)) if d else None,
            fall_within_10_frames=sum(1 for x in d if x <= 10))
        summary["first25_pos_err_mean"] = float(np.mean([v[6] for v in serr.values()]))
    return summary


def print_summary(summary: dict, label: str = "") -> None:
    print(f"== {label}")
    for h in ("h1", "h5", "h25"):
        if h in summary:
            s = summary[h]
            print(f"  {h:>4}: n={s['n']:5d}  pos median {s['pos_median']:.5f}  p95 {s['pos_p95']:.5f}   "
                  f"angle median {s['ang_median']:.5f}  p95 {s['ang_p95']:.5f}")
    if "fall" in summary:
        print(f"  sequences: {summary['fall']}  first-25-frames pos err mean "
              f"{summary['first25_pos_err_mean']:.4f}")


def print_sequences(serr: dict) -> None:
    for name, (re_, oe, rf, of, rs, od, e25) in serr.items():
        print(f"  {name:18s} rec end {str(re_):>5} ours {str(oe):>5}  rec score {rs:6.1f}  ours {od:7.2f}  "
              f"err25 {e25:.4f}")


# ------------------------------------------------------------------------------------------
class NodeGame:
    """game/src/qwop.js in a node child process (JSON lines), for comparing against the game."""

    SCRIPT = r"""
const path = require('path');
const root = process.argv[2];
const mod = require(path.join(root, 'game', 'src', 'qwop.js'));
let Box2D;
try { Box2D = require(path.join(root, 'game', 'lib', 'box2d.js')).loadBox2D(); } catch (e) { Box2D = undefined; }
const game = Box2D ? mod.createGame({ Box2D, constants: require(path.join(root, 'game', 'qwop.json')) })
                   : mod.createGame();
const rl = require('readline').createInterface({ input: process.stdin });
rl.on('line', (line) => {
  const m = JSON.parse(line);
  let s;
  if (m.cmd === 'reset') s = game.reset();
  else if (m.cmd === 'step') s = game.step(m.keys, m.frames || 1);
  else if (m.cmd === 'set_state') { game.setState(m.state); s = game.state(); }
  process.stdout.write(JSON.stringify(s) + '\n');
});
"""

    def __init__(self):
        if not (REPO / "game" / "src" / "qwop.js").exists():
            raise FileNotFoundError("game/src/qwop.js not found")
        import tempfile
        self._script = tempfile.NamedTemporaryFile("w", suffix=".js", delete=False)
        self._script.write(self.SCRIPT)
        self._script.close()
        self.p = subprocess.Popen(["node", self._script.name, str(REPO)], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True, bufsize=1)

    def _call(self, msg):
        self.p.stdin.write(json.dumps(msg) + "\n")
        self.p.stdin.flush()
        return RawState.from_dict(json.loads(self.p.stdout.readline()))

    def reset(self):
        return self._call({"cmd": "reset"})

    def step(self, keys, frames=1):
        return self._call({"cmd": "step", "keys": int(keys), "frames": frames})

    def set_state(self, s: RawState):
        return self._call({"cmd": "set_state", "state": s.to_dict()})

    def close(self):
        self.p.kill()
        self.p.wait()
        os.unlink(self._script.name)


def record_node(recs: dict) -> dict:
    """Play every recorded key sequence on the node game; same layout as load_recordings()."""
    g = NodeGame()
    out = {}
    try:
        for name, seq in recs.items():
            sts = [g.reset()]
            for k in seq["keys"]:
                sts.append(g.step(int(k)))
                if sts[-1].fallen or sts[-1].finished:
                    break
            out[name] = {
                "keys": seq["keys"][:len(sts) - 1],
                "bodies": np.stack([s.bodies for s in sts]),
                "fallen": np.asarray([s.fallen for s in sts]),
                "landed": np.asarray([s.finished for s in sts]),
                "t": np.asarray([s.clock for s in sts]),
                "score": np.asarray([round(s.distance * 10) / 10 for s in sts]),
            }
    finally:
        g.close()
    return out


GRID = {
    "iterations": [5, 6, 7, 8, 10, 14],
    "collision_bias": [0.0, 0.8 ** 25, 0.0018],
    "collision_slop": [0.005, 0.02],
    "joint_error_bias": [0.0, 1e-4, 1e-3, 0.01],
    "limit_max_bias": [0.01, 0.03, 0.1, 0.3],
    "poly_radius": [0.005, 0.01],
}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stride", type=int, default=2)
    ap.add_argument("--grid", action="store_true", help="one-at-a-time search around the defaults")
    ap.add_argument("--node", action="store_true", help="also compare against the node game")
    ap.add_argument("--sequences", action="store_true", help="print per-sequence outcomes")
    ap.add_argument("--set", action="append", default=[], help="override a setting: name=value")
    args = ap.parse_args(argv)
    recs = load_recordings()
    base = SolverSettings()
    for kv in args.set:
        k, v = kv.split("=")
        base = SolverSettings(**{**base.as_dict(), k: type(getattr(base, k))(eval(v))})
    t0 = time.time()
    he = horizon_errors(recs, base, stride=args.stride)
    se = sequence_errors(recs, base)
    print_summary(summarize(he, se), f"recordings, settings {base.as_dict()} ({time.time() - t0:.0f}s)")
    for n in (25, 50):
        e = reset_errors(recs, base, n)
        print(f"  from reset, first {n} frames: mean {e.mean():.4f}  median {np.median(e):.4f}")
    if args.sequences:
        print_sequences(se)
    if args.grid:
        for name, values in GRID.items():
            for v in values:
                s = SolverSettings(**{**base.as_dict(), name: v})
                if s == base:
                    continue
                he = horizon_errors(recs, s, stride=args.stride * 2)
                se = sequence_errors(recs, s)
                print_summary(summarize(he, se), f"{name}={v}")
                e = reset_errors(recs, s, 25)
                print(f"  from reset, first 25 frames: mean {e.mean():.4f}")
    if args.node:
        try:
            nrec = record_node(recs)
        except FileNotFoundError as e:
            print("node game:", e)
            return
        he = horizon_errors(nrec, base, stride=args.stride)
        se = sequence_errors(nrec, base)
        print_summary(summarize(he, se), "node game (as reference)")
        for n in (25, 50):
            e = reset_errors(nrec, base, n)
            print(f"  from reset, first {n} frames: mean {e.mean():.4f}  median {np.median(e):.4f}")
        print_summary(summarize(horizon_errors(recs, stride=args.stride, sim=NodeGame()),
                                ), "node game vs recordings")


if __name__ == "__main__":
    main(sys.argv[1:])
