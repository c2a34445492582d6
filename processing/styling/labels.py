"""Translated display labels for the stable class codes that ``core`` returns."""

from __future__ import annotations

from ...core.mismatch.ratio import RatioThresholds
from .label_language import translate


def _tr(text: str) -> str:
    return translate("Labels", text)


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


#: The rules of ``resources/styles/compliance_index.qml`` by their English label.
COMPLIANCE_RULES = (
    ("No whitelist firm", '"no_whitelist"'),
    ("No capital data", '"compliance_index" IS NULL AND NOT coalesce("no_whitelist", false)'),
    ("Far below capital (index < 0.5)", '"compliance_index" > 0 AND "compliance_index" < 0.5'),
    ("Below capital (0.5 – 0.8)", '"compliance_index" >= 0.5 AND "compliance_index" < 0.8'),
    ("In line (0.8 – 1.25)", '"compliance_index" >= 0.8 AND "compliance_index" <= 1.25'),
    ("Above capital (1.25 – 2)", '"compliance_index" > 1.25 AND "compliance_index" <= 2'),
    ("Far above capital (index > 2)", '"compliance_index" > 2'),
)


def compliance_labels() -> dict[str, str]:
    """Translated legend labels for the compliance-index style, by English label."""
    return {
        "No whitelist firm": _tr("No whitelist firm"),
        "No capital data": _tr("No capital data"),
        "Far below capital (index < 0.5)": _tr("Far below capital (index < 0.5)"),
        "Below capital (0.5 – 0.8)": _tr("Below capital (0.5 – 0.8)"),
        "In line (0.8 – 1.25)": _tr("In line (0.8 – 1.25)"),
        "Above capital (1.25 – 2)": _tr("Above capital (1.25 – 2)"),
        "Far above capital (index > 2)": _tr("Far above capital (index > 2)"),
    }


def graduated_labels() -> dict[str, str]:
    """Translated legend labels of the plant styles (``plant_profit.qml`` and
    ``profit_uncertainty.qml``, written by tools/build_styles.py), by English label."""
    return {
        "Loss over 100 M CNY": _tr("Loss over 100 M CNY"),
        "Loss 10–100 M": _tr("Loss 10–100 M"),
        "Loss up to 10 M": _tr("Loss up to 10 M"),
        "Profit up to 10 M": _tr("Profit up to 10 M"),
        "Profit 10–100 M": _tr("Profit 10–100 M"),
        "Profit over 100 M CNY": _tr("Profit over 100 M CNY"),
        "Loss unlikely (< 5 %)": _tr("Loss unlikely (< 5 %)"),
        "5–25 %": _tr("5–25 %"),
        "25–50 %": _tr("25–50 %"),
        "50–75 %": _tr("50–75 %"),
        "Loss likely (> 75 %)": _tr("Loss likely (> 75 %)"),
    }
