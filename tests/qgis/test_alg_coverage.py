"""drivetime:coverage through processing.run in a headless QGIS: analytic circle, the Oxfordshire sample,
bad input."""
import math
import os

import numpy as np
import pytest
from _layers import memory_layer, wkt_box as box_wkt, write_raster  # shared test helpers

X0, Y1 = 440000.0, 210000.0  # top-left, EPSG:27700


def polygon_layer(wkts, fields=(), rows=(), crs="EPSG:27700", name="p"):
    """Memory multipolygon layer; fields: [(name, type)] with type 'string' / 'double' / 'integer'."""
    return memory_layer("MultiPolygon", wkts, fields, rows, name, crs)


def embedded_pngs(html, stem):
    """Decode the base64 PNGs embedded in an HTML report, save them as <stem>_<k>.png (to look at), and
    return their (width, height)."""
    import base64
    import re

    from PIL import Image

    sizes = []
    for k, b64 in enumerate(re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', html)):
        path = f"{stem}_{k}.png"
        with open(path, "wb") as fh:
            fh.write(base64.b64decode(b64))
        with Image.open(path) as im:
            sizes.append(im.size)
    return sizes


def run(params):
    import processing

    return processing.run("drivetime:coverage", params)


def run_error(params):
    """Run expecting failure; return the algorithm's own error message (processing.run re-raises it)."""
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as err:
        processing.run("drivetime:coverage", params)
    return str(err.value)


def features(path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(path, "o", "ogr")
    assert layer.isValid(), path
    names = layer.fields().names()
    out = [dict(zip(names, [None if (hasattr(v, "isNull") and v.isNull()) else v for v in f.attributes()]))
           for f in layer.getFeatures()]
    del layer
    return out


# -- analytic: uniform speed, one site, uniform population -------------------------------------------------
def test_circle_through_drivetime_algorithm(qgis_app, tmp_path):
    """Uniform 60 km/h: drive time = distance / speed, so the population within T is density x pi r² (r =
    1 km per minute) to within a ring one cell wide (the 16-neighbour graph's direction error is well
    inside that at these radii)."""
    import processing
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    cs, n = 50.0, 160  # 8 km square
    speed = write_raster(tmp_path / "speed.tif", np.full((n, n), 60.0), cs)
    site = (X0 + 80 * cs + cs / 2, Y1 - 80 * cs - cs / 2)  # a cell centre
    sites = QgsVectorLayer("Point?crs=EPSG:27700", "s", "memory")
    f = QgsFeature()
    f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*site)))
    sites.dataProvider().addFeatures([f])
    dt = processing.run("drivetime:drivetime", {"SPEED": speed, "SITES": sites, "ACTIVATION": 0,
                                                "OUTPUT": str(tmp_path / "dt.tif")})["OUTPUT"]
    density = 1500 / 1e6  # people per m²
    pop_box = (X0 + 200, Y1 - n * cs + 200, X0 + n * cs - 200, Y1 - 200)
    pop_area = (pop_box[2] - pop_box[0]) * (pop_box[3] - pop_box[1])
    pop = polygon_layer([box_wkt(*pop_box)], [("people", "double")], [[density * pop_area]])
    areas = polygon_layer([box_wkt(X0, Y1 - n * cs, site[0], Y1), box_wkt(site[0], Y1 - n * cs, X0 + n * cs, Y1)],
                          [("code", "string"), ("nm", "string")], [["W", "West"], ["E", "East"]])
    res = run({"DRIVETIME": dt, "AREAS": areas, "AREA_ID_FIELD": "code", "AREA_NAME_FIELD": "nm",
               "POPULATION": pop, "POPULATION_FIELD": "people", "THRESHOLDS": "1,2,3", "TARGET": 2,
               "OUTPUT": str(tmp_path / "cov.gpkg"), "OUTPUT_TABLE": str(tmp_path / "table.gpkg"),
               "OUTPUT_SUMMARY": str(tmp_path / "summary.html")})
    rows = features(res["OUTPUT"])
    assert [r["area_id"] for r in rows] == ["W", "E"]
    for T in (1, 2, 3):
        r = 1000.0 * T
        exact = density * math.pi * r * r
        got = sum(row[f"pop_le_{T}"] for row in rows)
        assert abs(got - exact) <= density * 2 * math.pi * r * cs, (T, got, exact)
        for row in rows:
            assert abs(row[f"pop_le_{T}"] - exact / 2) <= density * math.pi * r * cs
    total = sum(row["pop_total"] for row in rows)
    assert total == pytest.approx(density * pop_area, rel=1e-9)  # conserved
    # uniform density -> semi-urban by the default breaks (300, 1500): 1500 / km² is urban
    table = features(res["OUTPUT_TABLE"])
    study = [t for t in table if t["level"] == "study"][0]
    assert study["pop_total"] == pytest.approx(total)
    assert {t["urbanity"] for t in table if t["level"] == "study_class"} == {"urban"}
    assert rows[0]["gap_pp"] == pytest.approx(rows[0]["pct_le_2"] - study["pct_le_2"])
    assert os.path.exists(tmp_path / "cov.qml") and os.path.exists(tmp_path / "table.qml")
    with open(res["OUTPUT_SUMMARY"], encoding="utf-8") as fh:
        html = fh.read()
    assert "live more than 2 minutes' drive" in html and "West" in html


# -- the Oxfordshire sample ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def oxon_minutes(tmp_path_factory):
    """An analytic drive-time raster over Oxfordshire: distance from the John Radcliffe at 1 km/min, 200 m
    cells; a nodata block in the far south-west (unreachable)."""
    cs = 200.0
    x0, y1, cols, rows = 418000.0, 254000.0, 310, 410  # E 418-480 km, N 172-254 km: the whole county
    xs = x0 + (np.arange(cols) + 0.5) * cs
    ys = y1 - (np.arange(rows) + 0.5) * cs
    X, Y = np.meshgrid(xs, ys)
    m = np.hypot(X - 453940.0, Y - 207531.0) / 1000.0
    m[(X < 430000) & (Y < 195000)] = -9999.0
    path = tmp_path_factory.mktemp("oxon") / "minutes.tif"
    return write_raster(path, m, cs, origin=(x0, y1), nodata=-9999.0), (x0, y1, cs, rows, cols)


def test_oxfordshire_sample_conserves_and_matches_independent_overlay(qgis_app, data_dir, oxon_minutes, tmp_path):
    import geopandas as gpd
    from shapely.geometry import Point, box

    dt, (x0, y1, cs, nrows, ncols) = oxon_minutes
    gpkg = os.path.join(data_dir, "oxfordshire_demo.gpkg")
    res = run({"DRIVETIME": dt, "AREAS": f"{gpkg}|layername=lad11_oxfordshire", "AREA_ID_FIELD": "lad11nm",
               "POPULATION": f"{gpkg}|layername=lsoa11_oxfordshire", "POPULATION_FIELD": "pop_mid2018",
               "URBANITY_FIELD": "ruc11cd", "GROUP_FIELD": "imd19_decile", "THRESHOLDS": "8,19,30",
               "TARGET": 8, "STUDY_AREA_NAME": "Oxfordshire",
               "OUTPUT": str(tmp_path / "lad.gpkg"), "OUTPUT_TABLE": str(tmp_path / "lad_table.gpkg"),
               "OUTPUT_SUMMARY": str(tmp_path / "lad.html")})
    rows = {r["area_id"]: r for r in features(res["OUTPUT"])}
    lsoa = gpd.read_file(gpkg, layer="lsoa11_oxfordshire")
    assert set(rows) == set(lsoa.lad11nm)
    assert sum(r["pop_total"] for r in rows.values()) == pytest.approx(lsoa.pop_mid2018.sum(), abs=1e-3)
    # LSOAs nest in districts: each district's total is its LSOAs' total
    for lad, grp in lsoa.groupby("lad11nm"):
        assert rows[lad]["pop_total"] == pytest.approx(grp.pop_mid2018.sum(), rel=1e-9)
    # independent: people within 8 / 19 min = sum over LSOAs of pop x share of the LSOA inside the disc of
    # radius 8 / 19 km (minus the unreachable block), to within a ring one cell wide each side
    jr = Point(453940.0, 207531.0)
    dead = box(x0, 0, 430000, 195000)
    lsoa["dens"] = lsoa.pop_mid2018 / lsoa.area
    for T in (8, 19):
        disc = jr.buffer(1000.0 * T, 256).difference(dead)
        ring = jr.buffer(1000.0 * T + cs * 0.75, 256).difference(jr.buffer(1000.0 * T - cs * 0.75, 256))
        for lad, grp in lsoa.groupby("lad11nm"):
            ref = float((grp.dens * grp.geometry.intersection(disc).area).sum())
            tol = float((grp.dens * grp.geometry.intersection(ring).area).sum()) + 1.0
            assert abs(rows[lad][f"pop_le_{T}"] - ref) <= tol, (lad, T, rows[lad][f"pop_le_{T}"], ref, tol)
    # the unreachable block holds people (West Oxfordshire / Vale): counted apart, never within
    unreach = sum(r["pop_unreach"] for r in rows.values())
    ref_unreach = float((lsoa.dens * lsoa.geometry.intersection(dead).area).sum())
    assert ref_unreach > 1000
    assert abs(unreach - ref_unreach) <= 0.02 * ref_unreach
    for r in rows.values():
        assert r["pop_beyond"] == pytest.approx(r["pop_total"] - r["pop_le_8"])
        assert 1 <= r["rank"] <= 5
    assert rows["Oxford"]["rank"] == 1
    # table: study and per-class rows add up; RUC classes mapped
    table = features(res["OUTPUT_TABLE"])
    study = [t for t in table if t["level"] == "study"][0]
    classes = {t["urbanity"]: t for t in table if t["level"] == "study_class"}
    assert set(classes) == {"urban", "semi-urban", "rural"}
    assert sum(t["pop_total"] for t in classes.values()) == pytest.approx(study["pop_total"])
    ruc = lsoa.groupby(lsoa.ruc11cd.str[0]).pop_mid2018.sum()
    assert classes["urban"]["pop_total"] == pytest.approx(ruc["C"])
    assert classes["rural"]["pop_total"] == pytest.approx(ruc["E"])
    deciles = [t for t in table if t["level"] == "study_group"]
    assert sorted(t["group_val"] for t in deciles) == sorted(str(d) for d in range(1, 11))
    with open(res["OUTPUT_SUMMARY"], encoding="utf-8") as fh:
        html = fh.read()
    assert "across Oxfordshire" in html and "," in html
    assert "By IMD decile, the share" in html and "imd19_decile" not in html  # the field as a reader says it
    # the charts: by area and urbanity, and the cumulative curve, embedded as PNG
    pngs = embedded_pngs(html, tmp_path / "lad_chart")
    assert len(pngs) == 2 and all(w > 400 and h > 200 for w, h in pngs)
    assert "by area and by urbanity" in html and "Residents by drive time" in html


def test_areas_in_another_crs_give_the_same_figures(qgis_app, data_dir, oxon_minutes, tmp_path):
    from qgis.core import QgsVectorLayer
    import processing

    dt, _ = oxon_minutes
    gpkg = os.path.join(data_dir, "oxfordshire_demo.gpkg")
    lad = QgsVectorLayer(f"{gpkg}|layername=lad11_oxfordshire", "lad", "ogr")
    wgs = processing.run("native:reprojectlayer", {"INPUT": lad, "TARGET_CRS": "EPSG:4326",
                                                   "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    common = {"DRIVETIME": dt, "AREA_ID_FIELD": "lad11nm", "POPULATION": f"{gpkg}|layername=lsoa11_oxfordshire",
              "POPULATION_FIELD": "pop_mid2018", "THRESHOLDS": "10", "TARGET": 10,
              "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_TABLE": "TEMPORARY_OUTPUT"}
    a = run(dict(common, AREAS=lad))["OUTPUT"]
    b = run(dict(common, AREAS=wgs))["OUTPUT"]
    assert b.crs().authid() == "EPSG:4326"  # the output keeps the areas' CRS
    fa = {f["area_id"]: f for f in a.getFeatures()}
    fb = {f["area_id"]: f for f in b.getFeatures()}
    for k in fa:
        # the round trip through WGS 84 moves boundaries by millimetres only
        assert fb[k]["pop_total"] == pytest.approx(fa[k]["pop_total"], rel=1e-4)
        assert fb[k]["pct_le_10"] == pytest.approx(fa[k]["pct_le_10"], abs=0.01)


def test_population_raster_and_points(qgis_app, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    cs = 100.0
    minutes = np.tile(np.arange(20, dtype=float), (20, 1))  # 0..19 min by column
    dt = write_raster(tmp_path / "m.tif", minutes, cs)
    areas = polygon_layer([box_wkt(X0, Y1 - 2000, X0 + 1000, Y1), box_wkt(X0 + 1000, Y1 - 2000, X0 + 3000, Y1)],
                          [("id", "integer")], [[1], [2]])
    # population raster of 500 m cells, aligned: 4 x 2 cells (x 0..2000 m, y 0..1000 m below the top)
    pop = np.array([[100.0, 200.0, 300.0, 400.0], [0, 0, 0, 50.0]])
    pr = write_raster(tmp_path / "pop.tif", pop, 500.0)
    res = run({"DRIVETIME": dt, "AREAS": areas, "AREA_ID_FIELD": "id", "POPULATION_RASTER": pr, "THRESHOLDS": "5,12",
               "TARGET": 5, "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_TABLE": "TEMPORARY_OUTPUT"})
    f = {x["area_id"]: x for x in res["OUTPUT"].getFeatures()}
    assert f[1]["pop_total"] == pytest.approx(300.0) and f[2]["pop_total"] == pytest.approx(750.0)
    # grid column c has minutes c; raster column 0 (100 people) covers grid columns 0-4 (all within 5),
    # raster column 1 (200) columns 5-9, of which column 5 only is within 5 (a time equal to T is within T)
    assert f[1]["pop_le_5"] == pytest.approx(100.0 + 200.0 / 5)
    # columns 10..14 (300 people) and 15..19 (450) are all beyond 5; 10..12 -> 3/5 of 300 within 12
    assert f[2]["pop_le_5"] == pytest.approx(0.0) and f[2]["pop_le_12"] == pytest.approx(180.0)
    # points: each point's people in its cell
    pts = QgsVectorLayer("Point?crs=EPSG:27700&field=n:double&field=cls:string", "pts", "memory")
    feats = []
    for x, n, c in ((X0 + 50, 10, "urban"), (X0 + 1450, 20, "rural"), (X0 + 5000, 40, "rural")):
        q = QgsFeature(pts.fields())
        q.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, Y1 - 50)))
        q.setAttributes([n, c])
        feats.append(q)
    pts.dataProvider().addFeatures(feats)
    res = run({"DRIVETIME": dt, "AREAS": areas, "AREA_ID_FIELD": "id", "POPULATION": pts, "POPULATION_FIELD": "n",
               "URBANITY_FIELD": "cls", "THRESHOLDS": "5,12", "TARGET": 5,
               "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_TABLE": "TEMPORARY_OUTPUT"})
    f = {x["area_id"]: x for x in res["OUTPUT"].getFeatures()}
    assert f[1]["pop_le_5"] == 10 and f[2]["pop_total"] == 20 and f[2]["median_min"] == 14


def test_zero_population_area_gets_nulls(qgis_app, tmp_path):
    dt = write_raster(tmp_path / "m.tif", np.full((10, 10), 3.0), 100.0)
    areas = polygon_layer([box_wkt(X0, Y1 - 500, X0 + 500, Y1), box_wkt(X0 + 500, Y1 - 500, X0 + 1000, Y1)],
                          [("id", "string")], [["full"], ["empty"]])
    pop = polygon_layer([box_wkt(X0, Y1 - 500, X0 + 500, Y1)], [("n", "double")], [[99.0]])
    res = run({"DRIVETIME": dt, "AREAS": areas, "AREA_ID_FIELD": "id", "POPULATION": pop, "POPULATION_FIELD": "n",
               "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_TABLE": "TEMPORARY_OUTPUT"})
    f = {x["area_id"]: x for x in res["OUTPUT"].getFeatures()}
    assert f["full"]["pct_le_8"] == pytest.approx(100.0) and f["full"]["rank"] == 1
    for name in ("pct_le_8", "median_min", "p90_min", "mean_min", "gap_pp", "rank", "meets"):
        v = f["empty"][name]
        assert v is None or (hasattr(v, "isNull") and v.isNull()), name
    assert f["empty"]["pop_total"] == 0


def test_areas_named_by_a_name_field_when_no_field_is_given(qgis_app, tmp_path):
    from drivetime_equity.processing.population import guess_name_field

    dt = write_raster(tmp_path / "m.tif", np.full((10, 10), 3.0), 100.0)
    areas = polygon_layer([box_wkt(X0, Y1 - 500, X0 + 500, Y1), box_wkt(X0 + 500, Y1 - 500, X0 + 1000, Y1)],
                          [("code", "string"), ("lad11nm", "string"), ("pop", "integer")],
                          [["E1", "Northtown", 1], ["E2", "Southville", 2]])
    assert guess_name_field(areas.fields()) == "lad11nm"
    pop = polygon_layer([box_wkt(X0, Y1 - 500, X0 + 1000, Y1)], [("n", "double")], [[200.0]])
    html = str(tmp_path / "s.html")
    res = run({"DRIVETIME": dt, "AREAS": areas, "POPULATION": pop, "POPULATION_FIELD": "n",
               "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_TABLE": "TEMPORARY_OUTPUT", "OUTPUT_SUMMARY": html})
    feats = list(res["OUTPUT"].getFeatures())
    assert sorted(f["area_name"] for f in feats) == ["Northtown", "Southville"]
    assert sorted(f["area_id"] for f in feats) == [0, 1] or sorted(f["area_id"] for f in feats) == [1, 2]  # fids
    text = open(html, encoding="utf-8").read()
    assert "Northtown" in text and "Southville" in text
    # an explicit id field still names the areas
    res = run({"DRIVETIME": dt, "AREAS": areas, "AREA_ID_FIELD": "code", "POPULATION": pop, "POPULATION_FIELD": "n",
               "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_TABLE": "TEMPORARY_OUTPUT"})
    assert sorted(f["area_name"] for f in res["OUTPUT"].getFeatures()) == ["E1", "E2"]
    # no text field that looks like a name: the feature ids, as before
    plain = polygon_layer([box_wkt(X0, Y1 - 500, X0 + 500, Y1)], [("code", "string")], [["E1"]])
    assert guess_name_field(plain.fields()) is None


def test_dasymetric_weights(qgis_app, tmp_path):
    minutes = np.full((10, 10), 20.0)
    minutes[:, :5] = 3.0
    dt = write_raster(tmp_path / "m.tif", minutes, 100.0)
    w = np.zeros((10, 10))
    w[:, :5] = 2.0  # people live only in the western half (where the drive time is 3 min)
    weights = write_raster(tmp_path / "w.tif", w, 100.0)
    areas = polygon_layer([box_wkt(X0, Y1 - 1000, X0 + 1000, Y1)], [("id", "string")], [["a"]])
    pop = polygon_layer([box_wkt(X0, Y1 - 1000, X0 + 1000, Y1)], [("n", "double")], [[400.0]])
    common = {"DRIVETIME": dt, "AREAS": areas, "AREA_ID_FIELD": "id", "POPULATION": pop, "POPULATION_FIELD": "n",
              "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_TABLE": "TEMPORARY_OUTPUT"}
    plain = next(run(common)["OUTPUT"].getFeatures())
    dasy = next(run(dict(common, WEIGHTS=weights))["OUTPUT"].getFeatures())
    assert plain["pct_le_8"] == pytest.approx(50.0) and dasy["pct_le_8"] == pytest.approx(100.0)
    assert dasy["pop_total"] == pytest.approx(400.0)
    shifted = write_raster(tmp_path / "w2.tif", w, 100.0, origin=(X0 + 50, Y1))
    assert "WEIGHTS" in run_error(dict(common, WEIGHTS=shifted))


# -- bad input -------------------------------------------------------------------------------------------
def test_bad_input_messages(qgis_app, data_dir, tmp_path):
    gpkg = os.path.join(data_dir, "oxfordshire_demo.gpkg")
    lsoa = f"{gpkg}|layername=lsoa11_oxfordshire"
    dt = write_raster(tmp_path / "m.tif", np.full((410, 310), 5.0), 200.0, origin=(418000.0, 254000.0))
    base = {"DRIVETIME": dt, "AREAS": f"{gpkg}|layername=lad11_oxfordshire", "AREA_ID_FIELD": "lad11nm",
            "POPULATION": lsoa, "POPULATION_FIELD": "pop_mid2018",
            "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_TABLE": "TEMPORARY_OUTPUT"}
    # duplicate ids: LSOAs as areas with the district name as id
    msg = run_error(dict(base, AREAS=lsoa, AREA_ID_FIELD="lad11nm"))
    assert "AREA_ID_FIELD" in msg and "unique" in msg and "Cherwell" in msg
    # text population field
    msg = run_error(dict(base, POPULATION_FIELD="lsoa11nm"))
    assert "POPULATION_FIELD" in msg and "not a number" in msg
    # negative population
    pop = polygon_layer([box_wkt(430000, 200000, 431000, 201000)], [("n", "double")], [[-5.0]])
    msg = run_error(dict(base, POPULATION=pop, POPULATION_FIELD="n"))
    assert "POPULATION_FIELD" in msg and "negative" in msg
    # areas far from the raster
    far = polygon_layer([box_wkt(100000, 100000, 101000, 101000)], [("id", "string")], [["x"]])
    msg = run_error(dict(base, AREAS=far, AREA_ID_FIELD="id"))
    assert "AREAS" in msg and "overlaps" in msg
    # unrecognised urbanity values
    msg = run_error(dict(base, URBANITY_FIELD="lsoa11cd"))
    assert "URBANITY_FIELD" in msg and "unrecognised" in msg and "E01028422" in msg
