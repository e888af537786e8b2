"""Regenerate the README screenshots in docs/ from the demo outputs (run `make demo` first).

* docs/consultation_map.png: page 1 of demo_output/consultation_map.pdf (poppler's pdftoppm);
* docs/<layer>.png: map views of the sample project's layers (QGIS map renderer), styled as in the project,
  with no label cut by the image edge.

PNGs are reduced to an adaptive palette (Pillow, when installed) to stay well under 300 KB each.

In the real QGIS desktop (the project is opened there as a user would, and the views are drawn by the desktop's
renderer and fonts; a screenshot of the whole window, ``desktop_demo_project.png``, goes to ``$SHOTS``,
default /tmp/dte_screenshots, for a look)::

    xvfb-run -a -s '-screen 0 1600x1000x24' qgis --nologo --noversioncheck --profiles-path /tmp/dte_shots \
      --code scripts/make_screenshots.py        # from the repository root; DEMO_OUT=demo_output by default

or headless::

    /usr/bin/python3 -P scripts/make_screenshots.py [--out demo_output]
"""
import argparse
import os
import subprocess
import sys

# ``qgis --code`` runs this file with exec(): no __file__ there, so run it from the repository root
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) if "__file__" in globals() else os.getcwd()
DOCS = os.path.join(ROOT, "docs")
SITES = "A&E departments (type 1)"
# (file name, layer names in the sample project (first on top), extent (xmin, ymin, xmax, ymax) in EPSG:27700 or
# None for the last layer's extent, size in pixels, layers whose labels give way to every other label)
VIEWS = [
    ("speed_surface_oxford.png", [SITES, "Modelled road speed (km/h)"], (440000, 198000, 466000, 216000), (900, 620),
     ()),
    ("drivetime_bob.png", [SITES, "Local NHS areas (sub-ICB)", "Drive time (minutes)"], None, (800, 820), ()),
    # the district names and shares are the subject: the site names must not hide Oxford's
    ("coverage_districts.png", [SITES, "Coverage by district"], None, (760, 820), (SITES,)),
]
EDGE_PX = 14  # points closer than this to the image edge are left out (no marker cut in half)


def shrink_png(path, colours=128):
    try:
        from PIL import Image
    except ImportError:
        return
    img = Image.open(path).convert("RGB")
    img.quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)


def page_png(pdf, png, dpi=80):
    stem = os.path.splitext(png)[0]
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", "-png", pdf, stem], check=True)
    shrink_png(png)


def render_views(project):
    from qgis.core import (QgsCoordinateReferenceSystem, QgsLabelingEngineSettings, QgsMapRendererParallelJob,
                           QgsMapSettings, QgsPalLayerSettings, QgsRectangle, QgsVectorLayer,
                           QgsVectorLayerSimpleLabeling, QgsWkbTypes)
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    by_name = {lyr.name(): lyr for lyr in project.mapLayers().values()}
    for name, layer_names, extent, size, give_way in VIEWS:
        layers = [by_name[n] for n in layer_names if n in by_name]
        if len(layers) < len(layer_names):
            print(f"   {name}: skipped (layers missing: {set(layer_names) - set(by_name)})")
            continue
        settings = QgsMapSettings()
        settings.setLayers(layers)
        settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:27700"))
        settings.setOutputSize(QSize(*size))
        settings.setOutputDpi(110)
        settings.setBackgroundColor(QColor("#FFFFFF"))
        labelling = QgsLabelingEngineSettings(project.labelingEngineSettings())
        labelling.setFlag(QgsLabelingEngineSettings.UsePartialCandidates, False)  # no label cut by the edge
        settings.setLabelingEngineSettings(labelling)
        if extent:
            settings.setExtent(QgsRectangle(*extent))
        else:
            full = QgsRectangle()
            full.setMinimal()
            for lyr in layers[-1:]:  # the subject (bottom) layer; the others are context
                full.combineExtentWith(lyr.extent())
            settings.setExtent(full.buffered(full.width() * 0.02))
        # points near the edge left out, labels give way where asked: on the project's layers, for this drawing
        # only (put back below; the project is never saved)
        shown = settings.visibleExtent()
        inner = shown.buffered(-EDGE_PX * shown.width() / size[0])
        saved = []
        for lyr in layers:
            if isinstance(lyr, QgsVectorLayer):
                saved.append((lyr, lyr.subsetString(), lyr.labeling().clone() if lyr.labeling() else None))
                if lyr.geometryType() == QgsWkbTypes.PointGeometry:
                    keep = [f.id() for f in lyr.getFeatures() if f.hasGeometry()
                            and inner.contains(f.geometry().boundingBox())]
                    lyr.setSubsetString(f"fid IN ({', '.join(map(str, keep)) or '-1'})")
                if lyr.name() in give_way and isinstance(lyr.labeling(), QgsVectorLayerSimpleLabeling):
                    pal = QgsPalLayerSettings(lyr.labeling().settings())
                    pal.priority = 0
                    lyr.setLabeling(QgsVectorLayerSimpleLabeling(pal))
        job = QgsMapRendererParallelJob(settings)
        job.start()
        job.waitForFinished()
        for lyr, subset, labeling in saved:
            lyr.setSubsetString(subset)
            lyr.setLabeling(labeling)
        path = os.path.join(DOCS, name)
        job.renderedImage().save(path, "PNG")
        shrink_png(path)
        print(f"   {path} ({os.path.getsize(path) // 1024} KB)")
    return 0


def consultation_png(out):
    pdf = os.path.join(out, "consultation_map.pdf")
    if os.path.exists(pdf):
        png = os.path.join(DOCS, "consultation_map.png")
        page_png(pdf, png)
        print(f"   {png} ({os.path.getsize(png) // 1024} KB)")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "demo_output"))
    args = ap.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.makedirs(DOCS, exist_ok=True)
    consultation_png(args.out)
    from qgis.core import QgsApplication, QgsProject

    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    path = os.path.join(args.out, "drivetime_equity_demo.qgz")
    status = render_views(project) if project.read(path) else 1
    if status:
        print(f"could not read {path}", file=sys.stderr)
    project.clear()
    sys.stdout.flush()
    os._exit(status)


def desktop_main():
    """Inside the QGIS desktop: open the demo project, look at it, draw the views, quit."""
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication
    from qgis.utils import iface

    out = os.path.abspath(os.environ.get("DEMO_OUT", os.path.join(ROOT, "demo_output")))
    shots = os.environ.get("SHOTS", "/tmp/dte_screenshots")
    os.makedirs(shots, exist_ok=True)
    os.makedirs(DOCS, exist_ok=True)
    log = open(os.path.join(shots, "screenshots_log.txt"), "w", encoding="utf-8")
    project = QgsProject.instance()
    path = os.path.join(out, "drivetime_equity_demo.qgz")
    ok = iface.addProject(path)
    log.write(f"opened {path}: {ok}; {len(project.mapLayers())} layers, invalid: "
              f"{[lyr.name() for lyr in project.mapLayers().values() if not lyr.isValid()]}\n")

    def views():
        QApplication.processEvents()
        QApplication.primaryScreen().grabWindow(0).save(os.path.join(shots, "desktop_demo_project.png"))
        status = 1
        try:
            consultation_png(out)
            status = render_views(project)
        except Exception as e:  # noqa: BLE001 - written to the log, QGIS must still quit
            log.write(f"failed: {e!r}\n")
        log.write(f"done: {status}\n")
        log.close()
        project.setDirty(False)
        sys.stdout.flush()
        os._exit(status)  # no "save the project?" question

    QTimer.singleShot(6000, views)  # let the desktop draw the project first


def _in_desktop():
    try:
        from qgis.utils import iface
    except ImportError:
        return False
    return iface is not None


if _in_desktop():
    desktop_main()
elif __name__ == "__main__":
    main()
