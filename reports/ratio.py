"""HTML report of the retirement-to-capacity ratio analysis (``retirement_capacity_ratio``).

One self-contained UTF-8 page: notes, summary, the log–log elasticity of retirement on capacity
(the test of proportional placement, :mod:`core.report_elasticity`), the source's regression of
ratio on capacity with its caveat, a scatter chart (inline SVG) and the region table.
Every fixed English string goes through the caller's ``tr`` (Qt translation in the plugin); class
codes are shown through ``class_labels``. Volumes are shown in t/yr (table) and kt/yr (charts),
ratios in percent.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Callable

import numpy as np

from ..core.mismatch.ratio import (
    RATIO_CLASS_COLORS,
    RATIO_CLASS_EDGE_COLORS,
    RATIO_CLASSES,
    RatioResult,
    RatioSummary,
    RatioThresholds,
    capacity_elasticity,
)
from ..core.stats import Elasticity, IntArray, Regression
from .chart_labels import extremes_first, place_labels
from .elasticity import elasticity_html, ratio_caveat_html
from .html import (
    Raw,
    chart_rc,
    esc,
    fmt_number,
    fmt_percent,
    html_page,
    html_table,
    new_figure,
    svg_from_figure,
    swatch,
)
from .html import fmt_p as _fmt_p
from .html import identity as _identity
from .html import plain as _plain

__all__ = ["ratio_report_html", "sorted_region_order"]

#: Charts label every point up to this many regions; beyond it labels would overlap.
MAX_POINT_LABELS = 80
#: Beyond this many points the scatter is embedded as an image inside the SVG.
RASTERIZE_ABOVE = 5000


def sorted_region_order(result: RatioResult) -> IntArray:
    """Row indices: defined ratios descending, then undefined ones by class (legend order).

    Ties keep input order.
    """
    n = len(result)
    defined = result.defined
    rank_of = {code: i for i, code in enumerate(RATIO_CLASSES)}
    class_rank = np.fromiter(
        (rank_of.get(str(c), len(RATIO_CLASSES)) for c in result.ratio_class),
        dtype=np.int64,
        count=n,
    )
    key_ratio = np.where(defined, -np.nan_to_num(result.ratio, nan=0.0), 0.0)
    # lexsort: last key is primary -> undefined flag, then ratio desc, class, input order.
    order: IntArray = np.lexsort((np.arange(n), class_rank, key_ratio, ~defined))
    return order


def ratio_report_html(
    names: Sequence[Any],
    result: RatioResult,
    summary: RatioSummary,
    regression: Regression,
    thresholds: RatioThresholds,
    *,
    title: str,
    class_labels: dict[str, str],
    tr: Callable[[str], str] = _identity,
    notes: Sequence[str] = (),
    elasticity: Elasticity | None = None,
) -> str:
    """Build the report page. ``names`` are region names in the order of ``result``.

    ``elasticity`` defaults to :func:`core.ratio.capacity_elasticity` of ``result``.
    """
    names = ["" if v is None else str(v) for v in names]
    if len(names) != len(result):
        raise ValueError(f"{len(names)} names for {len(result)} regions")

    def label(code: str) -> str:
        return class_labels.get(code, code)

    body: list[str] = [f"<h1>{esc(title)}</h1>"]
    body.extend(f'<div class="note">{esc(note)}</div>' for note in notes)
    body.append(
        '<p class="meta">'
        + esc(
            tr(
                "Ratio = retirement ÷ recycling capacity, both in t/yr. "
                "Thresholds: idle below {idle}, tight from {tight}, shortage above {shortage}."
            ).format(
                idle=_fmt_threshold(thresholds.idle),
                tight=_fmt_threshold(thresholds.tight),
                shortage=_fmt_threshold(thresholds.shortage),
            )
        )
        + "</p>"
    )

    # --- summary -------------------------------------------------------------------------
    body.append(f"<h2>{esc(tr('Summary'))}</h2>")
    rows = [
        (tr("Regions"), fmt_number(summary.n_regions)),
        (tr("Regions with a defined ratio"), fmt_number(summary.n_valid)),
        (tr("Median ratio"), fmt_percent(summary.median)),
        (tr("Mean ratio"), fmt_percent(summary.mean)),
        (
            tr("Share of regions below the idle threshold ({threshold})").format(
                threshold=_fmt_threshold(thresholds.idle)
            ),
            fmt_percent(summary.share_below),
        ),
        (
            tr("National ratio (total retirement ÷ total capacity)"),
            fmt_percent(summary.national_ratio),
        ),
    ]
    body.append(html_table([tr("Measure"), tr("Value")], rows, numeric=(False, True)))
    class_rows = [
        (
            Raw(swatch(RATIO_CLASS_COLORS[c], RATIO_CLASS_EDGE_COLORS[c]) + esc(label(c))),
            fmt_number(summary.class_counts.get(c, 0)),
        )
        for c in RATIO_CLASSES
    ]
    body.append(
        html_table(
            [tr("Class"), tr("Regions")],
            class_rows,
            numeric=(False, True),
            caption=tr("Regions by class"),
        )
    )

    # --- does capacity follow retirement? -------------------------------------------------
    if elasticity is None:
        elasticity = capacity_elasticity(result)
    body.append(f"<h2>{esc(tr('Does capacity follow retirement? Log–log elasticity'))}</h2>")
    body.append(elasticity_html(names, result, elasticity, tr))

    # --- regression ----------------------------------------------------------------------
    body.append(f"<h2>{esc(tr('Regression of ratio on capacity (as in the source)'))}</h2>")
    body.append(_regression_html(regression, tr))
    if regression.slope is not None:
        body.append(ratio_caveat_html(tr))

    # --- chart ---------------------------------------------------------------------------
    body.append(f"<h2>{esc(tr('Ratio against capacity'))}</h2>")
    body.append(_chart_html(names, result, regression, thresholds, label, tr))

    # --- regions -------------------------------------------------------------------------
    body.append(f"<h2>{esc(tr('Regions by ratio'))}</h2>")
    region_rows = []
    for rank, i in enumerate(sorted_region_order(result), start=1):
        code = str(result.ratio_class[i])
        region_rows.append(
            (
                rank,
                names[i],
                fmt_number(result.retirement[i]),
                fmt_number(result.capacity[i]),
                fmt_percent(result.ratio[i]),
                Raw(
                    swatch(RATIO_CLASS_COLORS[code], RATIO_CLASS_EDGE_COLORS[code])
                    + esc(label(code))
                ),
            )
        )
    body.append(
        html_table(
            [
                "#",
                tr("Region"),
                tr("Retirement (t/yr)"),
                tr("Capacity (t/yr)"),
                tr("Ratio"),
                tr("Class"),
            ],
            region_rows,
            numeric=(True, False, True, True, True, False),
            css_class="data regions",
        )
    )
    footer = tr("Generated by Battery Recycling Atlas (QGIS plugin).")
    body.append(f"<footer>{esc(footer)}</footer>")
    return html_page(title, body)


def _regression_html(reg: Regression, tr: Callable[[str], str]) -> str:
    if reg.slope is None:
        if reg.n < 3:
            text = tr(
                "The regression is undefined: fewer than 3 regions have a defined ratio (n = {n})."
            )
        else:
            text = tr(
                "The regression is undefined: capacity or ratio does not vary across the "
                "regions (n = {n})."
            )
        return f"<p>{esc(text.format(n=reg.n))}</p>"
    rows = [
        (tr("Slope (ratio per t/yr of capacity)"), _fmt_sci(reg.slope)),
        (tr("Slope (percentage points per Mt/yr of capacity)"), fmt_number(reg.slope * 1e8, 2)),
        (tr("Intercept (ratio at zero capacity)"), fmt_percent(reg.intercept)),
        ("r", fmt_number(reg.r, 3)),
        ("R²", fmt_number(reg.r2, 3)),
        (tr("p-value (two-sided, slope)"), _fmt_p(reg.p_value)),
        ("n", fmt_number(reg.n)),
    ]
    return (
        "<p>"
        + esc(tr("Ordinary least squares: ratio = intercept + slope × capacity."))
        + "</p>\n"
        + html_table([tr("Statistic"), tr("Value")], rows, numeric=(False, True))
    )


def _fmt_threshold(value: float) -> str:
    """A threshold fraction as a short percent: 0.2 → ``20 %``, 0.125 → ``12.5 %``."""
    return f"{value * 100:.4g} %"


def _fmt_sci(value: float | None) -> str:
    """4 significant digits; a dash when undefined (None, NaN or ±inf)."""
    return "\u2014" if value is None or not math.isfinite(value) else f"{value:.4g}"


def _chart_html(
    names: Sequence[str],
    result: RatioResult,
    reg: Regression,
    thresholds: RatioThresholds,
    label: Callable[[str], str],
    tr: Callable[[str], str],
) -> str:
    idx = np.flatnonzero(result.defined)
    if idx.size == 0:
        return f"<p>{esc(tr('No region has a defined ratio; there is nothing to plot.'))}</p>"
    import matplotlib
    from matplotlib.lines import Line2D

    x_kt = result.capacity[idx] / 1000.0
    y_pct = result.ratio[idx] * 100.0
    codes = [str(result.ratio_class[i]) for i in idx]
    with matplotlib.rc_context(chart_rc()):
        fig = new_figure(7.5, 5.0)
        ax = fig.add_subplot()
        ax.scatter(
            x_kt,
            y_pct,
            s=36,
            c=[RATIO_CLASS_COLORS[c] for c in codes],
            edgecolors=[RATIO_CLASS_EDGE_COLORS[c] for c in codes],
            linewidths=0.6,
            zorder=3,
            rasterized=idx.size > RASTERIZE_ABOVE,
        )
        for value in (thresholds.idle, thresholds.tight, thresholds.shortage):
            ax.axhline(value * 100.0, color="#999999", linestyle=":", linewidth=0.8, zorder=1)
        handles = []
        if reg.slope is not None and reg.intercept is not None:
            xs = np.array([0.0, float(np.max(x_kt))])
            ax.plot(
                xs,
                (reg.intercept + reg.slope * xs * 1000.0) * 100.0,
                color="#333333",
                linewidth=1.2,
                zorder=2,
            )
            handles.append(
                Line2D(
                    [],
                    [],
                    color="#333333",
                    linewidth=1.2,
                    label=tr("Least-squares fit (R² = {r2})").format(r2=fmt_number(reg.r2, 2)),
                )
            )
        label_xy = (x_kt, y_pct)
        for code in RATIO_CLASSES:
            if code in codes:
                handles.append(
                    Line2D(
                        [],
                        [],
                        marker="o",
                        linestyle="",
                        markersize=6,
                        markerfacecolor=RATIO_CLASS_COLORS[code],
                        markeredgecolor=RATIO_CLASS_EDGE_COLORS[code],
                        label=_plain(label(code)),
                    )
                )
        ax.legend(handles=handles, fontsize=7, frameon=False, loc="best")
        ax.set_xlabel(_plain(tr("Recycling capacity (kt/yr)")))
        ax.set_ylabel(_plain(tr("Retirement ÷ capacity (%)")))
        ax.set_xlim(0, max(float(np.max(x_kt)), 1e-9) * 1.12)
        ax.set_ylim(0, max(float(np.max(y_pct)), thresholds.shortage * 100.0) * 1.08)
        ax.grid(True, color="#eeeeee", linewidth=0.6, zorder=0)
        ax.set_axisbelow(True)
        fig.draw_without_rendering()  # the layout is final, so labels are measured in place
        place_labels(ax, *label_xy, [_plain(names[i]) for i in idx], extremes_first(*label_xy))
        svg = svg_from_figure(fig, label=tr("Ratio against capacity"))
    caption = tr("Each point is a region with a defined ratio; dotted lines are the thresholds.")
    caption += " " + tr(
        "The regions at the extremes of either axis are named where their "
        "labels fit without overlapping."
    )
    return f"<figure>{svg}<figcaption>{esc(caption)}</figcaption></figure>"
