"""The provenance block of every report: what produced it, from what, with which settings.

A report read months later, or sent to a colleague, must say where its numbers come from:
plugin version, date, algorithm, each input (layer name, file and fields), every parameter as
the run read it, and whether the values drawn are the shipped illustrative sample.
"""

from __future__ import annotations

import datetime
from html import escape

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorLayer,
)

from .compat import parameter_fields
from .illustrative import run_uses_sample
from .io.destinations import source_path
from .styling.labels import translate

LAYER_PARAMETERS = (
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterVectorLayer,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterRasterLayer,
)


def _tr(text: str) -> str:
    # In the run's language (the LANGUAGE parameter), like the rest of the report.
    return translate("Provenance", text)


def _layer_text(alg, parameters: dict, name: str, context: QgsProcessingContext) -> str:
    layer = alg.parameterAsLayer(parameters, name, context)
    if layer is None:
        return ""
    path = source_path(layer) if layer.providerType() in ("ogr", "gdal") else None
    where = str(path) if path is not None else layer.source().split("|")[0][:120]
    return f"{layer.name()} — {where}"


def _value_text(alg, definition, parameters: dict, context: QgsProcessingContext) -> str:
    name = definition.name()  # absent parameters read as their defaults, as in the run
    if isinstance(definition, LAYER_PARAMETERS):
        return _layer_text(alg, parameters, name, context)
    if isinstance(definition, QgsProcessingParameterMultipleLayers):
        layers = alg.parameterAsLayerList(parameters, name, context) or []
        return "; ".join(layer.name() for layer in layers)
    if isinstance(definition, QgsProcessingParameterEnum):
        index = alg.parameterAsEnum(parameters, name, context)
        options = definition.options()
        return options[index] if 0 <= index < len(options) else str(index)
    if isinstance(definition, QgsProcessingParameterField):
        return ", ".join(parameter_fields(alg, parameters, name, context))
    return alg.parameterAsString(parameters, name, context)


def provenance_html(alg, parameters: dict, context: QgsProcessingContext, version: str) -> str:
    """An HTML ``<section>`` listing the run's provenance (trusted HTML, values escaped)."""
    rows = [
        (_tr("Produced by"), f"Battery Recycling Atlas {version} · {alg.id()}"),
        (_tr("Date"), datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
    ]
    for definition in alg.parameterDefinitions():
        if definition.isDestination() or definition.name() == "LANGUAGE":
            continue
        text = _value_text(alg, definition, parameters, context)
        if text:
            rows.append((f"{definition.description()} ({definition.name()})", text))
    illustrative = run_uses_sample(alg, parameters, context)
    rows.append(
        (
            _tr("Data"),
            _tr("Illustrative sample values shipped with the plugin, not " "official statistics")
            if illustrative
            else _tr("As given by the inputs above"),
        )
    )
    cells = "\n".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    note = ""
    if illustrative:
        title = escape(_tr("Illustrative data."))
        text = escape(
            _tr(
                "The numbers come from the sample shipped with the plugin, scaled to "
                "published national totals; no provincial or city value in it is a "
                "measurement."
            )
        )
        note = f'<p class="note"><b>{title}</b> {text}</p>\n'
    return (
        f'<section class="provenance">\n<h2>{escape(_tr("Provenance"))}</h2>\n{note}'
        f'<table class="compact">\n{cells}\n</table>\n</section>'
    )


def with_provenance(html: str, block: str) -> str:
    """``html`` with ``block`` at the end of its body and, when the block carries the
    illustrative-data note, that note also at the top."""
    marker = "</body>"
    if marker not in html:
        return html + block
    head, tail = html.rsplit(marker, 1)
    html = f"{head}{block}\n{marker}{tail}"
    start = block.find('<p class="note">')
    if start >= 0 and "<body>" in html:
        note = block[start : block.index("</p>", start) + 4]
        html = html.replace("<body>", f"<body>\n{note}", 1)
    return html
