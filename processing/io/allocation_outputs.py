"""Outputs of ``allocate_supply``: one small function per layer (flows, plants with their
allocated supply, supply with its unmet volume), each written and styled."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSource,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsWkbTypes,
)

from ...core.constants import ILLUSTRATIVE_FIELD
from ...core.siting.allocation_params import AllocationResult
from ..compat import new_field
from ..styling.labels import translated
from ..styling.postprocess import qml_styler, relabel_rules
from .layers import python_number
from .siting import Located

FLOW_STYLE = "supply_flows.qml"
PLANT_STYLE = "plant_utilization.qml"
#: Fields of the flows layer (before the ``illustrative`` flag): supply and plant feature ids,
#: t/yr, straight-line km, CNY/t, CNY/yr, crossing a province border.
FLOW_FIELDS = (
    ("from_id", "longlong"),
    ("to_id", "longlong"),
    ("flow_t", "double"),
    ("distance_km", "double"),
    ("unit_cost", "double"),
    ("cost", "double"),
    ("cross_border", "bool"),
)


def write_flows(
    alg: Any,
    parameters: dict[str, Any],
    key: str,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    crs: QgsCoordinateReferenceSystem,
    located: tuple[Located, Located],
    result: AllocationResult,
    illustrative: bool,
) -> str:
    """One line per arc carrying flow, from the supply feature to the plant (``located``:
    supply and plants); the sink ``key`` of ``alg``."""
    supply, plants = located
    flag = 1 if illustrative else 0
    fields = QgsFields()
    for name, kind in FLOW_FIELDS:
        fields.append(new_field(name, kind))
    fields.append(new_field(ILLUSTRATIVE_FIELD, "int"))

    def features() -> Any:
        for k in range(result.n_flows):
            i, j = int(result.flow_from[k]), int(result.flow_to[k])
            feature = QgsFeature(fields)
            feature.setGeometry(
                QgsGeometry.fromPolylineXY(
                    [QgsPointXY(supply.x[i], supply.y[i]), QgsPointXY(plants.x[j], plants.y[j])]
                )
            )
            feature.setAttributes(
                [
                    int(supply.ids[i]),
                    int(plants.ids[j]),
                    python_number(result.flow_t[k]),
                    python_number(result.flow_distance_km[k]),
                    python_number(result.flow_unit_cost[k]),
                    python_number(result.flow_cost[k]),
                    bool(result.flow_cross_border[k]),
                    flag,
                ]
            )
            yield feature

    styler = qml_styler(FLOW_STYLE, relabel_rules(translated()))
    return str(
        alg.write_layer(
            parameters,
            context,
            feedback,
            key,
            fields,
            QgsWkbTypes.LineString,
            crs,
            features(),
            styler,
            result.n_flows,
        )
    )


def write_plants(
    alg: Any,
    parameters: dict[str, Any],
    key: str,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    source: QgsFeatureSource,
    plants: Located,
    result: AllocationResult,
    used: list[str],
) -> str:
    """The plants with ``allocated_t`` (t/yr) and ``utilization``, through the algorithm's one
    output path (staged, committed with the run's other outputs)."""
    rows = [
        [python_number(a), python_number(u)] for a, u in zip(result.allocated_t, result.utilization)
    ]
    return str(
        alg.write_joined(
            parameters,
            context,
            feedback,
            source,
            [new_field("allocated_t", "double"), new_field("utilization", "double")],
            plants.features,
            rows,
            used,
            qml_styler(PLANT_STYLE, relabel_rules(translated())),
            key,
        )
    )


def write_unmet(
    alg: Any,
    parameters: dict[str, Any],
    key: str,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    source: QgsFeatureSource,
    supply: Located,
    result: AllocationResult,
    used: list[str],
) -> str:
    """The supply features with ``unmet_t`` (t/yr), through the algorithm's one output path."""
    rows = [[python_number(u)] for u in result.unmet_t]
    style = "supply_unmet_polygon.qml" if supply.polygons else "supply_unmet_point.qml"
    return str(
        alg.write_joined(
            parameters,
            context,
            feedback,
            source,
            [new_field("unmet_t", "double")],
            supply.features,
            rows,
            used,
            qml_styler(style, relabel_rules(translated())),
            key,
        )
    )
