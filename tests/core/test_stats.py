"""Tests for core.stats: OLS and Pearson against hand-computed values and scipy."""

from __future__ import annotations

import math

import numpy as np
import pytest

from battery_recycling_atlas.core import stats

# Hand case used below: x = 1, 2, 3, 4; y = 2, 4, 5, 4.
# x̄ = 2.5, ȳ = 3.75; dx = -1.5, -0.5, 0.5, 1.5; dy = -1.75, 0.25, 1.25, 0.25
# Sxx = 2.25 + 0.25 + 0.25 + 2.25 = 5
# Sxy = 2.625 - 0.125 + 0.625 + 0.375 = 3.5
# Syy = 3.0625 + 0.0625 + 1.5625 + 0.0625 = 4.75
# slope = 3.5 / 5 = 0.7; intercept = 3.75 - 0.7 * 2.5 = 2.0
# r = 3.5 / sqrt(5 * 4.75) = 3.5 / sqrt(23.75); r² = 12.25 / 23.75 = 49/95
# t² = r² (n-2) / (1 - r²) = (49/95) * 2 / (46/95) = 49/23, so t = 7 / sqrt(23)
# With 2 df the t tail is closed-form: P(|T| > t) = 1 - t / sqrt(t² + 2)
#   = 1 - (7/√23) / sqrt(95/23) = 1 - 7 / sqrt(95)
HAND_X = [1.0, 2.0, 3.0, 4.0]
HAND_Y = [2.0, 4.0, 5.0, 4.0]
HAND_R = 3.5 / math.sqrt(23.75)
HAND_P = 1.0 - 7.0 / math.sqrt(95.0)


def _all_plain(reg: stats.Regression) -> None:
    assert type(reg.n) is int
    for value in (reg.slope, reg.intercept, reg.r, reg.r2, reg.p_value):
        assert value is None or type(value) is float


def test_ols_hand_computed_four_points():
    reg = stats.ols(HAND_X, HAND_Y)
    assert reg.n == 4
    assert reg.slope == pytest.approx(0.7)
    assert reg.intercept == pytest.approx(2.0)
    assert reg.r == pytest.approx(HAND_R)
    assert reg.r2 == pytest.approx(49.0 / 95.0)
    assert reg.p_value == pytest.approx(HAND_P, rel=1e-9)
    assert reg.defined
    _all_plain(reg)


def test_ols_perfect_fits_three_points():
    # y = 1 + 2x exactly: r = 1, residuals 0, so t is infinite and p = 0.
    up = stats.ols([0, 1, 2], [1, 3, 5])
    assert (up.slope, up.intercept, up.r, up.r2, up.p_value) == pytest.approx((2, 1, 1, 1, 0))
    # y = 4 - x exactly: slope -1, r = -1.
    down = stats.ols([1, 2, 3], [3, 2, 1])
    assert (down.slope, down.intercept, down.r, down.p_value) == pytest.approx((-1, 4, -1, 0))
    _all_plain(up)
    _all_plain(down)


def test_ols_drops_non_finite_pairs():
    # The hand case plus pairs with None / NaN / inf on either side: same result, n = 4.
    x = [1, None, 2, 3, float("nan"), 4, 5, float("inf")]
    y = [2, 9, 4, 5, 7, 4, None, 1]
    reg = stats.ols(x, y)
    assert reg.n == 4
    assert reg.slope == pytest.approx(0.7)
    assert reg.p_value == pytest.approx(HAND_P, rel=1e-9)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_ols_matches_scipy_linregress(seed):
    from scipy.stats import linregress

    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 500_000, size=60)
    y = 0.4 - 3e-7 * x + rng.normal(0, 0.1, size=60)
    ref = linregress(x, y)
    reg = stats.ols(x, y)
    assert reg.n == 60
    assert reg.slope == pytest.approx(ref.slope, rel=1e-10)
    assert reg.intercept == pytest.approx(ref.intercept, rel=1e-10)
    assert reg.r == pytest.approx(ref.rvalue, rel=1e-10)
    assert reg.r2 == pytest.approx(ref.rvalue**2, rel=1e-10)
    assert reg.p_value == pytest.approx(ref.pvalue, rel=1e-8, abs=1e-300)
    _all_plain(reg)


@pytest.mark.parametrize(
    "x, y, n",
    [
        ([], [], 0),
        ([1.0], [2.0], 1),
        ([1.0, 2.0], [2.0, 5.0], 2),  # two points: a line, but no df left
        ([1.0, 2.0, None], [2.0, 5.0, 3.0], 2),  # third pair has a null
        ([3.0, 3.0, 3.0], [1.0, 2.0, 3.0], 3),  # x without variance
        ([1.0, 2.0, 3.0], [0.5, 0.5, 0.5], 3),  # y without variance
    ],
)
def test_ols_undefined(x, y, n):
    reg = stats.ols(x, y)
    assert reg == stats.Regression(n=n)
    assert reg.slope is reg.intercept is reg.r is reg.r2 is reg.p_value is None
    assert not reg.defined
    assert stats.pearson(x, y) == (None, None, n)


def test_pearson_hand_case():
    r, p, n = stats.pearson(HAND_X, HAND_Y)
    assert n == 4 and type(n) is int
    assert r == pytest.approx(HAND_R)
    assert p == pytest.approx(HAND_P, rel=1e-9)
    assert type(r) is float and type(p) is float


def test_pearson_matches_scipy():
    from scipy.stats import pearsonr

    rng = np.random.default_rng(7)
    x = rng.normal(size=40)
    y = 0.3 * x + rng.normal(size=40)
    r, p, n = stats.pearson(x, y)
    ref_r, ref_p = pearsonr(x, y)
    assert n == 40
    assert r == pytest.approx(ref_r, rel=1e-10)
    assert p == pytest.approx(ref_p, rel=1e-8)


def test_input_errors():
    with pytest.raises(ValueError):
        stats.ols([1, 2, 3], [1, 2])
    with pytest.raises(ValueError):
        stats.ols([1, "a", 3], [1, 2, 3])
    with pytest.raises(ValueError):
        stats.ols([[1, 2], [3, 4]], [[1, 2], [3, 4]])


def test_to_float_array_handles_missing_markers():
    pd = pytest.importorskip("pandas")
    arr = stats.to_float_array(pd.Series([1, None, pd.NA, 2.5], dtype=object))
    assert arr.dtype == np.float64
    assert np.array_equal(np.isnan(arr), [False, True, True, False])
    assert arr[0] == 1.0 and arr[3] == 2.5


def test_core_errors_are_structured_and_keep_their_text():
    # Adapters translate from the class and its fields; the English text stays as it was.
    from battery_recycling_atlas.core import errors, forecast
    from battery_recycling_atlas.core.mismatch import classify, compliance, ratio

    with pytest.raises(errors.NonNumericValueError) as err:
        stats.to_float_array([1.0, "x"], "volume")
    assert (err.value.which, err.value.indices, err.value.value) == ("volume", [1], "x")
    assert str(err.value) == "volume: item 1 is not a number: 'x'"
    with pytest.raises(errors.LengthMismatchError) as err:
        compliance.capital_compliance([1, 2], [1])
    assert err.value.lengths == (2, 1) and err.value.indices == []
    assert str(err.value) == "capital and firms differ in length: 2 != 1"
    with pytest.raises(errors.SettingError) as err:
        classify.compute_breaks([1.0, 2.0, 3.0], 1, "quantile")
    assert err.value.name == "k" and str(err.value) == "number of classes must be at least 2, got 1"
    with pytest.raises(errors.SettingError) as err:
        ratio.parse_thresholds("0.2,0.8")
    assert err.value.name == "thresholds" and isinstance(err.value, errors.ParameterError)
    with pytest.raises(errors.SettingError) as err:
        forecast.ForecastParams(start_year=2030, end_year=2025)
    assert (
        err.value.name == "start_year"
        and str(err.value) == "start year 2030 is after end year 2025"
    )
    with pytest.raises(errors.NonFiniteValueError) as err:
        classify.natural_breaks([1.0, float("nan"), float("inf")], 2)
    assert err.value.indices == [2]
