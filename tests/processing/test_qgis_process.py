"""The algorithm through the real ``qgis_process`` command line, as scripts and models run it."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest
from osgeo import ogr

from tests.layers import write_gpkg

ROOT = Path(__file__).resolve().parents[2]


def unit_square(i: int) -> str:
    """WKT of the unit square from (i, 0) to (i + 1, 1)."""
    return f"POLYGON(({i} 0,{i + 1} 0,{i + 1} 1,{i} 1,{i} 0))"


def write_regions(path: Path) -> None:
    """Three squares in EPSG:4326 with Chinese field names: ratios 0.1, 0.5 and 1.2."""
    fields = [("名称", ogr.OFTString), ("退役量", ogr.OFTReal), ("产能", ogr.OFTReal)]
    rows = (("甲", 10, 100), ("乙", 50, 100), ("丙", 240, 200))
    write_gpkg(
        path,
        "区域",
        4326,
        ogr.wkbPolygon,
        fields,
        [(unit_square(i), *r) for i, r in enumerate(rows)],
    )


def test_ratio_from_the_command_line(run_cli, tmp_path):
    folder = tmp_path / "中文 路径"
    folder.mkdir()
    regions = folder / "区域.gpkg"
    write_regions(regions)
    out, report = folder / "比率.gpkg", folder / "报告.html"
    results = run_cli(
        "retirement_capacity_ratio",
        f"INPUT={regions}",
        "RETIREMENT_FIELD=退役量",
        "CAPACITY_FIELD=产能",
        "THRESHOLDS=0.2,0.8,1.0",
        f"OUTPUT={out}",
        f"REPORT={report}",
    )
    # Ratios 0.1, 0.5, 1.2: median 0.5, one of three below 0.2, national 300/400.
    assert results["N_VALID"] == 3
    assert results["MEDIAN_RATIO"] == pytest.approx(0.5)
    assert results["SHARE_BELOW"] == pytest.approx(1 / 3)
    assert results["NATIONAL_RATIO"] == pytest.approx(0.75)
    # OLS by hand: x = 100, 100, 200; y = 0.1, 0.5, 1.2, slope = Sxy / Sxx:
    # mean x = 400/3, mean y = 0.6; Sxx = 2·(100/3)² + (200/3)² = 60000/9; Sxy = (−100/3)(−0.5)
    # + (−100/3)(−0.1) + (200/3)(0.6) = 180/3 = 60 → slope = 60 / (60000/9) = 0.009.
    assert results["SLOPE"] == pytest.approx(0.009)
    assert results["INTERCEPT"] == pytest.approx(0.6 - 0.009 * 400 / 3)
    # Elasticity: linregress of ln retirement on ln capacity; t interval (1 df) by hand.
    from scipy import stats

    ref = stats.linregress(np.log([100, 100, 200]), np.log([10, 50, 240]))
    half = stats.t.ppf(0.975, 1) * ref.stderr
    assert results["ELASTICITY"] == pytest.approx(ref.slope)
    assert results["ELASTICITY_LOW"] == pytest.approx(ref.slope - half)
    assert results["ELASTICITY_HIGH"] == pytest.approx(ref.slope + half)
    assert results["P_PROPORTIONAL"] == pytest.approx(
        2 * stats.t.sf(abs(ref.slope - 1) / ref.stderr, 1)
    )
    ds = ogr.Open(str(out))
    got = {
        f.GetField("名称"): (f.GetField("ratio"), f.GetField("ratio_class")) for f in ds.GetLayer(0)
    }
    del ds
    assert got == {
        "甲": (pytest.approx(0.1), "severe_idle"),
        "乙": (pytest.approx(0.5), "under_used"),
        "丙": (pytest.approx(1.2), "shortage"),
    }
    assert "甲" in report.read_text(encoding="utf-8")


def test_help_lists_the_parameters(qgis_process):
    proc = qgis_process("help", "battery_recycling:retirement_capacity_ratio")
    assert proc.returncode == 0, proc.stderr
    for key in (
        "INPUT",
        "RETIREMENT_FIELD",
        "CAPACITY_FIELD",
        "PLANTS",
        "PLANT_CAPACITY_FIELD",
        "THRESHOLDS",
        "OUTPUT",
        "REPORT",
        "MEDIAN_RATIO",
        "P_VALUE",
    ):
        assert key in proc.stdout


def write_cities(path: Path) -> None:
    """Five squares with Chinese field names; the last has a NULL volume (no_data)."""
    fields = [
        ("名称", ogr.OFTString),
        ("退役量", ogr.OFTReal),
        ("网点", ogr.OFTInteger),
        ("资本", ogr.OFTReal),
    ]
    rows = (
        ("A", 10, 10, 100),
        ("B", 10, 10, 300),
        ("C", 40, 10, 0),
        ("D", 40, 40, 600),
        ("E", None, 5, None),
    )
    write_gpkg(
        path,
        "城市",
        4326,
        ogr.wkbPolygon,
        fields,
        [(unit_square(i), *r) for i, r in enumerate(rows)],
    )


def test_matching_and_compliance_from_the_command_line(run_cli, tmp_path):
    cities = tmp_path / "城市.gpkg"
    write_cities(cities)
    # Volume shares .1 .1 .4 .4 and outlet shares 1/7 1/7 1/7 4/7 (hand-computed in
    # test_matching_algorithms.py): k = 2 natural breaks → only C is under-served.
    res = run_cli(
        "natural_breaks_matching",
        f"INPUT={cities}",
        "VOLUME_FIELD=退役量",
        "OUTLETS_FIELD=网点",
        "CLASSES=2",
        "METHOD=0",
        "PALETTE=1",
        f"OUTPUT={tmp_path / '匹配.gpkg'}",
        "ALPHA=0.01",
    )
    assert [float(v) for v in res["VOL_BREAKS"].split(",")] == pytest.approx([0.1, 0.1, 0.4])
    assert res["N_UNDER_SERVED"] == 1 and res["UNDER_SERVED_T"] == pytest.approx(40)
    # Binomial: C has 10 of 70 outlets against 0.4 × 70 = 28 expected; P(X <= 10) × 4 (BH,
    # smallest of four p-values) is far below 0.01; no other city has fewer than expected.
    from scipy import stats

    assert res["N_UNDER_SIG"] == 1 and res["UNDER_SIG_T"] == pytest.approx(40)
    ds = ogr.Open(str(tmp_path / "匹配.gpkg"))
    types = {f.GetField("名称"): f.GetField("match_type") for f in ds.GetLayer(0)}
    tested = {
        f.GetField("名称"): (f.GetField("p_fewer"), f.GetField("under_sig")) for f in ds.GetLayer(0)
    }
    del ds
    assert tested["C"][0] == pytest.approx(stats.binom.cdf(10, 70, 0.4))
    assert tested["C"][1] == 1 and tested["A"][1] == 0 and tested["E"] == (None, None)
    assert types == {
        "A": "balanced",
        "B": "balanced",
        "C": "under_served",
        "D": "balanced",
        "E": "no_data",
    }
    # Capital 100, 300, 0, 600 against outlets as a stand-in firm count 10, 10, 10, 40.
    res = run_cli(
        "capital_compliance",
        f"INPUT={cities}",
        "CAPITAL_FIELD=资本",
        "WHITELIST_FIELD=网点",
        "OUTPUT=TEMPORARY_OUTPUT",
    )
    assert res["N"] == 4
    assert res["PEARSON_R"] == pytest.approx(
        float(np.corrcoef([100, 300, 0, 600], [10, 10, 10, 40])[0, 1])
    )


def test_forecast_from_the_command_line(run_cli, tmp_path):
    sales = ROOT / "resources" / "data" / "nev_sales_sample.csv"
    res = run_cli(
        "retirement_forecast",
        f"INPUT={sales}",
        "REGION_FIELD=province",
        "YEAR_FIELD=year",
        "SALES_FIELD=nev_sales",
        "START_YEAR=2025",
        "END_YEAR=2025",
        "SECOND_MEAN=6",
        f"OUTPUT={tmp_path / 'forecast.gpkg'}",
    )
    assert res["N_REGIONS"] == 31
    # 2025 retirements are a fraction of all vehicles sold to 2025 × 0.4 t.
    with open(sales, encoding="utf-8") as f:
        sold_t = sum(int(r["nev_sales"]) for r in csv.DictReader(f)) * 0.4
    assert 0 < res["TOTAL_T"] < sold_t


def test_economics_from_the_command_line(run_cli, tmp_path):
    plants = f"{ROOT / 'resources' / 'data' / 'china_sample.gpkg'}|layername=whitelist_plants"
    res = run_cli(
        "plant_profit",
        f"INPUT={plants}",
        "CAPACITY_FIELD=capacity_t",
        "UTILIZATION=0.5",
        "LI2CO3_PRICE=90000",
        f"OUTPUT={tmp_path / 'profit.gpkg'}",
    )
    ds = ogr.Open(str(tmp_path / "profit.gpkg"))
    rows = [
        (f.GetField("capacity_t"), f.GetField("throughput_t"), f.GetField("profit"))
        for f in ds.GetLayer(0)
    ]
    del ds
    assert len(rows) == 156
    assert all(t == pytest.approx(0.5 * c) for c, t, _ in rows)
    assert res["TOTAL_PROFIT"] == pytest.approx(sum(p for _, _, p in rows))
    assert res["TOTAL_THROUGHPUT"] == pytest.approx(0.5 * sum(c for c, _, _ in rows))

    costs = ROOT / "resources" / "data" / "observed_unit_costs.csv"
    fit = run_cli(
        "calibrate_scale_curve",
        f"INPUT={costs}",
        "THROUGHPUT_FIELD=throughput_t",
        "UNIT_COST_FIELD=unit_cost_cny_t",
        f"OUTPUT={tmp_path / '拟合.json'}",
    )
    assert fit["R2"] > 0.8 and fit["N"] == 20
    assert (
        json.loads((tmp_path / "拟合.json").read_text(encoding="utf-8"))["format"]
        == "battery_recycling_atlas.economics"
    )

    mc = run_cli(
        "profit_uncertainty",
        f"INPUT={plants}",
        "CAPACITY_FIELD=capacity_t",
        "UTILIZATION=0.5",
        "N_SIMULATIONS=500",
        "SEED=3",
        f"PARAMETERS_FILE={tmp_path / '拟合.json'}",
        "OUTPUT=TEMPORARY_OUTPUT",
    )
    assert mc["TOTAL_P5"] <= mc["TOTAL_P50"] <= mc["TOTAL_P95"]
    assert 0.0 <= mc["P_LOSS_TOTAL"] <= 1.0
