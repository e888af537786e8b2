#!/usr/bin/env python3
"""Benchmark of the fast exact cost-distance engine against scikit-image and GRASS r.cost (issue #3).

    PYTHONPATH=<dir containing drivetime_equity> /usr/bin/python3 -P bench/bench_engine.py
        [--size 4000] [--sources 20] [--quick] [--no-grass] [--no-skimage] [--second] [--compile] [--bucket]

Every engine runs in its own subprocess on the same deterministic grid (bench/_synth.py), so the peak
memory (VmHWM, reset after the grid is built) and the wall time are its own. Costs are compared with ours.
"""
import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from _synth import make_friction, make_sources  # noqa: E402

CS = 25.0


def _vmhwm_mb():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def _reset_hwm():
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass


# ----------------------------------------------------------------------------------------------- workers
def worker(args):
    f = make_friction(args.size)
    src = make_sources(f, args.sources)
    name = args.worker
    out = {}
    res = None
    if name.startswith("ours"):
        from drivetime_equity.core import costdist, engine
        nb = 16 if "16" in name else 8
        second = "second" in name
        kw = {}
        if name.endswith("bucket"):  # the previous method, kept as a fallback: candidate row
            kw = {"engine": "bucket"}
        run = costdist.cost_distance
        if kw:
            def run(f_, cs_, src_, neighbours, want_second, progress=None):
                return engine.cost_distance(costdist.check_friction(f_), cs_, np.asarray(src_, np.int64),
                                            np.zeros(len(src_)), math.inf, neighbours, True, want_second,
                                            progress, method="bucket")
        t = time.perf_counter()
        run(np.full((40, 40), 0.01, np.float32), CS, [[0, 0], [5, 5]], neighbours=nb,
            want_second=second)  # compile / load cache
        out["warmup_s"] = time.perf_counter() - t
        _reset_hwm()
        calls = []
        t = time.perf_counter()
        r = run(f, CS, src, neighbours=nb, want_second=second,
                progress=lambda x: calls.append(time.perf_counter()) and False)
        out["wall_s"] = time.perf_counter() - t
        gaps = np.diff([t] + calls)
        out["max_progress_gap_s"] = float(gaps.max()) if gaps.size else None
        res = r.cost
        if second:
            np.save(os.path.join(args.tmp, name + "_second.npy"), r.second_cost)
    elif name == "skimage8":
        from skimage.graph import MCP_Geometric
        _reset_hwm()
        t = time.perf_counter()
        cost = np.where(np.isfinite(f), f.astype(np.float64) * CS, np.inf)
        m = MCP_Geometric(cost, fully_connected=True)
        res, _ = m.find_costs([tuple(s) for s in src.tolist()])
        out["wall_s"] = time.perf_counter() - t
        res = res.astype(np.float32)
    elif name.startswith("grass"):
        res = _grass(f, src, knight=name == "grass16", tmp=args.tmp, out=out)
    out["peak_mb"] = out.get("peak_mb", _vmhwm_mb())
    np.save(os.path.join(args.tmp, name + ".npy"), res)
    with open(os.path.join(args.tmp, name + ".json"), "w") as fh:
        json.dump(out, fh)


GRASS_JOB = r"""
import os, resource, subprocess, sys, time, json
tif, out_tif, coords, knight, mem = sys.argv[1:6]
def run(cmd):
    t = time.perf_counter()
    p = subprocess.Popen(cmd)
    _, status, ru = os.wait4(p.pid, 0)
    if status:
        raise SystemExit("failed: %s" % cmd)
    return time.perf_counter() - t, ru.ru_maxrss / 1024.0
run(["r.in.gdal", "-o", "--quiet", "input=" + tif, "output=fric"])
run(["g.region", "raster=fric"])
cmd = ["r.cost", "--quiet", "input=fric", "output=cost", "start_coordinates=" + coords, "memory=" + mem]
if knight == "1":
    cmd.insert(1, "-k")
wall, peak = run(cmd)
run(["r.out.gdal", "--quiet", "-f", "input=cost", "output=" + out_tif, "type=Float64", "createopt=COMPRESS=NONE"])
print("GRASSRESULT " + json.dumps({"wall_s": wall, "peak_mb": peak}))
"""


def _grass(f, src, knight, tmp, out):
    from osgeo import gdal
    rows, cols = f.shape
    tif = os.path.join(tmp, "fric_k%d.tif" % knight)
    out_tif = os.path.join(tmp, "cost_k%d.tif" % knight)
    # r.cost input: cost of traversing one cell (minutes per cell); its move costs are the average of the
    # cells' values times the move length in cells (1, sqrt2, sqrt5) -> same graph as ours (see README)
    per_cell = np.where(np.isfinite(f), f.astype(np.float64) * CS, np.nan).astype(np.float32)
    ds = gdal.GetDriverByName("GTiff").Create(tif, cols, rows, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((0.0, CS, 0.0, rows * CS, 0.0, -CS))
    b = ds.GetRasterBand(1)
    b.SetNoDataValue(float("nan"))
    b.WriteArray(per_cell)
    ds = b = None
    coords = ",".join("%.3f,%.3f" % ((c + 0.5) * CS, rows * CS - (r + 0.5) * CS) for r, c in src.tolist())
    job = os.path.join(tmp, "grass_job.py")
    with open(job, "w") as fh:
        fh.write(GRASS_JOB)
    p = subprocess.run(["grass", "--tmp-location", "EPSG:27700", "--exec", sys.executable, job, tif, out_tif,
                        coords, "1" if knight else "0", "4000"], capture_output=True, text=True)
    line = [x for x in p.stdout.splitlines() if x.startswith("GRASSRESULT ")]
    if p.returncode or not line:
        raise RuntimeError("GRASS failed:\n" + p.stdout[-2000:] + p.stderr[-2000:])
    out.update(json.loads(line[0][len("GRASSRESULT "):]))
    ds = gdal.Open(out_tif)
    a = ds.GetRasterBand(1).ReadAsArray().astype(np.float64)
    nd = ds.GetRasterBand(1).GetNoDataValue()
    if nd is not None:
        a[a == nd] = np.inf
    a[~np.isfinite(a)] = np.inf
    return a.astype(np.float32)


# ------------------------------------------------------------------------------------------------ driver
def _spawn(name, args, tmp, env=None):
    cmd = [sys.executable, "-P", os.path.abspath(__file__), "--worker", name, "--size", str(args.size),
           "--sources", str(args.sources), "--tmp", tmp]
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if p.returncode:
        print("  %s FAILED:\n%s" % (name, (p.stdout + p.stderr)[-3000:]))
        return None, None
    with open(os.path.join(tmp, name + ".json")) as fh:
        info = json.load(fh)
    return info, np.load(os.path.join(tmp, name + ".npy"))


def _compare(a, ref):
    """max / mean relative difference of a vs ref on cells finite in both, and reachability mismatches."""
    fa, fr = np.isfinite(a), np.isfinite(ref)
    both = fa & fr
    rel = np.abs(a[both].astype(np.float64) - ref[both]) / np.maximum(np.abs(ref[both].astype(np.float64)), 1e-12)
    return float(rel.max()) if rel.size else 0.0, float(rel.mean()) if rel.size else 0.0, int((fa != fr).sum()), rel


def compile_times(args):
    """First call of the engine in a fresh process: empty NUMBA_CACHE_DIR, then warm."""
    code = ("import time; t=time.perf_counter(); import numpy as np; from drivetime_equity.core import costdist;"
            "f=np.full((50,50),0.01,np.float32);"
            "costdist.cost_distance(f,25.0,[[0,0],[9,9]],neighbours=16,want_second=True);"
            "costdist.cost_distance(f,25.0,[[0,0],[9,9]],neighbours=8);"
            "costdist.travel_time_matrix(f,25.0,[[0,0],[9,9]],neighbours=16);"
            "print(time.perf_counter()-t)")
    d = tempfile.mkdtemp(prefix="nbcache_")
    env = dict(os.environ, NUMBA_CACHE_DIR=d)
    out = []
    for _ in range(2):
        p = subprocess.run([sys.executable, "-P", "-c", code], capture_output=True, text=True, env=env)
        out.append(float(p.stdout.strip().splitlines()[-1]) if p.returncode == 0 else float("nan"))
    shutil.rmtree(d, ignore_errors=True)
    return out


def uniform_error_table(size=801):
    """Error of 8 and 16 neighbour moves against the exact Euclidean distance on a uniform surface."""
    from drivetime_equity.core import costdist
    f = np.full((size, size), 0.001, np.float32)
    c = size // 2
    rr, cc = np.mgrid[0:size, 0:size]
    exact = np.hypot(rr - c, cc - c) * CS * 0.001
    far = exact > 20 * CS * 0.001
    rows = []
    for nb in (8, 16):
        r = costdist.cost_distance(f, CS, [[c, c]], neighbours=nb).cost.astype(np.float64)
        e = (r[far] - exact[far]) / exact[far]
        rows.append((nb, e.max() * 100, e.mean() * 100))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=4000)
    ap.add_argument("--sources", type=int, default=20)
    ap.add_argument("--quick", action="store_true", help="~500x500 smoke run")
    ap.add_argument("--no-grass", action="store_true")
    ap.add_argument("--no-skimage", action="store_true")
    ap.add_argument("--no-peers", action="store_true", help="our engine only (e.g. with --size 10000)")
    ap.add_argument("--second", action="store_true",
                    help="also time the second-nearest run (16 nbrs; source bits and bucket queue)")
    ap.add_argument("--bucket", action="store_true", help="also time the previous bucket-queue method")
    ap.add_argument("--compile", action="store_true", help="measure compile time (empty vs warm cache)")
    ap.add_argument("--uniform", action="store_true", help="print the uniform-surface error table")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--tmp", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        return worker(args)
    if args.quick:
        args.size = 500
    have_grass = shutil.which("grass") is not None and not (args.no_grass or args.no_peers)
    try:
        import skimage.graph  # noqa: F401
        have_sk = not (args.no_skimage or args.no_peers)
    except ImportError:
        have_sk = False
    names = ["ours8", "ours16"] + (["ours8bucket", "ours16bucket"] if args.bucket else [])
    names += ["ours16second", "ours16secondbucket"] if args.second else []
    names += (["skimage8"] if have_sk else []) + (["grass8", "grass16"] if have_grass else [])
    n = args.size * args.size
    print("grid %d x %d (%.1f M cells), %d sources, 25 m cells, roads 60/110 km/h over 4-15 km/h, "
          "0.2%% impassable; %d CPU" % (args.size, args.size, n / 1e6, args.sources, os.cpu_count()))
    tmp = tempfile.mkdtemp(prefix="bench_engine_")
    res = {}
    try:
        for nm in names:
            info, arr = _spawn(nm, args, tmp)
            if info is not None:
                res[nm] = (info, arr)
                print("  ran %-13s %8.2f s" % (nm, info["wall_s"]), flush=True)
    finally:
        pass
    print()
    hdr = "%-18s %9s %11s %9s %10s %10s %s" % ("engine", "wall s", "Mcells/s", "peak MB", "vs ours8",
                                              "vs ours16", "agreement")
    print(hdr)
    print("-" * len(hdr))
    ours = {8: res.get("ours8"), 16: res.get("ours16")}
    for nm in names:
        if nm not in res:
            continue
        info, arr = res[nm]
        nb = 16 if "16" in nm else 8
        ref = ours[nb]
        agree = ""
        if ref is not None and nm not in ("ours8", "ours16"):
            mx, mean, mism, _ = _compare(arr, ref[1])
            agree = "max rel %.2e mean %.2e, reach mismatch %d" % (mx, mean, mism)
        r8 = info["wall_s"] / res["ours8"][0]["wall_s"] if "ours8" in res else float("nan")
        r16 = info["wall_s"] / res["ours16"][0]["wall_s"] if "ours16" in res else float("nan")
        print("%-18s %9.2f %11.2f %9.0f %9.1fx %9.1fx %s" % (nm, info["wall_s"], n / info["wall_s"] / 1e6,
                                                           info["peak_mb"], r8, r16, agree))
    print()
    for nm in names:
        if nm.startswith("ours") and nm in res:
            info = res[nm][0]
            print("%s: warm-up call %.2f s, longest gap between progress calls %.3f s" % (
                nm, info["warmup_s"], info["max_progress_gap_s"] or 0.0))
    ok = True
    if "skimage8" in res and "ours8" in res:
        mx = _compare(res["skimage8"][1], res["ours8"][1])[0]
        ok = mx < 1e-5
        print("EXACTNESS ours8 vs scikit-image MCP_Geometric: max rel diff %.2e -> %s" % (mx, "PASS" if ok else "FAIL"))
        print("speed-up vs scikit-image (8 nbrs): %.1fx" % (res["skimage8"][0]["wall_s"] / res["ours8"][0]["wall_s"]))
    for g, o in (("grass8", "ours8"), ("grass16", "ours16")):
        if g in res and o in res:
            print("speed-up vs r.cost%s: %.1fx (%s)" % (" -k" if g == "grass16" else "",
                                                       res[g][0]["wall_s"] / res[o][0]["wall_s"], o))
    if "ours16second" in res and "ours16secondbucket" in res:
        a, b = (np.load(os.path.join(tmp, nm + "_second.npy")) for nm in ("ours16second", "ours16secondbucket"))
        print("second-nearest (16 nbrs): source bits %.2f s, bucket queue %.2f s (%.1fx); second costs %s" % (
            res["ours16second"][0]["wall_s"], res["ours16secondbucket"][0]["wall_s"],
            res["ours16secondbucket"][0]["wall_s"] / res["ours16second"][0]["wall_s"],
            "identical" if np.array_equal(a, b) else "DIFFER"))
    if args.compile:
        cold, warm = compile_times(args)
        print("first call in a fresh process: empty numba cache %.1f s, warm cache %.2f s" % (cold, warm))
    if args.uniform:
        print("uniform surface, error vs Euclidean distance (cells > 20 from the source):")
        for nb, mx, mean in uniform_error_table():
            print("  %2d neighbours: max %+.2f %%, mean %+.2f %%" % (nb, mx, mean))
    shutil.rmtree(tmp, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
