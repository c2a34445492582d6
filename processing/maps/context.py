"""Context layers of the publication map: layers the user adds around a result keep their own
style or get a quiet designed one, the neighbouring land (QGIS's Natural Earth), the sample's
province outlines, and the land and sea masks that hide a raster beyond China."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsLineSymbol,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsProject,
    QgsRasterLayer,
    QgsSingleSymbolRenderer,
    QgsSymbol,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..illustrative import SAMPLE_DIR
from ..styling.postprocess import qml_styler
from .layers import KIND_STYLES, has_own_style, layer_kind, load_stored_style, style_for_map

#: Light grey for the neighbouring land and the design of context layers.
LAND_GREY, CONTEXT_FILL, CONTEXT_LINE, CONTEXT_POINT = "#ececec", "#f4f4f4", "#b5b5b5", "#5a5a5a"


def style_context_layer(layer: QgsMapLayer) -> str:
    """Context layers keep their own or stored style; otherwise a quiet designed one (light
    fill and grey outline, grey lines, small dark points) instead of QGIS's random colour."""
    if isinstance(layer, QgsRasterLayer):
        return style_for_map(layer, lambda text: text)
    if has_own_style(layer) or load_stored_style(layer):
        return "own"
    if layer_kind(layer) in KIND_STYLES:
        qml_styler(KIND_STYLES[layer_kind(layer)])(layer)
        return "kind"
    geometry = QgsWkbTypes.geometryType(layer.wkbType())
    if geometry == QgsWkbTypes.PolygonGeometry:
        symbol = QgsFillSymbol.createSimple(
            {
                "color": CONTEXT_FILL,
                "outline_color": CONTEXT_LINE,
                "outline_width": "0.15",
                "outline_width_unit": "MM",
            }
        )
    elif geometry == QgsWkbTypes.LineGeometry:
        symbol = QgsLineSymbol.createSimple(
            {"line_color": CONTEXT_LINE, "line_width": "0.25", "line_width_unit": "MM"}
        )
    else:
        symbol = QgsMarkerSymbol.createSimple(
            {
                "color": CONTEXT_POINT,
                "outline_color": "#ffffff",
                "outline_width": "0.1",
                "size": "1.2",
                "size_unit": "MM",
            }
        )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return "designed"


def neighbour_land() -> QgsVectorLayer | None:
    """The world's land (QGIS's own Natural Earth ``world_map.gpkg``) in light grey without
    outlines, drawn beneath everything as the neighbouring countries."""
    path = Path(QgsApplication.pkgDataPath()) / "resources" / "data" / "world_map.gpkg"
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False  # its layer_styles table makes GDAL warn about a date
    layer = QgsVectorLayer(f"{path}|layername=countries", "land", "ogr", options)
    if not path.exists() or not layer.isValid():
        return None
    symbol = QgsFillSymbol.createSimple({"color": LAND_GREY, "outline_style": "no"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


def sample_layer(table: str, title: str, symbol: QgsSymbol) -> QgsVectorLayer | None:
    """A layer of the shipped sample GeoPackage drawn with one ``symbol``; None if missing."""
    layer = QgsVectorLayer(f"{SAMPLE_DIR / 'china_sample.gpkg'}|layername={table}", title, "ogr")
    if not layer.isValid():
        return None
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


def china_outlines() -> QgsVectorLayer | None:
    """The sample's province boundaries (real, Tianditu) as thin dark outlines without fill,
    drawn over a raster so that it reads as a map of China."""
    return sample_layer(
        "provinces",
        "provinces",
        QgsFillSymbol.createSimple(
            {
                "style": "no",
                "outline_color": "#505050",
                "outline_width": "0.15",
                "outline_width_unit": "MM",
            }
        ),
    )


def outside_layers(
    outlines: QgsVectorLayer, crs: QgsCoordinateReferenceSystem
) -> list[QgsVectorLayer]:
    """Two layers that hide a raster's cells beyond China (the union of ``outlines``), in
    ``crs``: the neighbouring land in light grey over a white sea. Empty when there is no
    outline."""
    context = QgsProject.instance().transformContext()
    to_map = QgsCoordinateTransform(outlines.crs(), crs, context)
    parts = []
    for feature in outlines.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        if not geometry.isEmpty():
            geometry.transform(to_map)
            parts.append(geometry)
    if not parts:
        return []
    china = QgsGeometry.unaryUnion(parts)
    sea = QgsGeometry.fromRect(china.boundingBox().buffered(8.0e6)).difference(china)
    layers = []
    land = neighbour_land()
    if land is not None:
        to_map = QgsCoordinateTransform(land.crs(), crs, context)
        box = china.boundingBox().buffered(2.0e6)
        pieces = []
        for feature in land.getFeatures():
            geometry = QgsGeometry(feature.geometry())
            geometry.transform(to_map)
            if geometry.boundingBox().intersects(box):
                geometry = geometry.difference(china)  # Natural Earth's borders are not ours
            if not geometry.isEmpty():
                pieces.append(geometry)
        layers.append(_memory_polygons("land", crs, pieces, LAND_GREY))
    layers.append(_memory_polygons("sea", crs, [sea], "#ffffff"))
    return layers


def _memory_polygons(
    name: str, crs: QgsCoordinateReferenceSystem, geometries: list[QgsGeometry], color: str
) -> QgsVectorLayer:
    layer = QgsVectorLayer("MultiPolygon", name, "memory")
    layer.setCrs(crs)
    features = []
    for geometry in geometries:
        feature = QgsFeature()
        feature.setGeometry(geometry)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.setRenderer(
        QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({"color": color, "outline_style": "no"}))
    )
    return layer
