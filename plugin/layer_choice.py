"""Sensible preselection of project layers for the dialogs and the workshop dock.

The toolbar and menu open each algorithm's dialog with its layer inputs already set to the project layer that
looks right for them (by geometry first, then by name: a speed surface for SPEED, polygons named like LSOAs for
POPULATION, the A&E or station points for SITES), and the workflow's own outputs preferred (the drive-time
raster for DRIVETIME). Nothing is chosen where no layer fits: a wrong guess (A&E points as population) is worse
than an empty box.
"""
import re

# name patterns per role, the most telling first
PATTERNS = {
    "speed": (r"speed",),
    "drivetime": (r"drive.?time|minutes", r"response"),
    "sites": (r"\bae\b|a&e|ae_|_ae|emergency|hospital", r"site|station|base|ambulance", r"standby"),
    "areas": (r"\blad|district|ccg|pct|locality|areas?\b|icb|ward|msoa", r"boundar"),
    "population": (r"lsoa|\boa\d|_oa|output.?area|census|pop", r"grid|ghs|worldpop"),
    "roads": (r"road|osm|network|street",),
    "journeys": (r"journey|observ|incident|calls?\b|trip",),
}

# the role of each layer parameter of our algorithms, by parameter name
PARAM_ROLES = {
    "SPEED": "speed", "DRIVETIME": "drivetime", "SITES": "sites", "BASELINE_SITES": "sites", "EXISTING": "sites",
    "AREAS": "areas", "POPULATION": "population", "POPULATION_RASTER": "population", "ROADS": "roads",
    "JOURNEYS": "journeys", "DEMAND": "journeys",
}

# parameters never preselected (a second choice the user makes on purpose)
NEVER = {"SCENARIO_SITES", "CANDIDATES", "WEIGHTS", "BARRIERS", "CUSTOM_SPEEDS", "TEMPLATE"}


def score(name, role):
    """How well a layer name fits a role: 0 (not at all) to len(patterns) (the first pattern matches)."""
    pats = PATTERNS.get(role, ())
    low = (name or "").lower()
    for k, pat in enumerate(pats):
        if re.search(pat, low):
            return len(pats) - k
    return 0


def pick(candidates, role, exclude=()):
    """The best fitting of ``candidates`` (objects with ``name()``) for ``role``, or None when none fits by
    name. Ties go to the layer listed first."""
    best, best_score = None, 0
    for layer in candidates:
        if layer in exclude:
            continue
        s = score(layer.name(), role)
        if s > best_score:
            best, best_score = layer, s
    return best


def numeric_field(fields, hints=(r"pop", r"people|persons|count|total")):
    """Name of the numeric field whose name fits ``hints`` best (e.g. pop_mid2018), else None."""
    names = [f.name() for f in fields if f.isNumeric()]
    for pat in hints:
        for n in names:
            if re.search(pat, n.lower()):
                return n
    return None


# -- QGIS side ------------------------------------------------------------------------------------------------
def _layers_for(param, layers):
    """Project layers a Processing layer parameter accepts, geometry-filtered."""
    from qgis.core import QgsMapLayerType, QgsProcessing, QgsWkbTypes

    kind = param.type()
    if kind == "raster":
        return [lyr for lyr in layers if lyr.type() == QgsMapLayerType.RasterLayer]
    if kind not in ("source", "vector"):
        return []
    types = list(param.dataTypes())
    geom = {QgsProcessing.TypeVectorPolygon: QgsWkbTypes.PolygonGeometry,
            QgsProcessing.TypeVectorPoint: QgsWkbTypes.PointGeometry,
            QgsProcessing.TypeVectorLine: QgsWkbTypes.LineGeometry}
    out = []
    for lyr in layers:
        if lyr.type() != QgsMapLayerType.VectorLayer:
            continue
        gt = QgsWkbTypes.geometryType(lyr.wkbType())
        if not types or QgsProcessing.TypeVectorAnyGeometry in types or any(geom.get(t) == gt for t in types):
            out.append(lyr)
    return out


def guess_parameters(alg, project=None):
    """Parameter values {name: layer id or field name} preselecting the project's layers for ``alg``'s dialog.

    Only layer inputs whose role is known are set, and only where a layer fits by geometry and name; a
    population field is set with its layer. The vector population is preferred; the population raster is set
    only when no vector population fits (the algorithms take one or the other)."""
    from qgis.core import QgsProject

    project = project or QgsProject.instance()
    layers = list(project.mapLayers().values())
    layers.sort(key=lambda lyr: lyr.name().lower())
    values = {}
    used = []
    for param in alg.parameterDefinitions():
        name = param.name()
        role = PARAM_ROLES.get(name)
        if role is None or name in NEVER or param.isDestination():
            continue
        if name == "POPULATION_RASTER" and "POPULATION" in values:
            continue
        layer = pick(_layers_for(param, layers), role, exclude=used)
        if layer is None:
            continue
        values[name] = layer.id()
        used.append(layer)
        if name == "POPULATION" and alg.parameterDefinition("POPULATION_FIELD") is not None:
            field = numeric_field(layer.fields())
            if field:
                values["POPULATION_FIELD"] = field
    return values
