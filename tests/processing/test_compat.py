"""The compatibility helpers on the QGIS at hand: each does its job and calls nothing deprecated.

The same tests run on every supported QGIS (3.22, 3.40, 3.44): whichever branch of a helper this
version takes is the one exercised.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from osgeo import gdal, ogr, osr
from qgis.core import (
    NULL,
    QgsCategorizedSymbolRenderer,
    QgsLayout,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLegendStyle,
    QgsProject,
    QgsRectangle,
    QgsRendererCategory,
    QgsSymbol,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QFont

from battery_recycling_atlas.processing import compat
from tests.layers import write_gpkg

KINDS = ("double", "int", "longlong", "string", "bool", "date")


@pytest.fixture()
def no_deprecation():
    """Fail when the block emits a DeprecationWarning (pytest's config ignores them)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    deprecated = [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)]
    assert deprecated == []


@pytest.mark.parametrize("kind", KINDS)
def test_new_field_round_trips_its_kind(kind, no_deprecation):
    field = compat.new_field(f"f_{kind}", kind)
    assert field.name() == f"f_{kind}"
    assert compat.field_kind(field) == kind
    layer = QgsVectorLayer("Point?crs=EPSG:4326", "t", "memory")
    assert layer.dataProvider().addAttributes([field])
    layer.updateFields()
    assert compat.field_kind(layer.fields().at(0)) == kind


def test_field_kind_of_other_types_and_numeric_flags():
    assert compat.field_kind(compat.new_field("x", "double")) == "double"
    assert compat.new_field("x", "double").isNumeric()
    assert not compat.new_field("x", "string").isNumeric()


def test_is_null():
    assert compat.is_null(None) and compat.is_null(NULL)
    assert not compat.is_null(0) and not compat.is_null("") and not compat.is_null(0.0)


def test_empty_extent_is_replaced_by_any_combination(no_deprecation):
    extent = compat.empty_extent()
    extent.combineExtentWith(QgsRectangle(3, 4, 5, 9))
    assert (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()) == (
        3,
        4,
        5,
        9,
    )


def test_label_font_round_trip(qgis_app, no_deprecation):
    layout = QgsLayout(QgsProject.instance())
    label = QgsLayoutItemLabel(layout)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(13.5)
    font.setBold(True)
    compat.set_label_font(label, font)
    back = compat.label_font(label)
    assert back.pointSizeF() == pytest.approx(13.5)
    assert back.bold()


def test_legend_font_round_trip(qgis_app, no_deprecation):
    layout = QgsLayout(QgsProject.instance())
    legend = QgsLayoutItemLegend(layout)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(7.25)
    compat.set_legend_font(legend, QgsLegendStyle.SymbolLabel, font)
    assert compat.legend_font(legend, QgsLegendStyle.SymbolLabel).pointSizeF() == pytest.approx(
        7.25
    )
    # The other styles are left alone.
    assert compat.legend_font(legend, QgsLegendStyle.Title).pointSizeF() != pytest.approx(7.25)


def test_failed_export_says_why_in_one_line(qgis_app, tmp_path, no_deprecation):
    layout = QgsLayout(QgsProject.instance())
    layout.initializeDefaults()
    exporter = QgsLayoutExporter(layout)
    target = tmp_path / "map.pdf"
    target.mkdir()  # a folder in the way: no file can be written there (even as root)
    result = exporter.exportToPdf(str(target), QgsLayoutExporter.PdfExportSettings())
    assert result != QgsLayoutExporter.Success
    message = compat.export_error(exporter, result)
    assert message and "\n" not in message
    assert target.is_dir()


def _polygon_gpkg(path: Path) -> None:
    square = "POLYGON((0 0,1 0,1 1,0 1,0 0))"
    write_gpkg(
        path,
        "regions",
        4326,
        ogr.wkbPolygon,
        [("kind", ogr.OFTString)],
        [(square, "a"), (square, "b")],
    )


def test_default_style_is_stored_in_the_geopackage_and_found_again(
    qgis_app, tmp_path, no_deprecation
):
    path = tmp_path / "styled.gpkg"
    _polygon_gpkg(path)
    layer = QgsVectorLayer(f"{path}|layername=regions", "regions", "ogr")
    assert layer.isValid()
    categories = [
        QgsRendererCategory(v, QgsSymbol.defaultSymbol(QgsWkbTypes.PolygonGeometry), v)
        for v in ("a", "b")
    ]
    layer.setRenderer(QgsCategorizedSymbolRenderer("kind", categories))
    assert compat.save_default_style(layer, "atlas", "test style") == ""
    again = QgsVectorLayer(
        f"{path}|layername=regions", "regions", "ogr", QgsVectorLayer.LayerOptions(False)
    )
    assert compat.load_stored_style(again)
    assert again.renderer().type() == "categorizedSymbol"
    assert [c.value() for c in again.renderer().categories()] == ["a", "b"]


def test_no_stored_style_is_reported(qgis_app, tmp_path):
    path = tmp_path / "plain.gpkg"
    _polygon_gpkg(path)
    layer = QgsVectorLayer(
        f"{path}|layername=regions", "regions", "ogr", QgsVectorLayer.LayerOptions(False)
    )
    assert not compat.load_stored_style(layer)
    memory = QgsVectorLayer("Point?crs=EPSG:4326", "m", "memory")
    assert not compat.load_stored_style(memory)


def test_no_threading_flag_is_declared_by_the_map_export_and_the_model(plugin):
    from qgis.core import QgsApplication

    flag = compat.no_threading_flag()
    registry = QgsApplication.processingRegistry()
    for alg_id in (
        "battery_recycling:export_publication_map",
        "battery_recycling:mismatch_workflow",
    ):
        alg = registry.algorithmById(alg_id)
        assert alg is not None, alg_id
        assert alg.flags() & flag, alg_id


def test_gdal_exceptions_are_on_inside_and_restored_after(tmp_path):
    # The tests run with exceptions on (conftest.py), so "restored" is checked from off: another
    # plugin's setting, which the block must give back.
    modules = (gdal, ogr, osr)
    for module in reversed(modules):  # GDAL keeps a stack: switch off in reverse order
        module.DontUseExceptions()
    try:
        with compat.gdal_exceptions():
            assert all(module.GetUseExceptions() for module in modules)
            with pytest.raises(RuntimeError):
                gdal.Open(str(tmp_path / "missing.tif"))
        assert not any(module.GetUseExceptions() for module in modules)
    finally:
        for module in modules:
            module.UseExceptions()
    # And a setting that was on stays on.
    with compat.gdal_exceptions():
        pass
    assert all(module.GetUseExceptions() for module in modules)


def test_parameter_fields_reads_a_field_parameter(plugin, sample_gpkg, no_deprecation):
    from qgis.core import QgsApplication, QgsProcessingContext

    alg = QgsApplication.processingRegistry().createAlgorithmById(
        "battery_recycling:retirement_capacity_ratio"
    )
    params = {"INPUT": f"{sample_gpkg}|layername=provinces", "RETIREMENT_FIELD": "retire_2025_t"}
    assert compat.parameter_fields(alg, params, "RETIREMENT_FIELD", QgsProcessingContext()) == [
        "retire_2025_t"
    ]


def test_ogr_memory_driver_holds_vector_layers():
    driver = compat.ogr_memory_driver()
    with compat.gdal_exceptions():
        ds = driver.CreateDataSource("t")
        layer = ds.CreateLayer("p", None, ogr.wkbPoint)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (1 2)"))
        layer.CreateFeature(feature)
        assert layer.GetFeatureCount() == 1
    major_minor = tuple(int(x) for x in gdal.__version__.split(".")[:2])
    assert driver.GetName() == ("MEM" if major_minor >= (3, 11) else "Memory")
