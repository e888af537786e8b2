"""The reference: a plain binary-heap Dijkstra on the raster graph (Numba kernels), and the cost-distance calls
the tests and benchmarks make with it.

Correct and simple, written apart from the engine (no tiles, no buckets, its own edge arithmetic: the operations
and order of :func:`drivetime_equity.core.costdist.edge_coefficients`), so it is an independent check of the fast
engine, bit for bit. Test and benchmark code: it does not ship (the plugin runs :mod:`core.engine` only).
Importable as ``_dijkstra`` from every test (``tests/`` is on ``sys.path``) and from ``bench/`` (which puts it there).
"""
import numpy as np
from numba import njit

from drivetime_equity.core import Cancelled
from drivetime_equity.core._heap import pop as _heap_pop, push_grow as _heap_push
from drivetime_equity.core.costdist import (CostResult, check_friction, check_max_cost, check_run, check_sources,
                                            move_set)


@njit(cache=True)
def _edge(fric, cs, node, m, moves, lens):
    """Cost of move m from cell ``node`` (row-major index) and the index of the cell it reaches; cost inf if
    the move leaves the grid (index -1 then) or touches an impassable cell."""
    rows, cols = fric.shape
    r = node // cols
    c = node - r * cols
    r2 = r + moves[m, 0]
    c2 = c + moves[m, 1]
    if r2 < 0 or r2 >= rows or c2 < 0 or c2 >= cols:
        return np.inf, -1
    fa = fric[r, c]
    fb = fric[r2, c2]
    if moves[m, 2] == 0:
        w = cs * lens[m] * 0.5 * (np.float64(fa) + np.float64(fb))
    else:
        f1 = fric[r + moves[m, 3], c + moves[m, 4]]
        f2 = fric[r + moves[m, 5], c + moves[m, 6]]
        w = cs * lens[m] * 0.25 * (np.float64(fa) + np.float64(fb) + np.float64(f1) + np.float64(f2))
    return w, r2 * cols + c2


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
    hv = np.empty(1024, np.int64)  # heap values: label * n + node
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
        hk, hv, size = _heap_push(hk, hv, size, off, np.int64(s) * n + node)
    # settled[label slot]: nset counts settled labels; settled labels are l1 (first), then l2.
    while size > 0:
        d, val, size = _heap_pop(hk, hv, size)
        lab = val // n
        node = val - lab * n
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
        for m in range(moves.shape[0]):
            w, v = _edge(fric, cs, node, m, moves, lens)
            if not (w < np.inf):
                continue
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
                hk, hv, size = _heap_push(hk, hv, size, nd, np.int64(lab) * n + v)
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
    size = 0
    dist[src] = 0.0
    hk, hn, size = _heap_push(hk, hn, size, 0.0, src)
    while size > 0 and left > 0:
        d, node, size = _heap_pop(hk, hn, size)
        if done[node] or d > dist[node]:
            continue
        done[node] = True
        left -= is_t[node]
        for m in range(moves.shape[0]):
            w, v = _edge(fric, cs, node, m, moves, lens)
            if not (w < np.inf):
                continue
            nd = d + w
            if done[v] or nd > max_cost or nd >= dist[v]:
                continue
            dist[v] = nd
            hk, hn, size = _heap_push(hk, hn, size, nd, v)
    out = np.empty(targets.shape[0])
    for t in range(targets.shape[0]):
        out[t] = dist[targets[t]] if done[targets[t]] else np.inf
    return out


def cost_distance(friction, cell_size, sources_rc, offsets=None, max_cost=None, neighbours=16, want_nearest=True,
                  want_second=False, progress=None):
    """:func:`drivetime_equity.core.costdist.cost_distance`, computed by :func:`dijkstra_multi`."""
    f, src, off, mc = check_run(friction, sources_rc, offsets, max_cost)
    if progress is not None and progress(0.0):
        raise Cancelled()
    moves, lens = move_set(neighbours)
    idx = src[:, 0] * f.shape[1] + src[:, 1]
    d1, l1, d2, l2 = dijkstra_multi(f, float(cell_size), idx, off, mc, moves, lens, bool(want_second))
    if progress is not None and progress(1.0):
        raise Cancelled()
    res = CostResult(d1.astype(np.float32))
    if want_nearest:
        res.nearest = l1
    if want_second:
        res.second_cost = d2.astype(np.float32)
        res.second_nearest = l2
    return res


def travel_time_matrix(friction, cell_size, sources_rc, targets_rc=None, max_cost=None, neighbours=16,
                       progress=None):
    """:func:`drivetime_equity.core.costdist.travel_time_matrix`, computed by :func:`dijkstra_targets`."""
    f = check_friction(friction)
    src = check_sources(sources_rc, f.shape)
    tgt = src if targets_rc is None else check_sources(targets_rc, f.shape)
    mc = check_max_cost(max_cost)
    moves, lens = move_set(neighbours)
    tidx = tgt[:, 0] * f.shape[1] + tgt[:, 1]
    out = np.empty((src.shape[0], tgt.shape[0]))
    for i in range(src.shape[0]):
        if progress is not None and progress(i / src.shape[0]):
            raise Cancelled()
        out[i] = dijkstra_targets(f, float(cell_size), src[i, 0] * f.shape[1] + src[i, 1], tidx, mc, moves, lens)
    return out
