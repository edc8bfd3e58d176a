"""rlqwop/widen.py: a wider network that computes what the trained one computes, and fine-tunes."""
from __future__ import annotations

import os

import pytest
import torch

from rlqwop import checkpoint, widen
from rlqwop.networks import ActorCritic

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODEL = os.path.join(ROOT, "models", "qwop-ppo-sim-v4.pt")  # 128-128: the widening v5 was made from


def _net(state, hidden):
    m = ActorCritic(state["spec"], hidden)
    m.load_state_dict(state["model"])  # strict: every tensor has the shape the wider network needs
    return m


def test_the_widened_policy_acts_and_values_as_the_trained_one(tmp_path):
    out = str(tmp_path / "wide.pt")
    assert widen.main(["--checkpoint", MODEL, "--hidden", "256,192", "--out", out, "--seed", "3"]) == 0
    old, new = checkpoint.load(MODEL), checkpoint.load(out)
    assert new["config"]["hidden"] == [256, 192] and widen.hidden_sizes(new["model"]) == (256, 192)
    a, b = _net(old, tuple(old["config"]["hidden"])), _net(new, (256, 192))
    x = torch.randn(512, old["spec"]["obs_shape"][0]) * 3
    with torch.no_grad():
        assert torch.allclose(a.actor(x), b.actor(x), atol=1e-6)
        assert torch.allclose(a.get_value(x), b.get_value(x), atol=1e-6)
        assert torch.equal(a.deterministic(x), b.deterministic(x))
    assert (new["normalizer"]["array"] == old["normalizer"]["array"]).all()


def test_new_units_compute_and_their_outgoing_weights_learn():
    state = checkpoint.load(MODEL)
    wide = widen.widen_state_dict(state["model"], (160, 160), seed=0)
    w0 = wide["actor.0.weight"]
    assert w0[128:].abs().sum() > 0                                 # new units read the observation
    assert wide["actor.2.weight"][:128, 128:].abs().sum() == 0        # no trained unit reads them
    assert wide["actor.4.weight"][:, 128:].abs().sum() == 0           # nor does the output
    m = _net({"spec": state["spec"], "model": wide}, (160, 160))
    x = torch.randn(64, state["spec"]["obs_shape"][0])
    m.actor(x).sum().backward()
    assert m.actor[4].weight.grad[:, 128:].abs().sum() > 0           # but the gradient reaches them


@pytest.mark.parametrize("hidden, match", [("64,64", "narrower"), ("256,256,256", "keeps the depth")])
def test_narrower_or_deeper_is_a_clear_error(tmp_path, hidden, match):
    with pytest.raises(SystemExit, match=match):
        widen.main(["--checkpoint", MODEL, "--hidden", hidden, "--out", str(tmp_path / "x.pt")])
    assert not (tmp_path / "x.pt").exists()


def test_the_widened_checkpoint_fine_tunes_with_init_from(tmp_path):
    import subprocess
    import sys
    wide = str(tmp_path / "wide.pt")
    widen.main(["--checkpoint", MODEL, "--hidden", "192,192", "--out", wide])
    r = subprocess.run([sys.executable, "run.py", "--backend", "sim", "--frame-skip", "2", "--init-from", wide,
                        "--hidden", "192,192", "--num-envs", "2", "--num-steps", "32", "--total-steps", "128",
                        "--minibatch-size", "32", "--eval-every", "0", "--progress", "false", "--tensorboard", "false",
                        "--runs-dir", str(tmp_path), "--name", "ft"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "initialised the policy and normaliser from" in r.stdout
    ft = checkpoint.load(str(tmp_path / "ft" / "latest.pt"))
    assert widen.hidden_sizes(ft["model"]) == (192, 192)
