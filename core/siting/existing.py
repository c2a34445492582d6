"""Existing plants of ``profit_surface``: served first (one after the other, on points or on a
supply grid), or their Huff pull for market shares (:mod:`.huff`). Coordinates in metres,
supply and capacities in t/yr, radii in km."""

from __future__ import annotations

import numpy as np

from .grid import GridSpec, RadialKernel, decay_weight
from .huff import competitor_pull
from .surface_params import SurfaceParams
from .validation import Array

__all__ = ["huff_pull", "serve_existing_plants", "serve_on_grid"]


def serve_existing_plants(
    sx: Array,
    sy: Array,
    supply: Array,
    sprov: Array,
    px: Array,
    py: Array,
    capacity: Array,
    pprov: Array,
    radius_km: float,
    decay: str,
    closed: bool,
) -> tuple[Array, Array]:
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


def serve_on_grid(
    src: Array,
    grid: GridSpec,
    prov: Array | None,
    plants: tuple[Array, ...],
    kernel: RadialKernel,
    closed: bool,
) -> Array:
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
        if closed and prov is not None:
            w = np.where(prov[r0:r1, c0:c1] == pprov[j], w, 0.0) if pprov[j] >= 0 else 0.0 * w
        window = src[r0:r1, c0:c1]
        reach = float(np.sum(window * w))
        share = min(1.0, cap / reach) if reach > 0 else 0.0
        intake[j] = share * reach
        if share > 0:
            window *= 1.0 - share * w
    return intake


def huff_pull(
    sx: Array,
    sy: Array,
    sprov: Array,
    supply: Array,
    plants: tuple[Array, ...],
    params: SurfaceParams,
    grid: GridSpec,
    closed: bool,
) -> tuple[Array, Array]:
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
        min_distance(params, grid),
        closed,
    )


def min_distance(params: SurfaceParams, grid: GridSpec) -> float:
    """The Huff minimum distance (km): given, else half a pixel."""
    if params.huff_min_distance_km is not None:
        return float(params.huff_min_distance_km)
    return 0.5 * grid.pixel / 1000.0
