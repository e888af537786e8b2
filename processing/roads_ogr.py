"""Roads as an OGR layer for the speed surface: GDAL reads, orders and burns them, no Python object per feature.

Two ways to the OGR layer, the same features as ``QgsFeatureSource.getFeatures`` gives (reprojected, inside the
extent, honouring selections, subsets and filters):

* **direct**: a GeoPackage layer already in the target CRS, read whole (no selection, feature limit, pending
  edits or ``SELECT`` subset): the file is opened read-only and queried in place (the layer's subset string is
  an SQLite ``WHERE`` clause there too). The extent keeps the roads that intersect it, as QGIS's ``filterRect``
  through its OGR provider: those whose envelope lies inside it (SQL), and of those whose envelope crosses its
  edge (few) the ones OGR's exact test (GEOS) keeps;
* **copy**: anything else (memory layers, selections, other formats, reprojection): QGIS materialises the
  source with the usual request (destination CRS, extent, the class field) and writes it, in C++, to a
  GeoPackage in GDAL's in-memory file system (``/vsimem/``), queried the same way.

Either way one SQL statement gives every road with a speed, slowest first (``CASE`` over the class values found,
``ORDER BY`` speed), and GDAL burns it with the last-wins rule, so the fastest road wins a shared cell.
Curved geometries (GDAL would linearise arcs differently from QGIS) and class values that are neither text nor
numbers go the per-feature way (:func:`qgis_io.read_geometries`); :func:`open_roads` returns None for them.
"""
import uuid
from collections import Counter

import numpy as np
from qgis.core import (QgsFeatureRequest, QgsProcessingFeatureSourceDefinition, QgsProviderRegistry,
                       QgsVectorFileWriter, QgsWkbTypes)

from ..core.speeds import lookup


def _quote_ident(name):
    return '"' + str(name).replace('"', '""') + '"'


def _literal(value):
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, (int, float)) and not isinstance(value, bool) and np.isfinite(value):
        return repr(value)
    return None


class OgrRoads:
    """An OGR road layer in the target CRS, queried with SQLite (GeoPackage), inside an optional extent. Use as
    a context manager (closes the data set and frees a ``/vsimem/`` copy)."""

    def __init__(self, path, layer_name, class_field, where=None, rect=None, temp=False, how="direct"):
        from osgeo import gdal, ogr

        self.path, self.temp, self.how = path, temp, how
        self.ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
        if self.ds is None:
            raise RuntimeError(f"GDAL cannot open {path}")
        self._results = []
        self._strips = []  # (data set, layer) of speed_strips: a connection each
        layer = self.ds.GetLayerByName(layer_name) if layer_name is not None else self.ds.GetLayer(0)
        if layer is None:
            raise RuntimeError(f"no layer {layer_name} in {path}")
        self.table = layer.GetName()
        self.geom = layer.GetGeometryColumn() or "geom"
        defn = layer.GetLayerDefn()
        names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
        self.field = class_field if class_field in names else (names[0] if temp and names else class_field)
        self.fid = layer.GetFIDColumn() or "rowid"
        g = _quote_ident(self.geom)
        self.where = [f"{g} IS NOT NULL", f"NOT ST_IsEmpty({g})"] + ([f"({where})"] if where else [])
        self.rect = rect
        self.rect_where = []  # the extent test in SQL, once class_counts() has made it
        self.filter = None
        self.rtree = None
        if rect is not None:
            rtree = f"rtree_{self.table}_{self.geom}"
            lyr = self._sql(f"SELECT name FROM sqlite_master WHERE type = 'table' AND name = {_literal(rtree)}")
            self.rtree = rtree if lyr.GetNextFeature() is not None else None
            self._release(lyr)
            ring = ogr.Geometry(ogr.wkbLinearRing)
            for x, y in ((rect.xMinimum(), rect.yMinimum()), (rect.xMaximum(), rect.yMinimum()),
                         (rect.xMaximum(), rect.yMaximum()), (rect.xMinimum(), rect.yMaximum()),
                         (rect.xMinimum(), rect.yMinimum())):
                ring.AddPoint_2D(x, y)
            self.filter = ogr.Geometry(ogr.wkbPolygon)
            self.filter.AddGeometry(ring)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        from osgeo import gdal

        for lyr in self._results:
            self.ds.ReleaseResultSet(lyr)
        self._results = []
        for ds, lyr in self._strips:
            ds.ReleaseResultSet(lyr)
        self._strips = []
        self.ds = None
        if self.temp:
            gdal.Unlink(self.path)
            self.temp = False

    def _sql(self, sql):
        lyr = self.ds.ExecuteSQL(sql)
        if lyr is None:
            from osgeo import gdal

            raise RuntimeError(f"GDAL could not run {sql!r}: {gdal.GetLastErrorMsg()}")
        self._results.append(lyr)
        return lyr

    def _release(self, lyr):
        self._results.remove(lyr)
        self.ds.ReleaseResultSet(lyr)

    def _where(self, *extra):
        return " AND ".join(self.where + list(extra))

    def _rect_sql(self, inside):
        """SQL: the road's envelope intersects (``inside=False``) or lies inside the extent."""
        r, g = self.rect, _quote_ident(self.geom)
        x0, y0, x1, y1 = (repr(float(v)) for v in (r.xMinimum(), r.yMinimum(), r.xMaximum(), r.yMaximum()))
        if inside:
            return f"ST_MinX({g}) >= {x0} AND ST_MaxX({g}) <= {x1} AND ST_MinY({g}) >= {y0} AND ST_MaxY({g}) <= {y1}"
        return f"ST_MaxX({g}) >= {x0} AND ST_MinX({g}) <= {x1} AND ST_MaxY({g}) >= {y0} AND ST_MinY({g}) <= {y1}"

    def class_counts(self):
        """Counter {class value: number of roads} over the roads with a geometry inside the extent: the roads
        whose envelope lies inside it, and of those whose envelope crosses its edge (few) the ones that
        intersect it (OGR's exact test: what QGIS's ``filterRect`` gives through its OGR provider). Fixes the
        roads :meth:`speed_layer` gives."""
        f, t = _quote_ident(self.field), _quote_ident(self.table)
        if self.rect is not None and self.rtree:
            return self._class_counts_rtree()
        counts = Counter()
        inside = self._rect_sql(True) if self.rect is not None else "1"
        lyr = self._sql(f"SELECT {f} AS v, COUNT(*) AS n FROM {t} WHERE {self._where(inside)} GROUP BY {f}")
        for feat in lyr:
            counts[feat.GetField(0)] += feat.GetField(1)
        self._release(lyr)
        if self.rect is None:
            return counts
        fid, g = _quote_ident(self.fid), _quote_ident(self.geom)
        # (the FID column selected is the features' FID, not a field)
        lyr = self._sql(f"SELECT {fid}, {g}, {f} AS v FROM {t} WHERE "
                        f"{self._where(self._rect_sql(False), f'NOT ({inside})')}")
        passed = []
        for feat in lyr:
            geom = feat.GetGeometryRef()
            if geom is not None and geom.Intersects(self.filter):
                passed.append(feat.GetFID())
                counts[feat.GetField(0)] += 1
        self._release(lyr)
        either = f"({inside})" if not passed else \
            f"(({inside}) OR {fid} IN ({', '.join(str(int(i)) for i in passed)}))"
        self.rect_where = [either]
        self.rect = None  # from now on in the SQL
        return counts

    def _class_counts_rtree(self):
        """:meth:`class_counts` with the GeoPackage's R-tree (bounds rounded outwards to float32): roads whose
        R-tree box lies outside the extent are out, inside it in (SQL, no geometry read); those whose box
        crosses an edge of the extent (few) get OGR's exact test."""
        f, t, fid, g = (_quote_ident(v) for v in (self.field, self.table, self.fid, self.geom))
        r, rt = self.rect, _quote_ident(self.rtree)
        x0, y0, x1, y1 = (repr(float(v)) for v in (r.xMinimum(), r.yMinimum(), r.xMaximum(), r.yMaximum()))
        box = f"maxx >= {x0} AND minx <= {x1} AND maxy >= {y0} AND miny <= {y1}"
        # one R-tree query per edge (an OR would scan the whole tree)
        outside = " UNION ".join(f"SELECT id FROM {rt} WHERE {c}" for c in (
            f"maxx < {x0}", f"minx > {x1}", f"maxy < {y0}", f"miny > {y1}"))
        edge = " UNION ".join(f"SELECT id FROM {rt} WHERE {c} AND {box}" for c in (
            f"minx < {x0}", f"maxx > {x1}", f"miny < {y0}", f"maxy > {y1}"))
        counts = Counter()
        lyr = self._sql(f"SELECT {f} AS v, COUNT(*) AS n FROM {t} WHERE "
                        f"{self._where(f'NOT {fid} IN ({outside})', f'NOT {fid} IN ({edge})')} GROUP BY {f}")
        for feat in lyr:
            counts[feat.GetField(0)] += feat.GetField(1)
        self._release(lyr)
        # (the FID column selected is the features' FID, not a field)
        lyr = self._sql(f"SELECT {fid}, {g}, {f} AS v FROM {t} WHERE {self._where(f'{fid} IN ({edge})')}")
        failed = []
        for feat in lyr:
            geom = feat.GetGeometryRef()
            if geom is not None and geom.Intersects(self.filter):
                counts[feat.GetField(0)] += 1
            else:
                failed.append(feat.GetFID())
        self._release(lyr)
        self.rect_where = [f"NOT {fid} IN ({outside})"]
        if failed:
            self.rect_where.append(f"NOT {fid} IN ({', '.join(str(int(i)) for i in failed)})")
        self.rect = None  # from now on in the SQL
        return counts

    def extent(self):
        """(xmin, ymin, xmax, ymax) of the roads with a geometry (inside the extent when given), None if none."""
        g, t = _quote_ident(self.geom), _quote_ident(self.table)
        lyr = self._sql(f"SELECT MIN(ST_MinX({g})), MIN(ST_MinY({g})), MAX(ST_MaxX({g})), MAX(ST_MaxY({g})) "
                        f"FROM {t} WHERE {self._where()}")
        feat = lyr.GetNextFeature()
        vals = [feat.GetField(i) for i in range(4)] if feat is not None else [None] * 4
        self._release(lyr)
        return None if any(v is None for v in vals) else tuple(float(v) for v in vals)

    def speed_layer(self, speed_of, grid_is_extent=False):
        """OGR layer of the roads whose class has a speed (``speed_of``: {class value: km/h > 0}), slowest
        first, the speed in field ``speed``; None when no class has one. Valid until :meth:`close`.
        ``grid_is_extent``: the grid covers exactly the extent, so a road outside it touches no cell and the
        extent test can be left out (the same cells, 0.1-0.2 s less on 324k roads)."""
        sql = self._speed_sql(speed_of, grid_is_extent)
        return None if sql is None else self._sql(sql)

    def _speed_sql(self, speed_of, grid_is_extent, *extra):
        items = [(lit, s) for lit, s in ((_literal(v), s) for v, s in speed_of.items()) if lit is not None]
        if not items:
            return None
        assert self.rect is None, "class_counts() first: it puts the extent into the SQL"
        extent = [] if grid_is_extent else self.rect_where
        f, g, t = _quote_ident(self.field), _quote_ident(self.geom), _quote_ident(self.table)
        case = " ".join(f"WHEN {lit} THEN {float(s)!r}" for lit, s in items)
        inlist = ", ".join(lit for lit, _ in items)
        return (f"SELECT {g}, CASE {f} {case} END AS speed FROM {t} "
                f"WHERE {self._where(f'{f} IN ({inlist})', *extent, *extra)} ORDER BY speed")

    def speed_strips(self, speed_of, spec, rows, grid_is_extent=False):
        """:meth:`speed_layer` in row strips of the grid ``spec`` (``rows``: ``[(r0, r1), ...]``) for
        :func:`..core.rasterize.burn_layer_max`: ``[(layer, r0, r1), ...]``, each layer the roads whose envelope
        comes within a cell of the strip (so every road that touches its rows), each from its own connection to
        the data (they are read at once, on threads). One strip: :meth:`speed_layer` itself. Valid until
        :meth:`close`."""
        from osgeo import gdal

        if len(rows) < 2:
            lyr = self.speed_layer(speed_of, grid_is_extent)
            return None if lyr is None else [(lyr, 0, spec.rows)]
        g, cs = _quote_ident(self.geom), float(spec.cell_size)
        out = []
        for r0, r1 in rows:
            top, bottom = spec.y_max - r0 * cs + cs, spec.y_max - r1 * cs - cs
            sql = self._speed_sql(speed_of, grid_is_extent, f"ST_MaxY({g}) >= {bottom!r}", f"ST_MinY({g}) <= {top!r}")
            if sql is None:
                return None
            ds = gdal.OpenEx(self.path, gdal.OF_VECTOR | gdal.OF_READONLY)
            if ds is None:
                raise RuntimeError(f"GDAL cannot open {self.path}")
            lyr = ds.ExecuteSQL(sql)
            if lyr is None:
                raise RuntimeError(f"GDAL could not run {sql!r}: {gdal.GetLastErrorMsg()}")
            self._strips.append((ds, lyr))
            out.append((lyr, r0, r1))
        return out


def road_speeds(counts, table):
    """Class value -> km/h for the values found (``counts``), NaN where the table has no speed."""
    values = list(counts)
    return dict(zip(values, lookup(values, table)))


def _direct(alg, parameters, param, source, crs, context):
    """(path, layer name, subset) for reading the roads' GeoPackage in place; None when it cannot be."""
    value = parameters.get(param)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit != -1 or \
                value.flags & QgsProcessingFeatureSourceDefinition.FlagOverrideDefaultGeometryCheck:
            return None
    layer = alg.parameterAsVectorLayer(parameters, param, context)
    if layer is None or layer.providerType() != "ogr" or layer.isEditable() or layer.isModified():
        return None
    if layer.dataProvider().storageType() != "GPKG" or layer.crs() != crs or source.sourceCrs() != crs:
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    if parts.get("geometryType") or parts.get("uniqueGeometryType"):
        return None
    path = parts.get("path")
    name = parts.get("layerName")
    if not path or (not name and parts.get("layerId") not in (None, 0)):
        return None
    subset = (layer.subsetString() or "").strip()
    if subset.lower().startswith("select"):
        return None
    return path, name or None, subset or None


def open_roads(alg, parameters, param, source, crs, context, class_field, rect, feedback=None):
    """The roads as :class:`OgrRoads` (in ``crs``, inside ``rect`` when given), or None where they must go the
    per-feature way (curved geometries)."""
    from osgeo import gdal

    if QgsWkbTypes.isCurvedType(source.wkbType()):
        return None
    direct = _direct(alg, parameters, param, source, crs, context)
    if direct is not None:
        path, name, subset = direct
        return OgrRoads(path, name, class_field, subset, rect, how="direct")
    # copy: QGIS reads the source (selection, subset, filters, reprojection, extent), GDAL keeps it in memory
    req = QgsFeatureRequest()
    req.setDestinationCrs(crs, context.transformContext())
    req.setSubsetOfAttributes([class_field], source.fields())
    if rect is not None:
        req.setFilterRect(rect)
    mem = source.materialize(req, feedback)
    if feedback is not None and feedback.isCanceled():
        return None
    path = f"/vsimem/drivetime_roads_{uuid.uuid4().hex}.gpkg"
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    opts.layerName = "roads"
    opts.attributes = [mem.fields().lookupField(class_field)]
    opts.layerOptions = ["SPATIAL_INDEX=NO"]
    err = QgsVectorFileWriter.writeAsVectorFormatV3(mem, path, context.transformContext(), opts)
    del mem
    if err[0] != QgsVectorFileWriter.NoError:
        gdal.Unlink(path)
        raise RuntimeError(f"could not copy the roads into memory: {err[1]}")
    return OgrRoads(path, "roads", class_field, None, None, temp=True, how="copy")
