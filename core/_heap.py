"""The one binary min-heap of the Numba kernels: keys (float64) and int64 values in two parallel arrays,
``size`` items at the front. Plain ``@njit`` functions, so the kernels of :mod:`._standby_kernels`,
:mod:`._tiled_kernels` and the tests' reference Dijkstra (``tests/_dijkstra.py``) call them (Numba compiles
them into each caller).
Ties leave the order to the sift (no stability promise); lazy deletion is the caller's business."""
import numpy as np
from numba import njit


@njit(cache=True, nogil=True)
def push(hk, hv, size, key, val):
    """Adds ``(key, val)``; the arrays must have room (``size < hk.shape[0]``). Returns the new size."""
    i = size
    while i > 0:
        p = (i - 1) >> 1
        if hk[p] <= key:
            break
        hk[i] = hk[p]
        hv[i] = hv[p]
        i = p
    hk[i] = key
    hv[i] = val
    return size + 1


@njit(cache=True, nogil=True)
def push_grow(hk, hv, size, key, val):
    """As :func:`push`, doubling the arrays first when they are full. Returns ``(hk, hv, size)``."""
    if size == hk.shape[0]:
        nk = np.empty(2 * size, hk.dtype)
        nv = np.empty(2 * size, hv.dtype)
        nk[:size] = hk
        nv[:size] = hv
        hk, hv = nk, nv
    return hk, hv, push(hk, hv, size, key, val)


@njit(cache=True, nogil=True)
def pop(hk, hv, size):
    """Removes the smallest key (``size > 0``). Returns ``(key, val, new size)``."""
    key = hk[0]
    val = hv[0]
    size -= 1
    k = hk[size]
    v = hv[size]
    i = 0
    while True:
        c = 2 * i + 1
        if c >= size:
            break
        if c + 1 < size and hk[c + 1] < hk[c]:
            c += 1
        if hk[c] >= k:
            break
        hk[i] = hk[c]
        hv[i] = hv[c]
        i = c
    if size > 0:
        hk[i] = k
        hv[i] = v
    return key, val, size
