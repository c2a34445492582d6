"""Recognise fields and layers by name: the rules shared by the workflow dialog and the
Processing dialogs' suggested defaults.

A field is recognised by common Chinese and English words (retirement 退役/retire, capacity
产能/capacity, outlets 网点/outlet, capital 资本/capital, whitelist 白名单/whitelist …) and by a
year in its name (``retire_2025_t``). Three rules decide between candidates:

* a field named for another year than the chosen one is never taken (``retire_2025_t`` is not a
  2030 field);
* the user's own fields come before the fields of the shipped sample (``SAMPLE_FIELDS``), which
  carry illustrative numbers; a layer joined to the sample boundaries has both;
* identifiers (``fid``, ``id``, ``ogc_fid`` …) are never suggested as a measure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

__all__ = [
    "FIELD_KEYWORDS",
    "ID_FIELDS",
    "NAME_CANDIDATES",
    "SAMPLE_FIELDS",
    "field_years",
    "first_measure",
    "guess_field",
    "guess_name_field",
    "is_sample_field",
    "layer_score",
    "name_years",
]

#: Keywords per field kind, most specific first (matched case-insensitively inside the name).
FIELD_KEYWORDS: dict[str, tuple[str, ...]] = {
    "retirement": ("退役", "报废", "retire", "retirement", "scrap"),
    "capacity": ("产能", "处理能力", "capacity", "capac"),
    "throughput": ("处理量", "实际", "throughput", "processed", "output_t"),
    "volume": ("退役量", "退役", "volume", "retire", "vol"),
    "outlets": ("网点", "回收点", "outlet", "outlets", "site"),
    "capital": ("注册资本", "资本", "capital"),
    "whitelist": ("白名单", "规范", "whitelist", "white_list", "compliant"),
    "sales": ("销量", "销售", "sales", "sold", "registrations"),
    "year": ("年份", "年度", "year"),
    "region": (
        "行政区划代码",
        "区划代码",
        "adcode",
        "省份",
        "省",
        "province",
        "region",
        "地区",
        "city",
        "城市",
    ),
    "key": ("行政区划代码", "区划代码", "adcode", "代码", "code", "名称", "name"),
    "unit_cost": ("单位成本", "成本", "unit_cost", "cost"),
}

#: Numeric fields of the shipped sample (``resources/data/china_sample.gpkg``): illustrative
#: numbers, taken only when the layer has no field of the user's for the same thing.
SAMPLE_FIELDS = frozenset(
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
        "retire_t",
        "illustrative",
    }
)

#: Identifier fields: never a measure.
ID_FIELDS = frozenset(
    {"fid", "id", "ogc_fid", "objectid", "gid", "oid", "fid_1", "rowid", "illustrative"}
)

#: Label fields, most preferred first.
NAME_CANDIDATES = (
    "name_zh",
    "name",
    "NAME",
    "名称",
    "省份",
    "城市",
    "province",
    "city",
    "name_en",
    "short_zh",
)

#: Kinds whose keywords may share a name without penalty (volume is measured as retirement;
#: a region may be keyed by its code).
_COMPATIBLE = {
    "volume": ("retirement",),
    "retirement": ("volume",),
    "region": ("key",),
    "key": ("region",),
    "unit_cost": ("throughput",),
    "throughput": ("unit_cost",),
}
#: Kinds that are measures: they are penalised when a name also says another measure.
_MEASURES = (
    "retirement",
    "capacity",
    "throughput",
    "volume",
    "outlets",
    "capital",
    "whitelist",
    "sales",
    "unit_cost",
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def name_years(name: str) -> list[str]:
    """The years (``"2025"`` …) written in a field name."""
    return _YEAR.findall(str(name))


def is_sample_field(name: str) -> bool:
    """True for a numeric field of the shipped sample data."""
    return str(name).lower() in SAMPLE_FIELDS


def _score(name: str, kind: str, year: str | None) -> int:
    low = name.lower()
    if low in ID_FIELDS:
        return 0
    hits = [i for i, word in enumerate(FIELD_KEYWORDS[kind]) if word.lower() in low]
    if not hits:
        return 0
    found = name_years(name)
    if year and found and year not in found:
        return 0  # another year's field is never this year's
    score = 100 - min(hits)
    if kind in _MEASURES:
        others = [k for k in _MEASURES if k != kind and k not in _COMPATIBLE.get(kind, ())]
        if any(w.lower() in low for k in others for w in FIELD_KEYWORDS[k]):
            score -= 50  # "retire_capacity" is a capacity, not a retirement
    if year and found:
        score += 30
    return max(score, 1)


def guess_field(names: Iterable[str], kind: str, year: str | None = None) -> str:
    """The field of ``names`` that best matches ``kind`` (and ``year``), or ``""``.

    The user's fields come before the sample's; a field named for another year is never taken.
    """
    best, best_rank = "", (0, 0)
    for name in names:
        score = _score(str(name), kind, year)
        rank = (0 if is_sample_field(name) else 1, score) if score else (0, 0)
        if rank > best_rank:
            best, best_rank = str(name), rank
    return best


def field_years(names: Iterable[str]) -> list[str]:
    """Years (``"2025"`` …) that appear in field names that look like retirement or volume."""
    years: set[str] = set()
    for name in names:
        if _score(str(name), "retirement", None) or _score(str(name), "volume", None):
            years.update(name_years(str(name)))
    return sorted(years)


def guess_name_field(names: Sequence[str]) -> str:
    """The label field among ``names`` (``NAME_CANDIDATES`` order), or ``""``."""
    return next((c for c in NAME_CANDIDATES if c in names), "")


def first_measure(names: Iterable[str]) -> str:
    """The first name that is not an identifier (``fid`` …), or ``""``."""
    return next((str(n) for n in names if str(n).lower() not in ID_FIELDS), "")


def layer_score(field_names: Sequence[str], kinds: Sequence[str]) -> int:
    """How well a layer with ``field_names`` fits an input needing fields of ``kinds``: the
    number of kinds recognised, user fields counting above sample fields (0: none)."""
    total = 0
    for kind in kinds:
        best = guess_field(field_names, kind)
        if best:
            total += 2 if not is_sample_field(best) else 1
    return total
