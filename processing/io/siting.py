"""Layer adapters shared by ``profit_surface`` and ``allocate_supply``: the projected CRS for
distances, located supply / plants (points, or polygons by a point on their surface), and
provinces looked up by point in polygon, with translated messages naming feature ids."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureSource,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingParameterCrs,
    QgsSpatialIndex,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...core.constants import ALBERS_CHINA, ALBERS_NAME
from ...core.errors import NegativeValueError, NonFiniteValueError, check_values
from ...core.siting import provinces
from ..compat import gdal_exceptions, is_null
from .layers import feature_ref, format_ids, name_field_index, to_float

CRS_PARAMETER = "CRS"


def _tr(text: str) -> str:
    return QCoreApplication.translate("SitingIO", text)


def albers_china() -> QgsCoordinateReferenceSystem:
    """The default projected CRS, named (a bare PROJ string would have no name)."""
    from osgeo import osr

    with gdal_exceptions():
        srs = osr.SpatialReference()
        srs.ImportFromProj4(ALBERS_CHINA)
        srs.SetProjCS(ALBERS_NAME)
        wkt = srs.ExportToWkt(["FORMAT=WKT2_2018"])
    return QgsCoordinateReferenceSystem.fromWkt(wkt)


def add_crs_parameter(alg) -> None:
    """Optional advanced CRS parameter: the projected CRS in which distances are measured."""
    param = QgsProcessingParameterCrs(
        CRS_PARAMETER,
        _tr(
            "Projected CRS for distances and outputs (default: Albers "
            "equal-area conic for China)"
        ),
        optional=True,
    )
    param.setFlags(param.flags() | param.FlagAdvanced)
    alg.addParameter(param)


def target_crs(alg, parameters: dict, context) -> QgsCoordinateReferenceSystem:
    """The chosen CRS (projected, in metres) or the Albers default."""
    if parameters.get(CRS_PARAMETER) in (None, ""):
        return albers_china()
    crs = alg.parameterAsCrs(parameters, CRS_PARAMETER, context)
    if not crs.isValid():
        return albers_china()
    if crs.isGeographic() or crs.mapUnits() != QgsUnitTypes.DistanceMeters:
        raise QgsProcessingException(
            _tr(
                "The CRS {crs} is not a projected CRS in metres: distances would be wrong. Leave "
                "CRS empty (Albers equal-area conic for China) or choose a projected CRS."
            ).format(crs=crs.authid() or crs.description())
        )
    return crs


def is_polygon_source(source: QgsFeatureSource) -> bool:
    """True when the layer holds polygons."""
    return QgsWkbTypes.geometryType(source.wkbType()) == QgsWkbTypes.PolygonGeometry


def province_key(value) -> str | None:
    """A comparable province code of an attribute value (``core.siting.provinces``); None
    for NULL."""
    return None if is_null(value) else provinces.province_key(value)


@dataclass
class Located:
    """Features of a layer at one point each, in the target CRS (metres).

    ``x``, ``y``: a point per feature (points as they are, a multipoint's centroid, a polygon's
    point on surface; NaN without a usable geometry). ``values``: the numeric field (NaN =
    NULL, or no geometry). ``geoms``: the projected geometries (polygons only, on request).
    """

    features: list
    ids: list[int]
    x: np.ndarray
    y: np.ndarray
    values: np.ndarray
    polygons: bool
    geoms: list | None = None

    def valid(self) -> np.ndarray:
        """Rows with a value and a location."""
        return np.isfinite(self.values) & np.isfinite(self.x) & np.isfinite(self.y)


def read_located(
    source: QgsFeatureSource,
    value_index: int,
    field: str,
    crs: QgsCoordinateReferenceSystem,
    context,
    feedback,
    keep_geometry: bool = False,
    what: str = "",
) -> Located | None:
    """Read, transform and check a supply or plant layer (progress 0–100 on ``feedback``,
    one step of the caller's multi-step feedback); None when cancelled.

    Negative or infinite values are refused with the feature ids; NULL values and features
    without a usable geometry take no part (one warning each lists the ids).
    """
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    polygons = is_polygon_source(source)
    features, ids, xs, ys, values, geoms = [], [], [], [], [], []
    name_index = name_field_index(source.fields())
    no_geom: list[int] = []
    total = max(source.featureCount(), 1)
    for n, feature in enumerate(source.getFeatures()):
        if feedback.isCanceled():
            return None
        features.append(feature)
        ids.append(feature_ref(feature, name_index))  # "name (id)" in messages
        value = to_float(feature.attribute(value_index))
        values.append(np.nan if value is None else value)
        geom = QgsGeometry(feature.geometry())
        x = y = np.nan
        if not geom.isEmpty():
            try:
                geom.transform(transform)
                point = (
                    geom.pointOnSurface()
                    if polygons
                    else (geom.centroid() if geom.isMultipart() else geom)
                )
                if not point.isEmpty():
                    x, y = point.asPoint().x(), point.asPoint().y()
            except QgsCsException:
                geom = QgsGeometry()
        if not (math.isfinite(x) and math.isfinite(y)):
            x = y = np.nan
            if value is not None:
                no_geom.append(ids[-1])
        xs.append(x)
        ys.append(y)
        if keep_geometry:
            geoms.append(geom)
        feedback.setProgress(100.0 * n / total)
    out = Located(
        features,
        ids,
        np.array(xs, dtype=float),
        np.array(ys, dtype=float),
        np.array(values, dtype=float),
        polygons,
        geoms if keep_geometry else None,
    )
    check_located_values(out, field, what, feedback)
    if no_geom:
        feedback.pushWarning(
            _tr(
                "{what}: features without a usable geometry (empty, or outside "
                "the CRS's area) take no part, ids: {ids}"
            ).format(what=what, ids=format_ids(no_geom))
        )
        out.values[~(np.isfinite(out.x) & np.isfinite(out.y))] = np.nan
    return out


def check_located_values(located: Located, field: str, what: str, feedback) -> None:
    """Refuse negative or infinite values (the core's check, translated); warn about NULLs."""
    try:
        check_values(located.values, field)
    except (NonFiniteValueError, NegativeValueError) as err:
        reason = (
            _tr("infinite values")
            if isinstance(err, NonFiniteValueError)
            else _tr("negative values")
        )
        hit = [located.ids[i] for i in err.indices]
        raise QgsProcessingException(
            _tr(
                "{what}: field “{field}” has {reason} (t/yr must be ≥ 0), feature ids: " "{ids}"
            ).format(what=what, field=field, reason=reason, ids=format_ids(hit))
        ) from None
    nulls = [located.ids[i] for i in np.flatnonzero(np.isnan(located.values))]
    if nulls:
        feedback.pushWarning(
            _tr(
                "{what}: “{field}” is NULL for feature ids {ids}: they take no "
                "part (NULL results)."
            ).format(what=what, field=field, ids=format_ids(nulls))
        )


class Regions:
    """Province polygons in the target CRS with one code each (``keys``, normalised text):
    the id field's value, else the feature's position ("0", "1", …). A point falls in the
    first region (feature order) that contains it."""

    def __init__(
        self,
        source: QgsFeatureSource,
        id_field: str,
        crs: QgsCoordinateReferenceSystem,
        context,
        feedback,
    ) -> None:
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        id_index = source.fields().lookupField(id_field) if id_field else -1
        if id_field and id_index < 0:
            raise QgsProcessingException(
                _tr("Field “{field}” does not exist in the regions " "layer.").format(
                    field=id_field
                )
            )
        self.geoms: list[QgsGeometry] = []
        self.keys: list[str] = []
        self.index = QgsSpatialIndex()
        self._engines = []
        missing = []
        no_geometry = []
        name_index = name_field_index(source.fields())
        for n, feature in enumerate(source.getFeatures()):
            geom = QgsGeometry(feature.geometry())
            try:
                geom.transform(transform)
            except QgsCsException:
                geom = QgsGeometry()
            if geom.isEmpty():
                no_geometry.append(feature_ref(feature, name_index))
            key = province_key(feature.attribute(id_index)) if id_index >= 0 else str(n)
            if key is None:
                missing.append(feature.id())
                key = f"#{feature.id()}"
            self.geoms.append(geom)
            self.keys.append(key)
            engine = None
            if not geom.isEmpty():
                self.index.addFeature(n, geom.boundingBox())
                engine = QgsGeometry.createGeometryEngine(geom.constGet())
                engine.prepareGeometry()
            self._engines.append(engine)
        if missing:
            feedback.pushWarning(
                _tr(
                    "Regions with a NULL “{field}” count as provinces of their " "own, ids: {ids}"
                ).format(field=id_field, ids=format_ids(missing))
            )
        if no_geometry:
            feedback.pushWarning(
                _tr(
                    "Regions without a usable geometry cover nothing: supply and plants there "
                    "count as outside every province, ids: {ids}"
                ).format(ids=format_ids(no_geometry))
            )
        if not self.geoms:
            raise QgsProcessingException(_tr("The regions layer has no features."))
        #: distinct codes in order of appearance → 0-based integer code
        self.codes, self._code_index = provinces.code_index(self.keys)

    def region_of(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Region (feature position) containing each point, −1 where none (or no point)."""
        out = np.full(np.shape(x), -1, dtype=np.int64)
        for k, (px, py) in enumerate(zip(np.asarray(x, float), np.asarray(y, float))):
            if not (math.isfinite(px) and math.isfinite(py)):
                continue
            point = QgsGeometry.fromPointXY(_point(px, py))
            for candidate in sorted(self.index.intersects(point.boundingBox())):
                if self._engines[candidate].intersects(point.constGet()):
                    out[k] = candidate
                    break
        return out

    def codes_at(self, located: Located, use: np.ndarray, what: str, rule: str, feedback):
        """Integer code (index into ``codes``) of the region containing each located feature
        taking part (``use``), −1 elsewhere; a warning lists those outside every region."""
        codes = self.code_index()
        x, y, ids = located.x, located.y, located.ids
        where = self.region_of(np.where(use, x, np.nan), np.where(use, y, np.nan))
        out = np.where(where >= 0, codes[np.maximum(where, 0)], -1)
        warn_outside([ids[i] for i in np.flatnonzero(use & (where < 0))], what, rule, feedback)
        return out

    def code_index(self) -> np.ndarray:
        """Integer code (index into ``codes``) of every region."""
        return self._code_index.copy()


def _point(x: float, y: float):
    from qgis.core import QgsPointXY

    return QgsPointXY(x, y)


def warn_outside(ids: list[int], what: str, rule: str, feedback) -> None:
    """Warn that points fall outside every region (their province is unknown: foreign)."""
    if ids:
        feedback.pushWarning(
            _tr(
                "{what} outside every region, ids: {ids}. Their province is unknown: under the fee "
                "and closed rules they count as foreign to every province (rule now: {rule})."
            ).format(what=what, ids=format_ids(ids), rule=rule)
        )
