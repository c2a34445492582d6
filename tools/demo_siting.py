"""The "Where recycling pays" part of ``make demo`` (called by ``demo.py``).

A national profit surface for a new 50 kt/yr plant given the 156 sample whitelist plants
(supply: the 2025 city volumes spread over the city polygons; 10 km cells, 300 km haul), under
closed and open borders, and the least-cost allocation of the 2025 city volumes to the whitelist
plants under the closed, fee and open rules with the national utilisation each gives. Writes
GeoTIFFs, GeoPackages, an HTML report and quick-look PNGs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

RULES = ("open", "fee", "closed")


def render_map_png(path: str, png: Path, sample: Path, overlays: tuple[str, ...] = ()) -> None:
    """A quick-look map of a styled output (raster: its sidecar QML; GeoPackage: its default
    style) over province outlines, in the output's CRS and extent."""
    from qgis.core import (
        QgsFillSymbol,
        QgsMapRendererParallelJob,
        QgsMapSettings,
        QgsRasterLayer,
        QgsSingleSymbolRenderer,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    main = QgsRasterLayer(path, "surface", "gdal") if path.endswith(".tif") else \
        QgsVectorLayer(path, "output", "ogr")
    provinces = QgsVectorLayer(f"{sample}|layername=provinces", "provinces", "ogr")
    provinces.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": "#4d4d4d", "outline_width": "0.2"})))
    layers = [QgsVectorLayer(p, "overlay", "ogr") for p in overlays]
    settings = QgsMapSettings()
    stack = [*layers, provinces, main] if isinstance(main, QgsRasterLayer) else \
        [*layers, main, provinces]
    settings.setLayers(stack)
    settings.setDestinationCrs(main.crs())
    settings.setBackgroundColor(QColor("white"))
    settings.setOutputSize(QSize(1200, 1000))
    extent = main.extent()
    extent.scale(1.05)
    settings.setExtent(extent)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(str(png))


def run_surfaces(out: Path, sample: Path, run_alg: Callable) -> dict[str, dict]:
    """The surface for a new 50 kt/yr plant under closed and open borders."""
    results = {}
    for rule in ("closed", "open"):
        results[rule] = run_alg("profit_surface", {
            "SUPPLY": f"{sample}|layername=cities", "SUPPLY_FIELD": "retire_2025_t",
            "REGIONS": f"{sample}|layername=provinces", "REGION_ID_FIELD": "adcode",
            "PIXEL_SIZE": 10, "HAUL_RADIUS": 300, "BORDER_RULE": RULES.index(rule),
            "PLANT_CAPACITY": 50_000,
            "EXISTING_PLANTS": f"{sample}|layername=whitelist_plants",
            "EXISTING_CAPACITY_FIELD": "capacity_t",
            "OUTPUT": str(out / f"profit_surface_{rule}.tif"),
            "SUPPLY_OUTPUT": str(out / f"supply_left_{rule}.tif"),
            "BEST": str(out / f"best_locations_{rule}.gpkg")})
    return results


def run_allocations(out: Path, sample: Path, run_alg: Callable) -> dict[str, dict]:
    """2025 city volumes to the whitelist plants under each border rule."""
    results = {}
    for rule in ("closed", "fee", "open"):
        params = {
            "SUPPLY": f"{sample}|layername=cities", "SUPPLY_FIELD": "retire_2025_t",
            "SUPPLY_PROVINCE_FIELD": "province_adcode",
            "PLANTS": f"{sample}|layername=whitelist_plants", "CAPACITY_FIELD": "capacity_t",
            "PLANT_PROVINCE_FIELD": "province_adcode", "BORDER_RULE": RULES.index(rule),
            "OUTPUT_FLOWS": str(out / f"flows_{rule}.gpkg"),
            "OUTPUT_PLANTS": str(out / f"plants_allocated_{rule}.gpkg"),
            "OUTPUT_REGIONS": str(out / f"cities_unmet_{rule}.gpkg")}
        if rule == "fee":
            params["REPORT"] = str(out / "allocation.html")
        results[rule] = run_alg("allocate_supply", params)
    return results


def profit_range(tif: str) -> tuple[float, float]:
    """Smallest and largest profit of a surface (CNY/yr)."""
    from osgeo import gdal

    ds = gdal.Open(tif)
    low, high = ds.GetRasterBand(1).ComputeRasterMinMax(False)
    ds = None
    return low, high


def run(out: Path, sample: Path, run_alg: Callable) -> None:
    """Run both analyses, render the quick looks and print the figures."""
    surfaces = run_surfaces(out, sample, run_alg)
    for rule, res in surfaces.items():
        render_map_png(res["OUTPUT"], out / f"profit_surface_{rule}.png", sample,
                       (res["BEST"],))
        render_map_png(res["SUPPLY_OUTPUT"], out / f"supply_left_{rule}.png", sample)
        best = res["BEST_PROFIT"]
        low, high = profit_range(res["OUTPUT"])
        print(f"Profit surface, new 50 kt/yr plant, {rule} borders (10 km): most supply left "
              f"in reach {res['MAX_SUPPLY'] / 1e3:,.1f} kt/yr; profit {low / 1e6:,.0f} to "
              f"{high / 1e6:,.0f} M CNY/yr; "
              + ("no cell reaches 25 kt/yr (half the capacity)" if best is None
                 else f"best site {best / 1e6:,.0f} M CNY/yr"))
    allocations = run_allocations(out, sample, run_alg)
    for rule, res in allocations.items():
        share = res["CROSS_BORDER_SHARE"]
        print(f"Allocation 2025, {rule:<6}: national utilisation "
              f"{res['NATIONAL_UTILIZATION'] * 100:.1f} %, unmet {res['UNMET_T'] / 1e3:,.1f} kt, "
              f"transport + fees {res['TOTAL_COST'] / 1e8:,.2f} × 100 M CNY/yr, cross-border "
              f"{0 if share is None else share * 100:.1f} %")
    for rule in ("closed", "open"):
        render_map_png(allocations[rule]["OUTPUT_FLOWS"], out / f"flows_{rule}.png", sample,
                       (allocations[rule]["OUTPUT_PLANTS"],))
