"""Charts for the HTML reports: coverage and scenario (matplotlib, PNG embedded as base64 with the helper of
the calibration report), so a board paper shows the gap at a glance; standby's coverage curve (inline SVG)."""
import html

import numpy as np

from .base import fmt_num, tr
from .calibration_report import _png

OK_COLOUR = "#542788"  # meets the standard (the map's purple)
BELOW_COLOUR = "#e08214"  # below it (the map's orange)
LOST_COLOUR = "#b2182b"
GAINED_COLOUR = "#2166ac"


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _bars(ax, labels, values, share, T):
    """Horizontal bars of % within target, worst at the top, the standard as a dashed line."""
    vals = np.asarray(values, dtype=float)
    order = np.argsort(np.nan_to_num(vals, nan=-1.0), kind="stable")[::-1]
    y = np.arange(len(order))
    shown = np.nan_to_num(vals[order], nan=0.0)
    colours = [OK_COLOUR if v >= share else BELOW_COLOUR for v in shown]
    ax.barh(y, shown, color=colours, height=0.7)
    for yi, v, raw in zip(y, shown, vals[order]):
        ax.text(min(v, 100.0) + 1.0, yi, "–" if not np.isfinite(raw) else f"{v:.1f} %", va="center", fontsize=8)
    ax.axvline(share, color="#333", lw=1, ls="--")
    ax.set_yticks(y)
    ax.set_yticklabels([labels[i] for i in order])
    ax.set_xlim(0, 112)
    ax.set_xlabel(tr("% of residents within {T} min").format(T=T))


def coverage_bars_png(area_labels, area_pct, class_labels, class_pct, share, T):
    """% within target by area and by urbanity, side by side; the standard dashed."""
    plt = _plt()
    n = max(len(area_labels), len(class_labels), 1)
    fig, axes = plt.subplots(1, 2, figsize=(9.6, 1.2 + 0.32 * n), gridspec_kw={"width_ratios": [3, 2]})
    _bars(axes[0], area_labels, area_pct, share, T)
    axes[0].set_title(tr("By area"))
    if class_labels:
        _bars(axes[1], class_labels, class_pct, share, T)
        axes[1].set_title(tr("By urbanity"))
    else:
        axes[1].axis("off")
    fig.suptitle(tr("Dashed line: the standard of {s} %").format(s=f"{share:g}"), fontsize=9, color="#333",
                 x=0.99, ha="right")
    fig.tight_layout()
    out = _png(fig)
    plt.close(fig)
    return out


def cumulative_png(minutes, people, total, thresholds, T):
    """Share of residents (y) living within x minutes of the nearest site; thresholds as grey lines."""
    plt = _plt()
    t = np.asarray(minutes, dtype=float)
    w = np.asarray(people, dtype=float)
    ok = np.isfinite(t) & (w > 0)
    order = np.argsort(t[ok], kind="stable")
    x = t[ok][order]
    y = 100.0 * np.cumsum(w[ok][order]) / max(float(total), 1e-12)
    fig, ax = plt.subplots(figsize=(7.2, 3.8))
    ax.step(np.concatenate([[0.0], x]), np.concatenate([[0.0], y]), where="post", color=OK_COLOUR, lw=1.6)
    for b in thresholds:
        ax.axvline(b, color="#bbb", lw=0.7, zorder=0)
    ax.axvline(float(T), color="#333", lw=1, ls="--")
    ax.set_ylim(0, 100)
    ax.set_xlim(0, float(x[-1]) * 1.02 if len(x) else float(T) * 2)
    ax.set_xlabel(tr("Minutes' drive to the nearest site"))
    ax.set_ylabel(tr("% of residents within"))
    ax.grid(axis="y", color="#eee")
    fig.tight_layout()
    out = _png(fig)
    plt.close(fig)
    return out


def gains_losses_png(area_labels, gained, lost, T):
    """People coming within (right, blue) and moving beyond (left, red) the target, by area."""
    plt = _plt()
    g = np.nan_to_num(np.asarray(gained, dtype=float))
    lo = np.nan_to_num(np.asarray(lost, dtype=float))
    y = np.arange(len(area_labels))[::-1]
    fig, ax = plt.subplots(figsize=(8.4, 1.4 + 0.36 * max(len(area_labels), 1)))
    ax.barh(y, g, color=GAINED_COLOUR, height=0.7, label=tr("coming within {T} min").format(T=T))
    ax.barh(y, -lo, color=LOST_COLOUR, height=0.7, label=tr("moving beyond {T} min").format(T=T))
    span = max(float(np.max(g, initial=0.0)), float(np.max(lo, initial=0.0)), 1.0)
    for yi, a, b in zip(y, g, lo):
        if a > 0:
            ax.text(a + span * 0.02, yi, f"{a:,.0f}", va="center", fontsize=8)
        if b > 0:
            ax.text(-b - span * 0.02, yi, f"{b:,.0f}", va="center", ha="right", fontsize=8)
    ax.axvline(0, color="#333", lw=0.8)
    ax.set_xlim(-span * 1.3, span * 1.3)
    ax.set_yticks(y)
    ax.set_yticklabels(area_labels)
    ax.xaxis.set_major_formatter(lambda v, _p: f"{abs(v):,.0f}")
    ax.set_xlabel(tr("People"))
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    fig.tight_layout()
    out = _png(fig)
    plt.close(fig)
    return out


def img_html(title, png, alt, note=""):
    """A report section: heading, the embedded image, an optional small note."""
    e = html.escape
    out = f"<h2>{e(title)}</h2>\n<img style='max-width:100%' alt=\"{e(alt)}\" src=\"data:image/png;base64,{png}\">"
    if note:
        out += f"\n<p><small>{e(note)}</small></p>"
    return out


def coverage_charts(cov, area_names, share, minutes):
    """The coverage report's chart sections (HTML), from the aggregate and the drive-time grid."""
    from ..core.coverage import CLASS_LABELS, fmt_t

    T = fmt_t(cov.target)
    ti = cov.target_index
    ar = cov.rows["area"]
    sc = cov.rows["study_class"]
    bars = coverage_bars_png([area_names[int(a)] for a in ar["area"]], ar["pct_le"][:, ti],
                             [tr(CLASS_LABELS[int(c)]) for c in sc["cls"]], sc["pct_le"][:, ti], float(share), T)
    cells = cov.cells
    t = np.asarray(minutes, dtype=float).ravel()[cells.cell]
    curve = cumulative_png(t, cells.pop, float(np.sum(cells.pop)), cov.thresholds, cov.target)
    return [img_html(tr("Residents within {T} minutes, by area and by urbanity").format(T=T), bars,
                     tr("Bar chart of the share of residents within {T} minutes").format(T=T),
                     tr("Purple: meets the standard (dashed line); orange: below it.")),
            img_html(tr("Residents by drive time"), curve, tr("Cumulative share of residents against minutes"),
                     tr("Share of residents living within x minutes of the nearest site; the dashed line is the "
                        "target, grey lines the other thresholds. Residents the raster cannot reach never count."))]


def scenario_charts(cmp, area_names):
    """The scenario report's chart section: gains and losses within the target, by area."""
    from ..core.coverage import fmt_t

    T = fmt_t(cmp.base.target)
    ti = cmp.target_index
    b = cmp.base.rows["area"]
    png = gains_losses_png([area_names[int(a)] for a in b["area"]], cmp.gained["area"][:, ti],
                           cmp.lost["area"][:, ti], T)
    return [img_html(tr("Gains and losses within {T} minutes, by area").format(T=T), png,
                     tr("Bar chart of people coming within and moving beyond {T} minutes").format(T=T))]


def standby_curve_svg(counts, pct, bound=None, target=None, chosen=None, width=640, height=340):
    """A small line chart (inline SVG, no scripts, no network) of % covered by number of points."""
    counts = np.asarray(counts, dtype=float)
    pct = np.asarray(pct, dtype=float)
    ml, mr, mt, mb = 56, 16, 16, 44
    W, H = width - ml - mr, height - mt - mb
    xmax = max(1.0, float(counts.max()) if counts.size else 1.0)

    def X(v):
        return ml + W * float(v) / xmax

    def Y(v):
        return mt + H * (1.0 - float(v) / 100.0)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" aria-label="{html.escape(tr("Coverage by number of points"))}" '
           'font-family="sans-serif" font-size="11">']
    for v in range(0, 101, 20):
        out.append(f'<line x1="{ml}" x2="{ml + W}" y1="{Y(v):.1f}" y2="{Y(v):.1f}" stroke="#dddddd"/>')
        out.append(f'<text x="{ml - 6}" y="{Y(v) + 4:.1f}" text-anchor="end">{v} %</text>')
    step = max(1, int(np.ceil(xmax / 10)))
    for v in range(0, int(xmax) + 1, step):
        out.append(f'<text x="{X(v):.1f}" y="{mt + H + 16}" text-anchor="middle">{v}</text>')
    out.append(f'<line x1="{ml}" x2="{ml}" y1="{mt}" y2="{mt + H}" stroke="#444"/>')
    out.append(f'<line x1="{ml}" x2="{ml + W}" y1="{mt + H}" y2="{mt + H}" stroke="#444"/>')
    out.append(f'<text x="{ml + W / 2:.1f}" y="{height - 6}" text-anchor="middle">'
               f'{html.escape(tr("number of new points"))}</text>')
    out.append(f'<text transform="translate(14 {mt + H / 2:.1f}) rotate(-90)" text-anchor="middle">'
               f'{html.escape(tr("demand covered"))}</text>')
    if target is not None:
        out.append(f'<line x1="{ml}" x2="{ml + W}" y1="{Y(target):.1f}" y2="{Y(target):.1f}" stroke="#D55E00" '
                   f'stroke-dasharray="5 4"/><text x="{ml + W - 4}" y="{Y(target) - 4:.1f}" text-anchor="end" '
                   f'fill="#D55E00">{html.escape(tr("target"))} {fmt_num(round(target, 1))} %</text>')
    if bound is not None and len(bound):
        pts = " ".join(f"{X(c):.1f},{Y(b):.1f}" for c, b in zip(counts, bound))
        out.append(f'<polyline points="{pts}" fill="none" stroke="#999999" stroke-dasharray="3 3"/>')
    pts = " ".join(f"{X(c):.1f},{Y(p):.1f}" for c, p in zip(counts, pct))
    out.append(f'<polyline points="{pts}" fill="none" stroke="#0072B2" stroke-width="2"/>')
    if chosen is not None:
        c, p = chosen
        out.append(f'<circle cx="{X(c):.1f}" cy="{Y(p):.1f}" r="4.5" fill="#E69F00" stroke="#000"/>')
    out.append("</svg>")
    return "\n".join(out)
