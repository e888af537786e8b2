"""core/standby.py: coverage sets against the cost-distance engine, lazy greedy / swap / target count against
brute force, the certified bound, candidate generation. Plain pytest, no QGIS."""
import itertools
import math

import numpy as np
import pytest

from drivetime_equity.core import costdist
from drivetime_equity.core import standby as sb

import _dijkstra as reference  # the plain Dijkstra of tests/_dijkstra.py

CS = 25.0


def random_sets(rng, n_sets, n_cells, p):
    lists = [np.flatnonzero(rng.random(n_cells) < p) for _ in range(n_sets)]
    return sb.CoverageSets.from_lists(lists, n_cells), rng.integers(1, 20, n_cells).astype(float)


def cover(sets, w, chosen):
    """Independent cover: python sets."""
    s = set()
    for j in chosen:
        s.update(int(x) for x in sets.get(j))
    return float(sum(w[i] for i in s))


def brute(sets, w, k, fixed=(), pool=None):
    pool = [j for j in (range(len(sets)) if pool is None else pool) if j not in fixed]
    best = -1.0
    for combo in itertools.combinations(pool, k):
        best = max(best, cover(sets, w, list(fixed) + list(combo)))
    return best


# -- coverage sets ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("neighbours", [8, 16])
def test_coverage_sets_match_cut_off_cost_distance(neighbours):
    rng = np.random.default_rng(3)
    f = rng.uniform(0.001, 0.01, (45, 52)).astype(np.float32)
    f[rng.random(f.shape) < 0.12] = np.inf
    w = rng.random(f.shape)
    w[rng.random(f.shape) < 0.4] = 0.0
    dem = sb.Demand.from_grid(w)
    src = np.c_[rng.integers(0, 45, 12), rng.integers(0, 52, 12)]
    src[0] = src[1]  # a duplicate candidate
    f[src[:, 0], src[:, 1]] = 0.004
    budget = 2.5
    sets = sb.coverage_sets(f, CS, src, budget, dem, neighbours=neighbours, n_threads=2)
    union = np.zeros(dem.cells.size, bool)
    for i in range(len(src)):
        ref = reference.cost_distance(f, CS, src[i:i + 1], max_cost=budget,
                                      neighbours=neighbours).cost.reshape(-1)[dem.cells]
        assert np.array_equal(np.flatnonzero(np.isfinite(ref)), sets.get(i)), i
        union |= np.isfinite(ref)
    # the union of the sets is what one multi-source run within the budget reaches (fast engine)
    multi = costdist.cost_distance(f, CS, src, max_cost=budget, neighbours=neighbours).cost.reshape(-1)[dem.cells]
    assert np.array_equal(np.isfinite(multi), union)
    assert np.array_equal(sets.get(0), sets.get(1))


def test_coverage_sets_analytic_uniform_speed():
    # uniform friction, 8 neighbours: cost to (dr, dc) is the octile distance; within B exactly where
    # (max + (sqrt2 - 1) min) * cs * f <= B
    f = np.full((41, 41), 0.002, np.float32)
    w = np.ones(f.shape)
    dem = sb.Demand.from_grid(w)
    budget = 0.81  # just over 16 cells straight (no lattice cost lies within 1e-6 of it)
    sets = sb.coverage_sets(f, CS, [[20, 20]], budget, dem, neighbours=8)
    rr, cc = np.divmod(dem.cells, 41)
    a, b = np.abs(rr - 20), np.abs(cc - 20)
    octile = (np.maximum(a, b) + (math.sqrt(2) - 1) * np.minimum(a, b)) * CS * float(np.float32(0.002))
    assert np.abs(octile - budget).min() > 1e-6
    expect = np.flatnonzero(octile <= budget)
    assert np.array_equal(sets.get(0), expect)


def test_impassable_source_covers_nothing_and_demand_on_barrier_never_covered():
    f = np.full((10, 10), 0.001, np.float32)
    f[5, :] = np.inf
    f[0, 0] = np.inf
    w = np.ones(f.shape)
    dem = sb.Demand.from_grid(w)
    sets = sb.coverage_sets(f, CS, [[0, 0], [2, 2]], 100.0, dem, neighbours=16)
    assert sets.sizes()[0] == 0
    covered = set(sets.get(1).tolist())
    rows = dem.cells[list(covered)] // 10
    assert rows.max() <= 4 and len(covered) == 49  # the barrier row blocks knights too; (0,0) impassable


# -- greedy, swap, bound ----------------------------------------------------------------------------------
@pytest.mark.parametrize("seed", range(12))
def test_greedy_vs_brute_force(seed):
    rng = np.random.default_rng(seed)
    sets, w = random_sets(rng, 9, 40, float(rng.uniform(0.08, 0.3)))
    fixed = [8] if seed % 3 == 0 else []
    base = cover(sets, w, fixed)
    for k in (1, 2, 3):
        sol = sb.solve(sets, w, count=k, fixed=fixed, swap=False)
        opt = brute(sets, w, k, fixed)
        got = cover(sets, w, fixed + sol.chosen)
        assert sol.covered == pytest.approx(got)
        # the (1 - 1/e) guarantee on the marginal cover beyond the fixed sites
        assert got - base >= (1 - (1 - 1 / k) ** k) * (opt - base) - 1e-9
        assert got <= opt + 1e-9
        # the certified bound really bounds the optimum
        assert sol.upper_bound >= opt - 1e-9
        if k == 1:
            assert got == pytest.approx(opt)  # greedy is exact for one point
        sw = sb.solve(sets, w, count=k, fixed=fixed, swap=True)
        got_sw = cover(sets, w, fixed + sw.chosen)
        assert got_sw >= got - 1e-9 and got_sw <= opt + 1e-9
        assert len(set(sw.chosen)) == len(sw.chosen) == k and not set(sw.chosen) & set(fixed)


def test_greedy_is_suboptimal_and_swap_fixes_it():
    # classic instance: A covers the middle 6 of 8 cells, B and C the two halves (4 each)
    A = [1, 2, 3, 4, 5, 6]
    B = [0, 1, 2, 3]
    C = [4, 5, 6, 7]
    sets = sb.CoverageSets.from_lists([A, B, C], 8)
    w = np.ones(8)
    g = sb.solve(sets, w, count=2, swap=False)
    assert g.chosen[0] == 0 and g.covered == 7  # greedy takes A first
    s = sb.solve(sets, w, count=2, swap=True)
    assert sorted(s.chosen) == [1, 2] and s.covered == 8 == brute(sets, w, 2)
    # target 100 %: greedy needs 3, greedy + swap finds 2, and the bound proves 1 cannot reach it
    assert len(sb.solve(sets, w, target_share=1.0, swap=False).chosen) == 3
    t = sb.solve(sets, w, target_share=1.0, swap=True)
    assert len(t.chosen) == 2 and t.covered == 8 and t.proven_minimal


def _swap_reference(sets, w, chosen, fixed=()):
    """Plain 1-exchange search: the best improving swap (first drop, then first add, in index order on ties)
    until none improves, each swap's gain from the python-set cover of :func:`cover`."""
    chosen = list(chosen)
    swaps = 0
    while True:
        now = cover(sets, w, list(fixed) + chosen)
        best, pick = 0.0, None
        for i in sorted(chosen):
            for j in range(len(sets)):
                if j in chosen or j in fixed:
                    continue
                trial = [j if x == i else x for x in chosen]
                gain = cover(sets, w, list(fixed) + trial) - now
                if gain > best:
                    best, pick = gain, (i, j)
        if pick is None:
            return chosen, now, swaps
        chosen = [pick[1] if x == pick[0] else x for x in chosen]
        swaps += 1


@pytest.mark.parametrize("seed", range(8))
def test_swap_search_equals_plain_exchange_search(seed):
    """The swap search (its kernel keeps what a swap leaves unchanged between searches) makes the same swaps
    as a plain search that recomputes every cover; integer weights, so every sum is exact."""
    rng = np.random.default_rng(100 + seed)
    sets, w = random_sets(rng, int(rng.integers(12, 30)), 120, float(rng.uniform(0.04, 0.15)))
    fixed = [0] if seed % 2 else []
    for k in (2, 4, 6):
        start = [int(j) for j in rng.choice(np.arange(1, len(sets)), k, replace=False)]
        got, covered, swaps = sb.swap_improve(sets, w, start, fixed=fixed)
        ref, ref_cover, ref_swaps = _swap_reference(sets, w, start, fixed=fixed)
        assert got == ref and covered == ref_cover and swaps == ref_swaps


def test_lazy_greedy_equals_plain_greedy():
    rng = np.random.default_rng(7)
    sets, w = random_sets(rng, 30, 300, 0.05)
    chosen, values = sb.greedy(sets, w, count=10)
    covered = np.zeros(300, bool)
    for step in range(10):
        gains = [w[sets.get(j)][~covered[sets.get(j)]].sum() for j in range(30)]
        j = int(np.argmax(gains))  # first index among ties, as the lazy queue breaks ties
        assert chosen[step] == j
        covered[sets.get(j)] = True
        assert values[step] == pytest.approx(w[covered].sum())


@pytest.mark.parametrize("seed", range(6))
def test_curve_monotone_and_equals_prefix_cover(seed):
    rng = np.random.default_rng(100 + seed)
    sets, w = random_sets(rng, 25, 200, 0.06)
    fixed = [24]
    sol = sb.solve(sets, w, count=5, fixed=fixed, swap=True, curve_max=24)
    order, _ = sb.greedy(sets, w, count=24, fixed=fixed)
    assert np.all(np.diff(sol.curve) >= -1e-9)
    for c in range(len(sol.curve)):
        assert sol.curve[c] == pytest.approx(cover(sets, w, fixed + order[:c]))
    assert np.all(sol.curve_bound >= sol.curve - 1e-9)
    # ranks: marginal gains add up to the cumulative cover, and are non-increasing in the greedy re-ranking
    assert sol.base + np.cumsum(sol.marginal)[-1] == pytest.approx(sol.covered)
    assert np.all(np.diff(sol.marginal) <= 1e-9)
    assert sol.covered >= sol.curve[5] - 1e-9


@pytest.mark.parametrize("seed", range(10))
def test_target_coverage_smallest_count(seed):
    rng = np.random.default_rng(200 + seed)
    sets, w = random_sets(rng, 8, 30, 0.2)
    reach = cover(sets, w, range(8))
    share = float(rng.uniform(0.5, 0.95)) * reach / w.sum()
    for swap in (False, True):
        sol = sb.solve(sets, w, target_share=share, swap=swap)
        k = len(sol.chosen)
        assert sol.target_reached and cover(sets, w, sol.chosen) >= share * w.sum() - 1e-9
        true_min = next(m for m in range(9) if brute(sets, w, m) >= share * w.sum() - 1e-9)
        assert k >= true_min
        if not swap:
            # the smallest greedy prefix reaching the target
            order, values = sb.greedy(sets, w, count=8)
            assert k == next(i + 1 for i, v in enumerate(values) if v >= share * w.sum() - 1e-9)
        if sol.proven_minimal:
            assert k == true_min
        if k > 1:  # one point fewer (greedy prefix + swap) does not reach it
            assert sb.solve(sets, w, count=k - 1, swap=swap).covered < share * w.sum()


def test_target_unreachable_and_fixed_sites_already_enough():
    sets = sb.CoverageSets.from_lists([[0, 1], [1, 2], [5]], 8)
    w = np.ones(8)
    sol = sb.solve(sets, w, target_share=0.9)
    assert not sol.target_reached and sol.covered == 4 == sol.reachable and len(sol.chosen) == 3
    sol = sb.solve(sets, w, target_share=0.2, fixed=[0])
    assert sol.chosen == [] and sol.covered == 2 and sol.base == 2


def test_count_beyond_useful_candidates_is_noted():
    sets = sb.CoverageSets.from_lists([[0, 1], [0, 1], [2]], 4)
    sol = sb.solve(sets, np.ones(4), count=3)
    assert len(sol.chosen) == 2 and sol.notes


# -- candidates, helpers -----------------------------------------------------------------------------------
def test_generate_candidates_on_roads_near_demand():
    from drivetime_equity.core.grid import GridSpec

    spec = GridSpec(0.0, 5000.0, 50.0, 100, 100)
    speed = np.full((100, 100), 10.0, np.float32)
    speed[:, 30] = 48.0
    speed[70, :] = 64.0
    w = np.zeros((100, 100))
    w[10:20, 10:20] = 5.0  # a town far from the roads' crossing
    w[80:90, 80:90] = 1.0
    roads = sb.road_cells(speed)
    assert roads.sum() == 199
    r, c = sb.generate_candidates(w, spec, roads, 2, seed=1)
    assert len(r) == 2 and roads[r, c].all()
    got = sorted(zip(r.tolist(), c.tolist()))
    # nearest road cell of each cluster centre (14.5, 14.5) -> column 30; (84.5, 84.5) -> row 70
    assert got == [(14, 30), (70, 84)] or got == [(15, 30), (70, 84)] or got == [(14, 30), (70, 85)] \
        or got == [(15, 30), (70, 85)]
    assert sb.road_cells(speed, min_speed=60).sum() == 100


def test_points_per_cell_and_per_site_counts():
    g, dropped = sb.points_per_cell([0, 0, 1, 5], [0, 0, 2, 1], (3, 3))
    assert dropped == 1 and g[0, 0] == 2 and g[1, 2] == 1 and g.sum() == 3
    labels = np.array([[0, 1, -1], [1, 1, 0], [-1, -1, -1]])
    counts, none = sb.per_site_counts(labels, [0, 0, 1, 2, 9], [0, 1, 2, 2, 9], 2)
    assert counts.tolist() == [2.0, 1.0] and none == 2.0


def test_zone_sums_against_a_loop():
    labels = np.array([[0, 1, -1], [1, 1, 0], [-1, 2, 2]])
    cells = np.array([0, 1, 2, 4, 5, 7], np.int64)
    w = np.array([1.0, 2.0, 4.0, 8.0, 16.0, 32.0])
    pop = np.array([0.5, 0.25, 9.0, 0.0, 1.0, 3.0])
    (dem, none, pp), inc = sb.zone_sums(labels, cells, 3, (w, None, pop), ([0, 2, 2, 9], [0, 1, 2, 9]))
    flat = labels.reshape(-1)
    for site in range(3):
        assert dem[site] == sum(wv for c, wv in zip(cells, w) if flat[c] == site)
        assert pp[site] == sum(pv for c, pv in zip(cells, pop) if flat[c] == site)
    assert dem.tolist() == [17.0, 10.0, 32.0] and none.tolist() == [0.0] * 3 and inc.tolist() == [1.0, 0.0, 2.0]
    (dem,), inc = sb.zone_sums(None, cells, 2, (w,))
    assert dem.tolist() == [0.0, 0.0] and inc is None
