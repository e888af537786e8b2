"""The reference Dijkstra (tests/_dijkstra.py) against independent references:
a pure-Python heapq Dijkstra written here, scikit-image MCP_Geometric and exact Euclidean distance."""
import heapq
import math

import numpy as np
import pytest

from drivetime_equity.core import Cancelled, costdist

import _dijkstra as reference  # the plain Dijkstra the other tests check against


def py_dijkstra(fric, cs, sources, offsets, neighbours, max_cost=math.inf, exclude=None):
    """Textbook Dijkstra over the graph documented in costdist (independent code path)."""
    rows, cols = fric.shape
    moves = [(-1, 0), (1, 0), (0, -1), (0, 1)]
    if neighbours >= 8:
        moves += [(-1, -1), (-1, 1), (1, -1), (1, 1)]
    if neighbours == 16:
        moves += [(-2, -1), (-2, 1), (2, -1), (2, 1), (-1, -2), (-1, 2), (1, -2), (1, 2)]
    dist = np.full(fric.shape, np.inf)
    lab = np.full(fric.shape, -1)
    heap = []
    for k, ((r, c), o) in enumerate(zip(sources, offsets)):
        if exclude is not None and k == exclude:
            continue
        if o <= max_cost:
            heapq.heappush(heap, (o, r, c, k))
    done = np.zeros(fric.shape, bool)
    while heap:
        d, r, c, k = heapq.heappop(heap)
        if done[r, c]:
            continue
        done[r, c] = True
        dist[r, c] = d
        lab[r, c] = k
        for dr, dc in moves:
            r2, c2 = r + dr, c + dc
            if not (0 <= r2 < rows and 0 <= c2 < cols) or done[r2, c2]:
                continue
            cells = [(r, c), (r2, c2)]
            if abs(dr) + abs(dc) == 3:  # knight: the two cells the segment crosses
                if abs(dr) == 2:
                    s = 1 if dr > 0 else -1
                    cells += [(r + s, c), (r + s, c + dc)]
                else:
                    s = 1 if dc > 0 else -1
                    cells += [(r, c + s), (r + dr, c + s)]
            fs = [float(fric[a, b]) for a, b in cells]
            if not all(math.isfinite(f) for f in fs):
                continue
            length = math.sqrt(dr * dr + dc * dc)
            w = cs * length * sum(fs) / len(fs)
            if d + w <= max_cost:
                heapq.heappush(heap, (d + w, r2, c2, k))
    return dist, lab


def random_case(rng, rows, cols, n_src, p_block=0.15):
    speed = rng.uniform(4, 110, size=(rows, cols))
    speed[rng.random((rows, cols)) < p_block] = 0.0
    fric = costdist.speed_to_friction(speed)
    free = np.argwhere(np.isfinite(fric))
    src = free[rng.choice(len(free), size=n_src, replace=False)]
    off = rng.uniform(0, 3, size=n_src)
    return fric, src, off


@pytest.mark.parametrize("neighbours", [8, 16])
@pytest.mark.parametrize("seed", range(6))
def test_reference_equals_textbook_dijkstra(neighbours, seed):
    rng = np.random.default_rng(seed)
    fric, src, off = random_case(rng, 23, 31, n_src=1 + seed % 4)
    max_cost = None if seed % 2 else 4.0
    res = reference.cost_distance(fric, 25.0, src, off, max_cost=max_cost, neighbours=neighbours,
                                 want_second=True)
    ref, ref_lab = py_dijkstra(fric, 25.0, src, off, neighbours, math.inf if max_cost is None else max_cost)
    np.testing.assert_array_equal(np.isfinite(res.cost), np.isfinite(ref))
    fin = np.isfinite(ref)
    np.testing.assert_allclose(res.cost[fin], ref[fin], rtol=1e-6)
    # second nearest: the best cost over the sources other than the nearest one
    for k in range(len(src)):
        alt, _ = py_dijkstra(fric, 25.0, src, off, neighbours, math.inf if max_cost is None else max_cost, exclude=k)
        mask = res.nearest == k
        exp = alt[mask]
        got = res.second_cost[mask].astype(float)
        np.testing.assert_array_equal(np.isfinite(got), np.isfinite(exp))
        np.testing.assert_allclose(got[np.isfinite(exp)], exp[np.isfinite(exp)], rtol=1e-6)


def test_reference_matches_scikit_image_8_neighbours():
    skimage_graph = pytest.importorskip("skimage.graph")
    rng = np.random.default_rng(42)
    speed = rng.uniform(5, 100, size=(60, 70))
    fric = costdist.speed_to_friction(speed)
    src = np.array([[5, 5], [50, 60], [30, 3]])
    res = reference.cost_distance(fric, 10.0, src, neighbours=8)
    mcp = skimage_graph.MCP_Geometric(fric.astype(np.float64) * 10.0, fully_connected=True)
    costs, _ = mcp.find_costs([tuple(s) for s in src])
    np.testing.assert_allclose(res.cost, costs, rtol=1e-6)


def test_uniform_surface_close_to_euclidean():
    fric = costdist.speed_to_friction(np.full((81, 81), 60.0))  # 1 km/min
    res8 = reference.cost_distance(fric, 100.0, [[40, 40]], neighbours=8)
    res16 = reference.cost_distance(fric, 100.0, [[40, 40]], neighbours=16)
    rr, cc = np.mgrid[0:81, 0:81]
    exact = np.hypot(rr - 40, cc - 40) * 0.1  # minutes
    far = exact > 1.0
    err8 = np.max(res8.cost[far] / exact[far] - 1)
    err16 = np.max(res16.cost[far] / exact[far] - 1)
    # never shorter than the straight line; octile worst case 8.24 %, knight worst case 2.79 %
    assert np.all(res8.cost[far] >= exact[far] * (1 - 1e-6))
    assert np.all(res16.cost[far] >= exact[far] * (1 - 1e-6))
    assert 0.07 < err8 < 0.0825
    assert 0.02 < err16 < 0.0280


def test_offsets_barriers_and_unreachable():
    speed = np.full((20, 20), 30.0)
    speed[:, 10] = 0  # a wall
    fric = costdist.speed_to_friction(speed)
    res = reference.cost_distance(fric, 50.0, [[3, 3]], offsets=[2.0])
    assert res.cost[3, 3] == pytest.approx(2.0)
    assert np.all(np.isinf(res.cost[:, 10:]))
    assert np.all(res.nearest[:, 10:] == -1)
    # orthogonal neighbour: 50 m at 30 km/h = 0.1 min
    assert res.cost[3, 4] == pytest.approx(2.1, rel=1e-6)


def test_cut_off():
    fric = costdist.speed_to_friction(np.full((30, 30), 60.0))
    res = reference.cost_distance(fric, 100.0, [[0, 0]], max_cost=1.05, neighbours=8)
    fin = np.isfinite(res.cost)
    assert fin[0, 10] and not fin[0, 11]  # 1.0 min at 10 cells, 1.1 beyond
    assert res.cost[fin].max() <= 1.05


def test_travel_time_matrix_symmetric_and_consistent():
    rng = np.random.default_rng(3)
    fric, src, _ = random_case(rng, 25, 25, n_src=5, p_block=0.05)
    m = reference.travel_time_matrix(fric, 30.0, src)
    fin = np.isfinite(m)
    np.testing.assert_array_equal(fin, fin.T)
    np.testing.assert_allclose(m[fin], m.T[fin], rtol=1e-9)
    assert np.all(np.diag(m) == 0)
    for i in range(len(src)):
        full = reference.cost_distance(fric, 30.0, src[i:i + 1]).cost
        exp = full[src[:, 0], src[:, 1]]
        np.testing.assert_allclose(m[i][np.isfinite(exp)], exp[np.isfinite(exp)], rtol=1e-6)


def test_progress_cancel():
    fric = costdist.speed_to_friction(np.full((10, 10), 60.0))
    with pytest.raises(Cancelled):
        reference.cost_distance(fric, 10.0, [[0, 0]], progress=lambda f: True)


def test_bad_inputs():
    fric = costdist.speed_to_friction(np.full((10, 10), 60.0))
    with pytest.raises(ValueError, match="outside"):
        reference.cost_distance(fric, 10.0, [[10, 0]])
    with pytest.raises(ValueError, match="no sources"):
        reference.cost_distance(fric, 10.0, np.zeros((0, 2)))
    with pytest.raises(ValueError, match="neighbours"):
        costdist.move_set(12)
    with pytest.raises(ValueError, match="max_cost"):
        reference.cost_distance(fric, 10.0, [[0, 0]], max_cost=-1.0)
    with pytest.raises(ValueError, match="max_cost"):
        reference.travel_time_matrix(fric, 10.0, [[0, 0], [1, 1]], max_cost=float("nan"))


def test_snap_to_passable():
    speed = np.full((11, 11), 30.0)
    speed[3:8, 3:8] = 0
    fric = costdist.speed_to_friction(speed)
    r, c, d = costdist.snap_to_passable(fric, [5, 0], [5, 0], max_cells=3)
    assert np.isfinite(fric[r[0], c[0]]) and d[0] == pytest.approx(3.0)
    assert (r[1], c[1], d[1]) == (0, 0, 0)
    r, c, d = costdist.snap_to_passable(fric, [5], [5], max_cells=2)
    assert np.isnan(d[0])
