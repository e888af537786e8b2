"""Response-time performance with demand and busy vehicles: mean and 90th percentile per area.

The model (the same for both methods):

* calls arrive as a Poisson process at each demand place (``rates``: calls per day);
* each call is served by the nearest *free* vehicle by drive time (vehicles wait at their own station);
  if none is free (none that can reach the place), the call waits for the first one to become free (calls
  are served first come, first served);
* a vehicle is busy for activation + drive to the scene + the job cycle (on scene, conveyance, handover,
  return), and is then back at its own station; the job cycle is exponentially distributed with mean
  ``job_cycle`` (a conservative choice: real job cycles vary a little less);
* response time = wait + activation + drive to the scene.

Two methods:

* :func:`analytic` -- Larson's hypercube approximation (1975) with Jarvis's extension to service times that
  depend on the vehicle and the place (1985) and the M/M/N queue for calls that find every vehicle busy:
  each vehicle of station s is busy with probability rho_s; the m-th vehicle in a place's order of preference
  answers with probability Q(N, rho, m) * rho_1 ... rho_(m-1) * (1 - rho_m), where Q is Larson's correction
  for the dependence between busy vehicles; the busy fractions are iterated to a fixed point of the workload
  (calls answered x (activation + drive + job cycle)). A call finds every vehicle busy with the Erlang C
  probability; its wait is exponential with the M/M/N rate scaled by the Allen-Cunneen factor for the
  variability of the busy times, and it is answered by the station whose vehicle frees first (in proportion
  to its vehicles' completion rates). The result is, for every place, a response-time distribution (point
  masses at activation + drive plus shifted exponentials), hence the mean, the 90th percentile and the share
  within any time for any group of places.
* :func:`simulate` -- the discrete-event simulation of the same model (seeded, reproducible; independent
  replications after a warm-up; 95 % confidence intervals from the spread between replications). It is the
  reference the analytic method is tested against.

With vanishing demand both give activation + drive time from the nearest station.
"""
import math
from dataclasses import dataclass, field

import numpy as np

MIN_PER_DAY = 1440.0
REDUCE_ABOVE = 40000  # places: larger problems are first solved / screened on a reduced set of places
DAMP = 0.0  # weight of the previous busy fractions in an update of the analytic iteration (raised on oscillation)


class ResponseError(ValueError):
    """Bad inputs to the response model (the message says which and why)."""


def _k():
    from . import _response_kernels

    return _response_kernels


@dataclass
class Problem:
    """Inputs of the model. times: (S, M) drive minutes from each station to each demand place (inf where
    unreachable; any calibrated fixed time included); vehicles: (S,) vehicles per station; rates: (M,) calls
    per day at each place; activation and job_cycle in minutes."""

    times: np.ndarray
    vehicles: np.ndarray
    rates: np.ndarray
    activation: float
    job_cycle: float
    order: np.ndarray = field(default=None, repr=False)
    times_t: np.ndarray = field(default=None, repr=False)  # (M, S) copy, place by place, for the kernels

    def __post_init__(self):
        if self.times_t is None:
            self.times_t = np.ascontiguousarray(self.times.T)

    @classmethod
    def build(cls, times, vehicles, rates, activation, job_cycle):
        times = np.ascontiguousarray(np.asarray(times, np.float64))
        if times.ndim != 2:
            raise ResponseError("times must be a (stations, places) array")
        vehicles = np.asarray(vehicles)
        if vehicles.shape != (times.shape[0],):
            raise ResponseError("one vehicle count per station is needed")
        if not np.all(np.isfinite(vehicles)) or np.any(vehicles < 0) or np.any(vehicles != np.round(vehicles)):
            raise ResponseError("vehicle counts must be whole numbers, 0 or more")
        vehicles = vehicles.astype(np.int64)
        if vehicles.sum() < 1:
            raise ResponseError("there are no vehicles (every station has 0)")
        rates = np.asarray(rates, np.float64)
        if rates.shape != (times.shape[1],):
            raise ResponseError("one demand rate per place is needed")
        if not np.all(np.isfinite(rates)) or np.any(rates < 0):
            raise ResponseError("demand rates must be finite and 0 or more")
        if not rates.sum() > 0:
            raise ResponseError("there is no demand (every rate is 0)")
        if not (math.isfinite(job_cycle) and job_cycle >= 0):
            raise ResponseError("the job cycle must be 0 minutes or more")
        if not (math.isfinite(activation) and activation >= 0):
            raise ResponseError("the activation time must be 0 minutes or more")
        t = np.where(vehicles[:, None] > 0, times, np.inf)
        reach = np.isfinite(t).any(axis=0)
        if np.any(~reach & (rates > 0)):
            raise ResponseError(f"{int(np.sum(~reach & (rates > 0)))} demand place(s) cannot be reached from any "
                                "station with vehicles")
        order = np.argsort(t.T, axis=1, kind="stable").astype(np.int32)
        return cls(t, vehicles, rates, float(activation), float(job_cycle), np.ascontiguousarray(order))

    @property
    def n_vehicles(self):
        return int(self.vehicles.sum())

    @property
    def calls_per_min(self):
        return self.rates / MIN_PER_DAY

    @property
    def nearest(self):
        return self.order[:, 0]

    def with_vehicles(self, vehicles):
        vehicles = np.asarray(vehicles)
        if np.array_equal(vehicles > 0, self.vehicles > 0) and np.all(vehicles >= 0):
            # the same stations hold vehicles: the station order of every place is unchanged
            return Problem(self.times, vehicles.astype(np.int64), self.rates, self.activation, self.job_cycle,
                           self.order, self.times_t)
        return Problem.build(self.times, vehicles, self.rates, self.activation, self.job_cycle)

    def scaled(self, factor):
        return Problem(self.times, self.vehicles, self.rates * float(factor), self.activation, self.job_cycle,
                       self.order, self.times_t)

    def nearest_mean(self):
        """Demand-weighted mean of activation + drive from the nearest station (the zero-demand limit)."""
        j = np.arange(self.times.shape[1])
        return float(np.sum(self.rates * (self.activation + self.times[self.nearest, j])) / self.rates.sum())


# -- queueing formulas -------------------------------------------------------------------------------------
def erlang_c(n, a, a_queue=None):
    """Probability that a call waits in an M/M/n queue with offered load a (< n) erlangs; with ``a_queue``
    the load in the states where every vehicle is busy (calls answered from the queue keep vehicles busy
    longer: a far vehicle frees first), the queue's geometric ratio is a_queue / n."""
    return float(np.exp(_busy_logp(n, a, a_queue)[1]))


def _busy_logp(n, a, a_queue=None):
    """(log P(k busy), k < n; log P(wait)) of the birth-death chain: rate a/k... below n, ratio a_queue/n
    above."""
    from scipy.special import gammaln, logsumexp

    if a <= 0:
        lp = np.full(n, -np.inf)
        lp[0] = 0.0
        return lp, -np.inf
    aq = a if a_queue is None else a_queue
    if aq >= n:
        lp = np.full(n, -np.inf)
        return lp, 0.0
    k = np.arange(n)
    logw = k * math.log(a) - gammaln(k + 1)
    # P(n) = P(n-1) * aq / n (the call that fills the fleet), then geometric with ratio aq / n
    log_queue = logw[-1] + math.log(aq / n) - math.log1p(-aq / n)
    log_norm = logsumexp(np.append(logw, log_queue))
    return logw - log_norm, log_queue - log_norm


def q_factors(n, a, a_queue=None):
    """Larson's correction factors Q(n, rho, m), m = 0 .. n-1, for an M/M/n queue with load a erlangs:
    P(the m+1-th vehicle in a fixed order is the first free one) / (rho^m (1 - rho)), computed exactly for
    interchangeable vehicles (each set of k busy vehicles equally likely)."""
    from scipy.special import gammaln, logsumexp

    if a <= 0:
        q = np.ones(n)
        return q
    logp, log_wait = _busy_logp(n, a, a_queue)  # P(k busy), k < n
    # rho: the mean busy fraction of this chain
    k = np.arange(n)
    pw = math.exp(log_wait)
    rho = (float(np.sum(np.exp(logp) * k)) + n * pw) / n
    rho = min(max(rho, 1e-300), 1.0 - 1e-12)

    def lcomb(x, y):
        return gammaln(x + 1) - gammaln(y + 1) - gammaln(x - y + 1)

    q = np.empty(n)
    for m in range(n):
        kk = np.arange(m, n)
        terms = logp[kk] + lcomb(n - m - 1, kk - m) - lcomb(n, kk)
        q[m] = math.exp(logsumexp(terms) - m * math.log(rho) - math.log1p(-rho))
    return q


def erlang_b(c, load):
    b = 1.0
    for k in range(1, c + 1):
        b = load * b / (k + load * b)
    return b


def station_blocking(vehicles, rho):
    """Probability that every vehicle of a station is busy, for a station of c vehicles each busy a fraction
    rho of the time: the Erlang B blocking of the loss system M/M/c whose carried load is c * rho (so a station
    of one vehicle: rho)."""
    out = np.zeros(len(vehicles))
    for s, (c, r) in enumerate(zip(np.asarray(vehicles).tolist(), np.asarray(rho).tolist())):
        if c <= 0:
            out[s] = 1.0
            continue
        if c == 1 or r <= 0:
            out[s] = r if c == 1 else 0.0
            continue
        r = min(r, 1.0 - 1e-12)
        lo, hi = c * r, c * r / (1.0 - r) + 1.0  # carried load L (1 - B) = c r; L between c r and above
        while hi * (1.0 - erlang_b(c, hi)) < c * r:
            hi *= 2.0
        for _ in range(100):
            mid = 0.5 * (lo + hi)
            if mid * (1.0 - erlang_b(c, mid)) < c * r:
                lo = mid
            else:
                hi = mid
            if hi - lo < 1e-12 * hi:
                break
        out[s] = erlang_b(c, 0.5 * (lo + hi))
    return out


# -- analytic -----------------------------------------------------------------------------------------------
@dataclass
class Model:
    """The analytic solution: per-station busy fractions and per-place dispatch probabilities."""

    problem: Problem
    rho: np.ndarray  # (S,) busy fraction of a vehicle of each station
    p_direct: np.ndarray  # (M, S) probability a call of the place is answered at once by station s
    p_queue: float  # probability a call waits (every vehicle busy)
    q_st: np.ndarray  # (S,) share of queued calls each station's vehicles take
    theta: float  # rate of the exponential wait (per minute)
    calls: np.ndarray  # (S,) calls per day answered by each station
    calls_outside: np.ndarray  # (S,) of which at places whose nearest station is another
    iterations: int
    load: float  # offered load, erlangs

    def place_mean(self):
        p = self.problem
        t = np.where(np.isfinite(p.times), p.times, 0.0)
        direct = np.einsum("js,sj->j", self.p_direct, p.activation + t)
        qn = self._queue_shares()
        queued = self.p_queue * (1.0 / self.theta + p.activation + np.sum(qn * t, axis=0)) if self.p_queue > 0 \
            else 0.0
        return direct + queued

    def _queue_shares(self):
        p = self.problem
        w = self.q_st[:, None] * np.isfinite(p.times)
        return w / np.maximum(w.sum(axis=0, keepdims=True), 1e-300)

    def group_stats(self, place_group, n_groups, targets=(), p90=True, tol=1e-5):
        """Per group of places: dict of demand (calls/day), mean, p90 (to ``tol`` minutes; NaN when not
        ``p90``) and pct_le (n_groups, len(targets)) (NaN where a group has no demand)."""
        p = self.problem
        place_group = np.asarray(place_group, np.int64)
        ok = place_group >= 0
        demand = np.bincount(place_group[ok], weights=p.rates[ok], minlength=n_groups)
        mean = np.bincount(place_group[ok], weights=(p.rates * self.place_mean())[ok], minlength=n_groups)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.where(demand > 0, mean / demand, np.nan)
        pct = np.full((n_groups, len(targets)), np.nan)
        for i, tval in enumerate(targets):
            c = self._cdf(np.full(n_groups, float(tval)), place_group)
            with np.errstate(invalid="ignore", divide="ignore"):
                pct[:, i] = np.where(demand > 0, 100.0 * c * MIN_PER_DAY / demand, np.nan)
        p90 = self.quantile(0.9, place_group, n_groups, demand, tol=tol) if p90 else np.full(n_groups, np.nan)
        return {"demand": demand, "mean": mean, "p90": p90, "pct_le": pct}

    def _cdf(self, x, place_group):
        p = self.problem
        return _k().area_cdf(np.ascontiguousarray(x, dtype=np.float64), np.asarray(place_group, np.int64),
                             p.calls_per_min, p.order, p.times_t, self.p_direct, float(self.p_queue),
                             self.q_st, float(self.theta if self.theta > 0 else 1.0), p.activation)

    def quantile(self, q, place_group, n_groups, demand=None, tol=1e-5):
        p = self.problem
        if demand is None:
            ok = place_group >= 0
            demand = np.bincount(place_group[ok], weights=p.rates[ok], minlength=n_groups)
        dem = demand / MIN_PER_DAY
        finite = p.times[np.isfinite(p.times)]
        lo = np.full(n_groups, p.activation + float(finite.min()) - 1e-9)
        hi = np.full(n_groups, p.activation + float(finite.max()) + 1.0)
        if self.p_queue > 0:
            hi += 10.0 / self.theta
        for _ in range(60):  # widen until every group is covered
            need = self._cdf(hi, place_group) < q * dem
            if not np.any(need & (dem > 0)):
                break
            hi = np.where(need, hi + (hi - lo), hi)
        for _ in range(80):
            mid = 0.5 * (lo + hi)
            below = self._cdf(mid, place_group) < q * dem
            lo = np.where(below, mid, lo)
            hi = np.where(below, hi, mid)
            if np.max(hi - lo) < tol:
                break
        return np.where(dem > 0, hi, np.nan)

    def station_table(self):
        """Per station: utilisation (busy fraction of its vehicles), calls per day, share (%) answered at
        places whose nearest station is another."""
        with np.errstate(invalid="ignore", divide="ignore"):
            share = np.where(self.calls > 0, 100.0 * self.calls_outside / self.calls, np.nan)
        util = np.where(self.problem.vehicles > 0, self.rho, np.nan)
        return {"utilisation": util, "calls": self.calls, "pct_outside": share}


def _reduced(problem, group=16):
    """A smaller problem for a first solve: runs of ``group`` consecutive places (neighbouring cells of a
    row, as the places come sorted by cell) each stood for by its busiest place, carrying the run's demand."""
    m = problem.rates.size
    starts = np.arange(0, m, group)
    idx = np.empty(starts.size, np.int64)
    rates = np.add.reduceat(problem.rates, starts)
    for i, s0 in enumerate(starts.tolist()):
        idx[i] = s0 + int(np.argmax(problem.rates[s0:s0 + group]))
    return Problem(problem.times[:, idx], problem.vehicles, rates, problem.activation, problem.job_cycle,
                   np.ascontiguousarray(problem.order[idx])), idx


def analytic(problem, tol=1e-6, max_iter=500, rho0=None, station_units=True, wait_factor=True, queue_load=True):
    """Solve the hypercube approximation (see the module docstring). Raises ResponseError when the demand
    exceeds what the vehicles can answer (offered load at or above the number of vehicles). Large problems
    (over 40,000 places) are first solved on a reduced set of places, whose busy fractions start the full
    solve."""
    if rho0 is None and problem.rates.size > REDUCE_ABOVE:
        try:
            rho0 = _analytic(_reduced(problem)[0], 1e-5, max_iter, None, station_units, wait_factor, queue_load).rho
        except ResponseError:
            rho0 = None
    return _analytic(problem, tol, max_iter, rho0, station_units, wait_factor, queue_load)


def _analytic(problem, tol=1e-7, max_iter=500, rho0=None, station_units=True, wait_factor=True, queue_load=True):
    """Solve the hypercube approximation (see the module docstring). Raises ResponseError when the demand
    exceeds what the vehicles can answer (offered load at or above the number of vehicles)."""
    k = _k()
    p = problem
    n = p.n_vehicles
    S, M = p.times.shape
    lam = p.calls_per_min
    big_lam = float(lam.sum())
    extra = p.activation + p.job_cycle
    finite_t = np.where(np.isfinite(p.times), p.times, 0.0)
    veh = p.vehicles.astype(np.int64)
    if rho0 is None:
        near = finite_t[p.nearest, np.arange(M)]
        a0 = big_lam * (extra + float(np.sum(lam * near) / big_lam))
        rho = np.where(veh > 0, min(0.9, a0 / n), 0.0)
    else:
        rho = np.where(veh > 0, np.asarray(rho0, np.float64), 0.0)
    p_direct = np.zeros((M, S))
    load, calls, first = np.zeros(S), np.zeros(S), np.zeros(S)
    load_q, calls_q, first_q = np.zeros(S), np.zeros(S), np.zeros(S)
    reach = np.isfinite(p.times)
    a = float(np.sum(veh * rho))
    pq, theta = 0.0, 1.0
    q_st = np.where(veh > 0, veh, 0.0) / n
    it = 0
    a_new = a
    tau_q = tau_all = 1.0
    damp, last_diff = DAMP, math.inf
    for it in range(1, max_iter + 1):  # noqa: B007 -- the count is reported after the loop
        a_eff = min(a, n * (1.0 - 1e-9))  # an intermediate iterate may overshoot; only the fixed point counts
        aq = min(a_eff * tau_q / tau_all, n * (1.0 - 1e-9)) if queue_load else a_eff
        pq = erlang_c(n, a_eff, aq)
        qfac = q_factors(n, a_eff, aq)
        block = station_blocking(veh, rho) if station_units else np.full(S, -1.0)
        k.dispatch_pass(p.order, p.times_t, veh, rho, block, qfac, lam, extra, 1.0 - pq, q_st, p_direct, load, calls,
                        first, load_q, calls_q, first_q, False)
        tau = np.where(calls > 0, load / np.maximum(calls, 1e-300), extra + np.mean(finite_t))
        w = np.where(veh > 0, veh / tau, 0.0)
        q_st = w / w.sum()
        if calls_q.sum() > 0:
            tau_q = float(load_q.sum() / calls_q.sum())
            tau_all = float((load.sum() + load_q.sum()) / (calls.sum() + calls_q.sum()))
        vv = np.maximum(veh, 1)
        new = np.where(veh > 0, (load + load_q) / vv, 0.0)
        a_new = float(np.sum(new * veh))
        diff = float(np.max(np.abs(new - rho)))
        if diff < tol:
            rho = new
            a = a_new
            break
        # the direct load of a station falls about as (1 - rho): solve rho = L (1 - rho) + queued load for it
        # (same fixed point as rho = load, but no oscillation where a station's own area nearly fills it)
        direct = load / vv
        big_l = direct / np.maximum(1.0 - rho, 1e-12)
        step = np.where(veh > 0, (big_l + load_q / vv) / (1.0 + big_l), 0.0)
        if diff > last_diff:  # oscillating: damp harder
            damp = min(0.9, damp + 0.2)
        last_diff = diff
        rho = np.minimum(damp * rho + (1.0 - damp) * step, 1.0 - 1e-9)
        a = float(np.sum(veh * rho))
    if a_new >= n or a >= n:
        raise ResponseError(_overload(max(a, a_new), n))
    # the dispatch probabilities at the solution
    a_eff = min(a, n * (1.0 - 1e-9))
    aq = min(a_eff * tau_q / tau_all, n * (1.0 - 1e-9)) if queue_load else a_eff
    pq = erlang_c(n, a_eff, aq)
    block = station_blocking(veh, rho) if station_units else np.full(S, -1.0)
    k.dispatch_pass(p.order, p.times_t, veh, rho, block, q_factors(n, a_eff, aq), lam, extra, 1.0 - pq, q_st,
                    p_direct, load, calls, first, load_q, calls_q, first_q, True)
    # waiting time: M/M/N rate, scaled by the Allen-Cunneen factor for the variability of the busy time
    tot_calls = calls + calls_q
    if pq > 0:
        mean_s = a / big_lam
        d = p.activation + finite_t  # (S, M)
        w_direct = p_direct.T * lam  # (S, M) calls per minute
        wq = q_st[:, None] * reach
        qn = wq / np.maximum(wq.sum(axis=0, keepdims=True), 1e-300)
        w_all = w_direct + qn * (lam * pq)
        ed = float(np.sum(w_all * d) / w_all.sum())
        ed2 = float(np.sum(w_all * d * d) / w_all.sum())
        var_s = max(0.0, ed2 - ed * ed) + p.job_cycle ** 2
        scv = var_s / mean_s ** 2
        aq = min(a * tau_q / tau_all, n * (1.0 - 1e-9)) if queue_load else a
        theta = big_lam * (n / aq - 1.0) * (2.0 / (1.0 + scv) if wait_factor else 1.0)
    return Model(p, rho, p_direct, pq, q_st, theta, tot_calls * MIN_PER_DAY, (tot_calls - first - first_q)
                 * MIN_PER_DAY, it, a)


def _overload(a, n):
    return (f"the demand needs {a:.1f} vehicles busy on average but there are only {n}: the queue would grow "
            "without end (utilisation at or above 100 %)")


# -- simulation ---------------------------------------------------------------------------------------------
@dataclass
class Simulation:
    """Call records of every replication (after the warm-up)."""

    problem: Problem
    days: float
    replications: int
    place: list  # per replication: (n,) place of each call
    response: list  # per replication: (n,) response minutes
    station: list  # per replication: (n,) answering station
    busy: list  # per replication: (n,) busy minutes the call gave its vehicle
    seconds: float = 0.0

    def _ci(self, values):
        """Mean over replications and the half-width of its 95 % confidence interval (axis 0)."""
        from scipy.stats import t as student

        v = np.asarray(values, np.float64)
        r = v.shape[0]
        with np.errstate(invalid="ignore"):
            mean = np.nanmean(v, axis=0)
            if r < 2:
                return mean, np.full(mean.shape, np.nan)
            sd = np.nanstd(v, axis=0, ddof=1)
            cnt = np.sum(np.isfinite(v), axis=0)
        half = student.ppf(0.975, np.maximum(cnt - 1, 1)) * sd / np.sqrt(np.maximum(cnt, 1))
        return mean, np.where(cnt >= 2, half, np.nan)

    def group_stats(self, place_group, n_groups, targets=()):
        """As :meth:`Model.group_stats`, each figure the mean over replications, with ``*_ci`` half-widths
        of the 95 % confidence intervals."""
        place_group = np.asarray(place_group, np.int64)
        ok = place_group >= 0
        demand = np.bincount(place_group[ok], weights=self.problem.rates[ok], minlength=n_groups)
        means, p90s, pcts = [], [], []
        for pl, resp in zip(self.place, self.response):
            g = place_group[pl]
            keep = g >= 0
            g, r = g[keep], resp[keep]
            srt = np.lexsort((r, g))
            g, r = g[srt], r[srt]
            bounds = np.searchsorted(g, np.arange(n_groups + 1))
            m = np.full(n_groups, np.nan)
            q = np.full(n_groups, np.nan)
            pc = np.full((n_groups, len(targets)), np.nan)
            for i in range(n_groups):
                x = r[bounds[i]:bounds[i + 1]]
                if x.size:
                    m[i] = x.mean()
                    q[i] = np.quantile(x, 0.9)
                    for t_i, tval in enumerate(targets):
                        pc[i, t_i] = 100.0 * np.count_nonzero(x <= tval) / x.size
            means.append(m)
            p90s.append(q)
            pcts.append(pc)
        mean, mean_ci = self._ci(means)
        p90, p90_ci = self._ci(p90s)
        pct, pct_ci = self._ci(pcts) if targets else (np.zeros((n_groups, 0)), np.zeros((n_groups, 0)))
        nan = demand <= 0
        mean[nan] = np.nan
        p90[nan] = np.nan
        return {"demand": demand, "mean": mean, "mean_ci": mean_ci, "p90": p90, "p90_ci": p90_ci,
                "pct_le": pct, "pct_le_ci": pct_ci}

    def station_table(self):
        S = self.problem.times.shape[0]
        veh = self.problem.vehicles
        nearest = self.problem.nearest
        utils, calls, outs = [], [], []
        for pl, st, busy in zip(self.place, self.station, self.busy):
            c = np.bincount(st, minlength=S).astype(float)
            b = np.bincount(st, weights=busy, minlength=S)
            o = np.bincount(st, weights=(nearest[pl] != st).astype(float), minlength=S)
            with np.errstate(invalid="ignore", divide="ignore"):
                utils.append(np.where(veh > 0, b / (np.maximum(veh, 1) * self.days * MIN_PER_DAY), np.nan))
                outs.append(np.where(c > 0, 100.0 * o / c, np.nan))
            calls.append(c / self.days)
        u, u_ci = self._ci(utils)
        c, c_ci = self._ci(calls)
        o, o_ci = self._ci(outs)
        return {"utilisation": u, "utilisation_ci": u_ci, "calls": c, "calls_ci": c_ci, "pct_outside": o,
                "pct_outside_ci": o_ci}


def simulate(problem, days=100.0, replications=10, warmup_days=2.0, seed=0):
    """Discrete-event simulation of the model: ``replications`` independent runs of ``days`` days each
    after ``warmup_days`` (runs start with every vehicle free at its station). Seeded: the same inputs and
    seed give the same figures."""
    import time

    k = _k()
    p = problem
    if not (days > 0 and replications >= 1 and warmup_days >= 0):
        raise ResponseError("the simulation needs days > 0, at least one replication and a warm-up of 0 or more")
    lam = p.calls_per_min
    big_lam = float(lam.sum())
    cum = np.cumsum(lam) / big_lam
    cum[-1] = 1.0
    veh = p.vehicles.astype(np.int64)
    station_of = np.repeat(np.arange(veh.size), veh).astype(np.int64)
    vstart = np.concatenate([[0], np.cumsum(veh)[:-1]]).astype(np.int64)
    t_end = (warmup_days + days) * MIN_PER_DAY
    expected = big_lam * days * MIN_PER_DAY
    cap = int(expected + 10 * math.sqrt(expected) + 1000)
    out = Simulation(p, float(days), int(replications), [], [], [], [])
    t0 = time.perf_counter()
    seeds = np.random.SeedSequence(int(seed)).generate_state(int(replications), dtype=np.uint32)
    for r in range(int(replications)):
        place = np.empty(cap, np.int64)
        resp = np.empty(cap)
        st = np.empty(cap, np.int64)
        busy = np.empty(cap)
        n = k.simulate_run(int(seeds[r]), t_end, warmup_days * MIN_PER_DAY, cum, big_lam, p.order, p.times_t,
                           station_of, vstart, veh, p.activation, p.job_cycle, place, resp, st, busy)
        out.place.append(place[:n])
        out.response.append(resp[:n])
        out.station.append(st[:n])
        out.busy.append(busy[:n])
    out.seconds = time.perf_counter() - t0
    return out


# -- how many vehicles -----------------------------------------------------------------------------------
def vehicles_needed(problem, place_group, n_groups, std_mean=None, std_p90=None, max_added=10, progress=None,
                    model=None):
    """Greedy search: add one vehicle at a time, at the station where it most reduces the demand-weighted
    shortfall of the groups against the standards (mean at most ``std_mean``, 90th percentile at most
    ``std_p90``, minutes), until every group with demand meets them or ``max_added`` vehicles were added.
    Returns a list of steps (dict: added, station, vehicles, shortfall, failing, mean, p90 per group) starting
    with the current fleet (station None). ``model``: the analytic solution of ``problem`` if already at hand."""

    def evaluate(prob, rho0=None, m=None):
        return evaluate_on(prob, rho0, place_group, m)

    def evaluate_on(prob, rho0, groups, m=None):
        try:
            m = m if m is not None else analytic(prob, rho0=rho0)
        except ResponseError:
            return None, math.inf, n_groups, None
        st = m.group_stats(groups, n_groups, p90=std_p90 is not None, tol=1e-3)
        short = np.zeros(n_groups)
        if std_mean is not None:
            short += np.nan_to_num(np.maximum(0.0, st["mean"] - std_mean))
        if std_p90 is not None:
            short += np.nan_to_num(np.maximum(0.0, st["p90"] - std_p90))
        failing = int(np.sum((short > 1e-9) & (st["demand"] > 0)))
        return m, float(np.sum(short * st["demand"])), failing, st

    veh = problem.vehicles.copy()
    model, short, failing, st = evaluate(problem, m=model)
    # large problems: the candidates are screened on the reduced places (each run of neighbouring cells stood
    # for by its busiest), the chosen one evaluated on all of them
    screen, screen_groups = problem, place_group
    if problem.rates.size > REDUCE_ABOVE:
        screen, idx = _reduced(problem)
        screen_groups = np.asarray(place_group)[idx]
    steps = [{"added": 0, "station": None, "vehicles": veh.copy(), "shortfall": short, "failing": failing,
              "stats": st}]
    S = veh.size
    for added in range(1, int(max_added) + 1):
        if failing == 0:
            break
        best = None
        base = screen.with_vehicles(veh)
        for s in range(S):
            trial = veh.copy()
            trial[s] += 1
            rho0 = None if model is None else model.rho
            m, sh, fl, stt = evaluate_on(base.with_vehicles(trial), rho0, screen_groups)
            if best is None or (sh, fl) < (best[1], best[2]):
                best = (s, sh, fl, m)
            if progress is not None and progress((added - 1 + (s + 1) / S) / max(1, max_added)):
                return steps
        s = best[0]
        veh[s] += 1
        model, short, failing, st = evaluate(problem.with_vehicles(veh), None if model is None else model.rho)
        steps.append({"added": added, "station": s, "vehicles": veh.copy(), "shortfall": short, "failing": failing,
                      "stats": st})
    return steps
