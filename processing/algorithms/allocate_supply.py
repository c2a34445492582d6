"""Algorithm ``allocate_supply``: least-cost flows of retired batteries to plants under a border
rule (closed provinces, a border fee, or an open green channel)."""

from __future__ import annotations

import numpy as np
from qgis.core import QgsProcessingException, QgsProcessingMultiStepFeedback

from ...core.constants import BORDER_RULES
from ...core.errors import NoValidRowsError, ParameterError, RowValuesError, SumOverflowError
from ...core.siting import allocation as core
from ..help_texts import allocation_help
from ..illustrative import run_uses_sample
from ..io.allocation_outputs import write_flows, write_plants, write_unmet
from ..io.destinations import ensure_outputs_not_inputs
from ..io.layers import (
    feature_refs,
    format_ids,
    layer_title,
    numeric_field_index,
    python_number,
    region_names,
    report_tr,
)
from ..io.siting import Regions, province_key, read_located, target_crs, warn_outside
from ..siting_parameters import add_allocation_parameters
from .base import AtlasAlgorithm


class AllocateSupply(AtlasAlgorithm):
    """Min-cost transportation of retired batteries from supply to plants."""

    ALGORITHM_ID = "allocate_supply"
    DISPLAY_NAME = "Allocate supply to plants (least cost)"
    GROUP = "Where recycling pays"
    GROUP_ID = "siting"

    SUPPLY = "SUPPLY"
    SUPPLY_FIELD = "SUPPLY_FIELD"
    SUPPLY_PROVINCE_FIELD = "SUPPLY_PROVINCE_FIELD"
    PLANTS = "PLANTS"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    PLANT_PROVINCE_FIELD = "PLANT_PROVINCE_FIELD"
    REGIONS = "REGIONS"
    REGION_ID_FIELD = "REGION_ID_FIELD"
    BORDER_RULE = "BORDER_RULE"
    BORDER_FEE = "BORDER_FEE"
    TRANSPORT_COST = "TRANSPORT_COST"
    DETOUR = "DETOUR"
    MAX_DISTANCE = "MAX_DISTANCE"
    UNMET_PENALTY = "UNMET_PENALTY"
    OUTPUT_FLOWS = "OUTPUT_FLOWS"
    OUTPUT_PLANTS = "OUTPUT_PLANTS"
    OUTPUT_REGIONS = "OUTPUT_REGIONS"
    REPORT = "REPORT"
    NUMBER_OUTPUTS = (
        "TOTAL_COST",
        "UNMET_T",
        "NATIONAL_UTILIZATION",
        "CROSS_BORDER_SHARE",
        "ALLOCATED_T",
    )

    def shortHelpString(self) -> str:
        """Help shown beside the dialog."""
        return allocation_help(self.tr)

    def initAlgorithm(self, config=None) -> None:
        """Declare the parameters and outputs (enumerations in the issue's order)."""
        add_allocation_parameters(self, self.tr)

    def processAlgorithm(self, parameters, context, feedback):
        """Read and project both layers, find provinces, solve in ``core``, write and report."""
        crs = target_crs(self, parameters, context)
        supply_src = self.source_or_raise(parameters, self.SUPPLY, context)
        plant_src = self.source_or_raise(parameters, self.PLANTS, context)
        s_field = self.parameterAsString(parameters, self.SUPPLY_FIELD, context)
        c_field = self.parameterAsString(parameters, self.CAPACITY_FIELD, context)
        s_idx = numeric_field_index(supply_src, s_field, self.tr("supply"))
        c_idx = numeric_field_index(plant_src, c_field, self.tr("capacity"))
        ensure_outputs_not_inputs(
            self,
            parameters,
            context,
            [self.OUTPUT_FLOWS, self.OUTPUT_PLANTS, self.OUTPUT_REGIONS, self.REPORT],
            [self.SUPPLY, self.PLANTS, self.REGIONS],
        )
        rule = BORDER_RULES[self.parameterAsEnum(parameters, self.BORDER_RULE, context)]
        steps = QgsProcessingMultiStepFeedback(4, feedback)  # supply, plants, solve, write

        feedback.setProgressText(self.tr("Reading supply and plants…"))
        supply = read_located(
            supply_src, s_idx, s_field, crs, context, steps, what=self.tr("Supply")
        )
        if supply is None:
            return {}
        steps.setCurrentStep(1)
        plants = read_located(
            plant_src, c_idx, c_field, crs, context, steps, what=self.tr("Plants")
        )
        if plants is None:
            return {}
        if not supply.ids:
            raise QgsProcessingException(
                self.tr("The supply layer is empty: there is nothing " "to allocate.")
            )
        self._warn_capacity(plants, feedback)
        sprov, pprov = self._provinces(parameters, context, feedback, crs, supply, plants, rule)
        params = self._params(parameters, context, rule)
        inputs = core.AllocationInputs(
            _xy(supply), _volumes(supply), sprov, _xy(plants), _volumes(plants), pprov
        )
        steps.setCurrentStep(2)
        feedback.setProgressText(self.tr("Solving the transportation problem…"))
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        try:
            if report and sprov is not None and pprov is not None:
                by_rule = core.compare_rules_inputs(inputs, params)
            else:
                by_rule = {rule: core.allocate_inputs(inputs, params)}
        except core.SolverRangeError as err:
            raise QgsProcessingException(
                self._range_message(err, supply_src, supply, s_field)
            ) from None
        except SumOverflowError as err:
            is_supply = err.which == s_field or err.which.startswith("supply")
            src, located, name = (
                (supply_src, supply, s_field) if is_supply else (plant_src, plants, c_field)
            )
            refs = feature_refs(src, [located.features[i] for i in err.indices])
            raise QgsProcessingException(
                self.tr(
                    "The values in “{field}” are too large: their total is not finite "
                    "(features {ids})."
                ).format(field=name, ids=format_ids(refs))
            ) from None
        except (RowValuesError, NoValidRowsError, ParameterError) as err:
            raise QgsProcessingException(
                self.tr("The allocation cannot be solved: {e}").format(e=err)
            ) from None
        except core.AllocationSolverError as err:
            raise QgsProcessingException(self.tr("The solver failed: {e}").format(e=err)) from None
        result = by_rule[rule]
        for message in result.messages:
            feedback.pushInfo(message)
        feedback.pushInfo(result.status)
        if result.total_unmet_t > 0:
            unmet = [supply.ids[i] for i in np.flatnonzero(np.nan_to_num(result.unmet_t) > 0)]
            feedback.pushWarning(
                self.tr(
                    "{t:,.0f} t/yr of supply cannot reach free capacity "
                    "and stays unmet, ids: {ids}"
                ).format(t=result.total_unmet_t, ids=format_ids(unmet))
            )
        if steps.isCanceled():
            return {}

        steps.setCurrentStep(3)
        outputs = self._write(
            parameters, context, steps, crs, supply, plants, result, supply_src, plant_src
        )
        if not outputs:
            return {}
        if report:
            self._report(
                report,
                parameters,
                context,
                by_rule,
                rule,
                supply_src,
                plant_src,
                supply,
                plants,
                params,
            )
            outputs[self.REPORT] = report
        known = sprov is not None and pprov is not None
        outputs.update(
            {
                "TOTAL_COST": python_number(result.total_cost),
                "UNMET_T": python_number(result.total_unmet_t),
                "NATIONAL_UTILIZATION": python_number(result.national_utilization),
                "CROSS_BORDER_SHARE": python_number(result.cross_border_share) if known else None,
                "ALLOCATED_T": python_number(result.total_allocated_t),
            }
        )
        steps.setProgress(100)
        return outputs

    # -- steps -----------------------------------------------------------------------------

    def _params(self, parameters, context, rule: str) -> core.AllocationParams:
        """The core's parameter object (the border rule already a name)."""
        dbl = self.parameterAsDouble
        max_km = (
            None
            if parameters.get(self.MAX_DISTANCE) in (None, "")
            else dbl(parameters, self.MAX_DISTANCE, context)
        )
        try:
            return core.AllocationParams(
                rule=rule,
                transport_cost=dbl(parameters, self.TRANSPORT_COST, context),
                border_fee=dbl(parameters, self.BORDER_FEE, context),
                detour=dbl(parameters, self.DETOUR, context),
                max_distance_km=max_km,
                unmet_penalty=dbl(parameters, self.UNMET_PENALTY, context),
            )
        except ParameterError as err:
            raise QgsProcessingException(
                self.tr("Parameter “{name}”: {reason}").format(name=err.name, reason=err.reason)
            ) from None

    def _warn_capacity(self, plants, feedback) -> None:
        total = float(np.nansum(np.where(plants.valid(), plants.values, 0.0)))
        if not plants.ids:
            feedback.pushWarning(self.tr("The plant layer is empty: all supply is unmet."))
        elif total <= 0:
            feedback.pushWarning(self.tr("The total plant capacity is 0: all supply is unmet."))

    def _provinces(self, parameters, context, feedback, crs, supply, plants, rule):
        """Province keys of supply and plants (None where unknown)."""
        regions_src = self.parameterAsSource(parameters, self.REGIONS, context)
        regions = None
        if regions_src is not None:
            regions = Regions(
                regions_src,
                self.parameterAsString(parameters, self.REGION_ID_FIELD, context),
                crs,
                context,
                feedback,
            )
        sides = []
        for located, field_key, tag, what in (
            (supply, self.SUPPLY_PROVINCE_FIELD, "supply", self.tr("Supply features")),
            (plants, self.PLANT_PROVINCE_FIELD, "plant", self.tr("Plants")),
        ):
            name = self.parameterAsString(parameters, field_key, context)
            keys = None
            if name:
                idx = located.features[0].fields().lookupField(name) if located.features else -1
                keys = [
                    province_key(f.attribute(idx)) if idx >= 0 else None for f in located.features
                ]
                missing = [fid for fid, k in zip(located.ids, keys) if k is None]
                if missing:
                    feedback.pushWarning(
                        self.tr(
                            "{what} with a NULL “{field}”, ids: {ids}. Their province is unknown: "
                            "under the fee and closed rules they count as foreign to every "
                            "province."
                        ).format(what=what, field=name, ids=format_ids(missing))
                    )
            elif regions is not None:
                where = regions.region_of(located.x, located.y)
                keys = [regions.keys[w] if w >= 0 else None for w in where]
                has_value = np.isfinite(located.values)
                warn_outside(
                    [fid for fid, w, v in zip(located.ids, where, has_value) if w < 0 and v],
                    what,
                    rule,
                    feedback,
                )
            if keys is not None:  # unknown: a province of its own, foreign to all
                keys = [
                    k if k is not None else f"?{tag}:{fid}" for k, fid in zip(keys, located.ids)
                ]
            sides.append(keys)
        sprov, pprov = sides
        if rule != "open" and (sprov is None or pprov is None):
            raise QgsProcessingException(
                self.tr(
                    "The “{rule}” border rule needs the province of every supply feature and plant: "
                    "give province polygons (REGIONS) or the province code fields "
                    "(SUPPLY_PROVINCE_FIELD and PLANT_PROVINCE_FIELD)."
                ).format(rule=rule)
            )
        if sprov is not None and pprov is not None and plants.ids and not (set(sprov) & set(pprov)):
            feedback.pushWarning(
                self.tr(
                    "No supply feature shares a province code with any plant: check that the "
                    "province codes of both layers (and REGION_ID_FIELD) use the same codes."
                )
            )
        return sprov, pprov

    def _range_message(self, err, source, supply, field: str) -> str:
        """Values too large for the solver, named: the supply features (name and id) or the
        costs to lower."""
        if err.which == "supply_t" and err.indices:
            refs = feature_refs(source, [supply.features[i] for i in err.indices])
            return self.tr(
                "The supply in “{field}” is too large for the solver (above {limit:.3g} t/yr) at "
                "features {ids}."
            ).format(field=field, limit=err.limit, ids=format_ids(refs))
        return self.tr(
            "The unit costs are too large for the solver (above {limit:.3g} CNY/t): lower "
            "TRANSPORT_COST, DETOUR, BORDER_FEE or UNMET_PENALTY."
        ).format(limit=err.limit)

    def _write(
        self, parameters, context, feedback, crs, supply, plants, result, supply_src, plant_src
    ) -> dict:
        """The three layers, one writer each (``io.allocation_outputs``), through the one
        output path: staged, and committed together with the report at the end of the run."""
        used = [
            self.parameterAsString(parameters, key, context)
            for key in (self.SUPPLY_FIELD, self.CAPACITY_FIELD)
        ]
        illustrative = run_uses_sample(self, parameters, context)
        steps = QgsProcessingMultiStepFeedback(3, feedback)
        flows = write_flows(
            self,
            parameters,
            self.OUTPUT_FLOWS,
            context,
            steps,
            crs,
            (supply, plants),
            result,
            illustrative,
        )
        flows_map = self._styled_output  # the report's map shows the flows
        steps.setCurrentStep(1)
        plants_dest = write_plants(
            self, parameters, self.OUTPUT_PLANTS, context, steps, plant_src, plants, result, used
        )
        steps.setCurrentStep(2)
        regions_dest = write_unmet(
            self, parameters, self.OUTPUT_REGIONS, context, steps, supply_src, supply, result, used
        )
        self._styled_output = flows_map
        return {
            self.OUTPUT_FLOWS: flows,
            self.OUTPUT_PLANTS: plants_dest,
            self.OUTPUT_REGIONS: regions_dest,
        }

    def _report(
        self,
        path,
        parameters,
        context,
        by_rule,
        rule,
        supply_src,
        plant_src,
        supply,
        plants,
        params: core.AllocationParams,
    ) -> None:
        from ...reports.allocation import allocation_report_html

        notes = [
            self.tr(
                "Transport {c:g} CNY per t·km × detour {d:g}; border fee {f:,.0f} CNY/t "
                "(fee rule); unmet penalty {p:,.0f} CNY/t; maximum distance {m}."
            ).format(
                c=params.transport_cost,
                d=params.detour,
                f=params.border_fee,
                p=params.unmet_penalty,
                m=self.tr("none")
                if params.max_distance_km is None
                else f"{params.max_distance_km:,.0f} km",
            )
        ]
        if len(by_rule) == 1:
            notes.append(
                self.tr(
                    "The other border rules need provinces (REGIONS or the province "
                    "code fields); only the chosen rule is shown."
                )
            )
        html = allocation_report_html(
            by_rule,
            rule,
            title=self.tr("Allocation of retired batteries — {layer}").format(
                layer=layer_title(parameters, self.SUPPLY, supply_src)
            ),
            tr=report_tr,
            supply_names=region_names(supply_src, supply.features),
            plant_names=region_names(plant_src, plants.features),
            notes=notes,
        )
        self.write_report(path, parameters, context, html)


def _xy(located) -> np.ndarray:
    """(n, 2) metres; rows without a location at 0, 0 (their volume is NULL)."""
    return (
        np.column_stack([np.nan_to_num(located.x), np.nan_to_num(located.y)])
        if located.ids
        else np.zeros((0, 2))
    )


def _volumes(located) -> np.ndarray:
    """t/yr with NaN (NULL: no part) where the value or the location is missing."""
    return np.where(located.valid(), located.values, np.nan)
