"""Algorithm ``plant_profit``: the DLCER-Battery profit model for every plant of a layer."""

from __future__ import annotations

import math

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ...core.economics import model as econ
from ...core.errors import NonFiniteValueError, RowValuesError
from ..compat import new_field
from ..io.destinations import ensure_outputs_not_inputs
from ..io.economics import add_parameter_inputs, economics_params, plant_arrays, plant_field_indices
from ..io.layers import (
    feature_refs,
    format_ids,
    layer_title,
    python_number,
    read_features,
    region_names,
    report_tr,
)
from ..styling.labels import graduated_labels
from ..styling.postprocess import qml_styler, relabel_ranges
from .base import AtlasAlgorithm

STYLE = "plant_profit.qml"
#: Output fields after the input's: name, PlantEconomics attribute (or term), type.
RESULT_FIELDS = (
    ("throughput_t", "throughput"),
    ("utilization", "utilization"),
    ("scale_eff", "scale_eff"),
    ("unit_cost", "unit_cost"),
    ("revenue", "revenue"),
    ("cost", "cost"),
    ("profit", "profit"),
    ("margin", "margin"),
    ("breakeven_t", "breakeven_t"),
)
TERM_FIELDS = (
    ("rev_rm", "Rm"),
    ("rev_rt", "Rt"),
    ("rev_sg", "Sg"),
    ("rev_ec", "Ec"),
    ("cost_cp", "Cp"),
    ("cost_cd", "Cd"),
    ("cost_cr", "Cr"),
    ("cost_ce", "Ce"),
    ("cost_purchase", "purchase"),
)


def plant_plan(alg, parameters, context, feedback, source):
    """Read a plant layer: (features, economics parameters, capacity, throughput, mask of the
    plants with both defined), or None when cancelled. Shared with profit_uncertainty.
    ``feedback`` is the reading step (0–100 %)."""
    indices, cap_name, thr_name = plant_field_indices(alg, parameters, context, source)
    params = economics_params(alg, parameters, context)
    read = read_features(source, indices, feedback, (0, 100))
    if read is None:
        return None
    features, columns = read
    ids = feature_refs(source, features, alg.parameterAsString(parameters, "NAME_FIELD", context))
    for key, param, field in (
        ("capacity", "CAPACITY_FIELD", cap_name),
        ("throughput", "THROUGHPUT_FIELD", thr_name),
    ):
        bad = [i for i, v in enumerate(columns.get(key) or []) if v is not None and math.isinf(v)]
        if bad:  # refused, never kept as a NULL row
            raise QgsProcessingException(
                alg.tr(
                    "Values that are not finite (±inf) in “{field}” ({parameter}) for feature "
                    "ids: {ids}."
                ).format(field=field, parameter=param, ids=format_ids([ids[i] for i in bad]))
            )
    cap, thr, ok = plant_arrays(
        alg, parameters, context, source, features, columns, cap_name, thr_name, feedback
    )
    return features, params, cap, thr, ok


def profit_refused(
    alg, parameters, context, source, features, ok: np.ndarray, err: RowValuesError
) -> QgsProcessingException:
    """The translated error for a profit (or total profit) that is not finite: ``err.indices``
    are 0-based positions among the plants where ``ok``; the message names the features."""
    ids = feature_refs(source, features, alg.parameterAsString(parameters, "NAME_FIELD", context))
    rows = np.flatnonzero(ok)
    plants = format_ids([ids[int(rows[i])] for i in err.indices])
    return QgsProcessingException(
        alg.tr(
            "The profit (CNY/yr) is not finite: capacity, throughput or parameters too large "
            "for the model (above about 1.8e308) at plants: {ids}."
        ).format(ids=plants)
    )


def add_plant_inputs(alg) -> None:
    """INPUT, CAPACITY_FIELD, THROUGHPUT_FIELD or UTILIZATION, NAME_FIELD and the economics
    parameters: shared with profit_uncertainty."""
    alg.addParameter(
        QgsProcessingParameterFeatureSource(
            "INPUT", alg.tr("Plants (points)"), [QgsProcessing.TypeVectorPoint]
        )
    )
    alg.addParameter(
        QgsProcessingParameterField(
            "CAPACITY_FIELD",
            alg.tr("Capacity field (t/yr)"),
            None,
            "INPUT",
            QgsProcessingParameterField.Numeric,
        )
    )
    alg.addParameter(
        QgsProcessingParameterField(
            "THROUGHPUT_FIELD",
            alg.tr("Throughput field (t/yr)"),
            None,
            "INPUT",
            QgsProcessingParameterField.Numeric,
            optional=True,
        )
    )
    alg.addParameter(
        QgsProcessingParameterNumber(
            "UTILIZATION",
            alg.tr("Utilisation for every plant (0–1; when no throughput field)"),
            QgsProcessingParameterNumber.Double,
            None,
            optional=True,
            minValue=0.0,
            maxValue=1.0,
        )
    )
    alg.addParameter(
        QgsProcessingParameterField(
            "NAME_FIELD",
            alg.tr("Plant name field (for the report)"),
            None,
            "INPUT",
            QgsProcessingParameterField.Any,
            optional=True,
        )
    )
    add_parameter_inputs(alg)


class PlantProfit(AtlasAlgorithm):
    """Revenue, cost and profit per plant with the S-shaped scale curve."""

    ALGORITHM_ID = "plant_profit"
    DISPLAY_NAME = "Plant profit (DLCER-Battery model)"
    GROUP = "Recycling economics"
    GROUP_ID = "economics"

    INPUT = "INPUT"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    THROUGHPUT_FIELD = "THROUGHPUT_FIELD"
    UTILIZATION = "UTILIZATION"
    NAME_FIELD = "NAME_FIELD"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"

    def shortHelpString(self) -> str:
        """Help shown beside the dialog."""
        return self.tr(
            "<p>Does recycling pay at this plant? The DLCER-Battery model (a 2025 paper) "
            "computes profit = revenues − costs per plant and year from eight terms: "
            "<b>revenues</b> Rm recovered materials (metal prices × contents × recovery rates), "
            "Rt cascade use, Sg government support, Ec environmental benefit (carbon); "
            "<b>costs</b> Cp collection and logistics, Cd dismantling and testing, Cr "
            "regeneration, Ce environmental treatment; plus the purchase price of retired packs "
            "(an extension; the default NCM price, 6,700 CNY/t, is what a compliant plant can pay "
            "and keep a 5–8 % margin, not a market quote).</p>"
            "<p><b>Scale</b>: variable unit costs fall by λ·S(Q) on the S curve S(Q) = "
            "1/(1 + e^(−k(Q − Q0))) with Q in 10 kt (万吨): initial stage Q &lt; 5, expansion "
            "5–20, mature &gt; 20; the plant's annual fixed cost is spread over its actual "
            "throughput, so low utilisation means high unit cost.</p>"
            "<p><b>Inputs</b>: plant points with capacity (t/yr) and either throughput (t/yr) "
            "or one utilisation (0–1) for all. Parameters: the sourced defaults, a preset JSON "
            "file, and five headline overrides.</p>"
            "<p><b>Outputs</b> per plant (CNY/yr unless stated): throughput_t (t/yr), "
            "utilization, scale_eff, unit_cost (CNY/t processing, purchase excluded), revenue, "
            "cost, profit, margin (profit ÷ revenue), breakeven_t (throughput at which profit "
            "is 0, NULL if none within capacity), route (cascade or recycle: the better net "
            "value per tonne) and the nine terms. The report shows the profit and unit-cost "
            "curves over throughput with the three stage bands.</p>"
        )

    def initAlgorithm(self, config=None) -> None:
        """Declare the parameters and outputs."""
        add_plant_inputs(self)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Plant profit"), QgsProcessing.TypeVectorPoint
            )
        )
        self.add_report_parameter()
        for key in ("TOTAL_PROFIT", "TOTAL_THROUGHPUT", "N_LOSS"):
            self.addOutput(QgsProcessingOutputNumber(key, key))
        self.add_language_parameter()
        self.suggest_defaults(
            {self.INPUT: ("capacity",)}, {"CAPACITY_FIELD": "capacity", "NAME_FIELD": "name"}
        )

    def processAlgorithm(self, parameters, context, feedback):
        """Evaluate the model in ``core``, write, style and report."""
        source = self.source_or_raise(parameters, self.INPUT, context)
        ensure_outputs_not_inputs(
            self, parameters, context, [self.OUTPUT, "REPORT"], [self.INPUT], ["PARAMETERS_FILE"]
        )
        steps = QgsProcessingMultiStepFeedback(3, feedback)  # read, write, report
        plan = plant_plan(self, parameters, context, steps, source)
        if plan is None:
            return {}
        features, params, cap, thr, ok = plan
        try:
            result = econ.plant_economics(params, cap[ok], thr[ok]) if ok.any() else None
        except (FloatingPointError, NonFiniteValueError) as err:  # NonFiniteResult, SumOverflow
            raise profit_refused(self, parameters, context, source, features, ok, err) from None
        steps.setCurrentStep(1)

        new_fields = [new_field(name, "double") for name, _ in RESULT_FIELDS]
        new_fields.append(new_field("route", "string"))
        new_fields += [new_field(name, "double") for name, _ in TERM_FIELDS]
        rows = plant_rows(result, ok)
        used = [
            self.parameterAsString(parameters, name, context)
            for name in ("CAPACITY_FIELD", "THROUGHPUT_FIELD")
        ]
        styler = qml_styler(STYLE, relabel_ranges(graduated_labels()))
        dest_id = self.write_joined(
            parameters, context, steps, source, new_fields, features, rows, used, styler
        )
        steps.setCurrentStep(2)

        outputs = {
            self.OUTPUT: dest_id,
            "TOTAL_PROFIT": python_number(result.profit.sum()) if result else None,
            "TOTAL_THROUGHPUT": python_number(thr[ok].sum()),
            "N_LOSS": int((result.profit < 0).sum()) if result else 0,
        }
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report and result is not None:
            from ...reports.plant_profit import plant_profit_report_html

            names = region_names(
                source, features, self.parameterAsString(parameters, self.NAME_FIELD, context)
            )
            self.write_report(
                report,
                parameters,
                context,
                plant_profit_report_html(
                    [n for n, keep in zip(names, ok) if keep],
                    cap[ok],
                    thr[ok],
                    result,
                    params,
                    title=self.tr("Plant profit — {layer}").format(
                        layer=layer_title(parameters, self.INPUT, source)
                    ),
                    tr=report_tr,
                ),
            )
            outputs[self.REPORT] = report
        feedback.setProgress(100)
        return outputs


def plant_rows(result, ok: np.ndarray) -> list[list]:
    """Output attribute rows for every plant: results where ``ok``, NULL and no_data else."""
    rows, k = [], 0
    width = len(RESULT_FIELDS) + 1 + len(TERM_FIELDS)
    for keep in ok:
        if not keep:
            row = [None] * width
            row[len(RESULT_FIELDS)] = "no_data"
            rows.append(row)
            continue
        row = [python_number(getattr(result, attr)[k]) for _, attr in RESULT_FIELDS]
        row.append(str(result.route[k]))
        terms = {**result.revenue_by_term, **result.cost_by_term}
        row += [python_number(terms[term][k]) for _, term in TERM_FIELDS]
        rows.append(row)
        k += 1
    return rows
