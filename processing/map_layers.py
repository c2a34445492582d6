"""Layers for the publication map: their style, their kind, whether they are sample data, and
what the bivariate legend needs (class bounds and colours) read back from a matching output."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from qgis.core import (
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsRenderContext,
    QgsVectorLayer,
)

from ..core import bivariate
from ..core.classify import Breaks
from . import compat
from .bivariate_style import bivariate_styler
from .labels import compliance_labels, ratio_class_labels
from .layer_io import source_path, to_float
from .styling import qml_styler, relabel_categories, relabel_rules

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "resources" / "data"

#: Kinds of this plugin's outputs, recognised by a field they alone write.
KIND_FIELDS = (("bivariate", "match_code"), ("ratio", "ratio_class"),
               ("compliance", "compliance_index"))


def layer_kind(layer: QgsVectorLayer) -> str:
    """``bivariate``, ``ratio``, ``compliance`` (this plugin's outputs, by their fields) or
    ``other``."""
    names = {name.lower() for name in layer.fields().names()}
    return next((kind for kind, field in KIND_FIELDS if field in names), "other")


def has_own_style(layer: QgsVectorLayer) -> bool:
    """True unless the layer draws with QGIS's default single symbol."""
    renderer = layer.renderer()
    return renderer is not None and renderer.type() != "singleSymbol"


def load_stored_style(layer: QgsVectorLayer) -> bool:
    """Load the default style stored with the data (a GeoPackage's ``layer_styles``)."""
    return compat.load_stored_style(layer) and has_own_style(layer)


def style_for_map(layer: QgsVectorLayer, tr: Callable[[str], str],
                  breaks: tuple[Breaks | None, Breaks | None] = (None, None)) -> str:
    """Give ``layer`` (a copy the caller owns) its publication style; return how it was styled.

    Its own renderer is kept unless it is the default single symbol; then the default style
    stored in its GeoPackage is loaded, else this plugin's outputs are recognised by their
    fields and styled as the algorithms style them (``ratio``, ``bivariate``, ``compliance``).
    Returns ``own``, ``stored``, one of those kinds, or ``default``.
    """
    if has_own_style(layer):
        return "own"
    if load_stored_style(layer):
        return "stored"
    kind = layer_kind(layer)
    if kind == "ratio":
        from ..core.ratio import parse_thresholds

        labels = ratio_class_labels(parse_thresholds("0.2,0.8,1.0"))
        qml_styler("ratio_class.qml", relabel_categories(labels))(layer)
    elif kind == "compliance":
        qml_styler("compliance_index.qml", relabel_rules(compliance_labels()))(layer)
    elif kind == "bivariate":
        vol, out = bivariate_breaks(layer, *breaks)
        if vol is None or out is None:
            return "default"

        class _Result:  # what bivariate_styler reads
            vol_breaks, outlet_breaks = vol, out

        bivariate_styler(_Result, bivariate.PALETTE_NAMES[0], tr)(layer)
    else:
        return "default"
    return kind


def is_sample_data(layers: Iterable[QgsVectorLayer | None]) -> bool:
    """True when any layer is this plugin's sample data or computed from it: it lies under
    ``resources/data``, or a feature has ``illustrative`` = 1 (outputs keep input fields)."""
    for layer in layers:
        if layer is None:
            continue
        if layer.providerType() == "ogr":  # memory layers have no file (and long URIs)
            path = source_path(layer)
            if path is not None and SAMPLE_DIR in path.parents:
                return True
        index = layer.fields().lookupField("illustrative")
        if index >= 0:
            request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
            request.setSubsetOfAttributes([index]).setLimit(1)
            request.setFilterExpression('"illustrative" = 1')
            if any(True for _ in layer.getFeatures(request)):
                return True
    return False


# -- bivariate legend --------------------------------------------------------------------------


def parse_breaks(text: str, k_max: int = 5) -> Breaks | None:
    """``VOL_BREAKS`` / ``OUTLET_BREAKS`` text ("0.001,0.004,0.01,0.07") as :class:`Breaks`;
    None when empty. Raises ``ValueError`` when it is not 3–``k_max``+1 increasing numbers."""
    if not text or not text.strip():
        return None
    values = [float(v) for v in text.replace("，", ",").replace(";", ",").split(",") if v.strip()]
    if not 2 <= len(values) - 1 <= k_max or any(b < a for a, b in zip(values, values[1:])):
        raise ValueError(text)
    return Breaks("given", len(values) - 1, len(values) - 1, tuple(values))


def derived_breaks(layer: QgsVectorLayer, share_field: str, class_field: str) -> Breaks | None:
    """Class bounds read back from a matching output: the smallest share of class 1, then the
    largest share of each class. For natural breaks (and any method whose bounds are data
    values) these are exactly the algorithm's breaks; None when the fields are missing."""
    fields = layer.fields()
    share_idx, class_idx = fields.lookupField(share_field), fields.lookupField(class_field)
    if share_idx < 0 or class_idx < 0:
        return None
    low: float | None = None
    high: dict[int, float] = {}
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes([share_idx, class_idx])
    for feature in layer.getFeatures(request):
        share, cls = to_float(feature.attribute(share_idx)), to_float(feature.attribute(class_idx))
        if share is None or cls is None or cls < 1:
            continue
        cls = int(cls)
        high[cls] = max(high.get(cls, share), share)
        if cls == 1:
            low = share if low is None else min(low, share)
    k = max(high, default=0)
    if low is None or k < 1 or sorted(high) != list(range(1, k + 1)):
        return None
    return Breaks("derived", k, k, (low, *(high[c] for c in range(1, k + 1))))


def bivariate_breaks(layer: QgsVectorLayer, vol: Breaks | None = None,
                     out: Breaks | None = None) -> tuple[Breaks | None, Breaks | None]:
    """The volume and outlet class bounds: those given, else read back from the layer."""
    return (vol or derived_breaks(layer, "vol_share", "vol_class"),
            out or derived_breaks(layer, "outlet_share", "outlet_class"))


def bivariate_colors(layer: QgsVectorLayer, k_vol: int, k_out: int) -> dict[tuple[int, int], str]:
    """Colour of each class pair as the layer draws it (its categories on ``match_code``);
    the default palette for pairs it does not style."""
    colors = bivariate.palette_colors(bivariate.PALETTE_NAMES[0], k_vol, k_out)
    renderer = layer.renderer()
    if renderer is not None and renderer.type() == "categorizedSymbol" and \
            renderer.classAttribute() == "match_code":
        for category in renderer.categories():
            parts = str(category.value()).split("-")
            if len(parts) == 2 and all(p.isdigit() for p in parts):
                colors[(int(parts[0]), int(parts[1]))] = category.symbol().color().name()
    return colors


def bivariate_legend_svg(layer: QgsVectorLayer, tr: Callable[[str], str],
                         vol: Breaks | None = None, out: Breaks | None = None,
                         font_family: str = "") -> tuple[str, Breaks, Breaks] | None:
    """The k×k legend grid of a matching output (core's ``legend_grid_svg``), with the class
    bounds given or read back from the layer; None when the bounds cannot be found."""
    from ..core.report_matching import SVG_FONT, legend_grid_svg

    vol, out = bivariate_breaks(layer, vol, out)
    if vol is None or out is None:
        return None
    colors = bivariate_colors(layer, vol.k, out.k)
    svg = legend_grid_svg(colors, max(vol.k, out.k), vol, out, tr("Volume share"),
                          tr("Outlet share"), cell=40.0, font_size=11.0)
    if font_family:  # one family: Qt's SVG renderer does not read a fallback list
        svg = svg.replace(SVG_FONT, font_family.replace('"', ""))
    return svg, vol, out


# -- legend content ----------------------------------------------------------------------------


def used_legend_keys(styled: QgsVectorLayer, layers: Sequence[QgsVectorLayer]) -> set[str] | None:
    """Legend keys of ``styled``'s renderer that some feature of ``layers`` draws with (all
    panels of a figure share one legend); None when the renderer cannot say."""
    renderer = styled.renderer()
    if renderer is None:
        return None
    keys: set[str] = set()
    for layer in layers:
        if layer is None:
            continue
        clone = renderer.clone()
        context = QgsRenderContext()
        expression_context = QgsExpressionContext()
        expression_context.appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
        context.setExpressionContext(expression_context)
        missing = set(clone.usedAttributes(context)) - set(layer.fields().names())
        if missing:
            continue
        clone.startRender(context, layer.fields())
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
        for feature in layer.getFeatures(request):
            expression_context.setFeature(feature)
            keys.update(clone.legendKeysForFeature(feature, context))
        clone.stopRender(context)
    return keys
