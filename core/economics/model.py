"""DLCER-Battery plant economics (algorithm ``plant_profit``): profit = revenues − costs.

Revenues (CNY/yr): Rm recovered materials, Rt cascade use (net second-life value), Sg government
support, Ec environmental benefit. Costs (CNY/yr): Cp collection and logistics, Cd dismantling
and testing, Cr regeneration, Ce environmental treatment, plus ``purchase`` of retired packs (a
documented extension, not one of the paper's eight terms). Scale curve
S(Q) = 1 / (1 + exp(−k·(Q − Q0))) with Q = throughput in 10 kt (万吨); variable unit costs are
multiplied by (1 − λ·S(Q)); the annual fixed cost F = F_ref·(capacity / capacity_ref)^β is
split over the four cost terms by fixed shares and spread over actual throughput. Every formula
and default, with its source, is in ``docs/economics.md``. Volumes t/yr, money CNY/yr, unit
costs CNY per tonne of retired pack.

The parameter dataclasses, :data:`PARAMETER_SPECS`, :data:`DEFAULT_PARAMS` and the errors live in
:mod:`.parameters`, the equations on flat values in :mod:`.equations`; both are re-exported here,
so ``model.X`` works for every public name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from ..constants import Q_UNIT, STAGE_BOUNDS
from ..errors import NonFiniteResultError, check_total
from ..stats import BoolArray, FloatArray, ObjectArray, to_float_array
from .equations import (  # re-exported: the model on flat values
    LCE_PER_LI,
    cascade_energy,
    cascade_value,
    evaluate_profit,
    evaluate_values,
    fixed_cost_of,
    logistic,
    solve_break_even,
)
from .parameters import (  # re-exported: economics.X keeps working for every name
    COST_TERMS,
    DEFAULT_PARAMS,
    GROUPS,
    PARAMETER_SPECS,
    PROCESS_RECOVERY,
    REVENUE_TERMS,
    STAGES,
    Cascade,
    Collection,
    Dismantling,
    EconomicParams,
    Environment,
    Feedstock,
    InputError,
    Materials,
    ParameterError,
    ParamSpec,
    Plant,
    Regeneration,
    Scale,
    Support,
    Treatment,
    valid_mask,
)

__all__ = [
    "COST_TERMS",
    "LCE_PER_LI",
    "DEFAULT_PARAMS",
    "GROUPS",
    "PARAMETER_SPECS",
    "PROCESS_RECOVERY",
    "REVENUE_TERMS",
    "STAGES",
    "Cascade",
    "Collection",
    "Dismantling",
    "EconomicParams",
    "Environment",
    "Feedstock",
    "InputError",
    "Materials",
    "ParamSpec",
    "ParameterError",
    "Plant",
    "PlantEconomics",
    "PlantInputs",
    "Regeneration",
    "Scale",
    "Support",
    "Treatment",
    "annual_fixed_cost",
    "cascade_break_even_spread",
    "cascade_energy",
    "cascade_value",
    "evaluate_profit",
    "evaluate_values",
    "informal_params",
    "plant_economics",
    "prepare_plants",
    "scale_efficiency",
    "scale_stage",
    "solve_break_even",
    "valid_mask",
    "with_process",
]


def with_process(params: EconomicParams, process: str) -> EconomicParams:
    """``params`` with the recovery rates of ``process`` ("hydro" or "pyro")."""
    if process not in PROCESS_RECOVERY:
        raise ParameterError("process", f"expected one of {sorted(PROCESS_RECOVERY)}")
    return replace(params, rm=replace(params.rm, **PROCESS_RECOVERY[process]))


def informal_params(params: EconomicParams) -> EconomicParams:
    """An informal workshop: no environmental treatment (Ce = 0, variable and fixed) and only
    the non-compliance part (1 − compliance_share) of the remaining fixed cost."""
    p = params.plant
    keep = 1.0 - p.fixed_share_ce
    if keep <= 0:
        raise ParameterError("plant.fixed_share_ce", "must be below 1 for an informal variant")
    plant = replace(
        p,
        fixed_cost_ref=p.fixed_cost_ref * keep * (1.0 - p.compliance_share),
        fixed_share_cp=p.fixed_share_cp / keep,
        fixed_share_cd=p.fixed_share_cd / keep,
        fixed_share_cr=p.fixed_share_cr / keep,
        fixed_share_ce=0.0,
    )
    return replace(params, ce=Treatment(unit_cost=0.0), plant=plant)


def scale_efficiency(throughput_t: Any, params: EconomicParams = DEFAULT_PARAMS) -> FloatArray:
    """S(Q) (fraction 0..1) for throughputs in t/yr (Q = throughput / Q_UNIT, 10 kt/yr)."""
    q = to_float_array(throughput_t, "throughput") / Q_UNIT
    s: FloatArray = logistic(params.scale.k * (q - params.scale.q0))
    return s


def scale_stage(throughput_t: Any) -> ObjectArray:
    """Stage per throughput (t/yr): ``initial`` Q < 5, ``expansion`` 5–20, ``mature`` Q > 20
    (Q in 10 kt/yr, bounds :data:`~core.constants.STAGE_BOUNDS`); None where the throughput
    is null."""
    q = to_float_array(throughput_t, "throughput") / Q_UNIT
    low, high = STAGE_BOUNDS
    idx = np.where(np.isnan(q), 3, np.where(q < low, 0, np.where(q <= high, 1, 2)))
    stages: ObjectArray = np.array(STAGES + (None,), dtype=object)[idx]
    return stages


def annual_fixed_cost(capacity_t: Any, params: EconomicParams = DEFAULT_PARAMS) -> FloatArray:
    """F = fixed_cost_ref·(capacity / capacity_ref)^β in CNY/yr, capacity in t/yr."""
    fixed: FloatArray = fixed_cost_of(params.values(), to_float_array(capacity_t, "capacity"))
    return fixed


def cascade_break_even_spread(params: EconomicParams, throughput_t: float) -> float:
    """Peak-valley spread (CNY/kWh) above which cascade use beats recycling at this throughput.

    s* = (refurbish + recycle value) / (kWh/t × SOH × cycles × efficiency), all mix-weighted.
    """
    v = params.values()
    out = evaluate_values(v, np.array([float(throughput_t)]), np.array([float(throughput_t)]))
    per_spread = cascade_energy(v)
    if per_spread <= 0:
        return float("inf")
    return float((v["rt.refurbish_cost"] + out["recycle_value"][0]) / per_spread)


@dataclass
class PlantInputs:
    """Validated plant data: capacity and throughput (t/yr), flat parameter ``values`` (floats,
    or arrays with one value per plant for overrides) and ``fixed_cost`` (CNY/yr or None)."""

    capacity: FloatArray
    throughput: FloatArray
    values: dict[str, Any]
    fixed_cost: FloatArray | None


def prepare_plants(
    params: EconomicParams,
    capacity: Any,
    throughput: Any = None,
    *,
    utilization: Any = None,
    overrides: Mapping[str, Any] | None = None,
    fixed_cost: Any = None,
) -> PlantInputs:
    """Validate plant data for :func:`plant_economics` (and the uncertainty analyses).

    ``capacity`` t/yr (> 0); either ``throughput`` t/yr (0 ≤ throughput ≤ capacity) or
    ``utilization`` (fraction 0..1, scalar or per plant). ``overrides`` maps flat parameter names
    to a scalar or one value per plant; ``fixed_cost`` (CNY/yr, scalar or per plant) replaces the
    capacity-based annual fixed cost. Raises :class:`InputError` for bad plant data and
    :class:`ParameterError` for bad parameters, naming the offending plants.
    """
    cap = to_float_array(capacity, "capacity")
    n = cap.shape[0]
    _require(cap, np.isfinite(cap) & (cap > 0), "capacity", "must be a number > 0 t/yr")
    if (throughput is None) == (utilization is None):
        raise InputError("throughput", [], "give either throughput or utilization, not both")
    if throughput is None:
        util = _per_plant(utilization, n, "utilization")
        _require(
            util,
            np.isfinite(util) & (util >= 0) & (util <= 1),
            "utilization",
            "must be a fraction between 0 and 1",
        )
        thr = util * cap
    else:
        thr = _per_plant(throughput, n, "throughput")
        _require(thr, np.isfinite(thr) & (thr >= 0), "throughput", "must be a number >= 0 t/yr")
        _require(thr, thr <= cap * (1 + 1e-9), "throughput", "exceeds the plant's capacity")
        thr = np.minimum(thr, cap)
    values: dict[str, Any] = dict(params.values())
    for name, value in (overrides or {}).items():
        spec = PARAMETER_SPECS.get(name)
        if spec is None:
            raise ParameterError(str(name), "unknown parameter")
        arr = _per_plant(value, n, name)
        bad = np.flatnonzero(~valid_mask(spec, arr)).tolist()
        if bad:
            raise ParameterError(name, f"outside {spec.bounds_text} at plants {bad[:10]}")
        values[name] = arr
    if any(name.startswith("plant.fixed_share_") for name in (overrides or {})):
        total = sum(
            np.asarray(values[f"plant.fixed_share_{t}"], dtype=float)
            for t in ("cp", "cd", "cr", "ce")
        )
        if np.any(np.abs(np.asarray(total) - 1.0) > 1e-6):
            raise ParameterError("plant.fixed_share_cp", "the four fixed cost shares must sum to 1")
    fixed = None
    if fixed_cost is not None:
        fixed = _per_plant(fixed_cost, n, "fixed_cost")
        _require(fixed, np.isfinite(fixed) & (fixed >= 0), "fixed_cost", "must be >= 0 CNY/yr")
    return PlantInputs(cap, thr, values, fixed)


def plant_economics(
    params: EconomicParams,
    capacity: Any,
    throughput: Any = None,
    *,
    utilization: Any = None,
    overrides: Mapping[str, Any] | None = None,
    fixed_cost: Any = None,
) -> PlantEconomics:
    """Profit model per plant, vectorised over plants; arguments as :func:`prepare_plants`.

    Raises :class:`~core.errors.NonFiniteResultError` (``indices`` = 0-based plants) when a
    revenue, cost or profit (CNY/yr) is not finite, and :class:`~core.errors.SumOverflowError`
    when the total profit is not finite: inputs too large for float64, never silent inf/NaN.
    """
    inp = prepare_plants(
        params,
        capacity,
        throughput,
        utilization=utilization,
        overrides=overrides,
        fixed_cost=fixed_cost,
    )
    with np.errstate(over="ignore", invalid="ignore"):  # not finite: refused just below
        out = evaluate_values(inp.values, inp.capacity, inp.throughput, inp.fixed_cost)
        breakeven = solve_break_even(inp.values, inp.capacity, inp.fixed_cost)
        result = PlantEconomics.from_outputs(inp.capacity, inp.throughput, out, breakeven)
    finite = np.isfinite(result.revenue) & np.isfinite(result.cost) & np.isfinite(result.profit)
    if not finite.all():
        raise NonFiniteResultError("profit", np.flatnonzero(~finite).tolist(), "plants")
    check_total(result.profit, "profit")
    return result


def _per_plant(value: Any, n: int, name: str) -> FloatArray:
    arr = to_float_array(value, name)
    if arr.shape[0] == 1 and n != 1:
        arr = np.full(n, arr[0])
    if arr.shape[0] != n:
        raise InputError(name, [], f"has {arr.shape[0]} values for {n} plants")
    return arr


def _require(values: FloatArray, ok: BoolArray, name: str, message: str) -> None:
    bad = np.flatnonzero(~ok)
    if bad.size:
        raise InputError(name, bad.tolist(), message)


@dataclass
class PlantEconomics:
    """Per-plant results, arrays in input order (float64; ``route`` is an object array).

    throughput t/yr, utilization fraction, scale_eff S(Q) 0..1, unit_cost = processing cost
    (Cp+Cd+Cr+Ce, fixed included, purchase excluded) per tonne in CNY/t, revenue, cost (incl.
    purchase), profit and fixed_cost in CNY/yr, margin = profit/revenue, breakeven_t t/yr (NaN:
    none), route ``cascade``/``recycle``, recycle_value and cascade_value net CNY/t.
    """

    capacity: FloatArray
    throughput: FloatArray
    utilization: FloatArray
    scale_eff: FloatArray
    unit_cost: FloatArray
    revenue: FloatArray
    cost: FloatArray
    profit: FloatArray
    margin: FloatArray
    breakeven_t: FloatArray
    route: FloatArray
    fixed_cost: FloatArray
    recycle_value: FloatArray
    cascade_value: FloatArray
    revenue_by_term: dict[str, FloatArray]
    cost_by_term: dict[str, FloatArray]

    @classmethod
    def from_outputs(
        cls,
        capacity: FloatArray,
        throughput: FloatArray,
        out: Mapping[str, Any],
        breakeven: FloatArray,
    ) -> PlantEconomics:
        """Assemble from :func:`evaluate_values` output, broadcasting scalars per plant."""
        n = capacity.shape

        def arr(x: Any) -> FloatArray:
            return np.array(np.broadcast_to(np.asarray(x, dtype=np.float64), n))

        thr = arr(throughput)
        return cls(
            capacity=capacity,
            throughput=thr,
            utilization=thr / capacity,
            scale_eff=arr(out["scale_eff"]),
            unit_cost=arr(out["unit_cost"]),
            revenue=arr(out["revenue"]),
            cost=arr(out["cost"]),
            profit=arr(out["profit"]),
            margin=arr(out["margin"]),
            breakeven_t=arr(breakeven),
            route=np.where(np.broadcast_to(out["cascade"], n), "cascade", "recycle").astype(object),
            fixed_cost=arr(out["fixed_cost"]),
            recycle_value=arr(out["recycle_value"]),
            cascade_value=arr(out["cascade_value"]),
            revenue_by_term={k: arr(x) for k, x in out["revenue_by_term"].items()},
            cost_by_term={k: arr(x) for k, x in out["cost_by_term"].items()},
        )

    def __len__(self) -> int:
        return int(self.profit.shape[0])

    def row(self, i: int) -> dict[str, Any]:
        """One plant as plain Python values (floats, ``None`` for undefined, route text)."""

        def num(x: Any) -> float | None:
            x = float(x)
            return x if np.isfinite(x) else None

        row: dict[str, Any] = {
            name: num(getattr(self, name)[i])
            for name in (
                "capacity",
                "throughput",
                "utilization",
                "scale_eff",
                "unit_cost",
                "revenue",
                "cost",
                "profit",
                "margin",
                "breakeven_t",
                "fixed_cost",
                "recycle_value",
                "cascade_value",
            )
        }
        row["route"] = str(self.route[i])
        row.update({f"revenue_{k}": num(v[i]) for k, v in self.revenue_by_term.items()})
        row.update({f"cost_{k}": num(v[i]) for k, v in self.cost_by_term.items()})
        return row
