"""The plugin object QGIS creates through ``classFactory``: menu, toolbar and provider."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .i18n import install_translator, remove_translator, tr

PLUGIN_DIR = Path(__file__).resolve().parent
ICON_PATH = PLUGIN_DIR / "resources" / "icons" / "icon.svg"
SAMPLE_GPKG = PLUGIN_DIR / "resources" / "data" / "china_sample.gpkg"
MENU = "&Battery Recycling Atlas"


class BatteryRecyclingAtlasPlugin:
    """Registers the Processing provider and adds a menu and a toolbar to QGIS desktop."""

    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider = None
        self.translator = install_translator()
        self.actions: list[QAction] = []
        self.toolbar = None
        self.menu_title = MENU

    def initProcessing(self) -> None:  # noqa: N802 (QGIS's name)
        """Register the provider; QGIS calls this for qgis_process as well as the desktop."""
        if self.provider is None:
            from .processing.provider import BatteryRecyclingProvider

            provider = BatteryRecyclingProvider()
            # The registry owns the provider; it refuses (and drops) a duplicate id.
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    def initGui(self) -> None:  # noqa: N802 (QGIS's name)
        """Create the menu entries and the toolbar."""
        self.initProcessing()
        self.menu_title = tr(MENU)
        self.toolbar = self.iface.addToolBar(tr("Battery Recycling Atlas"))
        self.toolbar.setObjectName("BatteryRecyclingAtlasToolbar")
        ratio = self._add_action(
            tr("Retirement-to-capacity ratio…"),
            lambda: self._open_algorithm("retirement_capacity_ratio"),
            tr("Compare retired battery volume with recycling capacity per region"),
            toolbar=True,
        )
        ratio.setObjectName("BatteryRecyclingAtlasRatio")
        self._add_action(
            tr("Load sample data"), self._load_sample_data,
            tr("Add the sample province and prefecture layers (illustrative numbers)"),
        )

    def _add_action(self, text: str, callback, tip: str, toolbar: bool = False) -> QAction:
        action = QAction(QIcon(str(ICON_PATH)), text, self.iface.mainWindow())
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(callback)
        self.iface.addPluginToMenu(self.menu_title, action)
        if toolbar:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def _open_algorithm(self, name: str) -> None:
        from qgis import processing

        processing.execAlgorithmDialog(f"battery_recycling:{name}", {})

    def _load_sample_data(self) -> None:
        root = QgsProject.instance().layerTreeRoot()
        group = root.insertGroup(0, tr("Sample data (illustrative)"))
        for table, title in (("cities", tr("Prefectures")), ("provinces", tr("Provinces"))):
            layer = QgsVectorLayer(f"{SAMPLE_GPKG}|layername={table}", title, "ogr")
            if layer.isValid():
                QgsProject.instance().addMapLayer(layer, False)
                group.addLayer(layer)

    def unload(self) -> None:
        """Remove everything the plugin added: actions, toolbar, provider, translator."""
        for action in self.actions:
            self.iface.removePluginMenu(self.menu_title, action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator(self.translator)
        self.translator = None
