"""Road inputs users bring: an OpenStreetMap .osm file (lines layer, WGS 84) and OS Open Roads classes."""
import numpy as np
import pytest
import rasterio


OSM_XML = """<?xml version='1.0' encoding='UTF-8'?>
<osm version="0.6" generator="test">
  <node id="1" lat="51.7500" lon="-1.2600" version="1"/>
  <node id="2" lat="51.7500" lon="-1.2400" version="1"/>
  <node id="3" lat="51.7600" lon="-1.2500" version="1"/>
  <node id="4" lat="51.7400" lon="-1.2500" version="1"/>
  <way id="10" version="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="primary"/></way>
  <way id="11" version="1"><nd ref="3"/><nd ref="4"/><tag k="highway" v="residential"/></way>
  <way id="12" version="1"><nd ref="1"/><nd ref="3"/><tag k="waterway" v="stream"/></way>
</osm>
"""


def test_osm_file_lines_layer(qgis_app, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    from drivetime_equity.core.speeds import DEFAULT_OFFROAD_SPEED, DEFAULT_SPEEDS

    osm = tmp_path / "roads.osm"
    osm.write_text(OSM_XML)
    roads = f"{osm}|layername=lines"
    # the .osm layer is in WGS 84: without a target CRS the output would be in degrees -> clear error
    with pytest.raises(QgsProcessingException, match="TARGET_CRS|EPSG:27700"):
        processing.run("drivetime:speedsurface", {"ROADS": roads, "CELL_SIZE": 25, "OUTPUT": str(tmp_path / "a.tif")})
    res = processing.run("drivetime:speedsurface", {"ROADS": roads, "CELL_SIZE": 25, "TARGET_CRS": "EPSG:27700",
                                                    "OUTPUT": str(tmp_path / "b.tif")})
    with rasterio.open(res["OUTPUT"]) as ds:
        arr = ds.read(1)
        assert ds.crs.to_epsg() == 27700
    values = set(np.unique(arr).tolist())
    assert values == {DEFAULT_OFFROAD_SPEED, DEFAULT_SPEEDS["primary"], DEFAULT_SPEEDS["residential"]}
    # the crossing cell takes the faster road; the east-west primary road spans the whole width
    assert (arr == DEFAULT_SPEEDS["primary"]).any(axis=1).sum() >= 1
    assert (arr == DEFAULT_SPEEDS["primary"]).any(axis=0).all()


def test_os_open_roads_classes(qgis_app, tmp_path):
    import processing
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    from drivetime_equity.core.speeds import DEFAULT_SPEEDS

    layer = QgsVectorLayer("LineString?crs=EPSG:27700&field=class:string", "openroads", "memory")
    feats = []
    for wkt, cls in [("LINESTRING(0 500, 2000 500)", "A Road"), ("LINESTRING(1000 0, 1000 1000)", "B Road"),
                     ("LINESTRING(0 900, 2000 900)", "Not Classified")]:
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        f.setAttributes([cls])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    res = processing.run("drivetime:speedsurface", {"ROADS": layer, "CLASS_FIELD": "class", "CELL_SIZE": 50,
                                                    "EXTENT": "0,2000,0,1000 [EPSG:27700]",
                                                    "OUTPUT": str(tmp_path / "o.tif")})
    with rasterio.open(res["OUTPUT"]) as ds:
        arr = ds.read(1)
    assert arr[10, 5] == DEFAULT_SPEEDS["a road"]  # y 475-500 ... row 10 holds y 450-500 (line at y=500 edge)
    assert arr[15, 20] == DEFAULT_SPEEDS["b road"]
    assert arr[2, 5] == DEFAULT_SPEEDS["not classified"]
