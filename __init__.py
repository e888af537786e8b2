"""Drive-Time Equity: drive-time, coverage and equity analysis for ambulance and urgent-care planners.

QGIS calls :func:`classFactory` (``qgis_process`` calls it with ``iface=None``). Everything heavy is imported
lazily, so loading the plugin costs nothing until an algorithm runs.
"""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from .plugin.plugin import DriveTimeEquityPlugin

    return DriveTimeEquityPlugin(iface)
