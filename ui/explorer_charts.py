"""The explorer's four live charts, drawn with matplotlib's Qt canvas from :class:`ChartData`.

Drawing only: every number comes from :func:`ui.explorer_model.chart_data`. Axes in Q (10 kt/yr,
万吨), money in 100 M CNY/yr (亿元) or CNY/t, spreads in CNY/kWh; the stage bands and term
colours are the reports' (:mod:`reports.economics_common`).
"""

from __future__ import annotations

from typing import Any

import matplotlib
import numpy as np
from matplotlib.backends.backend_qt5agg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from ..core.economics.model import COST_TERMS, REVENUE_TERMS
from ..processing.io.layers import report_tr
from ..reports.economics_common import TERM_COLORS, YI, draw_stage_bands, plain
from ..reports.html import chart_rc
from .explorer_model import ChartData

CURRENT = "#b2182b"
FULL_USE = "#2166ac"


class ExplorerCharts(QWidget):
    """A 2 × 2 grid: profit and unit cost over throughput, terms, cascade or recycle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rc = chart_rc()
        with matplotlib.rc_context(self._rc):
            # Constrained layout re-lays the axes out whenever the canvas is resized.
            self.figure = Figure(figsize=(8.0, 6.0), dpi=90, layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumSize(360, 280)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.draw_count = 0

    def tr(self, text: str) -> str:
        """Translate in this class's context; the strings shared with the plant-profit report
        (the stage names drawn by ``core``) fall back to the reports' context."""
        for context in ("ExplorerCharts", "Report"):
            translated = str(QCoreApplication.translate(context, text))
            if translated != text:
                return translated
        return text

    def draw(self, data: ChartData) -> None:
        """Redraw all four charts."""
        with matplotlib.rc_context(self._rc):
            self.figure.clear()
            axes = self.figure.subplots(2, 2)
            self._curve(axes[0][0], data, unit_cost=False)
            self._curve(axes[0][1], data, unit_cost=True)
            self._terms(axes[1][0], data)
            self._cascade(axes[1][1], data)
            self.canvas.draw_idle()
        self.draw_count += 1

    def _curve(self, ax: Any, data: ChartData, *, unit_cost: bool) -> None:
        scale = 1.0 if unit_cost else YI
        draw_stage_bands(ax, data.x_max, report_tr)
        full = (data.full_unit_cost if unit_cost else data.full_profit) / scale
        mine = (data.unit_cost if unit_cost else data.profit) / scale
        ax.plot(
            data.sizes_q,
            full,
            color=FULL_USE,
            linestyle="--",
            linewidth=1.0,
            label=plain(self.tr("Each size at full use")),
        )
        ax.plot(data.q, mine, color=CURRENT, linewidth=1.8, label=plain(self.tr("Current plant")))
        now = data.current["unit_cost" if unit_cost else "profit"]
        if now is not None:
            ax.plot(
                [data.throughput_q],
                [float(now) / scale],
                marker="o",
                markersize=5,
                color=CURRENT,
                linestyle="",
            )
        if np.isfinite(data.breakeven_q):
            y_be = float(np.interp(data.breakeven_q, data.q, mine)) if unit_cost else 0.0
            ax.plot(
                [data.breakeven_q],
                [y_be],
                marker="o",
                markersize=7,
                color="white",
                markeredgecolor=CURRENT,
                markeredgewidth=1.6,
                linestyle="",
                label=plain(self.tr("Break-even {q:.2f}").format(q=data.breakeven_q)),
            )
        if unit_cost:
            finite = np.concatenate([full[np.isfinite(full)], mine[np.isfinite(mine)]])
            ref = float(np.interp(1.0, data.sizes_q, full))  # 10 kt/yr at full use
            cur = float(now) if now is not None else 0.0
            top = max(ref, cur, float(np.percentile(finite, 5)) if finite.size else 0.0)
            ax.set_ylim(0, top * 1.2 if top > 0 else 1.0)
            ax.set_title(plain(self.tr("Unit processing cost (CNY/t)")), fontsize=9)
        else:
            ax.axhline(0.0, color="#333333", linewidth=0.7)
            ax.set_title(plain(self.tr("Profit (100 M CNY/yr, 亿元)")), fontsize=9)
        ax.set_xlim(0, data.x_max)
        ax.set_xlabel(plain(self.tr("Throughput Q (10 kt/yr, 万吨)")), fontsize=8)
        ax.tick_params(labelsize=7)
        ax.grid(True, color="#e6e6e6", linewidth=0.5)
        ax.legend(
            fontsize=6.5, frameon=False, loc="lower right" if not unit_cost else "center right"
        )

    def _terms(self, ax: Any, data: ChartData) -> None:
        labels = self.term_short_labels()
        values = {**data.revenue_by_term, **data.cost_by_term}
        for x, terms in ((0, REVENUE_TERMS), (1, COST_TERMS)):
            pos = neg = 0.0
            for term in terms:
                value = values[term] / YI
                bottom = pos if value >= 0 else neg
                ax.bar(
                    x,
                    value,
                    bottom=bottom,
                    width=0.6,
                    color=TERM_COLORS[term],
                    edgecolor="white",
                    linewidth=0.5,
                    label=plain(labels[term]),
                )
                pos, neg = (pos + value, neg) if value >= 0 else (pos, neg + value)
        profit = float(data.current["profit"] or 0.0) / YI
        ax.bar(2, profit, width=0.6, color="#1a9850" if profit >= 0 else "#d73027")
        ax.axhline(0.0, color="#333333", linewidth=0.7)
        ax.set_xticks([0, 1, 2])
        ax.set_xticklabels(
            [plain(self.tr("Revenue")), plain(self.tr("Cost")), plain(self.tr("Profit"))],
            fontsize=7,
        )
        ax.tick_params(labelsize=7)
        ax.set_title(plain(self.tr("Current plant by term (100 M CNY/yr)")), fontsize=9)
        ax.grid(True, axis="y", color="#e6e6e6", linewidth=0.5)
        ax.set_axisbelow(True)
        ax.set_xlim(-0.5, 4.2)
        handles, names = ax.get_legend_handles_labels()
        ax.legend(handles[::-1], names[::-1], fontsize=6, frameon=False, loc="center right")

    def term_short_labels(self) -> dict[str, str]:
        """Short legend labels of the eight terms and the pack purchase."""
        return {
            "Rm": self.tr("Rm materials"),
            "Rt": self.tr("Rt cascade use"),
            "Sg": self.tr("Sg support"),
            "Ec": self.tr("Ec carbon"),
            "Cp": self.tr("Cp collection"),
            "Cd": self.tr("Cd dismantling"),
            "Cr": self.tr("Cr regeneration"),
            "Ce": self.tr("Ce treatment"),
            "purchase": self.tr("Pack purchase"),
        }

    def _cascade(self, ax: Any, data: ChartData) -> None:
        ax.plot(
            data.spreads,
            data.cascade_value,
            color="#5aae61",
            linewidth=1.6,
            label=plain(self.tr("Cascade use")),
        )
        ax.axhline(
            data.recycle_value, color="#8c510a", linewidth=1.6, label=plain(self.tr("Recycling"))
        )
        if np.isfinite(data.breakeven_spread):
            ax.axvline(
                data.breakeven_spread,
                color="#555555",
                linestyle=":",
                linewidth=1.0,
                label=plain(self.tr("Break-even {s:.2f} CNY/kWh").format(s=data.breakeven_spread)),
            )
        ax.axvline(
            data.spread,
            color=CURRENT,
            linewidth=1.0,
            label=plain(self.tr("Current spread {s:.2f}").format(s=data.spread)),
        )
        ax.set_xlim(float(data.spreads[0]), float(data.spreads[-1]))
        ax.set_title(plain(self.tr("Net value per tonne (CNY/t)")), fontsize=9)
        ax.set_xlabel(plain(self.tr("Storage peak-valley spread (CNY/kWh)")), fontsize=8)
        ax.tick_params(labelsize=7)
        ax.grid(True, color="#e6e6e6", linewidth=0.5)
        ax.legend(fontsize=6.5, frameon=False, loc="upper left")
