"""Field recognition shared by the workflow dialog and the Processing dialogs."""

from __future__ import annotations

from battery_recycling_atlas.core.regions.field_names import (
    field_years,
    first_measure,
    guess_field,
    guess_name_field,
    layer_score,
)

PROVINCES = [
    "fid",
    "adcode",
    "name_zh",
    "retire_2025_t",
    "capacity_2025_t",
    "retire_2030_t",
    "capacity_2030_t",
    "whitelist_firms",
    "capital_cny",
    "illustrative",
]
CITIES = ["fid", "adcode", "name_zh", "retire_2025_t", "outlets_2025", "illustrative"]


def test_the_users_fields_come_before_the_samples():
    joined = PROVINCES + ["退役量（吨）", "产能（吨）"]
    assert guess_field(joined, "retirement") == "退役量（吨）"
    assert guess_field(joined, "capacity") == "产能（吨）"
    # Even when the sample field carries the chosen year.
    assert guess_field(joined, "retirement", "2025") == "退役量（吨）"
    # Alone, the sample's field is taken.
    assert guess_field(PROVINCES, "retirement", "2030") == "retire_2030_t"


def test_another_years_field_is_never_taken():
    assert guess_field(CITIES, "volume", "2030") == ""
    assert guess_field(CITIES, "outlets", "2030") == ""
    assert guess_field(CITIES, "volume", "2025") == "retire_2025_t"
    # A field without a year fits any year.
    assert guess_field(["网点数", "outlets_2025"], "outlets", "2030") == "网点数"
    assert field_years(PROVINCES) == ["2025", "2030"]


def test_identifiers_are_never_measures():
    assert guess_field(["fid", "id"], "retirement") == ""
    assert first_measure(["fid", "ogc_fid", "pop"]) == "pop"
    assert first_measure(["fid"]) == ""
    assert guess_name_field(["fid", "name_en", "名称"]) == "名称"


def test_layer_score_counts_recognised_kinds():
    assert layer_score(PROVINCES, ["retirement", "capacity"]) == 2  # two sample fields
    assert layer_score(CITIES, ["retirement", "capacity"]) == 1
    assert layer_score(["退役量", "产能"], ["retirement", "capacity"]) == 4  # user fields
    assert layer_score(["pop"], ["retirement"]) == 0
