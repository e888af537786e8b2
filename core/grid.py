"""A small georeferenced-grid container, in the spirit of richdem's ``rdarray``.

The core never needs a ``QgsRasterLayer``: a :class:`Grid` carries the array, a GDAL-style geotransform
``(x_min, cell_w, 0, y_max, 0, -cell_h)`` (north-up only), the CRS as WKT and the nodata value.
"""
from dataclasses import dataclass, field
import math

import numpy as np


@dataclass
class GridSpec:
    """Geometry of a north-up grid: origin (top-left corner), cell size and shape."""

    x_min: float
    y_max: float
    cell_size: float
    rows: int
    cols: int
    crs_wkt: str = ""

    @classmethod
    def from_extent(cls, x_min, y_min, x_max, y_max, cell_size, crs_wkt=""):
        """Smallest grid of square ``cell_size`` cells that covers the extent (anchored at its top-left)."""
        if not cell_size > 0:
            raise ValueError("cell size must be positive")
        if not (x_max > x_min and y_max > y_min):
            raise ValueError("extent is empty")
        cols = max(1, int(math.ceil((x_max - x_min) / cell_size - 1e-9)))
        rows = max(1, int(math.ceil((y_max - y_min) / cell_size - 1e-9)))
        return cls(float(x_min), float(y_max), float(cell_size), rows, cols, crs_wkt)

    @property
    def shape(self):
        return (self.rows, self.cols)

    @property
    def transform(self):
        """GDAL geotransform tuple."""
        return (self.x_min, self.cell_size, 0.0, self.y_max, 0.0, -self.cell_size)

    @property
    def x_max(self):
        return self.x_min + self.cols * self.cell_size

    @property
    def y_min(self):
        return self.y_max - self.rows * self.cell_size

    @property
    def bounds(self):
        """(x_min, y_min, x_max, y_max)."""
        return (self.x_min, self.y_min, self.x_max, self.y_max)

    def rowcol(self, x, y):
        """Row and column (int arrays) of the cells holding points x, y; may be outside the grid."""
        x = np.asarray(x, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        col = np.floor((x - self.x_min) / self.cell_size).astype(np.int64)
        row = np.floor((self.y_max - y) / self.cell_size).astype(np.int64)
        return row, col

    def inside(self, row, col):
        row = np.asarray(row)
        col = np.asarray(col)
        return (row >= 0) & (row < self.rows) & (col >= 0) & (col < self.cols)

    def xy(self, row, col):
        """Centre coordinates of cells."""
        row = np.asarray(row, dtype=np.float64)
        col = np.asarray(col, dtype=np.float64)
        return self.x_min + (col + 0.5) * self.cell_size, self.y_max - (row + 0.5) * self.cell_size

    def cell_centres(self):
        """Two 2-D arrays (x, y) of every cell centre."""
        xs = self.x_min + (np.arange(self.cols) + 0.5) * self.cell_size
        ys = self.y_max - (np.arange(self.rows) + 0.5) * self.cell_size
        return np.meshgrid(xs, ys)


@dataclass
class Grid:
    """An array with its :class:`GridSpec` and nodata value."""

    array: np.ndarray
    spec: GridSpec
    nodata: float = None
    meta: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.array.shape != self.spec.shape:
            raise ValueError(f"array shape {self.array.shape} does not match grid {self.spec.shape}")

    @classmethod
    def from_transform(cls, array, transform, crs_wkt="", nodata=None):
        x_min, cw, rx, y_max, ry, ch = transform
        if rx or ry:
            raise ValueError("rotated rasters are not supported")
        if not math.isclose(cw, -ch, rel_tol=1e-6):
            raise ValueError(f"cells must be square (got {cw} x {-ch})")
        spec = GridSpec(x_min, y_max, cw, array.shape[0], array.shape[1], crs_wkt)
        return cls(array, spec, nodata)

    @property
    def transform(self):
        return self.spec.transform

    @property
    def cell_size(self):
        return self.spec.cell_size

    def valid_mask(self):
        """True where the array holds data (not nodata, not NaN)."""
        a = self.array
        m = np.ones(a.shape, dtype=bool)
        if np.issubdtype(a.dtype, np.floating):
            m &= np.isfinite(a)
        if self.nodata is not None and not (isinstance(self.nodata, float) and math.isnan(self.nodata)):
            m &= a != self.nodata
        return m
