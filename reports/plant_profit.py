"""HTML report of ``plant_profit`` (the other economics reports: :mod:`.calibration` for
``calibrate_scale_curve``, :mod:`.uncertainty` for ``profit_uncertainty``; charts in
:mod:`.plant_profit_charts`).

The page: notes, summary, the profit and unit-cost curves over throughput of a
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
from ..core.stats import FloatArray
from .economics_common import (
    footer_html,
    identity,
    stage_legend_html,
    table_rows,
    term_labels,
)
from .html import (
    esc,
    fmt_money,
    fmt_number,
    fmt_percent,
    html_page,
    html_table,
    money_unit,
)
from .plant_profit_charts import curve_chart, terms_chart

__all__ = ["plant_profit_report_html", "representative_plant"]


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


def _first_root(v: dict[str, float], sizes: FloatArray, profit: FloatArray) -> float:
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
    body.append(curve_chart(result, rep, tr, unit_cost=False))
    body.append(f"<h2>{esc(tr('Unit cost over throughput'))}</h2>")
    body.append(curve_chart(result, rep, tr, unit_cost=True))

    body.append(f"<h2>{esc(tr('Revenue and cost by term'))}</h2>")
    body.append(terms_chart(result, tr))
    body.append(_terms_table(result, tr))

    body.append(f"<h2>{esc(tr('Cascade use or recycling'))}</h2>")
    body.append(_routes_html(result, params, rep, tr))

    body.append(f"<h2>{esc(tr('Plants by profit'))}</h2>")
    body.append(_plants_table(names, result, tr))
    body.append(footer_html(tr))
    return html_page(title, body)


def _summary_rows(res: PlantEconomics, tr: Callable[[str], str]) -> list[tuple[str, Any]]:
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
