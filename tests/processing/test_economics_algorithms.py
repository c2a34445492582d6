"""``plant_profit``, ``profit_uncertainty`` and ``calibrate_scale_curve`` through Processing."""

from __future__ import annotations

import json
import math

import pytest
from qgis.core import QgsProcessingException

from tests.layers import is_null, plants_layer, table

BASE = {"CAPACITY_FIELD": "产能", "THROUGHPUT_FIELD": "处理量", "OUTPUT": "TEMPORARY_OUTPUT"}


def test_plant_profit_fields_and_the_scale_curve(run_alg, tmp_path):
    layer = plants_layer(
        [("甲", 167_000.0, 27_400.0), ("乙", 50_000.0, 50_000.0), ("丙", 50_000.0, None)]
    )
    res = run_alg(
        "plant_profit",
        {**BASE, "INPUT": layer, "NAME_FIELD": "名称", "REPORT": str(tmp_path / "p.html")},
    )
    out = {f["名称"]: f for f in res["OUTPUT"].getFeatures()}
    # S(Q) = 1 / (1 + exp(−k (Q − Q0))), Q in 10 kt, defaults Q0 = 10, k = 0.209 (the paper's
    # leading firm at Q = 2.74 has S ≈ 0.18): 1 / (1 + e^(0.209 × 7.26)) = 0.17985.
    assert out["甲"]["scale_eff"] == pytest.approx(
        1 / (1 + math.exp(0.209 * (10 - 2.74))), abs=2e-3
    )
    assert out["甲"]["utilization"] == pytest.approx(27_400 / 167_000)
    for name in ("甲", "乙"):
        f = out[name]
        assert f["profit"] == pytest.approx(f["revenue"] - f["cost"], rel=1e-9)
        terms = sum(f[k] for k in ("rev_rm", "rev_rt", "rev_sg", "rev_ec"))
        assert terms == pytest.approx(f["revenue"], rel=1e-9)
        costs = sum(f[k] for k in ("cost_cp", "cost_cd", "cost_cr", "cost_ce", "cost_purchase"))
        assert costs == pytest.approx(f["cost"], rel=1e-9)
        assert f["margin"] == pytest.approx(f["profit"] / f["revenue"])
        assert f["route"] in ("cascade", "recycle")
    # A typical compliant plant (50 kt at full use): processing cost near 19,000 CNY/t.
    assert out["乙"]["unit_cost"] == pytest.approx(19_000, rel=0.05)
    assert out["丙"]["route"] == "no_data" and is_null(out["丙"]["profit"])
    assert res["TOTAL_THROUGHPUT"] == pytest.approx(77_400)
    assert res["TOTAL_PROFIT"] == pytest.approx(out["甲"]["profit"] + out["乙"]["profit"])
    html = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert "甲" in html and "<svg" in html


def test_headline_override_moves_profit_linearly(run_alg):
    layer = plants_layer([("x", 50_000.0, 40_000.0)])
    profits = []
    for price in (80_000, 100_000, 120_000):
        res = run_alg("plant_profit", {**BASE, "INPUT": layer, "LI2CO3_PRICE": price})
        profits.append(next(res["OUTPUT"].getFeatures())["profit"])
    # Equal price steps give equal profit steps, and a higher price more profit.
    assert profits[2] - profits[1] == pytest.approx(profits[1] - profits[0], rel=1e-9)
    assert profits[1] > profits[0]


def test_bad_plants_and_presets_are_refused(run_alg, tmp_path):
    too_much = plants_layer([("x", 10_000.0, 12_000.0)])
    fid = next(too_much.getFeatures()).id()
    with pytest.raises(QgsProcessingException, match=rf"exceeds capacity.*\b{fid}\b"):
        run_alg("plant_profit", {**BASE, "INPUT": too_much})
    with pytest.raises(QgsProcessingException, match="above 0"):
        run_alg("plant_profit", {**BASE, "INPUT": plants_layer([("x", 0.0, 0.0)])})
    preset = tmp_path / "bad.json"
    preset.write_text(
        json.dumps(
            {
                "format": "battery_recycling_atlas.economics",
                "version": 1,
                "parameters": {"rm.rec_li": 1.5},
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(QgsProcessingException, match="rm.rec_li"):
        run_alg(
            "plant_profit",
            {**BASE, "INPUT": plants_layer([("x", 1e4, 5e3)]), "PARAMETERS_FILE": str(preset)},
        )


def test_uncertainty_is_seeded_and_ordered(run_alg, tmp_path):
    layer = plants_layer([("甲", 167_000.0, 27_400.0), ("乙", 50_000.0, 45_000.0)])
    params = {
        "INPUT": layer,
        "CAPACITY_FIELD": "产能",
        "THROUGHPUT_FIELD": "处理量",
        "N_SIMULATIONS": 2_000,
        "SEED": 7,
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    first = run_alg("profit_uncertainty", {**params, "REPORT": str(tmp_path / "u.html")})
    second = run_alg("profit_uncertainty", params)
    a = [f.attributes() for f in first["OUTPUT"].getFeatures()]
    b = [f.attributes() for f in second["OUTPUT"].getFeatures()]
    assert len(a) == 2 and a == b  # same seed, same draws
    for f in first["OUTPUT"].getFeatures():
        assert f["profit_p5"] <= f["profit_p50"] <= f["profit_p95"]
        assert 0.0 <= f["p_loss"] <= 1.0
    assert first["TOTAL_P5"] <= first["TOTAL_P50"] <= first["TOTAL_P95"]
    assert "<svg" in (tmp_path / "u.html").read_text(encoding="utf-8")


def test_calibration_recovers_the_curve_it_was_given(run_alg, tmp_path):
    from battery_recycling_atlas.core.economics.calibration import model_unit_cost
    from battery_recycling_atlas.core.economics.model import DEFAULT_PARAMS

    throughputs = [5e3, 1e4, 2e4, 3e4, 5e4, 8e4, 1.2e5, 1.6e5, 2e5, 2.5e5]
    costs = model_unit_cost(DEFAULT_PARAMS, throughputs)
    observed = table(
        "field=t:double&field=c:double", [(t, float(c)) for t, c in zip(throughputs, costs)], "obs"
    )
    out = tmp_path / "拟合.json"
    res = run_alg(
        "calibrate_scale_curve",
        {
            "INPUT": observed,
            "THROUGHPUT_FIELD": "t",
            "UNIT_COST_FIELD": "c",
            "OUTPUT": str(out),
            "REPORT": str(tmp_path / "c.html"),
        },
    )
    assert res["R2"] == pytest.approx(1.0, abs=1e-6)
    assert res["Q0"] == pytest.approx(DEFAULT_PARAMS.scale.q0, rel=1e-3)
    assert res["LAMBDA"] == pytest.approx(DEFAULT_PARAMS.scale.lam, rel=1e-3)
    from battery_recycling_atlas.core.economics.presets import load_preset

    saved = load_preset(out)
    assert saved.scale.q0 == pytest.approx(res["Q0"])
    assert json.loads(out.read_text(encoding="utf-8"))["metadata"]["n"] == 10
