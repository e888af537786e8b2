"""Welsh translation: compiled from i18n/drivetime_equity_cy.ts with lrelease and installed, it turns the band
labels and the algorithms' names into Welsh (looked up under the contexts the code uses at run time); without it
(locale en) they stay English. Expected strings are read from the .ts file itself."""
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TS = os.path.join(ROOT, "i18n", "drivetime_equity_cy.ts")

pytestmark = pytest.mark.skipif(shutil.which("lrelease") is None, reason="lrelease (qttools5-dev-tools) missing")


def ts_messages():
    """{(context, source): translation} of the finished Welsh translations."""
    out = {}
    for ctx in ET.parse(TS).getroot().findall("context"):
        for msg in ctx.findall("message"):
            tr_el = msg.find("translation")
            if tr_el is not None and tr_el.text and tr_el.get("type") is None:
                out[(ctx.findtext("name"), msg.findtext("source"))] = tr_el.text
    return out


def welsh(context, source):
    text = ts_messages().get((context, source))
    assert text, f"no Welsh translation of {source!r} in context {context}"
    return text


def compile_qm(path):
    subprocess.run(["lrelease", "-silent", TS, "-qm", str(path)], check=True)
    return str(path)


@pytest.fixture
def cy(qgis_app, tmp_path):
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(compile_qm(tmp_path / "drivetime_equity_cy.qm"))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def algorithm(alg_id):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById(alg_id)
    assert alg is not None, alg_id
    return alg


def test_translations_keep_placeholders():
    # a translation that drops or renames a {placeholder} would make str.format fail at run time
    for (ctx, src), text in ts_messages().items():
        assert sorted(re.findall(r"{[^{}]*}", src)) == sorted(re.findall(r"{[^{}]*}", text)), (ctx, src, text)


def test_band_labels_in_welsh(cy):
    from drivetime_equity.processing import styling

    unit = welsh("DriveTimeEquity", "min")
    expected = [welsh("DriveTimeEquity", "up to {b} {unit}").format(b="6", unit=unit),
                welsh("DriveTimeEquity", "{a}–{b} {unit}").format(a="6", b="8", unit=unit)]
    labels = styling.band_labels([6, 8])
    assert labels == expected
    assert styling.beyond_label([6, 8]) == welsh("DriveTimeEquity", "over {b} {unit}").format(b="8", unit=unit)
    assert "up to" not in labels[0] and "min" not in labels[1]


def test_algorithm_names_in_welsh(cy):
    alg = algorithm("drivetime:drivetime")
    # numbered by workflow step (processing/base.py WORKFLOW_STEPS), the name itself translated
    assert alg.displayName() == "3 · " + welsh("DriveTimeAlgorithm", "Drive-time raster")
    assert welsh("DriveTimeAlgorithm", "Drive-time raster") != "Drive-time raster"
    assert alg.group() == ""  # right under the provider, not nested in a group of the same name
    # parameter names are translated when an instance is created (as the toolbox does when it opens a dialog)
    inst = alg.create()
    # SPEED is defined once for every algorithm (processing/inputs.py), under the shared context
    assert inst.parameterDefinition("SPEED").description() == welsh("DriveTimeEquity", "Speed surface (km/h)")
    cm = algorithm("drivetime:consultationmap")
    assert cm.displayName() == "8 · " + welsh("ConsultationMapAlgorithm", "Export consultation map")


def test_urbanity_class_labels_in_welsh(cy):
    # the class labels live in the Qt-free core, marked with QT_TRANSLATE_NOOP; the glue translates them
    from drivetime_equity.core.coverage import CLASS_LABELS
    from drivetime_equity.processing.base import tr

    shown = [tr(label) for label in CLASS_LABELS]
    assert shown == [welsh("DriveTimeEquity", label) for label in CLASS_LABELS]
    assert all(a != b for a, b in zip(shown, CLASS_LABELS))


def test_english_without_translator(qgis_app):
    from drivetime_equity.processing import styling

    assert styling.band_labels([6, 8]) == ["up to 6 min", "6–8 min"]
    assert styling.beyond_label([6, 8]) == "over 8 min"
    assert algorithm("drivetime:drivetime").displayName() == "3 · Drive-time raster"


@pytest.mark.parametrize("locale,expect_welsh", [("cy", True), ("cy_GB", True), ("en", False), ("en_GB", False)])
def test_plugin_installs_translator_for_user_locale(qgis_app, tmp_path, monkeypatch, locale, expect_welsh):
    from qgis.PyQt.QtCore import QCoreApplication, QSettings

    from drivetime_equity.plugin import plugin as plugin_mod
    from drivetime_equity.processing import styling

    compile_qm(tmp_path / "drivetime_equity_cy.qm")
    monkeypatch.setattr(plugin_mod, "plugin_path", lambda *parts: str(tmp_path / parts[-1]))
    settings = QSettings()
    old = settings.value("locale/userLocale")
    settings.setValue("locale/userLocale", locale)
    translator = None
    try:
        translator = plugin_mod.install_translator()
        assert (translator is not None) == expect_welsh
        label = styling.band_labels([6])[0]
        unit = welsh("DriveTimeEquity", "min")
        if expect_welsh:
            assert label == welsh("DriveTimeEquity", "up to {b} {unit}").format(b="6", unit=unit)
        else:
            assert label == "up to 6 min"
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
        if old is None:
            settings.remove("locale/userLocale")
        else:
            settings.setValue("locale/userLocale", old)
