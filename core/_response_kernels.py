"""Numba kernels of :mod:`.response` (private: raw arrays, no checks; see response.py for the model)."""
import math

import numpy as np
from numba import njit


@njit(inline="always")
def _n_reach(order, times, j):
    """How many stations reach place ``j``: ``order[j]`` lists them first (by drive time), then the
    unreachable ones (time inf)."""
    n = order.shape[1]
    for k in range(n):
        if not math.isfinite(times[j, order[j, k]]):
            return k
    return n


@njit(cache=True)
def dispatch_pass(order, times, vehicles, rho, block, qfac, rates, service_extra, direct_share, q_st, p_out, load_out,
                  calls_out, first_out, qload_out, qcalls_out, qfirst_out, write_p):
    """One pass of the hypercube approximation over the demand places.

    order: (M, S) stations of each place by drive time (unreachable ones last, time inf); times: (M, S)
    minutes (place by place, for memory locality); vehicles: (S,) vehicles per station; rho: (S,) busy fraction
    of one vehicle of each station;
    block: (S,) probability that every vehicle of the station is busy (negative: treat the station's
    vehicles one by one with rho);
    qfac: (N,) Larson's correction factor Q(N, rho, m) for the m-th choice; rates: (M,) calls per minute;
    service_extra: activation + mean job cycle (minutes a vehicle is busy beyond the drive); direct_share:
    the probability that a call finds a vehicle free (1 - Erlang C).

    q_st: (S,) share of the calls that wait (every vehicle busy) taken by each station, among those that can
    reach the place.

    Writes p_out (M, S) (probability that the call of a place is answered by station s without waiting,
    scaled to sum to direct_share), load_out (S,) (busy minutes per minute given to the station's vehicles by those
    calls), calls_out (S,) (calls per minute) and first_out (S,) (of which at places whose nearest station is
    s). Returns nothing."""
    m_places = order.shape[0]
    n_st = order.shape[1]
    n_veh = qfac.shape[0]
    for s in range(n_st):
        load_out[s] = 0.0
        calls_out[s] = 0.0
        first_out[s] = 0.0
        qload_out[s] = 0.0
        qcalls_out[s] = 0.0
        qfirst_out[s] = 0.0
    wait_share = 1.0 - direct_share
    prow = np.zeros(n_st)
    for j in range(m_places):
        for s in range(n_st):
            prow[s] = 0.0
        prod = 1.0
        m = 0
        total = 0.0
        for k in range(_n_reach(order, times, j)):
            s = order[j, k]
            if vehicles[s] == 0:
                continue
            if block[s] < 0.0:  # vehicle by vehicle (Larson)
                r = rho[s]
                for _v in range(vehicles[s]):
                    if m >= n_veh:
                        break
                    p = qfac[m] * prod * (1.0 - r)
                    prow[s] += p
                    total += p
                    prod *= r
                    m += 1
            else:  # the station as one unit, all busy with probability block[s]
                p = qfac[m] * prod * (1.0 - block[s])
                prow[s] += p
                total += p
                prod *= block[s]
                m += vehicles[s]
            if prod < 1e-14:
                break
        lam = rates[j]
        first = order[j, 0]
        scale = direct_share / total if total > 0.0 else 0.0
        for s in range(n_st):
            p = prow[s] * scale
            if write_p:
                p_out[j, s] = p
            if p > 0.0:
                load_out[s] += lam * p * (times[j, s] + service_extra)
                calls_out[s] += lam * p
                if s == first:
                    first_out[s] += lam * p
        if wait_share > 0.0:
            qsum = 0.0
            for s in range(n_st):
                if vehicles[s] > 0 and math.isfinite(times[j, s]):
                    qsum += q_st[s]
            if qsum > 0.0:
                for s in range(n_st):
                    if vehicles[s] > 0 and math.isfinite(times[j, s]):
                        c = lam * wait_share * q_st[s] / qsum
                        qload_out[s] += c * (times[j, s] + service_extra)
                        qcalls_out[s] += c
                        if s == first:
                            qfirst_out[s] += c


@njit(cache=True)
def area_cdf(x, place_area, rates, order, times, p_direct, p_queue, q_st, theta, activation):
    """Demand-weighted probability, per area, that the response time is at most x[area] (not divided by
    the area's demand). Direct dispatches are point masses at activation + drive; queued calls add an
    exponential wait (rate theta) to the drive of the station whose vehicle frees first (shares q_st)."""
    n_areas = x.shape[0]
    out = np.zeros(n_areas)
    m_places = order.shape[0]
    for j in range(m_places):
        a = place_area[j]
        if a < 0:
            continue
        xa = x[a]
        lam = rates[j]
        acc = 0.0
        qsum = 0.0
        qacc = 0.0
        for k in range(_n_reach(order, times, j)):
            s = order[j, k]
            t = times[j, s]
            r = activation + t
            if r <= xa:
                acc += p_direct[j, s]
                if p_queue > 0.0:
                    qacc += q_st[s] * (1.0 - math.exp(-theta * (xa - r)))
            qsum += q_st[s]
        if qsum > 0.0:
            acc += p_queue * qacc / qsum
        out[a] += lam * acc
    return out


@njit(cache=True)
def simulate_run(rng_seed, t_end, warmup, rates_cum, total_rate, order, times, station_of, vehicle_start,
                 vehicles, activation, job_cycle, out_place, out_resp, out_station, out_busy):
    """One replication of the discrete-event simulation, processing calls in arrival order (FIFO).

    Calls arrive as a Poisson process of ``total_rate`` per minute; the place of each is drawn from
    ``rates_cum`` (cumulative shares). A call goes to the nearest free vehicle (station order of the
    place); if none is free it waits for the first vehicle (that can reach it) to become free. A vehicle is
    busy for activation + drive + job cycle (exponential, mean ``job_cycle``) and is then back at its station.
    Only calls arriving after ``warmup`` are recorded. Returns the number of calls recorded."""
    np.random.seed(rng_seed)
    n_veh = station_of.shape[0]
    n_st = order.shape[1]
    free_at = np.zeros(n_veh)
    t = 0.0
    n = 0
    cap = out_place.shape[0]
    while True:
        t += np.random.exponential(1.0 / total_rate)
        if t >= t_end:
            break
        u = np.random.random()
        j = np.searchsorted(rates_cum, u, side="right")
        if j >= rates_cum.shape[0]:
            j = rates_cum.shape[0] - 1
        best = -1
        # nearest free vehicle, stations in order of drive time
        for k in range(n_st):
            s = order[j, k]
            if not math.isfinite(times[j, s]):
                break
            for v in range(vehicle_start[s], vehicle_start[s] + vehicles[s]):
                if free_at[v] <= t:
                    best = v
                    break
            if best >= 0:
                break
        start = t
        if best < 0:
            # all busy: the first vehicle (among those that can reach the place) to become free
            soonest = math.inf
            for v in range(n_veh):
                if math.isfinite(times[j, station_of[v]]) and free_at[v] < soonest:
                    soonest = free_at[v]
                    best = v
            start = soonest
        s = station_of[best]
        drive = times[j, s]
        cycle = np.random.exponential(job_cycle) if job_cycle > 0 else 0.0
        free_at[best] = start + activation + drive + cycle
        if t >= warmup and n < cap:
            out_place[n] = j
            out_resp[n] = start - t + activation + drive
            out_station[n] = s
            out_busy[n] = activation + drive + cycle
            n += 1
    return n
