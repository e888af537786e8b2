"""The speedsurface -> drivetime -> coverage model that the models test (tests/qgis/test_models_batch.py) and the
Model Designer probe (tests/dialog/model_designer_probe.py) both build, written once. Needs a QgsApplication with
Processing and our provider."""
import os


def start_model():
    """A model with inputs for roads, sites, areas, population and a population field bound to the population
    input, and the speedsurface ("speed") and drivetime ("drive") children. Returns ``(model, child)``:
    ``child(alg_id, child_id, sources)`` makes a child with every other parameter at its default, as the Model
    Designer sets it."""
    from qgis.core import (QgsApplication, QgsProcessing, QgsProcessingModelAlgorithm,
                           QgsProcessingModelChildAlgorithm, QgsProcessingModelChildParameterSource as Source,
                           QgsProcessingModelParameter, QgsProcessingParameterFeatureSource,
                           QgsProcessingParameterField)

    model = QgsProcessingModelAlgorithm("Drive-time coverage", "Drive-time equity tests")
    for param in (QgsProcessingParameterFeatureSource("roads", "Roads", [QgsProcessing.TypeVectorLine]),
                  QgsProcessingParameterFeatureSource("sites", "Sites", [QgsProcessing.TypeVectorPoint]),
                  QgsProcessingParameterFeatureSource("areas", "Areas", [QgsProcessing.TypeVectorPolygon]),
                  QgsProcessingParameterFeatureSource("population", "Population", [QgsProcessing.TypeVectorPolygon]),
                  QgsProcessingParameterField("population_field", "Population field", None, "population",
                                              QgsProcessingParameterField.Numeric)):
        model.addModelParameter(param, QgsProcessingModelParameter(param.name()))

    def child(alg_id, child_id, sources):
        c = QgsProcessingModelChildAlgorithm(alg_id)
        c.setChildId(child_id)
        c.setDescription(child_id)
        alg = QgsApplication.processingRegistry().algorithmById(alg_id)
        for p in alg.parameterDefinitions():
            if not p.isDestination():
                c.addParameterSources(p.name(), [Source.fromStaticValue(p.defaultValue())])
        for name, source in sources.items():
            c.addParameterSources(name, [source])
        return c

    model.addChildAlgorithm(child("drivetime:speedsurface", "speed", {
        "ROADS": Source.fromModelParameter("roads"), "CELL_SIZE": Source.fromStaticValue(200),
        "EXTENT": Source.fromStaticValue("446000,456000,203000,211000 [EPSG:27700]")}))
    model.addChildAlgorithm(child("drivetime:drivetime", "drive", {
        "SPEED": Source.fromChildOutput("speed", "OUTPUT"), "SITES": Source.fromModelParameter("sites"),
        "SITES_INSIDE_ONLY": Source.fromStaticValue(True)}))
    return model, child


def coverage_sources():
    """Coverage's parameters in the model: the drive times of "drive", the model's areas, population and field."""
    from qgis.core import QgsProcessingModelChildParameterSource as Source

    return {"DRIVETIME": Source.fromChildOutput("drive", "OUTPUT"), "AREAS": Source.fromModelParameter("areas"),
            "AREA_ID_FIELD": Source.fromStaticValue("lad11nm"), "POPULATION": Source.fromModelParameter("population"),
            "POPULATION_FIELD": Source.fromModelParameter("population_field"), "TARGET": Source.fromStaticValue(15)}


def model_inputs(data_dir):
    """The model's inputs on the Oxfordshire sample."""
    gpkg = os.path.join(data_dir, "oxfordshire_demo.gpkg")
    return {"roads": gpkg + "|layername=roads_oxford_2012_osm", "sites": gpkg + "|layername=ae_sites",
            "areas": gpkg + "|layername=lad11_oxfordshire", "population": gpkg + "|layername=lsoa11_oxfordshire",
            "population_field": "pop_mid2018"}
