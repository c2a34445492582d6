"""Tests for the faster numerics of ``profit_surface`` (issue 15): the logistic on ``np.exp``,
the affine profit per tonne computed in place, arrays filled up front, row bands aligned to
blocks, and value ranges and best locations computed in bands. Each is checked against an
independent reference: scipy's ``expit``, the route-by-route ``evaluate_values``, a plain
loop or a whole-array numpy call."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from scipy.special import expit

from battery_recycling_atlas.core.economics import equations as eq
from battery_recycling_atlas.core.economics.model import DEFAULT_PARAMS as P
from battery_recycling_atlas.core.siting import arrays, direct
from battery_recycling_atlas.core.siting.best import _BlockMax, finite_range


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_logistic_equals_scipy_expit_and_reaches_its_limits_quietly(dtype):
    z = np.concatenate([np.linspace(-30, 30, 2001), [-1e4, -200.0, 200.0, 1e4]]).astype(dtype)
    ref = expit(z.astype(np.float64))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # exp(−z) overflowing must not warn
        got = eq.logistic(z)
        out = np.empty_like(z)
        same = eq.logistic(z, out=out)
    assert same is out and got.dtype == dtype
    np.testing.assert_array_equal(out, got)
    eps = np.finfo(dtype).eps
    np.testing.assert_allclose(got, ref, rtol=8 * eps, atol=np.finfo(dtype).tiny)
    assert got[-4] == 0.0 and got[-1] == 1.0
    assert float(eq.logistic(0.0)) == 0.5


@pytest.mark.parametrize("spread", [0.05, 0.6, 0.7, 1.0, 2.0])
def test_profit_in_place_equals_the_route_by_route_model(spread):
    """Spreads from recycling everywhere to cascade use everywhere (0.7: cascade use at low
    throughput, recycling above, where scale lowers the regeneration cost), so
    max(c0 + c1·s, 0) takes both branches; evaluate_values picks the route with np.where."""
    v = P.with_values({"rt.spread": spread}).values()
    cap = 80_000.0
    q = np.linspace(0.0, cap, 4001)
    ref = eq.evaluate_values(v, cap, q)["profit"]
    routes = eq.evaluate_values(v, cap, q)["cascade"]
    plain = eq.evaluate_profit(v, cap, q)
    out, work = np.empty_like(q), np.empty_like(q)
    inplace = eq.evaluate_profit(v, cap, q, out=out, work=work)
    assert inplace is out
    scale = np.abs(ref).max()
    np.testing.assert_allclose(plain, ref, rtol=1e-12, atol=1e-9 * scale)
    np.testing.assert_allclose(inplace, ref, rtol=1e-12, atol=1e-9 * scale)
    q32 = q.astype(np.float32).reshape(1, -1)  # a float32 grid chunk, as the surface has
    out32 = np.empty_like(q32)
    eq.evaluate_profit(v, cap, q32, out=out32)
    assert out32.dtype == np.float32
    np.testing.assert_allclose(out32[0], ref, rtol=2e-6, atol=1e-6 * scale)
    share = {0.05: 0.0, 0.6: 0.0, 0.7: None, 1.0: 1.0, 2.0: 1.0}[spread]
    if share is None:
        assert 0.2 < routes.mean() < 0.8 and routes[0] and not routes[-1]
    else:
        assert routes.mean() == share


def test_profit_coefficients_reproduce_the_profit_per_tonne_by_hand():
    for spread in (0.3, 0.7, 1.0):
        v = P.with_values({"rt.spread": spread}).values()
        a0, a1, b0, b1 = eq.profit_coefficients(v)
        phi = v["rt.cascade_share"]
        for q in (5_000.0, 30_000.0, 120_000.0):
            s = float(expit(v["scale.k"] * (q / 1e4 - v["scale.q0"])))
            f = 1 - v["scale.lam"] * s
            rv = eq.material_value(v) - v["cr.unit_cost"] * f
            cv = eq.cascade_value(v)
            route = phi * cv + (1 - phi) * rv if cv > rv else rv
            var = v["cp.unit_cost"] + v["cd.unit_cost"] + v["ce.unit_cost"]
            by_hand = route + eq.other_revenue(v) - var * f
            assert max(a0 + a1 * s, b0 + b1 * s) == pytest.approx(by_hand, rel=1e-12)


def test_zeros_are_written_zeros_of_the_dtype():
    z = arrays.zeros((300, 257), np.float32)
    assert z.dtype == np.float32 and z.shape == (300, 257) and not z.any()


@pytest.mark.parametrize(
    ("r0", "r1", "align", "n"), [(0, 150, 64, 2), (7, 1000, 64, 4), (0, 90, 1, 8)]
)
def test_bands_cover_the_rows_once_on_aligned_edges(monkeypatch, r0, r1, align, n):
    monkeypatch.setattr(direct, "threads", lambda: n)
    seen: list[tuple[int, int]] = []
    direct.in_bands(lambda lo, hi: seen.append((lo, hi)), r0, r1, align=align)
    seen.sort()
    assert seen[0][0] == r0 and seen[-1][1] == r1
    assert all(a[1] == b[0] for a, b in zip(seen, seen[1:]))
    assert all((lo - r0) % align == 0 for lo, _ in seen)
    assert len(seen) == max(1, min(n, (r1 - r0) // max(direct.MIN_BAND_ROWS, align)))


def test_finite_range_over_bands_with_undefined_bands(monkeypatch):
    monkeypatch.setattr(direct, "MIN_BAND_ROWS", 2)
    monkeypatch.setattr(direct, "threads", lambda: 4)
    a = np.full((40, 9), np.nan, dtype=np.float32)
    assert finite_range(a) == (None, None)
    a[37, 2], a[38, 5] = -4.5, 7.25  # only the last band has values
    assert finite_range(a) == (-4.5, 7.25)
    rng = np.random.default_rng(2)
    b = rng.normal(size=(200, 31))
    b[rng.random(b.shape) < 0.3] = np.nan
    assert finite_range(b) == (np.nanmin(b), np.nanmax(b))
    assert finite_range(np.array([np.nan, 3.0, -1.0])) == (-1.0, 3.0)


def test_block_maxima_filled_in_bands_equal_a_whole_array_fill(monkeypatch):
    monkeypatch.setattr(direct, "MIN_BAND_ROWS", 1)
    monkeypatch.setattr(direct, "threads", lambda: 3)
    rng = np.random.default_rng(5)
    source = rng.normal(size=(200, 150))
    work = np.empty_like(source)

    def fill(lo: int, hi: int) -> None:
        work[lo:hi] = source[lo:hi]

    blocks = _BlockMax(work, fill)
    np.testing.assert_array_equal(work, source)
    b = _BlockMax.SIZE
    for br in range(blocks.max.shape[0]):
        for bc in range(blocks.max.shape[1]):
            assert blocks.max[br, bc] == source[br * b : (br + 1) * b, bc * b : (bc + 1) * b].max()
    assert blocks.argmax() == int(np.argmax(source))
