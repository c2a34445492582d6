"""The siting algorithms write through the one output path: rasters, their style sidecars and
layers are staged beside their destinations and committed together, so a run that fails late
leaves every earlier output byte-identical and no temporary folder behind."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsProcessingException, QgsVectorLayer

from tests.processing.test_siting_algorithms import alloc_layers, halves, run_surface, toy_supply


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones too) with its sha256."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_profit_surface_commits_rasters_sidecars_and_points_together(run_alg, tmp_path):
    best = tmp_path / "best.gpkg"
    res = run_surface(run_alg, tmp_path, toy_supply(), BEST=str(best))
    assert res["OUTPUT"] == str(tmp_path / "profit.tif")
    assert res["BEST"] == str(best)
    names = {p.name for p in tmp_path.iterdir()}
    # The rasters with their QML sidecars, the points; no staging folder left (hidden names).
    assert {"profit.tif", "profit.qml", "supply.tif", "supply.qml", "best.gpkg"} <= names
    assert not [n for n in names if n.startswith(".")]
    profit = gdal.Open(str(tmp_path / "profit.tif")).ReadAsArray()
    assert np.isfinite(profit).any()
    # The same rows as a run into memory (written directly, not staged).
    memory = run_surface(run_alg, tmp_path / "m", toy_supply(), OUTPUT="TEMPORARY_OUTPUT")["BEST"]
    written = QgsVectorLayer(str(best), "b", "ogr")
    rows = [(f["rank"], f["profit"], f["supply_t"]) for f in written.getFeatures()]
    assert rows == [(f["rank"], f["profit"], f["supply_t"]) for f in memory.getFeatures()]
    assert len(rows) >= 2

    (tmp_path / "not_a_folder").write_text("x", encoding="utf-8")
    before = snapshot(tmp_path)
    with pytest.raises(QgsProcessingException, match="REPORT"):
        run_surface(
            run_alg,
            tmp_path,
            toy_supply(),
            BEST=str(best),
            HAUL_RADIUS=200,  # different rasters, had they been written
            REPORT=str(tmp_path / "not_a_folder" / "report.html"),
        )
    assert snapshot(tmp_path) == before


def test_allocate_supply_writes_its_three_layers_or_none(run_alg, tmp_path):
    supply, plants = alloc_layers()
    outs = {k: tmp_path / f"{k.lower()}.gpkg" for k in ("OUTPUT_FLOWS", "OUTPUT_PLANTS")}
    outs["OUTPUT_REGIONS"] = tmp_path / "output_regions.gpkg"
    params = {
        "SUPPLY": supply,
        "SUPPLY_FIELD": "t",
        "PLANTS": plants,
        "CAPACITY_FIELD": "cap",
        "REGIONS": halves(),
        "REGION_ID_FIELD": "code",
        **{k: str(v) for k, v in outs.items()},
    }
    res = run_alg("allocate_supply", params)
    assert {k: res[k] for k in outs} == {k: str(v) for k, v in outs.items()}
    assert QgsVectorLayer(str(outs["OUTPUT_PLANTS"]), "p", "ogr").featureCount() == 2
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]

    # The third output cannot be made (its folder is a file): the first two stay as they were.
    (tmp_path / "not_a_folder").write_text("x", encoding="utf-8")
    before = snapshot(tmp_path)
    bad = {**params, "BORDER_RULE": 1, "OUTPUT_REGIONS": str(tmp_path / "not_a_folder" / "r.gpkg")}
    with pytest.raises(QgsProcessingException):
        run_alg("allocate_supply", bad)
    assert snapshot(tmp_path) == before


def test_rasters_are_compressed_with_zstd_where_gdal_has_it(run_alg, tmp_path):
    run_surface(run_alg, tmp_path, toy_supply())
    offered = gdal.GetDriverByName("GTiff").GetMetadataItem("DMD_CREATIONOPTIONLIST")
    expected = "ZSTD" if "ZSTD" in offered else "DEFLATE"
    for name in ("profit.tif", "supply.tif"):
        ds = gdal.Open(str(tmp_path / name))
        assert ds.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE") == expected
        assert ds.GetRasterBand(1).GetBlockSize()[0] < ds.RasterXSize or ds.RasterXSize <= 256


def test_the_surface_and_allocation_reports_show_a_map(run_alg, tmp_path):
    report = tmp_path / "surface.html"
    res = run_surface(run_alg, tmp_path, toy_supply(), REPORT=str(report))
    html = report.read_text(encoding="utf-8")
    assert html.count('<figure class="result-map"><img src="data:image/png;base64,') == 1
    # Money in M CNY with one decimal (the best site's profit, rank 1).
    assert "Profit (M CNY/yr)" in html and "Best profit (M CNY/yr)" in html
    assert f">{res['BEST_PROFIT'] / 1e6:,.1f}<" in html.replace("\u2212", "-")
    supply, plants = alloc_layers()
    report = tmp_path / "allocation.html"
    run_alg(
        "allocate_supply",
        {
            "SUPPLY": supply,
            "SUPPLY_FIELD": "t",
            "PLANTS": plants,
            "CAPACITY_FIELD": "cap",
            "REGIONS": halves(),
            "REGION_ID_FIELD": "code",
            "OUTPUT_FLOWS": "TEMPORARY_OUTPUT",
            "OUTPUT_PLANTS": "TEMPORARY_OUTPUT",
            "OUTPUT_REGIONS": "TEMPORARY_OUTPUT",
            "REPORT": str(report),
        },
    )
    html = report.read_text(encoding="utf-8")
    assert html.count('<figure class="result-map"><img src="data:image/png;base64,') == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_allocation_refuses_supply_too_large_for_the_solver_by_feature(run_alg, tmp_path):
    supply, plants = alloc_layers(extra_supply=[((40, 40), 5e13)])
    extra_id = max(f.id() for f in supply.getFeatures())
    params = {
        "SUPPLY": supply,
        "SUPPLY_FIELD": "t",
        "PLANTS": plants,
        "CAPACITY_FIELD": "cap",
        "OUTPUT_FLOWS": str(tmp_path / "flows.gpkg"),
        "OUTPUT_PLANTS": "TEMPORARY_OUTPUT",
        "OUTPUT_REGIONS": "TEMPORARY_OUTPUT",
    }
    with pytest.raises(QgsProcessingException) as err:
        run_alg("allocate_supply", params)
    text = str(err.value)
    assert "too large for the solver" in text and text.endswith(f"at features {extra_id}.")
    assert list(tmp_path.iterdir()) == []


def test_provinces_without_geometry_are_named_under_the_closed_rule(run_alg, feedback):
    from qgis.core import QgsFeature, QgsGeometry

    supply, plants = alloc_layers()
    regions = halves()
    empty = QgsFeature(regions.fields())
    empty.setGeometry(QgsGeometry())
    empty.setAttributes([33])
    assert regions.dataProvider().addFeatures([empty])[0]
    empty_id = max(f.id() for f in regions.getFeatures())
    params = {
        "SUPPLY": supply,
        "SUPPLY_FIELD": "t",
        "PLANTS": plants,
        "CAPACITY_FIELD": "cap",
        "REGIONS": regions,
        "REGION_ID_FIELD": "code",
        "BORDER_RULE": 2,
        "OUTPUT_FLOWS": "TEMPORARY_OUTPUT",
        "OUTPUT_PLANTS": "TEMPORARY_OUTPUT",
        "OUTPUT_REGIONS": "TEMPORARY_OUTPUT",
    }
    run_alg("allocate_supply", params, feedback)
    warned = [w for w in feedback.warnings if "without a usable geometry" in w]
    assert len(warned) == 1 and warned[0].endswith(f"ids: {empty_id}")
