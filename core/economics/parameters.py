"""Parameter types of the DLCER-Battery plant economics (see :mod:`.economics`).

The typed parameter set grouped by the paper's eight terms (revenues Rm, Rt, Sg, Ec; costs Cp,
Cd, Cr, Ce) plus the scale curve, the plant's fixed cost and the feedstock (chemistry mix and
pack purchase): one frozen dataclass per group, each field with its unit, label and physical
bounds (:data:`PARAMETER_SPECS`), validated on construction. :data:`DEFAULT_PARAMS` are the
sourced defaults of ``docs/economics.md``; the errors are :class:`ParameterError` (a parameter)
and :class:`InputError` (plant data), both from the shared bases in :mod:`.errors`. Units as in
the labels: prices CNY/t, contents kg per t of pack, fractions 0..1, volumes t/yr, money CNY/yr.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any, ClassVar

import numpy as np

from ..errors import ParameterError, RowValuesError
from ..stats import BoolArray

__all__ = [
    "COST_TERMS",
    "DEFAULT_PARAMS",
    "GROUPS",
    "PARAMETER_SPECS",
    "PROCESS_RECOVERY",
    "REVENUE_TERMS",
    "STAGES",
    "Cascade",
    "Collection",
    "Dismantling",
    "EconomicParams",
    "Environment",
    "Feedstock",
    "InputError",
    "Materials",
    "ParamSpec",
    "ParameterError",
    "Plant",
    "Regeneration",
    "Scale",
    "Support",
    "Treatment",
    "valid_mask",
]

#: Revenue and cost terms, in report order (``purchase`` is the documented extension).
REVENUE_TERMS: tuple[str, ...] = ("Rm", "Rt", "Sg", "Ec")
COST_TERMS: tuple[str, ...] = ("Cp", "Cd", "Cr", "Ce", "purchase")


class InputError(RowValuesError):
    """Bad plant data: ``name`` (= ``which``) is the input (``capacity``, ``throughput`` …),
    ``indices`` the 0-based positions of the offending plants (empty when the whole input is
    wrong) and ``reason`` the English message."""

    def __init__(self, name: str, indices: Iterable[Any], message: str) -> None:
        super().__init__(name, indices, message)

    @property
    def name(self) -> str:
        """The input at fault (same as ``which``)."""
        return self.which

    def _message(self) -> str:
        idx = self.indices
        shown = f" at plants {idx[:10]}{' …' if len(idx) > 10 else ''}" if idx else ""
        return f"{self.which}: {self.reason}{shown}"


def _p(
    default: Any,
    unit: str,
    label: str,
    lo: float = 0.0,
    hi: float | None = None,
    *,
    open_lo: bool = False,
    kind: str = "float",
) -> Any:
    """A parameter field: default, unit, label and physical bounds [lo, hi] (lo open if set)."""
    meta = {"unit": unit, "label": label, "lo": lo, "hi": hi, "open_lo": open_lo, "kind": kind}
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class ParamSpec:
    """Metadata of one parameter, keyed ``group.field`` (e.g. ``rm.li2co3_price``)."""

    name: str
    group: str
    term: str
    unit: str
    label: str
    lo: float
    hi: float | None
    open_lo: bool
    kind: str  # "float" or "bool"

    def check(self, value: Any) -> float:
        """Validated value as float (bool parameters as 0.0/1.0); ParameterError otherwise."""
        if self.kind == "bool":
            if isinstance(value, (bool, np.bool_)) or value in (0, 1):
                return float(bool(value))
            raise ParameterError(self.name, f"expected true/false, got {value!r}")
        if isinstance(value, (bool, np.bool_, str)) or value is None:
            raise ParameterError(self.name, f"expected a number, got {value!r}")
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ParameterError(self.name, f"expected a number, got {value!r}") from None
        if not np.isfinite(number):
            raise ParameterError(self.name, f"must be finite, got {value!r}")
        low_bad = number <= self.lo if self.open_lo else number < self.lo
        if low_bad or (self.hi is not None and number > self.hi):
            raise ParameterError(self.name, f"{number:g} {self.unit} is outside {self.bounds_text}")
        return number

    @property
    def bounds_text(self) -> str:
        """Human-readable allowed range, e.g. ``[0, 1]`` or ``(0, ∞)``."""
        hi = "∞)" if self.hi is None else f"{self.hi:g}]"
        return f"{'(' if self.open_lo else '['}{self.lo:g}, {hi}"


class _Group:
    """Base of the parameter groups: validates every field and stores it as float/bool."""

    KEY = ""
    TERM = ""
    #: Set on every subclass by ``@dataclass``: makes the groups dataclasses for the checker.
    __dataclass_fields__: ClassVar[dict[str, Any]]

    def __post_init__(self) -> None:
        for f in fields(self):
            spec = PARAMETER_SPECS[f"{self.KEY}.{f.name}"]
            value = spec.check(getattr(self, f.name))
            object.__setattr__(self, f.name, bool(value) if spec.kind == "bool" else value)


@dataclass(frozen=True)
class Materials(_Group):
    """Rm: contained material (kg per t of pack), prices (CNY/t of contained metal; lithium as
    CNY per t of Li2CO3) and recovery rates (fraction, hydrometallurgy by default)."""

    KEY, TERM = "rm", "Rm"
    li2co3_price: float = _p(80_000.0, "CNY/t", "Li2CO3 price (battery grade)")
    ni_price: float = _p(120_000.0, "CNY/t", "Nickel price (contained)")
    co_price: float = _p(180_000.0, "CNY/t", "Cobalt price (contained)")
    mn_price: float = _p(15_000.0, "CNY/t", "Manganese price (in sulfate)")
    cu_price: float = _p(70_000.0, "CNY/t", "Copper price (scrap)")
    al_price: float = _p(15_000.0, "CNY/t", "Aluminium price (scrap)")
    ncm_li_kg: float = _p(16.6, "kg/t", "Li in NCM pack")
    ncm_ni_kg: float = _p(70.2, "kg/t", "Ni in NCM pack")
    ncm_co_kg: float = _p(28.2, "kg/t", "Co in NCM pack")
    ncm_mn_kg: float = _p(39.4, "kg/t", "Mn in NCM pack")
    ncm_cu_kg: float = _p(75.0, "kg/t", "Cu in NCM pack")
    ncm_al_kg: float = _p(120.0, "kg/t", "Al in NCM pack")
    lfp_li_kg: float = _p(9.2, "kg/t", "Li in LFP pack")
    lfp_cu_kg: float = _p(75.0, "kg/t", "Cu in LFP pack")
    lfp_al_kg: float = _p(120.0, "kg/t", "Al in LFP pack")
    rec_li: float = _p(0.90, "fraction", "Li recovery rate", 0.0, 1.0)
    rec_ni: float = _p(0.98, "fraction", "Ni recovery rate", 0.0, 1.0)
    rec_co: float = _p(0.98, "fraction", "Co recovery rate", 0.0, 1.0)
    rec_mn: float = _p(0.98, "fraction", "Mn recovery rate", 0.0, 1.0)
    rec_cu: float = _p(0.95, "fraction", "Cu recovery rate", 0.0, 1.0)
    rec_al: float = _p(0.90, "fraction", "Al recovery rate", 0.0, 1.0)


@dataclass(frozen=True)
class Cascade(_Group):
    """Rt: second-life (cascade) use of the share of packs fit for it."""

    KEY, TERM = "rt", "Rt"
    cascade_share: float = _p(0.20, "fraction", "Share of packs fit for cascade use", 0.0, 1.0)
    kwh_ncm: float = _p(160.0, "kWh/t", "Nominal energy per t of NCM pack")
    kwh_lfp: float = _p(130.0, "kWh/t", "Nominal energy per t of LFP pack")
    soh: float = _p(0.75, "fraction", "State of health at retirement", 0.0, 1.0, open_lo=True)
    cycles: float = _p(1_000.0, "cycles", "Second-life full cycles")
    spread: float = _p(0.60, "CNY/kWh", "Storage peak-valley price spread")
    efficiency: float = _p(0.85, "fraction", "Round-trip efficiency", 0.0, 1.0, open_lo=True)
    refurbish_cost: float = _p(52_500.0, "CNY/t", "Refurbishing and storage integration")


@dataclass(frozen=True)
class Support(_Group):
    """Sg: government support per tonne processed (funds, tax relief)."""

    KEY, TERM = "sg", "Sg"
    subsidy: float = _p(500.0, "CNY/t", "Support per tonne processed")


@dataclass(frozen=True)
class Environment(_Group):
    """Ec: environmental benefit = carbon price × avoided emissions per tonne processed."""

    KEY, TERM = "ec", "Ec"
    carbon_price: float = _p(95.0, "CNY/tCO2e", "Carbon price")
    avoided_co2: float = _p(1.5, "tCO2e/t", "Avoided emissions per t processed")


@dataclass(frozen=True)
class Collection(_Group):
    """Cp: collection network and hazardous-goods logistics (variable, before scale)."""

    KEY, TERM = "cp", "Cp"
    unit_cost: float = _p(2_500.0, "CNY/t", "Collection and logistics cost (variable)")


@dataclass(frozen=True)
class Dismantling(_Group):
    """Cd: discharging, dismantling, testing and sorting (variable, before scale)."""

    KEY, TERM = "cd", "Cd"
    unit_cost: float = _p(3_500.0, "CNY/t", "Dismantling and testing cost (variable)")


@dataclass(frozen=True)
class Regeneration(_Group):
    """Cr: regeneration (hydrometallurgy reagents and energy) per tonne regenerated."""

    KEY, TERM = "cr", "Cr"
    unit_cost: float = _p(7_000.0, "CNY/t", "Regeneration cost (variable)")


@dataclass(frozen=True)
class Treatment(_Group):
    """Ce: environmental treatment (waste water, gas, residues, monitoring)."""

    KEY, TERM = "ce", "Ce"
    unit_cost: float = _p(4_400.0, "CNY/t", "Environmental treatment cost (variable)")


@dataclass(frozen=True)
class Scale(_Group):
    """Scale curve S(Q) = 1/(1 + exp(−k(Q − Q0))), Q in 10 kt/yr; variable × (1 − λS)."""

    KEY, TERM = "scale", "scale"
    q0: float = _p(10.0, "10 kt/yr", "Scale-curve midpoint Q0", 0.0, open_lo=True)
    k: float = _p(0.209, "1/(10 kt/yr)", "Scale-curve steepness k", 0.0, open_lo=True)
    lam: float = _p(0.54, "fraction", "Maximum variable-cost saving λ", 0.0, 1.0)


@dataclass(frozen=True)
class Plant(_Group):
    """Annual fixed cost F = fixed_cost_ref·(capacity/capacity_ref)^β and its split by term."""

    KEY, TERM = "plant", "plant"
    fixed_cost_ref: float = _p(2.0e8, "CNY/yr", "Fixed cost of the reference plant")
    capacity_ref: float = _p(50_000.0, "t/yr", "Reference capacity", 0.0, open_lo=True)
    fixed_exponent: float = _p(0.6, "1", "Fixed-cost capacity exponent β", 0.0, 1.5)
    fixed_share_cp: float = _p(0.10, "fraction", "Fixed cost share: collection", 0.0, 1.0)
    fixed_share_cd: float = _p(0.25, "fraction", "Fixed cost share: dismantling", 0.0, 1.0)
    fixed_share_cr: float = _p(0.40, "fraction", "Fixed cost share: regeneration", 0.0, 1.0)
    fixed_share_ce: float = _p(0.25, "fraction", "Fixed cost share: environment", 0.0, 1.0)
    compliance_share: float = _p(
        0.72, "fraction", "Compliance part of non-env. fixed cost", 0.0, 1.0
    )


@dataclass(frozen=True)
class Feedstock(_Group):
    """Chemistry mix and purchase price of retired packs (extension, on by default)."""

    KEY, TERM = "feedstock", "purchase"
    ncm_share: float = _p(0.5, "fraction", "NCM share of feedstock (rest LFP)", 0.0, 1.0)
    purchase_ncm: float = _p(6_700.0, "CNY/t", "Purchase price of NCM packs")
    purchase_lfp: float = _p(2_500.0, "CNY/t", "Purchase price of LFP packs")
    include_purchase: bool = _p(True, "0/1", "Include pack purchase cost", kind="bool")


#: Group attribute → class, in preset and table order.
GROUPS: dict[str, type[_Group]] = {
    cls.KEY: cls
    for cls in (
        Materials,
        Cascade,
        Support,
        Environment,
        Collection,
        Dismantling,
        Regeneration,
        Treatment,
        Scale,
        Plant,
        Feedstock,
    )
}

#: Every parameter by flat name ``group.field``, in table order.
PARAMETER_SPECS: dict[str, ParamSpec] = {
    f"{key}.{f.name}": ParamSpec(
        name=f"{key}.{f.name}",
        group=key,
        term=cls.TERM,
        unit=f.metadata["unit"],
        label=f.metadata["label"],
        lo=f.metadata["lo"],
        hi=f.metadata["hi"],
        open_lo=f.metadata["open_lo"],
        kind=f.metadata["kind"],
    )
    for key, cls in GROUPS.items()
    for f in fields(cls)
}


@dataclass(frozen=True)
class EconomicParams:
    """The full parameter set, grouped by the eight terms plus scale, plant and feedstock."""

    rm: Materials = field(default_factory=Materials)
    rt: Cascade = field(default_factory=Cascade)
    sg: Support = field(default_factory=Support)
    ec: Environment = field(default_factory=Environment)
    cp: Collection = field(default_factory=Collection)
    cd: Dismantling = field(default_factory=Dismantling)
    cr: Regeneration = field(default_factory=Regeneration)
    ce: Treatment = field(default_factory=Treatment)
    scale: Scale = field(default_factory=Scale)
    plant: Plant = field(default_factory=Plant)
    feedstock: Feedstock = field(default_factory=Feedstock)

    def __post_init__(self) -> None:
        for key, cls in GROUPS.items():
            if not isinstance(getattr(self, key), cls):
                raise ParameterError(key, f"expected a {cls.__name__} group")
        p = self.plant
        total = p.fixed_share_cp + p.fixed_share_cd + p.fixed_share_cr + p.fixed_share_ce
        if abs(total - 1.0) > 1e-6:
            raise ParameterError(
                "plant.fixed_share_cp", f"the four fixed cost shares must sum to 1, got {total:g}"
            )

    def values(self) -> dict[str, float]:
        """Flat ``{group.field: float}`` (booleans as 0.0/1.0), in table order."""
        return {
            name: float(getattr(getattr(self, s.group), name.split(".", 1)[1]))
            for name, s in PARAMETER_SPECS.items()
        }

    def to_dict(self) -> dict[str, dict[str, Any]]:
        """Nested plain dict ``{group: {field: value}}`` for JSON presets."""
        return {
            key: {f.name: getattr(getattr(self, key), f.name) for f in fields(cls)}
            for key, cls in GROUPS.items()
        }

    def with_values(self, values: Mapping[str, Any]) -> EconomicParams:
        """A copy with flat-named values replaced, e.g. ``{"rm.li2co3_price": 1e5}``."""
        changes: dict[str, dict[str, Any]] = {}
        for name, value in values.items():
            if name not in PARAMETER_SPECS:
                raise ParameterError(str(name), "unknown parameter")
            group, attr = name.split(".", 1)
            changes.setdefault(group, {})[attr] = value
        return replace(self, **{g: replace(getattr(self, g), **c) for g, c in changes.items()})


DEFAULT_PARAMS = EconomicParams()

#: Economy-of-scale stages of the paper, by throughput Q in 10 kt/yr: (<5, 5–20, >20).
STAGES: tuple[str, str, str] = ("initial", "expansion", "mature")

#: Recovery rates per process (fractions). Hydrometallurgy = MIIT 2024 minimum rates.
PROCESS_RECOVERY: dict[str, dict[str, float]] = {
    "hydro": {
        "rec_li": 0.90,
        "rec_ni": 0.98,
        "rec_co": 0.98,
        "rec_mn": 0.98,
        "rec_cu": 0.95,
        "rec_al": 0.90,
    },
    "pyro": {
        "rec_li": 0.0,
        "rec_ni": 0.95,
        "rec_co": 0.95,
        "rec_mn": 0.0,
        "rec_cu": 0.90,
        "rec_al": 0.0,
    },
}


def valid_mask(spec: ParamSpec, values: Any) -> BoolArray:
    """Boolean mask of the entries of ``values`` inside the parameter's physical bounds."""
    arr = np.asarray(values, dtype=np.float64)
    if spec.kind == "bool":
        is_bool: BoolArray = (arr == 0.0) | (arr == 1.0)
        return is_bool
    ok = np.isfinite(arr) & ((arr > spec.lo) if spec.open_lo else (arr >= spec.lo))
    return ok if spec.hi is None else ok & (arr <= spec.hi)
