"""Scenario sweeps: one coverage table row per scenario x area, for a national analyst's batch (no QGIS).

A batch is one sites table in which each site carries the name of the scenario it belongs to (a site open in
several scenarios appears once per scenario). Each scenario is one multi-source drive-time run over its
sites (:func:`.costdist.cost_distance`), aggregated over the population cells (:func:`.coverage.aggregate`);
only the per-area rows come back, never the raster, so a scenario is a compact, independent task.

* :func:`group_scenarios` -- scenario names (first-appearance order) and the site indices of each.
* :func:`scenario_rows` -- the coverage rows (areas, then the whole study area) of one scenario.
* :func:`run_batch` -- every scenario, in this process one after the other, or as Dask tasks with a
  :class:`.distributed.DaskRunner` (the same rows, bit for bit).
"""
import numpy as np

from . import Cancelled

#: the per-row numbers kept from :class:`.coverage.Coverage` (arrays; ``pop_le`` / ``pct_le`` per threshold)
KEYS = ("pop_total", "pop_reach", "pop_unreach", "pop_le", "pct_le", "pct_beyond", "mean_min", "median_min",
        "p90_min", "max_min")


def group_scenarios(labels):
    """(names, [site index arrays]) in order of first appearance; empty / None labels are skipped."""
    names, members = [], {}
    for i, lab in enumerate(labels):
        if lab is None:
            continue
        key = str(lab).strip()
        if not key or key.lower() in ("null", "none", "nan"):
            continue
        if key not in members:
            members[key] = []
            names.append(key)
        members[key].append(i)
    return names, [np.asarray(members[n], np.int64) for n in names]


def scenario_rows(friction, cell_size, sites_rc, offset, cells, thresholds, target, neighbours=16):
    """Coverage rows of one scenario: a dict of arrays (:data:`KEYS`), one row per area then one for the
    whole study area (``area`` = -1)."""
    from . import coverage as cv
    from .costdist import cost_distance

    src = np.asarray(sites_rc, np.int64).reshape(-1, 2)
    res = cost_distance(friction, cell_size, src, offsets=np.full(src.shape[0], float(offset)),
                        neighbours=neighbours, want_nearest=False)
    cov = cv.aggregate(cells, res.cost, thresholds, target, levels=("area",))
    a, s = cov.rows["area"], cov.rows["study"]
    out = {"area": np.concatenate([np.asarray(a["area"], np.int64), [-1]])}
    for k in KEYS:
        out[k] = np.concatenate([np.asarray(a[k]), np.asarray(s[k])])
    out["thresholds"] = np.asarray(cov.thresholds)
    out["target_index"] = int(cov.target_index)
    return out


def _task(friction, cell_size, sites_rc, offset, cells, thresholds, target, neighbours):
    from .distributed import _surface
    return scenario_rows(_surface(friction), cell_size, sites_rc, offset, cells, thresholds, target, neighbours)


def run_batch(friction, cell_size, sites_rc, labels, cells, thresholds, target, neighbours=16, offset=0.0,
              runner=None, progress=None):
    """[(scenario name, rows)] for every scenario in ``labels`` (one label per site; see
    :func:`group_scenarios`). ``runner``: a :class:`.distributed.DaskRunner` (one task per scenario; the
    surface and the population cells go to the workers once). ``progress(fraction) -> cancel?``."""
    src = np.asarray(sites_rc, np.int64).reshape(-1, 2)
    if len(labels) != src.shape[0]:
        raise ValueError("give one scenario label per site")
    names, members = group_scenarios(labels)
    if not names:
        raise ValueError("no site names a scenario")
    args = [(src[m], float(offset)) for m in members]
    if runner is not None:
        surface = runner.share(friction)
        shared_cells = runner.share_object(cells)
        rows = runner.map(_task, [(surface, float(cell_size), s, off, shared_cells, tuple(thresholds),
                                   float(target), int(neighbours)) for s, off in args],
                          progress=progress, label="scenarios")
        return list(zip(names, rows))
    out = []
    for k, (s, off) in enumerate(args):
        if progress is not None and progress(k / len(args)):
            raise Cancelled()
        out.append((names[k], scenario_rows(friction, cell_size, s, off, cells, thresholds, target, neighbours)))
    if progress is not None and progress(1.0):
        raise Cancelled()
    return out
