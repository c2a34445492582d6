"""Grids of ``profit_surface`` from the supply: the default extent, the working grid padded for
polygon supply beyond it, and the crop of a result back to the output grid (metres)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from .grid import GridSpec
from .surface import profit_surface
from .surface_params import ExistingPlants, SupplyPoints, SurfaceParams, SurfaceResult
from .validation import BoolArray, FloatArray

__all__ = [
    "BBox",
    "CroppedSurface",
    "bbox_of_boxes",
    "bbox_of_points",
    "crop",
    "default_grid",
    "working_grid",
]

#: ``(xmin, ymin, xmax, ymax)`` in metres.
BBox = tuple[float, float, float, float]


def bbox_of_points(x: FloatArray, y: FloatArray, use: BoolArray) -> BBox:
    """Bounding box (m) of the points taking part (``use``)."""
    px, py = x[use], y[use]
    return float(px.min()), float(py.min()), float(px.max()), float(py.max())


def bbox_of_boxes(boxes: Any) -> BBox:
    """Bounding box (m) of the ``(xmin, ymin, xmax, ymax)`` boxes of polygons (one per row)."""
    rows = list(boxes)
    return (
        min(b[0] for b in rows),
        min(b[1] for b in rows),
        max(b[2] for b in rows),
        max(b[3] for b in rows),
    )


def default_grid(bbox: BBox, pixel: float, radius_km: float) -> GridSpec:
    """The supply's bounding box ``bbox`` (m) + the haul radius (km), snapped outwards to whole
    multiples of the ``pixel`` size (m)."""
    xmin, ymin, xmax, ymax = bbox
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


def working_grid(grid: GridSpec, rp: int, bbox: BBox | None) -> tuple[GridSpec, int, int]:
    """For polygon supply with bounding box ``bbox`` (m): the grid padded by up to the radius
    (``rp`` cells) where supply lies beyond it, so that it still counts; (grid, rows on top,
    columns on the left). ``bbox`` None (point supply: points beyond the grid are counted by
    the surface itself) gives the grid unchanged."""
    if bbox is None:
        return grid, 0, 0
    xmin, ymin, xmax, ymax = bbox
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


def crop(result: SurfaceResult, grid: GridSpec, top: int, left: int) -> SurfaceResult:
    """A :class:`~.surface.SurfaceResult` on ``grid``, a window of its working grid starting
    ``top`` rows and ``left`` columns in (views, no copies)."""
    if result.grid == grid:
        return result
    window = (slice(top, top + grid.nrows), slice(left, left + grid.ncols))
    foreign = result.foreign_supply
    return replace(
        result,
        grid=grid,
        supply=result.supply[window],
        throughput=result.throughput[window],
        transport_cost=result.transport_cost[window],
        border_fee_cost=result.border_fee_cost[window],
        profit=result.profit[window],
        foreign_supply=None if foreign is None else foreign[window],
    )


@dataclass
class CroppedSurface:
    """:func:`~.surface.profit_surface` on the working grid ``work`` with these inputs, cropped
    to the output ``grid`` (``top`` rows and ``left`` columns in): called with parameters (and
    an optional ``progress``), e.g. by :func:`.plant_size.capacity_sweep` for other sizes."""

    work: GridSpec
    grid: GridSpec
    top: int
    left: int
    supply: SupplyPoints | np.ndarray[Any, Any]
    provinces: np.ndarray[Any, Any] | None = None
    existing: ExistingPlants | None = None
    canceled: Callable[[], bool] | None = None

    def __call__(
        self, params: SurfaceParams, progress: Callable[[float], Any] | None = None
    ) -> SurfaceResult:
        """The cropped result (raises what ``profit_surface`` raises)."""
        result = profit_surface(
            self.work,
            params,
            self.supply,
            provinces=self.provinces,
            existing=self.existing,
            progress=progress,
            canceled=self.canceled,
        )
        return crop(result, self.grid, self.top, self.left)
