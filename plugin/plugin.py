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
        self.translator = install_translator()
        self._warned = False

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
        from qgis.PyQt.QtGui import QIcon
        from qgis.PyQt.QtWidgets import QAction

        icon = QIcon(resources_path("icons", "drivetime.svg"))
        action = QAction(icon, tr("Drive-Time Equity tools…"), self.iface.mainWindow())
        action.setToolTip(tr("Show the Drive-Time Equity algorithms in the Processing Toolbox"))
        action.triggered.connect(self.show_toolbox)
        self.iface.addPluginToMenu(MENU, action)
        self.actions.append(action)
        from ..processing.provider import ALGORITHMS

        by_class = {type(a).__name__: a for a in self.provider.algorithms()}
        for _module, cls in ALGORITHMS:  # workflow order, as listed by the provider
            alg = by_class[cls]
            a = QAction(alg.icon(), alg.displayName() + "…", self.iface.mainWindow())
            a.triggered.connect(lambda _=False, aid=alg.id(): self.open_algorithm(aid))
            self.iface.addPluginToMenu(MENU, a)
            self.actions.append(a)

    def unload(self):
        for action in self.actions:
            if self.iface is not None:
                self.iface.removePluginMenu(MENU, action)
        self.actions = []
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
        import processing  # QGIS's own Processing plugin (absolute import on purpose)

        processing.execAlgorithmDialog(alg_id)

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
