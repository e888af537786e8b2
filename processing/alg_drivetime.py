"""drivetime:drivetime -- Drive-time raster from sites, with nearest-site allocation and zones."""
import numpy as np
from qgis.core import (QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsGeometry, QgsProcessing,
                       QgsProcessingException, QgsProcessingMultiStepFeedback, QgsProcessingOutputNumber,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterDestination, QgsProcessingParameterString, QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant

from .base import AlgorithmBase, progress_callback
from . import qgis_io, styling
from .inputs import ActivationInput, BreaksInput, NetworkInput, SitesInput, SpeedInput

NODATA_MINUTES = -9999.0
NODATA_ID = -2147483648
DEFAULT_BANDS = "6,8,15,19,30,45,60"


class DriveTimeAlgorithm(SpeedInput, SitesInput, ActivationInput, NetworkInput, BreaksInput, AlgorithmBase):
    NAME = "drivetime"
    REQUIRES = ("numpy", "numba", "rasterio", "shapely")

    MAX_TIME = "MAX_TIME"
    BANDS = "BANDS"
    OUTPUT = "OUTPUT"
    OUTPUT_NEAREST = "OUTPUT_NEAREST"
    OUTPUT_ZONES = "OUTPUT_ZONES"
    REACHABLE_PCT = "REACHABLE_PCT"
    LONGEST_MINUTES = "LONGEST_MINUTES"
    SITES_USED = "SITES_USED"

    def displayName(self):  # noqa: N802
        return self.tr("Drive-time raster")

    def help_map(self):
        return {
            "": self.tr(
                "Computes the drive time in minutes from the nearest site to every cell of a speed surface "
                "(accumulated cost over the raster, exact on the 8- or 16-neighbour cell graph), adding an "
                "activation time at every site. Optionally writes which site is nearest and polygons of the "
                "drive-time bands. With a selection on the sites layer (and 'Selected features only'), only the "
                "selected sites are used."),
            self.MAX_TIME: self.tr("Optional cut-off in minutes (activation included): cells further away are "
                                   "nodata. Saves time on large surfaces."),
            self.BANDS: self.tr("Band breaks in minutes for the style and the zones (a time equal to a break "
                                "falls in the lower band)."),
            self.OUTPUT: self.tr("Drive time in minutes (float32 GeoTIFF), nodata where unreachable; styled in "
                                 "bands on load."),
            self.OUTPUT_NEAREST: self.tr("Optional raster: feature id of the nearest site (allocation)."),
            self.OUTPUT_ZONES: self.tr("Optional polygons, one per band (fields band, lower_min, upper_min, label, "
                                       "area_km2)."),
            self.REACHABLE_PCT: self.tr("Number output: % of the cells of the speed surface reachable from a site "
                                        "(within the cut-off, if given)."),
            self.LONGEST_MINUTES: self.tr("Number output: the longest drive time in minutes over the reachable "
                                          "cells (NaN if none)."),
            self.SITES_USED: self.tr("Number output: how many sites were used (after the selection and the "
                                     "sites-inside check)."),
            "EXAMPLE": "qgis_process run drivetime:drivetime --SPEED=speed.tif "
                       "--SITES=sites.gpkg|layername=ae_sites --ACTIVATION=2 --OUTPUT=minutes.tif",
        }

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_speed()
        self.add_sites()
        self.add_activation()
        self.add(QgsProcessingParameterNumber(self.MAX_TIME, self.tr("Cut-off (minutes)"),
                                              QgsProcessingParameterNumber.Double, None, True, 0.0))
        self.add_neighbours()
        self.add_snap_distance()
        self.add_sites_inside_only()
        self.add(QgsProcessingParameterString(self.BANDS, self.tr("Bands (minutes)"), DEFAULT_BANDS))
        self.add(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Drive time (minutes)")))
        self.add(QgsProcessingParameterRasterDestination(self.OUTPUT_NEAREST, self.tr("Nearest site"),
                                                         optional=True, createByDefault=True))
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT_ZONES, self.tr("Drive-time zones"),
                                                   QgsProcessing.TypeVectorPolygon, optional=True,
                                                   createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber(self.REACHABLE_PCT, self.tr("Reachable cells (%)")))
        self.addOutput(QgsProcessingOutputNumber(self.LONGEST_MINUTES, self.tr("Longest drive time (minutes)")))
        self.addOutput(QgsProcessingOutputNumber(self.SITES_USED, self.tr("Sites used")))

    def process(self, parameters, context, feedback):
        from ..core.costdist import cost_distance, speed_to_friction

        want_zones = self.wants_output(parameters, self.OUTPUT_ZONES, context)
        steps = QgsProcessingMultiStepFeedback(4 if want_zones else 3, feedback)
        layer, grid = self.read_speed(parameters, context)
        speed = grid.array
        crs = layer.crs()
        spec = grid.spec
        activation = self.read_activation(parameters, context)
        fixed = qgis_io.read_fixed_minutes(layer, self.SPEED, feedback, activation)
        max_time = None
        if parameters.get(self.MAX_TIME) not in (None, ""):
            max_time = self.parameterAsDouble(parameters, self.MAX_TIME, context)
            if max_time <= 0:
                raise QgsProcessingException(self.tr("MAX_TIME must be positive (minutes), or left empty."))
        neighbours = self.read_neighbours(parameters, context)
        bands = self.read_breaks(parameters, self.BANDS, context, DEFAULT_BANDS)
        snap = self.read_snap_distance(parameters, context)
        inside_only = self.parameterAsBoolean(parameters, self.SITES_INSIDE_ONLY, context)

        friction = speed_to_friction(speed)
        del speed
        pts = self.read_sites(parameters, self.SITES, context, spec, crs, friction, snap, feedback,
                              inside_only=inside_only)
        if pts is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SITES))
        rows, cols = pts["rows"], pts["cols"]
        feedback.pushInfo(self.tr("{n} sites on a {r} x {c} grid of {s:g} m cells, {k} neighbours.").format(
            n=len(rows), r=spec.rows, c=spec.cols, s=spec.cell_size, k=neighbours))

        # 1. cost distance
        want_nearest = self.wants_output(parameters, self.OUTPUT_NEAREST, context)
        res = cost_distance(friction, spec.cell_size, np.column_stack([rows, cols]),
                            offsets=np.full(len(rows), activation + fixed), max_cost=max_time, neighbours=neighbours,
                            want_nearest=want_nearest, progress=progress_callback(steps))
        del friction
        if feedback.isCanceled():
            return {}
        minutes = res.cost
        reach = np.isfinite(minutes)
        feedback.pushInfo(self.tr("Reachable cells: {p:.1f} %; longest drive time {m:.1f} min.").format(
            p=100.0 * reach.mean(), m=float(minutes[reach].max()) if reach.any() else float("nan")))

        # 2. write rasters
        steps.setCurrentStep(1)
        out = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        qgis_io.write_raster(out, np.where(reach, minutes, NODATA_MINUTES).astype(np.float32), spec, crs,
                             nodata=NODATA_MINUTES)
        styling.style_output(context, out, lambda lyr: styling.style_drivetime_raster(lyr, bands), "raster",
                             self.tr("Drive time (minutes)"), feedback)
        results = {self.OUTPUT: out, self.REACHABLE_PCT: float(100.0 * reach.mean()),
                   self.LONGEST_MINUTES: float(minutes[reach].max()) if reach.any() else float("nan"),
                   self.SITES_USED: int(len(rows))}
        if want_nearest:
            near_out = self.parameterAsOutputLayer(parameters, self.OUTPUT_NEAREST, context)
            labels = res.nearest
            ids = np.where(labels >= 0, pts["fid"][np.maximum(labels, 0)], NODATA_ID).astype(np.int32)
            qgis_io.write_raster(near_out, ids, spec, crs, nodata=NODATA_ID, dtype="int32")
            fids = sorted(int(f) for f in np.unique(pts["fid"]))
            styling.style_output(context, near_out,
                                 lambda lyr: styling.style_categorical_raster(lyr, fids), "raster",
                                 self.tr("Nearest site"), feedback)
            results[self.OUTPUT_NEAREST] = near_out
        if feedback.isCanceled():
            return {}

        # 3. zones
        if want_zones:
            steps.setCurrentStep(2)
            results.update(self._zones(parameters, context, feedback, minutes, bands, spec, crs))
        steps.setProgress(100)
        return results

    def _zones(self, parameters, context, feedback, minutes, bands, spec, crs):
        from ..core.zones import band_polygons

        fields = QgsFields()
        fields.append(QgsField("band", QVariant.Int))
        fields.append(QgsField("lower_min", QVariant.Double))
        fields.append(QgsField("upper_min", QVariant.Double))
        fields.append(QgsField("label", QVariant.String))
        fields.append(QgsField("area_km2", QVariant.Double))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_ZONES, context, fields,
                                          QgsWkbTypes.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_ZONES))
        labels = styling.band_labels(bands)
        for band, geom in band_polygons(minutes, bands, spec):
            if feedback.isCanceled():
                break
            f = QgsFeature(fields)
            g = QgsGeometry()
            g.fromWkb(geom.wkb)  # binary: exact coordinates, and parsed ten times faster than text
            g.convertToMultiType()
            f.setGeometry(g)
            f.setAttributes([band, 0.0 if band == 1 else float(bands[band - 2]), float(bands[band - 1]),
                             labels[band - 1], geom.area / 1e6])
            sink.addFeature(f, QgsFeatureSink.FastInsert)
        sink.flushBuffer()
        del sink  # finalise the file now (qgis_process may exit before garbage collection)
        styling.style_output(context, dest, lambda lyr: styling.style_band_polygons(lyr, bands), "Polygon",
                             self.tr("Drive-time zones"), feedback, crs, fields)
        return {self.OUTPUT_ZONES: dest}
