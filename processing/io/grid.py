"""Grids of ``profit_surface``: the default extent, the working grid for polygon supply, the
memory guard and the crop back to the output grid."""

from __future__ import annotations

import math
from dataclasses import replace

from ...core.siting import surface as core
from ...core.siting.grid import GridSpec, default_memory_budget, nice_pixel_size, radius_cells

#: Bytes per cell the adapter adds to the core's estimate: the int32 province grid and the
#: float32 write buffers.
ADAPTER_BYTES_PER_CELL = 12


def check_memory(
    grid: GridSpec, params: core.SurfaceParams, polygons: bool, budget: int | None = None
) -> int:
    """The estimated peak memory (bytes), or :class:`core.GridTooLargeError` with a pixel size
    that fits: the core's estimate (``estimate_grid_bytes``) plus the adapter's arrays."""
    budget = default_memory_budget() if budget is None else int(budget)

    def need(g: GridSpec) -> int:
        return ADAPTER_BYTES_PER_CELL * g.size + core.estimate_grid_bytes(
            g.ncols,
            g.nrows,
            radius_cells(params.haul_radius_km, g.pixel / 1000.0),
            border_rule=params.border_rule,
            precision=params.precision,
            supply_grid=polygons,
        )

    estimate = need(grid)
    if estimate <= budget:
        return estimate
    pixel = nice_pixel_size(grid.pixel * math.sqrt(estimate / max(budget, 1)))
    for _ in range(40):
        candidate = grid.with_pixel(pixel)
        if need(candidate) <= budget or candidate.size == 1:
            break
        pixel = nice_pixel_size(pixel * 1.01)
    raise core.GridTooLargeError(estimate, budget, pixel, grid.ncols, grid.nrows)


def default_grid(supply, use, pixel: float, radius_km: float) -> GridSpec:
    """Supply extent + the haul radius, snapped outwards to whole multiples of the pixel."""
    xmin, ymin, xmax, ymax = supply_bbox(supply, use)
    pad = radius_km * 1000.0

    def snap(value: float, up: bool) -> float:
        return (math.ceil if up else math.floor)(value / pixel) * pixel

    return GridSpec.from_extent(
        snap(xmin - pad, False),
        snap(ymin - pad, False),
        snap(xmax + pad, True),
        snap(ymax + pad, True),
        pixel,
    )


def supply_bbox(supply, use) -> tuple[float, float, float, float]:
    """Bounding box (m) of the supply taking part (polygons by their geometry)."""
    if supply.polygons:
        boxes = [g.boundingBox() for g, u in zip(supply.geoms, use) if u and not g.isEmpty()]
        return (
            min(b.xMinimum() for b in boxes),
            min(b.yMinimum() for b in boxes),
            max(b.xMaximum() for b in boxes),
            max(b.yMaximum() for b in boxes),
        )
    x, y = supply.x[use], supply.y[use]
    return float(x.min()), float(y.min()), float(x.max()), float(y.max())


def working_grid(grid: GridSpec, rp: int, supply, use) -> tuple[GridSpec, int, int]:
    """For polygon supply: the grid padded by up to the radius (rp cells) where supply lies
    beyond it, so that it still counts; (grid, rows on top, columns on the left). Points
    beyond the grid are counted by the core itself."""
    if not supply.polygons:
        return grid, 0, 0
    xmin, ymin, xmax, ymax = supply_bbox(supply, use)
    gx0, gy0, gx1, gy1 = grid.extent
    p = grid.pixel

    def cells(distance: float) -> int:
        return int(min(rp, max(0, math.ceil(distance / p - 1e-9))))

    left, right = cells(gx0 - xmin), cells(xmax - gx1)
    top, bottom = cells(ymax - gy1), cells(gy0 - ymin)
    if not (left or right or top or bottom):
        return grid, 0, 0
    work = GridSpec(
        grid.x0 - left * p,
        grid.y0 + top * p,
        p,
        grid.ncols + left + right,
        grid.nrows + top + bottom,
    )
    return work, top, left


def crop(result, grid: GridSpec, top: int, left: int):
    """The result on ``grid`` (a window of the working grid)."""
    if result.grid == grid:
        return result
    window = (slice(top, top + grid.nrows), slice(left, left + grid.ncols))
    arrays = {
        name: getattr(result, name)[window]
        for name in ("supply", "throughput", "transport_cost", "border_fee_cost", "profit")
    }
    if result.foreign_supply is not None:
        arrays["foreign_supply"] = result.foreign_supply[window]
    return replace(result, grid=grid, **arrays)
