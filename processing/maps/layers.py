"""Layers for the publication map: their style, their kind, whether they are sample data, and
what the bivariate legend needs (class bounds and colours) read back from a matching output."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsColorRampShader,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsRasterLayer,
    QgsRenderContext,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ...core.constants import SAMPLE_ILLUSTRATIVE_FIELDS
from ...core.mismatch import bivariate
from ...core.mismatch.classify import Breaks
from .. import compat
from ..illustrative import SAMPLE_DIR, has_illustrative_rows, is_sample_layer
from ..io.layers import to_float
from ..styling.bivariate import bivariate_styler
from ..styling.labels import compliance_labels, ratio_class_labels
from ..styling.postprocess import qml_styler, relabel_categories, relabel_rules

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
#: Light grey for the neighbouring land and the design of context layers.
LAND_GREY, CONTEXT_FILL, CONTEXT_LINE, CONTEXT_POINT = "#ececec", "#f4f4f4", "#b5b5b5", "#5a5a5a"


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

        class _Result:  # what bivariate_styler reads
            vol_breaks, outlet_breaks = vol, out

        bivariate_styler(_Result, bivariate.DEFAULT_PALETTE, tr)(layer)
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


def style_context_layer(layer: QgsMapLayer) -> str:
    """Context layers keep their own or stored style; otherwise a quiet designed one (light
    fill and grey outline, grey lines, small dark points) instead of QGIS's random colour."""
    if isinstance(layer, QgsRasterLayer):
        return style_for_map(layer, lambda text: text)
    if has_own_style(layer) or load_stored_style(layer):
        return "own"
    if layer_kind(layer) in KIND_STYLES:
        qml_styler(KIND_STYLES[layer_kind(layer)])(layer)
        return "kind"
    geometry = QgsWkbTypes.geometryType(layer.wkbType())
    if geometry == QgsWkbTypes.PolygonGeometry:
        symbol = QgsFillSymbol.createSimple(
            {
                "color": CONTEXT_FILL,
                "outline_color": CONTEXT_LINE,
                "outline_width": "0.15",
                "outline_width_unit": "MM",
            }
        )
    elif geometry == QgsWkbTypes.LineGeometry:
        symbol = QgsLineSymbol.createSimple(
            {"line_color": CONTEXT_LINE, "line_width": "0.25", "line_width_unit": "MM"}
        )
    else:
        symbol = QgsMarkerSymbol.createSimple(
            {
                "color": CONTEXT_POINT,
                "outline_color": "#ffffff",
                "outline_width": "0.1",
                "size": "1.2",
                "size_unit": "MM",
            }
        )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return "designed"


def neighbour_land() -> QgsVectorLayer | None:
    """The world's land (QGIS's own Natural Earth ``world_map.gpkg``) in light grey without
    outlines, drawn beneath everything as the neighbouring countries."""
    path = Path(QgsApplication.pkgDataPath()) / "resources" / "data" / "world_map.gpkg"
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False  # its layer_styles table makes GDAL warn about a date
    layer = QgsVectorLayer(f"{path}|layername=countries", "land", "ogr", options)
    if not path.exists() or not layer.isValid():
        return None
    symbol = QgsFillSymbol.createSimple({"color": LAND_GREY, "outline_style": "no"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


def sample_layer(table: str, title: str, symbol) -> QgsVectorLayer | None:
    """A layer of the shipped sample GeoPackage drawn with one ``symbol``; None if missing."""
    layer = QgsVectorLayer(f"{SAMPLE_DIR / 'china_sample.gpkg'}|layername={table}", title, "ogr")
    if not layer.isValid():
        return None
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


def china_outlines() -> QgsVectorLayer | None:
    """The sample's province boundaries (real, Tianditu) as thin dark outlines without fill,
    drawn over a raster so that it reads as a map of China."""
    return sample_layer(
        "provinces",
        "provinces",
        QgsFillSymbol.createSimple(
            {
                "style": "no",
                "outline_color": "#505050",
                "outline_width": "0.15",
                "outline_width_unit": "MM",
            }
        ),
    )


def outside_layers(outlines: QgsVectorLayer, crs) -> list[QgsVectorLayer]:
    """Two layers that hide a raster's cells beyond China (the union of ``outlines``), in
    ``crs``: the neighbouring land in light grey over a white sea. Empty when there is no
    outline."""
    from qgis.core import QgsCoordinateTransform, QgsGeometry, QgsProject

    context = QgsProject.instance().transformContext()
    to_map = QgsCoordinateTransform(outlines.crs(), crs, context)
    parts = []
    for feature in outlines.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        if not geometry.isEmpty():
            geometry.transform(to_map)
            parts.append(geometry)
    if not parts:
        return []
    china = QgsGeometry.unaryUnion(parts)
    sea = QgsGeometry.fromRect(china.boundingBox().buffered(8.0e6)).difference(china)
    layers = []
    land = neighbour_land()
    if land is not None:
        to_map = QgsCoordinateTransform(land.crs(), crs, context)
        box = china.boundingBox().buffered(2.0e6)
        pieces = []
        for feature in land.getFeatures():
            geometry = QgsGeometry(feature.geometry())
            geometry.transform(to_map)
            if geometry.boundingBox().intersects(box):
                geometry = geometry.difference(china)  # Natural Earth's borders are not ours
            if not geometry.isEmpty():
                pieces.append(geometry)
        layers.append(_memory_polygons("land", crs, pieces, LAND_GREY))
    layers.append(_memory_polygons("sea", crs, [sea], "#ffffff"))
    return layers


def _memory_polygons(name: str, crs, geometries, color: str) -> QgsVectorLayer:
    from qgis.core import QgsFeature

    layer = QgsVectorLayer("MultiPolygon", name, "memory")
    layer.setCrs(crs)
    features = []
    for geometry in geometries:
        feature = QgsFeature()
        feature.setGeometry(geometry)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.setRenderer(
        QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({"color": color, "outline_style": "no"}))
    )
    return layer


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


def bivariate_breaks(
    layer: QgsVectorLayer, vol: Breaks | None = None, out: Breaks | None = None
) -> tuple[Breaks | None, Breaks | None]:
    """The volume and outlet class bounds: those given, else read back from the layer."""
    return (
        vol or derived_breaks(layer, "vol_share", "vol_class"),
        out or derived_breaks(layer, "outlet_share", "outlet_class"),
    )


def bivariate_colors(layer: QgsVectorLayer, k_vol: int, k_out: int) -> dict[tuple[int, int], str]:
    """Colour of each class pair as the layer draws it (its categories on ``match_code``);
    the default palette for pairs it does not style."""
    colors = bivariate.palette_colors(bivariate.DEFAULT_PALETTE, k_vol, k_out)
    renderer = layer.renderer()
    if (
        renderer is not None
        and renderer.type() == "categorizedSymbol"
        and renderer.classAttribute() == "match_code"
    ):
        for category in renderer.categories():
            parts = str(category.value()).split("-")
            if len(parts) == 2 and all(p.isdigit() for p in parts):
                colors[(int(parts[0]), int(parts[1]))] = category.symbol().color().name()
    return colors


def bivariate_legend_svg(
    layer: QgsVectorLayer,
    tr: Callable[[str], str],
    vol: Breaks | None = None,
    out: Breaks | None = None,
    font_family: str = "",
) -> tuple[str, Breaks, Breaks] | None:
    """The k×k legend grid of a matching output (core's ``legend_grid_svg``), with the class
    bounds given or read back from the layer; None when the bounds cannot be found."""
    from ...reports.bivariate_legend import SVG_FONT, legend_grid_svg

    vol, out = bivariate_breaks(layer, vol, out)
    if vol is None or out is None:
        return None
    colors = bivariate_colors(layer, vol.k, out.k)
    svg = legend_grid_svg(
        colors,
        max(vol.k, out.k),
        vol,
        out,
        tr("Volume share"),
        tr("Outlet share"),
        cell=40.0,
        font_size=11.0,
        under_label=tr("Under-served: volume class above outlet class"),
    )
    if font_family:  # one family: Qt's SVG renderer does not read a fallback list
        svg = svg.replace(SVG_FONT, font_family.replace('"', ""))
    return svg, vol, out


# -- legend content ----------------------------------------------------------------------------


def used_legend_keys(styled: QgsVectorLayer, layers: Sequence[QgsVectorLayer]) -> set[str] | None:
    """Legend keys of ``styled``'s renderer that some feature of ``layers`` draws with (all
    panels of a figure share one legend); None when the renderer cannot say."""
    renderer = styled.renderer()
    if renderer is None or not isinstance(styled, QgsVectorLayer):
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
