"""drivetime:matrix -- Travel-time matrix between sites, collaboration bands and groups."""
import math

import numpy as np
from qgis.core import (NULL, QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsGeometry, QgsPointXY, QgsProcessing,
                       QgsProcessingException, QgsProcessingMultiStepFeedback, QgsProcessingOutputNumber,
                       QgsProcessingOutputString, QgsProcessingParameterBoolean, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterField,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterDestination, QgsProcessingParameterString, QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant

from . import qgis_io, styling
from .base import AlgorithmBase, fmt_num, progress_callback, tr
from .dask_settings import dask_runner
from .inputs import BreaksInput, NetworkInput, SitesInput, SpeedInput

DEFAULT_BANDS = "30,45,60"
LINKAGE_CHOICES = ["complete", "average", "single"]
LABEL_SEPARATOR = ";"
NODATA_GAP = -9999.0


def default_band_labels():
    """The four collaboration-band labels of the local plan (for the default breaks 30, 45, 60)."""
    return [tr("30 minutes or less \u2014 potential for collaboration (travel time not a barrier)"),
            tr("30\u201345 minutes \u2014 potential for collaboration of tertiary services"),
            tr("45\u201360 minutes \u2014 potential for collaboration"),
            tr("over 60 minutes \u2014 limited potential for collaboration")]


def auto_band_labels(bands):
    """Plain labels for custom breaks: 'up to 20 min', '20–40 min', 'over 40 min'."""
    return styling.band_labels(bands) + [styling.beyond_label(bands)]


def _tag(v):
    """Break value for a field name: 30 -> '30', 7.5 -> '7_5'."""
    return fmt_num(v).replace(".", "_").replace("-", "m")


def band_count_fields(bands):
    """Field names of the per-band partner counts: n_le30, n_30_45, n_45_60, n_gt60."""
    names = [f"n_le{_tag(bands[0])}"]
    names += [f"n_{_tag(a)}_{_tag(b)}" for a, b in zip(bands[:-1], bands[1:])]
    names.append(f"n_gt{_tag(bands[-1])}")
    return names


def _is_null(v):
    return v is None or v == NULL or (isinstance(v, QVariant) and v.isNull())


def _num(v, digits=None):
    """float or None (NULL) for non-finite values."""
    if v is None or not math.isfinite(float(v)):
        return None
    return round(float(v), digits) if digits is not None else float(v)


class MatrixAlgorithm(SpeedInput, SitesInput, NetworkInput, BreaksInput, AlgorithmBase):
    NAME = "matrix"
    REQUIRES = ("numpy", "numba", "rasterio", "scipy")

    SITE_ID_FIELD = "SITE_ID_FIELD"
    SITE_NAME_FIELD = "SITE_NAME_FIELD"
    BANDS = "BANDS"
    BAND_LABELS = "BAND_LABELS"
    SYMMETRIC = "SYMMETRIC"
    CLUSTER_LINKAGE = "CLUSTER_LINKAGE"
    CLUSTER_THRESHOLD = "CLUSTER_THRESHOLD"
    CLUSTER_COUNT = "CLUSTER_COUNT"
    ZONES_MODE = "ZONES_MODE"
    OUTPUT = "OUTPUT"
    OUTPUT_LINES = "OUTPUT_LINES"
    OUTPUT_SITES = "OUTPUT_SITES"
    OUTPUT_MATRIX = "OUTPUT_MATRIX"
    OUTPUT_ZONES = "OUTPUT_ZONES"

    def displayName(self):  # noqa: N802
        return self.tr("Travel-time matrix between sites")

    def zones_modes(self):
        return [self.tr("Number of sites within each band break (one raster band per break)"),
                self.tr("Second-nearest minus nearest site time (minutes)")]

    def help_map(self):
        return {
            "": self.tr(
                "Computes the drive time between every pair of sites over a speed surface (one search per site "
                "that stops once every other site is reached, several sites at a time on all cores) and reads "
                "it against collaboration bands: by default 30 minutes or less, 30–45, 45–60 and over 60 "
                "minutes (a time of exactly 30, 45 or 60 falls in the lower band). Writes the pair table, a map "
                "of lines between the sites styled by band, the sites with their nearest partner, counts per "
                "band and collaboration groups, optionally the wide matrix as CSV and a raster of shared "
                "catchments. Sites on impassable cells are snapped to the nearest passable cell."),
            self.SITES: self.tr("Sites (points, e.g. A&E departments), in any CRS; at least two. With 'Selected "
                                "features only', only the selected sites are used."),
            self.SITE_ID_FIELD: self.tr("Field with a unique id per site (e.g. site_code_2014). Empty = the "
                                        "feature id. Duplicate or empty ids are an error."),
            self.SITE_NAME_FIELD: self.tr("Field with the site name used in the tables, the CSV headers and "
                                          "messages (e.g. site_name). Empty = a text field called name or "
                                          "ending in name / nm if the sites have one, else the id."),
            self.BANDS: self.tr("Band breaks in minutes, comma-separated (default 30,45,60). Band 1 is the "
                                "closest; a time equal to a break falls in the lower band; one more band holds "
                                "the times beyond the last break."),
            self.BAND_LABELS: self.tr("Band labels separated by ';', one per band (number of breaks + 1). The "
                                      "default is the four collaboration bands of the local plan; with other "
                                      "breaks and these default labels, plain labels such as '20–40 min' are "
                                      "used."),
            self.SYMMETRIC: self.tr("One time per pair, the mean of both directions (the cell graph is "
                                    "symmetric, so the directions agree to rounding; each pair is searched once, "
                                    "which is faster). Unticked: every site searches to every other site and "
                                    "each direction is kept (row = from, column = to); groups then need both "
                                    "directions within the break, and the lines show the mean."),
            self.CLUSTER_LINKAGE: self.tr("Hierarchical clustering (SciPy) of the matrix for the 'cluster' "
                                          "field of the sites: complete linkage (every pair in a group within the "
                                          "threshold), average, or single linkage (same as the connected "
                                          "groups)."),
            self.CLUSTER_THRESHOLD: self.tr("Clustering threshold in minutes (a distance equal to it still "
                                            "merges). Empty = the last band break."),
            self.CLUSTER_COUNT: self.tr("Cut the clustering tree into this many groups instead of using the "
                                        "threshold. 0 = use the threshold."),
            self.ZONES_MODE: self.tr("What OUTPUT_ZONES holds: the number of sites within each band break (one "
                                     "raster band per break, e.g. band 1 = sites within 30 min), or the "
                                     "difference in minutes between the second-nearest and the nearest site "
                                     "(small = a shared catchment)."),
            self.OUTPUT: self.tr("Table without geometry, one row per ordered pair: from_id, from_name, to_id, "
                                 "to_name, minutes, band (1 = closest) and band_label; NULL minutes and band for "
                                 "unreachable pairs."),
            self.OUTPUT_LINES: self.tr("One straight line per pair of sites (from/to ids and names, minutes, band, "
                                       "band_label, straight-line km), styled by band: the closest band widest, "
                                       "darkest and on top. Labels with the minutes are set up but off."),
            self.OUTPUT_SITES: self.tr("The sites with: nearest partner and its time, number of partners in "
                                       "each band, mean time to the reachable others, the collaboration group at "
                                       "each band break (grp_30: connected groups of sites linked by times of 30 "
                                       "min or less), the hierarchical-clustering group (cluster) and the snapping "
                                       "distance. Other fields of the input follow."),
            self.OUTPUT_MATRIX: self.tr("Optional CSV in the wide layout (site names as rows and columns, row = "
                                        "from, column = to), minutes rounded to 0.1, blank where unreachable."),
            self.OUTPUT_ZONES: self.tr("Optional raster of shared catchments (see ZONES_MODE), on the speed "
                                       "surface's grid."),
            "PAIRS": self.tr("Number output: pairs of sites (each pair once)."),
            "PAIRS_UNREACHABLE": self.tr("Number output: pairs with no route between them."),
            "PAIRS_PER_BAND": self.tr("String output: pairs per collaboration band as JSON, keyed by the band's "
                                      "upper break in minutes, e.g. {\"30\": 4, \"45\": 2, \"60\": 1, "
                                      "\"beyond\": 3, \"unreachable\": 0}."),
            "MEDIAN_PAIR_MINUTES": self.tr("Number output: median travel time over the reachable pairs (minutes; "
                                           "the mean of both directions when SYMMETRIC)."),
            "SHORTEST_PAIR_MINUTES": self.tr("Number output: shortest pair travel time (minutes)."),
            "LONGEST_PAIR_MINUTES": self.tr("Number output: longest pair travel time over the reachable pairs "
                                            "(minutes)."),
            "EXAMPLE": "qgis_process run drivetime:matrix --SPEED=speed.tif "
                       "--SITES=sites.gpkg|layername=ae_sites --SITE_ID_FIELD=site_code_2014 "
                       "--SITE_NAME_FIELD=site_name --OUTPUT=pairs.gpkg --OUTPUT_LINES=lines.gpkg "
                       "--OUTPUT_MATRIX=matrix.csv",
        }

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_speed()
        self.add_sites()
        self.add(QgsProcessingParameterField(self.SITE_ID_FIELD, self.tr("Site id field"), None, self.SITES,
                                             QgsProcessingParameterField.Any, False, True))
        self.add(QgsProcessingParameterField(self.SITE_NAME_FIELD, self.tr("Site name field"), None, self.SITES,
                                             QgsProcessingParameterField.Any, False, True))
        self.add(QgsProcessingParameterString(self.BANDS, self.tr("Collaboration band breaks (minutes)"),
                                              DEFAULT_BANDS))
        self.add(QgsProcessingParameterString(self.BAND_LABELS, self.tr("Band labels (separated by ';')"),
                                              LABEL_SEPARATOR.join(default_band_labels()), optional=True))
        self.add(QgsProcessingParameterBoolean(self.SYMMETRIC, self.tr("Mean of both directions"), True))
        self.add_neighbours()
        self.add_snap_distance()
        self.add_sites_inside_only()
        self.add(QgsProcessingParameterEnum(self.CLUSTER_LINKAGE, self.tr("Clustering linkage"),
                                            LINKAGE_CHOICES, False, 0), advanced=True)
        self.add(QgsProcessingParameterNumber(self.CLUSTER_THRESHOLD, self.tr("Clustering threshold (minutes)"),
                                              QgsProcessingParameterNumber.Double, None, True, 0.0), advanced=True)
        self.add(QgsProcessingParameterNumber(self.CLUSTER_COUNT, self.tr("Number of clusters (0 = threshold)"),
                                              QgsProcessingParameterNumber.Integer, 0, True, 0), advanced=True)
        self.add(QgsProcessingParameterEnum(self.ZONES_MODE, self.tr("Shared-catchment raster holds"),
                                            self.zones_modes(), False, 0), advanced=True)
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Travel times (pairs)"),
                                                   QgsProcessing.TypeVector))
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT_LINES, self.tr("Collaboration lines"),
                                                   QgsProcessing.TypeVectorLine, optional=True,
                                                   createByDefault=True))
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT_SITES, self.tr("Sites with collaboration groups"),
                                                   QgsProcessing.TypeVectorPoint, optional=True,
                                                   createByDefault=True))
        self.add(QgsProcessingParameterFileDestination(self.OUTPUT_MATRIX, self.tr("Wide matrix (CSV)"),
                                                       self.tr("CSV files (*.csv)"), optional=True,
                                                       createByDefault=False))
        self.add(QgsProcessingParameterRasterDestination(self.OUTPUT_ZONES, self.tr("Shared catchments"),
                                                         optional=True, createByDefault=False))
        for key, desc in (("PAIRS", self.tr("Pairs")), ("PAIRS_UNREACHABLE", self.tr("Unreachable pairs")),
                          ("MEDIAN_PAIR_MINUTES", self.tr("Median pair time (minutes)")),
                          ("SHORTEST_PAIR_MINUTES", self.tr("Shortest pair time (minutes)")),
                          ("LONGEST_PAIR_MINUTES", self.tr("Longest pair time (minutes)"))):
            self.addOutput(QgsProcessingOutputNumber(key, desc))
        self.addOutput(QgsProcessingOutputString("PAIRS_PER_BAND", self.tr("Pairs per band (JSON)")))

    # -- parameters ---------------------------------------------------------------------------------------
    def _field(self, parameters, name, context, source):
        fields = self.parameterAsFields(parameters, name, context) if parameters.get(name) not in (None, "") else []
        if not fields:
            return None
        field = fields[0]
        if source.fields().lookupField(field) < 0:
            raise QgsProcessingException(self.tr(
                "{param}: the sites layer has no field '{field}'. Choose one of: {names}; or leave it empty.")
                .format(param=name, field=field, names=", ".join(source.fields().names())))
        return field

    def _bands_and_labels(self, parameters, context, feedback):
        from ..core.matrix import check_labels

        bands = self.read_breaks(parameters, self.BANDS, context, DEFAULT_BANDS)
        text = (self.parameterAsString(parameters, self.BAND_LABELS, context) or "").strip()
        defaults = default_band_labels()
        is_default_bands = bands == [30.0, 45.0, 60.0]
        if not text or text == LABEL_SEPARATOR.join(defaults):
            if is_default_bands:
                return bands, defaults
            labels = auto_band_labels(bands)
            if text:
                feedback.pushInfo(self.tr("BANDS differ from 30,45,60, so the default collaboration labels do "
                                          "not apply; using: {labels}").format(labels="; ".join(labels)))
            return bands, labels
        labels = [s.strip() for s in text.split(LABEL_SEPARATOR)]
        try:
            labels = check_labels(labels, bands)
        except ValueError:
            if len(labels) == len(bands) + 1:
                raise QgsProcessingException(self.tr(
                    "BAND_LABELS: a label is empty; give a text for every band, separated by ';'.")) from None
            raise QgsProcessingException(self.tr(
                "BAND_LABELS: give {n} labels separated by ';' (one per band: {k} breaks in BANDS plus the band "
                "beyond the last break); got {m}. Leave it empty for the default labels.")
                .format(n=len(bands) + 1, k=len(bands), m=len(labels))) from None
        return bands, labels

    def _read_sites(self, parameters, context, feedback, crs):
        source = self.parameterAsSource(parameters, self.SITES, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SITES))
        id_field = self._field(parameters, self.SITE_ID_FIELD, context, source)
        name_field = self._field(parameters, self.SITE_NAME_FIELD, context, source)
        if name_field is None:
            from .population import guess_name_field
            name_field = guess_name_field(source.fields())
            if name_field:
                feedback.pushInfo(self.tr("Sites are named by their field '{f}' (set SITE_NAME_FIELD to choose "
                                          "another).").format(f=name_field))
        in_fields = [f for f in source.fields() if f.name().lower() != "fid"
                     and f.name() not in (id_field, name_field)]
        wanted = [f for f in (id_field, name_field) if f] + [f.name() for f in in_fields]
        pts = self.read_site_points(parameters, self.SITES, context, crs, tuple(dict.fromkeys(wanted)), feedback)
        n = len(pts["fid"])
        if id_field:
            ids = list(pts["attrs"][id_field])
            empty = [int(pts["fid"][i]) for i, v in enumerate(ids) if _is_null(v) or str(v).strip() == ""]
            if empty:
                raise QgsProcessingException(self.tr(
                    "SITE_ID_FIELD: {n} site(s) have no value in '{field}' (feature ids {fids}). Fill them in, "
                    "choose another field, or leave SITE_ID_FIELD empty to use the feature ids.")
                    .format(n=len(empty), field=id_field, fids=", ".join(map(str, empty[:10]))))
            id_def = QgsField(source.fields().field(id_field))
        else:
            ids = [int(f) for f in pts["fid"]]
            id_def = QgsField("site_id", QVariant.LongLong)
        if name_field:
            names = [str(ids[i]) if _is_null(v) or str(v).strip() == "" else str(v)
                     for i, v in enumerate(pts["attrs"][name_field])]
        else:
            names = [str(v) for v in ids]
        if n < 2:
            raise QgsProcessingException(self.tr(
                "SITES: a travel-time matrix needs at least two sites; the layer (or its selection / filter) "
                "has {n}.").format(n=n))
        seen = {}
        for i, v in enumerate(ids):
            seen.setdefault(str(v), []).append(i)
        dups = {k: v for k, v in seen.items() if len(v) > 1}
        if dups:
            k, idx = next(iter(dups.items()))
            raise QgsProcessingException(self.tr(
                "SITE_ID_FIELD: the id '{id}' is used by {n} sites ({names}); {m} id(s) are duplicated. Choose a "
                "field with a unique value per site, or leave SITE_ID_FIELD empty to use the feature ids.")
                .format(id=k, n=len(idx), names=", ".join(names[i] for i in idx), m=len(dups)))
        return source, pts, ids, names, id_def, in_fields

    # -- run ----------------------------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        from ..core import matrix as mx
        from ..core.costdist import speed_to_friction

        want_zones = self.wants_output(parameters, self.OUTPUT_ZONES, context)
        steps = QgsProcessingMultiStepFeedback(4 if want_zones else 3, feedback)
        bands, labels = self._bands_and_labels(parameters, context, feedback)
        symmetric = self.parameterAsBoolean(parameters, self.SYMMETRIC, context)
        neighbours = self.read_neighbours(parameters, context)
        snap = self.read_snap_distance(parameters, context)
        inside_only = self.parameterAsBoolean(parameters, self.SITES_INSIDE_ONLY, context)
        linkage = LINKAGE_CHOICES[self.parameterAsEnum(parameters, self.CLUSTER_LINKAGE, context)]
        threshold = None
        if parameters.get(self.CLUSTER_THRESHOLD) not in (None, ""):
            threshold = self.parameterAsDouble(parameters, self.CLUSTER_THRESHOLD, context)
            if not threshold > 0:
                raise QgsProcessingException(self.tr("CLUSTER_THRESHOLD must be positive (minutes), or empty for "
                                                     "the last band break."))
        threshold = threshold or float(bands[-1])
        n_clusters = 0
        if parameters.get(self.CLUSTER_COUNT) not in (None, ""):
            n_clusters = self.parameterAsInt(parameters, self.CLUSTER_COUNT, context)
        zones_mode = self.parameterAsEnum(parameters, self.ZONES_MODE, context)

        layer, grid = self.read_speed(parameters, context, second=want_zones and zones_mode != 0)
        fixed = qgis_io.read_fixed_minutes(layer, self.SPEED, feedback)
        speed = grid.array
        crs = layer.crs()
        spec = grid.spec
        source, pts, ids, names, id_def, in_fields = self._read_sites(parameters, context, feedback, crs)
        friction = speed_to_friction(speed)
        del speed, grid
        keep = self.place_sites(pts, self.SITES, spec, friction, snap, feedback, labels=names,
                                inside_only=inside_only)
        ids = [v for v, k in zip(ids, keep) if k]
        names = pts["names"]
        if len(ids) < 2:
            raise QgsProcessingException(self.tr(
                "SITES: a travel-time matrix needs at least two sites; only {n} lie inside the speed raster.")
                .format(n=len(ids)))
        rows, cols, snap_m = pts["rows"], pts["cols"], pts["snap_m"]
        n = len(ids)
        feedback.pushInfo(self.tr("{n} sites, {p} pairs, on a {r} x {c} grid of {s:g} m cells, {k} neighbours.")
                          .format(n=n, p=n * (n - 1) // 2, r=spec.rows, c=spec.cols, s=spec.cell_size,
                                  k=neighbours))

        # 1. the matrix (every journey between two different sites starts with the calibrated fixed time), and
        # from the same searches the counts of sites within each band break of every cell (OUTPUT_ZONES)
        steps.setCurrentStep(1)
        counts = None
        with dask_runner(feedback) as runner:  # DRIVETIME_DASK: each search a Dask task (same matrix)
            m = mx.site_matrix(friction, spec.cell_size, np.column_stack([rows, cols]), neighbours=neighbours,
                               symmetric=symmetric, progress=progress_callback(steps), runner=runner, offset=fixed,
                               reach_breaks=bands if want_zones and zones_mode == 0 else None)
        if isinstance(m, tuple):
            m, counts = m
        if feedback.isCanceled():
            return {}
        msym = mx.symmetrise(m)

        # 2. tables, groups, layers
        steps.setCurrentStep(2)
        stats = mx.site_stats(m, bands)
        groups = mx.components_at_breaks(m, bands)
        clusters = mx.hierarchical_clusters(m, threshold=threshold, n_clusters=n_clusters or None, linkage=linkage)
        results = self._report(feedback, msym, bands, labels, names)
        results.update(self._pairs(parameters, context, m, bands, labels, ids, names, id_def, crs))
        if self.wants_output(parameters, self.OUTPUT_LINES, context):
            results.update(self._lines(parameters, context, feedback, m, msym, symmetric, bands, labels, ids, names,
                                       id_def, pts, crs))
        if self.wants_output(parameters, self.OUTPUT_SITES, context):
            results.update(self._sites(parameters, context, feedback, stats, groups, clusters, bands, ids, names,
                                       id_def, pts, in_fields, snap_m, crs))
        if self.wants_output(parameters, self.OUTPUT_MATRIX, context):
            path = self.parameterAsFileOutput(parameters, self.OUTPUT_MATRIX, context)
            mx.write_wide_csv(path, m, names, decimals=1, corner=self.tr("from \\ to (minutes)"))
            results[self.OUTPUT_MATRIX] = path
        if feedback.isCanceled():
            return {}

        # 3. shared catchments
        if want_zones:
            steps.setCurrentStep(3)
            results.update(self._zones(parameters, context, feedback, steps, friction, spec, crs, rows, cols, bands,
                                       neighbours, counts))
        steps.setProgress(100)
        return results

    def _report(self, feedback, msym, bands, labels, names):
        from ..core.matrix import band_of, pair_table

        _i, _j, v = pair_table(msym, ordered=False)
        band = band_of(v, bands)
        for k, lab in enumerate(labels):
            feedback.pushInfo(self.tr("Band {k} ({label}): {n} pairs").format(k=k + 1, label=lab,
                                                                             n=int((band == k + 1).sum())))
        if (band == 0).any():
            feedback.pushInfo(self.tr("Unreachable: {n} pairs").format(n=int((band == 0).sum())))
        fin = np.isfinite(v)
        if fin.any():
            feedback.pushInfo(self.tr("Pair times: shortest {a:.1f} min, median {b:.1f} min, longest {c:.1f} min.")
                              .format(a=float(v[fin].min()), b=float(np.median(v[fin])), c=float(v[fin].max())))
        # the same figures as outputs (the pairs of the symmetrised matrix, as logged)
        import json

        per_band = {fmt_num(b): int((band == k + 1).sum()) for k, b in enumerate(bands)}
        per_band["beyond"] = int((band == len(bands) + 1).sum())
        per_band["unreachable"] = int((band == 0).sum())
        nan = float("nan")
        return {"PAIRS": int(len(v)), "PAIRS_UNREACHABLE": int((~fin).sum()),
                "PAIRS_PER_BAND": json.dumps(per_band),
                "MEDIAN_PAIR_MINUTES": float(np.median(v[fin])) if fin.any() else nan,
                "SHORTEST_PAIR_MINUTES": float(v[fin].min()) if fin.any() else nan,
                "LONGEST_PAIR_MINUTES": float(v[fin].max()) if fin.any() else nan}

    def _sink(self, parameters, name, context, fields, wkb, crs):
        sink, dest = self.parameterAsSink(parameters, name, context, fields, wkb, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        return sink, dest

    @staticmethod
    def _id_field(id_def, name):
        f = QgsField(id_def)
        f.setName(name)
        return f

    def _pairs(self, parameters, context, m, bands, labels, ids, names, id_def, crs):
        from ..core.matrix import band_of, pair_table

        fields = QgsFields()
        fields.append(self._id_field(id_def, "from_id"))
        fields.append(QgsField("from_name", QVariant.String))
        fields.append(self._id_field(id_def, "to_id"))
        fields.append(QgsField("to_name", QVariant.String))
        fields.append(QgsField("minutes", QVariant.Double))
        fields.append(QgsField("band", QVariant.Int))
        fields.append(QgsField("band_label", QVariant.String))
        sink, dest = self._sink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.NoGeometry, crs)
        i, j, v = pair_table(m, ordered=True)
        band = band_of(v, bands)
        for a, b, t, k in zip(i.tolist(), j.tolist(), v.tolist(), band.tolist()):
            f = QgsFeature(fields)
            f.setAttributes([ids[a], names[a], ids[b], names[b], _num(t), k or None, labels[k - 1] if k else None])
            sink.addFeature(f, QgsFeatureSink.FastInsert)
        sink.flushBuffer()
        del sink
        styling.style_on_load(context, dest, lambda lyr: None, self.tr("Travel times between sites"))
        return {self.OUTPUT: dest}

    def _lines(self, parameters, context, feedback, m, msym, symmetric, bands, labels, ids, names, id_def, pts, crs):
        from ..core.matrix import band_of, pair_table

        fields = QgsFields()
        fields.append(self._id_field(id_def, "from_id"))
        fields.append(QgsField("from_name", QVariant.String))
        fields.append(self._id_field(id_def, "to_id"))
        fields.append(QgsField("to_name", QVariant.String))
        fields.append(QgsField("minutes", QVariant.Double))
        fields.append(QgsField("band", QVariant.Int))
        fields.append(QgsField("band_label", QVariant.String))
        fields.append(QgsField("line_km", QVariant.Double))
        if not symmetric:
            fields.append(QgsField("min_there", QVariant.Double))
            fields.append(QgsField("min_back", QVariant.Double))
        sink, dest = self._sink(parameters, self.OUTPUT_LINES, context, fields, QgsWkbTypes.LineString, crs)
        i, j, v = pair_table(msym, ordered=False)
        band = band_of(v, bands)
        # closest band last, so it is also drawn last by renderers without symbol levels
        order = np.lexsort((np.arange(len(v)), np.where(band == 0, -99, -band)))
        x, y = pts["x"], pts["y"]
        for p in order.tolist():
            a, b, t, k = int(i[p]), int(j[p]), float(v[p]), int(band[p])
            f = QgsFeature(fields)
            f.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(x[a], y[a]), QgsPointXY(x[b], y[b])]))
            attrs = [ids[a], names[a], ids[b], names[b], _num(t), k or None, labels[k - 1] if k else None,
                     round(float(math.hypot(x[b] - x[a], y[b] - y[a])) / 1000.0, 3)]
            if not symmetric:
                attrs += [_num(m[a, b]), _num(m[b, a])]
            f.setAttributes(attrs)
            sink.addFeature(f, QgsFeatureSink.FastInsert)
        sink.flushBuffer()
        del sink
        styling.style_output(context, dest, lambda lyr: styling.style_collaboration_lines(lyr, bands, labels),
                             "LineString", self.tr("Collaboration bands"), feedback, crs, fields)
        return {self.OUTPUT_LINES: dest}

    def _sites(self, parameters, context, feedback, stats, groups, clusters, bands, ids, names, id_def, pts,
               in_fields, snap_m, crs):
        fields = QgsFields()
        fields.append(self._id_field(id_def, "site_id"))
        fields.append(QgsField("site_name", QVariant.String))
        fields.append(self._id_field(id_def, "nearest_id"))
        fields.append(QgsField("nearest_name", QVariant.String))
        fields.append(QgsField("nearest_min", QVariant.Double))
        fields.append(QgsField("mean_min", QVariant.Double))
        for name in band_count_fields(bands):
            fields.append(QgsField(name, QVariant.Int))
        fields.append(QgsField("n_unreach", QVariant.Int))
        for b in bands:
            fields.append(QgsField(f"grp_{_tag(b)}", QVariant.Int))
        fields.append(QgsField("cluster", QVariant.Int))
        fields.append(QgsField("snap_m", QVariant.Double))
        ours = set(fields.names())
        in_names = []
        for fd in in_fields:
            out = QgsField(fd)
            name = fd.name()
            while name in ours:
                name += "_2"
            out.setName(name)
            ours.add(name)
            fields.append(out)
            in_names.append(fd.name())
        sink, dest = self._sink(parameters, self.OUTPUT_SITES, context, fields, QgsWkbTypes.Point, crs)
        for s in range(len(ids)):
            f = QgsFeature(fields)
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(pts["x"][s], pts["y"][s])))
            k = int(stats["nearest"][s])
            attrs = [ids[s], names[s], ids[k] if k >= 0 else None, names[k] if k >= 0 else None,
                     _num(stats["nearest_min"][s]), _num(stats["mean_min"][s])]
            attrs += [int(c) for c in stats["counts"][s]]
            attrs.append(int(stats["unreachable"][s]))
            attrs += [int(g) for g in groups[s]]
            attrs.append(int(clusters[s]))
            attrs.append(round(float(snap_m[s]), 1))
            attrs += [pts["attrs"][nm][s] for nm in in_names]
            f.setAttributes(attrs)
            sink.addFeature(f, QgsFeatureSink.FastInsert)
        sink.flushBuffer()
        del sink
        cl = [int(c) for c in clusters]
        styling.style_output(context, dest, lambda lyr: styling.style_collaboration_sites(lyr, cl), "Point",
                             self.tr("Sites and collaboration groups"), feedback, crs, fields)
        n_groups = len(set(cl))
        feedback.pushInfo(self.tr("Hierarchical clustering ({linkage}): {g} group(s).").format(
            linkage=LINKAGE_CHOICES[self.parameterAsEnum(parameters, self.CLUSTER_LINKAGE, context)], g=n_groups))
        for k, b in enumerate(bands):
            feedback.pushInfo(self.tr("Connected groups within {b} min: {g}").format(
                b=fmt_num(b), g=len(set(groups[:, k].tolist()))))
        return {self.OUTPUT_SITES: dest}

    def _zones(self, parameters, context, feedback, steps, friction, spec, crs, rows, cols, bands, neighbours, counts):
        """OUTPUT_ZONES: ``counts`` (sites within each break, made with the matrix) or, without them, the gap
        between the nearest and second-nearest site."""
        from ..core import matrix as mx

        out = self.parameterAsOutputLayer(parameters, self.OUTPUT_ZONES, context)
        src = np.column_stack([rows, cols])
        if counts is not None:
            desc = [self.tr("sites within {b} min").format(b=fmt_num(b)) for b in bands]
            qgis_io.write_raster(out, counts, spec, crs, dtype="uint16", descriptions=desc)
            apply = lambda lyr: styling.style_reach_counts(lyr, bands[0])  # noqa: E731
            shared = int((counts[0] >= 2).sum())
            feedback.pushInfo(self.tr("Cells within {b} min of two or more sites: {n} ({km:.1f} km²).").format(
                b=fmt_num(bands[0]), n=shared, km=shared * spec.cell_size ** 2 / 1e6))
        else:
            gap = mx.second_nearest_gap(friction, spec.cell_size, src, neighbours=neighbours,
                                        progress=progress_callback(steps))
            qgis_io.write_raster(out, np.where(np.isfinite(gap), gap, NODATA_GAP).astype(np.float32), spec, crs,
                                 nodata=NODATA_GAP)
            apply = styling.style_second_gap
        styling.style_output(context, out, apply, "raster", self.tr("Shared catchments"), feedback)
        return {self.OUTPUT_ZONES: out}
