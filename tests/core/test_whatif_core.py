"""Core tests of the workshop (what-if) model: figures equal coverage.aggregate's and a brute-force count,
and adding / moving / closing a site changes them as an independent Dijkstra says."""
import numpy as np
import pytest

from drivetime_equity.core import coverage as cv
from drivetime_equity.core import whatif as wi
from drivetime_equity.core.costdist import cost_distance, speed_to_friction
from drivetime_equity.core.grid import GridSpec


def make_cells(spec, cell, pop, area, n_areas):
    n = len(cell)
    return cv.PopulationCells(spec=spec, cell=np.asarray(cell, np.int64), pop=np.asarray(pop, float),
                              area=np.asarray(area, np.int32), cls=np.zeros(n, np.int8),
                              group=np.full(n, -1, np.int32), n_areas=n_areas, input_total=float(np.sum(pop)),
                              outside_raster=np.zeros(n_areas))


@pytest.fixture
def setup():
    rng = np.random.default_rng(5)
    spec = GridSpec(0.0, 3000.0, 50.0, 60, 80)
    speed = rng.choice([0.0, 30.0, 60.0], size=spec.shape, p=[0.1, 0.6, 0.3]).astype(np.float32)
    n = 4000
    cell = rng.integers(0, spec.rows * spec.cols, n)
    pop = rng.integers(0, 20, n).astype(float)
    area = (cell % spec.cols) * 3 // spec.cols  # three vertical strips
    cells = make_cells(spec, cell, pop, area, n_areas=4)  # area 3 has nobody
    return spec, speed, cells


def test_count_within_matches_aggregate_and_brute_force(setup):
    spec, speed, cells = setup
    minutes = cost_distance(speed_to_friction(speed), spec.cell_size, [[10, 10], [50, 70]], offsets=[2.0, 2.0],
                            want_nearest=False).cost
    th = [3.0, 5.0, 8.0]
    fig = wi.count_within(cells, minutes, th)
    cov = cv.aggregate(cells, minutes, th, target=5.0)
    ar = cov.level("area")
    np.testing.assert_allclose(fig.pop_total, ar["pop_total"])
    np.testing.assert_allclose(fig.pop_le, ar["pop_le"])
    np.testing.assert_allclose(fig.pop_unreach, ar["pop_unreach"])
    np.testing.assert_allclose(fig.study_le, cov.study["pop_le"])
    t = minutes.ravel()[cells.cell]
    for a in range(4):
        m = cells.area == a
        for k, lim in enumerate(th):
            assert fig.pop_le[a, k] == pytest.approx(cells.pop[m & np.isfinite(t) & (t <= lim)].sum())
    assert np.isnan(fig.pct_le[3]).all() and fig.pop_total[3] == 0


def test_add_move_close_site_change_figures_as_a_fresh_run(setup):
    spec, speed, cells = setup
    model = wi.WhatIfModel(speed_to_friction(speed), spec, cells, [5, 8], offset=2.0)
    xs, ys = [525.0, 3525.0], [2475.0, 475.0]
    base = model.evaluate(xs, ys)
    ref = cost_distance(model.friction, spec.cell_size, np.column_stack([base.rows, base.cols]),
                        offsets=[2.0] * 2, want_nearest=False).cost
    np.testing.assert_array_equal(base.minutes, ref)
    # add a third site: nobody is further, coverage never falls
    added = model.evaluate(xs + [2000.0], ys + [1500.0])
    assert (added.minutes <= base.minutes).all()
    assert (added.figures.pop_le >= base.figures.pop_le - 1e-9).all()
    assert added.figures.study_le[0] > base.figures.study_le[0]
    # close one: the result is that of the other alone
    closed = model.evaluate(xs[:1], ys[:1])
    alone = model.evaluate([xs[0]], [ys[0]])
    np.testing.assert_array_equal(closed.minutes, alone.minutes)
    assert (closed.figures.pop_le <= base.figures.pop_le + 1e-9).all()
    d_pop, d_pp, d_study, d_study_pp = wi.change(closed.figures, base.figures)
    assert d_study[0] < 0 and d_study_pp[0] < 0
    np.testing.assert_allclose(d_pop, closed.figures.pop_le - base.figures.pop_le)
    # no site: nobody is reached
    none = model.evaluate([], [])
    assert none.figures.study_le.sum() == 0 and none.figures.study_unreach == pytest.approx(cells.pop.sum())


def test_sites_off_the_grid_or_far_from_roads_are_left_out():
    spec = GridSpec(0.0, 500.0, 50.0, 10, 10)
    speed = np.zeros(spec.shape, np.float32)
    speed[:, 9] = 30.0  # one passable column at the right edge
    model = wi.WhatIfModel(speed_to_friction(speed), spec, None, [8], snap_m=100.0)
    rows, cols, used = model.place([475.0, 25.0, 900.0, 400.0], [25.0, 25.0, 25.0, 25.0])
    assert used.tolist() == [True, False, False, True]
    assert cols.tolist() == [9, 9]  # the second kept site snapped 50 m east
    res = model.evaluate([475.0], [475.0])
    assert res.figures is None and res.minutes[0, 9] == pytest.approx(0.0)


def test_nearest_site_within_tolerance():
    assert wi.nearest_site(10, 10, [0, 12, 50], [0, 11, 50], 5) == 1
    assert wi.nearest_site(30, 30, [0, 12, 50], [0, 11, 50], 5) == -1
    assert wi.nearest_site(30, 30, [], [], 5) == -1
