"""HTML reports of the plant economics: ``plant_profit`` (here), ``calibrate_scale_curve``
(:mod:`.report_calibration`) and ``profit_uncertainty`` (:mod:`.report_uncertainty`); all three
builders are importable from this module.

The plant-profit page: notes, summary, the profit and unit-cost curves over throughput of a
representative plant (the plant of median capacity) with the paper's three stage bands and the
break-even point, revenue and cost by term for all plants, the cascade-or-recycle counts and the
plants sorted by profit. Tables in t/yr, CNY/yr and CNY/t; charts in 10 kt/yr (万吨) and 100 M CNY
(亿元). Self-contained UTF-8 with inline SVG; fixed English text goes through ``tr``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Callable

import numpy as np

from ..core.constants import Q_UNIT, STAGE_BOUNDS
from ..core.economics.model import (
    COST_TERMS,
    REVENUE_TERMS,
    EconomicParams,
    PlantEconomics,
    cascade_break_even_spread,
    evaluate_profit,
    evaluate_values,
    solve_break_even,
)
from ..core.economics.uncertainty import median_capacity_index
from .calibration import calibration_report_html
from .economics_common import (
    TERM_COLORS,
    YI,
    draw_stage_bands,
    figure_html,
    footer_html,
    identity,
    plain,
    stage_legend_html,
    table_rows,
    term_labels,
)
from .html import (
    chart_rc,
    esc,
    fmt_money,
    fmt_number,
    fmt_percent,
    html_page,
    html_table,
    money_unit,
    new_figure,
    svg_from_figure,
)
from .uncertainty import uncertainty_report_html

__all__ = [
    "calibration_report_html",
    "plant_profit_report_html",
    "representative_plant",
    "uncertainty_report_html",
]


def representative_plant(
    result: PlantEconomics, params: EconomicParams, x_max: float | None = None, points: int = 241
) -> dict[str, Any]:
    """Curves of the plant of median capacity (capacity and fixed cost held, throughput 0 to
    capacity) and of a plant of each size at full use (Q from 0 to ``x_max``, default
    max(25, 1.05 × largest capacity in Q)); profits CNY/yr, unit costs CNY/t, Q in 10 kt/yr.

    ``breakeven_t`` (t/yr, NaN if none) is the root of the representative profit curve;
    ``breakeven_size_t`` (t/yr, NaN if none) where the full-use profit first turns positive.
    """
    i = median_capacity_index(result.capacity)
    cap, fixed = float(result.capacity[i]), float(result.fixed_cost[i])
    if x_max is None:
        x_max = max(STAGE_BOUNDS[1] * 1.25, 1.05 * float(np.max(result.capacity)) / Q_UNIT)
    v = params.values()
    t = np.linspace(0.0, cap, points)
    rep = evaluate_values(v, cap, t, fixed)
    sizes = np.linspace(x_max / 400.0, x_max, 400) * Q_UNIT
    full = evaluate_values(v, sizes, sizes)
    be = float(solve_break_even(v, np.array([cap]), np.array([fixed]))[0])
    return {
        "index": i,
        "capacity": cap,
        "fixed_cost": fixed,
        "x_max": x_max,
        "throughput": t,
        "profit": np.asarray(rep["profit"], float),
        "unit_cost": np.asarray(rep["unit_cost"]),
        "sizes": sizes,
        "full_profit": np.asarray(full["profit"], float),
        "full_unit_cost": np.asarray(full["unit_cost"], float),
        "breakeven_t": be,
        "breakeven_size_t": _first_root(v, sizes, np.asarray(full["profit"], float)),
    }


def _first_root(v: dict[str, float], sizes: np.ndarray, profit: np.ndarray) -> float:
    """Capacity (t/yr) where the full-use profit first goes from < 0 to ≥ 0 (bisection)."""
    up = np.flatnonzero((profit[:-1] < 0) & (profit[1:] >= 0))
    if up.size == 0:
        return float("nan")
    lo, hi = float(sizes[up[0]]), float(sizes[up[0] + 1])
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        lo, hi = (lo, mid) if float(evaluate_profit(v, mid, mid)) >= 0 else (mid, hi)
    return hi


def plant_profit_report_html(
    names: Sequence[Any],
    capacity: Any,
    throughput: Any,
    result: PlantEconomics,
    params: EconomicParams,
    *,
    title: str,
    tr: Callable[[str], str] = identity,
    notes: Sequence[str] = (),
) -> str:
    """The ``plant_profit`` report. ``names`` label the plants in the order of ``result``
    (from :func:`.economics.plant_economics` with ``params``); ``capacity`` and ``throughput``
    are the same plants' inputs in t/yr (only their lengths are checked: the figures come from
    ``result``). The curves use ``params`` and the representative plant's own fixed cost;
    per-plant parameter overrides are not drawn."""
    names = ["" if v is None else str(v) for v in names]
    n = len(result)
    for label, values in (("names", names), ("capacity", capacity), ("throughput", throughput)):
        if values is not None and len(values) != n:
            raise ValueError(f"{len(values)} {label} for {n} plants")
    if n == 0:
        raise ValueError("the report needs at least one plant")
    rep = representative_plant(result, params)
    body: list[str] = [f"<h1>{esc(title)}</h1>"]
    body.extend(f'<div class="note">{esc(note)}</div>' for note in notes)
    body.append(
        '<p class="meta">'
        + esc(
            tr(
                "DLCER-Battery model: profit = revenues (Rm, Rt, Sg, Ec) − costs (Cp, Cd, Cr, Ce, pack "
                "purchase). Tables in t/yr, CNY/yr and CNY/t; charts in 10 kt/yr (万吨) and 100 M CNY "
                "(亿元). Unit cost = processing cost per tonne, fixed cost included, purchase excluded."
            )
        )
        + "</p>"
    )

    body.append(f"<h2>{esc(tr('Summary'))}</h2>")
    body.append(
        html_table([tr("Measure"), tr("Value")], _summary_rows(result, tr), numeric=(False, True))
    )

    body.append(f"<h2>{esc(tr('Profit over throughput'))}</h2>")
    body.append(_representative_html(names, result, params, rep, tr))
    body.append(stage_legend_html(tr))
    body.append(_curve_chart(result, rep, tr, unit_cost=False))
    body.append(f"<h2>{esc(tr('Unit cost over throughput'))}</h2>")
    body.append(_curve_chart(result, rep, tr, unit_cost=True))

    body.append(f"<h2>{esc(tr('Revenue and cost by term'))}</h2>")
    body.append(_terms_chart(result, tr))
    body.append(_terms_table(result, tr))

    body.append(f"<h2>{esc(tr('Cascade use or recycling'))}</h2>")
    body.append(_routes_html(result, params, rep, tr))

    body.append(f"<h2>{esc(tr('Plants by profit'))}</h2>")
    body.append(_plants_table(names, result, tr))
    body.append(footer_html(tr))
    return html_page(title, body)


def _summary_rows(res: PlantEconomics, tr: Callable[[str], str]) -> list[tuple]:
    cap, thr = float(res.capacity.sum()), float(res.throughput.sum())
    losses = int(np.sum(res.profit < 0))
    unit = res.unit_cost[np.isfinite(res.unit_cost)]
    profit = float(res.profit.sum())
    money = money_unit(tr, [res.revenue.sum(), res.cost.sum(), profit])
    per_yr = tr("{unit}/yr").format(unit=money[0])
    return [
        (tr("Plants"), fmt_number(len(res))),
        (tr("Total capacity (t/yr)"), fmt_number(cap)),
        (tr("Total throughput (t/yr)"), fmt_number(thr)),
        (tr("Utilisation (total throughput ÷ total capacity)"), fmt_percent(thr / cap)),
        (tr("Total revenue ({unit})").format(unit=per_yr), fmt_money(res.revenue.sum(), money)),
        (tr("Total cost ({unit})").format(unit=per_yr), fmt_money(res.cost.sum(), money)),
        (tr("Total profit ({unit})").format(unit=per_yr), fmt_money(profit, money)),
        (
            tr("Plants with a loss"),
            tr("{k} of {n} ({share})").format(
                k=fmt_number(losses), n=fmt_number(len(res)), share=fmt_percent(losses / len(res))
            ),
        ),
        (tr("Median unit cost (CNY/t)"), fmt_number(np.median(unit)) if unit.size else None),
    ]


def _representative_html(
    names: Sequence[str],
    res: PlantEconomics,
    params: EconomicParams,
    rep: dict[str, Any],
    tr: Callable[[str], str],
) -> str:
    i, cap, be = rep["index"], rep["capacity"], rep["breakeven_t"]
    text = tr(
        "Representative plant: {name}, the plant of median capacity. Its curve holds "
        "capacity and annual fixed cost and varies throughput from 0 to capacity; the "
        "dashed curve is a plant of each size at full use; dots are the plants at their "
        "throughput."
    ).format(name=names[i])
    be_text = fmt_number(be) if np.isfinite(be) else tr("none: a loss even at full use")
    size = rep["breakeven_size_t"]
    money = money_unit(tr, [rep["fixed_cost"], res.profit[i], rep["profit"][-1]])
    per_yr = tr("{unit}/yr").format(unit=money[0])
    rows = [
        (tr("Capacity (t/yr)"), fmt_number(cap)),
        (tr("Annual fixed cost ({unit})").format(unit=per_yr), fmt_money(rep["fixed_cost"], money)),
        (tr("Throughput (t/yr)"), fmt_number(res.throughput[i])),
        (
            tr("Profit at this throughput ({unit})").format(unit=per_yr),
            fmt_money(res.profit[i], money),
        ),
        (
            tr("Profit at full use ({unit})").format(unit=per_yr),
            fmt_money(rep["profit"][-1], money),
        ),
        (tr("Break-even throughput (t/yr)"), be_text),
        (tr("Break-even utilisation"), fmt_percent(be / cap) if np.isfinite(be) else None),
        (
            tr("Smallest plant that breaks even at full use (t/yr)"),
            fmt_number(size) if np.isfinite(size) else tr("none in the range shown"),
        ),
    ]
    return f"<p>{esc(text)}</p>\n" + html_table(
        [tr("Representative plant"), tr("Value")], rows, numeric=(False, True)
    )


#: Below this share of the x range the representative curve also gets a zoomed inset.
ZOOM_BELOW = 0.35


def _curve_chart(
    res: PlantEconomics, rep: dict[str, Any], tr: Callable[[str], str], *, unit_cost: bool
) -> str:
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


def _terms_chart(res: PlantEconomics, tr: Callable[[str], str]) -> str:
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


def _terms_table(res: PlantEconomics, tr: Callable[[str], str]) -> str:
    labels = term_labels(tr)
    thr = float(res.throughput.sum())
    revenue, cost = float(res.revenue.sum()), float(res.cost.sum())
    money = money_unit(tr, [revenue, cost])
    rows = []
    for kind, terms, by, total in (
        (tr("Revenue"), REVENUE_TERMS, res.revenue_by_term, revenue),
        (tr("Cost"), COST_TERMS, res.cost_by_term, cost),
    ):
        for t in terms:
            value = float(by[t].sum())
            rows.append(
                (
                    kind,
                    labels[t],
                    fmt_money(value, money),
                    fmt_number(value / thr) if thr > 0 else None,
                    fmt_percent(value / total) if total else None,
                )
            )
    rows.append(
        (
            tr("Profit"),
            "",
            fmt_money(revenue - cost, money),
            fmt_number((revenue - cost) / thr) if thr > 0 else None,
            None,
        )
    )
    return html_table(
        [
            tr("Side"),
            tr("Term"),
            tr("All plants ({unit})").format(unit=tr("{unit}/yr").format(unit=money[0])),
            tr("Per tonne processed (CNY/t)"),
            tr("Share of revenue or cost"),
        ],
        rows,
        numeric=(False, False, True, True, True),
    )


def _route_label(route: str, tr: Callable[[str], str]) -> str:
    return tr("cascade use") if route == "cascade" else tr("recycling")


def _routes_html(
    res: PlantEconomics, params: EconomicParams, rep: dict[str, Any], tr: Callable[[str], str]
) -> str:
    rows = []
    money = money_unit(tr, [res.profit[res.route == r].sum() for r in ("cascade", "recycle")])
    for route in ("cascade", "recycle"):
        mask = res.route == route
        rows.append(
            (
                _route_label(route, tr),
                fmt_number(int(mask.sum())),
                fmt_number(res.throughput[mask].sum()),
                fmt_money(res.profit[mask].sum(), money),
            )
        )
    spread = cascade_break_even_spread(params, rep["capacity"])
    text = tr(
        "The share of packs fit for second life ({share}) goes to cascade use where it is "
        "worth more per tonne than recycling. For the representative plant at full use "
        "cascade use pays from a storage peak-valley spread of {s} CNY/kWh; the spread "
        "assumed is {spread} CNY/kWh."
    ).format(
        share=fmt_percent(params.rt.cascade_share, 0),
        s=fmt_number(spread, 2),
        spread=fmt_number(params.rt.spread, 2),
    )
    return (
        html_table(
            [
                tr("Route"),
                tr("Plants"),
                tr("Throughput (t/yr)"),
                tr("Profit ({unit})").format(unit=tr("{unit}/yr").format(unit=money[0])),
            ],
            rows,
            numeric=(False, True, True, True),
        )
        + f"\n<p>{esc(text)}</p>"
    )


def _plants_table(names: Sequence[str], res: PlantEconomics, tr: Callable[[str], str]) -> str:
    order = np.lexsort((np.arange(len(res)), -res.profit))
    money = money_unit(tr, res.profit)

    def row(rank: int, i: int) -> list[Any]:
        return [
            rank,
            names[i],
            fmt_number(res.capacity[i]),
            fmt_number(res.throughput[i]),
            fmt_percent(res.utilization[i]),
            fmt_number(res.unit_cost[i]),
            fmt_money(res.profit[i], money),
            fmt_percent(res.margin[i]),
            fmt_number(res.breakeven_t[i]),
            _route_label(str(res.route[i]), tr),
        ]

    headers = [
        "#",
        tr("Plant"),
        tr("Capacity (t/yr)"),
        tr("Throughput (t/yr)"),
        tr("Utilisation"),
        tr("Unit cost (CNY/t)"),
        tr("Profit ({unit})").format(unit=tr("{unit}/yr").format(unit=money[0])),
        tr("Margin"),
        tr("Break-even (t/yr)"),
        tr("Route"),
    ]
    return html_table(
        headers,
        table_rows(order, row, len(headers), tr),
        numeric=(True, False) + (True,) * 7 + (False,),
        css_class="data plants compact",
        caption=tr(
            "Margin = profit ÷ revenue; a dash: undefined (no break-even "
            "throughput up to capacity, or no revenue)."
        ),
    )
