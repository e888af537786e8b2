"""The demo project (scripts/make_project.py) is self-contained: moved to another folder, every layer still opens."""
import os
import shutil
import subprocess
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

SCRIPT = os.path.join(ROOT, "scripts", "make_project.py")


def _write_drivetime(path):
    """A small drive-time GeoTIFF over Oxfordshire (British National Grid), as the demo's drivetime step writes."""
    from osgeo import gdal, osr

    ds = gdal.GetDriverByName("GTiff").Create(path, 40, 30, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((430000.0, 2000.0, 0.0, 250000.0, 0.0, -2000.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(27700)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.WriteArray(np.add.outer(np.arange(30), np.arange(40)).astype(np.float32))
    band.SetNoDataValue(-9999.0)
    ds = None


def test_demo_project_survives_moving_the_folder(qgis_app, data_dir, tmp_path):
    from qgis.core import QgsLayoutItemMap, QgsProject, QgsRasterLayer, QgsVectorLayer

    built = tmp_path / "built" / "demo_output"
    built.mkdir(parents=True)
    _write_drivetime(str(built / "drivetime.tif"))
    (built / "extra_table.csv").write_text("area,pct\nOxford,99.5\nCherwell,80.1\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OGR_SQLITE_JOURNAL="DELETE")
    run = subprocess.run([sys.executable, "-P", SCRIPT, "--out", str(built), "--data", data_dir], env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert (built / "drivetime_equity_demo.qgz").is_file()
    assert (built / "sample_context.gpkg").is_file()

    moved = tmp_path / "elsewhere" / "deeper" / "renamed_demo"
    moved.parent.mkdir(parents=True)
    shutil.move(str(built), str(moved))
    shutil.rmtree(tmp_path / "built")  # nothing left where it was built

    project = QgsProject()
    assert project.read(str(moved / "drivetime_equity_demo.qgz"))
    layers = project.mapLayers().values()
    names = {lyr.name() for lyr in layers}
    # the two context layers, the raster and the table
    assert {"A&E departments (type 1)", "Local NHS areas (sub-ICB)"} <= names
    assert len(layers) == 4, sorted(names)
    for lyr in layers:
        assert lyr.isValid(), f"{lyr.name()} is not valid after the move: {lyr.source()}"
        source = lyr.source()
        if source.startswith("file://"):
            source = source[len("file://"):]
        path = os.path.realpath(source.split("|")[0].split("?")[0])
        assert path.startswith(os.path.realpath(str(moved)) + os.sep), f"{lyr.name()} refers outside: {source}"
    by_name = {lyr.name(): lyr for lyr in layers}
    sites = by_name["A&E departments (type 1)"]
    assert isinstance(sites, QgsVectorLayer) and sites.featureCount() == 16  # just the demo's type-1 sites
    assert by_name["Local NHS areas (sub-ICB)"].featureCount() == 3
    assert any(isinstance(lyr, QgsRasterLayer) and lyr.width() == 40 for lyr in layers)
    # the consultation layout's map still shows its layers
    layout = project.layoutManager().layoutByName("Consultation map")
    assert layout is not None
    maps = [item for item in layout.items() if isinstance(item, QgsLayoutItemMap)]
    assert maps and all(lyr.isValid() for m in maps for lyr in m.layers())
    assert any(len(m.layers()) >= 3 for m in maps)
    project.clear()
