"""Memory guard of ``profit_surface``: the peak working memory (bytes) of a grid, and the
refusal of grids above the budget with a pixel size that fits."""

from __future__ import annotations

import math

import numpy as np

from ..constants import BORDER_RULES
from .grid import GridSpec, default_memory_budget, fft_shape, nice_pixel_size, radius_cells
from .surface_params import PRECISIONS, GridTooLargeError, SurfaceParams
from .validation import choice

__all__ = ["CALLER_BYTES_PER_CELL", "check_grid_memory", "estimate_grid_bytes"]

#: Bytes per cell the Processing algorithm keeps besides the surface's own arrays: the int32
#: province grid and the float32 write buffers.
CALLER_BYTES_PER_CELL = 12


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
    rule = choice(border_rule, BORDER_RULES, "border_rule")
    item = np.dtype(choice(precision, PRECISIONS, "precision")).itemsize
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
    extra_bytes_per_cell: int = 0,
) -> int:
    """The estimate for this grid (bytes: :func:`estimate_grid_bytes` plus
    ``extra_bytes_per_cell`` for the caller's own arrays, e.g. :data:`CALLER_BYTES_PER_CELL`),
    or :class:`GridTooLargeError` when it exceeds the budget (bytes; default:
    :func:`.grid.default_memory_budget`, a share of the available memory) with the smallest
    nice pixel size that fits."""
    budget = int(budget_bytes) if budget_bytes is not None else default_memory_budget()

    def estimate(g: GridSpec) -> int:
        rp = radius_cells(params.haul_radius_km, g.pixel / 1000.0)
        return int(extra_bytes_per_cell) * g.size + estimate_grid_bytes(
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
