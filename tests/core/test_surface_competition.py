"""Tests for the direct summation (core.direct), the Huff market-share mode (core.huff) and the
break-even price and support (core.breakeven) of the profit surface, against brute-force sums
and by re-running the surface at the break-even price."""

from __future__ import annotations

import numpy as np
import pytest

from battery_recycling_atlas.core.economics import breakeven
from battery_recycling_atlas.core.economics.model import DEFAULT_PARAMS, plant_economics
from battery_recycling_atlas.core.siting import surface
from battery_recycling_atlas.core.siting.grid import GridSpec, decay_weight
from battery_recycling_atlas.core.siting.huff import competitor_pull, huff_share
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


def points(grid, n, seed=0):
    rng = np.random.default_rng(seed)
    rows, cols = rng.integers(0, grid.nrows, n), rng.integers(0, grid.ncols, n)
    return grid.x_of(cols), grid.y_of(rows), rng.uniform(500.0, 6_000.0, n)


def province_split(grid):
    """Two provinces (left half 0, right half 1) and a row of no province at the bottom."""
    prov = np.zeros(grid.shape, dtype=np.int32)
    prov[:, grid.ncols // 2 :] = 1
    prov[-1, :] = -1
    return prov


# ----------------------------------------------------------------------------- direct vs FFT


@pytest.mark.parametrize("rule", surface.BORDER_RULES)
@pytest.mark.parametrize("decay", ["none", "linear"])
def test_direct_equals_fft(rule, decay):
    g = GridSpec(0.0, 40 * KM, 1 * KM, 36, 40)
    x, y, t = points(g, 25, seed=3)
    x = x + 0.3 * KM  # off-centre: both methods move points to their cells
    prov = province_split(g)
    p = params(decay=decay, border_rule=rule, border_fee=150.0, precision="float64")
    fft = profit_surface(g, p, SupplyPoints(x, y, t), provinces=prov, method="fft")
    direct = profit_surface(g, p, SupplyPoints(x, y, t), provinces=prov, method="direct")
    assert fft.method == "fft" and direct.method == "direct"
    for name in ("supply", "throughput", "transport_cost", "border_fee_cost", "profit"):
        a, b = getattr(fft, name), getattr(direct, name)
        np.testing.assert_array_equal(np.isnan(a), np.isnan(b))
        np.testing.assert_allclose(
            np.nan_to_num(b), np.nan_to_num(a), rtol=1e-9, atol=1e-6, err_msg=name
        )


def test_direct_equals_fft_on_a_supply_grid_with_existing_plants():
    g = GridSpec(0.0, 30 * KM, 1 * KM, 30, 30)
    rng = np.random.default_rng(5)
    raster = np.where(rng.random(g.shape) < 0.05, rng.uniform(100, 900, g.shape), 0.0)
    plants = ExistingPlants([8.5 * KM, 20.5 * KM], [10.5 * KM, 22.5 * KM], [3_000.0, 2_000.0])
    p = params(precision="float64")
    fft = profit_surface(g, p, raster, existing=plants, method="fft")
    direct = profit_surface(g, p, raster, existing=plants, method="direct")
    np.testing.assert_allclose(direct.profit, fft.profit, rtol=1e-9, atol=1e-3)
    np.testing.assert_allclose(direct.supply, fft.supply, rtol=1e-9, atol=1e-6)


def test_auto_picks_direct_for_few_points_and_fft_for_many():
    g = GridSpec(0.0, 200 * KM, 1 * KM, 200, 200)
    few = profit_surface(g, params(), SupplyPoints(*points(g, 3)))
    many = profit_surface(g, params(), SupplyPoints(*points(g, 20_000)))
    assert few.method == "direct"
    assert many.method == "fft"


# ----------------------------------------------------------------------------- Huff


def test_competitor_pull_by_hand():
    # one source at the origin; plants at 3 km (cap 4000), 4 km (cap 1000), 50 km (out of reach)
    sx, sy = np.array([0.0]), np.array([0.0])
    px = np.array([3 * KM, 0.0, 50 * KM])
    py = np.array([0.0, 4 * KM, 0.0])
    cap = np.array([4_000.0, 1_000.0, 9_000.0])
    pull, intake = competitor_pull(
        sx,
        sy,
        np.array([0]),
        np.array([900.0]),
        px,
        py,
        cap,
        np.array([0, 0, 0]),
        12.0,
        1.0,
        2.0,
        0.5,
        False,
    )
    a1, a2 = 4_000.0 / 9.0, 1_000.0 / 16.0
    assert pull[0] == pytest.approx(a1 + a2)
    assert intake == pytest.approx([900 * a1 / (a1 + a2), 900 * a2 / (a1 + a2), 0.0])
    # closed: only plants of the source's province
    pull, _ = competitor_pull(
        sx,
        sy,
        np.array([0]),
        np.array([900.0]),
        px,
        py,
        cap,
        np.array([1, 0, 0]),
        12.0,
        1.0,
        2.0,
        0.5,
        True,
    )
    assert pull[0] == pytest.approx(a2)
    # distance 0 is floored at the minimum distance
    pull, _ = competitor_pull(
        sx,
        sy,
        np.array([0]),
        np.array([1.0]),
        np.array([0.0]),
        np.array([0.0]),
        np.array([100.0]),
        np.array([0]),
        12.0,
        2.0,
        1.5,
        0.5,
        False,
    )
    assert pull[0] == pytest.approx(100.0**2 * 0.5**-1.5)


@pytest.mark.parametrize("rule", surface.BORDER_RULES)
def test_market_share_surface_equals_loops(rule):
    g = GridSpec(0.0, 30 * KM, 1 * KM, 28, 30)
    x, y, t = points(g, 12, seed=8)
    x = x + np.random.default_rng(1).uniform(-0.4, 0.4, x.size) * KM
    prov = province_split(g)
    ex = ExistingPlants(
        [5.2 * KM, 21.7 * KM, 14.0 * KM],
        [6.1 * KM, 20.3 * KM, 15.5 * KM],
        [8_000.0, 3_000.0, 30_000.0],
    )
    alpha, beta = 1.2, 1.7
    p = params(
        border_rule=rule,
        border_fee=120.0,
        competition="market_share",
        huff_alpha=alpha,
        huff_beta=beta,
        precision="float64",
    )
    res = profit_surface(g, p, SupplyPoints(x, y, t), provinces=prov, existing=ex)
    assert res.method == "direct"
    sprov = prov[g.row_of(y), g.col_of(x)]
    eprov = prov[g.row_of(np.asarray(ex.y)), g.col_of(np.asarray(ex.x))]
    dmin = 0.5  # half a pixel, km
    # brute force: loops over sources and plants
    pulls = []
    for i in range(x.size):
        total = 0.0
        for j in range(3):
            d = np.hypot(x[i] - ex.x[j], y[i] - ex.y[j]) / KM
            if d > p.haul_radius_km or (rule == "closed" and sprov[i] != eprov[j]):
                continue
            total += ex.capacity[j] ** alpha * max(d, dmin) ** -beta
        pulls.append(total)
    cx, cy = g.x_of(g.col_of(x)), g.y_of(g.row_of(y))  # sources move to their cells
    for row, col in [(3, 4), (10, 20), (15, 14), (27, 2), (20, 27), (0, 0)]:
        if rule != "open" and prov[row, col] < 0:
            assert np.isnan(res.profit[row, col])
            continue
        s = sd = foreign = 0.0
        for i in range(x.size):
            d = np.hypot(cx[i] - g.x_of(col), cy[i] - g.y_of(row)) / KM
            if d > p.haul_radius_km:
                continue
            if rule == "closed" and sprov[i] != prov[row, col]:
                continue
            a = p.capacity**alpha * max(d, dmin) ** -beta
            share = a / (a + pulls[i])
            s += t[i] * share
            sd += t[i] * share * d
            if sprov[i] != prov[row, col]:
                foreign += t[i] * share
        q = min(p.capacity, s)
        ratio = q / s if s > 0 else 0.0
        transport = ratio * sd * p.detour * p.transport_cost
        fee = ratio * foreign * p.border_fee if rule == "fee" else 0.0
        profit = float(plant_economics(p.economics, p.capacity, q).profit[0]) - transport - fee
        assert res.supply[row, col] == pytest.approx(s, rel=1e-9, abs=1e-6)
        assert res.profit[row, col] == pytest.approx(profit, rel=1e-9, abs=1e-3)
    expected = [
        sum(
            t[i]
            * (
                ex.capacity[j] ** alpha
                * max(np.hypot(x[i] - ex.x[j], y[i] - ex.y[j]) / KM, dmin) ** -beta
            )
            / pulls[i]
            for i in range(x.size)
            if pulls[i] > 0
            and np.hypot(x[i] - ex.x[j], y[i] - ex.y[j]) / KM <= p.haul_radius_km
            and (rule != "closed" or sprov[i] == eprov[j])
        )
        for j in range(3)
    ]
    np.testing.assert_allclose(res.existing_intake, expected, rtol=1e-9)


def test_market_share_gives_the_new_plant_more_than_served_first():
    g = GridSpec(0.0, 30 * KM, 1 * KM, 30, 30)
    x, y, t = points(g, 30, seed=2)
    ex = ExistingPlants([15.5 * KM], [15.5 * KM], [200_000.0])
    first = profit_surface(g, params(haul_radius_km=50.0), SupplyPoints(x, y, t), existing=ex)
    share = profit_surface(
        g, params(haul_radius_km=50.0, competition=1), SupplyPoints(x, y, t), existing=ex
    )
    assert float(first.supply.max()) == 0.0  # the incumbent takes everything it can reach
    assert float(share.supply.max()) > 0.0
    assert share.supply.max() < t.sum()


def test_huff_share_function():
    assert huff_share([0.0, 2.0], [0.0, 1.0], 4.0, 1.0, 2.0, 0.5) == pytest.approx(
        [1.0, 1.0 / (1.0 + 1.0)]
    )


# ----------------------------------------------------------------------------- break-even


def test_price_parts_are_affine():
    v = DEFAULT_PARAMS.values()
    a, b = breakeven.price_parts(v)
    assert b > 0
    for price in (0.0, 55_000.0, 300_000.0):
        vv = dict(v, **{"rm.li2co3_price": price})
        w = vv["feedstock.ncm_share"]
        from battery_recycling_atlas.core.economics.equations import _material_value

        direct = w * _material_value(vv, "ncm") + (1 - w) * _material_value(vv, "lfp")
        assert a + b * price == pytest.approx(direct, rel=1e-12)


@pytest.mark.parametrize("rule", ["open", "fee"])
@pytest.mark.parametrize("capacity", [20_000.0, 150_000.0])
def test_breakeven_price_zeroes_profit_when_rerun(rule, capacity):
    g = GridSpec(0.0, 60 * KM, 2 * KM, 30, 30)
    rng = np.random.default_rng(17)
    x, y = rng.uniform(0, 60 * KM, 40), rng.uniform(0, 60 * KM, 40)
    t = rng.uniform(1_000.0, 12_000.0, 40)
    prov = np.where(np.arange(30)[None, :] < 15, 0, 1).repeat(30, axis=0).astype(np.int32)
    p = params(capacity=capacity, haul_radius_km=20.0, border_rule=rule, border_fee=300.0)
    res = profit_surface(g, p, SupplyPoints(x, y, t), provinces=prov)
    price = breakeven.breakeven_surface(res)
    finite = np.argwhere(np.isfinite(price) & (price > 0))
    assert finite.shape[0] > 20
    assert np.all(np.isnan(price[res.throughput == 0]))
    for r, c in finite[rng.choice(finite.shape[0], 6, replace=False)]:
        econ = DEFAULT_PARAMS.with_values({"rm.li2co3_price": float(price[r, c])})
        again = profit_surface(
            g,
            SurfaceParams(
                capacity=capacity,
                transport_cost=0.8,
                haul_radius_km=20.0,
                border_rule=rule,
                border_fee=300.0,
                economics=econ,
                precision="float64",
            ),
            SupplyPoints(x, y, t),
            provinces=prov,
        )
        scale = abs(res.profit_at_zero) + float(res.transport_cost[r, c])
        assert abs(float(again.profit[r, c])) < 1e-5 * scale
        # a price 1 % higher makes money, 1 % lower loses it (profit rises with the price)
        for factor, sign in ((1.01, 1), (0.99, -1)):
            econ = DEFAULT_PARAMS.with_values({"rm.li2co3_price": float(price[r, c]) * factor})
            moved = profit_surface(
                g,
                SurfaceParams(
                    capacity=capacity,
                    transport_cost=0.8,
                    haul_radius_km=20.0,
                    border_rule=rule,
                    border_fee=300.0,
                    economics=econ,
                    precision="float64",
                ),
                SupplyPoints(x, y, t),
                provinces=prov,
            )
            assert np.sign(moved.profit[r, c]) == sign


def test_breakeven_price_limits():
    v = DEFAULT_PARAMS.values()
    cap = 50_000.0
    # no throughput: NaN; absurd extra cost: above ten times the price, NaN
    out = breakeven.breakeven_li2co3(v, cap, [0.0, 40_000.0, 40_000.0], [0.0, 1e13, 0.0])
    assert np.isnan(out[0]) and np.isnan(out[1]) and out[2] > 0
    # a huge support makes the plant pay at any price: reported as 0
    rich = DEFAULT_PARAMS.with_values({"sg.subsidy": 1e6}).values()
    assert breakeven.breakeven_li2co3(rich, cap, [40_000.0], [0.0])[0] == 0.0
    # the limit follows the given price
    low = breakeven.breakeven_li2co3(v, cap, [40_000.0], [0.0], max_price=1.0)
    assert np.isnan(low[0])


def test_breakeven_support_zeroes_profit():
    cap, q, transport = 50_000.0, 30_000.0, 2.0e7
    base = float(plant_economics(DEFAULT_PARAMS, cap, q).profit[0]) - transport
    need = float(breakeven.breakeven_support([base], [q])[0])
    more = DEFAULT_PARAMS.with_values({"sg.subsidy": DEFAULT_PARAMS.values()["sg.subsidy"] + need})
    assert float(plant_economics(more, cap, q).profit[0]) - transport == pytest.approx(
        0.0, abs=1e-3
    )
    assert np.isnan(breakeven.breakeven_support([1.0], [0.0])[0])


def test_decay_weight_reexported():
    assert decay_weight(np.array([0.0]), 1.0, "none")[0] == 1.0


# ----------------------------------------------------------------------------- best locations


def naive_best(res, n, sep_km, min_q):
    """The selection loop on plain np.argmax over the whole grid (the reference)."""
    g = res.grid
    work = np.where(np.isfinite(res.profit) & (res.throughput > min_q), res.profit, -np.inf)
    out = []
    for _ in range(n):
        idx = int(np.argmax(work))
        if not np.isfinite(work.flat[idx]):
            break
        r, c = divmod(idx, g.ncols)
        out.append((r, c))
        rr, cc = np.indices(g.shape)
        work[((rr - r) ** 2 + (cc - c) ** 2) * g.pixel**2 < (sep_km * KM) ** 2] = -np.inf
        work[r, c] = -np.inf
    return out


@pytest.mark.parametrize("seed", [0, 1])
def test_best_locations_equal_a_plain_argmax_loop(seed):
    g = GridSpec(0.0, 150 * KM, 1 * KM, 170, 150)  # blocks of 64 do not divide the grid
    x, y, t = points(g, 60, seed=seed)
    res = profit_surface(g, params(haul_radius_km=15.0), SupplyPoints(x, y, t))
    got = surface.best_locations(res, 12, min_separation_km=9.0, min_throughput_t=0.0)
    assert [(b.row, b.col) for b in got] == naive_best(res, 12, 9.0, 0.0)
    # ties: a flat profit everywhere picks cells in row order
    res.profit[...] = 1.0
    got = surface.best_locations(res, 5, min_separation_km=100.0, min_throughput_t=-1.0)
    assert [(b.row, b.col) for b in got] == naive_best(res, 5, 100.0, -1.0)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_disc_runs_equal_stamps_and_brute_force(dtype):
    from battery_recycling_atlas.core.siting import direct
    from battery_recycling_atlas.core.siting.grid import RadialKernel

    rng = np.random.default_rng(4)
    kernel = RadialKernel(7.3, 1.0, "none")
    rows, cols = rng.integers(-9, 50, 80), rng.integers(-9, 45, 80)
    rows[:5], cols[:5] = 10, 12  # several sources in one cell
    values = rng.uniform(1.0, 5_000.0, 80)
    box = (3, 44, 2, 40)
    runs = direct._disc_sum(rows, cols, values, box, kernel, np.dtype(dtype))
    stamps = direct.convolve_direct((rows, cols, values), box, kernel, (False,), np.float64)[0]
    rr, cc = np.mgrid[box[0] : box[1], box[2] : box[3]]
    brute = np.zeros(rr.shape)
    for r, c, v in zip(rows, cols, values):
        brute += v * (np.hypot(rr - r, cc - c) <= 7.3)
    np.testing.assert_allclose(stamps, brute, rtol=1e-12)
    tol = 4 * np.finfo(dtype).eps * values.sum()  # a few eps × the supply, like the FFT
    np.testing.assert_allclose(runs, brute, rtol=1e-6, atol=tol)


# ----------------------------------------------------------------------------- plant size


def test_capacity_sweep_reruns_the_surface_per_capacity():
    from battery_recycling_atlas.core.siting.plant_size import capacity_sweep

    g = GridSpec(0.0, 60 * KM, 2 * KM, 30, 30)
    x, y, t = points(g, 40, seed=9)
    supply = SupplyPoints(x, y, t * 3)
    base = params(haul_radius_km=20.0)
    rows = capacity_sweep(lambda p: profit_surface(g, p, supply), base, (10_000.0, 40_000.0, 1e7))
    assert [r.capacity for r in rows] == [10_000.0, 40_000.0, 1e7]
    for row in rows[:2]:
        res = profit_surface(g, params(haul_radius_km=20.0, capacity=row.capacity), supply)
        ok = res.throughput > row.capacity / 2
        assert row.n_sites == int(ok.sum())
        assert row.best.profit == pytest.approx(float(res.profit[ok].max()), rel=1e-6)
        r, c = row.best.row, row.best.col
        econ = DEFAULT_PARAMS.with_values({"rm.li2co3_price": row.breakeven_li2co3})
        again = profit_surface(
            g,
            params(haul_radius_km=20.0, capacity=row.capacity, economics=econ, precision="float64"),
            supply,
        )
        assert abs(float(again.profit[r, c])) < 1e-5 * abs(res.profit_at_zero)
        assert row.breakeven_support == pytest.approx(-row.best.profit / row.best.throughput)
    assert rows[2].best is None and rows[2].n_sites == 0  # nowhere near half of 10 Mt/yr


def test_available_memory_counts_the_reclaimable_page_cache():
    import os

    from battery_recycling_atlas.core.siting import grid as gridmod

    free = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    avail = gridmod.available_memory_bytes()
    assert avail >= free
    if os.path.exists("/proc/meminfo"):
        with open("/proc/meminfo", encoding="ascii") as f:
            fields = dict(line.split(":", 1) for line in f)
        if "MemAvailable" in fields:
            mem_available = int(fields["MemAvailable"].split()[0]) * 1024
            assert abs(avail - max(free, mem_available)) < 64 * 2**20  # it moves meanwhile


@pytest.mark.parametrize("rule", surface.BORDER_RULES)
def test_direct_sums_in_thread_bands_equal_one_band(monkeypatch, rule):
    from battery_recycling_atlas.core.siting import direct

    g = GridSpec(0.0, 40 * KM, 1 * KM, 36, 40)
    x, y, t = points(g, 30, seed=6)
    prov = province_split(g)
    ex = ExistingPlants([5.2 * KM, 21.7 * KM], [6.1 * KM, 20.3 * KM], [8_000.0, 3_000.0])
    cases = [dict(), dict(competition="market_share")]
    one = [
        profit_surface(
            g,
            params(border_rule=rule, precision="float64", **kw),
            SupplyPoints(x, y, t),
            provinces=prov,
            existing=ex,
            method="direct",
        )
        for kw in cases
    ]
    runs = direct._disc_sum(
        g.row_of(y),
        g.col_of(x),
        t,
        (0, 40, 0, 36),
        surface.RadialKernel(12.0, 1.0, "none"),
        np.dtype(np.float64),
    )
    monkeypatch.setattr(direct, "MIN_BAND_ROWS", 3)
    monkeypatch.setattr(direct, "threads", lambda: 4)
    many = [
        profit_surface(
            g,
            params(border_rule=rule, precision="float64", **kw),
            SupplyPoints(x, y, t),
            provinces=prov,
            existing=ex,
            method="direct",
        )
        for kw in cases
    ]
    for a, b in zip(one, many):
        np.testing.assert_allclose(b.profit, a.profit, rtol=1e-12)
        np.testing.assert_allclose(b.supply, a.supply, rtol=1e-12)
    banded = direct._disc_sum(
        g.row_of(y),
        g.col_of(x),
        t,
        (0, 40, 0, 36),
        surface.RadialKernel(12.0, 1.0, "none"),
        np.dtype(np.float64),
    )
    np.testing.assert_allclose(banded, runs, rtol=1e-12)


def test_market_shares_too_slow_are_refused_with_a_pixel_size(monkeypatch):
    from battery_recycling_atlas.core.errors import ParameterError
    from battery_recycling_atlas.core.siting import sums

    g = GridSpec(0.0, 40 * KM, 1 * KM, 36, 40)
    x, y, t = points(g, 30, seed=6)
    ex = ExistingPlants([5.2 * KM], [6.1 * KM], [8_000.0])
    monkeypatch.setattr(sums, "HUFF_MAX_SECONDS", 1e-6)
    with pytest.raises(ParameterError) as err:
        profit_surface(g, params(competition=1), SupplyPoints(x, y, t), existing=ex)
    assert err.value.name == "competition" and "km or more" in str(err.value)


def test_direct_sums_stop_when_canceled():
    g = GridSpec(0.0, 40 * KM, 1 * KM, 36, 40)
    x, y, t = points(g, 600, seed=6)
    ex = ExistingPlants([5.2 * KM], [6.1 * KM], [8_000.0])
    calls = []

    def canceled():
        calls.append(1)
        return len(calls) > 2  # after the first two checks

    with pytest.raises(surface.Canceled):
        profit_surface(
            g, params(competition=1), SupplyPoints(x, y, t), existing=ex, canceled=canceled
        )
