"""Input errors raised by the core analyses, with the row indices the caller needs.

The core never formats user-facing text: the Processing adapter catches these exceptions, maps
``indices`` (0-based positions in the input arrays) to feature ids and shows a translated message
naming the field (``which``).

Two bases, both ``ValueError``: :class:`RowValuesError` (bad values of one input at some rows:
``which``, ``indices``, ``reason``) and :class:`ParameterError` (a named parameter is unknown,
malformed or out of bounds: ``name``, ``reason``). The analyses subclass them (e.g.
:class:`InvalidValuesError` and :class:`LengthMismatchError` here, ``economics.InputError``,
``economics.presets.PresetError``), so an adapter can catch one base for every analysis;
:class:`NoValidRowsError` and :class:`ZeroTotalError` say that nothing can be computed.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

__all__ = [
    "InvalidValuesError",
    "LengthMismatchError",
    "NonNumericValueError",
    "NegativeValueError",
    "NonFiniteResultError",
    "NonFiniteValueError",
    "NoValidRowsError",
    "ParameterError",
    "RowValuesError",
    "SettingError",
    "SumOverflowError",
    "ZeroTotalError",
    "check_total",
    "check_values",
]


def _rows_text(indices: list[int], limit: int = 20) -> str:
    """``"1, 4, 7"`` for the first ``limit`` indices, with ``" (+n more)"`` beyond."""
    shown = ", ".join(str(i) for i in indices[:limit])
    return shown + (f" (+{len(indices) - limit} more)" if len(indices) > limit else "")


class RowValuesError(ValueError):
    """Base: values of the input ``which`` are unusable at the 0-based rows ``indices`` (empty
    when the input as a whole is wrong, e.g. a length mismatch); ``reason`` says why (English,
    for logs; adapters translate from the class and ``which``)."""

    reason = "invalid"

    def __init__(self, which: str, indices: Iterable[int], reason: str | None = None) -> None:
        self.which = str(which)
        self.indices: list[int] = [int(i) for i in indices]
        if reason is not None:
            self.reason = str(reason)
        super().__init__(self._message())

    def _message(self) -> str:
        rows = f" at rows {_rows_text(self.indices)}" if self.indices else ""
        return f"{self.which}: {self.reason}{rows}"


class ParameterError(ValueError):
    """A parameter is unknown, malformed or outside its physical bounds; ``name`` is the
    parameter (e.g. ``rm.rec_li``) or the key of a parameter file at fault, ``reason`` why."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = str(name)
        self.reason = message


class SettingError(ParameterError):
    """A setting of an analysis (number of classes, method, thresholds, units, years …) is
    invalid: ``name`` is the setting, ``reason`` why. Its text is the reason alone, which names
    the setting in its own words."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(name, message)
        self.args = (message,)


class NonNumericValueError(RowValuesError):
    """An input item is not a number (text that does not parse, an object): ``which`` the
    input, ``indices`` its row, ``value`` the item."""

    reason = "not a number"

    def __init__(self, which: str, index: int, value: object) -> None:
        self.value = value
        super().__init__(which, [index])

    def _message(self) -> str:
        return f"{self.which}: item {self.indices[0]} is not a number: {self.value!r}"


class InvalidValuesError(RowValuesError):
    """Some input values are unusable. ``indices``: 0-based rows; ``which``: the input's name."""

    reason = "invalid"

    def __init__(self, which: str, indices: Iterable[int]) -> None:
        super().__init__(which, indices)

    def _message(self) -> str:
        return f"{self.which}: {self.reason} values at rows {_rows_text(self.indices)}"


class NegativeValueError(InvalidValuesError):
    """Negative values where only values >= 0 make sense (volumes, counts, money)."""

    reason = "negative"


class NonFiniteValueError(InvalidValuesError):
    """Infinite values (null is NaN/None and allowed; +/-inf is not)."""

    reason = "infinite"


class SumOverflowError(NonFiniteValueError):
    """Finite values whose total is not finite (it overflows float64, above ~1.8e308): counted
    as non-finite. ``indices`` are the rows large enough to cause it (|value| > max ÷ n)."""

    reason = "too large: their total is not finite"


class NonFiniteResultError(RowValuesError, FloatingPointError):
    """A computed result ``which`` (e.g. "profit") is ±inf or NaN at the 0-based rows
    ``indices`` although the inputs were finite: they are too large for float64 (~1.8e308).
    ``unit`` names the rows in the log text ("plants"). Also a ``FloatingPointError``."""

    reason = "not finite"

    def __init__(self, which: str, indices: Iterable[int], unit: str = "rows") -> None:
        self.unit = str(unit)
        super().__init__(which, indices)

    def _message(self) -> str:
        return f"{self.which} is not finite at {self.unit} {self.indices[:10]}"


class LengthMismatchError(RowValuesError):
    """Inputs that must hold one value per row differ in length: ``which`` names them (e.g.
    "capital and firms"), ``lengths`` gives their lengths in that order."""

    def __init__(self, which: str, *lengths: int) -> None:
        self.lengths = tuple(int(n) for n in lengths)
        super().__init__(
            which, [], "differ in length: " + " != ".join(str(n) for n in self.lengths)
        )

    def _message(self) -> str:
        return f"{self.which} {self.reason}"


class NoValidRowsError(ValueError):
    """No row has all the values an analysis needs, so there is nothing to compute."""


class ZeroTotalError(ValueError):
    """The total of ``which`` over the usable rows is 0, so shares of it are undefined."""

    def __init__(self, which: str) -> None:
        self.which = str(which)
        super().__init__(f"{self.which}: the total over rows with data is 0; shares are undefined")


def check_values(values: npt.NDArray[np.float64], which: str) -> None:
    """Raise :class:`NonFiniteValueError` for +/-inf, then :class:`NegativeValueError` for < 0.

    NaN (null) passes. ``values`` is a float array as returned by ``stats.to_float_array``.
    """
    bad = np.flatnonzero(np.isinf(values))
    if bad.size:
        raise NonFiniteValueError(which, bad.tolist())
    with np.errstate(invalid="ignore"):
        bad = np.flatnonzero(values < 0)
    if bad.size:
        raise NegativeValueError(which, bad.tolist())


def check_total(values: npt.NDArray[np.float64], which: str) -> None:
    """Raise :class:`SumOverflowError` when the sum of the finite ``values`` (NaN = null,
    skipped) is not finite; ``indices`` are the rows whose magnitude exceeds the float64
    maximum divided by the number of values summed (at least one row does, when it overflows).
    """
    finite = np.isfinite(values)
    with np.errstate(over="ignore", invalid="ignore"):
        total = float(np.sum(values[finite]))
    if np.isfinite(total):
        return
    limit = np.finfo(np.float64).max / max(int(np.count_nonzero(finite)), 1)
    big = np.flatnonzero(finite & (np.abs(np.nan_to_num(values)) > limit))
    raise SumOverflowError(which, (big if big.size else np.flatnonzero(finite)).tolist())
