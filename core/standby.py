"""Standby / deployment point placement: the maximal covering location problem (MCLP) on drive times.

Model
-----
Demand sits on raster cells (people, or incidents counted per cell), with weights ``w``. A point at
candidate cell *c* *covers* every cell whose drive time from *c* is at most the budget *B* (minutes, the
cost-distance graph of :mod:`.costdist`; it is symmetric, so "cells within B of c" is also "the cells from
which c is within B"). ``EXISTING`` sites are fixed: their cover is counted first. We choose *k* new
points among the candidates to maximise the covered weight (Church & ReVelle 1974).

Coverage sets
    One cut-off Dijkstra per candidate (Numba, work arrays reset by touched list so a run costs its
    B-minute region, not the grid; runs spread over threads), keeping only demand-bearing cells:
    a CSR layout (``indptr`` int64, ``indices`` int32 into the demand arrays).

Lazy greedy and its guarantee
    ``f(S) = w(cover(S u E)) - w(cover(E))`` is monotone and submodular, so greedy (repeatedly add the
    candidate with the largest marginal gain) reaches at least ``1 - (1 - 1/k)^k >= 1 - 1/e ~ 63.2 %`` of
    the best possible k-set's gain (Nemhauser, Wolsey & Fisher 1978). Lazy evaluation (Minoux 1978) keeps
    stale gains in a priority queue: by submodularity a stale gain is an upper bound, so a candidate whose
    fresh gain is still the top of the queue is the greedy choice, and most gains are never recomputed.
    The same upper bounds give an *a posteriori* certificate, usually far tighter than 63 %: at every greedy
    step i, ``OPT_k <= f(S_i) + (sum of the k largest upper-bound gains)``; :class:`Solution` reports the
    smallest such bound (``upper_bound``), i.e. no k candidates can cover more.

Swap search
    Optional 1-exchange local search: replace a chosen point by an unchosen candidate while that covers
    more (best improvement each pass). It never makes the solution worse than greedy.

Target coverage
    With a target share, the count is the smallest k whose (greedy [+ swap]) solution reaches it; greedy
    prefixes are nested, so their coverage is monotone in k. When the certificate of k - 1 points is below
    the target, k is *proven* minimal among the candidates (``proven_minimal``).

Candidates
    Given points, or k-means (scikit-learn) cluster centres of the demand-weighted cells (demand cells are
    first pooled into blocks if there are very many), each moved to the nearest road cell.
"""
from dataclasses import dataclass, field
import heapq
import math

import numpy as np

from ._threads import Progress, n_cpus, run_cancellable, run_jobs
from .costdist import check_friction, edge_coefficients, move_set


def _k():
    from . import _standby_kernels as k  # lazy: numba compiles / loads its cache on first use
    return k


# -- demand -------------------------------------------------------------------------------------------------
@dataclass
class Demand:
    """Demand-bearing cells of a grid: flat cell indices (int64, sorted) and weights (float64)."""

    cells: np.ndarray
    weights: np.ndarray
    shape: tuple

    @classmethod
    def from_grid(cls, weights2d):
        a = np.asarray(weights2d, dtype=np.float64)
        flat = a.reshape(-1)
        cells = np.flatnonzero(np.isfinite(flat) & (flat > 0))
        return cls(cells.astype(np.int64), flat[cells].copy(), a.shape)

    @property
    def total(self):
        return float(self.weights.sum())

    def index_map(self):
        """int32 per grid cell: position in ``cells``, -1 where there is no demand."""
        m = np.full(int(np.prod(self.shape)), -1, np.int32)
        m[self.cells] = np.arange(self.cells.size, dtype=np.int32)
        return m


def points_per_cell(rows, cols, shape, weights=None):
    """Count (or sum ``weights`` of) points per cell; points outside the grid are dropped.
    Returns (grid float64, number dropped)."""
    rows = np.asarray(rows, dtype=np.int64)
    cols = np.asarray(cols, dtype=np.int64)
    ok = (rows >= 0) & (rows < shape[0]) & (cols >= 0) & (cols < shape[1])
    w = np.ones(rows.size) if weights is None else np.asarray(weights, dtype=np.float64)
    g = np.zeros(shape[0] * shape[1])
    np.add.at(g, rows[ok] * shape[1] + cols[ok], w[ok])
    return g.reshape(shape), int((~ok).sum())


# -- coverage sets ------------------------------------------------------------------------------------------
@dataclass
class CoverageSets:
    """Which demand cells each source covers (CSR: set j is ``indices[indptr[j]:indptr[j+1]]``, sorted)."""

    indptr: np.ndarray
    indices: np.ndarray
    n_demand: int

    def __len__(self):
        return self.indptr.size - 1

    def get(self, j):
        return self.indices[self.indptr[j]:self.indptr[j + 1]]

    def sizes(self):
        return np.diff(self.indptr)

    @classmethod
    def from_lists(cls, lists, n_demand):
        lens = np.array([len(x) for x in lists], dtype=np.int64)
        indptr = np.zeros(len(lists) + 1, np.int64)
        np.cumsum(lens, out=indptr[1:])
        indices = (np.concatenate([np.asarray(x, dtype=np.int32) for x in lists]) if lists and indptr[-1]
                   else np.zeros(0, np.int32))
        return cls(indptr, indices.astype(np.int32, copy=False), int(n_demand))

    def transpose(self):
        """(tptr, tcand): for each demand cell d, the sets covering it are ``tcand[tptr[d]:tptr[d+1]]``."""
        owner = np.repeat(np.arange(len(self), dtype=np.int32), self.sizes())
        order = np.argsort(self.indices, kind="stable")
        tcand = owner[order]
        tptr = np.zeros(self.n_demand + 1, np.int64)
        np.cumsum(np.bincount(self.indices, minlength=self.n_demand), out=tptr[1:])
        return tptr, tcand

    def covered_mask(self, chosen):
        m = np.zeros(self.n_demand, bool)
        for j in chosen:
            m[self.get(int(j))] = True
        return m

    def coverage(self, chosen, w, base=None):
        """Total weight covered by the sets ``chosen`` (plus the boolean ``base`` mask)."""
        m = self.covered_mask(chosen)
        if base is not None:
            m |= base
        return float(w[m].sum())


def coverage_sets(friction, cell_size, sources_rc, budget, demand, neighbours=16, n_threads=None,
                  progress=None, runner=None):
    """Coverage sets of the sources: the demand cells within ``budget`` minutes' drive of each.

    ``friction`` in minutes per metre (inf / NaN impassable), ``sources_rc`` (N, 2) rows/cols, ``demand`` a
    :class:`Demand` (or an int32 index map per cell). Runs are spread over ``n_threads`` threads (default:
    all cores), or with ``runner`` (a :class:`.distributed.DaskRunner`) as Dask tasks, a few candidates each
    (same sets). ``progress(fraction) -> cancel?``; raises :class:`Cancelled`."""
    k = _k()
    f = check_friction(friction)
    rows, cols = f.shape
    fflat = f.reshape(-1)
    src = np.asarray(sources_rc, dtype=np.int64).reshape(-1, 2)
    if src.size and ((src[:, 0] < 0).any() or (src[:, 0] >= rows).any() or (src[:, 1] < 0).any()
                     or (src[:, 1] >= cols).any()):
        raise ValueError("a source lies outside the grid")
    if isinstance(demand, Demand):
        dem_idx, n_dem = demand.index_map(), demand.cells.size
    else:
        dem_idx = np.asarray(demand, dtype=np.int32).reshape(-1)
        n_dem = int(dem_idx.max()) + 1 if dem_idx.size else 0
    mv, lens = move_set(neighbours)
    coef = edge_coefficients(mv, lens, cell_size)
    N = src.shape[0]
    lists = [None] * N
    flat_src = src[:, 0] * cols + src[:, 1]
    if runner is not None:
        lists = runner.coverage_lists(f, cell_size, flat_src, budget, dem_idx, neighbours, progress)
        return CoverageSets.from_lists(lists, n_dem)
    if n_threads is None:
        n_threads = n_cpus()
    n_threads = max(1, min(int(n_threads), N)) if N else 1
    states = [None] * n_threads

    def work(s, i, cancel):
        if states[s] is None:
            states[s] = [np.full(rows * cols, np.inf), np.empty(1 << 16, np.int64), np.empty(1 << 14, np.float64),
                         np.empty(1 << 14, np.int64), np.empty(1 << 14, np.int32)]
        dist, touched, hk, hn, out = states[s]
        cnt, out, touched, hk, hn = k.covered_demand(fflat, rows, cols, int(flat_src[i]), float(budget), mv, coef,
                                                     dem_idx, dist, touched, hk, hn, out)
        states[s][1:] = touched, hk, hn, out
        lists[i] = np.sort(out[:cnt])

    run_jobs(N, n_threads, work, Progress(progress, interval=0.0))
    return CoverageSets.from_lists(lists, n_dem)


# -- optimisation -------------------------------------------------------------------------------------------
@dataclass
class Solution:
    """A chosen set of candidates, in rank order, with its coverage.

    ``chosen``: candidate indices in rank order (a greedy ordering of the final set);
    ``marginal``: weight each adds in that order (after the fixed sites and the points ranked before it);
    ``cumulative``: covered weight after each (fixed sites included); ``base``: weight covered by the fixed
    sites alone; ``total``: all demand weight; ``curve``: covered weight of the greedy prefix of each count
    0..K (nested, so monotone); ``curve_bound``: certified upper bound of any k-candidate set's coverage per
    count; ``upper_bound``: the bound for ``len(chosen)``; ``reachable``: weight coverable by all
    candidates and fixed sites together; ``proven_minimal``: (target mode) no smaller count can reach it."""

    chosen: list
    marginal: np.ndarray
    cumulative: np.ndarray
    base: float
    total: float
    curve: np.ndarray
    curve_bound: np.ndarray
    upper_bound: float
    reachable: float
    greedy_covered: float = 0.0
    greedy_count: int = 0
    swaps: int = 0
    target_reached: bool = True
    proven_minimal: bool = False
    notes: list = field(default_factory=list)

    @property
    def covered(self):
        return float(self.cumulative[-1]) if len(self.cumulative) else self.base

    def pct(self, value):
        return 100.0 * value / self.total if self.total > 0 else float("nan")


class _Greedy:
    """Lazy greedy over coverage sets, resumable one pick at a time, recording the certificate data."""

    def __init__(self, sets, w, base_mask, allowed=None):
        self.sets = sets
        self.w = w
        self.covered = base_mask.copy()
        self.value = float(w[self.covered].sum())
        n = len(sets)
        ws = w[sets.indices] * ~self.covered[sets.indices]
        gains = np.zeros(n)
        nz = np.flatnonzero(sets.sizes() > 0)
        if ws.size:
            gains[nz] = np.add.reduceat(ws, sets.indptr[nz])
        self.ub = gains  # upper bounds (exact now)
        self.allowed = np.ones(n, bool) if allowed is None else np.asarray(allowed, bool)
        self.heap = [(-gains[j], j) for j in range(n) if self.allowed[j]]
        heapq.heapify(self.heap)
        self.picked = []
        self.gains = []
        self.values = [self.value]
        self.ub_sorted = [np.sort(gains[self.allowed])[::-1]]

    def gain(self, j):
        idx = self.sets.get(j)
        return float(self.w[idx][~self.covered[idx]].sum())

    def step(self):
        """Pick the next candidate; returns its index, or None if nothing adds coverage."""
        while self.heap:
            neg, j = heapq.heappop(self.heap)
            g = self.gain(j)
            self.ub[j] = g
            if not self.heap or g >= -self.heap[0][0]:
                if g <= 0.0:
                    return None
                self.covered[self.sets.get(j)] = True
                self.value += g
                self.picked.append(j)
                self.gains.append(g)
                self.values.append(self.value)
                rest = np.array([-x[0] for x in self.heap])
                self.ub_sorted.append(np.sort(rest)[::-1])
                return j
            heapq.heappush(self.heap, (-g, j))
        return None

    def bound(self, k):
        """Certified upper bound on the coverage of any k allowed candidates (plus the fixed sites)."""
        best = math.inf
        for v, ubs in zip(self.values, self.ub_sorted):
            # the picked i are in S_i; any k-set T: f(T) <= f(S_i) + sum of the k largest gains wrt S_i
            best = min(best, v + float(ubs[:k].sum()))
        return best


def greedy(sets, w, count=None, fixed=(), target=None):
    """Plain lazy greedy: candidate indices in pick order and covered weight after each (fixed included).

    Stops after ``count`` picks, once the covered weight reaches ``target`` (a weight), or when no
    candidate adds anything."""
    w = np.asarray(w, dtype=np.float64)
    g = _Greedy(sets, w, sets.covered_mask(fixed))
    while count is None or len(g.picked) < count:
        if target is not None and g.value >= target:
            break
        if g.step() is None:
            break
    return list(g.picked), np.array(g.values[1:])


def swap_improve(sets, w, chosen, fixed=(), max_swaps=1000, tcsr=None, rel_eps=1e-12, prog=None):
    """1-exchange local search from ``chosen``: best improving swap (drop a chosen candidate, add an
    unchosen one) until none improves. Fixed sites are never dropped. Returns (chosen, covered, swaps).
    ``prog()`` (may raise :class:`Cancelled`) is called before each swap search."""
    k = _k()
    w = np.asarray(w, dtype=np.float64)
    chosen = [int(j) for j in chosen]
    n = len(sets)
    tptr, tcand = tcsr if tcsr is not None else sets.transpose()
    fixed = [int(j) for j in fixed]
    cnt = np.zeros(sets.n_demand, np.int32)
    for j in fixed + chosen:
        cnt[sets.get(j)] += 1
    selected = np.zeros(n, bool)
    selected[fixed + chosen] = True
    removable = np.zeros(n, bool)
    removable[chosen] = True
    eps = rel_eps * max(float(w.sum()), 1.0)
    # best_swap's cache: set gains, and per chosen set (one row each, a swapped-in set takes the row of the set
    # it replaces) its loss and what each other set would win back
    base, base_ok = np.zeros(n), np.zeros(n, bool)
    row = np.full(n, -1, np.int64)
    row[chosen] = np.arange(len(chosen))
    loss, extra, row_ok = np.zeros(n), np.zeros((max(len(chosen), 1), n)), np.zeros(n, bool)
    swaps = 0
    while chosen and swaps < max_swaps and selected.sum() < n:
        if prog is not None:
            prog()
        delta, i, j = k.best_swap(sets.indptr, sets.indices, tptr, tcand, w, cnt, selected, removable, base,
                                  base_ok, row, loss, extra, row_ok)
        if not (delta > eps) or i < 0:
            break
        cnt[sets.get(i)] -= 1
        cnt[sets.get(j)] += 1
        selected[i] = removable[i] = False
        selected[j] = removable[j] = True
        row[j], row[i] = row[i], -1
        row_ok[j] = False
        k.swap_forget(sets.indptr, sets.indices, tptr, tcand, i, j, base_ok, row_ok)
        chosen[chosen.index(i)] = j
        swaps += 1
    return chosen, float(w[cnt > 0].sum()), swaps


def rank_order(sets, w, chosen, base_mask):
    """Order a chosen set greedily (largest marginal gain first); returns (order, marginals, cumulative)."""
    covered = base_mask.copy()
    value = float(w[covered].sum())
    left = list(chosen)
    order, marg, cum = [], [], []
    while left:
        gains = [float(w[sets.get(j)][~covered[sets.get(j)]].sum()) for j in left]
        b = int(np.argmax(gains))
        j = left.pop(b)
        covered[sets.get(j)] = True
        value += gains[b]
        order.append(j)
        marg.append(gains[b])
        cum.append(value)
    return order, np.array(marg), np.array(cum)


def solve(sets, w, count=None, fixed=(), target_share=None, swap=True, curve_max=None, progress=None,
          max_swaps=1000):
    """Maximal covering: choose ``count`` candidates, or (``target_share`` in 0..1 of the total weight) the
    smallest count reaching it. ``fixed``: indices of sets always open (existing sites), never counted.

    ``curve_max``: extend the greedy curve to this many picks (default: twice the solution count, at least
    20 more), as far as candidates still add cover.
    Returns a :class:`Solution`."""
    w = np.asarray(w, dtype=np.float64)
    total = float(w.sum())
    fixed = [int(j) for j in fixed]
    allowed = np.ones(len(sets), bool)
    allowed[fixed] = False
    base_mask = sets.covered_mask(fixed)
    base = float(w[base_mask].sum())
    all_mask = sets.covered_mask(range(len(sets)))
    reachable = float(w[all_mask].sum())
    if count is None and target_share is None:
        raise ValueError("give count or target_share")
    g = _Greedy(sets, w, base_mask, allowed)
    target = None if target_share is None else float(target_share) * total
    notes = []
    prog = Progress(progress, interval=0.1)  # asked every 0.1 s: Cancel is answered within a second
    # greedy to the solution count
    while True:
        prog(0.1)
        if target is not None:
            if g.value >= target * (1 - 1e-12):
                break
        elif len(g.picked) >= count:
            break
        if g.step() is None:
            break
    k = len(g.picked)
    reached = target is None or g.value >= target * (1 - 1e-12)
    if target is None and k < count:
        notes.append(f"only {k} candidates add coverage; the other {count - k} would add nothing")
    # extend the curve
    cmax = max(2 * k, k + 20) if curve_max is None else max(int(curve_max), k)
    while len(g.picked) < cmax:
        prog(0.2)
        if g.step() is None:
            break
    curve = np.array(g.values)
    nk = len(curve) - 1
    bound = np.array([min(g.bound(c), reachable) for c in range(nk + 1)])
    greedy_chosen = list(g.picked[:k])
    greedy_value = float(curve[k])
    chosen, value, swaps = greedy_chosen, greedy_value, 0
    tcsr = None
    if swap and k > 0:
        tcsr = sets.transpose()
        chosen, value, swaps = swap_improve(sets, w, greedy_chosen, fixed, max_swaps, tcsr, prog=lambda: prog(0.4))
        if value < greedy_value:  # pragma: no cover - swaps only ever increase coverage
            chosen, value = greedy_chosen, greedy_value
    proven = False
    if target is not None and reached:
        # smaller counts: greedy prefix + swap, while they still reach the target
        kk = k - 1
        while swap and kk >= 1:
            prog(0.5, force=True)
            c2, v2, s2 = swap_improve(sets, w, g.picked[:kk], fixed, max_swaps, tcsr, prog=lambda: prog(0.5))
            if v2 < target * (1 - 1e-12):
                break
            chosen, value, swaps = c2, v2, s2
            kk -= 1
        k = len(chosen)
        proven = k == 0 or (k - 1 < len(bound) and g.bound(k - 1) < target * (1 - 1e-12))
    order, marg, cum = rank_order(sets, w, chosen, base_mask)
    ub = min(g.bound(len(order)), reachable) if len(order) else base
    return Solution(order, marg, cum, base, total, curve, bound, ub, reachable, greedy_value, len(greedy_chosen),
                    swaps, reached, proven, notes)


# -- candidates ---------------------------------------------------------------------------------------------
def road_cells(speed, min_speed=None):
    """Road cells of a speed surface: speed >= ``min_speed``; default: faster than the most common positive
    speed (the off-road background of a surface built from roads). Falls back to every passable cell."""
    s = np.asarray(speed, dtype=np.float32)
    ok = np.isfinite(s) & (s > 0)
    if min_speed is not None:
        m = ok & (s >= float(min_speed))
    else:
        v, c = np.unique(s[ok][:: max(1, ok.sum() // 2_000_000)], return_counts=True)
        m = ok & (s > v[np.argmax(c)]) if v.size else ok
    return m if m.any() else ok


def generate_candidates(weights2d, spec, road_mask, n, seed=0, max_points=50_000, margin_cells=None,
                        progress=None):
    """``n`` candidate cells: k-means centres of the demand-weighted cells snapped to the nearest road cell.

    Demand cells are pooled into square blocks (weighted centroids) when there are more than
    ``max_points``. Returns (rows, cols) int64 arrays of distinct road cells (possibly fewer than n).
    ``progress(fraction) -> cancel?`` is asked every 0.1 s, also during the k-means (which cannot be
    interrupted: on cancel it is left to finish in the background); raises :class:`Cancelled`."""
    from scipy.spatial import cKDTree
    from sklearn.cluster import KMeans

    a = np.asarray(weights2d, dtype=np.float64)
    r, c = np.nonzero(np.isfinite(a) & (a > 0))
    wv = a[r, c]
    if r.size == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    b = int(math.ceil(math.sqrt(r.size / max_points))) if r.size > max_points else 1
    if b > 1:
        key = (r // b) * (a.shape[1] // b + 1) + (c // b)
        uk, inv = np.unique(key, return_inverse=True)
        sw = np.bincount(inv, wv)
        pr = np.bincount(inv, wv * r) / sw
        pc = np.bincount(inv, wv * c) / sw
        wv = sw
    else:
        pr, pc = r.astype(float), c.astype(float)
    X = np.column_stack([pr, pc])
    n = int(min(n, X.shape[0]))
    if n <= 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    km = KMeans(n_clusters=n, n_init=1, random_state=seed, max_iter=100)
    prog = Progress(progress, interval=0.1)
    if progress is not None:  # 1-3 s on the sample: keep Cancel answered meanwhile
        run_cancellable(lambda: km.fit(X, sample_weight=wv), lambda: prog(0.5))
    else:
        km.fit(X, sample_weight=wv)
    prog(0.9, force=True)
    centres = km.cluster_centers_
    # nearest road cell (search within the demand bounding box plus a margin)
    m = margin_cells if margin_cells is not None else max(20, int(2000 / spec.cell_size))
    r0, r1 = max(0, int(r.min()) - m), min(a.shape[0], int(r.max()) + m + 1)
    c0, c1 = max(0, int(c.min()) - m), min(a.shape[1], int(c.max()) + m + 1)
    rr, cc = np.nonzero(road_mask[r0:r1, c0:c1])
    if rr.size == 0:
        rr, cc = np.nonzero(road_mask)
        r0 = c0 = 0
    if rr.size == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    tree = cKDTree(np.column_stack([rr + r0, cc + c0]).astype(float))
    _d, j = tree.query(centres)
    cells = np.unique((rr[j] + r0).astype(np.int64) * a.shape[1] + (cc[j] + c0).astype(np.int64))
    return cells // a.shape[1], cells % a.shape[1]


# -- allocation ---------------------------------------------------------------------------------------------
def per_site_counts(labels, rows, cols, n_sites, weights=None):
    """Sum of ``weights`` (default 1) of points at (rows, cols) per nearest-site label (-1 ignored);
    also returns the count of points with no site label."""
    lab = np.asarray(labels)
    rows = np.asarray(rows, dtype=np.int64)
    cols = np.asarray(cols, dtype=np.int64)
    ok = (rows >= 0) & (rows < lab.shape[0]) & (cols >= 0) & (cols < lab.shape[1])
    lv = np.full(rows.size, -1, np.int64)
    lv[ok] = lab[rows[ok], cols[ok]]
    w = np.ones(rows.size) if weights is None else np.asarray(weights, dtype=np.float64)
    hit = lv >= 0
    return np.bincount(lv[hit], w[hit], minlength=n_sites), float(w[~hit].sum())


def zone_sums(labels, cells, n_sites, weights, points_rc=None):
    """Per nearest-site zone of ``labels`` (2-D, -1 = no site): the sum of each vector in ``weights`` over the
    demand ``cells`` (flat indices into ``labels``; a None vector gives zeros) and, with ``points_rc`` (rows,
    cols), the number of those points per zone (else None). ``labels`` None (no site open): zeros."""
    if labels is None:
        return [np.zeros(n_sites) for _ in weights], (np.zeros(n_sites) if points_rc is not None else None)
    lv = np.asarray(labels).reshape(-1)[cells]
    hit = lv >= 0
    sums = [np.zeros(n_sites) if wv is None else np.bincount(lv[hit], np.asarray(wv)[hit], minlength=n_sites)
            for wv in weights]
    counts = per_site_counts(labels, points_rc[0], points_rc[1], n_sites)[0] if points_rc is not None else None
    return sums, counts
