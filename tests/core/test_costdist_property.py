"""Property tests (hypothesis): the cost-distance engine (costdist) and the reference Dijkstra (tests/_dijkstra.py)
against an independent shortest-path solver, scipy.sparse.csgraph.dijkstra, on the cell graph documented in
core/costdist.py built here edge by edge, for random small surfaces with impassable cells and random sites."""
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

scipy_sparse = pytest.importorskip("scipy.sparse")
csgraph = pytest.importorskip("scipy.sparse.csgraph")

from drivetime_equity.core import costdist  # noqa: E402

import _dijkstra as reference  # noqa: E402  (the plain Dijkstra of tests/_dijkstra.py)

SPEEDS = [0.0, 0.0, 5.0, 10.0, 30.0, 48.0, 96.0, 112.0]  # km/h; 0 = impassable (drawn more often)


def graph(fric, cs, neighbours):
    """The cell graph as a sparse matrix (written from the documented model, not from the engine's code)."""
    rows, cols = fric.shape
    f = fric.astype(np.float64)
    ok = np.isfinite(f)
    a_idx, b_idx, w = [], [], []
    steps = [(0, 1, 1.0), (1, 0, 1.0), (1, 1, math.sqrt(2)), (1, -1, math.sqrt(2))]
    for r in range(rows):
        for c in range(cols):
            if not ok[r, c]:
                continue
            for dr, dc, length in steps:
                r2, c2 = r + dr, c + dc
                if 0 <= r2 < rows and 0 <= c2 < cols and ok[r2, c2]:
                    a_idx.append(r * cols + c)
                    b_idx.append(r2 * cols + c2)
                    w.append(cs * length * (f[r, c] + f[r2, c2]) / 2)
            if neighbours == 16:
                # knight's moves: the segment between the centres crosses the two cells i, j
                for dr, dc in [(2, 1), (2, -1), (1, 2), (1, -2)]:
                    r2, c2 = r + dr, c + dc
                    if not (0 <= r2 < rows and 0 <= c2 < cols):
                        continue
                    if abs(dr) == 2:
                        i, j = (r + 1, c), (r + 1, c2)
                    else:
                        i, j = (r, c + (1 if dc > 0 else -1)), (r2, c + (1 if dc > 0 else -1))
                    cells = [(r, c), (r2, c2), i, j]
                    if all(ok[p] for p in cells):
                        a_idx.append(r * cols + c)
                        b_idx.append(r2 * cols + c2)
                        w.append(cs * math.sqrt(5) * sum(f[p] for p in cells) / 4)
    n = rows * cols
    return scipy_sparse.csr_matrix((w, (a_idx, b_idx)), shape=(n, n))


def independent(fric, cs, sources, offsets, neighbours, max_cost=math.inf):
    """Minimum over the sites of offset + shortest path (one scipy Dijkstra per site), and the argmin."""
    g = graph(fric, cs, neighbours)
    idx = [r * fric.shape[1] + c for r, c in sources]
    d = csgraph.dijkstra(g, directed=False, indices=idx) + np.asarray(offsets, float)[:, None]
    best = d.min(axis=0)
    best[best > max_cost] = np.inf
    return best.reshape(fric.shape), d


@st.composite
def cases(draw):
    rows = draw(st.integers(2, 9))
    cols = draw(st.integers(2, 9))
    speed = np.array(draw(st.lists(st.sampled_from(SPEEDS), min_size=rows * cols, max_size=rows * cols)),
                     dtype=np.float64).reshape(rows, cols)
    n = draw(st.integers(1, 4))
    cells = draw(st.lists(st.tuples(st.integers(0, rows - 1), st.integers(0, cols - 1)), min_size=n, max_size=n,
                          unique=True))
    for r, c in cells:  # sites stand on passable cells (the algorithms snap them there)
        if speed[r, c] == 0:
            speed[r, c] = 30.0
    offsets = draw(st.lists(st.sampled_from([0.0, 0.5, 2.0, 7.25]), min_size=n, max_size=n))
    cs = draw(st.sampled_from([10.0, 50.0, 100.0]))
    max_cost = draw(st.one_of(st.none(), st.sampled_from([1.0, 3.0, 10.0])))
    return speed, cells, offsets, cs, max_cost


@pytest.mark.parametrize("engine", ["auto", "reference"])
@pytest.mark.parametrize("neighbours", [8, 16])
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=cases())
def test_cost_distance_matches_scipy_dijkstra(case, neighbours, engine):
    speed, cells, offsets, cs, max_cost = case
    fric = costdist.speed_to_friction(speed)
    run = costdist.cost_distance if engine == "auto" else reference.cost_distance
    res = run(fric, cs, np.array(cells), offsets=np.array(offsets), max_cost=max_cost, neighbours=neighbours,
              want_nearest=True)
    want, per_site = independent(fric, cs, cells, offsets, neighbours,
                                 math.inf if max_cost is None else max_cost)
    got = res.cost.astype(np.float64)
    # same cells reachable (away from the cut-off, where float32 rounding may decide)
    if max_cost is not None:
        near_cut = np.isfinite(per_site.min(axis=0).reshape(want.shape)) & (
            np.abs(per_site.min(axis=0).reshape(want.shape) - max_cost) < 1e-4 * max(1.0, max_cost))
    else:
        near_cut = np.zeros(want.shape, bool)
    assert np.array_equal(np.isfinite(got) | near_cut, np.isfinite(want) | near_cut)
    both = np.isfinite(got) & np.isfinite(want)
    np.testing.assert_allclose(got[both], want[both], rtol=2e-6, atol=1e-5)
    # the nearest site is a site that attains the minimum (ties may go either way)
    flat = per_site.reshape(len(cells), -1)
    lab = res.nearest.reshape(-1)
    for k in np.flatnonzero(both.reshape(-1)):
        assert lab[k] >= 0
        assert flat[lab[k], k] <= flat[:, k].min() + 1e-4
    assert np.all(lab[~np.isfinite(got).reshape(-1)] == -1)
