"""Tests for core.bivariate: palettes, shares, classes, match types, under-served summary.

Expected values are worked out by hand in the comments (shares = value ÷ total over the rows
with both values; natural breaks on clearly separated clusters, where the optimal partition is
obvious).
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from scipy import stats

from battery_recycling_atlas.core.errors import (
    InvalidValuesError,
    NegativeValueError,
    NonFiniteValueError,
    NoValidRowsError,
    ZeroTotalError,
)
from battery_recycling_atlas.core.mismatch import bivariate as bv

HEX = re.compile(r"^#[0-9a-f]{6}$")

# Joshua Stevens' 3x3 tables as published (e.g. the "Bivariate choropleth" schemes), listed
# from the low-low corner: first row = lowest volume class, outlet class 1..3 left to right.
PUBLISHED = {
    "pink_blue": [
        "#e8e8e8",
        "#ace4e4",
        "#5ac8c8",
        "#dfb0d6",
        "#a5add3",
        "#5698b9",
        "#be64ac",
        "#8c62aa",
        "#3b4994",
    ],
    "green_blue": [
        "#e8e8e8",
        "#b5c0da",
        "#6c83b5",
        "#b8d6be",
        "#90b2b3",
        "#567994",
        "#73ae80",
        "#5a9178",
        "#2a5a5b",
    ],
    "blue_red": [
        "#e8e8e8",
        "#e4acac",
        "#c85a5a",
        "#b0d5df",
        "#ad9ea5",
        "#985356",
        "#64acbe",
        "#627f8c",
        "#574249",
    ],
    "purple_gold": [
        "#e8e8e8",
        "#e4d9ac",
        "#c8b35a",
        "#cbb8d7",
        "#c8ada0",
        "#af8e53",
        "#9972af",
        "#976b82",
        "#804d36",
    ],
}


# --- palettes -----------------------------------------------------------------------------------


def test_palette_names_are_the_public_enum_in_order():
    assert bv.PALETTE_NAMES == ("pink_blue", "green_blue", "blue_red", "purple_gold", "grey")
    assert tuple(bv.PALETTES) == bv.PALETTE_NAMES


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_k3_is_the_published_table(name):
    colors = bv.palette_colors(name, 3)
    expected = {
        (v, o): PUBLISHED[name][(v - 1) * 3 + (o - 1)] for v in (1, 2, 3) for o in (1, 2, 3)
    }
    assert colors == expected


def test_brief_corner_colours():
    # high volume = (3, 1), high outlets = (1, 3), high-high = (3, 3)
    pb = bv.palette_colors("pink_blue", 3)
    assert (pb[(3, 1)], pb[(1, 3)], pb[(3, 3)]) == ("#be64ac", "#5ac8c8", "#3b4994")
    gb = bv.palette_colors("green_blue", 3)
    assert (gb[(3, 1)], gb[(1, 3)], gb[(3, 3)]) == ("#73ae80", "#6c83b5", "#2a5a5b")
    assert bv.palette_colors("blue_red", 3)[(3, 3)] == "#574249"
    assert bv.palette_colors("purple_gold", 3)[(3, 3)] == "#804d36"


@pytest.mark.parametrize("name", bv.PALETTE_NAMES)
@pytest.mark.parametrize("k", [2, 3, 4, 5])
def test_every_k_has_all_cells_hex_and_the_3x3_corners(name, k):
    colors = bv.palette_colors(name, k)
    assert set(colors) == {(v, o) for v in range(1, k + 1) for o in range(1, k + 1)}
    assert all(HEX.match(c) for c in colors.values())
    table = bv.palette_colors(name, 3)
    for corner_k, corner_3 in (
        ((1, 1), (1, 1)),
        ((1, k), (1, 3)),
        ((k, 1), (3, 1)),
        ((k, k), (3, 3)),
    ):
        assert colors[corner_k] == table[corner_3]
    assert colors[(1, 1)] == "#e8e8e8"  # low-low is light grey in every palette
    assert len(set(colors.values())) == k * k  # no two cells alike


def test_k5_keeps_the_published_middle_colours():
    # class i of 5 sits at 2(i-1)/4 on the 3x3 axis: classes 1, 3, 5 are table rows 1, 2, 3
    five, three = bv.palette_colors("pink_blue", 5), bv.palette_colors("pink_blue", 3)
    for v5, v3 in ((1, 1), (3, 2), (5, 3)):
        for o5, o3 in ((1, 1), (3, 2), (5, 3)):
            assert five[(v5, o5)] == three[(v3, o3)]


def test_grey_interpolation_stays_grey_and_darkens():
    colors = bv.palette_colors("grey", 5)

    def level(c):
        r, g, b = (int(c[i : i + 2], 16) for i in (1, 3, 5))
        assert abs(r - g) <= 1 and abs(g - b) <= 1  # neutral
        return r

    for v in range(1, 6):
        row = [level(colors[(v, o)]) for o in range(1, 6)]
        assert row == sorted(row, reverse=True)
    for o in range(1, 6):
        col = [level(colors[(v, o)]) for v in range(1, 6)]
        assert col == sorted(col, reverse=True)


def test_lab_conversion_reference_values():
    # CIE L*a*b* (D65) of sRGB white, grey #808080 and pure red (standard reference values)
    lab = bv._srgb_to_lab(np.array([[1.0, 1.0, 1.0], [128 / 255] * 3, [1.0, 0.0, 0.0]]))
    assert lab[0] == pytest.approx([100.0, 0.0, 0.0], abs=0.01)
    assert lab[1] == pytest.approx([53.59, 0.0, 0.0], abs=0.01)
    assert lab[2] == pytest.approx([53.24, 80.09, 67.20], abs=0.02)
    rgb = np.array([bv._hex_to_rgb(c) for c in PUBLISHED["pink_blue"]])
    assert bv._lab_to_srgb(bv._srgb_to_lab(rgb)) == pytest.approx(rgb, abs=1e-9)


def test_rectangular_grid_and_code_colours():
    colors = bv.palette_colors("pink_blue", 2, 3)
    assert set(colors) == {(v, o) for v in (1, 2) for o in (1, 2, 3)}
    assert colors[(1, 2)] == "#ace4e4" and colors[(2, 3)] == "#3b4994"
    codes = bv.code_colors("pink_blue", 2, 3)
    assert codes["1-2"] == "#ace4e4" and codes["2-1"] == "#be64ac" and len(codes) == 6


@pytest.mark.parametrize("bad", [0, -1, 2.5, True, "3"])
def test_palette_rejects_bad_k(bad):
    with pytest.raises(ValueError):
        bv.palette_colors("pink_blue", bad)


def test_palette_rejects_unknown_name():
    with pytest.raises(ValueError, match="unknown palette"):
        bv.palette_colors("rainbow", 3)


# --- matching -----------------------------------------------------------------------------------

# k = 2. Rows 5 (volume null) and 6 (outlets null) are no_data and leave the totals.
# volume total = 50+50+400+400+100 = 1000 -> shares .05 .05 .40 .40 .10
# outlet total = 5+40+5+45+5 = 100      -> shares .05 .40 .05 .45 .05
# natural breaks k=2: volume {.05,.05,.10 | .40,.40}  -> breaks (.05, .10, .40)
#                     outlets {.05,.05,.05 | .40,.45} -> breaks (.05, .05, .45)
# (a value equal to an inner bound is in the lower class, so .05 is class 1)
VOL2 = [50, 50, 400, 400, 100, None, 20]
OUT2 = [5, 40, 5, 45, 5, 30, None]


def test_k2_shares_gap_classes_and_types():
    r = bv.match(VOL2, OUT2, k=2)
    nan = math.nan
    assert r.vol_share == pytest.approx([0.05, 0.05, 0.40, 0.40, 0.10, nan, nan], nan_ok=True)
    assert r.outlet_share == pytest.approx([0.05, 0.40, 0.05, 0.45, 0.05, nan, nan], nan_ok=True)
    # gap = volume share - outlet share
    assert r.share_gap == pytest.approx([0.0, -0.35, 0.35, -0.05, 0.05, nan, nan], nan_ok=True)
    assert r.vol_breaks.breaks == pytest.approx((0.05, 0.10, 0.40))
    assert r.outlet_breaks.breaks == pytest.approx((0.05, 0.05, 0.45))
    assert r.vol_class.tolist() == [1, 1, 2, 2, 1, 0, 0]
    assert r.outlet_class.tolist() == [1, 2, 1, 2, 1, 0, 0]
    assert r.match_code.tolist() == ["1-1", "1-2", "2-1", "2-2", "1-1", None, None]
    assert r.match_type.tolist() == [
        "balanced",
        "over_served",
        "under_served",
        "balanced",
        "balanced",
        "no_data",
        "no_data",
    ]
    assert (r.k, r.k_vol, r.k_outlet, r.n_no_data, r.method) == (2, 2, 2, 2, "natural_breaks")
    assert not r.reduced
    assert r.type_counts() == {"under_served": 1, "balanced": 3, "over_served": 1, "no_data": 2}
    assert list(r.type_counts()) == list(bv.MATCH_TYPES)
    # inputs are kept (null as NaN), rows are never dropped
    assert len(r) == 7 and np.isnan(r.volume[5]) and r.volume[6] == 20.0


# k = 3. volume total = 1+2+30+31+18+18 = 100 -> shares .01 .02 .30 .31 .18 .18
#   clusters {.01,.02} {.18,.18} {.30,.31}: SSE .00005+0+.00005 -> breaks (.01,.02,.18,.31)
# outlet total = 40+2+1+20+20+17 = 100 -> shares .40 .02 .01 .20 .20 .17
#   clusters {.01,.02} {.17,.20,.20} {.40} -> breaks (.01, .02, .20, .40)
VOL3 = [1, 2, 30, 31, 18, 18]
OUT3 = [40, 2, 1, 20, 20, 17]


def test_k3_classes_and_types():
    r = bv.match(VOL3, OUT3)  # k=3 and natural breaks are the defaults
    assert r.vol_breaks.breaks == pytest.approx((0.01, 0.02, 0.18, 0.31))
    assert r.outlet_breaks.breaks == pytest.approx((0.01, 0.02, 0.20, 0.40))
    assert r.vol_class.tolist() == [1, 1, 3, 3, 2, 2]
    assert r.outlet_class.tolist() == [3, 1, 1, 2, 2, 2]
    assert r.match_code.tolist() == ["1-3", "1-1", "3-1", "3-2", "2-2", "2-2"]
    assert r.match_type.tolist() == [
        "over_served",
        "balanced",
        "under_served",
        "under_served",
        "balanced",
        "balanced",
    ]
    assert r.share_gap == pytest.approx([-0.39, 0.0, 0.29, 0.11, -0.02, 0.01])
    assert r.n_no_data == 0


def test_other_methods_are_passed_through():
    # equal intervals on volume shares .01..31: width .10 -> bounds (.01, .11, .21, .31)
    r = bv.match(VOL3, OUT3, k=3, method="equal_interval")
    assert r.vol_breaks.breaks == pytest.approx((0.01, 0.11, 0.21, 0.31))
    assert r.vol_class.tolist() == [1, 1, 3, 3, 2, 2]
    assert r.method == "equal_interval"
    with pytest.raises(ValueError, match="unknown classification method"):
        bv.match(VOL3, OUT3, method="jenks")


def test_match_types_every_combination_k3():
    v, o = np.meshgrid([1, 2, 3], [1, 2, 3], indexing="ij")
    got = bv.match_types(v.ravel(), o.ravel(), 3, 3).tolist()
    expected = [
        "under_served" if a > b else "balanced" if a == b else "over_served"
        for a, b in zip(v.ravel(), o.ravel())
    ]
    assert got == expected
    assert got.count("balanced") == 3 and got.count("under_served") == 3
    assert bv.match_types([0, 2, 0], [1, 0, 0], 3, 3).tolist() == ["no_data"] * 3


def test_match_types_with_reduced_classes_compare_positions():
    # k_vol = 3 (positions 0, .5, 1) against k_outlet = 2 (positions 0, 1)
    got = bv.match_types([1, 1, 2, 2, 3, 3], [1, 2, 1, 2, 1, 2], 3, 2).tolist()
    assert got == [
        "balanced",
        "over_served",
        "under_served",
        "over_served",
        "under_served",
        "balanced",
    ]
    # a single outlet class sits at .5: volume class 1 of 2 (0) is below, class 2 (1) above
    assert bv.match_types([1, 2], [1, 1], 2, 1).tolist() == ["over_served", "under_served"]


def test_reduced_breaks_keep_both_k():
    # volume shares .0455 .0455 .4545 .4545 (2 distinct values), outlets all .25 (1 value)
    r = bv.match([1, 1, 10, 10], [5, 5, 5, 5], k=3)
    assert (r.k, r.k_vol, r.k_outlet) == (3, 2, 1)
    assert r.reduced and r.vol_breaks.reduced and r.outlet_breaks.reduced
    assert r.vol_class.tolist() == [1, 1, 2, 2]
    assert r.outlet_class.tolist() == [1, 1, 1, 1]
    assert r.match_type.tolist() == ["over_served", "over_served", "under_served", "under_served"]


def test_no_data_rows_kept_with_null_values():
    r = bv.match([10, None, 30, math.nan, 60], [1, 2, None, 3, 4], k=2)
    # valid rows 0 and 4: volume 10/70, 60/70; outlets 1/5, 4/5
    assert r.match_type.tolist() == ["balanced", "no_data", "no_data", "no_data", "balanced"]
    assert r.vol_share[[0, 4]] == pytest.approx([10 / 70, 60 / 70])
    assert r.outlet_share[[0, 4]] == pytest.approx([1 / 5, 4 / 5])
    for i in (1, 2, 3):
        assert math.isnan(r.vol_share[i]) and math.isnan(r.outlet_share[i])
        assert math.isnan(r.share_gap[i])
        assert r.vol_class[i] == 0 and r.outlet_class[i] == 0 and r.match_code[i] is None
    assert r.n_no_data == 3


def test_output_values_of_a_row():
    # the arrays the algorithm writes: shares float64 (NaN is NULL), classes integers (0 is
    # NULL), codes and types text or None, under_sig True/False/None
    r = bv.match(VOL2, OUT2, k=2)
    i = 2
    assert r.vol_share[i] == pytest.approx(0.40)
    assert r.outlet_share[i] == pytest.approx(0.05)
    assert r.share_gap[i] == pytest.approx(0.35)
    assert (r.vol_class[i], r.outlet_class[i]) == (2, 1)
    assert (r.match_code[i], r.match_type[i]) == ("2-1", "under_served")
    assert r.outlets_expected[i] == pytest.approx(40.0)  # 100 outlets × 0.40
    assert r.p_fewer[i] == pytest.approx(stats.binom.cdf(5, 100, 0.4), rel=1e-12)
    assert r.under_sig[i] is True
    assert r.p_fewer[i] <= r.q_fewer[i] < 0.05
    assert r.vol_share.dtype == np.float64 and r.vol_class.dtype.kind == "i"
    j = 5
    assert math.isnan(r.vol_share[j]) and math.isnan(r.share_gap[j])
    assert r.match_code[j] is None and r.match_type[j] == "no_data"
    assert r.vol_class[j] == 0
    assert math.isnan(r.p_fewer[j]) and r.under_sig[j] is None


def test_negative_values_name_the_rows():
    with pytest.raises(NegativeValueError) as err:
        bv.match([1, -2, 3, -4], [1, 1, 1, 1])
    assert err.value.indices == [1, 3] and err.value.which == "volume"
    assert isinstance(err.value, ValueError) and isinstance(err.value, InvalidValuesError)
    with pytest.raises(NegativeValueError) as err:
        bv.match([1, 2, None], [1, None, -0.5])
    assert err.value.indices == [2] and err.value.which == "outlets"


def test_infinite_values_rejected():
    with pytest.raises(NonFiniteValueError) as err:
        bv.match([1, math.inf, 3], [1, 1, 1])
    assert err.value.indices == [1] and err.value.which == "volume"


def test_empty_zero_and_mismatched_inputs():
    with pytest.raises(NoValidRowsError):
        bv.match([None, 1], [2, None])
    with pytest.raises(ZeroTotalError) as err:
        bv.match([0, 0, 5], [1, 2, None])
    assert err.value.which == "volume"
    with pytest.raises(ZeroTotalError) as err:
        bv.match([1, 2], [0, 0])
    assert err.value.which == "outlets"
    with pytest.raises(ValueError, match="differ in length"):
        bv.match([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match="at least 2"):
        bv.match(VOL3, OUT3, k=1)


def test_under_served_summary_sorted_with_total():
    names = ["a", "b", "上海", "d", "e", "f"]
    vol = [v * 1000 for v in VOL3]  # t/yr; the shares do not change
    r = bv.match(vol, OUT3)
    summary = bv.under_served_summary(names, vol, r)
    rows = summary["rows"]
    # under-served: row 3 (vol .31, out .20) and row 2 (vol .30, out .01), largest share first
    assert [row["name"] for row in rows] == ["d", "上海"]
    assert [row["index"] for row in rows] == [3, 2]
    assert rows[0]["volume"] == 31_000.0 and rows[1]["volume"] == 30_000.0
    assert rows[0]["vol_share"] == pytest.approx(0.31)
    assert rows[0]["outlet_share"] == pytest.approx(0.20)
    assert rows[0]["share_gap"] == pytest.approx(0.11)
    assert rows[1]["match_code"] == "3-1"
    assert all(type(row["volume"]) is float and type(row["index"]) is int for row in rows)
    # 31,000 + 30,000 t; shares .31 + .30 and .20 + .01
    assert summary["n"] == 2 and type(summary["n"]) is int
    assert summary["total_volume"] == 61_000.0 and type(summary["total_volume"]) is float
    assert summary["vol_share"] == pytest.approx(0.61)
    assert summary["outlet_share"] == pytest.approx(0.21)
    with pytest.raises(ValueError):
        bv.under_served_summary(names[:3], vol, r)


def test_under_served_summary_empty():
    summary = bv.under_served_summary(["a", "b"], [1, 3], bv.match([1, 3], [1, 3], k=2))
    assert summary == {
        "rows": [],
        "n": 0,
        "total_volume": 0.0,
        "vol_share": 0.0,
        "outlet_share": 0.0,
    }


# Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear sRGB.
PROTANOPIA = np.array(
    [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ]
)
DEUTERANOPIA = np.array(
    [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ]
)


def _smallest_cvd_difference(name: str, matrix) -> float:
    """Smallest CIE76 ΔE between two cells of the 3×3 palette as a dichromat sees them."""
    import itertools

    colors = bv.palette_colors(name, 3)
    rgb = np.array([bv._hex_to_rgb(colors[(v, o)]) for v in (1, 2, 3) for o in (1, 2, 3)])
    lin = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4) @ matrix.T
    lin = np.clip(lin, 0.0, 1.0)
    seen = np.where(lin <= 0.0031308, 12.92 * lin, 1.055 * lin ** (1 / 2.4) - 0.055)
    lab = bv._srgb_to_lab(seen)
    return min(
        float(np.linalg.norm(lab[i] - lab[j])) for i, j in itertools.combinations(range(9), 2)
    )


def test_default_palette_is_colour_blind_safe_and_keeps_the_enum_order():
    assert bv.PALETTE_NAMES == ("pink_blue", "green_blue", "blue_red", "purple_gold", "grey")
    assert bv.DEFAULT_PALETTE == "purple_gold"
    for matrix in (PROTANOPIA, DEUTERANOPIA):
        assert _smallest_cvd_difference(bv.DEFAULT_PALETTE, matrix) >= 15.9
    # The former default confuses cells under both (ΔE 4.5 and 5.7, as measured in issue 17).
    assert _smallest_cvd_difference("pink_blue", PROTANOPIA) == pytest.approx(4.5, abs=0.1)
    assert _smallest_cvd_difference("pink_blue", DEUTERANOPIA) == pytest.approx(5.7, abs=0.1)
