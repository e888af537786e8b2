"""Plugin entry points and the dependency check."""
import pytest


def test_class_factory_without_iface_and_idempotent_provider(qgis_app):
    from qgis.core import QgsApplication

    import drivetime_equity

    plugin = drivetime_equity.classFactory(None)
    registry = QgsApplication.processingRegistry()
    before = registry.providerById("drivetime")
    plugin.initProcessing()
    plugin.initProcessing()
    ids = [p.id() for p in registry.providers()]
    assert ids.count("drivetime") == 1
    if before is None:  # only when the session plugin is not registered can we check unload
        plugin.unload()
        assert registry.providerById("drivetime") is None


def test_provider_lists_algorithms_with_help(plugin):
    algs = {a.name(): a for a in plugin.provider.algorithms()}
    assert {"speedsurface", "drivetime"} <= set(algs)
    for alg in algs.values():
        assert alg.id().startswith("drivetime:")
        help_text = alg.shortHelpString()
        assert len(help_text) > 200
        for p in alg.parameterDefinitions():
            assert p.name() == p.name().upper()
            assert f"<code>{p.name()}</code>" in help_text, (alg.id(), p.name())


def test_missing_dependency_gives_clear_error(qgis_app, monkeypatch, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    from drivetime_equity.plugin import deps

    import numpy as np
    import rasterio
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer
    from rasterio.transform import from_origin

    speed = str(tmp_path / "s.tif")
    with rasterio.open(speed, "w", driver="GTiff", height=5, width=5, count=1, dtype="float32", crs="EPSG:27700",
                       transform=from_origin(0, 500, 100, 100)) as ds:
        ds.write(np.full((5, 5), 30, "float32"), 1)
    sites = QgsVectorLayer("Point?crs=EPSG:27700", "s", "memory")
    f = QgsFeature()
    f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(250, 250)))
    sites.dataProvider().addFeatures([f])
    monkeypatch.setattr(deps, "missing", lambda names=None: ["numba"])
    out = tmp_path / "o.tif"
    with pytest.raises(QgsProcessingException, match="python3-numba|pip install numba"):
        processing.run("drivetime:drivetime", {"SPEED": speed, "SITES": sites, "OUTPUT": str(out)})
    assert not out.exists()


def test_missing_dependency_warns_once(qgis_app, monkeypatch):
    from qgis.core import QgsApplication

    import drivetime_equity
    from drivetime_equity.plugin import deps

    messages = []
    log = QgsApplication.messageLog()
    log.messageReceived.connect(lambda msg, tag, level: messages.append(msg) if tag == "Drive-Time Equity" else None)
    monkeypatch.setattr(deps, "missing", lambda names=None: ["sklearn"])
    plugin = drivetime_equity.classFactory(None)
    plugin._warn_missing_dependencies()
    plugin._warn_missing_dependencies()
    assert len(messages) == 1
    assert "python3-sklearn" in messages[0] or "scikit-learn" in messages[0]


def test_deps_install_hint_names_packages():
    from drivetime_equity.plugin import deps

    hint = deps.install_hint(["numba", "sklearn"])
    assert "numba" in hint and ("scikit-learn" in hint or "python3-sklearn" in hint)
    assert deps.missing(["os", "no_such_module_xyz"]) == ["no_such_module_xyz"]


def test_algorithm_hook_is_process_not_run(qgis_app):
    from drivetime_equity.processing.base import AlgorithmBase

    with pytest.raises(TypeError, match="process"):
        type("Broken", (AlgorithmBase,), {"run": lambda self, p, c, f: {}})
