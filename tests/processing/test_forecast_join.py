"""``retirement_forecast`` and ``join_region_table`` through Processing, and the chain
sales table → forecast → join → ratio that an analyst runs."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException
from scipy import stats

from tests.layers import table

ROOT = Path(__file__).resolve().parents[2]
SALES_CSV = ROOT / "resources" / "data" / "nev_sales_sample.csv"


def test_single_cohort_reproduces_weibull(run_alg):
    # 1,000 t sold in 2020; Weibull shape 2, scale 5 years; mid-year sales: the share retiring
    # in 2020 + a is F(a + ½) − F(a − ½), F(t) = 0 for t ≤ 0.
    sales = table(
        "field=地区:string&field=年份:integer&field=销量:double", [("广东省", 2020, 1000.0)]
    )
    res = run_alg(
        "retirement_forecast",
        {
            "INPUT": sales,
            "REGION_FIELD": "地区",
            "YEAR_FIELD": "年份",
            "SALES_FIELD": "销量",
            "SALES_UNIT": 1,
            "LIFETIME_SHAPE": 2.0,
            "LIFETIME_SCALE": 5.0,
            "START_YEAR": 2020,
            "END_YEAR": 2070,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    rows = {f["year"]: f for f in res["OUTPUT"].getFeatures()}
    weibull = stats.weibull_min(2.0, scale=5.0)
    for a in (0, 1, 4, 9):
        expected = 1000.0 * (weibull.cdf(a + 0.5) - weibull.cdf(max(a - 0.5, 0.0)))
        assert rows[2020 + a]["retired_t"] == pytest.approx(expected, rel=1e-9)
        # Energy: t × (45 kWh / 0.4 t) = 112.5 kWh per t, in GWh.
        assert rows[2020 + a]["retired_gwh"] == pytest.approx(expected * 112.5 / 1e6)
    assert rows[2020]["region"] == "440000" and rows[2020]["region_name"] == "广东"
    # Mass conservation: everything sold has retired by 2070.
    assert rows[2070]["cumulative_t"] == pytest.approx(1000.0, rel=1e-9)
    assert res["TOTAL_T"] == pytest.approx(1000.0, rel=1e-9)


def test_name_variants_are_one_region_and_vehicles_convert(run_alg, tmp_path):
    # 100 vehicles × 0.5 t = 50 t per cohort, three name forms of one province.
    sales = table(
        "field=p:string&field=y:integer&field=n:integer",
        [("广东省", 2015, 100), ("Guangdong", 2016, 100), ("廣東", 2017, 100)],
    )
    res = run_alg(
        "retirement_forecast",
        {
            "INPUT": sales,
            "REGION_FIELD": "p",
            "YEAR_FIELD": "y",
            "SALES_FIELD": "n",
            "SALES_UNIT": 0,
            "PACK_MASS": 0.5,
            "LIFETIME_MEAN": 8,
            "SECOND_MEAN": 6,
            "START_YEAR": 2015,
            "END_YEAR": 2100,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "WIDE_OUTPUT": "TEMPORARY_OUTPUT",
            "REPORT": str(tmp_path / "f.html"),
        },
    )
    feats = list(res["OUTPUT"].getFeatures())
    assert {f["region"] for f in feats} == {"440000"}
    scenarios = sorted({f["scenario"] for f in feats})
    assert len(scenarios) == 2 and scenarios[0].startswith("A") and scenarios[1].startswith("B")
    for scenario in scenarios:
        last = max((f for f in feats if f["scenario"] == scenario), key=lambda f: f["year"])
        assert last["cumulative_t"] == pytest.approx(150.0, rel=1e-9)
    wide = list(res["WIDE_OUTPUT"].getFeatures())
    assert len(wide) == 1 and "retired_2025_t_b" in wide[0].fields().names()
    by_year = {f["year"]: f["retired_t"] for f in feats if f["scenario"] == scenarios[0]}
    assert wide[0]["retired_2025_t"] == pytest.approx(by_year[2025])
    assert "<svg" in (tmp_path / "f.html").read_text(encoding="utf-8")


def test_bad_rows_name_the_feature_ids(run_alg):
    sales = table(
        "field=p:string&field=y:integer&field=s:double",
        [("北京", 2020, 10.0), ("北京市", 2020, 5.0), ("上海", 2021, -1.0)],
    )
    with pytest.raises(QgsProcessingException, match=r"negative sales: feature ids 3"):
        run_alg(
            "retirement_forecast",
            {
                "INPUT": sales,
                "REGION_FIELD": "p",
                "YEAR_FIELD": "y",
                "SALES_FIELD": "s",
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )


def write_csv(path: Path, rows: list[tuple]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)


def test_join_by_name_variants_loses_nothing(run_alg, sample_gpkg, tmp_path):
    path = tmp_path / "统计表.csv"
    write_csv(
        path,
        [
            ("省份", "数值"),
            ("Inner Mongolia", "1"),
            ("西藏自治区", "2"),
            ("廣東省", "3"),
            ("Shaanxi", "4"),
            ("Shanxi", "5"),
            ("Atlantis", "6"),
            ("广东", "7"),
            ("Hong Kong SAR", "8"),
        ],
    )
    res = run_alg(
        "join_region_table",
        {
            "INPUT": f"{sample_gpkg}|layername=provinces",
            "REGION_KEY_FIELD": "name_zh",
            "TABLE": str(path),
            "TABLE_KEY_FIELD": "省份",
            "MATCH_BY": 2,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "UNMATCHED": "TEMPORARY_OUTPUT",
        },
    )
    out = {f["adcode"]: f for f in res["OUTPUT"].getFeatures()}
    assert len(out) == 34
    expected = {"150000": 1, "540000": 2, "440000": 3, "610000": 4, "140000": 5, "810000": 8}
    for code, value in expected.items():
        assert out[code]["数值"] == value
    assert out["110000"]["join_how"] == "unmatched"
    # CSV text that holds only numbers comes out numeric.
    assert res["OUTPUT"].fields().field("数值").isNumeric()
    left = {f["省份"]: f["join_reason"] for f in res["UNMATCHED"].getFeatures()}
    assert left == {"Atlantis": "unmatched", "广东": "duplicate"}
    assert res["N_MATCHED"] == 6 and res["N_UNMATCHED_ROWS"] == 1
    assert res["N_DUPLICATE_ROWS"] == 1 and res["N_UNMATCHED_REGIONS"] == 28


def test_join_by_code_is_prefix_aware(run_alg, sample_gpkg):
    stats_table = table(
        "field=code:string&field=v:double", [(110000, 1.0), (110100, 2.0), ("4400", 3.0)]
    )
    res = run_alg(
        "join_region_table",
        {
            "INPUT": f"{sample_gpkg}|layername=provinces",
            "REGION_KEY_FIELD": "adcode",
            "TABLE": stats_table,
            "TABLE_KEY_FIELD": "code",
            "MATCH_BY": 1,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "UNMATCHED": "TEMPORARY_OUTPUT",
        },
    )
    out = {f["adcode"]: f for f in res["OUTPUT"].getFeatures()}
    assert out["110000"]["v"] == 1.0 and out["440000"]["v"] == 3.0
    assert out["440000"]["join_how"] == "code_prefix"
    assert [f["code"] for f in res["UNMATCHED"].getFeatures()] == ["110100"]


def test_sales_to_ratio_chain(run_alg, sample_gpkg):
    """Load the sales CSV, forecast, join to provinces and compute the 2030 ratio."""
    fc = run_alg(
        "retirement_forecast",
        {
            "INPUT": str(SALES_CSV),
            "REGION_FIELD": "province",
            "YEAR_FIELD": "year",
            "SALES_FIELD": "nev_sales",
            "START_YEAR": 2025,
            "END_YEAR": 2030,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "WIDE_OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    wide = res_rows = list(fc["WIDE_OUTPUT"].getFeatures())
    assert len(res_rows) == 31
    joined = run_alg(
        "join_region_table",
        {
            "INPUT": f"{sample_gpkg}|layername=provinces",
            "REGION_KEY_FIELD": "adcode",
            "TABLE": fc["WIDE_OUTPUT"],
            "TABLE_KEY_FIELD": "region",
            "MATCH_BY": 0,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    assert joined["N_MATCHED"] == 31
    ratio = run_alg(
        "retirement_capacity_ratio",
        {
            "INPUT": joined["OUTPUT"],
            "RETIREMENT_FIELD": "retired_2030_t",
            "CAPACITY_FIELD": "capacity_2030_t",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    by_code = {f["region"]: f["retired_2030_t"] for f in wide}
    out = {f["adcode"]: f for f in ratio["OUTPUT"].getFeatures()}
    assert out["440000"]["ratio"] == pytest.approx(
        by_code["440000"] / out["440000"]["capacity_2030_t"]
    )
    assert out["810000"]["ratio_class"] == "no_data"  # Hong Kong: no sales rows, no capacity
