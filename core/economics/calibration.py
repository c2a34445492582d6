"""Calibration of the scale curve (algorithm ``calibrate_scale_curve``).

Fits Q0 (10 kt/yr), k (per 10 kt/yr), λ (fraction) and the reference annual fixed cost
(CNY/yr) of :mod:`.economics` to observed rows of (throughput t/yr, unit processing cost CNY/t)
by nonlinear least squares (``scipy.optimize.least_squares``, trust-region reflective, several
starts). The model unit cost is the plant model's own ``unit_cost``:
u(T) = Σ variable unit costs·(1 − λ·S(T/1e4)) + F/T, with F = fixed_cost_ref when no capacities
are given (all rows treated as one plant of the reference size) or
F = fixed_cost_ref·(capacity/capacity_ref)^β per row. Standard errors come from the Jacobian at
the solution: cov = s²·(JᵀJ)⁻¹ with s² = SSR/(n − p).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.optimize import least_squares

from ..stats import FloatArray, IntArray, to_float_array
from .model import (
    DEFAULT_PARAMS,
    PARAMETER_SPECS,
    EconomicParams,
    InputError,
    ParameterError,
    evaluate_values,
)

__all__ = ["FIT_PARAMETERS", "CalibrationResult", "fit_scale_curve", "model_unit_cost"]

#: Parameters fitted by default, with the scale used internally (fitted value / scale ≈ 1).
FIT_PARAMETERS: tuple[str, ...] = ("scale.q0", "scale.k", "scale.lam", "plant.fixed_cost_ref")
_SCALE = {"scale.q0": 10.0, "scale.k": 0.2, "scale.lam": 0.5, "plant.fixed_cost_ref": 1e8}
_BOUNDS = {
    "scale.q0": (0.01, 100.0),
    "scale.k": (1e-4, 10.0),
    "scale.lam": (0.0, 1.0),
    "plant.fixed_cost_ref": (0.0, np.inf),
}


def model_unit_cost(params: EconomicParams, throughput: Any, capacity: Any = None) -> FloatArray:
    """Unit processing cost (CNY/t) of the plant model at throughputs (t/yr, > 0).

    ``capacity`` (t/yr, per row) sets each row's fixed cost; None = the reference plant.
    """
    thr = to_float_array(throughput, "throughput")
    cap = _capacity(params, thr, capacity)
    return np.asarray(evaluate_values(params.values(), cap, thr)["unit_cost"], dtype=float)


def _capacity(params: EconomicParams, thr: FloatArray, capacity: Any) -> FloatArray:
    if capacity is None:
        return np.full(thr.shape, params.plant.capacity_ref)
    cap = to_float_array(capacity, "capacity")
    if cap.shape != thr.shape:
        raise InputError("capacity", [], f"has {cap.shape[0]} values for {thr.shape[0]} rows")
    return cap


@dataclass(frozen=True)
class CalibrationResult:
    """Fitted parameters and fit statistics.

    ``params``: the input parameters with the fitted values; ``estimates`` and ``std_errors``
    by flat name, in the parameters' units (an error is None when it cannot be estimated, e.g.
    a parameter at its bound or a singular Jacobian); ``r2`` (None if the observed costs do not
    vary) and ``rmse`` (CNY/t) of the unit cost; ``n`` rows used (with ``used`` the 0-based
    input rows); ``fitted`` and ``residuals`` (observed − fitted, CNY/t) per used row.
    """

    params: EconomicParams
    estimates: dict[str, float]
    std_errors: dict[str, float | None]
    r2: float | None
    rmse: float
    n: int
    success: bool
    message: str
    used: IntArray
    throughput: FloatArray
    unit_cost: FloatArray
    fitted: FloatArray
    residuals: FloatArray
    capacity: FloatArray | None = None

    def curve(self, throughput: Any, capacity: Any = None) -> FloatArray:
        """Fitted unit cost (CNY/t) at throughputs (t/yr), e.g. for the report's curve."""
        return model_unit_cost(self.params, throughput, capacity)


def fit_scale_curve(
    throughput: Any,
    unit_cost: Any,
    params: EconomicParams = DEFAULT_PARAMS,
    *,
    capacity: Any = None,
    names: Sequence[str] = FIT_PARAMETERS,
    starts: Sequence[dict[str, float]] | None = None,
) -> CalibrationResult:
    """Least-squares fit of ``names`` (default Q0, k, λ, fixed cost) to observed unit costs.

    ``throughput`` t/yr and ``unit_cost`` CNY/t per row; rows where either is null (None or
    NaN) are skipped; an infinite value, a throughput ≤ 0 or a unit cost ≤ 0 is refused
    (:class:`InputError` with the rows). Needs
    more usable rows than fitted parameters. ``starts`` are extra starting points (flat names →
    values); the start from ``params`` and a few Q0 values are always tried, the best kept.
    """
    names = tuple(names)
    for name in names:
        if name not in _SCALE:
            raise ParameterError(name, f"cannot be fitted; choose from {FIT_PARAMETERS}")
    thr_all = to_float_array(throughput, "throughput")
    cost_all = to_float_array(unit_cost, "unit_cost")
    if thr_all.shape != cost_all.shape:
        raise InputError(
            "unit_cost",
            [],
            f"has {cost_all.shape[0]} values for " f"{thr_all.shape[0]} throughputs",
        )
    cap_all = None if capacity is None else _capacity(params, thr_all, capacity)
    for label, arr in (("throughput", thr_all), ("unit_cost", cost_all), ("capacity", cap_all)):
        if arr is not None and np.isinf(arr).any():  # NaN is a null row; ±inf is bad data
            raise InputError(label, np.flatnonzero(np.isinf(arr)).tolist(), "must be finite")
    known = np.isfinite(thr_all) & np.isfinite(cost_all)
    if cap_all is not None:
        known &= np.isfinite(cap_all)
    for label, arr in (("throughput", thr_all), ("unit_cost", cost_all), ("capacity", cap_all)):
        if arr is not None:
            bad = np.flatnonzero(known & ~(arr > 0))
            if bad.size:
                raise InputError(label, bad.tolist(), "must be > 0")
    used = np.flatnonzero(known)
    if used.size <= len(names):
        raise InputError(
            "throughput",
            [],
            f"needs more than {len(names)} rows with throughput " f"and unit cost, got {used.size}",
        )
    thr, obs = thr_all[used], cost_all[used]
    cap = np.full(thr.shape, params.plant.capacity_ref) if cap_all is None else cap_all[used]
    base = params.values()
    scale = np.array([_SCALE[n] for n in names])
    lower = np.array([_BOUNDS[n][0] for n in names]) / scale
    upper = np.array([_BOUNDS[n][1] for n in names]) / scale

    def residuals(x: FloatArray) -> FloatArray:
        values = dict(base)
        values.update(zip(names, x * scale))
        resid: FloatArray = evaluate_values(values, cap, thr)["unit_cost"] - obs
        return resid

    best = None
    for start in _starts(base, names, starts):
        x0 = np.clip(np.array([start[n] for n in names]) / scale, lower, upper)
        x0 = np.where(np.isfinite(x0), x0, 1.0)
        res = least_squares(
            residuals, x0, bounds=(lower, upper), method="trf", x_scale="jac", max_nfev=2000
        )
        if best is None or res.cost < best.cost:
            best = res
    assert best is not None
    estimates = {n: float(v) for n, v in zip(names, best.x * scale)}
    fitted_params = params.with_values(estimates)
    resid = -best.fun  # observed − fitted
    ssr = float(resid @ resid)
    dof = used.size - len(names)
    sst = float(np.sum((obs - obs.mean()) ** 2))
    return CalibrationResult(
        params=fitted_params,
        estimates=estimates,
        std_errors=_std_errors(best.jac, ssr / dof, scale, names, best.active_mask),
        r2=(1.0 - ssr / sst) if sst > 0 else None,
        rmse=math.sqrt(ssr / used.size),
        n=int(used.size),
        success=bool(best.success),
        message=str(best.message),
        used=used,
        throughput=thr,
        unit_cost=obs,
        fitted=obs - resid,
        residuals=resid,
        capacity=None if cap_all is None else cap,
    )


def _starts(
    base: dict[str, float], names: Sequence[str], extra: Sequence[dict[str, float]] | None
) -> list[dict[str, float]]:
    starts = [dict(base)]
    if "scale.q0" in names:
        starts += [{**base, "scale.q0": q0} for q0 in (3.0, 20.0) if q0 != base["scale.q0"]]
    for item in extra or ():
        for name in item:
            if name not in PARAMETER_SPECS:
                raise ParameterError(str(name), "unknown parameter in a starting point")
        starts.append({**base, **item})
    return starts


def _std_errors(
    jac: FloatArray, s2: float, scale: FloatArray, names: Sequence[str], active: FloatArray
) -> dict[str, float | None]:
    out: dict[str, float | None] = {n: None for n in names}
    jtj = jac.T @ jac
    if not np.all(np.isfinite(jtj)) or np.linalg.cond(jtj) > 1e14:
        return out
    cov = np.linalg.inv(jtj) * s2
    for i, name in enumerate(names):
        if active[i] == 0 and cov[i, i] >= 0:
            out[name] = float(math.sqrt(cov[i, i]) * scale[i])
    return out
