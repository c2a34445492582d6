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
:mod:`.economics_types` and are re-exported here, so ``economics.X`` works for every public name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from scipy.special import expit

from ..constants import Q_UNIT, STAGE_BOUNDS
from ..stats import to_float_array
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

LCE_PER_LI = 5.323  # t of Li2CO3 per t of contained Li: 73.89 / (2 × 6.941)
_METALS = {"ncm": ("li", "ni", "co", "mn", "cu", "al"), "lfp": ("li", "cu", "al")}


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


def scale_efficiency(throughput_t: Any, params: EconomicParams = DEFAULT_PARAMS) -> np.ndarray:
    """S(Q) (fraction 0..1) for throughputs in t/yr (Q = throughput / Q_UNIT, 10 kt/yr)."""
    q = to_float_array(throughput_t, "throughput") / Q_UNIT
    return expit(params.scale.k * (q - params.scale.q0))


def scale_stage(throughput_t: Any) -> np.ndarray:
    """Stage per throughput (t/yr): ``initial`` Q < 5, ``expansion`` 5–20, ``mature`` Q > 20
    (Q in 10 kt/yr, bounds :data:`~core.constants.STAGE_BOUNDS`); None where the throughput
    is null."""
    q = to_float_array(throughput_t, "throughput") / Q_UNIT
    low, high = STAGE_BOUNDS
    idx = np.where(np.isnan(q), 3, np.where(q < low, 0, np.where(q <= high, 1, 2)))
    return np.array(STAGES + (None,), dtype=object)[idx]


def annual_fixed_cost(capacity_t: Any, params: EconomicParams = DEFAULT_PARAMS) -> np.ndarray:
    """F = fixed_cost_ref·(capacity / capacity_ref)^β in CNY/yr, capacity in t/yr."""
    cap = to_float_array(capacity_t, "capacity")
    p = params.plant
    return p.fixed_cost_ref * (cap / p.capacity_ref) ** p.fixed_exponent


def cascade_break_even_spread(params: EconomicParams, throughput_t: float) -> float:
    """Peak-valley spread (CNY/kWh) above which cascade use beats recycling at this throughput.

    s* = (refurbish + recycle value) / (kWh/t × SOH × cycles × efficiency), all mix-weighted.
    """
    out = evaluate_values(
        params.values(), np.array([float(throughput_t)]), np.array([float(throughput_t)])
    )
    rt = params.rt
    w = params.feedstock.ncm_share
    kwh = w * rt.kwh_ncm + (1.0 - w) * rt.kwh_lfp
    per_spread = kwh * rt.soh * rt.cycles * rt.efficiency
    if per_spread <= 0:
        return float("inf")
    return float((rt.refurbish_cost + out["recycle_value"][0]) / per_spread)


@dataclass
class PlantInputs:
    """Validated plant data: capacity and throughput (t/yr), flat parameter ``values`` (floats,
    or arrays with one value per plant for overrides) and ``fixed_cost`` (CNY/yr or None)."""

    capacity: np.ndarray
    throughput: np.ndarray
    values: dict[str, Any]
    fixed_cost: np.ndarray | None


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
    """Profit model per plant, vectorised over plants; arguments as :func:`prepare_plants`."""
    inp = prepare_plants(
        params,
        capacity,
        throughput,
        utilization=utilization,
        overrides=overrides,
        fixed_cost=fixed_cost,
    )
    out = evaluate_values(inp.values, inp.capacity, inp.throughput, inp.fixed_cost)
    breakeven = solve_break_even(inp.values, inp.capacity, inp.fixed_cost)
    return PlantEconomics.from_outputs(inp.capacity, inp.throughput, out, breakeven)


def _per_plant(value: Any, n: int, name: str) -> np.ndarray:
    arr = to_float_array(value, name)
    if arr.shape[0] == 1 and n != 1:
        arr = np.full(n, arr[0])
    if arr.shape[0] != n:
        raise InputError(name, [], f"has {arr.shape[0]} values for {n} plants")
    return arr


def _require(values: np.ndarray, ok: np.ndarray, name: str, message: str) -> None:
    bad = np.flatnonzero(~ok)
    if bad.size:
        raise InputError(name, bad.tolist(), message)


def _material_value(v: Mapping[str, Any], chem: str) -> Any:
    """Recovered material revenue per tonne of pack of one chemistry (CNY/t)."""
    total: Any = 0.0
    for metal in _METALS[chem]:
        price = v["rm.li2co3_price"] * LCE_PER_LI if metal == "li" else v[f"rm.{metal}_price"]
        total = total + v[f"rm.{chem}_{metal}_kg"] * 1e-3 * price * v[f"rm.rec_{metal}"]
    return total


def evaluate_values(
    v: Mapping[str, Any], capacity: Any, throughput: Any, fixed_cost: Any = None
) -> dict[str, Any]:
    """The model on flat values (floats or numpy arrays that broadcast with the plants).

    ``capacity`` and ``throughput`` in t/yr, ``fixed_cost`` CNY/yr (None: from capacity). No
    validation here: callers validate. Per tonne of throughput T, mix-weighted by NCM share w:
    recycle_value = Rm/t − Cr·f and cascade_value = kWh·SOH·cycles·efficiency·spread −
    refurbish, f = 1 − λ·S(T/1e4). The cascade-fit share goes to cascade use when
    cascade_value > recycle_value (``route``), otherwise everything is regenerated.
    """
    t = throughput
    w = v["feedstock.ncm_share"]
    rm_t = w * _material_value(v, "ncm") + (1.0 - w) * _material_value(v, "lfp")
    kwh = w * v["rt.kwh_ncm"] + (1.0 - w) * v["rt.kwh_lfp"]
    cascade_value = (
        kwh * v["rt.soh"] * v["rt.cycles"] * v["rt.efficiency"] * v["rt.spread"]
        - v["rt.refurbish_cost"]
    )
    s = expit(v["scale.k"] * (t * 1e-4 - v["scale.q0"]))
    f = 1.0 - v["scale.lam"] * s
    recycle_value = rm_t - v["cr.unit_cost"] * f
    cascade = cascade_value > recycle_value
    phi = np.where(cascade, v["rt.cascade_share"], 0.0)
    if fixed_cost is None:
        fixed_cost = (
            v["plant.fixed_cost_ref"]
            * (capacity / v["plant.capacity_ref"]) ** v["plant.fixed_exponent"]
        )
    ft = f * t
    revenue_by = {
        "Rm": (1.0 - phi) * t * rm_t,
        "Rt": phi * t * cascade_value,
        "Sg": v["sg.subsidy"] * t,
        "Ec": v["ec.carbon_price"] * v["ec.avoided_co2"] * t,
    }
    cost_by = {
        "Cp": v["cp.unit_cost"] * ft + v["plant.fixed_share_cp"] * fixed_cost,
        "Cd": v["cd.unit_cost"] * ft + v["plant.fixed_share_cd"] * fixed_cost,
        "Cr": v["cr.unit_cost"] * (1.0 - phi) * ft + v["plant.fixed_share_cr"] * fixed_cost,
        "Ce": v["ce.unit_cost"] * ft + v["plant.fixed_share_ce"] * fixed_cost,
        "purchase": v["feedstock.include_purchase"]
        * t
        * (w * v["feedstock.purchase_ncm"] + (1.0 - w) * v["feedstock.purchase_lfp"]),
    }
    revenue = revenue_by["Rm"] + revenue_by["Rt"] + revenue_by["Sg"] + revenue_by["Ec"]
    processing = cost_by["Cp"] + cost_by["Cd"] + cost_by["Cr"] + cost_by["Ce"]
    cost = processing + cost_by["purchase"]
    profit = revenue - cost
    with np.errstate(divide="ignore", invalid="ignore"):
        unit_cost = np.where(t > 0, processing / np.where(t > 0, t, 1.0), np.nan)
        margin = np.where(revenue > 0, profit / np.where(revenue > 0, revenue, 1.0), np.nan)
    return {
        "scale_eff": s,
        "unit_cost": unit_cost,
        "revenue": revenue,
        "cost": cost,
        "profit": profit,
        "margin": margin,
        "fixed_cost": fixed_cost,
        "cascade": cascade,
        "recycle_value": recycle_value,
        "cascade_value": cascade_value,
        "revenue_by_term": revenue_by,
        "cost_by_term": cost_by,
    }


def evaluate_profit(
    v: Mapping[str, Any], capacity: Any, throughput: Any, fixed_cost: Any = None
) -> Any:
    """Profit only (CNY/yr), same model as :func:`evaluate_values` with fewer array operations:
    parameter-only parts are combined first, so large draw × plant arrays stay cheap."""
    w = v["feedstock.ncm_share"]
    rm_t = w * _material_value(v, "ncm") + (1.0 - w) * _material_value(v, "lfp")
    kwh = w * v["rt.kwh_ncm"] + (1.0 - w) * v["rt.kwh_lfp"]
    cascade_value = (
        kwh * v["rt.soh"] * v["rt.cycles"] * v["rt.efficiency"] * v["rt.spread"]
        - v["rt.refurbish_cost"]
    )
    other = (
        v["sg.subsidy"]
        + v["ec.carbon_price"] * v["ec.avoided_co2"]
        - v["feedstock.include_purchase"]
        * (w * v["feedstock.purchase_ncm"] + (1.0 - w) * v["feedstock.purchase_lfp"])
    )
    var = v["cp.unit_cost"] + v["cd.unit_cost"] + v["ce.unit_cost"]
    if fixed_cost is None:
        fixed_cost = (
            v["plant.fixed_cost_ref"]
            * (capacity / v["plant.capacity_ref"]) ** v["plant.fixed_exponent"]
        )
    f = 1.0 - v["scale.lam"] * expit(v["scale.k"] * (throughput * 1e-4 - v["scale.q0"]))
    recycle_value = rm_t - v["cr.unit_cost"] * f
    phi = v["rt.cascade_share"]
    best = np.where(
        cascade_value > recycle_value,
        phi * cascade_value + (1.0 - phi) * recycle_value,
        recycle_value,
    )
    return throughput * (best + other - var * f) - fixed_cost


def solve_break_even(
    values: Mapping[str, Any], capacity: np.ndarray, fixed_cost: Any, iterations: int = 60
) -> np.ndarray:
    """Break-even throughput per plant (t/yr): the root of profit(T) = 0 in (0, capacity].

    NaN where profit at capacity is negative (no root). profit(0) = −F ≤ 0 and profit rises
    with T once positive, so [0, capacity] brackets a single root; it is found by vectorised
    bisection over all plants at once (60 halvings: machine precision), which gives the same
    root as scipy's brentq on the same bracket without a Python loop per plant.
    """
    has_root = evaluate_profit(values, capacity, capacity, fixed_cost) >= 0
    lo = np.zeros_like(capacity)
    hi = capacity.copy()
    if has_root.any():
        for _ in range(iterations):
            mid = 0.5 * (lo + hi)
            positive = evaluate_profit(values, capacity, mid, fixed_cost) >= 0
            hi = np.where(positive, mid, hi)
            lo = np.where(positive, lo, mid)
    return np.where(has_root, hi, np.nan)


@dataclass
class PlantEconomics:
    """Per-plant results, arrays in input order (float64; ``route`` is an object array).

    throughput t/yr, utilization fraction, scale_eff S(Q) 0..1, unit_cost = processing cost
    (Cp+Cd+Cr+Ce, fixed included, purchase excluded) per tonne in CNY/t, revenue, cost (incl.
    purchase), profit and fixed_cost in CNY/yr, margin = profit/revenue, breakeven_t t/yr (NaN:
    none), route ``cascade``/``recycle``, recycle_value and cascade_value net CNY/t.
    """

    capacity: np.ndarray
    throughput: np.ndarray
    utilization: np.ndarray
    scale_eff: np.ndarray
    unit_cost: np.ndarray
    revenue: np.ndarray
    cost: np.ndarray
    profit: np.ndarray
    margin: np.ndarray
    breakeven_t: np.ndarray
    route: np.ndarray
    fixed_cost: np.ndarray
    recycle_value: np.ndarray
    cascade_value: np.ndarray
    revenue_by_term: dict[str, np.ndarray]
    cost_by_term: dict[str, np.ndarray]

    @classmethod
    def from_outputs(
        cls,
        capacity: np.ndarray,
        throughput: np.ndarray,
        out: Mapping[str, Any],
        breakeven: np.ndarray,
    ) -> PlantEconomics:
        """Assemble from :func:`evaluate_values` output, broadcasting scalars per plant."""
        n = capacity.shape

        def arr(x: Any) -> np.ndarray:
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
