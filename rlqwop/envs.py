"""Making environments from flags: only public Gymnasium ids (`import qwop_sim` registers QWOP's)."""
from __future__ import annotations

import json

import gymnasium as gym

from qwop_sim.envs import ENV_IDS  # importing qwop_sim registers the QWOP ids

from . import toy_envs  # noqa: F401  (registers rlqwop/ToyRun-v0 and rlqwop/ToyRunPixels-v0)


def check_env_id(env_id: str) -> str | None:
    """None if `env_id` can be made, else a one-line reason (checked before any process starts)."""
    bare = env_id.split(":")[-1]
    try:
        if ":" in env_id:
            import importlib
            importlib.import_module(env_id.split(":")[0])
    except Exception as e:
        return str(e)
    if bare not in gym.registry:
        close = [k for k in gym.registry if bare.lower() in k.lower() or k.lower() in bare.lower()][:5]
        return f"unknown Gymnasium id {env_id!r}" + (f" (did you mean {', '.join(close)}?)" if close else "")
    return None


def gym_make_kwargs(env_id: str, backend: str, action_mode: str, frame_skip: int | None, extra) -> dict:
    """QWOP-shaped ids (ours and the toy ones) take backend/action_mode/frame_skip; others get only
    the --env-kwargs JSON."""
    kw = {}
    bare = env_id.split(":")[-1]  # gym.make accepts "module:EnvId" (imports module first)
    if bare in ENV_IDS or bare.startswith("rlqwop/"):
        kw = {"backend": backend, "action_mode": action_mode}
        if frame_skip is not None:
            kw["frame_skip"] = frame_skip
    if isinstance(extra, str):
        extra = json.loads(extra)
    kw.update(extra or {})
    return kw


class EnvConfigError(ValueError):
    """The env refused its arguments (e.g. --env-kwargs '{"frame_skip": 0}'): one line, no traceback."""


def make_env(args, backend: str | None = None, render_mode: str | None = None,
             max_episode_steps: int | None = None, env_kwargs: str | dict | None = None) -> gym.Env:
    """The env of `args`; `env_kwargs` (JSON or dict) replaces `args.env_kwargs` when given."""
    env_id = args.env
    extra = args.env_kwargs if env_kwargs is None else env_kwargs
    kw = gym_make_kwargs(env_id, backend or args.backend, args.action_mode, args.frame_skip, extra)
    if render_mode is not None:
        kw["render_mode"] = render_mode
    steps = max_episode_steps if max_episode_steps is not None else (args.max_episode_steps or None)
    if steps:
        kw["max_episode_steps"] = steps
    try:
        return gym.make(env_id, **kw)
    except (TypeError, ValueError) as e:
        raise EnvConfigError(f"cannot make {env_id} with --env-kwargs {args.env_kwargs} "
                             f"(all arguments: {json.dumps(kw, sort_keys=True, default=str)}): {e}") from e
