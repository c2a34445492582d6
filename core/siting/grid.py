"""Regular grids in a projected CRS, radial kernels and their FFT convolution.

Shared by ``profit_surface`` (:mod:`.surface`). Coordinates are metres in a projected CRS (an
Albers equal-area conic for China); kernel distances are in km.

Grid convention (GDAL's north-up geotransform): ``x0, y0`` is the upper-left corner, row 0 is the
top row, cell ``(row, col)`` spans x ∈ [x0 + col·p, x0 + (col+1)·p) and y ∈ (y0 − (row+1)·p,
y0 − row·p] and its centre is ``(x0 + (col + ½)·p, y0 − (row + ½)·p)``.

Convolution. A radial kernel k(d) with support d ≤ R is sampled at cell offsets (R in whole
pixels ``rp = ⌊R/p⌋``); the sum Σ_i s_i·k(d_i) over a grid of sources is a 2-D convolution, done
with real FFTs (scipy.fft, all cores). :func:`convolve_block` convolves a block of sources onto a
block of output cells anywhere relative to it, with the smallest circular size that has no
wrap-around in the output: per axis L ≥ max(b − c, e − a) + rp for sources on [a, b) and outputs
on [c, e) (with the sources cropped to the outputs ± rp), so a whole grid with its supply inside
costs (n + rp) per axis, not the (n + 2·rp) of a "full" linear convolution. The kernel is even in
both axes, so its spectrum is real and is computed with two type-I DCTs of the kernel's quarter
(only its rp + 1 non-zero rows are transformed along the first axis), about a quarter of the
cost of a 2-D FFT; spectra are cached per FFT shape.

Precision: float32 (default of :mod:`.surface`) or float64. The round-off of an FFT convolution
is absolute, a small multiple of eps·Σ|s|·max|k| spread over every cell: :func:`noise_floor`
gives a bound, and callers treat values below it as zero.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.fft as sfft
from numpy.typing import ArrayLike, DTypeLike

from .arrays import zeros
from .validation import Array, FloatArray, IntArray

__all__ = [
    "DECAYS",
    "FALLBACK_MEMORY_BYTES",
    "MEMORY_FRACTION",
    "GridSpec",
    "RadialKernel",
    "available_memory_bytes",
    "convolve_block",
    "convolve_region",
    "decay_weight",
    "default_memory_budget",
    "fft_shape",
    "nice_pixel_size",
    "noise_floor",
]

#: Distance decay of the catchment weight w(d), in the order of the ``DECAY`` enumeration:
#: ``none`` w = 1, ``linear`` w = 1 − d/R, ``exponential`` w = exp(−3·d/R); all cut at d > R.
DECAYS: tuple[str, ...] = ("none", "linear", "exponential")

#: Share of the available memory a default budget may use.
MEMORY_FRACTION = 0.5
#: Budget when the available memory cannot be read (bytes).
FALLBACK_MEMORY_BYTES = 2 * 1024**3

#: Relative tolerance on "d ≤ R" so that points exactly on the radius count as inside.
EDGE_RTOL = 1e-9


@dataclass(frozen=True)
class GridSpec:
    """A north-up grid: upper-left corner ``x0, y0`` (m), square ``pixel`` size (m), ``ncols``
    columns and ``nrows`` rows. Arrays on it have shape ``(nrows, ncols)``."""

    x0: float
    y0: float
    pixel: float
    ncols: int
    nrows: int

    def __post_init__(self) -> None:
        for name in ("x0", "y0", "pixel"):
            value = getattr(self, name)
            try:
                number = float(value)
            except (TypeError, ValueError):
                raise ValueError(f"grid {name} must be a number, got {value!r}") from None
            if not math.isfinite(number):
                raise ValueError(f"grid {name} must be finite, got {value!r}")
            object.__setattr__(self, name, number)
        if self.pixel <= 0:
            raise ValueError(f"grid pixel size must be > 0 m, got {self.pixel!r}")
        for name in ("ncols", "nrows"):
            value = getattr(self, name)
            if isinstance(value, bool) or int(value) != value or int(value) < 1:
                raise ValueError(f"grid {name} must be an integer >= 1, got {value!r}")
            object.__setattr__(self, name, int(value))

    @classmethod
    def from_extent(
        cls, xmin: float, ymin: float, xmax: float, ymax: float, pixel: float
    ) -> GridSpec:
        """The grid of ``pixel``-sized cells anchored at (xmin, ymax) that covers the extent
        (the last row and column may reach past xmax / below ymin)."""
        if not (xmax >= xmin and ymax >= ymin):
            raise ValueError(f"empty extent ({xmin}, {ymin}, {xmax}, {ymax})")
        ncols = max(1, int(math.ceil((xmax - xmin) / pixel - 1e-9)))
        nrows = max(1, int(math.ceil((ymax - ymin) / pixel - 1e-9)))
        return cls(xmin, ymax, pixel, ncols, nrows)

    @property
    def shape(self) -> tuple[int, int]:
        """``(nrows, ncols)``."""
        return (self.nrows, self.ncols)

    @property
    def size(self) -> int:
        """Number of cells."""
        return self.nrows * self.ncols

    @property
    def extent(self) -> tuple[float, float, float, float]:
        """``(xmin, ymin, xmax, ymax)`` in metres."""
        return (
            self.x0,
            self.y0 - self.nrows * self.pixel,
            self.x0 + self.ncols * self.pixel,
            self.y0,
        )

    @property
    def geotransform(self) -> tuple[float, float, float, float, float, float]:
        """GDAL geotransform ``(x0, p, 0, y0, 0, −p)``."""
        return (self.x0, self.pixel, 0.0, self.y0, 0.0, -self.pixel)

    def col_of(self, x: ArrayLike) -> IntArray:
        """Column index (int64, may be outside 0..ncols−1) of each x (m)."""
        cols: IntArray = np.floor((np.asarray(x, dtype=np.float64) - self.x0) / self.pixel).astype(
            np.int64
        )
        return cols

    def row_of(self, y: ArrayLike) -> IntArray:
        """Row index (int64, may be outside 0..nrows−1) of each y (m)."""
        rows: IntArray = np.floor((self.y0 - np.asarray(y, dtype=np.float64)) / self.pixel).astype(
            np.int64
        )
        return rows

    def x_of(self, col: ArrayLike) -> FloatArray:
        """x (m) of the centre of each column."""
        return self.x0 + (np.asarray(col, dtype=np.float64) + 0.5) * self.pixel

    def y_of(self, row: ArrayLike) -> FloatArray:
        """y (m) of the centre of each row."""
        return self.y0 - (np.asarray(row, dtype=np.float64) + 0.5) * self.pixel

    def with_pixel(self, pixel: float) -> GridSpec:
        """The grid over the same extent with another pixel size (same upper-left corner)."""
        xmin, ymin, xmax, ymax = self.extent
        return GridSpec.from_extent(xmin, ymin, xmax, ymax, pixel)


def decay_weight(d_km: Array, radius_km: float, decay: str) -> Array:
    """w(d) for distances in km (0 beyond the radius): see :data:`DECAYS`."""
    d = np.asarray(d_km, dtype=np.float64)
    inside = d <= radius_km * (1.0 + EDGE_RTOL)
    if decay == "none":
        w = np.ones_like(d)
    elif decay == "linear":
        w = np.clip(1.0 - d / radius_km, 0.0, 1.0)
    elif decay == "exponential":
        w = np.exp(-3.0 * d / radius_km)
    else:
        raise ValueError(f"decay must be one of {DECAYS}, got {decay!r}")
    return np.where(inside, w, 0.0)


def radius_cells(radius_km: float, pixel_km: float) -> int:
    """The kernel's support half-width in cells, ⌊R/pixel⌋ (with the edge tolerance), without
    building the kernel (the memory guard needs it for grids far too large to allocate)."""
    return int(math.floor(float(radius_km) / float(pixel_km) * (1.0 + EDGE_RTOL)))


class RadialKernel:
    """A decay kernel sampled on cell offsets: ``quarter[dy, dx]`` = w(d) for dy, dx ≥ 0 with
    d = pixel_km·√(dx² + dy²), and ``quarter_d`` = w(d)·d (km). ``rp`` = ⌊R/pixel⌋ is the
    support half-width in cells."""

    def __init__(self, radius_km: float, pixel_km: float, decay: str) -> None:
        if not (radius_km > 0 and pixel_km > 0):
            raise ValueError("radius and pixel must be > 0")
        self.radius_km = float(radius_km)
        self.pixel_km = float(pixel_km)
        self.decay = decay
        self.rp = radius_cells(self.radius_km, self.pixel_km)
        off = np.arange(self.rp + 1, dtype=np.float64)
        d = np.hypot(off[:, None], off[None, :]) * self.pixel_km
        self.quarter = decay_weight(d, self.radius_km, decay)
        self.quarter_d = self.quarter * d
        self._spectra: dict[tuple[int, int, int, str], Array] = {}

    def full(self, with_distance: bool = False) -> Array:
        """The whole (2·rp + 1)² kernel, centre at [rp, rp]."""
        q = self.quarter_d if with_distance else self.quarter
        half = np.concatenate([q[:0:-1], q], axis=0)
        return np.concatenate([half[:, :0:-1], half], axis=1)

    def spectrum(self, shape: tuple[int, int], with_distance: bool, dtype: DTypeLike) -> Array:
        """Rows 0..L0/2 of the real spectrum of the kernel wrapped around the origin of an
        ``L0 × L1`` array (both even, each > 2·rp): shape ``(L0 // 2 + 1, L1 // 2 + 1)``; the
        other rows mirror them (row u = row L0 − u). Equal to ``rfft2`` of the wrapped kernel,
        see :func:`full_spectrum`. Cached per shape."""
        dtype = np.dtype(dtype)
        key = (shape[0], shape[1], int(with_distance), dtype.str)
        cached = self._spectra.get(key)
        if cached is not None:
            return cached
        l0, l1 = shape
        if l0 % 2 or l1 % 2 or l0 <= 2 * self.rp or l1 <= 2 * self.rp:
            raise ValueError(f"FFT shape {shape} must be even and > 2·{self.rp}")
        q = (self.quarter_d if with_distance else self.quarter).astype(dtype)
        h0, h1 = l0 // 2 + 1, l1 // 2 + 1
        rows = np.zeros((q.shape[0], h1), dtype=dtype)
        rows[:, : q.shape[1]] = q
        rows = sfft.dct(rows, type=1, axis=1, workers=-1)
        half = np.zeros((h0, h1), dtype=dtype)
        half[: q.shape[0]] = rows
        half = sfft.dct(half, type=1, axis=0, workers=-1, overwrite_x=True)
        self._spectra[key] = half
        return np.asarray(half)

    def full_spectrum(
        self,
        shape: tuple[int, int],
        with_distance: bool,
        dtype: DTypeLike = np.float64,
    ) -> Array:
        """The whole ``(L0, L1 // 2 + 1)`` spectrum (for checks; the convolution uses halves)."""
        half = self.spectrum(shape, with_distance, dtype)
        return np.concatenate([half, half[half.shape[0] - 2 : 0 : -1]], axis=0)

    def clear_cache(self) -> None:
        """Drop the cached spectra."""
        self._spectra.clear()


def _even_fast_len(n: int) -> int:
    length = int(sfft.next_fast_len(max(int(n), 2), real=True))
    while length % 2:
        length = int(sfft.next_fast_len(length + 1, real=True))
    return length


def fft_shape(
    src_box: tuple[int, int, int, int], out_box: tuple[int, int, int, int], rp: int
) -> tuple[int, int]:
    """FFT shape for sources on rows [r0, r1) × cols [c0, c1) (``src_box`` = (r0, r1, c0, c1))
    and outputs on ``out_box`` (each within the other padded by rp): per axis the even fast
    length ≥ max(b − c, e − a) + rp and > 2·rp."""
    shape = []
    for a, b, c, e in (
        (src_box[0], src_box[1], out_box[0], out_box[1]),
        (src_box[2], src_box[3], out_box[2], out_box[3]),
    ):
        shape.append(_even_fast_len(max(max(b - c, e - a) + rp, 2 * rp + 2)))
    return (shape[0], shape[1])


def _multiply(spec: Array, half: Array, out: Array) -> None:
    """out = spec × (half spectrum mirrored to the full height)."""
    h0 = half.shape[0]
    np.multiply(spec[:h0], half, out=out[:h0])
    np.multiply(spec[h0:], half[h0 - 2 : 0 : -1], out=out[h0:])


def convolve_region(
    src: Array | tuple[Array, Array, Array],
    src_origin: tuple[int, int],
    out_box: tuple[int, int, int, int],
    kernel: RadialKernel,
    which: Sequence[bool] = (False,),
    dtype: DTypeLike = np.float32,
) -> tuple[tuple[int, int, int, int] | None, list[Array]]:
    """Like :func:`convolve_block`, but returns ``(box, views)``: ``box`` (r0, r1, c0, c1) is
    the part of ``out_box`` that sources can reach (None if nothing: all zero) and ``views``
    the sums there, views into the FFT results (no copy)."""
    rp = kernel.rp
    # Sources that can reach the output box, and output cells that sources can reach.
    if isinstance(src, tuple):
        rows, cols, values = (np.asarray(a) for a in src)
        keep = (
            (rows >= out_box[0] - rp)
            & (rows < out_box[1] + rp)
            & (cols >= out_box[2] - rp)
            & (cols < out_box[3] + rp)
            & (values != 0)
        )
        rows, cols, values = rows[keep], cols[keep], values[keep]
        if rows.size == 0:
            return None, []
        lo_r, hi_r = int(rows.min()), int(rows.max()) + 1
        lo_c, hi_c = int(cols.min()), int(cols.max()) + 1
    else:
        sr0, sc0 = src_origin
        lo_r, hi_r = max(sr0, out_box[0] - rp), min(sr0 + src.shape[0], out_box[1] + rp)
        lo_c, hi_c = max(sc0, out_box[2] - rp), min(sc0 + src.shape[1], out_box[3] + rp)
    r0, r1 = max(out_box[0], lo_r - rp), min(out_box[1], hi_r + rp)
    c0, c1 = max(out_box[2], lo_c - rp), min(out_box[3], hi_c + rp)
    if hi_r <= lo_r or hi_c <= lo_c or r1 <= r0 or c1 <= c0:
        return None, []
    shape = fft_shape((lo_r, hi_r, lo_c, hi_c), (r0, r1, c0, c1), rp)
    o_r, o_c = min(lo_r, r0), min(lo_c, c0)
    buf = zeros(shape, dtype=dtype)
    if isinstance(src, tuple):
        np.add.at(buf, (rows - o_r, cols - o_c), values.astype(dtype))
    else:
        buf[lo_r - o_r : hi_r - o_r, lo_c - o_c : hi_c - o_c] = src[
            lo_r - sr0 : hi_r - sr0, lo_c - sc0 : hi_c - sc0
        ]
    spec = sfft.rfft2(buf, workers=-1, overwrite_x=True)
    del buf
    crop = (slice(r0 - o_r, r1 - o_r), slice(c0 - o_c, c1 - o_c))
    views = []
    product: Array | None = None
    for k, with_distance in enumerate(which):
        half = kernel.spectrum(shape, with_distance, dtype)
        if k == len(which) - 1:
            product, spec = spec, None  # the last product may overwrite the spectrum
        elif product is None:
            product = np.empty_like(spec)
        _multiply(product if spec is None else spec, half, product)
        views.append(sfft.irfft2(product, s=shape, workers=-1, overwrite_x=True)[crop])
    return (r0, r1, c0, c1), views


def convolve_block(
    src: Array | tuple[Array, Array, Array],
    src_origin: tuple[int, int],
    out_box: tuple[int, int, int, int],
    kernel: RadialKernel,
    which: Sequence[bool] = (False,),
    dtype: DTypeLike = np.float32,
    copy: bool = True,
) -> list[Array]:
    """Convolve sources with the kernel onto output cells; one array per entry of ``which``
    (False: Σ s·w, True: Σ s·w·d in s-units·km).

    ``src`` is either a 2-D array of sources whose upper-left cell is at ``src_origin`` (row,
    col) of a common index space, or sparse sources ``(rows, cols, values)`` given by their
    cells in that space (``src_origin`` ignored; several values in one cell add up).
    ``out_box`` = (r0, r1, c0, c1) are the output rows and columns in that space (half-open).
    Sources farther than ``kernel.rp`` cells outside the output box are ignored. Returns arrays
    of shape (r1 − r0, c1 − c0) in ``dtype`` (exact up to FFT round-off); with ``copy=False``
    they may be views into the larger FFT result (saves a copy of each).
    """
    out_shape = (out_box[1] - out_box[0], out_box[3] - out_box[2])
    box, views = convolve_region(src, src_origin, out_box, kernel, which, dtype)
    if box is None:
        return [zeros(out_shape, dtype=dtype) for _ in which]
    if box == tuple(out_box):
        return views if not copy else [np.array(v, dtype=dtype) for v in views]
    target = (
        slice(box[0] - out_box[0], box[1] - out_box[0]),
        slice(box[2] - out_box[2], box[3] - out_box[2]),
    )
    results = []
    for view in views:
        out = zeros(out_shape, dtype=dtype)
        out[target] = view
        results.append(out)
    return results


def noise_floor(
    total_abs: float, kernel_max: float, shape: tuple[int, int], dtype: np.dtype[Any]
) -> float:
    """Bound on the absolute FFT round-off of one convolution: ¼·eps·log2(L0·L1)·Σ|s|·max|k|.

    Measured on all of China at 1 km (654 kt on 2,891 points, R 300 km, float32 against
    float64): largest error 0.025 t/yr, 0.32·eps·Σs; the bound there is 0.49 t/yr."""
    eps = float(np.finfo(np.dtype(dtype)).eps)
    return 0.25 * eps * math.log2(max(shape[0] * shape[1], 2)) * total_abs * kernel_max


def available_memory_bytes() -> int | None:
    """Available physical memory: ``os.sysconf``'s free pages (None where they cannot be
    read), raised to Linux's ``MemAvailable`` (free memory plus the page cache that can be
    reclaimed) where /proc/meminfo has it: free pages alone understate the memory a
    computation can use badly after large files were read or written."""
    try:
        pages = os.sysconf("SC_AVPHYS_PAGES")
        size = os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None
    if pages <= 0 or size <= 0:
        return None
    free = int(pages) * int(size)
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return max(free, int(line.split()[1]) * 1024)
    except (OSError, ValueError, IndexError):
        pass
    return free


def default_memory_budget() -> int:
    """:data:`MEMORY_FRACTION` of the available memory, or :data:`FALLBACK_MEMORY_BYTES`."""
    avail = available_memory_bytes()
    return int(avail * MEMORY_FRACTION) if avail else FALLBACK_MEMORY_BYTES


def nice_pixel_size(minimum: float) -> float:
    """Smallest 1, 2, 2.5 or 5 × 10^k (metres) that is ≥ ``minimum``."""
    if not (minimum > 0 and math.isfinite(minimum)):
        raise ValueError(f"pixel size must be > 0, got {minimum!r}")
    exp = math.floor(math.log10(minimum))
    for _ in range(3):
        for step in (1.0, 2.0, 2.5, 5.0):
            value = step * 10.0**exp
            if value >= minimum * (1 - 1e-12):
                return float(f"{value:.12g}")
        exp += 1
    return float(minimum)  # pragma: no cover - unreachable
