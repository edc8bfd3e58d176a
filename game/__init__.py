"""The game folder, shipped inside the Python distribution as the package `qwop_game`.

Python never runs the game from here; it reads `qwop.json` (the one definition of the constants)
and finds the game's files to serve (`GAME_DIR`) for the node and browser backends.
"""
from pathlib import Path

GAME_DIR = Path(__file__).resolve().parent
