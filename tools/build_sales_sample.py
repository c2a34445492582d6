"""Build ``resources/data/nev_sales_sample.csv``: illustrative NEV sales by province, 2012-2025.

**Illustrative values, not official statistics.** No per-province NEV sales series ships with
the plugin; this seeded script makes one so that ``retirement_forecast`` and
``join_region_table`` can be demonstrated and tested. Only the national totals are real.

Method:

1. National totals (vehicles per year, :data:`NATIONAL_SALES`): China Association of Automobile
   Manufacturers (CAAM, 中国汽车工业协会) annual new-energy-vehicle sales as published in its
   January press releases, 2012-2024 (wholesale sales of BEV, PHEV and FCEV by manufacturers,
   exports included: e.g. 1.20 M of the 9.495 M in 2023 were exported). **2025 is an
   assumption** (about 16 M, continuing the 2024 growth; not a published figure).
2. Province weights: each of the 31 mainland provinces (Hong Kong, Macau and Taiwan are outside
   CAAM's scope) has a hand-set weight for the early market (2012-2016: pilot cities, buses and
   taxis; Beijing, Shanghai, Shenzhen/Guangdong, Tianjin, Hefei/Anhui ahead) and for the mass
   market (2021-2025: Guangdong, Zhejiang, Jiangsu, Shandong, Henan, Shanghai, Beijing, Sichuan
   ahead), blended linearly in between (:data:`WEIGHTS`).
3. Noise: ``numpy.random.default_rng(seed)`` (seed 20250101) draws one lognormal factor
   (sigma 0.10) per province and year, in adcode-then-year order. Weight × factor is scaled to
   the national total and rounded to whole vehicles with the largest-remainder method, so
   every year's provinces add up exactly to the national figure.
4. Names: to exercise name matching, the ``province`` column is written in a form drawn per row
   with the same generator (after the noise): full Chinese name (广东省), short name (广东),
   English (Guangdong), long English / other romanisation (Guangdong Province, Nei Mongol
   Autonomous Region, Xizang Autonomous Region) or traditional characters (廣東省).
   ``province_adcode`` is always the 6-digit code; ``illustrative`` is 1 on every row.

Run: ``.venv/bin/python tools/build_sales_sample.py [--output PATH] [--seed N]`` (numpy only).
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = ROOT / "resources" / "data" / "nev_sales_sample.csv"
DEFAULT_SEED = 20250101
SIGMA = 0.10
EARLY_END, LATE_START = 2016, 2021  # weights blend linearly between these years
COLUMNS = ("province_adcode", "province", "year", "nev_sales", "illustrative")

#: National NEV sales, vehicles/yr. CAAM annual figures 2012-2024; 2025 is an assumption.
NATIONAL_SALES: dict[int, int] = {
    2012: 12_791,
    2013: 17_642,
    2014: 74_763,
    2015: 331_092,
    2016: 507_000,
    2017: 777_000,
    2018: 1_256_000,
    2019: 1_206_000,
    2020: 1_367_000,
    2021: 3_521_000,
    2022: 6_887_000,
    2023: 9_495_000,
    2024: 12_866_000,
    2025: 16_000_000,  # assumption, not a published figure
}
ASSUMED_YEARS = (2025,)

# fmt: off
#: adcode: (full name, short name, English, long English / other romanisation, traditional)
NAMES: dict[str, tuple] = {
    "110000": ("北京市", "北京", "Beijing", "Beijing Municipality", "北京市"),
    "120000": ("天津市", "天津", "Tianjin", "Tianjin Municipality", "天津市"),
    "130000": ("河北省", "河北", "Hebei", "Hebei Province", "河北省"),
    "140000": ("山西省", "山西", "Shanxi", "Shanxi Province", "山西省"),
    "150000": ("内蒙古自治区", "内蒙古", "Inner Mongolia", "Nei Mongol Autonomous Region",
               "內蒙古自治區"),
    "210000": ("辽宁省", "辽宁", "Liaoning", "Liaoning Province", "遼寧省"),
    "220000": ("吉林省", "吉林", "Jilin", "Jilin Province", "吉林省"),
    "230000": ("黑龙江省", "黑龙江", "Heilongjiang", "Heilongjiang Province", "黑龍江省"),
    "310000": ("上海市", "上海", "Shanghai", "Shanghai Municipality", "上海市"),
    "320000": ("江苏省", "江苏", "Jiangsu", "Jiangsu Province", "江蘇省"),
    "330000": ("浙江省", "浙江", "Zhejiang", "Zhejiang Province", "浙江省"),
    "340000": ("安徽省", "安徽", "Anhui", "Anhui Province", "安徽省"),
    "350000": ("福建省", "福建", "Fujian", "Fujian Province", "福建省"),
    "360000": ("江西省", "江西", "Jiangxi", "Jiangxi Province", "江西省"),
    "370000": ("山东省", "山东", "Shandong", "Shandong Province", "山東省"),
    "410000": ("河南省", "河南", "Henan", "Henan Province", "河南省"),
    "420000": ("湖北省", "湖北", "Hubei", "Hubei Province", "湖北省"),
    "430000": ("湖南省", "湖南", "Hunan", "Hunan Province", "湖南省"),
    "440000": ("广东省", "广东", "Guangdong", "Guangdong Province", "廣東省"),
    "450000": ("广西壮族自治区", "广西", "Guangxi", "Guangxi Zhuang Autonomous Region",
               "廣西壯族自治區"),
    "460000": ("海南省", "海南", "Hainan", "Hainan Province", "海南省"),
    "500000": ("重庆市", "重庆", "Chongqing", "Chongqing Municipality", "重慶市"),
    "510000": ("四川省", "四川", "Sichuan", "Sichuan Province", "四川省"),
    "520000": ("贵州省", "贵州", "Guizhou", "Guizhou Province", "貴州省"),
    "530000": ("云南省", "云南", "Yunnan", "Yunnan Province", "雲南省"),
    "540000": ("西藏自治区", "西藏", "Tibet", "Xizang Autonomous Region", "西藏自治區"),
    "610000": ("陕西省", "陕西", "Shaanxi", "Shaanxi Province", "陝西省"),
    "620000": ("甘肃省", "甘肃", "Gansu", "Gansu Province", "甘肅省"),
    "630000": ("青海省", "青海", "Qinghai", "Qinghai Province", "青海省"),
    "640000": ("宁夏回族自治区", "宁夏", "Ningxia", "Ningxia Hui Autonomous Region",
               "寧夏回族自治區"),
    "650000": ("新疆维吾尔自治区", "新疆", "Xinjiang", "Xinjiang Uygur Autonomous Region",
               "新疆維吾爾自治區"),
}

#: adcode: (weight in the early market 2012-2016, weight in the mass market 2021-2025)
WEIGHTS: dict[str, tuple] = {
    "110000": (10.0, 4.5), "120000": (5.0, 2.5), "130000": (2.0, 3.5), "140000": (1.0, 1.5),
    "150000": (0.5, 0.8), "210000": (1.0, 1.5), "220000": (0.6, 0.8), "230000": (0.5, 0.6),
    "310000": (9.0, 6.0), "320000": (5.0, 7.5), "330000": (6.0, 9.0), "340000": (3.0, 3.5),
    "350000": (2.0, 3.0), "360000": (1.5, 1.5), "370000": (5.0, 6.5), "410000": (3.0, 6.0),
    "420000": (3.0, 3.0), "430000": (3.0, 2.5), "440000": (8.0, 10.0), "450000": (1.5, 2.5),
    "460000": (1.5, 1.5), "500000": (1.5, 2.5), "510000": (2.0, 4.5), "520000": (0.8, 1.2),
    "530000": (1.0, 2.0), "540000": (0.1, 0.1), "610000": (2.0, 2.5), "620000": (0.5, 0.6),
    "630000": (0.2, 0.2), "640000": (0.3, 0.3), "650000": (0.6, 0.7),
}
# fmt: on


def largest_remainder(shares: np.ndarray, total: int) -> np.ndarray:
    """Integers proportional to ``shares`` that add up to ``total`` exactly."""
    exact = shares / shares.sum() * total
    out = np.floor(exact).astype(np.int64)
    order = np.argsort(-(exact - out), kind="stable")
    out[order[: total - int(out.sum())]] += 1
    return out


def blend(year: int, early: float, late: float) -> float:
    """Weight for ``year``: early until 2016, late from 2021, linear in between."""
    f = min(max((year - EARLY_END) / (LATE_START - EARLY_END), 0.0), 1.0)
    return early + f * (late - early)


def build(seed: int = DEFAULT_SEED) -> list[dict]:
    rng = np.random.default_rng(seed)
    codes = sorted(NAMES)
    years = sorted(NATIONAL_SALES)
    noise = rng.lognormal(0.0, SIGMA, size=(len(codes), len(years)))  # adcode, then year
    forms = rng.integers(0, 5, size=(len(codes), len(years)))
    rows: list[dict] = []
    sales = np.zeros((len(codes), len(years)), dtype=np.int64)
    for k, year in enumerate(years):
        weights = np.array([blend(year, *WEIGHTS[c]) for c in codes]) * noise[:, k]
        sales[:, k] = largest_remainder(weights, NATIONAL_SALES[year])
    for i, code in enumerate(codes):
        for k, year in enumerate(years):
            rows.append(
                {
                    "province_adcode": code,
                    "province": NAMES[code][forms[i, k]],
                    "year": year,
                    "nev_sales": int(sales[i, k]),
                    "illustrative": 1,
                }
            )
    for k, year in enumerate(years):
        assert int(sales[:, k].sum()) == NATIONAL_SALES[year], year
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    rows = build(args.seed)
    with open(args.output, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(
        f"wrote {args.output}: {len(rows)} rows, {len(NAMES)} provinces, "
        f"{min(NATIONAL_SALES)}-{max(NATIONAL_SALES)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
