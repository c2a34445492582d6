"""Numbers too large for the profit surface's working precision (``float32`` or ``float64``).

A supply of 1e300 t/yr or a plant capacity of 1e300 t/yr is finite as input but its sums,
costs or profits are not in the grid's precision: the surface would be NaN or ±inf. These
checks refuse such input before the grid is computed, with :class:`SurfaceOverflowError`
naming what is too large, and :func:`check_result` refuses a surface that is not finite after
all (the last guard). Units: supply and capacity t/yr, profits CNY/yr.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..economics.model import evaluate_profit
from ..errors import ParameterError
from ..stats import FloatArray

__all__ = ["HEADROOM", "SurfaceOverflowError", "check_capacity", "check_result", "check_supply"]

#: Factor kept free below the precision's largest value, for the FFT's round-off and sums.
HEADROOM = 64.0


class SurfaceOverflowError(ParameterError):
    """The surface would not be finite in the working precision ``precision`` ("float32" or
    "float64"), whose largest value is ``limit``. ``which``: ``capacity`` (the plant's
    capacity, fixed cost or profit at capacity is too large), ``supply`` (the supply is too
    large; ``indices`` are the 0-based supply rows above ``limit`` ÷ rows — points in input
    order, or the flat cells of a supply grid — or empty when only their total is), or
    ``parameters`` (supply × transport cost, detour, haul radius or border fee is too large,
    or the surface came out non-finite; ``indices`` empty). Also a ``ParameterError``
    (``name`` = ``which``)."""

    def __init__(self, which: str, indices: Any, limit: float, precision: str) -> None:
        self.which = str(which)
        self.indices: list[int] = [int(i) for i in indices]
        self.limit = float(limit)
        self.precision = str(precision)
        rows = f" at rows {self.indices[:20]}" if self.indices else ""
        super().__init__(
            self.which,
            f"too large for {self.precision} (largest value {self.limit:.3g}): the surface "
            f"would not be finite{rows}",
        )


def _limit(dtype: Any) -> tuple[float, str]:
    """The usable maximum of ``dtype`` (its largest value ÷ :data:`HEADROOM`) and its name."""
    info = np.finfo(dtype)
    return float(info.max) / HEADROOM, str(np.dtype(dtype))


def check_capacity(econ_values: Any, capacity: float, dtype: Any) -> None:
    """Refuse a capacity (t/yr) whose profit at throughput 0 (−fixed cost) or at capacity
    (CNY/yr) is not finite or beyond ``dtype``'s usable range."""
    limit, name = _limit(dtype)
    with np.errstate(all="ignore"):
        at = np.asarray(evaluate_profit(econ_values, capacity, np.array([0.0, capacity])))
    if not (capacity <= limit and np.isfinite(at).all() and (np.abs(at) <= limit).all()):
        raise SurfaceOverflowError("capacity", [], float(np.finfo(dtype).max), name)


def check_supply(tonnes: FloatArray, params: Any, rp: int, dtype: Any) -> None:
    """Refuse supply (t/yr, flat, NaN = none) whose catchment sums cannot be represented:
    every cell sums up to (2·rp + 1)² kernel cells weighted by distances up to the haul radius
    (km), so the total must stay below the usable maximum ÷ (cells × max(1, radius)); then the
    transport cost (× detour × CNY/t·km × radius) and border fee (CNY/t) of that total too."""
    limit, name = _limit(dtype)
    finite = np.isfinite(tonnes)
    with np.errstate(over="ignore", invalid="ignore"):
        total = float(np.sum(tonnes[finite]))
    reach = float((2 * rp + 1) ** 2) * max(1.0, float(params.haul_radius_km))
    cap = limit / reach
    if not np.isfinite(total) or total > cap:
        n = max(int(np.count_nonzero(finite)), 1)
        with np.errstate(invalid="ignore"):
            big = np.flatnonzero(finite & (tonnes > cap / n))
        raise SurfaceOverflowError("supply", big.tolist(), float(np.finfo(dtype).max), name)
    per_t = max(
        float(params.haul_radius_km) * float(params.detour) * float(params.transport_cost),
        float(params.border_fee),
    )
    if not total * max(per_t, 1.0) <= cap:
        raise SurfaceOverflowError("parameters", [], float(np.finfo(dtype).max), name)


def check_result(profit: Any, supply: Any, dtype: Any, rows: int = 1024) -> None:
    """The last guard: a profit cell that is ±inf, or NaN where the supply sum is defined
    (NaN supply marks cells outside every province), refuses the whole surface. By blocks of
    ``rows`` rows to keep the temporary masks small."""
    for r0 in range(0, profit.shape[0], rows):
        p, s = profit[r0 : r0 + rows], supply[r0 : r0 + rows]
        if np.isfinite(p).all():  # the usual case: one pass, one mask
            continue
        if (np.isinf(p) | (np.isnan(p) & ~np.isnan(s))).any():
            raise SurfaceOverflowError(
                "parameters", [], float(np.finfo(dtype).max), str(np.dtype(dtype))
            )
