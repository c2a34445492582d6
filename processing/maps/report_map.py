"""A small map of an algorithm's result for its HTML report: the output layer as styled, over
the neighbouring land, in the Albers projection of the publication maps, as an inline PNG.

Rendered synchronously into an image (as QGIS's own "Convert map to raster" does from a
Processing thread), so it works in the Processing dialog, in models and from ``qgis_process``.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from html import escape

from qgis.core import (
    QgsCoordinateTransform,
    QgsMapLayer,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsProcessingContext,
    QgsProcessingUtils,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QSize
from qgis.PyQt.QtGui import QColor, QImage, QPainter

#: Size of the map in pixels (it is shown at most 100 % of the report's width).
SIZE = (960, 720)


def result_map_png(layer: QgsMapLayer, context: QgsProcessingContext) -> bytes:
    """The layer (already styled) over the neighbouring land, in Albers, as PNG bytes."""
    from .context import neighbour_land
    from .layout import albers as layout_crs

    albers = layout_crs()
    land = neighbour_land()
    settings = QgsMapSettings()
    settings.setLayers([layer] + ([land] if land is not None else []))
    settings.setDestinationCrs(albers)
    settings.setTransformContext(context.transformContext())
    settings.setBackgroundColor(QColor("white"))
    settings.setOutputSize(QSize(*SIZE))
    extent = QgsCoordinateTransform(
        layer.crs(), albers, context.transformContext()
    ).transformBoundingBox(layer.extent())
    if extent.isEmpty():
        extent = QgsRectangle(-2.6e6, 1.8e6, 2.4e6, 6.0e6)  # China
    extent.scale(1.06)
    settings.setExtent(extent)
    image = QImage(QSize(*SIZE), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.renderSynchronously()
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def result_map_html(
    dest_id: str, styler: Callable | None, context: QgsProcessingContext, caption: str
) -> str:
    """A ``<figure>`` with the map of output ``dest_id`` styled by ``styler`` (a copy; the
    output is untouched); "" when the layer cannot be found or drawn."""
    layer = QgsProcessingUtils.mapLayerFromString(dest_id, context)
    if layer is None or not layer.isValid():
        return ""
    copy = layer.clone()
    if styler is not None:
        styler(copy)
    png = result_map_png(copy, context)
    if not png:
        return ""
    data = base64.b64encode(png).decode("ascii")
    return (
        f'<figure class="result-map"><img src="data:image/png;base64,{data}" '
        f'alt="{escape(caption)}" style="max-width:100%;height:auto">'
        f"<figcaption>{escape(caption)}</figcaption></figure>"
    )


def with_result_map(html: str, figure: str) -> str:
    """``html`` with ``figure`` before its first section heading (after the introduction)."""
    if not figure:
        return html
    at = html.find("<h2")
    return html[:at] + figure + "\n" + html[at:] if at >= 0 else html + figure
