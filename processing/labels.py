"""Translated display labels for the stable class codes that ``core`` returns."""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication

from ..core.ratio import RatioThresholds


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def _pct(value: float) -> str:
    return f"{value * 100:g} %"


def ratio_class_labels(thresholds: RatioThresholds) -> dict[str, str]:
    """Legend labels for the ``ratio_class`` codes, with the threshold values in percent."""
    t = thresholds
    return {
        "severe_idle": _tr("Severe idle (ratio < {a})").format(a=_pct(t.idle)),
        "under_used": _tr("Under-used ({a} – {b})").format(a=_pct(t.idle), b=_pct(t.tight)),
        "tight": _tr("Tight ({b} – {c})").format(b=_pct(t.tight), c=_pct(t.shortage)),
        "shortage": _tr("Shortage (ratio > {c})").format(c=_pct(t.shortage)),
        "no_capacity": _tr("No capacity (retirement only)"),
        "no_data": _tr("No data"),
        "invalid": _tr("Invalid input (negative value)"),
    }
