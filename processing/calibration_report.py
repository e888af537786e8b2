"""HTML report of drivetime:calibrate: fitted parameters, held-out errors and plots (matplotlib, embedded)."""
import base64
import html
import io

import numpy as np

from .base import tr


def _png(fig):
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    return base64.b64encode(buf.getvalue()).decode("ascii")


def scatter_png(observed, before, after, bands):
    """Observed against modelled minutes, before and after (held-out) calibration, with the band lines."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(9.6, 4.6), sharex=True, sharey=True)
    hi = float(np.nanmax([np.nanmax(observed), np.nanmax(before), np.nanmax(after)])) * 1.05
    for ax, pred, title, colour in ((axes[0], before, tr("Before calibration"), "#d95f02"),
                                    (axes[1], after, tr("After calibration (held out)"), "#1b9e77")):
        ax.scatter(observed, pred, s=4, alpha=0.35, color=colour, linewidths=0)
        ax.plot([0, hi], [0, hi], color="#333", lw=1)
        ax.plot([0, hi], [0, hi * 1.1], color="#999", lw=0.8, ls="--")
        ax.plot([0, hi], [0, hi * 0.9], color="#999", lw=0.8, ls="--")
        for b in bands:
            ax.axvline(b, color="#ccc", lw=0.6, zorder=0)
            ax.axhline(b, color="#ccc", lw=0.6, zorder=0)
        ax.set_xlim(0, hi)
        ax.set_ylim(0, hi)
        ax.set_aspect("equal")
        ax.set_title(title)
        ax.set_xlabel(tr("Observed (minutes)"))
    axes[0].set_ylabel(tr("Modelled (minutes)"))
    out = _png(fig)
    plt.close(fig)
    return out


def residual_png(length_km, before, after, observed):
    """Residual (modelled - observed, minutes) against straight-line length, before and after."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9.6, 3.8))
    ax.scatter(length_km, before - observed, s=4, alpha=0.3, color="#d95f02", linewidths=0,
               label=tr("before"))
    ax.scatter(length_km, after - observed, s=4, alpha=0.3, color="#1b9e77", linewidths=0,
               label=tr("after (held out)"))
    ax.axhline(0, color="#333", lw=1)
    ax.set_xlabel(tr("Straight-line length of the journey (km)"))
    ax.set_ylabel(tr("Modelled - observed (minutes)"))
    ax.legend(markerscale=4, loc="lower right")
    out = _png(fig)
    plt.close(fig)
    return out


def _metric_rows(named):
    labels = [
        ("n", tr("Journeys compared"), "{:,.0f}"),
        ("median_abs_pct", tr("Median |error| (%)"), "{:.1f}"),
        ("mean_signed_min", tr("Mean signed error (minutes; negative = too fast)"), "{:+.2f}"),
        ("mean_signed_pct", tr("Mean signed error (%)"), "{:+.1f}"),
        ("within_10_pct", tr("Share within ±10 % (%)"), "{:.1f}"),
        ("band_agreement_pct", tr("Same collaboration band, ≤30 / 30–45 / 45–60 / >60 min (%)"), "{:.1f}"),
        ("rmse_min", tr("Root mean square error (minutes)"), "{:.2f}"),
    ]
    head = "".join(f"<th>{html.escape(n)}</th>" for n, _ in named)
    rows = [f"<tr><th></th>{head}</tr>"]
    for key, label, fmt in labels:
        cells = "".join(f"<td>{fmt.format(m[key]) if key in m else '–'}</td>" for _, m in named)
        rows.append(f"<tr><th style='text-align:left'>{html.escape(label)}</th>{cells}</tr>")
    return "<table>" + "".join(rows) + "</table>"


def band_table(observed, modelled, bands):
    """HTML cross-table: journeys by observed band (rows) and modelled band (columns)."""
    from ..core.calibrate import band_of

    from .styling import band_labels, beyond_label

    names = band_labels(bands) + [beyond_label(bands)]
    ob, mb = band_of(observed, bands), band_of(modelled, bands)
    head = "".join(f"<th>{html.escape(n)}</th>" for n in names)
    corner = html.escape(tr("observed / modelled"))
    rows = [f"<tr><th>{corner}</th>{head}</tr>"]
    for i, n in enumerate(names):
        cells = []
        for j in range(len(names)):
            k = int(np.sum((ob == i) & (mb == j)))
            style = " style='background:#e5f5e0'" if i == j else ""
            cells.append(f"<td{style}>{k:,}</td>")
        rows.append(f"<tr><th style='text-align:left'>{html.escape(n)}</th>{''.join(cells)}</tr>")
    return "<table>" + "".join(rows) + "</table>"


def write_report(path, title, sentences, params, named_metrics, bands_html, scatter, residual, notes):
    """Write the report. ``params``: rows (name, value, standard error or '', meaning); ``named_metrics``:
    (column title, metrics dict) pairs; ``bands_html``: the band cross-table; ``scatter`` / ``residual``: base64
    PNGs; ``notes``: sentences."""
    e = html.escape
    prow = "".join(f"<tr><td style='text-align:left'>{e(n)}</td><td>{e(v)}</td><td>{e(se)}</td>"
                   f"<td style='text-align:left'>{e(m)}</td></tr>" for n, v, se, m in params)
    doc = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{e(title)}</title>
<style>body{{font-family:sans-serif;max-width:900px;margin:2em auto;color:#222}}
table{{border-collapse:collapse;margin:0.5em 0}}td,th{{border:1px solid #ccc;padding:2px 8px;text-align:right}}
img{{max-width:100%}}</style></head>
<body><h1>{e(title)}</h1>
{"".join(f"<p>{e(s)}</p>" for s in sentences)}
<h2>{e(tr("Fitted parameters"))}</h2>
<table><tr><th>{e(tr("parameter"))}</th><th>{e(tr("value"))}</th><th>{e(tr("standard error"))}</th>
<th>{e(tr("meaning"))}</th></tr>{prow}</table>
<h2>{e(tr("How close are the times?"))}</h2>
{_metric_rows(named_metrics)}
<h2>{e(tr("Collaboration bands, held out"))}</h2>
{bands_html}
<h2>{e(tr("Observed against modelled"))}</h2>
<img alt="{e(tr("Observed against modelled minutes"))}" src="data:image/png;base64,{scatter}">
<p><small>{e(tr("Each dot is a journey. Solid line: modelled = observed; dashed: ±10 %. Grey lines: the "
                "collaboration bands."))}</small></p>
<h2>{e(tr("Error against journey length"))}</h2>
<img alt="{e(tr("Residual against journey length"))}" src="data:image/png;base64,{residual}">
{"".join(f"<p><small>{e(s)}</small></p>" for s in notes)}
</body></html>
"""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(doc)
    return path
