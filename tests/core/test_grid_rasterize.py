"""Grid container, road burning (connectivity, fastest wins), speed tables and banding."""
import numpy as np
import pytest
from scipy import ndimage
from shapely.geometry import LineString, Polygon, box

from drivetime_equity.core import speeds, zones
from drivetime_equity.core.grid import Grid, GridSpec
from drivetime_equity.core.rasterize import build_speed_surface, burn_lines_max, burn_mask


def test_gridspec_from_extent_and_rowcol():
    spec = GridSpec.from_extent(1000, 2000, 1095, 2050, 10)
    assert spec.shape == (5, 10)  # 95 m -> 10 columns (covers), 50 m -> 5 rows
    r, c = spec.rowcol([1000.1, 1094.9, 999.9], [2049.9, 2000.1, 2010])
    assert r.tolist() == [0, 4, 4] and c.tolist() == [0, 9, -1]
    assert spec.inside(r, c).tolist() == [True, True, False]
    x, y = spec.xy(0, 0)
    assert (x, y) == (1005.0, 2045.0)
    g = Grid.from_transform(np.zeros((5, 10)), spec.transform)
    assert g.spec.shape == spec.shape
    with pytest.raises(ValueError, match="square"):
        Grid.from_transform(np.zeros((5, 10)), (0, 10, 0, 0, 0, -20))


@pytest.mark.parametrize("angle", [10, 30, 45, 60, 80, 135])
def test_burnt_roads_are_4_connected(angle):
    spec = GridSpec.from_extent(0, 0, 1000, 1000, 10)
    t = np.radians(angle)
    line = LineString([(500 - 450 * np.cos(t), 500 - 450 * np.sin(t)), (500 + 450 * np.cos(t), 500 + 450 * np.sin(t))])
    out = burn_lines_max([line], [50.0], spec, fill=0)
    lab, n = ndimage.label(out > 0, structure=[[0, 1, 0], [1, 1, 1], [0, 1, 0]])
    assert n == 1
    assert (out > 0).sum() >= 90  # at least one cell per 10 m of the 900 m line's longer axis


def test_close_diagonal_gaps_fills_with_slower_speed():
    from drivetime_equity.core.rasterize import close_diagonal_gaps

    v = np.full((3, 3), np.nan)
    v[0, 0], v[1, 1], v[2, 0] = 50.0, 30.0, 40.0
    assert close_diagonal_gaps(v) == 2
    assert v[0, 1] == 30.0 and v[1, 0] == 30.0  # one fill per diagonal pair (the first orthogonal cell)
    lab, n = ndimage.label(np.isfinite(v), structure=[[0, 1, 0], [1, 1, 1], [0, 1, 0]])
    assert n == 1


def test_fastest_road_wins_regardless_of_order():
    spec = GridSpec.from_extent(0, 0, 100, 100, 10)
    a = LineString([(0, 55), (100, 55)])
    b = LineString([(55, 0), (55, 100)])
    for geoms, vals in (([a, b], [30.0, 90.0]), ([b, a], [90.0, 30.0])):
        out = burn_lines_max(geoms, vals, spec, fill=0)
        assert out[4, 5] == 90.0  # the crossing
        assert out[4, 0] == 30.0 and out[0, 5] == 90.0


def test_speed_surface_barriers_and_offroad():
    spec = GridSpec.from_extent(0, 0, 100, 100, 10)
    road = LineString([(0, 55), (100, 55)])
    river = box(0, 20, 100, 30)
    lc = np.full(spec.shape, np.nan, np.float32)
    lc[9, :] = 3.0
    s = build_speed_surface(spec, [road], [60.0], 8.0, [river], lc)
    assert s[4, 3] == 60.0
    assert s[0, 0] == 8.0
    assert s[9, 0] == 3.0
    assert np.all(s[7, :] == 0)  # the barrier covers y 20-30 m, i.e. row 7
    assert np.all(s[[6, 8], :] == 8.0)
    assert s.dtype == np.float32


def test_burn_mask_polygon():
    spec = GridSpec.from_extent(0, 0, 100, 100, 10)
    m = burn_mask([Polygon([(0, 0), (50, 0), (50, 50), (0, 50)])], spec, all_touched=False)
    assert m.sum() == 25


def test_speed_table():
    t = speeds.table_from_pairs([("Motorway ", "100"), ("track", 0)])
    assert t == {"motorway": 100.0, "track": 0.0}
    with pytest.raises(ValueError, match="not a number"):
        speeds.table_from_pairs([("a", "fast")])
    with pytest.raises(ValueError, match="positive"):
        speeds.table_from_pairs([("a", -5)])
    for absurd in ("inf", "nan", 1e30, 200.5):  # a unit mistake, not a road
        with pytest.raises(ValueError, match="at most 200 km/h"):
            speeds.table_from_pairs([("a", absurd)])
    assert speeds.table_from_pairs([("a", 200)]) == {"a": 200.0}
    got = speeds.lookup(["MOTORWAY", "footway", None], speeds.DEFAULT_SPEEDS)
    assert got[0] == speeds.DEFAULT_SPEEDS["motorway"] and np.isnan(got[1]) and np.isnan(got[2])
    # defaults are ordered sensibly: faster classes are faster
    d = speeds.DEFAULT_SPEEDS
    assert d["motorway"] > d["trunk"] > d["primary"] > d["secondary"] > d["tertiary"] > d["residential"]


def test_band_index_and_polygons():
    m = np.array([[0.0, 6.0, 6.01], [8.0, 61.0, np.inf]])
    idx = zones.band_index(m, [6, 8, 60])
    assert idx.tolist() == [[1, 1, 2], [2, 4, 0]]
    spec = GridSpec.from_extent(0, 0, 30, 20, 10)
    polys = dict(zones.band_polygons(m, [6, 8, 60], spec))
    assert set(polys) == {1, 2}
    assert polys[1].area == pytest.approx(200.0)
    assert polys[2].area == pytest.approx(200.0)
