"""The batched principal-axis sweep for a symmetric site matrix, formerly ``matrix.site_matrix(batch=...)``:
kept here as an independent way to the same matrix (it is not shipped; the product searches each pair once,
:func:`drivetime_equity.core.costdist.travel_time_matrix_symmetric`)."""
import os

import numpy as np

from drivetime_equity.core.costdist import travel_time_matrix
from drivetime_equity.core.matrix import symmetrise


def sweep_order(sources_rc):
    """Site indices sorted along the principal axis of their positions (a sweep across the sites)."""
    p = np.asarray(sources_rc, dtype=np.float64).reshape(-1, 2)
    if p.shape[0] < 3:
        return np.arange(p.shape[0])
    q = p - p.mean(axis=0)
    _u, _s, vt = np.linalg.svd(q, full_matrices=False)
    return np.argsort(q @ vt[0], kind="stable")


def sweep_matrix(friction, cell_size, sources_rc, neighbours=16, progress=None, batch=None):
    """Sites swept along their principal axis in batches of ``batch`` (default: the number of cores); each
    batch's searches stop once the sites of this and the later batches are settled. Pairs inside a batch are
    searched both ways and the mean is reported (:func:`symmetrise`)."""
    src = np.asarray(sources_rc, dtype=np.int64).reshape(-1, 2)
    n = src.shape[0]
    f = np.asarray(friction)
    order = sweep_order(src)
    b = max(1, int(batch or os.cpu_count() or 1))
    m = np.full((n, n), np.inf)
    # work of a batch ~ its searches' reach; weight progress by the number of targets left
    weights = np.array([n - k for k in range(0, n, b)], dtype=np.float64)
    done = 0.0
    for step, k in enumerate(range(0, n, b)):
        rows = order[k:k + b]
        cols = order[k:]
        sub = None
        if progress is not None:
            w0, w = done / weights.sum(), weights[step] / weights.sum()

            def sub(frac, w0=w0, w=w):
                return progress(w0 + w * frac)
        part = travel_time_matrix(f, cell_size, src[rows], src[cols], neighbours=neighbours, progress=sub)
        m[np.ix_(cols, rows)] = part.T
        m[np.ix_(rows, cols)] = part  # last: inside the batch both directions stay
        done += weights[step]
    np.fill_diagonal(m, 0.0)
    # inside a batch: m holds one direction at [i, j] and the other at [j, i]; elsewhere both are equal
    return symmetrise(m)
