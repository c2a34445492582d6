"""Parameters, inputs and results of ``profit_surface`` (:mod:`.surface`), and its errors.

Units: metres for coordinates and pixel sizes, km for the haul radius, t/yr for supply and
capacities, CNY/yr for money per year, CNY per t·km for transport and CNY/t for the border fee.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..constants import BORDER_RULES
from ..economics.model import DEFAULT_PARAMS, EconomicParams
from ..errors import ParameterError
from .grid import DECAYS, GridSpec
from .validation import Array, choice, number

__all__ = [
    "BORDER_RULES",
    "COMPETITIONS",
    "DECAYS",
    "METHODS",
    "PRECISIONS",
    "BestCell",
    "Canceled",
    "ExistingPlants",
    "GridTooLargeError",
    "SupplyPoints",
    "SurfaceParams",
    "SurfaceResult",
]

#: Working precisions of the convolutions and outputs.
PRECISIONS: tuple[str, ...] = ("float32", "float64")
#: How the new plant competes with existing plants, in the order of the ``COMPETITION``
#: enumeration: existing plants served first, or Huff market shares (:mod:`.huff`).
COMPETITIONS: tuple[str, ...] = ("served_first", "market_share")
#: Summation methods: the cheaper of the two (``auto``), FFT convolution, direct stamps.
METHODS: tuple[str, ...] = ("auto", "fft", "direct")


class Canceled(Exception):
    """The caller's ``canceled()`` callback returned True."""


class GridTooLargeError(ValueError):
    """The grid would need more memory than the budget.

    ``estimate_bytes`` and ``budget_bytes`` in bytes; ``suggested_pixel_m`` is the smallest
    1/2/2.5/5 × 10^k pixel size (metres) over the same extent whose estimate fits.
    """

    def __init__(
        self,
        estimate_bytes: int,
        budget_bytes: int,
        suggested_pixel_m: float,
        ncols: int,
        nrows: int,
    ) -> None:
        self.estimate_bytes = int(estimate_bytes)
        self.budget_bytes = int(budget_bytes)
        self.suggested_pixel_m = float(suggested_pixel_m)
        self.ncols = int(ncols)
        self.nrows = int(nrows)
        super().__init__(
            f"a {ncols} × {nrows} cell grid needs about {self.estimate_bytes / 2**20:,.0f} MiB, "
            f"more than the {self.budget_bytes / 2**20:,.0f} MiB available; a pixel size of "
            f"{self.suggested_pixel_m / 1000:g} km or more would fit"
        )


@dataclass(frozen=True)
class SurfaceParams:
    """Validated parameters of one surface.

    ``capacity`` t/yr of the new plant (> 0); ``transport_cost`` CNY per t·km of road;
    ``haul_radius_km`` (> 0); ``decay`` one of :data:`DECAYS`; ``detour`` road ÷ straight-line
    distance (> 0); ``border_rule`` one of :data:`BORDER_RULES`; ``border_fee`` CNY/t (``fee``
    rule); ``economics`` the plant model's parameters; ``precision`` one of :data:`PRECISIONS`;
    ``competition`` one of :data:`COMPETITIONS` with the Huff exponents ``huff_alpha`` (on
    capacity) and ``huff_beta`` (on distance) and ``huff_min_distance_km`` (None: half a pixel).
    Enumerations accept their name or index. Invalid values raise :class:`ParameterError`.
    """

    capacity: float
    transport_cost: float
    haul_radius_km: float = 300.0
    decay: str = "none"
    detour: float = 1.3
    border_rule: str = "open"
    border_fee: float = 0.0
    economics: EconomicParams = field(default=DEFAULT_PARAMS)
    precision: str = "float32"
    competition: str = "served_first"
    huff_alpha: float = 1.0
    huff_beta: float = 2.0
    huff_min_distance_km: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "capacity", number(self.capacity, "capacity", positive=True))
        object.__setattr__(self, "transport_cost", number(self.transport_cost, "transport_cost"))
        object.__setattr__(
            self, "haul_radius_km", number(self.haul_radius_km, "haul_radius_km", positive=True)
        )
        object.__setattr__(self, "detour", number(self.detour, "detour", positive=True))
        object.__setattr__(self, "border_fee", number(self.border_fee, "border_fee"))
        object.__setattr__(self, "decay", choice(self.decay, DECAYS, "decay"))
        object.__setattr__(
            self, "border_rule", choice(self.border_rule, BORDER_RULES, "border_rule")
        )
        object.__setattr__(self, "precision", choice(self.precision, PRECISIONS, "precision"))
        object.__setattr__(
            self, "competition", choice(self.competition, COMPETITIONS, "competition")
        )
        object.__setattr__(self, "huff_alpha", number(self.huff_alpha, "huff_alpha"))
        object.__setattr__(self, "huff_beta", number(self.huff_beta, "huff_beta"))
        if self.huff_min_distance_km is not None:
            object.__setattr__(
                self,
                "huff_min_distance_km",
                number(self.huff_min_distance_km, "huff_min_distance_km", positive=True),
            )
        if not isinstance(self.economics, EconomicParams):
            raise ParameterError("economics", "expected an EconomicParams object")

    @property
    def dtype(self) -> np.dtype[Any]:
        """numpy dtype of the working arrays and outputs."""
        return np.dtype(self.precision)

    @property
    def uses_provinces(self) -> bool:
        """True for the ``fee`` and ``closed`` rules."""
        return self.border_rule != "open"


@dataclass(frozen=True)
class SupplyPoints:
    """Supply at points: x, y (m, the grid's CRS), ``tonnes`` (t/yr; null = no part), optional
    ``province`` codes (int ≥ 0; < 0 or null = none; default: looked up on the province grid)."""

    x: Any
    y: Any
    tonnes: Any
    province: Any = None


@dataclass(frozen=True)
class ExistingPlants:
    """Existing plants: x, y (m), ``capacity`` (t/yr; null = no part), optional ``province``
    codes (default: looked up on the province grid)."""

    x: Any
    y: Any
    capacity: Any
    province: Any = None


@dataclass
class SurfaceResult:
    """Per-cell outputs, arrays of shape ``grid.shape`` in the working precision, NaN where
    undefined (``fee``/``closed`` cells outside every province).

    ``supply`` reachable supply S (t/yr, uncapped); ``throughput`` Q = min(capacity, S);
    ``transport_cost`` and ``border_fee_cost`` (CNY/yr; fees 0 except under ``fee``);
    ``foreign_supply`` (t/yr, part of S from other provinces; ``fee`` only, else None);
    ``profit`` (CNY/yr). ``existing_intake``: t/yr drawn by each existing plant (input order,
    NaN for a null capacity). Totals (t/yr): ``supply_total`` usable supply,
    ``supply_left`` after the existing plants, ``supply_outside`` supply too far outside the grid
    to reach any cell. ``noise_floor_t``: supply sums below it are reported as 0.
    ``profit_at_zero`` = −fixed cost and ``profit_at_capacity`` (CNY/yr, before transport).
    ``timings``: seconds per stage; ``method`` the summation used (``fft`` or ``direct``).
    Under ``market_share`` ``existing_intake`` is each plant's Huff intake without the new
    plant (capacities not enforced) and ``supply_left`` equals ``supply_total``. Arrays may
    be views into larger FFT buffers (not C-contiguous): use ``np.ascontiguousarray`` where
    bytes are needed.
    """

    grid: GridSpec
    params: SurfaceParams
    supply: Array
    throughput: Array
    transport_cost: Array
    border_fee_cost: Array
    profit: Array
    foreign_supply: Array | None
    existing_intake: Array
    supply_total: float
    supply_left: float
    supply_outside: float
    noise_floor_t: float
    profit_at_zero: float
    profit_at_capacity: float
    timings: dict[str, float] = field(default_factory=dict)
    method: str = "fft"

    @property
    def defined(self) -> Array:
        """Boolean grid of cells with a defined profit."""
        return np.isfinite(self.profit)


@dataclass(frozen=True)
class BestCell:
    """One of the best locations: cell row/col, centre x/y (m), profit (CNY/yr), reachable
    supply and throughput (t/yr)."""

    rank: int
    row: int
    col: int
    x: float
    y: float
    profit: float
    supply: float
    throughput: float
