"""Private Numba kernels of :mod:`.standby` (coverage sets and swap search). Call through :mod:`.standby`.

* :func:`covered_demand` -- one cut-off single-source Dijkstra (binary heap, the graph and float64 edge
  arithmetic of :func:`._model.edge_coefficients`) that lists the demand cells it settles within ``max_cost``.
  Work arrays are reused between runs (only touched cells are reset), so a run costs what its cut-off
  region costs, not the grid size; ``nogil=True`` lets driver threads run several in parallel.
* :func:`best_swap` -- best 1-exchange (drop one chosen set, add one unchosen) of a maximal covering
  solution, using the candidate -> cells CSR and its transpose (cells -> candidates); what a swap leaves
  unchanged is kept between calls (:func:`swap_forget` drops the rest).
"""
import numpy as np
from numba import njit

from ._heap import pop as _pop, push_grow as _push


@njit(cache=True, nogil=True)
def _doubled(a):
    """A copy of the full work array ``a`` with twice the room."""
    b = np.empty(2 * a.shape[0], a.dtype)
    b[:a.shape[0]] = a
    return b


@njit(cache=True, nogil=True)
def covered_demand(fflat, rows, cols, src, max_cost, moves, coef, dem_idx, dist, touched, hk, hn, out):
    """Demand indices (``dem_idx[cell] >= 0``) of the cells within ``max_cost`` of cell ``src``.

    ``dist`` (float64, n, all inf on entry and on return) and ``touched`` / ``hk`` / ``hn`` / ``out`` are
    work buffers (grown as needed). Returns (count, out, touched, hk, hn)."""
    ntouch = 0
    nout = 0
    size = 0
    K = moves.shape[0]
    if not (fflat[src] < np.inf):
        return 0, out, touched, hk, hn
    dist[src] = 0.0
    touched[0] = src
    ntouch = 1
    hk, hn, size = _push(hk, hn, size, 0.0, src)
    while size > 0:
        d, node, size = _pop(hk, hn, size)
        if d > dist[node]:
            continue
        # settled (a node is popped at its final cost first; later copies have larger keys)
        if dist[node] < 0.0:
            continue
        j = dem_idx[node]
        if j >= 0:
            if nout == out.shape[0]:
                out = _doubled(out)
            out[nout] = j
            nout += 1
        r = node // cols
        c = node - r * cols
        fa = np.float64(fflat[node])
        for m in range(K):
            r2 = r + moves[m, 0]
            c2 = c + moves[m, 1]
            if r2 < 0 or r2 >= rows or c2 < 0 or c2 >= cols:
                continue
            v = r2 * cols + c2
            fb = np.float64(fflat[v])
            if moves[m, 2] == 0:
                w = coef[m] * (fa + fb)
            else:
                f1 = np.float64(fflat[(r + moves[m, 3]) * cols + c + moves[m, 4]])
                f2 = np.float64(fflat[(r + moves[m, 5]) * cols + c + moves[m, 6]])
                w = coef[m] * (fa + fb + f1 + f2)
            if not (w < np.inf):
                continue
            nd = d + w
            if nd > max_cost:
                continue
            dv = dist[v]
            if dv < 0.0 or nd >= dv:
                continue
            if dv == np.inf:
                if ntouch == touched.shape[0]:
                    touched = _doubled(touched)
                touched[ntouch] = v
                ntouch += 1
            dist[v] = nd
            hk, hn, size = _push(hk, hn, size, nd, v)
        dist[node] = -1.0 - d  # mark settled (negative), keeps nothing else to reset
    for i in range(ntouch):
        dist[touched[i]] = np.inf
    return nout, out, touched, hk, hn


@njit(cache=True)
def _gain(indptr, indices, w, cnt, j):
    """Weight of the uncovered (``cnt == 0``) cells of set j."""
    s = 0.0
    for p in range(indptr[j], indptr[j + 1]):
        d = indices[p]
        if cnt[d] == 0:
            s += w[d]
    return s


@njit(cache=True)
def best_swap(indptr, indices, tptr, tcand, w, cnt, selected, removable, base, base_ok, row, loss, extra, row_ok):
    """Best exchange: drop one ``removable`` set, add one unselected set.

    ``cnt[d]`` is how many selected sets cover cell d. Returns (delta, drop, add); delta is the change of
    covered weight (<= 0 with drop = add = -1 when no exchange is possible); ties: the first drop, then the
    first add, in index order.

    Cached between calls (see :func:`swap_forget`): ``base[j]`` (valid where ``base_ok[j]``), the weight of
    the uncovered cells of set j (:func:`_gain`); for the removable set i in row ``row[i]``: ``loss[i]``, the
    weight of the cells only i covers, and ``extra[row[i], j]``, the part of it set j would win back (valid where
    ``row_ok[i]``). Each is recomputed with the same operations in the same order as from scratch, so the
    result is the same, bit for bit, as without the cache."""
    n = indptr.shape[0] - 1
    for j in range(n):
        if not base_ok[j]:
            base[j] = _gain(indptr, indices, w, cnt, j)
            base_ok[j] = True
    best = -np.inf
    bi = -1
    bj = -1
    for i in range(n):
        if not removable[i]:
            continue
        r = row[i]
        if not row_ok[i]:
            # cells only i covers: dropping i uncovers them, and any j covering them wins them back
            for j in range(n):
                extra[r, j] = 0.0
            li = 0.0
            for p in range(indptr[i], indptr[i + 1]):
                d = indices[p]
                if cnt[d] == 1:
                    li += w[d]
                    for q in range(tptr[d], tptr[d + 1]):
                        extra[r, tcand[q]] += w[d]
            loss[i] = li
            row_ok[i] = True
        li = loss[i]
        for j in range(n):
            if selected[j]:
                continue
            delta = base[j] + extra[r, j] - li
            if delta > best:
                best = delta
                bi = i
                bj = j
    return best, bi, bj


@njit(cache=True)
def swap_forget(indptr, indices, tptr, tcand, i, j, base_ok, row_ok):
    """After exchanging set i for set j (their cells' counts changed): forget the cached values of
    :func:`best_swap` that read those cells, i.e. of every set that shares a cell with i or j."""
    for s in (i, j):
        for p in range(indptr[s], indptr[s + 1]):
            d = indices[p]
            for q in range(tptr[d], tptr[d + 1]):
                base_ok[tcand[q]] = False
                row_ok[tcand[q]] = False
