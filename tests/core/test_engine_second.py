"""Second-nearest source by source bits (engine ``method="bits"``, the default with ``want_second``):
2 x ceil(log2 n) exact tiled runs over the sources with one bit of their index set / not set. Checked against
an independent answer (one run per source, sorted per cell) and against the bucket queue's paired-label
search, on random grids with impassable cells, offsets, cut-offs, two sources on one cell and both move sets."""
import math

import numpy as np
import pytest

from drivetime_equity.core import Cancelled, engine

CS = 25.0


def _case(rng):
    R, C = (int(x) for x in rng.integers(8, 50, 2))
    f = (0.06 / rng.uniform(4, 110, (R, C))).astype(np.float32)
    f[rng.random((R, C)) < 0.15] = np.inf
    if rng.random() < 0.3:  # quantised friction: many exact ties between sources
        f = np.where(np.isfinite(f), np.float32(0.004) * rng.integers(1, 4, (R, C)), np.inf).astype(np.float32)
    ns = int(rng.integers(1, 12))
    src = np.c_[rng.integers(0, R, ns), rng.integers(0, C, ns)].astype(np.int64)
    f[src[:, 0], src[:, 1]] = np.float32(0.002)  # sources on passable cells
    if ns > 1 and rng.random() < 0.3:
        src[1] = src[0]  # two sources on one cell: second-nearest cost = nearest cost there
    off = rng.uniform(0, 3, ns) if rng.random() < 0.5 else np.zeros(ns)
    mc = 2.0 if rng.random() < 0.3 else math.inf
    return f, src, off, mc


def _per_source(f, src, off, mc, nb):
    return np.stack([engine.cost_distance(f, CS, src[i:i + 1], off[i:i + 1], mc, nb, False, False, None,
                                          method="tiled").cost for i in range(len(src))])


@pytest.mark.parametrize("seed", range(25))
@pytest.mark.parametrize("nb", [8, 16])
def test_bits_second_nearest_exact(seed, nb):
    rng = np.random.default_rng(seed)
    f, src, off, mc = _case(rng)
    res = engine.cost_distance(f, CS, src, off, mc, nb, True, True, None, method="bits")
    D = _per_source(f, src, off, mc, nb)
    S = np.sort(D, axis=0)
    np.testing.assert_array_equal(res.cost, S[0])
    np.testing.assert_array_equal(res.second_cost, S[1] if len(src) > 1 else np.full(f.shape, np.inf, np.float32))
    # labels name sources that achieve those costs, and two different sources
    r, c = np.nonzero(np.isfinite(res.cost))
    assert np.array_equal(D[res.nearest[r, c], r, c], res.cost[r, c])
    r2, c2 = np.nonzero(np.isfinite(res.second_cost))
    assert np.array_equal(D[res.second_nearest[r2, c2], r2, c2], res.second_cost[r2, c2])
    assert np.all(res.nearest[r2, c2] != res.second_nearest[r2, c2])
    assert np.all(res.nearest[~np.isfinite(res.cost)] == -1)
    assert np.all(res.second_nearest[~np.isfinite(res.second_cost)] == -1)
    # same costs as the bucket queue's paired-label search
    b = engine.cost_distance(f, CS, src, off, mc, nb, True, True, None, method="bucket")
    np.testing.assert_array_equal(res.cost, b.cost)
    np.testing.assert_array_equal(res.second_cost, b.second_cost)


def test_bits_is_the_default_for_second_on_large_grids_bucket_on_small(monkeypatch):
    rng = np.random.default_rng(7)
    f = (0.06 / rng.uniform(4, 110, (1100, 1000))).astype(np.float32)  # >= TILED2_MIN_CELLS
    src = np.c_[rng.integers(0, 1100, 5), rng.integers(0, 1000, 5)].astype(np.int64)
    called = []
    real = engine._cost_distance_tiled2
    monkeypatch.setattr(engine, "_n_cpus", lambda: 2)
    monkeypatch.setattr(engine, "_cost_distance_tiled2", lambda *a, **k: called.append(1) or real(*a, **k))
    res = engine.cost_distance(f, CS, src, np.zeros(5), math.inf, 8, True, True, None)
    assert len(called) == 6  # 5 sources: 3 bits, 2 runs each, all on two threads
    b = engine.cost_distance(f, CS, src, np.zeros(5), math.inf, 8, True, True, None, method="bucket")
    np.testing.assert_array_equal(res.second_cost, b.second_cost)
    np.testing.assert_array_equal(res.cost, b.cost)
    bits = []
    real_bits = engine._cost_distance_second_bits
    monkeypatch.setattr(engine, "_cost_distance_second_bits", lambda *a, **k: bits.append(1) or real_bits(*a, **k))
    engine.cost_distance(f, CS, src, np.zeros(5), math.inf, 8, True, True, None)
    assert bits == [1]
    small = engine.cost_distance(f[:200, :200], CS, src % 200, np.zeros(5), math.inf, 8, True, True, None)
    assert bits == [1] and small.second_cost is not None  # small grid: the bucket queue


def test_bits_method_checks():
    f = np.full((10, 10), 0.01, np.float32)
    with pytest.raises(ValueError, match="second-nearest"):
        engine.cost_distance(f, CS, np.array([[1, 1]]), np.zeros(1), math.inf, 8, True, False, None,
                             method="bits")
    with pytest.raises(ValueError, match="bits"):
        engine.cost_distance(f, CS, np.array([[1, 1]]), np.zeros(1), math.inf, 8, True, True, None,
                             method="tiled")


def test_bits_progress_and_cancel():
    f = np.full((120, 120), 0.01, np.float32)
    src = np.array([[0, 0], [119, 100], [60, 60], [5, 110]])
    seen = []
    res = engine.cost_distance(f, CS, src, np.zeros(4), math.inf, 8, True, True, seen.append, method="bits")
    assert seen[-1] == 1.0 and all(0.0 <= x <= 1.0 for x in seen) and seen == sorted(seen)
    assert np.isfinite(res.second_cost).all()
    seen.clear()

    def cancel_in_second_run(x):
        seen.append(x)
        return x >= 0.25  # 4 sources: 2 bits, 4 runs; the second run starts at 0.25

    with pytest.raises(Cancelled):
        engine.cost_distance(f, CS, src, np.zeros(4), math.inf, 8, True, True, cancel_in_second_run, method="bits")
    assert seen[-1] < 0.5
