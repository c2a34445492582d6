"""Input errors raised by the core analyses, with the row indices the caller needs.

The core never formats user-facing text: the Processing adapter catches these exceptions, maps
``indices`` (0-based positions in the input arrays) to feature ids and shows a translated message
naming the field (``which``).
"""

from __future__ import annotations

from typing import Iterable, List

import numpy as np

__all__ = [
    "InvalidValuesError",
    "NegativeValueError",
    "NonFiniteValueError",
    "NoValidRowsError",
    "ZeroTotalError",
    "check_values",
]


class InvalidValuesError(ValueError):
    """Some input values are unusable. ``indices``: 0-based rows; ``which``: the input's name."""

    reason = "invalid"

    def __init__(self, which: str, indices: Iterable[int]) -> None:
        self.which = str(which)
        self.indices: List[int] = [int(i) for i in indices]
        shown = ", ".join(str(i) for i in self.indices[:20])
        more = f" (+{len(self.indices) - 20} more)" if len(self.indices) > 20 else ""
        super().__init__(f"{self.which}: {self.reason} values at rows {shown}{more}")


class NegativeValueError(InvalidValuesError):
    """Negative values where only values >= 0 make sense (volumes, counts, money)."""

    reason = "negative"


class NonFiniteValueError(InvalidValuesError):
    """Infinite values (null is NaN/None and allowed; +/-inf is not)."""

    reason = "infinite"


class NoValidRowsError(ValueError):
    """No row has all the values an analysis needs, so there is nothing to compute."""


class ZeroTotalError(ValueError):
    """The total of ``which`` over the usable rows is 0, so shares of it are undefined."""

    def __init__(self, which: str) -> None:
        self.which = str(which)
        super().__init__(f"{self.which}: the total over rows with data is 0; shares are undefined")


def check_values(values: np.ndarray, which: str) -> None:
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
