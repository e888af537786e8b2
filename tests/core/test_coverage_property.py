"""Property tests (hypothesis) of the population aggregation: for any areas (overlapping or not), population
polygons and thresholds, the people counted in each area equal an independent area-weighting with shapely,
and the within-threshold counts are consistent (monotone, bounded, reach + unreachable = total)."""
import numpy as np
import pytest
from hypothesis import example, given, settings, strategies as st
from shapely.geometry import box
from shapely.ops import unary_union

from drivetime_equity.core import coverage as cv
from drivetime_equity.core.grid import GridSpec

SPEC = GridSpec(0.0, 1000.0, 50.0, 20, 20)  # 1 km x 1 km, 50 m cells


def rects(min_size=1, max_size=4):
    """Rectangles of at least 20 m a side on the grid."""
    corner = st.tuples(st.floats(0, 980), st.floats(0, 980))
    size = st.tuples(st.floats(20, 700), st.floats(20, 700))
    r = st.tuples(corner, size).map(lambda t: (t[0][0], t[0][1], min(1000.0, t[0][0] + max(20.0, t[1][0])),
                                               min(1000.0, t[0][1] + max(20.0, t[1][1]))))
    return st.lists(r, min_size=min_size, max_size=max_size)


@settings(max_examples=40, deadline=None)
@example(areas=[(0.0, 0.0, 20.0, 20.0), (0.0, 1.1113793747425424e-162, 20.0, 20.0)],
         pops=[(0.0, 0.0, 20.0, 20.0)], seed=0, thresholds=[1.0])  # a union with a degenerate vertex
@given(areas=rects(1, 4), pops=rects(1, 5), seed=st.integers(0, 2 ** 16),
       thresholds=st.lists(st.floats(0.5, 30), min_size=1, max_size=4, unique=True))
def test_population_conserved_under_any_areas_and_thresholds(areas, pops, seed, thresholds):
    rng = np.random.default_rng(seed)
    area_geoms = [box(*b) for b in areas]
    pop_geoms = [box(*b) for b in pops]
    people = rng.uniform(0, 1000, len(pop_geoms))
    minutes = rng.uniform(0, 40, SPEC.shape)
    minutes[rng.random(SPEC.shape) < 0.1] = np.nan  # some unreachable cells
    cells = cv.spread_polygons(SPEC, pop_geoms, people, area_geoms)
    cov = cv.aggregate(cells, minutes, sorted(thresholds), sorted(thresholds)[0])
    # each area: its own share of every population polygon (overlaps count in each area)
    for j, a in enumerate(area_geoms):
        expect = sum(p * g.intersection(a).area / g.area for g, p in zip(pop_geoms, people))
        row = cov.level("area")
        k = int(np.flatnonzero(row["area"] == j)[0])
        assert row["pop_total"][k] == pytest.approx(expect, rel=1e-6, abs=1e-6)
    # the study area counts the people in the union of the areas once; the rest are outside every area
    union = unary_union(area_geoms)
    expect_study = sum(p * g.intersection(union).area / g.area for g, p in zip(pop_geoms, people))
    total = float(np.sum(cov.level("study")["pop_total"]))
    assert total == pytest.approx(expect_study, rel=1e-6, abs=1e-6)
    assert total + cells.outside_areas == pytest.approx(people.sum(), rel=1e-6, abs=1e-6)
    for lv in ("area", "study", "study_class"):
        r = cov.level(lv)
        le = np.asarray(r["pop_le"])
        assert np.all(np.diff(le, axis=1) >= -1e-9)  # more people within a longer time
        assert np.all(le[:, -1] <= r["pop_reach"] + 1e-6)
        assert np.allclose(r["pop_reach"] + r["pop_unreach"], r["pop_total"], rtol=1e-9, atol=1e-6)


def test_scenario_study_counts_overlaps_once():
    """Two identical areas: the study area's people with a longer drive are the people once, not twice."""
    from drivetime_equity.core import scenario as sc

    a = box(0, 0, 500, 500)
    cells = cv.spread_polygons(SPEC, [box(0, 0, 500, 500)], np.array([100.0]), [a, a])
    base = np.full(SPEC.shape, 5.0)
    cmp = sc.compare(cells, base, base + 2.0, [6.0, 10.0], 6.0)
    assert cmp.longer == pytest.approx(100.0)
    assert cmp.base.study["pop_total"] == pytest.approx(100.0)
    assert list(cmp.base.level("area")["pop_total"]) == pytest.approx([100.0, 100.0])
    assert cmp.lost["study"][0, 0] == pytest.approx(100.0)
