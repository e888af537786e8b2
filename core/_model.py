"""The cell-graph model shared by :mod:`.costdist` (the public API) and :mod:`.engine` (the fast engine):
moves and their lengths, edge coefficients, speed to friction, the result container and the input checks.
See :mod:`.costdist` for the graph. Imports nothing else of the package, so both can import it."""
from dataclasses import dataclass
import math

import numpy as np

SQRT2 = math.sqrt(2.0)
SQRT5 = math.sqrt(5.0)


def move_set(neighbours):
    """Moves as an int array (K, 7): dr, dc, has_intermediates, i1r, i1c, i2r, i2c; and lengths (K,)."""
    if neighbours not in (4, 8, 16):
        raise ValueError("neighbours must be 4, 8 or 16")
    moves = [(-1, 0), (1, 0), (0, -1), (0, 1)]
    if neighbours >= 8:
        moves += [(-1, -1), (-1, 1), (1, -1), (1, 1)]
    if neighbours == 16:
        moves += [(-2, -1), (-2, 1), (2, -1), (2, 1), (-1, -2), (-1, 2), (1, -2), (1, 2)]
    rows = []
    lens = []
    for dr, dc in moves:
        if abs(dr) + abs(dc) == 3:
            if abs(dr) == 2:
                sr = 1 if dr > 0 else -1
                rows.append((dr, dc, 1, sr, 0, sr, dc))
            else:
                sc = 1 if dc > 0 else -1
                rows.append((dr, dc, 1, 0, sc, dr, sc))
            lens.append(SQRT5)
        else:
            rows.append((dr, dc, 0, 0, 0, 0, 0))
            lens.append(SQRT2 if dr and dc else 1.0)
    return np.array(rows, dtype=np.int64), np.array(lens, dtype=np.float64)


#: grids of at least this many cells convert in one compiled pass (:mod:`._model_kernels`), smaller ones in NumPy
#: (same bits either way)
FRICTION_KERNEL_CELLS = 1 << 20


def speed_to_friction(speed_kmh):
    """Speed (km/h) to friction (minutes per metre, float32). Speed <= 0 or NaN -> inf (impassable)."""
    s = np.asarray(speed_kmh)
    if s.size >= FRICTION_KERNEL_CELLS and s.dtype in (np.float32, np.float64):
        from ._model_kernels import speed_to_friction as kernel

        flat = np.ascontiguousarray(s).reshape(-1)
        out = np.empty(flat.shape[0], np.float32)
        kernel(flat, out)
        return out.reshape(s.shape)
    s = np.asarray(s, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        f = np.where(np.isfinite(s) & (s > 0), 0.06 / s, np.inf)
    return f.astype(np.float32)


@dataclass
class CostResult:
    """Result of :func:`.costdist.cost_distance`. Costs are float32 minutes, ``inf`` where unreachable; labels are
    source indices (int32, -1 where unreachable)."""

    cost: np.ndarray
    nearest: np.ndarray = None
    second_cost: np.ndarray = None
    second_nearest: np.ndarray = None


def check_friction(friction):
    """C-contiguous float32 friction with every non-finite or negative value as ``inf``. A clean float32
    C-contiguous input is returned as is (no copy; the engines never write to it); otherwise a cleaned copy
    (the caller's array is never modified). Checked in blocks: no full-size temporaries."""
    f = np.asarray(friction)
    if f.ndim != 2:
        raise ValueError("friction must be a 2-D array")
    f = np.ascontiguousarray(f, dtype=np.float32)  # a copy unless already float32 C-contiguous
    flat = f.reshape(-1)
    step = 1 << 22
    copied = not np.may_share_memory(f, friction) if isinstance(friction, np.ndarray) else True
    for i in range(0, flat.size, step):
        blk = flat[i:i + step]
        bad = ~(blk >= 0)  # NaN, negative, -inf (+inf = impassable is fine)
        if bad.any():
            if not copied:
                f = f.copy()
                flat = f.reshape(-1)
                blk = flat[i:i + step]
                copied = True
            blk[bad] = np.inf
    return f


def check_sources(sources_rc, shape):
    """``(N, 2)`` int64 rows/cols; raises ``ValueError`` if there are none or one lies outside ``shape``."""
    src = np.asarray(sources_rc, dtype=np.int64).reshape(-1, 2)
    if src.shape[0] == 0:
        raise ValueError("no sources")
    r, c = src[:, 0], src[:, 1]
    bad = (r < 0) | (r >= shape[0]) | (c < 0) | (c >= shape[1])
    if bad.any():
        raise ValueError(f"source(s) {np.flatnonzero(bad).tolist()} lie outside the grid")
    return src


def edge_coefficients(mv, lens, cs):
    """Per-move cost coefficient ``cs * len * 0.5`` (``* 0.25`` for knight's moves): an edge costs the
    coefficient times the sum of the frictions it spans (2 cells, or 4 for a knight's move), in the same float64
    operations as the reference Dijkstra's edge (``tests/_dijkstra.py``), so every engine's edge costs are
    bit-identical."""
    return np.array([cs * lens[m] * (0.25 if mv[m, 2] else 0.5) for m in range(mv.shape[0])], dtype=np.float64)


def check_max_cost(max_cost):
    """``max_cost`` as a float (``None`` -> inf); raises ``ValueError`` unless zero or positive."""
    mc = math.inf if max_cost is None else float(max_cost)
    if not mc >= 0:
        raise ValueError("max_cost must be zero or positive (or None for no cut-off)")
    return mc


def check_run(friction, sources_rc, offsets, max_cost):
    """The inputs of a multi-source run checked: friction (:func:`check_friction`), sources
    (:func:`check_sources`), offsets (float64, default 0, one per source) and the cut-off
    (:func:`check_max_cost`). Returns ``(f, src, off, max_cost)``."""
    f = check_friction(friction)
    src = check_sources(sources_rc, f.shape)
    off = np.zeros(src.shape[0]) if offsets is None else np.asarray(offsets, dtype=np.float64).reshape(-1)
    if off.shape[0] != src.shape[0]:
        raise ValueError("offsets and sources differ in length")
    return f, src, off, check_max_cost(max_cost)
