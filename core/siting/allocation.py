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

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import InvalidValuesError, NegativeValueError, NonFiniteValueError, NoValidRowsError
from ..stats import to_float_array

__all__ = [
    "ALLOCATION_METHODS",
    "DEFAULT_DETOUR",
    "DEFAULT_UNMET_PENALTY",
    "RULES",
    "AllocationParams",
    "AllocationResult",
    "AllocationSolverError",
    "MissingCoordinateError",
    "MissingProvinceError",
    "allocate",
    "compare_rules",
]

#: Border rules, in the order of the ``BORDER_RULE`` enumeration (index 0 first).
RULES: tuple[str, ...] = ("open", "fee", "closed")
#: ``method`` choices of :func:`allocate`.
ALLOCATION_METHODS: tuple[str, ...] = ("auto", "column_generation", "full")

#: Road distance ÷ straight-line distance (same default as ``profit_surface``'s ``DETOUR``).
DEFAULT_DETOUR = 1.3
#: CNY per tonne of supply left unmet: high, so supply is only left unmet when it cannot reach
#: free capacity (or only at a transport cost above this).
DEFAULT_UNMET_PENALTY = 10_000.0

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
#: Arcs priced per block (rows × plants), bounding the memory of the pricing step.
BLOCK_ELEMENTS = 1 << 21
#: Options of ``scipy.optimize.linprog(method="highs-ds")`` (dual simplex).
#: Presolve off and Dantzig pricing: measured fastest on these pure network matrices.
HIGHS_OPTIONS: dict[str, Any] = {"presolve": False, "simplex_dual_edge_weight_strategy": "dantzig"}
#: Reduced costs above −(this × largest unit cost, at least 1 CNY/t) count as non-negative.
PRICING_TOL = 1e-9
#: Flows and unmet volumes at or below this fraction of the largest supply count as zero.
FLOW_TOL = 1e-9


class MissingCoordinateError(InvalidValuesError):
    """Rows without usable coordinates (NaN or infinite x/y)."""

    reason = "missing or non-finite coordinate"


class MissingProvinceError(InvalidValuesError):
    """Rows without a province code although the border rule needs one."""

    reason = "missing province"


class AllocationSolverError(RuntimeError):
    """HiGHS did not return an optimal solution (numerical trouble; never infeasibility)."""


@dataclass(frozen=True)
class AllocationParams:
    """Validated parameters of one allocation.

    ``rule``: one of :data:`RULES`. ``border_fee``: CNY/t charged on cross-province arcs under
    ``fee``. ``transport_cost``: CNY per t·km (road). ``detour``: road ÷ straight-line distance
    (> 0). ``max_distance_km``: straight-line cut-off (None = no limit). ``unmet_penalty``:
    CNY/t of unmet supply. All finite and >= 0.
    """

    rule: str
    transport_cost: float
    border_fee: float = 0.0
    detour: float = DEFAULT_DETOUR
    max_distance_km: float | None = None
    unmet_penalty: float = DEFAULT_UNMET_PENALTY

    def __post_init__(self) -> None:
        if self.rule not in RULES:
            raise ValueError(f"rule must be one of {RULES}, got {self.rule!r}")
        for name in ("transport_cost", "border_fee", "detour", "unmet_penalty"):
            object.__setattr__(self, name, _number(getattr(self, name), name))
        if self.detour <= 0:
            raise ValueError(f"detour must be > 0, got {self.detour!r}")
        if self.max_distance_km is not None:
            value = _number(self.max_distance_km, "max_distance_km")
            if value <= 0:
                raise ValueError(f"max_distance_km must be > 0 or None, got {value!r}")
            object.__setattr__(self, "max_distance_km", value)

    @property
    def penalty_distance_km(self) -> float | None:
        """Straight-line km at which transport alone costs the unmet penalty (None if free).

        Supply farther than this from every plant with free capacity stays unmet.
        """
        per_km = self.transport_cost * self.detour
        return self.unmet_penalty / per_km if per_km > 0 else None


def _number(value: Any, name: str) -> float:
    try:
        out = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, got {value!r}") from None
    if not math.isfinite(out) or out < 0:
        raise ValueError(f"{name} must be finite and >= 0, got {value!r}")
    return out


@dataclass
class AllocationResult:
    """The optimal allocation under one rule. Money in CNY/yr, volumes in t/yr, km straight-line.

    Flows (one entry per arc carrying more than a negligible volume, sorted by supply then plant):
    ``flow_from`` / ``flow_to`` (0-based input rows of supply and plants), ``flow_t``,
    ``flow_distance_km`` (straight line; the cost uses it × ``detour``), ``flow_unit_cost``
    (CNY/t incl. any border fee), ``flow_cost`` (CNY/yr = flow × unit cost), ``flow_cross_border``
    (provinces differ; False where a province is unknown).

    Per plant: ``capacity_t`` (input), ``allocated_t`` (NaN where capacity is null),
    ``utilization`` = allocated ÷ capacity (NaN where capacity is 0 or null).
    Per supply: ``supply_t`` (input), ``unmet_t`` (NaN where supply is null).
    Supply = allocated + unmet for every supply row; allocated <= capacity for every plant.

    Totals are Python ``float`` (``None`` when undefined): ``total_cost`` = transport + border
    fees (excludes the penalty, reported as ``penalty_cost``); ``total_unmet_t``;
    ``national_utilization`` = Σ allocated ÷ Σ capacity (None when there is no capacity);
    ``cross_border_share`` = cross-border flow ÷ total flow (None when nothing flows).
    ``objective`` = total_cost + penalty_cost, ``dual_bound`` the LP dual objective (equal to the
    objective at the optimum, up to solver tolerance). ``no_capacity`` flags a total capacity of 0
    (everything unmet). ``solve_seconds``: wall time of :func:`allocate` after validation.
    """

    rule: str
    params: AllocationParams
    supply_t: np.ndarray
    capacity_t: np.ndarray
    flow_from: np.ndarray
    flow_to: np.ndarray
    flow_t: np.ndarray
    flow_distance_km: np.ndarray
    flow_unit_cost: np.ndarray
    flow_cost: np.ndarray
    flow_cross_border: np.ndarray
    allocated_t: np.ndarray
    utilization: np.ndarray
    unmet_t: np.ndarray
    total_supply_t: float
    total_capacity_t: float
    total_allocated_t: float
    total_unmet_t: float
    total_cost: float
    transport_cost: float
    border_fee_cost: float
    penalty_cost: float
    objective: float
    dual_bound: float
    national_utilization: float | None
    cross_border_share: float | None
    cross_border_t: float
    no_capacity: bool
    method: str
    rounds: int
    arcs_solved: int
    arcs_permitted: int
    solve_seconds: float
    status: str
    messages: list[str] = field(default_factory=list)

    @property
    def n_flows(self) -> int:
        """Number of arcs carrying flow."""
        return int(self.flow_t.shape[0])

    @property
    def cost_per_tonne(self) -> float | None:
        """Transport + fees per tonne allocated (CNY/t); None when nothing is allocated."""
        return self.total_cost / self.total_allocated_t if self.total_allocated_t > 0 else None


# --------------------------------------------------------------------------------------------
# validation


def _xy(values: Any, which: str) -> np.ndarray:
    try:
        arr = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{which}: coordinates must be numbers") from None
    if arr.size == 0:
        return np.zeros((0, 2))
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise ValueError(f"{which}: expected an (n, 2) array of x, y, got shape {arr.shape}")
    bad = np.flatnonzero(~np.isfinite(arr).all(axis=1))
    if bad.size:
        raise MissingCoordinateError(which, bad.tolist())
    return arr


def _volumes(values: Any, which: str, n: int) -> np.ndarray:
    arr = to_float_array(values, which)
    if arr.shape[0] != n:
        raise ValueError(f"{which}: {arr.shape[0]} values for {n} locations")
    bad = np.flatnonzero(np.isinf(arr))
    if bad.size:
        raise NonFiniteValueError(which, bad.tolist())
    with np.errstate(invalid="ignore"):
        bad = np.flatnonzero(arr < 0)
    if bad.size:
        raise NegativeValueError(which, bad.tolist())
    return arr


def _province_key(value: Any) -> str | None:
    """Normalise a province code: 110000, 110000.0 and " 110000" compare equal; None if null."""
    if value is None:
        return None
    if isinstance(value, (float, np.floating)):
        if not math.isfinite(float(value)):
            return None
        if float(value).is_integer():
            return str(int(value))
        return repr(float(value))
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    text = str(value).strip()
    if not text or text.upper() in {"NULL", "NAN", "NONE"}:
        return None
    return text


def _province_codes(
    supply_prov: Sequence[Any] | None,
    plant_prov: Sequence[Any] | None,
    n_supply: int,
    n_plants: int,
    rule: str,
) -> tuple[np.ndarray, np.ndarray]:
    """Integer province codes shared by both sides; -1 = unknown."""
    codes: dict[str, int] = {}
    out = []
    for values, n, which in (
        (supply_prov, n_supply, "supply_prov"),
        (plant_prov, n_plants, "plant_prov"),
    ):
        arr = np.full(n, -1, dtype=np.int64)
        if values is not None:
            items = list(values)
            if len(items) != n:
                raise ValueError(f"{which}: {len(items)} values for {n} locations")
            for k, item in enumerate(items):
                key = _province_key(item)
                if key is not None:
                    arr[k] = codes.setdefault(key, len(codes))
        out.append(arr)
    return out[0], out[1]


# --------------------------------------------------------------------------------------------
# the arc space: distances, unit costs and permissions, computed in row blocks


class _Arcs:
    """Permitted arcs between the active supply rows and the active plants."""

    def __init__(self, sxy, sprov, pxy, pprov, params: AllocationParams):
        self.sxy, self.sprov, self.pxy, self.pprov = sxy, sprov, pxy, pprov
        self.p = params
        self.per_km = params.transport_cost * params.detour  # CNY per t per straight-line km
        self.n_rows, self.n_cols = sxy.shape[0], pxy.shape[0]
        self.block_rows = max(1, BLOCK_ELEMENTS // max(self.n_cols, 1))

    def blocks(self):
        for r0 in range(0, self.n_rows, self.block_rows):
            yield r0, min(self.n_rows, r0 + self.block_rows)

    def distance(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        d = self.sxy[rows] - self.pxy[cols]
        return np.hypot(d[:, 0], d[:, 1]) / 1000.0

    def cross(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        a, b = self.sprov[rows], self.pprov[cols]
        return (a != b) & (a >= 0) & (b >= 0)

    def unit_cost(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        cost = self.distance(rows, cols) * self.per_km
        if self.p.rule == "fee" and self.p.border_fee > 0:
            cost = cost + self.p.border_fee * self.cross(rows, cols)
        return cost

    def pair_cost(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Unit costs of the given arcs, +inf where the arc is not permitted."""
        cost = self.unit_cost(rows, cols)
        if self.p.rule == "closed":
            cost[self.sprov[rows] != self.pprov[cols]] = np.inf
        if self.p.max_distance_km is not None:
            cost[self.distance(rows, cols) > self.p.max_distance_km] = np.inf
        return cost

    def block_cost(self, r0: int, r1: int) -> np.ndarray:
        """Unit costs (rows r0:r1 × plants), +inf where the arc is not permitted."""
        dx = self.sxy[r0:r1, 0, None] - self.pxy[None, :, 0]
        dy = self.sxy[r0:r1, 1, None] - self.pxy[None, :, 1]
        dist = np.hypot(dx, dy)
        dist /= 1000.0
        cost = dist * self.per_km
        if self.p.rule != "open":
            a = self.sprov[r0:r1, None]
            b = self.pprov[None, :]
            cross = a != b
            if self.p.rule == "closed":
                cost[cross] = np.inf
            elif self.p.border_fee > 0:
                cost += self.p.border_fee * cross
        if self.p.max_distance_km is not None:
            cost[dist > self.p.max_distance_km] = np.inf
        return cost

    def all_permitted(self) -> tuple[np.ndarray, np.ndarray, int]:
        rows, cols = [], []
        for r0, r1 in self.blocks():
            r, c = np.nonzero(np.isfinite(self.block_cost(r0, r1)))
            rows.append(r + r0)
            cols.append(c)
        r = np.concatenate(rows) if rows else np.zeros(0, np.int64)
        c = np.concatenate(cols) if cols else np.zeros(0, np.int64)
        return r.astype(np.int64), c.astype(np.int64), int(r.shape[0])

    def cheapest(self, k: int, prices: np.ndarray | None = None):
        """The k cheapest permitted arcs of every row, and the count of all permitted arcs.

        With ``prices`` (plant duals, <= 0), "cheapest" means lowest ``cost − price``: plants
        that are full in a coarse solution look dearer.
        """
        rows, cols, total = [], [], 0
        for r0, r1 in self.blocks():
            cost = self.block_cost(r0, r1)
            finite = np.isfinite(cost)
            total += int(np.count_nonzero(finite))
            if prices is not None:
                cost -= prices[None, :]
            if k < self.n_cols:
                pick = np.argpartition(cost, k - 1, axis=1)[:, :k]
            else:
                pick = np.broadcast_to(np.arange(self.n_cols), cost.shape)
            rr = np.broadcast_to(np.arange(r1 - r0)[:, None], pick.shape)
            keep = finite[rr, pick]
            rows.append(rr[keep] + r0)
            cols.append(pick[keep])
        return (np.concatenate(rows).astype(np.int64), np.concatenate(cols).astype(np.int64), total)

    def price(self, alpha, beta, keys: np.ndarray, tol: float, per_row: int):
        """Omitted arcs with reduced cost < -tol, at most ``per_row`` (most negative) per row.

        ``keys`` are the sorted ``row * n_cols + col`` of the arcs already in the programme.
        """
        rows, cols = [], []
        nc = self.n_cols
        for r0, r1 in self.blocks():
            rc = self.block_cost(r0, r1)
            rc -= alpha[r0:r1, None]
            rc -= beta[None, :]
            lo, hi = np.searchsorted(keys, [r0 * nc, r1 * nc])
            rc.ravel()[keys[lo:hi] - r0 * nc] = np.inf
            neg = rc < -tol
            hit = np.flatnonzero(neg.any(axis=1))
            if not hit.size:
                continue
            sub, subneg = rc[hit], neg[hit]
            if per_row < nc:
                pick = np.argpartition(sub, per_row - 1, axis=1)[:, :per_row]
            else:
                pick = np.broadcast_to(np.arange(nc), sub.shape)
            rr = np.broadcast_to(np.arange(hit.size)[:, None], pick.shape)
            keep = subneg[rr, pick]
            rows.append(hit[rr[keep]] + r0)
            cols.append(pick[keep])
        if not rows:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        return np.concatenate(rows).astype(np.int64), np.concatenate(cols).astype(np.int64)


# --------------------------------------------------------------------------------------------
# the restricted linear programme


def _solve_lp(rows, cols, cost, supply, capacity, penalty):
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
        raise AllocationSolverError(f"HiGHS: {res.message} (status {res.status})")
    x = res.x
    alpha = np.asarray(res.eqlin.marginals, dtype=np.float64)
    beta = np.asarray(res.ineqlin.marginals, dtype=np.float64)
    return x[:m], alpha, beta, float(res.fun)


def _keep_arcs(rows: np.ndarray, reduced: np.ndarray, flows: np.ndarray, k: int) -> np.ndarray:
    """Mask of arcs to keep: those carrying flow and the ``k`` lowest reduced costs per row."""
    order = np.lexsort((reduced, rows))
    sorted_rows = rows[order]
    first = np.searchsorted(sorted_rows, sorted_rows, side="left")
    rank = np.empty(rows.shape[0], dtype=np.int64)
    rank[order] = np.arange(rows.shape[0]) - first
    return (rank < k) | (flows > 0)


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
    """Least-cost flows from supply points to plants under a border rule (see module docs).

    ``supply_xy`` / ``plant_xy``: (n, 2) x, y in metres of a projected CRS. ``supply_t`` and
    ``capacity_t``: t/yr (None/NaN = null: excluded, null result). ``supply_prov`` /
    ``plant_prov``: province codes (any hashable; 110000 == "110000"), or None for none; needed
    (no nulls) for the ``fee`` and ``closed`` rules. ``method``: ``auto`` (column generation,
    every arc at once for small cases), ``column_generation`` or ``full`` (every arc; used by
    the tests as the reference).

    Raises :class:`~.errors.NoValidRowsError` for no supply rows, an
    :class:`~.errors.InvalidValuesError` subclass (with row indices) for negative/infinite
    volumes, missing coordinates or missing provinces, ``ValueError`` for bad parameters.
    Infeasibility never raises: supply that cannot be served is reported as unmet.
    """
    params = AllocationParams(
        rule=rule,
        transport_cost=transport_cost,
        border_fee=border_fee,
        detour=detour,
        max_distance_km=max_distance_km,
        unmet_penalty=unmet_penalty,
    )
    if method not in ALLOCATION_METHODS:
        raise ValueError(f"method must be one of {ALLOCATION_METHODS}, got {method!r}")
    sxy = _xy(supply_xy, "supply_xy")
    pxy = _xy(plant_xy, "plant_xy")
    ns, npl = sxy.shape[0], pxy.shape[0]
    if ns == 0:
        raise NoValidRowsError("supply: there are no supply locations to allocate")
    s_in = _volumes(supply_t, "supply_t", ns)
    c_in = _volumes(capacity_t, "capacity_t", npl)
    sprov, pprov = _province_codes(supply_prov, plant_prov, ns, npl, rule)
    if rule != "open":
        s_null, c_null = np.isnan(s_in), np.isnan(c_in)
        bad = np.flatnonzero((sprov < 0) & ~s_null & (s_in > 0))
        if bad.size:
            raise MissingProvinceError("supply_prov", bad.tolist())
        bad = np.flatnonzero((pprov < 0) & ~c_null & (c_in > 0))
        if bad.size:
            raise MissingProvinceError("plant_prov", bad.tolist())
    return _allocate(sxy, s_in, sprov, pxy, c_in, pprov, params, method)


@dataclass
class _Solution:
    rows: np.ndarray
    cols: np.ndarray
    flows: np.ndarray
    alpha: np.ndarray
    beta: np.ndarray
    method: str
    rounds: int
    permitted: int
    coarse_rounds: int = 0
    messages: list[str] = field(default_factory=list)


def _solve(arcs: _Arcs, supply, capacity, penalty, method: str, coarse: bool) -> _Solution:
    """Optimal flows on the permitted arcs of ``arcs`` (see the module docs for the method)."""
    ns, npl = supply.shape[0], capacity.shape[0]
    empty = np.zeros(0, np.int64)
    if not (ns and npl):
        return _Solution(
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
        return _Solution(
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
            if prices is not None:
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
    sol = _Solution(rows, cols, flows, alpha, beta, method, rounds, permitted, messages=messages)
    if method == "column_generation":
        sol.coarse_rounds = coarse_rounds
    return sol


def _coarse_start(arcs: _Arcs, supply, capacity, penalty):
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
    total = np.bincount(group, weights=supply, minlength=n)
    cxy = (
        np.stack(
            [np.bincount(group, weights=supply * xy[:, k], minlength=n) for k in (0, 1)], axis=1
        )
        / total[:, None]
    )
    cprov = np.zeros(n, dtype=np.int64)
    cprov[group] = arcs.sprov
    coarse = _Arcs(cxy, cprov, arcs.pxy, arcs.pprov, arcs.p)
    sol = _solve(coarse, total, capacity, penalty, "column_generation", coarse=False)
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


def _allocate(sxy, s_in, sprov, pxy, c_in, pprov, params, method) -> AllocationResult:
    start = time.perf_counter()
    s = np.nan_to_num(s_in, nan=0.0)
    cap = np.nan_to_num(c_in, nan=0.0)
    act_s = np.flatnonzero(s > 0)
    act_p = np.flatnonzero(cap > 0)
    arcs = _Arcs(sxy[act_s], sprov[act_s], pxy[act_p], pprov[act_p], params)
    sol = _solve(arcs, s[act_s], cap[act_p], params.unmet_penalty, method, coarse=True)
    if pxy.shape[0] and not act_p.size:
        sol.messages.append("total capacity is 0: all supply is unmet")
    return _result(params, s_in, c_in, act_s, act_p, arcs, sol, start)


def _result(params, s_in, c_in, act_s, act_p, arcs, sol: _Solution, start) -> AllocationResult:
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
