"""Quick-look PNG maps of styled outputs with a title and a legend (``make demo``).

A raster is drawn with its sidecar QML, a GeoPackage with its default style, over province
outlines, in the Albers equal-area projection of the publication maps. Flows below
:data:`MIN_FLOW_SHARE` of the largest are left out of the drawing (not of the data). The
legend lists the main layer's classes or ramp stops (raster: the labelled stops of its colour
ramp; vector: its renderer's legend symbols) and those of the overlays. ``shrink_png`` makes the
small palette copies committed under docs/img.
"""

from __future__ import annotations

from pathlib import Path

#: Flows smaller than this share of the largest flow are not drawn (a 1,000 km line for 46 t).
MIN_FLOW_SHARE = 0.01


def _legend_entries(layer) -> list[tuple[object, str]]:
    """(QColor or QImage, label) pairs of a layer's legend, unlabelled stops left out."""
    from qgis.core import QgsRasterLayer
    from qgis.PyQt.QtCore import QSize

    entries: list[tuple[object, str]] = []
    if isinstance(layer, QgsRasterLayer):
        for label, color in layer.renderer().legendSymbologyItems():
            if label:
                entries.append((color, label))
        return entries
    renderer = layer.renderer()
    if renderer is None:
        return entries
    for item in renderer.legendSymbolItems():
        symbol = item.symbol()
        if symbol is not None and item.label():
            entries.append((symbol.asImage(QSize(18, 18)), item.label()))
    return entries


def _draw_legend(image, title: str, groups: list[tuple[str, list]], note: str = "") -> None:
    """Title top-left; legend box bottom-left with one heading per group."""
    from qgis.PyQt.QtCore import QRect, Qt
    from qgis.PyQt.QtGui import QColor, QFont, QPainter, QPen

    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(0, 0, image.width(), 100 if note else 62, QColor(255, 255, 255, 230))
    font = QFont("DejaVu Sans", 20)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#1a1a1a"))
    painter.drawText(
        QRect(24, 14, image.width() - 48, 40),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        title,
    )
    if note:
        small = QFont("DejaVu Sans", 12)
        painter.setFont(small)
        painter.setPen(QColor("#404040"))
        painter.drawText(
            QRect(24, 52, image.width() - 48, 44),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            note,
        )
    body = QFont("DejaVu Sans", 12)
    head = QFont("DejaVu Sans", 12)
    head.setBold(True)
    rows = sum(1 + len(entries) for _, entries in groups if entries)
    if rows == 0:
        painter.end()
        return
    line = 24
    width = 330
    height = rows * line + 16
    x0, y0 = 16, image.height() - height - 16
    painter.setPen(QPen(QColor("#9e9e9e"), 1))
    painter.setBrush(QColor(255, 255, 255, 235))
    painter.drawRect(x0, y0, width, height)
    y = y0 + 8
    for heading, entries in groups:
        if not entries:
            continue
        painter.setFont(head)
        painter.setPen(QColor("#1a1a1a"))
        painter.drawText(
            QRect(x0 + 10, y, width - 20, line),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            heading,
        )
        y += line
        painter.setFont(body)
        for swatch, label in entries:
            if isinstance(swatch, QColor):
                painter.setPen(QPen(QColor("#707070"), 0.5))
                painter.setBrush(swatch)
                painter.drawRect(x0 + 14, y + 4, 26, line - 8)
            else:
                painter.drawImage(x0 + 18, y + 3, swatch)
            painter.setPen(QColor("#1a1a1a"))
            painter.drawText(
                QRect(x0 + 50, y, width - 60, line),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            y += line
    painter.end()


def render_map_png(
    path: str,
    png: Path,
    sample: Path,
    overlays: tuple[str, ...] = (),
    title: str = "",
    legend_title: str = "",
    overlay_titles: tuple[str, ...] = (),
    note: str = "",
) -> None:
    """A quick-look map of a styled output over province outlines, with a title and legend."""
    from qgis.core import (
        QgsCoordinateTransform,
        QgsFillSymbol,
        QgsMapRendererParallelJob,
        QgsMapSettings,
        QgsProject,
        QgsRasterLayer,
        QgsSingleSymbolRenderer,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    main = (
        QgsRasterLayer(path, "surface", "gdal")
        if path.endswith(".tif")
        else QgsVectorLayer(path, "output", "ogr")
    )
    provinces = QgsVectorLayer(f"{sample}|layername=provinces", "provinces", "ogr")
    provinces.setRenderer(
        QgsSingleSymbolRenderer(
            QgsFillSymbol.createSimple(
                {"style": "no", "outline_color": "#4d4d4d", "outline_width": "0.2"}
            )
        )
    )
    layers = [QgsVectorLayer(p, "overlay", "ogr") for p in overlays]
    for layer in [main, *layers]:
        _hide_small_flows(layer)
    settings = QgsMapSettings()
    stack = (
        [*layers, provinces, main]
        if isinstance(main, QgsRasterLayer)
        else [*layers, main, provinces]
    )
    settings.setLayers(stack)
    from qgis.core import QgsCoordinateReferenceSystem

    from battery_recycling_atlas.core.constants import ALBERS_CHINA

    albers = QgsCoordinateReferenceSystem.fromProj(ALBERS_CHINA)
    settings.setDestinationCrs(albers)
    settings.setBackgroundColor(QColor("white"))
    settings.setOutputSize(QSize(1200, 1000))
    # The whole country, whatever the output covers.
    extent = QgsCoordinateTransform(
        provinces.crs(), albers, QgsProject.instance()
    ).transformBoundingBox(provinces.extent())
    extent.scale(1.12)
    settings.setExtent(extent)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    groups = [(legend_title, _legend_entries(main))]
    groups += [(t, _legend_entries(lyr)) for t, lyr in zip(overlay_titles, layers)]
    _draw_legend(image, title, groups, note)
    image.save(str(png))


def _hide_small_flows(layer) -> None:
    """Draw only the flows of at least :data:`MIN_FLOW_SHARE` of the largest (a subset on the
    drawn copy; the file keeps every flow)."""
    from qgis.core import QgsVectorLayer

    if not isinstance(layer, QgsVectorLayer) or layer.fields().lookupField("flow_t") < 0:
        return
    largest = layer.maximumValue(layer.fields().lookupField("flow_t"))
    if largest:
        layer.setSubsetString(f'"flow_t" >= {float(largest) * MIN_FLOW_SHARE!r}')


def side_by_side(pngs: list[Path], target: Path) -> None:
    """Join quick looks left to right into one image (same height)."""
    from PIL import Image

    images = [Image.open(p).convert("RGB") for p in pngs]
    height = min(i.height for i in images)
    images = [i.resize((round(i.width * height / i.height), height)) for i in images]
    out = Image.new("RGB", (sum(i.width for i in images), height), "white")
    x = 0
    for i in images:
        out.paste(i, (x, 0))
        x += i.width
    out.save(target)


def shrink_png(source: Path, target: Path, width: int = 760, colors: int = 256) -> int:
    """A palette copy ``width`` pixels wide (bytes written), for docs/img (< 200 KB)."""
    from PIL import Image

    image = Image.open(source).convert("RGB")
    height = round(image.height * width / image.width)
    small = image.resize((width, height), Image.LANCZOS)
    small = small.quantize(
        colors=colors, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    small.save(target, optimize=True)
    return target.stat().st_size
