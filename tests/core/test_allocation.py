"""Tests for core.allocation (least-cost allocation under border rules) and its HTML report."""

from __future__ import annotations

import itertools
import math
import re

import numpy as np
import pytest

from battery_recycling_atlas.core.errors import (
    InvalidValuesError,
    NegativeValueError,
    NonFiniteValueError,
    NoValidRowsError,
)
from battery_recycling_atlas.core.siting import allocation as al
from battery_recycling_atlas.core.siting import arcs as arcmod
from battery_recycling_atlas.core.siting import solver
from battery_recycling_atlas.reports.allocation import allocation_report_html, rule_labels

RATE, DETOUR, FEE, PENALTY = 0.9, 1.3, 250.0, 10_000.0
TOL = 1e-6


def run(sxy, s, sp, pxy, c, pp, rule="open", **kw):
    kw.setdefault("transport_cost", RATE)
    kw.setdefault("detour", DETOUR)
    kw.setdefault("border_fee", FEE)
    kw.setdefault("unmet_penalty", PENALTY)
    return al.allocate(sxy, s, sp, pxy, c, pp, rule=rule, **kw)


def random_instance(seed, ns, npl, tight=1.0, provinces=4):
    """Points in a 2,000 km square; total capacity = total supply / tight."""
    rng = np.random.default_rng(seed)
    sxy = rng.uniform(0, 2e6, (ns, 2))
    pxy = rng.uniform(0, 2e6, (npl, 2))
    s = rng.lognormal(7, 1, ns)
    c = rng.uniform(0.2, 1.0, npl)
    c *= s.sum() / tight / c.sum()
    # provinces: vertical strips, so neighbours share a province
    sp = (sxy[:, 0] // (2e6 / provinces)).astype(int).tolist()
    pp = (pxy[:, 0] // (2e6 / provinces)).astype(int).tolist()
    return sxy, s, sp, pxy, c, pp


# --- independent references -------------------------------------------------------------------


def unit_costs(sxy, sp, pxy, pp, rule, fee=FEE, max_km=None):
    """Unit cost matrix (CNY/t) written independently with plain loops; None = no arc."""
    out = []
    for (x, y), a in zip(np.asarray(sxy).tolist(), sp):
        row = []
        for (u, v), b in zip(np.asarray(pxy).tolist(), pp):
            km = math.hypot(x - u, y - v) / 1000.0
            cost = km * DETOUR * RATE
            if max_km is not None and km > max_km:
                cost = None
            elif a != b and rule == "closed":
                cost = None
            elif a != b and rule == "fee":
                cost += fee
            row.append(cost)
        out.append(row)
    return out


def dense_reference(sxy, s, sp, pxy, c, pp, rule, fee=FEE, max_km=None):
    """Optimal objective (transport + fees + penalty) by a dense LP solved with interior point."""
    from scipy.optimize import linprog

    costs = unit_costs(sxy, sp, pxy, pp, rule, fee, max_km)
    ns, npl = len(s), len(c)
    obj, a_eq, a_ub, bounds = [], [], [], []
    for i, j in itertools.product(range(ns), range(npl)):
        obj.append(0.0 if costs[i][j] is None else costs[i][j])
        bounds.append((0, 0 if costs[i][j] is None else None))
    obj += [PENALTY] * ns
    bounds += [(0, None)] * ns
    for i in range(ns):
        row = [0.0] * (ns * npl + ns)
        for j in range(npl):
            row[i * npl + j] = 1.0
        row[ns * npl + i] = 1.0
        a_eq.append(row)
    for j in range(npl):
        row = [0.0] * (ns * npl + ns)
        for i in range(ns):
            row[i * npl + j] = 1.0
        a_ub.append(row)
    res = linprog(
        obj, A_ub=a_ub, b_ub=list(c), A_eq=a_eq, b_eq=list(s), bounds=bounds, method="highs-ipm"
    )
    assert res.status == 0
    return res.fun


def vertex_enumeration(sxy, s, sp, pxy, c, pp, rule):
    """Brute force: the best basic feasible solution over every basis of the standard form."""
    costs = unit_costs(sxy, sp, pxy, pp, rule)
    ns, npl = len(s), len(c)
    arcs = [(i, j) for i in range(ns) for j in range(npl) if costs[i][j] is not None]
    m = ns + npl
    cols, obj = [], []
    for i, j in arcs:  # flow variables
        col = np.zeros(m)
        col[i] = col[ns + j] = 1.0
        cols.append(col)
        obj.append(costs[i][j])
    for i in range(ns):  # unmet
        col = np.zeros(m)
        col[i] = 1.0
        cols.append(col)
        obj.append(PENALTY)
    for j in range(npl):  # capacity slack
        col = np.zeros(m)
        col[ns + j] = 1.0
        cols.append(col)
        obj.append(0.0)
    a = np.array(cols).T
    b = np.concatenate([s, c])
    obj = np.array(obj)
    best = math.inf
    for basis in itertools.combinations(range(a.shape[1]), m):
        sub = a[:, basis]
        if abs(np.linalg.det(sub)) < 1e-9:
            continue
        x = np.linalg.solve(sub, b)
        if np.all(x >= -1e-9):
            best = min(best, float(obj[list(basis)] @ x))
    return best


def check_invariants(res, s, c):
    s = np.asarray(s, dtype=float)
    c = np.asarray(c, dtype=float)
    shipped = np.bincount(res.flow_from, weights=res.flow_t, minlength=s.size)
    ok = ~np.isnan(s)
    np.testing.assert_allclose(shipped[ok] + res.unmet_t[ok], s[ok], rtol=1e-9, atol=1e-6)
    okc = ~np.isnan(c)
    assert np.all(res.allocated_t[okc] <= c[okc] * (1 + 1e-9) + 1e-6)
    np.testing.assert_allclose(
        np.bincount(res.flow_to, weights=res.flow_t, minlength=c.size)[okc],
        res.allocated_t[okc],
        rtol=1e-12,
        atol=1e-9,
    )
    assert np.all(res.flow_t > 0) and np.all(res.unmet_t[ok] >= 0)
    assert res.objective == pytest.approx(res.dual_bound, rel=1e-7, abs=1e-3)
    assert res.total_cost == pytest.approx(res.transport_cost + res.border_fee_cost, rel=1e-9)


# --- optimality -------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("rule", al.RULES)
def test_lp_equals_vertex_enumeration_on_tiny_instances(seed, rule):
    sxy, s, sp, pxy, c, pp = random_instance(seed, 3, 2, tight=1.0 + 0.4 * (seed % 3), provinces=2)
    res = run(sxy, s, sp, pxy, c, pp, rule)
    expected = vertex_enumeration(sxy, s, sp, pxy, c, pp, rule)
    assert res.objective == pytest.approx(expected, rel=TOL)
    check_invariants(res, s, c)


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("rule", al.RULES)
def test_lp_equals_dense_interior_point_reference(seed, rule):
    sxy, s, sp, pxy, c, pp = random_instance(100 + seed, 12, 5, tight=(0.5, 1.0, 2.0)[seed % 3])
    expected = dense_reference(sxy, s, sp, pxy, c, pp, rule)
    for method in al.ALLOCATION_METHODS:
        res = run(sxy, s, sp, pxy, c, pp, rule, method=method)
        assert res.objective == pytest.approx(expected, rel=TOL), method
        check_invariants(res, s, c)


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("tight", [0.3, 0.9, 1.5])
def test_column_generation_equals_every_arc(seed, tight, monkeypatch):
    rule = al.RULES[seed % 3]
    sxy, s, sp, pxy, c, pp = random_instance(200 + seed, 300, 40, tight=tight, provinces=5)
    if seed % 2:  # also exercise the grouped (coarse) start
        monkeypatch.setattr(solver, "COARSE_ABOVE", 50)
        monkeypatch.setattr(solver, "COARSE_ROWS", 30)
    monkeypatch.setattr(solver, "INITIAL_ARCS", 2)  # force several pricing rounds
    full = run(sxy, s, sp, pxy, c, pp, rule, method="full")
    cg = run(sxy, s, sp, pxy, c, pp, rule, method="column_generation")
    assert full.method == "full"
    if rule != "closed":  # closed leaves so few arcs that the loop may switch to all of them
        assert cg.method == "column_generation" and cg.arcs_solved < full.arcs_solved
    assert cg.objective == pytest.approx(full.objective, rel=1e-9)
    assert cg.total_unmet_t == pytest.approx(full.total_unmet_t, rel=1e-7, abs=1e-3)
    check_invariants(cg, s, c)
    check_invariants(full, s, c)


def test_column_generation_needs_several_rounds_when_capacity_is_tight(monkeypatch):
    monkeypatch.setattr(solver, "INITIAL_ARCS", 1)
    sxy, s, sp, pxy, c, pp = random_instance(7, 200, 30, tight=1.2)
    res = run(sxy, s, sp, pxy, c, pp, method="column_generation")
    assert res.rounds > 1
    full = run(sxy, s, sp, pxy, c, pp, method="full")
    assert res.objective == pytest.approx(full.objective, rel=1e-9)


def test_column_generation_with_many_blocks(monkeypatch):
    monkeypatch.setattr(arcmod, "BLOCK_ELEMENTS", 64)  # pricing in many row blocks
    sxy, s, sp, pxy, c, pp = random_instance(8, 120, 20, tight=1.1)
    cg = run(sxy, s, sp, pxy, c, pp, "fee", method="column_generation")
    full = run(sxy, s, sp, pxy, c, pp, "fee", method="full")
    assert cg.objective == pytest.approx(full.objective, rel=1e-9)


# --- border rules -----------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_closed_rule_has_no_cross_border_flow(seed):
    sxy, s, sp, pxy, c, pp = random_instance(300 + seed, 60, 12)
    closed = run(sxy, s, sp, pxy, c, pp, "closed")
    assert not closed.flow_cross_border.any()
    assert np.all(np.asarray(sp)[closed.flow_from] == np.asarray(pp)[closed.flow_to])
    assert closed.cross_border_t == 0.0
    assert closed.border_fee_cost == 0.0
    opened = run(sxy, s, sp, pxy, c, pp, "open")
    assert opened.flow_cross_border.any()  # the instance does have cross-border flows
    np.testing.assert_array_equal(
        opened.flow_cross_border, np.asarray(sp)[opened.flow_from] != np.asarray(pp)[opened.flow_to]
    )


@pytest.mark.parametrize("seed", range(5))
def test_rules_order_the_objective(seed):
    sxy, s, sp, pxy, c, pp = random_instance(400 + seed, 50, 10, tight=1.2)
    res = al.compare_rules(
        sxy,
        s,
        sp,
        pxy,
        c,
        pp,
        transport_cost=RATE,
        border_fee=FEE,
        detour=DETOUR,
        unmet_penalty=PENALTY,
    )
    assert list(res) == list(al.RULES)
    assert [r.rule for r in res.values()] == list(al.RULES)
    eps = 1e-9 * res["closed"].objective
    assert res["open"].objective <= res["fee"].objective + eps
    assert res["fee"].objective <= res["closed"].objective + eps


@pytest.mark.parametrize("seed", range(4))
def test_fee_zero_equals_open(seed):
    sxy, s, sp, pxy, c, pp = random_instance(500 + seed, 80, 15, tight=1.1)
    opened = run(sxy, s, sp, pxy, c, pp, "open")
    fee0 = run(sxy, s, sp, pxy, c, pp, "fee", border_fee=0.0)
    assert fee0.objective == pytest.approx(opened.objective, rel=1e-9)
    assert fee0.total_cost == pytest.approx(opened.total_cost, rel=1e-9)
    assert fee0.total_unmet_t == pytest.approx(opened.total_unmet_t, abs=1e-3)
    assert fee0.national_utilization == pytest.approx(opened.national_utilization, rel=1e-9)
    assert fee0.border_fee_cost == 0.0


def test_fee_rule_hand_computed():
    # One supply in province A at x=0; plant in B at 100 km, plant in A at 300 km.
    sxy = [[0.0, 0.0]]
    pxy = [[100_000.0, 0.0], [-300_000.0, 0.0]]
    per_km = RATE * DETOUR
    low = run(sxy, [1000.0], ["A"], pxy, [5000.0, 5000.0], ["B", "A"], "fee", border_fee=50.0)
    assert low.flow_to.tolist() == [0] and low.flow_cross_border.tolist() == [True]
    assert low.total_cost == pytest.approx(1000 * (100 * per_km + 50.0))
    assert low.border_fee_cost == pytest.approx(50_000.0)
    assert low.transport_cost == pytest.approx(1000 * 100 * per_km)
    assert low.flow_distance_km.tolist() == pytest.approx([100.0])
    assert low.flow_unit_cost.tolist() == pytest.approx([100 * per_km + 50.0])
    assert low.cross_border_share == 1.0
    high = run(sxy, [1000.0], ["A"], pxy, [5000.0, 5000.0], ["B", "A"], "fee", border_fee=500.0)
    assert high.flow_to.tolist() == [1] and high.cross_border_share == 0.0
    assert high.total_cost == pytest.approx(1000 * 300 * per_km)
    # utilisation per plant and nationally
    assert high.utilization.tolist() == pytest.approx([0.0, 0.2])
    assert high.national_utilization == pytest.approx(0.1)


def test_province_codes_compare_by_value():
    sxy = [[0.0, 0.0], [1000.0, 0.0]]
    pxy = [[500.0, 0.0]]
    res = run(sxy, [10.0, 20.0], [110000, "110000"], pxy, [100.0], [110000.0], "closed")
    assert res.total_unmet_t == 0.0 and not res.flow_cross_border.any()


# --- bad and degenerate input -----------------------------------------------------------------


def test_infeasible_closed_case_reports_unmet():
    # Province "B" has supply but no plant; province "A" has a plant too small for its supply.
    sxy = [[0, 0], [10_000, 0], [500_000, 0]]
    s = [300.0, 200.0, 700.0]
    res = run(sxy, s, ["A", "A", "B"], [[5_000, 0]], [400.0], ["A"], "closed")
    assert res.unmet_t[2] == pytest.approx(700.0)
    assert res.unmet_t[:2].sum() == pytest.approx(100.0)
    assert res.total_unmet_t == pytest.approx(800.0)
    assert res.penalty_cost == pytest.approx(800.0 * PENALTY)
    assert res.national_utilization == pytest.approx(1.0)
    assert res.objective == pytest.approx(res.total_cost + res.penalty_cost)
    check_invariants(res, s, [400.0])
    opened = run(sxy, s, ["A", "A", "B"], [[5_000, 0]], [400.0], ["A"], "open")
    assert opened.total_unmet_t == pytest.approx(800.0)  # still short of capacity overall


def test_closed_rule_without_any_permitted_arc():
    res = run([[0, 0]], [50.0], ["A"], [[1000, 0]], [100.0], ["B"], "closed")
    assert res.n_flows == 0 and res.total_unmet_t == 50.0
    assert res.cross_border_share is None and res.national_utilization == 0.0


def test_zero_total_capacity_leaves_everything_unmet():
    res = run([[0, 0], [1, 1]], [5.0, 7.0], None, [[2, 2], [3, 3]], [0.0, 0.0], None)
    assert res.no_capacity
    assert res.total_unmet_t == 12.0 and res.n_flows == 0
    assert res.national_utilization is None and res.cross_border_share is None
    assert np.isnan(res.utilization).all()
    assert res.allocated_t.tolist() == [0.0, 0.0]
    assert res.objective == pytest.approx(12.0 * PENALTY)
    assert res.dual_bound == pytest.approx(res.objective)
    assert any("capacity is 0" in m for m in res.messages)
    none = run([[0, 0]], [5.0], None, np.zeros((0, 2)), [], None)
    assert none.no_capacity and none.total_unmet_t == 5.0


def test_zero_supply_is_not_an_error():
    res = run([[0, 0]], [0.0], None, [[2, 2]], [10.0], None)
    assert res.total_unmet_t == 0.0 and res.national_utilization == 0.0
    assert res.cross_border_share is None and res.total_cost == 0.0


def test_empty_supply_raises():
    with pytest.raises(NoValidRowsError):
        run(np.zeros((0, 2)), [], None, [[0, 0]], [1.0], None)


def test_negative_and_infinite_values_raise_with_rows():
    with pytest.raises(NegativeValueError) as err:
        run([[0, 0], [1, 1], [2, 2]], [1.0, -2.0, -3.0], None, [[0, 0]], [1.0], None)
    assert err.value.indices == [1, 2] and err.value.which == "supply_t"
    with pytest.raises(NegativeValueError) as err:
        run([[0, 0]], [1.0], None, [[0, 0], [1, 1]], [1.0, -1.0], None)
    assert err.value.indices == [1] and err.value.which == "capacity_t"
    with pytest.raises(NonFiniteValueError) as err:
        run([[0, 0], [1, 1]], [np.inf, 1.0], None, [[0, 0]], [1.0], None)
    assert err.value.indices == [0]
    with pytest.raises(al.MissingCoordinateError) as err:
        run([[0, 0], [np.nan, 1]], [1.0, 1.0], None, [[0, 0]], [1.0], None)
    assert err.value.indices == [1] and isinstance(err.value, InvalidValuesError)


def test_missing_province_raises_only_when_the_rule_needs_it():
    sxy, pxy = [[0, 0], [1, 1]], [[0, 0]]
    with pytest.raises(al.MissingProvinceError) as err:
        run(sxy, [1.0, 2.0], ["A", None], pxy, [5.0], ["A"], "closed")
    assert err.value.indices == [1] and err.value.which == "supply_prov"
    with pytest.raises(al.MissingProvinceError) as err:
        run(sxy, [1.0, 2.0], ["A", "A"], pxy, [5.0], [float("nan")], "fee")
    assert err.value.which == "plant_prov"
    res = run(sxy, [1.0, 2.0], ["A", None], pxy, [5.0], ["A"], "open")
    assert res.total_unmet_t == 0.0 and not res.flow_cross_border.any()
    # a row without supply needs no province
    res = run(sxy, [1.0, 0.0], ["A", ""], pxy, [5.0], ["A"], "closed")
    assert res.total_unmet_t == 0.0


@pytest.mark.parametrize(
    "kwargs",
    [
        {"rule": "green"},
        {"border_fee": -1.0},
        {"transport_cost": float("nan")},
        {"detour": 0.0},
        {"max_distance_km": 0.0},
        {"unmet_penalty": -5.0},
        {"method": "fast"},
        {"transport_cost": "cheap"},
    ],
)
def test_bad_parameters_raise(kwargs):
    rule = kwargs.pop("rule", "open")
    with pytest.raises(ValueError):
        run([[0, 0]], [1.0], None, [[0, 0]], [1.0], None, rule, **kwargs)


def test_null_values_keep_their_row_with_a_null_result():
    res = run(
        [[0, 0], [1000, 0]], [None, 30.0], None, [[0, 0], [500, 0]], [50.0, float("nan")], None
    )
    assert np.isnan(res.unmet_t[0]) and res.unmet_t[1] == 0.0
    assert np.isnan(res.allocated_t[1]) and np.isnan(res.utilization[1])
    assert res.total_supply_t == 30.0 and res.total_capacity_t == 50.0
    assert res.national_utilization == pytest.approx(0.6)
    assert res.flow_to.tolist() == [0]


def test_length_mismatch_raises():
    with pytest.raises(ValueError):
        run([[0, 0], [1, 1]], [1.0], None, [[0, 0]], [1.0], None)
    with pytest.raises(ValueError):
        run([[0, 0]], [1.0], ["A", "B"], [[0, 0]], [1.0], ["A"], "closed")


# --- max distance -----------------------------------------------------------------------------


@pytest.mark.parametrize("method", al.ALLOCATION_METHODS)
def test_max_distance_drops_arcs(method):
    sxy, s, sp, pxy, c, pp = random_instance(600, 70, 12, tight=0.5)
    free = run(sxy, s, sp, pxy, c, pp, method=method)
    capped = run(sxy, s, sp, pxy, c, pp, max_distance_km=400.0, method=method)
    assert capped.arcs_permitted < free.arcs_permitted
    assert np.all(capped.flow_distance_km <= 400.0)
    assert capped.objective >= free.objective - 1e-6
    expected = dense_reference(sxy, s, sp, pxy, c, pp, "open", max_km=400.0)
    assert capped.objective == pytest.approx(expected, rel=TOL)
    # a lone supply point far from every plant is unmet
    lone = run(
        [[0, 0], [9e6, 0]],
        [10.0, 20.0],
        None,
        [[1000, 0]],
        [100.0],
        None,
        max_distance_km=300.0,
        method=method,
    )
    assert lone.unmet_t.tolist() == [0.0, 20.0]


def test_penalty_below_transport_cost_leaves_far_supply_unmet():
    # 1,000 km at 0.9 × 1.3 CNY/t·km = 1,170 CNY/t > a penalty of 1,000 CNY/t
    res = run([[0, 0]], [10.0], None, [[1e6, 0]], [100.0], None, unmet_penalty=1000.0)
    assert res.total_unmet_t == 10.0 and res.n_flows == 0
    assert res.params.penalty_distance_km == pytest.approx(1000.0 / (RATE * DETOUR))


# --- result types -----------------------------------------------------------------------------


def test_totals_are_python_floats_and_flows_sorted():
    sxy, s, sp, pxy, c, pp = random_instance(700, 40, 8, tight=1.3)
    res = run(sxy, s, sp, pxy, c, pp, "fee")
    for name in (
        "total_cost",
        "total_unmet_t",
        "national_utilization",
        "cross_border_share",
        "penalty_cost",
        "objective",
        "dual_bound",
        "solve_seconds",
        "transport_cost",
        "border_fee_cost",
        "total_allocated_t",
        "cross_border_t",
    ):
        assert type(getattr(res, name)) is float, name
    assert isinstance(res.no_capacity, bool) and isinstance(res.status, str)
    assert res.status.startswith("optimal")
    keys = res.flow_from * 1000 + res.flow_to
    assert np.all(np.diff(keys) > 0)
    assert res.flow_from.dtype == np.int64 and res.flow_cross_border.dtype == bool
    np.testing.assert_allclose(res.flow_cost, res.flow_t * res.flow_unit_cost)
    assert res.total_allocated_t + res.total_unmet_t == pytest.approx(res.total_supply_t)


# --- report -----------------------------------------------------------------------------------


def report_case():
    sxy, s, sp, pxy, c, pp = random_instance(800, 30, 6, tight=1.4, provinces=3)
    results = al.compare_rules(
        sxy,
        s,
        sp,
        pxy,
        c,
        pp,
        transport_cost=RATE,
        border_fee=FEE,
        detour=DETOUR,
        unmet_penalty=PENALTY,
    )
    supply_names = [f"City <{i}>" for i in range(len(s))]
    plant_names = [f"Plant {j} & co" for j in range(len(c))]
    return results, supply_names, plant_names


def test_report_compares_the_rules_and_lists_the_chosen_one():
    results, sn, pn = report_case()
    page = allocation_report_html(
        results,
        "fee",
        title="Allocation <test>",
        supply_names=sn,
        plant_names=pn,
        notes=["Illustrative data"],
    )
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>Allocation &lt;test&gt;</title>" in page
    assert "Illustrative data" in page
    for label in rule_labels().values():
        assert label in page
    assert "Border fee (chosen)" in page
    assert page.count("<svg") == 1
    assert "City &lt;" in page and "Plant 0 &amp; co" in page
    assert "City <" not in page
    # every plant is listed, in utilisation order
    table = page.split('class="data plants"')[1].split("</table>")[0]
    utils = [float(v) for v in re.findall(r">([0-9.]+) %</td>", table)]
    assert len(utils) == len(pn) and utils == sorted(utils, reverse=True)
    assert "green channel" in page  # closed → open sentence


def test_report_translates_fixed_strings():
    results, sn, pn = report_case()
    page = allocation_report_html(
        results, "open", title="T", supply_names=sn, plant_names=pn, tr=lambda text: "§" + text
    )
    visible = re.sub(r"<svg.*?</svg>", "", page, flags=re.S)
    for text in (
        "§Border rules compared",
        "§Largest flows",
        "§Plants by utilisation",
        "§Open borders (green channel) §(chosen)",
        "§Generated by",
    ):
        assert text in visible, text


def test_report_with_one_rule_and_no_capacity():
    res = run([[0, 0], [1, 1]], [5.0, None], None, [[2, 2]], [0.0], None)
    page = allocation_report_html(
        {"closed": res}, "closed", title="T", supply_names=["a", "b"], plant_names=["p"]
    )
    assert "all supply is unmet" in page and "Nothing flows" in page
    assert "1 supply rows have no value" in page
    with pytest.raises(ValueError):
        allocation_report_html(
            {"closed": res}, "open", title="T", supply_names=["a", "b"], plant_names=["p"]
        )
    with pytest.raises(ValueError):
        allocation_report_html(
            {"closed": res}, "closed", title="T", supply_names=["a"], plant_names=["p"]
        )
