"""Accumulated-cost (drive-time) engine: public API.

Graph model
-----------
Each raster cell is a node. ``friction`` is in minutes per metre (see :func:`speed_to_friction`); a cell
with a non-finite or negative friction is impassable. A move from cell *a* to cell *b* costs

* orthogonal (4 moves):  ``cs * 1     * (f_a + f_b) / 2``
* diagonal  (4 moves):   ``cs * sqrt2 * (f_a + f_b) / 2``  (geometric, as scikit-image ``MCP_Geometric``
  and GRASS ``r.cost``)
* knight    (8 moves, only with ``neighbours=16``): ``cs * sqrt5 * (f_a + f_b + f_i + f_j) / 4`` where
  *i*, *j* are the two cells the straight segment a-b crosses; blocked if any of the four is impassable
  (so a knight's move never jumps a barrier).

Costs are symmetric (a->b equals b->a), so travel-time matrices on this graph are symmetric.
Sources start at their offset (activation time). Costs above ``max_cost`` are reported unreachable.
"""
import math

import numpy as np

from . import Cancelled  # noqa: F401  (re-exported)
from . import engine as _engine
from ._model import (  # noqa: F401  (re-exported: the public home of the model and the input checks)
    SQRT2, SQRT5, CostResult, check_friction, check_max_cost, check_run, check_sources, edge_coefficients,
    move_set, speed_to_friction)


def cost_distance(friction, cell_size, sources_rc, offsets=None, max_cost=None, neighbours=16,
                  want_nearest=True, want_second=False, progress=None):
    """Multi-source accumulated cost.

    Parameters
    ----------
    friction : 2-D array, minutes per metre (inf / NaN = impassable)
    cell_size : float, metres
    sources_rc : (N, 2) int rows/cols of the sources
    offsets : (N,) start costs in minutes (activation), default 0
    max_cost : optional cut-off in minutes; costs above it are unreachable
    neighbours : 8 or 16 (16 adds knight's moves)
    want_second : also compute the second-nearest source (a different source) and its cost
    progress : optional callable ``progress(fraction) -> bool``; returning True cancels
        (:class:`Cancelled` is raised)

    Computed by the fast exact engine (:mod:`.engine`); the tests check it against a plain Dijkstra
    (``tests/_dijkstra.py``), bit for bit.
    """
    f, src, off, mc = check_run(friction, sources_rc, offsets, max_cost)
    if progress is not None and progress(0.0):
        raise Cancelled()
    return _engine.cost_distance(f, float(cell_size), src, off, mc, neighbours, want_nearest, want_second, progress)


def travel_time_matrix(friction, cell_size, sources_rc, targets_rc=None, max_cost=None, neighbours=16,
                       progress=None, runner=None):
    """Cost from every source to every target ((N, M) float64 minutes, inf where unreachable).

    One single-source run per source that stops once every target is settled. ``targets_rc`` defaults to the
    sources themselves (a square site-to-site matrix). ``runner``: a :class:`.distributed.DaskRunner`: one Dask task
    per source, same results.
    """
    f = check_friction(friction)
    src = check_sources(sources_rc, f.shape)
    tgt = src if targets_rc is None else check_sources(targets_rc, f.shape)
    mc = check_max_cost(max_cost)
    return _engine.travel_time_matrix(f, float(cell_size), src, tgt, mc, neighbours, progress, runner=runner)


def travel_time_matrix_symmetric(friction, cell_size, sources_rc, neighbours=16, progress=None, runner=None):
    """(N, N) site-to-site costs, each pair searched once (the cell graph is symmetric): see
    :func:`.engine.travel_time_matrix_symmetric`. Diagonal 0. ``runner`` as in :func:`travel_time_matrix`."""
    f = check_friction(friction)
    src = check_sources(sources_rc, f.shape)
    return _engine.travel_time_matrix_symmetric(f, float(cell_size), src, neighbours=neighbours, progress=progress,
                                                runner=runner)


def single_source_fields(friction, cell_size, sources_rc, targets, visit, offsets=None, max_cost=None, neighbours=16,
                         progress=None, reach=None):
    """One early-stopping run per source, several at a time, each handing its cost field to ``visit(i, cost)``
    once its ``targets[i]`` are final (cells up to the costliest target's cost as :func:`cost_distance` from
    that source alone, bit for bit) and, with ``reach``, every cell costing at most ``reach`` too. Returns each
    source's float64 costs at its targets: see :func:`.engine.single_source_fields`."""
    f, src, off, mc = check_run(friction, sources_rc, offsets, max_cost)
    if progress is not None and progress(0.0):
        raise Cancelled()
    return _engine.single_source_fields(f, float(cell_size), src, targets, visit, offsets=off, max_cost=mc,
                                        neighbours=neighbours, progress=progress, reach=reach)


def snap_to_passable(friction, rows, cols, max_cells):
    """Move each source on an impassable cell to the nearest passable cell within ``max_cells`` cells
    (Euclidean, in cells). Returns new rows, cols and the snap distance in cells (NaN where no passable
    cell is in reach; 0 where no snap was needed). Among equally near cells the first in row-major order
    (smallest row offset, then column offset) wins.

    Searches square windows around the source that double in size until the nearest passable cell found lies
    within the window's inscribed circle (so nothing outside can be nearer) or the window covers ``max_cells``;
    the radius is capped at the grid's own size, so a huge ``max_cells`` costs no more memory than the grid."""
    f = np.asarray(friction)
    rows = np.asarray(rows, dtype=np.int64).copy()
    cols = np.asarray(cols, dtype=np.int64).copy()
    dist = np.zeros(rows.shape[0])
    n_rows, n_cols = f.shape
    max_cells = float(max_cells)
    if not max_cells >= 0:  # NaN or negative: no snapping
        max_cells = 0.0
    # no cell of the grid is further than this from any other: a larger radius finds nothing more
    R = max(n_rows, n_cols)
    if max_cells < R:
        R = int(math.ceil(max_cells))
    for i in range(rows.shape[0]):
        r0, c0 = int(rows[i]), int(cols[i])
        if np.isfinite(f[r0, c0]) and f[r0, c0] >= 0:
            continue
        k = min(R, 4)
        found = None
        while True:
            ra, rb = max(0, r0 - k), min(n_rows, r0 + k + 1)
            ca, cb = max(0, c0 - k), min(n_cols, c0 + k + 1)
            win = f[ra:rb, ca:cb]
            ok = np.isfinite(win) & (win >= 0)
            if ok.any():
                pr, pc = np.nonzero(ok)  # row-major order
                d = np.hypot(pr + (ra - r0), pc + (ca - c0))
                d[d > max_cells] = np.inf
                j = int(np.argmin(d))  # first of the nearest in row-major order
                if np.isfinite(d[j]):
                    found = (ra + int(pr[j]), ca + int(pc[j]), float(d[j]))
                    if d[j] <= k:  # cells outside the window are further than k
                        break
            if k >= R:
                break
            k = min(R, 2 * k)
        if found is None:
            dist[i] = np.nan
            continue
        rows[i], cols[i], dist[i] = found
    return rows, cols, dist
