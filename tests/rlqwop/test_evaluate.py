"""Evaluation (rlqwop/evaluate.py): statistics, splits, start disturbances, parallel workers, JSON."""
from __future__ import annotations

import json
import math
import os
import subprocess
import sys

import pytest

from rlqwop.evaluate import SPLITS_M, summarize, wilson_interval

from conftest import ROOT, RUN_PY

MODEL = os.path.join(ROOT, "models", "qwop-ppo-sim.pt")


def test_wilson_interval_known_values():
    lo, hi = wilson_interval(0, 10)
    assert lo == 0.0 and math.isclose(hi, 0.2775, abs_tol=1e-4)
    lo, hi = wilson_interval(10, 10)
    assert math.isclose(lo, 0.7225, abs_tol=1e-4) and hi == 1.0
    lo, hi = wilson_interval(48, 50)
    assert math.isclose(lo, 0.8654, abs_tol=1e-3) and math.isclose(hi, 0.9889, abs_tol=1e-3)
    assert all(math.isnan(v) for v in wilson_interval(0, 0))


def _ep(finished, t, d, s10=math.nan, s50=math.nan):
    return {"finished": finished, "time_100m": t if finished else math.nan, "distance": d, "return": d,
            "fallen": not finished, "split_10m": s10, "split_50m": s50}


def test_summary_counts_only_finishes_for_times_and_reached_splits_for_splits():
    s = summarize([_ep(True, 70.0, 101, 8.0, 35.0), _ep(True, 60.0, 102, 7.0, 30.0), _ep(False, 0, 5)])
    assert s["finish_rate"] == 2 / 3 and s["time_100m"] == 65.0 and s["best_time_100m"] == 60.0
    assert s["split_10m"] == 7.5 and s["split_50m"] == 32.5
    assert s["finish_rate_ci95"] == list(wilson_interval(2, 3))
    none = summarize([_ep(False, 0, 5)])
    assert none["finish_rate"] == 0 and math.isnan(none["time_100m"]) and math.isnan(none["split_10m"])


def _own_options() -> dict:
    """The shipped checkpoint's env options other than its starts (e.g. v4's finish_bonus): eval keeps them."""
    from qwop_sim.envs.starts import plain_start

    from rlqwop.policy import load_policy

    return plain_start(json.loads(load_policy(MODEL).config["env_kwargs"]))


def _eval(*args):
    return subprocess.run([sys.executable, RUN_PY, "eval", "--checkpoint", MODEL, "--backend", "sim",
                           "--no-progress", *args], capture_output=True, text=True, timeout=300, cwd=ROOT)


def test_workers_give_the_same_episodes_as_one_process(tmp_path):
    """Episode i starts from reset(seed=SEED + i) in whichever worker plays it: same floats."""
    common = ["--episodes", "4", "--max-steps", "60", "--init-noise", "0.2", "--start-delay", "6", "--start-keys", "4",
              "--start-hold", "3"]
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    r1 = _eval(*common, "--workers", "1", "--json", str(one))
    r2 = _eval(*common, "--workers", "2", "--json", str(two))
    assert r1.returncode == 0, r1.stderr
    assert r2.returncode == 0, r2.stderr
    a, b = json.loads(one.read_text()), json.loads(two.read_text())
    assert a["episodes"] == b["episodes"] and len(a["episodes"]) == 4
    assert a["env_kwargs"] == {**_own_options(), "init_noise": 0.2, "start_delay": 6, "start_keys": 4, "start_hold": 3}
    assert len({e["distance"] for e in a["episodes"]}) > 1  # the starts differ
    assert "95% CI" in r1.stdout and "splits 10 m" in r1.stdout


def test_plain_start_reaches_the_splits_and_finishes_on_the_sim(tmp_path):
    out = tmp_path / "plain.json"
    r = _eval("--plain", "--episodes", "1", "--json", str(out))
    assert r.returncode == 0, r.stderr
    ep = json.loads(out.read_text())["episodes"][0]
    assert ep["finished"] and ep["time_100m"] == ep["clock"]
    assert 0 < ep["split_10m"] < ep["split_50m"] < ep["time_100m"]
    assert json.loads(out.read_text())["env_kwargs"] == _own_options()


def test_frame_skip_flag_plays_at_another_control_rate(tmp_path):
    """--frame-skip N: each decision lasts N game frames instead of the checkpoint's (the clock shows it)."""
    from rlqwop.policy import load_policy

    own = int(load_policy(MODEL).config["frame_skip"])
    other = 3 if own != 3 else 2
    clocks = {}
    for fs in (None, other):
        out = tmp_path / f"fs{fs}.json"
        r = _eval("--plain", "--episodes", "1", "--max-steps", "30", "--json", str(out),
                  *(["--frame-skip", str(fs)] if fs else []))
        assert r.returncode == 0, r.stderr
        d = json.loads(out.read_text())
        ep = d["episodes"][0]
        assert ep["steps"] == 30 and not ep["fallen"]
        clocks[d["frame_skip"]] = ep["clock"]
        assert f"frame skip {d['frame_skip']}" in r.stdout
    assert set(clocks) == {own, other}  # the checkpoint's own, then the flag's
    assert clocks[own] == pytest.approx(own) and clocks[other] == pytest.approx(other)  # 30 steps of N/30 s


@pytest.mark.parametrize("flag,value", [("--init-noise", "-1"), ("--init-noise", "nan"), ("--start-delay", "-2"),
                                        ("--start-hold", "-1"), ("--workers", "0"), ("--frame-skip", "0")])
def test_bad_eval_flags_are_usage_errors(flag, value):
    r = _eval(flag, value, "--episodes", "1")
    assert r.returncode == 2 and flag in r.stderr


def test_sampled_policy_is_reproducible_per_seed_and_differs_from_the_deterministic_one():
    import argparse

    from rlqwop.evaluate import run_episodes

    ns = argparse.Namespace(env="qwop-v0", backend="sim", action_mode="multibinary", frame_skip=4,
                            env_kwargs="{}", max_episode_steps=0)
    run = lambda sample: run_episodes(MODEL, ns, [5, 6], 80, 1, progress=False, sample=sample)  # noqa: E731
    a, b, det = run(True), run(True), run(False)
    assert a == b  # torch's RNG is seeded by the episode's seed
    assert a[0] != a[1]  # the plain start: only the sampled keys differ between seeds 5 and 6
    assert det[0] == {**det[1], "seed": det[0]["seed"]} and a != det


class _FrozenRunner:
    """Presses nothing when deterministic (the runner stands still on the line: a stall), random
    keys from torch's RNG when sampling; counts the steps of each kind."""

    def __init__(self):
        self.sample, self.sampled, self.deterministic = False, 0, 0

    def __call__(self, obs):
        import numpy as np
        import torch

        if self.sample:
            self.sampled += 1
            return (torch.rand(4) < 0.5).numpy().astype(np.int8)
        self.deterministic += 1
        return np.zeros(4, np.int8)


def _sim_env():
    import gymnasium as gym

    import qwop_sim  # noqa: F401  (registers the ids)

    return gym.make("qwop-v0", backend="sim", frame_skip=2)


def test_stall_recovery_samples_only_once_the_runner_stalls_and_is_reproducible():
    from rlqwop.evaluate import play_episode

    env = _sim_env()
    try:
        frozen = _FrozenRunner()
        off = play_episode(frozen, env, 150, seed=3)
        assert "stall_recoveries" not in off and frozen.sampled == 0 and off["distance"] < 0.5  # it stays put
        frozen = _FrozenRunner()
        on = play_episode(frozen, env, 150, seed=3, stall_s=2.0)
        # 2 s of clock at 2 frames a step = 30 steps without progress, then sampled keys
        assert on["stall_recoveries"] >= 1 and frozen.deterministic == 30 and frozen.sampled > 0
        assert frozen.sample is False  # the policy is handed back as it came
        again = play_episode(_FrozenRunner(), env, 150, seed=3, stall_s=2.0)
        assert again == on  # the sampled keys follow the episode's seed
    finally:
        env.close()


def test_stall_watch_resets_on_progress_and_ends_a_recovery_past_the_stall():
    from rlqwop.evaluate import STALL_CLEAR_M, _StallWatch

    w = _StallWatch(4.0, {"distance": 0.0, "clock": 0.0})
    assert not w.recovering({"distance": 0.4, "clock": 3.9})
    assert not w.recovering({"distance": 0.6, "clock": 5.0})  # 0.5 m gained: the clock starts again
    assert not w.recovering({"distance": 0.7, "clock": 8.9})
    assert w.recovering({"distance": 0.7, "clock": 9.0}) and w.recoveries == 1
    assert w.recovering({"distance": 0.7 + STALL_CLEAR_M, "clock": 12.0})  # not yet past
    assert not w.recovering({"distance": 0.8 + STALL_CLEAR_M, "clock": 12.1})
    assert not w.recovering({"distance": 0.8 + STALL_CLEAR_M, "clock": 16.0}) and w.recoveries == 1


def test_eval_and_report_take_stall_recovery(tmp_path):
    r = _eval("--episodes", "1", "--max-steps", "30", "--stall-recovery", "4", "--json", str(tmp_path / "e.json"))
    assert r.returncode == 0, r.stderr
    assert "stall recovery after 4 s" in r.stdout
    out = json.load(open(tmp_path / "e.json"))
    assert out["stall_recovery_s"] == 4.0 and out["episodes"][0]["stall_recoveries"] == 0
    bad = _eval("--episodes", "1", "--stall-recovery", "-1")
    assert bad.returncode == 2 and "--stall-recovery" in bad.stderr


def test_report_writes_the_table_and_the_episodes(tmp_path):
    out = tmp_path / "r.md"
    r = subprocess.run([sys.executable, RUN_PY, "report", "--checkpoint", MODEL, "--backends", "sim",
                        "--starts", "plain", "noise 0.1", "--episodes", "3", "--workers", "1", "--max-steps", "40",
                        "--out", str(out)], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    rows = [line for line in out.read_text().splitlines() if line.startswith("| plain") or line.startswith("| noise")]
    assert len(rows) == 2 and rows[0].startswith("| plain | sim | 0/1") and rows[1].startswith("| noise 0.1 | sim | 0/3")
    pooled = [line for line in out.read_text().splitlines() if line.startswith("| **every standard disturbed start")]
    assert len(pooled) == 1 and "| sim | 0/3 " in pooled[0]  # the plain start is not pooled
    lost = [line for line in out.read_text().splitlines() if line.startswith("| sim (")]
    # 40 steps from the line: every race ends in 0-10 m, out of time (cut short, still up)
    assert lost == ["| sim (4 lost) | 4 | 0 | 0 | 0 | 4 |"]
    raw = json.loads((tmp_path / "r.json").read_text())
    assert raw["noise 0.1 | sim"]["env_kwargs"] == {"init_noise": 0.1} and len(raw["noise 0.1 | sim"]["episodes"]) == 3


def test_report_plays_extra_starts_and_pools_them_apart(tmp_path):
    out = tmp_path / "r.md"
    held = '{"start_keys": 20, "start_hold": 20}'
    r = subprocess.run([sys.executable, RUN_PY, "report", "--checkpoint", MODEL, "--backends", "sim",
                        "--starts", "noise 0.1", "--extra-start", f"held keys={held}", "--extra-start",
                        'slips={"key_slip": 0.5, "key_slip_hold": 3}', "--episodes", "2",
                        "--workers", "1", "--max-steps", "30", "--out", str(out)],
                       capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    text = out.read_text().splitlines()
    assert [line.split(" | ")[0] for line in text if line.startswith("| held keys")] == ["| held keys"]
    assert [line.split(" | ")[0] for line in text if line.startswith("| slips")] == ["| slips"]
    assert any(line.startswith("| **every extra start** | sim | 0/4 ") for line in text)
    assert any(line.startswith("| **every standard disturbed start** | sim | 0/2 ") for line in text)  # not pooled with it
    raw = json.loads((tmp_path / "r.json").read_text())
    assert raw["held keys | sim"]["env_kwargs"] == json.loads(held)
    assert raw["slips | sim"]["env_kwargs"] == {"key_slip": 0.5, "key_slip_hold": 3}
    bad = subprocess.run([sys.executable, RUN_PY, "report", "--checkpoint", MODEL, "--extra-start",
                          'x={"start_bank_prob": 0.5}'], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert bad.returncode == 2 and "not start disturbances" in bad.stderr
    bad = subprocess.run([sys.executable, RUN_PY, "report", "--checkpoint", MODEL, "--extra-start",
                          'x={"key_slip": 2}'], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert bad.returncode == 2 and "key_slip must be a probability" in bad.stderr


def test_report_plays_the_near_plain_start_only_when_asked_and_pools_it_apart(tmp_path):
    """'near-plain (noise 0.001)' (the spread of the plain start's time) is a named start outside
    the standard table: played with --starts, its episodes pooled with the extra starts."""
    from rlqwop.report import OPTIONAL_STARTS, STARTS

    assert "near-plain (noise 0.001)" in OPTIONAL_STARTS and not set(OPTIONAL_STARTS) & set(STARTS)
    out = tmp_path / "r.md"
    r = subprocess.run([sys.executable, RUN_PY, "report", "--checkpoint", MODEL, "--backends", "sim",
                        "--starts", "plain", "near-plain (noise 0.001)", "--episodes", "2",
                        "--workers", "1", "--max-steps", "30", "--out", str(out)],
                       capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    text = out.read_text().splitlines()
    assert any(line.startswith("| near-plain (noise 0.001) | sim | 0/2 ") for line in text)
    assert any(line.startswith("| **every extra start** | sim | 0/2 ") for line in text)
    assert not any(line.startswith("| **every standard") for line in text)
    raw = json.loads((tmp_path / "r.json").read_text())
    eps = raw["near-plain (noise 0.001) | sim"]["episodes"]
    assert raw["near-plain (noise 0.001) | sim"]["env_kwargs"] == {"init_noise": 0.001} and len(eps) == 2
    # seeded noise: the two races are not the plain one, nor each other, float for float
    plain = raw["plain | sim"]["episodes"][0]["distance"]
    assert len({plain, eps[0]["distance"], eps[1]["distance"]}) == 3


def test_where_lost_counts_every_lost_race_once():
    from rlqwop.report import where_lost

    eps = [{"distance": d, "finished": False, "fallen": True} for d in (-0.1, 0.4, 9.99, 10.0, 52.3, 60.0, 99.9)]
    eps.append({"distance": 100.4, "finished": True, "fallen": False})
    eps.append({"distance": 55.5, "finished": False, "fallen": False})  # stalled at the hurdle until the time ran out
    table = where_lost({"noise 0.1 | node": {"episodes": eps}})
    assert table.splitlines()[-1] == "| node (8 lost) | 3 | 1 | 2 | 2 | 1 |"  # behind the line counts as the start
