"""Workshop ("what-if") mode: drive time and coverage for a set of sites that changes while people watch.

The speed surface (as friction) and the population spread on its grid stay in memory; each :meth:`WhatIfModel.
evaluate` runs one multi-source cost-distance pass and a linear-time count of the people within each
threshold, per area and for the whole study area. No QGIS here: the plugin (``plugin/whatif.py``) calls it from a
background task (the numba kernels release the GIL), and the figures are those ``drivetime:coverage`` gives for
the same sites (``pop_le_<T>`` / ``pct_le_<T>``, ``pop_total``, ``pop_unreach``).
"""
import time
from dataclasses import dataclass, field

import numpy as np

from .costdist import cost_distance, snap_to_passable


@dataclass
class Figures:
    """People within each threshold: ``pop_le`` (n_areas, n_thresholds), ``pop_total`` / ``pop_unreach``
    (n_areas,), and the same for the whole study area (``study_*``)."""

    thresholds: np.ndarray
    pop_total: np.ndarray
    pop_le: np.ndarray
    pop_unreach: np.ndarray
    study_total: float
    study_le: np.ndarray
    study_unreach: float

    @property
    def pct_le(self):
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.pop_total[:, None] > 0, 100.0 * self.pop_le / np.where(
                self.pop_total[:, None] > 0, self.pop_total[:, None], 1.0), np.nan)

    @property
    def study_pct_le(self):
        return 100.0 * self.study_le / self.study_total if self.study_total > 0 else np.full(len(self.thresholds),
                                                                                             np.nan)


@dataclass
class Result:
    """One evaluation: drive time in minutes on the grid (inf = unreachable), the figures, the grid cells the
    sites were placed on (after snapping) and which of the given sites were used, and the seconds taken."""

    minutes: np.ndarray
    figures: Figures
    rows: np.ndarray
    cols: np.ndarray
    used: np.ndarray
    seconds: float
    timings: dict = field(default_factory=dict)


def count_within(cells, minutes, thresholds):
    """:class:`Figures` of a :class:`~.coverage.PopulationCells` against ``minutes`` (same grid; NaN / inf =
    unreachable). A time equal to a threshold is within it (as in ``coverage.aggregate``)."""
    th = np.asarray(sorted(float(t) for t in thresholds), dtype=np.float64)
    n = max(int(cells.n_areas), 1)
    t = np.asarray(minutes).ravel()[cells.cell]
    reach = np.isfinite(t)
    area = cells.area.astype(np.int64)
    pop = np.asarray(cells.pop, dtype=np.float64)
    total = np.bincount(area, weights=pop, minlength=n)[:n]
    unreach = np.bincount(area, weights=np.where(reach, 0.0, pop), minlength=n)[:n]
    le = np.zeros((n, len(th)))
    tt = np.where(reach, t, np.inf)
    for k, lim in enumerate(th):
        le[:, k] = np.bincount(area, weights=np.where(tt <= lim, pop, 0.0), minlength=n)[:n]
    return Figures(thresholds=th, pop_total=total, pop_le=le, pop_unreach=unreach, study_total=float(total.sum()),
                   study_le=le.sum(axis=0), study_unreach=float(unreach.sum()))


class WhatIfModel:
    """Drive time and coverage for any set of sites on one speed surface.

    Parameters
    ----------
    friction : 2-D float array, minutes per metre (inf = impassable), from ``costdist.speed_to_friction``
    spec : :class:`~.grid.GridSpec` of the surface
    cells : :class:`~.coverage.PopulationCells` on the same grid (``None``: drive time only)
    thresholds : minutes
    offset : minutes added at every site (activation plus a calibrated fixed time)
    neighbours : 8 or 16
    snap_m : a site on an impassable cell moves to the nearest passable cell within this many metres; further
        away, the site is left out (``Result.used`` is False for it)
    """

    def __init__(self, friction, spec, cells, thresholds, offset=0.0, neighbours=16, snap_m=500.0):
        self.friction = np.ascontiguousarray(friction, dtype=np.float32)
        self.spec = spec
        self.cells = cells
        self.thresholds = np.asarray(sorted(float(t) for t in thresholds), dtype=np.float64)
        self.offset = float(offset)
        self.neighbours = int(neighbours)
        self.snap_m = float(snap_m)
        if self.friction.shape != tuple(spec.shape):
            raise ValueError(f"friction {self.friction.shape} and grid {spec.shape} differ")

    def place(self, x, y):
        """Grid rows and cols of sites at map coordinates (the surface's CRS), snapped to passable cells;
        ``used`` is False for sites outside the grid or with no passable cell within ``snap_m``."""
        x = np.asarray(x, dtype=np.float64).reshape(-1)
        y = np.asarray(y, dtype=np.float64).reshape(-1)
        rows, cols = self.spec.rowcol(x, y)
        used = self.spec.inside(rows, cols)
        rows, cols = np.asarray(rows, np.int64)[used], np.asarray(cols, np.int64)[used]
        if len(rows):
            rows, cols, moved = snap_to_passable(self.friction, rows, cols, self.snap_m / self.spec.cell_size)
            ok = np.isfinite(moved)
            idx = np.flatnonzero(used)
            used[idx[~ok]] = False
            rows, cols = rows[ok], cols[ok]
        return rows, cols, used

    def evaluate(self, x, y):
        """Drive time and figures for sites at ``x``, ``y`` (the surface's CRS)."""
        t0 = time.perf_counter()
        rows, cols, used = self.place(x, y)
        t1 = time.perf_counter()
        if len(rows):
            res = cost_distance(self.friction, self.spec.cell_size, np.column_stack([rows, cols]),
                                offsets=np.full(len(rows), self.offset), neighbours=self.neighbours,
                                want_nearest=False)
            minutes = res.cost
        else:
            minutes = np.full(self.spec.shape, np.inf, dtype=np.float32)
        t2 = time.perf_counter()
        figures = count_within(self.cells, minutes, self.thresholds) if self.cells is not None else None
        t3 = time.perf_counter()
        return Result(minutes=minutes, figures=figures, rows=rows, cols=cols, used=used, seconds=t3 - t0,
                      timings={"place": t1 - t0, "drive_time": t2 - t1, "count": t3 - t2})


def change(now, before):
    """Change of the figures against a reference: (people within each threshold by area, percentage points by
    area, people within each threshold for the study area, percentage points for the study area)."""
    with np.errstate(invalid="ignore"):
        return (now.pop_le - before.pop_le, now.pct_le - before.pct_le, now.study_le - before.study_le,
                now.study_pct_le - before.study_pct_le)


def nearest_site(x, y, xs, ys, tolerance):
    """Index of the site nearest (x, y) within ``tolerance`` (map units), or -1."""
    if len(xs) == 0:
        return -1
    d = np.hypot(np.asarray(xs, dtype=np.float64) - x, np.asarray(ys, dtype=np.float64) - y)
    i = int(np.argmin(d))
    return i if d[i] <= tolerance else -1
