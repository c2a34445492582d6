"""One module per Processing algorithm; each is returned by :func:`algorithm_classes`."""

from __future__ import annotations

import importlib

#: The algorithm modules, each named after its algorithm id, and the class each defines.
ALGORITHMS = (
    ("retirement_capacity_ratio", "RetirementCapacityRatio"),
    ("natural_breaks_matching", "NaturalBreaksMatching"),
    ("capital_compliance", "CapitalCompliance"),
    ("retirement_forecast", "RetirementForecast"),
    ("join_region_table", "JoinRegionTable"),
    ("plant_profit", "PlantProfit"),
    ("calibrate_scale_curve", "CalibrateScaleCurve"),
    ("profit_uncertainty", "ProfitUncertainty"),
    ("export_publication_map", "ExportPublicationMap"),
    ("profit_surface", "ProfitSurface"),
    ("allocate_supply", "AllocateSupply"),
)


def algorithm_classes() -> list[type]:
    """The algorithm classes the provider registers (imported on demand, not at plugin load).

    An algorithm whose module cannot be imported because a Python package is missing (scipy on
    a bare QGIS, say) is replaced by :class:`~.unavailable.UnavailableAlgorithm` under the same
    id, which says what to install when it is run.
    """
    from .unavailable import unavailable_algorithm

    classes = []
    for module_name, class_name in ALGORITHMS:
        try:
            module = importlib.import_module(f".{module_name}", __name__)
        except ModuleNotFoundError as error:
            classes.append(unavailable_algorithm(module_name, error.name or str(error)))
            continue
        classes.append(getattr(module, class_name))
    return classes
