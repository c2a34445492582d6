"""Checks every algorithm makes on its parameters before anything runs (issue 12, points 7 and 12).

* **Numbers.** QGIS 3.22 to 3.40 accept any text in an *optional* number parameter
  (``QgsProcessingParameterNumber::checkValueIsAcceptable`` returns "optional" when the text is
  not a number) and ``parameterAsDouble`` then reads it as 0: ``LI2CO3_PRICE=abc`` would run
  with a price of 0. Each number or distance parameter's raw value is read here as QGIS would
  read a number (C locale, spaces around it allowed) and refused when it is not a number or not
  finite; an integer parameter also refuses a fraction (QGIS would round 3.5 to 4 silently) but
  takes ``4.0`` and ``"4.0"``.
* **Geometry types.** A feature-source or vector-layer parameter declares the geometry types it
  takes (``dataTypes()``); QGIS's dialog filters its layer list by them, but ``processing.run``,
  ``qgis_process`` and models pass any layer. The layer's geometry type is compared with them:
  "any vector" (tables included) and "map layer" take everything, "any geometry" every layer
  with a geometry, and a layer whose geometry type is unknown (mixed) is left to the algorithm.

:func:`parameter_problem` returns the first problem as a translated message naming the parameter
(its description and name); ``AtlasAlgorithm`` calls it from ``checkParameterValues`` (the
dialog, ``processing.run`` and ``qgis_process`` call that first) and again from
``prepareAlgorithm`` (which every run goes through, models' child steps included).
"""

from __future__ import annotations

import math
import re
from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterVectorLayer,
    QgsProperty,
    QgsWkbTypes,
)

from .styling.labels import translate

#: A number as QGIS reads text (``QString::toDouble``, C locale): no "nan", "inf", "1_000",
#: "0x10" or "1,5", which Python's ``float`` would take or QGIS would read as 0.
_NUMBER = re.compile(r"^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$")

#: Layer geometry type (``QgsWkbTypes.GeometryType``) → the data type that declares it.
_DATA_TYPE = {
    QgsWkbTypes.PointGeometry: QgsProcessing.TypeVectorPoint,
    QgsWkbTypes.LineGeometry: QgsProcessing.TypeVectorLine,
    QgsWkbTypes.PolygonGeometry: QgsProcessing.TypeVectorPolygon,
}


def _tr(text: str) -> str:
    return translate("AtlasAlgorithm", text)


def _type_names() -> dict[int, str]:
    return {
        QgsProcessing.TypeVectorPoint: _tr("points"),
        QgsProcessing.TypeVectorLine: _tr("lines"),
        QgsProcessing.TypeVectorPolygon: _tr("polygons"),
        QgsProcessing.TypeVectorAnyGeometry: _tr("any geometry"),
    }


def _label(definition: QgsProcessingParameterDefinition) -> str:
    return f"“{definition.description()}” ({definition.name()})"


def number_problem(definition: QgsProcessingParameterNumber, value: Any) -> str:
    """Why ``value`` (the raw parameter value) is not a usable number for ``definition``; ""
    when it is one, or is empty, or is an expression (left to QGIS)."""
    if value is None or isinstance(value, (QgsProperty, bool)):
        return ""
    if isinstance(value, str):
        if not value.strip():
            return ""  # empty: the default (QGIS refuses it for a mandatory parameter)
        if not _NUMBER.match(value):
            return _tr("{parameter} must be a number, got “{value}”.").format(
                parameter=_label(definition), value=value
            )
        number = float(value)
    else:
        try:
            number = float(value)
        except (TypeError, ValueError):
            return ""  # another kind of value: QGIS's own check decides
    if not math.isfinite(number):
        return _tr("{parameter} must be a finite number, got “{value}”.").format(
            parameter=_label(definition), value=value
        )
    integer = definition.dataType() == QgsProcessingParameterNumber.Integer
    if integer and number != math.floor(number):
        return _tr("{parameter} must be a whole number, got “{value}”.").format(
            parameter=_label(definition), value=value
        )
    return ""


def geometry_problem(
    alg: QgsProcessingAlgorithm,
    definition: QgsProcessingParameterDefinition,
    parameters: dict[str, Any],
    context: QgsProcessingContext,
) -> str:
    """Why the layer of the source or vector parameter ``definition`` does not have a geometry
    type it declares; "" when it has one, or when there is no layer to look at."""
    types = list(definition.dataTypes())
    if not types or QgsProcessing.TypeVector in types or QgsProcessing.TypeMapLayer in types:
        return ""
    if parameters.get(definition.name()) is None:
        return ""
    layer = alg.parameterAsVectorLayer(parameters, definition.name(), context)
    if layer is None or not layer.isValid():
        return ""  # the algorithm reports a missing or invalid layer itself
    geometry = layer.geometryType()
    if geometry == QgsWkbTypes.UnknownGeometry:
        return ""
    declared = _DATA_TYPE.get(geometry)
    if declared in types or (declared is not None and QgsProcessing.TypeVectorAnyGeometry in types):
        return ""
    names = _type_names()
    wanted = ", ".join(names.get(t, str(t)) for t in types)
    found = names.get(declared, "") if declared is not None else _tr("no geometry (a table)")
    title = f"“{layer.name()}”"
    inner = re.search(r"\|layername=([^|]*)", layer.source())
    if inner and inner.group(1) != layer.name():
        title += f" ({inner.group(1)})"  # "china_sample" alone would not say which layer
    return _tr("{parameter} takes layers of {wanted}, but {layer} has {found}.").format(
        parameter=_label(definition), wanted=wanted, layer=title, found=found
    )


def parameter_problem(
    alg: QgsProcessingAlgorithm, parameters: dict[str, Any], context: QgsProcessingContext
) -> str:
    """The first problem with ``parameters`` (a translated message naming the parameter), or
    "" when every number is a finite number and every layer has a declared geometry type."""
    for definition in alg.parameterDefinitions():
        if isinstance(definition, QgsProcessingParameterNumber):
            # QgsProcessingParameterDistance is a QgsProcessingParameterNumber.
            problem = number_problem(definition, parameters.get(definition.name()))
        elif isinstance(
            definition, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)
        ):
            problem = geometry_problem(alg, definition, parameters, context)
        else:
            problem = ""
        if problem:
            return problem
    return ""
