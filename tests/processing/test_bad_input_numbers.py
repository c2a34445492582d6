"""Issue 12, numbers: values that are not finite, and finite values whose totals, profits or
surfaces overflow float64 (or the working precision), are refused through ``processing.run``
with a message that names the field (or parameter) and the features by name and id; the input
file is left byte for byte as it was (sha256) and no output is written.

The matrix below is algorithm × bad input (:data:`CASES`); every input is a GeoPackage written
with OGR alone, so the features' ids are their GeoPackage fids (1, 2, 3 …).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException

from tests.layers import is_null, memory_layer, point, square, write_gpkg
from tests.processing.test_siting_algorithms import EXTENT, TO_LL, centre

INF = math.inf
HUGE = 1.7e308  # finite; two of them sum to inf
NAMES = ("甲", "乙", "丙", "丁")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def regions_gpkg(folder: Path, second: str, rows: list[tuple[Any, Any]], kind=ogr.OFTReal) -> Path:
    """Four squares (EPSG:3857) with 名称, 甲值 (real) and ``second`` (``kind``): fids 1–4."""
    path = folder / "区域.gpkg"
    write_gpkg(
        path,
        "区域",
        3857,
        ogr.wkbPolygon,
        [("名称", ogr.OFTString), ("甲值", ogr.OFTReal), (second, kind)],
        [
            (square(i * 20e3, 0.0, 10e3).asWkt(), name, a, b)
            for i, (name, (a, b)) in enumerate(zip(NAMES, rows))
        ],
    )
    return path


def plants_gpkg(folder: Path, rows: list[tuple[float, float]]) -> Path:
    """Plants (EPSG:4326) with 名称, 产能 and 处理量 (t/yr): fids 1–n."""
    path = folder / "工厂.gpkg"
    write_gpkg(
        path,
        "工厂",
        4326,
        ogr.wkbPoint,
        [("名称", ogr.OFTString), ("产能", ogr.OFTReal), ("处理量", ogr.OFTReal)],
        [(f"POINT({110 + i} 30)", NAMES[i], c, t) for i, (c, t) in enumerate(rows)],
    )
    return path


def sales_gpkg(folder: Path, sales: list[float]) -> Path:
    """A sales table (no geometry): 地区, 年份, 销量 (t/yr); fids 1–n."""
    path = folder / "销量.gpkg"
    rows = [("广东省", 2018), ("广东省", 2019), ("广西", 2019)]
    write_gpkg(
        path,
        "销量",
        4326,
        ogr.wkbPoint,
        [("地区", ogr.OFTString), ("年份", ogr.OFTInteger), ("销量", ogr.OFTReal)],
        [(f"POINT({110 + i} 30)", r, y, s) for i, ((r, y), s) in enumerate(zip(rows, sales))],
    )
    return path


def supply_gpkg(folder: Path, tonnes: list[float]) -> Path:
    """Supply points (EPSG:4326) at the centres of cells (40, 39) and (50, 39) of the surface
    grid of tests/processing/test_siting_algorithms.py, field t (t/yr); fids 1–2."""
    path = folder / "供应.gpkg"
    rows = []
    for (col, row), t in zip(((40, 39), (50, 39)), tonnes):
        lon, lat = TO_LL.transform(*centre(col, row))
        rows.append((f"POINT({lon} {lat})", t))
    write_gpkg(path, "供应", 4326, ogr.wkbPoint, [("t", ogr.OFTReal)], rows)
    return path


@dataclass(frozen=True)
class Case:
    """One cell of the matrix: ``build(folder)`` writes the input file and returns it with the
    run's parameters (outputs to ``folder``); the error must match every pattern of ``says``."""

    alg: str
    bad: str
    build: Callable[[Path], tuple[Path, dict]]
    says: tuple[str, ...]


def _ratio(ret: list, cap: list) -> Callable[[Path], tuple[Path, dict]]:
    def build(folder: Path) -> tuple[Path, dict]:
        path = regions_gpkg(folder, "产能", list(zip(ret, cap)))
        params = {"RETIREMENT_FIELD": "甲值", "CAPACITY_FIELD": "产能", "NAME_FIELD": "名称"}
        return path, params

    return build


def _regions(alg: str, first: str, second: str, a: list, b: list, kind=ogr.OFTReal):
    def build(folder: Path) -> tuple[Path, dict]:
        path = regions_gpkg(folder, "乙值", list(zip(a, b)), kind)
        return path, {first: "甲值", second: "乙值", "NAME_FIELD": "名称"}

    return build


def _plants(rows: list[tuple[float, float]], **extra: Any):
    def build(folder: Path) -> tuple[Path, dict]:
        path = plants_gpkg(folder, rows)
        params = {"CAPACITY_FIELD": "产能", "THROUGHPUT_FIELD": "处理量", "NAME_FIELD": "名称"}
        return path, {**params, **extra}

    return build


def _forecast(sales: list[float], **extra: Any):
    def build(folder: Path) -> tuple[Path, dict]:
        path = sales_gpkg(folder, sales)
        params = {
            "REGION_FIELD": "地区",
            "YEAR_FIELD": "年份",
            "SALES_FIELD": "销量",
            "SALES_UNIT": 1,
            "START_YEAR": 2020,
            "END_YEAR": 2030,
        }
        return path, {**params, **extra}

    return build


def _surface(tonnes: list[float], **extra: Any):
    def build(folder: Path) -> tuple[Path, dict]:
        path = supply_gpkg(folder, tonnes)
        params = {
            "SUPPLY_FIELD": "t",
            "EXTENT": EXTENT,
            "PIXEL_SIZE": 10,
            "HAUL_RADIUS": 300,
            "OUTPUT": str(folder / "profit.tif"),
            "SUPPLY_OUTPUT": str(folder / "supply.tif"),
        }
        return path, {**params, **extra}

    return build


OK_PLANTS = [(20000.0, 10000.0), (20000.0, 10000.0), (30000.0, 10000.0)]
MC = {"N_SIMULATIONS": 200}
CASES = [
    # Ratio: an infinite capacity was kept as invalid ("Negative values …"); two huge
    # retirements gave NATIONAL_RATIO 0 and undefined statistics without a word.
    Case(
        "retirement_capacity_ratio",
        "retirement total overflows",
        _ratio([HUGE, HUGE, 5.0, 3.0], [10.0, 20.0, 30.0, 40.0]),
        ("“甲值”", "RETIREMENT_FIELD", "not finite", r"甲 \(1\), 乙 \(2\)\.$"),
    ),
    Case(
        "retirement_capacity_ratio",
        "capacity +inf",
        _ratio([1.0, 2.0, 5.0, 3.0], [10.0, 20.0, INF, 40.0]),
        ("“产能”", "CAPACITY_FIELD", r"not finite \(±inf\)", r"丙 \(3\)\.$"),
    ),
    Case(
        "retirement_capacity_ratio",
        "retirement -inf",
        _ratio([1.0, -INF, 5.0, 3.0], [10.0, 20.0, 30.0, 40.0]),
        ("“甲值”", "RETIREMENT_FIELD", r"not finite \(±inf\)", r"乙 \(2\)\.$"),
    ),
    # Matching: two volumes of 1.7e308 made every share 0 and VOL_BREAKS "0,0".
    Case(
        "natural_breaks_matching",
        "volume total overflows",
        _regions(
            "natural_breaks_matching",
            "VOLUME_FIELD",
            "OUTLETS_FIELD",
            [HUGE, HUGE, 5.0, 3.0],
            [1, 2, 3, 4],
            ogr.OFTInteger,
        ),
        ("“甲值”", "VOLUME_FIELD", "not finite", r"甲 \(1\), 乙 \(2\)\.$"),
    ),
    Case(
        "natural_breaks_matching",
        "volume +inf",
        _regions(
            "natural_breaks_matching",
            "VOLUME_FIELD",
            "OUTLETS_FIELD",
            [1.0, 2.0, 5.0, INF],
            [1, 2, 3, 4],
            ogr.OFTInteger,
        ),
        ("“甲值”", "VOLUME_FIELD", r"not finite \(±inf\)", r"丁 \(4\)\.$"),
    ),
    Case(
        "natural_breaks_matching",
        "volume negative",
        _regions(
            "natural_breaks_matching",
            "VOLUME_FIELD",
            "OUTLETS_FIELD",
            [1.0, -2.0, 5.0, 3.0],
            [1, 2, 3, 4],
            ogr.OFTInteger,
        ),
        ("“甲值”", "VOLUME_FIELD", "Negative", r"乙 \(2\)\.$"),
    ),
    # Compliance: every index NULL while PEARSON_R was reported.
    Case(
        "capital_compliance",
        "capital total overflows",
        _regions(
            "capital_compliance",
            "CAPITAL_FIELD",
            "WHITELIST_FIELD",
            [HUGE, HUGE, 5.0, 3.0],
            [1, 2, 3, 4],
            ogr.OFTInteger,
        ),
        ("“甲值”", "CAPITAL_FIELD", "not finite", r"甲 \(1\), 乙 \(2\)\.$"),
    ),
    Case(
        "capital_compliance",
        "whitelist firms +inf",
        _regions(
            "capital_compliance",
            "CAPITAL_FIELD",
            "WHITELIST_FIELD",
            [1.0, 2.0, 5.0, 3.0],
            [1.0, INF, 3.0, 4.0],
        ),
        ("“乙值”", "WHITELIST_FIELD", r"not finite \(±inf\)", r"乙 \(2\)\.$"),
    ),
    # Plants: an infinite capacity was kept as no_data/NULL; a profit that is not finite was
    # reported by 0-based position.
    Case(
        "plant_profit",
        "capacity +inf",
        _plants([(20000.0, 10000.0), (INF, 10000.0), (30000.0, 10000.0)]),
        ("“产能”", "CAPACITY_FIELD", r"not finite \(±inf\)", r"乙 \(2\)\.$"),
    ),
    Case(
        "plant_profit",
        "throughput +inf",
        _plants([(20000.0, 10000.0), (30000.0, 10000.0), (30000.0, INF)]),
        ("“处理量”", "THROUGHPUT_FIELD", r"not finite \(±inf\)", r"丙 \(3\)\.$"),
    ),
    Case(
        "plant_profit",
        "profit overflows (LI2CO3_PRICE 1e306)",
        _plants(OK_PLANTS, LI2CO3_PRICE=1e306),
        ("profit", "not finite", r"甲 \(1\), 乙 \(2\), 丙 \(3\)\.$"),
    ),
    Case(
        "profit_uncertainty",
        "capacity +inf",
        _plants([(20000.0, 10000.0), (INF, 10000.0), (30000.0, 10000.0)], **MC),
        ("“产能”", "CAPACITY_FIELD", r"not finite \(±inf\)", r"乙 \(2\)\.$"),
    ),
    Case(
        "profit_uncertainty",
        "profit overflows (LI2CO3_PRICE 1e306)",
        _plants(OK_PLANTS, LI2CO3_PRICE=1e306, **MC),
        ("profit", "not finite", r"甲 \(1\), 乙 \(2\), 丙 \(3\)\.$"),
    ),
    Case(
        "profit_uncertainty",
        "range overflows (LI2CO3_PRICE 1e308)",
        _plants(OK_PLANTS, LI2CO3_PRICE=1e308, **MC),
        ("rm.li2co3_price", "LI2CO3_PRICE", "not finite"),
    ),
    # Forecast: the output held inf. (The adapter names the kind; its wording is the
    # forecast adapter's, so only the ids and the absence of "NULL sales" are checked.)
    Case(
        "retirement_forecast",
        "sales +inf",
        _forecast([INF, 1.0, 2.0]),
        (r"^Field “销量”: not a finite number .*feature ids: 1$",),
    ),
    Case(  # 1 kWh per t: each row's GWh is finite, the region's cumulative total is not
        "retirement_forecast",
        "sales total overflows",
        _forecast([1e308, 1e308, 5.0], PACK_MASS=1.0, PACK_ENERGY=1.0),
        (r"sales too large: the retired tonnes or GWh would not be finite: feature ids 1, 2$",),
    ),
    # Profit surface: an all-NaN raster, and −inf cells.
    Case(
        "profit_surface",
        "supply 1e300",
        _surface([1e300, 10000.0]),
        ("would not be finite", "supply in “t” is too large at features 1;"),
    ),
    Case(
        "profit_surface",
        "PLANT_CAPACITY 1e300",
        _surface([30000.0, 10000.0], PLANT_CAPACITY=1e300),
        ("would not be finite", r"PLANT_CAPACITY\) is too large"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.alg}-{c.bad}" for c in CASES])
def test_bad_numbers_are_refused_by_name_and_id(run_alg, tmp_path, case: Case):
    path, params = case.build(tmp_path)
    before = sha256(path)
    files = {p.name for p in tmp_path.iterdir()}
    key = "SUPPLY" if case.alg == "profit_surface" else "INPUT"
    params = {key: str(path), **params}
    params.setdefault("OUTPUT", str(tmp_path / "输出.gpkg"))
    with pytest.raises(QgsProcessingException) as err:
        run_alg(case.alg, params)
    text = str(err.value)
    for pattern in case.says:
        assert re.search(pattern, text), (pattern, text)
    assert "Traceback" not in text and "NULL sales" not in text
    assert sha256(path) == before  # the input is untouched
    assert {p.name for p in tmp_path.iterdir()} == files  # nothing written, nothing left


def test_matrix_size():
    """The number of matrix cells the report quotes: algorithm × bad input."""
    assert len(CASES) == 18
    assert len({c.alg for c in CASES}) == 7


def test_compliance_counts_no_negative_capacity_and_names_it(run_alg, feedback):
    # Whitelist firms as points with a capacity: the one at −10 t/yr was left out without a
    # word. Provinces 甲 … 丁 (squares 10 km wide every 20 km, EPSG:3857); firms p0 … p3 at
    # their centres with capacity 5, −10, 7, NULL: capacity per province 5, 0, 7, 0 (the −10
    # and the NULL are not counted, and said so with their ids); firms counted 1 each.
    provinces = memory_layer(
        "Polygon?crs=EPSG:3857&field=名称:string&field=资本:double",
        [(square(i * 20e3, 0.0, 10e3), NAMES[i], c) for i, c in enumerate([10.0, 20, 5, 3])],
        "省",
    )
    firms = memory_layer(
        "Point?crs=EPSG:3857&field=n:string&field=cap:double",
        [(point(5e3 + 20e3 * i, 5e3), f"p{i}", v) for i, v in enumerate([5.0, -10.0, 7.0, None])],
        "企业",
    )
    ids = [f.id() for f in firms.getFeatures()]
    res = run_alg(
        "capital_compliance",
        {
            "INPUT": provinces,
            "CAPITAL_FIELD": "资本",
            "WHITELIST": firms,
            "WHITELIST_CAPACITY_FIELD": "cap",
            "NAME_FIELD": "名称",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
        feedback,
    )
    got = {f["名称"]: f for f in res["OUTPUT"].getFeatures()}
    assert [got[n]["whitelist_capacity_t"] for n in NAMES] == [5.0, 0.0, 7.0, 0.0]
    assert all(got[n]["whitelist_share"] == pytest.approx(0.25) for n in NAMES)
    negative = [w for w in feedback.warnings if "negative" in w and "“cap”" in w]
    null = [w for w in feedback.warnings if "NULL" in w and "“cap”" in w]
    assert negative and negative[0].endswith(f"ids: {ids[1]}")
    assert null and null[0].endswith(f"ids: {ids[3]}")


def test_ratio_statistics_stay_undefined_not_one(run_alg):
    # Three regions on one line of ratio against capacity would give r = −1; with two of
    # them too large to sum the run is refused (above). Here the statistics are undefined
    # (two regions with a ratio): R, R2 and P_VALUE are NULL, never clamped to 1.
    regions = memory_layer(
        "Polygon?crs=EPSG:3857&field=名称:string&field=r:double&field=c:double",
        [
            (square(i * 20e3, 0.0, 10e3), n, r, c)
            for i, (n, r, c) in enumerate([("甲", 1.0, 10.0), ("乙", 2.0, 10.0), ("丙", None, 5.0)])
        ],
        "区",
    )
    res = run_alg(
        "retirement_capacity_ratio",
        {
            "INPUT": regions,
            "RETIREMENT_FIELD": "r",
            "CAPACITY_FIELD": "c",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    assert res["N_VALID"] == 2
    assert res["NATIONAL_RATIO"] == pytest.approx(3.0 / 20.0)  # (1 + 2) ÷ (10 + 10)
    for key in ("R", "R2", "P_VALUE", "SLOPE"):
        assert res[key] is None or is_null(res[key]), key
