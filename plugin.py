"""The plugin object QGIS creates through ``classFactory``: menu, toolbar and provider."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .i18n import install_translator, remove_translator, tr

PLUGIN_DIR = Path(__file__).resolve().parent
ICON_DIR = PLUGIN_DIR / "resources" / "icons"
ICON_PATH = ICON_DIR / "icon.svg"
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
        self.explorer_dock = None
        self.workflow_dialog = None

    def initProcessing(self) -> None:
        """Register the provider; QGIS calls this for qgis_process as well as the desktop."""
        if self.provider is None:
            from .processing.provider import BatteryRecyclingProvider

            provider = BatteryRecyclingProvider()
            # The registry owns the provider; it refuses (and drops) a duplicate id.
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    def initGui(self) -> None:
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
            tr("Load sample data"),
            self._load_sample_data,
            tr(
                "Add the sample provinces, prefectures and whitelist plants, styled, in the "
                "Albers projection (illustrative numbers)"
            ),
        )
        explorer = self._add_action(
            tr("Economics explorer…"),
            self.show_explorer,
            tr("Explore the plant economics with live charts; apply them to a plant layer"),
            toolbar=True,
            icon="explorer.svg",
        )
        explorer.setObjectName("BatteryRecyclingAtlasExplorerAction")
        workflow = self._add_action(
            tr("Mismatch workflow…"),
            self.show_workflow,
            tr("Ratio, matching and capital compliance in one run, with one report"),
            toolbar=True,
            icon="workflow.svg",
        )
        workflow.setObjectName("BatteryRecyclingAtlasWorkflowAction")
        self._add_action(
            tr("About / data sources…"),
            self.show_about,
            tr("Version, attribution, illustrative-data and map-review notes"),
            icon="about.svg",
        )

    def _add_action(
        self, text: str, callback, tip: str, toolbar: bool = False, icon: str = "icon.svg"
    ) -> QAction:
        action = QAction(QIcon(str(ICON_DIR / icon)), text, self.iface.mainWindow())
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

    def _packages_present(self) -> bool:
        """True when the scientific packages are there; else say what to install."""
        from .processing.dependencies import install_message, missing

        absent = missing()
        if absent:
            self.iface.messageBar().pushWarning(
                tr("Battery Recycling Atlas"), install_message(absent)
            )
        return not absent

    def show_explorer(self) -> None:
        """Create the economics explorer dock on first use, then show and raise it."""
        if self.explorer_dock is None and not self._packages_present():
            return
        if self.explorer_dock is None:
            from qgis.PyQt.QtCore import Qt

            from .ui.economics_explorer import EconomicsExplorerDock

            self.explorer_dock = EconomicsExplorerDock(self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.explorer_dock)
        self.explorer_dock.show()
        self.explorer_dock.raise_()

    def show_workflow(self) -> None:
        """Open the mismatch workflow dialog (kept, so a running workflow can report back)."""
        if self.workflow_dialog is None and not self._packages_present():
            return
        if self.workflow_dialog is None:
            from .ui.workflow_dialog import WorkflowDialog

            self.workflow_dialog = WorkflowDialog(self.iface.mainWindow())
        self.workflow_dialog.show()
        self.workflow_dialog.raise_()

    def show_about(self) -> None:
        """The About / data sources dialog."""
        from .ui.about_dialog import AboutDialog

        AboutDialog(self.iface.mainWindow()).exec()

    def _load_sample_data(self) -> None:
        from .ui.sample_layers import load_sample

        load_sample(QgsProject.instance(), self.iface.mapCanvas())

    def unload(self) -> None:
        """Remove everything the plugin added: dock, dialogs, actions, toolbar, provider,
        translator."""
        if self.explorer_dock is not None:
            self.iface.removeDockWidget(self.explorer_dock)
            self.explorer_dock.close()
            self.explorer_dock.setParent(None)
            self.explorer_dock.deleteLater()
            self.explorer_dock = None
        if self.workflow_dialog is not None:
            self.workflow_dialog.close()
            self.workflow_dialog.deleteLater()
            self.workflow_dialog = None
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
