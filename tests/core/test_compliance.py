"""Tests for core.compliance: shares, compliance index, no-whitelist flags, correlations."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats as sp_stats

from battery_recycling_atlas.core.errors import NegativeValueError, NonFiniteValueError
from battery_recycling_atlas.core.mismatch import compliance as cc

# Row 3: capital null; row 4: firms null -> both leave the totals and get null shares.
# Known rows 0, 1, 2, 5: capital total = 100+50+0+20 = 170, firms total = 2+0+3+4 = 9.
CAPITAL = [100, 50, 0, None, 30, 20]
FIRMS = [2, 0, 3, 1, None, 4]
NAN = math.nan


def test_shares_and_index_by_hand():
    r = cc.capital_compliance(CAPITAL, FIRMS)
    assert r.capital_share == pytest.approx(
        [100 / 170, 50 / 170, 0.0, NAN, NAN, 20 / 170], nan_ok=True
    )
    assert r.whitelist_share == pytest.approx([2 / 9, 0.0, 3 / 9, NAN, NAN, 4 / 9], nan_ok=True)
    # row 0: (2/9) / (100/170) = 340/900; row 1: 0 / (50/170) = 0; row 2: capital 0 -> null;
    # row 5: (4/9) / (20/170) = 680/180
    assert r.compliance_index == pytest.approx(
        [340 / 900, 0.0, NAN, NAN, NAN, 680 / 180], nan_ok=True
    )
    assert r.no_whitelist.tolist() == [False, True, False, False, False, False]
    assert r.null_firms.tolist() == [False, False, False, False, True, False]
    assert r.n == 4 and type(r.n) is int
    assert len(r) == 6


def test_correlations_match_scipy():
    r = cc.capital_compliance(CAPITAL, FIRMS)
    x, y = [100, 50, 0, 20], [2, 0, 3, 4]  # the rows with both values
    pr, pp = sp_stats.pearsonr(x, y)
    sr, sp = sp_stats.spearmanr(x, y)
    assert r.pearson_r == pytest.approx(pr) and r.pearson_p == pytest.approx(pp)
    assert r.spearman_r == pytest.approx(sr) and r.spearman_p == pytest.approx(sp)
    for value in (r.pearson_r, r.pearson_p, r.spearman_r, r.spearman_p):
        assert type(value) is float


def test_correlations_on_a_larger_sample_with_ties():
    rng = np.random.default_rng(7)
    capital = rng.gamma(2.0, 5e9, 31)
    firms = rng.poisson(4, 31).astype(float)  # many ties
    r = cc.capital_compliance(capital, firms)
    assert r.pearson_r == pytest.approx(sp_stats.pearsonr(capital, firms)[0])
    assert r.pearson_p == pytest.approx(sp_stats.pearsonr(capital, firms)[1])
    assert r.spearman_r == pytest.approx(sp_stats.spearmanr(capital, firms)[0])
    assert r.spearman_p == pytest.approx(sp_stats.spearmanr(capital, firms)[1])
    assert r.n == 31


def test_undefined_correlations_are_none():
    few = cc.capital_compliance([1, 2, None], [1, 2, 3])  # n = 2
    assert few.n == 2
    assert (few.pearson_r, few.pearson_p, few.spearman_r, few.spearman_p) == (None,) * 4
    flat = cc.capital_compliance([1, 2, 3, 4], [2, 2, 2, 2])  # firms constant
    assert flat.n == 4 and flat.pearson_r is None and flat.spearman_r is None


def test_zero_firm_total_makes_whitelist_share_null():
    r = cc.capital_compliance([10, 30], [0, 0])
    assert r.capital_share == pytest.approx([0.25, 0.75])
    assert np.isnan(r.whitelist_share).all() and np.isnan(r.compliance_index).all()
    assert r.no_whitelist.tolist() == [True, True]


def test_negative_and_infinite_values_name_the_rows():
    with pytest.raises(NegativeValueError) as err:
        cc.capital_compliance([1, -5, 2, -1], [1, 1, 1, 1])
    assert err.value.which == "capital" and err.value.indices == [1, 3]
    with pytest.raises(NegativeValueError) as err:
        cc.capital_compliance([1, 2], [-1, None])
    assert err.value.which == "firms" and err.value.indices == [0]
    with pytest.raises(NonFiniteValueError) as err:
        cc.capital_compliance([1, math.inf], [1, 1])
    assert err.value.which == "capital" and err.value.indices == [1]
    with pytest.raises(ValueError, match="differ in length"):
        cc.capital_compliance([1, 2], [1])


def test_output_values_and_order():
    # the arrays the algorithm writes (NaN is NULL in the output)
    r = cc.capital_compliance(CAPITAL, FIRMS)
    assert r.compliance_index[0] == pytest.approx(340 / 900)
    assert not r.no_whitelist[0] and r.capital_share.dtype == np.float64
    assert math.isnan(r.compliance_index[2])  # capital 0
    assert r.no_whitelist[1]
    row4 = (r.capital_share[4], r.whitelist_share[4], r.compliance_index[4])
    assert all(math.isnan(x) for x in row4) and not r.no_whitelist[4]
    # defined indices: row 5 (3.78), row 0 (0.378), row 1 (0)
    assert cc.compliance_order(r).tolist() == [5, 0, 1]
    assert cc.compliance_order(r, most=False).tolist() == [1, 0, 5]


def test_spearman_helper_skips_nulls():
    rho, p, n = cc.spearman([1, 2, None, 4, 5], [5, 6, 7, None, 9])
    assert n == 3
    assert rho == pytest.approx(sp_stats.spearmanr([1, 2, 5], [5, 6, 9])[0])
