"""Fast exact accumulated-cost engine (called by :mod:`.costdist` with ``engine="auto"``).

Same graph, same float64 edge arithmetic as the reference Dijkstra of the tests (``tests/_dijkstra.py``; see the
:mod:`.costdist` docstring), hence the same costs. Exact methods, all run in chunks so progress can
be reported and the run cancelled:

* ``"tiled"`` (:mod:`._tiled_kernels`): the grid in 128 x 128 tiles, a heap of dirty tiles in key order,
  row sweeps inside a tile until it is a fixed point. Cache-resident; the fastest single-thread method
  (bench/README.md, "Method candidates").
  Memory: padded float32 friction + float64 cost + int32 label = 16 bytes/cell, plus the outputs.
* ``"tiled2"`` (default for the nearest-source run on grids of 1 M+ cells, :mod:`._tiled2_kernels`): the
  tiled method on one thread per CPU (at most :data:`TILED_MAX_STRIPS`), the grid split into horizontal
  strips at tile-row boundaries, each strip with its own arrays and heap, the 2 rows on either side of each
  boundary exchanged between rounds; same memory. Timings and the extra work per strip: bench/README.md,
  "Strips (threads) of the tiled method".
* ``"bits"`` (second-nearest source on grids of 1 M+ cells, :func:`_cost_distance_second_bits`):
  2 x ceil(log2 n) tiled runs, each over the sources with one bit of their index set or not set.
* ``"bucket"`` (:mod:`._engine_kernels`): a bucket queue (delta-stepping) over the flat raster; used for
  the second-nearest source on smaller grids.
  Memory: float64 cost + int32 label + int32 queue slot = 16 bytes/cell (32 with the second-nearest).

* :func:`cost_distance` -- multi-source, offsets, cut-off, nearest and second-nearest source.
* :func:`travel_time_matrix` -- one early-stopping tiled single-source run per source (stops once the heap's
  smallest key reaches the costliest target; only the touched tiles are reset between runs), several sources
  at a time on all cores (GIL-free kernels, one state per thread).
* :func:`travel_time_matrix_symmetric` -- the same with each pair searched once (outer sites first).
"""
import math
import mmap

import numpy as np

from ._threads import ForkJoin, Progress as _Progress, n_cpus, run_jobs
from ._model import CostResult, edge_coefficients, move_set

#: nodes processed per kernel call (~0.1-0.3 s of work); the driver reports progress between calls
CHUNK = 1 << 19


#: bucket width of the bucket queue in units of the smallest edge cost: 1 = label-setting (every cell processed
#: once); larger = delta-stepping (a few cells processed again, far fewer and fuller buckets); exact for any
#: value, fastest at 8-32 on road surfaces (bench/README.md)
DELTA_FACTOR = 16.0
#: the bucket queue visits each bucket in memory order (exact either way)
SORT_BUCKET = True

#: tile side of the tiled method (128: best of 32/64/128 on the benchmark grid, measured)
TILE = 128
#: cells pulled per tiled kernel call (~0.05 s of work)
TILED_CHUNK = 1 << 21


def _kernels():
    from . import _engine_kernels as k  # lazy: numba import / cache load happens on first use
    return k


def _big(shape, dtype, fill=None, prog=None):
    """A large array on memory advised for transparent huge pages where the OS offers them (Linux
    ``madvise``): far fewer page faults on first touch (bench/README.md, "Method candidates") and fewer TLB
    misses in the kernels. Elsewhere a plain ``np.empty``. A normal, writable ndarray either way."""
    dtype = np.dtype(dtype)
    count = int(np.prod(shape))
    nbytes = count * dtype.itemsize
    a = None
    if nbytes >= (1 << 24) and hasattr(mmap, "MADV_HUGEPAGE"):
        try:
            m = mmap.mmap(-1, nbytes, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
            m.madvise(mmap.MADV_HUGEPAGE)
            a = np.frombuffer(m, dtype=dtype, count=count).reshape(shape)
        except (OSError, ValueError, AttributeError):
            a = None
    if a is None:
        a = np.empty(shape, dtype)
    if fill is not None:
        flat = a.reshape(-1)
        step = 1 << 23
        for i in range(0, count, step):  # in blocks: page faults can be slow, keep reporting progress
            flat[i:i + step] = fill
            if prog is not None:
                prog(0.0)
    return a


def _tiled():
    from . import _tiled_kernels as k
    return k


def _pull_tables(neighbours, P, cs):
    """Pull tables of the tiled method: for every non-horizontal move ``u -> v`` the offset ``v - u`` in
    the padded raster, the offsets of its two intermediates from ``u`` (knights), its coefficient (same
    expression as :func:`_moves`), whether it is a knight's move and its direction (+1: ``u`` above ``v``);
    plus the coefficient of the horizontal moves."""
    mv, lens = move_set(neighbours)
    coefs = edge_coefficients(mv, lens, cs)
    voff, vi1, vi2, vcoef, vkn, vdir = [], [], [], [], [], []
    hcoef = None
    for m in range(mv.shape[0]):
        dr, dc, kn, a, b, c, e = (int(x) for x in mv[m])
        coef = coefs[m]
        if dr == 0:
            hcoef = coef
            continue
        voff.append(dr * P + dc)
        vi1.append(a * P + b)
        vi2.append(c * P + e)
        vcoef.append(coef)
        vkn.append(bool(kn))
        vdir.append(1 if dr > 0 else -1)
    return (np.array(voff, np.int64), np.array(vi1, np.int64), np.array(vi2, np.int64), np.array(vcoef),
            np.array(vkn, np.bool_), np.array(vdir, np.int64), float(hcoef))


def _cost_distance_tiled(f, cs, src, off, max_cost, neighbours, want_nearest, progress, chunk, tile):
    k = _tiled()
    prog = _Progress(progress)
    rows, cols = f.shape
    P = cols + 4
    npad = (rows + 4) * P
    blk = max(1, (1 << 23) // max(cols, 1))  # ~8 M cells per step of the set-up / output copies
    fp = _big(npad, np.float32)
    for r in range(0, rows, blk):
        k.pad_friction(f, fp, P, r, min(rows, r + blk))
        prog(0.0)
    d = _big(npad, np.float64, np.inf, prog)
    prog(0.0)
    lab = _big(npad, np.int32, 0, prog)  # touch the pages now, not inside the first chunk
    prog(0.0)
    tables = _pull_tables(neighbours, P, cs)
    T = int(tile)
    ntr = (rows + T - 1) // T
    ntc = (cols + T - 1) // T
    nt = ntr * ntc
    tkey = np.full(nt, np.inf)
    tdirt = np.empty((nt, 12), np.int64)
    tdirt[:, 0::2] = k.NONE
    tdirt[:, 1::2] = -k.NONE
    tseen = np.zeros(nt, np.bool_)
    cap = 4 * nt + 64
    hk = np.empty(cap)
    ht = np.empty(cap, np.int64)
    st = np.zeros(8, np.int64)
    k.seed(d, lab, P, rows, cols, T, tkey, tdirt, hk, ht, st, src.astype(np.int64),
           np.arange(src.shape[0], dtype=np.int32), off, max_cost)
    prog(0.0, force=True)  # set-up done
    while not st[k.ST_DONE]:
        k.run(fp, d, lab, P, rows, cols, T, tkey, tdirt, tseen, hk, ht, st, *tables, max_cost, chunk, math.inf)
        if not st[k.ST_DONE]:
            if st[k.ST_HEAP] + 9 > hk.shape[0]:
                hk = np.concatenate([hk, np.empty_like(hk)])
                ht = np.concatenate([ht, np.empty_like(ht)])
            prog(min(st[k.ST_FIRST] / nt, 0.99))
    del fp, hk, ht, tdirt, tkey
    out = _big((rows, cols), np.float32)
    for r in range(0, rows, blk):
        k.unpad_cost(d, P, cols, out, r, min(rows, r + blk))
        prog(0.99)
    del d
    res = CostResult(out)
    if want_nearest:
        labo = _big((rows, cols), np.int32)
        for r in range(0, rows, blk):
            k.unpad_label(lab, out, P, cols, labo, r, min(rows, r + blk))
            prog(0.99)
        res.nearest = labo
    del lab
    prog(1.0, force=True)
    return res


#: grids with fewer cells than this run the tiled method on one thread even with ``method="tiled2"``
TILED2_MIN_CELLS = 1 << 20
#: cells pulled per strip and round of the threaded method (between two exchanges of the boundary rows)
TILED2_ROUND = 1 << 20
#: at most this many strips (threads) for the threaded tiled method; one per CPU below that
TILED_MAX_STRIPS = 8


def _n_cpus():
    return n_cpus()  # a module function: the warm-up pretends to have two


def _tiled2():
    from . import _tiled2_kernels as k
    return k


class _Half:
    """One strip (rows ``r0 .. r0 + rows - 1``) of the threaded tiled method: own padded cost / label
    (``rows + 4`` padded rows, the 2 beyond the split are ghost copies of the other half), a view of the
    shared padded friction, own tile heap."""

    def __init__(self, k, fp, P, r0, rows, cols, T, prog):
        self.rows, self.r0 = rows, r0
        npad = (rows + 4) * P
        self.fp = fp[r0 * P:r0 * P + npad]
        self.d = _big(npad, np.float64, np.inf, prog)
        self.lab = _big(npad, np.int32, 0, prog)
        self.ntr = (rows + T - 1) // T
        self.ntc = (cols + T - 1) // T
        nt = self.nt = self.ntr * self.ntc
        self.tkey = np.full(nt, np.inf)
        self.tdirt = np.empty((nt, 12), np.int64)
        self.tdirt[:, 0::2] = k.NONE
        self.tdirt[:, 1::2] = -k.NONE
        self.tseen = np.zeros(nt, np.bool_)
        self.hk = np.empty(4 * nt + 64)
        self.ht = np.empty(4 * nt + 64, np.int64)
        self.st = np.zeros(8, np.int64)

    def room(self, n):
        while self.st[0] + n > self.hk.shape[0]:
            self.hk = np.concatenate([self.hk, np.empty_like(self.hk)])
            self.ht = np.concatenate([self.ht, np.empty_like(self.ht)])


def _second_result(cost, nearest, second_cost, second_nearest, shape, want_nearest):
    """The :class:`CostResult` of a second-nearest run from flat arrays."""
    res = CostResult(cost.reshape(shape), second_cost=second_cost.reshape(shape),
                     second_nearest=second_nearest.reshape(shape))
    if want_nearest:
        res.nearest = nearest.reshape(shape)
    return res


def _cost_distance_second_bits(f, cs, src, off, max_cost, neighbours, want_nearest, progress, chunk, tile):
    """Nearest and second-nearest source by 2 x ceil(log2 n) runs of the tiled engine, each over the
    sources whose index has one bit set, or not set. The second-nearest source of a cell differs from its
    nearest in at least one bit b; the run over the sources on the other side of b from the nearest
    contains the second nearest and not the nearest, so its cost there is the second-nearest cost, and no
    run that excludes the nearest can be cheaper. Bit 0's two runs hold all sources: they give the nearest.
    Exact (each run is an exact multi-source run; costs equal the bucket queue's second-nearest, tested);
    20 sources: 10 runs; faster than the bucket queue's paired-label search on large grids, slower on small
    ones (bench/README.md, "Second-nearest source")."""
    k = _tiled()
    n = src.shape[0]
    rows, cols = f.shape
    idx = np.arange(n)
    nbits = max(1, int(n - 1).bit_length())
    runs = [(b, side) for b in range(nbits) for side in (0, 1)]

    def run(i, b, side):
        ids = idx[((idx >> b) & 1) == side].astype(np.int32)
        sub = None if progress is None else (lambda x, i=i: progress((i + x) / len(runs)))
        r = cost_distance(f, cs, src[ids], off[ids], max_cost, neighbours, True, False, sub, chunk,
                          method="tiled2", tile=tile)
        return r.cost.reshape(-1), r.nearest.reshape(-1), ids

    prog = _Progress(progress)
    ncell = rows * cols
    blk = 1 << 22  # cells per merge step: progress (and cancel) between steps; the first merge writes
    # ~16 bytes per cell of fresh memory (1.6 GB on 100 M cells)
    d1 = _big(ncell, np.float32)
    l1 = _big(ncell, np.int32)
    d2 = _big(ncell, np.float32)
    l2 = _big(ncell, np.int32)
    if n == 1:
        c, lab, ids = run(0, 0, 0)
        d1[:], l1[:], d2[:], l2[:] = c, lab, np.inf, -1
    else:
        c0, lab0, ids0 = run(0, 0, 0)
        c1, lab1, ids1 = run(1, 0, 1)
        for a in range(0, ncell, blk):
            z = slice(a, a + blk)
            k.merge_first(c0[z], lab0[z], ids0, c1[z], lab1[z], ids1, d1[z], l1[z], d2[z], l2[z])
            prog(2.0 / len(runs))
        del c0, lab0, c1, lab1
        for i, (b, side) in enumerate(runs[2:], start=2):
            c, lab, ids = run(i, b, side)
            for a in range(0, ncell, blk):
                z = slice(a, a + blk)
                k.merge_second(c[z], lab[z], ids, b, side, l1[z], d2[z], l2[z])
                prog((i + 1.0) / len(runs))
            del c, lab
    prog(1.0, force=True)
    return _second_result(d1, l1, d2, l2, (rows, cols), want_nearest)


def _cost_distance_tiled2(f, cs, src, off, max_cost, neighbours, want_nearest, progress, chunk, tile,
                          round_work=None, key_lag=None, strips=2):
    """Tiled method on several threads: the grid split at tile-row boundaries into ``strips`` horizontal
    strips, each solved by its own thread with its own arrays and tile heap (:mod:`._tiled2_kernels`) and 2
    ghost rows on each side; between rounds (all threads stopped) each pair of neighbouring strips exchanges
    the 2 rows next to their boundary, until no strip has a dirty tile and no ghost row changed. Exact for
    any number of strips (the same least fixed point as :func:`_cost_distance_tiled`, bit for bit, tested).
    Set-up and output copies are split between the threads too (page faults of fresh memory are a large
    part of the run).

    ``round_work``: cells pulled per strip and round (default :data:`TILED2_ROUND`); ``key_lag``: a round
    only solves strips whose smallest key is at most the smallest of all plus this (default inf: every strip
    runs its own heap freely; exact for any value). ``chunk`` is unused (rounds are shorter)."""
    k = _tiled()
    k2 = _tiled2()
    prog = _Progress(progress)
    rows, cols = f.shape
    T = int(tile)
    P = cols + 4
    ntr = (rows + T - 1) // T
    ns = max(1, min(int(strips), ntr))
    cuts = [min(int(round(i * ntr / ns)) * T, rows) for i in range(ns)] + [rows]
    src = np.asarray(src, np.int64).reshape(-1, 2)
    ids = np.arange(src.shape[0], dtype=np.int32)
    tables = _pull_tables(neighbours, P, cs)
    budget = TILED2_ROUND if round_work is None else int(round_work)
    lag = math.inf if key_lag is None else float(key_lag)
    stats = {"rounds": 0, "strips": ns}
    _cost_distance_tiled2.last_stats = stats

    with ForkJoin(ns) as par:  # par(fns): the callables at once, their results in order
        blk = max(1, (1 << 22) // max(cols, 1))

        def blocks(fn, frac):
            """``fn(strip, r0, r1)`` over the rows of every strip (strip-relative), all strips at a time, in
            steps with a progress report between."""
            for r in range(0, max(cuts[i + 1] - cuts[i] for i in range(ns)), blk):
                par([lambda i=i, r=r: fn(i, min(r, cuts[i + 1] - cuts[i]), min(r + blk, cuts[i + 1] - cuts[i]))
                     for i in range(ns)])
                prog(frac)

        fp = _big((rows + 4) * P, np.float32)
        blocks(lambda i, r0, r1: k.pad_friction(f, fp, P, cuts[i] + r0, cuts[i] + r1), 0.0)

        def make(i):
            r0, n = cuts[i], cuts[i + 1] - cuts[i]
            h = _Half(k, fp, P, r0, n, cols, T, prog if i == 0 else None)  # strip 0: on this thread
            sel = (src[:, 0] >= r0) & (src[:, 0] < r0 + n)
            s_ = np.ascontiguousarray(src[sel])
            s_[:, 0] -= r0
            h.room(10 * s_.shape[0] + 64)
            k.seed(h.d, h.lab, P, n, cols, T, h.tkey, h.tdirt, h.hk, h.ht, h.st, s_, ids[sel],
                   np.ascontiguousarray(off[sel]), max_cost)
            return h

        S = par([lambda i=i: make(i) for i in range(ns)])
        fp = None
        nt = sum(h.nt for h in S)
        prog(0.0, force=True)

        def run(h, lim):
            k.run(h.fp, h.d, h.lab, P, h.rows, cols, T, h.tkey, h.tdirt, h.tseen, h.hk, h.ht, h.st,
                  *tables, max_cost, budget, lim)

        while True:
            keys = [k2.min_key(h.hk, h.ht, h.tkey, h.st) for h in S]
            if min(keys) == math.inf:
                break
            lim = min(keys) + lag
            active = [h for h, kk in zip(S, keys) if kk <= lim]
            for h in active:
                h.room(9)
            par([lambda h=h, lim=lim: run(h, lim) for h in active])
            stats["rounds"] += 1
            for h in S:
                h.room(h.ntc + 9)
            for A, B in zip(S[:-1], S[1:]):
                k2.exchange(B.d, B.lab, 2 * P, A.d, A.lab, (A.rows + 2) * P, P, cols, T, A.ntc, A.ntr - 1,
                            k.D_BOT, A.tkey, A.tdirt, A.hk, A.ht, A.st)
                k2.exchange(A.d, A.lab, A.rows * P, B.d, B.lab, 0, P, cols, T, B.ntc, 0, k.D_TOP,
                            B.tkey, B.tdirt, B.hk, B.ht, B.st)
            prog(min(sum(h.st[k.ST_FIRST] for h in S) / nt, 0.99))
        stats.update(visits=int(sum(h.st[k.ST_VISITS] for h in S)))
        for h in S:
            h.fp = None
        out = _big((rows, cols), np.float32)
        blocks(lambda i, r0, r1: k.unpad_cost(S[i].d, P, cols, out[cuts[i]:cuts[i + 1]], r0, r1), 0.99)
        for h in S:
            h.d = None
        labo = None
        if want_nearest:
            labo = _big((rows, cols), np.int32)
            blocks(lambda i, r0, r1: k.unpad_label(S[i].lab, out[cuts[i]:cuts[i + 1]], P, cols,
                                                   labo[cuts[i]:cuts[i + 1]], r0, r1), 0.99)
        for h in S:
            h.lab = None
    res = CostResult(out)
    if want_nearest:
        res.nearest = labo
    prog(1.0, force=True)
    return res


def _moves(neighbours, cols, cs):
    """Flat-index move tables + per-move cost coefficient ``cs * len * 0.5`` (or ``* 0.25`` for knights),
    computed in the same order as :func:`._model.edge_coefficients` so edge costs are bit-identical."""
    mv, lens = move_set(neighbours)
    moff = (mv[:, 0] * cols + mv[:, 1]).astype(np.int64)
    mdr = mv[:, 0].astype(np.int64)
    mdc = mv[:, 1].astype(np.int64)
    mi1 = (mv[:, 3] * cols + mv[:, 4]).astype(np.int64)
    mi2 = (mv[:, 5] * cols + mv[:, 6]).astype(np.int64)
    mkn = mv[:, 2].astype(np.bool_)
    mcoef = edge_coefficients(mv, lens, cs)
    return moff, mdr, mdc, mi1, mi2, mcoef, mkn


def _delta_ring(f, cs, delta_factor=1.0):
    """Bucket width (<= smallest edge cost, so label-setting) and ring size (> largest edge / width)."""
    fin = f[np.isfinite(f)] if f.size < (1 << 22) else None
    if fin is not None:
        fmin = float(fin.min()) if fin.size else 1.0
        fmax = float(fin.max()) if fin.size else 1.0
    else:  # avoid a full-size temporary on big grids
        fmin, fmax = math.inf, 0.0
        step = 1 << 22
        flat = f.reshape(-1)
        for i in range(0, flat.size, step):
            blk = flat[i:i + step]
            blk = blk[np.isfinite(blk)]
            if blk.size:
                fmin = min(fmin, float(blk.min()))
                fmax = max(fmax, float(blk.max()))
        if fmax == 0.0 and fmin == math.inf:
            fmin = fmax = 1.0
    wmax = cs * math.sqrt(5.0) * max(fmax, 1e-30)
    delta = max(cs * fmin * delta_factor, wmax / 65536.0)
    if not (delta > 0):
        delta = 1.0
    B = int(min(wmax / delta, 1 << 17)) + 3
    return delta, B


def cost_distance(f, cell_size, src, off, max_cost, neighbours=16, want_nearest=True, want_second=False,
                  progress=None, chunk=None, method="auto", tile=TILE):
    """Multi-source accumulated cost (arguments as :func:`.costdist.cost_distance`, already checked:
    ``f`` C-contiguous float32 with inf = impassable, ``src`` (N, 2) int, ``off`` (N,) float64,
    ``max_cost`` float (inf = none)). Returns a :class:`.costdist.CostResult`.

    ``method``: "auto" (tiled2; with the second-nearest, bits on grids of :data:`TILED2_MIN_CELLS` cells
    or more, else bucket), "tiled2", "tiled", "bucket" or "bits"
    (second-nearest only: :func:`_cost_distance_second_bits`); all exact (bit-identical costs). "tiled2" =
    the tiled method on one thread per CPU (grid split in strips), used on grids of at least
    :data:`TILED2_MIN_CELLS` cells with more than one tile row and 2+ CPUs,
    otherwise "tiled".
    ``tile``: tile side of the tiled method. ``chunk``: work per kernel call between progress reports
    (tiled: cells pulled; bucket: cells processed). The bucket queue's tuning is :data:`DELTA_FACTOR` and
    :data:`SORT_BUCKET`."""
    cs = float(cell_size)
    if not (cs > 0):
        raise ValueError("cell size must be positive")
    if method not in ("auto", "tiled", "tiled2", "bucket", "bits"):
        raise ValueError("method must be auto, tiled, tiled2, bucket or bits")
    if method in ("tiled", "tiled2") and want_second:
        raise ValueError("the tiled method has no second-nearest source (use bits)")
    if method == "bits" and not want_second:
        raise ValueError("the bits method is for the second-nearest source")
    if method == "auto":  # second nearest: bits on large grids, bucket on small (bench/README.md)
        method = ("bits" if f.size >= TILED2_MIN_CELLS else "bucket") if want_second else "tiled2"
    off = np.asarray(off, dtype=np.float64)
    if method == "bits":
        return _cost_distance_second_bits(f, cs, np.asarray(src, np.int64).reshape(-1, 2), off, max_cost,
                                          neighbours, want_nearest, progress,
                                          TILED_CHUNK if chunk is None else int(chunk), tile)
    if method == "tiled2":
        T = int(tile)
        if f.size >= TILED2_MIN_CELLS and T >= 2 and f.shape[0] > T and _n_cpus() >= 2:
            return _cost_distance_tiled2(f, cs, src, off, max_cost, neighbours, want_nearest, progress,
                                         TILED_CHUNK if chunk is None else int(chunk), tile,
                                         strips=min(_n_cpus(), TILED_MAX_STRIPS))
        method = "tiled"
    if method == "tiled":
        return _cost_distance_tiled(f, cs, src, off, max_cost, neighbours, want_nearest, progress,
                                    TILED_CHUNK if chunk is None else int(chunk), tile)
    if chunk is None:
        chunk = CHUNK
    k = _kernels()
    rows, cols = f.shape
    n = rows * cols
    fflat = f.reshape(-1)
    moff, mdr, mdc, mi1, mi2, mcoef, mkn = _moves(neighbours, cols, cs)
    delta, B = _delta_ring(f, cs, DELTA_FACTOR)
    src_idx = (src[:, 0].astype(np.int64) * cols + src[:, 1].astype(np.int64))
    off = np.asarray(off, dtype=np.float64)
    ok = off <= max_cost
    base = float(off[ok].min()) if ok.any() else 0.0
    inv_delta = 1.0 / delta
    head = np.full(B, -1, np.int32)
    st = np.zeros(8, np.int64)
    st[k.ST_FREE] = -1
    cap = max(4096, 4 * src_idx.shape[0] + 64)
    pnode = np.empty(cap, np.int32)
    pnext = np.empty(cap, np.int32)
    npass = max(1, int(np.count_nonzero(np.isfinite(fflat)))) if n < (1 << 24) else n
    prog = _Progress(progress)
    empty_i8 = np.zeros(0, np.int8)
    empty_i32 = np.zeros(0, np.int32)
    empty_b = np.zeros(0, np.bool_)
    if not want_second:
        d = np.full(n, np.inf)
        lab = np.full(n, -1, np.int32)
        qb = np.full(n, -1, np.int32)
        k.seed_single(d, lab, qb, pnode, pnext, head, st, src_idx, off, base, inv_delta, max_cost,
                      empty_i32, False)
        prog(0.0, force=True)  # set-up (allocation of ~16 B/cell) done
        while not st[k.ST_DONE]:
            pnode, pnext, _ = k.run_single(fflat, cols, d, lab, qb, pnode, pnext, head, st, moff, mdr, mdc,
                                           mi1, mi2, mcoef, mkn, base, inv_delta, max_cost, chunk,
                                           empty_i8, empty_i32, empty_b, empty_i32, False, SORT_BUCKET)
            if not st[k.ST_DONE]:
                prog(st[k.ST_WORK] / npass)
        del qb, pnode, pnext
        out = np.empty(n, np.float32)
        k.finish_single(d, lab, out)
        del d
        res = CostResult(out.reshape(rows, cols))
        if want_nearest:
            res.nearest = lab.reshape(rows, cols)
    else:
        d1 = np.full(n, np.inf)
        l1 = np.full(n, -1, np.int32)
        d2 = np.full(n, np.inf)
        l2 = np.full(n, -1, np.int32)
        q1 = np.full(n, -1, np.int32)
        q2 = np.full(n, -1, np.int32)
        plab = np.empty(cap, np.int32)
        k.seed_second(d1, l1, d2, l2, q1, q2, pnode, plab, pnext, head, st, src_idx, off, base, inv_delta,
                      max_cost)
        prog(0.0, force=True)
        while not st[k.ST_DONE]:
            pnode, plab, pnext = k.run_second(fflat, cols, d1, l1, d2, l2, q1, q2, pnode, plab, pnext, head,
                                              st, moff, mdr, mdc, mi1, mi2, mcoef, mkn, base, inv_delta,
                                              max_cost, chunk)
            if not st[k.ST_DONE]:
                prog(st[k.ST_WORK] / (2 * npass))
        del q1, q2, pnode, plab, pnext
        out = np.empty(n, np.float32)
        k.finish_single(d1, l1, out)
        del d1
        out2 = np.empty(n, np.float32)
        k.finish_single(d2, l2, out2)
        del d2
        res = _second_result(out, l1, out2, l2, (rows, cols), want_nearest)
    prog(1.0, force=True)
    return res


class TiledRunner:
    """Per-thread state of early-stopping single-source tiled runs (cost + tile bookkeeping); the padded
    friction is shared read-only. Between runs only the touched tiles are reset."""

    def __init__(self, fp, rows, cols, tile, tables):
        k = _tiled()
        self.k, self.fp, self.rows, self.cols, self.T, self.tables = k, fp, rows, cols, int(tile), tables
        self.P = cols + 4
        npad = (rows + 4) * self.P
        self.d = _big(npad, np.float64, np.inf)
        self.lab = _big(npad, np.int32)  # labels are copied along, never read: contents irrelevant
        T = self.T
        self.nt = ((rows + T - 1) // T) * ((cols + T - 1) // T)
        self.tkey = np.full(self.nt, np.inf)
        self.tdirt = np.empty((self.nt, 12), np.int64)
        self.tdirt[:, 0::2] = k.NONE
        self.tdirt[:, 1::2] = -k.NONE
        self.tseen = np.zeros(self.nt, np.bool_)
        self.vlist = np.empty(self.nt, np.int64)
        cap = 4 * self.nt + 64
        self.hk = np.empty(cap)
        self.ht = np.empty(cap, np.int64)
        self.st = np.zeros(8, np.int64)
        self.zero = np.zeros(1)
        self.zero_lab = np.zeros(1, np.int32)
        self.none = np.zeros(0, np.int64)

    def solve(self, src_rc, tgt_pad, max_cost, chunk, cancel=None, tick=None, visit=None, off=None, reach=None):
        """Costs at ``tgt_pad`` (padded indices) from the one source ``src_rc`` ((1, 2) int64), stopping
        once they are final; ``None`` if cancelled. ``off``: the source's start cost ((1,) float64, default 0);
        ``reach``: also go on until every cell costing at most ``reach`` is final (then no targets are needed);
        ``visit(d)``: called with the padded float64 costs once the run stopped, before they are reset."""
        k, st = self.k, self.st
        src_pad = (int(src_rc[0, 0]) + 2) * self.P + int(src_rc[0, 1]) + 2
        k.seed(self.d, self.lab, self.P, self.rows, self.cols, self.T, self.tkey, self.tdirt, self.hk, self.ht,
               st, src_rc, self.zero_lab, self.zero if off is None else off, max_cost)
        try:
            if reach is None or tgt_pad.shape[0]:
                if not self._go(tgt_pad, max_cost, chunk, math.inf, cancel, tick):
                    return None
            if reach is not None and st[k.ST_HEAP] > 0 and not self.hk[0] > reach:
                # the targets are final but cells costing at most ``reach`` may not be: on until the queue's
                # smallest key passes it (every cell at most that key is final: run_targets's stop test)
                st[k.ST_DONE] = 0
                if not self._go(self.none, max_cost, chunk, float(reach), cancel, tick):
                    return None
            if visit is not None:
                visit(self.d)
            return self.d[tgt_pad]
        finally:
            k.reset_run(self.d, self.P, self.rows, self.cols, self.T, self.tkey, self.tdirt, self.tseen,
                        self.hk, self.ht, st, self.vlist, src_pad)

    def _go(self, tgt_pad, max_cost, chunk, key_limit, cancel, tick):
        """Run until the targets are final (or the queue is empty, or its smallest key passes ``key_limit``);
        False if cancelled."""
        k, st = self.k, self.st
        while not st[k.ST_DONE]:
            if cancel is not None and cancel.is_set():
                return False
            k.run_targets(self.fp, self.d, self.lab, self.P, self.rows, self.cols, self.T, self.tkey,
                          self.tdirt, self.tseen, self.hk, self.ht, st, *self.tables, max_cost, chunk,
                          tgt_pad, self.vlist, key_limit)
            if not st[k.ST_DONE]:
                if st[k.ST_HEAP] + 9 > self.hk.shape[0]:
                    self.hk = np.concatenate([self.hk, np.empty_like(self.hk)])
                    self.ht = np.concatenate([self.ht, np.empty_like(self.ht)])
                elif self.hk[0] > key_limit:
                    return True
                if tick is not None:
                    tick()
        return True


def _pad(f, prog=None):
    k = _tiled()
    rows, cols = f.shape
    P = cols + 4
    fp = _big((rows + 4) * P, np.float32)
    blk = max(1, (1 << 23) // max(cols, 1))
    for r in range(0, rows, blk):
        k.pad_friction(f, fp, P, r, min(rows, r + blk))
        if prog is not None:
            prog(0.0)
    return fp


def tiled_setup(f, neighbours, cs, prog=None):
    """Shared read-only state of :class:`TiledRunner` s on ``f`` (checked friction): the padded friction
    and the pull tables."""
    return _pad(f, prog), _pull_tables(neighbours, f.shape[1] + 4, cs)


def _travel_time_matrix_tiled(f, cs, src, tgt, max_cost, neighbours, progress, n_threads, chunk, tile,
                              first=None, runner=None):
    """(N, M) costs; with ``first``, row ``i`` only for the targets ``first[i]:`` (the rest inf, not
    searched for). ``runner``: a :class:`.distributed.DaskRunner` (one Dask task per source) instead of
    threads."""
    if runner is not None:
        return runner.tiled_rows(f, cs, np.ascontiguousarray(src, dtype=np.int64), np.asarray(tgt, np.int64),
                                 first, max_cost, neighbours, progress, chunk, tile)
    rows, cols = f.shape
    P = cols + 4
    prog = _Progress(progress)
    N = src.shape[0]
    M = tgt.shape[0]
    out = np.full((N, M), np.inf)
    if N == 0 or M == 0:
        prog(1.0, force=True)
        return out
    fp, tables = tiled_setup(f, neighbours, cs, prog)
    tpad = (tgt[:, 0].astype(np.int64) + 2) * P + tgt[:, 1].astype(np.int64) + 2
    src = np.ascontiguousarray(src, dtype=np.int64)
    spad = (src[:, 0] + 2) * P + src[:, 1] + 2
    n_threads = max(1, min(int(n_threads or _n_cpus()), N))
    runners = []
    prog(0.0, force=True)

    def work(s, i, cancel):
        j0 = 0 if first is None else int(first[i])
        if j0 >= M:
            return
        u, inv = np.unique(tpad[j0:], return_inverse=True)
        keep = np.isfinite(fp[u]) | (u == spad[i])  # an impassable target is reached by no edge
        if not keep.any():
            return
        got = runners[s].solve(src[i:i + 1], u[keep], max_cost, chunk, cancel)
        if got is None:
            return
        row = np.full(u.shape[0], np.inf)
        row[keep] = got
        out[i, j0:] = row[inv]

    for _ in range(n_threads):
        runners.append(TiledRunner(fp, rows, cols, tile, tables))
        prog(0.0)
    run_jobs(N, n_threads, work, prog)
    prog(1.0, force=True)
    return out


def single_source_fields(f, cell_size, src, targets, visit, offsets=None, max_cost=math.inf, neighbours=16,
                         progress=None, n_threads=None, chunk=None, tile=TILE, reach=None):
    """One exact single-source run per source ``src[i]`` (rows/cols), several at a time on their own threads
    (one :class:`TiledRunner` each: no per-run set-up, only the touched tiles reset), each stopping as soon as
    its targets ``targets[i]`` ((K, 2) rows/cols; None or empty: run to the end or to ``max_cost``) are final; then
    ``visit(i, cost)`` on the worker thread with ``cost`` the run's (rows, cols) float32 field (the thread's
    buffer: valid during the call only; ``visit`` None: no field is made). Every cell of ``cost`` at most the
    costliest target's cost is final: bit for bit the :func:`cost_distance` of that source (same offset and
    ``max_cost``); every other cell holds inf or a larger upper bound (the run's stop test,
    :func:`._tiled_kernels.run_targets`). ``reach``: each run also goes on until every cell costing at most
    ``reach`` is final (with no targets it stops there instead of running to the end). ``offsets``: start cost
    of each source (default 0).

    Returns a list: for each source the float64 costs at its targets, in their order (inf where not
    reached; None where the run was cancelled). Memory: 16 bytes per cell and thread, plus the shared padded
    friction (4 bytes per cell)."""
    cs = float(cell_size)
    if not (cs > 0):
        raise ValueError("cell size must be positive")
    k = _tiled()
    rows, cols = f.shape
    P = cols + 4
    prog = _Progress(progress)
    src = np.ascontiguousarray(np.asarray(src, np.int64).reshape(-1, 2))
    N = src.shape[0]
    off = np.zeros(N) if offsets is None else np.asarray(offsets, np.float64).reshape(-1)
    found = [None] * N
    if N == 0:
        prog(1.0, force=True)
        return found
    fp, tables = tiled_setup(f, neighbours, cs, prog)
    n_threads = max(1, min(int(n_threads or _n_cpus()), N))
    from .memory import available_bytes

    avail = available_bytes()  # each thread holds 16 bytes per cell: fewer threads rather than swapping
    if avail is not None:
        n_threads = max(1, min(n_threads, int(0.8 * avail) // (16 * (rows + 4) * (cols + 4))))
    chunk = TILED_CHUNK // 4 if chunk is None else int(chunk)
    runners, bufs = [], []
    prog(0.0, force=True)

    def work(s, i, cancel):
        t = None if targets is None else targets[i]
        t = np.zeros((0, 2), np.int64) if t is None else np.asarray(t, np.int64).reshape(-1, 2)
        spad = (src[i, 0] + 2) * P + src[i, 1] + 2
        tall = (t[:, 0] + 2) * P + t[:, 1] + 2
        tpad = np.unique(tall)
        tpad = tpad[np.isfinite(fp[tpad]) | (tpad == spad)]  # an impassable target is reached by no edge

        def at_stop(d):
            found[i] = d[tall]  # final; inf at an impassable target (no edge reaches it)
            if visit is not None:
                k.unpad_cost(d, P, cols, bufs[s], 0, rows)
                visit(i, bufs[s])

        runners[s].solve(src[i:i + 1], tpad, float(max_cost), chunk, cancel, visit=at_stop, off=off[i:i + 1],
                         reach=reach)

    for _ in range(n_threads):
        runners.append(TiledRunner(fp, rows, cols, tile, tables))
        bufs.append(None if visit is None else _big((rows, cols), np.float32))
        prog(0.0)
    run_jobs(N, n_threads, work, prog)
    prog(1.0, force=True)
    return found


def outer_first(src, shape):
    """Order of the symmetric matrix's searches: farthest from the grid centre first (a search from near the
    edge is clipped by it, so it is the cheaper way to cover a long pair; the later, central searches then
    have near partners only). How close to the best order it comes: bench/README.md, "Site-to-site matrix"."""
    c = (np.asarray(shape, np.float64) - 1.0) / 2.0
    p = np.asarray(src, np.float64).reshape(-1, 2)
    return np.argsort(-np.hypot(p[:, 0] - c[0], p[:, 1] - c[1]), kind="stable")


def travel_time_matrix_symmetric(f, cell_size, src, max_cost=math.inf, neighbours=16, progress=None,
                                 n_threads=None, chunk=None, tile=TILE, order=None, runner=None):
    """(N, N) site-to-site costs for a symmetric graph, each pair searched once: the sites in ``order``
    (default :func:`outer_first`), the search of the k-th stops once the sites after it are final, and its
    results fill both ``[i, j]`` and ``[j, i]``. Searches run in parallel threads from one queue (no
    barriers). Diagonal 0 (where the site's cell is within ``max_cost`` of itself, i.e. always).
    ``runner``: a :class:`.distributed.DaskRunner`: each search is a Dask task instead (same results)."""
    cs = float(cell_size)
    if not (cs > 0):
        raise ValueError("cell size must be positive")
    src = np.asarray(src, np.int64).reshape(-1, 2)
    n = src.shape[0]
    if order is None:
        order = outer_first(src, f.shape)
    order = np.asarray(order, np.int64)
    s = src[order]
    part = _travel_time_matrix_tiled(f, cs, s, s, float(max_cost), neighbours, progress, n_threads,
                                     TILED_CHUNK // 4 if chunk is None else int(chunk), tile,
                                     first=np.arange(1, n + 1), runner=runner)
    return symmetric_from_searches(part, order)


def symmetric_from_searches(part, order):
    """The (N, N) matrix from the searches of the sites in ``order``: ``part[k, j]`` for ``j > k`` is the cost
    from the k-th site searched to the j-th (the rest ignored); each pair fills both ``[i, j]`` and ``[j, i]``
    (the smaller where both were searched), diagonal 0, rows and columns back in the sites' own order."""
    n = part.shape[0]
    up = np.where(np.triu(np.ones((n, n), bool), 1), part, np.inf)
    sym = np.minimum(up, up.T)
    np.fill_diagonal(sym, 0.0)
    m = np.empty_like(sym)
    m[np.ix_(order, order)] = sym
    return m


def travel_time_matrix(f, cell_size, src, tgt, max_cost, neighbours=16, progress=None, n_threads=None,
                       chunk=None, method="tiled", tile=TILE, runner=None):
    """(N, M) float64 costs from each source to each target (inf where unreachable or beyond
    ``max_cost``). Each source is an early-stopping single-source search (stops once every target is
    final); sources run in parallel threads (GIL-free kernels), one state per thread.

    ``method``: "tiled" (the only one; :class:`TiledRunner`, only the touched tiles reset between runs; the
    previous bucket-queue runner lives on in ``tests/core/_bucket_matrix.py`` as an independent check).
    ``chunk``: work per kernel call between cancel checks.
    ``runner``: a :class:`.distributed.DaskRunner` (tiled only): one Dask task per source (same results)."""
    cs = float(cell_size)
    if not (cs > 0):
        raise ValueError("cell size must be positive")
    if method not in ("auto", "tiled"):
        raise ValueError("method must be auto or tiled")
    return _travel_time_matrix_tiled(f, cs, np.asarray(src), np.asarray(tgt), float(max_cost), neighbours,
                                     progress, n_threads, TILED_CHUNK // 4 if chunk is None else int(chunk),
                                     tile, runner=runner)
