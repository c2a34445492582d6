"""The solver of the least-cost allocation (:mod:`.allocation`): column generation on the arcs,
each restricted transportation programme solved with HiGHS, and the grouped starting problem.
Volumes in t/yr, unit costs and prices in CNY/t."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import check_total
from .allocation_params import AllocationSolverError, SolverRangeError
from .arcs import Arcs
from .validation import Array, FloatArray, IntArray

__all__ = ["COST_LIMIT", "FLOW_TOL", "VOLUME_LIMIT", "Solution", "check_ranges", "solve"]

#: Cheapest arcs per supply point in the first restricted programme.
INITIAL_ARCS = 8
#: At most this many arcs with a negative reduced cost are added per supply point and round.
ADD_PER_ROW = 8
#: ``auto`` solves with every arc when there are at most this many permitted arcs.
FULL_ARCS_BELOW = 20_000
#: Arcs kept per supply point between rounds (by reduced cost), besides those carrying flow.
KEEP_PER_ROW = 4
#: Above this many supply points, when the nearest arcs are not enough, a grouped problem of
#: about ``COARSE_ROWS`` rows is solved; its prices and flows suggest arcs (fewer rounds).
COARSE_ABOVE = 600
COARSE_ROWS = 300
#: Column generation rounds before falling back to every arc (never reached in practice).
MAX_ROUNDS = 60
#: Options of ``scipy.optimize.linprog(method="highs-ds")`` (dual simplex).
#: Presolve off and Dantzig pricing: measured fastest on these pure network matrices.
HIGHS_OPTIONS: dict[str, Any] = {"presolve": False, "simplex_dual_edge_weight_strategy": "dantzig"}
#: Reduced costs above −(this × largest unit cost, at least 1 CNY/t) count as non-negative.
PRICING_TOL = 1e-9
#: Flows and unmet volumes at or below this fraction of the largest supply count as zero.
FLOW_TOL = 1e-9
#: Largest supply per row (t/yr): HiGHS solves to an absolute tolerance near 1e-7 and takes
#: 1e20 as infinite, so with 1e15 t/yr in one row it ships nothing from the others.
VOLUME_LIMIT = 1e12
#: Largest unit cost or unmet penalty (CNY/t), well below HiGHS's infinity (1e20).
COST_LIMIT = 1e15
#: HiGHS status codes in plain words (scipy's ``linprog`` statuses: 1 iteration limit, 2
#: infeasible, 3 unbounded, 4 numerical difficulties).
_STATUS = {
    1: "the iteration limit was reached",
    2: "the numbers are out of the solver's range (values near 1e20 count as infinite)",
    3: "the problem is unbounded",
    4: "numerical difficulties (volumes or costs too far apart in size)",
}


def check_ranges(
    supply: FloatArray, capacity: FloatArray, max_unit_cost: float, penalty: float
) -> None:
    """Refuse before solving: supply rows above :data:`VOLUME_LIMIT` t/yr
    (:class:`SolverRangeError` ``supply_t``), capacities whose total is not finite
    (:class:`~core.errors.SumOverflowError` ``capacity_t``), and a unit cost or penalty above
    :data:`COST_LIMIT` CNY/t or a total cost (supply × cost, CNY/yr) that is not finite
    (``costs``). NaN is null and skipped; ``max_unit_cost`` bounds every arc's CNY/t."""
    with np.errstate(invalid="ignore"):
        big = np.flatnonzero(supply > VOLUME_LIMIT)
    if big.size:
        raise SolverRangeError("supply_t", big.tolist(), VOLUME_LIMIT)
    check_total(capacity, "capacity_t")
    worst = max(float(max_unit_cost), float(penalty))
    total = float(np.nansum(supply))
    if not (worst <= COST_LIMIT and math.isfinite(total * worst)):
        raise SolverRangeError("costs", [], COST_LIMIT)


def _solve_lp(
    rows: IntArray,
    cols: IntArray,
    cost: FloatArray,
    supply: FloatArray,
    capacity: FloatArray,
    penalty: float,
) -> tuple[FloatArray, FloatArray, FloatArray, float]:
    """Solve the transportation LP on the given arcs (+ one unmet variable per supply row).

    Returns (arc flows, alpha (supply duals), beta (capacity duals, <= 0), objective).
    """
    from scipy import sparse
    from scipy.optimize import linprog

    m, ns, npl = rows.shape[0], supply.shape[0], capacity.shape[0]
    c = np.concatenate([cost, np.full(ns, penalty)])
    eq_rows = np.concatenate([rows, np.arange(ns)])
    eq_cols = np.arange(m + ns)
    a_eq = sparse.csr_matrix((np.ones(m + ns), (eq_rows, eq_cols)), shape=(ns, m + ns))
    a_ub = sparse.csr_matrix((np.ones(m), (cols, np.arange(m))), shape=(npl, m + ns))
    for options in (HIGHS_OPTIONS, {}):  # HiGHS defaults as a fallback
        res = linprog(
            c,
            A_ub=a_ub,
            b_ub=capacity,
            A_eq=a_eq,
            b_eq=supply,
            bounds=(0, None),
            method="highs-ds",
            options=dict(options),
        )
        if res.status == 0 and res.x is not None:
            break
    else:
        why = _STATUS.get(int(res.status), "no optimal solution")
        raise AllocationSolverError(
            f"the solver found no optimal allocation: {why} (HiGHS: {res.message})",
            int(res.status),
        )
    x: FloatArray = np.asarray(res.x, dtype=np.float64)
    alpha = np.asarray(res.eqlin.marginals, dtype=np.float64)
    beta = np.asarray(res.ineqlin.marginals, dtype=np.float64)
    return x[:m], alpha, beta, float(res.fun)


def _keep_arcs(rows: Array, reduced: Array, flows: Array, k: int) -> Array:
    """Mask of arcs to keep: those carrying flow and the ``k`` lowest reduced costs per row."""
    order = np.lexsort((reduced, rows))
    sorted_rows = rows[order]
    first = np.searchsorted(sorted_rows, sorted_rows, side="left")
    rank = np.empty(rows.shape[0], dtype=np.int64)
    rank[order] = np.arange(rows.shape[0]) - first
    return (rank < k) | (flows > 0)


@dataclass
class Solution:
    rows: Array
    cols: Array
    flows: Array
    alpha: Array
    beta: Array
    method: str
    rounds: int
    permitted: int
    coarse_rounds: int = 0
    messages: list[str] = field(default_factory=list)


def solve(
    arcs: Arcs,
    supply: FloatArray,
    capacity: FloatArray,
    penalty: float,
    method: str,
    coarse: bool,
) -> Solution:
    """Optimal flows on the permitted arcs of ``arcs`` (see the module docs for the method)."""
    ns, npl = supply.shape[0], capacity.shape[0]
    empty = np.zeros(0, np.int64)
    if not (ns and npl):
        return Solution(
            empty, empty, np.zeros(0), np.full(ns, penalty), np.zeros(npl), "none", 0, 0
        )
    if method == "full":
        rows, cols, permitted = arcs.all_permitted()
    else:
        rows, cols, permitted = arcs.cheapest(min(INITIAL_ARCS, npl))
        if method == "auto" and (permitted <= FULL_ARCS_BELOW or permitted <= 2 * rows.size):
            rows, cols, _ = arcs.all_permitted()
            method = "full"
        else:
            method = "column_generation"
    if not rows.size:
        return Solution(
            empty, empty, np.zeros(0), np.full(ns, penalty), np.zeros(npl), method, 0, permitted
        )

    cost = arcs.unit_cost(rows, cols)
    tol = PRICING_TOL * max(1.0, penalty, float(cost.max(initial=0.0)))
    best, stalled, trim, rounds, messages = math.inf, 0, True, 0, []
    coarse_rounds, coarse = 0, coarse and ns > COARSE_ABOVE
    while True:
        rounds += 1
        flows, alpha, beta, objective = _solve_lp(rows, cols, cost, supply, capacity, penalty)
        if method == "full":
            break
        keys = rows * arcs.n_cols + cols
        new_r, new_c = arcs.price(alpha, beta, np.sort(keys), tol, ADD_PER_ROW)
        if not new_r.size:
            break  # no omitted arc has a negative reduced cost: optimal over every arc
        # Deleting unpromising columns keeps each LP small; the current solution stays
        # feasible, so the objective never rises. If it stalls (degeneracy), stop deleting:
        # the arc set then only grows, so the loop ends.
        stalled = stalled + 1 if objective > best - 1e-9 * max(1.0, abs(best)) else 0
        best = min(best, objective)
        trim = trim and stalled < 2
        if trim:
            keep = _keep_arcs(rows, cost - alpha[rows] - beta[cols], flows, KEEP_PER_ROW)
            rows, cols, cost = rows[keep], cols[keep], cost[keep]
        rows = np.concatenate([rows, new_r])
        cols = np.concatenate([cols, new_c])
        cost = np.concatenate([cost, arcs.unit_cost(new_r, new_c)])
        if coarse:
            # The nearest arcs were not enough (capacity is tight somewhere): add the arcs an
            # aggregated problem suggests, once.
            coarse = False
            prices, coarse_rounds, extra = _coarse_start(arcs, supply, capacity, penalty)
            if prices is not None and extra is not None:
                more_r, more_c, _ = arcs.cheapest(min(INITIAL_ARCS, npl), prices)
                keys = np.unique(
                    np.concatenate(
                        [rows * npl + cols, more_r * npl + more_c, extra[0] * npl + extra[1]]
                    )
                )
                rows, cols = keys // npl, keys % npl
                cost = arcs.unit_cost(rows, cols)
        if rounds >= MAX_ROUNDS or rows.size > permitted // 2:
            messages.append(
                f"column generation stopped after {rounds} rounds; " "solved with every arc"
            )
            rows, cols, _ = arcs.all_permitted()
            cost = arcs.unit_cost(rows, cols)
            method = "full"
    sol = Solution(rows, cols, flows, alpha, beta, method, rounds, permitted, messages=messages)
    if method == "column_generation":
        sol.coarse_rounds = coarse_rounds
    return sol


def _coarse_start(
    arcs: Arcs, supply: FloatArray, capacity: FloatArray, penalty: float
) -> tuple[FloatArray | None, int, tuple[IntArray, IntArray] | None]:
    """A starting point from an aggregated problem: plant prices and arcs worth trying.

    Supply points are merged per grid cell and province (about ``COARSE_ROWS`` groups, at their
    supply-weighted centroid) and that problem is solved exactly. Returns its plant prices
    (capacity duals), its LP count, and the arcs (row, plant) from every point to every plant
    its group ships to. Only the starting arc set depends on these, never the optimality test,
    so the result stays exact. Returns ``(None, 0, None)`` when grouping would not shrink the
    problem.
    """
    xy = arcs.sxy
    span = np.ptp(xy, axis=0)
    size = max(float(np.sqrt(max(span[0], 1.0) * max(span[1], 1.0) / COARSE_ROWS)), 1.0)
    for _ in range(8):
        cell = np.floor((xy - xy.min(axis=0)) / size).astype(np.int64)
        key = np.stack([cell[:, 0], cell[:, 1], arcs.sprov], axis=1)
        _, group = np.unique(key, axis=0, return_inverse=True)
        group = group.ravel()
        n = int(group.max()) + 1
        if n > 2 * COARSE_ROWS:
            size *= 1.5
        elif n < COARSE_ROWS // 2 and size > 1.0:
            size /= 1.5
        else:
            break
    if n >= supply.shape[0] // 2:
        return None, 0, None
    total: FloatArray = np.bincount(group, weights=supply, minlength=n).astype(np.float64)
    cxy = (
        np.stack(
            [np.bincount(group, weights=supply * xy[:, k], minlength=n) for k in (0, 1)], axis=1
        )
        / total[:, None]
    )
    cprov = np.zeros(n, dtype=np.int64)
    cprov[group] = arcs.sprov
    coarse = Arcs(cxy, cprov, arcs.pxy, arcs.pprov, arcs.p)
    sol = solve(coarse, total, capacity, penalty, "column_generation", coarse=False)
    used = sol.flows > FLOW_TOL * max(float(total.max()), 1.0)
    g_arc, j_arc = sol.rows[used], sol.cols[used]
    # every member of group g gets the arcs of g: expand without a Python loop
    members = np.argsort(group, kind="stable")
    start = np.searchsorted(group[members], np.arange(n))
    count = np.bincount(group, minlength=n)
    reps = count[g_arc]
    offset = np.arange(int(reps.sum())) - np.repeat(np.cumsum(reps) - reps, reps)
    rows = members[np.repeat(start[g_arc], reps) + offset]
    cols = np.repeat(j_arc, reps)
    # drop arcs the rule or distance forbids for a member (its group's centroid may differ)
    ok = np.isfinite(arcs.pair_cost(rows, cols))
    return sol.beta, sol.rounds, (rows[ok], cols[ok])
