"""An algorithm that cannot load because a Python package is missing: it keeps its id (so
models and scripts find it) and, when run, says what to install."""

from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog, QgsProcessingException

from ..dependencies import install_message
from .base import AtlasAlgorithm, _tr


class UnavailableAlgorithm(AtlasAlgorithm):
    """Placeholder registered under a real algorithm's id; see :func:`unavailable_algorithm`."""

    GROUP = "Unavailable (missing Python packages)"
    GROUP_ID = "unavailable"
    MISSING = ""
    REQUIRES = ()

    def displayName(self) -> str:
        """The id and what is missing."""
        return _tr("{id} (needs {package})").format(id=self.ALGORITHM_ID, package=self.MISSING)

    def group(self) -> str:
        """Translated group name."""
        return _tr(self.GROUP)

    def shortHelpString(self) -> str:
        """Why it cannot run and how to fix it."""
        return install_message([self.MISSING])

    def initAlgorithm(self, config=None) -> None:
        """No parameters: it cannot run."""

    def processAlgorithm(self, parameters, context, feedback):
        """Refuse, with the install commands."""
        raise QgsProcessingException(install_message([self.MISSING]))


def unavailable_algorithm(algorithm_id: str, package: str) -> type:
    """A subclass of :class:`UnavailableAlgorithm` for ``algorithm_id``, missing ``package``
    (a top-level module name); the problem is also written to QGIS's message log."""
    package = package.split(".")[0]
    QgsMessageLog.logMessage(
        _tr("{id}: {message}").format(id=algorithm_id, message=install_message([package])),
        "Battery Recycling Atlas",
        Qgis.Warning,
    )
    return type(
        "UnavailableAlgorithm",
        (UnavailableAlgorithm,),
        {"ALGORITHM_ID": algorithm_id, "MISSING": package},
    )
