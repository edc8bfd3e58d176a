"""QWOPBatch steps N worlds exactly like N QWOPSims."""
from __future__ import annotations

import numpy as np

from qwop_sim.physics import QWOPBatch, QWOPSim
from qwop_sim.physics.runner_pass import RunnerPass


def _held_keys(rng, n_steps, n):
    """Random keys held 1-8 frames each, per world."""
    out = np.zeros((n_steps, n), dtype=int)
    for j in range(n):
        t = 0
        while t < n_steps:
            d = int(rng.integers(1, 9))
            out[t:t + d, j] = rng.integers(0, 16)
            t += d
    return out


def test_batch_equals_single_worlds_with_resets():
    n = 6
    rng = np.random.default_rng(3)
    keys = _held_keys(rng, 160, n)
    batch = QWOPBatch(n)
    sims = [QWOPSim() for _ in range(n)]
    resets = 0
    for k in keys:
        out = batch.step(k)
        for i, s in enumerate(sims):
            st = s.step(int(k[i]))
            np.testing.assert_array_equal(out.bodies[i], st.bodies)
            assert (out.fallen[i], out.jumped[i], out.finished[i]) == (st.fallen, st.jumped, st.finished)
            assert out.distance[i] == st.distance and out.clock[i] == st.clock and out.frame[i] == st.frame
            assert out.done[i] == st.done
        done = np.flatnonzero(out.done)
        if len(done):
            resets += len(done)
            batch.reset(done)
            for i in done:
                sims[i].reset()
            assert not batch.done[done].any() and (batch.frame[done] == 0).all()
    assert resets > 0


def test_batch_multi_frame_and_scalar_keys():
    batch = QWOPBatch(3)
    s = QWOPSim()
    out = batch.step(5, frames=7)
    st = s.step(5, 7)
    for i in range(3):
        np.testing.assert_array_equal(out.bodies[i], st.bodies)
    assert (out.frame == 7).all()


def test_batch_reset_mask_and_set_state():
    batch = QWOPBatch(4)
    batch.step([1, 2, 4, 8], frames=10)
    before = batch.bodies.copy()
    batch.reset(np.array([True, False, False, True]))
    fresh = QWOPSim().state().bodies
    np.testing.assert_array_equal(batch.bodies[0], fresh)
    np.testing.assert_array_equal(batch.bodies[3], fresh)
    np.testing.assert_array_equal(batch.bodies[1:3], before[1:3])
    st = batch.state(1)
    batch.set_state(2, st)
    np.testing.assert_array_equal(batch.bodies[2], batch.bodies[1])
    assert batch.frame[2] == 10
    out = batch.step([0, 6, 6, 0])
    single = QWOPSim()
    single.set_state(st)
    np.testing.assert_array_equal(out.bodies[2], single.step(6).bodies)


def test_done_worlds_stay_put():
    batch = QWOPBatch(2)
    for _ in range(300):
        out = batch.step([4, 0])
        if out.done[0]:
            break
    assert out.done[0], "holding O falls (recording o_60 falls at frame 48)"
    frozen = out.bodies[0].copy()
    f0 = out.frame[0]
    out = batch.step([4, 0], frames=3)
    np.testing.assert_array_equal(out.bodies[0], frozen)
    assert out.frame[0] == f0


# ---- the compiled batch (one numba call for all worlds) against single worlds, bit for bit -------
def _shifted(dx: float):
    """The start pose moved by dx units (dx -33: the runner against the start block; +462: at the
    hurdle)."""
    st = QWOPSim().state()
    st.bodies[:, 0] += dx
    return st


def _compare(out, i, sim):
    np.testing.assert_array_equal(out.bodies[i], sim.buffers.bodies)
    assert out.distance[i] == sim.distance and out.clock[i] == sim.clock and out.frame[i] == sim.frame
    assert (out.fallen[i], out.jumped[i], out.finished[i], out.done[i]) == \
        (sim.fallen, sim.jumped, sim.finished, sim.ended)


def test_compiled_batch_long_random_gait_block_and_hurdle(monkeypatch):
    """Long random and gait key sequences, several frames per call (some over 128), resets on
    every end, worlds started against the start block and at the hurdle: the compiled batch gives
    the floats of single worlds, and every special path ran (falls, block contacts, the hurdle,
    the 128-frame upkeep)."""
    block_rows = []
    orig = RunnerPass.block_contacts

    def counting(self):
        n = orig(self)
        block_rows.append(n)
        return n

    monkeypatch.setattr(RunnerPass, "block_contacts", counting)
    n = 8
    batch = QWOPBatch(n)
    assert batch.compiled
    sims = [QWOPSim() for _ in range(n)]
    starts = {1: _shifted(-33.0), 2: _shifted(462.0), 5: _shifted(-32.0), 6: _shifted(465.0)}

    def start(i):
        if i in starts:
            batch.set_state(i, starts[i])
            sims[i].set_state(starts[i])
        else:
            batch.reset([i])
            sims[i].reset()

    for i in range(n):
        start(i)
    rng = np.random.default_rng(11)
    keys = _held_keys(rng, 700, n)
    gait = [2 | 4, 2 | 4, 1 | 8, 1 | 8, 1 | 8, 2 | 4]  # world 3 alternates QP / WO (a gait)
    ends = hurdles = 0
    for t, k in enumerate(keys):
        k = k.copy()
        k[3] = gait[(t // 3) % len(gait)]
        frames = 1 + t % 4 if t % 97 else 200  # now and then a call over the 128-frame boundary
        out = batch.step(k, frames)
        for i, s in enumerate(sims):
            s.step_fast(int(k[i]), frames)
            _compare(out, i, s)
            assert s.head_torque == batch.sims[i].head_torque
        hurdles = max(hurdles, sum(s.hurdle is not None for s in batch.sims))
        for i in np.flatnonzero(out.done).tolist():
            ends += 1
            start(i)
            _compare(batch._view, i, sims[i])
    assert ends >= 20 and hurdles >= 1
    assert sum(r > 0 for r in block_rows) >= 5  # the start block's contacts went through Python
    assert (batch.frame > 0).any()


def test_compiled_batch_equals_python_batch():
    """The compiled path and the world-by-world path (QWOPBatch.compiled = False) agree."""
    a, b = QWOPBatch(5), QWOPBatch(5)
    b.compiled = False
    rng = np.random.default_rng(5)
    for k in _held_keys(rng, 300, 5):
        oa, ob = a.step(k, 2), b.step(k, 2)
        np.testing.assert_array_equal(oa.bodies, ob.bodies)
        for f in ("distance", "clock", "frame", "fallen", "jumped", "finished", "done"):
            np.testing.assert_array_equal(getattr(oa, f), getattr(ob, f))
        d = np.flatnonzero(oa.done)
        a.reset(d)
        b.reset(d)


def test_compiled_batch_sees_a_world_reset_behind_its_back():
    """A world reset through batch.sims[i] (a new space) is picked up: no stale C pointers."""
    batch = QWOPBatch(2)
    batch.step([5, 5], 20)
    batch.sims[0].reset()
    single = QWOPSim()
    out = batch.step([6, 6], 10)
    np.testing.assert_array_equal(out.bodies[0], single.step(6, 10).bodies)


def test_legacy_settings_batch_steps_world_by_world():
    from qwop_sim.physics import LEGACY_SETTINGS
    batch = QWOPBatch(2, LEGACY_SETTINGS)
    assert not batch.compiled
    s = QWOPSim(LEGACY_SETTINGS)
    out = batch.step([3, 3], 5)
    np.testing.assert_array_equal(out.bodies[1], s.step(3, 5).bodies)


def test_batch_keys_must_be_one_per_world():
    """An int holds for every world; an array must have one entry per world (no silent broadcast
    of a (1,) array, no silent cut of a longer one)."""
    import pytest

    batch = QWOPBatch(3)
    for bad in ([1], [1, 2, 4, 8], [[1, 2, 4]]):
        with pytest.raises(ValueError, match="one per world"):
            batch.step(bad)
    assert (batch.frame == 0).all()  # nothing stepped
    batch.step(np.array([1, 2, 4]))
    assert (batch.frame == 1).all()
