"""Exactness tests of the fast engine (core/engine.py) against the reference Numba Dijkstra, an independent
pure-Python heapq Dijkstra (test_reference_kernel.py), and scikit-image MCP_Geometric (8 neighbours)."""
import math

import numpy as np
import pytest

from drivetime_equity.core import Cancelled, costdist, engine
from _dijkstra import dijkstra_multi, dijkstra_targets  # the reference (tests/_dijkstra.py)
from test_reference_kernel import py_dijkstra  # the independent pure-Python reference

CS = 25.0


def _random_case(rng, max_side=40, p_block=0.15, islands=True):
    R, C = (int(x) for x in rng.integers(3, max_side, 2))
    f = rng.uniform(0.0005, 0.02, (R, C)).astype(np.float32)
    f[rng.random((R, C)) < p_block] = np.inf
    if islands and R > 8 and C > 8:
        # a closed ring of impassable cells -> an unreachable pocket (unless a source is inside)
        r0, c0 = int(rng.integers(0, R - 6)), int(rng.integers(0, C - 6))
        f[r0:r0 + 6, c0:c0 + 6] = np.inf
        f[r0 + 2:r0 + 4, c0 + 2:c0 + 4] = 0.01
    if rng.random() < 0.3:  # quantised friction -> many exactly tied costs
        f = np.where(np.isfinite(f), np.float32(0.004) * rng.integers(1, 4, (R, C)), np.inf).astype(np.float32)
    ns = int(rng.integers(1, 9))
    src = np.c_[rng.integers(0, R, ns), rng.integers(0, C, ns)].astype(np.int64)
    return f, src


def _py_dijkstra(f, cs, src, off, max_cost, neighbours):
    """Per-source costs (ns, R, C) from the independent pure-Python heapq Dijkstra of test_reference_kernel."""
    return np.stack([py_dijkstra(f, cs, src[i:i + 1], off[i:i + 1], neighbours, max_cost)[0]
                     for i in range(src.shape[0])])


def _ref(f, src, off, mc, nb, second):
    mv, lens = costdist.move_set(nb)
    ff = costdist.check_friction(f)
    return dijkstra_multi(ff, CS, src[:, 0] * f.shape[1] + src[:, 1], off, mc, mv, lens, second)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("nb", [8, 16])
def test_exact_vs_reference_dijkstra(seed, nb):
    rng = np.random.default_rng(1000 + seed)
    f, src = _random_case(rng)
    ns = src.shape[0]
    off = rng.uniform(0, 3, ns) if seed % 2 else np.zeros(ns)
    mc = float(rng.uniform(2, 15)) if seed % 3 == 0 else math.inf
    res = costdist.cost_distance(f, CS, src, off, None if mc == math.inf else mc, nb, want_second=True)
    d1, l1, d2, l2 = _ref(f, src, off, mc, nb, True)
    # same graph, same float64 arithmetic: bit-identical after the float32 output rounding
    np.testing.assert_array_equal(res.cost, d1.astype(np.float32))
    np.testing.assert_array_equal(res.second_cost, d2.astype(np.float32))
    assert np.array_equal(res.nearest < 0, l1 < 0)
    assert np.array_equal(res.second_nearest < 0, l2 < 0)
    # labels: only where unambiguous (best and second-best differ)
    with np.errstate(invalid="ignore"):
        gap = np.where(np.isfinite(d1), d2 - d1, np.inf) > 1e-9
    assert np.array_equal(res.nearest[gap], l1[gap])
    if mc < math.inf:
        assert np.all(res.cost[np.isfinite(res.cost)] <= mc)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("nb", [8, 16])
def test_exact_vs_python_heapq(seed, nb):
    rng = np.random.default_rng(2000 + seed)
    f, src = _random_case(rng, max_side=22)
    ns = src.shape[0]
    off = rng.uniform(0, 2, ns)
    mc = float(rng.uniform(1, 8)) if seed % 2 else math.inf
    per = _py_dijkstra(f, CS, src, off, mc, nb)  # (ns, R, C)
    best = per.min(axis=0)
    res = engine.cost_distance(costdist.check_friction(f), CS, src, off, mc, nb, True, True, None)
    np.testing.assert_allclose(res.cost, best, rtol=1e-6, atol=0)
    assert np.array_equal(np.isinf(res.cost), np.isinf(best))
    # the nearest label attains the best cost
    ok = np.isfinite(best)
    lab = res.nearest
    r, c = np.nonzero(ok)
    np.testing.assert_allclose(per[lab[r, c], r, c], best[r, c], rtol=1e-6)
    # second nearest: best cost among the *other* sources
    masked = per.copy()
    masked[lab[r, c], r, c] = np.inf
    second = np.full(best.shape, np.inf)
    second[r, c] = masked[:, r, c].min(axis=0)
    np.testing.assert_allclose(res.second_cost, second, rtol=1e-6, atol=0)
    assert np.array_equal(np.isinf(res.second_cost), np.isinf(second))
    fin2 = np.isfinite(second)
    r2, c2 = np.nonzero(fin2)
    np.testing.assert_allclose(per[res.second_nearest[r2, c2], r2, c2], second[r2, c2], rtol=1e-6)
    assert np.all(res.second_nearest[fin2] != res.nearest[fin2])


def test_unreachable_pocket_and_impassable_source():
    f = np.full((12, 12), 0.01, np.float32)
    f[3:9, 3:9] = np.inf
    f[5:7, 5:7] = 0.01  # pocket enclosed by a 2-cell thick wall: knights cannot jump it either
    f[0, 11] = np.nan   # a source on an impassable cell keeps its own offset but spreads nowhere
    for nb in (8, 16):
        res = costdist.cost_distance(f, CS, [[0, 0], [0, 11]], [0.0, 1.0], neighbours=nb, want_second=True)
        assert np.all(np.isinf(res.cost[5:7, 5:7]))
        assert np.all(res.nearest[5:7, 5:7] == -1)
        assert res.cost[0, 11] == 1.0 and res.nearest[0, 11] == 1
        assert np.isfinite(res.cost[0, 10]) and res.nearest[0, 10] == 0
        # source 1 reaches no other cell and source 0 cannot enter (0, 11): no second-nearest anywhere
        assert np.all(np.isinf(res.second_cost)) and np.all(res.second_nearest == -1)


def test_knight_blocked_by_one_impassable_intermediate():
    f = np.full((3, 2), 0.01, np.float32)
    f[1, 0] = np.inf
    res = costdist.cost_distance(f, CS, [[0, 0]], neighbours=16)
    # (0,0) -> (2,1) by a knight's move would cross (1,0): blocked; the route is (0,0)-(1,1)-(2,1)
    expect = CS * math.sqrt(2) * 0.01 + CS * 0.01
    assert res.cost[2, 1] == pytest.approx(expect, rel=1e-6)


def test_many_sources_ties_and_quantised():
    rng = np.random.default_rng(7)
    f = np.full((50, 60), 0.004, np.float32)
    f[rng.random(f.shape) < 0.05] = np.inf
    src = np.c_[rng.integers(0, 50, 60), rng.integers(0, 60, 60)]
    for nb in (8, 16):
        res = costdist.cost_distance(f, CS, src, neighbours=nb, want_second=True)
        d1, l1, d2, l2 = _ref(f, src, np.zeros(60), math.inf, nb, True)
        np.testing.assert_array_equal(res.cost, d1.astype(np.float32))
        np.testing.assert_array_equal(res.second_cost, d2.astype(np.float32))


@pytest.mark.parametrize("nb", [8, 16])
@pytest.mark.parametrize("delta_factor", [1.0, 3.0, 1000.0])
def test_bucket_width_does_not_change_results(nb, delta_factor, monkeypatch):
    monkeypatch.setattr(engine, "DELTA_FACTOR", delta_factor)
    monkeypatch.setattr(engine, "SORT_BUCKET", delta_factor < 10)
    rng = np.random.default_rng(int(delta_factor) + nb)
    f, src = _random_case(rng, max_side=45)
    ff = costdist.check_friction(f)
    off = rng.uniform(0, 1, src.shape[0])
    res = engine.cost_distance(ff, CS, src, off, math.inf, nb, True, True, None, method="bucket")
    d1, l1, d2, l2 = _ref(f, src, off, math.inf, nb, True)
    np.testing.assert_array_equal(res.cost, d1.astype(np.float32))
    np.testing.assert_array_equal(res.second_cost, d2.astype(np.float32))


@pytest.mark.parametrize("nb", [8, 16])
def test_small_chunks_resume_exactly(nb):
    rng = np.random.default_rng(11)
    f, src = _random_case(rng, max_side=50, islands=False)
    ff = costdist.check_friction(f)
    off = np.zeros(src.shape[0])
    a = engine.cost_distance(ff, CS, src, off, math.inf, nb, True, True, None)
    calls = []
    b = engine.cost_distance(ff, CS, src, off, math.inf, nb, True, True, lambda x: calls.append(x) and False,
                             chunk=7)
    np.testing.assert_array_equal(a.cost, b.cost)
    np.testing.assert_array_equal(a.second_cost, b.second_cost)
    assert calls and calls[-1] == 1.0


def test_cancel_raises():
    f = np.full((300, 300), 0.01, np.float32)
    seen = []

    def cancel_after_two(x):
        seen.append(x)
        return len(seen) >= 2

    old = engine._Progress.__init__.__defaults__
    engine._Progress.__init__.__defaults__ = (0.0,)  # report on every chunk
    try:
        with pytest.raises(Cancelled):
            engine.cost_distance(f, CS, np.array([[0, 0]]), np.zeros(1), math.inf, 16, True, False,
                                 cancel_after_two, chunk=1000)
        assert len(seen) == 2 and 0.0 <= seen[-1] < 1.0
        seen.clear()
        with pytest.raises(Cancelled):
            engine.travel_time_matrix(f, CS, np.array([[0, 0], [299, 299], [5, 200]]),
                                      np.array([[150, 150]]), math.inf, 16, cancel_after_two, chunk=1000)
    finally:
        engine._Progress.__init__.__defaults__ = old


@pytest.mark.parametrize("nb", [8, 16])
@pytest.mark.parametrize("threads", [1, 2])
def test_matrix_early_stop(nb, threads):
    rng = np.random.default_rng(5 + nb)
    f, _ = _random_case(rng, max_side=60)
    ff = costdist.check_friction(f)
    R, C = f.shape
    src = np.c_[rng.integers(0, R, 5), rng.integers(0, C, 5)]
    tgt = np.c_[rng.integers(0, R, 7), rng.integers(0, C, 7)]
    tgt[3] = tgt[1]  # duplicate target
    mc = 6.0 if nb == 8 else math.inf
    got = engine.travel_time_matrix(ff, CS, src, tgt, mc, nb, None, n_threads=threads)
    mv, lens = costdist.move_set(nb)
    for i in range(5):
        ref = dijkstra_targets(ff, CS, src[i, 0] * C + src[i, 1], tgt[:, 0] * C + tgt[:, 1], mc, mv, lens)
        np.testing.assert_array_equal(got[i], ref)
    # via the public API; square matrix defaults, symmetric up to float rounding of the edge sums
    m = costdist.travel_time_matrix(ff, CS, src, neighbours=nb)
    fin = np.isfinite(m)
    assert np.array_equal(fin, fin.T)
    np.testing.assert_allclose(m[fin], m.T[fin], rtol=1e-9)
    assert np.all(np.diag(m)[np.isfinite(np.diag(m))] == 0)


def test_matrix_unreachable_target():
    f = np.full((20, 20), 0.01, np.float32)
    f[:, 10] = np.inf
    m = costdist.travel_time_matrix(f, CS, [[0, 0], [19, 19]], [[5, 5], [5, 15]], neighbours=16)
    assert np.isfinite(m[0, 0]) and np.isinf(m[0, 1])
    assert np.isinf(m[1, 0]) and np.isfinite(m[1, 1])


@pytest.mark.parametrize("seed", range(4))
def test_vs_skimage_mcp_geometric(seed):
    graph = pytest.importorskip("skimage.graph")
    rng = np.random.default_rng(3000 + seed)
    R, C = 120, 140
    f = rng.uniform(0.0005, 0.02, (R, C)).astype(np.float32)
    f[rng.random((R, C)) < 0.02] = np.inf
    src = np.c_[rng.integers(0, R, 6), rng.integers(0, C, 6)]
    f[src[:, 0], src[:, 1]] = 0.01
    res = costdist.cost_distance(f, CS, src, neighbours=8)
    # MCP_Geometric: edge = len * (c_a + c_b) / 2 with c = friction * cell_size; impassable -> inf cost
    cost = np.where(np.isfinite(f), f.astype(np.float64) * CS, np.inf)
    m = graph.MCP_Geometric(cost, fully_connected=True)
    ref, _ = m.find_costs([tuple(s) for s in src])
    fin = np.isfinite(ref)
    assert np.array_equal(fin, np.isfinite(res.cost))
    rel = np.abs(res.cost[fin] - ref[fin]) / np.maximum(ref[fin], 1e-12)
    assert rel.max() < 1e-5


# ------------------------------------------------------------------------------------ tiled method
def _tiled(f, src, off, mc, nb, tile, **kw):
    return engine.cost_distance(costdist.check_friction(f), CS, np.asarray(src, np.int64), off, mc, nb, True,
                                False, None, method="tiled", tile=tile, **kw)


def _check_against_reference(f, src, off, mc, nb, res):
    d1, l1, d2, l2 = _ref(f, np.asarray(src, np.int64), off, mc, nb, True)
    np.testing.assert_array_equal(res.cost, d1.reshape(f.shape).astype(np.float32))
    lab = res.nearest
    assert np.array_equal(lab < 0, ~np.isfinite(d1.reshape(f.shape)))
    with np.errstate(invalid="ignore"):
        gap = (np.where(np.isfinite(d1), d2 - d1, np.inf) > 1e-9).reshape(f.shape)
    assert np.array_equal(lab[gap], l1.reshape(f.shape)[gap])


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("nb", [8, 16])
@pytest.mark.parametrize("tile", [2, 3, 5, 16, 128])
def test_tiled_exact_vs_reference_dijkstra(seed, nb, tile):
    """Random grids (impassable cells and islands, unreachable pockets, quantised ties, 1-8 sources,
    offsets, cut-off), tile sizes that do not divide the grid: bit-identical costs."""
    rng = np.random.default_rng(5000 + seed)
    f, src = _random_case(rng, max_side=60)
    ns = src.shape[0]
    off = rng.uniform(0, 3, ns) if seed % 2 else np.zeros(ns)
    mc = float(rng.uniform(2, 15)) if seed % 3 == 0 else math.inf
    res = _tiled(f, src, off, mc, nb, tile)
    _check_against_reference(f, src, off, mc, nb, res)
    if mc < math.inf:
        assert np.all(res.cost[np.isfinite(res.cost)] <= mc)


@pytest.mark.parametrize("shape", [(1, 1), (1, 37), (37, 1), (2, 29), (29, 2), (3, 3), (130, 1), (1, 130)])
@pytest.mark.parametrize("nb", [8, 16])
def test_tiled_thin_grids(shape, nb):
    rng = np.random.default_rng(shape[0] * 1000 + shape[1])
    f = rng.uniform(0.001, 0.02, shape).astype(np.float32)
    if f.size > 4:
        f.flat[int(rng.integers(0, f.size))] = np.inf
    src = np.array([[shape[0] - 1, 0], [0, shape[1] - 1]])
    off = np.array([0.5, 0.0])
    for tile in (2, 3, 128):
        _check_against_reference(f, src, off, math.inf, nb, _tiled(f, src, off, math.inf, nb, tile))


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("nb", [8, 16])
def test_tiled_label_attains_cost(seed, nb):
    """Independent check (pure-Python heapq per source): the nearest label is a source attaining the best
    cost, also on exact ties."""
    rng = np.random.default_rng(6000 + seed)
    f, src = _random_case(rng, max_side=24)
    off = rng.uniform(0, 2, src.shape[0])
    mc = float(rng.uniform(1, 8)) if seed % 2 else math.inf
    per = _py_dijkstra(f, CS, src, off, mc, nb)
    best = per.min(axis=0)
    res = _tiled(f, src, off, mc, nb, 4)
    np.testing.assert_allclose(res.cost, best, rtol=1e-6, atol=0)
    assert np.array_equal(np.isinf(res.cost), np.isinf(best))
    r, c = np.nonzero(np.isfinite(best))
    np.testing.assert_allclose(per[res.nearest[r, c], r, c], best[r, c], rtol=1e-6)


@pytest.mark.parametrize("nb", [8, 16])
def test_tiled_road_grid_many_tiles(nb):
    """A road lattice over slow land (fronts run ahead along roads and come back: tiles solved several
    times), a lake, many sources, tiles of 16 on a 203 x 187 grid."""
    rng = np.random.default_rng(nb)
    R, C = 203, 187
    speed = rng.uniform(4, 15, (R, C))
    speed[7::23, :] = 60.0
    speed[:, 5::31] = 110.0
    speed[rng.random((R, C)) < 0.01] = 0.0
    speed[60:90, 100:150] = 0.0  # lake
    f = costdist.speed_to_friction(speed)
    src = np.c_[rng.integers(0, R, 15), rng.integers(0, C, 15)]
    off = rng.uniform(0, 4, 15)
    for tile in (16, 128):
        res = _tiled(f, src, off, math.inf, nb, tile)
        _check_against_reference(f, src, off, math.inf, nb, res)
    res = _tiled(f, src, off, 9.0, nb, 16)
    _check_against_reference(f, src, off, 9.0, nb, res)


def test_tiled_small_chunks_and_progress():
    rng = np.random.default_rng(12)
    f, src = _random_case(rng, max_side=60, islands=False)
    off = np.zeros(src.shape[0])
    a = _tiled(f, src, off, math.inf, 16, 8)
    calls = []
    b = engine.cost_distance(costdist.check_friction(f), CS, src, off, math.inf, 16, True, False,
                             lambda x: calls.append(x) and False, chunk=5, method="tiled", tile=8)
    np.testing.assert_array_equal(a.cost, b.cost)
    np.testing.assert_array_equal(a.nearest, b.nearest)
    assert calls and calls[-1] == 1.0 and all(0.0 <= x <= 1.0 for x in calls)
    assert calls == sorted(calls)


def test_method_selection():
    f = costdist.check_friction(np.full((20, 20), 0.01, np.float32))
    src = np.array([[0, 0], [19, 19]])
    with pytest.raises(ValueError):
        engine.cost_distance(f, CS, src, np.zeros(2), math.inf, 8, True, True, None, method="tiled")
    with pytest.raises(ValueError):
        engine.cost_distance(f, CS, src, np.zeros(2), math.inf, 8, True, False, None, method="heap")
    a = engine.cost_distance(f, CS, src, np.zeros(2), math.inf, 16, True, False, None, method="bucket")
    b = engine.cost_distance(f, CS, src, np.zeros(2), math.inf, 16, True, False, None)  # auto: tiled
    np.testing.assert_array_equal(a.cost, b.cost)


def test_check_friction_no_copy_and_no_mutation():
    clean = np.full((30, 40), 0.01, np.float32)
    clean[3, 4] = np.inf
    out = costdist.check_friction(clean)
    assert np.shares_memory(out, clean)  # clean float32 input: used as is (never written by the engine)
    dirty = clean.copy()
    dirty[1, 1] = np.nan
    dirty[2, 2] = -1.0
    dirty[2, 3] = -np.inf
    keep = dirty.copy()
    out = costdist.check_friction(dirty)
    assert not np.shares_memory(out, dirty)
    np.testing.assert_array_equal(dirty, keep)  # caller's array untouched
    assert np.isinf(out[1, 1]) and np.isinf(out[2, 2]) and np.isinf(out[2, 3]) and out[0, 0] == np.float32(0.01)
    assert out.dtype == np.float32 and out.flags.c_contiguous
    out64 = costdist.check_friction(clean.astype(np.float64)[:, ::-1])
    assert out64.dtype == np.float32 and out64.flags.c_contiguous
    np.testing.assert_array_equal(out64, clean[:, ::-1])


@pytest.mark.parametrize("h,w", [(1, 1), (1, 5), (5, 1), (2, 2), (3, 4), (4, 4), (7, 5), (16, 16)])
def test_tiled_marks_every_neighbour_tile_within_reach(h, w):
    """A changed cell must make dirty every neighbouring tile that one of the 16 moves reaches (brute force
    over the move set), with the cell inside the dirty range recorded for that tile; extra marks only for
    tiles within 2 cells (a harmless over-approximation)."""
    k = pytest.importorskip("drivetime_equity.core._tiled_kernels")
    mv, _ = costdist.move_set(16)
    T = w
    for i in range(h):
        for j in range(w):
            nkey = np.full(9, np.inf)
            nlo = np.full(9, k.NONE, np.int64)
            nhi = np.full(9, -k.NONE, np.int64)
            k._mark(i, j, 1.5, h, w, T, nkey, nlo, nhi)
            want = set()
            for dr, dc in mv[:, :2]:
                a = 0 if i + dr < 0 else (2 if i + dr >= h else 1)
                b = 0 if j + dc < 0 else (2 if j + dc >= w else 1)
                if (a, b) != (1, 1):
                    want.add(a * 3 + b)
            got = {q for q in range(9) if nkey[q] == 1.5}
            assert want <= got, (i, j)
            near = {(0 if i + dr < 0 else (2 if i + dr >= h else 1)) * 3
                    + (0 if j + dc < 0 else (2 if j + dc >= w else 1))
                    for dr in range(-2, 3) for dc in range(-2, 3)}
            assert got <= near - {4}, (i, j)
            for q in want:
                a, b = divmod(q, 3)
                y = i if a == 1 else j + (1 - b) * T  # row, or column in the neighbour's coordinates
                assert nlo[q] <= y <= nhi[q]
