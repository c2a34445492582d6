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


def test_one_registry_styles_rasters_and_vectors_on_loading(plugin, tmp_path):
    """``profit_surface`` writes a raster (styled by its QML sidecar) and a vector (``BEST``):
    both post-processors come from the one registry, live until QGIS calls them, then leave."""
    from qgis.core import QgsProcessingFeedback, QgsProcessingOutputLayerDefinition, QgsRasterLayer

    from battery_recycling_atlas.processing.styling import postprocess
    from processing.gui.AlgorithmExecutor import execute
    from processing.tools import dataobjects

    project = QgsProject.instance()
    project.clear()
    cities = QgsVectorLayer(f"{GPKG}|layername=cities", "cities", "ogr")
    project.addMapLayer(cities)
    try:
        alg = QgsApplication.processingRegistry().createAlgorithmById(
            "battery_recycling:profit_surface"
        )
        feedback = QgsProcessingFeedback()
        context = dataobjects.createContext(feedback)
        parameters = {
            "SUPPLY": cities.id(),
            "SUPPLY_FIELD": "retire_2025_t",
            "EXTENT": "110,120,25,35 [EPSG:4326]",
            "PIXEL_SIZE": 50,
            "N_BEST": 3,
            "OUTPUT": QgsProcessingOutputLayerDefinition(str(tmp_path / "profit.tif"), project),
            "BEST": QgsProcessingOutputLayerDefinition("TEMPORARY_OUTPUT", project),
        }
        pending = set(postprocess._PENDING)
        ok, results = execute(alg, parameters, context, feedback)
        assert ok
        added = set(postprocess._PENDING) - pending
        assert len(added) == 2  # one raster, one vector post-processor kept alive
        kinds = {postprocess._PENDING[key].layer_type for key in added}
        assert kinds == {QgsRasterLayer, QgsVectorLayer}
        assert handle_results(alg, context, feedback, results)
        assert not added & set(postprocess._PENDING)  # each let go of itself once called
        layers = list(project.mapLayers().values())
        raster = next(lyr for lyr in layers if isinstance(lyr, QgsRasterLayer))
        assert raster.renderer().type() == "singlebandpseudocolor"
        best = next(lyr for lyr in layers if isinstance(lyr, QgsVectorLayer) and lyr != cities)
        assert best.labelsEnabled()  # best_locations.qml labels the ranks
    finally:
        project.clear()
