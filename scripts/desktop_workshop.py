"""Workshop mode in the real QGIS desktop: real mouse clicks (xdotool) on the map canvas, screenshots, latency.

Runs *inside* QGIS (``qgis --code``) on a virtual X display; needs ``apt-get install xvfb xdotool``::

    make demo   # or only its first step: the BOB speed surface at 50 m, demo_output/speed.tif
    OUT=/tmp/dte_workshop DATA=../shared/data SPEED=demo_output/speed.tif QGIS_PLUGINPATH=$PWD/.build/plugins \\
      xvfb-run -a -s '-screen 0 1600x1000x24' qgis --nologo --noversioncheck \\
      --profiles-path /tmp/dte_workshop/profiles --code scripts/desktop_workshop.py

Loads the BOB speed surface, the type-1 A&E sites inside it, the BOB PCTs and the BOB LSOAs (copies: the sample
data are never opened for writing), opens the workshop dock from the toolbar action, starts it, then with the
mouse: adds a site near Thame, drags it to Wallingford, right-clicks the John Radcliffe to close it. After each
step it waits for the figures, takes a screenshot (``whatif_*.png``) and logs the figures; then it checks them
against ``drivetime:drivetime`` + ``drivetime:coverage`` on the same site set, times 10 further moves, and
saves the sites and runs *Compare site scenarios* from the dock. Log: ``workshop_log.txt`` in ``$OUT``.
"""
import os
import shutil
import subprocess
import sys
import time

import numpy as np
from qgis.core import QgsPointXY, QgsProject, QgsRasterLayer, QgsRectangle, QgsVectorLayer
from qgis.PyQt.QtCore import QPoint, QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface, plugins

import processing

sys.path.insert(0, os.path.join(os.getcwd(), "scripts"))  # run from the repository root
from _desktop import DATA, Session, load_plugin  # noqa: E402

SPEED = os.path.abspath(os.environ.get("SPEED", os.path.join(os.getcwd(), "demo_output", "speed.tif")))
SESSION = Session("/tmp/dte_workshop", "workshop_log.txt")
OUT, log, shot = SESSION.out, SESSION.log, SESSION.shot
SUBSET = "ed_type1_curated = 1 AND bng_e > 396500 AND bng_e < 518500 AND bng_n > 141500 AND bng_n < 268500"
THAME = (470600.0, 205900.0)
WALLINGFORD = (460800.0, 189600.0)
JOHN_RADCLIFFE = (453940.0, 207531.0)
state = {"t0": time.time()}


def later(ms, fn):
    QTimer.singleShot(ms, fn)


def when_idle(fn, timeout=120.0):
    """Call ``fn`` once the session has no evaluation in flight or pending."""
    start = time.time()

    def poll():
        s = state["dock"].session
        if s is not None and s.model is not None and not s.is_running():
            later(300, fn)  # let the canvas repaint
        elif time.time() - start > timeout:
            log("TIMEOUT waiting for the workshop; status:", state["dock"].status.text())
            finish()
        else:
            later(50, poll)

    later(50, poll)


def screen_xy(x, y):
    canvas = iface.mapCanvas()
    px = canvas.getCoordinateTransform().transform(QgsPointXY(x, y))
    g = canvas.mapToGlobal(QPoint(int(round(px.x())), int(round(px.y()))))
    return g.x(), g.y()


def xdo(*args):
    subprocess.run(["xdotool", *[str(a) for a in args]], check=True)


def figures(tag):
    s = state["dock"].session
    res = s.last
    f = res.figures
    log(f"[{tag}] open sites {len(s.open_indices())}; latency {getattr(res, 'latency', float('nan')):.3f} s; "
        f"timings " + ", ".join(f"{k} {v:.3f}" for k, v in res.timings.items()))
    log(f"[{tag}] study within {f.thresholds.tolist()}: {np.round(f.study_le).tolist()}")
    for name, le in zip(s.area_names, f.pop_le):
        log(f"[{tag}]   {name}: {np.round(le).tolist()}")
    log(f"[{tag}] headline: {state['dock'].headline.text()}")
    state.setdefault("figs", {})[tag] = f


def inputs():
    gpkg = os.path.join(OUT, "oxfordshire_demo_copy.gpkg")
    shutil.copyfile(os.path.join(DATA, "oxfordshire_demo.gpkg"), gpkg)
    # the LSOAs come in WGS 84: a British National Grid copy, so that the desktop asks no datum-transformation
    # question in the middle of the clicks
    from osgeo import gdal

    lsoa = os.path.join(OUT, "lsoa11_bob_bng.gpkg")
    gdal.VectorTranslate(lsoa, os.path.join(DATA, "extra", "lsoa11_bob.geojson"), format="GPKG",
                         dstSRS="EPSG:27700", layerName="lsoa11_bob")
    return [QgsRasterLayer(SPEED, "BOB speed surface (50 m)"),
            QgsVectorLayer(f"{gpkg}|layername=ae_sites|subset={SUBSET}", "A&E sites (type 1)", "ogr"),
            QgsVectorLayer(f"{gpkg}|layername=pct11_bob_derived", "PCT areas (BOB)", "ogr"),
            QgsVectorLayer(lsoa, "LSOA population (BOB)", "ogr")]


def main():
    load_plugin()
    from qgis.PyQt.QtCore import QSettings

    for key in ("Projections/promptWhenMultipleTransformsExist", "Projections/showDatumTransformDialog"):
        QSettings().setValue(key, False)  # no "choose a datum transformation" dialog for the WGS 84 LSOAs
    iface.mainWindow().setGeometry(0, 0, 1600, 1000)  # no window manager on xvfb: no maximise
    layers = inputs()
    for lyr in layers:
        log(lyr.name(), "valid:", lyr.isValid())
    QgsProject.instance().addMapLayers(layers)
    state["layers"] = layers
    canvas = iface.mapCanvas()
    canvas.setDestinationCrs(layers[0].crs())
    canvas.setExtent(QgsRectangle(428000, 180000, 492000, 232000))
    canvas.refresh()
    plugin = plugins["drivetime_equity"]
    log("toolbar actions:", [a.text() for a in plugin.toolbar.actions()])
    plugin.workshop_action.trigger()  # as a click on the toolbar button
    dock = plugin.dock
    state["dock"] = dock
    log("preselected:", dock.speed.currentLayer().name() if dock.speed.currentLayer() else None,
        dock.sites.currentLayer().name() if dock.sites.currentLayer() else None,
        dock.areas.currentLayer().name() if dock.areas.currentLayer() else None,
        dock.population.currentLayer().name() if dock.population.currentLayer() else None,
        dock.population_field.currentField())
    dock.speed.setLayer(layers[0])
    dock.sites.setLayer(layers[1])
    dock.areas.setLayer(layers[2])
    dock.population.setLayer(layers[3])
    dock.population_field.setField("pop_mid2018")
    later(1500, start)


def start():
    shot("whatif_0_dock.png")
    state["t_start"] = time.time()
    state["dock"].start_button.click()
    when_idle(started, timeout=300)


def started():
    log(f"model built and starting sites evaluated in {time.time() - state['t_start']:.1f} s")
    canvas = iface.mapCanvas()
    canvas.setExtent(QgsRectangle(428000, 180000, 492000, 232000))
    canvas.refresh()
    later(1500, lambda: (figures("start"), shot("whatif_1_start.png"), add()))


def add():
    x, y = screen_xy(*THAME)
    log("click at", THAME, "screen", (x, y))
    xdo("mousemove", x, y)
    xdo("click", "1")
    when_idle(lambda: (figures("add"), shot("whatif_2_added.png"), move()))


def move():
    (x0, y0), (x1, y1) = screen_xy(*THAME), screen_xy(*WALLINGFORD)
    log("drag from", THAME, "to", WALLINGFORD)
    xdo("mousemove", x0, y0)
    xdo("mousedown", "1")
    for k in range(1, 11):
        xdo("mousemove", int(x0 + (x1 - x0) * k / 10), int(y0 + (y1 - y0) * k / 10))
        time.sleep(0.15)
        QApplication.processEvents()
    xdo("mouseup", "1")
    when_idle(lambda: (figures("move"), shot("whatif_3_moved.png"), close()))


def close():
    x, y = screen_xy(*JOHN_RADCLIFFE)
    log("right click at", JOHN_RADCLIFFE)
    xdo("mousemove", x, y)
    xdo("click", "3")
    when_idle(lambda: (figures("close"), shot("whatif_4_closed.png"), check()))


def check():
    """The figures against drivetime:drivetime + drivetime:coverage on the same sites."""
    s = state["dock"].session
    folder = os.path.join(OUT, "check")
    os.makedirs(folder, exist_ok=True)
    src = s.save_sites(os.path.join(folder, "sites_now.gpkg"))
    t = time.time()
    dt = processing.run("drivetime:drivetime", {"SPEED": state["layers"][0], "SITES": src, "ACTIVATION": 2.0,
                                                "OUTPUT": os.path.join(folder, "dt.tif")})["OUTPUT"]
    cov = processing.run("drivetime:coverage", {
        "DRIVETIME": dt, "AREAS": state["layers"][2], "AREA_ID_FIELD": "pct11nm", "POPULATION": state["layers"][3],
        "POPULATION_FIELD": "pop_mid2018", "THRESHOLDS": "8,19,30,45,60", "TARGET": 8,
        "OUTPUT": os.path.join(folder, "cov.gpkg"), "OUTPUT_TABLE": os.path.join(folder, "cov_table.gpkg")})
    log(f"drivetime + coverage on the same sites took {time.time() - t:.1f} s")
    f = state["figs"]["close"]
    worst = 0.0
    for feat in QgsVectorLayer(cov["OUTPUT"], "c", "ogr").getFeatures():
        i = s.area_names.index(feat["area_name"])
        ref = [feat[f"pop_le_{T}"] or 0.0 for T in (8, 19, 30, 45, 60)]
        worst = max(worst, float(np.max(np.abs(np.array(ref) - f.pop_le[i]))))
        log(f"  {feat['area_name']}: coverage {np.round(ref, 1).tolist()} / "
            f"workshop {np.round(f.pop_le[i], 1).tolist()}")
    log(f"largest difference workshop vs coverage: {worst:.6f} people")
    later(100, timing)


def timing():
    """Ten more moves of the added site, one at a time: change -> figures and raster shown."""
    s = state["dock"].session
    i = next((k for k, site in enumerate(s.sites) if site[3] == "added"), None)
    if i is None:
        i = s.add_site(*WALLINGFORD)
    n0 = len(s.latencies)
    state["moves"] = 0

    def step():
        if state["moves"] == 10:
            lat = np.array(s.latencies[n0:])
            log(f"latency over 10 moves (change to figures and raster on screen): median {np.median(lat):.3f} s, "
                f"max {lat.max():.3f} s; last timings " +
                ", ".join(f"{k} {v:.3f}" for k, v in s.last.timings.items()))
            log("all latencies:", np.round(s.latencies, 3).tolist())
            later(100, scenario)
            return
        state["moves"] += 1
        x = WALLINGFORD[0] + 500.0 * state["moves"]
        s.move_site(i, x, WALLINGFORD[1])
        when_idle(step)

    step()


def scenario():
    state["t_scen"] = time.time()
    state["dock"].save_button.click()
    log("status:", state["dock"].status.text())

    def poll():
        dlg = getattr(state["dock"], "_scenario_dialog", None)
        done = dlg is not None and dlg.results() is not None and len(dlg.results()) > 0
        if done or time.time() - state["t_scen"] > 240:
            log(f"scenario {'finished' if done else 'not finished'} after {time.time() - state['t_scen']:.1f} s:",
                dlg.results() if dlg is not None else None)
            shot("whatif_5_scenario.png")
            finish()
        else:
            later(500, poll)

    later(500, poll)


def finish():
    shot("whatif_6_end.png")
    log(f"done in {time.time() - state['t0']:.1f} s")
    SESSION.finish()


main()
