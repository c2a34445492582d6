"""Fonts of the publication maps: a family with Simplified Chinese glyphs, and label fonts that
keep their text in Qt's PDF writer."""

from __future__ import annotations

from qgis.PyQt.QtGui import QFont, QFontDatabase

#: Fonts with Simplified Chinese glyphs, by preference.
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "Noto Sans SC",
    "SimHei",
    "Droid Sans Fallback",
)


def cjk_family() -> str:
    """The first installed family of :data:`CJK_FAMILIES`; "" when none is (Qt falls back)."""
    installed = set(QFontDatabase().families())
    return next((f for f in CJK_FAMILIES if f in installed), "")


def publication_font(template: QFont, family: str) -> QFont:
    """``template``'s size and weight in ``family``, without complex shaping: Qt's PDF writer
    loses the text of shaped Latin glyphs of CJK fonts (pdftotext would miss digits)."""
    font = QFont(template)
    if family:
        font.setFamily(family)
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font
