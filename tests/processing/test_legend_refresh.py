"""The Layers panel shows the translated legend of an output styled on loading."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsLayerTreeModel, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator

from tests.conftest import handle_results

ROOT = Path(__file__).resolve().parents[2]
QM = ROOT / "resources" / "i18n" / "battery_recycling_atlas_zh_CN.qm"
GPKG = ROOT / "resources" / "data" / "china_sample.gpkg"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture()
def zh_cn(qgis_app):
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize(
    "alg_id,params",
    [
        (
            "natural_breaks_matching",
            {"VOLUME_FIELD": "retire_2025_t", "OUTLETS_FIELD": "outlets_2025"},
        ),
        (
            "retirement_capacity_ratio",
            {"RETIREMENT_FIELD": "retire_2025_t", "CAPACITY_FIELD": "capacity_2025_t"},
        ),
    ],
)
def test_layers_panel_legend_is_relabelled(plugin, zh_cn, alg_id, params):
    from qgis.core import QgsProcessingFeedback, QgsProcessingOutputLayerDefinition

    from processing.gui.AlgorithmExecutor import execute
    from processing.tools import dataobjects

    project = QgsProject.instance()
    project.clear()
    layer_name = "cities" if alg_id == "natural_breaks_matching" else "provinces"
    source = QgsVectorLayer(f"{GPKG}|layername={layer_name}", layer_name, "ogr")
    project.addMapLayer(source)
    # The Layers panel's model exists before the run, as in QGIS.
    model = QgsLayerTreeModel(project.layerTreeRoot())
    try:
        alg = QgsApplication.processingRegistry().createAlgorithmById(f"battery_recycling:{alg_id}")
        feedback = QgsProcessingFeedback()
        context = dataobjects.createContext(feedback)
        parameters = dict(
            params,
            INPUT=source.id(),
            OUTPUT=QgsProcessingOutputLayerDefinition("TEMPORARY_OUTPUT", project),
        )
        ok, results = execute(alg, parameters, context, feedback)
        assert ok
        assert handle_results(alg, context, feedback, results)
        node = project.layerTreeRoot().findLayer(results["OUTPUT"])
        texts = [n.data(Qt.ItemDataRole.DisplayRole) for n in model.layerLegendNodes(node)]
        renderer_labels = [c.label() for c in node.layer().renderer().categories()]
        assert all(CJK.search(label) for label in renderer_labels)
        assert texts == renderer_labels  # the panel shows the relabelled legend
    finally:
        project.clear()
        del model
