"""Private Numba kernels of the tiled engine (see :mod:`.engine`): tile scheduling + sweeps inside a tile.

Layout: friction, cost and label are row-major arrays padded by a 2-cell border (``P = cols + 4`` wide,
friction ``inf`` and cost ``inf`` in the border), so a tile is a window and every move of a cell of the
grid stays inside the padded array without bounds checks.

Algorithm (label-correcting, exact at convergence):

* The grid is cut into ``T x T`` tiles. A tile is *dirty* when a cell next to it (in a neighbouring tile,
  within the 2-cell reach of a move) got a lower cost since the tile was last solved; its key is the
  smallest such cost. Tiles are taken from a binary heap in key order (Dijkstra over tiles), so a tile is
  usually solved when the front reaches it, and few tiles are solved twice.
* Solving a tile: alternate *down* and *up* row sweeps until a sweep changes nothing. A down sweep visits
  the rows top to bottom; each row pulls from the rows above (vertical, diagonal and knight moves, which
  only read rows already done: independent cells, a streaming loop), then relaxes the row left-to-right
  and right-to-left. After an up sweep every edge except the downward ones is satisfied and vice versa, so
  a sweep without change (from the second on) means the tile is a fixed point given its halo. Only what
  can change is redone: a tile remembers which halo cells changed (column range of the halo rows above /
  below, row range of the halo columns left / right, box of new sources); a row pulls only the columns
  within reach of cells changed in the rows it reads, and its row relaxation starts at its changed cells
  and stops where nothing improves. A first visit costs ~3 row passes per cell, a revisit a few rows.
* After a tile is solved, its 2-cell border ring is compared with the ring before: each changed cell makes
  the neighbouring tile(s) within its reach dirty with that cost as key.
* At the end no tile is dirty: every edge ``u -> v`` satisfies ``d[v] <= d[u] + w`` computed with the same
  float64 operations as the reference Dijkstra (``tests/_dijkstra.py``), and every cost is the cost of a
  real path, so ``d`` is the least fixed point = the reference result, bit for bit (the extension
  ``x -> fl(x + w)`` is monotone, so Bellman-Ford and Dijkstra reach the same minimum over paths).
  Labels follow the predecessor that set the cost (on exact ties any of the tied sources).

Edge costs: a move ``u -> v`` with coefficient ``coef`` (``cs * len * 0.5``, or ``* 0.25`` for knights)
costs ``coef * (f_u + f_v)`` or ``coef * (((f_u + f_v) + f_i1) + f_i2)`` with the intermediates ``i1``,
``i2`` in the order of :func:`.costdist.move_set` seen from ``u``; pulling into ``v`` evaluates exactly
that expression. An impassable cell has friction ``inf``: every edge touching it costs ``inf``.

State vector ``st`` (int64): 0 heap size, 1 tiles solved, 2 tiles solved for the first time, 3 done,
4 cells pulled (work), 5 index of the target that blocked the last stop test (:func:`run_targets`).
"""
import numpy as np
from numba import njit

from ._heap import pop as _hpop, push as _hpush

ST_HEAP, ST_VISITS, ST_FIRST, ST_DONE, ST_PASSES, ST_BLOCK = range(6)
NONE = 1 << 30  # empty range: lo = NONE, hi = -NONE


@njit(cache=True, nogil=True)
def _pull_row(fp, d, lab, base, j0, j1, off, i1, i2, coef, kn, max_cost, lo, hi):
    """Pull one move (``u = v - off``) into the cells ``base + j0 .. base + j1 - 1``; returns ``lo``,
    ``hi`` widened to the columns (relative to ``base``) that improved."""
    for v in range(base + j0, base + j1):
        u = v - off
        if kn:
            w = coef * (np.float64(fp[u]) + np.float64(fp[v]) + np.float64(fp[u + i1]) + np.float64(fp[u + i2]))
        else:
            w = coef * (np.float64(fp[u]) + np.float64(fp[v]))
        nd = d[u] + w
        if nd < d[v] and nd <= max_cost:
            d[v] = nd
            lab[v] = lab[u]
            j = v - base
            if j < lo:
                lo = j
            if j > hi:
                hi = j
    return lo, hi



@njit(cache=True, nogil=True)
def _sweep(fp, d, lab, base, w, j, step, stop, hcoef, max_cost, nlo, nhi):
    """Orthogonal moves along a row (columns ``0..w-1``, relative to ``base``) from column ``j`` in direction
    ``step`` (+1 / -1): each cell pulled from the one before it, past column ``stop`` only while cells
    improve. Returns ``nlo``, ``nhi`` widened to the columns that improved."""
    v = base + j
    prev = d[v - step]
    fprev = np.float64(fp[v - step])
    while j >= 0 and j < w:
        v = base + j
        fv = np.float64(fp[v])
        nd = prev + hcoef * (fprev + fv)
        cur = d[v]
        if nd < cur and nd <= max_cost:
            d[v] = nd
            lab[v] = lab[v - step]
            cur = nd
            if j < nlo:
                nlo = j
            if j > nhi:
                nhi = j
        elif (j - stop) * step > 0:
            break
        prev = cur
        fprev = fv
        j += step
    return nlo, nhi


@njit(cache=True, nogil=True)
def _scan_row(fp, d, lab, base, w, lo, hi, hcoef, max_cost):
    """Orthogonal moves along a row that was stable except for the cells ``lo..hi`` (columns relative to
    ``base``, the row is ``0..w-1``; ``-1`` / ``w`` are halo cells): left-to-right from ``lo`` on, at
    least to ``hi`` and then while cells improve; then right-to-left likewise. Returns the range of the
    cells that improved (``NONE, -NONE`` if none)."""
    a = max(lo, 0)
    b = min(hi, w - 1)
    nlo, nhi = _sweep(fp, d, lab, base, w, a, 1, b, hcoef, max_cost, NONE, -NONE)
    return _sweep(fp, d, lab, base, w, min(max(b, nhi), w - 1), -1, a, hcoef, max_cost, nlo, nhi)


@njit(cache=True, nogil=True)
def solve_tile(fp, d, lab, P, R0, h, C0, w, voff, vi1, vi2, vcoef, vkn, vdir, hcoef, max_cost,
               ilo, ihi, plo, phi, clo, chi):
    """Sweeps over the tile (padded rows ``R0..R0+h``, padded cols ``C0..C0+w``) until it is a fixed point,
    given that it was one before the cells in ``ilo``/``ihi`` changed (per row ``-2..h+1`` of the tile,
    index + 2, a column range ``-2..w+1``, empty when lo > hi: halo rows above / below, halo columns left /
    right, new sources). ``v*``: pull tables of the vertical moves, ``vdir`` +1 for moves pulled in a down
    sweep (from rows above), -1 in an up sweep. Per row, ``plo/phi`` / ``clo/chi`` (scratch, h + 4) are the
    columns changed in the previous / current sweep; a row pulls only the columns within reach (2) of
    changed cells of the rows it reads, and the row relaxation starts from its changed cells.
    Returns the number of cells pulled (work)."""
    K = voff.shape[0]
    for i in range(h + 4):
        clo[i] = NONE
        chi[i] = -NONE
    s = 0
    work = 0
    while True:
        s += 1
        down = (s & 1) == 1
        for i in range(h + 4):
            plo[i] = clo[i]
            phi[i] = chi[i]
            clo[i] = NONE
            chi[i] = -NONE
        any_change = False
        for ii in range(h):
            i = ii if down else h - 1 - ii
            ci = i + 2
            x1 = ci - 1 if down else ci + 1
            x2 = ci - 2 if down else ci + 2
            lo = min(min(plo[x1], clo[x1]), min(plo[x2], clo[x2]))
            hi = max(max(phi[x1], chi[x1]), max(phi[x2], chi[x2]))
            if s <= 2:
                lo = min(lo, min(ilo[x1], ilo[x2]))
                hi = max(hi, max(ihi[x1], ihi[x2]))
            own = s == 1 and ilo[ci] <= ihi[ci]
            if lo > hi and not own:
                continue
            j0 = max(lo - 2, 0)
            j1 = min(hi + 3, w)
            base = (R0 + i) * P + C0
            rlo = NONE
            rhi = -NONE
            if j0 < j1:
                work += j1 - j0
                for m in range(K):
                    if (vdir[m] > 0) == down:
                        rlo, rhi = _pull_row(fp, d, lab, base, j0, j1, voff[m], vi1[m], vi2[m], vcoef[m],
                                             vkn[m], max_cost, rlo, rhi)
            slo = rlo
            shi = rhi
            if own:
                slo = min(slo, max(ilo[ci], -1))
                shi = max(shi, min(ihi[ci], w))
            if slo <= shi:
                nlo, nhi = _scan_row(fp, d, lab, base, w, slo, shi, hcoef, max_cost)
                rlo = min(rlo, nlo)
                rhi = max(rhi, nhi)
            if rlo <= rhi:
                clo[ci] = rlo
                chi[ci] = rhi
                any_change = True
        if s >= 2 and not any_change:
            break
    return work


@njit(cache=True, nogil=True)
def _beyond_reach(side, x, n):
    """The neighbouring tile on ``side`` (0 before, 1 none, 2 after) is out of reach (2 cells) of position
    ``x`` of ``n``."""
    if side == 0:
        return x >= 2
    if side == 2:
        return x < n - 2
    return False


@njit(cache=True, nogil=True)
def _mark(i, j, x, h, w, T, nkey, nlo, nhi):
    """Cell (i, j) of a ``h x w`` tile got cost ``x``: lower the key of each neighbouring tile within reach
    (``q = 3 * a + b``, a / b = 0, 1, 2 for above / same / below, left / same / right) and widen its dirty
    range: columns in the neighbour's coordinates for the tiles above / below, rows for left / right."""
    for a in range(3):
        if _beyond_reach(a, i, h):
            continue
        for b in range(3):
            if _beyond_reach(b, j, w) or (a == 1 and b == 1):
                continue
            q = a * 3 + b
            if x < nkey[q]:
                nkey[q] = x
            y = i if a == 1 else j + (1 - b) * T
            if y < nlo[q]:
                nlo[q] = y
            if y > nhi[q]:
                nhi[q] = y


@njit(cache=True, nogil=True)
def _ring(d, P, R0, h, C0, w, T, buf, save, nkey, nlo, nhi):
    """Copy the tile's 2-cell border ring into ``buf`` (save) or compare with it and :func:`_mark` every
    changed cell."""
    k = 0
    for i in range(h):
        edge_r = i < 2 or i >= h - 2
        j = 0
        while j < w:
            if not edge_r and j == 2 and w > 4:
                j = w - 2  # interior of the row: jump to the right border
            v = (R0 + i) * P + C0 + j
            if save:
                buf[k] = d[v]
            else:
                x = d[v]
                if x < buf[k]:
                    _mark(i, j, x, h, w, T, nkey, nlo, nhi)
            k += 1
            j += 1
    return k


# per-tile dirty state tdirt[t, :]: column range of the changed halo rows above, below; row range of the
# changed halo columns left, right; box (rows, cols) of new sources inside
D_TOP, D_BOT, D_LEFT, D_RIGHT, D_BOXR, D_BOXC = 0, 2, 4, 6, 8, 10


@njit(cache=True, nogil=True)
def _widen(tdirt, t, k, lo, hi):
    if lo < tdirt[t, k]:
        tdirt[t, k] = lo
    if hi > tdirt[t, k + 1]:
        tdirt[t, k + 1] = hi


@njit(cache=True, nogil=True)
def _flush(tr, tc, ntr, ntc, nkey, nlo, nhi, tkey, tdirt, hk, ht, st):
    """Merge the marks of :func:`_mark` into the neighbouring tiles and queue those whose key dropped."""
    for a in range(3):
        nr = tr + a - 1
        if nr < 0 or nr >= ntr:
            continue
        for b in range(3):
            nc = tc + b - 1
            if nc < 0 or nc >= ntc or (a == 1 and b == 1):
                continue
            q = a * 3 + b
            x = nkey[q]
            if x == np.inf:
                continue
            nt = nr * ntc + nc
            if a == 0:
                _widen(tdirt, nt, D_BOT, nlo[q], nhi[q])  # we are below it
            elif a == 2:
                _widen(tdirt, nt, D_TOP, nlo[q], nhi[q])
            elif b == 0:
                _widen(tdirt, nt, D_RIGHT, nlo[q], nhi[q])  # we are right of it
            else:
                _widen(tdirt, nt, D_LEFT, nlo[q], nhi[q])
            if x < tkey[nt]:
                tkey[nt] = x
                st[ST_HEAP] = _hpush(hk, ht, st[ST_HEAP], x, nt)


@njit(cache=True, nogil=True)
def _clear_marks(nkey, nlo, nhi):
    for q in range(9):
        nkey[q] = np.inf
        nlo[q] = NONE
        nhi[q] = -NONE


@njit(cache=True, nogil=True)
def seed(d, lab, P, rows, cols, T, tkey, tdirt, hk, ht, st, src_rc, src_lab, src_off, max_cost):
    """Sources: cost = offset, label ``src_lab`` (first source wins on the same cell); their tile and the
    neighbouring tiles within reach become dirty. Also seeds one half of the two-thread method
    (``src_rc`` in the half's rows)."""
    ntr = (rows + T - 1) // T
    ntc = (cols + T - 1) // T
    nkey = np.empty(9, np.float64)
    nlo = np.empty(9, np.int64)
    nhi = np.empty(9, np.int64)
    for s in range(src_rc.shape[0]):
        r = src_rc[s, 0]
        c = src_rc[s, 1]
        v = (r + 2) * P + c + 2
        o = src_off[s]
        if not (o <= max_cost) or not (o < d[v]):
            continue
        d[v] = o
        lab[v] = src_lab[s]
        tr = r // T
        tc = c // T
        t = tr * ntc + tc
        i = r - tr * T
        j = c - tc * T
        _widen(tdirt, t, D_BOXR, i, i)
        _widen(tdirt, t, D_BOXC, j, j)
        if o < tkey[t]:
            tkey[t] = o
            st[ST_HEAP] = _hpush(hk, ht, st[ST_HEAP], o, t)
        _clear_marks(nkey, nlo, nhi)
        _mark(i, j, o, min(T, rows - tr * T), min(T, cols - tc * T), T, nkey, nlo, nhi)
        _flush(tr, tc, ntr, ntc, nkey, nlo, nhi, tkey, tdirt, hk, ht, st)


@njit(cache=True, nogil=True)
def _take(tdirt, t, h, w, ilo, ihi):
    """Initial dirt per row (index + 2) of tile ``t`` for :func:`solve_tile`; resets the tile's state."""
    for i in range(h + 4):
        ilo[i] = NONE
        ihi[i] = -NONE
    for i in range(2):
        ilo[i] = tdirt[t, D_TOP]
        ihi[i] = tdirt[t, D_TOP + 1]
        ilo[h + 2 + i] = tdirt[t, D_BOT]
        ihi[h + 2 + i] = tdirt[t, D_BOT + 1]
    for i in range(max(tdirt[t, D_LEFT], 0), min(tdirt[t, D_LEFT + 1] + 1, h)):
        ilo[i + 2] = -2
        ihi[i + 2] = -1
    for i in range(max(tdirt[t, D_RIGHT], 0), min(tdirt[t, D_RIGHT + 1] + 1, h)):
        ilo[i + 2] = min(ilo[i + 2], w)
        ihi[i + 2] = w + 1
    for i in range(max(tdirt[t, D_BOXR], 0), min(tdirt[t, D_BOXR + 1] + 1, h)):
        ilo[i + 2] = min(ilo[i + 2], tdirt[t, D_BOXC])
        ihi[i + 2] = max(ihi[i + 2], tdirt[t, D_BOXC + 1])
    for k in range(0, 12, 2):
        tdirt[t, k] = NONE
        tdirt[t, k + 1] = -NONE


@njit(cache=True, nogil=True)
def _tile(t, ntc, T, rows, cols):
    """Tile ``t`` (row-major over ``ntc`` tile columns): its tile row and column, its top-left cell (unpadded)
    and its height and width (``T`` but at the grid's bottom / right edge)."""
    tr = t // ntc
    tc = t - tr * ntc
    r0 = tr * T
    c0 = tc * T
    return tr, tc, r0, c0, min(T, rows - r0), min(T, cols - c0)


@njit(cache=True, nogil=True)
def _visit(fp, d, lab, P, rows, cols, T, ntr, ntc, t, tkey, tdirt, hk, ht, st, voff, vi1, vi2, vcoef, vkn,
           vdir, hcoef, max_cost, ilo, ihi, plo, phi, clo, chi, buf, nkey, nlo, nhi):
    """Solve the popped dirty tile ``t`` and make its neighbours dirty where its border changed; returns
    the cells pulled."""
    tkey[t] = np.inf
    tr, tc, r0, c0, h, w = _tile(t, ntc, T, rows, cols)
    _take(tdirt, t, h, w, ilo, ihi)
    R0 = r0 + 2
    C0 = c0 + 2
    _ring(d, P, R0, h, C0, w, T, buf, True, nkey, nlo, nhi)
    p = solve_tile(fp, d, lab, P, R0, h, C0, w, voff, vi1, vi2, vcoef, vkn, vdir, hcoef, max_cost,
                   ilo, ihi, plo, phi, clo, chi)
    _clear_marks(nkey, nlo, nhi)
    _ring(d, P, R0, h, C0, w, T, buf, False, nkey, nlo, nhi)
    _flush(tr, tc, ntr, ntc, nkey, nlo, nhi, tkey, tdirt, hk, ht, st)
    return p


@njit(cache=True, nogil=True)
def run(fp, d, lab, P, rows, cols, T, tkey, tdirt, tseen, hk, ht, st, voff, vi1, vi2, vcoef, vkn, vdir,
        hcoef, max_cost, budget, key_limit):
    """Solve dirty tiles in key order until none is left (``st[ST_DONE] = 1``), ``budget`` cells were
    pulled, or the smallest key exceeds ``key_limit`` (inf: no limit; the strips of the threaded method).
    Per tile: ``tkey`` smallest changed cost within reach (inf: clean), ``tdirt`` what changed."""
    run_targets(fp, d, lab, P, rows, cols, T, tkey, tdirt, tseen, hk, ht, st, voff, vi1, vi2, vcoef, vkn,
                vdir, hcoef, max_cost, budget, np.empty(0, np.int64), np.empty(0, np.int64), key_limit)


@njit(cache=True, nogil=True)
def run_targets(fp, d, lab, P, rows, cols, T, tkey, tdirt, tseen, hk, ht, st, voff, vi1, vi2, vcoef, vkn,
                vdir, hcoef, max_cost, budget, tgt, vlist, key_limit):
    """:func:`run` that also stops (``st[ST_DONE] = 1``) as soon as every target cell (padded indices
    ``tgt``; none: run to the end) is final, and records each tile on its first visit in ``vlist`` (if not
    empty) so :func:`reset_run` can clean up.

    Final: every pending change is a dirty tile whose key is a cost of a changed cell, and what it can
    still produce costs at least that much (edges >= 0, ``x -> fl(x + w)`` monotone); a cell whose cost is
    <= the heap's minimum key therefore cannot improve any more (any cheaper path would cross a pending
    edge from a cell cheaper than that cost, i.e. a key below it). So stop once every target has a cost
    <= the minimum key (stale heap entries only make the bound lower, i.e. safe)."""
    ntr = (rows + T - 1) // T
    ntc = (cols + T - 1) // T
    ilo = np.empty(T + 4, np.int64)
    ihi = np.empty(T + 4, np.int64)
    plo = np.empty(T + 4, np.int64)
    phi = np.empty(T + 4, np.int64)
    clo = np.empty(T + 4, np.int64)
    chi = np.empty(T + 4, np.int64)
    buf = np.empty(8 * T + 16, np.float64)
    nkey = np.empty(9, np.float64)
    nlo = np.empty(9, np.int64)
    nhi = np.empty(9, np.int64)
    nt_ = tgt.shape[0]
    rec = vlist.shape[0] > 0
    work = 0
    while st[ST_HEAP] > 0:
        if nt_ > 0:
            key = hk[0]
            b = st[ST_BLOCK]
            if not (d[tgt[b]] > key):
                # the target that blocked last time is final: look for another one
                found = False
                for q in range(1, nt_):
                    bb = b + q
                    if bb >= nt_:
                        bb -= nt_
                    if d[tgt[bb]] > key:
                        st[ST_BLOCK] = bb
                        found = True
                        break
                if not found:
                    break
        if work >= budget or st[ST_HEAP] + 9 > hk.shape[0] or hk[0] > key_limit:
            return  # chunk done, the caller grows the heap, or key limit; the state is consistent
        key, t, size = _hpop(hk, ht, st[ST_HEAP])
        st[ST_HEAP] = size
        if key != tkey[t]:
            continue  # stale entry
        p = _visit(fp, d, lab, P, rows, cols, T, ntr, ntc, t, tkey, tdirt, hk, ht, st, voff, vi1, vi2, vcoef,
                   vkn, vdir, hcoef, max_cost, ilo, ihi, plo, phi, clo, chi, buf, nkey, nlo, nhi)
        work += p
        st[ST_PASSES] += p
        st[ST_VISITS] += 1
        if not tseen[t]:
            tseen[t] = True
            if rec:
                vlist[st[ST_FIRST]] = t
            st[ST_FIRST] += 1
    st[ST_DONE] = 1


@njit(cache=True, nogil=True)
def reset_run(d, P, rows, cols, T, tkey, tdirt, tseen, hk, ht, st, vlist, src_pad):
    """After a :func:`run_targets` with ``vlist``: costs of the visited tiles (and the source cell) back to
    ``inf``, queued tiles clean, heap empty, ``st`` zero -- the state of a fresh run, in time proportional
    to what the run touched."""
    ntc = (cols + T - 1) // T
    for k in range(st[ST_FIRST]):
        t = vlist[k]
        tseen[t] = False
        _tr, _tc, r0, c0, h, w = _tile(t, ntc, T, rows, cols)
        for i in range(h):
            b = (r0 + 2 + i) * P + c0 + 2
            for j in range(w):
                d[b + j] = np.inf
    for k in range(st[ST_HEAP]):
        t = ht[k]
        tkey[t] = np.inf
        for q in range(0, 12, 2):
            tdirt[t, q] = NONE
            tdirt[t, q + 1] = -NONE
    d[src_pad] = np.inf
    for k in range(st.shape[0]):
        st[k] = 0


@njit(cache=True, nogil=True)
def pad_friction(f, fp, P, r0, r1):
    """Rows ``r0..r1-1`` of the (rows, cols) friction -> the padded flat array, with the ``inf`` border of 2
    cells (the 2 border rows above / below are written with the first / last row)."""
    rows, cols = f.shape
    if r0 == 0:
        for i in range(2 * P):
            fp[i] = np.inf
    if r1 == rows:
        for i in range(2 * P):
            fp[(rows + 2) * P + i] = np.inf
    for r in range(r0, r1):
        b = (r + 2) * P
        fp[b] = np.inf
        fp[b + 1] = np.inf
        fp[b + cols + 2] = np.inf
        fp[b + cols + 3] = np.inf
        for c in range(cols):
            fp[b + 2 + c] = f[r, c]


@njit(cache=True, nogil=True)
def unpad_cost(d, P, cols, out, r0, r1):
    """Rows ``r0..r1-1``: padded float64 costs -> float32 (rows, cols)."""
    for r in range(r0, r1):
        b = (r + 2) * P + 2
        for c in range(cols):
            out[r, c] = np.float32(d[b + c])


@njit(cache=True, nogil=True)
def unpad_label(lab, cost, P, cols, out, r0, r1):
    """Rows ``r0..r1-1``: padded labels -> (rows, cols) int32, -1 where the cost is inf (unreachable)."""
    for r in range(r0, r1):
        b = (r + 2) * P + 2
        for c in range(cols):
            out[r, c] = lab[b + c] if cost[r, c] < np.inf else -1


@njit(cache=True, nogil=True)
def merge_first(c0, lab0, ids0, c1, lab1, ids1, d1, l1, d2, l2):
    """Second-nearest by source bits (:func:`.engine._cost_distance_second_bits`), bit 0: the runs over
    the sources with an even (``c0``) and an odd (``c1``) index together hold every source, so the smaller
    is the nearest (even side on a tie) and the other the first candidate for the second nearest. Flat
    float32 costs (inf = unreachable), run labels ``lab*`` mapped to source indices by ``ids*``."""
    for i in range(c0.shape[0]):
        x0 = c0[i]
        x1 = c1[i]
        if x0 <= x1:
            a, la, b, lb = x0, ids0[lab0[i]] if x0 < np.inf else -1, x1, ids1[lab1[i]] if x1 < np.inf else -1
        else:
            a, la, b, lb = x1, ids1[lab1[i]], x0, ids0[lab0[i]] if x0 < np.inf else -1
        d1[i] = a
        l1[i] = la
        d2[i] = b
        l2[i] = lb


@njit(cache=True, nogil=True)
def merge_second(c, lab, ids, bit, side, l1, d2, l2):
    """A run over the sources whose index has bit ``bit`` equal to ``side``: where the nearest source is not
    one of them, their cost is a candidate for the second nearest."""
    for i in range(c.shape[0]):
        a = l1[i]
        if a < 0 or ((a >> bit) & 1) == side:
            continue
        x = c[i]
        if x < d2[i]:
            d2[i] = x
            l2[i] = ids[lab[i]]
