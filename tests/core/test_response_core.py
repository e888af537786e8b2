"""core/response.py: the analytic response-time model against the discrete-event simulation and exact
queueing results."""
import math

import numpy as np
import pytest

from drivetime_equity.core import response as rs


def instance(seed=1, S=8, M=400, util=0.5, activation=2.0, job_cycle=45.0):
    """Stations and places on a 40 km square, 1 min per km; demand scaled to about ``util``."""
    rng = np.random.default_rng(seed)
    st = rng.uniform(0, 40, (S, 2))
    pl = rng.uniform(0, 40, (M, 2))
    times = np.hypot(st[:, None, 0] - pl[None, :, 0], st[:, None, 1] - pl[None, :, 1])
    veh = rng.integers(1, 4, S)
    per_call = activation + job_cycle + times.min(0).mean() * 1.3
    rates = rng.uniform(0.5, 1.5, M)
    rates *= util * veh.sum() / per_call * rs.MIN_PER_DAY / rates.sum()
    groups = (pl[:, 0] // 20).astype(int) * 2 + (pl[:, 1] // 20).astype(int)
    return rs.Problem.build(times, veh, rates, activation, job_cycle), groups


# -- exact queueing results -----------------------------------------------------------------------------
def test_erlang_c_known_values():
    assert rs.erlang_c(2, 1.0) == pytest.approx(1.0 / 3.0, abs=1e-12)  # M/M/2, 1 erlang
    assert rs.erlang_c(1, 0.6) == pytest.approx(0.6, abs=1e-12)  # M/M/1: P(wait) = rho


def test_q_factors_sum_to_no_wait_probability():
    # sum over m of Q_m rho^m (1 - rho) is P(some vehicle free) = 1 - Erlang C, for interchangeable vehicles
    for n, a in ((1, 0.5), (5, 2.0), (12, 9.0)):
        rho = a / n
        q = rs.q_factors(n, a)
        total = sum(q[m] * rho ** m * (1 - rho) for m in range(n))
        assert total == pytest.approx(1.0 - rs.erlang_c(n, a), rel=1e-10)
    assert rs.q_factors(1, 0.4)[0] == pytest.approx(1.0)


def test_station_blocking_is_erlang_b():
    # one vehicle: its busy fraction; two vehicles carrying 2 * 0.5 erlang: Erlang B at the offered load
    b = rs.station_blocking([1, 2], [0.3, 0.5])
    assert b[0] == pytest.approx(0.3)
    # carried load L (1 - B(2, L)) = 1 erlang -> L = 1 + sqrt(2) ... check the defining identity instead
    L = 1.0
    for _ in range(200):
        L = 1.0 / (1.0 - rs.erlang_b(2, L))
    assert b[1] == pytest.approx(rs.erlang_b(2, L), rel=1e-6)


def test_simulation_of_mmn_queue_matches_erlang_c():
    # every station on the demand place, no activation: the response is the wait of an M/M/3 queue
    times = np.zeros((3, 1))
    job = 30.0
    lam_day = 2.0 * rs.MIN_PER_DAY / job  # 2 erlangs on 3 vehicles
    p = rs.Problem.build(times, [1, 1, 1], [lam_day], 0.0, job)
    sim = rs.simulate(p, days=400, replications=6, seed=5)
    st = sim.group_stats(np.zeros(1, int), 1)
    c = rs.erlang_c(3, 2.0)
    exact = c / (3.0 / job - lam_day / rs.MIN_PER_DAY)
    assert abs(st["mean"][0] - exact) <= max(3 * st["mean_ci"][0], 0.05 * exact)
    waited = np.mean(np.concatenate(sim.response) > 0)
    assert waited == pytest.approx(c, abs=0.02)


# -- vanishing demand ------------------------------------------------------------------------------------
def test_vanishing_demand_is_activation_plus_nearest_drive():
    p, groups = instance(util=0.5)
    tiny = p.scaled(1e-9)
    ref = np.array([np.sum(tiny.rates[groups == g] * (2.0 + tiny.times.min(0)[groups == g])) /
                    tiny.rates[groups == g].sum() for g in range(4)])
    m = rs.analytic(tiny)
    st = m.group_stats(groups, 4)
    np.testing.assert_allclose(st["mean"], ref, atol=1e-6)
    assert m.group_stats(np.zeros(groups.size, int), 1)["mean"][0] == pytest.approx(tiny.nearest_mean(), abs=1e-6)
    # the simulation: a call never finds its nearest vehicle busy when calls are rare and jobs short
    rare = rs.Problem.build(p.times, p.vehicles, p.rates / p.rates.sum() * 2.0, 2.0, 0.0)
    sim = rs.simulate(rare, days=20000, replications=8, seed=1)
    ss = sim.group_stats(np.zeros(groups.size, int), 1)
    assert abs(ss["mean"][0] - rare.nearest_mean()) <= ss["mean_ci"][0]


# -- analytic against simulation -------------------------------------------------------------------------
@pytest.mark.parametrize("util", [0.3, 0.5])
def test_analytic_agrees_with_simulation(util):
    p, groups = instance(seed=1, util=util)
    m = rs.analytic(p)
    assert 0.25 <= m.load / p.n_vehicles <= 0.7
    sa = m.group_stats(groups, 4, (8, 15))
    sim = rs.simulate(p, days=300, replications=6, seed=3)
    ss = sim.group_stats(groups, 4, (8, 15))
    np.testing.assert_allclose(sa["mean"], ss["mean"], rtol=0.05)
    np.testing.assert_allclose(sa["p90"], ss["p90"], rtol=0.05)
    np.testing.assert_allclose(sa["pct_le"], ss["pct_le"], atol=5.0)
    np.testing.assert_allclose(m.station_table()["utilisation"], sim.station_table()["utilisation"], atol=0.03)
    np.testing.assert_allclose(m.station_table()["calls"], sim.station_table()["calls"], rtol=0.1)


def test_more_demand_worse_more_vehicles_better():
    p, groups = instance(seed=2, util=0.45)
    base = rs.analytic(p).group_stats(groups, 4)
    grown = rs.analytic(p.scaled(1.2)).group_stats(groups, 4)
    assert np.all(grown["mean"] > base["mean"]) and np.all(grown["p90"] >= base["p90"])
    more = p.vehicles.copy()
    more[int(np.argmax(rs.analytic(p).rho))] += 1
    added = rs.analytic(p.with_vehicles(more)).group_stats(groups, 4)
    assert np.all(added["mean"] < base["mean"]) and np.all(added["p90"] <= base["p90"])
    # the simulation moves the same ways (common seed)
    s0 = rs.simulate(p, days=200, replications=4, seed=9).group_stats(np.zeros(groups.size, int), 1)
    s1 = rs.simulate(p.scaled(1.2), days=200, replications=4, seed=9).group_stats(np.zeros(groups.size, int), 1)
    s2 = rs.simulate(p.with_vehicles(more), days=200, replications=4, seed=9).group_stats(
        np.zeros(groups.size, int), 1)
    assert s1["mean"][0] > s0["mean"][0] > s2["mean"][0]


def test_simulation_is_reproducible():
    p, groups = instance(seed=3, util=0.4)
    a = rs.simulate(p, days=20, replications=3, seed=7).group_stats(groups, 4)
    b = rs.simulate(p, days=20, replications=3, seed=7).group_stats(groups, 4)
    c = rs.simulate(p, days=20, replications=3, seed=8).group_stats(groups, 4)
    np.testing.assert_array_equal(a["mean"], b["mean"])
    assert not np.array_equal(a["mean"], c["mean"])


def test_needs_search_adds_vehicles_until_standard_met():
    p, groups = instance(seed=4, util=0.55)
    st = rs.analytic(p).group_stats(groups, 4)
    std = float(np.nanmin(st["mean"]))  # only the best area meets it now
    steps = rs.vehicles_needed(p, groups, 4, std_mean=std + 0.5, max_added=15)
    assert steps[0]["failing"] >= 1
    short = [s["shortfall"] for s in steps]
    assert all(b <= a + 1e-9 for a, b in zip(short, short[1:]))
    assert steps[-1]["failing"] == 0 or steps[-1]["added"] == 15
    assert steps[-1]["vehicles"].sum() == p.vehicles.sum() + steps[-1]["added"]


def test_reduced_places_warm_start_and_screening(monkeypatch):
    """Large problems are solved from the busy fractions of a reduced problem and screened on it: the same
    fixed point, and a needs search that still ends with every area within the standard."""
    p, groups = instance(seed=4, util=0.55)
    full = rs.analytic(p)
    monkeypatch.setattr(rs, "REDUCE_ABOVE", 100)
    fast = rs.analytic(p)
    np.testing.assert_allclose(fast.rho, full.rho, atol=1e-5)
    std = float(np.nanmin(full.group_stats(groups, 4)["mean"])) + 0.5
    steps = rs.vehicles_needed(p, groups, 4, std_mean=std, max_added=6)
    short = [s["shortfall"] for s in steps]
    assert all(b < a for a, b in zip(short, short[1:]))
    monkeypatch.setattr(rs, "REDUCE_ABOVE", 10 ** 9)
    exact = rs.vehicles_needed(p, groups, 4, std_mean=std, max_added=6)
    assert short[-1] <= 1.1 * exact[-1]["shortfall"]  # screening on 25 reduced places loses little


# -- bad inputs --------------------------------------------------------------------------------------------
def test_bad_inputs():
    t = np.ones((2, 3))
    with pytest.raises(rs.ResponseError, match="no vehicles"):
        rs.Problem.build(t, [0, 0], [1, 1, 1], 1.0, 10.0)
    with pytest.raises(rs.ResponseError, match="no demand"):
        rs.Problem.build(t, [1, 1], [0, 0, 0], 1.0, 10.0)
    with pytest.raises(rs.ResponseError, match="job cycle"):
        rs.Problem.build(t, [1, 1], [1, 1, 1], 1.0, -5.0)
    with pytest.raises(rs.ResponseError, match="cannot be reached"):
        rs.Problem.build(np.array([[1.0, np.inf, 1.0]] * 2), [1, 1], [1, 1, 1], 1.0, 10.0)
    over = rs.Problem.build(t, [1, 1], [1000.0, 1000.0, 1000.0], 1.0, 60.0)
    with pytest.raises(rs.ResponseError, match="utilisation at or above 100"):
        rs.analytic(over)
    assert math.isfinite(rs.analytic(rs.Problem.build(t, [1, 1], [1, 1, 1], 1.0, 10.0)).load)
