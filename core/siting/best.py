"""The best locations of a profit surface, and the value range of a result grid."""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable

import numpy as np

from ..economics.breakeven import breakeven_li2co3, breakeven_support
from .direct import in_bands
from .surface_params import BestCell, SurfaceResult
from .validation import Array

__all__ = ["best_locations", "breakeven_at", "finite_range"]


class _BlockMax:
    """Maxima of ``work`` over square blocks, so that repeated arg-max searches with local
    updates touch only the changed blocks. :meth:`argmax` returns the flat index of the first
    (row order) largest finite cell, −1 when none is finite: the same as ``np.argmax``.
    ``fill(lo, hi)``, when given, writes the rows [lo, hi) of ``work`` first; filling and
    the first maxima run in row bands on threads."""

    SIZE = 64

    def __init__(self, work: Array, fill: Callable[[int, int], None] | None = None) -> None:
        self.work = work
        b = self.SIZE
        nr, nc = -(-work.shape[0] // b), -(-work.shape[1] // b)
        self.max = np.full((nr, nc), -np.inf)

        def band(lo: int, hi: int) -> None:
            if fill is not None:
                fill(lo, hi)
            self.update(lo, hi, 0, work.shape[1])

        in_bands(band, 0, work.shape[0], align=b)

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
    profit, low = result.profit, float(min_throughput_t)
    work = np.empty(profit.shape, dtype=profit.dtype)

    def fill(lo: int, hi: int) -> None:
        """``work`` = the profit where it is finite and the throughput above ``low``, −inf
        elsewhere, on the rows [lo, hi)."""
        with np.errstate(invalid="ignore"):
            ok = result.throughput[lo:hi] > low
        ok &= np.isfinite(profit[lo:hi])
        work[lo:hi] = -np.inf
        np.copyto(work[lo:hi], profit[lo:hi], where=ok)

    sep_px = int(math.floor(sep * 1000.0 / grid.pixel))
    blocks = _BlockMax(work, fill)
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


def finite_range(array: Array) -> tuple[float | None, float | None]:
    """(min, max) over the defined cells (NaN = no data), without temporary copies; (None,
    None) when no cell is defined."""
    array = np.asarray(array)
    parts: list[tuple[float, float]] = []

    def band(lo: int, hi: int) -> None:
        parts.append(_nan_range(array[lo:hi]))

    if array.ndim == 2:  # row bands on threads
        in_bands(band, 0, array.shape[0])
    else:
        parts.append(_nan_range(array))
    defined = [p for p in parts if not np.isnan(p[0])]
    if not defined:
        return None, None
    return min(p[0] for p in defined), max(p[1] for p in defined)


def _nan_range(array: Array) -> tuple[float, float]:
    """(nanmin, nanmax) of ``array``, (NaN, NaN) when every cell is NaN."""
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN
        return float(np.nanmin(array)), float(np.nanmax(array))


def breakeven_at(result: SurfaceResult, cell: BestCell) -> tuple[float | None, float | None]:
    """(break-even Li₂CO₃ price in CNY/t, break-even support in CNY/t) of a best cell: the
    price and the support per tonne at which its profit is zero (None where undefined)."""
    fee = float(result.border_fee_cost[cell.row, cell.col])
    extra = float(result.transport_cost[cell.row, cell.col]) + (0.0 if np.isnan(fee) else fee)
    price = float(
        breakeven_li2co3(
            result.params.economics.values(), result.params.capacity, [cell.throughput], [extra]
        )[0]
    )
    support = float(breakeven_support([cell.profit], [cell.throughput])[0])
    return (None if np.isnan(price) else price, None if np.isnan(support) else support)
