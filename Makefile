# The two entry points of the README: `make train` (main job) and `make test` (what CI runs).
# Both install what they need first (scripts/install.sh is idempotent).
PYTHON ?= python3
export OMPI_ALLOW_RUN_AS_ROOT ?= 1
export OMPI_ALLOW_RUN_AS_ROOT_CONFIRM ?= 1

.PHONY: install train test test-game test-python bench

install:
	bash scripts/install.sh

train: install
	$(PYTHON) run.py --backend sim

test: install test-game test-python

test-game:
	cd game && npm test

test-python:
	$(PYTHON) -m pytest -q

bench: install
	cd game && npm run bench
	$(PYTHON) -m qwop_sim.bench
