"""The learner's job: one clipped-PPO update (CleanRL style) on a gathered batch.

`ppo_update(model, optimizer, obs, data, args)` runs `update_epochs` passes of shuffled minibatches
over the batch: clipped surrogate, (optionally clipped) value loss, entropy bonus, gradient clipping,
and an early stop of the epoch loop when the approximate KL passes `target_kl`.
"""
from __future__ import annotations

import numpy as np
import torch
import torch.nn as nn

from .rollout import data_columns


def lr_at(args, global_step: int) -> float:
    if not args.anneal_lr:
        return args.lr
    frac = max(0.0, 1.0 - global_step / float(args.total_steps))
    return max(frac, 0.0) * args.lr


def ppo_update(model, optimizer, obs: np.ndarray, data: np.ndarray, args, rng: np.random.Generator | None = None):
    rng = rng or np.random.default_rng()
    cols = data_columns(model.n_act, model.kind)
    device = next(model.parameters()).device  # the learner's (--device); the experience comes from CPU
    b_obs = torch.as_tensor(obs).to(device)
    d = torch.as_tensor(data).to(device)
    b_actions = d[:, cols["action"]]
    if model.kind != "multibinary":
        b_actions = b_actions[:, 0].long()
    b_logp, b_values = d[:, cols["logp"]], d[:, cols["value"]]
    b_adv, b_returns = d[:, cols["adv"]], d[:, cols["ret"]]

    n = len(b_obs)
    mb = min(args.minibatch_size, n)
    clipfracs, approx_kl, old_kl = [], torch.tensor(0.0), torch.tensor(0.0)
    pg_loss = v_loss = entropy_loss = torch.tensor(0.0)
    epochs_done, stopped_early, skipped = 0, False, 0
    for epoch in range(args.update_epochs):
        perm = rng.permutation(n)
        for start in range(0, n, mb):
            idx = torch.as_tensor(perm[start:start + mb], device=device)
            if len(idx) < 2:
                continue
            _, newlogp, entropy, newvalue = model.get_action_and_value(b_obs[idx], b_actions[idx])
            logratio = newlogp - b_logp[idx]
            ratio = logratio.exp()
            with torch.no_grad():
                old_kl = (-logratio).mean()
                approx_kl = ((ratio - 1) - logratio).mean()
                clipfracs.append(((ratio - 1.0).abs() > args.clip_coef).float().mean().item())

            adv = b_adv[idx]
            if args.norm_adv:
                adv = (adv - adv.mean()) / (adv.std() + 1e-8)
            pg_loss1 = -adv * ratio
            pg_loss2 = -adv * torch.clamp(ratio, 1 - args.clip_coef, 1 + args.clip_coef)
            pg_loss = torch.max(pg_loss1, pg_loss2).mean()

            if args.clip_vloss:
                v_unclipped = (newvalue - b_returns[idx]) ** 2
                v_clipped = b_values[idx] + torch.clamp(newvalue - b_values[idx], -args.clip_coef, args.clip_coef)
                v_loss = 0.5 * torch.max(v_unclipped, (v_clipped - b_returns[idx]) ** 2).mean()
            else:
                v_loss = 0.5 * ((newvalue - b_returns[idx]) ** 2).mean()

            entropy_loss = entropy.mean()
            loss = pg_loss - args.ent_coef * entropy_loss + v_loss * args.vf_coef

            if not torch.isfinite(loss):
                skipped += 1
                continue
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), args.max_grad_norm)
            optimizer.step()
        epochs_done = epoch + 1
        if args.target_kl and approx_kl.item() > args.target_kl:
            stopped_early = True
            break

    y_pred, y_true = b_values.cpu().numpy(), b_returns.cpu().numpy()
    var_y = np.var(y_true)
    explained_var = np.nan if var_y == 0 else 1 - np.var(y_true - y_pred) / var_y
    return {
        "policy_loss": float(pg_loss.item()), "value_loss": float(v_loss.item()),
        "entropy": float(entropy_loss.item()), "approx_kl": float(approx_kl.item()),
        "old_approx_kl": float(old_kl.item()), "clipfrac": float(np.mean(clipfracs)) if clipfracs else 0.0,
        "explained_variance": float(explained_var), "epochs": epochs_done, "kl_stop": int(stopped_early),
        "skipped_minibatches": skipped,
    }
