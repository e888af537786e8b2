"""Reading the reporting areas and the population for the algorithms that use people (coverage, scenario,
standby).

A mixin for :class:`~.base.AlgorithmBase` subclasses that define the parameters AREAS, AREA_ID_FIELD,
(AREA_NAME_FIELD), POPULATION, POPULATION_FIELD, POPULATION_RASTER, (URBANITY_FIELD, GROUP_FIELD, WEIGHTS): one
set of parameter definitions, one reader, one set of checks and messages, whichever algorithm asks.

The population is either a vector layer (POPULATION: polygons or points, with POPULATION_FIELD) or a raster of
people per cell (POPULATION_RASTER), never one parameter for both: a field parameter whose parent input can
hold a raster crashes the QGIS 3.22 dialog (``QgsProcessingFieldWidgetWrapper`` assumes a vector layer).
"""
import math

import numpy as np
from qgis.core import (QgsCoordinateTransform, QgsFeature, QgsFeatureSink, QgsCsException, QgsFeatureRequest, QgsField,
                       QgsGeometry, QgsProcessing, QgsProcessingException, QgsProcessingFeatureSource,
                       QgsProcessingFeatureSourceDefinition, QgsProcessingMultiStepFeedback,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterRasterLayer, QgsProcessingUtils, QgsProperty, QgsRasterLayer, QgsRectangle,
                       QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant

from .base import progress_callback
from . import qgis_io


def add_area_feature(sink, fields, areas, i, values):
    """Write area ``i`` of an areas reading (``_read_areas``) to ``sink``: its id and name, then ``values``,
    with its geometry as a multipolygon (none where it has none)."""
    f = QgsFeature(fields)
    g = QgsGeometry(areas["out_geoms"][i])
    if not g.isNull():
        g.convertToMultiType()
        f.setGeometry(g)
    f.setAttributes([areas["ids"][i], areas["names"][i]] + list(values))
    return sink.addFeature(f, QgsFeatureSink.FastInsert)


def _is_null(v):
    return v is None or (hasattr(v, "isNull") and v.isNull()) or (isinstance(v, float) and math.isnan(v))


def guess_name_field(fields):
    """The text field most likely to hold area names when none is given: ``name`` itself, else the first
    text field whose name ends in ``name`` or ``nm`` (ONS style: ``lad11nm``, ``pct11nm``); None if none."""
    names = [f.name() for f in fields if f.type() == QVariant.String]
    for n in names:
        if n.lower() == "name":
            return n
    for n in names:
        low = n.lower()
        if low.endswith("name") or low.endswith("nm"):
            return n
    return None


def _py(v):
    """QVariant-ish attribute value to plain Python (NULL -> None)."""
    if _is_null(v):
        return None
    return v


def _empty():
    from shapely.geometry import Polygon

    return Polygon()


# features are read whatever the Processing setting for invalid geometries: invalid ones are repaired here,
# with a warning naming them (the setting would otherwise stop the run, or silently drop an area)
_NO_CHECK = QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks


def _names(items, limit=10):
    items = [str(i) for i in items]
    return ", ".join(items[:limit]) + (f", … (+{len(items) - limit})" if len(items) > limit else "")


def raster_given_as(value, context):
    """The raster layer a parameter value points at (a QgsRasterLayer, or a path / layer id / name that
    opens as a raster and not as a vector layer), else None."""
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source
    if isinstance(value, QgsProperty):
        value = value.staticValue()
    if isinstance(value, QgsRasterLayer):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    if QgsProcessingUtils.mapLayerFromString(value, context, True, QgsProcessingUtils.LayerHint.Vector):
        return None
    layer = QgsProcessingUtils.mapLayerFromString(value, context, True, QgsProcessingUtils.LayerHint.Raster)
    return layer if isinstance(layer, QgsRasterLayer) else None



class AreaPopulationReader:
    """Mixin: the population parameters (``_population_parameters``) and their check
    (``checkParameterValues``), ``_read_areas`` (areas reprojected to the raster, unique non-empty ids,
    invalid geometries repaired, overlaps reported) and ``_spread`` (population polygons / points / raster
    onto the grid by area, with urbanity and group; ``_population_grid`` for people per cell)."""

    AREAS = "AREAS"
    AREA_ID_FIELD = "AREA_ID_FIELD"
    AREA_NAME_FIELD = "AREA_NAME_FIELD"
    POPULATION = "POPULATION"
    POPULATION_FIELD = "POPULATION_FIELD"
    POPULATION_RASTER = "POPULATION_RASTER"
    URBANITY_FIELD = "URBANITY_FIELD"
    GROUP_FIELD = "GROUP_FIELD"
    WEIGHTS = "WEIGHTS"
    # algorithms where another input (standby's DEMAND) can stand in for the population
    POPULATION_ALTERNATIVE = None

    # -- parameters ----------------------------------------------------------------------------------------
    def _population_help(self):
        """Help texts of POPULATION, POPULATION_FIELD and POPULATION_RASTER (for ``help_map``)."""
        return {
            self.POPULATION: self.tr(
                "Population as polygons (e.g. LSOAs: each polygon's people are spread over the raster cells in "
                "proportion to the exact area of polygon and cell) or points (each point's people in its cell), "
                "with POPULATION_FIELD. Give this or POPULATION_RASTER, not both."),
            self.POPULATION_FIELD: self.tr(
                "Numeric, non-negative field of the POPULATION layer with the people of each polygon or point "
                "(empty values count as 0 with a warning)."),
            self.POPULATION_RASTER: self.tr(
                "Population as a raster of people per cell (any grid and CRS: resampled to the raster's grid by "
                "summing, exactly by area; totals kept), instead of POPULATION. On the qgis_process command line "
                "give it as a GeoTIFF, as QGIS 3.22 does not open GeoPackage rasters from a path here."),
        }

    def _population_parameters(self):
        """Definitions of POPULATION (polygons or points, optional), POPULATION_FIELD (its numeric field) and
        POPULATION_RASTER (optional); exactly one of POPULATION and POPULATION_RASTER is checked at run time."""
        return (
            QgsProcessingParameterFeatureSource(
                self.POPULATION, self.tr("Population (polygons or points)"),
                [QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeVectorPoint], None, True),
            QgsProcessingParameterField(self.POPULATION_FIELD, self.tr("Population field"), None, self.POPULATION,
                                        QgsProcessingParameterField.Numeric, False, True),
            QgsProcessingParameterRasterLayer(self.POPULATION_RASTER,
                                              self.tr("Population raster (people per cell)"), None, True),
        )

    @staticmethod
    def _given(parameters, name):
        v = parameters.get(name)
        if isinstance(v, QgsProperty):
            v = v.staticValue()
        return v is not None and not (isinstance(v, str) and not v.strip())

    def _population_problem(self, parameters, context):
        """The message for a wrong choice of population inputs, or None."""
        vec, ras = self._given(parameters, self.POPULATION), self._given(parameters, self.POPULATION_RASTER)
        if vec:
            raster = raster_given_as(parameters.get(self.POPULATION), context)
            if raster is not None:
                return self.tr(
                    "POPULATION: '{name}' is a raster; POPULATION takes polygons or points (with "
                    "POPULATION_FIELD). Pass a population raster as POPULATION_RASTER instead (on the command "
                    "line: --POPULATION_RASTER=...).").format(name=raster.name() or raster.source())
        if vec and ras:
            return self.tr(
                "POPULATION and POPULATION_RASTER: give the population once, either as polygons or points in "
                "POPULATION (with POPULATION_FIELD) or as a raster of people per cell in POPULATION_RASTER, "
                "not both.")
        alt = self.POPULATION_ALTERNATIVE
        if not vec and not ras and not (alt and self._given(parameters, alt)):
            if alt:
                return self.tr(
                    "POPULATION, POPULATION_RASTER or {alt}: give the population, as polygons or points in "
                    "POPULATION (with POPULATION_FIELD) or as a raster of people per cell in POPULATION_RASTER, "
                    "or incident points in {alt}.").format(alt=alt)
            return self.tr(
                "POPULATION or POPULATION_RASTER: give the population, either as polygons or points in "
                "POPULATION (with POPULATION_FIELD) or as a raster of people per cell in POPULATION_RASTER.")
        return None

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API)
        problem = self._population_problem(parameters, context)
        if problem:
            return False, problem
        return super().checkParameterValues(parameters, context)

    def _population_input(self, parameters, context):
        """("vector", QgsProcessingFeatureSource), ("raster", QgsRasterLayer) or (None, None) when neither is
        given and POPULATION_ALTERNATIVE is; raises a QgsProcessingException naming the parameters otherwise."""
        problem = self._population_problem(parameters, context)
        if problem:
            raise QgsProcessingException(problem)
        if self._given(parameters, self.POPULATION):
            source = self.parameterAsSource(parameters, self.POPULATION, context)
            if source is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, self.POPULATION))
            return "vector", source
        if self._given(parameters, self.POPULATION_RASTER):
            layer = self.parameterAsRasterLayer(parameters, self.POPULATION_RASTER, context)
            if layer is None:
                raise QgsProcessingException(self.invalidRasterError(parameters, self.POPULATION_RASTER))
            return "raster", layer
        return None, None

    def _optional_string(self, parameters, name, context):
        if self.parameterDefinition(name) is None:
            return None
        return self.parameterAsString(parameters, name, context) or None

    def _read_areas(self, parameters, context, feedback, crs, spec):
        source = self.parameterAsSource(parameters, self.AREAS, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.AREAS))
        id_field = self.parameterAsString(parameters, self.AREA_ID_FIELD, context) or None
        name_field = self.parameterAsString(parameters, self.AREA_NAME_FIELD, context) or id_field
        fields = source.fields()
        if name_field is None:
            name_field = guess_name_field(fields)
            if name_field:
                feedback.pushInfo(self.tr("Areas are named by their field '{f}' in the summary and labels (set "
                                          "AREA_ID_FIELD or AREA_NAME_FIELD to choose another).").format(f=name_field))
        for param, f in ((self.AREA_ID_FIELD, id_field), (self.AREA_NAME_FIELD, name_field)):
            if f and fields.lookupField(f) < 0:
                raise QgsProcessingException(self.tr("{param}: the areas layer has no field '{f}'.").format(
                    param=param, f=f))
        src_crs = source.sourceCrs()
        ct = None
        if src_crs.isValid() and src_crs != crs:
            ct = QgsCoordinateTransform(src_crs, crs, context.transformContext())
            feedback.pushInfo(self.tr("AREAS are in {a}; reprojected to the raster's {b} for the calculation "
                                      "(the output keeps their CRS).").format(a=src_crs.authid(), b=crs.authid()))
        elif not src_crs.isValid():
            feedback.pushWarning(self.tr("AREAS has no CRS; assuming the drive-time raster's ({c}).").format(
                c=crs.authid()))
        ids, names, geoms, out_geoms, fids = [], [], [], [], []
        for feat in source.getFeatures(QgsFeatureRequest(), _NO_CHECK):
            if feedback.isCanceled():
                break
            g = QgsGeometry(feat.geometry())
            out_geoms.append(QgsGeometry(g))
            if ct is not None and not g.isNull():
                try:
                    g.transform(ct)
                except QgsCsException:
                    raise QgsProcessingException(self.tr(
                        "AREAS: feature {fid} could not be reprojected to the raster's CRS; check the layer's "
                        "CRS.").format(fid=feat.id())) from None
            geoms.append(qgis_io._clean_geometry(g))
            v = _py(feat[id_field]) if id_field else feat.id()
            ids.append(v)
            n = _py(feat[name_field]) if name_field else None
            names.append(str(n) if n is not None else str(v))
            fids.append(feat.id())
        if not ids:
            raise QgsProcessingException(self.tr("AREAS: the layer has no features (empty selection or filter?)."))
        if any(v is None or str(v).strip() == "" for v in ids):
            bad = [str(f) for f, v in zip(fids, ids) if v is None or str(v).strip() == ""][:10]
            raise QgsProcessingException(self.tr(
                "AREA_ID_FIELD: {n} area(s) have an empty id (features {fids}). Fill the ids or choose another "
                "field.").format(n=sum(v is None or str(v).strip() == "" for v in ids), fids=", ".join(bad)))
        seen, dups = set(), []
        for v in ids:
            if v in seen and v not in dups:
                dups.append(v)
            seen.add(v)
        if dups:
            raise QgsProcessingException(self.tr(
                "AREA_ID_FIELD: the ids must be unique; {n} value(s) repeat, e.g. {ids}. Dissolve the areas by "
                "the id (Vector > Geoprocessing > Dissolve) or choose a unique field.").format(
                n=len(dups), ids=", ".join(repr(d) for d in dups[:8])))
        from ..core import coverage as cv

        repaired, bad = cv.repair_polygons(geoms)
        if bad:
            feedback.pushWarning(self.tr(
                "AREAS: {n} area(s) have an invalid geometry (e.g. a self-intersecting ring) and were repaired "
                "for the calculation: {names}. Check their figures, or fix the layer with Vector > Geometry "
                "Tools > Fix Geometries.").format(n=len(bad), names=_names(names[i] for i in bad)))
        geoms = [None if g is None else r for g, r in zip(geoms, repaired)]
        pairs = cv.area_overlaps([g if g is not None else _empty() for g in geoms])
        if pairs:
            feedback.pushWarning(self.tr(
                "AREAS: {n} pair(s) of areas overlap: {pairs}. The people of an overlap are counted in each "
                "area that holds it (and more than once in the whole-study-area figures).").format(
                n=len(pairs), pairs=_names("{a} / {b} ({km2:,.3g} km²)".format(a=names[i], b=names[j],
                                                                               km2=a / 1e6)
                                           for i, j, a in pairs)))
        ext = QgsRectangle(*spec.bounds)
        overlaps = [g is not None and not g.is_empty and QgsRectangle(*g.bounds).intersects(ext) for g in geoms]
        if not any(overlaps):
            raise QgsProcessingException(self.tr(
                "AREAS: none of the {n} areas overlaps the drive-time raster (extent {e}, {crs}). Check that "
                "both layers have the right CRS, or compute the drive time over these areas.").format(
                n=len(ids), e=ext.toString(0), crs=crs.authid()))
        off = [names[i] for i, o in enumerate(overlaps) if not o]
        if off:
            feedback.pushWarning(self.tr("{n} area(s) lie wholly outside the drive-time raster and get NULL "
                                         "figures: {names}.").format(n=len(off), names=", ".join(off[:10])))
        id_qfield = QgsField(fields.field(id_field)) if id_field else QgsField("area_id", QVariant.LongLong)
        return {"ids": ids, "names": names, "geoms": geoms, "out_geoms": out_geoms, "crs": src_crs,
                "id_field": id_qfield}

    def _population_grid(self, parameters, context, feedback, spec, crs):
        """People per cell of ``spec`` from POPULATION or POPULATION_RASTER, read and spread exactly as
        coverage and scenario do (one area: the whole grid). Returns (grid (rows, cols) float64, total in the
        input, total on the grid), or (None, 0, 0) when neither is given (POPULATION_ALTERNATIVE)."""
        from shapely.geometry import box

        from ..core import coverage as cv

        kind, _ = self._population_input(parameters, context)
        if kind is None:
            return None, 0.0, 0.0
        whole = {"geoms": [box(*spec.bounds)]}
        cells, _group = self._spread(parameters, context, QgsProcessingMultiStepFeedback(3, feedback), spec, crs,
                                     whole, cv.DEFAULT_DENSITY_BREAKS)
        if cells is None:
            return None, 0.0, 0.0
        grid = np.bincount(cells.cell, weights=cells.pop, minlength=spec.rows * spec.cols).reshape(spec.shape)
        return grid, float(cells.input_total), float(cells.total)

    def _spread(self, parameters, context, steps, spec, crs, areas, breaks):
        from ..core import coverage as cv

        kind, layer = self._population_input(parameters, context)
        if kind is None:
            raise QgsProcessingException(self._population_problem({}, context))
        urb_field = self._optional_string(parameters, self.URBANITY_FIELD, context)
        grp_field = self._optional_string(parameters, self.GROUP_FIELD, context)
        area_geoms = [g if g is not None else _empty() for g in areas["geoms"]]
        steps.setCurrentStep(1)
        if kind == "raster":
            for param, f in ((self.URBANITY_FIELD, urb_field), (self.GROUP_FIELD, grp_field)):
                if f:
                    raise QgsProcessingException(self.tr(
                        "{param}: fields need a vector POPULATION layer; with POPULATION_RASTER leave it empty "
                        "(urbanity is then classified by density).").format(param=param))
            if self._optional_string(parameters, self.POPULATION_FIELD, context):
                steps.pushWarning(self.tr("POPULATION_FIELD is ignored: the population comes from "
                                          "POPULATION_RASTER (people per cell)."))
            pop_grid, transform_xy = self._read_pop_raster(layer, crs, context, steps)
            steps.setCurrentStep(2)
            try:
                cells = cv.spread_raster(spec, pop_grid, area_geoms, breaks, transform_xy,
                                         progress=progress_callback(steps))
            except cv.CoverageError as e:
                raise QgsProcessingException(f"{self.POPULATION_RASTER}: {e}.") from None
            return cells, None
        gtype = QgsWkbTypes.geometryType(layer.wkbType())
        if gtype not in (QgsWkbTypes.PolygonGeometry, QgsWkbTypes.PointGeometry):
            raise QgsProcessingException(self.tr(
                "POPULATION: '{name}' holds lines; give polygons (e.g. LSOAs) or points, or a population "
                "raster as POPULATION_RASTER.").format(name=layer.sourceName()))
        pop_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context) or None
        fields = layer.fields()
        if not pop_field:
            raise QgsProcessingException(self.tr(
                "POPULATION_FIELD: choose the numeric field holding the people of each feature (e.g. "
                "pop_mid2018)."))
        for param, f in ((self.POPULATION_FIELD, pop_field), (self.URBANITY_FIELD, urb_field),
                         (self.GROUP_FIELD, grp_field)):
            if f and fields.lookupField(f) < 0:
                raise QgsProcessingException(self.tr("{param}: the population layer '{name}' has no field '{f}'.")
                                             .format(param=param, name=layer.sourceName(), f=f))
        if not fields.field(pop_field).isNumeric():
            raise QgsProcessingException(self.tr(
                "POPULATION_FIELD: '{f}' is a {t} field, not a number. Convert it with the Field calculator "
                "(to_real(\"{f}\")) or choose a numeric field.").format(f=pop_field,
                                                                     t=fields.field(pop_field).typeName()))
        wanted = [f for f in (pop_field, urb_field, grp_field) if f]
        req = QgsFeatureRequest()
        req.setDestinationCrs(crs, context.transformContext())
        req.setSubsetOfAttributes(wanted, fields)
        geoms, pops, urbs, grps, fids = [], [], [], [], []
        nulls, no_geom_pop, neg, invalid = 0, 0.0, [], []
        total = max(1, layer.featureCount())
        for i, feat in enumerate(layer.getFeatures(req, _NO_CHECK)):
            if steps.isCanceled():
                return None, None
            v = _py(feat[pop_field])
            if v is None:
                nulls += 1
                v = 0.0
            v = float(v)
            if v < 0 or not math.isfinite(v):
                neg.append((feat.id(), v))
                continue
            g = feat.geometry()
            if gtype == QgsWkbTypes.PointGeometry:
                if g is None or g.isNull() or g.isEmpty():
                    no_geom_pop += v
                    continue
                p = g.vertexAt(0) if QgsWkbTypes.isSingleType(g.wkbType()) else g.centroid().vertexAt(0)
                geoms.append((p.x(), p.y()))
            else:
                sg = qgis_io._clean_geometry(g)
                if sg is None:
                    no_geom_pop += v
                    continue
                if not sg.is_valid:
                    invalid.append(feat.id())
                    sg = cv.clean_areas([sg])[0]
                geoms.append(sg)
            pops.append(v)
            fids.append(feat.id())
            if urb_field:
                urbs.append(_py(feat[urb_field]))
            if grp_field:
                grps.append(_py(feat[grp_field]))
            if i % 2000 == 0:
                steps.setProgress(100.0 * i / total)
        if neg:
            raise QgsProcessingException(self.tr(
                "POPULATION_FIELD: {n} feature(s) have a negative or invalid population (e.g. feature {fid}: "
                "{v}). Population must be zero or positive; fix or filter those features.").format(
                n=len(neg), fid=neg[0][0], v=neg[0][1]))
        if nulls:
            steps.pushWarning(self.tr("POPULATION_FIELD: {n} feature(s) have no population value; counted as 0.")
                              .format(n=nulls))
        if invalid:
            steps.pushWarning(self.tr(
                "POPULATION: {n} polygon(s) have an invalid geometry (e.g. a self-intersecting ring) and were "
                "repaired before spreading their people: feature(s) {fids}. Check them, or fix the layer with "
                "Vector > Geometry Tools > Fix Geometries.").format(n=len(invalid), fids=_names(invalid)))
        if no_geom_pop:
            steps.pushWarning(self.tr("POPULATION: {p} people sit on features without a geometry and are left "
                                      "out.").format(p=cv.fmt_people(no_geom_pop)))
        if not pops:
            raise QgsProcessingException(self.tr("POPULATION: the layer has no features with a geometry."))
        try:
            classes = cv.classify_labels(urbs) if urb_field else None
        except cv.CoverageError as e:
            raise QgsProcessingException(self.tr("URBANITY_FIELD: {err}.").format(err=e)) from None
        if classes is not None and np.any(classes == cv.UNCLASSIFIED):
            steps.pushWarning(self.tr("URBANITY_FIELD: {n} feature(s) have no class; they are reported as "
                                      "'unclassified'.").format(n=int(np.sum(classes == cv.UNCLASSIFIED))))
        groups, glabels = cv.group_codes(grps) if grp_field else (None, [])
        weights = self._read_weights(parameters, context, spec, steps) if gtype == QgsWkbTypes.PolygonGeometry \
            else None
        steps.setCurrentStep(2)
        try:
            if gtype == QgsWkbTypes.PointGeometry:
                xy = np.array(geoms, dtype=np.float64).reshape(-1, 2)
                cells = cv.spread_points(spec, xy[:, 0], xy[:, 1], pops, area_geoms, classes, groups, glabels,
                                         breaks)
            else:
                cells = cv.spread_polygons(spec, geoms, pops, area_geoms, classes, groups, glabels, breaks,
                                           weights=weights, progress=progress_callback(steps))
        except cv.CoverageError as e:
            raise QgsProcessingException(f"{self.POPULATION}: {e}.") from None
        if cells.weights_fallback:
            steps.pushWarning(self.tr("WEIGHTS: {n} population piece(s) cover only zero weight; spread by plain "
                                      "area instead.").format(n=cells.weights_fallback))
        cells.input_total += no_geom_pop
        cells.outside_areas += no_geom_pop
        if grp_field:  # the name the summary sentences use: the field's alias, or a readable form
            idx = fields.indexOf(grp_field)
            return cells, cv.field_label(grp_field, fields.at(idx).alias() if idx >= 0 else "")
        return cells, grp_field

    def _read_pop_raster(self, layer, crs, context, feedback):
        import rasterio

        from ..core.grid import Grid

        path = qgis_io.raster_path(layer, self.POPULATION_RASTER)
        with rasterio.open(path) as ds:
            arr = ds.read(1).astype(np.float64)
            nodata = ds.nodatavals[0]
            transform = ds.transform.to_gdal()
        if nodata is not None and not np.isnan(nodata):
            arr[arr == nodata] = np.nan
        try:
            pg = Grid.from_transform(arr, transform, layer.crs().toWkt(), np.nan)
        except ValueError as e:
            raise QgsProcessingException(self.tr("POPULATION_RASTER: {err}. Resample the population raster to "
                                                 "square, north-up cells (counts are summed).").format(err=e)) from None
        if np.nanmin(arr, initial=0) < 0:
            raise QgsProcessingException(self.tr("POPULATION_RASTER: the raster has negative values; it must "
                                                 "hold people per cell."))
        transform_xy = None
        if layer.crs().isValid() and layer.crs() != crs:
            feedback.pushInfo(self.tr("The population raster ({a}) is reprojected cell by cell to {b}.").format(
                a=layer.crs().authid(), b=crs.authid()))
            transform_xy = self._xy_transformer(layer.crs(), crs, context)
        return pg, transform_xy

    @staticmethod
    def _xy_transformer(src, dst, context):
        try:
            from pyproj import Transformer

            tr_ = Transformer.from_crs(src.toWkt(), dst.toWkt(), always_xy=True)
            return lambda x, y: tr_.transform(x, y)
        except Exception:  # noqa: BLE001 - fall back on QGIS, point by point
            from qgis.core import QgsPointXY

            ct = QgsCoordinateTransform(src, dst, context.transformContext())

            def f(x, y):
                out = [ct.transform(QgsPointXY(float(a), float(b))) for a, b in zip(x, y)]
                return np.array([p.x() for p in out]), np.array([p.y() for p in out])

            return f

    def _read_weights(self, parameters, context, spec, feedback):
        if not parameters.get(self.WEIGHTS):
            return None
        layer = self.parameterAsRasterLayer(parameters, self.WEIGHTS, context)
        if layer is None:
            return None
        wg = qgis_io.read_raster(layer, self.WEIGHTS)
        s = wg.spec
        if s.shape != spec.shape or not all(math.isclose(a, b, abs_tol=1e-6 * spec.cell_size) for a, b in
                                            ((s.x_min, spec.x_min), (s.y_max, spec.y_max),
                                             (s.cell_size, spec.cell_size))):
            raise QgsProcessingException(self.tr(
                "WEIGHTS: the weights raster must be on the drive-time grid (same extent and cell size); align "
                "it with Raster > Align Rasters or warp it to the drive-time raster's grid."))
        w = wg.array
        if np.nanmin(w, initial=0) < 0:
            raise QgsProcessingException(self.tr("WEIGHTS: weights must be zero or positive."))
        return w
