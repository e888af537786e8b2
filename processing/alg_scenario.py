"""drivetime:scenario -- Compare two site configurations (service-change scenario)."""
import html
import time

import numpy as np
from qgis.core import (QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsGeometry, QgsProcessing,
                       QgsProcessingException, QgsProcessingMultiStepFeedback, QgsProcessingOutputNumber,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterFileDestination, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterDestination, QgsProcessingParameterString, QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant

from .base import AlgorithmBase, fmt_num, progress_callback
from . import qgis_io, styling
from .inputs import ActivationInput, BreaksInput, NetworkInput, SitesInput, SpeedInput
from .population import AreaPopulationReader

NODATA = -9999.0
DEFAULT_THRESHOLDS = "8,19,30,45,60"
TRUE_WORDS = {"1", "true", "t", "yes", "y", "open", "opened", "on", "keep", "kept"}
FALSE_WORDS = {"0", "false", "f", "no", "n", "closed", "close", "off", "shut", ""}
NAME_FIELDS = ("site_name", "name", "NAME", "Name", "site", "label")


def truthy(value):
    """True / False for a SCENARIO_FIELD value; None for NULL or an unreadable value."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        if value != value:  # NaN
            return None
        return value != 0
    text = str(value).strip().lower()
    if text in ("null", "none", "nan"):
        return None
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    return None


class ScenarioAreasInput:
    """AREAS, AREA_ID_FIELD, the population parameters, THRESHOLDS and TARGET: what a scenario is scored on
    (drivetime:scenario and drivetime:scenariobatch)."""

    def add_areas_and_thresholds(self):
        self.add(QgsProcessingParameterFeatureSource(self.AREAS, self.tr("Areas"), [QgsProcessing.TypeVectorPolygon]))
        self.add(QgsProcessingParameterField(self.AREA_ID_FIELD, self.tr("Area name field"), None, self.AREAS,
                                             optional=True))
        for param in self._population_parameters():  # POPULATION, POPULATION_FIELD, POPULATION_RASTER
            self.add(param)
        self.add(QgsProcessingParameterString(self.THRESHOLDS, self.tr("Thresholds (minutes)"), DEFAULT_THRESHOLDS))
        self.add(QgsProcessingParameterNumber(self.TARGET, self.tr("Target (minutes)"),
                                              QgsProcessingParameterNumber.Double, 8.0, False, 0.0))

    def read_run_settings(self, parameters, context, layer, feedback):
        """(start, neighbours, snap distance, thresholds, target): how both scenario algorithms run and score."""
        start = self.read_start(parameters, context, layer, feedback)
        neighbours = self.read_neighbours(parameters, context)
        snap = self.read_snap_distance(parameters, context)
        thresholds = self.read_breaks(parameters, self.THRESHOLDS, context, DEFAULT_THRESHOLDS)
        target = self.parameterAsDouble(parameters, self.TARGET, context)
        if not target > 0:
            raise QgsProcessingException(self.tr("TARGET must be a positive number of minutes."))
        return start, neighbours, snap, thresholds, target


class ScenarioAlgorithm(ScenarioAreasInput, SpeedInput, SitesInput, ActivationInput, NetworkInput, BreaksInput,
                        AreaPopulationReader, AlgorithmBase):
    NAME = "scenario"
    REQUIRES = ("numpy", "numba", "rasterio", "shapely", "scipy")

    BASELINE_SITES = "BASELINE_SITES"
    SCENARIO_SITES = "SCENARIO_SITES"
    SCENARIO_FIELD = "SCENARIO_FIELD"
    AREAS = "AREAS"
    AREA_ID_FIELD = "AREA_ID_FIELD"
    POPULATION = "POPULATION"
    POPULATION_FIELD = "POPULATION_FIELD"
    POPULATION_RASTER = "POPULATION_RASTER"
    THRESHOLDS = "THRESHOLDS"
    TARGET = "TARGET"
    URBANITY_FIELD = "URBANITY_FIELD"
    GROUP_FIELD = "GROUP_FIELD"
    OUTPUT_DELTA = "OUTPUT_DELTA"
    OUTPUT = "OUTPUT"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    # figures (number outputs, whole study area): a stable API for models and scripts
    FIGURES = ("POP_TOTAL", "POP_LONGER", "POP_SHORTER", "POP_CUT_OFF", "BASE_PCT_WITHIN_TARGET",
               "SCEN_PCT_WITHIN_TARGET", "LOST_WITHIN_TARGET", "GAINED_WITHIN_TARGET", "MAX_INCREASE_MINUTES")

    def displayName(self):  # noqa: N802
        return self.tr("Compare site scenarios")

    def help_map(self):
        return {
            "": self.tr(
                "Compares drive times to two configurations of sites (e.g. today's A&E departments and a scenario "
                "in which one closes or a new one opens): a raster of the change in minutes, the coverage of every "
                "area in the baseline and the scenario (the 'Coverage and equity by area' figures), the people who "
                "cross each threshold in each direction, the same by urbanity class and group (the equality "
                "impact table), and plain-English sentences for the consultation document."),
            self.BASELINE_SITES: self.tr("Sites open today (points). With SCENARIO_FIELD, also the scenario's sites."),
            self.SCENARIO_SITES: self.tr("Sites open in the scenario (points). Leave empty and give SCENARIO_FIELD "
                                         "to use one layer."),
            self.SCENARIO_FIELD: self.tr("Field of BASELINE_SITES saying whether a site is open in the scenario: "
                                         "1/true/yes/open = open; 0/false/no/closed = closed. NULL counts as closed "
                                         "(with a warning)."),
            self.AREAS: self.tr("Reporting areas (polygons: districts, PCTs, localities). Overlapping areas each "
                                "count the people inside them; invalid polygons (e.g. self-intersecting) are "
                                "repaired; the log names both."),
            self.AREA_ID_FIELD: self.tr("Field naming the areas (default: the feature id, and the summary names "
                                        "the areas by a text field called name or ending in name / nm, such as "
                                        "lad11nm, if they have one)."),
            **self._population_help(),
            self.THRESHOLDS: self.tr("Drive-time thresholds in minutes (a time equal to a threshold is within it)."),
            self.TARGET: self.tr("The threshold the summary and the map focus on (added to THRESHOLDS if absent)."),
            self.URBANITY_FIELD: self.tr("Optional field of the POPULATION layer with an urban/rural class (e.g. ONS "
                                         "RUC2011 ruc11cd); otherwise by population density."),
            self.GROUP_FIELD: self.tr("Optional field of the POPULATION layer for another breakdown (e.g. IMD "
                                      "decile)."),
            self.OUTPUT_DELTA: self.tr("Scenario minus baseline drive time in minutes (positive = longer journeys), "
                                       "float32 GeoTIFF; nodata where either is unreachable. Diverging style "
                                       "centred on 0."),
            self.OUTPUT: self.tr("Areas with pop_total and, per threshold T, base_pct_le_T / scen_pct_le_T (% within "
                                 "T), lost_le_T (people within T today but not in the scenario) and gained_le_T; "
                                 "base_/scen_ mean_min, median_min, p90_min; d_pct (change of % within TARGET, "
                                 "percentage points), d_mean_min, d_p90_min."),
            self.OUTPUT_TABLE: self.tr("The same figures by area x urbanity class, area x group and for the whole "
                                       "study area (level, area_id, urbanity, grp fields)."),
            self.OUTPUT_SUMMARY: self.tr("Optional HTML page of plain-English sentences and a table by area."),
            "POP_TOTAL": self.tr("Number output: people counted (inside the areas and the raster)."),
            "POP_LONGER": self.tr("Number output: people whose drive to the nearest site gets longer (by more than "
                                  "0.05 min)."),
            "POP_SHORTER": self.tr("Number output: people whose drive gets shorter (by more than 0.05 min)."),
            "POP_CUT_OFF": self.tr("Number output: people reachable today but not in the scenario."),
            "BASE_PCT_WITHIN_TARGET": self.tr("Number output: % of the people within TARGET minutes today."),
            "SCEN_PCT_WITHIN_TARGET": self.tr("Number output: % of the people within TARGET minutes in the "
                                              "scenario."),
            "LOST_WITHIN_TARGET": self.tr("Number output: people within TARGET today but not in the scenario."),
            "GAINED_WITHIN_TARGET": self.tr("Number output: people within TARGET in the scenario but not today."),
            "MAX_INCREASE_MINUTES": self.tr("Number output: the largest increase in drive time for anyone "
                                            "(minutes)."),
            "EXAMPLE": "qgis_process run drivetime:scenario --SPEED=speed.tif "
                       "--BASELINE_SITES=oxfordshire_demo.gpkg|layername=ae_sites "
                       "--SCENARIO_SITES=ae_without_horton.gpkg "
                       "--AREAS=oxfordshire_demo.gpkg|layername=lad11_oxfordshire "
                       "--POPULATION=oxfordshire_demo.gpkg|layername=lsoa11_oxfordshire --POPULATION_FIELD=pop_mid2018 "
                       "--THRESHOLDS=20,30,45,60 --TARGET=30 --OUTPUT_DELTA=delta.tif --OUTPUT=areas.gpkg",
        }

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_speed()
        self.add_sites(self.BASELINE_SITES, self.tr("Baseline sites"))
        self.add_sites(self.SCENARIO_SITES, self.tr("Scenario sites"), optional=True)
        self.add(QgsProcessingParameterField(self.SCENARIO_FIELD, self.tr("Open in scenario (field of the baseline "
                                                                          "sites)"), None, self.BASELINE_SITES,
                                             optional=True))
        self.add_activation()
        self.add_areas_and_thresholds()
        self.add(QgsProcessingParameterField(self.URBANITY_FIELD, self.tr("Urbanity field"), None, self.POPULATION,
                                             optional=True))
        self.add(QgsProcessingParameterField(self.GROUP_FIELD, self.tr("Group field"), None, self.POPULATION,
                                             optional=True))
        self.add_neighbours()
        self.add_snap_distance()
        self.add(QgsProcessingParameterRasterDestination(self.OUTPUT_DELTA, self.tr("Change in drive time (minutes)")))
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Scenario by area"),
                                                   QgsProcessing.TypeVectorPolygon))
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT_TABLE, self.tr("Equality impact table"),
                                                   QgsProcessing.TypeVector, optional=True))
        self.add(QgsProcessingParameterFileDestination(self.OUTPUT_SUMMARY, self.tr("Summary"),
                                                       self.tr("HTML files (*.html)"), optional=True,
                                                       createByDefault=False))
        descriptions = (self.tr("People counted"), self.tr("People with a longer drive"),
                        self.tr("People with a shorter drive"), self.tr("People cut off"),
                        self.tr("% within target today"), self.tr("% within target in the scenario"),
                        self.tr("People no longer within target"), self.tr("People newly within target"),
                        self.tr("Largest increase (minutes)"))
        for key, desc in zip(self.FIGURES, descriptions):
            self.addOutput(QgsProcessingOutputNumber(key, desc))

    # ------------------------------------------------------------------------------------------------------
    def _sites(self, parameters, context, crs, spec, friction, snap, feedback):
        """(baseline pts, scenario pts, closed names, opened names)."""
        base_src = self.parameterAsSource(parameters, self.BASELINE_SITES, context)
        if base_src is None:
            raise QgsProcessingException(self.tr("BASELINE_SITES: give the sites open today."))
        name_field = next((f for f in NAME_FIELDS if base_src.fields().lookupField(f) >= 0), None)
        scen_field = self.parameterAsString(parameters, self.SCENARIO_FIELD, context) \
            if parameters.get(self.SCENARIO_FIELD) else ""
        scen_src = self.parameterAsSource(parameters, self.SCENARIO_SITES, context)
        if scen_src is None and not scen_field:
            raise QgsProcessingException(self.tr(
                "SCENARIO_SITES or SCENARIO_FIELD: give the scenario's sites as a layer, or a field of BASELINE_SITES "
                "saying which sites are open in the scenario."))
        if scen_src is not None and scen_field:
            raise QgsProcessingException(self.tr(
                "SCENARIO_SITES and SCENARIO_FIELD: give one or the other, not both."))
        fields = [f for f in (name_field, scen_field) if f]
        if scen_field and base_src.fields().lookupField(scen_field) < 0:
            raise QgsProcessingException(self.tr("SCENARIO_FIELD: BASELINE_SITES has no field '{f}'.")
                                         .format(f=scen_field))
        base = self.read_sites(parameters, self.BASELINE_SITES, context, spec, crs, friction, snap, feedback,
                               fields, name_field=name_field)
        names, r, c = base["names"], base["rows"], base["cols"]
        if scen_field:
            flags = [truthy(v) for v in base["attrs"][scen_field]]
            unknown = [n for n, f in zip(names, flags) if f is None]
            if unknown:
                feedback.pushWarning(self.tr("SCENARIO_FIELD: {n} site(s) have no readable value and count as closed: "
                                             "{s}").format(n=len(unknown), s=", ".join(unknown[:20])))
            keep = np.array([bool(f) for f in flags])
            scen = {"rows": r[keep], "cols": c[keep]}
            closed = [n for n, k in zip(names, keep) if not k]
            opened = []
        else:
            sf = next((f for f in NAME_FIELDS if scen_src.fields().lookupField(f) >= 0), None)
            scen = self.read_sites(parameters, self.SCENARIO_SITES, context, spec, crs, friction, snap, feedback,
                                   name_field=sf)
            snames = scen["names"]
            # which sites differ: same location within 1 m
            bxy = np.column_stack([base["x"], base["y"]])
            sxy = np.column_stack([scen["x"], scen["y"]])
            dist = np.sqrt(((bxy[:, None, :] - sxy[None, :, :]) ** 2).sum(-1)) if len(sxy) and len(bxy) else None
            closed = [n for i, n in enumerate(names) if dist is None or dist[i].min() > 1.0]
            opened = [n for j, n in enumerate(snames) if dist is None or dist[:, j].min() > 1.0]
        if len(scen["rows"]) == 0:
            raise QgsProcessingException(self.tr(
                "SCENARIO_SITES / SCENARIO_FIELD: no site is open in the scenario; keep at least one open."))
        return base, scen, closed, opened

    def process(self, parameters, context, feedback):
        from ..core.coverage import threshold_suffix

        t_start = time.perf_counter()
        steps = QgsProcessingMultiStepFeedback(5, feedback)
        layer, spec, friction = self.read_friction(parameters, context, rasters=6)  # two runs' results held together
        crs = layer.crs()
        start, neighbours, snap, thresholds, target = self.read_run_settings(parameters, context, layer, feedback)

        base, scen, closed, opened = self._sites(parameters, context, crs, spec, friction, snap, feedback)
        feedback.pushInfo(self.tr("Baseline: {b} sites; scenario: {s} sites (closed: {c}; opened: {o}).").format(
            b=len(base["rows"]), s=len(scen["rows"]), c=", ".join(closed) or "-", o=", ".join(opened) or "-"))
        if not closed and not opened:
            feedback.pushWarning(self.tr("The scenario has the same sites as the baseline: nothing changes."))

        # areas (the same reader, checks and messages as drivetime:coverage)
        areas_in = self._read_areas(parameters, context, feedback, crs, spec)
        area_names = [str(v) for v in areas_in["ids"]]  # the area_id values
        area_labels = areas_in["names"]  # for people: the id field, else a name field found on the areas

        # 1. drive times
        minutes_b, minutes_s = self._drive_times(feedback, steps, friction, spec, base, scen, start, neighbours)
        del friction
        if feedback.isCanceled():
            return {}
        steps.setCurrentStep(2)  # 2. delta raster
        results = self._write_delta(parameters, context, feedback, spec, crs, minutes_b, minutes_s)
        steps.setCurrentStep(3)  # 3. population and coverage (the coverage core's spreading and aggregation)
        cmp = self._compare(parameters, context, feedback, steps, spec, crs, areas_in, minutes_b, minutes_s,
                            thresholds, target)
        del minutes_b, minutes_s
        if cmp is None:  # cancelled
            return {}

        # 4. outputs
        steps.setCurrentStep(4)
        suffixes = [threshold_suffix(t) for t in cmp.thresholds]
        results.update(self._write_areas(parameters, context, feedback, crs, areas_in["geoms"], area_names, cmp,
                                         suffixes))
        steps.setProgress(30)
        if feedback.isCanceled():  # the output guard removes what was staged and says "Cancelled"
            return {}
        if self.wants_output(parameters, self.OUTPUT_TABLE, context):
            results.update(self._write_table(parameters, context, cmp, suffixes, area_names))
        steps.setProgress(50)
        if feedback.isCanceled():
            return {}
        results.update(self._figures(cmp))
        sentences = self._sentences(parameters, context, feedback, cmp, area_labels, closed, opened)
        summary = self.parameterAsFileOutput(parameters, self.OUTPUT_SUMMARY, context)
        if feedback.isCanceled():
            return {}
        if summary:
            self._write_summary(summary, cmp, area_labels, sentences, feedback)
            results[self.OUTPUT_SUMMARY] = summary
        feedback.pushInfo(self.tr("Done in {t:.1f} s.").format(t=time.perf_counter() - t_start))
        steps.setProgress(100)
        return results

    # -- steps -----------------------------------------------------------------------------------------------
    def _drive_times(self, feedback, steps, friction, spec, base, scen, start, neighbours):
        """Minutes to the nearest baseline site and to the nearest scenario site (activation included)."""
        from ..core.costdist import cost_distance

        t0 = time.perf_counter()
        res_b = cost_distance(friction, spec.cell_size, np.column_stack([base["rows"], base["cols"]]),
                              offsets=np.full(len(base["rows"]), start), neighbours=neighbours,
                              want_nearest=False, progress=progress_callback(steps, 0, 50))
        steps.setCurrentStep(1)
        res_s = cost_distance(friction, spec.cell_size, np.column_stack([scen["rows"], scen["cols"]]),
                              offsets=np.full(len(scen["rows"]), start), neighbours=neighbours,
                              want_nearest=False, progress=progress_callback(steps, 0, 50))
        feedback.pushInfo(self.tr("Drive times computed ({t:.1f} s).").format(t=time.perf_counter() - t0))
        return res_b.cost, res_s.cost

    def _write_delta(self, parameters, context, feedback, spec, crs, minutes_b, minutes_s):
        """OUTPUT_DELTA: scenario minus baseline minutes (nodata where a cell is cut off)."""
        from ..core import scenario as sc

        delta, cut, new = sc.delta_minutes(minutes_b, minutes_s)
        if cut.any():
            feedback.pushWarning(self.tr("{n} cells reachable today are unreachable in the scenario (nodata in "
                                         "OUTPUT_DELTA).").format(n=int(cut.sum())))
        out = self.parameterAsOutputLayer(parameters, self.OUTPUT_DELTA, context)
        qgis_io.write_raster(out, np.where(np.isfinite(delta), delta, NODATA).astype(np.float32), spec, crs,
                             nodata=NODATA)
        styling.style_output(context, out, styling.style_from_qml("scenario_delta.qml"), "raster",
                             self.tr("Change in drive time (minutes)"), feedback)
        return {self.OUTPUT_DELTA: out}

    def _compare(self, parameters, context, feedback, steps, spec, crs, areas_in, minutes_b, minutes_s, thresholds,
                 target):
        """The population spread over the cells and both runs scored on it (None when cancelled)."""
        from ..core import coverage as cv
        from ..core import scenario as sc

        cells, _group = self._spread(parameters, context, QgsProcessingMultiStepFeedback(3, steps), spec, crs,
                                     areas_in, cv.DEFAULT_DENSITY_BREAKS)
        if cells is None:  # cancelled
            return None
        if cells.total <= 0:
            raise QgsProcessingException(self.tr(
                "POPULATION / POPULATION_RASTER: no population falls inside the areas and the speed raster; check "
                "the layers overlap."))
        try:
            cmp = sc.compare(cells, minutes_b, minutes_s, thresholds, target,
                             progress=progress_callback(steps, 90, 100))  # Cancel answered between aggregations
        except cv.CoverageError as e:
            raise QgsProcessingException(f"{self.THRESHOLDS}: {e}") from e
        out_r = float(np.sum(cells.outside_raster)) if cells.outside_raster is not None else 0.0
        if out_r > 0.5 or cells.outside_areas > 0.5:
            feedback.pushWarning(self.tr("{o:,.0f} people fall outside the speed raster and {a:,.0f} outside every "
                                         "area; they are left out.").format(o=out_r, a=cells.outside_areas))
        return cmp

    @staticmethod
    def _figures(cmp):
        ti = cmp.target_index
        b_st, s_st = cmp.base.rows["study"], cmp.scen.rows["study"]
        return {"POP_TOTAL": float(b_st["pop_total"][0]), "POP_LONGER": float(cmp.longer),
                "POP_SHORTER": float(cmp.shorter), "POP_CUT_OFF": float(cmp.cut_off),
                "BASE_PCT_WITHIN_TARGET": float(b_st["pct_le"][0, ti]),
                "SCEN_PCT_WITHIN_TARGET": float(s_st["pct_le"][0, ti]),
                "LOST_WITHIN_TARGET": float(cmp.lost["study"][0, ti]),
                "GAINED_WITHIN_TARGET": float(cmp.gained["study"][0, ti]),
                "MAX_INCREASE_MINUTES": float(cmp.max_increase)}

    def _sentences(self, parameters, context, feedback, cmp, area_labels, closed, opened):
        """The summary sentences, also logged."""
        from ..core import scenario as sc

        group_name = self.parameterAsString(parameters, self.GROUP_FIELD, context) \
            if parameters.get(self.GROUP_FIELD) else None
        if group_name:  # as a reader says it: "IMD decile", not "imd19_decile"
            from ..core.coverage import field_label

            group_name = field_label(group_name)
        sentences = sc.scenario_sentences(cmp, area_labels, self.tr("the study area"), closed, opened,
                                          group_name=group_name, tr=self.tr)
        for s in sentences:
            feedback.pushInfo(s)
        return sentences

    # -- outputs ---------------------------------------------------------------------------------------------
    @staticmethod
    def _metric_fields(fields, suffixes):
        fields.append(QgsField("pop_total", QVariant.Double))
        for s in suffixes:
            fields.append(QgsField(f"base_pct_le_{s}", QVariant.Double))
            fields.append(QgsField(f"scen_pct_le_{s}", QVariant.Double))
            fields.append(QgsField(f"lost_le_{s}", QVariant.Double))
            fields.append(QgsField(f"gained_le_{s}", QVariant.Double))
        for m in ("mean_min", "median_min", "p90_min"):
            fields.append(QgsField(f"base_{m}", QVariant.Double))
            fields.append(QgsField(f"scen_{m}", QVariant.Double))
        fields.append(QgsField("d_pct", QVariant.Double))
        fields.append(QgsField("d_mean_min", QVariant.Double))
        fields.append(QgsField("d_p90_min", QVariant.Double))

    @staticmethod
    def _metric_values(cmp, level, i):
        def num(v):
            v = float(v)
            return v if np.isfinite(v) else None

        b, s = cmp.base.rows[level], cmp.scen.rows[level]
        ti = cmp.target_index
        vals = [num(b["pop_total"][i])]
        for k in range(len(cmp.thresholds)):
            vals += [num(b["pct_le"][i, k]), num(s["pct_le"][i, k]), num(cmp.lost[level][i, k]),
                     num(cmp.gained[level][i, k])]
        for m in ("mean_min", "median_min", "p90_min"):
            vals += [num(b[m][i]), num(s[m][i])]
        vals += [num(s["pct_le"][i, ti] - b["pct_le"][i, ti]), num(s["mean_min"][i] - b["mean_min"][i]),
                 num(s["p90_min"][i] - b["p90_min"][i])]
        return vals

    def _write_areas(self, parameters, context, feedback, crs, areas, area_names, cmp, suffixes):
        fields = QgsFields()
        fields.append(QgsField("area_id", QVariant.String))
        self._metric_fields(fields, suffixes)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        rows = cmp.base.rows["area"]
        for i in range(len(rows["area"])):
            a = int(rows["area"][i])
            f = QgsFeature(fields)
            g = QgsGeometry()
            if areas[a] is not None:
                g.fromWkb(areas[a].wkb)
                g.convertToMultiType()
            f.setGeometry(g)
            f.setAttributes([area_names[a]] + self._metric_values(cmp, "area", i))
            sink.addFeature(f, QgsFeatureSink.FastInsert)
        sink.flushBuffer()
        del sink
        styling.style_output(context, dest, styling.style_from_qml("scenario_areas.qml"), "Polygon",
                             self.tr("Scenario by area"), feedback, crs, fields)
        return {self.OUTPUT: dest}

    def _write_table(self, parameters, context, cmp, suffixes, area_names):
        from ..core.coverage import CLASS_LABELS

        fields = QgsFields()
        fields.append(QgsField("level", QVariant.String))
        fields.append(QgsField("area_id", QVariant.String))
        fields.append(QgsField("urbanity", QVariant.String))
        fields.append(QgsField("grp", QVariant.String))
        self._metric_fields(fields, suffixes)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_TABLE, context, fields)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_TABLE))
        glabels = cmp.base.cells.group_labels
        for level in ("study", "study_class", "study_group", "study_class_group", "area", "area_class",
                      "area_group", "area_class_group"):
            if level not in cmp.base.rows:
                continue
            r = cmp.base.rows[level]
            for i in range(len(r["pop_total"])):
                a, c, g = int(r["area"][i]), int(r["cls"][i]), int(r["group"][i])
                f = QgsFeature(fields)
                f.setAttributes([level, area_names[a] if a >= 0 else self.tr("all"),
                                 self.tr(CLASS_LABELS[c]) if c >= 0 else self.tr("all"),
                                 (glabels[g] if g < len(glabels) else str(g)) if g >= 0 else self.tr("all")]
                                + self._metric_values(cmp, level, i))
                sink.addFeature(f, QgsFeatureSink.FastInsert)
        sink.flushBuffer()
        del sink
        return {self.OUTPUT_TABLE: dest}

    def _write_summary(self, path, cmp, area_names, sentences, feedback=None):
        from ..core.coverage import fmt_min, fmt_pct, fmt_people

        e = html.escape
        ti = cmp.target_index
        T = fmt_num(cmp.base.target)
        b, s = cmp.base.rows["area"], cmp.scen.rows["area"]
        head = [self.tr("Area"), self.tr("People"), self.tr("Within {T} min today").format(T=T),
                self.tr("Within {T} min, scenario").format(T=T), self.tr("Moving beyond {T} min").format(T=T),
                self.tr("Coming within {T} min").format(T=T), self.tr("Mean today (min)"),
                self.tr("Mean, scenario (min)")]
        rows = []
        for i in range(len(b["area"])):
            rows.append([area_names[int(b["area"][i])], fmt_people(b["pop_total"][i]), fmt_pct(b["pct_le"][i, ti]),
                         fmt_pct(s["pct_le"][i, ti]), fmt_people(cmp.lost["area"][i, ti]),
                         fmt_people(cmp.gained["area"][i, ti]), fmt_min(b["mean_min"][i]), fmt_min(s["mean_min"][i])])
        title = self.tr("Service-change scenario")
        doc = ["<!DOCTYPE html>", "<html lang='en'><head><meta charset='utf-8'>", f"<title>{e(title)}</title>",
               "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}"
               "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em}"
               "td{text-align:right}td:first-child{text-align:left}</style></head><body>", f"<h1>{e(title)}</h1>"]
        doc += [f"<p>{e(x)}</p>" for x in sentences]
        doc.append("<table><tr>" + "".join(f"<th>{e(h)}</th>" for h in head) + "</tr>")
        doc += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows]
        doc.append("</table>")
        try:
            from .report_charts import scenario_charts

            doc += scenario_charts(cmp, area_names)
        except Exception as err:  # a chart must never lose the report
            if feedback is not None:
                feedback.pushWarning(self.tr("Could not draw the report's charts: {err}").format(err=err))
        doc.append("</body></html>")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("\n".join(doc))
