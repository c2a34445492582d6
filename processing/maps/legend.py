"""The legend of a publication map: the layer's classes that the figure actually draws (one
legend for all panels), or for a bivariate layer the k×k grid with axis titles and class bounds
as an SVG picture, with a "no data" entry beside it when some feature has no data."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from qgis.core import (
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsLayerTreeModelLegendNode,
    QgsLayoutItem,
    QgsLayoutItemLegend,
    QgsLayoutItemPicture,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutUtils,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsMapLayer,
    QgsMapLayerLegendUtils,
    QgsPrintLayout,
    QgsRasterLayer,
    QgsRenderContext,
    QgsSimpleLegendNode,
    QgsVectorLayer,
)

from ..compat import is_null, legend_font, set_legend_font
from .bivariate_legend import bivariate_legend_svg
from .fonts import publication_font
from .spec import MapSpec

#: Millimetres per SVG pixel of the bivariate legend (a 40 px cell is 9.2 mm, 11 px text 7 pt).
GRID_MM_PER_PX = 0.23
GAP_MM = 1.5
LEGEND_STYLES = (
    QgsLegendStyle.Title,
    QgsLegendStyle.Group,
    QgsLegendStyle.Subgroup,
    QgsLegendStyle.SymbolLabel,
)


def _is_null(value: object) -> bool:
    return is_null(value) or value == ""


def _null_keys(layer: QgsMapLayer) -> set[str]:
    """Legend keys of a categorized renderer's NULL ("no data") category."""
    renderer = layer.renderer()
    if renderer is None or renderer.type() != "categorizedSymbol":
        return set()
    items = renderer.legendSymbolItems()
    return {
        items[i].ruleKey()
        for i, category in enumerate(renderer.categories())
        if i < len(items) and _is_null(category.value())
    }


def _setup_legend(
    legend: QgsLayoutItemLegend, spec: MapSpec, family: str, keep: set[str] | None, title: str
) -> int:
    """Show ``spec.panels[0]`` without its layer heading, the entries whose legend key is in
    ``keep`` (all when None), then each of ``spec.legend_extras`` under its name, in the
    publication font; return the number of entries."""

    legend.setAutoUpdateModel(False)
    legend.setLegendFilterByMapEnabled(False)
    model = legend.model()
    root = model.rootGroup()
    root.removeAllChildren()
    node = root.addLayer(spec.panels[0])
    QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Hidden)
    nodes = model.layerOriginalLegendNodes(node)
    order = None
    if isinstance(spec.panels[0], QgsRasterLayer):  # the ramp only, not the band's name
        order = [i for i, n in enumerate(nodes) if not isinstance(n, QgsSimpleLegendNode)]
    elif keep is not None:
        order = [
            i
            for i, n in enumerate(nodes)
            if n.data(QgsLayerTreeModelLegendNode.RuleKeyRole) in keep
        ]
    if order is not None:
        QgsMapLayerLegendUtils.setLegendNodeOrder(node, order)
        model.refreshLayerLegend(node)
        count = len(order)
    else:
        count = len(nodes)
    for extra in spec.legend_extras:  # e.g. the plants drawn over allocation flows
        extra_node = root.addLayer(extra)
        extra_node.setName(spec.legend_names.get(extra.id(), extra.name()))
        QgsLegendRenderer.setNodeLegendStyle(extra_node, QgsLegendStyle.Subgroup)
        count += len(model.layerOriginalLegendNodes(extra_node))
    legend.setTitle(title)
    for style in LEGEND_STYLES:
        set_legend_font(legend, style, publication_font(legend_font(legend, style), family))
    legend.refresh()
    # adjustBoxSize() waits for a first paint; size the box now so the grid can be placed.
    context = QgsLayoutUtils.createRenderContextForLayout(legend.layout(), None)
    size = QgsLegendRenderer(model, legend.legendSettings()).minimumSize(context)
    legend.attemptResize(QgsLayoutSize(size.width(), size.height()))
    return count


def fill_legend(
    layout: QgsPrintLayout, spec: MapSpec, workdir: Path, family: str, tr: Callable[[str], str]
) -> None:
    """Fill the template's ``legend`` and ``legend_grid`` items for ``spec``."""
    legend = layout.itemById("legend")
    grid = layout.itemById("legend_grid")
    main = spec.panels[0]
    svg = None
    if spec.kind == "bivariate":
        svg = bivariate_legend_svg(main, tr, spec.vol_breaks, spec.outlet_breaks, family)
    if svg is None or not isinstance(grid, QgsLayoutItemPicture):
        if grid is not None:
            layout.removeLayoutItem(grid)
        if isinstance(legend, QgsLayoutItemLegend):
            keys = used_legend_keys(main, spec.panels)
            _setup_legend(legend, spec, family, keys, spec.legend_title)
        return

    text, vol, out = svg
    path = workdir / "legend_grid.svg"
    path.write_text(text, encoding="utf-8")
    width_px, height_px = _svg_size(text)
    grid.setPicturePath(str(path), QgsLayoutItemPicture.FormatSVG)
    grid.attemptResize(QgsLayoutSize(width_px * GRID_MM_PER_PX, height_px * GRID_MM_PER_PX))
    if not isinstance(legend, QgsLayoutItemLegend):
        return
    used = used_legend_keys(main, spec.panels) or set()
    keep = used & _null_keys(main)
    if not keep or _setup_legend(legend, spec, family, keep, "") == 0:
        layout.removeLayoutItem(legend)
        return
    _place_beside(grid, legend)


def _place_beside(grid: QgsLayoutItemPicture, legend: QgsLayoutItemLegend) -> None:
    """Put the "no data" legend next to the grid: below it when the template anchors the legend
    at its top, above the legend (grid moved up) when anchored at the bottom; to the right of
    the grid in multi-column (horizontal) legends."""
    legend.setReferencePoint(QgsLayoutItem.UpperLeft)
    grid.setReferencePoint(QgsLayoutItem.UpperLeft)
    g, leg = grid.sceneBoundingRect(), legend.sceneBoundingRect()
    page = grid.positionWithUnits()
    if legend.columnCount() > 1:
        legend.attemptMove(QgsLayoutPoint(page.x() + g.width() + GAP_MM, page.y()))
    elif abs(leg.bottom() - g.bottom()) < 0.5:  # both anchored at the bottom
        grid.attemptMove(QgsLayoutPoint(page.x(), page.y() - leg.height() - GAP_MM))
    else:
        legend.attemptMove(QgsLayoutPoint(page.x(), page.y() + g.height() + GAP_MM))


def _svg_size(text: str) -> tuple[float, float]:
    """The ``width`` and ``height`` attributes of the root ``<svg>`` (px)."""
    import re

    head = text[: text.index(">")]
    width = re.search(r'width="([\d.]+)"', head)
    height = re.search(r'height="([\d.]+)"', head)
    return float(width.group(1)), float(height.group(1))


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
