"""Processing provider and algorithms (QGIS glue around :mod:`drivetime_equity.core`).

Note: QGIS's own plugin is also called ``processing``; inside this package use relative imports only.
"""
