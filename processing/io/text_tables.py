"""CSV tables read in the encoding they are written in: a table a user loaded (or gave as a path)
in GBK/GB18030 is read again in it, the user's layer left as it is."""

from __future__ import annotations

from collections.abc import Sequence

from qgis.core import (
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsVectorLayerSelectedFeatureSource,
)
from qgis.PyQt.QtCore import QCoreApplication, QUrl, QUrlQuery

from ...core.text_files import EncodingProblem, detect_encoding


def _tr(text: str) -> str:
    return QCoreApplication.translate("LayerIO", text)  # the context these messages had


#: Files whose encoding :func:`table_layer` checks; the GB family of encodings (read as one).
_TEXT_SUFFIXES = (".csv", ".txt", ".tsv", ".tab")
_GB = {"gbk", "gb2312", "gb18030", "cp936"}


def _text_file(layer: QgsVectorLayer) -> tuple[str, str] | None:
    """(path, encoding the provider reads it with) of a CSV-like file layer; else None."""
    provider = layer.providerType()
    if provider not in ("ogr", "delimitedtext"):
        return None
    path = QgsProviderRegistry.instance().decodeUri(provider, layer.source()).get("path") or ""
    if not path.lower().endswith(_TEXT_SUFFIXES):
        return None
    if provider == "ogr":
        return path, layer.dataProvider().encoding()
    return path, QUrlQuery(QUrl(layer.source())).queryItemValue("encoding")


def table_layer(
    alg: QgsProcessingAlgorithm,
    parameters: dict[str, object],
    name: str,
    context: QgsProcessingContext,
    field_params: Sequence[str] = (),
) -> QgsFeatureSource | None:
    """The layer of parameter ``name`` (a path or a loaded OGR / delimited-text layer, left
    unchanged) re-read in the encoding its CSV file is written in; None when nothing needs
    doing (not a CSV, read right, or an encoding the user chose); a file in none of UTF-8
    (BOM or not) and GBK/GB18030 is refused. ``field_params`` naming a garbled field (as the
    dialog offered it; unambiguously) are set, in ``parameters``, to that column read right.

    The rows are those the parameter gives: with "selected features only", a feature limit or
    a filter, the same features (by id: a CSV row keeps its id in any encoding) of the copy."""
    layer = _layer_of(alg, parameters, name, context)
    found = _text_file(layer) if layer is not None else None
    if found is None:
        return None
    path, current = found
    current = (current or "").lower().replace("_", "-")
    if current not in ("", "utf-8", "utf8", "system", *_GB):
        return None  # the user chose this encoding: theirs to keep
    try:
        codec = detect_encoding(path)
    except EncodingProblem as err:
        raise QgsProcessingException(
            _tr(
                "{param}: the file {path} is not a text file in UTF-8, GBK or GB18030 (byte "
                "{offset}: {bytes}); its text would read as replacement characters (�). Save "
                "it again as “CSV UTF-8”."
            ).format(param=name, path=path, offset=err.offset, bytes=err.sample)
        ) from None
    except OSError as err:
        raise QgsProcessingException(
            _tr("{param}: cannot read {path}: {error}").format(
                param=name, path=path, error=err.strerror or err
            )
        ) from None
    wanted = "GB18030" if codec == "gb18030" else "UTF-8"  # as Qt names them
    if current in (("", "utf-8", "utf8") if wanted == "UTF-8" else _GB):
        return None  # already read in the right encoding
    if layer.providerType() == "ogr":
        copy = QgsVectorLayer(layer.source(), layer.name(), "ogr")
        copy.setProviderEncoding(wanted)
    else:
        url = QUrl(layer.source())
        query = QUrlQuery(url)
        query.removeAllQueryItems("encoding")
        query.addQueryItem("encoding", wanted)
        url.setQuery(query)
        copy = QgsVectorLayer(url.toString(), layer.name(), "delimitedtext")
    if not copy.isValid() or not copy.setSubsetString(layer.subsetString()):
        return None
    for param in field_params:
        value = str(parameters.get(param) or "")
        i = layer.fields().lookupField(value) if layer.fields().names().count(value) == 1 else -1
        if copy.fields().lookupField(value) < 0 <= i < copy.fields().count():
            parameters[param] = copy.fields().at(i).name()
    context.temporaryLayerStore().addMapLayer(copy)  # kept alive for the run
    ids = _chosen_ids(alg, parameters, name, context)
    if ids is None:
        return copy
    copy.selectByIds(ids)
    return QgsVectorLayerSelectedFeatureSource(copy)


def _layer_of(
    alg: QgsProcessingAlgorithm,
    parameters: dict[str, object],
    name: str,
    context: QgsProcessingContext,
) -> QgsVectorLayer | None:
    """The layer parameter ``name`` names, also when it is given as a feature source
    definition (selected features only, a limit), which ``parameterAsVectorLayer`` does not
    resolve."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        source = value.source.valueAsString(context.expressionContext(), "")
        parameters = {**parameters, name: source[0] if isinstance(source, tuple) else source}
    return alg.parameterAsVectorLayer(parameters, name, context)


def _chosen_ids(
    alg: QgsProcessingAlgorithm,
    parameters: dict[str, object],
    name: str,
    context: QgsProcessingContext,
) -> list[int] | None:
    """The ids of the features parameter ``name`` gives when it restricts its layer (selected
    features only, a feature limit, a filter expression); None when it gives them all."""
    value = parameters.get(name)
    if not isinstance(value, QgsProcessingFeatureSourceDefinition):
        return None
    limited = value.featureLimit > 0 or bool(getattr(value, "filterExpression", ""))  # 3.32+
    if not (value.selectedFeaturesOnly or limited):
        return None
    source = alg.parameterAsSource(parameters, name, context)
    return [f.id() for f in source.getFeatures(QgsFeatureRequest().setNoAttributes())]
