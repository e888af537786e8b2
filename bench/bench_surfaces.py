"""Engine methods on different kinds of surface (issue #3: "road-dominated surfaces need more sweeps than
smooth ones: test both").

Three 4000 x 4000 grids (25 m cells, 20 sources), each run with the two-thread tiled method (default), the
one-thread tiled method and the bucket queue:

* smooth -- the smooth 4-15 km/h land field of the main benchmark with no roads;
* lattice -- the main benchmark grid (straight road lattice at 60 / 110 km/h);
* hard -- winding roads (random walks at 30-110 km/h) over slow land, with lakes (impassable discs) and
  a river with a few bridges: long detours, many direction changes, the worst case for sweeping.

All methods are exact (results identical; tiled2 = tiled bit for bit, checked); the table shows how much the
sweeping (tiled) engine depends on the surface and what the second core adds.
Run: PYTHONPATH=<dir holding drivetime_equity> /usr/bin/python3 -P bench/bench_surfaces.py [--size N]
"""
import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _synth import make_sources, make_speed  # noqa: E402


def hard_speed(size, seed=3):
    rng = np.random.default_rng(seed)
    speed = make_speed(size, seed)  # smooth land, straight lattice ...
    land = 4.0 + 11.0 * rng.random((size // 50 + 2, size // 50 + 2))
    speed[:] = np.kron(land, np.ones((50, 50), np.float32))[:size, :size]  # ... replaced by blocky slow land
    # winding roads: random walks with momentum
    for _k in range(size // 25):
        r, c = rng.integers(0, size, 2).astype(float)
        ang = rng.random() * 2 * np.pi
        v = float(rng.choice([30.0, 48.0, 64.0, 96.0, 110.0]))
        for _ in range(size):
            ang += rng.normal(0, 0.15)
            r += np.sin(ang)
            c += np.cos(ang)
            if not (0 <= r < size and 0 <= c < size):
                break
            ri, ci = int(r), int(c)
            speed[ri, ci] = max(speed[ri, ci], v)
            if ri + 1 < size:  # keep the walk 4-connected
                speed[ri + 1, ci] = max(speed[ri + 1, ci], v)
    # lakes
    rr, cc = np.ogrid[:size, :size]
    for _ in range(size // 100):
        r0, c0 = rng.integers(0, size, 2)
        rad = rng.integers(size // 200 + 2, size // 25 + 3)
        speed[(rr - r0) ** 2 + (cc - c0) ** 2 < rad * rad] = 0.0
    # a river across the grid with 4 bridges
    col = (size // 2 + (np.sin(np.arange(size) / (size / 12.0)) * size / 10)).astype(int)
    for r in range(size):
        speed[r, max(0, col[r] - 2):col[r] + 2] = 0.0
    for r in rng.integers(0, size, 4):
        speed[r, max(0, col[r] - 3):col[r] + 3] = 60.0
    return speed


def friction_of(speed):
    with np.errstate(divide="ignore"):
        return np.where(speed > 0, np.float32(0.06) / speed, np.float32(np.inf)).astype(np.float32)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=int, default=4000)
    ap.add_argument("--sources", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--sweep", action="store_true",
                    help="also time global Gauss-Seidel sweeping (bench/_gauss_seidel.py; slow on hard grids)")
    ap.add_argument("--sweep-limit", type=float, default=120.0,
                    help="skip the 16-neighbour sweep of a surface whose 8-neighbour sweep took longer (s)")
    args = ap.parse_args()
    from drivetime_equity.core import engine

    size = args.size
    warm = friction_of(np.full((64, 64), 30.0, np.float32))  # compile / load the cached kernels first
    for method in ("tiled2", "tiled", "bucket"):
        for nb in (8, 16):
            engine.cost_distance(warm, 25.0, np.array([[1, 1]]), np.zeros(1), np.inf, nb, True, False, None,
                                 method=method)
    smooth = make_speed(size)
    smooth_land = smooth.copy()
    roads = (smooth_land >= 60)
    smooth_land[roads] = np.roll(smooth_land, 2, axis=0)[roads]  # fill road rows with nearby land
    smooth_land[smooth_land >= 60] = 8.0
    grids = {"smooth": friction_of(smooth_land), "lattice": friction_of(smooth), "hard": friction_of(hard_speed(size))}
    # one untimed full-size run: the first big allocations of a process pay slow page faults (whichever
    # method came first would be charged for them)
    engine.cost_distance(grids["lattice"], 25.0, np.array([[size // 2, size // 2]]), np.zeros(1), np.inf, 8,
                         method="tiled")
    if args.sweep:  # compile the sweep kernels outside the timings
        from _gauss_seidel import sweep_cost_distance
        for nb in (8, 16):
            sweep_cost_distance(warm, 25.0, np.array([[1, 1]]), None, nb)
    sweeps = []
    print(f"{size} x {size} cells, {args.sources} sources, best of {args.repeat}")
    print(f"{'surface':10s} {'nbrs':>4s} {'tiled2 s':>8s} {'tiled s':>8s} {'bucket s':>9s} {'tiled/tiled2':>12s} "
          f"{'bucket/tiled':>12s} {'max |diff|':>10s} {'2 = 1':>5s}")
    for name, f in grids.items():
        src = make_sources(f, args.sources)
        off = np.zeros(len(src))
        for nb in (8, 16):
            times, res = {}, {}
            for method in ("tiled2", "tiled", "bucket"):
                best = np.inf
                for _ in range(args.repeat):
                    t0 = time.perf_counter()
                    r = engine.cost_distance(f, 25.0, src, off, np.inf, nb, True, False, None, method=method)
                    best = min(best, time.perf_counter() - t0)
                times[method], res[method] = best, r.cost
            a, b = res["tiled"], res["bucket"]
            same = np.array_equal(np.isfinite(a), np.isfinite(b))
            diff = float(np.max(np.abs(a[np.isfinite(a)] - b[np.isfinite(b)]))) if same else float("nan")
            ident = np.array_equal(res["tiled2"], a)  # two threads: bit-identical to one
            print(f"{name:10s} {nb:4d} {times['tiled2']:8.2f} {times['tiled']:8.2f} {times['bucket']:9.2f} "
                  f"{times['tiled'] / times['tiled2']:11.1f}x {times['bucket'] / times['tiled']:11.1f}x "
                  f"{diff:10.2e} {str(ident):>5s}")
            if args.sweep:
                sweeps.append(run_sweep(name, nb, f, src, off, times["tiled2"], a, sweeps, args.sweep_limit))
    if args.sweep:
        print("\nGauss-Seidel sweeping (4 diagonal orders per round, every cell pulls from all neighbours; one run)")
        print(f"{'surface':10s} {'nbrs':>4s} {'sweep s':>8s} {'rounds':>6s} {'tiled2 s':>8s} {'sweep/tiled2':>12s} "
              f"{'= tiled':>7s}")
        for row in sweeps:
            print(row)


def run_sweep(name, nb, f, src, off, t_tiled2, tiled_cost, done, limit):
    """One Gauss-Seidel run on the surface, as a table row (skipped after a slow 8-neighbour run)."""
    from _gauss_seidel import sweep_cost_distance

    slow = [r for r in done if r.startswith(f"{name:10s}") and "skipped" not in r and float(r.split()[2]) > limit]
    if nb == 16 and slow:
        return f"{name:10s} {nb:4d} {'skipped':>8s} (8 neighbours took over {limit:.0f} s)"
    t0 = time.perf_counter()
    cost, _lab, rounds = sweep_cost_distance(f, 25.0, src, off, nb)
    t = time.perf_counter() - t0
    same = np.array_equal(cost, tiled_cost)
    return f"{name:10s} {nb:4d} {t:8.2f} {rounds:6d} {t_tiled2:8.2f} {t / t_tiled2:11.1f}x {str(same):>7s}"


if __name__ == "__main__":
    main()
