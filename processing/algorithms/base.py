"""The base class shared by the plugin's algorithms: naming, help, icon, translation, and the
one output path (staged file outputs committed together at the end of a run)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsFeatureSource,
    QgsField,
    QgsFields,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFileDestination,
    QgsProperty,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QIcon

from ...plugin_info import readme_url
from ..checks import parameter_problem
from ..dependencies import CORE, install_message, missing
from ..failures import unexpected_message
from ..io.destinations import output_destination, write_text
from ..io.layers import joined_features, output_fields
from ..io.outputs import OutputCommit, check_written, folder_exists, is_file_destination
from ..styling.labels import LANGUAGES, language_parameter, legend_language, translate
from ..styling.postprocess import Styler

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
    #: The run's staged file outputs (:meth:`outputs`).
    _outputs: OutputCommit | None = None

    def __init_subclass__(cls, **kwargs) -> None:
        """Wrap each subclass's ``processAlgorithm``.

        * It runs in the legend language its LANGUAGE parameter chooses (algorithms without
          one: the interface language).
        * Its file outputs are staged (:attr:`outputs`) and renamed into place together only
          when it returns complete; an exception or a cancel discards them, leaving the files
          at the destinations untouched, and a cancelled run ends in a "cancelled" error
          instead of an empty result.
        * Any other exception (a bug, a full temporary folder, memory) leaves it as a
          ``QgsProcessingException`` with a plain message; its traceback goes to the plugin's
          error log file and, in QGIS desktop, the message log (:mod:`..failures`).
        * A ``QgsProcessingException`` leaves it as a fresh one with the same message. The
          original's traceback would keep the run's frames (feature sources and layers the run
          owns) alive in Processing's error handling until the interpreter exits, after QGIS is
          gone, where their destructors crash."""
        super().__init_subclass__(**kwargs)
        inner = cls.__dict__.get("processAlgorithm")
        if inner is None:
            return

        def process(self, parameters, context, feedback):
            message = None
            self._outputs = OutputCommit()
            try:
                with legend_language(self.run_language(parameters, context)):
                    results = inner(self, parameters, context, feedback)
                if feedback is not None and feedback.isCanceled():
                    raise self.cancelled()
                self._outputs.commit()
                return results
            except QgsProcessingException as error:
                message = str(error)  # the error and its frames go when this block ends
            except Exception as error:  # a bug or the system: a message, the traceback logged
                message = unexpected_message(self.displayName(), error)
            finally:
                self._outputs.discard()
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

    def checkParameterValues(
        self, parameters: dict[str, Any], context: QgsProcessingContext
    ) -> tuple[bool, str]:
        """QGIS's checks, after :func:`..checks.parameter_problem` (words or non-finite values
        in number parameters, layers of a geometry type the parameter does not take)."""
        problem = parameter_problem(self, parameters, context)
        if problem:
            return False, problem
        ok, message = super().checkParameterValues(parameters, context)
        return bool(ok), str(message)

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:
        """Refuse to start, with the install commands, when a package in :attr:`REQUIRES` is
        missing (instead of a ``ModuleNotFoundError`` traceback half-way), and on any problem
        :meth:`checkParameterValues` finds (a model's steps and scripts calling ``run`` skip
        that call)."""
        absent = missing(self.REQUIRES)
        if absent:
            raise QgsProcessingException(install_message(absent))
        problem = parameter_problem(self, parameters, context)
        if problem:
            raise QgsProcessingException(problem)
        return super().prepareAlgorithm(parameters, context, feedback)

    def suggest_defaults(self, layers: dict, fields: dict) -> None:
        """Dialog defaults guessed by name from the project's layers (end of initAlgorithm);
        see :func:`processing.gui_defaults.suggest_defaults`."""
        from ..gui_defaults import suggest_defaults

        suggest_defaults(self, layers, fields)

    # -- the one output path ------------------------------------------------------------------
    #
    # Every layer output goes through :meth:`write_layer` (build sink → write → close → style),
    # every text or file output through :meth:`write_report` or :meth:`stage_file`. Plain file
    # destinations (GeoPackage, shapefile, GeoJSON, CSV …) are written into a temporary folder
    # beside the destination (:mod:`..io.outputs`) and renamed into place with the run's other
    # outputs when ``processAlgorithm`` returns complete; destinations that are not a file of
    # their own (``memory:``, ``TEMPORARY_OUTPUT``, ``ogr:``/``gpkg:`` URIs and
    # ``path|layername=`` into a database with other layers, ``postgres:`` …) are written
    # directly. ``profit_surface`` and ``allocate_supply`` still build their sinks through
    # :meth:`output_sink` / ``parameterAsSink``; porting them means replacing each sink loop by
    # one :meth:`write_layer` call (and each raster file by :meth:`stage_file`).
    #
    # The QGIS calls used here are the same from 3.22 to 3.40 (checked in both API references):
    # the copy constructors of QgsProcessingOutputLayerDefinition and LayerDetails,
    # layerToLoadOnCompletionDetails / setLayersToLoadOnCompletion / addLayerToLoadOnCompletion,
    # temporaryLayerStore() and QgsDataProvider.reloadData(); none needs processing/compat.py.

    @property
    def outputs(self) -> OutputCommit:
        """This run's staged outputs (fresh for every run of ``processAlgorithm``)."""
        if self._outputs is None:
            self._outputs = OutputCommit()
        return self._outputs

    def cancelled(self) -> QgsProcessingException:
        """The error a cancelled run ends with (raise it)."""
        return QgsProcessingException(
            _tr(
                "The run was cancelled. Its outputs were not written; files already at their "
                "destinations were left as they were."
            )
        )

    def stage_file(self, path: str, name: str, make_folder: bool = True) -> str:
        """Where to write the file output ``name`` (destination ``path``) during the run: a
        temporary path beside it, renamed to ``path`` with the run's other outputs. With
        ``make_folder`` a missing folder is created (and stays if the run fails, as before)."""
        return str(self.outputs.stage(path, name, make_folder))

    def write_layer(
        self,
        parameters: dict,
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
        name: str,
        fields: QgsFields,
        wkb_type: int,
        crs: QgsCoordinateReferenceSystem | None,
        features: Iterable[QgsFeature],
        styler: Styler | None = None,
        count: int = 0,
    ) -> str:
        """Write the layer output ``name``: build its sink, add ``features`` (``count`` of them,
        for the progress bar; 0–100 % of ``feedback``), close it, and style it (stored
        GeoPackage style and a post-processor when it loads, with a map in the report).

        Returns the destination id as Processing returns it (the final path for a file). A
        file destination is written beside itself and moved into place at the end of the run,
        where it is also registered to load on completion with the same details as a direct
        sink; a cancel raises :meth:`cancelled`."""
        from ..styling.postprocess import attach_style, store_default_style

        destination = output_destination(self, parameters, name, context)
        # A missing folder is left to QGIS, which refuses it with its own message, as before.
        stage = is_file_destination(destination) and folder_exists(destination)
        staged = self.stage_file(destination, name, False) if stage else ""
        sink, dest_id = self._sink(parameters, name, context, staged, fields, wkb_type, crs)
        total = max(count, 1)
        written = 0
        for n, feature in enumerate(features):
            if feedback.isCanceled():
                del sink
                raise self.cancelled()
            if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
                error = sink.lastError()
                del sink
                raise QgsProcessingException(
                    _tr("Could not write feature {id} to {name}: {error}").format(
                        id=feature.id() if feature.id() >= 0 else n, name=name, error=error
                    )
                )
            written = n + 1
            feedback.setProgress(100 * (n + 1) / total)
        del sink  # closes the file, so its default style can be stored
        if feedback.isCanceled():
            raise self.cancelled()
        problem = check_written(staged, written) if staged else ""
        if problem:  # e.g. a disk that filled up when the file was closed
            raise QgsProcessingException(
                _tr("Could not write {name} to {path}: {error}").format(
                    name=name, path=destination, error=problem
                )
            )
        final_id = dest_id
        if staged:
            final_id = _final_id(dest_id, staged, destination)
            self._load_at_commit(context, dest_id, final_id, styler)
        if styler is not None:
            store_default_style(dest_id, styler, feedback)
            if not staged:
                attach_style(context, dest_id, styler)
            self._styled_output = (dest_id, styler)
        return final_id

    def write_joined(
        self,
        parameters: dict,
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
        source: QgsFeatureSource,
        new_fields: Sequence[QgsField],
        features: Sequence[QgsFeature],
        extra: Sequence[Sequence],
        used_fields: Sequence[str] | None = None,
        styler: Styler | None = None,
        name: str = "OUTPUT",
    ) -> str:
        """:meth:`write_layer` of the input ``features`` with their fields plus ``new_fields``
        (values ``extra[i]``), in the input's geometry type and CRS; see
        :func:`..io.layers.joined_features` for ``used_fields``."""
        fields = self.joined_fields(source, new_fields, feedback)
        rows = joined_features(fields, features, extra, used_fields)
        args = (parameters, context, feedback, name, fields, source.wkbType(), source.sourceCrs())
        return self.write_layer(*args, rows, styler, len(features))

    def _sink(self, parameters, name, context, staged, fields, wkb_type, crs):
        """``parameterAsSink`` for ``name``, into ``staged`` when given; a clear error when
        the sink cannot be made."""
        if staged:
            value = parameters.get(name)
            if isinstance(value, QgsProcessingOutputLayerDefinition):
                value = QgsProcessingOutputLayerDefinition(value)
                value.sink = QgsProperty.fromValue(staged)
            else:
                value = staged
            parameters = {**parameters, name: value}
        args = (parameters, name, context, fields, wkb_type)
        sink, dest_id = self.parameterAsSink(*args, crs) if crs else self.parameterAsSink(*args)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        return sink, dest_id

    def _load_at_commit(self, context, staged_id: str, final_id: str, styler) -> None:
        """Move the staged layer's load-on-completion entry (if any) to its final path, once
        the run's outputs are committed; the post-processor is attached then."""
        from ..styling.postprocess import attach_style

        if not context.willLoadLayerOnCompletion(staged_id):
            return
        details = QgsProcessingContext.LayerDetails(
            context.layerToLoadOnCompletionDetails(staged_id)
        )
        layers = dict(context.layersToLoadOnCompletion())
        layers.pop(staged_id, None)
        context.setLayersToLoadOnCompletion(layers)

        def register() -> None:
            context.addLayerToLoadOnCompletion(final_id, details)
            if styler is not None:
                attach_style(context, final_id, styler)

        self.outputs.on_commit(register)

    def write_report(self, path: str, parameters, context, html: str) -> None:
        """Write the HTML report, with a map of the styled output (when there is one) and its
        provenance block (inputs, parameters, version); it is committed with the run's other
        outputs."""
        from ...plugin_info import plugin_version
        from ..provenance import provenance_html, with_provenance

        if self._styled_output is not None:
            html = self._with_map(html, context)
        block = provenance_html(self, parameters, context, plugin_version())
        write_text(path, with_provenance(html, block), "REPORT", self.outputs)

    def _with_map(self, html: str, context) -> str:
        """``html`` with the map of the styled output; a staged file is opened for the map only
        and let go at once (nothing may hold it open when it is renamed)."""
        from ..maps.report_map import result_map_html, with_result_map

        assert self._styled_output is not None
        dest_id, styler = self._styled_output
        caption = _tr(
            "Map of the result, styled as the output layer (Albers equal-area projection)."
        )
        store = context.temporaryLayerStore()
        layer = None
        if store.mapLayer(dest_id) is None and dest_id.startswith(self._staging_roots()):
            if Path(dest_id).suffix.lower() in (".tif", ".tiff"):
                layer = QgsRasterLayer(dest_id, Path(dest_id).stem, "gdal")
            else:
                layer = QgsVectorLayer(dest_id, Path(dest_id).stem, "ogr")
            store.addMapLayer(layer)
            dest_id = layer.id()
        try:
            return with_result_map(html, result_map_html(dest_id, styler, context, caption))
        finally:
            if layer is not None:
                if isinstance(layer, QgsVectorLayer) and layer.dataProvider() is not None:
                    layer.dataProvider().reloadData()  # closes the pooled connections
                store.removeMapLayer(layer.id())

    def _staging_roots(self) -> tuple[str, ...]:
        return tuple(str(staged.folder) for staged in self.outputs.staged)

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

    def joined_fields(self, source, new_fields, feedback) -> QgsFields:
        """The input's fields plus ``new_fields``; warns when input fields had to be renamed."""
        fields, renamed = output_fields(source.fields(), new_fields)
        if renamed:
            feedback.pushWarning(
                _tr("Input fields renamed to keep them: {names}").format(names=", ".join(renamed))
            )
        return fields


def _final_id(staged_id: str, staged: str, destination: str) -> str:
    """The destination id Processing would have returned for ``destination``: ``staged_id``
    (the id of the sink made at ``staged``) with the staging folder replaced by the
    destination's folder as the user spelled it."""
    folder = str(Path(staged).parent)
    name = Path(destination).name
    prefix = destination[: len(destination) - len(name)] if destination.endswith(name) else ""
    if not staged_id.startswith(folder):
        return staged_id
    return prefix + staged_id[len(folder) :].lstrip("/\\")
