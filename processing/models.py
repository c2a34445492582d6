"""Processing models shipped in ``resources/models`` (``*.model3``), owned by the provider.

A model's child algorithms are looked up in the Processing registry when the model is read, and
QGIS 3.22 calls ``loadAlgorithms()`` *before* it registers the provider: on that first call the
plugin's own algorithms cannot be found yet. So the models are added on the provider's next
load, which :func:`add_models` asks for as soon as the registry announces the provider.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsMessageLog,
    QgsProcessingModelAlgorithm,
    QgsProcessingProvider,
    QgsProcessingUtils,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from .compat import no_threading_flag

MODELS_DIR = Path(__file__).resolve().parents[1] / "resources" / "models"
#: Display names of the shipped models, by model name (the model files store only the name).
DISPLAY_NAMES = {
    "mismatch_workflow": QT_TRANSLATE_NOOP(
        "WorkflowModel", "Mismatch workflow (ratio, matching, compliance, maps)"
    ),
}
#: The groups of the shipped models (``model_group`` in the .model3 files), for translation.
MODEL_GROUPS = (QT_TRANSLATE_NOOP("WorkflowModel", "Workflows"),)
#: The English texts the model files store (written by ``tools/build_model.py``): parameter and
#: output descriptions and the help, translated when a model is loaded.
MODEL_TEXTS = (
    QT_TRANSLATE_NOOP("WorkflowModel", "Provinces (polygons)"),
    QT_TRANSLATE_NOOP("WorkflowModel", "Retirement field (t/yr)"),
    QT_TRANSLATE_NOOP("WorkflowModel", "Capacity field (t/yr)"),
    QT_TRANSLATE_NOOP("WorkflowModel", "Registered capital field (CNY)"),
    QT_TRANSLATE_NOOP("WorkflowModel", "Whitelist firm count field"),
    QT_TRANSLATE_NOOP("WorkflowModel", "Cities (polygons)"),
    QT_TRANSLATE_NOOP("WorkflowModel", "Retired volume field (t/yr)"),
    QT_TRANSLATE_NOOP("WorkflowModel", "Outlet count field"),
    QT_TRANSLATE_NOOP("WorkflowModel", "Label for the map titles (e.g. the year)"),
    QT_TRANSLATE_NOOP("WorkflowModel", "Ratio layer"),
    QT_TRANSLATE_NOOP("WorkflowModel", "Ratio report"),
    QT_TRANSLATE_NOOP("WorkflowModel", "Matching layer"),
    QT_TRANSLATE_NOOP("WorkflowModel", "Matching report"),
    QT_TRANSLATE_NOOP("WorkflowModel", "Compliance layer"),
    QT_TRANSLATE_NOOP("WorkflowModel", "Compliance report"),
    QT_TRANSLATE_NOOP("WorkflowModel", "Ratio map"),
    QT_TRANSLATE_NOOP("WorkflowModel", "Matching map"),
    QT_TRANSLATE_NOOP("WorkflowModel", "Compliance map"),
    QT_TRANSLATE_NOOP(
        "WorkflowModel",
        "<p>Runs the whole spatial-mismatch analysis of one year in one step: the "
        "retirement-to-capacity ratio of the provinces, the natural-breaks matching of retired "
        "volume against recycling outlets in the cities, capital against whitelist compliance "
        "in the provinces, and a publication map of each (A4 landscape, with legend, scale bar, "
        "north arrow and the South China Sea inset).</p>"
        "<p>Run it in batch mode with one row per year (e.g. retire_2025_t / retire_2030_t), "
        "or from qgis_process. The layers default to temporary outputs; the maps are written "
        "as .pdf, .png or .svg by their extension; the HTML reports are optional.</p>",
    ),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("WorkflowModel", text)


class WorkflowModel(QgsProcessingModelAlgorithm):
    """A shipped model with a translated display name; otherwise QGIS's own model class."""

    def displayName(self) -> str:
        """Translated display name (the file holds only the stable name)."""
        text = DISPLAY_NAMES.get(self.name())
        return _tr(text) if text else super().displayName()

    def helpUrl(self) -> str:
        """The README section on the model (anchor: the model name with dashes)."""
        from ..plugin_info import readme_url

        return readme_url(self.name().replace("_", "-"))

    def group(self) -> str:
        """Translated group name."""
        return _tr(super().group())

    def flags(self):
        """Runs on the main thread: its map step lays out and exports a print layout, which is
        not thread-safe (QGIS 3.40+ no longer gives models this flag by default)."""
        return super().flags() | no_threading_flag()

    def shortHelpString(self) -> str:
        """The stored help, translated."""
        content = dict(self.helpContent())
        if content.get("ALG_DESC"):
            content["ALG_DESC"] = _tr(content["ALG_DESC"])
        return QgsProcessingUtils.formatHelpMapAsHtml(content, self) if content else ""

    def translate_texts(self) -> None:
        """Translate the parameter and output descriptions the file stores in English (a
        dialog shows these); run after every load, as a load restores the stored texts."""
        for definition in self.parameterDefinitions():
            definition.setDescription(_tr(definition.description()))

    def createInstance(self):
        """A copy of this model (Processing runs copies)."""
        copy = WorkflowModel()
        copy.loadVariant(self.toVariant())
        copy.setSourceFilePath(self.sourceFilePath())
        copy.translate_texts()
        return copy


def load_models() -> list[QgsProcessingModelAlgorithm]:
    """Every readable, valid model in :data:`MODELS_DIR`; others are logged and skipped."""
    models = []
    for path in sorted(MODELS_DIR.glob("*.model3")):
        model = WorkflowModel()
        if not model.fromFile(str(path)):
            QgsMessageLog.logMessage(
                _tr("Cannot read the model {path}").format(path=path),
                "Battery Recycling Atlas",
                Qgis.Warning,
            )
            continue
        ok, errors = model.validate()
        if not ok:
            QgsMessageLog.logMessage(
                _tr("The model {path} is not valid: {errors}").format(
                    path=path, errors="; ".join(errors)
                ),
                "Battery Recycling Atlas",
                Qgis.Warning,
            )
            continue
        model.translate_texts()
        models.append(model)
    return models


def add_models(provider: QgsProcessingProvider) -> None:
    """Add the shipped models to ``provider`` from ``loadAlgorithms()``; when the provider is not
    registered yet, reload it once the registry has added it."""
    registry = QgsApplication.processingRegistry()
    provider_id = provider.id()
    if registry.providerById(provider_id) is None:

        def reload_when_added(added_id: str) -> None:
            if added_id != provider_id:
                return
            registry.providerAdded.disconnect(reload_when_added)
            if not sip.isdeleted(provider) and registry.providerById(provider_id) is provider:
                provider.refreshAlgorithms()

        registry.providerAdded.connect(reload_when_added)
        return
    for model in load_models():
        provider.addAlgorithm(model)
