"""Algorithm ``retirement_capacity_ratio``: retired volume ÷ recycling capacity per region."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)

from ...core.errors import InvalidValuesError
from ...core.mismatch import ratio as core_ratio
from ..compat import new_field
from ..io import region_run
from ..io.destinations import ensure_outputs_not_inputs
from ..io.layers import format_ids, numeric_field_index, python_number, report_tr
from ..io.region_run import values_refused
from ..styling.labels import ratio_class_labels
from ..styling.postprocess import qml_styler, relabel_categories
from .base import AtlasAlgorithm

STYLE = "ratio_class.qml"
_num = python_number


class RetirementCapacityRatio(AtlasAlgorithm):
    """Per region: retirement ÷ capacity, classes, a summary and a regression on capacity."""

    ALGORITHM_ID = "retirement_capacity_ratio"
    DISPLAY_NAME = "Retirement-to-capacity ratio"
    GROUP = "Spatial mismatch"
    GROUP_ID = "mismatch"

    INPUT = "INPUT"
    RETIREMENT_FIELD = "RETIREMENT_FIELD"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    PLANTS = "PLANTS"
    PLANT_CAPACITY_FIELD = "PLANT_CAPACITY_FIELD"
    THRESHOLDS = "THRESHOLDS"
    NAME_FIELD = "NAME_FIELD"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"
    NUMBER_OUTPUTS = (
        "N_VALID",
        "MEDIAN_RATIO",
        "SHARE_BELOW",
        "NATIONAL_RATIO",
        "SLOPE",
        "INTERCEPT",
        "R",
        "R2",
        "P_VALUE",
        "ELASTICITY",
        "ELASTICITY_LOW",
        "ELASTICITY_HIGH",
        "P_PROPORTIONAL",
    )

    def shortHelpString(self) -> str:
        """Help shown beside the dialog."""
        return self.tr(
            "<p>Compares the retired battery volume of each region with the recycling capacity "
            "built there: <b>ratio = retirement ÷ capacity</b> (both in tonnes per year). A "
            "ratio of 0.15 means the plants could take in almost seven times what retires "
            "locally; above 1 the region retires more than it can process.</p>"
            "<p><b>Inputs.</b> Region polygons with a numeric retirement field (t/yr) and either "
            "a capacity field (t/yr) or a point layer of plants with a capacity field: plant "
            "capacity is then summed per region by location (points in other CRSs are "
            "transformed). Thresholds are three ratios, default 0.2,0.8,1.0.</p>"
            "<p><b>Classes</b> (field <i>ratio_class</i>): severe_idle (&lt; 0.2), under_used "
            "(0.2–0.8), tight (0.8–1.0 inclusive), shortage (&gt; 1.0), no_capacity (capacity 0 "
            "or NULL with retirement &gt; 0), no_data (retirement NULL, or 0 with no capacity), "
            "invalid (a negative value). Every region is kept; undefined ratios are NULL.</p>"
            "<p><b>Outputs.</b> The regions with <i>retire_t</i>, <i>capacity_t</i>, "
            "<i>ratio</i>, <i>ratio_class</i>, styled by class; numbers: N_VALID, MEDIAN_RATIO, "
            "SHARE_BELOW (share of defined ratios below the first threshold, 0–1), "
            "NATIONAL_RATIO (Σ retirement ÷ Σ capacity over regions with both values), and an "
            "ordinary least-squares regression of ratio on capacity (SLOPE per t/yr of "
            "capacity, INTERCEPT, R, R2, two-sided P_VALUE; NULL with fewer than 3 defined "
            "ratios), kept to reproduce the source. Capacity is the ratio's denominator, so "
            "that slope comes out negative whenever capacity does not follow retirement, even "
            "for unrelated numbers (spurious correlation of ratios, Pearson 1897, Kronmal "
            "1993): its p-value alone does not show a mismatch.</p>"
            "<p><b>Does capacity follow retirement?</b> ELASTICITY is the slope of an ordinary "
            "least-squares fit of ln retirement on ln capacity over the regions where both are "
            "above zero, with its 95 % confidence interval ELASTICITY_LOW–ELASTICITY_HIGH "
            "(Student's t, n − 2 degrees of freedom) and P_PROPORTIONAL, the two-sided p-value "
            "of slope = 1 (capacity placed in proportion to retirement). A slope below 1 means "
            "the larger capacities sit where retirements are relatively small. Assumes a "
            "straight line on log scales and independent regions with normal residuals of "
            "equal spread; it shows association, not cause. NULL with fewer than 3 such "
            "regions.</p>"
            "<p>The optional HTML report has the summary, the elasticity with a log–log "
            "scatter of the observed and the proportional line, the ratio regression with its "
            "scatter plot, and the regions sorted by ratio.</p>"
            "<p><b>Source.</b> The method follows a 2025 NGO report on the spatial mismatch of "
            "battery recycling in China (province ratio of forecast retirement to built "
            "whitelist capacity; 2025 median about 11.5 %).</p>"
        )

    def initAlgorithm(self, config=None) -> None:
        """Declare the parameters and outputs."""
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Regions (polygons)"), [QgsProcessing.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.RETIREMENT_FIELD,
                self.tr("Retirement field (t/yr)"),
                None,
                self.INPUT,
                QgsProcessingParameterField.Numeric,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.CAPACITY_FIELD,
                self.tr("Capacity field (t/yr)"),
                None,
                self.INPUT,
                QgsProcessingParameterField.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PLANTS,
                self.tr("Plants (points, capacity summed per region)"),
                [QgsProcessing.TypeVectorPoint],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.PLANT_CAPACITY_FIELD,
                self.tr("Plant capacity field (t/yr)"),
                None,
                self.PLANTS,
                QgsProcessingParameterField.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.THRESHOLDS, self.tr("Class thresholds (three ratios)"), "0.2,0.8,1.0"
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.NAME_FIELD,
                self.tr("Region name field (for the report)"),
                None,
                self.INPUT,
                QgsProcessingParameterField.Any,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT,
                self.tr("Retirement-to-capacity ratio"),
                QgsProcessing.TypeVectorPolygon,
            )
        )
        self.add_report_parameter()
        for key in self.NUMBER_OUTPUTS:
            self.addOutput(QgsProcessingOutputNumber(key, key))
        self.add_language_parameter()
        self.suggest_defaults(
            {self.INPUT: ("retirement", "capacity")},
            {
                self.RETIREMENT_FIELD: "retirement",
                self.CAPACITY_FIELD: "capacity",
                "NAME_FIELD": "name",
            },
        )

    def processAlgorithm(self, parameters, context, feedback):
        """Read the regions, compute the ratios in ``core``, write, style and report."""
        source = self.source_or_raise(parameters, self.INPUT, context)
        thresholds = self._thresholds(parameters, context)
        ret_name = self.parameterAsString(parameters, self.RETIREMENT_FIELD, context)
        ret_idx = numeric_field_index(source, ret_name, self.tr("retirement"))
        cap_name = self.parameterAsString(parameters, self.CAPACITY_FIELD, context)
        plants = self.parameterAsSource(parameters, self.PLANTS, context)
        plant_field = self.parameterAsString(parameters, self.PLANT_CAPACITY_FIELD, context)
        if plants is not None and not plant_field:
            raise QgsProcessingException(
                self.tr("Plants were given without a plant capacity field (PLANT_CAPACITY_FIELD).")
            )
        if plants is None and not cap_name:
            raise QgsProcessingException(
                self.tr(
                    "Give a capacity field (CAPACITY_FIELD) or a plant layer with a capacity field "
                    "(PLANTS and PLANT_CAPACITY_FIELD)."
                )
            )
        cap_idx = (
            -1 if plants is not None else numeric_field_index(source, cap_name, self.tr("capacity"))
        )
        ensure_outputs_not_inputs(
            self, parameters, context, [self.OUTPUT, "REPORT"], [self.INPUT, self.PLANTS]
        )

        steps = QgsProcessingMultiStepFeedback(region_run.STEPS, feedback)
        feedback.setProgressText(self.tr("Reading regions…"))
        regions = region_run.read_regions(
            self, parameters, context, source, {"ret": ret_idx, "cap": cap_idx}, steps
        )
        ids = regions.ids
        retirement, capacity = regions.columns["ret"], regions.columns["cap"]
        if plants is not None:
            feedback.setProgressText(self.tr("Summing plant capacity per region…"))
            plant_idx = numeric_field_index(plants, plant_field, self.tr("plant capacity"))
            capacity, skipped = region_run.points_per_region(
                regions, plants, plant_idx, context, steps
            )
            region_run.refuse_point_values(skipped, plants, self.PLANT_CAPACITY_FIELD, plant_field)
            self._warn_plants(skipped, plant_field, feedback)
        if feedback.isCanceled():
            return {}

        try:
            core_ratio.check_finite(retirement, capacity)
        except InvalidValuesError as err:
            if err.which == "retirement":
                field, param = ret_name, self.RETIREMENT_FIELD
            elif plants is not None:
                field, param = plant_field, self.PLANT_CAPACITY_FIELD
            else:
                field, param = cap_name, self.CAPACITY_FIELD
            raise values_refused(self.tr, err, param, field, ids) from None
        result = core_ratio.compute_ratios(retirement, capacity, thresholds)
        summary = core_ratio.summarize(result, thresholds)
        regression = core_ratio.ratio_regression(result)
        elasticity = core_ratio.capacity_elasticity(result)
        self._warn_classes(ids, result, ret_name, cap_name or plant_field, feedback)
        if regression.slope is None:
            feedback.pushWarning(
                self.tr(
                    "The regression needs at least 3 regions with a defined ratio and capacities "
                    "that differ; its outputs are NULL ({n} defined)."
                ).format(n=regression.n)
            )
        if elasticity.slope is None:
            feedback.pushWarning(
                self.tr(
                    "The elasticity needs at least 3 regions with retirement and capacity above "
                    "zero and capacities that differ; its outputs are NULL ({n} such regions)."
                ).format(n=elasticity.n)
            )

        new_fields = [
            new_field("retire_t", "double"),
            new_field("capacity_t", "double"),
            new_field("ratio", "double"),
            new_field("ratio_class", "string"),
        ]
        feedback.setProgressText(self.tr("Writing regions…"))
        extra = [
            [
                _num(result.retirement[i]),
                _num(result.capacity[i]),
                _num(result.ratio[i]),
                str(result.ratio_class[i]),
            ]
            for i in range(len(regions.features))
        ]
        labels = ratio_class_labels(thresholds)
        dest_id = region_run.write_regions(
            self,
            parameters,
            context,
            feedback,
            steps,
            regions,
            new_fields,
            extra,
            [ret_name, cap_name, plant_field],
            qml_styler(STYLE, relabel_categories(labels)),
        )
        results = {self.OUTPUT: dest_id}
        results.update(
            {
                "N_VALID": summary.n_valid,
                "MEDIAN_RATIO": _num(summary.median),
                "SHARE_BELOW": _num(summary.share_below),
                "NATIONAL_RATIO": _num(summary.national_ratio),
                "SLOPE": _num(regression.slope),
                "INTERCEPT": _num(regression.intercept),
                "R": _num(regression.r),
                "R2": _num(regression.r2),
                "P_VALUE": _num(regression.p_value),
                "ELASTICITY": _num(elasticity.slope),
                "ELASTICITY_LOW": _num(elasticity.low),
                "ELASTICITY_HIGH": _num(elasticity.high),
                "P_PROPORTIONAL": _num(elasticity.p_proportional),
            }
        )

        def html(names: list[str], layer: str) -> str:
            from ...reports.ratio import ratio_report_html

            return ratio_report_html(
                names,
                result,
                summary,
                regression,
                thresholds,
                title=self.tr("Retirement-to-capacity ratio — {layer}").format(layer=layer),
                class_labels=labels,
                tr=report_tr,
                elasticity=elasticity,
            )

        return region_run.add_report(
            self, parameters, context, steps, regions, results, html, self.tr("Writing the report…")
        )

    # -- helpers ---------------------------------------------------------------------------

    def _thresholds(self, parameters, context) -> core_ratio.RatioThresholds:
        text = self.parameterAsString(parameters, self.THRESHOLDS, context) or "0.2,0.8,1.0"
        try:
            return core_ratio.parse_thresholds(text)
        except ValueError:
            raise QgsProcessingException(
                self.tr(
                    "THRESHOLDS must be three increasing ratios separated by commas, such as "
                    "0.2,0.8,1.0 (first > 0, first < second ≤ third); got “{text}”."
                ).format(text=text)
            ) from None

    def _warn_classes(self, ids, result, ret_name, cap_name, feedback) -> None:
        problems = {
            "invalid": self.tr(
                "Negative values in “{r}” or “{c}”, or a ratio too large to represent (class "
                "invalid, ratio NULL) for feature ids: {ids}"
            ),
            "no_data": self.tr(
                "No retirement value in “{r}” (NULL, or 0 with no capacity; "
                "class no_data) for feature ids: {ids}"
            ),
            "no_capacity": self.tr(
                "Capacity 0 or NULL in “{c}” with retirement > 0 (class "
                "no_capacity) for feature ids: {ids}"
            ),
        }
        classes = list(result.ratio_class)
        for code, message in problems.items():
            hit = [fid for fid, c in zip(ids, classes) if c == code]
            if hit:
                feedback.pushWarning(message.format(r=ret_name, c=cap_name, ids=format_ids(hit)))

    def _warn_plants(self, skipped, field, feedback) -> None:
        messages = {
            "outside": self.tr("Plants outside every region were not counted, ids: {ids}"),
            "null": self.tr("Plants with NULL “{f}” were not counted, ids: {ids}"),
            "negative": self.tr("Plants with a negative “{f}” were not counted, ids: {ids}"),
        }
        for key, message in messages.items():
            if skipped[key]:
                feedback.pushWarning(message.format(f=field, ids=format_ids(skipped[key])))
