"""Bivariate matching of retired volume against recycling outlets (``natural_breaks_matching``).

Per city: volume share = city volume ÷ total volume, outlet share = city outlets ÷ total outlets
(fractions 0..1, totals over the cities with both values known). Each share is classed 1..k
(natural breaks by default, :mod:`core.classify`); the pair of classes gives the ``match_code``
"v-o" and the ``match_type``: ``under_served`` (volume class above outlet class), ``balanced``,
``over_served``, or ``no_data`` when either value is null. The classes depend on where the breaks
fall, so each city also gets a test: with the N outlets of the cities with data placed in
proportion to volume, its count would be Binomial(N, volume share); ``p_fewer`` is the chance of
as few outlets as it has, ``q_fewer`` the Benjamini–Hochberg adjusted value and ``under_sig``
marks q < α (significantly fewer outlets than its volume share predicts). Colours come from
Joshua Stevens' published 3×3 bivariate palettes ("Bivariate Choropleth Maps: A How-to Guide", 2015,
joshuastevens.net/cartography/make-a-bivariate-choropleth-map): volume runs along the rows
(the first hue of the palette name), outlets along the columns (the second hue).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import (
    LengthMismatchError,
    NegativeValueError,
    NoValidRowsError,
    SettingError,
    ZeroTotalError,
    check_total,
    check_values,
)
from ..stats import FloatArray, IntArray, ObjectArray, Values, bh_adjust, to_float_array
from .classify import Breaks, classify, compute_breaks

__all__ = [
    "MATCH_TYPES",
    "PALETTES",
    "PALETTE_NAMES",
    "DEFAULT_PALETTE",
    "MatchResult",
    "NegativeValueError",
    "binomial_fewer",
    "code_colors",
    "match",
    "match_types",
    "palette_colors",
    "under_served_summary",
]

#: 3×3 tables indexed ``table[v - 1][o - 1]`` (v = volume class, o = outlet class). The order of
#: this dict is a public enumeration (index 0 is the default); add new palettes at the end.
PALETTES: dict[str, dict[str, Any]] = {
    "pink_blue": {
        "label": "Pink–blue (Stevens)",
        "table": (
            ("#e8e8e8", "#ace4e4", "#5ac8c8"),
            ("#dfb0d6", "#a5add3", "#5698b9"),
            ("#be64ac", "#8c62aa", "#3b4994"),
        ),
    },
    "green_blue": {
        "label": "Green–blue (Stevens)",
        "table": (
            ("#e8e8e8", "#b5c0da", "#6c83b5"),
            ("#b8d6be", "#90b2b3", "#567994"),
            ("#73ae80", "#5a9178", "#2a5a5b"),
        ),
    },
    "blue_red": {
        "label": "Blue–red (Stevens)",
        "table": (
            ("#e8e8e8", "#e4acac", "#c85a5a"),
            ("#b0d5df", "#ad9ea5", "#985356"),
            ("#64acbe", "#627f8c", "#574249"),
        ),
    },
    "purple_gold": {
        "label": "Purple–gold (Stevens)",
        "table": (
            ("#e8e8e8", "#e4d9ac", "#c8b35a"),
            ("#cbb8d7", "#c8ada0", "#af8e53"),
            ("#9972af", "#976b82", "#804d36"),
        ),
    },
    # Monochrome, for black-and-white print: neutral greys whose CIE L* falls 29 per volume
    # class and 7 per outlet class, from L* 92 (#e8e8e8) to L* 20. The volume step exceeds the
    # whole outlet range, so every cell differs for k up to 5 too (read it with the legend).
    "grey": {
        "label": "Greys (print)",
        "table": (
            ("#e8e8e8", "#d4d4d4", "#c1c1c1"),
            ("#989898", "#868686", "#747474"),
            ("#505050", "#404040", "#303030"),
        ),
    },
}
PALETTE_NAMES: tuple[str, ...] = tuple(PALETTES)
#: The default palette: purple–gold stays distinguishable under protanopia and deuteranopia
#: (simulated CIE ΔE ≥ 16 between every pair of cells; pink–blue falls to 4.5). The order of
#: PALETTE_NAMES is the PALETTE enumeration and does not change.
DEFAULT_PALETTE = "purple_gold"

MATCH_TYPES: tuple[str, ...] = ("under_served", "balanced", "over_served", "no_data")

# --- colour: sRGB (D65) <-> CIE L*a*b* -----------------------------------------------------------

_RGB_TO_XYZ = np.array(
    [
        [0.4124564, 0.3575761, 0.1804375],
        [0.2126729, 0.7151522, 0.0721750],
        [0.0193339, 0.1191920, 0.9503041],
    ]
)
_WHITE = _RGB_TO_XYZ.sum(axis=1)  # D65 white point of sRGB
_DELTA = 6.0 / 29.0


def _hex_to_rgb(color: str) -> FloatArray:
    return np.array([int(color[i : i + 2], 16) / 255.0 for i in (1, 3, 5)])


def _rgb_to_hex(rgb: FloatArray) -> str:
    return "#" + "".join(f"{int(round(float(c) * 255.0)):02x}" for c in np.clip(rgb, 0.0, 1.0))


def _srgb_to_lab(rgb: FloatArray) -> FloatArray:
    """sRGB in 0..1 (last axis) → CIE L*a*b* (D65)."""
    lin = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    t = lin @ _RGB_TO_XYZ.T / _WHITE
    f = np.where(t > _DELTA**3, np.cbrt(t), t / (3 * _DELTA**2) + 4.0 / 29.0)
    return np.stack(
        [
            116.0 * f[..., 1] - 16.0,
            500.0 * (f[..., 0] - f[..., 1]),
            200.0 * (f[..., 1] - f[..., 2]),
        ],
        axis=-1,
    )


def _lab_to_srgb(lab: FloatArray) -> FloatArray:
    """CIE L*a*b* (D65) → sRGB in 0..1, clipped to the gamut."""
    fy = (lab[..., 0] + 16.0) / 116.0
    f = np.stack([fy + lab[..., 1] / 500.0, fy, fy - lab[..., 2] / 200.0], axis=-1)
    t = np.where(f > _DELTA, f**3, 3 * _DELTA**2 * (f - 4.0 / 29.0))
    lin = np.clip((t * _WHITE) @ np.linalg.inv(_RGB_TO_XYZ).T, 0.0, 1.0)
    return np.where(lin <= 0.0031308, 12.92 * lin, 1.055 * lin ** (1 / 2.4) - 0.055)


def _positions(k: int) -> list[float]:
    """Position of classes 1..k on the 3×3 table's axis (0..2); one class sits in the middle."""
    return [1.0] if k == 1 else [2.0 * i / (k - 1) for i in range(k)]


def palette_colors(name: str, k: int, k_outlet: int | None = None) -> dict[tuple[int, int], str]:
    """Colour of each class pair: ``{(v, o): "#rrggbb"}``, v = 1..k, o = 1..k_outlet.

    ``k_outlet`` defaults to ``k`` (a k×k grid; rectangular grids serve reduced breaks). With
    k = 3 the published 3×3 table is returned exactly. Otherwise class i of k sits at position
    2·(i−1)/(k−1) on the table's axis (a single class at the middle) and its colour is the
    piecewise-bilinear interpolation of the 3×3 table in CIE L*a*b* (D65): for k = 2 these are
    the four corners, for k = 5 the published colours recur at the corners, edge midpoints and
    centre, and the colours between change evenly in perceived lightness and hue.
    """
    if name not in PALETTES:
        raise SettingError("palette", f"unknown palette {name!r}; expected one of {PALETTE_NAMES}")
    k_out = k if k_outlet is None else k_outlet
    for value in (k, k_out):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise SettingError("k", f"number of classes must be an integer >= 1, got {value!r}")
    table = PALETTES[name]["table"]
    lab = _srgb_to_lab(np.array([[_hex_to_rgb(c) for c in row] for row in table]))
    out: dict[tuple[int, int], str] = {}
    for v, pv in enumerate(_positions(int(k)), start=1):
        for o, po in enumerate(_positions(int(k_out)), start=1):
            if pv.is_integer() and po.is_integer():  # a published colour: no round trip
                out[(v, o)] = table[int(pv)][int(po)]
                continue
            r0, c0 = min(int(pv), 1), min(int(po), 1)
            fr, fc = pv - r0, po - c0
            mixed = (1 - fr) * ((1 - fc) * lab[r0, c0] + fc * lab[r0, c0 + 1]) + fr * (
                (1 - fc) * lab[r0 + 1, c0] + fc * lab[r0 + 1, c0 + 1]
            )
            out[(v, o)] = _rgb_to_hex(_lab_to_srgb(mixed))
    return out


def code_colors(name: str, k_vol: int, k_outlet: int) -> dict[str, str]:
    """:func:`palette_colors` keyed by ``match_code`` ("v-o"), for categorized map styles."""
    return {f"{v}-{o}": c for (v, o), c in palette_colors(name, k_vol, k_outlet).items()}


# --- matching -------------------------------------------------------------------------------------


@dataclass
class MatchResult:
    """Per-city arrays in input order; shares are fractions 0..1 (NaN = null).

    ``vol_class``/``outlet_class`` are 1..k_vol / 1..k_outlet, 0 for no_data. ``k`` is the
    requested number of classes; ``k_vol``/``k_outlet`` are the numbers actually used (smaller
    when a variable has fewer distinct shares, see ``Breaks.reduced``). ``volume`` and
    ``outlets`` are the inputs as float64 (t/yr and outlet counts). ``outlets_expected``
    (outlets), ``p_fewer``, ``q_fewer`` (probabilities) and ``under_sig`` (object array of
    bool, None where null) come from :func:`binomial_fewer` at level ``alpha``; they are NaN/None
    on no_data rows and, when the outlet counts are not whole numbers, p and q are NaN
    everywhere (``counts_integral`` False).
    """

    volume: FloatArray
    outlets: FloatArray
    vol_share: FloatArray
    outlet_share: FloatArray
    share_gap: FloatArray
    vol_class: IntArray
    outlet_class: IntArray
    match_code: ObjectArray
    match_type: ObjectArray
    vol_breaks: Breaks
    outlet_breaks: Breaks
    k: int
    k_vol: int
    k_outlet: int
    method: str
    n_no_data: int
    outlets_expected: FloatArray
    p_fewer: FloatArray
    q_fewer: FloatArray
    under_sig: ObjectArray
    alpha: float = 0.05
    counts_integral: bool = True

    def __len__(self) -> int:
        return int(self.vol_share.shape[0])

    @property
    def reduced(self) -> bool:
        """True when either variable got fewer classes than requested."""
        return self.vol_breaks.reduced or self.outlet_breaks.reduced

    def type_counts(self) -> dict[str, int]:
        """Number of cities per match type, every code of :data:`MATCH_TYPES` in order."""
        found = self.match_type.tolist()
        return {code: int(found.count(code)) for code in MATCH_TYPES}

    def under_sig_summary(self) -> dict[str, Any]:
        """``{"n": features with under_sig true, "volume": their volume in t/yr}``."""
        hit = np.array([v is True for v in self.under_sig.tolist()], dtype=bool)
        return {"n": int(np.count_nonzero(hit)), "volume": float(np.sum(self.volume[hit]))}


def match_types(vol_class: Any, outlet_class: Any, k_vol: int, k_outlet: int) -> ObjectArray:
    """Match type of each class pair (object array of :data:`MATCH_TYPES` codes).

    Each class is placed on its own scale at (c − 1) ÷ (k_c − 1), so the lowest class is 0 and
    the highest 1 whatever k is (a variable with a single class sits at ½); volume above outlets
    is ``under_served``, equal ``balanced``, below ``over_served``. With k_vol = k_outlet this is
    simply v > o, v = o, v < o. Class 0 (null) on either side is ``no_data``. Compared exactly in
    integers: (v − 1)(k_o − 1) against (o − 1)(k_v − 1).
    """
    v = np.asarray(vol_class, dtype=np.int64)
    o = np.asarray(outlet_class, dtype=np.int64)
    num_v, den_v = (2 * (v - 1), 2 * (k_vol - 1)) if k_vol > 1 else (np.ones_like(v), 2)
    num_o, den_o = (2 * (o - 1), 2 * (k_outlet - 1)) if k_outlet > 1 else (np.ones_like(o), 2)
    diff = num_v * den_o - num_o * den_v
    idx = np.select([(v == 0) | (o == 0), diff > 0, diff == 0], [3, 0, 1], default=2)
    types: ObjectArray = np.array(MATCH_TYPES, dtype=object)[idx]
    return types


def binomial_fewer(
    vol_share: FloatArray, outlets: FloatArray, alpha: float = 0.05
) -> tuple[FloatArray, FloatArray, FloatArray, ObjectArray]:
    """One-sided binomial test of too few outlets per feature, with the BH adjustment.

    Over the features where both ``vol_share`` (fraction of the volume of the features with
    data) and ``outlets`` (count) are finite, N = Σ outlets. Under the null hypothesis that
    each of the N outlets stands in a feature with probability equal to its volume share, a
    feature's count X is Binomial(N, share): ``expected`` = N × share (outlets), ``p`` =
    P(X <= its outlets), ``q`` = Benjamini–Hochberg adjusted p over those features, ``sig`` =
    q < ``alpha`` (object array: True/False, None where null). Returns (expected, p, q, sig);
    p and q are NaN everywhere when a count is not a whole number (the model needs counts).
    """
    from scipy import stats as sp_stats

    if not 0.0 < float(alpha) < 1.0:
        raise SettingError("alpha", f"alpha must be between 0 and 1, got {alpha!r}")
    valid = np.isfinite(vol_share) & np.isfinite(outlets)
    n_total = float(np.sum(outlets[valid]))
    expected = np.where(valid, n_total * np.where(valid, vol_share, 0.0), np.nan)
    p = np.full(vol_share.shape, np.nan)
    if np.all(outlets[valid] == np.round(outlets[valid])):
        share = np.clip(vol_share[valid], 0.0, 1.0)
        p[valid] = np.minimum(sp_stats.binom.cdf(outlets[valid], round(n_total), share), 1.0)
    q = bh_adjust(p)
    sig = np.full(vol_share.shape, None, dtype=object)
    tested = np.isfinite(q)
    sig[tested] = (q[tested] < float(alpha)).tolist()
    return expected, p, q, sig


def match(
    volume: Values,
    outlets: Values,
    k: int = 3,
    method: str = "natural_breaks",
    alpha: float = 0.05,
) -> MatchResult:
    """Shares, classes and match type per city.

    ``volume``: retired batteries per city (t/yr); ``outlets``: recycling service outlets per
    city (count). None/NaN is null. A row is ``no_data`` when its volume *or* its outlet count is
    null: both shares null, classes 0, ``match_code`` None; it stays in the result. Shares are
    value ÷ total over the other rows. Breaks are computed with
    ``compute_breaks(shares, k, method)`` on those rows, for each variable on its own. The
    binomial test of too few outlets (:func:`binomial_fewer`) runs at level ``alpha``.

    Raises :class:`~core.errors.NegativeValueError` / ``NonFiniteValueError`` (``which`` =
    "volume" or "outlets", ``indices`` = rows; ``SumOverflowError`` when a total is not
    finite), :class:`~core.errors.NoValidRowsError` when no
    row has both values, :class:`~core.errors.ZeroTotalError` when a total is 0, and
    :class:`~core.errors.LengthMismatchError` or :class:`~core.errors.SettingError` (bad ``k``,
    ``method`` or ``alpha``), all ``ValueError``.
    """
    vol = to_float_array(volume, "volume")
    out = to_float_array(outlets, "outlets")
    if vol.shape != out.shape:
        raise LengthMismatchError("volume and outlets", vol.shape[0], out.shape[0])
    check_values(vol, "volume")
    check_values(out, "outlets")
    valid = ~(np.isnan(vol) | np.isnan(out))
    if not valid.any():
        raise NoValidRowsError("no row has both a volume and an outlet count")
    check_total(np.where(valid, vol, np.nan), "volume")
    check_total(np.where(valid, out, np.nan), "outlets")
    shares = []
    for values, which in ((vol, "volume"), (out, "outlets")):
        total = float(np.sum(values[valid]))
        if total <= 0.0:
            raise ZeroTotalError(which)
        share = np.full(values.shape, np.nan)
        share[valid] = values[valid] / total
        shares.append(share)
    vol_share, outlet_share = shares
    vol_breaks = compute_breaks(vol_share[valid], k, method)
    outlet_breaks = compute_breaks(outlet_share[valid], k, method)
    vol_class = classify(vol_share, vol_breaks)
    outlet_class = classify(outlet_share, outlet_breaks)
    expected, p_fewer, q_fewer, under_sig = binomial_fewer(vol_share, out, alpha)
    codes = np.full(vol.shape, None, dtype=object)
    codes[valid] = [
        f"{v}-{o}" for v, o in zip(vol_class[valid].tolist(), outlet_class[valid].tolist())
    ]
    return MatchResult(
        volume=vol,
        outlets=out,
        vol_share=vol_share,
        outlet_share=outlet_share,
        share_gap=vol_share - outlet_share,
        vol_class=vol_class,
        outlet_class=outlet_class,
        match_code=codes,
        match_type=match_types(vol_class, outlet_class, vol_breaks.k, outlet_breaks.k),
        vol_breaks=vol_breaks,
        outlet_breaks=outlet_breaks,
        k=int(k),
        k_vol=int(vol_breaks.k),
        k_outlet=int(outlet_breaks.k),
        method=str(method),
        n_no_data=int(np.count_nonzero(~valid)),
        outlets_expected=expected,
        p_fewer=p_fewer,
        q_fewer=q_fewer,
        under_sig=under_sig,
        alpha=float(alpha),
        counts_integral=bool(np.isfinite(p_fewer[valid]).all()),
    )


def under_served_summary(
    names: Sequence[Any], volume: Values, result: MatchResult
) -> dict[str, Any]:
    """The under-served cities and what they hold, as Python values.

    Returns ``{"rows": [...], "n", "total_volume", "vol_share", "outlet_share"}``: ``rows`` are
    dicts (``index`` = row, ``name``, ``volume`` in t/yr, ``vol_share``, ``outlet_share``,
    ``share_gap`` as fractions, ``match_code``), largest volume share first (ties in input
    order); ``total_volume`` is their summed volume (t/yr) and ``vol_share`` / ``outlet_share``
    their summed shares of the national totals.
    """
    vol = to_float_array(volume, "volume")
    if len(names) != len(result) or vol.shape[0] != len(result):
        raise LengthMismatchError("names, volume and result", len(names), vol.shape[0], len(result))
    idx = np.flatnonzero(result.match_type == "under_served")
    idx = idx[np.argsort(-result.vol_share[idx], kind="stable")]
    rows = [
        {
            "index": int(i),
            "name": "" if names[i] is None else str(names[i]),
            "volume": float(vol[i]),
            "vol_share": float(result.vol_share[i]),
            "outlet_share": float(result.outlet_share[i]),
            "share_gap": float(result.share_gap[i]),
            "match_code": str(result.match_code[i]),
        }
        for i in idx.tolist()
    ]
    return {
        "rows": rows,
        "n": int(idx.size),
        "total_volume": float(np.sum(vol[idx])),
        "vol_share": float(np.sum(result.vol_share[idx])),
        "outlet_share": float(np.sum(result.outlet_share[idx])),
    }
