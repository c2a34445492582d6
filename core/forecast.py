"""Retired EV power batteries by region and year from sales cohorts (``retirement_forecast``).

Cohort method: the vehicles (or battery tonnes, or GWh) sold in a region in year *y* form a cohort
that retires over the following years according to a Weibull lifetime distribution, discretised
exactly (no sampling). Retirements in year *Y* are Σ_y sales(y) · p(Y − y): a discrete
convolution, computed for all regions at once as one matrix product.

**Timing convention** (``ForecastParams.timing``):

- ``"mid_year"`` (default): sales are spread over the year, represented as sold at mid-year, and
  retirements are counted by calendar year. A cohort sold in year *y* retires in year *y + a*
  with probability p(a) = F(a + 0.5) − F(a − 0.5), where F(t) = 0 for t ≤ 0, so
  p(0) = F(0.5).
- ``"start_of_year"``: every cohort is taken as sold on 1 January; p(a) = F(a + 1) − F(a).

Either way the p(a) telescope: Σ_{a=0..∞} p(a) = F(∞) − F(0) = 1, so over a long enough
horizon the retirements add up to the sales (mass conservation). The sums up to age A equal
F(A + 0.5) (or F(A + 1)); the remainder is still in use after the horizon.

Units: sales in vehicles per year, t per year or GWh per year (:data:`SALES_UNITS`); pack mass in
t per vehicle; pack energy in kWh per vehicle; the pack's energy density (kWh per t of pack) =
pack energy ÷ pack mass converts t ↔ GWh. Outputs are t/yr and GWh/yr.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .errors import LengthMismatchError, SettingError
from .forecast_rows import INPUT_PROBLEMS, ForecastInputError, too_large_rows
from .stats import FloatArray, IntArray

__all__ = [
    "DEFAULTS",
    "DEFAULT_LIFETIME",
    "FORECAST_COLUMNS",
    "INPUT_PROBLEMS",
    "MAX_SPAN_YEARS",
    "SALES_UNITS",
    "TIMINGS",
    "ForecastInputError",
    "ForecastParams",
    "Lifetime",
    "SourcedValue",
    "forecast",
    "retirement_probabilities",
    "to_tonnes_gwh",
]

#: Units of the sales column (enumeration order is part of the interface: index 0 first).
SALES_UNITS: tuple[str, ...] = ("vehicles", "t", "gwh")
#: Timing conventions (see the module docstring), index 0 is the default.
TIMINGS: tuple[str, ...] = ("mid_year", "start_of_year")
#: Output columns of :func:`forecast` (plus ``scenario`` when one is named).
FORECAST_COLUMNS: tuple[str, ...] = ("region", "year", "retired_t", "retired_gwh", "cumulative_t")
#: Longest span from the first year (sales or start) to the end year, in years.
MAX_SPAN_YEARS = 1000


@dataclass(frozen=True)
class SourcedValue:
    """A default parameter value with its unit and where it comes from."""

    value: float
    unit: str
    source: str


#: Sourced defaults. All are assumptions for an average Chinese NEV (BEV + PHEV, passenger and
#: commercial); override them with your own data (by cohort year where you have it).
DEFAULTS: dict[str, SourcedValue] = {
    "pack_mass_t": SourcedValue(
        0.40,
        "t/vehicle",
        "Assumption: 45 kWh per vehicle at about 110 Wh/kg at pack level. Packs of the 2015-2020 "
        "cohorts that retire first were about 90-140 Wh/kg (the subsidy threshold for passenger "
        "BEVs rose from 90 Wh/kg in 2017 to 125 Wh/kg in 2019; buses carried 100-300 kWh "
        "packs); recent LFP/NCM packs reach 140-180 Wh/kg, about 0.3 t for 45 kWh.",
    ),
    "pack_energy_kwh": SourcedValue(
        45.0,
        "kWh/vehicle",
        "Assumption: installed traction-battery capacity (China Automotive Battery Innovation "
        "Alliance) divided by NEV sales (CAAM), e.g. 294.6 GWh / 6.89 M vehicles = 43 kWh in "
        "2022; about 50 kWh in the bus-heavy years before 2020.",
    ),
    "weibull_shape": SourcedValue(
        3.5,
        "1",
        "Assumption: a wear-out Weibull (shape 3-4 as commonly used in cohort retirement "
        "studies); with mean 8 years, 80 % of packs retire between 4.7 and 11.3 years of age.",
    ),
    "mean_life_years": SourcedValue(
        8.0,
        "years",
        "Assumption centred on the traction-battery warranty of 8 years or 120,000 km that "
        "China's 2016-2020 NEV purchase-subsidy rules (MOF, MOST, MIIT, NDRC, 2015) required of "
        "passenger-car makers (commercial vehicles: 5 years or 200,000 km); vehicle use of 5-8 "
        "years (source B).",
    ),
    "mean_life_years_alt": SourcedValue(
        6.0,
        "years",
        "Faster-retirement scenario: heavy use (taxis, ride-hailing, buses reach 120,000 km "
        "early) and earlier capacity fade; lower half of the 5-8 year range of source B.",
    ),
}


def _positive(value: Any, name: str) -> float:
    try:
        out = float(value)
    except (TypeError, ValueError):
        raise SettingError(name, f"{name} must be a number, got {value!r}") from None
    if not (math.isfinite(out) and out > 0):
        raise SettingError(name, f"{name} must be finite and > 0, got {value!r}")
    return out


@dataclass(frozen=True)
class Lifetime:
    """Weibull lifetime of a battery pack: F(t) = 1 − exp(−(t / scale)^shape), t in years."""

    shape: float
    scale: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "shape", _positive(self.shape, "Weibull shape"))
        object.__setattr__(self, "scale", _positive(self.scale, "Weibull scale"))

    @classmethod
    def from_mean(cls, mean: float, shape: float) -> Lifetime:
        """The Weibull with this mean (years) and shape: scale = mean / Γ(1 + 1/shape)."""
        mean = _positive(mean, "mean lifetime")
        shape = _positive(shape, "Weibull shape")
        return cls(shape=shape, scale=mean / math.gamma(1.0 + 1.0 / shape))

    @property
    def mean(self) -> float:
        """Mean lifetime in years: scale · Γ(1 + 1/shape)."""
        return self.scale * math.gamma(1.0 + 1.0 / self.shape)

    def _z(self, t: Any) -> FloatArray:
        t = np.maximum(np.asarray(t, dtype=np.float64), 0.0)
        z: FloatArray = (t / self.scale) ** self.shape
        return z

    def cdf(self, t: Any) -> Any:
        """Share of packs retired by age ``t`` (years); 0 for t ≤ 0. Scalar in, float out."""
        out = -np.expm1(-self._z(t))
        return float(out) if out.ndim == 0 else out

    def sf(self, t: Any) -> Any:
        """Share of packs still in use at age ``t`` (years): 1 − cdf(t), accurate in the tail."""
        out = np.exp(-self._z(t))
        return float(out) if out.ndim == 0 else out


#: Default lifetime: mean 8 years, shape 3.5 (scale ≈ 8.89 years).
DEFAULT_LIFETIME = Lifetime.from_mean(
    DEFAULTS["mean_life_years"].value, DEFAULTS["weibull_shape"].value
)


def retirement_probabilities(
    lifetime: Lifetime, max_age: int, timing: str = "mid_year", *, include_tail: bool = False
) -> FloatArray:
    """p(a) for ages a = 0..max_age (years): the share of a cohort retiring in year y + a.

    ``timing`` is one of :data:`TIMINGS` (see the module docstring). With ``include_tail`` the
    last element also holds everything retiring later, so the array sums to 1; otherwise it sums
    to F(max_age + 0.5) (mid-year) or F(max_age + 1). Each p(a) is computed as a difference of
    the CDF or of the survival function, whichever is more accurate, so tail values keep their
    relative precision.
    """
    if timing not in TIMINGS:
        raise SettingError("timing", f"timing must be one of {TIMINGS}, got {timing!r}")
    max_age = int(max_age)
    if max_age < 0:
        raise SettingError("max_age", f"max_age must be >= 0, got {max_age}")
    ages = np.arange(max_age + 1, dtype=np.float64)
    offset = 0.5 if timing == "mid_year" else 0.0
    lo = np.maximum(ages - offset, 0.0)
    hi = ages + 1.0 - offset
    f_lo, f_hi = lifetime.cdf(lo), lifetime.cdf(hi)
    s_lo, s_hi = lifetime.sf(lo), lifetime.sf(hi)
    p = np.where(f_hi <= 0.5, f_hi - f_lo, s_lo - s_hi)
    if include_tail:
        p[-1] = s_lo[-1]
    return np.maximum(p, 0.0)


@dataclass(frozen=True)
class ForecastParams:
    """Parameters of :func:`forecast`.

    ``unit`` is the sales unit (:data:`SALES_UNITS`, case-insensitive); ``pack_mass_t`` is t per
    vehicle and ``pack_energy_kwh`` kWh per vehicle (used for cohorts without a per-year value);
    ``start_year``/``end_year`` bound the output years (inclusive); ``timing`` is one of
    :data:`TIMINGS`.
    """

    start_year: int
    end_year: int
    unit: str = "vehicles"
    pack_mass_t: float = DEFAULTS["pack_mass_t"].value
    pack_energy_kwh: float = DEFAULTS["pack_energy_kwh"].value
    lifetime: Lifetime = DEFAULT_LIFETIME
    timing: str = "mid_year"

    def __post_init__(self) -> None:
        unit = str(self.unit).strip().lower()
        if unit not in SALES_UNITS:
            raise SettingError("unit", f"unit must be one of {SALES_UNITS}, got {self.unit!r}")
        object.__setattr__(self, "unit", unit)
        if self.timing not in TIMINGS:
            raise SettingError("timing", f"timing must be one of {TIMINGS}, got {self.timing!r}")
        if not isinstance(self.lifetime, Lifetime):
            raise SettingError("lifetime", f"lifetime must be a Lifetime, got {self.lifetime!r}")
        object.__setattr__(self, "pack_mass_t", _positive(self.pack_mass_t, "pack mass"))
        object.__setattr__(self, "pack_energy_kwh", _positive(self.pack_energy_kwh, "pack energy"))
        start, end = _as_year(self.start_year), _as_year(self.end_year)
        if start is None or end is None:
            raise SettingError(
                "start_year", f"years must be integers, got {self.start_year!r}, {self.end_year!r}"
            )
        if start > end:
            raise SettingError("start_year", f"start year {start} is after end year {end}")
        if end - start >= MAX_SPAN_YEARS:
            raise SettingError("end_year", f"the forecast spans more than {MAX_SPAN_YEARS} years")
        object.__setattr__(self, "start_year", start)
        object.__setattr__(self, "end_year", end)

    @property
    def kwh_per_t(self) -> float:
        """Pack energy density, kWh per t of pack (= pack_energy_kwh / pack_mass_t)."""
        return self.pack_energy_kwh / self.pack_mass_t


def _as_year(value: Any) -> int | None:
    if isinstance(value, (bool, np.bool_)) or value is None:
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return int(f) if math.isfinite(f) and f.is_integer() else None


def to_tonnes_gwh(
    sales: Any, unit: str, pack_mass_t: Any, pack_energy_kwh: Any
) -> tuple[FloatArray, FloatArray]:
    """Convert sales to (t, GWh). Mass and energy are per vehicle, scalars or per-row arrays.

    vehicles: t = n · mass, GWh = n · energy / 1e6. t: GWh = t · (energy / mass) / 1e6.
    gwh: t = GWh · 1e6 / (energy / mass).
    """
    x = np.asarray(sales, dtype=np.float64)
    mass = np.asarray(pack_mass_t, dtype=np.float64)
    energy = np.asarray(pack_energy_kwh, dtype=np.float64)
    unit = str(unit).strip().lower()
    if unit == "vehicles":
        return x * mass, x * energy / 1e6
    if unit == "t":
        return x.copy(), x * (energy / mass) / 1e6
    if unit == "gwh":
        return x * 1e6 / (energy / mass), x.copy()
    raise SettingError("unit", f"unit must be one of {SALES_UNITS}, got {unit!r}")


def _is_null(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(value != value)  # NaN, NaT
    except (TypeError, ValueError):
        return True  # pd.NA


def _pack_arrays(
    years: IntArray,
    params: ForecastParams,
    pack_by_year: Mapping[int, tuple[float | None, float | None]] | None,
) -> tuple[FloatArray, FloatArray]:
    mass = np.full(years.shape, params.pack_mass_t)
    energy = np.full(years.shape, params.pack_energy_kwh)
    for year, pair in (pack_by_year or {}).items():
        y = _as_year(year)
        if y is None:
            raise SettingError("pack_by_year", f"pack_by_year: year {year!r} is not an integer")
        m, e = pair
        sel = years == y
        if m is not None and not _is_null(m):
            mass[sel] = _positive(m, f"pack mass for {y}")
        if e is not None and not _is_null(e):
            energy[sel] = _positive(e, f"pack energy for {y}")
    return mass, energy


def forecast(
    regions: Sequence[Any],
    years: Sequence[Any],
    sales: Sequence[Any],
    params: ForecastParams,
    pack_by_year: Mapping[int, tuple[float | None, float | None]] | None = None,
    *,
    scenario: str | None = None,
) -> Any:
    """Retirements per region and year as a ``pandas.DataFrame``.

    One input row per (region, sales year) with sales in ``params.unit`` per year. Region keys
    are compared as given (pass canonical keys, e.g. from
    :func:`core.regions.canonical_region_key`). ``pack_by_year`` maps a cohort's sales year to
    (t per vehicle, kWh per vehicle); a missing year or a ``None`` element uses ``params``.

    Output: :data:`FORECAST_COLUMNS` (and ``scenario`` if given), one row per region (in order
    of first appearance) × year in [start_year, end_year]: ``retired_t`` (t/yr),
    ``retired_gwh`` (GWh/yr), ``cumulative_t`` (t retired from the first sales year up to and
    including that year, so cohorts before ``start_year`` count). Sales after ``end_year`` are
    ignored (they cannot retire within the horizon).

    Raises :class:`ForecastInputError` for null regions, non-integer years, null, infinite or
    negative sales, and repeated (region, year) rows: duplicates are an error rather than
    summed, because they usually mean a table joined twice or mixed units. Finite sales whose
    tonnes, GWh or regional totals overflow float64 are refused as ``too_large`` (no inf is
    ever returned).
    """
    import pandas as pd

    n_rows = len(regions)
    if len(years) != n_rows or len(sales) != n_rows:
        raise LengthMismatchError("regions, years and sales", n_rows, len(years), len(sales))
    problems: dict[str, list[int]] = {k: [] for k in INPUT_PROBLEMS}
    year_list: list[int] = []
    sales_arr = np.full(n_rows, np.nan)
    for i, (reg, yr, val) in enumerate(zip(regions, years, sales)):
        if _is_null(reg):
            problems["null_region"].append(i)
        y = _as_year(yr)
        if y is None:
            problems["invalid_year"].append(i)
        year_list.append(0 if y is None else y)
        try:
            v = float("nan") if _is_null(val) else float(val)
        except (TypeError, ValueError):
            v = float("nan")
        if math.isinf(v):
            problems["infinite_sales"].append(i)
        elif math.isnan(v):
            problems["null_sales"].append(i)
        elif v < 0:
            problems["negative_sales"].append(i)
        sales_arr[i] = v

    index: dict[Any, int] = {}
    keys: list[Any] = []
    inverse = np.zeros(n_rows, dtype=np.int64)
    seen: dict[tuple[int, int], list[int]] = {}
    null_region, bad_year = set(problems["null_region"]), set(problems["invalid_year"])
    for i, reg in enumerate(regions):
        if i in null_region:
            continue
        k = index.setdefault(reg, len(keys))
        if k == len(keys):
            keys.append(reg)
        inverse[i] = k
        if i not in bad_year:
            seen.setdefault((k, year_list[i]), []).append(i)
    dup_groups = {(keys[k], y): rows for (k, y), rows in seen.items() if len(rows) > 1}
    problems["duplicate"] = sorted(r for rows in dup_groups.values() for r in rows)
    if any(problems.values()):
        raise ForecastInputError(problems, dup_groups)

    year_arr = np.asarray(year_list, dtype=np.int64)
    start, end = params.start_year, params.end_year
    y0 = int(min(year_arr.min(), start)) if n_rows else start
    span = end - y0 + 1
    if span > MAX_SPAN_YEARS:
        raise SettingError(
            "start_year", f"from the first year {y0} to {end} is more than {MAX_SPAN_YEARS} years"
        )
    mass, energy = _pack_arrays(year_arr, params, pack_by_year)
    with np.errstate(over="ignore", invalid="ignore"):  # too large: refused below
        t_rows, gwh_rows = to_tonnes_gwh(sales_arr, params.unit, mass, energy)

    keep = year_arr <= end
    cohort_t = np.zeros((len(keys), span))
    cohort_gwh = np.zeros((len(keys), span))
    cohort_t[inverse[keep], year_arr[keep] - y0] = t_rows[keep]
    cohort_gwh[inverse[keep], year_arr[keep] - y0] = gwh_rows[keep]

    p = retirement_probabilities(params.lifetime, span - 1, params.timing)
    lag = np.arange(span)[:, None] - np.arange(span)[None, :]  # retirement year − sales year
    kernel = np.where(lag >= 0, p[np.clip(lag, 0, None)], 0.0)  # kernel[Y, y] = p(Y − y)
    with np.errstate(over="ignore", invalid="ignore"):  # checked just below
        retired_t = cohort_t @ kernel.T
        retired_gwh = cohort_gwh @ kernel.T
        cumulative_t = np.cumsum(retired_t, axis=1)
    too_large = too_large_rows(t_rows, gwh_rows, inverse, keep, retired_gwh, cumulative_t)
    if too_large:
        raise ForecastInputError({"too_large": too_large})

    cols = slice(start - y0, end - y0 + 1)
    n_years = end - start + 1
    region_col = np.empty(len(keys), dtype=object)
    for k, key in enumerate(keys):
        region_col[k] = key
    data: dict[str, Any] = {
        "region": np.repeat(region_col, n_years),
        "year": np.tile(np.arange(start, end + 1, dtype=np.int64), len(keys)),
        "retired_t": retired_t[:, cols].ravel(),
        "retired_gwh": retired_gwh[:, cols].ravel(),
        "cumulative_t": cumulative_t[:, cols].ravel(),
    }
    if scenario is not None:
        data["scenario"] = np.full(len(keys) * n_years, str(scenario), dtype=object)
    return pd.DataFrame(data)
