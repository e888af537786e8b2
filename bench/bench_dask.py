#!/usr/bin/env python3
"""Cost model of the Dask path (issue #17): scheduler overhead, scatter cost, per-task time and bytes, and the
overhead against the in-process threads on a real surface (the BOB demo's speed GeoTIFF).

    PYTHONPATH=<dir containing drivetime_equity> /usr/bin/python3 -P bench/bench_dask.py SPEED.tif SITES.gpkg
        [--layer ae_sites] [--where "ed_type1_curated = 1"] [--candidates 300] [--specs threads,local:1,local:2]

Prints one JSON object per measurement. Sites are put on the nearest passable cell (a simple snap; the
algorithms snap to roads more carefully, which does not change the timings).
"""
import argparse
import json
import sys
import time

import numpy as np


def load(speed_path, sites_path, layer, where):
    import rasterio
    from osgeo import ogr

    from drivetime_equity.core.costdist import speed_to_friction

    with rasterio.open(speed_path) as ds:
        speed = ds.read(1).astype(np.float32)
        nod = ds.nodata
        tr = ds.transform
        cs = float(tr.a)
    if nod is not None:
        speed[speed == nod] = 0
    f = speed_to_friction(speed)
    ds = ogr.Open(sites_path)
    lyr = ds.GetLayerByName(layer)
    if where:
        lyr.SetAttributeFilter(where)
    pts = []
    for feat in lyr:
        g = feat.GetGeometryRef()
        c, r = ~tr * (g.GetX(), g.GetY())
        r, c = int(r), int(c)
        if 0 <= r < f.shape[0] and 0 <= c < f.shape[1]:
            pts.append((r, c))
    ok = np.isfinite(f)
    rr, cc = np.nonzero(ok)
    src = []
    for r, c in pts:  # nearest passable cell
        k = np.argmin((rr - r) ** 2 + (cc - c) ** 2)
        src.append((rr[k], cc[k]))
    return f, cs, np.array(src, np.int64)


def noop(i):
    return i


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("speed")
    ap.add_argument("sites")
    ap.add_argument("--layer", default="ae_sites")
    ap.add_argument("--where", default="ed_type1_curated = 1 AND bng_e > 396500 AND bng_e < 518500 AND "
                                        "bng_n > 141500 AND bng_n < 268500")
    ap.add_argument("--candidates", type=int, default=300)
    ap.add_argument("--budget", type=float, default=6.0)
    ap.add_argument("--specs", default="threads,local:1,local:2")
    ap.add_argument("--noop", type=int, default=400)
    a = ap.parse_args()

    from drivetime_equity.core import distributed as dd
    from drivetime_equity.core import engine, matrix
    from drivetime_equity.core import standby as sb

    f, cs, src = load(a.speed, a.sites, a.layer, a.where)
    rng = np.random.default_rng(1)
    fin = np.flatnonzero(np.isfinite(f.ravel()) & (f.ravel() < 1.0 / (40.0 * 1000 / 60)))  # roads >= 40 km/h
    cand = np.column_stack(np.unravel_index(rng.choice(fin, a.candidates, replace=False), f.shape))
    w = np.zeros(f.size)
    w[rng.choice(np.flatnonzero(np.isfinite(f.ravel())), 1_000_000, replace=False)] = 1.0
    dem = sb.Demand.from_grid(w.reshape(f.shape))
    print(json.dumps({"grid": list(f.shape), "cells": int(f.size), "cell_m": cs, "sites": int(len(src)),
                      "friction_mb": round(f.nbytes / 2**20, 1), "candidates": a.candidates,
                      "demand_cells": int(dem.cells.size)}), flush=True)
    # warm the Numba caches in this process
    matrix.site_matrix(f[:300, :300], cs, np.array([[5, 5], [200, 200]]))
    sb.coverage_sets(f[:300, :300], cs, [[5, 5]], 1.0, sb.Demand.from_grid(np.ones((300, 300))))

    # one full single-source search (no targets beyond the far corner): the per-cell rate
    t0 = time.perf_counter()
    far = np.array([[0, 0], [f.shape[0] - 1, f.shape[1] - 1]])
    engine.travel_time_matrix(f, cs, src[:1], far, np.inf, n_threads=1)
    print(json.dumps({"what": "one search to the grid's far corners, 1 thread",
                      "s": round(time.perf_counter() - t0, 3)}), flush=True)

    ref_m = ref_sets = None
    for spec in a.specs.split(","):
        row = {"spec": spec}
        runner = None
        t0 = time.perf_counter()
        if spec != "threads":
            runner = dd.DaskRunner(spec)
            runner.open()
            row["startup_s"] = round(runner.startup_s, 2)
            # scheduler overhead: no-op tasks
            t1 = time.perf_counter()
            runner.map(noop, [(i,) for i in range(a.noop)])
            row["noop_ms_per_task"] = round(1000 * (time.perf_counter() - t1) / a.noop, 2)
            # scatter cost of the friction surface
            t1 = time.perf_counter()
            fut = runner.share(f)
            runner.client.wait_for_workers(1)
            row["scatter_s"] = round(time.perf_counter() - t1, 3)
            del fut
            runner.stats.clear()
        t1 = time.perf_counter()
        m = matrix.site_matrix(f, cs, src, runner=runner)
        row["matrix_s"] = round(time.perf_counter() - t1, 2)
        if runner is not None:
            st = runner.stats
            row.update(matrix_tasks=st["tasks"], matrix_workers=st["workers"],
                       matrix_task_s=round(st["task_s"], 2),
                       matrix_task_mean_s=round(st["task_s"] / st["tasks"], 3),
                       matrix_result_bytes=int(sum(8 * (len(src) - k - 1) for k in range(len(src) - 1))),
                       share_bytes=st.get("share_bytes", 0), share_s=round(st.get("share_s", 0.0), 3))
            runner.stats.clear()
        if runner is not None:  # again on warm workers (Numba kernels loaded): the steady state of a batch
            t1 = time.perf_counter()
            matrix.site_matrix(f, cs, src, runner=runner)
            row["matrix_warm_s"] = round(time.perf_counter() - t1, 2)
            row["matrix_warm_task_s"] = round(runner.stats["task_s"], 2)
            runner.stats.clear()
        else:
            t1 = time.perf_counter()
            engine.travel_time_matrix_symmetric(f, cs, src, n_threads=1)
            row["matrix_1thread_s"] = round(time.perf_counter() - t1, 2)
        t1 = time.perf_counter()
        sets = sb.coverage_sets(f, cs, cand, a.budget, dem, runner=runner)
        row["standby_s"] = round(time.perf_counter() - t1, 2)
        if runner is not None:
            st = runner.stats
            runner.stats.clear()
            t1 = time.perf_counter()
            sb.coverage_sets(f, cs, cand, a.budget, dem, runner=runner)
            row["standby_warm_s"] = round(time.perf_counter() - t1, 2)
            row.update(standby_tasks=st["tasks"], standby_task_s=round(st["task_s"], 2),
                       standby_result_bytes=int(4 * sets.indices.size + 8 * sets.indptr.size))
            runner.close()
            row["close_s"] = round(time.perf_counter() - t0 - row.get("startup_s", 0), 2)
        if ref_m is None:
            ref_m, ref_sets = m, sets
        else:
            row["identical"] = bool(np.array_equal(m, ref_m) and np.array_equal(sets.indices, ref_sets.indices)
                                    and np.array_equal(sets.indptr, ref_sets.indptr))
        row["total_s"] = round(time.perf_counter() - t0, 2)
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    sys.exit(main())
