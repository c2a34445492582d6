"""Run the plugin's analyses on the shipped sample data through the real Processing framework.

``make demo`` calls this. It writes styled GeoPackages, HTML reports and quick-look PNG maps
into one folder and prints a short summary. The sample numbers are illustrative.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "pkg"
SAMPLE = ROOT / "resources" / "data" / "china_sample.gpkg"
PROCESSING_PLUGINS = "/usr/share/qgis/python/plugins"


def start_qgis():
    """A headless QgsApplication with Processing and this plugin's provider registered."""
    BUILD.mkdir(parents=True, exist_ok=True)
    link = BUILD / "battery_recycling_atlas"
    if not link.exists():
        link.symlink_to(ROOT, target_is_directory=True)
    sys.path.insert(0, str(BUILD))
    from qgis.core import QgsApplication

    app = QgsApplication([], True)
    app.initQgis()
    plugins = Path(app.pkgDataPath()) / "python" / "plugins"
    sys.path.append(str(plugins) if plugins.exists() else PROCESSING_PLUGINS)
    from processing.core.Processing import Processing

    Processing.initialize()
    import battery_recycling_atlas

    plugin = battery_recycling_atlas.classFactory(None)
    plugin.initProcessing()
    return app, plugin


def render_png(gpkg: str, png: Path, title: str) -> None:
    """A quick-look map of a styled output (its default style from the GeoPackage)."""
    from qgis.core import (
        QgsMapRendererParallelJob,
        QgsMapSettings,
        QgsRectangle,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    layer = QgsVectorLayer(gpkg, title, "ogr")
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setBackgroundColor(QColor("white"))
    settings.setOutputSize(QSize(1200, 900))
    settings.setExtent(QgsRectangle(73, 17, 136, 54))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(str(png))


def run_ratio(year: int, out: Path) -> dict:
    """The retirement-to-capacity ratio for one sample year."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    params = {
        "INPUT": f"{SAMPLE}|layername=provinces",
        "RETIREMENT_FIELD": f"retire_{year}_t",
        "CAPACITY_FIELD": f"capacity_{year}_t",
        "NAME_FIELD": "name_zh",
        "THRESHOLDS": "0.2,0.8,1.0",
        "OUTPUT": str(out / f"ratio_{year}.gpkg"),
        "REPORT": str(out / f"ratio_{year}.html"),
    }
    return processing.run("battery_recycling:retirement_capacity_ratio", params,
                          context=QgsProcessingContext(), feedback=QgsProcessingFeedback())


def pct(value) -> str:
    return "—" if value is None else f"{value * 100:.1f} %"


def main(argv: list[str] | None = None) -> int:
    """Run the demo; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", default="demo_output", help="output folder")
    args = parser.parse_args(argv)
    out = Path(args.output).resolve()
    out.mkdir(parents=True, exist_ok=True)
    app, plugin = start_qgis()
    print(f"Battery Recycling Atlas demo — sample data (illustrative values) → {out}")
    print(f"{'year':>6} {'regions':>8} {'median':>8} {'<20 %':>7} {'national':>9} "
          f"{'slope per Mt':>13} {'r':>7} {'p':>7}")
    for year in (2025, 2030):
        res = run_ratio(year, out)
        render_png(res["OUTPUT"], out / f"ratio_{year}.png", f"ratio {year}")
        slope = res["SLOPE"]
        print(f"{year:>6} {res['N_VALID']:>8} {pct(res['MEDIAN_RATIO']):>8} "
              f"{pct(res['SHARE_BELOW']):>7} {pct(res['NATIONAL_RATIO']):>9} "
              f"{'—' if slope is None else f'{slope * 1e6:+.3f}':>13} "
              f"{res['R'] if res['R'] is None else round(res['R'], 3):>7} "
              f"{res['P_VALUE'] if res['P_VALUE'] is None else round(res['P_VALUE'], 3):>7}")
    print("Wrote: " + ", ".join(sorted(p.name for p in out.iterdir())))
    plugin.unload()
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
