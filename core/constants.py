"""Constants shared across the plugin (no QGIS import)."""

from __future__ import annotations

#: Columns of the shipped sample data (``resources/data``) that hold illustrative values
#: (generated, scaled to national totals; not measurements). A map or report draws the
#: "illustrative data" notice when it shows one of these, or a result computed from one.
SAMPLE_ILLUSTRATIVE_FIELDS = frozenset(
    {
        "retire_2025_t",
        "capacity_2025_t",
        "retire_2030_t",
        "capacity_2030_t",
        "whitelist_firms",
        "capital_cny",
        "outlets_2025",
        "capacity_t",
        "throughput_t",
    }
)
#: The per-row flag of the sample data, carried into outputs: 1 where the row's drawn result
#: comes from illustrative sample values.
ILLUSTRATIVE_FIELD = "illustrative"


def computed_from_sample(used_fields: list[str] | tuple[str, ...] | set[str]) -> bool:
    """True when a result computed from ``used_fields`` uses an illustrative sample column."""
    return any(name.lower() in SAMPLE_ILLUSTRATIVE_FIELDS for name in used_fields if name)


# -- siting --

#: Albers equal-area conic for China (PROJ string, metres): distances and outputs of
#: ``profit_surface`` and ``allocate_supply`` use it by default.
ALBERS_CHINA = (
    "+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +x_0=0 +y_0=0 "
    "+datum=WGS84 +units=m +no_defs"
)
#: Its name (ASCII: GeoTIFF keys).
ALBERS_NAME = "Albers equal-area conic for China (25N, 47N, 105E)"
#: Border rules, in the order of the ``BORDER_RULE`` enumeration (index 0 first): ``open``
#: (green channel), ``fee`` (a fee per tonne across a province border), ``closed`` (own
#: province only).
BORDER_RULES: tuple[str, ...] = ("open", "fee", "closed")
#: Assumed defaults (sources and reasoning in the README and the help texts).
TRANSPORT_COST_DEFAULT = 1.2  # CNY per t·km, hazardous-goods road freight (0.8–1.5)
BORDER_FEE_DEFAULT = 300.0  # CNY/t, cross-province transfer approval, paperwork, delay
DETOUR_DEFAULT = 1.3  # road ÷ straight-line distance


# -- scale curve --
#: t/yr per unit of the scale-curve throughput Q (10 kt/yr, 万吨): Q = throughput / Q_UNIT.
Q_UNIT = 1e4
#: The paper's economy-of-scale stages in Q (10 kt/yr): initial < 5 ≤ expansion ≤ 20 < mature.
STAGE_BOUNDS: tuple[float, float] = (5.0, 20.0)
