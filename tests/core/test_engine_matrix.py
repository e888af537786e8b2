"""Early-stopping tiled single-source runs of engine.travel_time_matrix vs the reference Dijkstra."""
import math

import numpy as np
import pytest

from drivetime_equity.core import costdist, engine
from _dijkstra import dijkstra_targets  # the reference (tests/_dijkstra.py)

from _bucket_matrix import travel_time_matrix_bucket

CS = 25.0


def _grid(rng, R, C, p_block=0.12):
    f = (rng.random((R, C)) * 0.02 + 0.001).astype(np.float32)
    f[rng.random((R, C)) < p_block] = np.inf
    # a walled pocket: its cells are passable but unreachable from outside
    if R > 12 and C > 12:
        r0, c0 = rng.integers(1, R - 8), rng.integers(1, C - 8)
        f[r0:r0 + 6, c0:c0 + 6] = np.inf
        f[r0 + 2:r0 + 4, c0 + 2:c0 + 4] = 0.01
    # fast "roads" so the front is far from round
    f[rng.integers(0, R), :] = np.where(np.isfinite(f[rng.integers(0, R), :]), 0.0005, np.inf)
    return np.ascontiguousarray(f)


def _reference(f, src, tgt, mc, nb):
    mv, lens = costdist.move_set(nb)
    C = f.shape[1]
    tidx = tgt[:, 0] * C + tgt[:, 1]
    return np.array([dijkstra_targets(f, CS, s[0] * C + s[1], tidx, mc, mv, lens) for s in src])


def _case(seed, R, C, n_src=6, n_tgt=9):
    rng = np.random.default_rng(seed)
    f = _grid(rng, R, C)
    src = np.c_[rng.integers(0, R, n_src), rng.integers(0, C, n_src)]
    tgt = np.c_[rng.integers(0, R, n_tgt), rng.integers(0, C, n_tgt)]
    tgt[2] = tgt[0]  # duplicate target
    tgt[3] = src[1]  # a target on a source
    src[4] = src[0]  # duplicate source
    if R > 12 and C > 12:  # a target inside the pocket (unreachable unless a source is in there too)
        pocket = np.argwhere((f == np.float32(0.01)))
        if pocket.size:
            tgt[5] = pocket[0]
    # an impassable target and an impassable source
    blocked = np.argwhere(~np.isfinite(f))
    tgt[6] = blocked[0]
    src[5] = blocked[-1]
    return f, src.astype(np.int64), tgt.astype(np.int64)


@pytest.mark.parametrize("nb", [8, 16])
@pytest.mark.parametrize("tile", [5, 16, 128])
@pytest.mark.parametrize("seed", range(4))
def test_tiled_matrix_equals_reference(seed, tile, nb):
    R, C = [(37, 53), (64, 64), (23, 91), (70, 41)][seed]
    f, src, tgt = _case(100 + seed, R, C)
    ref = _reference(f, src, tgt, math.inf, nb)
    for threads in (1, 2):
        got = engine.travel_time_matrix(f, CS, src, tgt, math.inf, nb, None, n_threads=threads, tile=tile)
        np.testing.assert_array_equal(got, ref)
    assert np.isinf(ref).any() and np.isfinite(ref).any()  # the case covers both


@pytest.mark.parametrize("nb", [8, 16])
@pytest.mark.parametrize("seed", range(3))
def test_tiled_matrix_cut_off(seed, nb):
    f, src, tgt = _case(200 + seed, 60, 45)
    full = _reference(f, src, tgt, math.inf, nb)
    fin = full[np.isfinite(full) & (full > 0)]
    mc = float(np.median(fin))  # cuts about half of the pairs
    ref = _reference(f, src, tgt, mc, nb)
    got = engine.travel_time_matrix(f, CS, src, tgt, mc, nb, None, n_threads=2, tile=8)
    np.testing.assert_array_equal(got, ref)
    assert np.isinf(got[np.isfinite(full) & (full > mc)]).all()
    assert np.array_equal(got[full <= mc], full[full <= mc])


@pytest.mark.parametrize("nb", [8, 16])
def test_tiled_matrix_state_reused_and_reset(nb):
    """Many sources on one thread: each run must start from a clean state (only touched tiles reset)."""
    rng = np.random.default_rng(7)
    f = _grid(rng, 90, 77)
    src = np.c_[rng.integers(0, 90, 25), rng.integers(0, 77, 25)].astype(np.int64)
    tgt = src[::3].copy()  # near targets (early stops) and far ones, in varying order
    ref = _reference(f, src, tgt, math.inf, nb)
    got = engine.travel_time_matrix(f, CS, src, tgt, math.inf, nb, None, n_threads=1, tile=9)
    np.testing.assert_array_equal(got, ref)
    # white box: after a run the runner's costs and tile bookkeeping are clean again
    fp = engine._pad(f)
    r = engine.TiledRunner(fp, 90, 77, 9, engine._pull_tables(nb, 77 + 4, CS))
    P = 77 + 4
    tpad = np.unique((tgt[:, 0] + 2) * P + tgt[:, 1] + 2)
    for s in src[:5]:
        r.solve(s[None, :], tpad, math.inf, 1000)
        assert np.isinf(r.d).all() and np.isinf(r.tkey).all() and not r.tseen.any()
        assert (r.tdirt[:, 0::2] == r.k.NONE).all() and r.st.sum() == 0


def test_tiled_matrix_stops_early():
    """A target next to the source: the run visits a few tiles, not the grid."""
    f = np.full((300, 300), 0.0078125, np.float32)  # a power of two: exact sums
    fp = engine._pad(f)
    r = engine.TiledRunner(fp, 300, 300, 16, engine._pull_tables(16, 304, CS))
    P = 304
    tgt = np.array([(150 + 2) * P + 153 + 2], np.int64)
    got = r.solve(np.array([[150, 150]], np.int64), tgt, math.inf, 1 << 30)
    assert got[0] == 3 * CS * 0.0078125  # 3 cells east
    # tiles 16 x 16: 19 x 19 = 361 tiles; only a neighbourhood is solved
    st = np.zeros(8, np.int64)
    r.k.seed(r.d, r.lab, r.P, 300, 300, 16, r.tkey, r.tdirt, r.hk, r.ht, st, np.array([[150, 150]], np.int64),
             np.zeros(1, np.int32), np.zeros(1), math.inf)
    r.k.run_targets(r.fp, r.d, r.lab, r.P, 300, 300, 16, r.tkey, r.tdirt, r.tseen, r.hk, r.ht, st, *r.tables,
                    math.inf, 1 << 30, tgt, r.vlist, math.inf)
    assert st[r.k.ST_DONE] == 1
    assert st[r.k.ST_FIRST] <= 9


@pytest.mark.parametrize("nb", [8, 16])
def test_tiled_and_bucket_matrix_agree(nb):
    f, src, tgt = _case(300, 80, 66, n_src=8, n_tgt=12)
    a = engine.travel_time_matrix(f, CS, src, tgt, math.inf, nb, None, n_threads=2)
    b = travel_time_matrix_bucket(f, CS, src, tgt, math.inf, nb, None, n_threads=2)
    np.testing.assert_array_equal(a, b)


def test_tiled_matrix_no_targets_reachable():
    f = np.full((20, 20), 0.01, np.float32)
    f[5, 5] = np.inf
    got = engine.travel_time_matrix(f, CS, np.array([[0, 0], [5, 5]]), np.array([[5, 5]]), math.inf, 16, None)
    assert np.isinf(got[0, 0]) and got[1, 0] == 0.0  # impassable target: only from itself
    got = engine.travel_time_matrix(f, CS, np.zeros((0, 2), np.int64), np.array([[1, 1]]), math.inf, 16, None)
    assert got.shape == (0, 1)


@pytest.mark.parametrize("nb", [8, 16])
@pytest.mark.parametrize("seed", range(3))
def test_symmetric_matrix_each_pair_once(seed, nb):
    """Every pair equals the reference search from one of its two sites (bit for bit), the matrix is
    symmetric, and it agrees with the both-ways matrix to float rounding."""
    rng = np.random.default_rng(400 + seed)
    f = _grid(rng, 70, 60)
    src = np.c_[rng.integers(0, 70, 11), rng.integers(0, 60, 11)].astype(np.int64)
    src[3] = src[7]  # two sites on one cell
    ref = _reference(f, src, src, math.inf, nb)
    for threads in (1, 2):
        m = engine.travel_time_matrix_symmetric(f, CS, src, neighbours=nb, n_threads=threads, tile=16)
        assert np.array_equal(m, m.T) and np.all(np.diag(m) == 0)
        off = ~np.eye(11, dtype=bool)
        assert np.all((m == ref) | (m == ref.T))
        fin = np.isfinite(ref) & off
        assert np.array_equal(np.isfinite(m) & off, fin | fin.T)
        assert m[3, 7] == 0.0
    # any order gives the same pairs up to which direction was searched
    m2 = engine.travel_time_matrix_symmetric(f, CS, src, neighbours=nb, order=np.arange(11)[::-1], tile=7)
    assert np.all((m2 == ref) | (m2 == ref.T))


def test_site_matrix_symmetric_uses_one_queue():
    from drivetime_equity.core import matrix
    rng = np.random.default_rng(9)
    f = _grid(rng, 50, 80)
    src = np.c_[rng.integers(0, 50, 9), rng.integers(0, 80, 9)].astype(np.int64)
    ms = matrix.site_matrix(f, CS, src, symmetric=True)
    full = matrix.site_matrix(f, CS, src, symmetric=False)
    ref = matrix.symmetrise(full)
    assert np.array_equal(np.isfinite(ms), np.isfinite(ref))
    fin = np.isfinite(ref)
    np.testing.assert_allclose(ms[fin], ref[fin], rtol=1e-12)
    assert np.array_equal(ms, ms.T)


def test_outer_first_order():
    order = engine.outer_first(np.array([[50, 50], [0, 0], [60, 40], [99, 99]]), (101, 101))
    assert set(order[:2]) == {1, 3} and order[-1] == 0
