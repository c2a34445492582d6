"""“Load sample data”: the shipped provinces, prefectures, whitelist plants and the South China
Sea line, styled, in one layer group, drawn in the Albers equal-area projection for China."""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLayerTreeGroup,
    QgsMarkerSymbol,
    QgsProject,
    QgsProperty,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
    QgsVectorLayer,
)
from qgis.gui import QgsMapCanvas
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QTimer

from ..processing.maps.layout import SAMPLE_GPKG, albers, south_china_sea_line

#: Route of a whitelist plant → marker colour.
ROUTE_COLORS = {"cascade": "#1b9e77", "regeneration": "#d95f02", "both": "#7570b3"}
#: Marker size (mm) from capacity (t/yr): 1.6 mm at 0 to 5 mm at 170 kt/yr.
SIZE_EXPRESSION = 'coalesce(scale_linear("capacity_t", 0, 170000, 1.6, 5), 1.6)'


def _tr(text: str) -> str:
    return QCoreApplication.translate("SampleLayers", text)


def _layer(table: str, title: str) -> QgsVectorLayer | None:
    layer = QgsVectorLayer(f"{SAMPLE_GPKG}|layername={table}", title, "ogr")
    return layer if layer.isValid() else None


def _fill(layer: QgsVectorLayer, fill: str, outline: str, width: float) -> None:
    symbol = QgsFillSymbol.createSimple(
        {
            "color": fill,
            "outline_color": outline,
            "outline_width": str(width),
            "outline_width_unit": "MM",
            "style": "solid" if fill != "none" else "no",
        }
    )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def _plants(layer: QgsVectorLayer) -> None:
    labels = {
        "cascade": _tr("Cascade use"),
        "regeneration": _tr("Regeneration"),
        "both": _tr("Cascade use and regeneration"),
    }
    categories = []
    for route, color in ROUTE_COLORS.items():
        symbol = QgsMarkerSymbol.createSimple(
            {"name": "circle", "color": color, "outline_color": "#ffffff", "outline_width": "0.2"}
        )
        symbol.symbolLayer(0).setDataDefinedProperty(
            QgsSymbolLayer.PropertySize, QgsProperty.fromExpression(SIZE_EXPRESSION)
        )
        categories.append(QgsRendererCategory(route, symbol, labels[route]))
    layer.setRenderer(QgsCategorizedSymbolRenderer("route", categories))


def _zoom(
    project: QgsProject, canvas: QgsMapCanvas, provinces: QgsVectorLayer, albers_crs: bool
) -> None:
    """Albers (when asked) and the canvas on China (nothing when the layer is gone)."""
    if sip.isdeleted(provinces) or project.mapLayer(provinces.id()) is None:
        return
    if albers_crs and project.crs() != albers():
        project.setCrs(albers())
    canvas.setDestinationCrs(project.crs())
    extent = canvas.mapSettings().layerExtentToOutputExtent(provinces, provinces.extent())
    canvas.setExtent(extent.buffered(extent.width() * 0.02))
    canvas.refresh()


def load_sample(
    project: QgsProject | None = None, canvas: QgsMapCanvas | None = None
) -> QgsLayerTreeGroup:
    """Add the sample layers in a group at the top of the layer tree; return the group.

    An empty project is switched to the Albers projection (a project with layers keeps its
    CRS: the layers are reprojected on the fly). ``canvas``, when given, zooms to the layers.
    """
    project = project or QgsProject.instance()
    empty = not project.mapLayers()
    group = project.layerTreeRoot().insertGroup(0, _tr("Sample data (illustrative)"))
    layers = []
    plants = _layer("whitelist_plants", _tr("Whitelist plants"))
    if plants is not None:
        _plants(plants)
        layers.append(plants)
    line = south_china_sea_line()
    if line is not None:
        line.setName(_tr("South China Sea line"))
        layers.append(line)
    cities = _layer("cities", _tr("Prefectures"))
    if cities is not None:
        _fill(cities, "none", "#b0b0b0", 0.15)
        layers.append(cities)
    provinces = _layer("provinces", _tr("Provinces"))
    if provinces is not None:
        _fill(provinces, "#f2efe9", "#6e6e6e", 0.35)
        layers.append(provinces)
    for layer in layers:  # top to bottom
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    if empty:
        project.setCrs(albers())
    if canvas is not None and provinces is not None:
        _zoom(project, canvas, provinces, empty)
        # QGIS desktop gives an empty project the first layer's CRS once the event loop runs
        # (the layer tree / canvas bridge): Albers and the zoom again after that.
        QTimer.singleShot(0, lambda: _zoom(project, canvas, provinces, empty))
    return group
