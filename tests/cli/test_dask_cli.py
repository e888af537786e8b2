"""DRIVETIME_DASK=local:2 through qgis_process: real worker processes started from inside qgis_process give
the same matrix CSV as the in-process threads, and the log says how many tasks ran on how many workers."""
import os

import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin

from test_qgis_process import qp

pytest.importorskip("distributed")


def test_matrix_csv_identical_with_local_cluster(tmp_path, monkeypatch):
    from osgeo import ogr, osr

    rng = np.random.default_rng(3)
    speed = rng.choice([0.0, 20.0, 50.0, 90.0], size=(120, 140), p=[0.05, 0.5, 0.3, 0.15]).astype("float32")
    x0, y0, cell = 440000.0, 210000.0, 50.0
    path = str(tmp_path / "speed.tif")
    with rasterio.open(path, "w", driver="GTiff", height=120, width=140, count=1, dtype="float32",
                       crs="EPSG:27700", transform=from_origin(x0, y0, cell, cell)) as ds:
        ds.write(speed, 1)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(27700)
    sites = str(tmp_path / "sites.gpkg")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(sites)
    lyr = ds.CreateLayer("sites", srs, ogr.wkbPoint)
    lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for i, (r, c) in enumerate([(10, 10), (100, 20), (60, 70), (15, 125), (110, 130), (40, 100)]):
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetField("name", f"S{i}")
        f.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x0 + (c + 0.5) * cell} {y0 - (r + 0.5) * cell})"))
        lyr.CreateFeature(f)
    ds = lyr = f = None

    def run(name):
        out = tmp_path / f"{name}.csv"
        proc = qp("run", "drivetime:matrix", f"--SPEED={path}", f"--SITES={sites}", "--SITE_NAME_FIELD=name",
                  f"--OUTPUT_MATRIX={out}", f"--OUTPUT={tmp_path / (name + '.gpkg')}")
        return out.read_bytes(), proc.stdout + proc.stderr

    monkeypatch.delenv("DRIVETIME_DASK", raising=False)
    plain, _log = run("plain")
    monkeypatch.setenv("DRIVETIME_DASK", "local:2")
    dask, log = run("dask")
    assert plain == dask
    assert "Dask: local cluster, 2 worker processes, 2 workers" in log
    assert "searches: 5 tasks ran on" in log  # six sites: the last search has no site after it
    assert os.path.getsize(tmp_path / "dask.csv") > 0
