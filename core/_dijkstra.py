"""Reference Numba kernels: a plain binary-heap Dijkstra on the raster graph.

Correct and simple, used as the engine of last resort and as an independent check of the fast engine.
Private module: call through :mod:`.costdist`.
"""
import numpy as np
from numba import njit


@njit(cache=True)
def _heap_push(hk, hn, hl, size, key, node, lab):
    if size == hk.shape[0]:
        nk = np.empty(2 * size, hk.dtype)
        nn = np.empty(2 * size, hn.dtype)
        nl = np.empty(2 * size, hl.dtype)
        nk[:size] = hk
        nn[:size] = hn
        nl[:size] = hl
        hk, hn, hl = nk, nn, nl
    i = size
    while i > 0:
        p = (i - 1) >> 1
        if hk[p] <= key:
            break
        hk[i] = hk[p]
        hn[i] = hn[p]
        hl[i] = hl[p]
        i = p
    hk[i] = key
    hn[i] = node
    hl[i] = lab
    return hk, hn, hl, size + 1


@njit(cache=True)
def _heap_pop(hk, hn, hl, size):
    key = hk[0]
    node = hn[0]
    lab = hl[0]
    size -= 1
    k = hk[size]
    n = hn[size]
    lb = hl[size]
    i = 0
    while True:
        c = 2 * i + 1
        if c >= size:
            break
        if c + 1 < size and hk[c + 1] < hk[c]:
            c += 1
        if hk[c] >= k:
            break
        hk[i] = hk[c]
        hn[i] = hn[c]
        hl[i] = hl[c]
        i = c
    if size > 0:
        hk[i] = k
        hn[i] = n
        hl[i] = lb
    return key, node, lab, size


@njit(cache=True)
def _edge(fric, cs, r, c, m, moves, lens):
    """Cost of move m from cell (r, c); inf if it leaves the grid or touches an impassable cell."""
    rows, cols = fric.shape
    dr = moves[m, 0]
    dc = moves[m, 1]
    r2 = r + dr
    c2 = c + dc
    if r2 < 0 or r2 >= rows or c2 < 0 or c2 >= cols:
        return np.inf, r2, c2
    fa = fric[r, c]
    fb = fric[r2, c2]
    if moves[m, 2] == 0:
        w = cs * lens[m] * 0.5 * (np.float64(fa) + np.float64(fb))
    else:
        f1 = fric[r + moves[m, 3], c + moves[m, 4]]
        f2 = fric[r + moves[m, 5], c + moves[m, 6]]
        w = cs * lens[m] * 0.25 * (np.float64(fa) + np.float64(fb) + np.float64(f1) + np.float64(f2))
    return w, r2, c2


@njit(cache=True)
def dijkstra_multi(fric, cs, src_idx, src_off, max_cost, moves, lens, want_second):
    """Multi-source Dijkstra; returns best cost / label and (optionally) second-best of another label.

    Labels are source indices 0..n-1. Costs are float64, inf where unreachable.
    """
    rows, cols = fric.shape
    n = rows * cols
    d1 = np.full(n, np.inf)
    l1 = np.full(n, -1, np.int32)
    d2 = np.full(n, np.inf)
    l2 = np.full(n, -1, np.int32)
    nset = np.zeros(n, np.int8)
    need = 2 if want_second else 1
    hk = np.empty(1024, np.float64)
    hn = np.empty(1024, np.int64)
    hl = np.empty(1024, np.int32)
    size = 0
    for s in range(src_idx.shape[0]):
        node = src_idx[s]
        off = src_off[s]
        if off > max_cost:
            continue
        # keep the tentative best two distinct labels
        if off < d1[node]:
            if l1[node] != s:
                d2[node] = d1[node]
                l2[node] = l1[node]
            d1[node] = off
            l1[node] = s
        elif l1[node] != s and off < d2[node]:
            d2[node] = off
            l2[node] = s
        hk, hn, hl, size = _heap_push(hk, hn, hl, size, off, node, s)
    # settled[label slot]: nset counts settled labels; settled labels are l1 (first), then l2.
    while size > 0:
        d, node, lab, size = _heap_pop(hk, hn, hl, size)
        k = nset[node]
        if k >= need:
            continue
        if k == 0:
            if lab == l2[node] and d == d2[node] and d2[node] == d1[node]:
                # tie between the two labels: settle this one first (swap slots) instead of dropping it
                l2[node] = l1[node]
                l1[node] = lab
            elif lab != l1[node] or d > d1[node]:
                continue
        else:
            if lab != l2[node] or d > d2[node]:
                continue
        nset[node] = k + 1
        r = node // cols
        c = node - r * cols
        for m in range(moves.shape[0]):
            w, r2, c2 = _edge(fric, cs, r, c, m, moves, lens)
            if not (w < np.inf):
                continue
            v = r2 * cols + c2
            kv = nset[v]
            if kv >= need:
                continue
            nd = d + w
            if nd > max_cost:
                continue
            if kv == 1 and l1[v] == lab:
                continue
            pushed = False
            if kv == 0:
                if lab == l1[v]:
                    if nd < d1[v]:
                        d1[v] = nd
                        pushed = True
                elif lab == l2[v]:
                    if nd < d2[v]:
                        if nd < d1[v]:
                            d2[v] = d1[v]
                            l2[v] = l1[v]
                            d1[v] = nd
                            l1[v] = lab
                        else:
                            d2[v] = nd
                        pushed = True
                elif nd < d1[v]:
                    d2[v] = d1[v]
                    l2[v] = l1[v]
                    d1[v] = nd
                    l1[v] = lab
                    pushed = True
                elif nd < d2[v]:
                    d2[v] = nd
                    l2[v] = lab
                    pushed = True
            else:
                if nd < d2[v] and l1[v] != lab:
                    d2[v] = nd
                    l2[v] = lab
                    pushed = True
            if pushed:
                hk, hn, hl, size = _heap_push(hk, hn, hl, size, nd, v, lab)
    # unsettled tentative values beyond the cut-off never happen (we never push > max_cost)
    for i in range(n):
        if nset[i] < 1:
            d1[i] = np.inf
            l1[i] = -1
        if nset[i] < 2:
            d2[i] = np.inf
            l2[i] = -1
    return d1.reshape(rows, cols), l1.reshape(rows, cols), d2.reshape(rows, cols), l2.reshape(rows, cols)


@njit(cache=True)
def dijkstra_targets(fric, cs, src, targets, max_cost, moves, lens):
    """Single-source Dijkstra that stops once every target cell is settled; returns their costs."""
    rows, cols = fric.shape
    n = rows * cols
    dist = np.full(n, np.inf)
    done = np.zeros(n, np.bool_)
    is_t = np.zeros(n, np.int32)
    for t in range(targets.shape[0]):
        is_t[targets[t]] += 1
    left = targets.shape[0]
    hk = np.empty(1024, np.float64)
    hn = np.empty(1024, np.int64)
    hl = np.empty(1024, np.int32)
    size = 0
    dist[src] = 0.0
    hk, hn, hl, size = _heap_push(hk, hn, hl, size, 0.0, src, 0)
    while size > 0 and left > 0:
        d, node, lab, size = _heap_pop(hk, hn, hl, size)
        if done[node] or d > dist[node]:
            continue
        done[node] = True
        left -= is_t[node]
        r = node // cols
        c = node - r * cols
        for m in range(moves.shape[0]):
            w, r2, c2 = _edge(fric, cs, r, c, m, moves, lens)
            if not (w < np.inf):
                continue
            v = r2 * cols + c2
            nd = d + w
            if done[v] or nd > max_cost or nd >= dist[v]:
                continue
            dist[v] = nd
            hk, hn, hl, size = _heap_push(hk, hn, hl, size, nd, v, 0)
    out = np.empty(targets.shape[0])
    for t in range(targets.shape[0]):
        out[t] = dist[targets[t]] if done[targets[t]] else np.inf
    return out
