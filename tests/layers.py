"""Layers the tests build: memory layers from rows, points and polygons, GeoPackages written with
OGR alone, and the shipped sample files opened as QGIS opens them. Shared by the test files.

Import it as ``from tests.layers import memory_layer`` (pytest's importlib mode makes the
``tests`` folder a package, as for ``tests.conftest``). Coordinates are in the layer's CRS units
(degrees for EPSG:4326, metres for projected CRSs); volumes in t/yr.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from osgeo import ogr, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

#: Points with 名称 (name), 产能 (capacity, t/yr) and 处理量 (throughput, t/yr).
PLANTS_URI = "Point?crs=EPSG:4326&field=名称:string&field=产能:double&field=处理量:double"


def memory_layer(
    uri: str, rows: Iterable[Sequence[Any]], name: str = "t", crs: str | None = None
) -> QgsVectorLayer:
    """A memory layer from a provider ``uri`` (``"Polygon?crs=EPSG:4326&field=v:double"``,
    ``"None?field=…"`` for a table); each row is ``(geometry, attribute, …)`` with the geometry
    ``None`` in a table. ``crs`` (an authority id or a PROJ string) replaces the uri's CRS. The
    layer must be valid and take every row."""
    layer = QgsVectorLayer(uri, name, "memory")
    assert layer.isValid(), uri
    if crs is not None:
        layer.setCrs(
            QgsCoordinateReferenceSystem.fromProj(crs)
            if crs.startswith("+")
            else QgsCoordinateReferenceSystem(crs)
        )
    features = []
    for geometry, *attributes in rows:
        feature = QgsFeature(layer.fields())
        if geometry is not None:
            feature.setGeometry(geometry)
        feature.setAttributes(list(attributes))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0], uri
    assert layer.featureCount() == len(features), uri
    return layer


def table(spec: str, rows: Iterable[Sequence[Any]], name: str = "表") -> QgsVectorLayer:
    """A geometry-less memory table: ``spec`` lists the fields (``"field=v:double&…"``), each
    row holds the attributes only."""
    return memory_layer(f"None?{spec}", [(None, *row) for row in rows], name)


def point(x: float, y: float) -> QgsGeometry:
    """A point geometry."""
    return QgsGeometry.fromPointXY(QgsPointXY(x, y))


def rectangle(x0: float, y0: float, x1: float, y1: float) -> QgsGeometry:
    """An axis-aligned rectangle polygon from (x0, y0) to (x1, y1)."""
    return QgsGeometry.fromRect(QgsRectangle(x0, y0, x1, y1))


def square(x: float, y: float, size: float = 1.0) -> QgsGeometry:
    """A square polygon with its lower-left corner at (x, y)."""
    return rectangle(x, y, x + size, y + size)


def plants_layer(rows: Iterable[Sequence[Any]], name: str = "厂") -> QgsVectorLayer:
    """Plants (:data:`PLANTS_URI`) from rows (名称, 产能 t/yr, 处理量 t/yr), the i-th at
    (110 + i° E, 30° N)."""
    return memory_layer(
        PLANTS_URI, [(point(110 + i, 30), *row) for i, row in enumerate(rows)], name
    )


def gpkg_layer(path: Path, layername: str, name: str | None = None) -> QgsVectorLayer:
    """Layer ``layername`` of the GeoPackage at ``path`` (named ``name``, else the layer name);
    it must be valid."""
    layer = QgsVectorLayer(f"{path}|layername={layername}", name or layername, "ogr")
    assert layer.isValid(), (path, layername)
    return layer


def csv_layer(path: Path, name: str) -> QgsVectorLayer:
    """A comma-separated table read as the Data Source Manager reads it (field types detected);
    it must be valid."""
    layer = QgsVectorLayer(f"{path.as_uri()}?delimiter=,&detectTypes=yes", name, "delimitedtext")
    assert layer.isValid(), path
    return layer


def is_null(value: Any) -> bool:
    """A NULL attribute, as PyQGIS returns it (``None`` or a null ``QVariant``)."""
    return value is None or (isinstance(value, QVariant) and value.isNull())


def write_gpkg(
    path: Path,
    name: str,
    epsg: int,
    geom_type: int,
    fields: Sequence[tuple[str, int]],
    rows: Iterable[Sequence[Any]],
) -> None:
    """Write a GeoPackage layer with OGR alone (no QGIS in between), as another program would:
    ``fields`` are ``(name, ogr.OFT…)``, each row is ``(WKT, value, …)`` in the field order;
    ``None`` values stay NULL."""
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layer = ds.CreateLayer(name, srs, geom_type)
    for field, kind in fields:
        layer.CreateField(ogr.FieldDefn(field, kind))
    for wkt, *values in rows:
        assert len(values) == len(fields), (wkt, values)
        feature = ogr.Feature(layer.GetLayerDefn())
        for (field, _kind), value in zip(fields, values):
            if value is not None:
                feature.SetField(field, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    del layer, ds
