"""Run the plugin's analyses on the shipped sample data through the real Processing framework.

``make demo`` calls this. It writes styled GeoPackages, HTML reports and quick-look PNG maps
into one folder and prints a short summary. The sample numbers are illustrative.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "pkg"
TOOLS = str(Path(__file__).resolve().parent)
if TOOLS not in sys.path:  # demo_siting beside this file, also under ``python -P``
    sys.path.insert(0, TOOLS)
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
    # QGIS's own Processing plugin, from its plugins folder (appended above). This
    # repository's processing/ folder is not importable here: tools/ is sys.path[0].
    importlib.import_module("processing.core.Processing").Processing.initialize()
    import battery_recycling_atlas

    plugin = battery_recycling_atlas.classFactory(None)
    plugin.initProcessing()
    return app, plugin


def render_png(gpkg: str, png: Path, title: str, legend_title: str = "") -> None:
    """A quick-look map of a styled output (its default style from the GeoPackage), with a
    title and a legend, in the Albers projection (``tools/quicklook.py``)."""
    from quicklook import render_map_png

    render_map_png(
        gpkg,
        png,
        SAMPLE,
        title=title,
        legend_title=legend_title,
        note="Illustrative data, not official statistics.",
    )


def run_ratio(year: int, out: Path) -> dict:
    """The retirement-to-capacity ratio for one sample year."""
    return run_alg(
        "retirement_capacity_ratio",
        {
            "INPUT": f"{SAMPLE}|layername=provinces",
            "RETIREMENT_FIELD": f"retire_{year}_t",
            "CAPACITY_FIELD": f"capacity_{year}_t",
            "NAME_FIELD": "name_zh",
            "THRESHOLDS": "0.2,0.8,1.0",
            "OUTPUT": str(out / f"ratio_{year}.gpkg"),
            "REPORT": str(out / f"ratio_{year}.html"),
        },
    )


def run_alg(name: str, params: dict) -> dict:
    """Run ``battery_recycling:<name>`` through Processing."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    return processing.run(
        f"battery_recycling:{name}",
        params,
        context=QgsProcessingContext(),
        feedback=QgsProcessingFeedback(),
    )


def run_matching(out: Path) -> dict:
    """City-level natural-breaks matching of 2025 volume against outlets (3×3, pink-blue)."""
    return run_alg(
        "natural_breaks_matching",
        {
            "INPUT": f"{SAMPLE}|layername=cities",
            "VOLUME_FIELD": "retire_2025_t",
            "OUTLETS_FIELD": "outlets_2025",
            "CLASSES": 3,
            "METHOD": 0,
            "PALETTE": 3,
            "NAME_FIELD": "name_zh",
            "OUTPUT": str(out / "matching_2025.gpkg"),
            "REPORT": str(out / "matching_2025.html"),
        },
    )


def run_compliance(out: Path) -> dict:
    """Province capital against whitelist firms."""
    return run_alg(
        "capital_compliance",
        {
            "INPUT": f"{SAMPLE}|layername=provinces",
            "CAPITAL_FIELD": "capital_cny",
            "WHITELIST_FIELD": "whitelist_firms",
            "NAME_FIELD": "name_zh",
            "OUTPUT": str(out / "compliance.gpkg"),
            "REPORT": str(out / "compliance.html"),
        },
    )


def run_forecast(out: Path) -> dict:
    """Retirements 2025–2030 from the sample sales cohorts, mean life 8 vs 6 years."""
    return run_alg(
        "retirement_forecast",
        {
            "INPUT": str(SAMPLE.parent / "nev_sales_sample.csv"),
            "REGION_FIELD": "province",
            "YEAR_FIELD": "year",
            "SALES_FIELD": "nev_sales",
            "SALES_UNIT": 0,
            "LIFETIME_MEAN": 8,
            "SECOND_MEAN": 6,
            "START_YEAR": 2025,
            "END_YEAR": 2030,
            "OUTPUT": str(out / "forecast.gpkg"),
            "WIDE_OUTPUT": str(out / "forecast_wide.gpkg"),
            "REPORT": str(out / "forecast.html"),
        },
    )


def run_economics(out: Path) -> tuple[dict, dict, dict]:
    """Profit of the sample whitelist plants at their 2024 throughput, its uncertainty, and a
    scale-curve fit to the illustrative observed unit costs."""
    plants = {
        "INPUT": f"{SAMPLE}|layername=whitelist_plants",
        "CAPACITY_FIELD": "capacity_t",
        "THROUGHPUT_FIELD": "throughput_t",
        "NAME_FIELD": "name",
    }
    profit = run_alg(
        "plant_profit",
        {
            **plants,
            "OUTPUT": str(out / "plant_profit.gpkg"),
            "REPORT": str(out / "plant_profit.html"),
        },
    )
    risk = run_alg(
        "profit_uncertainty",
        {
            **plants,
            "N_SIMULATIONS": 10_000,
            "SEED": 1,
            "OUTPUT": str(out / "profit_uncertainty.gpkg"),
            "REPORT": str(out / "profit_uncertainty.html"),
        },
    )
    fit = run_alg(
        "calibrate_scale_curve",
        {
            "INPUT": str(SAMPLE.parent / "observed_unit_costs.csv"),
            "THROUGHPUT_FIELD": "throughput_t",
            "UNIT_COST_FIELD": "unit_cost_cny_t",
            "OUTPUT": str(out / "calibrated_preset.json"),
            "REPORT": str(out / "calibration.html"),
        },
    )
    return profit, risk, fit


def forecast_totals(gpkg: str) -> dict[tuple[str, int], float]:
    """Σ retired_t by (scenario, year) from the long forecast table."""
    from qgis.core import QgsVectorLayer

    totals: dict[tuple[str, int], float] = {}
    for f in QgsVectorLayer(gpkg, "forecast", "ogr").getFeatures():
        key = (f["scenario"], f["year"])
        totals[key] = totals.get(key, 0.0) + f["retired_t"]
    return totals


def pct(value) -> str:
    return "—" if value is None else f"{value * 100:.1f} %"


def export_figures(out: Path, vol_breaks: str = "", outlet_breaks: str = "") -> list[str]:
    """The source report's figures from the demo outputs, each as PDF and PNG (300 dpi):
    the ratio for 2025 and 2030 (each, and side by side), the prefecture matching map, the
    capital-vs-compliance map, and the 2030 break-even raster and allocation flows. Returns the
    file names written."""
    figures = [
        (
            "fig_ratio_2025",
            {
                "INPUT": str(out / "ratio_2025.gpkg"),
                "TITLE": "Retired batteries against recycling capacity, 2025",
                "SUBTITLE": "退役量与白名单产能之比（省级）· Forecast retirement ÷ "
                "built whitelist capacity by province",
            },
        ),
        (
            "fig_ratio_2030",
            {
                "INPUT": str(out / "ratio_2030.gpkg"),
                "TITLE": "Retired batteries against recycling capacity, 2030",
                "SUBTITLE": "退役量与白名单产能之比（省级）· Forecast retirement ÷ "
                "whitelist capacity by province",
            },
        ),
        (
            "fig_ratio_2025_2030",
            {
                "INPUT": str(out / "ratio_2025.gpkg"),
                "SECOND_INPUT": str(out / "ratio_2030.gpkg"),
                "TEMPLATE": 2,
                "PANEL_TITLES": "2025;2030",
                "TITLE": "Retired batteries against recycling capacity, 2025 and 2030",
                "SUBTITLE": "退役量与白名单产能之比（省级）· Forecast retirement ÷ whitelist "
                "capacity by province",
            },
        ),
        (
            "fig_matching_2025",
            {
                "INPUT": str(out / "matching_2025.gpkg"),
                "VOL_BREAKS": vol_breaks,
                "OUTLET_BREAKS": outlet_breaks,
                "TITLE": "Retired volume against recycling service outlets, 2025",
                "SUBTITLE": "退役量份额与回收服务网点份额（地级）· Shares of the prefectures with "
                "data, natural breaks (Jenks), 3 × 3 classes",
            },
        ),
        (
            "fig_compliance",
            {
                "INPUT": str(out / "compliance.gpkg"),
                "TITLE": "Registered capital against whitelist compliance",
                "SUBTITLE": "注册资本与白名单企业（省级）· Compliance index = share of whitelist "
                "firms ÷ share of registered capital",
            },
        ),
        (
            "fig_breakeven_2030",
            {
                "INPUT": str(out / "breakeven_2030_share.tif"),
                "TITLE": "Where a new 50 kt/yr plant would break even, 2030",
                "SUBTITLE": "盈亏平衡碳酸锂价格 · Li₂CO₃ price at which a new plant at each site "
                "makes zero profit (market shares against the existing plants)",
            },
        ),
        (
            "fig_flows_2030_open",
            {
                "INPUT": str(out / "flows_2030_open.gpkg"),
                "EXTRA_LAYERS": [
                    str(out / "plants_allocated_2030_open.gpkg"),
                    f"{SAMPLE}|layername=provinces",
                ],
                "TITLE": "Least-cost flows of retired batteries to the whitelist plants, 2030",
                "SUBTITLE": "开放跨省绿色通道 · Open borders (green channel): flows and plant "
                "utilisation",
            },
        ),
    ]
    written = []
    for name, params in figures:
        for ext in ("pdf", "png"):
            run_alg(
                "export_publication_map",
                {**params, "DPI": 300, "OUTPUT": str(out / f"{name}.{ext}")},
            )
            written.append(f"{name}.{ext}")
    return written


def p_text(p: float | None) -> str:
    """A p-value to three significant digits, a dash if NULL."""
    return "—" if p is None else f"{p:.3g}"


def elasticity_text(res: dict) -> str:
    """``0.62 (0.31–0.93)`` from the ratio algorithm's elasticity outputs, a dash if NULL."""
    if res["ELASTICITY"] is None:
        return "—"
    return f"{res['ELASTICITY']:.2f} ({res['ELASTICITY_LOW']:.2f}–" f"{res['ELASTICITY_HIGH']:.2f})"


def main(argv: list[str] | None = None) -> int:
    """Run the demo; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", default="demo_output", help="output folder")
    args = parser.parse_args(argv)
    out = Path(args.output).resolve()
    out.mkdir(parents=True, exist_ok=True)
    app, plugin = start_qgis()
    print(f"Battery Recycling Atlas demo — sample data (illustrative values) → {out}")
    print(
        f"{'year':>6} {'regions':>8} {'median':>8} {'<20 %':>7} {'national':>9} "
        f"{'slope per Mt':>13} {'r':>7} {'p':>7} {'elasticity (95 % CI)':>22} "
        f"{'p(b=1)':>7}"
    )
    for year in (2025, 2030):
        res = run_ratio(year, out)
        render_png(
            res["OUTPUT"],
            out / f"ratio_{year}.png",
            f"Retirement ÷ capacity by province, {year}",
            "Ratio class",
        )
        slope = res["SLOPE"]
        print(
            f"{year:>6} {res['N_VALID']:>8} {pct(res['MEDIAN_RATIO']):>8} "
            f"{pct(res['SHARE_BELOW']):>7} {pct(res['NATIONAL_RATIO']):>9} "
            f"{'—' if slope is None else f'{slope * 1e6:+.3f}':>13} "
            f"{res['R'] if res['R'] is None else round(res['R'], 3):>7} "
            f"{res['P_VALUE'] if res['P_VALUE'] is None else round(res['P_VALUE'], 3):>7} "
            f"{elasticity_text(res):>22} "
            f"{p_text(res['P_PROPORTIONAL']):>7}"
        )
    match = run_matching(out)
    render_png(
        match["OUTPUT"],
        out / "matching_2025.png",
        "Retired volume against collection outlets, 2025",
        "Volume class – outlet class",
    )
    print(
        f"City matching 2025 (natural breaks, 3×3): {match['N_UNDER_SERVED']} under-served "
        f"cities hold {match['UNDER_SERVED_T'] / 1e3:.0f} kt; volume-share breaks "
        f"{match['VOL_BREAKS']}"
    )
    print(
        f"  binomial test (BH q < 0.05): {match['N_UNDER_SIG']} cities with significantly too "
        f"few outlets hold {match['UNDER_SIG_T'] / 1e3:.0f} kt"
    )
    comp = run_compliance(out)
    render_png(
        comp["OUTPUT"],
        out / "compliance.png",
        "Registered capital against whitelist firms",
        "Compliance index",
    )
    print(
        f"Capital vs whitelist firms: Pearson r = {comp['PEARSON_R']:.3f}, Spearman r = "
        f"{comp['SPEARMAN_R']:.3f}, n = {comp['N']}"
    )
    fc = run_forecast(out)
    totals = forecast_totals(fc["OUTPUT"])
    for scenario in sorted({s for s, _ in totals}):
        print(
            f"Forecast {scenario}: 2025 {totals[(scenario, 2025)] / 1e3:,.0f} kt, "
            f"2030 {totals[(scenario, 2030)] / 1e3:,.0f} kt"
        )
    profit, risk, fit = run_economics(out)
    render_png(
        profit["OUTPUT"],
        out / "plant_profit.png",
        "Profit of the whitelist plants at their 2024 throughput",
        "Profit (CNY/yr)",
    )
    print(
        f"Plant profit, 156 whitelist plants at {profit['TOTAL_THROUGHPUT'] / 1e3:,.0f} kt "
        f"(2024): total {profit['TOTAL_PROFIT'] / 1e8:,.1f} × 100 M CNY/yr, "
        f"{profit['N_LOSS']} plants with a loss; Monte Carlo P5–P95 of the total "
        f"{risk['TOTAL_P5'] / 1e8:,.1f} to {risk['TOTAL_P95'] / 1e8:,.1f} × 100 M CNY/yr"
    )
    print(
        f"Scale curve fitted to {fit['N']} observed plants: R² = {fit['R2']:.3f}, Q0 = "
        f"{fit['Q0']:.1f} × 10 kt, λ = {fit['LAMBDA']:.2f}"
    )
    import demo_siting  # profit surface and allocation under the border rules

    demo_siting.run(out, SAMPLE, run_alg)
    figures = export_figures(out, match["VOL_BREAKS"], match["OUTLET_BREAKS"])
    print(f"Publication maps (PDF and PNG): {len(figures) // 2} figures")
    print("Wrote: " + ", ".join(sorted(p.name for p in out.iterdir())))
    plugin.unload()
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
