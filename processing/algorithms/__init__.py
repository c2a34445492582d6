"""One module per Processing algorithm; each is returned by :func:`algorithm_classes`."""

from __future__ import annotations


def algorithm_classes() -> list[type]:
    """The algorithm classes the provider registers (imported on demand, not at plugin load)."""
    from .capital_compliance import CapitalCompliance
    from .natural_breaks_matching import NaturalBreaksMatching
    from .retirement_capacity_ratio import RetirementCapacityRatio

    return [RetirementCapacityRatio, NaturalBreaksMatching, CapitalCompliance]
