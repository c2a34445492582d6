"""The layers of the house: ``core/`` computes (no qgis, no Qt, no GDAL, no drawing),
``reports/`` writes HTML and charts (no qgis), and no module imports itself in a circle."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("core", "reports", "processing", "ui")
QT_OR_GIS = {"qgis", "PyQt5", "PyQt6", "osgeo"}


def _imports(path: Path) -> list[ast.stmt]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))]


def _top_level_names(path: Path) -> list[str]:
    names = []
    for node in _imports(path):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif node.module and not node.level:
            names.append(node.module)
    return names


def _offenders(folder: str, banned: set[str]) -> list[str]:
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        found += [
            f"{path.relative_to(ROOT)}: {name}"
            for name in _top_level_names(path)
            if name.split(".")[0] in banned
        ]
    return found


def test_core_imports_neither_qgis_nor_drawing():
    assert _offenders("core", QT_OR_GIS | {"matplotlib"}) == []
    assert len(list((ROOT / "core").rglob("*.py"))) >= 20


def test_reports_import_no_qgis():
    assert _offenders("reports", QT_OR_GIS) == []
    assert len(list((ROOT / "reports").glob("*.py"))) >= 10


def test_core_imports_nothing_above_it():
    """core/ uses only itself: never reports/, processing/ or ui/."""
    found = []
    for path in sorted((ROOT / "core").rglob("*.py")):
        package = path.relative_to(ROOT).parent.parts
        for node in _imports(path):
            if isinstance(node, ast.ImportFrom) and node.level:
                target = package[: len(package) - node.level + 1]
                if not target or target[0] != "core":
                    found.append(f"{path.relative_to(ROOT)}: {'.' * node.level}{node.module}")
    assert found == []


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    """Module -> the plugin modules it imports (inside functions too: a deferred import only
    hides a circle)."""
    modules = {
        _module_name(p): p
        for folder in PACKAGES
        for p in (ROOT / folder).rglob("*.py")
        if "__pycache__" not in p.parts
    }
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom) or not node.level:
                continue
            base = package[: len(package) - node.level + 1]
            target = ".".join(base + ([node.module] if node.module else []))
            candidates = [target] + [f"{target}.{alias.name}" for alias in node.names]
            graph[name] |= {c for c in candidates if c in modules and c != name}
    return graph


def test_no_import_circle():
    graph = _graph()
    assert "processing.maps.layout" in graph
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    # A package's __init__ that imports its own modules is not a circle of meaning.
    cycles = [c for c in cycles if not any(m == c[0].rsplit(".", 1)[0] for m in c)]
    assert cycles == []
