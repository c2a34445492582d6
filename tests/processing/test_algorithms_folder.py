"""processing/algorithms/ holds the algorithms only: one module per algorithm, the base class
and the placeholder for an algorithm whose Python packages are missing."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_module_in_algorithms_is_an_algorithm():
    from battery_recycling_atlas.processing.algorithms import ALGORITHMS

    modules = {p.stem for p in (ROOT / "processing" / "algorithms").glob("*.py")}
    expected = {name for name, _cls in ALGORITHMS} | {"__init__", "base", "unavailable"}
    assert modules == expected
    assert len(ALGORITHMS) == 11


def test_no_plugin_source_file_is_over_450_lines():
    long = []
    for folder in ("core", "processing", "ui", "reports"):
        for path in (ROOT / folder).rglob("*.py"):
            n = len(path.read_text(encoding="utf-8").splitlines())
            if n > 450:
                long.append(f"{path.relative_to(ROOT)}: {n}")
    assert long == []
