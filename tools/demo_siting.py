"""The "Where recycling pays" part of ``make demo`` (called by ``demo.py``; runs alone too).

Supply: the sample's city volumes spread over the city polygons (10 km cells, 300 km haul);
existing plants: the 156 sample whitelist plants. For 2030 the city volumes are scaled by their
province's 2030 ÷ 2025 retirement and the plant capacities by their province's 2030 ÷ 2025
capacity (the sample's province columns), written to ``siting_2030.gpkg``.

* Profit surfaces of a new 50 kt/yr plant: 2025 closed and open borders (existing plants served
  first, as before); 2030 open borders with existing plants served first and with market shares
  (Huff, α 1, β 2); each with its break-even Li₂CO₃ price.
* Plant size: the best site's profit and break-even price for 20, 50, 100 and 200 kt/yr (2030,
  market shares).
* The least-cost allocation of 2025 and 2030 city volumes under the closed, fee and open rules.

Writes GeoTIFFs, GeoPackages, an HTML report and quick-look PNGs with legends; with
``--docs`` also small copies of the key figures under docs/img.

    .venv/bin/python -P tools/demo_siting.py [--output demo_output] [--docs]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

TOOLS = str(Path(__file__).resolve().parent)
if TOOLS not in sys.path:  # quicklook and demo beside this file, also under ``python -P``
    sys.path.insert(0, TOOLS)

from quicklook import render_map_png, shrink_png, side_by_side

RULES = ("open", "fee", "closed")
SIZES_T = (20_000.0, 50_000.0, 100_000.0, 200_000.0)
LI2CO3_PRICE = 80_000.0  # the default, CNY/t
DOC_FIGURES = ("breakeven_2030_share", "profit_surface_2030_share_200kt", "flows_2030_rules")


def inputs_2030(out: Path, sample: Path) -> Path:
    """``siting_2030.gpkg``: cities with ``retire_t`` and plants with ``capacity_t`` for 2030,
    scaled from 2025 by their province's 2030 ÷ 2025 retirement and capacity."""
    from osgeo import ogr

    src = ogr.Open(str(sample))
    ratio = {}
    for f in src.GetLayerByName("provinces"):
        r25, r30 = f.GetField("retire_2025_t") or 0.0, f.GetField("retire_2030_t") or 0.0
        c25, c30 = f.GetField("capacity_2025_t") or 0.0, f.GetField("capacity_2030_t") or 0.0
        ratio[f.GetField("adcode")] = (r30 / r25 if r25 > 0 else 0.0, c30 / c25 if c25 > 0 else 1.0)
    target = out / "siting_2030.gpkg"
    if target.exists():
        target.unlink()
    dst = ogr.GetDriverByName("GPKG").CreateDataSource(str(target))
    for name, value_field, new_field, k in (
        ("cities", "retire_2025_t", "retire_t", 0),
        ("whitelist_plants", "capacity_t", "capacity_t", 1),
    ):
        layer = src.GetLayerByName(name)
        out_layer = dst.CreateLayer(name, layer.GetSpatialRef(), layer.GetGeomType())
        for field in ("province_adcode", new_field):
            out_layer.CreateField(
                ogr.FieldDefn(field, ogr.OFTString if field == "province_adcode" else ogr.OFTReal)
            )
        for f in layer:
            g = ogr.Feature(out_layer.GetLayerDefn())
            g.SetGeometry(f.GetGeometryRef())
            code = f.GetField("province_adcode")
            g.SetField("province_adcode", code)
            g.SetField(new_field, (f.GetField(value_field) or 0.0) * ratio.get(code, (0, 1))[k])
            out_layer.CreateFeature(g)
    dst = src = None
    return target


def surface(
    run_alg: Callable,
    out: Path,
    name: str,
    cities: str,
    field: str,
    plants: str,
    rule: str,
    competition: int = 0,
    capacity: float = 50_000.0,
) -> dict:
    """One profit surface with its break-even raster and best locations."""
    sample_regions = (
        str(Path(__file__).resolve().parents[1] / "resources" / "data" / "china_sample.gpkg")
        + "|layername=provinces"
    )
    return run_alg(
        "profit_surface",
        {
            "SUPPLY": cities,
            "SUPPLY_FIELD": field,
            "REGIONS": sample_regions,
            "REGION_ID_FIELD": "adcode",
            "PIXEL_SIZE": 10,
            "HAUL_RADIUS": 300,
            "BORDER_RULE": RULES.index(rule),
            "PLANT_CAPACITY": capacity,
            "EXISTING_PLANTS": plants,
            "EXISTING_CAPACITY_FIELD": "capacity_t",
            "COMPETITION": competition,
            "OUTPUT": str(out / f"profit_surface_{name}.tif"),
            "SUPPLY_OUTPUT": str(out / f"supply_left_{name}.tif"),
            "BREAKEVEN_OUTPUT": str(out / f"breakeven_{name}.tif"),
            "BEST": str(out / f"best_locations_{name}.gpkg"),
        },
    )


def raster_stats(tif: str) -> tuple[float, float, int]:
    """(min, max, cells at or below the given Li₂CO₃ price) of a raster (NaN = no data)."""
    import numpy as np
    from osgeo import gdal

    ds = gdal.Open(tif)
    a = ds.GetRasterBand(1).ReadAsArray().astype(float)
    ds = None
    with np.errstate(invalid="ignore"):
        return float(np.nanmin(a)), float(np.nanmax(a)), int(np.count_nonzero(a <= LI2CO3_PRICE))


def best_row(gpkg: str) -> dict | None:
    """The first best location's attributes (None when there is none)."""
    from osgeo import ogr

    ds = ogr.Open(gpkg)
    layer = ds.GetLayer(0)
    feature = layer.GetNextFeature()
    row = (
        None
        if feature is None
        else {
            k: feature.GetField(k)
            for k in ("profit", "throughput_t", "breakeven_li2co3", "breakeven_support")
        }
    )
    ds = None
    return row


def run_surfaces(out: Path, sample: Path, run_alg: Callable, y2030: Path) -> dict[str, dict]:
    """2025 closed and open (served first), 2030 open served first and with market shares."""
    cities25, plants25 = f"{sample}|layername=cities", f"{sample}|layername=whitelist_plants"
    cities30, plants30 = f"{y2030}|layername=cities", f"{y2030}|layername=whitelist_plants"
    return {
        "closed": surface(run_alg, out, "closed", cities25, "retire_2025_t", plants25, "closed"),
        "open": surface(run_alg, out, "open", cities25, "retire_2025_t", plants25, "open"),
        "2030_first": surface(run_alg, out, "2030_first", cities30, "retire_t", plants30, "open"),
        "2030_share": surface(
            run_alg, out, "2030_share", cities30, "retire_t", plants30, "open", competition=1
        ),
    }


def run_sizes(
    out: Path, sample: Path, run_alg: Callable, y2030: Path
) -> list[tuple[float, dict | None]]:
    """The best 2030 site (market shares, open borders) for each plant size; the largest
    plant's profit surface as a quick look."""
    rows = []
    for size in SIZES_T:
        name = f"2030_share_{size / 1e3:.0f}kt"
        res = surface(
            run_alg,
            out,
            name,
            f"{y2030}|layername=cities",
            "retire_t",
            f"{y2030}|layername=whitelist_plants",
            "open",
            1,
            size,
        )
        rows.append((size, best_row(res["BEST"])))
    render_map_png(
        res["OUTPUT"],
        out / f"profit_surface_{name}.png",
        sample,
        (res["BEST"],),
        f"2030: profit of a new {size / 1e3:.0f} kt/yr plant",
        "Profit",
        ("Best sites (rank)",),
        note="10 km cells, 300 km haul; open borders, market shares with the 156 "
        "plants (Huff α 1, β 2); Li₂CO₃ at 80,000 CNY/t",
    )
    return rows


def run_allocations(
    out: Path, sample: Path, run_alg: Callable, year: int, y2030: Path
) -> dict[str, dict]:
    """City volumes of ``year`` to the whitelist plants under each border rule."""
    results = {}
    src = sample if year == 2025 else y2030
    field, cap = ("retire_2025_t", "capacity_t") if year == 2025 else ("retire_t", "capacity_t")
    tag = "" if year == 2025 else "_2030"
    for rule in ("closed", "fee", "open"):
        params = {
            "SUPPLY": f"{src}|layername=cities",
            "SUPPLY_FIELD": field,
            "SUPPLY_PROVINCE_FIELD": "province_adcode",
            "PLANTS": f"{src}|layername=whitelist_plants",
            "CAPACITY_FIELD": cap,
            "PLANT_PROVINCE_FIELD": "province_adcode",
            "BORDER_RULE": RULES.index(rule),
            "OUTPUT_FLOWS": str(out / f"flows{tag}_{rule}.gpkg"),
            "OUTPUT_PLANTS": str(out / f"plants_allocated{tag}_{rule}.gpkg"),
            "OUTPUT_REGIONS": str(out / f"cities_unmet{tag}_{rule}.gpkg"),
        }
        if rule == "fee":
            params["REPORT"] = str(out / f"allocation{tag}.html")
        results[rule] = run_alg("allocate_supply", params)
    return results


def _fmt_price(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}"


def render_surfaces(out: Path, sample: Path, surfaces: dict[str, dict]) -> None:
    """Quick looks: profit, supply left and break-even of each surface."""
    titles = {
        "closed": ("2025", "closed borders, existing plants served first"),
        "open": ("2025", "open borders, existing plants served first"),
        "2030_first": ("2030", "open borders, existing plants served first"),
        "2030_share": (
            "2030",
            "open borders, market shares with the 156 plants " "(Huff α 1, β 2)",
        ),
    }
    for key, res in surfaces.items():
        year, how = titles[key]
        note = f"New 50 kt/yr plant, 10 km cells, 300 km haul; {how}"
        render_map_png(
            res["OUTPUT"],
            out / f"profit_surface_{key}.png",
            sample,
            (res["BEST"],),
            f"{year}: profit of a new plant",
            "Profit",
            ("Best sites (rank)",),
            note=note,
        )
        render_map_png(
            res["SUPPLY_OUTPUT"],
            out / f"supply_left_{key}.png",
            sample,
            (),
            f"{year}: supply a new plant could draw",
            "Reachable supply",
            note=note,
        )
        render_map_png(
            res["BREAKEVEN_OUTPUT"],
            out / f"breakeven_{key}.png",
            sample,
            (res["BEST"],),
            f"{year}: Li₂CO₃ price at which a new plant breaks even",
            "Break-even Li₂CO₃ price",
            ("Best sites (rank)",),
            note=f"{note}. Blank: no supply, or above 10 × " f"{LI2CO3_PRICE:,.0f} CNY/t",
        )


def render_allocations(
    out: Path, sample: Path, allocations: dict[str, dict], tag: str, year: int
) -> Path:
    """One quick look per rule and the three side by side."""
    pngs = []
    for rule in ("closed", "fee", "open"):
        res = allocations[rule]
        png = out / f"flows{tag}_{rule}.png"
        render_map_png(
            res["OUTPUT_FLOWS"],
            png,
            sample,
            (res["OUTPUT_PLANTS"],),
            f"{year}: allocation, {rule} borders",
            "Flows (t/yr)",
            ("Plants: utilisation",),
            note=f"utilisation {res['NATIONAL_UTILIZATION'] * 100:.1f} %, unmet "
            f"{res['UNMET_T'] / 1e3:,.0f} kt, cross-border "
            f"{(res['CROSS_BORDER_SHARE'] or 0) * 100:.0f} %",
        )
        pngs.append(png)
    joined = out / f"flows{tag}_rules.png"
    side_by_side(pngs, joined)
    return joined


def print_surfaces(surfaces: dict[str, dict]) -> None:
    for key, res in surfaces.items():
        best = res["BEST_PROFIT"]
        low, high, _ = raster_stats(res["OUTPUT"])
        be_low, be_high, paying = raster_stats(res["BREAKEVEN_OUTPUT"])
        top = best_row(res["BEST"])
        print(
            f"Profit surface {key:<10} (new 50 kt/yr plant, 10 km): most supply in reach "
            f"{res['MAX_SUPPLY'] / 1e3:,.1f} kt/yr; profit {low / 1e6:,.0f} to "
            f"{high / 1e6:,.0f} M CNY/yr; "
            + (
                "no cell reaches 25 kt/yr (half the capacity)"
                if best is None
                else f"best site {best / 1e6:,.0f} M CNY/yr, breaks even at "
                f"{_fmt_price(top and top['breakeven_li2co3'])} CNY/t Li₂CO₃ or "
                f"{_fmt_price(top and top['breakeven_support'])} CNY/t more support"
            )
            + f"; break-even price {be_low:,.0f} to {be_high:,.0f} CNY/t, {paying:,} cells "
            f"pay at {LI2CO3_PRICE:,.0f}"
        )


def print_allocations(allocations: dict[str, dict], year: int) -> None:
    for rule, res in allocations.items():
        share = res["CROSS_BORDER_SHARE"]
        print(
            f"Allocation {year}, {rule:<6}: national utilisation "
            f"{res['NATIONAL_UTILIZATION'] * 100:.1f} %, unmet {res['UNMET_T'] / 1e3:,.1f} kt, "
            f"transport + fees {res['TOTAL_COST'] / 1e8:,.2f} × 100 M CNY/yr, cross-border "
            f"{0 if share is None else share * 100:.1f} %"
        )


def run(out: Path, sample: Path, run_alg: Callable, docs: Path | None = None) -> None:
    """Run the analyses, render the quick looks and print the figures."""
    y2030 = inputs_2030(out, sample)
    surfaces = run_surfaces(out, sample, run_alg, y2030)
    render_surfaces(out, sample, surfaces)
    print_surfaces(surfaces)
    for size, row in run_sizes(out, sample, run_alg, y2030):
        if row is None:
            print(
                f"Plant size {size / 1e3:>5,.0f} kt/yr (2030, market shares): no site reaches "
                "half the capacity"
            )
            continue
        print(
            f"Plant size {size / 1e3:>5,.0f} kt/yr (2030, market shares): best site "
            f"{row['profit'] / 1e6:+,.0f} M CNY/yr at {row['throughput_t'] / 1e3:,.1f} kt/yr, "
            f"breaks even at {_fmt_price(row['breakeven_li2co3'])} CNY/t Li₂CO₃ or "
            f"{_fmt_price(row['breakeven_support'])} CNY/t more support"
        )
    for year, tag in ((2025, ""), (2030, "_2030")):
        allocations = run_allocations(out, sample, run_alg, year, y2030)
        print_allocations(allocations, year)
        render_allocations(out, sample, allocations, tag, year)
    if docs is not None:
        for name in DOC_FIGURES:
            size = shrink_png(
                out / f"{name}.png",
                docs / f"{name}.png",
                width=1500 if name.endswith("rules") else 760,
            )
            print(f"docs/img/{name}.png: {size / 1024:,.0f} KB")


def main(argv: list[str] | None = None) -> int:
    """Run the siting part of the demo alone."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output", default="demo_output")
    parser.add_argument("--docs", action="store_true", help="also write docs/img copies")
    args = parser.parse_args(argv)
    import demo

    out = Path(args.output).resolve()
    out.mkdir(parents=True, exist_ok=True)
    app, plugin = demo.start_qgis()
    docs = Path(__file__).resolve().parents[1] / "docs" / "img" if args.docs else None
    run(out, demo.SAMPLE, demo.run_alg, docs)
    plugin.unload()
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
