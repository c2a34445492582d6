"""How the best sites of a profit surface change with the plant's capacity (``profit_surface``'s
report): the surface is computed again for each capacity, everything else as given.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Callable

from ..economics.breakeven import breakeven_li2co3, breakeven_support
from .surface import BestCell, SurfaceResult, best_locations

__all__ = ["DEFAULT_SIZES_T", "SizeRow", "best_site_row", "capacity_sweep"]

#: Capacities shown by default (t/yr): 20, 50, 100 and 200 kt/yr.
DEFAULT_SIZES_T = (20_000.0, 50_000.0, 100_000.0, 200_000.0)


@dataclass(frozen=True)
class SizeRow:
    """The best site for one capacity (t/yr): ``profit`` CNY/yr, ``throughput`` t/yr,
    ``breakeven_li2co3`` CNY/t and ``breakeven_support`` CNY/t (None when undefined), and
    ``n_sites`` cells whose throughput reaches ``min_throughput`` (t/yr). ``best`` is None when
    no cell reaches it."""

    capacity: float
    min_throughput: float
    best: BestCell | None
    breakeven_li2co3: float | None
    breakeven_support: float | None
    n_sites: int


def best_site_row(
    result: SurfaceResult, min_throughput: float, min_separation_km: float | None = None
) -> SizeRow:
    """The best cell of ``result`` with a throughput above ``min_throughput`` and its
    break-even Li₂CO₃ price and support (:mod:`.breakeven`)."""
    picks = best_locations(result, 1, min_separation_km, min_throughput)
    n_sites = int((result.throughput > min_throughput).sum())
    cap = result.params.capacity
    if not picks:
        return SizeRow(cap, min_throughput, None, None, None, n_sites)
    b = picks[0]
    fee = float(result.border_fee_cost[b.row, b.col])
    extra = float(result.transport_cost[b.row, b.col]) + (fee if math.isfinite(fee) else 0.0)
    price = float(
        breakeven_li2co3(result.params.economics.values(), cap, [b.throughput], [extra])[0]
    )
    support = float(breakeven_support([b.profit], [b.throughput])[0])
    return SizeRow(
        cap,
        min_throughput,
        b,
        price if math.isfinite(price) else None,
        support if math.isfinite(support) else None,
        n_sites,
    )


def capacity_sweep(
    run: Callable[[Any], SurfaceResult],
    params: Any,
    capacities: Sequence[float] = DEFAULT_SIZES_T,
    min_share: float = 0.5,
) -> list[SizeRow]:
    """For each capacity C (t/yr): ``run(params with capacity C)`` (the caller's surface, on
    its grid and supply) and its best site with a throughput above ``min_share``·C."""
    rows = []
    for cap in capacities:
        result = run(replace(params, capacity=float(cap)))
        rows.append(best_site_row(result, min_share * float(cap)))
        del result
    return rows
