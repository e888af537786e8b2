"""Smoke tests of the public command line: qgis_process lists, documents and runs the algorithms."""
import json
import os
import subprocess

import numpy as np
import pytest
import rasterio

QP = os.environ.get("QGIS_PROCESS", "/usr/bin/qgis_process.bin")


def qp(*args, check=True):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([QP, *args], capture_output=True, text=True, env=env, timeout=600, cwd="/tmp")
    if check and proc.returncode != 0:
        raise AssertionError(f"qgis_process {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="module", autouse=True)
def enabled():
    if not os.path.exists(QP):
        pytest.skip("qgis_process not installed")
    qp("plugins", "enable", "drivetime_equity", check=False)  # non-zero when already enabled


def test_list_shows_algorithms():
    out = qp("list").stdout
    assert "Drive-Time Equity" in out
    for alg in ("drivetime:speedsurface", "drivetime:drivetime"):
        assert alg in out


def test_help_documents_parameters():
    out = qp("help", "drivetime:drivetime").stdout
    for fragment in ("SPEED", "SITES", "ACTIVATION", "MAX_TIME", "BANDS", "OUTPUT_NEAREST", "OUTPUT_ZONES",
                     "activation", "qgis_process run drivetime:drivetime"):
        assert fragment in out, fragment


def test_run_speedsurface_then_drivetime(tmp_path, data_dir):
    roads = os.path.join(data_dir, "oxfordshire_demo.gpkg") + "|layername=roads_oxford_centre_osm"
    speed = tmp_path / "speed.tif"
    qp("run", "drivetime:speedsurface", f"--ROADS={roads}", "--CELL_SIZE=10", f"--OUTPUT={speed}")
    assert speed.exists() and (tmp_path / "speed.qml").exists()

    # a sites layer written with OGR (a GeoPackage), one site in the middle of the clip
    from osgeo import ogr, osr

    with rasterio.open(speed) as ds:
        b = ds.bounds
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(27700)
    sites = str(tmp_path / "sites.gpkg")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(sites)
    lyr = ds.CreateLayer("sites", srs, ogr.wkbPoint)
    f = ogr.Feature(lyr.GetLayerDefn())
    f.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({(b.left + b.right) / 2} {(b.bottom + b.top) / 2})"))
    lyr.CreateFeature(f)
    ds = lyr = f = None

    out = tmp_path / "minutes.tif"
    proc = qp("run", "drivetime:drivetime", f"--SPEED={speed}", f"--SITES={sites}", "--ACTIVATION=2",
              f"--OUTPUT={out}", f"--OUTPUT_ZONES={tmp_path / 'zones.gpkg'}", "--json")
    result = json.loads(proc.stdout[proc.stdout.index("{"):])
    assert result["results"]["OUTPUT"] == str(out)
    with rasterio.open(out) as ds:
        minutes = ds.read(1)
        valid = minutes != ds.nodata
    assert valid.all()
    assert minutes.min() == pytest.approx(2.0)
    assert 2.0 < np.percentile(minutes, 50) < 10.0  # a 1 km square: a few minutes at most
    assert (tmp_path / "minutes.qml").exists() and (tmp_path / "zones.qml").exists()


def test_bad_input_exits_non_zero_with_message(tmp_path, data_dir):
    roads = os.path.join(data_dir, "oxfordshire_demo.gpkg") + "|layername=roads_oxford_centre_osm"
    proc = qp("run", "drivetime:speedsurface", f"--ROADS={roads}", "--CLASS_FIELD=nope", "--CELL_SIZE=10",
              f"--OUTPUT={tmp_path / 'x.tif'}", check=False)
    assert proc.returncode != 0
    assert "CLASS_FIELD" in proc.stdout + proc.stderr


def test_population_raster_given_as_population_is_pointed_to_population_raster(tmp_path, data_dir):
    """On the command line a raster passed as POPULATION (polygons or points) gets a message naming
    POPULATION_RASTER; passed as POPULATION_RASTER it runs."""
    from rasterio.transform import from_origin

    def tif(path, arr, cell):
        with rasterio.open(path, "w", driver="GTiff", height=arr.shape[0], width=arr.shape[1], count=1,
                           dtype="float32", crs="EPSG:27700", transform=from_origin(440000, 210000, cell, cell)) as ds:
            ds.write(arr.astype("float32"), 1)
        return str(path)

    dt = tif(tmp_path / "dt.tif", np.full((20, 20), 5.0), 100.0)
    pop = tif(tmp_path / "pop.tif", np.full((4, 4), 25.0), 500.0)
    areas = os.path.join(data_dir, "oxfordshire_demo.gpkg") + "|layername=lad11_oxfordshire"
    common = [f"--DRIVETIME={dt}", f"--AREAS={areas}", "--AREA_ID_FIELD=lad11nm", f"--OUTPUT={tmp_path / 'o.gpkg'}",
              f"--OUTPUT_TABLE={tmp_path / 't.gpkg'}"]
    bad = qp("run", "drivetime:coverage", *common, f"--POPULATION={pop}", check=False)
    assert bad.returncode != 0
    assert "POPULATION_RASTER" in bad.stdout + bad.stderr and "is a raster" in bad.stdout + bad.stderr
    good = qp("run", "drivetime:coverage", *common, f"--POPULATION_RASTER={pop}")
    assert "pop_total" in good.stdout or (tmp_path / "o.gpkg").exists()


def test_range_and_geometry_messages(tmp_path, data_dir):
    """qgis_process checks neither a number's range with a helpful message nor the geometry type of a layer:
    the plugin does, naming the parameter, the range and the fix."""
    from rasterio.transform import from_origin

    roads = os.path.join(data_dir, "oxfordshire_demo.gpkg") + "|layername=roads_oxford_centre_osm"
    proc = qp("run", "drivetime:speedsurface", f"--ROADS={roads}", "--CELL_SIZE=0",
              f"--OUTPUT={tmp_path / 'x.tif'}", check=False)
    assert proc.returncode != 0
    text = proc.stdout + proc.stderr
    assert "CELL_SIZE (Cell size (metres)): 0 is not allowed; give a number of at least 0.01" in text
    speed = tmp_path / "s.tif"
    with rasterio.open(speed, "w", driver="GTiff", height=10, width=10, count=1, dtype="float32", crs="EPSG:27700",
                       transform=from_origin(450000, 207000, 50, 50)) as ds:
        ds.write(np.full((1, 10, 10), 30.0, np.float32))
    proc = qp("run", "drivetime:drivetime", f"--SPEED={speed}", f"--SITES={roads}", f"--OUTPUT={tmp_path / 'o.tif'}",
              check=False)
    assert proc.returncode != 0
    assert "SITES: the layer is a line layer; sites must be points" in proc.stdout + proc.stderr
    assert not (tmp_path / "o.tif").exists()


def _geojson(path, features):
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:27700"}},
                   "features": [{"type": "Feature", "properties": p, "geometry": g} for p, g in features]}, fh)
    return str(path)


def test_run_response(tmp_path):
    """drivetime:response from the command line: areas with mean / p90 / % within and the number outputs."""
    x0, y0, cell, n = 440000.0, 210000.0, 50.0, 80
    speed = tmp_path / "speed.tif"
    with rasterio.open(speed, "w", driver="GTiff", height=n, width=n, count=1, dtype="float32", crs="EPSG:27700",
                       transform=rasterio.transform.from_origin(x0, y0, cell, cell)) as ds:
        ds.write(np.full((n, n), 30.0, np.float32), 1)

    def pt(r, c):
        return {"type": "Point", "coordinates": [x0 + (c + 0.5) * cell, y0 - (r + 0.5) * cell]}

    stations = _geojson(tmp_path / "stations.geojson", [({"name": "A", "vehicles": 2}, pt(40, 10)),
                                                        ({"name": "B", "vehicles": 2}, pt(40, 70))])
    demand = _geojson(tmp_path / "demand.geojson", [({"calls": v}, pt(40, c)) for c, v in
                                                    ((20, 1.0), (30, 2.0), (50, 3.0), (60, 4.0))])
    x1, y1 = x0 + n * cell, y0 - n * cell
    areas = _geojson(tmp_path / "areas.geojson", [({"code": "all"}, {"type": "Polygon", "coordinates": [
        [[x0, y1], [x1, y1], [x1, y0], [x0, y0], [x0, y1]]]})])
    out = tmp_path / "resp.gpkg"
    proc = qp("run", "drivetime:response", f"--SPEED={speed}", f"--STATIONS={stations}", "--VEHICLES_FIELD=vehicles",
              f"--DEMAND={demand}", "--DEMAND_FIELD=calls", f"--AREAS={areas}", "--AREA_ID_FIELD=code",
              "--ACTIVATION=2", "--JOB_CYCLE=60", "--DEMAND_FACTOR=0.000001", f"--OUTPUT={out}", "--json")
    res = json.loads(proc.stdout)["results"]
    assert res["MEAN_MINUTES"] == pytest.approx(2.0 + 1.5, abs=1e-5)  # (1*1 + 2*2 + 3*2 + 4*1) / 10 minutes driving
    assert out.exists() and (tmp_path / "resp.qml").exists()
    bad = qp("run", "drivetime:response", f"--SPEED={speed}", f"--STATIONS={stations}", f"--DEMAND={demand}",
             "--DEMAND_FIELD=calls", f"--AREAS={areas}", "--JOB_CYCLE=-3", f"--OUTPUT={tmp_path / 'bad.gpkg'}",
             check=False)
    assert bad.returncode != 0 and "JOB_CYCLE" in bad.stdout + bad.stderr
