"""Province codes of the siting computations: one normalisation for every layer and field.

A province code may arrive as an integer (110000), a float read from a numeric field
(110000.0) or text (" 110000"): :func:`province_key` turns each into the same comparable text,
and :func:`shared_codes` maps the keys of supply and plants onto shared integers (−1 unknown).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from ..errors import InvalidValuesError
from .validation import IntArray

__all__ = ["NULL_TEXTS", "code_index", "province_key", "shared_codes"]

#: Texts that stand for a missing code (compared in upper case).
NULL_TEXTS = frozenset({"NULL", "NAN", "NONE"})


def province_key(value: Any) -> str | None:
    """A comparable province code: 110000, 110000.0, ``numpy.int64(110000)`` and " 110000"
    give "110000"; a non-integral float keeps its ``repr``; None for null (None, NaN, ±inf,
    empty text or "NULL"/"NaN"/"None"). Booleans are text ("True")."""
    if value is None:
        return None
    if isinstance(value, (float, np.floating)):
        number = float(value)
        if not math.isfinite(number):
            return None
        return str(int(number)) if number.is_integer() else repr(number)
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        return str(int(value))
    text = str(value).strip()
    if not text or text.upper() in NULL_TEXTS:
        return None
    return text


def code_index(keys: Iterable[str]) -> tuple[dict[str, int], IntArray]:
    """Distinct keys in order of appearance → 0-based integer code, and the code of each key."""
    codes: dict[str, int] = {}
    out = [codes.setdefault(key, len(codes)) for key in keys]
    return codes, np.array(out, dtype=np.int64)


def shared_codes(
    supply_prov: Sequence[Any] | None,
    plant_prov: Sequence[Any] | None,
    n_supply: int,
    n_plants: int,
) -> tuple[IntArray, IntArray]:
    """Integer province codes shared by both sides (keys by :func:`province_key`); −1 where
    unknown or where no codes are given. :class:`InvalidValuesError` (no rows) for a length
    other than ``n_supply`` / ``n_plants``."""
    codes: dict[str, int] = {}
    out = []
    for values, n, which in (
        (supply_prov, n_supply, "supply_prov"),
        (plant_prov, n_plants, "plant_prov"),
    ):
        arr = np.full(n, -1, dtype=np.int64)
        if values is not None:
            items = list(values)
            if len(items) != n:
                raise InvalidValuesError(which, [])
            for k, item in enumerate(items):
                key = province_key(item)
                if key is not None:
                    arr[k] = codes.setdefault(key, len(codes))
        out.append(arr)
    return out[0], out[1]
