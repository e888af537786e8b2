"""drivetime:speedsurface and drivetime:drivetime through processing.run in a headless QGIS."""
import math
import os

import numpy as np
import pytest
import rasterio
from _layers import point_layer, write_raster as write_speed  # shared test helpers

ORIGIN = (440000.0, 210000.0)  # top-left, EPSG:27700


def read(path):
    with rasterio.open(path) as ds:
        return ds.read(1), ds.nodata, ds.transform, ds.crs


def run(alg, params, **kw):
    import processing

    return processing.run(f"drivetime:{alg}", params, **kw)


# -- speed surface ---------------------------------------------------------------------------------------
def test_speedsurface_on_osm_clip(qgis_app, data_dir, tmp_path):
    from drivetime_equity.core.speeds import DEFAULT_OFFROAD_SPEED, DEFAULT_SPEEDS

    roads = os.path.join(data_dir, "oxfordshire_demo.gpkg") + "|layername=roads_oxford_centre_osm"
    out = str(tmp_path / "speed.tif")
    res = run("speedsurface", {"ROADS": roads, "CELL_SIZE": 10, "OUTPUT": out})
    arr, _nodata, transform, crs = read(res["OUTPUT"])
    assert arr.dtype == np.float32 and crs.to_epsg() == 27700 and transform.a == 10
    values = set(np.unique(arr).tolist())
    assert DEFAULT_OFFROAD_SPEED in values
    road_values = values - {DEFAULT_OFFROAD_SPEED}
    assert road_values and road_values <= set(DEFAULT_SPEEDS.values())
    assert 0.05 < (arr != DEFAULT_OFFROAD_SPEED).mean() < 0.9
    assert os.path.exists(str(tmp_path / "speed.qml"))


def test_speedsurface_custom_speeds_barrier_and_extent(qgis_app, data_dir, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    roads = os.path.join(data_dir, "oxfordshire_demo.gpkg") + "|layername=roads_oxford_centre_osm"
    barrier = QgsVectorLayer("Polygon?crs=EPSG:27700", "b", "memory")
    f = QgsFeature()
    f.setGeometry(QgsGeometry.fromWkt(
        "POLYGON((451000 206000, 451300 206000, 451300 206300, 451000 206300, 451000 206000))"))
    barrier.dataProvider().addFeatures([f])
    res = run("speedsurface", {"ROADS": roads, "SPEEDS": ["primary", "77", "secondary", "55"], "OFFROAD_SPEED": 3,
                               "BARRIERS": barrier, "EXTENT": "450500,452000,205500,207000 [EPSG:27700]",
                               "CELL_SIZE": 20, "OUTPUT": str(tmp_path / "s.tif")})
    arr, _, transform, _ = read(res["OUTPUT"])
    assert arr.shape == (75, 75) and transform.c == 450500 and transform.f == 207000
    assert set(np.unique(arr).tolist()) <= {0.0, 3.0, 55.0, 77.0}
    # the barrier square: columns (451000-450500)/20 = 25..40, rows (207000-206300)/20 = 35..50
    assert np.all(arr[36:49, 26:39] == 0)
    assert (arr == 0).sum() <= 17 * 17


@pytest.mark.parametrize("params,fragment", [
    ({"CLASS_FIELD": "no_such_field"}, "CLASS_FIELD"),
    ({"SPEEDS": ["primary", "-20"]}, "SPEEDS"),
    ({"SPEEDS": ["primary", "fast"]}, "SPEEDS"),
    ({"TARGET_CRS": "EPSG:4326"}, "EPSG:27700"),
    ({"EXTENT": "0,10,0,10 [EPSG:27700]"}, "ROADS"),
])
def test_speedsurface_bad_input(qgis_app, data_dir, tmp_path, params, fragment):
    from qgis.core import QgsProcessingException

    roads = os.path.join(data_dir, "oxfordshire_demo.gpkg") + "|layername=roads_oxford_centre_osm"
    out = tmp_path / "bad.tif"
    with pytest.raises(QgsProcessingException, match=fragment):
        run("speedsurface", {"ROADS": roads, "CELL_SIZE": 10, "OUTPUT": str(out), **params})
    assert not out.exists()


def test_speedsurface_empty_roads(qgis_app, tmp_path):
    from qgis.core import QgsProcessingException, QgsVectorLayer

    empty = QgsVectorLayer("LineString?crs=EPSG:27700&field=highway:string", "e", "memory")
    with pytest.raises(QgsProcessingException, match="EXTENT|ROADS"):
        run("speedsurface", {"ROADS": empty, "CELL_SIZE": 10, "OUTPUT": str(tmp_path / "x.tif")})


# -- drive time ------------------------------------------------------------------------------------------
def test_drivetime_uniform_surface_matches_distance_over_speed(qgis_app, tmp_path):
    """Uniform 60 km/h (1 km/min): minutes = activation + Euclidean km, within the 16-neighbour error."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    speed = write_speed(tmp_path / "u.tif", np.full((120, 140), 60.0))
    # the site given in WGS 84: reprojected on the fly
    centre = QgsPointXY(ORIGIN[0] + 70.5 * 50, ORIGIN[1] - 60.5 * 50)
    to_wgs = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:27700"),
                                    QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    site = point_layer([tuple(to_wgs.transform(centre))], crs="EPSG:4326")
    res = run("drivetime", {"SPEED": speed, "SITES": site, "ACTIVATION": 2, "OUTPUT": str(tmp_path / "t.tif")})
    arr, nodata, _, _ = read(res["OUTPUT"])
    rr, cc = np.mgrid[0:120, 0:140]
    exact = 2.0 + np.hypot(rr - 60, cc - 70) * 0.05
    assert arr[60, 70] == pytest.approx(2.0)
    rel = (arr - 2.0)[exact > 2.5] / (exact - 2.0)[exact > 2.5]
    assert rel.min() >= 1 - 1e-5 and rel.max() <= 1.028
    assert nodata == -9999.0 and not (arr == nodata).any()
    assert os.path.exists(tmp_path / "t.qml")


def test_drivetime_nearest_selection_cutoff_zones(qgis_app, tmp_path):
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject, QgsVectorLayer

    speed_arr = np.full((60, 80), 30.0)
    speed_arr[:, 40] = 0  # a wall splitting the grid
    speed_arr[30, 40] = 30.0  # one gap
    speed = write_speed(tmp_path / "s.tif", speed_arr)
    xs = [ORIGIN[0] + 10.5 * 50, ORIGIN[0] + 70.5 * 50, ORIGIN[0] + 20.5 * 50]
    ys = [ORIGIN[1] - 10.5 * 50, ORIGIN[1] - 50.5 * 50, ORIGIN[1] - 55.5 * 50]
    layer = point_layer(list(zip(xs, ys)))
    QgsProject.instance().addMapLayer(layer)
    fids = [f.id() for f in layer.getFeatures()]
    res = run("drivetime", {"SPEED": speed, "SITES": layer, "MAX_TIME": 4, "BANDS": "1,2,3",
                            "OUTPUT": str(tmp_path / "t.tif"), "OUTPUT_NEAREST": str(tmp_path / "n.tif"),
                            "OUTPUT_ZONES": str(tmp_path / "z.gpkg")})
    t, nodata, _, _ = read(res["OUTPUT"])
    n, n_nodata, _, _ = read(res["OUTPUT_NEAREST"])
    valid = t != nodata
    assert t[valid].max() <= 4.0 and (~valid).any()
    assert set(np.unique(n[valid]).tolist()) == set(fids)
    assert np.all(n[~valid] == n_nodata)
    assert n[10, 10] == fids[0] and n[50, 70] == fids[1]
    # zones: the band areas add up to the cells within the last band
    zones = QgsVectorLayer(res["OUTPUT_ZONES"], "z", "ogr")
    feats = {f["band"]: f for f in zones.getFeatures()}
    assert sorted(feats) == [1, 2, 3]
    total = sum(f.geometry().area() for f in feats.values())
    assert total == pytest.approx(((t != nodata) & (t <= 3)).sum() * 2500.0)
    assert feats[2]["lower_min"] == 1 and feats[2]["upper_min"] == 2
    assert zones.renderer().type() == "categorizedSymbol"  # z.qml beside the GeoPackage is picked up
    assert len(zones.renderer().categories()) == 3

    # selected features only: just the first site
    layer.selectByIds([fids[0]])
    res = run("drivetime", {"SPEED": speed, "SITES": QgsProcessingFeatureSourceDefinition(layer.id(), True),
                            "OUTPUT": str(tmp_path / "t1.tif"), "OUTPUT_NEAREST": str(tmp_path / "n1.tif")})
    n1, n1_nodata, _, _ = read(res["OUTPUT_NEAREST"])
    assert set(np.unique(n1[n1 != n1_nodata]).tolist()) == {fids[0]}
    t1, _, _, _ = read(res["OUTPUT"])
    # the far side of the wall is reached through the gap only: longer than straight-line
    assert t1[10, 70] > math.hypot(0, 60) * 50 / 500.0 * 1.05
    QgsProject.instance().removeMapLayer(layer.id())


def test_drivetime_styles_on_load(qgis_app, tmp_path):
    import processing
    from qgis.core import QgsProject, QgsSingleBandPseudoColorRenderer

    speed = write_speed(tmp_path / "s.tif", np.full((30, 30), 40.0))
    site = point_layer([(ORIGIN[0] + 500, ORIGIN[1] - 500)])
    processing.runAndLoadResults("drivetime:drivetime", {"SPEED": speed, "SITES": site, "BANDS": "1,2,4",
                                                         "OUTPUT": str(tmp_path / "loaded.tif")})
    layers = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.source().endswith("loaded.tif")]
    assert len(layers) == 1
    renderer = layers[0].renderer()
    assert isinstance(renderer, QgsSingleBandPseudoColorRenderer)
    items = renderer.shader().rasterShaderFunction().colorRampItemList()
    assert [i.value for i in items[:3]] == [1.0, 2.0, 4.0] and math.isinf(items[3].value)
    assert items[1].label == "1–2 min" and items[3].label == "over 4 min"
    QgsProject.instance().removeAllMapLayers()


@pytest.mark.parametrize("case", ["outside", "empty", "geographic", "impassable"])
def test_drivetime_bad_input(qgis_app, tmp_path, case):
    from qgis.core import QgsProcessingException, QgsVectorLayer

    crs = "EPSG:4326" if case == "geographic" else "EPSG:27700"
    origin = (-1.3, 51.8) if case == "geographic" else ORIGIN
    arr = np.full((20, 20), 30.0)
    if case == "impassable":
        arr[:, :] = 0
        arr[0, 0] = 30.0
    speed = write_speed(tmp_path / "s.tif", arr, cell=0.001 if case == "geographic" else 50.0, crs=crs,
                        origin=origin)
    if case == "outside":
        sites = point_layer([(ORIGIN[0] - 100, ORIGIN[1])])
    elif case == "empty":
        sites = QgsVectorLayer("Point?crs=EPSG:27700", "e", "memory")
    elif case == "geographic":
        sites = point_layer([(-1.295, 51.795)], crs="EPSG:4326")
    else:
        sites = point_layer([(ORIGIN[0] + 500, ORIGIN[1] - 500)])
    fragment = {"outside": "SITES.*outside", "empty": "SITES", "geographic": "SPEED.*EPSG:27700",
                "impassable": "SITES.*impassable"}[case]
    out = tmp_path / "t.tif"
    with pytest.raises(QgsProcessingException, match=fragment):
        run("drivetime", {"SPEED": speed, "SITES": sites, "SNAP_DISTANCE": 100, "OUTPUT": str(out)})
    assert not out.exists()


def test_drivetime_cancel_leaves_no_output(qgis_app, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    speed = write_speed(tmp_path / "s.tif", np.full((50, 50), 30.0))
    site = point_layer([(ORIGIN[0] + 500, ORIGIN[1] - 500)])
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    out = tmp_path / "t.tif"
    with pytest.raises(QgsProcessingException, match="Cancel"):
        run("drivetime", {"SPEED": speed, "SITES": site, "OUTPUT": str(out)}, feedback=feedback)
    assert not out.exists()


def test_inputs_not_modified(qgis_app, tmp_path):
    import hashlib

    speed = write_speed(tmp_path / "s.tif", np.full((20, 20), 30.0))
    before = hashlib.sha256(open(speed, "rb").read()).hexdigest()
    site = point_layer([(ORIGIN[0] + 500, ORIGIN[1] - 500)])
    run("drivetime", {"SPEED": speed, "SITES": site, "OUTPUT": str(tmp_path / "t.tif")})
    assert hashlib.sha256(open(speed, "rb").read()).hexdigest() == before
    assert site.featureCount() == 1 and next(site.getFeatures())["name"] == "site0"
