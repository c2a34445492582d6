"""Least-cost allocation of retired batteries to recycling plants (algorithm ``allocate_supply``).

Supply points ``i`` (retirement, t/yr, at projected x/y in metres, in province ``p_i``) ship to
plants ``j`` (capacity, t/yr, province ``q_j``). The min-cost transportation linear programme is::

    minimise   Σ_ij c_ij · f_ij  +  P · Σ_i u_i
    subject to Σ_j f_ij + u_i = s_i      for every supply i   (all supply is shipped or unmet)
               Σ_i f_ij      <= C_j      for every plant j    (capacity)
               f_ij >= 0, u_i >= 0

with the unit cost of an arc ``c_ij = d_ij · detour · transport_cost`` (CNY/t: straight-line km ×
road/straight-line factor × CNY per t·km), plus ``border_fee`` (CNY/t) when ``p_i != q_j`` under
the ``fee`` rule. Under ``closed`` the cross-border arcs do not exist; under ``open`` every arc
exists at its transport cost (the "green channel"). ``max_distance_km`` (straight-line) drops
longer arcs. The unmet supply ``u_i`` costs the penalty ``P`` (CNY/t), so the programme is always
feasible: supply with no reachable free capacity (a closed province without a plant, zero
capacity) shows up as unmet, never as an error.

Method (exact): column generation on the arcs, each restricted programme solved with scipy's
HiGHS (dual simplex) on sparse matrices.

1. Start from the ``INITIAL_ARCS`` cheapest permitted arcs of each supply point.
2. Solve the restricted programme (every supply also has its unmet variable, so it is feasible).
3. With its duals ``α_i`` (supply rows) and ``β_j <= 0`` (capacity rows), price every omitted
   permitted arc at once (numpy, in row blocks): reduced cost ``c_ij − α_i − β_j``.
4. If no omitted arc has a negative reduced cost, the duals are feasible for the full programme,
   so the restricted optimum is the optimum over every arc (LP duality); stop. Otherwise add the
   ``ADD_PER_ROW`` most negative arcs of each supply point, drop arcs that carry no flow and are
   not among the ``KEEP_PER_ROW`` lowest reduced costs of their row (keeps the programmes small;
   the current solution stays feasible, so the objective never rises; dropping stops if it
   stalls, after which the arc set only grows and the loop must end), and go to 2.

When the nearest arcs are not enough and there are many supply points (capacity binds
somewhere), the supply is grouped once into about ``COARSE_ROWS`` cells per province, that small
problem is solved the same way, and its flows and plant prices suggest more arcs. This only
changes the arcs tried, never the optimality test. The dual bound ``Σ s_i α_i + Σ C_j β_j`` is
reported next to the objective as a certificate. Small instances (at most ``FULL_ARCS_BELOW``
permitted arcs) are solved with every arc at once. No Python loop runs over arcs: arc sets and
constraint matrices are built with numpy (COO → CSR). "Exact" means optimal up to the solver's
tolerances: omitted arcs count as priced out when their reduced cost is above −``PRICING_TOL`` ×
the largest of 1, the penalty and the unit costs (CNY/t); the tests compare with independent
solvers to 1e-6 relative.

Inputs with null values: a supply or capacity that is null (NaN/None) takes no part and gets a
null result (``unmet_t`` / ``allocated_t`` NaN); negative or infinite volumes and missing
coordinates raise an :class:`~.errors.InvalidValuesError` subclass naming the rows.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from ..errors import NoValidRowsError, ParameterError, RowValuesError
from .allocation_params import (
    ALLOCATION_METHODS,
    DEFAULT_DETOUR,
    DEFAULT_UNMET_PENALTY,
    RULES,
    AllocationInputs,
    AllocationParams,
    AllocationResult,
    AllocationSolverError,
    MissingProvinceError,
    SolverRangeError,
)
from .arcs import Arcs
from .provinces import shared_codes
from .solver import FLOW_TOL, Solution, check_ranges, solve
from .validation import FloatArray, IntArray, MissingCoordinateError, volumes

__all__ = [
    "ALLOCATION_METHODS",
    "DEFAULT_DETOUR",
    "DEFAULT_UNMET_PENALTY",
    "RULES",
    "AllocationInputs",
    "AllocationParams",
    "AllocationResult",
    "AllocationSolverError",
    "MissingCoordinateError",
    "MissingProvinceError",
    "SolverRangeError",
    "allocate",
    "allocate_inputs",
    "compare_rules",
    "compare_rules_inputs",
]


def _xy(values: Any, which: str) -> FloatArray:
    """(n, 2) x, y (m) as float64; :class:`InvalidValuesError` (no rows) for a bad shape or
    non-numbers, :class:`MissingCoordinateError` for rows without finite coordinates."""
    try:
        arr = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise RowValuesError(which, [], "coordinates must be numbers") from None
    if arr.size == 0:
        return np.zeros((0, 2))
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise RowValuesError(which, [], f"expected an (n, 2) array of x, y, got shape {arr.shape}")
    bad = np.flatnonzero(~np.isfinite(arr).all(axis=1))
    if bad.size:
        raise MissingCoordinateError(which, bad.tolist())
    return arr


def allocate(
    supply_xy: Any,
    supply_t: Any,
    supply_prov: Sequence[Any] | None,
    plant_xy: Any,
    capacity_t: Any,
    plant_prov: Sequence[Any] | None,
    *,
    rule: str,
    transport_cost: float,
    border_fee: float = 0.0,
    detour: float = DEFAULT_DETOUR,
    max_distance_km: float | None = None,
    unmet_penalty: float = DEFAULT_UNMET_PENALTY,
    method: str = "auto",
) -> AllocationResult:
    """:func:`allocate_inputs` with the inputs and the :class:`AllocationParams` given as
    arguments (same units and meanings)."""
    params = AllocationParams(
        rule=rule,
        transport_cost=transport_cost,
        border_fee=border_fee,
        detour=detour,
        max_distance_km=max_distance_km,
        unmet_penalty=unmet_penalty,
    )
    inputs = AllocationInputs(supply_xy, supply_t, supply_prov, plant_xy, capacity_t, plant_prov)
    return allocate_inputs(inputs, params, method)


def allocate_inputs(
    inputs: AllocationInputs, params: AllocationParams, method: str = "auto"
) -> AllocationResult:
    """Least-cost flows from supply points to plants under ``params.rule`` (see module docs).

    ``method``: ``auto`` (column generation, every arc at once for small cases),
    ``column_generation`` or ``full`` (every arc; used by the tests as the reference).

    Raises :class:`~.errors.NoValidRowsError` for no supply rows, an
    :class:`~.errors.InvalidValuesError` subclass (with row indices) for negative/infinite
    volumes, missing coordinates or missing provinces, :class:`~.errors.ParameterError` for
    bad parameters (both are ``ValueError``) and :class:`AllocationSolverError` when HiGHS
    fails. Infeasibility never raises: supply that cannot be served is reported as unmet.
    """
    if not isinstance(params, AllocationParams):
        raise ParameterError("params", "expected AllocationParams")
    if method not in ALLOCATION_METHODS:
        raise ParameterError("method", f"expected one of {ALLOCATION_METHODS}, got {method!r}")
    sxy = _xy(inputs.supply_xy, "supply_xy")
    pxy = _xy(inputs.plant_xy, "plant_xy")
    ns, npl = sxy.shape[0], pxy.shape[0]
    if ns == 0:
        raise NoValidRowsError("supply: there are no supply locations to allocate")
    s_in = volumes(inputs.supply_t, "supply_t", ns)
    c_in = volumes(inputs.capacity_t, "capacity_t", npl)
    sprov, pprov = shared_codes(inputs.supply_prov, inputs.plant_prov, ns, npl)
    if params.rule != "open":
        s_null, c_null = np.isnan(s_in), np.isnan(c_in)
        bad = np.flatnonzero((sprov < 0) & ~s_null & (s_in > 0))
        if bad.size:
            raise MissingProvinceError("supply_prov", bad.tolist())
        bad = np.flatnonzero((pprov < 0) & ~c_null & (c_in > 0))
        if bad.size:
            raise MissingProvinceError("plant_prov", bad.tolist())
    check_ranges(s_in, c_in, _max_unit_cost(sxy, pxy, params), params.unmet_penalty)
    return _allocate(sxy, s_in, sprov, pxy, c_in, pprov, params, method)


def _max_unit_cost(sxy: FloatArray, pxy: FloatArray, params: AllocationParams) -> float:
    """An upper bound of every arc's unit cost (CNY/t): transport over the diagonal of the
    points' bounding box (or the distance cut-off, km) plus the border fee."""
    both = np.vstack([sxy, pxy])
    with np.errstate(invalid="ignore"):
        span = np.nanmax(both, axis=0) - np.nanmin(both, axis=0) if both.size else np.zeros(2)
    km = float(np.hypot(*np.nan_to_num(span))) / 1000.0
    if params.max_distance_km is not None:
        km = min(km, params.max_distance_km)
    return km * params.transport_cost * params.detour + params.border_fee


def compare_rules_inputs(
    inputs: AllocationInputs, params: AllocationParams, method: str = "auto"
) -> dict[str, AllocationResult]:
    """:func:`allocate_inputs` under every rule of :data:`RULES` (``params`` with each rule in
    turn), keyed by rule in that order."""
    return {rule: allocate_inputs(inputs, replace(params, rule=rule), method) for rule in RULES}


def _allocate(
    sxy: FloatArray,
    s_in: FloatArray,
    sprov: IntArray,
    pxy: FloatArray,
    c_in: FloatArray,
    pprov: IntArray,
    params: AllocationParams,
    method: str,
) -> AllocationResult:
    start = time.perf_counter()
    s = np.nan_to_num(s_in, nan=0.0)
    cap = np.nan_to_num(c_in, nan=0.0)
    act_s = np.flatnonzero(s > 0)
    act_p = np.flatnonzero(cap > 0)
    arcs = Arcs(sxy[act_s], sprov[act_s], pxy[act_p], pprov[act_p], params)
    sol = solve(arcs, s[act_s], cap[act_p], params.unmet_penalty, method, coarse=True)
    if pxy.shape[0] and not act_p.size:
        sol.messages.append("total capacity is 0: all supply is unmet")
    return _result(params, s_in, c_in, act_s, act_p, arcs, sol, start)


def _result(
    params: AllocationParams,
    s_in: FloatArray,
    c_in: FloatArray,
    act_s: IntArray,
    act_p: IntArray,
    arcs: Arcs,
    sol: Solution,
    start: float,
) -> AllocationResult:
    """The result in input rows (see :class:`AllocationResult`) from the solution on the
    active rows ``act_s`` / ``act_p``."""
    supply, capacity = np.nan_to_num(s_in[act_s]), np.nan_to_num(c_in[act_p])
    rows, cols, flows, used = sol.rows, sol.cols, sol.flows, sol.method
    scale = float(supply.max(initial=0.0))
    keep = flows > FLOW_TOL * max(scale, 1.0)
    r, c, f = rows[keep], cols[keep], flows[keep]
    order = np.lexsort((act_p[c], act_s[r]))
    r, c, f = r[order], c[order], f[order]
    dist = arcs.distance(r, c)
    cross = arcs.cross(r, c)
    unit = arcs.unit_cost(r, c)
    flow_cost = f * unit

    shipped = np.bincount(r, weights=f, minlength=act_s.size)
    received = np.bincount(c, weights=f, minlength=act_p.size)
    unmet_act = supply - shipped
    unmet_act[unmet_act <= FLOW_TOL * max(scale, 1.0)] = 0.0  # rounding residue of the solver

    unmet_t = np.where(np.isnan(s_in), np.nan, 0.0)
    unmet_t[act_s] = unmet_act
    allocated_t = np.where(np.isnan(c_in), np.nan, 0.0)
    allocated_t[act_p] = received
    with np.errstate(invalid="ignore", divide="ignore"):
        utilization = np.where(c_in > 0, allocated_t / c_in, np.nan)

    total_supply = float(supply.sum())
    total_capacity = float(capacity.sum())
    total_flow = float(f.sum())
    total_unmet = float(unmet_act.sum())
    transport = float(np.sum(f * dist * arcs.per_km))
    fees = float(np.sum(f[cross])) * params.border_fee if params.rule == "fee" else 0.0
    total_cost = float(flow_cost.sum())
    penalty_cost = total_unmet * params.unmet_penalty
    cross_t = float(f[cross].sum())
    # Dual objective: a lower bound on every allocation's cost (equal at the optimum).
    dual = float(supply @ sol.alpha + capacity @ sol.beta) if supply.size else 0.0
    objective = total_cost + penalty_cost
    seconds = time.perf_counter() - start
    label = {
        "full": "every permitted arc",
        "column_generation": "column generation",
        "none": "nothing to solve",
    }[used]
    coarse = f" after {sol.coarse_rounds} on grouped supply" if sol.coarse_rounds else ""
    status = (
        f"optimal ({label}: {sol.rounds} LP solve(s){coarse}, last with "
        f"{rows.shape[0]:,} of {sol.permitted:,} permitted arcs; objective "
        f"{objective:,.2f} CNY/yr, dual bound {dual:,.2f})"
    )
    return AllocationResult(
        rule=params.rule,
        params=params,
        supply_t=s_in,
        capacity_t=c_in,
        flow_from=act_s[r].astype(np.int64),
        flow_to=act_p[c].astype(np.int64),
        flow_t=f,
        flow_distance_km=dist,
        flow_unit_cost=unit,
        flow_cost=flow_cost,
        flow_cross_border=cross,
        allocated_t=allocated_t,
        utilization=utilization,
        unmet_t=unmet_t,
        total_supply_t=total_supply,
        total_capacity_t=total_capacity,
        total_allocated_t=total_flow,
        total_unmet_t=total_unmet,
        total_cost=total_cost,
        transport_cost=transport,
        border_fee_cost=fees,
        penalty_cost=penalty_cost,
        objective=objective,
        dual_bound=dual,
        national_utilization=total_flow / total_capacity if total_capacity > 0 else None,
        cross_border_share=cross_t / total_flow if total_flow > 0 else None,
        cross_border_t=cross_t,
        no_capacity=total_capacity <= 0,
        method=used,
        rounds=sol.rounds,
        arcs_solved=int(rows.shape[0]),
        arcs_permitted=sol.permitted,
        solve_seconds=seconds,
        status=status,
        messages=sol.messages,
    )


def compare_rules(
    supply_xy: Any,
    supply_t: Any,
    supply_prov: Sequence[Any] | None,
    plant_xy: Any,
    capacity_t: Any,
    plant_prov: Sequence[Any] | None,
    *,
    transport_cost: float,
    border_fee: float = 0.0,
    detour: float = DEFAULT_DETOUR,
    max_distance_km: float | None = None,
    unmet_penalty: float = DEFAULT_UNMET_PENALTY,
    method: str = "auto",
) -> dict[str, AllocationResult]:
    """:func:`allocate` under every rule of :data:`RULES`, keyed by rule in that order."""
    return {
        rule: allocate(
            supply_xy,
            supply_t,
            supply_prov,
            plant_xy,
            capacity_t,
            plant_prov,
            rule=rule,
            transport_cost=transport_cost,
            border_fee=border_fee,
            detour=detour,
            max_distance_km=max_distance_km,
            unmet_penalty=unmet_penalty,
            method=method,
        )
        for rule in RULES
    }
