"""Parameters of the "Where recycling pays" algorithms (``profit_surface``, ``allocate_supply``):
their definitions are long, so they live apart from the algorithms, like their help texts. Each
function declares the parameters and outputs on the algorithm ``alg`` with its translator ``tr``
(the algorithm's ``self.tr``, so the strings keep the algorithm's translation context)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
)

from ..core.constants import BORDER_FEE_DEFAULT, DETOUR_DEFAULT, TRANSPORT_COST_DEFAULT
from ..core.siting.allocation_params import DEFAULT_UNMET_PENALTY
from ..core.siting.huff import HUFF_ALPHA_DEFAULT, HUFF_BETA_DEFAULT
from .io.economics import add_parameter_inputs
from .io.siting import add_crs_parameter

Translator = Callable[[str], str]


def _add_haul_costs(alg: Any, tr: Translator) -> None:
    """TRANSPORT_COST (CNY per t·km) and DETOUR (road ÷ straight-line distance), shared by the
    surface and the allocation in this order."""
    num = QgsProcessingParameterNumber
    alg.addParameter(
        num(
            alg.TRANSPORT_COST,
            tr("Transport cost (CNY per t·km, hazardous-goods road freight)"),
            num.Double,
            TRANSPORT_COST_DEFAULT,
            minValue=0.0,
        )
    )
    alg.addParameter(
        num(
            alg.DETOUR,
            tr("Detour factor (road ÷ straight-line distance)"),
            num.Double,
            DETOUR_DEFAULT,
            minValue=0.01,
        )
    )


def _add_border_rule(alg: Any, tr: Translator, fee_option: str) -> None:
    """BORDER_RULE (open, fee, closed; ``fee_option`` is the fee option's translated label)
    and BORDER_FEE (CNY/t), shared by the surface and the allocation in this order."""
    num = QgsProcessingParameterNumber
    alg.addParameter(
        QgsProcessingParameterEnum(
            alg.BORDER_RULE,
            tr("Border rule"),
            [tr("Open (green channel)"), fee_option, tr("Closed (own province only)")],
            defaultValue=0,
        )
    )
    alg.addParameter(
        num(
            alg.BORDER_FEE,
            tr("Border fee (CNY/t, fee rule)"),
            num.Double,
            BORDER_FEE_DEFAULT,
            minValue=0.0,
        )
    )


def add_surface_parameters(alg: Any, tr: Translator) -> None:
    """Parameters and outputs of ``profit_surface`` (enumerations in the issue's order)."""
    num = QgsProcessingParameterNumber
    alg.addParameter(
        QgsProcessingParameterFeatureSource(
            alg.SUPPLY,
            tr("Supply (points, or polygons spread over their area)"),
            [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon],
        )
    )
    alg.addParameter(
        QgsProcessingParameterField(
            alg.SUPPLY_FIELD,
            tr("Supply field (retired batteries, t/yr)"),
            None,
            alg.SUPPLY,
            QgsProcessingParameterField.Numeric,
        )
    )
    alg.addParameter(
        QgsProcessingParameterFeatureSource(
            alg.REGIONS,
            tr("Provinces (polygons; needed for the fee and closed rules)"),
            [QgsProcessing.TypeVectorPolygon],
            optional=True,
        )
    )
    alg.addParameter(
        QgsProcessingParameterField(
            alg.REGION_ID_FIELD,
            tr("Province code field (default: feature order)"),
            None,
            alg.REGIONS,
            QgsProcessingParameterField.Any,
            optional=True,
        )
    )
    alg.addParameter(
        QgsProcessingParameterExtent(
            alg.EXTENT, tr("Extent (default: supply extent + haul radius)"), optional=True
        )
    )
    alg.addParameter(num(alg.PIXEL_SIZE, tr("Pixel size (km)"), num.Double, 10.0, minValue=0.001))
    alg.addParameter(
        num(alg.HAUL_RADIUS, tr("Haul radius (km)"), num.Double, 300.0, minValue=0.001)
    )
    alg.addParameter(
        QgsProcessingParameterEnum(
            alg.DECAY,
            tr("Distance decay"),
            [
                tr("None (all supply within the radius)"),
                tr("Linear (1 − d/R)"),
                tr("Exponential (e^(−3d/R))"),
            ],
            defaultValue=0,
        )
    )
    _add_haul_costs(alg, tr)
    _add_border_rule(alg, tr, tr("Fee on cross-province supply"))
    alg.addParameter(
        num(
            alg.PLANT_CAPACITY,
            tr("Capacity of the new plant (t/yr)"),
            num.Double,
            50_000.0,
            minValue=1.0,
        )
    )
    alg.addParameter(
        QgsProcessingParameterFeatureSource(
            alg.EXISTING_PLANTS,
            tr("Existing plants (points)"),
            [QgsProcessing.TypeVectorPoint],
            optional=True,
        )
    )
    alg.addParameter(
        QgsProcessingParameterField(
            alg.EXISTING_CAPACITY_FIELD,
            tr("Existing plant capacity field (t/yr)"),
            None,
            alg.EXISTING_PLANTS,
            QgsProcessingParameterField.Numeric,
            optional=True,
        )
    )
    add_parameter_inputs(alg, advanced=True)
    for param in (
        num(alg.N_BEST, tr("Number of best locations"), num.Integer, 10, minValue=0),
        num(
            alg.MIN_SEPARATION,
            tr("Minimum distance between best locations (km; " "default: the haul radius)"),
            num.Double,
            None,
            optional=True,
            minValue=0.0,
        ),
        num(
            alg.MIN_THROUGHPUT,
            tr("Minimum throughput of a best location (t/yr; " "default: half the capacity)"),
            num.Double,
            None,
            optional=True,
            minValue=0.0,
        ),
    ):
        param.setFlags(param.flags() | param.FlagAdvanced)
        alg.addParameter(param)
    add_crs_parameter(alg)
    alg.addParameter(
        QgsProcessingParameterRasterDestination(alg.OUTPUT, tr("Profit surface (CNY/yr)"))
    )
    alg.addParameter(
        QgsProcessingParameterRasterDestination(
            alg.SUPPLY_OUTPUT, tr("Reachable supply (t/yr)"), optional=True
        )
    )
    alg.addParameter(
        QgsProcessingParameterFeatureSink(
            alg.BEST, tr("Best locations"), QgsProcessing.TypeVectorPoint, optional=True
        )
    )
    alg.addParameter(
        QgsProcessingParameterRasterDestination(
            alg.BREAKEVEN_OUTPUT, tr("Break-even Li₂CO₃ price (CNY/t)"), optional=True
        )
    )
    alg.addParameter(
        QgsProcessingParameterEnum(
            alg.COMPETITION,
            tr("Competition with existing plants"),
            [tr("Existing plants served first"), tr("Market share (Huff model)")],
            defaultValue=0,
        )
    )
    for param in (
        num(
            alg.HUFF_ALPHA,
            tr("Huff exponent α on capacity"),
            num.Double,
            HUFF_ALPHA_DEFAULT,
            minValue=0.0,
        ),
        num(
            alg.HUFF_BETA,
            tr("Huff exponent β on distance"),
            num.Double,
            HUFF_BETA_DEFAULT,
            minValue=0.0,
        ),
    ):
        param.setFlags(param.flags() | param.FlagAdvanced)
        alg.addParameter(param)
    alg.add_report_parameter()
    for key in ("BEST_PROFIT", "MAX_SUPPLY"):
        alg.addOutput(QgsProcessingOutputNumber(key, key))

    alg.add_language_parameter()
    alg.suggest_defaults({alg.SUPPLY: ("retirement",)}, {alg.SUPPLY_FIELD: "retirement"})


def add_allocation_parameters(alg: Any, tr: Translator) -> None:
    """Parameters and outputs of ``allocate_supply`` (enumerations in the issue's order)."""
    num = QgsProcessingParameterNumber
    field = QgsProcessingParameterField
    alg.addParameter(
        QgsProcessingParameterFeatureSource(
            alg.SUPPLY,
            tr("Supply (regions or points)"),
            [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon],
        )
    )
    alg.addParameter(
        field(alg.SUPPLY_FIELD, tr("Supply field (t/yr)"), None, alg.SUPPLY, field.Numeric)
    )
    alg.addParameter(
        field(
            alg.SUPPLY_PROVINCE_FIELD,
            tr("Supply province code field (default: from the province polygons)"),
            None,
            alg.SUPPLY,
            field.Any,
            optional=True,
        )
    )
    alg.addParameter(
        QgsProcessingParameterFeatureSource(
            alg.PLANTS, tr("Plants (points)"), [QgsProcessing.TypeVectorPoint]
        )
    )
    alg.addParameter(
        field(
            alg.CAPACITY_FIELD,
            tr("Capacity field (t/yr)"),
            None,
            alg.PLANTS,
            field.Numeric,
        )
    )
    alg.addParameter(
        field(
            alg.PLANT_PROVINCE_FIELD,
            tr("Plant province code field (default: from the province polygons)"),
            None,
            alg.PLANTS,
            field.Any,
            optional=True,
        )
    )
    alg.addParameter(
        QgsProcessingParameterFeatureSource(
            alg.REGIONS,
            tr(
                "Provinces (polygons; for the border rule when the layers "
                "carry no province code)"
            ),
            [QgsProcessing.TypeVectorPolygon],
            optional=True,
        )
    )
    alg.addParameter(
        field(
            alg.REGION_ID_FIELD,
            tr("Province code field (default: feature order)"),
            None,
            alg.REGIONS,
            field.Any,
            optional=True,
        )
    )
    _add_border_rule(alg, tr, tr("Fee on cross-province flows"))
    _add_haul_costs(alg, tr)
    alg.addParameter(
        num(
            alg.MAX_DISTANCE,
            tr("Maximum distance (km, straight line; " "empty: no limit)"),
            num.Double,
            None,
            optional=True,
            minValue=0.001,
        )
    )
    alg.addParameter(
        num(
            alg.UNMET_PENALTY,
            tr("Penalty for unmet supply (CNY/t)"),
            num.Double,
            DEFAULT_UNMET_PENALTY,
            minValue=0.0,
        )
    )
    add_crs_parameter(alg)
    alg.addParameter(
        QgsProcessingParameterFeatureSink(
            alg.OUTPUT_FLOWS, tr("Flows"), QgsProcessing.TypeVectorLine
        )
    )
    alg.addParameter(
        QgsProcessingParameterFeatureSink(
            alg.OUTPUT_PLANTS,
            tr("Plants with allocated supply"),
            QgsProcessing.TypeVectorPoint,
        )
    )
    alg.addParameter(
        QgsProcessingParameterFeatureSink(
            alg.OUTPUT_REGIONS,
            tr("Supply with unmet volume"),
            QgsProcessing.TypeVectorAnyGeometry,
        )
    )
    alg.add_report_parameter()
    for key in alg.NUMBER_OUTPUTS:
        alg.addOutput(QgsProcessingOutputNumber(key, key))
    alg.add_language_parameter()
    alg.suggest_defaults(
        {alg.SUPPLY: ("retirement",), alg.PLANTS: ("capacity",)},
        {alg.SUPPLY_FIELD: "retirement", "CAPACITY_FIELD": "capacity"},
    )
