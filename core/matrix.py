"""Site-to-site travel-time matrices and collaboration bands (compute core, no QGIS).

A matrix ``m`` is an (N, N) float64 array of minutes, ``m[i, j]`` from site *i* to site *j*, ``inf`` where
unreachable, 0 on the diagonal.

* :func:`site_matrix` -- the matrix from a friction surface (one early-stopping single-source run per site,
  in parallel: :func:`.costdist.single_source_fields`), with the shared-catchment counts from the same runs.
* :func:`band_of`, :func:`check_bands`, :func:`check_labels` -- collaboration bands (band 1 = closest; a time
  equal to a break falls in the lower band, as :func:`.zones.band_index`).
* :func:`pair_table`, :func:`site_stats`, :func:`components`, :func:`components_at_breaks`,
  :func:`hierarchical_clusters` -- pairs, per-site statistics, collaboration groups.
* :func:`wide_rows`, :func:`write_wide_csv` -- the wide CSV layout (sites as rows and columns).
* :func:`reach_counts`, :func:`second_nearest_gap` -- shared-catchment rasters.
"""
import csv
import math
import os
import uuid

import numpy as np

from . import Cancelled

DEFAULT_BANDS = (30.0, 45.0, 60.0)
#: English default labels of the default bands (the QGIS layer translates them)
DEFAULT_LABELS = (
    "30 minutes or less \u2014 potential for collaboration (travel time not a barrier)",
    "30\u201345 minutes \u2014 potential for collaboration of tertiary services",
    "45\u201360 minutes \u2014 potential for collaboration",
    "over 60 minutes \u2014 limited potential for collaboration",
)
LINKAGES = ("complete", "average", "single")
#: stands in for ``inf`` (unreachable) in the clustering distance matrix: larger than any real drive time
UNREACHABLE_DISTANCE = 1.0e7


# -- bands -------------------------------------------------------------------------------------------------
def check_bands(bands):
    """Sorted unique positive finite breaks as a float64 array; ValueError otherwise."""
    b = np.asarray(list(bands), dtype=np.float64).reshape(-1)
    if b.size == 0:
        raise ValueError("give at least one band break")
    if not np.all(np.isfinite(b)) or np.any(b <= 0):
        raise ValueError("band breaks must be positive finite minutes")
    return np.unique(b)


def check_labels(labels, bands):
    """One label per band (len(bands) + 1, the last for 'over the last break'); ValueError otherwise."""
    labels = [str(s).strip() for s in labels]
    need = len(bands) + 1
    if len(labels) != need:
        raise ValueError(f"{need} labels are needed ({len(bands)} breaks + 1 band beyond the last), "
                         f"got {len(labels)}")
    if any(not s for s in labels):
        raise ValueError("a band label is empty")
    return labels


def band_of(minutes, bands):
    """Band number (int32): 1 for minutes <= bands[0], k for bands[k-2] < minutes <= bands[k-1],
    len(bands) + 1 beyond the last break; 0 where minutes is not finite (unreachable)."""
    m = np.asarray(minutes, dtype=np.float64)
    b = np.asarray(bands, dtype=np.float64)
    idx = np.searchsorted(b, m, side="left") + 1
    return np.where(np.isfinite(m), idx, 0).astype(np.int32)


# -- the matrix --------------------------------------------------------------------------------------------
def symmetrise(m):
    """Mean of both directions where both are finite; the finite one where only one is (a cut-off or
    snapping can break the graph's symmetry); inf where neither. Diagonal 0."""
    m = np.asarray(m, dtype=np.float64)
    t = m.T
    both = np.isfinite(m) & np.isfinite(t)
    with np.errstate(invalid="ignore"):
        out = np.where(both, 0.5 * (m + t), np.fmin(m, t))
    np.fill_diagonal(out, 0.0)
    return out


def site_matrix(friction, cell_size, sources_rc, neighbours=16, symmetric=True, progress=None, runner=None,
                offset=0.0, reach_breaks=None):
    """(N, N) minutes between sites on a friction surface (minutes per metre; see :mod:`.costdist`).

    ``symmetric=False``: every site searches until every other site is settled (both directions kept).

    ``symmetric=True``: the cell graph is symmetric (see :mod:`.costdist`), so a pair needs one search only:
    the sites in :func:`.engine.outer_first` order, each search stopping once the sites after it are final.

    ``offset``: minutes every journey starts with (a calibrated surface's fixed time): the searches start at
    it, as a drive time's do; the diagonal stays 0.

    ``reach_breaks``: also the shared-catchment counts of :func:`reach_counts` (same ``offset``) from the same
    searches, each going on until every cell within the last break is final: returns ``(m, counts)``. The counts
    are bit for bit those of :func:`reach_counts`; a search the matrix alone would stop early (or skip) costs
    only the extra ring up to the last break, so the pair of outputs costs far less than two passes.

    ``runner``: a :class:`.distributed.DaskRunner`: each single-source search runs as a Dask task; the matrix is
    the same (the offset added after the searches, equal to within rounding); the counts come from
    :func:`reach_counts`."""
    src = np.asarray(sources_rc, dtype=np.int64).reshape(-1, 2)
    offset = float(offset)
    if runner is not None:
        m = _site_matrix_runner(friction, cell_size, src, neighbours, symmetric, progress, runner)
        if offset:
            m = np.where(np.eye(len(src), dtype=bool), m, m + offset)
        if reach_breaks is None:
            return m
        return m, reach_counts(friction, cell_size, src, reach_breaks, neighbours=neighbours, offset=offset)
    from .costdist import single_source_fields
    from .engine import outer_first, symmetric_from_searches

    n = src.shape[0]
    f = np.asarray(friction)
    breaks = None if reach_breaks is None else check_bands(reach_breaks)
    order = outer_first(src, f.shape) if symmetric else np.arange(n)
    s = src[order]
    if symmetric:  # the k-th search: the sites after it
        targets = [s[k + 1:] for k in range(n)]
        runs = n if breaks is not None else max(n - 1, 0)  # the last one searches only for the counts
    else:
        targets = [np.delete(s, k, axis=0) for k in range(n)]
        runs = n
    counts, add = _counter(breaks, f.shape)
    found = single_source_fields(f, cell_size, s[:runs], targets[:runs], add, offsets=np.full(runs, offset),
                                 neighbours=neighbours, progress=progress,
                                 reach=None if breaks is None else _reach(breaks))
    part = np.full((n, n), np.inf)
    for k, got in enumerate(found):
        if got is None:  # cancelled
            continue
        if symmetric:
            part[k, k + 1:] = got
        else:
            part[k, np.arange(n) != k] = got
    if symmetric:
        m = symmetric_from_searches(part, order)
    else:  # searched in the sites' own order
        m = part
        np.fill_diagonal(m, 0.0)
    if breaks is None:
        return m
    if progress is not None and progress(1.0):
        raise Cancelled()
    return m, counts


def _site_matrix_runner(friction, cell_size, src, neighbours, symmetric, progress, runner):
    from .costdist import travel_time_matrix, travel_time_matrix_symmetric

    if symmetric:  # one queue of searches, each pair searched once
        return travel_time_matrix_symmetric(friction, cell_size, src, neighbours=neighbours, progress=progress,
                                            runner=runner)
    m = travel_time_matrix(friction, cell_size, src, neighbours=neighbours, progress=progress, runner=runner)
    m = np.array(m, dtype=np.float64)
    np.fill_diagonal(m, 0.0)
    return m


def _reach(breaks):
    """How far a run must be final for the counts: every float64 cost that rounds to a float32 at most the last
    break (the midpoint between it and the next float32 up), so the counts are those of the float32 fields
    (the drive-time raster's own values), whatever the run's stopping point."""
    b = np.float32(breaks[-1])
    return (float(b) + float(np.nextafter(b, np.float32(np.inf)))) / 2.0


def _counter(breaks, shape):
    """(counts, visit): uint16 counts of fields within each break (<=), added to by ``visit(i, cost)`` from
    several threads; (None, None) without breaks."""
    if breaks is None:
        return None, None
    import threading

    counts = np.zeros((len(breaks),) + tuple(shape), dtype=np.uint16)
    lock = threading.Lock()

    def add(_i, cost):
        for k, b in enumerate(breaks):
            within = cost <= np.float32(b)
            with lock:
                counts[k] += within

    return counts, add


def pair_table(m, ordered=True):
    """Pairs (i, j, minutes) of distinct sites: every ordered pair (row-major), or i < j only."""
    m = np.asarray(m, dtype=np.float64)
    n = m.shape[0]
    ii, jj = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    keep = (ii != jj) if ordered else (ii < jj)
    i, j = ii[keep], jj[keep]
    return i, j, m[i, j]


def site_stats(m, bands):
    """Per-site statistics from the rows of ``m`` (times *from* each site).

    Returns a dict of arrays: ``nearest`` (index of the nearest other site, -1 if none is reachable; ties:
    the lowest index), ``nearest_min`` (NaN if none), ``counts`` ((N, len(bands) + 1) number of other sites in
    each band), ``unreachable`` (number of other sites not reachable), ``mean_min`` (mean time to the
    reachable others, NaN if none)."""
    m = np.array(m, dtype=np.float64)
    n = m.shape[0]
    np.fill_diagonal(m, np.inf)
    off = ~np.eye(n, dtype=bool)
    fin = np.isfinite(m)
    nearest = np.where(fin.any(axis=1), np.argmin(m, axis=1), -1)
    nearest_min = np.where(nearest >= 0, m[np.arange(n), np.maximum(nearest, 0)], np.nan)
    band = band_of(m, bands)
    k = len(bands) + 1
    counts = np.zeros((n, k), dtype=np.int64)
    for b in range(1, k + 1):
        counts[:, b - 1] = ((band == b) & off).sum(axis=1)
    unreachable = ((~fin) & off).sum(axis=1)
    nreach = fin.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_min = np.where(nreach > 0, np.where(fin, m, 0.0).sum(axis=1) / np.maximum(nreach, 1), np.nan)
    return {"nearest": nearest.astype(np.int64), "nearest_min": nearest_min, "counts": counts,
            "unreachable": unreachable.astype(np.int64), "mean_min": mean_min}


def _relabel(labels):
    """Labels renumbered 1, 2, ... in order of first appearance (stable, independent of the algorithm)."""
    out = np.zeros(len(labels), dtype=np.int64)
    seen = {}
    for i, lab in enumerate(labels):
        if lab not in seen:
            seen[lab] = len(seen) + 1
        out[i] = seen[lab]
    return out


def components(m, threshold):
    """Collaboration groups at one break: connected components of the graph linking two sites whose time is
    within ``threshold`` minutes (<=) in both directions. Group ids 1.. in order of first site."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    m = np.asarray(m, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        adj = (m <= threshold) & (m.T <= threshold)
    np.fill_diagonal(adj, False)
    _n, labels = connected_components(csr_matrix(adj), directed=False)
    return _relabel(labels)


def components_at_breaks(m, bands):
    """(N, len(bands)) group ids, one column per band break."""
    return np.column_stack([components(m, b) for b in bands])


def hierarchical_clusters(m, threshold=None, n_clusters=None, linkage="complete"):
    """Hierarchical (agglomerative) clustering of the sites on the travel-time matrix (SciPy).

    The distance between two sites is the mean of both directions. With ``threshold`` (minutes), clusters
    merge while their linkage distance is <= threshold (complete linkage: every pair inside a cluster is within
    the threshold; single linkage gives the connected components). With ``n_clusters`` the tree is cut into
    that many clusters instead. Unreachable pairs count as very far apart. Ids 1.. in order of first site."""
    from scipy.cluster.hierarchy import cut_tree, fcluster
    from scipy.cluster.hierarchy import linkage as tree_of
    from scipy.spatial.distance import squareform

    if linkage not in LINKAGES:
        raise ValueError(f"linkage must be one of {LINKAGES}")
    d = symmetrise(m)
    n = d.shape[0]
    if n < 2:
        return np.ones(n, dtype=np.int64)
    d = np.where(np.isfinite(d), d, UNREACHABLE_DISTANCE)
    tree = tree_of(squareform(d, checks=False), method=linkage)
    if n_clusters:
        labels = cut_tree(tree, n_clusters=min(int(n_clusters), n)).reshape(-1)
    else:
        if threshold is None or not threshold > 0:
            raise ValueError("give a positive threshold (minutes) or a number of clusters")
        labels = fcluster(tree, float(threshold), criterion="distance")  # merged where the linkage is <= threshold
    return _relabel(labels)


# -- wide CSV -------------------------------------------------------------------------------------------------
def wide_rows(m, names, decimals=1, corner="from \\ to (minutes)"):
    """Rows of the wide table: a header (corner, names...), then one row per site (name, minutes...);
    minutes rounded to ``decimals``, blank where unreachable."""
    m = np.asarray(m, dtype=np.float64)
    names = [str(s) for s in names]
    rows = [[corner] + names]
    for i, name in enumerate(names):
        row = [name]
        for v in m[i]:
            row.append(f"{round(float(v), decimals):.{decimals}f}" if math.isfinite(v) else "")
        rows.append(row)
    return rows


def write_wide_csv(path, m, names, decimals=1, corner="from \\ to (minutes)"):
    """Write the wide table as CSV (UTF-8 with a byte-order mark, so spreadsheets read non-ASCII names),
    atomically (temporary file renamed into place)."""
    path = str(path)
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    tmp = os.path.join(folder, f".{os.path.basename(path)}.{uuid.uuid4().hex[:8]}.part")
    try:
        with open(tmp, "w", newline="", encoding="utf-8-sig") as fh:
            csv.writer(fh).writerows(wide_rows(m, names, decimals, corner))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return path


# -- shared-catchment rasters -----------------------------------------------------------------------------
def reach_counts(friction, cell_size, sources_rc, breaks, neighbours=16, progress=None, offset=0.0):
    """(len(breaks), rows, cols) uint16: for every cell, the number of sites within each break (<=).

    One run per site, stopping once every cell within the last break is final (float32, as the drive-time
    raster: :func:`_reach`), several sites at a time (one thread each, :func:`.costdist.single_source_fields`: the
    same costs as whole runs, bit for bit). ``offset``: minutes every journey starts with (a calibrated surface's
    fixed time). :func:`site_matrix` gives the same counts from the matrix's own searches."""
    from .costdist import single_source_fields

    breaks = check_bands(breaks)
    src = np.asarray(sources_rc, dtype=np.int64).reshape(-1, 2)
    f = np.asarray(friction)
    n = src.shape[0]
    counts, add = _counter(breaks, f.shape)
    single_source_fields(f, cell_size, src, None, add, offsets=np.full(n, float(offset)), neighbours=neighbours,
                         progress=progress, reach=_reach(breaks))
    if progress is not None and progress(1.0):
        raise Cancelled()
    return counts


def second_nearest_gap(friction, cell_size, sources_rc, neighbours=16, progress=None):
    """float32 minutes between the second-nearest and the nearest site for every cell (0 = equally near two
    sites, the heart of a shared catchment); NaN where fewer than two sites are reachable."""
    from .costdist import cost_distance

    res = cost_distance(friction, cell_size, sources_rc, neighbours=neighbours, want_nearest=False,
                        want_second=True, progress=progress)
    ok = np.isfinite(res.cost) & np.isfinite(res.second_cost)
    gap = np.full(res.cost.shape, np.nan, dtype=np.float32)
    gap[ok] = res.second_cost[ok] - res.cost[ok]
    return gap
