"""File I/O for the plant economics: JSON presets and the CSV parameter table.

A preset is a JSON file (UTF-8, with or without BOM; GBK/GB18030 is read too) ``{"format": …, "version": 1, "description": …, "units": {…},
"parameters": {group: {field: value}}}``; groups or fields left out keep their defaults, unknown
keys are refused. The parameter table (``resources/economics/parameters.csv``) lists every
parameter with value, unit, uncertainty range (low, high, distribution), source and term; it is
the documentation of the defaults and the input of the sensitivity and Monte Carlo analyses.
Errors are :class:`PresetError` / :class:`TableError` (``ValueError`` subclasses) whose ``name``
is the key or parameter at fault.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

from ..text_files import EncodingProblem, read_text
from .parameters import (
    DEFAULT_PARAMS,
    GROUPS,
    PARAMETER_SPECS,
    EconomicParams,
    ParameterError,
)
from .uncertainty import DISTRIBUTIONS, ParameterRange

__all__ = [
    "DEFAULT_PRESET_PATH",
    "DEFAULT_TABLE_PATH",
    "PRESET_FORMAT",
    "PRESET_VERSION",
    "TABLE_COLUMNS",
    "ParameterTable",
    "PresetError",
    "TableError",
    "TableRow",
    "load_parameter_table",
    "load_preset",
    "params_from_dict",
    "preset_dict",
    "save_preset",
]

PathLike = Union[str, "os.PathLike[str]"]

PRESET_FORMAT = "battery_recycling_atlas.economics"
PRESET_VERSION = 1
RESOURCE_DIR = Path(__file__).resolve().parents[2] / "resources" / "economics"
DEFAULT_TABLE_PATH = RESOURCE_DIR / "parameters.csv"
DEFAULT_PRESET_PATH = RESOURCE_DIR / "default_preset.json"
TABLE_COLUMNS = (
    "name",
    "term",
    "value",
    "unit",
    "low",
    "high",
    "distribution",
    "source",
    "description",
)
_TOP_LEVEL = {"format", "version", "description", "units", "metadata", "parameters"}


class PresetError(ParameterError):
    """A preset file or dict is unreadable or invalid; ``name`` is the key at fault."""

    def __init__(self, name: str, message: str, path: PathLike | None = None) -> None:
        super().__init__(name, message if path is None else f"{message} (in {path})")
        self.path = None if path is None else str(path)


class TableError(ParameterError):
    """A parameter table row is invalid; ``name`` is the parameter, ``line`` the CSV line."""

    def __init__(self, name: str, message: str, line: int | None = None) -> None:
        super().__init__(name, message if line is None else f"{message} (line {line})")
        self.line = line


def params_from_dict(
    data: Mapping[str, Any], base: EconomicParams = DEFAULT_PARAMS
) -> EconomicParams:
    """Parameters from a preset dict: the whole file layout, or just ``{group: {field: v}}``,
    or flat ``{"group.field": v}``. Missing values come from ``base``."""
    if not isinstance(data, Mapping):
        raise PresetError("<root>", f"expected a JSON object, got {type(data).__name__}")
    if "parameters" in data:
        unknown = sorted(set(data) - _TOP_LEVEL)
        if unknown:
            raise PresetError(str(unknown[0]), "unknown top-level key")
        fmt = data.get("format", PRESET_FORMAT)
        if fmt != PRESET_FORMAT:
            raise PresetError("format", f"expected {PRESET_FORMAT!r}, got {fmt!r}")
        version = data.get("version", PRESET_VERSION)
        if not isinstance(version, int) or isinstance(version, bool) or version > PRESET_VERSION:
            raise PresetError("version", f"unsupported preset version {version!r}")
        data = data["parameters"]
        if not isinstance(data, Mapping):
            raise PresetError("parameters", "expected an object of parameter groups")
    flat: dict[str, Any] = {}
    for key, value in data.items():
        key = str(key)
        if "." in key:
            flat[key] = value
        elif key in GROUPS:
            if not isinstance(value, Mapping):
                raise PresetError(key, "expected an object of parameters")
            flat.update({f"{key}.{k}": v for k, v in value.items()})
        else:
            raise PresetError(key, f"unknown parameter group (expected one of {list(GROUPS)})")
    for name in flat:
        if name not in PARAMETER_SPECS:
            raise PresetError(name, "unknown parameter")
    try:
        return base.with_values(flat)
    except PresetError:
        raise
    except ParameterError as err:
        raise PresetError(err.name, err.reason) from None


def preset_dict(
    params: EconomicParams, description: str = "", metadata: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The JSON-ready preset layout for ``params`` (``metadata``: e.g. calibration statistics)."""
    out: dict[str, Any] = {
        "format": PRESET_FORMAT,
        "version": PRESET_VERSION,
        "description": description,
        "units": {name: spec.unit for name, spec in PARAMETER_SPECS.items()},
        "parameters": params.to_dict(),
    }
    if metadata:
        out["metadata"] = dict(metadata)
    return out


def load_preset(path: PathLike, base: EconomicParams = DEFAULT_PARAMS) -> EconomicParams:
    """Read a JSON preset; raises :class:`PresetError` naming the file and the key at fault."""
    try:
        text = read_text(path)  # UTF-8 with or without BOM, GBK/GB18030
    except OSError as err:
        raise PresetError(
            "<file>", f"cannot read the preset: {err.strerror or err}", path
        ) from None
    except EncodingProblem as err:
        raise PresetError(
            "<file>", f"not a text file in UTF-8, GBK or GB18030 (byte {err.offset})", path
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise PresetError(
            "<json>", f"invalid JSON at line {err.lineno} column {err.colno}: " f"{err.msg}", path
        ) from None
    try:
        return params_from_dict(data, base)
    except PresetError as err:
        raise PresetError(err.name, err.reason, path) from None


def save_preset(
    params: EconomicParams,
    path: PathLike,
    description: str = "",
    metadata: Mapping[str, Any] | None = None,
) -> Path:
    """Write ``params`` as a JSON preset, atomically (a temporary file renamed into place)."""
    target = Path(path)
    text = json.dumps(preset_dict(params, description, metadata), ensure_ascii=False, indent=2)
    fd, tmp = tempfile.mkstemp(prefix=".preset-", suffix=".json", dir=str(target.parent or "."))
    try:
        # mkstemp creates the file 0600; a preset is an ordinary file: follow the umask.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text + "\n")
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return target


@dataclass(frozen=True)
class TableRow:
    """One parameter of the table: value, unit, range low–high (same unit), distribution, source,
    term (Rm … Ce, scale, plant, purchase) and a short description."""

    name: str
    term: str
    value: float
    unit: str
    low: float
    high: float
    distribution: str
    source: str
    description: str

    def range(self) -> ParameterRange:
        """The uncertainty range of this row (mode = value)."""
        return ParameterRange(self.name, self.low, self.value, self.high, self.distribution)


class ParameterTable(Mapping[str, TableRow]):
    """The parameter table: rows by flat parameter name, in file order."""

    def __init__(self, rows: Mapping[str, TableRow]) -> None:
        self._rows = dict(rows)

    def __getitem__(self, name: str) -> TableRow:
        return self._rows[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def params(self, base: EconomicParams = DEFAULT_PARAMS) -> EconomicParams:
        """Parameters with the table's values (parameters not in the table keep ``base``)."""
        return base.with_values({name: row.value for name, row in self._rows.items()})

    def ranges(self) -> dict[str, ParameterRange]:
        """Ranges of the uncertain parameters (distribution other than ``fixed``)."""
        return {
            name: row.range() for name, row in self._rows.items() if row.distribution != "fixed"
        }


def load_parameter_table(path: PathLike | None = None) -> ParameterTable:
    """Read and validate a parameter table CSV (default: the shipped one).

    Columns: ``name, term, value, unit, low, high, distribution, source, description``. Each
    name must be a known parameter with its own term and unit, low ≤ value ≤ high inside the
    physical bounds, a distribution from ``triangular, uniform, normal, fixed`` and a source.
    """
    path = DEFAULT_TABLE_PATH if path is None else Path(path)
    try:
        text = read_text(path)  # UTF-8 with or without BOM, GBK/GB18030
    except OSError as err:
        raise TableError("<file>", f"cannot read {path}: {err.strerror or err}") from None
    except EncodingProblem as err:
        raise TableError(
            "<file>", f"{path} is not a text file in UTF-8, GBK or GB18030 (byte {err.offset})"
        ) from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in TABLE_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise TableError(missing[0], "missing column in the parameter table")
    rows: dict[str, TableRow] = {}
    for record in reader:
        line = reader.line_num
        name = (record.get("name") or "").strip()
        spec = PARAMETER_SPECS.get(name)
        if spec is None:
            raise TableError(name or "<empty>", "unknown parameter", line)
        if name in rows:
            raise TableError(name, "listed twice", line)
        row = _table_row(record, spec.term, spec.unit, name, line)
        try:
            spec.check(row.value)
            row.range()
        except ParameterError as err:
            raise TableError(name, err.reason, line) from None
        rows[name] = row
    return ParameterTable(rows)


def _table_row(record: Mapping[str, Any], term: str, unit: str, name: str, line: int) -> TableRow:
    def number(column: str, default: float | None = None) -> float:
        raw = (record.get(column) or "").strip()
        if not raw and default is not None:
            return default
        try:
            value = float(raw)
        except ValueError:
            raise TableError(name, f"{column} is not a number: {raw!r}", line) from None
        if not math.isfinite(value):
            raise TableError(name, f"{column} must be finite", line)
        return value

    value = number("value")
    dist = (record.get("distribution") or "").strip()
    if dist not in DISTRIBUTIONS:
        raise TableError(name, f"distribution {dist!r} is not one of {DISTRIBUTIONS}", line)
    for column, expected in (("term", term), ("unit", unit)):
        if (record.get(column) or "").strip() != expected:
            raise TableError(name, f"{column} must be {expected!r}", line)
    source = (record.get("source") or "").strip()
    if not source:
        raise TableError(name, "source is empty", line)
    return TableRow(
        name=name,
        term=term,
        value=value,
        unit=unit,
        low=number("low", value),
        high=number("high", value),
        distribution=dist,
        source=source,
        description=(record.get("description") or "").strip(),
    )
