"""The tables of ``retirement_forecast``: per-year pack figures read from the sales table, and the
long and wide output tables as QGIS features (tonnes per year, GWh per year)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from qgis.core import QgsFeature, QgsFields

from ..compat import is_null, new_field
from .layers import python_number


def to_text(value) -> str:
    """An attribute as text ('' for NULL)."""
    if is_null(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def pack_by_year(
    cols: Mapping[str, Sequence[float | None]],
) -> tuple[dict[int, tuple[float | None, float | None]] | None, list[int]]:
    """Per-year pack mass (t) and energy (kWh) from the table, the mean of the rows of each
    year (None when the table gives neither), and the years whose rows differ."""
    if all(v is None for v in list(cols["mass"]) + list(cols["energy"])):
        return None, []
    sums: dict[int, list[list[float]]] = {}
    for year, mass, energy in zip(cols["year"], cols["mass"], cols["energy"]):
        if year is None:
            continue
        entry = sums.setdefault(int(year), [[], []])
        if mass is not None:
            entry[0].append(mass)
        if energy is not None:
            entry[1].append(energy)
    varied = sorted(y for y, (m, e) in sums.items() if len(set(m)) > 1 or len(set(e)) > 1)
    means = {
        y: (sum(m) / len(m) if m else None, sum(e) / len(e) if e else None)
        for y, (m, e) in sums.items()
    }
    return means, varied


def long_fields() -> QgsFields:
    """Fields of OUTPUT: one row per region, year and scenario."""
    fields = QgsFields()
    for name, kind in (
        ("region", "string"),
        ("region_name", "string"),
        ("year", "int"),
        ("retired_t", "double"),
        ("retired_gwh", "double"),
        ("cumulative_t", "double"),
        ("scenario", "string"),
    ):
        fields.append(new_field(name, kind))
    return fields


def long_rows(table, names: Mapping[str, str]) -> Iterator[QgsFeature]:
    """The forecast ``table`` (a DataFrame) as features of :func:`long_fields`."""
    fields = long_fields()
    for row in table.itertuples(index=False):
        feature = QgsFeature(fields)
        feature.setAttributes(
            [
                str(row.region),
                names.get(row.region, str(row.region)),
                int(row.year),
                python_number(row.retired_t),
                python_number(row.retired_gwh),
                python_number(row.cumulative_t),
                str(row.scenario),
            ]
        )
        yield feature


def wide_table(frames: Sequence, names: Mapping[str, str]) -> tuple[QgsFields, list[QgsFeature]]:
    """WIDE_OUTPUT: one row per region, a ``retired_<year>_t`` column per year (``_b`` for the
    second scenario)."""
    years = sorted(frames[0]["year"].unique())
    fields = QgsFields()
    fields.append(new_field("region", "string"))
    fields.append(new_field("region_name", "string"))
    for suffix, _ in zip(("", "_b"), frames):
        for year in years:
            fields.append(new_field(f"retired_{int(year)}_t{suffix}", "double"))
    pivots = [
        f.pivot_table(index="region", columns="year", values="retired_t", sort=False)
        for f in frames
    ]
    features = []
    for region in pivots[0].index:
        values = [python_number(p.loc[region, y]) for p in pivots for y in years]
        feature = QgsFeature(fields)
        feature.setAttributes([str(region), names.get(region, str(region))] + values)
        features.append(feature)
    return fields, features
