"""``natural_breaks_matching`` and ``capital_compliance`` through the Processing framework."""

from __future__ import annotations

import re
import sqlite3

import numpy as np
import pytest
from qgis.core import QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer
from scipy import stats

from tests.layers import is_null, memory_layer, point, square


def between(text: str, start: str, end: str) -> str:
    """The part of ``text`` after ``start`` up to the next ``end`` (both must be there)."""
    begin = text.index(start) + len(start)
    return text[begin : text.index(end, begin)]


def ranked_cities(table_html: str) -> list[tuple[str, str]]:
    """(rank, city) of each row of a report table whose first columns are # and City."""
    return re.findall(r'<tr><td class="num">(\d+)</td><td>([^<]*)</td>', table_html)


def box(i: int) -> QgsGeometry:
    """The i-th unit square along the x axis, one unit apart from the next."""
    return square(i * 2.0, 0.0, 1.0)


# Volume shares (valid rows A–D, total 100): .1 .1 .4 .4 → natural breaks k=2: {.1}, {.4}.
# Outlet shares (total 70): 1/7 1/7 1/7 4/7 → {1/7}, {4/7}.
#   A 1-1 balanced · B 1-1 balanced · C 2-1 under_served (gap .4 − 1/7) · D 2-2 balanced
#   E volume NULL → no_data, shares NULL, row kept.
CITIES = [("A", 10.0, 10), ("B", 10.0, 10), ("C", 40.0, 10), ("D", 40.0, 40), ("E", None, 5)]


@pytest.fixture()
def cities() -> QgsVectorLayer:
    return memory_layer(
        "Polygon?crs=EPSG:4326&field=名称:string&field=退役量:double" "&field=网点数:integer",
        [(box(i), *row) for i, row in enumerate(CITIES)],
        "测试",
    )


def test_matching_hand_computed(run_alg, cities, tmp_path, feedback):
    out, report = tmp_path / "匹配.gpkg", tmp_path / "匹配.html"
    res = run_alg(
        "natural_breaks_matching",
        {
            "INPUT": cities,
            "VOLUME_FIELD": "退役量",
            "OUTLETS_FIELD": "网点数",
            "CLASSES": 2,
            "METHOD": 0,
            "PALETTE": 0,
            "OUTPUT": str(out),
            "REPORT": str(report),
        },
        feedback,
    )
    got = {f["名称"]: f for f in QgsVectorLayer(res["OUTPUT"], "o", "ogr").getFeatures()}
    expected = {
        "A": ("1-1", "balanced"),
        "B": ("1-1", "balanced"),
        "C": ("2-1", "under_served"),
        "D": ("2-2", "balanced"),
    }
    for name, (code, kind) in expected.items():
        assert got[name]["match_code"] == code and got[name]["match_type"] == kind
    assert got["C"]["vol_share"] == pytest.approx(0.4)
    assert got["C"]["outlet_share"] == pytest.approx(1 / 7)
    assert got["C"]["share_gap"] == pytest.approx(0.4 - 1 / 7)
    assert got["E"]["match_type"] == "no_data"
    assert is_null(got["E"]["vol_share"]) and is_null(got["E"]["match_code"])
    assert [float(x) for x in res["VOL_BREAKS"].split(",")] == pytest.approx([0.1, 0.1, 0.4])
    assert [float(x) for x in res["OUTLET_BREAKS"].split(",")] == pytest.approx(
        [1 / 7, 1 / 7, 4 / 7]
    )
    assert res["N_UNDER_SERVED"] == 1 and res["UNDER_SERVED_T"] == pytest.approx(40.0)
    # Binomial test over A–D (N = 70 outlets, volume shares .1 .1 .4 .4) with a hand-written
    # Benjamini–Hochberg: q_(i) = min over j >= i of 4 p_(j) / j.
    p = {
        n: stats.binom.cdf(o, 70, v)
        for n, v, o in (("A", 0.1, 10), ("B", 0.1, 10), ("C", 0.4, 10), ("D", 0.4, 40))
    }
    ranked = sorted(p, key=p.get)
    q = {
        n: min(min(p[m] * 4 / (j + 1) for j, m in enumerate(ranked) if j >= i), 1.0)
        for i, n in enumerate(ranked)
    }
    for name in "ABCD":
        assert got[name]["outlets_expected"] == pytest.approx(
            70 * {"A": 0.1, "B": 0.1, "C": 0.4, "D": 0.4}[name]
        )
        assert got[name]["p_fewer"] == pytest.approx(p[name], rel=1e-10)
        assert got[name]["q_fewer"] == pytest.approx(q[name], rel=1e-10)
        assert bool(got[name]["under_sig"]) == (q[name] < 0.05)
    assert q["C"] < 0.05 and q["A"] > 0.05
    assert is_null(got["E"]["p_fewer"]) and is_null(got["E"]["under_sig"])
    assert res["N_UNDER_SIG"] == 1 and res["UNDER_SIG_T"] == pytest.approx(40.0)
    assert type(res["N_UNDER_SIG"]) is int and type(res["UNDER_SIG_T"]) is float
    # The warning names the feature by its name field, then its id.
    e_id = next(f.id() for f in cities.getFeatures() if f["名称"] == "E")
    assert any(f"ids: E ({e_id})" in w and "NULL" in w for w in feedback.warnings)
    html = report.read_text(encoding="utf-8")
    assert "<svg" in html
    # C, and only C, is listed as significantly short of outlets and as under-served by class
    # (rank, then city name); the scatter marks it with a red ring (#d7301f).
    significant = between(html, "Cities with significantly too few outlets</h2>", "<h2>")
    by_class = between(html, "Under-served cities by class</h2>", "<h2>")
    assert ranked_cities(significant) == ranked_cities(by_class) == [("1", "C")]
    assert "2-1</td>" in by_class
    chart = between(html, 'aria-label="Volume share against outlet share"', "</svg>")
    assert "#d7301f" in chart
    assert "significantly too few outlets" in html and "national total" not in html
    with sqlite3.connect(out) as db:
        assert db.execute("select count(*) from layer_styles").fetchone()[0] == 1


def test_matching_counts_outlet_points(run_alg, cities):
    # Outlets as points in EPSG:3857: 2 in A, 1 in C, 0 elsewhere (plus one outside).
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    to_merc = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsCoordinateReferenceSystem("EPSG:3857"),
        QgsProject.instance(),
    )
    pts = [to_merc.transform(QgsPointXY(x, 0.5)) for x in (0.2, 0.7, 4.5, 30.0)]
    outlets = memory_layer(
        "Point?crs=EPSG:3857&field=id:integer",
        [(point(p.x(), p.y()), i) for i, p in enumerate(pts)],
        "测试",
    )
    res = run_alg(
        "natural_breaks_matching",
        {
            "INPUT": cities,
            "VOLUME_FIELD": "退役量",
            "OUTLETS": outlets,
            "CLASSES": 2,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    got = {f["名称"]: f["outlet_share"] for f in res["OUTPUT"].getFeatures()}
    # Valid rows A–D hold 3 counted outlets: A 2/3, B 0, C 1/3, D 0.
    assert got["A"] == pytest.approx(2 / 3) and got["C"] == pytest.approx(1 / 3)
    assert got["B"] == pytest.approx(0.0) and got["D"] == pytest.approx(0.0)


def test_matching_negative_volume_names_feature_and_field(run_alg):
    layer = memory_layer(
        "Polygon?crs=EPSG:4326&field=v:double&field=o:integer",
        [(box(0), 5.0, 1), (box(1), -2.0, 1), (box(2), 3.0, 2)],
        "测试",
    )
    fid = [f.id() for f in layer.getFeatures()][1]
    with pytest.raises(QgsProcessingException, match=rf"“v”.*\b{fid}\b"):
        run_alg(
            "natural_breaks_matching",
            {
                "INPUT": layer,
                "VOLUME_FIELD": "v",
                "OUTLETS_FIELD": "o",
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )


# Capital (CNY) and whitelist firms. Shares over the rows with both values known (0, 1, 2, 4):
# capital 100, 300, 0, 600 of 1000 → .1 .3 0 .6; firms 2, 1, 3, 0 of 6 → 1/3 1/6 1/2 0.
# Index: 1/3 ÷ .1 = 10/3; 1/6 ÷ .3 = 5/9; capital 0 → NULL; 0 ÷ .6 = 0 (no whitelist firm).
PROVINCES = [("甲", 100.0, 2), ("乙", 300.0, 1), ("丙", 0.0, 3), ("丁", None, 0), ("戊", 600.0, 0)]


def test_capital_compliance_hand_computed(run_alg, tmp_path, feedback):
    layer = memory_layer(
        "Polygon?crs=EPSG:4326&field=省:string&field=注册资本:double" "&field=白名单:integer",
        [(box(i), *r) for i, r in enumerate(PROVINCES)],
        "测试",
    )
    res = run_alg(
        "capital_compliance",
        {
            "INPUT": layer,
            "CAPITAL_FIELD": "注册资本",
            "WHITELIST_FIELD": "白名单",
            "NAME_FIELD": "省",
            "OUTPUT": str(tmp_path / "c.gpkg"),
            "REPORT": str(tmp_path / "c.html"),
        },
        feedback,
    )
    got = {f["省"]: f for f in QgsVectorLayer(res["OUTPUT"], "c", "ogr").getFeatures()}
    assert got["甲"]["capital_share"] == pytest.approx(0.1)
    assert got["甲"]["whitelist_share"] == pytest.approx(1 / 3)
    assert got["甲"]["compliance_index"] == pytest.approx(10 / 3)
    assert got["乙"]["compliance_index"] == pytest.approx(5 / 9)
    assert is_null(got["丙"]["compliance_index"])
    assert got["戊"]["compliance_index"] == pytest.approx(0.0)
    assert got["戊"]["no_whitelist"] and got["丁"]["no_whitelist"]
    assert not got["甲"]["no_whitelist"]
    capital, firms = [100, 300, 0, 600], [2, 1, 3, 0]
    assert res["N"] == 4
    assert res["PEARSON_R"] == pytest.approx(stats.pearsonr(capital, firms)[0])
    assert res["SPEARMAN_R"] == pytest.approx(stats.spearmanr(capital, firms)[0])
    assert any("注册资本" in w and "NULL" in w for w in feedback.warnings)
    assert "戊" in (tmp_path / "c.html").read_text(encoding="utf-8")


def test_capital_compliance_on_sample_provinces(run_alg, sample_gpkg):
    res = run_alg(
        "capital_compliance",
        {
            "INPUT": f"{sample_gpkg}|layername=provinces",
            "CAPITAL_FIELD": "capital_cny",
            "WHITELIST_FIELD": "whitelist_firms",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    rows = [
        (f["capital_cny"], f["whitelist_firms"])
        for f in res["OUTPUT"].getFeatures()
        if not is_null(f["capital_cny"]) and not is_null(f["whitelist_firms"])
    ]
    assert res["N"] == len(rows)
    assert res["PEARSON_R"] == pytest.approx(stats.pearsonr(*zip(*rows))[0])
    assert -0.15 < res["PEARSON_R"] < 0.1


def test_matching_wide_ranging_volumes_classify_exactly(run_alg):
    # Issue 13: volumes 10^U(-3, 5) over 300 cities reached the user as a traceback. The
    # classes must be the exact optimum: check against brute force over the volume-share breaks
    # is too slow at n = 300, so against jenkspy (exact O(k n^2) dynamic programme).
    jenkspy = pytest.importorskip("jenkspy")
    rng = np.random.default_rng(18)  # the classifier before the fix failed on k = 3, 4, 5
    volume = 10.0 ** rng.uniform(-3, 5, 300)
    outlets = rng.poisson(2 + volume / volume.sum() * 3000)
    rows = [(box(i), f"c{i}", float(v), int(o)) for i, (v, o) in enumerate(zip(volume, outlets))]
    layer = memory_layer(
        "Polygon?crs=EPSG:4326&field=名称:string&field=v:double&field=o:integer", rows, "测试"
    )
    for k in (3, 5):
        res = run_alg(
            "natural_breaks_matching",
            {
                "INPUT": layer,
                "VOLUME_FIELD": "v",
                "OUTLETS_FIELD": "o",
                "CLASSES": k,
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )
        share = volume / volume.sum()
        ref = jenkspy.jenks_breaks(share, n_classes=k)
        got = [float(x) for x in res["VOL_BREAKS"].split(",")]
        assert got == pytest.approx([float(b) for b in ref], rel=1e-9)
        classes = [f["vol_class"] for f in res["OUTPUT"].getFeatures()]
        assert sorted(set(classes)) == list(range(1, k + 1))
