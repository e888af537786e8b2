"""The Model Designer case (issue 18): coverage added to a speedsurface -> drivetime model through the designer's
own child-algorithm dialog, with POPULATION and POPULATION_FIELD bound to model inputs, saved, reloaded and run
on the sample data; the number outputs agree with the written areas (``model_designer_probe.py``, its own GUI
process as the other dialog checks)."""
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PROBE = os.path.join(HERE, "model_designer_probe.py")


def test_designer_dialog_binds_population_inputs_and_model_runs(data_dir, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
    proc = subprocess.run([python, "-P", PROBE, data_dir, str(tmp_path)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)
    lines = proc.stdout.splitlines()
    assert proc.returncode == 0 and "DONE" in lines, f"{proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-2000:]}"
    assert "SOURCE POPULATION parameters['population']" in lines
    assert "SOURCE POPULATION_FIELD parameters['population_field']" in lines
    figures = {ln.split()[1]: float(ln.split()[2]) for ln in lines if ln.startswith("FIGURE ")}
    assert 0 < figures["PCT_WITHIN_TARGET"] < 100

    ogr = pytest.importorskip("osgeo.ogr")
    ds = ogr.Open(str(tmp_path / "coverage.gpkg"))
    layer = ds.GetLayer(0)
    rows = [(f.GetField("pop_total") or 0.0, f.GetField("pop_le_15") or 0.0) for f in layer]
    assert len(rows) == 5
    pop = sum(r[0] for r in rows)
    assert figures["POP_TOTAL"] == pytest.approx(pop)
    assert figures["PCT_WITHIN_TARGET"] == pytest.approx(100.0 * sum(r[1] for r in rows) / pop)
