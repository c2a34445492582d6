"""Tests for core.classify: exact natural breaks against jenkspy and brute force, quantile,
equal interval, reduction of k, NaN handling and class membership at the bounds."""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest

from battery_recycling_atlas.core.mismatch import classify as cl
from battery_recycling_atlas.core.mismatch.classify import Breaks, classify, natural_breaks


def _sse(values: np.ndarray, bounds) -> float:
    """Total within-class sum of squared deviations of ``values`` classed by ``bounds``."""
    cls = classify(values, Breaks("t", len(bounds) - 1, len(bounds) - 1, tuple(bounds)))
    return float(
        sum(((values[cls == c] - values[cls == c].mean()) ** 2).sum() for c in np.unique(cls))
    )


def _exact_sse(values: np.ndarray, cuts) -> Fraction:
    """Exact SSE of the sorted integer ``values`` cut before each index in ``cuts``."""
    ints = [int(v) for v in values]
    edges = [0, *cuts, len(ints)]
    total = Fraction(0)
    for lo, hi in zip(edges, edges[1:]):
        part = ints[lo:hi]
        total += Fraction(sum(v * v for v in part)) - Fraction(sum(part) ** 2, len(part))
    return total


def _cuts(values: np.ndarray, bounds) -> tuple[int, ...]:
    """Indices of the sorted ``values`` where a new class starts."""
    cls = classify(values, Breaks("t", len(bounds) - 1, len(bounds) - 1, tuple(bounds)))
    return tuple(int(i) for i in np.flatnonzero(np.diff(cls)) + 1)


def _random_case(seed: int) -> tuple[np.ndarray, int, str]:
    rng = np.random.default_rng(seed)
    kind = ("normal", "lognormal", "uniform", "integers")[seed % 4]
    n = int(rng.choice([10, 25, 60, 150, 400, 1000, 2000]))
    k = int(rng.integers(2, 8))
    if kind == "integers":
        x = rng.integers(0, int(rng.integers(8, 40)), n).astype(float)
    else:
        x = getattr(rng, kind)(size=n)
    return x, k, kind


# --- natural breaks against jenkspy --------------------------------------------------------------


@pytest.mark.parametrize("seed", range(48))
def test_natural_breaks_match_jenkspy(seed):
    jenkspy = pytest.importorskip("jenkspy", reason="jenkspy is the small-n reference")
    x, k, kind = _random_case(seed)
    ours = natural_breaks(x, k)
    ref = [float(b) for b in jenkspy.jenks_breaks(x, n_classes=k)]
    assert (ours.k, ours.k_requested, ours.reduced) == (k, k, False)
    assert all(type(b) is float for b in ours.breaks)
    if np.allclose(ours.breaks, ref, rtol=1e-9, atol=0.0):
        return
    # Only an exact tie between two optimal partitions may be broken differently.
    xs = np.sort(x)
    if kind == "integers":
        assert _exact_sse(xs, _cuts(xs, ours.breaks)) == _exact_sse(xs, _cuts(xs, ref))
    else:
        assert _sse(xs, ours.breaks) == pytest.approx(_sse(xs, ref), rel=1e-12)


@pytest.mark.parametrize("repeats", [1, 3, 17])
@pytest.mark.parametrize("k", [2, 3, 4, 5, 7])
def test_integers_0_to_9_repeated_match_jenkspy(repeats, k):
    jenkspy = pytest.importorskip("jenkspy", reason="jenkspy is the small-n reference")
    x = np.tile(np.arange(10.0), repeats)
    ours = natural_breaks(x, k)
    ref = [float(b) for b in jenkspy.jenks_breaks(x, n_classes=k)]
    xs = np.sort(x)
    assert _exact_sse(xs, _cuts(xs, ours.breaks)) == _exact_sse(xs, _cuts(xs, ref))
    # class bounds are data values and equal values are never split between two classes
    assert set(ours.breaks) <= set(range(10))
    assert len(set(ours.breaks[1:])) == k


# --- natural breaks against brute force ---------------------------------------------------------


@pytest.mark.parametrize("seed", range(150))
def test_natural_breaks_are_the_brute_force_optimum(seed):
    rng = np.random.default_rng(1000 + seed)
    n = int(rng.integers(3, 13))
    k = int(rng.integers(2, min(n, 7) + 1))
    if seed % 2:
        x = np.sort(rng.integers(0, int(rng.integers(3, 9)), n).astype(float))
    else:
        x = np.sort(np.round(rng.lognormal(size=n), 3))
    distinct = np.unique(x).size
    result = natural_breaks(rng.permutation(x), k)
    if distinct <= k:
        assert result.k == distinct and result.reduced == (distinct < k)
        return
    partitions = {
        cuts: _exact_sse(np.round(x * 1000), cuts)
        for cuts in itertools.combinations(range(1, n), k - 1)
    }
    best = min(partitions.values())
    ours = _cuts(x, result.breaks)
    assert len(ours) == k - 1
    assert partitions[ours] == best
    optima = [cuts for cuts, sse in partitions.items() if sse == best]
    if len(optima) == 1:
        bounds = [x[0], *(x[c - 1] for c in optima[0]), x[-1]]
        assert result.breaks == tuple(bounds)


def _reference_dp(x: np.ndarray, k: int) -> float:
    """Least SSE by the plain O(k n^2) dynamic programme over the sorted values."""
    c = np.sort(x) - x.mean()
    p1 = np.concatenate(([0.0], np.cumsum(c)))
    p2 = np.concatenate(([0.0], np.cumsum(c * c)))
    n = c.size
    d = p2[1:] - p1[1:] ** 2 / np.arange(1, n + 1)
    for m in range(2, k + 1):
        new = np.full(n, np.inf)
        for start in range(m - 1, n, 256):
            i = np.arange(start, min(n, start + 256))[:, None]
            j = np.arange(i[-1, 0] + 1)[None, :]
            with np.errstate(divide="ignore", invalid="ignore"):
                cost = d[j - 1] + p2[i + 1] - p2[j] - (p1[i + 1] - p1[j]) ** 2 / (i + 1 - j)
            cost[(j > i) | (j < m - 1)] = np.inf
            new[i[:, 0]] = cost.min(axis=1)
        d = new
    return float(d[-1])


@pytest.mark.parametrize("kind", ["normal", "lognormal", "bimodal", "ties"])
@pytest.mark.parametrize("k", [3, 6, 10])
def test_larger_arrays_reach_the_reference_optimum(kind, k):
    rng = np.random.default_rng(k)
    n = 3000
    x = {
        "normal": rng.normal(size=n),
        "lognormal": rng.lognormal(sigma=1.5, size=n),
        "bimodal": np.concatenate((rng.normal(0, 1, n // 2), rng.normal(9, 0.2, n - n // 2))),
        "ties": rng.integers(0, 400, n).astype(float),
    }[kind]
    result = natural_breaks(x, k)
    assert result.k == k
    assert _sse(np.sort(x), result.breaks) == pytest.approx(_reference_dp(x, k), rel=1e-9)


# --- invariances, NaN, reduction, errors ---------------------------------------------------------


@pytest.mark.parametrize("k", [2, 5, 9])
def test_translation_and_scale_do_not_change_the_classes(k):
    x = np.random.default_rng(5).lognormal(size=5000)
    base = classify(x, natural_breaks(x, k))
    for y, mirrored in (
        (x + 1e6, False),
        (x * 1e-3, False),
        (x * 1e4, False),
        (x * 1e-200, False),
        (x * 1e150, False),
        (1e6 - 3.5 * x, True),
    ):
        result = natural_breaks(y, k)
        assert result.k == k
        # a negative scale mirrors the order, so the classes count from the other end
        expected = k + 1 - base if mirrored else base
        assert np.array_equal(classify(y, result), expected)


def test_nan_is_skipped_and_classified_zero():
    x = np.random.default_rng(2).normal(size=300)
    with_nan = np.insert(x, [0, 10, 150, 300], np.nan)
    assert natural_breaks(with_nan, 4) == natural_breaks(x, 4)
    for method in cl.METHODS:
        assert cl.compute_breaks(with_nan, 4, method) == cl.compute_breaks(x, 4, method)
    classes = classify(with_nan, natural_breaks(x, 4))
    assert (classes[np.isnan(with_nan)] == 0).all()
    assert set(classes[~np.isnan(with_nan)]) == {1, 2, 3, 4}


def test_fewer_distinct_values_than_classes_reduces_k():
    result = natural_breaks([3.0, 1.0, 3.0, 2.0, 1.0, np.nan], 5)
    assert (result.k_requested, result.k, result.reduced) == (5, 3, True)
    assert result.breaks == (1.0, 1.0, 2.0, 3.0)
    exact = natural_breaks([3.0, 1.0, 2.0], 3)
    assert (exact.k, exact.reduced, exact.breaks) == (3, False, (1.0, 1.0, 2.0, 3.0))
    single = natural_breaks([7.0, 7.0, np.nan], 4)
    assert (single.k, single.reduced, single.breaks) == (1, True, (7.0, 7.0))
    equal = cl.equal_interval_breaks([0.0, 3.0, 10.0, 3.0], 5)
    assert (equal.k, equal.reduced) == (3, True)
    same = cl.quantile_breaks([2.0, 2.0], 3)
    assert (same.k, same.reduced, same.breaks) == (1, True, (2.0, 2.0))


@pytest.mark.parametrize("method", cl.METHODS)
def test_invalid_input_raises(method):
    with pytest.raises(ValueError):
        cl.compute_breaks([1.0, 2.0, 3.0], 1, method)
    with pytest.raises(ValueError):
        cl.compute_breaks([np.nan, np.nan], 3, method)
    with pytest.raises(ValueError):
        cl.compute_breaks([], 3, method)
    with pytest.raises(ValueError):
        cl.compute_breaks([1.0, np.inf, 2.0], 2, method)
    with pytest.raises(ValueError):
        cl.compute_breaks([1.0, 2.0, 3.0], 2.5, method)


def test_methods_enum_and_dispatch():
    assert cl.METHODS == ("natural_breaks", "quantile", "equal_interval")
    x = [1.0, 2.0, 4.0, 8.0, 16.0]
    assert cl.compute_breaks(x, 2, "natural_breaks") == natural_breaks(x, 2)
    assert cl.compute_breaks(x, 2, "quantile") == cl.quantile_breaks(x, 2)
    assert cl.compute_breaks(x, 2, "equal_interval").method == "equal_interval"
    with pytest.raises(ValueError):
        cl.compute_breaks(x, 2, "jenks")


# --- classify, quantile, equal interval ----------------------------------------------------------


def test_value_equal_to_a_break_belongs_to_the_lower_class():
    breaks = Breaks("natural_breaks", 3, 3, (0.0, 2.0, 5.0, 9.0))
    values = [-1.0, 0.0, 1.0, 2.0, 2.0000001, 5.0, 6.0, 9.0, 12.0, np.nan]
    assert classify(values, breaks).tolist() == [1, 1, 1, 1, 2, 2, 3, 3, 3, 0]
    assert classify(np.array([[2.0, 5.5]]), breaks).shape == (1, 2)
    one = Breaks("natural_breaks", 3, 1, (4.0, 4.0))
    assert classify([3.0, 4.0, 5.0, np.nan], one).tolist() == [1, 1, 1, 0]


def test_natural_breaks_members_match_jenkspy_rule():
    # jenkspy's docstring example: values <= 2.3 in class 1, <= 5.0 in class 2, the rest in 3
    x = [1.3, 7.1, 7.3, 2.3, 3.9, 4.1, 7.8, 1.2, 4.3, 7.3, 5.0, 4.3]
    result = natural_breaks(x, 3)
    assert result.breaks == (1.2, 2.3, 5.0, 7.8)
    assert classify(x, result).tolist() == [1, 3, 3, 1, 2, 2, 3, 1, 2, 3, 2, 2]


def test_quantile_hand_computed():
    # numpy's linear definition: the q-quantile sits at position q (n - 1) of the sorted data
    assert cl.quantile_breaks(np.arange(1.0, 10.0), 4).breaks == (1.0, 3.0, 5.0, 7.0, 9.0)
    assert cl.quantile_breaks([100.0, 0.0, 10.0, 20.0, 30.0, 40.0], 2).breaks == (0.0, 25.0, 100.0)
    # positions 0, 1.75, 3.5, 5.25, 7 of 1,1,1,1,1,1,2,3 -> 1, 1, 1, 1.25, 3: k = 4 collapses to 2
    tied = cl.quantile_breaks([1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 3.0], 4)
    assert (tied.k, tied.reduced, tied.breaks) == (2, True, (1.0, 1.25, 3.0))


def test_equal_interval_hand_computed():
    values = [10.0, 0.0, 4.0, 1.0, 7.0, 3.0]
    assert cl.equal_interval_breaks(values, 5).breaks == (0.0, 2.0, 4.0, 6.0, 8.0, 10.0)
    reduced = cl.equal_interval_breaks([0.0, 3.0, 10.0], 5)
    assert reduced.breaks == pytest.approx((0.0, 10 / 3, 20 / 3, 10.0))
    assert (reduced.k, reduced.reduced, reduced.breaks[-1]) == (3, True, 10.0)
    shifted = cl.equal_interval_breaks([1e6 + 0.1, 1e6 + 0.7], 2)
    assert shifted.breaks[-1] == 1e6 + 0.7 and shifted.k == 2
