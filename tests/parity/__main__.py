"""The parity report: `python -m tests.parity --report out/ [--policy CKPT ...] [--quick] [--no-browser]`.

Writes out/report.md (summary tables), out/report.json (every figure) and PNG plots:
step_error_vs_horizon.png, distance_distributions.png, fall_frame_scatter.png, gait_distances.png.
A progress bar per stage on stderr. The node server and chromium are always closed.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import time
from dataclasses import asdict
from pathlib import Path

import numpy as np

from qwop_sim.backends import BackendError
from tests.parity import harness as H

GOALS = {
    "step_pos_median_1": 1e-3,
    "step_pos_median_5": 1e-2,
    "random_fall_agreement": 0.90,
    "gait_distance_rel_diff": 0.10,
}

SIZES = {
    # per_sequence, random_seeds, per_random, n_random_episodes, gait_delays, browser states
    "quick": dict(per_sequence=3, seeds=4, per_random=6, n_random=80, gait_delays=8, browser=12),
    "full": dict(per_sequence=20, seeds=50, per_random=10, n_random=2000, gait_delays=32, browser=60),
}


def _fmt(x, spec=".2e"):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    return format(x, spec)


def _ok(v: bool) -> str:
    return "yes" if v else "**no**"


def plots(out: Path, step, pairs, fid_game, fid_sim) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    files = []
    # error against horizon
    fig, axes = plt.subplots(1, 3, figsize=(13, 3.8))
    for ax, (q, unit) in zip(axes, (("pos", "world units"), ("angle", "rad"), ("vel", "units/s"))):
        hs = list(H.HORIZONS)
        for stat, style in (("median", "o-"), ("p95", "s--")):
            ax.plot(hs, [step.summary[h][q][stat] for h in hs], style, label=f"sim vs game {stat}")
            gs = [step.game_self[h][q][stat] for h in hs]
            if all(np.isfinite(gs)):
                ax.plot(hs, gs, style, alpha=0.5, label=f"game set_state vs game playing on {stat}")
            if step.vs_cont:
                cs = [step.vs_cont[h][q][stat] for h in hs]
                ax.plot(hs, cs, style, alpha=0.5, label=f"sim set_state vs game playing on {stat}")
        if q == "pos":
            ax.plot([1, 5], [GOALS["step_pos_median_1"], GOALS["step_pos_median_5"]], "k*", ms=10, label="goal (median)")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xticks(hs, [str(h) for h in hs])
        ax.set_xlabel("frames after set_state")
        ax.set_title(f"{q} error ({unit})")
        ax.grid(True, which="both", alpha=0.3)
    axes[0].legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(out / "step_error_vs_horizon.png", dpi=110)
    plt.close(fig)
    files.append("step_error_vs_horizon.png")

    # distance distributions side by side (random sequences), per kind
    kinds = [k for k in ("random", "gait", "policy") if any(p.kind == k for p in pairs)]
    fig, axes = plt.subplots(1, len(kinds), figsize=(5 * len(kinds), 3.8), squeeze=False)
    for ax, k in zip(axes[0], kinds):
        ps = [p for p in pairs if p.kind == k]
        s = np.array([p.sim.distance for p in ps])
        g = np.array([p.game.distance for p in ps])
        bins = np.linspace(min(s.min(), g.min()), max(s.max(), g.max()) + 1e-9, 30)
        ax.hist([s, g], bins=bins, label=["sim", "game"], color=["tab:blue", "tab:orange"])
        ax.set_title(f"{k}: distance at the end (m), n={len(ps)}")
        ax.set_xlabel("metres")
        ax.legend()
    fig.tight_layout()
    fig.savefig(out / "distance_distributions.png", dpi=110)
    plt.close(fig)
    files.append("distance_distributions.png")

    # fall frame scatter
    fig, ax = plt.subplots(figsize=(5.2, 5))
    for k, c in (("random", "tab:blue"), ("gait", "tab:green"), ("policy", "tab:red")):
        ps = [p for p in pairs if p.kind == k]
        if not ps:
            continue
        # an episode that did not end is drawn at its length (+5%) on that axis
        sx = [p.game.end_frame if p.game.end_frame is not None else p.game.frames * 1.05 for p in ps]
        sy = [p.sim.end_frame if p.sim.end_frame is not None else p.sim.frames * 1.05 for p in ps]
        ax.scatter(sx, sy, s=10, alpha=0.6, color=c, label=k)
    lim = ax.get_xlim()[1]
    ax.plot([0, lim], [0, lim], "k--", lw=0.8)
    ax.set_xlabel("game: frame of the fall / landing")
    ax.set_ylabel("sim: frame of the fall / landing")
    ax.set_title("end frames (no end: drawn at length x1.05)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out / "fall_frame_scatter.png", dpi=110)
    plt.close(fig)
    files.append("fall_frame_scatter.png")

    # gait (and policy) distances per group
    summ = H.episode_summary(pairs)["groups"]
    if summ:
        names = list(summ)
        x = np.arange(len(names))
        fig, ax = plt.subplots(figsize=(max(5, 1.6 * len(names)), 3.8))
        ax.bar(x - 0.2, [summ[n]["mean_distance_sim"] for n in names], 0.4, label="sim")
        ax.bar(x + 0.2, [summ[n]["mean_distance_game"] for n in names], 0.4, label="game")
        ax.set_xticks(x, names, rotation=15)
        ax.set_ylabel("mean distance (m)")
        ax.legend()
        fig.tight_layout()
        fig.savefig(out / "gait_distances.png", dpi=110)
        plt.close(fig)
        files.append("gait_distances.png")

    # fidelity against the real game: error at frame f, game and sim
    fig, ax = plt.subplots(figsize=(6, 3.8))
    for fid, lab in ((fid_game, "game"), (fid_sim, "sim")):
        if not fid:
            continue
        fs = [1, 5, 10, 25, 50]
        med = [np.median([r["error_at"][str(f)] for r in fid["rows"] if r["error_at"].get(str(f)) is not None])
               for f in fs]
        ax.plot(fs, med, "o-", label=f"{lab} vs real QWOP (median over sequences)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("frame")
    ax.set_ylabel("max |dx|,|dy| over bodies")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out / "fidelity_vs_real.png", dpi=110)
    plt.close(fig)
    files.append("fidelity_vs_real.png")
    return files


def write_report(out: Path, meta, step, pairs, env, fid_game, fid_sim, files) -> None:
    es = H.episode_summary(pairs)
    L = ["# Parity report: simulator vs game", "",
         f"{meta['when']} UTC, size `{meta['size']}`, {meta['seconds']:.0f} s. "
         f"Sim: `qwop_sim.physics.QWOPSim` (default settings); game: `game/src/qwop.js` via "
         f"`qwop_sim.backends.NodeBackend` (+ BrowserBackend for frames).", ""]
    L += ["## Goals", "", "| goal | target | measured | met |", "|---|---|---|---|"]
    m1, m5 = step.summary[1]["pos"]["median"], step.summary[5]["pos"]["median"]
    L.append(f"| step: median body position error after 1 frame | < 1e-3 | {_fmt(m1)} | {_ok(m1 < 1e-3)} |")
    L.append(f"| step: median body position error after 5 frames | < 1e-2 | {_fmt(m5)} | {_ok(m5 < 1e-2)} |")
    if "random" in es:
        a = es["random"]["fall_agreement"]
        L.append(f"| episode: fall/no-fall agreement, random sequences | >= 90% | {a:.1%} | {_ok(a >= 0.9)} |")
    for g, v in es["groups"].items():
        if v["kind"] == "gait" and abs(v["mean_distance_game"]) < 1.0:
            L.append(f"| episode: mean distance of gait `{g}` | within 10% | not a gait that runs: the game "
                     f"gets {v['mean_distance_game']:.2f} m (falls {v['falls_game']}/{v['n']}); not counted | - |")
        elif v["kind"] == "gait":
            L.append(f"| episode: mean distance of gait `{g}` sim vs game | within 10% | "
                     f"{v['mean_distance_sim']:.2f} m vs {v['mean_distance_game']:.2f} m "
                     f"(ratio {v['ratio']:.3f}) | {_ok(v['rel_diff'] <= 0.10)} |")
    L += ["", "## Step level (same state in both, same keys)", "",
          f"{step.n_states} start states taken from the game along the 28 recorded key sequences and "
          f"random trajectories; both `set_state` to it, then the sequence's own next keys. Errors are "
          f"the max over the 12 bodies (position: euclidean (x, y), world units; angle: rad; velocity: "
          f"euclidean (vx, vy), units/s; angular velocity: rad/s).", "",
          "| frames | pos median | pos p95 | angle median | angle p95 | vel median | vel p95 | angvel median | angvel p95 |",
          "|---|---|---|---|---|---|---|---|---|"]
    for h in H.HORIZONS:
        s = step.summary[h]
        L.append(f"| {h} | " + " | ".join(f"{_fmt(s[q]['median'])} | {_fmt(s[q]['p95'])}" for q in H.QUANTITIES) + " |")
    L += ["", "Two references for the same start states: the game that reached the state by playing on "
          "(no set_state: the true continuation, warm-start impulses intact), against the game put in "
          "it by `set_state` (its setState rebuilds the world: no warm-start impulses) and against the "
          "sim put in it by `set_state`:", "",
          "| frames | game set_state vs game playing on: pos median | p95 | angle median | vel median "
          "| sim set_state vs game playing on: pos median | p95 | angle median | vel median |",
          "|---|---|---|---|---|---|---|---|---|"]
    for h in H.HORIZONS:
        s, c = step.game_self[h], step.vs_cont.get(h)
        L.append(f"| {h} | {_fmt(s['pos']['median'])} | {_fmt(s['pos']['p95'])} | "
                 f"{_fmt(s['angle']['median'])} | {_fmt(s['vel']['median'])} | "
                 + (f"{_fmt(c['pos']['median'])} | {_fmt(c['pos']['p95'])} | {_fmt(c['angle']['median'])} | "
                    f"{_fmt(c['vel']['median'])} |" if c else "- | - | - | - |"))
    L += ["", "Largest 1-frame position errors (start state: source, frame):", ""]
    L += [f"- `{w['source']}` t={w['t']}: " + ", ".join(f"{k} {_fmt(v)}" for k, v in w.items() if k.startswith("pos@"))
          for w in step.worst[:6]]
    L += ["", "## Episode level (from reset, same keys)", "",
          "| kind | n | fall agreement | falls game / sim | same end frame | end within 5 frames (both fell) | "
          "median abs distance diff (m) | mean distance game / sim (m) | mean clock game / sim (s) |",
          "|---|---|---|---|---|---|---|---|---|"]
    for k in ("random", "gait", "policy"):
        if k in es:
            v = es[k]
            L.append(f"| {k} | {v['n']} | {v['fall_agreement']:.1%} | {v['game_fall_rate']:.0%} / {v['sim_fall_rate']:.0%} | "
                     f"{v['same_end_frame']:.0%} | {_fmt(v['end_frame_within_5'], '.0%')} | {v['median_abs_distance_err']:.3f} | "
                     f"{v['mean_distance_game']:.2f} / {v['mean_distance_sim']:.2f} | {v['mean_clock_game']:.2f} / {v['mean_clock_sim']:.2f} |")
    L += ["", "Random: keys 0..15 each held 1-15 frames, sequence length uniform 30-300 frames. Gaits: one "
          "period of each periodic recorded sequence, repeated for 900 frames, after 0..N idle frames.", "",
          "| group | kind | n | mean distance game | mean distance sim | sim/game | falls game / sim |",
          "|---|---|---|---|---|---|---|"]
    for g, v in es["groups"].items():
        L.append(f"| `{g}` | {v['kind']} | {v['n']} | {v['mean_distance_game']:.3f} | {v['mean_distance_sim']:.3f} | "
                 f"{_fmt(v['ratio'], '.3f')} | {v['falls_game']} / {v['falls_sim']} |")
    L += ["", "## Environment level", ""]
    if env is not None:
        L += [f"{env.n_states} states.", "", "| backend | set_state round trip exact | fields that differ | "
              "qwop_sim.envs.core outputs identical |", "|---|---|---|---|"]
        for b in env.roundtrip_exact:
            L.append(f"| {b} | {env.roundtrip_exact[b]:.0%} | {env.roundtrip_bad_fields[b] or '-'} | "
                     f"{_fmt(env.core_identical[b], '.0%')} |")
        if any(env.pixel_mad.values()):
            L += ["", "Frames of the same state: `qwop_sim.render.render_rgb` vs the browser page's canvas "
                  "(protocol `frame` on backend=page) and vs the node server's `frame` (render.js renderRGB), "
                  "mean absolute difference per channel (0-255):", "",
                  "| game side, size | states | mean abs diff | max over states | pixels that differ |", "|---|---|---|---|---|"]
            for size, v in env.pixel_mad.items():
                if v:
                    L.append(f"| {size} | {len(v)} | {np.mean(v):.4f} | {np.max(v):.4f} | {np.mean(env.pixel_max_frac[size]):.3%} |")
        else:
            L.append("\nNo frames compared.")
        if "browser" not in env.roundtrip_exact:
            L.append("\nNo browser (run without --no-browser; needs chromium and BrowserBackend).")
    else:
        L.append("skipped")
    L += ["", "## The game and the sim against the real QWOP", "",
          "`game/scripts/fidelity.js` (and the same figure for the sim): the 28 recorded sequences replayed from "
          "reset; error = max |dx|, |dy| over the bodies (world units).", "",
          "| | sequences | under 1e-4 through frame 25 | same fall frame | median max error through 25 |",
          "|---|---|---|---|---|"]
    for lab, fid in (("game", fid_game), ("sim", fid_sim)):
        if fid:
            s = fid["summary"]
            L.append(f"| {lab} | {s['sequences']} | {s['matched_1e4_through_25']} | {s['same_fall_frame']} | "
                     f"{_fmt(s['median_max_error_through_25'])} |")
    if fid_game:
        L += ["", "| sequence | game err@1 | @5 | @25 | @50 | sim err@1 | @5 | @25 | @50 | fall real / game / sim |",
              "|---|---|---|---|---|---|---|---|---|---|"]
        simrows = {r["name"]: r for r in (fid_sim or {"rows": []})["rows"]}
        for r in fid_game["rows"]:
            sr = simrows.get(r["name"], {"error_at": {}, "our_fall": None})
            L.append(f"| {r['name']} | " + " | ".join(_fmt(r["error_at"].get(str(f))) for f in (1, 5, 25, 50)) + " | "
                     + " | ".join(_fmt(sr["error_at"].get(str(f))) for f in (1, 5, 25, 50))
                     + f" | {r['real_fall']} / {r['our_fall']} / {sr['our_fall']} |")
    L += ["", "## Plots", ""] + [f"![{f}]({f})" for f in files]
    (out / "report.md").write_text("\n".join(L) + "\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.parity", description=__doc__.splitlines()[0])
    ap.add_argument("--report", metavar="DIR", default="parity-report", help="output folder (created)")
    ap.add_argument("--policy", action="append", default=[], metavar="CKPT",
                    help="a policy checkpoint (rlqwop.policy.load_policy), played closed loop on both")
    ap.add_argument("--policy-episodes", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="the pytest sample sizes (about a minute)")
    ap.add_argument("--no-browser", action="store_true", help="skip the browser (frames, page round trip)")
    ap.add_argument("--no-progress", action="store_true")
    a = ap.parse_args(argv)
    size = "quick" if a.quick else "full"
    z = SIZES[size]
    out = Path(a.report)
    out.mkdir(parents=True, exist_ok=True)
    prog = not a.no_progress
    t0 = time.time()

    policies = []
    for p in a.policy:
        from rlqwop.policy import load_policy

        policies.append((f"{Path(p).parent.name}/{Path(p).name}", load_policy(p)))

    env = None
    with H.backend("node") as game:
        starts = H.collect_start_states(game, per_sequence=z["per_sequence"], random_seeds=range(z["seeds"]),
                                        per_random=z["per_random"], progress=prog)
        step = H.step_level(game, starts, progress=prog)
        pairs = H.episode_level(game, H.episode_specs(n_random=z["n_random"], gait_delays=z["gait_delays"]),
                                policies=policies, policy_episodes=a.policy_episodes, progress=prog)
        sim_b = H.open_backend("sim")
        backs = {"node": game, "sim": sim_b}
        browser = None
        try:
            if not a.no_browser:
                try:
                    browser = H.open_backend("browser")
                    backs["browser"] = browser
                except BackendError as e:  # no chromium here: the report says so
                    print(f"(the browser backend cannot run here: {e})", file=sys.stderr)
            env = H.env_level(starts, backs, browser=browser, n_frames=z["browser"], progress=prog,
                              frame_sizes=((64, 64), (160, 100), (640, 400)),
                              frame_backends={"node": game})
        finally:
            if browser is not None:
                browser.close()
            sim_b.close()
    fid_game = None
    try:
        fid_game = H.game_fidelity()
    except Exception as e:  # noqa: BLE001
        print(f"(fidelity.js failed: {e})", file=sys.stderr)
    fid_sim = H.sim_fidelity()
    meta = {"when": time.strftime("%Y-%m-%d %H:%M", time.gmtime()), "size": size, "seconds": time.time() - t0}
    files = plots(out, step, pairs, fid_game, fid_sim)
    meta["seconds"] = time.time() - t0
    write_report(out, meta, step, pairs, env, fid_game, fid_sim, files)
    dump = {
        "meta": meta,
        "step": {"summary": step.summary, "game_self": step.game_self, "vs_cont": step.vs_cont, "n_states": step.n_states, "worst": step.worst},
        "episode": {"summary": H.episode_summary(pairs), "pairs": [asdict(p) for p in pairs]},
        "env": asdict(env) if env is not None else None,
        "fidelity_game": fid_game, "fidelity_sim": fid_sim,
    }
    (out / "report.json").write_text(json.dumps(dump, indent=1, default=float))
    print(f"wrote {out / 'report.md'} ({meta['seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
