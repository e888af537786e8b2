"""The Oxfordshire example of drivetime:response in the README: per-district table and map.

Demand: LSOA population (mid-2018) x an assumed 0.15 incidents per person per year (a round figure of the order
of England's ambulance incidents per head; use your trust's own rate). Stations: there is no open list of
ambulance stations, so 30 illustrative stations are placed by population-weighted k-means of the LSOA centroids,
one vehicle each. Speed surface: drivetime:speedsurface from the sample's OSM roads at 100 m (default profile,
no blue lights, uncalibrated).

Usage (from the repository root, after ``make link``):
    QT_QPA_PLATFORM=offscreen /usr/bin/python3 -P scripts/response_oxfordshire.py OUT_DIR [analytic|simulation]
"""
import os
import sys
import time

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(HERE, ".build", "plugins"))
sys.path.append("/usr/share/qgis/python/plugins")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NUMBA_CACHE_DIR", os.path.join(HERE, ".build", "numba_cache"))
os.environ.setdefault("OGR_SQLITE_JOURNAL", "DELETE")

import numpy as np  # noqa: E402
from qgis.core import (QgsApplication, QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingFeedback,  # noqa: E402
                       QgsVectorLayer)

DATA = os.environ.get("DRIVETIME_DATA", os.path.join(os.path.dirname(HERE), "shared", "data"))
GP = os.path.join(DATA, "oxfordshire_demo.gpkg")
RATE = 0.15 / 365.0  # incidents per person per day (assumed)


class Feedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.t0 = time.time()

    def pushInfo(self, m):  # noqa: N802
        print(f"[{time.time() - self.t0:6.1f} s] {m}", flush=True)

    def pushWarning(self, m):  # noqa: N802
        print(f"[{time.time() - self.t0:6.1f} s] WARNING {m}", flush=True)


def main(out, method="analytic"):
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    import drivetime_equity
    import processing
    from sklearn.cluster import KMeans

    plugin = drivetime_equity.classFactory(None)  # kept alive: the provider goes with it
    plugin.initProcessing()
    os.makedirs(out, exist_ok=True)
    speed = os.path.join(out, "speed100.tif")
    if not os.path.exists(speed):
        processing.run("drivetime:speedsurface", {
            "ROADS": os.path.join(DATA, "bob_roads.gpkg") + "|layername=osm_roads_2021", "CLASS_FIELD": "highway",
            "EXTENT": "414000,484000,169000,258000 [EPSG:27700]", "CELL_SIZE": 100, "OUTPUT": speed})
    lsoa = QgsVectorLayer(GP + "|layername=lsoa11_oxfordshire", "lsoa", "ogr")
    demand = QgsVectorLayer("Polygon?crs=EPSG:27700&field=calls_day:double&field=ruc11cd:string", "demand", "memory")
    feats, xy, w = [], [], []
    for f in lsoa.getFeatures():
        g = QgsFeature(demand.fields())
        g.setGeometry(f.geometry())
        g.setAttributes([f["pop_mid2018"] * RATE, f["ruc11cd"]])
        feats.append(g)
        c = f.geometry().centroid().asPoint()
        xy.append((c.x(), c.y()))
        w.append(f["pop_mid2018"])
    demand.dataProvider().addFeatures(feats)
    km = KMeans(n_clusters=30, n_init=4, random_state=0).fit(np.array(xy), sample_weight=np.array(w))
    stations = QgsVectorLayer("Point?crs=EPSG:27700&field=name:string&field=vehicles:integer", "stations", "memory")
    sf = []
    for i, (x, y) in enumerate(km.cluster_centers_):
        f = QgsFeature(stations.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        f.setAttributes([f"S{i + 1:02d}", 1])
        sf.append(f)
    stations.dataProvider().addFeatures(sf)
    m = 1 if method == "simulation" else 0
    res = processing.run("drivetime:response", {
        "SPEED": speed, "STATIONS": stations, "VEHICLES_FIELD": "vehicles", "DEMAND": demand,
        "DEMAND_FIELD": "calls_day", "AREAS": GP + "|layername=lad11_oxfordshire", "URBANITY_FIELD": "ruc11cd",
        "ACTIVATION": 2, "JOB_CYCLE": 75, "TARGETS": "7,15,18,40", "METHOD": m, "STANDARD_MEAN": 18,
        "STANDARD_P90": 40, "OUTPUT": os.path.join(out, f"response_{method}.gpkg"),
        "OUTPUT_STATIONS": os.path.join(out, f"stations_{method}.gpkg"),
        "OUTPUT_SUMMARY": os.path.join(out, f"summary_{method}.txt")}, feedback=Feedback())
    with open(res["OUTPUT_SUMMARY"], encoding="utf-8") as fh:
        print(fh.read())
    return res


def draw_map(out, method, png):
    import geopandas as gpd
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.patheffects as pe
    import matplotlib.pyplot as plt

    areas = gpd.read_file(os.path.join(out, f"response_{method}.gpkg"))
    st = gpd.read_file(os.path.join(out, f"stations_{method}.gpkg"))
    fig, ax = plt.subplots(figsize=(7.6, 6.6))
    areas.plot(column="p90_min", ax=ax, cmap="YlOrRd", edgecolor="#333333", legend=True, zorder=1,
               legend_kwds={"label": "90th percentile response (min)", "shrink": 0.6})
    sc = ax.scatter(st.geometry.x, st.geometry.y, c=st["utilisation_pct"], cmap="Blues", vmin=0, vmax=100,
                    s=30, edgecolor="black", linewidth=0.5, zorder=2)
    halo = [pe.withStroke(linewidth=2.5, foreground="white")]  # readable over the fill and the stations
    for _, r in areas.iterrows():
        p = r.geometry.representative_point()
        ax.annotate(f"{r['area_name']}\nmean {r['mean_min']:.1f} / p90 {r['p90_min']:.1f}", (p.x, p.y),
                    ha="center", va="center", fontsize=7.5, fontweight="bold", path_effects=halo, zorder=3)
    fig.colorbar(sc, ax=ax, shrink=0.6, label="station utilisation (%)")
    ax.set_axis_off()
    ax.set_title("Response times with busy vehicles (analytic): Oxfordshire districts,\n"
                 "30 illustrative stations, 283 calls a day", fontsize=9)
    ax.text(0.0, -0.02, "Contains National Statistics data © Crown copyright 2011-2022 (OGL v3).\nMap data © "
            "OpenStreetMap contributors (ODbL).", fontsize=6, transform=ax.transAxes, va="top")
    fig.savefig(png, dpi=110, bbox_inches="tight")
    try:  # an adaptive palette keeps the README image small
        from PIL import Image

        Image.open(png).convert("RGB").quantize(colors=256).save(png, optimize=True)
    except ImportError:
        pass


if __name__ == "__main__":
    out_dir = sys.argv[1] if len(sys.argv) > 1 else "response_demo"
    meth = sys.argv[2] if len(sys.argv) > 2 else "analytic"
    main(out_dir, meth)
    if len(sys.argv) > 3:
        draw_map(out_dir, meth, sys.argv[3])
