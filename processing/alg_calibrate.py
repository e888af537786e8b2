"""drivetime:calibrate -- Calibrate a speed surface against observed journey times."""
from dataclasses import dataclass
import datetime
import json
import math

import numpy as np
from qgis.core import (QgsFeature, QgsFeatureRequest, QgsFeatureSink, QgsField, QgsFields, QgsProcessing,
                       QgsProcessingException, QgsProcessingMultiStepFeedback, QgsProcessingOutputNumber,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterDestination, QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant

from .base import AlgorithmBase, progress_callback
from . import qgis_io, styling
from .inputs import NetworkInput, SpeedInput

MODEL_KEYS = ["fixed_factor", "fixed", "fixed_groups"]  # enum order of MODEL (default first)
FOLD_BY_KEYS = ["destination", "origin", "journey"]


@dataclass
class _Settings:
    """The run's checked parameters."""

    model: str  # one of MODEL_KEYS
    folds: int
    fold_by: str  # one of FOLD_BY_KEYS
    seed: int
    neighbours: int
    snap: float


@dataclass
class _Journeys:
    """The journeys as read (features, ends, observed minutes) and located on the grid."""

    source: object  # QgsProcessingFeatureSource
    feats: list
    xy0: np.ndarray  # origins
    xy1: np.ndarray  # destinations
    observed: np.ndarray  # minutes (NaN: none)
    a_rc: np.ndarray  # origin cells (snapped)
    b_rc: np.ndarray  # destination cells (snapped)
    on: np.ndarray  # used: both ends located and an observed time
    status: np.ndarray  # why not used (object strings)


class CalibrateAlgorithm(SpeedInput, NetworkInput, AlgorithmBase):
    NAME = "calibrate"
    REQUIRES = ("numpy", "numba", "rasterio", "scipy", "matplotlib")

    JOURNEYS = "JOURNEYS"
    MINUTES_FIELD = "MINUTES_FIELD"
    MODEL = "MODEL"
    FOLDS = "FOLDS"
    FOLD_BY = "FOLD_BY"
    SEED = "SEED"
    OUTPUT = "OUTPUT"
    OUTPUT_JOURNEYS = "OUTPUT_JOURNEYS"
    OUTPUT_REPORT = "OUTPUT_REPORT"

    def displayName(self):  # noqa: N802
        return self.tr("Calibrate against observed journeys")

    def help_map(self):
        return {
            "": self.tr(
                "Fits the speed surface to journey times you know (CAD or vehicle-tracking journeys, or published "
                "travel times) and writes a calibrated surface. The model is: journey time = fixed time + driving "
                "time over the surface (scaled by fitted speed factors). The fixed time covers what a raster cannot "
                "see: junctions, turns, parking, getting in and out. The calibrated surface carries the fixed time "
                "in its metadata, and every algorithm that reads it (drive time, matrix, scenario, standby) adds it "
                "to every journey, with no extra parameter. Errors are reported on held-out journeys "
                "(cross-validation): journeys to the same destination are held out together by default, so the "
                "figures show how well the times carry over to places the fit never saw."),
            self.SPEED: self.tr("Speed surface in km/h to calibrate (from 'Build speed surface')."),
            self.JOURNEYS: self.tr("Observed journeys as lines: the first vertex is the origin, the last the "
                                   "destination (a straight line between them is enough). Any CRS."),
            self.MINUTES_FIELD: self.tr("Numeric field with the observed journey time in minutes (positive)."),
            self.MODEL: self.tr("What is fitted. Fixed time + one speed factor (2 parameters, the default): one "
                                "scale for every road. Fixed time only (1 parameter): speeds as they are. Fixed "
                                "time + a factor per speed group (up to 5 parameters: motorways and trunk roads, "
                                "A and B roads, minor roads, service roads and off-road): slower, and only better "
                                "with many journeys of every kind."),
            self.FOLDS: self.tr("Number of cross-validation folds (2-20). Each fold is fitted on the other "
                                "journeys and predicted held out."),
            self.FOLD_BY: self.tr("What each fold holds out together: every journey to one destination (the "
                                  "default; a strict test), from one origin, or single journeys at random."),
            self.SEED: self.tr("Seed of the random assignment of folds (the same seed gives the same folds)."),
            self.SNAP_DISTANCE: self.tr("A journey end on an impassable cell is moved to the nearest passable cell "
                                        "within this many metres; ends further away are reported, not used."),
            self.OUTPUT: self.tr("Calibrated speed surface (km/h, float32 GeoTIFF) with the fixed time in its "
                                 "metadata (DRIVETIME_FIXED_MINUTES)."),
            self.OUTPUT_JOURNEYS: self.tr("Each journey with its observed time, modelled times before and after "
                                          "calibration and held out, the held-out error, its fold and its status "
                                          "(used, or why not)."),
            self.OUTPUT_REPORT: self.tr("HTML report: fitted parameters with standard errors, held-out errors "
                                        "(median |error|, mean signed error, share within ±10 %, collaboration-band "
                                        "agreement) and plots."),
            "FIXED_MINUTES": self.tr("The fitted fixed time in minutes per journey (also in OUTPUT's metadata)."),
            "SPEED_FACTOR": self.tr("The fitted driving-time multiplier (speeds are divided by it); NaN with a "
                                    "factor per speed group."),
            "N_USED": self.tr("Number of journeys used in the fit (both ends on the surface, an observed time, "
                              "reachable)."),
            "HELD_OUT_MEDIAN_ABS_PCT": self.tr("Median absolute error of the held-out predictions, in percent of the "
                                               "observed time."),
            "HELD_OUT_BAND_AGREEMENT_PCT": self.tr("Share of journeys whose held-out time falls in the same "
                                                   "collaboration band (≤30, 30–45, 45–60, over 60 min) as the "
                                                   "observed time, percent."),
            "EXAMPLE": "qgis_process run drivetime:calibrate --SPEED=speed.tif "
                       "--JOURNEYS='observed_journeys_bucks_berks.gpkg|layername=lsoa_to_hospital_minutes' "
                       "--MINUTES_FIELD=minutes --OUTPUT=speed_calibrated.tif --OUTPUT_REPORT=calibration.html",
        }

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_speed()
        self.add(QgsProcessingParameterFeatureSource(self.JOURNEYS, self.tr("Observed journeys (lines)"),
                                                     [QgsProcessing.TypeVectorLine]))
        self.add(QgsProcessingParameterField(self.MINUTES_FIELD, self.tr("Observed minutes field"), None,
                                             self.JOURNEYS, QgsProcessingParameterField.Numeric))
        self.add(QgsProcessingParameterEnum(self.MODEL, self.tr("Model"), self._model_labels(), False, 0))
        self.add(QgsProcessingParameterNumber(self.FOLDS, self.tr("Cross-validation folds"),
                                              QgsProcessingParameterNumber.Integer, 5, False, 2, 20), advanced=True)
        self.add(QgsProcessingParameterEnum(self.FOLD_BY, self.tr("Hold out together"), [
            self.tr("Journeys to one destination"), self.tr("Journeys from one origin"),
            self.tr("Single journeys")], False, 0), advanced=True)
        self.add(QgsProcessingParameterNumber(self.SEED, self.tr("Random seed"),
                                              QgsProcessingParameterNumber.Integer, 0, False, 0), advanced=True)
        self.add_neighbours()
        self.add_snap_distance(self.tr("Snap journey ends to passable cells within (m)"), maximum=10000.0)
        self.add(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Calibrated speed surface")))
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT_JOURNEYS, self.tr("Journeys with errors"),
                                                   QgsProcessing.TypeVectorLine, optional=True))
        self.add(QgsProcessingParameterFileDestination(self.OUTPUT_REPORT, self.tr("Calibration report"),
                                                       self.tr("HTML files (*.html)"), optional=True))
        for key, desc in (("FIXED_MINUTES", self.tr("Fitted fixed time (minutes)")),
                          ("SPEED_FACTOR", self.tr("Fitted speed factor (time multiplier; NaN per group)")),
                          ("N_USED", self.tr("Journeys used")),
                          ("HELD_OUT_MEDIAN_ABS_PCT", self.tr("Held-out median |error| (%)")),
                          ("HELD_OUT_BAND_AGREEMENT_PCT", self.tr("Held-out band agreement (%)"))):
            self.addOutput(QgsProcessingOutputNumber(key, desc))

    def _model_labels(self):
        return [self.tr("Fixed time + one speed factor"), self.tr("Fixed time only"),
                self.tr("Fixed time + a speed factor per speed group")]

    def _model_label(self, model):
        return self._model_labels()[MODEL_KEYS.index(model)]

    # -- reading ------------------------------------------------------------------------------------------
    def _read_journeys(self, parameters, context, feedback, crs):
        source = self.parameterAsSource(parameters, self.JOURNEYS, context)
        if source is None:
            raise QgsProcessingException(self.tr("JOURNEYS: no layer given."))
        if QgsWkbTypes.geometryType(source.wkbType()) != QgsWkbTypes.LineGeometry:
            raise QgsProcessingException(self.tr(
                "JOURNEYS: the layer holds {kind} geometries; give lines from origin (first vertex) to destination "
                "(last vertex). From a table of origin and destination points, make them with 'XY to line' or "
                "'Join by lines (hub lines)'.").format(kind=QgsWkbTypes.geometryDisplayString(
                    QgsWkbTypes.geometryType(source.wkbType()))))
        field = self.parameterAsString(parameters, self.MINUTES_FIELD, context)
        idx = source.fields().lookupField(field) if field else -1
        if idx < 0:
            raise QgsProcessingException(self.tr(
                "MINUTES_FIELD: the journeys layer has no field '{f}'. Its fields are: {fields}.").format(
                f=field, fields=", ".join(source.fields().names())))
        if not source.fields().at(idx).isNumeric():
            raise QgsProcessingException(self.tr(
                "MINUTES_FIELD: '{f}' is a {t} field; choose a numeric field holding minutes (or convert it with "
                "the field calculator: to_real(\"{f}\")).").format(f=field, t=source.fields().at(idx).typeName()))
        req = QgsFeatureRequest()
        req.setDestinationCrs(crs, context.transformContext())
        feats, xy0, xy1, minutes = [], [], [], []
        for feat in source.getFeatures(req):
            if feedback.isCanceled():
                break
            g = feat.geometry()
            if g is None or g.isNull() or g.isEmpty():
                continue
            n = g.constGet().nCoordinates()
            p0, p1 = g.vertexAt(0), g.vertexAt(n - 1)
            v = feat[idx]
            try:
                m = float(v) if v is not None and str(v) != "NULL" else math.nan
            except (TypeError, ValueError):
                m = math.nan
            if np.isfinite(m) and m <= 0:
                raise QgsProcessingException(self.tr(
                    "MINUTES_FIELD: journey {fid} has {m:g} minutes; observed times must be positive. Remove "
                    "or correct such journeys (a filter such as \"{f}\" > 0).").format(fid=feat.id(), m=m, f=field))
            feats.append(feat)
            xy0.append((p0.x(), p0.y()))
            xy1.append((p1.x(), p1.y()))
            minutes.append(m)
        if not feats:
            raise QgsProcessingException(self.tr(
                "JOURNEYS: the layer has no journeys with a geometry (is it empty, or an empty selection?)."))
        return source, feats, np.array(xy0), np.array(xy1), np.array(minutes), field

    @staticmethod
    def _cells(xy, spec, friction, snap_cells):
        from ..core.costdist import snap_to_passable

        r, c = spec.rowcol(xy[:, 0], xy[:, 1])
        inside = spec.inside(r, c)
        rr, cc = np.where(inside, r, 0), np.where(inside, c, 0)
        r2, c2, moved = snap_to_passable(friction, rr, cc, snap_cells)
        ok = inside & np.isfinite(moved)
        return np.column_stack([r2, c2]), inside, ok

    # -- running ------------------------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        from ..core import calibrate as cal
        from ..core.costdist import speed_to_friction

        steps = QgsProcessingMultiStepFeedback(3, feedback)
        layer, grid = self.read_speed(parameters, context)
        fixed_before = qgis_io.read_fixed_minutes(layer, self.SPEED)
        spec, crs, speed = grid.spec, layer.crs(), grid.array
        s = self._read_settings(parameters, context)
        journeys = self._read_journeys(parameters, context, feedback, crs)
        friction = speed_to_friction(speed)
        groups = cal.speed_groups(speed)
        j = self._locate(feedback, journeys, spec, friction, s.snap)
        keys = self._fold_keys(feedback, j, spec, s)

        # 1. fit and cross-validate
        idx = np.flatnonzero(j.on)
        res = cal.calibrate(j.observed[idx], friction, spec.cell_size, j.a_rc[idx], j.b_rc[idx], groups, s.model,
                            s.neighbours, keys[idx], s.folds, s.seed, fixed_before, progress=progress_callback(steps))
        before, after, held, fold = self._per_journey(feedback, j, idx, res)
        self._log(feedback, res, res.fit, s.model, fixed_before)

        # 2. calibrated surface
        steps.setCurrentStep(1)
        if feedback.isCanceled():
            return {}
        results = self._write_surface(parameters, context, feedback, speed, groups, spec, crs, res, s, j.source)

        # 3. journeys and report
        steps.setCurrentStep(2)
        if self.wants_output(parameters, self.OUTPUT_JOURNEYS, context):
            results.update(self._journeys(parameters, context, feedback, j.source, j.feats, crs, j.observed, before,
                                          after, held, fold, j.status))
        report = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        if report:
            self._report(report, res, res.fit, s.model, fixed_before, j.observed[idx],
                         np.hypot(*(j.xy1[idx] - j.xy0[idx]).T) / 1000.0, len(j.feats), int(res.usable.sum()))
            results[self.OUTPUT_REPORT] = report
        steps.setProgress(100)
        return results

    # -- steps --------------------------------------------------------------------------------------------
    def _read_settings(self, parameters, context):
        model = MODEL_KEYS[self.parameterAsEnum(parameters, self.MODEL, context)]
        folds = self.parameterAsInt(parameters, self.FOLDS, context)
        if not 2 <= folds <= 20:
            raise QgsProcessingException(self.tr("FOLDS must be between 2 and 20 (default 5)."))
        fold_by = FOLD_BY_KEYS[self.parameterAsEnum(parameters, self.FOLD_BY, context)]
        seed = self.parameterAsInt(parameters, self.SEED, context)
        neighbours = self.read_neighbours(parameters, context)
        snap = self.read_snap_distance(parameters, context)
        return _Settings(model, folds, fold_by, seed, neighbours, snap)

    def _locate(self, feedback, journeys, spec, friction, snap):
        """Both ends of each journey on the grid (snapped to a passable cell), its status, and which are used."""
        source, feats, xy0, xy1, observed, _field = journeys
        a_rc, a_in, a_ok = self._cells(xy0, spec, friction, snap / spec.cell_size)
        b_rc, b_in, b_ok = self._cells(xy1, spec, friction, snap / spec.cell_size)
        status = np.full(len(feats), "used", dtype=object)
        status[~np.isfinite(observed)] = "no observed time"
        status[a_in & ~a_ok] = "origin has no passable cell within SNAP_DISTANCE"
        status[b_in & ~b_ok] = "destination has no passable cell within SNAP_DISTANCE"
        status[~a_in] = "origin outside the speed surface"
        status[~b_in] = "destination outside the speed surface"
        on = a_ok & b_ok & np.isfinite(observed)
        n_off = int((~(a_ok & b_ok)).sum())
        if n_off:
            feedback.pushWarning(self.tr(
                "{n} of {t} journeys have an end outside the speed surface or far from any passable cell: they are "
                "not used (see the status field of OUTPUT_JOURNEYS). Build the surface over an extent that covers "
                "them.").format(n=n_off, t=len(feats)))
        if int(on.sum()) < 3:
            raise QgsProcessingException(self.tr(
                "JOURNEYS: only {n} journey(s) have both ends on the speed surface and an observed time; at least 3 "
                "are needed (check that the journeys and the surface cover the same area).").format(n=int(on.sum())))
        return _Journeys(source, feats, xy0, xy1, observed, a_rc, b_rc, on, status)

    def _fold_keys(self, feedback, j, spec, s):
        """The cross-validation group of each journey (FOLD_BY); logs the set-up."""
        if s.fold_by == "destination":
            keys = [f"{x:.0f},{y:.0f}" for x, y in j.xy1]
        elif s.fold_by == "origin":
            keys = [f"{x:.0f},{y:.0f}" for x, y in j.xy0]
        else:
            keys = [str(i) for i in range(len(j.feats))]
        keys = np.array(keys, dtype=object)
        n_keys = len(set(keys[j.on]))
        if n_keys < 2:
            raise QgsProcessingException(self.tr(
                "FOLD_BY: every usable journey has the same {what}, so none can be held out; choose another "
                "FOLD_BY.").format(what=s.fold_by))
        feedback.pushInfo(self.tr("{n} journeys on a {r} x {c} grid of {s:g} m cells; model: {m}; {k}-fold "
                                  "cross-validation holding out by {by} ({g} groups).").format(
            n=int(j.on.sum()), r=spec.rows, c=spec.cols, s=spec.cell_size, m=self._model_label(s.model),
            k=min(s.folds, n_keys), by=s.fold_by, g=n_keys))
        return keys

    def _per_journey(self, feedback, j, idx, res):
        """Minutes before, after, held out and the fold of every journey (NaN / -1 where not used); journeys that
        cannot be driven are marked in ``j.status``."""
        unreachable = idx[~res.usable]
        j.status[unreachable] = "unreachable on the speed surface"
        if unreachable.size:
            feedback.pushWarning(self.tr("{n} journeys cannot be driven on the surface (an end cut off by "
                                         "barriers or missing roads): not used.").format(n=unreachable.size))
        before = np.full(len(j.feats), np.nan)
        after = np.full(len(j.feats), np.nan)
        held = np.full(len(j.feats), np.nan)
        fold = np.full(len(j.feats), -1)
        before[idx], after[idx], held[idx], fold[idx] = res.before, res.after, res.held_out, res.folds
        return before, after, held, fold

    def _write_surface(self, parameters, context, feedback, speed, groups, spec, crs, res, s, source):
        """The calibrated speed raster (fixed time and calibration summary in its tags) and the number outputs."""
        from ..core import calibrate as cal
        from ..core.speeds import MAX_SPEED_KMH

        fit = res.fit
        factors = np.asarray(fit.factors, dtype=np.float64)
        lut = np.where(factors > 0, 1.0 / factors, 1.0).astype(np.float32)
        out_speed = np.where(groups >= 0, speed * lut[np.maximum(groups, 0)], speed).astype(np.float32)
        top = float(np.nanmax(out_speed, initial=0.0))
        if top > MAX_SPEED_KMH:
            feedback.pushWarning(self.tr(
                "The calibrated surface has speeds up to {v:.0f} km/h, above the {m:g} km/h the drive-time "
                "algorithms accept, so they will refuse it: the observed times are implausibly short for this "
                "surface. Check the units of MINUTES_FIELD (minutes) and the journeys' ends.").format(
                    v=top, m=MAX_SPEED_KMH))
        n_used = int(res.usable.sum())
        summary = {
            "model": s.model, "fixed_minutes": round(fit.fixed, 4),
            "time_factors": {name: round(float(f), 4) for (_, _, name), f in zip(cal.SPEED_GROUPS, factors)},
            "journeys_used": n_used, "folds": len(res.fold_fits), "fold_by": s.fold_by,
            "held_out": {k: round(v, 3) for k, v in res.metrics_held_out.items()},
            "source": source.sourceName(), "date": datetime.date.today().isoformat(),
        }
        out = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        qgis_io.write_raster(out, out_speed, spec, crs, dtype="float32",
                             tags={qgis_io.FIXED_TAG: f"{fit.fixed:.4f}",
                                   qgis_io.CALIBRATION_TAG: json.dumps(summary)})
        styling.style_output(context, out, styling.style_from_qml("speed_surface.qml"), "raster",
                             self.tr("Calibrated speed surface (km/h)"), feedback)
        return {self.OUTPUT: out, "FIXED_MINUTES": fit.fixed,
                "SPEED_FACTOR": float(factors[0]) if s.model != "fixed_groups" else math.nan,
                "N_USED": n_used,
                "HELD_OUT_MEDIAN_ABS_PCT": res.metrics_held_out.get("median_abs_pct", math.nan),
                "HELD_OUT_BAND_AGREEMENT_PCT": res.metrics_held_out.get("band_agreement_pct", math.nan)}

    def _log(self, feedback, res, fit, model, fixed_before):
        from ..core.calibrate import SPEED_GROUPS

        feedback.pushInfo(self.tr("Fitted fixed time: {f:.2f} min per journey (± {se:.2f}).").format(
            f=fit.fixed, se=fit.fixed_se))
        if model == "fixed_factor":
            feedback.pushInfo(self.tr("Fitted speed factor: driving times × {k:.3f} (speeds ÷ {k:.3f}).").format(
                k=fit.factors[0]))
        elif model == "fixed_groups":
            for g in range(len(SPEED_GROUPS)):
                feedback.pushInfo(self.tr("  {name}: driving times × {k:.3f}{note}").format(
                    name=SPEED_GROUPS[g][2], k=fit.factors[g],
                    note="" if g in fit.fitted_groups else self.tr(" (too little time there to fit: kept)")))
        mb, mh = res.metrics_before, res.metrics_held_out
        feedback.pushInfo(self.tr(
            "Before: median |error| {a:.1f} %, mean {s:+.1f} min, {w:.1f} % within ±10 %, {b:.1f} % in the same "
            "band.").format(a=mb["median_abs_pct"], s=mb["mean_signed_min"], w=mb["within_10_pct"],
                            b=mb["band_agreement_pct"]))
        if mh.get("n"):
            feedback.pushInfo(self.tr(
                "After (held out): median |error| {a:.1f} %, mean {s:+.1f} min, {w:.1f} % within ±10 %, {b:.1f} % "
                "in the same band.").format(a=mh["median_abs_pct"], s=mh["mean_signed_min"], w=mh["within_10_pct"],
                                            b=mh["band_agreement_pct"]))

    def _journeys(self, parameters, context, feedback, source, feats, crs, observed, before, after, held, fold,
                  status):
        fields = QgsFields(source.fields())
        extra = [("observed_min", QVariant.Double), ("before_min", QVariant.Double), ("after_min", QVariant.Double),
                 ("held_out_min", QVariant.Double), ("held_out_error_min", QVariant.Double),
                 ("held_out_error_pct", QVariant.Double), ("fold", QVariant.Int), ("status", QVariant.String)]
        for name, kind in extra:
            if fields.lookupField(name) >= 0:
                name = name + "_cal"
            fields.append(QgsField(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_JOURNEYS, context, fields,
                                          QgsWkbTypes.LineString if not QgsWkbTypes.isMultiType(source.wkbType())
                                          else QgsWkbTypes.MultiLineString, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_JOURNEYS))

        def num(v):
            return float(v) if np.isfinite(v) else None

        for i, feat in enumerate(feats):
            f = QgsFeature(fields)
            f.setGeometry(feat.geometry())
            err = held[i] - observed[i]
            f.setAttributes(list(feat.attributes()) + [
                num(observed[i]), num(before[i]), num(after[i]), num(held[i]), num(err),
                num(100.0 * err / observed[i]) if np.isfinite(err) else None,
                int(fold[i]) if fold[i] >= 0 else None, self.tr(status[i])])
            if not sink.addFeature(f, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(self.tr("OUTPUT_JOURNEYS: writing a journey failed: {err}").format(
                    err=sink.lastError() if hasattr(sink, "lastError") else ""))
        sink.flushBuffer()
        del sink
        styling.style_output(context, dest, styling.style_journeys, "LineString",
                             self.tr("Journeys: held-out error"), feedback, crs, fields)
        return {self.OUTPUT_JOURNEYS: dest}

    def _report(self, path, res, fit, model, fixed_before, observed, length_km, n_total, n_used):
        from ..core.calibrate import COLLABORATION_BANDS, SPEED_GROUPS
        from .calibration_report import band_table, residual_png, scatter_png, write_report

        u = res.usable
        y = observed[u]
        params = [(self.tr("fixed time (minutes per journey)"), f"{fit.fixed:.2f}", f"{fit.fixed_se:.2f}",
                   self.tr("added to every journey"))]
        if model == "fixed_factor":
            params.append((self.tr("speed factor (driving-time multiplier)"), f"{fit.factors[0]:.3f}",
                           f"{fit.factors_se[0]:.3f}", self.tr("above 1: slower than the input speeds")))
        elif model == "fixed_groups":
            for g in fit.fitted_groups:
                params.append((self.tr("time factor: {name}").format(name=SPEED_GROUPS[g][2]),
                               f"{fit.factors[g]:.3f}", f"{fit.factors_se[g]:.3f}",
                               self.tr("{p:.0f} % of the modelled driving time").format(p=100 * res.group_share[g])))
        spread = ""
        if res.fold_fits:
            fx = [f.fixed for f in res.fold_fits]
            spread = self.tr("Across the {k} folds the fixed time ranged from {a:.2f} to {b:.2f} min.").format(
                k=len(fx), a=min(fx), b=max(fx))
        sentences = [
            self.tr("{u:,} of {t:,} journeys were used; model: {m} ({p} fitted parameters).").format(
                u=n_used, t=n_total, m=self._model_label(model).lower(), p=fit.n_params),
            self.tr("Drive time = activation + fixed time ({f:.2f} min) + driving on the calibrated surface.")
            .format(f=fit.fixed),
        ]
        if spread:
            sentences.append(spread)
        if fixed_before:
            sentences.append(self.tr("The input surface already carried a fixed time of {f:.2f} min: the 'before' "
                                     "times include it, and the new fixed time replaces it.").format(f=fixed_before))
        named = [(self.tr("before"), res.metrics_before), (self.tr("after, in sample"), res.metrics_after),
                 (self.tr("after, held out"), res.metrics_held_out)]
        held = res.held_out[u] if res.metrics_held_out.get("n") else res.after[u]
        notes = [self.tr("Held out: each journey is predicted by a fit that did not see it (nor any journey in its "
                         "fold). The fit minimises relative squared error, so short and long journeys count alike."),
                 self.tr("Band agreement compares the collaboration band (≤30, 30–45, 45–60, over 60 min) of the "
                         "observed and the modelled time.")]
        bands = band_table(observed[u], held, COLLABORATION_BANDS)
        write_report(path, self.tr("Drive-time calibration"), sentences, params, named, bands,
                     scatter_png(y, res.before[u], held, COLLABORATION_BANDS),
                     residual_png(length_km[u], res.before[u], held, y), notes)
