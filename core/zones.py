"""Banding and vectorising drive-time rasters."""
import numpy as np


def band_index(minutes, bands):
    """Band number per cell: 1 for minutes <= bands[0], k for bands[k-2] < minutes <= bands[k-1]
    (a time equal to a break falls in the lower band), len(bands)+1 beyond the last, 0 where not finite."""
    m = np.asarray(minutes)
    b = np.asarray(bands, dtype=np.float64)
    idx = np.searchsorted(b, m, side="left") + 1
    idx = np.where(np.isfinite(m), idx, 0)
    return idx.astype(np.int32)


def band_polygons(minutes, bands, spec):
    """One (multi)polygon per band (rings: (previous break, break]), as (band, shapely geometry) pairs.

    Cells beyond the last band or unreachable are left out."""
    from affine import Affine
    from rasterio.features import shapes
    from shapely.geometry import MultiPolygon, shape

    idx = band_index(minutes, bands)
    idx[idx > len(bands)] = 0
    transform = Affine(spec.cell_size, 0, spec.x_min, 0, -spec.cell_size, spec.y_max)
    parts = {}
    for geom, value in shapes(idx, mask=idx > 0, transform=transform, connectivity=4):
        parts.setdefault(int(value), []).append(shape(geom))
    out = []
    for band in sorted(parts):
        polys = parts[band]
        out.append((band, MultiPolygon(polys) if len(polys) > 1 else polys[0]))
    return out
