"""Regenerate the base QML styles of drivetime:matrix in resources/styles/ (developer tool; run with
/usr/bin/python3 -P). The algorithm replaces the classes to match each run's bands / groups; these files carry
the look: label settings (minutes on the lines, off by default; names on the sites, on), opacity.

collaboration_lines.qml, collaboration_sites.qml, collaboration_zones.qml."""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsGraduatedSymbolRenderer,  # noqa: E402
                       QgsLineSymbol, QgsMarkerSymbol, QgsPalLayerSettings, QgsRasterLayer,
                       QgsRendererCategory, QgsRendererRange, QgsTextBufferSettings, QgsTextFormat,
                       QgsVectorLayer, QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STYLES = os.path.join(HERE, "resources", "styles")


def text_format(size, bold=False):
    fmt = QgsTextFormat()
    font = QFont("Sans Serif")
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setColor(QColor("#222222"))
    buf = QgsTextBufferSettings()
    buf.setEnabled(True)
    buf.setSize(0.8)
    buf.setColor(QColor("#ffffff"))
    fmt.setBuffer(buf)
    return fmt


def lines():
    vl = QgsVectorLayer("LineString?crs=EPSG:27700&field=band:integer&field=minutes:double", "l", "memory")
    sym = QgsLineSymbol.createSimple({"line_color": "#440154", "line_width": "1.8", "capstyle": "round"})
    r = QgsGraduatedSymbolRenderer("band", [QgsRendererRange(0.5, 1.5, sym, "30 minutes or less")])
    r.setUsingSymbolLevels(True)
    vl.setRenderer(r)
    pal = QgsPalLayerSettings()
    pal.isExpression = True
    pal.fieldName = "format_number(\"minutes\", 0) || ' min'"
    pal.placement = QgsPalLayerSettings.Line
    pal.setFormat(text_format(8))
    vl.setLabeling(QgsVectorLayerSimpleLabeling(pal))
    vl.setLabelsEnabled(False)  # on demand: Layer Properties > Labels
    vl.saveNamedStyle(os.path.join(STYLES, "collaboration_lines.qml"))


def sites():
    vl = QgsVectorLayer("Point?crs=EPSG:27700&field=cluster:integer&field=site_name:string", "s", "memory")
    sym = QgsMarkerSymbol.createSimple({"name": "circle", "size": "3.4", "color": "#E69F00",
                                        "outline_color": "#ffffff", "outline_width": "0.4"})
    vl.setRenderer(QgsCategorizedSymbolRenderer("cluster", [QgsRendererCategory(1, sym, "group 1")]))
    pal = QgsPalLayerSettings()
    pal.fieldName = "site_name"
    pal.placement = QgsPalLayerSettings.OrderedPositionsAroundPoint
    pal.dist = 1.2
    pal.setFormat(text_format(8, bold=True))
    vl.setLabeling(QgsVectorLayerSimpleLabeling(pal))
    vl.setLabelsEnabled(True)
    vl.saveNamedStyle(os.path.join(STYLES, "collaboration_sites.qml"))


def zones():
    import numpy as np
    import rasterio
    from rasterio.transform import from_origin

    path = "/tmp/_dte_style_zones.tif"
    with rasterio.open(path, "w", driver="GTiff", height=4, width=4, count=1, dtype="float32", crs="EPSG:27700",
                       transform=from_origin(0, 40, 10, 10)) as ds:
        ds.write(np.arange(16, dtype="float32").reshape(1, 4, 4))
    rl = QgsRasterLayer(path, "z")
    rl.renderer().setOpacity(0.75)
    rl.saveNamedStyle(os.path.join(STYLES, "collaboration_zones.qml"))
    del rl


def main():
    app = QgsApplication([], False)
    app.initQgis()
    lines()
    sites()
    zones()
    app.exitQgis()


if __name__ == "__main__":
    sys.exit(main())
