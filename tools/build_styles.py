"""Write the QML styles in ``resources/styles`` from the colours defined in ``core``.

Run with the system Python that has QGIS: ``make styles``. The QML files are committed; this
script keeps them reproducible. Labels in the QML are English; the plugin replaces them with
translated labels (with the user's thresholds) when it applies a style.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "pkg"
BUILD.mkdir(parents=True, exist_ok=True)
if not (BUILD / "battery_recycling_atlas").exists():
    (BUILD / "battery_recycling_atlas").symlink_to(ROOT, target_is_directory=True)
sys.path.insert(0, str(BUILD))

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsMarkerSymbol,
    QgsProperty,
    QgsRendererCategory,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsSymbolLayer,
    QgsVectorLayer,
)

from battery_recycling_atlas.core.mismatch.ratio import (
    RATIO_CLASS_COLORS,
    RATIO_CLASS_EDGE_COLORS,
    RATIO_CLASSES,
)
from battery_recycling_atlas.processing.styling.labels import COMPLIANCE_RULES

STYLES = ROOT / "resources" / "styles"
ENGLISH = {
    "severe_idle": "Severe idle (ratio < 20 %)",
    "under_used": "Under-used (20 % – 80 %)",
    "tight": "Tight (80 % – 100 %)",
    "shortage": "Shortage (ratio > 100 %)",
    "no_capacity": "No capacity (retirement only)",
    "no_data": "No data",
    "invalid": "Invalid input (negative value)",
}


def fill(color: str, edge: str, width_mm: float = 0.2, style: str = "solid") -> QgsFillSymbol:
    """A polygon symbol with a thin outline that stays readable in print."""
    return QgsFillSymbol.createSimple(
        {
            "color": color,
            "style": style,
            "outline_color": edge,
            "outline_width": str(width_mm),
            "outline_width_unit": "MM",
            "joinstyle": "round",
        }
    )


def ratio_class_style() -> QgsCategorizedSymbolRenderer:
    """Categorized renderer on ``ratio_class``: a colour-blind-safe purple–orange scheme."""
    categories = []
    for code in RATIO_CLASSES:
        color = RATIO_CLASS_COLORS[code]
        edge = RATIO_CLASS_EDGE_COLORS.get(code, "#4d4d4d")
        symbol = fill(color, edge, 0.4 if code == "invalid" else 0.2)
        if code == "no_capacity":  # the most extreme shortage: darkest, hatched in white
            hatch = fill("#ffffff", "#ffffff", 0.0, "b_diagonal")
            symbol.appendSymbolLayer(hatch.symbolLayer(0).clone())
        categories.append(QgsRendererCategory(code, symbol, ENGLISH[code]))
    return QgsCategorizedSymbolRenderer("ratio_class", categories)


# Brown–teal (ColorBrewer BrBG, colour-blind safe): brown where capital outweighs compliance.
COMPLIANCE_COLORS = ("#f0f0f0", "#bdbdbd", "#a6611a", "#dfc27d", "#f5f5f5", "#80cdc1", "#018571")


def compliance_style() -> QgsRuleBasedRenderer:
    """Rule-based renderer on ``compliance_index`` and ``no_whitelist``."""
    root = QgsRuleBasedRenderer.Rule(None)
    for (label, expression), color in zip(COMPLIANCE_RULES, COMPLIANCE_COLORS):
        symbol = fill(color, "#404040", 0.2)
        if label == "No whitelist firm":
            hatch = fill("#737373", "#737373", 0.0, "f_diagonal")
            symbol.appendSymbolLayer(hatch.symbolLayer(0).clone())
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression, label))
    return QgsRuleBasedRenderer(root)


#: Profit classes (CNY/yr) and colours: ColorBrewer RdBu, red for losses.
PROFIT_CLASSES = (
    (-1e15, -1e8, "#b2182b", "Loss over 100 M CNY"),
    (-1e8, -1e7, "#ef8a62", "Loss 10–100 M"),
    (-1e7, 0.0, "#fddbc7", "Loss up to 10 M"),
    (0.0, 1e7, "#d1e5f0", "Profit up to 10 M"),
    (1e7, 1e8, "#67a9cf", "Profit 10–100 M"),
    (1e8, 1e15, "#2166ac", "Profit over 100 M CNY"),
)
#: Probability-of-loss classes (0–1): ColorBrewer YlOrRd.
P_LOSS_CLASSES = (
    (0.0, 0.05, "#ffffb2", "Loss unlikely (< 5 %)"),
    (0.05, 0.25, "#fecc5c", "5–25 %"),
    (0.25, 0.5, "#fd8d3c", "25–50 %"),
    (0.5, 0.75, "#f03b20", "50–75 %"),
    (0.75, 1.0, "#bd0026", "Loss likely (> 75 %)"),
)


def marker(color: str) -> QgsMarkerSymbol:
    """A circle sized by throughput (1.6–6 mm for 0–200 kt/yr), dark outline."""
    symbol = QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": color, "outline_color": "#333333", "outline_width": "0.2"}
    )
    symbol.symbolLayer(0).setDataDefinedProperty(
        QgsSymbolLayer.PropertySize,
        QgsProperty.fromExpression(
            'scale_exp(coalesce("throughput_t", 0), 0, 200000, 1.6, 6, ' "0.57)"
        ),
    )
    return symbol


def graduated(field: str, classes) -> QgsGraduatedSymbolRenderer:
    """Graduated point renderer on ``field``."""
    ranges = [QgsRendererRange(lo, hi, marker(color), label) for lo, hi, color, label in classes]
    return QgsGraduatedSymbolRenderer(field, ranges)


def save(renderer, name: str, fields: str, geometry: str = "Polygon") -> None:
    """Write ``resources/styles/<name>`` for a layer with ``fields``."""
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:4326&{fields}", name, "memory")
    layer.setRenderer(renderer)
    message, ok = layer.saveNamedStyle(str(STYLES / name))
    print(name, ok, message)


def main() -> None:
    """Write every style file."""
    app = QgsApplication([], False)
    app.initQgis()
    STYLES.mkdir(parents=True, exist_ok=True)
    save(ratio_class_style(), "ratio_class.qml", "field=ratio_class:string")
    save(
        compliance_style(),
        "compliance_index.qml",
        "field=compliance_index:double&field=no_whitelist:boolean",
    )
    save(
        graduated("profit", PROFIT_CLASSES),
        "plant_profit.qml",
        "field=profit:double&field=throughput_t:double",
        "Point",
    )
    save(
        graduated("p_loss", P_LOSS_CLASSES),
        "profit_uncertainty.qml",
        "field=p_loss:double&field=throughput_t:double",
        "Point",
    )
    import siting_styles  # profit_surface and allocate_supply (tools/siting_styles.py)

    siting_styles.build(save, STYLES)
    app.exitQgis()


if __name__ == "__main__":
    main()
