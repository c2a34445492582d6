"""Profit surface of a new recycling plant (algorithm ``profit_surface``).

For every cell of a grid in a projected CRS (metres), the profit a plant of capacity C (t/yr)
would make there, given retired-battery supply around it (points or a supply grid, t/yr) and the
DLCER-Battery economics (:mod:`.economics`). Per cell, over the supply i within the haul radius R:

    S  = Σ_i s_i·w(d_i)                      reachable supply (t/yr, uncapped)
    Q  = min(C, S)                           throughput (t/yr)
    T  = (Q/S)·Σ_i s_i·w(d_i)·d_i·detour·c   transport (CNY/yr): the plant takes the same share
                                             Q/S of every reachable source
    F  = fee·(Q/S)·Σ_{i foreign} s_i·w(d_i)  border fees (CNY/yr, ``fee`` rule only)
    profit = plant_economics(params, C, Q).profit − T − F      (CNY/yr)

with d_i the straight-line distance (km) from the cell centre to source i, ``detour`` the road ÷
straight-line factor and c the transport cost (CNY per t·km). Decay w(d) (:data:`DECAYS`):
``none`` 1, ``linear`` 1 − d/R, ``exponential`` exp(−3d/R), all 0 beyond R; w(d) reads as the
share of a source that a plant at distance d can draw.

Border rules (:data:`BORDER_RULES`), with a province grid (one code per cell) and a province per
source: ``open`` ignores provinces; ``fee`` counts all supply but foreign supply (source province
≠ cell province) pays ``border_fee`` per tonne taken; ``closed`` counts only same-province supply.
Under ``fee`` and ``closed`` a cell outside every province is undefined (NaN in every output).
A source without a province (code < 0: outside every province) is foreign to every cell.

Existing plants are served first, one after the other in order of decreasing capacity (ties in
input order). Plant j, on the supply left by the plants before it (s'_i), reaches
S_j = Σ_i s'_i·w(d_ij) (same radius and decay; under ``closed`` only supply of its province),
takes t_j = min(1, C_j/S_j) of every weighted source, s'_i ← s'_i·(1 − t_j·w(d_ij)), so it
draws exactly min(C_j, S_j) and no source goes negative. The surface uses what is left.
Distances run from the plant's own position to the points (or supply cell centres). Under
``fee`` existing plants draw on all supply alike; a plant's province defaults to the province
grid's code at its position.

Competition (``competition``, :data:`COMPETITIONS`): ``served_first`` is the rule above;
``market_share`` instead splits every source between the new plant and the existing plants by
Huff shares (:mod:`.huff`): the new plant's share of source i at distance d is
C^α·d^−β / (C^α·d^−β + D_i), D_i the existing plants' pull, d floored at
``huff_min_distance_km`` (default half a pixel); S, T and F above then sum s_i·w·share.

Break-even: :mod:`.breakeven` turns a result into the Li₂CO₃ price (and the support per tonne)
at which each cell's profit is zero.

Method. The sums are convolutions of the supply grid with the radial kernels w and w·d, done by
direct stamps around each point when the points are few (:mod:`.direct`, chosen by a cost
estimate; always for market shares) or else by real FFTs (:mod:`.grid`): the whole grid once for
``open`` and ``fee``; for the province rules the own-province sums are convolved per province,
only over the province's cells (bounding box) and the own supply that can reach them, so the
cost grows with the provinces' area, not with their number. Points are moved to the centres of
their cells first: each point moves at most half a pixel along each axis, so every distance is
off by at most pixel/√2 (0.71 px), and a source within that distance of the radius may fall in
or out. Points closer to the grid than the radius (in whole cells) count even when they lie
outside it.

Precision: ``float32`` (default, half the memory and less time) or ``float64``. FFT round-off
is absolute: supply sums below :attr:`SurfaceResult.noise_floor_t` (¼·eps·log2(L)·Σ supply,
0.49 t/yr for 654 kt over China at 1 km in float32, where the largest error measured is
0.025 t/yr) are set to exactly zero, so cells out of reach of all supply are exactly zero.
"""

from __future__ import annotations

import math
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
from scipy import ndimage

from ..economics.model import DEFAULT_PARAMS, EconomicParams, evaluate_profit, prepare_plants
from ..errors import (
    InvalidValuesError,
    NegativeValueError,
    NonFiniteValueError,
    NoValidRowsError,
    ParameterError,
)
from ..stats import to_float_array
from .direct import HuffWeights, choose_method, convolve_direct, direct_cost, threads
from .grid import (
    DECAYS,
    GridSpec,
    RadialKernel,
    convolve_block,
    convolve_region,
    decay_weight,
    default_memory_budget,
    fft_shape,
    nice_pixel_size,
    noise_floor,
    radius_cells,
)
from .huff import competitor_pull

__all__ = [
    "BORDER_RULES",
    "COMPETITIONS",
    "DECAYS",
    "METHODS",
    "PRECISIONS",
    "BestCell",
    "Canceled",
    "ExistingPlants",
    "GridSpec",
    "GridTooLargeError",
    "MissingCoordinateError",
    "SupplyPoints",
    "SurfaceParams",
    "SurfaceResult",
    "best_locations",
    "check_grid_memory",
    "estimate_grid_bytes",
    "profit_surface",
    "serve_existing_plants",
]

#: Border rules, in the order of the ``BORDER_RULE`` enumeration (index 0 first).
BORDER_RULES: tuple[str, ...] = ("open", "fee", "closed")
#: Working precisions of the convolutions and outputs.
PRECISIONS: tuple[str, ...] = ("float32", "float64")
#: How the new plant competes with existing plants, in the order of the ``COMPETITION``
#: enumeration: existing plants served first, or Huff market shares (:mod:`.huff`).
COMPETITIONS: tuple[str, ...] = ("served_first", "market_share")
#: Summation methods: the cheaper of the two (``auto``), FFT convolution, direct stamps.
METHODS: tuple[str, ...] = ("auto", "fft", "direct")

#: Output rows evaluated per economics chunk (bounds the temporaries).
_CHUNK_CELLS = 1 << 18


class MissingCoordinateError(InvalidValuesError):
    """Rows without usable coordinates (NaN or infinite x/y)."""

    reason = "missing or non-finite coordinate"


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


def _choice(value: Any, options: tuple[str, ...], name: str) -> str:
    """An enumeration value given by name or by index."""
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        if 0 <= int(value) < len(options):
            return options[int(value)]
    elif isinstance(value, str) and value.strip().lower() in options:
        return value.strip().lower()
    raise ParameterError(name, f"expected one of {options} (or its index), got {value!r}")


def _number(value: Any, name: str, *, positive: bool = False) -> float:
    if isinstance(value, (bool, np.bool_, str)) or value is None:
        raise ParameterError(name, f"expected a number, got {value!r}")
    try:
        out = float(value)
    except (TypeError, ValueError):
        raise ParameterError(name, f"expected a number, got {value!r}") from None
    if not math.isfinite(out) or out < 0 or (positive and out == 0):
        raise ParameterError(
            name, f"must be finite and {'> 0' if positive else '>= 0'}, " f"got {value!r}"
        )
    return out


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
        object.__setattr__(self, "capacity", _number(self.capacity, "capacity", positive=True))
        object.__setattr__(self, "transport_cost", _number(self.transport_cost, "transport_cost"))
        object.__setattr__(
            self, "haul_radius_km", _number(self.haul_radius_km, "haul_radius_km", positive=True)
        )
        object.__setattr__(self, "detour", _number(self.detour, "detour", positive=True))
        object.__setattr__(self, "border_fee", _number(self.border_fee, "border_fee"))
        object.__setattr__(self, "decay", _choice(self.decay, DECAYS, "decay"))
        object.__setattr__(
            self, "border_rule", _choice(self.border_rule, BORDER_RULES, "border_rule")
        )
        object.__setattr__(self, "precision", _choice(self.precision, PRECISIONS, "precision"))
        object.__setattr__(
            self, "competition", _choice(self.competition, COMPETITIONS, "competition")
        )
        object.__setattr__(self, "huff_alpha", _number(self.huff_alpha, "huff_alpha"))
        object.__setattr__(self, "huff_beta", _number(self.huff_beta, "huff_beta"))
        if self.huff_min_distance_km is not None:
            object.__setattr__(
                self,
                "huff_min_distance_km",
                _number(self.huff_min_distance_km, "huff_min_distance_km", positive=True),
            )
        if not isinstance(self.economics, EconomicParams):
            raise ParameterError("economics", "expected an EconomicParams object")

    @property
    def dtype(self) -> np.dtype:
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
    supply: np.ndarray
    throughput: np.ndarray
    transport_cost: np.ndarray
    border_fee_cost: np.ndarray
    profit: np.ndarray
    foreign_supply: np.ndarray | None
    existing_intake: np.ndarray
    supply_total: float
    supply_left: float
    supply_outside: float
    noise_floor_t: float
    profit_at_zero: float
    profit_at_capacity: float
    timings: dict[str, float] = field(default_factory=dict)
    method: str = "fft"

    @property
    def defined(self) -> np.ndarray:
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


# ----------------------------------------------------------------------------- memory guard


def estimate_grid_bytes(
    ncols: int,
    nrows: int,
    radius_px: int = 0,
    *,
    border_rule: str = "open",
    precision: str = "float32",
    supply_grid: bool = False,
) -> int:
    """Peak working memory (bytes) of :func:`profit_surface` on an ``ncols × nrows`` grid with
    a haul radius of ``radius_px`` cells (``supply_grid``: supply given as a grid, not points).

    The largest of its stages, with G = one output grid, F = one real array of the whole-grid
    FFT size (supply taken to reach a radius beyond the grid on every side) and H = F/4 one
    cached half kernel spectrum: the whole-grid convolution (input, spectrum, product: 3F + 2H);
    the economics (the two FFT results kept as outputs, 2F + 2H, and 3 more grids; ``fee`` one
    more, ``closed`` 5 grids and no whole-grid FFT); the per-province convolutions (up to 3.5F
    for a province as large as the grid) plus int32 province labels and a mask (5 bytes a
    cell). Measured peaks (tracemalloc) stay below it: 0.6 to 0.9 of it on national grids (all
    of China at 1 km: open 643 MiB of 713, fee 725 of 985, closed 601 of 884, float32).
    """
    rule = _choice(border_rule, BORDER_RULES, "border_rule")
    item = np.dtype(_choice(precision, PRECISIONS, "precision")).itemsize
    n = int(ncols) * int(nrows)
    rp = int(radius_px)
    l0, l1 = fft_shape((-rp, nrows + rp, -rp, ncols + rp), (0, nrows, 0, ncols), rp)
    g, f = n * item, l0 * l1 * item
    h = f / 4
    if rule == "open":
        peak = max(3 * f + 2 * h, 2 * f + 2 * h + 3 * g)
    elif rule == "fee":
        peak = max(
            3 * f + 2 * h, 2 * f + 2 * h + g + 5 * n + 2.5 * f, 2 * f + 2 * h + 4 * g + 5 * n
        )
    else:
        peak = max(2 * g + 5 * n + 3.5 * f, 5 * g + n)
    if supply_grid:
        peak += 12 * n + g  # float64 copy, working-precision block, int32 labels
    return int(peak + 16 * 2**20)


def check_grid_memory(
    grid: GridSpec,
    params: SurfaceParams,
    budget_bytes: int | None = None,
    supply_grid: bool = False,
) -> int:
    """The estimate for this grid (:func:`estimate_grid_bytes`), or :class:`GridTooLargeError`
    when it exceeds the budget (default: :func:`.grid.default_memory_budget`, a share of the
    available memory)."""
    budget = int(budget_bytes) if budget_bytes is not None else default_memory_budget()

    def estimate(g: GridSpec) -> int:
        rp = radius_cells(params.haul_radius_km, g.pixel / 1000.0)
        return estimate_grid_bytes(
            g.ncols,
            g.nrows,
            rp,
            border_rule=params.border_rule,
            precision=params.precision,
            supply_grid=supply_grid,
        )

    need = estimate(grid)
    if need <= budget:
        return need
    pixel = nice_pixel_size(grid.pixel * math.sqrt(need / max(budget, 1)))
    for _ in range(40):
        candidate = grid.with_pixel(pixel)
        if estimate(candidate) <= budget or candidate.size == 1:
            break
        pixel = nice_pixel_size(pixel * 1.01)
    raise GridTooLargeError(need, budget, pixel, grid.ncols, grid.nrows)


# ----------------------------------------------------------------------------- validation


def _codes(values: Any, n: int, which: str) -> np.ndarray:
    """Province codes as int64, null or negative → −1."""
    arr = to_float_array(values, which)
    if arr.shape[0] != n:
        raise InvalidValuesError(which, [])
    bad = np.flatnonzero(np.isfinite(arr) & (arr != np.round(arr)))
    if bad.size:
        raise InvalidValuesError(which, bad.tolist())
    bad = np.flatnonzero(np.isinf(arr))
    if bad.size:
        raise NonFiniteValueError(which, bad.tolist())
    out = np.where(np.isfinite(arr) & (arr >= 0), arr, -1.0)
    return out.astype(np.int64)


def _points(x: Any, y: Any, values: Any, which: str) -> tuple[np.ndarray, ...]:
    """Validated x, y, values (float64) and the mask of rows taking part (value not null)."""
    xa, ya, va = (
        to_float_array(x, f"{which}_x"),
        to_float_array(y, f"{which}_y"),
        to_float_array(values, which),
    )
    if not (xa.shape == ya.shape == va.shape):
        raise InvalidValuesError(which, [])
    bad = np.flatnonzero(np.isinf(va))
    if bad.size:
        raise NonFiniteValueError(which, bad.tolist())
    with np.errstate(invalid="ignore"):
        bad = np.flatnonzero(va < 0)
    if bad.size:
        raise NegativeValueError(which, bad.tolist())
    use = np.isfinite(va)
    bad = np.flatnonzero(use & ~(np.isfinite(xa) & np.isfinite(ya)))
    if bad.size:
        raise MissingCoordinateError(which, bad.tolist())
    return xa, ya, va, use


def _province_grid(provinces: Any, grid: GridSpec) -> np.ndarray:
    arr = np.asarray(provinces)
    if arr.shape != grid.shape:
        raise ParameterError(
            "provinces", f"expected a grid of shape {grid.shape}, " f"got {arr.shape}"
        )
    if not np.issubdtype(arr.dtype, np.integer):
        raise ParameterError("provinces", "expected integer province codes (−1 = none)")
    if arr.size and arr.max() >= 2**31 - 1:
        raise ParameterError("provinces", "codes must be below 2**31 − 1")
    return arr


def _lookup(
    prov: np.ndarray | None, grid: GridSpec, rows: np.ndarray, cols: np.ndarray
) -> np.ndarray:
    """Province code at each cell (−1 outside the grid or without a province grid)."""
    out = np.full(rows.shape, -1, dtype=np.int64)
    if prov is None:
        return out
    inside = (rows >= 0) & (rows < grid.nrows) & (cols >= 0) & (cols < grid.ncols)
    out[inside] = prov[rows[inside], cols[inside]]
    return np.where(out >= 0, out, -1)


class _Ticker:
    def __init__(
        self, progress: Callable[[float], Any] | None, canceled: Callable[[], bool] | None
    ) -> None:
        self.progress, self.canceled = progress, canceled

    def __call__(self, fraction: float) -> None:
        self.check()
        if self.progress is not None:
            self.progress(min(1.0, max(0.0, float(fraction))))

    def check(self) -> None:
        """Raise :class:`Canceled` when the caller asks to stop (safe from worker threads)."""
        if self.canceled is not None and self.canceled():
            raise Canceled("canceled")


# ----------------------------------------------------------------------------- existing plants


def serve_existing_plants(
    sx: np.ndarray,
    sy: np.ndarray,
    supply: np.ndarray,
    sprov: np.ndarray,
    px: np.ndarray,
    py: np.ndarray,
    capacity: np.ndarray,
    pprov: np.ndarray,
    radius_km: float,
    decay: str,
    closed: bool,
) -> tuple[np.ndarray, np.ndarray]:
    """The module's existing-plant rule on sources at (sx, sy) m with ``supply`` t/yr.

    Returns (supply left per source, intake per plant in input order; NaN for a null
    capacity). Plants go in order of decreasing capacity (ties: input order); under ``closed``
    a plant draws only sources with its province code (none if its code is < 0).
    """
    left = np.array(supply, dtype=np.float64)
    intake = np.full(capacity.shape, np.nan)
    order = np.argsort(-np.nan_to_num(capacity, nan=-1.0), kind="stable")
    for j in order:
        cap = capacity[j]
        if not np.isfinite(cap):
            continue
        w = decay_weight(np.hypot(sx - px[j], sy - py[j]) / 1000.0, radius_km, decay)
        if closed:
            w = np.where(sprov == pprov[j], w, 0.0) if pprov[j] >= 0 else np.zeros_like(w)
        reach = float(np.dot(left, w))
        share = min(1.0, cap / reach) if reach > 0 else 0.0
        intake[j] = share * reach
        if share > 0:
            left *= 1.0 - share * w
    return left, intake


def _serve_on_grid(
    src: np.ndarray,
    grid: GridSpec,
    prov: np.ndarray | None,
    plants: tuple[np.ndarray, ...],
    kernel: RadialKernel,
    closed: bool,
) -> np.ndarray:
    """The existing-plant rule on a supply grid (cell centres), per plant over its window only.
    Modifies ``src`` (float64) in place; returns the intake per plant."""
    px, py, capacity, pprov = plants
    intake = np.full(capacity.shape, np.nan)
    order = np.argsort(-np.nan_to_num(capacity, nan=-1.0), kind="stable")
    rp = kernel.rp + 2  # the plant may sit anywhere in its cell
    for j in order:
        cap = capacity[j]
        if not np.isfinite(cap):
            continue
        r, c = int(grid.row_of(py[j])), int(grid.col_of(px[j]))
        r0, r1 = max(0, r - rp), min(grid.nrows, r + rp + 1)
        c0, c1 = max(0, c - rp), min(grid.ncols, c + rp + 1)
        intake[j] = 0.0
        if r1 <= r0 or c1 <= c0:
            continue
        dy = grid.y_of(np.arange(r0, r1))[:, None] - py[j]
        dx = grid.x_of(np.arange(c0, c1))[None, :] - px[j]
        w = decay_weight(np.hypot(dy, dx) / 1000.0, kernel.radius_km, kernel.decay)
        if closed:
            w = np.where(prov[r0:r1, c0:c1] == pprov[j], w, 0.0) if pprov[j] >= 0 else 0.0 * w
        window = src[r0:r1, c0:c1]
        reach = float(np.sum(window * w))
        share = min(1.0, cap / reach) if reach > 0 else 0.0
        intake[j] = share * reach
        if share > 0:
            window *= 1.0 - share * w
    return intake


# ----------------------------------------------------------------------------- the surface


class _Sources:
    """Supply on the grid's index space: ``whole`` (a block with its ``origin``, or sparse
    ``(rows, cols, values)`` cells), ``by_province(code)`` the own-province part (same forms,
    None when the province has no supply) and the ``codes`` of provinces with supply."""

    def __init__(
        self,
        whole: Any,
        origin: tuple[int, int],
        by_province: Callable[[int], tuple[Any, tuple[int, int]] | None],
        codes: np.ndarray,
    ) -> None:
        self.whole, self.origin, self.by_province, self.codes = whole, origin, by_province, codes
        self.sprov: np.ndarray | None = None  # per sparse source (direct summation)
        self.pull: np.ndarray | None = None  # Huff pull of the incumbents per sparse source


def _point_sources(
    grid: GridSpec,
    rp: int,
    x: np.ndarray,
    y: np.ndarray,
    t: np.ndarray,
    sprov: np.ndarray,
    pull: np.ndarray | None = None,
) -> tuple[_Sources, float]:
    """Points moved to their cells (sparse); those more than rp cells outside are dropped."""
    rows, cols = grid.row_of(y), grid.col_of(x)
    keep = (
        (rows >= -rp)
        & (rows < grid.nrows + rp)
        & (cols >= -rp)
        & (cols < grid.ncols + rp)
        & (t > 0)
    )
    outside = float(t[~keep & (t > 0)].sum())
    rows, cols, t, sprov = rows[keep], cols[keep], t[keep], sprov[keep]
    pull = pull[keep] if pull is not None else None

    def by_province(p: int) -> tuple[Any, tuple[int, int]] | None:
        sel = sprov == p
        return ((rows[sel], cols[sel], t[sel]), (0, 0)) if sel.any() else None

    codes = np.unique(sprov[sprov >= 0])
    out = _Sources((rows, cols, t), (0, 0), by_province, codes)
    out.sprov, out.pull = sprov, pull
    return out, outside


def _grid_sources(src: np.ndarray, prov: np.ndarray | None, dtype: np.dtype) -> _Sources:
    block = src.astype(dtype, copy=False)
    if prov is None:
        return _Sources(block, (0, 0), lambda p: None, np.zeros(0, dtype=np.int64))
    labels = np.add(prov, 1, dtype=np.int32)
    labels[~(src > 0) | (labels < 0)] = 0
    boxes = ndimage.find_objects(labels)
    codes = np.array([i for i, b in enumerate(boxes) if b is not None], dtype=np.int64)

    def by_province(p: int) -> tuple[np.ndarray, tuple[int, int]] | None:
        box = boxes[p] if p < len(boxes) else None
        if box is None:
            return None
        part = np.where(labels[box] == p + 1, block[box], 0).astype(dtype, copy=False)
        return part, (box[0].start, box[1].start)

    return _Sources(block, (0, 0), by_province, codes)


def profit_surface(
    grid: GridSpec,
    params: SurfaceParams,
    supply: SupplyPoints | np.ndarray,
    *,
    provinces: np.ndarray | None = None,
    existing: ExistingPlants | None = None,
    memory_budget: int | None = None,
    progress: Callable[[float], Any] | None = None,
    canceled: Callable[[], bool] | None = None,
    method: str = "auto",
) -> SurfaceResult:
    """The profit surface (see the module docstring for the model and rules).

    ``supply``: :class:`SupplyPoints`, or a supply grid of shape ``grid.shape`` (t/yr per cell,
    at the cell centre; NaN = 0; supply beyond the grid is then not counted). ``provinces``:
    integer grid of province codes (< 0 = none), required for ``fee`` and ``closed`` and ignored
    under ``open``. ``existing``: :class:`ExistingPlants` served first. ``memory_budget``: bytes
    (default a share of the available memory); :class:`GridTooLargeError` beyond it.
    ``progress(fraction)`` is called along the way; when ``canceled()`` returns True the
    computation stops with :class:`Canceled`. ``method`` (:data:`METHODS`): ``auto`` sums
    point supply by direct stamps (:mod:`.direct`) when that is estimated cheaper than the FFT
    (few points) and always under ``market_share`` with existing plants; ``fft`` and ``direct``
    force one (``direct`` treats a supply grid's non-zero cells as points). Both give the same
    sums up to the FFT round-off.

    Raises :class:`ParameterError` for bad parameters or grids, :class:`NoValidRowsError` when no
    supply row has a value, and :class:`InvalidValuesError` subclasses (``which`` = ``supply``,
    ``supply_province``, ``existing``, ``existing_province``) naming bad rows.
    """
    started = time.perf_counter()
    timings: dict[str, float] = {}
    tick = _Ticker(progress, canceled)
    if not isinstance(grid, GridSpec):
        raise ParameterError("grid", "expected a GridSpec")
    if not isinstance(params, SurfaceParams):
        raise ParameterError("params", "expected SurfaceParams")
    dtype = params.dtype
    check_grid_memory(grid, params, memory_budget, not isinstance(supply, SupplyPoints))
    econ_values = prepare_plants(params.economics, [params.capacity], [params.capacity]).values
    kernel = RadialKernel(params.haul_radius_km, grid.pixel / 1000.0, params.decay)
    rp = kernel.rp
    prov: np.ndarray | None = None
    if params.uses_provinces:
        if provinces is None:
            raise ParameterError(
                "provinces",
                f"a province grid is needed for the " f"'{params.border_rule}' border rule",
            )
        prov = _province_grid(provinces, grid)
    closed = params.border_rule == "closed"
    method = _choice(method, METHODS, "method")
    huff_mode = params.competition == "market_share"
    tick(0.01)

    plants = None
    if existing is not None:
        ex, ey, ecap, _ = _points(existing.x, existing.y, existing.capacity, "existing")
        if existing.province is not None:
            eprov = _codes(existing.province, ecap.shape[0], "existing_province")
        else:
            eprov = _lookup(prov, grid, grid.row_of(ey), grid.col_of(ex))
        plants = (ex, ey, ecap, eprov)

    if isinstance(supply, SupplyPoints):
        sx, sy, st, use = _points(supply.x, supply.y, supply.tonnes, "supply")
        if not use.any():
            raise NoValidRowsError("supply: no row has a supply value")
        sx, sy, st = sx[use], sy[use], st[use]
        if supply.province is not None:
            sprov = _codes(supply.province, use.shape[0], "supply_province")[use]
        else:
            sprov = _lookup(prov, grid, grid.row_of(sy), grid.col_of(sx))
        total = float(st.sum())
        intake = np.zeros(0)
        pull = None
        if plants is not None and huff_mode:
            pull, intake = _huff_pull(sx, sy, sprov, st, plants, params, grid, closed)
        elif plants is not None:
            st, intake = serve_existing_plants(
                sx, sy, st, sprov, *plants, params.haul_radius_km, params.decay, closed
            )
        sources, outside = _point_sources(grid, rp, sx, sy, st, sprov, pull)
        left = float(st.sum())
    else:
        arr = np.array(supply, dtype=np.float64)
        if arr.shape != grid.shape:
            raise ParameterError(
                "supply", f"expected a grid of shape {grid.shape}, " f"got {arr.shape}"
            )
        bad = np.flatnonzero(np.isinf(arr))
        if bad.size:
            raise NonFiniteValueError("supply", bad.tolist())
        arr = np.nan_to_num(arr, nan=0.0)
        bad = np.flatnonzero(arr < 0)
        if bad.size:
            raise NegativeValueError("supply", bad.tolist())
        total = float(arr.sum())
        intake = np.zeros(0)
        if plants is not None and not huff_mode:
            intake = _serve_on_grid(arr, grid, prov, plants, kernel, closed)
        left, outside = float(arr.sum()), 0.0
        if (plants is not None and huff_mode) or method == "direct":
            rows_, cols_ = np.nonzero(arr > 0)
            vals = arr[rows_, cols_]
            cprov = _lookup(prov, grid, rows_, cols_)
            pull = None
            if plants is not None and huff_mode:
                pull, intake = _huff_pull(
                    grid.x_of(cols_), grid.y_of(rows_), cprov, vals, plants, params, grid, closed
                )
            sources = _Sources(
                (rows_, cols_, vals), (0, 0), lambda p: None, np.unique(cprov[cprov >= 0])
            )
            sources.sprov, sources.pull = cprov, pull
        else:
            sources = _grid_sources(arr, prov, dtype)
        del arr
    timings["prepare"] = time.perf_counter() - started
    tick(0.05)

    full_box = (0, grid.nrows, 0, grid.ncols)
    n_fft = fft_shape((-rp, grid.nrows + rp, -rp, grid.ncols + rp), full_box, rp)
    floor = noise_floor(left, 1.0, n_fft, dtype)
    mark = time.perf_counter()
    foreign: np.ndarray | None = None
    outside_cells: np.ndarray | None = None
    direct = (
        isinstance(sources.whole, tuple)
        and sources.sprov is not None
        and (
            method == "direct"
            or sources.pull is not None
            or (
                method == "auto"
                and choose_method(
                    sources.whole[0],
                    sources.whole[1],
                    full_box,
                    rp,
                    3 if prov is not None else 2,
                    disc=params.decay == "none" and prov is None,
                )
                == "direct"
            )
        )
    )
    if direct and sources.pull is not None:
        _check_huff_cost(
            sources, rp, 3 if prov is not None else 2, grid, not isinstance(supply, SupplyPoints)
        )
    if direct:
        s_sum, d_sum, foreign, outside_cells = _direct_sums(
            sources, full_box, kernel, prov, params, grid, dtype, floor, tick.check
        )
        timings["convolve"] = time.perf_counter() - mark
        tick(0.8)
    if not closed and not direct:
        s_sum, d_sum = convolve_block(
            sources.whole, sources.origin, full_box, kernel, (False, True), dtype, copy=False
        )
        timings["convolve"] = time.perf_counter() - mark
        tick(0.5 if prov is None else 0.35)
    if prov is not None and not direct:
        mark = time.perf_counter()
        own_s = np.zeros(grid.shape, dtype=dtype)
        own_d = np.zeros(grid.shape, dtype=dtype) if closed else None
        labels = np.add(prov, 1, dtype=np.int32)
        labels[labels < 0] = 0
        boxes = ndimage.find_objects(labels)
        codes = [int(p) for p in sources.codes if p < len(boxes) and boxes[p] is not None]
        for k, p in enumerate(codes):
            own = sources.by_province(p)
            if own is None:
                continue
            rows, cols = boxes[p]
            out_box = (rows.start, rows.stop, cols.start, cols.stop)
            box, parts = convolve_region(
                own[0], own[1], out_box, kernel, (False, True) if closed else (False,), dtype
            )
            if box is not None:
                sub = (slice(box[0], box[1]), slice(box[2], box[3]))
                mine = labels[sub] == p + 1
                np.copyto(own_s[sub], parts[0], where=mine)
                if closed:
                    np.copyto(own_d[sub], parts[1], where=mine)
            del parts
            kernel.clear_cache()  # province FFT shapes differ: nothing to reuse
            tick(0.35 + 0.45 * (k + 1) / max(len(codes), 1))
        outside_cells = labels == 0
        del labels
        if closed:
            s_sum, d_sum = own_s, own_d
        else:
            foreign = np.subtract(s_sum, own_s, out=own_s)
            np.copyto(foreign, 0, where=foreign < floor)  # round-off, own > all
            np.copyto(foreign, np.nan, where=outside_cells)
        np.copyto(s_sum, np.nan, where=outside_cells)  # NaN propagates to every output
        timings["provinces"] = time.perf_counter() - mark
    tick(0.8)

    mark = time.perf_counter()
    cap = params.capacity
    per_tkm = params.detour * params.transport_cost
    throughput = np.empty(grid.shape, dtype=dtype)
    profit = np.empty(grid.shape, dtype=dtype)
    fees = np.zeros(grid.shape, dtype=dtype)  # calloc: costs nothing unless written
    charge_fees = foreign is not None and params.border_fee > 0
    transport = d_sum  # Σ s·w·d becomes the transport cost in place
    tiny = np.finfo(dtype).tiny
    at_zero, at_capacity = (
        float(v) for v in evaluate_profit(econ_values, cap, np.array([0.0, cap]))
    )
    rows_per = max(1, _CHUNK_CELLS // grid.ncols)

    def dead(sl: slice, cols: slice) -> None:
        """Cells without supply in reach: Q = 0, no transport, profit = −fixed cost (NaN
        stays NaN: cells outside every province under fee and closed)."""
        s, q, d, pr = s_sum[sl, cols], throughput[sl, cols], transport[sl, cols], profit[sl, cols]
        q.fill(0)
        d.fill(0)
        pr.fill(at_zero)
        if prov is not None:
            nan = np.isnan(s)
            if nan.any():
                for arr in (q, d, pr, fees[sl, cols]) if charge_fees else (q, d, pr):
                    np.copyto(arr, np.nan, where=nan)

    def chunk(r0: int) -> None:
        """Economics of the rows [r0, r0 + rows_per) (one thread's task): the columns with
        supply in reach in full, the others as :func:`dead` (the same values, cheaper)."""
        sl = slice(r0, r0 + rows_per)
        s = s_sum[sl]
        np.copyto(s, 0, where=s < floor)  # FFT round-off (NaN stays NaN)
        cols = np.flatnonzero((s > 0).any(axis=0))
        if cols.size == 0:  # no supply in reach (common far from it)
            dead(sl, slice(None))
            return
        c0, c1 = int(cols[0]), int(cols[-1]) + 1
        dead(sl, slice(0, c0))
        dead(sl, slice(c1, None))
        part = (sl, slice(c0, c1))
        s, d, q, pr = s_sum[part], transport[part], throughput[part], profit[part]
        np.minimum(s, cap, out=q)
        share = np.maximum(s, tiny)  # Q/S, 0 where S = 0
        np.divide(q, share, out=share)
        np.clip(d, 0, s * params.haul_radius_km, out=d)  # mean distance within [0, R]
        d *= share
        d *= per_tkm
        pr[...] = evaluate_profit(econ_values, cap, q)
        pr -= d
        if charge_fees:
            fe = fees[part]
            np.multiply(share, foreign[part], out=fe)
            fe *= params.border_fee
            pr -= fe

    starts = range(0, grid.nrows, rows_per)
    with ThreadPoolExecutor(threads()) as pool:  # numpy releases the GIL in its loops
        try:
            for k, _ in enumerate(pool.map(chunk, starts)):
                if k % 16 == 15:
                    tick(0.8 + 0.2 * k / len(starts))
        except Canceled:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    if outside_cells is not None and not charge_fees:
        np.copyto(fees, np.nan, where=outside_cells)
    timings["economics"] = time.perf_counter() - mark
    tick(1.0)
    timings["total"] = time.perf_counter() - started
    return SurfaceResult(
        grid=grid,
        params=params,
        supply=s_sum,
        throughput=throughput,
        transport_cost=transport,
        border_fee_cost=fees,
        profit=profit,
        foreign_supply=foreign,
        existing_intake=intake,
        supply_total=total,
        supply_left=left,
        supply_outside=outside,
        noise_floor_t=floor,
        profit_at_zero=at_zero,
        profit_at_capacity=at_capacity,
        timings=timings,
        method="direct" if direct else "fft",
    )


#: Market shares are refused when their direct sums would take longer than this (seconds).
HUFF_MAX_SECONDS = 900.0


def _check_huff_cost(
    sources: _Sources, rp: int, n_kernels: int, grid: GridSpec, supply_grid: bool
) -> None:
    """:class:`ParameterError` when market shares would take more than
    :data:`HUFF_MAX_SECONDS`, with a pixel size that would fit (the cost falls with the pixel
    to the 4th power for a supply grid, the 2nd for points)."""
    n = int(sources.whole[0].size)
    seconds = direct_cost(n, rp, n_kernels)
    if seconds <= HUFF_MAX_SECONDS:
        return
    power = 4 if supply_grid else 2
    pixel = nice_pixel_size(grid.pixel * (seconds / HUFF_MAX_SECONDS) ** (1 / power))
    raise ParameterError(
        "competition",
        f"market shares over {n:,} supply cells with a "
        f"{rp}-cell radius would take about "
        f"{seconds / 60:,.0f} min; use a pixel size of "
        f"{pixel / 1000:g} km or more, or fewer supply points",
    )


def _huff_pull(
    sx: np.ndarray,
    sy: np.ndarray,
    sprov: np.ndarray,
    supply: np.ndarray,
    plants: tuple[np.ndarray, ...],
    params: SurfaceParams,
    grid: GridSpec,
    closed: bool,
) -> tuple[np.ndarray, np.ndarray]:
    """Huff pull of the existing plants per source and their intake (:mod:`.huff`)."""
    px, py, cap, pprov = plants
    return competitor_pull(
        sx,
        sy,
        sprov,
        supply,
        px,
        py,
        cap,
        pprov,
        params.haul_radius_km,
        params.huff_alpha,
        params.huff_beta,
        _min_distance(params, grid),
        closed,
    )


def _min_distance(params: SurfaceParams, grid: GridSpec) -> float:
    """The Huff minimum distance (km): given, else half a pixel."""
    if params.huff_min_distance_km is not None:
        return float(params.huff_min_distance_km)
    return 0.5 * grid.pixel / 1000.0


def _direct_sums(
    sources: _Sources,
    full_box: tuple[int, int, int, int],
    kernel: RadialKernel,
    prov: np.ndarray | None,
    params: SurfaceParams,
    grid: GridSpec,
    dtype: np.dtype,
    floor: float,
    check: Callable[[], None] | None = None,
) -> tuple[np.ndarray, ...]:
    """(S, Σ s·w·d, foreign supply or None, cells outside every province or None) by direct
    stamps, with Huff shares when the sources carry a pull."""
    huff = None
    if sources.pull is not None:
        huff = HuffWeights(
            sources.pull,
            params.capacity**params.huff_alpha,
            params.huff_beta,
            _min_distance(params, grid),
        )
    foreign = outside = None
    labels = src_labels = None
    if prov is not None:
        labels = np.add(prov, 1, dtype=np.int32)
        labels[labels < 0] = 0
        outside = labels == 0
        src_labels = np.where(sources.sprov >= 0, sources.sprov + 1, -1)
    closed = params.border_rule == "closed"
    s_sum, d_sum = convolve_direct(
        sources.whole,
        full_box,
        kernel,
        (False, True),
        dtype,
        huff=huff,
        labels=labels if closed else None,
        src_labels=src_labels if closed else None,
        check=check,
    )
    if prov is not None and not closed:
        own = convolve_direct(
            sources.whole,
            full_box,
            kernel,
            (False,),
            dtype,
            huff=huff,
            labels=labels,
            src_labels=src_labels,
            check=check,
        )[0]
        foreign = np.subtract(s_sum, own, out=own)
        np.copyto(foreign, 0, where=foreign < floor)
        np.copyto(foreign, np.nan, where=outside)
    if outside is not None:
        np.copyto(s_sum, np.nan, where=outside)
    return s_sum, d_sum, foreign, outside


class _BlockMax:
    """Maxima of ``work`` over square blocks, so that repeated arg-max searches with local
    updates touch only the changed blocks. :meth:`argmax` returns the flat index of the first
    (row order) largest finite cell, −1 when none is finite: the same as ``np.argmax``."""

    SIZE = 64

    def __init__(self, work: np.ndarray) -> None:
        self.work = work
        b = self.SIZE
        nr, nc = -(-work.shape[0] // b), -(-work.shape[1] // b)
        self.max = np.full((nr, nc), -np.inf)
        self.update(0, work.shape[0], 0, work.shape[1])

    def update(self, r0: int, r1: int, c0: int, c1: int) -> None:
        """Recompute the blocks meeting rows [r0, r1) × cols [c0, c1)."""
        b, work = self.SIZE, self.work
        br0, br1 = r0 // b, -(-r1 // b)
        bc0, bc1 = c0 // b, -(-c1 // b)
        for br in range(br0, br1):
            rows = work[br * b : (br + 1) * b, bc0 * b : bc1 * b]
            width = rows.shape[1]
            pad = (-width) % b
            if pad:
                rows = np.concatenate(
                    [rows, np.full((rows.shape[0], pad), -np.inf, dtype=rows.dtype)], axis=1
                )
            self.max[br, bc0:bc1] = rows.reshape(rows.shape[0], -1, b).max(axis=(0, 2))

    def argmax(self) -> int:
        top = float(self.max.max()) if self.max.size else -np.inf
        if not np.isfinite(top):
            return -1
        b, work = self.SIZE, self.work
        tied = np.argwhere(self.max == top)
        if len(tied) > 64:  # a plateau: one pass over everything is cheaper
            return int(np.argmax(work))
        best = -1
        for br, bc in tied:
            block = work[br * b : (br + 1) * b, bc * b : (bc + 1) * b]
            r, c = divmod(int(np.argmax(block == top)), block.shape[1])
            flat = (br * b + r) * work.shape[1] + bc * b + c
            best = flat if best < 0 else min(best, flat)
        return best


def best_locations(
    result: SurfaceResult,
    n: int = 10,
    min_separation_km: float | None = None,
    min_throughput_t: float = 0.0,
) -> list[BestCell]:
    """The ``n`` most profitable cells, best first, among cells whose throughput exceeds
    ``min_throughput_t`` (t/yr; default 0: cells with some supply), each at least
    ``min_separation_km`` (default: the haul radius; 0 = any distinct cells) from the ones
    before it, so that they stand for different catchments. Ties go to the first cell in row
    order. Fewer than ``n`` when the cells run out.

    Where profit falls with throughput (a plant whose contribution per tonne is negative at low
    throughput, as with the default economics below about 120 kt/yr), the raw maximum sits at
    the least supplied cells; ask for a minimum throughput (e.g. half the capacity) there."""
    if int(n) < 1:
        return []
    sep = result.params.haul_radius_km if min_separation_km is None else float(min_separation_km)
    grid = result.grid
    with np.errstate(invalid="ignore"):
        ok = np.isfinite(result.profit) & (result.throughput > float(min_throughput_t))
    work = np.where(ok, result.profit, -np.inf)
    del ok
    sep_px = int(math.floor(sep * 1000.0 / grid.pixel))
    blocks = _BlockMax(work)
    picks: list[BestCell] = []
    for rank in range(1, int(n) + 1):
        idx = blocks.argmax()
        if idx < 0:
            break
        r, c = divmod(idx, grid.ncols)
        picks.append(
            BestCell(
                rank,
                r,
                c,
                float(grid.x_of(c)),
                float(grid.y_of(r)),
                float(result.profit[r, c]),
                float(result.supply[r, c]),
                float(result.throughput[r, c]),
            )
        )
        r0, r1 = max(0, r - sep_px), min(grid.nrows, r + sep_px + 1)
        c0, c1 = max(0, c - sep_px), min(grid.ncols, c + sep_px + 1)
        dy = np.arange(r0, r1)[:, None] - r
        dx = np.arange(c0, c1)[None, :] - c
        near = (dx * dx + dy * dy) * grid.pixel**2 < (sep * 1000.0) ** 2
        work[r0:r1, c0:c1][near] = -np.inf
        work[r, c] = -np.inf
        blocks.update(r0, r1, c0, c1)
    return picks
