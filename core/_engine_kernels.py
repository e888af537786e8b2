"""Private Numba kernels of the fast exact engine (see :mod:`.engine`).

Algorithm: a *bucket queue* (Dial / delta-stepping) over the flat raster, run in resumable chunks.

* The key of a node is its tentative cost; bucket ``b`` holds keys in ``[base + b*delta, base + (b+1)*delta)``.
  With ``delta`` no larger than the smallest edge cost no node of the current bucket can improve another
  node of the same bucket, so every node popped from the current bucket is final (label-setting, exact).
  If ``delta`` is larger (or floating-point rounding puts a relaxed node back into the current bucket) the
  node is simply re-queued in the current bucket and processed again (delta-stepping: still exact).
* Buckets are a ring of ``B`` singly-linked lists over an entry pool (``pnode``/``pnext``, free list);
  ``B`` spans the largest edge cost so a push never wraps; a key further away (only with a capped ring)
  is parked in the last bucket and re-bucketed when popped.
* ``qb[node]`` is the ring slot the node is currently queued in (-1: not queued). A push to the slot a node
  already sits in is skipped; a popped entry whose slot no longer matches is stale and dropped.
  So each node is processed once per bucket it finally belongs to: no duplicate work, no heap.
* Edge costs use exactly the operations and order of :func:`._model.edge_coefficients` in float64, hence
  results equal the reference Dijkstra (``tests/_dijkstra.py``) bit for bit (ties aside: labels of equal-cost
  sources may differ).
* Kernels stop at a bucket boundary once ``budget`` nodes were processed and return their state, so the
  Python driver can report progress / cancel between chunks. ``nogil=True`` lets driver threads run
  several single-source kernels in parallel.

State vector ``st`` (int64): 0 cur bucket (absolute), 1 pool top, 2 free-list head, 3 live entries,
4 processed nodes (total), 5 finished flag, 6 touched count, 7 targets left.
"""
import numpy as np
from numba import njit

ST_CUR, ST_TOP, ST_FREE, ST_LIVE, ST_WORK, ST_DONE, ST_TOUCH, ST_LEFT = range(8)


@njit(cache=True, nogil=True)
def _grow_i32(a, need):
    if need <= a.shape[0]:
        return a
    m = a.shape[0] * 2
    while m < need:
        m *= 2
    b = np.empty(m, np.int32)
    b[:a.shape[0]] = a
    return b


@njit(cache=True, nogil=True)
def _alloc(pnext, st):
    e = st[ST_FREE]
    if e >= 0:
        st[ST_FREE] = pnext[e]
    else:
        e = st[ST_TOP]
        st[ST_TOP] = e + 1
    st[ST_LIVE] += 1
    return e


@njit(cache=True, nogil=True)
def _enqueue(pnode, pnext, head, st, v, q):
    """Puts node ``v`` at the head of ring slot ``q`` (the pool must have room)."""
    k = _alloc(pnext, st)
    pnode[k] = v
    pnext[k] = head[q]
    head[q] = k


@njit(cache=True, nogil=True)
def _bucket_of(val, base, inv_delta, cur, B):
    b = np.int64((val - base) * inv_delta)
    if b < cur:
        b = cur
    if b > cur + B - 1:
        b = cur + B - 1
    return b


@njit(cache=True, nogil=True)
def _cell(fric, u, rows, cols, R):
    """Friction (float64), row and column of cell ``u``, and whether it lies ``R`` or more cells inside the grid
    (then no move leaves the grid)."""
    r = u // cols
    c = u - r * cols
    return np.float64(fric[u]), r, c, r >= R and r < rows - R and c >= R and c < cols - R


@njit(cache=True, nogil=True)
def _neighbour(u, r, c, interior, m, moff, mdr, mdc, rows, cols):
    """The cell move ``m`` reaches from cell ``u`` (at row r, column c), or -1 if it leaves the grid."""
    if not interior:
        r2 = r + mdr[m]
        c2 = c + mdc[m]
        if r2 < 0 or r2 >= rows or c2 < 0 or c2 >= cols:
            return -1
    return u + moff[m]


@njit(cache=True, nogil=True)
def _weight(fric, u, v, fu, m, mcoef, mkn, mi1, mi2):
    """Cost of move ``m`` from ``u`` (friction ``fu``) to ``v``: the operations of :func:`._model.edge_coefficients`."""
    if mkn[m]:
        return mcoef[m] * (fu + np.float64(fric[v]) + np.float64(fric[u + mi1[m]]) + np.float64(fric[u + mi2[m]]))
    return mcoef[m] * (fu + np.float64(fric[v]))


@njit(cache=True, nogil=True)
def run_single(fric, cols, d, lab, qb, pnode, pnext, head, st,
               moff, mdr, mdc, mi1, mi2, mcoef, mkn, base, inv_delta, max_cost, budget,
               tflag, tnodes, tdone, touched, track, sort=True):
    """Single-label bucket queue: nearest cost ``d`` and label ``lab`` (flat arrays).

    ``tflag`` (int8 per cell, or size 0) / ``tnodes`` (sorted unique target cells) / ``tdone`` enable the
    early stop once all targets are final; ``track`` records every cell given a finite cost in ``touched``
    (used to reset ``d`` cheaply between single-source runs).
    Returns the (possibly grown) pool and touched arrays.
    """
    n = fric.shape[0]
    rows = n // cols
    B = head.shape[0]
    K = moff.shape[0]
    R = 2 if K > 8 else 1
    use_t = tnodes.shape[0] > 0
    work = 0
    buf = np.empty(4096, np.int32)
    while st[ST_LIVE] > 0:
        cur = st[ST_CUR]
        p = cur % B
        h = head[p]
        if h < 0:
            # bucket finished: every node processed so far is final
            if use_t and st[ST_LEFT] == 0:
                break
            st[ST_CUR] = cur + 1
            continue
        if work >= budget:
            break
        head[p] = -1
        # gather the bucket (freeing its entries), then visit it in memory order: cells of one bucket are
        # independent (all final), and sorted order turns random access along the front into sweeps
        cnt = 0
        e = h
        free = st[ST_FREE]
        while e >= 0:
            u = pnode[e]
            nxt = pnext[e]
            if qb[u] == p:
                if cnt == buf.shape[0]:
                    buf = _grow_i32(buf, cnt + 1)
                buf[cnt] = u
                cnt += 1
            pnext[e] = free
            free = e
            st[ST_LIVE] -= 1
            e = nxt
        st[ST_FREE] = free
        if sort and cnt > 32:
            buf[:cnt].sort()
        for ii in range(cnt):
            u = buf[ii]
            if qb[u] != p:
                continue
            if work >= budget:
                # chunk used up in the middle of a (big) bucket: put the rest back, resume next call
                for jj in range(ii, cnt):
                    _enqueue(pnode, pnext, head, st, buf[jj], p)
                break
            du = d[u]
            bu = np.int64((du - base) * inv_delta)
            if bu > cur:
                # parked beyond a capped ring: re-bucket
                b = _bucket_of(du, base, inv_delta, cur, B)
                q = b % B
                qb[u] = q
                k = _alloc(pnext, st)
                if k >= pnode.shape[0]:
                    pnode = _grow_i32(pnode, k + 1)
                    pnext = _grow_i32(pnext, k + 1)
                pnode[k] = u
                pnext[k] = head[q]
                head[q] = k
                continue
            qb[u] = -1
            work += 1
            # room for K pushes and K touched cells
            need = st[ST_TOP] + K + 1
            if need > pnode.shape[0]:
                pnode = _grow_i32(pnode, need)
                pnext = _grow_i32(pnext, need)
            if track and st[ST_TOUCH] + K + 1 > touched.shape[0]:
                touched = _grow_i32(touched, st[ST_TOUCH] + K + 1)
            if use_t and tflag[u] != 0:
                j = np.searchsorted(tnodes, u)
                if not tdone[j]:
                    tdone[j] = True
                    st[ST_LEFT] -= 1
            lu = lab[u]
            fu, r, c, interior = _cell(fric, u, rows, cols, R)
            for m in range(K):
                v = _neighbour(u, r, c, interior, m, moff, mdr, mdc, rows, cols)
                if v < 0:
                    continue
                dv = d[v]
                if dv <= du:
                    continue
                nd = du + _weight(fric, u, v, fu, m, mcoef, mkn, mi1, mi2)
                if nd < dv and nd <= max_cost:
                    if track and dv == np.inf:
                        touched[st[ST_TOUCH]] = v
                        st[ST_TOUCH] += 1
                    d[v] = nd
                    lab[v] = lu
                    b = _bucket_of(nd, base, inv_delta, cur, B)
                    q = b % B
                    if qb[v] != q:
                        qb[v] = q
                        _enqueue(pnode, pnext, head, st, v, q)
    st[ST_WORK] += work
    if st[ST_LIVE] == 0 or (use_t and st[ST_LEFT] == 0 and head[st[ST_CUR] % B] < 0):
        st[ST_DONE] = 1
    return pnode, pnext, touched


@njit(cache=True, nogil=True)
def seed_single(d, lab, qb, pnode, pnext, head, st, src_idx, src_off, base, inv_delta, max_cost,
                touched, track):
    """Queue the sources (first source wins a tie on the same cell)."""
    B = head.shape[0]
    cur = st[ST_CUR]
    for s in range(src_idx.shape[0]):
        node = src_idx[s]
        off = src_off[s]
        if not (off <= max_cost) or not (off < d[node]):
            continue
        if track and d[node] == np.inf:
            touched[st[ST_TOUCH]] = node
            st[ST_TOUCH] += 1
        d[node] = off
        lab[node] = s
        q = _bucket_of(off, base, inv_delta, cur, B) % B
        if qb[node] != q:
            qb[node] = q
            _enqueue(pnode, pnext, head, st, node, q)


@njit(cache=True, nogil=True)
def _offer2(v, nd, lb, d1, l1, d2, l2, q1, q2, plab, pnode, pnext, head, st, q):
    """Offer cost ``nd`` from label ``lb`` to cell ``v``; keep the best two distinct labels; queue."""
    slot = -1
    if l1[v] == lb:
        if nd < d1[v]:
            d1[v] = nd
            slot = 0
    elif l2[v] == lb:
        if nd < d2[v]:
            if nd < d1[v]:
                t = q2[v]
                d2[v] = d1[v]
                l2[v] = l1[v]
                q2[v] = q1[v]
                d1[v] = nd
                l1[v] = lb
                q1[v] = t
                slot = 0
            else:
                d2[v] = nd
                slot = 1
    elif nd < d1[v]:
        d2[v] = d1[v]
        l2[v] = l1[v]
        q2[v] = q1[v]
        d1[v] = nd
        l1[v] = lb
        q1[v] = -1
        slot = 0
    elif nd < d2[v]:
        d2[v] = nd
        l2[v] = lb
        q2[v] = -1
        slot = 1
    if slot == 0:
        if q1[v] == q:
            return
        q1[v] = q
    elif slot == 1:
        if q2[v] == q:
            return
        q2[v] = q
    else:
        return
    k = _alloc(pnext, st)
    pnode[k] = v
    plab[k] = lb
    pnext[k] = head[q]
    head[q] = k


@njit(cache=True, nogil=True)
def seed_second(d1, l1, d2, l2, q1, q2, pnode, plab, pnext, head, st, src_idx, src_off, base, inv_delta,
                max_cost):
    B = head.shape[0]
    cur = st[ST_CUR]
    for s in range(src_idx.shape[0]):
        off = src_off[s]
        if not (off <= max_cost):
            continue
        q = _bucket_of(off, base, inv_delta, cur, B) % B
        _offer2(src_idx[s], off, s, d1, l1, d2, l2, q1, q2, plab, pnode, pnext, head, st, q)


@njit(cache=True, nogil=True)
def run_second(fric, cols, d1, l1, d2, l2, q1, q2, pnode, plab, pnext, head, st,
               moff, mdr, mdc, mi1, mi2, mcoef, mkn, base, inv_delta, max_cost, budget):
    """Two-label bucket queue: best and second-best cost of *distinct* sources (label-correcting top-2,
    processed in bucket order, so each (cell, label) pair is final when popped)."""
    n = fric.shape[0]
    rows = n // cols
    B = head.shape[0]
    K = moff.shape[0]
    R = 2 if K > 8 else 1
    work = 0
    while st[ST_LIVE] > 0:
        cur = st[ST_CUR]
        p = cur % B
        h = head[p]
        if h < 0:
            st[ST_CUR] = cur + 1
            continue
        if work >= budget:
            break
        head[p] = -1
        e = h
        while e >= 0:
            u = pnode[e]
            lb = plab[e]
            nxt = pnext[e]
            pnext[e] = st[ST_FREE]
            st[ST_FREE] = e
            st[ST_LIVE] -= 1
            e = nxt
            if l1[u] == lb:
                if q1[u] != p:
                    continue
                val = d1[u]
                slot = 0
            elif l2[u] == lb:
                if q2[u] != p:
                    continue
                val = d2[u]
                slot = 1
            else:
                continue
            need = st[ST_TOP] + K + 1
            if need > pnode.shape[0]:
                pnode = _grow_i32(pnode, need)
                plab = _grow_i32(plab, need)
                pnext = _grow_i32(pnext, need)
            bu = np.int64((val - base) * inv_delta)
            if bu > cur:
                b = _bucket_of(val, base, inv_delta, cur, B)
                q = b % B
                if slot == 0:
                    q1[u] = q
                else:
                    q2[u] = q
                k = _alloc(pnext, st)
                pnode[k] = u
                plab[k] = lb
                pnext[k] = head[q]
                head[q] = k
                continue
            if slot == 0:
                q1[u] = -1
            else:
                q2[u] = -1
            work += 1
            fu, r, c, interior = _cell(fric, u, rows, cols, R)
            for m in range(K):
                v = _neighbour(u, r, c, interior, m, moff, mdr, mdc, rows, cols)
                if v < 0:
                    continue
                if d2[v] <= val:
                    continue
                nd = val + _weight(fric, u, v, fu, m, mcoef, mkn, mi1, mi2)
                if not (nd <= max_cost):
                    continue
                q = _bucket_of(nd, base, inv_delta, cur, B) % B
                _offer2(v, nd, lb, d1, l1, d2, l2, q1, q2, plab, pnode, pnext, head, st, q)
    st[ST_WORK] += work
    if st[ST_LIVE] == 0:
        st[ST_DONE] = 1
    return pnode, plab, pnext


@njit(cache=True, nogil=True)
def reset_touched(d, qb, touched, count):
    for i in range(count):
        v = touched[i]
        d[v] = np.inf
        qb[v] = -1


@njit(cache=True, nogil=True)
def finish_single(d, lab, out):
    """float64 costs -> float32 output; labels of unreachable cells -1."""
    for i in range(d.shape[0]):
        x = d[i]
        out[i] = np.float32(x)
        if x == np.inf:
            lab[i] = -1
