"""HTML report of the profit uncertainty (``profit_uncertainty``).

One self-contained UTF-8 page: notes, the distribution of the total profit over the Monte Carlo
draws (histogram with P5/P50/P95 and a table), the histogram of one plant's profit, P5/P50/P95
and probability of loss per plant, the tornado chart of the one-at-a-time sensitivity (sorted by
swing) and the Spearman rank correlations of the sampled inputs with the total profit. Tables in
CNY/yr, charts in 100 M CNY (亿元). Fixed English text goes through ``tr``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Callable

import numpy as np

from ..core.economics.model import PARAMETER_SPECS
from ..core.economics.uncertainty import MonteCarloResult, SensitivityResult
from ..core.stats import FloatArray
from .economics_common import (
    YI,
    figure_html,
    fmt_value,
    footer_html,
    identity,
    plain,
    table_rows,
)
from .html import (
    Raw,
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

__all__ = ["MAX_TORNADO_BARS", "uncertainty_report_html"]

#: Bars drawn in the tornado and correlation charts (the tables list every parameter).
MAX_TORNADO_BARS = 15
_LOW, _HIGH = "#4393c3", "#d6604d"


def uncertainty_report_html(
    names: Sequence[Any],
    mc: MonteCarloResult,
    tornado: SensitivityResult,
    *,
    title: str,
    tr: Callable[[str], str] = identity,
    n: int | None = None,
    seed: int | None = None,
    notes: Sequence[str] = (),
    plant: int | None = None,
) -> str:
    """The ``profit_uncertainty`` report for :func:`.uncertainty.monte_carlo` (``mc``) and
    :func:`.uncertainty.sensitivity` (``tornado``) of the same plants. ``names`` label the plants
    in input order; ``n`` and ``seed`` are shown (default: ``mc.n`` and ``mc.seed``); ``plant``
    is the 0-based plant whose histogram is drawn (default: the first in ``mc.plant_draws``)."""
    names = ["" if v is None else str(v) for v in names]
    if len(names) != mc.p50.shape[0]:
        raise ValueError(f"{len(names)} names for {mc.p50.shape[0]} plants")
    n = mc.n if n is None else int(n)
    seed = mc.seed if seed is None else seed
    body: list[str] = [f"<h1>{esc(title)}</h1>"]
    body.extend(f'<div class="note">{esc(note)}</div>' for note in notes)
    body.append(
        '<p class="meta">'
        + esc(
            tr(
                "Monte Carlo: {n} draws of every uncertain parameter from its range (seed {seed}); the "
                "draws are common to all plants (one market), so the total over plants is meaningful. "
                "Charts in 100 M CNY (亿元)."
            ).format(n=fmt_number(n), seed=tr("none") if seed is None else seed)
        )
        + "</p>"
    )

    body.append(f"<h2>{esc(tr('Total profit of all plants'))}</h2>")
    s = mc.total_summary()
    money = money_unit(tr, [s["p5"], s["p50"], s["p95"], s["mean"]])
    per_yr = tr("{unit}/yr").format(unit=money[0])
    body.append(
        html_table(
            ["P5", "P50", "P95", tr("Mean"), tr("Probability of loss")],
            [
                (
                    fmt_money(s["p5"], money),
                    fmt_money(s["p50"], money),
                    fmt_money(s["p95"], money),
                    fmt_money(s["mean"], money),
                    fmt_percent(s["p_loss"]),
                )
            ],
            numeric=(True,) * 5,
            caption=tr("Total profit over the draws ({unit})").format(unit=per_yr),
        )
    )
    body.append(_histogram(mc.total, tr("Total profit of all plants"), tr))

    body.append(f"<h2>{esc(tr('Profit of one plant'))}</h2>")
    if plant is None and mc.plant_draws:
        plant = next(iter(mc.plant_draws))
    if plant is not None and plant in mc.plant_draws:
        one = money_unit(tr, [mc.p5[plant], mc.p95[plant]])
        body.append(
            "<p>"
            + esc(
                tr(
                    "{name}: P5 {p5}, P50 {p50}, P95 {p95} {unit}, probability of " "loss {p}."
                ).format(
                    name=names[plant],
                    p5=fmt_money(mc.p5[plant], one),
                    p50=fmt_money(mc.p50[plant], one),
                    p95=fmt_money(mc.p95[plant], one),
                    unit=tr("{unit}/yr").format(unit=one[0]),
                    p=fmt_percent(mc.p_loss[plant]),
                )
            )
            + "</p>"
        )
        body.append(_histogram(mc.plant_draws[plant], names[plant], tr))
    else:
        body.append(
            "<p>"
            + esc(tr("No plant's draws were kept; run the Monte Carlo with the " "plant in keep."))
            + "</p>"
        )

    body.append(f"<h2>{esc(tr('Profit by plant'))}</h2>")
    body.append(_plants_table(names, mc, tr))

    body.append(f"<h2>{esc(tr('Sensitivity (tornado chart)'))}</h2>")
    body.append(_tornado_html(tornado, tr))

    body.append(f"<h2>{esc(tr('Rank correlation with total profit'))}</h2>")
    body.append(_spearman_html(mc, tr))
    body.append(footer_html(tr))
    return html_page(title, body)


def _param_cell(label: str, name: str) -> Raw:
    """A table cell: the parameter's label with its flat name below, in code font."""
    return Raw(f'{esc(label)}<br><code style="font-size:.85em;color:#555">{esc(name)}</code>')


def _histogram(values: FloatArray, what: str, tr: Callable[[str], str]) -> str:
    import matplotlib

    x = np.asarray(values, dtype=float) / YI
    p5, p50, p95 = np.percentile(x, [5, 50, 95])
    with matplotlib.rc_context(chart_rc()):
        fig = new_figure(7.5, 3.4)
        ax = fig.add_subplot()
        bins = min(60, max(10, int(np.sqrt(x.size))))
        ax.hist(x, bins=bins, color="#92c5de", edgecolor="#4393c3", linewidth=0.4)
        for value, style, label in ((p5, ":", "P5"), (p50, "-", "P50"), (p95, ":", "P95")):
            ax.axvline(
                value,
                color="#2166ac",
                linestyle=style,
                linewidth=1.2,
                label=f"{label} {value:,.2f}",
            )
        lo, hi = float(np.min(x)), float(np.max(x))
        if lo <= 0.0 <= hi:
            ax.axvline(0.0, color="#b2182b", linewidth=1.0, label=plain(tr("zero profit")))
        ax.set_xlabel(plain(tr("Profit (100 M CNY/yr, 亿元)")))
        ax.set_ylabel(plain(tr("Draws")))
        ax.grid(True, axis="y", color="#e6e6e6", linewidth=0.5)
        ax.set_axisbelow(True)
        ax.legend(fontsize=7, frameon=False, loc="upper right")
        svg = svg_from_figure(fig, label=what)
    return figure_html(
        svg, tr("Distribution of the profit over the draws: {what}.").format(what=what)
    )


def _plants_table(names: Sequence[str], mc: MonteCarloResult, tr: Callable[[str], str]) -> str:
    order = np.lexsort((np.arange(mc.p50.shape[0]), -mc.p50))
    money = money_unit(tr, np.concatenate([mc.p5, mc.p95]))

    def row(rank: int, i: int) -> list[Any]:
        return [
            rank,
            names[i],
            fmt_money(mc.p5[i], money),
            fmt_money(mc.p50[i], money),
            fmt_money(mc.p95[i], money),
            fmt_money(mc.mean[i], money),
            fmt_percent(mc.p_loss[i]),
        ]

    unit = tr("{unit}/yr").format(unit=money[0])
    headers = (
        ["#", tr("Plant")]
        + [f"{key} ({unit})" for key in ("P5", "P50", "P95")]
        + [tr("Mean ({unit})").format(unit=unit), tr("Probability of loss")]
    )
    return html_table(
        headers,
        table_rows(order, row, len(headers), tr),
        numeric=(True, False, True, True, True, True, True),
        css_class="data plants compact",
        caption=tr("Plants by median profit (P50)."),
    )


def _tornado_html(tornado: SensitivityResult, tr: Callable[[str], str]) -> str:
    import matplotlib

    base = tornado.base_profit
    how = (
        tr("each parameter to the low and the high end of its range")
        if tornado.mode == "range"
        else tr("each parameter down and up by the same share of its value")
    )
    money = money_unit(
        tr, [base, *[r.profit_low for r in tornado.rows], *[r.profit_high for r in tornado.rows]]
    )
    unit = tr("{unit}/yr").format(unit=money[0])
    intro = tr(
        "One at a time, {how}, all others at their values; total profit of all plants, "
        "base {base} {unit}. Sorted by swing = |profit at high − profit at low|."
    ).format(how=how, base=fmt_money(base, money), unit=unit)
    rows = tornado.rows
    if not rows:
        return f"<p>{esc(intro)}</p><p>{esc(tr('No parameter was varied.'))}</p>"
    shown = rows[:MAX_TORNADO_BARS]
    with matplotlib.rc_context(chart_rc()):
        fig = new_figure(7.5, 0.9 + 0.32 * len(shown))
        ax = fig.add_subplot()
        y = np.arange(len(shown))[::-1]
        low = np.array([r.profit_low - base for r in shown]) / YI
        high = np.array([r.profit_high - base for r in shown]) / YI
        ax.barh(
            y,
            low,
            left=base / YI,
            color=_LOW,
            height=0.7,
            label=plain(tr("parameter at its low value")),
        )
        ax.barh(
            y,
            high,
            left=base / YI,
            color=_HIGH,
            height=0.7,
            label=plain(tr("parameter at its high value")),
        )
        ax.axvline(base / YI, color="#333333", linewidth=0.9)
        ax.set_yticks(y)
        ax.set_yticklabels([plain(tr(r.label)) for r in shown], fontsize=7.5)
        ax.set_xlabel(plain(tr("Total profit (100 M CNY/yr, 亿元)")))
        ax.grid(True, axis="x", color="#e6e6e6", linewidth=0.5)
        ax.set_axisbelow(True)
        ax.legend(fontsize=7, frameon=False, loc="lower right")
        svg = svg_from_figure(fig, label=tr("Sensitivity (tornado chart)"))
    caption = tr("The {k} parameters with the largest swing; the line is the base profit.").format(
        k=len(shown)
    )
    table = html_table(
        [
            "#",
            tr("Parameter"),
            tr("Unit"),
            tr("Low … high"),
            tr("Profit at low ({unit})").format(unit=unit),
            tr("Profit at high ({unit})").format(unit=unit),
            tr("Swing ({unit})").format(unit=unit),
        ],
        [
            (
                k,
                _param_cell(tr(r.label), r.name),
                tr(r.unit),
                f"{fmt_value(r.low_value)} … {fmt_value(r.high_value)}",
                fmt_money(r.profit_low, money),
                fmt_money(r.profit_high, money),
                fmt_money(r.swing, money),
            )
            for k, r in enumerate(rows, start=1)
        ],
        numeric=(True, False, False, True, True, True, True),
        css_class="data tornado compact",
    )
    return f"<p>{esc(intro)}</p>\n" + figure_html(svg, caption) + "\n" + table


def _spearman_html(mc: MonteCarloResult, tr: Callable[[str], str]) -> str:
    import matplotlib

    items = list(mc.spearman.items())
    defined = sorted(
        ((name, rho) for name, rho in items if rho is not None), key=lambda it: -abs(it[1])
    )
    undefined = [it for it in items if it[1] is None]
    intro = tr(
        "Spearman rank correlation of each sampled parameter with the total profit over "
        "the draws: how strongly the uncertainty of the input drives that of the profit."
    )
    if not items:
        return f"<p>{esc(intro)}</p><p>{esc(tr('No parameter was sampled.'))}</p>"
    parts = [f"<p>{esc(intro)}</p>"]
    shown = defined[:MAX_TORNADO_BARS]
    if shown:
        with matplotlib.rc_context(chart_rc()):
            fig = new_figure(7.5, 0.9 + 0.3 * len(shown))
            ax = fig.add_subplot()
            y = np.arange(len(shown))[::-1]
            rho = np.array([r for _, r in shown])
            ax.barh(y, rho, color=np.where(rho >= 0, _HIGH, _LOW), height=0.7)
            ax.axvline(0.0, color="#333333", linewidth=0.8)
            ax.set_yticks(y)
            ax.set_yticklabels(
                [plain(tr(PARAMETER_SPECS[nm].label)) for nm, _ in shown], fontsize=7.5
            )
            ax.set_xlim(-1, 1)
            ax.set_xlabel(plain(tr("Spearman rank correlation with total profit")))
            ax.grid(True, axis="x", color="#e6e6e6", linewidth=0.5)
            ax.set_axisbelow(True)
            svg = svg_from_figure(fig, label=tr("Rank correlation with total profit"))
        parts.append(figure_html(svg, tr("The {k} strongest correlations.").format(k=len(shown))))
    rows = [
        (_param_cell(tr(PARAMETER_SPECS[nm].label), nm), None if rho is None else f"{rho:+.3f}")
        for nm, rho in defined + undefined
    ]
    parts.append(
        html_table(
            [tr("Parameter"), tr("Spearman ρ")],
            rows,
            numeric=(False, True),
            caption=tr("A dash: the input or the profit did not vary."),
        )
    )
    return "\n".join(parts)
