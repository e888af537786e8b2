"""The QGIS plugin class: registers the Processing provider (also under qgis_process) and a menu."""
import os

from qgis.core import QgsApplication, QgsMessageLog, Qgis
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from .utils import PACKAGE, plugin_path, resources_path
from . import deps

MENU = "&Drive-Time Equity"


def tr(text):
    return QCoreApplication.translate("DriveTimeEquity", text)


def install_translator():
    """Install the translator for the user's QGIS locale (i18n/drivetime_equity_<locale>.qm), if present.

    Returns the installed QTranslator or None."""
    locale = QSettings().value("locale/userLocale", QLocale.system().name()) or ""
    locale = str(locale)
    for name in (locale, locale[:2]):
        path = plugin_path("i18n", f"{PACKAGE}_{name}.qm")
        if name and os.path.exists(path):
            translator = QTranslator()
            if translator.load(path):
                QCoreApplication.installTranslator(translator)
                return translator
    return None


class DriveTimeEquityPlugin:
    """Plugin entry point. Builds no widgets in ``__init__`` (``iface`` may be None under qgis_process)."""

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.toolbar = None
        self.dock = None
        self.workshop_action = None
        self.translator = install_translator()
        self._warned = False
        self._legend_watch = None

    # -- Processing -------------------------------------------------------------------------------------
    def initProcessing(self):  # noqa: N802
        """Register the provider once (idempotent); qgis_process calls only this."""
        if self.provider is None:
            from ..processing.provider import DriveTimeProvider

            self.provider = DriveTimeProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    # -- Desktop GUI ------------------------------------------------------------------------------------
    def initGui(self):  # noqa: N802
        self.initProcessing()
        self._warn_missing_dependencies()
        if self.iface is None:
            return
        from qgis.core import QgsProject

        from ..processing.styling import watch_legends

        # results opened by hand (e.g. a GeoTIFF dragged in) show their classes without the "Band 1" line
        self._legend_watch = watch_legends(QgsProject.instance())
        from qgis.PyQt.QtGui import QIcon
        from qgis.PyQt.QtWidgets import QAction

        win = self.iface.mainWindow()
        self.toolbar = self.iface.addToolBar(tr("Drive-Time Equity"))
        self.toolbar.setObjectName("DriveTimeEquityToolbar")
        self.toolbar.setToolTip(tr("Drive-Time Equity: the workflow, step by step, and the workshop mode"))
        from ..processing.provider import ALGORITHMS

        by_class = {type(a).__name__: a for a in self.provider.algorithms()}
        for _module, cls in ALGORITHMS:  # workflow order, as listed by the provider
            alg = by_class[cls]
            if getattr(alg, "IN_TOOLBAR", True) is False:  # e.g. the scenario batch (a scripting tool)
                continue
            a = QAction(alg.icon(), alg.displayName() + "…", win)
            a.setObjectName(f"drivetime_{alg.name()}")
            a.setToolTip(f"<b>{alg.displayName()}</b><br>{alg.shortDescription()}")
            a.triggered.connect(lambda _=False, aid=alg.id(): self.open_algorithm(aid))
            self.iface.addPluginToMenu(MENU, a)
            self.toolbar.addAction(a)
            self.actions.append(a)
        self.toolbar.addSeparator()
        self.workshop_action = QAction(QIcon(resources_path("icons", "whatif.svg")), tr("Workshop mode (what-if)…"),
                                       win)
        self.workshop_action.setObjectName("drivetime_workshop")
        self.workshop_action.setCheckable(True)
        self.workshop_action.setToolTip(tr("Workshop mode: add, move and close sites on the map and watch the "
                                           "drive time and the population covered change"))
        self.workshop_action.toggled.connect(self.show_workshop)
        self.iface.addPluginToMenu(MENU, self.workshop_action)
        self.toolbar.addAction(self.workshop_action)
        self.actions.append(self.workshop_action)
        action = QAction(QIcon(resources_path("icons", "drivetime.svg")), tr("Drive-Time Equity tools…"), win)
        action.setObjectName("drivetime_toolbox")
        action.setToolTip(tr("Show the Drive-Time Equity algorithms in the Processing Toolbox"))
        action.triggered.connect(self.show_toolbox)
        self.iface.addPluginToMenu(MENU, action)
        self.actions.append(action)

    def show_workshop(self, on=True):
        """Show (build on first use) or hide the workshop dock."""
        if self.iface is None:
            return None
        if self.dock is None:
            from qgis.PyQt.QtCore import Qt

            from .whatif_dock import WhatIfDock

            self.dock = WhatIfDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.RightDockWidgetArea, self.dock)
            self.dock.visibilityChanged.connect(self._dock_visibility)
        self.dock.setVisible(bool(on))
        if on:
            self.dock.raise_()
            if self.dock.session is not None and self.dock.session.model is not None:
                self.dock.activate_tool()  # back to the workshop tool after using another one
        return self.dock

    def _dock_visibility(self, visible):
        if self.workshop_action is not None and self.workshop_action.isChecked() != visible:
            self.workshop_action.blockSignals(True)
            self.workshop_action.setChecked(visible)
            self.workshop_action.blockSignals(False)

    def unload(self):
        for action in self.actions:
            if self.iface is not None:
                self.iface.removePluginMenu(MENU, action)
        self.actions = []
        if self.dock is not None:
            self.dock.stop()
            if self.iface is not None:
                self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        self.workshop_action = None
        if self._legend_watch is not None:
            from qgis.core import QgsProject

            try:
                QgsProject.instance().layerTreeRoot().addedChildren.disconnect(self._legend_watch)
            except (TypeError, RuntimeError):
                pass
            self._legend_watch = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None

    def show_toolbox(self):
        """Show the Processing Toolbox filtered to this provider's group."""
        from qgis.PyQt.QtWidgets import QDockWidget, QLineEdit

        win = self.iface.mainWindow()
        dock = win.findChild(QDockWidget, "ProcessingToolbox")
        if dock is None:
            return
        dock.setVisible(True)
        dock.raise_()
        search = dock.findChild(QLineEdit, "searchBox")
        if search is not None:
            search.setText("drivetime")

    @staticmethod
    def open_algorithm(alg_id):
        """Open the algorithm's dialog with the project's fitting layers preselected (layer_choice)."""
        import processing  # QGIS's own Processing plugin (absolute import on purpose)

        from .layer_choice import guess_parameters

        alg = QgsApplication.processingRegistry().algorithmById(alg_id)
        params = guess_parameters(alg) if alg is not None else {}
        processing.execAlgorithmDialog(alg_id, params)

    def _warn_missing_dependencies(self):
        """Tell the user once, in the message bar and the log, what to install."""
        missing = deps.missing()
        if not missing or self._warned:
            return
        self._warned = True
        text = tr("Drive-Time Equity needs the Python packages {names}: {hint}").format(
            names=", ".join(missing), hint=deps.install_hint(missing))
        QgsMessageLog.logMessage(text, "Drive-Time Equity", Qgis.Warning)
        if self.iface is not None:
            self.iface.messageBar().pushMessage("Drive-Time Equity", text, level=Qgis.Warning, duration=0)
