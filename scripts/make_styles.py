"""Regenerate the base QML styles in resources/styles/ (developer tool; run with /usr/bin/python3).

The shipped QML files carry the look (opacity, outlines, resampling); the algorithms replace the classes to
match each run's bands. Edit a style in QGIS and save it over the file, or adjust this script and rerun."""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsColorRampShader, QgsFillSymbol,  # noqa: E402
                       QgsRasterLayer, QgsRasterShader, QgsRendererCategory, QgsSingleBandPseudoColorRenderer,
                       QgsVectorLayer)
from qgis.PyQt.QtGui import QColor  # noqa: E402

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STYLES = os.path.join(HERE, "resources", "styles")


def raster_layer():
    import numpy as np
    import rasterio
    from rasterio.transform import from_origin

    path = "/tmp/_dte_style_template.tif"
    with rasterio.open(path, "w", driver="GTiff", height=4, width=4, count=1, dtype="float32", crs="EPSG:27700",
                       transform=from_origin(0, 40, 10, 10)) as ds:
        ds.write(np.arange(16, dtype="float32").reshape(1, 4, 4))
    return QgsRasterLayer(path, "t")


def discrete(layer, items, opacity, out):
    fn = QgsColorRampShader(items[0][0], items[-2][0])
    fn.setColorRampType(QgsColorRampShader.Discrete)
    fn.setColorRampItemList([QgsColorRampShader.ColorRampItem(v, QColor(c), lab) for v, c, lab in items])
    sh = QgsRasterShader()
    sh.setRasterShaderFunction(fn)
    r = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, sh)
    r.setOpacity(opacity)
    layer.setRenderer(r)
    layer.saveNamedStyle(os.path.join(STYLES, out))


def main():
    app = QgsApplication([], False)
    app.initQgis()
    lyr = raster_layer()
    discrete(lyr, [(6, "#440154", "up to 6 min"), (60, "#fde725", "6–60 min"),
                   (float("inf"), "#bdbdbd", "over 60 min")], 0.85, "drivetime_raster.qml")
    discrete(lyr, [(0, "#000000", "impassable"), (10, "#f7fbff", "up to 10 km/h"), (20, "#c6dbef", "10–20 km/h"),
                   (40, "#6baed6", "20–40 km/h"), (60, "#2171b5", "40–60 km/h"), (80, "#08519c", "60–80 km/h"),
                   (float("inf"), "#08306b", "over 80 km/h")], 1.0, "speed_surface.qml")
    vl = QgsVectorLayer("Polygon?crs=EPSG:27700&field=band:integer", "z", "memory")
    sym = QgsFillSymbol.createSimple({"color": "#440154", "outline_color": "#ffffff", "outline_width": "0.1",
                                      "outline_style": "solid"})
    sym.setOpacity(0.75)
    vl.setRenderer(QgsCategorizedSymbolRenderer("band", [QgsRendererCategory(1, sym, "up to 6 min")]))
    vl.saveNamedStyle(os.path.join(STYLES, "drivetime_zones.qml"))
    del lyr, vl
    app.exitQgis()


if __name__ == "__main__":
    sys.exit(main())
