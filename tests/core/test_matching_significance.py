"""The binomial test of too few outlets in ``core.bivariate.match`` (issue 13): p_fewer against
scipy's binomial CDF, q_fewer against a hand-written Benjamini–Hochberg, nulls kept."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from battery_recycling_atlas.core.mismatch import bivariate as bv


def _bh(p: list[float]) -> list[float]:
    """Benjamini–Hochberg by hand: sort, m p_(i) / i, running minimum from the largest, cap 1."""
    order = sorted(range(len(p)), key=lambda i: p[i])
    m = len(p)
    q = [0.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, p[i] * m / rank)
        q[i] = running
    return q


def test_p_and_q_against_scipy_and_hand_bh():
    rng = np.random.default_rng(1313)
    volume = rng.lognormal(8, 1.2, 60)
    outlets = rng.poisson(volume / volume.sum() * 900 * rng.lognormal(0, 0.5, 60)).astype(float)
    volume[7], outlets[11] = np.nan, np.nan  # no_data rows
    r = bv.match(volume, outlets, k=3, alpha=0.1)
    valid = np.isfinite(volume) & np.isfinite(outlets)
    n = int(outlets[valid].sum())
    share = volume[valid] / volume[valid].sum()
    p = stats.binom.cdf(outlets[valid], n, share)
    assert np.allclose(r.outlets_expected[valid], n * share, rtol=1e-12)
    assert np.allclose(r.p_fewer[valid], p, rtol=1e-10, atol=0)
    q = np.array(_bh(p.tolist()))
    assert np.allclose(r.q_fewer[valid], q, rtol=1e-10, atol=0)
    assert [v for v, ok in zip(r.under_sig.tolist(), valid) if ok] == (q < 0.1).tolist()
    for i in (7, 11):  # rows without both values keep NULLs
        assert math.isnan(r.p_fewer[i]) and math.isnan(r.q_fewer[i])
        assert math.isnan(r.outlets_expected[i]) and r.under_sig[i] is None
    sig = r.under_sig_summary()
    hit = np.flatnonzero(valid)[q < 0.1]
    assert sig["n"] == hit.size > 0
    assert sig["volume"] == pytest.approx(volume[hit].sum())


def test_a_large_gap_inside_one_class_is_found():
    # Like the 22-city table: 17.8 % of the volume but 10 % of 400 outlets. The big
    # city is alone in the top class of both shares: balanced by class, yet 40 outlets against
    # 71.2 expected stays far below chance after the adjustment over 22 cities.
    volume = np.array([178.0] + [822.0 / 21] * 21)
    outlets = np.array([40.0] + [360.0 / 21] * 21)
    outlets[1:] = np.round(outlets[1:])
    outlets[1] += 400 - outlets.sum()
    r = bv.match(volume, outlets, k=3)
    n = int(outlets.sum())
    assert r.p_fewer[0] == pytest.approx(stats.binom.cdf(40, n, 178.0 / volume.sum()))
    assert r.under_sig[0] is True and r.match_type[0] != "under_served"


def test_non_integer_counts_skip_the_test():
    r = bv.match([10, 20, 30], [1.5, 2, 3])
    assert not r.counts_integral
    assert np.isnan(r.p_fewer).all() and np.isnan(r.q_fewer).all()
    assert all(v is None for v in r.under_sig.tolist())
    assert np.allclose(r.outlets_expected, 6.5 * np.array([10, 20, 30]) / 60)


def test_alpha_is_validated():
    with pytest.raises(ValueError, match="alpha"):
        bv.match([1, 2, 3], [1, 2, 3], alpha=1.5)
