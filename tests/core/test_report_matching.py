"""Tests for the matching report (with its legend grid) and the capital-compliance report."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from scipy import stats as sp_stats

from battery_recycling_atlas.core.mismatch import bivariate as bv
from battery_recycling_atlas.core.mismatch import compliance as cc
from battery_recycling_atlas.reports.bivariate_legend import fmt_share, legend_grid_svg
from battery_recycling_atlas.reports.compliance import compliance_report_html
from battery_recycling_atlas.reports.matching import matching_report_html

SVG_NS = "{http://www.w3.org/2000/svg}"

# Volumes in t/yr: total 100,000 -> shares .01 .02 .30 .31 .18 .18 (+ a no-data city);
# outlets total 100 -> shares .40 .02 .01 .20 .20 .17. Natural breaks (k=3):
# volume (.01, .02, .18, .31), outlets (.01, .02, .20, .40); under-served: 哈尔滨 (3-2, 31,000 t)
# and 上海 (3-1, 30,000 t) -> 61,000 t/yr, 61.00 % of the volume, 21.00 % of the outlets.
NAMES = ["Harbin", "A<&>B", "上海", "哈尔滨", "Fuzhou", "Kunming", "Lhasa"]
VOLUME = [1_000, 2_000, 30_000, 31_000, 18_000, 18_000, None]
OUTLETS = [40, 2, 1, 20, 20, 17, 3]


def section(page: str, heading: str) -> str:
    start = page.index(f"<h2>{heading}</h2>")
    end = page.find("<h2>", start + 4)
    return page[start:] if end < 0 else page[start:end]


def build_matching(**kwargs):
    result = bv.match(VOLUME, OUTLETS, k=3)
    kwargs.setdefault("title", "Matching <test>")
    kwargs.setdefault("palette", "pink_blue")
    return matching_report_html(NAMES, VOLUME, OUTLETS, result, **kwargs)


def test_fmt_share():
    assert fmt_share(0.0297) == "2.97 %"
    assert fmt_share(0.31) == "31.00 %"
    assert fmt_share(0.0) == "0.00 %"
    assert fmt_share(0.000123) == "0.012 %"
    assert fmt_share(None) == "\u2014" and fmt_share(float("nan")) == "\u2014"


def test_legend_grid_svg_cells_labels_and_titles():
    result = bv.match(VOLUME, OUTLETS, k=3)
    colors = bv.palette_colors("pink_blue", 3)
    svg = legend_grid_svg(
        colors, 3, result.vol_breaks, result.outlet_breaks, "回收量 <volume>", "Outlets & share"
    )
    root = ET.fromstring(svg)  # well-formed, standalone SVG
    assert root.tag == f"{SVG_NS}svg"
    cells = [r for r in root.iter(f"{SVG_NS}rect") if r.get("fill") != "none"]
    assert len(cells) == 9
    fills = {(float(r.get("x")), float(r.get("y"))): r.get("fill") for r in cells}
    xs, ys = sorted({x for x, _ in fills}), sorted({y for _, y in fills})
    assert fills[(xs[0], ys[-1])] == "#e8e8e8"  # bottom left: low volume, low outlets
    assert fills[(xs[-1], ys[-1])] == "#5ac8c8"  # bottom right: high outlets
    assert fills[(xs[0], ys[0])] == "#be64ac"  # top left: high volume
    assert fills[(xs[-1], ys[0])] == "#3b4994"
    texts = [t.text for t in root.iter(f"{SVG_NS}text")]
    for label in ("1.00 %", "2.00 %", "18.00 %", "31.00 %", "20.00 %", "40.00 %"):
        assert label in texts
    assert texts.count("1.00 %") == 2 and texts.count("2.00 %") == 2  # on both axes
    assert "回收量 <volume> \u2192" in texts and "Outlets & share \u2192" in texts
    assert "&lt;volume&gt;" in svg and "Outlets &amp; share" in svg


def test_legend_grid_rectangular_and_without_breaks():
    reduced = bv.match([1, 1, 10, 10], [5, 5, 6, 7], k=3)  # volume: 2 distinct shares
    assert (reduced.k_vol, reduced.k_outlet) == (2, 3)
    svg = legend_grid_svg(
        bv.palette_colors("grey", 2, 3), 3, reduced.vol_breaks, reduced.outlet_breaks, "V", "O"
    )
    cells = [r for r in ET.fromstring(svg).iter(f"{SVG_NS}rect") if r.get("fill") != "none"]
    assert len(cells) == 6
    bare = ET.fromstring(legend_grid_svg(bv.palette_colors("grey", 4), 4, None, None, "V", "O"))
    assert len([r for r in bare.iter(f"{SVG_NS}rect") if r.get("fill") != "none"]) == 16
    assert [t.text for t in bare.iter(f"{SVG_NS}text")] == ["V \u2192", "O \u2192"]


def test_matching_report_page():
    page = build_matching(notes=["Illustrative <data>"])
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<title>Matching &lt;test&gt;</title>" in page
    assert "Illustrative &lt;data&gt;" in page
    for name in ("上海", "哈尔滨", "Kunming", "A&lt;&amp;&gt;B"):
        assert name in page
    assert "A<&>B" not in page
    assert page.count("<svg") == 2  # legend grid and scatter
    for external in ("<script", "<link", " src=", "<img"):
        assert external not in page
    # the source's context
    assert "18 cities" in page and "170 kt" in page and "6.7 %" in page and "2.97 %" in page


def test_matching_report_breaks_counts_and_under_served():
    page = build_matching()
    summary = section(page, "Summary")
    for label in ("1.00 %", "2.00 %", "18.00 %", "31.00 %", "20.00 %", "40.00 %"):
        assert f">{label}<" in summary  # breaks tables, in percent
    legend = section(page, "Legend")
    for label in ("18.00 %", "31.00 %", "20.00 %", "40.00 %"):
        assert f">{label}</text>" in legend
    types = section(page, "Cities by match type")
    # under 2 (上海 3-1, 哈尔滨 3-2), balanced 3 (A<&>B 1-1, Fuzhou 2-2, Kunming 2-2),
    # over 1 (Harbin 1-3), no data 1 (Lhasa)
    counts = re.findall(r"<tr><td>([^<]+)</td><td class=\"num\">(\d+)</td>", types)
    assert [int(c) for _, c in counts] == [2, 3, 1, 1]
    under = section(page, "Under-served cities by class")
    assert "61,000 t/yr" in under and "61.00 %" in under and "21.00 %" in under
    assert under.index("哈尔滨") < under.index("上海")  # 31 % before 30 %
    assert "31,000" in under and "30,000" in under
    assert "Kunming" not in under and "Harbin" not in under.replace("哈尔滨", "")


def test_matching_report_uses_tr_for_fixed_text():
    marked = build_matching(tr=lambda s: f"«{s}»")
    assert "<h2>«Summary»</h2>" in marked and "<h2>«Legend»</h2>" in marked
    assert "«Context from the source study" in marked
    zh = build_matching(
        tr=lambda s: {
            "Under-served cities by class": "服务不足的城市",
            "{n} cities under-served by class hold {volume} t/yr "
            "({vol_share} of the volume of the cities with data) and "
            "{outlet_share} of their outlets.": "{n} 个城市共 {volume} 吨/年",
        }.get(s, s)
    )
    assert "<h2>服务不足的城市</h2>" in zh and "2 个城市共 61,000 吨/年" in zh


def test_matching_report_without_under_served_city():
    vol, out = [10, 20, 70], [10, 20, 70]  # identical shares: every city balanced
    page = matching_report_html(
        ["a", "b", "c"], vol, out, bv.match(vol, out, k=2), title="t", palette="green_blue"
    )
    assert "No city is under-served by class." in page
    assert "No city has significantly fewer outlets" in page


def test_matching_report_length_mismatch():
    with pytest.raises(ValueError):
        matching_report_html(
            NAMES[:3], VOLUME, OUTLETS, bv.match(VOLUME, OUTLETS), title="t", palette="pink_blue"
        )


# --- capital compliance ------------------------------------------------------------------------

# Capital in CNY (1 亿元 = 1e8). Known rows: all but Tibet (capital null).
# capital total 300+20+25+10+40+50+5 = 450 亿; firms total 1+12+10+4+0+3+0 = 30.
# index = (firms/30) / (capital/450): 北京 (1/30)/(300/450) = 0.05, Jiangxi 0.4/(20/450) = 9.0,
# Hunan (1/3)/(25/450) = 6.0, Guizhou (4/30)/(10/450) = 6.0, Shanxi 0, A<&>B 0.1/(50/450) = 0.9,
# Hainan 0. Most: Jiangxi, Hunan, Guizhou (tie, input order), A<&>B, 北京;
# least: Shanxi, Hainan (tie), 北京, A<&>B, Hunan. No whitelist firm: Shanxi, Tibet, Hainan.
P_NAMES = ["北京", "Jiangxi", "Hunan", "Guizhou", "Shanxi", "A<&>B", "Tibet", "Hainan"]
P_CAPITAL = [300e8, 20e8, 25e8, 10e8, 40e8, 50e8, None, 5e8]
P_FIRMS = [1, 12, 10, 4, 0, 3, 0, 0]


def build_compliance(**kwargs):
    result = cc.capital_compliance(P_CAPITAL, P_FIRMS)
    kwargs.setdefault("title", "Compliance <test>")
    return compliance_report_html(P_NAMES, P_CAPITAL, P_FIRMS, result, **kwargs)


def names_in_order(html: str) -> list:
    return re.findall(r"<tr><td class=\"num\">\d+</td><td>([^<]+)</td>", html)


def test_compliance_report_page():
    page = build_compliance(notes=["Illustrative"])
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    assert "<title>Compliance &lt;test&gt;</title>" in page
    assert "北京" in page and "A&lt;&amp;&gt;B" in page and "A<&>B" not in page
    x = [300e8, 20e8, 25e8, 10e8, 40e8, 50e8, 5e8]
    y = [1, 12, 10, 4, 0, 3, 0]
    stats = section(page, "Correlation of capital with whitelist firms")
    assert f"{sp_stats.pearsonr(x, y)[0]:.3f}" in stats
    assert f"{sp_stats.spearmanr(x, y)[0]:.3f}" in stats
    assert f"{sp_stats.pearsonr(x, y)[1]:.4f}" in stats
    assert "r = −0.03" in page  # the source's context


def test_compliance_report_lists():
    page = build_compliance()
    none = section(page, "Provinces without a whitelist firm")
    assert re.findall(r"<tr><td>([^<]+)</td>", none) == ["Shanxi", "Tibet", "Hainan"]
    assert "40.00" in none  # Shanxi: 40e8 CNY = 40.00 亿元
    most = section(page, "Most compliant provinces")
    assert names_in_order(most) == ["Jiangxi", "Hunan", "Guizhou", "A&lt;&amp;&gt;B", "北京"]
    assert ">9.00<" in most and ">0.05<" in most
    least = section(page, "Least compliant provinces")
    # Provinces without a whitelist firm are listed above, not again here: Beijing (the most
    # capital, one firm) leads.
    assert names_in_order(least)[:3] == ["北京", "A&lt;&amp;&gt;B", "Hunan"]
    assert not {"Shanxi", "Hainan", "Tibet"} & set(names_in_order(least))
    assert "of 7 provinces with a defined index" in most


def test_compliance_report_undefined_correlation_and_tr():
    result = cc.capital_compliance([1e8, 2e8], [1, 1])
    page = compliance_report_html(
        ["a", "b"], [1e8, 2e8], [1, 1], result, title="t", tr=lambda s: f"«{s}»"
    )
    assert "«The correlation is undefined" in page
    assert "Every province with a known count has a whitelist firm." in page


def test_matching_report_lists_significant_cities_by_volume():
    # 上海 has 1 outlet of 100 against 30 expected, 哈尔滨 20 against 31: both below chance.
    result = bv.match(VOLUME, OUTLETS, k=3)
    page = matching_report_html(NAMES, VOLUME, OUTLETS, result, title="t", palette="pink_blue")
    sig = section(page, "Cities with significantly too few outlets")
    hit = [i for i, v in enumerate(result.under_sig.tolist()) if v]
    assert hit and f"{len(hit)} cities have significantly fewer outlets" in sig
    assert sig.index("哈尔滨") < sig.index("上海")  # by volume, 31,000 before 30,000
    assert f">{sp_stats.binom.cdf(1, 100, 0.30):.4f}<" in sig or "&lt; 0.0001" in sig
    assert ">30.0<" in sig  # expected outlets of 上海 = 100 × 0.30
    assert "% of the cities with data" in page and "national total" not in page
