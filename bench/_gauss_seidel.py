"""Benchmark-only candidate: global Gauss-Seidel sweeping on the engine's graph (issue #3: "Gauss-Seidel
sweeping ... deserves a measurement").

Every cell pulls from all its neighbours (8 or 16), d[v] = min(d[v], d[u] + w(u, v)), in the four diagonal
raster orders (top-left to bottom-right, top-right to bottom-left, bottom-left to top-right, bottom-right to
top-left), and rounds of four sweeps repeat until one changes nothing. The edge cost is computed exactly as
the reference Dijkstra's ``_edge`` (``tests/_dijkstra.py``) does for the move ``u -> v`` (same operand order), so
the fixed point is the engine's result bit for bit. Not used by the plugin: see bench/README.md for why.
"""
import numpy as np
from numba import njit

from drivetime_equity.core.costdist import move_set


@njit(cache=True)
def _pull(f, d, lab, r, c, moves, coef):
    """Pull cell (r, c) from all its neighbours; True if it got cheaper."""
    rows, cols = f.shape
    fb = np.float64(f[r, c])
    if not np.isfinite(fb):
        return False
    best = d[r, c]
    bl = lab[r, c]
    for m in range(moves.shape[0]):
        ur = r - moves[m, 0]
        uc = c - moves[m, 1]
        if ur < 0 or ur >= rows or uc < 0 or uc >= cols:
            continue
        du = d[ur, uc]
        if not (du < best):
            continue
        fa = np.float64(f[ur, uc])
        if moves[m, 2] == 0:
            w = coef[m] * (fa + fb)
        else:
            f1 = np.float64(f[ur + moves[m, 3], uc + moves[m, 4]])
            f2 = np.float64(f[ur + moves[m, 5], uc + moves[m, 6]])
            w = coef[m] * (fa + fb + f1 + f2)
        x = du + w
        if x < best:
            best = x
            bl = lab[ur, uc]
    if best < d[r, c]:
        d[r, c] = best
        lab[r, c] = bl
        return True
    return False


@njit(cache=True)
def _sweep(f, d, lab, moves, coef, flip_r, flip_c):
    rows, cols = f.shape
    changed = 0
    for ii in range(rows):
        r = rows - 1 - ii if flip_r else ii
        for jj in range(cols):
            c = cols - 1 - jj if flip_c else jj
            if _pull(f, d, lab, r, c, moves, coef):
                changed += 1
    return changed


@njit(cache=True)
def _solve(f, d, lab, moves, coef, max_rounds):
    rounds = 0
    while rounds < max_rounds:
        rounds += 1
        changed = 0
        changed += _sweep(f, d, lab, moves, coef, False, False)
        changed += _sweep(f, d, lab, moves, coef, False, True)
        changed += _sweep(f, d, lab, moves, coef, True, False)
        changed += _sweep(f, d, lab, moves, coef, True, True)
        if changed == 0:
            break
    return rounds


def sweep_cost_distance(friction, cell_size, sources_rc, offsets=None, neighbours=16, max_rounds=10_000):
    """Multi-source accumulated cost by Gauss-Seidel sweeping. ``friction``: minutes per metre (float32,
    non-finite = impassable); returns (float32 costs with inf where unreachable, int32 nearest-source index,
    number of rounds of four sweeps, the last of which changed nothing)."""
    f = np.ascontiguousarray(friction, dtype=np.float32)
    moves, lens = move_set(neighbours)
    # coefficient as in the reference _edge (tests/_dijkstra.py): cs * len * 0.5 (0.25 for knight's moves), then
    # times the sum
    coef = np.array([cell_size * lens[m] * (0.25 if moves[m, 2] else 0.5) for m in range(len(lens))])
    src = np.asarray(sources_rc, np.int64).reshape(-1, 2)
    off = np.zeros(len(src)) if offsets is None else np.asarray(offsets, np.float64)
    d = np.full(f.shape, np.inf)
    lab = np.full(f.shape, -1, np.int32)
    for s, (r, c) in enumerate(src):
        if np.isfinite(f[r, c]) and off[s] < d[r, c]:
            d[r, c] = off[s]
            lab[r, c] = s
    rounds = _solve(f, d, lab, moves, coef, max_rounds)
    return d.astype(np.float32), lab, int(rounds)
