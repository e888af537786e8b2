"""drivetime:response -- Response-time performance with demand and busy vehicles (mean and 90th percentile)."""
from dataclasses import dataclass
import html
import math
import os
import time

import numpy as np
from qgis.core import (QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsGeometry, QgsPointXY, QgsProcessing,
                       QgsProcessingException, QgsProcessingMultiStepFeedback, QgsProcessingOutputNumber,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterNumber,
                       QgsProcessingParameterString, QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant

from .base import AlgorithmBase, fmt_num, parse_number_list, progress_callback
from . import qgis_io, styling
from .inputs import ActivationInput, NetworkInput, SitesInput, SpeedInput
from .population import AreaPopulationReader, _names, add_area_feature

METHODS = ["analytic", "simulation"]


def threshold_suffix(t):
    """7 -> '7', 7.5 -> '7_5' (field names pct_le_<T>)."""
    return fmt_num(t).replace(".", "_")


@dataclass
class _Settings:
    """The run's checked parameters."""

    fixed: float  # calibrated fixed minutes per journey (0 if none)
    activation: float
    job_cycle: float
    factor: float  # DEMAND_FACTOR
    targets: list
    method: str  # one of METHODS
    std_mean: float  # None if not given
    std_p90: float  # None if not given
    max_added: int
    neighbours: int
    snap: float


class ResponseAlgorithm(SpeedInput, SitesInput, ActivationInput, NetworkInput, AreaPopulationReader, AlgorithmBase):
    NAME = "response"
    REQUIRES = ("numpy", "numba", "rasterio", "shapely", "scipy")

    STATIONS = "STATIONS"
    VEHICLES_FIELD = "VEHICLES_FIELD"
    DEMAND = "DEMAND"
    DEMAND_FIELD = "DEMAND_FIELD"
    DEMAND_FACTOR = "DEMAND_FACTOR"
    JOB_CYCLE = "JOB_CYCLE"
    TARGETS = "TARGETS"
    METHOD = "METHOD"
    STANDARD_MEAN = "STANDARD_MEAN"
    STANDARD_P90 = "STANDARD_P90"
    MAX_ADDED = "MAX_ADDED"
    SIM_DAYS = "SIM_DAYS"
    SIM_REPLICATIONS = "SIM_REPLICATIONS"
    SEED = "SEED"
    OUTPUT = "OUTPUT"
    OUTPUT_STATIONS = "OUTPUT_STATIONS"
    OUTPUT_NEEDS = "OUTPUT_NEEDS"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    # figures (number outputs): a stable API for models and scripts
    FIGURES = ("MEAN_MINUTES", "P90_MINUTES", "UTILISATION_PCT", "WAIT_PCT", "CALLS_PER_DAY", "VEHICLES_ADDED")

    def displayName(self):  # noqa: N802
        return self.tr("Response times with demand and busy vehicles")

    def help_map(self):
        return {
            "": self.tr(
                "Estimates response-time performance (call to arrival) per area: the mean and the 90th "
                "percentile, as ambulance standards are set (England: Category 1 mean 7 min, 90th percentile "
                "15 min; Category 2 18 / 40), with the vehicles busy on other jobs. Model: calls arrive at "
                "random (a Poisson process) at each demand place; each is answered by the nearest free vehicle "
                "by drive time; if none is free the call waits for the first one to become free; a vehicle is "
                "busy for activation + drive to the scene + the job cycle (exponentially distributed with mean "
                "JOB_CYCLE) and is then back at its own station; response = wait + activation + drive. Method "
                "'analytic' (seconds): Larson's hypercube approximation with Jarvis's extension to "
                "place-dependent busy times, stations of several vehicles as Erlang loss units, and the M/M/N "
                "queue for calls that find every vehicle busy; within about 2 % of the simulation's mean and 5 % "
                "of its 90th percentile for utilisations up to about 60 %, slightly pessimistic (a few % high) "
                "near 70 %. Method 'simulation': a seeded discrete-event simulation of the same model, with a "
                "95 % confidence interval on every figure (the reference; it costs about a second per million "
                "simulated calls). Drive times come from one early-stopping run of the engine per station, to "
                "every demand cell."),
            self.STATIONS: self.tr("Stations or standby points (points) where vehicles wait. There is no open "
                                   "list of ambulance stations: place your own."),
            self.VEHICLES_FIELD: self.tr("Optional numeric field of STATIONS: vehicles based there (whole "
                                         "numbers, 0 or more); empty: 1 vehicle per station."),
            self.DEMAND: self.tr("Demand as points (e.g. incident locations) or polygons (e.g. LSOAs). Polygons "
                                 "are spread over the speed raster's cells by exact area, as coverage spreads "
                                 "population; points count in their cell."),
            self.DEMAND_FIELD: self.tr("Numeric field of DEMAND: incidents per day at that place (e.g. LSOA "
                                       "population x incidents per person per day). Empty: 1 per feature (scale "
                                       "with DEMAND_FACTOR, e.g. 1/365 for a year of incident points)."),
            self.DEMAND_FACTOR: self.tr("Multiplies all demand (demand growth: 1.1 = 10 % more calls)."),
            self.AREAS: self.tr("Areas to report on (polygons, e.g. districts or PCTs); a demand cell belongs to "
                                "the area holding its centre."),
            self.AREA_ID_FIELD: self.tr("Unique id field of AREAS (empty: the feature id)."),
            self.URBANITY_FIELD: self.tr("Optional field of DEMAND with an urban/rural class (ONS RUC 2011 codes "
                                         "or urban / semi-urban / rural), as coverage reads it: the summary then "
                                         "gives the figures by class."),
            self.JOB_CYCLE: self.tr("Mean minutes a vehicle stays busy per incident after arriving (on scene, "
                                    "conveyance, handover, return to station), 0 or more."),
            self.TARGETS: self.tr("Minutes for which the share of responses within is reported (pct_le_<T>), "
                                  "e.g. 7,15."),
            self.METHOD: self.tr("analytic (fast; maps and what-if) or simulation (reference, with confidence "
                                 "intervals)."),
            self.STANDARD_MEAN: self.tr("Optional standard for the mean response (minutes, e.g. 7): with "
                                        "STANDARD_P90 and MAX_ADDED, the vehicles needed are searched."),
            self.STANDARD_P90: self.tr("Optional standard for the 90th percentile (minutes, e.g. 15)."),
            self.MAX_ADDED: self.tr("Most vehicles the needs search adds (greedy: each added where it most "
                                    "reduces the demand-weighted shortfall of the areas against the standards; "
                                    "analytic method). 0: no search."),
            self.SIM_DAYS: self.tr("Simulated days per replication (after a 2-day warm-up)."),
            self.SIM_REPLICATIONS: self.tr("Independent replications of the simulation (confidence intervals "
                                           "from their spread; at least 2)."),
            self.SEED: self.tr("Random seed of the simulation (same seed, same figures)."),
            self.OUTPUT: self.tr("Areas with calls_day, mean_min, p90_min and pct_le_<T> per target (with the "
                                 "simulation: *_ci, half-widths of the 95 % confidence intervals); with the "
                                 "standards, meets (1/0)."),
            self.OUTPUT_STATIONS: self.tr("Stations with vehicles, utilisation_pct (share of time a vehicle is "
                                          "busy), calls_day answered, pct_outside (% answered at places whose "
                                          "nearest station is another) and, with the needs search, "
                                          "vehicles_added."),
            self.OUTPUT_NEEDS: self.tr("Optional table of the needs search: one row per added vehicle (station, "
                                       "total vehicles, areas failing, trust-wide mean and 90th percentile)."),
            self.OUTPUT_SUMMARY: self.tr("Optional HTML (or .txt) file with plain-English sentences: trust-wide, "
                                         "by class and by area."),
            "MEAN_MINUTES": self.tr("Number output: demand-weighted mean response time over all the demand "
                                    "(minutes)."),
            "P90_MINUTES": self.tr("Number output: 90th percentile of the response time over all the demand "
                                   "(minutes)."),
            "UTILISATION_PCT": self.tr("Number output: share of the time the vehicles are busy, all together (%; "
                                       "analytic model)."),
            "WAIT_PCT": self.tr("Number output: share of calls that find every vehicle busy and wait (%; analytic "
                                "model)."),
            "CALLS_PER_DAY": self.tr("Number output: calls per day in the model (demand on the speed surface that "
                                     "a station can reach, after DEMAND_FACTOR)."),
            "VEHICLES_ADDED": self.tr("Number output: vehicles the needs search added (0 without it)."),
            "EXAMPLE": "qgis_process run drivetime:response --SPEED=speed.tif --STATIONS=stations.gpkg "
                       "--DEMAND=oxfordshire_demo.gpkg|layername=lsoa11_oxfordshire --DEMAND_FIELD=calls_day "
                       "--AREAS=oxfordshire_demo.gpkg|layername=lad11_oxfordshire --ACTIVATION=2 --JOB_CYCLE=60 "
                       "--TARGETS=7,15 --OUTPUT=response.gpkg --OUTPUT_STATIONS=stations_load.gpkg",
        }

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_speed()
        self.add_sites(self.STATIONS, self.tr("Stations (points)"))
        self.add(QgsProcessingParameterField(self.VEHICLES_FIELD, self.tr("Vehicles field"), None, self.STATIONS,
                                             QgsProcessingParameterField.Numeric, False, True))
        self.add(QgsProcessingParameterFeatureSource(self.DEMAND, self.tr("Demand (points or polygons)"),
                                                     [QgsProcessing.TypeVectorPoint,
                                                      QgsProcessing.TypeVectorPolygon]))
        self.add(QgsProcessingParameterField(self.DEMAND_FIELD, self.tr("Incidents per day field"), None,
                                             self.DEMAND, QgsProcessingParameterField.Numeric, False, True))
        self.add(QgsProcessingParameterNumber(self.DEMAND_FACTOR, self.tr("Demand factor"),
                                              QgsProcessingParameterNumber.Double, 1.0, False, 0.0, 1e6))
        self.add(QgsProcessingParameterFeatureSource(self.AREAS, self.tr("Areas to report on"),
                                                     [QgsProcessing.TypeVectorPolygon]))
        self.add(QgsProcessingParameterField(self.AREA_ID_FIELD, self.tr("Area id field"), None, self.AREAS,
                                             QgsProcessingParameterField.Any, False, True))
        self.add(QgsProcessingParameterField(self.URBANITY_FIELD, self.tr("Urban/rural class field"), None,
                                             self.DEMAND, QgsProcessingParameterField.Any, False, True))
        self.add_activation()
        self.add(QgsProcessingParameterNumber(self.JOB_CYCLE, self.tr("Job cycle (minutes)"),
                                              QgsProcessingParameterNumber.Double, 60.0, False, 0.0, 10080.0))
        self.add(QgsProcessingParameterString(self.TARGETS, self.tr("Targets (minutes)"), "7,15"))
        self.add(QgsProcessingParameterEnum(self.METHOD, self.tr("Method"), METHODS, False, 0))
        self.add(QgsProcessingParameterNumber(self.STANDARD_MEAN, self.tr("Standard: mean (minutes)"),
                                              QgsProcessingParameterNumber.Double, None, True, 0.0))
        self.add(QgsProcessingParameterNumber(self.STANDARD_P90, self.tr("Standard: 90th percentile (minutes)"),
                                              QgsProcessingParameterNumber.Double, None, True, 0.0))
        self.add(QgsProcessingParameterNumber(self.MAX_ADDED, self.tr("Vehicles to add at most (needs search)"),
                                              QgsProcessingParameterNumber.Integer, 0, False, 0, 500))
        self.add(QgsProcessingParameterNumber(self.SIM_DAYS, self.tr("Simulated days per replication"),
                                              QgsProcessingParameterNumber.Double, 60.0, False, 1.0, 100000.0),
                 advanced=True)
        self.add(QgsProcessingParameterNumber(self.SIM_REPLICATIONS, self.tr("Simulation replications"),
                                              QgsProcessingParameterNumber.Integer, 10, False, 2, 1000),
                 advanced=True)
        self.add(QgsProcessingParameterNumber(self.SEED, self.tr("Random seed"),
                                              QgsProcessingParameterNumber.Integer, 0, False, 0), advanced=True)
        self.add_neighbours()
        self.add_snap_distance()
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Response times by area"),
                                                   QgsProcessing.TypeVectorPolygon))
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT_STATIONS, self.tr("Station workload"),
                                                   QgsProcessing.TypeVectorPoint, optional=True))
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT_NEEDS, self.tr("Vehicles needed"),
                                                   QgsProcessing.TypeVector, optional=True, createByDefault=False))
        self.add(QgsProcessingParameterFileDestination(self.OUTPUT_SUMMARY, self.tr("Summary"),
                                                       self.tr("HTML files (*.html);;Text files (*.txt)"),
                                                       optional=True, createByDefault=False))
        descriptions = (self.tr("Mean response (minutes)"), self.tr("90th percentile response (minutes)"),
                        self.tr("Vehicle utilisation (%)"), self.tr("Calls that wait (%)"), self.tr("Calls per day"),
                        self.tr("Vehicles added"))
        for key, desc in zip(self.FIGURES, descriptions):
            self.addOutput(QgsProcessingOutputNumber(key, desc))

    def checkParameterValues(self, parameters, context):  # noqa: N802
        # no POPULATION here: skip the population check of AreaPopulationReader
        return AlgorithmBase.checkParameterValues(self, parameters, context)

    # ------------------------------------------------------------------------------------------------------
    def _optional_number(self, parameters, name, context):
        if parameters.get(name) in (None, ""):
            return None
        return self.parameterAsDouble(parameters, name, context)

    def process(self, parameters, context, feedback):
        t_start = time.perf_counter()
        steps = QgsProcessingMultiStepFeedback(5, feedback)
        layer, spec, friction = self.read_friction(parameters, context)
        crs = layer.crs()
        s = self._read_settings(parameters, context, feedback, layer)
        stations, vehicles = self._stations(parameters, context, feedback, spec, crs, friction, s.snap)  # 1.
        steps.setCurrentStep(1)  # 2. demand and areas
        areas = self._read_areas(parameters, context, feedback, crs, spec)
        dem = self._read_demand(parameters, context, steps, spec, crs, s.factor)
        place_area = self._cell_areas(spec, dem["cells"], areas)
        if feedback.isCanceled():
            return {}
        steps.setCurrentStep(2)  # 3. drive times: one early-stopping run per station to every demand cell
        times = self._drive_times(feedback, steps, friction, spec, stations, dem["cells"], s)
        problem, total, cls, place_area = self._problem(feedback, friction, times, vehicles, dem, place_area, s)
        steps.setCurrentStep(3)  # 4. the model
        n_areas = len(areas["ids"])
        model, sim = self._model(parameters, context, feedback, problem, s.method)
        res = sim if sim is not None else model
        by_area = res.group_stats(place_area, n_areas, s.targets)
        whole = res.group_stats(np.zeros(place_area.size, np.int64), 1, s.targets)
        by_cls = res.group_stats(cls, 4, s.targets) if dem["has_cls"] else None
        st_table = res.station_table()
        if feedback.isCanceled():
            return {}
        steps.setCurrentStep(4)  # 5. needs search
        needs = self._needs(feedback, steps, problem, model, place_area, n_areas, s)

        results = self._figures(whole, model, problem.n_vehicles, total, needs)
        results.update(self._write_areas(parameters, context, feedback, areas, by_area, s.targets, sim is not None,
                                         s.std_mean, s.std_p90))
        if self.wants_output(parameters, self.OUTPUT_STATIONS, context):
            results.update(self._write_stations(parameters, context, feedback, crs, stations, vehicles, st_table,
                                                sim is not None, needs))
        if needs is not None and self.wants_output(parameters, self.OUTPUT_NEEDS, context):
            results.update(self._write_needs(parameters, context, needs, stations, n_areas))
        summary = self.parameterAsFileOutput(parameters, self.OUTPUT_SUMMARY, context) \
            if self.wants_output(parameters, self.OUTPUT_SUMMARY, context) else None
        if summary:
            lines = self._sentences(s.method, model, sim, whole, by_area, by_cls, areas, s.targets, total,
                                    problem.n_vehicles, st_table, stations, s.std_mean, s.std_p90, needs,
                                    s.activation, s.job_cycle)
            self._write_summary(summary, lines)
            results[self.OUTPUT_SUMMARY] = summary
        feedback.pushInfo(self.tr("Trust-wide: mean {m:.1f} min, 90th percentile {p:.1f} min.").format(
            m=whole["mean"][0], p=whole["p90"][0]))
        feedback.pushInfo(self.tr("Done in {t:.1f} s.").format(t=time.perf_counter() - t_start))
        return results

    # -- steps -----------------------------------------------------------------------------------------------
    def _read_settings(self, parameters, context, feedback, layer):
        """The run's settings, checked (in this order) before any input is read."""
        fixed = qgis_io.read_fixed_minutes(layer, self.SPEED, feedback)
        activation = self.read_activation(parameters, context)
        job_cycle = self.parameterAsDouble(parameters, self.JOB_CYCLE, context)
        if not (math.isfinite(job_cycle) and job_cycle >= 0):
            raise QgsProcessingException(self.tr(
                "JOB_CYCLE: {v} minutes is not allowed; give the mean minutes a vehicle stays busy after arriving "
                "(on scene, conveyance, handover, return), 0 or more, e.g. 60.").format(v=job_cycle))
        factor = self.parameterAsDouble(parameters, self.DEMAND_FACTOR, context)
        if not (math.isfinite(factor) and factor > 0):
            raise QgsProcessingException(self.tr(
                "DEMAND_FACTOR: {v} is not allowed; give a positive factor (1 = the demand as given, 1.1 = 10 % "
                "more).").format(v=factor))
        targets = parse_number_list(self.parameterAsString(parameters, self.TARGETS, context) or "7,15",
                                    self.TARGETS, minimum=0)
        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        std_mean = self._optional_number(parameters, self.STANDARD_MEAN, context)
        std_p90 = self._optional_number(parameters, self.STANDARD_P90, context)
        max_added = self.parameterAsInt(parameters, self.MAX_ADDED, context)
        if max_added > 0 and std_mean is None and std_p90 is None:
            raise QgsProcessingException(self.tr(
                "MAX_ADDED: the needs search needs a standard; give STANDARD_MEAN and/or STANDARD_P90 (e.g. 7 and "
                "15), or set MAX_ADDED to 0."))
        neighbours = self.read_neighbours(parameters, context)
        snap = self.read_snap_distance(parameters, context)
        return _Settings(fixed, activation, job_cycle, factor, targets, method, std_mean, std_p90, max_added,
                         neighbours, snap)

    def _stations(self, parameters, context, feedback, spec, crs, friction, snap):
        vfield = self.parameterAsString(parameters, self.VEHICLES_FIELD, context) or None
        stations = self.read_sites(parameters, self.STATIONS, context, spec, crs, friction, snap, feedback,
                                   fields=(vfield,) if vfield else ())
        return stations, self._vehicles(stations, vfield)

    def _drive_times(self, feedback, steps, friction, spec, stations, cells, s):
        """Minutes (fixed time included) from each station (rows) to each demand record (columns)."""
        from ..core.costdist import travel_time_matrix

        t0 = time.perf_counter()
        ucells, inv = np.unique(cells, return_inverse=True)
        tgt = np.column_stack([ucells // spec.cols, ucells % spec.cols])
        src = np.column_stack([stations["rows"], stations["cols"]])
        times_u = travel_time_matrix(friction, spec.cell_size, src, tgt, math.inf, neighbours=s.neighbours,
                                     progress=progress_callback(steps))
        if s.fixed:
            times_u = times_u + s.fixed
        times = times_u[:, inv]
        feedback.pushInfo(self.tr("Drive times from {s} stations to {c:,} demand cells in {t:.1f} s.").format(
            s=src.shape[0], c=ucells.size, t=time.perf_counter() - t0))
        return times

    def _problem(self, feedback, friction, times, vehicles, dem, place_area, s):
        """The response problem on the demand that a station with vehicles can reach (the rest left out, with a
        warning); also returns the calls per day, the urbanity class and area of each demand record kept."""
        from ..core import response as rs

        rates, cls = dem["rates"], dem["cls"]
        passable = np.isfinite(friction.reshape(-1)[dem["cells"]])
        reach = np.isfinite(np.where(vehicles[:, None] > 0, times, np.inf)).any(axis=0) & passable
        if not reach.all():
            lost = float(rates[~reach].sum())
            feedback.pushWarning(self.tr(
                "DEMAND: {v:.2f} incidents per day ({p:.2f} %) are on cells no station with vehicles can reach "
                "(impassable, or cut off); they are left out.").format(v=lost, p=100.0 * lost / rates.sum()))
            if not reach.any():
                raise QgsProcessingException(self.tr(
                    "DEMAND: no demand can be reached from the stations with vehicles; check the speed surface "
                    "and STATIONS."))
            times, rates, cls, place_area = times[:, reach], rates[reach], cls[reach], place_area[reach]
        try:
            problem = rs.Problem.build(times, vehicles, rates, s.activation, s.job_cycle)
        except rs.ResponseError as e:
            raise QgsProcessingException(self.tr("Response model: {err}.").format(err=e)) from None
        total = float(rates.sum())
        feedback.pushInfo(self.tr("{c:.1f} calls per day, {v} vehicles at {s} stations; activation {a} min, job "
                                  "cycle {j} min; zero-demand mean response {m:.2f} min.").format(
            c=total, v=problem.n_vehicles, s=vehicles.size, a=fmt_num(s.activation), j=fmt_num(s.job_cycle),
            m=problem.nearest_mean()))
        return problem, total, cls, place_area

    def _model(self, parameters, context, feedback, problem, method):
        """The analytic model, and the simulation when METHOD asks for it (else None)."""
        from ..core import response as rs

        t0 = time.perf_counter()
        try:
            model = rs.analytic(problem)
        except rs.ResponseError as e:
            raise QgsProcessingException(self.tr(
                "Response model: {err}. Add vehicles (VEHICLES_FIELD), shorten JOB_CYCLE or lower the demand "
                "(DEMAND_FIELD, DEMAND_FACTOR).").format(err=e)) from None
        feedback.pushInfo(self.tr("Analytic model: {l:.1f} vehicles busy on average ({u:.0f} % utilisation), {q:.1f} "
                                  "% of calls wait for a vehicle ({t:.2f} s).").format(
            l=model.load, u=100.0 * model.load / problem.n_vehicles, q=100.0 * model.p_queue,
            t=time.perf_counter() - t0))
        sim = None
        if method == "simulation":
            days = self.parameterAsDouble(parameters, self.SIM_DAYS, context)
            reps = self.parameterAsInt(parameters, self.SIM_REPLICATIONS, context)
            seed = self.parameterAsInt(parameters, self.SEED, context)
            sim = rs.simulate(problem, days=days, replications=reps, seed=seed)
            n_calls = sum(len(x) for x in sim.response)
            feedback.pushInfo(self.tr("Simulation: {r} replications of {d} days, {n:,} calls in {t:.1f} s.").format(
                r=reps, d=fmt_num(days), n=n_calls, t=sim.seconds))
        return model, sim

    def _needs(self, feedback, steps, problem, model, place_area, n_areas, s):
        """The vehicles-needed search (None when MAX_ADDED is 0)."""
        from ..core import response as rs

        if s.max_added <= 0:
            return None
        t0 = time.perf_counter()
        needs = rs.vehicles_needed(problem, place_area, n_areas, s.std_mean, s.std_p90, s.max_added,
                                   progress=progress_callback(steps), model=model)
        feedback.pushInfo(self.tr("Needs search: {k} vehicle(s) added, {f} area(s) still short of the standards "
                                  "({t:.1f} s).").format(k=needs[-1]["added"], f=needs[-1]["failing"],
                                                         t=time.perf_counter() - t0))
        return needs

    @staticmethod
    def _figures(whole, model, n_veh, total, needs):
        return {"MEAN_MINUTES": float(whole["mean"][0]), "P90_MINUTES": float(whole["p90"][0]),
                "UTILISATION_PCT": 100.0 * model.load / n_veh, "WAIT_PCT": 100.0 * model.p_queue,
                "CALLS_PER_DAY": total,
                "VEHICLES_ADDED": int(needs[-1]["added"]) if needs is not None else 0}

    # -- inputs ---------------------------------------------------------------------------------------------
    def _vehicles(self, stations, vfield):
        n = stations["rows"].size
        if not vfield:
            return np.ones(n, np.int64)
        vals, bad = [], []
        for name, v in zip(stations["names"], stations["attrs"][vfield]):
            try:
                x = float(v)
            except (TypeError, ValueError):
                x = math.nan
            if not (math.isfinite(x) and x >= 0 and x == round(x)):
                bad.append(f"{name} ({v})")
                x = 0
            vals.append(int(round(x)))
        if bad:
            raise QgsProcessingException(self.tr(
                "VEHICLES_FIELD: '{f}' must hold whole numbers of vehicles, 0 or more; {n} station(s) do not: "
                "{names}.").format(f=vfield, n=len(bad), names=_names(bad)))
        v = np.array(vals, np.int64)
        if v.sum() < 1:
            raise QgsProcessingException(self.tr(
                "VEHICLES_FIELD: no station has a vehicle (every value of '{f}' is 0); give at least one "
                "vehicle.").format(f=vfield))
        return v

    def _read_demand(self, parameters, context, steps, spec, crs, factor):
        """Demand on the grid: dict cells (flat cell index per record), rates (calls per day), cls (urbanity
        class per record, -1 none), has_cls."""
        from shapely.geometry import box

        from ..core import coverage as cv

        source = self.parameterAsSource(parameters, self.DEMAND, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.DEMAND))
        gtype = QgsWkbTypes.geometryType(source.wkbType())
        if gtype not in (QgsWkbTypes.PolygonGeometry, QgsWkbTypes.PointGeometry):
            raise QgsProcessingException(self.tr("DEMAND: give points (incidents) or polygons (e.g. LSOAs), not "
                                                 "lines or a table."))
        dfield = self.parameterAsString(parameters, self.DEMAND_FIELD, context) or None
        ufield = self.parameterAsString(parameters, self.URBANITY_FIELD, context) or None
        fields = source.fields()
        for param, f in ((self.DEMAND_FIELD, dfield), (self.URBANITY_FIELD, ufield)):
            if f and fields.lookupField(f) < 0:
                raise QgsProcessingException(self.tr("{param}: the DEMAND layer has no field '{f}'.").format(
                    param=param, f=f))
        from qgis.core import QgsFeatureRequest

        req = QgsFeatureRequest()
        req.setDestinationCrs(crs, context.transformContext())
        geoms, vals, urbs, neg, nulls = [], [], [], [], 0
        for feat in source.getFeatures(req):
            v = feat[dfield] if dfield else 1.0
            if v is None or (hasattr(v, "isNull") and v.isNull()):
                nulls += 1
                continue
            try:
                v = float(v)
            except (TypeError, ValueError):
                v = math.nan
            if not (math.isfinite(v) and v >= 0):
                neg.append(feat.id())
                continue
            g = feat.geometry()
            if g is None or g.isNull() or g.isEmpty():
                continue
            if gtype == QgsWkbTypes.PointGeometry:
                p = g.vertexAt(0) if QgsWkbTypes.isSingleType(g.wkbType()) else g.centroid().vertexAt(0)
                geoms.append((p.x(), p.y()))
            else:
                sg = qgis_io._clean_geometry(g)
                if sg is None:
                    continue
                if not sg.is_valid:
                    sg = cv.clean_areas([sg])[0]
                geoms.append(sg)
            vals.append(v * factor)
            urbs.append(feat[ufield] if ufield else None)
        if neg:
            raise QgsProcessingException(self.tr(
                "DEMAND_FIELD: {n} feature(s) have a negative or invalid number of incidents (feature ids {ids}); "
                "give incidents per day, 0 or more.").format(n=len(neg), ids=_names(neg)))
        if nulls:
            steps.pushWarning(self.tr("DEMAND_FIELD: {n} feature(s) have no value and are left out.").format(
                n=nulls))
        if not vals or not sum(vals) > 0:
            raise QgsProcessingException(self.tr(
                "DEMAND: there is no demand (every feature has 0 incidents per day, or the layer is empty); check "
                "DEMAND_FIELD (incidents per day) and DEMAND_FACTOR."))
        classes = None
        if ufield:
            try:
                classes = cv.classify_labels(urbs)
            except cv.CoverageError as e:
                raise QgsProcessingException(self.tr("URBANITY_FIELD: {err}.").format(err=e)) from None
        whole = [box(*spec.bounds)]
        try:
            if gtype == QgsWkbTypes.PointGeometry:
                xy = np.array(geoms, dtype=np.float64).reshape(-1, 2)
                cells = cv.spread_points(spec, xy[:, 0], xy[:, 1], vals, whole, classes)
            else:
                cells = cv.spread_polygons(spec, geoms, vals, whole, classes, progress=progress_callback(steps))
        except cv.CoverageError as e:
            raise QgsProcessingException(f"{self.DEMAND}: {e}.") from None
        given = float(sum(vals))
        placed = float(cells.pop.sum())
        if not placed > 0:
            raise QgsProcessingException(self.tr(
                "DEMAND: none of the demand lies on the speed surface; check that the layers overlap (and their "
                "CRS), or build the speed surface over the demand."))
        if placed < given * (1 - 1e-6):
            steps.pushWarning(self.tr("DEMAND: {v:.2f} of {t:.2f} incidents per day ({p:.1f} %) lie outside the "
                                      "speed surface and are left out.").format(v=given - placed, t=given,
                                                                               p=100 * (given - placed) / given))
        keep = cells.pop > 0
        # one place per (cell, class)
        cl = cells.cls[keep].astype(np.int64) if ufield else np.zeros(int(keep.sum()), np.int64)
        key = cells.cell[keep].astype(np.int64) * 8 + cl
        ukey, inv = np.unique(key, return_inverse=True)
        rates = np.bincount(inv, weights=cells.pop[keep])
        return {"cells": ukey // 8, "rates": rates, "cls": (ukey % 8) if ufield else np.full(ukey.size, -1),
                "has_cls": bool(ufield)}

    def _cell_areas(self, spec, cells, areas):
        """Area index of each demand cell (the area holding the cell's centre; -1 in none)."""
        from ..core import coverage as cv
        from .population import _empty

        r, c = cells // spec.cols, cells % spec.cols
        x, y = spec.xy(r, c)
        geoms = [g if g is not None else _empty() for g in areas["geoms"]]
        return cv._area_of_points(x, y, geoms).astype(np.int64)

    # -- outputs -------------------------------------------------------------------------------------------
    def _write_areas(self, parameters, context, feedback, areas, st, targets, with_ci, std_mean, std_p90):
        fields = QgsFields()
        idf = QgsField(areas["id_field"])
        idf.setName("area_id")
        fields.append(idf)
        fields.append(QgsField("area_name", QVariant.String))
        fields.append(QgsField("calls_day", QVariant.Double))
        names = ["mean_min", "p90_min"] + [f"pct_le_{threshold_suffix(t)}" for t in targets]
        for n in names:
            fields.append(QgsField(n, QVariant.Double))
            if with_ci:
                fields.append(QgsField(n.replace("_min", "") + "_ci" if n.endswith("_min") else n + "_ci",
                                       QVariant.Double))
        has_std = std_mean is not None or std_p90 is not None
        if has_std:
            fields.append(QgsField("meets", QVariant.Int))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiPolygon,
                                          areas["crs"])
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))

        def num(v):
            return None if v is None or not np.isfinite(v) else round(float(v), 6)

        for i in range(len(areas["ids"])):
            vals = [float(st["demand"][i])]
            cols = [("mean", None), ("p90", None)] + [("pct_le", k) for k in range(len(targets))]
            for key, k in cols:
                v = st[key][i] if k is None else st[key][i, k]
                vals.append(num(v))
                if with_ci:
                    ci = st[key + "_ci"][i] if k is None else st[key + "_ci"][i, k]
                    vals.append(num(ci))
            if has_std:
                m, p = st["mean"][i], st["p90"][i]
                if np.isfinite(m):
                    ok = (std_mean is None or m <= std_mean) and (std_p90 is None or p <= std_p90)
                    vals.append(int(ok))
                else:
                    vals.append(None)
            add_area_feature(sink, fields, areas, i, vals)
        sink.flushBuffer()
        del sink
        ref = std_p90 if std_p90 is not None else max(targets)
        styling.style_output(context, dest, lambda lyr: styling.style_response_areas(lyr, "p90_min", ref),
                             "MultiPolygon", self.tr("Response times (90th percentile)"), feedback, areas["crs"],
                             fields)
        return {self.OUTPUT: dest}

    def _write_stations(self, parameters, context, feedback, crs, stations, vehicles, tab, with_ci, needs):
        fields = QgsFields()
        fields.append(QgsField("station", QVariant.String))
        fields.append(QgsField("site_id", QVariant.LongLong))
        fields.append(QgsField("vehicles", QVariant.Int))
        cols = [("utilisation_pct", "utilisation", 100.0), ("calls_day", "calls", 1.0),
                ("pct_outside", "pct_outside", 1.0)]
        for name, _k, _s in cols:
            fields.append(QgsField(name, QVariant.Double))
            if with_ci:
                fields.append(QgsField(name + "_ci", QVariant.Double))
        if needs is not None:
            fields.append(QgsField("vehicles_added", QVariant.Int))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_STATIONS, context, fields, QgsWkbTypes.Point, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_STATIONS))
        added = needs[-1]["vehicles"] - vehicles if needs is not None else None
        for i in range(vehicles.size):
            f = QgsFeature(fields)
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(stations["x"][i]), float(stations["y"][i]))))
            vals = [stations["names"][i], int(stations["fid"][i]), int(vehicles[i])]
            for _name, k, scale in cols:
                v = tab[k][i]
                vals.append(None if not np.isfinite(v) else round(float(v) * scale, 4))
                if with_ci:
                    c = tab[k + "_ci"][i]
                    vals.append(None if not np.isfinite(c) else round(float(c) * scale, 4))
            if added is not None:
                vals.append(int(added[i]))
            f.setAttributes(vals)
            sink.addFeature(f, QgsFeatureSink.FastInsert)
        sink.flushBuffer()
        del sink
        styling.style_output(context, dest, styling.style_response_stations, "Point", self.tr("Station workload"),
                             feedback, crs, fields)
        return {self.OUTPUT_STATIONS: dest}

    def _write_needs(self, parameters, context, needs, stations, n_areas):
        fields = QgsFields()
        for name, t in (("added", QVariant.Int), ("station", QVariant.String), ("station_vehicles", QVariant.Int),
                        ("total_vehicles", QVariant.Int), ("areas_failing", QVariant.Int),
                        ("shortfall", QVariant.Double), ("mean_min_worst", QVariant.Double),
                        ("p90_min_worst", QVariant.Double)):
            fields.append(QgsField(name, t))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_NEEDS, context, fields)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_NEEDS))
        for step in needs:
            s = step["station"]
            st = step["stats"]
            f = QgsFeature(fields)
            worst_m = float(np.nanmax(st["mean"])) if st is not None else None
            worst_p = float(np.nanmax(st["p90"])) if st is not None and np.isfinite(st["p90"]).any() else None
            f.setAttributes([step["added"], None if s is None else stations["names"][s],
                             None if s is None else int(step["vehicles"][s]), int(step["vehicles"].sum()),
                             int(step["failing"]), None if not np.isfinite(step["shortfall"]) else
                             round(float(step["shortfall"]), 4), worst_m, worst_p])
            sink.addFeature(f, QgsFeatureSink.FastInsert)
        sink.flushBuffer()
        del sink
        return {self.OUTPUT_NEEDS: dest}

    def _sentences(self, method, model, sim, whole, by_area, by_cls, areas, targets, total, n_veh, tab, stations,
                   std_mean, std_p90, needs, activation, job_cycle):
        from ..core import coverage as cv

        def pct_text(st, i):
            return ", ".join(self.tr("{p:.0f} % within {t} min").format(p=st["pct_le"][i, k], t=fmt_num(t))
                             for k, t in enumerate(targets) if np.isfinite(st["pct_le"][i, k]))

        def ci(st, key, i):
            if sim is None:
                return ""
            return self.tr(" (± {c:.1f})").format(c=st[key + "_ci"][i])

        lines = [self.tr(
            "With {c:.0f} calls a day answered by {v} vehicles (activation {a} min, job cycle {j} min), the "
            "vehicles are busy {u:.0f} % of the time and {q:.1f} % of calls wait for a free vehicle.").format(
            c=total, v=n_veh, a=fmt_num(activation), j=fmt_num(job_cycle), u=100.0 * model.load / n_veh,
            q=100.0 * model.p_queue)]
        lines.append(self.tr("Across the whole area the mean response is {m:.1f} min{mc} and 90 % of calls are "
                             "reached within {p:.1f} min{pc}; {pct}.").format(
            m=whole["mean"][0], mc=ci(whole, "mean", 0), p=whole["p90"][0], pc=ci(whole, "p90", 0),
            pct=pct_text(whole, 0)))
        if by_cls is not None:
            for c in range(4):
                if by_cls["demand"][c] > 0:
                    lines.append(self.tr("In {cls} places ({d:.0f} calls a day): mean {m:.1f} min, 90th percentile "
                                         "{p:.1f} min.").format(cls=self.tr(cv.CLASS_LABELS[c]), d=by_cls["demand"][c],
                                                                m=by_cls["mean"][c], p=by_cls["p90"][c]))
        order = np.argsort(-np.nan_to_num(by_area["p90"], nan=-1))
        for i in order:
            if not by_area["demand"][i] > 0:
                continue
            verdict = ""
            if std_mean is not None or std_p90 is not None:
                ok = (std_mean is None or by_area["mean"][i] <= std_mean) and \
                     (std_p90 is None or by_area["p90"][i] <= std_p90)
                verdict = self.tr(" It meets the standard.") if ok else self.tr(" It falls short of the standard.")
            lines.append(self.tr("{name}: {d:.0f} calls a day, mean {m:.1f} min{mc}, 90th percentile {p:.1f} "
                                 "min{pc}; {pct}.{v}").format(
                name=areas["names"][i], d=by_area["demand"][i], m=by_area["mean"][i], mc=ci(by_area, "mean", i),
                p=by_area["p90"][i], pc=ci(by_area, "p90", i), pct=pct_text(by_area, i), v=verdict))
        util = np.nan_to_num(tab["utilisation"], nan=-1)
        b = int(np.argmax(util))
        lines.append(self.tr("The busiest station is {s}: its vehicles are busy {u:.0f} % of the time, answering "
                             "{c:.1f} calls a day, {o:.0f} % of them outside its own first-response area.").format(
            s=stations["names"][b], u=100.0 * tab["utilisation"][b], c=tab["calls"][b], o=tab["pct_outside"][b]))
        if needs is not None:
            last = needs[-1]
            if last["failing"] == 0:
                lines.append(self.tr("{k} more vehicle(s) would bring every area within the standard.").format(
                    k=last["added"]))
            else:
                lines.append(self.tr("Even {k} more vehicle(s) leave {f} area(s) short of the standard.").format(
                    k=last["added"], f=last["failing"]))
        lines.append(self.tr("Method: {m}. Model: Poisson calls, nearest free vehicle, calls wait when every vehicle "
                             "is busy, vehicles return to their station after the job cycle.").format(
            m=self.tr("discrete-event simulation (figures ± 95 % confidence interval)") if sim is not None
            else self.tr("analytic (hypercube approximation)")))
        return lines

    def _write_summary(self, path, lines):
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            if path.lower().endswith(".txt"):
                fh.write("\n\n".join(lines) + "\n")
            else:
                e = html.escape
                fh.write(f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                         f"{e(self.tr('Response times'))}</title></head><body><h1>{e(self.tr('Response times'))}"
                         "</h1>\n" + "\n".join(f"<p>{e(s)}</p>" for s in lines) + "\n</body></html>\n")
