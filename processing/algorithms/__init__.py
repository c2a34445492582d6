"""One module per Processing algorithm; each is returned by :func:`algorithm_classes`."""

from __future__ import annotations


def algorithm_classes() -> list[type]:
    """The algorithm classes the provider registers (imported on demand, not at plugin load)."""
    from .allocate_supply import AllocateSupply
    from .calibrate_scale_curve import CalibrateScaleCurve
    from .capital_compliance import CapitalCompliance
    from .export_publication_map import ExportPublicationMap
    from .join_region_table import JoinRegionTable
    from .natural_breaks_matching import NaturalBreaksMatching
    from .plant_profit import PlantProfit
    from .profit_surface import ProfitSurface
    from .profit_uncertainty import ProfitUncertainty
    from .retirement_capacity_ratio import RetirementCapacityRatio
    from .retirement_forecast import RetirementForecast

    return [RetirementCapacityRatio, NaturalBreaksMatching, CapitalCompliance,
            RetirementForecast, JoinRegionTable, PlantProfit, CalibrateScaleCurve,
            ProfitUncertainty, ExportPublicationMap, ProfitSurface, AllocateSupply]
