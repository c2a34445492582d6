"""Tests for core.uncertainty: Monte Carlo against analytic values where profit is linear in the
sampled parameter, seeded reproducibility, distributions, and the one-at-a-time tornado data."""

from __future__ import annotations

import math

import numpy as np
import pytest

from battery_recycling_atlas.core.economics import model as eco
from battery_recycling_atlas.core.economics import presets as ep
from battery_recycling_atlas.core.economics import uncertainty as unc
from battery_recycling_atlas.core.economics.model import DEFAULT_PARAMS as P
from battery_recycling_atlas.core.economics.uncertainty import ParameterRange

NCM = P.with_values({"feedstock.ncm_share": 1.0})  # route stays "recycle" over the Li range
LI = {"rm.li2co3_price": ParameterRange("rm.li2co3_price", 60_000, 80_000, 150_000)}
CAP, THR = [50_000.0, 80_000.0], [50_000.0, 50_000.0]  # break-even Li2CO3 58k and 74k


def profit_at(price):
    return eco.plant_economics(NCM.with_values({"rm.li2co3_price": price}), CAP, THR).profit


def test_mc_mean_percentiles_and_loss_probability_match_the_analytic_values():
    lo, mode, hi = 60_000.0, 80_000.0, 150_000.0
    res = unc.monte_carlo(NCM, CAP, THR, ranges=LI, n=40_000, seed=11)
    a, b = profit_at(0.0), (profit_at(1.0) - profit_at(0.0))  # profit = a + b·price, per plant
    mean_price = (lo + mode + hi) / 3.0
    sd_profit = np.abs(b) * math.sqrt(
        (lo**2 + mode**2 + hi**2 - lo * mode - lo * hi - mode * hi) / 18.0
    )
    assert np.all(np.abs(res.mean - (a + b * mean_price)) < 4 * sd_profit / math.sqrt(res.n))
    # triangular median (mode left of the middle): hi − sqrt((hi − lo)(hi − mode)/2)
    median_price = hi - math.sqrt((hi - lo) * (hi - mode) / 2.0)
    np.testing.assert_allclose(res.p50, a + b * median_price, rtol=0.01)

    def cdf(x):  # triangular CDF
        if x <= lo:
            return 0.0
        if x <= mode:
            return (x - lo) ** 2 / ((hi - lo) * (mode - lo))
        return 1.0 - (hi - x) ** 2 / ((hi - lo) * (hi - mode)) if x < hi else 1.0

    for i in range(2):
        expected = cdf(-a[i] / b[i])  # loss when price < break-even price (b > 0)
        assert res.p_loss[i] == pytest.approx(expected, abs=0.01)
    assert res.p_loss[0] == 0.0 and 0.05 < res.p_loss[1] < 0.5  # 62.5 % use: sometimes in loss
    assert np.all(res.p5 < res.p50) and np.all(res.p50 < res.p95)
    assert res.spearman["rm.li2co3_price"] == pytest.approx(1.0)
    summary = res.total_summary()
    assert summary["mean"] == pytest.approx(float(res.mean.sum()), rel=1e-9)
    assert all(isinstance(v, float) for v in summary.values())


def test_same_seed_same_draws_and_results():
    table = ep.load_parameter_table()
    ranges = table.ranges()
    first = unc.monte_carlo(P, CAP, THR, ranges=ranges, n=2_000, seed=2025)
    again = unc.monte_carlo(P, CAP, THR, ranges=ranges, n=2_000, seed=2025)
    other = unc.monte_carlo(P, CAP, THR, ranges=ranges, n=2_000, seed=2026)
    for name in ranges:
        np.testing.assert_array_equal(first.draws[name], again.draws[name])
    np.testing.assert_array_equal(first.total, again.total)
    np.testing.assert_array_equal(first.p50, again.p50)
    assert first.spearman == again.spearman
    assert not np.array_equal(first.total, other.total)


def test_block_size_does_not_change_the_result():
    caps = np.linspace(10_000, 300_000, 7)
    ranges = ep.load_parameter_table().ranges()
    big = unc.monte_carlo(P, caps, utilization=0.4, ranges=ranges, n=500, seed=1)
    small = unc.monte_carlo(
        P, caps, utilization=0.4, ranges=ranges, n=500, seed=1, max_elements=1_000
    )
    np.testing.assert_allclose(small.p5, big.p5)
    np.testing.assert_allclose(small.total, big.total)
    np.testing.assert_allclose(small.p_loss, big.p_loss)


def test_mc_agrees_with_the_plant_model_draw_by_draw():
    ranges = ep.load_parameter_table().ranges()
    res = unc.monte_carlo(P, CAP, THR, ranges=ranges, n=5, seed=3)
    for j in range(5):
        params = P.with_values({k: float(v[j]) for k, v in res.draws.items()})
        total = eco.plant_economics(params, CAP, THR).profit.sum()
        assert res.total[j] == pytest.approx(total, rel=1e-10)


def test_per_plant_overrides_move_with_the_draw():
    res = unc.monte_carlo(
        NCM,
        [50_000.0] * 2,
        [50_000.0] * 2,
        ranges=LI,
        n=20_000,
        seed=5,
        overrides={"rm.li2co3_price": [80_000.0, 160_000.0]},
    )
    mean_price = (60_000 + 80_000 + 150_000) / 3.0
    expected = [profit_at(mean_price)[0], profit_at(2 * mean_price)[0]]
    np.testing.assert_allclose(res.mean, expected, rtol=0.01)


@pytest.mark.parametrize(
    "dist, mean, sd",
    [
        ("uniform", 1.0, 1.0 / math.sqrt(3.0)),
        ("normal", 1.0, 2.0 / (2 * unc.Z95)),
        ("triangular", 1.0, math.sqrt(3.0 / 18.0)),
    ],
)
def test_distributions_have_the_stated_moments(dist, mean, sd):
    r = ParameterRange("sg.subsidy", 1000.0, 2000.0, 3000.0, dist)
    draws = unc.sample_ranges({"sg.subsidy": r}, 100_000, seed=9)["sg.subsidy"] / 1000.0 - 1.0
    assert draws.mean() == pytest.approx(mean, abs=0.01)
    assert draws.std() == pytest.approx(sd, rel=0.02)


def test_draws_are_clipped_to_physical_bounds():
    r = ParameterRange("rm.rec_li", 0.9, 0.97, 1.0, "normal")
    draws = r.sample(np.random.default_rng(0), 10_000)
    assert draws.max() == 1.0 and draws.min() > 0.8
    fixed = ParameterRange("rm.rec_li", 0.9, 0.9, 0.9, "fixed").sample(np.random.default_rng(0), 3)
    assert fixed.tolist() == [0.9, 0.9, 0.9]


def test_non_finite_profit_is_never_returned_silently():
    with pytest.raises(FloatingPointError, match="plants \\[1\\]"):
        unc.monte_carlo(P, [50_000.0, 1e308], [50_000.0, 1e308], ranges=LI, n=10, seed=1)


def test_bad_ranges_are_refused():
    with pytest.raises(eco.ParameterError, match="low <= value <= high"):
        ParameterRange("rm.rec_li", 0.95, 0.9, 0.99)
    with pytest.raises(eco.ParameterError, match="unknown"):
        ParameterRange("rm.gold", 1.0, 2.0, 3.0)
    with pytest.raises(eco.ParameterError, match="distribution"):
        ParameterRange("rm.rec_li", 0.8, 0.9, 0.99, "lognormal")
    with pytest.raises(eco.ParameterError, match="fixed"):
        ParameterRange("feedstock.include_purchase", 0.0, 1.0, 1.0, "uniform")
    with pytest.raises(ValueError, match=">= 1"):
        unc.sample_ranges(LI, 0)


def test_tornado_from_ranges_is_exact_for_a_linear_parameter_and_sorted():
    ranges = ep.load_parameter_table().ranges()
    res = unc.sensitivity(NCM, CAP, THR, ranges=ranges)
    assert res.mode == "range"
    assert res.base_profit == pytest.approx(float(eco.plant_economics(NCM, CAP, THR).profit.sum()))
    swings = [r.swing for r in res.rows]
    assert swings == sorted(swings, reverse=True)
    li = next(r for r in res.rows if r.name == "rm.li2co3_price")
    assert (li.low_value, li.high_value) == (60_000.0, 150_000.0)
    assert li.profit_low == pytest.approx(float(profit_at(60_000.0).sum()))
    assert li.profit_high == pytest.approx(float(profit_at(150_000.0).sum()))
    assert li.term == "Rm" and li.unit == "CNY/t"
    assert {r.name for r in res.rows} <= set(ranges)


def test_tornado_plus_minus_20_percent():
    res = unc.sensitivity(NCM, CAP, THR, percent=0.2)
    names = {r.name for r in res.rows}
    assert "plant.fixed_share_cp" not in names and "feedstock.include_purchase" not in names
    rec = next(r for r in res.rows if r.name == "rm.rec_li")
    assert (rec.low_value, rec.high_value) == pytest.approx((0.72, 1.0))  # clipped at 1
    price = next(r for r in res.rows if r.name == "rm.li2co3_price")
    assert (price.low_value, price.high_value) == pytest.approx((64_000.0, 96_000.0))
    assert price.profit_high > res.base_profit > price.profit_low
    with pytest.raises(ValueError):
        unc.sensitivity(NCM, CAP, THR, percent=1.5)


def test_tornado_moves_per_plant_overrides_by_the_same_ratio():
    li = [80_000.0, 120_000.0]
    res = unc.sensitivity(NCM, CAP, THR, percent=0.2, overrides={"rm.li2co3_price": li})
    row = next(r for r in res.rows if r.name == "rm.li2co3_price")
    expected = eco.plant_economics(
        NCM, CAP, THR, overrides={"rm.li2co3_price": [x * 1.2 for x in li]}
    ).profit.sum()
    assert row.profit_high == pytest.approx(float(expected))


def test_kept_plant_draws_match_the_per_plant_statistics():
    cap, thr = [10_000.0, 60_000.0, 30_000.0], [8_000.0, 50_000.0, 20_000.0]
    ranges = ep.load_parameter_table().ranges()
    res = unc.monte_carlo(P, cap, thr, ranges=ranges, n=1_500, seed=3, max_elements=2_000)
    assert unc.median_capacity_index(cap) == 2 and list(res.plant_draws) == [2]
    draws = res.plant_draws[2]
    assert draws.shape == (1_500,)
    assert np.percentile(draws, 5) == pytest.approx(res.p5[2], rel=1e-12)
    assert np.percentile(draws, 95) == pytest.approx(res.p95[2], rel=1e-12)
    assert np.mean(draws < 0) == res.p_loss[2]
    both = unc.monte_carlo(P, cap, thr, ranges=ranges, n=1_500, seed=3, keep=[0, 1])
    assert sorted(both.plant_draws) == [0, 1]
    np.testing.assert_array_equal(both.p50, res.p50)  # keeping draws changes nothing else
    assert unc.monte_carlo(P, cap, thr, ranges=ranges, n=10, seed=3, keep=()).plant_draws == {}
    with pytest.raises(eco.InputError, match="keep"):
        unc.monte_carlo(P, cap, thr, ranges=ranges, n=10, seed=3, keep=[3])
