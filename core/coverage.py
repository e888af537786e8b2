"""Coverage and equity of a drive-time raster by area, urbanity class and group (issue #4).

No ``qgis`` import: geometries are shapely, rasters :class:`~.grid.Grid` / numpy arrays, everything already in
the drive-time raster's CRS (the QGIS glue reprojects). The work is in two independent halves, so a scenario
comparison (issue #6) spreads the population **once** and aggregates it against several drive-time rasters on
the same grid::

    from drivetime_equity.core import coverage as cv

    cells = cv.spread_polygons(spec, lsoa_polys, lsoa_pop, area_polys,
                               classes=cv.classify_labels(ruc11cd), groups=imd_decile)
    base = cv.aggregate(cells, minutes_baseline, thresholds=[8, 19, 30], target=8)
    scen = cv.aggregate(cells, minutes_scenario, thresholds=[8, 19, 30], target=8)
    base.level("area")["pct_le"][:, base.target_index]      # % within target per area
    scen.level("area")["pop_le"] - base.level("area")["pop_le"]   # people brought within each threshold

1. Spreading population onto the grid -> :class:`PopulationCells`, one record per (source piece, cell) with
   ``cell`` (flat index ``row * cols + col``), ``pop``, ``area`` (index into the area list), ``cls`` (urbanity
   class index, :data:`CLASS_LABELS`) and ``group`` (index into ``group_labels``, -1 = no group).

   * :func:`spread_polygons` (e.g. LSOAs): each population polygon is first cut by the area polygons (exact
     shapely overlay, so an LSOA straddling two districts is split by area), then every piece is spread over
     the cells it covers **in proportion to the exact area of piece ∩ cell** (:func:`cell_areas`: a Numba
     scanline integration, exact up to floating point, holes and multi-parts included; no supersampling).
     Optional ``weights`` (a raster on the grid) make it dasymetric: share ∝ covered area × weight, falling
     back to plain area where a piece covers only zero weight. Population of the part of a piece outside the
     raster is reported in ``outside_raster`` (per area), of the part outside every area in ``outside_areas``;
     the rest is kept to the last person (``pop`` of a piece sums to its population share).
   * :func:`spread_points`: each point's population goes to the cell holding it and to the area containing
     it (to each of overlapping areas that hold it inside; a point on a boundary to the first area whose
     closure holds it).
   * :func:`spread_raster`: a population raster on any grid (any CRS via ``transform_xy``) is resampled by
     summing: block sums when the grids nest (:func:`aligned_sum`), else each population cell's footprint is
     spread exactly like a polygon above (:func:`quad_cell_areas`); each grid cell's population is then split
     among the areas by the exact share of the cell each area covers (uniform within a grid cell).
   * Invalid area / population geometries are repaired (``make_valid``; :func:`repair_polygons` says which);
     areas that overlap count the people of the overlap in each (:func:`area_overlaps` lists them, the QGIS
     glue warns); ``outside_areas`` is what lies outside the union of the areas, counted once.

   Urbanity: :func:`classify_labels` maps ONS RUC2011 codes (A1, B1, C1, C2 urban; D1, D2 "town and fringe"
   semi-urban; E1, E2, F1, F2 "village / hamlets and dispersed" rural), their text labels and plain words
   (urban / semi-urban / suburban / town / fringe / rural / village...); :func:`classify_density` classifies by
   persons per km² with editable breaks (:data:`DEFAULT_DENSITY_BREAKS`, the EU Degree of Urbanisation grid
   thresholds 300 and 1,500 /km²). Polygons use their own density; points and raster cells the density of the
   surrounding ~1 km² of the grid (:func:`local_density`).

2. :func:`aggregate` (Numba, one sort of the records by time then one O(n) pass per level): per (area, class,
   group) and their roll-ups, population; population within each threshold (a time **equal** to T counts as
   within T); population beyond the target (everyone not within it, the unreachable included); unreachable
   population (NaN / nodata cells: never within any threshold); population-weighted mean, median and 90th
   percentile (inverted CDF: the smallest time t such that the people at <= t reach q of the reachable
   population; over reachable people only) and maximum. Rows with no people get NaN.

3. Plain functions: :func:`percent`, :func:`rank_desc` (1 = highest % within target, ties share a rank),
   :func:`summary_sentences` / :func:`summary_html` (numbers with thousands separators, one decimal).
"""
from dataclasses import dataclass, field
import math
import re

import numpy as np

from . import Cancelled


def QT_TRANSLATE_NOOP(context, text):
    """Marks a string for translation (``scripts/i18n_update.py`` extracts it) without importing Qt here;
    the QGIS glue translates the label when it shows it."""
    return text


URBAN, SEMI_URBAN, RURAL, UNCLASSIFIED = 0, 1, 2, 3
CLASS_LABELS = (QT_TRANSLATE_NOOP("DriveTimeEquity", "urban"), QT_TRANSLATE_NOOP("DriveTimeEquity", "semi-urban"),
                QT_TRANSLATE_NOOP("DriveTimeEquity", "rural"), QT_TRANSLATE_NOOP("DriveTimeEquity", "unclassified"))
DEFAULT_DENSITY_BREAKS = (300.0, 1500.0)
RUC11_CODES = {
    "A1": URBAN, "B1": URBAN, "C1": URBAN, "C2": URBAN,
    "D1": SEMI_URBAN, "D2": SEMI_URBAN,
    "E1": RURAL, "E2": RURAL, "F1": RURAL, "F2": RURAL,
}
LEVELS = ("area", "area_class", "area_group", "area_class_group",
          "study", "study_class", "study_group", "study_class_group")
_CHUNK_CELLS = 4_000_000


class CoverageError(ValueError):
    """Bad input to the coverage core (the QGIS glue turns it into a QgsProcessingException)."""


# --------------------------------------------------------------------------------------------------------
# urbanity
# --------------------------------------------------------------------------------------------------------
def classify_label(value):
    """Class index of one urban/rural label (RUC2011 code, its text, plain words, or 1/2/3); None if unknown,
    UNCLASSIFIED for NULL / empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return UNCLASSIFIED
    if isinstance(value, (int, np.integer)) or (isinstance(value, float) and float(value).is_integer()):
        return {1: URBAN, 2: SEMI_URBAN, 3: RURAL}.get(int(value))
    text = str(value).strip()
    if not text or text.upper() in ("NULL", "NONE", "NAN"):
        return UNCLASSIFIED
    code = text.upper()
    if code in RUC11_CODES:
        return RUC11_CODES[code]
    if code in ("1", "2", "3"):
        return int(code) - 1
    low = text.lower()
    if any(w in low for w in ("semi", "fringe", "suburb", "peri-urban", "periurban", "intermediate")):
        return SEMI_URBAN
    if any(w in low for w in ("rural", "village", "hamlet", "dispersed", "remote", "countryside")):
        return RURAL
    if any(w in low for w in ("urban", "city", "conurbation", "metropolitan")):
        return URBAN
    if low == "town" or low.startswith("town") or "small town" in low:
        return SEMI_URBAN
    return None


def classify_labels(values):
    """Class indices (int8) of many labels; :class:`CoverageError` listing the values it cannot read."""
    out = np.empty(len(values), dtype=np.int8)
    unknown = []
    for i, v in enumerate(values):
        c = classify_label(v)
        if c is None:
            if v not in unknown:
                unknown.append(v)
            c = UNCLASSIFIED
        out[i] = c
    if unknown:
        raise CoverageError(
            "unrecognised urban/rural value(s): {}. Use ONS RUC2011 codes (A1, B1, C1, C2 urban; D1, D2 "
            "semi-urban; E1, E2 rural), words such as urban / semi-urban / rural, or 1 / 2 / 3".format(
                ", ".join(repr(u) for u in unknown[:8])))
    return out


def check_density_breaks(breaks):
    b = [float(x) for x in breaks]
    if len(b) != 2 or not (0 <= b[0] < b[1]) or not all(math.isfinite(x) for x in b):
        raise CoverageError("density breaks must be two increasing numbers (persons per km²), e.g. 300,1500")
    return b


def classify_density(density, breaks=DEFAULT_DENSITY_BREAKS):
    """Class per density (persons / km²): rural below breaks[0], semi-urban from breaks[0] to below
    breaks[1], urban from breaks[1]; NaN -> unclassified."""
    lo, hi = check_density_breaks(breaks)
    d = np.asarray(density, dtype=np.float64)
    out = np.full(d.shape, RURAL, dtype=np.int8)
    out[d >= lo] = SEMI_URBAN
    out[d >= hi] = URBAN
    out[~np.isfinite(d)] = UNCLASSIFIED
    return out


def local_density(spec, cell, pop, window_m=1000.0):
    """Persons per km² around each cell: the population of the ~``window_m`` square box centred on it
    (an odd number of cells, at least 1) divided by the box area. Returns a (rows, cols) array."""
    from scipy.ndimage import uniform_filter

    grid = np.bincount(cell, weights=pop, minlength=spec.rows * spec.cols).reshape(spec.shape)
    k = max(1, int(round(window_m / spec.cell_size)))
    if k % 2 == 0:
        k += 1
    mean = uniform_filter(grid, size=k, mode="constant", cval=0.0)
    return mean / (spec.cell_size * spec.cell_size / 1e6)


def group_codes(values):
    """(codes int32, labels) for a group field: numbers shown without a trailing .0, sorted numerically
    when all are numbers; NULL -> label 'unknown'."""
    keys = []
    for v in values:
        if v is None or (isinstance(v, float) and math.isnan(v)) or str(v).strip() in ("", "NULL"):
            keys.append(None)
        elif isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool):
            keys.append(float(v))
        else:
            keys.append(str(v))
    uniq = set(k for k in keys if k is not None)
    if all(isinstance(k, float) for k in uniq):
        ordered = sorted(uniq)
        labels = [f"{k:g}" for k in ordered]
    else:
        ordered = sorted(uniq, key=lambda k: (not isinstance(k, float), k if isinstance(k, float) else 0, str(k)))
        labels = [f"{k:g}" if isinstance(k, float) else k for k in ordered]
    index = {k: i for i, k in enumerate(ordered)}
    if None in keys:
        labels.append("unknown")
        index[None] = len(labels) - 1
    codes = np.array([index[k] for k in keys], dtype=np.int32)
    return codes, labels


# --------------------------------------------------------------------------------------------------------
# exact polygon / cell areas
# --------------------------------------------------------------------------------------------------------
def _polygon_parts(geom):
    """Polygons of a geometry (collections are walked, lines and points dropped), made valid if needed."""
    from shapely.geometry import GeometryCollection, MultiPolygon, Polygon

    if geom is None or geom.is_empty:
        return []
    if not geom.is_valid:
        try:
            from shapely.validation import make_valid

            geom = make_valid(geom)
        except ImportError:  # pragma: no cover - shapely < 1.8
            geom = geom.buffer(0)
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, (MultiPolygon, GeometryCollection)):
        out = []
        for g in geom.geoms:
            out.extend(_polygon_parts(g))
        return out
    return []


def _flatten(geoms):
    """Oriented rings of geometries as flat coordinate arrays for the kernel."""
    from shapely.geometry.polygon import orient

    xs, ys, ring_start, poly_ring_start = [], [], [0], [0]
    n = 0
    for g in geoms:
        for part in _polygon_parts(g):
            part = orient(part, 1.0)  # exterior counter-clockwise, holes clockwise
            for ring in [part.exterior] + list(part.interiors):
                c = np.asarray(ring.coords, dtype=np.float64)
                if len(c) < 4:
                    continue
                xs.append(c[:, 0])
                ys.append(c[:, 1])
                n += len(c)
                ring_start.append(n)
        poly_ring_start.append(len(ring_start) - 1)
    x = np.concatenate(xs) if xs else np.zeros(0)
    y = np.concatenate(ys) if ys else np.zeros(0)
    return x, y, np.array(ring_start, dtype=np.int64), np.array(poly_ring_start, dtype=np.int64)


def _windows(bounds, spec):
    """(n, 4) int64 windows r0, c0, nrows, ncols of bounding boxes on the grid, clipped (0 rows if outside)."""
    b = np.asarray(bounds, dtype=np.float64).reshape(-1, 4)
    cs = spec.cell_size
    with np.errstate(invalid="ignore"):
        c0 = np.floor((b[:, 0] - spec.x_min) / cs)
        c1 = np.floor((b[:, 2] - spec.x_min) / cs)
        r0 = np.floor((spec.y_max - b[:, 3]) / cs)
        r1 = np.floor((spec.y_max - b[:, 1]) / cs)
    ok = np.isfinite(c0) & np.isfinite(c1) & np.isfinite(r0) & np.isfinite(r1)
    c0 = np.clip(np.nan_to_num(c0), 0, spec.cols)
    c1 = np.clip(np.nan_to_num(c1), -1, spec.cols - 1)
    r0 = np.clip(np.nan_to_num(r0), 0, spec.rows)
    r1 = np.clip(np.nan_to_num(r1), -1, spec.rows - 1)
    nr = np.where(ok, np.maximum(r1 - r0 + 1, 0), 0)
    nc = np.where(ok, np.maximum(c1 - c0 + 1, 0), 0)
    return np.column_stack([r0, c0, nr, nc]).astype(np.int64)


def cell_areas(geoms, spec, progress=None):
    """Exact area (m²) of every polygon geometry inside every grid cell it touches.

    Returns (index, cell, area): index into ``geoms``, flat cell index ``row * cols + col``, area in the
    grid's units². Parts outside the grid are simply absent (compare with ``geom.area``)."""
    geoms = list(geoms)
    bounds = np.array([g.bounds if (g is not None and not g.is_empty) else (np.nan,) * 4 for g in geoms],
                      dtype=np.float64).reshape(-1, 4)
    return _chunked_cell_areas(bounds, lambda idx: _flatten([geoms[i] for i in idx]), spec, progress)


def quad_cell_areas(cx, cy, spec, progress=None):
    """:func:`cell_areas` of quadrilaterals given by their corners ``cx``, ``cy`` (n, 4), e.g. the footprints
    of another raster's cells (in any order of corners going round the quad)."""
    cx = np.asarray(cx, dtype=np.float64)
    cy = np.asarray(cy, dtype=np.float64)
    # orient counter-clockwise (shoelace sign)
    signed = 0.5 * np.sum(cx * np.roll(cy, -1, axis=1) - np.roll(cx, -1, axis=1) * cy, axis=1)
    flip = signed < 0
    cx = np.where(flip[:, None], cx[:, ::-1], cx)
    cy = np.where(flip[:, None], cy[:, ::-1], cy)
    bounds = np.column_stack([cx.min(1), cy.min(1), cx.max(1), cy.max(1)])

    def flat(idx):
        k = len(idx)
        x = np.concatenate([cx[idx], cx[idx, :1]], axis=1).ravel()
        y = np.concatenate([cy[idx], cy[idx, :1]], axis=1).ravel()
        rs = np.arange(k + 1, dtype=np.int64) * 5
        return x, y, rs, np.arange(k + 1, dtype=np.int64)

    return _chunked_cell_areas(bounds, flat, spec, progress)


def _chunked_cell_areas(bounds, flat_fn, spec, progress):
    from ._coverage_kernels import polygon_cell_areas

    win = _windows(bounds, spec)
    sizes = win[:, 2] * win[:, 3]
    outs = []
    start = 0
    n = len(bounds)
    csum = np.concatenate([[0], np.cumsum(sizes)])
    while start < n:
        # the longest run from start whose windows hold at most _CHUNK_CELLS cells (at least one polygon)
        end = int(np.searchsorted(csum, csum[start] + _CHUNK_CELLS, side="right")) - 1
        end = min(max(end, start + 1), n)
        idx = np.flatnonzero(sizes[start:end] > 0) + start
        if len(idx):
            x, y, rs, prs = flat_fn(idx)
            cap = int(sizes[idx].sum())
            p, c, a, k = polygon_cell_areas(x, y, rs, prs, win[idx], spec.x_min, spec.y_max, spec.cell_size,
                                            spec.cols, max(cap, 1))
            if k < 0:  # pragma: no cover - cap is the window size, which bounds the count
                raise RuntimeError("coverage buffer overflow")
            outs.append((idx[p[:k]], c[:k].copy(), a[:k].copy()))
        start = end
        if progress is not None and progress(end / max(n, 1)):
            raise Cancelled()
    if not outs:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    return tuple(np.concatenate([o[i] for o in outs]) for i in range(3))


# --------------------------------------------------------------------------------------------------------
# spreading population
# --------------------------------------------------------------------------------------------------------
@dataclass
class PopulationCells:
    """Population on the grid, one record per (source piece, cell); see the module docstring."""

    spec: object
    cell: np.ndarray
    pop: np.ndarray
    area: np.ndarray
    cls: np.ndarray
    group: np.ndarray
    n_areas: int
    group_labels: list = field(default_factory=list)
    input_total: float = 0.0
    outside_raster: np.ndarray = None  # (n_areas,) population of each area falling outside the grid
    outside_areas: float = 0.0  # population in no area (inside the grid or not)
    weights_fallback: int = 0  # pieces spread by plain area because their weights were all zero
    study: object = None  # with overlapping areas: the same population spread on their union (counted once)

    @property
    def study_cells(self):
        """The records of the whole study area: each person once, even where areas overlap."""
        return self.study if self.study is not None else self

    @property
    def total(self):
        """Population on the grid inside the areas, each person once (overlapping areas counted once)."""
        return float(self.study_cells.pop.sum())


def _check_population(pop, what="population"):
    p = np.asarray(pop, dtype=np.float64)
    bad = ~np.isfinite(p)
    if bad.any():
        raise CoverageError(f"{what} has {int(bad.sum())} missing or non-numeric value(s) "
                            f"(first at index {int(np.flatnonzero(bad)[0])})")
    neg = p < 0
    if neg.any():
        raise CoverageError(f"{what} has {int(neg.sum())} negative value(s) "
                            f"(first at index {int(np.flatnonzero(neg)[0])}: {p[neg][0]:g})")
    return p


def clean_areas(areas):
    """Areas as valid polygonal geometries (invalid ones repaired, lines / points dropped, None -> empty)."""
    from shapely.geometry import MultiPolygon, Polygon

    out = []
    for a in areas:
        if a is not None and not a.is_empty and a.is_valid and a.geom_type in ("Polygon", "MultiPolygon"):
            out.append(a)
            continue
        parts = _polygon_parts(a)
        out.append(Polygon() if not parts else parts[0] if len(parts) == 1 else MultiPolygon(parts))
    return out


def repair_polygons(geoms):
    """(repaired, indices): every geometry as a valid polygonal one (:func:`clean_areas`) and the indices of
    those that were invalid (e.g. a self-intersecting "bow-tie" ring) and had to be repaired."""
    bad = [i for i, g in enumerate(geoms) if g is not None and not g.is_empty and not g.is_valid]
    return clean_areas(geoms), bad


def area_overlaps(areas, min_share=1e-9):
    """Pairs of areas whose interiors overlap: list of (i, j, overlap area) with i < j, for overlaps larger
    than ``min_share`` of the smaller area (shared edges and floating-point slivers are not overlaps).
    ``areas`` must be valid (:func:`clean_areas`)."""
    abounds, prepared = _area_tree(areas)
    out = []
    for i in range(len(areas)):
        if prepared[i] is None:
            continue
        b = abounds[i]
        cand = np.flatnonzero((abounds[:, 0] < b[2]) & (abounds[:, 2] > b[0]) &
                              (abounds[:, 1] < b[3]) & (abounds[:, 3] > b[1]))
        for j in cand[cand > i]:
            if not prepared[i].intersects(areas[j]) or prepared[i].touches(areas[j]):
                continue
            a = areas[i].intersection(areas[j]).area
            if a > min_share * min(areas[i].area, areas[j].area):
                out.append((i, int(j), float(a)))
    return out


def _area_tree(areas):
    """Bounding boxes and prepared geometries of the areas."""
    from shapely.prepared import prep

    bounds = np.array([a.bounds if (a is not None and not a.is_empty) else (np.inf, np.inf, -np.inf, -np.inf)
                       for a in areas], dtype=np.float64).reshape(-1, 4)
    prepared = [prep(a) if (a is not None and not a.is_empty) else None for a in areas]
    return bounds, prepared


def overlay(polygons, areas, progress=None):
    """Cut polygons by areas: list of (polygon index, area index, piece geometry, piece share of the polygon
    by area). Pieces of a polygon outside every area are not returned (their share is 1 - sum of shares)."""
    abounds, prepared = _area_tree(areas)
    pieces = []
    n = len(polygons)
    for i, g in enumerate(polygons):
        if g is None or g.is_empty:
            continue
        parts = _polygon_parts(g)
        if not parts:
            continue
        if not g.is_valid:
            from shapely.geometry import MultiPolygon

            g = parts[0] if len(parts) == 1 else MultiPolygon(parts)
        gb = g.bounds
        cand = np.flatnonzero((abounds[:, 0] <= gb[2]) & (abounds[:, 2] >= gb[0]) &
                              (abounds[:, 1] <= gb[3]) & (abounds[:, 3] >= gb[1]))
        area_g = sum(p.area for p in parts)
        if area_g <= 0:
            continue
        for j in cand:  # every area: overlapping areas each count their share (no early exit)
            if prepared[j].contains(g):
                pieces.append((i, int(j), g, 1.0))
                continue
            if not prepared[j].intersects(g):
                continue
            try:
                inter = areas[j].intersection(g)
            except Exception:  # noqa: BLE001 - topology errors on dirty input: repair both and retry
                inter = areas[j].buffer(0).intersection(g.buffer(0))
            ip = _polygon_parts(inter)
            a = sum(p.area for p in ip)
            if a > 0:
                pieces.append((i, int(j), inter, min(1.0, a / area_g)))
        if progress is not None and i % 500 == 0 and progress(i / max(n, 1)):
            raise Cancelled()
    return pieces


def spread_polygons(spec, polygons, population, areas, classes=None, groups=None, group_labels=None,
                    density_breaks=DEFAULT_DENSITY_BREAKS, weights=None, progress=None):
    """Spread polygon populations onto the grid by (exact) area weighting; see the module docstring.

    polygons: shapely polygons in the grid CRS; population: (n,) non-negative numbers; areas: shapely
    polygons (the reporting areas); classes: (n,) class indices (None: by density with ``density_breaks``);
    groups: (n,) group indices or None; weights: optional (rows, cols) non-negative array on the grid for
    dasymetric spreading."""
    pop = _check_population(population)
    if len(pop) != len(polygons):
        raise CoverageError("population and polygons differ in length")
    areas = clean_areas(areas)
    n_areas = len(areas)
    if classes is None:
        km2 = np.array([sum(p.area for p in _polygon_parts(g)) / 1e6 if g is not None else 0.0 for g in polygons])
        with np.errstate(divide="ignore", invalid="ignore"):
            dens = np.where(km2 > 0, pop / np.where(km2 > 0, km2, 1), np.nan)
        classes = classify_density(dens, density_breaks)
    classes = np.asarray(classes, dtype=np.int8)
    groups = np.full(len(pop), -1, np.int32) if groups is None else np.asarray(groups, dtype=np.int32)
    sub = (lambda a, b: (lambda f: progress(a + (b - a) * f))) if progress is not None else (lambda a, b: None)

    overlapping = bool(area_overlaps(areas)) if n_areas > 1 else False
    pieces = overlay(polygons, areas, progress=sub(0.0, 0.4))
    src = np.array([p[0] for p in pieces], dtype=np.int64)
    parea = np.array([p[1] for p in pieces], dtype=np.int64)
    share = np.array([p[3] for p in pieces], dtype=np.float64)
    piece_pop = pop[src] * share if len(pieces) else np.zeros(0)
    # population outside every area (shares per polygon summing to < 1; polygons in no area at all)
    in_areas = np.bincount(src, weights=share, minlength=len(pop)) if len(pieces) else np.zeros(len(pop))
    if len(pieces) and overlapping:
        # overlapping areas: a polygon's share inside the areas is that of the union of its pieces
        from shapely.ops import unary_union

        counts = np.bincount(src, minlength=len(pop))
        for i in np.flatnonzero(counts > 1):
            mine = [p[2] for p in pieces if p[0] == i]
            g_area = sum(q.area for q in _polygon_parts(polygons[i]))
            in_areas[i] = min(1.0, sum(q.area for q in _polygon_parts(unary_union(mine))) / g_area)
    outside_areas = float(np.sum(pop * np.clip(1.0 - in_areas, 0.0, 1.0)))

    idx, cell, area_m2 = cell_areas([p[2] for p in pieces], spec, progress=sub(0.4, 1.0))
    piece_area = np.array([sum(q.area for q in _polygon_parts(p[2])) for p in pieces], dtype=np.float64)
    covered = np.bincount(idx, weights=area_m2, minlength=len(pieces))
    frac_in = np.clip(np.divide(covered, piece_area, out=np.zeros(len(pieces)), where=piece_area > 0), 0, 1)
    frac_in[frac_in > 1.0 - 1e-9] = 1.0  # wholly inside: no floating-point crumbs "outside the raster"
    w = area_m2.copy()
    fallback = 0
    if weights is not None:
        wt = np.asarray(weights, dtype=np.float64)
        if wt.shape != spec.shape:
            raise CoverageError("weights must be on the drive-time grid")
        wt = np.where(np.isfinite(wt) & (wt > 0), wt, 0.0)
        ww = area_m2 * wt.ravel()[cell]
        wsum = np.bincount(idx, weights=ww, minlength=len(pieces))
        ok = wsum[idx] > 0
        fallback = int(np.sum((wsum == 0) & (covered > 0)))
        w = np.where(ok, ww, area_m2)
        covered = np.bincount(idx, weights=w, minlength=len(pieces))
    # each piece keeps exactly (its population x the fraction of it inside the grid)
    inside_pop = piece_pop * frac_in
    with np.errstate(invalid="ignore", divide="ignore"):
        rec_pop = np.where(covered[idx] > 0, w * (inside_pop / np.where(covered > 0, covered, 1))[idx], 0.0)
    outside_raster = np.bincount(parea, weights=piece_pop - inside_pop, minlength=n_areas)[:n_areas] \
        if len(pieces) else np.zeros(n_areas)
    srcs = src[idx]
    out = PopulationCells(spec=spec, cell=cell, pop=rec_pop, area=parea[idx].astype(np.int32),
                          cls=classes[srcs], group=groups[srcs], n_areas=n_areas,
                          group_labels=list(group_labels or []), input_total=float(pop.sum()),
                          outside_raster=outside_raster, outside_areas=outside_areas, weights_fallback=fallback)
    if overlapping:
        out.study = spread_polygons(spec, polygons, pop, [_union(areas)], classes, groups, group_labels,
                                    density_breaks, weights)
    return out


def _union(areas):
    from shapely.ops import unary_union

    # buffer(0) drops the near-duplicate vertices a union can leave (GEOS predicates fail on them)
    return unary_union([a for a in areas if a is not None and not a.is_empty]).buffer(0)


def _vectorized_contains():
    """shapely.vectorized.contains, or None where shapely was built without it."""
    try:
        from shapely.vectorized import contains
    except ImportError:  # pragma: no cover - shapely builds without the vectorized module
        return None
    return contains


def _areas_of_points(x, y, areas):
    """(point index, area index) pairs: each point in every area holding it inside (overlapping areas each
    count it); a point inside no area but on the boundary of one (e.g. on the edge shared by two
    neighbours) in the first area whose closure holds it. Points in no area are absent."""
    from shapely.geometry import Point

    contains = _vectorized_contains()
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    abounds, prepared = _area_tree(areas)
    pts, ars = [], []
    found = np.zeros(len(x), dtype=bool)
    for j, a in enumerate(areas):
        if prepared[j] is None:
            continue
        todo = np.flatnonzero((x >= abounds[j, 0]) & (x <= abounds[j, 2]) &
                              (y >= abounds[j, 1]) & (y <= abounds[j, 3]))
        if not len(todo):
            continue
        if contains is not None:
            hit = np.asarray(contains(a, x[todo], y[todo]), dtype=bool)
        else:  # pragma: no cover
            hit = np.array([prepared[j].contains(Point(x[i], y[i])) for i in todo], dtype=bool)
        pts.append(todo[hit])
        ars.append(np.full(int(hit.sum()), j, dtype=np.int32))
        found[todo[hit]] = True
    edge = _area_of_points(x, y, areas, skip=found)
    m = (edge >= 0) & ~found
    pts.append(np.flatnonzero(m))
    ars.append(edge[m])
    p = np.concatenate(pts).astype(np.int64) if pts else np.zeros(0, np.int64)
    a = np.concatenate(ars).astype(np.int32) if ars else np.zeros(0, np.int32)
    order = np.lexsort((a, p))
    return p[order], a[order]


def _area_of_points(x, y, areas, skip=None):
    """Index of the first area containing each point, -1 if none (points on a boundary: the first area
    whose closure holds them). ``skip``: points to leave at -1."""
    from shapely.geometry import Point

    contains = _vectorized_contains()
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    abounds, prepared = _area_tree(areas)
    out = np.full(len(x), -1, dtype=np.int32)
    if skip is not None:
        out[np.asarray(skip, dtype=bool)] = -2
    for j, a in enumerate(areas):
        if prepared[j] is None:
            continue
        todo = np.flatnonzero((out < 0) & (x >= abounds[j, 0]) & (x <= abounds[j, 2]) &
                              (y >= abounds[j, 1]) & (y <= abounds[j, 3]))
        if not len(todo):
            continue
        if contains is not None:
            hit = contains(a, x[todo], y[todo])
            out[todo[hit]] = j
            todo = todo[~hit]
        for i in todo:  # the rest (boundary points, or no vectorized module): exact test one by one
            if prepared[j].intersects(Point(x[i], y[i])):
                out[i] = j
    out[out == -2] = -1
    return out


def spread_points(spec, x, y, population, areas, classes=None, groups=None, group_labels=None,
                  density_breaks=DEFAULT_DENSITY_BREAKS):
    """Point populations: each point's people go to the cell holding it and the area containing it.
    Without ``classes`` the class is the local density around the cell (:func:`local_density`)."""
    pop = _check_population(population)
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    areas = clean_areas(areas)
    n_areas = len(areas)
    pi, area = _areas_of_points(x, y, areas)  # a point inside overlapping areas is in each
    row, col = spec.rowcol(x, y)
    inside = spec.inside(row, col)
    in_area = np.zeros(len(pop), dtype=bool)
    in_area[pi] = True
    outside_areas = float(pop[~in_area].sum())
    off = ~inside[pi]
    outside_raster = np.bincount(area[off], weights=pop[pi[off]], minlength=n_areas)
    keep = inside[pi]
    pk = pi[keep]
    cell = (row * spec.cols + col)[pk].astype(np.int64)
    groups = np.full(len(pop), -1, np.int32) if groups is None else np.asarray(groups, dtype=np.int32)
    if classes is None:
        dens = local_density(spec, (row * spec.cols + col)[inside], pop[inside])
        cls = classify_density(dens.ravel()[cell], density_breaks)
    else:
        cls = np.asarray(classes, dtype=np.int8)[pk]
    out = PopulationCells(spec=spec, cell=cell, pop=pop[pk], area=area[keep], cls=cls, group=groups[pk],
                          n_areas=n_areas, group_labels=list(group_labels or []),
                          input_total=float(pop.sum()), outside_raster=outside_raster[:n_areas],
                          outside_areas=outside_areas)
    if n_areas > 1 and area_overlaps(areas):
        out.study = spread_points(spec, x, y, pop, [_union(areas)], classes, groups, group_labels, density_breaks)
    return out


def raster_cell_quads(pop_grid, transform_xy=None):
    """Corners (cx, cy: (n, 4)) of the cells of a population grid holding people, and their values.

    ``transform_xy(x, y) -> (x2, y2)`` maps corner coordinates to the drive-time CRS when they differ."""
    arr = np.asarray(pop_grid.array, dtype=np.float64)
    valid = pop_grid.valid_mask() & np.isfinite(arr)
    rows, cols = np.nonzero(valid & (arr != 0))
    vals = arr[rows, cols]
    s = pop_grid.spec
    x0 = s.x_min + cols * s.cell_size
    x1 = x0 + s.cell_size
    y0 = s.y_max - rows * s.cell_size
    y1 = y0 - s.cell_size
    cx = np.stack([x0, x0, x1, x1], axis=1)
    cy = np.stack([y0, y1, y1, y0], axis=1)
    if transform_xy is not None and len(vals):
        tx, ty = transform_xy(cx.ravel(), cy.ravel())
        cx = np.asarray(tx, dtype=np.float64).reshape(-1, 4)
        cy = np.asarray(ty, dtype=np.float64).reshape(-1, 4)
    return cx, cy, vals


def _near_int(v, tol=1e-6):
    return abs(v - round(v)) <= tol


def aligned_sum(spec, pop_grid):
    """Fast exact resampling by summing when the population grid nests in the drive-time grid (same CRS
    assumed; cell sizes integer multiples of each other; cell edges on common lines).

    Returns (on_grid (rows*cols,), off_values, off_x, off_y) -- the people of cells (partly) off the grid
    with the centres of those cells -- or None when the grids do not nest."""
    ps = pop_grid.spec
    arr = np.asarray(pop_grid.array, dtype=np.float64)
    arr = np.where(pop_grid.valid_mask() & np.isfinite(arr), arr, 0.0)
    cs, pcs = spec.cell_size, ps.cell_size
    ncell = spec.rows * spec.cols
    if pcs >= cs and _near_int(pcs / cs):
        k = int(round(pcs / cs))
        fine = 1  # grid cells per pop-cell side = k
    elif pcs < cs and _near_int(cs / pcs):
        k = int(round(cs / pcs))
        fine = 0
    else:
        return None
    unit = cs if fine else pcs
    ox = (ps.x_min - spec.x_min) / unit
    oy = (spec.y_max - ps.y_max) / unit
    if not (_near_int(ox) and _near_int(oy)):
        return None
    ox, oy = int(round(ox)), int(round(oy))
    rr, cc = np.nonzero(arr != 0)
    vals = arr[rr, cc]
    if fine:
        # each pop cell -> a k x k block of grid cells, value / k² each
        dr, dc = np.divmod(np.arange(k * k), k)
        gr = (oy + rr * k)[:, None] + dr[None, :]
        gc = (ox + cc * k)[:, None] + dc[None, :]
        inside = (gr >= 0) & (gr < spec.rows) & (gc >= 0) & (gc < spec.cols)
        share = vals[:, None] / (k * k)
        on_grid = np.bincount((gr * spec.cols + gc)[inside], weights=np.broadcast_to(share, gr.shape)[inside],
                              minlength=ncell)
        off_values = vals * (1.0 - inside.sum(1) / (k * k))
    else:
        gr = np.floor_divide(oy + rr, k)
        gc = np.floor_divide(ox + cc, k)
        inside = (gr >= 0) & (gr < spec.rows) & (gc >= 0) & (gc < spec.cols)
        on_grid = np.bincount((gr * spec.cols + gc)[inside], weights=vals[inside], minlength=ncell)
        off_values = np.where(inside, 0.0, vals)
    m = off_values > 0
    x = ps.x_min + (cc[m] + 0.5) * pcs
    y = ps.y_max - (rr[m] + 0.5) * pcs
    return on_grid, off_values[m], x, y


def spread_raster(spec, pop_grid, areas, density_breaks=DEFAULT_DENSITY_BREAKS, transform_xy=None,
                  progress=None):
    """A population raster (:class:`~.grid.Grid`, counts per cell) resampled to the grid by summing, then split
    among areas by the share of each grid cell they cover. Classes by local density (:func:`local_density`).

    Resampling is exact by area: when the grids nest (same CRS, ``transform_xy`` None, cell sizes integer
    multiples, edges on common lines) by block sums (:func:`aligned_sum`), otherwise each population cell's
    footprint (transformed corner by corner) is spread like a polygon (:func:`quad_cell_areas`)."""
    ncell = spec.rows * spec.cols
    sub = (lambda a, b: (lambda f: progress(a + (b - a) * f))) if progress is not None else (lambda a, b: None)
    raw = np.asarray(pop_grid.array, dtype=np.float64)
    _check_population(raw[pop_grid.valid_mask() & np.isfinite(raw)], "population raster")
    fast = aligned_sum(spec, pop_grid) if transform_xy is None else None
    if fast is not None:
        on_grid, off_vals, off_x, off_y = fast
        input_total = float(on_grid.sum() + off_vals.sum())
    else:
        cx, cy, vals = raster_cell_quads(pop_grid, transform_xy)
        input_total = float(vals.sum())
        # 1. population cells -> grid (sum), exact area weights; the part outside the grid is outside_raster
        idx, cell, a = quad_cell_areas(cx, cy, spec, progress=sub(0.0, 0.5))
        foot = 0.5 * np.abs(np.sum(cx * np.roll(cy, -1, axis=1) - np.roll(cx, -1, axis=1) * cy, axis=1))
        foot = np.where(foot > 0, foot, 1.0)
        on_grid = np.bincount(cell, weights=vals[idx] * a / foot[idx], minlength=ncell)
        off_grid_pop = vals * (1.0 - np.clip(np.bincount(idx, weights=a, minlength=len(vals)) / foot, 0, 1))
        off = np.flatnonzero(off_grid_pop > 1e-9 * np.maximum(vals, 1.0))
        off_vals, off_x, off_y = off_grid_pop[off], cx[off].mean(1), cy[off].mean(1)
    areas = clean_areas(areas)
    n_areas = len(areas)
    # 2. grid cell -> areas by the exact share of the cell each area covers
    aidx, acell, aa = cell_areas(areas, spec, progress=sub(0.5, 0.9))
    frac = aa / (spec.cell_size * spec.cell_size)
    rec_pop = on_grid[acell] * frac
    keep = rec_pop > 0
    dens = local_density(spec, np.arange(ncell), on_grid)
    overlapping = n_areas > 1 and bool(area_overlaps(areas))
    if overlapping:  # the share of each cell in any area: that of the union (overlaps once)
        _i, ucell, ua = cell_areas([_union(areas)], spec)
        cells_in_areas = np.bincount(ucell, weights=ua / (spec.cell_size * spec.cell_size), minlength=ncell)
    else:
        cells_in_areas = np.bincount(acell, weights=frac, minlength=ncell)
    outside_areas = float(np.sum(on_grid * np.clip(1.0 - cells_in_areas, 0, 1)))
    # population off the grid: attributed to the area(s) holding the population cell's centre
    outside_raster = np.zeros(n_areas)
    if len(off_vals):
        opi, oa = _areas_of_points(off_x, off_y, areas)
        outside_raster = np.bincount(oa, weights=off_vals[opi], minlength=n_areas)
        placed = np.zeros(len(off_vals), dtype=bool)
        placed[opi] = True
        outside_areas += float(off_vals[~placed].sum())
    acell = acell[keep]
    out = PopulationCells(spec=spec, cell=acell, pop=rec_pop[keep], area=aidx[keep].astype(np.int32),
                          cls=classify_density(dens.ravel()[acell], density_breaks),
                          group=np.full(int(keep.sum()), -1, np.int32), n_areas=n_areas,
                          input_total=input_total, outside_raster=outside_raster[:n_areas],
                          outside_areas=outside_areas)
    if overlapping:
        out.study = spread_raster(spec, pop_grid, [_union(areas)], density_breaks, transform_xy)
    return out


# --------------------------------------------------------------------------------------------------------
# aggregation
# --------------------------------------------------------------------------------------------------------
@dataclass
class Coverage:
    """Result of :func:`aggregate`. ``rows[level]`` is a dict of arrays, one entry per row of that level:
    ``area``, ``cls``, ``group`` (indices; -1 = all), ``pop_total``, ``pop_unreach``, ``pop_reach``,
    ``pop_le`` (rows, thresholds), ``pct_le``, ``pop_beyond`` (not within target, unreachable included),
    ``pct_beyond``, ``mean_min``, ``median_min``, ``p90_min``, ``max_min``, ``gap_pp`` (% within target minus
    the whole study area's), ``rank`` (within the rows of the level with the same class and group, 1 = best,
    0 = no population)."""

    thresholds: np.ndarray
    target: float
    target_index: int
    rows: dict
    cells: PopulationCells

    def level(self, name):
        return self.rows[name]

    @property
    def study(self):
        """The whole-study-area row as a dict of scalars."""
        return {k: v[0] for k, v in self.rows["study"].items()}


def percent(num, den):
    """100 * num / den, NaN where den is 0."""
    num = np.asarray(num, dtype=np.float64)
    den = np.asarray(den, dtype=np.float64)
    if num.ndim > den.ndim:
        den = den.reshape(den.shape + (1,) * (num.ndim - den.ndim))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, 100.0 * num / np.where(den > 0, den, 1.0), np.nan)


def rank_desc(values, groups=None):
    """Competition rank (1 = largest; ties share the lower rank, '1224'), 0 for NaN; within ``groups``."""
    v = np.asarray(values, dtype=np.float64)
    g = np.zeros(len(v), np.int64) if groups is None else np.asarray(groups)
    out = np.zeros(len(v), dtype=np.int64)
    for key in np.unique(g):
        m = np.flatnonzero((g == key) & np.isfinite(v))
        for i in m:
            out[i] = 1 + int(np.sum(v[m] > v[i]))
    return out


def weighted_quantile(t, w, q):
    """Inverted-CDF weighted quantile (reference for tests and small data): the smallest t whose cumulative
    weight reaches q of the total; NaN if the total weight is 0."""
    t = np.asarray(t, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    m = np.isfinite(t) & (w > 0)
    if not m.any():
        return float("nan")
    o = np.argsort(t[m], kind="stable")
    ts, cw = t[m][o], np.cumsum(w[m][o])
    return float(ts[np.searchsorted(cw, q * cw[-1] * (1 - 1e-12), side="left")])


def check_thresholds(thresholds, target):
    th = sorted(set(float(x) for x in thresholds))
    if not th or th[0] <= 0 or not all(math.isfinite(x) for x in th):
        raise CoverageError("thresholds must be positive numbers of minutes")
    target = float(target)
    if not (target > 0 and math.isfinite(target)):
        raise CoverageError("the target must be a positive number of minutes")
    if target not in th:
        th = sorted(th + [target])
    return np.array(th, dtype=np.float64), th.index(target)


#: records from which :func:`aggregate` sums its levels on two threads (the same sums, level by level)
AGGREGATE_THREADS_RECORDS = 1 << 17


def aggregate(cells, minutes, thresholds, target, quantiles=(0.5, 0.9), levels=None):
    """Coverage statistics of a :class:`PopulationCells` against a drive-time array (minutes on the same
    grid, NaN / inf = unreachable). ``target`` is added to ``thresholds`` if absent. Returns :class:`Coverage`.
    """
    from ._coverage_kernels import aggregate as kernel

    minutes = np.asarray(minutes)
    if minutes.shape != cells.spec.shape:
        raise CoverageError(f"minutes {minutes.shape} and population grid {cells.spec.shape} differ")
    th, ti = check_thresholds(thresholds, target)
    n_cls = len(CLASS_LABELS)
    n_grp = max(len(cells.group_labels), int(cells.group.max()) + 1 if len(cells.group) else 0)
    has_group = n_grp > 0
    na = max(cells.n_areas, 1)
    ng = max(n_grp, 1)

    def records(cs):
        """Times (NaN = unreachable), their order, people, area, class and group of a set of records."""
        t0 = minutes.ravel()[cs.cell]
        t = t0.astype(np.float64)
        bad = ~np.isfinite(t)
        t[bad] = np.nan
        # float32 minutes (a drive-time raster) sort in the same order as their exact float64 copies, faster
        key = np.where(bad, np.float32(np.nan), t0) if t0.dtype == np.float32 else t
        return (np.argsort(key, kind="stable"), cs.pop, t, cs.area.astype(np.int64), cs.cls.astype(np.int64),
                np.maximum(cs.group.astype(np.int64), 0))

    # area levels from every record; study levels from the study's records (each person once where areas overlap)
    o, p, t, a, c, g = records(cells)
    so, sp, st, sa, sc, sg = records(cells.study_cells) if cells.study is not None else (o, p, t, a, c, g)
    spec_levels = {
        "area": (a, na, lambda k: (k, -1, -1), o, p, t),
        "area_class": (a * n_cls + c, na * n_cls, lambda k: (k // n_cls, k % n_cls, -1), o, p, t),
        "study": (np.zeros_like(sa), 1, lambda k: (-1, -1, -1), so, sp, st),
        "study_class": (sc, n_cls, lambda k: (-1, k, -1), so, sp, st),
    }
    if has_group:
        spec_levels.update({
            "area_group": (a * ng + g, na * ng, lambda k: (k // ng, -1, k % ng), o, p, t),
            "area_class_group": ((a * n_cls + c) * ng + g, na * n_cls * ng,
                                 lambda k: (k // (n_cls * ng), (k // ng) % n_cls, k % ng), o, p, t),
            "study_group": (sg, ng, lambda k: (-1, -1, k), so, sp, st),
            "study_class_group": (sc * ng + sg, n_cls * ng, lambda k: (-1, k // ng, k % ng), so, sp, st),
        })
    wanted = [lv for lv in LEVELS if lv in spec_levels and (levels is None or lv in levels or lv == "study")]
    q = np.asarray(quantiles, dtype=np.float64)

    def level_sums(lv):
        key, nk, _decode, order, pop, t = spec_levels[lv]
        return kernel(order, key.astype(np.int64), pop, t, nk, th, q)

    if len(o) >= AGGREGATE_THREADS_RECORDS and len(wanted) > 1:  # the levels are independent: two at a time
        from ._threads import run_jobs

        sums = {}

        def work(_s, i, _cancel):
            sums[wanted[i]] = level_sums(wanted[i])

        run_jobs(len(wanted), 2, work, lambda _frac: None)
    else:
        sums = {lv: level_sums(lv) for lv in wanted}
    rows = {}
    for lv in wanted:
        _key, nk, decode, _order, _pop, _t = spec_levels[lv]
        tot, unreach, reach, sumwt, tmax, within, qv = sums[lv]
        if lv == "area":
            keep = np.arange(nk)[:cells.n_areas]  # every area, people or not
        else:
            keep = np.flatnonzero(tot > 0)
        dec = np.array([decode(int(k)) for k in keep], dtype=np.int64).reshape(-1, 3)
        r = {"area": dec[:, 0], "cls": dec[:, 1], "group": dec[:, 2],
             "pop_total": tot[keep], "pop_unreach": unreach[keep], "pop_reach": reach[keep],
             "pop_le": within[keep]}
        r["pct_le"] = percent(r["pop_le"], r["pop_total"])
        r["pop_beyond"] = r["pop_total"] - r["pop_le"][:, ti]
        r["pct_beyond"] = percent(r["pop_beyond"], r["pop_total"])
        r["pct_unreach"] = percent(r["pop_unreach"], r["pop_total"])
        with np.errstate(invalid="ignore", divide="ignore"):
            r["mean_min"] = np.where(reach[keep] > 0, sumwt[keep] / np.where(reach[keep] > 0, reach[keep], 1), np.nan)
        r["median_min"] = qv[keep, 0] if len(q) > 0 else np.full(len(keep), np.nan)
        r["p90_min"] = qv[keep, 1] if len(q) > 1 else np.full(len(keep), np.nan)
        r["quantiles"] = qv[keep]
        r["max_min"] = tmax[keep]
        rows[lv] = r
    study_pct = rows["study"]["pct_le"][0, ti] if len(rows["study"]["pop_total"]) else np.nan
    for lv, r in rows.items():
        r["gap_pp"] = r["pct_le"][:, ti] - study_pct
        best = np.nanmax(r["pct_le"][:, ti]) if np.isfinite(r["pct_le"][:, ti]).any() else np.nan
        r["gap_best_pp"] = r["pct_le"][:, ti] - best
        r["rank"] = rank_desc(r["pct_le"][:, ti], r["cls"] * 100000 + r["group"]) if not lv.startswith("study") \
            else np.zeros(len(r["pop_total"]), np.int64)
    return Coverage(thresholds=th, target=float(th[ti]), target_index=ti, rows=rows, cells=cells)


def target_shortfall(pop_total, pop_le_target, share_pct):
    """People who would have to be brought within the target for a row to meet ``share_pct`` %, and
    whether it meets it (1/0; -1 without population)."""
    pop_total = np.asarray(pop_total, dtype=np.float64)
    need = np.maximum(0.0, share_pct / 100.0 * pop_total - np.asarray(pop_le_target, dtype=np.float64))
    meets = np.where(pop_total > 0, (need <= 1e-9 * np.maximum(pop_total, 1)).astype(np.int64), -1)
    return np.where(pop_total > 0, need, np.nan), meets


# --------------------------------------------------------------------------------------------------------
# plain-English summary
# --------------------------------------------------------------------------------------------------------
def fmt_people(n):
    """12400.4 -> '12,400'."""
    if n is None or not np.isfinite(n):
        return "–"
    return f"{int(round(float(n))):,}"


def field_label(name, alias=""):
    """A field name as a reader says it: the field's alias if it has one, else e.g. "imd19_decile" ->
    "IMD decile" (underscores to spaces, years dropped, short codes in capitals)."""
    if alias and str(alias).strip():
        return str(alias).strip()
    if not name:
        return name
    words = []
    for w in re.split(r"[_\s]+", str(name).strip()):
        stem = re.sub(r"\d+$", "", w)
        if not stem:
            continue
        words.append(stem.upper() if len(stem) <= 3 and stem.isalpha() and stem.islower() else stem)
    return " ".join(words) or str(name)


def fmt_pct(p):
    """8.333 -> '8.3 %'."""
    if p is None or not np.isfinite(p):
        return "–"
    return f"{float(p):,.1f} %"


def fmt_min(m):
    if m is None or not np.isfinite(m):
        return "–"
    return f"{float(m):,.1f}"


def fmt_t(t):
    return f"{float(t):g}"


def threshold_suffix(t):
    """Field-name suffix of a threshold: 8 -> '8', 7.5 -> '7_5'."""
    return re.sub(r"[^0-9A-Za-z]", "_", fmt_t(t))


def summary_sentences(cov, area_names, study_name="the study area", target_share=75.0, group_name=None,
                      tr=lambda s: s):
    """Plain-English sentences an engagement team can paste. ``tr`` translates the templates."""
    T = fmt_t(cov.target)
    ti = cov.target_index
    st = cov.rows["study"]
    cells = cov.cells
    out = []
    if not len(st["pop_total"]) or st["pop_total"][0] <= 0:
        return [tr("No population of the population layer lies inside the areas and the drive-time raster.")]
    s_pct = st["pct_le"][0, ti]
    out.append(tr("Across {study}, {pop} people live within the drive-time raster; {n} ({p}) live within {T} "
                  "minutes of the nearest site, against a standard of {share}.").format(
        study=study_name, pop=fmt_people(st["pop_total"][0]), n=fmt_people(st["pop_le"][0, ti]),
        p=fmt_pct(s_pct), T=T, share=fmt_pct(target_share)))
    out.append(tr("The population-weighted median drive time is {med} minutes, the 90th percentile {p90} minutes "
                  "and the longest {mx} minutes.").format(med=fmt_min(st["median_min"][0]),
                                                          p90=fmt_min(st["p90_min"][0]), mx=fmt_min(st["max_min"][0])))
    ar = cov.rows["area"]
    for i in np.argsort(-np.nan_to_num(ar["pct_beyond"], nan=-1.0), kind="stable"):
        name = area_names[int(ar["area"][i])]
        if not ar["pop_total"][i] > 0:
            out.append(tr("{name}: nobody in the population layer lives in the part of this area covered by the "
                          "drive-time raster.").format(name=name))
            continue
        out.append(tr("In {name}, {n} people ({p}) live more than {T} minutes' drive from the nearest site "
                      "({sp} across {study}).").format(
            name=name, n=fmt_people(ar["pop_beyond"][i]), p=fmt_pct(ar["pct_beyond"][i]), T=T,
            sp=fmt_pct(100.0 - s_pct), study=study_name))
    valid = np.flatnonzero(ar["pop_total"] > 0)
    if len(valid) >= 2:
        pct = ar["pct_le"][valid, ti]
        b, w = valid[int(np.argmax(pct))], valid[int(np.argmin(pct))]
        out.append(tr("Within {T} minutes, coverage ranges from {pw} in {worst} to {pb} in {best}: a gap of {gap} "
                      "percentage points.").format(
            T=T, pw=fmt_pct(ar["pct_le"][w, ti]), worst=area_names[int(ar["area"][w])],
            pb=fmt_pct(ar["pct_le"][b, ti]), best=area_names[int(ar["area"][b])],
            gap=f"{ar['pct_le'][b, ti] - ar['pct_le'][w, ti]:,.1f}"))
        meets = [area_names[int(ar["area"][i])] for i in valid if ar["pct_le"][i, ti] >= target_share]
        template = (tr("{k} of {n} areas meets the standard of {share} within {T} minutes{names}.")
                    if len(meets) == 1 else
                    tr("{k} of {n} areas meet the standard of {share} within {T} minutes{names}."))
        out.append(template.format(
            k=len(meets), n=len(valid), share=fmt_pct(target_share), T=T,
            names=(": " + ", ".join(meets)) if meets else ""))
    sc = cov.rows["study_class"]
    parts = [tr("{p} of {cls} residents ({n} people)").format(
        p=fmt_pct(sc["pct_le"][i, ti]), cls=tr(CLASS_LABELS[int(sc["cls"][i])]), n=fmt_people(sc["pop_total"][i]))
        for i in range(len(sc["pop_total"]))]
    if parts:
        out.append(tr("Across {study}, {parts} live within {T} minutes.").format(
            study=study_name, parts=_join(parts, tr), T=T))
    if "study_group" in cov.rows and group_name:
        sg = cov.rows["study_group"]
        if len(sg["pop_total"]) >= 2:
            pct = sg["pct_le"][:, ti]
            lo, hi = int(np.nanargmin(pct)), int(np.nanargmax(pct))
            labels = cells.group_labels
            out.append(tr("By {g}, the share within {T} minutes ranges from {plo} ({g} {glo}) to {phi} ({g} {ghi})."
                          ).format(g=group_name, T=T, plo=fmt_pct(pct[lo]), glo=labels[int(sg["group"][lo])],
                                   phi=fmt_pct(pct[hi]), ghi=labels[int(sg["group"][hi])]))
    unreach = st["pop_unreach"][0]
    out_r = float(np.sum(cells.outside_raster)) if cells.outside_raster is not None else 0.0
    out.append(tr("{u} people live on cells the drive-time raster marks unreachable (nodata); they count as beyond "
                  "every threshold. {o} people of the areas fall outside the raster and {a} outside every area; "
                  "these are left out of the figures.").format(
        u=fmt_people(unreach), o=fmt_people(out_r), a=fmt_people(cells.outside_areas)))
    return out


def _join(parts, tr):
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + tr(" and ") + parts[-1]


def summary_html(cov, area_names, study_name="the study area", target_share=75.0, group_name=None, title=None,
                 tr=lambda s: s, attribution="", figures=()):
    """A small self-contained HTML page: the sentences, then a table of the areas, then ``figures`` (HTML
    sections with the charts, made outside core)."""
    import html

    T = fmt_t(cov.target)
    ti = cov.target_index
    sent = summary_sentences(cov, area_names, study_name, target_share, group_name, tr)
    ar = cov.rows["area"]
    head = [tr("Area"), tr("People"), tr("Within {T} min").format(T=T), tr("Beyond {T} min").format(T=T),
            tr("Median (min)"), tr("90th percentile (min)"), tr("Gap (pp)"), tr("Rank")]
    rows = []
    for i in np.argsort(np.where(ar["rank"] > 0, ar["rank"], 10 ** 9), kind="stable"):
        rows.append([area_names[int(ar["area"][i])], fmt_people(ar["pop_total"][i]), fmt_pct(ar["pct_le"][i, ti]),
                     fmt_people(ar["pop_beyond"][i]) if ar["pop_total"][i] > 0 else "–",
                     fmt_min(ar["median_min"][i]), fmt_min(ar["p90_min"][i]),
                     f"{ar['gap_pp'][i]:+,.1f}" if np.isfinite(ar["gap_pp"][i]) else "–",
                     str(int(ar["rank"][i])) if ar["rank"][i] > 0 else "–"])
    def esc(x):
        return html.escape(str(x), quote=False)

    title = title or tr("Coverage within {T} minutes").format(T=T)
    parts = ["<!DOCTYPE html>", "<html><head><meta charset='utf-8'>", f"<title>{esc(title)}</title>",
             "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}"
             "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em}"
             "td{text-align:right}td:first-child{text-align:left}</style></head><body>",
             f"<h1>{esc(title)}</h1>"]
    parts += [f"<p>{esc(s)}</p>" for s in sent]
    parts.append("<table><tr>" + "".join(f"<th>{esc(h)}</th>" for h in head) + "</tr>")
    parts += ["<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows]
    parts.append("</table>")
    parts += list(figures)
    if attribution:
        parts.append(f"<p><small>{esc(attribution)}</small></p>")
    parts.append("</body></html>")
    return "\n".join(parts), sent
