"""Issue 15 (the desktop experience): legends without stray lines, choropleth classes that separate areas,
raster results below points and lines in the layer tree."""
import numpy as np
import rasterio
from rasterio.transform import from_origin


def _raster(path):
    arr = np.arange(100, dtype="float32").reshape(10, 10)
    with rasterio.open(path, "w", driver="GTiff", height=10, width=10, count=1, dtype="float32",
                       crs="EPSG:27700", transform=from_origin(440000, 210000, 100, 100)) as ds:
        ds.write(arr, 1)
    return str(path)


def _legend_labels(project, layer):
    from qgis.core import QgsLayerTreeModel

    model = QgsLayerTreeModel(project.layerTreeRoot())
    node = project.layerTreeRoot().findLayer(layer.id())
    return [n.data(0) for n in model.layerLegendNodes(node)]


def test_raster_goes_below_points_and_lines_and_loses_the_band_line(qgis_app, tmp_path):
    from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer

    from drivetime_equity.plugin.utils import resources_path
    from drivetime_equity.processing import styling

    project = QgsProject.instance()
    project.clear()
    base = QgsRasterLayer(_raster(tmp_path / "base.tif"), "base map")
    project.addMapLayer(base)
    pts = QgsVectorLayer("Point?crs=EPSG:27700", "sites", "memory")
    lines = QgsVectorLayer("LineString?crs=EPSG:27700", "roads", "memory")
    table = QgsVectorLayer("None", "table", "memory")
    project.addMapLayers([pts, lines, table])
    speed = QgsRasterLayer(_raster(tmp_path / "speed.tif"), "speed")
    project.addMapLayer(speed)  # QGIS puts a new layer on top
    assert project.layerTreeRoot().children()[0].name() == "speed"
    speed.loadNamedStyle(resources_path("styles", "speed_surface.qml"))
    before = _legend_labels(project, speed)
    assert any("Band 1" in str(t) for t in before)  # what QGIS shows by default: the stray line

    styling.place_in_layer_tree(speed)
    names = [c.name() for c in project.layerTreeRoot().children()]
    assert names.index("speed") > names.index("sites") and names.index("speed") > names.index("roads")
    assert names.index("speed") < names.index("base map")  # a base map stays at the bottom
    # an area result goes below points and lines, above the rasters
    areas = QgsVectorLayer("Polygon?crs=EPSG:27700", "coverage", "memory")
    project.addMapLayer(areas)
    styling.place_in_layer_tree(areas)
    names = [c.name() for c in project.layerTreeRoot().children()]
    assert names.index("sites") < names.index("coverage") and names.index("roads") < names.index("coverage")
    assert names.index("coverage") < names.index("speed") < names.index("base map")
    labels = _legend_labels(project, speed)
    assert not any("Band 1" in str(t) for t in labels)
    assert labels == [t for t in before if "Band 1" not in str(t)] and "up to 10 km/h" in labels
    # restyled with other classes: still no band line, and every new class shown
    speed.loadNamedStyle(resources_path("styles", "drivetime_raster.qml"))
    assert _legend_labels(project, speed) == ["up to 6 min", "6–60 min", "over 60 min"]
    project.clear()


def test_coverage_classes_put_each_quarter_in_its_own_colour(qgis_app):
    from drivetime_equity.processing.styling import share_classes

    def cls(pct, classes):
        return next(k for k, (lo, hi, _c, _b) in enumerate(classes) if pct < hi or hi == 100.0)

    classes = share_classes(75.0)
    assert [(lo, hi) for lo, hi, _c, _b in classes] == [(0, 25), (25, 50), (50, 75), (75, 100)]
    assert cls(0.0, classes) != cls(35.7, classes)  # the equity gap the map exists to show
    assert [b for *_x, b in classes] == [True, True, True, False]
    colours = [c for _lo, _hi, c, _b in classes]
    assert len(set(colours)) == len(colours)
    # a standard between quarters adds its own break, and colours stay distinct
    classes = share_classes(90.0)
    assert [lo for lo, *_x in classes] == [0, 25, 50, 75, 90]
    assert len({c for _lo, _hi, c, _b in classes}) == 5
    classes = share_classes(20.0)
    assert [lo for lo, *_x in classes] == [0, 20, 25, 50, 75]
    assert len({c for _lo, _hi, c, _b in classes}) == 5


def test_matrix_group_legend_says_1_site(qgis_app):
    from qgis.core import QgsVectorLayer

    from drivetime_equity.processing.styling import style_collaboration_sites

    layer = QgsVectorLayer("Point?crs=EPSG:27700&field=cluster:integer&field=site_name:string", "s", "memory")
    style_collaboration_sites(layer, [1, 1, 2, 5])
    labels = [c.label() for c in layer.renderer().categories()]
    assert labels == ["group 1 (2 sites)", "group 2 (1 site)", "group 5 (1 site)"]


def test_consultation_notes_explain_type_1_and_the_data_edge(qgis_app, tmp_path):
    from qgis.core import QgsRasterLayer, QgsVectorLayer

    from drivetime_equity.processing import styling
    from drivetime_equity.processing.alg_consultationmap import ConsultationMapAlgorithm

    alg = ConsultationMapAlgorithm()
    sites = QgsVectorLayer("Point?crs=EPSG:27700", "A&E departments (type 1)", "memory")
    minutes = QgsRasterLayer(_raster(tmp_path / "minutes.tif"), "Drive time (minutes)")
    styling.style_drivetime_raster(minutes, [15, 30, 60])
    notes = alg._notes([sites, minutes])
    assert len(notes) == 3
    assert notes[1].startswith("Type 1 A&E: a major emergency department")
    assert 'Grey patches ("over 60 min") at the edge of the map are where the road data used stop' in notes[2]
    other = QgsVectorLayer("Point?crs=EPSG:27700", "Standby points", "memory")
    assert len(alg._notes([other])) == 1  # no type-1 sites, no drive-time raster: only the modelling caveat
