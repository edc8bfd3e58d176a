#!/usr/bin/env python3
"""Train PPO on QWOP, or evaluate a checkpoint (subcommands: train, the default, eval and report).

    python run.py --backend sim                      # train on qwop-v0 (the embedded simulator)
    python run.py train --backend sim                # the same, subcommand spelled out
    python run.py --backend sim --cpu 2              # 2 MPI processes (relaunches under mpiexec)
    mpiexec -n 4 python run.py --backend sim         # the same, launched by hand
    python run.py --env frame-qwop-v0                # from pixels (CNN)
    python run.py --resume runs/NAME                 # continue after Ctrl-C / a kill
    python run.py eval --checkpoint runs/NAME/best.pt --backend browser --episodes 5 --record out.gif
    python run.py report --checkpoint runs/NAME/best.pt   # every kind of start, on the game and the sim

`python run.py train --help` and `python run.py eval --help` list every flag (rlqwop/README.md
explains them). Installed, the same command is `qwop-rl`; `qwop-train`, `qwop-eval` and
`qwop-report` are its subcommands.
"""
import sys

if __name__ == "__main__":
    from rlqwop.cli import main

    sys.exit(main(prog="run.py"))
