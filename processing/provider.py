"""The Processing provider ``battery_recycling``."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

ICON = Path(__file__).resolve().parents[1] / "resources" / "icons" / "icon.svg"


class BatteryRecyclingProvider(QgsProcessingProvider):
    """Provides the Battery Recycling Atlas algorithms under the id ``battery_recycling``."""

    def id(self) -> str:
        """Stable provider id: scripts call ``battery_recycling:<algorithm>``."""
        return "battery_recycling"

    def name(self) -> str:
        """Translated display name."""
        return QCoreApplication.translate("BatteryRecyclingProvider", "Battery Recycling Atlas")

    def longName(self) -> str:
        """Display name with the plugin's version."""
        from ..plugin_info import plugin_version

        return f"{self.name()} {plugin_version()}"

    def icon(self) -> QIcon:
        """The plugin icon."""
        return QIcon(str(ICON))

    def svgIconPath(self) -> str:
        """Path of the SVG icon (used by the Modeler)."""
        return str(ICON)

    def loadAlgorithms(self) -> None:
        """Add one instance of every algorithm, then the models of ``resources/models``."""
        from .algorithms import algorithm_classes
        from .models import add_models

        for cls in algorithm_classes():
            self.addAlgorithm(cls())
        add_models(self)
