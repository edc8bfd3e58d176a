# The two entry points of the README: `make train` (main job) and `make test` (what CI runs).
# Both install what they need first (scripts/install.sh is idempotent).
PYTHON ?= python3
export OMPI_ALLOW_RUN_AS_ROOT ?= 1
export OMPI_ALLOW_RUN_AS_ROOT_CONFIRM ?= 1

.PHONY: install train test test-game test-python bench parity

install:
	bash scripts/install.sh

# One MPI process per core (rank 0 learns and acts, the others act); runs/<name>/ holds the results.
CPUS ?= $(shell nproc)
train: install
	$(PYTHON) run.py --backend sim --cpu $(CPUS)

test: install test-game test-python

test-game:
	cd game && npm test

test-python:
	$(PYTHON) -m pytest -q

# Speed figures, each a ratio measured within one run (the machine is shared and noisy).
bench: install
	cd game && npm run bench
	$(PYTHON) -m qwop_sim.bench
	$(PYTHON) -m qwop_sim.bench_envs
	$(PYTHON) -m rlqwop.bench

# The parity report: sim against the game, game against the real QWOP (markdown + plots in out/).
parity: install
	$(PYTHON) -m tests.parity --report out/parity
