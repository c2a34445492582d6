"""Catchment sums of ``profit_surface``: for every cell the reachable supply S = Σ s·w(d)
(t/yr) and Σ s·w(d)·d (t·km/yr), and under ``fee`` the foreign part of S, by direct stamps
(:mod:`.direct`) or real FFTs (:mod:`.grid`; per province under the province rules). See
:mod:`.surface` for the model."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import ndimage

from ..errors import ParameterError
from .arrays import zeros
from .direct import HuffWeights, choose_method, convolve_direct, direct_cost
from .existing import min_distance
from .grid import GridSpec, RadialKernel, convolve_block, convolve_region, nice_pixel_size
from .sources import Sources, Ticker
from .surface_params import SurfaceParams
from .validation import Array, BoolArray

__all__ = ["HUFF_MAX_SECONDS", "Sums", "catchment_sums"]


@dataclass
class Sums:
    """``supply`` S (t/yr, NaN outside every province under the province rules), ``distance``
    Σ s·w·d (t·km/yr), ``foreign`` part of S from other provinces (``fee`` only, else None),
    ``outside`` cells outside every province (province rules only, else None), ``direct``
    True when summed by direct stamps."""

    supply: Array
    distance: Array
    foreign: Array | None
    outside: BoolArray | None
    direct: bool


def catchment_sums(
    sources: Sources,
    grid: GridSpec,
    params: SurfaceParams,
    prov: Array | None,
    kernel: RadialKernel,
    method: str,
    floor: float,
    supply_grid: bool,
    tick: Ticker,
    timings: dict[str, float],
) -> Sums:
    """The sums by the cheaper (``auto``) or the given ``method``; progress 0.05 → 0.8."""
    dtype = params.dtype
    rp = kernel.rp
    closed = params.border_rule == "closed"
    full_box = (0, grid.nrows, 0, grid.ncols)
    mark = time.perf_counter()
    foreign: Array | None = None
    outside_cells: Array | None = None
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
        _check_huff_cost(sources, rp, 3 if prov is not None else 2, grid, supply_grid)
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
        s_sum, d_sum, foreign, outside_cells = _province_sums(
            sources, grid, prov, kernel, dtype, None if closed else (s_sum, d_sum), floor, tick
        )
        timings["provinces"] = time.perf_counter() - mark
    tick(0.8)
    return Sums(s_sum, d_sum, foreign, outside_cells, direct)


def _province_sums(
    sources: Sources,
    grid: GridSpec,
    prov: Array,
    kernel: RadialKernel,
    dtype: np.dtype[Any],
    whole: tuple[Array, Array] | None,
    floor: float,
    tick: Ticker,
) -> tuple[Array, Array, Array | None, BoolArray]:
    """The own-province sums, convolved per province over its cells only: under ``closed``
    (``whole`` None) they are S and Σ s·w·d; under ``fee`` the foreign part is the whole-grid
    S of ``whole`` minus them. Cells outside every province become NaN in S."""
    closed = whole is None
    own_s = zeros(grid.shape, dtype=dtype)
    own_d = zeros(grid.shape, dtype=dtype) if closed else None
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
            if own_d is not None:
                np.copyto(own_d[sub], parts[1], where=mine)
        del parts
        kernel.clear_cache()  # province FFT shapes differ: nothing to reuse
        tick(0.35 + 0.45 * (k + 1) / max(len(codes), 1))
    outside_cells = labels == 0
    del labels
    foreign = None
    if whole is None:
        assert own_d is not None
        s_sum, d_sum = own_s, own_d
    else:
        s_sum, d_sum = whole
        foreign = np.subtract(s_sum, own_s, out=own_s)
        np.copyto(foreign, 0, where=foreign < floor)  # round-off, own > all
        np.copyto(foreign, np.nan, where=outside_cells)
    np.copyto(s_sum, np.nan, where=outside_cells)  # NaN propagates to every output
    return s_sum, d_sum, foreign, outside_cells


#: Market shares are refused when their direct sums would take longer than this (seconds).
HUFF_MAX_SECONDS = 900.0


def _check_huff_cost(
    sources: Sources, rp: int, n_kernels: int, grid: GridSpec, supply_grid: bool
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


def _direct_sums(
    sources: Sources,
    full_box: tuple[int, int, int, int],
    kernel: RadialKernel,
    prov: Array | None,
    params: SurfaceParams,
    grid: GridSpec,
    dtype: np.dtype[Any],
    floor: float,
    check: Callable[[], None] | None = None,
) -> tuple[Array, Array, Array | None, BoolArray | None]:
    """(S, Σ s·w·d, foreign supply or None, cells outside every province or None) by direct
    stamps, with Huff shares when the sources carry a pull."""
    huff = None
    if sources.pull is not None:
        huff = HuffWeights(
            sources.pull,
            params.capacity**params.huff_alpha,
            params.huff_beta,
            min_distance(params, grid),
        )
    foreign = outside = None
    labels = src_labels = None
    if prov is not None:
        labels = np.add(prov, 1, dtype=np.int32)
        labels[labels < 0] = 0
        outside = labels == 0
        sprov = sources.sprov
        assert sprov is not None  # direct sums run on sparse sources, which carry provinces
        src_labels = np.where(sprov >= 0, sprov + 1, -1)
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
