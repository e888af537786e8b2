"""drivetime:speedsurface -- Build speed surface from roads, land cover and barriers."""
import math
from collections import Counter

import numpy as np
from qgis.core import (QgsProcessing, QgsProcessingException, QgsProcessingMultiStepFeedback, QgsProcessingOutputNumber,
                       QgsProcessingParameterCrs, QgsProcessingParameterEnum, QgsProcessingParameterExtent,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsProcessingParameterMatrix,
                       QgsProcessingParameterNumber, QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterRasterLayer, QgsRectangle)

from .base import AlgorithmBase, progress_callback
from . import qgis_io, roads_ogr, styling

MAX_CELLS = 400_000_000


class SpeedSurfaceAlgorithm(AlgorithmBase):
    NAME = "speedsurface"
    REQUIRES = ("numpy", "rasterio", "shapely")

    ROADS = "ROADS"
    CLASS_FIELD = "CLASS_FIELD"
    SPEEDS = "SPEEDS"
    PROFILE = "PROFILE"
    OFFROAD_SPEED = "OFFROAD_SPEED"
    LANDCOVER_SPEED = "LANDCOVER_SPEED"
    BARRIERS = "BARRIERS"
    EXTENT = "EXTENT"
    TARGET_CRS = "TARGET_CRS"
    CELL_SIZE = "CELL_SIZE"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return self.tr("Build speed surface")

    def help_map(self):
        return {
            "": self.tr(
                "Builds a speed surface (km/h per cell, float32 GeoTIFF) for drive-time analysis: each road "
                "class gets a speed, roads are burnt so that they stay connected (every cell a road passes through; "
                "the faster road wins where roads share a cell), cells without a road get the off-road speed (or a "
                "land-cover speed raster), and barrier polygons are impassable (speed 0). The default speeds are "
                "for an emergency vehicle without blue-light privileges, from the national speed limits and the "
                "DfT's average speed statistics (CGN0501, CGN0502): calibrate them locally where you can."),
            self.ROADS: self.tr("Road lines: OpenStreetMap (.osm/.pbf 'lines' layer, GeoPackage) or OS Open Roads. "
                                "Any CRS: they are reprojected to the target CRS."),
            self.CLASS_FIELD: self.tr("Field holding the road class (OSM 'highway', the default; OS Open Roads "
                                      "'class' or 'roadClassification')."),
            self.SPEEDS: self.tr("Speed per road class, km/h (class names match case-insensitively). Roads of a "
                                 "class not listed are ignored (a warning lists them). A speed of 0 ignores the "
                                 "class; speeds above 200 km/h or not finite are refused (a unit mistake). "
                                 "Default: the UK table in the help (empty = default)."),
            self.PROFILE: self.tr("Driving profile applied to the road speeds: ordinary daytime driving (the speeds "
                                  "as given) or a blue-light emergency response (faster on every road class, most on "
                                  "minor and urban roads: driving times 9-20 % shorter). The blue-light multipliers "
                                  "are an assumption set within published lights-and-sirens time savings (Hunt et "
                                  "al. 1995; Brown et al. 2000; Ho and Lindquist 2001): calibrate them with your own "
                                  "blue-light journeys (Calibrate against observed journeys)."),
            self.OFFROAD_SPEED: self.tr("Speed in km/h for cells with no road (reaching the road along drives, "
                                        "yards and tracks), from 0 to 200. 0 makes them impassable."),
            self.LANDCOVER_SPEED: self.tr("Optional raster of off-road speeds in km/h (e.g. a reclassified land-cover "
                                          "map, 0 to 200 km/h); resampled to the grid; its nodata cells use the "
                                          "off-road speed."),
            self.BARRIERS: self.tr("Optional polygons that nothing crosses (e.g. water bodies, closed sites); their "
                                   "cells get speed 0. They override roads."),
            self.EXTENT: self.tr("Extent of the surface. Default: the extent of the roads. Give it a margin around "
                                 "the study area so journeys can leave and re-enter it."),
            self.TARGET_CRS: self.tr("CRS of the surface, projected in metres. Default: the CRS of the extent if "
                                     "given, else that of the roads. In Great Britain use EPSG:27700."),
            self.CELL_SIZE: self.tr("Cell size in metres, at least 0.01 (e.g. 50). Smaller cells follow roads more "
                                    "closely but cost memory and time quadratically."),
            self.OUTPUT: self.tr("Speed surface, km/h, float32 GeoTIFF; 0 = impassable. Styled on load."),
            "CELLS": self.tr("Number output: cells in the surface (rows x columns)."),
            "ROAD_FEATURES": self.tr("Number output: road features used (those with a class listed in SPEEDS)."),
            "ROAD_CELLS_PCT": self.tr("Number output: % of the cells where a road is faster than the ground."),
            "IMPASSABLE_PCT": self.tr("Number output: % of the cells with speed 0 (barriers, or off-road speed 0)."),
            "EXAMPLE": "qgis_process run drivetime:speedsurface --ROADS=roads.gpkg|layername=roads "
                       "--CLASS_FIELD=highway --CELL_SIZE=50 --OUTPUT=speed.tif",
        }

    def initAlgorithm(self, config=None):  # noqa: N802
        from ..core.speeds import DEFAULT_OFFROAD_SPEED, DEFAULT_SPEEDS

        self.add(QgsProcessingParameterFeatureSource(self.ROADS, self.tr("Roads"), [QgsProcessing.TypeVectorLine]))
        self.add(QgsProcessingParameterField(self.CLASS_FIELD, self.tr("Road class field"), "highway", self.ROADS,
                                             optional=True))
        flat = []
        for k, v in DEFAULT_SPEEDS.items():
            flat += [k, f"{v:g}"]
        self.add(QgsProcessingParameterMatrix(self.SPEEDS, self.tr("Speed by road class (km/h)"), 0, False,
                                              [self.tr("Road class"), self.tr("Speed (km/h)")], flat, optional=True))
        self.add(QgsProcessingParameterEnum(self.PROFILE, self.tr("Driving profile"), [
            self.tr("Ordinary daytime driving"), self.tr("Blue-light emergency response (assumption: calibrate)")],
            False, 0))
        self.add(QgsProcessingParameterNumber(self.OFFROAD_SPEED, self.tr("Off-road speed (km/h)"),
                                              QgsProcessingParameterNumber.Double, DEFAULT_OFFROAD_SPEED, False, 0.0,
                                              200.0))
        self.add(QgsProcessingParameterRasterLayer(self.LANDCOVER_SPEED, self.tr("Land-cover speed raster (km/h)"),
                                                   optional=True), advanced=True)
        self.add(QgsProcessingParameterFeatureSource(self.BARRIERS, self.tr("Barriers (impassable polygons)"),
                                                     [QgsProcessing.TypeVectorPolygon], optional=True))
        self.add(QgsProcessingParameterExtent(self.EXTENT, self.tr("Extent"), optional=True))
        self.add(QgsProcessingParameterCrs(self.TARGET_CRS, self.tr("Target CRS (projected, metres)"),
                                           optional=True), advanced=True)
        self.add(QgsProcessingParameterNumber(self.CELL_SIZE, self.tr("Cell size (metres)"),
                                              QgsProcessingParameterNumber.Double, 50.0, False, 0.01))
        self.add(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Speed surface")))
        for key, desc in (("CELLS", self.tr("Cells")), ("ROAD_FEATURES", self.tr("Road features used")),
                          ("ROAD_CELLS_PCT", self.tr("Road cells (%)")),
                          ("IMPASSABLE_PCT", self.tr("Impassable cells (%)"))):
            self.addOutput(QgsProcessingOutputNumber(key, desc))

    def process(self, parameters, context, feedback):
        from ..core.rasterize import speed_surface_from_roads
        from ..core.speeds import (DEFAULT_OFFROAD_SPEED, MAX_SPEED_KMH, PROFILE_KEYS, apply_profile,
                                   table_from_pairs)

        steps = QgsProcessingMultiStepFeedback(4, feedback)
        roads = self.parameterAsSource(parameters, self.ROADS, context)
        if roads is None:
            raise QgsProcessingException(self.tr("ROADS: no road layer given."))
        class_field = self.parameterAsString(parameters, self.CLASS_FIELD, context) or "highway"
        if roads.fields().lookupField(class_field) < 0:
            raise QgsProcessingException(self.tr(
                "CLASS_FIELD: the road layer has no field '{f}'. Its fields are: {fields}. Choose the field holding "
                "the road class (OSM 'highway', OS Open Roads 'class').").format(
                f=class_field, fields=", ".join(roads.fields().names())))
        flat = self.parameterAsMatrix(parameters, self.SPEEDS, context)
        if not flat:
            flat = self.parameterDefinition(self.SPEEDS).defaultValue()
        if len(flat) % 2:
            raise QgsProcessingException(self.tr("SPEEDS: give pairs of road class and speed (km/h)."))
        try:
            table = table_from_pairs(zip(flat[0::2], flat[1::2]))
        except ValueError as e:
            raise QgsProcessingException(self.tr("SPEEDS: {err}.").format(err=e)) from None
        if not any(v > 0 for v in table.values()):
            raise QgsProcessingException(self.tr("SPEEDS: every road class has speed 0; give positive speeds."))
        profile = PROFILE_KEYS[self.parameterAsEnum(parameters, self.PROFILE, context)]
        if profile != "daytime":
            table = apply_profile(table, profile)
            over = {k: v for k, v in table.items() if v > MAX_SPEED_KMH}
            if over:
                raise QgsProcessingException(self.tr(
                    "SPEEDS / PROFILE: with the blue-light profile, {list} go above {m:g} km/h; lower those speeds "
                    "in SPEEDS or use the daytime profile.").format(
                        list=", ".join(f"{k} ({v:g} km/h)" for k, v in over.items()), m=MAX_SPEED_KMH))
            feedback.pushInfo(self.tr("Blue-light profile: road speeds raised by 10-25 % by class (an assumption to "
                                      "calibrate with your own blue-light journeys)."))
        offroad = self.parameterAsDouble(parameters, self.OFFROAD_SPEED, context)
        if not 0 <= offroad <= MAX_SPEED_KMH:
            raise QgsProcessingException(self.tr(
                "OFFROAD_SPEED: {v} km/h is not allowed; give a speed from 0 (impassable) to {m:g} km/h (default "
                "{d:g}).").format(v=offroad, m=MAX_SPEED_KMH, d=DEFAULT_OFFROAD_SPEED))
        cell = self.parameterAsDouble(parameters, self.CELL_SIZE, context)
        if not (math.isfinite(cell) and cell >= 0.01):
            raise QgsProcessingException(self.tr(
                "CELL_SIZE: {v} is not allowed; give a cell size in metres of at least 0.01 (e.g. 50, the default; "
                "smaller cells follow roads more closely but cost more memory and time).").format(v=cell))

        # CRS: explicit, else the extent's, else the roads'
        crs = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        if not crs.isValid() and parameters.get(self.EXTENT):
            crs = self.parameterAsExtentCrs(parameters, self.EXTENT, context)
        if not crs.isValid():
            crs = roads.sourceCrs()
        qgis_io.check_metric_crs(crs, self.TARGET_CRS if parameters.get(self.TARGET_CRS) else self.ROADS,
                                 self.tr("the output CRS"))
        rect = None
        if parameters.get(self.EXTENT):
            rect = self.parameterAsExtent(parameters, self.EXTENT, context, crs)
            if rect.isEmpty() or not rect.isFinite():
                raise QgsProcessingException(self.tr("EXTENT: the extent is empty; give a rectangle with an area."))

        # the grid's size from the extent (given, or the roads' own), refused before any road is read
        self._check_size(rect if rect is not None else self._source_extent(roads, crs, context), cell)

        # 1. roads: GDAL reads, orders and burns them (roads_ogr: no Python object per road); curved
        # geometries the per-feature way
        ogr_roads = roads_ogr.open_roads(self, parameters, self.ROADS, roads, crs, context, class_field, rect,
                                         feedback)
        if feedback.isCanceled():
            return {}
        if ogr_roads is None:
            spec, road_grid, rect = self._roads_per_feature(roads, crs, context, class_field, table, rect, cell,
                                                            steps, feedback)
        else:
            with ogr_roads:
                spec, road_grid, rect = self._roads_ogr(ogr_roads, crs, class_field, table, rect, cell, steps,
                                                        feedback)
        if road_grid is None or feedback.isCanceled():
            return {}

        # 2. land cover, barriers
        steps.setCurrentStep(2)
        offroad_grid = None
        lc = self.parameterAsRasterLayer(parameters, self.LANDCOVER_SPEED, context)
        if lc is not None:
            offroad_grid = self._resample(lc, spec, crs)
        barriers = []
        bsrc = self.parameterAsSource(parameters, self.BARRIERS, context)
        if bsrc is not None:
            barriers, _ = qgis_io.read_geometries(bsrc, crs, context, (), feedback, rect=rect)
        if feedback.isCanceled():
            return {}
        speed = speed_surface_from_roads(spec, road_grid, offroad, barriers, offroad_grid)
        del road_grid

        # 4. write + style
        steps.setCurrentStep(3)
        out = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        qgis_io.write_raster(out, speed, spec, crs, dtype="float32")
        styling.style_output(context, out, styling.style_from_qml("speed_surface.qml"), "raster",
                             self.tr("Speed surface (km/h)"), feedback)
        steps.setProgress(100)
        ground = np.full(spec.shape, offroad, dtype=np.float32)
        if offroad_grid is not None:
            og = np.asarray(offroad_grid, dtype=np.float32)
            ground[np.isfinite(og) & (og >= 0)] = og[np.isfinite(og) & (og >= 0)]
        road_pct = float(100.0 * np.mean(speed > ground))
        return {self.OUTPUT: out, "CELLS": int(speed.size), "ROAD_FEATURES": int(self._road_features),
                "ROAD_CELLS_PCT": road_pct, "IMPASSABLE_PCT": float(100.0 * np.mean(speed <= 0))}

    def _grid(self, rect, bounds, cell, crs, feedback):
        """The grid over ``rect`` (None: over the roads' ``bounds``), its size checked."""
        from ..core.grid import GridSpec

        if rect is None:  # the roads' own extent (OSM layers do not know theirs before reading)
            rect = QgsRectangle(*bounds)
            if rect.isEmpty():
                rect.grow(cell)
        spec = GridSpec.from_extent(rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum(), cell,
                                    crs.toWkt())
        self._check_size(rect, cell)
        feedback.pushInfo(self.tr("Grid: {r} rows x {c} columns of {s:g} m in {crs}.").format(
            r=spec.rows, c=spec.cols, s=cell, crs=crs.authid()))
        return spec, rect

    def _no_roads(self):
        return QgsProcessingException(self.tr(
            "ROADS: no road feature falls inside the extent (is the layer empty, or the extent elsewhere?). "
            "Check the extent and the layer's CRS."))

    def _report_classes(self, counts, speed_of, feedback):
        """Warn about classes without a speed; refuse when no road has one. ``counts``: {class: roads}."""
        unknown = Counter()
        for c, n in counts.items():
            if np.isnan(speed_of[c]) and c not in (None, ""):
                unknown[str(c)] += n
        if unknown:
            feedback.pushWarning(self.tr("Road classes without a speed were ignored: {list}. Add them to SPEEDS to "
                                         "use them.").format(
                list=", ".join(f"{k} ({n})" for k, n in unknown.most_common(12))))
        kept = sum(n for c, n in counts.items() if speed_of[c] > 0)
        if not kept:
            raise QgsProcessingException(self.tr(
                "SPEEDS / CLASS_FIELD: no road in the layer has a class listed in SPEEDS (classes found: {list}). "
                "Check the class field or add its values to SPEEDS.").format(
                list=", ".join(list({str(c) for c in counts})[:12])))
        feedback.pushInfo(self.tr("{n} road features with a speed.").format(n=kept))
        self._road_features = kept

    def _roads_ogr(self, ogr_roads, crs, class_field, table, rect, cell, steps, feedback):
        """(grid, road speeds burnt on it, extent) from the roads as an OGR layer: GDAL burns them."""
        from ..core.rasterize import burn_layer_max, strip_rows

        counts = ogr_roads.class_counts()
        if not counts:
            raise self._no_roads()
        steps.setProgress(40)
        spec, rect = self._grid(rect, ogr_roads.extent() if rect is None else None, cell, crs, feedback)
        speed_of = roads_ogr.road_speeds(counts, table)
        self._report_classes(counts, speed_of, feedback)
        steps.setProgress(70)
        steps.setCurrentStep(1)
        # several row strips at once (GDAL burns without the GIL) on large grids
        strips = ogr_roads.speed_strips({c: s for c, s in speed_of.items() if s > 0}, spec,
                                        strip_rows(spec), grid_is_extent=self._covers_exactly(spec, rect))
        grid = burn_layer_max(strips, "speed", spec, progress=progress_callback(steps))
        return spec, grid, rect

    @staticmethod
    def _covers_exactly(spec, rect):
        """True when the grid's edges are the extent's (a whole number of cells across it)."""
        return (spec.x_min == rect.xMinimum() and spec.y_max == rect.yMaximum()
                and spec.x_min + spec.cols * spec.cell_size == rect.xMaximum()
                and spec.y_max - spec.rows * spec.cell_size == rect.yMinimum())

    def _roads_per_feature(self, roads, crs, context, class_field, table, rect, cell, steps, feedback):
        """The same from one Python geometry per road (curved geometries: QGIS segmentises them)."""
        from ..core.rasterize import burn_lines_max
        from ..core.speeds import lookup

        geoms, attrs = qgis_io.read_geometries(roads, crs, context, [class_field], feedback, rect=rect,
                                               progress=progress_callback(steps))
        if feedback.isCanceled():
            return None, None, rect
        if not geoms:
            raise self._no_roads()
        bounds = None
        if rect is None:
            b = np.array([g.bounds for g in geoms])
            bounds = (b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max())
        spec, rect = self._grid(rect, bounds, cell, crs, feedback)
        classes = attrs[class_field]
        speeds = lookup(classes, table)
        counts = Counter()
        speed_of = {}
        for c, v in zip(classes, speeds):
            key = None if c in (None, "") else c
            counts[key] += 1
            speed_of[key] = v
        self._report_classes(counts, speed_of, feedback)
        keep = np.isfinite(speeds) & (speeds > 0)
        steps.setCurrentStep(1)
        grid = burn_lines_max([g for g, k in zip(geoms, keep) if k], speeds[keep], spec, fill=np.nan)
        return spec, grid, rect

    def _source_extent(self, roads, crs, context):
        """The road layer's extent from its metadata, in ``crs``; None when unknown (OSM files)."""
        from qgis.core import QgsCoordinateTransform

        ext = roads.sourceExtent()
        if ext is None or ext.isNull() or ext.isEmpty() or not ext.isFinite():
            return None
        try:
            ext = QgsCoordinateTransform(roads.sourceCrs(), crs, context.transformContext()).transformBoundingBox(ext)
        except Exception:  # noqa: BLE001 -- no early check; the extent read from the roads is checked later
            return None
        return ext if ext.isFinite() and not ext.isEmpty() else None

    def _check_size(self, rect, cell):
        """Refuse a grid over MAX_CELLS cells, or one whose building would not fit in memory."""
        if rect is None:
            return
        cols = max(1, int(np.ceil(rect.width() / cell - 1e-9)))
        rows = max(1, int(np.ceil(rect.height() / cell - 1e-9)))
        fix = self.tr("Use a larger CELL_SIZE (doubling it quarters the cells) or a smaller EXTENT.")
        if rows * cols > MAX_CELLS:
            raise QgsProcessingException(self.tr(
                "CELL_SIZE: {r} x {c} cells is too many for one surface (at most {m} million). {fix}").format(
                    r=rows, c=cols, m=MAX_CELLS // 1_000_000, fix=fix))
        # the surface, its masks and the land-cover grid; a drive-time run on it needs more (checked there)
        qgis_io.check_memory(rows, cols, "CELL_SIZE", fix, engine=False, rasters=4)

    def _resample(self, layer, spec, crs):
        """Land-cover speed raster resampled (nearest) onto the grid; NaN where it has no data."""
        import rasterio
        from affine import Affine
        from rasterio.warp import Resampling, reproject

        path = qgis_io.raster_path(layer, self.LANDCOVER_SPEED)
        dst = np.full(spec.shape, np.nan, dtype=np.float32)
        with rasterio.open(path) as ds:
            reproject(rasterio.band(ds, 1), dst, dst_transform=Affine(spec.cell_size, 0, spec.x_min, 0,
                                                                       -spec.cell_size, spec.y_max),
                      dst_crs=qgis_io.crs_for_gdal(crs), dst_nodata=np.nan, resampling=Resampling.nearest)
        qgis_io.check_speed_values(dst, self.LANDCOVER_SPEED)
        return dst
