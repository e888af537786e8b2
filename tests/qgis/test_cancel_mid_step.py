"""Cancel pressed in the middle of a long step is answered within a second, says "cancelled" and writes nothing.

The two steps that used to run on for 1-2 s after Cancel, on the sample data: standby's k-means (a scikit-learn
call that cannot be interrupted; made to take 3 s here so that a run waiting for it cannot pass) and scenario's
compare (three aggregations of about 0.3 s each on the county)."""
import os
import threading
import time

import pytest

SITES = "ed_type1_curated = 1 AND bng_e > 396500 AND bng_e < 518500 AND bng_n > 141500 AND bng_n < 268500"
LATENCY_S = 1.0


@pytest.fixture(scope="module")
def sample(qgis_app, data_dir, tmp_path_factory):
    import processing

    folder = tmp_path_factory.mktemp("cancel_sample")
    speed = str(folder / "speed200.tif")
    processing.run("drivetime:speedsurface", {"ROADS": os.path.join(data_dir, "bob_roads.gpkg"), "CELL_SIZE": 200,
                                              "OUTPUT": speed})
    gpkg = os.path.join(data_dir, "oxfordshire_demo.gpkg")
    return {"speed": speed, "gpkg": gpkg, "lsoa": f"{gpkg}|layername=lsoa11_oxfordshire"}


def test_cancel_during_standby_kmeans(sample, tmp_path, monkeypatch):
    from sklearn.cluster import KMeans

    real_fit = KMeans.fit
    state = {}

    def slow_fit(self, *a, **k):  # Cancel pressed as the k-means starts; the k-means then takes 3 s more
        state["feedback"].cancel()
        state["cancelled"] = time.perf_counter()
        time.sleep(3.0)
        return real_fit(self, *a, **k)

    monkeypatch.setattr(KMeans, "fit", slow_fit)
    out = tmp_path / "out"
    out.mkdir()
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    state["feedback"] = QgsProcessingFeedback()
    with pytest.raises(QgsProcessingException) as err:
        processing.run("drivetime:standby", {
            "SPEED": sample["speed"], "POPULATION": sample["lsoa"], "POPULATION_FIELD": "pop_mid2018",
            "DRIVE_BUDGET": 6, "COUNT": 10, "OUTPUT": str(out / "points.gpkg"),
            "OUTPUT_CURVE": str(out / "curve.csv"), "OUTPUT_ZONES": str(out / "zones.gpkg")},
            feedback=state["feedback"])
    latency = time.perf_counter() - state["cancelled"]
    assert "Cancelled: no output was written." in str(err.value)
    assert latency < LATENCY_S, f"standby answered Cancel after {latency:.2f} s"
    assert os.listdir(out) == []


def test_cancel_during_scenario_compare(sample, tmp_path, monkeypatch):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    from drivetime_equity.core import coverage as cv

    real_aggregate = cv.aggregate
    feedback = QgsProcessingFeedback()
    state = {"calls": 0}

    def aggregate_then_cancel(*a, **k):  # Cancel pressed during the first of the compare's aggregations
        state["calls"] += 1
        if state["calls"] == 1:
            feedback.cancel()
            state["cancelled"] = time.perf_counter()
        return real_aggregate(*a, **k)

    monkeypatch.setattr(cv, "aggregate", aggregate_then_cancel)
    out = tmp_path / "out"
    out.mkdir()
    gpkg = sample["gpkg"]
    with pytest.raises(QgsProcessingException) as err:
        processing.run("drivetime:scenario", {
            "SPEED": sample["speed"], "BASELINE_SITES": f"{gpkg}|layername=ae_sites|subset={SITES}",
            "SCENARIO_SITES": f"{gpkg}|layername=ae_sites|subset={SITES} AND site_name <> 'Horton General Hospital'",
            "AREAS": f"{gpkg}|layername=lad11_oxfordshire", "AREA_ID_FIELD": "lad11nm",
            "POPULATION": sample["lsoa"], "POPULATION_FIELD": "pop_mid2018", "THRESHOLDS": "20,30,45,60",
            "TARGET": 30, "OUTPUT_DELTA": str(out / "delta.tif"), "OUTPUT": str(out / "areas.gpkg"),
            "OUTPUT_TABLE": str(out / "table.csv"), "OUTPUT_SUMMARY": str(out / "summary.html")}, feedback=feedback)
    latency = time.perf_counter() - state["cancelled"]
    assert "Cancelled: no output was written." in str(err.value)
    assert state["calls"] == 1, "the compare went on aggregating after Cancel"
    assert latency < LATENCY_S, f"scenario answered Cancel after {latency:.2f} s"
    assert os.listdir(out) == []  # the delta raster written before the compare is gone too


def test_run_cancellable_returns_the_result_and_its_errors():
    from drivetime_equity.core import Cancelled
    from drivetime_equity.core._threads import run_cancellable

    calls = []
    assert run_cancellable(lambda: 6 * 7, lambda: calls.append(1), poll=0.01) == 42

    def boom():
        raise ValueError("inside")

    with pytest.raises(ValueError, match="inside"):
        run_cancellable(boom, lambda: None)
    release = threading.Event()

    def cancel():
        raise Cancelled()

    t0 = time.perf_counter()
    with pytest.raises(Cancelled):
        run_cancellable(lambda: release.wait(5), cancel, poll=0.01)
    assert time.perf_counter() - t0 < 1.0
    release.set()
