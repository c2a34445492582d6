"""HTML report of capital against whitelist firms per province (``capital_compliance``).

One self-contained UTF-8 page: definitions, the source's context, Pearson and Spearman
correlations, a scatter of registered capital (100 M CNY, 亿元) against whitelist firms, the
provinces without a whitelist firm and the most and least compliant provinces. Every fixed
English string goes through the caller's ``tr``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Callable

import numpy as np

from ..core.mismatch.compliance import ComplianceResult, compliance_order
from ..core.stats import to_float_array
from .chart_labels import extremes_first, place_labels
from .html import (
    YI,
    chart_rc,
    esc,
    fmt_number,
    fmt_percent,
    html_page,
    html_table,
    new_figure,
    svg_from_figure,
)
from .html import fmt_p as _fmt_p
from .html import identity as _identity
from .html import plain as _plain
from .ratio import RASTERIZE_ABOVE

__all__ = ["compliance_report_html"]

#: 1 亿元 (yi yuan) = 100 million CNY: the unit of capital in the charts and tables.
#: How many provinces the "most" and "least compliant" tables list.
TOP_N = 5
NO_WHITELIST_COLOR = "#d7301f"
WHITELIST_COLOR = "#3182bd"


def _fmt_r(value: float | None) -> str:
    """A correlation with 3 decimals; a dash when undefined (None, NaN or ±inf)."""
    return "\u2014" if value is None or not math.isfinite(value) else f"{value:.3f}"


def compliance_report_html(
    names: Sequence[Any],
    capital: Sequence[Any],
    firms: Sequence[Any],
    result: ComplianceResult,
    *,
    title: str,
    tr: Callable[[str], str] = _identity,
    notes: Sequence[str] = (),
) -> str:
    """Build the report page. ``names``, ``capital`` (CNY) and ``firms`` (count) follow the rows
    of ``result``."""
    names = ["" if v is None else str(v) for v in names]
    cap = to_float_array(capital, "capital")
    fir = to_float_array(firms, "firms")
    if not len(names) == cap.shape[0] == fir.shape[0] == len(result):
        raise ValueError(
            f"names/capital/firms lengths ({len(names)}, {cap.shape[0]}, "
            f"{fir.shape[0]}) differ from the result ({len(result)})"
        )
    body: list[str] = [f"<h1>{esc(title)}</h1>"]
    body.extend(f'<div class="note">{esc(note)}</div>' for note in notes)
    body.append(
        '<p class="meta">'
        + esc(
            tr(
                "Capital share = a province's registered capital of recycling firms ÷ the total; "
                "whitelist share = its whitelist firms ÷ the total (provinces with both values known). "
                "Compliance index = whitelist share ÷ capital share: above 1, the province has more "
                "whitelist firms than its capital suggests."
            )
        )
        + "</p>"
    )
    body.append(
        "<p>"
        + esc(
            tr(
                "Context from the source study: registered capital and the number of whitelist firms "
                "per province correlate at r = −0.03; Beijing has the most capital and one whitelist "
                "firm; seven provinces have no whitelist firm."
            )
        )
        + "</p>"
    )

    body.append(f"<h2>{esc(tr('Correlation of capital with whitelist firms'))}</h2>")
    stats_rows = [
        (tr("Pearson r"), _fmt_r(result.pearson_r)),
        (tr("Pearson p-value (two-sided)"), _fmt_p(result.pearson_p)),
        (tr("Spearman rank correlation"), _fmt_r(result.spearman_r)),
        (tr("Spearman p-value (two-sided)"), _fmt_p(result.spearman_p)),
        (tr("Provinces with both values (n)"), fmt_number(result.n)),
    ]
    body.append(html_table([tr("Statistic"), tr("Value")], stats_rows, numeric=(False, True)))
    if result.pearson_r is None:
        body.append(
            "<p>"
            + esc(
                tr(
                    "The correlation is undefined: fewer than 3 provinces have both values, or one of "
                    "them does not vary (n = {n})."
                ).format(n=result.n)
            )
            + "</p>"
        )

    body.append(f"<h2>{esc(tr('Capital against whitelist firms'))}</h2>")
    body.append(_scatter_html(names, result, tr))

    body.append(f"<h2>{esc(tr('Provinces without a whitelist firm'))}</h2>")
    none_idx = np.flatnonzero(result.no_whitelist)
    if none_idx.size:
        body.append(
            html_table(
                [tr("Province"), tr("Registered capital (100 M CNY)")],
                [(names[i], fmt_number(cap[i] / YI, 2)) for i in none_idx],
                numeric=(False, True),
                caption=tr("{n} provinces").format(n=int(none_idx.size)),
            )
        )
    else:
        body.append(f"<p>{esc(tr('Every province with a known count has a whitelist firm.'))}</p>")
    unknown = np.flatnonzero(result.null_firms)
    if unknown.size:
        body.append(
            "<p>"
            + esc(
                tr("Whitelist firm count unknown: {names}").format(
                    names=", ".join(names[i] for i in unknown)
                )
            )
            + "</p>"
        )

    headers = [
        "#",
        tr("Province"),
        tr("Registered capital (100 M CNY)"),
        tr("Whitelist firms"),
        tr("Capital share"),
        tr("Whitelist share"),
        tr("Compliance index"),
    ]
    numeric = (True, False, True, True, True, True, True)
    defined = int(np.count_nonzero(np.isfinite(result.compliance_index)))
    for heading, most in (
        (tr("Most compliant provinces"), True),
        (tr("Least compliant provinces"), False),
    ):
        body.append(f"<h2>{esc(heading)}</h2>")
        order = compliance_order(result, most=most)
        if not most:  # the provinces without a whitelist firm are listed above
            order = order[~result.no_whitelist[order].astype(bool)]
        order = order[:TOP_N]
        if not order.size:
            body.append(f"<p>{esc(tr('No province has a defined compliance index.'))}</p>")
            continue
        rows = [
            (
                rank,
                names[i],
                fmt_number(cap[i] / YI, 2),
                fmt_number(fir[i]),
                fmt_percent(result.capital_share[i]),
                fmt_percent(result.whitelist_share[i]),
                fmt_number(result.compliance_index[i], 2),
            )
            for rank, i in enumerate(order.tolist(), start=1)
        ]
        caption = tr("By compliance index, of {n} provinces with a defined index").format(n=defined)
        body.append(html_table(headers, rows, numeric=numeric, caption=caption))
    body.append(
        "<p>"
        + esc(tr("The compliance index is undefined where the capital is 0 or unknown."))
        + "</p>"
    )
    body.append(
        f"<footer>{esc(tr('Generated by Battery Recycling Atlas (QGIS plugin).'))}" "</footer>"
    )
    return html_page(title, body)


def _scatter_html(names: Sequence[str], result: ComplianceResult, tr: Callable[[str], str]) -> str:
    idx = np.flatnonzero(np.isfinite(result.capital) & np.isfinite(result.firms))
    if idx.size == 0:
        return f"<p>{esc(tr('No province has both values; there is nothing to plot.'))}</p>"
    import matplotlib
    from matplotlib.lines import Line2D

    x = result.capital[idx] / YI
    y = result.firms[idx]
    none = result.no_whitelist[idx]
    with matplotlib.rc_context(chart_rc()):
        fig = new_figure(7.0, 5.0)
        ax = fig.add_subplot()
        ax.scatter(
            x,
            y,
            s=36,
            c=[NO_WHITELIST_COLOR if z else WHITELIST_COLOR for z in none],
            edgecolors="#404040",
            linewidths=0.5,
            zorder=3,
            rasterized=idx.size > RASTERIZE_ABOVE,
        )
        label_xy = (x, y)
        handles = [
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markersize=6,
                markerfacecolor=color,
                markeredgecolor="#404040",
                label=_plain(text),
            )
            for color, text in (
                (WHITELIST_COLOR, tr("With whitelist firms")),
                (NO_WHITELIST_COLOR, tr("No whitelist firm")),
            )
        ]
        ax.legend(handles=handles, fontsize=7, frameon=False, loc="best")
        ax.set_xlabel(_plain(tr("Registered capital (100 M CNY, 亿元)")))
        ax.set_ylabel(_plain(tr("Whitelist firms")))
        right = max(float(np.max(x)), 1e-9)
        ax.set_xlim(-0.03 * right, right * 1.12)
        ax.set_ylim(-0.5, max(float(np.max(y)), 1.0) * 1.12)
        ax.grid(True, color="#eeeeee", linewidth=0.6, zorder=0)
        ax.set_axisbelow(True)
        fig.draw_without_rendering()  # the layout is final, so labels are measured in place
        place_labels(ax, *label_xy, [_plain(names[i]) for i in idx], extremes_first(*label_xy))
        svg = svg_from_figure(fig, label=tr("Capital against whitelist firms"))
    caption = tr("Pearson r = {r}, Spearman rank correlation = {rho} (n = {n}).").format(
        r=_fmt_r(result.pearson_r), rho=_fmt_r(result.spearman_r), n=result.n
    )
    return f"<figure>{svg}<figcaption>{esc(caption)}</figcaption></figure>"
