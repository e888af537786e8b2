"""Heap-based Dijkstra candidates against the default engine (issue #3: "a binary or 4-ary heap with
decrease-key ... deserve a measurement").

On the main benchmark grid (bench/_synth.py: 4000 x 4000, 25 m cells, road lattice, 20 sources), 8 or 16
neighbours, one run each:

* binary heap with lazy deletion (the tests' reference kernel, ``tests/_dijkstra.py``: a cell may sit in the
  heap several times);
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
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests"))
from _synth import make_friction, make_sources  # noqa: E402

from drivetime_equity.core import costdist, engine  # noqa: E402
from _dijkstra import _edge, dijkstra_multi  # noqa: E402  (the tests' reference Dijkstra)

CS = 25.0


@njit(cache=True)
def _put(hk, hn, pos, i, key, node):
    hk[i] = key
    hn[i] = node
    pos[node] = i


@njit(cache=True)
def _sift_up(hk, hn, pos, i):
    k = hk[i]
    n = hn[i]
    while i > 0:
        p = (i - 1) >> 2
        if hk[p] <= k:
            break
        _put(hk, hn, pos, i, hk[p], hn[p])
        i = p
    _put(hk, hn, pos, i, k, n)


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
        _put(hk, hn, pos, i, hk[best], hn[best])
        i = best
    _put(hk, hn, pos, i, k, n)


@njit(cache=True)
def _offer(hk, hn, pos, size, v, key):
    """Queues ``v`` with ``key``, or lowers its key if it is queued (decrease-key). Returns the heap size."""
    i = pos[v]
    if i < 0:
        i = size
        hn[i] = v
        size += 1
    hk[i] = key
    _sift_up(hk, hn, pos, i)
    return size


@njit(cache=True)
def dijkstra_heap4(fric, cs, src_idx, src_off, moves, lens):
    """Multi-source Dijkstra with a 4-ary heap and decrease-key; the edges of the reference kernel
    (``tests/_dijkstra.py``, ``_edge``). Returns float64 costs (inf = unreachable)."""
    rows, cols = fric.shape
    n = rows * cols
    d = np.full(n, np.inf)
    pos = np.full(n, -1, np.int32)  # heap slot, -1 = never queued, -2 = settled
    hk = np.empty(n, np.float64)
    hn = np.empty(n, np.int32)
    size = 0
    for s in range(src_idx.shape[0]):
        v = src_idx[s]
        if src_off[s] < d[v]:
            d[v] = src_off[s]
            size = _offer(hk, hn, pos, size, v, src_off[s])
    K = moves.shape[0]
    while size > 0:
        u = hn[0]
        du = hk[0]
        pos[u] = -2
        size -= 1
        if size > 0:
            _put(hk, hn, pos, 0, hk[size], hn[size])
            _sift_down(hk, hn, pos, size, 0)
        for m in range(K):
            w, v = _edge(fric, cs, u, m, moves, lens)
            if not (w < np.inf) or pos[v] == -2:
                continue
            x = du + w
            if x < d[v]:
                d[v] = x
                size = _offer(hk, hn, pos, size, v, x)
    return d


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=int, default=4000)
    ap.add_argument("--sources", type=int, default=20)
    ap.add_argument("--neighbours", type=int, default=8, choices=(8, 16))
    args = ap.parse_args()

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
