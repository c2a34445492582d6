"""The print layout of ``export_publication_map``: a template from ``resources/layouts`` filled
by item id, maps in an Albers equal-area projection for China, the South China Sea inset, the
legend, scale bar, north arrow and notes, and the export to PDF, PNG or SVG.

Layout rendering is not thread-safe: call these functions on the main thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsLayoutExporter,
    QgsLayoutItem,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLineSymbol,
    QgsMapLayer,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsRenderContext,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument

from ...core.constants import ALBERS_CHINA
from ..compat import empty_extent, export_error, label_font, set_label_font
from ..illustrative import SAMPLE_DIR
from .context import sample_layer
from .fonts import cjk_family, publication_font
from .inset import clear_of_inset
from .legend import fill_legend
from .spec import MapSpec

PLUGIN_DIR = Path(__file__).resolve().parents[2]
LAYOUTS_DIR = PLUGIN_DIR / "resources" / "layouts"
NORTH_ARROW = PLUGIN_DIR / "resources" / "icons" / "north_arrow.svg"
SAMPLE_GPKG = SAMPLE_DIR / "china_sample.gpkg"

#: The ``TEMPLATE`` enumeration, in order: file names in ``resources/layouts``.
TEMPLATES = ("a4_landscape", "a4_portrait", "two_panels")
#: Lon/lat box of the South China Sea inset, as Chinese national maps draw it.
INSET_BOX = (105.0, -1.5, 125.0, 25.0)  # south of the last dash (3.4° N): room for the caption
#: With the inset, a national main map starts at this latitude (the islands are in the inset).
MAIN_MIN_LAT = 17.0
#: A layer spanning at least this many degrees of longitude and latitude is "national".
NATIONAL_SPAN = (40.0, 20.0)
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def albers() -> QgsCoordinateReferenceSystem:
    """The layout's map CRS, :data:`core.constants.ALBERS_CHINA`."""
    return QgsCoordinateReferenceSystem.fromProj(ALBERS_CHINA)


def south_china_sea_line() -> QgsVectorLayer | None:
    """The South China Sea line from the sample GeoPackage, drawn as a dark dashed boundary."""
    return sample_layer(
        "south_china_sea_line",
        "south_china_sea",
        QgsLineSymbol.createSimple(
            {
                "line_color": "#4d4d4d",
                "line_width": "0.35",
                "line_width_unit": "MM",
                "capstyle": "round",
            }
        ),
    )


def _wgs84_box(layer: QgsMapLayer, project: QgsProject) -> QgsRectangle:
    transform = QgsCoordinateTransform(layer.crs(), WGS84, project.transformContext())
    return transform.transformBoundingBox(layer.extent())


def is_national(layer: QgsMapLayer, project: QgsProject) -> bool:
    """True when the layer spans China as a whole (:data:`NATIONAL_SPAN` degrees or more)."""
    box = _wgs84_box(layer, project)
    return box.width() >= NATIONAL_SPAN[0] and box.height() >= NATIONAL_SPAN[1]


def map_extent(
    layers: Sequence[QgsMapLayer],
    project: QgsProject,
    crs: QgsCoordinateReferenceSystem,
    clip_south: bool,
) -> QgsRectangle:
    """Extent of the layers' features (a raster's: its extent) in ``crs``, with a 4 % margin;
    with ``clip_south`` only the parts north of :data:`MAIN_MIN_LAT` count (the rest is in the
    inset)."""
    extent = empty_extent()
    clip = QgsRectangle(-180.0, MAIN_MIN_LAT, 180.0, 90.0)
    for layer in layers:
        context = project.transformContext()
        to_wgs = QgsCoordinateTransform(layer.crs(), WGS84, context)
        to_map = QgsCoordinateTransform(WGS84, crs, context)
        if not isinstance(layer, QgsVectorLayer):
            box = _wgs84_box(layer, project)
            if clip_south:
                box = box.intersect(clip)
            if not box.isEmpty():
                extent.combineExtentWith(to_map.transformBoundingBox(box))
            continue
        for feature in layer.getFeatures(QgsFeatureRequest().setNoAttributes()):
            geom = feature.geometry()
            if geom is None or geom.isEmpty():
                continue
            geom.transform(to_wgs)
            if clip_south:
                geom = geom.clipped(clip)
                if geom.isEmpty():
                    continue
            geom.transform(to_map)
            extent.combineExtentWith(geom.boundingBox())
    if extent.isEmpty():
        return extent
    return extent.buffered(0.04 * max(extent.width(), extent.height()))


def inset_extent(project: QgsProject, crs: QgsCoordinateReferenceSystem) -> QgsRectangle:
    """:data:`INSET_BOX` in ``crs``."""
    transform = QgsCoordinateTransform(WGS84, crs, project.transformContext())
    return transform.transformBoundingBox(QgsRectangle(*INSET_BOX))


def load_template(project: QgsProject, name: str) -> QgsPrintLayout:
    """A print layout from ``resources/layouts/<name>.qpt``."""
    document = QDomDocument()
    path = LAYOUTS_DIR / f"{name}.qpt"
    if not document.setContent(path.read_text(encoding="utf-8")):
        raise OSError(f"cannot read the layout template {path}")
    layout = QgsPrintLayout(project)
    _items, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok:
        raise OSError(f"cannot load the layout template {path}")
    layout.setName(name)
    return layout


def item(layout: QgsPrintLayout, item_id: str) -> QgsLayoutItem | None:
    """The layout item with ``item_id`` (None when the template has none)."""
    return layout.itemById(item_id)


def remove(layout: QgsPrintLayout, *item_ids: str) -> None:
    """Remove the items with these ids, when present."""
    for item_id in item_ids:
        found = layout.itemById(item_id)
        if found is not None:
            layout.removeLayoutItem(found)


def set_label(layout: QgsPrintLayout, item_id: str, text: str, family: str) -> None:
    """Fill a label (removed when ``text`` is empty) in the publication font."""
    label = item(layout, item_id)
    if not isinstance(label, QgsLayoutItemLabel):
        return
    if not text:
        layout.removeLayoutItem(label)
        return
    label.setMode(QgsLayoutItemLabel.ModeFont)
    label.setText(text.replace("[%", "[ %"))  # never evaluated as an expression
    set_label_font(label, publication_font(label_font(label), family))


def build_layout(
    project: QgsProject, spec: MapSpec, template: str, workdir: Path, tr: Callable[[str], str]
) -> QgsPrintLayout:
    """The filled layout of ``spec`` on ``template`` (a name of :data:`TEMPLATES`); the layers
    must be in ``project``. ``workdir`` receives the bivariate legend SVG."""
    layout = load_template(project, template)
    family = cjk_family()
    crs = albers()
    national = is_national(spec.panels[0], project)
    with_inset = spec.inset and national
    # A raster's grid reaches beyond China: frame the outlines drawn over it instead.
    framed = [x for x in spec.overlays if x.name() == "provinces"] or spec.panels
    extent = map_extent(framed, project, crs, clip_south=with_inset)
    set_label(layout, "title", spec.title, family)
    set_label(layout, "subtitle", spec.subtitle, family)
    set_label(layout, "source_note", spec.note, family)
    if with_inset:
        extent = clear_of_inset(project, layout, framed, crs, extent, MAIN_MIN_LAT)
    first_map = None
    for i, suffix in enumerate(("", "2")):
        map_item = item(layout, f"map{suffix}")
        if map_item is None:
            continue
        if i >= len(spec.panels):
            remove(
                layout,
                f"map{suffix}",
                f"inset{suffix}",
                f"inset_label{suffix}",
                f"panel_title{suffix}",
            )
            continue
        _show(project, map_item, spec.panels[i], spec, crs, extent)
        first_map = first_map or map_item
        titles = spec.panel_titles
        set_label(layout, f"panel_title{suffix}", titles[i] if i < len(titles) else "", family)
        inset = item(layout, f"inset{suffix}")
        if inset is None:
            continue
        if not with_inset:
            remove(layout, f"inset{suffix}", f"inset_label{suffix}")
            continue
        _show(project, inset, spec.panels[i], spec, crs, inset_extent(project, crs))
        set_label(layout, f"inset_label{suffix}", tr("South China Sea Islands"), family)
    _decorate(layout, first_map, family)
    fill_legend(layout, spec, workdir, family, tr)
    return layout


def _show(
    project: QgsProject,
    map_item: QgsLayoutItemMap,
    layer: QgsMapLayer,
    spec: MapSpec,
    crs: QgsCoordinateReferenceSystem,
    extent: QgsRectangle,
) -> None:
    """Show ``layer`` in ``map_item``, zoomed to ``extent``: from the top, the South China Sea
    line, point context layers (plants over flows), the overlays (over a raster: province
    outlines, neighbouring land and a mask beyond China), the layer, the other context layers
    and the neighbouring land; with ``spec.clip_features``, vector features cut at the frame."""
    map_item.setCrs(crs)
    if not extent.isEmpty():
        map_item.zoomToExtent(extent)
    points = [x for x in spec.extras if _is_points(x)]
    beneath = [x for x in spec.extras if not _is_points(x)]
    layers = (
        ([spec.line] if spec.line is not None else [])
        + points
        + spec.overlays
        + [layer]
        + beneath
        + ([spec.land] if spec.land is not None else [])
    )
    if spec.clip_features:
        from .clip import clipped_copy

        layers = [
            clipped_copy(lyr, map_item.extent(), crs, project)
            if isinstance(lyr, QgsVectorLayer)
            else lyr
            for lyr in layers
        ]
    map_item.setLayers(layers)
    map_item.setKeepLayerSet(True)


def _is_points(layer: QgsMapLayer) -> bool:
    from qgis.core import QgsWkbTypes

    return (
        isinstance(layer, QgsVectorLayer)
        and QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.PointGeometry
    )


def _decorate(layout: QgsPrintLayout, map_item: QgsLayoutItemMap | None, family: str) -> None:
    arrow = item(layout, "north_arrow")
    if isinstance(arrow, QgsLayoutItemPicture):
        arrow.setPicturePath(str(NORTH_ARROW), QgsLayoutItemPicture.FormatSVG)
        if map_item is not None:
            arrow.setLinkedMap(map_item)
            arrow.setNorthMode(QgsLayoutItemPicture.TrueNorth)
    scalebar = item(layout, "scalebar")
    if scalebar is not None:
        if map_item is None:
            layout.removeLayoutItem(scalebar)
        else:
            text = scalebar.textFormat()
            text.setFont(publication_font(text.font(), family))
            scalebar.setTextFormat(text)
            scalebar.setLinkedMap(map_item)
            scalebar.update()


def export_layout(layout: QgsPrintLayout, path: str, dpi: int) -> str:
    """Write ``layout`` to ``path`` by its extension (.pdf vector with real text, .png, .svg);
    return "" or an error message."""
    exporter = QgsLayoutExporter(layout)
    suffix = Path(path).suffix.lower()
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return str(error.strerror or error)
    if suffix == ".pdf":
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.forceVectorOutput = True
        settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
        settings.exportMetadata = True
        settings.dpi = dpi
        result = exporter.exportToPdf(path, settings)
    elif suffix == ".png":
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = dpi
        settings.exportMetadata = False
        from osgeo import gdal

        # QGIS then tries to georeference the PNG through GDAL, which cannot update a PNG in
        # place and says so on stderr: keep that quiet.
        gdal.PushErrorHandler("CPLQuietErrorHandler")
        try:
            result = exporter.exportToImage(path, settings)
        finally:
            gdal.PopErrorHandler()
    elif suffix == ".svg":
        settings = QgsLayoutExporter.SvgExportSettings()
        settings.forceVectorOutput = True
        settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysOutlines
        settings.dpi = dpi
        result = exporter.exportToSvg(path, settings)
    else:
        return f"unsupported extension {suffix!r}"
    if result != QgsLayoutExporter.Success:
        return export_error(exporter, result)
    return ""
