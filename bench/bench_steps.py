#!/usr/bin/env python3
"""Whole-step benchmark on the BOB demo (issue #13): each step through ``qgis_process`` against the best peer
for that step, in the same run, with peak memory.

    QGIS_PLUGINPATH=<dir holding drivetime_equity> /usr/bin/python3 -P bench/bench_steps.py [--data DIR]
        [--repeat 3] [--no-grass] [--out DIR] [--peer-python .build/bench-venv/bin/python]

* speed surface (BOB OSM roads, 50 m, 2460 x 2560): ours against ``gdal_rasterize`` burning the same roads with
  the same class -> speed table, fastest on top (SQL ``ORDER BY`` speed), all touched;
* drive time on that surface to the type-1 A&Es: ours against scikit-image ``MCP_Geometric`` (8 neighbours,
  the same edge costs) and GRASS ``r.cost -k`` (16 neighbours, as ours); the peers' times are their cost
  computation alone (reading the surface and writing the result not counted), ours the whole step.

* coverage (Oxfordshire districts from the LSOA populations, thresholds 15-60 min, by district, urbanity and
  IMD decile; no HTML summary) against ``exactextract`` (PyPI, in the bench-only virtual environment made by
  ``make bench-venv``: ``--system-site-packages`` under .build/): one 0/1 band per threshold from the drive
  time, the exact-coverage mean of each band over each LSOA times its population, summed per district, per
  district and urbanity, per district and decile in pandas; its time counts reading the drive time, making the
  bands, the extraction and the sums (Python start-up and imports too);
* matrix (site-to-site pairs, each pair searched once, outer sites first as ours) against scikit-image
  ``MCP_Geometric.find_costs`` from each site to the sites after it (``find_all_ends``: stops once they are
  reached); its time counts the searches alone;
* calibrate, scenario and standby, as in the demo, ours only: no installed tool does the same work (see the
  table's peer column).

Ours is the ``qgis_process`` wall time less its start-up (the same command with a refused parameter: QGIS,
the plugin and the algorithm loaded, nothing computed); peers are timed from the command line / a fresh
Python. Every time is the median of ``--repeat`` runs; peak memory is the process's maximum resident set
(``/usr/bin/time``). The Numba cache is warm (``make compile``) so the drive time is not a compile time.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
QP = os.environ.get("QGIS_PROCESS", "/usr/bin/qgis_process.bin")
BOB = "396000,519000,141000,269000 [EPSG:27700]"
SITES_SQL = ("ed_type1_curated = 1 AND bng_e > 396500 AND bng_e < 518500 AND bng_n > 141500 AND "
             "bng_n < 268500")


def timed(cmd, env=None):
    """(wall s, peak RSS MiB, completed process) of a command, by /usr/bin/time."""
    fmt = "@@TIME %e %M"
    p = subprocess.run(["/usr/bin/time", "-f", fmt] + cmd, capture_output=True, text=True, env=env)
    line = [x for x in p.stderr.splitlines() if x.startswith("@@TIME ")][-1].split()
    return float(line[1]), int(line[2]) / 1024.0, p


def median_runs(cmd, repeat, check=True):
    walls, peaks = [], []
    for _ in range(repeat):
        w, m, p = timed(cmd)
        if check and p.returncode:
            raise RuntimeError(f"failed: {' '.join(cmd)}\n{p.stdout[-2000:]}{p.stderr[-2000:]}")
        walls.append(w)
        peaks.append(m)
    return statistics.median(walls), max(peaks)


def speed_case_sql():
    sys.path.insert(0, os.path.join(ROOT, ".build", "plugins"))
    from drivetime_equity.core.speeds import DEFAULT_SPEEDS

    case = " ".join(f"WHEN '{k}' THEN {v!r}" for k, v in DEFAULT_SPEEDS.items())
    return f"SELECT geom, CASE highway {case} END AS speed FROM osm_roads_2021 WHERE speed > 0 ORDER BY speed"


# the peers' scripts (run by the system Python) share this prologue: the speed raster and the selected sites
PEER_SITES = r"""
import sys, time
from osgeo import gdal, ogr
def sites(tif, gpkg, where):
    ds = gdal.Open(tif)
    x0, cs, _, y1, _, _ = ds.GetGeoTransform()
    v = ogr.Open(gpkg)
    lyr = v.GetLayerByName("ae_sites")
    lyr.SetAttributeFilter(where)
    xy = [(f.GetGeometryRef().GetX(), f.GetGeometryRef().GetY()) for f in lyr]
    return ds, x0, cs, y1, xy
"""

PEER_SKIMAGE = PEER_SITES + r"""
import numpy as np
tif, gpkg, where = sys.argv[1:4]
ds, x0, cs, y1, xy = sites(tif, gpkg, where)
speed = ds.GetRasterBand(1).ReadAsArray().astype(np.float64)
src = [(int((y1 - y) // cs), int((x - x0) // cs)) for x, y in xy]
t = time.perf_counter()
from skimage.graph import MCP_Geometric
with np.errstate(divide="ignore"):
    cost = np.where(speed > 0, 0.06 / speed * cs, np.inf)  # minutes per cell
m = MCP_Geometric(cost, fully_connected=True)
costs, _ = m.find_costs(src)
print("PEERWALL %.3f" % (time.perf_counter() - t))
"""

PEER_GRASS = PEER_SITES + r"""
import subprocess
tif, gpkg, where, tmp = sys.argv[1:5]
_ds, _x0, cs, _y1, xy = sites(tif, gpkg, where)
coords = [c for x, y in xy for c in ("%.3f" % x, "%.3f" % y)]
expr = "fric = if(speed > 0, 0.06 / speed * %r, null())" % cs
def run(cmd):
    subprocess.run(cmd, check=True)
run(["r.in.gdal", "-o", "--quiet", "input=" + tif, "output=speed"])
run(["g.region", "raster=speed"])
run(["r.mapcalc", "--quiet", "expression=" + expr])
t = time.perf_counter()
run(["r.cost", "-k", "--quiet", "input=fric", "output=cost", "start_coordinates=" + ",".join(coords),
     "memory=4000"])
print("PEERWALL %.3f" % (time.perf_counter() - t))
"""


PEER_EXACTEXTRACT = r"""
import sys, time
t0 = time.perf_counter()
from exactextract import exact_extract
import numpy as np
from osgeo import gdal, ogr
dt_tif, gpkg, ths, ind = sys.argv[1], sys.argv[2], [float(x) for x in sys.argv[3].split(",")], sys.argv[4]
ds = gdal.Open(dt_tif)
band = ds.GetRasterBand(1)
a = band.ReadAsArray()
nd = band.GetNoDataValue()
ok = np.isfinite(a) if nd is None else (np.isfinite(a) & (a != nd))
out = gdal.GetDriverByName("GTiff").Create(ind, ds.RasterXSize, ds.RasterYSize, len(ths), gdal.GDT_Byte)
out.SetGeoTransform(ds.GetGeoTransform())
out.SetProjection(ds.GetProjection())
for k, T in enumerate(ths):
    out.GetRasterBand(k + 1).WriteArray((ok & (a <= T)).astype(np.uint8))
out = None
vec = ogr.Open(gpkg)  # keep the data source alive while its layer is used
lyr = vec.GetLayerByName("lsoa11_oxfordshire")
df = exact_extract(ind, lyr, "mean", include_cols=["lad11nm", "ruc11cd", "imd19_decile", "pop_mid2018"],
                   output="pandas")
cols = [c for c in df.columns if c.endswith("mean")]
for c in cols:
    df[c] = df[c] * df["pop_mid2018"]
sums = [df.groupby(k)[cols + ["pop_mid2018"]].sum() for k in (["lad11nm"], ["lad11nm", "ruc11cd"],
                                                                ["lad11nm", "imd19_decile"])]
print("PEERWALL %.3f" % (time.perf_counter() - t0))
"""

PEER_SKIMAGE_MATRIX = PEER_SITES + r"""
import numpy as np
tif, gpkg, where = sys.argv[1:4]
ds, x0, cs, y1, xy = sites(tif, gpkg, where)
speed = ds.GetRasterBand(1).ReadAsArray().astype(np.float64)
src = np.array([(int((y1 - y) // cs), int((x - x0) // cs)) for x, y in xy])
c = (np.array(speed.shape) - 1) / 2.0
order = np.argsort(-np.hypot(src[:, 0] - c[0], src[:, 1] - c[1]), kind="stable")  # outer first, as ours
t = time.perf_counter()
from skimage.graph import MCP_Geometric
with np.errstate(divide="ignore"):
    cost = np.where(speed > 0, 0.06 / speed * cs, np.inf)  # minutes per cell
m = MCP_Geometric(cost, fully_connected=True)
n = len(src)
mat = np.zeros((n, n))
for k in range(n - 1):
    i = order[k]
    later = [tuple(src[j]) for j in order[k + 1:]]
    costs, _ = m.find_costs([tuple(src[i])], ends=later, find_all_ends=True)
    for j in order[k + 1:]:
        mat[i, j] = mat[j, i] = costs[tuple(src[j])]
print("PEERWALL %.3f" % (time.perf_counter() - t))
"""


def run_peer(tmp, name, script, prefix, args, python=sys.executable):
    """Runs a peer's script (written to ``tmp/name.py``, started as ``prefix + [python, script] + args``); returns
    the wall time it measured itself (its ``PEERWALL`` line; NaN without one) and its peak MiB."""
    job = os.path.join(tmp, name + ".py")
    with open(job, "w") as fh:
        fh.write(script)
    _w, m, p = timed(prefix + [python, job] + args)
    wall = [x for x in p.stdout.splitlines() if x.startswith("PEERWALL")]
    return (float(wall[0].split()[1]) if wall else float("nan")), m


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.environ.get("DATA", os.path.join(os.path.dirname(ROOT), "shared", "data")))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-grass", action="store_true")
    ap.add_argument("--out", default=None, help="keep the outputs here (default: a temporary folder)")
    ap.add_argument("--peer-python", default=os.environ.get("PEER_PY", os.path.join(ROOT, ".build", "bench-venv",
                                                                                  "bin", "python")),
                    help="a Python with exactextract (make bench-venv)")
    args = ap.parse_args()
    roads = os.path.join(args.data, "bob_roads.gpkg")
    gpkg = os.path.join(args.data, "oxfordshire_demo.gpkg")
    if not (os.path.exists(roads) and os.path.exists(gpkg)):
        raise SystemExit(f"sample data not found in {args.data}")
    tmp = args.out or tempfile.mkdtemp(prefix="bench_steps_")
    os.makedirs(tmp, exist_ok=True)
    rows = []
    try:
        # start-up: QGIS, the plugin and the algorithm loaded; a refused parameter stops it before any work
        startup, _ = median_runs([QP, "run", "drivetime:speedsurface", f"--ROADS={roads}|layername=osm_roads_2021",
                                  "--CELL_SIZE=-1", f"--OUTPUT={tmp}/x.tif"], args.repeat, check=False)
        speed = os.path.join(tmp, "speed.tif")
        ours, ours_mb = median_runs([QP, "run", "drivetime:speedsurface",
                                     f"--ROADS={roads}|layername=osm_roads_2021", "--CLASS_FIELD=highway",
                                     f"--EXTENT={BOB}", "--CELL_SIZE=50", "--OFFROAD_SPEED=10",
                                     f"--OUTPUT={speed}"], args.repeat)
        peer_tif = os.path.join(tmp, "gdal_rasterize.tif")

        def gdal_cmd():
            if os.path.exists(peer_tif):
                os.remove(peer_tif)
            return ["gdal_rasterize", "-q", "-sql", speed_case_sql(), "-a", "speed", "-at", "-te", "396000",
                    "141000", "519000", "269000", "-tr", "50", "50", "-ot", "Float32", roads, peer_tif]
        walls, peaks = [], []
        for _ in range(args.repeat):
            w, m, p = timed(gdal_cmd())
            walls.append(w)
            peaks.append(m)
        rows.append(("speed surface (BOB roads, 50 m)", ours - startup, ours_mb, "gdal_rasterize (SQL, -at)",
                     statistics.median(walls), max(peaks)))

        sites = f"{gpkg}|layername=ae_sites|subset={SITES_SQL}"
        dt, dt_mb = median_runs([QP, "run", "drivetime:drivetime", f"--SPEED={speed}", f"--SITES={sites}",
                                 "--ACTIVATION=0", f"--OUTPUT={tmp}/drivetime.tif"], args.repeat)
        pw, pm = run_peer(tmp, "peer_skimage", PEER_SKIMAGE, [], [speed, gpkg, SITES_SQL])
        rows.append(("drive time (16 neighbours)", dt - startup, dt_mb, "scikit-image MCP_Geometric (8 nbrs)", pw, pm))
        if not args.no_grass and shutil.which("grass"):
            pw, pm = run_peer(tmp, "peer_grass", PEER_GRASS, ["grass", "--tmp-location", "EPSG:27700", "--exec"],
                              [speed, gpkg, SITES_SQL, tmp])
            rows.append(("drive time (16 neighbours)", dt - startup, dt_mb, "GRASS r.cost -k (16 nbrs)", pw, pm))
        out = tmp
        ours = {}

        def step(alg, *params):
            """Our net time (less start-up) and peak memory of one qgis_process run."""
            w, mb = median_runs([QP, "run", f"drivetime:{alg}"] + list(params), args.repeat)
            return w - startup, mb

        cal = os.path.join(out, "speed_calibrated.tif")
        ours["calibrate"] = step("calibrate", f"--SPEED={speed}",
                                 f"--JOURNEYS={args.data}/observed_journeys_bucks_berks.gpkg|layername="
                                 "lsoa_to_hospital_minutes", "--MINUTES_FIELD=minutes", f"--OUTPUT={cal}",
                                 f"--OUTPUT_JOURNEYS={out}/calibration_journeys.gpkg",
                                 f"--OUTPUT_REPORT={out}/calibration.html")
        rows.append(("calibrate (7,069 journeys, 12 ends)",) + ours["calibrate"] +
                    ("no peer: no installed tool fits a surface to observed journeys", None, None))
        dt_tif = os.path.join(out, "drivetime.tif")  # written by the drive-time runs above
        th = "15,20,30,45,60"
        ours["coverage"] = step("coverage", f"--DRIVETIME={dt_tif}", f"--AREAS={gpkg}|layername=lad11_oxfordshire",
                                "--AREA_ID_FIELD=lad11nm", f"--POPULATION={gpkg}|layername=lsoa11_oxfordshire",
                                "--POPULATION_FIELD=pop_mid2018", "--URBANITY_FIELD=ruc11cd",
                                "--GROUP_FIELD=imd19_decile", f"--THRESHOLDS={th}", "--TARGET=30",
                                f"--OUTPUT={out}/coverage.gpkg", f"--OUTPUT_TABLE={out}/coverage_table.gpkg")
        if os.path.exists(args.peer_python) and subprocess.run(
                [args.peer_python, "-c", "import exactextract"], capture_output=True).returncode == 0:
            walls, peaks = [], []
            for _ in range(args.repeat):
                pw, pm = run_peer(tmp, "peer_exactextract", PEER_EXACTEXTRACT, [],
                                  [dt_tif, gpkg, th, os.path.join(tmp, "bands.tif")], python=args.peer_python)
                walls.append(pw)
                peaks.append(pm)
            rows.append(("coverage (5 districts, 407 LSOAs)",) + ours["coverage"] +
                        ("exactextract (LSOA means of 0/1 bands, pandas sums)", statistics.median(walls),
                         max(peaks)))
        else:
            rows.append(("coverage (5 districts, 407 LSOAs)",) + ours["coverage"] +
                        ("exactextract not installed (make bench-venv)", None, None))
        ours["matrix"] = step("matrix", f"--SPEED={cal}", f"--SITES={sites}", "--SITE_ID_FIELD=site_code_2014",
                              "--SITE_NAME_FIELD=site_name", "--BANDS=30,45,60", f"--OUTPUT={out}/pairs.gpkg",
                              f"--OUTPUT_MATRIX={out}/matrix.csv")
        pw, pm = run_peer(tmp, "peer_skimage_matrix", PEER_SKIMAGE_MATRIX, [], [cal, gpkg, SITES_SQL])
        rows.append(("matrix (16 A&Es, pairs once)",) + ours["matrix"] +
                    ("scikit-image MCP_Geometric find_costs (8 nbrs)", pw, pm))
        scen = f"{SITES_SQL} AND site_name <> 'Horton General Hospital'"
        ours["scenario"] = step("scenario", f"--SPEED={cal}", f"--BASELINE_SITES={sites}",
                                f"--SCENARIO_SITES={gpkg}|layername=ae_sites|subset={scen}",
                                f"--AREAS={gpkg}|layername=lad11_oxfordshire", "--AREA_ID_FIELD=lad11nm",
                                f"--POPULATION={gpkg}|layername=lsoa11_oxfordshire", "--POPULATION_FIELD=pop_mid2018",
                                "--URBANITY_FIELD=ruc11cd", "--GROUP_FIELD=imd19_decile", "--THRESHOLDS=20,30,45,60",
                                "--TARGET=30", f"--OUTPUT_DELTA={out}/delta.tif", f"--OUTPUT={out}/scenario.gpkg",
                                f"--OUTPUT_TABLE={out}/scenario.csv", f"--OUTPUT_SUMMARY={out}/scenario.html")
        rows.append(("scenario (one A&E closes)",) + ours["scenario"] +
                    ("no single peer: two drive times + two coverages (rows above)", None, None))
        ours["standby"] = step("standby", f"--SPEED={speed}", f"--POPULATION={gpkg}|layername=lsoa11_oxfordshire",
                               "--POPULATION_FIELD=pop_mid2018", "--DRIVE_BUDGET=6", "--TARGET_COVERAGE=90",
                               f"--OUTPUT={out}/standby.gpkg", f"--OUTPUT_CURVE={out}/standby.csv",
                               f"--OUTPUT_ZONES={out}/standby_zones.gpkg", f"--OUTPUT_REPORT={out}/standby.html")
        rows.append(("standby (300 candidates, 6 min, 90 %)",) + ours["standby"] +
                    ("no peer: no maximal-covering solver installed", None, None))
    finally:
        if args.out is None:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"qgis_process start-up (subtracted from ours): {startup:.2f} s; median of {args.repeat} runs\n")
    print("| step | ours (s, net) | ours peak MiB | peer | peer (s) | peer peak MiB | ours / peer |")
    print("|---|---|---|---|---|---|---|")
    for name, o, om, peer, pw, pm in rows:
        ratio = f"{o / pw:.2f}" if o is not None and pw is not None and pw == pw and pw > 0 else ""
        print(f"| {name} | {'' if o is None else f'{o:.2f}'} | {'' if om is None else f'{om:.0f}'} | {peer} | "
              f"{'' if pw is None else f'{pw:.2f}'} | {'' if pm is None else f'{pm:.0f}'} | {ratio} |")


if __name__ == "__main__":
    main()
