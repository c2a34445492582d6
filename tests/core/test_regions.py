"""Tests for core.regions: codes, name normalisation, province aliases, and join_keys."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from osgeo import ogr

from battery_recycling_atlas.core.regions import names as rg
from battery_recycling_atlas.core.regions.names import join_keys, normalize_code, normalize_name

SAMPLE_CSV = Path(__file__).resolve().parents[2] / "resources" / "data" / "nev_sales_sample.csv"

# Written out by hand (not derived from the plugin's table), for the provinces whose names
# differ in traditional characters.
TRADITIONAL = {
    "150000": "內蒙古自治區",
    "210000": "遼寧省",
    "230000": "黑龍江省",
    "320000": "江蘇省",
    "370000": "山東省",
    "440000": "廣東省",
    "450000": "廣西壯族自治區",
    "500000": "重慶市",
    "520000": "貴州省",
    "530000": "雲南省",
    "540000": "西藏自治區",
    "610000": "陝西省",
    "620000": "甘肅省",
    "640000": "寧夏回族自治區",
    "650000": "新疆維吾爾自治區",
    "710000": "臺灣省",
    "810000": "香港特別行政區",
    "820000": "澳門特別行政區",
}
# Other English / pinyin forms found in statistics tables.
OTHER_FORMS = {
    "110000": ["Beijing Municipality", "Beijing Shi", "PEKING", "Běijīng"],
    "140000": ["Shanxi Province", "Shanxi Sheng", "Shansi"],
    "150000": [
        "Nei Mongol",
        "Neimenggu",
        "Nei Mongol Autonomous Region",
        "Inner Mongolia Autonomous Region",
        "Nei Menggu Zizhiqu",
        "内蒙古",
    ],
    "450000": ["Guangxi Zhuang Autonomous Region", "Guangxi Zhuangzu Zizhiqu"],
    "540000": ["Xizang", "Tibet Autonomous Region", "Xizang Zizhiqu"],
    "610000": ["Shaanxi Province", "Shaanxi Sheng", "Shensi"],
    "640000": ["Ningxia Hui Autonomous Region"],
    "650000": ["Xinjiang Uygur Autonomous Region", "Xinjiang Uyghur Autonomous Region"],
    "710000": ["Taiwan, China", "Taiwan Province"],
    "810000": [
        "Hong Kong SAR",
        "Hong Kong S.A.R.",
        "Hongkong",
        "Xianggang",
        "Hong Kong, China",
        "Hong Kong Special Administrative Region",
    ],
    "820000": ["Macao", "Macao SAR", "Aomen", "Macau Special Administrative Region"],
}


def read_layer(path: Path, name: str) -> list[dict]:
    ds = ogr.Open(str(path))
    layer = ds.GetLayerByName(name)
    fields = [
        layer.GetLayerDefn().GetFieldDefn(i).GetName()
        for i in range(layer.GetLayerDefn().GetFieldCount())
    ]
    return [{f: feat[f] for f in fields} for feat in layer]


@pytest.fixture(scope="module")
def provinces(sample_gpkg) -> list[dict]:
    rows = read_layer(sample_gpkg, "provinces")
    assert len(rows) == 34
    return rows


@pytest.fixture(scope="module")
def cities(sample_gpkg) -> list[dict]:
    return read_layer(sample_gpkg, "cities")


def test_enumerations_are_stable():
    assert rg.MATCH_BY == ("auto", "code", "name")
    assert rg.JOIN_HOW[:5] == ("code", "code_prefix", "name", "alias", "unmatched")
    assert len(rg.PROVINCE_ALIASES) == 34


@pytest.mark.parametrize(
    "value, code",
    [
        (110000, "110000"),
        (110000.0, "110000"),
        ("110000", "110000"),
        (" 110 000 ", "110000"),
        ("110000.0", "110000"),
        ("１１００００", "110000"),
        (np.int64(440300), "440300"),
        ("11", "110000"),
        (11, "110000"),
        ("1101", "110100"),
        ("110000000000", "110000"),
        ("440305001", "440305"),
        (None, None),
        (float("nan"), None),
        ("", None),
        ("abc", None),
        (110000.5, None),
        (True, None),
        (2024, None),
        ("2024", None),
        ("990000", None),
        ("11000", None),
        (-110000, None),
        (pd.NA, None),
    ],
)
def test_normalize_code(value, code):
    assert normalize_code(value) == code


def test_code_level():
    assert rg.code_level("110000") == "province"
    assert rg.code_level(110100) == "prefecture"
    assert rg.code_level("110105") == "county"
    assert rg.code_level("11") == "province"
    with pytest.raises(ValueError):
        rg.code_level("x")


def test_every_province_variant_maps_to_its_code(provinces):
    for row in provinces:
        code = row["adcode"]
        variants = [
            row["name_zh"],
            row["short_zh"],
            row["name_en"],
            row["name_en"].upper(),
            f" {row['name_zh']} ",
            TRADITIONAL.get(code, row["name_zh"]),
            *OTHER_FORMS.get(code, []),
        ]
        for variant in variants:
            assert rg.canonical_region_key(variant) == code, variant
            assert rg.alias_code(variant) == code, variant
        # And through a join against the layer's Chinese names (one variant per table).
        result = join_keys([p["name_zh"] for p in provinces], variants, "name")
        index = [p["adcode"] for p in provinces].index(code)
        assert result.region_to_row[index] == 0
        assert result.row_how[0] in ("name", "alias")
        assert result.duplicate_rows == {normalize_name(row["name_zh"]): list(range(len(variants)))}
        assert sum(r is not None for r in result.region_to_row) == 1


def test_full_and_short_names_give_one_key(provinces):
    for row in provinces:
        assert normalize_name(row["name_zh"]) == normalize_name(row["short_zh"])
        trad = TRADITIONAL.get(row["adcode"])
        if trad:
            assert normalize_name(trad) == normalize_name(row["short_zh"])
    assert normalize_name("广西壮族自治区") == "广西"
    assert normalize_name("新疆维吾尔自治区") == "新疆"
    assert normalize_name("内蒙古自治区") == "内蒙古"  # 蒙古 is part of the name here
    assert normalize_name("恩施土家族苗族自治州") == "恩施"
    assert normalize_name("博尔塔拉蒙古自治州") == "博尔塔拉"
    assert normalize_name("和县") == "和县"  # never below two characters
    assert normalize_name("Xi'an") == normalize_name("Xi’an") == normalize_name("XIAN") == "xian"
    assert normalize_name("Lüliang") == normalize_name("Lvliang") == "luliang"
    assert normalize_name(None) == normalize_name(float("nan")) == normalize_name("  ") == ""


def test_shanxi_and_shaanxi_are_never_merged():
    assert normalize_name("Shanxi") != normalize_name("Shaanxi")
    assert rg.alias_code("Shanxi") == rg.alias_code("山西省") == "140000"
    assert rg.alias_code("Shaanxi") == rg.alias_code("陕西省") == rg.alias_code("陝西") == "610000"
    result = join_keys(["山西省", "陕西省"], ["Shaanxi", "Shanxi", "Shensi", "Shansi"], "name")
    assert result.region_to_row == [1, 0]
    assert result.row_how == ["alias", "alias", "duplicate", "duplicate"]
    assert result.duplicate_rows == {"陕西": [0, 2], "山西": [1, 3]}


def test_codes_are_prefix_aware():
    regions = ["110000", "110100", "120000", 130000]
    result = join_keys(regions, ["110000", "11", "1201", "130000000000"], "code")
    assert result.region_to_row == [0, None, None, 3]
    assert result.how == ["code", "unmatched", "unmatched", "code_prefix"]
    assert result.row_how == ["code", "duplicate", "unmatched", "code_prefix"]
    assert result.unmatched_rows == [2]
    assert result.duplicate_rows == {"110000": [0, 1]}
    padded = join_keys(regions, ["11", "1101"], "code")
    assert padded.region_to_row == [0, 1, None, None]
    assert padded.how[:2] == ["code_prefix", "code_prefix"]
    # A prefecture table joined to provinces: nothing matches, and it says so.
    city_table = join_keys(["110000", "120000"], ["110100", "120100", "110101"], "code")
    assert city_table.region_to_row == [None, None]
    assert city_table.unmatched_rows == [0, 1, 2]
    assert city_table.summary()["rows"]["unmatched"] == 3


def test_auto_mode_chooses_codes_or_names():
    assert join_keys([110000, 120000], ["110000", "x", "120000"]).match_by == "code"
    assert join_keys(["北京", "天津"], ["110000", "120000"]).match_by == "name"
    assert join_keys([110000, 120000], ["北京", "天津"]).match_by == "name"
    assert join_keys([], []).match_by == "name"
    with pytest.raises(ValueError):
        join_keys([], [], "fuzzy")


def test_duplicate_names_in_the_region_layer_are_ambiguous(cities):
    names = [c["name_en"] for c in cities]
    suzhou = [i for i, n in enumerate(names) if n == "Suzhou"]
    assert len(suzhou) == 2
    result = join_keys(names, ["Suzhou", "Shijiazhuang", "Atlantis"], "name")
    assert result.row_how == ["ambiguous", "name", "unmatched"]
    assert result.unmatched_rows == [0, 2]
    assert result.ambiguous_regions["suzhou"] == suzhou
    assert [result.how[i] for i in suzhou] == ["ambiguous", "ambiguous"]
    assert result.region_to_row[names.index("Shijiazhuang")] == 1


def check_nothing_lost(result, n_regions: int, n_rows: int) -> None:
    """Every region appears once; every table row is used, a duplicate or unmatched."""
    assert len(result.region_to_row) == len(result.how) == n_regions
    assert len(result.row_how) == n_rows
    used = [j for j in result.region_to_row if j is not None]
    assert len(used) == len(set(used))  # a row feeds at most one region
    duplicates = {j for j, how in enumerate(result.row_how) if how == "duplicate"}
    unmatched = set(result.unmatched_rows)
    assert set(used) | duplicates | unmatched == set(range(n_rows))
    assert len(used) + len(duplicates) + len(unmatched) == n_rows  # disjoint
    grouped = {j for rows in result.duplicate_rows.values() for j in rows}
    assert duplicates <= grouped  # every unused duplicate is reported with its group
    for rows in result.duplicate_rows.values():
        assert len(rows) > 1 and rows == sorted(rows)
    for j, how in enumerate(result.row_how):
        assert (how in ("code", "code_prefix", "name", "alias")) == (j in used)
        assert (how in ("unmatched", "ambiguous")) == (j in unmatched)
    for i, how in enumerate(result.how):
        assert (result.region_to_row[i] is None) == (how in ("unmatched", "ambiguous"))
    counts = result.summary()
    assert sum(counts["regions"].values()) == n_regions
    assert sum(counts["rows"].values()) == n_rows


@pytest.mark.parametrize("match_by", ["code", "name"])
def test_nothing_is_lost_from_either_side(cities, match_by):
    rng = np.random.default_rng(3)
    key = "adcode" if match_by == "code" else "name_zh"
    region_keys = [c[key] for c in cities]
    picks = rng.choice(len(cities), size=250, replace=True)  # repeats → duplicates
    table = [
        cities[i][key]
        if match_by == "code"
        else [cities[i]["name_zh"], cities[i]["short_zh"]][int(rng.integers(2))]
        for i in picks
    ]
    table += ["659999", "Atlantis", None, "", "659999", "Atlantis"]
    result = join_keys(region_keys, table, match_by)
    check_nothing_lost(result, len(region_keys), len(table))
    assert result.unmatched_rows == list(range(250, 256))
    junk = "659999" if match_by == "code" else "atlantis"
    assert result.duplicate_rows[junk] == ([251, 255] if match_by == "name" else [250, 254])
    matched = {i for i, j in enumerate(result.region_to_row) if j is not None}
    assert matched == {int(i) for i in picks}
    for i, j in enumerate(result.region_to_row):
        if j is not None:
            assert cities[i]["adcode"] == cities[int(picks[j])]["adcode"]
    assert result.duplicate_rows  # 250 picks of 372 repeat some cities


def test_cities_join_to_themselves_by_every_name_field(cities):
    codes = [c["adcode"] for c in cities]
    for key in ("name_zh", "short_zh", "adcode"):
        result = join_keys([c[key] for c in cities], [c[key] for c in cities])
        check_nothing_lost(result, len(cities), len(cities))
        assert result.unmatched_rows == [] or key != "adcode"
        ok = [i for i, j in enumerate(result.region_to_row) if j is not None]
        assert all(result.region_to_row[i] == i for i in ok)
        assert len(ok) >= len(cities) - 2 * len(result.ambiguous_regions), key
    assert len(set(codes)) == len(codes)


def test_sample_sales_table_joins_to_provinces(provinces):
    sample = pd.read_csv(SAMPLE_CSV, dtype={"province_adcode": str})
    assert list(sample.columns) == [
        "province_adcode",
        "province",
        "year",
        "nev_sales",
        "illustrative",
    ]
    assert (sample["illustrative"] == 1).all()
    latest = sample[sample["year"] == 2024]
    by_name = join_keys([p["name_zh"] for p in provinces], list(latest["province"]))
    by_code = join_keys([p["adcode"] for p in provinces], list(latest["province_adcode"]))
    assert by_name.match_by == "name" and by_code.match_by == "code"
    assert by_name.region_to_row == by_code.region_to_row
    assert by_name.unmatched_rows == [] and by_name.duplicate_rows == {}
    assert sum(j is None for j in by_name.region_to_row) == 3  # Hong Kong, Macau, Taiwan
    forms = set(sample["province"])
    assert {"广东省", "广东", "Guangdong", "廣東省"} <= forms  # mixed forms in the table
