"""Huff market shares between a new plant and the existing plants (``COMPETITION`` = market
share in ``profit_surface``), as in ArcGIS's *Maximize Market Share*.

A plant j attracts a source i with A_ij = C_j^α · max(d_ij, d_min)^−β (C_j capacity in t/yr,
d_ij straight-line km), when the source lies within the haul radius R of the plant (and, under
the closed border rule, in the plant's province). Each source splits its supply between the
plants that reach it in proportion to their attraction: share_ij = A_ij / Σ_k A_ik. A new plant
of capacity C at distance d competes with the pull D_i = Σ_j A_ij of the existing plants:
its share is C^α·d^−β / (C^α·d^−β + D_i), and it takes all of a source no incumbent reaches.

``d_min`` (km) keeps the attraction finite at distance 0 (a plant in the source's own cell):
by default half a pixel of the surface's grid, the mean distance within a cell being about
0.38 pixel. Capacities are not enforced: an incumbent's Huff intake may exceed its capacity,
as the market-share model describes where batteries would go, not whether they can be treated.
"""

from __future__ import annotations

import numpy as np

from .grid import decay_weight
from .validation import Array, FloatArray

__all__ = ["HUFF_ALPHA_DEFAULT", "HUFF_BETA_DEFAULT", "competitor_pull", "huff_share"]

HUFF_ALPHA_DEFAULT = 1.0
HUFF_BETA_DEFAULT = 2.0
_CHUNK = 1 << 20  # source × plant pairs per block


def competitor_pull(
    sx: Array,
    sy: Array,
    sprov: Array,
    supply: Array,
    px: Array,
    py: Array,
    capacity: Array,
    pprov: Array,
    radius_km: float,
    alpha: float,
    beta: float,
    min_distance_km: float,
    closed: bool,
) -> tuple[Array, Array]:
    """(pull D_i per source, Huff intake per plant in t/yr) for sources at (sx, sy) m with
    ``supply`` t/yr and plants at (px, py) m with ``capacity`` t/yr (NaN or ≤ 0: no part;
    intake NaN for a null capacity). The intake is Σ_i s_i·share_ij without a new plant.
    Under ``closed`` a plant only reaches sources with its province code (none if < 0)."""
    sx, sy = np.asarray(sx, np.float64), np.asarray(sy, np.float64)
    supply = np.asarray(supply, np.float64)
    cap = np.asarray(capacity, np.float64)
    ok = np.isfinite(cap) & (cap > 0)
    weight = np.where(ok, np.where(ok, cap, 1.0) ** alpha, 0.0)
    pull = np.zeros(sx.shape[0])
    intake = np.where(np.isfinite(cap), 0.0, np.nan)
    if not ok.any() or sx.size == 0:
        return pull, intake
    step = max(1, _CHUNK // max(px.size, 1))
    for a in range(0, sx.size, step):
        b = min(sx.size, a + step)
        att = _attraction(
            sx[a:b],
            sy[a:b],
            sprov[a:b],
            px,
            py,
            pprov,
            weight,
            radius_km,
            beta,
            min_distance_km,
            closed,
        )
        pull[a:b] = att.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            share = np.where(pull[a:b, None] > 0, att / pull[a:b, None], 0.0)
        intake += np.where(np.isfinite(intake), supply[a:b] @ share, 0.0)
    return pull, intake


def _attraction(
    sx: Array,
    sy: Array,
    sprov: Array,
    px: Array,
    py: Array,
    pprov: Array,
    weight: Array,
    radius_km: float,
    beta: float,
    dmin: float,
    closed: bool,
) -> Array:
    """Pull weight·max(d, dmin)^−β of each plant on each source within the radius (km; own
    province only when ``closed``), shape (sources, plants)."""
    d = np.hypot(sx[:, None] - px[None, :], sy[:, None] - py[None, :]) / 1000.0
    reach = decay_weight(d, radius_km, "none") > 0
    if closed:
        reach &= (sprov[:, None] == pprov[None, :]) & (pprov[None, :] >= 0)
    return np.where(reach, weight[None, :] * np.maximum(d, dmin) ** -beta, 0.0)


def huff_share(
    d_new_km: Array,
    pull: Array,
    capacity: float,
    alpha: float,
    beta: float,
    min_distance_km: float,
) -> Array:
    """The new plant's share of each source: C^α·d^−β / (C^α·d^−β + D), d floored at
    ``min_distance_km`` (1 where the pull D is 0)."""
    a = (
        float(capacity) ** alpha
        * np.maximum(np.asarray(d_new_km, np.float64), min_distance_km) ** -beta
    )
    share: FloatArray = a / (a + np.asarray(pull, np.float64))
    return share
