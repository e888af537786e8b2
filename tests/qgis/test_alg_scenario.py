"""drivetime:scenario through processing.run in a headless QGIS, on a small synthetic grid."""
import os

import numpy as np
import pytest
import rasterio
from _layers import cell_box, cell_xy as xy, memory_layer, point_wkt, write_raster as write_speed  # shared test helpers

X0, Y0, CELL = 440000.0, 210000.0, 50.0
N = 60


def sites(cells, open_flags=None, names=None):
    return memory_layer("Point", [point_wkt(*xy(r, c)) for r, c in cells],
                        [("site_name", "string"), ("open2", "string")],
                        [(names[i] if names else f"S{i}", open_flags[i] if open_flags else "yes")
                         for i in range(len(cells))], name="s")


def polygons(rects, fields, values):
    """rects: (row0, col0, rows, cols) in cells; fields: [(name, type)]; values: one tuple per rect."""
    return memory_layer("Polygon", [cell_box(*r) for r in rects], fields, values, name="poly")


def read(path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(path, "o", "ogr")
    assert layer.isValid(), path
    rows = [{f.name(): feat[f.name()] for f in layer.fields()} for feat in layer.getFeatures()]
    del layer
    return rows


def run(params):
    import processing

    return processing.run("drivetime:scenario", params)


@pytest.fixture()
def world(tmp_path):
    rng = np.random.default_rng(4)
    speed = rng.choice([10.0, 30.0, 50.0], size=(N, N))
    areas = polygons([(0, 0, N, N // 2), (0, N // 2, N, N // 2)], [("name", "string")], [("West",), ("East",)])
    lsoa = []
    vals = []
    for i in range(6):
        for j in range(6):
            lsoa.append((i * 10, j * 10, 10, 10))
            vals.append((float(rng.integers(50, 400)), ["A1", "D1", "E1"][(i + j) % 3], int(1 + (i * 6 + j) % 4)))
    pop = polygons(lsoa, [("pop", "double"), ("ruc", "string"), ("imd", "integer")], vals)
    site_cells = [(10, 10), (45, 15), (20, 50), (50, 48)]
    return {"speed": write_speed(tmp_path / "s.tif", speed), "areas": areas, "pop": pop, "sites": site_cells,
            "total": sum(v[0] for v in vals), "speed_arr": speed}


def independent_minutes(speed, cells):
    from _dijkstra import cost_distance
    from drivetime_equity.core.costdist import speed_to_friction

    return cost_distance(speed_to_friction(speed), CELL, np.array(cells), neighbours=16).cost


def test_closing_a_site_via_field(qgis_app, tmp_path, world):
    lay = sites(world["sites"], ["1", "0", "yes", "true"])
    res = run({"SPEED": world["speed"], "BASELINE_SITES": lay, "SCENARIO_FIELD": "open2",
               "AREAS": world["areas"], "AREA_ID_FIELD": "name", "POPULATION": world["pop"],
               "POPULATION_FIELD": "pop", "URBANITY_FIELD": "ruc", "GROUP_FIELD": "imd", "THRESHOLDS": "2,4,6",
               "TARGET": 4, "OUTPUT_DELTA": str(tmp_path / "d.tif"), "OUTPUT": str(tmp_path / "a.gpkg"),
               "OUTPUT_TABLE": str(tmp_path / "t.gpkg"), "OUTPUT_SUMMARY": str(tmp_path / "s.html")})
    with rasterio.open(res["OUTPUT_DELTA"]) as ds:
        d = ds.read(1)
        nod = ds.nodata
    valid = d != nod
    expect = independent_minutes(world["speed_arr"], [world["sites"][i] for i in (0, 2, 3)]) - \
        independent_minutes(world["speed_arr"], world["sites"])
    assert valid.all() and np.allclose(d, expect, atol=1e-4)
    assert d.min() >= -1e-5 and d.max() > 0.5  # closing only lengthens journeys
    assert os.path.exists(tmp_path / "d.qml") and os.path.exists(tmp_path / "a.qml")
    areas = {r["area_id"]: r for r in read(res["OUTPUT"])}
    assert set(areas) == {"West", "East"}
    assert sum(r["pop_total"] for r in areas.values()) == pytest.approx(world["total"])
    table = read(res["OUTPUT_TABLE"])
    study = [r for r in table if r["level"] == "study"][0]
    for T in ("2", "4", "6"):
        assert all(r[f"gained_le_{T}"] == 0 for r in areas.values())
        assert sum(r[f"lost_le_{T}"] for r in areas.values()) == pytest.approx(study[f"lost_le_{T}"])
        by_cls = [r for r in table if r["level"] == "study_class"]
        assert sum(r[f"lost_le_{T}"] for r in by_cls) == pytest.approx(study[f"lost_le_{T}"])
        by_grp = [r for r in table if r["level"] == "study_group"]
        assert sum(r[f"lost_le_{T}"] for r in by_grp) == pytest.approx(study[f"lost_le_{T}"])
        for r in areas.values():  # scenario % within T never above baseline when closing
            assert r[f"scen_pct_le_{T}"] <= r[f"base_pct_le_{T}"] + 1e-9
    assert study["lost_le_4"] > 0
    assert areas["West"]["d_pct"] == pytest.approx(areas["West"]["scen_pct_le_4"] - areas["West"]["base_pct_le_4"])
    with open(tmp_path / "s.html", encoding="utf-8") as fh:
        text = fh.read()
    assert "closing S1" in text
    from test_alg_coverage import embedded_pngs

    pngs = embedded_pngs(text, tmp_path / "gains")
    assert len(pngs) == 1 and pngs[0][0] > 400  # gains and losses per area
    assert "Gains and losses within 4 minutes, by area" in text


def test_opening_a_site_with_two_layers(qgis_app, tmp_path, world):
    base = sites(world["sites"][:3])
    scen = sites(world["sites"], names=["S0", "S1", "S2", "New"])
    res = run({"SPEED": world["speed"], "BASELINE_SITES": base, "SCENARIO_SITES": scen, "AREAS": world["areas"],
               "POPULATION": world["pop"], "POPULATION_FIELD": "pop", "THRESHOLDS": "3,6", "TARGET": 3,
               "OUTPUT_DELTA": str(tmp_path / "d.tif"), "OUTPUT": str(tmp_path / "a.gpkg")})
    with rasterio.open(res["OUTPUT_DELTA"]) as ds:
        d = ds.read(1)
    assert d.max() <= 1e-5 and d.min() < -0.5  # adding a site only shortens journeys
    areas = read(res["OUTPUT"])
    assert all(r["lost_le_3"] == 0 for r in areas) and sum(r["gained_le_3"] for r in areas) > 0


def test_scenario_errors(qgis_app, tmp_path, world):
    from qgis.core import QgsProcessingException

    common = {"SPEED": world["speed"], "AREAS": world["areas"], "POPULATION": world["pop"],
              "POPULATION_FIELD": "pop", "OUTPUT_DELTA": "TEMPORARY_OUTPUT", "OUTPUT": "TEMPORARY_OUTPUT"}
    with pytest.raises(QgsProcessingException, match="SCENARIO_SITES or SCENARIO_FIELD"):
        run({**common, "BASELINE_SITES": sites(world["sites"])})
    with pytest.raises(QgsProcessingException, match="no site is open"):
        run({**common, "BASELINE_SITES": sites(world["sites"][:2], ["no", "0"]), "SCENARIO_FIELD": "open2"})
