"""Service-change scenarios: compare drive times to two site configurations (issue #6).

No ``qgis`` import. All per-area / per-class / per-group numbers come from the coverage aggregation of
:mod:`.coverage` (population spread once, :func:`.coverage.aggregate` run per raster), so the scenario tables
carry exactly the coverage numbers of issue #4 for the baseline and the scenario.

Threshold crossings reuse the same aggregation: for a threshold T a person *loses* T (within T in the
baseline, beyond it in the scenario) exactly when ``baseline <= T`` but not ``max(baseline, scenario) <= T``,
and *gains* T when ``scenario <= T`` but not ``max(...) <= T``. So with ``both = aggregate(max(baseline,
scenario))`` (unreachable in either = unreachable)::

    lost   = base.pop_le - both.pop_le
    gained = scen.pop_le - both.pop_le        (and gained - lost = scen.pop_le - base.pop_le)

per row of every level, with no second aggregation code.

* :func:`delta_minutes` -- scenario minus baseline (positive = longer journeys), NaN where either is
  unreachable, plus the cells that become unreachable / reachable.
* :func:`compare` -> :class:`Comparison` (baseline, scenario and crossings by level).
* :func:`scenario_sentences` -- plain-English sentences for a consultation document.
"""
from dataclasses import dataclass

import numpy as np

from . import coverage as cv
from ._threads import Progress


def delta_minutes(baseline, scenario):
    """(delta float32, became_unreachable bool, became_reachable bool). ``delta = scenario - baseline``
    where both are finite, NaN elsewhere."""
    b = np.asarray(baseline, dtype=np.float64)
    s = np.asarray(scenario, dtype=np.float64)
    if b.shape != s.shape:
        raise ValueError("baseline and scenario rasters differ in shape")
    fb, fs = np.isfinite(b), np.isfinite(s)
    d = np.full(b.shape, np.nan, np.float32)
    both = fb & fs
    d[both] = (s[both] - b[both]).astype(np.float32)
    return d, fb & ~fs, ~fb & fs


def worst_of(baseline, scenario):
    """Cell-wise max of the two rasters, unreachable (NaN) where either is unreachable."""
    b = np.asarray(baseline, dtype=np.float64)
    s = np.asarray(scenario, dtype=np.float64)
    b = np.where(np.isfinite(b), b, np.nan)
    s = np.where(np.isfinite(s), s, np.nan)
    return np.maximum(b, s)  # NaN propagates


@dataclass
class Comparison:
    """``base`` / ``scen``: :class:`.coverage.Coverage` of the baseline and the scenario; ``lost`` /
    ``gained``: dict level -> (rows, thresholds) people crossing each threshold outwards / inwards (rows as
    in ``base.rows[level]``); ``longer`` / ``shorter``: people whose time rises / falls by more than ``tol``
    minutes (whole study area), ``cut_off``: people reachable in the baseline but not in the scenario."""

    base: object
    scen: object
    lost: dict
    gained: dict
    longer: float
    shorter: float
    cut_off: float
    max_increase: float
    max_decrease: float

    @property
    def thresholds(self):
        return self.base.thresholds

    @property
    def target_index(self):
        return self.base.target_index


def compare(cells, baseline, scenario, thresholds, target, quantiles=(0.5, 0.9), tol=0.05, progress=None):
    """Aggregate baseline and scenario minutes (same grid as ``cells``, a :class:`.coverage.PopulationCells`)
    and the threshold crossings; see the module docstring. ``progress(fraction) -> cancel?`` is asked between
    the aggregations (each a few tenths of a second on a county); raises :class:`Cancelled`."""
    prog = Progress(progress, interval=0.0)
    prog(0.0)
    base = cv.aggregate(cells, baseline, thresholds, target, quantiles)
    prog(0.3)
    scen = cv.aggregate(cells, scenario, thresholds, target, quantiles)
    prog(0.6)
    worst = worst_of(baseline, scenario)
    prog(0.65)
    both = cv.aggregate(cells, worst, thresholds, target, quantiles)
    del worst
    prog(0.9)
    lost, gained = {}, {}
    for lv in base.rows:
        for key in ("area", "cls", "group"):
            if not (np.array_equal(base.rows[lv][key], scen.rows[lv][key])
                    and np.array_equal(base.rows[lv][key], both.rows[lv][key])):  # pragma: no cover
                raise AssertionError("coverage rows differ between rasters")
        lost[lv] = np.maximum(base.rows[lv]["pop_le"] - both.rows[lv]["pop_le"], 0.0)
        gained[lv] = np.maximum(scen.rows[lv]["pop_le"] - both.rows[lv]["pop_le"], 0.0)
    d, cut, _new = delta_minutes(baseline, scenario)
    study = cells.study_cells  # the study area's records: each person once where areas overlap
    dr = d.ravel()[study.cell]
    pop = study.pop
    fin = np.isfinite(dr)
    longer = float(pop[fin & (dr > tol)].sum())
    shorter = float(pop[fin & (dr < -tol)].sum())
    cut_off = float(pop[cut.ravel()[study.cell]].sum())
    has = fin & (pop > 0)
    mx = float(dr[has].max()) if has.any() else 0.0
    mn = float(dr[has].min()) if has.any() else 0.0
    return Comparison(base, scen, lost, gained, longer, shorter, cut_off, max(mx, 0.0), min(mn, 0.0))


def scenario_sentences(cmp, area_names, study_name="the study area", closed=(), opened=(), class_labels=None,
                       group_name=None, tr=lambda s: s):
    """Plain-English sentences describing the change, for a consultation document."""
    fp, fpc, fm, ft = cv.fmt_people, cv.fmt_pct, cv.fmt_min, cv.fmt_t
    ti = cmp.target_index
    T = ft(cmp.base.target)
    b, s = cmp.base.rows["study"], cmp.scen.rows["study"]
    out = []
    if closed or opened:
        parts = []
        if closed:
            parts.append(tr("closing {names}").format(names=", ".join(closed)))
        if opened:
            parts.append(tr("opening {names}").format(names=", ".join(opened)))
        out.append(tr("The scenario compares today's sites with {what}.").format(what=tr(" and ").join(parts)))
    if not len(b["pop_total"]) or b["pop_total"][0] <= 0:
        out.append(tr("No population lies inside the areas and the drive-time raster."))
        return out
    tot = b["pop_total"][0]
    out.append(tr("Across {study} ({pop} people), {n} people ({p}) would have a longer drive to the nearest site "
                  "and {m} ({q}) a shorter one.").format(
        study=study_name, pop=fp(tot), n=fp(cmp.longer), p=fpc(100 * cmp.longer / tot), m=fp(cmp.shorter),
        q=fpc(100 * cmp.shorter / tot)))
    out.append(tr("Within {T} minutes: {a} today, {c} in the scenario ({d:+.1f} percentage points); {lost} people "
                  "would move beyond {T} minutes and {gained} would come within it.").format(
        T=T, a=fpc(b["pct_le"][0, ti]), c=fpc(s["pct_le"][0, ti]), d=s["pct_le"][0, ti] - b["pct_le"][0, ti],
        lost=fp(cmp.lost["study"][0, ti]), gained=fp(cmp.gained["study"][0, ti])))
    out.append(tr("The population-weighted mean drive time goes from {a} to {c} minutes and the 90th percentile "
                  "from {p} to {q} minutes; the largest increase for anyone is {mx} minutes.").format(
        a=fm(b["mean_min"][0]), c=fm(s["mean_min"][0]), p=fm(b["p90_min"][0]), q=fm(s["p90_min"][0]),
        mx=fm(cmp.max_increase)))
    other = [tr("{T} minutes: {lost} beyond, {gained} within").format(
        T=ft(t), lost=fp(cmp.lost["study"][0, i]), gained=fp(cmp.gained["study"][0, i]))
        for i, t in enumerate(cmp.thresholds) if i != ti
        and (cmp.lost["study"][0, i] > 0.5 or cmp.gained["study"][0, i] > 0.5)]
    if other:
        out.append(tr("At the other thresholds, people moving beyond / coming within: {parts}.").format(
            parts="; ".join(other)))
    if cmp.cut_off > 0.5:
        out.append(tr("{n} people could no longer reach any site on the road network.").format(n=fp(cmp.cut_off)))
    ab, asn = cmp.base.rows["area"], cmp.scen.rows["area"]
    lost_a = cmp.lost["area"][:, ti]
    gained_a = cmp.gained["area"][:, ti]
    for i in np.argsort(-(lost_a + gained_a), kind="stable"):
        if lost_a[i] + gained_a[i] < 0.5:
            continue
        name = area_names[int(ab["area"][i])]
        out.append(tr("In {name}, {lost} people would move beyond {T} minutes and {gained} come within it: "
                      "{a} within {T} minutes today, {c} in the scenario; mean drive time {m1} to {m2} minutes.")
                   .format(name=name, lost=fp(lost_a[i]), gained=fp(gained_a[i]), T=T, a=fpc(ab["pct_le"][i, ti]),
                           c=fpc(asn["pct_le"][i, ti]), m1=fm(ab["mean_min"][i]), m2=fm(asn["mean_min"][i])))
    unchanged = [area_names[int(ab["area"][i])] for i in range(len(lost_a))
                 if lost_a[i] + gained_a[i] < 0.5 and ab["pop_total"][i] > 0]
    if unchanged:
        out.append(tr("No one crosses {T} minutes in {names}.").format(T=T, names=", ".join(unchanged)))
    labels = class_labels or cv.CLASS_LABELS
    sc, ss = cmp.base.rows["study_class"], cmp.scen.rows["study_class"]
    parts = [tr("{cls} {a} to {c}").format(cls=tr(labels[int(sc["cls"][i])]), a=fpc(sc["pct_le"][i, ti]),
                                          c=fpc(ss["pct_le"][i, ti])) for i in range(len(sc["pop_total"]))]
    if len(parts) > 1:
        out.append(tr("Within {T} minutes by urbanity: {parts}.").format(T=T, parts="; ".join(parts)))
    if group_name and "study_group" in cmp.base.rows:
        gb, gs = cmp.base.rows["study_group"], cmp.scen.rows["study_group"]
        if len(gb["pop_total"]) >= 2:
            d = gs["pct_le"][:, ti] - gb["pct_le"][:, ti]
            i = int(np.nanargmin(d)) if np.isfinite(d).any() else 0
            glab = cmp.base.cells.group_labels
            out.append(tr("By {g}, the largest fall in the share within {T} minutes is in {g} {lab}: {a} to {c}.")
                       .format(g=group_name, T=T, lab=glab[int(gb["group"][i])] if glab else int(gb["group"][i]),
                               a=fpc(gb["pct_le"][i, ti]), c=fpc(gs["pct_le"][i, ti])))
    return out
