"""Heap-based Dijkstra candidates against the default engine (issue #3: "a binary or 4-ary heap with
decrease-key ... deserve a measurement").

On the main benchmark grid (bench/_synth.py: 4000 x 4000, 25 m cells, road lattice, 20 sources), 8 or 16
neighbours, one run each:

* binary heap with lazy deletion (the reference kernel, ``core/_dijkstra.py``: a cell may sit in the heap
  several times);
* 4-ary heap with decrease-key (this file: one heap slot per cell, a position index per cell, int32);
* the default engine (tiled, two threads).

All three give the same costs (checked). Run:
PYTHONPATH=<dir holding drivetime_equity> /usr/bin/python3 -P bench/bench_heaps.py [--size N] [--neighbours 8]
"""
import argparse
import os
import sys
import time

import numpy as np
from numba import njit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _synth import make_friction, make_sources  # noqa: E402

CS = 25.0


@njit(cache=True)
def _sift_up(hk, hn, pos, i):
    k = hk[i]
    n = hn[i]
    while i > 0:
        p = (i - 1) >> 2
        if hk[p] <= k:
            break
        hk[i] = hk[p]
        hn[i] = hn[p]
        pos[hn[i]] = i
        i = p
    hk[i] = k
    hn[i] = n
    pos[n] = i


@njit(cache=True)
def _sift_down(hk, hn, pos, size, i):
    k = hk[i]
    n = hn[i]
    while True:
        c = 4 * i + 1
        if c >= size:
            break
        best = c
        end = min(c + 4, size)
        for j in range(c + 1, end):
            if hk[j] < hk[best]:
                best = j
        if hk[best] >= k:
            break
        hk[i] = hk[best]
        hn[i] = hn[best]
        pos[hn[i]] = i
        i = best
    hk[i] = k
    hn[i] = n
    pos[n] = i


@njit(cache=True)
def dijkstra_heap4(fric, cs, src_idx, src_off, moves, lens):
    """Multi-source Dijkstra with a 4-ary heap and decrease-key; the same edge arithmetic as
    ``core._dijkstra._edge``. Returns float64 costs (inf = unreachable)."""
    rows, cols = fric.shape
    n = rows * cols
    d = np.full(n, np.inf)
    pos = np.full(n, -1, np.int32)  # heap slot, -1 = never queued, -2 = settled
    hk = np.empty(n, np.float64)
    hn = np.empty(n, np.int32)
    size = 0
    for s in range(src_idx.shape[0]):
        v = src_idx[s]
        o = src_off[s]
        if o < d[v]:
            d[v] = o
            if pos[v] < 0:
                hk[size] = o
                hn[size] = v
                pos[v] = size
                size += 1
                _sift_up(hk, hn, pos, size - 1)
            else:
                hk[pos[v]] = o
                _sift_up(hk, hn, pos, pos[v])
    K = moves.shape[0]
    while size > 0:
        u = hn[0]
        du = hk[0]
        pos[u] = -2
        size -= 1
        if size > 0:
            hk[0] = hk[size]
            hn[0] = hn[size]
            pos[hn[0]] = 0
            _sift_down(hk, hn, pos, size, 0)
        r = u // cols
        c = u - r * cols
        fa = np.float64(fric[r, c])
        for m in range(K):
            r2 = r + moves[m, 0]
            c2 = c + moves[m, 1]
            if r2 < 0 or r2 >= rows or c2 < 0 or c2 >= cols:
                continue
            v = r2 * cols + c2
            if pos[v] == -2:
                continue
            fb = np.float64(fric[r2, c2])
            if moves[m, 2] == 0:
                w = cs * lens[m] * 0.5 * (fa + fb)
            else:
                f1 = fric[r + moves[m, 3], c + moves[m, 4]]
                f2 = fric[r + moves[m, 5], c + moves[m, 6]]
                w = cs * lens[m] * 0.25 * (fa + fb + np.float64(f1) + np.float64(f2))
            x = du + w
            if x < d[v]:
                d[v] = x
                if pos[v] == -1:
                    hk[size] = x
                    hn[size] = v
                    pos[v] = size
                    size += 1
                    _sift_up(hk, hn, pos, size - 1)
                else:
                    hk[pos[v]] = x
                    _sift_up(hk, hn, pos, pos[v])
    return d


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=int, default=4000)
    ap.add_argument("--sources", type=int, default=20)
    ap.add_argument("--neighbours", type=int, default=8, choices=(8, 16))
    args = ap.parse_args()
    from drivetime_equity.core import costdist, engine
    from drivetime_equity.core._dijkstra import dijkstra_multi

    f = make_friction(args.size)  # the grid of bench_engine.py
    src = make_sources(f, args.sources)
    idx = (src[:, 0] * f.shape[1] + src[:, 1]).astype(np.int64)
    off = np.zeros(len(src))
    moves, lens = costdist.move_set(args.neighbours)
    small = np.ascontiguousarray(f[:50, :50])
    small_src = np.array([[1, 1]], np.int64)
    # compile / load the cached kernels outside the timings
    dijkstra_heap4(small, CS, small_src[:, 0] * 50 + small_src[:, 1], np.zeros(1), moves, lens)
    dijkstra_multi(small, CS, small_src[:, 0] * 50 + small_src[:, 1], np.zeros(1), np.inf, moves, lens, False)
    engine.cost_distance(small, CS, small_src, np.zeros(1), np.inf, args.neighbours)

    print(f"{args.size} x {args.size} cells, {len(src)} sources, {args.neighbours} neighbours, one run each")
    t = time.perf_counter()
    ours = engine.cost_distance(f, CS, src, off, np.inf, args.neighbours, False).cost
    t_ours = time.perf_counter() - t
    t = time.perf_counter()
    d4 = dijkstra_heap4(f, CS, idx, off, moves, lens).astype(np.float32).reshape(f.shape)
    t_h4 = time.perf_counter() - t
    t = time.perf_counter()
    d2 = dijkstra_multi(f, CS, idx, off, np.inf, moves, lens, False)[0].astype(np.float32).reshape(f.shape)
    t_h2 = time.perf_counter() - t
    print(f"{'method':44s} {'wall s':>8s} {'vs default':>10s} {'= default':>9s}")
    for name, tt, arr in (("binary heap, lazy deletion (reference)", t_h2, d2),
                          ("4-ary heap, decrease-key", t_h4, d4),
                          ("default engine (tiled, two threads)", t_ours, ours)):
        print(f"{name:44s} {tt:8.2f} {tt / t_ours:9.1f}x {str(np.array_equal(arr, ours)):>9s}")


if __name__ == "__main__":
    main()
