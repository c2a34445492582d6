"""Tests for core.ratio: classes, boundaries, undefined cases, summary, regression, parsing."""

from __future__ import annotations

import math

import numpy as np
import pytest

from battery_recycling_atlas.core.mismatch import ratio
from battery_recycling_atlas.core.mismatch.ratio import RatioThresholds

NAN = float("nan")
INF = float("inf")


def classes(retirement, capacity, thresholds=ratio.DEFAULT_THRESHOLDS):
    return list(ratio.compute_ratios(retirement, capacity, thresholds).ratio_class)


def test_class_codes_and_colours_are_stable():
    assert ratio.RATIO_CLASSES == (
        "severe_idle",
        "under_used",
        "tight",
        "shortage",
        "no_capacity",
        "no_data",
        "invalid",
    )
    assert list(ratio.RATIO_CLASS_COLORS) == list(ratio.RATIO_CLASSES)
    assert ratio.RATIO_CLASS_COLORS["severe_idle"] == "#5e3c99"
    assert ratio.RATIO_CLASS_COLORS["shortage"] == "#e66101"
    assert ratio.RATIO_CLASS_COLORS["invalid"] == "#ffffff"
    assert ratio.RATIO_CLASS_EDGE_COLORS["invalid"] != ratio.RATIO_CLASS_EDGE_COLORS["tight"]


def test_hand_computed_ratios():
    # 654 / 4233 = 0.154500..., 3 / 12 = 0.25, 90 / 100 = 0.9, 300 / 200 = 1.5
    res = ratio.compute_ratios([654, 3, 90, 300], [4233, 12, 100, 200])
    assert res.ratio == pytest.approx([654 / 4233, 0.25, 0.9, 1.5])
    assert list(res.ratio_class) == ["severe_idle", "under_used", "tight", "shortage"]
    assert res.retirement.dtype == res.capacity.dtype == res.ratio.dtype == np.float64
    assert res.ratio_class.dtype == object
    assert len(res) == 4


def test_boundaries_default_thresholds():
    # Capacity 100 t: 19.999/100 = 0.19999 < 0.2; 20/100 = 0.2 exactly (correctly rounded
    # division gives the same double as the literal 0.2) -> under_used; 79.99 -> 0.7999;
    # 80/100 = 0.8 -> tight; 100/100 = 1.0 -> tight; 100.00001/100 = 1.0000001 -> shortage.
    ret = [19.999, 20, 79.99, 80, 100, 100.00001]
    got = classes(ret, [100] * 6)
    assert got == ["severe_idle", "under_used", "under_used", "tight", "tight", "shortage"]
    # Same boundaries with capacity 1 (ratio = retirement).
    got = classes([0.2, 0.8, 1.0, 1.0000001, 0.19999999], [1] * 5)
    assert got == ["under_used", "tight", "tight", "shortage", "severe_idle"]


@pytest.mark.parametrize(
    "retirement, capacity, expected",
    [
        (None, 100, "no_data"),  # retirement null
        (NAN, 100, "no_data"),
        (None, None, "no_data"),
        (None, 0, "no_data"),
        (0, 0, "no_data"),  # nothing retires and no capacity: nothing to say
        (0, None, "no_data"),
        (50, 0, "no_capacity"),  # retirements but no plant
        (50, None, "no_capacity"),
        (50, NAN, "no_capacity"),
        (0, 100, "severe_idle"),  # 0 / 100 = 0, a defined ratio
        (-1, 100, "invalid"),  # negative retirement
        (10, -5, "invalid"),  # negative capacity
        (-1, None, "invalid"),  # negative wins over null
        (None, -1, "invalid"),
        (-0.5, 0, "invalid"),
        (INF, 100, "invalid"),  # infinite values are invalid, not "huge"
        (10, INF, "invalid"),
        (-INF, 100, "invalid"),
        (None, INF, "invalid"),
        (1e300, 1e-300, "invalid"),  # quotient overflows to inf
    ],
)
def test_undefined_and_invalid_cases(retirement, capacity, expected):
    res = ratio.compute_ratios([retirement], [capacity])
    assert list(res.ratio_class) == [expected]
    if expected == "severe_idle":
        assert res.ratio[0] == 0.0
    else:
        assert math.isnan(res.ratio[0])


def test_custom_thresholds_including_tight_equal_to_shortage():
    t = RatioThresholds(idle=0.1, tight=0.5, shortage=0.5)
    # ratios 0.05, 0.1, 0.3, 0.5, 0.5001, 2.0
    got = classes([5, 10, 30, 50, 50.01, 200], [100] * 6, t)
    assert got == ["severe_idle", "under_used", "under_used", "tight", "shortage", "shortage"]
    t2 = RatioThresholds(0.3, 0.6, 1.5)
    # ratios 0.25, 0.3, 0.9, 1.5, 1.6
    got = classes([25, 30, 90, 150, 160], [100] * 5, t2)
    assert got == ["severe_idle", "under_used", "tight", "tight", "shortage"]


@pytest.mark.parametrize(
    "args",
    [
        (0.0, 0.8, 1.0),  # idle must be > 0
        (-0.1, 0.8, 1.0),
        (0.8, 0.2, 1.0),  # idle < tight
        (0.5, 0.5, 1.0),
        (0.2, 0.8, 0.7),  # tight <= shortage
        (NAN, 0.8, 1.0),
        (0.2, 0.8, INF),
        ("a", 0.8, 1.0),
    ],
)
def test_threshold_validation(args):
    with pytest.raises(ValueError):
        RatioThresholds(*args)


def test_inputs_not_modified_and_accepts_arrays_and_series():
    pd = pytest.importorskip("pandas")
    ret = np.array([10.0, -1.0, np.nan])
    cap = np.array([100.0, 5.0, 3.0])
    ret_copy, cap_copy = ret.copy(), cap.copy()
    res = ratio.compute_ratios(ret, cap)
    assert np.array_equal(ret, ret_copy, equal_nan=True)
    assert np.array_equal(cap, cap_copy)
    assert list(res.ratio_class) == ["severe_idle", "invalid", "no_data"]
    res2 = ratio.compute_ratios(pd.Series([30, None, pd.NA], dtype=object), pd.Series([100, 1, 2]))
    assert list(res2.ratio_class) == ["under_used", "no_data", "no_data"]
    assert res2.ratio[0] == pytest.approx(0.3)


def test_length_mismatch_and_non_numbers():
    with pytest.raises(ValueError):
        ratio.compute_ratios([1, 2], [1])
    with pytest.raises(ValueError):
        ratio.compute_ratios(["x"], [1])


def test_million_rows_vectorised():
    # A repeating pattern of 5 rows x 200,000: counts must be exact.
    pattern_ret = [10, 50, 90, 200, 5]
    pattern_cap = [100, 100, 100, 100, 0]
    k = 200_000
    res = ratio.compute_ratios(np.tile(pattern_ret, k), np.tile(pattern_cap, k))
    summary = ratio.summarize(res)
    assert summary.n_regions == 1_000_000
    assert summary.class_counts == {
        "severe_idle": k,
        "under_used": k,
        "tight": k,
        "shortage": k,
        "no_capacity": k,
        "no_data": 0,
        "invalid": 0,
    }


def test_summary_by_hand():
    # A 10/100 = 0.1 severe_idle   B 30/100 = 0.3 under_used   C 90/100 = 0.9 tight
    # D 150/100 = 1.5 shortage     E 50/0 no_capacity          F None/100 no_data
    # G -5/10 invalid              H 0/0 no_data
    ret = [10, 30, 90, 150, 50, None, -5, 0]
    cap = [100, 100, 100, 100, 0, 100, 10, 0]
    res = ratio.compute_ratios(ret, cap)
    s = ratio.summarize(res, RatioThresholds())
    assert s.n_regions == 8
    assert s.n_valid == 4
    assert s.median == pytest.approx(0.6)  # even count: (0.3 + 0.9) / 2
    assert s.mean == pytest.approx(0.7)  # (0.1 + 0.3 + 0.9 + 1.5) / 4 = 2.8 / 4
    assert s.share_below == pytest.approx(0.25)  # only 0.1 < 0.2: 1 of 4
    # National: regions with both values known and >= 0 are A B C D E H (F: retirement null,
    # G: negative). (10 + 30 + 90 + 150 + 50 + 0) / (100 * 4 + 0 + 0) = 330 / 400 = 0.825
    assert s.national_ratio == pytest.approx(0.825)
    assert s.class_counts == {
        "severe_idle": 1,
        "under_used": 1,
        "tight": 1,
        "shortage": 1,
        "no_capacity": 1,
        "no_data": 2,
        "invalid": 1,
    }
    assert list(s.class_counts) == list(ratio.RATIO_CLASSES)
    for value in (s.median, s.mean, s.share_below, s.national_ratio):
        assert type(value) is float
    assert all(type(v) is int for v in s.class_counts.values())
    assert type(s.n_regions) is int and type(s.n_valid) is int


def test_summary_share_uses_given_idle_threshold():
    res = ratio.compute_ratios([10, 30, 90, 150], [100] * 4)
    # idle 0.35: 0.1 and 0.3 are below -> 2 of 4
    s = ratio.summarize(res, RatioThresholds(0.35, 0.8, 1.0))
    assert s.share_below == pytest.approx(0.5)


def test_summary_national_ratio_like_the_source():
    # Source A: 654 kt recycled over 4.233 Mt capacity nationally = 15.45 % (< 20 %).
    # Split into a region with capacity and one without: the no_capacity region's 54 kt count.
    res = ratio.compute_ratios([600_000, 54_000], [4_233_000, 0])
    s = ratio.summarize(res)
    assert s.national_ratio == pytest.approx(654_000 / 4_233_000)
    assert s.n_valid == 1 and s.median == pytest.approx(600_000 / 4_233_000)


def test_summary_without_defined_ratios():
    # None/100 -> no_data, 5/0 -> no_capacity: no ratio, and the known capacity sum is 0.
    s = ratio.summarize(ratio.compute_ratios([None, 5], [100, 0]))
    assert (s.n_regions, s.n_valid) == (2, 0)
    assert s.median is s.mean is s.share_below is s.national_ratio is None
    assert s.class_counts["no_data"] == 1 and s.class_counts["no_capacity"] == 1
    empty = ratio.summarize(ratio.compute_ratios([], []))
    assert empty.n_regions == 0 and empty.national_ratio is None


def test_ratio_regression_uses_defined_ratios_only():
    # Capacities 1000..4000 t with ratios 0.2, 0.4, 0.5, 0.4 (retirement = cap * ratio).
    # This is the stats hand case scaled: x' = 1000 x, y' = y / 10, so
    # slope = 0.7 / 10 / 1000 = 7e-5 per t, intercept = 2.0 / 10 = 0.2, r = 3.5 / sqrt(23.75).
    # Undefined rows (no_data, no_capacity, invalid) must not enter: n = 4.
    ret = [200, 800, 1500, 1600, None, 700, -1]
    cap = [1000, 2000, 3000, 4000, 5000, 0, 100]
    reg = ratio.ratio_regression(ratio.compute_ratios(ret, cap))
    assert reg.n == 4
    assert reg.slope == pytest.approx(7e-5)
    assert reg.intercept == pytest.approx(0.2)
    assert reg.r == pytest.approx(3.5 / math.sqrt(23.75))
    assert reg.p_value == pytest.approx(1 - 7 / math.sqrt(95))


def test_ratio_regression_undefined_with_two_regions():
    reg = ratio.ratio_regression(ratio.compute_ratios([10, 20, 5], [100, 100, 0]))
    assert reg.n == 2 and reg.slope is None and reg.r is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("0.2,0.8,1.0", (0.2, 0.8, 1.0)),
        (" 0.2 , 0.8 , 1.0 ", (0.2, 0.8, 1.0)),
        ("0.2，0.8，1", (0.2, 0.8, 1.0)),  # full-width commas
        ("0.2， 0.8 ，1.0", (0.2, 0.8, 1.0)),
        ("0.2;0.8;1.0", (0.2, 0.8, 1.0)),
        ("0.2 ; 0.8；1.2", (0.2, 0.8, 1.2)),  # ASCII and full-width semicolons
        ("0.2 0.8 1.0", (0.2, 0.8, 1.0)),  # whitespace only
        (".15,.75,1", (0.15, 0.75, 1.0)),
        ("1e-1,5E-1,+1.", (0.1, 0.5, 1.0)),
        ("0.1,0.5,0.5", (0.1, 0.5, 0.5)),
    ],
)
def test_parse_thresholds_accepted(text, expected):
    t = ratio.parse_thresholds(text)
    assert (t.idle, t.tight, t.shortage) == pytest.approx(expected)
    assert t == RatioThresholds(*expected)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "0.2,0.8",  # too few
        "0.2,0.8,1.0,1.2",  # too many
        "0.2,,0.8,1.0",  # empty field
        "0.2,0.8,1.0,",  # trailing separator
        "a,b,c",
        "20%,80%,100%",
        "nan,0.8,1.0",
        "0.2,0.8,inf",
        "1_0,20,30",
        "0.8,0.2,1.0",  # wrong order
        "0,0.8,1.0",  # idle must be > 0
        "0.2,0.8,0.5",  # shortage below tight
        "0.2/0.8/1.0",
        "０.２,０.８,１",  # full-width digits are not accepted
    ],
)
def test_parse_thresholds_rejected(text):
    with pytest.raises(ValueError):
        ratio.parse_thresholds(text)


def test_parse_thresholds_rejects_non_text():
    with pytest.raises(ValueError):
        ratio.parse_thresholds(None)  # type: ignore[arg-type]
