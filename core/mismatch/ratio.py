"""Retirement-to-capacity ratio per region (algorithm ``retirement_capacity_ratio``).

ratio = retired batteries arising in a region (t/yr) ÷ built recycling capacity there (t/yr), a
dimensionless fraction (0.2 = 20 %). Low ratios mean idle capacity, ratios above 1 mean more
retirements than the region can process. Every region gets a class code from
:data:`RATIO_CLASSES`, including the undefined cases, so no row is lost.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from ..errors import LengthMismatchError, NonFiniteValueError, SettingError, check_total
from ..stats import (
    BoolArray,
    Elasticity,
    FloatArray,
    ObjectArray,
    Regression,
    Values,
    elasticity,
    ols,
    to_float_array,
)

__all__ = [
    "check_finite",
    "DEFAULT_THRESHOLDS",
    "RATIO_CLASSES",
    "RATIO_CLASS_COLORS",
    "RATIO_CLASS_EDGE_COLORS",
    "RatioResult",
    "RatioSummary",
    "RatioThresholds",
    "capacity_elasticity",
    "compute_ratios",
    "parse_thresholds",
    "ratio_regression",
    "summarize",
]

#: Stable class codes, in legend order. Output fields store these codes.
RATIO_CLASSES: tuple[str, ...] = (
    "severe_idle",
    "under_used",
    "tight",
    "shortage",
    "no_capacity",
    "no_data",
    "invalid",
)

#: Fill colours per class (chart and QGIS style use the same ones).
RATIO_CLASS_COLORS: dict[str, str] = {
    "severe_idle": "#5e3c99",
    "under_used": "#b2abd2",
    "tight": "#fdb863",
    "shortage": "#e66101",
    "no_capacity": "#7f2704",  # beyond shortage: retirements with no capacity at all
    "no_data": "#bdbdbd",
    "invalid": "#ffffff",
}

#: Outline colours per class: neutral grey, red for ``invalid`` (white fill).
RATIO_CLASS_EDGE_COLORS: dict[str, str] = {
    code: ("#e31a1c" if code == "invalid" else "#404040") for code in RATIO_CLASSES
}

_CLASS_INDEX = {code: i for i, code in enumerate(RATIO_CLASSES)}
_CODES = np.array(RATIO_CLASSES, dtype=object)


@dataclass(frozen=True)
class RatioThresholds:
    """Class breaks on the ratio (fractions, not percent).

    severe_idle: ratio < idle; under_used: idle <= ratio < tight; tight: tight <= ratio <=
    shortage; shortage: ratio > shortage. Requires finite values with 0 < idle < tight <= shortage.
    """

    idle: float = 0.2
    tight: float = 0.8
    shortage: float = 1.0

    def __post_init__(self) -> None:
        values = (self.idle, self.tight, self.shortage)
        try:
            floats = [float(v) for v in values]
        except (TypeError, ValueError):
            raise SettingError(
                "thresholds", f"thresholds must be numbers, got {values!r}"
            ) from None
        if not all(math.isfinite(v) for v in floats):
            raise SettingError("thresholds", f"thresholds must be finite, got {values!r}")
        idle, tight, shortage = floats
        if not (0.0 < idle < tight <= shortage):
            raise SettingError(
                "thresholds",
                f"thresholds must satisfy 0 < idle < tight <= shortage, got {values!r}",
            )
        object.__setattr__(self, "idle", idle)
        object.__setattr__(self, "tight", tight)
        object.__setattr__(self, "shortage", shortage)


#: The source's breaks: idle below 20 %, tight from 80 %, shortage above 100 %.
DEFAULT_THRESHOLDS = RatioThresholds()


@dataclass
class RatioResult:
    """Per-region arrays, all of the same length and in input order.

    ``retirement`` and ``capacity`` are the inputs as float64 (t/yr; NaN for null). ``ratio`` is
    retirement ÷ capacity (fraction), NaN where undefined. ``ratio_class`` is an object array of
    codes from :data:`RATIO_CLASSES`.
    """

    retirement: FloatArray
    capacity: FloatArray
    ratio: FloatArray
    ratio_class: ObjectArray

    @property
    def defined(self) -> BoolArray:
        """Boolean mask of regions with a defined (finite) ratio."""
        return np.isfinite(self.ratio)

    def __len__(self) -> int:
        return int(self.ratio.shape[0])


@dataclass(frozen=True)
class RatioSummary:
    """Summary over regions. Ratios are fractions; ``share_below`` is a fraction 0..1.

    ``median``, ``mean`` and ``share_below`` (share of defined ratios below the idle threshold)
    use the ``n_valid`` regions with a defined ratio and are ``None`` when there is none.
    ``national_ratio`` = Σ retirement ÷ Σ capacity over all regions whose two values are known and
    non-negative (``None`` when that capacity sum is 0). ``class_counts`` has every code of
    :data:`RATIO_CLASSES`, in legend order.
    """

    n_regions: int
    n_valid: int
    median: float | None
    mean: float | None
    share_below: float | None
    national_ratio: float | None
    class_counts: dict[str, int]


def check_finite(retirement: Values, capacity: Values) -> None:
    """Refuse values that cannot be computed with: ±inf (:class:`~core.errors.NonFiniteValueError`)
    and finite values whose national total overflows (:class:`~core.errors.SumOverflowError`);
    ``which`` is "retirement" or "capacity", ``indices`` the rows. Null (None/NaN) and negative
    values pass: :func:`compute_ratios` keeps them as ``no_data`` / ``invalid``. Units: t/yr.
    """
    for values, which in ((retirement, "retirement"), (capacity, "capacity")):
        arr = to_float_array(values, which)
        bad = np.flatnonzero(np.isinf(arr))
        if bad.size:
            raise NonFiniteValueError(which, bad.tolist())
        with np.errstate(invalid="ignore"):
            check_total(np.where(arr >= 0, arr, np.nan), which)


def compute_ratios(
    retirement: Values,
    capacity: Values,
    thresholds: RatioThresholds = DEFAULT_THRESHOLDS,
) -> RatioResult:
    """Ratio and class per region from retirement and capacity (both t/yr, None/NaN = null).

    Rules, first match wins: ``invalid`` if either value is negative or infinite (or the quotient
    overflows); ``no_data`` if retirement is null, or retirement is 0 and capacity is 0 or null;
    ``no_capacity`` if capacity is 0 or null (retirement > 0); otherwise ratio = retirement ÷
    capacity classed by ``thresholds``. Retirement 0 with capacity > 0 is ratio 0 (severe_idle).
    """
    ret = to_float_array(retirement, "retirement")
    cap = to_float_array(capacity, "capacity")
    if ret.shape != cap.shape:
        raise LengthMismatchError("retirement and capacity", ret.shape[0], cap.shape[0])
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        invalid = (ret < 0) | (cap < 0) | np.isinf(ret) | np.isinf(cap)
        ret_null = np.isnan(ret)
        cap_zero_or_null = np.isnan(cap) | (cap == 0)
        no_data = ~invalid & (ret_null | ((ret == 0) & cap_zero_or_null))
        no_capacity = ~invalid & ~no_data & cap_zero_or_null
        defined = ~(invalid | no_data | no_capacity)

        ratio = np.full(ret.shape, np.nan, dtype=np.float64)
        ratio[defined] = ret[defined] / cap[defined]
        overflow = defined & ~np.isfinite(ratio)  # e.g. 1e300 / 1e-300
        if overflow.any():
            ratio[overflow] = np.nan
            invalid |= overflow
            defined &= ~overflow

        idx = np.select(
            [
                invalid,
                no_data,
                no_capacity,
                ratio < thresholds.idle,
                ratio < thresholds.tight,
                ratio <= thresholds.shortage,
            ],
            [
                _CLASS_INDEX["invalid"],
                _CLASS_INDEX["no_data"],
                _CLASS_INDEX["no_capacity"],
                _CLASS_INDEX["severe_idle"],
                _CLASS_INDEX["under_used"],
                _CLASS_INDEX["tight"],
            ],
            default=_CLASS_INDEX["shortage"],
        )
    return RatioResult(retirement=ret, capacity=cap, ratio=ratio, ratio_class=_CODES[idx])


def summarize(
    result: RatioResult,
    thresholds: RatioThresholds = DEFAULT_THRESHOLDS,
) -> RatioSummary:
    """Median, mean, share below ``thresholds.idle``, national ratio and class counts."""
    ratios = result.ratio[np.isfinite(result.ratio)]
    n_valid = int(ratios.shape[0])
    if n_valid:
        median: float | None = float(np.median(ratios))
        mean: float | None = float(np.mean(ratios))
        share: float | None = float(np.count_nonzero(ratios < thresholds.idle) / n_valid)
    else:
        median = mean = share = None

    ret, cap = result.retirement, result.capacity
    with np.errstate(invalid="ignore"):
        known = np.isfinite(ret) & np.isfinite(cap) & (ret >= 0) & (cap >= 0)
    cap_sum = float(np.sum(cap[known]))
    national = float(np.sum(ret[known]) / cap_sum) if cap_sum > 0 else None
    if national is not None and not math.isfinite(national):
        national = None

    found = Counter(result.ratio_class.tolist())
    class_counts = {code: int(found.get(code, 0)) for code in RATIO_CLASSES}
    return RatioSummary(
        n_regions=len(result),
        n_valid=n_valid,
        median=median,
        mean=mean,
        share_below=share,
        national_ratio=national,
        class_counts=class_counts,
    )


def ratio_regression(result: RatioResult) -> Regression:
    """OLS of ratio (fraction) on capacity (t/yr) over regions with a defined ratio.

    The slope is in ratio per tonne of annual capacity (multiply by 1e6 for per Mt/yr). Kept to
    reproduce the source; capacity is the ratio's denominator, so the slope is negative even
    when capacity ignores retirement entirely: test placement with :func:`capacity_elasticity`.
    """
    mask = np.isfinite(result.ratio)
    return ols(result.capacity[mask], result.ratio[mask])


def capacity_elasticity(result: RatioResult, level: float = 0.95) -> Elasticity:
    """Elasticity of retirement with respect to capacity: OLS of ln retirement on ln capacity.

    Uses the regions where both values are > 0 (t/yr; the unit cancels). A slope of 1 means
    capacity placed in proportion to retirement (the ratio does not depend on capacity); a
    slope below 1 means the larger capacities sit where retirements are relatively small. This
    answers the source's question without the spurious negative correlation that a ratio has
    with its own denominator (Pearson 1897; Kronmal 1993, JRSS A 156(3)): see
    :func:`ratio_regression`. ``p_proportional`` tests slope = 1 (Student's t, n − 2 df).
    """
    return elasticity(result.capacity, result.retirement, level)


_SEPARATOR = re.compile(r"\s*[,，;；]\s*|\s+")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)


def parse_thresholds(text: str) -> RatioThresholds:
    """Parse ``"idle,tight,shortage"`` (fractions), e.g. ``"0.2,0.8,1.0"``.

    Separators: comma, full-width comma ``，``, semicolon (``;`` or ``；``) or whitespace, with
    optional spaces around them. Exactly three plain decimal numbers are required; anything else
    (empty fields, percent signs, nan/inf, wrong order) raises
    :class:`~core.errors.SettingError` (a ``ValueError``).
    """
    if not isinstance(text, str):
        raise SettingError("thresholds", f"thresholds must be text, got {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        raise SettingError("thresholds", "thresholds are empty")
    parts = _SEPARATOR.split(stripped)
    if len(parts) != 3:
        raise SettingError(
            "thresholds", f"expected three numbers (idle, tight, shortage), got {text!r}"
        )
    for part in parts:
        if not _NUMBER.fullmatch(part):
            raise SettingError("thresholds", f"not a number: {part!r} in {text!r}")
    idle, tight, shortage = (float(p) for p in parts)
    return RatioThresholds(idle, tight, shortage)
