"""Styling outputs: QML from ``resources/styles`` applied by a layer post-processor, and stored
as the GeoPackage's default style so the layer looks right wherever it is opened later.

One registry serves vector and raster outputs: :func:`attach_style` (a vector styler) and
:func:`attach_raster_style` (a raster QML file) both keep their post-processor alive in
``_PENDING`` until QGIS calls it, since Processing holds it only by a raw pointer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from qgis.core import (
    QgsMapLayer,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import save_default_style
from ..failures import styling_failed

STYLES_DIR = Path(__file__).resolve().parents[2] / "resources" / "styles"

Relabel = Callable[[QgsVectorLayer], None]
#: Styles a layer in place and says whether it worked.
Styler = Callable[[QgsVectorLayer], bool]

# Post-processors must outlive the algorithm run that created them; each removes itself here
# once it has styled its layer.
_PENDING: dict[int, StylePostProcessor] = {}


def relabel_categories(labels: dict[str, str]) -> Relabel:
    """Set translated legend labels on a categorized style, by category value (class code)."""

    def relabel(layer: QgsVectorLayer) -> None:
        renderer = layer.renderer()
        if renderer is None or not hasattr(renderer, "categories"):
            return
        for i, category in enumerate(renderer.categories()):
            label = labels.get(str(category.value()))
            if label is not None:
                renderer.updateCategoryLabel(i, label)

    return relabel


def relabel_rules(labels: dict[str, str]) -> Relabel:
    """Set translated labels on a rule-based style, matching each rule by its English label."""

    def relabel(layer: QgsVectorLayer) -> None:
        renderer = layer.renderer()
        if renderer is None or not hasattr(renderer, "rootRule"):
            return
        for rule in renderer.rootRule().children():
            label = labels.get(rule.label())
            if label is not None:
                rule.setLabel(label)

    return relabel


def relabel_ranges(labels: dict[str, str]) -> Relabel:
    """Set translated labels on a graduated style, matching each range by its English label."""

    def relabel(layer: QgsVectorLayer) -> None:
        renderer = layer.renderer()
        if renderer is None or not hasattr(renderer, "ranges"):
            return
        for i, rng in enumerate(renderer.ranges()):
            label = labels.get(rng.label())
            if label is not None:
                renderer.updateRangeLabel(i, label)

    return relabel


def qml_styler(qml: str, relabel: Relabel | None = None) -> Styler:
    """A styler that loads ``resources/styles/<qml>`` and then translates the legend labels."""

    def style(layer: QgsVectorLayer) -> bool:
        _message, ok = layer.loadNamedStyle(str(STYLES_DIR / qml))
        if ok and relabel is not None:
            relabel(layer)
        return bool(ok)

    return style


def refresh_legend(layer: QgsVectorLayer) -> None:
    """Tell the Layers panel and the map that the style changed: relabelling a renderer in
    place (``updateCategoryLabel`` …) emits nothing, so the panel would keep the QML's labels."""
    legend = layer.legend()
    if legend is not None:
        legend.itemsChanged.emit()
    layer.emitStyleChanged()
    layer.triggerRepaint()


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Styles an output layer of ``layer_type`` with ``apply`` when Processing loads it into
    the project, then lets go of itself (it is kept alive in ``_PENDING`` until then)."""

    def __init__(
        self, apply: Callable[[QgsMapLayer], object], layer_type: type[QgsMapLayer]
    ) -> None:
        super().__init__()
        self.apply = apply
        self.layer_type = layer_type

    def postProcessLayer(
        self, layer: QgsMapLayer, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> None:
        """Style the loaded layer and let go of this post-processor. A style that fails is a
        warning (the layer stays loaded, unstyled), its traceback recorded, never raised."""
        try:
            if isinstance(layer, self.layer_type) and layer.isValid():
                self.apply(layer)
        except Exception as error:  # the run's outputs are written: never fail it here
            message = styling_failed(layer.name(), error)
            if feedback is not None:
                feedback.pushWarning(message)
        finally:
            _PENDING.pop(id(self), None)


def _attach(context: QgsProcessingContext, dest_id: str, processor: StylePostProcessor) -> None:
    """Register ``processor`` for ``dest_id``'s layer loaded on completion, keeping it alive."""
    _PENDING[id(processor)] = processor
    context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(processor)


def attach_style(context: QgsProcessingContext, dest_id: str, styler: Styler) -> None:
    """Style the vector ``dest_id`` when it is loaded on completion (desktop,
    ``runAndLoadResults``), then refresh its legend in the Layers panel."""
    if context.willLoadLayerOnCompletion(dest_id):

        def apply(layer: QgsMapLayer) -> None:
            assert isinstance(layer, QgsVectorLayer)
            styler(layer)
            refresh_legend(layer)

        _attach(context, dest_id, StylePostProcessor(apply, QgsVectorLayer))


def attach_raster_style(context: QgsProcessingContext, dest_id: str, qml: Path | None) -> None:
    """Style the raster ``dest_id`` with the QML file ``qml`` (e.g. its sidecar) when it is
    loaded on completion; nothing when ``qml`` is None."""
    if qml is not None and context.willLoadLayerOnCompletion(dest_id):

        def apply(layer: QgsMapLayer) -> None:
            layer.loadNamedStyle(str(qml))
            layer.triggerRepaint()

        _attach(context, dest_id, StylePostProcessor(apply, QgsRasterLayer))


def store_default_style(
    dest_id: str, styler: Styler, feedback: QgsProcessingFeedback | None = None
) -> bool:
    """Save the style into a GeoPackage output's ``layer_styles`` table as its default.

    Call it after the sink is closed. Other formats and memory layers are left alone (the
    post-processor styles them when they are loaded).
    """
    if ".gpkg" not in dest_id.lower():
        return False
    layer = QgsVectorLayer(dest_id, "output", "ogr")
    if not layer.isValid() or not styler(layer):
        return False
    error = save_default_style(
        layer, layer.name(), QCoreApplication.translate("Styling", "Battery Recycling Atlas style")
    )
    if error and feedback is not None:
        feedback.pushInfo(
            QCoreApplication.translate("Styling", "Could not store the default style: {e}").format(
                e=error
            )
        )
    return not error
