"""Tests for the economics reports: plant profit, scale-curve calibration and profit uncertainty
(reports.plant_profit, reports.calibration, reports.uncertainty)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
import pytest

from battery_recycling_atlas.core.economics import calibration as cal
from battery_recycling_atlas.core.economics import model as eco
from battery_recycling_atlas.core.economics import presets as ep
from battery_recycling_atlas.core.economics import uncertainty as unc
from battery_recycling_atlas.reports import economics_common as common
from battery_recycling_atlas.reports.calibration import calibration_report_html
from battery_recycling_atlas.reports.html import esc, fmt_number, fmt_percent
from battery_recycling_atlas.reports.plant_profit import (
    plant_profit_report_html,
    representative_plant,
)
from battery_recycling_atlas.reports.uncertainty import uncertainty_report_html

OBSERVED = Path(__file__).resolve().parents[2] / "resources" / "data" / "observed_unit_costs.csv"
NAMES = ["上海<&>厂", "Hunan 1", "江西赣州", "Small", "Big"]
CAP = np.array([60_000.0, 40_000.0, 90_000.0, 10_000.0, 200_000.0])
THR = np.array([50_000.0, 10_000.0, 70_000.0, 9_000.0, 120_000.0])
# NCM-only feedstock: the median plant (上海<&>厂, 60 kt/yr) breaks even below capacity.
NCM = eco.DEFAULT_PARAMS.with_values({"feedstock.ncm_share": 1.0})
EXTERNAL = ("<script", "<link", " src=", "<img", "url(http", "@import")


def section(page: str, heading: str) -> str:
    start = page.index(f"<h2>{esc(heading)}</h2>")
    end = page.find("<h2>", start + 4)
    return page[start:] if end < 0 else page[start:end]


def cell_text(name: str) -> str:
    return f"<td>{esc(name)}</td>"


def assert_self_contained(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<svg" in page and "</svg>" in page
    for external in EXTERNAL:
        assert external not in page


# --- plant profit --------------------------------------------------------------------------


def profit_page(params=NCM, names=NAMES, **kwargs):
    res = eco.plant_economics(params, CAP, THR)
    kwargs.setdefault("title", "Plant profit <test>")
    return res, plant_profit_report_html(names, CAP, THR, res, params, **kwargs)


@pytest.fixture(scope="module")
def default_profit():
    """One page with the NCM parameters, shared by the tests that only read it (charts take
    about 2 s to render)."""
    return profit_page(notes=["Illustrative <data>"])


def test_profit_report_is_self_contained_with_escaped_names_and_notes(default_profit):
    _, page = default_profit
    assert_self_contained(page)
    assert "<title>Plant profit &lt;test&gt;</title>" in page
    assert "Illustrative &lt;data&gt;" in page
    assert "上海&lt;&amp;&gt;厂" in page and "上海<&>厂" not in page
    assert "江西赣州" in page


def test_profit_report_shows_stage_bands_terms_and_units(default_profit):
    _, page = default_profit
    for label in common.stage_labels(common.identity):
        assert esc(label) in page
    assert esc("Initial stage (Q < 5)") in page  # the paper's bands, by name
    for label in common.term_labels(common.identity).values():
        assert esc(label) in page
    assert "万吨" in page and "亿元" in page


def test_break_even_of_the_representative_plant_is_printed(default_profit):
    res, page = default_profit
    i = unc.median_capacity_index(CAP)
    assert NAMES[i] == "上海<&>厂" and np.isfinite(res.breakeven_t[i])
    rep = representative_plant(res, NCM)
    assert rep["breakeven_t"] == pytest.approx(res.breakeven_t[i], rel=1e-9)
    part = section(page, "Profit over throughput")
    printed = fmt_number(res.breakeven_t[i])
    assert f'<td>Break-even throughput (t/yr)</td><td class="num">{printed}</td>' in part
    assert fmt_percent(res.breakeven_t[i] / CAP[i]) in part
    # profit at the printed break-even is about 0 on the representative curve
    assert eco.plant_economics(NCM, [CAP[i]], [res.breakeven_t[i]]).profit[0] == pytest.approx(
        0.0, abs=1.0
    )


def test_no_break_even_is_said_in_words():
    res, page = profit_page(params=eco.DEFAULT_PARAMS.with_values({"feedstock.ncm_share": 0.0}))
    assert not np.isfinite(res.breakeven_t).any()
    assert "none: a loss even at full use" in section(page, "Profit over throughput")


def test_summary_totals_and_plants_sorted_by_profit(default_profit):
    res, page = default_profit
    summary = section(page, "Summary")
    # Money in CNY millions with one decimal, thousands separated (English).
    assert f"{res.profit.sum() / 1e6:,.1f}" in summary and "(M CNY/yr)" in summary
    assert fmt_number(THR.sum()) in summary and fmt_percent(THR.sum() / CAP.sum()) in summary
    losses = int((res.profit < 0).sum())
    assert f"{losses} of 5" in summary
    assert fmt_number(np.median(res.unit_cost)) in summary
    plants = section(page, "Plants by profit")
    positions = [plants.index(cell_text(NAMES[i])) for i in np.argsort(-res.profit)]
    assert positions == sorted(positions)
    for i in range(len(NAMES)):
        assert f"{res.profit[i] / 1e6:,.1f}" in plants and fmt_number(res.unit_cost[i]) in plants


def test_terms_and_routes_add_up():
    params = NCM.with_values({"rt.spread": 1.0})  # cascade pays everywhere
    res, page = profit_page(params=params)
    terms = section(page, "Revenue and cost by term")
    assert f"{res.revenue_by_term['Rm'].sum() / 1e6:,.1f}" in terms
    assert f"{res.cost_by_term['purchase'].sum() / 1e6:,.1f}" in terms
    routes = section(page, "Cascade use or recycling")
    assert set(res.route) == {"cascade"}
    assert re.search(r"<td>cascade use</td>\s*<td class=\"num\">5</td>", routes)
    assert re.search(r"<td>recycling</td>\s*<td class=\"num\">0</td>", routes)


def test_profit_report_text_goes_through_tr():
    _, page = profit_page(tr=lambda s: "‹" + s + "›")
    assert "<h2>‹Summary›</h2>" in page and "‹Initial stage (Q &lt; 5)›" in page


def test_profit_report_refuses_mismatched_names():
    res = eco.plant_economics(NCM, CAP, THR)
    with pytest.raises(ValueError, match="4 names for 5 plants"):
        plant_profit_report_html(NAMES[:4], CAP, THR, res, NCM, title="t")


def test_long_tables_keep_the_first_and_last_rows(monkeypatch):
    monkeypatch.setattr(common, "MAX_TABLE_ROWS", 4)
    res, page = profit_page()
    plants = section(page, "Plants by profit")
    order = np.argsort(-res.profit)
    assert cell_text(NAMES[order[2]]) not in plants  # the middle row is left out
    assert "1 rows left out" in plants
    for i in (*order[:2], *order[-2:]):
        assert cell_text(NAMES[i]) in plants


# --- calibration ---------------------------------------------------------------------------


def observed_table():
    with open(OBSERVED, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return (
        [r["plant"] for r in rows],
        [float(r["throughput_t"]) for r in rows],
        [float(r["unit_cost_cny_t"]) for r in rows],
    )


def test_calibration_report_on_the_sample_table():
    names, thr, cost = observed_table()
    names[3] = "A<&>B"
    thr = thr + [None]  # a row with a null throughput is skipped
    cost = cost + [15_000.0]
    names = names + ["跳过的行"]
    fit = cal.fit_scale_curve(thr, cost)
    page = calibration_report_html(thr, cost, fit, title="Calibration", names=names)
    assert_self_contained(page)
    assert "示例厂01" in page and "A&lt;&amp;&gt;B" in page and "A<&>B" not in page
    for label in common.stage_labels(common.identity):
        assert esc(label) in page
    stats = section(page, "Fit")
    assert fmt_number(fit.r2, 3) in stats and fmt_number(fit.rmse) in stats
    assert re.search(r"null throughput or unit cost\)</td>\s*<td class=\"num\">1<", stats)
    estimates = section(page, "Estimates")
    for name, value in fit.estimates.items():
        assert esc(eco.PARAMETER_SPECS[name].label) in estimates
        assert common.fmt_value(value) in estimates
        assert common.fmt_value(fit.std_errors[name]) in estimates
    residuals = section(page, "Residuals")
    assert "跳过的行" not in residuals
    positions = [residuals.index(cell_text(names[j])) for j in fit.used]  # sorted by throughput
    assert positions == sorted(positions) and len(positions) == len(fit.used) >= 12
    for r in fit.residuals:
        assert fmt_number(r) in residuals


def test_calibration_report_with_capacities_and_default_row_labels():
    thr = np.geomspace(5_000, 200_000, 10)
    capacity = thr / 0.6
    cost = cal.model_unit_cost(eco.DEFAULT_PARAMS, thr, capacity)
    fit = cal.fit_scale_curve(thr, cost, capacity=capacity)
    page = calibration_report_html(thr, cost, fit, title="c")
    assert "from each row&#x27;s capacity" in page
    assert cell_text("10") in section(page, "Residuals")


# --- uncertainty ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def uncertainty_inputs():
    ranges = ep.load_parameter_table().ranges()
    mc = unc.monte_carlo(NCM, CAP, THR, ranges=ranges, n=3_000, seed=7)
    tornado = unc.sensitivity(NCM, CAP, THR, ranges=ranges)
    page = uncertainty_report_html(NAMES, mc, tornado, title="U <t>", n=3_000, seed=7)
    return mc, tornado, page


def test_uncertainty_report_percentiles_per_plant_and_total(uncertainty_inputs):
    mc, tornado, page = uncertainty_inputs
    assert_self_contained(page)
    assert "上海&lt;&amp;&gt;厂" in page and "上海<&>厂" not in page and "江西赣州" in page
    assert "3,000 draws" in page and "seed 7" in page
    plants = section(page, "Profit by plant")
    for i, name in enumerate(NAMES):
        expected = "".join(
            f'<td class="num">{v / 1e6:,.1f}</td>'  # M CNY/yr
            for v in (mc.p5[i], mc.p50[i], mc.p95[i], mc.mean[i])
        )
        row = re.search(
            rf"<tr>(?:(?!</tr>).)*{re.escape(cell_text(name))}.*?</tr>", plants, re.S
        ).group(0)
        assert expected in row.replace("\n", "")
        assert fmt_percent(mc.p_loss[i]) in row
    positions = [plants.index(cell_text(NAMES[i])) for i in np.argsort(-mc.p50)]
    assert positions == sorted(positions)
    total = section(page, "Total profit of all plants")
    s = mc.total_summary()
    for key in ("p5", "p50", "p95", "mean"):
        assert f"{s[key] / 1e6:,.1f}" in total
    one = section(page, "Profit of one plant")
    i = unc.median_capacity_index(CAP)
    assert esc(NAMES[i]) in one and "<svg" in one and f"{mc.p50[i] / 1e6:,.1f}" in one


def test_tornado_labels_in_swing_order(uncertainty_inputs):
    mc, tornado, page = uncertainty_inputs
    part = section(page, "Sensitivity (tornado chart)")
    swings = [r.swing for r in tornado.rows]
    assert swings == sorted(swings, reverse=True) and len(swings) > 20
    positions = [part.index(f">{esc(r.label)}<br><code") for r in tornado.rows]
    assert positions == sorted(positions)
    assert f"{tornado.base_profit / 1e6:,.1f} M CNY/yr" in part
    assert f"{tornado.rows[0].swing / 1e6:,.1f}" in part
    assert "<svg" in part


def test_spearman_table_sorted_by_strength(uncertainty_inputs):
    mc, tornado, page = uncertainty_inputs
    part = section(page, "Rank correlation with total profit")
    defined = sorted(
        ((n, r) for n, r in mc.spearman.items() if r is not None), key=lambda it: -abs(it[1])
    )
    positions = [
        part.index(f'<code style="font-size:.85em;color:#555">{n}</code>') for n, _ in defined
    ]
    assert positions == sorted(positions)
    assert f"{defined[0][1]:+.3f}" in part


def test_uncertainty_report_without_kept_plant_draws(uncertainty_inputs):
    _, tornado, _ = uncertainty_inputs
    ranges = ep.load_parameter_table().ranges()
    mc = unc.monte_carlo(NCM, CAP, THR, ranges=ranges, n=500, seed=1, keep=())
    page = uncertainty_report_html(NAMES, mc, tornado, title="U")
    assert "No plant&#x27;s draws were kept" in page
    with pytest.raises(ValueError, match="2 names for 5 plants"):
        uncertainty_report_html(NAMES[:2], mc, tornado, title="U")


def test_money_is_in_wan_or_yi_yuan_in_chinese():
    from battery_recycling_atlas.reports.html import fmt_money, money_unit

    def zh(text):
        return {"en": "zh", "M CNY": "百万元"}.get(text, text)

    assert money_unit(lambda t: t, [5e9]) == ("M CNY", 1e6, 1)
    assert money_unit(zh, [-2.17e10, 3e7]) == ("亿元", 1e8, 2)
    assert money_unit(zh, [-9.9e7, 3e7]) == ("万元", 1e4, 0)
    assert fmt_money(-21_701_466_699, money_unit(zh, [-21_701_466_699])) == "-217.01"
    assert fmt_money(-21_701_466_699, money_unit(lambda t: t)) == "-21,701.5"
    assert fmt_money(123_456_789, ("万元", 1e4, 0)) == "12,346"
