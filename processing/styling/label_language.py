"""The language of the legends an algorithm writes: the interface's, or one chosen per run.

The styled algorithms take an optional ``LANGUAGE`` enum (appended, advanced): 0 the interface
language (the installed catalogue), 1 English, 2 Chinese. ``qgis_process`` and models run with
no interface translation, so this is how they write Chinese legends. The choice holds for the
thread that runs the algorithm (:func:`legend_language`); legend and algorithm texts go through
:func:`translate`, which is ``QCoreApplication.translate`` unless a language is chosen.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from qgis.core import QgsProcessingParameterDefinition, QgsProcessingParameterEnum
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

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
