"""A QGIS without scipy, matplotlib or pandas gets a message with the install commands, never a
traceback (Debian's QGIS pulls in none of them; OSGeo4W may lack them)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException

from battery_recycling_atlas.processing import dependencies
from tests.layers import table

ROOT = Path(__file__).resolve().parents[2]


def test_missing_looks_packages_up_without_importing(monkeypatch):
    assert dependencies.missing() == []
    monkeypatch.setitem(sys.modules, "pandas", None)  # what an absent package looks like
    assert dependencies.missing(("numpy", "pandas")) == ["pandas"]
    assert dependencies.missing(("no_such_package_here",)) == ["no_such_package_here"]


def test_install_message_names_the_package_and_both_commands():
    text = dependencies.install_message(["pandas", "scipy"])
    assert "pandas, scipy" in text
    assert "sudo apt install python3-pandas python3-scipy" in text
    assert "OSGeo4W Shell" in text and "python -m pip install pandas scipy" in text


def test_forecast_without_pandas_says_what_to_install(run_alg, feedback, monkeypatch):
    sales = table("field=r:string&field=y:integer&field=n:double", [("广东", 2020, 1000.0)], "s")
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(QgsProcessingException):
        run_alg(
            "retirement_forecast",
            {
                "INPUT": sales,
                "REGION_FIELD": "r",
                "YEAR_FIELD": "y",
                "SALES_FIELD": "n",
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
            feedback=feedback,
        )
    text = " ".join(feedback.errors)
    assert "python3-pandas" in text and "python -m pip install pandas" in text
    assert "Traceback" not in text and "ModuleNotFoundError" not in text


def test_algorithms_needing_a_missing_package_stay_listed_and_explain(tmp_path):
    # A fresh interpreter in which scipy cannot be imported: the provider still lists every
    # algorithm id; those that need scipy say so when run, the others still run.
    code = textwrap.dedent(f"""
        import sys
        sys.modules["scipy"] = None
        sys.path.insert(0, {str(ROOT / "build" / "pkg")!r})
        from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback
        app = QgsApplication([], False)
        app.initQgis()
        from battery_recycling_atlas.processing.algorithms import ALGORITHMS, algorithm_classes
        classes = algorithm_classes()
        assert [c().name() for c in classes] == [m for m, _ in ALGORITHMS]
        unavailable = [c().name() for c in classes if c.__name__ == "UnavailableAlgorithm"]
        print("UNAVAILABLE", ",".join(unavailable))
        alg = next(c() for c in classes if c.__name__ == "UnavailableAlgorithm")
        alg.initAlgorithm()
        try:
            alg.processAlgorithm({{}}, QgsProcessingContext(), QgsProcessingFeedback())
        except Exception as error:
            print("MESSAGE", type(error).__name__, str(error))
    """)
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin"},
    )
    assert out.returncode == 0, out.stderr
    lines = dict(line.split(" ", 1) for line in out.stdout.splitlines() if " " in line)
    unavailable = lines["UNAVAILABLE"].split(",")
    assert "plant_profit" in unavailable and "profit_surface" in unavailable
    assert "join_region_table" not in unavailable
    assert lines["MESSAGE"].startswith("QgsProcessingException")
    assert "python3-scipy" in lines["MESSAGE"]
