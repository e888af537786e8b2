"""Numba kernel of the calibration: the time each least-cost path spends in each speed group."""
import math

import numpy as np
from numba import njit


@njit(cache=True, nogil=True)
def trace_group_times(cost, f, grp, cs, moves, lens, starts_r, starts_c, n_groups, out):
    """Walk from each start cell down a cost field to its source (cost 0) and add up, per speed group,
    the time of every move on the way.

    ``cost``: float32 minutes from one source (inf = unreachable); ``f``: float32 friction (minutes per
    metre, inf = impassable); ``grp``: int8 speed group per cell (-1 impassable); ``moves``/``lens`` as
    :func:`..costdist.move_set`. The predecessor of a cell is the neighbour that minimises
    ``cost[nb] + edge`` among neighbours with a lower cost: the move Dijkstra settled it by. A move's time
    splits over its cells by their friction (half each; a quarter each of the four cells of a knight's
    move), so scaling one group's friction by *k* scales exactly that group's share: the path time is
    linear in the group factors for a fixed path. Writes ``out[i, g]`` (NaN where unreachable)."""
    rows, cols = cost.shape
    K = moves.shape[0]
    limit = rows * cols
    for i in range(starts_r.shape[0]):
        r = starts_r[i]
        c = starts_c[i]
        for g in range(n_groups):
            out[i, g] = 0.0
        if not (cost[r, c] < math.inf):
            for g in range(n_groups):
                out[i, g] = np.nan
            continue
        steps = 0
        while cost[r, c] > 0.0 and steps < limit:
            steps += 1
            here = cost[r, c]
            best = math.inf
            bm = -1
            for m in range(K):
                nr = r + moves[m, 0]
                nc = c + moves[m, 1]
                if nr < 0 or nr >= rows or nc < 0 or nc >= cols:
                    continue
                cn = cost[nr, nc]
                if not (cn < here):
                    continue
                fa = f[r, c]
                fb = f[nr, nc]
                if moves[m, 2] == 1:
                    fi = f[r + moves[m, 3], c + moves[m, 4]]
                    fj = f[r + moves[m, 5], c + moves[m, 6]]
                    if not (fi < math.inf and fj < math.inf):
                        continue
                    e = cs * lens[m] * (fa + fb + fi + fj) / 4.0
                else:
                    e = cs * lens[m] * (fa + fb) / 2.0
                if cn + e < best:
                    best = cn + e
                    bm = m
            if bm < 0:
                break
            nr = r + moves[bm, 0]
            nc = c + moves[bm, 1]
            if moves[bm, 2] == 1:
                w = cs * lens[bm] / 4.0
                ir = r + moves[bm, 3]
                ic = c + moves[bm, 4]
                jr = r + moves[bm, 5]
                jc = c + moves[bm, 6]
                out[i, grp[r, c]] += w * f[r, c]
                out[i, grp[nr, nc]] += w * f[nr, nc]
                out[i, grp[ir, ic]] += w * f[ir, ic]
                out[i, grp[jr, jc]] += w * f[jr, jc]
            else:
                w = cs * lens[bm] / 2.0
                out[i, grp[r, c]] += w * f[r, c]
                out[i, grp[nr, nc]] += w * f[nr, nc]
            r = nr
            c = nc
