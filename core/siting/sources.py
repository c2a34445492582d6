"""Supply of ``profit_surface`` on the grid's index space: points moved to their cells or a
supply grid, split by province; the province grid and its look-ups; progress and cancellation."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
from scipy import ndimage

from ..errors import ParameterError
from .grid import GridSpec
from .surface_params import Canceled
from .validation import Array

__all__ = ["Sources", "Ticker", "grid_sources", "lookup", "point_sources", "province_grid"]


def province_grid(provinces: Any, grid: GridSpec) -> Array:
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


def lookup(prov: Array | None, grid: GridSpec, rows: Array, cols: Array) -> Array:
    """Province code at each cell (−1 outside the grid or without a province grid)."""
    out = np.full(rows.shape, -1, dtype=np.int64)
    if prov is None:
        return out
    inside = (rows >= 0) & (rows < grid.nrows) & (cols >= 0) & (cols < grid.ncols)
    out[inside] = prov[rows[inside], cols[inside]]
    return np.where(out >= 0, out, -1)


class Ticker:
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


class Sources:
    """Supply on the grid's index space: ``whole`` (a block with its ``origin``, or sparse
    ``(rows, cols, values)`` cells), ``by_province(code)`` the own-province part (same forms,
    None when the province has no supply) and the ``codes`` of provinces with supply."""

    def __init__(
        self,
        whole: Any,
        origin: tuple[int, int],
        by_province: Callable[[int], tuple[Any, tuple[int, int]] | None],
        codes: Array,
    ) -> None:
        self.whole, self.origin, self.by_province, self.codes = whole, origin, by_province, codes
        self.sprov: Array | None = None  # per sparse source (direct summation)
        self.pull: Array | None = None  # Huff pull of the incumbents per sparse source


def point_sources(
    grid: GridSpec,
    rp: int,
    x: Array,
    y: Array,
    t: Array,
    sprov: Array,
    pull: Array | None = None,
) -> tuple[Sources, float]:
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
    out = Sources((rows, cols, t), (0, 0), by_province, codes)
    out.sprov, out.pull = sprov, pull
    return out, outside


def grid_sources(src: Array, prov: Array | None, dtype: np.dtype[Any]) -> Sources:
    block = src.astype(dtype, copy=False)
    if prov is None:
        return Sources(block, (0, 0), lambda p: None, np.zeros(0, dtype=np.int64))
    labels = np.add(prov, 1, dtype=np.int32)
    labels[~(src > 0) | (labels < 0)] = 0
    boxes = ndimage.find_objects(labels)
    codes = np.array([i for i, b in enumerate(boxes) if b is not None], dtype=np.int64)

    def by_province(p: int) -> tuple[Array, tuple[int, int]] | None:
        box = boxes[p] if p < len(boxes) else None
        if box is None:
            return None
        part = np.where(labels[box] == p + 1, block[box], 0).astype(dtype, copy=False)
        return part, (box[0].start, box[1].start)

    return Sources(block, (0, 0), by_province, codes)
