"""Benchmark of the site-to-site matrix (drivetime:matrix) against single full runs.

40 sites on the 4000 x 4000 synthetic surface of bench/_synth.py (25 m cells):

* matrix: :func:`core.matrix.site_matrix` -- one early-stopping single-source search per site, several
  sites at a time on all cores (core.engine.travel_time_matrix);
* the naive way: one full :func:`core.costdist.cost_distance` run per site (every cell settled), reading the
  other sites' cells. ``--full-runs K`` times K of them and extrapolates to all sites (``--full-runs 0`` = all).

The two must agree exactly (same graph, same arithmetic): checked on the sites that got a full run.

Run:  /usr/bin/python3 -P bench/bench_matrix.py [--size 4000] [--sites 40] [--full-runs 4] [--threads N]
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

from drivetime_equity.core import costdist, engine, matrix  # noqa: E402

CELL = 25.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=4000)
    ap.add_argument("--sites", type=int, default=40)
    ap.add_argument("--full-runs", type=int, default=4, help="full runs to time (0 = one per site)")
    ap.add_argument("--threads", type=int, default=None, help="matrix threads (default: all cores)")
    a = ap.parse_args()

    print(f"cores: {os.cpu_count()}; grid {a.size} x {a.size} ({a.size * a.size / 1e6:.0f} M cells, {CELL:g} m), "
          f"{a.sites} sites", flush=True)
    t = time.perf_counter()
    f = make_friction(a.size)
    src = make_sources(f, a.sites)
    print(f"surface built in {time.perf_counter() - t:.1f} s", flush=True)

    # warm-up (JIT / cache load) on a small grid
    small = make_friction(200)
    ssrc = make_sources(small, 3)
    matrix.site_matrix(small, CELL, ssrc)
    costdist.cost_distance(small, CELL, ssrc[:1], want_nearest=False)

    t = time.perf_counter()
    if a.threads:
        m = engine.travel_time_matrix(np.ascontiguousarray(f), CELL, src, src, np.inf, 16, n_threads=a.threads)
        np.fill_diagonal(m, 0.0)
    else:
        m = matrix.site_matrix(f, CELL, src, symmetric=False)
    t_matrix = time.perf_counter() - t
    print(f"matrix ({a.sites} early-stopping searches, parallel): {t_matrix:.1f} s", flush=True)

    k = a.sites if a.full_runs <= 0 else min(a.full_runs, a.sites)
    times = []
    for i in range(k):
        t = time.perf_counter()
        cost = costdist.cost_distance(f, CELL, src[i:i + 1], want_nearest=False).cost
        times.append(time.perf_counter() - t)
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
    print(f"matrix / full runs: {t_matrix / t_full:.3f}  (speed-up x{t_full / t_matrix:.1f})")
    fin = np.isfinite(m) & ~np.eye(a.sites, dtype=bool)
    print(f"matrix: {fin.sum()} finite pairs, median {np.median(m[fin]):.1f} min, max {m[fin].max():.1f} min; "
          f"max asymmetry {np.max(np.abs(m - m.T)[fin]):.2e} min")


if __name__ == "__main__":
    main()
