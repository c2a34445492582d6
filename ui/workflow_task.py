"""The mismatch workflow as one background task: ratio → matching → capital compliance.

:class:`WorkflowTask` runs the three algorithms with ``processing.run(...,
is_child_algorithm=True)`` on a context it creates in its worker thread, writing GeoPackages and
HTML reports into one output folder (each GeoPackage stores its style as the default, so the
layers load styled). Back on the main thread, :meth:`WorkflowTask.finished` loads the layers
into a layer group and writes ``workflow_report.html``, the three reports on one page.
:func:`workflow_steps` builds the algorithm parameters, so a test can run the same algorithms
directly and compare.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingMultiStepFeedback,
    QgsProject,
    QgsTask,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QLocale

from .workflow_model import combine_reports

REPORT_NAME = "workflow_report.html"


@dataclass
class WorkflowSettings:
    """What the dialog collects: layers (objects or sources), field names, class settings."""

    provinces: Any
    cities: Any
    retirement_field: str
    capacity_field: str
    capital_field: str
    whitelist_field: str
    volume_field: str
    outlets_field: str
    province_name_field: str = ""
    city_name_field: str = ""
    classes: int = 3
    method: int = 0
    palette: int = 0
    thresholds: str = "0.2,0.8,1.0"
    label: str = ""


@dataclass
class Step:
    """One algorithm of the workflow: id, parameters, output file, report file, layer title."""

    key: str
    algorithm: str
    parameters: dict[str, Any]
    output: str
    report: str
    title: str
    results: dict[str, Any] = field(default_factory=dict)


def _tr(text: str) -> str:
    return QCoreApplication.translate("WorkflowTask", text)


def workflow_steps(s: WorkflowSettings, folder: str) -> list[Step]:
    """The three algorithm runs, writing ``<key>.gpkg`` and ``<key>.html`` into ``folder``."""
    out = Path(folder)
    suffix = f" {s.label}" if s.label else ""

    def paths(key: str) -> dict[str, str]:
        return {"OUTPUT": str(out / f"{key}.gpkg"), "REPORT": str(out / f"{key}.html")}

    ratio = {
        "INPUT": s.provinces,
        "RETIREMENT_FIELD": s.retirement_field,
        "CAPACITY_FIELD": s.capacity_field,
        "THRESHOLDS": s.thresholds,
        "NAME_FIELD": s.province_name_field,
        **paths("ratio"),
    }
    matching = {
        "INPUT": s.cities,
        "VOLUME_FIELD": s.volume_field,
        "OUTLETS_FIELD": s.outlets_field,
        "CLASSES": s.classes,
        "METHOD": s.method,
        "PALETTE": s.palette,
        "NAME_FIELD": s.city_name_field,
        **paths("matching"),
    }
    compliance = {
        "INPUT": s.provinces,
        "CAPITAL_FIELD": s.capital_field,
        "WHITELIST_FIELD": s.whitelist_field,
        "NAME_FIELD": s.province_name_field,
        **paths("compliance"),
    }
    return [
        Step(
            "ratio",
            "battery_recycling:retirement_capacity_ratio",
            ratio,
            ratio["OUTPUT"],
            ratio["REPORT"],
            _tr("Retirement-to-capacity ratio") + suffix,
        ),
        Step(
            "matching",
            "battery_recycling:natural_breaks_matching",
            matching,
            matching["OUTPUT"],
            matching["REPORT"],
            _tr("Volume–outlet matching") + suffix,
        ),
        Step(
            "compliance",
            "battery_recycling:capital_compliance",
            compliance,
            compliance["OUTPUT"],
            compliance["REPORT"],
            _tr("Capital vs compliance") + suffix,
        ),
    ]


class WorkflowTask(QgsTask):
    """Runs the steps in a worker thread; cancellable; loads layers and the report at the end.

    ``on_done(ok, message)`` is called on the main thread when the task ends. Set
    ``open_report`` to False to write the combined report without opening it (tests).
    """

    def __init__(
        self,
        settings: WorkflowSettings,
        folder: str,
        project: QgsProject | None = None,
        on_done: Callable[[bool, str], None] | None = None,
        open_report: bool = True,
    ) -> None:
        super().__init__(_tr("Battery Recycling Atlas: mismatch workflow"), QgsTask.CanCancel)
        self.settings = settings
        self.folder = folder
        self.project = project or QgsProject.instance()
        self.steps = workflow_steps(settings, folder)
        self.on_done = on_done
        self.open_report = open_report
        self.error = ""
        self.layers: list[QgsVectorLayer] = []
        self.report_path = str(Path(folder) / REPORT_NAME)
        self._feedback: QgsProcessingFeedback | None = None

    def cancel(self) -> None:
        """Stop the running algorithm too."""
        if self._feedback is not None:
            self._feedback.cancel()
        super().cancel()

    def run(self) -> bool:
        """Worker thread: run the three algorithms on a task-owned context."""
        from qgis import processing
        from qgis.core import QgsProcessingException

        Path(self.folder).mkdir(parents=True, exist_ok=True)
        context = QgsProcessingContext()
        context.setProject(self.project)
        self._feedback = QgsProcessingFeedback()
        self._feedback.progressChanged.connect(self.setProgress)
        steps = QgsProcessingMultiStepFeedback(len(self.steps), self._feedback)
        for i, step in enumerate(self.steps):
            if self.isCanceled():
                return False
            steps.setCurrentStep(i)
            try:
                step.results = processing.run(
                    step.algorithm,
                    step.parameters,
                    context=context,
                    feedback=steps,
                    is_child_algorithm=True,
                )
            except QgsProcessingException as err:
                self.error = _tr("{title}: {error}").format(title=step.title, error=err)
                return False
            if self.isCanceled() or not step.results:
                return False
        self.setProgress(100)
        return True

    def finished(self, result: bool) -> None:
        """Main thread: load the styled layers into a group and write/open the report."""
        if not result:
            message = self.error or _tr("The workflow was cancelled.")
            if self.on_done:
                self.on_done(False, message)
            return
        root = self.project.layerTreeRoot()
        group_name = _tr("Spatial mismatch") + (
            f" {self.settings.label}" if self.settings.label else ""
        )
        group = root.insertGroup(0, group_name)
        for step in self.steps:
            layer = QgsVectorLayer(step.output, step.title, "ogr")
            if layer.isValid():
                self.project.addMapLayer(layer, False)
                group.addLayer(layer)
                self.layers.append(layer)
        self.write_report()
        if self.open_report:
            from qgis.PyQt.QtCore import QUrl
            from qgis.PyQt.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl.fromLocalFile(self.report_path))
        if self.on_done:
            self.on_done(
                True,
                _tr("{n} layers loaded; report: {path}").format(
                    n=len(self.layers), path=self.report_path
                ),
            )

    def write_report(self) -> str:
        """Concatenate the three HTML reports' bodies into ``workflow_report.html``."""
        parts = [
            (step.key, step.title, Path(step.report).read_text(encoding="utf-8"))
            for step in self.steps
            if Path(step.report).exists()
        ]
        lang = "zh-CN" if QLocale().name().startswith("zh") else "en"
        html = combine_reports(
            _tr("Spatial mismatch workflow")
            + (f" {self.settings.label}" if self.settings.label else ""),
            parts,
            _tr(
                "Retirement-to-capacity ratio of the provinces, natural-breaks matching "
                "of retired volume against outlets in the cities, and registered capital "
                "against whitelist firms."
            ),
            lang=lang,
        )
        Path(self.report_path).write_text(html, encoding="utf-8")
        return self.report_path
