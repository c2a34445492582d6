"""``core/`` never imports qgis: it is shared by dialogs, algorithms, benchmarks and tests."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "core"


def test_no_module_in_core_imports_qgis_or_qt():
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {n}"
                for n in names
                if n.split(".")[0] in {"qgis", "PyQt5", "PyQt6", "osgeo"}
            ]
    assert offenders == []
    assert len(list(CORE.glob("*.py"))) >= 4
