"""Reading the reporting areas and the population for coverage-style algorithms (coverage, scenario).

A mixin for :class:`~.base.AlgorithmBase` subclasses that define the parameters AREAS, AREA_ID_FIELD,
(AREA_NAME_FIELD), POPULATION, POPULATION_FIELD, URBANITY_FIELD, GROUP_FIELD and (WEIGHTS): one reader, one set
of checks and messages, whichever algorithm asks.
"""
import math

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureRequest,
    QgsField,
    QgsGeometry,
    QgsMapLayerType,
    QgsProcessingException,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from .base import progress_callback
from . import qgis_io


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



class AreaPopulationReader:
    """Mixin: ``_read_areas`` (areas reprojected to the raster, unique non-empty ids, overlap check) and
    ``_spread`` (population polygons / points / raster onto the grid by area, with urbanity and group)."""

    AREAS = "AREAS"
    AREA_ID_FIELD = "AREA_ID_FIELD"
    AREA_NAME_FIELD = "AREA_NAME_FIELD"
    POPULATION = "POPULATION"
    POPULATION_FIELD = "POPULATION_FIELD"
    URBANITY_FIELD = "URBANITY_FIELD"
    GROUP_FIELD = "GROUP_FIELD"
    WEIGHTS = "WEIGHTS"

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
        for feat in source.getFeatures(QgsFeatureRequest()):
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

    def _spread(self, parameters, context, steps, spec, crs, areas, breaks):
        from ..core import coverage as cv

        layer = self.parameterAsLayer(parameters, self.POPULATION, context)
        if layer is None:
            raise QgsProcessingException(self.tr("POPULATION: no layer given (a polygon, point or raster layer)."))
        urb_field = self.parameterAsString(parameters, self.URBANITY_FIELD, context) or None
        grp_field = self.parameterAsString(parameters, self.GROUP_FIELD, context) or None
        area_geoms = [g if g is not None else _empty() for g in areas["geoms"]]
        steps.setCurrentStep(1)
        if layer.type() == QgsMapLayerType.RasterLayer:
            for param, f in ((self.URBANITY_FIELD, urb_field), (self.GROUP_FIELD, grp_field)):
                if f:
                    raise QgsProcessingException(self.tr(
                        "{param}: fields need a vector POPULATION layer; with a population raster leave it empty "
                        "(urbanity is then classified by density).").format(param=param))
            pop_grid, transform_xy = self._read_pop_raster(layer, crs, context, steps)
            steps.setCurrentStep(2)
            try:
                cells = cv.spread_raster(spec, pop_grid, area_geoms, breaks, transform_xy,
                                         progress=progress_callback(steps))
            except cv.CoverageError as e:
                raise QgsProcessingException(f"{self.POPULATION}: {e}.") from None
            return cells, None
        if not isinstance(layer, QgsVectorLayer):
            raise QgsProcessingException(self.tr("POPULATION: give a polygon, point or raster layer."))
        gtype = QgsWkbTypes.geometryType(layer.wkbType())
        if gtype not in (QgsWkbTypes.PolygonGeometry, QgsWkbTypes.PointGeometry):
            raise QgsProcessingException(self.tr(
                "POPULATION: '{name}' holds lines; give polygons (e.g. LSOAs), points or a population raster.")
                .format(name=layer.name()))
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
                                             .format(param=param, name=layer.name(), f=f))
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
        nulls, no_geom_pop, neg = 0, 0.0, []
        total = max(1, layer.featureCount())
        for i, feat in enumerate(layer.getFeatures(req)):
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
        return cells, grp_field

    def _read_pop_raster(self, layer, crs, context, feedback):
        import rasterio

        from ..core.grid import Grid

        path = qgis_io.raster_path(layer, self.POPULATION)
        with rasterio.open(path) as ds:
            arr = ds.read(1).astype(np.float64)
            nodata = ds.nodatavals[0]
            transform = ds.transform.to_gdal()
        if nodata is not None and not np.isnan(nodata):
            arr[arr == nodata] = np.nan
        try:
            pg = Grid.from_transform(arr, transform, layer.crs().toWkt(), np.nan)
        except ValueError as e:
            raise QgsProcessingException(self.tr("POPULATION: {err}. Resample the population raster to square, "
                                                 "north-up cells (counts are summed).").format(err=e)) from None
        if np.nanmin(arr, initial=0) < 0:
            raise QgsProcessingException(self.tr("POPULATION: the raster has negative values; it must hold "
                                                 "people per cell."))
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
