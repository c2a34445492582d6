"""Translation helpers: one place that loads the zh_CN catalogue and translates strings.

The catalogue lives in ``resources/i18n/battery_recycling_atlas_<locale>.qm`` and is installed
for as long as the plugin is loaded.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parent / "resources" / "i18n"


def tr(text: str, context: str = "BatteryRecyclingAtlas") -> str:
    """Translate ``text`` in ``context`` with the installed catalogue (identity when none)."""
    return QCoreApplication.translate(context, text)


def user_locale() -> str:
    """QGIS's user interface locale, e.g. ``zh_CN`` or ``en_US``."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        return str(settings.value("locale/userLocale", "") or QLocale().name())
    return QLocale().name()


def install_translator() -> QTranslator | None:
    """Load and install the catalogue for QGIS's locale; return it (keep it referenced)."""
    locale = user_locale()
    for name in (locale, locale.split("_")[0]):
        path = I18N_DIR / f"battery_recycling_atlas_{name}.qm"
        if path.exists():
            translator = QTranslator()
            if translator.load(str(path)):
                QCoreApplication.installTranslator(translator)
                return translator
    return None


def remove_translator(translator: QTranslator | None) -> None:
    """Uninstall a catalogue installed by :func:`install_translator`."""
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
