"""`python -m qwop_sim.render`: the pygame viewer (see qwop_sim/render/viewer.py)."""
import sys

from qwop_sim.render.viewer import main

sys.exit(main())
