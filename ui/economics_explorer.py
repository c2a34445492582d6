"""The economics explorer dock: edit the DLCER-Battery parameters and watch the plant economics.

Parameters (:class:`ParameterPanel`) and a “current plant” (capacity and throughput, t/yr) feed
:func:`ui.explorer_model.chart_data`; the four charts (:class:`ExplorerCharts`) are redrawn
100 ms after the last change (a single-shot timer), so typing stays responsive. Presets are the
JSON files the algorithms read. “Apply to layer” runs ``plant_profit`` on a point layer with
these parameters in the background (:class:`ProfitRun`).
"""

from __future__ import annotations

from qgis.core import (
    QgsFieldProxyModel,
    QgsMapLayer,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsSettings,
)
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTimer
from qgis.PyQt.QtGui import QResizeEvent
from qgis.PyQt.QtWidgets import (
    QDockWidget,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..core.economics.model import DEFAULT_PARAMS, EconomicParams, ParameterError
from ..core.economics.presets import PresetError, load_preset, save_preset
from .explorer_charts import ExplorerCharts
from .explorer_model import ChartData, chart_data
from .parameter_panel import ParameterPanel
from .profit_run import ProfitRun, plant_profit_parameters, write_temporary_preset

DEBOUNCE_MS = 100
SETTINGS_DIR = "battery_recycling_atlas/explorer/preset_dir"


class EconomicsExplorerDock(QDockWidget):
    """Dock widget of the economics explorer (object name ``BatteryRecyclingAtlasExplorer``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BatteryRecyclingAtlasExplorer")
        self.setWindowTitle(self.tr("Economics explorer · 经济性探索"))
        self.params: EconomicParams = DEFAULT_PARAMS
        self.data: ChartData | None = None
        self.run: ProfitRun | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.redraw)

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addLayout(self._preset_row())
        layout.addLayout(self._plant_row())
        self.panel = ParameterPanel()
        self.panel.setMinimumSize(300, 180)
        self.panel.changed.connect(self.schedule)
        self.charts = ExplorerCharts()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.panel)
        self.splitter.addWidget(self.charts)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 800])
        layout.addWidget(self.splitter, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        layout.addWidget(self._apply_box())
        self.setWidget(body)
        self.redraw()

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("EconomicsExplorerDock", text)

    # -- layout --------------------------------------------------------------------------------

    def _preset_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.preset_label = QLabel(self.tr("Preset: sourced defaults"))
        row.addWidget(self.preset_label, 1)
        for text, tip, slot in (
            (
                self.tr("Load preset…"),
                self.tr("Read a preset JSON (the algorithms' format)"),
                self.load_preset_dialog,
            ),
            (
                self.tr("Save preset…"),
                self.tr("Write these parameters as a preset JSON"),
                self.save_preset_dialog,
            ),
            (self.tr("Defaults"), self.tr("Back to the sourced defaults"), self.reset),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            row.addWidget(button)
        return row

    def _plant_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.capacity = self._tonnes_spin(
            50_000.0, self.tr("Capacity of the current plant (t/yr; 10,000 t = 1 万吨)")
        )
        self.capacity.setMinimum(1.0)
        self.throughput = self._tonnes_spin(
            20_000.0, self.tr("Throughput of the current plant (t/yr, at most the capacity)")
        )
        self.throughput.setMaximum(self.capacity.value())
        self.capacity.valueChanged.connect(self._capacity_changed)
        row.addWidget(QLabel(self.tr("Current plant: capacity")))
        row.addWidget(self.capacity)
        row.addWidget(QLabel(self.tr("throughput")))
        row.addWidget(self.throughput)
        self.plant_info = QLabel()
        row.addWidget(self.plant_info, 1)
        return row

    def _tonnes_spin(self, value: float, tip: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setDecimals(0)
        spin.setRange(0.0, 1e8)
        spin.setSingleStep(1_000.0)
        spin.setGroupSeparatorShown(True)
        spin.setKeyboardTracking(False)
        spin.setSuffix(" " + self.tr("t/yr"))
        spin.setValue(value)
        spin.setToolTip(tip)
        spin.valueChanged.connect(self.schedule)
        return spin

    def _apply_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Apply to layer (plant_profit)"))
        form = QFormLayout(box)
        self.layer_combo = QgsMapLayerComboBox()
        self.layer_combo.setFilters(QgsMapLayerProxyModel.PointLayer)
        self.cap_field = QgsFieldComboBox()
        self.cap_field.setFilters(QgsFieldProxyModel.Numeric)
        self.thr_field = QgsFieldComboBox()
        self.thr_field.setFilters(QgsFieldProxyModel.Numeric)
        self.thr_field.setAllowEmptyFieldName(True)
        self.thr_field.setToolTip(
            self.tr("Empty: every plant runs at the current plant's utilisation")
        )
        self.layer_combo.layerChanged.connect(self._layer_changed)
        form.addRow(self.tr("Plants (points)"), self.layer_combo)
        form.addRow(self.tr("Capacity field (t/yr)"), self.cap_field)
        form.addRow(self.tr("Throughput field (t/yr)"), self.thr_field)
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.apply_button = QPushButton(self.tr("Apply to layer"))
        self.apply_button.setToolTip(
            self.tr("Run plant_profit on the layer with these parameters, in the background")
        )
        self.apply_button.clicked.connect(self.apply_to_layer)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_run)
        row.addWidget(self.progress, 1)
        row.addWidget(self.apply_button)
        row.addWidget(self.cancel_button)
        form.addRow(row)
        self._layer_changed(self.layer_combo.currentLayer())
        return box

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Charts beside the parameters when the dock is wide, below them when it is tall."""
        super().resizeEvent(event)
        wide = self.width() >= 1.1 * self.height()
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if orientation != self.splitter.orientation():
            self.splitter.setOrientation(orientation)
            total = self.width() if wide else self.splitter.height()
            first = 520 if wide else max(240, int(0.4 * total))
            self.splitter.setSizes([first, max(total - first, 200)])

    # -- parameters and charts -----------------------------------------------------------------

    def schedule(self, *_args: object) -> None:
        """Redraw :data:`DEBOUNCE_MS` after the last change."""
        self.timer.start()

    def _capacity_changed(self, value: float) -> None:
        self.throughput.setMaximum(value)

    def current_params(self) -> EconomicParams:
        """The edited values as a core parameter object (``ParameterError`` when invalid)."""
        return self.panel.params()

    def redraw(self) -> None:
        """Validate the parameters, recompute the chart data and redraw (now)."""
        self.timer.stop()
        try:
            params = self.current_params()
            data = chart_data(params, self.capacity.value(), self.throughput.value())
        except (ParameterError, ValueError) as err:
            self.status.setText(
                "<span style='color:#b2182b'>"
                + self.tr("Not redrawn: {error}").format(error=err)
                + "</span>"
            )
            return
        self.params, self.data = params, data
        self.charts.draw(data)
        self._summarise(data)

    def _summarise(self, data: ChartData) -> None:
        stage = {
            "initial": self.tr("initial stage"),
            "expansion": self.tr("expansion stage"),
            "mature": self.tr("mature stage"),
        }.get(str(data.stage), "")
        util = data.current["utilization"] or 0.0
        self.plant_info.setText(
            self.tr("utilisation {u:.0%}, Q = {q:.2f} (10 kt/yr), {stage}").format(
                u=util, q=data.throughput_q, stage=stage
            )
        )
        row = data.current
        be = (
            self.tr("break-even at {t:,.0f} t/yr").format(t=data.breakeven_q * 1e4)
            if data.breakeven_q == data.breakeven_q
            else self.tr("no break-even within capacity")
        )
        route = self.tr("cascade use") if row["route"] == "cascade" else self.tr("recycling")
        self.status.setText(
            self.tr(
                "Profit {p:,.0f} CNY/yr · margin {m} · unit cost {c:,.0f} CNY/t · {be} · better "
                "route: {route} (break-even spread {s:.2f} CNY/kWh)"
            ).format(
                p=row["profit"] or 0.0,
                m="—" if row["margin"] is None else f"{row['margin']:.1%}",
                c=row["unit_cost"] or 0.0,
                be=be,
                route=route,
                s=data.breakeven_spread,
            )
        )

    def set_params(self, params: EconomicParams) -> None:
        """Show ``params`` and redraw."""
        self.panel.set_params(params)
        self.redraw()

    def reset(self) -> None:
        """Back to the sourced defaults."""
        self.preset_label.setText(self.tr("Preset: sourced defaults"))
        self.set_params(DEFAULT_PARAMS)

    # -- presets -------------------------------------------------------------------------------

    def load_preset_dialog(self) -> None:
        """Ask for a preset JSON and load it."""
        settings = QgsSettings()
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Load economics preset"),
            settings.value(SETTINGS_DIR, ""),
            self.tr("Economics presets (*.json)"),
        )
        if path:
            settings.setValue(SETTINGS_DIR, path.rsplit("/", 1)[0])
            self.load_preset_file(path)

    def load_preset_file(self, path: str) -> bool:
        """Load a preset JSON; a message box names the key at fault when it is invalid."""
        try:
            params = load_preset(path)
        except PresetError as err:
            QMessageBox.warning(
                self,
                self.tr("Economics preset"),
                self.tr("The preset cannot be used: “{key}”: {reason}").format(
                    key=err.name, reason=err.reason
                ),
            )
            return False
        self.preset_label.setText(self.tr("Preset: {name}").format(name=path.rsplit("/", 1)[-1]))
        self.set_params(params)
        return True

    def save_preset_dialog(self) -> None:
        """Ask for a file name and save the current parameters as a preset JSON."""
        try:
            params = self.current_params()
        except ParameterError as err:
            QMessageBox.warning(self, self.tr("Economics preset"), str(err))
            return
        settings = QgsSettings()
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save economics preset"),
            settings.value(SETTINGS_DIR, ""),
            self.tr("Economics presets (*.json)"),
        )
        if path:
            if not path.lower().endswith(".json"):
                path += ".json"
            settings.setValue(SETTINGS_DIR, path.rsplit("/", 1)[0])
            save_preset(params, path, description=self.tr("Saved from the economics explorer"))
            self.preset_label.setText(
                self.tr("Preset: {name}").format(name=path.rsplit("/", 1)[-1])
            )

    # -- apply to layer ------------------------------------------------------------------------

    def _layer_changed(self, layer: QgsMapLayer | None) -> None:
        self.cap_field.setLayer(layer)
        self.thr_field.setLayer(layer)
        if layer is None:
            return
        from .workflow_model import guess_field

        names = [f.name() for f in layer.fields() if f.isNumeric()]
        self.cap_field.setField(guess_field(names, "capacity"))
        self.thr_field.setField(guess_field(names, "throughput"))

    def profit_run(self, project: QgsProject | None = None) -> ProfitRun | None:
        """A :class:`ProfitRun` for the chosen layer and fields (not started), or None with a
        message when the inputs are incomplete."""
        layer = self.layer_combo.currentLayer()
        if layer is None or not self.cap_field.currentField():
            self.status.setText(self.tr("Choose a point layer and its capacity field first."))
            return None
        try:
            params = self.current_params()
        except ParameterError as err:
            self.status.setText(str(err))
            return None
        capacity = self.capacity.value()
        util = self.throughput.value() / capacity if capacity > 0 else 1.0
        parameters = plant_profit_parameters(
            layer,
            self.cap_field.currentField(),
            self.thr_field.currentField(),
            util,
            write_temporary_preset(params),
        )
        title = self.tr("Plant profit (explorer) — {layer}").format(layer=layer.name())
        return ProfitRun(parameters, project, title, parent=self)

    def apply_to_layer(self) -> None:
        """Start the background run."""
        run = self.profit_run()
        if run is None:
            return
        self.run = run
        run.progress.connect(lambda p: self.progress.setValue(int(p)))
        run.done.connect(self._run_done)
        self.apply_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.status.setText(self.tr("Running plant_profit…"))
        run.start()

    def cancel_run(self) -> None:
        """Cancel the background run."""
        if self.run is not None:
            self.run.cancel()

    def _run_done(self, ok: bool, message: str) -> None:
        self.apply_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setValue(100 if ok else 0)
        self.status.setText(message)
