"""Regenerate the README screenshots in docs/ from the demo outputs (run `make demo` first).

* docs/consultation_map.png: page 1 of demo_output/consultation_map.pdf (poppler's pdftoppm);
* docs/<layer>.png: map views of the sample project's layers (QGIS map renderer), styled as in the project.

PNGs are reduced to an adaptive palette (Pillow, when installed) to stay well under 300 KB each.

    /usr/bin/python3 -P scripts/make_screenshots.py [--out demo_output]
"""
import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCS = os.path.join(ROOT, "docs")
# (file name, layer names in the sample project (first on top), extent (xmin, ymin, xmax, ymax) in EPSG:27700 or
# None for the last layer's extent, size in pixels)
VIEWS = [
    ("speed_surface_oxford.png", ["A&E departments (type 1)", "Modelled road speed (km/h)"],
     (440000, 198000, 466000, 216000), (900, 620)),
    ("drivetime_bob.png", ["A&E departments (type 1)", "Local NHS areas (sub-ICB)", "Drive time (minutes)"],
     None, (800, 820)),
    ("coverage_districts.png", ["A&E departments (type 1)", "Coverage by district"], None, (760, 820)),
]


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


def render_views(project_path):
    from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsMapRendererParallelJob,
                           QgsMapSettings, QgsProject, QgsRectangle)
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    if not project.read(project_path):
        print(f"could not read {project_path}", file=sys.stderr)
        return 1
    by_name = {lyr.name(): lyr for lyr in project.mapLayers().values()}
    for name, layer_names, extent, size in VIEWS:
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
        if extent:
            settings.setExtent(QgsRectangle(*extent))
        else:
            full = QgsRectangle()
            full.setMinimal()
            for lyr in layers[-1:]:  # the subject (bottom) layer; the others are context
                full.combineExtentWith(lyr.extent())
            settings.setExtent(full.buffered(full.width() * 0.02))
        job = QgsMapRendererParallelJob(settings)
        job.start()
        job.waitForFinished()
        path = os.path.join(DOCS, name)
        job.renderedImage().save(path, "PNG")
        shrink_png(path)
        print(f"   {path} ({os.path.getsize(path) // 1024} KB)")
    project.clear()
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "demo_output"))
    args = ap.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.makedirs(DOCS, exist_ok=True)
    pdf = os.path.join(args.out, "consultation_map.pdf")
    if os.path.exists(pdf):
        png = os.path.join(DOCS, "consultation_map.png")
        page_png(pdf, png)
        print(f"   {png} ({os.path.getsize(png) // 1024} KB)")
    status = render_views(os.path.join(args.out, "drivetime_equity_demo.qgz"))
    sys.stdout.flush()
    os._exit(status)


if __name__ == "__main__":
    main()
