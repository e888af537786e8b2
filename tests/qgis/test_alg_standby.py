"""drivetime:standby through processing.run in a headless QGIS, on small synthetic grids."""
import itertools
import os

import numpy as np
import pytest
from _layers import cell_box, cell_xy as xy, memory_layer, point_wkt, write_raster as write_speed  # shared test helpers

X0, Y0, CELL = 440000.0, 210000.0, 50.0  # top-left corner, EPSG:27700
N = 80  # 4 km x 4 km


def points(cells):
    return memory_layer("Point", [point_wkt(*xy(r, c)) for r, c in cells], name="p")


def squares(specs):
    """Population squares: (row0, col0, size in cells, people)."""
    return memory_layer("Polygon", [cell_box(r0, c0, n, n) for r0, c0, n, _ in specs], [("pop", "double")],
                        [(float(p),) for *_, p in specs], name="pop")


def run(params):
    import processing

    return processing.run("drivetime:standby", params)


def read_features(path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(path, "o", "ogr")
    assert layer.isValid(), path
    rows = [{f.name(): feat[f.name()] for f in layer.fields()} | {"_geom": feat.geometry().asPoint()
                                                                     if feat.geometry().type() == 0 else None}
            for feat in layer.getFeatures()]
    del layer
    return rows


# uniform 30 km/h: 2 min = 1000 m = 20 cells; squares far apart so each candidate covers one
SPEED = np.full((N, N), 30.0)
TOWNS = [(5, 5, 6, 1000), (5, 60, 6, 600), (60, 5, 6, 400), (60, 60, 6, 300)]
CANDS = [(8, 8), (8, 63), (63, 8), (63, 63), (40, 40)]


def brute_force(sets_pop, k):
    best = 0.0
    for combo in itertools.combinations(range(len(sets_pop)), k):
        best = max(best, sum(sets_pop[j] for j in combo))
    return best


def test_count_mode_matches_brute_force(qgis_app, tmp_path):
    speed = write_speed(tmp_path / "s.tif", SPEED)
    res = run({"SPEED": speed, "POPULATION": squares(TOWNS), "POPULATION_FIELD": "pop",
               "CANDIDATES": points(CANDS), "DRIVE_BUDGET": 2.0, "COUNT": 2,
               "OUTPUT": str(tmp_path / "pts.gpkg"), "OUTPUT_CURVE": str(tmp_path / "curve.csv"),
               "OUTPUT_ZONES": str(tmp_path / "zones.gpkg"), "OUTPUT_REPORT": str(tmp_path / "r.html")})
    pts = sorted(read_features(res["OUTPUT"]), key=lambda r: r["rank"])
    # each town lies wholly within 2 min of its own candidate (max 8 cells away) and > 2 min of the others;
    # (40, 40) covers nothing populated: brute force over pairs = the two largest towns
    assert brute_force([1000, 600, 400, 300, 0], 2) == 1600
    assert [p["cand_id"] for p in pts] == [1, 2]  # memory-layer feature ids start at 1
    assert [round(p["marginal_pop"]) for p in pts] == [1000, 600]
    assert pts[-1]["cum_pop_pct"] == pytest.approx(100 * 1600 / 2300)
    assert pts[0]["_geom"].x() == pytest.approx(xy(8, 8)[0])
    assert os.path.exists(tmp_path / "pts.qml") and os.path.exists(tmp_path / "zones.qml")
    with open(tmp_path / "r.html", encoding="utf-8") as fh:
        html = fh.read()
    assert "<svg" in html and "http" not in html.split("<svg", 1)[1].split("</svg>")[0].replace(
        'xmlns="http://www.w3.org/2000/svg"', "")
    zones = read_features(res["OUTPUT_ZONES"])
    assert sorted(z["rank"] for z in zones) == [1, 2]
    assert sum(z["population"] for z in zones) == pytest.approx(1600)


def test_target_mode_smallest_count_and_curve(qgis_app, tmp_path):
    speed = write_speed(tmp_path / "s.tif", SPEED)
    # existing site covers the smallest town (300); target 85 % of 2300 = 1955 -> needs 1000 + 600 + 300 (+ 400?)
    # 300 + 1000 + 600 = 1900 < 1955, so 3 new points (1000, 600, 400) are the fewest
    res = run({"SPEED": speed, "POPULATION": squares(TOWNS), "POPULATION_FIELD": "pop",
               "CANDIDATES": points(CANDS), "EXISTING": points([(62, 62)]), "DRIVE_BUDGET": 2.0,
               "TARGET_COVERAGE": 85, "OUTPUT": str(tmp_path / "pts.gpkg"),
               "OUTPUT_CURVE": str(tmp_path / "curve.gpkg")})
    pts = sorted(read_features(res["OUTPUT"]), key=lambda r: r["rank"])
    assert len(pts) == 3 and sorted(p["cand_id"] for p in pts) == [1, 2, 3]
    assert pts[-1]["cum_pop_pct"] == pytest.approx(100.0)
    curve = read_features(res["OUTPUT_CURVE"])
    by = {int(r["count"]): r for r in curve}
    assert by[0]["pct_covered"] == pytest.approx(100 * 300 / 2300)
    assert by[2]["pct_covered"] == pytest.approx(100 * 1900 / 2300) and by[2]["pct_covered"] < 85
    assert by[3]["chosen"] == 1 and sum(int(r["chosen"]) for r in curve) == 1
    assert by[3]["pct_solution"] == pytest.approx(100.0)
    pct = [by[c]["pct_covered"] for c in sorted(by)]
    assert all(b >= a - 1e-9 for a, b in zip(pct, pct[1:]))


def test_incidents_per_day_and_flag(qgis_app, tmp_path):
    speed = write_speed(tmp_path / "s.tif", SPEED)
    rng = np.random.default_rng(0)
    inc = [(int(r), int(c)) for r, c in zip(rng.integers(5, 11, 70), rng.integers(5, 11, 70))]  # town 1: 70
    inc += [(int(r), int(c)) for r, c in zip(rng.integers(60, 66, 10), rng.integers(60, 66, 10))]  # town 4: 10
    res = run({"SPEED": speed, "DEMAND": points(inc), "DAYS": 10, "CANDIDATES": points(CANDS), "DRIVE_BUDGET": 2.0,
               "COUNT": 2, "OUTPUT": str(tmp_path / "pts.gpkg")})
    pts = sorted(read_features(res["OUTPUT"]), key=lambda r: r["rank"])
    assert [p["cand_id"] for p in pts] == [1, 4]
    assert [p["inc_per_day"] for p in pts] == pytest.approx([7.0, 1.0])
    assert [p["low_use"] for p in pts] == [0, 1]
    assert [p["marginal_inc"] for p in pts] == pytest.approx([70, 10])


def test_generated_candidates_cover_everything_reachable(qgis_app, tmp_path):
    speed = SPEED.copy()
    speed[40, :] = 60.0  # a road across
    path = write_speed(tmp_path / "s.tif", speed)
    res = run({"SPEED": path, "POPULATION": squares(TOWNS), "POPULATION_FIELD": "pop", "CANDIDATE_COUNT": 20,
               "DRIVE_BUDGET": 4.0, "TARGET_COVERAGE": 100, "OUTPUT": str(tmp_path / "pts.gpkg")})
    pts = read_features(res["OUTPUT"])
    assert 1 <= len(pts) <= 4 and max(p["cum_pop_pct"] for p in pts) == pytest.approx(100.0)
    rows = [round((Y0 - p["_geom"].y()) / CELL - 0.5) for p in pts]
    assert all(r == 40 for r in rows)  # generated candidates sit on road cells


def test_errors_name_the_parameter(qgis_app, tmp_path):
    from qgis.core import QgsProcessingException

    speed = write_speed(tmp_path / "s.tif", SPEED)
    with pytest.raises(QgsProcessingException, match="POPULATION, POPULATION_RASTER or DEMAND"):
        run({"SPEED": speed, "CANDIDATES": points(CANDS), "OUTPUT": "TEMPORARY_OUTPUT"})
    with pytest.raises(QgsProcessingException, match="POPULATION_FIELD"):
        run({"SPEED": speed, "POPULATION": squares(TOWNS), "OUTPUT": "TEMPORARY_OUTPUT"})
    with pytest.raises(QgsProcessingException, match="CANDIDATES"):
        run({"SPEED": speed, "POPULATION": squares(TOWNS), "POPULATION_FIELD": "pop",
             "CANDIDATES": points([(2, 500)]), "OUTPUT": "TEMPORARY_OUTPUT"})


def test_same_points_and_curve_with_dask(qgis_app, tmp_path, monkeypatch):
    """DRIVETIME_DASK=local:2:threads: the candidate runs as Dask tasks give the same points and curve."""
    pytest.importorskip("distributed")
    speed = SPEED.copy()
    speed[40, :] = 60.0
    path = write_speed(tmp_path / "s.tif", speed)
    import processing
    from qgis.core import QgsProcessingFeedback

    class Log(QgsProcessingFeedback):
        lines = []

        def pushInfo(self, text):  # noqa: N802
            self.lines.append(text)

    out = {}
    for name, spec in (("plain", None), ("dask", "local:2:threads")):
        if spec:
            monkeypatch.setenv("DRIVETIME_DASK", spec)
        else:
            monkeypatch.delenv("DRIVETIME_DASK", raising=False)
        res = processing.run("drivetime:standby", {
            "SPEED": path, "POPULATION": squares(TOWNS), "POPULATION_FIELD": "pop", "CANDIDATE_COUNT": 25,
            "DRIVE_BUDGET": 3.0, "TARGET_COVERAGE": 100, "OUTPUT": str(tmp_path / f"{name}.gpkg"),
            "OUTPUT_CURVE": str(tmp_path / f"{name}.csv")}, feedback=Log())
        with open(res["OUTPUT_CURVE"], "rb") as fh:
            out[name] = (fh.read(), [(p["cand_id"], p["marginal_pop"], p["_geom"].x(), p["_geom"].y())
                                     for p in read_features(res["OUTPUT"])])
    assert out["plain"][1] and out["plain"] == out["dask"]
    assert any("candidate runs:" in line and "tasks ran on" in line for line in Log.lines), Log.lines
