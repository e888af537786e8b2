"""drivetime:response through processing.run in a headless QGIS, on a small synthetic grid."""
import os

import numpy as np
import pytest
from _layers import cell_box, cell_xy as xy, memory_layer, point_wkt, write_raster as write_speed  # shared test helpers

X0, Y0, CELL = 440000.0, 210000.0, 50.0  # top-left corner, EPSG:27700
N = 80  # 4 km x 4 km; uniform 30 km/h = 0.1 min per cell along a row

STATIONS = [(40, 10), (40, 70)]
DEMAND = [(40, 20, 1.0), (40, 30, 2.0), (40, 50, 3.0), (40, 60, 4.0)]  # row, col, calls per day


def point_layer(rows, fields):
    """Points at cells ``(row, col, *attributes)``; fields: [(name, type)]."""
    return memory_layer("Point", [point_wkt(*xy(r, c)) for r, c, *_ in rows], fields, [a for _, _, *a in rows],
                        name="p")


def halves():
    """West and east halves of the grid (codes W and E)."""
    return memory_layer("Polygon", [cell_box(0, 0, N, 40), cell_box(0, 40, N, 40)], [("code", "string")],
                        [("W",), ("E",)], name="areas")


def params(tmp_path, **kw):
    p = {"SPEED": write_speed(tmp_path / "speed.tif", np.full((N, N), 30.0)),
         "STATIONS": point_layer([(r, c, 2) for r, c in STATIONS], [("vehicles", "integer")]),
         "VEHICLES_FIELD": "vehicles",
         "DEMAND": point_layer(DEMAND, [("calls", "double")]), "DEMAND_FIELD": "calls",
         "AREAS": halves(), "AREA_ID_FIELD": "code", "ACTIVATION": 2.0, "JOB_CYCLE": 60.0, "TARGETS": "3.5,4.5",
         "OUTPUT": str(tmp_path / "areas.gpkg"), "OUTPUT_STATIONS": str(tmp_path / "stations.gpkg")}
    p.update(kw)
    return p


def run(p):
    import processing

    return processing.run("drivetime:response", p)


def rows(path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(path, "o", "ogr")
    assert layer.isValid(), path
    out = {}
    for f in layer.getFeatures():
        key = f["area_id"] if "area_id" in layer.fields().names() else f["station"]
        out[key] = {n: f[n] for n in layer.fields().names()}
    del layer
    return out


def test_vanishing_demand_gives_activation_plus_nearest_drive(qgis_app, tmp_path):
    res = run(params(tmp_path, DEMAND_FACTOR=1e-6, OUTPUT_SUMMARY=str(tmp_path / "s.txt")))
    out = rows(res["OUTPUT"])
    # by hand: west: 1 call at 1.0 min, 2 calls at 2.0 min; east: 3 calls at 2.0 min, 4 at 1.0 min (+ 2 activation)
    assert out["W"]["mean_min"] == pytest.approx(2.0 + (1 * 1.0 + 2 * 2.0) / 3, abs=1e-6)
    assert out["E"]["mean_min"] == pytest.approx(2.0 + (3 * 2.0 + 4 * 1.0) / 7, abs=1e-6)
    assert out["W"]["p90_min"] == pytest.approx(4.0, abs=1e-4)
    assert out["W"]["pct_le_3_5"] == pytest.approx(100 / 3, abs=1e-3)
    assert out["E"]["pct_le_4_5"] == pytest.approx(100.0, abs=1e-6)
    assert out["W"]["calls_day"] == pytest.approx(3e-6)
    # the number outputs: trust-wide figures (all 10e-6 calls a day)
    assert res["MEAN_MINUTES"] == pytest.approx(2.0 + (1 * 1.0 + 2 * 2.0 + 3 * 2.0 + 4 * 1.0) / 10, abs=1e-6)
    assert res["P90_MINUTES"] == pytest.approx(4.0, abs=1e-4)
    assert res["CALLS_PER_DAY"] == pytest.approx(1e-5) and res["VEHICLES_ADDED"] == 0
    assert res["WAIT_PCT"] < 1e-6
    assert os.path.exists(os.path.splitext(res["OUTPUT"])[0] + ".qml")
    with open(res["OUTPUT_SUMMARY"], encoding="utf-8") as fh:
        text = fh.read()
    assert "90 % of calls" in text


def test_simulation_agrees_and_load_moves_the_right_way(qgis_app, tmp_path):
    busy = dict(DEMAND_FACTOR=4.0)  # 40 calls a day on 4 vehicles busy about 64 min each: ~45 % utilisation
    a = rows(run(params(tmp_path, **busy))["OUTPUT"])
    s_res = run(params(tmp_path, METHOD=1, SIM_DAYS=200, SIM_REPLICATIONS=5, SEED=3,
                       OUTPUT=str(tmp_path / "sim.gpkg"), OUTPUT_STATIONS=str(tmp_path / "simst.gpkg"), **busy))
    s = rows(s_res["OUTPUT"])
    for k in ("W", "E"):
        assert a[k]["mean_min"] == pytest.approx(s[k]["mean_min"], rel=0.05)
        assert a[k]["p90_min"] == pytest.approx(s[k]["p90_min"], rel=0.05)
        assert s[k]["mean_ci"] > 0
        assert a[k]["mean_min"] > 2.0 + 1.0  # busier than the zero-demand figure
    st = rows(s_res["OUTPUT_STATIONS"])
    assert sum(v["calls_day"] for v in st.values()) == pytest.approx(40.0, rel=0.05)
    assert all(0.3 < v["utilisation_pct"] / 100 < 0.6 for v in st.values())
    more = rows(run(params(tmp_path, DEMAND_FACTOR=6.0, OUTPUT=str(tmp_path / "more.gpkg")))["OUTPUT"])
    assert more["W"]["mean_min"] > a["W"]["mean_min"] and more["E"]["p90_min"] >= a["E"]["p90_min"]


def test_needs_search_table(qgis_app, tmp_path):
    res = run(params(tmp_path, DEMAND_FACTOR=6.0, STANDARD_MEAN=3.6, MAX_ADDED=6,
                     OUTPUT_NEEDS=str(tmp_path / "needs.csv")))
    with open(res["OUTPUT_NEEDS"], encoding="utf-8") as fh:
        lines = fh.read().strip().splitlines()
    assert lines[0].startswith("added,station")
    assert len(lines) >= 3  # the current fleet and at least one added vehicle
    st = rows(res["OUTPUT_STATIONS"])
    assert sum(v["vehicles_added"] for v in st.values()) == len(lines) - 2


@pytest.mark.parametrize("kw, words", [
    (dict(STATIONS="zero"), "VEHICLES_FIELD"),
    (dict(DEMAND_FACTOR=1.0, DEMAND="zero"), "no demand"),
    (dict(DEMAND="outside"), "none of the demand lies on the speed surface"),
    (dict(JOB_CYCLE=-5.0), "JOB_CYCLE"),
    (dict(DEMAND_FACTOR=500.0), "utilisation at or above 100"),
    (dict(MAX_ADDED=2), "STANDARD_MEAN"),
])
def test_bad_inputs_have_clear_messages(qgis_app, tmp_path, kw, words):
    from qgis.core import QgsProcessingException

    if kw.get("STATIONS") == "zero":
        kw["STATIONS"] = point_layer([(r, c, 0) for r, c in STATIONS], [("vehicles", "integer")])
    if kw.get("DEMAND") == "zero":
        kw["DEMAND"] = point_layer([(r, c, 0.0) for r, c, _ in DEMAND], [("calls", "double")])
    if kw.get("DEMAND") == "outside":
        kw["DEMAND"] = point_layer([(r + 500, c, v) for r, c, v in DEMAND], [("calls", "double")])
    with pytest.raises(QgsProcessingException, match=words):
        run(params(tmp_path, **kw))
