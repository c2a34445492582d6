"""The Processing dialogs suggest layers and fields by name (the workflow dialog's rules, in
``core.field_names``): checked in the real ``AlgorithmDialog`` as it opens."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

from tests.layers import csv_layer, gpkg_layer, memory_layer, square

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "resources" / "data"
GPKG = DATA / "china_sample.gpkg"


def dialog_values(alg_id: str) -> dict:
    """The input values the algorithm's dialog shows when it opens."""
    from processing.gui.AlgorithmDialog import AlgorithmDialog

    alg = QgsApplication.processingRegistry().createAlgorithmById(f"battery_recycling:{alg_id}")
    dialog = AlgorithmDialog(alg)
    try:
        wrappers = dialog.mainWidget().wrappers
        values = {}
        for name, wrapper in wrappers.items():
            if alg.parameterDefinition(name).isDestination():
                continue
            value = wrapper.parameterValue()
            layer = QgsProject.instance().mapLayer(value) if isinstance(value, str) else None
            values[name] = layer.name() if layer is not None else value
        return values
    finally:
        dialog.deleteLater()


@pytest.fixture()
def project(plugin, qgis_iface, monkeypatch):
    """An empty project; pytest-qgis's iface gets the browser model the dialog asks for."""
    from qgis.gui import QgsBrowserGuiModel

    model = QgsBrowserGuiModel()
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: model, raising=False)
    QgsProject.instance().clear()
    yield QgsProject.instance()
    QgsProject.instance().clear()


def add_sample(project) -> None:
    """The sample layers and tables, plants first (the dialogs' old first choice)."""
    layers = [gpkg_layer(GPKG, n) for n in ("whitelist_plants", "cities", "provinces")]
    for name in ("nev_sales_sample", "observed_unit_costs"):
        layers.append(csv_layer((DATA / name).with_suffix(".csv"), name))
    project.addMapLayers(layers)


EXPECTED = {
    "retirement_capacity_ratio": {
        "INPUT": "provinces",
        "RETIREMENT_FIELD": "retire_2025_t",
        "CAPACITY_FIELD": "capacity_2025_t",
        "NAME_FIELD": "name_zh",
    },
    "natural_breaks_matching": {
        "INPUT": "cities",
        "VOLUME_FIELD": "retire_2025_t",
        "OUTLETS_FIELD": "outlets_2025",
        "NAME_FIELD": "name_zh",
    },
    "capital_compliance": {
        "INPUT": "provinces",
        "CAPITAL_FIELD": "capital_cny",
        "WHITELIST_FIELD": "whitelist_firms",
        "NAME_FIELD": "name_zh",
    },
    "retirement_forecast": {
        "INPUT": "nev_sales_sample",
        "REGION_FIELD": "province_adcode",
        "YEAR_FIELD": "year",
        "SALES_FIELD": "nev_sales",
    },
    "join_region_table": {
        "INPUT": "cities",
        "REGION_KEY_FIELD": "adcode",
        "TABLE": "nev_sales_sample",
        "TABLE_KEY_FIELD": "province_adcode",
    },
    "plant_profit": {
        "INPUT": "whitelist_plants",
        "CAPACITY_FIELD": "capacity_t",
        "NAME_FIELD": "name",
    },
    "profit_uncertainty": {
        "INPUT": "whitelist_plants",
        "CAPACITY_FIELD": "capacity_t",
        "NAME_FIELD": "name",
    },
    "calibrate_scale_curve": {
        "INPUT": "observed_unit_costs",
        "THROUGHPUT_FIELD": "throughput_t",
        "UNIT_COST_FIELD": "unit_cost_cny_t",
    },
    "profit_surface": {"SUPPLY": "cities", "SUPPLY_FIELD": "retire_2025_t"},
    "allocate_supply": {
        "SUPPLY": "cities",
        "SUPPLY_FIELD": "retire_2025_t",
        "PLANTS": "whitelist_plants",
        "CAPACITY_FIELD": "capacity_t",
    },
}


@pytest.mark.parametrize("alg_id", sorted(EXPECTED))
def test_dialog_suggests_the_sample_layers_and_fields(project, alg_id):
    add_sample(project)
    values = dialog_values(alg_id)
    assert {k: values[k] for k in EXPECTED[alg_id]} == EXPECTED[alg_id]
    assert "fid" not in values.values()


def test_users_fields_come_before_the_samples(project):
    """A layer joined to the sample boundaries has both; the user's own fields win."""
    add_sample(project)
    joined = memory_layer(
        "Polygon?crs=EPSG:4326&field=adcode:string&field=retire_2025_t:double"
        "&field=capacity_2025_t:double&field=退役量（吨）:double"
        "&field=产能（吨）:double&field=名称:string",
        [(square(0, 0, 1), "110000", 1.0, 2.0, 3.0, 4.0, "北京")],
        "我的省份",
    )
    project.addMapLayer(joined)
    values = dialog_values("retirement_capacity_ratio")
    assert values["INPUT"] == "我的省份"
    assert values["RETIREMENT_FIELD"] == "退役量（吨）"
    assert values["CAPACITY_FIELD"] == "产能（吨）"
    assert values["NAME_FIELD"] == "名称"


def test_unrecognised_layer_never_defaults_to_fid(project, tmp_path):
    from qgis.core import QgsVectorFileWriter

    memory = QgsVectorLayer(
        "Polygon?crs=EPSG:4326&field=pop:integer&field=area_km2:double", "m", "memory"
    )
    path = tmp_path / "regions.gpkg"
    QgsVectorFileWriter.writeAsVectorFormat(memory, str(path), "utf-8", memory.crs(), "GPKG")
    layer = QgsVectorLayer(str(path), "regions", "ogr")
    assert [f.name() for f in layer.fields()][0] == "fid"
    project.addMapLayer(layer)
    values = dialog_values("natural_breaks_matching")
    assert values["INPUT"] == "regions"
    assert values["VOLUME_FIELD"] == "pop"


def test_scripts_keep_no_default(plugin):
    """Only the dialog reads the suggestions: the parameters' real defaults stay empty."""
    alg = QgsApplication.processingRegistry().createAlgorithmById(
        "battery_recycling:retirement_capacity_ratio"
    )
    assert alg.parameterDefinition("RETIREMENT_FIELD").defaultValue() is None
