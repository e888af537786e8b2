"""Measure grade separation on the sample journeys (issue 12, item 3): does a two-layer model -- motorways on a
layer of their own, joined to the ground layer only at junction cells (vertices shared with other roads) --
improve the held-out error of the calibrated model?

Ground layer: every road but motorways, off-road speed between them; cells a motorway passes through with no other
road in them are impassable on the ground (motorways are fenced), so a road crossing a motorway on a bridge or in a
tunnel keeps its own cells and does not connect. Motorway layer: motorways (and their slip roads, which carry the
motorway class in the sample). Exact two-layer costs by alternating exact engine runs: ground from the sources,
motorway from the junction cells at their ground cost, ground again from the sources and the junction cells at
their motorway cost, ... until no junction improves (label-correcting across the layers, each run exact).

Usage: PYTHONPATH=.build/plugins /usr/bin/python3 -P bench/grade_separation.py [--cell 100]
"""
import argparse
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get("DRIVETIME_DATA", os.path.join(os.path.dirname(os.path.dirname(HERE)), "shared", "data"))
EXTENT = (396000.0, 141000.0, 519000.0, 269000.0)


def read_roads(extent):
    import fiona
    from shapely.geometry import shape

    geoms, classes = [], []
    with fiona.open(os.path.join(DATA, "bob_roads.gpkg"), layer="osm_roads_2021") as src:
        for f in src.filter(bbox=extent):
            geoms.append(shape(f["geometry"]))
            classes.append(f["properties"]["highway"])
    return geoms, np.array(classes, dtype=object)


def junction_points(geoms, is_mway):
    """Vertices shared by a motorway line and another road (to 1 cm)."""
    def verts(sel):
        out = set()
        for g, s in zip(geoms, sel):
            if s:
                for x, y in np.round(np.asarray(g.coords), 2):
                    out.add((x, y))
        return out
    return np.array(sorted(verts(is_mway) & verts(~is_mway)))


def layered_cost(f_ground, f_mway, cs, src_rc, junc_rc, neighbours=16, max_rounds=20):
    """Exact least cost on the two-layer graph (ground cost returned) and the rounds it took."""
    from drivetime_equity.core.costdist import cost_distance

    g = cost_distance(f_ground, cs, src_rc, neighbours=neighbours, want_nearest=False).cost
    jr, jc = junc_rc[:, 0], junc_rc[:, 1]
    best_m = np.full(len(jr), np.inf)
    for rounds in range(1, max_rounds + 1):
        gj = g[jr, jc].astype(np.float64)
        ok = np.isfinite(gj)
        m = cost_distance(f_mway, cs, junc_rc[ok], offsets=gj[ok], neighbours=neighbours, want_nearest=False).cost
        mj = m[jr, jc].astype(np.float64)
        better = mj < np.minimum(gj, best_m) - 1e-6
        if not better.any():
            return g, rounds
        best_m = np.minimum(best_m, mj)
        srcs = np.vstack([src_rc, junc_rc[better]])
        offs = np.concatenate([np.zeros(len(src_rc)), mj[better]])
        g = np.minimum(g, cost_distance(f_ground, cs, srcs, offsets=offs, neighbours=neighbours,
                                        want_nearest=False).cost)
    return g, max_rounds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cell", type=float, default=100.0)
    args = ap.parse_args()
    import fiona

    from drivetime_equity.core import calibrate as cal
    from drivetime_equity.core.costdist import snap_to_passable, speed_to_friction
    from drivetime_equity.core.grid import GridSpec
    from drivetime_equity.core.rasterize import build_speed_surface, burn_lines_max
    from drivetime_equity.core.speeds import DEFAULT_OFFROAD_SPEED, DEFAULT_SPEEDS

    t0 = time.perf_counter()
    geoms, classes = read_roads(EXTENT)
    speeds = np.array([DEFAULT_SPEEDS.get(str(c).lower(), np.nan) for c in classes])
    keep = np.isfinite(speeds)
    geoms = [g for g, k in zip(geoms, keep) if k]
    classes, speeds = classes[keep], speeds[keep]
    is_mway = classes == "motorway"
    spec = GridSpec.from_extent(*EXTENT, args.cell)
    single = build_speed_surface(spec, geoms, speeds, DEFAULT_OFFROAD_SPEED)
    ground = build_speed_surface(spec, [g for g, m in zip(geoms, is_mway) if not m], speeds[~is_mway],
                                 DEFAULT_OFFROAD_SPEED)
    ground_roads = burn_lines_max([g for g, m in zip(geoms, is_mway) if not m], speeds[~is_mway], spec, fill=np.nan)
    mway = burn_lines_max([g for g, m in zip(geoms, is_mway) if m], speeds[is_mway], spec, fill=np.nan)
    on_mway = np.isfinite(mway)
    ground[on_mway & ~np.isfinite(ground_roads)] = 0.0  # fenced: no crossing a motorway off-road
    jpts = junction_points(geoms, is_mway)
    jr, jc = spec.rowcol(jpts[:, 0], jpts[:, 1])
    jrc = np.unique(np.column_stack([jr, jc]), axis=0)
    jrc = jrc[on_mway[jrc[:, 0], jrc[:, 1]] & (ground[jrc[:, 0], jrc[:, 1]] > 0)]
    crossings = int((on_mway & np.isfinite(ground_roads)).sum())
    print(f"grid {spec.rows} x {spec.cols} at {args.cell:g} m; {int(is_mway.sum())} motorway lines; "
          f"{len(jrc)} junction cells; {crossings} motorway cells shared with another road "
          f"(connected in the single layer); read + burn {time.perf_counter() - t0:.1f} s")

    with fiona.open(os.path.join(DATA, "observed_journeys_bucks_berks.gpkg"), layer="lsoa_to_hospital_minutes") as src:
        recs = [(f["geometry"]["coordinates"][0], f["geometry"]["coordinates"][-1], f["properties"]["minutes"],
                 f["properties"]["dest_id"]) for f in src]
    a_xy = np.array([r[0] for r in recs])
    b_xy = np.array([r[1] for r in recs])
    y = np.array([r[2] for r in recs], dtype=float)
    dest = np.array([r[3] for r in recs], dtype=object)

    def cells(xy, fr):
        r, c = spec.rowcol(xy[:, 0], xy[:, 1])
        r2, c2, _ = snap_to_passable(fr, r, c, 500 / spec.cell_size)
        return np.column_stack([r2, c2])

    f_single, f_ground = speed_to_friction(single), speed_to_friction(ground)
    f_mway = speed_to_friction(np.nan_to_num(mway))
    results = {}
    for name in ("single layer", "two layers"):
        t = time.perf_counter()
        fr = f_single if name == "single layer" else f_ground
        a, b = cells(a_xy, fr), cells(b_xy, fr)
        total = np.full(len(y), np.inf)
        rounds = []
        for key in np.unique(b[:, 0] * spec.cols + b[:, 1]):
            idx = np.flatnonzero(b[:, 0] * spec.cols + b[:, 1] == key)
            src = b[idx[:1]]
            if name == "single layer":
                from drivetime_equity.core.costdist import cost_distance

                g = cost_distance(fr, spec.cell_size, src, want_nearest=False).cost
            else:
                g, k = layered_cost(f_ground, f_mway, spec.cell_size, src, jrc)
                rounds.append(k)
            total[idx] = g[a[idx, 0], a[idx, 1]]
        ok = np.isfinite(total)
        folds = cal.fold_ids(dest[ok], 5, 0)
        held = np.full(ok.sum(), np.nan)
        T = total[ok][:, None]
        for j in range(folds.max() + 1):
            fj = cal.fit_linear(y[ok][folds != j], T[folds != j], "fixed_factor")
            held[folds == j] = fj.predict(T[folds == j])
        full = cal.fit_linear(y[ok], T, "fixed_factor")
        mb, mh = cal.metrics(y[ok], total[ok]), cal.metrics(y[ok], held)
        results[name] = mh
        extra = f", rounds per destination {min(rounds)}-{max(rounds)}" if rounds else ""
        print(f"{name}: {ok.sum()} journeys, {time.perf_counter() - t:.1f} s{extra}")
        print(f"  before: median |error| {mb['median_abs_pct']:.2f} %, mean {mb['mean_signed_min']:+.2f} min, "
              f"band {mb['band_agreement_pct']:.1f} %")
        print(f"  held out: median |error| {mh['median_abs_pct']:.2f} %, mean {mh['mean_signed_min']:+.2f} min, "
              f"within 10 % {mh['within_10_pct']:.1f} %, band {mh['band_agreement_pct']:.1f} %; fit: fixed "
              f"{full.fixed:.2f} min, factor {full.factors[0]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
