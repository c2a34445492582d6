"""Break-even Li₂CO₃ price and support per tonne of a new plant (``profit_surface``).

For a fixed throughput Q > 0 (t/yr) and fixed transport and border costs X (CNY/yr), the plant
profit of :func:`.equations.evaluate_profit` is

    profit(P) = Q·(g(v(P)) + o − u·f) − F − X

with P the Li₂CO₃ price (CNY/t), v(P) = a + b·P − c_r·f the recycle value per tonne (a: the
other metals, b = ∂(material value)/∂P > 0, c_r·f the scaled regeneration cost), f the scale
factor at Q, o the other revenues per tonne (support, carbon, − purchase), u the collection,
dismantling and environmental unit costs, F the fixed cost, and g(v) = v when v ≥ V_c (the
cascade value) else φ·V_c + (1 − φ)·v (the cascade-fit share φ goes to cascade use). g is
continuous, piecewise affine and increasing, so profit is increasing in P and zero at one
price, found exactly by inverting g:

    need = (F + X)/Q − o + u·f ,  v* = need if need ≥ V_c else V_c + (need − V_c)/(1 − φ),
    P* = (v* + c_r·f − a) / b.

P* is NaN where Q = 0 (no supply reaches), where it exceeds ``max_price`` (default ten times
the given price) or where no price gives zero (φ = 1 below the cascade value). A P* below 0
(the plant pays even if lithium were free) is reported as 0.

Support per tonne: profit is affine in the support Sg with slope Q, so the extra support (or
gate fee paid to the recycler) per tonne that brings profit to zero is −profit/Q (CNY/t):
positive when the plant needs it, negative when it has that much to spare.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from ..stats import FloatArray
from .equations import cascade_value, fixed_cost_of, material_value, other_revenue, scale_factor

__all__ = [
    "MAX_PRICE_FACTOR",
    "breakeven_li2co3",
    "breakeven_support",
    "breakeven_surface",
    "price_parts",
]

#: No break-even price is reported above this multiple of the given Li₂CO₃ price.
MAX_PRICE_FACTOR = 10.0


def price_parts(v: Mapping[str, Any]) -> tuple[float, float]:
    """(a, b) with the material value per tonne of pack = a + b·P (CNY/t, P in CNY/t)."""

    def value(price: float) -> float:
        vv = dict(v)
        vv["rm.li2co3_price"] = price
        return float(material_value(vv))

    a = value(0.0)
    return a, value(1.0) - a


def breakeven_li2co3(
    v: Mapping[str, Any],
    capacity: float,
    throughput: Any,
    extra_cost: Any,
    max_price: float | None = None,
) -> FloatArray:
    """Li₂CO₃ price (CNY/t, float64) at which profit − ``extra_cost`` is zero for each
    ``throughput`` (t/yr), all other values ``v`` (flat parameters) as given; see the module
    docstring. ``extra_cost`` CNY/yr (transport and fees), broadcast with ``throughput``."""
    q = np.asarray(throughput, dtype=np.float64)
    x = np.asarray(extra_cost, dtype=np.float64)
    if max_price is None:
        max_price = MAX_PRICE_FACTOR * float(v["rm.li2co3_price"])
    a, b = price_parts(v)
    cascade = cascade_value(v)
    other = other_revenue(v)
    var = v["cp.unit_cost"] + v["cd.unit_cost"] + v["ce.unit_cost"]
    fixed = fixed_cost_of(v, capacity)
    phi = float(v["rt.cascade_share"])
    f = 1.0 - v["scale.lam"] * scale_factor(v, q)
    with np.errstate(divide="ignore", invalid="ignore"):
        need = (fixed + x) / q - other + var * f
        if phi < 1.0:
            rv = np.where(need >= cascade, need, cascade + (need - cascade) / (1.0 - phi))
        else:
            rv = np.where(need >= cascade, need, np.nan)
        price = (rv + v["cr.unit_cost"] * f - a) / b if b > 0 else np.full(q.shape, np.nan)
    price = np.where((q > 0) & np.isfinite(price) & (price <= max_price), price, np.nan)
    return np.where(price < 0, 0.0, price)


def breakeven_support(profit: Any, throughput: Any) -> FloatArray:
    """Extra support or gate fee per tonne (CNY/t) that brings ``profit`` (CNY/yr) at
    ``throughput`` (t/yr) to zero: −profit/throughput, NaN where the throughput is 0."""
    p = np.asarray(profit, dtype=np.float64)
    q = np.asarray(throughput, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(q > 0, -p / np.where(q > 0, q, 1.0), np.nan)


def breakeven_surface(
    result: Any, max_price: float | None = None, rows_per_chunk: int = 256
) -> FloatArray:
    """Break-even Li₂CO₃ price (CNY/t) of every cell of a :class:`.surface.SurfaceResult`,
    in its working precision, NaN where undefined (see :func:`breakeven_li2co3`)."""
    v = result.params.economics.values()
    out = np.empty(result.profit.shape, dtype=result.profit.dtype)
    for r0 in range(0, out.shape[0], rows_per_chunk):
        sl = slice(r0, r0 + rows_per_chunk)
        extra = result.transport_cost[sl].astype(np.float64) + np.nan_to_num(
            result.border_fee_cost[sl].astype(np.float64)
        )
        out[sl] = breakeven_li2co3(
            v, result.params.capacity, result.throughput[sl], extra, max_price
        )
    return out
