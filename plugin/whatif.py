"""Workshop mode: a map tool that adds, moves and closes sites while the drive-time raster and the coverage
figures follow within about a second.

- :class:`WhatIfSession` holds the speed surface (as friction) and the population spread on its grid in memory
  (``core/whatif.py``), the starting sites and the current ones, a point layer showing them and a raster layer
  showing the drive time. Every change schedules one evaluation in a background :class:`QgsTask` (the numba
  kernels release the GIL, so the canvas stays live); changes made while one runs are coalesced into the next.
- :class:`WhatIfMapTool`: left click adds a site, left drag moves one, right click closes one (or reopens a
  closed starting site).
- The dock (``whatif_dock.py``) shows the figures and their change against the starting sites, and saves the
  current sites as a layer to run ``drivetime:scenario`` on.
"""
import os
import tempfile
import time

import numpy as np
from qgis.core import (QgsApplication, QgsCoordinateTransform, QgsFeature, QgsField, QgsGeometry, QgsMessageLog,
                       QgsPointXY, QgsProject, QgsRasterLayer, QgsTask, QgsVectorLayer, Qgis)
from qgis.gui import QgsMapTool
from qgis.PyQt.QtCore import QCoreApplication, QObject, Qt, QVariant, pyqtSignal

from .utils import resources_path

DEFAULT_THRESHOLDS = "8,19,30,45,60"
DEFAULT_ACTIVATION = 2.0
DEFAULT_BANDS = (6.0, 8.0, 15.0, 19.0, 30.0, 45.0, 60.0)
NODATA = -9999.0
# origin of a site on the sites layer: a starting site (possibly moved), one added, a closed starting site
START, MOVED, ADDED, CLOSED = "start", "moved", "added", "closed"


def tr(text):
    return QCoreApplication.translate("DriveTimeEquity", text)


class _Task(QgsTask):
    """Runs ``work()`` off the GUI thread; ``done(result, error)`` is called on the GUI thread."""

    def __init__(self, description, work, done):
        super().__init__(description, QgsTask.CanCancel)
        self._work, self._done = work, done
        self.result, self.error = None, None

    def run(self):
        try:
            self.result = self._work()
            return True
        except Exception as e:  # noqa: BLE001 -- reported to the user by done()
            import traceback

            self.error = f"{e}\n{traceback.format_exc()}"
            return False

    def finished(self, ok):
        self._done(self.result if ok else None, self.error)


class Settings:
    """What a session is built from: layers (ids) and numbers, read from the dock."""

    def __init__(self, speed, sites, areas, population=None, population_field=None, population_raster=None,
                 area_name_field=None, thresholds=DEFAULT_THRESHOLDS, activation=DEFAULT_ACTIVATION,
                 snap_m=500.0):
        self.speed, self.sites, self.areas = speed, sites, areas
        self.population, self.population_field = population, population_field
        self.population_raster, self.area_name_field = population_raster, area_name_field
        self.thresholds, self.activation, self.snap_m = thresholds, float(activation), float(snap_m)


def build_model(settings, project=None, feedback=None):
    """The in-memory model of a session (runs in a background task): the speed surface and the population spread
    on its grid by areas, read exactly as ``drivetime:coverage`` reads them. Returns a dict."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProcessingMultiStepFeedback

    from ..core import coverage as cv
    from ..core.costdist import speed_to_friction
    from ..core.whatif import WhatIfModel
    from ..processing import qgis_io
    from ..processing.alg_coverage import CoverageAlgorithm
    from ..processing.base import ensure_numba_cache, parse_number_list

    ensure_numba_cache()
    project = project or QgsProject.instance()
    feedback = feedback or QgsProcessingFeedback()
    context = QgsProcessingContext()
    context.setProject(project)
    speed_layer = project.mapLayer(settings.speed)
    if speed_layer is None:
        raise ValueError(tr("Choose a speed surface (raster layer)."))
    grid = qgis_io.read_speed_surface(speed_layer, "SPEED")
    spec, crs = grid.spec, speed_layer.crs()
    fixed = qgis_io.read_fixed_minutes(speed_layer, "SPEED", feedback, settings.activation)
    thresholds = parse_number_list(settings.thresholds, "THRESHOLDS", minimum=0)
    alg = CoverageAlgorithm()
    alg.initAlgorithm()
    params = {"AREAS": settings.areas, "AREA_NAME_FIELD": settings.area_name_field,
              "POPULATION": settings.population, "POPULATION_FIELD": settings.population_field,
              "POPULATION_RASTER": settings.population_raster}
    params = {k: v for k, v in params.items() if v}
    areas = alg._read_areas(params, context, feedback, crs, spec)
    cells, _group = alg._spread(params, context, QgsProcessingMultiStepFeedback(3, feedback), spec, crs, areas,
                                cv.DEFAULT_DENSITY_BREAKS)
    friction = speed_to_friction(grid.array)
    del grid
    model = WhatIfModel(friction, spec, cells, thresholds, offset=settings.activation + fixed, snap_m=settings.snap_m)
    return {"model": model, "crs": crs, "area_names": [str(n) for n in areas["names"]], "fixed": fixed}


def read_start_sites(layer, crs, project=None):
    """(x, y, name) of the point features of ``layer`` in ``crs``."""
    from ..processing.inputs import site_name_field

    project = project or QgsProject.instance()
    ct = QgsCoordinateTransform(layer.crs(), crs, project) if layer.crs() != crs else None
    name_field = site_name_field(layer.fields())
    out = []
    for f in layer.getFeatures():
        g = f.geometry()
        if g is None or g.isEmpty():
            continue
        pts = g.asMultiPoint() if g.isMultipart() else [g.asPoint()]
        for p in pts:
            if ct is not None:
                p = ct.transform(p)
            name = f[name_field] if name_field else None
            out.append((p.x(), p.y(), str(name) if name not in (None, "") and str(name) != "NULL" else f"#{f.id()}"))
    return out


class WhatIfSession(QObject):
    """Sites in, drive time and figures out, one background evaluation at a time."""

    ready = pyqtSignal()  # the model is built and the starting sites evaluated
    updated = pyqtSignal(object)  # a core.whatif.Result
    failed = pyqtSignal(str)
    busy = pyqtSignal(bool)

    def __init__(self, settings, project=None, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.project = project or QgsProject.instance()
        self.model = None
        self.crs = None
        self.area_names = []
        self.sites = []  # [x, y, name, origin] in the surface's CRS
        self.start_sites = []
        self.baseline = None  # Result for the starting sites
        self.last = None
        self.latencies = []  # seconds from a change to its figures, per update
        self.sites_layer = None
        self.raster_layer = None
        self._task = None
        self._pending = None  # time of the oldest change not yet evaluated
        self._serial = 0
        self._folder = tempfile.mkdtemp(prefix="dte_whatif_")
        self._closed = False

    # -- building ---------------------------------------------------------------------------------------
    def start(self):
        """Build the model in the background; ``ready`` follows (or ``failed``)."""
        settings, project = self.settings, self.project
        sites_layer = project.mapLayer(settings.sites) if settings.sites else None
        self.busy.emit(True)

        def work():
            return build_model(settings, project)

        def done(result, error):
            self._task = None
            if self._closed:
                return
            if result is None:
                self.busy.emit(False)
                self.failed.emit(_first_line(error) or tr("The workshop model could not be built."))
                QgsMessageLog.logMessage(error or "", "Drive-Time Equity", Qgis.Warning)
                return
            self.model, self.crs, self.area_names = result["model"], result["crs"], result["area_names"]
            start = read_start_sites(sites_layer, self.crs, project) if sites_layer is not None else []
            self.start_sites = [[x, y, n, START] for x, y, n in start]
            self.sites = [list(s) for s in self.start_sites]
            self._make_layers()
            self.changed()

        self._run(tr("Drive-Time Equity: preparing the workshop model"), work, done)

    def _make_layers(self):
        authid = self.crs.authid() or "EPSG:27700"
        self.sites_layer = QgsVectorLayer(f"Point?crs={authid}", tr("Workshop sites"), "memory")
        self.sites_layer.dataProvider().addAttributes([QgsField("name", QVariant.String),
                                                       QgsField("origin", QVariant.String)])
        self.sites_layer.updateFields()
        style_sites(self.sites_layer)
        self.project.addMapLayer(self.sites_layer)
        self._write_sites()

    def _alive(self, layer):
        """Whether ``layer`` is still in the project (the user may remove it; its C++ object is then gone)."""
        try:
            return layer is not None and self.project.mapLayer(layer.id()) is not None
        except RuntimeError:
            return False

    # -- editing ------------------------------------------------------------------------------------------
    def open_indices(self):
        return [i for i, s in enumerate(self.sites) if s[3] != CLOSED]

    def site_at(self, x, y, tolerance, include_closed=True):
        from ..core.whatif import nearest_site

        idx = [i for i, s in enumerate(self.sites) if include_closed or s[3] != CLOSED]
        k = nearest_site(x, y, [self.sites[i][0] for i in idx], [self.sites[i][1] for i in idx], tolerance)
        return idx[k] if k >= 0 else -1

    def add_site(self, x, y, name=None):
        n = sum(1 for s in self.sites if s[3] == ADDED) + 1
        self.sites.append([float(x), float(y), name or tr("New site {n}").format(n=n), ADDED])
        self.changed()
        return len(self.sites) - 1

    def move_site(self, i, x, y):
        s = self.sites[i]
        s[0], s[1] = float(x), float(y)
        if s[3] == START:
            s[3] = MOVED
        self.changed()

    def close_site(self, i):
        """Close a site: an added one is removed, a starting one stays on the map as closed; a closed one
        reopens."""
        s = self.sites[i]
        if s[3] == ADDED:
            del self.sites[i]
        elif s[3] == CLOSED:
            s[3] = START if self._at_start(s) else MOVED
        else:
            s[3] = CLOSED
        self.changed()

    def reset(self):
        self.sites = [list(s) for s in self.start_sites]
        self.changed()

    def _at_start(self, s):
        return any(abs(s[0] - t[0]) < 1e-6 and abs(s[1] - t[1]) < 1e-6 for t in self.start_sites)

    # -- evaluating --------------------------------------------------------------------------------------
    def changed(self):
        """The sites changed: show them, and evaluate (now, or after the run in progress)."""
        if self.model is None:
            return
        self._write_sites()
        if self._pending is None:
            self._pending = time.perf_counter()
        if self._task is None:
            self._evaluate()

    def _evaluate(self):
        since = self._pending
        self._pending = None
        open_sites = [self.sites[i] for i in self.open_indices()]
        xs = np.array([s[0] for s in open_sites], dtype=np.float64)
        ys = np.array([s[1] for s in open_sites], dtype=np.float64)
        model, crs = self.model, self.crs
        self._serial += 1
        path = os.path.join(self._folder, f"drivetime_{self._serial % 2}.tif")
        self.busy.emit(True)

        def work():
            res = model.evaluate(xs, ys)
            t = time.perf_counter()
            write_minutes(path, res.minutes, model.spec, crs)
            res.timings["write"] = time.perf_counter() - t
            return res

        def done(res, error):
            self._task = None
            if self._closed:
                return
            if res is None:
                self.busy.emit(False)
                self.failed.emit(_first_line(error) or tr("The update failed."))
                QgsMessageLog.logMessage(error or "", "Drive-Time Equity", Qgis.Warning)
            else:
                self._show_raster(path)
                res.latency = time.perf_counter() - since
                self.latencies.append(res.latency)
                first = self.baseline is None
                if first:
                    self.baseline = res
                self.last = res
                if first:
                    self.ready.emit()
                self.updated.emit(res)
            if self._pending is not None:
                self._evaluate()
            elif res is not None:
                self.busy.emit(False)

        self._run(tr("Drive-Time Equity: workshop update"), work, done)

    def _run(self, description, work, done):
        task = _Task(description, work, done)
        self._task = task
        QgsApplication.taskManager().addTask(task)

    def is_running(self):
        return self._task is not None or self._pending is not None

    # -- layers ------------------------------------------------------------------------------------------
    def _write_sites(self):
        layer = self.sites_layer
        if layer is None:
            return
        if not self._alive(layer):  # removed from the project by the user: show it again
            self._make_layers()
            return
        prov = layer.dataProvider()
        prov.truncate()
        feats = []
        for x, y, name, origin in self.sites:
            f = QgsFeature(layer.fields())
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
            f.setAttributes([name, origin])
            feats.append(f)
        prov.addFeatures(feats)
        layer.updateExtents()
        layer.triggerRepaint()

    def _show_raster(self, path):
        from ..processing import styling

        name = tr("Workshop drive time (minutes)")
        if not self._alive(self.raster_layer):
            self.raster_layer = QgsRasterLayer(path, name, "gdal")
            styling.style_drivetime_raster(self.raster_layer, list(DEFAULT_BANDS))
            self.project.addMapLayer(self.raster_layer, False)
            root = self.project.layerTreeRoot()
            # just below the sites, above everything else
            top = root.children()
            below = 1 if top and self._alive(self.sites_layer) and \
                getattr(top[0], "layerId", lambda: None)() == self.sites_layer.id() else 0
            root.insertLayer(below, self.raster_layer)
        else:
            from qgis.core import QgsDataProvider

            renderer = self.raster_layer.renderer().clone()
            self.raster_layer.setDataSource(path, name, "gdal", QgsDataProvider.ProviderOptions())
            self.raster_layer.setRenderer(renderer)
            self.raster_layer.triggerRepaint()

    # -- saving ------------------------------------------------------------------------------------------
    def save_sites(self, path):
        """Write the open sites (name, origin) to a GeoPackage; returns the layer source."""
        from qgis.core import QgsVectorFileWriter

        layer = QgsVectorLayer(f"Point?crs={self.crs.authid()}", "sites", "memory")
        layer.dataProvider().addAttributes([QgsField("name", QVariant.String), QgsField("origin", QVariant.String)])
        layer.updateFields()
        feats = []
        for i in self.open_indices():
            x, y, name, origin = self.sites[i]
            f = QgsFeature(layer.fields())
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
            f.setAttributes([name, origin])
            feats.append(f)
        layer.dataProvider().addFeatures(feats)
        opts = QgsVectorFileWriter.SaveVectorOptions()
        opts.driverName = "GPKG"
        opts.layerName = "workshop_sites"
        write = getattr(QgsVectorFileWriter, "writeAsVectorFormatV3", None) or \
            QgsVectorFileWriter.writeAsVectorFormatV2
        err = write(layer, path, self.project.transformContext(), opts)
        if err[0] != QgsVectorFileWriter.NoError:
            raise OSError(err[1])
        return f"{path}|layername=workshop_sites"

    def scenario_parameters(self, scenario_source, output_folder):
        """Parameters of ``drivetime:scenario`` for the current sites against the starting ones."""
        s = self.settings
        params = {"SPEED": s.speed, "BASELINE_SITES": s.sites, "SCENARIO_SITES": scenario_source,
                  "ACTIVATION": s.activation, "AREAS": s.areas, "THRESHOLDS": s.thresholds,
                  "TARGET": float(self.model.thresholds[0]) if self.model is not None else 8.0,
                  "SNAP_DISTANCE": s.snap_m,
                  "OUTPUT_DELTA": os.path.join(output_folder, "workshop_delta.tif"),
                  "OUTPUT": os.path.join(output_folder, "workshop_scenario.gpkg"),
                  "OUTPUT_SUMMARY": os.path.join(output_folder, "workshop_scenario.html")}
        if s.population:
            params["POPULATION"] = s.population
            params["POPULATION_FIELD"] = s.population_field
        elif s.population_raster:
            params["POPULATION_RASTER"] = s.population_raster
        if s.area_name_field:
            params["AREA_ID_FIELD"] = s.area_name_field
        return params

    # -- closing -----------------------------------------------------------------------------------------
    def close(self, remove_layers=False):
        self._closed = True
        if self._task is not None:
            self._task.cancel()
        if remove_layers:
            for lyr in (self.sites_layer, self.raster_layer):
                if self._alive(lyr):
                    self.project.removeMapLayer(lyr.id())


def write_minutes(path, minutes, spec, crs):
    """The drive time as a plain (uncompressed, tiled) float32 GeoTIFF: a scratch file rewritten at every
    update, so speed matters more than size (deflate took most of a second on the BOB surface)."""
    import rasterio
    from affine import Affine

    from ..processing.qgis_io import crs_for_gdal

    rows, cols = minutes.shape
    profile = dict(driver="GTiff", height=rows, width=cols, count=1, dtype="float32", crs=crs_for_gdal(crs),
                   transform=Affine(spec.cell_size, 0, spec.x_min, 0, -spec.cell_size, spec.y_max), nodata=NODATA)
    if rows >= 256 and cols >= 256:
        profile.update(tiled=True, blockxsize=256, blockysize=256)
    out = np.where(np.isfinite(minutes), minutes, np.float32(NODATA)).astype(np.float32, copy=False)
    with rasterio.open(path, "w", **profile) as ds:
        ds.write(out, 1)


def _first_line(text):
    if not text:
        return ""
    return text.strip().splitlines()[0]


def style_sites(layer):
    """Categories by origin: starting (dark blue circle), moved (orange), added (green star), closed (grey x)."""
    from qgis.core import QgsCategorizedSymbolRenderer, QgsMarkerSymbol, QgsRendererCategory

    spec = {START: ("circle", "#31688e", 4.0, tr("Starting site")),
            MOVED: ("circle", "#f1a340", 4.0, tr("Moved site")),
            ADDED: ("star", "#35b779", 5.5, tr("Added site")),
            CLOSED: ("cross2", "#b2182b", 6.0, tr("Closed site"))}
    cats = []
    for value, (shape, colour, size, label) in spec.items():
        sym = QgsMarkerSymbol.createSimple({"name": shape, "color": colour, "size": str(size),
                                            "outline_color": "#ffffff" if shape != "cross2" else colour,
                                            "outline_width": "0.4" if shape != "cross2" else "1.2"})
        cats.append(QgsRendererCategory(value, sym, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer("origin", cats))


class WhatIfMapTool(QgsMapTool):
    """Left click: add a site; left drag on a site: move it (the figures follow while dragging); right click on
    a site: close it (a closed starting site reopens)."""

    TOLERANCE_PX = 10

    def __init__(self, canvas, session_getter):
        super().__init__(canvas)
        self._session = session_getter
        self._drag = -1
        self._moved = False
        from qgis.PyQt.QtGui import QCursor

        self.setCursor(QCursor(Qt.CrossCursor))

    def _to_surface(self, e):
        """The event's point and the pick tolerance in the session's CRS."""
        session = self._session()
        pt = self.toMapCoordinates(e.pos())
        canvas_crs = self.canvas().mapSettings().destinationCrs()
        tol = self.TOLERANCE_PX * self.canvas().mapUnitsPerPixel()
        if session.crs is not None and canvas_crs != session.crs:
            ct = QgsCoordinateTransform(canvas_crs, session.crs, QgsProject.instance())
            p2 = ct.transform(QgsPointXY(pt.x() + tol, pt.y()))
            pt = ct.transform(pt)
            tol = abs(p2.x() - pt.x()) or tol
        return pt.x(), pt.y(), tol

    def canvasPressEvent(self, e):  # noqa: N802
        session = self._session()
        if session is None or session.model is None:
            return
        x, y, tol = self._to_surface(e)
        if e.button() == Qt.RightButton:
            i = session.site_at(x, y, tol)
            if i >= 0:
                session.close_site(i)
            return
        if e.button() != Qt.LeftButton:
            return
        i = session.site_at(x, y, tol, include_closed=False)
        if i >= 0:
            self._drag, self._moved = i, False
        else:
            session.add_site(x, y)

    def canvasMoveEvent(self, e):  # noqa: N802
        session = self._session()
        if self._drag < 0 or session is None:
            return
        x, y, _ = self._to_surface(e)
        self._moved = True
        session.move_site(self._drag, x, y)

    def canvasReleaseEvent(self, e):  # noqa: N802
        session = self._session()
        if self._drag >= 0 and session is not None and self._moved:
            x, y, _ = self._to_surface(e)
            session.move_site(self._drag, x, y)
        self._drag = -1

    def icon_path(self):
        return resources_path("icons", "whatif.svg")
