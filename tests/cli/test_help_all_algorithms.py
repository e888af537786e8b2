"""`qgis_process help drivetime:ALG` documents every algorithm the provider lists (also those added later): the
description, each parameter's help text, each output, and an example command line."""
import html
import json
import os
import re
import subprocess

import pytest

QP = os.environ.get("QGIS_PROCESS", "/usr/bin/qgis_process.bin")

pytestmark = pytest.mark.skipif(not os.path.exists(QP), reason="qgis_process not installed")


def qp(*args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([QP, *args], capture_output=True, text=True, env=env, timeout=300, cwd="/tmp")
    assert proc.returncode == 0, f"qgis_process {' '.join(args)}:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


def algorithm_ids():
    if not os.path.exists(QP):
        return []
    out = qp("list")
    return sorted({line.split()[0] for line in out.splitlines() if line.strip().startswith("drivetime:")})


def test_provider_lists_algorithms():
    ids = algorithm_ids()
    assert {"drivetime:speedsurface", "drivetime:drivetime", "drivetime:consultationmap"} <= set(ids)


@pytest.mark.parametrize("alg", algorithm_ids())
def test_help_is_useful(alg):
    text = qp("help", alg)
    plain = " ".join(html.unescape(text).split())
    details = json.loads(qp("--json", "help", alg))
    info = details["algorithm_details"]
    # a description of a sentence or more, and an example command line for this algorithm
    desc = " ".join(html.unescape(info["short_description"]).split())
    assert len(desc) >= 40, desc
    assert desc.rstrip(".") in plain
    assert f"qgis_process run {alg}" in plain
    # every parameter has its own help text, and the CLI shows it
    params = details["parameters"]
    assert params
    for name, p in params.items():
        help_text = " ".join((p.get("help") or "").split())
        assert len(help_text) >= 15, f"{alg} {name}: no help text"
        assert help_text in plain, f"{alg} {name}: help not shown"
        assert p["description"] in plain
    # every output is documented (destination parameters by their help, other outputs in the description)
    untagged = re.sub(r"<[^>]+>", "", plain)
    for name in details["outputs"]:
        assert name in params or f"({name})" in untagged, f"{alg} output {name} undocumented"
