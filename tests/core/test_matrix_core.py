"""core/matrix.py: site-to-site matrices, collaboration bands, groups, wide CSV, shared-catchment rasters.

References are independent: straight-line distance / speed (uniform surface), plain-Python loops, a BFS
written here, a naive agglomerative clustering written here, and per-site full runs of the reference Dijkstra."""
import csv
import math

import numpy as np
import pytest

from drivetime_equity.core import costdist, matrix

from _refs import bfs_groups  # the independent reference the QGIS matrix test uses too
import _dijkstra as reference  # the plain Dijkstra of tests/_dijkstra.py
from _sweep_matrix import sweep_matrix

CS = 50.0


def _uniform(rows, cols, kmh=60.0):
    return costdist.speed_to_friction(np.full((rows, cols), kmh, np.float32))


def _random_sites(rng, shape, n):
    cells = rng.choice(shape[0] * shape[1], n, replace=False)
    return np.column_stack(np.unravel_index(cells, shape)).astype(np.int64)


def _random_world(seed, shape, fmin, fmax, p_block, n_sites):
    """Random friction in [fmin, fmax) min/m with a share ``p_block`` impassable, and ``n_sites`` sites on
    passable cells (0.002 min/m)."""
    rng = np.random.default_rng(seed)
    f = rng.uniform(fmin, fmax, shape).astype(np.float32)
    f[rng.random(f.shape) < p_block] = np.inf
    src = _random_sites(rng, f.shape, n_sites)
    f[src[:, 0], src[:, 1]] = 0.002
    return f, src


# -- uniform surface: straight-line distance / speed within the metrication error -------------------------
@pytest.mark.parametrize("neighbours, max_excess", [(16, 0.028), (8, 0.083)])
def test_uniform_surface_matches_straight_line(neighbours, max_excess):
    rng = np.random.default_rng(5)
    f = _uniform(120, 150, kmh=60.0)  # 1 km/min
    src = _random_sites(rng, f.shape, 12)
    m = matrix.site_matrix(f, CS, src, neighbours=neighbours, symmetric=False)
    d = np.hypot(*(src[:, None, :] - src[None, :, :]).transpose(2, 0, 1)) * CS  # metres, cell centres
    expected = d / 1000.0  # minutes at 60 km/h
    off = ~np.eye(len(src), dtype=bool)
    ratio = m[off] / expected[off]
    assert np.all(ratio >= 1.0 - 1e-6)  # a path on the cell graph is never shorter than the straight line
    assert np.all(ratio <= 1.0 + max_excess)
    assert np.all(np.diag(m) == 0.0)
    # straight rows/columns and exact diagonals are exact
    a = np.array([[10, 10], [10, 90], [70, 70]])
    m2 = matrix.site_matrix(f, CS, a, neighbours=neighbours)
    assert m2[0, 1] == pytest.approx(80 * CS / 1000.0, rel=1e-6)  # float32 friction
    assert m2[0, 2] == pytest.approx(60 * math.sqrt(2) * CS / 1000.0, rel=1e-6)  # float32 friction


def test_symmetric_inputs_give_symmetric_matrix_and_match_reference():
    f, src = _random_world(11, (60, 70), 0.0005, 0.01, 0.1, 9)
    m = matrix.site_matrix(f, CS, src, symmetric=False)
    fin = np.isfinite(m)
    assert np.array_equal(fin, fin.T)
    np.testing.assert_allclose(m[fin], m.T[fin], rtol=1e-12)
    # every entry equals a full reference Dijkstra run from the row's site
    for i in range(len(src)):
        full = reference.cost_distance(f, CS, src[i:i + 1]).cost
        ref = full[src[:, 0], src[:, 1]].astype(np.float64)
        ref[i] = 0.0
        np.testing.assert_allclose(m[i], ref, rtol=1e-6)
    ms = matrix.site_matrix(f, CS, src, symmetric=True)
    assert np.array_equal(ms, ms.T)


@pytest.mark.parametrize("batch", [1, 2, 3, 50])
def test_symmetric_sweep_equals_all_pairs(batch):
    rng = np.random.default_rng(batch)
    f = rng.uniform(0.0005, 0.01, (50, 80)).astype(np.float32)
    f[rng.random(f.shape) < 0.12] = np.inf
    f[20:30, 30:40] = np.inf  # an island: sites inside are unreachable from outside
    f[24:26, 34:36] = 0.002
    src = np.vstack([_random_sites(rng, f.shape, 10), [[24, 34], [25, 35]]])
    f[src[:, 0], src[:, 1]] = 0.002
    full = matrix.site_matrix(f, CS, src, symmetric=False)
    sweep = sweep_matrix(f, CS, src, batch=batch)
    ref = matrix.symmetrise(full)
    assert np.array_equal(matrix.symmetrise(reference.travel_time_matrix(f, CS, src)), ref)
    assert np.array_equal(np.isfinite(sweep), np.isfinite(ref))
    assert np.isinf(ref[0, 10]) and np.isfinite(ref[10, 11])
    fin = np.isfinite(ref)
    np.testing.assert_allclose(sweep[fin], ref[fin], rtol=1e-12)
    assert np.array_equal(sweep, sweep.T)
    seen = []
    sweep_matrix(f, CS, src, batch=batch, progress=lambda x: seen.append(x) and False)
    assert seen and max(seen) <= 1.0 + 1e-12


def test_symmetrise_rules():
    inf = np.inf
    m = np.array([[0.0, 10.0, 5.0, inf],
                  [20.0, 0.0, inf, inf],
                  [inf, inf, 0.0, inf],
                  [inf, inf, inf, 0.0]])
    s = matrix.symmetrise(m)
    assert s[0, 1] == s[1, 0] == 15.0  # mean of both directions
    assert s[0, 2] == s[2, 0] == 5.0  # only one direction reachable: that one
    assert np.isinf(s[1, 2]) and np.isinf(s[0, 3])
    assert np.all(np.diag(s) == 0)


# -- bands --------------------------------------------------------------------------------------------------
def test_band_boundaries_default_breaks():
    b = matrix.DEFAULT_BANDS
    minutes = np.array([0.0, 29.999, 30.0, np.nextafter(30.0, 31), 44.9, 45.0, 45.0001, 59.99, 60.0, 60.0001,
                        300.0, np.inf, np.nan])
    expected = [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 0, 0]
    assert matrix.band_of(minutes, b).tolist() == expected
    assert len(matrix.DEFAULT_LABELS) == len(b) + 1


def test_custom_breaks_and_labels():
    b = matrix.check_bands([20, 10, 10, 40])
    assert b.tolist() == [10.0, 20.0, 40.0]
    assert matrix.band_of([10, 10.5, 20, 39, 40, 41], b).tolist() == [1, 2, 2, 3, 3, 4]
    labels = matrix.check_labels(["near", " mid ", "far", "very far"], b)
    assert labels == ["near", "mid", "far", "very far"]
    with pytest.raises(ValueError, match="4 labels"):
        matrix.check_labels(["a", "b", "c"], b)
    with pytest.raises(ValueError):
        matrix.check_labels(["a", "", "c", "d"], b)
    for bad in ([], [0, 10], [-5], [np.inf]):
        with pytest.raises(ValueError):
            matrix.check_bands(bad)


# -- pairs and per-site statistics ---------------------------------------------------------------------------
def _random_matrix(rng, n, p_inf=0.15, integer=True, symmetric=True):
    m = rng.integers(5, 90, (n, n)).astype(float) if integer else rng.uniform(5, 90, (n, n))
    if symmetric:
        m = np.triu(m, 1)
        m = m + m.T
    m[rng.random((n, n)) < p_inf] = np.inf
    if symmetric:
        m = np.minimum(m, m.T)
    np.fill_diagonal(m, 0.0)
    return m


def test_pair_table():
    m = np.arange(16, dtype=float).reshape(4, 4)
    i, j, v = matrix.pair_table(m, ordered=True)
    assert len(i) == 12 and not np.any(i == j)
    assert list(zip(i.tolist(), j.tolist()))[:3] == [(0, 1), (0, 2), (0, 3)]
    assert np.array_equal(v, m[i, j])
    i, j, v = matrix.pair_table(m, ordered=False)
    assert len(i) == 6 and np.all(i < j)


def test_site_stats_brute_force():
    rng = np.random.default_rng(3)
    bands = [30.0, 45.0, 60.0]
    for _ in range(20):
        n = int(rng.integers(2, 12))
        m = _random_matrix(rng, n, p_inf=0.25, symmetric=bool(rng.integers(0, 2)))
        st = matrix.site_stats(m, bands)
        for a in range(n):
            others = [(m[a, b], b) for b in range(n) if b != a]
            reach = [(t, b) for t, b in others if math.isfinite(t)]
            if reach:
                tmin = min(t for t, _ in reach)
                assert st["nearest_min"][a] == tmin
                assert m[a, st["nearest"][a]] == tmin and st["nearest"][a] != a
                assert st["mean_min"][a] == pytest.approx(sum(t for t, _ in reach) / len(reach))
            else:
                assert st["nearest"][a] == -1 and np.isnan(st["nearest_min"][a]) and np.isnan(st["mean_min"][a])
            expected_counts = [0, 0, 0, 0]
            for t, _ in reach:
                k = 0 if t <= 30 else 1 if t <= 45 else 2 if t <= 60 else 3
                expected_counts[k] += 1
            assert st["counts"][a].tolist() == expected_counts
            assert st["unreachable"][a] == len(others) - len(reach)


# -- collaboration groups -------------------------------------------------------------------------------------
def test_components_match_independent_bfs():
    rng = np.random.default_rng(7)
    for _ in range(40):
        n = int(rng.integers(2, 25))
        m = _random_matrix(rng, n, p_inf=0.2, integer=True, symmetric=bool(rng.integers(0, 2)))
        bands = [30.0, 45.0, 60.0]
        got = matrix.components_at_breaks(m, bands)
        assert got.shape == (n, 3)
        for k, t in enumerate(bands):
            assert got[:, k].tolist() == bfs_groups(m, t)


def test_components_break_is_inclusive():
    m = np.array([[0, 30, 90], [30, 0, 45], [90, 45, 0]], dtype=float)
    assert matrix.components(m, 30).tolist() == [1, 1, 2]
    assert matrix.components(m, 29.99).tolist() == [1, 2, 3]
    assert matrix.components(m, 45).tolist() == [1, 1, 1]


def _same_partition(a, b):
    pairs_a = {(x, y) for x in range(len(a)) for y in range(len(a)) if a[x] == a[y]}
    pairs_b = {(x, y) for x in range(len(b)) for y in range(len(b)) if b[x] == b[y]}
    return pairs_a == pairs_b


def _naive_agglomerative(m, linkage, threshold=None, n_clusters=None):
    """Plain agglomerative clustering: merge the two closest clusters (complete: farthest pair, average: mean
    pair, single: nearest pair) while that distance is <= threshold, or until n_clusters are left."""
    d = matrix.symmetrise(m)
    d = np.where(np.isfinite(d), d, matrix.UNREACHABLE_DISTANCE)
    clusters = [[i] for i in range(len(d))]
    agg = {"complete": max, "single": min, "average": lambda v: sum(v) / len(v)}[linkage]
    while len(clusters) > 1:
        best = None
        for a in range(len(clusters)):
            for b in range(a + 1, len(clusters)):
                v = agg([d[x, y] for x in clusters[a] for y in clusters[b]])
                if best is None or v < best[0]:
                    best = (v, a, b)
        v, a, b = best
        if (n_clusters is not None and len(clusters) <= n_clusters) or (threshold is not None and v > threshold):
            break
        clusters[a] += clusters.pop(b)
    labels = [0] * len(d)
    for k, c in enumerate(clusters):
        for i in c:
            labels[i] = k
    return labels


def test_hierarchical_clusters_against_naive_agglomeration():
    rng = np.random.default_rng(13)
    for _ in range(30):
        n = int(rng.integers(3, 20))
        m = _random_matrix(rng, n, p_inf=0.0, integer=False)
        for method in ("complete", "average", "single"):
            t = float(rng.uniform(20, 70))
            got = matrix.hierarchical_clusters(m, threshold=t, linkage=method)
            assert _same_partition(got.tolist(), _naive_agglomerative(m, method, threshold=t))
            if method == "complete":  # every pair inside a cluster is within the threshold
                for a in range(n):
                    for b in range(n):
                        if got[a] == got[b]:
                            assert m[a, b] <= t
            k = int(rng.integers(1, n + 1))
            got = matrix.hierarchical_clusters(m, n_clusters=k, linkage=method)
            assert len(set(got.tolist())) == k
            assert _same_partition(got.tolist(), _naive_agglomerative(m, method, n_clusters=k))
    assert matrix.hierarchical_clusters(np.zeros((1, 1)), threshold=30).tolist() == [1]
    with pytest.raises(ValueError):
        matrix.hierarchical_clusters(_random_matrix(rng, 4), threshold=None)


def test_hierarchical_single_linkage_equals_components_and_threshold_inclusive():
    rng = np.random.default_rng(17)
    for _ in range(20):
        n = int(rng.integers(2, 15))
        m = _random_matrix(rng, n, p_inf=0.2, integer=True)
        assert matrix.hierarchical_clusters(m, threshold=45, linkage="single").tolist() == bfs_groups(m, 45)
    m = np.array([[0, 30, 31], [30, 0, 31], [31, 31, 0]], dtype=float)
    assert matrix.hierarchical_clusters(m, threshold=30).tolist() == [1, 1, 2]


# -- wide CSV ------------------------------------------------------------------------------------------------
def test_wide_csv(tmp_path):
    m = np.array([[0.0, 12.345, np.inf], [12.36, 0.0, 7.04], [np.inf, 7.05, 0.0]])
    names = ["Alpha", "Bêta, the second", "Gamma"]
    path = matrix.write_wide_csv(tmp_path / "m.csv", m, names)
    with open(path, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][1:] == names
    assert [r[0] for r in rows[1:]] == names
    assert rows[1][1:] == ["0.0", "12.3", ""]
    assert rows[2][1:] == ["12.4", "0.0", "7.0"]
    assert rows[3][1:] == ["", "7.0" if round(7.05, 1) == 7.0 else "7.1", "0.0"]
    assert not list(tmp_path.glob(".*part"))


# -- shared-catchment rasters --------------------------------------------------------------------------------
def _full_runs(f, src):
    return np.stack([reference.cost_distance(f, CS, src[i:i + 1]).cost
                     for i in range(len(src))])


def test_reach_counts_and_second_gap_against_full_runs():
    f, src = _random_world(23, (50, 60), 0.001, 0.004, 0.08, 5)
    full = _full_runs(f, src)  # (5, R, C)
    breaks = [3.0, 6.0, 9.0]
    counts = matrix.reach_counts(f, CS, src, breaks)
    assert counts.shape == (3, 50, 60) and counts.dtype == np.uint16
    for k, b in enumerate(breaks):
        assert np.array_equal(counts[k], (full <= np.float32(b)).sum(axis=0))
    gap = matrix.second_nearest_gap(f, CS, src)
    srt = np.sort(full, axis=0)
    ok = np.isfinite(srt[1])
    np.testing.assert_allclose(gap[ok], srt[1][ok] - srt[0][ok], atol=1e-4)
    assert np.all(np.isnan(gap[~ok]))
    assert np.all(gap[ok] >= 0)


@pytest.mark.parametrize("symmetric", [True, False])
def test_matrix_with_counts_equals_matrix_and_reach_counts(symmetric):
    """The matrix's own searches give the same counts as reach_counts, bit for bit, and the same matrix as
    without counts; the offset (fixed time) starts every search, as a drive time's, and the diagonal stays 0."""
    f, src = _random_world(31, (70, 90), 0.0005, 0.006, 0.08, 7)
    breaks = [2.0, 4.5, 7.0]
    fixed = 1.25
    m, counts = matrix.site_matrix(f, CS, src, symmetric=symmetric, offset=fixed, reach_breaks=breaks)
    assert np.array_equal(counts, matrix.reach_counts(f, CS, src, breaks, offset=fixed))
    full = np.stack([reference.cost_distance(f, CS, src[i:i + 1], offsets=[fixed]).cost for i in range(len(src))])
    for k, b in enumerate(breaks):
        assert np.array_equal(counts[k], (full <= np.float32(b)).sum(axis=0))
    plain = matrix.site_matrix(f, CS, src, symmetric=symmetric)
    assert np.array_equal(plain, matrix.site_matrix(f, CS, src, symmetric=symmetric, reach_breaks=breaks)[0])
    off = ~np.eye(len(src), dtype=bool)
    assert np.all(np.diag(m) == 0.0)
    np.testing.assert_allclose(m[off], plain[off] + fixed, rtol=1e-12)
    ref = full[:, src[:, 0], src[:, 1]].astype(np.float64)  # row i: from site i
    fin = np.isfinite(ref) & off
    np.testing.assert_allclose(m[fin], ref[fin], rtol=1e-6)
    assert np.array_equal(np.isfinite(m[off]), np.isfinite(ref[off]))


def test_reach_counts_on_a_break_equal_to_a_cell_cost():
    """A break equal to a cell's drive time (as the float32 raster shows it) counts that cell: the runs go on
    to every cost that rounds to the break, not only to the break in float64."""
    f, src = _random_world(37, (40, 50), 0.001, 0.004, 0.05, 4)
    full = _full_runs(f, src)
    rng = np.random.default_rng(3)
    fin = full[np.isfinite(full) & (full > 0)]
    for b in rng.choice(fin, 6, replace=False):
        breaks = [float(b) / 2, float(b)]
        counts = matrix.reach_counts(f, CS, src, breaks)
        for k, x in enumerate(breaks):
            assert np.array_equal(counts[k], (full <= np.float32(x)).sum(axis=0))
        m, c2 = matrix.site_matrix(f, CS, src, reach_breaks=breaks)
        assert np.array_equal(c2, counts)
