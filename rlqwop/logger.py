"""Run output: progress.csv (one row per logged iteration), TensorBoard scalars and config, and a
learning-curve PNG (matplotlib, Agg backend). Only rank 0 logs."""
from __future__ import annotations

import csv
import json
import math
import os

FIELDS = [
    "iteration", "global_step", "time_s", "sps", "lr",
    "episodes", "mean_distance", "max_distance", "mean_return", "mean_length", "finish_rate", "fall_rate",
    "policy_loss", "value_loss", "entropy", "approx_kl", "old_approx_kl", "clipfrac", "explained_variance",
    "epochs", "kl_stop",
    "eval_mean_distance", "eval_finish_rate", "eval_time_100m", "eval_mean_return",
    "time_100m", "eval_best_time_100m",
    "collect_s", "update_s",
]


class Logger:
    """``keep_until``: the iteration the run starts from (the checkpoint's; 0 for a new run). Rows of
    progress.csv past it (logged after the last checkpoint by a run that was killed) and a row cut
    short by the kill are dropped, so a resumed run continues the file once per iteration;
    ``last_time_s`` is then the elapsed time of the last row kept (0.0 if none)."""

    def __init__(self, run_dir: str, config: dict, tensorboard: bool = True, resume_step: int | None = None,
                 keep_until: int | None = None):
        self.run_dir = run_dir
        os.makedirs(run_dir, exist_ok=True)
        self.csv_path = os.path.join(run_dir, "progress.csv")
        self.last_time_s = 0.0
        if keep_until is not None and os.path.exists(self.csv_path):
            self.last_time_s = _truncate_csv(self.csv_path, keep_until)
        new = not os.path.exists(self.csv_path) or os.path.getsize(self.csv_path) == 0
        fields = FIELDS
        if not new:  # resuming a run written by an older version: keep its columns
            with open(self.csv_path, newline="") as f:
                fields = next(csv.reader(f), None) or FIELDS
        self.fields = fields
        self._csv_file = open(self.csv_path, "a", newline="")
        self._csv = csv.DictWriter(self._csv_file, fieldnames=fields, extrasaction="ignore")
        if new:
            self._csv.writeheader()
        self._csv_file.flush()
        self.tb = None
        if tensorboard:
            try:
                from torch.utils.tensorboard import SummaryWriter
                self.tb = SummaryWriter(os.path.join(run_dir, "tb"), purge_step=resume_step)
                table = "|flag|value|\n|-|-|\n" + "\n".join(f"|{k}|{v}|" for k, v in sorted(config.items()))
                self.tb.add_text("config", table, global_step=resume_step or 0)
            except Exception as e:  # tensorboard missing: keep CSV only
                print(f"[rlqwop] TensorBoard disabled: {e}")
                self.tb = None

    def log(self, row: dict) -> None:
        self._csv.writerow({k: ("" if _nan(row.get(k)) else row.get(k)) for k in self.fields})
        self._csv_file.flush()
        if self.tb is not None:
            step = int(row["global_step"])
            for k, v in row.items():
                if k in ("iteration", "global_step") or _nan(v) or not isinstance(v, (int, float)):
                    continue
                group = "eval" if k.startswith("eval_") else ("train" if k in FIELDS[5:12] + ["time_100m"] else "ppo")
                if k in ("sps", "time_s", "lr", "collect_s", "update_s"):
                    group = "perf"
                self.tb.add_scalar(f"{group}/{k}", v, step)
            self.tb.flush()

    def close(self) -> None:
        self._csv_file.close()
        if self.tb is not None:
            self.tb.close()


def _truncate_csv(path: str, keep_until: int) -> float:
    """Rewrite progress.csv (atomically) with only its complete rows of iterations 1..keep_until;
    returns the time_s of the last row kept."""
    kept, last_time = [], 0.0
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            try:
                it = int(r.get("iteration") or "")
                t = float(r.get("time_s") or "nan")
            except ValueError:
                continue  # a row cut short by a kill
            if None in r or any(v is None for v in r.values()) or not 0 < it <= keep_until:
                continue
            kept.append(r)
            if not math.isnan(t):
                last_time = t
    tmp = path + ".tmp"
    with open(tmp, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS, extrasaction="ignore")
        w.writeheader()
        w.writerows(kept)
    os.replace(tmp, path)
    return last_time


def _nan(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def write_config(run_dir: str, config: dict) -> None:
    os.makedirs(run_dir, exist_ok=True)
    tmp = os.path.join(run_dir, "config.json.tmp")
    with open(tmp, "w") as f:
        json.dump(config, f, indent=2, sort_keys=True)
    os.replace(tmp, os.path.join(run_dir, "config.json"))


def plot_learning_curve(run_dir: str) -> str | None:
    """Draw runs/NAME/learning_curve.png from progress.csv: distance and finish rate against env steps,
    the 100 m time against env steps and against wall-clock."""
    path = os.path.join(run_dir, "progress.csv")
    rows = []
    try:
        with open(path) as f:
            rows = list(csv.DictReader(f))
    except FileNotFoundError:
        return None
    if not rows:
        return None
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    def col(name, x="global_step", scale=1e-6):  # (x, y) where both are logged; x in millions of steps
        xs, ys = [], []
        for r in rows:
            if r.get(name) not in (None, "") and r.get(x) not in (None, ""):
                xs.append(float(r[x]) * scale)
                ys.append(float(r[name]))
        return xs, ys

    def col_time(name):  # the same against wall-clock minutes
        return col(name, "time_s", 1 / 60)

    fig, axes = plt.subplots(2, 2, figsize=(11, 7.5))
    # distance and finish rate against steps: the recent training episodes (line), the evaluations (dots)
    for ax, metric, ylabel in ((axes[0, 0], "mean_distance", "distance (m)"), (axes[0, 1], "finish_rate", "finish rate")):
        for name, label, style in ((metric, "train (recent episodes)", "-"), ("eval_" + metric, "eval (deterministic)", "o-")):
            xs, ys = col(name)
            if xs:
                ax.plot(xs, ys, style, ms=3, label=label)
        ax.set_ylabel(ylabel)
    axes[0, 1].set_ylim(-0.03, 1.03)
    # The 100 m time (game clock) is what a runner is judged by: against steps and against wall-clock.
    for ax, getter, xlabel in ((axes[1, 0], col, "env steps (millions)"), (axes[1, 1], col_time, "wall-clock minutes (this run)")):
        for name, label, style in (("time_100m", "train (finished recent episodes)", "-"),
                                   ("eval_time_100m", "eval mean", "o-"), ("eval_best_time_100m", "eval best", ".")):
            xs, ys = getter(name)
            if xs:
                ax.plot(xs, ys, style, ms=3, label=label)
        ax.set_ylabel("100 m time (game clock s)")
        ax.set_xlabel(xlabel)
    for ax in axes.flat:
        if ax.get_xlabel() == "":
            ax.set_xlabel("env steps (millions)")
        if ax.lines:
            ax.legend(loc="best", fontsize=8)
        ax.grid(alpha=0.3)
    fig.suptitle(os.path.basename(os.path.normpath(run_dir)))
    fig.tight_layout()
    out = os.path.join(run_dir, "learning_curve.png")
    tmp = out + ".tmp.png"
    fig.savefig(tmp, dpi=90)
    plt.close(fig)
    os.replace(tmp, out)
    return out
