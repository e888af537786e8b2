"""drivetime:coverage -- Coverage and equity gaps by area (PCT, district, any polygons), urbanity and group."""
import math
import os

import numpy as np
from qgis.core import (QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsProcessing, QgsProcessingException,
                       QgsProcessingMultiStepFeedback, QgsProcessingOutputNumber, QgsProcessingOutputString,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterFileDestination, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterLayer, QgsProcessingParameterString, QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant

from .base import AlgorithmBase, parse_number_list
from . import qgis_io, styling
from .population import AreaPopulationReader, add_area_feature

DEFAULT_THRESHOLDS = "8,19,30,45,60"


class CoverageAlgorithm(AreaPopulationReader, AlgorithmBase):
    NAME = "coverage"
    REQUIRES = ("numpy", "numba", "rasterio", "shapely", "scipy")

    DRIVETIME = "DRIVETIME"
    # AREAS, AREA_ID_FIELD, AREA_NAME_FIELD, POPULATION, POPULATION_FIELD, POPULATION_RASTER, URBANITY_FIELD and
    # GROUP_FIELD come from AreaPopulationReader
    THRESHOLDS = "THRESHOLDS"
    TARGET = "TARGET"
    TARGET_SHARE = "TARGET_SHARE"
    DENSITY_BREAKS = "DENSITY_BREAKS"
    WEIGHTS = "WEIGHTS"
    STUDY_AREA_NAME = "STUDY_AREA_NAME"
    OUTPUT = "OUTPUT"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    # figures (number / string outputs): a stable API for models and scripts
    PCT_WITHIN_TARGET = "PCT_WITHIN_TARGET"
    POP_WITHIN_TARGET = "POP_WITHIN_TARGET"
    POP_TOTAL = "POP_TOTAL"
    MEDIAN_MINUTES = "MEDIAN_MINUTES"
    P90_MINUTES = "P90_MINUTES"
    AREAS_MEETING_TARGET = "AREAS_MEETING_TARGET"
    AREAS_WITH_POPULATION = "AREAS_WITH_POPULATION"
    HEADLINE = "HEADLINE"

    def displayName(self):  # noqa: N802
        return self.tr("Coverage and equity by area")

    def help_map(self):
        return {
            "": self.tr(
                "Turns a drive-time raster into coverage and equity figures per area (PCTs, CCGs, districts, any "
                "polygons), per urban / semi-urban / rural class and optionally per group such as IMD decile: "
                "population and % within each threshold, population-weighted mean, median and 90th-percentile "
                "drive time, maximum, population beyond the target, the gap to the whole study area in "
                "percentage points and a rank. Population held in polygons (e.g. LSOAs) is cut by the areas and "
                "spread over the raster cells in proportion to the exact area of polygon and cell (area "
                "weighting); totals are conserved and the log says how many people fall outside the raster, "
                "outside every area or on unreachable cells. A time equal to a threshold counts as within it; "
                "unreachable (nodata) cells are never within and are counted separately."),
            self.DRIVETIME: self.tr("Drive time in minutes (from 'Drive-time raster'); nodata = unreachable. "
                                    "Projected CRS in metres."),
            self.AREAS: self.tr("Reporting areas (polygons): PCTs, CCGs, localities, districts; any CRS "
                                "(reprojected to the raster's). Overlapping areas each count the people inside "
                                "them; invalid polygons (e.g. self-intersecting) are repaired; the log names both."),
            self.AREA_ID_FIELD: self.tr("Field with a unique id per area (default: the feature id). Duplicate or "
                                        "empty ids are an error."),
            self.AREA_NAME_FIELD: self.tr("Field with the area name used in the summary and labels (default: the "
                                          "id field; with neither, a text field called name or ending in name / "
                                          "nm, such as lad11nm, if the areas have one)."),
            **self._population_help(),
            self.THRESHOLDS: self.tr("Drive-time thresholds in minutes (comma-separated); each gives fields "
                                     "pop_le_<T> and pct_le_<T> (7.5 gives pct_le_7_5)."),
            self.TARGET: self.tr("The standard being judged, in minutes (added to the thresholds if missing): "
                                 "gap_pp, rank and pop_beyond refer to it."),
            self.TARGET_SHARE: self.tr("Share of the population that should be within the target (%): an area "
                                       "meets the standard when pct_le_<TARGET> >= this (fields meets, pop_short)."),
            self.URBANITY_FIELD: self.tr("Optional field of the population layer with an urban/rural class: ONS "
                                         "RUC2011 codes (A1, B1, C1, C2 urban; D1, D2 town and fringe = "
                                         "semi-urban; E1, E2 village and dispersed = rural), their labels, or "
                                         "urban / semi-urban / rural. Empty: classify by population density."),
            self.DENSITY_BREAKS: self.tr("Two density breaks in persons per km² used when no URBANITY_FIELD is "
                                         "given: rural below the first, semi-urban up to the second, urban from "
                                         "it (default 300,1500: the EU Degree of Urbanisation thresholds). "
                                         "Polygons use their own density; points and raster cells the density "
                                         "of the surrounding 1 km²."),
            self.GROUP_FIELD: self.tr("Optional field of the population layer for another breakdown (e.g. "
                                      "imd19_decile): the table gets rows per area × class × group."),
            self.WEIGHTS: self.tr("Optional dasymetric weights on the drive-time grid (e.g. built-up or road "
                                  "surface, 0 where nobody lives): each polygon's people are spread in proportion "
                                  "to covered area × weight (plain area where a polygon covers only zero "
                                  "weight)."),
            self.STUDY_AREA_NAME: self.tr("Name of the whole study area in the summary sentences, e.g. "
                                          "Oxfordshire."),
            self.OUTPUT: self.tr("The areas with pop_total, pop_le_<T>, pct_le_<T>, pop_beyond, pct_beyond, "
                                 "pop_unreach, pop_outside (people of the area outside the raster, not counted), "
                                 "mean_min, median_min, p90_min, max_min, gap_pp, gap_best_pp, rank (1 = highest "
                                 "% within target), meets (1/0) and pop_short (people to bring within target to "
                                 "meet TARGET_SHARE). NULL where an area has no population. Styled as a "
                                 "choropleth of % within target."),
            self.OUTPUT_TABLE: self.tr("Optional table (no geometry) with the same figures per level: area, area × "
                                       "urbanity class, area × group, area × class × group, and the whole study "
                                       "area (level study, study_class, study_group...). gap_pp is against the "
                                       "whole study area; rank is among rows of the same level, class and group."),
            self.OUTPUT_SUMMARY: self.tr("Optional HTML (or .txt) file with plain-English sentences to paste, and a "
                                         "table of the areas."),
            self.PCT_WITHIN_TARGET: self.tr("Number output: % of the study area's people within TARGET minutes."),
            self.POP_WITHIN_TARGET: self.tr("Number output: people of the study area within TARGET minutes."),
            self.POP_TOTAL: self.tr("Number output: people counted (inside the areas and the raster)."),
            self.MEDIAN_MINUTES: self.tr("Number output: population-weighted median drive time of the study area "
                                         "(minutes)."),
            self.P90_MINUTES: self.tr("Number output: population-weighted 90th-percentile drive time of the study "
                                      "area (minutes)."),
            self.AREAS_MEETING_TARGET: self.tr("Number output: areas with at least TARGET_SHARE % of their people "
                                               "within TARGET minutes."),
            self.AREAS_WITH_POPULATION: self.tr("Number output: areas with people in them (those judged)."),
            self.HEADLINE: self.tr("String output: the headline sentence, e.g. '29.8 % within 8 min; median 9.6 "
                                   "min, 90th percentile 17.2 min'."),
            "EXAMPLE": "qgis_process run drivetime:coverage --DRIVETIME=drivetime.tif "
                       "--AREAS='oxfordshire_demo.gpkg|layername=lad11_oxfordshire' --AREA_ID_FIELD=lad11nm "
                       "--POPULATION='oxfordshire_demo.gpkg|layername=lsoa11_oxfordshire' "
                       "--POPULATION_FIELD=pop_mid2018 --URBANITY_FIELD=ruc11cd --GROUP_FIELD=imd19_decile "
                       "--OUTPUT=coverage.gpkg --OUTPUT_TABLE=coverage_table.gpkg --OUTPUT_SUMMARY=coverage.html",
        }

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add(QgsProcessingParameterRasterLayer(self.DRIVETIME, self.tr("Drive time (minutes)")))
        self.add(QgsProcessingParameterFeatureSource(self.AREAS, self.tr("Areas"), [QgsProcessing.TypeVectorPolygon]))
        self.add(QgsProcessingParameterField(self.AREA_ID_FIELD, self.tr("Area id field"), None, self.AREAS,
                                             QgsProcessingParameterField.Any, False, True))
        self.add(QgsProcessingParameterField(self.AREA_NAME_FIELD, self.tr("Area name field"), None, self.AREAS,
                                             QgsProcessingParameterField.Any, False, True), advanced=True)
        for param in self._population_parameters():  # POPULATION, POPULATION_FIELD, POPULATION_RASTER
            self.add(param)
        self.add(QgsProcessingParameterString(self.THRESHOLDS, self.tr("Thresholds (minutes)"), DEFAULT_THRESHOLDS))
        self.add(QgsProcessingParameterNumber(self.TARGET, self.tr("Target (minutes)"),
                                              QgsProcessingParameterNumber.Double, 8.0, False, 0.0))
        self.add(QgsProcessingParameterNumber(self.TARGET_SHARE, self.tr("Target share of population (%)"),
                                              QgsProcessingParameterNumber.Double, 75.0, False, 0.0, 100.0))
        self.add(QgsProcessingParameterField(self.URBANITY_FIELD, self.tr("Urban/rural class field"), None,
                                             self.POPULATION, QgsProcessingParameterField.Any, False, True))
        self.add(QgsProcessingParameterString(self.DENSITY_BREAKS,
                                              self.tr("Density breaks for urbanity (persons/km²)"), "300,1500"),
                 advanced=True)
        self.add(QgsProcessingParameterField(self.GROUP_FIELD, self.tr("Group field (e.g. IMD decile)"), None,
                                             self.POPULATION, QgsProcessingParameterField.Any, False, True))
        self.add(QgsProcessingParameterRasterLayer(self.WEIGHTS, self.tr("Dasymetric weights (optional raster)"),
                                                   None, True), advanced=True)
        self.add(QgsProcessingParameterString(self.STUDY_AREA_NAME, self.tr("Study area name"),
                                              self.tr("the study area"), False, True), advanced=True)
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Coverage by area"),
                                                   QgsProcessing.TypeVectorPolygon))
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT_TABLE, self.tr("Coverage table"),
                                                   QgsProcessing.TypeVector, optional=True))
        self.add(QgsProcessingParameterFileDestination(self.OUTPUT_SUMMARY, self.tr("Summary"),
                                                       self.tr("HTML files (*.html);;Text files (*.txt)"), None,
                                                       True, False))
        for key, desc in ((self.PCT_WITHIN_TARGET, self.tr("% within target")),
                          (self.POP_WITHIN_TARGET, self.tr("People within target")),
                          (self.POP_TOTAL, self.tr("People counted")),
                          (self.MEDIAN_MINUTES, self.tr("Median drive time (minutes)")),
                          (self.P90_MINUTES, self.tr("90th-percentile drive time (minutes)")),
                          (self.AREAS_MEETING_TARGET, self.tr("Areas meeting the target")),
                          (self.AREAS_WITH_POPULATION, self.tr("Areas with population"))):
            self.addOutput(QgsProcessingOutputNumber(key, desc))
        self.addOutput(QgsProcessingOutputString(self.HEADLINE, self.tr("Headline")))

    # ------------------------------------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        from ..core import coverage as cv

        steps = QgsProcessingMultiStepFeedback(5, feedback)
        # drive time
        dt_layer = self.parameterAsRasterLayer(parameters, self.DRIVETIME, context)
        grid = qgis_io.read_raster(dt_layer, self.DRIVETIME)
        spec, crs = grid.spec, dt_layer.crs()
        minutes = grid.array
        if np.nanmin(minutes, initial=np.inf) < 0:
            raise QgsProcessingException(self.tr(
                "DRIVETIME: the raster has negative values; it must hold minutes (nodata = unreachable)."))
        thresholds = parse_number_list(self.parameterAsString(parameters, self.THRESHOLDS, context),
                                       self.THRESHOLDS, minimum=0)
        target = self.parameterAsDouble(parameters, self.TARGET, context)
        if not target > 0:
            raise QgsProcessingException(self.tr("TARGET must be a positive number of minutes, e.g. 8."))
        share = self.parameterAsDouble(parameters, self.TARGET_SHARE, context)
        study_name = (self.parameterAsString(parameters, self.STUDY_AREA_NAME, context) or "").strip() \
            or self.tr("the study area")
        try:
            breaks = cv.check_density_breaks(parse_number_list(
                self.parameterAsString(parameters, self.DENSITY_BREAKS, context) or "300,1500",
                self.DENSITY_BREAKS, minimum=-1))
        except cv.CoverageError as e:
            raise QgsProcessingException(f"{self.DENSITY_BREAKS}: {e}.") from None

        # 1. areas
        areas = self._read_areas(parameters, context, feedback, crs, spec)
        steps.setCurrentStep(1)
        if feedback.isCanceled():
            return {}

        # 2-3. population -> cells
        cells, group_name = self._spread(parameters, context, steps, spec, crs, areas, breaks)
        if feedback.isCanceled():
            return {}
        if cells.total <= 0:
            raise QgsProcessingException(self.tr(
                "POPULATION / POPULATION_RASTER: no population falls inside both the areas and the drive-time "
                "raster (input total "
                "{tot}). Check that the population layer covers the areas and that the population field is the "
                "right one.").format(tot=cv.fmt_people(cells.input_total)))

        # 4. aggregate
        steps.setCurrentStep(3)
        try:
            cov = cv.aggregate(cells, minutes, thresholds, target)
        except cv.CoverageError as e:
            raise QgsProcessingException(f"{self.THRESHOLDS}: {e}.") from None
        self._log(cov, cells, areas, study_name, feedback)

        # 5. outputs
        steps.setCurrentStep(4)
        results = {}
        results.update(self._write_areas(parameters, context, feedback, cov, areas, share))
        if self.wants_output(parameters, self.OUTPUT_TABLE, context):
            results.update(self._write_table(parameters, context, feedback, cov, areas, share))
        results.update(self._figures(cov, share))
        steps.setProgress(60)
        if feedback.isCanceled():  # the output guard removes what was staged and says "Cancelled"
            return {}
        summary = self.parameterAsFileOutput(parameters, self.OUTPUT_SUMMARY, context) \
            if self.wants_output(parameters, self.OUTPUT_SUMMARY, context) else None
        if summary:
            results[self.OUTPUT_SUMMARY] = self._write_summary(summary, cov, areas, study_name, share, group_name,
                                                               minutes, feedback)
        steps.setProgress(100)
        return results

    def _figures(self, cov, share):
        """The headline figures as number / string outputs (NaN where undefined, e.g. no population)."""
        from ..core import coverage as cv

        st = cov.study
        ti = cov.target_index
        ar = cov.level("area")
        _need, meets = cv.target_shortfall(ar["pop_total"], ar["pop_le"][:, ti], share)
        pct = float(st["pct_le"][ti])
        return {
            self.PCT_WITHIN_TARGET: pct,
            self.POP_WITHIN_TARGET: float(st["pop_le"][ti]),
            self.POP_TOTAL: float(st["pop_total"]),
            self.MEDIAN_MINUTES: float(st["median_min"]),
            self.P90_MINUTES: float(st["p90_min"]),
            self.AREAS_MEETING_TARGET: int(np.sum(meets == 1)),
            self.AREAS_WITH_POPULATION: int(np.sum(meets >= 0)),
            self.HEADLINE: self.tr("{p} within {T} min; median {m} min, 90th percentile {p90} min").format(
                p=cv.fmt_pct(pct), T=cv.fmt_t(cov.target), m=cv.fmt_min(st["median_min"]),
                p90=cv.fmt_min(st["p90_min"])),
        }

    def _log(self, cov, cells, areas, study_name, feedback):
        from ..core import coverage as cv

        st = cov.study
        T = cv.fmt_t(cov.target)
        feedback.pushInfo(self.tr(
            "Population: {inp} in the input; {tot} inside the areas and the raster (used); {orr} of the areas "
            "outside the raster; {oa} outside every area; {un} on unreachable cells.").format(
            inp=cv.fmt_people(cells.input_total), tot=cv.fmt_people(st["pop_total"]),
            orr=cv.fmt_people(float(np.sum(cells.outside_raster))), oa=cv.fmt_people(cells.outside_areas),
            un=cv.fmt_people(st["pop_unreach"])))
        feedback.pushInfo(self.tr("Across {study}: {p} within {T} min; median {m} min, 90th percentile {p90} min.")
                          .format(study=study_name, p=cv.fmt_pct(st["pct_le"][cov.target_index]), T=T,
                                  m=cv.fmt_min(st["median_min"]), p90=cv.fmt_min(st["p90_min"])))
        ar = cov.level("area")
        for i in range(len(ar["pop_total"])):
            feedback.pushInfo("  {name}: {pop} people, {p} within {T} min, gap {g} pp, rank {r}".format(
                name=areas["names"][int(ar["area"][i])], pop=cv.fmt_people(ar["pop_total"][i]),
                p=cv.fmt_pct(ar["pct_le"][i, cov.target_index]), T=T,
                g=f"{ar['gap_pp'][i]:+.1f}" if np.isfinite(ar["gap_pp"][i]) else "–",
                r=int(ar["rank"][i]) if ar["rank"][i] > 0 else "–"))
        total_sum = ar["pop_total"].sum() + float(np.sum(cells.outside_raster)) + cells.outside_areas
        if total_sum > cells.input_total * (1 + 1e-6) + 1e-6:
            feedback.pushWarning(self.tr(
                "The areas overlap: {x} people are counted in more than one area (and in the study-area row "
                "more than once).").format(x=cv.fmt_people(total_sum - cells.input_total)))

    # -- writing -------------------------------------------------------------------------------------------
    def _stat_fields(self, cov, table=False):
        from ..core import coverage as cv

        fields = QgsFields()
        fields.append(QgsField("pop_total", QVariant.Double))
        for t in cov.thresholds:
            fields.append(QgsField(f"pop_le_{cv.threshold_suffix(t)}", QVariant.Double))
        for t in cov.thresholds:
            fields.append(QgsField(f"pct_le_{cv.threshold_suffix(t)}", QVariant.Double))
        for name in ("pop_beyond", "pct_beyond", "pop_unreach"):
            fields.append(QgsField(name, QVariant.Double))
        if not table:
            fields.append(QgsField("pop_outside", QVariant.Double))
        for name in ("mean_min", "median_min", "p90_min", "max_min", "gap_pp", "gap_best_pp"):
            fields.append(QgsField(name, QVariant.Double))
        fields.append(QgsField("rank", QVariant.Int))
        fields.append(QgsField("meets", QVariant.Int))
        fields.append(QgsField("pop_short", QVariant.Double))
        return fields

    @staticmethod
    def _stat_values(r, i, share, outside=None):
        def num(v):
            v = float(v)
            return v if math.isfinite(v) else None

        has = r["pop_total"][i] > 0
        ti_vals = [num(v) for v in r["pop_le"][i]]
        vals = [num(r["pop_total"][i])] + (ti_vals if has else [None] * len(ti_vals))
        vals += [num(v) for v in r["pct_le"][i]]
        vals += [num(r["pop_beyond"][i]) if has else None, num(r["pct_beyond"][i]),
                 num(r["pop_unreach"][i]) if has else None]
        if outside is not None:
            vals.append(num(outside))
        vals += [num(r[k][i]) for k in ("mean_min", "median_min", "p90_min", "max_min", "gap_pp", "gap_best_pp")]
        vals.append(int(r["rank"][i]) if r["rank"][i] > 0 else None)
        return vals, has

    def _write_areas(self, parameters, context, feedback, cov, areas, share):
        from ..core import coverage as cv

        fields = QgsFields()
        idf = QgsField(areas["id_field"])
        idf.setName("area_id")
        fields.append(idf)
        fields.append(QgsField("area_name", QVariant.String))
        for f in self._stat_fields(cov):
            fields.append(f)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiPolygon,
                                          areas["crs"])
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        ar = cov.level("area")
        ti = cov.target_index
        need, meets = cv.target_shortfall(ar["pop_total"], ar["pop_le"][:, ti], share)
        for i in range(len(areas["ids"])):
            if feedback.isCanceled():
                break
            vals, has = self._stat_values(ar, i, share, cov.cells.outside_raster[i])
            vals += [int(meets[i]) if has else None, float(need[i]) if has else None]
            add_area_feature(sink, fields, areas, i, vals)
        sink.flushBuffer()
        del sink
        pct_field = f"pct_le_{cv.threshold_suffix(cov.target)}"
        apply = lambda lyr: styling.style_coverage_areas(lyr, pct_field, share, cv.fmt_t(cov.target))  # noqa: E731
        styling.style_output(context, dest, apply, "MultiPolygon", self.tr("Coverage within {T} min").format(
            T=cv.fmt_t(cov.target)), feedback, areas["crs"], fields)
        return {self.OUTPUT: dest}

    def _write_table(self, parameters, context, feedback, cov, areas, share):
        from ..core import coverage as cv

        fields = QgsFields()
        fields.append(QgsField("level", QVariant.String))
        idf = QgsField(areas["id_field"])
        idf.setName("area_id")
        fields.append(idf)
        fields.append(QgsField("area_name", QVariant.String))
        fields.append(QgsField("urbanity", QVariant.String))
        fields.append(QgsField("group_val", QVariant.String))
        for f in self._stat_fields(cov, table=True):
            fields.append(f)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_TABLE, context, fields, QgsWkbTypes.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_TABLE))
        ti = cov.target_index
        labels = cov.cells.group_labels
        all_ = self.tr("all")
        order = ["study", "study_class", "study_group", "study_class_group",
                 "area", "area_class", "area_group", "area_class_group"]
        for lv in order:
            if lv not in cov.rows:
                continue
            r = cov.rows[lv]
            need, meets = cv.target_shortfall(r["pop_total"], r["pop_le"][:, ti], share)
            for i in range(len(r["pop_total"])):
                a, c, g = int(r["area"][i]), int(r["cls"][i]), int(r["group"][i])
                vals, has = self._stat_values(r, i, share)
                vals += [int(meets[i]) if has else None, float(need[i]) if has else None]
                f = QgsFeature(fields)
                f.setAttributes([lv, areas["ids"][a] if a >= 0 else None,
                                 areas["names"][a] if a >= 0 else None,
                                 self.tr(cv.CLASS_LABELS[c]) if c >= 0 else all_,
                                 (labels[g] if g < len(labels) else str(g)) if g >= 0 else all_] + vals)
                sink.addFeature(f, QgsFeatureSink.FastInsert)
        sink.flushBuffer()
        del sink
        styling.style_output(context, dest, lambda lyr: styling.style_coverage_table(lyr, cov.thresholds), "None",
                             self.tr("Coverage table"), feedback, fields=fields)
        return {self.OUTPUT_TABLE: dest}

    def _write_summary(self, path, cov, areas, study_name, share, group_name, minutes=None, feedback=None):
        from ..core import coverage as cv

        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        attribution = self.tr("Figures from the drive-time raster and the population layer given; population "
                              "spread by area weighting.")
        figures = ()
        if minutes is not None and not path.lower().endswith(".txt"):
            try:
                from .report_charts import coverage_charts

                figures = coverage_charts(cov, areas["names"], share, minutes)
            except Exception as e:  # a chart must never lose the report
                if feedback is not None:
                    feedback.pushWarning(self.tr("Could not draw the report's charts: {err}").format(err=e))
        page, sentences = cv.summary_html(cov, areas["names"], study_name, share, group_name,
                                          tr=self.tr, attribution=attribution, figures=figures)
        with open(path, "w", encoding="utf-8") as fh:
            if path.lower().endswith(".txt"):
                fh.write("\n\n".join(sentences) + "\n")
            else:
                fh.write(page)
        return path
