"""Tests for core.report (ratio HTML report) and the core.html helpers."""

from __future__ import annotations

import re
import warnings

import pytest

from battery_recycling_atlas.core.mismatch import ratio
from battery_recycling_atlas.core.mismatch.ratio import RatioThresholds
from battery_recycling_atlas.reports import html as h
from battery_recycling_atlas.reports import ratio as report

LABELS = {
    "severe_idle": "严重闲置",
    "under_used": "Under-used",
    "tight": "Tight",
    "shortage": "Shortage",
    "no_capacity": "No capacity",
    "no_data": "No data",
    "invalid": "Invalid",
}

# Ratios: 上海 50000/60000 = 0.8333 (tight), A<&>B 30000/10000 = 3.0 (shortage),
# Hunan 15000/200000 = 0.075 (severe_idle), Jiangxi 20000/300000 = 0.0667 (severe_idle),
# Hubei 40000/100000 = 0.4 (under_used), Tibet None/0 (no_data), Hainan 800/0 (no_capacity).
NAMES = ["上海", "A<&>B", "Hunan", "Jiangxi", "Hubei", "Tibet", "Hainan"]
RET = [50_000, 30_000, 15_000, 20_000, 40_000, None, 800]
CAP = [60_000, 10_000, 200_000, 300_000, 100_000, 0, 0]
EXPECTED_ORDER = ["A&lt;&amp;&gt;B", "上海", "Hubei", "Hunan", "Jiangxi", "Hainan", "Tibet"]


def build(names=NAMES, ret=RET, cap=CAP, **kwargs):
    t = RatioThresholds()
    res = ratio.compute_ratios(ret, cap, t)
    kwargs.setdefault("title", "Ratio <report>")
    kwargs.setdefault("class_labels", LABELS)
    return report.ratio_report_html(
        names, res, ratio.summarize(res, t), ratio.ratio_regression(res), t, **kwargs
    )


def regions_section(page: str) -> str:
    return page[page.index("Regions by ratio") :]


def test_report_is_a_self_contained_page():
    page = build(notes=["Illustrative data: not <real> figures"])
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    assert "<style>" in page and "@media print" in page
    assert "<svg" in page and "</svg>" in page
    for external in ("<script", "<link", " src=", "<img", "url(http", "@import"):
        assert external not in page
    assert "<title>Ratio &lt;report&gt;</title>" in page
    assert "Illustrative data: not &lt;real&gt; figures" in page
    assert page.encode("utf-8").decode("utf-8") == page


def test_names_escaped_and_chinese_kept():
    page = build()
    assert "上海" in page
    assert "A&lt;&amp;&gt;B" in page
    assert "A<&>B" not in page
    assert "严重闲置" in page  # class label from class_labels


def test_regions_sorted_by_ratio_descending_undefined_last():
    section = regions_section(build())
    positions = [section.index(f"<td>{name}</td>") for name in EXPECTED_ORDER]
    assert positions == sorted(positions)
    # Undefined rows show their class and a dash for the ratio; defined ratios as percent.
    tibet_row = re.search(r"<tr>(?:(?!</tr>).)*<td>Tibet</td>.*?</tr>", section, re.S).group(0)
    assert "No data" in tibet_row and "\u2014" in tibet_row
    hainan_row = re.search(r"<tr>(?:(?!</tr>).)*<td>Hainan</td>.*?</tr>", section, re.S).group(0)
    assert "No capacity" in hainan_row
    assert "300.0 %" in section  # 30000 / 10000
    assert "83.3 %" in section  # 50000 / 60000 = 0.8333


def test_sorted_region_order():
    res = ratio.compute_ratios([1, None, 9, -1, 5, 7, 5], [10, 1, 10, 1, 0, 10, 10])
    # ratios: 0.1, -, 0.9, -, -, 0.7, 0.5; classes of undefined: no_data(1), invalid(3),
    # no_capacity(4) -> legend order no_capacity, no_data, invalid.
    assert list(report.sorted_region_order(res)) == [2, 5, 6, 0, 4, 1, 3]


def test_summary_values_in_report():
    page = build()
    # defined ratios: 3.0, 0.8333, 0.4, 0.075, 0.0667 -> median 0.4 = 40.0 %
    # mean = (3 + 0.83333 + 0.4 + 0.075 + 0.066667) / 5 = 4.375 / 5 = 0.875 -> 87.5 %
    # share below 0.2: 2 of 5 = 40.0 %
    # national: (50000+30000+15000+20000+40000+800) / (60000+10000+200000+300000+100000+0)
    #         = 155800 / 670000 = 0.23254 -> 23.3 %
    summary = page[page.index("Summary") : page.index("Regression of ratio")]
    assert "40.0 %" in summary and "87.5 %" in summary and "23.3 %" in summary
    assert '<td class="num">7</td>' in summary  # regions
    assert '<td class="num">5</td>' in summary  # regions with a defined ratio


def test_regression_table_when_defined():
    page = build()
    section = page[page.index("Regression of ratio") : page.index("Ratio against capacity")]
    reg = ratio.ratio_regression(ratio.compute_ratios(RET, CAP))
    assert reg.n == 5
    assert f"{reg.slope:.4g}" in section
    assert f"{reg.slope * 1e8:,.2f}" in section  # percentage points per Mt/yr
    assert f"{reg.r:.3f}" in section
    assert "undefined" not in section


def test_undefined_regression_sentence_with_fewer_than_three_regions():
    page = build(names=["甲", "乙", "丙"], ret=[10, 20, None], cap=[100, 50, 0])
    assert "fewer than 3 regions have a defined ratio (n = 2)" in page
    assert "Slope" not in page
    assert "<svg" in page  # two points are still plotted


def test_undefined_regression_sentence_without_variance():
    # Three regions with the same capacity: the fit is undefined although n = 3.
    page = build(names=["a", "b", "c"], ret=[10, 20, 30], cap=[100, 100, 100])
    assert "does not vary" in page and "(n = 3)" in page


def test_report_without_defined_ratios_has_no_chart():
    page = build(names=["x", "y"], ret=[None, 5], cap=[1, 0])
    assert "<svg" not in page
    assert "nothing to plot" in page


def test_every_fixed_string_goes_through_tr():
    page = build(tr=lambda s: "ZZ" + s)
    for tag in ("h2", "th", "figcaption", "footer"):
        for text in re.findall(rf"<{tag}(?:\s[^>]*)?>(.*?)</{tag}>", page, re.S):
            assert text.startswith("ZZ") or text in {"#", "r", "R²", "n"}, (tag, text)
    assert 'class="meta">ZZ' in page
    # Measures in the summary and regression tables are translated too.
    for text in re.findall(r'<tr><td>(.*?)</td><td class="num">', page):
        assert text.startswith("ZZ") or text in {"r", "R²", "n"} or "swatch" in text, text


def test_dollar_signs_in_names_are_not_mathtext():
    # "$x^$" would be a mathtext parse error if passed to matplotlib unescaped.
    page = build(names=["$x^$", "b", "c"], ret=[1, 2, 3], cap=[10, 20, 50])
    assert "$x^$" in page and "<svg" in page


def test_report_is_deterministic():
    assert build() == build()


def test_names_length_must_match():
    with pytest.raises(ValueError):
        build(names=["only one"])


def test_chinese_glyphs_render_when_cjk_font_installed():
    families = h.available_font_families()
    if not families[0].startswith("Noto Sans CJK"):
        pytest.skip("fonts-noto-cjk not installed")
    # matplotlib registers only the first face of the .ttc collection (JP), which also covers
    # the simplified Chinese characters used in province and city names.
    assert families[-1] == "DejaVu Sans"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from current font" would raise
        page = build()
    assert "NotoSansCJK" in page  # glyph outlines come from the CJK font


def test_html_helpers():
    assert h.esc('<a href="x">&') == "&lt;a href=&quot;x&quot;&gt;&amp;"
    assert h.esc(None) == ""
    assert h.fmt_percent(0.115) == "11.5 %"
    assert h.fmt_percent(None) == h.fmt_percent(float("nan")) == "\u2014"
    assert h.fmt_number(1234567.891, 1) == "1,234,567.9"
    assert h.fmt_number(float("inf")) == "\u2014"
    table = h.html_table(
        ["A", "B<"], [["x&", h.Raw("<b>y</b>")], [None, 3]], numeric=(False, True), caption="Cap"
    )
    assert "<th>A</th>" in table and '<th class="num">B&lt;</th>' in table
    assert "<td>x&amp;</td>" in table and '<td class="num"><b>y</b></td>' in table
    assert "<td>\u2014</td>" in table and "<caption>Cap</caption>" in table
    page = h.html_page("T<", ["<p>body</p>"], lang="zh-CN")
    assert '<html lang="zh-CN">' in page and "<title>T&lt;</title>" in page
    assert "<p>body</p>" in page
    fig = h.new_figure(2, 1)
    fig.add_subplot().plot([0, 1], [0, 1])
    svg = h.svg_from_figure(fig, label="a <chart>")
    assert svg.startswith("<svg ") and svg.rstrip().endswith("</svg>")
    assert "<?xml" not in svg and "<metadata>" not in svg
    assert 'aria-label="a &lt;chart&gt;"' in svg


def test_elasticity_section_reads_the_fit_and_the_caveat():
    # Five regions with ret > 0 and cap > 0 (Hainan has no capacity: outside the fit, noted).
    from scipy import stats as sp

    page = build()
    start = page.index("Log–log elasticity")
    sect = page[start : page.index("Regression of ratio on capacity")]
    ret, cap = [50_000, 30_000, 15_000, 20_000, 40_000], [60_000, 10_000, 200_000, 300_000, 100_000]
    import math

    ref = sp.linregress([math.log(c) for c in cap], [math.log(r) for r in ret])
    half = sp.t.ppf(0.975, 3) * ref.stderr
    assert f">{ref.slope:.3f}<" in sect
    assert f"{ref.slope - half:.3f} – {ref.slope + half:.3f}" in sect
    assert "1 regions with retirement but no capacity" in sect
    assert sect.count("<svg") == 1 and "Proportional: slope 1" in sect
    assert "Kronmal 1993" in page[page.index("Regression of ratio on capacity") :]
