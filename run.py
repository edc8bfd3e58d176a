#!/usr/bin/env python3
"""Train PPO on QWOP, or evaluate a checkpoint.

    python run.py --backend sim                      # train on qwop-v0 (the embedded simulator)
    python run.py --backend sim --cpu 2              # 2 MPI processes (relaunches under mpiexec)
    mpiexec -n 4 python run.py --backend sim         # the same, launched by hand
    python run.py --env frame-qwop-v0                # from pixels (CNN)
    python run.py --resume runs/NAME                 # continue after Ctrl-C / a kill
    python run.py eval --checkpoint runs/NAME/best.pt --backend browser --episodes 5 --record out.gif

`python run.py --help` lists every flag; docs/training.md explains them.
"""
import sys

if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "eval":
        from rlqwop.evaluate import main as eval_main
        sys.exit(eval_main(sys.argv[2:]))
    from rlqwop.train import main
    sys.exit(main(sys.argv[1:]))
