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

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..economics.model import evaluate_profit, prepare_plants
from ..errors import NegativeValueError, NonFiniteValueError, NoValidRowsError, ParameterError
from .best import best_locations, finite_range
from .direct import threads
from .existing import huff_pull, serve_existing_plants, serve_on_grid
from .grid import DECAYS, GridSpec, RadialKernel, fft_shape, noise_floor
from .memory import check_grid_memory, estimate_grid_bytes
from .overflow import check_capacity, check_result, check_supply
from .sources import Sources, Ticker, grid_sources, lookup, point_sources, province_grid
from .sums import Sums, catchment_sums
from .surface_params import (
    BORDER_RULES,
    COMPETITIONS,
    METHODS,
    PRECISIONS,
    BestCell,
    Canceled,
    ExistingPlants,
    GridTooLargeError,
    SupplyPoints,
    SurfaceParams,
    SurfaceResult,
)
from .validation import Array, FloatArray, MissingCoordinateError, choice, points, province_codes

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
    "RadialKernel",
    "SupplyPoints",
    "SurfaceParams",
    "SurfaceResult",
    "best_locations",
    "check_grid_memory",
    "estimate_grid_bytes",
    "finite_range",
    "profit_surface",
    "serve_existing_plants",
]

#: Output rows evaluated per economics chunk (bounds the temporaries).
_CHUNK_CELLS = 1 << 18

#: An existing plants' arrays: x, y (m), capacity (t/yr), province code.
_Plants = tuple[FloatArray, FloatArray, FloatArray, Array]


@dataclass
class _Prepared:
    """Supply ready to sum: the ``sources``, totals (t/yr) ``total`` usable, ``left`` after
    the existing plants and ``outside`` (too far outside the grid), and the existing plants'
    ``intake`` (t/yr each)."""

    sources: Sources
    total: float
    left: float
    outside: float
    intake: FloatArray


def profit_surface(
    grid: GridSpec,
    params: SurfaceParams,
    supply: SupplyPoints | Array,
    *,
    provinces: Array | None = None,
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

    Raises :class:`ParameterError` for bad parameters or grids (its subclass
    :class:`~.overflow.SurfaceOverflowError` when the capacity, the supply or their costs are
    too large for the working precision), :class:`NoValidRowsError` when no supply row has a
    value, and :class:`InvalidValuesError` subclasses (``which`` = ``supply``,
    ``supply_province``, ``existing``, ``existing_province``) naming bad rows.
    """
    started = time.perf_counter()
    timings: dict[str, float] = {}
    tick = Ticker(progress, canceled)
    if not isinstance(grid, GridSpec):
        raise ParameterError("grid", "expected a GridSpec")
    if not isinstance(params, SurfaceParams):
        raise ParameterError("params", "expected SurfaceParams")
    supply_grid = not isinstance(supply, SupplyPoints)
    check_grid_memory(grid, params, memory_budget, supply_grid)
    econ_values = prepare_plants(params.economics, [params.capacity], [params.capacity]).values
    check_capacity(econ_values, params.capacity, params.dtype)
    kernel = RadialKernel(params.haul_radius_km, grid.pixel / 1000.0, params.decay)
    prov = _province_grid_for(params, provinces, grid)
    method = choice(method, METHODS, "method")
    tick(0.01)

    plants = _existing_plants(existing, prov, grid)
    if isinstance(supply, SupplyPoints):
        prepared = _prepare_points(supply, grid, params, prov, plants, kernel.rp)
    else:
        prepared = _prepare_grid(supply, grid, params, prov, plants, kernel, method)
    timings["prepare"] = time.perf_counter() - started
    tick(0.05)

    rp = kernel.rp
    n_fft = fft_shape(
        (-rp, grid.nrows + rp, -rp, grid.ncols + rp), (0, grid.nrows, 0, grid.ncols), rp
    )
    floor = noise_floor(prepared.left, 1.0, n_fft, params.dtype)
    sums = catchment_sums(
        prepared.sources, grid, params, prov, kernel, method, floor, supply_grid, tick, timings
    )
    mark = time.perf_counter()
    result = _economics(grid, params, econ_values, sums, prov is not None, floor, tick)
    check_result(result.profit, result.supply, params.dtype)
    timings["economics"] = time.perf_counter() - mark
    tick(1.0)
    timings["total"] = time.perf_counter() - started
    result.existing_intake = prepared.intake
    result.supply_total = prepared.total
    result.supply_left = prepared.left
    result.supply_outside = prepared.outside
    result.timings = timings
    return result


def _province_grid_for(
    params: SurfaceParams, provinces: Array | None, grid: GridSpec
) -> Array | None:
    """The validated province grid under ``fee`` and ``closed``; None under ``open``."""
    if not params.uses_provinces:
        return None
    if provinces is None:
        raise ParameterError(
            "provinces",
            f"a province grid is needed for the " f"'{params.border_rule}' border rule",
        )
    return province_grid(provinces, grid)


def _existing_plants(
    existing: ExistingPlants | None, prov: Array | None, grid: GridSpec
) -> _Plants | None:
    """x, y (m), capacity (t/yr) and province code of the existing plants (codes from the
    province grid where none are given)."""
    if existing is None:
        return None
    ex, ey, ecap, _ = points(existing.x, existing.y, existing.capacity, "existing")
    if existing.province is not None:
        eprov = province_codes(existing.province, ecap.shape[0], "existing_province")
    else:
        eprov = lookup(prov, grid, grid.row_of(ey), grid.col_of(ex))
    return (ex, ey, ecap, eprov)


def _prepare_points(
    supply: SupplyPoints,
    grid: GridSpec,
    params: SurfaceParams,
    prov: Array | None,
    plants: _Plants | None,
    rp: int,
) -> _Prepared:
    """Point supply: validated, served to the existing plants (or their Huff pull), moved to
    the cells."""
    sx, sy, st, use = points(supply.x, supply.y, supply.tonnes, "supply")
    if not use.any():
        raise NoValidRowsError("supply: no row has a supply value")
    check_supply(np.where(use, st, np.nan), params, rp, params.dtype)
    sx, sy, st = sx[use], sy[use], st[use]
    if supply.province is not None:
        sprov = province_codes(supply.province, use.shape[0], "supply_province")[use]
    else:
        sprov = lookup(prov, grid, grid.row_of(sy), grid.col_of(sx))
    total = float(st.sum())
    intake = np.zeros(0)
    pull = None
    closed = params.border_rule == "closed"
    if plants is not None and params.competition == "market_share":
        pull, intake = huff_pull(sx, sy, sprov, st, plants, params, grid, closed)
    elif plants is not None:
        st, intake = serve_existing_plants(
            sx, sy, st, sprov, *plants, params.haul_radius_km, params.decay, closed
        )
    sources, outside = point_sources(grid, rp, sx, sy, st, sprov, pull)
    return _Prepared(sources, total, float(st.sum()), outside, intake)


def _prepare_grid(
    supply: Any,
    grid: GridSpec,
    params: SurfaceParams,
    prov: Array | None,
    plants: _Plants | None,
    kernel: RadialKernel,
    method: str,
) -> _Prepared:
    """A supply grid: validated, served to the existing plants, as a block or (market shares,
    ``direct``) as its non-zero cells."""
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
    check_supply(arr.ravel(), params, kernel.rp, params.dtype)
    total = float(arr.sum())
    intake = np.zeros(0)
    huff_mode = params.competition == "market_share"
    closed = params.border_rule == "closed"
    if plants is not None and not huff_mode:
        intake = serve_on_grid(arr, grid, prov, plants, kernel, closed)
    left = float(arr.sum())
    if (plants is not None and huff_mode) or method == "direct":
        rows_, cols_ = np.nonzero(arr > 0)
        vals = arr[rows_, cols_]
        cprov = lookup(prov, grid, rows_, cols_)
        pull = None
        if plants is not None and huff_mode:
            pull, intake = huff_pull(
                grid.x_of(cols_), grid.y_of(rows_), cprov, vals, plants, params, grid, closed
            )
        sources = Sources(
            (rows_, cols_, vals), (0, 0), lambda p: None, np.unique(cprov[cprov >= 0])
        )
        sources.sprov, sources.pull = cprov, pull
    else:
        sources = grid_sources(arr, prov, params.dtype)
    return _Prepared(sources, total, left, 0.0, intake)


def _scratch(
    local: threading.local, shape: tuple[int, ...], dtype: np.dtype[Any]
) -> tuple[Array, Array]:
    """Two arrays of ``shape`` held by this thread in ``local`` and reused from chunk to
    chunk: fresh temporaries of a chunk's size cost page faults every time."""
    n = int(np.prod(shape))
    held = getattr(local, "arrays", None)
    if held is None or held[0].size < n:
        held = local.arrays = (np.empty(n, dtype=dtype), np.empty(n, dtype=dtype))
    return held[0][:n].reshape(shape), held[1][:n].reshape(shape)


def _economics(
    grid: GridSpec,
    params: SurfaceParams,
    econ_values: Any,
    sums: Sums,
    with_provinces: bool,
    floor: float,
    tick: Ticker,
) -> SurfaceResult:
    """Throughput, transport, border fees and profit of every cell from the catchment sums
    (in place: Σ s·w·d becomes the transport cost), by row chunks on threads; progress 0.8 → 1.
    The totals and timings of the result are the caller's to fill in."""
    dtype = params.dtype
    s_sum, d_sum, foreign, outside_cells = sums.supply, sums.distance, sums.foreign, sums.outside
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
    scratch = threading.local()  # two chunk-sized temporaries per thread, reused

    def dead(sl: slice, cols: slice) -> None:
        """Cells without supply in reach: Q = 0, no transport, profit = −fixed cost (NaN
        stays NaN: cells outside every province under fee and closed)."""
        s, q, d, pr = s_sum[sl, cols], throughput[sl, cols], transport[sl, cols], profit[sl, cols]
        q.fill(0)
        d.fill(0)
        pr.fill(at_zero)
        if with_provinces:
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
        share, work = _scratch(scratch, q.shape, dtype)
        np.minimum(s, cap, out=q)
        np.maximum(s, tiny, out=share)
        np.divide(q, share, out=share)  # Q/S, 0 where S = 0
        np.multiply(s, params.haul_radius_km, out=work)
        np.minimum(d, work, out=d)  # mean distance within [0, R] (NaN stays NaN)
        np.maximum(d, 0, out=d)
        d *= share
        d *= per_tkm
        evaluate_profit(econ_values, cap, q, out=pr, work=work)
        pr -= d
        if charge_fees and foreign is not None:
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
    return SurfaceResult(
        grid=grid,
        params=params,
        supply=s_sum,
        throughput=throughput,
        transport_cost=transport,
        border_fee_cost=fees,
        profit=profit,
        foreign_supply=foreign,
        existing_intake=np.zeros(0),
        supply_total=0.0,
        supply_left=0.0,
        supply_outside=0.0,
        noise_floor_t=floor,
        profit_at_zero=at_zero,
        profit_at_capacity=at_capacity,
        method="direct" if sums.direct else "fft",
    )
