"""Compute core of Drive-Time Equity: never imports ``qgis`` (plain pytest runs it).

Dependencies: numpy and numba (the kernels), scipy (matrix groups, coverage smoothing, calibration, response
statistics), shapely (coverage polygons), scikit-learn (hierarchical clusters), rasterio (rasterising roads)
and, only for ``DRIVETIME_DASK``, dask.distributed; all but numpy are imported where they are used.

Public modules:

* :mod:`.grid` -- :class:`Grid`, a georeferenced array container (array, geotransform, CRS WKT, nodata).
* :mod:`.costdist` -- accumulated-cost (drive-time) API, the one entry for every caller: the graph model,
  :class:`~.costdist.CostResult`, the input checks, multi-source nearest / second-nearest allocation and
  travel-time matrices; the fast engine (:mod:`.engine`, private kernels ``_*.py``) sits behind it.
* :mod:`.speeds` -- road class to speed tables and friction conversion.
* :mod:`.rasterize` -- roads and barriers onto a grid.

Numba is imported lazily by the modules that need it (the ``_*kernels`` / ``_heap``
modules), so importing this package is cheap.
"""


class Cancelled(Exception):
    """Raised by core functions when their progress callback asks them to stop."""
