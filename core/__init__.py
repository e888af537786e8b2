"""Compute core of Drive-Time Equity: numpy / numba only, never imports ``qgis``.

Public modules:

* :mod:`.grid` -- :class:`Grid`, a georeferenced array container (array, geotransform, CRS WKT, nodata).
* :mod:`.costdist` -- accumulated-cost (drive-time) engine: multi-source, nearest / second-nearest
  allocation, single-source runs with early stop.
* :mod:`.speeds` -- road class to speed tables and friction conversion.
* :mod:`.rasterize` -- roads and barriers onto a grid.

Numba is imported lazily by the modules that need it, so importing this package is cheap.
"""


class Cancelled(Exception):
    """Raised by core functions when their progress callback asks them to stop."""
