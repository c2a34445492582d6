"""Tests for core.surface and core.grid: the profit surface against brute-force sums, toy
cases whose best cell is known, border rules, existing plants, rasterisation error, the memory
guard and input checks. Performance is measured by tools/bench_surface.py, never here."""

from __future__ import annotations

import math
import os
import tracemalloc

import numpy as np
import pytest
import scipy.fft as sfft
from scipy.signal import fftconvolve

from battery_recycling_atlas.core.economics.model import DEFAULT_PARAMS, plant_economics
from battery_recycling_atlas.core.errors import (
    InvalidValuesError,
    NegativeValueError,
    NonFiniteValueError,
    NoValidRowsError,
    ParameterError,
)
from battery_recycling_atlas.core.siting import grid as gridmod
from battery_recycling_atlas.core.siting import surface
from battery_recycling_atlas.core.siting.grid import GridSpec, RadialKernel, decay_weight
from battery_recycling_atlas.core.siting.surface import (
    ExistingPlants,
    SupplyPoints,
    SurfaceParams,
    profit_surface,
)

KM = 1000.0


def params(**kw):
    base = dict(capacity=20_000.0, transport_cost=0.8, haul_radius_km=12.0)
    base.update(kw)
    return SurfaceParams(**base)


def centred_points(grid, n, seed=0, low=50.0, high=3_000.0):
    """n random supply points placed exactly at cell centres."""
    rng = np.random.default_rng(seed)
    rows = rng.integers(0, grid.nrows, n)
    cols = rng.integers(0, grid.ncols, n)
    return grid.x_of(cols), grid.y_of(rows), rng.uniform(low, high, n)


def brute_force(grid, p, x, y, t, row, col, foreign=None, allowed=None):
    """Direct sum over supply points for one cell: (S, transport, fee cost, profit)."""
    d = np.hypot(x - grid.x_of(col), y - grid.y_of(row)) / KM
    w = decay_weight(d, p.haul_radius_km, p.decay)
    if allowed is not None:
        w = np.where(allowed, w, 0.0)
    s = float(np.sum(t * w))
    q = min(p.capacity, s)
    share = q / s if s > 0 else 0.0
    transport = share * float(np.sum(t * w * d)) * p.detour * p.transport_cost
    fee = 0.0
    if foreign is not None:
        fee = p.border_fee * share * float(np.sum(np.where(foreign, t * w, 0.0)))
    econ = float(plant_economics(p.economics, p.capacity, q).profit[0])
    return s, transport, fee, econ - transport - fee


# ----------------------------------------------------------------------------- grid module


def test_enumerations_keep_their_order():
    assert surface.DECAYS == gridmod.DECAYS == ("none", "linear", "exponential")
    assert surface.BORDER_RULES == ("open", "fee", "closed")
    assert SurfaceParams(1.0, 1.0, decay=2, border_rule=1).decay == "exponential"
    assert SurfaceParams(1.0, 1.0, decay=2, border_rule=1).border_rule == "fee"


def test_grid_spec_cells_and_extent():
    g = GridSpec.from_extent(100.0, 200.0, 1_100.0, 700.0, 100.0)
    assert (g.ncols, g.nrows, g.x0, g.y0) == (10, 5, 100.0, 700.0)
    assert g.extent == (100.0, 200.0, 1_100.0, 700.0)
    assert g.geotransform == (100.0, 100.0, 0.0, 700.0, 0.0, -100.0)
    assert g.col_of(np.array([100.0, 199.9, 1_099.9])).tolist() == [0, 0, 9]
    assert g.row_of(np.array([700.0, 600.1, 200.1])).tolist() == [0, 0, 4]
    assert g.x_of(0) == 150.0 and g.y_of(0) == 650.0
    with pytest.raises(ValueError):
        GridSpec(0, 0, 0, 10, 10)
    with pytest.raises(ValueError):
        GridSpec(0, 0, 1, 0, 10)


@pytest.mark.parametrize("decay", gridmod.DECAYS)
@pytest.mark.parametrize("shape", [(16, 20), (24, 14)])
def test_kernel_spectrum_equals_fft_of_wrapped_kernel(decay, shape):
    k = RadialKernel(5.5, 1.0, decay)
    assert k.rp == 5
    for with_distance in (False, True):
        full = k.full(with_distance)
        wrapped = np.zeros(shape)
        for dy in range(-k.rp, k.rp + 1):
            for dx in range(-k.rp, k.rp + 1):
                wrapped[dy % shape[0], dx % shape[1]] += full[dy + k.rp, dx + k.rp]
        ref = sfft.rfft2(wrapped)
        assert np.abs(ref.imag).max() < 1e-9
        np.testing.assert_allclose(k.full_spectrum(shape, with_distance), ref.real, atol=1e-9)


@pytest.mark.parametrize(
    "origin, box",
    [
        ((0, 0), (0, 17, 0, 23)),  # sources fill the output
        ((3, -4), (0, 30, 0, 12)),  # sources partly outside the output
        ((-6, 5), (2, 9, 20, 40)),  # small output box beside the sources
        ((0, 0), (-10, 30, -10, 40)),  # output far larger than the reach of the sources
        ((40, 40), (0, 10, 0, 10)),  # out of reach: zeros
    ],
)
def test_convolve_block_matches_direct_convolution(origin, box):
    rng = np.random.default_rng(1)
    src = rng.random((17, 23))
    k = RadialKernel(5.0, 1.0, "linear")
    got = gridmod.convolve_block(src, origin, box, k, (False, True), np.float64)
    r0, c0 = min(origin[0], box[0]) - 10, min(origin[1], box[2]) - 10
    h = max(origin[0] + 17, box[1]) + 10 - r0
    w = max(origin[1] + 23, box[3]) + 10 - c0
    canvas = np.zeros((h, w))
    canvas[origin[0] - r0 : origin[0] - r0 + 17, origin[1] - c0 : origin[1] - c0 + 23] = src
    for out, kernel in zip(got, (k.full(False), k.full(True))):
        ref = fftconvolve(canvas, kernel, mode="same")[
            box[0] - r0 : box[1] - r0, box[2] - c0 : box[3] - c0
        ]
        np.testing.assert_allclose(out, ref, atol=1e-11)
    # Sparse sources (rows, cols, values) give the same sums.
    rows, cols = np.nonzero(src)
    sparse = gridmod.convolve_block(
        (rows + origin[0], cols + origin[1], src[rows, cols]),
        (0, 0),
        box,
        k,
        (False, True),
        np.float64,
    )
    for a, b in zip(sparse, got):
        np.testing.assert_allclose(a, b, atol=1e-11)


def test_nice_pixel_size():
    assert gridmod.nice_pixel_size(1_000.0) == 1_000.0
    assert gridmod.nice_pixel_size(1_001.0) == 2_000.0
    assert gridmod.nice_pixel_size(2_100.0) == 2_500.0
    assert gridmod.nice_pixel_size(2_600.0) == 5_000.0
    assert gridmod.nice_pixel_size(7_000.0) == 10_000.0


# ----------------------------------------------------------------------------- brute force


@pytest.mark.parametrize("precision, rtol", [("float64", 1e-9), ("float32", 2e-5)])
@pytest.mark.parametrize("decay", surface.DECAYS)
def test_surface_equals_brute_force_at_sampled_cells(decay, precision, rtol):
    g = GridSpec(500_000.0, 4_000_000.0, 1_000.0, 70, 55)
    x, y, t = centred_points(g, 60, seed=3)
    p = params(decay=decay, precision=precision)
    res = profit_surface(g, p, SupplyPoints(x, y, t))
    assert res.supply.dtype == np.dtype(precision) and res.supply.shape == g.shape
    rng = np.random.default_rng(4)
    cells = list(zip(rng.integers(0, g.nrows, 40), rng.integers(0, g.ncols, 40)))
    cells += [(int(r), int(c)) for r, c in zip(g.row_of(y[:5]), g.col_of(x[:5]))]
    for r, c in cells:
        s, transport, fee, prof = brute_force(g, p, x, y, t, r, c)
        atol = 0 if precision == "float64" else res.noise_floor_t
        assert res.supply[r, c] == pytest.approx(s, rel=rtol, abs=atol)
        assert res.throughput[r, c] == pytest.approx(min(s, p.capacity), rel=rtol, abs=atol)
        assert res.transport_cost[r, c] == pytest.approx(transport, rel=rtol, abs=1e-3)
        assert res.border_fee_cost[r, c] == 0
        assert res.profit[r, c] == pytest.approx(prof, rel=rtol)
    assert res.profit_at_zero == pytest.approx(
        -plant_economics(DEFAULT_PARAMS, p.capacity, p.capacity).fixed_cost[0]
    )


def test_exact_radius_counts_and_far_cells_are_exactly_zero():
    g = GridSpec(0.0, 100_000.0, 1_000.0, 100, 100)
    x, y = g.x_of(np.array([50])), g.y_of(np.array([50]))
    res = profit_surface(g, params(haul_radius_km=10.0), SupplyPoints(x, y, [1_000.0]))
    assert res.supply[50, 60] == pytest.approx(1_000.0, rel=1e-5)  # d = R exactly: inside
    assert res.supply[50, 61] == 0.0
    assert res.supply[56, 58] == pytest.approx(1_000.0, rel=1e-5)  # 6-8-10 triangle
    far = np.hypot(*np.meshgrid(np.arange(100) - 50, np.arange(100) - 50)) > 10
    assert np.all(res.supply[far] == 0) and np.all(res.throughput[far] == 0)
    assert np.all(res.profit[far] == np.float32(res.profit_at_zero))


def test_rasterisation_error_is_within_half_a_pixel():
    """Points anywhere in their cells: every distance moves by at most pixel/√2, so the
    surface lies between the exact sums with the radius shrunk and grown by that much, and
    (linear decay, Lipschitz 1/R) within Σ s·δ/R of the exact sum."""
    pixel = 2_000.0
    g = GridSpec(0.0, 120_000.0, pixel, 60, 60)
    rng = np.random.default_rng(8)
    n = 80
    x, y = rng.uniform(5_000, 115_000, n), rng.uniform(5_000, 115_000, n)
    t = rng.uniform(10, 1_000, n)
    delta = pixel / math.sqrt(2) / KM
    radius = 15.0
    flat = profit_surface(
        g, params(haul_radius_km=radius, precision="float64"), SupplyPoints(x, y, t)
    )
    lin = profit_surface(
        g, params(haul_radius_km=radius, decay="linear", precision="float64"), SupplyPoints(x, y, t)
    )
    moved = 0
    for r, c in zip(rng.integers(0, 60, 80), rng.integers(0, 60, 80)):
        d = np.hypot(x - g.x_of(c), y - g.y_of(r)) / KM
        lo, hi = t[d <= radius - delta].sum(), t[d <= radius + delta].sum()
        assert lo - 1e-6 <= flat.supply[r, c] <= hi + 1e-6
        exact = np.sum(t * decay_weight(d, radius, "linear"))
        bound = np.sum(t[d <= radius + delta]) * delta / radius
        assert abs(lin.supply[r, c] - exact) <= bound + 1e-6
        moved += lo != hi
    assert moved > 0  # the bound was exercised near the radius


# ----------------------------------------------------------------------------- toy cases


def two_clusters(distance_km, radius_km):
    g = GridSpec(0.0, 60_000.0, 1_000.0, 160, 60)
    rows = np.array([30, 30])
    cols = np.array([30, 30 + int(distance_km)])
    x, y = g.x_of(cols), g.y_of(rows)
    # NCM-only feedstock: profit rises with throughput up to the 60 kt/yr capacity.
    ncm = DEFAULT_PARAMS.with_values({"feedstock.ncm_share": 1.0})
    q = np.linspace(0, 60_000.0, 13)
    assert np.all(np.diff(plant_economics(ncm, np.full(13, 60_000.0), q).profit) > 0)
    p = params(capacity=60_000.0, transport_cost=0.05, haul_radius_km=radius_km, economics=ncm)
    res = profit_surface(g, p, SupplyPoints(x, y, [30_000.0, 20_000.0]))
    return g, res, (30, 30), (30, 30 + int(distance_km))


def test_best_cell_lies_between_clusters_when_the_radius_covers_both():
    g, res, big, small = two_clusters(80, 50.0)
    best = surface.best_locations(res, 3)
    top = best[0]
    d_big = math.hypot(top.row - big[0], top.col - big[1])
    d_small = math.hypot(top.row - small[0], top.col - small[1])
    assert d_big <= 50 and d_small <= 50  # reaches both
    assert big[1] < top.col < small[1]
    assert top.supply == pytest.approx(50_000.0, rel=1e-5)
    assert top.profit == pytest.approx(float(np.nanmax(res.profit)))
    assert top.profit > res.profit[big]  # better than sitting on the larger cluster
    # Later picks keep the separation (default: the radius).
    for other in best[1:]:
        assert math.hypot(other.row - top.row, other.col - top.col) * 1.0 >= 50


def test_best_cell_is_the_larger_cluster_when_the_radius_covers_one():
    g, res, big, small = two_clusters(80, 30.0)
    top = surface.best_locations(res, 1)[0]
    assert (top.row, top.col) == big
    assert top.supply == pytest.approx(30_000.0, rel=1e-5)
    assert top.x == g.x_of(big[1]) and top.y == g.y_of(big[0])
    assert surface.best_locations(res, 0) == []


def test_best_locations_skip_cells_without_enough_throughput():
    """Default economics at 20 kt/yr: profit falls with throughput, so the raw best cell has no
    supply; best_locations only ranks cells with throughput (above a chosen minimum)."""
    g = GridSpec(0.0, 60_000.0, 1_000.0, 60, 60)
    x, y = g.x_of(np.array([30])), g.y_of(np.array([30]))
    res = profit_surface(g, params(haul_radius_km=10.0), SupplyPoints(x, y, [15_000.0]))
    assert float(np.nanmax(res.profit)) == np.float32(res.profit_at_zero)  # empty cells
    picks = surface.best_locations(res, 5, min_separation_km=0)
    assert len(picks) == 5 and all(b.throughput > 0 for b in picks)
    assert surface.best_locations(res, 5, min_throughput_t=20_000.0) == []
    far = surface.best_locations(res, 50, min_separation_km=8.0)
    assert 1 <= len(far) < 50


# ----------------------------------------------------------------------------- border rules


def border_case(rule, fee=300.0, precision="float64"):
    """Two provinces (west 0, east 1) with a strip outside every province (−1) on top."""
    g = GridSpec(0.0, 40_000.0, 1_000.0, 60, 40)
    prov = np.zeros(g.shape, dtype=np.int32)
    prov[:, 30:] = 1
    prov[:4] = -1
    x, y, t = centred_points(g, 50, seed=5)
    rows, cols = g.row_of(y), g.col_of(x)
    sprov = np.where(cols >= 30, 1, 0)
    sprov[rows < 4] = np.where(cols[rows < 4] >= 30, 1, 0)  # strip sources keep a code
    sprov[:3] = -1  # three sources without a province: foreign everywhere
    p = params(border_rule=rule, border_fee=fee, precision=precision)
    res = profit_surface(g, p, SupplyPoints(x, y, t, sprov), provinces=prov)
    return g, p, prov, (x, y, t, sprov), res


def test_closed_rule_counts_only_same_province_supply():
    g, p, prov, (x, y, t, sprov), res = border_case("closed")
    for r, c in [(10, 28), (20, 31), (35, 5), (5, 59), (25, 30)]:
        own = sprov == prov[r, c]
        s, transport, _, prof = brute_force(g, p, x, y, t, r, c, allowed=own)
        assert res.supply[r, c] == pytest.approx(s, rel=1e-9, abs=1e-9)
        assert res.transport_cost[r, c] == pytest.approx(transport, rel=1e-9, abs=1e-6)
        assert res.profit[r, c] == pytest.approx(prof, rel=1e-9)
        assert res.border_fee_cost[r, c] == 0
    assert res.foreign_supply is None
    assert np.all(np.isnan(res.profit[:4])) and np.all(np.isnan(res.supply[:4]))
    assert np.all(np.isnan(res.border_fee_cost[:4]))
    assert np.all(np.isfinite(res.profit[4:]))


def test_fee_rule_charges_the_fee_on_the_foreign_share():
    g, p, prov, (x, y, t, sprov), fee = border_case("fee")
    _, _, _, _, open_ = border_case("open")
    for r, c in [(10, 28), (20, 31), (35, 5), (5, 59), (25, 30)]:
        foreign = sprov != prov[r, c]
        s, transport, cost, prof = brute_force(g, p, x, y, t, r, c, foreign=foreign)
        assert fee.supply[r, c] == pytest.approx(open_.supply[r, c], rel=1e-12)
        assert fee.border_fee_cost[r, c] == pytest.approx(cost, rel=1e-9, abs=1e-6)
        assert fee.profit[r, c] == pytest.approx(prof, rel=1e-9)
        q = min(s, p.capacity)
        share = np.sum(
            np.where(
                foreign,
                t
                * decay_weight(
                    np.hypot(x - g.x_of(c), y - g.y_of(r)) / KM, p.haul_radius_km, p.decay
                ),
                0,
            )
        )
        assert cost == pytest.approx(p.border_fee * q * share / s if s else 0.0)
        assert fee.profit[r, c] == pytest.approx(open_.profit[r, c] - cost, rel=1e-9)
    assert np.all(np.isnan(fee.profit[:4])) and np.all(np.isnan(fee.foreign_supply[:4]))
    assert np.all(np.isfinite(open_.profit))  # open ignores provinces: defined everywhere
    ok = np.isfinite(fee.foreign_supply)
    assert np.all(fee.foreign_supply[ok] <= fee.supply[ok] + 1e-9)


def test_fee_and_closed_in_float32_agree_with_float64():
    for rule in ("fee", "closed"):
        *_, single = border_case(rule, precision="float32")
        *_, double = border_case(rule)
        np.testing.assert_allclose(
            single.supply, double.supply, rtol=2e-5, atol=single.noise_floor_t
        )
        np.testing.assert_allclose(single.profit, double.profit, rtol=2e-5, atol=50)


def test_supply_province_defaults_to_the_province_grid():
    g = GridSpec(0.0, 40_000.0, 1_000.0, 60, 40)
    prov = np.zeros(g.shape, dtype=np.int16)
    prov[:, 30:] = 1
    x, y, t = centred_points(g, 40, seed=6)
    p = params(border_rule="closed")
    implicit = profit_surface(g, p, SupplyPoints(x, y, t), provinces=prov)
    explicit = profit_surface(
        g, p, SupplyPoints(x, y, t, prov[g.row_of(y), g.col_of(x)]), provinces=prov
    )
    np.testing.assert_array_equal(implicit.supply, explicit.supply)


def test_supply_grid_equals_points_at_cell_centres():
    g = GridSpec(0.0, 40_000.0, 1_000.0, 60, 40)
    prov = np.zeros(g.shape, dtype=np.int32)
    prov[:, 25:] = 1
    prov[:, 50:] = 2
    x, y, t = centred_points(g, 70, seed=9)
    raster = np.zeros(g.shape)
    np.add.at(raster, (g.row_of(y), g.col_of(x)), t)
    raster[0, 0] = np.nan  # null = no supply
    plants = ExistingPlants([10_900.0, 40_500.0], [20_100.0, 30_500.0], [8_000.0, 5_000.0])
    for rule in surface.BORDER_RULES:
        p = params(border_rule=rule, border_fee=150.0, decay="linear", precision="float64")
        a = profit_surface(g, p, SupplyPoints(x, y, t), provinces=prov, existing=plants)
        b = profit_surface(g, p, raster, provinces=prov, existing=plants)
        np.testing.assert_allclose(a.supply, b.supply, rtol=1e-9, atol=1e-9)
        np.testing.assert_allclose(a.profit, b.profit, rtol=1e-9)
        np.testing.assert_allclose(a.existing_intake, b.existing_intake, rtol=1e-9)


# ----------------------------------------------------------------------------- existing plants


def test_existing_plant_takes_its_capacity_first():
    g = GridSpec(0.0, 50_000.0, 1_000.0, 50, 50)
    x, y = g.x_of(np.array([20, 22])), g.y_of(np.array([25, 25]))
    t = np.array([12_000.0, 8_000.0])
    ncm = DEFAULT_PARAMS.with_values({"feedstock.ncm_share": 1.0})  # profit rises with Q
    p = params(capacity=50_000.0, haul_radius_km=10.0, precision="float64", economics=ncm)
    base = profit_surface(g, p, SupplyPoints(x, y, t))
    plant = ExistingPlants([g.x_of(21)], [g.y_of(25)], [5_000.0])
    left = profit_surface(g, p, SupplyPoints(x, y, t), existing=plant)
    assert left.existing_intake.tolist() == pytest.approx([5_000.0])
    assert left.supply_total == pytest.approx(20_000.0)
    assert left.supply_left == pytest.approx(15_000.0)
    # Decay none: the plant takes the same share (5/20) of both sources.
    assert left.supply[25, 21] == pytest.approx(15_000.0)
    assert left.supply[25, 11] == pytest.approx(12_000.0 * 0.75)
    assert np.all(left.supply <= base.supply + 1e-9)
    assert np.all(left.profit <= base.profit + 1e-6)
    assert left.profit[25, 21] < base.profit[25, 21]


def test_existing_plants_rule_order_and_limits():
    rng = np.random.default_rng(12)
    sx, sy = rng.uniform(0, 100_000, 40), rng.uniform(0, 100_000, 40)
    s = rng.uniform(100, 2_000, 40)
    px, py = np.array([50_000.0, 52_000.0, 0.0]), np.array([50_000.0, 49_000.0, 0.0])
    cap = np.array([3_000.0, 1e9, np.nan])
    left, intake = surface.serve_existing_plants(
        sx, sy, s, np.zeros(40, int), px, py, cap, np.zeros(3, int), 30.0, "linear", False
    )
    assert np.all(left >= 0) and np.all(left <= s)
    assert np.isnan(intake[2])
    assert intake[:2].sum() == pytest.approx(s.sum() - left.sum())
    # Plant 1 (largest) goes first and reaches less than its capacity: it takes all it reaches.
    w1 = decay_weight(np.hypot(sx - px[1], sy - py[1]) / KM, 30.0, "linear")
    assert intake[1] == pytest.approx(np.sum(s * w1))
    # Plant 0 then takes its capacity (or all it reaches) from what is left.
    w0 = decay_weight(np.hypot(sx - px[0], sy - py[0]) / KM, 30.0, "linear")
    after1 = s * (1 - w1)
    assert intake[0] == pytest.approx(min(3_000.0, np.sum(after1 * w0)))
    # Closed: a plant without a province draws nothing; others only their province.
    left, intake = surface.serve_existing_plants(
        sx,
        sy,
        s,
        np.arange(40) % 2,
        px,
        py,
        np.array([1e9, 1e9, 1.0]),
        np.array([0, -1, 1]),
        30.0,
        "none",
        True,
    )
    assert intake[1] == 0 and np.all(left[np.arange(40) % 2 == 1] <= s[np.arange(40) % 2 == 1])
    near0 = (np.hypot(sx - px[0], sy - py[0]) <= 30_000) & (np.arange(40) % 2 == 0)
    assert np.all(left[near0] == 0)


# ----------------------------------------------------------------------------- definedness


def test_no_nan_where_inputs_are_defined():
    g = GridSpec(0.0, 80_000.0, 2_000.0, 50, 40)
    x, y, t = centred_points(g, 30, seed=13)
    prov = np.zeros(g.shape, dtype=np.int32)
    prov[:, 20:] = 3
    plants = ExistingPlants([30_000.0], [40_000.0], [2_000.0])
    for rule in surface.BORDER_RULES:
        for decay in surface.DECAYS:
            res = profit_surface(
                g,
                params(border_rule=rule, decay=decay, border_fee=80.0),
                SupplyPoints(x, y, t),
                provinces=prov,
                existing=plants,
            )
            for arr in (
                res.supply,
                res.throughput,
                res.transport_cost,
                res.border_fee_cost,
                res.profit,
            ):
                assert np.all(np.isfinite(arr)), (rule, decay)
            assert np.all(res.throughput <= res.params.capacity)
            assert np.all(res.supply >= 0) and np.all(res.transport_cost >= 0)


def test_points_outside_the_grid_count_within_the_radius():
    g = GridSpec(0.0, 20_000.0, 1_000.0, 20, 20)
    x = np.array([-5_500.0, -40_500.0])
    y = np.array([10_500.0, 10_500.0])
    res = profit_surface(g, params(haul_radius_km=10.0), SupplyPoints(x, y, [100.0, 900.0]))
    assert res.supply[9, 0] == pytest.approx(100.0, rel=1e-5)
    assert res.supply_outside == pytest.approx(900.0)


# ----------------------------------------------------------------------------- memory guard


def test_memory_guard_never_builds_the_kernel_of_a_huge_grid():
    # All of China at a 1 m pixel with a 300 km radius: the kernel alone would hold
    # (2 · 300,000 + 1)² cells (about 2.9 TB); the guard must refuse from the counts.
    g = GridSpec(0.0, 5_000_000.0, 1.0, 5_000_000, 4_000_000)
    assert gridmod.radius_cells(300.0, 0.001) == 300_000
    tracemalloc.start()
    try:
        with pytest.raises(surface.GridTooLargeError) as info:
            surface.check_grid_memory(g, params(haul_radius_km=300.0), 2 * 1024**3)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 50 * 1024**2
    fits = g.with_pixel(info.value.suggested_pixel_m)
    assert surface.check_grid_memory(fits, params(haul_radius_km=300.0), 2 * 1024**3) <= 2 * 1024**3


def test_memory_guard_refuses_with_a_pixel_that_fits():
    g = GridSpec(0.0, 5_000_000.0, 1_000.0, 5_000, 4_000)
    p = params(haul_radius_km=300.0)
    need = surface.estimate_grid_bytes(5_000, 4_000, 300)
    assert need > 5_000 * 4_000 * 4 * 5  # at least the five output grids
    budget = need // 5
    with pytest.raises(surface.GridTooLargeError) as info:
        surface.check_grid_memory(g, p, budget)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.estimate_bytes == need and err.budget_bytes == budget
    assert err.suggested_pixel_m in (2_500.0, 5_000.0)
    assert surface.check_grid_memory(g.with_pixel(err.suggested_pixel_m), p, budget) <= budget
    smaller = g.with_pixel(gridmod.nice_pixel_size(err.suggested_pixel_m * 0.99))
    if smaller.pixel < err.suggested_pixel_m:
        with pytest.raises(surface.GridTooLargeError):
            surface.check_grid_memory(smaller, p, budget)
    assert "km" in str(err) and "MiB" in str(err)
    with pytest.raises(surface.GridTooLargeError):
        profit_surface(g, p, SupplyPoints([1.0], [1.0], [1.0]), memory_budget=budget)
    # float64 and the fee rule need more.
    assert surface.estimate_grid_bytes(5_000, 4_000, 300, precision="float64") > need
    assert surface.estimate_grid_bytes(5_000, 4_000, 300, border_rule="fee") > need


def test_default_budget_uses_sysconf_or_two_gigabytes(monkeypatch):
    avail = gridmod.available_memory_bytes()
    if avail:
        assert gridmod.default_memory_budget() == int(avail * gridmod.MEMORY_FRACTION)

    def broken(name):
        raise ValueError(name)

    monkeypatch.setattr(os, "sysconf", broken)
    assert gridmod.available_memory_bytes() is None
    assert gridmod.default_memory_budget() == 2 * 1024**3


@pytest.mark.parametrize("as_grid", [False, True])
@pytest.mark.parametrize("rule", surface.BORDER_RULES)
def test_memory_estimate_bounds_the_measured_peak(rule, as_grid):
    g = GridSpec(0.0, 400_000.0, 1_000.0, 500, 400)
    x, y, t = centred_points(g, 300, seed=14)
    supply = SupplyPoints(x, y, t)
    if as_grid:
        supply = np.zeros(g.shape)
        np.add.at(supply, (g.row_of(y), g.col_of(x)), t)
    prov = np.zeros(g.shape, dtype=np.int32)
    prov[:, 250:] = 1
    p = params(haul_radius_km=60.0, border_rule=rule)
    profit_surface(g, p, supply, provinces=prov)  # warm-up
    tracemalloc.start()
    try:
        profit_surface(g, p, supply, provinces=prov)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak <= surface.estimate_grid_bytes(500, 400, 60, border_rule=rule, supply_grid=as_grid)


# ----------------------------------------------------------------------------- bad input


def test_bad_input_is_named():
    g = GridSpec(0.0, 10_000.0, 1_000.0, 10, 10)
    ok = ([1_000.0, 2_000.0], [1_000.0, 2_000.0])
    with pytest.raises(NegativeValueError) as info:
        profit_surface(g, params(), SupplyPoints(*ok, [1.0, -2.0]))
    assert info.value.which == "supply" and info.value.indices == [1]
    with pytest.raises(NonFiniteValueError):
        profit_surface(g, params(), SupplyPoints(*ok, [np.inf, 2.0]))
    with pytest.raises(surface.MissingCoordinateError) as info:
        profit_surface(g, params(), SupplyPoints([np.nan, 1.0], [1.0, 1.0], [1.0, 1.0]))
    assert info.value.indices == [0]
    with pytest.raises(NoValidRowsError):
        profit_surface(g, params(), SupplyPoints(*ok, [None, np.nan]))
    with pytest.raises(NegativeValueError) as info:
        profit_surface(
            g,
            params(),
            SupplyPoints(*ok, [1.0, 1.0]),
            existing=ExistingPlants([0.0], [0.0], [-5.0]),
        )
    assert info.value.which == "existing"
    with pytest.raises(InvalidValuesError):
        profit_surface(g, params(), SupplyPoints(*ok, [1.0, 1.0], [0.5, 1]))
    with pytest.raises(ParameterError) as info:
        profit_surface(g, params(border_rule="fee"), SupplyPoints(*ok, [1.0, 1.0]))
    assert info.value.name == "provinces"
    with pytest.raises(ParameterError):
        profit_surface(
            g,
            params(border_rule="closed"),
            SupplyPoints(*ok, [1.0, 1.0]),
            provinces=np.zeros((3, 3), dtype=int),
        )
    with pytest.raises(ParameterError):
        profit_surface(
            g,
            params(border_rule="closed"),
            SupplyPoints(*ok, [1.0, 1.0]),
            provinces=np.zeros(g.shape),
        )
    with pytest.raises(ParameterError):
        profit_surface(g, params(), np.zeros((4, 4)))
    with pytest.raises(NegativeValueError):
        profit_surface(g, params(), -np.ones(g.shape))
    # Null supply rows and null plant capacities take no part.
    res = profit_surface(
        g, params(), SupplyPoints(*ok, [np.nan, 2.0]), existing=ExistingPlants([0.0], [0.0], [None])
    )
    assert res.supply_total == 2.0 and np.isnan(res.existing_intake[0])


@pytest.mark.parametrize(
    "field, value",
    [
        ("capacity", 0),
        ("capacity", -1),
        ("transport_cost", -0.1),
        ("haul_radius_km", 0),
        ("detour", 0),
        ("border_fee", np.nan),
        ("decay", "gaussian"),
        ("decay", 3),
        ("border_rule", "green"),
        ("precision", "float16"),
        ("capacity", "10"),
        ("economics", {}),
    ],
)
def test_bad_parameters_raise_parameter_error(field, value):
    with pytest.raises(ParameterError) as info:
        params(**{field: value})
    assert info.value.name == field


def test_progress_and_cancel():
    g = GridSpec(0.0, 30_000.0, 1_000.0, 30, 30)
    x, y, t = centred_points(g, 10)
    seen = []
    profit_surface(g, params(), SupplyPoints(x, y, t), progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) >= 3
    with pytest.raises(surface.Canceled):
        profit_surface(g, params(), SupplyPoints(x, y, t), canceled=lambda: True)
