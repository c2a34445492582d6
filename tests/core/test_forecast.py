"""Tests for core.forecast (cohort retirement) and core.report_forecast (HTML report)."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from battery_recycling_atlas.core import forecast as fc
from battery_recycling_atlas.core.forecast import ForecastInputError, ForecastParams, Lifetime
from battery_recycling_atlas.core.regions.names import canonical_region_key
from battery_recycling_atlas.reports.forecast import forecast_report_html

SAMPLE_CSV = Path(__file__).resolve().parents[2] / "resources" / "data" / "nev_sales_sample.csv"


def weibull(lifetime: Lifetime):
    return stats.weibull_min(c=lifetime.shape, scale=lifetime.scale)


def test_enumerations_and_defaults_are_stable():
    assert fc.SALES_UNITS == ("vehicles", "t", "gwh")
    assert fc.TIMINGS[0] == "mid_year"
    assert fc.FORECAST_COLUMNS == ("region", "year", "retired_t", "retired_gwh", "cumulative_t")
    for key in ("pack_mass_t", "pack_energy_kwh", "weibull_shape", "mean_life_years"):
        default = fc.DEFAULTS[key]
        assert default.value > 0 and default.unit and len(default.source) > 40
    assert 3.0 <= fc.DEFAULT_LIFETIME.shape <= 4.0
    assert fc.DEFAULT_LIFETIME.mean == pytest.approx(8.0, rel=1e-12)


@pytest.mark.parametrize("mean, shape", [(8.0, 3.5), (6.0, 2.0), (10.0, 1.2), (5.0, 6.0)])
def test_from_mean_matches_scipy_mean(mean, shape):
    lifetime = Lifetime.from_mean(mean, shape)
    assert weibull(lifetime).mean() == pytest.approx(mean, rel=1e-12)
    assert lifetime.mean == pytest.approx(mean, rel=1e-12)
    ages = np.array([-1.0, 0.0, 0.5, 3.0, 8.0, 20.0, 60.0])
    np.testing.assert_allclose(lifetime.cdf(ages), weibull(lifetime).cdf(ages), rtol=1e-13)
    np.testing.assert_allclose(lifetime.sf(ages), weibull(lifetime).sf(ages), rtol=1e-12)
    assert isinstance(lifetime.cdf(8.0), float)


@pytest.mark.parametrize("bad", [0, -1, float("nan"), float("inf"), "x", None])
def test_lifetime_rejects_bad_parameters(bad):
    with pytest.raises(ValueError):
        Lifetime(shape=bad, scale=8.0)
    with pytest.raises(ValueError):
        Lifetime.from_mean(bad, 3.0)


@pytest.mark.parametrize("timing", fc.TIMINGS)
def test_single_cohort_reproduces_weibull_probabilities(timing):
    lifetime = Lifetime(shape=3.2, scale=9.0)
    params = ForecastParams(
        2015,
        2060,
        unit="vehicles",
        pack_mass_t=0.5,
        pack_energy_kwh=60.0,
        lifetime=lifetime,
        timing=timing,
    )
    df = fc.forecast(["A"], [2015], [1000.0], params)
    ages = np.arange(0, 46, dtype=float)
    dist = weibull(lifetime)
    if timing == "mid_year":
        expected = dist.cdf(ages + 0.5) - dist.cdf(np.maximum(ages - 0.5, 0.0))
    else:
        expected = dist.cdf(ages + 1.0) - dist.cdf(ages)
    np.testing.assert_allclose(
        df["retired_t"].to_numpy() / (1000 * 0.5), expected, rtol=1e-10, atol=1e-15
    )
    np.testing.assert_allclose(
        df["retired_gwh"].to_numpy() / (1000 * 60.0 / 1e6), expected, rtol=1e-10, atol=1e-15
    )
    np.testing.assert_allclose(
        fc.retirement_probabilities(lifetime, 45, timing), expected, rtol=1e-10, atol=1e-15
    )


def test_probabilities_sum_to_one():
    lifetime = fc.DEFAULT_LIFETIME
    p = fc.retirement_probabilities(lifetime, 200)
    assert p.sum() == pytest.approx(1.0, abs=1e-14)
    assert p[0] == pytest.approx(lifetime.cdf(0.5), rel=1e-12)
    short = fc.retirement_probabilities(lifetime, 6)
    assert short.sum() == pytest.approx(lifetime.cdf(6.5), rel=1e-12)
    tail = fc.retirement_probabilities(lifetime, 6, include_tail=True)
    assert tail.sum() == pytest.approx(1.0, abs=1e-15)
    assert tail[-1] == pytest.approx(lifetime.sf(5.5), rel=1e-12)
    assert (fc.retirement_probabilities(Lifetime(0.8, 3.0), 400) >= 0).all()


@pytest.mark.parametrize("unit", fc.SALES_UNITS)
def test_mass_conservation_over_a_long_horizon(unit):
    rng = np.random.default_rng(7)
    regions = [r for r in "ABCDE" for _ in range(14)]
    years = list(range(2012, 2026)) * 5
    sales = rng.uniform(0, 1e5, size=len(years))
    params = ForecastParams(
        2012,
        2200,
        unit=unit,
        pack_mass_t=0.4,
        pack_energy_kwh=45.0,
        lifetime=Lifetime.from_mean(8.0, 3.5),
    )
    df = fc.forecast(regions, years, sales, params)
    sales_t, sales_gwh = fc.to_tonnes_gwh(sales, unit, 0.4, 45.0)
    by_region = df.groupby("region", sort=False)
    for k, region in enumerate("ABCDE"):
        rows = slice(14 * k, 14 * (k + 1))
        assert by_region["retired_t"].sum()[region] == pytest.approx(sales_t[rows].sum(), rel=1e-9)
        assert by_region["retired_gwh"].sum()[region] == pytest.approx(
            sales_gwh[rows].sum(), rel=1e-9
        )
        assert by_region["cumulative_t"].last()[region] == pytest.approx(
            sales_t[rows].sum(), rel=1e-9
        )
    assert df["retired_t"].sum() == pytest.approx(sales_t.sum(), rel=1e-9)


def test_mass_conservation_on_the_sample_csv():
    sample = pd.read_csv(SAMPLE_CSV, dtype={"province_adcode": str})
    keys = [canonical_region_key(v) for v in sample["province"]]
    assert keys == list(sample["province_adcode"])
    df = fc.forecast(keys, sample["year"], sample["nev_sales"], ForecastParams(2012, 2150))
    total_t = sample["nev_sales"].sum() * fc.DEFAULTS["pack_mass_t"].value
    assert df["retired_t"].sum() == pytest.approx(total_t, rel=1e-9)
    assert len(df) == 31 * (2150 - 2012 + 1)


def test_unit_conversions_by_hand():
    # 1,000 vehicles × 0.4 t = 400 t; × 45 kWh = 45,000 kWh = 0.045 GWh; 112.5 kWh per t.
    t, gwh = fc.to_tonnes_gwh([1000.0], "vehicles", 0.4, 45.0)
    assert (t[0], gwh[0]) == pytest.approx((400.0, 0.045))
    t, gwh = fc.to_tonnes_gwh([400.0], "t", 0.4, 45.0)
    assert (t[0], gwh[0]) == pytest.approx((400.0, 0.045))
    t, gwh = fc.to_tonnes_gwh([0.045], "GWh", 0.4, 45.0)
    assert (t[0], gwh[0]) == pytest.approx((400.0, 0.045))
    assert ForecastParams(2020, 2030, pack_mass_t=0.4, pack_energy_kwh=45).kwh_per_t == 112.5


def test_pack_by_year_overrides_only_its_cohort():
    params = ForecastParams(2010, 2300, unit="vehicles", pack_mass_t=0.4, pack_energy_kwh=45)
    df = fc.forecast(
        ["A", "A"],
        [2015, 2016],
        [100, 100],
        params,
        pack_by_year={2015: (0.6, 70.0), 2016: (None, 50.0), 2099: (1.0, 1.0)},
    )
    assert df["retired_t"].sum() == pytest.approx(100 * 0.6 + 100 * 0.4, rel=1e-12)
    assert df["retired_gwh"].sum() == pytest.approx((100 * 70 + 100 * 50) / 1e6, rel=1e-12)
    with pytest.raises(ValueError):
        fc.forecast(["A"], [2015], [1], params, pack_by_year={2015: (-1.0, 50.0)})


def test_every_region_and_year_and_cumulative_from_first_sales_year():
    params = ForecastParams(2020, 2024, unit="t")
    df = fc.forecast(
        ["B", "A", "B", "C"], [2010, 2018, 2012, 2030], [50, 10, 20, 99], params, scenario="base"
    )
    assert list(df.columns) == [*fc.FORECAST_COLUMNS, "scenario"]
    assert list(df["region"].unique()) == ["B", "A", "C"]  # order of first appearance
    assert list(df["year"]) == list(range(2020, 2025)) * 3
    assert (df["scenario"] == "base").all()
    # C's only cohort is after the end year: zero rows, never missing rows.
    assert (df.loc[df["region"] == "C", ["retired_t", "cumulative_t"]] == 0).all().all()
    b = df[df["region"] == "B"]
    full = fc.forecast(["B", "B"], [2010, 2012], [50, 20], ForecastParams(2010, 2024, unit="t"))
    np.testing.assert_allclose(b["cumulative_t"], full["retired_t"].cumsum().to_numpy()[-5:])
    assert b["cumulative_t"].iloc[0] > b["retired_t"].iloc[0]  # earlier retirements count


def test_bad_rows_are_reported_with_their_indices():
    params = ForecastParams(2020, 2030)
    with pytest.raises(ForecastInputError) as err:
        fc.forecast(
            ["A", "A", None, "B", "C", "D", "A"],
            [2015, 2016, 2015, 2015.5, 2015, 2015, 2016],
            [1, -5, 1, 1, None, float("nan"), 2],
            params,
        )
    e = err.value
    assert isinstance(e, ValueError)
    assert e.problems == {
        "null_region": [2],
        "invalid_year": [3],
        "null_sales": [4, 5],
        "negative_sales": [1],
        "duplicate": [1, 6],
    }
    assert e.duplicates == {("A", 2016): [1, 6]}
    assert e.rows == [1, 2, 3, 4, 5, 6]
    with pytest.raises(ValueError):
        fc.forecast(["A"], [2015, 2016], [1], params)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"unit": "kg"},
        {"start_year": 2031},
        {"timing": "end"},
        {"pack_mass_t": 0},
        {"pack_energy_kwh": float("nan")},
        {"start_year": 2020.5},
        {"end_year": 4000},
    ],
)
def test_params_are_validated(kwargs):
    base = {"start_year": 2020, "end_year": 2030}
    with pytest.raises(ValueError):
        ForecastParams(**{**base, **kwargs})
    assert ForecastParams(2020, 2030, unit="GWh").unit == "gwh"


def _two_scenarios():
    keys = ["440000", "440000", "330000", "110000", "110000"]
    years = [2016, 2018, 2017, 2015, 2019]
    sales = [1000, 3000, 2000, 1500, 500]
    base = ForecastParams(2018, 2032)
    fast = dataclasses.replace(base, lifetime=Lifetime.from_mean(6.0, 3.5))
    return pd.concat(
        [
            fc.forecast(keys, years, sales, base, scenario="base"),
            fc.forecast(keys, years, sales, fast, scenario="fast"),
        ]
    )


def test_report_has_charts_spread_and_translated_strings():
    df = _two_scenarios()
    html = forecast_report_html(
        df,
        title="Forecast <test>",
        scenario_names=["base", "fast"],
        tr=lambda s: "«" + s + "»",
        notes=["Illustrative"],
        region_labels={"440000": "广东省", "330000": "浙江省"},
    )
    assert html.startswith("<!DOCTYPE html>") and "Forecast &lt;test&gt;" in html
    assert html.count("<svg") == 2
    assert "«Totals»" in html and "«Scenario comparison»" in html and "广东省" in html
    totals = df.groupby(["year", "scenario"])["retired_t"].sum().unstack()
    ratio = (totals.max(axis=1) / totals.min(axis=1)).loc[2024]
    assert f"{ratio:,.2f}" in html
    assert "Illustrative" in html


def test_report_with_one_scenario_and_without_rows():
    df = _two_scenarios()
    single = df[df["scenario"] == "base"].drop(columns="scenario")
    html = forecast_report_html(single, title="One")
    assert "Only one scenario" in html and html.count("<svg") == 2
    empty = forecast_report_html(single.iloc[0:0], title="Empty")
    assert "nothing to report" in empty and "<svg" not in empty
    assert math.isfinite(single["retired_t"].sum())
