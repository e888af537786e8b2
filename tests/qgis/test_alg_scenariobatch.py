"""drivetime:scenariobatch through processing.run: rows agree with drivetime:scenario, and the same table with
DRIVETIME_DASK=local:2 (threads, this process) as without it."""
import csv

import pytest

from test_alg_scenario import read, sites, world  # noqa: F401, F811 (fixture)


def batch_layer(cells, scenario_of):
    lay = sites([cells[i] for i, _s in scenario_of])
    lay.startEditing()
    for feat, (_i, s) in zip(lay.getFeatures(), scenario_of):
        lay.changeAttributeValue(feat.id(), lay.fields().lookupField("open2"), s)
    assert lay.commitChanges()
    return lay


def run_batch(world, tmp_path, name):  # noqa: F811 (the fixture, passed in)
    import processing

    # "today" = the four sites; "close_S1" = all but site 1
    lay = batch_layer(world["sites"], [(0, "today"), (1, "today"), (2, "today"), (3, "today"),
                                       (0, "close_S1"), (2, "close_S1"), (3, "close_S1")])
    out = str(tmp_path / f"{name}.csv")
    res = processing.run("drivetime:scenariobatch", {
        "SPEED": world["speed"], "SITES": lay, "SCENARIO_FIELD": "open2", "AREAS": world["areas"],
        "AREA_ID_FIELD": "name", "POPULATION": world["pop"], "POPULATION_FIELD": "pop", "THRESHOLDS": "2,4,6",
        "TARGET": 4, "OUTPUT": out})
    run_batch.last = res
    with open(out, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh)), out


def test_batch_matches_scenario_and_dask(qgis_app, tmp_path, world, monkeypatch):  # noqa: F811
    import processing

    monkeypatch.delenv("DRIVETIME_DASK", raising=False)
    rows, path = run_batch(world, tmp_path, "plain")
    assert [(r["scenario"], r["area_id"]) for r in rows] == [
        ("today", "West"), ("today", "East"), ("today", "all"),
        ("close_S1", "West"), ("close_S1", "East"), ("close_S1", "all")]
    assert [int(r["n_sites"]) for r in rows] == [4, 4, 4, 3, 3, 3]
    assert float(rows[2]["pop_total"]) == pytest.approx(world["total"])

    lay = sites(world["sites"], ["1", "0", "yes", "true"])
    res = processing.run("drivetime:scenario", {
        "SPEED": world["speed"], "BASELINE_SITES": lay, "SCENARIO_FIELD": "open2", "AREAS": world["areas"],
        "AREA_ID_FIELD": "name", "POPULATION": world["pop"], "POPULATION_FIELD": "pop", "THRESHOLDS": "2,4,6",
        "TARGET": 4, "OUTPUT_DELTA": str(tmp_path / "d.tif"), "OUTPUT": str(tmp_path / "a.gpkg")})
    areas = {r["area_id"]: r for r in read(res["OUTPUT"])}
    for r in rows[:2] + rows[3:5]:
        pre = "base" if r["scenario"] == "today" else "scen"
        for T in ("2", "4", "6"):
            assert float(r[f"pct_le_{T}"]) == pytest.approx(areas[r["area_id"]][f"{pre}_pct_le_{T}"], abs=1e-9)
        assert float(r["median_min"]) == pytest.approx(areas[r["area_id"]][f"{pre}_median_min"], abs=1e-9)
    assert float(rows[5]["pct_le_4"]) < float(rows[2]["pct_le_4"])  # closing a site loses coverage
    res = run_batch.last
    assert res["SCENARIO_COUNT"] == 2
    assert (res["BEST_SCENARIO"], res["WORST_SCENARIO"]) == ("today", "close_S1")
    assert res["BEST_PCT_WITHIN_TARGET"] == pytest.approx(float(rows[2]["pct_target"]))
    assert res["WORST_PCT_WITHIN_TARGET"] == pytest.approx(float(rows[5]["pct_target"]))

    pytest.importorskip("distributed")
    monkeypatch.setenv("DRIVETIME_DASK", "local:2:threads")
    rows_dask, path_dask = run_batch(world, tmp_path, "dask")
    with open(path, "rb") as a, open(path_dask, "rb") as b:
        assert a.read() == b.read()  # the same table, byte for byte


def test_bad_dask_setting_names_the_fix(qgis_app, tmp_path, world, monkeypatch):  # noqa: F811
    from qgis.core import QgsProcessingException

    monkeypatch.setenv("DRIVETIME_DASK", "local:0")
    with pytest.raises(QgsProcessingException, match="DRIVETIME_DASK.*local:N"):
        run_batch(world, tmp_path, "bad")


def test_provider_setting_used_when_environment_unset(qgis_app, tmp_path, world, monkeypatch):  # noqa: F811
    from processing.core.ProcessingConfig import ProcessingConfig

    from drivetime_equity.processing import dask_settings

    monkeypatch.delenv("DRIVETIME_DASK", raising=False)
    assert ProcessingConfig.getSetting("DRIVETIME_DASK") in ("", None)  # registered by the provider, empty
    assert dask_settings.scheduler_spec() == ""
    plain, path = run_batch(world, tmp_path, "plain")
    ProcessingConfig.setSettingValue("DRIVETIME_DASK", "local:1:threads")
    try:
        assert dask_settings.scheduler_spec() == "local:1:threads"
        monkeypatch.setenv("DRIVETIME_DASK", "local:2:threads")  # the environment wins (qgis_process)
        assert dask_settings.scheduler_spec() == "local:2:threads"
        monkeypatch.delenv("DRIVETIME_DASK")

        class Log:
            lines = []

            def pushInfo(self, text):  # noqa: N802
                self.lines.append(text)

        with dask_settings.dask_runner(Log()) as runner:
            assert runner is not None and runner.n_workers() == 1
        assert any("1 worker threads" in line for line in Log.lines)
        via_setting, path2 = run_batch(world, tmp_path, "setting")
        assert via_setting == plain
    finally:
        ProcessingConfig.setSettingValue("DRIVETIME_DASK", "")
