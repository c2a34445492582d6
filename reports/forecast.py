"""HTML report of the retirement forecast (``retirement_forecast``).

One self-contained UTF-8 page: notes, totals per scenario, a stacked bar chart of retirements
by region (top regions + "other") for the first scenario, a comparison of the national totals
of all scenarios with their spread (max ÷ min per year), and the region table. Every fixed
English string goes through the caller's ``tr``. Volumes in t/yr in tables, kt/yr in charts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Callable

import numpy as np

from ..core.stats import IntArray
from .html import (
    SERIES_COLORS,
    chart_rc,
    esc,
    fmt_number,
    html_page,
    html_table,
    new_figure,
    svg_from_figure,
)
from .html import identity as _identity
from .html import plain as _plain

__all__ = ["forecast_report_html", "scenario_order"]

#: Regions drawn individually in the stacked chart; the rest are summed into "other".
TOP_REGIONS = len(SERIES_COLORS)  # one colour each, never repeated
_OTHER_COLOR = "#bdbdbd"


def scenario_order(df: Any, scenario_names: Sequence[str] = ()) -> list[str]:
    """Scenario values in report order: ``scenario_names`` first, then any others in order of
    appearance. A frame without a ``scenario`` column has the single scenario ``""``."""
    if "scenario" not in df.columns:
        return [""]
    present = list(dict.fromkeys(str(s) for s in df["scenario"]))
    ordered = [s for s in scenario_names if s in present]
    return ordered + [s for s in present if s not in ordered]


def _spread(values: Sequence[float]) -> float | None:
    """max ÷ min of the scenario totals of one year; None if fewer than 2 or min ≤ 0."""
    if len(values) < 2 or min(values) <= 0:
        return None
    return max(values) / min(values)


def forecast_report_html(
    df: Any,
    *,
    title: str,
    scenario_names: Sequence[str] = (),
    tr: Callable[[str], str] = _identity,
    notes: Sequence[str] = (),
    region_labels: Mapping[Any, str] | None = None,
) -> str:
    """Build the report page from :func:`core.forecast.forecast` output (one or several
    scenarios concatenated, told apart by a ``scenario`` column). ``scenario_names`` gives the
    order (first = main scenario of the stacked chart); ``region_labels`` maps region keys to
    display names (e.g. adcode → 广东省).
    """
    import pandas as pd

    frame = df.copy()
    if "scenario" not in frame.columns:
        frame["scenario"] = ""
    frame["scenario"] = frame["scenario"].astype(str)
    scenarios = scenario_order(frame, scenario_names)
    labels = dict(region_labels or {})

    def region_label(key: Any) -> str:
        return str(labels.get(key, key))

    def scen_label(s: str) -> str:
        return s if s else tr("Forecast")

    body: list[str] = [f"<h1>{esc(title)}</h1>"]
    body.extend(f'<div class="note">{esc(note)}</div>' for note in notes)
    if frame.empty:
        body.append(f"<p>{esc(tr('The forecast has no rows; there is nothing to report.'))}</p>")
        return html_page(title, body)
    years = np.sort(frame["year"].unique())
    start, end = int(years[0]), int(years[-1])
    n_regions = frame["region"].nunique()
    body.append(
        '<p class="meta">'
        + esc(
            tr(
                "Retired batteries from sales cohorts and a Weibull lifetime, {start}–{end}, "
                "{n} regions. Tables in t/yr, charts in kt/yr (1 kt = 1,000 t)."
            ).format(start=start, end=end, n=n_regions)
        )
        + "</p>"
    )

    national = frame.groupby(["scenario", "year"])[["retired_t", "retired_gwh"]].sum().reset_index()
    by_scen = {
        s: national[national["scenario"] == s].set_index("year").reindex(years, fill_value=0.0)
        for s in scenarios
    }

    # --- totals --------------------------------------------------------------------------
    body.append(f"<h2>{esc(tr('Totals'))}</h2>")
    rows = []
    for s in scenarios:
        t = by_scen[s]["retired_t"]
        peak = int(t.idxmax()) if t.max() > 0 else None
        gwh_total = by_scen[s]["retired_gwh"].sum()
        rows.append(
            (
                scen_label(s),
                fmt_number(t.sum()),
                fmt_number(gwh_total, 2),
                fmt_number(t.loc[end]),
                peak,
            )
        )
    body.append(
        html_table(
            [
                tr("Scenario"),
                tr("Retired {start}–{end} (t)").format(start=start, end=end),
                tr("Retired {start}–{end} (GWh)").format(start=start, end=end),
                tr("Retired in {year} (t/yr)").format(year=end),
                tr("Peak year"),
            ],
            rows,
            numeric=(False, True, True, True, True),
        )
    )

    # --- stacked chart by region ----------------------------------------------------------
    main = frame[frame["scenario"] == scenarios[0]]
    totals = (
        main.groupby("region", sort=False)["retired_t"]
        .sum()
        .sort_values(ascending=False, kind="stable")
    )
    body.append(f"<h2>{esc(tr('Retirement by region'))}</h2>")
    body.append(
        _stacked_html(
            main,
            totals,
            years,
            region_label,
            tr,
            scen_label(scenarios[0]) if len(scenarios) > 1 else "",
        )
    )

    # --- scenario comparison -----------------------------------------------------------------
    body.append(f"<h2>{esc(tr('Scenario comparison'))}</h2>")
    body.append(_scenario_chart_html(by_scen, scenarios, years, scen_label, tr))
    spread_rows: list[list[Any]] = []
    for y in years:
        vals = [float(by_scen[s].loc[y, "retired_t"]) for s in scenarios]
        spread = _spread(vals)
        spread_rows.append(
            [int(y)]
            + [fmt_number(v) for v in vals]
            + [None if spread is None else fmt_number(spread, 2)]
        )
    if len(scenarios) < 2:
        body.append(f"<p>{esc(tr('Only one scenario: there is no spread to show.'))}</p>")
    body.append(
        html_table(
            [tr("Year")]
            + [tr("{scenario} (t/yr)").format(scenario=scen_label(s)) for s in scenarios]
            + [tr("Spread (max ÷ min)")],
            spread_rows,
            numeric=[True] * (len(scenarios) + 2),
            caption=tr("National retirement per year by scenario"),
        )
    )

    # --- regions -------------------------------------------------------------------------------
    body.append(f"<h2>{esc(tr('Regions'))}</h2>")
    pivot = frame.pivot_table(
        index="region", columns="scenario", values="retired_t", aggfunc="sum", sort=False
    )
    last = main[main["year"] == end].set_index("region")["cumulative_t"]
    gwh = main.groupby("region", sort=False)["retired_gwh"].sum()
    region_rows = []
    for rank, key in enumerate(totals.index, start=1):
        region_rows.append(
            [rank, region_label(key)]
            + [
                fmt_number(pivot.loc[key, s])
                if s in pivot.columns and pd.notna(pivot.loc[key, s])
                else None
                for s in scenarios
            ]
            + [fmt_number(gwh.get(key), 3), fmt_number(last.get(key))]
        )
    body.append(
        html_table(
            ["#", tr("Region")]
            + [tr("{scenario} (t)").format(scenario=scen_label(s)) for s in scenarios]
            + [tr("GWh"), tr("Cumulative to {year} (t)").format(year=end)],
            region_rows,
            numeric=[True, False] + [True] * (len(scenarios) + 2),
            css_class="data regions",
            caption=tr(
                "Retired {start}–{end} by scenario; GWh and cumulative for {scenario}. "
                "The cumulative total counts every cohort from the first sales year."
            ).format(start=start, end=end, scenario=scen_label(scenarios[0])),
        )
    )
    body.append(
        f"<footer>{esc(tr('Generated by Battery Recycling Atlas (QGIS plugin).'))}" "</footer>"
    )
    return html_page(title, body)


def _stacked_html(
    main: Any,
    totals: Any,
    years: IntArray,
    region_label: Callable[[Any], str],
    tr: Callable[[str], str],
    scenario: str,
) -> str:
    import matplotlib

    top = list(totals.index[:TOP_REGIONS])
    table = (
        main.pivot_table(
            index="year", columns="region", values="retired_t", aggfunc="sum", sort=False
        )
        .reindex(years, fill_value=0.0)
        .fillna(0.0)
    )
    series = [(region_label(k), table[k].to_numpy() / 1000.0) for k in top]
    rest = [k for k in table.columns if k not in top]
    if rest:
        series.append((tr("Other regions"), table[rest].sum(axis=1).to_numpy() / 1000.0))
    with matplotlib.rc_context(chart_rc()):
        fig = new_figure(7.5, 4.6)
        ax = fig.add_subplot()
        colors = SERIES_COLORS
        bottom = np.zeros(len(years))
        for i, (name, values) in enumerate(series):
            color = _OTHER_COLOR if rest and i == len(series) - 1 else colors[i % len(colors)]
            ax.bar(
                years,
                values,
                bottom=bottom,
                color=color,
                width=0.8,
                label=_plain(name),
                edgecolor="white",
                linewidth=0.3,
            )
            bottom = bottom + values
        handles, names = ax.get_legend_handles_labels()
        ax.legend(
            handles[::-1],
            names[::-1],
            fontsize=7,
            frameon=False,
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
        )
        ax.set_xlabel(_plain(tr("Year")))
        ax.set_ylabel(_plain(tr("Retired batteries (kt/yr)")))
        ax.grid(True, axis="y", color="#eeeeee", linewidth=0.6)
        ax.set_axisbelow(True)
        _year_ticks(ax, years)
        svg = svg_from_figure(fig, label=tr("Retirement by region"))
    caption = tr("Retired batteries per year, the {n} largest regions and the rest.").format(
        n=len(top)
    )
    if scenario:
        caption += " " + tr("Scenario: {scenario}.").format(scenario=scenario)
    return f"<figure>{svg}<figcaption>{esc(caption)}</figcaption></figure>"


def _scenario_chart_html(
    by_scen: Mapping[str, Any],
    scenarios: Sequence[str],
    years: IntArray,
    scen_label: Callable[[str], str],
    tr: Callable[[str], str],
) -> str:
    import matplotlib

    values = np.array([by_scen[s]["retired_t"].to_numpy() / 1000.0 for s in scenarios])
    with matplotlib.rc_context(chart_rc()):
        fig = new_figure(7.5, 4.0)
        ax = fig.add_subplot()
        if len(scenarios) > 1:
            ax.fill_between(
                years,
                values.min(axis=0),
                values.max(axis=0),
                color="#fdb863",
                alpha=0.35,
                linewidth=0,
                label=_plain(tr("Spread between scenarios")),
            )
        for i, s in enumerate(scenarios):
            ax.plot(
                years,
                values[i],
                marker="o",
                markersize=3,
                linewidth=1.4,
                label=_plain(scen_label(s)),
            )
        ax.legend(fontsize=7, frameon=False, loc="upper left")
        ax.set_xlabel(_plain(tr("Year")))
        ax.set_ylabel(_plain(tr("Retired batteries (kt/yr)")))
        ax.set_ylim(bottom=0)
        ax.grid(True, color="#eeeeee", linewidth=0.6)
        ax.set_axisbelow(True)
        _year_ticks(ax, years)
        svg = svg_from_figure(fig, label=tr("Scenario comparison"))
    caption = tr("National retirement per year for each scenario; the band spans them.")
    return f"<figure>{svg}<figcaption>{esc(caption)}</figcaption></figure>"


def _year_ticks(ax: Any, years: IntArray) -> None:
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=12))
    if len(years):
        ax.set_xlim(float(years[0]) - 0.6, float(years[-1]) + 0.6)
