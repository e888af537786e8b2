"""core/scenario.py: delta raster, monotonicity of closing / opening sites, threshold crossings against a plain
per-record count, per-area vs whole-area agreement. Plain pytest, no QGIS."""
import numpy as np
import pytest
from shapely.geometry import box

from drivetime_equity.core import costdist
from drivetime_equity.core import coverage as cv
from drivetime_equity.core import scenario as sc
from drivetime_equity.core.grid import GridSpec

CS = 50.0


def case(seed, rows=60, cols=70):
    rng = np.random.default_rng(seed)
    f = costdist.speed_to_friction(rng.choice([10.0, 30.0, 60.0], size=(rows, cols), p=[0.6, 0.25, 0.15]))
    f[rng.random((rows, cols)) < 0.05] = np.inf
    sites = np.c_[rng.integers(0, rows, 5), rng.integers(0, cols, 5)]
    f[sites[:, 0], sites[:, 1]] = 0.002
    spec = GridSpec(0.0, rows * CS, CS, rows, cols)
    return rng, f, sites, spec


def times(f, sites, activation=0.0):
    return costdist.cost_distance(f, CS, sites, offsets=np.full(len(sites), activation), neighbours=16).cost


def population(rng, spec, n_areas=3):
    """Random rectangles of population spread over three vertical strip areas."""
    W = spec.cols * CS
    H = spec.rows * CS
    areas = [box(i * W / n_areas, 0, (i + 1) * W / n_areas, H) for i in range(n_areas)]
    polys, pops = [], []
    for _ in range(25):
        x0, y0 = rng.uniform(0, W - 400), rng.uniform(0, H - 400)
        polys.append(box(x0, y0, x0 + rng.uniform(100, 400), y0 + rng.uniform(100, 400)))
        pops.append(float(rng.integers(10, 500)))
    groups = rng.integers(1, 4, len(pops))
    codes, labels = cv.group_codes(list(groups))
    classes = rng.integers(0, 3, len(pops)).astype(np.int8)
    return cv.spread_polygons(spec, polys, np.array(pops), areas, classes=classes, groups=codes,
                              group_labels=labels)


@pytest.mark.parametrize("seed", range(4))
def test_closing_increases_and_opening_decreases_times(seed):
    rng, f, sites, spec = case(seed)
    base = times(f, sites, 2.0)
    closed = times(f, sites[1:], 2.0)
    d, cut, new = sc.delta_minutes(base, closed)
    assert np.nanmin(d) >= -1e-5  # closing a site never shortens a journey
    assert not new.any()
    # only the closed site's catchment changes
    near = costdist.cost_distance(f, CS, sites, neighbours=16).nearest
    assert np.all(np.abs(d[(near != 0) & np.isfinite(d)]) < 1e-5)
    d2, cut2, new2 = sc.delta_minutes(closed, base)  # re-opening it
    assert np.nanmax(d2) <= 1e-5 and not cut2.any()
    assert np.array_equal(np.isnan(d), np.isnan(d2))


def test_delta_marks_cells_cut_off():
    b = np.array([[1.0, 2.0, np.inf], [3.0, np.inf, 5.0]])
    s = np.array([[1.5, np.inf, np.inf], [2.0, 4.0, 5.0]])
    d, cut, new = sc.delta_minutes(b, s)
    assert d[0, 0] == pytest.approx(0.5) and d[1, 0] == pytest.approx(-1.0) and d[1, 2] == 0
    assert np.isnan(d[0, 1]) and np.isnan(d[0, 2]) and np.isnan(d[1, 1])
    assert cut.tolist() == [[False, True, False], [False, False, False]]
    assert new.tolist() == [[False, False, False], [False, True, False]]


@pytest.mark.parametrize("seed", range(4))
def test_crossings_against_plain_count_and_levels_agree(seed):
    rng, f, sites, spec = case(seed)
    cells = population(rng, spec)
    base = times(f, sites)
    # scenario: close one site and open another elsewhere -> crossings in both directions
    new_site = np.array([[int(rng.integers(0, spec.rows)), int(rng.integers(0, spec.cols))]])
    f[new_site[0, 0], new_site[0, 1]] = 0.002
    base = times(f, sites)
    scen = times(f, np.vstack([sites[1:], new_site]))
    th = [3.0, 6.0, 10.0]
    cmp = sc.compare(cells, base, scen, th, target=6.0)
    # independent per-record count
    tb = base.ravel()[cells.cell]
    ts = scen.ravel()[cells.cell]
    for k, T in enumerate(cmp.thresholds):
        lost = cells.pop[(tb <= T) & ~(ts <= T)].sum()
        gained = cells.pop[~(tb <= T) & (ts <= T)].sum()
        assert cmp.lost["study"][0, k] == pytest.approx(lost, abs=1e-6)
        assert cmp.gained["study"][0, k] == pytest.approx(gained, abs=1e-6)
        # net change equals the change of the coverage numbers
        assert (cmp.gained["study"][0, k] - cmp.lost["study"][0, k]) == pytest.approx(
            cmp.scen.rows["study"]["pop_le"][0, k] - cmp.base.rows["study"]["pop_le"][0, k], abs=1e-6)
        # per area, per class and per group sum to the whole area
        for lv in ("area", "study_class", "study_group", "area_class", "area_class_group"):
            assert cmp.lost[lv][:, k].sum() == pytest.approx(lost, abs=1e-6)
            assert cmp.gained[lv][:, k].sum() == pytest.approx(gained, abs=1e-6)
        # per area by hand
        for a in range(cells.n_areas):
            m = cells.area == a
            assert cmp.lost["area"][a, k] == pytest.approx(cells.pop[m & (tb <= T) & ~(ts <= T)].sum(), abs=1e-6)
    assert cmp.lost["study"].sum() + cmp.gained["study"].sum() > 0  # the case really moves people
    # people with longer / shorter journeys
    with np.errstate(invalid="ignore"):
        d = ts - tb
    assert cmp.longer == pytest.approx(cells.pop[np.isfinite(d) & (d > 0.05)].sum())
    assert cmp.shorter == pytest.approx(cells.pop[np.isfinite(d) & (d < -0.05)].sum())
    # baseline and scenario numbers are the coverage core's own
    direct = cv.aggregate(cells, scen, th, 6.0)
    assert np.allclose(direct.rows["area"]["pop_le"], cmp.scen.rows["area"]["pop_le"])


def test_closing_only_loses():
    rng, f, sites, spec = case(11)
    cells = population(rng, spec)
    cmp = sc.compare(cells, times(f, sites), times(f, sites[:3]), [2.0, 4.0, 8.0], target=4.0)
    assert np.all(cmp.gained["study"] == 0) and cmp.shorter == 0
    assert np.all(np.diff(cmp.scen.rows["study"]["pop_le"][0]) >= 0)
    assert np.all(cmp.scen.rows["area"]["pop_le"] <= cmp.base.rows["area"]["pop_le"] + 1e-9)


def test_sentences_mention_the_numbers():
    rng, f, sites, spec = case(5)
    cells = population(rng, spec)
    cmp = sc.compare(cells, times(f, sites), times(f, sites[1:]), [3.0, 6.0], target=6.0)
    text = " ".join(sc.scenario_sentences(cmp, ["West", "Middle", "East"], "Testshire", closed=["Site A"],
                                          group_name="decile"))
    assert "closing Site A" in text and "Testshire" in text
    assert cv.fmt_people(cmp.lost["study"][0, 1]) in text
