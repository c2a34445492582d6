"""Uncertainty of plant profit (algorithm ``profit_uncertainty``): one-at-a-time sensitivity
(tornado data) and seeded, vectorised Monte Carlo from the ranges of the parameter table.

Distributions: ``triangular`` (low, mode = table value, high), ``uniform`` (low, high),
``normal`` (mean = value, low/high read as the 5th/95th percentiles, σ = (high − low)/(2·1.645))
and ``fixed``. Draws are clipped to the parameter's physical bounds (a recovery rate never
exceeds 1). Sampled parameters are common to all plants (one market, one policy), so the plants'
outcomes are correlated and the total over plants is meaningful. Profit in CNY/yr.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.stats import rankdata

from ..errors import NonFiniteResultError, NoValidRowsError, SettingError
from ..stats import FloatArray
from .model import (
    PARAMETER_SPECS,
    EconomicParams,
    InputError,
    ParameterError,
    evaluate_profit,
    prepare_plants,
)

__all__ = [
    "DISTRIBUTIONS",
    "MonteCarloResult",
    "ParameterRange",
    "SensitivityResult",
    "TornadoRow",
    "median_capacity_index",
    "monte_carlo",
    "sample_ranges",
    "sensitivity",
]

DISTRIBUTIONS = ("triangular", "uniform", "normal", "fixed")
Z95 = 1.6448536269514722  # standard normal 95th percentile
_NO_PERCENT = ("plant.fixed_share_", "feedstock.include_purchase")  # shares must sum to 1


@dataclass(frozen=True)
class ParameterRange:
    """Uncertainty of one parameter (flat name), in the parameter's unit; low ≤ mode ≤ high."""

    name: str
    low: float
    mode: float
    high: float
    distribution: str = "triangular"

    def __post_init__(self) -> None:
        spec = PARAMETER_SPECS.get(self.name)
        if spec is None:
            raise ParameterError(self.name, "unknown parameter")
        if self.distribution not in DISTRIBUTIONS:
            raise ParameterError(self.name, f"distribution must be one of {DISTRIBUTIONS}")
        values = (self.low, self.mode, self.high)
        if not all(isinstance(v, (int, float)) and math.isfinite(v) for v in values):
            raise ParameterError(self.name, f"low, mode, high must be finite numbers: {values}")
        if not self.low <= self.mode <= self.high:
            raise ParameterError(self.name, f"needs low <= value <= high, got {values}")
        if spec.kind == "bool" and self.distribution != "fixed":
            raise ParameterError(self.name, "a true/false parameter can only be fixed")

    def sample(self, rng: np.random.Generator, n: int) -> FloatArray:
        """``n`` draws (float64), clipped to the parameter's physical bounds."""
        lo, mode, hi = self.low, self.mode, self.high
        if self.distribution == "fixed" or lo == hi:
            draws = np.full(n, mode)
        elif self.distribution == "triangular":
            draws = rng.triangular(lo, mode, hi, n)
        elif self.distribution == "uniform":
            draws = rng.uniform(lo, hi, n)
        else:
            draws = rng.normal(mode, (hi - lo) / (2.0 * Z95), n)
        return _clip(self.name, draws)


def _clip(name: str, values: FloatArray) -> FloatArray:
    spec = PARAMETER_SPECS[name]
    lo = np.nextafter(spec.lo, np.inf) if spec.open_lo else spec.lo
    return np.clip(values, lo, np.inf if spec.hi is None else spec.hi)


def sample_ranges(
    ranges: Mapping[str, ParameterRange], n: int, seed: int | None = None
) -> dict[str, FloatArray]:
    """Draw ``n`` values of every range, in the mapping's order, from one seeded generator."""
    if int(n) < 1:
        raise SettingError("n", f"number of simulations must be >= 1, got {n!r}")
    rng = np.random.default_rng(seed)
    return {name: r.sample(rng, int(n)) for name, r in ranges.items()}


@dataclass(frozen=True)
class TornadoRow:
    """Total profit (CNY/yr, summed over plants) with one parameter at its low/high value."""

    name: str
    term: str
    label: str
    unit: str
    low_value: float
    high_value: float
    profit_low: float
    profit_high: float

    @property
    def swing(self) -> float:
        """|profit_high − profit_low| in CNY/yr: the bar length of the tornado chart."""
        return abs(self.profit_high - self.profit_low)


@dataclass(frozen=True)
class SensitivityResult:
    """Base total profit (CNY/yr) and tornado rows sorted by swing, largest first."""

    base_profit: float
    rows: list[TornadoRow]
    mode: str


def sensitivity(
    params: EconomicParams,
    capacity: Any,
    throughput: Any = None,
    *,
    ranges: Mapping[str, ParameterRange] | None = None,
    percent: float = 0.2,
    utilization: Any = None,
    overrides: Mapping[str, Any] | None = None,
    fixed_cost: Any = None,
) -> SensitivityResult:
    """One-at-a-time sensitivity of the total profit over the plants.

    With ``ranges`` each listed parameter goes to its low and high value (``fixed`` rows are
    skipped); without, every numeric parameter goes to ±``percent`` (0.2 = ±20 %) of its value,
    clipped to bounds (the fixed-cost shares, which must sum to 1, are skipped). A parameter with
    per-plant overrides is moved by the same ratio at every plant. All variants are evaluated in
    one vectorised pass.
    """
    inp = prepare_plants(
        params,
        capacity,
        throughput,
        utilization=utilization,
        overrides=overrides,
        fixed_cost=fixed_cost,
    )
    base = params.values()
    variants: list[tuple[str, float, float]] = []
    if ranges is not None:
        for name, r in ranges.items():
            if r.distribution != "fixed" and r.low != r.high:
                variants.append((name, r.low, r.high))
    else:
        if not 0 < percent < 1:
            raise SettingError("percent", f"percent must be a fraction in (0, 1), got {percent!r}")
        for name, value in base.items():
            if not name.startswith(_NO_PERCENT) and value != 0:
                lo, hi = _clip(name, np.array([value * (1 - percent), value * (1 + percent)]))
                if lo != hi:
                    variants.append((name, float(lo), float(hi)))
    m = 2 * len(variants) + 1  # row 0 = base, then (low, high) per parameter
    values: dict[str, Any] = {k: _as_row(v) for k, v in inp.values.items()}
    for j, (name, lo, hi) in enumerate(variants):
        rows_lo = (np.arange(m) == 2 * j + 1)[:, None]
        rows_hi = (np.arange(m) == 2 * j + 2)[:, None]
        current, b = values[name], base[name]
        if np.ndim(current) == 2 and b != 0:  # per-plant override: same ratio at every plant
            ratio = np.where(rows_lo, lo / b, np.where(rows_hi, hi / b, 1.0))
            values[name] = _clip(name, current * ratio)
        else:
            values[name] = np.where(rows_lo, lo, np.where(rows_hi, hi, current))
    cap, thr = inp.capacity[None, :], inp.throughput[None, :]
    fixed = None if inp.fixed_cost is None else inp.fixed_cost[None, :]
    total = np.broadcast_to(evaluate_profit(values, cap, thr, fixed), (m, cap.shape[1])).sum(axis=1)
    rows = []
    for j, (name, lo, hi) in enumerate(variants):
        spec = PARAMETER_SPECS[name]
        rows.append(
            TornadoRow(
                name,
                spec.term,
                spec.label,
                spec.unit,
                lo,
                hi,
                float(total[2 * j + 1]),
                float(total[2 * j + 2]),
            )
        )
    rows.sort(key=lambda r: r.swing, reverse=True)
    return SensitivityResult(float(total[0]), rows, "range" if ranges is not None else "percent")


def _as_row(value: Any) -> Any:
    """Per-plant arrays become shape (1, n_plants) so draws/variants broadcast along axis 0."""
    return value[None, :] if np.ndim(value) == 1 else value


@dataclass
class MonteCarloResult:
    """Monte Carlo of plant profit (CNY/yr). Per-plant arrays (length n_plants): ``p5``,
    ``p50``, ``p95``, ``mean``, ``p_loss`` (share of draws with profit < 0). ``total`` holds the
    n draws of profit summed over plants; ``spearman`` the rank correlation of each sampled input
    with the total (None if either is constant); ``draws`` the sampled inputs; ``plant_draws``
    the n profit draws of the kept plants, by 0-based plant index (for the report's histogram)."""

    n: int
    seed: int | None
    p5: FloatArray
    p50: FloatArray
    p95: FloatArray
    mean: FloatArray
    p_loss: FloatArray
    total: FloatArray
    spearman: dict[str, float | None]
    draws: dict[str, FloatArray]
    plant_draws: dict[int, FloatArray] = field(default_factory=dict)

    def total_summary(self) -> dict[str, float]:
        """P5, P50, P95, mean and probability of loss of the total profit, as Python floats."""
        p5, p50, p95 = np.percentile(self.total, [5, 50, 95])
        return {
            "p5": float(p5),
            "p50": float(p50),
            "p95": float(p95),
            "mean": float(np.mean(self.total)),
            "p_loss": float(np.mean(self.total < 0)),
        }


def monte_carlo(
    params: EconomicParams,
    capacity: Any,
    throughput: Any = None,
    *,
    ranges: Mapping[str, ParameterRange],
    n: int = 10_000,
    seed: int | None = None,
    utilization: Any = None,
    overrides: Mapping[str, Any] | None = None,
    fixed_cost: Any = None,
    max_elements: int = 1_000_000,
    keep: Sequence[int] | None = None,
) -> MonteCarloResult:
    """Monte Carlo of profit per plant with ``n`` draws of every range, seeded by ``seed``.

    Plants are processed in blocks of about ``max_elements`` / n so memory stays bounded. A
    sampled parameter that also has per-plant overrides is moved by the draw's ratio to the
    range's mode at every plant. ``keep``: 0-based plants whose n profit draws are kept in
    ``plant_draws`` (None = the plant of median capacity, ``()`` = none). Raises
    :class:`~core.errors.NonFiniteResultError` (a ``FloatingPointError``; ``indices`` the
    0-based plants) if a profit is not finite.
    """
    inp = prepare_plants(
        params,
        capacity,
        throughput,
        utilization=utilization,
        overrides=overrides,
        fixed_cost=fixed_cost,
    )
    n_plants = inp.capacity.shape[0]
    kept = [median_capacity_index(inp.capacity)] if keep is None else [int(i) for i in keep]
    bad_keep = [i for i in kept if not 0 <= i < n_plants]
    if bad_keep:
        raise InputError("keep", bad_keep, "no such plant")
    plant_draws: dict[int, FloatArray] = {}
    draws = sample_ranges(ranges, n, seed)
    n = int(n)
    # Layout (plants, draws): draws run along the contiguous last axis.
    values: dict[str, Any] = {
        k: (v[:, None] if np.ndim(v) == 1 else v) for k, v in inp.values.items()
    }
    scaled: dict[str, FloatArray] = {}  # per-plant overrides moved by draw / mode
    for name, d in draws.items():
        mode = ranges[name].mode
        if np.ndim(values[name]) == 2 and mode != 0:
            scaled[name] = (d / mode)[None, :]
        else:
            values[name] = d[None, :]
    block = max(1, int(max_elements) // n)
    stats = {k: np.empty(n_plants) for k in ("p5", "p50", "p95", "mean", "p_loss")}
    total = np.zeros(n)
    for start in range(0, n_plants, block):
        sl = slice(start, min(start + block, n_plants))
        vals = {
            k: (v[sl] if np.ndim(v) == 2 and np.shape(v)[0] == n_plants else v)
            for k, v in values.items()
        }
        for name, ratio in scaled.items():
            vals[name] = _clip(name, vals[name] * ratio)
        fixed = None if inp.fixed_cost is None else inp.fixed_cost[sl, None]
        with np.errstate(over="ignore", invalid="ignore"):  # checked just below
            profit = evaluate_profit(vals, inp.capacity[sl, None], inp.throughput[sl, None], fixed)
        profit = np.broadcast_to(profit, (sl.stop - sl.start, n))
        finite = np.isfinite(profit).all(axis=1)
        if not finite.all():
            bad = (np.flatnonzero(~finite) + start).tolist()
            raise NonFiniteResultError("profit", bad, "plants")
        total += profit.sum(axis=0)
        stats["p5"][sl], stats["p50"][sl], stats["p95"][sl] = np.percentile(
            profit, [5, 50, 95], axis=1
        )
        stats["mean"][sl] = profit.mean(axis=1)
        stats["p_loss"][sl] = (profit < 0).mean(axis=1)
        plant_draws.update({i: profit[i - start].copy() for i in kept if sl.start <= i < sl.stop})
    total_ranks = _ranks(total)
    spearman = {name: _spearman(d, total_ranks) for name, d in draws.items()}
    return MonteCarloResult(
        n=n,
        seed=seed,
        total=total,
        spearman=spearman,
        draws=draws,
        plant_draws=plant_draws,
        **stats,
    )


def median_capacity_index(capacity: Any) -> int:
    """0-based index of the plant whose capacity is the (lower) median: the representative
    plant of the reports and of ``monte_carlo``'s kept draws. Ties keep input order."""
    cap = np.asarray(capacity, dtype=np.float64)
    if cap.size == 0:
        raise NoValidRowsError("no plants")
    order = np.argsort(cap, kind="stable")
    return int(order[(cap.size - 1) // 2])


def _ranks(x: FloatArray) -> FloatArray:
    """Ranks 0..n−1 (ties averaged, as scipy's rankdata; one sort when there are none)."""
    order = np.argsort(x)
    xs = x[order]
    if np.any(xs[1:] == xs[:-1]):
        ranked: FloatArray = rankdata(x)
        return ranked
    ranks = np.empty(x.shape[0])
    ranks[order] = np.arange(x.shape[0], dtype=np.float64)
    return ranks


def _spearman(x: FloatArray, y_ranks: FloatArray) -> float | None:
    """Spearman's rho of ``x`` with the variable whose ranks are ``y_ranks``; None if constant."""
    if x.shape[0] < 3 or np.all(x == x[0]) or np.all(y_ranks == y_ranks[0]):
        return None
    r = np.corrcoef(_ranks(x), y_ranks)[0, 1]
    return float(r) if math.isfinite(r) else None
