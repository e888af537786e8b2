"""Calibration core: path tracing against the engine and an independent Dijkstra, and recovery of known
fixed times and speed factors from synthetic journeys."""
import math

import numpy as np
import pytest

from drivetime_equity.core import calibrate as cal
from drivetime_equity.core.costdist import cost_distance, speed_to_friction

import _dijkstra as reference  # the plain Dijkstra of tests/_dijkstra.py


def _surface(seed=0, shape=(60, 70)):
    """A road-like surface: off-road 10 km/h, a grid of minor roads, two A roads and a motorway."""
    rng = np.random.default_rng(seed)
    s = np.full(shape, 10.0)
    s[::8, :] = 32.0
    s[:, ::9] = 40.0
    s[20, :] = 56.0
    s[:, 35] = 64.0
    s[45, 5:65] = 96.0
    s[rng.random(shape) < 0.03] = 0.0  # a few impassable cells
    s[::8, :][:, ::9] = 40.0
    return s


def _journeys(shape, n, seed=1, n_dest=6):
    rng = np.random.default_rng(seed)
    dests = np.column_stack([rng.integers(0, shape[0], n_dest), rng.integers(0, shape[1], n_dest)])
    d = dests[rng.integers(0, n_dest, n)]
    a = np.column_stack([rng.integers(0, shape[0], n), rng.integers(0, shape[1], n)])
    return a, d


def _passable(speed, rc):
    return speed[rc[:, 0], rc[:, 1]] > 0


def _case(surface_seed=0, shape=(60, 70), n=200, seed=1, n_dest=6):
    """A surface, its friction, its speed groups and journeys (a, b) between passable cells."""
    speed = _surface(surface_seed, shape)
    a, b = _journeys(speed.shape, n, seed, n_dest)
    keep = _passable(speed, a) & _passable(speed, b)
    return speed, speed_to_friction(speed), cal.speed_groups(speed), a[keep], b[keep]


@pytest.mark.parametrize("neighbours", [8, 16])
def test_traced_split_sums_to_engine_cost_and_matches_reference(neighbours):
    speed, f, groups, a, b = _case()
    total, per = cal.path_group_times(f, 50.0, a, b, groups, neighbours)
    # totals: the plain reference Dijkstra, pair by pair
    for i in range(0, len(a), 17):
        ref = reference.cost_distance(f, 50.0, b[i:i + 1], neighbours=neighbours).cost
        assert total[i] == pytest.approx(float(ref[a[i, 0], a[i, 1]]), rel=1e-5, abs=1e-6)
    ok = np.isfinite(total)
    assert ok.mean() > 0.8
    assert np.allclose(per[ok].sum(axis=1), total[ok], rtol=1e-9)
    assert (per[ok] >= 0).all()


def test_traced_split_is_linear_in_group_factors():
    """Scaling one group's friction changes the path time by exactly that group's share when the path
    stays the same (small scaling: no path changes for most journeys)."""
    _speed, f, groups, a, b = _case(3, n=150, seed=5)
    total, per = cal.path_group_times(f, 50.0, a, b, groups, 16)
    factors = np.array([1.0, 1.0, 1.0 + 1e-4, 1.0])
    total2, _ = cal.path_group_times(cal.scale_friction(f, groups, factors), 50.0, a, b, groups, 16)
    ok = np.isfinite(total)
    predicted = (per[ok] * factors).sum(axis=1)
    # a path can only get cheaper by switching, never dearer than the predicted (old path) time
    assert np.all(total2[ok] <= predicted * (1 + 1e-5) + 1e-6)
    same = np.isclose(total2[ok], predicted, rtol=2e-6)
    assert same.mean() > 0.9


def test_speed_groups_edges():
    s = np.array([[0, 5, 19.99, 20, 44.9, 45, 69.9, 70, 130, np.nan, -3]])
    g = cal.speed_groups(s)
    assert g.tolist() == [[-1, 3, 3, 2, 2, 1, 1, 0, 0, -1, -1]]


@pytest.mark.parametrize("model,fixed,factor", [("fixed", 6.5, 1.0), ("fixed_factor", 7.0, 1.25),
                                                ("fixed_factor", 3.0, 0.8)])
def test_recovers_known_fixed_time_and_factor(model, fixed, factor):
    """Journeys generated from the surface with a known fixed time and speed factor are recovered."""
    _speed, f, groups, a, b = _case(7, n=400, seed=11)
    driving = cost_distance  # independent of the calibration code: one engine run per journey end
    obs = np.empty(len(a))
    for i in range(len(a)):
        obs[i] = driving(f, 50.0, b[i:i + 1], want_nearest=False).cost[a[i, 0], a[i, 1]]
    ok = np.isfinite(obs) & (obs > 0)
    y = fixed + factor * obs[ok]
    keys = [tuple(r) for r in b[ok]]
    res = cal.calibrate(y, f, 50.0, a[ok], b[ok], groups, model, fold_keys=[f"{r}" for r in keys], k=3)
    assert res.fit.fixed == pytest.approx(fixed, abs=1e-3)
    assert np.allclose(res.fit.factors, factor, atol=1e-4)
    assert res.metrics_held_out["median_abs_pct"] < 1e-3
    assert res.metrics_held_out["band_agreement_pct"] == 100.0


def test_recovers_per_group_factors():
    """With a factor per speed group, journeys made on a surface whose groups are slowed by known factors
    are fitted back to those factors (iterating: the slowed surface has other fastest paths)."""
    _speed, f, groups, a, b = _case(9, (70, 80), n=600, seed=13, n_dest=8)
    true = np.array([1.3, 0.9, 1.15, 1.0])
    truth_total, _ = cal.path_group_times(cal.scale_friction(f, groups, true), 50.0, a, b, groups, 16)
    ok = np.isfinite(truth_total)
    y = 4.0 + truth_total[ok]
    fit, _ = cal.fit(y, f, 50.0, a[ok], b[ok], groups, "fixed_groups")
    assert fit.fixed == pytest.approx(4.0, abs=0.05)
    for g in fit.fitted_groups:
        assert fit.factors[g] == pytest.approx(true[g], rel=0.03), (g, fit.factors)


def test_fold_ids_keep_groups_together_and_balance():
    keys = np.repeat(np.arange(12), np.arange(12) + 5)
    folds = cal.fold_ids(keys, k=5, seed=2)
    for key in np.unique(keys):
        assert np.unique(folds[keys == key]).size == 1
    sizes = np.bincount(folds)
    assert sizes.size == 5 and sizes.max() - sizes.min() <= 16
    assert np.array_equal(folds, cal.fold_ids(keys, k=5, seed=2))


def test_metrics_against_hand_values():
    y = np.array([10.0, 20.0, 40.0, 50.0])
    p = np.array([11.0, 18.0, 46.0, 50.0])
    m = cal.metrics(y, p)
    assert m["median_abs_pct"] == pytest.approx(np.median([10, 10, 15, 0]))
    assert m["mean_signed_min"] == pytest.approx((1 - 2 + 6 + 0) / 4)
    assert m["within_10_pct"] == pytest.approx(75.0)
    # bands <=30, 30-45, 45-60, >60: 10/11 same, 20/18 same, 40/46 differ, 50/50 same
    assert m["band_agreement_pct"] == pytest.approx(75.0)
    assert cal.band_of([30.0, 30.01, 45.0, 60.0, 61.0, math.nan]).tolist() == [0, 1, 1, 2, 3, -1]
