"""core.rasterize.burn_layer_max (GDAL burns an OGR layer) against burn_lines_max (rasterio, shapely lines)."""
import numpy as np
import pytest
from shapely.geometry import LineString, MultiLineString

from drivetime_equity.core.grid import GridSpec
from drivetime_equity.core.rasterize import burn_layer_max, burn_lines_max

ogr = pytest.importorskip("osgeo.ogr")


def layer_of(geoms, values):
    """An OGR memory layer of the lines, slowest first (as the speed surface's SQL orders them)."""
    ds = ogr.GetDriverByName("Memory").CreateDataSource("lines")
    lyr = ds.CreateLayer("lines", geom_type=ogr.wkbUnknown)
    lyr.CreateField(ogr.FieldDefn("speed", ogr.OFTReal))
    for i in np.argsort(values, kind="stable"):
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetGeometry(ogr.CreateGeometryFromWkb(geoms[i].wkb))
        f.SetField("speed", float(values[i]))
        lyr.CreateFeature(f)
    return ds, lyr


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_same_cells_and_values_as_rasterio_path(seed):
    rng = np.random.default_rng(seed)
    spec = GridSpec.from_extent(1000.0, 2000.0, 1987.3, 2871.9, 13.7)
    geoms, values = [], []
    for _ in range(120):
        pts = rng.uniform([950, 1950], [2050, 2950], size=(rng.integers(2, 6), 2))
        geoms.append(LineString(pts))
        values.append(float(rng.choice([10, 16, 32, 48, 64, 96])))
    geoms.append(MultiLineString([[(1000, 2000), (1500, 2500)], [(1200, 2800), (1900, 2100)]]))
    values.append(40.0)
    ds, lyr = layer_of(geoms, values)
    gdal_grid = burn_layer_max(lyr, "speed", spec)
    ref = burn_lines_max(geoms, values, spec, fill=np.nan)
    assert gdal_grid.shape == spec.shape and gdal_grid.dtype == np.float32
    assert np.array_equal(np.isnan(gdal_grid), np.isnan(ref))
    assert np.array_equal(np.nan_to_num(gdal_grid), np.nan_to_num(ref))
    assert np.isfinite(ref).sum() > 500


def test_fastest_wins_and_cancel():
    spec = GridSpec.from_extent(0, 0, 100, 100, 10)
    a = LineString([(0, 55), (100, 55)])
    b = LineString([(55, 0), (55, 100)])
    ds, lyr = layer_of([b, a], [90.0, 30.0])
    out = burn_layer_max(lyr, "speed", spec)
    assert out[4, 5] == 90.0 and out[4, 0] == 30.0 and out[0, 5] == 90.0 and np.isnan(out[0, 0])
    assert burn_layer_max(lyr, "speed", spec, progress=lambda f: True) is None
