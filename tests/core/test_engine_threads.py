"""Exactness of the threaded tiled method (engine ``method="tiled2"``): the grid split into strips solved
by one thread each, exchanging the rows next to each boundary between rounds. Checked against the reference
Numba Dijkstra (second-best cost from it gives the label-ambiguity mask) on random grids cut into many small
tiles (many cross-split interactions), walls along the split, offsets, cut-off, both move sets."""
import math

import numpy as np
import pytest

from drivetime_equity.core import Cancelled, costdist, engine
from _dijkstra import dijkstra_multi  # the reference (tests/_dijkstra.py)

CS = 25.0


def _ref(f, src, off, mc, nb):
    mv, lens = costdist.move_set(nb)
    f = costdist.check_friction(f)
    d1, l1, d2, _l2 = dijkstra_multi(f, CS, src[:, 0] * f.shape[1] + src[:, 1], off, mc, mv, lens, True)
    return d1.reshape(f.shape), l1.reshape(f.shape), d2.reshape(f.shape)


def _case(rng, tile):
    R, C = (int(x) for x in rng.integers(2 * tile + 1, 70, 2))
    f = rng.uniform(0.0005, 0.02, (R, C)).astype(np.float32)
    f[rng.random((R, C)) < 0.15] = np.inf
    if rng.random() < 0.3:  # quantised friction -> many exactly tied costs
        f = np.where(np.isfinite(f), np.float32(0.004) * rng.integers(1, 4, (R, C)), np.inf).astype(np.float32)
    ntr = (R + tile - 1) // tile
    mid = min(max(int(round(R / 2.0 / tile)), 1), ntr - 1) * tile  # the split row of the engine
    wall = rng.integers(0, 4)
    if wall == 1:  # impassable rows on one side of the split, a single gap
        r = mid - 1 if rng.random() < 0.5 else mid
        f[r, :] = np.inf
        f[r, int(rng.integers(0, C))] = 0.001
    elif wall == 2:  # a closed wall two rows thick across the split: the halves do not connect at all
        f[mid - 1:mid + 1, :] = np.inf
    ns = int(rng.integers(1, 9))
    src = np.c_[rng.integers(0, R, ns), rng.integers(0, C, ns)].astype(np.int64)
    if rng.random() < 0.5:  # sources in the rows next to the split (the exchanged ghost rows)
        src[0] = (int(rng.integers(max(mid - 2, 0), min(mid + 2, R))), int(rng.integers(0, C)))
    return f, src


@pytest.mark.parametrize("seed", range(30))
@pytest.mark.parametrize("nb", [8, 16])
def test_tiled2_exact_vs_reference(seed, nb):
    rng = np.random.default_rng(7000 + seed)
    tile = int(rng.choice([2, 3, 4, 5, 8, 16]))
    f, src = _case(rng, tile)
    ns = src.shape[0]
    off = rng.uniform(0, 3, ns) if seed % 2 else np.zeros(ns)
    mc = float(rng.uniform(2, 15)) if seed % 3 == 0 else math.inf
    kw = [{}, {"round_work": 1}, {"round_work": 37, "key_lag": 0.0}, {"key_lag": 0.5}][seed % 4]
    kw["strips"] = (2, 3, 4, 7)[(seed // 4) % 4]  # more strips than tile rows: as many as there are rows
    res = engine._cost_distance_tiled2(f, CS, src, off, mc, nb, True, None, None, tile, **kw)
    d1, l1, d2 = _ref(f, src, off, mc, nb)
    np.testing.assert_array_equal(res.cost, d1.astype(np.float32))
    assert np.array_equal(res.nearest < 0, l1 < 0)
    with np.errstate(invalid="ignore"):
        gap = np.where(np.isfinite(d1), d2 - d1, np.inf) > 1e-9
    assert np.array_equal(res.nearest[gap], l1[gap])
    # on ties too, the label is a source whose own (reference) cost attains the best cost
    r, c = np.nonzero(np.isfinite(d1))
    mv, lens = costdist.move_set(nb)
    for s in np.unique(res.nearest[r, c]):
        m = res.nearest[r, c] == s
        ds = dijkstra_multi(f, CS, src[s:s + 1, 0] * f.shape[1] + src[s:s + 1, 1], off[s:s + 1], mc, mv, lens,
                            False)[0].reshape(f.shape)
        np.testing.assert_array_equal(ds[r[m], c[m]], d1[r[m], c[m]])


@pytest.mark.parametrize("strips", [2, 3, 8])
@pytest.mark.parametrize("nb", [8, 16])
def test_tiled2_bit_identical_to_tiled_road_grid(nb, strips):
    """A larger grid with a road lattice (long cheap corridors crossing the split many times) and 16 x 16
    tiles: the costs and the unambiguous labels equal those of the single-thread tiled method."""
    rng = np.random.default_rng(5)
    R, C = 301, 257
    f = rng.uniform(0.004, 0.015, (R, C)).astype(np.float32)
    f[::20, :] = 0.0006
    f[:, ::23] = 0.0009
    f[rng.random((R, C)) < 0.03] = np.inf
    src = np.c_[rng.integers(0, R, 12), rng.integers(0, C, 12)].astype(np.int64)
    off = rng.uniform(0, 2, 12)
    a = engine.cost_distance(f, CS, src, off, math.inf, nb, method="tiled", tile=16)
    b = engine._cost_distance_tiled2(f, CS, src, off, math.inf, nb, True, None, None, 16, round_work=500,
                                     strips=strips)
    assert engine._cost_distance_tiled2.last_stats["strips"] == strips
    np.testing.assert_array_equal(a.cost, b.cost)
    d1, l1, d2 = _ref(f, src, off, math.inf, nb)
    np.testing.assert_array_equal(b.cost, d1.astype(np.float32))
    with np.errstate(invalid="ignore"):
        gap = np.where(np.isfinite(d1), d2 - d1, np.inf) > 1e-9
    assert np.array_equal(b.nearest[gap], l1[gap])
    assert engine._cost_distance_tiled2.last_stats["rounds"] > 2  # really exchanged several times


def test_tiled2_selection_and_fallback(monkeypatch):
    f = np.full((40, 40), 0.01, np.float32)
    src = np.array([[0, 0], [39, 39]])
    called = []
    orig = engine._cost_distance_tiled2

    def spy(*a, **k):
        called.append(k.get("strips", 2))
        return orig(*a, **k)

    monkeypatch.setattr(engine, "_cost_distance_tiled2", spy)
    ref = engine.cost_distance(f, CS, src, np.zeros(2), math.inf, 16, method="tiled", tile=8)
    r = engine.cost_distance(f, CS, src, np.zeros(2), math.inf, 16, tile=8)  # small grid: one thread
    assert not called
    np.testing.assert_array_equal(r.cost, ref.cost)
    monkeypatch.setattr(engine, "TILED2_MIN_CELLS", 100)
    monkeypatch.setattr(engine, "_n_cpus", lambda: 2)
    r = engine.cost_distance(f, CS, src, np.zeros(2), math.inf, 16, tile=8)  # "auto" -> tiled2
    assert called and called[-1] == 2  # one strip per CPU
    np.testing.assert_array_equal(r.cost, ref.cost)
    monkeypatch.setattr(engine, "_n_cpus", lambda: 64)
    r = engine.cost_distance(f, CS, src, np.zeros(2), math.inf, 16, tile=4)
    assert called[-1] == engine.TILED_MAX_STRIPS  # capped
    assert engine._cost_distance_tiled2.last_stats["strips"] == engine.TILED_MAX_STRIPS
    np.testing.assert_array_equal(r.cost, ref.cost)
    monkeypatch.setattr(engine, "_n_cpus", lambda: 2)
    called.clear()
    engine.cost_distance(f, CS, src, np.zeros(2), math.inf, 16, tile=64)  # one tile row: one thread
    assert not called
    with pytest.raises(ValueError):
        engine.cost_distance(f, CS, src, np.zeros(2), math.inf, 16, want_second=True, method="tiled2")


def test_tiled2_progress_and_cancel():
    f = np.full((200, 200), 0.01, np.float32)
    src = np.array([[0, 0], [199, 150]])
    seen = []
    old = engine._Progress.__init__.__defaults__
    engine._Progress.__init__.__defaults__ = (0.0,)  # report on every round
    try:
        res = engine._cost_distance_tiled2(f, CS, src, np.zeros(2), math.inf, 8, True, seen.append, None, 8,
                                           round_work=2000)
        assert seen[-1] == 1.0 and all(0.0 <= x <= 1.0 for x in seen) and len(seen) > 5
        assert np.isfinite(res.cost).all()
        seen.clear()

        def cancel_after_three(x):
            seen.append(x)
            return len(seen) >= 3

        with pytest.raises(Cancelled):
            engine._cost_distance_tiled2(f, CS, src, np.zeros(2), math.inf, 8, True, cancel_after_three, None,
                                         8, round_work=2000)
        assert len(seen) == 3 and seen[-1] < 1.0
    finally:
        engine._Progress.__init__.__defaults__ = old


def test_tiled2_set_up_reports_progress(monkeypatch):
    # filling the strips' cost / label arrays takes seconds on 100 M cells: the strip on the calling thread
    # must report progress while it fills (the other strips fill on worker threads, which must not call it)
    import threading

    seen = []
    real = engine._big

    def spy(shape, dtype, fill=None, prog=None):
        seen.append((fill is not None, prog is not None, threading.current_thread() is threading.main_thread()))
        return real(shape, dtype, fill, prog)

    monkeypatch.setattr(engine, "_big", spy)
    f = np.full((64, 40), 0.01, np.float32)
    engine._cost_distance_tiled2(f, CS, np.array([[0, 0]]), np.zeros(1), math.inf, 8, True, lambda x: False,
                                 None, 8, strips=4)
    fills = [(p, main) for filled, p, main in seen if filled]
    assert len(fills) == 8  # cost + label of 4 strips
    assert any(p for p, _main in fills)
    assert all(main for p, main in fills if p)  # progress only from the calling thread
