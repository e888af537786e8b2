"""Population inputs shared by coverage, scenario and standby (processing/population.py), headless.

* No field parameter hangs off an input that can hold a raster (QGIS 3.22's dialog crashed on that).
* POPULATION (polygons / points) and POPULATION_RASTER: exactly one, with messages naming both.
* Overlapping areas count their shared people in each area, with a warning naming them; invalid (bow-tie)
  areas and population polygons are repaired with a warning naming them -- against shapely intersections.
* Standby reads the same layer into the same people as coverage.
"""
import numpy as np
import pytest
from _layers import memory_layer as layer, wkt_box, write_raster  # shared test helpers

X0, Y1, CELL, N = 440000.0, 210000.0, 50.0, 40  # a 2 km x 2 km grid, EPSG:27700
POP_ALGS = ("drivetime:coverage", "drivetime:scenario", "drivetime:standby")


class Log:
    """A feedback that keeps what the algorithm says."""

    def __init__(self):
        from qgis.core import QgsProcessingFeedback

        log = self

        class F(QgsProcessingFeedback):
            def pushWarning(self, text):  # noqa: N802
                log.warnings.append(text)
                super().pushWarning(text)

            def pushInfo(self, text):  # noqa: N802
                log.infos.append(text)
                super().pushInfo(text)

        self.warnings, self.infos = [], []
        self.feedback = F()


def run(alg, params, log=None):
    import processing

    return processing.run(alg, params, feedback=log.feedback if log else None)


def run_error(alg, params):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as err:
        processing.run(alg, params)
    return str(err.value)


# -- parameters -----------------------------------------------------------------------------------------------
def test_no_field_parameter_has_a_parent_that_can_hold_a_raster(qgis_app):
    from qgis.core import QgsApplication

    algs = QgsApplication.processingRegistry().providerById("drivetime").algorithms()
    assert len(algs) >= 7
    checked = 0
    for alg in algs:
        for p in alg.parameterDefinitions():
            if p.type() != "field":
                continue
            parent = alg.parameterDefinition(p.parentLayerParameterName())
            assert parent is not None and parent.type() in ("source", "vector"), (alg.id(), p.name())
            checked += 1
    assert checked >= 10


@pytest.mark.parametrize("alg_id", POP_ALGS)
def test_population_parameters(qgis_app, alg_id):
    from qgis.core import QgsApplication, QgsProcessing, QgsProcessingParameterDefinition

    alg = QgsApplication.processingRegistry().algorithmById(alg_id)
    pop, ras = alg.parameterDefinition("POPULATION"), alg.parameterDefinition("POPULATION_RASTER")
    assert pop.type() == "source" and sorted(pop.dataTypes()) == sorted(
        [QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeVectorPoint])
    assert ras.type() == "raster"
    for p in (pop, ras):
        assert p.flags() & QgsProcessingParameterDefinition.FlagOptional
    for name in ("POPULATION_FIELD", "URBANITY_FIELD", "GROUP_FIELD"):
        f = alg.parameterDefinition(name)
        if f is not None:
            assert f.parentLayerParameterName() == "POPULATION"
    assert "POPULATION_RASTER" in alg.shortHelpString()


@pytest.fixture()
def grid(tmp_path):
    """Minutes (= speed for standby: any positive grid), two areas, a polygon population and a raster."""
    arr = np.tile(np.linspace(1.0, 30.0, N), (N, 1))
    path = write_raster(tmp_path / "grid.tif", arr)
    areas = layer("Polygon", [wkt_box(X0, Y1 - 2000, X0 + 1000, Y1), wkt_box(X0 + 1000, Y1 - 2000, X0 + 2000, Y1)],
                  [("id", "string")], [["W"], ["E"]], "areas")
    pop = layer("Polygon", [wkt_box(X0 + 100, Y1 - 1900, X0 + 1900, Y1 - 100)], [("n", "double")], [[900.0]],
                "pop")
    pr = write_raster(tmp_path / "pop.tif", np.full((5, 5), 10.0), 300.0, (X0 + 70, Y1 - 30))
    return {"grid": path, "areas": areas, "pop": pop, "pop_raster": pr, "tmp": tmp_path}


def base_params(alg_id, g):
    if alg_id == "drivetime:coverage":
        return {"DRIVETIME": g["grid"], "AREAS": g["areas"], "AREA_ID_FIELD": "id",
                "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_TABLE": "TEMPORARY_OUTPUT"}
    site = layer("Point", [f"POINT({X0 + 525} {Y1 - 525})"], [("name", "string"), ("open", "integer")],
                 [["a", 1]], "s")
    if alg_id == "drivetime:scenario":
        return {"SPEED": g["grid"], "BASELINE_SITES": site, "SCENARIO_SITES": site, "AREAS": g["areas"],
                "AREA_ID_FIELD": "id", "OUTPUT_DELTA": str(g["tmp"] / "d.tif"), "OUTPUT": "TEMPORARY_OUTPUT"}
    return {"SPEED": g["grid"], "CANDIDATES": site, "COUNT": 1, "OUTPUT": "TEMPORARY_OUTPUT"}


@pytest.mark.parametrize("alg_id", POP_ALGS)
def test_exactly_one_population_input(qgis_app, grid, alg_id):
    from qgis.core import QgsRasterLayer

    base = base_params(alg_id, grid)
    # a raster given as POPULATION (a path, as on the command line, or a layer): told to use POPULATION_RASTER
    for value in (grid["pop_raster"], QgsRasterLayer(grid["pop_raster"], "people")):
        msg = run_error(alg_id, dict(base, POPULATION=value))
        assert "POPULATION_RASTER" in msg and "is a raster" in msg, msg
    msg = run_error(alg_id, dict(base, POPULATION=grid["pop"], POPULATION_FIELD="n",
                                 POPULATION_RASTER=grid["pop_raster"]))
    assert "POPULATION and POPULATION_RASTER" in msg and "not both" in msg
    msg = run_error(alg_id, base)
    assert "POPULATION" in msg and "POPULATION_RASTER" in msg
    # each kind alone runs
    run(alg_id, dict(base, POPULATION=grid["pop"], POPULATION_FIELD="n"))
    run(alg_id, dict(base, POPULATION_RASTER=grid["pop_raster"]))


# -- overlapping and invalid areas ------------------------------------------------------------------------------
def _reference(pop_polys, pops, areas):
    """Independent: people of each area = sum of pop x area(polygon ∩ area) / area(polygon), by shapely."""
    return [sum(p * q.intersection(a).area / q.area for q, p in zip(pop_polys, pops)) for a in areas]


def test_overlapping_areas_count_the_overlap_in_each_with_a_warning(qgis_app, grid):
    from shapely import wkt

    a_wkts = [wkt_box(X0, Y1 - 2000, X0 + 1200, Y1), wkt_box(X0 + 800, Y1 - 2000, X0 + 2000, Y1),
              wkt_box(X0 + 1700, Y1 - 300, X0 + 1900, Y1 - 100)]  # A∩B: x 800..1200; C inside B
    areas = layer("Polygon", a_wkts, [("id", "string")], [["Alpha"], ["Beta"], ["Gamma"]], "areas")
    p_wkts = [wkt_box(X0 + 850, Y1 - 1500, X0 + 1150, Y1 - 500),  # wholly inside the overlap A∩B
              wkt_box(X0 + 1750, Y1 - 250, X0 + 1850, Y1 - 150),  # wholly inside C (and B)
              wkt_box(X0, Y1 - 2000, X0 + 2000, Y1)]
    pops = [300.0, 40.0, 1000.0]
    pop = layer("Polygon", p_wkts, [("n", "double")], [[v] for v in pops], "pop")
    log = Log()
    res = run("drivetime:coverage", {"DRIVETIME": grid["grid"], "AREAS": areas, "AREA_ID_FIELD": "id",
                                     "POPULATION": pop, "POPULATION_FIELD": "n", "OUTPUT": "TEMPORARY_OUTPUT",
                                     "OUTPUT_TABLE": "TEMPORARY_OUTPUT"}, log)
    got = {f["area_id"]: f["pop_total"] for f in res["OUTPUT"].getFeatures()}
    ref = _reference([wkt.loads(w) for w in p_wkts], pops, [wkt.loads(w) for w in a_wkts])
    assert [got["Alpha"], got["Beta"], got["Gamma"]] == pytest.approx(ref, rel=1e-9)
    assert got["Alpha"] > 300 and got["Beta"] > 340  # the polygons inside an overlap are in each area
    warn = [w for w in log.warnings if "overlap" in w and w.startswith("AREAS")]
    assert warn and "Alpha / Beta" in warn[0] and "Beta / Gamma" in warn[0] and "Alpha / Gamma" not in warn[0]


def test_bowtie_area_and_population_are_repaired_with_warnings(qgis_app, grid):
    """A self-intersecting area next to a square, and a self-intersecting population polygon: repaired (not
    dropped, not stopping the run under the default Processing setting), named in warnings; the neighbour
    keeps exactly its own people."""
    from shapely.geometry import Polygon, box

    x, y = X0, Y1 - 2000
    bow = f"POLYGON(({x + 1000} {y},{x + 2000} {y + 2000},{x + 2000} {y},{x + 1000} {y + 2000},{x + 1000} {y}))"
    areas = layer("Polygon", [wkt_box(x, y, x + 1000, y + 2000), bow], [("id", "string")],
                  [["Square"], ["Bowtie"]], "areas")
    pop_bow = f"POLYGON(({x} {y},{x + 2000} {y + 2000},{x + 2000} {y},{x} {y + 2000},{x} {y}))"
    pop = layer("Polygon", [wkt_box(x, y, x + 2000, y + 2000), pop_bow], [("n", "double")], [[800.0], [600.0]],
                "pop")
    log = Log()
    res = run("drivetime:coverage", {"DRIVETIME": grid["grid"], "AREAS": areas, "AREA_ID_FIELD": "id",
                                     "POPULATION": pop, "POPULATION_FIELD": "n", "OUTPUT": "TEMPORARY_OUTPUT",
                                     "OUTPUT_TABLE": "TEMPORARY_OUTPUT"}, log)
    got = {f["area_id"]: f["pop_total"] for f in res["OUTPUT"].getFeatures()}
    # independent: the bow-ties as their two valid triangles each
    sq = box(x, y, x + 1000, y + 2000)
    bow_tri = Polygon([(x + 1000, y), (x + 1500, y + 1000), (x + 1000, y + 2000)]).union(
        Polygon([(x + 2000, y), (x + 1500, y + 1000), (x + 2000, y + 2000)]))
    pop_tris = [Polygon([(x, y), (x + 1000, y + 1000), (x, y + 2000)]),
                Polygon([(x + 2000, y), (x + 1000, y + 1000), (x + 2000, y + 2000)])]
    polys, pops = [box(x, y, x + 2000, y + 2000)] + pop_tris, [800.0, 300.0, 300.0]
    ref = _reference(polys, pops, [sq, bow_tri])
    assert got["Square"] == pytest.approx(ref[0], rel=1e-9)
    assert got["Bowtie"] == pytest.approx(ref[1], rel=1e-9)
    assert any(w.startswith("AREAS") and "invalid" in w and "Bowtie" in w and "Square" not in w
               for w in log.warnings), log.warnings
    assert any(w.startswith("POPULATION") and "invalid" in w and "2" in w for w in log.warnings), log.warnings


# -- standby reads the population as coverage does -----------------------------------------------------------
def _standby_total(res):
    """People on the speed grid, from the coverage curve: covered / pct_covered at the last count."""
    rows = [(f["count"], f["covered"], f["pct_covered"]) for f in res["OUTPUT_CURVE"].getFeatures()]
    _, covered, pct = max(rows)
    assert pct > 0
    return covered * 100.0 / pct


@pytest.mark.parametrize("kind", ["polygons", "points", "raster", "raster_other_crs"])
def test_standby_and_coverage_agree_on_the_population(qgis_app, grid, tmp_path, kind):
    """The same layer gives the same people on the grid in standby as in coverage (one area = the grid)."""
    whole = layer("Polygon", [wkt_box(X0, Y1 - N * CELL, X0 + N * CELL, Y1)], [("id", "string")], [["all"]])
    if kind == "polygons":  # partly off the grid, and a sliver crossing cell edges
        pop = {"POPULATION": layer("Polygon", [wkt_box(X0 - 300, Y1 - 777, X0 + 733, Y1 + 100),
                                               wkt_box(X0 + 1010, Y1 - 1990, X0 + 1990, Y1 - 1013)],
                                   [("n", "double")], [[500.0], [250.0]]), "POPULATION_FIELD": "n"}
    elif kind == "points":  # a multipoint, a point off the grid
        pop = {"POPULATION": layer("MultiPoint", ["MULTIPOINT((440123 209876),(441000 209000))",
                                                  "MULTIPOINT((440777 208333))", "MULTIPOINT((450000 200000))"],
                                   [("n", "double")], [[10.0], [20.0], [40.0]]), "POPULATION_FIELD": "n"}
    elif kind == "raster":  # 70 m cells, not nested in the 50 m grid, partly off it
        pop = {"POPULATION_RASTER": write_raster(tmp_path / "p70.tif",
                                                 np.arange(900, dtype=float).reshape(30, 30) % 17, 70.0,
                                                 (X0 - 110, Y1 + 40))}
    else:  # the same kind of raster in WGS 84
        pop = {"POPULATION_RASTER": write_raster(tmp_path / "p4326.tif", np.full((20, 30), 3.0), 0.001,
                                                 (-1.425, 51.78), crs="EPSG:4326")}
    cov = run("drivetime:coverage", dict({"DRIVETIME": grid["grid"], "AREAS": whole, "THRESHOLDS": "60",
                                          "TARGET": 60, "OUTPUT": "TEMPORARY_OUTPUT",
                                          "OUTPUT_TABLE": "TEMPORARY_OUTPUT"}, **pop))
    cov_total = next(cov["OUTPUT"].getFeatures())["pop_total"]
    cand = layer("Point", [f"POINT({X0 + 1000 + 25} {Y1 - 1000 - 25})"])
    log = Log()
    sb = run("drivetime:standby", dict({"SPEED": grid["grid"], "CANDIDATES": cand, "COUNT": 1,
                                        "DRIVE_BUDGET": 600, "OUTPUT": "TEMPORARY_OUTPUT",
                                        "OUTPUT_CURVE": "TEMPORARY_OUTPUT"}, **pop), log)
    assert cov_total > 0
    assert _standby_total(sb) == pytest.approx(cov_total, rel=1e-9)
    assert any("people in the input" in m for m in log.infos)
