"""Dialog tier: every algorithm's toolbox dialog, built in a GUI QgsApplication with a raster layer active and
every layer input set to every layer it accepts (``dialog_probe.py``).

QGIS 3.22 crashed (SIGSEGV in ``QgsProcessingFieldWidgetWrapper::setParentLayerWrapperValue``) when a field
parameter's parent could hold a raster: opening *Coverage and equity* or *Compare site scenarios* with a raster
layer active, or picking a population raster in *Place standby points*. A crash kills the process, so each
algorithm's dialog runs in its own process and a crash is reported here with the algorithm's name and the last
step it reached. A GUI application cannot share a process with the headless one of tests/qgis either; ``make
test`` runs this tier as its own pytest invocation (``make test-dialog``).
"""
import functools
import os
import re
import signal
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PROBE = os.path.join(HERE, "dialog_probe.py")


def algorithm_ids():
    """drivetime:<NAME> of every algorithm the provider registers, read from the sources (no QGIS here)."""
    with open(os.path.join(ROOT, "processing", "provider.py"), encoding="utf-8") as fh:
        modules = re.findall(r'\("(alg_\w+)",\s*"\w+"\)', fh.read())
    ids = []
    for m in modules:
        with open(os.path.join(ROOT, "processing", f"{m}.py"), encoding="utf-8") as fh:
            ids.append("drivetime:" + re.search(r'^\s+NAME = "(\w+)"', fh.read(), re.M).group(1))
    return ids


ALGORITHMS = algorithm_ids()


def test_every_algorithm_is_probed():
    assert len(ALGORITHMS) >= 7 and {"drivetime:coverage", "drivetime:scenario", "drivetime:standby"} <= \
        set(ALGORITHMS)


@functools.lru_cache(maxsize=None)
def run_probe(alg_id, timeout=180):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(["/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable, "-P",
                           PROBE, alg_id], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    return proc


def describe(proc):
    rc = proc.returncode
    how = f"killed by {signal.Signals(-rc).name}" if rc < 0 else f"exit status {rc}"
    steps = [ln for ln in proc.stdout.splitlines() if ln.startswith(("STEP", "FAIL"))]
    return f"{how}; last step: {steps[-1] if steps else '(none)'}\n{proc.stdout[-3000:]}\n{proc.stderr[-2000:]}"


@pytest.mark.parametrize("alg_id", ALGORITHMS)
def test_dialog_opens_with_raster_active_and_takes_every_layer(alg_id):
    proc = run_probe(alg_id)
    assert proc.returncode == 0, f"{alg_id} dialog: {describe(proc)}"
    out = proc.stdout.splitlines()
    assert f"DONE {alg_id}" in out
    widgets = [ln for ln in out if ln.startswith(f"WIDGETS {alg_id} ")]
    assert widgets and int(widgets[0].split()[-1]) >= 3


@pytest.mark.parametrize("alg_id", ["drivetime:coverage", "drivetime:scenario", "drivetime:standby"])
def test_population_dialogs_take_both_population_kinds(alg_id):
    """The vector population (POPULATION, with its field widgets) and the population raster
    (POPULATION_RASTER) are each chosen in the dialog; no field parameter hangs off a raster-capable input."""
    proc = run_probe(alg_id)
    assert proc.returncode == 0, f"{alg_id} dialog: {describe(proc)}"
    steps = proc.stdout.splitlines()
    assert f"STEP {alg_id} set POPULATION = polygons" in steps
    assert f"STEP {alg_id} set POPULATION = points" in steps
    assert f"STEP {alg_id} set POPULATION_RASTER = population raster" in steps
    assert f"STEP {alg_id} set POPULATION = population raster" not in steps  # a raster is not offered there
