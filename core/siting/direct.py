"""Direct accumulation of radial kernels around few sources: the sparse counterpart of the FFT
convolutions of :mod:`.grid`, and the Huff market-share weights of ``profit_surface``.

Each source adds its value times the kernel stamp (the (2·rp + 1)² cells around its cell) to
the output cells it reaches, as QGIS's Heatmap does: the cost follows the number of sources ×
the stamp, where an FFT's follows the grid. :func:`convolve_direct` returns the same sums as
:func:`.grid.convolve_region` (exactly, where the FFT has round-off); :func:`choose_method`
picks the cheaper of the two.

Huff weights. With ``huff`` given, source i's stamp is multiplied by the share a new plant of
attraction A(d) = C^α·max(d, d_min)^−β at distance d (km) wins against the existing plants'
pull D_i = Σ_j C_j^α·max(d_ij, d_min)^−β on that source: A/(A + D_i) =
1 / (1 + D_i·max(d, d_min)^β / C^α) (1 where D_i = 0). ``d_min`` keeps a plant in the source's
own cell at a finite attraction (see :mod:`.huff`).
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
from numpy.typing import DTypeLike

from .grid import RadialKernel, fft_shape
from .validation import Array

__all__ = [
    "HuffWeights",
    "choose_method",
    "convolve_direct",
    "direct_cost",
    "fft_cost",
    "in_bands",
    "threads",
]

#: Seconds per stamp cell and kernel of the direct sum, and per FFT element·log2 of the FFT
#: path (one forward and one inverse real transform per kernel), measured on the 2-core
#: benchmark machine (0.3.1: 100 to 2,891 county points over China at 1 km, R 300 km; the
#: direct sums took 0.05 to 0.6 s, the FFT 0.3 to 0.58 s): only their ratio matters.
_DIRECT_S_PER_CELL = 5.1e-10
_FFT_S_PER_ELEMENT_LOG = 1.9e-10
#: Disc sums by runs: seconds per output cell (filling and the cumulative sum) and per run.
_RUN_S_PER_CELL = 1.5e-9
_RUN_S_PER_RUN = 3.3e-8
#: Fewest output rows per thread.
MIN_BAND_ROWS = 64


@dataclass(frozen=True)
class HuffWeights:
    """Competing pull per source ``pull`` (Σ_j C_j^α·d_ij^−β, km^−β), the new plant's C^α
    ``own`` and the exponent ``beta``, with distances floored at ``min_distance_km``."""

    pull: Array
    own: float
    beta: float
    min_distance_km: float


def direct_cost(
    n_sources: int, rp: int, n_kernels: int, n_cells: int = 0, disc: bool = False
) -> float:
    """Estimated seconds of :func:`convolve_direct` for ``n_sources`` distinct cells onto
    ``n_cells`` output cells; ``disc``: the first kernel is a plain disc (no decay)."""
    stamp = n_sources * (2 * rp + 1) ** 2 * _DIRECT_S_PER_CELL
    if disc:
        return min(stamp, _disc_cost(n_sources, rp, n_cells)) + (n_kernels - 1) * stamp
    return n_kernels * stamp


def _disc_cost(n_sources: int, rp: int, n_cells: int) -> float:
    return n_cells * _RUN_S_PER_CELL + n_sources * (2 * rp + 1) * _RUN_S_PER_RUN


def fft_cost(shape: tuple[int, int], n_kernels: int) -> float:
    """Estimated seconds of the FFT convolution on an FFT array of ``shape``."""
    n = shape[0] * shape[1]
    return n * math.log2(max(n, 2)) * (1 + n_kernels) * _FFT_S_PER_ELEMENT_LOG


def choose_method(
    rows: Array,
    cols: Array,
    out_box: tuple[int, int, int, int],
    rp: int,
    n_kernels: int,
    disc: bool = False,
) -> str:
    """``"direct"`` when summing stamps around the distinct source cells is estimated cheaper
    than the FFT over the box they span with the output, else ``"fft"``."""
    if rows.size == 0:
        return "direct"
    n = np.unique(np.asarray(rows, np.int64) * (1 << 32) + np.asarray(cols, np.int64)).size
    src = (int(rows.min()), int(rows.max()) + 1, int(cols.min()), int(cols.max()) + 1)
    r0, r1 = max(out_box[0], src[0] - rp), min(out_box[1], src[1] + rp)
    c0, c1 = max(out_box[2], src[2] - rp), min(out_box[3], src[3] + rp)
    if r1 <= r0 or c1 <= c0:
        return "direct"
    shape = fft_shape(src, (r0, r1, c0, c1), rp)
    cells = (out_box[1] - out_box[0]) * (out_box[3] - out_box[2])
    direct = direct_cost(n, rp, n_kernels, cells, disc)
    return "direct" if direct < fft_cost(shape, n_kernels) else "fft"


def threads() -> int:
    """Worker threads for the row bands: the CPUs this process may use, at most 8."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        n = os.cpu_count() or 1
    return max(1, min(8, n))


def in_bands(work: Callable[[int, int], None], r0: int, r1: int, align: int = 1) -> None:
    """``work(lo, hi)`` over bands of rows [r0, r1), one per thread (numpy releases the GIL
    in its loops, so the bands run side by side), each of at least :data:`MIN_BAND_ROWS`
    rows; bands write disjoint rows. Inner band edges fall on multiples of ``align`` rows
    from ``r0`` (for work done in blocks of that many rows)."""
    n = max(1, min(threads(), (r1 - r0) // max(MIN_BAND_ROWS, align)))
    edges = [r0 + (r1 - r0) * k // n // align * align for k in range(n)] + [r1]
    if n == 1:
        work(r0, r1)
        return
    with ThreadPoolExecutor(n) as pool:
        for future in [pool.submit(work, a, b) for a, b in zip(edges, edges[1:])]:
            future.result()


def _stamps(kernel: RadialKernel, which: Sequence[bool]) -> list[Array]:
    return [kernel.full(with_distance=w) for w in which]


def convolve_direct(
    src: tuple[Array, Array, Array],
    out_box: tuple[int, int, int, int],
    kernel: RadialKernel,
    which: Sequence[bool] = (False,),
    dtype: DTypeLike = np.float32,
    *,
    huff: HuffWeights | None = None,
    labels: Array | None = None,
    src_labels: Array | None = None,
    check: Callable[[], None] | None = None,
) -> list[Array]:
    """Σ_i s_i·k(d_i) over sparse sources ``(rows, cols, values)`` (cells of a common index
    space) onto the output cells ``out_box`` = (r0, r1, c0, c1), one array per entry of
    ``which`` (False: k = w, True: k = w·d with d in km), shape (r1 − r0, c1 − c0), in
    ``dtype`` (summed in it). Sources farther than ``kernel.rp`` cells outside the box add
    nothing.

    ``huff``: multiply each source's stamp by its Huff share (module docstring; ``pull`` has
    one value per source). ``labels`` (int, shape of the box) with ``src_labels`` (one per
    source): a source only reaches output cells whose label equals its own (closed borders).
    ``check()`` is called every 256 sources (it may raise to stop, e.g. on cancellation).
    """
    rows, cols, values = (np.asarray(a) for a in src)
    r0, r1, c0, c1 = out_box
    rp = kernel.rp
    keep = (
        (rows >= r0 - rp) & (rows < r1 + rp) & (cols >= c0 - rp) & (cols < c1 + rp) & (values != 0)
    )
    rows, cols = rows[keep].astype(np.int64), cols[keep].astype(np.int64)
    values = values[keep].astype(np.float64)
    pull = huff.pull[keep] if huff is not None else None
    own = src_labels[keep] if src_labels is not None else None
    if huff is None and own is None and rows.size:  # sources sharing a cell add up first
        key = (rows - (r0 - rp)) * (c1 - c0 + 2 * rp + 1) + (cols - (c0 - rp))
        uniq, inv = np.unique(key, return_inverse=True)
        values = np.bincount(inv, weights=values)
        rows = uniq // (c1 - c0 + 2 * rp + 1) + (r0 - rp)
        cols = uniq % (c1 - c0 + 2 * rp + 1) + (c0 - rp)
    dt = np.dtype(dtype)
    results: list[Array | None] = [None] * len(which)
    cells = (r1 - r0) * (c1 - c0)
    stamp = rows.size * (2 * rp + 1) ** 2 * _DIRECT_S_PER_CELL
    if (
        huff is None
        and own is None
        and kernel.decay == "none"  # w is 1 on a disc: runs
        and _disc_cost(rows.size, rp, cells) < stamp
    ):
        for k, with_distance in enumerate(which):
            if not with_distance:
                results[k] = _disc_sum(rows, cols, values, out_box, kernel, dt)
    todo = [k for k in range(len(which)) if results[k] is None]
    outs = [np.empty((r1 - r0, c1 - c0), dtype=dt) for _ in todo]  # zeroed by the bands
    stamps = [s.astype(dt) for s in _stamps(kernel, [which[k] for k in todo])]
    if not todo:
        return [r for r in results if r is not None]
    dpow = None
    if huff is not None:
        off = np.arange(-rp, rp + 1, dtype=np.float64)
        dist = np.hypot(off[:, None], off[None, :]) * kernel.pixel_km
        dpow = np.maximum(dist, huff.min_distance_km) ** huff.beta / huff.own

    def band(lo: int, hi: int) -> None:
        """Sources onto the output rows [lo, hi) of the box (one thread's share), zeroed
        first by this thread."""
        for out in outs:
            out[lo - r0 : hi - r0].fill(0)
        tmp = np.empty_like(stamps[0])
        for n, k in enumerate(np.flatnonzero((rows + rp >= lo) & (rows - rp < hi))):
            if check is not None and n % 256 == 255:
                check()
            r, c = int(rows[k]), int(cols[k])
            a0, a1 = max(r - rp, lo), min(r + rp + 1, hi)
            b0, b1 = max(c - rp, c0), min(c + rp + 1, c1)
            sub = (slice(a0 - r + rp, a1 - r + rp), slice(b0 - c + rp, b1 - c + rp))
            win = (slice(a0 - r0, a1 - r0), slice(b0 - c0, b1 - c0))
            t = tmp[sub]
            factor = None
            if pull is not None and dpow is not None and pull[k] > 0:
                factor = 1.0 / (1.0 + pull[k] * dpow[sub])
            if own is not None and labels is not None:
                mask = labels[win] == own[k]
                factor = mask if factor is None else factor * mask
            for out, stamp in zip(outs, stamps):
                np.multiply(stamp[sub], values[k], out=t)
                if factor is not None:
                    t *= factor
                out[win] += t

    in_bands(band, r0, r1)
    for k, out in zip(todo, outs):
        results[k] = out
    return [r for r in results if r is not None]


def _disc_sum(
    rows: Array,
    cols: Array,
    values: Array,
    out_box: tuple[int, int, int, int],
    kernel: RadialKernel,
    dtype: np.dtype[Any],
) -> Array:
    """Σ s over sources whose disc (the kernel's non-zero cells) covers each output cell, as
    runs along the rows: +s where a run starts, −s after it ends, a cumulative sum per row
    in ``dtype`` (where the runs end they cancel to round-off, a few eps × the supply, like
    the FFT's). One source's runs lie in distinct rows, so its marks are added with one
    indexed ``+=`` each (no sort of all the marks)."""
    r0, r1, c0, c1 = out_box
    width = c1 - c0
    full = np.empty((r1 - r0, width), dtype=dtype)
    in_bands(lambda lo, hi: full[lo - r0 : hi - r0].fill(0), r0, r1)  # zeroed on every core
    if rows.size == 0:
        return full
    rp = kernel.rp
    half = (kernel.quarter > 0).sum(axis=1) - 1  # run half-width per |dy| (−1: none)
    dy = np.arange(-rp, rp + 1)
    hw = half[np.abs(dy)]
    flat = full.reshape(-1)
    for r, c, value in zip(rows.tolist(), cols.tolist(), values.tolist()):
        rr = r + dy
        lo = np.maximum(c - hw, c0)
        hi = np.minimum(c + hw + 1, c1)
        ok = (rr >= r0) & (rr < r1) & (hw >= 0) & (lo < hi)
        base = (rr[ok] - r0) * width - c0
        flat[base + lo[ok]] += value
        hi = hi[ok]
        ends = hi < c1  # a run reaching the last column needs no −s
        flat[(base + hi)[ends]] -= value

    def band(lo: int, hi: int) -> None:
        np.cumsum(full[lo - r0 : hi - r0], axis=1, out=full[lo - r0 : hi - r0])

    in_bands(band, r0, r1)
    return full
