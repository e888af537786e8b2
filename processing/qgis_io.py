"""Reading QGIS layers into core arrays and writing core results, with clear errors."""
import os
import uuid

import numpy as np
from qgis.core import (QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsGeometry, QgsProcessingException,
                       QgsUnitTypes, QgsWkbTypes)

from .base import tr


def check_metric_crs(crs, param, what=None):
    """A projected CRS in metres, or a clear error naming the parameter and the fix."""
    what = what or param
    if not crs.isValid():
        raise QgsProcessingException(tr(
            "{param}: {what} has no valid coordinate reference system. Set its CRS (Layer Properties > Source) "
            "to a projected CRS in metres such as EPSG:27700 (British National Grid).").format(param=param, what=what))
    if crs.isGeographic():
        raise QgsProcessingException(tr(
            "{param}: {what} is in a geographic CRS ({crs}, degrees) but cell sizes and distances are in metres. "
            "Use a projected CRS in metres, such as EPSG:27700 (British National Grid) in Great Britain: "
            "reproject the layer, or set the target CRS (TARGET_CRS) where the algorithm has one.").format(
                param=param, what=what, crs=crs.authid() or crs.description()))
    if crs.mapUnits() != QgsUnitTypes.DistanceMeters:
        raise QgsProcessingException(tr(
            "{param}: {what} uses {units}, not metres ({crs}). Use a projected CRS in metres such as EPSG:27700.")
            .format(param=param, what=what, units=QgsUnitTypes.toString(crs.mapUnits()), crs=crs.authid()))


def crs_for_gdal(crs):
    """A CRS string rasterio/GDAL understands."""
    if crs.authid().upper().startswith("EPSG:"):
        return crs.authid()
    return crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL)


def raster_path(layer, param):
    """File path of a GDAL raster layer, or a clear error."""
    if layer is None:
        raise QgsProcessingException(tr("{param}: no raster layer given.").format(param=param))
    if layer.providerType() != "gdal":
        raise QgsProcessingException(tr(
            "{param}: '{name}' is not a file-based raster ({provider}); save it as a GeoTIFF first.")
            .format(param=param, name=layer.name(), provider=layer.providerType()))
    return layer.dataProvider().dataSourceUri()


def check_memory(rows, cols, param, fix=None, **estimate):
    """Refuse, before reading or computing, a grid whose run would not fit in the memory the machine has
    available (estimate: :func:`core.memory.estimate_run_bytes` with ``estimate``), naming the parameter, the
    estimate and the fix."""
    from ..core import memory

    short = memory.shortfall(int(rows) * int(cols), **estimate)
    if short is None:
        return
    need, have = short
    raise QgsProcessingException(tr(
        "{param}: a grid of {r} x {c} cells needs about {need} of memory for this run, but only {have} is "
        "available. {fix}").format(
            param=param, r=rows, c=cols, need=memory.format_bytes(need), have=memory.format_bytes(have),
            fix=fix or tr("Use a coarser speed surface (a larger CELL_SIZE in 'Build speed surface': doubling it "
                          "quarters the cells) or a smaller extent, or close other programs.")))


def read_raster(layer, param, band=1, dtype=np.float32, **estimate):
    """Read one band of a raster layer into a core :class:`Grid` (nodata -> NaN for float dtypes).

    The layer's CRS must be projected in metres and its cells square. The raster's size is checked against
    the available memory before it is read (``estimate``: arguments of :func:`core.memory.estimate_run_bytes`;
    default: the raster read and its copy, no engine run)."""
    import rasterio

    from ..core.grid import Grid

    check_metric_crs(layer.crs(), param, tr("the raster '{name}'").format(name=layer.name()))
    path = raster_path(layer, param)
    with rasterio.open(path) as ds:
        estimate.setdefault("engine", False)
        estimate.setdefault("rasters", 2)
        check_memory(ds.height, ds.width, param, **estimate)
        arr = ds.read(band).astype(dtype, copy=False)
        nodata = ds.nodatavals[band - 1]
        transform = ds.transform.to_gdal()
    if np.issubdtype(np.dtype(dtype), np.floating):
        arr = np.array(arr, dtype=dtype)
        if nodata is not None and not np.isnan(nodata):
            arr[arr == np.asarray(nodata, dtype=dtype)] = np.nan
        nodata = np.nan
    try:
        grid = Grid.from_transform(arr, transform, layer.crs().toWkt(), nodata)
    except ValueError as e:
        raise QgsProcessingException(tr("{param}: {err}. Resample the raster to square, north-up cells (Warp).")
                                     .format(param=param, err=e)) from None
    return grid


def check_speed_values(array, param):
    """Refuse speed values that cannot be km/h: negative, infinite or above ``MAX_SPEED_KMH`` (NaN = nodata)."""
    from ..core.speeds import MAX_SPEED_KMH

    if np.nanmin(array, initial=np.inf) < 0:
        raise QgsProcessingException(tr(
            "{param}: the raster has negative speeds; it must hold km/h (0 or nodata = impassable).")
            .format(param=param))
    top = float(np.nanmax(array, initial=0.0))
    if not top <= MAX_SPEED_KMH:
        raise QgsProcessingException(tr(
            "{param}: the raster holds speeds up to {top:g} km/h; speeds must be finite km/h from 0 to {m:g} "
            "(0 or nodata = impassable). Is it in another unit, or another kind of raster? Build it with 'Build "
            "speed surface', or fix the values (e.g. with the Raster calculator).").format(
                param=param, top=top, m=MAX_SPEED_KMH))


def read_speed_surface(layer, param="SPEED", second=False, rasters=3):
    """A speed surface (km/h) as a core Grid, checked: finite speeds from 0 to ``MAX_SPEED_KMH`` (NaN/nodata =
    impassable), at least one positive cell. The one place that reads a speed-surface raster.

    Refused before reading when the engine run on it would not fit in memory (``second``: the run also finds
    the second-nearest site; ``rasters``: whole-grid rasters the algorithm holds beside the engine)."""
    grid = read_raster(layer, param, engine=True, second=second, rasters=rasters)
    check_speed_values(grid.array, param)
    if not np.any(grid.array > 0):
        raise QgsProcessingException(tr(
            "{param}: no cell has a positive speed; build it with 'Build speed surface' (km/h).").format(param=param))
    return grid


FIXED_TAG = "DRIVETIME_FIXED_MINUTES"
CALIBRATION_TAG = "DRIVETIME_CALIBRATION"


def read_fixed_minutes(layer, param="SPEED", feedback=None, activation=None):
    """The fixed time per journey (minutes) a calibrated speed surface carries in its GeoTIFF metadata
    (``DRIVETIME_FIXED_MINUTES``, written by drivetime:calibrate); 0 for an uncalibrated surface.

    With ``feedback``, logs how drive times are made up (activation + fixed time + driving)."""
    import rasterio

    path = raster_path(layer, param)
    with rasterio.open(path) as ds:
        text = ds.tags().get(FIXED_TAG)
    if text in (None, ""):
        return 0.0
    try:
        fixed = float(text)
    except ValueError:
        fixed = float("nan")
    if not (np.isfinite(fixed) and 0 <= fixed <= 120):
        raise QgsProcessingException(tr(
            "{param}: the raster's {tag} metadata ({value}) is not a fixed time in minutes between 0 and 120. "
            "Calibrate the surface again (drivetime:calibrate) or remove the item (gdal_edit.py -unsetmd).")
            .format(param=param, tag=FIXED_TAG, value=text))
    if feedback is not None and fixed > 0:
        if activation is None:
            feedback.pushInfo(tr("Calibrated speed surface: every journey gets its fixed time of {f:.2f} min "
                                 "(drive time = fixed time + driving).").format(f=fixed))
        else:
            feedback.pushInfo(tr("Calibrated speed surface: drive time = activation ({a:g} min) + fixed time "
                                 "({f:.2f} min) + driving.").format(a=activation, f=fixed))
    return fixed


def write_raster(path, array, spec, crs, nodata=None, dtype=None, tags=None, descriptions=None):
    """Write a GeoTIFF atomically (a temporary file renamed into place), compressed and tiled: one band for a
    2-D ``array``, one band per plane (band-interleaved) for a 3-D one. ``tags``: optional GDAL metadata items
    (dataset level), e.g. a calibrated fixed time; ``descriptions``: optional one text per band."""
    import rasterio
    from affine import Affine

    path = str(path)
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    dtype = dtype or array.dtype
    tmp = os.path.join(folder, f".{os.path.basename(path)}.{uuid.uuid4().hex[:8]}.part.tif")
    bands = array if array.ndim == 3 else array[None]
    k, rows, cols = bands.shape
    profile = dict(driver="GTiff", height=rows, width=cols, count=k, dtype=np.dtype(dtype).name,
                   crs=crs_for_gdal(crs),
                   transform=Affine(spec.cell_size, 0, spec.x_min, 0, -spec.cell_size, spec.y_max),
                   compress="deflate", BIGTIFF="IF_SAFER")
    if k > 1:
        profile["interleave"] = "band"
    # the fastest deflate level: a 2560 x 2460 speed surface in 0.05 s instead of 0.26 s, the file about 35 % larger
    profile["zlevel"] = 1
    if rows >= 256 and cols >= 256:
        profile.update(tiled=True, blockxsize=256, blockysize=256)
    if nodata is not None:
        profile["nodata"] = nodata
    try:
        with rasterio.open(tmp, "w", **profile) as ds:
            for i in range(k):
                ds.write(np.asarray(bands[i], dtype=dtype), i + 1)
                if descriptions is not None:
                    ds.set_band_description(i + 1, descriptions[i])
            if tags:
                ds.update_tags(**{k: str(v) for k, v in tags.items()})
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return path


def _clean_geometry(geom):
    """Straight-segment 2-D copy of a QgsGeometry, as a shapely geometry (None if empty)."""
    from shapely import wkb

    if geom is None or geom.isNull() or geom.isEmpty():
        return None
    g = QgsGeometry(geom)
    if QgsWkbTypes.isCurvedType(g.wkbType()):
        g = QgsGeometry(g.constGet().segmentize())
    if QgsWkbTypes.hasZ(g.wkbType()) or QgsWkbTypes.hasM(g.wkbType()):
        abstract = g.get()
        abstract.dropZValue()
        abstract.dropMValue()
    return wkb.loads(bytes(g.asWkb()))


def feature_request(source, crs, context, fields=(), rect=None):
    """A request for ``source``'s features in ``crs`` (None: the source's own) with only ``fields`` (inside
    ``rect`` when given)."""
    req = QgsFeatureRequest()
    if crs is not None:
        req.setDestinationCrs(crs, context.transformContext())
    if fields:
        req.setSubsetOfAttributes(list(fields), source.fields())
    else:
        req.setSubsetOfAttributes([])
    if rect is not None:
        req.setFilterRect(rect)
    return req


def read_geometries(source, crs, context, fields=(), feedback=None, rect=None, progress=None):
    """Shapely geometries of a feature source in ``crs`` plus their attribute values.

    Returns (geoms, attrs) with attrs a dict field -> list. Inputs are only read, never modified."""
    req = feature_request(source, crs, context, fields, rect)
    geoms = []
    attrs = {f: [] for f in fields}
    total = max(1, source.featureCount())
    for i, feat in enumerate(source.getFeatures(req)):
        if feedback is not None and feedback.isCanceled():
            break
        g = _clean_geometry(feat.geometry())
        if g is None:
            continue
        geoms.append(g)
        for f in fields:
            attrs[f].append(feat[f])
        if progress is not None and i % 2000 == 0:
            progress(i / total)
    return geoms, attrs


def read_points(source, crs, context, param, fields=(), feedback=None):
    """Point features of a source in ``crs``: dict with fids, x, y and attribute lists.

    The checked reader of ``inputs.py`` (point layers only, one point per multi-point feature, features without
    a geometry left out with a warning); raises if no point remains."""
    from .inputs import read_points_checked

    if source is None:
        raise QgsProcessingException(tr("{param}: no layer given.").format(param=param))
    return read_points_checked(source, param, crs, context, fields, feedback)


def points_to_cells(points, spec, param, friction=None, snap_metres=0.0, feedback=None, labels=None):
    """Rows/cols of points on a grid; error naming the points outside it.

    With ``friction`` given, points on impassable cells move to the nearest passable cell within
    ``snap_metres`` (reported as a warning), else an error names them."""
    from ..core.costdist import snap_to_passable

    rows, cols = spec.rowcol(points["x"], points["y"])
    inside = spec.inside(rows, cols)
    names = labels if labels is not None else [str(f) for f in points["fid"]]
    if not inside.all():
        bad = [names[i] for i in np.flatnonzero(~inside)[:10]]
        raise QgsProcessingException(tr(
            "{param}: {n} feature(s) lie outside the speed raster (e.g. {ids}). Build the speed surface over an "
            "extent that covers every site (with a margin), or select only the sites inside it.")
            .format(param=param, n=int((~inside).sum()), ids=", ".join(bad)))
    if friction is not None:
        r2, c2, moved = snap_to_passable(friction, rows, cols, snap_metres / spec.cell_size)
        lost = np.isnan(moved)
        if lost.any():
            bad = [names[i] for i in np.flatnonzero(lost)[:10]]
            raise QgsProcessingException(tr(
                "{param}: site(s) {ids} lie on impassable cells (barrier or zero speed) with no passable cell within "
                "{d} m. Move the site(s) onto the road network or raise the snapping distance.")
                .format(param=param, ids=", ".join(bad), d=f"{snap_metres:g}"))
        if feedback is not None:
            for i in np.flatnonzero(moved > 0):
                feedback.pushWarning(tr("Site {id} was on an impassable cell and was moved {d:.0f} m to the nearest "
                                        "passable cell.").format(id=names[i], d=moved[i] * spec.cell_size))
        rows, cols = r2, c2
    return rows, cols
