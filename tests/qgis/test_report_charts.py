"""The coverage report's cumulative chart is drawn from binned steps (a few thousand points, not one per
populated cell): every step lies within one bin of the exact curve."""
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
