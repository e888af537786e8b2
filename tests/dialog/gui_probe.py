"""Build the plugin's GUI (toolbar, menu, workshop dock) in a GUI QgsApplication with a stub ``iface`` around a
real main window and map canvas, and drive the workshop map tool with mouse events.

Run as its own process (tests/dialog/test_gui.py; a crash in a widget kills the process)::

    python3 -P tests/dialog/gui_probe.py OUTFILE.json

On a small synthetic project (a speed surface with a road grid, two A&E sites, two districts, four LSOA-like
population polygons, a road-line layer) it records, as JSON: the toolbar's actions and icons, the toolbox
order of the display names, the layers preselected for each dialog, the dialog defaults, the dock's
preselection, and the workshop figures after each mouse action next to those of ``drivetime:drivetime`` +
``drivetime:coverage`` run on the same sites.
"""
import json
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PLUGINS = os.path.join(ROOT, ".build", "plugins")
QGIS_PLUGINS = "/usr/share/qgis/python/plugins"
CELL = 50.0
X0, Y1 = 440000.0, 210000.0
N = 120  # cells a side: 6 km


def say(*parts):
    print(*parts, flush=True)


def make_project(folder):
    import numpy as np
    import rasterio
    from rasterio.transform import from_origin
    from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsRasterLayer, QgsVectorLayer

    speed = np.full((N, N), 6.0, np.float32)  # off road: walking pace
    speed[::10, :] = 30.0
    speed[:, ::10] = 30.0
    speed[60, :] = 60.0  # a fast east-west road
    speed[90:100, 90:100] = 0.0  # a lake
    path = os.path.join(folder, "speed.tif")
    with rasterio.open(path, "w", driver="GTiff", height=N, width=N, count=1, dtype="float32", crs="EPSG:27700",
                       transform=from_origin(X0, Y1, CELL, CELL), nodata=-1) as ds:
        ds.write(speed, 1)
    layers = [QgsRasterLayer(path, "speed_surface", "gdal")]

    def vector(kind, name, fields, rows):
        lyr = QgsVectorLayer(f"{kind}?crs=EPSG:27700{fields}", name, "memory")
        feats = []
        for wkt, attrs in rows:
            f = QgsFeature(lyr.fields())
            f.setGeometry(QgsGeometry.fromWkt(wkt))
            f.setAttributes(attrs)
            feats.append(f)
        lyr.dataProvider().addFeatures(feats)
        return lyr

    def box(x0, y0, x1, y1):
        return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"

    e = X0 + N * CELL
    s = Y1 - N * CELL
    mx, my = X0 + N * CELL / 2, Y1 - N * CELL / 2
    layers.append(vector("Point", "ae_sites", "&field=site_name:string",
                         [(f"POINT({X0 + 1000 + 25} {Y1 - 1000 - 25})", ["North West A&E"]),
                          (f"POINT({X0 + 5000 + 25} {Y1 - 5000 - 25})", ["South East A&E"])]))
    layers.append(vector("Polygon", "lad_districts", "&field=lad_name:string",
                         [(box(X0, s, mx, Y1), ["West"]), (box(mx, s, e, Y1), ["East"])]))
    layers.append(vector("Polygon", "lsoa_population", "&field=code:string&field=pop_mid2018:double",
                         [(box(X0, my, mx, Y1), ["A", 1000.0]), (box(mx, my, e, Y1), ["B", 2000.0]),
                          (box(X0, s, mx, my), ["C", 3000.0]), (box(mx, s, e, my), ["D", 4000.0])]))
    layers.append(vector("LineString", "roads_osm", "&field=highway:string",
                         [(f"LINESTRING({X0} {my},{e} {my})", ["primary"])]))
    for lyr in layers:
        assert lyr.isValid(), lyr.name()
    QgsProject.instance().addMapLayers(layers)
    return {lyr.name(): lyr for lyr in layers}


class StubIface:
    """The ``iface`` calls the plugin and the Processing dialogs make, around a real main window and canvas."""

    def __init__(self, window, canvas):
        self._win, self._canvas = window, canvas
        self.menus = {}
        self.docks = []

    def mainWindow(self):  # noqa: N802
        return self._win

    def mapCanvas(self):  # noqa: N802
        return self._canvas

    def addToolBar(self, name):  # noqa: N802
        return self._win.addToolBar(name)

    def addPluginToMenu(self, menu, action):  # noqa: N802
        self.menus.setdefault(menu, []).append(action)

    def removePluginMenu(self, menu, action):  # noqa: N802
        self.menus.get(menu, []).remove(action)

    def addDockWidget(self, area, dock):  # noqa: N802
        self._win.addDockWidget(area, dock)
        self.docks.append(dock)

    def removeDockWidget(self, dock):  # noqa: N802
        self._win.removeDockWidget(dock)

    def messageBar(self):  # noqa: N802
        return None

    def activeLayer(self):  # noqa: N802
        return None

    def browserModel(self):  # noqa: N802
        return None


def wait(app, session, timeout=120):
    t0 = time.time()
    while time.time() - t0 < timeout:
        app.processEvents()
        if session.model is not None and not session.is_running():
            return True
        time.sleep(0.005)
    return False


def click(canvas, tool, x, y, button, kind):
    from qgis.core import QgsPointXY
    from qgis.gui import QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, Qt

    px = canvas.getCoordinateTransform().transform(QgsPointXY(x, y))
    from qgis.PyQt.QtCore import QPoint

    pos = QPoint(int(round(px.x())), int(round(px.y())))
    etype = {"press": QEvent.MouseButtonPress, "move": QEvent.MouseMove, "release": QEvent.MouseButtonRelease}[kind]
    buttons = Qt.NoButton if kind == "release" else button
    ev = QgsMapMouseEvent(canvas, etype, pos, button if kind != "move" else Qt.NoButton, buttons)
    getattr(tool, {"press": "canvasPressEvent", "move": "canvasMoveEvent", "release": "canvasReleaseEvent"}[kind])(ev)


def figures_dict(session, res):
    f = res.figures
    return {"thresholds": f.thresholds.tolist(), "pop_le": f.pop_le.tolist(), "pop_total": f.pop_total.tolist(),
            "study_le": f.study_le.tolist(), "sites": [list(s) for s in session.sites],
            "used": res.used.tolist(), "latency": getattr(res, "latency", None), "timings": res.timings}


def coverage_reference(sites_source, lay, folder, tag):
    """pop_le_<T> by area from drivetime:drivetime + drivetime:coverage on the same sites."""
    import processing
    from qgis.core import QgsVectorLayer

    dt = os.path.join(folder, f"dt_{tag}.tif")
    processing.run("drivetime:drivetime", {"SPEED": lay["speed_surface"], "SITES": sites_source, "ACTIVATION": 2.0,
                                           "OUTPUT": dt})
    out = os.path.join(folder, f"cov_{tag}.gpkg")
    processing.run("drivetime:coverage", {"DRIVETIME": dt, "AREAS": lay["lad_districts"],
                                          "AREA_ID_FIELD": "lad_name", "POPULATION": lay["lsoa_population"],
                                          "POPULATION_FIELD": "pop_mid2018", "THRESHOLDS": "8,19,30,45,60",
                                          "TARGET": 8, "OUTPUT": out, "OUTPUT_TABLE": "TEMPORARY_OUTPUT"})
    res = {}
    for f in QgsVectorLayer(out, "c", "ogr").getFeatures():
        res[f["area_name"]] = [f[f"pop_le_{t}"] for t in (8, 19, 30, 45, 60)]
    return res


def main(argv):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out_path = argv[1]
    for p in (PLUGINS,):
        if p not in sys.path:
            sys.path.insert(0, p)
    if QGIS_PLUGINS not in sys.path:
        sys.path.append(QGIS_PLUGINS)
    from qgis.core import QgsApplication, QgsProject
    from qgis.gui import QgsMapCanvas
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QMainWindow

    app = QgsApplication([], True)
    app.initQgis()
    folder = tempfile.mkdtemp(prefix="dte_gui_")
    lay = make_project(folder)
    win = QMainWindow()
    canvas = QgsMapCanvas(win)
    win.setCentralWidget(canvas)
    win.resize(1200, 800)
    canvas.setDestinationCrs(lay["speed_surface"].crs())
    canvas.setLayers(list(lay.values()))
    canvas.setExtent(lay["speed_surface"].extent())
    win.show()
    app.processEvents()
    canvas.setExtent(lay["speed_surface"].extent())
    canvas.refresh()
    import qgis.utils

    iface = StubIface(win, canvas)
    qgis.utils.iface = iface
    from processing.core.Processing import Processing

    Processing.initialize()
    import drivetime_equity

    out = {}
    say("STEP initGui")
    plugin = drivetime_equity.classFactory(iface)
    plugin.initGui()
    tb = plugin.toolbar
    acts = [a for a in tb.actions() if not a.isSeparator()]
    out["toolbar"] = {"name": tb.windowTitle(), "object": tb.objectName(), "visible": tb.isVisible(),
                      "actions": [a.objectName() for a in acts], "texts": [a.text() for a in acts],
                      "icons_null": [a.icon().isNull() for a in acts],
                      "icon_keys": [a.icon().pixmap(32, 32).toImage().bits().asstring(32 * 32 * 4).hex()[:4096]
                                    for a in acts]}
    out["menu"] = [a.objectName() for a in iface.menus.get("&Drive-Time Equity", [])]
    provider = QgsApplication.processingRegistry().providerById("drivetime")
    algs = provider.algorithms()
    out["toolbox_sorted"] = [a.id() for a in sorted(algs, key=lambda a: a.displayName().lower())]
    out["groups"] = sorted({a.group() for a in algs})
    out["icon_paths"] = {a.id(): os.path.basename(a.icon_path()) for a in algs}

    say("STEP preselection")
    from drivetime_equity.plugin.layer_choice import guess_parameters

    out["guess"] = {}
    for a in algs:
        g = guess_parameters(a)
        out["guess"][a.id()] = {k: (QgsProject.instance().mapLayer(v).name()
                                    if QgsProject.instance().mapLayer(v) is not None else v) for k, v in g.items()}

    say("STEP dialog defaults")
    from processing.gui.AlgorithmDialog import AlgorithmDialog

    dlg = AlgorithmDialog(QgsApplication.processingRegistry().createAlgorithmById("drivetime:drivetime"), False,
                          None)
    dlg.show()
    app.processEvents()
    w = dlg.mainWidget().wrappers
    out["dialog_drivetime"] = {"ACTIVATION": w["ACTIVATION"].parameterValue(),
                               "ACTIVATION_CLI_DEFAULT":
                                   dlg.algorithm().parameterDefinition("ACTIVATION").defaultValue()}
    for name in ("OUTPUT_NEAREST", "OUTPUT_ZONES"):
        v = w[name].parameterValue()
        out["dialog_drivetime"][name] = bool(v) and "TEMPORARY_OUTPUT" in str(getattr(v, "sink", v))
    dlg.close()
    app.processEvents()

    say("STEP dock")
    plugin.workshop_action.setChecked(True)
    app.processEvents()
    dock = plugin.dock
    out["dock"] = {"visible": dock.isVisible(), "area": int(win.dockWidgetArea(dock)),
                   "speed": dock.speed.currentLayer().name() if dock.speed.currentLayer() else None,
                   "sites": dock.sites.currentLayer().name() if dock.sites.currentLayer() else None,
                   "areas": dock.areas.currentLayer().name() if dock.areas.currentLayer() else None,
                   "population": dock.population.currentLayer().name() if dock.population.currentLayer() else None,
                   "population_field": dock.population_field.currentField(),
                   "activation": dock.activation.value(), "thresholds": dock.thresholds.text()}

    say("STEP workshop start")
    dock.start_button.setChecked(True)
    session = dock.session
    ok = wait(app, session)
    out["ready"] = ok and session.baseline is not None
    if not out["ready"]:
        out["status"] = dock.status.text()
        write(out_path, out)
        os._exit(1)
    out["tool_active"] = canvas.mapTool() is dock.map_tool
    tool = dock.map_tool
    steps = {"start": figures_dict(session, session.last)}
    out["raster_layer"] = session.raster_layer.name() if session.raster_layer else None
    out["headline_start"] = dock.headline.text()
    out["table_rows"] = dock.table.rowCount()
    ref = {"start": coverage_reference(lay["ae_sites"], lay, folder, "start")}

    def after(step):
        """Wait for the step's figures; keep them, the headline, and the reference on the sites the session saves."""
        wait(app, session)
        steps[step] = figures_dict(session, session.last)
        out["headline_" + step] = dock.headline.text()
        ref[step] = coverage_reference(session.save_sites(os.path.join(folder, step + ".gpkg")), lay, folder, step)

    def gesture(step, button, *points):
        """Press at the first point, move through the others, release at the last; then settle the step."""
        say("STEP " + step)
        click(canvas, tool, *points[0], button, "press")
        for x, y in points[1:]:
            click(canvas, tool, x, y, button, "move")
        click(canvas, tool, *points[-1], button, "release")
        after(step)

    # add a site in the far north-east (on the road grid), move it, close a starting one
    a, b = (X0 + 5000 + 25, Y1 - 1000 - 25), (X0 + 3000 + 25, Y1 - 3000 - 25)
    gesture("add", Qt.LeftButton, a)
    gesture("move", Qt.LeftButton, a, ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), b)
    gesture("close", Qt.RightButton, (X0 + 5000 + 25, Y1 - 5000 - 25))
    out["sites_layer_features"] = session.sites_layer.featureCount()
    out["steps"] = steps
    out["reference"] = ref
    out["area_names"] = session.area_names

    say("STEP scenario parameters")
    params = dock.save_and_run(folder=os.path.join(folder, "workshop"), show_dialog=False)
    out["scenario_params"] = {k: str(v) for k, v in params.items()}
    import processing

    res = processing.run("drivetime:scenario", params)
    out["scenario_outputs"] = {k: os.path.exists(str(res.get(k, "")).split("|")[0])
                               for k in ("OUTPUT", "OUTPUT_DELTA", "OUTPUT_SUMMARY")}

    say("STEP remove the workshop layers, then reset")
    QgsProject.instance().removeMapLayer(session.sites_layer.id())
    QgsProject.instance().removeMapLayer(session.raster_layer.id())
    app.processEvents()
    dock.reset()
    wait(app, session)
    steps["reset"] = figures_dict(session, session.last)
    out["layers_back"] = [session._alive(session.sites_layer), session._alive(session.raster_layer),
                          session.sites_layer.featureCount()]
    dock.start_button.setChecked(False)
    app.processEvents()
    out["stopped"] = dock.session is None and canvas.mapTool() is not tool
    say("STEP unload")
    plugin.unload()
    app.processEvents()
    out["unloaded"] = plugin.toolbar is None and plugin.dock is None and not iface.menus.get("&Drive-Time Equity")
    write(out_path, out)
    say("DONE")
    os._exit(0)


def write(path, out):
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(out, fh, indent=1, default=str)


if __name__ == "__main__":
    main(sys.argv)
