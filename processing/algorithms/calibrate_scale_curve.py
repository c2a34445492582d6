"""Algorithm ``calibrate_scale_curve``: fit the scale curve to observed unit costs."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
)

from ...core.economics import calibration
from ...core.economics.model import InputError
from ...core.economics.presets import save_preset
from ..io.destinations import ensure_outputs_not_inputs
from ..io.economics import PARAMETERS_FILE, economics_params
from ..io.layers import (
    format_ids,
    layer_title,
    numeric_field_index,
    read_features,
    report_tr,
)
from ..io.text_tables import table_layer
from .base import AtlasAlgorithm

#: Numeric outputs: key → fitted parameter.
ESTIMATES = (
    ("Q0", "scale.q0"),
    ("K", "scale.k"),
    ("LAMBDA", "scale.lam"),
    ("FIXED_COST", "plant.fixed_cost_ref"),
)


class CalibrateScaleCurve(AtlasAlgorithm):
    """Least-squares fit of Q0, k, λ and the fixed cost to (throughput, unit cost) rows."""

    ALGORITHM_ID = "calibrate_scale_curve"
    DISPLAY_NAME = "Calibrate the scale curve"
    GROUP = "Recycling economics"
    GROUP_ID = "economics"

    INPUT = "INPUT"
    THROUGHPUT_FIELD = "THROUGHPUT_FIELD"
    UNIT_COST_FIELD = "UNIT_COST_FIELD"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"

    def shortHelpString(self) -> str:
        """Help shown beside the dialog."""
        return self.tr(
            "<p>Updates the model's scale economics from data, as the DLCER-Battery paper asks "
            "(dynamic calibration). A least-squares fit of the S-curve midpoint Q0 (10 kt), "
            "its steepness k, the scale saving λ and the annual fixed cost of the reference "
            "plant to observed rows of (throughput t/yr, processing unit cost CNY/t), with an "
            "optional capacity per row (default: throughput at full use).</p>"
            "<p><b>Outputs</b>: a preset JSON file with the fitted values (the other parameters "
            "from PARAMETERS_FILE or the defaults), to use in Plant profit and the other "
            "economics tools; R2, RMSE (CNY/t) and the estimates; a report with the fitted "
            "curve over the points, the standard errors and the residuals. Rows with NULL are "
            "skipped; throughput or unit cost ≤ 0 is refused with the feature ids. More rows "
            "than the four fitted parameters are needed.</p>"
        )

    def initAlgorithm(self, config=None) -> None:
        """Declare the parameters and outputs."""
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Observed unit costs (table)"), [QgsProcessing.TypeVector]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.THROUGHPUT_FIELD, self.tr("Throughput field (t/yr)"), None, self.INPUT
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.UNIT_COST_FIELD, self.tr("Unit cost field (CNY/t)"), None, self.INPUT
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.CAPACITY_FIELD,
                self.tr("Capacity field (t/yr)"),
                None,
                self.INPUT,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                PARAMETERS_FILE,
                self.tr("Economics preset to start from (JSON)"),
                extension="json",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, self.tr("Fitted preset"), self.tr("JSON files (*.json)")
            )
        )
        self.add_report_parameter()
        for key in ("R2", "RMSE", "N") + tuple(k for k, _ in ESTIMATES):
            self.addOutput(QgsProcessingOutputNumber(key, key))
        self.suggest_defaults(
            {"INPUT": ("throughput", "unit_cost")},
            {"THROUGHPUT_FIELD": "throughput", "UNIT_COST_FIELD": "unit_cost"},
        )

    def processAlgorithm(self, parameters, context, feedback):
        """Fit in ``core`` and write the preset and the report."""
        source = self.source_or_raise(parameters, self.INPUT, context)
        ensure_outputs_not_inputs(
            self, parameters, context, [self.OUTPUT, self.REPORT], [self.INPUT], [PARAMETERS_FILE]
        )
        # A GBK/GB18030 CSV is read again in its encoding (the user's layer is left as it is).
        fields = (self.THROUGHPUT_FIELD, self.UNIT_COST_FIELD, self.CAPACITY_FIELD)
        source = table_layer(self, parameters, self.INPUT, context, fields) or source
        params = economics_params(self, parameters, context)
        indices = {}
        for key, param in (
            ("thr", self.THROUGHPUT_FIELD),
            ("cost", self.UNIT_COST_FIELD),
            ("cap", self.CAPACITY_FIELD),
        ):
            name = self.parameterAsString(parameters, param, context)
            indices[key] = numeric_field_index(source, name, param, allow_text=True) if name else -1
        # Read, fit, write the preset and the report.
        steps = QgsProcessingMultiStepFeedback(3, feedback)
        read = read_features(source, indices, steps, (0, 100))
        if read is None:
            return {}
        features, cols = read
        ids = [f.id() for f in features]
        capacity = (
            None
            if indices["cap"] < 0
            else [c if c is not None else t for c, t in zip(cols["cap"], cols["thr"])]
        )
        steps.setCurrentStep(1)
        feedback.setProgressText(self.tr("Fitting…"))
        try:
            fit = calibration.fit_scale_curve(cols["thr"], cols["cost"], params, capacity=capacity)
        except InputError as err:
            rows = format_ids([ids[i] for i in err.indices]) if err.indices else "—"
            raise QgsProcessingException(
                self.tr("Cannot fit: {reason} (“{field}”, feature ids: {ids}).").format(
                    reason=err.reason, field=err.name, ids=rows
                )
            ) from None
        except ValueError as err:
            raise QgsProcessingException(self.tr("Cannot fit: {e}").format(e=err)) from None
        if not fit.success:
            feedback.pushWarning(self.tr("The optimiser reports: {m}").format(m=fit.message))
        steps.setCurrentStep(2)
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        try:
            save_preset(
                fit.params,
                self.stage_file(output, self.OUTPUT, make_folder=False),  # committed with REPORT
                description=self.tr("Scale curve fitted to {n} observed rows of {layer}").format(
                    n=fit.n, layer=layer_title(parameters, self.INPUT, source)
                ),
                metadata={"r2": fit.r2, "rmse": fit.rmse, "n": fit.n, "std_errors": fit.std_errors},
            )
        except OSError as error:
            raise QgsProcessingException(
                self.tr("Could not write {name} to {path}: {error}").format(
                    name=self.OUTPUT, path=output, error=error.strerror or error
                )
            ) from None
        results = {self.OUTPUT: output, "R2": fit.r2, "RMSE": float(fit.rmse), "N": int(fit.n)}
        results.update({key: float(fit.estimates[name]) for key, name in ESTIMATES})
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            from ...reports.calibration import calibration_report_html

            self.write_report(
                report,
                parameters,
                context,
                calibration_report_html(
                    cols["thr"],
                    cols["cost"],
                    fit,
                    tr=report_tr,
                    title=self.tr("Scale-curve calibration — {layer}").format(
                        layer=layer_title(parameters, self.INPUT, source)
                    ),
                ),
            )
            results[self.REPORT] = report
        feedback.setProgress(100)
        return results
