"""Issue 12, numbers, in the core: totals that overflow count as not finite and name their rows;
statistics never clamp NaN; results that overflow are structured errors, never inf or NaN."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pytest

from battery_recycling_atlas.core import forecast as fc
from battery_recycling_atlas.core import stats
from battery_recycling_atlas.core.economics.model import (
    DEFAULT_PARAMS,
    plant_economics,
    prepare_plants,
)
from battery_recycling_atlas.core.errors import (
    NonFiniteResultError,
    NonFiniteValueError,
    SumOverflowError,
    check_total,
)
from battery_recycling_atlas.core.mismatch import bivariate, compliance, ratio
from battery_recycling_atlas.core.siting.allocation_params import SolverRangeError
from battery_recycling_atlas.core.siting.overflow import (
    SurfaceOverflowError,
    check_capacity,
    check_supply,
)
from battery_recycling_atlas.core.siting.solver import check_ranges
from battery_recycling_atlas.reports.html import fmt_p

HUGE = 1.7e308  # finite; two of them sum to inf
NAN = math.nan


def test_check_total_names_the_rows_that_overflow():
    # n = 4 finite values: the limit is max / 4 ≈ 4.5e307, so rows 0 and 2 (1.7e308) are named,
    # not row 3 (1.0); the NaN row 1 is skipped.
    with pytest.raises(SumOverflowError) as err:
        check_total(np.array([HUGE, NAN, HUGE, 1.0, 2.0]), "volume")
    assert err.value.which == "volume" and err.value.indices == [0, 2]
    assert isinstance(err.value, NonFiniteValueError)  # counted as not finite
    check_total(np.array([1e307, 1e307, NAN]), "volume")  # 2e307: finite, passes


def test_ols_that_overflows_is_undefined_not_clamped():
    # x = y = 1e200, 2e200, 4e200: the squared deviations overflow float64, so the fit is
    # undefined (None), never r = 1.
    reg = stats.ols([1e200, 2e200, 4e200], [1e200, 2e200, 4e200])
    assert reg.n == 3
    assert (reg.slope, reg.intercept, reg.r, reg.r2, reg.p_value) == (None,) * 5
    assert stats.pearson([1e200, 2e200, 4e200], [3.0, 1.0, 2.0]) == (None, None, 3)


def test_ols_still_exact_on_ordinary_data():
    # y = 1 + 2x plus residuals (0, +1, −1, 0) at x = 1..4: slope by hand
    # sxy / sxx = (Σ dx·dy) / (Σ dx²) with dx = −1.5, −.5, .5, 1.5; dy = y − ȳ.
    x, y = [1.0, 2.0, 3.0, 4.0], [3.0, 6.0, 6.0, 9.0]
    reg = stats.ols(x, y)
    dx = np.array(x) - 2.5
    dy = np.array(y) - 6.0
    assert reg.slope == pytest.approx(float(dx @ dy / (dx @ dx)))
    assert reg.r == pytest.approx(float(dx @ dy / math.sqrt((dx @ dx) * (dy @ dy))))
    assert 0.0 < reg.p_value < 1.0


def test_compliance_and_matching_refuse_totals_that_overflow():
    with pytest.raises(SumOverflowError) as err:
        compliance.capital_compliance([HUGE, HUGE, 5.0, 3.0], [1, 2, 3, 4])
    assert (err.value.which, err.value.indices) == ("capital", [0, 1])
    with pytest.raises(SumOverflowError) as err:
        bivariate.match([HUGE, 1.0, HUGE], [1, 2, 3])
    assert (err.value.which, err.value.indices) == ("volume", [0, 2])
    # A huge value on a row without outlets is not in the total: no overflow.
    result = bivariate.match([HUGE, 1.0, HUGE, 3.0], [1, 2, None, 1], k=2)
    assert result.vol_share[1] == pytest.approx(1.0 / (HUGE + 1.0 + 3.0))


def test_ratio_check_finite():
    with pytest.raises(NonFiniteValueError) as err:
        ratio.check_finite([1.0, 2.0, 3.0], [10.0, math.inf, 5.0])
    assert (err.value.which, err.value.indices) == ("capacity", [1])
    assert not isinstance(err.value, SumOverflowError)
    with pytest.raises(SumOverflowError) as err:
        ratio.check_finite([HUGE, HUGE, -HUGE], [1.0, 1.0, 1.0])  # negatives stay "invalid"
    assert (err.value.which, err.value.indices) == ("retirement", [0, 1])
    ratio.check_finite([-5.0, None, 3.0], [1.0, 2.0, None])  # negatives and nulls pass
    # compute_ratios itself still classes ±inf as invalid (unchanged rule).
    assert list(ratio.compute_ratios([math.inf], [1.0]).ratio_class) == ["invalid"]


def test_forecast_infinite_and_too_large_sales():
    params = fc.ForecastParams(2020, 2030, unit="t")
    with pytest.raises(fc.ForecastInputError) as err:
        fc.forecast(["A", "A", "B"], [2018, 2019, 2019], [math.inf, 1.0, NAN], params)
    assert err.value.problems == {"null_sales": [2], "infinite_sales": [0]}
    # 1 kWh per t: every row's GWh is finite, region A's total (2e308 t) is not.
    params = fc.ForecastParams(2020, 2030, unit="t", pack_mass_t=1.0, pack_energy_kwh=1.0)
    with pytest.raises(fc.ForecastInputError) as err:
        fc.forecast(["A", "A", "B"], [2018, 2019, 2019], [1e308, 1e308, 5.0], params)
    assert err.value.problems == {"too_large": [0, 1]}
    out = fc.forecast(["A", "A", "B"], [2018, 2019, 2019], [1e307, 1e307, 5.0], params)
    assert np.isfinite(out["cumulative_t"].to_numpy()).all()


def test_profit_that_overflows_is_a_structured_error():
    params = DEFAULT_PARAMS.with_values({"rm.li2co3_price": 1e306})
    with pytest.raises(NonFiniteResultError) as err:
        plant_economics(params, [20000.0, 30000.0], [10000.0, 10000.0])
    assert err.value.which == "profit" and err.value.indices == [0, 1]
    assert isinstance(err.value, FloatingPointError)  # what callers caught before


def test_surface_overflow_checks():
    econ = prepare_plants(DEFAULT_PARAMS, [30000.0], [30000.0]).values
    check_capacity(econ, 30000.0, np.float32)
    with pytest.raises(SurfaceOverflowError) as err:
        check_capacity(econ, 1e300, np.float32)
    assert err.value.which == "capacity" and err.value.precision == "float32"
    assert err.value.limit == pytest.approx(float(np.finfo(np.float32).max))
    p = SimpleNamespace(haul_radius_km=300.0, detour=1.3, transport_cost=1.2, border_fee=0.0)
    check_supply(np.array([30000.0, NAN, 10000.0]), p, 30, np.float32)
    with pytest.raises(SurfaceOverflowError) as err:
        check_supply(np.array([1e300, NAN, 10000.0]), p, 30, np.float32)
    assert (err.value.which, err.value.indices) == ("supply", [0])
    # Finite supply, but × 1e40 CNY per t·km it is not: the parameters are too large.
    dear = SimpleNamespace(haul_radius_km=300.0, detour=1.3, transport_cost=1e40, border_fee=0.0)
    with pytest.raises(SurfaceOverflowError) as err:
        check_supply(np.array([30000.0]), dear, 30, np.float32)
    assert (err.value.which, err.value.indices) == ("parameters", [])
    check_supply(np.array([30000.0]), dear, 30, np.float64)  # float64 holds it


def test_solver_ranges_refused_before_solving():
    with pytest.raises(SolverRangeError) as err:
        check_ranges(np.array([1.0, 1e13, NAN]), np.array([5.0]), 100.0, 1e4)
    assert (err.value.which, err.value.indices, err.value.limit) == ("supply_t", [1], 1e12)
    with pytest.raises(SumOverflowError) as err:
        check_ranges(np.array([1.0]), np.array([HUGE, HUGE]), 100.0, 1e4)
    assert err.value.which == "capacity_t"
    with pytest.raises(SolverRangeError) as err:
        check_ranges(np.array([1.0]), np.array([5.0]), 100.0, 1e16)
    assert (err.value.which, err.value.indices) == ("costs", [])
    check_ranges(np.array([1e12, NAN]), np.array([1e300]), 1e15, 1e4)  # at the limits


def test_reports_show_undefined_as_a_dash():
    assert fmt_p(NAN) == fmt_p(None) == "\u2014"
    assert fmt_p(0.5) == "0.5000"
