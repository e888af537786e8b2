"""Core tests of coverage and equity by area (issue #4): plain pytest, independent references."""
import math

import numpy as np
import pytest
from shapely.geometry import MultiPolygon, Point, Polygon, box

from drivetime_equity.core import coverage as cv
from drivetime_equity.core.grid import Grid, GridSpec


def cell_box(spec, cell):
    r, c = divmod(int(cell), spec.cols)
    return box(spec.x_min + c * spec.cell_size, spec.y_max - (r + 1) * spec.cell_size,
               spec.x_min + (c + 1) * spec.cell_size, spec.y_max - r * spec.cell_size)


# ---------------------------------------------------------------------------------------------- exact areas
def test_cell_areas_match_shapely_clipping():
    spec = GridSpec(1000.0, 2000.0, 10.0, 50, 60)
    rng = np.random.default_rng(7)
    pts = rng.uniform([1050, 1550], [1550, 1950], size=(9, 2))
    geoms = [
        Point(1300, 1750).buffer(123.4),
        Point(1000, 2000).buffer(80),  # three quarters outside the grid
        box(1100.5, 1600.3, 1420.7, 1900.9).difference(Point(1250, 1750).buffer(50)),  # hole
        MultiPolygon([Point(1150, 1650).buffer(30), box(1500.2, 1800.1, 1560.9, 1990.4)]),
        Polygon(pts[np.argsort(np.arctan2(pts[:, 1] - 1750, pts[:, 0] - 1300))]).buffer(0),  # random star
        box(3000, 3000, 3010, 3010),  # wholly outside
        Polygon([(1200, 1700), (1200, 1700.001), (1200.001, 1700)]),  # sliver smaller than a cell
    ]
    idx, cell, area = cv.cell_areas(geoms, spec)
    grid_box = box(*spec.bounds)
    for i, g in enumerate(geoms):
        m = idx == i
        assert area[m].sum() == pytest.approx(g.intersection(grid_box).area, rel=1e-9, abs=1e-9)
        for c, a in zip(cell[m], area[m]):
            assert a == pytest.approx(cell_box(spec, c).intersection(g).area, abs=1e-7)
        # no touched cell is missing: brute force over every cell
        brute = {c for c in range(spec.rows * spec.cols) if cell_box(spec, c).intersection(g).area > 1e-6}
        assert brute <= set(cell[m].tolist())


def test_quad_cell_areas_of_coarser_raster():
    spec = GridSpec(0.0, 100.0, 10.0, 10, 10)
    cx = np.array([[5.0, 5.0, 37.0, 37.0], [60.0, 95.0, 95.0, 60.0]])  # second quad clockwise
    cy = np.array([[95.0, 63.0, 63.0, 95.0], [50.0, 50.0, 10.0, 10.0]])
    idx, cell, area = cv.quad_cell_areas(cx, cy, spec)
    assert area[idx == 0].sum() == pytest.approx(32 * 32)
    assert area[idx == 1].sum() == pytest.approx(35 * 40)
    for i in range(2):
        q = Polygon(np.column_stack([cx[i], cy[i]]))
        for c, a in zip(cell[idx == i], area[idx == i]):
            assert a == pytest.approx(cell_box(spec, c).intersection(q).area)


# ----------------------------------------------------------------------------------------------- spreading
def lsoa_like(n=6, size=100.0, x0=0.0, y0=0.0, seed=3):
    """An n x n tiling of jittered quadrilaterals (like small areas) with random populations."""
    rng = np.random.default_rng(seed)
    xs = x0 + np.arange(n + 1) * size
    ys = y0 + np.arange(n + 1) * size
    X, Y = np.meshgrid(xs, ys)
    jit = rng.uniform(-0.3 * size, 0.3 * size, size=X.shape + (2,))
    jit[0, :, :] = jit[-1, :, :] = jit[:, 0, :] = jit[:, -1, :] = 0
    X, Y = X + jit[..., 0], Y + jit[..., 1]
    polys = []
    for i in range(n):
        for j in range(n):
            polys.append(Polygon([(X[i, j], Y[i, j]), (X[i, j + 1], Y[i, j + 1]), (X[i + 1, j + 1], Y[i + 1, j + 1]),
                                  (X[i + 1, j], Y[i + 1, j])]))
    pop = rng.integers(0, 3000, size=len(polys)).astype(float)
    return polys, pop


def test_spread_polygons_conserves_population_per_area():
    polys, pop = lsoa_like()
    # two areas splitting the tiling along x = 250 (cuts through small areas); raster covers x < 500 only
    areas = [box(-10, -10, 250, 610), box(250, -10, 610, 610)]
    spec = GridSpec(0.0, 600.0, 7.0, 86, 72)  # x 0..504: the right strip lies outside the raster
    cells = cv.spread_polygons(spec, polys, pop, areas)
    # reference by plain shapely: population of each polygon split by area share
    grid = box(*spec.bounds)
    for k, a in enumerate(areas):
        expect_in = sum(p_ * g.intersection(a).intersection(grid).area / g.area for g, p_ in zip(polys, pop))
        expect_out = sum(p_ * (g.intersection(a).area - g.intersection(a).intersection(grid).area) / g.area
                         for g, p_ in zip(polys, pop))
        assert cells.pop[cells.area == k].sum() == pytest.approx(expect_in, rel=1e-9)
        assert cells.outside_raster[k] == pytest.approx(expect_out, rel=1e-9, abs=1e-6)
    # nothing lost: on-grid + outside raster + outside areas = input
    assert cells.total + cells.outside_raster.sum() + cells.outside_areas == pytest.approx(pop.sum(), rel=1e-12)
    assert cells.outside_areas == pytest.approx(0.0, abs=1e-6)
    # each record's population = polygon density x covered area (area weighting)
    dens = np.array([p_ / g.area for g, p_ in zip(polys, pop)])
    i = np.argmax(cells.pop)
    c = cells.cell[i]
    cb = cell_box(spec, c)
    expect = sum(d * cb.intersection(g).intersection(areas[cells.area[i]]).area for g, d in zip(polys, dens))
    got = cells.pop[(cells.cell == c) & (cells.area == cells.area[i])].sum()
    assert got == pytest.approx(expect, rel=1e-9)


def test_spread_polygons_outside_areas_and_dasymetric_weights():
    polys = [box(0, 0, 100, 100), box(100, 0, 200, 100)]
    pop = np.array([1000.0, 500.0])
    areas = [box(0, 0, 150, 100)]
    spec = GridSpec(0.0, 100.0, 10.0, 10, 20)
    w = np.zeros(spec.shape)
    w[:, :5] = 1.0  # only the left half of the first polygon is "built up"
    w[:, 5:10] = 0.0
    cells = cv.spread_polygons(spec, polys, pop, areas, weights=w)
    assert cells.outside_areas == pytest.approx(250.0)
    assert cells.total == pytest.approx(1250.0)
    cols = cells.cell % spec.cols
    first = cells.pop[cols < 10]
    assert first.sum() == pytest.approx(1000.0)
    assert cells.pop[(cols >= 5) & (cols < 10)].sum() == pytest.approx(0.0)
    # second polygon piece (x 100..150) has zero weight everywhere: falls back to plain area weighting
    assert cells.pop[cols >= 10].sum() == pytest.approx(250.0)
    assert cells.weights_fallback == 1
    assert np.allclose(cells.pop[cols >= 10], 250.0 / 50)


def test_spread_points_and_raster_conserve():
    spec = GridSpec(0.0, 100.0, 10.0, 10, 10)
    areas = [box(0, 0, 50, 100), box(50, 0, 100, 100)]
    cells = cv.spread_points(spec, [5, 55, 95, 150, 5], [5, 55, 95, 50, 150], [10, 20, 30, 40, 50], areas)
    assert cells.total == pytest.approx(60)
    assert cells.outside_areas == pytest.approx(90)  # (150, 50) and (5, 150) lie in no area
    assert np.bincount(cells.area, weights=cells.pop).tolist() == pytest.approx([10, 50])
    # a 25 m population raster offset from the 10 m grid: resampled by summing, exactly by area
    arr = np.arange(1, 17, dtype=float).reshape(4, 4)
    pg = Grid(arr, GridSpec(-20.0, 105.0, 25.0, 4, 4))
    rc = cv.spread_raster(spec, pg, areas)
    grid = box(*spec.bounds)
    expect_on = 0.0
    for r in range(4):
        for c in range(4):
            b = box(-20 + 25 * c, 105 - 25 * (r + 1), -20 + 25 * (c + 1), 105 - 25 * r)
            expect_on += arr[r, c] * b.intersection(grid).area / b.area
    assert rc.total == pytest.approx(expect_on)
    assert rc.total + rc.outside_raster.sum() + rc.outside_areas == pytest.approx(arr.sum())
    # the raster's left column (x -20..5) is partly off the grid and in no area
    assert rc.outside_areas > 0


def test_bad_population_values():
    spec = GridSpec(0.0, 100.0, 10.0, 10, 10)
    with pytest.raises(cv.CoverageError, match="negative"):
        cv.spread_polygons(spec, [box(0, 0, 10, 10)], [-1.0], [box(0, 0, 100, 100)])
    with pytest.raises(cv.CoverageError, match="non-numeric"):
        cv.spread_polygons(spec, [box(0, 0, 10, 10)], [float("nan")], [box(0, 0, 100, 100)])


# ------------------------------------------------------------------------------------------ classification
def test_classify_labels_and_density():
    got = cv.classify_labels(["A1", "b1", "C1", "C2", "D1", "D2", "E1", "E2", "Urban city and town",
                              "Rural town and fringe", "Rural village and dispersed", "semi-urban", None, 3])
    U, S, R, X = cv.URBAN, cv.SEMI_URBAN, cv.RURAL, cv.UNCLASSIFIED
    assert got.tolist() == [U, U, U, U, S, S, R, R, U, S, R, S, X, R]
    with pytest.raises(cv.CoverageError, match="Z9"):
        cv.classify_labels(["A1", "Z9"])
    d = cv.classify_density([0, 299.9, 300, 1499, 1500, np.nan], (300, 1500))
    assert d.tolist() == [R, R, S, S, U, X]
    with pytest.raises(cv.CoverageError):
        cv.classify_density([1], (1500, 300))


def test_group_codes_numeric_order():
    codes, labels = cv.group_codes([10.0, 2.0, None, 2.0, 1.0])
    assert labels == ["1", "2", "10", "unknown"]
    assert codes.tolist() == [2, 1, 3, 1, 0]


# ----------------------------------------------------------------------------------------------- aggregation
def make_cells(spec, cell, pop, area, cls=None, group=None, n_areas=None, labels=()):
    n = len(cell)
    return cv.PopulationCells(spec=spec, cell=np.asarray(cell, np.int64), pop=np.asarray(pop, float),
                              area=np.asarray(area, np.int32),
                              cls=np.zeros(n, np.int8) if cls is None else np.asarray(cls, np.int8),
                              group=np.full(n, -1, np.int32) if group is None else np.asarray(group, np.int32),
                              n_areas=n_areas or int(max(area)) + 1, group_labels=list(labels),
                              input_total=float(np.sum(pop)), outside_raster=np.zeros(n_areas or int(max(area)) + 1))


def test_weighted_percentiles_match_numpy_inverted_cdf():
    rng = np.random.default_rng(11)
    spec = GridSpec(0.0, 100.0, 1.0, 40, 50)
    n = 3000
    cell = rng.integers(0, spec.rows * spec.cols, n)
    minutes = np.round(rng.gamma(3.0, 4.0, spec.shape), 1)  # ties on purpose
    minutes[rng.random(spec.shape) < 0.05] = np.nan
    pop = rng.integers(0, 6, n).astype(float)
    area = rng.integers(0, 4, n)
    cls = rng.integers(0, 3, n)
    cells = make_cells(spec, cell, pop, area, cls, n_areas=5)  # area 4 has nobody
    cov = cv.aggregate(cells, minutes, [5, 10, 15.0], target=10)
    t = minutes.ravel()[cell]
    for lv, keyf in (("area", lambda r: area == r["area"]),
                     ("area_class", lambda r: (area == r["area"]) & (cls == r["cls"])),
                     ("study", lambda r: np.ones(n, bool))):
        rows = cov.level(lv)
        for i in range(len(rows["pop_total"])):
            r = {k: v[i] for k, v in rows.items()}
            m = keyf(r)
            tt, ww = t[m], pop[m]
            ok = np.isfinite(tt) & (ww > 0)
            if not (ww > 0).any():
                assert r["pop_total"] == 0 and np.isnan(r["median_min"]) and np.isnan(r["pct_le"]).all()
                continue
            rep = np.repeat(tt[ok], ww[ok].astype(int))  # independent: unit weights
            assert r["median_min"] == np.percentile(rep, 50, method="inverted_cdf")
            assert r["p90_min"] == np.percentile(rep, 90, method="inverted_cdf")
            assert r["mean_min"] == pytest.approx(rep.mean())
            assert r["max_min"] == rep.max()
            assert r["pop_total"] == ww.sum()
            assert r["pop_unreach"] == ww[~np.isfinite(tt)].sum()
            for j, T in enumerate([5, 10, 15]):
                assert r["pop_le"][j] == ww[np.isfinite(tt) & (tt <= T)].sum()
            assert r["pct_le"][1] == pytest.approx(100 * ww[np.isfinite(tt) & (tt <= 10)].sum() / ww.sum())
            assert r["pop_beyond"] == pytest.approx(ww.sum() - r["pop_le"][1])


def test_weighted_quantile_reference_with_fractional_weights():
    rng = np.random.default_rng(5)
    t = rng.uniform(0, 30, 500)
    w = rng.uniform(0, 2, 500)
    spec = GridSpec(0.0, 1.0, 1.0, 1, 500)
    cells = make_cells(spec, np.arange(500), w, np.zeros(500))
    cov = cv.aggregate(cells, t.reshape(1, -1), [10], target=10, quantiles=(0.25, 0.5, 0.9))
    o = np.argsort(t)
    cw = np.cumsum(w[o]) / w.sum()
    for j, q in enumerate((0.25, 0.5, 0.9)):
        ref = t[o][np.argmax(cw >= q)]
        assert cov.level("area")["quantiles"][0, j] == ref == cv.weighted_quantile(t, w, q)


def test_threshold_boundaries_unreachable_and_zero_population():
    spec = GridSpec(0.0, 1.0, 1.0, 1, 5)
    minutes = np.array([[8.0, 8.0000001, np.nan, 3.0, 20.0]])
    cells = make_cells(spec, [0, 1, 2, 3, 4], [10, 20, 30, 0, 0], [0, 0, 0, 1, 2], n_areas=4)
    cov = cv.aggregate(cells, minutes, [8, 19], target=8)
    a = cov.level("area")
    assert a["pop_le"][0].tolist() == [10, 30]  # exactly 8 is within 8; unreachable never within
    assert a["pop_unreach"][0] == 30
    assert a["pop_beyond"][0] == 50  # not within target, unreachable included
    assert a["median_min"][0] == pytest.approx(8.0000001)  # over reachable people: 10 at 8, 20 at 8.0000001
    # areas 1, 2 (zero people) and 3 (no record): NaN statistics, rank 0, no division warnings
    for k in (1, 2, 3):
        assert a["pop_total"][k] == 0
        assert np.isnan(a["pct_le"][k]).all() and np.isnan(a["median_min"][k]) and np.isnan(a["max_min"][k])
        assert np.isnan(a["gap_pp"][k]) and a["rank"][k] == 0
    assert a["rank"][0] == 1
    assert a["gap_pp"][0] == pytest.approx(0.0)


def test_gap_and_rank():
    spec = GridSpec(0.0, 1.0, 1.0, 1, 6)
    minutes = np.array([[5.0, 12.0, 5.0, 12.0, 5.0, 12.0]])
    # area 0: 100 % within 8; area 1: 25 %; area 2: 25 % (tie)
    cells = make_cells(spec, [0, 2, 3, 4, 5, 1], [10, 10, 30, 10, 30, 0], [0, 1, 1, 2, 2, 2])
    cov = cv.aggregate(cells, minutes, [8], target=8)
    a = cov.level("area")
    study = 100 * 30 / 90
    assert a["gap_pp"].tolist() == pytest.approx([100 - study, 25 - study, 25 - study])
    assert a["rank"].tolist() == [1, 2, 2]
    assert a["gap_best_pp"].tolist() == pytest.approx([0, -75, -75])
    need, meets = cv.target_shortfall(a["pop_total"], a["pop_le"][:, 0], 75.0)
    assert meets.tolist() == [1, 0, 0]
    assert need.tolist() == pytest.approx([0, 20, 20])
    assert cv.rank_desc([3, np.nan, 5, 3]).tolist() == [2, 0, 1, 2]


def test_target_added_to_thresholds_and_groups():
    spec = GridSpec(0.0, 1.0, 1.0, 1, 4)
    minutes = np.array([[1.0, 2.0, 3.0, 4.0]])
    cells = make_cells(spec, [0, 1, 2, 3], [1, 2, 3, 4], [0, 0, 1, 1], cls=[0, 2, 0, 2], group=[0, 1, 1, 0],
                       labels=["a", "b"])
    cov = cv.aggregate(cells, minutes, [3], target=2.5)
    assert cov.thresholds.tolist() == [2.5, 3.0] and cov.target_index == 0
    assert set(cov.rows) == set(cv.LEVELS)
    acg = cov.level("area_class_group")
    assert len(acg["pop_total"]) == 4 and acg["pop_total"].sum() == 10
    sg = cov.level("study_group")
    assert sg["group"].tolist() == [0, 1] and sg["pop_total"].tolist() == [5, 5]
    assert sg["pop_le"][:, 0].tolist() == [1, 2]


# ------------------------------------------------------------------------------------- analytic: the circle
def test_analytic_circle_uniform_population():
    """Uniform speed, one site: drive time = distance / speed, so the population within T is the population
    inside a circle of radius speed x T -- to within a ring one cell wide."""
    cs = 50.0
    spec = GridSpec(0.0, 10000.0, cs, 200, 200)
    X, Y = spec.cell_centres()
    site = (5025.0, 5025.0)  # a cell centre
    speed_m_per_min = 1000.0  # 60 km/h
    minutes = np.hypot(X - site[0], Y - site[1]) / speed_m_per_min
    density = 2000.0 / 1e6  # people per m²
    pop_poly = box(500, 500, 9500, 9500)
    areas = [box(0, 0, 5025, 10000), box(5025, 0, 10000, 10000)]  # two halves through the site
    cells = cv.spread_polygons(spec, [pop_poly], [density * pop_poly.area], areas)
    cov = cv.aggregate(cells, minutes, [1, 2, 3.5], target=2)
    st = cov.study
    for j, T in enumerate([1, 2, 3.5]):
        r = speed_m_per_min * T
        exact = density * math.pi * r * r
        assert abs(st["pop_le"][j] - exact) <= density * 2 * math.pi * r * cs
        halves = cov.level("area")["pop_le"][:, j]
        assert halves == pytest.approx([exact / 2, exact / 2], abs=density * math.pi * r * cs)
    assert st["pop_total"] == pytest.approx(density * pop_poly.area, rel=1e-12)
    # median of a uniform disc-free square around the site: compare with the exact cell-level reference
    t = minutes.ravel()[cells.cell]
    assert st["median_min"] == cv.weighted_quantile(t, cells.pop, 0.5)


# -------------------------------------------------------------------------------------------------- summary
def test_summary_formats_numbers_for_people():
    spec = GridSpec(0.0, 1.0, 1.0, 1, 3)
    minutes = np.array([[5.0, 25.0, 10.0]])
    cells = make_cells(spec, [0, 1, 2], [1_000_000, 12_400, 137_600], [0, 1, 1])
    cov = cv.aggregate(cells, minutes, [8, 19], target=19)
    sent = cv.summary_sentences(cov, ["Oxford", "Cherwell"], "Oxfordshire", 75.0)
    text = " ".join(sent)
    assert "In Cherwell, 12,400 people (8.3 %) live more than 19 minutes' drive" in text
    assert "drive from the nearest site (1.1 % across Oxfordshire)." in text  # 12,400 / 1,150,000
    assert "against 1.1 %" not in text  # read next to "a standard of 75.0 %", it looked like a second standard
    assert "2 of 2 areas meet the standard of 75.0 % within 19 minutes: Oxford, Cherwell." in text
    html, _ = cv.summary_html(cov, ["Oxford", "Cherwell"], "Oxfordshire")
    assert "<table>" in html and "12,400" in html
    assert cv.fmt_people(1234567.4) == "1,234,567" and cv.fmt_pct(float("nan")) == "–"
    assert cv.threshold_suffix(7.5) == "7_5" and cv.threshold_suffix(8.0) == "8"


def test_summary_reads_without_stumbling():
    """Singular verb for one area; the group field as a reader says it."""
    spec = GridSpec(0.0, 1.0, 1.0, 1, 3)
    minutes = np.array([[5.0, 25.0, 10.0]])
    cells = make_cells(spec, [0, 1, 2], [1000, 600, 400], [0, 1, 1])
    cov = cv.aggregate(cells, minutes, [8, 19], target=8)  # Oxford 100 %, Cherwell 0 %
    text = " ".join(cv.summary_sentences(cov, ["Oxford", "Cherwell"], "Oxfordshire", 75.0))
    assert "1 of 2 areas meets the standard of 75.0 % within 8 minutes: Oxford." in text
    assert "areas meet the" not in text
    assert "In Cherwell, 1,000 people (100.0 %) live more than 8 minutes' drive from the nearest site " \
           "(50.0 % across Oxfordshire)." in text
    assert cv.field_label("imd19_decile") == "IMD decile"
    assert cv.field_label("imd19_decile", "Deprivation decile") == "Deprivation decile"
    assert cv.field_label("urban_rural") == "urban rural"


@pytest.mark.parametrize("pcs, origin", [(30.0, (-30.0, 130.0)), (10.0, (0.0, 100.0)), (5.0, (-5.0, 105.0))])
def test_aligned_raster_fast_path_equals_exact_footprints(pcs, origin):
    """Nested grids (coarser, equal, finer population cells) take the block-sum path; it must equal the
    general footprint path (forced with an identity transform) and conserve the input."""
    spec = GridSpec(0.0, 100.0, 10.0, 10, 10)
    rng = np.random.default_rng(int(pcs))
    n = int(round(140 / pcs))
    arr = rng.integers(0, 50, size=(n, n)).astype(float)
    pg = Grid(arr, GridSpec(origin[0], origin[1], pcs, n, n))
    areas = [box(0, 0, 50, 100), Point(75, 50).buffer(24)]
    assert cv.aligned_sum(spec, pg) is not None
    fast = cv.spread_raster(spec, pg, areas)
    slow = cv.spread_raster(spec, pg, areas, transform_xy=lambda x, y: (x, y))
    assert np.array_equal(fast.cell, slow.cell) and np.array_equal(fast.area, slow.area)
    assert np.allclose(fast.pop, slow.pop, rtol=1e-12, atol=1e-9)
    assert fast.outside_raster == pytest.approx(slow.outside_raster)
    assert fast.outside_areas == pytest.approx(slow.outside_areas)
    assert fast.total + fast.outside_raster.sum() + fast.outside_areas == pytest.approx(arr.sum())
    assert cv.aligned_sum(spec, Grid(arr, GridSpec(origin[0] + 3.0, origin[1], pcs, n, n))) is None


def test_invalid_area_geometry_is_repaired():
    spec = GridSpec(0.0, 100.0, 10.0, 10, 10)
    bowtie = Polygon([(0, 0), (100, 100), (100, 0), (0, 100)])  # self-intersecting: two triangles
    cells = cv.spread_polygons(spec, [box(0, 0, 100, 100)], [1000.0], [bowtie])
    assert cells.total == pytest.approx(500.0)  # the two triangles cover half the square
    assert cells.outside_areas == pytest.approx(500.0)


# ------------------------------------------------------------------------- overlapping and invalid areas
def _reference(pop_polys, pops, areas):
    """Independent: people of each area = sum over population polygons of pop x (area of polygon ∩ area) /
    (area of polygon), by shapely; outside = pop x the share of the polygon outside the union of areas."""
    from shapely.ops import unary_union

    union = unary_union(areas)
    per_area = [sum(p * q.intersection(a).area / q.area for q, p in zip(pop_polys, pops)) for a in areas]
    outside = sum(p * q.difference(union).area / q.area for q, p in zip(pop_polys, pops))
    return np.array(per_area), outside


OVERLAP_AREAS = [box(0, 0, 60, 100), box(40, 0, 100, 100), box(20, 20, 50, 50)]  # 0∩1, 0∩2, 1∩2 overlap


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_overlapping_areas_each_count_the_people_of_the_overlap(order):
    """Every area counts the people inside it, whatever the order of the areas (before: a population polygon
    wholly inside the first of two overlapping areas went to that area only)."""
    spec = GridSpec(0.0, 100.0, 10.0, 10, 10)
    areas = [OVERLAP_AREAS[i] for i in order]
    pop_polys = [box(42, 5, 58, 95), box(25, 25, 45, 45), box(0, 0, 100, 100), box(90, 90, 130, 110)]
    pops = [160.0, 80.0, 1000.0, 40.0]
    cells = cv.spread_polygons(spec, pop_polys, pops, areas, classes=np.zeros(4, np.int8))
    got = np.bincount(cells.area, weights=cells.pop, minlength=3) + cells.outside_raster
    ref, outside = _reference(pop_polys, pops, areas)
    assert got == pytest.approx(ref, rel=1e-9)
    assert cells.outside_areas == pytest.approx(outside, rel=1e-9)
    assert ref.sum() > sum(pops) - outside + 1  # the overlaps really are counted more than once
    pairs = {(min(order[i], order[j]), max(order[i], order[j])) for i, j, _a in cv.area_overlaps(areas)}
    assert pairs == {(0, 1), (0, 2), (1, 2)}
    ov = {frozenset((order[i], order[j])): a for i, j, a in cv.area_overlaps(areas)}
    assert ov[frozenset((0, 1))] == pytest.approx(20 * 100)
    assert ov[frozenset((0, 2))] == pytest.approx(30 * 30)


def test_overlapping_areas_points_and_raster():
    spec = GridSpec(0.0, 100.0, 10.0, 10, 10)
    areas = OVERLAP_AREAS
    # points: (45, 30) lies inside all three areas, (50, 80) in 0 and 1, (5, 5) in 0 only, (60, 10) on the
    # right edge of area 0 and inside area 1 (counted in 1 only), (150, 50) in none
    x, y, p = [45, 50, 5, 60, 150], [30, 80, 5, 10, 50], [1.0, 10.0, 100.0, 1000.0, 10000.0]
    cells = cv.spread_points(spec, x, y, p, areas)
    got = np.bincount(cells.area, weights=cells.pop, minlength=3)
    assert got.tolist() == pytest.approx([111.0, 1011.0, 1.0])
    assert cells.outside_areas == pytest.approx(10000.0)
    # neighbours sharing an edge: a point on the edge is counted once (first area), not in both
    edge = cv.spread_points(spec, [50], [50], [7.0], [box(0, 0, 50, 100), box(50, 0, 100, 100)])
    assert edge.total == pytest.approx(7.0) and edge.area.tolist() == [0]
    # raster: uniform 1 person per m² on the 10 m grid (100 per cell): each area gets its own area
    pg = Grid(np.full((10, 10), 100.0), spec)
    rc = cv.spread_raster(spec, pg, areas)
    got = np.bincount(rc.area, weights=rc.pop, minlength=3)
    assert got == pytest.approx([a.area for a in areas], rel=1e-9)
    assert rc.outside_areas == pytest.approx(0.0, abs=1e-9)
    part = [box(0, 0, 30, 100), box(20, 0, 50, 100)]  # union covers x 0..50: the rest is outside
    rc = cv.spread_raster(spec, pg, part)
    assert rc.outside_areas == pytest.approx(5000.0)
    assert np.bincount(rc.area, weights=rc.pop).tolist() == pytest.approx([3000.0, 3000.0])


def test_bowtie_area_is_repaired_and_leaves_its_neighbour_alone():
    """A self-intersecting area (bow-tie) next to a square: the bow-tie counts the people of its two
    triangles, the neighbour exactly its own, whichever comes first; repair_polygons names it."""
    spec = GridSpec(0.0, 100.0, 10.0, 10, 10)
    bowtie = Polygon([(50, 0), (100, 100), (100, 0), (50, 100)])
    assert not bowtie.is_valid
    triangles = [Polygon([(50, 0), (75, 50), (50, 100)]), Polygon([(100, 0), (75, 50), (100, 100)])]
    square = box(0, 0, 50, 100)
    pop_polys = [box(0, 0, 100, 100), box(30, 10, 70, 90), Polygon([(0, 0), (100, 100), (100, 0), (0, 100)])]
    ref_pop_polys = pop_polys[:2] + [Polygon([(0, 0), (50, 50), (0, 100)]), Polygon([(100, 0), (50, 50),
                                                                                      (100, 100)])]
    pops = [1000.0, 320.0, 500.0]
    ref_pops = pops[:2] + [250.0, 250.0]  # the bow-tie population: half in each (equal) triangle
    for areas, idx in (([square, bowtie], (0, 1)), ([bowtie, square], (1, 0))):
        repaired, bad = cv.repair_polygons(areas)
        assert bad == [idx[1]] and all(g.is_valid for g in repaired)
        cells = cv.spread_polygons(spec, pop_polys, pops, areas, classes=np.zeros(3, np.int8))
        got = np.bincount(cells.area, weights=cells.pop, minlength=2)
        ref_sq, _ = _reference(ref_pop_polys, ref_pops, [square])
        ref_bt, _ = _reference(ref_pop_polys, ref_pops, [triangles[0].union(triangles[1])])
        assert got[idx[0]] == pytest.approx(ref_sq[0], rel=1e-9)
        assert got[idx[1]] == pytest.approx(ref_bt[0], rel=1e-9)
        assert cells.total + cells.outside_areas == pytest.approx(sum(pops))
    assert cv.area_overlaps(cv.clean_areas([square, bowtie])) == []  # touching is not overlapping


def test_float32_minutes_aggregate_as_their_float64_copy():
    """Float32 minutes (a drive-time raster) are ordered by their float32 values (a faster sort): every
    statistic equals the aggregate of the exact float64 copy, ties, inf and NaN included."""
    rng = np.random.default_rng(17)
    spec = GridSpec(0.0, 100.0, 1.0, 60, 70)
    n = 20000
    cell = rng.integers(0, spec.rows * spec.cols, n)
    m32 = np.round(rng.gamma(3.0, 6.0, spec.shape), 1).astype(np.float32)  # ties on purpose
    m32[rng.random(spec.shape) < 0.04] = np.nan
    m32[rng.random(spec.shape) < 0.02] = np.inf
    cells = make_cells(spec, cell, rng.integers(0, 7, n).astype(float), rng.integers(0, 5, n),
                       rng.integers(0, 3, n), group=rng.integers(0, 4, n), labels=["a", "b", "c", "d"])
    a = cv.aggregate(cells, m32, [10, 20, 30.0], target=20)
    b = cv.aggregate(cells, m32.astype(np.float64), [10, 20, 30.0], target=20)
    for lv in a.rows:
        for key, v in a.rows[lv].items():
            assert np.array_equal(v, b.rows[lv][key], equal_nan=True), (lv, key)


def test_levels_on_two_threads_equal_one_thread(monkeypatch):
    """Large record sets sum their levels two at a time: the same numbers as one level after another."""
    rng = np.random.default_rng(19)
    spec = GridSpec(0.0, 100.0, 1.0, 50, 60)
    n = 5000
    cells = make_cells(spec, rng.integers(0, 3000, n), rng.integers(0, 7, n).astype(float), rng.integers(0, 5, n),
                       rng.integers(0, 3, n), group=rng.integers(0, 4, n), labels=["a", "b", "c", "d"])
    minutes = rng.gamma(3.0, 6.0, spec.shape).astype(np.float32)
    monkeypatch.setattr(cv, "AGGREGATE_THREADS_RECORDS", 1)
    a = cv.aggregate(cells, minutes, [10, 20, 30.0], target=20)
    monkeypatch.setattr(cv, "AGGREGATE_THREADS_RECORDS", 1 << 60)
    b = cv.aggregate(cells, minutes, [10, 20, 30.0], target=20)
    assert set(a.rows) == set(b.rows) and len(a.rows) == 8
    for lv in a.rows:
        for key, v in a.rows[lv].items():
            assert np.array_equal(v, b.rows[lv][key], equal_nan=True), (lv, key)
