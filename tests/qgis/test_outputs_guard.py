"""The output guard (processing/outputs.py) and the memory checks, through processing.run: bad destinations
refused before any computing (naming the parameter), inputs never overwritten, nothing left behind after a
failure or a cancel, feature writes checked, and grids too big for the machine refused before they are read."""
import hashlib
import os

import numpy as np
import pytest
import rasterio
from _layers import memory_layer, point_layer, wkt_box, write_raster  # shared test helpers
from rasterio.transform import from_origin

X0, Y1 = 440000.0, 210000.0  # top-left, EPSG:27700
CELL = 50.0


def save_layer(layer, path, name):
    """Write a memory layer to a GeoPackage file (a file input the guard must protect)."""
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    opts.layerName = name
    err = QgsVectorFileWriter.writeAsVectorFormatV2(layer, str(path), QgsCoordinateTransformContext(), opts)
    assert err[0] == QgsVectorFileWriter.NoError, err
    return f"{path}|layername={name}"


def journeys():
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer("LineString?crs=EPSG:27700&field=minutes:double", "journeys", "memory")
    f = QgsFeature(layer.fields())
    f.setGeometry(QgsGeometry.fromWkt(f"LINESTRING({X0 + 100} {Y1 - 100}, {X0 + 1500} {Y1 - 1500})"))
    f.setAttributes([5.0])
    layer.dataProvider().addFeatures([f])
    return layer


def polygons(boxes, name="areas"):
    return memory_layer("MultiPolygon", [wkt_box(*b) for b in boxes], [("code", "string"), ("people", "double")],
                        [(f"A{i}", 1000.0) for i in range(len(boxes))], name)


def digest(path):
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def tree(folder):
    """Every file and folder under ``folder`` (relative), hidden ones included."""
    out = set()
    for root, dirs, files in os.walk(folder):
        for n in dirs + files:
            out.add(os.path.relpath(os.path.join(root, n), folder))
    return out


@pytest.fixture
def world(qgis_app, tmp_path):
    """A 40 x 40 uniform 30 km/h surface with two sites, written as files in tmp_path/in."""
    src = tmp_path / "in"
    src.mkdir()
    speed = write_raster(src / "speed.tif", np.full((40, 40), 30.0))
    sites_gpkg = src / "sites.gpkg"
    sites = save_layer(point_layer([(X0 + 500, Y1 - 500), (X0 + 1500, Y1 - 1500)], "code", "S"), sites_gpkg, "sites")
    areas_gpkg = src / "areas.gpkg"
    areas = save_layer(polygons([(X0, Y1 - 2000, X0 + 1000, Y1), (X0 + 1000, Y1 - 2000, X0 + 2000, Y1)]),
                       areas_gpkg, "areas")
    import processing

    dt = processing.run("drivetime:drivetime", {"SPEED": speed, "SITES": sites,
                                                "OUTPUT": str(src / "dt.tif")})["OUTPUT"]
    out = tmp_path / "out"
    out.mkdir()
    return dict(tmp=tmp_path, src=src, out=out, speed=speed, sites=sites, sites_gpkg=str(sites_gpkg),
                areas=areas, areas_gpkg=str(areas_gpkg), dt=dt)


def run(alg, params, **kw):
    import processing

    return processing.run(f"drivetime:{alg}", params, **kw)


def run_error(alg, params, **kw):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as err:
        processing.run(f"drivetime:{alg}", params, **kw)
    return str(err.value)


def coverage_params(w, **extra):
    p = {"DRIVETIME": w["dt"], "AREAS": w["areas"], "AREA_ID_FIELD": "code", "POPULATION": w["areas"],
         "POPULATION_FIELD": "people", "THRESHOLDS": "2,4", "TARGET": 2, "OUTPUT": str(w["out"] / "cov.gpkg"),
         "OUTPUT_TABLE": str(w["out"] / "table.csv")}
    p.update(extra)
    return p


def hard_link(src, dst):
    if not os.path.exists(dst):
        os.link(src, dst)
    return str(dst)


def scenario_params(w, **extra):
    p = {"SPEED": w["speed"], "BASELINE_SITES": w["sites"], "SCENARIO_FIELD": "code", "AREAS": w["areas"],
         "AREA_ID_FIELD": "code", "POPULATION": w["areas"], "POPULATION_FIELD": "people", "THRESHOLDS": "2,4",
         "TARGET": 2, "OUTPUT_DELTA": str(w["out"] / "d.tif"), "OUTPUT": str(w["out"] / "a.gpkg"),
         "OUTPUT_TABLE": str(w["out"] / "t.gpkg")}
    p.update(extra)
    return p


def standby_params(w, **extra):
    p = {"SPEED": w["speed"], "POPULATION": w["areas"], "POPULATION_FIELD": "people", "CANDIDATES": w["sites"],
         "DRIVE_BUDGET": 2.0, "COUNT": 1, "OUTPUT": str(w["out"] / "pts.gpkg")}
    p.update(extra)
    return p


# -- bad destinations: refused before computing, naming the parameter ---------------------------------------
CASES = [
    # (id, algorithm, params(w) -> dict, expected fragments)
    ("drivetime OUTPUT = its SPEED", "drivetime",
     lambda w: {"SPEED": w["speed"], "SITES": w["sites"], "OUTPUT": w["speed"]},
     ["OUTPUT:", "input SPEED", "destroy"]),
    ("drivetime OUTPUT = a hard link to its SPEED", "drivetime",
     lambda w: {"SPEED": w["speed"], "SITES": w["sites"], "OUTPUT": hard_link(w["speed"], w["out"] / "link.tif")},
     ["OUTPUT:", "input SPEED"]),
    ("drivetime OUTPUT_ZONES = its SITES GeoPackage", "drivetime",
     lambda w: {"SPEED": w["speed"], "SITES": w["sites"], "OUTPUT": str(w["out"] / "dt.tif"),
                "OUTPUT_ZONES": w["sites_gpkg"]},
     ["OUTPUT_ZONES:", "input SITES"]),
    ("coverage OUTPUT = its AREAS GeoPackage (other layer name)", "coverage",
     lambda w: coverage_params(w, OUTPUT=w["areas_gpkg"]),
     ["OUTPUT:", "input AREAS"]),
    ("coverage OUTPUT_TABLE = its DRIVETIME raster", "coverage",
     lambda w: coverage_params(w, OUTPUT_TABLE=w["dt"]),
     ["OUTPUT_TABLE:", "input DRIVETIME"]),
    ("matrix OUTPUT = its SITES", "matrix",
     lambda w: {"SPEED": w["speed"], "SITES": w["sites"], "OUTPUT": w["sites_gpkg"]},
     ["OUTPUT:", "input SITES"]),
    ("speedsurface OUTPUT = its LANDCOVER_SPEED", "speedsurface",
     lambda w: {"ROADS": w["sites"], "CLASS_FIELD": "code", "SPEEDS": ["S0", 30], "LANDCOVER_SPEED": w["speed"],
                "OUTPUT": w["speed"]},
     ["OUTPUT:", "input LANDCOVER_SPEED"]),
    ("scenario OUTPUT_DELTA = its SPEED", "scenario",
     lambda w: scenario_params(w, OUTPUT_DELTA=w["speed"]),
     ["OUTPUT_DELTA:", "input SPEED"]),
    ("scenario OUTPUT = its AREAS", "scenario",
     lambda w: scenario_params(w, OUTPUT=w["areas_gpkg"]),
     ["OUTPUT:", "input AREAS"]),
    ("standby OUTPUT_CURVE = its CANDIDATES", "standby",
     lambda w: standby_params(w, OUTPUT_CURVE=w["sites_gpkg"]),
     ["OUTPUT_CURVE:", "input CANDIDATES"]),
    ("standby OUTPUT_REPORT .pdf", "standby",
     lambda w: standby_params(w, OUTPUT_REPORT=str(w["out"] / "r.pdf")),
     ["OUTPUT_REPORT:", ".html"]),
    ("consultationmap OUTPUT .docx", "consultationmap",
     lambda w: {"LAYERS": [w["dt"]], "OUTPUT": str(w["out"] / "map.docx")},
     ["OUTPUT:", ".pdf / .png / .svg"]),
    ("calibrate OUTPUT = its SPEED", "calibrate",
     lambda w: {"SPEED": w["speed"], "JOURNEYS": journeys(), "MINUTES_FIELD": "minutes", "OUTPUT": w["speed"]},
     ["OUTPUT:", "input SPEED"]),
    ("calibrate OUTPUT_REPORT = OUTPUT_JOURNEYS", "calibrate",
     lambda w: {"SPEED": w["speed"], "JOURNEYS": journeys(), "MINUTES_FIELD": "minutes",
                "OUTPUT": str(w["out"] / "c.tif"), "OUTPUT_JOURNEYS": str(w["out"] / "j.gpkg"),
                "OUTPUT_REPORT": str(w["out"] / "j.gpkg")},
     ["OUTPUT_REPORT:", "also the output OUTPUT_JOURNEYS"]),
    ("drivetime OUTPUT_NEAREST = OUTPUT", "drivetime",
     lambda w: {"SPEED": w["speed"], "SITES": w["sites"], "OUTPUT": str(w["out"] / "a.tif"),
                "OUTPUT_NEAREST": str(w["out"] / "a.tif")},
     ["OUTPUT_NEAREST:", "also the output OUTPUT"]),
    ("coverage OUTPUT_TABLE = OUTPUT", "coverage",
     lambda w: coverage_params(w, OUTPUT_TABLE=str(w["out"] / "cov.gpkg")),
     ["OUTPUT_TABLE:", "also the output OUTPUT"]),
    ("drivetime OUTPUT .png", "drivetime",
     lambda w: {"SPEED": w["speed"], "SITES": w["sites"], "OUTPUT": str(w["out"] / "dt.png")},
     ["OUTPUT:", "GeoTIFF", ".tif", "dt.tif"]),
    ("drivetime OUTPUT without extension", "drivetime",
     lambda w: {"SPEED": w["speed"], "SITES": w["sites"], "OUTPUT": str(w["out"] / "dt")},
     ["OUTPUT:", ".tif"]),
    ("speedsurface OUTPUT .png", "speedsurface",
     lambda w: {"ROADS": w["sites"], "CLASS_FIELD": "code", "SPEEDS": ["S0", 30], "OUTPUT": str(w["out"] / "s.png")},
     ["OUTPUT:", "GeoTIFF"]),
    ("matrix OUTPUT_ZONES .jpg", "matrix",
     lambda w: {"SPEED": w["speed"], "SITES": w["sites"], "OUTPUT": str(w["out"] / "m.gpkg"),
                "OUTPUT_ZONES": str(w["out"] / "z.jpg")},
     ["OUTPUT_ZONES:", "GeoTIFF"]),
    ("drivetime OUTPUT_ZONES unknown vector format", "drivetime",
     lambda w: {"SPEED": w["speed"], "SITES": w["sites"], "OUTPUT": str(w["out"] / "dt.tif"),
                "OUTPUT_ZONES": str(w["out"] / "z.xyz")},
     ["OUTPUT_ZONES:", "vector format", ".gpkg"]),
    ("coverage OUTPUT_SUMMARY .pdf", "coverage",
     lambda w: coverage_params(w, OUTPUT_SUMMARY=str(w["out"] / "s.pdf")),
     ["OUTPUT_SUMMARY:", ".html"]),
    ("matrix OUTPUT_MATRIX .xlsx", "matrix",
     lambda w: {"SPEED": w["speed"], "SITES": w["sites"], "OUTPUT": str(w["out"] / "m.gpkg"),
                "OUTPUT_MATRIX": str(w["out"] / "m.xlsx")},
     ["OUTPUT_MATRIX:", ".csv"]),
    ("drivetime OUTPUT under a file", "drivetime",
     lambda w: {"SPEED": w["speed"], "SITES": w["sites"], "OUTPUT": str(w["out"] / "note.txt" / "sub" / "dt.tif")},
     ["OUTPUT:", "note.txt is a file"]),
    ("coverage OUTPUT_SUMMARY under a file", "coverage",
     lambda w: coverage_params(w, OUTPUT_SUMMARY=str(w["out"] / "note.txt" / "s.html")),
     ["OUTPUT_SUMMARY:", "is a file"]),
    ("drivetime OUTPUT is a folder", "drivetime",
     lambda w: {"SPEED": w["speed"], "SITES": w["sites"], "OUTPUT": str(w["out"] / "folder.tif")},
     ["OUTPUT:", "is a folder"]),
    ("drivetime OUTPUT in an unwritable folder", "drivetime",
     lambda w: {"SPEED": w["speed"], "SITES": w["sites"], "OUTPUT": "/proc/drivetime_test/dt.tif"},
     ["OUTPUT:", "cannot write in the folder", "/proc/drivetime_test"]),
    ("matrix OUTPUT_SITES in an unwritable folder", "matrix",
     lambda w: {"SPEED": w["speed"], "SITES": w["sites"], "OUTPUT": str(w["out"] / "m.gpkg"),
                "OUTPUT_SITES": "/proc/drivetime_test/s.gpkg"},
     ["OUTPUT_SITES:", "cannot write in the folder"]),
]


@pytest.mark.parametrize("alg,make,fragments", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_destination_refused_before_computing(world, alg, make, fragments, monkeypatch):
    from drivetime_equity.core import costdist

    (world["out"] / "note.txt").write_text("not a folder")
    (world["out"] / "folder.tif").mkdir()
    params = make(world)
    inputs = {p: digest(p) for p in (world["speed"], world["sites_gpkg"], world["areas_gpkg"], world["dt"])}
    before = tree(world["tmp"])
    computed = []
    monkeypatch.setattr(costdist, "cost_distance", lambda *a, **k: computed.append(1) / 0)
    msg = run_error(alg, params)
    for frag in fragments:
        assert frag in msg, (frag, msg)
    assert not computed  # refused before any computing
    assert {p: digest(p) for p in inputs} == inputs  # inputs byte-identical
    assert tree(world["tmp"]) == before  # nothing written, no folder created
    assert not os.path.exists("/proc/drivetime_test")


def test_every_output_pointing_at_an_input_is_refused_and_the_input_kept(world):
    for name in ("OUTPUT", "OUTPUT_NEAREST"):
        params = {"SPEED": world["speed"], "SITES": world["sites"], "OUTPUT": str(world["out"] / "x.tif"),
                  name: world["speed"]}
        before = digest(world["speed"])
        assert f"{name}:" in run_error("drivetime", params)
        assert digest(world["speed"]) == before
    for name, target in (("OUTPUT", world["areas_gpkg"]), ("OUTPUT_TABLE", world["areas_gpkg"]),
                         ("OUTPUT_SUMMARY", world["dt"])):
        before = {p: digest(p) for p in (world["dt"], world["areas_gpkg"])}
        msg = run_error("coverage", coverage_params(world, **{name: target}))
        assert msg.startswith(f"{name}:") and "input" in msg
        assert {p: digest(p) for p in before} == before
    assert tree(world["out"]) == set()


# -- success: final paths, styles, layer names, no staging left ----------------------------------------------
def test_success_moves_every_output_into_place(world):
    from qgis.core import QgsVectorLayer

    out = world["out"]
    res = run("drivetime", {"SPEED": world["speed"], "SITES": world["sites"], "BANDS": "1,2,4",
                            "OUTPUT": str(out / "sub" / "dt.tif"), "OUTPUT_NEAREST": str(out / "near.tif"),
                            "OUTPUT_ZONES": str(out / "zones.gpkg")})
    assert res["OUTPUT"] == str(out / "sub" / "dt.tif")
    assert res["OUTPUT_NEAREST"] == str(out / "near.tif")
    assert res["OUTPUT_ZONES"].split("|")[0] == str(out / "zones.gpkg")
    assert tree(out) == {"sub", "sub/dt.tif", "sub/dt.qml", "near.tif", "near.qml", "zones.gpkg", "zones.qml"}
    layer = QgsVectorLayer(res["OUTPUT_ZONES"], "z", "ogr")
    assert layer.isValid() and layer.featureCount() == 3
    del layer
    import sqlite3

    with sqlite3.connect(f"file:{out / 'zones.gpkg'}?mode=ro", uri=True) as db:  # the layer keeps the file's name
        assert db.execute("select table_name from gpkg_contents").fetchall() == [("zones",)]
    with rasterio.open(res["OUTPUT"]) as ds:
        arr = ds.read(1)
    assert arr[10, 10] == 0.0 and arr[10, 12] == pytest.approx(0.2, rel=1e-6)  # 100 m at 30 km/h

    res = run("coverage", coverage_params(world, OUTPUT_TABLE=str(out / "t.csv"),
                                          OUTPUT_SUMMARY=str(out / "s.html")))
    assert res["OUTPUT"].split("|")[0] == str(out / "cov.gpkg") and os.path.isfile(res["OUTPUT_SUMMARY"])
    assert not [n for n in tree(out) if n.startswith(".dte-")]


def test_shapefile_output_moves_all_its_files(world):
    from qgis.core import QgsVectorLayer

    out = world["out"]
    res = run("drivetime", {"SPEED": world["speed"], "SITES": world["sites"], "BANDS": "1,2",
                            "OUTPUT": str(out / "dt.tif"), "OUTPUT_ZONES": str(out / "zones.shp")})
    names = tree(out)
    assert {"zones.shp", "zones.shx", "zones.dbf", "zones.prj", "zones.qml"} <= names
    assert not [n for n in names if n.startswith(".")]
    layer = QgsVectorLayer(res["OUTPUT_ZONES"], "z", "ogr")
    assert layer.isValid() and layer.featureCount() == 2


def test_overwrites_an_existing_output(world):
    out = str(world["out"] / "dt.tif")
    with open(out, "wb") as fh:
        fh.write(b"old")
    res = run("drivetime", {"SPEED": world["speed"], "SITES": world["sites"], "OUTPUT": out})
    with rasterio.open(res["OUTPUT"]) as ds:
        assert ds.shape == (40, 40)


def test_loaded_layers_point_at_the_final_paths(world):
    import processing
    from qgis.core import QgsCategorizedSymbolRenderer, QgsProject

    out = world["out"]
    processing.runAndLoadResults("drivetime:drivetime", {
        "SPEED": world["speed"], "SITES": world["sites"], "BANDS": "1,2,4",
        "OUTPUT": str(out / "loaded.tif"), "OUTPUT_ZONES": str(out / "loaded_zones.gpkg")})
    layers = {lyr.source().split("|")[0]: lyr for lyr in QgsProject.instance().mapLayers().values()}
    assert str(out / "loaded.tif") in layers and str(out / "loaded_zones.gpkg") in layers
    assert not [s for s in layers if ".dte-" in s]
    zones = layers[str(out / "loaded_zones.gpkg")]
    assert isinstance(zones.renderer(), QgsCategorizedSymbolRenderer)  # styled by our post-processor
    assert zones.name() == "Drive-time zones"
    for lyr in layers.values():
        QgsProject.instance().removeMapLayer(lyr.id())


# -- failure or cancel in a later step: nothing left behind ---------------------------------------------------
def test_failure_in_a_later_output_leaves_nothing(world, monkeypatch):
    from drivetime_equity.core import zones

    def boom(*a, **k):
        raise RuntimeError("zones failed")

    monkeypatch.setattr(zones, "band_polygons", boom)
    with pytest.raises(Exception, match="zones failed"):
        run("drivetime", {"SPEED": world["speed"], "SITES": world["sites"],
                          "OUTPUT": str(world["out"] / "new" / "dt.tif"), "OUTPUT_NEAREST": str(world["out"] / "n.tif"),
                          "OUTPUT_ZONES": str(world["out"] / "z.gpkg")})
    assert tree(world["out"]) == set()  # not even the folder 'new' it created


def test_coverage_summary_failure_leaves_nothing(world, monkeypatch):
    from drivetime_equity.processing import alg_coverage

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(alg_coverage.CoverageAlgorithm, "_write_summary", boom)
    msg = run_error("coverage", coverage_params(world, OUTPUT_TABLE=str(world["out"] / "t.gpkg"),
                                                OUTPUT_SUMMARY=str(world["out"] / "s.html")))
    assert msg.startswith("Could not write the outputs: disk full. Nothing was written")
    assert tree(world["out"]) == set()


def test_cancel_after_computing_leaves_nothing(world, monkeypatch):
    from qgis.core import QgsProcessingFeedback

    from drivetime_equity.processing import qgis_io

    feedback = QgsProcessingFeedback()
    real = qgis_io.write_raster

    def write_then_cancel(*a, **k):
        path = real(*a, **k)
        feedback.cancel()  # the user presses Cancel after the first raster is written
        return path

    monkeypatch.setattr(qgis_io, "write_raster", write_then_cancel)
    msg = run_error("drivetime", {"SPEED": world["speed"], "SITES": world["sites"],
                                  "OUTPUT": str(world["out"] / "dt.tif"), "OUTPUT_ZONES": str(world["out"] / "z.gpkg")},
                    feedback=feedback)
    assert "Cancelled: no output was written." in msg
    assert tree(world["out"]) == set()


def test_cancel_in_matrix_leaves_nothing(world, monkeypatch):
    from qgis.core import QgsProcessingFeedback

    from drivetime_equity.processing import alg_matrix

    feedback = QgsProcessingFeedback()
    real = alg_matrix.MatrixAlgorithm._pairs

    def write_then_cancel(self, *a, **k):
        out = real(self, *a, **k)
        feedback.cancel()
        return out

    monkeypatch.setattr(alg_matrix.MatrixAlgorithm, "_pairs", write_then_cancel)
    msg = run_error("matrix", {"SPEED": world["speed"], "SITES": world["sites"],
                               "OUTPUT": str(world["out"] / "p.gpkg"), "OUTPUT_MATRIX": str(world["out"] / "m.csv")},
                    feedback=feedback)
    assert "Cancelled" in msg and tree(world["out"]) == set()


# -- feature writes are checked -------------------------------------------------------------------------------
class _FailingSink:
    def __init__(self, fail_at):
        self.n = 0
        self.fail_at = fail_at

    def addFeature(self, f, *a):  # noqa: N802
        self.n += 1
        return self.n < self.fail_at

    def addFeatures(self, fs, *a):  # noqa: N802
        return False

    def flushBuffer(self):  # noqa: N802
        return False

    def lastError(self):  # noqa: N802
        return "database is locked"


def test_failed_feature_write_raises(qgis_app):
    from qgis.core import QgsFeature, QgsProcessingException

    from drivetime_equity.processing.outputs import CheckedSink, OutputGuard

    guard = OutputGuard(None, {}, None)
    sink = CheckedSink(_FailingSink(3), "/x/z.gpkg|layername=z", "OUTPUT_ZONES", guard)
    sink.addFeature(QgsFeature())
    sink.addFeature(QgsFeature())
    with pytest.raises(QgsProcessingException, match="OUTPUT_ZONES: could not write a feature.*database is locked"):
        sink.addFeature(QgsFeature())
    with pytest.raises(QgsProcessingException, match="OUTPUT_ZONES"):
        sink.addFeatures([QgsFeature()])
    with pytest.raises(QgsProcessingException, match="buffered"):
        sink.flushBuffer()


def test_lost_features_in_the_file_raise(world, monkeypatch):
    """A COMMIT that fails when the file is closed (seen with two runs on one GeoPackage) loses features
    silently: the guard counts the features in the closed file and refuses, leaving nothing."""
    from drivetime_equity.processing import outputs

    real = outputs.CheckedSink.addFeature

    def count_twice(self, f, *a):
        real(self, f, *a)
        self.added += 1  # as if a second feature had been accepted and then lost
        return True

    monkeypatch.setattr(outputs.CheckedSink, "addFeature", count_twice)
    msg = run_error("drivetime", {"SPEED": world["speed"], "SITES": world["sites"], "BANDS": "1,2",
                                  "OUTPUT": str(world["out"] / "dt.tif"), "OUTPUT_ZONES": str(world["out"] / "z.gpkg")})
    assert "OUTPUT_ZONES:" in msg and "features were written but the file" in msg
    assert tree(world["out"]) == set()


def test_temporary_outputs_need_no_staging(world):
    res = run("drivetime", {"SPEED": world["speed"], "SITES": world["sites"], "OUTPUT": "TEMPORARY_OUTPUT",
                            "OUTPUT_ZONES": "TEMPORARY_OUTPUT"})
    assert os.path.isfile(res["OUTPUT"]) and ".dte-" not in res["OUTPUT"]


# -- memory before work ---------------------------------------------------------------------------------------
def test_grid_too_big_for_memory_refused_before_reading(world, monkeypatch):
    from drivetime_equity.core import memory

    # a machine with 1 MiB free: 40 x 40 cells need about 200 MiB with the base
    monkeypatch.setattr(memory, "available_bytes", lambda: 1024 ** 2)
    msg = run_error("drivetime", {"SPEED": world["speed"], "SITES": world["sites"],
                                  "OUTPUT": str(world["out"] / "dt.tif")})
    assert msg.startswith("SPEED:") and "40 x 40 cells" in msg and "1.0 MiB is available" in msg
    assert "CELL_SIZE" in msg
    assert tree(world["out"]) == set()
    msg = run_error("coverage", coverage_params(world))
    assert msg.startswith("DRIVETIME:") and "memory" in msg


def test_huge_raster_refused_without_memory_error(world):
    """A 60000 x 60000 float32 raster (13.4 GiB to read, about 100 GiB to run): refused from its size."""
    from drivetime_equity.core import memory

    path = str(world["src"] / "huge.tif")
    with rasterio.open(path, "w", driver="GTiff", height=60000, width=60000, count=1, dtype="float32",
                       crs="EPSG:27700", transform=from_origin(X0, Y1, 1.0, 1.0), tiled=True, compress="deflate",
                       sparse_ok=True, BIGTIFF="YES"):
        pass
    have = memory.available_bytes()
    if have is not None and have > memory.estimate_run_bytes(60000 ** 2, rasters=3):
        pytest.skip("this machine could run it")
    msg = run_error("drivetime", {"SPEED": path, "SITES": world["sites"], "OUTPUT": str(world["out"] / "dt.tif")})
    assert msg.startswith("SPEED:") and "60000 x 60000 cells" in msg and "GiB" in msg
    assert tree(world["out"]) == set()


def test_speedsurface_checks_size_before_reading_roads(world, monkeypatch):
    from drivetime_equity.core import memory
    from drivetime_equity.processing import qgis_io

    read = []
    monkeypatch.setattr(qgis_io, "read_geometries", lambda *a, **k: read.append(1) / 0)
    # the layer's own extent (2 sites 1.4 km apart) at 0.01 m: too many cells
    msg = run_error("speedsurface", {"ROADS": world["sites"], "CLASS_FIELD": "code", "SPEEDS": ["S0", 30],
                                     "CELL_SIZE": 0.01, "OUTPUT": str(world["out"] / "s.tif")})
    assert msg.startswith("CELL_SIZE:") and "too many" in msg and "EXTENT" in msg
    # a given EXTENT that fits the cell cap but not this machine's memory
    monkeypatch.setattr(memory, "available_bytes", lambda: 64 * 1024 ** 2)
    msg = run_error("speedsurface", {"ROADS": world["sites"], "CLASS_FIELD": "code", "SPEEDS": ["S0", 30],
                                     "EXTENT": f"{X0},{X0 + 100000},{Y1 - 100000},{Y1} [EPSG:27700]",
                                     "CELL_SIZE": 10, "OUTPUT": str(world["out"] / "s.tif")})
    assert msg.startswith("CELL_SIZE:") and "10000 x 10000 cells" in msg and "memory" in msg
    assert not read and tree(world["out"]) == set()


def test_huge_snap_distance_works(world, tmp_path):
    # a site inside an impassable block: SNAP_DISTANCE 1e12 m moves it to the nearest passable cell
    speed = np.full((40, 40), 30.0)
    speed[:20, :20] = 0.0
    path = write_raster(tmp_path / "blocked.tif", speed)
    res = run("drivetime", {"SPEED": path, "SITES": point_layer([(X0 + 125, Y1 - 125)], "code", "S"),
                            "SNAP_DISTANCE": 1e12, "OUTPUT": str(world["out"] / "dt.tif")})
    with rasterio.open(res["OUTPUT"]) as ds:
        arr = ds.read(1)
    assert np.isfinite(arr[20:, 20:]).all() and (arr[20:, 20:] >= 0).all()
    assert (arr[:20, :20] == -9999).all()  # the blocked cells stay unreachable


def test_file_part_and_filters(qgis_app):
    from drivetime_equity.processing.outputs import _filter_extensions, file_part

    assert file_part("/d/a.gpkg|layername=x") == "/d/a.gpkg"
    assert file_part("ogr:dbname='/d/a.gpkg' table=\"zones\" (geom)") == "/d/a.gpkg"
    assert file_part("memory:zones") == "" and file_part("postgres:dbname='x' table=\"t\"") == ""
    assert file_part("C:/data/out.tif") == "C:/data/out.tif"  # a drive letter is not a provider
    assert file_part("") == "" and file_part(None) == ""
    assert _filter_extensions("HTML files (*.html);;Text files (*.txt)") == (".html", ".txt")
    assert _filter_extensions("All files (*.*)") is None and _filter_extensions("") is None
