"""Styles of ``profit_surface`` and ``allocate_supply`` (called by ``build_styles.py``).

Raster styles are pseudo-colour ramps at nominal values; the algorithm rescales the stops to
the data (largest |profit| or largest supply) when it writes the raster's sidecar QML. Labels
are English; the algorithms translate the rule labels when they apply a style.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from osgeo import gdal
from qgis.core import (
    QgsColorRampShader,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRasterLayer,
    QgsRasterShader,
    QgsRasterTransparency,
    QgsRuleBasedRenderer,
    QgsSingleBandPseudoColorRenderer,
    QgsSymbolLayer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from battery_recycling_atlas.processing.styling.labels import (
    FLOW_RULES,
    UNMET_RULES,
    UTILIZATION_RULES,
)

#: ColorBrewer BrBG (colour-blind safe): brown losses, teal profits; nominal ±100 M CNY/yr.
PROFIT_STOPS = (
    ("#8c510a", -1.0),
    ("#bf812d", -0.75),
    ("#dfc27d", -0.5),
    ("#f6e8c3", -0.25),
    ("#f5f5f5", 0.0),
    ("#c7eae5", 0.25),
    ("#80cdc1", 0.5),
    ("#35978f", 0.75),
    ("#01665e", 1.0),
)
PROFIT_NOMINAL = 1e8
#: ColorBrewer YlGnBu for reachable supply; nominal 0–100 kt/yr, 0 transparent.
SUPPLY_STOPS = (
    ("#ffffcc", 0.0),
    ("#c7e9b4", 1 / 6),
    ("#7fcdbb", 2 / 6),
    ("#41b6c4", 3 / 6),
    ("#1d91c0", 4 / 6),
    ("#225ea8", 5 / 6),
    ("#0c2c84", 1.0),
)
SUPPLY_NOMINAL = 1e5
#: Flow colours: within a province blue, across a border orange (colour-blind safe).
FLOW_COLORS = ("#e66101", "#5e81ac")
#: Utilisation classes: red idle → blue full (ColorBrewer RdYlBu).
UTILIZATION_COLORS = ("#d7191c", "#fdae61", "#ffffbf", "#abd9e9", "#2c7bb6", "#bdbdbd")
UNMET_COLORS = ("#f0f0f0", "#fcbba1", "#fb6a4a", "#a50f15", "#ffffff")


def ramp_renderer(provider, stops, nominal: float, transparent_zero: bool):
    """Interpolated pseudo-colour renderer on band 1."""
    items = [
        QgsColorRampShader.ColorRampItem(v * nominal, QColor(c), f"{v * nominal:,.0f}")
        for c, v in stops
    ]
    ramp = QgsColorRampShader(items[0].value, items[-1].value)
    ramp.setColorRampType(QgsColorRampShader.Interpolated)
    ramp.setColorRampItemList(items)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp)
    renderer = QgsSingleBandPseudoColorRenderer(provider, 1, shader)
    renderer.setClassificationMin(items[0].value)
    renderer.setClassificationMax(items[-1].value)
    if transparent_zero:
        transparency = QgsRasterTransparency()
        pixel = QgsRasterTransparency.TransparentSingleValuePixel()
        pixel.min, pixel.max, pixel.percentTransparent = 0.0, 0.0, 100.0
        transparency.setTransparentSingleValuePixelList([pixel])
        renderer.setRasterTransparency(transparency)
    return renderer


def save_raster(styles: Path, name: str, stops, nominal: float, transparent_zero: bool) -> None:
    """Write a raster QML from a throw-away one-cell GeoTIFF."""
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "r.tif")
        ds = gdal.GetDriverByName("GTiff").Create(path, 1, 1, 1, gdal.GDT_Float32)
        ds.SetGeoTransform((0, 1, 0, 1, 0, -1))
        ds = None
        layer = QgsRasterLayer(path, name, "gdal")
        layer.setRenderer(ramp_renderer(layer.dataProvider(), stops, nominal, transparent_zero))
        message, ok = layer.saveNamedStyle(str(styles / name))
        print(name, ok, message)
        del layer


def _rules(entries, symbol_for: Callable[[int], object]) -> QgsRuleBasedRenderer:
    root = QgsRuleBasedRenderer.Rule(None)
    for k, (label, expression) in enumerate(entries):
        rule = QgsRuleBasedRenderer.Rule(symbol_for(k), 0, 0, expression or "", label)
        if not expression:
            rule.setIsElse(True)
        root.appendChild(rule)
    return QgsRuleBasedRenderer(root)


def flows_style() -> QgsRuleBasedRenderer:
    """Lines whose width follows flow_t (0.15–4.5 mm for 0–50 kt/yr), coloured by border."""

    def line(k: int):
        symbol = QgsLineSymbol.createSimple(
            {"line_color": FLOW_COLORS[k], "capstyle": "round", "line_width_unit": "MM"}
        )
        symbol.setOpacity(0.8)
        symbol.symbolLayer(0).setDataDefinedProperty(
            QgsSymbolLayer.PropertyStrokeWidth,
            QgsProperty.fromExpression(
                'scale_exp(coalesce("flow_t", 0), 0, 50000, 0.15, 4.5, ' "0.57)"
            ),
        )
        return symbol

    return _rules(FLOW_RULES, line)


def utilization_style() -> QgsRuleBasedRenderer:
    """Plants by utilisation, circles sized by allocated_t (1.6–6 mm for 0–100 kt/yr)."""

    def circle(k: int):
        symbol = QgsMarkerSymbol.createSimple(
            {
                "name": "circle",
                "color": UTILIZATION_COLORS[k],
                "outline_color": "#333333",
                "outline_width": "0.2",
            }
        )
        symbol.symbolLayer(0).setDataDefinedProperty(
            QgsSymbolLayer.PropertySize,
            QgsProperty.fromExpression(
                'scale_exp(coalesce("allocated_t", 0), 0, 100000, 1.6, ' "6, 0.57)"
            ),
        )
        return symbol

    return _rules(UTILIZATION_RULES, circle)


def unmet_style(polygons: bool) -> QgsRuleBasedRenderer:
    """Supply by unmet volume (fill or marker)."""

    def symbol(k: int):
        if polygons:
            return QgsFillSymbol.createSimple(
                {"color": UNMET_COLORS[k], "outline_color": "#7f7f7f", "outline_width": "0.15"}
            )
        return QgsMarkerSymbol.createSimple(
            {"name": "circle", "color": UNMET_COLORS[k], "outline_color": "#555555", "size": "2.2"}
        )

    return _rules(UNMET_RULES, symbol)


def best_labeling() -> QgsVectorLayerSimpleLabeling:
    """The rank beside each best location."""
    settings = QgsPalLayerSettings()
    settings.fieldName = "rank"
    fmt = QgsTextFormat()
    fmt.setSize(9)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    fmt.setBuffer(buffer)
    settings.setFormat(fmt)
    return QgsVectorLayerSimpleLabeling(settings)


def build(save: Callable, styles: Path) -> None:
    """Write every style of the siting algorithms with ``build_styles.save``."""
    from qgis.core import QgsSingleSymbolRenderer, QgsVectorLayer

    save_raster(styles, "profit_surface.qml", PROFIT_STOPS, PROFIT_NOMINAL, False)
    save_raster(styles, "supply_surface.qml", SUPPLY_STOPS, SUPPLY_NOMINAL, True)
    save(
        flows_style(),
        "supply_flows.qml",
        "field=flow_t:double&field=cross_border:boolean",
        "LineString",
    )
    save(
        utilization_style(),
        "plant_utilization.qml",
        "field=allocated_t:double&field=utilization:double",
        "Point",
    )
    save(unmet_style(True), "supply_unmet_polygon.qml", "field=unmet_t:double")
    save(unmet_style(False), "supply_unmet_point.qml", "field=unmet_t:double", "Point")
    star = QgsMarkerSymbol.createSimple(
        {
            "name": "star",
            "color": "#ffd92f",
            "size": "5",
            "outline_color": "#1a1a1a",
            "outline_width": "0.3",
        }
    )
    layer = QgsVectorLayer(
        "Point?crs=EPSG:4326&field=rank:integer&field=profit:double", "b", "memory"
    )
    layer.setRenderer(QgsSingleSymbolRenderer(star))
    layer.setLabeling(best_labeling())
    layer.setLabelsEnabled(True)
    message, ok = layer.saveNamedStyle(str(styles / "best_locations.qml"))
    print("best_locations.qml", ok, message)
