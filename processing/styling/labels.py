"""Legend labels of the styled outputs, and the language they are written in.

* **Language.** The styled algorithms take an optional ``LANGUAGE`` enum (appended, advanced):
  0 the interface language (the installed catalogue), 1 English, 2 Chinese. ``qgis_process``
  and models run with no interface translation, so this is how they write Chinese legends. The
  choice holds for the thread that runs the algorithm (:func:`legend_language`); legend and
  algorithm texts go through :func:`translate`, which is ``QCoreApplication.translate`` unless
  a language is chosen.
* **Class labels.** Translated display labels for the stable class codes that ``core`` returns
  and for the rules of the QML styles (by their English label).
* **Siting rules.** The legend rules of the ``allocate_supply`` outputs: (English label, filter
  expression), shared by ``tools/siting_styles.py`` (which writes the QML) and the algorithm
  (which translates the labels with :func:`translated`). An empty expression is the "else"
  rule.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from qgis.core import QgsProcessingParameterDefinition, QgsProcessingParameterEnum
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from ...core.mismatch.ratio import RatioThresholds

# -- language ----------------------------------------------------------------------------------

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
#: Locale per LANGUAGE option ("" = the interface's).
LANGUAGES = ("", "en", "zh_CN")
_STATE = threading.local()


def translate(context: str, text: str) -> str:
    """``text`` in ``context``, in the language chosen for this thread's run (else the
    interface's)."""
    language = getattr(_STATE, "language", "")
    if not language:
        return QCoreApplication.translate(context, text)
    if language == "en":
        return text
    translator = _translator(language)
    # const char* arguments: the catalogue holds UTF-8 source texts.
    found = "" if translator is None else translator.translate(context.encode(), text.encode())
    return found or text


@cache
def _translator(language: str) -> QTranslator | None:
    translator = QTranslator()
    path = I18N_DIR / f"battery_recycling_atlas_{language}.qm"
    return translator if path.exists() and translator.load(str(path)) else None


@contextmanager
def legend_language(language: str) -> Iterator[None]:
    """Translate with ``language`` ("" = the interface's, "en", "zh_CN") in this thread."""
    previous = getattr(_STATE, "language", "")
    _STATE.language = language
    try:
        yield
    finally:
        _STATE.language = previous


def language_parameter() -> QgsProcessingParameterEnum:
    """The optional, advanced LANGUAGE enum of the styled algorithms."""
    parameter = QgsProcessingParameterEnum(
        "LANGUAGE",
        QCoreApplication.translate("LabelLanguage", "Legend language"),
        [
            QCoreApplication.translate("LabelLanguage", "Interface language"),
            QCoreApplication.translate("LabelLanguage", "English"),
            QCoreApplication.translate("LabelLanguage", "Chinese (中文)"),
        ],
        defaultValue=0,
        optional=True,
    )
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    parameter.setHelp(
        QCoreApplication.translate(
            "LabelLanguage",
            "Language of the legend labels and messages of this run; "
            "qgis_process and models use it to write Chinese legends.",
        )
    )
    return parameter


# -- class labels ------------------------------------------------------------------------------


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


# -- siting rules ------------------------------------------------------------------------------

FLOW_RULES = (
    ("Across a province border", '"cross_border"'),
    ("Within a province", ""),
)
UTILIZATION_RULES = (
    ("Utilisation under 20 %", '"utilization" < 0.2'),
    ("20 % – 50 %", '"utilization" >= 0.2 AND "utilization" < 0.5'),
    ("50 % – 80 %", '"utilization" >= 0.5 AND "utilization" < 0.8'),
    ("80 % – 99.9 %", '"utilization" >= 0.8 AND "utilization" < 0.999'),
    ("Full (≥ 99.9 %)", '"utilization" >= 0.999'),
    ("No capacity", ""),
)
UNMET_RULES = (
    ("All supply served", '"unmet_t" = 0'),
    ("Unmet up to 1,000 t/yr", '"unmet_t" > 0 AND "unmet_t" <= 1000'),
    ("Unmet 1,000 – 10,000 t/yr", '"unmet_t" > 1000 AND "unmet_t" <= 10000'),
    ("Unmet over 10,000 t/yr", '"unmet_t" > 10000'),
    ("No supply value", ""),
)


def _siting_tr(text: str) -> str:
    return translate("SitingLabels", text)


def translated() -> dict[str, str]:
    """English rule label → translated label, for every rule above (in the run's language)."""
    labels = {
        "Across a province border": _siting_tr("Across a province border"),
        "Within a province": _siting_tr("Within a province"),
        "Utilisation under 20 %": _siting_tr("Utilisation under 20 %"),
        "20 % – 50 %": _siting_tr("20 % – 50 %"),
        "50 % – 80 %": _siting_tr("50 % – 80 %"),
        "80 % – 99.9 %": _siting_tr("80 % – 99.9 %"),
        "Full (≥ 99.9 %)": _siting_tr("Full (≥ 99.9 %)"),
        "No capacity": _siting_tr("No capacity"),
        "All supply served": _siting_tr("All supply served"),
        "Unmet up to 1,000 t/yr": _siting_tr("Unmet up to 1,000 t/yr"),
        "Unmet 1,000 – 10,000 t/yr": _siting_tr("Unmet 1,000 – 10,000 t/yr"),
        "Unmet over 10,000 t/yr": _siting_tr("Unmet over 10,000 t/yr"),
        "No supply value": _siting_tr("No supply value"),
    }
    return labels
