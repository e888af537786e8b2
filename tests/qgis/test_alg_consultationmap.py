"""drivetime:consultationmap: a consultation page rendered from the sample data, checked as a reader would see it
(poppler renders the PDF; its text and pixels are checked against what the inputs imply), plus the layout's
geometry (no overlaps, readable font sizes) on every paper and orientation."""
import os
import shutil
import subprocess

import numpy as np
import pytest

BANDS = (4, 8, 12)  # minutes; the legend must show these in plain English
TITLE = "Drive times to the John Radcliffe"
SUMMARY = "Test summary: nine in ten residents live within twelve minutes."
# colours the page must contain: NHS blue header, and the first viridis band colour (the zone around the site)
NHS_BLUE = (0x00, 0x5E, 0xB8)
VIRIDIS_FIRST = (0x44, 0x01, 0x54)

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
                                reason="poppler-utils not installed")


def run(alg, params):
    import processing

    return processing.run(f"drivetime:{alg}", params)


@pytest.fixture(scope="module")
def sample(qgis_app, data_dir, tmp_path_factory):
    """Drive-time zones from Carfax (the centre of Oxford) over the small OSM clip of Oxford, with their .qml."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    tmp = tmp_path_factory.mktemp("consult")
    gpkg = os.path.join(data_dir, "oxfordshire_demo.gpkg")
    speed = run("speedsurface", {"ROADS": f"{gpkg}|layername=roads_oxford_2012_osm", "CLASS_FIELD": "highway",
                                 "CELL_SIZE": 50, "EXTENT": "444000,456000,203000,213000 [EPSG:27700]",
                                 "OUTPUT": str(tmp / "speed.tif")})["OUTPUT"]
    origin = QgsVectorLayer("Point?crs=EPSG:27700", "origin", "memory")
    f = QgsFeature()
    f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(451300, 206200)))
    origin.dataProvider().addFeatures([f])
    res = run("drivetime", {"SPEED": speed, "SITES": origin, "ACTIVATION": 2,
                            "BANDS": ",".join(str(b) for b in BANDS), "OUTPUT": str(tmp / "minutes.tif"),
                            "OUTPUT_ZONES": str(tmp / "zones.gpkg")})
    zones = res["OUTPUT_ZONES"].split("|")[0]
    assert os.path.exists(os.path.join(tmp, "zones.qml"))
    # the city boundary as an outline (a layer object styled here, as a project layer would be)
    city = QgsVectorLayer(f"{gpkg}|layername=lad11_oxfordshire|subset=lad11nm = 'Oxford'", "Oxford city", "ogr")
    from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer

    city.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": "#212B32", "outline_width": "0.5"})))
    return {"tmp": tmp, "zones": zones, "city": city, "lad": f"{gpkg}|layername=lad11_oxfordshire",
            "sites": f"{gpkg}|layername=ae_sites|subset=site_name = 'John Radcliffe Hospital'"}


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_page_size_pt(path):
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("Page size:"))
    w, h = line.split(":")[1].split("pts")[0].split("x")
    return float(w), float(h)


def render_ppm(path, dpi=60):
    """Page 1 of a PDF as an RGB array (poppler's PPM: 'P6 w h 255' then bytes)."""
    prefix = str(path) + "_page"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(path), prefix], check=True)
    with open(prefix + ".ppm", "rb") as f:
        data = f.read()
    fields = data.split(maxsplit=4)
    assert fields[0] == b"P6"
    w, h = int(fields[1]), int(fields[2])
    return np.frombuffer(fields[4][: w * h * 3], np.uint8).reshape(h, w, 3)


def share_near(img, rgb, tol=12):
    return float((np.abs(img.astype(int) - np.array(rgb)).max(axis=2) <= tol).mean())


def mm_to_pt(mm):
    return mm / 25.4 * 72.0


# -- the PDF as published --------------------------------------------------------------------------------
def test_pdf_consultation_page(sample):
    out = sample["tmp"] / "consultation.pdf"
    res = run("consultationmap", {"LAYERS": [sample["zones"], sample["sites"], sample["city"]], "TITLE": TITLE,
                                  "SUBTITLE": "Oxford, modelled", "PAPER": 0, "ORIENTATION": 0, "FORMAT": 0,
                                  "DPI": 150, "SUMMARY": SUMMARY, "OUTPUT": str(out)})
    assert res["OUTPUT"] == str(out) and out.exists()

    # A4 landscape: 297 x 210 mm
    w, h = pdf_page_size_pt(out)
    assert abs(w - mm_to_pt(297)) < 1.5 and abs(h - mm_to_pt(210)) < 1.5

    # not blank: a rendered page with real contrast, the NHS-blue title band and the first drive-time band
    img = render_ppm(out)
    assert img.std() > 30
    assert share_near(img, (255, 255, 255), 3) < 0.9
    assert share_near(img, NHS_BLUE) > 0.03  # the header band (~280 x 25 mm of a 297 x 210 mm page = 11 %)
    # the zone's style from its .qml: the first viridis colour, as drawn with some opacity over white
    near_first = max(share_near(img, [t * c + (1 - t) * 255 for c in VIRIDIS_FIRST], 10)
                     for t in np.linspace(0.5, 1, 11))
    assert near_first > 0.002

    # title, summary, key with the band labels written from BANDS, attribution for OSM, ONS and NHS data
    text = " ".join(pdf_text(out).split())
    assert TITLE in text and "Oxford, modelled" in text and SUMMARY in text
    assert "Key" in text
    assert f"up to {BANDS[0]} min" in text
    for a, b in zip(BANDS[:-1], BANDS[1:]):
        assert f"{a}–{b} min" in text
    assert "© OpenStreetMap contributors" in text
    assert "Crown copyright" in text and "Open Government Licence v3.0" in text
    assert "NHS Choices" in text
    assert "SRTM" not in text  # no elevation data on the page ("oxfordshire_demo" must not read as a DEM)


def test_png_a3_portrait_pixel_size(sample):
    out = sample["tmp"] / "portrait.png"
    res = run("consultationmap", {"LAYERS": [sample["zones"]], "TITLE": "Portrait", "PAPER": 1, "ORIENTATION": 1,
                                  "FORMAT": 1, "DPI": 72, "OUTPUT": str(out)})
    from qgis.PyQt.QtGui import QImage

    img = QImage(res["OUTPUT"])
    assert not img.isNull()
    # A3 portrait = 297 x 420 mm at 72 dpi
    assert abs(img.width() - round(297 / 25.4 * 72)) <= 1
    assert abs(img.height() - round(420 / 25.4 * 72)) <= 1


def test_svg_keeps_text(sample):
    out = sample["tmp"] / "map.svg"
    res = run("consultationmap", {"LAYERS": [sample["zones"]], "TITLE": "Vector title", "FORMAT": 2, "DPI": 96,
                                  "OUTPUT": str(out)})
    svg = open(res["OUTPUT"], encoding="utf-8").read()
    assert "<svg" in svg and "Vector title" in svg


def test_input_layers_untouched(sample):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(sample["lad"], "my districts", "ogr")
    before = (layer.name(), layer.renderer().dump(), layer.featureCount())
    run("consultationmap", {"LAYERS": [layer], "TITLE": "t", "DPI": 72,
                            "OUTPUT": str(sample["tmp"] / "untouched.pdf")})
    assert (layer.name(), layer.renderer().dump(), layer.featureCount()) == before


def test_bad_inputs_name_the_parameter(sample):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="FORMAT"):
        run("consultationmap", {"LAYERS": [sample["zones"]], "FORMAT": 0, "OUTPUT": str(sample["tmp"] / "x.png")})
    with pytest.raises(QgsProcessingException, match="TITLE"):
        run("consultationmap", {"LAYERS": [sample["zones"]], "TITLE": "  ", "OUTPUT": str(sample["tmp"] / "x.pdf")})


# -- attribution and layout geometry -----------------------------------------------------------------------
def test_attribution_chosen_from_the_data(qgis_app, data_dir, tmp_path):
    import rasterio
    from qgis.core import QgsRasterLayer, QgsVectorLayer

    from drivetime_equity.processing import layout as lay

    gpkg = os.path.join(data_dir, "oxfordshire_demo.gpkg")
    roads = QgsVectorLayer(f"{gpkg}|layername=roads_oxford_centre_osm", "roads_oxford_centre_osm", "ogr")
    lsoa = QgsVectorLayer(f"{gpkg}|layername=lsoa11_oxfordshire", "lsoa11_oxfordshire", "ogr")
    srtm_path = str(tmp_path / "srtm_clip.tif")
    with rasterio.open(srtm_path, "w", driver="GTiff", height=2, width=2, count=1, dtype="float32",
                       crs="EPSG:27700", transform=rasterio.transform.from_origin(450000, 210000, 50, 50)) as ds:
        ds.write(np.zeros((1, 2, 2), "float32"))
    srtm = QgsRasterLayer(srtm_path, "srtm_clip")
    assert lay.attribution_lines([roads]) == [lay.ATTR_OSM]
    # LSOAs carry population and the deprivation index: ONS/OS and MHCLG, not OSM
    assert lay.attribution_lines([lsoa]) == [lay.ATTR_ONS, lay.ATTR_IMD]
    assert lay.attribution_lines([srtm]) == [lay.ATTR_SRTM]
    # each once, in a fixed order, extra lines last
    assert lay.attribution_lines([lsoa, roads, roads], ["Local data © Trust"]) == [
        lay.ATTR_OSM, lay.ATTR_ONS, lay.ATTR_IMD, "Local data © Trust"]


@pytest.mark.parametrize("paper,landscape", [("A4", True), ("A4", False), ("A3", True), ("A3", False)])
def test_layout_items_do_not_overlap(qgis_app, sample, paper, landscape):
    from qgis.core import (QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemShape,
                           QgsProject, QgsVectorLayer)

    from drivetime_equity.processing import layout as lay

    layers = [QgsVectorLayer(sample["lad"], "Districts", "ogr"), QgsVectorLayer(sample["zones"], "Zones", "ogr")]
    layers[1].loadNamedStyle(os.path.join(sample["tmp"], "zones.qml"))
    project = QgsProject()
    project.addMapLayers(layers, False)
    crs, extent = lay.map_crs_and_extent(layers, project.transformContext())
    long_summary = " ".join(["A long summary sentence that must wrap inside the notes box."] * 6)
    layout, _warnings = lay.build_layout(project, layers, crs, extent, "A title that is quite long for testing",
                                         "Subtitle", long_summary, ["A caveat."], lay.attribution_lines(layers),
                                         paper, landscape, "1 January 2024")
    page_w, page_h = lay.PAPERS[paper] if landscape else lay.PAPERS[paper][::-1]
    scale = min(page_w, page_h) / 210.0
    margin = 10.0 * scale

    def rect(item):  # the item's own rectangle on the page (without its frame's stroke)
        p, r = item.scenePos(), item.rect()
        return p.x(), p.y(), p.x() + r.width(), p.y() + r.height()

    items = [i for i in layout.items() if hasattr(i, "sceneBoundingRect") and hasattr(i, "uuid")]
    maps = [i for i in items if isinstance(i, QgsLayoutItemMap)]
    legends = [i for i in items if isinstance(i, QgsLayoutItemLegend)]
    labels = [i for i in items if isinstance(i, QgsLayoutItemLabel)]
    shapes = [i for i in items if isinstance(i, QgsLayoutItemShape)]
    assert len(maps) == 1 and len(legends) == 1
    tol = 0.01
    # everything inside the page margins
    for item in maps + legends + labels + shapes:
        x0, y0, x1, y1 = rect(item)
        assert x0 >= margin - tol and y0 >= margin - tol, item
        assert x1 <= page_w - margin + tol and y1 <= page_h - margin + tol, item

    def overlap(a, b):
        return a[0] < b[2] - tol and b[0] < a[2] - tol and a[1] < b[3] - tol and b[1] < a[3] - tol

    # map, legend and every text block are pairwise disjoint (the map's own scale bar / arrow sit inside it)
    blocks = [rect(maps[0]), rect(legends[0])] + [rect(lab) for lab in labels]
    for i in range(len(blocks)):
        for j in range(i + 1, len(blocks)):
            assert not overlap(blocks[i], blocks[j]), (i, j, blocks[i], blocks[j])

    # the frame takes the data's shape: the map shows the data's extent, with no blank strips inside the frame
    shown_ext = maps[0].extent()
    assert shown_ext.width() <= extent.width() * 1.01 and shown_ext.height() <= extent.height() * 1.01, \
        (shown_ext.toString(), extent.toString())

    # readable: title >= 18 pt, nothing below 9 pt (A4; A3 scales up)
    sizes = [lab.font().pointSizeF() for lab in labels]
    assert max(sizes) >= 18 * scale - 1e-6
    assert min(sizes) >= 9 * scale - 1e-6
    # the wrapped summary is shown in full (it fits on every paper)
    shown = " ".join(" ".join(lab.text().split()) for lab in labels)
    assert long_summary in shown
    del layout
    project.removeAllMapLayers()
