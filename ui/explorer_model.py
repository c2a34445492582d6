"""Chart data and widget settings of the economics explorer, with no Qt import.

Everything the explorer draws comes from :func:`chart_data`, which calls the same core model as
``plant_profit`` (:func:`core.economics.evaluate_values`, :func:`plant_economics`,
:func:`cascade_break_even_spread`, :func:`cascade_value`), so the tests can check the numbers without a widget. Units:
throughput and capacity t/yr in, Q = t/yr ÷ 10,000 (10 kt/yr, 万吨) on the x axes; money CNY/yr
and CNY/t; spreads CNY/kWh.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..core.constants import Q_UNIT, STAGE_BOUNDS
from ..core.economics.model import (
    COST_TERMS,
    GROUPS,
    PARAMETER_SPECS,
    REVENUE_TERMS,
    EconomicParams,
    ParamSpec,
    cascade_break_even_spread,
    cascade_value,
    evaluate_values,
    plant_economics,
    scale_stage,
)
from ..core.stats import FloatArray

__all__ = [
    "Q_UNIT",
    "STAGE_BOUNDS",
    "ChartData",
    "SpinSettings",
    "chart_data",
    "group_names",
    "spin_settings",
]

#: Upper bound shown in a spin box when the parameter has none (the physical bound is ∞).
UNBOUNDED_MAX = 1e12


@dataclass(frozen=True)
class SpinSettings:
    """How a parameter is edited: minimum, maximum, decimals and single step (its own unit)."""

    minimum: float
    maximum: float
    decimals: int
    step: float


def group_names() -> dict[str, list[str]]:
    """Flat parameter names by group key (``rm`` … ``feedstock``), in table order."""
    out: dict[str, list[str]] = {key: [] for key in GROUPS}
    for name, spec in PARAMETER_SPECS.items():
        out[spec.group].append(name)
    return out


def spin_settings(spec: ParamSpec, value: float) -> SpinSettings:
    """Spin-box settings inside the physical bounds of ``spec`` (an open lower bound is moved
    up by one step of the shown precision)."""
    magnitude = abs(value) if value else max(abs(spec.lo), 1.0)
    if spec.unit == "fraction" or magnitude < 1:
        decimals = 3
    elif magnitude < 100:
        decimals = 2
    else:
        decimals = 0
    step = 10.0 ** (math.floor(math.log10(magnitude)) - 1) if magnitude > 0 else 0.01
    step = max(step, 10.0**-decimals)
    low = spec.lo + (10.0**-decimals if spec.open_lo else 0.0)
    high = UNBOUNDED_MAX if spec.hi is None else float(spec.hi)
    return SpinSettings(float(low), high, decimals, float(step))


@dataclass
class ChartData:
    """What the four explorer charts show.

    ``q`` and ``profit``/``unit_cost``: the current plant (capacity and fixed cost held) from 0
    to its capacity; ``sizes_q`` and ``full_profit``/``full_unit_cost``: a plant of each size at
    full use, up to ``x_max`` (all in Q, CNY/yr and CNY/t). ``breakeven_q``: throughput where the
    current plant's profit is 0 (NaN if none within capacity). ``current``: the current plant's
    row (:meth:`PlantEconomics.row`). ``revenue_by_term``/``cost_by_term``: CNY/yr. The cascade
    comparison: ``spreads`` (CNY/kWh) with ``cascade_value`` (CNY/t at each spread) against the
    constant ``recycle_value`` (CNY/t), the break-even spread and the current spread.
    """

    x_max: float
    q: FloatArray
    profit: FloatArray
    unit_cost: FloatArray
    sizes_q: FloatArray
    full_profit: FloatArray
    full_unit_cost: FloatArray
    capacity_q: float
    throughput_q: float
    breakeven_q: float
    stage: str | None
    current: dict[str, Any]
    revenue_by_term: dict[str, float]
    cost_by_term: dict[str, float]
    spreads: FloatArray
    cascade_value: FloatArray
    recycle_value: float
    breakeven_spread: float
    spread: float

    @property
    def stage_bounds(self) -> tuple[float, float]:
        """The paper's stage bounds in Q (5 and 20)."""
        return STAGE_BOUNDS


def chart_data(
    params: EconomicParams, capacity_t: float, throughput_t: float, points: int = 200
) -> ChartData:
    """All chart series for a plant of ``capacity_t`` running ``throughput_t`` (t/yr; clipped
    to the capacity). Raises the core's ``InputError``/``ParameterError`` on bad values."""
    cap = float(capacity_t)
    thr = min(max(float(throughput_t), 0.0), cap) if cap > 0 else float(throughput_t)
    res = plant_economics(params, [cap], [thr])
    row = res.row(0)
    fixed = float(res.fixed_cost[0])
    v = params.values()
    t = np.linspace(0.0, cap, points)
    curve = evaluate_values(v, cap, t, fixed)
    x_max = max(STAGE_BOUNDS[1] * 1.25, 1.05 * cap / Q_UNIT)
    sizes = np.linspace(x_max / points, x_max, points) * Q_UNIT
    full = evaluate_values(v, sizes, sizes)

    spread_now = params.rt.spread
    s_star = cascade_break_even_spread(params, thr)
    top = max(1.5, 1.5 * spread_now, 1.3 * s_star if np.isfinite(s_star) else 0.0)
    spreads = np.linspace(0.0, top, points)
    cascade = cascade_value(v, spreads)

    return ChartData(
        x_max=x_max,
        q=t / Q_UNIT,
        profit=np.asarray(curve["profit"], float),
        unit_cost=np.asarray(curve["unit_cost"], float),
        sizes_q=sizes / Q_UNIT,
        full_profit=np.asarray(full["profit"], float),
        full_unit_cost=np.asarray(full["unit_cost"], float),
        capacity_q=cap / Q_UNIT,
        throughput_q=thr / Q_UNIT,
        breakeven_q=float(res.breakeven_t[0]) / Q_UNIT,
        stage=scale_stage([thr])[0],
        current=row,
        revenue_by_term={k: float(res.revenue_by_term[k][0]) for k in REVENUE_TERMS},
        cost_by_term={k: float(res.cost_by_term[k][0]) for k in COST_TERMS},
        spreads=spreads,
        cascade_value=cascade,
        recycle_value=float(res.recycle_value[0]),
        breakeven_spread=float(s_star),
        spread=float(spread_now),
    )
