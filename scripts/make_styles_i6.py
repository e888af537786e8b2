"""Regenerate the base QML styles of drivetime:standby and drivetime:scenario in resources/styles/
(developer tool; run with /usr/bin/python3 -P). The algorithms adapt classes where a run needs it."""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsColorRampShader, QgsFillSymbol,  # noqa: E402
                       QgsMarkerSymbol, QgsPalLayerSettings, QgsRasterLayer, QgsRasterShader, QgsRendererCategory,
                       QgsRuleBasedRenderer, QgsSingleBandPseudoColorRenderer, QgsTextBufferSettings,
                       QgsTextFormat, QgsVectorLayer, QgsVectorLayerSimpleLabeling, QgsGraduatedSymbolRenderer,
                       QgsRendererRange)
from qgis.PyQt.QtGui import QColor  # noqa: E402

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STYLES = os.path.join(HERE, "resources", "styles")

# diverging, colour-blind safe (ColorBrewer RdBu reversed: blue = shorter journeys, red = longer)
DIVERGING = [(-10, "#2166ac", "10+ min shorter"), (-5, "#4393c3", "5–10 min shorter"),
             (-2, "#92c5de", "2–5 min shorter"), (-0.5, "#d1e5f0", "0.5–2 min shorter"),
             (0.5, "#f7f7f7", "within ±0.5 min"), (2, "#fddbc7", "0.5–2 min longer"),
             (5, "#f4a582", "2–5 min longer"), (10, "#d6604d", "5–10 min longer"),
             (float("inf"), "#b2182b", "10+ min longer")]


def raster_layer():
    import numpy as np
    import rasterio
    from rasterio.transform import from_origin

    path = "/tmp/_dte_style_template_i6.tif"
    with rasterio.open(path, "w", driver="GTiff", height=4, width=4, count=1, dtype="float32", crs="EPSG:27700",
                       transform=from_origin(0, 40, 10, 10)) as ds:
        ds.write(np.arange(16, dtype="float32").reshape(1, 4, 4) - 8)
    return QgsRasterLayer(path, "t")


def label(layer, field, size=8):
    s = QgsPalLayerSettings()
    s.fieldName = field
    fmt = QgsTextFormat()
    fmt.setSize(size)
    buf = QgsTextBufferSettings()
    buf.setEnabled(True)
    buf.setColor(QColor("#ffffff"))
    buf.setSize(0.8)
    fmt.setBuffer(buf)
    s.setFormat(fmt)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(s))
    layer.setLabelsEnabled(True)


def main():
    app = QgsApplication([], False)
    app.initQgis()
    # scenario delta raster: discrete diverging classes centred on 0
    lyr = raster_layer()
    fn = QgsColorRampShader(-10, 10)
    fn.setColorRampType(QgsColorRampShader.Discrete)
    fn.setColorRampItemList([QgsColorRampShader.ColorRampItem(v, QColor(c), lab) for v, c, lab in DIVERGING])
    sh = QgsRasterShader()
    sh.setRasterShaderFunction(fn)
    r = QgsSingleBandPseudoColorRenderer(lyr.dataProvider(), 1, sh)
    r.setClassificationMin(-10)
    r.setClassificationMax(10)
    r.setOpacity(0.85)
    lyr.setRenderer(r)
    lyr.saveNamedStyle(os.path.join(STYLES, "scenario_delta.qml"))
    # standby points: rule based (low use flagged), rank labels
    vl = QgsVectorLayer("Point?crs=EPSG:27700&field=rank:integer&field=low_use:integer", "p", "memory")
    root = QgsRuleBasedRenderer.Rule(None)
    low = QgsMarkerSymbol.createSimple({"name": "triangle", "color": "#D55E00", "outline_color": "#000000",
                                        "size": "4"})
    ok = QgsMarkerSymbol.createSimple({"name": "star", "color": "#0072B2", "outline_color": "#ffffff", "size": "5"})
    root.appendChild(QgsRuleBasedRenderer.Rule(low, 0, 0, '"low_use" = 1', "fewer than 2 incidents / 24 h"))
    root.appendChild(QgsRuleBasedRenderer.Rule(ok, 0, 0, "ELSE", "standby point"))
    vl.setRenderer(QgsRuleBasedRenderer(root))
    label(vl, "rank")
    vl.saveNamedStyle(os.path.join(STYLES, "standby_points.qml"))
    # standby zones: new vs existing
    zl = QgsVectorLayer("Polygon?crs=EPSG:27700&field=kind:string", "z", "memory")
    new = QgsFillSymbol.createSimple({"color": "#56B4E9", "outline_color": "#0072B2", "outline_width": "0.3"})
    new.setOpacity(0.45)
    old = QgsFillSymbol.createSimple({"color": "#999999", "outline_color": "#444444", "outline_width": "0.3"})
    old.setOpacity(0.45)
    zl.setRenderer(QgsCategorizedSymbolRenderer("kind", [QgsRendererCategory("new", new, "new standby point"),
                                                         QgsRendererCategory("existing", old, "existing site")]))
    zl.saveNamedStyle(os.path.join(STYLES, "standby_zones.qml"))
    # scenario areas: change in % within the target (percentage points), diverging (red = worse)
    al = QgsVectorLayer("Polygon?crs=EPSG:27700&field=d_pct:double", "a", "memory")
    ranges = []
    for lo, hi, col, lab in [(-1e9, -10, "#b2182b", "10+ pp fewer covered"), (-10, -2, "#ef8a62", "2–10 pp fewer"),
                             (-2, -0.05, "#fddbc7", "up to 2 pp fewer"), (-0.05, 0.05, "#f7f7f7", "no change"),
                             (0.05, 2, "#d1e5f0", "up to 2 pp more"), (2, 10, "#67a9cf", "2–10 pp more"),
                             (10, 1e9, "#2166ac", "10+ pp more covered")]:
        s = QgsFillSymbol.createSimple({"color": col, "outline_color": "#636363", "outline_width": "0.2"})
        ranges.append(QgsRendererRange(lo, hi, s, lab))
    al.setRenderer(QgsGraduatedSymbolRenderer("d_pct", ranges))
    al.saveNamedStyle(os.path.join(STYLES, "scenario_areas.qml"))
    del lyr, vl, zl, al
    app.exitQgis()


if __name__ == "__main__":
    sys.exit(main())
