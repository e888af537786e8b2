"""Open the toolbox dialog of drivetime algorithms in a GUI QgsApplication, as a user would, and try every layer.

Run as its own process (a segfault in a QGIS widget kills the process, so tests/dialog/test_dialogs.py runs this
script once per algorithm and reports a crash as a failure with the algorithm's name)::

    python3 -P tests/dialog/dialog_probe.py drivetime:coverage [more ids | all]

For each algorithm: a project holding a raster, a polygon, a point and a line layer, the raster being the
active layer (a stub ``qgis.utils.iface``, as in the desktop); the dialog the toolbox opens
(``processing.gui.AlgorithmDialog``) is built and shown; then every layer input is set, in turn, to every
loaded layer it accepts (for coverage / scenario / standby: the vector population, then the population
raster), with the events processed after each change, and the field widgets hanging off it must offer the
layer's fields; then the batch dialog ("Run as Batch Process...") is built. Lines on stdout: ``STEP <id> <what>``
before each action (flushed, so the last one names what crashed), ``WIDGETS <id> <n>``, ``FIELDS <id> <param>
<fields>``, ``DONE <id>``; exit status 0 when every dialog was built and every check passed, 1 otherwise.
"""
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PLUGINS = os.path.join(ROOT, ".build", "plugins")
QGIS_PLUGINS = "/usr/share/qgis/python/plugins"


def say(*parts):
    print(*parts, flush=True)


def make_layers(folder):
    """A population-style raster (GeoTIFF) and memory polygon / point / line layers, all EPSG:27700."""
    import numpy as np
    import rasterio
    from rasterio.transform import from_origin
    from qgis.core import QgsFeature, QgsGeometry, QgsRasterLayer, QgsVectorLayer

    path = os.path.join(folder, "pop.tif")
    with rasterio.open(path, "w", driver="GTiff", height=10, width=10, count=1, dtype="float32",
                       crs="EPSG:27700", transform=from_origin(440000, 210000, 100, 100)) as ds:
        ds.write(np.full((10, 10), 5.0, dtype="float32"), 1)
    raster = QgsRasterLayer(path, "population raster")
    fields = "&field=pop:double&field=cls:string&field=highway:string&field=open:integer&field=name:string"
    polys = QgsVectorLayer(f"Polygon?crs=EPSG:27700{fields}", "polygons", "memory")
    points = QgsVectorLayer(f"Point?crs=EPSG:27700{fields}", "points", "memory")
    lines = QgsVectorLayer(f"LineString?crs=EPSG:27700{fields}", "roads", "memory")
    for layer, wkt in ((polys, "POLYGON((440000 209000,441000 209000,441000 210000,440000 210000,440000 209000))"),
                       (points, "POINT(440500 209500)"), (lines, "LINESTRING(440000 209500,441000 209500)")):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        f.setAttributes([100.0, "urban", "primary", 1, "a"])
        layer.dataProvider().addFeatures([f])
    for layer in (raster, polys, points, lines):
        assert layer.isValid(), layer.name()
    return raster, polys, points, lines


class StubIface:
    """The few ``iface`` calls the Processing dialogs make."""

    def __init__(self, canvas, active):
        self._canvas = canvas
        self._active = active

    def mainWindow(self):  # noqa: N802
        return None

    def mapCanvas(self):  # noqa: N802
        return self._canvas

    def browserModel(self):  # noqa: N802
        return None

    def activeLayer(self):  # noqa: N802
        return self._active

    def messageBar(self):  # noqa: N802
        return None


def accepts(param, layer):
    """Whether a layer input parameter offers ``layer`` in its combo box."""
    from qgis.core import QgsMapLayerType, QgsProcessing, QgsWkbTypes

    kind = param.type()
    if kind == "raster":
        return layer.type() == QgsMapLayerType.RasterLayer
    if kind not in ("vector", "source", "layer"):
        return False
    types = list(param.dataTypes()) if hasattr(param, "dataTypes") else []
    if layer.type() == QgsMapLayerType.RasterLayer:
        return kind == "layer" and (not types or QgsProcessing.TypeRaster in types or
                                    QgsProcessing.TypeMapLayer in types)
    if layer.type() != QgsMapLayerType.VectorLayer:
        return False
    if not types or any(t in types for t in (QgsProcessing.TypeVectorAnyGeometry, QgsProcessing.TypeMapLayer,
                                              QgsProcessing.TypeVector)):
        return True
    gt = QgsWkbTypes.geometryType(layer.wkbType())
    wanted = {QgsWkbTypes.PolygonGeometry: QgsProcessing.TypeVectorPolygon,
              QgsWkbTypes.PointGeometry: QgsProcessing.TypeVectorPoint,
              QgsWkbTypes.LineGeometry: QgsProcessing.TypeVectorLine}.get(gt)
    return wanted in types


def widget_of(wrapper):
    if hasattr(wrapper, "wrappedWidget"):
        return wrapper.wrappedWidget()
    return getattr(wrapper, "widget", None)


def probe(alg_id, app, layers):
    from qgis.core import QgsApplication, QgsProcessingParameterDefinition
    from processing.gui.AlgorithmDialog import AlgorithmDialog

    ok = True
    alg = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
    if alg is None:
        say(f"FAIL {alg_id} not registered")
        return False
    say(f"STEP {alg_id} build dialog (raster layer active)")
    dlg = AlgorithmDialog(alg, False, None)
    dlg.show()
    app.processEvents()
    panel = dlg.mainWidget()
    wrappers = panel.wrappers
    n = 0
    for p in alg.parameterDefinitions():
        if p.flags() & QgsProcessingParameterDefinition.FlagHidden:
            continue
        w = wrappers.get(p.name())
        if w is None or widget_of(w) is None:
            say(f"FAIL {alg_id} no widget for {p.name()}")
            ok = False
        n += 1
    say(f"WIDGETS {alg_id} {n}")
    for p in alg.parameterDefinitions():  # QGIS 3.22 crashes on a field whose parent can hold a raster
        if p.type() == "field":
            parent = alg.parameterDefinition(p.parentLayerParameterName())
            if parent is None or parent.type() not in ("source", "vector"):
                say(f"FAIL {alg_id} field {p.name()} has parent {p.parentLayerParameterName()} of type "
                    f"{parent.type() if parent else None}, not a vector-only input")
                ok = False
    for p in alg.parameterDefinitions():
        if p.isDestination() or p.name() not in wrappers:
            continue
        for layer in layers:
            if not accepts(p, layer):
                continue
            say(f"STEP {alg_id} set {p.name()} = {layer.name()}")
            dlg.setParameters({p.name(): layer})
            app.processEvents()
            got = wrappers[p.name()].parameterValue()
            got_id = got.id() if hasattr(got, "id") else getattr(getattr(got, "source", None), "staticValue",
                                                                       lambda got=got: got)()
            if got_id not in (layer.id(), layer.source()) and str(got) not in (layer.id(), layer.source()):
                say(f"FAIL {alg_id} {p.name()} reads back {got!r}, not {layer.name()}")
                ok = False
            # the field widgets hanging off this input now offer the layer's fields
            for child in alg.parameterDefinitions():
                if child.type() != "field" or child.parentLayerParameterName() != p.name():
                    continue
                combo = widget_of(wrappers[child.name()])
                items = [combo.itemText(i) for i in range(combo.count())] if hasattr(combo, "count") else []
                say(f"FIELDS {alg_id} {child.name()} {','.join(i for i in items if i)}")
                if "pop" not in items:
                    say(f"FAIL {alg_id} {child.name()} does not offer the field 'pop' of {layer.name()}")
                    ok = False
    say(f"STEP {alg_id} close dialog")
    dlg.close()  # the dialog deletes itself on close
    app.processEvents()
    # "Run as Batch Process...": the same parameters in the batch table
    from processing.gui.BatchAlgorithmDialog import BatchAlgorithmDialog

    say(f"STEP {alg_id} build batch dialog")
    batch = BatchAlgorithmDialog(QgsApplication.processingRegistry().createAlgorithmById(alg_id), parent=None)
    batch.show()
    app.processEvents()
    batch.close()
    app.processEvents()
    say(f"DONE {alg_id}")
    return ok


def main(argv):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if PLUGINS not in sys.path:
        sys.path.insert(0, PLUGINS)
    if QGIS_PLUGINS not in sys.path:
        sys.path.append(QGIS_PLUGINS)
    from qgis.core import QgsApplication, QgsProject
    from qgis.gui import QgsMapCanvas

    app = QgsApplication([], True)  # GUI application: the dialogs need widgets
    app.initQgis()
    tmp = tempfile.mkdtemp(prefix="dte_dialog_")
    layers = make_layers(tmp)
    QgsProject.instance().addMapLayers(list(layers))
    canvas = QgsMapCanvas()
    canvas.setLayers(list(layers))
    import qgis.utils

    qgis.utils.iface = StubIface(canvas, layers[0])  # before processing.gui imports it
    from processing.core.Processing import Processing

    Processing.initialize()
    import drivetime_equity

    plugin = drivetime_equity.classFactory(None)
    plugin.initProcessing()
    ids = argv[1:] or ["all"]
    if ids == ["all"]:
        ids = sorted(a.id() for a in QgsApplication.processingRegistry().providerById("drivetime").algorithms())
    ok = all([probe(i, app, layers) for i in ids])
    sys.stdout.flush()
    os._exit(0 if ok else 1)  # QGIS may crash while Python tears its objects down


if __name__ == "__main__":
    main(sys.argv)
