"""drivetime:speedsurface through GDAL (roads_ogr) against the per-feature path it replaced, cell for cell.

The reference is the algorithm's own per-feature path (one shapely geometry per road, rasterio's burner: the code
the speed surface used before), forced by making ``roads_ogr.open_roads`` decline. Clips of the sample OSM roads,
extents not aligned to the cells, selections, subsets, memory layers and reprojection."""
import os

import numpy as np
import pytest
import rasterio


def run(params, tmp_path, name):
    import processing

    out = str(tmp_path / f"{name}.tif")
    processing.run("drivetime:speedsurface", {**params, "OUTPUT": out})
    with rasterio.open(out) as ds:
        return ds.read(1), ds.transform


def both(params, tmp_path, monkeypatch):
    """(GDAL path, per-feature path) surfaces and the way GDAL read the roads."""
    from drivetime_equity.processing import roads_ogr

    monkeypatch.undo()  # the real open_roads again after an earlier call
    hows = []
    real = roads_ogr.open_roads

    def spy(*a, **k):
        r = real(*a, **k)
        hows.append(None if r is None else r.how)
        return r

    monkeypatch.setattr(roads_ogr, "open_roads", spy)
    fast, t1 = run(params, tmp_path, "fast")
    monkeypatch.setattr(roads_ogr, "open_roads", lambda *a, **k: None)
    slow, t2 = run(params, tmp_path, "slow")
    assert t1 == t2
    return fast, slow, hows[0]


@pytest.fixture
def oxford(data_dir):
    return os.path.join(data_dir, "oxfordshire_demo.gpkg")


def bob_roads(data_dir):
    path = os.path.join(data_dir, "bob_roads.gpkg")
    if not os.path.exists(path):
        pytest.skip("bob_roads.gpkg not in the sample data")
    return f"{path}|layername=osm_roads_2021"


@pytest.mark.parametrize("extent,cell,extra", [
    (None, 20, {}),
    ("446123.4,451987.6,205311.1,210876.9 [EPSG:27700]", 50, {}),  # cuts roads, not cell-aligned
    ("448000,450000,206000,208000 [EPSG:27700]", 7.5, {"PROFILE": 1}),
    ("446000,452000,205000,211000 [EPSG:27700]", 25, {"SPEEDS": ["PRIMARY ", "70", " residential", "25",
                                                                 "service", "0", "tertiary", "25"]}),
])
def test_gdal_path_same_cells_as_per_feature_path(qgis_app, oxford, tmp_path, monkeypatch, extent, cell, extra):
    params = {"ROADS": f"{oxford}|layername=roads_oxford_2012_osm", "CELL_SIZE": cell, **extra}
    if extent:
        params["EXTENT"] = extent
    fast, slow, how = both(params, tmp_path, monkeypatch)
    assert how == "direct"
    assert np.array_equal(fast, slow)
    assert (fast != 10).sum() > 100  # roads were burnt


@pytest.mark.parametrize("extent", [
    "455012.3,467987.2,170033.3,181977.7 [EPSG:27700]",  # the grid overhangs the extent: roads outside left out
    "455000,468000,170000,182000 [EPSG:27700]",  # the grid is the extent: no extent test in the burn
])
def test_gdal_path_bob_clip_edges(qgis_app, data_dir, tmp_path, monkeypatch, extent):
    """A clip of the BOB roads whose edge cuts hundreds of roads (the exact extent test decides)."""
    params = {"ROADS": bob_roads(data_dir), "EXTENT": extent, "CELL_SIZE": 50, "OFFROAD_SPEED": 5}
    fast, slow, how = both(params, tmp_path, monkeypatch)
    assert how == "direct" and np.array_equal(fast, slow)
    assert (fast > 5).sum() > 5000


def test_gdal_path_layer_subset_selection_and_memory(qgis_app, oxford, tmp_path, monkeypatch):
    from qgis.core import QgsFeatureRequest, QgsProcessingFeatureSourceDefinition, QgsProject, QgsVectorLayer

    layer = QgsVectorLayer(f"{oxford}|layername=roads_oxford_2012_osm", "roads", "ogr")
    layer.setSubsetString("\"highway\" NOT IN ('residential', 'service')")
    params = {"ROADS": layer, "CELL_SIZE": 20}
    fast, slow, how = both(params, tmp_path, monkeypatch)
    assert how == "direct" and np.array_equal(fast, slow)
    whole, _ = run({"ROADS": f"{oxford}|layername=roads_oxford_2012_osm", "CELL_SIZE": 20}, tmp_path, "whole")
    # residential and service roads left out by the subset: far fewer 32 / 16 km/h cells (living streets etc. stay)
    assert fast.shape == whole.shape and (np.isin(fast, [32.0, 16.0]).sum() < np.isin(whole, [32.0, 16.0]).sum() / 5)

    # a selection: read through QGIS into an in-memory copy
    full = QgsVectorLayer(f"{oxford}|layername=roads_oxford_2012_osm", "roads_sel", "ogr")
    QgsProject.instance().addMapLayer(full)
    try:
        full.selectByExpression("\"highway\" IN ('primary', 'secondary', 'trunk')")
        assert 0 < full.selectedFeatureCount() < full.featureCount()
        params = {"ROADS": QgsProcessingFeatureSourceDefinition(full.id(), True), "CELL_SIZE": 20,
                  "EXTENT": "444442,453181,204547,212282 [EPSG:27700]"}
        fast, slow, how = both(params, tmp_path, monkeypatch)
        assert how == "copy" and np.array_equal(fast, slow)
        assert set(np.unique(fast).tolist()) <= {10.0, 64.0, 56.0, 80.0}
    finally:
        QgsProject.instance().removeMapLayer(full.id())

    # a memory layer (e.g. edited roads), with a NULL and an unknown class
    mem = layer.materialize(QgsFeatureRequest().setLimit(400))
    mem.startEditing()
    ids = [f.id() for f in mem.getFeatures()]
    idx = mem.fields().lookupField("highway")
    mem.changeAttributeValue(ids[0], idx, None)
    mem.changeAttributeValue(ids[1], idx, "bridleway")
    mem.commitChanges()
    fast, slow, how = both({"ROADS": mem, "CELL_SIZE": 10}, tmp_path, monkeypatch)
    assert how == "copy" and np.array_equal(fast, slow)


def test_gdal_path_reprojects_like_qgis(qgis_app, oxford, tmp_path, monkeypatch):
    """Roads in WGS 84 onto a British National Grid surface: QGIS reprojects them (the same transform both ways)."""
    from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeatureRequest, QgsProject,
                           QgsVectorLayer)

    src = QgsVectorLayer(f"{oxford}|layername=roads_oxford_centre_osm", "roads", "ogr")
    wgs = QgsCoordinateReferenceSystem("EPSG:4326")
    req = QgsFeatureRequest().setDestinationCrs(wgs, QgsCoordinateTransform(src.crs(), wgs,
                                                                            QgsProject.instance()).context())
    mem = src.materialize(req)
    assert mem.crs().authid() == "EPSG:4326"
    params = {"ROADS": mem, "TARGET_CRS": "EPSG:27700", "CELL_SIZE": 5,
              "EXTENT": "450500,451800,206400,207700 [EPSG:27700]"}
    fast, slow, how = both(params, tmp_path, monkeypatch)
    assert how == "copy" and np.array_equal(fast, slow)
    assert (fast > 10).sum() > 1000


def test_gdal_path_warns_like_per_feature_path(qgis_app, oxford, tmp_path):
    """The unknown-class warning and the road count come from SQL: the same numbers as counting features."""
    from collections import Counter

    import processing
    from qgis.core import QgsProcessingFeedback, QgsRectangle, QgsVectorLayer

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines = []

        def pushWarning(self, text):  # noqa: N802
            self.lines.append(text)

        def pushInfo(self, text):  # noqa: N802
            self.lines.append(text)

    layer = QgsVectorLayer(f"{oxford}|layername=roads_oxford_2012_osm", "roads", "ogr")
    ext = (446000, 205000, 450000, 209000)
    req_feats = list(layer.getFeatures(QgsRectangle(*ext)))
    classes = Counter(f["highway"] for f in req_feats if f.hasGeometry())
    fb = Feedback()
    processing.run("drivetime:speedsurface", {
        "ROADS": layer, "SPEEDS": ["primary", "60", "residential", "30"], "CELL_SIZE": 50,
        "EXTENT": f"{ext[0]},{ext[2]},{ext[1]},{ext[3]} [EPSG:27700]", "OUTPUT": str(tmp_path / "w.tif")},
        feedback=fb)
    text = "\n".join(fb.lines)
    assert f"{classes['primary'] + classes['residential']} road features with a speed" in text
    assert f"service ({classes['service']})" in text


def test_curved_roads_go_the_per_feature_way(qgis_app, tmp_path, monkeypatch):
    """GDAL would linearise arcs differently from QGIS: curved layers keep the per-feature path."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer("CompoundCurve?crs=EPSG:27700&field=highway:string", "curved", "memory")
    f = QgsFeature(layer.fields())
    f.setGeometry(QgsGeometry.fromWkt("COMPOUNDCURVE(CIRCULARSTRING(450000 206000, 450500 206500, 451000 206000))"))
    f.setAttributes(["primary"])
    layer.dataProvider().addFeatures([f])
    fast, slow, how = both({"ROADS": layer, "CELL_SIZE": 10}, tmp_path, monkeypatch)
    assert how is None and np.array_equal(fast, slow)
    assert (fast == 64).sum() > 100  # the arc, about 1.6 km


def test_gdal_path_without_spatial_index(qgis_app, oxford, tmp_path, monkeypatch):
    """A GeoPackage without an R-tree: the extent test in SQL on the geometries' envelopes instead."""
    from osgeo import gdal

    copy = str(tmp_path / "noindex.gpkg")
    gdal.VectorTranslate(copy, oxford, layers=["roads_oxford_2012_osm"], layerCreationOptions=["SPATIAL_INDEX=NO"])
    params = {"ROADS": f"{copy}|layername=roads_oxford_2012_osm", "CELL_SIZE": 30,
              "EXTENT": "446123.4,451987.6,205311.1,210876.9 [EPSG:27700]"}
    fast, slow, how = both(params, tmp_path, monkeypatch)
    assert how == "direct" and np.array_equal(fast, slow)
    assert (fast > 10).sum() > 1000


@pytest.mark.parametrize("case", ["unaligned", "bob_edge", "memory"])
def test_gdal_path_in_row_strips_same_cells(qgis_app, data_dir, oxford, tmp_path, monkeypatch, case):
    """Large grids burn in row strips on threads (each strip's roads from their own connection, burnt on a whole
    grid): the same cells as one burn; forced here on clips with three strips whose cuts cross many roads."""
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    from drivetime_equity.core import _threads, rasterize

    if case == "unaligned":
        params = {"ROADS": f"{oxford}|layername=roads_oxford_2012_osm", "CELL_SIZE": 20,
                  "EXTENT": "446123.4,451987.6,205311.1,210876.9 [EPSG:27700]"}
    elif case == "bob_edge":
        params = {"ROADS": bob_roads(data_dir), "EXTENT": "455012.3,467987.2,170033.3,181977.7 [EPSG:27700]",
                  "CELL_SIZE": 50, "OFFROAD_SPEED": 5}
    else:  # copied into /vsimem/: each strip opens the copy again
        layer = QgsVectorLayer(f"{oxford}|layername=roads_oxford_2012_osm", "roads", "ogr")
        params = {"ROADS": layer.materialize(QgsFeatureRequest().setLimit(3000)), "CELL_SIZE": 10}
    one, _ = run(params, tmp_path, "one")
    monkeypatch.setattr(rasterize, "STRIPS_MIN_CELLS", 0)
    monkeypatch.setattr(_threads, "n_cpus", lambda: 3)
    seen = []
    real = rasterize.burn_layer_max

    def spy(layer, *a, **k):
        seen.append(layer)
        return real(layer, *a, **k)

    monkeypatch.setattr(rasterize, "burn_layer_max", spy)
    many, _ = run(params, tmp_path, "many")
    assert isinstance(seen[0], list) and len(seen[0]) == 3
    assert [r for _l, r, _e in seen[0]][0] == 0 and seen[0][-1][2] == one.shape[0]
    assert np.array_equal(one, many)
    assert (one != one.flat[0]).sum() > 500  # roads were burnt
