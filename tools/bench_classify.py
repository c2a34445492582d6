"""Benchmark: exact natural breaks (core.classify) against jenkspy and Ckmeans.1d.dp (ckwrap).

Times ``natural_breaks``, ``jenkspy.jenks_breaks`` and ``ckwrap.ckmeans`` (the C++ of
Ckmeans.1d.dp, when installed) on seeded log-normal values (skewed like the plugin's volumes)
and on log-uniform values over 1e-12…1e12 (``--wide``) at n = 1e3, 2e4, 1e5, 1e6 with k = 5:
best of N wall-clock runs, best CPU time (wall time inflates when other processes share the
cores) and the peak of numpy/Python allocations (tracemalloc, one extra run). The
implementations run in turn within each repeat, so they see the same machine load. jenkspy is
O(k n^2), so it runs only up to n = 20,000. Where several ran, the partitions must agree: the
within-class sum of squares of each must be within 1e-9 (relative) of the least one.

    python tools/bench_classify.py [--repeat 3] [--k 5] [--sizes 1000 20000 100000 1000000]

``tools/benchmark.py`` folds the same measurements into its table through :func:`rows`.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "pkg"
if not (BUILD / "battery_recycling_atlas").exists():
    BUILD.mkdir(parents=True, exist_ok=True)
    (BUILD / "battery_recycling_atlas").symlink_to(ROOT, target_is_directory=True)
if str(BUILD) not in sys.path:
    sys.path.insert(0, str(BUILD))

from battery_recycling_atlas.core.mismatch.classify import natural_breaks

SIZES = (1_000, 20_000, 100_000, 1_000_000)
JENKSPY_MAX_N = 20_000  # O(k n^2): about 2 s at 20,000 values, 40 s at 100,000
SEED = 20240601


def data(n: int, wide: bool = False) -> np.ndarray:
    """Seeded log-normal values, or log-uniform over 1e-12…1e12 with ``wide``."""
    rng = np.random.default_rng(SEED + n)
    if wide:
        return 10.0 ** rng.uniform(-12.0, 12.0, n)
    return rng.lognormal(mean=6.0, sigma=1.0, size=n)


def sse(x: np.ndarray, bounds: tuple[float, ...]) -> float:
    """Within-class sum of squares of ``x`` classed by ``bounds`` (each class centred, fsum)."""
    import math

    inner = np.asarray(bounds[1:-1])
    cls = np.searchsorted(inner, x, side="left")
    total = 0.0
    for c in np.unique(cls):
        g = x[cls == c]
        total += math.fsum((g - math.fsum(g) / g.size) ** 2)
    return total


def ckmeans_bounds(ckwrap, x: np.ndarray, k: int) -> tuple[float, ...]:
    """ckwrap's labels as bounds: min, the largest value of classes 1..k-1, max."""
    labels = np.asarray(ckwrap.ckmeans(x, k).labels)
    tops = [float(x[labels == c].max()) for c in range(k - 1)]
    return (float(x.min()), *tops, float(x.max()))


Case = tuple[str, int, Callable[[], object]]


def cases(k: int = 5, sizes: tuple[int, ...] = SIZES, wide: bool = False) -> list[Case]:
    """(implementation, n, thunk) for every measurement; jenkspy and ckwrap when installed."""
    try:
        import jenkspy
    except ImportError:
        jenkspy = None
    try:
        import ckwrap
    except ImportError:
        ckwrap = None
    out: list[Case] = []
    for n in sizes:
        x = data(n, wide)
        out.append(("core.classify.natural_breaks", n, lambda x=x: natural_breaks(x, k).breaks))
        if ckwrap is not None:
            out.append(("ckwrap (Ckmeans.1d.dp C++)", n, lambda x=x: ckmeans_bounds(ckwrap, x, k)))
        if jenkspy is not None and n <= JENKSPY_MAX_N:
            out.append(
                (
                    f"jenkspy {jenkspy.__version__}",
                    n,
                    lambda x=x: tuple(float(b) for b in jenkspy.jenks_breaks(x, k)),
                )
            )
    return out


def measure(
    fns: list[Callable[[], object]], repeat: int
) -> list[tuple[float, float, float, object]]:
    """For each of ``fns``: best wall-clock and best CPU seconds of ``repeat`` runs, peak traced
    MB of one more run (tracemalloc sees numpy's buffers), and the result. The functions run
    in turn within each repeat, so a change in the machine's load affects them alike."""
    wall, cpu = [float("inf")] * len(fns), [float("inf")] * len(fns)
    results: list[object] = [None] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            start, start_cpu = time.perf_counter(), time.process_time()
            results[i] = fn()
            wall[i] = min(wall[i], time.perf_counter() - start)
            cpu[i] = min(cpu[i], time.process_time() - start_cpu)
    out = []
    for i, fn in enumerate(fns):
        tracemalloc.start()
        fn()
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        out.append((wall[i], cpu[i], peak, results[i]))
    return out


Row = tuple[str, int, int, float, float, float, str]


def run(
    repeat: int = 3, k: int = 5, sizes: tuple[int, ...] = SIZES, wide: bool = False
) -> list[Row]:
    """Rows (implementation, n, k, wall s, CPU s, peak MB, optimality of the partition); the
    implementations of one size are alternated."""
    table, scores = [], []
    all_cases = cases(k, sizes, wide)
    for n in dict.fromkeys(case[1] for case in all_cases):
        same = [case for case in all_cases if case[1] == n]
        for (impl, _n, _fn), (wall, cpu, peak, result) in zip(
            same, measure([case[2] for case in same], repeat)
        ):
            scores.append(sse(data(n, wide), tuple(result)))
            table.append([impl, n, k, wall, cpu, peak, "-"])
    for row, score in zip(table, scores):
        same_n = [s for r, s in zip(table, scores) if r[1] == row[1]]
        if len(same_n) > 1:
            row[6] = "optimal" if score <= min(same_n) * (1 + 1e-9) else "WORSE"
    return [tuple(row) for row in table]


def rows(repeat: int = 3) -> list[tuple[str, str, int, float]]:
    """Rows for tools/benchmark.py: (entry, implementation, n, wall seconds)."""
    return [
        (f"natural breaks, k={k}{', 1e-12…1e12' if wide else ''}", impl, n, wall)
        for wide in (False, True)
        for impl, n, k, wall, _cpu, _peak, _agree in run(repeat, wide=wide)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--wide", action="store_true", help="log-uniform over 1e-12…1e12")
    args = parser.parse_args(argv)
    table = run(args.repeat, args.k, tuple(args.sizes), args.wide)
    print(f"{'method':<30} {'n':>9} {'k':>3} {'seconds':>9} {'cpu s':>7} {'peak MB':>8}  breaks")
    for impl, n, k, wall, cpu, peak, agree in table:
        print(f"{impl:<30} {n:>9} {k:>3} {wall:>9.3f} {cpu:>7.3f} {peak:>8.1f}  {agree}")
    return 1 if any(row[6] == "WORSE" for row in table) else 0


if __name__ == "__main__":
    sys.exit(main())
