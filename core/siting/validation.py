"""Checks shared by the siting computations: numbers, enumerations, coordinates, codes.

Every failure is structured (:mod:`..errors`): :class:`~..errors.ParameterError` for a bad
parameter, an :class:`~..errors.InvalidValuesError` subclass naming the rows of bad values.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

from ..errors import InvalidValuesError, NegativeValueError, NonFiniteValueError, ParameterError
from ..stats import to_float_array

__all__ = [
    "Array",
    "BoolArray",
    "FloatArray",
    "IntArray",
    "MissingCoordinateError",
    "choice",
    "number",
    "points",
    "province_codes",
    "volumes",
]

#: The array types of the siting computations (``Array``: any dtype, e.g. the working
#: precision, float32 or float64).
Array = npt.NDArray[Any]
FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


class MissingCoordinateError(InvalidValuesError):
    """Rows without usable coordinates (NaN or infinite x/y)."""

    reason = "missing or non-finite coordinate"


def number(value: Any, name: str, *, positive: bool = False) -> float:
    """``value`` as a finite float ≥ 0 (> 0 with ``positive``), else :class:`ParameterError`.
    Strings, booleans and None are refused (units: those of the parameter ``name``)."""
    if isinstance(value, (bool, np.bool_, str)) or value is None:
        raise ParameterError(name, f"expected a number, got {value!r}")
    try:
        out = float(value)
    except (TypeError, ValueError):
        raise ParameterError(name, f"expected a number, got {value!r}") from None
    if not math.isfinite(out) or out < 0 or (positive and out == 0):
        raise ParameterError(
            name, f"must be finite and {'> 0' if positive else '>= 0'}, " f"got {value!r}"
        )
    return out


def choice(value: Any, options: tuple[str, ...], name: str) -> str:
    """An enumeration value given by name (or, for scripts, by its index in ``options``)."""
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        if 0 <= int(value) < len(options):
            return options[int(value)]
    elif isinstance(value, str) and value.strip().lower() in options:
        return value.strip().lower()
    raise ParameterError(name, f"expected one of {options} (or its index), got {value!r}")


def volumes(values: Any, which: str, n: int | None = None) -> FloatArray:
    """Volumes (t/yr) as float64, NaN = null; :class:`NonFiniteValueError` for ±inf and
    :class:`NegativeValueError` for < 0; with ``n``, :class:`InvalidValuesError` (no rows)
    when the length differs."""
    arr = to_float_array(values, which)
    if n is not None and arr.shape[0] != n:
        raise InvalidValuesError(which, [])
    bad = np.flatnonzero(np.isinf(arr))
    if bad.size:
        raise NonFiniteValueError(which, bad.tolist())
    with np.errstate(invalid="ignore"):
        bad = np.flatnonzero(arr < 0)
    if bad.size:
        raise NegativeValueError(which, bad.tolist())
    return arr


def points(
    x: Any, y: Any, values: Any, which: str
) -> tuple[FloatArray, FloatArray, FloatArray, BoolArray]:
    """Validated x, y (m), values (t/yr, float64) and the mask of rows taking part (value not
    null); :class:`MissingCoordinateError` for rows with a value but no usable x/y."""
    xa, ya = to_float_array(x, f"{which}_x"), to_float_array(y, f"{which}_y")
    va = to_float_array(values, which)
    if not (xa.shape == ya.shape == va.shape):
        raise InvalidValuesError(which, [])
    va = volumes(va, which)
    use = np.isfinite(va)
    bad = np.flatnonzero(use & ~(np.isfinite(xa) & np.isfinite(ya)))
    if bad.size:
        raise MissingCoordinateError(which, bad.tolist())
    return xa, ya, va, use


def province_codes(values: Any, n: int, which: str) -> IntArray:
    """Integer province codes as int64 (null or negative → −1); :class:`InvalidValuesError`
    for fractions or a length other than ``n``, :class:`NonFiniteValueError` for ±inf."""
    arr = to_float_array(values, which)
    if arr.shape[0] != n:
        raise InvalidValuesError(which, [])
    bad = np.flatnonzero(np.isfinite(arr) & (arr != np.round(arr)))
    if bad.size:
        raise InvalidValuesError(which, bad.tolist())
    bad = np.flatnonzero(np.isinf(arr))
    if bad.size:
        raise NonFiniteValueError(which, bad.tolist())
    out = np.where(np.isfinite(arr) & (arr >= 0), arr, -1.0)
    return out.astype(np.int64)
