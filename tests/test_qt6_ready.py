"""Ready for QGIS 4 (Qt 6) while still running on QGIS 3.22 (Qt 5).

What QGIS's own migration checker (``scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py`` in qgis/QGIS)
looks for, checked here by introspecting Qt 5's enums: every Qt enum value is written with its
enum's name (``Qt.AlignmentFlag.AlignLeft``, not ``Qt.AlignLeft``: Qt 6 has only the scoped
form, and Qt 5 accepts both), dialogs run with ``exec()`` not ``exec_()``, Qt is imported from
``qgis.PyQt``, and ``QVariant`` type constants appear only in the compatibility module.
"""

from __future__ import annotations

import ast
import configparser
from pathlib import Path

from qgis.PyQt import QtCore, QtGui, QtWidgets

ROOT = Path(__file__).resolve().parents[1]
SKIP = {".venv", "build", "dist", "demo_output", ".git", "__pycache__"}
QT_MODULES = (QtCore, QtGui, QtWidgets)


def python_files() -> list[Path]:
    return [p for p in sorted(ROOT.rglob("*.py")) if not SKIP & set(p.relative_to(ROOT).parts)]


def _qt_class(name: str):
    for module in QT_MODULES:
        value = getattr(module, name, None)
        if isinstance(value, type):
            return value
    return None


def _enum_scope(cls: type, attr: str) -> str | None:
    """The enum type name when ``cls.attr`` is a value of a nested enum of ``cls``."""
    value = getattr(cls, attr, None)
    if value is None or isinstance(value, type) or not isinstance(value, int):
        return None
    kind = type(value)
    if kind is int or getattr(cls, kind.__name__, None) is not kind:
        return None
    return kind.__name__


def findings() -> list[str]:
    found = []
    for path in python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        rel = path.relative_to(ROOT)
        for node in ast.walk(tree):
            where = f"{rel}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                owner = node.value.id
                if owner == "QVariant" and rel.as_posix() != "processing/compat.py":
                    found.append(f"{where}: QVariant.{node.attr} (use processing.compat)")
                    continue
                cls = _qt_class(owner)
                scope = _enum_scope(cls, node.attr) if cls is not None else None
                if scope:
                    found.append(f"{where}: {owner}.{node.attr} -> {owner}.{scope}.{node.attr}")
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "exec_"
            ):
                found.append(f"{where}: exec_() -> exec()")
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                ("PyQt5", "PyQt6")
            ):
                found.append(f"{where}: import from {node.module} (use qgis.PyQt)")
    return found


def test_the_checker_finds_what_it_should():
    # The introspection recognises unscoped values (so the test below can fail).
    assert _enum_scope(QtCore.Qt, "AlignLeft") == "AlignmentFlag"
    assert _enum_scope(QtWidgets.QDialogButtonBox, "Close") == "StandardButton"
    assert _enum_scope(QtCore.Qt, "AlignmentFlag") is None


def test_no_qt5_only_spelling_in_the_repository():
    assert findings() == []


def test_metadata_declares_qt6_support():
    meta = configparser.ConfigParser(interpolation=None)
    meta.read(ROOT / "metadata.txt", encoding="utf-8")
    assert meta["general"]["supportsQt6"] == "True"
    assert meta["general"]["qgisMinimumVersion"] == "3.22"
