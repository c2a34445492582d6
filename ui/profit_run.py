"""“Apply to layer” of the economics explorer: ``plant_profit`` as a background task.

The explorer's parameters are written to a temporary preset JSON (the same format the
algorithms read) and passed as PARAMETERS_FILE; the algorithm runs in a
:class:`QgsProcessingAlgRunnerTask` and its output is styled like the Processing result and added
to the project. :func:`plant_profit_parameters` is the one place that builds the parameters, so
a test can run the algorithm directly with them and compare.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QObject, pyqtSignal

from ..core.economics.model import EconomicParams
from ..core.economics.presets import save_preset

ALGORITHM_ID = "battery_recycling:plant_profit"


def write_temporary_preset(params: EconomicParams, folder: str | None = None) -> str:
    """Save ``params`` as a preset JSON in a fresh temporary folder; returns its path."""
    target = Path(tempfile.mkdtemp(prefix="bra_explorer_", dir=folder)) / "explorer_preset.json"
    save_preset(params, target, description="Economics explorer (Battery Recycling Atlas)")
    return str(target)


def plant_profit_parameters(
    layer: Any,
    capacity_field: str,
    throughput_field: str,
    utilization: float | None,
    preset_path: str,
    output: str = "TEMPORARY_OUTPUT",
) -> dict[str, Any]:
    """The ``plant_profit`` parameters of an explorer run: a throughput field, or (when it is
    empty) one utilisation (0–1) for every plant, and the preset file."""
    params: dict[str, Any] = {
        "INPUT": layer,
        "CAPACITY_FIELD": capacity_field,
        "PARAMETERS_FILE": preset_path,
        "OUTPUT": output,
    }
    if throughput_field:
        params["THROUGHPUT_FIELD"] = throughput_field
    else:
        params["UTILIZATION"] = float(utilization if utilization is not None else 1.0)
    return params


class ProfitRun(QObject):
    """One background run of ``plant_profit``; emits ``done(ok, message)`` on the main thread.

    Keeps the context and feedback alive for the task's lifetime; after success ``layer`` is the
    styled result, added to ``project``.
    """

    done = pyqtSignal(bool, str)
    progress = pyqtSignal(float)

    def __init__(
        self,
        parameters: dict[str, Any],
        project: QgsProject | None = None,
        title: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.project = project or QgsProject.instance()
        self.parameters = parameters
        self.title = title or self.tr("Plant profit (explorer)")
        self.context = QgsProcessingContext()
        self.context.setProject(self.project)
        self.feedback = QgsProcessingFeedback()
        self.layer: QgsVectorLayer | None = None
        self.results: dict[str, Any] = {}
        alg = QgsApplication.processingRegistry().createAlgorithmById(ALGORITHM_ID)
        if alg is None:
            raise RuntimeError(self.tr("The Battery Recycling Atlas provider is not loaded."))
        self.task = QgsProcessingAlgRunnerTask(alg, parameters, self.context, self.feedback)
        self.task.executed.connect(self._executed)
        self.task.progressChanged.connect(self.progress.emit)

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("ProfitRun", text)

    def start(self) -> None:
        """Hand the task to QGIS's task manager (it runs in a worker thread)."""
        QgsApplication.taskManager().addTask(self.task)

    def cancel(self) -> None:
        """Ask the running algorithm to stop."""
        self.feedback.cancel()

    def _executed(self, ok: bool, results: dict) -> None:
        if not ok:
            message = (
                self.tr("Cancelled.")
                if self.feedback.isCanceled()
                else self.tr("plant_profit failed; see the log messages (Processing).")
            )
            self.done.emit(False, message)
            return
        self.results = dict(results)
        layer = self.context.takeResultLayer(results["OUTPUT"])
        if layer is None:
            layer = QgsVectorLayer(str(results["OUTPUT"]), self.title, "ogr")
        layer.setName(self.title)
        from ..processing.algorithms.plant_profit import STYLE
        from ..processing.styling.postprocess import qml_styler

        qml_styler(STYLE)(layer)
        self.project.addMapLayer(layer)
        self.layer = layer
        self.done.emit(
            True,
            self.tr("Added “{name}” ({n} plants).").format(
                name=layer.name(), n=layer.featureCount()
            ),
        )
