"""Adapters between QGIS feature sources and the plain arrays ``core`` works on."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsSpatialIndex,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...core.constants import ILLUSTRATIVE_FIELD, computed_from_sample
from ...core.regions.field_names import NAME_CANDIDATES
from ...core.text_files import parse_number
from ..compat import field_kind, is_null
from ..styling.labels import translate


def _tr(text: str) -> str:
    return QCoreApplication.translate("LayerIO", text)


def report_tr(text: str) -> str:
    """Translate report text in the one context "Report": the builders of ``reports/``
    receive this as their ``tr``, so a report string has one entry whatever algorithm wrote it."""
    return translate("Report", text)


class FeatureRef(int):
    """A feature id that reads as "name (id)" in messages ("Taiwan 台湾 (32)"), and as the plain
    id everywhere else (it is an ``int``)."""

    label: str = ""

    def __new__(cls, fid: int, label: str = "") -> FeatureRef:
        ref = super().__new__(cls, fid)
        ref.label = label
        return ref

    def __str__(self) -> str:
        return f"{self.label} ({int(self)})" if self.label else str(int(self))


def name_field_index(fields: QgsFields, name_field: str = "") -> int:
    """Index of ``name_field``, else of the first common name field; -1 when there is none."""
    if not name_field:
        name_field = next((c for c in NAME_CANDIDATES if fields.lookupField(c) >= 0), "")
    return fields.lookupField(name_field) if name_field else -1


def feature_ref(feature, name_index: int) -> FeatureRef:
    """The feature's id labelled with its name (field ``name_index``; none when -1 or empty)."""
    value = feature.attribute(name_index) if name_index >= 0 else None
    empty = is_null(value) or value == ""
    return FeatureRef(feature.id(), "" if empty else str(value))


def feature_refs(
    source: QgsFeatureSource, features: Sequence, name_field: str = ""
) -> list[FeatureRef]:
    """:func:`feature_ref` of each feature, names from ``name_field`` or a common name field."""
    idx = name_field_index(source.fields(), name_field)
    return [feature_ref(f, idx) for f in features]


def format_ids(ids: Sequence[int], limit: int = 20) -> str:
    """``"3, 7, 12"`` or ``"3, 7, … (+40 more)"`` for a warning message; a :class:`FeatureRef`
    reads "name (id)"."""
    shown = ", ".join(str(i) for i in list(ids)[:limit])
    if len(ids) > limit:
        shown += " " + _tr("… (+{n} more)").format(n=len(ids) - limit)
    return shown


def field_index(source: QgsFeatureSource, name: str, param: str, layer_param: str) -> int:
    """Index of field ``name`` (parameter ``param``) in the layer of ``layer_param``; an
    error naming both, the fields and any encoding problem when it is missing."""
    index = source.fields().lookupField(name) if name else -1
    if index >= 0:
        return index
    raise QgsProcessingException(
        _tr("{param}: field “{field}” does not exist in {layer} (fields: {fields}).").format(
            param=param, field=name, layer=layer_param, fields=", ".join(source.fields().names())
        )
        + _encoding_hint(source.fields())
    )


def _encoding_hint(fields: QgsFields) -> str:
    """A hint when field names hold replacement characters (wrong encoding), else ''."""
    if not any("\ufffd" in n for n in fields.names()):
        return ""
    return " " + _tr("Its field names hold replacement characters (�): check its encoding.")


def numeric_field_index(
    source: QgsFeatureSource, name: str, label: str, allow_text: bool = False
) -> int:
    """Index of field ``name``; a clear error when it is missing or not numeric.

    With ``allow_text`` a text field is accepted too (a CSV read by OGR has only text fields):
    :func:`read_features` parses its values and refuses those that are not numbers.
    """
    fields = source.fields()
    index = fields.lookupField(name)
    if index < 0:
        raise QgsProcessingException(
            _tr("Field “{field}” ({label}) does not exist in the layer.").format(
                field=name, label=label
            )
            + _encoding_hint(fields)
        )
    field = fields.at(index)
    if allow_text and field_kind(field) == "string":
        return index
    if not field.isNumeric():
        raise QgsProcessingException(
            _tr(
                "Field “{field}” ({label}) must be numeric (integer or decimal), but it is of "
                "type {type}. Convert it with the Field Calculator or Refactor Fields first."
            ).format(field=name, label=label, type=field.typeName())
        )
    return index


def to_float(value) -> float | None:
    """A QGIS attribute as a Python float; ``None`` for NULL."""
    if is_null(value):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def output_fields(
    input_fields: QgsFields, new_fields: Sequence[QgsField]
) -> tuple[QgsFields, list[str]]:
    """Input fields followed by ``new_fields``.

    An input field whose name clashes with a new one is kept under ``<name>_in`` (``_in2`` …),
    so nothing is lost; the renamed names are returned for a warning.
    """
    new_names = {f.name().lower() for f in new_fields}
    taken = {input_fields.at(i).name().lower() for i in range(input_fields.count())} | new_names
    result = QgsFields()
    renamed: list[str] = []
    for i in range(input_fields.count()):
        field = QgsField(input_fields.at(i))
        if field.name().lower() in new_names:
            base, n = f"{field.name()}_in", 1
            name = base
            while name.lower() in taken:
                n += 1
                name = f"{base}{n}"
            renamed.append(f"{field.name()} → {name}")
            taken.add(name.lower())
            field.setName(name)
        result.append(field)
    for field in new_fields:
        result.append(field)
    return result, renamed


def sum_points_in_regions(
    region_geoms: Sequence[QgsGeometry],
    region_crs,
    points: QgsFeatureSource,
    value_index: int | None,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback | None = None,
) -> tuple[list[float], dict[str, list[int]]]:
    """Sum a point attribute per region by location (point in polygon); with ``value_index``
    None, count the points instead.

    Points are transformed to the regions' CRS. A point on a shared border counts once, for the
    first region (in feature order) that contains it. Returns the sums (0.0 where no point falls)
    and the ids of points left out: ``outside`` (in no region), ``null`` (NULL value),
    ``negative`` (value below zero) and ``not_finite`` (±inf or NaN); ``too_large`` lists the
    points of regions whose finite values sum past float64 (the sum is then inf).
    """
    index = QgsSpatialIndex()
    engines = []
    for i, geom in enumerate(region_geoms):
        if geom is None or geom.isEmpty():
            engines.append(None)
            continue
        index.addFeature(i, geom.boundingBox())
        engine = QgsGeometry.createGeometryEngine(geom.constGet())
        engine.prepareGeometry()
        engines.append(engine)
    transform = QgsCoordinateTransform(points.sourceCrs(), region_crs, context.transformContext())
    sums = [0.0] * len(region_geoms)
    members: list[list[int]] = [[] for _ in region_geoms]
    skipped: dict[str, list[int]] = {
        "outside": [],
        "null": [],
        "negative": [],
        "not_finite": [],
        "too_large": [],
    }
    request = QgsFeatureRequest().setSubsetOfAttributes(
        [] if value_index is None else [value_index]
    )
    for feature in points.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            break
        value = 1.0 if value_index is None else to_float(feature.attribute(value_index))
        if value is None:
            skipped["null"].append(feature.id())
            continue
        if not math.isfinite(value):
            skipped["not_finite"].append(feature.id())
            continue
        if value < 0:
            skipped["negative"].append(feature.id())
            continue
        geom = QgsGeometry(feature.geometry())
        if geom.isEmpty():
            skipped["outside"].append(feature.id())
            continue
        geom.transform(transform)
        point = geom.centroid() if geom.isMultipart() else geom
        hit = None
        for candidate in sorted(index.intersects(point.boundingBox())):
            if engines[candidate].intersects(point.constGet()):
                hit = candidate
                break
        if hit is None:
            skipped["outside"].append(feature.id())
        else:
            sums[hit] += value
            members[hit].append(feature.id())
    for total, ids in zip(sums, members):
        if not math.isfinite(total):
            skipped["too_large"].extend(ids)
    return sums, skipped


def read_features(
    source: QgsFeatureSource,
    indices: dict[str, int],
    feedback: QgsProcessingFeedback,
    span: tuple[float, float] = (0, 30),
    finite: bool = False,
) -> tuple[list, dict[str, list[float | None]]] | None:
    """All features of ``source`` and the numeric attributes named in ``indices`` (key →
    field index; -1 gives a column of None). Returns None when cancelled.
    A text value (a CSV column) is read by :func:`core.text_files.parse_number`: empty is
    NULL, anything else that is not a finite number ("n/a", "-", "inf", "1e400", "abc") is
    refused with the field, the feature ids and the reason, as NaN and ±inf are with
    ``finite``: no row is dropped without a word."""
    features: list = []
    columns: dict[str, list[float | None]] = {key: [] for key in indices}
    bad: dict[tuple[int, str], list[int]] = {}
    total = max(source.featureCount(), 1)
    for n, feature in enumerate(source.getFeatures()):
        if feedback.isCanceled():
            return None
        features.append(feature)
        for key, idx in indices.items():
            value = feature.attribute(idx) if idx >= 0 else None
            text = isinstance(value, str)
            number, reason = parse_number(value) if text else (to_float(value), "")
            if finite and number is not None and not math.isfinite(number):
                number, reason = None, "not_finite"
            if reason and reason != "empty":
                bad.setdefault((idx, reason), []).append(feature.id())
            columns[key].append(number)
        feedback.setProgress(span[0] + (span[1] - span[0]) * n / total)
    if bad:
        reasons = {
            "placeholder": _tr("a placeholder for no value (leave the cell empty instead)"),
            "not_finite": _tr("not a finite number (nan, inf or beyond ±1.8e308)"),
            "not_a_number": _tr("not a number"),
        }
        raise QgsProcessingException(
            "; ".join(
                _tr("Field “{field}”: {reason}, feature ids: {ids}").format(
                    field=source.fields().at(idx).name(),
                    reason=reasons[reason],
                    ids=format_ids(ids),
                )
                for (idx, reason), ids in bad.items()
            )
        )
    return features, columns


def joined_features(
    fields: QgsFields,
    features: Sequence,
    extra: Sequence[Sequence],
    used_fields: Sequence[str] | None = None,
) -> Iterator:
    """Each input feature with its attributes plus ``extra[i]``, as a new feature of
    ``fields`` (for :meth:`AtlasAlgorithm.write_layer`).

    With ``used_fields`` (the input fields the new values are computed from), a copied
    ``illustrative`` flag stays 1 only when one of them is an illustrative column of the
    sample data: results computed from the user's own columns are not illustrative, even on
    rows of the shipped boundaries.
    """
    from qgis.core import QgsFeature

    flag = fields.lookupField(ILLUSTRATIVE_FIELD) if used_fields is not None else -1
    from_sample = used_fields is not None and computed_from_sample(list(used_fields))
    for i, feature in enumerate(features):
        out = QgsFeature(fields)
        out.setGeometry(feature.geometry())
        attributes = list(feature.attributes()) + list(extra[i])
        if 0 <= flag < len(feature.attributes()):
            attributes[flag] = 1 if from_sample and to_float(attributes[flag]) == 1 else 0
        out.setAttributes(attributes)
        yield out


def region_names(source: QgsFeatureSource, features: Sequence, name_field: str = "") -> list[str]:
    """A display name per feature: ``name_field``, else the first common name field, else
    "Feature <id>"."""
    idx = name_field_index(source.fields(), name_field)
    names = []
    for feature in features:
        value = feature.attribute(idx) if idx >= 0 else None
        empty = is_null(value) or value == ""
        names.append(_tr("Feature {id}").format(id=feature.id()) if empty else str(value))
    return names


def layer_title(parameters: dict, name: str, source: QgsFeatureSource) -> str:
    """A title for reports: the ``layername=`` of a GeoPackage URI, else the source's name."""
    value = parameters.get(name)
    text = value if isinstance(value, str) else ""
    if "layername=" in text:
        return text.split("layername=", 1)[1].split("|", 1)[0]
    return source.sourceName()


def python_number(value) -> float | int | None:
    """A Python number for a Processing output or attribute: never a numpy scalar, and NaN
    (undefined) becomes None (NULL)."""
    if value is None:
        return None
    if isinstance(value, (bool, int)) and not isinstance(value, float):
        return int(value)
    value = float(value)
    return None if value != value else value
