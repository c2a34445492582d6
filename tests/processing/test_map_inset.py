"""The South China Sea inset never covers land of the main map (Taiwan on the narrow panels)."""

from __future__ import annotations

import pytest
from qgis.core import QgsGeometry, QgsProject, QgsRectangle, QgsVectorLayer


def land_under_inset(layout, layer, project, suffix: str = "") -> list[str]:
    """Names of the features north of 17° N that reach into the inset frame of map ``suffix``
    (no margin), computed from the rendered layout's own items."""
    from battery_recycling_atlas.processing.maps.inset import footprint, land_north_of
    from battery_recycling_atlas.processing.maps.layout import MAIN_MIN_LAT

    map_item, inset = layout.itemById(f"map{suffix}"), layout.itemById(f"inset{suffix}")
    box = inset.sceneBoundingRect()
    frame = QgsRectangle(box.left(), box.top(), box.right(), box.bottom())
    area = QgsGeometry.fromRect(footprint(map_item, frame, 0.0))
    land = land_north_of([layer], project, map_item.crs(), MAIN_MIN_LAT)
    names = {f.id(): f["name_zh"] for f in layer.getFeatures()}
    return [names[fid] for fid, g in land if g.intersects(area)]


def test_footprint_of_the_map_frame_is_its_extent(plugin, sample_gpkg, tmp_path):
    from battery_recycling_atlas.processing.maps import layout as map_layout
    from battery_recycling_atlas.processing.maps.inset import footprint

    project = QgsProject()
    layer = QgsVectorLayer(f"{sample_gpkg}|layername=provinces", "p", "ogr")
    project.addMapLayers([layer], False)
    spec = map_layout.MapSpec(panels=[layer], kind="other", title="t")
    layout = map_layout.build_layout(project, spec, "a4_landscape", tmp_path, lambda s: s)
    map_item = layout.itemById("map")
    page = map_item.sceneBoundingRect()
    got = footprint(map_item, QgsRectangle(page.left(), page.top(), page.right(), page.bottom()), 0)
    extent = map_item.extent()
    for a, b in zip(
        (got.xMinimum(), got.yMinimum(), got.xMaximum(), got.yMaximum()),
        (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()),
    ):
        assert a == pytest.approx(b, abs=1e-6 * extent.width())


@pytest.mark.parametrize("template", ["a4_landscape", "a4_portrait", "two_panels"])
def test_no_land_under_the_inset(plugin, sample_gpkg, tmp_path, template):
    from battery_recycling_atlas.processing.maps import layout as map_layout
    from battery_recycling_atlas.processing.maps.inset import MAX_STEPS

    project = QgsProject()
    layer = QgsVectorLayer(f"{sample_gpkg}|layername=provinces", "p", "ogr")
    project.addMapLayers([layer], False)
    panels = [layer, layer] if template == "two_panels" else [layer]
    spec = map_layout.MapSpec(panels=panels, kind="other", title="t")
    layout = map_layout.build_layout(project, spec, template, tmp_path, lambda s: s)
    for suffix in ("", "2")[: len(panels)]:
        assert land_under_inset(layout, layer, project, suffix) == []
    assert MAX_STEPS >= 2


def test_without_the_fix_taiwan_would_touch_the_two_panel_inset(plugin, sample_gpkg, tmp_path):
    """The case the fix is for: the plain extent puts Taiwan under the two-panel inset frame."""
    from battery_recycling_atlas.processing.maps import inset
    from battery_recycling_atlas.processing.maps import layout as map_layout

    project = QgsProject()
    layer = QgsVectorLayer(f"{sample_gpkg}|layername=provinces", "p", "ogr")
    project.addMapLayers([layer], False)
    spec = map_layout.MapSpec(panels=[layer, layer], kind="other", title="t")
    original = inset.MAX_STEPS
    try:
        inset.MAX_STEPS = 0  # no growing: the extent as map_extent frames it
        layout = map_layout.build_layout(project, spec, "two_panels", tmp_path, lambda s: s)
    finally:
        inset.MAX_STEPS = original
    assert land_under_inset(layout, layer, project) == ["台湾省"]
