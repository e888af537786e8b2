"""Roads and barriers onto a :class:`~.grid.GridSpec` (rasterio / GDAL burning).

Roads are burnt with GDAL's *all touched* rule (every cell a line passes through), then any remaining
diagonal-only step (two road cells touching only at a corner) is closed by filling one of the two corner cells
with the slower of the two speeds: burnt roads are 4-connected, so no road breaks into diagonal-only steps,
whatever move set the engine uses. Where several roads share a cell the fastest wins (lines are burnt slowest
first, each replacing what is there). As in every raster model, roads that cross share a cell and so connect
(no grade separation).

Two ways in, burning the same cells: :func:`burn_lines_max` takes Python geometries (shapely / GeoJSON-like);
:func:`burn_layer_max` takes an OGR layer whose features come slowest first with the speed in an attribute, so
GDAL reads and burns them without one Python object per feature (the speed-surface algorithm's path).
"""
import numpy as np


def _affine(spec):
    from affine import Affine

    return Affine(spec.cell_size, 0.0, spec.x_min, 0.0, -spec.cell_size, spec.y_max)


def burn_lines_max(geoms, values, spec, fill=0.0, all_touched=True):
    """Burn line geometries (GeoJSON-like / shapely) with per-line values; the largest value wins per cell.

    Returns a float32 array of ``spec.shape`` holding ``fill`` where no line passes.
    """
    from rasterio.features import rasterize

    values = np.asarray(values, dtype=np.float64)
    out = np.full(spec.shape, fill, dtype=np.float32)
    if len(geoms) == 0:
        return out
    order = np.argsort(values, kind="stable")
    shapes = ((geoms[i], float(values[i])) for i in order if geoms[i] is not None)
    burnt = rasterize(shapes, out_shape=spec.shape, transform=_affine(spec), fill=np.nan,
                      all_touched=all_touched, dtype="float32")
    close_diagonal_gaps(burnt)
    has = np.isfinite(burnt)
    out[has] = burnt[has]
    return out


#: burn in row strips on threads (one per CPU, at most this many) from this many cells up (each strip burns
#: into a grid of its own: 4 bytes per cell each), and up to :data:`STRIPS_MAX_CELLS`
STRIPS_MIN_CELLS = 1 << 20
STRIPS_MAX_CELLS = 1 << 26
STRIPS_MAX = 4


def strip_rows(spec, n_cpus=None):
    """Row ranges ``[(r0, r1), ...]`` to burn on threads (:func:`burn_layer_max`): one per CPU (at most
    :data:`STRIPS_MAX`) on grids of :data:`STRIPS_MIN_CELLS` to :data:`STRIPS_MAX_CELLS` cells, else one."""
    from ._threads import n_cpus as cpus

    cells = spec.rows * spec.cols
    k = int(min(max(int(cpus() if n_cpus is None else n_cpus), 1), STRIPS_MAX, spec.rows))
    if k < 2 or not (STRIPS_MIN_CELLS <= cells <= STRIPS_MAX_CELLS):
        return [(0, spec.rows)]
    cuts = np.linspace(0, spec.rows, k + 1).round().astype(int)
    return [(int(a), int(b)) for a, b in zip(cuts[:-1], cuts[1:])]


def _burn_one(layer, attribute, spec, all_touched, callback):
    """One GDAL burn of ``layer`` on a NaN float32 grid of ``spec``; None if the callback stopped it."""
    from osgeo import gdal

    ds = gdal.GetDriverByName("MEM").Create("", spec.cols, spec.rows, 1, gdal.GDT_Float32)
    ds.SetGeoTransform(spec.transform)
    band = ds.GetRasterBand(1)
    band.Fill(float("nan"))
    options = [f"ATTRIBUTE={attribute}"] + (["ALL_TOUCHED=TRUE"] if all_touched else [])
    stopped = []

    def cb(fraction, _msg, _data):
        if callback(fraction):
            stopped.append(True)
            return 0
        return 1

    err = gdal.RasterizeLayer(ds, [1], layer, options=options, callback=cb)
    if stopped:
        return None
    if err != 0:
        raise RuntimeError(f"GDAL could not burn the roads: {gdal.GetLastErrorMsg()}")
    return band.ReadAsArray()


def burn_layer_max(layer, attribute, spec, all_touched=True, progress=None):
    """Burn an OGR line layer into a float32 grid of ``spec.shape`` (NaN where no line passes), each feature
    with the value of its ``attribute``, then close diagonal-only steps (:func:`close_diagonal_gaps`).

    GDAL burns features in the layer's order, each replacing what is there: give them slowest first (e.g. an
    SQL ``ORDER BY``) and the fastest wins, as in :func:`burn_lines_max`. The layer's coordinates must be in the
    grid's CRS (no reprojection is done here). ``progress``: optional ``f(fraction) -> cancel?``; a cancelled
    burn returns None.

    ``layer`` may also be a list of strips ``(layer, r0, r1)`` (:func:`strip_rows`), each layer holding every
    feature that touches rows ``r0 .. r1 - 1`` (each from its own data set: they are read at once): each strip is
    burnt on its own thread (GDAL releases the GIL) on a whole grid, with the same geotransform, so its rows
    are the one-pass burn's, bit for bit; only its own rows are kept. One strip is burnt as a layer."""
    if isinstance(layer, (list, tuple)) and len(layer) == 1:
        layer = layer[0][0]
    if not isinstance(layer, (list, tuple)):
        burnt = _burn_one(layer, attribute, spec, all_touched,
                          lambda f: progress is not None and progress(f))
        if burnt is None:
            return None
        close_diagonal_gaps(burnt)
        return burnt
    from . import Cancelled
    from ._threads import Progress, run_jobs

    strips = list(layer)
    burnt = np.empty(spec.shape, np.float32)

    def work(_s, i, cancel):
        lyr, r0, r1 = strips[i]
        got = _burn_one(lyr, attribute, spec, all_touched, lambda _f: cancel.is_set())
        if got is not None:  # None: stopped because cancel is set, and run_jobs raises
            burnt[r0:r1] = got[r0:r1]

    try:
        run_jobs(len(strips), len(strips), work, Progress(progress, interval=0.05))
    except Cancelled:
        return None
    close_diagonal_gaps(burnt)
    return burnt


def close_diagonal_gaps(values):
    """In place: where two valued (finite) cells touch only diagonally, give one of the two shared
    orthogonal neighbours the smaller of their values, making the valued cells 4-connected.
    Returns the number of cells filled."""
    filled = 0
    for flip in (False, True):
        v = values[:, ::-1] if flip else values  # a view: writes go to ``values``
        has = np.isfinite(v)
        a, b = has[:-1, :-1], has[1:, 1:]
        gap = a & b & ~has[:-1, 1:] & ~has[1:, :-1]
        if gap.any():
            r, c = np.nonzero(gap)
            v[r, c + 1] = np.minimum(v[r, c], v[r + 1, c + 1])
            filled += len(r)
    return filled


def burn_mask(geoms, spec, all_touched=True):
    """Boolean mask of the cells touched by the geometries (polygons or lines)."""
    from rasterio.features import rasterize

    geoms = [g for g in geoms if g is not None]
    if not geoms:
        return np.zeros(spec.shape, dtype=bool)
    m = rasterize(((g, 1) for g in geoms), out_shape=spec.shape, transform=_affine(spec), fill=0,
                  all_touched=all_touched, dtype="uint8")
    return m.astype(bool)


def build_speed_surface(spec, road_geoms, road_speeds, offroad_speed, barrier_geoms=(), offroad_grid=None):
    """Speed surface (km/h, float32): road speeds where roads pass (fastest wins), off-road speed elsewhere
    (``offroad_grid`` where finite, else the scalar ``offroad_speed``), 0 (impassable) under barriers."""
    roads = burn_lines_max(road_geoms, road_speeds, spec, fill=np.nan)
    return speed_surface_from_roads(spec, roads, offroad_speed, barrier_geoms, offroad_grid)


def speed_surface_from_roads(spec, roads, offroad_speed, barrier_geoms=(), offroad_grid=None):
    """:func:`build_speed_surface` from roads already burnt (a grid of road speeds, NaN off the roads, as
    :func:`burn_layer_max` or :func:`burn_lines_max` with ``fill=NaN`` give)."""
    base = np.full(spec.shape, offroad_speed, dtype=np.float32)
    if offroad_grid is not None:
        og = np.asarray(offroad_grid, dtype=np.float32)
        ok = np.isfinite(og) & (og >= 0)
        base[ok] = og[ok]
    has_road = np.isfinite(roads)
    # the faster of road and ground wins, as between roads
    speed = base
    speed[has_road] = np.maximum(roads[has_road], base[has_road])
    if len(barrier_geoms):
        speed[burn_mask(barrier_geoms, spec, all_touched=True)] = 0.0
    return speed
