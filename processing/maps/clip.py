"""Features cut at a map frame, for SVG exports.

Qt's SVG writer ignores clip paths, so a map item exported to SVG shows every feature it
draws in full, beyond its frame (the South China Sea line below the main map, Guangdong to the
left of the inset). For SVG the layout draws memory copies of its layers whose geometries are
cut at the frame instead; PDF and PNG clip by themselves and keep the original layers.
"""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsMemoryProviderUtils,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)


def _cut(
    geom: QgsGeometry, frame: QgsGeometry, kind: QgsWkbTypes.GeometryType
) -> QgsGeometry | None:
    """``geom`` ∩ ``frame`` as the layer's geometry type; None when nothing is left."""
    part = geom.intersection(frame)
    if part.isNull() or (part.isEmpty() and not geom.isGeosValid()):
        part = geom.makeValid().intersection(frame)  # simplified borders may self-touch
    if part.isNull() or part.isEmpty():
        return None
    if part.type() != kind:
        part = part.convertToType(kind, True)
        if part is None or part.isNull() or part.isEmpty():
            return None
    return part


def clipped_copy(
    layer: QgsVectorLayer,
    extent: QgsRectangle,
    crs: QgsCoordinateReferenceSystem,
    project: QgsProject,
) -> QgsVectorLayer:
    """A memory copy of ``layer`` (same fields, CRS and style) holding only what lies inside
    ``extent`` (in ``crs``, the map's CRS), added to ``project``."""
    to_layer = QgsCoordinateTransform(crs, layer.crs(), project.transformContext())
    frame = QgsGeometry.fromRect(extent).densifyByCount(64)
    frame.transform(to_layer)
    engine = QgsGeometry.createGeometryEngine(frame.constGet())
    engine.prepareGeometry()
    kind = layer.geometryType()
    multi = QgsWkbTypes.isMultiType(layer.wkbType())
    features = []
    request = QgsFeatureRequest().setFilterRect(frame.boundingBox())
    for source in layer.getFeatures(request):
        geom = source.geometry()
        if geom is None or geom.isEmpty():
            continue
        if not engine.contains(geom.constGet()):
            geom = _cut(geom, frame, kind)
            if geom is None:
                continue
        if multi:
            geom.convertToMultiType()
        feature = QgsFeature(source)
        feature.setGeometry(geom)
        features.append(feature)
    copy = QgsMemoryProviderUtils.createMemoryLayer(
        layer.name(), layer.fields(), layer.wkbType(), layer.crs()
    )
    copy.dataProvider().addFeatures(features)
    if layer.renderer() is not None:
        copy.setRenderer(layer.renderer().clone())
    copy.setOpacity(layer.opacity())
    project.addMapLayer(copy, False)
    return copy
