"""Benchmark of the site-to-site matrix (drivetime:matrix) against single full runs.

40 sites on the 4000 x 4000 synthetic surface of bench/_synth.py (25 m cells):

* matrix, keep directions (SYMMETRIC=False): :func:`core.matrix.site_matrix` -- one early-stopping
  single-source search per site until every other site is settled, several sites at a time on all cores
  (core.engine.travel_time_matrix);
* matrix, symmetric (SYMMETRIC=True, the default of drivetime:matrix): each pair searched once
  (core.engine.travel_time_matrix_symmetric): the sites farthest from the grid centre first, each search
  stopping once the sites after it are final, one queue over all cores;
* the naive way: one full :func:`core.costdist.cost_distance` run per site (every cell settled, tiled engine,
  one core), reading the other sites' cells. ``--full-runs K`` times K of them and extrapolates to all
  sites (``--full-runs 0`` = all).

The two must agree exactly (same graph, same arithmetic): checked on the sites that got a full run.

``--layout uniform`` spreads the sites over the whole grid (the worst case for early stopping: most searches
must cross the grid); ``--layout central`` keeps them in the central half of each axis (a surface built with
a margin around the study area, the usual case).

Run:  /usr/bin/python3 -P bench/bench_matrix.py [--size 4000] [--sites 40] [--full-runs 4] [--layout uniform]
"""
import argparse
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PLUGINS = os.path.join(ROOT, ".build", "plugins")
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.getcwd()) != ROOT]
sys.path.insert(0, PLUGINS)
sys.path.insert(0, HERE)
os.environ.setdefault("NUMBA_CACHE_DIR", os.path.join(ROOT, ".build", "numba_cache"))

from _synth import make_friction, make_sources  # noqa: E402

from drivetime_equity.core import costdist, matrix  # noqa: E402

CELL = 25.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=4000)
    ap.add_argument("--sites", type=int, default=40)
    ap.add_argument("--full-runs", type=int, default=4, help="full runs to time (0 = one per site)")
    ap.add_argument("--layout", choices=["uniform", "central"], default="uniform")
    a = ap.parse_args()

    print(f"cores: {os.cpu_count()}; grid {a.size} x {a.size} ({a.size * a.size / 1e6:.0f} M cells, {CELL:g} m), "
          f"{a.sites} sites", flush=True)
    t = time.perf_counter()
    f = make_friction(a.size)
    if a.layout == "uniform":
        src = make_sources(f, a.sites)
    else:
        q = a.size // 4
        src = make_sources(np.ascontiguousarray(f[q:3 * q, q:3 * q]), a.sites) + q
    print(f"surface built in {time.perf_counter() - t:.1f} s", flush=True)

    # warm-up (JIT / cache load) on a small grid
    small = make_friction(200)
    ssrc = make_sources(small, 3)
    matrix.site_matrix(small, CELL, ssrc)
    costdist.cost_distance(small, CELL, ssrc[:1], want_nearest=False)

    t, c = time.perf_counter(), time.process_time()
    m = matrix.site_matrix(f, CELL, src, symmetric=False)
    t_dir, c_dir = time.perf_counter() - t, time.process_time() - c
    print(f"matrix, keep directions ({a.sites} early-stopping searches to all sites, parallel): {t_dir:.1f} s "
          f"(CPU {c_dir:.1f} s)", flush=True)
    t, c = time.perf_counter(), time.process_time()
    ms = matrix.site_matrix(f, CELL, src, symmetric=True)
    t_sym, c_sym = time.perf_counter() - t, time.process_time() - c
    print(f"matrix, symmetric (each pair once, outer sites first, parallel): {t_sym:.1f} s (CPU {c_sym:.1f} s)",
          flush=True)
    fin = np.isfinite(m)
    assert np.array_equal(fin, np.isfinite(ms))
    assert np.allclose(ms[fin], matrix.symmetrise(m)[fin], rtol=1e-12, atol=0)

    k = a.sites if a.full_runs <= 0 else min(a.full_runs, a.sites)
    times = []
    cpu = []
    for i in range(k):
        t, c = time.perf_counter(), time.process_time()
        cost = costdist.cost_distance(f, CELL, src[i:i + 1], want_nearest=False).cost
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        row = cost[src[:, 0], src[:, 1]].astype(np.float64)
        row[i] = 0.0
        fin = np.isfinite(row)
        assert np.array_equal(fin, np.isfinite(m[i])), "reachability differs"
        err = np.max(np.abs(row[fin] - m[i][fin]) / np.maximum(row[fin], 1e-9))
        assert err < 1e-6, f"matrix row {i} differs from the full run (rel {err:.2e})"
        del cost
        print(f"  full run {i + 1}/{k}: {times[-1]:.1f} s", flush=True)
    per = float(np.mean(times))
    t_full = per * a.sites
    how = "measured" if k == a.sites else f"extrapolated from {k}"
    print(f"{a.sites} single full runs: {t_full:.1f} s ({how}; {per:.2f} s each)")
    c_full = float(np.mean(cpu)) * a.sites
    for what, tm, cm in (("keep directions", t_dir, c_dir), ("symmetric", t_sym, c_sym)):
        print(f"{what}: matrix / full runs = {tm / t_full:.3f} wall (speed-up x{t_full / tm:.1f}), "
              f"{cm / c_full:.3f} CPU (work, independent of free cores)")
    fin = np.isfinite(m) & ~np.eye(a.sites, dtype=bool)
    print(f"matrix: {fin.sum()} finite pairs, median {np.median(m[fin]):.1f} min, max {m[fin].max():.1f} min; "
          f"max asymmetry {np.max(np.abs(m - m.T)[fin]):.2e} min")


if __name__ == "__main__":
    main()
