"""Tests for core.economics and core.economics_params: the DLCER-Battery paper's facts with the
default parameters (each with its tolerance), model invariants, bad input, presets and the
parameter table. The facts and their readings are documented in docs/economics.md."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from battery_recycling_atlas.core.economics import model as eco
from battery_recycling_atlas.core.economics import presets as ep
from battery_recycling_atlas.core.economics.model import DEFAULT_PARAMS as P

TYPICAL = 50_000.0  # "typical compliant scale": a 50 kt/yr plant at full use (Q = 5)
LEADER = 27_400.0  # the paper's leading firm, Q = 2.74
LEADER_CAPACITY = LEADER / 0.164  # the same firm at 16.4 % utilisation: about 167 kt/yr
NCM = P.with_values({"feedstock.ncm_share": 1.0})


def one(params, capacity, throughput, **kw):
    return eco.plant_economics(params, [capacity], [throughput], **kw).row(0)


# --- the paper's facts -------------------------------------------------------------------


def test_fact_scale_efficiency_of_the_leading_firm_is_0_18():
    assert eco.scale_efficiency([LEADER])[0] == pytest.approx(0.18, abs=0.005)
    assert one(P, LEADER_CAPACITY, LEADER)["scale_eff"] == pytest.approx(0.18, abs=0.005)


def test_fact_full_use_of_200_kt_costs_about_40_percent_less_than_50_kt():
    res = eco.plant_economics(P, [50_000, 200_000], [50_000, 200_000])
    assert res.unit_cost[1] / res.unit_cost[0] - 1 == pytest.approx(-0.40, abs=0.03)


def test_fact_utilisation_16_4_to_50_percent_cuts_unit_cost_about_40_percent():
    res = eco.plant_economics(P, [LEADER_CAPACITY] * 2, utilization=[0.164, 0.5])
    assert res.unit_cost[1] / res.unit_cost[0] - 1 == pytest.approx(-0.40, abs=0.03)


def test_fact_compliant_19000_vs_informal_12000_cny_per_t():
    assert one(P, TYPICAL, TYPICAL)["unit_cost"] == pytest.approx(19_000, rel=0.05)
    informal = one(eco.informal_params(P), TYPICAL, TYPICAL)
    assert informal["unit_cost"] == pytest.approx(12_000, rel=0.05)
    assert informal["cost_Ce"] == 0.0


def test_fact_compliant_small_scale_about_23000_cny_per_t():
    # The source paper: compliant dismantling about 23,000 CNY/t at small scale (10 kt/yr at full use).
    assert one(P, 10_000, 10_000)["unit_cost"] == pytest.approx(23_000, rel=0.10)


def test_fact_environmental_cost_is_about_a_quarter_of_cost():
    row = one(P, TYPICAL, TYPICAL)
    share = row["cost_Ce"] / (row["unit_cost"] * row["throughput"])
    assert share == pytest.approx(0.25, abs=0.02)


def test_fact_ncm_margin_5_to_8_percent_at_typical_compliant_scale():
    row = one(NCM, TYPICAL, TYPICAL)
    assert 0.05 <= row["margin"] <= 0.08
    assert row["route"] == "recycle"


def test_fact_50_kt_line_running_10_kt_with_500m_fixed_cost_loses_heavily():
    row = one(P, 50_000, 10_000, fixed_cost=5e8)
    typical = one(P, TYPICAL, TYPICAL)["unit_cost"]
    assert row["unit_cost"] > 3 * typical  # 50,000 CNY/t of fixed cost alone
    assert row["profit"] < -3e8  # loses more than 300 M CNY/yr
    assert row["breakeven_t"] is None  # cannot break even within its capacity
    ncm = one(NCM, 50_000, 10_000, fixed_cost=5e8)
    assert ncm["profit"] < -3e8 and ncm["margin"] < -1.0


def test_fact_cascade_wins_from_a_spread_of_about_0_7():
    assert eco.cascade_break_even_spread(P, TYPICAL) == pytest.approx(0.70, abs=0.05)
    spreads = [0.6, 0.65, 0.75, 0.9]
    routes = [one(P.with_values({"rt.spread": s}), TYPICAL, TYPICAL)["route"] for s in spreads]
    assert routes == ["recycle", "recycle", "cascade", "cascade"]


def test_fact_initial_stage_has_fixed_cost_over_half_at_national_utilisation():
    row = one(P, 50_000, 0.164 * 50_000)  # Q = 0.82 < 5, utilisation as in the paper
    assert row["fixed_cost"] / row["throughput"] > 0.5 * row["unit_cost"]


# --- invariants ----------------------------------------------------------------------------


def test_profit_is_linear_in_a_metal_price():
    prices = [50_000.0, 80_000.0, 140_000.0]
    profits = [
        one(NCM.with_values({"rm.li2co3_price": x}), TYPICAL, TYPICAL)["profit"] for x in prices
    ]
    slope = (profits[1] - profits[0]) / (prices[1] - prices[0])
    assert profits[2] == pytest.approx(profits[0] + slope * (prices[2] - prices[0]), rel=1e-12)
    # slope = throughput × Li per t × LCE factor × recovery (CNY/yr per CNY/t of Li2CO3)
    assert slope == pytest.approx(TYPICAL * 16.6e-3 * eco.LCE_PER_LI * 0.90, rel=1e-12)


def test_profit_at_break_even_throughput_is_zero():
    caps = np.array([50_000.0, 120_000.0, 200_000.0, 300_000.0])
    res = eco.plant_economics(P, caps, utilization=1.0)
    found = np.isfinite(res.breakeven_t)
    assert found.sum() >= 2
    at = eco.plant_economics(P, caps[found], res.breakeven_t[found])
    assert np.all(np.abs(at.profit) < 1e-6 * np.abs(at.revenue) + 1.0)
    assert np.all(res.breakeven_t[found] <= caps[found])
    # the same root as scipy's brentq on the same bracket
    from scipy.optimize import brentq

    cap = caps[found][0]
    root = brentq(lambda t: one(P, cap, t)["profit"], 1.0, cap, xtol=1e-9)
    assert res.breakeven_t[found][0] == pytest.approx(root, rel=1e-8)


def test_route_is_monotone_in_the_spread():
    spreads = np.linspace(0.0, 2.0, 41)
    res = eco.plant_economics(
        P, np.full(41, TYPICAL), np.full(41, TYPICAL), overrides={"rt.spread": spreads}
    )
    cascade = res.route == "cascade"
    assert cascade[-1] and not cascade[0]
    assert np.all(np.diff(cascade.astype(int)) >= 0)
    assert np.all(np.diff(res.profit) >= -1e-6)  # more spread never lowers profit


def test_terms_add_up_and_evaluate_profit_matches():
    caps = np.array([10_000.0, 50_000.0, 167_000.0, 400_000.0])
    thr = caps * np.array([0.0, 0.5, 0.164, 1.0])
    params = P.with_values({"rt.spread": 1.0})
    res = eco.plant_economics(params, caps, thr)
    rev = sum(res.revenue_by_term[t] for t in eco.REVENUE_TERMS)
    cost = sum(res.cost_by_term[t] for t in eco.COST_TERMS)
    np.testing.assert_allclose(rev, res.revenue)
    np.testing.assert_allclose(cost, res.cost)
    np.testing.assert_allclose(res.revenue - res.cost, res.profit)
    fast = eco.evaluate_profit(params.values(), caps, thr)
    np.testing.assert_allclose(fast, res.profit, rtol=1e-12, atol=1e-3)
    assert res.profit[0] == pytest.approx(-res.fixed_cost[0])  # idle plant loses its fixed cost
    assert math.isnan(res.unit_cost[0]) and res.row(0)["unit_cost"] is None


def test_vectorised_equals_plant_by_plant_and_overrides_apply_per_plant():
    caps = [20_000.0, 60_000.0, 150_000.0]
    thr = [15_000.0, 30_000.0, 140_000.0]
    li = [60_000.0, 80_000.0, 120_000.0]
    res = eco.plant_economics(P, caps, thr, overrides={"rm.li2co3_price": li})
    for i in range(3):
        single = one(P.with_values({"rm.li2co3_price": li[i]}), caps[i], thr[i])
        assert res.profit[i] == pytest.approx(single["profit"], rel=1e-12)
        assert res.breakeven_t[i] == pytest.approx(
            single["breakeven_t"] or math.nan, rel=1e-9, nan_ok=True
        )
    row = res.row(0)
    assert isinstance(row["profit"], float) and row["route"] in ("cascade", "recycle")
    assert set(eco.COST_TERMS) <= {k[5:] for k in row if k.startswith("cost_")}


def test_outputs_shapes_units_and_stages():
    res = eco.plant_economics(P, [50_000.0, 300_000.0], utilization=[0.5, 0.9])
    assert res.throughput.tolist() == [25_000.0, 270_000.0]
    assert res.utilization.tolist() == [0.5, 0.9]
    assert len(res) == 2 and res.route.dtype == object
    assert list(eco.scale_stage([10_000, 49_999, 50_000, 200_000, 200_001, None])) == [
        "initial",
        "initial",
        "expansion",
        "expansion",
        "mature",
        None,
    ]
    empty = eco.plant_economics(P, [], [])
    assert len(empty) == 0 and empty.breakeven_t.shape == (0,)
    assert eco.annual_fixed_cost([50_000])[0] == pytest.approx(2e8)
    assert np.all(np.diff(eco.scale_efficiency(np.linspace(0, 5e5, 50))) > 0)


def test_pyrometallurgy_recovers_no_lithium():
    pyro = eco.with_process(NCM, "pyro")
    assert pyro.rm.rec_li == 0.0
    assert one(pyro, TYPICAL, TYPICAL)["revenue_Rm"] < one(NCM, TYPICAL, TYPICAL)["revenue_Rm"]
    with pytest.raises(eco.ParameterError):
        eco.with_process(P, "plasma")


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "capacity, throughput, name, indices",
    [
        ([100.0, 50.0], [50.0, 60.0], "throughput", [1]),
        ([100.0, 0.0, -5.0], [10.0, 0.0, 0.0], "capacity", [1, 2]),
        ([100.0, None], [10.0, 5.0], "capacity", [1]),
        ([100.0, 100.0], [-1.0, float("nan")], "throughput", [0, 1]),
    ],
)
def test_bad_plant_data_is_refused_naming_the_plants(capacity, throughput, name, indices):
    with pytest.raises(eco.InputError) as info:
        eco.plant_economics(P, capacity, throughput)
    assert info.value.name == name and info.value.indices == indices
    assert isinstance(info.value, ValueError) and name in str(info.value)


def test_bad_utilization_and_lengths():
    with pytest.raises(eco.InputError, match="utilization"):
        eco.plant_economics(P, [100.0], utilization=1.2)
    with pytest.raises(eco.InputError, match="either"):
        eco.plant_economics(P, [100.0], [50.0], utilization=0.5)
    with pytest.raises(eco.InputError, match="2 values for 3 plants"):
        eco.plant_economics(P, [1.0, 2.0, 3.0], [1.0, 1.0])


@pytest.mark.parametrize(
    "name, value",
    [
        ("rm.rec_li", 1.2),
        ("rm.li2co3_price", -1.0),
        ("scale.k", 0.0),
        ("rt.soh", 0.0),
        ("scale.lam", float("nan")),
        ("cp.unit_cost", "cheap"),
        ("feedstock.include_purchase", 2),
    ],
)
def test_parameters_outside_physical_bounds_are_refused(name, value):
    with pytest.raises(eco.ParameterError) as info:
        P.with_values({name: value})
    assert info.value.name == name and name in str(info.value)


def test_bad_overrides_and_fixed_shares():
    with pytest.raises(eco.ParameterError) as info:
        eco.plant_economics(P, [100.0, 100.0], [50.0, 50.0], overrides={"rm.rec_co": [0.9, 1.5]})
    assert info.value.name == "rm.rec_co" and "[1]" in str(info.value)
    with pytest.raises(eco.ParameterError, match="unknown"):
        eco.plant_economics(P, [100.0], [50.0], overrides={"rm.unobtainium": 1.0})
    with pytest.raises(eco.ParameterError, match="sum to 1"):
        P.with_values({"plant.fixed_share_cp": 0.5})
    with pytest.raises(eco.ParameterError, match="unknown"):
        P.with_values({"rm.li_price": 1.0})


def test_parameters_are_frozen_and_typed():
    with pytest.raises(AttributeError):
        P.rm.li2co3_price = 1.0  # type: ignore[misc]
    assert isinstance(P.feedstock.include_purchase, bool)
    assert isinstance(P.with_values({"rm.ni_price": 100_000}).rm.ni_price, float)
    assert set(P.values()) == set(eco.PARAMETER_SPECS)


# --- presets and the parameter table ------------------------------------------------------


def test_preset_round_trip(tmp_path):
    params = P.with_values({"rm.li2co3_price": 123_456.0, "feedstock.include_purchase": False})
    path = ep.save_preset(params, tmp_path / "p.json", description="test 测试")
    assert ep.load_preset(path) == params
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == ep.PRESET_FORMAT and data["units"]["rm.li2co3_price"] == "CNY/t"
    assert [p.name for p in tmp_path.iterdir()] == ["p.json"]  # no temporary file left


def test_partial_and_flat_presets_keep_defaults():
    params = ep.params_from_dict({"scale": {"q0": 8.0}, "rm.rec_li": 0.85})
    assert params.scale.q0 == 8.0 and params.rm.rec_li == 0.85
    assert params.scale.k == P.scale.k


@pytest.mark.parametrize(
    "text, key",
    [
        ('{"parameters": {"rm": {"rec_li": 1.5}}}', "rm.rec_li"),
        ('{"parameters": {"rm": {"lithium": 1}}}', "rm.lithium"),
        ('{"parameters": {"materials": {}}}', "materials"),
        ('{"parameters": {"scale": 3}}', "scale"),
        ('{"format": "other", "parameters": {}}', "format"),
        ('{"parameters": {}, "extra": 1}', "extra"),
        ('{"parameters": {"rt": {"spread": "high"}}}', "rt.spread"),
        ('{"parameters": ', "<json>"),
        ("[1, 2]", "<root>"),
    ],
)
def test_invalid_preset_files_name_the_key(tmp_path, text, key):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ep.PresetError) as info:
        ep.load_preset(path)
    assert info.value.name == key and key in str(info.value) and "bad.json" in str(info.value)
    assert isinstance(info.value, ValueError)


def test_missing_preset_file(tmp_path):
    with pytest.raises(ep.PresetError, match="cannot read"):
        ep.load_preset(tmp_path / "nope.json")


def test_shipped_table_and_preset_match_the_code_defaults():
    table = ep.load_parameter_table()
    assert list(table) == list(eco.PARAMETER_SPECS)  # every parameter, in order
    assert table.params() == P
    assert ep.load_preset(ep.DEFAULT_PRESET_PATH) == P
    for row in table.values():
        assert row.source and row.term == eco.PARAMETER_SPECS[row.name].term
        assert row.low <= row.value <= row.high
    ranges = table.ranges()
    assert "rm.li2co3_price" in ranges and "plant.fixed_share_cp" not in ranges
    assert {r.distribution for r in ranges.values()} == {"triangular", "uniform", "normal"}


@pytest.mark.parametrize(
    "edit, key",
    [
        (
            lambda s: s.replace("rm.rec_li,Rm,0.9,fraction,0.85", "rm.rec_li,Rm,1.2,fraction,0.85"),
            "rm.rec_li",
        ),
        (
            lambda s: s.replace(
                "rm.rec_li,Rm,0.9,fraction,0.85,0.95,triangular",
                "rm.rec_li,Rm,0.9,fraction,0.85,0.95,lognormal",
            ),
            "rm.rec_li",
        ),
        (
            lambda s: s.replace(
                "rm.rec_li,Rm,0.9,fraction,0.85,0.95", "rm.rec_li,Rm,0.9,fraction,0.95,0.85"
            ),
            "rm.rec_li",
        ),
        (lambda s: s.replace("rm.rec_li,Rm,", "rm.rec_lithium,Rm,"), "rm.rec_lithium"),
        (lambda s: s.replace("rm.rec_li,Rm,", "rm.rec_li,Cr,"), "rm.rec_li"),
        (lambda s: s.replace(",source,", ",origin,"), "source"),
    ],
)
def test_invalid_parameter_table_rows_are_refused(tmp_path, edit, key):
    text = ep.DEFAULT_TABLE_PATH.read_text(encoding="utf-8")
    edited = edit(text)
    assert edited != text
    path = tmp_path / "t.csv"
    path.write_text(edited, encoding="utf-8")
    with pytest.raises(ep.TableError) as info:
        ep.load_parameter_table(path)
    assert info.value.name == key


def test_errors_share_the_core_bases():
    from battery_recycling_atlas.core import errors
    from battery_recycling_atlas.core.economics import parameters as economics_types

    assert issubclass(eco.InputError, errors.RowValuesError)
    assert issubclass(errors.InvalidValuesError, errors.RowValuesError)
    assert eco.ParameterError is errors.ParameterError is economics_types.ParameterError
    assert issubclass(ep.PresetError, errors.ParameterError)
    with pytest.raises(errors.RowValuesError) as info:
        eco.plant_economics(P, [10_000, 20_000], [20_000, 5_000])
    err = info.value
    assert (err.which, err.name, err.indices) == ("throughput", "throughput", [0])
    assert str(err) == "throughput: exceeds the plant's capacity at plants [0]"
    assert str(errors.NegativeValueError("volume", [2])) == "volume: negative values at rows 2"


def test_every_public_name_is_importable_from_economics():
    from battery_recycling_atlas.core.economics import parameters as economics_types

    for name in economics_types.__all__:
        assert getattr(eco, name) is getattr(economics_types, name)
    assert set(economics_types.__all__) <= set(eco.__all__)
