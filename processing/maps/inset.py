"""Keep the main map's land clear of the South China Sea inset: the inset frame sits over the
map's lower right corner, and on a narrow panel it can cover Taiwan."""

from __future__ import annotations

from collections.abc import Sequence

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsLayoutItemMap,
    QgsMapLayer,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

#: Clearance kept between land and the inset frame (mm on the page).
MARGIN_MM = 2.0
#: How many times the extent is grown southwards before giving up (each step re-fits the frame).
MAX_STEPS = 8


def land_north_of(
    layers: Sequence[QgsMapLayer],
    project: QgsProject,
    crs: QgsCoordinateReferenceSystem,
    lat: float,
) -> list[tuple[int, QgsGeometry]]:
    """(feature id, geometry) of the vector layers' features north of ``lat`` (° N), in
    ``crs``: what the main map frames (the islands further south are in the inset)."""
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    clip = QgsRectangle(-180.0, lat, 180.0, 90.0)
    found = []
    for layer in layers:
        if not isinstance(layer, QgsVectorLayer):
            continue
        context = project.transformContext()
        to_wgs = QgsCoordinateTransform(layer.crs(), wgs84, context)
        to_map = QgsCoordinateTransform(wgs84, crs, context)
        for feature in layer.getFeatures(QgsFeatureRequest().setNoAttributes()):
            geom = feature.geometry()
            if geom is None or geom.isEmpty():
                continue
            geom.transform(to_wgs)
            geom = geom.clipped(clip)
            if geom.isEmpty():
                continue
            geom.transform(to_map)
            found.append((feature.id(), geom))
    return found


def footprint(map_item: QgsLayoutItemMap, frame: QgsRectangle, margin_mm: float) -> QgsRectangle:
    """The page rectangle ``frame`` (mm), grown by ``margin_mm``, in ``map_item``'s map units."""
    page = map_item.sceneBoundingRect()
    extent = map_item.extent()
    sx = extent.width() / page.width()
    sy = extent.height() / page.height()
    return QgsRectangle(
        extent.xMinimum() + (frame.xMinimum() - margin_mm - page.left()) * sx,
        extent.yMaximum() - (frame.yMaximum() + margin_mm - page.top()) * sy,
        extent.xMinimum() + (frame.xMaximum() + margin_mm - page.left()) * sx,
        extent.yMaximum() - (frame.yMinimum() - margin_mm - page.top()) * sy,
    )


def clear_of_inset(
    project: QgsProject,
    layout: QgsPrintLayout,
    layers: Sequence[QgsMapLayer],
    crs: QgsCoordinateReferenceSystem,
    extent: QgsRectangle,
    min_lat: float,
) -> QgsRectangle:
    """``extent``, grown southwards until no land north of ``min_lat`` lies under the first
    map's inset frame or within :data:`MARGIN_MM` of it. Every panel of a layout shares the
    extent and has the same frame geometry, so the first panel decides."""
    map_item, inset = layout.itemById("map"), layout.itemById("inset")
    if not isinstance(map_item, QgsLayoutItemMap) or inset is None or extent.isEmpty():
        return extent
    land = land_north_of(layers, project, crs, min_lat)
    box = inset.sceneBoundingRect()
    frame = QgsRectangle(box.left(), box.top(), box.right(), box.bottom())
    map_item.setCrs(crs)
    for _step in range(MAX_STEPS):
        map_item.zoomToExtent(extent)
        area = QgsGeometry.fromRect(footprint(map_item, frame, MARGIN_MM))
        inside = [g.intersection(area).boundingBox() for _fid, g in land if g.intersects(area)]
        if not inside:
            break
        # Move the footprint's top below the lowest land it covers: grow the extent southwards
        # by that much (the frame re-fits to its aspect, so check again).
        top = area.boundingBox().yMaximum()
        overlap = top - min(b.yMinimum() for b in inside)
        extent = QgsRectangle(
            extent.xMinimum(), extent.yMinimum() - overlap, extent.xMaximum(), extent.yMaximum()
        )
    return extent
