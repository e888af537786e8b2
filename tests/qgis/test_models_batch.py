"""Models, batch rows and scripts (issue 18), headless.

* Figures are outputs: the number / string outputs (speedsurface, drivetime, coverage, matrix, scenario, standby,
  consultationmap) equal the same figures recomputed from the written layers.
* A selection of population polygons is the population (and a selection of sites the sites).
* Loaded layers keep the name the user gave (batch row file names, a destination name); only QGIS's default
  name is replaced by ours.
* Secondary tables are optional, and an empty optional output ('' or an empty layer definition) means skip.
* A speedsurface -> drivetime -> coverage model, built as the Model Designer would, saved as .model3 and
  reloaded, runs; a downstream child branches on coverage's PCT_WITHIN_TARGET; the same .model3 runs through
  ``qgis_process``.
"""
import json
import os
import subprocess

import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin
from _layers import memory_layer, wkt_box as box  # shared test helpers
from _models import coverage_sources, model_inputs, start_model

X0, Y1, CELL, N = 440000.0, 210000.0, 50.0, 40  # a 2 km x 2 km grid, EPSG:27700
QP = os.environ.get("QGIS_PROCESS", "/usr/bin/qgis_process.bin")


@pytest.fixture(scope="module")
def speed(tmp_path_factory, qgis_app):
    path = tmp_path_factory.mktemp("speed") / "speed.tif"
    arr = np.full((N, N), 30.0, "float32")
    arr[10:30, 20] = 0.0  # a short wall: times are not a plain function of the distance
    with rasterio.open(path, "w", driver="GTiff", height=N, width=N, count=1, dtype="float32",
                       crs="EPSG:27700", transform=from_origin(X0, Y1, CELL, CELL)) as ds:
        ds.write(arr, 1)
    return str(path)


@pytest.fixture()
def sites(qgis_app):
    return memory_layer("Point", ["POINT(440125 209875)", "POINT(441875 208125)"], [("name", "string")],
                        [("north-west",), ("south-east",)], name="sites")


@pytest.fixture()
def areas(qgis_app):
    return memory_layer("Polygon", [box(440000, 208000, 441000, 210000), box(441000, 208000, 442000, 210000)],
                        [("nm", "string")], [("west",), ("east",)], name="areas")


@pytest.fixture()
def population(qgis_app):
    wkts = [box(440000 + 500 * i, 208000 + 1000 * j, 440500 + 500 * i, 209000 + 1000 * j)
            for j in range(2) for i in range(4)]
    return memory_layer("Polygon", wkts, [("pop", "double")], [(100.0 * (k + 1),) for k in range(8)],
                        name="population")


def run(alg, params, context=None, feedback=None):
    import processing

    return processing.run(f"drivetime:{alg}", params, context=context, feedback=feedback)


def read_raster(path):
    with rasterio.open(path) as ds:
        a = ds.read(1, masked=True)
    return a


def features(layer_or_path):
    from qgis.core import QgsVectorLayer

    lay = layer_or_path if not isinstance(layer_or_path, str) else QgsVectorLayer(layer_or_path, "t", "ogr")
    return [{n: f[n] for n in lay.fields().names()} for f in lay.getFeatures()]


# -- figures as outputs ------------------------------------------------------------------------------------
def test_figures_match_the_written_layers(speed, sites, areas, population, tmp_path):
    dt = run("drivetime", {"SPEED": speed, "SITES": sites, "OUTPUT": str(tmp_path / "dt.tif")})
    minutes = read_raster(dt["OUTPUT"])
    assert dt["SITES_USED"] == 2
    assert dt["REACHABLE_PCT"] == pytest.approx(100.0 * minutes.count() / minutes.size)
    assert dt["REACHABLE_PCT"] < 100.0  # the wall cells are unreachable
    assert dt["LONGEST_MINUTES"] == pytest.approx(float(minutes.max()), rel=1e-6)

    cov = run("coverage", {"DRIVETIME": dt["OUTPUT"], "AREAS": areas, "AREA_ID_FIELD": "nm", "POPULATION": population,
                           "POPULATION_FIELD": "pop", "THRESHOLDS": "2,4", "TARGET": 3, "TARGET_SHARE": 50,
                           "OUTPUT": str(tmp_path / "cov.gpkg"), "OUTPUT_TABLE": str(tmp_path / "table.gpkg")})
    rows = features(cov["OUTPUT"])
    pop = sum(r["pop_total"] for r in rows)
    within = sum(r["pop_le_3"] for r in rows)
    assert cov["POP_TOTAL"] == pytest.approx(3600.0)  # every polygon inside the areas and the raster
    assert cov["POP_TOTAL"] == pytest.approx(pop)
    assert cov["POP_WITHIN_TARGET"] == pytest.approx(within)
    assert cov["PCT_WITHIN_TARGET"] == pytest.approx(100.0 * within / pop)
    assert 0 < cov["PCT_WITHIN_TARGET"] < 100
    assert cov["AREAS_MEETING_TARGET"] == sum(r["pct_le_3"] >= 50 for r in rows)
    assert cov["AREAS_WITH_POPULATION"] == 2
    study = [r for r in features(cov["OUTPUT_TABLE"]) if r["level"] == "study"][0]
    assert cov["MEDIAN_MINUTES"] == pytest.approx(study["median_min"])
    assert cov["P90_MINUTES"] == pytest.approx(study["p90_min"])
    assert cov["MEDIAN_MINUTES"] <= cov["P90_MINUTES"] <= dt["LONGEST_MINUTES"]
    assert f"{cov['PCT_WITHIN_TARGET']:.1f} % within 3 min" in cov["HEADLINE"]


def test_every_declared_output_is_returned(speed, sites, tmp_path):
    """The number outputs are a stable API: each algorithm returns every output it declares (matrix here)."""
    from qgis.core import QgsApplication

    res = run("matrix", {"SPEED": speed, "SITES": sites, "BANDS": "1,3", "OUTPUT": "TEMPORARY_OUTPUT",
                         "OUTPUT_LINES": "", "OUTPUT_SITES": ""})
    alg = QgsApplication.processingRegistry().algorithmById("drivetime:matrix")
    figures = [o.name() for o in alg.outputDefinitions() if o.type() in ("outputNumber", "outputString")]
    assert set(figures) <= set(res)
    assert res["PAIRS"] == 1 and res["PAIRS_UNREACHABLE"] == 0
    per_band = json.loads(res["PAIRS_PER_BAND"])
    assert sum(per_band.values()) == 1
    band = "1" if res["MEDIAN_PAIR_MINUTES"] <= 1 else "3" if res["MEDIAN_PAIR_MINUTES"] <= 3 else "beyond"
    assert per_band[band] == 1
    assert "OUTPUT_LINES" not in res and "OUTPUT_SITES" not in res


# -- selections --------------------------------------------------------------------------------------------
def test_selected_population_and_sites(speed, sites, areas, population, tmp_path):
    from qgis.core import QgsProcessingContext, QgsProcessingFeatureSourceDefinition, QgsProject

    project = QgsProject()
    project.addMapLayers([sites, population], False)
    context = QgsProcessingContext()
    context.setProject(project)
    sites.selectByIds([f.id() for f in sites.getFeatures() if f["name"] == "south-east"])
    dt_sel = run("drivetime", {"SPEED": speed, "SITES": QgsProcessingFeatureSourceDefinition(sites.id(), True),
                               "OUTPUT": str(tmp_path / "sel.tif")}, context=context)
    only = memory_layer("Point", ["POINT(441875 208125)"])
    dt_one = run("drivetime", {"SPEED": speed, "SITES": only, "OUTPUT": str(tmp_path / "one.tif")})
    assert dt_sel["SITES_USED"] == 1
    np.testing.assert_allclose(read_raster(dt_sel["OUTPUT"]).filled(-1), read_raster(dt_one["OUTPUT"]).filled(-1))

    chosen = [f.id() for f in population.getFeatures() if f["pop"] in (200.0, 700.0)]
    population.selectByIds(chosen)
    common = {"DRIVETIME": dt_one["OUTPUT"], "AREAS": areas, "AREA_ID_FIELD": "nm", "POPULATION_FIELD": "pop",
              "TARGET": 3, "OUTPUT": "TEMPORARY_OUTPUT"}
    sel = run("coverage", {**common, "POPULATION": QgsProcessingFeatureSourceDefinition(population.id(), True)},
              context=context)
    assert sel["POP_TOTAL"] == pytest.approx(900.0)  # only the selected polygons
    subset = memory_layer("Polygon", [f.geometry().asWkt() for f in population.getFeatures() if f.id() in chosen],
                          [("pop", "double")], [(f["pop"],) for f in population.getFeatures() if f.id() in chosen])
    ref = run("coverage", {**common, "POPULATION": subset})
    assert sel["PCT_WITHIN_TARGET"] == pytest.approx(ref["PCT_WITHIN_TARGET"])
    assert sel["MEDIAN_MINUTES"] == pytest.approx(ref["MEDIAN_MINUTES"])
    assert sorted(population.selectedFeatureIds()) == sorted(chosen)  # the input is left as it was


# -- names kept ----------------------------------------------------------------------------------------------
def load_results(alg_id, params, project, feedback=None):
    """Run as the dialog and the batch dialog do (execute, then load the results into ``project``)."""
    from processing.gui.AlgorithmExecutor import execute
    from processing.gui.Postprocessing import handleAlgorithmResults
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    context = QgsProcessingContext()
    context.setProject(project)
    feedback = feedback or QgsProcessingFeedback()
    alg = QgsApplication.processingRegistry().createAlgorithmById(f"drivetime:{alg_id}")
    ok, results = execute(alg, params, context, feedback)
    assert ok
    assert handleAlgorithmResults(alg, context, feedback, False, params)
    return results


@pytest.fixture()
def user_folder():
    """An output folder outside the temporary folder: QGIS names a layer by its file only when the file is not
    in the temporary folder (QgsMapLayer.isTemporary), as a user's batch outputs are not."""
    import shutil
    import uuid

    import tempfile

    # the repository's .build, unless the checkout itself lies in the temporary folder (a CI clone in /tmp)
    base = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), ".build")
    tmp = os.path.realpath(tempfile.gettempdir())
    if os.path.realpath(base).startswith(tmp + os.sep):
        base = os.path.join(os.path.expanduser("~"), ".cache", "drivetime_equity")
    folder = os.path.join(base, "test_outputs", uuid.uuid4().hex[:12])
    os.makedirs(folder)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_batch_rows_keep_their_names(speed, sites, areas, population, user_folder):
    from qgis.core import (QgsProcessing, QgsProcessingOutputLayerDefinition, QgsProject,
                           QgsSingleBandPseudoColorRenderer)

    project = QgsProject()
    for row in ("north_row", "south_row"):  # two batch rows, each naming its own file
        load_results("drivetime", {"SPEED": speed, "SITES": sites,
                                   "OUTPUT": QgsProcessingOutputLayerDefinition(
                                       os.path.join(user_folder, f"{row}.tif"), project)}, project)
    named = QgsProcessingOutputLayerDefinition(QgsProcessing.TEMPORARY_OUTPUT, project)
    named.destinationName = "My drive times"  # a name typed in the dialog / a model output name
    load_results("drivetime", {"SPEED": speed, "SITES": sites, "OUTPUT": named}, project)
    load_results("drivetime", {"SPEED": speed, "SITES": sites,
                               "OUTPUT": QgsProcessingOutputLayerDefinition(QgsProcessing.TEMPORARY_OUTPUT, project)},
                 project)
    load_results("coverage", {"DRIVETIME": os.path.join(user_folder, "north_row.tif"), "AREAS": areas,
                              "AREA_ID_FIELD": "nm",
                              "POPULATION": population, "POPULATION_FIELD": "pop", "TARGET": 3,
                              "OUTPUT": QgsProcessingOutputLayerDefinition(QgsProcessing.TEMPORARY_OUTPUT, project)},
                 project)
    layers = list(project.mapLayers().values())
    names = sorted(lay.name() for lay in layers)
    # the file names of the rows and the user's name kept; only QGIS's default names replaced by ours
    assert names == sorted(["north_row", "south_row", "My drive times", "Drive time (minutes)",
                            "Coverage within 3 min"]), names
    for lay in layers:  # and every layer is styled all the same
        if lay.name() != "Coverage within 3 min":
            assert isinstance(lay.renderer(), QgsSingleBandPseudoColorRenderer), lay.name()


# -- optional tables, empty optional outputs -----------------------------------------------------------------
@pytest.mark.parametrize("table", [None, "", "layer_definition"])
def test_coverage_table_is_optional(speed, sites, areas, population, tmp_path, table):
    from qgis.core import QgsProcessingOutputLayerDefinition

    dt = run("drivetime", {"SPEED": speed, "SITES": sites, "OUTPUT": str(tmp_path / "dt.tif")})
    params = {"DRIVETIME": dt["OUTPUT"], "AREAS": areas, "POPULATION": population, "POPULATION_FIELD": "pop",
              "TARGET": 3, "OUTPUT": str(tmp_path / "areas.gpkg")}
    if table == "layer_definition":
        params["OUTPUT_TABLE"] = QgsProcessingOutputLayerDefinition("")
    elif table is not None:
        params["OUTPUT_TABLE"] = table
    res = run("coverage", params)
    assert "OUTPUT_TABLE" not in res
    assert len(features(res["OUTPUT"])) == 2
    assert res["POP_TOTAL"] == pytest.approx(3600.0)
    written = sorted(n for n in os.listdir(tmp_path) if not n.endswith(".aux.xml"))
    assert written == ["areas.gpkg", "areas.qml", "dt.qml", "dt.tif"]  # no table


def test_scenario_table_is_optional(speed, sites, areas, population, tmp_path):
    res = run("scenario", {"SPEED": speed, "BASELINE_SITES": sites, "SCENARIO_FIELD": None,
                           "SCENARIO_SITES": memory_layer("Point", ["POINT(440125 209875)"]), "AREAS": areas,
                           "POPULATION": population, "POPULATION_FIELD": "pop", "THRESHOLDS": "2,4", "TARGET": 3,
                           "OUTPUT_DELTA": str(tmp_path / "delta.tif"), "OUTPUT": "TEMPORARY_OUTPUT",
                           "OUTPUT_TABLE": ""})
    assert "OUTPUT_TABLE" not in res
    # closing the south-east site: nobody gets a shorter drive, and fewer people are within the target
    assert res["POP_TOTAL"] == pytest.approx(3600.0)
    assert res["POP_SHORTER"] == pytest.approx(0.0)
    assert res["POP_LONGER"] > 0
    assert res["SCEN_PCT_WITHIN_TARGET"] < res["BASE_PCT_WITHIN_TARGET"]
    assert res["BASE_PCT_WITHIN_TARGET"] - res["SCEN_PCT_WITHIN_TARGET"] == pytest.approx(
        100.0 * (res["LOST_WITHIN_TARGET"] - res["GAINED_WITHIN_TARGET"]) / res["POP_TOTAL"])


def test_empty_optional_outputs_are_skipped(speed, sites, tmp_path):
    from qgis.core import QgsProcessingOutputLayerDefinition

    res = run("drivetime", {"SPEED": speed, "SITES": sites, "OUTPUT": str(tmp_path / "dt.tif"),
                            "OUTPUT_ZONES": "", "OUTPUT_NEAREST": QgsProcessingOutputLayerDefinition("")})
    assert "OUTPUT_ZONES" not in res and "OUTPUT_NEAREST" not in res
    assert sorted(n for n in os.listdir(tmp_path) if not n.endswith(".aux.xml")) == ["dt.qml", "dt.tif"]


# -- the model ----------------------------------------------------------------------------------------------
def build_model(path, condition=">= 0"):
    """speedsurface -> drivetime -> coverage, with model inputs for roads, sites, areas and population, the
    population field bound to the population input, every other parameter at its default as the Model
    Designer sets it, coverage's areas as the model output, and a child that warns (with coverage's HEADLINE)
    only when PCT_WITHIN_TARGET meets ``condition``."""
    from qgis.core import (QgsProcessingModelChildAlgorithm, QgsProcessingModelChildParameterSource as Source,
                           QgsProcessingModelOutput)

    model, child = start_model()
    cover = child("drivetime:coverage", "cover", coverage_sources())
    out = QgsProcessingModelOutput("coverage")
    out.setChildId("cover")
    out.setChildOutputName("OUTPUT")
    cover.setModelOutputs({"coverage": out})
    model.addChildAlgorithm(cover)
    check = QgsProcessingModelChildAlgorithm("native:raisewarning")
    check.setChildId("check")
    check.setDescription("check")
    check.addParameterSources("MESSAGE", [Source.fromChildOutput("cover", "HEADLINE")])
    check.addParameterSources("CONDITION", [Source.fromExpression(
        f"if(@cover_PCT_WITHIN_TARGET {condition}, 'true', 'false')")])
    model.addChildAlgorithm(check)
    model.updateDestinationParameters()
    assert model.toFile(str(path))
    return str(path)


class Warnings:
    def __init__(self):
        from qgis.core import QgsProcessingFeedback

        seen = self.seen = []

        class F(QgsProcessingFeedback):
            def reportError(self, text, fatal=False):  # noqa: N802 (raisewarning reports through here)
                seen.append(text)
                super().reportError(text, fatal)

            def pushWarning(self, text):  # noqa: N802
                seen.append(text)
                super().pushWarning(text)

        self.feedback = F()


@pytest.fixture(scope="module")
def model3(tmp_path_factory, qgis_app):
    return build_model(tmp_path_factory.mktemp("model") / "drivetime_coverage.model3")


def test_model_runs_and_gives_figures(model3, data_dir, tmp_path):
    import processing
    from qgis.core import QgsProcessingModelAlgorithm

    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(model3)  # reloaded from the .model3, as a user opening it
    ok, errors = model.validate()
    assert ok, errors
    log = Warnings()
    res = processing.run(model, {**model_inputs(data_dir), "cover:coverage": str(tmp_path / "coverage.gpkg")},
                         feedback=log.feedback)
    figures = res["CHILD_RESULTS"]["cover"]
    rows = features(res["cover:coverage"])
    assert len(rows) == 5  # the five districts
    pop = sum(r["pop_total"] or 0 for r in rows)
    within = sum(r["pop_le_15"] or 0 for r in rows)
    assert figures["POP_TOTAL"] == pytest.approx(pop)
    assert figures["PCT_WITHIN_TARGET"] == pytest.approx(100.0 * within / pop)
    assert 0 < figures["PCT_WITHIN_TARGET"] < 100
    assert res["CHILD_RESULTS"]["drive"]["SITES_USED"] == 1  # only the John Radcliffe lies on the surface
    assert res["CHILD_RESULTS"]["speed"]["CELLS"] == 50 * 40
    # the downstream child read the number (condition true) and the string
    assert figures["HEADLINE"] in log.seen

    never = QgsProcessingModelAlgorithm()
    assert never.fromFile(build_model(tmp_path / "never.model3", condition="> 100"))
    log2 = Warnings()
    processing.run(never, {**model_inputs(data_dir), "cover:coverage": "TEMPORARY_OUTPUT"}, feedback=log2.feedback)
    assert figures["HEADLINE"] not in log2.seen  # the branch follows the figure


@pytest.mark.skipif(not os.path.exists(QP), reason="qgis_process not installed")
def test_model_runs_in_qgis_process(model3, data_dir, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([QP, "plugins", "enable", "drivetime_equity"], capture_output=True, env=env, timeout=300)
    out = tmp_path / "coverage.gpkg"
    args = [f"{k}={v}" for k, v in model_inputs(data_dir).items()] + [f"cover:coverage={out}"]
    proc = subprocess.run([QP, "--json", "run", model3, "--", *args], capture_output=True, text=True, env=env,
                          timeout=600, cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    result = json.loads(proc.stdout)
    assert result["results"]["cover:coverage"] == str(out)
    rows = features(str(out))
    pop = sum(r["pop_total"] or 0 for r in rows)
    pct = 100.0 * sum(r["pop_le_15"] or 0 for r in rows) / pop
    warnings = " ".join(result["log"].get("warning", []) + result["log"].get("info", []))
    assert f"{pct:.1f} % within 15 min" in warnings  # the HEADLINE, passed on by the model's check child

    # and a plain algorithm's figures are in the JSON results; an empty optional output is skipped
    proc = subprocess.run([QP, "--json", "run", "drivetime:speedsurface", "--",
                           f"ROADS={model_inputs(data_dir)['roads']}", "CELL_SIZE=200",
                           "EXTENT=446000,456000,203000,211000 [EPSG:27700]", f"OUTPUT={tmp_path / 's.tif'}"],
                          capture_output=True, text=True, env=env, timeout=600, cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout)["results"]["CELLS"] == 2000
    proc = subprocess.run([QP, "--json", "run", "drivetime:drivetime", "--", f"SPEED={tmp_path / 's.tif'}",
                           f"SITES={model_inputs(data_dir)['sites']}", "SITES_INSIDE_ONLY=true",
                           f"OUTPUT={tmp_path / 'dt.tif'}", "OUTPUT_ZONES="],
                          capture_output=True, text=True, env=env, timeout=600, cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    res = json.loads(proc.stdout)["results"]
    minutes = read_raster(str(tmp_path / "dt.tif"))
    assert res["REACHABLE_PCT"] == pytest.approx(100.0 * minutes.count() / minutes.size)
    assert res["SITES_USED"] == 1 and "OUTPUT_ZONES" not in res


def test_standby_and_map_figures(speed, population, sites, tmp_path):
    res = run("standby", {"SPEED": speed, "POPULATION": population, "POPULATION_FIELD": "pop", "DRIVE_BUDGET": 1.5,
                          "COUNT": 2, "CANDIDATE_COUNT": 40, "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_CURVE": ""})
    points = sorted(features(res["OUTPUT"]), key=lambda r: r["rank"])
    assert res["POINTS_CHOSEN"] == len(points) == 2
    assert res["COVERAGE_PCT"] == pytest.approx(points[-1]["cum_pop_pct"])  # the cumulative cover of the last
    assert res["EXISTING_COVERAGE_PCT"] == 0.0
    assert res["COVERAGE_PCT"] <= res["MAX_COVERAGE_PCT"] <= 100.0
    assert np.isnan(res["TARGET_REACHED"])  # no TARGET_COVERAGE given
    assert "OUTPUT_CURVE" not in res

    dt = run("drivetime", {"SPEED": speed, "SITES": sites, "OUTPUT": str(tmp_path / "dt.tif")})
    page = run("consultationmap", {"LAYERS": [dt["OUTPUT"], sites], "TITLE": "Drive times", "FORMAT": 1,
                                   "DPI": 72, "OUTPUT": str(tmp_path / "map.png")})
    assert page["PAGES"] == 1 and page["LAYERS_SHOWN"] == 2 and page["MAP_CRS"] == "EPSG:27700"
    assert os.path.isfile(page["OUTPUT"])


def test_speedsurface_figures(qgis_app, data_dir, tmp_path):
    from drivetime_equity.core.speeds import DEFAULT_OFFROAD_SPEED

    roads = os.path.join(data_dir, "oxfordshire_demo.gpkg") + "|layername=roads_oxford_centre_osm"
    barrier = memory_layer("Polygon", [box(450600, 206500, 450900, 206800)])
    res = run("speedsurface", {"ROADS": roads, "BARRIERS": barrier, "CELL_SIZE": 50, "OUTPUT": str(tmp_path / "s.tif")})
    speed = read_raster(res["OUTPUT"]).filled(0)
    assert res["CELLS"] == speed.size
    assert res["ROAD_CELLS_PCT"] == pytest.approx(100.0 * np.mean(speed > DEFAULT_OFFROAD_SPEED))
    assert res["IMPASSABLE_PCT"] == pytest.approx(100.0 * np.mean(speed == 0))
    assert res["IMPASSABLE_PCT"] >= 100.0 * 36 / speed.size  # at least the 6 x 6 cells under the barrier
    assert 0 < res["ROAD_CELLS_PCT"] < 100 and res["ROAD_FEATURES"] > 0
