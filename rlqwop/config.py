"""Command-line flags of the trainer: one named flag per hyperparameter, validation, resume merge.

`parse_args(argv)` returns an `argparse.Namespace`; `config_dict(args)` is what goes to config.json
and TensorBoard. With `--resume runs/NAME` the saved config.json becomes the defaults and only the
flags given on the command line override it (so `--resume runs/x --total-steps 5000000` extends a
run). Keys of flags this version no longer has (e.g. `overlap`, in the runs of models/) are ignored,
with a one-line note (`ignored_saved_keys`).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import time

# the QWOP ids, their backends and action modes: qwop_sim's lists (the flags' choices follow them)
from qwop_sim.backends import BACKENDS
from qwop_sim.envs import ENV_IDS
from qwop_sim.envs.core import ACTION_MODES

# Flags that describe *how* this process is launched, not the experiment: never taken from a saved
# config on resume. (--cpu is: a resumed run keeps its process count unless --cpu is given again.)
_LAUNCH_FLAGS = {"resume", "crash_rank", "crash_at_iter", "print_param_hash"}
# --plot-every 0: redraw the learning curve at most this often (wall-clock seconds).
PLOT_SECONDS = 60.0


def _positive_int(text: str) -> int:
    try:
        value = int(float(text)) if "e" in text.lower() else int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return value


def _nonneg_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an integer >= 0, got {text!r}")
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected an integer >= 0, got {text!r}")
    return value


def _float_in(lo: float, hi: float, lo_open: bool = False, hi_open: bool = False):
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a number, got {text!r}")
        bad = (not math.isfinite(value) or value < lo or value > hi or (lo_open and value == lo)
               or (hi_open and value == hi))
        if bad:
            lb = "(" if lo_open else "["
            hb = ")" if hi_open else "]"
            raise argparse.ArgumentTypeError(f"expected a number in {lb}{lo}, {hi}{hb}, got {text!r}")
        return value
    parse.__name__ = "number"
    return parse


def _bool(text: str) -> bool:
    low = text.lower()
    if low in ("1", "true", "yes", "on"):
        return True
    if low in ("0", "false", "no", "off"):
        return False
    raise argparse.ArgumentTypeError(f"expected true/false, got {text!r}")


def _hidden(text: str) -> tuple:
    try:
        sizes = tuple(int(s) for s in text.split(",") if s.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected comma-separated layer sizes like 64,64, got {text!r}")
    if not sizes or any(s <= 0 for s in sizes):
        raise argparse.ArgumentTypeError(f"expected comma-separated positive layer sizes, got {text!r}")
    return sizes


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="run.py",
        description="Train PPO on QWOP (rank 0 learns, other MPI ranks act). "
                    "`python run.py eval --checkpoint PATH` evaluates a checkpoint.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    g = p.add_argument_group("environment")
    g.add_argument("--env", default="qwop-v0",
                   help=f"Gymnasium id: one of {', '.join(ENV_IDS)} or any registered id "
                        "(e.g. rlqwop/ToyRun-v0, CartPole-v1)")
    g.add_argument("--backend", default="sim", choices=BACKENDS, help="physics backend of the QWOP envs")
    g.add_argument("--action-mode", default="multibinary", choices=ACTION_MODES,
                   help="MultiBinary(4) (Q,W,O,P) or Discrete(16)")
    g.add_argument("--frame-skip", type=_positive_int, default=4,
                   help="game frames per env step (QWOP envs)")
    g.add_argument("--env-kwargs", default="{}", help="extra gym.make keyword arguments as JSON")
    g.add_argument("--num-envs", type=_positive_int, default=None,
                   help="envs stepped by each acting rank (default: 32 for qwop-v0 on the sim, one batched vector "
                        "env; 1 for browser/node; 8 for the pixel ids on the sim and the toy envs)")
    g.add_argument("--max-episode-steps", type=_nonneg_int, default=0,
                   help="truncate training episodes after this many steps (0: the env's own limit)")
    g.add_argument("--seed", type=int, default=1)

    g = p.add_argument_group("PPO")
    g.add_argument("--total-steps", type=_positive_int, default=40_000_000,
                   help="env steps in total over all ranks (training stops there)")
    g.add_argument("--num-steps", type=_positive_int, default=None,
                   help="rollout length per env per iteration (default: 64 for qwop-v0 on the sim, so 2048 "
                        "steps per acting rank; 256 otherwise)")
    g.add_argument("--lr", type=_float_in(0, 1, lo_open=True), default=3e-4, help="Adam learning rate")
    g.add_argument("--anneal-lr", type=_bool, default=True, help="linearly anneal lr to 0 over total-steps")
    g.add_argument("--gamma", type=_float_in(0, 1), default=0.99, help="discount")
    g.add_argument("--gae-lambda", type=_float_in(0, 1), default=0.95)
    g.add_argument("--update-epochs", type=_positive_int, default=4, help="passes over each batch")
    g.add_argument("--minibatch-size", type=_positive_int, default=1024)
    g.add_argument("--clip-coef", type=_float_in(0, 10, lo_open=True), default=0.2)
    g.add_argument("--clip-vloss", type=_bool, default=False, help="clip the value loss like the policy")
    g.add_argument("--norm-adv", type=_bool, default=True, help="normalise advantages per minibatch")
    g.add_argument("--ent-coef", type=_float_in(0, 10), default=0.01)
    g.add_argument("--vf-coef", type=_float_in(0, 100), default=0.5)
    g.add_argument("--max-grad-norm", type=_float_in(0, 1e6, lo_open=True), default=0.5)
    g.add_argument("--target-kl", type=_float_in(0, 10), default=0.03,
                   help="stop the epoch loop when the approximate KL exceeds this (0: off)")
    g.add_argument("--norm-obs", choices=("auto", "on", "off"), default="auto",
                   help="running observation normalisation (auto: on for float vectors, off for images)")
    g.add_argument("--norm-reward", type=_bool, default=True,
                   help="scale rewards by the running std of the discounted return")
    g.add_argument("--clip-obs", type=_float_in(0, 1e6, lo_open=True), default=10.0)
    g.add_argument("--clip-reward", type=_float_in(0, 1e6, lo_open=True), default=10.0)

    g = p.add_argument_group("network")
    g.add_argument("--hidden", type=_hidden, default=None,
                   help="MLP hidden layer sizes for vector observations (default: the --init-from "
                        "checkpoint's, else 128,128)")
    g.add_argument("--activation", choices=("tanh", "relu"), default=None,
                   help="the MLP's activation (default: the --init-from checkpoint's, a --resume's own, else relu; "
                        "tanh before Dec 3)")
    g.add_argument("--cnn-features", type=_positive_int, default=256,
                   help="width of the CNN's last layer for pixel observations")

    g = p.add_argument_group("parallelism")
    g.add_argument("--cpu", type=_positive_int, default=1,
                   help="MPI processes: relaunch under `mpiexec -n N` (rank 0 learns, others act)")
    g.add_argument("--learner-acts", choices=("auto", "on", "off"), default="auto",
                   help="rank 0 also steps envs (auto: yes with 1-2 processes, where a pure learner would idle)")
    g.add_argument("--torch-threads", type=_positive_int, default=1, help="torch threads per process")
    g.add_argument("--update-threads", type=_nonneg_int, default=0,
                   help="torch threads of the learner's update (rank 0, on CPU); 0 (auto): every CPU this process "
                        "may run on (affinity, cgroup quota), since the other ranks wait (asleep) while the learner "
                        "updates; saved as the number used. Runs side by side on one machine: give each its share")
    g.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto",
                   help="where the learner's update runs (rank 0; actors always act on CPU): auto is cuda when "
                        "torch sees a GPU, else cpu")

    g = p.add_argument_group("evaluation")
    g.add_argument("--eval-every", type=_nonneg_int, default=50,
                   help="evaluate the deterministic policy every N iterations (0: off)")
    g.add_argument("--eval-episodes", type=_positive_int, default=1,
                   help="QWOP has no randomness: one deterministic episode says it all on sim")
    g.add_argument("--eval-backend", choices=BACKENDS, default=None,
                   help="backend of the evaluation env (default: --backend)")
    g.add_argument("--eval-max-steps", type=_positive_int, default=2000,
                   help="cut an evaluation episode after this many env steps")
    g.add_argument("--eval-env-kwargs", default=None, metavar="JSON",
                   help="gym.make keyword arguments of the evaluation env, replacing --env-kwargs "
                        "(default: the same as training), e.g. '{\"init_noise\": 0.1, \"start_delay\": 10}'")

    g = p.add_argument_group("output")
    g.add_argument("--name", default=None, help="run name: output goes to runs-dir/NAME (default: env-time)")
    g.add_argument("--runs-dir", default="runs")
    g.add_argument("--resume", default=None, metavar="RUN_DIR",
                   help="continue runs/NAME from its latest.pt (flags given here override its config)")
    g.add_argument("--init-from", default=None, metavar="CHECKPOINT",
                   help="start a new run from this checkpoint's weights and observation normaliser "
                        "(fine-tuning: fresh optimizer, step count and flags; the network must match)")
    g.add_argument("--save-every", type=_positive_int, default=10, help="write latest.pt every N iterations")
    g.add_argument("--log-every", type=_positive_int, default=1, help="progress.csv/TensorBoard every N iterations")
    g.add_argument("--plot-every", type=_nonneg_int, default=0,
                   help="redraw learning_curve.png every N iterations; 0: at most once every "
                        f"{PLOT_SECONDS:g} s of wall-clock (a redraw takes ~0.5-1.5 s: every 10 iterations cost "
                        "~12%% of a run at ~1 s an iteration)")
    g.add_argument("--tensorboard", type=_bool, default=True)
    g.add_argument("--progress", type=_bool, default=True, help="tqdm progress bar")

    g = p.add_argument_group("debugging (tests)")
    g.add_argument("--print-param-hash", action="store_true",
                   help="each rank prints PARAM_HASH rank=R sha=... of its flat parameters at the end")
    g.add_argument("--crash-rank", type=int, default=-1, help=argparse.SUPPRESS)
    g.add_argument("--crash-at-iter", type=int, default=1, help=argparse.SUPPRESS)
    return p


def checked_env_kwargs(p: argparse.ArgumentParser, env_kwargs, flag: str = "--env-kwargs") -> str:
    """--env-kwargs (JSON text, or a dict from a saved config) as canonical JSON of an object;
    anything else ends the command with a usage error (run.py and run.py eval)."""
    example = "must be a JSON object, e.g. '{\"init_noise\": 0.2}'"
    try:
        kw = json.loads(env_kwargs) if isinstance(env_kwargs, str) else env_kwargs
    except json.JSONDecodeError as e:
        p.error(f"{flag} {example} (not valid JSON: {e})")
    if not isinstance(kw, dict):
        p.error(f"{flag} {example}")
    return json.dumps(kw, sort_keys=True)


def _validate(p: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    args.env_kwargs = checked_env_kwargs(p, args.env_kwargs)
    if args.eval_env_kwargs is not None:
        args.eval_env_kwargs = checked_env_kwargs(p, args.eval_env_kwargs, flag="--eval-env-kwargs")
    # on --resume the run's own checkpoint is loaded and init_from is only its record (a path that may
    # not exist where the run is resumed, e.g. a fresh clone)
    if args.resume is None and args.init_from is not None and not os.path.exists(args.init_from):
        p.error(f"--init-from {args.init_from}: no such checkpoint")
    if ENV_IDS.get(args.env, "state") != "state" and args.norm_obs == "on":  # frame-qwop-v0, multi-frame-qwop-v0
        p.error("--norm-obs on makes no sense for pixel envs (images are scaled by 1/255)")
    if args.resume is not None and not os.path.isdir(args.resume):
        p.error(f"--resume {args.resume}: no such run directory")
    if args.name is not None and (os.sep in args.name or args.name in ("", ".", "..")):
        p.error(f"--name {args.name!r}: use a plain name; the run goes to --runs-dir/NAME")


def parse_args(argv=None) -> argparse.Namespace:
    p = build_parser()
    args = p.parse_args(argv)
    if args.resume is not None:
        if not os.path.isdir(args.resume):
            p.error(f"--resume {args.resume}: no such run directory")
        cfg_path = os.path.join(args.resume, "config.json")
        if not os.path.isfile(cfg_path):
            p.error(f"--resume {args.resume}: no config.json there (not a run directory?)")
        saved = _saved_config(args.resume)
        known = _dests(p)
        defaults = {k: v for k, v in saved.items() if k in known and k not in _LAUNCH_FLAGS}
        if "hidden" in defaults:
            defaults["hidden"] = tuple(defaults["hidden"])
        p.set_defaults(**defaults)
        args = p.parse_args(argv)
        args.name = os.path.basename(os.path.normpath(args.resume))
        args.runs_dir = os.path.dirname(os.path.normpath(args.resume)) or "."
    _validate(p, args)
    _network_defaults(args)
    # The sim's QWOP envs step as one batched vector env: 32 envs x 64 steps costs less per step than
    # 8 x 256 (one call and one policy forward for 32 envs) and learns the same per step (Dec 1:
    # from scratch, 2 M steps, finish rate 0.94 vs 0.91; rlqwop/README.md, Speed). Runs made before keep
    # theirs in config.json (--resume).
    sim_qwop = ENV_IDS.get(args.env) == "state" and args.backend == "sim"  # pixels: a list of envs
    if args.num_envs is None:
        args.num_envs = 32 if sim_qwop else (1 if args.env in ENV_IDS and args.backend != "sim" else 8)
    if args.num_steps is None:
        args.num_steps = 64 if sim_qwop else 256
    if args.eval_backend is None:
        args.eval_backend = args.backend
    if args.name is None:
        args.name = f"{args.env.replace('/', '_')}-{time.strftime('%Y%m%d-%H%M%S')}"
    return args


# A new run's network. relu since Dec 3 (session 31): from scratch with the trainer's defaults it
# learned QWOP sooner than tanh on three seeds of three (models/README.md, "relu against tanh"), and
# its update is ~20% cheaper on CPU (torch's tanh is slow there: rlqwop/README.md, "Speed").
DEFAULT_NETWORK = {"hidden": (128, 128), "activation": "relu"}
# What a saved config without these keys ran (checkpoints older than the flags): tanh, as every
# runner in models/ before session 31 (their configs say so).
LEGACY_NETWORK = {"hidden": (128, 128), "activation": "tanh"}


def saved_network(cfg: dict) -> dict:
    """The MLP a run's saved config describes (hidden as a tuple, activation); a key it lacks (a
    checkpoint older than the flag) was the default of its day (LEGACY_NETWORK)."""
    return {"hidden": tuple(cfg.get("hidden", LEGACY_NETWORK["hidden"])),
            "activation": cfg.get("activation", LEGACY_NETWORK["activation"])}


def _network_defaults(args: argparse.Namespace) -> None:
    """--hidden / --activation left out: a fine-tune (--init-from) keeps its checkpoint's network, so
    fine-tuning a widened runner needs no flag that must match it; a --resume whose config.json
    lacks them ran the legacy network; a new run gets DEFAULT_NETWORK."""
    if args.hidden is not None and args.activation is not None:
        return
    if args.resume is not None:
        network = saved_network({})  # config.json's keys are in args already: only a missing one is None
    elif args.init_from is not None:
        from rlqwop import checkpoint  # torch: only when a checkpoint is read
        network = saved_network(checkpoint.load(args.init_from).get("config") or {})
    else:
        network = DEFAULT_NETWORK
    for key, value in network.items():
        if getattr(args, key) is None:
            setattr(args, key, value)


def _saved_config(resume_dir: str) -> dict:
    with open(os.path.join(resume_dir, "config.json")) as f:
        return json.load(f)


def _dests(p: argparse.ArgumentParser) -> set:
    return {a.dest for a in p._actions}


def ignored_saved_keys(resume_dir: str) -> list:
    """The keys of ``resume_dir``'s config.json that name no flag of this version (flags removed
    since the run was made): ``--resume`` ignores them."""
    return sorted(set(_saved_config(resume_dir)) - _dests(build_parser()))


def config_dict(args: argparse.Namespace) -> dict:
    out = {}
    for k, v in vars(args).items():
        out[k] = list(v) if isinstance(v, tuple) else v
    return out


def run_dir(args: argparse.Namespace) -> str:
    return os.path.join(args.runs_dir, args.name)
