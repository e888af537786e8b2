"""The Model Designer case, with the designer's own child-algorithm dialog, in a GUI QgsApplication.

Run as its own process (tests/dialog/test_model_designer.py)::

    python3 -P tests/dialog/model_designer_probe.py DATA_DIR OUT_FOLDER

A model gets inputs for roads, sites, areas, population and a population field bound to the population input,
and the speedsurface and drivetime steps; then coverage is added through the dialog the Model Designer opens
(``processing.modeler.ModelerParametersDialog``): POPULATION set to the population input, POPULATION_FIELD to the
field input, OUTPUT made the model output "coverage"; the child the dialog creates is added, the model is saved
as .model3, reloaded and run on the sample data. Lines on stdout: ``STEP <what>`` (flushed), ``SOURCE <param>
<source>``, ``FIGURE <name> <value>``, ``DONE``; exit status 0 when every check passed.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TESTS = os.path.dirname(HERE)
PLUGINS = os.path.join(ROOT, ".build", "plugins")
QGIS_PLUGINS = "/usr/share/qgis/python/plugins"


def say(*parts):
    print(*parts, flush=True)


def main(data_dir, out_folder):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if PLUGINS not in sys.path:
        sys.path.insert(0, PLUGINS)
    if QGIS_PLUGINS not in sys.path:
        sys.path.append(QGIS_PLUGINS)
    if TESTS not in sys.path:
        sys.path.insert(0, TESTS)
    from qgis.core import (QgsApplication, QgsProcessing, QgsProcessingModelAlgorithm,
                           QgsProcessingModelChildParameterSource as Source, QgsProcessingParameterFeatureSource,
                           QgsProcessingParameterField)
    from _models import coverage_sources, model_inputs, start_model  # the model of tests/qgis/test_models_batch.py

    app = QgsApplication([], True)  # GUI application: the designer's dialog needs widgets
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    import drivetime_equity

    plugin = drivetime_equity.classFactory(None)
    plugin.initProcessing()
    registry = QgsApplication.processingRegistry()

    say("STEP model inputs")
    model, _child = start_model()

    say("STEP designer dialog for coverage")
    from processing.modeler.ModelerParametersDialog import ModelerParametersDialog

    dlg = ModelerParametersDialog(registry.createAlgorithmById("drivetime:coverage"), model)
    dlg.show()
    app.processEvents()
    wrappers = dlg.widget.widget.wrappers
    ok = True
    # the designer offers the model's inputs of the right kind for each parameter
    pop_sources = [s.parameterName() for s in model.availableSourcesForChild(
        "", [QgsProcessingParameterFeatureSource.typeName()])]
    field_sources = [s.parameterName() for s in model.availableSourcesForChild(
        "", [QgsProcessingParameterField.typeName()])]
    say(f"OFFERED sources {','.join(pop_sources)} fields {','.join(field_sources)}")
    ok &= "population" in pop_sources and "population_field" in field_sources
    values = coverage_sources()
    for name, value in values.items():
        say(f"STEP set {name}")
        wrappers[name].setWidgetValue(value)
        app.processEvents()
    wrappers["OUTPUT"].setToModelOutput("coverage")
    say("STEP create child")
    cover = dlg.createAlgorithm()
    for name in ("POPULATION", "POPULATION_FIELD", "AREAS", "DRIVETIME"):
        srcs = cover.parameterSources().get(name) or []
        desc = srcs[0].asPythonCode(QgsProcessing.PythonQgsProcessingAlgorithmSubclass, None, {}) if srcs else ""
        say(f"SOURCE {name} {desc}")
    pop_src = cover.parameterSources()["POPULATION"][0]
    field_src = cover.parameterSources()["POPULATION_FIELD"][0]
    if pop_src.source() != Source.ModelParameter or pop_src.parameterName() != "population":
        say("FAIL POPULATION is not bound to the population input")
        ok = False
    if field_src.source() != Source.ModelParameter or field_src.parameterName() != "population_field":
        say("FAIL POPULATION_FIELD is not bound to the population field input")
        ok = False
    if "coverage" not in cover.modelOutputs():
        say("FAIL OUTPUT is not the model output 'coverage'")
        ok = False
    dlg.close()
    app.processEvents()
    model.addChildAlgorithm(cover)
    cover_id = cover.childId()
    model.updateDestinationParameters()

    say("STEP save and reload")
    path = os.path.join(out_folder, "designer.model3")
    ok &= model.toFile(path)
    again = QgsProcessingModelAlgorithm()
    ok &= again.fromFile(path)
    valid, errors = again.validate()
    if not valid:
        say(f"FAIL the model does not validate: {errors}")
        ok = False

    say("STEP run")
    import processing

    out_name = f"{cover_id}:coverage"
    res = processing.run(again, {**model_inputs(data_dir), out_name: os.path.join(out_folder, "coverage.gpkg")})
    figures = res["CHILD_RESULTS"][cover_id]
    for key in ("POP_TOTAL", "PCT_WITHIN_TARGET", "MEDIAN_MINUTES"):
        say(f"FIGURE {key} {figures[key]!r}")
    say(f"OUTPUT {res[out_name]}")
    say("DONE")
    sys.stdout.flush()
    os._exit(0 if ok else 1)  # QGIS may crash while Python tears its objects down


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
