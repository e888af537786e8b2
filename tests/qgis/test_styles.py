"""The shipped styles (resources/styles/*.qml, the single source of each style): every one loads in QGIS and
draws a tiny layer of its kind in the colour the QML gives; the .qml written beside a file output is built in
the output's own CRS and opens with the file (a GeoTIFF dragged into QGIS shows its classes, not "Band 1");
style post-processors live until QGIS has used them, however long the batch."""
import gc
import glob
import os
import xml.etree.ElementTree as ET

import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin

STYLES = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                      "resources", "styles")
UTM = "EPSG:32630"
X0, Y0 = 500000.0, 5700000.0  # top-left, UTM zone 30N

# for each shipped style: the layer it is drawn on (geometry and fields) and one feature's values, or the value
# of a raster's cells. Every style in resources/styles must be listed (the first test checks).
VECTOR = {
    "collaboration_lines.qml": ("LineString", {"band": ("integer", 1), "minutes": ("double", 20.0)}),
    "collaboration_sites.qml": ("Point", {"cluster": ("integer", 1), "site_name": ("string", "A")}),
    "coverage_areas.qml": ("Polygon", {"pct_le_8": ("double", 90.0), "area_name": ("string", "A")}),
    "coverage_table.qml": ("None", {"level": ("string", "study"), "pop_total": ("double", 5.0)}),
    "drivetime_zones.qml": ("Polygon", {"band": ("integer", 1)}),
    "scenario_areas.qml": ("Polygon", {"d_pct": ("double", 5.0)}),
    "standby_points.qml": ("Point", {"low_use": ("integer", 1), "rank": ("integer", 1)}),
    "standby_zones.qml": ("Polygon", {"kind": ("string", "new")}),
}
RASTER = {"drivetime_raster.qml": 3.0, "speed_surface.qml": 50.0, "scenario_delta.qml": -20.0,
          "collaboration_zones.qml": None}  # None: a grey ramp over 0..99


def _qgis_version(root):
    return tuple(int(p) for p in root.get("version").split("-")[0].split(".")[:2])


def _rgba(text):
    """QGIS colour text "r,g,b,a" (or "#rrggbb") -> (r, g, b, alpha 0..1)."""
    if text.startswith("#"):
        return int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16), 1.0
    r, g, b, a = (int(v) for v in text.split(",")[:4])
    return r, g, b, a / 255.0


def _symbol_colour(root, name):
    """Colour and opacity of symbol ``name`` as the QML states it (first symbol layer)."""
    sym = next(s for s in root.iter("symbol") if s.get("name") == name and s.get("type") in ("fill", "line",
                                                                                             "marker"))
    layer = sym.find("layer")
    props = {o.get("name"): o.get("value") for o in layer.iter("Option") if o.get("name")}
    props.update({p.get("k"): p.get("v") for p in layer.iter("prop")})
    key = "line_color" if sym.get("type") == "line" else "color"
    r, g, b, a = _rgba(props[key])
    return (r, g, b), a * float(sym.get("alpha", 1))


def _expected_vector(root, attrs):
    """The symbol the QML gives a feature with ``attrs``: read from the QML's classes, not from QGIS."""
    from qgis.core import QgsExpression, QgsExpressionContext, QgsFeature, QgsField, QgsFields

    rend = root.find("renderer-v2")
    kind = rend.get("type")
    if kind == "categorizedSymbol":
        value = str(attrs[rend.get("attr")][1])
        name = next(c.get("symbol") for c in rend.iter("category") if c.get("value") == value)
    elif kind == "graduatedSymbol":
        v = float(attrs[rend.get("attr")][1])
        name = next(r.get("symbol") for r in rend.iter("range") if float(r.get("lower")) <= v <= float(r.get("upper")))
    else:  # rule-based: the first rule whose filter holds, else the ELSE rule
        fields = QgsFields()
        for k, (_t, v) in attrs.items():
            fields.append(QgsField(k, _qtype(v)))
        f = QgsFeature(fields)
        f.setAttributes([v for _t, v in attrs.values()])
        ctx = QgsExpressionContext()
        ctx.setFeature(f)
        name = None
        for rule in rend.iter("rule"):
            flt = rule.get("filter")
            if flt and flt != "ELSE" and rule.get("symbol") is not None and QgsExpression(flt).evaluate(ctx):
                name = rule.get("symbol")
                break
        if name is None:
            name = next(r.get("symbol") for r in rend.iter("rule") if r.get("filter") == "ELSE")
    colour, alpha = _symbol_colour(root, name)
    opacity = root.find("layerOpacity")
    return colour, alpha * (float(opacity.text) if opacity is not None else 1.0)


def _qtype(v):
    from qgis.PyQt.QtCore import QVariant

    return QVariant.Int if isinstance(v, int) else QVariant.Double if isinstance(v, float) else QVariant.String


def _expected_raster(root, value):
    rr = root.find("pipe/rasterrenderer")
    opacity = float(rr.get("opacity", 1))
    items = [(float(i.get("value")), i.get("color")) for i in rr.iter("item")]
    colour = next(c for v, c in items if value <= v)  # discrete: the first class whose upper value holds it
    return _rgba(colour)[:3], opacity


def _blend(colour, alpha):
    """What a colour drawn at ``alpha`` over a white background looks like."""
    return tuple(round(c * alpha + 255 * (1 - alpha)) for c in colour)


def render(layer, extent, size=120, dpi=300):
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    ms = QgsMapSettings()
    ms.setLayers([layer])
    ms.setDestinationCrs(layer.crs())
    ms.setExtent(extent)
    ms.setOutputSize(QSize(size, size))
    ms.setOutputDpi(dpi)
    ms.setBackgroundColor(QColor("#ffffff"))
    job = QgsMapRendererSequentialJob(ms)
    job.start()
    job.waitForFinished()
    img = job.renderedImage()
    ptr = img.constBits()
    ptr.setsize(img.sizeInBytes())
    arr = np.frombuffer(ptr, np.uint8).reshape(img.height(), img.bytesPerLine() // 4, 4)[:, :img.width()]
    return arr[:, :, [2, 1, 0]].astype(int)  # ARGB32 little-endian: B, G, R, A


def _closest(pixels, colour):
    return int(np.abs(pixels.reshape(-1, 3) - np.array(colour)).max(axis=1).min())


def _tiny_raster(path, value, crs=UTM):
    arr = np.full((10, 10), value, "float32") if value is not None else np.arange(100, dtype="float32").reshape(10, 10)
    with rasterio.open(path, "w", driver="GTiff", height=10, width=10, count=1, dtype="float32", crs=crs,
                       transform=from_origin(X0, Y0, 100, 100)) as ds:
        ds.write(arr, 1)
    return str(path)


def _tiny_vector(geometry, attrs):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    spec = "&".join(f"field={k}:{t}" for k, (t, _v) in attrs.items())
    layer = QgsVectorLayer(f"{geometry}?crs={UTM}&{spec}", "tiny", "memory")
    f = QgsFeature(layer.fields())
    wkt = {"Point": f"POINT({X0 + 500} {Y0 - 500})",
           "LineString": f"LINESTRING({X0 + 100} {Y0 - 100}, {X0 + 900} {Y0 - 900})",
           "Polygon": f"POLYGON(({X0 + 100} {Y0 - 100}, {X0 + 900} {Y0 - 100}, {X0 + 900} {Y0 - 900}, "
                      f"{X0 + 100} {Y0 - 900}, {X0 + 100} {Y0 - 100}))"}.get(geometry)
    if wkt:
        f.setGeometry(QgsGeometry.fromWkt(wkt))
    f.setAttributes([v for _t, v in attrs.values()])
    layer.dataProvider().addFeatures([f])
    layer.updateExtents()
    return layer


def test_every_shipped_style_is_listed_and_saved_by_the_oldest_supported_qgis():
    from drivetime_equity.plugin.utils import metadata

    names = sorted(os.path.basename(p) for p in glob.glob(os.path.join(STYLES, "*.qml")))
    assert names == sorted(list(VECTOR) + list(RASTER))
    oldest = tuple(int(p) for p in metadata("qgisMinimumVersion").split(".")[:2])
    for name in names:
        root = ET.parse(os.path.join(STYLES, name)).getroot()
        assert _qgis_version(root) <= oldest, f"{name} saved by QGIS {root.get('version')}: save it from {oldest}"


@pytest.mark.parametrize("name", sorted(RASTER))
def test_raster_style_renders_its_colours(qgis_app, tmp_path, name):
    from qgis.core import QgsRasterLayer, QgsRectangle

    value = RASTER[name]
    layer = QgsRasterLayer(_tiny_raster(tmp_path / "r.tif", value), "r")
    _msg, ok = layer.loadNamedStyle(os.path.join(STYLES, name))
    assert ok, _msg
    px = render(layer, QgsRectangle(X0, Y0 - 1000, X0 + 1000, Y0))
    root = ET.parse(os.path.join(STYLES, name)).getroot()
    if value is None:  # grey ramp from black to white, at the style's opacity
        opacity = float(root.find("pipe/rasterrenderer").get("opacity"))
        grey = px[:, :, 0]
        assert abs(grey.min() - _blend((0, 0, 0), opacity)[0]) <= 2 and grey.max() > 240
        assert (px[:, :, 0] == px[:, :, 2]).all() and len(np.unique(grey)) > 5
        return
    colour, opacity = _expected_raster(root, value)
    want = _blend(colour, opacity)
    assert want != (255, 255, 255)
    assert _closest(px, want) <= 3, (name, want)
    assert (np.abs(px - np.array(want)).max(axis=2) <= 3).mean() > 0.95  # the whole tiny raster in that class


@pytest.mark.parametrize("name", sorted(VECTOR))
def test_vector_style_renders_its_colours(qgis_app, name):
    from qgis.core import QgsRectangle

    geometry, attrs = VECTOR[name]
    layer = _tiny_vector(geometry, attrs)
    _msg, ok = layer.loadNamedStyle(os.path.join(STYLES, name))
    assert ok, _msg
    if geometry == "None":  # a table: nothing to draw; its applier gives the columns readable names
        from drivetime_equity.processing.styling import style_coverage_table

        style_coverage_table(layer, [8.0])
        assert layer.attributeAlias(layer.fields().lookupField("pop_total")) == "People"
        return
    colour, alpha = _expected_vector(ET.parse(os.path.join(STYLES, name)).getroot(), attrs)
    want = _blend(colour, alpha)
    px = render(layer, QgsRectangle(X0, Y0 - 1000, X0 + 1000, Y0))
    assert (np.abs(px - 255).max(axis=2) > 10).sum() > 20, "nothing drawn"
    assert _closest(px, want) <= 6, (name, want)


# -- the .qml written beside file outputs ------------------------------------------------------------------
def _speed_utm(path):
    with rasterio.open(path, "w", driver="GTiff", height=40, width=40, count=1, dtype="float32", crs=UTM,
                       transform=from_origin(X0, Y0, 50, 50)) as ds:
        ds.write(np.full((1, 40, 40), 30.0, "float32"))
    return str(path)


@pytest.fixture(scope="module")
def utm_run(qgis_app, tmp_path_factory):
    """drivetime:drivetime on a UTM (EPSG:32630) surface, raster and zones written to files."""
    import processing
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    tmp = tmp_path_factory.mktemp("utm")
    sites = QgsVectorLayer(f"Point?crs={UTM}", "sites", "memory")
    f = QgsFeature()
    f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(X0 + 1000.5, Y0 - 1000.5)))
    sites.dataProvider().addFeatures([f])
    res = processing.run("drivetime:drivetime", {"SPEED": _speed_utm(tmp / "speed.tif"), "SITES": sites,
                                                 "BANDS": "1,2,3", "OUTPUT": str(tmp / "minutes.tif"),
                                                 "OUTPUT_ZONES": str(tmp / "zones.gpkg")})
    return res


def test_qml_beside_vector_output_is_built_in_the_outputs_crs(utm_run):
    from qgis.core import QgsCategorizedSymbolRenderer, QgsCoordinateReferenceSystem, QgsVectorLayer

    from drivetime_equity.processing import styling

    zones = utm_run["OUTPUT_ZONES"]
    qml = styling.qml_path_for(zones)
    assert os.path.isfile(qml)
    with open(qml, encoding="utf-8") as fh:
        assert "27700" not in fh.read()
    # the layer the writer builds the style on is in the output's CRS, with its fields
    from qgis.core import QgsField, QgsFields
    from qgis.PyQt.QtCore import QVariant

    fields = QgsFields()
    fields.append(QgsField("band", QVariant.Int))
    probe = styling.style_layer(zones, "Polygon", QgsCoordinateReferenceSystem(UTM), fields)
    assert probe.crs().authid() == UTM and probe.fields().names() == ["band"]
    # the file opens in its CRS with the style beside it: the run's bands, drawn in the first band's colour
    layer = QgsVectorLayer(zones, "zones", "ogr")
    assert layer.crs().authid() == UTM
    assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer)
    cats = layer.renderer().categories()  # keep the copies alive while reading their symbols
    assert [c.label() for c in cats] == ["up to 1 min", "1–2 min", "2–3 min"]
    first = cats[0].symbol()
    colour = first.color()
    want = _blend((colour.red(), colour.green(), colour.blue()), first.opacity() * layer.opacity())
    px = render(layer, layer.extent())
    assert _closest(px, want) <= 6


def test_raster_output_dragged_into_qgis_opens_styled_without_band_line(utm_run):
    from qgis.core import QgsLayerTreeModel, QgsProject, QgsRasterLayer, QgsSingleBandPseudoColorRenderer

    from drivetime_equity.processing import styling

    path = utm_run["OUTPUT"]
    assert os.path.isfile(styling.qml_path_for(path))
    layer = QgsRasterLayer(path, "minutes")  # as QGIS opens a dragged-in file: the .qml beside it is loaded
    assert layer.crs().authid() == UTM
    renderer = layer.renderer()
    assert isinstance(renderer, QgsSingleBandPseudoColorRenderer)
    labels = [i.label for i in renderer.shader().rasterShaderFunction().colorRampItemList()]
    assert labels == ["up to 1 min", "1–2 min", "2–3 min", "over 3 min"]

    project = QgsProject.instance()
    project.clear()
    slot = styling.watch_legends(project)
    try:
        project.addMapLayer(layer)
        model = QgsLayerTreeModel(project.layerTreeRoot())
        node = project.layerTreeRoot().findLayer(layer.id())
        shown = [str(n.data(0)) for n in model.layerLegendNodes(node)]
        assert shown == labels  # the classes only: no "Band 1 (Gray)" heading
        # a raster without our style keeps QGIS's legend untouched
        other = QgsRasterLayer(_tiny_raster(os.path.join(os.path.dirname(path), "plain.tif"), 1.0), "plain")
        project.addMapLayer(other)
        node = project.layerTreeRoot().findLayer(other.id())
        assert any("Band 1" in str(n.data(0)) for n in model.layerLegendNodes(node))
    finally:
        project.layerTreeRoot().addedChildren.disconnect(slot)
        project.clear()


# -- post-processors live until used -----------------------------------------------------------------------
def test_post_processors_of_a_long_batch_all_survive_until_qgis_runs_them(qgis_app):
    from qgis.core import (QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsVectorLayer)
    from qgis.PyQt import sip

    from drivetime_equity.processing import styling

    ran = []
    contexts = []
    for i in range(150):  # more than the 64 the old registry kept
        ctx = QgsProcessingContext()
        ctx.addLayerToLoadOnCompletion(f"out{i}", QgsProcessingContext.LayerDetails("", QgsProject.instance(), "O"))
        styling.style_on_load(ctx, f"out{i}", lambda lyr, i=i: ran.append(i), name=f"result {i}")
        contexts.append(ctx)
    gc.collect()
    feedback = QgsProcessingFeedback()
    for i, ctx in enumerate(contexts):  # as QGIS does after each run: through its own pointer
        pp = ctx.layerToLoadOnCompletionDetails(f"out{i}").postProcessor()
        layer = QgsVectorLayer("Point", "", "memory")
        pp.postProcessLayer(layer, ctx, feedback)
        assert layer.name() == f"result {i}"
    assert ran == list(range(150))
    # once run (or deleted with their context) they are let go
    del contexts, ctx, pp
    gc.collect()
    keep = QgsProcessingContext()
    keep.addLayerToLoadOnCompletion("k", QgsProcessingContext.LayerDetails("", QgsProject.instance(), "O"))
    styling.style_on_load(keep, "k", lambda lyr: None)
    assert len(styling._LIVE) == 1 and not sip.isdeleted(styling._LIVE[0])
    del keep
    styling.style_on_load(QgsProcessingContext(), "none", lambda lyr: None)  # not loaded: nothing held
    gone = QgsProcessingContext()
    gone.addLayerToLoadOnCompletion("g", QgsProcessingContext.LayerDetails("", QgsProject.instance(), "O"))
    styling.style_on_load(gone, "g", lambda lyr: None)
    assert len(styling._LIVE) == 1  # the one of the deleted context was dropped


PLUGIN_SCRIPT = """
import os, sys
sys.path.insert(0, os.environ["PLUGINS"])
from unittest import mock
from qgis.core import QgsLayerTreeModel, QgsProject, QgsRasterLayer
from qgis.testing import start_app
from qgis.PyQt.QtWidgets import QMainWindow
app = start_app()
window = QMainWindow()
iface = mock.MagicMock()
iface.mainWindow.return_value = window
import drivetime_equity
from drivetime_equity.processing import styling
path = os.environ["TIF"]
assert styling.write_qml_beside(path, lambda lyr: styling.style_drivetime_raster(lyr, [1, 2]))
project = QgsProject.instance()
model = QgsLayerTreeModel(project.layerTreeRoot())

def legend():
    layer = QgsRasterLayer(path, "dragged in")
    project.addMapLayer(layer)
    return [str(n.data(0)) for n in model.layerLegendNodes(project.layerTreeRoot().findLayer(layer.id()))]

def legend_style_after():
    # as the desktop adds a file: the layer goes into the tree first, its default style (the .qml) is loaded after
    options = QgsRasterLayer.LayerOptions()
    options.loadDefaultStyle = False
    layer = QgsRasterLayer(path, "dragged in, styled after", "gdal", options)
    project.addMapLayer(layer)
    layer.loadDefaultStyle()
    return [str(n.data(0)) for n in model.layerLegendNodes(project.layerTreeRoot().findLayer(layer.id()))]

plugin = drivetime_equity.classFactory(iface)
plugin.initGui()
print("WITH", legend())
print("LATE", legend_style_after())
plugin.unload()
print("WITHOUT", legend())
sys.stdout.flush()
os._exit(0)
"""


def test_plugin_tidies_the_legend_of_results_opened_by_hand_while_loaded(tmp_path):
    import subprocess
    import sys

    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = dict(os.environ, PLUGINS=os.path.join(root, ".build", "plugins"), QT_QPA_PLATFORM="offscreen",
               TIF=_tiny_raster(tmp_path / "minutes.tif", 1.5))
    proc = subprocess.run([sys.executable, "-P", "-c", PLUGIN_SCRIPT], capture_output=True, text=True, env=env,
                          timeout=120, cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = dict(line.split(" ", 1) for line in proc.stdout.splitlines()
                 if line.startswith(("WITH", "WITHOUT", "LATE")))
    assert lines["WITH"] == str(["up to 1 min", "1–2 min", "over 2 min"])
    assert lines["LATE"] == lines["WITH"]  # the style loaded after the layer joined the tree (the desktop's order)
    assert "Band 1" in lines["WITHOUT"] and "up to 1 min" in lines["WITHOUT"]  # unloaded: QGIS's own legend
