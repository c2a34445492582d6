"""Parameters and plant inputs shared by the economics algorithms (plant_profit,
profit_uncertainty, calibrate_scale_curve, profit_surface): preset file, headline overrides,
and plant capacity / throughput read from a layer, with translated messages."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...core.economics import model as econ
from ...core.economics.presets import PresetError, load_parameter_table, load_preset
from .layers import feature_refs, format_ids, numeric_field_index

PARAMETERS_FILE = "PARAMETERS_FILE"
#: Headline overrides: parameter key, flat parameter name, label (translated where used), unit.
HEADLINES = (
    ("LI2CO3_PRICE", "rm.li2co3_price", QT_TRANSLATE_NOOP("EconomicsIO", "Li₂CO₃ price"), "CNY/t"),
    (
        "FEEDSTOCK_PRICE",
        "feedstock.purchase",
        QT_TRANSLATE_NOOP("EconomicsIO", "Purchase price of retired packs, mix average"),
        "CNY/t",
    ),
    (
        "SUBSIDY",
        "sg.subsidy",
        QT_TRANSLATE_NOOP("EconomicsIO", "Government support per tonne processed"),
        "CNY/t",
    ),
    (
        "CARBON_PRICE",
        "ec.carbon_price",
        QT_TRANSLATE_NOOP("EconomicsIO", "Carbon price"),
        "CNY/tCO2e",
    ),
    (
        "PRICE_SPREAD",
        "rt.spread",
        QT_TRANSLATE_NOOP("EconomicsIO", "Storage peak-valley price spread"),
        "CNY/kWh",
    ),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("EconomicsIO", text)


def add_parameter_inputs(alg, advanced: bool = False) -> None:
    """Declare PARAMETERS_FILE and the headline overrides (empty = the preset's value)."""
    preset = QgsProcessingParameterFile(
        PARAMETERS_FILE,
        _tr("Economics preset (JSON; default: the sourced defaults)"),
        extension="json",
        optional=True,
    )
    alg.addParameter(preset)
    defaults = econ.DEFAULT_PARAMS.values()
    for key, name, label, unit in HEADLINES:
        default = (
            mix_purchase_price(econ.DEFAULT_PARAMS)
            if name == "feedstock.purchase"
            else defaults[name]
        )
        param = QgsProcessingParameterNumber(
            key,
            _tr("{label} ({unit}; default {value:,.4g})").format(
                label=_tr(label), unit=unit, value=default
            ),
            QgsProcessingParameterNumber.Double,
            None,
            optional=True,
        )
        if advanced:
            param.setFlags(param.flags() | param.FlagAdvanced)
        alg.addParameter(param)


def mix_purchase_price(params: econ.EconomicParams) -> float:
    """Average purchase price of retired packs over the NCM/LFP mix (CNY/t)."""
    f = params.feedstock
    return float(f.ncm_share * f.purchase_ncm + (1 - f.ncm_share) * f.purchase_lfp)


def economics_params(alg, parameters: dict, context) -> econ.EconomicParams:
    """The preset (or the defaults) with the headline overrides applied.

    FEEDSTOCK_PRICE scales the NCM and LFP purchase prices by one factor so that their mix
    average equals it (the price difference between chemistries is kept).
    """
    path = alg.parameterAsFile(parameters, PARAMETERS_FILE, context)
    try:
        params = load_preset(path) if path else econ.DEFAULT_PARAMS
    except PresetError as err:
        raise QgsProcessingException(
            _tr("The economics preset {path} cannot be used: “{key}”: {reason}").format(
                path=path, key=err.name, reason=err.reason
            )
        ) from None
    except (OSError, ValueError) as err:
        raise QgsProcessingException(
            _tr("The economics preset {path} cannot be read: {e}").format(path=path, e=err)
        ) from None
    changes: dict[str, float] = {}
    for key, name, _label, _unit in HEADLINES:
        if parameters.get(key) in (None, ""):
            continue
        value = alg.parameterAsDouble(parameters, key, context)
        if name == "feedstock.purchase":
            factor = value / mix_purchase_price(params) if mix_purchase_price(params) else 0.0
            changes["feedstock.purchase_ncm"] = params.feedstock.purchase_ncm * factor
            changes["feedstock.purchase_lfp"] = params.feedstock.purchase_lfp * factor
        else:
            changes[name] = value
    try:
        return params.with_values(changes) if changes else params
    except econ.ParameterError as err:
        spec = econ.PARAMETER_SPECS.get(err.name)
        raise QgsProcessingException(
            _tr(
                "Parameter “{name}” ({label}) is outside its physical bounds {bounds}: {reason}"
            ).format(
                name=err.name,
                label=spec.label if spec else err.name,
                bounds=spec.bounds_text if spec else "",
                reason=err.reason,
            )
        ) from None


def uncertainty_ranges(params: econ.EconomicParams) -> dict:
    """The parameter table's ranges, each moved by the ratio of the preset's value to the
    table's mode, so a preset that changes a price keeps the range's relative width."""
    from ...core.economics.uncertainty import ParameterRange

    values = params.values()
    ranges = {}
    for name, rng in load_parameter_table().ranges().items():
        value = float(values[name])
        if rng.mode and value != rng.mode:
            ratio = value / rng.mode
            low, high = sorted((rng.low * ratio, rng.high * ratio))
            rng = ParameterRange(name, low, value, high, rng.distribution)
        ranges[name] = rng
    return ranges


def plant_arrays(
    alg,
    parameters: dict,
    context,
    source,
    features: Sequence,
    columns: dict,
    capacity_name: str,
    throughput_name: str,
    feedback,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Capacity and throughput (t/yr) per plant and the mask of plants with both defined.

    Throughput comes from the throughput field or UTILIZATION × capacity. A NULL keeps the
    plant's row with NULL results (one warning lists the ids). Capacity ≤ 0, negative
    throughput and throughput above capacity are refused with the feature ids.
    """
    ids = feature_refs(source, features, alg.parameterAsString(parameters, "NAME_FIELD", context))
    cap = np.array([np.nan if v is None else v for v in columns["capacity"]], dtype=float)
    if throughput_name:
        thr = np.array([np.nan if v is None else v for v in columns["throughput"]], dtype=float)
    else:
        util = alg.parameterAsDouble(parameters, "UTILIZATION", context)
        thr = cap * util
    checks = (
        (cap <= 0, capacity_name, _tr("capacity must be above 0 t/yr")),
        (thr < 0, throughput_name, _tr("throughput must not be negative")),
        (
            thr > cap * (1 + 1e-9),
            throughput_name or "UTILIZATION",
            _tr("throughput exceeds capacity"),
        ),
    )
    for bad, field, reason in checks:
        hit = [ids[i] for i in np.flatnonzero(np.nan_to_num(bad, nan=0).astype(bool))]
        if hit:
            raise QgsProcessingException(
                _tr("“{field}”: {reason}, feature ids: {ids}").format(
                    field=field, reason=reason, ids=format_ids(hit)
                )
            )
    ok = np.isfinite(cap) & np.isfinite(thr)
    missing = [ids[i] for i in np.flatnonzero(~ok)]
    if missing:
        feedback.pushWarning(
            _tr(
                "Capacity or throughput is NULL (results NULL, route no_data) for feature ids: "
                "{ids}"
            ).format(ids=format_ids(missing))
        )
    return cap, thr, ok


def plant_field_indices(alg, parameters: dict, context, source) -> tuple[dict, str, str]:
    """Field indices for capacity and throughput, and the two field names ('' when unset)."""
    cap_name = alg.parameterAsString(parameters, "CAPACITY_FIELD", context)
    thr_name = alg.parameterAsString(parameters, "THROUGHPUT_FIELD", context)
    if not thr_name and parameters.get("UTILIZATION") in (None, ""):
        raise QgsProcessingException(
            _tr("Give a throughput field (THROUGHPUT_FIELD) or a utilisation (UTILIZATION, 0–1).")
        )
    indices = {
        "capacity": numeric_field_index(source, cap_name, _tr("capacity")),
        "throughput": numeric_field_index(source, thr_name, _tr("throughput")) if thr_name else -1,
    }
    return indices, cap_name, thr_name
