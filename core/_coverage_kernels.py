"""Private Numba kernels of :mod:`.coverage` (imported lazily: importing this module compiles nothing until
the first call, and ``cache=True`` keeps the machine code in ``NUMBA_CACHE_DIR``)."""
import math

import numpy as np
from numba import njit


@njit(cache=True)
def _h(x, xa, xb):
    """Mean over the segment's parameter t in [0, 1] of min(x(t), x) with x(t) running from xa to xb."""
    lo = min(xa, xb)
    hi = max(xa, xb)
    if x >= hi:
        return 0.5 * (xa + xb)
    if x <= lo:
        return x
    f = (x - lo) / (hi - lo)
    return f * 0.5 * (lo + x) + (1.0 - f) * x


@njit(cache=True)
def polygon_cell_areas(xs, ys, ring_start, poly_ring_start, win, x_min, y_max, cs, grid_cols, cap):
    """Exact area of every polygon inside every grid cell of its window (scanline form of Green's theorem).

    For a horizontal strip (one cell row) the area of polygon ∩ strip ∩ {X < x} is
    ``F(x) = sum over edges of ∫ min(x_edge(y), x) dy`` (signed dy; exterior rings counter-clockwise, holes
    clockwise), so a cell [xL, xR] gets ``F(xR) - F(xL)``: an edge adds ``cs * dy`` to every cell wholly to
    its left, nothing to the cells wholly to its right, and a closed-form part to the cells it crosses.
    Work is O(edge-cell crossings + window cells); the result is exact up to floating point.

    xs, ys: vertex coordinates of closed rings (last vertex = first), ring_start: (n_rings + 1) offsets,
    poly_ring_start: (n_polys + 1) offsets into the rings, win: (n_polys, 4) window r0, c0, nrows, ncols on
    the grid (already clipped to it). Returns (poly, cell, area) of the cells with a non-zero share, and
    the count (at most ``cap``; -1 if ``cap`` was too small)."""
    npoly = win.shape[0]
    out_poly = np.empty(cap, np.int64)
    out_cell = np.empty(cap, np.int64)
    out_area = np.empty(cap, np.float64)
    maxw = 1
    for p in range(npoly):
        s = win[p, 2] * (win[p, 3] + 1)
        if s > maxw:
            maxw = s
    val = np.zeros(maxw)
    acc = np.zeros(maxw)
    cell_area = cs * cs
    tiny = 1e-9 * cell_area
    n = 0
    for p in range(npoly):
        r0 = win[p, 0]
        c0 = win[p, 1]
        nr = win[p, 2]
        nc = win[p, 3]
        if nr <= 0 or nc <= 0:
            continue
        stride = nc + 1
        for i in range(nr * stride):
            val[i] = 0.0
            acc[i] = 0.0
        wx0 = x_min + c0 * cs
        wy0 = y_max - r0 * cs
        for ring in range(poly_ring_start[p], poly_ring_start[p + 1]):
            for v in range(ring_start[ring], ring_start[ring + 1] - 1):
                x0 = xs[v] - wx0
                y0 = ys[v]
                x1 = xs[v + 1] - wx0
                y1 = ys[v + 1]
                if y1 == y0:
                    continue
                ylo = min(y0, y1)
                yhi = max(y0, y1)
                ra = int(math.floor((wy0 - yhi) / cs))
                rb = int(math.floor((wy0 - ylo) / cs))
                if ra < 0:
                    ra = 0
                if rb > nr - 1:
                    rb = nr - 1
                slope = (x1 - x0) / (y1 - y0)
                sign = 1.0 if y1 > y0 else -1.0
                for r in range(ra, rb + 1):
                    st = wy0 - r * cs
                    sb = st - cs
                    lo_y = max(ylo, sb)
                    hi_y = min(yhi, st)
                    if hi_y <= lo_y:
                        continue
                    dys = sign * (hi_y - lo_y)
                    xa = x0 + (lo_y - y0) * slope
                    xb = x0 + (hi_y - y0) * slope
                    lo_x = min(xa, xb)
                    hi_x = max(xa, xb)
                    c_lo = int(math.floor(lo_x / cs))
                    c_hi = int(math.floor(hi_x / cs))
                    base = r * stride
                    # cells wholly left of the edge piece: + cs * dy (added by the suffix sum below)
                    k = c_lo
                    if k < 0:
                        k = 0
                    if k > nc:
                        k = nc
                    acc[base + k] += cs * dys
                    ca = c_lo if c_lo > 0 else 0
                    cb = c_hi if c_hi < nc - 1 else nc - 1
                    for c in range(ca, cb + 1):
                        xl = c * cs
                        # cells with c < c_lo are covered by acc; here c >= c_lo
                        val[base + c] += dys * (_h(xl + cs, xa, xb) - _h(xl, xa, xb))
        for r in range(nr):
            base = r * stride
            running = 0.0
            for c in range(nc - 1, -1, -1):
                running += acc[base + c + 1]
                a = val[base + c] + running
                if a > tiny:
                    if n >= cap:
                        return out_poly, out_cell, out_area, -1
                    if a > cell_area:
                        a = cell_area
                    out_poly[n] = p
                    out_cell[n] = (r0 + r) * grid_cols + (c0 + c)
                    out_area[n] = a
                    n += 1
    return out_poly, out_cell, out_area, n


@njit(cache=True, nogil=True)
def aggregate(order, key, w, t, nkeys, thresholds, quantiles):
    """Per key: population, unreachable population, population within each threshold (t <= T), sum of
    w * t and max t over reachable records, and population-weighted quantiles of t (inverted CDF: the
    smallest t whose cumulative reachable weight reaches q * total; NaN where no reachable population).

    order: record indices sorting t ascending with NaN last (np.argsort); key: int key per record (< 0 =
    skip); w: population (<= 0 skipped); t: minutes (NaN = unreachable)."""
    nthr = thresholds.shape[0]
    nq = quantiles.shape[0]
    tot = np.zeros(nkeys)
    unreach = np.zeros(nkeys)
    reach = np.zeros(nkeys)
    sumwt = np.zeros(nkeys)
    tmax = np.full(nkeys, np.nan)
    within = np.zeros((nkeys, nthr))
    n = key.shape[0]
    for i in range(n):
        k = key[i]
        wi = w[i]
        if k < 0 or not (wi > 0):
            continue
        tot[k] += wi
        ti = t[i]
        if not math.isfinite(ti):
            unreach[k] += wi
            continue
        reach[k] += wi
        sumwt[k] += wi * ti
        if not (tmax[k] >= ti):
            tmax[k] = ti
        for j in range(nthr):
            if ti <= thresholds[j]:
                within[k, j] += wi
    qv = np.full((nkeys, nq), np.nan)
    cum = np.zeros(nkeys)
    left = 0
    for k in range(nkeys):
        if reach[k] > 0:
            left += nq
    for ii in range(n):
        if left == 0:
            break
        i = order[ii]
        k = key[i]
        wi = w[i]
        ti = t[i]
        if k < 0 or not (wi > 0):
            continue
        if not math.isfinite(ti):
            break  # NaN sort last: no reachable record follows
        cum[k] += wi
        for j in range(nq):
            if math.isnan(qv[k, j]) and cum[k] >= quantiles[j] * reach[k] * (1.0 - 1e-12):
                qv[k, j] = ti
                left -= 1
    return tot, unreach, reach, sumwt, tmax, within, qv
