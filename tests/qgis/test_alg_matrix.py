"""drivetime:matrix through processing.run in a headless QGIS.

Expected values are computed here from geometry (straight-line distance / speed on uniform surfaces, exact
on a row of cells), from the banding rule written out by hand, and from a BFS; never from the algorithm."""
import csv
import math
import os

import numpy as np
import pytest
import rasterio

from _layers import write_raster as write_speed  # shared test helpers
from _refs import bfs_groups  # shared independent reference
import _dijkstra as reference  # the plain Dijkstra of tests/_dijkstra.py

X0, Y0 = 440000.0, 210000.0  # top-left, EPSG:27700


def centre(row, col, cell):
    return X0 + (col + 0.5) * cell, Y0 - (row + 0.5) * cell


def sites_layer(points, ids=None, names=None, crs="EPSG:27700"):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer(f"Point?crs={crs}&field=code:string&field=label:string&field=beds:integer", "s",
                           "memory")
    feats = []
    for i, (x, y) in enumerate(points):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        f.setAttributes([ids[i] if ids else f"S{i}", names[i] if names else f"Site {i}", 100 + i])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def run(params, **kw):
    import processing

    return processing.run("drivetime:matrix", params, **kw)


def read_table(path):
    """Features of a file output as a list of dicts (QGIS NULL -> None)."""
    from qgis.core import QgsVectorLayer

    lyr = QgsVectorLayer(str(path), "t", "ogr")
    assert lyr.isValid()
    out = []
    for f in lyr.getFeatures():
        row = {}
        for name in lyr.fields().names():
            v = f[name]
            row[name] = None if v is None or (hasattr(v, "isNull") and v.isNull()) or v == "NULL" else v
        if f.hasGeometry():
            row["_geom"] = f.geometry().asWkt()
        out.append(row)
    del lyr
    return out


def expected_band(t, bands):
    if t is None or not math.isfinite(t):
        return None
    for k, b in enumerate(bands):
        if t <= b:
            return k + 1
    return len(bands) + 1


# -- an exact case: sites on one row of a surface where every cell costs exactly 0.5 min --------------------
CELL = 64.0
SPEED_EXACT = 7.68  # km/h: friction 0.06 / 7.68 = 0.0078125 min/m (exact in binary) -> 0.5 min per 64 m cell
ROW_COLS = [10, 70, 100, 130, 131]  # A-B 30, A-C 45, A-D 60, A-E 60.5, B-D 30, C-D 15 minutes exactly


def exact_case(tmp_path):
    speed = np.full((7, 140), SPEED_EXACT, np.float32)
    path = write_speed(tmp_path / "speed_exact.tif", speed, CELL)
    pts = [centre(3, c, CELL) for c in ROW_COLS]
    names = ["Alpha", "Bravo", "Charlie", "Delta", "Echo"]
    return path, sites_layer(pts, ids=["A", "B", "C", "D", "E"], names=names), names


def test_exact_band_boundaries_all_outputs(qgis_app, tmp_path):
    from drivetime_equity.core.matrix import DEFAULT_LABELS

    speed, layer, names = exact_case(tmp_path)
    res = run({"SPEED": speed, "SITES": layer, "SITE_ID_FIELD": "code", "SITE_NAME_FIELD": "label",
               "OUTPUT": str(tmp_path / "pairs.gpkg"), "OUTPUT_LINES": str(tmp_path / "lines.gpkg"),
               "OUTPUT_SITES": str(tmp_path / "sites.gpkg"), "OUTPUT_MATRIX": str(tmp_path / "m.csv")})
    ids = ["A", "B", "C", "D", "E"]
    exact = {(a, b): abs(ROW_COLS[i] - ROW_COLS[j]) * 0.5 for i, a in enumerate(ids) for j, b in enumerate(ids)}
    bands = [30.0, 45.0, 60.0]
    pairs = read_table(res["OUTPUT"])
    assert len(pairs) == 20
    for p in pairs:
        t = exact[(p["from_id"], p["to_id"])]
        assert p["minutes"] == pytest.approx(t, abs=1e-9)
        assert p["band"] == expected_band(t, bands)
        assert p["band_label"] == DEFAULT_LABELS[p["band"] - 1]
        assert p["from_name"] == names[ids.index(p["from_id"])]
    by = {(p["from_id"], p["to_id"]): p["band"] for p in pairs}
    assert by[("A", "B")] == 1 and by[("B", "D")] == 1  # exactly 30 -> band 1
    assert by[("A", "C")] == 2  # exactly 45 -> band 2
    assert by[("A", "D")] == 3  # exactly 60 -> band 3
    assert by[("A", "E")] == 4  # 60.5 -> band 4

    lines = read_table(res["OUTPUT_LINES"])
    assert len(lines) == 10
    assert {tuple(sorted((r["from_id"], r["to_id"]))) for r in lines} == {
        (a, b) for i, a in enumerate(ids) for b in ids[i + 1:]}
    for r in lines:
        assert r["band"] == expected_band(exact[(r["from_id"], r["to_id"])], bands)
        i, j = ids.index(r["from_id"]), ids.index(r["to_id"])
        assert r["line_km"] == pytest.approx(abs(ROW_COLS[i] - ROW_COLS[j]) * CELL / 1000, abs=1e-3)
        assert r["_geom"].startswith("LineString")
    assert os.path.exists(tmp_path / "lines.qml")
    with open(tmp_path / "lines.qml", encoding="utf-8") as fh:
        qml = fh.read()
    assert 'labelsEnabled="0"' in qml and "graduatedSymbol" in qml and 'symbollevels="1"' in qml
    from qgis.core import QgsCategorizedSymbolRenderer, QgsGraduatedSymbolRenderer, QgsVectorLayer

    lyr = QgsVectorLayer(str(tmp_path / "lines.gpkg"), "lines", "ogr")  # picks up lines.qml beside it
    r = lyr.renderer()
    assert isinstance(r, QgsGraduatedSymbolRenderer) and r.classAttribute() == "band"
    assert [rg.label() for rg in r.ranges()] == list(DEFAULT_LABELS)
    widths = [rg.symbol().width() for rg in r.ranges()]
    assert widths == sorted(widths, reverse=True) and widths[0] > widths[-1]  # band 1 most prominent
    passes = [rg.symbol().symbolLayer(0).renderingPass() for rg in r.ranges()]
    assert passes == sorted(passes, reverse=True)  # band 1 drawn last (on top)
    assert not lyr.labelsEnabled() and lyr.labeling() is not None
    del lyr

    sites = {r["site_id"]: r for r in read_table(res["OUTPUT_SITES"])}
    assert set(sites) == set(ids)
    # nearest partner: independent from the exact times
    for a in ids:
        others = sorted((exact[(a, b)], b) for b in ids if b != a)
        assert sites[a]["nearest_min"] == pytest.approx(others[0][0])
        assert exact[(a, sites[a]["nearest_id"])] == others[0][0]
        assert sites[a]["mean_min"] == pytest.approx(sum(t for t, _ in others) / 4)
        counts = [0, 0, 0, 0]
        for t, _ in others:
            counts[expected_band(t, bands) - 1] += 1
        assert [sites[a][k] for k in ("n_le30", "n_30_45", "n_45_60", "n_gt60")] == counts
        assert sites[a]["beds"] == 100 + ids.index(a)  # input fields carried over
    # groups at 30: A-B (30), B-D (30), C-D (15), D-E (0.5) all link -> one group; see BFS below in general
    assert len({sites[a]["grp_30"] for a in ids}) == 1
    assert os.path.exists(tmp_path / "sites.qml")
    lyr = QgsVectorLayer(str(tmp_path / "sites.gpkg"), "sites", "ogr")
    assert isinstance(lyr.renderer(), QgsCategorizedSymbolRenderer) and lyr.renderer().classAttribute() == "cluster"
    assert {int(c.value()) for c in lyr.renderer().categories()} == {sites[a]["cluster"] for a in ids}
    assert lyr.labelsEnabled()
    del lyr

    with open(tmp_path / "m.csv", newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][1:] == names and [r[0] for r in rows[1:]] == names
    for i, a in enumerate(ids):
        for j, b in enumerate(ids):
            assert float(rows[i + 1][j + 1]) == pytest.approx(round(exact[(a, b)], 1))


def test_uniform_surface_straight_line_and_groups(qgis_app, tmp_path):
    rng = np.random.default_rng(4)
    cell = 50.0
    speed = write_speed(tmp_path / "speed.tif", np.full((160, 160), 6.0, np.float32), cell)  # 100 m/min
    rc = [(int(r), int(c)) for r, c in zip(rng.integers(5, 155, 9), rng.integers(5, 155, 9))]
    rc = list(dict.fromkeys(rc))
    pts = [centre(r, c, cell) for r, c in rc]
    res = run({"SPEED": speed, "SITES": sites_layer(pts), "SITE_ID_FIELD": "code", "SITE_NAME_FIELD": "label",
               "BANDS": "25,50", "OUTPUT": str(tmp_path / "p.gpkg"), "OUTPUT_SITES": str(tmp_path / "s.gpkg"),
               "OUTPUT_LINES": str(tmp_path / "l.gpkg")})
    n = len(pts)
    m = np.zeros((n, n))
    for p in read_table(res["OUTPUT"]):
        m[int(p["from_id"][1:]), int(p["to_id"][1:])] = p["minutes"]
    straight = np.array([[math.dist(a, b) / 100.0 for b in pts] for a in pts])
    off = ~np.eye(n, dtype=bool)
    ratio = m[off] / straight[off]
    assert ratio.min() >= 1 - 1e-6 and ratio.max() <= 1.028
    np.testing.assert_allclose(m, m.T, rtol=1e-12)
    # collaboration groups against a BFS over the pair times
    sites = {int(r["site_id"][1:]): r for r in read_table(res["OUTPUT_SITES"])}
    for brk, field in ((25.0, "grp_25"), (50.0, "grp_50")):
        group = bfs_groups(m, brk)
        got = [sites[i][field] for i in range(n)]
        for a in range(n):
            for b in range(n):
                assert (got[a] == got[b]) == (group[a] == group[b])
    lines = read_table(res["OUTPUT_LINES"])
    expected = {1: "up to 25 min", 2: "25–50 min", 3: "over 50 min"}
    assert len(lines) == n * (n - 1) // 2
    for r in lines:
        assert r["band"] == expected_band(m[int(r["from_id"][1:]), int(r["to_id"][1:])], [25.0, 50.0])
        assert r["band_label"] == expected[r["band"]]


def test_keep_directions_and_custom_labels(qgis_app, tmp_path):
    speed, layer, _names = exact_case(tmp_path)
    res = run({"SPEED": speed, "SITES": layer, "SITE_ID_FIELD": "code", "SYMMETRIC": False,
               "BANDS": "20,40", "BAND_LABELS": "near; middling ;far", "OUTPUT": str(tmp_path / "p.gpkg"),
               "OUTPUT_LINES": str(tmp_path / "l.gpkg")})
    pairs = read_table(res["OUTPUT"])
    assert len(pairs) == 20
    d = {(p["from_id"], p["to_id"]): p for p in pairs}
    for (a, b), p in d.items():
        assert p["minutes"] == pytest.approx(d[(b, a)]["minutes"], abs=1e-9)
        assert p["band_label"] == ["near", "middling", "far"][expected_band(p["minutes"], [20, 40]) - 1]
        assert p["from_name"] == a  # no name field: the id
    assert d[("A", "B")]["band_label"] == "middling" and d[("C", "D")]["band_label"] == "near"
    lines = read_table(res["OUTPUT_LINES"])
    assert all("min_there" in r and "min_back" in r for r in lines)


def test_sites_named_by_a_name_field_when_none_is_given(qgis_app, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    speed, _layer, names = exact_case(tmp_path)
    layer = QgsVectorLayer("Point?crs=EPSG:27700&field=code:string&field=site_name:string", "s", "memory")
    feats = []
    for i, c in enumerate(ROW_COLS):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*centre(3, c, CELL))))
        f.setAttributes(["ABCDE"[i], names[i]])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    res = run({"SPEED": speed, "SITES": layer, "SITE_ID_FIELD": "code", "OUTPUT": "TEMPORARY_OUTPUT"})
    pairs = list(res["OUTPUT"].getFeatures())
    assert len(pairs) == 20
    for p in pairs:
        assert p["from_name"] == names["ABCDE".index(p["from_id"])]


def test_unreachable_pairs_are_null(qgis_app, tmp_path):
    speed = np.full((20, 40), 30.0, np.float32)
    speed[:, 20] = 0.0  # a wall
    path = write_speed(tmp_path / "wall.tif", speed, 50.0)
    layer = sites_layer([centre(5, 5, 50), centre(10, 10, 50), centre(10, 30, 50)])
    res = run({"SPEED": path, "SITES": layer, "OUTPUT": str(tmp_path / "p.gpkg"),
               "OUTPUT_LINES": str(tmp_path / "l.gpkg"), "OUTPUT_SITES": str(tmp_path / "s.gpkg"),
               "OUTPUT_MATRIX": str(tmp_path / "m.csv")})
    pairs = read_table(res["OUTPUT"])
    fids = sorted({p["from_id"] for p in pairs})  # default ids: feature ids
    assert len(fids) == 3 and all(isinstance(v, int) for v in fids)
    far = fids[2]
    for p in pairs:
        if far in (p["from_id"], p["to_id"]):
            assert p["minutes"] is None and p["band"] is None and p["band_label"] is None
        else:
            assert p["minutes"] > 0 and p["band"] == 1
    sites = {r["site_id"]: r for r in read_table(res["OUTPUT_SITES"])}
    assert sites[far]["nearest_id"] is None and sites[far]["n_unreach"] == 2
    assert sites[fids[0]]["grp_30"] == sites[fids[1]]["grp_30"] != sites[far]["grp_30"]
    with open(tmp_path / "m.csv", newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[1][3] == "" and rows[3][1] == "" and rows[3][3] == "0.0"


def test_zones_rasters(qgis_app, tmp_path):
    from drivetime_equity.core import costdist

    speed = np.full((40, 60), 12.0, np.float32)  # 200 m/min: 50 m cell = 0.25 min
    path = write_speed(tmp_path / "z.tif", speed, 50.0)
    rc = [(10, 10), (20, 30), (30, 50)]
    layer = sites_layer([centre(r, c, 50) for r, c in rc])
    res = run({"SPEED": path, "SITES": layer, "BANDS": "3,6", "OUTPUT": "TEMPORARY_OUTPUT",
               "OUTPUT_ZONES": str(tmp_path / "counts.tif")})
    f = costdist.speed_to_friction(speed)
    full = np.stack([reference.cost_distance(f, 50.0, np.array([p])).cost for p in rc])
    with rasterio.open(res["OUTPUT_ZONES"]) as ds:
        assert ds.count == 2
        for k, b in enumerate((3.0, 6.0)):
            assert np.array_equal(ds.read(k + 1), (full <= np.float32(b)).sum(axis=0))
    assert os.path.exists(tmp_path / "counts.qml")
    res = run({"SPEED": path, "SITES": layer, "ZONES_MODE": 1, "OUTPUT": "TEMPORARY_OUTPUT",
               "OUTPUT_ZONES": str(tmp_path / "gap.tif")})
    srt = np.sort(full, axis=0)
    with rasterio.open(res["OUTPUT_ZONES"]) as ds:
        np.testing.assert_allclose(ds.read(1), srt[1] - srt[0], atol=1e-4)


# -- bad input --------------------------------------------------------------------------------------------
def test_bad_input_messages(qgis_app, tmp_path):
    from qgis.core import QgsProcessingException

    cell = 50.0
    speed = np.full((30, 30), 30.0, np.float32)
    speed[0:12, 0:12] = 0.0  # impassable block
    path = write_speed(tmp_path / "s.tif", speed, cell)
    base = {"SPEED": path, "SITE_ID_FIELD": "code", "SITE_NAME_FIELD": "label", "OUTPUT": "TEMPORARY_OUTPUT"}

    with pytest.raises(QgsProcessingException, match="at least two sites"):
        run(dict(base, SITES=sites_layer([centre(20, 20, cell)])))
    with pytest.raises(QgsProcessingException, match="'X'.*used by 2 sites.*Site 0, Site 1"):
        run(dict(base, SITES=sites_layer([centre(20, 20, cell), centre(25, 25, cell)], ids=["X", "X"])))
    with pytest.raises(QgsProcessingException, match="outside the speed raster.*Far away"):
        run(dict(base, SITES=sites_layer([centre(20, 20, cell), (X0 + 99999, Y0 - 500)],
                                         names=["Near", "Far away"])))
    with pytest.raises(QgsProcessingException, match="Deep inside.*impassable"):
        run(dict(base, SNAP_DISTANCE=100, SITES=sites_layer([centre(20, 20, cell), centre(3, 3, cell)],
                                                           names=["Ok", "Deep inside"])))
    with pytest.raises(QgsProcessingException, match="BAND_LABELS: give 4 labels"):
        run(dict(base, BAND_LABELS="a;b;c", SITES=sites_layer([centre(20, 20, cell), centre(25, 25, cell)])))
    with pytest.raises(QgsProcessingException, match="SITE_ID_FIELD.*no field 'nope'"):
        run(dict(base, SITE_ID_FIELD="nope", SITES=sites_layer([centre(20, 20, cell), centre(25, 25, cell)])))


def test_snapped_site_reports_distance(qgis_app, tmp_path):
    from qgis.core import QgsProcessingFeedback

    cell = 50.0
    speed = np.full((30, 30), 30.0, np.float32)
    speed[0:12, 0:12] = 0.0
    path = write_speed(tmp_path / "s.tif", speed, cell)

    class Fb(QgsProcessingFeedback):
        warnings = []

        def pushWarning(self, text):  # noqa: N802
            self.warnings.append(text)

    fb = Fb()
    res = run({"SPEED": path, "SITES": sites_layer([centre(20, 20, cell), centre(10, 11, cell)]),
               "SITE_NAME_FIELD": "label", "SNAP_DISTANCE": 200, "OUTPUT": "TEMPORARY_OUTPUT",
               "OUTPUT_SITES": str(tmp_path / "s.gpkg")}, feedback=fb)
    sites = {r["site_name"]: r for r in read_table(res["OUTPUT_SITES"])}
    assert sites["Site 0"]["snap_m"] == 0
    assert sites["Site 1"]["snap_m"] == pytest.approx(50.0)  # (10, 11) -> (10, 12): one cell east
    assert any("Site 1" in w for w in fb.warnings)
