"""Polygon supply spread over a grid in proportion to area (``profit_surface``).

Each cell is split into f × f sub-cells (f = 4, less on very large grids: :func:`subcell_factor`)
and a polygon gets the sub-cells whose centres it contains. The caller rasterises the polygons'
labels (1..n, 0 = none) on the sub-cell grid in strips of :func:`strip_rows` rows; here
:func:`strip_counts` turns each strip into (cell, polygon, sub-cell count) triples and
:func:`spread_counts` shares the values (t/yr) over them: a polygon inside the grid shares its
whole value over its sub-cells (the total is kept exactly); one reaching past the grid gives
each sub-cell value × sub-cell area ÷ polygon area (the part outside is left out). A polygon
too small to hold a sub-cell centre puts its value in the cell of its point on surface.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from .grid import GridSpec
from .validation import FloatArray, IntArray

__all__ = [
    "MAX_SUBCELLS",
    "STRIP_SUBCELLS",
    "StripCounts",
    "spread_counts",
    "strip_counts",
    "strip_rows",
    "subcell_factor",
    "subcells_per_polygon",
]

#: Supersampled cells per polygon-spreading strip, and at most in all (memory and time).
STRIP_SUBCELLS = 8_000_000
MAX_SUBCELLS = 64_000_000

#: (cell index in the grid, polygon label 1..n, sub-cells) of one strip.
StripCounts = tuple[IntArray, IntArray, FloatArray]


def subcell_factor(grid: GridSpec) -> int:
    """Sub-cells per cell side: 4, less when the grid has more than ``MAX_SUBCELLS`` / 16
    cells."""
    return int(max(1, min(4, math.floor(math.sqrt(MAX_SUBCELLS / max(grid.size, 1))))))


def strip_rows(grid: GridSpec, f: int) -> int:
    """Grid rows per rasterised strip (at most ``STRIP_SUBCELLS`` sub-cells)."""
    return max(1, STRIP_SUBCELLS // (grid.ncols * f * f))


def strip_counts(
    labels: npt.NDArray[np.integer[Any]], r0: int, ncols: int, f: int, n: int
) -> StripCounts:
    """The (cell, polygon label, sub-cell count) triples of a strip of sub-cell ``labels``
    (shape ``(rows·f, ncols·f)``, 1..n, 0 = none) starting at grid row ``r0``."""
    rs = labels.shape[0] // f
    lab = labels.reshape(rs, f, ncols, f).transpose(0, 2, 1, 3).reshape(-1, f * f)
    cell = r0 * ncols + np.arange(rs * ncols, dtype=np.int64)
    first = lab[:, 0]
    uniform = (lab == first[:, None]).all(axis=1)
    take = uniform & (first > 0)
    cells = [cell[take]]
    labels_out = [first[take].astype(np.int64)]
    counts = [np.full(int(take.sum()), f * f, dtype=np.float64)]
    mixed = np.flatnonzero(~uniform)
    if mixed.size:
        sub_lab = lab[mixed].astype(np.int64).ravel()
        sub_cell = np.repeat(cell[mixed], f * f)
        keep = sub_lab > 0
        key, cnt = np.unique(sub_cell[keep] * (n + 1) + sub_lab[keep], return_counts=True)
        cells.append(key // (n + 1))
        labels_out.append(key % (n + 1))
        counts.append(cnt.astype(np.float64))
    return np.concatenate(cells), np.concatenate(labels_out), np.concatenate(counts)


def _join(parts: Sequence[StripCounts]) -> StripCounts:
    if not parts:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    return (
        np.concatenate([p[0] for p in parts]),
        np.concatenate([p[1] for p in parts]),
        np.concatenate([p[2] for p in parts]),
    )


def subcells_per_polygon(parts: Sequence[StripCounts], n: int) -> FloatArray:
    """Sub-cells each of the ``n`` polygons got (0: too small for a sub-cell centre)."""
    _cell, label, count = _join(parts)
    totals: FloatArray = np.bincount(label, weights=count, minlength=n + 1)[1:].astype(np.float64)
    return totals


def spread_counts(
    grid: GridSpec,
    f: int,
    values: Any,
    parts: Sequence[StripCounts],
    boxes: FloatArray,
    areas: FloatArray,
    points: FloatArray,
) -> tuple[FloatArray, float]:
    """Spread each polygon's value (t/yr) over the grid from its sub-cells (see the module).

    ``parts``: :func:`strip_counts` of every strip; per polygon ``boxes`` (n, 4) its bounding
    box (m, NaN: no geometry), ``areas`` (m²) and ``points`` (n, 2) its point on surface (m;
    needed only where it got no sub-cell). Returns the grid (float64, t/yr per cell) and the
    t/yr left out (outside the grid).
    """
    vals = np.nan_to_num(np.asarray(values, dtype=np.float64), nan=0.0)
    n = vals.shape[0]
    sub = grid.pixel / f
    cell, label, count = _join(parts)
    total = np.bincount(label, weights=count, minlength=n + 1)[1:]
    xmin, ymin, xmax, ymax = grid.extent
    per_sub = np.zeros(n + 1)
    out = np.zeros(grid.size, dtype=np.float64)
    for i in range(n):
        box = boxes[i]
        if vals[i] <= 0 or not np.isfinite(box).all():
            continue
        inside = box[0] >= xmin and box[2] <= xmax and box[1] >= ymin and box[3] <= ymax
        if total[i] > 0:
            per_sub[i + 1] = (
                vals[i] / total[i] if inside else vals[i] * sub * sub / max(areas[i], sub * sub)
            )
        else:  # too small for a sub-cell centre: all at its point on surface
            r, c = int(grid.row_of(points[i, 1])), int(grid.col_of(points[i, 0]))
            if 0 <= r < grid.nrows and 0 <= c < grid.ncols:
                out[r * grid.ncols + c] += vals[i]
    out += np.bincount(cell, weights=count * per_sub[label], minlength=grid.size)
    left_out = max(0.0, float(vals.sum() - out.sum()))
    return out.reshape(grid.shape), left_out
