"""The parameters several algorithms share, defined, documented, read and checked in one place.

In the style of QuickOSM's ``build_input.py``: one small mixin per group of parameters. Each mixin adds its
parameters (with their help text), reads them and checks them, with messages that name the parameter, the
allowed range and the fix. The algorithm files only orchestrate. Parameter names, defaults and meanings are
the released ones (they are the public ``qgis_process`` API):

* :class:`SpeedInput`: ``SPEED`` (speed surface raster, km/h; finite, 0 to 200 km/h).
* :class:`ActivationInput`: ``ACTIVATION`` (minutes added at every site).
* :class:`NetworkInput`: ``NEIGHBOURS`` (16 or 8) and ``SNAP_DISTANCE`` (metres).
* :class:`SitesInput`: point layers of sites (``SITES`` and the like) and ``SITES_INSIDE_ONLY``.
* :class:`BreaksInput`: lists of minutes (``BANDS``, ``THRESHOLDS``).

Sites: only point layers are accepted (``qgis_process`` does not enforce the geometry type of a parameter, so a
line layer would otherwise be read through its centroids). A multi-point feature holding a single point is read
as that point; one holding several points is refused, naming it (split it with 'Multipart to singleparts'):
a site is one place. Features without a geometry are left out with a warning naming them.
"""
import math

import numpy as np
from qgis.core import (QgsCoordinateTransform, QgsCsException, QgsPointXY, QgsProcessing, QgsProcessingException,
                       QgsProcessingParameterBoolean, QgsProcessingParameterEnum, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterNumber, QgsProcessingParameterRasterLayer, QgsWkbTypes)

from . import qgis_io
from .base import fmt_num, parse_number_list, tr

NEIGHBOUR_CHOICES = [16, 8]
#: a site whose nearest road cell (faster than the off-road background) is further than this gets a warning
NO_ROAD_DISTANCE = 1000.0
#: how many names a message lists before '...'
MAX_NAMES = 12


def _names(names):
    names = [str(n) for n in names]
    more = len(names) - MAX_NAMES
    return ", ".join(names[:MAX_NAMES]) + (tr(" and {n} more").format(n=more) if more > 0 else "")


# -- numbers ---------------------------------------------------------------------------------------------
def _unbounded(v):
    return v is None or not math.isfinite(v) or abs(v) >= 1e300


def number_range_error(param, value):
    """A message for a value of a number parameter that is not finite or out of its range; None if fine
    (or not a plain number: QGIS checks expressions and properties itself)."""
    if value is None or isinstance(value, bool) or (isinstance(value, str) and not value.strip()):
        return None
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    lo, hi = param.minimum(), param.maximum()
    if _unbounded(lo) and _unbounded(hi):
        span = tr("a finite number")
    elif _unbounded(hi):
        span = tr("a number of at least {lo}").format(lo=fmt_num(lo))
    elif _unbounded(lo):
        span = tr("a number of at most {hi}").format(hi=fmt_num(hi))
    else:
        span = tr("a number from {lo} to {hi}").format(lo=fmt_num(lo), hi=fmt_num(hi))
    default = param.defaultValue()
    fix = ""
    if default not in (None, ""):
        try:
            fix = tr(" (default {d})").format(d=fmt_num(float(default)))
        except (TypeError, ValueError):
            fix = ""
    if not math.isfinite(v):
        bad = True
    else:
        bad = (not _unbounded(lo) and v < lo) or (not _unbounded(hi) and v > hi)
    if not bad:
        return None
    return tr("{name} ({desc}): {value} is not allowed; give {span}{fix}.").format(
        name=param.name(), desc=param.description(), value=value, span=span, fix=fix)


# -- SPEED -----------------------------------------------------------------------------------------------
class SpeedInput:
    """``SPEED``: the speed surface (km/h) every drive-time algorithm runs on."""

    SPEED = "SPEED"

    def add_speed(self):
        self.add(QgsProcessingParameterRasterLayer(self.SPEED, self.tr("Speed surface (km/h)")), help_text=self.tr(
            "Speed surface in km/h (from 'Build speed surface'); 0 or nodata = impassable, at most {m} km/h. "
            "Projected CRS in metres, square cells.").format(m=fmt_num(max_speed())))

    def read_speed(self, parameters, context, **estimate):
        """(layer, core Grid of km/h), checked by :func:`qgis_io.read_speed_surface` (the one raster reader;
        ``estimate``: its memory-estimate arguments, e.g. ``second=True`` for a second-nearest run)."""
        layer = self.parameterAsRasterLayer(parameters, self.SPEED, context)
        if layer is None:
            raise QgsProcessingException(self.tr(
                "SPEED: no raster layer given (or it could not be opened); give the speed surface GeoTIFF built "
                "by 'Build speed surface'."))
        return layer, qgis_io.read_speed_surface(layer, self.SPEED, **estimate)

    def read_friction(self, parameters, context, **estimate):
        """(layer, grid spec, friction in minutes per metre) of ``SPEED``: for algorithms that only drive on it."""
        from ..core.costdist import speed_to_friction

        layer, grid = self.read_speed(parameters, context, **estimate)
        return layer, grid.spec, speed_to_friction(grid.array)


def max_speed():
    from ..core.speeds import MAX_SPEED_KMH

    return MAX_SPEED_KMH


# -- ACTIVATION ------------------------------------------------------------------------------------------
DIALOG_ACTIVATION = 2.0  # minutes: what the dialogs start with (the 8-minute standard's activation)


class ActivationInput:
    """``ACTIVATION``: minutes added at every site before driving."""

    ACTIVATION = "ACTIVATION"

    def add_activation(self):
        param = QgsProcessingParameterNumber(self.ACTIVATION, self.tr("Activation time (minutes)"),
                                             QgsProcessingParameterNumber.Double, 0.0, False, 0.0, 1440.0)
        # the dialog starts at the documented workflow's 2 minutes; scripts and qgis_process keep the default 0
        param.setGuiDefaultValueOverride(DIALOG_ACTIVATION)
        self.add(param,
                 help_text=self.tr("Minutes added at every site before driving (call handling and getting "
                                   "mobile), from 0 to 1440: 0 for pure drive time; 2 for the ambulance 8-minute "
                                   "standard."))

    def read_activation(self, parameters, context):
        value = self.parameterAsDouble(parameters, self.ACTIVATION, context)
        if not (math.isfinite(value) and 0 <= value <= 1440):
            raise QgsProcessingException(self.tr(
                "ACTIVATION: {v} minutes is not allowed; give a number of minutes from 0 to 1440 (0 for pure "
                "drive time).").format(v=value))
        return value

    def read_start(self, parameters, context, speed_layer, feedback=None):
        """Minutes every journey starts with: ``ACTIVATION`` + the fixed time of a calibrated speed surface
        (logged)."""
        activation = self.read_activation(parameters, context)
        return activation + qgis_io.read_fixed_minutes(speed_layer, "SPEED", feedback, activation)


# -- NEIGHBOURS, SNAP_DISTANCE ---------------------------------------------------------------------------
class NetworkInput:
    """``NEIGHBOURS`` (moves between cells) and ``SNAP_DISTANCE`` (sites on impassable cells)."""

    NEIGHBOURS = "NEIGHBOURS"
    SNAP_DISTANCE = "SNAP_DISTANCE"

    def add_neighbours(self):
        self.add(QgsProcessingParameterEnum(self.NEIGHBOURS, self.tr("Neighbours"),
                                            [str(n) for n in NEIGHBOUR_CHOICES], False, 0), advanced=True,
                 help_text=self.tr(
                     "Moves between cells: 16 (adds knight's moves, as r.cost -k; at most 2.8 % longer than the "
                     "straight line on a uniform surface) or 8 (as scikit-image MCP_Geometric and plain r.cost; "
                     "at most 8.3 %)."))

    def add_snap_distance(self, description=None, maximum=None):
        param = QgsProcessingParameterNumber(
            self.SNAP_DISTANCE, description or self.tr("Snap sites to passable cells within (m)"),
            QgsProcessingParameterNumber.Double, 500.0, False, 0.0)
        if maximum is not None:
            param.setMaximum(maximum)
        self.add(param, advanced=True,
            help_text=self.tr("A site (point) on an impassable cell is moved to the nearest passable cell within "
                              "this many metres (0 or more; with a warning); further away is an error naming "
                              "it."))

    def read_neighbours(self, parameters, context):
        return NEIGHBOUR_CHOICES[self.parameterAsEnum(parameters, self.NEIGHBOURS, context)]

    def read_snap_distance(self, parameters, context):
        value = self.parameterAsDouble(parameters, self.SNAP_DISTANCE, context)
        msg = number_range_error(self.parameterDefinition(self.SNAP_DISTANCE), value)
        if msg:
            raise QgsProcessingException(msg)
        return value


# -- BANDS / THRESHOLDS ----------------------------------------------------------------------------------
class BreaksInput:
    """Lists of minutes (``BANDS``, ``THRESHOLDS``): finite, positive, sorted, unique."""

    def read_breaks(self, parameters, name, context, default):
        text = self.parameterAsString(parameters, name, context) or default
        return parse_number_list(text, name, minimum=0)


# -- SITES -----------------------------------------------------------------------------------------------
class SitesInput:
    """Point layers of sites, read with their checks, and ``SITES_INSIDE_ONLY``.

    Use :meth:`read_site_points` (the layer: geometry type, CRS, multi-points, empty geometries) then
    :meth:`place_sites` (on the speed grid: outside the surface, far from any road, snapping), or
    :meth:`read_sites` for both."""

    SITES = "SITES"
    SITES_INSIDE_ONLY = "SITES_INSIDE_ONLY"

    def add_sites(self, name=None, description=None, optional=False, help_text=None):
        name = name or self.SITES
        self.add(QgsProcessingParameterFeatureSource(name, description or self.tr("Sites"),
                                                     [QgsProcessing.TypeVectorPoint], optional=optional),
                 help_text=help_text or self.tr(
                     "Sites (points: stations, A&E departments, standby points), in any CRS. Multi-point features "
                     "must hold one point each."))

    def add_sites_inside_only(self):
        self.add(QgsProcessingParameterBoolean(self.SITES_INSIDE_ONLY,
                                               self.tr("Use only the sites inside the speed surface"), False),
                 help_text=self.tr(
                     "Ticked: sites outside the speed surface are left out (their names are logged) instead of "
                     "stopping the run with an error. Unticked (default): every site must lie on the surface."))

    def read_site_points(self, parameters, name, context, crs, fields=(), feedback=None):
        """Points of a sites layer in ``crs`` (dict: fid, x, y, attrs), checked; None when an optional layer
        is not given."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            if parameters.get(name) not in (None, ""):
                raise QgsProcessingException(self.tr(
                    "{param}: the layer could not be opened; check the path (and '|layername=' for a GeoPackage).")
                    .format(param=name))
            return None
        return read_points_checked(source, name, crs, context, fields, feedback)

    def place_sites(self, pts, name, spec, friction, snap, feedback, labels=None, inside_only=False):
        """Put sites on the grid: rows, cols, snap_m and names are added to ``pts``; with ``inside_only``
        the sites outside the surface are dropped (logged by name). Returns the boolean mask of the kept
        sites (of the points as read), so callers can filter lists of their own."""
        labels = list(labels) if labels is not None else [f"#{f}" for f in pts["fid"]]
        rows, cols = spec.rowcol(pts["x"], pts["y"])
        inside = spec.inside(rows, cols)
        keep = np.ones(len(rows), bool)
        if not inside.all():
            out = [labels[i] for i in np.flatnonzero(~inside)]
            if not inside_only:
                extra = ""
                if self.parameterDefinition(self.SITES_INSIDE_ONLY) is not None and name == self.SITES:
                    extra = self.tr(" or set SITES_INSIDE_ONLY to use only the sites inside it")
                raise QgsProcessingException(self.tr(
                    "{param}: {n} site(s) lie outside the speed raster: {names}. Build the speed surface over an "
                    "extent that covers every site (with a margin), select only the sites inside it{extra}.")
                    .format(param=name, n=len(out), names=_names(out), extra=extra))
            keep = inside
            if not keep.any():
                raise QgsProcessingException(self.tr(
                    "{param}: none of the {n} site(s) lies inside the speed raster; check that the layers overlap "
                    "(and their CRS).").format(param=name, n=len(out)))
            if feedback is not None:
                feedback.pushWarning(self.tr("{param}: {n} site(s) outside the speed raster are left out "
                                             "(SITES_INSIDE_ONLY): {names}.").format(param=name, n=len(out),
                                                                                     names=_names(out)))
            subset_points(pts, keep)
            labels = [lab for lab, k in zip(labels, keep) if k]
        r0, c0 = rows[keep], cols[keep]
        warn_far_from_roads(friction, spec, r0, c0, labels, name, feedback)
        rows, cols = qgis_io.points_to_cells(pts, spec, name, friction, snap, feedback, labels=labels)
        pts["rows"], pts["cols"] = rows, cols
        pts["snap_m"] = np.hypot(rows - r0, cols - c0) * spec.cell_size
        pts["names"] = labels
        return keep

    def read_sites(self, parameters, name, context, spec, crs, friction, snap, feedback, fields=(),
                   name_field=None, inside_only=False):
        """:meth:`read_site_points` and :meth:`place_sites`, with names from ``name_field`` (else a text field
        called name or ending in name / nm, else '#<feature id>'). None for an optional layer not given."""
        source = self.parameterAsSource(parameters, name, context)
        if name_field is None and source is not None:
            name_field = site_name_field(source.fields())
        fields = tuple(dict.fromkeys([f for f in (name_field, *fields) if f]))
        pts = self.read_site_points(parameters, name, context, crs, fields, feedback)
        if pts is None:
            return None
        labels = site_labels(pts, name_field)
        self.place_sites(pts, name, spec, friction, snap, feedback, labels=labels, inside_only=inside_only)
        return pts


def site_name_field(fields):
    """A text field called name or ending in name / nm (e.g. site_name, lad11nm), else None."""
    from .population import guess_name_field

    return guess_name_field(fields)


def _is_blank(v):
    return v is None or (hasattr(v, "isNull") and v.isNull()) or str(v).strip() in ("", "NULL")


def site_labels(pts, name_field=None):
    """Site names from ``name_field`` values, '#<feature id>' where empty or without such a field."""
    values = pts["attrs"].get(name_field) if name_field else None
    if values is None:
        return [f"#{f}" for f in pts["fid"]]
    return [f"#{f}" if _is_blank(v) else str(v) for v, f in zip(values, pts["fid"])]


def subset_points(pts, keep):
    """Keep only the points where ``keep`` is true, in every array and attribute list of ``pts``."""
    idx = np.flatnonzero(keep)
    for k, v in list(pts.items()):
        if isinstance(v, np.ndarray) and v.shape[:1] == keep.shape:
            pts[k] = v[keep]
        elif isinstance(v, list) and len(v) == len(keep):
            pts[k] = [v[i] for i in idx]
    pts["attrs"] = {f: [vals[i] for i in idx] for f, vals in pts["attrs"].items()}


def read_points_checked(source, param, crs, context, fields=(), feedback=None):
    """Points of ``source`` in ``crs``: dict with fid, x, y (arrays) and attrs (field -> list).

    Refuses a layer that is not a point layer, a layer without a valid CRS, multi-point features with more
    than one point, and a layer without any point; warns (naming the feature ids) about features without a
    geometry, which are left out. The layer is only read."""
    gtype = QgsWkbTypes.geometryType(source.wkbType())
    if gtype != QgsWkbTypes.PointGeometry:
        kind = {QgsWkbTypes.LineGeometry: tr("a line layer"), QgsWkbTypes.PolygonGeometry: tr("a polygon layer"),
                QgsWkbTypes.NullGeometry: tr("a table without geometry")}.get(gtype, tr("not a point layer"))
        raise QgsProcessingException(tr(
            "{param}: the layer is {kind}; sites must be points. Give a point layer (convert lines or polygons "
            "with 'Centroids' or 'Point on surface' if that is what you mean).").format(param=param, kind=kind))
    if not source.sourceCrs().isValid():
        raise QgsProcessingException(tr(
            "{param}: the layer has no valid coordinate reference system, so its points cannot be placed on the "
            "speed surface. Set its CRS (Layer Properties > Source), e.g. EPSG:27700.").format(param=param))
    names = source.fields().names()
    for f in fields:
        if f not in names:
            raise QgsProcessingException(tr("{param}: the layer has no field '{f}'; its fields are: {names}.")
                                         .format(param=param, f=f, names=", ".join(names)))
    # transformed here, point by point: a request with a destination CRS empties the geometry of a point it
    # cannot transform, which would then pass for a feature without a geometry
    req = qgis_io.feature_request(source, None, context, fields)
    xform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    failed = []
    fids, xs, ys = [], [], []
    attrs = {f: [] for f in fields}
    empty, multi = [], []
    for feat in source.getFeatures(req):
        g = feat.geometry()
        if g is None or g.isNull() or g.isEmpty():
            empty.append(feat.id())
            continue
        if QgsWkbTypes.geometryType(g.wkbType()) != QgsWkbTypes.PointGeometry:
            raise QgsProcessingException(tr(
                "{param}: feature {fid} is not a point ({type}); sites must be points.")
                .format(param=param, fid=feat.id(), type=QgsWkbTypes.displayString(g.wkbType())))
        if g.isMultipart():
            parts = g.asMultiPoint()
            if len(parts) != 1:
                multi.append(f"{feat.id()} ({len(parts)})")
                continue
            p = parts[0]
        else:
            p = g.asPoint()
        try:
            p = xform.transform(QgsPointXY(p.x(), p.y()))
        except QgsCsException:
            p = None
        if p is None or not (math.isfinite(p.x()) and math.isfinite(p.y())):
            failed.append(feat.id())  # PROJ gives inf for points outside the CRS's domain
            continue
        fids.append(feat.id())
        xs.append(p.x())
        ys.append(p.y())
        for f in fields:
            attrs[f].append(feat[f])
    if failed:
        raise QgsProcessingException(tr(
            "{param}: {n} point(s) could not be transformed from the layer's CRS ({src}) to the speed surface's "
            "(feature ids {ids}). Is the layer's CRS right (e.g. metres in a layer marked as degrees)? Set it in "
            "Layer Properties > Source.").format(param=param, n=len(failed), src=source.sourceCrs().authid(),
                                                   ids=_names(failed)))
    if multi:
        raise QgsProcessingException(tr(
            "{param}: {n} multi-point feature(s) hold more than one point (feature id (points): {ids}); a site is "
            "one place. Split them with 'Multipart to singleparts' (each point then becomes a site with the "
            "feature's attributes), or keep one point per feature.").format(param=param, n=len(multi),
                                                                           ids=_names(multi)))
    if not fids:
        raise QgsProcessingException(tr(
            "{param}: the layer has no features with a geometry (is it empty, or is an empty selection or "
            "filter in use?).").format(param=param))
    if empty and feedback is not None:
        feedback.pushWarning(tr("{param}: {n} feature(s) without a geometry were left out (feature ids {ids}).")
                             .format(param=param, n=len(empty), ids=_names(empty)))
    return {"fid": np.array(fids, dtype=np.int64), "x": np.array(xs, dtype=np.float64),
            "y": np.array(ys, dtype=np.float64), "attrs": attrs}


def road_friction_limit(friction):
    """Friction below which a cell counts as a road: faster than the most common speed (the off-road
    background of a surface built from roads), from a sample of at most ~2 million cells. None when no sampled
    cell is faster (a uniform surface): then no warning is given."""
    flat = np.ravel(friction)  # a view for the usual C-contiguous friction: no full-size temporaries
    sample = flat[:: max(1, flat.size // 2_000_000)]
    sample = sample[np.isfinite(sample)]
    if sample.size == 0:
        return None
    v, c = np.unique(sample, return_counts=True)
    background = v[np.argmax(c)]
    if not (sample < background).any():
        return None
    return background


def warn_far_from_roads(friction, spec, rows, cols, labels, param, feedback, distance=NO_ROAD_DISTANCE):
    """Warn, naming them, about sites with no road cell (faster than the off-road background) within
    ``distance`` metres: typically sites beyond the edge of the roads the surface was built from, whose
    drive times are then long off-road crawls. Returns the indices of those sites."""
    limit = road_friction_limit(friction)
    if limit is None or len(rows) == 0:
        return []
    k = int(math.ceil(distance / spec.cell_size))
    far = []
    yy, xx = np.mgrid[-k:k + 1, -k:k + 1]
    disk = (yy * yy + xx * xx) * spec.cell_size ** 2 <= distance ** 2
    for i, (r, c) in enumerate(zip(np.asarray(rows).tolist(), np.asarray(cols).tolist())):
        r0, r1, c0, c1 = max(0, r - k), min(spec.rows, r + k + 1), max(0, c - k), min(spec.cols, c + k + 1)
        win = friction[r0:r1, c0:c1] < limit
        d = disk[r0 - (r - k):r1 - (r - k), c0 - (c - k):c1 - (c - k)]
        if not (win & d).any():
            far.append(i)
    if far and feedback is not None:
        feedback.pushWarning(tr(
            "{param}: {n} site(s) have no road within {d} m (no cell faster than the off-road background of "
            "{bg} km/h): {names}. They may lie beyond the roads the speed surface was built from (e.g. outside "
            "the county), so their drive times are long off-road journeys; build the surface from roads that "
            "reach them, or leave them out.").format(param=param, n=len(far), d=fmt_num(distance),
                                                    bg=fmt_num(round(0.06 / float(limit), 2)),
                                                    names=_names([labels[i] for i in far])))
    return far
