"""Regenerate resources/styles/coverage_areas.qml and coverage_table.qml (developer tool; /usr/bin/python3 -P).

The QML files carry the look (fill opacity, white outlines, bold buffered labels, table sort); the algorithm
(processing/alg_coverage.py) replaces the classes (around TARGET_SHARE), the label expression and the aliases
on every run."""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsFillSymbol, QgsPalLayerSettings, QgsRuleBasedRenderer,  # noqa: E402
                       QgsTextBufferSettings, QgsTextFormat, QgsVectorLayer, QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STYLES = os.path.join(HERE, "resources", "styles")


def main():
    app = QgsApplication([], False)
    app.initQgis()
    vl = QgsVectorLayer("MultiPolygon?crs=EPSG:27700&field=area_name:string&field=pct_le_8:double", "c", "memory")
    sym = QgsFillSymbol.createSimple({"color": "#998ec3", "outline_color": "#ffffff", "outline_width": "0.5",
                                      "outline_style": "solid"})
    sym.setOpacity(0.85)
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(sym, 0, 0, '"pct_le_8" >= 75', "75–100 % within 8 min"))
    vl.setRenderer(QgsRuleBasedRenderer(root))
    s = QgsPalLayerSettings()
    s.fieldName = "coalesce(\"area_name\", '') || '\\n' || format_number(\"pct_le_8\", 1) || ' %'"
    s.isExpression = True
    s.placement = QgsPalLayerSettings.OverPoint
    fmt = QgsTextFormat()
    font = QFont("Sans Serif")
    font.setBold(True)
    fmt.setFont(font)
    fmt.setSize(9)
    fmt.setColor(QColor("#222222"))
    buf = QgsTextBufferSettings()
    buf.setEnabled(True)
    buf.setSize(1.0)
    buf.setColor(QColor("#ffffff"))
    fmt.setBuffer(buf)
    s.setFormat(fmt)
    vl.setLabeling(QgsVectorLayerSimpleLabeling(s))
    vl.setLabelsEnabled(True)
    vl.saveNamedStyle(os.path.join(STYLES, "coverage_areas.qml"))
    tl = QgsVectorLayer("None?field=level:string&field=area_name:string&field=pop_total:double", "t", "memory")
    cfg = tl.attributeTableConfig()
    cfg.update(tl.fields())
    cfg.setSortExpression('"level"')
    tl.setAttributeTableConfig(cfg)
    tl.saveNamedStyle(os.path.join(STYLES, "coverage_table.qml"))
    del vl, tl
    app.exitQgis()


if __name__ == "__main__":
    sys.exit(main())
