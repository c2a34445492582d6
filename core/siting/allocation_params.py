"""Parameters, inputs, results and errors of the least-cost allocation (:mod:`.allocation`).

Units: coordinates in metres of a projected CRS, volumes in t/yr, money in CNY/yr, unit costs in
CNY/t, transport in CNY per t·km, distances in straight-line km.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..constants import BORDER_RULES, DETOUR_DEFAULT
from ..errors import InvalidValuesError, ParameterError
from .validation import Array, MissingCoordinateError, number

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
]

#: Border rules, in the order of the ``BORDER_RULE`` enumeration (index 0 first).
RULES: tuple[str, ...] = BORDER_RULES
#: ``method`` choices of :func:`.allocation.allocate`.
ALLOCATION_METHODS: tuple[str, ...] = ("auto", "column_generation", "full")

#: Road distance ÷ straight-line distance (same default as ``profit_surface``'s ``DETOUR``).
DEFAULT_DETOUR = DETOUR_DEFAULT
#: CNY per tonne of supply left unmet: high, so supply is only left unmet when it cannot reach
#: free capacity (or only at a transport cost above this).
DEFAULT_UNMET_PENALTY = 10_000.0


class MissingProvinceError(InvalidValuesError):
    """Rows without a province code although the border rule needs one."""

    reason = "missing province"


class AllocationSolverError(RuntimeError):
    """HiGHS did not return an optimal solution (numerical trouble; never infeasibility).
    ``status``: HiGHS's status code (None when unknown); the text says it in plain words."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class SolverRangeError(InvalidValuesError):
    """Values too large for the solver, refused before solving: ``which`` is ``supply_t``
    (``indices`` the 0-based supply rows above ``limit`` t/yr; the solver's absolute tolerance
    would lose the other rows) or ``costs`` (the unit costs or unmet penalty, CNY/t, above
    ``limit``, or supply × cost not finite; ``indices`` empty)."""

    reason = "too large for the solver"

    def __init__(self, which: str, indices: Any, limit: float) -> None:
        self.limit = float(limit)
        super().__init__(which, indices)

    def _message(self) -> str:
        rows = f" at rows {self.indices[:20]}" if self.indices else ""
        return f"{self.which}: too large for the solver (above {self.limit:.3g}){rows}"


@dataclass(frozen=True)
class AllocationInputs:
    """The supply and plant rows of one allocation.

    ``supply_xy`` / ``plant_xy``: (n, 2) x, y in metres of a projected CRS. ``supply_t`` and
    ``capacity_t``: t/yr (None/NaN = null: excluded, null result). ``supply_prov`` /
    ``plant_prov``: province codes (any value; 110000 == "110000", see
    :func:`.provinces.province_key`), or None for none; needed (no nulls) for the ``fee`` and
    ``closed`` rules.
    """

    supply_xy: Any
    supply_t: Any
    supply_prov: Sequence[Any] | None
    plant_xy: Any
    capacity_t: Any
    plant_prov: Sequence[Any] | None


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
            raise ParameterError("rule", f"expected one of {RULES}, got {self.rule!r}")
        for name in ("transport_cost", "border_fee", "unmet_penalty"):
            object.__setattr__(self, name, number(getattr(self, name), name))
        object.__setattr__(self, "detour", number(self.detour, "detour", positive=True))
        if self.max_distance_km is not None:
            value = number(self.max_distance_km, "max_distance_km", positive=True)
            object.__setattr__(self, "max_distance_km", value)

    @property
    def penalty_distance_km(self) -> float | None:
        """Straight-line km at which transport alone costs the unmet penalty (None if free).

        Supply farther than this from every plant with free capacity stays unmet.
        """
        per_km = self.transport_cost * self.detour
        return self.unmet_penalty / per_km if per_km > 0 else None


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
    supply_t: Array
    capacity_t: Array
    flow_from: Array
    flow_to: Array
    flow_t: Array
    flow_distance_km: Array
    flow_unit_cost: Array
    flow_cost: Array
    flow_cross_border: Array
    allocated_t: Array
    utilization: Array
    unmet_t: Array
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
