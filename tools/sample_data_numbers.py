"""Seeded illustrative numbers for ``tools/build_sample_data.py`` and the checks of their pattern.

Units: volumes and capacities in tonnes per year (t), registered capital in CNY, outlets and
firms as counts. Every number is illustrative (see resources/data/README.md). Random streams:
``numpy.random.default_rng(seed)`` for the province volumes (unchanged since the first sample)
and ``default_rng([seed, k])`` for the later additions, k = 1 city retirement, 2 outlets,
3 registered capital, 4 plant capacities and routes (5, plant locations, is drawn by the build
script), 6 plant throughput, so adding a stream never changes an existing number. (The
leading-firm anchor of ``anchor_leading_firm`` is deterministic: it re-splits the capacity of
one province, keeping its sum.)
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Optional

import numpy as np
from sample_data_tables import (
    CAPACITY_TIERS,
    CAPITAL_TOTAL_CNY,
    CAPITAL_WEIGHT,
    CAPITAL_WEIGHTS,
    CITY_WEIGHTS,
    CLUSTER_2030,
    COUNTY_WEIGHT,
    FIRMS_TOTAL,
    HUBS_2030,
    LEADING_FIRM_T,
    LEADING_FIRM_UTILISATION,
    LOW_CAPITAL,
    NO_WHITELIST,
    OUTLET_FACTORS,
    OUTLETS_TOTAL,
    OVER_SERVED,
    PROVINCES,
    RECYCLED_2024_T,
    RETIRE_TIERS,
    ROUTES,
    SOURCES,
    TOTALS,
    UNDER_SERVED,
)

Numbers = dict[str, dict[str, Optional[float]]]
NO_DATA = {"710000", "810000", "820000"}  # Taiwan, Hong Kong, Macau
SIGMA, SIGMA_GROWTH = 0.15, 0.08  # lognormal sigma of the province noise
SIGMA_CITY, SIGMA_OUTLET, SIGMA_CAPITAL, SIGMA_PLANT, SIGMA_ROUTE = 0.25, 0.10, 0.25, 0.6, 0.5
MATCH_CLASSES, MATCH_METHOD = 3, "natural_breaks"  # the plugin's 3x3 bivariate matching
CAPITAL_UNIT = 10_000  # registered capital is rounded to whole 万元 (10,000 CNY)
# Plant throughput (utilisation = throughput / capacity): N_LEADING largest plants besides the
# anchor drawn uniformly in LEADING_UTIL, N_IDLE small cascade-only plants in IDLE_UTIL, the rest
# share the remainder of the national total in proportion to capacity^(1 + UTIL_SIZE_ELASTICITY)
# x lognormal noise (sigma SIGMA_THROUGHPUT).
N_LEADING, LEADING_UTIL = 5, (0.25, 0.40)
N_IDLE, IDLE_UTIL = 6, (0.005, 0.02)
SIGMA_THROUGHPUT, UTIL_SIZE_ELASTICITY = 0.35, 0.2
ROOT = Path(__file__).resolve().parents[1]
PLUGIN_PKG = ROOT / "build" / "pkg"  # holds the link battery_recycling_atlas -> ROOT


def round_to_total(values: np.ndarray, total: float) -> np.ndarray:
    """Scale non-negative ``values`` to ``total`` and round with the largest-remainder method."""
    raw = values / values.sum() * total
    out = np.floor(raw)
    short = int(total - out.sum())
    order = np.argsort(-(raw - out), kind="stable")
    out[order[:short]] += 1
    return out


def illustrative_numbers(seed: int) -> Numbers:
    """Seeded illustrative province numbers keyed by adcode (t/yr; firm counts)."""
    rows = sorted(PROVINCES, key=lambda r: r[0])
    codes = [r[0] for r in rows]
    has = np.array([c not in NO_DATA for c in codes])
    w_r = np.array([RETIRE_TIERS.get(r[3], 0.0) for r in rows])
    w_c = np.array([CAPACITY_TIERS.get(r[4], 0.0) for r in rows])
    rng = np.random.default_rng(seed)
    n = len(rows)
    noise = [rng.lognormal(0.0, SIGMA, n) for _ in range(3)] + [rng.lognormal(0.0, SIGMA_GROWTH, n)]
    cols = {}
    cols["retire_2025_t"] = round_to_total(w_r * noise[0], TOTALS["retire_2025_t"])
    cols["capacity_2025_t"] = round_to_total(w_c * noise[1], TOTALS["capacity_2025_t"])
    cols["retire_2030_t"] = round_to_total(w_r * noise[2], TOTALS["retire_2030_t"])
    cols["capacity_2030_t"] = round_to_total(
        cols["capacity_2025_t"] * noise[3], TOTALS["capacity_2030_t"]
    )
    cap = cols["capacity_2025_t"]
    firms = np.zeros(n)
    pinned = {"110000": 1}  # report: Beijing has one whitelist firm
    free = np.array([cap[i] > 0 and c not in pinned for i, c in enumerate(codes)])
    left = FIRMS_TOTAL - sum(pinned.values()) - int(free.sum())  # one each first, then by capacity
    firms[free] = 1 + round_to_total(cap[free], left)
    for code, count in pinned.items():
        firms[codes.index(code)] = count
    cols["whitelist_firms"] = firms
    out: Numbers = {}
    for i, code in enumerate(codes):
        out[code] = {k: (float(v[i]) if has[i] else None) for k, v in cols.items()}
        if has[i]:
            out[code]["whitelist_firms"] = int(firms[i])
    return out


def check_pattern(nums: Numbers) -> dict[str, float]:
    """Compute, print and assert the province ratio pattern; return the figures."""
    by_short = {r[2]: r[0] for r in PROVINCES}
    valid = [v for v in nums.values() if v["capacity_2025_t"]]
    ratio = np.array([v["retire_2025_t"] / v["capacity_2025_t"] for v in valid])
    cap = np.array([v["capacity_2025_t"] for v in valid])
    slope = float(np.polyfit(cap, ratio, 1)[0])
    figs = {"median_2025": float(np.median(ratio)), "share_below_20": float(np.mean(ratio < 0.2))}
    figs["slope_per_Mt"] = slope * 1e6
    for short in CLUSTER_2030 + HUBS_2030:
        v = nums[by_short[short]]
        figs[f"ratio_2030_{short}"] = v["retire_2030_t"] / v["capacity_2030_t"]
    _print(figs)
    assert 0.10 <= figs["median_2025"] <= 0.13, figs["median_2025"]
    assert 0.45 <= figs["share_below_20"] <= 0.65, figs["share_below_20"]
    assert all(figs[f"ratio_2030_{s}"] > 0.8 for s in CLUSTER_2030), "cluster 2030 ratio"
    assert all(figs[f"ratio_2030_{s}"] < 0.2 for s in HUBS_2030), "hub 2030 ratio"
    assert slope < 0, "slope of ratio on capacity must be negative"
    for short in NO_WHITELIST:
        v = nums[by_short[short]]
        assert v["capacity_2025_t"] == 0 and v["whitelist_firms"] == 0, short
    return figs


def add_capital(nums: Numbers, seed: int) -> None:
    """Add ``capital_cny`` (registered capital of recycling firms, CNY) to every province."""
    short = {r[0]: r[2] for r in PROVINCES}
    codes = sorted(c for c in nums if c not in NO_DATA)
    rng = np.random.default_rng([seed, 3])
    w = np.array([CAPITAL_WEIGHTS.get(short[c], 1.0) for c in codes])
    w = w * rng.lognormal(0.0, SIGMA_CAPITAL, len(codes))
    capital = round_to_total(w, CAPITAL_TOTAL_CNY / CAPITAL_UNIT) * CAPITAL_UNIT
    for code in nums:
        nums[code]["capital_cny"] = None
    for code, value in zip(codes, capital):
        nums[code]["capital_cny"] = float(value)


def check_capital(nums: Numbers) -> dict[str, float]:
    """Assert Beijing most capital, the three hubs little, Pearson r near -0.03; return figures."""
    by_short = {r[2]: r[0] for r in PROVINCES}
    mainland = [v for c, v in nums.items() if c not in NO_DATA]
    capital = np.array([v["capital_cny"] for v in mainland])
    firms = np.array([v["whitelist_firms"] for v in mainland], dtype=float)
    figs = {"pearson_r": float(np.corrcoef(capital, firms)[0, 1])}
    figs["beijing_capital_bn"] = nums["110000"]["capital_cny"] / 1e9
    lower_quartile = float(np.percentile(capital, 25))
    for s in LOW_CAPITAL:
        figs[f"capital_bn_{s}"] = nums[by_short[s]]["capital_cny"] / 1e9
    _print(figs)
    assert -0.10 <= figs["pearson_r"] <= 0.05, figs["pearson_r"]
    assert nums["110000"]["capital_cny"] == capital.max(), "Beijing must have the most capital"
    assert nums["110000"]["whitelist_firms"] == 1
    assert all(nums[by_short[s]]["capital_cny"] < lower_quartile for s in LOW_CAPITAL)
    assert all(nums[by_short[s]]["whitelist_firms"] >= 10 for s in LOW_CAPITAL)
    assert abs(capital.sum() - CAPITAL_TOTAL_CNY) < 1
    return figs


def _city_weight(adcode: str, short: str) -> float:
    """Retirement weight of a city within its province (dimensionless)."""
    if short in CITY_WEIGHTS:
        return float(CITY_WEIGHTS[short])
    if adcode.endswith("0100"):
        return CAPITAL_WEIGHT
    return COUNTY_WEIGHT if adcode[2:4] == "90" else 1.0


def city_numbers(cities: Sequence[dict], nums: Numbers, seed: int) -> Numbers:
    """Per-city ``retire_2025_t`` (t/yr, sums exactly to the province) and ``outlets_2025``.

    ``cities`` are dicts with ``adcode``, ``short_zh`` and ``province_adcode``. Outlets: the
    national total is split in proportion to retirement x outlet factor x lognormal noise.
    """
    rows = sorted(cities, key=lambda r: r["adcode"])
    n = len(rows)
    noise = np.random.default_rng([seed, 1]).lognormal(0.0, SIGMA_CITY, n)
    w = np.array([_city_weight(r["adcode"], r["short_zh"]) for r in rows]) * noise
    retire = np.full(n, np.nan)
    for code, values in nums.items():
        if values["retire_2025_t"] is not None:
            idx = [i for i, r in enumerate(rows) if r["province_adcode"] == code]
            retire[idx] = round_to_total(w[idx], values["retire_2025_t"])
    has = ~np.isnan(retire)
    noise = np.random.default_rng([seed, 2]).lognormal(0.0, SIGMA_OUTLET, n)
    factor = np.array([OUTLET_FACTORS.get(r["short_zh"], 1.0) for r in rows])
    outlets = np.full(n, np.nan)
    outlets[has] = round_to_total((retire * factor * noise)[has], OUTLETS_TOTAL)
    out: Numbers = {}
    for i, r in enumerate(rows):
        ok = bool(has[i])
        out[r["adcode"]] = {
            "retire_2025_t": float(retire[i]) if ok else None,
            "outlets_2025": int(outlets[i]) if ok else None,
        }
    return out


def plugin_bivariate() -> Any:
    """The plugin's ``core.bivariate`` module, imported as ``battery_recycling_atlas.core``.

    Creates the link ``build/pkg/battery_recycling_atlas`` -> the repository when missing (as
    ``tools/demo.py`` does) and puts ``build/pkg`` on ``sys.path``.
    """
    link = PLUGIN_PKG / "battery_recycling_atlas"
    if not link.exists() and not link.is_symlink():
        PLUGIN_PKG.mkdir(parents=True, exist_ok=True)
        link.symlink_to(ROOT, target_is_directory=True)
    if str(PLUGIN_PKG) not in sys.path:
        sys.path.insert(0, str(PLUGIN_PKG))
    from battery_recycling_atlas.core.mismatch import bivariate

    return bivariate


def check_cities(city_nums: Numbers, short_names: dict[str, str]) -> dict[str, float]:
    """Assert the city pattern with the plugin's own matching; return the figures.

    Mainland cities are matched as ``natural_breaks_matching`` does: volume and outlet shares
    classed by exact natural breaks (Jenks, k = 3), under-served = volume class above outlet
    class. Asserted: exact totals; Shanghai under-served with 6-7.5 % of the volume and
    2.5-3.5 % of the outlets; Harbin, Fuzhou and Kunming over-served (and more outlet than
    volume share); 15-22 under-served cities (exactly ``UNDER_SERVED``) holding 130-210 kt; a
    few megacities (3-6) in the top volume class and a few dozen (24-60) in the middle one.
    """
    codes = [c for c, v in city_nums.items() if v["retire_2025_t"] is not None]
    vol = np.array([city_nums[c]["retire_2025_t"] for c in codes])
    out = np.array([city_nums[c]["outlets_2025"] for c in codes], dtype=float)
    bivariate = plugin_bivariate()
    result = bivariate.match(vol, out, k=MATCH_CLASSES, method=MATCH_METHOD)
    names = [short_names[c] for c in codes]
    summary = bivariate.under_served_summary(names, vol, result)
    vs, os_ = result.vol_share * 100, result.outlet_share * 100
    by_short = {s: i for i, s in enumerate(names)}
    figs: dict[str, float] = {}
    for s in ["上海"] + OVER_SERVED:
        figs[f"volume_share_%_{s}"], figs[f"outlet_share_%_{s}"] = vs[by_short[s]], os_[by_short[s]]
    for which, brk in (("volume", result.vol_breaks), ("outlet", result.outlet_breaks)):
        figs[f"{which}_break_1_%"], figs[f"{which}_break_2_%"] = (b * 100 for b in brk.breaks[1:3])
    for c in range(1, MATCH_CLASSES + 1):
        figs[f"volume_class_{c}_cities"] = float(np.count_nonzero(result.vol_class == c))
    figs["under_served_cities"] = float(summary["n"])
    figs["under_served_kt"] = summary["total_volume"] / 1000
    figs["over_served_cities"] = float(result.type_counts()["over_served"])
    figs["cities_without_outlets"] = float((out == 0).sum())
    _print(figs)
    found = [row["name"] for row in summary["rows"]]
    print("  under-served (largest volume share first): " + " ".join(found))
    kind = dict(zip(names, result.match_type.tolist()))
    assert vol.sum() == TOTALS["retire_2025_t"] and out.sum() == OUTLETS_TOTAL
    assert 6.0 <= figs["volume_share_%_上海"] <= 7.5 and 2.5 <= figs["outlet_share_%_上海"] <= 3.5
    assert kind["上海"] == "under_served", kind["上海"]
    assert all(figs[f"outlet_share_%_{s}"] > figs[f"volume_share_%_{s}"] for s in OVER_SERVED)
    assert all(kind[s] == "over_served" for s in OVER_SERVED), [kind[s] for s in OVER_SERVED]
    assert 15 <= figs["under_served_cities"] <= 22, figs["under_served_cities"]
    assert 130 <= figs["under_served_kt"] <= 210, figs["under_served_kt"]
    assert sorted(found) == sorted(UNDER_SERVED), sorted(set(found) ^ set(UNDER_SERVED))
    assert 3 <= figs[f"volume_class_{MATCH_CLASSES}_cities"] <= 6
    assert 24 <= figs["volume_class_2_cities"] <= 60
    return figs


def plant_attributes(nums: Numbers, seed: int) -> list[dict]:
    """One dict per firm: ``firm_id``, ``name``, ``province_adcode``, ``capacity_t``, ``route``.

    A province's ``capacity_2025_t`` (t/yr) is split among its firms by lognormal weights
    (exact sums). Routes: firms ranked by capacity x lognormal noise; the first ``both``, the
    next ``regeneration`` and the rest ``cascade`` (regeneration plants are the larger ones).
    ``name``: the province's short name and the firm's number in it (广东 3 号厂).
    """
    rng = np.random.default_rng([seed, 4])
    plants: list[dict] = []
    for code in sorted(nums):
        count = nums[code]["whitelist_firms"] or 0
        if count:
            weights = rng.lognormal(0.0, SIGMA_PLANT, count)
            caps = round_to_total(weights, nums[code]["capacity_2025_t"])
            plants += [{"province_adcode": code, "capacity_t": float(c)} for c in caps]
    assert len(plants) == FIRMS_TOTAL == sum(ROUTES.values())
    score = np.array([p["capacity_t"] for p in plants]) * rng.lognormal(0, SIGMA_ROUTE, len(plants))
    routes = ["both"] * ROUTES["both"] + ["regeneration"] * ROUTES["regeneration"]
    routes += ["cascade"] * ROUTES["cascade"]
    for rank, i in enumerate(np.argsort(-score, kind="stable")):
        plants[i]["route"] = routes[rank]
    short = {r[0]: r[2] for r in PROVINCES}
    seen: Counter = Counter()
    for k, plant in enumerate(plants, start=1):
        code = plant["province_adcode"]
        seen[code] += 1
        plant["firm_id"] = f"WL{k:03d}"
        plant["name"] = f"{short[code]} {seen[code]} 号厂"  # e.g. 广东 3 号厂, firm order
    return plants


def largest_capacity_province(nums: Numbers) -> str:
    """Adcode of the province with the largest ``capacity_2025_t``."""
    return max(
        (c for c in nums if nums[c]["capacity_2025_t"]),
        key=lambda c: nums[c]["capacity_2025_t"] or 0,
    )


def anchor_leading_firm(plants: list[dict], nums: Numbers) -> int:
    """Give source B's leading firm a plant; return its index in ``plants``.

    The largest plant of the largest-capacity province gets capacity LEADING_FIRM_T /
    LEADING_FIRM_UTILISATION (27,400 / 0.164 = 167,073 t/yr); the province's other plants are
    rescaled to the rest (largest remainder), so the province still sums exactly to its
    ``capacity_2025_t``. Routes, ids, names and every other province stay as they were.
    """
    big = largest_capacity_province(nums)
    idx = [i for i, p in enumerate(plants) if p["province_adcode"] == big]
    anchor = max(idx, key=lambda i: plants[i]["capacity_t"])
    cap = float(round(LEADING_FIRM_T / LEADING_FIRM_UTILISATION))
    total = nums[big]["capacity_2025_t"]
    others = [i for i in idx if i != anchor]
    old = np.array([plants[i]["capacity_t"] for i in others])
    for i, value in zip(others, round_to_total(old, total - cap)):
        plants[i]["capacity_t"] = float(value)
    plants[anchor]["capacity_t"] = cap
    assert sum(plants[i]["capacity_t"] for i in idx) == total, "province capacity sum changed"
    assert all(plants[i]["capacity_t"] > 0 for i in idx)
    assert cap == max(p["capacity_t"] for p in plants), "the leading firm is the largest plant"
    return anchor


def plant_throughput(plants: list[dict], anchor: int, seed: int) -> None:
    """Add ``throughput_t`` (t/yr, whole tonnes) to every plant; exact national total.

    The anchor plant gets LEADING_FIRM_T. From ``default_rng([seed, 6])``: the N_LEADING
    largest other plants run at a utilisation uniform in LEADING_UTIL, N_IDLE cascade-only
    plants below the median capacity (drawn at random) in IDLE_UTIL (at least 1 t), and the
    rest share what is left of RECYCLED_2024_T in proportion to capacity^(1 +
    UTIL_SIZE_ELASTICITY) x lognormal noise (largest remainder): bigger plants run a little
    fuller.
    """
    cap = np.array([p["capacity_t"] for p in plants])
    n = len(plants)
    rng = np.random.default_rng([seed, 6])
    u_lead = rng.uniform(*LEADING_UTIL, n)
    u_idle = rng.uniform(*IDLE_UTIL, n)
    noise = rng.lognormal(0.0, SIGMA_THROUGHPUT, n)
    median = float(np.median(cap))
    pool = [i for i, p in enumerate(plants) if p["route"] == "cascade" and cap[i] < median]
    idle = sorted(int(i) for i in rng.choice(pool, N_IDLE, replace=False))
    lead = [int(i) for i in np.argsort(-cap, kind="stable") if i != anchor][:N_LEADING]
    thr = np.zeros(n)
    thr[anchor] = LEADING_FIRM_T
    thr[lead] = np.round(u_lead[lead] * cap[lead])
    thr[idle] = np.maximum(1.0, np.round(u_idle[idle] * cap[idle]))
    rest = np.array([i for i in range(n) if i != anchor and i not in lead and i not in idle])
    w = cap[rest] ** (1.0 + UTIL_SIZE_ELASTICITY) * noise[rest]
    thr[rest] = round_to_total(w, RECYCLED_2024_T - thr.sum())
    for plant, value in zip(plants, thr):
        plant["throughput_t"] = float(value)


def check_throughput(plants: list[dict], anchor: int, nums: Numbers) -> dict[str, float]:
    """Assert the throughput pattern and the published anchors; return the figures.

    Asserted: the constants match the ``sources`` rows; total 654,000 t (exact); every plant
    0 < throughput <= capacity, whole tonnes; national utilisation 654,000 / 4,233,000 =
    15.45 %; the anchor in the largest-capacity province with 27,400 t at 16.4 %; the leading
    plants at 25-40 %; 3-8 plants near idle (< 3 %); at least 75 % of the plants below the
    median capacity at 5-25 %; no plant above 50 %; the largest quarter of the plants (by
    capacity) fuller than the smallest quarter.
    """
    src = {row[0]: row[1] for row in SOURCES}
    assert src["recycled_volume"] == RECYCLED_2024_T
    assert round(src["leading_firm_throughput"] * 10_000) == LEADING_FIRM_T  # 10 kt/yr -> t/yr
    cap = np.array([p["capacity_t"] for p in plants])
    thr = np.array([p["throughput_t"] for p in plants])
    util = thr / cap
    big = largest_capacity_province(nums)
    small = cap < np.median(cap)
    quarters = np.array_split(np.argsort(cap, kind="stable"), 4)
    figs = {"throughput_total_t": float(thr.sum()), "capacity_total_t": float(cap.sum())}
    figs["national_utilisation_%"] = thr.sum() / cap.sum() * 100
    figs["anchor_capacity_t"], figs["anchor_throughput_t"] = cap[anchor], thr[anchor]
    figs["anchor_utilisation_%"] = util[anchor] * 100
    figs["max_utilisation_%"] = util.max() * 100
    figs["median_utilisation_%"] = float(np.median(util)) * 100
    figs["plants_below_3_%"] = float((util < 0.03).sum())
    in_band = (util >= 0.05) & (util <= 0.25)
    figs["small_plants_5_25_%_share"] = float(np.mean(in_band[small]))
    for q, idx in zip((1, 4), (quarters[0], quarters[-1])):
        figs[f"utilisation_%_size_q{q}"] = thr[idx].sum() / cap[idx].sum() * 100
    _print(figs)
    lead = [i for i in np.argsort(-cap, kind="stable") if i != anchor][:N_LEADING]
    print("  leading: " + ", ".join(f"{plants[i]['name']} {util[i]:.1%}" for i in lead))
    assert thr.sum() == RECYCLED_2024_T, thr.sum()  # exact (the test allows ± 1 t)
    assert (thr > 0).all() and (thr <= cap).all() and (thr == np.round(thr)).all()
    assert round(figs["national_utilisation_%"], 2) == 15.45, figs["national_utilisation_%"]
    assert plants[anchor]["province_adcode"] == big and thr[anchor] == LEADING_FIRM_T
    assert abs(util[anchor] - LEADING_FIRM_UTILISATION) < 0.0005, util[anchor]  # 16.4 %
    assert all(LEADING_UTIL[0] <= util[i] <= LEADING_UTIL[1] for i in lead)
    assert 3 <= figs["plants_below_3_%"] <= 8
    assert figs["small_plants_5_25_%_share"] >= 0.75
    assert util.max() <= 0.5
    assert figs["utilisation_%_size_q4"] > figs["utilisation_%_size_q1"]
    return figs


def _print(figs: dict[str, float]) -> None:
    """Print the figures of a check, one per line."""
    for key, val in figs.items():
        print(f"  {key:>24}: {val:.4f}")
