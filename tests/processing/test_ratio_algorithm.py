"""``battery_recycling:retirement_capacity_ratio`` through the real Processing framework."""

from __future__ import annotations

import math
import sqlite3
import statistics

import pytest
from osgeo import ogr
from qgis.core import NULL, QgsGeometry, QgsProcessingException, QgsVectorLayer
from scipy import stats

from tests.layers import memory_layer, point, square

ALG = "retirement_capacity_ratio"


# Eight regions, Chinese field names, in Web Mercator (EPSG:3857). Expected values by hand:
#   甲 50/100 = 0.5 under_used   乙 10/100 = 0.1 severe_idle   丙 90/100 = 0.9 tight
#   丁 300/200 = 1.5 shortage    戊 20/0 no_capacity            己 NULL/50 no_data
#   庚 -5/10 invalid             辛 0/NULL no_data
ROWS = [
    ("甲", 50.0, 100.0),
    ("乙", 10.0, 100.0),
    ("丙", 90.0, 100.0),
    ("丁", 300.0, 200.0),
    ("戊", 20.0, 0.0),
    ("己", None, 50.0),
    ("庚", -5.0, 10.0),
    ("辛", 0.0, None),
]
EXPECTED = {
    "甲": (0.5, "under_used"),
    "乙": (0.1, "severe_idle"),
    "丙": (0.9, "tight"),
    "丁": (1.5, "shortage"),
    "戊": (None, "no_capacity"),
    "己": (None, "no_data"),
    "庚": (None, "invalid"),
    "辛": (None, "no_data"),
}


@pytest.fixture()
def regions() -> QgsVectorLayer:
    rows = [
        (square(i * 20.0e3, 0.0, 10.0e3), name, ret, cap) for i, (name, ret, cap) in enumerate(ROWS)
    ]
    return memory_layer(
        "Polygon?crs=EPSG:3857&field=名称:string&field=退役量:double" "&field=产能:double",
        rows,
        "测试 区域",
    )


def read_gpkg(path: str) -> list[dict]:
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    rows = [{k: f.GetField(k) for k in f.keys()} for f in layer]
    del layer, ds
    return rows


def test_hand_computed_classes_summary_and_regression(run_alg, regions, tmp_path, feedback):
    out = str(tmp_path / "输出 目录" / "比率.gpkg")
    report = str(tmp_path / "输出 目录" / "报告.html")
    (tmp_path / "输出 目录").mkdir()
    res = run_alg(
        ALG,
        {
            "INPUT": regions,
            "RETIREMENT_FIELD": "退役量",
            "CAPACITY_FIELD": "产能",
            "OUTPUT": out,
            "REPORT": report,
        },
        feedback,
    )
    rows = read_gpkg(res["OUTPUT"].split("|")[0])
    assert len(rows) == 8
    for row in rows:
        ratio, cls = EXPECTED[row["名称"]]
        assert row["ratio_class"] == cls
        assert (row["ratio"] is None) == (ratio is None)
        if ratio is not None:
            assert row["ratio"] == pytest.approx(ratio, rel=1e-12)
        assert set(row) >= {"名称", "退役量", "产能", "retire_t", "capacity_t"}
    # Summary by hand: defined ratios 0.1, 0.5, 0.9, 1.5 → median (0.5+0.9)/2 = 0.7; one of
    # four below 0.2; national = (50+10+90+300+20)/(100+100+100+200+0) = 470/500.
    assert res["N_VALID"] == 4
    assert res["MEDIAN_RATIO"] == pytest.approx(0.7)
    assert res["SHARE_BELOW"] == pytest.approx(0.25)
    assert res["NATIONAL_RATIO"] == pytest.approx(0.94)
    # OLS by hand on x = (100,100,100,200), y = (0.5,0.1,0.9,1.5): Sxx = 7500, Sxy = 75.
    assert res["SLOPE"] == pytest.approx(0.01)
    assert res["INTERCEPT"] == pytest.approx(-0.5)
    ref = stats.linregress([100, 100, 100, 200], [0.5, 0.1, 0.9, 1.5])
    assert res["R"] == pytest.approx(ref.rvalue)
    assert res["R2"] == pytest.approx(ref.rvalue**2)
    assert res["P_VALUE"] == pytest.approx(ref.pvalue)
    # One warning per problem kind, naming the feature ids and the field.
    text = "\n".join(feedback.warnings)
    ids = {f["名称"]: f.id() for f in regions.getFeatures()}
    invalid = [w for w in feedback.warnings if "Negative" in w]
    assert len(invalid) == 1 and f"庚 ({ids['庚']})" in invalid[0] and "退役量" in invalid[0]
    no_data = [w for w in feedback.warnings if "No retirement" in w]
    # Named by the name field, then the id.
    assert len(no_data) == 1 and f"己 ({ids['己']}), 辛 ({ids['辛']})" in no_data[0]
    assert "产能" in text
    html = open(report, encoding="utf-8").read()
    assert "丁" in html and "<svg" in html
    # The GeoPackage carries its style as the default (layer_styles), for qgis_process users.
    with sqlite3.connect(res["OUTPUT"].split("|")[0]) as db:
        (count,) = db.execute("select count(*) from layer_styles where useAsDefault").fetchone()
    assert count == 1


def test_input_is_not_modified(run_alg, regions):
    before = [f.attributes() for f in regions.getFeatures()]
    run_alg(
        ALG,
        {
            "INPUT": regions,
            "RETIREMENT_FIELD": "退役量",
            "CAPACITY_FIELD": "产能",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    assert [f.attributes() for f in regions.getFeatures()] == before
    assert regions.fields().names() == ["名称", "退役量", "产能"]


def test_plants_summed_by_location_across_crs(run_alg, feedback):
    # Two regions in EPSG:3857 around the origin; plants given in EPSG:4326.
    regions = memory_layer(
        "Polygon?crs=EPSG:3857&field=name:string&field=ret:double",
        [
            (
                QgsGeometry.fromWkt("POLYGON((0 0, 100000 0, 100000 100000, 0 100000, 0 0))"),
                "A",
                30.0,
            ),
            (
                QgsGeometry.fromWkt(
                    "POLYGON((100000 0, 200000 0, 200000 100000, 100000 100000, " "100000 0))"
                ),
                "B",
                30.0,
            ),
        ],
        "r",
    )
    # 0.5° E ≈ 55.7 km (in A), 1.5° E ≈ 167 km (in B), 5° E is outside both.
    plants = memory_layer(
        "Point?crs=EPSG:4326&field=cap:double",
        [
            (point(0.5, 0.3), 40.0),
            (point(0.6, 0.3), 60.0),
            (point(1.5, 0.3), 300.0),
            (point(5.0, 0.3), 999.0),
            (point(1.4, 0.3), None),
        ],
        "p",
    )
    res = run_alg(
        ALG,
        {
            "INPUT": regions,
            "RETIREMENT_FIELD": "ret",
            "PLANTS": plants,
            "PLANT_CAPACITY_FIELD": "cap",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
        feedback,
    )
    out = {f["name"]: f for f in res["OUTPUT"].getFeatures()}
    assert out["A"]["capacity_t"] == pytest.approx(100.0)  # 40 + 60
    assert out["B"]["capacity_t"] == pytest.approx(300.0)  # the NULL plant is not counted
    assert out["A"]["ratio"] == pytest.approx(0.3) and out["B"]["ratio"] == pytest.approx(0.1)
    # Feature ids 4 (outside both regions) and 5 (NULL capacity); a bare "4" would also match
    # the text of a CRS (EPSG:4326).
    assert any("outside" in w and "ids: 4" in w for w in feedback.warnings)
    assert any("NULL" in w and "ids: 5" in w for w in feedback.warnings)


def test_fewer_than_three_ratios_gives_null_regression(run_alg, feedback):
    layer = memory_layer(
        "Polygon?crs=EPSG:4326&field=r:double&field=c:int",
        [(square(0, 0, 1), 1.0, 10), (square(2, 0, 1), 2.0, 5), (square(4, 0, 1), 3.0, 0)],
        "two",
    )
    res = run_alg(
        ALG,
        {
            "INPUT": layer,
            "RETIREMENT_FIELD": "r",
            "CAPACITY_FIELD": "c",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
        feedback,
    )
    assert res["N_VALID"] == 2
    assert res["MEDIAN_RATIO"] == pytest.approx((0.1 + 0.4) / 2)
    for key in (
        "SLOPE",
        "INTERCEPT",
        "R",
        "R2",
        "P_VALUE",
        "ELASTICITY",
        "ELASTICITY_LOW",
        "ELASTICITY_HIGH",
        "P_PROPORTIONAL",
    ):
        assert res[key] is None
    assert any("at least 3" in w for w in feedback.warnings)
    assert any("elasticity" in w for w in feedback.warnings)


def test_non_numeric_field_is_a_clear_error(run_alg, regions):
    with pytest.raises(QgsProcessingException, match="名称.*numeric"):
        run_alg(
            ALG,
            {
                "INPUT": regions,
                "RETIREMENT_FIELD": "名称",
                "CAPACITY_FIELD": "产能",
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )


def test_bad_thresholds_and_missing_capacity(run_alg, regions):
    with pytest.raises(QgsProcessingException, match="THRESHOLDS"):
        run_alg(
            ALG,
            {
                "INPUT": regions,
                "RETIREMENT_FIELD": "退役量",
                "CAPACITY_FIELD": "产能",
                "THRESHOLDS": "0.8,0.2,1",
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )
    with pytest.raises(QgsProcessingException, match="CAPACITY_FIELD"):
        run_alg(ALG, {"INPUT": regions, "RETIREMENT_FIELD": "退役量", "OUTPUT": "TEMPORARY_OUTPUT"})


def test_custom_thresholds(run_alg, regions):
    res = run_alg(
        ALG,
        {
            "INPUT": regions,
            "RETIREMENT_FIELD": "退役量",
            "CAPACITY_FIELD": "产能",
            "THRESHOLDS": "0.5，0.9; 1.2",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    got = {f["名称"]: f["ratio_class"] for f in res["OUTPUT"].getFeatures()}
    # 0.5 is not below 0.5 → under_used; 0.9 ≥ 0.9 → tight; 1.5 > 1.2 → shortage.
    assert got["甲"] == "under_used" and got["乙"] == "severe_idle"
    assert got["丙"] == "tight" and got["丁"] == "shortage"
    assert res["SHARE_BELOW"] == pytest.approx(0.25)


def test_output_never_overwrites_input(run_alg, tmp_path):
    src = tmp_path / "regions.gpkg"
    layer = memory_layer(
        "Polygon?crs=EPSG:4326&field=r:double&field=c:double", [(square(0, 0, 1), 1.0, 2.0)], "x"
    )
    from qgis.core import QgsVectorFileWriter

    QgsVectorFileWriter.writeAsVectorFormat(layer, str(src), "utf-8", layer.crs(), "GPKG")
    with pytest.raises(QgsProcessingException, match="never overwritten"):
        run_alg(
            ALG,
            {"INPUT": str(src), "RETIREMENT_FIELD": "r", "CAPACITY_FIELD": "c", "OUTPUT": str(src)},
        )
    assert QgsVectorLayer(str(src), "again", "ogr").featureCount() == 1


def test_sample_provinces_match_an_independent_computation(run_alg, tmp_path, sample_gpkg):
    uri = f"{sample_gpkg}|layername=provinces"
    res = run_alg(
        ALG,
        {
            "INPUT": uri,
            "RETIREMENT_FIELD": "retire_2025_t",
            "CAPACITY_FIELD": "capacity_2025_t",
            "OUTPUT": str(tmp_path / "p.gpkg"),
            "REPORT": str(tmp_path / "p.html"),
        },
    )
    ds = ogr.Open(str(sample_gpkg))
    pairs = [
        (f.GetField("retire_2025_t"), f.GetField("capacity_2025_t"))
        for f in ds.GetLayerByName("provinces")
    ]
    del ds
    ratios = [r / c for r, c in pairs if r is not None and c]
    assert res["N_VALID"] == len(ratios)
    assert res["MEDIAN_RATIO"] == pytest.approx(statistics.median(ratios))
    known = [(r, c) for r, c in pairs if r is not None and c is not None]
    assert res["NATIONAL_RATIO"] == pytest.approx(
        sum(r for r, _ in known) / sum(c for _, c in known)
    )
    assert res["SLOPE"] < 0
    rows = read_gpkg(res["OUTPUT"].split("|")[0])
    assert len(rows) == 34 and all(not math.isnan(r["retire_t"] or 0) for r in rows)
    # The elasticity: linregress on the logs of the pairs > 0; t interval and p of slope = 1 by
    # hand from linregress's standard error.
    pos = [(r, c) for r, c in pairs if r is not None and c is not None and r > 0 and c > 0]
    ref = stats.linregress([math.log(c) for _, c in pos], [math.log(r) for r, _ in pos])
    tcrit = stats.t.ppf(0.975, len(pos) - 2)
    assert res["ELASTICITY"] == pytest.approx(ref.slope, rel=1e-9)
    assert res["ELASTICITY_LOW"] == pytest.approx(ref.slope - tcrit * ref.stderr, rel=1e-9)
    assert res["ELASTICITY_HIGH"] == pytest.approx(ref.slope + tcrit * ref.stderr, rel=1e-9)
    p_one = 2 * stats.t.sf(abs(ref.slope - 1) / ref.stderr, len(pos) - 2)
    assert res["P_PROPORTIONAL"] == pytest.approx(p_one, rel=1e-9)
    assert all(
        type(res[k]) is float
        for k in ("ELASTICITY", "ELASTICITY_LOW", "ELASTICITY_HIGH", "P_PROPORTIONAL")
    )
    html = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert "Log–log elasticity" in html and "Kronmal 1993" in html


def test_sample_warnings_name_the_regions(run_alg, sample_gpkg, feedback):
    """Taiwan, Hong Kong and Macao have no sample retirement: the warning names them (default
    name field name_zh, else NAME_FIELD), then gives the id."""
    provinces = QgsVectorLayer(f"{sample_gpkg}|layername=provinces", "p", "ogr")
    empty = [
        (f.id(), f["name_zh"], f["name_en"])
        for f in provinces.getFeatures()
        if f.attribute("retire_2025_t") in (None, NULL)
    ]
    assert len(empty) == 3
    for name_field, col in (("", 1), ("name_en", 2)):
        feedback.warnings.clear()
        run_alg(
            ALG,
            {
                "INPUT": provinces,
                "RETIREMENT_FIELD": "retire_2025_t",
                "CAPACITY_FIELD": "capacity_2025_t",
                "NAME_FIELD": name_field,
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
            feedback,
        )
        warning = next(w for w in feedback.warnings if "No retirement" in w)
        assert ", ".join(f"{row[col]} ({row[0]})" for row in empty) in warning
