"""Algorithm ``natural_breaks_matching``: retired volume share vs outlet share per city."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ...core.errors import InvalidValuesError, NoValidRowsError, ZeroTotalError
from ...core.mismatch import bivariate, classify
from ..compat import new_field
from ..io import region_run
from ..io.destinations import ensure_outputs_not_inputs
from ..io.layers import (
    format_ids,
    numeric_field_index,
    python_number,
    region_names,
    report_tr,
)
from ..io.region_run import values_refused
from ..styling.bivariate import bivariate_styler, breaks_text
from .base import AtlasAlgorithm


class NaturalBreaksMatching(AtlasAlgorithm):
    """Per feature: shares of volume and outlets, classes, and a bivariate match."""

    ALGORITHM_ID = "natural_breaks_matching"
    DISPLAY_NAME = "Natural-breaks matching of volume and outlets"
    GROUP = "Spatial mismatch"
    GROUP_ID = "mismatch"

    INPUT = "INPUT"
    VOLUME_FIELD = "VOLUME_FIELD"
    OUTLETS_FIELD = "OUTLETS_FIELD"
    OUTLETS = "OUTLETS"
    CLASSES = "CLASSES"
    METHOD = "METHOD"
    PALETTE = "PALETTE"
    NAME_FIELD = "NAME_FIELD"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"
    ALPHA = "ALPHA"

    def method_labels(self) -> list[str]:
        """Display names of :data:`core.classify.METHODS`, same order."""
        return [
            self.tr("Natural breaks (Jenks, exact)"),
            self.tr("Quantile"),
            self.tr("Equal interval"),
        ]

    def palette_labels(self) -> list[str]:
        """Display names of :data:`core.bivariate.PALETTE_NAMES`, same order."""
        return [
            self.tr("Pink–blue (Stevens)"),
            self.tr("Green–blue (Stevens)"),
            self.tr("Blue–red (Stevens)"),
            self.tr("Purple–gold (Stevens)"),
            self.tr("Grey"),
        ]

    def shortHelpString(self) -> str:
        """Help shown beside the dialog."""
        return self.tr(
            "<p>Matches where retired batteries arise against where they can be handed in. For "
            "each feature (normally a city): its <b>share of the total retired volume</b> and "
            "its <b>share of the recycling service outlets</b> (回收服务网点), each classed "
            "1…k by natural breaks (the exact Fisher-Jenks optimum, at any number of features), "
            "quantiles or equal intervals, and combined into a bivariate class.</p>"
            "<p><b>Inputs.</b> A layer with a numeric volume field (t/yr) and either a numeric "
            "outlet-count field or a point layer of outlets, counted per feature by location "
            "(any CRS). CLASSES 2–5 (default 3).</p>"
            "<p><b>Outputs.</b> Every input feature and field plus <i>vol_share</i> and "
            "<i>outlet_share</i> (fractions of the total, 0–1), <i>share_gap</i> (volume share − "
            "outlet share), <i>vol_class</i>, <i>outlet_class</i> (1…k), <i>match_code</i> "
            '("v-o") and <i>match_type</i>: under_served (volume class above outlet class), '
            "balanced, over_served, or no_data (volume or outlets NULL: shares NULL, the row is "
            "kept). VOL_BREAKS and OUTLET_BREAKS give the class bounds of the shares "
            "(comma-separated). Shares are fractions of the totals over the features with both "
            "values, not of a national total. The classes depend on where the breaks fall: a "
            "feature just across a break counts as under-served, one far from the diagonal "
            "inside a class does not.</p>"
            "<p><b>Too few outlets, tested.</b> Over the features with both values, with N their "
            "outlets: <i>outlets_expected</i> = N × volume share; <i>p_fewer</i> = P(X ≤ its "
            "outlets) for X ~ Binomial(N, volume share), the chance of so few outlets if outlets "
            "stood in proportion to volume; <i>q_fewer</i>, the Benjamini–Hochberg adjusted p "
            "over those features (false discovery rate); <i>under_sig</i> true where q_fewer "
            "&lt; ALPHA (default 0.05). N_UNDER_SIG counts them and UNDER_SIG_T sums their "
            "volume (t/yr). The model treats outlets as placed one by one, independently; "
            "outlets opened in groups (one firm's chain) make the p-values too small. It needs "
            "whole outlet counts (p and q are NULL otherwise) and says nothing about outlet "
            "size or distance.</p>"
            "<p>The layer is styled as a bivariate choropleth; the report has the legend grid "
            "with the break values on both axes, the significantly under-served features with "
            "their gap and the class-based under-served list.</p>"
            "<p><b>Source.</b> The city-level matching of a 2025 NGO report on battery "
            "recycling in China (Shanghai: 6.7 % of the volume, 2.97 % of the outlets).</p>"
        )

    def initAlgorithm(self, config=None) -> None:
        """Declare the parameters and outputs."""
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Cities (or any features)"), [QgsProcessing.TypeVector]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.VOLUME_FIELD,
                self.tr("Retired volume field (t/yr)"),
                None,
                self.INPUT,
                QgsProcessingParameterField.Numeric,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.OUTLETS_FIELD,
                self.tr("Outlet count field"),
                None,
                self.INPUT,
                QgsProcessingParameterField.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.OUTLETS,
                self.tr("Outlets (points, counted per feature)"),
                [QgsProcessing.TypeVectorPoint],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.CLASSES,
                self.tr("Classes per variable"),
                QgsProcessingParameterNumber.Integer,
                3,
                minValue=2,
                maxValue=5,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.METHOD, self.tr("Classification method"), self.method_labels(), defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.PALETTE,
                self.tr("Bivariate palette"),
                self.palette_labels(),
                defaultValue=bivariate.PALETTE_NAMES.index(bivariate.DEFAULT_PALETTE),
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.NAME_FIELD,
                self.tr("Name field (for the report)"),
                None,
                self.INPUT,
                QgsProcessingParameterField.Any,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Volume–outlet matching"))
        )
        self.add_report_parameter()
        self.addParameter(
            QgsProcessingParameterNumber(
                self.ALPHA,
                self.tr("Significance level for too few outlets (false discovery rate)"),
                QgsProcessingParameterNumber.Double,
                0.05,
                optional=True,
                minValue=1e-6,
                maxValue=0.5,
            )
        )  # optional: models saved before it existed stay valid
        self.addOutput(QgsProcessingOutputString("VOL_BREAKS", self.tr("Volume-share breaks")))
        self.addOutput(QgsProcessingOutputString("OUTLET_BREAKS", self.tr("Outlet-share breaks")))
        self.addOutput(QgsProcessingOutputNumber("N_UNDER_SERVED", self.tr("Under-served")))
        self.addOutput(
            QgsProcessingOutputNumber("UNDER_SERVED_T", self.tr("Volume in under-served features"))
        )
        self.addOutput(
            QgsProcessingOutputNumber(
                "N_UNDER_SIG", self.tr("Features with significantly too few outlets")
            )
        )
        self.addOutput(
            QgsProcessingOutputNumber(
                "UNDER_SIG_T", self.tr("Volume in features with significantly too few outlets")
            )
        )
        self.add_language_parameter()
        self.suggest_defaults(
            {self.INPUT: ("volume", "outlets")},
            {self.VOLUME_FIELD: "volume", self.OUTLETS_FIELD: "outlets", "NAME_FIELD": "name"},
        )

    def processAlgorithm(self, parameters, context, feedback):
        """Read, match in ``core``, write, style and report."""
        source = self.source_or_raise(parameters, self.INPUT, context)
        vol_name = self.parameterAsString(parameters, self.VOLUME_FIELD, context)
        vol_idx = numeric_field_index(source, vol_name, self.tr("volume"))
        outlets = self.parameterAsSource(parameters, self.OUTLETS, context)
        out_name = self.parameterAsString(parameters, self.OUTLETS_FIELD, context)
        if outlets is None and not out_name:
            raise QgsProcessingException(
                self.tr(
                    "Give an outlet count field (OUTLETS_FIELD) or an outlet point layer (OUTLETS)."
                )
            )
        out_idx = (
            -1 if outlets is not None else numeric_field_index(source, out_name, self.tr("outlets"))
        )
        k = self.parameterAsInt(parameters, self.CLASSES, context)
        alpha = (
            self.parameterAsDouble(parameters, self.ALPHA, context)
            if parameters.get(self.ALPHA) is not None
            else 0.05
        )
        if not 0.0 < alpha < 1.0:
            raise QgsProcessingException(
                self.tr("ALPHA must be between 0 and 1 (exclusive); got {alpha}.").format(
                    alpha=alpha
                )
            )
        method = classify.METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        palette = bivariate.PALETTE_NAMES[self.parameterAsEnum(parameters, self.PALETTE, context)]
        ensure_outputs_not_inputs(
            self, parameters, context, [self.OUTPUT, "REPORT"], [self.INPUT, self.OUTLETS]
        )

        steps = QgsProcessingMultiStepFeedback(region_run.STEPS, feedback)
        feedback.setProgressText(self.tr("Reading features…"))
        regions = region_run.read_regions(
            self, parameters, context, source, {"vol": vol_idx, "out": out_idx}, steps
        )
        ids, columns = regions.ids, regions.columns
        counts = columns["out"]
        if outlets is not None:
            feedback.setProgressText(self.tr("Counting outlets per feature…"))
            counts, skipped = region_run.points_per_region(regions, outlets, None, context, steps)
            if skipped["outside"]:
                feedback.pushWarning(
                    self.tr("Outlets outside every feature were not counted, ids: {ids}").format(
                        ids=format_ids(skipped["outside"])
                    )
                )
        if feedback.isCanceled():
            return {}

        feedback.setProgressText(self.tr("Classifying…"))
        try:
            result = bivariate.match(columns["vol"], counts, k, method, alpha)
        except InvalidValuesError as err:
            if err.which == "volume":
                field, param = vol_name, self.VOLUME_FIELD
            else:
                field = out_name or self.OUTLETS
                param = self.OUTLETS_FIELD if out_name else self.OUTLETS
            raise values_refused(self.tr, err, param, field, ids) from None
        except (NoValidRowsError, ZeroTotalError):
            raise QgsProcessingException(
                self.tr(
                    "No feature has both a volume and an outlet count, or one of the totals is 0: "
                    "shares cannot be computed (“{v}”, “{o}”)."
                ).format(v=vol_name, o=out_name or self.OUTLETS)
            ) from None
        self._warn(ids, result, vol_name, out_name or self.tr("outlet count"), k, feedback)

        new_fields = [
            new_field("vol_share", "double"),
            new_field("outlet_share", "double"),
            new_field("share_gap", "double"),
            new_field("vol_class", "int"),
            new_field("outlet_class", "int"),
            new_field("match_code", "string"),
            new_field("match_type", "string"),
            new_field("outlets_expected", "double"),
            new_field("p_fewer", "double"),
            new_field("q_fewer", "double"),
            new_field("under_sig", "bool"),
        ]
        extra = [
            [
                python_number(result.vol_share[i]),
                python_number(result.outlet_share[i]),
                python_number(result.share_gap[i]),
                int(result.vol_class[i]) or None,
                int(result.outlet_class[i]) or None,
                result.match_code[i],
                str(result.match_type[i]),
                python_number(result.outlets_expected[i]),
                python_number(result.p_fewer[i]),
                python_number(result.q_fewer[i]),
                result.under_sig[i],
            ]
            for i in range(len(regions.features))
        ]
        styler = bivariate_styler(result, palette, self.tr)
        feedback.setProgressText(self.tr("Writing features…"))
        dest_id = region_run.write_regions(
            self,
            parameters,
            context,
            feedback,
            steps,
            regions,
            new_fields,
            extra,
            [vol_name, out_name],
            styler,
        )
        names = region_names(
            source, regions.features, self.parameterAsString(parameters, self.NAME_FIELD, context)
        )
        under = bivariate.under_served_summary(names, columns["vol"], result)
        sig = result.under_sig_summary()
        results = {
            self.OUTPUT: dest_id,
            "VOL_BREAKS": breaks_text(result.vol_breaks),
            "OUTLET_BREAKS": breaks_text(result.outlet_breaks),
            "N_UNDER_SERVED": len(under["rows"]),
            "UNDER_SERVED_T": python_number(under["total_volume"]),
            "N_UNDER_SIG": int(sig["n"]),
            "UNDER_SIG_T": float(sig["volume"]),
        }

        def html(names: list[str], layer: str) -> str:
            from ...reports.matching import matching_report_html

            return matching_report_html(
                names,
                columns["vol"],
                counts,
                result,
                palette=palette,
                tr=report_tr,
                title=self.tr("Volume–outlet matching — {layer}").format(layer=layer),
            )

        return region_run.add_report(
            self,
            parameters,
            context,
            steps,
            regions,
            results,
            html,
            self.tr("Writing the report…"),
        )

    def _warn(self, ids, result, vol_name, out_name, k, feedback) -> None:
        if not result.counts_integral:
            feedback.pushWarning(
                self.tr(
                    "“{o}” holds counts that are not whole numbers: the binomial test needs outlet "
                    "counts, so p_fewer, q_fewer and under_sig are NULL."
                ).format(o=out_name)
            )
        no_data = [fid for fid, t in zip(ids, result.match_type) if t == "no_data"]
        if no_data:
            feedback.pushWarning(
                self.tr(
                    "NULL in “{v}” or “{o}” (match_type no_data, shares NULL) for feature ids: "
                    "{ids}"
                ).format(v=vol_name, o=out_name, ids=format_ids(no_data))
            )
        for label, breaks in ((vol_name, result.vol_breaks), (out_name, result.outlet_breaks)):
            if breaks.k < k:
                feedback.pushWarning(
                    self.tr(
                        "“{field}” has fewer distinct values than classes: {k} classes used instead "
                        "of {requested}."
                    ).format(field=label, k=breaks.k, requested=k)
                )
