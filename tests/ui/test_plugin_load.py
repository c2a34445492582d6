"""The plugin loads the way QGIS loads it, registers its provider, and unloads cleanly."""

from __future__ import annotations

import subprocess
import sys

from qgis.core import QgsApplication, QgsProcessingModelAlgorithm

import battery_recycling_atlas

#: Provider ``battery_recycling``: the algorithm ids (``name()``) that models, scripts and
#: ``qgis_process`` command lines depend on (the README's Algorithms table), written out here.
ALGORITHM_IDS = {
    "retirement_capacity_ratio",
    "natural_breaks_matching",
    "capital_compliance",
    "plant_profit",
    "calibrate_scale_curve",
    "profit_uncertainty",
    "profit_surface",
    "allocate_supply",
    "retirement_forecast",
    "join_region_table",
    "export_publication_map",
}
#: The models shipped in resources/models (``*.model3``), registered by the same provider.
MODEL_IDS = {"mismatch_workflow"}


def test_classfactory_initgui_unload(qgis_app, qgis_iface, qgis_processing):
    registry = QgsApplication.processingRegistry()
    instance = battery_recycling_atlas.classFactory(qgis_iface)
    instance.initGui()
    provider = registry.providerById("battery_recycling")
    assert provider is not None
    # Exactly the ids other tools depend on (a stale list once missed three, and was only
    # checked for inclusion); besides them the provider holds the shipped models.
    algorithms = {
        alg.id()
        for alg in provider.algorithms()
        if not isinstance(alg, QgsProcessingModelAlgorithm)
    }
    assert algorithms == {f"battery_recycling:{name}" for name in ALGORITHM_IDS}
    models = {alg.id() for alg in provider.algorithms()} - algorithms
    assert models == {f"battery_recycling:{name}" for name in MODEL_IDS}
    for alg in provider.algorithms():
        assert alg.shortHelpString() and alg.group() and alg.helpUrl()
    assert [a.text() for a in instance.actions][:1] == ["Retirement-to-capacity ratio…"]
    assert instance.toolbar is not None and instance.toolbar.actions()
    alg = registry.algorithmById("battery_recycling:retirement_capacity_ratio")
    assert alg.shortHelpString() and alg.helpUrl().endswith("#retirement-capacity-ratio")
    instance.unload()
    assert registry.providerById("battery_recycling") is None
    assert instance.actions == [] and instance.toolbar is None
    # Reloading works and leaves one provider.
    again = battery_recycling_atlas.classFactory(qgis_iface)
    again.initGui()
    assert registry.providerById("battery_recycling") is not None
    again.unload()
    assert registry.providerById("battery_recycling") is None


def test_loading_the_plugin_does_not_import_heavy_modules():
    # A fresh interpreter: importing the package and plugin module must not pull in numpy,
    # scipy, matplotlib or the algorithms (they load when first used). QGIS itself is loaded
    # first, as in QGIS: from 3.40 ``qgis.core`` imports numpy on its own, so only what the
    # plugin adds counts.
    build = str(battery_recycling_atlas.__path__[0].rsplit("/", 1)[0])
    code = (
        "import sys, qgis.core, qgis.gui; before = set(sys.modules); "
        f"sys.path.insert(0, {build!r}); import battery_recycling_atlas.plugin; "
        "heavy = [m for m in ('numpy', 'scipy', 'matplotlib', 'pandas', "
        "'battery_recycling_atlas.processing.provider') "
        "if m in sys.modules and m not in before]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
