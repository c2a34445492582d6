"""Class breaks for choropleth maps: natural breaks (exact Fisher-Jenks), quantile, equal interval.

Pure numpy, no qgis import. Every method skips NaN, raises ``ValueError`` on infinite input, on
``k < 2`` and on an empty (all-NaN) input, and reduces the number of classes when the data have
fewer distinct values than requested (``Breaks.reduced``; the caller warns the user).

``Breaks.breaks`` holds the k+1 class bounds as jenkspy returns them: the minimum, the upper
bound of classes 1..k-1, and the maximum. A value equal to an inner bound belongs to the lower
class (see :func:`classify`).

Natural breaks are the exact optimum of Fisher's (1958) and Jenks' (1977) criterion: the
partition of the sorted values into k contiguous classes with the least total within-class sum
of squared deviations, i.e. optimal one-dimensional k-means. jenkspy (Jenks 1977, "Optimal data
classification for choropleth maps") solves the dynamic programme in O(k*n^2); here the same
programme is solved as in Ckmeans.1d.dp (Wang & Song 2011, "Ckmeans.1d.dp: optimal k-means
clustering in one dimension by dynamic programming", The R Journal 3(2)) with the monotone-argmin
divide-and-conquer of its later versions: the within-class cost satisfies the quadrangle
inequality, so the optimal start of the last class is non-decreasing in the end index and each
layer of the programme costs O(n log n); total O(k*n*log n) time and O(k*n) memory. Grønlund et
al. (2017, "Fast exact k-means, k-medians and Bregman divergence clustering in 1D",
arXiv:1701.07204) reach O(k*n) with SMAWK; divide-and-conquer is used here instead because each
of its levels vectorises into a handful of numpy passes. Ties in the data are merged into
weighted distinct values, so a class boundary never splits equal values, and ties in the cost are
broken like jenkspy (the earliest possible start of the last class).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Tuple

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

METHODS = ("natural_breaks", "quantile", "equal_interval")


@dataclass(frozen=True)
class Breaks:
    """Class bounds: ``breaks`` = (min, upper bound of class 1, ..., upper bound of k-1, max)."""

    method: str
    k_requested: int
    k: int
    breaks: Tuple[float, ...]

    @property
    def reduced(self) -> bool:
        """True when the data had fewer distinct values (or distinct quantiles) than requested."""
        return self.k < self.k_requested


def _clean(values: object, k: int) -> np.ndarray:
    """Return the finite values as a sorted float64 array; validate ``k``."""
    if isinstance(k, bool) or int(k) != k:
        raise ValueError(f"number of classes must be an integer, got {k!r}")
    if k < 2:
        raise ValueError(f"number of classes must be at least 2, got {k}")
    x = np.asarray(values, dtype=np.float64).ravel()
    x = x[~np.isnan(x)]
    if x.size == 0:
        raise ValueError("no values to classify (empty or all NaN)")
    if np.isinf(x).any():
        raise ValueError("values must be finite (NaN is skipped, infinity is not)")
    return np.sort(x, kind="stable")


def _distinct(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct values of the sorted array ``x`` and their counts."""
    first = np.empty(x.size, dtype=bool)
    first[0] = True
    np.not_equal(x[1:], x[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    return x[starts], np.diff(np.append(starts, x.size))


def _make(method: str, k_requested: int, bounds: np.ndarray) -> Breaks:
    return Breaks(method, int(k_requested), len(bounds) - 1, tuple(float(b) for b in bounds))


def _one_value(method: str, k: int, v: float) -> Breaks:
    return Breaks(method, int(k), 1, (float(v), float(v)))


# --- natural breaks -----------------------------------------------------------------------------


def _segment_ids(ends: np.ndarray) -> np.ndarray:
    """Segment number of each element when segment s ends (exclusive) at ``ends[s]``."""
    ids = np.zeros(int(ends[-1]), dtype=np.intp)
    ids[ends[:-1]] = 1
    return np.cumsum(ids, out=ids)


_WIDE = 16  # chunks at least this wide are laid out (chunks, width), narrower ones transposed
_CHUNK_COST = 2.0  # overhead of one chunk, in evaluated candidates
_BLOCK = 1 << 16  # candidates evaluated at once
_PAD = 512  # widest chunk; leading padding of the cost columns
_WIDTHS = (2, 4, 8, 16, 32, 64, 128, 256, _PAD)


class _Costs:
    """One layer's candidate cost: row i, start j -> a[j] - (r1[i] - b[j])**2 / (rw[i] - w[j]).

    ``a``, ``b`` and ``w`` are stored with ``_PAD`` leading entries (a = +inf there), so that a
    chunk of candidates may start before 0; ``w`` is ``None`` for unit weights (w[j] = j).
    Also holds scratch buffers reused from one block to the next.
    """

    def __init__(self, a: np.ndarray, b: np.ndarray, w: np.ndarray | None, r1: np.ndarray,
                 rw: np.ndarray, scratch: dict[str, np.ndarray]) -> None:
        pad = np.zeros(_PAD)
        self.cols = [np.concatenate((pad + np.inf, a)), np.concatenate((pad, b))]
        if w is not None:
            self.cols.append(np.concatenate((pad, w)))
        self.unit = w is None
        self.r1, self.rw = r1, rw
        self._scratch = scratch
        self._windows: dict[int, list[np.ndarray]] = {}

    def windows(self, width: int) -> list[np.ndarray]:
        """Sliding-window views of the padded columns: row t holds entries t..t+width-1."""
        if width not in self._windows:
            self._windows[width] = [sliding_window_view(c, width) for c in self.cols]
        return self._windows[width]

    def buf(self, name: str, size: int, dtype: type) -> np.ndarray:
        """Scratch array ``name`` of at least ``size`` elements (contents undefined)."""
        arr = self._scratch.get(name)
        if arr is None or arr.size < size:
            arr = self._scratch[name] = np.empty(max(size, 1 << 16), dtype=dtype)
        return arr[:size]


def _chunk_argmin(costs: _Costs, mid: np.ndarray, j0: np.ndarray, top: np.ndarray,
                  width: int) -> tuple[np.ndarray, np.ndarray]:
    """Minimum and leftmost argmin of row ``mid[c]`` over candidates ``j0[c]..top[c]``.

    Every chunk c has at most ``width`` candidates. A chunk is evaluated as the ``width``
    candidates ending at ``top[c]``: those left of ``j0[c]`` are feasible (< ``mid``) or cost
    +inf (``a`` is +inf before the first feasible start), and by the monotonicity of the
    leftmost argmin they cannot beat the window's minimum. The chunks are evaluated in blocks
    of about ``_BLOCK`` candidates, so that the temporaries stay in the CPU cache.
    """
    n = j0.size
    j0 = np.minimum(j0, top - (width - 1))
    r1, rw = costs.r1[mid], costs.rw[mid]
    best, pos = np.empty(n), np.empty(n, dtype=np.intp)
    step = max(1, _BLOCK // width)
    for start in range(0, n, step):
        blk = slice(start, start + step)
        best[blk], pos[blk] = _block_argmin(costs, r1[blk], rw[blk], j0[blk], width)
    pos += j0
    return best, pos


def _block_argmin(costs: _Costs, r1: np.ndarray, rw: np.ndarray, j0: np.ndarray,
                  width: int) -> tuple[np.ndarray, np.ndarray]:
    """Row minimum and its leftmost offset for candidates ``j0[c] + 0..width-1`` of row c.

    Numpy is fast only along a long last axis: wide chunks are copied as rows of sliding-window
    views, laid out as (chunks, width) and reduced with argmin; narrow ones are gathered into a
    (width, chunks) layout and scanned.
    """
    n = j0.size
    if width >= _WIDE:
        offset = np.arange(width)
        cols = [v[j0 + _PAD] for v in costs.windows(width)]
        cost, den = cols[1], (rw - j0)[:, None] - offset if costs.unit else cols[2]
        np.subtract(r1[:, None], cost, out=cost)
        np.multiply(cost, cost, out=cost)
        if not costs.unit:
            np.subtract(rw[:, None], den, out=den)
        np.divide(cost, den, out=cost)
        np.subtract(cols[0], cost, out=cost)
        pos = cost.argmin(axis=1)
        return cost[np.arange(n), pos], pos
    offset = np.arange(width)[:, None]
    jj = costs.buf("j", n * width, np.intp).reshape(width, n)
    np.add(j0 + _PAD, offset, out=jj)
    cost = costs.buf("cost", n * width, np.float64).reshape(width, n)
    tmp = costs.buf("tmp", n * width, np.float64).reshape(width, n)
    np.take(costs.cols[1], jj, out=cost, mode="clip")
    np.subtract(r1, cost, out=cost)
    np.multiply(cost, cost, out=cost)
    if costs.unit:  # w[j] = j, no gather needed
        np.subtract(rw - j0, offset, out=tmp)
    else:
        np.take(costs.cols[2], jj, out=tmp, mode="clip")
        np.subtract(rw, tmp, out=tmp)
    np.divide(cost, tmp, out=cost)
    np.take(costs.cols[0], jj, out=tmp, mode="clip")
    np.subtract(tmp, cost, out=cost)
    best = cost[0].copy()
    pos = np.zeros(n, dtype=np.intp)
    better = costs.buf("better", n, np.bool_)
    for c in range(1, width):
        np.less(cost[c], best, out=better)  # strict: the leftmost minimum wins ties
        np.putmask(pos, better, c)
        np.minimum(best, cost[c], out=best)
    return best, pos


def _chunk_width(length: np.ndarray) -> int:
    """Chunk width (a power of two) minimising a rough cost model of :func:`_chunk_argmin`.

    Padding costs per evaluated candidate (more for narrow chunks, which are scanned), every
    chunk costs about as much as ten candidates; the model is fitted to a sample of windows.
    """
    sample = length[:: max(1, length.size // 1024)]
    best, width = np.inf, 2
    for w in _WIDTHS:
        chunks = int(((sample + (w - 1)) // w).sum())
        cost = chunks * (w * (1.0 if w >= _WIDE else 1.3) + _CHUNK_COST)
        if cost < best:
            best, width = cost, w
    return width


def _row_argmin(costs: _Costs, mid: np.ndarray, clo: np.ndarray, top: np.ndarray) -> np.ndarray:
    """Leftmost argmin over candidates ``clo[s]..top[s]`` of row ``mid[s]``, for every s.

    The windows are cut into chunks of a common width (a power of two near their mean length),
    the chunks are evaluated together, and windows spanning several chunks are then reduced
    over their chunks.
    """
    length = top - clo + 1
    width = _chunk_width(length)
    nch = (length + (width - 1)) // width
    if nch.max() == 1:
        return _chunk_argmin(costs, mid, clo, top, width)[1]
    ends = np.cumsum(nch)
    seg = _segment_ids(ends)
    first = ends - nch
    j0 = clo[seg] + width * (np.arange(seg.size) - first[seg])
    best, arg = _chunk_argmin(costs, mid[seg], j0, top[seg], width)
    smin = np.minimum.reduceat(best, first)
    hits = np.flatnonzero(best == smin[seg])
    return arg[hits[np.searchsorted(hits, first)]]


def _layer_argmin(costs: _Costs, first_row: int, last_row: int) -> np.ndarray:
    """Leftmost argmin_j of ``a[j] - (r1[i] - b[j])**2 / (rw[i] - w[j])`` for each row i.

    Rows i run over ``first_row..last_row``, candidates j over ``first_row..i``. The argmin is
    non-decreasing in i (the cost is Monge), so the rows are solved by divide and conquer: rows
    are visited level by level in the order of an implicit complete binary tree (row position p
    = i - first_row + 1 at level h when p is an odd multiple of 2**h), and each row is searched
    only between the argmins of its two neighbours p -/+ 2**h found at coarser levels. All
    windows of one level tile the candidates, so a level costs O(n) and vectorises into one
    pass. The last row is solved first to bound the rightmost windows. Returns an int array of
    length ``last_row + 1`` (entries before ``first_row`` are meaningless).
    """
    rows = last_row - first_row + 1
    top_level = rows.bit_length()  # 2**top_level > rows
    last = np.array([last_row])
    opt = np.empty((1 << top_level) + 1, dtype=np.intp)  # by position p; p = 0 is virtual
    opt[0] = first_row
    opt[rows + 1:] = _row_argmin(costs, last, np.array([first_row]), last)[0]
    for h in range(top_level - 1, -1, -1):
        half, step = 1 << h, 2 << h
        count = (rows - half) // step + 1
        if count <= 0:
            continue
        clo = opt[0:count * step:step]
        chi = opt[step:(count + 1) * step:step]
        arg = clo.copy()  # a window of one candidate needs no evaluation
        todo = np.flatnonzero(clo != chi)
        mid = todo * step + (first_row - 1 + half)
        arg[todo] = _row_argmin(costs, mid, clo[todo], np.minimum(chi[todo], mid))
        opt[half:half + count * step:step] = arg
    out = np.empty(last_row + 1, dtype=np.intp)
    out[first_row:] = opt[1:rows + 1]
    return out


def _fisher_jenks(u: np.ndarray, counts: np.ndarray, k: int) -> np.ndarray:
    """Indices into ``u`` of the last value of classes 1..k-1 (2 <= k <= len(u))."""
    n = u.size
    w = counts.astype(np.float64)
    x = u - np.dot(w, u) / w.sum()  # centre: sums of squares stay small, results shift-invariant
    p1 = np.concatenate(([0.0], np.cumsum(w * x)))
    p2 = np.concatenate(([0.0], np.cumsum(w * x * x)))
    pw = np.concatenate(([0.0], np.cumsum(w)))
    unit = bool(counts.max() == 1)
    scratch: dict[str, np.ndarray] = {}
    # d[i] = least cost of the first i+1 values in m classes; layer 1 is closed-form
    d = p2[1:] - p1[1:] ** 2 / pw[1:]
    opts: list[np.ndarray] = []
    for m in range(2, k):
        first, last = m - 1, n - 1 - (k - m)
        a = np.full(n, np.inf)
        a[first:last + 1] = d[first - 1:last] - p2[first:last + 1]
        opt = _layer_argmin(_Costs(a, p1, None if unit else pw, p1[1:], pw[1:], scratch), first, last)
        o, end = opt[first:], np.arange(first + 1, last + 2)  # end = i + 1
        d = np.full(n, np.inf)
        d[first:last + 1] = a[o] + p2[end] - (p1[end] - p1[o]) ** 2 / (pw[end] - pw[o])
        opts.append(opt)
    # last layer: only the full array (row n-1) is needed
    j = np.arange(k - 1, n)
    cost = d[j - 1] - p2[j] - (p1[n] - p1[j]) ** 2 / (pw[n] - pw[j])
    start = int(j[int(np.argmin(cost))])
    ends = [start - 1]
    for opt in reversed(opts):
        start = int(opt[start - 1])
        ends.append(start - 1)
    return np.array(ends[::-1], dtype=np.int64)


def natural_breaks(values: object, k: int) -> Breaks:
    """Exact Fisher-Jenks natural breaks (optimal 1-D k-means), jenkspy-compatible bounds.

    Minimises the total within-class sum of squared deviations over all partitions of the sorted
    values into k contiguous classes (Jenks 1977), by the Ckmeans.1d.dp dynamic programme (Wang &
    Song 2011) with a divide-and-conquer monotone argmin per layer: O(n log n) for the sort plus
    O(k * d * log d) for d distinct values, O(k * d) memory; 1e6 values, k=5 in about a second.
    The data are centred before the prefix sums, so adding a constant does not change the
    classes. With fewer distinct values than k, each distinct value gets its own class.
    """
    x = _clean(values, k)
    u, counts = _distinct(x)
    if u.size == 1:
        return _one_value("natural_breaks", k, u[0])
    if u.size <= k:
        return _make("natural_breaks", k, np.concatenate((u[:1], u)))
    ends = _fisher_jenks(u, counts, int(k))
    return _make("natural_breaks", k, np.concatenate((u[:1], u[ends], u[-1:])))


def quantile_breaks(values: object, k: int) -> Breaks:
    """Quantile breaks: bounds at the empirical quantiles i/k, i = 0..k, O(n log n).

    Uses numpy's default (linear interpolation, Hyndman & Fan type 7) quantile definition.
    Equal bounds (heavy ties) are collapsed, which reduces the number of classes.
    """
    x = _clean(values, k)
    if x[0] == x[-1]:
        return _one_value("quantile", k, x[0])
    q = np.quantile(x, np.arange(int(k) + 1) / int(k))
    q[0], q[-1] = x[0], x[-1]
    return _make("quantile", k, np.unique(q))


def equal_interval_breaks(values: object, k: int) -> Breaks:
    """Equal-interval breaks: bounds min + i * (max - min) / k, i = 0..k, O(n).

    With fewer distinct values than k, k is reduced to the number of distinct values.
    """
    x = _clean(values, k)
    lo, hi = float(x[0]), float(x[-1])
    if lo == hi:
        return _one_value("equal_interval", k, lo)
    m = min(int(k), int(np.count_nonzero(x[1:] != x[:-1])) + 1)
    bounds = lo + np.arange(m + 1) * ((hi - lo) / m)
    bounds[-1] = hi
    return _make("equal_interval", k, bounds)


def compute_breaks(values: object, k: int, method: str) -> Breaks:
    """Dispatch on ``method``, one of :data:`METHODS` (natural_breaks, quantile, equal_interval)."""
    if method == "natural_breaks":
        return natural_breaks(values, k)
    if method == "quantile":
        return quantile_breaks(values, k)
    if method == "equal_interval":
        return equal_interval_breaks(values, k)
    raise ValueError(f"unknown classification method {method!r}; expected one of {METHODS}")


def classify(values: object, breaks: Breaks) -> np.ndarray:
    """Class number 1..k of each value (int array, same shape), 0 for NaN.

    A value equal to an inner bound belongs to the lower class (as in jenkspy); values below the
    minimum fall in class 1 and values above the maximum in class k.
    """
    x = np.asarray(values, dtype=np.float64)
    inner = np.asarray(breaks.breaks[1:-1], dtype=np.float64)
    out = np.searchsorted(inner, x, side="left").astype(np.int64) + 1
    out[np.isnan(x)] = 0
    return out
