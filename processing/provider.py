"""The ``drivetime`` Processing provider."""
import importlib

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..plugin.utils import resources_path, version

# (module in this package, class): explicit list, one algorithm per file.
ALGORITHMS = [
    ("alg_speedsurface", "SpeedSurfaceAlgorithm"),
    ("alg_calibrate", "CalibrateAlgorithm"),
    ("alg_drivetime", "DriveTimeAlgorithm"),
    ("alg_coverage", "CoverageAlgorithm"),
    ("alg_matrix", "MatrixAlgorithm"),
    ("alg_scenario", "ScenarioAlgorithm"),
    ("alg_standby", "StandbyAlgorithm"),
    ("alg_response", "ResponseAlgorithm"),
    ("alg_scenariobatch", "ScenarioBatchAlgorithm"),
    ("alg_consultationmap", "ConsultationMapAlgorithm"),
]


class DriveTimeProvider(QgsProcessingProvider):
    def id(self):
        return "drivetime"

    def name(self):
        return QCoreApplication.translate("DriveTimeEquity", "Drive-Time Equity")

    def longName(self):  # noqa: N802
        return f"{self.name()} {self.versionInfo()}"

    def versionInfo(self):  # noqa: N802
        return version()

    def icon(self):
        return QIcon(resources_path("icons", "drivetime.svg"))

    def load(self):
        from . import dask_settings  # the Dask scheduler setting, in Settings > Options > Processing
        dask_settings.register(self)
        self.refreshAlgorithms()
        return True

    def unload(self):
        from . import dask_settings
        dask_settings.unregister()

    def loadAlgorithms(self):  # noqa: N802
        for module, cls in ALGORITHMS:
            mod = importlib.import_module(f"{__package__}.{module}")
            self.addAlgorithm(getattr(mod, cls)())
