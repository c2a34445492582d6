"""Result layers of the publication map: their kind (recognised by their fields), their style
(their own, the stored default, or the one the algorithm gives them), the raster legend, the
labels of the largest regions, the year, and whether they draw illustrative sample data.

Context layers are in :mod:`.context`, the bivariate legend in :mod:`.bivariate_legend`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import SimpleNamespace

from qgis.core import (
    QgsColorRampShader,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsMapLayer,
    QgsRasterLayer,
    QgsRenderContext,
    QgsVectorLayer,
)

from ...core.constants import SAMPLE_ILLUSTRATIVE_FIELDS
from ...core.mismatch import bivariate
from ...core.mismatch.classify import Breaks
from .. import compat
from ..illustrative import has_illustrative_rows, is_sample_layer
from ..io.layers import to_float
from ..styling.bivariate import bivariate_styler
from ..styling.labels import compliance_labels, ratio_class_labels
from ..styling.postprocess import qml_styler, relabel_categories, relabel_rules
from .bivariate_legend import bivariate_breaks

#: Kinds of this plugin's outputs, recognised by a field they alone write.
KIND_FIELDS = (
    ("bivariate", "match_code"),
    ("ratio", "ratio_class"),
    ("compliance", "compliance_index"),
    ("flows", "flow_t"),
    ("plants", "utilization"),
    ("best", "breakeven_li2co3"),
    ("best", "rank"),
)
#: The QML each kind is drawn with when it carries no style of its own.
KIND_STYLES = {
    "flows": "supply_flows.qml",
    "plants": "plant_utilization.qml",
    "best": "best_locations.qml",
}
#: Fields this plugin computes: a map drawing one of them shows a result, illustrative where
#: the output's ``illustrative`` flag says so (set from the fields it was computed from).
RESULT_FIELDS = frozenset(
    {
        "ratio",
        "ratio_class",
        "retire_t",
        "capacity_t",
        "vol_share",
        "outlet_share",
        "share_gap",
        "vol_class",
        "outlet_class",
        "match_code",
        "match_type",
        "capital_share",
        "whitelist_share",
        "compliance_index",
        "no_whitelist",
        "profit_cny",
        "margin",
        "utilization",
        "allocated_t",
        "flow_t",
        "unmet_t",
        "profit",
        "rank",
        "supply_t",
        "p_loss",
        "profit_p50",
    }
)
#: GDAL metadata item of this plugin's rasters: 1 when computed from illustrative values.
ILLUSTRATIVE_KEY = "ILLUSTRATIVE"


def layer_kind(layer: QgsMapLayer) -> str:
    """``raster``, or for this plugin's vector outputs (by their fields) ``bivariate``,
    ``ratio``, ``compliance``, ``flows``, ``plants``, ``best``; else ``other``."""
    if isinstance(layer, QgsRasterLayer):
        return "raster"
    names = {name.lower() for name in layer.fields().names()}
    return next((kind for kind, field in KIND_FIELDS if field in names), "other")


def has_own_style(layer: QgsMapLayer) -> bool:
    """True unless the layer draws with QGIS's default (single symbol, grey raster)."""
    renderer = layer.renderer()
    if isinstance(layer, QgsRasterLayer):
        return renderer is not None and renderer.type() == "singlebandpseudocolor"
    return renderer is not None and renderer.type() != "singleSymbol"


def load_stored_style(layer: QgsMapLayer) -> bool:
    """Load the default style stored with the data (a GeoPackage's ``layer_styles``, a
    raster's ``.qml`` sidecar)."""
    if isinstance(layer, QgsRasterLayer):
        _message, ok = layer.loadDefaultStyle()
        return bool(ok) and has_own_style(layer)
    return compat.load_stored_style(layer) and has_own_style(layer)


def style_for_map(
    layer: QgsMapLayer,
    tr: Callable[[str], str],
    breaks: tuple[Breaks | None, Breaks | None] = (None, None),
) -> str:
    """Give ``layer`` (a copy the caller owns) its publication style; return how it was styled.

    Its own renderer is kept unless it is QGIS's default; then the default style stored with
    the data is loaded, else this plugin's outputs are recognised by their fields and styled
    as the algorithms style them. Rasters get a continuous legend bar labelled with the
    first and last stops (with units). Returns ``own``, ``stored``, a kind or ``default``.
    """
    how = "own" if has_own_style(layer) else "stored" if load_stored_style(layer) else ""
    if isinstance(layer, QgsRasterLayer):
        if how:
            continuous_raster_legend(layer)
        return how or "default"
    if how:
        return how
    kind = layer_kind(layer)
    if kind == "ratio":
        from ...core.mismatch.ratio import parse_thresholds

        labels = ratio_class_labels(parse_thresholds("0.2,0.8,1.0"))
        qml_styler("ratio_class.qml", relabel_categories(labels))(layer)
    elif kind == "compliance":
        qml_styler("compliance_index.qml", relabel_rules(compliance_labels()))(layer)
    elif kind == "bivariate":
        vol, out = bivariate_breaks(layer, *breaks)
        if vol is None or out is None:
            return "default"
        bounds = SimpleNamespace(vol_breaks=vol, outlet_breaks=out)  # what the styler reads
        bivariate_styler(bounds, bivariate.DEFAULT_PALETTE, tr)(layer)
    elif kind in KIND_STYLES:
        qml_styler(KIND_STYLES[kind])(layer)
    else:
        return "default"
    return kind


def continuous_raster_legend(layer: QgsRasterLayer) -> bool:
    """Draw a pseudo-colour raster's legend as one continuous bar whose ends are labelled with
    the first and last stops' labels (they carry the units); False when it has no ramp."""
    shader = getattr(layer.renderer(), "shader", lambda: None)()
    ramp = shader.rasterShaderFunction() if shader is not None else None
    if not isinstance(ramp, QgsColorRampShader) or not ramp.colorRampItemList():
        return False
    items = ramp.colorRampItemList()
    settings = ramp.legendSettings()
    settings.setUseContinuousLegend(True)
    settings.setMinimumLabel(items[0].label or f"{items[0].value:g}")
    settings.setMaximumLabel(items[-1].label or f"{items[-1].value:g}")
    ramp.setLegendSettings(settings)
    return True


def raster_legend_title(layer: QgsRasterLayer) -> str:
    """The first band's description as GDAL stores it (what and unit, e.g. "Profit of a new
    plant (CNY/yr)"); the layer name when there is none."""
    from osgeo import gdal

    try:
        with compat.gdal_exceptions():
            dataset = gdal.Open(layer.source())  # keep it referenced while its band is read
            description = dataset.GetRasterBand(1).GetDescription()
            dataset = None
    except RuntimeError:
        description = ""
    return description or layer.name()


#: The value each kind of result ranks its regions by for the optional labels.
RANK_FIELDS = {
    "ratio": "retire_t",
    "bivariate": "vol_share",
    "compliance": "capital_share",
    "plants": "capacity_t",
    "best": "profit",
}


def label_top_regions(layer: QgsVectorLayer, kind: str, count: int, family: str) -> list[str]:
    """Label the ``count`` features with the largest ranking value (:data:`RANK_FIELDS`, else
    the renderer's numeric attribute) by their name field, in the publication font with a white
    halo; returns the names labelled (none without a name or ranking field)."""
    from qgis.core import (
        QgsPalLayerSettings,
        QgsTextBufferSettings,
        QgsTextFormat,
        QgsVectorLayerSimpleLabeling,
    )
    from qgis.PyQt.QtGui import QFont

    from ...core.regions.field_names import NAME_CANDIDATES

    fields = layer.fields()
    name = next((c for c in NAME_CANDIDATES if fields.lookupField(c) >= 0), "")
    rank = RANK_FIELDS.get(kind, "")
    if fields.lookupField(rank) < 0:
        rank = getattr(layer.renderer(), "classAttribute", lambda: "")() or ""
    if (
        count <= 0
        or not name
        or fields.lookupField(rank) < 0
        or not fields.at(fields.lookupField(rank)).isNumeric()
    ):
        return []
    ranked = sorted(
        (
            (to_float(f[rank]), f.id(), str(f[name]))
            for f in layer.getFeatures()
            if to_float(f[rank]) is not None
        ),
        reverse=True,
    )[:count]
    if not ranked:
        return []
    ids = ",".join(str(fid) for _, fid, _ in ranked)
    settings = QgsPalLayerSettings()
    settings.isExpression = True
    settings.fieldName = f'CASE WHEN $id IN ({ids}) THEN "{name}" END'
    text = QgsTextFormat()
    font = QFont(family) if family else QFont()
    text.setFont(font)
    text.setSize(7.5)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return [label for _, _, label in ranked]


def layer_year(layer: QgsMapLayer) -> str:
    """A year (2000–2099) named by the layer or its file (``ratio_2030.gpkg``), else ""."""
    import re

    for text in (layer.name(), layer.source().split("|")[0].rsplit("/", 1)[-1]):
        found = re.search(r"(?<!\d)(20\d\d)(?!\d)", text or "")
        if found:
            return found.group(1)
    return ""


def drawn_fields(layer: QgsMapLayer) -> set[str]:
    """The attributes a vector layer's renderer draws by (lower case); empty for rasters."""
    if not isinstance(layer, QgsVectorLayer) or layer.renderer() is None:
        return set()
    context = QgsRenderContext()
    expression_context = QgsExpressionContext()
    expression_context.appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    context.setExpressionContext(expression_context)
    return {name.lower() for name in layer.renderer().usedAttributes(context)}


def raster_is_illustrative(path: str) -> bool:
    """True when a raster written by this plugin says it was computed from illustrative sample
    values (GDAL metadata item :data:`ILLUSTRATIVE_KEY` = 1)."""
    from osgeo import gdal

    try:
        with compat.gdal_exceptions():
            dataset = gdal.Open(path)
            return dataset.GetMetadataItem(ILLUSTRATIVE_KEY) == "1"
    except RuntimeError:
        return False


def is_sample_data(layers: Iterable[QgsMapLayer | None]) -> bool:
    """True when a layer *draws* illustrative sample values: its style uses an illustrative
    column of the sample data (on a sample file or rows flagged ``illustrative``), or a result
    of this plugin whose rows are flagged (the algorithms keep the flag only when they
    computed the result from sample columns), or a raster whose metadata says so. Boundaries,
    names and the user's own columns drawn on the shipped geometry do not count."""
    for layer in layers:
        if layer is None:
            continue
        if isinstance(layer, QgsRasterLayer):
            if raster_is_illustrative(layer.source()):
                return True
            continue
        drawn = drawn_fields(layer)
        sample = drawn & SAMPLE_ILLUSTRATIVE_FIELDS
        result = drawn & RESULT_FIELDS
        if not sample and not result:
            continue
        if (sample and is_sample_layer(layer)) or has_illustrative_rows(layer):
            return True
    return False
