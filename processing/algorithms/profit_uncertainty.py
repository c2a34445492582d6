"""Algorithm ``profit_uncertainty``: Monte Carlo and one-at-a-time sensitivity of profit."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
)

from ...core.economics import uncertainty
from ...core.errors import NonFiniteResultError, ParameterError
from ..compat import new_field
from ..io.destinations import ensure_outputs_not_inputs
from ..io.economics import HEADLINES, PARAMETERS_FILE, uncertainty_ranges
from ..io.layers import layer_title, python_number, region_names, report_tr
from ..styling.labels import graduated_labels
from ..styling.postprocess import qml_styler, relabel_ranges
from .base import AtlasAlgorithm
from .plant_profit import add_plant_inputs, plant_plan, profit_refused

STYLE = "profit_uncertainty.qml"
NEW_FIELDS = ("throughput_t", "profit_p5", "profit_p50", "profit_p95", "profit_mean", "p_loss")


class ProfitUncertainty(AtlasAlgorithm):
    """How sure is the profit? Monte Carlo over the parameter table's ranges, and a tornado."""

    ALGORITHM_ID = "profit_uncertainty"
    DISPLAY_NAME = "Profit uncertainty (Monte Carlo and sensitivity)"
    GROUP = "Recycling economics"
    GROUP_ID = "economics"

    OUTPUT = "OUTPUT"
    REPORT = "REPORT"
    N_SIMULATIONS = "N_SIMULATIONS"
    SEED = "SEED"

    def shortHelpString(self) -> str:
        """Help shown beside the dialog."""
        return self.tr(
            "<p>How certain is each plant's profit? <b>Monte Carlo</b>: the uncertain "
            "parameters (metal prices, recovery rates, carbon price, pack prices, scale curve "
            "…) are drawn N times from the ranges of the sourced parameter table (triangular, "
            "uniform or normal), seeded so a run can be repeated, and the profit model is "
            "evaluated for every plant and draw at once. <b>Sensitivity</b>: every parameter "
            "is moved to the low and high end of its range, one at a time, giving the tornado "
            "chart of the total profit.</p>"
            "<p><b>Inputs</b> as for Plant profit; N_SIMULATIONS (default 10,000) and SEED. "
            "A preset moves each range by the ratio of its value to the table's.</p>"
            "<p><b>Outputs</b> per plant: profit_p5, profit_p50, profit_p95, profit_mean "
            "(CNY/yr) and p_loss (share of draws with a loss, 0–1); numbers for the total over "
            "all plants. The report has histograms, the tornado chart and the rank correlation "
            "(Spearman) of each input with the total profit.</p>"
        )

    def initAlgorithm(self, config=None) -> None:
        """Declare the parameters and outputs."""
        add_plant_inputs(self)
        self.addParameter(
            QgsProcessingParameterNumber(
                self.N_SIMULATIONS,
                self.tr("Simulations"),
                QgsProcessingParameterNumber.Integer,
                10_000,
                minValue=100,
                maxValue=1_000_000,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SEED,
                self.tr("Random seed"),
                QgsProcessingParameterNumber.Integer,
                1,
                minValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Profit uncertainty"), QgsProcessing.TypeVectorPoint
            )
        )
        self.add_report_parameter()
        for key in ("TOTAL_P5", "TOTAL_P50", "TOTAL_P95", "P_LOSS_TOTAL"):
            self.addOutput(QgsProcessingOutputNumber(key, key))
        self.add_language_parameter()
        self.suggest_defaults(
            {"INPUT": ("capacity",)}, {"CAPACITY_FIELD": "capacity", "NAME_FIELD": "name"}
        )

    def processAlgorithm(self, parameters, context, feedback):
        """Draw, evaluate and summarise in ``core``; write, style and report."""
        source = self.source_or_raise(parameters, "INPUT", context)
        ensure_outputs_not_inputs(
            self, parameters, context, [self.OUTPUT, "REPORT"], ["INPUT"], ["PARAMETERS_FILE"]
        )
        # Read, Monte Carlo, sensitivity, write, report.
        steps = QgsProcessingMultiStepFeedback(5, feedback)
        plan = plant_plan(self, parameters, context, steps, source)
        if plan is None:
            return {}
        features, params, cap, thr, ok = plan
        if not ok.any():
            raise QgsProcessingException(
                self.tr("No plant has both a capacity and a " "throughput.")
            )
        n = self.parameterAsInt(parameters, self.N_SIMULATIONS, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        try:
            ranges = uncertainty_ranges(params)
        except ParameterError as err:  # a value so large that its range overflows
            key = next((key for key, flat, *_ in HEADLINES if flat == err.name), PARAMETERS_FILE)
            raise QgsProcessingException(
                self.tr(
                    "The uncertainty range of {name} ({parameter}) is not finite: the value is "
                    "too large (above about 1.8e308 once widened). {reason}"
                ).format(name=err.name, parameter=key, reason=err.reason)
            ) from None
        steps.setCurrentStep(1)
        feedback.setProgressText(self.tr("Monte Carlo: {n} draws…").format(n=f"{n:,}"))
        try:
            mc = uncertainty.monte_carlo(params, cap[ok], thr[ok], ranges=ranges, n=n, seed=seed)
        except NonFiniteResultError as err:
            raise profit_refused(self, parameters, context, source, features, ok, err) from None
        if feedback.isCanceled():
            return {}
        steps.setCurrentStep(2)
        feedback.setProgressText(self.tr("One-at-a-time sensitivity…"))
        tornado = uncertainty.sensitivity(params, cap[ok], thr[ok], ranges=ranges)
        steps.setCurrentStep(3)

        new_fields = [new_field(name, "double") for name in NEW_FIELDS]
        rows, k = [], 0
        for i, keep in enumerate(ok):
            if keep:
                rows.append(
                    [python_number(thr[i])]
                    + [python_number(a[k]) for a in (mc.p5, mc.p50, mc.p95, mc.mean, mc.p_loss)]
                )
                k += 1
            else:
                rows.append([None] * len(NEW_FIELDS))
        used = [
            self.parameterAsString(parameters, name, context)
            for name in ("CAPACITY_FIELD", "THROUGHPUT_FIELD")
        ]
        styler = qml_styler(STYLE, relabel_ranges(graduated_labels()))
        dest_id = self.write_joined(
            parameters, context, steps, source, new_fields, features, rows, used, styler
        )
        steps.setCurrentStep(4)

        total = mc.total_summary()
        outputs = {
            self.OUTPUT: dest_id,
            "TOTAL_P5": total["p5"],
            "TOTAL_P50": total["p50"],
            "TOTAL_P95": total["p95"],
            "P_LOSS_TOTAL": total["p_loss"],
        }
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            from ...reports.uncertainty import uncertainty_report_html

            names = region_names(
                source, features, self.parameterAsString(parameters, "NAME_FIELD", context)
            )
            self.write_report(
                report,
                parameters,
                context,
                uncertainty_report_html(
                    [nm for nm, keep in zip(names, ok) if keep],
                    mc,
                    tornado,
                    n=n,
                    seed=seed,
                    title=self.tr("Profit uncertainty — {layer}").format(
                        layer=layer_title(parameters, "INPUT", source)
                    ),
                    tr=report_tr,
                ),
            )
            outputs[self.REPORT] = report
        feedback.setProgress(100)
        return outputs
