"""GUI tier: the plugin's toolbar, menu and workshop dock, built in a GUI QgsApplication around a real main window
and map canvas (``gui_probe.py``, its own process: a crash in a widget is a failure here, not a dead session).

The workshop map tool is driven with mouse events (add a site, drag it, right-click a starting site to close it,
back to the starting sites) and after each step its figures must equal those of ``drivetime:drivetime`` +
``drivetime:coverage`` run on the same site set (saved by the dock as a GeoPackage)."""
import functools
import json
import os
import sys
import subprocess

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PROBE = os.path.join(HERE, "gui_probe.py")
WORKFLOW = ["speedsurface", "calibrate", "drivetime", "coverage", "matrix", "scenario", "standby", "response",
            "consultationmap"]
STEPS = ["1", "2", "3", "4", "5", "6", "7", "7", "8"]  # response shares step 7 (deployment) with standby


@functools.lru_cache(maxsize=None)
def probe(tmp="/tmp"):
    import tempfile

    out = os.path.join(tempfile.mkdtemp(prefix="dte_gui_test_"), "gui.json")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    py = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
    proc = subprocess.run([py, "-P", PROBE, out], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0 and os.path.exists(out), \
        f"gui probe: exit {proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    with open(out, encoding="utf-8") as fh:
        return json.load(fh)


def test_toolbar_has_every_step_in_workflow_order_with_distinct_icons():
    tb = probe()["toolbar"]
    assert tb["object"] == "DriveTimeEquityToolbar"
    assert tb["actions"] == [f"drivetime_{n}" for n in WORKFLOW] + ["drivetime_workshop"]
    assert not any(tb["icons_null"])
    assert len(set(tb["icon_keys"])) == len(tb["icon_keys"])  # ten different pictures
    assert [t.split(" · ")[0] for t in tb["texts"][:len(WORKFLOW)]] == STEPS
    assert set(probe()["icon_paths"].values()) == {f"alg_{n}.svg" for n in WORKFLOW}


def test_menu_holds_the_toolbar_actions_and_the_toolbox_entry():
    assert probe()["menu"] == [f"drivetime_{n}" for n in WORKFLOW] + ["drivetime_workshop", "drivetime_toolbox"]


def test_toolbox_sorts_by_display_name_into_workflow_order_not_nested():
    out = probe()
    # the scenario batch shares step 6 ("6 · Scenario batch" after "6 · Compare site scenarios"), off the toolbar
    toolbox = WORKFLOW[:6] + ["scenariobatch"] + WORKFLOW[6:]
    assert out["toolbox_sorted"] == [f"drivetime:{n}" for n in toolbox]
    assert out["groups"] == [""]  # right under the provider, not in a group of the same name


def test_dialogs_preselect_fitting_layers_by_geometry_and_name():
    g = probe()["guess"]
    assert g["drivetime:drivetime"] == {"SPEED": "speed_surface", "SITES": "ae_sites"}
    assert g["drivetime:coverage"] == {"AREAS": "lad_districts", "POPULATION": "lsoa_population",
                                       "POPULATION_FIELD": "pop_mid2018"}  # not the A&E points
    assert g["drivetime:standby"]["POPULATION"] == "lsoa_population"  # not the road lines
    assert g["drivetime:scenario"]["BASELINE_SITES"] == "ae_sites" and "SCENARIO_SITES" not in g["drivetime:scenario"]
    assert g["drivetime:speedsurface"] == {"ROADS": "roads_osm"}


def test_dialog_defaults_follow_the_documented_workflow_cli_default_unchanged():
    d = probe()["dialog_drivetime"]
    assert d["ACTIVATION"] == 2.0 and d["ACTIVATION_CLI_DEFAULT"] == 0.0
    assert d["OUTPUT_NEAREST"] and d["OUTPUT_ZONES"]


def test_dock_builds_and_preselects():
    out = probe()
    dock = out["dock"]
    assert dock["visible"] and dock["area"] == 2  # Qt.RightDockWidgetArea
    assert (dock["speed"], dock["sites"], dock["areas"], dock["population"], dock["population_field"]) == \
        ("speed_surface", "ae_sites", "lad_districts", "lsoa_population", "pop_mid2018")
    assert dock["activation"] == 2.0 and dock["thresholds"] == "8,19,30,45,60"
    assert out["ready"] and out["tool_active"] and out["raster_layer"]
    assert out["table_rows"] == 3  # the study area and two districts
    assert out["stopped"] and out["unloaded"]
    assert out["layers_back"] == [True, True, 2]  # removed by the user mid-session: shown again on the next change


@pytest.mark.parametrize("step", ["start", "add", "move", "close"])
def test_workshop_figures_equal_drivetime_plus_coverage_on_the_same_sites(step):
    out = probe()
    fig, ref = out["steps"][step], out["reference"][step]
    for i, name in enumerate(out["area_names"]):
        assert fig["pop_le"][i] == pytest.approx(ref[name], rel=1e-9, abs=1e-6), (step, name)


def test_workshop_edits_change_sites_and_figures_as_expected():
    s = probe()["steps"]
    origins = lambda k: [site[3] for site in s[k]["sites"]]  # noqa: E731
    assert origins("start") == ["start", "start"]
    assert origins("add") == ["start", "start", "added"]
    assert origins("close") == ["start", "closed", "added"]
    assert s["close"]["used"] == [True, True]  # the closed site is not used
    le8 = {k: v["study_le"][0] for k, v in s.items()}
    assert le8["add"] > le8["start"]  # a site more: more people within 8 minutes
    assert le8["move"] != le8["add"]
    assert le8["close"] < le8["move"]  # a site fewer: fewer
    assert s["move"]["sites"][2][:2] != s["add"]["sites"][2][:2]  # the drag moved the added site
    assert s["reset"]["pop_le"] == s["start"]["pop_le"]
    for k in s:
        assert s[k]["latency"] is not None and s[k]["latency"] < 5.0


def test_save_and_run_scenario_on_the_workshop_sites():
    out = probe()
    p = out["scenario_params"]
    assert p["SCENARIO_SITES"].endswith("|layername=workshop_sites") and p["ACTIVATION"] == "2.0"
    assert out["scenario_outputs"] == {"OUTPUT": True, "OUTPUT_DELTA": True, "OUTPUT_SUMMARY": True}


@pytest.mark.parametrize("alg_id", ["drivetime:coverage", "drivetime:scenario", "drivetime:standby"])
def test_population_is_never_offered_road_lines(alg_id):
    """The population inputs are geometry-filtered: polygons and points are offered, the road lines are not
    (the dialog tier's probe sets every input to every layer its combo box offers)."""
    from test_dialogs import describe, run_probe

    proc = run_probe(alg_id)
    assert proc.returncode == 0, describe(proc)
    steps = proc.stdout.splitlines()
    assert f"STEP {alg_id} set POPULATION = polygons" in steps
    assert f"STEP {alg_id} set POPULATION = roads" not in steps
