"""Private Numba kernel of :mod:`._model`: speed to friction in one pass (no full-size temporaries)."""
import math

import numpy as np
from numba import njit


@njit(cache=True, nogil=True)
def speed_to_friction(s, out):
    """``out[i] = float32(0.06 / s[i])`` in float64 where ``s[i]`` is finite and positive, else inf: the same
    operations, so the same bits, as the NumPy expression of :func:`._model.speed_to_friction`."""
    for i in range(s.shape[0]):
        v = np.float64(s[i])
        if math.isfinite(v) and v > 0.0:
            out[i] = np.float32(0.06 / v)
        else:
            out[i] = np.inf
