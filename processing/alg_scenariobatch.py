"""drivetime:scenariobatch -- Many scenarios in one run: one coverage row per scenario x area (Dask-ready)."""
import time

import numpy as np
from qgis.core import (QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsProcessing, QgsProcessingException,
                       QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingMultiStepFeedback,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterField)
from qgis.PyQt.QtCore import QVariant

from .base import AlgorithmBase, progress_callback
from .dask_settings import dask_runner
from .inputs import ActivationInput, BreaksInput, NetworkInput, SitesInput, SpeedInput
from .alg_scenario import ScenarioAreasInput
from .population import AreaPopulationReader



class ScenarioBatchAlgorithm(ScenarioAreasInput, SpeedInput, SitesInput, ActivationInput, NetworkInput, BreaksInput,
                             AreaPopulationReader, AlgorithmBase):
    NAME = "scenariobatch"
    # a scripting / national tool: in the toolbox (step 6, beside Compare site scenarios), not on the toolbar
    IN_TOOLBAR = False
    REQUIRES = ("numpy", "numba", "rasterio", "shapely", "scipy")

    SCENARIO_FIELD = "SCENARIO_FIELD"
    THRESHOLDS = "THRESHOLDS"
    TARGET = "TARGET"
    OUTPUT = "OUTPUT"
    # figures (number / string outputs, whole study area): a stable API for models and scripts
    FIGURES = ("SCENARIO_COUNT", "BEST_SCENARIO", "BEST_PCT_WITHIN_TARGET", "WORST_SCENARIO",
               "WORST_PCT_WITHIN_TARGET")

    def displayName(self):  # noqa: N802
        return self.tr("Scenario batch")

    def icon_path(self):
        from ..plugin.utils import resources_path
        return resources_path("icons", "alg_scenario.svg")  # the scenario step's picture

    def help_map(self):
        return {
            "": self.tr(
                "Runs many site scenarios in one go (sites closing, opening, moving): one sites layer whose "
                "SCENARIO_FIELD names the scenario each site belongs to, and one table row per scenario and area "
                "(and one per scenario for the whole study area) with the people within each threshold, the % "
                "within them and the median and 90th percentile drive time. Each scenario is one drive-time run; "
                "with a Dask scheduler set (DRIVETIME_DASK, or Settings > Options > Processing > Drive-Time "
                "Equity) the scenarios run as tasks on the cluster, with the same results."),
            self.SITES: self.tr("Sites of every scenario (points). A site open in several scenarios appears once "
                                "per scenario, each time with that scenario's name in SCENARIO_FIELD."),
            self.SCENARIO_FIELD: self.tr("Field of SITES naming the scenario of each site (text or number); sites "
                                         "with an empty value are left out."),
            self.AREAS: self.tr("Reporting areas (polygons: districts, PCTs, localities)."),
            self.AREA_ID_FIELD: self.tr("Field naming the areas (default: the feature id)."),
            **self._population_help(),
            self.THRESHOLDS: self.tr("Drive-time thresholds in minutes (a time equal to a threshold is within it)."),
            self.TARGET: self.tr("The threshold reported as pct_target (added to THRESHOLDS if absent)."),
            self.OUTPUT: self.tr("Table: scenario, n_sites, area_id ('all' = the whole study area), pop_total, "
                                 "pop_unreach, per threshold T pop_le_T and pct_le_T, pct_target, mean_min, "
                                 "median_min, p90_min, max_min."),
            "SCENARIO_COUNT": self.tr("Number output: the number of scenarios run."),
            "BEST_SCENARIO": self.tr("String output: the scenario with the highest % of the study area's people "
                                     "within TARGET (the first one on a tie)."),
            "BEST_PCT_WITHIN_TARGET": self.tr("Number output: that scenario's % within TARGET."),
            "WORST_SCENARIO": self.tr("String output: the scenario with the lowest % within TARGET."),
            "WORST_PCT_WITHIN_TARGET": self.tr("Number output: that scenario's % within TARGET."),
            "EXAMPLE": "DRIVETIME_DASK=local:4 qgis_process run drivetime:scenariobatch --SPEED=speed.tif "
                       "--SITES=scenarios.gpkg --SCENARIO_FIELD=scenario "
                       "--AREAS=oxfordshire_demo.gpkg|layername=lad11_oxfordshire "
                       "--POPULATION=oxfordshire_demo.gpkg|layername=lsoa11_oxfordshire --POPULATION_FIELD=pop_mid2018 "
                       "--THRESHOLDS=8,19,30 --TARGET=19 --OUTPUT=batch.csv",
        }

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_speed()
        self.add_sites()
        self.add(QgsProcessingParameterField(self.SCENARIO_FIELD, self.tr("Scenario field"), None, self.SITES))
        self.add_activation()
        self.add_areas_and_thresholds()
        self.add_neighbours()
        self.add_snap_distance()
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Scenario batch table"),
                                                   QgsProcessing.TypeVector))
        self.addOutput(QgsProcessingOutputNumber("SCENARIO_COUNT", self.tr("Scenarios run")))
        self.addOutput(QgsProcessingOutputString("BEST_SCENARIO", self.tr("Best scenario")))
        self.addOutput(QgsProcessingOutputNumber("BEST_PCT_WITHIN_TARGET", self.tr("Best % within target")))
        self.addOutput(QgsProcessingOutputString("WORST_SCENARIO", self.tr("Worst scenario")))
        self.addOutput(QgsProcessingOutputNumber("WORST_PCT_WITHIN_TARGET", self.tr("Worst % within target")))

    def process(self, parameters, context, feedback):
        from ..core import coverage as cv
        from ..core import scenariobatch as sbatch

        t_start = time.perf_counter()
        steps = QgsProcessingMultiStepFeedback(3, feedback)
        layer, spec, friction = self.read_friction(parameters, context, rasters=3)
        crs = layer.crs()
        start, neighbours, snap, thresholds, target = self.read_run_settings(parameters, context, layer, feedback)
        field = self.parameterAsString(parameters, self.SCENARIO_FIELD, context)
        source = self.parameterAsSource(parameters, self.SITES, context)
        if source is not None and source.fields().lookupField(field) < 0:
            raise QgsProcessingException(self.tr("SCENARIO_FIELD: SITES has no field '{f}'.").format(f=field))
        sites = self.read_sites(parameters, self.SITES, context, spec, crs, friction, snap, feedback, (field,))
        labels = [None if v is None or (hasattr(v, "isNull") and v.isNull()) else v
                  for v in sites["attrs"][field]]
        names, members = sbatch.group_scenarios(labels)
        if not names:
            raise QgsProcessingException(self.tr(
                "SCENARIO_FIELD: no site has a scenario name in '{f}'; fill it in (one scenario name per site)."
            ).format(f=field))
        feedback.pushInfo(self.tr("{n} scenarios from {s} sites.").format(n=len(names), s=len(labels)))

        areas_in = self._read_areas(parameters, context, feedback, crs, spec)
        area_names = [str(v) for v in areas_in["ids"]]
        steps.setCurrentStep(1)
        cells, _group = self._spread(parameters, context, QgsProcessingMultiStepFeedback(3, steps), spec, crs,
                                     areas_in, cv.DEFAULT_DENSITY_BREAKS)
        if cells is None:
            return {}
        if cells.total <= 0:
            raise QgsProcessingException(self.tr(
                "POPULATION / POPULATION_RASTER: no population falls inside the areas and the speed raster; check "
                "the layers overlap."))

        steps.setCurrentStep(2)
        src = np.column_stack([sites["rows"], sites["cols"]])
        t0 = time.perf_counter()
        try:
            with dask_runner(feedback) as runner:
                rows = sbatch.run_batch(friction, spec.cell_size, src, labels, cells, thresholds, target,
                                        neighbours=neighbours, offset=start, runner=runner,
                                        progress=progress_callback(steps))
        except cv.CoverageError as e:
            raise QgsProcessingException(f"{self.THRESHOLDS}: {e}") from e
        feedback.pushInfo(self.tr("{n} scenarios run in {t:.1f} s.").format(n=len(rows), t=time.perf_counter() - t0))
        results = self._write(parameters, context, rows, members, area_names)
        pct = [float(r["pct_le"][-1, r["target_index"]]) for _n, r in rows]  # the study-area row is last
        best, worst = int(np.nanargmax(pct)), int(np.nanargmin(pct))
        results.update({"SCENARIO_COUNT": len(rows), "BEST_SCENARIO": rows[best][0], "BEST_PCT_WITHIN_TARGET":
                        pct[best], "WORST_SCENARIO": rows[worst][0], "WORST_PCT_WITHIN_TARGET": pct[worst]})
        feedback.pushInfo(self.tr("Done in {t:.1f} s.").format(t=time.perf_counter() - t_start))
        return results

    def _write(self, parameters, context, rows, members, area_names):
        from ..core.coverage import threshold_suffix

        th = rows[0][1]["thresholds"]
        suffixes = [threshold_suffix(t) for t in th]
        fields = QgsFields()
        fields.append(QgsField("scenario", QVariant.String))
        fields.append(QgsField("n_sites", QVariant.Int))
        fields.append(QgsField("area_id", QVariant.String))
        for name in ("pop_total", "pop_unreach"):
            fields.append(QgsField(name, QVariant.Double))
        for s in suffixes:
            fields.append(QgsField(f"pop_le_{s}", QVariant.Double))
            fields.append(QgsField(f"pct_le_{s}", QVariant.Double))
        for name in ("pct_target", "mean_min", "median_min", "p90_min", "max_min"):
            fields.append(QgsField(name, QVariant.Double))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))

        def num(v):
            v = float(v)
            return v if np.isfinite(v) else None

        for (name, r), m in zip(rows, members):
            ti = r["target_index"]
            for i in range(len(r["area"])):
                a = int(r["area"][i])
                vals = [name, int(len(m)), area_names[a] if a >= 0 else self.tr("all"),
                        num(r["pop_total"][i]), num(r["pop_unreach"][i])]
                for k in range(len(suffixes)):
                    vals += [num(r["pop_le"][i, k]), num(r["pct_le"][i, k])]
                vals += [num(r["pct_le"][i, ti]), num(r["mean_min"][i]), num(r["median_min"][i]),
                         num(r["p90_min"][i]), num(r["max_min"][i])]
                f = QgsFeature(fields)
                f.setAttributes(vals)
                sink.addFeature(f, QgsFeatureSink.FastInsert)
        sink.flushBuffer()
        del sink
        return {self.OUTPUT: dest}
