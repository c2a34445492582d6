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

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
)

from battery_recycling_atlas.core.ratio import (  # noqa: E402
    RATIO_CLASS_COLORS,
    RATIO_CLASS_EDGE_COLORS,
    RATIO_CLASSES,
)
from battery_recycling_atlas.processing.labels import COMPLIANCE_RULES  # noqa: E402

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
    return QgsFillSymbol.createSimple({
        "color": color, "style": style, "outline_color": edge,
        "outline_width": str(width_mm), "outline_width_unit": "MM", "joinstyle": "round"})


def ratio_class_style() -> QgsCategorizedSymbolRenderer:
    """Categorized renderer on ``ratio_class``: a colour-blind-safe purple–orange scheme."""
    categories = []
    for code in RATIO_CLASSES:
        color = RATIO_CLASS_COLORS[code]
        edge = RATIO_CLASS_EDGE_COLORS.get(code, "#4d4d4d")
        symbol = fill(color, edge, 0.4 if code == "invalid" else 0.2)
        if code == "no_capacity":
            hatch = fill("#636363", "#636363", 0.0, "b_diagonal")
            symbol.appendSymbolLayer(hatch.symbolLayer(0).clone())
        categories.append(QgsRendererCategory(code, symbol, ENGLISH[code]))
    return QgsCategorizedSymbolRenderer("ratio_class", categories)


# Brown–teal (ColorBrewer BrBG, colour-blind safe): brown where capital outweighs compliance.
COMPLIANCE_COLORS = ("#f0f0f0", "#bdbdbd", "#a6611a", "#dfc27d", "#f5f5f5", "#80cdc1",
                     "#018571")


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


def save(renderer, name: str, fields: str) -> None:
    """Write ``resources/styles/<name>`` for a polygon layer with ``fields``."""
    layer = QgsVectorLayer(f"Polygon?crs=EPSG:4326&{fields}", name, "memory")
    layer.setRenderer(renderer)
    message, ok = layer.saveNamedStyle(str(STYLES / name))
    print(name, ok, message)


def main() -> None:
    """Write every style file."""
    app = QgsApplication([], False)
    app.initQgis()
    STYLES.mkdir(parents=True, exist_ok=True)
    save(ratio_class_style(), "ratio_class.qml", "field=ratio_class:string")
    save(compliance_style(), "compliance_index.qml",
         "field=compliance_index:double&field=no_whitelist:boolean")
    app.exitQgis()


if __name__ == "__main__":
    main()
