"""Private Numba kernels of the threaded tiled method (see :func:`.engine._cost_distance_tiled2`).

The grid is split at tile-row boundaries into horizontal strips ("halves" below: the same holds at every
boundary between two neighbouring strips). Each half is solved by the
unchanged tile kernels of :mod:`._tiled_kernels` on its *own* padded cost / label arrays (its own tile
heap): the 2 padded rows beyond the split are *ghost rows*, copies of the other half's 2 rows next to the
split (real friction, read-only to this half; the friction is shared, read-only). The tile kernels never
write outside the half's tiles, and a change of a tile's border towards the split is dropped by their
``_flush`` (no tile there). So the two halves share no written memory and run in parallel threads without
any synchronisation; between rounds (both threads stopped) :func:`exchange` copies the other half's rows
next to the split into the ghost rows where they got cheaper, and makes the tiles next to them dirty exactly
as :func:`._tiled_kernels._flush` would have. At the end both heaps are empty and no ghost cell differs from
its owner: every edge of the grid is satisfied (edges across the split are pulled by the half owning their
head, from its ghost rows), so the costs are the least fixed point = the reference result, bit for bit.
Labels travel with costs (copied together while both threads are stopped).
"""
import numpy as np
from numba import njit

from ._heap import pop as _hpop, push as _hpush
from ._tiled_kernels import ST_HEAP, _widen



@njit(cache=True, nogil=True)
def min_key(hk, ht, tkey, st):
    """Smallest live key of a half's heap (inf if none); drops stale entries from the top."""
    while st[ST_HEAP] > 0:
        if hk[0] == tkey[ht[0]]:
            return hk[0]
        _k, _t, size = _hpop(hk, ht, st[ST_HEAP])
        st[ST_HEAP] = size
    return np.inf


@njit(cache=True, nogil=True)
def exchange(dsrc, lsrc, soff, ddst, ldst, doff, P, cols, T, ntc, trow, kdir, tkey, tdirt, hk, ht, st):
    """Ghost rows ``ddst[doff + i * P + 2 + j]`` (i = 0, 1) <- owner rows ``dsrc[soff + ...]`` where cheaper;
    each changed cell makes the tiles of tile row ``trow`` within reach (2 columns) dirty: key its cost,
    dirty range ``kdir`` (D_TOP / D_BOT) widened by its column in the tile's coordinates. Returns the number
    of cells changed."""
    kmin = np.full(ntc, np.inf)
    n = 0
    for i in range(2):
        for j in range(cols):
            s = soff + i * P + 2 + j
            v = doff + i * P + 2 + j
            x = dsrc[s]
            if x < ddst[v]:
                ddst[v] = x
                ldst[v] = lsrc[s]
                n += 1
                for tc in range(max(0, (j - 2) // T), min(ntc - 1, (j + 2) // T) + 1):
                    t = trow * ntc + tc
                    y = j - tc * T
                    _widen(tdirt, t, kdir, y, y)
                    if x < kmin[tc]:
                        kmin[tc] = x
    for tc in range(ntc):
        x = kmin[tc]
        if x < np.inf:
            t = trow * ntc + tc
            if x < tkey[t]:
                tkey[t] = x
                st[ST_HEAP] = _hpush(hk, ht, st[ST_HEAP], x, t)
    return n
