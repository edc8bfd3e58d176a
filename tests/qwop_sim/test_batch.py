"""QWOPBatch steps N worlds exactly like N QWOPSims."""
from __future__ import annotations

import numpy as np

from qwop_sim.physics import QWOPBatch, QWOPSim


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
