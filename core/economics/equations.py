"""The DLCER-Battery equations on flat parameter values, vectorised over plants or draws.

Every function takes ``v``, flat parameter values ``{"group.field": value}`` as returned by
:meth:`EconomicParams.values` (floats, or numpy arrays that broadcast with the plants for
per-plant overrides and Monte Carlo draws), and does no validation: callers validate
(:func:`.model.prepare_plants`). Volumes t/yr, money CNY/yr, values per tonne of retired pack
CNY/t, spreads CNY/kWh. The formulas and their sources are in ``docs/economics.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from ..constants import Q_UNIT
from ..stats import FloatArray

__all__ = [
    "LCE_PER_LI",
    "cascade_energy",
    "cascade_value",
    "evaluate_profit",
    "evaluate_values",
    "fixed_cost_of",
    "logistic",
    "material_value",
    "other_revenue",
    "profit_coefficients",
    "scale_factor",
    "solve_break_even",
]

LCE_PER_LI = 5.323  # t of Li2CO3 per t of contained Li: 73.89 / (2 × 6.941)
_METALS = {"ncm": ("li", "ni", "co", "mn", "cu", "al"), "lfp": ("li", "cu", "al")}
#: 1 / Q_UNIT (t/yr → Q in 10 kt/yr) as a multiplier, bit for bit the literal 1e-4.
_PER_Q_UNIT = 1.0 / Q_UNIT


def _material_value(v: Mapping[str, Any], chem: str) -> Any:
    """Recovered material revenue per tonne of pack of one chemistry (CNY/t)."""
    total: Any = 0.0
    for metal in _METALS[chem]:
        price = v["rm.li2co3_price"] * LCE_PER_LI if metal == "li" else v[f"rm.{metal}_price"]
        total = total + v[f"rm.{chem}_{metal}_kg"] * 1e-3 * price * v[f"rm.rec_{metal}"]
    return total


def material_value(v: Mapping[str, Any]) -> Any:
    """Recovered material revenue per tonne of pack (CNY/t), weighted by the NCM share."""
    w = v["feedstock.ncm_share"]
    return w * _material_value(v, "ncm") + (1.0 - w) * _material_value(v, "lfp")


def cascade_energy(v: Mapping[str, Any]) -> Any:
    """Energy one tonne of pack stores over its second life (kWh/t): nominal kWh/t (weighted
    by the NCM share) × state of health × cycles × round-trip efficiency. Times a peak-valley
    spread (CNY/kWh) it is the gross cascade-use value per tonne (CNY/t)."""
    w = v["feedstock.ncm_share"]
    kwh = w * v["rt.kwh_ncm"] + (1.0 - w) * v["rt.kwh_lfp"]
    return kwh * v["rt.soh"] * v["rt.cycles"] * v["rt.efficiency"]


def cascade_value(v: Mapping[str, Any], spread: Any = None) -> Any:
    """Net cascade-use value per tonne of pack (CNY/t): :func:`cascade_energy` × ``spread``
    (CNY/kWh; default ``v["rt.spread"]``, scalar or array) − the refurbishing cost."""
    s = v["rt.spread"] if spread is None else spread
    return cascade_energy(v) * s - v["rt.refurbish_cost"]


def logistic(z: Any, out: Any = None) -> Any:
    """1 / (1 + exp(−z)) (the S curve, 0..1), in ``out`` when given (same shape as ``z``).

    Written with ``np.exp``, which numpy vectorises (SIMD) in float32 and float64; it agrees
    with ``scipy.special.expit`` to a few ulp and is about three times faster on float32 grids.
    exp(−z) overflowing to inf gives 0, the limit."""
    return _logistic_of_negated(np.negative(z, out=out), out is not None)


def _logistic_of_negated(e: Any, in_place: bool = True) -> Any:
    """1 / (1 + exp(e)), i.e. the logistic of −e, in ``e``'s memory when ``in_place``."""
    with np.errstate(over="ignore"):
        e = np.exp(e, out=e if in_place else None)
        e = np.add(e, 1.0, out=e if in_place else None)
        return np.reciprocal(e, out=e if in_place else None)


def scale_factor(v: Mapping[str, Any], throughput: Any) -> Any:
    """The scale curve S(Q) = 1 / (1 + exp(−k·(Q − Q0))) (fraction 0..1) at ``throughput``
    (t/yr; Q = throughput / Q_UNIT in 10 kt/yr)."""
    return logistic(v["scale.k"] * (throughput * _PER_Q_UNIT - v["scale.q0"]))


def fixed_cost_of(v: Mapping[str, Any], capacity: Any) -> Any:
    """Annual fixed cost F = fixed_cost_ref·(capacity / capacity_ref)^β (CNY/yr; t/yr in)."""
    return (
        v["plant.fixed_cost_ref"]
        * (capacity / v["plant.capacity_ref"]) ** v["plant.fixed_exponent"]
    )


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
    rm_t = material_value(v)
    cascade_v = cascade_value(v)
    s = scale_factor(v, t)
    f = 1.0 - v["scale.lam"] * s
    recycle_value = rm_t - v["cr.unit_cost"] * f
    cascade = cascade_v > recycle_value
    phi = np.where(cascade, v["rt.cascade_share"], 0.0)
    if fixed_cost is None:
        fixed_cost = fixed_cost_of(v, capacity)
    ft = f * t
    revenue_by = {
        "Rm": (1.0 - phi) * t * rm_t,
        "Rt": phi * t * cascade_v,
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
        "cascade_value": cascade_v,
        "revenue_by_term": revenue_by,
        "cost_by_term": cost_by,
    }


def other_revenue(v: Mapping[str, Any]) -> Any:
    """Revenue per tonne that does not depend on the route or the scale (CNY/t): support +
    carbon benefit − pack purchase (when included)."""
    w = v["feedstock.ncm_share"]
    return (
        v["sg.subsidy"]
        + v["ec.carbon_price"] * v["ec.avoided_co2"]
        - v["feedstock.include_purchase"]
        * (w * v["feedstock.purchase_ncm"] + (1.0 - w) * v["feedstock.purchase_lfp"])
    )


def profit_coefficients(v: Mapping[str, Any]) -> tuple[Any, Any, Any, Any]:
    """(a0, a1, b0, b1), parameter-only, with which the profit per tonne at scale factor s is
    max(a0 + a1·s, b0 + b1·s) (CNY/t): recycling everything, or the cascade-fit share going
    to cascade use, whichever pays more.

    With f = 1 − λ·s the recycle value is RV = Rm/t − Cr·f, and the cascade-fit share φ goes
    to cascade use when the cascade value CV > RV: the route value is then φ·CV + (1 − φ)·RV
    = RV + φ·(CV − RV), else RV; for φ in [0, 1] (the parameter's bounds) that is
    max(RV, RV + φ·(CV − RV)) either way. Adding the other revenues o and the variable costs
    u·f (u = Cp + Cd + Ce): a0 = Rm/t + o − Cr − u and a1 = (Cr + u)·λ, then
    b0 = a0 + φ·(CV − Rm/t + Cr) and b1 = a1 − φ·Cr·λ."""
    rm_t = material_value(v)
    cr = v["cr.unit_cost"]
    var = v["cp.unit_cost"] + v["cd.unit_cost"] + v["ce.unit_cost"]
    lam = v["scale.lam"]
    phi = v["rt.cascade_share"]
    a0 = rm_t + other_revenue(v) - cr - var
    a1 = (cr + var) * lam
    return a0, a1, a0 + phi * (cascade_value(v) - rm_t + cr), a1 - phi * cr * lam


def evaluate_profit(
    v: Mapping[str, Any],
    capacity: Any,
    throughput: Any,
    fixed_cost: Any = None,
    out: Any = None,
    work: Any = None,
) -> Any:
    """Profit only (CNY/yr), same model as :func:`evaluate_values` with fewer array operations:
    Q·max(a0 + a1·s, b0 + b1·s) − F (:func:`profit_coefficients`), s the scale factor at
    Q = ``throughput`` (t/yr).

    ``out``: an array of the result's shape (e.g. a float32 chunk of a grid) computed in place;
    the parameters must then broadcast to its shape, and it must not overlap ``throughput``
    (read again at the end). ``work``: an array like ``out`` for the one temporary (default: a
    new one)."""
    a0, a1, b0, b1 = profit_coefficients(v)
    if fixed_cost is None:
        fixed_cost = fixed_cost_of(v, capacity)
    if out is None:
        s = scale_factor(v, throughput)
        return throughput * np.maximum(a0 + a1 * s, b0 + b1 * s) - fixed_cost
    k = v["scale.k"]
    np.multiply(throughput, -k * _PER_Q_UNIT, out=out)  # −k·(Q − Q0), Q in 10 kt/yr
    np.add(out, k * v["scale.q0"], out=out)
    s = _logistic_of_negated(out)
    cascade = np.multiply(s, b1, out=work)
    np.add(cascade, b0, out=cascade)
    np.multiply(s, a1, out=out)
    np.add(out, a0, out=out)
    np.maximum(out, cascade, out=out)
    np.multiply(out, throughput, out=out)
    return np.subtract(out, fixed_cost, out=out)


def solve_break_even(
    values: Mapping[str, Any], capacity: FloatArray, fixed_cost: Any, iterations: int = 60
) -> FloatArray:
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
