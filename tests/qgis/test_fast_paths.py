"""Faster paths of the algorithms against the paths they replaced (issue #13): the coverage report's cumulative
chart from binned steps (within one bin of the exact curve); drive-time zones passed to QGIS as WKB (the same
geometries as through WKT)."""
import numpy as np


def test_cumulative_steps_within_one_bin_of_the_exact_curve(qgis_app):
    from drivetime_equity.processing import report_charts as rc

    rng = np.random.default_rng(5)
    t = rng.gamma(3.0, 8.0, 200_000)
    t[rng.random(t.size) < 0.02] = np.nan
    w = rng.uniform(0.0, 3.0, t.size)
    w[rng.random(t.size) < 0.1] = 0.0
    total = float(w.sum())
    x, y = rc.cumulative_steps(t, w, total)
    assert 1000 < len(x) <= rc.CURVE_BINS and np.all(np.diff(x) >= 0) and np.all(np.diff(y) > 0)
    ok = np.isfinite(t) & (w > 0)
    ts, ws = np.sort(t[ok]), w[ok][np.argsort(t[ok])]
    cum = 100.0 * np.cumsum(ws) / total
    step = float(np.nanmax(t)) / rc.CURVE_BINS

    def exact(v):  # % within v minutes (<=)
        i = np.searchsorted(ts, v, side="right")
        return np.where(i > 0, cum[np.maximum(i - 1, 0)], 0.0)

    lo, hi = exact(x - 1e-9), exact(x + step)
    assert np.all(y >= lo - 1e-9) and np.all(y <= hi + 1e-9)
    assert x[-1] == np.nanmax(t) and abs(y[-1] - cum[-1]) < 1e-9
    assert rc.cumulative_steps([np.nan, 3.0], [1.0, 0.0], 1.0)[0].size == 0


def test_zone_geometries_through_wkb_equal_those_through_wkt(qgis_app):
    from qgis.core import QgsGeometry

    from drivetime_equity.core.grid import GridSpec
    from drivetime_equity.core.zones import band_polygons

    rng = np.random.default_rng(8)
    yy, xx = np.mgrid[0:120, 0:150]
    minutes = (np.hypot(yy - 40, xx - 70) * 0.4 + rng.uniform(0, 6, yy.shape)).astype(np.float32)
    minutes[rng.random(minutes.shape) < 0.03] = np.inf
    spec = GridSpec(396000.0, 269000.0, 50.0, 120, 150)
    zones = band_polygons(minutes, [10, 20, 30], spec)
    assert len(zones) == 3
    for _band, geom in zones:
        old = QgsGeometry.fromWkt(geom.wkt)
        new = QgsGeometry()
        new.fromWkb(geom.wkb)
        assert new.asWkb() == old.asWkb()
        assert new.area() == geom.area
