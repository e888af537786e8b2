"""The one binary heap of the Numba kernels (core/_heap.py), used by the reference Dijkstra, the standby
coverage search and the tiled engine's tile queue; checked against a sort."""
import numpy as np
import pytest

from drivetime_equity.core import _heap


@pytest.mark.parametrize("seed", range(4))
def test_pops_come_out_in_key_order_with_their_values(seed):
    rng = np.random.default_rng(seed)
    keys = rng.integers(0, 50, 300).astype(np.float64)  # many ties
    hk, hv, size = np.empty(1), np.empty(1, np.int64), 0
    for i, k in enumerate(keys):
        hk, hv, size = _heap.push_grow(hk, hv, size, k, i)
    assert size == 300 and hk.shape[0] >= 300
    got_k, got_v = [], []
    while size:
        k, v, size = _heap.pop(hk, hv, size)
        got_k.append(k)
        got_v.append(v)
    np.testing.assert_array_equal(got_k, np.sort(keys))
    assert sorted(got_v) == list(range(300))
    np.testing.assert_array_equal(keys[got_v], got_k)  # each value came out with its own key


def test_interleaved_push_and_pop_and_fixed_capacity_push():
    rng = np.random.default_rng(9)
    hk, hv, size = np.empty(64), np.empty(64, np.int64), 0
    ref = []
    for step in range(500):
        if size < 64 and (size == 0 or rng.random() < 0.6):
            k = float(rng.random())
            size = _heap.push(hk, hv, size, k, step)
            ref.append(k)
        else:
            k, _, size = _heap.pop(hk, hv, size)
            assert k == min(ref)
            ref.remove(k)
    assert size == len(ref)
