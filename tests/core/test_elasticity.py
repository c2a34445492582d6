"""Log–log elasticity (retirement on capacity), the NaN rule of the p-values and the
Benjamini–Hochberg adjustment, against scipy and hand computation (issue 13)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats as sp

from battery_recycling_atlas.core.mismatch import ratio
from battery_recycling_atlas.core.stats import _slope_p_value, bh_adjust, elasticity, ols


def _reference(cap, ret):
    """linregress on the logs of the pairs > 0; CI and p of slope = 1 by hand from its stderr."""
    cap, ret = np.asarray(cap, float), np.asarray(ret, float)
    keep = (cap > 0) & (ret > 0)
    ref = sp.linregress(np.log(cap[keep]), np.log(ret[keep]))
    df = int(keep.sum()) - 2
    tcrit = sp.t.ppf(0.975, df)
    p_one = 2 * sp.t.sf(abs(ref.slope - 1) / ref.stderr, df)
    return ref, ref.slope - tcrit * ref.stderr, ref.slope + tcrit * ref.stderr, p_one


@pytest.mark.parametrize("seed", range(5))
def test_capacity_elasticity_equals_linregress_on_the_logs(seed):
    rng = np.random.default_rng(130 + seed)
    n = int(rng.integers(5, 40))
    cap = rng.lognormal(10, 1.5, n)
    ret = cap ** rng.uniform(0.2, 1.2) * rng.lognormal(0, 0.7, n)
    cap[0], ret[1] = 0.0, 0.0  # left out: no logarithm
    fit = ratio.capacity_elasticity(ratio.compute_ratios(ret, cap))
    ref, low, high, p_one = _reference(cap, ret)
    assert fit.n == n - 2
    assert fit.slope == pytest.approx(ref.slope, rel=1e-10)
    assert fit.intercept == pytest.approx(ref.intercept, rel=1e-10, abs=1e-10)
    assert fit.se == pytest.approx(ref.stderr, rel=1e-10)
    assert fit.low == pytest.approx(low, rel=1e-10)
    assert fit.high == pytest.approx(high, rel=1e-10)
    assert fit.p_proportional == pytest.approx(p_one, rel=1e-9)
    assert fit.r2 == pytest.approx(ref.rvalue**2, rel=1e-10)


def test_proportional_placement_gives_slope_one_and_a_large_p():
    # ret = 0.2 · cap · noise with symmetric log noise: slope 1 up to the noise.
    cap = np.array([1e3, 2e3, 4e3, 8e3, 16e3, 32e3])
    ret = 0.2 * cap * np.exp([0.1, -0.1, 0.1, -0.1, 0.1, -0.1])
    fit = elasticity(cap, ret)
    assert fit.low < 1.0 < fit.high
    assert fit.p_proportional > 0.05


def test_perfect_power_law_has_a_vanishing_interval():
    cap = np.array([1.0, 10.0, 100.0, 1000.0])
    fit = elasticity(cap, 3.0 * cap**0.5)
    assert fit.slope == pytest.approx(0.5)
    assert fit.low == pytest.approx(0.5) and fit.high == pytest.approx(0.5)
    assert fit.p_proportional < 1e-12


def test_undefined_with_fewer_than_three_positive_pairs():
    fit = elasticity([1.0, 2.0, 0.0, 5.0], [1.0, 3.0, 4.0, -1.0])
    assert fit.n == 2 and fit.slope is None and fit.p_proportional is None


def test_p_value_nan_stays_nan_not_one():
    # A NaN statistic must never be reported as p = 1 (min(1.0, nan) is 1.0 in Python).
    assert math.isnan(_slope_p_value(float("nan"), 1.0, 1.0, 5))
    reg = ols([1.0, 2.0, 3.0, 4.0], [1.0, 3.0, 2.0, 5.0])
    ref = sp.linregress([1.0, 2.0, 3.0, 4.0], [1.0, 3.0, 2.0, 5.0])
    assert reg.p_value == pytest.approx(ref.pvalue) and reg.r == pytest.approx(ref.rvalue)


def _bh_by_hand(p):
    """Benjamini–Hochberg written out: q_(i) = min_{j >= i} m p_(j) / j, capped at 1."""
    idx = [i for i, v in enumerate(p) if v == v]
    m = len(idx)
    ranked = sorted(idx, key=lambda i: p[i])
    q = [float("nan")] * len(p)
    for pos, i in enumerate(ranked):
        q[i] = min(1.0, min(p[ranked[j]] * m / (j + 1) for j in range(pos, m)))
    return q


def test_bh_adjust_matches_hand_computation():
    rng = np.random.default_rng(13)
    p = rng.uniform(0, 1, 25) ** 3
    p[[3, 9]] = np.nan
    p[5] = p[6]  # a tie
    q = bh_adjust(p)
    expected = _bh_by_hand(p.tolist())
    assert np.allclose(q, expected, rtol=1e-12, equal_nan=True)
    assert np.isnan(q[3]) and np.isnan(q[9])
