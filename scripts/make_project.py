"""Build the sample QGIS project from the demo outputs: demo_output/drivetime_equity_demo.qgz.

Loads every result that exists in the output folder (rasters, GeoPackages, GeoJSON, CSV tables), each with the
``.qml`` style the algorithms wrote beside it, adds the A&E sites and the sub-ICB boundaries of the sample data
as context (styled here), a print layout "Consultation map" built with the plugin's own layout code, and a
short population summary (``consultation_summary.txt``, from the coverage step's study-area row) for the map's
notes box.

The project is self-contained: the two context layers are copied (just the features it shows) into
``sample_context.gpkg`` inside the output folder and every layer is stored by a path relative to the project,
so the folder can be moved, zipped or sent on and every layer still opens.

Usage (``make demo`` runs it through scripts/demo_90_consultation.sh)::

    /usr/bin/python3 -P scripts/make_project.py --out demo_output --data ../shared/data
"""
import argparse
import glob
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGINS = os.path.join(ROOT, ".build", "plugins")
PROJECT_NAME = "drivetime_equity_demo.qgz"
CONTEXT_NAME = "sample_context.gpkg"  # the sample layers the project shows, copied beside it
SUMMARY_NAME = "consultation_summary.txt"
TITLE = "How long does it take to reach A&E?"
SUBTITLE = ("Modelled ambulance drive times to the nearest type-1 A&E department, Buckinghamshire, Oxfordshire "
            "and Berkshire West")
BAND_SUMMARY = (15, 20, 30)
# Sites used by demo_20_drivetime.sh: type-1 A&E departments inside the speed surface.
SITES_SUBSET = ("ed_type1_curated = 1 AND bng_e > 396500 AND bng_e < 518500 AND bng_n > 141500 AND "
                "bng_n < 268500")
SUB_ICB_NAMES = {"10Q": "Oxfordshire", "14Y": "Buckinghamshire", "15A": "Berkshire West"}
# Layer names of the context layers (demo_90 refers to them by name).
SITES_NAME = "A&E departments (type 1)"
AREAS_NAME = "Local NHS areas (sub-ICB)"
RESULT_EXTENSIONS = (".tif", ".gpkg", ".geojson", ".shp", ".csv")
# layer names for the demo's own file names that the layout code cannot know ("Ae matrix" otherwise)
DEMO_NAMES = {
    "ae_collaboration_lines": "A&E collaboration lines", "ae_collaboration_sites": "A&E sites by collaboration group",
    "ae_matrix": "A&E drive-time matrix (table)", "ae_matrix_pairs": "A&E site pairs (table)",
    "ae_sites_within_bands": "A&E sites within each band", "coverage_districts_raster": "Coverage by district "
    "(population raster)", "coverage_districts_raster_table": "Coverage by district, population raster (table)",
    "coverage_districts_table": "Coverage by district (equality impact table)",
    "coverage_pct_table": "Coverage by PCT (equality impact table)", "pop_mid2018_500m": "Population mid-2018 "
    "(500 m grid)", "scenario_table": "Scenario: equality impact table", "speed_calibrated": "Calibrated road "
    "speed (km/h)", "standby_curve": "Standby: coverage by number of points (table)",
}


def population_summary(out, bands=BAND_SUMMARY):
    """Share of Oxfordshire's residents within each band (text), or None: the study-area row of the district
    coverage table of demo step 30 (``coverage_districts_table.gpkg``: LSOA populations on the calibrated drive
    times), so the map's notes give the coverage report's own figures."""
    import sqlite3

    path = os.path.join(out, "coverage_districts_table.gpkg")
    if not os.path.exists(path):
        return None
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        (table,), = con.execute("SELECT table_name FROM gpkg_contents LIMIT 1").fetchall()
        cols = ", ".join(f"pct_le_{b:g}" for b in bands)
        row = con.execute(f'SELECT pop_total, {cols} FROM "{table}" WHERE level = \'study\'').fetchone()
    except (sqlite3.Error, ValueError):
        return None
    finally:
        con.close()
    if row is None or not row[0]:
        return None
    parts = [f"{s:.0f}% within {b} minutes" for s, b in zip(row[1:], bands)]
    return (f"Of Oxfordshire's {row[0]:,.0f} residents (ONS mid-2018 estimate), {', '.join(parts[:-1])} and "
            f"{parts[-1]} of a type-1 A&E department by modelled drive time (calibrated against "
            f"observed journeys).")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "demo_output"), help="demo output folder")
    ap.add_argument("--data", default=os.path.join(os.path.dirname(ROOT), "shared", "data"),
                    help="sample data folder")
    args = ap.parse_args(argv)
    out = os.path.abspath(args.out)
    data = os.path.abspath(args.data)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("OGR_SQLITE_JOURNAL", "DELETE")  # never switch the input GeoPackages to WAL
    os.makedirs(PLUGINS, exist_ok=True)
    if not os.path.exists(os.path.join(PLUGINS, "drivetime_equity")):
        os.symlink(ROOT, os.path.join(PLUGINS, "drivetime_equity"))
    sys.path.insert(0, PLUGINS)

    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    status = 1
    try:
        status = build(out, data)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        # QGIS may crash while Python tears its objects down: leave at once
        os._exit(status)


def result_layers(out):
    """Every result file in ``out`` as (path or uri, stem): one entry per GeoPackage layer."""
    found = []
    for path in sorted(glob.glob(os.path.join(out, "*"))):
        stem, ext = os.path.splitext(os.path.basename(path))
        if ext.lower() not in RESULT_EXTENSIONS or not os.path.isfile(path):
            continue
        if os.path.basename(path) == CONTEXT_NAME:  # context, loaded on its own
            continue
        if ext.lower() == ".gpkg":
            try:
                from osgeo import ogr

                ds = ogr.Open(path)
                names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())] if ds else []
                ds = None
            except Exception:
                names = []
            if len(names) > 1:
                found += [(f"{path}|layername={n}", n) for n in names]
                continue
        found.append((path, stem))
    return found


def build(out, data):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsFillSymbol,
        QgsFontMarkerSymbolLayer,
        QgsMarkerSymbol,
        QgsProject,
        QgsRasterLayer,
        QgsReferencedRectangle,
        QgsSingleSymbolRenderer,
        QgsVectorLayer,
        QgsVectorLayerSimpleLabeling,
        QgsWkbTypes,
    )
    from qgis.PyQt.QtGui import QColor

    from drivetime_equity.processing import layout as lay
    from drivetime_equity.processing import styling

    if not os.path.isdir(out):
        print(f"no demo outputs in {out}: run make demo first", file=sys.stderr)
        return 1
    project = QgsProject()
    bng = QgsCoordinateReferenceSystem("EPSG:27700")
    project.setCrs(bng)
    project.setTitle("Drive-Time Equity demo: Buckinghamshire, Oxfordshire and Berkshire West")
    project.writeEntryBool("Paths", "/Absolute", False)  # relative paths: the folder can move

    # -- results, styled by the .qml beside each file --------------------------------------------------
    results = []
    for uri, stem in result_layers(out):
        if stem.lower().endswith(".qgz"):
            continue
        if uri.lower().endswith((".tif",)):
            layer = QgsRasterLayer(uri, stem)
        elif uri.lower().endswith(".csv"):
            layer = QgsVectorLayer(f"file://{uri}?type=csv&geomType=none&detectTypes=yes", stem, "delimitedtext")
        else:
            layer = QgsVectorLayer(uri, stem, "ogr")
        if not layer.isValid():
            print(f"   skipped {os.path.basename(uri)} (could not open it)")
            continue
        qml = styling.qml_path_for(uri)
        if os.path.isfile(qml):
            layer.loadNamedStyle(qml)
        elif isinstance(layer, QgsVectorLayer) and {"band", "upper_min"} <= set(layer.fields().names()):
            bands = sorted({float(f["upper_min"]) for f in layer.getFeatures()})
            styling.style_band_polygons(layer, bands)
        name = lay.friendly_name(layer)
        layer.setName(DEMO_NAMES.get(stem.lower(), name) if name.lower() == stem.replace("_", " ").lower() else name)
        results.append((layer, stem))

    # -- context from the sample data (copied into the output folder) ----------------------------------
    context = []
    gpkg = copy_context(data, out)
    if gpkg:
        areas = QgsVectorLayer(f"{gpkg}|layername=sicbl22_bob", AREAS_NAME, "ogr")
        if areas.isValid():
            areas.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
                "style": "no", "outline_color": "#212B32", "outline_width": "0.6", "outline_width_unit": "MM",
                "joinstyle": "round"})))
            case = " ".join(f"WHEN right(\"SICBL22NM\", 3) = '{k}' THEN '{v}'" for k, v in SUB_ICB_NAMES.items())
            areas.setLabeling(QgsVectorLayerSimpleLabeling(label_settings(
                f"CASE {case} ELSE \"SICBL22NM\" END", 10, True)))
            areas.setLabelsEnabled(True)
            context.append(areas)
        sites = QgsVectorLayer(f"{gpkg}|layername=ae_sites", SITES_NAME, "ogr")
        if sites.isValid():
            symbol = QgsMarkerSymbol.createSimple({"name": "square", "color": lay.NHS_BLUE, "size": "4.2",
                                                   "outline_color": "#FFFFFF", "outline_width": "0.4"})
            letter = QgsFontMarkerSymbolLayer(lay.font_family(), "H", 3.0, QColor("#FFFFFF"))
            letter.setFontStyle("Bold")
            symbol.appendSymbolLayer(letter)
            sites.setRenderer(QgsSingleSymbolRenderer(symbol))
            sites.setLabeling(QgsVectorLayerSimpleLabeling(label_settings(
                "trim(replace(replace(replace(\"site_name\", ' Hospital', ''), ' (Acute)', ''), 'The ', ''))", 9,
                False, point=True)))
            sites.setLabelsEnabled(True)
            context.append(sites)

    # -- layer tree: context on top, then points/lines/polygons/rasters; only the headline layers visible --
    all_layers = context + [lyr for lyr, _ in results]
    project.addMapLayers(all_layers, False)
    root = project.layerTreeRoot()
    group_ctx = root.addGroup("Context")
    group_res = root.addGroup("Results")
    for layer in context:
        group_ctx.addLayer(layer)
    headline = {"drivetime"}
    for layer, stem in sorted(results, key=lambda r: (lay.draw_rank(r[0]), r[1])):
        node = group_res.addLayer(layer)
        visible = stem.lower() in headline  # the rest is one click away in the layer panel
        node.setItemVisibilityChecked(visible)
        if not isinstance(layer, QgsVectorLayer) or layer.geometryType() not in (QgsWkbTypes.NullGeometry,
                                                                                 QgsWkbTypes.UnknownGeometry):
            node.setExpanded(visible)
    for layer, stem in results:
        print(f"   {stem:28s} -> {layer.name()}")

    # -- summary and the print layout -----------------------------------------------------------------
    summary = population_summary(out)
    summary_path = os.path.join(out, SUMMARY_NAME)
    if summary:
        with open(summary_path, "w", encoding="utf-8") as f:
            f.write(summary + "\n")
        print("   summary: " + summary)
    map_layers = [lyr for lyr in all_layers if root.findLayer(lyr.id()).isVisible()
                  and (not isinstance(lyr, QgsVectorLayer) or lyr.isSpatial())]
    map_layers = sorted(map_layers, key=lambda lyr: (lay.draw_rank(lyr), all_layers.index(lyr)))
    if map_layers:
        crs, extent = lay.map_crs_and_extent([lyr for lyr, _ in results if lyr in map_layers] or map_layers,
                                             project.transformContext())
        notes = ["Drive times are modelled along the road network at typical speeds, without traffic, turn "
                 "restrictions or one-way streets: real journeys vary."]
        layout, warnings = lay.build_layout(project, map_layers, crs, extent, TITLE, SUBTITLE, summary or "", notes,
                                            lay.attribution_lines(map_layers), "A4", True)
        layout.setName("Consultation map")
        project.layoutManager().addLayout(layout)
        for w in warnings:
            print("   warning: " + w)
        project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, crs))
    path = os.path.join(out, PROJECT_NAME)
    ok = project.write(path)
    print(f"   project: {path} ({len(all_layers)} layers)" if ok else f"could not write {path}")
    project.clear()
    return 0 if ok else 1


def copy_context(data, out):
    """Copy the sample layers the project shows into ``out/sample_context.gpkg`` (the sub-ICB boundaries, and
    the A&E sites of the demo, ``SITES_SUBSET``), so the project never refers outside its folder. The sample
    GeoPackage is only read. Returns the copy's path, or None without sample data."""
    src = os.path.join(data, "oxfordshire_demo.gpkg")
    if not os.path.exists(src):
        return None
    from osgeo import gdal

    gdal.UseExceptions()
    dst = os.path.join(out, CONTEXT_NAME)
    if os.path.exists(dst):
        os.remove(dst)
    for i, (layer, where) in enumerate((("sicbl22_bob", None), ("ae_sites", SITES_SUBSET))):
        opts = gdal.VectorTranslateOptions(format="GPKG", layers=[layer], where=where,
                                           accessMode="update" if i else None)
        src_ds = gdal.OpenEx(src, gdal.OF_VECTOR | gdal.OF_READONLY)
        ds = gdal.VectorTranslate(dst, src_ds, options=opts)
        if ds is None:
            raise RuntimeError(f"could not copy {layer} into {dst}")
        ds = src_ds = None
    return dst


def label_settings(expression, size, bold, point=False):
    """Dark labels with a white halo (readable over any colour of the drive-time ramp)."""
    from qgis.core import QgsPalLayerSettings, QgsTextBufferSettings, QgsTextFormat, QgsUnitTypes
    from qgis.PyQt.QtGui import QColor

    from drivetime_equity.processing.layout import make_font, TEXT_COLOUR

    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    fmt = QgsTextFormat()
    fmt.setFont(make_font(size, bold=bold))
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    fmt.setColor(QColor(TEXT_COLOUR))
    buf = QgsTextBufferSettings()
    buf.setEnabled(True)
    buf.setSize(1.0)
    buf.setSizeUnit(QgsUnitTypes.RenderMillimeters)
    buf.setColor(QColor("#FFFFFF"))
    fmt.setBuffer(buf)
    settings.setFormat(fmt)
    if point:
        settings.placement = QgsPalLayerSettings.OrderedPositionsAroundPoint
        settings.dist = 1.5
    else:
        settings.placement = QgsPalLayerSettings.Horizontal  # inside the polygon, near its centre
        settings.centroidInside = True
        settings.priority = 10  # area names win over site names
    return settings


if __name__ == "__main__":
    main()
