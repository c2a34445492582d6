"""HTML report of the least-cost allocation (``allocate_supply``) under the border rules.

One self-contained UTF-8 page: the cost assumptions, a table and a bar chart comparing the rules
(national utilisation, unmet supply, transport + fee cost, cross-border share), then for the
chosen rule its largest flows, the plants by utilisation and the supply left unmet. Every fixed
English string goes through the caller's ``tr``. Volumes in t/yr in tables, kt/yr in charts;
money in CNY/yr in tables, 100 M CNY/yr (亿元) in charts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Callable

import numpy as np

from ..core.siting.allocation import RULES, AllocationResult
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
from .html import identity as _identity
from .html import plain as _plain

__all__ = ["allocation_report_html", "rule_labels"]

#: Flows listed for the chosen rule (largest first).
TOP_FLOWS = 25
#: Supply rows listed with the most unmet supply.
TOP_UNMET = 20
#: 1 亿元 = 100 million CNY, the money unit of the chart.
CHOSEN_COLOR = "#1b7837"
OTHER_COLOR = "#a6bddb"


def rule_labels(tr: Callable[[str], str] = _identity) -> dict[str, str]:
    """Display names of the border rules, keyed by the codes of :data:`core.allocation.RULES`."""
    return {
        "open": tr("Open borders (green channel)"),
        "fee": tr("Border fee"),
        "closed": tr("Closed borders"),
    }


def allocation_report_html(
    results_by_rule: Mapping[str, AllocationResult],
    chosen_rule: str,
    *,
    title: str,
    tr: Callable[[str], str] = _identity,
    supply_names: Sequence[Any],
    plant_names: Sequence[Any],
    notes: Sequence[str] = (),
) -> str:
    """Build the report page.

    ``results_by_rule``: :class:`AllocationResult` per rule code (any subset of the rules; the
    chosen one is required), all for the same supply and plants. ``supply_names`` and
    ``plant_names`` label the supply rows and plants in input order.
    """
    if chosen_rule not in results_by_rule:
        raise ValueError(f"no result for the chosen rule {chosen_rule!r}")
    rules = [r for r in RULES if r in results_by_rule]
    rules += [r for r in results_by_rule if r not in rules]
    chosen = results_by_rule[chosen_rule]
    supply_names = ["" if v is None else str(v) for v in supply_names]
    plant_names = ["" if v is None else str(v) for v in plant_names]
    if len(supply_names) != chosen.supply_t.shape[0]:
        raise ValueError(f"{len(supply_names)} supply names for {chosen.supply_t.shape[0]} rows")
    if len(plant_names) != chosen.capacity_t.shape[0]:
        raise ValueError(f"{len(plant_names)} plant names for {chosen.capacity_t.shape[0]} plants")
    labels = rule_labels(tr)

    def label(rule: str) -> str:
        return labels.get(rule, rule)

    p = chosen.params
    body: list[str] = [f"<h1>{esc(title)}</h1>"]
    body.extend(f'<div class="note">{esc(note)}</div>' for note in notes)
    meta = tr(
        "Least-cost flows of retired batteries from supply to recycling plants (a min-cost "
        "transportation linear programme, solved exactly). Cost per tonne = straight-line "
        "distance × detour {detour} × {rate} CNY per t·km, plus {fee} CNY/t across a province "
        "border under the border-fee rule; closed borders forbid cross-province flows. Supply "
        "that cannot reach free capacity is left unmet at a penalty of {penalty} CNY/t. "
        "Volumes in t/yr, money in CNY/yr."
    ).format(
        detour=fmt_number(p.detour, 2),
        rate=fmt_number(p.transport_cost, 2),
        fee=fmt_number(p.border_fee),
        penalty=fmt_number(p.unmet_penalty),
    )
    if p.max_distance_km is not None:
        meta += " " + tr("Flows longer than {km} km (straight line) are not allowed.").format(
            km=fmt_number(p.max_distance_km)
        )
    body.append(f'<p class="meta">{esc(meta)}</p>')
    if chosen.no_capacity:
        body.append(
            '<div class="note">'
            + esc(tr("The plants have no capacity (total 0 t/yr): all supply is unmet."))
            + "</div>"
        )

    # --- comparison of the rules -----------------------------------------------------------
    body.append(f"<h2>{esc(tr('Border rules compared'))}</h2>")
    rows = []
    for rule in rules:
        res = results_by_rule[rule]
        name = label(rule) + (" " + tr("(chosen)") if rule == chosen_rule else "")
        unmet_share = res.total_unmet_t / res.total_supply_t if res.total_supply_t > 0 else None
        rows.append(
            (
                name,
                fmt_percent(res.national_utilization),
                fmt_number(res.total_allocated_t),
                fmt_number(res.total_unmet_t),
                fmt_percent(unmet_share),
                fmt_number(res.total_cost),
                fmt_number(res.border_fee_cost),
                fmt_number(res.cost_per_tonne, 1),
                fmt_percent(res.cross_border_share),
            )
        )
    body.append(
        html_table(
            [
                tr("Rule"),
                tr("National utilisation"),
                tr("Allocated (t/yr)"),
                tr("Unmet (t/yr)"),
                tr("Unmet share of supply"),
                tr("Transport + fees (CNY/yr)"),
                tr("of which border fees (CNY/yr)"),
                tr("Cost per tonne allocated (CNY/t)"),
                tr("Cross-border share of flow"),
            ],
            rows,
            numeric=(False,) + (True,) * 8,
            css_class="compact",
            caption=tr("Total supply {supply} t/yr, total capacity {capacity} t/yr.").format(
                supply=fmt_number(chosen.total_supply_t),
                capacity=fmt_number(chosen.total_capacity_t),
            ),
        )
    )
    if "open" in results_by_rule and "closed" in results_by_rule:
        o, c = results_by_rule["open"], results_by_rule["closed"]
        body.append(
            "<p>"
            + esc(
                tr(
                    "From closed borders to open borders (the green channel), national utilisation "
                    "goes from {u_closed} to {u_open}, unmet supply from {m_closed} to {m_open} t/yr "
                    "and the transport cost from {c_closed} to {c_open} CNY/yr."
                ).format(
                    u_closed=fmt_percent(c.national_utilization),
                    u_open=fmt_percent(o.national_utilization),
                    m_closed=fmt_number(c.total_unmet_t),
                    m_open=fmt_number(o.total_unmet_t),
                    c_closed=fmt_number(c.total_cost),
                    c_open=fmt_number(o.total_cost),
                )
            )
            + "</p>"
        )
    body.append(_chart_html(results_by_rule, rules, chosen_rule, label, tr))
    solve = ", ".join(
        tr("{rule}: {seconds} s").format(
            rule=label(r), seconds=fmt_number(results_by_rule[r].solve_seconds, 3)
        )
        for r in rules
    )
    body.append('<p class="meta">' + esc(tr("Solve time: {times}.").format(times=solve)) + "</p>")

    # --- chosen rule: flows ------------------------------------------------------------------
    body.append("<h2>" + esc(tr("Largest flows: {rule}").format(rule=label(chosen_rule))) + "</h2>")
    if chosen.n_flows:
        order = np.argsort(-chosen.flow_t, kind="stable")[:TOP_FLOWS]
        yes, no = tr("yes"), tr("no")
        flow_rows = [
            (
                rank,
                supply_names[chosen.flow_from[k]],
                plant_names[chosen.flow_to[k]],
                fmt_number(chosen.flow_t[k]),
                fmt_number(chosen.flow_distance_km[k]),
                fmt_number(chosen.flow_cost[k]),
                yes if chosen.flow_cross_border[k] else no,
            )
            for rank, k in enumerate(order.tolist(), start=1)
        ]
        body.append(
            html_table(
                [
                    "#",
                    tr("From"),
                    tr("To plant"),
                    tr("Flow (t/yr)"),
                    tr("Distance (km, straight line)"),
                    tr("Cost (CNY/yr)"),
                    tr("Cross-border"),
                ],
                flow_rows,
                numeric=(True, False, False, True, True, True, False),
                caption=tr("{shown} of {n} flows").format(shown=len(flow_rows), n=chosen.n_flows),
            )
        )
    else:
        body.append(f"<p>{esc(tr('Nothing flows under this rule.'))}</p>")

    # --- chosen rule: plants -----------------------------------------------------------------
    body.append(
        "<h2>" + esc(tr("Plants by utilisation: {rule}").format(rule=label(chosen_rule))) + "</h2>"
    )
    util = chosen.utilization
    key = np.where(np.isfinite(util), -np.nan_to_num(util, nan=0.0), np.inf)
    plant_order = np.lexsort((np.arange(util.shape[0]), key))
    plant_rows = [
        (
            rank,
            plant_names[j],
            fmt_number(chosen.capacity_t[j]),
            fmt_number(chosen.allocated_t[j]),
            fmt_percent(util[j]),
        )
        for rank, j in enumerate(plant_order.tolist(), start=1)
    ]
    if plant_rows:
        body.append(
            html_table(
                [
                    "#",
                    tr("Plant"),
                    tr("Capacity (t/yr)"),
                    tr("Allocated (t/yr)"),
                    tr("Utilisation"),
                ],
                plant_rows,
                numeric=(True, False, True, True, True),
                css_class="data plants",
            )
        )
    else:
        body.append(f"<p>{esc(tr('There are no plants.'))}</p>")

    # --- chosen rule: unmet supply -----------------------------------------------------------
    body.append(
        "<h2>" + esc(tr("Supply left unmet: {rule}").format(rule=label(chosen_rule))) + "</h2>"
    )
    unmet = np.nan_to_num(chosen.unmet_t, nan=0.0)
    short = np.flatnonzero(unmet > 0)
    if short.size:
        short = short[np.argsort(-unmet[short], kind="stable")]
        unmet_rows = [
            (
                rank,
                supply_names[i],
                fmt_number(chosen.supply_t[i]),
                fmt_number(unmet[i]),
                fmt_percent(unmet[i] / chosen.supply_t[i]),
            )
            for rank, i in enumerate(short[:TOP_UNMET].tolist(), start=1)
        ]
        body.append(
            html_table(
                ["#", tr("Supply"), tr("Supply (t/yr)"), tr("Unmet (t/yr)"), tr("Unmet share")],
                unmet_rows,
                numeric=(True, False, True, True, True),
                caption=tr("{shown} of {n} supply rows with unmet supply").format(
                    shown=len(unmet_rows), n=int(short.size)
                ),
            )
        )
    else:
        body.append(f"<p>{esc(tr('All supply is allocated.'))}</p>")
    nulls = int(np.count_nonzero(np.isnan(chosen.supply_t)))
    if nulls:
        body.append(
            "<p>"
            + esc(tr("{n} supply rows have no value and were left out.").format(n=nulls))
            + "</p>"
        )
    body.append(
        f"<footer>{esc(tr('Generated by Battery Recycling Atlas (QGIS plugin).'))}" "</footer>"
    )
    return html_page(title, body)


def _chart_html(
    results_by_rule: Mapping[str, AllocationResult],
    rules: Sequence[str],
    chosen_rule: str,
    label: Callable[[str], str],
    tr: Callable[[str], str],
) -> str:
    import matplotlib

    def pct(value: Any) -> float:
        return float("nan") if value is None else float(value) * 100.0

    panels = [
        (
            tr("National utilisation (%)"),
            [pct(results_by_rule[r].national_utilization) for r in rules],
        ),
        (tr("Unmet supply (kt/yr)"), [results_by_rule[r].total_unmet_t / 1000.0 for r in rules]),
        (
            tr("Transport + fees (100 M CNY/yr)"),
            [results_by_rule[r].total_cost / YI for r in rules],
        ),
        (
            tr("Cross-border share of flow (%)"),
            [pct(results_by_rule[r].cross_border_share) for r in rules],
        ),
    ]
    names = [_plain(label(r)) for r in rules]
    colors = [CHOSEN_COLOR if r == chosen_rule else OTHER_COLOR for r in rules]
    with matplotlib.rc_context(chart_rc()):
        fig = new_figure(7.5, 5.2)
        axes = fig.subplots(2, 2)
        for k, (ax, (heading, values)) in enumerate(zip(axes.ravel(), panels)):
            ypos = np.arange(len(rules))
            shown = np.nan_to_num(np.asarray(values, dtype=float), nan=0.0)
            ax.barh(ypos, shown, color=colors, edgecolor="#404040", linewidth=0.5)
            ax.set_yticks(ypos)
            ax.set_yticklabels(names if k % 2 == 0 else [], fontsize=7)
            ax.invert_yaxis()
            ax.set_title(_plain(heading), fontsize=8)
            top = float(np.max(shown)) if shown.size else 0.0
            ax.set_xlim(0, top * 1.25 if top > 0 else 1.0)
            for y, v in zip(ypos, values):
                text = "\u2014" if not np.isfinite(v) else f"{v:,.1f}"
                ax.annotate(
                    text,
                    (float(np.nan_to_num(v)), y),
                    xytext=(3, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=7,
                )
            ax.grid(True, axis="x", color="#eeeeee", linewidth=0.6)
            ax.set_axisbelow(True)
        svg = svg_from_figure(fig, label=tr("Border rules compared"))
    caption = tr("The chosen rule is drawn in green.")
    return f"<figure>{svg}<figcaption>{esc(caption)}</figcaption></figure>"
