"""Styles for outputs, in one place.

The QML files in ``resources/styles/`` are the single source of each style's look (edit one in QGIS 3.22 and
save it over the file: opacity, outlines, labels, resampling). The appliers below load that QML onto an
output layer and fill in only what depends on the run (the classes of the run's BANDS, the labels, the groups
found). An applier is used twice: by a layer post-processor when Processing loads the output into the project,
and by :func:`write_qml_beside`, which saves ``<output>.qml`` beside a file output (QGIS loads that file
whenever the layer is opened, so ``qgis_process`` results and GeoTIFFs dragged into QGIS open styled)."""
import math
import os

from qgis.core import (QgsCategorizedSymbolRenderer, QgsColorRampShader, QgsFeatureRequest, QgsFillSymbol,
                       QgsGradientColorRamp, QgsGraduatedSymbolRenderer, QgsLineSymbol, QgsMarkerSymbol,
                       QgsPalettedRasterRenderer, QgsProcessingLayerPostProcessorInterface, QgsRasterLayer,
                       QgsRasterShader, QgsRendererCategory, QgsRendererRange, QgsRuleBasedRenderer,
                       QgsSingleBandPseudoColorRenderer, QgsSymbol, QgsVectorLayer, QgsVectorLayerSimpleLabeling,
                       QgsWkbTypes)
from qgis.PyQt import sip
from qgis.PyQt.QtGui import QColor

from ..plugin.utils import resources_path
from .base import fmt_num, tr

# viridis (colour-blind safe, perceptually uniform; matplotlib, CC0) anchor colours
VIRIDIS = ["#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58",
           "#b5de2b", "#fde725"]
BEYOND_COLOUR = "#bdbdbd"
# Okabe-Ito qualitative palette (colour-blind safe) for categories such as nearest site
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
             "#000000"]
# coverage: colour-blind safe diverging classes (ColorBrewer PuOr), oranges below the standard, purples at or above
BELOW_COLOURS = ["#7f3b08", "#b35806", "#f1a340", "#fee0b6"]
ABOVE_COLOURS = ["#998ec3", "#6a51a3", "#542788", "#2d004b"]
NO_POP_COLOUR = "#d9d9d9"
# calibration: held-out error classes (%), blue too fast, grey close, red too slow
RESIDUAL_CLASSES = [(-1e9, -20, "#2166ac"), (-20, -10, "#67a9cf"), (-10, 10, "#66bdbdbd"), (10, 20, "#ef8a62"),
                    (20, 1e9, "#b2182b")]
#: collaboration line widths (mm) from the closest band to the furthest band
WIDEST, NARROWEST = 1.8, 0.35
#: custom property a style written beside a raster carries: hide the band heading of its legend (see watch_legends)
HIDE_BAND_HEADING = "drivetime_equity/hide_band_heading"


def ramp_colours(n, anchors=VIRIDIS, reverse=False):
    """n colours sampled evenly along a ramp given by anchor colours."""
    cols = [QColor(a) for a in anchors]
    if reverse:
        cols = cols[::-1]
    if n <= 1:
        return [cols[0]]
    out = []
    for i in range(n):
        t = i / (n - 1) * (len(cols) - 1)
        k = min(int(math.floor(t)), len(cols) - 2)
        u = t - k
        a, b = cols[k], cols[k + 1]
        out.append(QColor(round(a.red() + (b.red() - a.red()) * u), round(a.green() + (b.green() - a.green()) * u),
                          round(a.blue() + (b.blue() - a.blue()) * u)))
    return out


def band_labels(bands, unit=None):
    """Plain-English labels of the bands: 'up to 6 min', '6–8 min', ..., 'over 60 min'."""
    unit = unit or tr("min")
    labels = []
    prev = None
    for b in bands:
        if prev is None:
            labels.append(tr("up to {b} {unit}").format(b=fmt_num(b), unit=unit))
        else:
            labels.append(tr("{a}–{b} {unit}").format(a=fmt_num(prev), b=fmt_num(b), unit=unit))
        prev = b
    return labels


def beyond_label(bands, unit=None):
    return tr("over {b} {unit}").format(b=fmt_num(bands[-1]), unit=unit or tr("min"))


# -- building blocks --------------------------------------------------------------------------------------
def load_base(layer, qml):
    """Load the shipped base style ``resources/styles/<qml>`` onto ``layer``."""
    layer.loadNamedStyle(resources_path("styles", qml))


def _template_symbol(layer):
    """A clone of the first class symbol of the layer's (categorised or rule-based) renderer, or None."""
    base = layer.renderer()
    if isinstance(base, QgsCategorizedSymbolRenderer):
        categories = base.categories()  # keep the copies alive while cloning their symbol
        return categories[0].symbol().clone() if categories else None
    if isinstance(base, QgsRuleBasedRenderer) and base.rootRule().children():
        return base.rootRule().children()[0].symbol().clone()
    return None


def discrete_raster(layer, items, vmin, vmax, default_opacity, band=1):
    """The one colour-ramp shader: discrete classes ``items`` = [(upper value, colour, label), ...] (the last
    upper value may be ``inf``) on raster band ``band``, keeping the opacity of the loaded base style."""
    fn = QgsColorRampShader(float(vmin), float(vmax))
    fn.setColorRampType(QgsColorRampShader.Discrete)
    fn.setColorRampItemList([QgsColorRampShader.ColorRampItem(float(v), QColor(c), lab) for v, c, lab in items])
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(fn)
    opacity = layer.renderer().opacity() if layer.renderer() else default_opacity
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), band, shader)
    renderer.setClassificationMin(float(vmin))
    renderer.setClassificationMax(float(vmax))
    renderer.setOpacity(opacity)
    layer.setRenderer(renderer)


def _graduated(field, classes, geometry, adjust=None):
    """Graduated renderer from ``classes`` = [(lower, upper, colour, label), ...] on default symbols;
    ``adjust(symbol, i)`` sets more (size, width)."""
    ranges = []
    for i, (lo, hi, colour, label) in enumerate(classes):
        sym = QgsSymbol.defaultSymbol(geometry)
        sym.setColor(QColor(colour))
        if adjust is not None:
            adjust(sym, i)
        ranges.append(QgsRendererRange(lo, hi, sym, label))
    return QgsGraduatedSymbolRenderer(field, ranges)


# -- appliers: each takes a loaded layer and styles it ---------------------------------------------------
def style_from_qml(name):
    """An applier that just loads a shipped QML (fixed classes)."""

    def apply(layer):
        load_base(layer, name)

    return apply


def style_drivetime_raster(layer, bands):
    """Discrete colour classes, one per band (a time equal to a break falls in the lower band), grey beyond."""
    load_base(layer, "drivetime_raster.qml")
    items = [(b, c, lab) for b, c, lab in zip(bands, ramp_colours(len(bands)), band_labels(bands))]
    items.append((math.inf, BEYOND_COLOUR, beyond_label(bands)))
    discrete_raster(layer, items, 0.0, bands[-1], 0.8)


def style_band_polygons(layer, bands, field="band", qml="drivetime_zones.qml"):
    """Categorised polygons by band number (1 = nearest band), viridis colours, plain-English labels."""
    load_base(layer, qml)
    template = _template_symbol(layer)
    cats = []
    for i, (c, lab) in enumerate(zip(ramp_colours(len(bands)), band_labels(bands))):
        sym = template.clone() if template is not None else QgsFillSymbol.createSimple({"outline_style": "no"})
        sym.setColor(c)
        cats.append(QgsRendererCategory(i + 1, sym, lab))
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, cats))


def style_categorical_raster(layer, values, labels=None):
    """Paletted raster, one class per value (e.g. nearest-site ids), Okabe-Ito colours."""
    classes = []
    for i, v in enumerate(values):
        lab = labels[i] if labels else str(v)
        classes.append(QgsPalettedRasterRenderer.Class(float(v), QColor(OKABE_ITO[i % len(OKABE_ITO)]), lab))
    renderer = QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes)
    renderer.setOpacity(0.7)
    layer.setRenderer(renderer)


# drivetime:matrix
def band_colours(n_bands):
    """Line colours: viridis from dark (closest band, most prominent) to green, grey beyond the last break."""
    return ramp_colours(n_bands, VIRIDIS[:8]) + [QColor(BEYOND_COLOUR)]


def band_widths(n_bands):
    """Line widths in mm: widest for the closest band, narrowest beyond the last break."""
    k = n_bands + 1
    return [WIDEST - (WIDEST - NARROWEST) * i / (k - 1) for i in range(k)]


def style_collaboration_lines(layer, bands, labels):
    """Graduated by band (1 = closest): colour and width, closest band drawn on top (symbol levels).
    Labels with the minutes are configured but off (Layer Properties > Labels to show them)."""
    load_base(layer, "collaboration_lines.qml")
    n = len(bands)
    ranges = []
    for i, (colour, width, label) in enumerate(zip(band_colours(n), band_widths(n), labels)):
        sym = QgsLineSymbol.createSimple({"line_color": colour.name(), "line_width": f"{width:.2f}",
                                          "line_width_unit": "MM", "capstyle": "round"})
        if i == n:  # beyond the last break: thin, light, dashed
            sym.symbolLayer(0).setPenStyle(2)  # Qt.DashLine
            sym.setOpacity(0.6)
        sym.symbolLayer(0).setRenderingPass(n - i)  # band 1 in the last pass: drawn on top
        ranges.append(QgsRendererRange(i + 0.5, i + 1.5, sym, label))
    renderer = QgsGraduatedSymbolRenderer("band", ranges)
    renderer.setUsingSymbolLevels(True)
    layer.setRenderer(renderer)


def style_collaboration_sites(layer, clusters):
    """Sites categorised by hierarchical-clustering group (Okabe-Ito colours), labelled with their names."""
    load_base(layer, "collaboration_sites.qml")
    template = _template_symbol(layer)
    cats = []
    for i, value in enumerate(sorted(set(int(c) for c in clusters))):
        sym = template.clone() if template is not None else QgsMarkerSymbol.createSimple(
            {"name": "circle", "size": "3.4", "outline_color": "#ffffff", "outline_width": "0.4"})
        sym.setColor(QColor(OKABE_ITO[i % len(OKABE_ITO)]))
        n = sum(1 for c in clusters if int(c) == value)
        label = tr("group {g} (1 site)") if n == 1 else tr("group {g} ({n} sites)")
        cats.append(QgsRendererCategory(value, sym, label.format(g=value, n=n)))
    layer.setRenderer(QgsCategorizedSymbolRenderer("cluster", cats))


def _shared_catchments(layer, items):
    load_base(layer, "collaboration_zones.qml")
    top = items[-2][0] if len(items) > 1 else items[0][0]
    discrete_raster(layer, items, items[0][0], top, 0.75)


def style_reach_counts(layer, first_break):
    """Band 1 (sites within the first break): 0 transparent-grey, 1, 2, 3, 4 or more sites."""
    cols = ramp_colours(4, VIRIDIS, reverse=True)
    b = fmt_num(first_break)
    _shared_catchments(layer, [(0, "#f0f0f0", tr("no site within {b} min").format(b=b)),
                               (1, cols[0].name(), tr("1 site within {b} min").format(b=b)),
                               (2, cols[1].name(), tr("2 sites within {b} min").format(b=b)),
                               (3, cols[2].name(), tr("3 sites within {b} min").format(b=b)),
                               (math.inf, cols[3].name(), tr("4 or more sites within {b} min").format(b=b))])


def style_second_gap(layer):
    """Minutes between second-nearest and nearest site: small = shared catchment (dark)."""
    cols = ramp_colours(5, VIRIDIS)
    _shared_catchments(layer, [(5, cols[0].name(), tr("within 5 min (shared catchment)")),
                               (10, cols[1].name(), tr("5–10 min")), (15, cols[2].name(), tr("10–15 min")),
                               (30, cols[3].name(), tr("15–30 min")), (math.inf, cols[4].name(), tr("over 30 min"))])


# drivetime:coverage
def share_classes(share):
    """(lower, upper, colour, below?) classes of % within target: a class per quarter (0–25–50–75–100), so an
    area with nobody covered never shares a colour with one a third covered, split at the standard ``share``."""
    s = min(max(float(share), 0.0), 100.0)
    lows = sorted(set([0.0, 25.0, 50.0, 75.0, s]))
    lows = [x for x in lows if x < 100.0 or x == 0.0]
    bounds = lows + [100.0]
    classes = []
    n_below = sum(1 for x in lows if x < s)
    below_cols = BELOW_COLOURS[-n_below:] if n_below else []
    above_cols = ABOVE_COLOURS[:len(lows) - n_below]
    cols = below_cols + above_cols
    for i in range(len(lows)):
        classes.append((bounds[i], bounds[i + 1], cols[i], lows[i] < s))
    return classes


def style_coverage_areas(layer, field, share, target_label):
    """Rule-based choropleth of ``field`` (% within target) in classes around the standard, grey for areas
    without population, labels with the area name and the percentage."""
    load_base(layer, "coverage_areas.qml")
    template = _template_symbol(layer)
    if template is None:
        template = QgsFillSymbol.createSimple({"outline_color": "#ffffff", "outline_width": "0.4"})
    root = QgsRuleBasedRenderer.Rule(None)
    classes = share_classes(share)
    for k, (lo, hi, colour, below) in enumerate(classes):
        last = k == len(classes) - 1
        expr = f'"{field}" >= {lo!r} AND "{field}" ' + ("<= 100" if last else f"< {hi!r}")
        if k == 0:
            expr = f'"{field}" ' + ("<= 100" if last else f"< {hi!r}")
        label = tr("{a}–{b} % within {T} min").format(a=fmt_num(lo), b=fmt_num(hi), T=target_label)
        if below and hi == share:
            label += " " + tr("(below the {s} % standard)").format(s=fmt_num(share))
        elif not below and lo == share:
            label += " " + tr("(meets the {s} % standard)").format(s=fmt_num(share))
        sym = template.clone()
        sym.setColor(QColor(colour))
        root.appendChild(QgsRuleBasedRenderer.Rule(sym, 0, 0, expr, label))
    sym = template.clone()
    sym.setColor(QColor(NO_POP_COLOUR))
    root.appendChild(QgsRuleBasedRenderer.Rule(sym, 0, 0, f'"{field}" IS NULL', tr("no population")))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    lab = layer.labeling()
    if lab is not None:
        try:
            settings = lab.settings()
            settings.fieldName = (f"coalesce(\"area_name\", to_string(\"area_id\")) || '\\n' || "
                                  f"coalesce(format_number(\"{field}\", 1) || ' %', '–')")
            settings.isExpression = True
            layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
            layer.setLabelsEnabled(True)
        except AttributeError:
            pass


def style_coverage_table(layer, thresholds):
    """Readable aliases for the table columns (field names stay the batch API)."""
    from ..core import coverage as cv

    load_base(layer, "coverage_table.qml")
    aliases = {"level": tr("Level"), "area_id": tr("Area id"), "area_name": tr("Area"), "urbanity": tr("Urbanity"),
               "group_val": tr("Group"), "pop_total": tr("People"), "pop_beyond": tr("People beyond target"),
               "pct_beyond": tr("% beyond target"), "pop_unreach": tr("People unreachable"),
               "mean_min": tr("Mean (min)"), "median_min": tr("Median (min)"), "p90_min": tr("90th pct (min)"),
               "max_min": tr("Max (min)"), "gap_pp": tr("Gap to study area (pp)"),
               "gap_best_pp": tr("Gap to best (pp)"), "rank": tr("Rank"), "meets": tr("Meets standard"),
               "pop_short": tr("People short of standard")}
    for t in thresholds:
        s = cv.threshold_suffix(t)
        aliases[f"pop_le_{s}"] = tr("People ≤ {T} min").format(T=cv.fmt_t(t))
        aliases[f"pct_le_{s}"] = tr("% ≤ {T} min").format(T=cv.fmt_t(t))
    for name, alias in aliases.items():
        idx = layer.fields().lookupField(name)
        if idx >= 0:
            layer.setFieldAlias(idx, alias)


# drivetime:response
def style_response_areas(layer, field, reference):
    """Graduated colours of the 90th percentile around the reference (standard) minutes: green well within,
    red well beyond."""
    ref = float(reference)
    bounds = [0.0, 0.75 * ref, 0.9 * ref, ref, 1.25 * ref, 1.5 * ref, 1e9]
    colours = ["#1a9641", "#a6d96a", "#ffffbf", "#fdae61", "#f46d43", "#d7191c"]
    classes = []
    for i, col in enumerate(colours):
        lo, hi = bounds[i], bounds[i + 1]
        lo_t, hi_t = fmt_num(round(lo, 1)), fmt_num(round(hi, 1))
        classes.append((lo, hi, col, f"> {lo_t} min" if hi >= 1e9 else f"{lo_t} – {hi_t} min"))
    layer.setRenderer(_graduated(field, classes, QgsWkbTypes.PolygonGeometry))


def style_response_stations(layer):
    """Graduated colours of utilisation (% busy)."""
    bounds = [0.0, 30.0, 50.0, 70.0, 85.0, 100.0]
    ramp = QgsGradientColorRamp(QColor("#2c7bb6"), QColor("#d7191c"))
    classes = [(bounds[i], bounds[i + 1], ramp.color(i / (len(bounds) - 2)).name(),
                f"{fmt_num(bounds[i])} – {fmt_num(bounds[i + 1])} %") for i in range(len(bounds) - 1)]
    layer.setRenderer(_graduated("utilisation_pct", classes, QgsWkbTypes.PointGeometry,
                                 lambda sym, i: sym.setSize(3.0 + i)))


# drivetime:calibrate
def style_journeys(layer):
    """Journeys coloured by held-out error: blue too fast, grey within ±10 %, red too slow."""
    classes = []
    for lo, hi, colour in RESIDUAL_CLASSES:
        if lo < -1e8:
            label = tr("modelled {p} % or more too short").format(p=abs(hi))
        elif hi > 1e8:
            label = tr("modelled {p} % or more too long").format(p=lo)
        elif lo < 0 < hi:
            label = tr("within ±{p} %").format(p=hi)
        elif hi <= 0:
            label = tr("{a}–{b} % too short").format(a=abs(hi), b=abs(lo))
        else:
            label = tr("{a}–{b} % too long").format(a=lo, b=hi)
        classes.append((lo, hi, colour, label))
    renderer = _graduated("held_out_error_pct", classes, QgsWkbTypes.LineGeometry, lambda sym, i: sym.setWidth(0.3))
    # the journeys that are far off drawn last, on top of the many that are close
    renderer.setOrderBy(QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause('abs("held_out_error_pct")',
                                                                                    True)]))
    renderer.setOrderByEnabled(True)
    layer.setRenderer(renderer)


# -- post-processors: style an output when Processing loads it --------------------------------------------
class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies a style function to an output layer once it is loaded in the project.

    ``name`` (e.g. "Coverage within 8 min") replaces only the default name QGIS gives the layer: ``default``,
    the output parameter's description (set by ``AlgorithmBase`` for every run). A name the user gave (dialog,
    batch row, model output) or the file name QGIS took for a file output is kept."""

    def __init__(self, apply, name=None, default=None):
        super().__init__()
        self.apply = apply
        self.name = name
        self.default = default
        self.done = False

    def copy(self):
        """A new post-processor doing the same (the output guard re-registers it under the final path)."""
        return _hold(StylePostProcessor(self.apply, self.name, self.default))

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        try:
            self.apply(layer)
            if self.name and layer.name() in ("", self.default):
                layer.setName(self.name)
            place_in_layer_tree(layer)
            layer.triggerRepaint()
        except Exception as e:  # a styling failure must never lose the result
            feedback.pushWarning(tr("Could not style {layer}: {err}").format(layer=layer.name(), err=e))
        finally:
            self.done = True


# QGIS owns a post-processor once it is set (and deletes it with the context, or when it is replaced) but calls
# back into the Python object, which only we keep alive. Each is held until it has run or QGIS has deleted it,
# however many outputs a long batch registers before QGIS loads them.
_LIVE = []


def _hold(pp):
    _LIVE[:] = [p for p in _LIVE if not p.done and not sip.isdeleted(p)]
    _LIVE.append(pp)
    return pp


def style_on_load(context, dest_id, apply, name=None):
    """Register ``apply`` to style output ``dest_id`` when it is loaded on completion."""
    if not context.willLoadLayerOnCompletion(dest_id):
        return
    context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(_hold(StylePostProcessor(apply, name)))


# -- the .qml beside a file output ----------------------------------------------------------------------
def qml_path_for(path):
    """Path QGIS looks at for a file layer's default style: the same name with a .qml extension."""
    path = str(path).split("|")[0]
    return os.path.splitext(path)[0] + ".qml"


def style_layer(path, kind="raster", crs=None, fields=None):
    """The layer a style for the file output at ``path`` is built on: the raster itself (``kind`` "raster"),
    else a memory layer of geometry ``kind`` ("Polygon", "LineString", "Point", "None"; the vector file may not
    be closed yet) in the output's ``crs``, carrying its ``fields`` (so aliases and field-based rules hold)."""
    if kind == "raster":
        return QgsRasterLayer(str(path).split("|")[0], "style")
    layer = QgsVectorLayer(kind, "style", "memory")
    if crs is not None and crs.isValid():
        layer.setCrs(crs)
    if fields is not None and layer.isValid():
        layer.dataProvider().addAttributes(list(fields))
        layer.updateFields()
    return layer


def write_qml_beside(path, apply, kind="raster", feedback=None, crs=None, fields=None):
    """Save the style made by ``apply`` as ``<name>.qml`` beside the file output at ``path`` (see style_layer
    for ``kind``, ``crs`` and ``fields``). A raster's style also asks for its legend without the "Band 1 (Gray)"
    heading, honoured where the plugin watches the project (watch_legends)."""
    file_path = str(path or "").split("|")[0]
    if not file_path or not os.path.isfile(file_path):
        return None
    aux = file_path + ".aux.xml"
    had_aux = os.path.exists(aux)
    layer = style_layer(file_path, kind, crs, fields)
    if not layer.isValid():
        return None
    apply(layer)
    if kind == "raster":
        layer.setCustomProperty(HIDE_BAND_HEADING, True)
    qml = qml_path_for(file_path)
    _msg, ok = layer.saveNamedStyle(qml)
    del layer
    if not had_aux and os.path.exists(aux):  # statistics GDAL cached while we styled: not ours to leave
        try:
            os.remove(aux)
        except OSError:
            pass
    if not ok:
        if feedback is not None:
            feedback.pushWarning(tr("Could not write the style file {path}").format(path=qml))
        return None
    return qml


def style_output(context, dest, apply, kind="raster", name=None, feedback=None, crs=None, fields=None):
    """Both: style output ``dest`` when it loads, and write the .qml beside it when it is a file."""
    style_on_load(context, dest, apply, name)
    return write_qml_beside(dest, apply, kind, feedback, crs, fields)


# -- the layer tree ---------------------------------------------------------------------------------------
def _tree_node(layer, project=None):
    from qgis.core import QgsProject

    root = (project or QgsProject.instance()).layerTreeRoot()
    return root.findLayer(layer.id()) if root is not None else None


def tidy_raster_legend(layer, project=None):
    """Hide the "Band 1 (Gray)" heading QGIS puts above a raster's classes in the layer tree: only the classes
    mean something to the reader. Re-done whenever the renderer changes (the hidden line is found by kind)."""
    from qgis.core import QgsMapLayerLegendUtils, QgsSimpleLegendNode

    node = _tree_node(layer, project)
    if node is None or layer.legend() is None:
        return None
    QgsMapLayerLegendUtils.setLegendNodeOrder(node, [])  # reset, then list what to show
    node.removeCustomProperty("legend/node-order")
    nodes = layer.legend().createLayerTreeModelLegendNodes(node)
    keep = [i for i, n in enumerate(nodes) if not isinstance(n, QgsSimpleLegendNode)]
    if len(keep) < len(nodes) and keep:
        QgsMapLayerLegendUtils.setLegendNodeOrder(node, keep)
    layer.legendChanged.emit()
    return keep


def _keep_tidy(layer, project=None):
    tidy_raster_legend(layer, project)
    if layer.id() not in _TIDIED:
        _TIDIED.add(layer.id())
        layer.rendererChanged.connect(lambda lyr=layer: _retidy(lyr))


def _geometry_rank(layer):
    """Drawing tier: 0 points and lines (on top), 1 areas, 2 rasters; None for a table."""
    if isinstance(layer, QgsRasterLayer):
        return 2
    if isinstance(layer, QgsVectorLayer) and layer.isSpatial():
        return 1 if layer.geometryType() == QgsWkbTypes.PolygonGeometry else 0
    return None


def place_in_layer_tree(layer, project=None):
    """A loaded result goes below the layers of its group it would hide: a raster below every vector layer, an
    area layer below points and lines (sites, roads stay visible on top), but above anything already below them
    (e.g. a base map). A raster's legend is tidied."""
    rank = _geometry_rank(layer)
    node = _tree_node(layer, project)
    if node is None or rank is None or rank == 0:
        return
    parent = node.parent()
    children = parent.children()
    above = [i for i, c in enumerate(children)
             if getattr(c, "layer", None) and c.layer() is not None and c.layer() is not layer
             and (_geometry_rank(c.layer()) is not None and _geometry_rank(c.layer()) < rank)]
    here = children.index(node)
    if above and max(above) > here:
        clone = node.clone()
        parent.insertChildNode(max(above) + 1, clone)
        parent.removeChildNode(node)
    if rank == 2:
        _keep_tidy(layer, project)


def _retidy(layer):
    try:
        tidy_raster_legend(layer)
    except RuntimeError:  # layer deleted
        pass


_TIDIED = set()


_WATCHED = set()


def _tidy_added(project, nodes):
    """Tidy the added rasters whose style asks for it. The desktop adds a layer to the tree first and loads its
    default style (the .qml beside it) after, so each raster is also checked again when its renderer changes (the
    style's renderer is set once the .qml is read)."""
    for node in nodes:
        layer = getattr(node, "layer", lambda: None)()
        if not isinstance(layer, QgsRasterLayer):
            continue

        def check(*_args, lyr=layer):
            try:
                if lyr.customProperty(HIDE_BAND_HEADING) in (True, "true") and lyr.id() not in _TIDIED:
                    _keep_tidy(lyr, project)
            except RuntimeError:  # layer deleted
                pass

        check()
        if layer.id() not in _WATCHED:
            _WATCHED.add(layer.id())
            layer.rendererChanged.connect(check)


def watch_legends(project):
    """Tidy the legend of every raster added to ``project`` whose style (the .qml we wrote beside it) asks for
    it, e.g. a result GeoTIFF dragged into QGIS by hand. Returns the connected slot (for disconnecting)."""

    def added(parent, i0, i1):
        _tidy_added(project, parent.children()[i0:i1 + 1])

    project.layerTreeRoot().addedChildren.connect(added)
    return added
