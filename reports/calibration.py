"""HTML report of the scale-curve calibration (``calibrate_scale_curve``).

One self-contained UTF-8 page: notes, fit statistics (rows used, R², RMSE), the estimates with
standard errors, the fitted unit-cost curve over the observed points (x in 10 kt/yr = 万吨, y in
CNY/t, the paper's three stages shaded), the residuals over throughput and the residual table.
Fixed English text goes through ``tr``. Throughput t/yr, unit cost CNY/t.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Callable

import numpy as np

from ..core.constants import Q_UNIT, STAGE_BOUNDS
from ..core.economics.calibration import CalibrationResult
from ..core.economics.model import PARAMETER_SPECS
from .economics_common import (
    MAX_POINT_LABELS,
    draw_stage_bands,
    figure_html,
    fmt_value,
    footer_html,
    identity,
    plain,
    stage_legend_html,
    table_rows,
)
from .html import (
    chart_rc,
    esc,
    fmt_number,
    fmt_percent,
    html_page,
    html_table,
    new_figure,
    svg_from_figure,
)

__all__ = ["calibration_report_html"]


def calibration_report_html(
    throughput: Any,
    unit_cost: Any,
    fit: CalibrationResult,
    *,
    title: str,
    tr: Callable[[str], str] = identity,
    notes: Sequence[str] = (),
    names: Sequence[Any] | None = None,
) -> str:
    """The ``calibrate_scale_curve`` report for :func:`.calibration.fit_scale_curve` output.

    ``throughput`` (t/yr) and ``unit_cost`` (CNY/t) are all input rows, as passed to the fit
    (rows with a null were skipped by it: ``fit.used`` are the rows kept). ``names`` label the
    input rows (e.g. plant names or feature ids); default: the 1-based row number.
    """
    n_rows = len(throughput)
    if len(unit_cost) != n_rows:
        raise ValueError(f"{len(unit_cost)} unit costs for {n_rows} throughputs")
    if names is None:
        labels = [str(i + 1) for i in range(n_rows)]
    else:
        if len(names) != n_rows:
            raise ValueError(f"{len(names)} names for {n_rows} rows")
        labels = ["" if v is None else str(v) for v in names]
    used_labels = [labels[i] for i in fit.used]

    body: list[str] = [f"<h1>{esc(title)}</h1>"]
    body.extend(f'<div class="note">{esc(note)}</div>' for note in notes)
    body.append(
        '<p class="meta">'
        + esc(
            tr(
                "Least-squares fit of the scale curve to observed unit processing costs: "
                "u(T) = Σ variable unit costs × (1 − λ·S(Q)) + F/T, S(Q) = 1/(1 + exp(−k·(Q − Q0))), "
                "Q = T/10,000 t/yr. Throughput in t/yr, unit cost in CNY/t."
            )
        )
        + "</p>"
    )

    body.append(f"<h2>{esc(tr('Fit'))}</h2>")
    skipped = n_rows - fit.n
    stats = [
        (tr("Rows used"), fmt_number(fit.n)),
        (tr("Rows skipped (null throughput or unit cost)"), fmt_number(skipped)),
        ("R²", fmt_number(fit.r2, 3)),
        (tr("RMSE (CNY/t)"), fmt_number(fit.rmse)),
        (tr("Converged"), tr("yes") if fit.success else tr("no")),
        (
            tr("Fixed cost per row"),
            tr("from each row's capacity")
            if fit.capacity is not None
            else tr("one plant of the reference size"),
        ),
    ]
    body.append(html_table([tr("Statistic"), tr("Value")], stats, numeric=(False, True)))
    if not fit.success:
        body.append(
            '<div class="note">'
            + esc(tr("The optimiser reports: {message}").format(message=fit.message))
            + "</div>"
        )

    body.append(f"<h2>{esc(tr('Estimates'))}</h2>")
    body.append(_estimates_table(fit, tr))

    body.append(f"<h2>{esc(tr('Fitted curve'))}</h2>")
    body.append(stage_legend_html(tr))
    body.append(_curve_chart(fit, used_labels, tr))
    body.append(_residual_chart(fit, tr))

    body.append(f"<h2>{esc(tr('Residuals'))}</h2>")
    body.append(_residual_table(fit, used_labels, tr))
    body.append(footer_html(tr))
    return html_page(title, body)


def _estimates_table(fit: CalibrationResult, tr: Callable[[str], str]) -> str:
    rows = []
    for name, value in fit.estimates.items():
        spec = PARAMETER_SPECS[name]
        se = fit.std_errors.get(name)
        if se is not None and not np.isfinite(se):
            se = None
        rows.append(
            (
                tr(spec.label),
                name,
                tr(spec.unit),
                fmt_value(value),
                fmt_value(se) if se is not None else None,
                fmt_percent(se / abs(value)) if se is not None and value else None,
                _interval(spec, value, se) if se is not None else None,
            )
        )
    return html_table(
        [
            tr("Parameter"),
            tr("Name"),
            tr("Unit"),
            tr("Estimate"),
            tr("Standard error"),
            tr("Relative error"),
            tr("Approx. 95 % interval"),
        ],
        rows,
        numeric=(False, False, False, True, True, True, True),
        caption=tr(
            "Standard errors from the Jacobian at the solution; a dash: not estimable "
            "(parameter at a bound or singular Jacobian). Interval: estimate ± 1.96 "
            "standard errors, cut at the parameter's physical bounds."
        ),
    )


def _interval(spec: Any, value: float, se: float) -> str:
    """estimate ± 1.96·se (normal approximation), cut at the parameter's bounds."""
    lo, hi = value - 1.96 * se, value + 1.96 * se
    lo = max(lo, spec.lo)
    if spec.hi is not None:
        hi = min(hi, spec.hi)
    return f"{fmt_value(lo)} … {fmt_value(hi)}"


def _curve_chart(fit: CalibrationResult, labels: Sequence[str], tr: Callable[[str], str]) -> str:
    import matplotlib

    q = fit.throughput / Q_UNIT
    x_max = max(float(np.max(q)) * 1.1, STAGE_BOUNDS[1] * 1.25)
    grid = np.linspace(max(float(np.min(q)) * 0.5, x_max / 200.0), x_max, 300)
    cap = None
    if fit.capacity is not None:
        cap = np.full(grid.shape, float(np.median(fit.capacity)))
    curve = fit.curve(grid * Q_UNIT, cap)
    with matplotlib.rc_context(chart_rc()):
        fig = new_figure(7.5, 4.6)
        ax = fig.add_subplot()
        draw_stage_bands(ax, x_max, tr)
        curve_label = (
            tr("Fitted curve (median capacity)") if cap is not None else tr("Fitted curve")
        )
        ax.plot(grid, curve, color="#b2182b", linewidth=1.8, zorder=3, label=plain(curve_label))
        if cap is not None:
            ax.scatter(
                q,
                fit.fitted,
                marker="x",
                s=22,
                color="#b2182b",
                zorder=4,
                label=plain(tr("Fitted value of each row")),
            )
        ax.scatter(
            q,
            fit.unit_cost,
            s=26,
            color="#2166ac",
            edgecolors="white",
            linewidths=0.6,
            zorder=5,
            label=plain(tr("Observed")),
        )
        if len(labels) <= MAX_POINT_LABELS:
            for xv, yv, name in zip(q, fit.unit_cost, labels):
                ax.annotate(
                    plain(name),
                    (xv, yv),
                    xytext=(3, 3),
                    textcoords="offset points",
                    fontsize=6.5,
                    color="#333333",
                    zorder=6,
                )
        top = max(float(np.max(fit.unit_cost)), float(np.max(fit.fitted)))
        ax.set_ylim(0, top * 1.15)  # the curve rises beyond it below the smallest row
        ax.set_xlim(0, x_max)
        ax.set_xlabel(plain(tr("Throughput Q (10 kt/yr, 万吨)")))
        ax.set_ylabel(plain(tr("Unit processing cost (CNY/t)")))
        ax.grid(True, color="#e6e6e6", linewidth=0.5, zorder=0)
        ax.legend(
            fontsize=7, frameon=True, framealpha=0.9, loc="upper right", bbox_to_anchor=(1.0, 0.93)
        )
        svg = svg_from_figure(fig, label=tr("Fitted curve"))
    return figure_html(
        svg,
        tr(
            "Observed unit costs and the fitted scale curve, with the three "
            "stages of the paper shaded."
        ),
    )


def _residual_chart(fit: CalibrationResult, tr: Callable[[str], str]) -> str:
    import matplotlib

    q = fit.throughput / Q_UNIT
    with matplotlib.rc_context(chart_rc()):
        fig = new_figure(7.5, 2.4)
        ax = fig.add_subplot()
        ax.axhline(0.0, color="#333333", linewidth=0.8)
        ax.vlines(q, 0.0, fit.residuals, color="#8c8c8c", linewidth=1.0)
        ax.scatter(q, fit.residuals, s=18, color="#2166ac", zorder=3)
        ax.set_xlim(0, max(float(np.max(q)) * 1.1, 1e-9))
        ax.set_xlabel(plain(tr("Throughput Q (10 kt/yr, 万吨)")))
        ax.set_ylabel(plain(tr("Residual (CNY/t)")))
        ax.grid(True, color="#e6e6e6", linewidth=0.5)
        ax.set_axisbelow(True)
        svg = svg_from_figure(fig, label=tr("Residuals"))
    return figure_html(svg, tr("Residual = observed − fitted unit cost."))


def _residual_table(fit: CalibrationResult, labels: Sequence[str], tr: Callable[[str], str]) -> str:
    order = np.argsort(fit.throughput, kind="stable")

    def row(rank: int, j: int) -> list[Any]:
        return [
            rank,
            labels[j],
            fmt_number(fit.throughput[j]),
            fmt_number(fit.unit_cost[j]),
            fmt_number(fit.fitted[j]),
            fmt_number(fit.residuals[j]),
            fmt_percent(fit.residuals[j] / fit.unit_cost[j]),
        ]

    headers = [
        "#",
        tr("Row"),
        tr("Throughput (t/yr)"),
        tr("Observed (CNY/t)"),
        tr("Fitted (CNY/t)"),
        tr("Residual (CNY/t)"),
        tr("Residual (% of observed)"),
    ]
    return html_table(
        headers,
        table_rows(order, row, len(headers), tr),
        numeric=(True, False, True, True, True, True, True),
        caption=tr("Rows used by the fit, by throughput."),
    )
