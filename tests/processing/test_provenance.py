"""Every report says where its numbers come from, and marks the shipped sample as illustrative
only when the run used its illustrative columns."""

from __future__ import annotations

from qgis.core import QgsGeometry, QgsVectorFileWriter, QgsVectorLayer

from battery_recycling_atlas.plugin_info import plugin_version
from tests.layers import memory_layer, point


def test_ratio_report_of_the_sample_carries_provenance_and_the_illustrative_note(
    run_alg, sample_gpkg, tmp_path
):
    report = tmp_path / "ratio_2030.html"
    run_alg(
        "retirement_capacity_ratio",
        {
            "INPUT": f"{sample_gpkg}|layername=provinces",
            "RETIREMENT_FIELD": "retire_2030_t",
            "CAPACITY_FIELD": "capacity_2030_t",
            "OUTPUT": "TEMPORARY_OUTPUT",
            "REPORT": str(report),
        },
    )
    html = report.read_text(encoding="utf-8")
    section = html[html.index('<section class="provenance">') :]
    assert f"Battery Recycling Atlas {plugin_version()}" in section
    assert "battery_recycling:retirement_capacity_ratio" in section
    assert "retire_2030_t" in section and "capacity_2030_t" in section
    assert str(sample_gpkg) in section
    assert "Illustrative sample values" in section
    body = html[html.index("<body>") :]
    assert body.index("Illustrative data.") < body.index("<h1")  # also at the top
    # A small map of the result, styled like the output: a PNG with the ratio classes' colours.
    import base64
    import re

    from qgis.PyQt.QtGui import QImage

    data = re.search(
        r'<figure class="result-map"><img src="data:image/png;base64,([^"]+)"', html
    ).group(1)
    image = QImage.fromData(base64.b64decode(data), "PNG")
    assert image.width() == 960 and image.height() == 720
    colours = {image.pixelColor(x, y).name() for x in range(0, 960, 8) for y in range(0, 720, 8)}
    assert {"#5e3c99", "#e66101"} & colours  # severe idle or shortage provinces drawn


def test_report_of_the_users_own_columns_is_not_called_illustrative(run_alg, sample_gpkg, tmp_path):
    # The shipped provinces with the user's own columns (as a join writes them).
    provinces = QgsVectorLayer(f"{sample_gpkg}|layername=provinces", "p", "ogr")
    mine = memory_layer(
        "MultiPolygon?crs=EPSG:4326&field=name_zh:string"
        "&field=illustrative:integer&field=退役量:double&field=产能:double",
        [
            (QgsGeometry(f.geometry()), f["name_zh"], 1, 100.0 + i, 1000.0)
            for i, f in enumerate(provinces.getFeatures())
        ],
        "mine",
    )
    path = tmp_path / "mine.gpkg"
    QgsVectorFileWriter.writeAsVectorFormat(mine, str(path), "utf-8", mine.crs(), "GPKG")
    report = tmp_path / "mine.html"
    result = run_alg(
        "retirement_capacity_ratio",
        {
            "INPUT": str(path),
            "RETIREMENT_FIELD": "退役量",
            "CAPACITY_FIELD": "产能",
            "OUTPUT": "TEMPORARY_OUTPUT",
            "REPORT": str(report),
        },
    )
    html = report.read_text(encoding="utf-8")
    assert "Illustrative data." not in html and "As given by the inputs above" in html
    assert "退役量" in html[html.index('<section class="provenance">') :]
    # The output's rows lose the sample flag: computed from the user's columns.
    assert {f["illustrative"] for f in result["OUTPUT"].getFeatures()} == {0}


def test_a_users_layer_with_sample_like_column_names_is_not_the_sample(run_alg, tmp_path):
    # Column names such as capacity_t are common: only the sample itself (or rows flagged
    # illustrative) makes a run illustrative.
    plants = memory_layer(
        "Point?crs=EPSG:4326&field=name:string&field=capacity_t:double"
        "&field=throughput_t:double",
        [(point(113, 23), "A", 50_000.0, 20_000.0)],
        "mine",
    )
    path = tmp_path / "plants.gpkg"
    QgsVectorFileWriter.writeAsVectorFormat(plants, str(path), "utf-8", plants.crs(), "GPKG")
    report = tmp_path / "profit.html"
    run_alg(
        "plant_profit",
        {
            "INPUT": str(path),
            "CAPACITY_FIELD": "capacity_t",
            "THROUGHPUT_FIELD": "throughput_t",
            "OUTPUT": "TEMPORARY_OUTPUT",
            "REPORT": str(report),
        },
    )
    html = report.read_text(encoding="utf-8")
    assert "Illustrative data." not in html and "As given by the inputs above" in html
