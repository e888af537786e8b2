"""The workshop dock: choose the layers, start the what-if map tool, read the figures and their change against
the starting sites, save the sites and run ``drivetime:scenario`` on them."""
import os
import tempfile

import numpy as np
from qgis.core import QgsFieldProxyModel, QgsMapLayerProxyModel, QgsProject
from qgis.gui import QgsDockWidget, QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import (QDoubleSpinBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                                 QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from . import layer_choice
from .whatif import DEFAULT_ACTIVATION, DEFAULT_THRESHOLDS, Settings, WhatIfSession


def tr(text):
    return QCoreApplication.translate("DriveTimeEquity", text)


def fmt_people(n):
    return f"{n:,.0f}"


def fmt_signed(n, unit=""):
    if not np.isfinite(n):
        return "–"
    if abs(n) < 0.05:
        return "±0" + unit
    return f"{n:+,.1f}{unit}" if unit else f"{n:+,.0f}"


class WhatIfDock(QgsDockWidget):
    """Layers and numbers, Start / Stop, the figures table, Reset and Save and run scenario."""

    def __init__(self, iface=None, parent=None, project=None):
        super().__init__(tr("Drive-Time Equity workshop"), parent)
        self.setObjectName("DriveTimeEquityWorkshopDock")
        self.iface = iface
        self.project = project or QgsProject.instance()
        self.session = None
        self.map_tool = None
        self._previous_tool = None
        body = QWidget(self)
        lay = QVBoxLayout(body)
        form = QFormLayout()
        self.speed = QgsMapLayerComboBox(body)
        self.speed.setFilters(QgsMapLayerProxyModel.RasterLayer)
        self.sites = QgsMapLayerComboBox(body)
        self.sites.setFilters(QgsMapLayerProxyModel.PointLayer)
        self.areas = QgsMapLayerComboBox(body)
        self.areas.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.population = QgsMapLayerComboBox(body)
        self.population.setFilters(QgsMapLayerProxyModel.PolygonLayer | QgsMapLayerProxyModel.PointLayer |
                                   QgsMapLayerProxyModel.RasterLayer)
        self.population_field = QgsFieldComboBox(body)
        self.population_field.setFilters(QgsFieldProxyModel.Numeric)
        self.population.layerChanged.connect(self._population_changed)
        self.activation = QDoubleSpinBox(body)
        self.activation.setRange(0.0, 1440.0)
        self.activation.setDecimals(1)
        self.activation.setValue(DEFAULT_ACTIVATION)
        self.activation.setSuffix(" " + tr("min"))
        self.thresholds = QLineEdit(DEFAULT_THRESHOLDS, body)
        form.addRow(tr("Speed surface"), self.speed)
        form.addRow(tr("Starting sites"), self.sites)
        form.addRow(tr("Areas"), self.areas)
        form.addRow(tr("Population"), self.population)
        form.addRow(tr("Population field"), self.population_field)
        form.addRow(tr("Activation time"), self.activation)
        form.addRow(tr("Thresholds (minutes)"), self.thresholds)
        lay.addLayout(form)
        row = QHBoxLayout()
        self.start_button = QPushButton(tr("Start workshop"), body)
        self.start_button.setCheckable(True)
        self.start_button.toggled.connect(self._start_toggled)
        self.reset_button = QPushButton(tr("Back to starting sites"), body)
        self.reset_button.clicked.connect(self.reset)
        self.save_button = QPushButton(tr("Save sites and run scenario"), body)
        self.save_button.clicked.connect(self.save_and_run)
        for b in (self.start_button, self.reset_button, self.save_button):
            row.addWidget(b)
        lay.addLayout(row)
        self.help = QLabel(tr("Click the map to add a site, drag a site to move it, right-click a site to close it "
                              "(right-click a closed starting site to reopen it)."), body)
        self.help.setWordWrap(True)
        lay.addWidget(self.help)
        self.headline = QLabel("", body)
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.RichText)
        lay.addWidget(self.headline)
        self.table = QTableWidget(0, 0, body)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        lay.addWidget(self.table, 1)
        self.status = QLabel(tr("Choose the layers and press Start workshop."), body)
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.setWidget(body)
        self._set_running(False)
        self.preselect()

    # -- layers ------------------------------------------------------------------------------------------
    def preselect(self):
        """Pick the layers that look right (layer_choice): a speed raster, A&E / station points, areas, a
        population layer with its people field."""
        layers = sorted(self.project.mapLayers().values(), key=lambda lyr: lyr.name().lower())

        def of(combo):
            return [combo.layer(i) for i in range(combo.count()) if combo.layer(i) is not None]

        for combo, role in ((self.speed, "speed"), (self.sites, "sites"), (self.areas, "areas"),
                            (self.population, "population")):
            allowed = of(combo)
            layer = layer_choice.pick([lyr for lyr in layers if lyr in allowed], role)
            if layer is not None:
                combo.setLayer(layer)
        self._population_changed(self.population.currentLayer())

    def _population_changed(self, layer):
        from qgis.core import QgsMapLayerType

        vector = layer is not None and layer.type() == QgsMapLayerType.VectorLayer
        self.population_field.setLayer(layer if vector else None)
        self.population_field.setEnabled(vector)
        if vector:
            field = layer_choice.numeric_field(layer.fields())
            if field:
                self.population_field.setField(field)

    def settings(self):
        from qgis.core import QgsMapLayerType

        def lid(combo):
            layer = combo.currentLayer()
            return layer.id() if layer is not None else None

        pop = self.population.currentLayer()
        raster = pop is not None and pop.type() == QgsMapLayerType.RasterLayer
        return Settings(speed=lid(self.speed), sites=lid(self.sites), areas=lid(self.areas),
                        population=None if raster else lid(self.population),
                        population_field=None if raster else (self.population_field.currentField() or None),
                        population_raster=lid(self.population) if raster else None,
                        thresholds=self.thresholds.text().strip() or DEFAULT_THRESHOLDS,
                        activation=self.activation.value())

    # -- running -----------------------------------------------------------------------------------------
    def _set_running(self, on):
        for w in (self.speed, self.sites, self.areas, self.population, self.population_field, self.activation,
                  self.thresholds):
            w.setEnabled(not on)
        if not on:
            self.population_field.setEnabled(self.population_field.layer() is not None)
        self.reset_button.setEnabled(on and self.session is not None and self.session.model is not None)
        self.save_button.setEnabled(on and self.session is not None and self.session.model is not None)

    def _start_toggled(self, on):
        if on:
            self.start()
        else:
            self.stop()

    def start(self):
        if self.session is not None:
            return self.session
        s = self.settings()
        missing = [what for what, v in ((tr("a speed surface"), s.speed), (tr("the starting sites"), s.sites),
                                        (tr("the areas"), s.areas),
                                        (tr("the population"), s.population or s.population_raster)) if not v]
        if missing:
            self.status.setText(tr("Choose {what} first.").format(what=", ".join(missing)))
            self.start_button.blockSignals(True)
            self.start_button.setChecked(False)
            self.start_button.blockSignals(False)
            return None
        self.session = WhatIfSession(s, self.project, self)
        self.session.ready.connect(self._ready)
        self.session.updated.connect(self.show_result)
        self.session.failed.connect(self._failed)
        self.session.busy.connect(self._busy)
        self._set_running(True)
        self.start_button.setText(tr("Stop workshop"))
        self.status.setText(tr("Preparing: reading the speed surface and spreading the population…"))
        self.session.start()
        return self.session

    def stop(self):
        if self.session is not None:
            self.session.close()
            self.session = None
        if self.iface is not None and self.map_tool is not None:
            canvas = self.iface.mapCanvas()
            if canvas.mapTool() is self.map_tool:
                canvas.unsetMapTool(self.map_tool)
        self._set_running(False)
        self.start_button.blockSignals(True)
        self.start_button.setChecked(False)
        self.start_button.blockSignals(False)
        self.start_button.setText(tr("Start workshop"))
        self.status.setText(tr("Stopped. The workshop layers stay in the project."))

    def _ready(self):
        self._set_running(True)
        self.activate_tool()

    def activate_tool(self):
        if self.iface is None or self.session is None:
            return
        from .whatif import WhatIfMapTool

        canvas = self.iface.mapCanvas()
        if self.map_tool is None:
            self.map_tool = WhatIfMapTool(canvas, lambda: self.session)
        canvas.setMapTool(self.map_tool)

    def _failed(self, message):
        self.status.setText(tr("Error: {msg}").format(msg=message))
        if self.session is not None and self.session.model is None:
            self.session = None
            self.stop()
            self.status.setText(tr("Error: {msg}").format(msg=message))

    def _busy(self, on):
        if on and self.session is not None and self.session.model is not None:
            self.status.setText(tr("Updating…"))

    def reset(self):
        if self.session is not None:
            self.session.reset()

    # -- figures -----------------------------------------------------------------------------------------
    def show_result(self, res):
        session = self.session
        if session is None or res.figures is None:
            return
        fig, base = res.figures, session.baseline.figures
        from ..core.whatif import change

        d_pop, d_pp, d_study, d_study_pp = change(fig, base)
        th = fig.thresholds
        n_open = len(session.open_indices())
        left_out = int((~res.used).sum())
        t0 = float(th[0])
        self.headline.setText(tr(
            "<b>{n} sites open.</b> Within {T:g} min: <b>{p} people ({pct:.1f} %)</b>, {d} people ({dpp}) "
            "against the starting sites.").format(
            n=n_open, T=t0, p=fmt_people(fig.study_le[0]), pct=fig.study_pct_le[0], d=fmt_signed(d_study[0]),
            dpp=fmt_signed(d_study_pp[0], " pp")))
        headers = [tr("Area"), tr("People")]
        for t in th:
            headers += [tr("≤ {T:g} min").format(T=t), tr("change")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        names = [tr("Whole study area")] + list(session.area_names)
        rows = [(fig.study_total, fig.study_le, fig.study_pct_le, d_study, d_study_pp)]
        for a in range(len(session.area_names)):
            rows.append((fig.pop_total[a], fig.pop_le[a], fig.pct_le[a], d_pop[a], d_pp[a]))
        self.table.setRowCount(len(rows))
        for r, (name, (tot, _le, pct, dp, dpp)) in enumerate(zip(names, rows)):
            cells = [name, fmt_people(tot)]
            for k in range(len(th)):
                cells.append("–" if not np.isfinite(pct[k]) else f"{pct[k]:.1f} %")
                cells.append(f"{fmt_signed(dpp[k], ' pp')} ({fmt_signed(dp[k])})")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c > 0:
                    item.setTextAlignment(int(Qt.AlignRight | Qt.AlignVCenter))
                self.table.setItem(r, c, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        msg = tr("Updated in {s:.2f} s (drive time {d:.2f} s, counting {c:.2f} s).").format(
            s=getattr(res, "latency", res.seconds), d=res.timings.get("drive_time", 0.0),
            c=res.timings.get("count", 0.0))
        if left_out:
            msg += " " + tr("{n} site(s) off the speed surface or far from any road are left out.").format(n=left_out)
        self.status.setText(msg)

    # -- scenario ----------------------------------------------------------------------------------------
    def save_and_run(self, _checked=False, folder=None, show_dialog=True):
        """Save the open sites to a GeoPackage (added to the project) and run ``drivetime:scenario`` on them
        against the starting sites, in its dialog (progress, log, results loaded). Returns the parameters."""
        session = self.session
        if session is None or session.model is None:
            return None
        folder = folder or self._output_folder()
        os.makedirs(folder, exist_ok=True)
        n = 1
        while os.path.exists(os.path.join(folder, f"workshop_sites_{n}.gpkg")):
            n += 1
        path = os.path.join(folder, f"workshop_sites_{n}.gpkg")
        try:
            source = session.save_sites(path)
        except OSError as e:
            self.status.setText(tr("Could not save the sites: {err}").format(err=e))
            return None
        from qgis.core import QgsVectorLayer

        saved = QgsVectorLayer(source, tr("Workshop sites {n}").format(n=n), "ogr")
        from .whatif import style_sites

        style_sites(saved)
        self.project.addMapLayer(saved)
        out = os.path.join(folder, f"scenario_{n}")
        os.makedirs(out, exist_ok=True)
        params = session.scenario_parameters(source, out)
        self.status.setText(tr("Sites saved to {path}; running Compare site scenarios.").format(path=path))
        if show_dialog:
            import processing  # QGIS's own Processing plugin (absolute import on purpose)

            dlg = processing.createAlgorithmDialog("drivetime:scenario", params)
            if dlg is not None:
                dlg.show()
                dlg.runAlgorithm()
                self._scenario_dialog = dlg
        return params

    def _output_folder(self):
        home = self.project.homePath()
        if home and os.access(home, os.W_OK):
            return os.path.join(home, "workshop")
        return os.path.join(tempfile.gettempdir(), "drivetime_workshop")

    def closeEvent(self, e):  # noqa: N802
        self.stop()
        super().closeEvent(e)
