"""Small statistics helpers shared by the analyses: least squares, Pearson correlation, the
log–log elasticity and the Benjamini–Hochberg adjustment.

Everything returned is a plain Python ``int``/``float`` (or ``None`` when undefined), never a
numpy scalar, so the values can go straight into QGIS outputs and HTML reports. Units are those of
the inputs: the slope is in units of y per unit of x, the intercept in units of y.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt

from .errors import LengthMismatchError, NonNumericValueError, RowValuesError, SettingError

__all__ = [
    "BoolArray",
    "Elasticity",
    "FloatArray",
    "IntArray",
    "ObjectArray",
    "Values",
    "Regression",
    "bh_adjust",
    "elasticity",
    "ols",
    "pearson",
    "to_float_array",
]

#: A float64 numpy array (values in the unit of the quantity it holds; NaN = null).
FloatArray: TypeAlias = npt.NDArray[np.float64]
#: A boolean numpy array (masks, flags).
BoolArray: TypeAlias = npt.NDArray[np.bool_]
#: An integer numpy array (class numbers, row indices).
IntArray: TypeAlias = npt.NDArray[np.int64]
#: A numpy array of Python objects (texts, codes or None).
ObjectArray: TypeAlias = npt.NDArray[np.object_]
#: Input values of an analysis: a 1-D sequence of numbers where None (or NaN) is null, or an array.
Values: TypeAlias = Sequence[Any] | npt.NDArray[Any]


@dataclass(frozen=True)
class Regression:
    """Result of an ordinary least-squares fit ``y = intercept + slope * x``.

    ``n`` is the number of pairs used (both values finite). The other fields are ``None`` when the
    fit is undefined: fewer than 3 pairs, or x or y without variance.
    ``slope`` is in y units per x unit; ``intercept`` in y units; ``r`` is Pearson's
    correlation, ``r2`` its square, ``p_value`` the two-sided p-value of the slope (Student's t,
    n - 2 degrees of freedom).
    """

    n: int
    slope: float | None = None
    intercept: float | None = None
    r: float | None = None
    r2: float | None = None
    p_value: float | None = None

    @property
    def defined(self) -> bool:
        """True when the fit has a slope (n >= 3 and both variables vary)."""
        return self.slope is not None


def to_float_array(values: Any, name: str = "values") -> FloatArray:
    """Convert a 1-D sequence to a float64 array, with ``None`` (and pandas NA) as NaN.

    Raises :class:`~core.errors.RowValuesError` if the input is not one-dimensional and
    :class:`~core.errors.NonNumericValueError` for an item that is not a number (both are
    ``ValueError``).
    """
    try:
        arr = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        # Object input with None/pd.NA mixed in: convert item by item.
        items = np.asarray(values, dtype=object).ravel()
        out = np.empty(items.shape[0], dtype=np.float64)
        for i, item in enumerate(items):
            if item is None or (not isinstance(item, str) and _is_na(item)):
                out[i] = np.nan
                continue
            try:
                out[i] = float(item)
            except (TypeError, ValueError):
                raise NonNumericValueError(name, i, item) from None
        arr = out.reshape(np.shape(np.asarray(values, dtype=object)))
    if arr.ndim == 0:
        arr = arr.reshape(1)
    if arr.ndim != 1:
        raise RowValuesError(
            name, [], f"expected a one-dimensional sequence, got shape {arr.shape}"
        )
    return arr


def _is_na(item: Any) -> bool:
    """True for pandas' NA/NaT-like missing markers without importing pandas."""
    try:
        return bool(item != item)  # NaN, pd.NaT
    except TypeError:  # pd.NA raises on bool()
        return True


def _pairs(x: Any, y: Any) -> tuple[FloatArray, FloatArray]:
    xa = to_float_array(x, "x")
    ya = to_float_array(y, "y")
    if xa.shape != ya.shape:
        raise LengthMismatchError("x and y", xa.shape[0], ya.shape[0])
    keep = np.isfinite(xa) & np.isfinite(ya)
    return xa[keep], ya[keep]


def ols(x: Values, y: Values) -> Regression:
    """Ordinary least squares of y on x over the pairs where both values are finite.

    Returns slope (y units per x unit), intercept (y units), Pearson r, R² and the two-sided
    p-value of the slope from Student's t with n - 2 degrees of freedom. With n < 3, when x or
    y has zero variance, or when the sums overflow float64, only ``n`` is set and the other
    fields are ``None``; an r, R² or p that is NaN is ``None`` too, never clamped to a bound.
    """
    xs, ys = _pairs(x, y)
    n = int(xs.shape[0])
    if n < 3 or np.all(xs == xs[0]) or np.all(ys == ys[0]):
        return Regression(n=n)
    x_mean = float(np.mean(xs))
    y_mean = float(np.mean(ys))
    dx = xs - x_mean
    dy = ys - y_mean
    with np.errstate(over="ignore", invalid="ignore"):  # an overflow is caught just below
        sxx = float(np.dot(dx, dx))
        syy = float(np.dot(dy, dy))
        sxy = float(np.dot(dx, dy))
    if not all(math.isfinite(v) for v in (x_mean, y_mean, sxx, syy, sxy)):
        return Regression(n=n)  # the sums overflow float64: undefined, never clamped
    if sxx <= 0.0 or syy <= 0.0:  # underflow on nearly constant data
        return Regression(n=n)
    slope = sxy / sxx
    intercept = y_mean - slope * x_mean
    resid = dy - slope * dx
    ssr = float(np.dot(resid, resid))  # residual sum of squares, exact 0 for a perfect line
    if not (math.isfinite(slope) and math.isfinite(intercept) and math.isfinite(ssr)):
        return Regression(n=n)
    if ssr == 0.0:
        r = math.copysign(1.0, slope)
    else:
        r = _clip(sxy / (math.sqrt(sxx) * math.sqrt(syy)), -1.0, 1.0)
    p_value = _slope_p_value(slope, sxx, ssr, n)
    return Regression(
        n=n,
        slope=float(slope),
        intercept=float(intercept),
        r=_defined(r),
        r2=_defined(r * r),
        p_value=_defined(p_value),
    )


def _defined(value: float) -> float | None:
    """``value`` as a float, or None when it is NaN or infinite (undefined, never clamped)."""
    return float(value) if math.isfinite(value) else None


def _slope_p_value(slope: float, sxx: float, ssr: float, n: int) -> float:
    """Two-sided p-value of the OLS slope: t = slope / SE with n - 2 degrees of freedom."""
    from scipy import stats as sp_stats

    df = n - 2
    if ssr <= 0.0:  # perfect fit: t is infinite
        return 0.0
    t_value = abs(slope) / math.sqrt(ssr / (df * sxx))
    return _clip(float(2.0 * sp_stats.t.sf(t_value, df)), 0.0, 1.0)


def _clip(value: float, lo: float, hi: float) -> float:
    """``value`` limited to [lo, hi]; NaN stays NaN (``min``/``max`` would turn it into a bound)."""
    return value if math.isnan(value) else max(lo, min(hi, value))


def pearson(x: Values, y: Values) -> tuple[float | None, float | None, int]:
    """Pearson correlation of the finite pairs: ``(r, two-sided p, n)``.

    ``r`` and ``p`` are ``None`` when n < 3 or either variable has zero variance.
    """
    reg = ols(x, y)
    return reg.r, reg.p_value, reg.n


@dataclass(frozen=True)
class Elasticity:
    """Log–log least squares ``ln y = intercept + slope · ln x`` with inference on the slope.

    ``slope`` is the elasticity (dimensionless: % change of y per 1 % change of x); ``low`` and
    ``high`` bound its two-sided ``level`` confidence interval (Student's t, n − 2 degrees of
    freedom); ``p_proportional`` is the two-sided p-value of slope = 1 (y proportional to x);
    ``se`` the slope's standard error; ``r2`` the R² of the log–log fit; ``intercept`` is in
    ln units of y. ``n`` counts the pairs with both values finite and > 0. Every field but
    ``n`` and ``level`` is ``None`` when undefined (n < 3, or ln x or ln y without variance).
    """

    n: int
    level: float = 0.95
    slope: float | None = None
    intercept: float | None = None
    low: float | None = None
    high: float | None = None
    se: float | None = None
    p_proportional: float | None = None
    r2: float | None = None

    @property
    def defined(self) -> bool:
        """True when the fit has a slope."""
        return self.slope is not None


def elasticity(x: Values, y: Values, level: float = 0.95) -> Elasticity:
    """Elasticity of y with respect to x: OLS of ln y on ln x over pairs with x > 0 and y > 0.

    Units cancel (a slope of 0.5: y grows 0.5 % per 1 % of x). Assumes ln y = a + b ln x + e with
    independent errors of constant variance, normal for the t-based interval and p-value. With a
    perfect fit the interval is the slope itself and the p-value is 0 (or 1 when slope = 1).
    """
    from scipy import stats as sp_stats

    if not 0.0 < level < 1.0:
        raise SettingError("level", f"confidence level must be between 0 and 1, got {level!r}")
    xs, ys = _pairs(x, y)
    keep = (xs > 0) & (ys > 0)
    reg = ols(np.log(xs[keep]), np.log(ys[keep]))
    if reg.slope is None:
        return Elasticity(n=reg.n, level=float(level))
    lx, ly = np.log(xs[keep]), np.log(ys[keep])
    dx = lx - lx.mean()
    sxx = float(np.dot(dx, dx))
    resid = (ly - ly.mean()) - reg.slope * dx
    df = reg.n - 2
    se = math.sqrt(float(np.dot(resid, resid)) / df / sxx)
    half = float(sp_stats.t.ppf(0.5 + level / 2.0, df)) * se
    if se > 0.0:
        p_one = _clip(float(2.0 * sp_stats.t.sf(abs(reg.slope - 1.0) / se, df)), 0.0, 1.0)
    else:
        p_one = 1.0 if reg.slope == 1.0 else 0.0
    return Elasticity(
        n=reg.n,
        level=float(level),
        slope=reg.slope,
        intercept=reg.intercept,
        low=reg.slope - half,
        high=reg.slope + half,
        se=se,
        p_proportional=_defined(p_one),
        r2=reg.r2,
    )


def bh_adjust(p_values: Values) -> FloatArray:
    """Benjamini–Hochberg (1995) adjusted p-values (false discovery rate), NaN kept as NaN.

    For the m finite p-values sorted ascending, q_(i) = min over j >= i of m p_(j) / j, capped
    at 1; returned in input order. Rejecting q < α controls the false discovery rate at α for
    independent (or positively dependent) tests.
    """
    p = to_float_array(p_values, "p-values")
    q = np.full(p.shape, np.nan)
    idx = np.flatnonzero(np.isfinite(p))
    if idx.size == 0:
        return q
    order = idx[np.argsort(p[idx], kind="stable")]
    m = order.size
    scaled = p[order] * m / np.arange(1, m + 1)
    q[order] = np.minimum(np.minimum.accumulate(scaled[::-1])[::-1], 1.0)
    return q
