"""Small statistics helpers shared by the analyses: least squares and Pearson correlation.

Everything returned is a plain Python ``int``/``float`` (or ``None`` when undefined), never a
numpy scalar, so the values can go straight into QGIS outputs and HTML reports. Units are those of
the inputs: the slope is in units of y per unit of x, the intercept in units of y.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Optional, Sequence, Tuple

import numpy as np

__all__ = ["Regression", "ols", "pearson", "to_float_array"]


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
    slope: Optional[float] = None
    intercept: Optional[float] = None
    r: Optional[float] = None
    r2: Optional[float] = None
    p_value: Optional[float] = None

    @property
    def defined(self) -> bool:
        """True when the fit has a slope (n >= 3 and both variables vary)."""
        return self.slope is not None


def to_float_array(values: Any, name: str = "values") -> np.ndarray:
    """Convert a 1-D sequence to a float64 array, with ``None`` (and pandas NA) as NaN.

    Raises ``ValueError`` if the input is not one-dimensional or holds non-numeric items.
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
                raise ValueError(f"{name}: item {i} is not a number: {item!r}") from None
        arr = out.reshape(np.shape(np.asarray(values, dtype=object)))
    if arr.ndim == 0:
        arr = arr.reshape(1)
    if arr.ndim != 1:
        raise ValueError(f"{name}: expected a one-dimensional sequence, got shape {arr.shape}")
    return arr


def _is_na(item: Any) -> bool:
    """True for pandas' NA/NaT-like missing markers without importing pandas."""
    try:
        return bool(item != item)  # NaN, pd.NaT
    except TypeError:  # pd.NA raises on bool()
        return True


def _pairs(x: Any, y: Any) -> Tuple[np.ndarray, np.ndarray]:
    xa = to_float_array(x, "x")
    ya = to_float_array(y, "y")
    if xa.shape != ya.shape:
        raise ValueError(f"x and y differ in length: {xa.shape[0]} != {ya.shape[0]}")
    keep = np.isfinite(xa) & np.isfinite(ya)
    return xa[keep], ya[keep]


def ols(x: Sequence[Any], y: Sequence[Any]) -> Regression:
    """Ordinary least squares of y on x over the pairs where both values are finite.

    Returns slope (y units per x unit), intercept (y units), Pearson r, R² and the two-sided
    p-value of the slope from Student's t with n - 2 degrees of freedom. With n < 3, or when x or
    y has zero variance, only ``n`` is set and the other fields are ``None``.
    """
    xs, ys = _pairs(x, y)
    n = int(xs.shape[0])
    if n < 3 or np.all(xs == xs[0]) or np.all(ys == ys[0]):
        return Regression(n=n)
    x_mean = float(np.mean(xs))
    y_mean = float(np.mean(ys))
    dx = xs - x_mean
    dy = ys - y_mean
    sxx = float(np.dot(dx, dx))
    syy = float(np.dot(dy, dy))
    sxy = float(np.dot(dx, dy))
    if sxx <= 0.0 or syy <= 0.0:  # underflow on nearly constant data
        return Regression(n=n)
    slope = sxy / sxx
    intercept = y_mean - slope * x_mean
    resid = dy - slope * dx
    ssr = float(np.dot(resid, resid))  # residual sum of squares, exact 0 for a perfect line
    if ssr == 0.0:
        r = math.copysign(1.0, slope)
    else:
        r = max(-1.0, min(1.0, sxy / (math.sqrt(sxx) * math.sqrt(syy))))
    return Regression(
        n=n,
        slope=float(slope),
        intercept=float(intercept),
        r=float(r),
        r2=float(r * r),
        p_value=_slope_p_value(slope, sxx, ssr, n),
    )


def _slope_p_value(slope: float, sxx: float, ssr: float, n: int) -> float:
    """Two-sided p-value of the OLS slope: t = slope / SE with n - 2 degrees of freedom."""
    from scipy import stats as sp_stats

    df = n - 2
    if ssr <= 0.0:  # perfect fit: t is infinite
        return 0.0
    t_value = abs(slope) / math.sqrt(ssr / (df * sxx))
    return float(min(1.0, 2.0 * sp_stats.t.sf(t_value, df)))


def pearson(
    x: Sequence[Any], y: Sequence[Any]
) -> Tuple[Optional[float], Optional[float], int]:
    """Pearson correlation of the finite pairs: ``(r, two-sided p, n)``.

    ``r`` and ``p`` are ``None`` when n < 3 or either variable has zero variance.
    """
    reg = ols(x, y)
    return reg.r, reg.p_value, reg.n
