"""Inputs the QGIS tests build, written once: synthetic GeoTIFFs and memory layers (EPSG:27700 unless told).

Importable from every test file (``tests/`` is on ``sys.path``: pytest puts the folder of ``conftest.py`` there).
"""
import rasterio
from rasterio.transform import from_origin

X0, Y1, CELL = 440000.0, 210000.0, 50.0  # the tests' usual top-left corner and cell size


def write_raster(path, arr, cell=CELL, origin=(X0, Y1), crs="EPSG:27700", nodata=None):
    """One-band float32 GeoTIFF of ``arr`` with its top-left corner at ``origin``; returns the path as a string."""
    with rasterio.open(path, "w", driver="GTiff", height=arr.shape[0], width=arr.shape[1], count=1,
                       dtype="float32", crs=crs, nodata=nodata,
                       transform=from_origin(origin[0], origin[1], cell, cell)) as ds:
        ds.write(arr.astype("float32"), 1)
    return str(path)


def memory_layer(kind, wkts, fields=(), rows=(), name="l", crs="EPSG:27700"):
    """Memory layer of geometry ``kind`` ("Point", "Polygon", ...) with one feature per WKT; ``fields``:
    ``[(name, type)]`` with type 'string' / 'double' / 'integer'; ``rows``: one attribute tuple per feature."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    spec = "".join(f"&field={n}:{t}" for n, t in fields)
    layer = QgsVectorLayer(f"{kind}?crs={crs}{spec}", name, "memory")
    feats = []
    for i, w in enumerate(wkts):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromWkt(w))
        if rows:
            f.setAttributes(list(rows[i]))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def point_wkt(x, y):
    return f"POINT({x} {y})"


def wkt_box(x0, y0, x1, y1):
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


def cell_xy(r, c, cell=CELL, origin=(X0, Y1)):
    """Centre of cell (row ``r``, column ``c``) of a grid with its top-left corner at ``origin``."""
    return origin[0] + (c + 0.5) * cell, origin[1] - (r + 0.5) * cell


def point_layer(xy, field="name", prefix="site", crs="EPSG:27700", name="sites"):
    """Memory point layer, one feature per ``(x, y)``, with a string ``field`` holding ``prefix`` + its index."""
    xy = list(xy)
    return memory_layer("Point", [point_wkt(x, y) for x, y in xy], [(field, "string")],
                        [(f"{prefix}{i}",) for i in range(len(xy))], name, crs)


def cell_box(r0, c0, nr, nc, cell=CELL, origin=(X0, Y1)):
    """WKT of the block of ``nr`` x ``nc`` cells whose top-left cell is (``r0``, ``c0``) (clockwise from its
    top-left corner)."""
    x0, y1 = origin[0] + c0 * cell, origin[1] - r0 * cell
    x1, y0 = x0 + nc * cell, y1 - nr * cell
    return f"POLYGON(({x0} {y1}, {x1} {y1}, {x1} {y0}, {x0} {y0}, {x0} {y1}))"
