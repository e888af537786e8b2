"""Print-layout helpers for consultation maps: page geometry computed from the paper size, fonts, text wrapping,
attribution chosen from the data, and export to PDF / PNG / SVG.

Everything is placed from measured sizes (text is wrapped and measured with the layout's own font metrics, the
legend is sized to its content first), so items never overlap whatever the paper, orientation or text length."""
import datetime
import math
import os
import re

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsLayoutExporter, QgsLayoutItemLabel,
                       QgsLayoutMeasurement, QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemPicture,
                       QgsLayoutItemPolygon, QgsLayoutItemScaleBar, QgsLayoutItemShape, QgsLayoutPoint, QgsLayoutSize,
                       QgsLayoutUtils, QgsLegendStyle, QgsMapLayerLegendUtils, QgsPrintLayout, QgsRasterLayer,
                       QgsRectangle, QgsRenderContext, QgsTextFormat, QgsFillSymbol, QgsUnitTypes, QgsVectorLayer,
                       QgsWkbTypes)
from qgis.PyQt.QtCore import QLocale, QPointF, QRectF, QSettings, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase, QPolygonF

from .base import tr

# NHS identity colours (https://www.england.nhs.uk/nhsidentity/identity-guidelines/colours/)
NHS_BLUE = "#005EB8"
NHS_DARK_BLUE = "#003087"
NHS_DARK_GREY = "#425563"
NHS_PALE_GREY = "#E8EDEE"
TEXT_COLOUR = "#212B32"  # NHS "text" colour: 15:1 contrast on white

PAPERS = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}  # landscape width, height in mm
FORMATS = ["PDF", "PNG", "SVG"]
EXTENSIONS = {"PDF": ".pdf", "PNG": ".png", "SVG": ".svg"}
FONT_FAMILIES = ("Arial", "Liberation Sans", "Helvetica", "DejaVu Sans")

# Attribution lines, exactly as the sample data's SOURCES.md asks.
ATTR_OSM = "Map data © OpenStreetMap contributors, ODbL 1.0."
ATTR_ONS = ("Contains National Statistics data © Crown copyright and database right 2011–2022. "
            "Contains OS data © Crown copyright and database right. Open Government Licence v3.0.")
ATTR_IMD = "English Indices of Deprivation 2019, MHCLG, OGL v3.0."
ATTR_NHS = "Contains NHS Choices data (2014), OGL v2.0."
ATTR_SRTM = "SRTM elevation: NASA/USGS, public domain."

# Words in a layer's name or source (or its field names) that tell where its data came from. Our own outputs
# (speed surface, drive times, zones, coverage, matrices, scenarios, standby points) are modelled on OSM roads.
_OSM_WORDS = (r"osm", r"openstreetmap", r"roads?", r"highway", r"speed", r"drive ?time", r"zones?", r"nearest",
              r"coverage", r"matrix", r"collab\w*", r"scenarios?", r"standby", r"isochrones?", r"catchments?")
_ONS_WORDS = (r"lsoa\w*", r"msoa\w*", r"lad\d*\w*", r"pct\d*\w*", r"sicbl\w*", r"ccg\w*", r"icb\w*", r"ons",
              r"ruc\d*\w*", r"pop\w*", r"population", r"boundar\w*", r"districts?", r"coverage")
_IMD_WORDS = (r"imd\w*", r"deprivation")
_NHS_WORDS = (r"ae sites", r"a&e", r"hospitals?", r"nhs choices", r"ed type1\w*", r"site code\w*")
_SRTM_WORDS = (r"srtm\w*", r"elevation", r"dem", r"dtm")


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (marks text for scripts/i18n_update.py; translated on use)
    return text


# Friendly legend titles for the layers the demo and the algorithms write (file stem -> title).
FRIENDLY_NAMES = {
    "drivetime": QT_TRANSLATE_NOOP("DriveTimeEquity", "Drive time (minutes)"),
    "drivetime_zones": QT_TRANSLATE_NOOP("DriveTimeEquity", "Drive time to the nearest A&E"),
    "nearest_site": QT_TRANSLATE_NOOP("DriveTimeEquity", "Nearest site"),
    "speed": QT_TRANSLATE_NOOP("DriveTimeEquity", "Modelled road speed (km/h)"),
    "ae_sites": QT_TRANSLATE_NOOP("DriveTimeEquity", "A&E departments"),
    "lad11_oxfordshire": QT_TRANSLATE_NOOP("DriveTimeEquity", "District boundaries"),
    "sicbl22_bob": QT_TRANSLATE_NOOP("DriveTimeEquity", "Sub-ICB areas"),
    "lsoa11_oxfordshire": QT_TRANSLATE_NOOP("DriveTimeEquity", "Neighbourhoods (LSOAs)"),
    "pct11_bob_derived": QT_TRANSLATE_NOOP("DriveTimeEquity", "Primary Care Trust areas (2011)"),
    "coverage_districts": QT_TRANSLATE_NOOP("DriveTimeEquity", "Coverage by district"),
    "coverage_pct": QT_TRANSLATE_NOOP("DriveTimeEquity", "Coverage by Primary Care Trust (2011)"),
    "scenario_delta": QT_TRANSLATE_NOOP("DriveTimeEquity", "Change in drive time (scenario)"),
    "scenario_areas": QT_TRANSLATE_NOOP("DriveTimeEquity", "Scenario: change by area"),
    "standby_points": QT_TRANSLATE_NOOP("DriveTimeEquity", "Standby points"),
    "standby_zones": QT_TRANSLATE_NOOP("DriveTimeEquity", "Standby drive zones"),
}


# -- text ------------------------------------------------------------------------------------------------
_FAMILY = []


def font_family():
    """The first of Arial / Liberation Sans / Helvetica / DejaVu Sans installed (NHS print uses Arial)."""
    if not _FAMILY:
        try:
            families = set(QFontDatabase().families())
        except Exception:  # no font database (should not happen with a QgsApplication)
            families = set()
        _FAMILY.append(next((f for f in FONT_FAMILIES if f in families), QFont().family()))
    return _FAMILY[0]


def make_font(size_pt, bold=False, italic=False):
    font = QFont(font_family())
    font.setPointSizeF(size_pt)
    font.setBold(bold)
    font.setItalic(italic)
    return font


def wrap_text(text, font, width_mm):
    """Greedy word wrap measured with the layout's font metrics; keeps the text's own line breaks."""
    lines = []
    for para in str(text).splitlines() or [""]:
        words = para.split()
        if not words:
            lines.append("")
            continue
        line = words[0]
        for w in words[1:]:
            trial = line + " " + w
            if QgsLayoutUtils.textWidthMM(font, trial) <= width_mm:
                line = trial
            else:
                lines.append(line)
                line = w
        lines.append(line)
    return lines


def text_height(font, n_lines):
    """Height in mm of ``n_lines`` lines as QgsLayoutItemLabel draws them."""
    if n_lines <= 0:
        return 0.0
    return QgsLayoutUtils.textHeightMM(font, "\n".join(["Hg"] * n_lines))


def add_label(layout, text, font, x, y, width, colour=TEXT_COLOUR, align=Qt.AlignLeft, margin=0.0, wrap=True,
              max_lines=None):
    """A label at (x, y) of the given width, wrapped and sized to its text; returns (item, height)."""
    lines = wrap_text(text, font, width - 2 * margin) if wrap else str(text).splitlines()
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" .,;") + "…"
    label = QgsLayoutItemLabel(layout)
    label.setText("\n".join(lines))
    label.setFont(font)
    label.setFontColor(QColor(colour))
    label.setHAlign(align)
    label.setVAlign(Qt.AlignTop)
    label.setMarginX(margin)
    label.setMarginY(0.0)
    height = text_height(font, len(lines)) + 0.8  # a little slack for descenders
    layout.addLayoutItem(label)
    label.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    label.attemptResize(QgsLayoutSize(width, height, QgsUnitTypes.LayoutMillimeters))
    return label, height


def add_rect(layout, x, y, w, h, fill, stroke=None, stroke_width=0.0):
    shape = QgsLayoutItemShape(layout)
    shape.setShapeType(QgsLayoutItemShape.Rectangle)
    props = {"color": fill, "outline_style": "no" if stroke is None else "solid"}
    if stroke is not None:
        props.update(outline_color=stroke, outline_width=str(stroke_width), outline_width_unit="MM")
    shape.setSymbol(QgsFillSymbol.createSimple(props))
    layout.addLayoutItem(shape)
    shape.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    shape.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters))
    return shape


# -- layers --------------------------------------------------------------------------------------------------
def layer_stem(layer):
    """The file stem (or GeoPackage layer name) a file layer was loaded from, lower case; '' if none."""
    source = layer.source() or ""
    m = re.search(r"layername=([^|]+)", source)
    if m:
        return m.group(1).strip().lower()
    path = source.split("|")[0]
    return os.path.splitext(os.path.basename(path))[0].lower() if path else ""


def friendly_name(layer):
    """A legend title: the user's own layer name, or a plain-English one for names that look like file names."""
    name = (layer.name() or "").strip()
    stem = layer_stem(layer)
    looks_like_file = not name or name.lower() == stem or re.fullmatch(r"[a-z0-9_\-.]+", name) is not None
    if not looks_like_file:
        return name
    for key in (name.lower(), stem):
        if key in FRIENDLY_NAMES:
            return tr(FRIENDLY_NAMES[key])
    text = re.sub(r"[_]+", " ", name or stem).strip()
    return text[:1].upper() + text[1:]


def _layer_words(layer):
    """Name, source and field names as lower-case text with '_', '.', '/' etc. turned into spaces."""
    source = layer.source() or ""
    path, _, rest = source.partition("|")
    parts = [layer.name() or "", os.path.basename(path), rest]  # not the folders: their names say nothing
    if isinstance(layer, QgsVectorLayer):
        parts += [f.name() for f in layer.fields()]
    return " ".join(re.sub(r"[^a-z0-9&]+", " ", p.lower().replace("drive-time", "drivetime")) for p in parts)


def _has(text, patterns):
    return any(re.search(r"\b" + p + r"\b", text) for p in patterns)


def attribution_lines(layers, extra=None):
    """Attribution lines the data require, in a fixed order, each once.

    Chosen from each layer's name, source and field names (OSM roads and everything modelled on them; ONS / OS
    boundaries and population; the English Indices of Deprivation; NHS site lists; SRTM elevation), plus the
    rights / licences in the layers' metadata and any ``extra`` lines given by the user."""
    found = []
    for layer in layers:
        words = _layer_words(layer)
        raster = isinstance(layer, QgsRasterLayer)
        if _has(words, _OSM_WORDS) or raster and not _has(words, _SRTM_WORDS + (r"pop\w*",)):
            found.append(ATTR_OSM)
        if _has(words, _ONS_WORDS):
            found.append(ATTR_ONS)
        if _has(words, _IMD_WORDS):
            found.append(ATTR_IMD)
        if _has(words, _NHS_WORDS):
            found.append(ATTR_NHS)
        if _has(words, _SRTM_WORDS):
            found.append(ATTR_SRTM)
        meta = layer.metadata()
        for text in list(meta.rights()) + list(meta.licenses()):
            if text and text.strip():
                found.append(text.strip())
    for text in extra or []:
        if text and text.strip():
            found.append(text.strip())
    order = [ATTR_OSM, ATTR_ONS, ATTR_IMD, ATTR_NHS, ATTR_SRTM]
    out = [a for a in order if a in found]
    for text in found:
        if text not in out:
            out.append(text)
    return out


def draw_rank(layer):
    """Drawing order: points on top, then lines, polygons, and rasters at the bottom."""
    if isinstance(layer, QgsVectorLayer):
        return {QgsWkbTypes.PointGeometry: 0, QgsWkbTypes.LineGeometry: 1}.get(layer.geometryType(), 2)
    return 3


def british(crs_list, extent_wgs84):
    """True when every layer is on the British National Grid, or the data lie inside Great Britain."""
    if crs_list and all(c.authid() == "EPSG:27700" for c in crs_list):
        return True
    e = extent_wgs84
    return e is not None and not e.isEmpty() and e.xMinimum() > -9.0 and e.xMaximum() < 2.1 and \
        e.yMinimum() > 49.8 and e.yMaximum() < 61.0


def map_crs_and_extent(layers, transform_context):
    """The map CRS (EPSG:27700 for British data, else the first layer's) and the union of the layers' extents in
    it, padded by 3 % but never beyond the rasters among them (a raster fills the frame to its edges)."""
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    union_wgs = QgsRectangle()
    union_wgs.setMinimal()
    for layer in layers:
        try:
            ext = QgsCoordinateTransform(layer.crs(), wgs84, transform_context).transformBoundingBox(layer.extent())
            union_wgs.combineExtentWith(ext)
        except Exception:
            pass
    bng = QgsCoordinateReferenceSystem("EPSG:27700")
    crs = bng if british([lyr.crs() for lyr in layers], union_wgs) else layers[0].crs()
    extent, raster_extent = QgsRectangle(), QgsRectangle()
    extent.setMinimal()
    raster_extent.setMinimal()
    for layer in layers:
        ext = layer.extent()
        if ext.isEmpty() and not (ext.width() > 0 or ext.height() > 0):
            continue
        if layer.crs() != crs:
            try:
                ext = QgsCoordinateTransform(layer.crs(), crs, transform_context).transformBoundingBox(ext)
            except Exception:
                continue
        extent.combineExtentWith(ext)
        if isinstance(layer, QgsRasterLayer):
            raster_extent.combineExtentWith(ext)
    if extent.isEmpty() or extent.isNull():
        return crs, extent
    pad = 0.03 * max(extent.width(), extent.height(), 1.0)
    extent = QgsRectangle(extent.xMinimum() - pad, extent.yMinimum() - pad, extent.xMaximum() + pad,
                          extent.yMaximum() + pad)
    if not (raster_extent.isEmpty() or raster_extent.isNull()):
        # a raster (e.g. drive times) fills the frame: nothing is shown beyond it, so no blank margin
        extent = extent.intersect(raster_extent)
    return crs, extent


def nice_number(x):
    """The largest 1 / 2 / 2.5 / 5 × 10^k not above x."""
    if x <= 0:
        return 1.0
    k = math.floor(math.log10(x))
    for m in (5.0, 2.5, 2.0, 1.0):
        if m * 10 ** k <= x:
            return m * 10 ** k
    return 10 ** k


def today_text():
    locale = QSettings().value("locale/userLocale", "") or ""
    loc = QLocale(str(locale)) if locale else QLocale()
    d = datetime.date.today()
    from qgis.PyQt.QtCore import QDate

    return loc.toString(QDate(d.year, d.month, d.day), "d MMMM yyyy")


# -- the page ------------------------------------------------------------------------------------------------
class PageSpec:
    """Sizes in mm and font sizes in points, scaled with the paper (A3 = A4 × 1.41)."""

    def __init__(self, paper="A4", landscape=True):
        w, h = PAPERS[paper]
        self.paper = paper
        self.landscape = landscape
        self.width, self.height = (w, h) if landscape else (h, w)
        self.scale = min(self.width, self.height) / 210.0
        s = self.scale
        self.margin = 10.0 * s
        self.gap = 5.0 * s
        self.title_pt = 20.0 * s
        self.subtitle_pt = 12.0 * s
        self.heading_pt = 11.0 * s
        self.body_pt = 9.5 * s
        self.small_pt = 9.0 * s


def build_layout(project, layers, crs, extent, title, subtitle="", summary="", notes=None, attribution=(),
                 paper="A4", landscape=True, date_text=None):
    """A print layout of one page: header band (title, subtitle), map with scale bar and north arrow, legend,
    notes box (summary, caveats, date), attribution footer. ``layers`` are in drawing order (first on top) and
    must be in ``project``. Returns ``(layout, warnings)``."""
    warnings = []
    spec = PageSpec(paper, landscape)
    s = spec.scale
    W, H, m, gap = spec.width, spec.height, spec.margin, spec.gap
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(title or "Consultation map")
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(W, H, QgsUnitTypes.LayoutMillimeters))
    inner = W - 2 * m

    # header: title and subtitle in white on NHS blue
    pad = 4.0 * s
    title_font = make_font(spec.title_pt, bold=True)
    sub_font = make_font(spec.subtitle_pt)
    title_lines = wrap_text(title, title_font, inner - 2 * pad)[:2]
    sub_lines = wrap_text(subtitle, sub_font, inner - 2 * pad)[:2] if subtitle else []
    th = text_height(title_font, len(title_lines)) + 0.8
    sh = text_height(sub_font, len(sub_lines)) + 0.8 if sub_lines else 0.0
    header_h = pad + th + (1.5 * s + sh if sub_lines else 0.0) + pad
    add_rect(layout, m, m, inner, header_h, NHS_BLUE)
    add_label(layout, "\n".join(title_lines), title_font, m + pad, m + pad, inner - 2 * pad, "#FFFFFF", wrap=False)
    if sub_lines:
        add_label(layout, "\n".join(sub_lines), sub_font, m + pad, m + pad + th + 1.5 * s, inner - 2 * pad,
                  "#FFFFFF", wrap=False)
    body_top = m + header_h + gap

    # footer: attribution, under a thin rule
    small = make_font(spec.small_pt)
    attr_lines = wrap_text(" ".join(attribution), small, inner) if attribution else []
    foot_h = text_height(small, len(attr_lines)) + 0.8 if attr_lines else 0.0
    foot_top = H - m - foot_h
    if attr_lines:
        add_label(layout, "\n".join(attr_lines), small, m, foot_top, inner, NHS_DARK_GREY, wrap=False)
        add_rect(layout, m, foot_top - 2.0 * s, inner, 0.3 * s, NHS_PALE_GREY)
    body_bottom = foot_top - (gap if attr_lines else 0.0)
    body_h = body_bottom - body_top

    # frames of map, legend and notes
    # the map frame takes the data's shape (as far as the page allows); the key and notes get the rest
    aspect = extent.width() / extent.height() if extent.height() > 0 else 1.0
    if landscape:
        panel_min, panel_max = max(70.0 * s, 0.28 * inner), 0.42 * inner
        # the key column is at most panel_max wide: a map narrower than the space left is centred in it (white
        # page around the frame, never white strips inside it)
        col_w = max(min(inner - panel_min - gap, body_h * aspect), inner - panel_max - gap)
        map_w = min(col_w, body_h * aspect)
        map_h = min(body_h, map_w / aspect)
        panel_w = inner - col_w - gap
        map_rect = QRectF(m + (col_w - map_w) / 2, body_top, map_w, map_h)
        legend_box = QRectF(m + col_w + gap, body_top, panel_w, body_h)
        notes_box = None  # below the legend, in the same column
    else:
        map_h = min(max(min(0.62 * body_h, inner / aspect), 0.45 * body_h), inner / aspect)
        map_w = min(inner, map_h * aspect)
        map_rect = QRectF(m + (inner - map_w) / 2, body_top, map_w, map_h)
        col_w = (inner - gap) / 2
        legend_box = QRectF(m, body_top + map_h + gap, col_w, body_h - map_h - gap)
        notes_box = QRectF(m + col_w + gap, body_top + map_h + gap, col_w, body_h - map_h - gap)

    # map
    mp = QgsLayoutItemMap(layout)
    mp.setCrs(crs)
    layout.addLayoutItem(mp)
    mp.attemptMove(QgsLayoutPoint(map_rect.x(), map_rect.y(), QgsUnitTypes.LayoutMillimeters))
    mp.attemptResize(QgsLayoutSize(map_rect.width(), map_rect.height(), QgsUnitTypes.LayoutMillimeters))
    mp.setLayers(list(layers))
    mp.setKeepLayerSet(True)
    mp.setFrameEnabled(True)
    mp.setFrameStrokeColor(QColor(NHS_DARK_GREY))
    mp.setFrameStrokeWidth(QgsLayoutMeasurement(0.3 * s, QgsUnitTypes.LayoutMillimeters))
    mp.setBackgroundColor(QColor("#FFFFFF"))
    if not extent.isEmpty():
        # zoomToExtent keeps the item's aspect ratio but needs a current extent: set one, restore the size, fit
        mp.setExtent(extent)
        mp.attemptResize(QgsLayoutSize(map_rect.width(), map_rect.height(), QgsUnitTypes.LayoutMillimeters))
        mp.zoomToExtent(extent)
    _add_scalebar(layout, mp, map_rect, spec)
    _add_north_arrow(layout, mp, map_rect, spec)

    # legend
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle(tr("Key"))
    legend.setLinkedMap(mp)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in layers:
        node = root.addLayer(layer)
        node.setUseLayerName(True)
        if isinstance(layer, QgsRasterLayer):
            # drop the "Band 1 (Gray)" line: only the classes mean something to the reader
            nodes = legend.model().layerLegendNodes(node)
            keep = [i for i, n in enumerate(nodes) if type(n).__name__ != "QgsSimpleLegendNode"]
            if nodes and len(keep) < len(nodes):
                QgsMapLayerLegendUtils.setLegendNodeOrder(node, keep)
                legend.model().refreshLayerLegend(node)
    legend.setStyleFont(QgsLegendStyle.Title, make_font(spec.heading_pt + 1, bold=True))
    legend.setStyleFont(QgsLegendStyle.Group, make_font(spec.heading_pt, bold=True))
    legend.setStyleFont(QgsLegendStyle.Subgroup, make_font(spec.body_pt + 0.5, bold=True))
    legend.setStyleFont(QgsLegendStyle.SymbolLabel, make_font(spec.body_pt))
    legend.setStyleMargin(QgsLegendStyle.Subgroup, QgsLegendStyle.Top, 3.0 * s)
    legend.setStyleMargin(QgsLegendStyle.Title, QgsLegendStyle.Bottom, 2.0 * s)
    legend.setFontColor(QColor(TEXT_COLOUR))
    legend.setSymbolWidth(8.0 * s)
    legend.setSymbolHeight(4.5 * s)
    legend.setBoxSpace(2.0 * s)
    legend.setBackgroundEnabled(False)
    legend.setFrameEnabled(False)
    legend.setEqualColumnWidth(True)
    legend.setSplitLayer(True)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(legend_box.x(), legend_box.y(), QgsUnitTypes.LayoutMillimeters))
    lw, lh = measure_legend(legend)
    # a landscape legend leaves room for at least ~4 lines of notes below it
    notes_min = text_height(make_font(spec.body_pt), 4) + 12.0 * s if landscape else 0.0
    max_legend_h = legend_box.height() - notes_min - (gap if landscape else 0.0)
    if lh > max_legend_h or lw > legend_box.width():
        legend.setColumnCount(2)
        lw, lh = measure_legend(legend)
        if lh > max_legend_h or lw > legend_box.width():
            warnings.append(tr("The key does not fit beside the map; show fewer layers or use A3 paper."))
    legend.setResizeToContents(False)
    legend.attemptResize(QgsLayoutSize(max(lw, min(legend_box.width(), lw)), lh, QgsUnitTypes.LayoutMillimeters))

    # notes: summary, caveat, date
    if notes_box is None:
        top = legend_box.y() + lh + gap
        notes_box = QRectF(legend_box.x(), top, legend_box.width(), body_bottom - top)
    _add_notes(layout, notes_box, spec, summary, notes, date_text or today_text(), warnings)
    return layout, warnings


def _add_scalebar(layout, mp, map_rect, spec):
    s = spec.scale
    sb = QgsLayoutItemScaleBar(layout)
    sb.setStyle("Single Box")
    sb.setLinkedMap(mp)
    layout.addLayoutItem(sb)
    width_km = mp.extent().width() / 1000.0 if mp.crs().mapUnits() == QgsUnitTypes.DistanceMeters else None
    if width_km:
        sb.setUnits(QgsUnitTypes.DistanceKilometers)
        sb.setUnitLabel("km")
        seg = nice_number(width_km * 0.25 / 2)
        sb.setUnitsPerSegment(seg)
    else:
        sb.applyDefaultSize()
    sb.setNumberOfSegments(2)
    sb.setNumberOfSegmentsLeft(0)
    sb.setNumberOfSubdivisions(1)
    sb.setHeight(1.8 * s)
    fmt = QgsTextFormat()
    fmt.setFont(make_font(spec.small_pt))
    fmt.setSize(spec.small_pt)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    fmt.setColor(QColor(TEXT_COLOUR))
    sb.setTextFormat(fmt)
    sb.setFillSymbol(QgsFillSymbol.createSimple({"color": TEXT_COLOUR, "outline_color": TEXT_COLOUR,
                                                 "outline_width": "0.2", "outline_width_unit": "MM"}))
    sb.setAlternateFillSymbol(QgsFillSymbol.createSimple({"color": "#FFFFFF", "outline_color": TEXT_COLOUR,
                                                          "outline_width": "0.2", "outline_width_unit": "MM"}))
    sb.setBackgroundEnabled(True)
    sb.setBackgroundColor(QColor(255, 255, 255, 220))
    sb.setBoxContentSpace(1.5 * s)
    sb.refreshItemSize() if hasattr(sb, "refreshItemSize") else sb.update()
    size = sb.sizeWithUnits()
    inset = 3.0 * s
    sb.attemptMove(QgsLayoutPoint(map_rect.x() + inset, map_rect.bottom() - inset - size.height(),
                                  QgsUnitTypes.LayoutMillimeters))
    return sb


def measure_legend(legend):
    """Size (mm) of a legend sized to its content. QGIS computes it only once the item has been painted (it needs
    the painter's DPI), so paint it once on a tiny image first."""
    from qgis.PyQt.QtGui import QImage, QPainter
    from qgis.PyQt.QtWidgets import QStyleOptionGraphicsItem

    legend.setResizeToContents(True)
    image = QImage(16, 16, QImage.Format_ARGB32)
    painter = QPainter(image)
    try:
        legend.paint(painter, QStyleOptionGraphicsItem(), None)
    finally:
        painter.end()
    legend.adjustBoxSize()
    size = legend.sizeWithUnits()
    return size.width(), size.height()


def north_arrow_svg():
    from qgis.core import QgsApplication

    for folder in QgsApplication.svgPaths():
        path = os.path.join(folder, "arrows", "NorthArrow_02.svg")
        if os.path.exists(path):
            return path
    return None


def _add_north_arrow(layout, mp, map_rect, spec):
    s = spec.scale
    w, h = 9.0 * s, 13.0 * s
    inset = 3.0 * s
    x, y = map_rect.right() - inset - w, map_rect.y() + inset
    bg = add_rect(layout, x, y, w, h, "255,255,255,220")
    svg = north_arrow_svg()
    if svg:
        pic = QgsLayoutItemPicture(layout)
        pic.setPicturePath(svg)
        pic.setLinkedMap(mp)
        pic.setSvgFillColor(QColor(TEXT_COLOUR))
        pic.setSvgStrokeColor(QColor(TEXT_COLOUR))
        layout.addLayoutItem(pic)
        pic.attemptMove(QgsLayoutPoint(x + 1.0 * s, y + 1.0 * s, QgsUnitTypes.LayoutMillimeters))
        pic.attemptResize(QgsLayoutSize(w - 2.0 * s, h - 2.0 * s, QgsUnitTypes.LayoutMillimeters))
        return pic
    # a simple drawn arrow: a triangle and an N
    tri = QgsLayoutItemPolygon(QPolygonF([QPointF(x + w / 2, y + 1.0 * s), QPointF(x + w - 2.0 * s, y + h * 0.6),
                                          QPointF(x + 2.0 * s, y + h * 0.6)]), layout)
    layout.addLayoutItem(tri)
    add_label(layout, "N", make_font(spec.body_pt, bold=True), x, y + h * 0.62, w, TEXT_COLOUR, Qt.AlignHCenter)
    return bg


def _add_notes(layout, box, spec, summary, notes, date_text, warnings):
    s = spec.scale
    pad = 3.0 * s
    heading = make_font(spec.heading_pt, bold=True)
    body = make_font(spec.body_pt)
    small = make_font(spec.small_pt, italic=True)
    width = box.width() - 2 * pad
    paragraphs = [p for p in (summary or "").strip().split("\n")]
    sum_lines = wrap_text("\n".join(paragraphs), body, width) if summary and summary.strip() else []
    note_lines = wrap_text("\n".join(notes or []), small, width) if notes else []
    date_lines = wrap_text(tr("Map produced on {date} with the Drive-Time Equity QGIS plugin.").format(
        date=date_text), small, width)
    hh = text_height(heading, 1) + 1.5 * s
    fixed = pad + hh + text_height(small, len(note_lines) + len(date_lines)) + 2.0 * s + pad
    if note_lines:
        fixed += 2.0 * s
    room = box.height() - fixed
    max_sum = max(0, int(room / max(text_height(body, 2) - text_height(body, 1), 0.1)) - 1) if room > 0 else 0
    if len(sum_lines) > max_sum:
        warnings.append(tr("SUMMARY is too long for the notes box: it was cut to {n} lines; shorten it or use A3 "
                           "paper.").format(n=max_sum))
        sum_lines = sum_lines[:max_sum]
        if sum_lines:
            sum_lines[-1] = sum_lines[-1].rstrip(" .,;") + "…"
    sum_h = text_height(body, len(sum_lines)) + 0.8 + 2.0 * s if sum_lines else 0.0
    total = fixed + sum_h
    total = min(total, box.height())
    add_rect(layout, box.x(), box.y(), box.width(), total, NHS_PALE_GREY)
    y = box.y() + pad
    add_label(layout, tr("About this map"), heading, box.x() + pad, y, width, NHS_DARK_BLUE, wrap=False)
    y += hh
    if sum_lines:
        add_label(layout, "\n".join(sum_lines), body, box.x() + pad, y, width, TEXT_COLOUR, wrap=False)
        y += sum_h
    if note_lines:
        _, nh = add_label(layout, "\n".join(note_lines), small, box.x() + pad, y, width, NHS_DARK_GREY, wrap=False)
        y += nh + 2.0 * s
    add_label(layout, "\n".join(date_lines), small, box.x() + pad, y, width, NHS_DARK_GREY, wrap=False)


# -- export --------------------------------------------------------------------------------------------------
def export_layout(layout, path, fmt="PDF", dpi=300):
    """Export the layout's one page; returns ``(ok, message)``."""
    exporter = QgsLayoutExporter(layout)
    if fmt == "PDF":
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = dpi
        settings.rasterizeWholeImage = False
        settings.forceVectorOutput = False
        settings.simplifyGeometries = True
        settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
        result = exporter.exportToPdf(path, settings)
    elif fmt == "PNG":
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = dpi
        result = exporter.exportToImage(path, settings)
    elif fmt == "SVG":
        settings = QgsLayoutExporter.SvgExportSettings()
        settings.dpi = dpi
        settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
        settings.simplifyGeometries = True
        result = exporter.exportToSvg(path, settings)
    else:
        return False, f"unknown format {fmt}"
    return result == QgsLayoutExporter.Success, exporter.errorMessage() if hasattr(exporter, "errorMessage") else ""

