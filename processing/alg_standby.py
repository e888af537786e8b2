"""drivetime:standby -- Place standby / deployment points (maximal covering location on drive times)."""
from dataclasses import dataclass, field
import html
import time

import numpy as np
from qgis.core import (QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsGeometry, QgsPointXY, QgsProcessing,
                       QgsProcessingException, QgsProcessingMultiStepFeedback, QgsProcessingOutputNumber,
                       QgsProcessingParameterBoolean, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterNumber, QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant

from .base import AlgorithmBase, fmt_num, progress_callback
from .dask_settings import dask_runner
from . import qgis_io, styling
from .inputs import NetworkInput, SitesInput, SpeedInput
from .population import AreaPopulationReader
from .report_charts import standby_curve_svg


@dataclass
class _Settings:
    """The run's checked parameters."""

    budget: float  # minutes, fixed time included
    drive: float  # minutes of driving that fit in the budget
    neighbours: int
    snap: float
    days: float
    min_per_day: float
    target: float  # % or None
    count: int  # None with a target
    swap: bool


@dataclass
class _DemandData:
    """Demand cells and their weights (``w``: incidents if given, else population; per demand cell)."""

    demand: object  # core.standby.Demand (population + incidents)
    weight_grid: np.ndarray
    unit: str
    w: np.ndarray
    w_pop: np.ndarray  # None without population
    w_inc: np.ndarray  # None without incidents
    inc_rc: tuple  # (rows, cols) of the incidents, None without


@dataclass
class _Sites:
    """Candidates then existing sites: one source each (``src`` rows, cols), existing ones ``fixed``."""

    cand: dict
    existing: dict  # None without EXISTING
    n_cand: int = field(init=False)
    n_fix: int = field(init=False)
    src: np.ndarray = field(init=False)
    fixed: list = field(init=False)

    def __post_init__(self):
        self.n_cand = self.cand["rows"].size
        self.n_fix = 0 if self.existing is None else self.existing["rows"].size
        self.src = np.column_stack([self.cand["rows"], self.cand["cols"]])
        if self.n_fix:
            self.src = np.vstack([self.src, np.column_stack([self.existing["rows"], self.existing["cols"]])])
        self.fixed = list(range(self.n_cand, self.n_cand + self.n_fix))


class StandbyAlgorithm(SpeedInput, SitesInput, NetworkInput, AreaPopulationReader, AlgorithmBase):
    NAME = "standby"
    REQUIRES = ("numpy", "numba", "rasterio", "shapely", "scipy", "sklearn")

    POPULATION = "POPULATION"
    POPULATION_FIELD = "POPULATION_FIELD"
    POPULATION_RASTER = "POPULATION_RASTER"
    DEMAND = "DEMAND"
    POPULATION_ALTERNATIVE = DEMAND  # incidents can stand in for the population
    DAYS = "DAYS"
    EXISTING = "EXISTING"
    CANDIDATES = "CANDIDATES"
    CANDIDATE_COUNT = "CANDIDATE_COUNT"
    DRIVE_BUDGET = "DRIVE_BUDGET"
    COUNT = "COUNT"
    TARGET_COVERAGE = "TARGET_COVERAGE"
    SWAP = "SWAP"
    MIN_PER_DAY = "MIN_PER_DAY"
    ROAD_MIN_SPEED = "ROAD_MIN_SPEED"
    SEED = "SEED"
    OUTPUT = "OUTPUT"
    OUTPUT_CURVE = "OUTPUT_CURVE"
    OUTPUT_ZONES = "OUTPUT_ZONES"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    # figures (number outputs): a stable API for models and scripts
    FIGURES = ("POINTS_CHOSEN", "COVERAGE_PCT", "EXISTING_COVERAGE_PCT", "MAX_COVERAGE_PCT", "TARGET_REACHED")

    def displayName(self):  # noqa: N802
        return self.tr("Place standby points")

    def help_map(self):
        return {
            "": self.tr(
                "Places standby / deployment points so that as much demand as possible lies within a drive-time "
                "budget of a point (the drive-zone model: 2 minutes to go mobile + 6 minutes' drive = the "
                "8-minute standard). Method: maximal covering location. For every candidate a cut-off drive-time "
                "run lists the demand cells it covers; existing sites are fixed and counted first; a lazy greedy "
                "search adds the candidate that covers most new demand, which is guaranteed to reach at least "
                "1 - 1/e (63 %) of the best possible cover for that number of points, and the report gives a "
                "certified upper bound that is usually much tighter; an optional swap search then exchanges points "
                "while that covers more. Give COUNT, or TARGET_COVERAGE to find the smallest number of points "
                "that reaches it."),
            **self._population_help(),
            self.POPULATION: self.tr("Population as polygons (e.g. LSOAs, spread over the speed raster's cells by "
                                     "exact area) or points, with POPULATION_FIELD; read exactly as 'Coverage and "
                                     "equity by area' reads it. Demand is only where population is, so this also "
                                     "sets the study area. Give this or POPULATION_RASTER (not both); both are "
                                     "optional when DEMAND is given."),
            self.DEMAND: self.tr("Optional incident points (e.g. a year of CAD incidents): demand is then the number "
                                 "of incidents per cell instead of population, and each point's zone gets an "
                                 "incidents-per-24-hours figure."),
            self.DAYS: self.tr("Number of days the DEMAND incidents span (365 for a year), for incidents per 24 h."),
            self.EXISTING: self.tr("Optional existing sites (e.g. current stations) that stay open: their cover "
                                   "is counted first and new points are placed around them."),
            self.CANDIDATES: self.tr("Optional candidate points (car parks, stations, ...). If absent, candidates "
                                     "are generated: k-means centres of the demand-weighted cells, each moved to "
                                     "the nearest road cell."),
            self.CANDIDATE_COUNT: self.tr("How many candidates to generate when CANDIDATES is not given."),
            self.DRIVE_BUDGET: self.tr("Drive time in minutes within which a point covers a cell (6 = an 8-minute "
                                       "response with 2 minutes to go mobile). A time equal to it is covered."),
            self.COUNT: self.tr("Number of new points to place (ignored when TARGET_COVERAGE is given)."),
            self.TARGET_COVERAGE: self.tr("Optional share of demand (%) to cover, existing sites included: the "
                                          "smallest number of new points that reaches it is placed."),
            self.SWAP: self.tr("Improve the greedy solution by swaps (replace a point by another candidate while "
                               "that covers more). Never worse than greedy; slower on very large candidate sets."),
            self.MIN_PER_DAY: self.tr("With DEMAND: points whose zone has fewer incidents per 24 h than this are "
                                      "flagged (low_use = 1); the planning guidance warns against resources that "
                                      "would respond to fewer than 2 a day."),
            self.ROAD_MIN_SPEED: self.tr("Generated candidates are moved to road cells: cells at least this fast "
                                         "(km/h). Empty: cells faster than the most common speed (the off-road "
                                         "background)."),
            self.SEED: self.tr("Random seed of the k-means candidate generation (same seed, same candidates)."),
            self.OUTPUT: self.tr("Chosen points, in rank order: rank, cand_id (candidate feature id, or the "
                                 "generated candidate's number), marginal_pop (people newly covered by this point "
                                 "after the existing sites and the points ranked before it) and cum_pop_pct "
                                 "(cumulative % of population covered) when POPULATION is given; with DEMAND "
                                 "marginal_inc, cum_inc_pct, inc_per_day (incidents per 24 h in the point's zone) "
                                 "and low_use (1 below MIN_PER_DAY)."),
            self.OUTPUT_CURVE: self.tr("Table: count (new points) -> covered and pct_covered by the greedy sequence "
                                       "(each point added where it covers most new demand; never decreasing), "
                                       "marginal gain, and max_pct (certified upper bound: no set of that many "
                                       "candidates covers more); chosen = 1 and pct_solution (after the swap "
                                       "search) on the count of the solution."),
            self.OUTPUT_ZONES: self.tr("Optional polygons: the cells within DRIVE_BUDGET of the chosen points and "
                                       "existing sites, each allocated to the nearest one (fields site, kind, rank, "
                                       "demand, area_km2, inc_per_day)."),
            self.OUTPUT_REPORT: self.tr("Optional HTML report: summary sentences, the coverage curve chart (inline "
                                        "SVG) and the table of chosen points."),
            "POINTS_CHOSEN": self.tr("Number output: new standby points chosen."),
            "COVERAGE_PCT": self.tr("Number output: % of the demand within DRIVE_BUDGET of the chosen points and "
                                    "the existing sites."),
            "EXISTING_COVERAGE_PCT": self.tr("Number output: % of the demand the existing sites cover alone (0 "
                                             "without EXISTING)."),
            "MAX_COVERAGE_PCT": self.tr("Number output: % of the demand all candidates and existing sites together "
                                        "could cover."),
            "TARGET_REACHED": self.tr("Number output: 1 when TARGET_COVERAGE was reached, 0 when not, NaN without "
                                      "a target."),
            "EXAMPLE": "qgis_process run drivetime:standby --SPEED=speed.tif "
                       "--POPULATION=oxfordshire_demo.gpkg|layername=lsoa11_oxfordshire "
                       "--POPULATION_FIELD=pop_mid2018 --DRIVE_BUDGET=6 --TARGET_COVERAGE=90 --OUTPUT=standby.gpkg "
                       "--OUTPUT_CURVE=curve.csv --OUTPUT_REPORT=standby.html",
        }

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_speed()
        for param in self._population_parameters():  # POPULATION, POPULATION_FIELD, POPULATION_RASTER
            self.add(param)
        self.add_sites(self.DEMAND, self.tr("Incidents (demand points)"), optional=True)
        self.add(QgsProcessingParameterNumber(self.DAYS, self.tr("Days the incidents span"),
                                              QgsProcessingParameterNumber.Double, 365.0, False, 0.001))
        self.add_sites(self.EXISTING, self.tr("Existing sites (fixed)"), optional=True)
        self.add_sites(self.CANDIDATES, self.tr("Candidate points"), optional=True)
        self.add(QgsProcessingParameterNumber(self.CANDIDATE_COUNT, self.tr("Candidates to generate"),
                                              QgsProcessingParameterNumber.Integer, 300, False, 1, 5000),
                 advanced=True)
        self.add(QgsProcessingParameterNumber(self.DRIVE_BUDGET, self.tr("Drive budget (minutes)"),
                                              QgsProcessingParameterNumber.Double, 6.0, False, 0.0, 1440.0))
        self.add(QgsProcessingParameterNumber(self.COUNT, self.tr("Number of new points"),
                                              QgsProcessingParameterNumber.Integer, 10, True, 0, 100000))
        self.add(QgsProcessingParameterNumber(self.TARGET_COVERAGE, self.tr("Target coverage (%)"),
                                              QgsProcessingParameterNumber.Double, None, True, 0.0, 100.0))
        self.add(QgsProcessingParameterBoolean(self.SWAP, self.tr("Improve by swap search"), True))
        self.add(QgsProcessingParameterNumber(self.MIN_PER_DAY, self.tr("Flag points with fewer incidents per 24 h "
                                                                        "than"),
                                              QgsProcessingParameterNumber.Double, 2.0, False, 0.0), advanced=True)
        self.add_neighbours()
        self.add_snap_distance(self.tr("Snap points to passable cells within (m)"))
        self.add(QgsProcessingParameterNumber(self.ROAD_MIN_SPEED, self.tr("Road cells: minimum speed (km/h)"),
                                              QgsProcessingParameterNumber.Double, None, True, 0.0), advanced=True)
        self.add(QgsProcessingParameterNumber(self.SEED, self.tr("Random seed"),
                                              QgsProcessingParameterNumber.Integer, 0, False, 0), advanced=True)
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Standby points"),
                                                   QgsProcessing.TypeVectorPoint))
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT_CURVE, self.tr("Coverage curve"),
                                                   QgsProcessing.TypeVector, optional=True))
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT_ZONES, self.tr("Drive zones"),
                                                   QgsProcessing.TypeVectorPolygon, optional=True,
                                                   createByDefault=False))
        self.add(QgsProcessingParameterFileDestination(self.OUTPUT_REPORT, self.tr("Report"),
                                                       self.tr("HTML files (*.html)"), optional=True,
                                                       createByDefault=False))
        descriptions = (self.tr("Points chosen"), self.tr("Coverage (%)"),
                        self.tr("Coverage of the existing sites (%)"), self.tr("Highest possible coverage (%)"),
                        self.tr("Target reached"))
        for key, desc in zip(self.FIGURES, descriptions):
            self.addOutput(QgsProcessingOutputNumber(key, desc))

    # ------------------------------------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        from ..core.costdist import speed_to_friction

        t_start = time.perf_counter()
        want_zones = self.wants_output(parameters, self.OUTPUT_ZONES, context)
        steps = QgsProcessingMultiStepFeedback(5, feedback)
        layer, grid = self.read_speed(parameters, context)
        spec, crs = grid.spec, layer.crs()
        s = self._read_settings(parameters, context, feedback, layer)
        friction = speed_to_friction(grid.array)
        passable = np.isfinite(friction)

        dem = self._demand(parameters, context, feedback, spec, crs, passable)  # 1. demand
        steps.setCurrentStep(1)  # 2. candidates and existing sites
        sites = self._candidates(parameters, context, feedback, steps, grid.array, spec, crs, friction, passable,
                                 s.snap, dem.weight_grid)
        if feedback.isCanceled():
            return {}
        steps.setCurrentStep(2)  # 3. coverage sets
        sets = self._coverage_sets(feedback, steps, friction, spec, sites, s, dem.demand)
        steps.setCurrentStep(3)  # 4. optimise
        sol = self._optimise(feedback, steps, sets, dem, sites, s)
        if feedback.isCanceled():
            return {}
        steps.setCurrentStep(4)  # 5. zones / allocation (nearest chosen point or existing site within the budget)
        labels, zone_dem, zone_pop, per_day = self._allocate_zones(friction, spec, sites, sol, dem, s)

        k = len(sol.chosen)
        results = self._figures(sol, k, sites.n_fix, s.target)
        results.update(self._write_points(parameters, context, feedback, crs, sets, sol, sites.cand, dem.w_pop,
                                          dem.w_inc, sites.fixed, per_day, s.min_per_day, zone_pop))
        results.update(self._write_curve(parameters, context, sol, k))
        if want_zones and labels is not None:
            results.update(self._write_zones(parameters, context, feedback, crs, spec, labels, sol, sites.cand,
                                             sites.existing, zone_dem,
                                             zone_pop if dem.w_pop is not None else None, per_day))
        self._warn_low_use(feedback, per_day, k, s.min_per_day)
        report = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        if report:
            self._write_report(report, sol, k, s.target, s.budget, dem.unit, sites.n_cand, sites.n_fix, per_day,
                               s.min_per_day)
            results[self.OUTPUT_REPORT] = report
        feedback.pushInfo(self.tr("Done in {t:.1f} s.").format(t=time.perf_counter() - t_start))
        steps.setProgress(100)
        return results

    # -- steps -------------------------------------------------------------------------------------------------
    def _read_settings(self, parameters, context, feedback, layer):
        """The run's settings, checked (in this order) before any input is read."""
        budget = self.parameterAsDouble(parameters, self.DRIVE_BUDGET, context)
        if not budget > 0:
            raise QgsProcessingException(self.tr("DRIVE_BUDGET must be positive (minutes), e.g. 6."))
        fixed = qgis_io.read_fixed_minutes(layer, self.SPEED, feedback)
        if fixed >= budget:
            raise QgsProcessingException(self.tr(
                "DRIVE_BUDGET: the calibrated speed surface adds a fixed time of {f:.2f} min to every journey, which "
                "uses up the whole budget of {b} min. Give a larger budget, or use an uncalibrated surface (or one "
                "calibrated on blue-light journeys) for drive zones.").format(f=fixed, b=fmt_num(budget)))
        neighbours = self.read_neighbours(parameters, context)
        snap = self.read_snap_distance(parameters, context)
        days = self.parameterAsDouble(parameters, self.DAYS, context)
        min_per_day = self.parameterAsDouble(parameters, self.MIN_PER_DAY, context)
        target = None
        if parameters.get(self.TARGET_COVERAGE) not in (None, ""):
            target = self.parameterAsDouble(parameters, self.TARGET_COVERAGE, context)
            if not 0 < target <= 100:
                raise QgsProcessingException(self.tr("TARGET_COVERAGE must be a percentage above 0 and at most 100."))
        count = None
        if target is None:
            if parameters.get(self.COUNT) in (None, ""):
                count = 10
            else:
                count = self.parameterAsInt(parameters, self.COUNT, context)
            if count < 1:
                raise QgsProcessingException(self.tr(
                    "COUNT must be at least 1 (or give TARGET_COVERAGE to find the number of points)."))
        swap = self.parameterAsBool(parameters, self.SWAP, context)
        return _Settings(budget, budget - fixed, neighbours, snap, days, min_per_day, target, count, swap)

    def _demand(self, parameters, context, feedback, spec, crs, passable):
        """Population and / or incidents on the speed grid -> the demand cells and their weights."""
        from ..core import standby as sb

        # the population reader of coverage and scenario (population.py): the same people for the same layer
        pop, pop_in, pop_placed = self._population_grid(parameters, context, feedback, spec, crs)
        if pop is not None:
            feedback.pushInfo(self.tr("Population: {t:,.0f} people in the input, {p:,.0f} on the speed raster.")
                              .format(t=pop_in, p=pop_placed))
            if pop_in > 0 and pop_placed < pop_in * (1 - 1e-6):
                feedback.pushWarning(self.tr("POPULATION: {p:,.0f} of {t:,.0f} people lie outside the speed raster "
                                             "and are left out.").format(p=pop_in - pop_placed, t=pop_in))
        inc = inc_rc = None
        dpts = self.read_site_points(parameters, self.DEMAND, context, crs, feedback=feedback)
        if dpts is not None:
            dr, dc = spec.rowcol(dpts["x"], dpts["y"])
            inc, dropped = sb.points_per_cell(dr, dc, spec.shape)
            inc_rc = (dr, dc)
            if dropped:
                feedback.pushWarning(self.tr("DEMAND: {n} incident(s) lie outside the speed raster and are left "
                                             "out.").format(n=dropped))
        if pop is None and inc is None:
            raise QgsProcessingException(self._population_problem({}, context))
        weight_grid = inc if inc is not None else pop
        unit = self.tr("incidents") if inc is not None else self.tr("people")
        if not np.any(weight_grid > 0):
            raise QgsProcessingException(self.tr(
                "{p}: no demand falls on the speed raster; check that the layers overlap.").format(
                p=self.DEMAND if inc is not None else self.POPULATION))
        both = np.zeros(spec.shape, np.float64)
        if pop is not None:
            both += pop
        if inc is not None:
            both += inc
        demand = sb.Demand.from_grid(both)
        w = weight_grid.reshape(-1)[demand.cells].astype(np.float64)
        w_pop = pop.reshape(-1)[demand.cells] if pop is not None else None
        w_inc = inc.reshape(-1)[demand.cells] if inc is not None else None
        stuck = float(w[~passable.reshape(-1)[demand.cells]].sum())
        if stuck > 0:
            feedback.pushWarning(self.tr("{v:,.0f} {u} ({p:.2f} %) are on impassable cells and can never be "
                                         "covered.").format(v=stuck, u=unit, p=100 * stuck / w.sum()))
        return _DemandData(demand, weight_grid, unit, w, w_pop, w_inc, inc_rc)

    def _candidates(self, parameters, context, feedback, steps, speed, spec, crs, friction, passable, snap,
                    weight_grid):
        """The existing sites and the candidates (given, or generated on road cells near the demand)."""
        from ..core import standby as sb

        existing = self.read_sites(parameters, self.EXISTING, context, spec, crs, friction, snap, feedback)
        cand = self.read_sites(parameters, self.CANDIDATES, context, spec, crs, friction, snap, feedback)
        t0 = time.perf_counter()
        if cand is None:
            n_gen = self.parameterAsInt(parameters, self.CANDIDATE_COUNT, context)
            min_speed = None
            if parameters.get(self.ROAD_MIN_SPEED) not in (None, ""):
                min_speed = self.parameterAsDouble(parameters, self.ROAD_MIN_SPEED, context)
            roads = sb.road_cells(speed, min_speed) & passable
            seed = self.parameterAsInt(parameters, self.SEED, context)
            r, c = sb.generate_candidates(weight_grid * passable, spec, roads, n_gen, seed=seed,
                                          progress=progress_callback(steps))
            if r.size == 0:
                raise QgsProcessingException(self.tr(
                    "CANDIDATES: no candidate could be generated (no road cell near the demand); give CANDIDATES "
                    "or lower ROAD_MIN_SPEED."))
            x, y = spec.xy(r, c)
            cand = {"fid": np.arange(1, r.size + 1), "x": x, "y": y, "rows": r, "cols": c}
            feedback.pushInfo(self.tr("Generated {n} candidates (k-means of demand-weighted cells, moved to road "
                                      "cells) in {t:.1f} s.").format(n=r.size, t=time.perf_counter() - t0))
        return _Sites(cand, existing)

    def _coverage_sets(self, feedback, steps, friction, spec, sites, s, demand):
        """Which demand cells each candidate and existing site covers within the drive budget."""
        from ..core import standby as sb

        t0 = time.perf_counter()
        with dask_runner(feedback) as runner:  # DRIVETIME_DASK: candidate runs as Dask tasks (same sets)
            sets = sb.coverage_sets(friction, spec.cell_size, sites.src, s.drive, demand, neighbours=s.neighbours,
                                    progress=progress_callback(steps), runner=runner)
        feedback.pushInfo(self.tr("Coverage sets: {n} candidates + {e} existing sites, {c:,} demand cells, on average "
                                  "{m:,.0f} demand cells within {b} min each ({t:.1f} s).").format(
            n=sites.n_cand, e=sites.n_fix, c=demand.cells.size, m=float(sets.sizes().mean()), b=fmt_num(s.budget),
            t=time.perf_counter() - t0))
        return sets

    def _optimise(self, feedback, steps, sets, dem, sites, s):
        """Greedy (+ swap) maximal cover, and what it means in the log."""
        from ..core import standby as sb

        t0 = time.perf_counter()
        sol = sb.solve(sets, dem.w, count=s.count, fixed=sites.fixed,
                       target_share=None if s.target is None else s.target / 100.0, swap=s.swap,
                       progress=progress_callback(steps))
        t_opt = time.perf_counter() - t0
        k, n_fix, target = len(sol.chosen), sites.n_fix, s.target
        if n_fix:
            feedback.pushInfo(self.tr("The {n} existing sites cover {b:.1f} % of the demand.").format(
                n=n_fix, b=sol.pct(sol.base)))
        feedback.pushInfo(self.tr(
            "{k} new point(s) bring the cover to {c:.1f} % of {tot:,.0f} {u} (greedy: "
            "{gk} points, {g:.1f} %; {s} swap(s)); no {k} candidates could exceed {ub:.1f} %; all candidates "
            "together reach {r:.1f} % ({t:.1f} s).").format(
                k=k, c=sol.pct(sol.covered), tot=sol.total, u=dem.unit, gk=sol.greedy_count,
                g=sol.pct(sol.greedy_covered), s=sol.swaps, ub=sol.pct(sol.upper_bound),
                r=sol.pct(sol.reachable), t=t_opt))
        for note in sol.notes:
            feedback.pushWarning(note)
        if target is not None:
            if not sol.target_reached:
                feedback.pushWarning(self.tr(
                    "TARGET_COVERAGE {t} % cannot be reached: all {n} candidates together cover {r:.1f} %. The {k} "
                    "points that add cover are placed. Add candidates (CANDIDATES or CANDIDATE_COUNT) or raise "
                    "DRIVE_BUDGET.").format(t=fmt_num(target), n=sites.n_cand, r=sol.pct(sol.reachable), k=k))
            else:
                feedback.pushInfo(self.tr("Smallest count reaching {t} %: {k}{proof}.").format(
                    t=fmt_num(target), k=k, proof=self.tr(" (proven: no {m} candidates can reach it)").format(m=k - 1)
                    if sol.proven_minimal and k > 0 else ""))
        return sol

    @staticmethod
    def _allocate_zones(friction, spec, sites, sol, dem, s):
        """Each cell within the budget to its nearest open site (chosen points, then existing sites); the demand,
        population and incidents per 24 h of each zone."""
        from ..core import standby as sb
        from ..core.costdist import cost_distance

        open_idx = list(sol.chosen) + sites.fixed
        labels = None
        if open_idx:
            res = cost_distance(friction, spec.cell_size, sites.src[open_idx], max_cost=s.drive,
                                neighbours=s.neighbours, want_nearest=True)
            labels = res.nearest
            del res
        (zone_dem, zone_pop), zone_inc = sb.zone_sums(labels, dem.demand.cells, len(open_idx), (dem.w, dem.w_pop),
                                                      dem.inc_rc)
        per_day = zone_inc / s.days if dem.inc_rc is not None else None
        return labels, zone_dem, zone_pop, per_day

    @staticmethod
    def _figures(sol, k, n_fix, target):
        return {"POINTS_CHOSEN": int(k), "COVERAGE_PCT": float(sol.pct(sol.covered)),
                "EXISTING_COVERAGE_PCT": float(sol.pct(sol.base)) if n_fix else 0.0,
                "MAX_COVERAGE_PCT": float(sol.pct(sol.reachable)),
                "TARGET_REACHED": float(bool(sol.target_reached)) if target is not None else float("nan")}

    def _warn_low_use(self, feedback, per_day, k, min_per_day):
        if per_day is not None and k:
            low = [i + 1 for i in range(k) if per_day[i] < min_per_day]
            if low:
                feedback.pushWarning(self.tr(
                    "{n} of {k} new points would respond to fewer than {m} incidents per 24 h (ranks {r}): a resource "
                    "there would stand idle most of the time.").format(n=len(low), k=k, m=fmt_num(min_per_day),
                                                                       r=", ".join(map(str, low[:30]))))

    # -- outputs -----------------------------------------------------------------------------------------------
    def _write_points(self, parameters, context, feedback, crs, sets, sol, cand, w_pop, w_inc, fixed, per_day,
                      min_per_day, zone_pop):
        fields = QgsFields()
        fields.append(QgsField("rank", QVariant.Int))
        fields.append(QgsField("cand_id", QVariant.LongLong))
        if w_pop is not None:
            fields.append(QgsField("marginal_pop", QVariant.Double))
            fields.append(QgsField("cum_pop_pct", QVariant.Double))
            fields.append(QgsField("zone_pop", QVariant.Double))
        if w_inc is not None:
            fields.append(QgsField("marginal_inc", QVariant.Double))
            fields.append(QgsField("cum_inc_pct", QVariant.Double))
            fields.append(QgsField("inc_per_day", QVariant.Double))
            fields.append(QgsField("low_use", QVariant.Int))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Point, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        base_mask = sets.covered_mask(fixed)
        cols = {}
        for key, wv in (("pop", w_pop), ("inc", w_inc)):
            if wv is None:
                continue
            covered = base_mask.copy()
            tot = float(wv.sum())
            val = float(wv[covered].sum())
            marg, cum = [], []
            for j in sol.chosen:
                idx = sets.get(j)
                g = float(wv[idx][~covered[idx]].sum())
                covered[idx] = True
                val += g
                marg.append(g)
                cum.append(100.0 * val / tot if tot > 0 else None)
            cols[key] = (marg, cum)
        for i, j in enumerate(sol.chosen):
            f = QgsFeature(fields)
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(cand["x"][j]), float(cand["y"][j]))))
            attrs = [i + 1, int(cand["fid"][j])]
            if w_pop is not None:
                attrs += [round(cols["pop"][0][i], 2), cols["pop"][1][i], round(float(zone_pop[i]), 2)]
            if w_inc is not None:
                attrs += [cols["inc"][0][i], cols["inc"][1][i], float(per_day[i]), int(per_day[i] < min_per_day)]
            f.setAttributes(attrs)
            sink.addFeature(f, QgsFeatureSink.FastInsert)
        sink.flushBuffer()
        del sink
        styling.style_output(context, dest, styling.style_from_qml("standby_points.qml"), "Point",
                             self.tr("Standby points"), feedback, crs, fields)
        return {self.OUTPUT: dest}

    def _write_curve(self, parameters, context, sol, k):
        if not self.wants_output(parameters, self.OUTPUT_CURVE, context):
            return {}
        fields = QgsFields()
        fields.append(QgsField("count", QVariant.Int))
        fields.append(QgsField("covered", QVariant.Double))
        fields.append(QgsField("pct_covered", QVariant.Double))
        fields.append(QgsField("marginal", QVariant.Double))
        fields.append(QgsField("max_pct", QVariant.Double))
        fields.append(QgsField("chosen", QVariant.Int))
        fields.append(QgsField("pct_solution", QVariant.Double))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_CURVE, context, fields)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_CURVE))
        for c, v in enumerate(sol.curve):
            f = QgsFeature(fields)
            f.setAttributes([c, float(v), sol.pct(float(v)), float(v - sol.curve[c - 1]) if c else 0.0,
                             sol.pct(float(sol.curve_bound[c])), int(c == k),
                             sol.pct(sol.covered) if c == k else None])
            sink.addFeature(f, QgsFeatureSink.FastInsert)
        sink.flushBuffer()
        del sink
        return {self.OUTPUT_CURVE: dest}

    def _write_zones(self, parameters, context, feedback, crs, spec, labels, sol, cand, existing, zone_dem,
                     zone_pop, per_day):
        from affine import Affine
        from rasterio.features import shapes
        from shapely.geometry import MultiPolygon, shape

        fields = QgsFields()
        fields.append(QgsField("site", QVariant.Int))
        fields.append(QgsField("kind", QVariant.String))
        fields.append(QgsField("rank", QVariant.Int))
        fields.append(QgsField("site_id", QVariant.LongLong))
        fields.append(QgsField("demand", QVariant.Double))
        if zone_pop is not None:
            fields.append(QgsField("population", QVariant.Double))
        fields.append(QgsField("area_km2", QVariant.Double))
        if per_day is not None:
            fields.append(QgsField("inc_per_day", QVariant.Double))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_ZONES, context, fields, QgsWkbTypes.MultiPolygon,
                                          crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_ZONES))
        k = len(sol.chosen)
        # polygonise only the window holding zones
        rr, cc = np.nonzero(labels >= 0)
        r0, r1, c0, c1 = rr.min(), rr.max() + 1, cc.min(), cc.max() + 1
        sub = np.ascontiguousarray(labels[r0:r1, c0:c1]).astype(np.int32)
        transform = Affine(spec.cell_size, 0, spec.x_min + c0 * spec.cell_size, 0, -spec.cell_size,
                           spec.y_max - r0 * spec.cell_size)
        parts = {}
        for geom, value in shapes(sub, mask=sub >= 0, transform=transform, connectivity=4):
            parts.setdefault(int(value), []).append(shape(geom))
        for lab in sorted(parts):
            polys = parts[lab]
            g = MultiPolygon(polys) if len(polys) > 1 else polys[0]
            if lab < k:
                kind, rank, sid = "new", lab + 1, int(cand["fid"][sol.chosen[lab]])
            else:
                kind, rank, sid = "existing", None, int(existing["fid"][lab - k])
            f = QgsFeature(fields)
            qg = QgsGeometry()
            qg.fromWkb(g.wkb)
            qg.convertToMultiType()
            f.setGeometry(qg)
            attrs = [lab + 1, kind, rank, sid, float(zone_dem[lab])]
            if zone_pop is not None:
                attrs.append(float(zone_pop[lab]))
            attrs.append(g.area / 1e6)
            if per_day is not None:
                attrs.append(float(per_day[lab]))
            f.setAttributes(attrs)
            sink.addFeature(f, QgsFeatureSink.FastInsert)
        sink.flushBuffer()
        del sink
        styling.style_output(context, dest, styling.style_from_qml("standby_zones.qml"), "Polygon",
                             self.tr("Drive zones"), feedback, crs, fields)
        return {self.OUTPUT_ZONES: dest}

    def _write_report(self, path, sol, k, target, budget, unit, n_cand, n_fix, per_day, min_per_day):
        counts = np.arange(len(sol.curve))
        pct = 100.0 * sol.curve / sol.total
        bound = 100.0 * sol.curve_bound / sol.total
        svg = standby_curve_svg(counts, pct, bound, target, (k, sol.pct(sol.covered)))
        e = html.escape
        lines = [
            self.tr("Demand: {tot:,.0f} {u}. Drive budget: {b} minutes; {n} candidate points; {f} existing site(s).")
            .format(tot=sol.total, u=unit, b=fmt_num(budget), n=n_cand, f=n_fix),
            self.tr("The existing sites cover {b:.1f} %. {k} new point(s) raise this to {c:.1f} %.")
            .format(b=sol.pct(sol.base), k=k, c=sol.pct(sol.covered)),
            self.tr("No choice of {k} candidates could cover more than {ub:.1f} % (certified bound); even all {n} "
                    "candidates together cover {r:.1f} %.").format(k=k, ub=sol.pct(sol.upper_bound), n=n_cand,
                                                                  r=sol.pct(sol.reachable)),
        ]
        if target is not None:
            lines.append(self.tr("Target {t} %: {msg}").format(t=fmt_num(target), msg=(
                self.tr("reached with {k} new point(s){p}.").format(
                    k=k, p=self.tr(", and no {m} candidates could reach it").format(m=k - 1)
                    if sol.proven_minimal and k > 0 else "")
                if sol.target_reached else self.tr("not reachable with these candidates."))))
        if per_day is not None and k:
            low = int((per_day[:k] < min_per_day).sum())
            lines.append(self.tr("{n} of the {k} new points would respond to fewer than {m} incidents per 24 hours.")
                         .format(n=low, k=k, m=fmt_num(min_per_day)))
        rows = "".join(
            f"<tr><td>{i + 1}</td><td>{sol.marginal[i]:,.0f}</td><td>{sol.pct(sol.cumulative[i]):.1f}</td>"
            + (f"<td>{per_day[i]:.2f}</td>" if per_day is not None else "") + "</tr>" for i in range(k))
        head = (f"<tr><th>{e(self.tr('rank'))}</th><th>{e(self.tr('newly covered'))} ({e(unit)})</th>"
                f"<th>{e(self.tr('cumulative %'))}</th>"
                + (f"<th>{e(self.tr('incidents / 24 h'))}</th>" if per_day is not None else "") + "</tr>")
        doc = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{e(self.tr("Standby point placement"))}</title>
<style>body{{font-family:sans-serif;max-width:820px;margin:2em auto;color:#222}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:2px 8px;text-align:right}}</style></head>
<body><h1>{e(self.tr("Standby point placement"))}</h1>
{"".join(f"<p>{e(s)}</p>" for s in lines)}
<h2>{e(self.tr("Coverage by number of new points"))}</h2>
{svg}
<p><small>{e(self.tr("Blue: greedy sequence (each point added where it covers most new demand). Grey dashes: "
                     "certified upper bound for any choice of that many candidates. Orange dot: the solution "
                     "(after swap search). Greedy is guaranteed at least 1 - 1/e (63 %) of the best cover beyond "
                     "the existing sites (Nemhauser, Wolsey and Fisher 1978)."))}</small></p>
<h2>{e(self.tr("Chosen points"))}</h2><table>{head}{rows}</table>
</body></html>
"""
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(doc)
