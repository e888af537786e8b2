"""Deterministic synthetic drive-time surface for the engine benchmark.

Land: smooth random speed field 4-15 km/h (bilinear up-sampled noise). Roads: a lattice of 60 km/h roads
every 40 cells (1 km at 25 m) and 110 km/h roads every 200 cells (5 km), slightly offset so they cross
land of all speeds. 0.2 % of cells impassable (random, also on roads). Friction = 0.06 / speed minutes per
metre, float32, inf = impassable. Sources: random passable cells.
"""
import numpy as np


def make_speed(size, seed=0):
    rng = np.random.default_rng(seed)
    k = max(2, size // 64 + 2)
    coarse = rng.random((k, k))
    # bilinear up-sampling, row by row to keep memory low on big grids
    x = np.linspace(0, k - 1, size)
    i0 = np.minimum(x.astype(np.int64), k - 2)
    t = x - i0
    cols_interp = coarse[:, i0] * (1 - t) + coarse[:, i0 + 1] * t  # (k, size)
    speed = np.empty((size, size), np.float32)
    for r0 in range(0, size, 1024):
        r1 = min(size, r0 + 1024)
        ii, tt = i0[r0:r1, None], t[r0:r1, None]
        blk = cols_interp[ii[:, 0]] * (1 - tt) + cols_interp[ii[:, 0] + 1] * tt
        speed[r0:r1] = 4.0 + 11.0 * blk
    speed[7::40, :] = 60.0
    speed[:, 13::40] = 60.0
    speed[101::200, :] = 110.0
    speed[:, 57::200] = 110.0
    n_block = int(0.002 * size * size)
    rr = rng.integers(0, size, n_block)
    cc = rng.integers(0, size, n_block)
    speed[rr, cc] = 0.0
    return speed


def make_friction(size, seed=0):
    speed = make_speed(size, seed)
    with np.errstate(divide="ignore"):
        f = np.where(speed > 0, np.float32(0.06) / speed, np.float32(np.inf)).astype(np.float32)
    return f


def make_sources(friction, n, seed=1):
    rng = np.random.default_rng(seed)
    size = friction.shape[0]
    out = []
    while len(out) < n:
        r, c = rng.integers(0, size, 2)
        if np.isfinite(friction[r, c]) and (r, c) not in out:
            out.append((int(r), int(c)))
    return np.array(out, dtype=np.int64)
