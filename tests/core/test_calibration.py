"""Tests for core.calibration: recovery of known scale-curve parameters from synthetic data,
standard errors against the closed form of a linear fit, fit statistics and bad input."""

from __future__ import annotations

import numpy as np
import pytest

from battery_recycling_atlas.core.economics import calibration as cal
from battery_recycling_atlas.core.economics import model as eco
from battery_recycling_atlas.core.economics.model import DEFAULT_PARAMS as P

TRUE = {"scale.q0": 8.0, "scale.k": 0.3, "scale.lam": 0.5, "plant.fixed_cost_ref": 1.5e8}
SIGMA = 300.0  # CNY/t of noise on the observed unit costs


def synthetic(seed, n=60, capacity=False):
    rng = np.random.default_rng(seed)
    truth = P.with_values(TRUE)
    if capacity:
        cap = rng.uniform(20_000, 300_000, n)
        thr = cap * rng.uniform(0.1, 1.0, n)
    else:
        cap, thr = None, np.geomspace(3_000, 300_000, n)
    cost = cal.model_unit_cost(truth, thr, cap) + rng.normal(0.0, SIGMA, n)
    return thr, cost, cap


@pytest.mark.parametrize("with_capacity", [False, True])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_recovers_known_parameters_within_their_standard_errors(seed, with_capacity):
    thr, cost, cap = synthetic(seed, capacity=with_capacity)
    res = cal.fit_scale_curve(thr, cost, P, capacity=cap)  # starts from the defaults
    assert res.success and res.n == 60
    for name, true in TRUE.items():
        se = res.std_errors[name]
        assert se is not None and 0 < se < 0.1 * true
        assert abs(res.estimates[name] - true) <= 3.5 * se, name
    assert res.r2 > 0.99
    assert res.rmse == pytest.approx(SIGMA, rel=0.3)
    np.testing.assert_allclose(res.fitted + res.residuals, cost)


def test_exact_data_is_fitted_exactly_and_result_is_usable():
    thr = np.geomspace(2_000, 400_000, 25)
    cost = cal.model_unit_cost(P, thr)
    start = P.with_values(
        {"scale.q0": 15.0, "scale.k": 0.1, "scale.lam": 0.3, "plant.fixed_cost_ref": 5e8}
    )
    res = cal.fit_scale_curve(thr, cost, start)
    for name in cal.FIT_PARAMETERS:
        assert res.estimates[name] == pytest.approx(P.values()[name], rel=1e-5)
    assert res.rmse < 1e-3 and res.r2 == pytest.approx(1.0)
    assert res.params.with_values(res.estimates) == res.params
    np.testing.assert_allclose(res.curve(thr), res.fitted)
    assert isinstance(res.r2, float) and isinstance(res.rmse, float)


def test_standard_error_matches_closed_form_for_the_linear_fixed_cost_fit():
    # With only the fixed cost fitted, u = a(T) + F/T is linear in F: F̂ and its SE are OLS.
    thr, cost, _ = synthetic(7)
    res = cal.fit_scale_curve(thr, cost, P, names=["plant.fixed_cost_ref"])
    x = 1.0 / thr
    a = cal.model_unit_cost(P.with_values({"plant.fixed_cost_ref": 0.0}), thr)
    f_hat = float(x @ (cost - a) / (x @ x))
    resid = cost - a - f_hat * x
    se = float(np.sqrt(resid @ resid / (thr.size - 1) / (x @ x)))
    assert res.estimates["plant.fixed_cost_ref"] == pytest.approx(f_hat, rel=1e-6)
    assert res.std_errors["plant.fixed_cost_ref"] == pytest.approx(se, rel=1e-4)


def test_null_rows_are_skipped_and_reported():
    thr, cost, _ = synthetic(4, n=20)
    thr = thr.tolist()
    cost = cost.tolist()
    thr[3], cost[5] = None, float("nan")
    res = cal.fit_scale_curve(thr, cost)
    assert res.n == 18 and 3 not in res.used and 5 not in res.used


def test_bad_input_is_refused():
    with pytest.raises(eco.InputError) as info:
        cal.fit_scale_curve([1_000.0, -5.0, 2_000.0, 0.0, 3_000.0, 4_000.0], [30_000.0] * 6)
    assert info.value.name == "throughput" and info.value.indices == [1, 3]
    with pytest.raises(eco.InputError, match="more than 4 rows"):
        cal.fit_scale_curve([1e3, 2e3, 3e3, 4e3], [3e4, 2e4, 1.5e4, 1.2e4])
    with pytest.raises(eco.InputError, match="values for"):
        cal.fit_scale_curve([1e3, 2e3], [3e4])
    with pytest.raises(eco.ParameterError) as err:
        cal.fit_scale_curve([1e3] * 6, [3e4] * 6, names=["rm.li2co3_price"])
    assert err.value.name == "rm.li2co3_price"


def test_the_sample_observed_table_is_fitted_well():
    import csv
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "resources" / "data" / "observed_unit_costs.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["plant", "throughput_t", "unit_cost_cny_t", "illustrative"]
    assert 10 <= len(rows) <= 30 and all(r["illustrative"] == "1" for r in rows)
    fit = cal.fit_scale_curve(
        [float(r["throughput_t"]) for r in rows], [float(r["unit_cost_cny_t"]) for r in rows]
    )
    assert fit.success and fit.n == len(rows)
    assert fit.r2 > 0.8
    # The table was generated from the defaults (Q0 = 10, λ = 0.54) with 4 % noise: the fit
    # lands near them and within three standard errors, not on a bound.
    for name, true in (("scale.q0", 10.0), ("scale.lam", 0.54)):
        se = fit.std_errors[name]
        assert se is not None and abs(fit.estimates[name] - true) < 3 * se
    assert 0.0 < fit.estimates["scale.lam"] < 1.0
