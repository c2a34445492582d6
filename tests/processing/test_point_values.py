"""Capacities summed from points into regions (the ratio's PLANTS, compliance's whitelist
capacity): a value that is not finite, or finite values whose regional total overflows, are
refused naming the plants or firms "name (id)", not the regions they fall in; every other
point is counted as before."""

from __future__ import annotations

import math

import pytest
from qgis.core import QgsProcessingException

from tests.layers import memory_layer, plants_layer, square

REGIONS_URI = "Polygon?crs=EPSG:4326&field=name_zh:string&field=ret:double&field=capital:double"


def regions():
    """Two regions: 甲 over (110–112° E, 29–31° N), 乙 over (112–114° E)."""
    return memory_layer(
        REGIONS_URI,
        [(square(109.5, 29, 2), "甲", 100.0, 1e9), (square(111.5, 29, 2), "乙", 50.0, 2e9)],
        "省",
    )


def ratio(run_alg, plants):
    return run_alg(
        "retirement_capacity_ratio",
        {
            "INPUT": regions(),
            "RETIREMENT_FIELD": "ret",
            "PLANTS": plants,
            "PLANT_CAPACITY_FIELD": "产能",
            "NAME_FIELD": "name_zh",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )


def compliance(run_alg, firms):
    return run_alg(
        "capital_compliance",
        {
            "INPUT": regions(),
            "CAPITAL_FIELD": "capital",
            "WHITELIST": firms,
            "WHITELIST_CAPACITY_FIELD": "产能",
            "NAME_FIELD": "name_zh",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )


# Plants at 110, 111 (in 甲) and 112, 113° E (in 乙); ids 1–4 in a memory layer.
@pytest.mark.parametrize("bad", [math.inf, -math.inf, math.nan])
@pytest.mark.parametrize("run", [ratio, compliance])
def test_a_capacity_that_is_not_finite_names_the_plant(run_alg, run, bad):
    plants = plants_layer(
        [("一厂", 40.0, 0), ("二厂", bad, 0), ("三厂", 10.0, 0), ("四厂", 5.0, 0)]
    )
    with pytest.raises(QgsProcessingException) as caught:
        run(run_alg, plants)
    message = str(caught.value)
    assert "not finite (±inf or NaN) in “产能”" in message, message
    param = "PLANT_CAPACITY_FIELD" if run is ratio else "WHITELIST_CAPACITY_FIELD"
    assert f"({param}) for feature ids: 二厂 (2)." in message, message
    assert "甲" not in message  # the plant, not its region


@pytest.mark.parametrize("run", [ratio, compliance])
def test_capacities_whose_regional_total_overflows_name_the_plants_of_that_region(run_alg, run):
    plants = plants_layer(
        [("一厂", 40.0, 0), ("二厂", 20.0, 0), ("三厂", 1.5e308, 0), ("四厂", 1.5e308, 0)]
    )
    with pytest.raises(QgsProcessingException) as caught:
        run(run_alg, plants)
    message = str(caught.value)
    assert "Values too large in “产能”" in message and "total in a region is not finite" in message
    assert message.endswith("for feature ids: 三厂 (3), 四厂 (4).")


def test_finite_capacities_are_summed_as_before(run_alg):
    plants = plants_layer(
        [("一厂", 40.0, 0), ("二厂", 10.0, 0), ("三厂", 1e308, 0), ("四厂", 5.0, 0)]
    )
    out = {f["name_zh"]: f for f in ratio(run_alg, plants)["OUTPUT"].getFeatures()}
    assert out["甲"]["capacity_t"] == 50.0 and out["甲"]["ratio"] == pytest.approx(2.0)
    assert out["乙"]["capacity_t"] == pytest.approx(1e308 + 5.0)
