"""Styles for outputs: base QML files in ``resources/styles/`` adapted to the run's classes (e.g. BANDS),
applied by a layer post-processor when the output loads, and written beside file outputs as ``<name>.qml``
(QGIS loads that automatically, so ``qgis_process`` results open styled)."""
import math
import os

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsPalettedRasterRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterLayer,
    QgsRasterShader,
    QgsRendererCategory,
    QgsSingleBandPseudoColorRenderer,
    QgsVectorLayer,
)
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


# -- appliers: each takes a loaded layer and styles it ---------------------------------------------------
def style_drivetime_raster(layer, bands):
    """Discrete colour classes, one per band (a time equal to a break falls in the lower band), grey beyond."""
    layer.loadNamedStyle(resources_path("styles", "drivetime_raster.qml"))
    colours = ramp_colours(len(bands))
    items = [QgsColorRampShader.ColorRampItem(float(b), c, lab)
             for b, c, lab in zip(bands, colours, band_labels(bands))]
    items.append(QgsColorRampShader.ColorRampItem(float("inf"), QColor(BEYOND_COLOUR), beyond_label(bands)))
    fn = QgsColorRampShader(0.0, float(bands[-1]))
    fn.setColorRampType(QgsColorRampShader.Discrete)
    fn.setColorRampItemList(items)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(fn)
    opacity = layer.renderer().opacity() if layer.renderer() else 0.8
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(0.0)
    renderer.setClassificationMax(float(bands[-1]))
    renderer.setOpacity(opacity)
    layer.setRenderer(renderer)


def style_band_polygons(layer, bands, field="band", qml="drivetime_zones.qml"):
    """Categorised polygons by band number (1 = nearest band), viridis colours, plain-English labels."""
    layer.loadNamedStyle(resources_path("styles", qml))
    base = layer.renderer()
    template = None
    if isinstance(base, QgsCategorizedSymbolRenderer):
        categories = base.categories()  # keep the copies alive while cloning their symbol
        if categories:
            template = categories[0].symbol().clone()
    cats = []
    for i, (c, lab) in enumerate(zip(ramp_colours(len(bands)), band_labels(bands))):
        sym = template.clone() if template is not None else None
        if sym is None:
            from qgis.core import QgsFillSymbol

            sym = QgsFillSymbol.createSimple({"outline_style": "no"})
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


def style_from_qml(name):
    """An applier that just loads a shipped QML (fixed classes)."""

    def apply(layer):
        layer.loadNamedStyle(resources_path("styles", name))

    return apply


# -- plumbing --------------------------------------------------------------------------------------------
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

    def copy(self):
        """A new post-processor doing the same (the output guard re-registers it under the final path)."""
        pp = StylePostProcessor(self.apply, self.name, self.default)
        _LIVE.append(pp)
        del _LIVE[:-64]
        return pp

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        try:
            self.apply(layer)
            if self.name and layer.name() in ("", self.default):
                layer.setName(self.name)
            place_in_layer_tree(layer)
            layer.triggerRepaint()
        except Exception as e:  # a styling failure must never lose the result
            feedback.pushWarning(tr("Could not style {layer}: {err}").format(layer=layer.name(), err=e))


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


def _geometry_rank(layer):
    """Drawing tier: 0 points and lines (on top), 1 areas, 2 rasters; None for a table."""
    from qgis.core import QgsWkbTypes

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
        tidy_raster_legend(layer, project)
        if layer.id() not in _TIDIED:
            _TIDIED.add(layer.id())
            layer.rendererChanged.connect(lambda lyr=layer: _retidy(lyr))


def _retidy(layer):
    try:
        tidy_raster_legend(layer)
    except RuntimeError:  # layer deleted
        pass


_TIDIED = set()

# One live post-processor object per output: QGIS keeps only a pointer, so we hold the Python objects.
_LIVE = []


def style_on_load(context, dest_id, apply, name=None):
    """Register ``apply`` to style output ``dest_id`` when it is loaded on completion."""
    if not context.willLoadLayerOnCompletion(dest_id):
        return
    pp = StylePostProcessor(apply, name)
    _LIVE.append(pp)
    del _LIVE[:-64]
    context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(pp)


def qml_path_for(path):
    """Path QGIS looks at for a file layer's default style: the same name with a .qml extension."""
    path = str(path).split("|")[0]
    return os.path.splitext(path)[0] + ".qml"


def write_qml_beside(path, apply, kind="raster", feedback=None):
    """Save the style made by ``apply`` as ``<name>.qml`` beside the file output at ``path``.

    ``kind`` is "raster" (the style is built on the written raster itself) or a memory-layer geometry
    ("Polygon", "LineString", "Point", "None") for vector outputs, whose file may not be closed yet."""
    file_path = str(path or "").split("|")[0]
    if not file_path or not os.path.isfile(file_path):
        return None
    aux = file_path + ".aux.xml"
    had_aux = os.path.exists(aux)
    if kind == "raster":
        layer = QgsRasterLayer(file_path, "style")
    else:
        layer = QgsVectorLayer(f"{kind}?crs=EPSG:27700", "style", "memory")
    if not layer.isValid():
        return None
    apply(layer)
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


def style_output(context, dest_id, path, apply, kind="raster", name=None, feedback=None):
    """Both: style on load, and write the .qml beside a file output."""
    style_on_load(context, dest_id, apply, name)
    return write_qml_beside(path, apply, kind, feedback=feedback)
