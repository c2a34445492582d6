"""Algorithm ``capital_compliance``: registered capital against whitelist firms per province."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ...core.errors import InvalidValuesError
from ...core.mismatch import compliance
from ..compat import new_field
from ..io import region_run
from ..io.destinations import ensure_outputs_not_inputs
from ..io.layers import format_ids, numeric_field_index, python_number, report_tr
from ..io.region_run import values_refused
from ..styling.labels import compliance_labels
from ..styling.postprocess import qml_styler, relabel_rules
from .base import AtlasAlgorithm

STYLE = "compliance_index.qml"


class CapitalCompliance(AtlasAlgorithm):
    """Per province: capital share, whitelist share, their ratio, and the correlation."""

    ALGORITHM_ID = "capital_compliance"
    DISPLAY_NAME = "Capital vs compliance"
    GROUP = "Spatial mismatch"
    GROUP_ID = "mismatch"

    INPUT = "INPUT"
    CAPITAL_FIELD = "CAPITAL_FIELD"
    WHITELIST_FIELD = "WHITELIST_FIELD"
    WHITELIST = "WHITELIST"
    WHITELIST_CAPACITY_FIELD = "WHITELIST_CAPACITY_FIELD"
    NAME_FIELD = "NAME_FIELD"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"

    def shortHelpString(self) -> str:
        """Help shown beside the dialog."""
        return self.tr(
            "<p>Does money follow compliance? For each province: its <b>share of the "
            "registered capital</b> of recycling firms and its <b>share of the whitelist "
            "firms</b> (MIIT 综合利用行业规范条件), and the <b>compliance index</b> = whitelist "
            "share ÷ capital share (above 1: more compliant firms than its capital would "
            "suggest; NULL where capital is 0 or NULL).</p>"
            "<p><b>Inputs.</b> Provinces with a numeric capital field (CNY) and either a "
            "whitelist firm count field or a point layer of whitelist firms counted per "
            "province by location. With WHITELIST_CAPACITY_FIELD the points' capacity (t/yr) "
            "is also summed into <i>whitelist_capacity_t</i>.</p>"
            "<p><b>Outputs.</b> Every province and field plus <i>capital_share</i>, "
            "<i>whitelist_share</i> (fractions 0–1), <i>compliance_index</i>, "
            "<i>no_whitelist</i> (true where no whitelist firm); numbers PEARSON_R, "
            "SPEARMAN_R (with P values) and N. The report has a scatter plot, the "
            "correlation, the provinces without a whitelist firm and the most and least "
            "compliant.</p>"
            "<p><b>Source.</b> A 2025 NGO report found r = −0.03 between capital and whitelist "
            "firms; seven provinces had none (Shanxi, Inner Mongolia, Xinjiang, Heilongjiang, "
            "Qinghai, Tibet, Hainan).</p>"
        )

    def initAlgorithm(self, config=None) -> None:
        """Declare the parameters and outputs."""
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Provinces"), [QgsProcessing.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.CAPITAL_FIELD,
                self.tr("Registered capital field (CNY)"),
                None,
                self.INPUT,
                QgsProcessingParameterField.Numeric,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.WHITELIST_FIELD,
                self.tr("Whitelist firm count field"),
                None,
                self.INPUT,
                QgsProcessingParameterField.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.WHITELIST,
                self.tr("Whitelist firms (points, counted per province)"),
                [QgsProcessing.TypeVectorPoint],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.WHITELIST_CAPACITY_FIELD,
                self.tr("Whitelist firm capacity field (t/yr)"),
                None,
                self.WHITELIST,
                QgsProcessingParameterField.Numeric,
                optional=True,
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
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Capital vs compliance"), QgsProcessing.TypeVectorPolygon
            )
        )
        self.add_report_parameter()
        for key in ("PEARSON_R", "PEARSON_P", "SPEARMAN_R", "SPEARMAN_P", "N"):
            self.addOutput(QgsProcessingOutputNumber(key, key))
        self.add_language_parameter()
        self.suggest_defaults(
            {self.INPUT: ("capital", "whitelist")},
            {
                self.CAPITAL_FIELD: "capital",
                self.WHITELIST_FIELD: "whitelist",
                "NAME_FIELD": "name",
            },
        )

    def processAlgorithm(self, parameters, context, feedback):
        """Read, compute in ``core``, write, style and report."""
        source = self.source_or_raise(parameters, self.INPUT, context)
        cap_name = self.parameterAsString(parameters, self.CAPITAL_FIELD, context)
        cap_idx = numeric_field_index(source, cap_name, self.tr("capital"))
        firms_src = self.parameterAsSource(parameters, self.WHITELIST, context)
        firm_name = self.parameterAsString(parameters, self.WHITELIST_FIELD, context)
        if firms_src is None and not firm_name:
            raise QgsProcessingException(
                self.tr(
                    "Give a whitelist firm count field (WHITELIST_FIELD) or a point layer of "
                    "whitelist firms (WHITELIST)."
                )
            )
        firm_idx = (
            -1
            if firms_src is not None
            else numeric_field_index(source, firm_name, self.tr("whitelist firms"))
        )
        ensure_outputs_not_inputs(
            self, parameters, context, [self.OUTPUT, "REPORT"], [self.INPUT, self.WHITELIST]
        )

        steps = QgsProcessingMultiStepFeedback(region_run.STEPS, feedback)
        regions = region_run.read_regions(
            self, parameters, context, source, {"capital": cap_idx, "firms": firm_idx}, steps
        )
        ids, columns = regions.ids, regions.columns
        firms, capacity = columns["firms"], None
        if firms_src is not None:
            firms, skipped = region_run.points_per_region(regions, firms_src, None, context, steps)
            cap_field = self.parameterAsString(parameters, self.WHITELIST_CAPACITY_FIELD, context)
            if cap_field:
                idx = numeric_field_index(firms_src, cap_field, self.tr("firm capacity"))
                capacity, left_out = region_run.points_per_region(
                    regions, firms_src, idx, context, steps
                )
                region_run.refuse_point_values(
                    left_out, firms_src, self.WHITELIST_CAPACITY_FIELD, cap_field
                )
                self._check_capacity(left_out, cap_field, feedback)
            if skipped["outside"]:
                feedback.pushWarning(
                    self.tr(
                        "Whitelist firms outside every province were not counted, ids: {ids}"
                    ).format(ids=format_ids(skipped["outside"]))
                )
        if feedback.isCanceled():
            return {}

        try:
            result = compliance.capital_compliance(columns["capital"], firms)
        except InvalidValuesError as err:
            if err.which == "capital":
                field, param = cap_name, self.CAPITAL_FIELD
            else:
                field = firm_name or self.WHITELIST
                param = self.WHITELIST_FIELD if firm_name else self.WHITELIST
            raise values_refused(self.tr, err, param, field, ids) from None
        undefined = [fid for fid, c in zip(ids, columns["capital"]) if c is None or c == 0]
        if undefined:
            feedback.pushWarning(
                self.tr(
                    "Capital 0 or NULL in “{field}” (compliance_index NULL) for feature ids: {ids}"
                ).format(field=cap_name, ids=format_ids(undefined))
            )
        if result.n is None or result.n < 3 or result.pearson_r is None:
            feedback.pushWarning(
                self.tr(
                    "The correlation needs at least 3 provinces with both values, and values that "
                    "differ; PEARSON_R and SPEARMAN_R are NULL."
                )
            )

        new_fields = [
            new_field("capital_share", "double"),
            new_field("whitelist_share", "double"),
            new_field("compliance_index", "double"),
            new_field("no_whitelist", "bool"),
        ]
        if capacity is not None:
            new_fields.append(new_field("whitelist_capacity_t", "double"))
        extra = []
        for i in range(len(regions.features)):
            row = [
                python_number(result.capital_share[i]),
                python_number(result.whitelist_share[i]),
                python_number(result.compliance_index[i]),
                None if result.null_firms[i] else bool(result.no_whitelist[i]),
            ]
            if capacity is not None:
                row.append(python_number(capacity[i]))
            extra.append(row)
        dest_id = region_run.write_regions(
            self,
            parameters,
            context,
            feedback,
            steps,
            regions,
            new_fields,
            extra,
            [cap_name, firm_name],
            qml_styler(STYLE, relabel_rules(compliance_labels())),
        )

        results = {
            self.OUTPUT: dest_id,
            "PEARSON_R": python_number(result.pearson_r),
            "PEARSON_P": python_number(result.pearson_p),
            "SPEARMAN_R": python_number(result.spearman_r),
            "SPEARMAN_P": python_number(result.spearman_p),
            "N": python_number(result.n),
        }

        def html(names: list[str], layer: str) -> str:
            from ...reports.compliance import compliance_report_html

            return compliance_report_html(
                names,
                columns["capital"],
                firms,
                result,
                tr=report_tr,
                title=self.tr("Capital vs compliance — {layer}").format(layer=layer),
            )

        return region_run.add_report(self, parameters, context, steps, regions, results, html)

    def _check_capacity(self, left_out, field, feedback) -> None:
        """Whitelist firms with a NULL or negative capacity are not counted, with a warning
        naming them (as the ratio does for plants)."""
        messages = {
            "null": self.tr("Whitelist firms with NULL “{f}” were not counted, ids: {ids}"),
            "negative": self.tr(
                "Whitelist firms with a negative “{f}” were not counted, ids: {ids}"
            ),
        }
        for key, message in messages.items():
            if left_out[key]:
                feedback.pushWarning(message.format(f=field, ids=format_ids(left_out[key])))
