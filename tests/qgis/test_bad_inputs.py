"""Bad inputs through processing.run: every algorithm refuses them with a message naming the parameter, the
allowed range and the fix (the shared input layer, processing/inputs.py), and the data warnings a planner
needs (sites far from any road, sites outside the surface with SITES_INSIDE_ONLY)."""
import os

import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin

X0, Y0, CELL, N = 440000.0, 210000.0, 50.0, 40  # top-left corner, EPSG:27700; 2 km x 2 km
ROAD_ROW = 8


def xy(r, c):
    return X0 + (c + 0.5) * CELL, Y0 - (r + 0.5) * CELL


def write_speed(path, speed):
    with rasterio.open(path, "w", driver="GTiff", height=speed.shape[0], width=speed.shape[1], count=1,
                       dtype="float32", crs="EPSG:27700", transform=from_origin(X0, Y0, CELL, CELL)) as ds:
        ds.write(speed.astype("float32"), 1)
    return str(path)


def road_speed():
    """10 km/h off-road background with one 60 km/h road along row ROAD_ROW."""
    speed = np.full((N, N), 10.0)
    speed[ROAD_ROW, :] = 60.0
    return speed


def layer(kind, wkts, names=None, extra=""):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    lay = QgsVectorLayer(f"{kind}?crs=EPSG:27700&field=site_name:string{extra}", "l", "memory")
    feats = []
    for i, w in enumerate(wkts):
        f = QgsFeature(lay.fields())
        if w is not None:
            f.setGeometry(QgsGeometry.fromWkt(w))
        f.setAttributes([names[i] if names else f"S{i}"] + ([1] if extra else []))
        feats.append(f)
    lay.dataProvider().addFeatures(feats)
    return lay


def pt(r, c):
    return "POINT({} {})".format(*xy(r, c))


def points(cells, names=None, extra=""):
    return layer("Point", [pt(r, c) for r, c in cells], names, extra)


def square(r0, c0, n):
    x0, y1 = X0 + c0 * CELL, Y0 - r0 * CELL
    x1, y0 = x0 + n * CELL, y1 - n * CELL
    return f"POLYGON(({x0} {y1}, {x1} {y1}, {x1} {y0}, {x0} {y0}, {x0} {y1}))"


class Feedback:
    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class Fb(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.warnings = []

            def pushWarning(self, text):  # noqa: N802
                self.warnings.append(text)

        return Fb()


def run(alg, params, feedback=None):
    import processing

    return processing.run(f"drivetime:{alg}", params, feedback=feedback)


# -- the bad-input table ----------------------------------------------------------------------------------
GOOD = [(ROAD_ROW, 8), (ROAD_ROW, 30)]
FAR = (X0 + 99999.0, Y0 - 500.0)


def sites_case(case):
    """A sites layer for a named bad case."""
    if case == "multipoint":
        (x0, y0), (x1, y1) = xy(*GOOD[0]), xy(*GOOD[1])
        return layer("MultiPoint", [f"MULTIPOINT(({x0} {y0}), ({x1} {y1}))", pt(ROAD_ROW, 20)])
    if case == "line":
        (x0, y0), (x1, y1) = xy(*GOOD[0]), xy(*GOOD[1])
        return layer("LineString", [f"LINESTRING({x0} {y0}, {x1} {y1})", f"LINESTRING({x0} {y0}, {x1} {y1 - 100})"])
    if case == "empty":
        return points([])
    if case == "wrongcrs":  # British National Grid metres in a layer that says it is in degrees
        lay = points(GOOD)
        from qgis.core import QgsVectorLayer

        bad = QgsVectorLayer("Point?crs=EPSG:4326&field=site_name:string", "l", "memory")
        bad.dataProvider().addFeatures(list(lay.getFeatures()))
        return bad
    if case == "outside":
        return layer("Point", [pt(*GOOD[0]), "POINT({} {})".format(*FAR), pt(*GOOD[1])], ["Near", "Far away", "B"])
    raise ValueError(case)


SITE_CASES = {
    "multipoint": "{P}: 1 multi-point feature.*more than one point.*Multipart to singleparts",
    "line": "{P}: the layer is a line layer; sites must be points",
    "empty": "{P}: the layer has no features",
    "wrongcrs": r"{P}: 2 point\(s\) could not be transformed from the layer's CRS \(EPSG:4326\).*Is the layer's CRS",
    "outside": "{P}: 1 site.*outside the speed raster: Far away",
}


@pytest.fixture()
def world(qgis_app, tmp_path):
    return {"speed": write_speed(tmp_path / "s.tif", road_speed()),
            "areas": layer("Polygon", [square(0, 0, N)], ["All"]),
            "pop": layer("Polygon", [square(10, 0, 20)], ["P"], "&field=pop:double"),
            "tmp": tmp_path}


def base_params(alg, world):
    t = world["tmp"]
    if alg == "drivetime":
        return {"SPEED": world["speed"], "SITES": points(GOOD), "OUTPUT": str(t / "o.tif")}, "SITES"
    if alg == "matrix":
        return {"SPEED": world["speed"], "SITES": points(GOOD), "OUTPUT": "TEMPORARY_OUTPUT"}, "SITES"
    if alg == "scenario":
        return {"SPEED": world["speed"], "BASELINE_SITES": points(GOOD), "SCENARIO_SITES": points(GOOD[:1]),
                "AREAS": world["areas"], "POPULATION": world["pop"], "POPULATION_FIELD": "pop",
                "OUTPUT_DELTA": str(t / "d.tif"), "OUTPUT": "TEMPORARY_OUTPUT"}, "BASELINE_SITES"
    if alg == "standby":
        return {"SPEED": world["speed"], "POPULATION": world["pop"], "POPULATION_FIELD": "pop",
                "EXISTING": points(GOOD[:1]), "CANDIDATES": points(GOOD), "COUNT": 1,
                "OUTPUT": "TEMPORARY_OUTPUT"}, "EXISTING"
    if alg == "calibrate":
        journeys = layer("LineString", ["LINESTRING({} {}, {} {})".format(*xy(*GOOD[0]), *xy(*GOOD[1]))] * 4,
                         None, "&field=minutes:double")
        return {"SPEED": world["speed"], "JOURNEYS": journeys, "MINUTES_FIELD": "minutes",
                "OUTPUT": str(t / "o.tif")}, None
    raise ValueError(alg)


TABLE = []
for _alg in ("drivetime", "matrix", "scenario", "standby"):
    for _case, _frag in SITE_CASES.items():
        TABLE.append((_alg, "sites:" + _case, _frag))
    TABLE += [(_alg, "speed:inf", r"SPEED: the raster holds speeds up to inf km/h.*finite km/h from 0 to 200"),
              (_alg, "speed:1e30", r"SPEED: the raster holds speeds up to 1e\+30 km/h.*from 0 to 200"),
              (_alg, "SNAP_DISTANCE=-5", r"SNAP_DISTANCE \(.*\): -5 is not allowed; give a number of at least 0"),
              (_alg, "SNAP_DISTANCE=inf", r"SNAP_DISTANCE \(.*\): inf is not allowed")]
for _case, _frag in [("speed:inf", r"SPEED: the raster holds speeds up to inf km/h"),
                     ("speed:1e30", r"SPEED: the raster holds speeds up to 1e\+30 km/h"),
                     ("SNAP_DISTANCE=-5", r"SNAP_DISTANCE \(.*\): -5 is not allowed; give a number from 0 to 10000"),
                     ("SNAP_DISTANCE=20000", r"SNAP_DISTANCE \(.*\): 20000 is not allowed; give a number from 0 to "
                                             r"10000")]:
    TABLE.append(("calibrate", _case, _frag))
TABLE += [
    ("drivetime", "BANDS=nan,6", r"BANDS: 'nan' is not a finite number"),
    ("drivetime", "BANDS=6,inf", r"BANDS: 'inf' is not a finite number"),
    ("drivetime", "BANDS=0,6", r"BANDS: every value must be greater than 0"),
    ("drivetime", "ACTIVATION=inf", r"ACTIVATION \(.*\): inf is not allowed; give a number from 0 to 1440"),
    ("drivetime", "ACTIVATION=-1", r"ACTIVATION \(.*\): -1 is not allowed; give a number from 0 to 1440"),
    ("drivetime", "MAX_TIME=nan", r"MAX_TIME \(.*\): nan is not allowed"),
    ("matrix", "BANDS=nan", r"BANDS: 'nan' is not a finite number"),
    ("matrix", "BANDS=30,inf", r"BANDS: 'inf' is not a finite number"),
    ("scenario", "THRESHOLDS=4,inf", r"THRESHOLDS: 'inf' is not a finite number"),
    ("scenario", "ACTIVATION=1e30", r"ACTIVATION \(.*\): 1e30 is not allowed; give a number from 0 to 1440"),
]


@pytest.mark.parametrize("alg,case,fragment", TABLE, ids=[f"{a}-{c}" for a, c, _ in TABLE])
def test_bad_input_table(world, alg, case, fragment):
    from qgis.core import QgsProcessingException

    params, site_param = base_params(alg, world)
    if case.startswith("sites:"):
        params[site_param] = sites_case(case[6:])
        fragment = fragment.format(P=site_param)
    elif case.startswith("speed:"):
        speed = road_speed()
        speed[3, 3] = float(case[6:])
        params["SPEED"] = write_speed(world["tmp"] / "bad.tif", speed)
    else:
        key, value = case.split("=", 1)
        params[key] = value
    with pytest.raises(QgsProcessingException, match=fragment):
        run(alg, params)
    for out in ("o.tif", "d.tif"):
        assert not os.path.exists(world["tmp"] / out)


SPEEDSURFACE_TABLE = [
    ({"CELL_SIZE": 0}, r"CELL_SIZE \(Cell size \(metres\)\): 0 is not allowed; give a number of at least 0\.01 "
                       r"\(default 50\)"),
    ({"CELL_SIZE": -5}, r"CELL_SIZE .*-5 is not allowed; give a number of at least 0\.01"),
    ({"CELL_SIZE": "inf"}, r"CELL_SIZE .*inf is not allowed"),
    ({"SPEEDS": ["primary", "inf"]}, r"SPEEDS: speed for road class 'primary' must be zero .* at most 200 km/h"),
    ({"SPEEDS": ["primary", "1e30"]}, r"SPEEDS: speed for road class 'primary' must be zero .* at most 200 km/h"),
    ({"SPEEDS": ["primary", "nan"]}, r"SPEEDS: speed for road class 'primary' must be zero"),
    ({"OFFROAD_SPEED": 1e30}, r"OFFROAD_SPEED .*: 1e\+30 is not allowed; give a number from 0 to 200"),
    ({"SPEEDS": ["primary", "190"], "PROFILE": 1}, r"SPEEDS / PROFILE: with the blue-light profile, primary "
                                                   r"\(228 km/h\) go above 200 km/h"),
]


@pytest.mark.parametrize("params,fragment", SPEEDSURFACE_TABLE)
def test_speedsurface_bad_input_table(qgis_app, tmp_path, params, fragment):
    from qgis.core import QgsProcessingException

    roads = layer("LineString", [f"LINESTRING({X0} {Y0 - 500}, {X0 + 2000} {Y0 - 500})"], ["r"],
                  "&field=highway:string")
    roads.dataProvider().changeAttributeValues({f.id(): {1: "primary"} for f in roads.getFeatures()})
    out = tmp_path / "speed.tif"
    with pytest.raises(QgsProcessingException, match=fragment):
        run("speedsurface", {"ROADS": roads, "CELL_SIZE": 50, "OUTPUT": str(out), **params})
    assert not out.exists()


def test_landcover_speed_raster_checked(qgis_app, tmp_path):
    from qgis.core import QgsProcessingException

    roads = layer("LineString", [f"LINESTRING({X0} {Y0 - 500}, {X0 + 2000} {Y0 - 500})"], ["r"],
                  "&field=highway:string")
    roads.dataProvider().changeAttributeValues({f.id(): {1: "primary"} for f in roads.getFeatures()})
    lc = road_speed()
    lc[8:13, :] = 1e30  # under the road (the surface covers the road's extent)
    with pytest.raises(QgsProcessingException, match=r"LANDCOVER_SPEED: the raster holds speeds up to 1e\+30"):
        run("speedsurface", {"ROADS": roads, "CELL_SIZE": 50, "LANDCOVER_SPEED": write_speed(tmp_path / "lc.tif", lc),
                             "OUTPUT": str(tmp_path / "speed.tif")})


# -- what is accepted -------------------------------------------------------------------------------------
def minutes(path):
    with rasterio.open(path) as ds:
        return ds.read(1)


def test_single_point_multipoints_read_as_points(world):
    t = world["tmp"]
    multi = layer("MultiPoint", ["MULTIPOINT(({} {}))".format(*xy(r, c)) for r, c in GOOD])
    a = run("drivetime", {"SPEED": world["speed"], "SITES": multi, "OUTPUT": str(t / "a.tif")})
    b = run("drivetime", {"SPEED": world["speed"], "SITES": points(GOOD), "OUTPUT": str(t / "b.tif")})
    np.testing.assert_array_equal(minutes(a["OUTPUT"]), minutes(b["OUTPUT"]))


def test_null_geometries_left_out_with_a_warning(world):
    t = world["tmp"]
    fb = Feedback()
    lay = layer("Point", [pt(*GOOD[0]), None, pt(*GOOD[1])])
    a = run("drivetime", {"SPEED": world["speed"], "SITES": lay, "OUTPUT": str(t / "a.tif")}, fb)
    b = run("drivetime", {"SPEED": world["speed"], "SITES": points(GOOD), "OUTPUT": str(t / "b.tif")})
    np.testing.assert_array_equal(minutes(a["OUTPUT"]), minutes(b["OUTPUT"]))
    assert any("SITES: 1 feature(s) without a geometry" in w and "2" in w for w in fb.warnings), fb.warnings


def test_drivetime_sites_inside_only(world):
    t = world["tmp"]
    fb = Feedback()
    lay = sites_case("outside")
    res = run("drivetime", {"SPEED": world["speed"], "SITES": lay, "SITES_INSIDE_ONLY": True,
                            "OUTPUT": str(t / "a.tif"), "OUTPUT_NEAREST": str(t / "n.tif")}, fb)
    ref = run("drivetime", {"SPEED": world["speed"], "SITES": points(GOOD), "OUTPUT": str(t / "b.tif")})
    np.testing.assert_allclose(minutes(res["OUTPUT"]), minutes(ref["OUTPUT"]), atol=1e-6)
    assert any("SITES_INSIDE_ONLY" in w and "Far away" in w and "Near" not in w for w in fb.warnings), fb.warnings
    # the nearest-site raster holds the feature ids of the sites kept (1 and 3), not of the one left out
    assert set(np.unique(minutes(res["OUTPUT_NEAREST"])).tolist()) == {1, 3}


def test_matrix_sites_inside_only(world):
    fb = Feedback()
    res = run("matrix", {"SPEED": world["speed"], "SITES": sites_case("outside"), "SITES_INSIDE_ONLY": True,
                         "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_LINES": None, "OUTPUT_SITES": None}, fb)
    pairs = {(f["from_name"], f["to_name"]): f["minutes"] for f in res["OUTPUT"].getFeatures()}
    assert set(pairs) == {("Near", "B"), ("B", "Near")}
    # along the 60 km/h road: 22 cells of 50 m at 1 km/min = 1.1 min
    assert pairs[("Near", "B")] == pytest.approx(22 * 50 / 1000.0, rel=1e-4)
    assert any("Far away" in w and "SITES_INSIDE_ONLY" in w for w in fb.warnings), fb.warnings


def test_matrix_sites_inside_only_needs_two_inside(world):
    from qgis.core import QgsProcessingException

    lay = layer("Point", [pt(*GOOD[0]), "POINT({} {})".format(*FAR)], ["Near", "Far away"])
    with pytest.raises(QgsProcessingException, match="at least two sites; only 1 lie inside"):
        run("matrix", {"SPEED": world["speed"], "SITES": lay, "SITES_INSIDE_ONLY": True,
                       "OUTPUT": "TEMPORARY_OUTPUT"})


def test_outside_error_offers_sites_inside_only(world):
    from qgis.core import QgsProcessingException

    for alg in ("drivetime", "matrix"):
        params, _ = base_params(alg, world)
        params["SITES"] = sites_case("outside")
        with pytest.raises(QgsProcessingException, match="Far away.*set SITES_INSIDE_ONLY"):
            run(alg, params)


@pytest.mark.parametrize("alg", ["drivetime", "matrix"])
def test_sites_far_from_roads_are_named(world, alg):
    fb = Feedback()
    # 'Isolated' is 30 cells (1.5 km) from the road, 'Close enough' 10 cells (500 m), 'Roadside' 2 cells
    lay = layer("Point", [pt(ROAD_ROW + 2, 10), pt(ROAD_ROW + 30, 20), pt(ROAD_ROW + 10, 30)],
                ["Roadside", "Isolated", "Close enough"])
    params, _ = base_params(alg, world)
    params["SITES"] = lay
    run(alg, params, fb)
    far = [w for w in fb.warnings if "no road within 1000 m" in w]
    assert len(far) == 1, fb.warnings
    assert "Isolated" in far[0] and "Roadside" not in far[0] and "Close enough" not in far[0]
    assert "10 km/h" in far[0]


def test_uniform_surface_gives_no_road_warning(qgis_app, tmp_path):
    fb = Feedback()
    speed = write_speed(tmp_path / "s.tif", np.full((N, N), 30.0))
    run("drivetime", {"SPEED": speed, "SITES": points([(0, 0), (39, 39)]), "OUTPUT": str(tmp_path / "o.tif")}, fb)
    assert not [w for w in fb.warnings if "no road" in w]
