"""Where outputs go, and the promise that no input is overwritten and no file is half-written.

An output destination comes in many forms: a plain path, ``path|layername=name``, an
``ogr:dbname='path' table="name" (geom)`` URI as QGIS's "Save to GeoPackage…" writes it, a
``gpkg:`` URI, ``TEMPORARY_OUTPUT`` or ``memory:``. Each is reduced to the file it writes and the
layer inside it, and compared with the files and layers the inputs are read from, and with the
other outputs of the run. Text files (reports, presets) are written through the staging of
:mod:`.outputs`, beside their destination, and renamed into place when complete.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProperty,
)
from qgis.PyQt.QtCore import QCoreApplication

from .outputs import OutputCommit

_OGR_URI = re.compile(r"^(?:ogr|gpkg):\s*dbname='((?:[^']|'')*)'(?:.*?table=\"([^\"]*)\")?", re.S)


def _tr(text: str) -> str:
    return QCoreApplication.translate("LayerIO", text)


def source_path(layer) -> Path | None:
    """The file behind a layer, when it is file-based."""
    if layer is None:
        return None
    candidate = Path(layer.source().split("|")[0])
    return candidate.resolve() if candidate.exists() else None


def _layer_name(source: str) -> str:
    found = re.search(r"\|layername=([^|]*)", source)
    return found.group(1) if found else ""


def destination_target(output: str) -> tuple[Path | None, str]:
    """(the file an output destination writes, the layer inside it or "" for the whole file);
    (None, "") for temporary and memory outputs."""
    text = (output or "").strip()
    if not text or text.startswith(("memory:", "TEMPORARY_OUTPUT")):
        return None, ""
    match = _OGR_URI.match(text)
    if match:
        return Path(match.group(1).replace("''", "'")), match.group(2) or ""
    return Path(text.split("|")[0]), _layer_name(text)


def layer_target(layer) -> tuple[Path | None, str]:
    """(the file an input layer is read from, its layer name or "")."""
    path = source_path(layer)
    return path, _layer_name(layer.source()) if path is not None else ""


def _same(a: tuple[Path | None, str], b: tuple[Path | None, str]) -> bool:
    """Two targets overlap: the same file, and the same layer or a whole-file write."""
    if a[0] is None or b[0] is None:
        return False
    try:
        same_file = a[0].resolve() == b[0].resolve()
    except OSError:
        same_file = False
    return same_file and (not a[1] or not b[1] or a[1].lower() == b[1].lower())


def output_destination(alg, parameters: dict, name: str, context: QgsProcessingContext) -> str:
    """The destination of output parameter ``name`` as the user gave it (a path, a URI,
    ``TEMPORARY_OUTPUT``), read without side effects.

    ``parameterAsOutputLayer`` must not be used for this: for a sink that loads on completion it
    queues a second layer to load, which the dialog then reports as "not correctly generated".
    """
    value = parameters.get(name)
    if value is None:
        definition = alg.parameterDefinition(name)
        value = definition.defaultValue() if definition is not None else None
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProperty):
        if value.propertyType() == QgsProperty.StaticProperty:
            value = value.staticValue()
        else:
            value = value.valueAsString(context.expressionContext(), "")[0]
    return "" if value is None else str(value)


def ensure_not_input(output: str, inputs: Iterable, name: str = "") -> None:
    """Refuse to write ``output`` (parameter ``name``) over a file or layer that one of the
    input layers reads; the message names both."""
    target = destination_target(output)
    if target[0] is None or not target[0].exists():
        return
    for layer in inputs:
        if layer is not None and _same(target, layer_target(layer)):
            raise QgsProcessingException(
                _tr(
                    "The output {name} ({path}) is the file an input layer is read from "
                    "(“{layer}”, {source}). Choose another output: inputs are never "
                    "overwritten."
                ).format(
                    name=name or "OUTPUT", path=output, layer=layer.name(), source=layer.source()
                )
            )


def ensure_outputs_not_inputs(
    alg,
    parameters: dict,
    context: QgsProcessingContext,
    outputs: Iterable[str],
    inputs: Iterable[str],
    input_files: Iterable[str] = (),
) -> None:
    """Refuse any of the ``outputs`` (output parameter names: layers, rasters and files) that
    would overwrite an input of ``inputs`` (layer parameter names) or ``input_files`` (file
    parameter names, e.g. a preset), or another output of the run; registers nothing in
    ``context``."""
    layers = [alg.parameterAsLayer(parameters, key, context) for key in inputs]
    files = [(key, alg.parameterAsFile(parameters, key, context)) for key in input_files]
    seen: list[tuple[str, str, tuple[Path | None, str]]] = []
    for key in outputs:
        output = output_destination(alg, parameters, key, context)
        ensure_not_input(output, layers, key)
        target = destination_target(output)
        for file_key, path in files:
            if path and target[0] is not None and _same(target, (Path(path), "")):
                raise QgsProcessingException(
                    _tr(
                        "The output {name} ({path}) is the file {input} is read from. Choose "
                        "another output: inputs are never overwritten."
                    ).format(name=key, path=output, input=file_key)
                )
        for other, _output, other_target in seen:
            if _same(target, other_target):
                raise QgsProcessingException(
                    _tr(
                        "The outputs {a} and {b} would be written to the same place ({path}). "
                        "Give each its own file or layer."
                    ).format(a=other, b=key, path=output)
                )
        seen.append((key, output, target))


def write_text(path: str, text: str, name: str = "", commit: OutputCommit | None = None) -> None:
    """Write a UTF-8 text file (a report, a preset) whole or not at all, through the same
    staging as layer outputs (:mod:`.outputs`): into a temporary folder beside it, renamed into
    place when complete (the previous file stays until then). With ``commit`` (a run's outputs)
    the rename waits for the run's other outputs; without, it happens at once. Permissions
    follow the umask. Failures become a translated message naming the file."""
    own = commit is None
    run = OutputCommit() if commit is None else commit
    staged = run.stage(path, name, make_folder=True)
    try:
        with open(staged, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    except (OSError, UnicodeError) as error:
        if own:
            run.discard()
        raise QgsProcessingException(
            _tr("Could not write {name} to {path}: {error}").format(
                name=name or Path(path).name,
                path=path,
                error=getattr(error, "strerror", None) or error,
            )
        ) from None
    if own:
        run.commit()
