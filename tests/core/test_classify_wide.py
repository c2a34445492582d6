"""Natural breaks on wide-ranging data (issue 13): never a crash, the exact optimum.

Optimality is checked against brute force in exact rational arithmetic (every contiguous
partition of the distinct values, SSE as ``Fraction``) and against reference implementations:
jenkspy (O(k n^2), small n) and ckwrap (Ckmeans.1d.dp's C++, when installed). The data are
log-uniform over 1e-12…1e12, log-normal, heavily tied and offset by 1e9.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest

from battery_recycling_atlas.core.mismatch.classify import classify, natural_breaks


def _data(rng: np.random.Generator, n: int, kind: int) -> np.ndarray:
    if kind == 0:  # log-uniform over 24 decades
        return 10.0 ** rng.uniform(-12.0, 12.0, n)
    if kind == 1:  # heavy ties among log-uniform values
        return rng.choice(10.0 ** rng.uniform(-12.0, 12.0, max(1, n // 5)), n)
    if kind == 2:
        return rng.lognormal(0.0, 3.0, n)
    if kind == 3:  # small integers: ties everywhere
        return np.round(rng.uniform(0.0, 10.0, n))
    return 1e9 + rng.uniform(0.0, 1.0, n)  # a large offset


def _exact_sse(groups: list[np.ndarray]) -> Fraction:
    """Within-class sum of squares in exact rational arithmetic (floats are exact rationals)."""
    total = Fraction(0)
    for g in groups:
        values = [Fraction(float(v)) for v in g]
        mean = sum(values, Fraction(0)) / len(values)
        total += sum(((v - mean) ** 2 for v in values), Fraction(0))
    return total


def _brute_force(x: np.ndarray, k: int) -> Fraction:
    """Least exact SSE over every partition of the distinct values into min(k, d) runs."""
    xs = np.sort(x)
    u = np.unique(xs)
    m = min(k, u.size)
    best = None
    for cuts in itertools.combinations(range(1, u.size), m - 1):
        edges = (0, *cuts, u.size)
        groups = [xs[(xs >= u[a]) & (xs <= u[b - 1])] for a, b in zip(edges, edges[1:])]
        sse = _exact_sse(groups)
        best = sse if best is None or sse < best else best
    return best


def _groups(x: np.ndarray, labels: np.ndarray) -> list[np.ndarray]:
    return [x[labels == c] for c in np.unique(labels)]


def _sse(x: np.ndarray, labels: np.ndarray) -> float:
    """Within-class SSE, each class centred on its own mean and summed with fsum."""
    total = 0.0
    for g in _groups(x, labels):
        mean = math.fsum(g) / g.size
        total += math.fsum((g - mean) ** 2)
    return total


@pytest.mark.parametrize(
    ("x", "k", "sizes"),
    [
        # class sizes from ckwrap 1.2.3 (Ckmeans.1d.dp), as quoted in issue 13
        (np.geomspace(1e-6, 1e6, 45), 3, [42, 2, 1]),
        (np.geomspace(1.0, 1e12, 30), 4, [27, 1, 1, 1]),
        (np.geomspace(1.0, 1e8, 340), 5, [292, 22, 12, 8, 6]),
        (np.random.default_rng(0).lognormal(0.0, 3.0, 100_000), 3, [99969, 30, 1]),
    ],
)
def test_issue_cases_classify_like_ckmeans(x, k, sizes):
    labels = classify(x, natural_breaks(x, k))
    assert np.bincount(labels)[1:].tolist() == sizes


def test_issue_case_is_the_brute_force_optimum():
    x = np.geomspace(1e-6, 1e6, 45)
    labels = classify(x, natural_breaks(x, 3))
    assert _exact_sse(_groups(x, labels)) == _brute_force(x, 3)


@pytest.mark.parametrize("seed", range(6))
def test_exact_optimum_against_rational_brute_force(seed):
    rng = np.random.default_rng(1300 + seed)
    for case in range(60):
        n = int(rng.integers(2, 11))
        k = int(rng.integers(2, 11))
        x = _data(rng, n, case % 5)
        labels = classify(x, natural_breaks(x, k))
        assert _exact_sse(_groups(x, labels)) == _brute_force(x, k), (x.tolist(), k)


@pytest.mark.parametrize("kind", range(5))
def test_optimum_against_jenkspy(kind):
    jenkspy = pytest.importorskip("jenkspy", reason="jenkspy is the small-n reference")
    rng = np.random.default_rng(1310 + kind)
    for _ in range(8):
        n = int(rng.integers(20, 600))
        k = int(rng.integers(2, 11))
        x = _data(rng, n, kind)
        if np.unique(x).size <= k:
            continue
        ours = classify(x, natural_breaks(x, k))
        ref = classify(x, _as_breaks(jenkspy.jenks_breaks(x, n_classes=k)))
        assert _sse(x, ours) <= _sse(x, ref) * (1 + 1e-12), (n, k)


def _as_breaks(bounds):
    from battery_recycling_atlas.core.mismatch.classify import Breaks

    bounds = tuple(float(b) for b in bounds)
    return Breaks("reference", len(bounds) - 1, len(bounds) - 1, bounds)


@pytest.mark.parametrize("n", [2, 3, 17, 500, 20_000, 100_000])
def test_optimum_against_ckmeans(n):
    ckwrap = pytest.importorskip("ckwrap", reason="ckwrap (Ckmeans.1d.dp C++) is the reference")
    rng = np.random.default_rng(1320 + n)
    for kind in range(5):
        for k in (2, 3, 5, 10):
            x = _data(rng, n, kind)
            if np.unique(x).size <= k:
                continue
            ours = classify(x, natural_breaks(x, k))
            ref = np.asarray(ckwrap.ckmeans(x, k).labels)
            assert _sse(x, ours) <= _sse(x, ref) * (1 + 1e-12), (n, kind, k)


@pytest.mark.parametrize("seed", range(4))
def test_never_fails_on_finite_wide_data(seed):
    rng = np.random.default_rng(1330 + seed)
    for _ in range(25):
        n = int(10 ** rng.uniform(0.3, 4.5))
        k = int(rng.integers(2, 11))
        x = _data(rng, n, int(rng.integers(5)))
        b = natural_breaks(x, k)
        labels = classify(x, b)
        assert b.k == min(k, np.unique(x).size)
        assert np.unique(labels).size == b.k
