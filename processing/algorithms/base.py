"""A small base class shared by the plugin's algorithms: naming, help, icon, translation."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsFeatureSource,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterFileDestination,
)
from qgis.PyQt.QtGui import QIcon

from ...plugin_info import readme_url
from ..dependencies import CORE, install_message, missing
from ..io.destinations import write_text
from ..io.layers import output_fields
from ..styling.labels import LANGUAGES, language_parameter, legend_language, translate

ICON = Path(__file__).resolve().parents[2] / "resources" / "icons" / "icon.svg"


def _tr(text: str) -> str:
    # The shared strings of this base class have one context; ``self.tr`` would translate them
    # in each subclass's context (``type(self).__name__``).
    return translate("AtlasAlgorithm", text)


class AtlasAlgorithm(QgsProcessingAlgorithm):
    """Common behaviour; subclasses set the class attributes and implement the algorithm.

    Class attributes are constants only (no mutable state is shared between instances).
    """

    ALGORITHM_ID = ""
    DISPLAY_NAME = ""
    GROUP = ""
    GROUP_ID = ""
    HELP_ANCHOR = ""
    #: Python packages the run needs besides QGIS (checked before it starts).
    REQUIRES: tuple[str, ...] = CORE
    #: (output id, styler) of the run's styled output, for the map in its report (set per run:
    #: Processing runs a fresh instance each time).
    _styled_output: tuple | None = None

    def __init_subclass__(cls, **kwargs) -> None:
        """Wrap each subclass's ``processAlgorithm``: it runs in the legend language its
        LANGUAGE parameter chooses (algorithms without one: the interface language), and a
        ``QgsProcessingException`` leaves it as a fresh one with the same message. The
        original's traceback would keep the run's frames (feature sources and layers the run
        owns) alive in Processing's error handling until the interpreter exits, after QGIS is
        gone, where their destructors crash."""
        super().__init_subclass__(**kwargs)
        inner = cls.__dict__.get("processAlgorithm")
        if inner is None:
            return

        def process(self, parameters, context, feedback):
            message = None
            try:
                with legend_language(self.run_language(parameters, context)):
                    return inner(self, parameters, context, feedback)
            except QgsProcessingException as error:
                message = str(error)  # the error and its frames go when this block ends
            raise QgsProcessingException(message)

        process.__doc__ = inner.__doc__
        cls.processAlgorithm = process

    def tr(self, text: str) -> str:
        """Translate ``text`` in this algorithm's context (in the run's legend language)."""
        return translate(type(self).__name__, text)

    def add_language_parameter(self) -> None:
        """The optional LANGUAGE enum (appended last, advanced)."""
        self.addParameter(language_parameter())

    def run_language(self, parameters, context) -> str:
        """The locale chosen by LANGUAGE ("" = the interface's)."""
        if self.parameterDefinition("LANGUAGE") is None:
            return ""
        index = self.parameterAsEnum(parameters, "LANGUAGE", context)
        return LANGUAGES[index] if 0 <= index < len(LANGUAGES) else ""

    def createInstance(self):
        """A fresh instance, as Processing requires for every run."""
        return type(self)()

    def name(self) -> str:
        """Stable id, used as ``battery_recycling:<name>``."""
        return self.ALGORITHM_ID

    def displayName(self) -> str:
        """Translated display name."""
        return self.tr(self.DISPLAY_NAME)

    def group(self) -> str:
        """Translated group name."""
        return self.tr(self.GROUP)

    def groupId(self) -> str:
        """Stable group id."""
        return self.GROUP_ID

    def icon(self) -> QIcon:
        """The plugin icon."""
        return QIcon(str(ICON))

    def helpUrl(self) -> str:
        """The README section documenting this algorithm."""
        return readme_url(self.HELP_ANCHOR or self.ALGORITHM_ID.replace("_", "-"))

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:
        """Refuse to start, with the install commands, when a package in :attr:`REQUIRES` is
        missing (instead of a ``ModuleNotFoundError`` traceback half-way)."""
        absent = missing(self.REQUIRES)
        if absent:
            raise QgsProcessingException(install_message(absent))
        return super().prepareAlgorithm(parameters, context, feedback)

    def suggest_defaults(self, layers: dict, fields: dict) -> None:
        """Dialog defaults guessed by name from the project's layers (end of initAlgorithm);
        see :func:`processing.gui_defaults.suggest_defaults`."""
        from ..gui_defaults import suggest_defaults

        suggest_defaults(self, layers, fields)

    # -- shared steps of processAlgorithm --------------------------------------------------

    def style_output(self, context, dest_id: str, styler, feedback) -> None:
        """Style the output ``dest_id`` (stored style, post-processor) and remember it, so that
        the report can show a map of it."""
        from ..styling.postprocess import finish_styling

        finish_styling(context, dest_id, styler, feedback)
        self._styled_output = (dest_id, styler)

    def write_report(self, path: str, parameters, context, html: str) -> None:
        """Write the HTML report with a map of the styled output (when there is one) and its
        provenance block (inputs, parameters, version)."""
        from ...plugin_info import plugin_version
        from ..maps.report_map import result_map_html, with_result_map
        from ..provenance import provenance_html, with_provenance

        styled = self._styled_output
        if styled is not None:
            figure = result_map_html(
                *styled,
                context,
                _tr(
                    "Map of the result, styled as the output layer (Albers equal-area projection)."
                ),
            )
            html = with_result_map(html, figure)
        block = provenance_html(self, parameters, context, plugin_version())
        write_text(path, with_provenance(html, block), "REPORT")

    def add_report_parameter(self) -> None:
        """The optional REPORT (HTML file) every analysis offers."""
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "REPORT",
                _tr("Report"),
                _tr("HTML files (*.html)"),
                optional=True,
                createByDefault=False,
            )
        )

    def source_or_raise(self, parameters, name: str, context) -> QgsFeatureSource:
        """The feature source of parameter ``name``; the standard error when it is invalid."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source

    def output_sink(self, parameters, context, source, new_fields, feedback, name="OUTPUT"):
        """(fields, sink, dest_id) for the input's fields plus ``new_fields``, with the
        input's geometry type and CRS; warns when input fields had to be renamed."""
        fields, renamed = output_fields(source.fields(), new_fields)
        if renamed:
            feedback.pushWarning(
                _tr("Input fields renamed to keep them: {names}").format(names=", ".join(renamed))
            )
        sink, dest_id = self.parameterAsSink(
            parameters, name, context, fields, source.wkbType(), source.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        return fields, sink, dest_id
