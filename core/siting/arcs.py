"""The arc space of the least-cost allocation (:mod:`.allocation`): distances (straight-line
km), unit costs (CNY/t) and permissions of the arcs from supply to plants, in row blocks."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from .allocation_params import AllocationParams
from .validation import BoolArray, FloatArray, IntArray

__all__ = ["BLOCK_ELEMENTS", "Arcs"]

#: Arcs priced per block (rows × plants), bounding the memory of the pricing step.
BLOCK_ELEMENTS = 1 << 21


class Arcs:
    """Permitted arcs between the active supply rows and the active plants."""

    def __init__(
        self,
        sxy: FloatArray,
        sprov: IntArray,
        pxy: FloatArray,
        pprov: IntArray,
        params: AllocationParams,
    ) -> None:
        self.sxy, self.sprov, self.pxy, self.pprov = sxy, sprov, pxy, pprov
        self.p = params
        self.per_km = params.transport_cost * params.detour  # CNY per t per straight-line km
        self.n_rows, self.n_cols = sxy.shape[0], pxy.shape[0]
        self.block_rows = max(1, BLOCK_ELEMENTS // max(self.n_cols, 1))

    def blocks(self) -> Iterator[tuple[int, int]]:
        """Row blocks ``(r0, r1)`` of at most ``BLOCK_ELEMENTS`` arcs."""
        for r0 in range(0, self.n_rows, self.block_rows):
            yield r0, min(self.n_rows, r0 + self.block_rows)

    def distance(self, rows: IntArray, cols: IntArray) -> FloatArray:
        """Straight-line km of the arcs."""
        d = self.sxy[rows] - self.pxy[cols]
        km: FloatArray = np.hypot(d[:, 0], d[:, 1]) / 1000.0
        return km

    def cross(self, rows: IntArray, cols: IntArray) -> BoolArray:
        """Arcs between two known, different provinces."""
        a, b = self.sprov[rows], self.pprov[cols]
        out: BoolArray = (a != b) & (a >= 0) & (b >= 0)
        return out

    def unit_cost(self, rows: IntArray, cols: IntArray) -> FloatArray:
        """Unit costs (CNY/t) of the arcs: transport, plus the border fee under ``fee``."""
        cost = self.distance(rows, cols) * self.per_km
        if self.p.rule == "fee" and self.p.border_fee > 0:
            cost = cost + self.p.border_fee * self.cross(rows, cols)
        return cost

    def pair_cost(self, rows: IntArray, cols: IntArray) -> FloatArray:
        """Unit costs of the given arcs, +inf where the arc is not permitted."""
        cost = self.unit_cost(rows, cols)
        if self.p.rule == "closed":
            cost[self.sprov[rows] != self.pprov[cols]] = np.inf
        if self.p.max_distance_km is not None:
            cost[self.distance(rows, cols) > self.p.max_distance_km] = np.inf
        return cost

    def block_cost(self, r0: int, r1: int) -> FloatArray:
        """Unit costs (rows r0:r1 × plants), +inf where the arc is not permitted."""
        dx = self.sxy[r0:r1, 0, None] - self.pxy[None, :, 0]
        dy = self.sxy[r0:r1, 1, None] - self.pxy[None, :, 1]
        dist = np.hypot(dx, dy)
        dist /= 1000.0
        cost = dist * self.per_km
        if self.p.rule != "open":
            a = self.sprov[r0:r1, None]
            b = self.pprov[None, :]
            cross = a != b
            if self.p.rule == "closed":
                cost[cross] = np.inf
            elif self.p.border_fee > 0:
                cost += self.p.border_fee * cross
        if self.p.max_distance_km is not None:
            cost[dist > self.p.max_distance_km] = np.inf
        return cost

    def all_permitted(self) -> tuple[IntArray, IntArray, int]:
        """Every permitted arc (rows, plants) and their count."""
        rows, cols = [], []
        for r0, r1 in self.blocks():
            r, c = np.nonzero(np.isfinite(self.block_cost(r0, r1)))
            rows.append(r + r0)
            cols.append(c)
        r = np.concatenate(rows) if rows else np.zeros(0, np.int64)
        c = np.concatenate(cols) if cols else np.zeros(0, np.int64)
        return r.astype(np.int64), c.astype(np.int64), int(r.shape[0])

    def cheapest(self, k: int, prices: FloatArray | None = None) -> tuple[IntArray, IntArray, int]:
        """The k cheapest permitted arcs of every row, and the count of all permitted arcs.

        With ``prices`` (plant duals, <= 0), "cheapest" means lowest ``cost − price``: plants
        that are full in a coarse solution look dearer.
        """
        rows, cols, total = [], [], 0
        for r0, r1 in self.blocks():
            cost = self.block_cost(r0, r1)
            finite = np.isfinite(cost)
            total += int(np.count_nonzero(finite))
            if prices is not None:
                cost -= prices[None, :]
            if k < self.n_cols:
                pick = np.argpartition(cost, k - 1, axis=1)[:, :k]
            else:
                pick = np.broadcast_to(np.arange(self.n_cols), cost.shape)
            rr = np.broadcast_to(np.arange(r1 - r0)[:, None], pick.shape)
            keep = finite[rr, pick]
            rows.append(rr[keep] + r0)
            cols.append(pick[keep])
        return (np.concatenate(rows).astype(np.int64), np.concatenate(cols).astype(np.int64), total)

    def price(
        self, alpha: FloatArray, beta: FloatArray, keys: IntArray, tol: float, per_row: int
    ) -> tuple[IntArray, IntArray]:
        """Omitted arcs with reduced cost < -tol, at most ``per_row`` (most negative) per row.

        ``keys`` are the sorted ``row * n_cols + col`` of the arcs already in the programme.
        """
        rows, cols = [], []
        nc = self.n_cols
        for r0, r1 in self.blocks():
            rc = self.block_cost(r0, r1)
            rc -= alpha[r0:r1, None]
            rc -= beta[None, :]
            lo, hi = np.searchsorted(keys, [r0 * nc, r1 * nc])
            rc.ravel()[keys[lo:hi] - r0 * nc] = np.inf
            neg = rc < -tol
            hit = np.flatnonzero(neg.any(axis=1))
            if not hit.size:
                continue
            sub, subneg = rc[hit], neg[hit]
            if per_row < nc:
                pick = np.argpartition(sub, per_row - 1, axis=1)[:, :per_row]
            else:
                pick = np.broadcast_to(np.arange(nc), sub.shape)
            rr = np.broadcast_to(np.arange(hit.size)[:, None], pick.shape)
            keep = subneg[rr, pick]
            rows.append(hit[rr[keep]] + r0)
            cols.append(pick[keep])
        if not rows:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        return np.concatenate(rows).astype(np.int64), np.concatenate(cols).astype(np.int64)
