"""Open the population dialogs in the real QGIS desktop, as a user would, and take screenshots.

Runs *inside* QGIS (``qgis --code``), on a virtual X display; needs ``apt-get install xvfb``::

    OUT=/tmp/dte_desktop DATA=../shared/data QGIS_PLUGINPATH=$PWD/.build/plugins \\
      xvfb-run -a -s '-screen 0 1600x1000x24' qgis --nologo --noversioncheck \\
      --profiles-path /tmp/dte_desktop/profiles --code scripts/desktop_dialogs.py

It loads copies of the sample districts, LSOAs and 500 m population raster (a GeoPackage raster, as a user would
add it) and an analytic drive-time raster (1 km per minute from the John Radcliffe) into a new project, makes the
population raster the active layer (QGIS 3.22 used to crash here: a field parameter whose parent could hold a
raster), opens *Coverage and equity by area*, picks the LSOAs as POPULATION, then the raster as
POPULATION_RASTER, runs it, and opens *Compare site scenarios* and *Place standby points* the same way.
Screenshots ``dlg_*.png`` and a log ``desktop_log.txt`` go to ``$OUT``; QGIS exits when done. The inputs are
copied first: the sample data are never opened for writing.
"""
import os
import shutil
import sys

import numpy as np
from osgeo import gdal
from qgis.core import QgsApplication, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface

import processing

sys.path.insert(0, os.path.join(os.getcwd(), "scripts"))  # run from the repository root
from _desktop import DATA, Session, load_plugin  # noqa: E402

SESSION = Session("/tmp/dte_desktop", "desktop_log.txt")
OUT, log, shot = SESSION.out, SESSION.log, SESSION.shot
state = {}


def inputs():
    gpkg = os.path.join(OUT, "oxfordshire_demo_copy.gpkg")
    shutil.copyfile(os.path.join(DATA, "oxfordshire_demo.gpkg"), gpkg)
    cs, x0, y1, cols, rows = 200.0, 418000.0, 254000.0, 310, 410
    xs = x0 + (np.arange(cols) + 0.5) * cs
    ys = y1 - (np.arange(rows) + 0.5) * cs
    gx, gy = np.meshgrid(xs, ys)
    minutes = os.path.join(OUT, "minutes_jr.tif")
    ds = gdal.GetDriverByName("GTiff").Create(minutes, cols, rows, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((x0, cs, 0, y1, 0, -cs))
    ds.SetProjection("EPSG:27700")
    ds.GetRasterBand(1).WriteArray((np.hypot(gx - 453940.0, gy - 207531.0) / 1000.0).astype(np.float32))
    ds = None
    return {
        "lad": QgsVectorLayer(f"{gpkg}|layername=lad11_oxfordshire", "districts", "ogr"),
        "lsoa": QgsVectorLayer(f"{gpkg}|layername=lsoa11_oxfordshire", "LSOAs", "ogr"),
        "sites": QgsVectorLayer(f"{gpkg}|layername=ae_sites", "A&E sites", "ogr"),
        "minutes": QgsRasterLayer(minutes, "minutes from the JR (analytic)"),
        "pop": QgsRasterLayer(f"GPKG:{gpkg}:pop_mid2018_500m", "pop_mid2018_500m"),
    }


def open_dialog(alg_id, then):
    for item in iface.messageBar().items():
        log("message bar:", item.title(), item.text())
    iface.setActiveLayer(state["pop"])
    log("opening", alg_id, "with the active layer", iface.activeLayer().name())
    dlg = processing.createAlgorithmDialog(alg_id, {})
    state["dlg"] = dlg
    dlg.show()
    dlg.resize(900, 950)
    dlg.move(650, 20)
    QTimer.singleShot(2500, then)


def coverage_lsoa():
    shot("dlg_coverage_raster_active.png")
    state["dlg"].setParameters({"POPULATION": state["lsoa"], "POPULATION_FIELD": "pop_mid2018",
                                "URBANITY_FIELD": "ruc11cd"})
    log("coverage: POPULATION = LSOAs")
    QTimer.singleShot(1500, coverage_raster)


def coverage_raster():
    shot("dlg_coverage_lsoa.png")
    state["dlg"].setParameters({"POPULATION": None, "POPULATION_RASTER": state["pop"], "AREAS": state["lad"],
                                "AREA_ID_FIELD": "lad11nm", "DRIVETIME": state["minutes"],
                                "STUDY_AREA_NAME": "Oxfordshire"})
    log("coverage: POPULATION_RASTER = pop_mid2018_500m; Run")
    QTimer.singleShot(1500, coverage_run)


def coverage_run():
    shot("dlg_coverage_raster.png")
    state["dlg"].runAlgorithm()
    QTimer.singleShot(15000, scenario)


def scenario():
    shot("dlg_coverage_run_log.png")
    state["dlg"].close()
    open_dialog("drivetime:scenario", scenario_set)


def scenario_set():
    shot("dlg_scenario_raster_active.png")
    state["dlg"].setParameters({"POPULATION_RASTER": state["pop"], "AREAS": state["lad"]})
    QTimer.singleShot(1500, standby)


def standby():
    shot("dlg_scenario_raster.png")
    state["dlg"].close()
    open_dialog("drivetime:standby", standby_set)


def standby_set():
    shot("dlg_standby_raster_active.png")
    state["dlg"].setParameters({"POPULATION_RASTER": state["pop"]})
    QTimer.singleShot(1500, finish)


def finish():
    shot("dlg_standby_raster.png")
    state["dlg"].close()
    log("done")
    SESSION.finish()


def main():
    load_plugin()
    log("drivetime provider:", QgsApplication.processingRegistry().providerById("drivetime") is not None)
    state.update(inputs())
    for name in ("lad", "lsoa", "sites", "minutes", "pop"):
        log(name, "valid:", state[name].isValid())
    QgsProject.instance().addMapLayers([state[n] for n in ("lad", "lsoa", "sites", "minutes", "pop")])
    iface.mapCanvas().setExtent(state["lad"].extent())
    QTimer.singleShot(2000, lambda: open_dialog("drivetime:coverage", coverage_lsoa))


main()
