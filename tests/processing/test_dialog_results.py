"""Every algorithm run the way its Processing dialog runs it: outputs as
``QgsProcessingOutputLayerDefinition`` that load into the project, then
``processing.gui.Postprocessing.handleAlgorithmResults`` loads them.

A run must load every output layer and report no error: before the fix, the output-over-input
check queued a second, fake layer per sink, and the dialog's Log showed "The following layers
were not correctly generated. • memory:…".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingOutputRasterLayer,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterFileDestination,
    QgsProject,
    QgsVectorLayer,
)

from tests.conftest import RecordingFeedback, handle_results
from tests.layers import csv_layer, gpkg_layer

ROOT = Path(__file__).resolve().parents[2]
GPKG = ROOT / "resources" / "data" / "china_sample.gpkg"
DATA = ROOT / "resources" / "data"


def inputs(tmp_path: Path) -> dict[str, QgsVectorLayer]:
    """The sample layers in the project, as the user has them when opening a dialog."""
    keys = tmp_path / "keys.csv"
    keys.write_text("adcode,value\n110000,1.5\n310000,2.5\n999999,3\n", encoding="utf-8")
    layers = {name: gpkg_layer(GPKG, name) for name in ("provinces", "cities", "whitelist_plants")}
    layers["sales"] = csv_layer(DATA / "nev_sales_sample.csv", "sales")
    layers["costs"] = csv_layer(DATA / "observed_unit_costs.csv", "costs")
    layers["keys"] = csv_layer(keys, "keys")
    QgsProject.instance().addMapLayers(list(layers.values()))
    return layers


def parameters(alg_id: str, lay: dict) -> dict:
    """Small inputs for each algorithm (output parameters are added by the test)."""
    return {
        "retirement_capacity_ratio": {
            "INPUT": lay["provinces"].id(),
            "RETIREMENT_FIELD": "retire_2025_t",
            "CAPACITY_FIELD": "capacity_2025_t",
            "NAME_FIELD": "name_en",
        },
        "natural_breaks_matching": {
            "INPUT": lay["cities"].id(),
            "VOLUME_FIELD": "retire_2025_t",
            "OUTLETS_FIELD": "outlets_2025",
            "NAME_FIELD": "name_en",
        },
        "capital_compliance": {
            "INPUT": lay["provinces"].id(),
            "CAPITAL_FIELD": "capital_cny",
            "WHITELIST_FIELD": "whitelist_firms",
            "NAME_FIELD": "name_en",
        },
        "retirement_forecast": {
            "INPUT": lay["sales"].id(),
            "REGION_FIELD": "province_adcode",
            "YEAR_FIELD": "year",
            "SALES_FIELD": "nev_sales",
            "START_YEAR": 2025,
            "END_YEAR": 2026,
        },
        "join_region_table": {
            "INPUT": lay["provinces"].id(),
            "REGION_KEY_FIELD": "adcode",
            "TABLE": lay["keys"].id(),
            "TABLE_KEY_FIELD": "adcode",
        },
        "plant_profit": {
            "INPUT": lay["whitelist_plants"].id(),
            "CAPACITY_FIELD": "capacity_t",
            "UTILIZATION": 0.5,
        },
        "calibrate_scale_curve": {
            "INPUT": lay["costs"].id(),
            "THROUGHPUT_FIELD": "throughput_t",
            "UNIT_COST_FIELD": "unit_cost_cny_t",
        },
        "profit_uncertainty": {
            "INPUT": lay["whitelist_plants"].id(),
            "CAPACITY_FIELD": "capacity_t",
            "UTILIZATION": 0.5,
            "N_SIMULATIONS": 200,
        },
        "export_publication_map": {"INPUT": lay["provinces"].id(), "DPI": 50},
        "profit_surface": {
            "SUPPLY": lay["cities"].id(),
            "SUPPLY_FIELD": "retire_2025_t",
            "EXTENT": "110,120,25,35 [EPSG:4326]",
            "PIXEL_SIZE": 50,
            "N_BEST": 3,
        },
        "allocate_supply": {
            "SUPPLY": lay["provinces"].id(),
            "SUPPLY_FIELD": "retire_2025_t",
            "PLANTS": lay["whitelist_plants"].id(),
            "CAPACITY_FIELD": "capacity_t",
        },
    }[alg_id]


ALGORITHMS = [
    "retirement_capacity_ratio",
    "natural_breaks_matching",
    "capital_compliance",
    "retirement_forecast",
    "join_region_table",
    "plant_profit",
    "calibrate_scale_curve",
    "profit_uncertainty",
    "export_publication_map",
    "profit_surface",
    "allocate_supply",
]
SUFFIX = {"outputVector": ".gpkg", "outputRaster": ".tif"}


def test_every_algorithm_is_covered(plugin):
    provider = QgsApplication.processingRegistry().providerById("battery_recycling")
    native = {a.name() for a in provider.algorithms() if not a.name().endswith("workflow")}
    assert native == set(ALGORITHMS)


def add_destinations(alg, params: dict, tmp_path: Path, mode: str) -> None:
    """Every destination parameter as the dialog fills it: layers load into the project;
    in mode "skipped" the optional layer outputs are left unchecked (the dialog gives None)."""
    project = QgsProject.instance()
    for dest in alg.destinationParameterDefinitions():
        name = dest.name()
        if isinstance(dest, QgsProcessingParameterFileDestination):
            ext = dest.defaultFileExtension() or "html"
            params[name] = str(tmp_path / f"{name.lower()}.{ext}")
            continue
        if mode == "skipped" and dest.flags() & dest.FlagOptional:
            params[name] = None
            continue
        target = "TEMPORARY_OUTPUT"
        if mode == "files":
            out = alg.outputDefinition(name)
            target = str(tmp_path / f"{name.lower()}{SUFFIX[out.type()]}")
        params[name] = QgsProcessingOutputLayerDefinition(target, project)


def alg_layer_outputs(alg) -> list[str]:
    """The names of the algorithm's vector and raster layer outputs, in definition order."""
    kinds = (QgsProcessingOutputVectorLayer, QgsProcessingOutputRasterLayer)
    return [o.name() for o in alg.outputDefinitions() if isinstance(o, kinds)]


def optional(alg, name: str) -> bool:
    """Whether the destination parameter behind output ``name`` is optional."""
    dest = alg.parameterDefinition(name)
    return dest is not None and bool(dest.flags() & dest.FlagOptional)


def project_has(value: str) -> bool:
    """A project layer with this id, or read from this file."""
    project = QgsProject.instance()
    if project.mapLayer(value) is not None:
        return True
    return any(lyr.source().split("|")[0] == value for lyr in project.mapLayers().values())


@pytest.fixture()
def clean_project():
    QgsProject.instance().clear()
    yield
    QgsProject.instance().clear()


@pytest.mark.parametrize("mode", ["temporary", "files", "skipped"])
@pytest.mark.parametrize("alg_id", ALGORITHMS)
def test_dialog_run_loads_every_output_without_error(plugin, clean_project, tmp_path, alg_id, mode):
    from processing.gui.AlgorithmExecutor import execute
    from processing.tools import dataobjects

    alg = QgsApplication.processingRegistry().createAlgorithmById(f"battery_recycling:{alg_id}")
    params = parameters(alg_id, inputs(tmp_path))
    if alg_id == "export_publication_map":
        params["OUTPUT"] = str(tmp_path / "map.png")
    add_destinations(alg, params, tmp_path, mode)
    before = set(QgsProject.instance().mapLayers())

    feedback = RecordingFeedback.make()
    context = dataobjects.createContext(feedback)
    ok, results = execute(alg, params, context, feedback)
    assert ok, feedback.errors
    # What the dialog does after the run (handleAlgorithmResults).
    assert handle_results(alg, context, feedback, results) is True
    assert feedback.errors == []

    layer_outputs = [name for name in alg_layer_outputs(alg) if results.get(name)]
    # Every layer output asked for is there (in mode "skipped", the required ones only).
    assert layer_outputs == [
        name for name in alg_layer_outputs(alg) if mode != "skipped" or not optional(alg, name)
    ], results
    for name in layer_outputs:
        assert project_has(results[name]), (name, results[name])
    # Exactly the outputs were added: no extra layer, none missing.
    added = set(QgsProject.instance().mapLayers()) - before
    assert len(added) == len(layer_outputs)


@pytest.mark.parametrize(
    "alg_id,key,out",
    [
        ("plant_profit", "INPUT", "OUTPUT"),
        ("allocate_supply", "PLANTS", "OUTPUT_PLANTS"),
    ],
)
def test_dialog_output_over_an_input_file_is_refused(
    plugin, clean_project, tmp_path, alg_id, key, out
):
    from qgis.core import QgsVectorFileWriter

    from processing.gui.AlgorithmExecutor import execute
    from processing.tools import dataobjects

    plants = tmp_path / "plants.gpkg"
    source = gpkg_layer(GPKG, "whitelist_plants")
    QgsVectorFileWriter.writeAsVectorFormat(source, str(plants), "utf-8", source.crs(), "GPKG")
    alg = QgsApplication.processingRegistry().createAlgorithmById(f"battery_recycling:{alg_id}")
    params = parameters(alg_id, inputs(tmp_path))
    params[key] = str(plants)
    add_destinations(alg, params, tmp_path, "temporary")
    params[out] = QgsProcessingOutputLayerDefinition(str(plants), QgsProject.instance())
    feedback = RecordingFeedback.make()
    ok, _ = execute(alg, params, dataobjects.createContext(feedback), feedback)
    assert not ok
    assert any("never overwritten" in e for e in feedback.errors)
    assert QgsVectorLayer(str(plants), "again", "ogr").featureCount() == 156
