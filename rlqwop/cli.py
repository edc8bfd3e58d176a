"""`run.py` / `qwop-rl`: one command with subcommands, each delegating to its own argparser.

    run.py [train] [TRAIN FLAGS]     train PPO (the default when no subcommand is given):
                                     rlqwop.train.main, flags in rlqwop/config.py
    run.py eval --checkpoint PATH    evaluate a checkpoint: rlqwop.evaluate.main
    run.py report --checkpoint PATH  the standard evaluation table (every start, game and sim):
                                     rlqwop.report.main
    run.py select CKPT [CKPT ...]    the quick selection set on the game, one row per checkpoint:
                                     rlqwop.select.main

`run.py train --help`, `run.py eval --help`, `run.py report --help` and `run.py select --help` list
each subcommand's flags. The console scripts `qwop-train`, `qwop-eval` and `qwop-report` are the
subcommands on their own (`qwop-rl select ...` for the selection).
"""
from __future__ import annotations

import argparse
import sys

COMMANDS = {
    "train": "train PPO on a QWOP env (default when no subcommand is given)",
    "eval": "evaluate a checkpoint with the deterministic policy",
    "report": "the standard evaluation: every kind of start, on the game and the sim, as one table",
    "select": "the quick selection set on the game (other seeds than report's), one row per checkpoint",
}


def build_parser(prog: str = "run.py") -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=prog, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="QWOP-RL: train PPO on QWOP, or evaluate and select checkpoints.",
        epilog=f"examples:\n  {prog} --backend sim --cpu 2 --name sprint     (= {prog} train ...)\n"
               f"  {prog} --resume runs/sprint\n"
               f"  {prog} eval --checkpoint runs/sprint/best.pt --backend browser --episodes 3\n"
               f"`{prog} train --help` / `{prog} eval --help` list every flag.")
    sub = p.add_subparsers(dest="command", metavar="{train,eval,report,select}")
    for name, text in COMMANDS.items():
        # the subcommand's own parser (rlqwop.config / rlqwop.evaluate) reads the rest, --help included
        sub.add_parser(name, help=text, add_help=False)
    return p


def main(argv=None, prog: str | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if prog is None:
        import os
        prog = os.path.basename(sys.argv[0]) or "run.py"
        if prog == "__main__.py":
            prog = "python -m rlqwop.cli"
    if not argv or argv[0] not in (*COMMANDS, "-h", "--help"):
        argv = ["train"] + argv  # no subcommand: train, as `python run.py --backend sim` always did
    args, rest = build_parser(prog).parse_known_args(argv[:1])
    rest = rest + argv[1:]
    return {"eval": evaluate, "report": report, "select": select}.get(args.command, train)(rest)


def _with_hint(module: str, argv):
    """Run ``module.main(argv)``; a missing training package ends with the extra to install."""
    import importlib
    try:
        return importlib.import_module(module).main(argv)
    except ModuleNotFoundError as e:
        extra = {"torch": "train", "mpi4py": "train", "tensorboard": "train", "matplotlib": "train",
                 "tqdm": "train", "imageio": "viewer", "PIL": "viewer"}.get((e.name or "").split(".")[0])
        if extra is None:
            raise
        sys.exit(f"{module}: {e}: pip install 'qwop-rl[{extra}]'")


def train(argv=None) -> int:
    """`qwop-train`: rlqwop.train.main."""
    return _with_hint("rlqwop.train", argv)


def evaluate(argv=None) -> int:
    """`qwop-eval`: rlqwop.evaluate.main."""
    return _with_hint("rlqwop.evaluate", argv)


def report(argv=None) -> int:
    """`qwop-report`: rlqwop.report.main."""
    return _with_hint("rlqwop.report", argv)


def select(argv=None) -> int:
    """`run.py select`: rlqwop.select.main."""
    return _with_hint("rlqwop.select", argv)


if __name__ == "__main__":
    sys.exit(main())
