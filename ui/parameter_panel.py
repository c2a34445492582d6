"""The explorer's parameter editor: one page per term (Rm … Ce) plus scale, plant and feedstock,
chosen from a list on the left.

Each parameter is a spin box bounded by its physical bounds (:data:`PARAMETER_SPECS`), with its
unit as suffix and a tooltip giving its source and uncertainty range from the parameter table.
The panel keeps the exact values (a preset's value is not rounded to the shown decimals unless
the user edits it) and emits :attr:`ParameterPanel.changed` when the user edits one.
"""

from __future__ import annotations

from collections.abc import Mapping

from qgis.PyQt.QtCore import QCoreApplication, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from ..core.economics.model import DEFAULT_PARAMS, PARAMETER_SPECS, EconomicParams
from ..core.economics.presets import ParameterTable, TableError, load_parameter_table
from ..reports.html import esc
from .explorer_model import group_names, spin_settings


def _param_tr(text: str) -> str:
    """Translate a parameter label or unit from ``core`` (context ``EconomicsParameters``)."""
    return QCoreApplication.translate("EconomicsParameters", text)


class ParameterPanel(QWidget):
    """Pages of spin boxes for every economics parameter (``groups`` lists the pages, ``stack``
    holds them); ``changed(name)`` on each user edit."""

    changed = pyqtSignal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: dict[str, float] = dict(DEFAULT_PARAMS.values())
        self.widgets: dict[str, QWidget] = {}
        try:
            table: ParameterTable | None = load_parameter_table()
        except TableError:
            table = None
        self.groups = QListWidget(self)
        self.stack = QStackedWidget(self)
        titles, tips = self.group_titles(), self.group_tooltips()
        for group, names in group_names().items():
            self.stack.addWidget(self._group_page(names, table))
            self.groups.addItem(titles[group])
            self.groups.item(self.groups.count() - 1).setToolTip(tips[group])
        self.groups.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.groups.setCurrentRow(0)
        self.groups.setFixedWidth(self.groups.sizeHintForColumn(0) + 12)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.groups)
        layout.addWidget(self.stack, 1)

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("ParameterPanel", text)

    def group_titles(self) -> dict[str, str]:
        """Short page titles by group key."""
        return {
            "rm": self.tr("Rm materials"),
            "rt": self.tr("Rt cascade"),
            "sg": self.tr("Sg support"),
            "ec": self.tr("Ec carbon"),
            "cp": self.tr("Cp collection"),
            "cd": self.tr("Cd dismantling"),
            "cr": self.tr("Cr regeneration"),
            "ce": self.tr("Ce treatment"),
            "scale": self.tr("Scale"),
            "plant": self.tr("Plant"),
            "feedstock": self.tr("Feedstock"),
        }

    def group_tooltips(self) -> dict[str, str]:
        """What each page holds."""
        return {
            "rm": self.tr("Revenue: recovered materials (prices, contents, recovery rates)"),
            "rt": self.tr("Revenue: cascade (second-life) use of packs fit for it"),
            "sg": self.tr("Revenue: government support per tonne processed"),
            "ec": self.tr("Revenue: environmental benefit (carbon price × avoided emissions)"),
            "cp": self.tr("Cost: collection network and hazardous-goods logistics"),
            "cd": self.tr("Cost: discharging, dismantling, testing and sorting"),
            "cr": self.tr("Cost: regeneration (hydrometallurgy reagents and energy)"),
            "ce": self.tr("Cost: environmental treatment"),
            "scale": self.tr("S-shaped scale curve of the variable unit costs"),
            "plant": self.tr("Annual fixed cost of the plant and its split by term"),
            "feedstock": self.tr("Chemistry mix and purchase price of retired packs"),
        }

    def _group_page(self, names: list[str], table: ParameterTable | None) -> QWidget:
        inner = QWidget()
        form = QFormLayout(inner)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # In a narrow dock the field goes under its label: a word-wrapped label beside a
        # 150 px spin box was squeezed to zero width (Chinese labels wrap anywhere).
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for name in names:
            spec = PARAMETER_SPECS[name]
            tip = self.tooltip(name, table)
            if spec.kind == "bool":
                widget: QWidget = QCheckBox()
                widget.setChecked(bool(self._values[name]))
                widget.toggled.connect(lambda on, n=name: self._edited(n, 1.0 if on else 0.0))
            else:
                widget = self._spin(name)
            widget.setToolTip(tip)
            widget.setObjectName(name)
            label = QLabel(_param_tr(spec.label))
            label.setToolTip(tip)
            label.setWordWrap(True)
            form.addRow(label, widget)
            self.widgets[name] = widget
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        return scroll

    def _spin(self, name: str) -> QDoubleSpinBox:
        spec = PARAMETER_SPECS[name]
        settings = spin_settings(spec, DEFAULT_PARAMS.values()[name])
        spin = QDoubleSpinBox()
        spin.setDecimals(settings.decimals)
        spin.setRange(settings.minimum, settings.maximum)
        spin.setSingleStep(settings.step)
        spin.setGroupSeparatorShown(True)
        spin.setKeyboardTracking(False)
        spin.setSuffix(" " + _param_tr(spec.unit) if spec.unit not in ("1", "fraction") else "")
        spin.setMinimumWidth(150)
        spin.setValue(self._values[name])
        spin.valueChanged.connect(lambda value, n=name: self._edited(n, value))
        return spin

    def tooltip(self, name: str, table: ParameterTable | None) -> str:
        """Rich-text tooltip: label, name and unit, physical bounds, source and table range."""
        spec = PARAMETER_SPECS[name]
        lines = [
            f"<b>{esc(_param_tr(spec.label))}</b>",
            f"<code>{esc(name)}</code> · {esc(_param_tr(spec.unit))}",
            esc(self.tr("Physical bounds: {bounds}").format(bounds=spec.bounds_text)),
        ]
        row = table.get(name) if table is not None else None
        if row is not None:
            lines.append(
                esc(
                    self.tr("Range: {low:,.6g} – {high:,.6g} ({dist})").format(
                        low=row.low, high=row.high, dist=row.distribution
                    )
                )
            )
            lines.append(esc(self.tr("Source: {source}").format(source=row.source)))
        return "<p style='white-space:normal; max-width:420px'>" + "<br>".join(lines) + "</p>"

    # -- values ------------------------------------------------------------------------------

    def _edited(self, name: str, value: float) -> None:
        self._values[name] = float(value)
        self.changed.emit(name)

    def values(self) -> dict[str, float]:
        """The flat values ``{group.field: float}`` as edited."""
        return dict(self._values)

    def params(self) -> EconomicParams:
        """The values as a validated core parameter object (raises ``ParameterError``)."""
        return DEFAULT_PARAMS.with_values(self._values)

    def set_params(self, params: EconomicParams) -> None:
        """Show ``params`` (no ``changed`` signal)."""
        self.set_values(params.values())

    def set_values(self, values: Mapping[str, float]) -> None:
        """Show flat values exactly (no ``changed`` signal)."""
        for name, value in values.items():
            self._values[name] = float(value)
            widget = self.widgets[name]
            widget.blockSignals(True)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            else:
                widget.setValue(float(value))
            widget.blockSignals(False)

    def set_value(self, name: str, value: float) -> None:
        """Set one value as if the user typed it (emits ``changed``)."""
        widget = self.widgets[name]
        if isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        else:
            widget.setValue(float(value))
