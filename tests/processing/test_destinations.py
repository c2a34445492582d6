"""Output over input is refused in every form a destination takes, and text outputs are
written whole or not at all."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException

from battery_recycling_atlas.processing.io.destinations import destination_target, write_text


def said(caught, feedback) -> str:
    """What the user was told: the exception's message and the errors reported."""
    return " ".join([str(caught.value), *feedback.errors])


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_destination_forms_are_reduced_to_file_and_layer(tmp_path):
    gpkg = tmp_path / "x y.gpkg"
    assert destination_target(str(gpkg)) == (gpkg, "")
    assert destination_target(f"{gpkg}|layername=provinces") == (gpkg, "provinces")
    uri = f"ogr:dbname='{gpkg}' table=\"provinces\" (geom)"
    assert destination_target(uri) == (gpkg, "provinces")
    assert destination_target("ogr:dbname='/d/it''s.gpkg' table=\"t\"") == (
        Path("/d/it's.gpkg"),
        "t",
    )
    assert destination_target("TEMPORARY_OUTPUT") == (None, "")
    assert destination_target("memory:out") == (None, "")


@pytest.fixture()
def provinces_copy(sample_gpkg, tmp_path) -> Path:
    copy = tmp_path / "data.gpkg"
    shutil.copy(sample_gpkg, copy)
    return copy


@pytest.mark.parametrize(
    "form",
    [
        "{path}",
        "{path}|layername=provinces",
        "ogr:dbname='{path}' table=\"provinces\" (geom)",
    ],
)
def test_ratio_refuses_every_form_of_its_input(run_alg, provinces_copy, form):
    before = sha256(provinces_copy)
    with pytest.raises(QgsProcessingException, match="inputs are never overwritten"):
        run_alg(
            "retirement_capacity_ratio",
            {
                "INPUT": f"{provinces_copy}|layername=provinces",
                "RETIREMENT_FIELD": "retire_2025_t",
                "CAPACITY_FIELD": "capacity_2025_t",
                "OUTPUT": form.format(path=provinces_copy),
            },
        )
    assert sha256(provinces_copy) == before


def test_forecast_refuses_to_write_over_its_sales_table(run_alg, tmp_path, feedback):
    sales = tmp_path / "sales.csv"
    sales.write_text("region,year,sales\n广东,2020,1000\n", encoding="utf-8")
    before = sha256(sales)
    with pytest.raises(QgsProcessingException) as caught:
        run_alg(
            "retirement_forecast",
            {
                "INPUT": str(sales),
                "REGION_FIELD": "region",
                "YEAR_FIELD": "year",
                "SALES_FIELD": "sales",
                "OUTPUT": str(sales),
            },
            feedback=feedback,
        )
    assert sha256(sales) == before
    assert "inputs are never overwritten" in said(caught, feedback)


def test_calibration_refuses_its_preset_and_a_doubled_output(run_alg, tmp_path, feedback):
    data = Path(__file__).resolve().parents[2] / "resources" / "data" / "observed_unit_costs.csv"
    preset = tmp_path / "start.json"
    preset.write_text("{}", encoding="utf-8")
    with pytest.raises(QgsProcessingException) as caught:
        run_alg(
            "calibrate_scale_curve",
            {
                "INPUT": str(data),
                "THROUGHPUT_FIELD": "throughput_t",
                "UNIT_COST_FIELD": "unit_cost_cny_t",
                "PARAMETERS_FILE": str(preset),
                "OUTPUT": str(preset),
            },
            feedback=feedback,
        )
    assert preset.read_text(encoding="utf-8") == "{}"
    assert "PARAMETERS_FILE" in said(caught, feedback)
    feedback.errors.clear()
    same = tmp_path / "same.json"
    with pytest.raises(QgsProcessingException) as caught:
        run_alg(
            "calibrate_scale_curve",
            {
                "INPUT": str(data),
                "THROUGHPUT_FIELD": "throughput_t",
                "UNIT_COST_FIELD": "unit_cost_cny_t",
                "OUTPUT": str(same),
                "REPORT": str(same),
            },
            feedback=feedback,
        )
    assert not same.exists()
    assert "OUTPUT and REPORT" in said(caught, feedback)


def test_text_is_written_whole_or_not_at_all(tmp_path):
    report = tmp_path / "r.html"
    write_text(str(report), "first")
    assert report.read_text(encoding="utf-8") == "first"
    write_text(str(report), "second")
    assert report.read_text(encoding="utf-8") == "second"
    # A folder where the file should go: a message naming it, nothing left behind.
    blocked = tmp_path / "taken.html"
    blocked.mkdir()
    with pytest.raises(QgsProcessingException, match="taken.html"):
        write_text(str(blocked), "x", "REPORT")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html", "taken.html"]
    # A file where the folder should be.
    with pytest.raises(QgsProcessingException, match="REPORT"):
        write_text(str(report / "sub.html"), "x", "REPORT")
    assert report.read_text(encoding="utf-8") == "second"
