"""Whether a run computes from the shipped sample's illustrative values.

A column counts as illustrative only on the sample itself (a file under ``resources/data``) or
on rows that carry the sample's flag ``illustrative = 1`` (outputs and joins keep it): a user's
own layer with a column that happens to be called ``capacity_t`` is not the sample.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    QgsFeatureRequest,
    QgsMapLayer,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingParameterField,
    QgsVectorLayer,
)

from ..core.constants import ILLUSTRATIVE_FIELD, SAMPLE_ILLUSTRATIVE_FIELDS
from .compat import parameter_fields
from .io.destinations import source_path

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "resources" / "data"


def has_illustrative_rows(layer: QgsMapLayer | None) -> bool:
    """True when a vector layer has a row with ``illustrative`` = 1."""
    if not isinstance(layer, QgsVectorLayer):
        return False
    index = layer.fields().lookupField(ILLUSTRATIVE_FIELD)
    if index < 0:
        return False
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes([index]).setLimit(1)
    request.setFilterExpression(f'"{ILLUSTRATIVE_FIELD}" = 1')
    return any(True for _ in layer.getFeatures(request))


def is_sample_layer(layer: QgsMapLayer | None) -> bool:
    """True for a layer of the shipped sample, or one whose rows are flagged illustrative."""
    if layer is None:
        return False
    path = source_path(layer)
    return (path is not None and SAMPLE_DIR in path.parents) or has_illustrative_rows(layer)


def run_uses_sample(
    alg: QgsProcessingAlgorithm, parameters: dict[str, Any], context: QgsProcessingContext
) -> bool:
    """True when a field parameter of the run names an illustrative sample column of a layer
    that is the sample (see :func:`is_sample_layer`)."""
    for definition in alg.parameterDefinitions():
        if not isinstance(definition, QgsProcessingParameterField):
            continue
        fields = parameter_fields(alg, parameters, definition.name(), context)
        if not any(f.lower() in SAMPLE_ILLUSTRATIVE_FIELDS for f in fields):
            continue
        parent = definition.parentLayerParameterName()
        if parent and is_sample_layer(alg.parameterAsLayer(parameters, parent, context)):
            return True
    return False
