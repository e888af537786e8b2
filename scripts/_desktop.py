"""What the desktop scripts share. They run *inside* QGIS (``qgis --code scripts/desktop_*.py``, from the
repository root: ``--code`` gives a script no ``__file__``): the output folder (``$OUT``) and the sample data
(``$DATA``) from the environment, a log file and screenshots in the output folder, our plugin loaded as the plugin
manager would, and the exit without the "save the project?" question."""
import os

from qgis.core import QgsProject
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import loadPlugin, plugins, startPlugin

DATA = os.path.abspath(os.environ.get("DATA", os.path.join(os.getcwd(), "..", "shared", "data")))


class Session:
    """The output folder ``out`` (``$OUT``, else ``default_out``), the log ``log_name`` in it, screenshots."""

    def __init__(self, default_out, log_name):
        self.out = os.environ.get("OUT", default_out)
        os.makedirs(self.out, exist_ok=True)
        self._log = open(os.path.join(self.out, log_name), "w", encoding="utf-8")

    def log(self, *parts):
        self._log.write(" ".join(str(p) for p in parts) + "\n")
        self._log.flush()

    def shot(self, name):
        QApplication.processEvents()
        QApplication.primaryScreen().grabWindow(0).save(os.path.join(self.out, name))
        self.log("screenshot", name)

    def finish(self):
        """Closes the log and quits QGIS (a clean project: no "save the project?" question)."""
        self._log.close()
        QgsProject.instance().setDirty(False)
        os._exit(0)


def load_plugin():
    """Our plugin, loaded and started as the plugin manager would when it is not enabled in this profile."""
    if "drivetime_equity" not in plugins:
        loadPlugin("drivetime_equity")
        startPlugin("drivetime_equity")
