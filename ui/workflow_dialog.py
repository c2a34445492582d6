"""The mismatch workflow dialog: two layers to three styled maps and one report, in one click.

Choose the province and city layers; their fields are pre-selected by recognising common Chinese
and English names (:func:`ui.workflow_model.guess_field`), and a year found in the field names
re-selects the fields of that year. One button runs ``retirement_capacity_ratio``,
``natural_breaks_matching`` and ``capital_compliance`` as a background task
(:class:`WorkflowTask`), with progress and cancel; the dialog stays responsive.
"""

from __future__ import annotations

import time

from qgis.core import (
    QgsApplication,
    QgsFieldProxyModel,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsSettings,
    QgsWkbTypes,
)
from qgis.gui import QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QCoreApplication, QStandardPaths, Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.regions.field_names import guess_name_field, layer_score
from .workflow_model import field_years, guess_field
from .workflow_task import WorkflowSettings, WorkflowTask

PROVINCE_FIELDS = ("retirement", "capacity", "capital", "whitelist")
CITY_FIELDS = ("volume", "outlets")
#: QgsSettings key of the last output folder.
OUTPUT_DIR_KEY = "battery_recycling_atlas/workflow/output_dir"


def default_output_dir() -> str:
    """The last output folder used, else the user's documents folder (never a temporary one,
    which QGIS deletes on exit)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return str(QgsSettings().value(OUTPUT_DIR_KEY, documents) or documents)


class WorkflowDialog(QDialog):
    """Layers, fields, year and class settings; Run starts :class:`WorkflowTask`."""

    def __init__(self, parent: QWidget | None = None, project: QgsProject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BatteryRecyclingAtlasWorkflow")
        self.setWindowTitle(self.tr("Spatial mismatch workflow · 空间错配分析流程"))
        self.project = project or QgsProject.instance()
        self.task: WorkflowTask | None = None
        self.fields: dict[str, QgsFieldComboBox] = {}
        self.field_labels = {
            "retirement": self.tr("Retirement (t/yr)"),
            "capacity": self.tr("Capacity (t/yr)"),
            "capital": self.tr("Registered capital (CNY)"),
            "whitelist": self.tr("Whitelist firms"),
            "volume": self.tr("Retired volume (t/yr)"),
            "outlets": self.tr("Outlets (count)"),
        }
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Runs the retirement-to-capacity ratio and capital vs compliance on the provinces "
                "and the natural-breaks matching on the cities, loads the three styled layers into "
                "a group and opens one combined report."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.addWidget(self._province_box(), 0, 0)
        grid.addWidget(self._city_box(), 0, 1)
        grid.addWidget(self._class_box(), 1, 0, 1, 2)
        layout.addLayout(grid)
        layout.addWidget(self._progress_row())
        self.buttons = QDialogButtonBox()
        self.run_button = QPushButton(self.tr("Run workflow"))
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel run"))
        self.cancel_button.setEnabled(False)
        self.buttons.addButton(self.run_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._pick_default_layers()

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("WorkflowDialog", text)

    # -- layout --------------------------------------------------------------------------------

    def _layer_combo(self) -> QgsMapLayerComboBox:
        combo = QgsMapLayerComboBox()
        combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        return combo

    def _field(
        self, key: str, combo: QgsMapLayerComboBox, numeric: bool = True, optional: bool = False
    ) -> QgsFieldComboBox:
        box = QgsFieldComboBox()
        if numeric:
            box.setFilters(QgsFieldProxyModel.Numeric)
        box.setAllowEmptyFieldName(optional)
        box.setObjectName(f"field_{key}")
        box.setMinimumWidth(170)
        box.setLayer(combo.currentLayer())
        combo.layerChanged.connect(box.setLayer)
        self.fields[key] = box
        return box

    def _province_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Provinces"))
        form = QFormLayout(box)
        self.province_layer = self._layer_combo()
        form.addRow(self.tr("Layer"), self.province_layer)
        for key in PROVINCE_FIELDS:
            form.addRow(self.field_labels[key], self._field(key, self.province_layer))
        form.addRow(
            self.tr("Names"),
            self._field("province_name", self.province_layer, numeric=False, optional=True),
        )
        self.province_layer.layerChanged.connect(self._layers_changed)
        return box

    def _city_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Cities"))
        form = QFormLayout(box)
        self.city_layer = self._layer_combo()
        form.addRow(self.tr("Layer"), self.city_layer)
        for key in CITY_FIELDS:
            form.addRow(self.field_labels[key], self._field(key, self.city_layer))
        form.addRow(
            self.tr("Names"),
            self._field("city_name", self.city_layer, numeric=False, optional=True),
        )
        self.city_layer.layerChanged.connect(self._layers_changed)
        return box

    def _class_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Year, classes and output"))
        form = QFormLayout(box)
        self.year = QComboBox()
        self.year.setToolTip(
            self.tr(
                "Years found in the field names; choosing one re-selects " "the fields of that year"
            )
        )
        self.year.currentTextChanged.connect(self._guess_fields)
        form.addRow(self.tr("Year"), self.year)
        registry = QgsApplication.processingRegistry()
        matching = registry.algorithmById("battery_recycling:natural_breaks_matching")
        ratio = registry.algorithmById("battery_recycling:retirement_capacity_ratio")
        self.classes = QSpinBox()
        self.classes.setRange(2, 5)
        self.classes.setValue(3)
        self.method = QComboBox()
        self.palette = QComboBox()
        if matching is not None:
            self.method.addItems(matching.parameterDefinition("METHOD").options())
            palette = matching.parameterDefinition("PALETTE")
            self.palette.addItems(palette.options())
            self.palette.setCurrentIndex(int(palette.defaultValue() or 0))  # colour-blind safe
        self.thresholds = QLineEdit(
            str(ratio.parameterDefinition("THRESHOLDS").defaultValue()) if ratio else "0.2,0.8,1.0"
        )
        self.thresholds.setToolTip(
            self.tr(
                "Three increasing ratios (retirement ÷ capacity) that bound the four ratio classes"
            )
        )
        self.output_dir = QgsFileWidget()
        self.output_dir.setStorageMode(QgsFileWidget.GetDirectory)
        self.output_dir.setFilePath(default_output_dir())
        self.output_dir.setToolTip(
            self.tr(
                "A new sub-folder workflow_<date>_<time> is created here for the layers and reports"
            )
        )
        form.addRow(self.tr("Classes per variable (matching)"), self.classes)
        form.addRow(self.tr("Classification method"), self.method)
        form.addRow(self.tr("Bivariate palette"), self.palette)
        form.addRow(self.tr("Ratio class thresholds"), self.thresholds)
        form.addRow(self.tr("Output folder"), self.output_dir)
        return box

    def _progress_row(self) -> QWidget:
        row = QWidget()
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        return row

    # -- fields --------------------------------------------------------------------------------

    def _pick_default_layers(self) -> None:
        """Province and city layers guessed from the layer names, then the fields."""
        layers = [
            layer
            for layer in self.project.mapLayers().values()
            if layer.type() == layer.VectorLayer
        ]
        for combo, words, kinds in (
            (self.province_layer, ("province", "省"), PROVINCE_FIELDS),
            (self.city_layer, ("cit", "prefecture", "市", "地级"), CITY_FIELDS),
        ):
            match = next(
                (layer for layer in layers if any(w in layer.name().lower() for w in words)), None
            )
            if match is None:  # else the polygon layer whose fields fit best
                scored = [
                    (layer_score([f.name() for f in layer.fields()], kinds), layer)
                    for layer in layers
                    if layer.geometryType() == QgsWkbTypes.PolygonGeometry
                ]
                best = max(scored, key=lambda pair: pair[0], default=(0, None))
                match = best[1] if best[0] else None
            if match is not None:
                combo.setLayer(match)
        self._layers_changed()

    def _numeric_names(self, combo: QgsMapLayerComboBox) -> list[str]:
        layer = combo.currentLayer()
        return [f.name() for f in layer.fields() if f.isNumeric()] if layer else []

    def _layers_changed(self, *_args: object) -> None:
        names = self._numeric_names(self.province_layer) + self._numeric_names(self.city_layer)
        years = field_years(names)
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItems(years)
        self.year.blockSignals(False)
        self._guess_fields()

    def _guess_fields(self, *_args: object) -> None:
        year = self.year.currentText() or None
        lacking = []
        for combo, keys in ((self.province_layer, PROVINCE_FIELDS), (self.city_layer, CITY_FIELDS)):
            names = self._numeric_names(combo)
            unmatched = []
            for key in keys:
                guess = guess_field(names, key, year)
                self.fields[key].setField(guess)
                if not guess and guess_field(names, key):
                    unmatched.append(self.field_labels[key])  # only other years' fields
            if unmatched and combo.currentLayer() is not None:
                lacking.append(
                    self.tr("The layer “{layer}” has no {year} field for: {fields}.").format(
                        layer=combo.currentLayer().name(), year=year, fields=", ".join(unmatched)
                    )
                )
        for combo, key in ((self.province_layer, "province_name"), (self.city_layer, "city_name")):
            layer = combo.currentLayer()
            self.fields[key].setField(
                guess_name_field([f.name() for f in layer.fields()] if layer else [])
            )
        self.status.setText(
            " ".join(lacking + [self.tr("Choose those fields, or another year.")])
            if lacking
            else ""
        )

    # -- running -------------------------------------------------------------------------------

    def settings(self) -> WorkflowSettings | None:
        """The chosen settings, or None (with a message) when something is missing."""
        missing = [
            key for key in PROVINCE_FIELDS + CITY_FIELDS if not self.fields[key].currentField()
        ]
        if self.province_layer.currentLayer() is None or self.city_layer.currentLayer() is None:
            self.status.setText(self.tr("Choose a province layer and a city layer."))
            return None
        if missing:
            self.status.setText(
                self.tr("Choose the fields: {fields}").format(
                    fields=", ".join(self.field_labels[key] for key in missing)
                )
            )
            return None
        f = {key: box.currentField() for key, box in self.fields.items()}
        return WorkflowSettings(
            provinces=self.province_layer.currentLayer(),
            cities=self.city_layer.currentLayer(),
            retirement_field=f["retirement"],
            capacity_field=f["capacity"],
            capital_field=f["capital"],
            whitelist_field=f["whitelist"],
            volume_field=f["volume"],
            outlets_field=f["outlets"],
            province_name_field=f["province_name"],
            city_name_field=f["city_name"],
            classes=self.classes.value(),
            method=max(self.method.currentIndex(), 0),
            palette=max(self.palette.currentIndex(), 0),
            thresholds=self.thresholds.text(),
            label=self.year.currentText(),
        )

    def make_task(self, open_report: bool = True) -> WorkflowTask | None:
        """A :class:`WorkflowTask` for the current settings (not started), or None."""
        settings = self.settings()
        if settings is None:
            return None
        base = self.output_dir.filePath() or default_output_dir()
        QgsSettings().setValue(OUTPUT_DIR_KEY, base)
        folder = f"{base}/workflow_{time.strftime('%Y%m%d_%H%M%S')}"
        return WorkflowTask(settings, folder, self.project, self._done, open_report)

    def start(self) -> None:
        """Start the workflow in the background."""
        task = self.make_task()
        if task is None:
            return
        self.task = task
        task.progressChanged.connect(lambda p: self.progress.setValue(int(p)))
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.status.setText(self.tr("Running: ratio → matching → capital compliance…"))
        QgsApplication.taskManager().addTask(task)

    def cancel(self) -> None:
        """Cancel the running workflow."""
        if self.task is not None:
            self.task.cancel()

    def _done(self, ok: bool, message: str) -> None:
        self.task = None
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setValue(100 if ok else 0)
        self.status.setText(message)
