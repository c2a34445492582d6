"""Bad sales rows of :func:`core.forecast.forecast`: the kinds of problem, the error that lists
them by 0-based row, and the rows that make an output overflow float64 (~1.8e308). Units: sales
rows in t/yr and GWh/yr once converted.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .stats import FloatArray, IntArray

__all__ = ["INPUT_PROBLEMS", "ForecastInputError", "too_large_rows"]

#: Kinds of bad input rows reported by :class:`ForecastInputError`, in reporting order.
#: ``infinite_sales``: ±inf; ``too_large``: finite sales whose tonnes, GWh or regional sums are
#: not finite (above ~1.8e308), never written as inf.
INPUT_PROBLEMS = (
    "null_region",
    "invalid_year",
    "null_sales",
    "infinite_sales",
    "negative_sales",
    "duplicate",
    "too_large",
)


class ForecastInputError(ValueError):
    """Bad sales rows. ``problems`` maps each kind of :data:`INPUT_PROBLEMS` to the 0-based row
    indices concerned (only kinds that occur), ``rows`` is their sorted union, and
    ``duplicates`` maps each repeated (region, year) to all its rows. Callers translate the
    kinds and name the feature ids of the rows.
    """

    def __init__(
        self,
        problems: dict[str, list[int]],
        duplicates: dict[tuple[Any, int], list[int]] | None = None,
    ) -> None:
        self.problems = {k: list(problems[k]) for k in INPUT_PROBLEMS if problems.get(k)}
        self.duplicates = dict(duplicates or {})
        self.rows = sorted({r for rows in self.problems.values() for r in rows})
        parts = [f"{kind}: rows {_fmt_rows(rows)}" for kind, rows in self.problems.items()]
        super().__init__("invalid sales rows (" + "; ".join(parts) + ")")


def _fmt_rows(rows: Sequence[int], limit: int = 20) -> str:
    text = ", ".join(str(r) for r in rows[:limit])
    return text + (f" … (+{len(rows) - limit})" if len(rows) > limit else "")


def too_large_rows(
    t_rows: FloatArray,
    gwh_rows: FloatArray,
    inverse: IntArray,
    keep: Any,
    retired_gwh: FloatArray,
    cumulative_t: FloatArray,
) -> list[int]:
    """0-based sales rows that make an output not finite: rows whose t/yr or GWh/yr overflow,
    else, in each region whose totals overflow, the rows above float64 max ÷ its row count
    (at least one is, as the cumulative total never exceeds the region's sales)."""
    with np.errstate(invalid="ignore"):
        bad = ~(np.isfinite(t_rows) & np.isfinite(gwh_rows))
    if bad.any():
        return [int(i) for i in np.flatnonzero(bad)]
    regions = np.flatnonzero(
        ~(np.isfinite(cumulative_t).all(axis=1) & np.isfinite(retired_gwh).all(axis=1))
    )
    rows: list[int] = []
    for k in regions.tolist():
        mine = np.flatnonzero((inverse == k) & keep)
        limit = np.finfo(np.float64).max / max(mine.size, 1)
        big = mine[(t_rows[mine] > limit) | (gwh_rows[mine] > limit)]
        rows += (big if big.size else mine).tolist()
    return sorted(rows)
