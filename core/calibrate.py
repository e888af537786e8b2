"""Calibrating a speed surface against observed journey times.

The model of a journey's time is

    time = fixed + sum over speed groups g of  factor_g * (time the least-cost path spends in group g)

with a **fixed time per journey** (parking, junctions, getting in and out, the raster's missing turns) and
speed factors that scale the surface's friction. Three models, each with few parameters:

* ``"fixed"``: fixed time only (factors 1): 1 parameter;
* ``"fixed_factor"``: fixed time + one factor for every road: 2 parameters (the default);
* ``"fixed_groups"``: fixed time + one factor per speed group (:data:`SPEED_GROUPS`): up to 5 parameters.

Fitting is weighted least squares on *relative* errors (weights 1/observed^2), so short journeys count as
much as long ones, with bounds that keep the parameters physical (:data:`FIXED_BOUNDS`,
:data:`FACTOR_BOUNDS`). A uniform factor scales every path's time exactly, so the first two models need
one engine run per distinct journey end. Per-group factors change which path is fastest, so that model
iterates: fit on the current paths, rescale the friction, find the paths again, until the factors settle.

Cross-validation holds out whole groups of journeys (e.g. every journey to one destination) so the error
reported is on places the fit never saw.
"""
from dataclasses import dataclass, field
import math

import numpy as np

from . import Cancelled
from .costdist import move_set, single_source_fields

#: Speed groups of a surface (km/h lower bound inclusive, upper exclusive) and their names.
SPEED_GROUPS = (
    (70.0, math.inf, "motorways and trunk roads (70+ km/h)"),
    (45.0, 70.0, "A and B roads (45-70 km/h)"),
    (20.0, 45.0, "minor roads (20-45 km/h)"),
    (0.0, 20.0, "service roads and off-road (under 20 km/h)"),
)
MODELS = ("fixed", "fixed_factor", "fixed_groups")
FIXED_BOUNDS = (0.0, 60.0)
FACTOR_BOUNDS = (0.25, 4.0)
COLLABORATION_BANDS = (30.0, 45.0, 60.0)
#: Groups with less than this share of the journeys' modelled time keep factor 1 (too little to fit).
MIN_GROUP_SHARE = 0.01


def speed_groups(speed):
    """Speed group index per cell (int8; -1 where impassable: speed <= 0 or not finite)."""
    s = np.asarray(speed, dtype=np.float64)
    g = np.full(s.shape, -1, dtype=np.int8)
    ok = np.isfinite(s) & (s > 0)
    for k, (lo, hi, _) in enumerate(SPEED_GROUPS):
        g[ok & (s >= lo) & (s < hi)] = k
    return g


def path_group_times(friction, cell_size, a_rc, b_rc, groups, neighbours=16, max_cost=None, progress=None):
    """Modelled time of each journey a_i -> b_i and its split over the speed groups.

    One exact engine run per distinct end (from whichever side has fewer distinct cells; costs are
    symmetric), several ends at a time, each stopping once its journeys' other ends are final; then each
    journey's least-cost path is traced back through the cost field. Returns
    ``(total, per_group)``: (n,) minutes (inf where unreachable) and (n, G) minutes (NaN where
    unreachable); ``per_group`` rows sum to ``total``."""
    from ._calibrate_kernels import trace_group_times

    f = np.ascontiguousarray(friction, dtype=np.float32)
    a = np.asarray(a_rc, dtype=np.int64).reshape(-1, 2)
    b = np.asarray(b_rc, dtype=np.int64).reshape(-1, 2)
    cols = f.shape[1]
    ka, kb = a[:, 0] * cols + a[:, 1], b[:, 0] * cols + b[:, 1]
    if np.unique(ka).size < np.unique(kb).size:  # search from the side with fewer distinct cells
        a, b, ka, kb = b, a, kb, ka
    n, G = a.shape[0], len(SPEED_GROUPS)
    total = np.full(n, np.inf)
    per = np.full((n, G), np.nan)
    grp = np.ascontiguousarray(groups, dtype=np.int8)
    moves, lens = move_set(neighbours)
    ends = np.unique(kb)
    order = np.argsort(kb, kind="stable")
    cuts = np.searchsorted(kb[order], ends, side="left").tolist() + [n]
    members = [order[cuts[k]:cuts[k + 1]] for k in range(len(ends))]  # journeys of each end, in input order

    def visit(k, cost):
        """Trace end k's journeys down its cost field (final up to its costliest journey, which is all the
        trace and the journeys' costs read: see :func:`.engine.single_source_fields`)."""
        idx = members[k]
        out = np.zeros((idx.size, G))
        trace_group_times(cost, f, grp, float(cell_size), moves, lens, a[idx, 0].copy(), a[idx, 1].copy(),
                          G, out)
        t = cost[a[idx, 0], a[idx, 1]].astype(np.float64)
        ok = np.isfinite(t)
        # the traced split sums to the engine's cost up to float32 rounding: rescale it to match exactly
        s = out.sum(axis=1)
        scale = np.where(ok & (s > 0), t / np.where(s > 0, s, 1.0), np.nan)
        total[idx] = np.where(ok, t, np.inf)
        per[idx] = out * scale[:, None]
        per[idx[ok & (t == 0)]] = 0.0

    # one early-stopping run per distinct end, several at a time (each stops once its journeys' starts are final)
    single_source_fields(f, cell_size, np.column_stack([ends // cols, ends % cols]), [a[idx] for idx in members],
                         visit, max_cost=max_cost, neighbours=neighbours, progress=progress)
    if progress is not None and progress(1.0):
        raise Cancelled()
    return total, per


@dataclass
class Fit:
    """Fitted model: ``fixed`` minutes per journey and one friction factor per speed group (a factor k
    makes that group's roads k times slower: speed / k)."""

    model: str
    fixed: float
    factors: np.ndarray
    n_params: int
    fixed_se: float = math.nan
    factors_se: np.ndarray = None
    fitted_groups: tuple = ()
    iterations: int = 1
    history: list = field(default_factory=list)

    def predict(self, per_group):
        return self.fixed + np.nansum(np.asarray(per_group) * self.factors[None, :], axis=1)


def _weighted_lsq(X, y, w, lo, hi):
    """Bounded weighted least squares; returns coefficients and their standard errors."""
    from scipy.optimize import lsq_linear

    sw = np.sqrt(w)
    A = X * sw[:, None]
    res = lsq_linear(A, y * sw, bounds=(lo, hi), method="bvls")
    coef = res.x
    dof = max(1, X.shape[0] - X.shape[1])
    sigma2 = float(np.sum((A @ coef - y * sw) ** 2) / dof)
    try:
        cov = sigma2 * np.linalg.inv(A.T @ A)
        se = np.sqrt(np.clip(np.diag(cov), 0, None))
    except np.linalg.LinAlgError:
        se = np.full(X.shape[1], np.nan)
    return coef, se


def fit_linear(observed, per_group, model="fixed_factor"):
    """Fit a model on fixed paths (per-group times from the current surface). Returns a :class:`Fit`
    whose factors are relative to that surface."""
    if model not in MODELS:
        raise ValueError(f"model must be one of {MODELS}")
    y = np.asarray(observed, dtype=np.float64)
    T = np.nan_to_num(np.asarray(per_group, dtype=np.float64))
    if y.size < 3:
        raise ValueError("at least 3 journeys are needed to calibrate")
    w = 1.0 / np.maximum(y, 1.0) ** 2
    G = T.shape[1]
    factors = np.ones(G)
    factors_se = np.full(G, np.nan)
    if model == "fixed":
        r = y - T.sum(axis=1)
        fixed = float(np.clip(np.sum(w * r) / np.sum(w), *FIXED_BOUNDS))
        dof = max(1, y.size - 1)
        s2 = np.sum(w * (r - fixed) ** 2) / dof
        return Fit(model, fixed, factors, 1, float(np.sqrt(s2 / np.sum(w))), factors_se, ())
    if model == "fixed_factor":
        X = np.column_stack([np.ones_like(y), T.sum(axis=1)])
        coef, se = _weighted_lsq(X, y, w, [FIXED_BOUNDS[0], FACTOR_BOUNDS[0]], [FIXED_BOUNDS[1], FACTOR_BOUNDS[1]])
        factors[:] = coef[1]
        factors_se[:] = se[1]
        return Fit(model, float(coef[0]), factors, 2, float(se[0]), factors_se, tuple(range(G)))
    share = T.sum(axis=0) / max(T.sum(), 1e-12)
    fitted = [g for g in range(G) if share[g] >= MIN_GROUP_SHARE]
    rest = T[:, [g for g in range(G) if g not in fitted]].sum(axis=1)
    X = np.column_stack([np.ones_like(y)] + [T[:, g] for g in fitted])
    coef, se = _weighted_lsq(X, y - rest, w, [FIXED_BOUNDS[0]] + [FACTOR_BOUNDS[0]] * len(fitted),
                             [FIXED_BOUNDS[1]] + [FACTOR_BOUNDS[1]] * len(fitted))
    for j, g in enumerate(fitted):
        factors[g] = coef[1 + j]
        factors_se[g] = se[1 + j]
    return Fit(model, float(coef[0]), factors, 1 + len(fitted), float(se[0]), factors_se, tuple(fitted))


def scale_friction(friction, groups, factors):
    """Friction with each speed group's cells multiplied by its factor (a new float32 array)."""
    lut = np.asarray(factors, dtype=np.float32)
    g = np.asarray(groups)
    out = np.array(friction, dtype=np.float32, copy=True)
    ok = g >= 0
    out[ok] *= lut[g[ok]]
    return out


def fit(observed, friction, cell_size, a_rc, b_rc, groups, model="fixed_factor", neighbours=16, train=None,
        base=None, max_iter=5, tol=0.005, max_cost=None, progress=None):
    """Fit a model on the journeys in ``train`` (a boolean mask; default all usable ones).

    ``base``: ``(total, per_group)`` of :func:`path_group_times` on ``friction`` (computed if omitted).
    Returns ``(Fit, per_group)`` where ``per_group`` are every journey's group times on the *calibrated*
    surface's paths (before the factors: predict with ``Fit.predict``), so held-out journeys can be
    predicted too. Fit factors are relative to ``friction``."""
    if base is None:
        base = path_group_times(friction, cell_size, a_rc, b_rc, groups, neighbours, max_cost, progress)
    total, per = base
    y = np.asarray(observed, dtype=np.float64)
    ok = np.isfinite(total) & np.isfinite(y)
    train = ok if train is None else (np.asarray(train, bool) & ok)
    if train.sum() < 3:
        raise ValueError("at least 3 usable journeys are needed to calibrate")
    f = fit_linear(y[train], per[train], model)
    if model != "fixed_groups":
        return f, per
    # per-group factors change the paths: refit on the new paths until the factors settle
    factors = f.factors.copy()
    history = [factors.copy()]
    it = 1
    while it < max_iter:
        it += 1
        fr = scale_friction(friction, groups, factors)
        tot2, per2 = path_group_times(fr, cell_size, a_rc, b_rc, groups, neighbours, max_cost, progress)
        # group times on the new paths at the *input* speeds, so the new fit is relative to the input surface
        per_in = per2 / factors[None, :]
        tr2 = train & np.isfinite(tot2)
        f2 = fit_linear(y[tr2], per_in[tr2], model)
        change = np.max(np.abs(f2.factors / factors - 1.0))
        factors = f2.factors.copy()
        history.append(factors.copy())
        f, per = f2, per_in
        if change < tol:
            break
    f.iterations = it
    f.history = history
    return f, per


def fold_ids(group_keys, k=5, seed=0):
    """Assign journeys to ``k`` folds, keeping every journey of one group (e.g. one destination) in one fold.
    Groups are shuffled with ``seed`` and dealt to the fold with the fewest journeys so far."""
    keys = np.asarray(group_keys)
    uniq, inv, counts = np.unique(keys, return_inverse=True, return_counts=True)
    k = int(max(2, min(k, uniq.size)))
    rng = np.random.default_rng(seed)
    order = rng.permutation(uniq.size)
    order = order[np.argsort(-counts[order], kind="stable")]  # big groups first, random among equals
    load = np.zeros(k)
    fold_of = np.empty(uniq.size, dtype=np.int64)
    for u in order:
        j = int(np.argmin(load))
        fold_of[u] = j
        load[j] += counts[u]
    return fold_of[inv]


def band_of(minutes, bands=COLLABORATION_BANDS):
    """Band index of each time: 0 for <= bands[0], ..., len(bands) above the last (NaN -> -1)."""
    m = np.asarray(minutes, dtype=np.float64)
    out = np.searchsorted(np.asarray(bands), m, side="left")
    return np.where(np.isfinite(m), out, -1)


def metrics(observed, modelled, bands=COLLABORATION_BANDS):
    """Error figures of modelled against observed minutes (journeys where both are finite)."""
    y = np.asarray(observed, dtype=np.float64)
    p = np.asarray(modelled, dtype=np.float64)
    ok = np.isfinite(y) & np.isfinite(p) & (y > 0)
    y, p = y[ok], p[ok]
    if y.size == 0:
        return {"n": 0}
    err = p - y
    rel = err / y
    return {
        "n": int(y.size),
        "median_abs_pct": float(100 * np.median(np.abs(rel))),
        "mean_signed_min": float(np.mean(err)),
        "mean_signed_pct": float(100 * np.mean(rel)),
        "within_10_pct": float(100 * np.mean(np.abs(rel) <= 0.10)),
        "band_agreement_pct": float(100 * np.mean(band_of(y, bands) == band_of(p, bands))),
        "rmse_min": float(np.sqrt(np.mean(err ** 2))),
        "median_ratio": float(np.median(p / y)),
    }


@dataclass
class Calibration:
    """Everything :func:`calibrate` found: the fit on all journeys, the per-journey modelled times
    before, after (full fit) and held out (cross-validated), folds, and metrics."""

    fit: Fit
    before: np.ndarray
    after: np.ndarray
    held_out: np.ndarray
    folds: np.ndarray
    usable: np.ndarray
    metrics_before: dict
    metrics_after: dict
    metrics_held_out: dict
    fold_fits: list
    group_share: np.ndarray


def calibrate(observed, friction, cell_size, a_rc, b_rc, groups, model="fixed_factor", neighbours=16,
              fold_keys=None, k=5, seed=0, fixed_before=0.0, max_cost=None, progress=None):
    """Fit on all usable journeys and cross-validate with ``k`` folds grouped by ``fold_keys``.

    ``fixed_before``: fixed time the input surface already carries (added to the "before" times).
    Unusable journeys (an end unreachable) keep NaN in every output array and are left out of the fit."""
    y = np.asarray(observed, dtype=np.float64)
    n = y.size
    stages = 2 + (k if fold_keys is not None else 0)
    done = [0]

    def sub(frac):
        return progress is not None and progress((done[0] + min(max(frac, 0.0), 1.0)) / stages)

    base = path_group_times(friction, cell_size, a_rc, b_rc, groups, neighbours, max_cost, sub)
    total, per = base
    usable = np.isfinite(total) & np.isfinite(y) & (y > 0)
    before = np.where(usable, total + fixed_before, np.nan)
    done[0] = 1
    full, per_full = fit(y, friction, cell_size, a_rc, b_rc, groups, model, neighbours, usable, base,
                         max_cost=max_cost, progress=sub)
    after = np.where(usable, full.predict(per_full), np.nan)
    done[0] = 2
    held = np.full(n, np.nan)
    folds = np.full(n, -1, dtype=np.int64)
    fold_fits = []
    if fold_keys is not None:
        keys = np.asarray(fold_keys)
        folds[usable] = fold_ids(keys[usable], k, seed)
        for j in range(int(folds.max()) + 1):
            test = folds == j
            fj, per_j = fit(y, friction, cell_size, a_rc, b_rc, groups, model, neighbours, usable & ~test, base,
                            max_cost=max_cost, progress=sub)
            held[test] = fj.predict(per_j[test])
            fold_fits.append(fj)
            done[0] += 1
    share = np.nansum(per[usable], axis=0) / max(np.nansum(per[usable]), 1e-12)
    return Calibration(full, before, after, held, folds, usable, metrics(y, before), metrics(y, after),
                       metrics(y, held) if fold_keys is not None else {"n": 0}, fold_fits, share)
