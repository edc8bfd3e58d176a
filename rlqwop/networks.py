"""Actor-critic networks: an MLP for vector observations, a CNN for (H, W, C) uint8 images.

Action heads: independent Bernoulli per key for MultiBinary(n), Categorical for Discrete(n).
The network is rebuilt from a plain `spec` dict (stored in every checkpoint), so a policy can be
loaded without creating an environment.
"""
from __future__ import annotations

import hashlib

import numpy as np
import torch
import torch.nn as nn
from torch.distributions import Bernoulli, Categorical, Distribution

# Argument validation costs tens of microseconds per distribution, on every env step: off.
Distribution.set_default_validate_args(False)


def space_spec(obs_space, act_space) -> dict:
    """Describe the spaces in a JSON-able dict (what `ActorCritic` needs)."""
    import gymnasium as gym

    if isinstance(act_space, gym.spaces.MultiBinary):
        shape = act_space.shape
        if len(shape) != 1:
            raise ValueError(f"MultiBinary action space must be 1-D, got shape {shape}")
        action = {"kind": "multibinary", "n": int(shape[0])}
    elif isinstance(act_space, gym.spaces.Discrete):
        action = {"kind": "discrete", "n": int(act_space.n), "start": int(act_space.start)}
    else:
        raise ValueError(f"unsupported action space {act_space} (PPO here handles MultiBinary and Discrete)")
    if not isinstance(obs_space, gym.spaces.Box):
        raise ValueError(f"unsupported observation space {obs_space} (need a Box)")
    is_image = obs_space.dtype == np.uint8 and len(obs_space.shape) == 3
    if not is_image and len(obs_space.shape) != 1:
        raise ValueError(f"observation shape {obs_space.shape}: need a vector or an (H, W, C) uint8 image")
    return {
        "obs_shape": list(obs_space.shape),
        "obs_dtype": str(obs_space.dtype),
        "image": bool(is_image),
        "action": action,
    }


def layer_init(layer: nn.Module, std: float = np.sqrt(2), bias: float = 0.0) -> nn.Module:
    torch.nn.init.orthogonal_(layer.weight, std)
    torch.nn.init.constant_(layer.bias, bias)
    return layer


def _mlp(sizes, act, out: int, out_std: float) -> nn.Sequential:
    layers = []
    for a, b in zip(sizes[:-1], sizes[1:]):
        layers += [layer_init(nn.Linear(a, b)), act()]
    layers.append(layer_init(nn.Linear(sizes[-1], out), std=out_std))
    return nn.Sequential(*layers)


class NatureCNN(nn.Module):
    """Conv trunk for 64x64 (or larger) images; input uint8 (B, H, W, C) -> features."""

    def __init__(self, obs_shape, features: int):
        super().__init__()
        h, w, c = obs_shape
        self.conv = nn.Sequential(
            layer_init(nn.Conv2d(c, 32, 8, stride=4)), nn.ReLU(),
            layer_init(nn.Conv2d(32, 64, 4, stride=2)), nn.ReLU(),
            layer_init(nn.Conv2d(64, 64, 3, stride=1)), nn.ReLU(),
            nn.Flatten(),
        )
        with torch.no_grad():
            n = self.conv(torch.zeros(1, c, h, w)).shape[1]
        self.fc = nn.Sequential(layer_init(nn.Linear(n, features)), nn.ReLU())

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x.permute(0, 3, 1, 2).float() / 255.0
        return self.fc(self.conv(x))


class ActorCritic(nn.Module):
    def __init__(self, spec: dict, hidden=(128, 128), activation: str = "tanh", cnn_features: int = 256):
        # hidden/activation default to the legacy network (config.LEGACY_NETWORK); a run gets its
        # own from its flags (build_model), a checkpoint from its config (config.saved_network)
        super().__init__()
        self.spec = dict(spec)
        self.kind = spec["action"]["kind"]
        self.n_act = spec["action"]["n"]
        self.start = spec["action"].get("start", 0)
        self.image = spec["image"]
        if self.image:
            self.trunk = NatureCNN(spec["obs_shape"], cnn_features)
            self.actor = layer_init(nn.Linear(cnn_features, self.n_act), std=0.01)
            self.critic = layer_init(nn.Linear(cnn_features, 1), std=1.0)
        else:
            act = {"tanh": nn.Tanh, "relu": nn.ReLU}[activation]
            sizes = [int(np.prod(spec["obs_shape"]))] + list(hidden)
            self.trunk = None
            self.actor = _mlp(sizes, act, self.n_act, 0.01)
            self.critic = _mlp(sizes, act, 1, 1.0)

    # -- helpers ---------------------------------------------------------------------------
    def _features(self, obs: torch.Tensor) -> torch.Tensor:
        return self.trunk(obs) if self.trunk is not None else obs.float()

    def _dist(self, logits: torch.Tensor):
        if self.kind == "multibinary":
            return Bernoulli(logits=logits)
        return Categorical(logits=logits)

    def _reduce(self, x: torch.Tensor) -> torch.Tensor:
        # Bernoulli gives one log-prob/entropy per key: the joint is the sum.
        return x.sum(-1) if self.kind == "multibinary" else x

    # -- API -------------------------------------------------------------------------------
    def get_value(self, obs: torch.Tensor) -> torch.Tensor:
        return self.critic(self._features(obs)).squeeze(-1)

    def get_action_and_value(self, obs: torch.Tensor, action: torch.Tensor | None = None):
        """Sample (or score `action`): returns action, log_prob, entropy, value."""
        f = self._features(obs)
        dist = self._dist(self.actor(f))
        if action is None:
            action = dist.sample()
        logp = self._reduce(dist.log_prob(action.float() if self.kind == "multibinary" else action))
        ent = self._reduce(dist.entropy())
        return action, logp, ent, self.critic(f).squeeze(-1)

    def act(self, obs: torch.Tensor):
        """Sample actions for acting (no entropy, no Distribution objects): action, log_prob, value."""
        f = self._features(obs)
        logits = self.actor(f)
        if self.kind == "multibinary":
            action = torch.bernoulli(torch.sigmoid(logits))
            logp = -torch.nn.functional.binary_cross_entropy_with_logits(logits, action, reduction="none").sum(-1)
        else:
            logp_all = torch.log_softmax(logits, -1)
            action = torch.multinomial(logp_all.exp(), 1).squeeze(-1)
            logp = logp_all.gather(-1, action[:, None]).squeeze(-1)
        return action, logp, self.critic(f).squeeze(-1)

    def deterministic(self, obs: torch.Tensor) -> torch.Tensor:
        logits = self.actor(self._features(obs))
        if self.kind == "multibinary":
            return (logits > 0).to(torch.int8)
        return logits.argmax(-1)

    def to_env_action(self, action: torch.Tensor) -> np.ndarray:
        """Batch of actions -> numpy in the env's format (int8 bits, or ints offset by `start`)."""
        a = action.cpu().numpy()
        if self.kind == "multibinary":
            return a.astype(np.int8)
        return a.astype(np.int64) + self.start

    # -- flat parameters (what the learner broadcasts) ---------------------------------------
    def flat_parameters(self) -> np.ndarray:
        return torch.nn.utils.parameters_to_vector(self.parameters()).detach().cpu().numpy().astype(np.float32)

    def load_flat_parameters(self, flat: np.ndarray) -> None:
        torch.nn.utils.vector_to_parameters(torch.from_numpy(np.asarray(flat, dtype=np.float32)), self.parameters())


def param_hash(model: nn.Module) -> str:
    flat = torch.nn.utils.parameters_to_vector(model.parameters()).detach().cpu().numpy().astype(np.float32)
    return hashlib.sha256(flat.tobytes()).hexdigest()[:16]


def build_model(spec: dict, args) -> ActorCritic:
    return ActorCritic(spec, hidden=tuple(args.hidden), activation=args.activation, cnn_features=args.cnn_features)
