"""Suggested layers and fields for the Processing dialogs, guessed by name.

When a dialog opens, QGIS creates a fresh algorithm (``initAlgorithm``); this module then looks
at the project's layers and sets each layer and field parameter's *GUI* default
(``setGuiDefaultValueOverride``): the layer whose fields best fit the input, and in it the field
recognised by :mod:`core.field_names` (the rules of the workflow dialog). Scripts,
``qgis_process`` and models are unaffected: only the dialog reads GUI defaults. A required
numeric field with no recognised name gets the first field that is not an identifier, so the
dialog never offers ``fid`` as a measure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingParameterField,
    QgsProcessingUtils,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QThread

from ..core.regions.field_names import first_measure, guess_field, guess_name_field, layer_score

#: The field kind of a label field.
NAME = "name"
#: A layer kind: an attribute table (a layer without geometry is preferred).
TABLE = "table"


def _in_main_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() == app.thread()


def best_layer(layers: Sequence[QgsVectorLayer], kinds: Sequence[str]) -> QgsVectorLayer | None:
    """The layer whose fields recognise most of ``kinds`` (the first of equals), or None when
    no layer has any of them. With the kind ``TABLE``, a table without geometry comes first."""
    best, best_score = None, 0
    field_kinds = [k for k in kinds if k != TABLE]
    for layer in layers:
        score = layer_score([f.name() for f in layer.fields()], field_kinds)
        if score and TABLE in kinds and not layer.isSpatial():
            score += 1
        if score > best_score:
            best, best_score = layer, score
    return best


def field_default(layer: QgsVectorLayer, parameter: QgsProcessingParameterField, kind: str) -> str:
    """The suggested field of ``layer`` for ``parameter`` (``""``: none)."""
    fields = layer.fields()
    if kind == NAME:
        return guess_name_field([f.name() for f in fields])
    numeric = parameter.dataType() == QgsProcessingParameterField.Numeric
    names = [f.name() for f in fields if f.isNumeric() or not numeric]
    guess = guess_field(names, kind)
    if not guess and numeric and not parameter.flags() & parameter.FlagOptional:
        guess = first_measure(names)
    return guess


def suggest_defaults(
    alg: QgsProcessingAlgorithm,
    layers: Mapping[str, Sequence[str]],
    fields: Mapping[str, str],
    project: QgsProject | None = None,
) -> None:
    """Set GUI defaults of ``alg``'s parameters from the project's layers.

    ``layers`` maps a layer parameter to the field kinds it needs (which decide the layer);
    ``fields`` maps a field parameter to its kind (``"name"`` for a label field). Only runs in
    the main thread (dialogs); a project without layers changes nothing.
    """
    if not _in_main_thread():
        return
    project = project or QgsProject.instance()
    chosen: dict[str, QgsVectorLayer] = {}
    for name, kinds in layers.items():
        parameter = alg.parameterDefinition(name)
        if parameter is None:
            continue
        candidates = QgsProcessingUtils.compatibleVectorLayers(project, parameter.dataTypes())
        # Two inputs of one algorithm are two different layers.
        others = [c for c in candidates if c not in chosen.values()]
        layer = best_layer(others, kinds)
        if layer is not None:
            parameter.setGuiDefaultValueOverride(layer.id())
            chosen[name] = layer
        elif candidates and not parameter.flags() & parameter.FlagOptional:
            chosen[name] = candidates[0]  # the dialog's own first choice: fields still guessed
    for name, kind in fields.items():
        parameter = alg.parameterDefinition(name)
        if parameter is None:
            continue
        layer = chosen.get(parameter.parentLayerParameterName())
        guess = field_default(layer, parameter, kind) if layer is not None else ""
        if guess:
            parameter.setGuiDefaultValueOverride(guess)
