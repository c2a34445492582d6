"""Charts of the ``plant_profit`` report (:mod:`.plant_profit`): profit and unit cost over
throughput with the scale-curve stages, and revenue and cost by term. Throughput Q in 10 kt/yr
(万吨), money in 100 M CNY/yr (亿元), unit costs CNY/t; inline SVG through ``tr`` labels.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from ..core.constants import Q_UNIT
from ..core.economics.model import COST_TERMS, REVENUE_TERMS, PlantEconomics
from .economics_common import TERM_COLORS, YI, draw_stage_bands, figure_html, plain, term_labels
from .html import chart_rc, fmt_number, new_figure, svg_from_figure

__all__ = ["ZOOM_BELOW", "curve_chart", "terms_chart"]

#: Below this share of the x range the representative curve also gets a zoomed inset.
ZOOM_BELOW = 0.35


def curve_chart(
    res: PlantEconomics, rep: dict[str, Any], tr: Callable[[str], str], *, unit_cost: bool
) -> str:
    """Profit (``unit_cost`` False, 100 M CNY/yr) or unit cost (CNY/t) over throughput Q
    (10 kt/yr): the plants, a plant of each size at full use and the representative plant
    (``rep`` from :func:`.plant_profit.representative_plant`), as an HTML figure."""
    import matplotlib

    x_max = rep["x_max"]
    scale = 1.0 if unit_cost else YI
    key = "unit_cost" if unit_cost else "profit"
    y_plants = (res.unit_cost if unit_cost else res.profit) / scale
    zoom = rep["capacity"] / Q_UNIT < ZOOM_BELOW * x_max
    with matplotlib.rc_context(chart_rc()):
        fig = new_figure(7.5, 5.0)
        ax = fig.add_subplot()
        draw_stage_bands(ax, x_max, tr)
        ax.scatter(
            res.throughput / Q_UNIT,
            y_plants,
            s=10,
            color="#8c8c8c",
            alpha=0.7,
            linewidths=0,
            zorder=2,
            label=plain(tr("Plants at their throughput")),
            rasterized=len(res) > 5000,
        )
        ax.plot(
            rep["sizes"] / Q_UNIT,
            rep["full_" + key] / scale,
            color="#2166ac",
            linestyle="--",
            linewidth=1.2,
            zorder=3,
            label=plain(tr("Plant of each size at full use")),
        )
        _draw_representative(ax, res, rep, key, scale, tr, labels=True)
        if unit_cost:
            finite = y_plants[np.isfinite(y_plants)]
            ref = np.interp(Q_UNIT, rep["sizes"], rep["full_unit_cost"])  # 10 kt/yr, full use
            top = max(float(np.percentile(finite, 98)) if finite.size else 0.0, float(ref))
            ax.set_ylim(0, top * 1.15)
            ax.set_ylabel(plain(tr("Unit processing cost (CNY/t)")))
        else:
            ax.axhline(0.0, color="#333333", linewidth=0.8, zorder=1)
            ax.set_ylabel(plain(tr("Profit (100 M CNY/yr, 亿元)")))
        ax.set_xlim(0, x_max)
        ax.set_xlabel(plain(tr("Throughput Q (10 kt/yr, 万吨)")))
        ax.grid(True, color="#e6e6e6", linewidth=0.5, zorder=0)
        ax.legend(
            fontsize=7, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2
        )
        if zoom:
            _inset(ax, res, rep, key, scale, tr, unit_cost)
        label = tr("Unit cost over throughput") if unit_cost else tr("Profit over throughput")
        svg = svg_from_figure(fig, label=label)
    caption = (
        tr(
            "Unit processing cost over throughput, with the three stages of the scale "
            "curve shaded."
        )
        if unit_cost
        else tr(
            "Profit over throughput, with the three stages of the scale curve shaded; the "
            "filled dot marks the representative plant's throughput, the open circle its "
            "break-even throughput (absent when no throughput up to capacity breaks "
            "even)."
        )
    )
    if zoom:
        caption += " " + tr("The inset enlarges the representative plant's curve.")
    return figure_html(svg, caption)


def _draw_representative(
    ax: Any,
    res: PlantEconomics,
    rep: dict[str, Any],
    key: str,
    scale: float,
    tr: Callable[[str], str],
    *,
    labels: bool,
) -> None:
    """The representative plant's curve, its operating point and its break-even point."""
    i, t, y = rep["index"], rep["throughput"], rep[key] / scale

    def lab(text: str) -> str | None:
        return plain(text) if labels else None

    ax.plot(
        t / Q_UNIT,
        y,
        color="#b2182b",
        linewidth=1.8,
        zorder=4,
        label=lab(tr("Representative plant ({cap} t/yr)").format(cap=fmt_number(rep["capacity"]))),
    )
    y_op = (res.unit_cost if key == "unit_cost" else res.profit)[i] / scale
    ax.plot(
        [res.throughput[i] / Q_UNIT],
        [y_op],
        marker="o",
        markersize=5,
        color="#b2182b",
        linestyle="",
        zorder=5,
        label=lab(tr("Its throughput")),
    )
    be = rep["breakeven_t"]
    if np.isfinite(be):
        y_be = 0.0 if key == "profit" else float(np.interp(be, t, y))
        ax.plot(
            [be / Q_UNIT],
            [y_be],
            marker="o",
            markersize=7,
            color="#ffffff",
            markeredgecolor="#b2182b",
            markeredgewidth=1.8,
            linestyle="",
            zorder=6,
            label=lab(tr("Break-even: {t} t/yr").format(t=fmt_number(be))),
        )


def _inset(
    ax: Any,
    res: PlantEconomics,
    rep: dict[str, Any],
    key: str,
    scale: float,
    tr: Callable[[str], str],
    unit_cost: bool,
) -> None:
    """A zoom on the representative plant: upper right for unit cost (which falls), upper
    left for profit (which rises)."""
    box = [0.55, 0.42, 0.42, 0.46] if unit_cost else [0.07, 0.42, 0.42, 0.46]
    inner = ax.inset_axes(box)
    inner.set_facecolor("#ffffff")
    _draw_representative(inner, res, rep, key, scale, tr, labels=False)
    cap_q = rep["capacity"] / Q_UNIT
    inner.set_xlim(0, cap_q * 1.03)
    y = rep[key] / scale
    if unit_cost:
        inner.set_ylim(0, float(np.nanmin(y)) * 3.0)
    else:
        inner.axhline(0.0, color="#333333", linewidth=0.7)
        lo, hi = float(np.min(y)), float(np.max(y))
        pad = 0.08 * max(hi - lo, 1e-12)
        inner.set_ylim(min(lo, 0.0) - pad, max(hi, 0.0) + pad)
    inner.tick_params(labelsize=6)
    inner.grid(True, color="#eeeeee", linewidth=0.5)
    inner.set_title(plain(tr("Representative plant")), fontsize=7)


def terms_chart(res: PlantEconomics, tr: Callable[[str], str]) -> str:
    """Revenue and cost of all plants by term, stacked (100 M CNY/yr), as an HTML figure."""
    import matplotlib

    labels = term_labels(tr)
    totals = {t: float(res.revenue_by_term[t].sum()) / YI for t in REVENUE_TERMS}
    totals.update({t: float(res.cost_by_term[t].sum()) / YI for t in COST_TERMS})
    profit = float(res.profit.sum()) / YI
    with matplotlib.rc_context(chart_rc()):
        fig = new_figure(7.5, 4.4)
        ax = fig.add_subplot()
        for x, terms in ((0, REVENUE_TERMS), (1, COST_TERMS)):
            pos = neg = 0.0
            for t in terms:
                value = totals[t]
                bottom = pos if value >= 0 else neg
                ax.bar(
                    x,
                    value,
                    bottom=bottom,
                    width=0.6,
                    color=TERM_COLORS[t],
                    edgecolor="white",
                    linewidth=0.5,
                    label=plain(labels[t]),
                )
                pos, neg = (pos + value, neg) if value >= 0 else (pos, neg + value)
        ax.bar(2, profit, width=0.6, color="#1a9850" if profit >= 0 else "#d73027")
        ax.axhline(0.0, color="#333333", linewidth=0.8)
        ax.set_xticks([0, 1, 2])
        ax.set_xticklabels([plain(tr("Revenue")), plain(tr("Cost")), plain(tr("Profit"))])
        ax.set_ylabel(plain(tr("All plants (100 M CNY/yr, 亿元)")))
        ax.grid(True, axis="y", color="#e6e6e6", linewidth=0.5)
        ax.set_axisbelow(True)
        handles, names = ax.get_legend_handles_labels()
        ax.legend(
            handles[::-1],
            names[::-1],
            fontsize=7,
            frameon=False,
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
        )
        svg = svg_from_figure(fig, label=tr("Revenue and cost by term"))
    return figure_html(
        svg, tr("Revenue and cost of all plants by term, stacked; the third bar " "is the profit.")
    )
