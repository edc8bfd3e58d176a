"""Training: the whole PPO loop in one readable flow.

Every iteration:
  1. rank 0 broadcasts [stop, global_step, iteration], the flat parameters and the normaliser;
  2. every acting rank steps its envs for num_steps and computes GAE (rollout.py);
  3. experience is gathered to rank 0 as flat arrays (Gatherv), with each rank's normaliser delta
     and finished episodes;
  4. rank 0 merges the statistics, runs the PPO update (ppo.py), logs, evaluates, checkpoints.
With one process rank 0 does everything. Run with `python run.py ...` (see config.py for flags).
"""
from __future__ import annotations

import collections
import json
import math
import os
import signal
import sys
import time

import numpy as np
import torch

from . import checkpoint
from .config import PLOT_SECONDS, config_dict, ignored_saved_keys, parse_args, run_dir
from .envs import EnvConfigError, check_env_id, make_env
from .evaluate import evaluate
from .logger import Logger, plot_learning_curve, write_config
from .mpi import gatherv_rows, gentle_barrier, install_abort_hook, relaunch, world
from .networks import build_model, param_hash, space_spec
from .normalize import Normalizer
from .policy import Policy
from .ppo import lr_at, ppo_update
from .rollout import Rollout, data_columns
from .vecenvs import close_envs, env_spaces, make_envs


class _StopFlag:
    """SIGINT/SIGTERM on the learner: finish the iteration, save latest.pt, stop every rank.
    A second Ctrl-C interrupts at once."""

    def __init__(self):
        self.requested = False
        self.signal_name = None

    def __call__(self, signum, frame):
        if self.requested and signum in (signal.SIGINT, signal.SIGUSR1):
            raise KeyboardInterrupt
        self.requested = True
        self.signal_name = signal.Signals(signum).name
        sys.stderr.write(f"\n[rlqwop] {self.signal_name}: saving latest.pt and stopping after this iteration "
                         f"(Ctrl-C again to quit now)\n")


def _launch_argv(argv):
    script = sys.argv[0]
    if script.endswith("run.py"):
        return [script] + list(argv)
    return ["-m", "rlqwop.train"] + list(argv)


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    # pre-flight checks in this one process, before mpiexec starts any rank
    problem = check_env_id(args.env)
    if problem:
        sys.exit(f"run.py: --env {args.env}: {problem}")
    if not args.resume and os.path.isfile(os.path.join(run_dir(args), "latest.pt")):
        sys.exit(f"run.py: {run_dir(args)} already holds a run; continue it with --resume {run_dir(args)} "
                 f"or pick another --name")
    latest = os.path.join(run_dir(args), "latest.pt")
    if args.resume and os.path.isfile(latest):
        try:
            checkpoint.load(latest, require=checkpoint.RESUME_KEYS)
        except checkpoint.CheckpointError as e:
            sys.exit(f"run.py: --resume {args.resume}: {e}")
    if args.cpu > 1:
        relaunch(args.cpu, _launch_argv(argv))  # does not return unless already under mpiexec

    comm = world()
    install_abort_hook(comm)
    try:
        try:
            return _train(args, comm)
        except EnvConfigError as e:  # the env refused its arguments: one line, not a traceback
            sys.exit(f"run.py: {e}")
    except SystemExit as e:
        # one rank leaving on its own would leave the others waiting in a collective forever
        if comm.Get_size() > 1 and e.code not in (0, None):
            sys.stderr.write(f"[rlqwop] rank {comm.Get_rank()}: {e.code}; aborting the MPI job\n")
            sys.stderr.flush()
            comm.Abort(2)
        raise


def _train(args, comm) -> int:
    rank, size = comm.Get_rank(), comm.Get_size()
    torch.set_num_threads(args.torch_threads)
    # --update-threads 0 (auto) resolved once and saved as the number (config.json): the update's
    # floats depend on it, so a --resume elsewhere goes on with the same count
    if not args.update_threads:
        args.update_threads = _usable_cpus()
    learner_acts = size == 1 or args.learner_acts == "on" or (args.learner_acts == "auto" and size <= 2)
    if size == 1 and args.learner_acts == "off":
        sys.exit("run.py: --learner-acts off needs at least 2 MPI processes (--cpu 2)")
    acting = rank != 0 or learner_acts
    n_acting = (size - 1) + int(learner_acts)
    first_actor = 0 if learner_acts else 1

    seed = args.seed + 1000 * rank
    np.random.seed(seed)
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)

    # ---- envs and model ----------------------------------------------------------------
    envs = make_envs(args) if acting else []  # sim qwop-v0: one batched vector env (rlqwop/vecenvs.py)
    spec = space_spec(*env_spaces(envs)) if rank == first_actor else None
    spec = comm.bcast(spec, root=first_actor)
    model = build_model(spec, args)
    norm_obs = args.norm_obs == "on" or (args.norm_obs == "auto" and not spec["image"])
    norm = Normalizer(tuple(spec["obs_shape"]), norm_obs, args.norm_reward, args.gamma,
                      clip_obs=args.clip_obs, clip_reward=args.clip_reward)
    cols = data_columns(model.n_act, model.kind)

    # ---- learner state --------------------------------------------------------------------
    global_step, iteration, best_eval = 0, 0, -math.inf
    optimizer = logger = bar = None
    rd = run_dir(args)
    config = config_dict(args)
    # the processes this run really has: `--cpu N` relaunches under mpiexec, where the flag reads 1
    config["cpu"] = size
    learner = model  # the network the update trains: a copy on the GPU with --device cuda
    if rank == 0:
        device = _learner_device(args.device)
        if device.type != "cpu":
            import copy
            learner = copy.deepcopy(model).to(device)
        optimizer = torch.optim.Adam(learner.parameters(), lr=args.lr, eps=1e-5)
        latest = os.path.join(rd, "latest.pt")
        if args.resume:
            if os.path.isfile(latest):
                state = checkpoint.load(latest)
                model.load_state_dict(state["model"])
                learner.load_state_dict(state["model"])
                optimizer.load_state_dict(state["optimizer"])
                norm.load_state_dict(state["normalizer"])
                global_step, iteration = state["global_step"], state["iteration"]
                best_eval = state.get("best_eval", -math.inf)
                print(f"[rlqwop] resumed {rd} at step {global_step} (iteration {iteration})", flush=True)
            else:
                print(f"[rlqwop] {rd} has no latest.pt yet: starting it from scratch", flush=True)
            ignored = ignored_saved_keys(args.resume)
            if ignored:  # flags removed since the run was made (e.g. overlap): config.json loses them
                print(f"[rlqwop] {rd}/config.json: ignoring {', '.join(ignored)} (no such flag any more)", flush=True)
        elif args.init_from:
            _init_from(args.init_from, model, norm, spec, args.activation)
            learner.load_state_dict(model.state_dict())
            print(f"[rlqwop] initialised the policy and normaliser from {args.init_from}", flush=True)
        elif os.path.isfile(latest):
            sys.exit(f"run.py: {rd} already holds a run; continue it with --resume {rd} or pick another --name")
        write_config(rd, config)
        logger = Logger(rd, config, tensorboard=args.tensorboard, resume_step=global_step or None,
                        keep_until=iteration)
        stop_flag = _StopFlag()
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGUSR1):
            signal.signal(sig, stop_flag)  # SIGUSR1: what `--cpu N` sends through mpiexec on Ctrl-C
        print(f"[rlqwop] run {rd}: env {args.env} backend {args.backend}, {size} process(es), "
              f"{n_acting} acting x {args.num_envs} envs x {args.num_steps} steps = "
              f"{n_acting * args.num_envs * args.num_steps} steps/iteration, {sum(p.numel() for p in model.parameters())} "
              f"parameters, learner on {device}", flush=True)
        if args.progress:
            from tqdm import tqdm
            bar = tqdm(total=args.total_steps, initial=min(global_step, args.total_steps), unit="step",
                       dynamic_ncols=True, smoothing=0.05)
    elif size > 1:
        for sig in (signal.SIGINT, signal.SIGUSR1):
            signal.signal(sig, signal.SIG_IGN)  # the learner decides when everyone stops

    rollout = Rollout(envs, model, norm, args.num_steps, args.gamma, args.gae_lambda, seed=seed) if acting else None
    n_params = model.flat_parameters().size
    n_norm = norm.to_array().size
    recent = collections.deque(maxlen=100)
    eval_env = None
    t_start, step_start = time.time(), global_step
    t_before = logger.last_time_s if rank == 0 else 0.0  # progress.csv's time_s goes on after a resume
    last_row = {}
    last_plot = time.monotonic()  # --plot-every 0: the first redraw a minute in

    # ---- the loop ---------------------------------------------------------------------------
    # Everyone waits for the new parameters before acting (the learner, if it acts, too).
    empty_obs = np.zeros((0,) + tuple(spec["obs_shape"]), np.uint8 if spec["image"] else np.float32)
    empty_data = np.zeros((0, cols["width"]), np.float32)

    def save(name: str) -> None:
        checkpoint.save(os.path.join(rd, name),
                        checkpoint.make_state(model, optimizer, norm, global_step, iteration, best_eval, config))

    while True:
        # 1. broadcast control, parameters, normaliser
        if rank == 0:
            stop = global_step >= args.total_steps or stop_flag.requested
            bufs = [np.array([stop, global_step, iteration], np.float64), model.flat_parameters(), norm.to_array()]
        else:
            bufs = [np.empty(3, np.float64), np.empty(n_params, np.float32), np.empty(n_norm, np.float64)]
        gentle_barrier(comm)  # actors sleep (not spin) while the learner updates
        t_collect = time.perf_counter()
        for buf in bufs:
            comm.Bcast(buf, root=0)
        if rank != 0:
            model.load_flat_parameters(bufs[1])
            norm.from_array(bufs[2])
        if bool(bufs[0][0]):
            break
        it = int(bufs[0][2])

        # 2. act (with the new parameters)
        if not acting:
            obs, data, episodes, delta = empty_obs, empty_data, [], np.zeros(n_norm)
        else:
            if rank == args.crash_rank and it >= args.crash_at_iter:
                raise RuntimeError(f"deliberate crash of rank {rank} at iteration {it} (--crash-rank, for tests)")
            obs, data, episodes, delta = rollout.collect()

        # 3. gather experience to the learner
        gentle_barrier(comm)  # the learner sleeps (not spins) while the actors finish
        all_obs, all_data = gatherv_rows(comm, obs), gatherv_rows(comm, data)
        side = comm.gather((episodes, delta), root=0)

        # 4. learn (rank 0)
        if rank != 0:
            continue
        for eps, d in side:
            recent.extend(eps)
            norm.merge_array(d)
        t_update = time.perf_counter()
        lr = lr_at(args, global_step)
        for group in optimizer.param_groups:
            group["lr"] = lr
        torch.set_num_threads(args.update_threads)  # the other ranks sleep in the barrier meanwhile
        stats = ppo_update(learner, optimizer, all_obs, all_data, args, rng)
        torch.set_num_threads(args.torch_threads)
        # where an iteration's wall-clock goes (progress.csv): the parameters' broadcast, acting on
        # every rank and the gather, then the learner's update (rlqwop.bench reports the shares)
        timing = {"collect_s": round(t_update - t_collect, 4), "update_s": round(time.perf_counter() - t_update, 4)}
        if learner is not model:  # the actors' copy (and the broadcast) follow the learner
            model.load_state_dict(learner.state_dict())
        global_step += len(all_obs)
        iteration += 1

        elapsed = time.time() - t_start
        sps = (global_step - step_start) / max(elapsed, 1e-9)
        row = {"iteration": iteration, "global_step": global_step, "time_s": round(t_before + elapsed, 2),
               "sps": round(sps, 1), "lr": lr, **stats, **_episode_stats(recent), **timing}

        if args.eval_every and iteration % args.eval_every == 0:
            if eval_env is None:
                eval_env = make_env(args, backend=args.eval_backend, env_kwargs=_eval_env_kwargs(args))
            model.eval()
            _, summ = evaluate(Policy(model, norm, config), eval_env, args.eval_episodes, args.eval_max_steps,
                               seed=args.seed + 10_000)
            model.train()
            row.update({"eval_mean_distance": summ["mean_distance"], "eval_finish_rate": summ["finish_rate"],
                        "eval_time_100m": summ["time_100m"], "eval_best_time_100m": summ["best_time_100m"],
                        "eval_mean_return": summ["mean_return"]})
            score = _eval_score(summ)
        elif not args.eval_every and iteration % args.save_every == 0:
            score = row.get("mean_distance", math.nan)  # no evaluations: the training episodes' distance
            score = row.get("mean_return", math.nan) if math.isnan(score) else score
        else:
            score = math.nan
        if not math.isnan(score) and score > best_eval:
            best_eval = score
            save("best.pt")

        if iteration % args.log_every == 0:
            logger.log(row)
        if iteration % args.save_every == 0:
            save("latest.pt")
        if _plot_due(args.plot_every, iteration, last_plot):
            plot_learning_curve(rd)
            last_plot = time.monotonic()
        if bar is not None:
            bar.update(min(global_step, args.total_steps) - bar.n)
            bar.set_postfix_str(_postfix(row), refresh=False)
        last_row = row

    # ---- shutdown ----------------------------------------------------------------------------
    if rank == 0:
        save("latest.pt")
        if last_row and (not last_row.get("iteration") or last_row["iteration"] % args.log_every):
            logger.log(last_row)
        plot_learning_curve(rd)
        logger.close()
        if bar is not None:
            bar.close()
        why = "done"
        if stop_flag.requested:
            via = " (Ctrl-C/SIGTERM forwarded by --cpu)" if stop_flag.signal_name == "SIGUSR1" else ""
            why = f"stopped by {stop_flag.signal_name}{via}"
        print(f"[rlqwop] {why}: {global_step} steps, {iteration} iterations; "
              f"{_postfix(last_row) if last_row else ''}; checkpoint {os.path.join(rd, 'latest.pt')}", flush=True)
        if eval_env is not None:
            eval_env.close()
    close_envs(envs)
    if args.print_param_hash:
        print(f"PARAM_HASH rank={rank} sha={param_hash(model)}", flush=True)
    return 0


def _usable_cpus() -> int:
    """The CPUs this process may run on: its affinity (what mpiexec or taskset left it), at most
    the cgroup's CPU quota (docker --cpus, Kubernetes limits: cgroup v2's cpu.max)."""
    n = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    try:
        with open("/sys/fs/cgroup/cpu.max") as f:
            quota, period = f.read().split()[:2]
        if quota != "max":
            n = min(n, max(1, math.ceil(int(quota) / int(period))))
    except (OSError, ValueError):
        pass
    return n


def _learner_device(name: str) -> torch.device:
    """--device: auto is cuda when torch sees a GPU; cuda without one is an error, not a fallback."""
    if name == "auto":
        name = "cuda" if torch.cuda.is_available() else "cpu"
    if name == "cuda" and not torch.cuda.is_available():
        sys.exit("run.py: --device cuda: torch sees no CUDA device (this torch is "
                 f"{torch.__version__}; use --device cpu or auto)")
    return torch.device(name)


def _eval_env_kwargs(args) -> str:
    """--eval-env-kwargs, else the training env's kwargs less the training-only curriculum
    (mid-race starts): the periodic evaluation runs races from the line."""
    if args.eval_env_kwargs is not None:
        return args.eval_env_kwargs
    from qwop_sim.envs.starts import without_training_only

    return json.dumps(without_training_only(json.loads(args.env_kwargs or "{}")), sort_keys=True)


def _plot_due(plot_every: int, iteration: int, last_plot: float) -> bool:
    """Redraw the learning curve now? Every ``plot_every`` iterations, or with 0 by wall-clock (at most
    once every PLOT_SECONDS): a redraw costs ~1 s, which at ~1 s an iteration every 10 was ~12% of a run."""
    if plot_every:
        return iteration % plot_every == 0
    return time.monotonic() - last_plot >= PLOT_SECONDS


def _init_from(path: str, model, norm, spec: dict, activation: str) -> None:
    """Fine-tuning: weights and observation statistics of another run's checkpoint (not its optimizer,
    step count or flags). The observation and action spaces and the network must be the same."""
    from .config import saved_network

    state = checkpoint.load(path)
    if state.get("spec") != spec:
        sys.exit(f"run.py: --init-from {path}: its spaces {state.get('spec')} differ from this run's {spec}")
    theirs = saved_network(state.get("config") or {})["activation"]
    if not spec["image"] and theirs != activation:  # same shapes, so load_state_dict would not notice
        sys.exit(f"run.py: --init-from {path}: its network is {theirs}, this run's --activation {activation}: "
                 f"its weights would run through another function (leave --activation out to keep {theirs}, "
                 f"or move the runner into {activation} with python -m rlqwop.distill)")
    try:
        model.load_state_dict(state["model"])
    except RuntimeError as e:
        sys.exit(f"run.py: --init-from {path}: its network does not fit --hidden/--activation: {e}")
    norm.load_state_dict(state["normalizer"])


def _eval_score(summ: dict) -> float:
    """What best.pt maximises: distance; once every episode finishes, a faster 100 m ranks higher."""
    if math.isnan(summ["mean_distance"]):
        return summ["mean_return"]
    if summ["finish_rate"] == 1.0 and not math.isnan(summ["time_100m"]):
        return summ["mean_distance"] + 1000.0 / max(summ["time_100m"], 1e-3)
    return summ["mean_distance"]


def _episode_stats(recent) -> dict:
    if not recent:
        return {"episodes": 0}
    eps = list(recent)
    dist = [e["distance"] for e in eps if not math.isnan(e["distance"])]
    return {
        "episodes": len(eps),
        "mean_distance": float(np.mean(dist)) if dist else math.nan,
        "max_distance": float(np.max(dist)) if dist else math.nan,
        "mean_return": float(np.mean([e["return"] for e in eps])),
        "mean_length": float(np.mean([e["length"] for e in eps])),
        "finish_rate": float(np.mean([e["finished"] for e in eps])),
        "fall_rate": float(np.mean([e["fallen"] for e in eps])),
        "time_100m": float(np.mean(fin)) if (fin := [e["clock"] for e in eps if e["finished"]]) else math.nan,
    }


def _postfix(row: dict) -> str:
    def f(k, fmt):
        v = row.get(k)
        return fmt % v if isinstance(v, (int, float)) and not math.isnan(v) else "-"
    s = f"dist {f('mean_distance', '%.1f')}m rew {f('mean_return', '%.1f')} {f('sps', '%.0f')} steps/s"
    if "eval_mean_distance" in row:
        s += f" eval {f('eval_mean_distance', '%.1f')}m"
    return s


if __name__ == "__main__":
    sys.exit(main())
