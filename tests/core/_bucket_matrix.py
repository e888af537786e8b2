"""The bucket-queue (delta-stepping) travel-time matrix, formerly ``engine.travel_time_matrix(method="bucket")``:
kept here as an independent implementation the tiled matrix is checked against (it is not shipped)."""
import math
import os

import numpy as np

from drivetime_equity.core import engine
from drivetime_equity.core._threads import Progress, run_jobs


def travel_time_matrix_bucket(f, cell_size, src, tgt, max_cost=math.inf, neighbours=16, progress=None,
                              n_threads=None, chunk=engine.CHUNK // 4):
    """(N, M) float64 costs from each source to each target (inf where unreachable or beyond ``max_cost``).
    Each source is an early-stopping search; sources run in parallel threads, one state per thread."""
    k = engine._kernels()
    rows, cols = f.shape
    n = rows * cols
    cs = float(cell_size)
    fflat = f.reshape(-1)
    moff, mdr, mdc, mi1, mi2, mcoef, mkn = engine._moves(neighbours, cols, cs)
    delta, B = engine._delta_ring(f, cs, 4.0)
    inv_delta = 1.0 / delta
    src_idx = src[:, 0].astype(np.int64) * cols + src[:, 1].astype(np.int64)
    tgt_idx = tgt[:, 0].astype(np.int64) * cols + tgt[:, 1].astype(np.int64)
    tnodes, tpos = np.unique(tgt_idx.astype(np.int32), return_inverse=True)
    tflag = np.zeros(n, np.int8)
    tflag[tnodes] = 1
    N = src_idx.shape[0]
    out = np.full((N, tgt_idx.shape[0]), np.inf)
    n_threads = max(1, min(int(n_threads or os.cpu_count() or 1), N))
    states = [None] * n_threads

    def work(s, i, cancel):
        if states[s] is None:
            states[s] = {"d": np.full(n, np.inf), "lab": np.zeros(n, np.int32), "qb": np.full(n, -1, np.int32),
                         "head": np.full(B, -1, np.int32), "pnode": np.empty(4096, np.int32),
                         "pnext": np.empty(4096, np.int32), "touched": np.empty(4096, np.int32)}
        S = states[s]
        d, lab, qb, head = S["d"], S["lab"], S["qb"], S["head"]
        st = np.zeros(8, np.int64)
        st[k.ST_FREE] = -1
        st[k.ST_LEFT] = tnodes.shape[0]
        head[:] = -1
        tdone = np.zeros(tnodes.shape[0], np.bool_)
        k.seed_single(d, lab, qb, S["pnode"], S["pnext"], head, st, src_idx[i:i + 1].copy(), np.zeros(1), 0.0,
                      inv_delta, max_cost, S["touched"], True)
        while not st[k.ST_DONE]:
            if cancel.is_set():
                break
            S["pnode"], S["pnext"], S["touched"] = k.run_single(
                fflat, cols, d, lab, qb, S["pnode"], S["pnext"], head, st, moff, mdr, mdc, mi1, mi2, mcoef, mkn,
                0.0, inv_delta, max_cost, chunk, tflag, tnodes, tdone, S["touched"], True)
        else:
            out[i] = d[tnodes][tpos]
        k.reset_touched(d, qb, S["touched"], int(st[k.ST_TOUCH]))

    if N:
        run_jobs(N, n_threads, work, Progress(progress))
    return out
