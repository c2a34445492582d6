"""Write the print-layout templates of ``export_publication_map`` into ``resources/layouts``.

Run with the Python that has QGIS: ``.venv/bin/python tools/build_layouts.py``. The ``.qpt``
files are committed; this script keeps them reproducible. Open a template in QGIS's layout
designer (*Project ▸ New Print Layout ▸ Add Items from Template*) to restyle it: the algorithm
only needs the item ids below, and it keeps the positions, sizes and font sizes it finds.

Item ids: ``title``, ``subtitle``, ``map`` (and ``map2`` for the right panel), ``inset`` /
``inset2`` (South China Sea inset maps), ``inset_label`` / ``inset_label2``, ``panel_title`` /
``panel_title2``, ``legend`` (a legend; for bivariate layers it shows only the "no data"
entry, below the grid), ``legend_grid`` (picture holding the bivariate k×k legend),
``scalebar``, ``north_arrow``, ``source_note``. Lengths are millimetres.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
LAYOUTS = ROOT / "resources" / "layouts"

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsLayoutItem,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsScaleBarSettings,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

#: Albers equal-area conic for China (the algorithm sets it again; stored for the designer).
#: The layout's CRS as stored in the templates; the algorithm sets core.constants.ALBERS_CHINA (the
#: same projection) at run time.
ALBERS = "+proj=aea +lat_1=25 +lat_2=47 +lon_0=105 +datum=WGS84 +units=m +no_defs"
#: Mainland China north of 17° N in :data:`ALBERS` metres (xmin, ymin, xmax, ymax).
CHINA_ALBERS = (-2_770_000.0, 1_625_000.0, 2_352_000.0, 6_066_000.0)
FAMILY = "Noto Sans CJK SC"  # replaced at run time by the first CJK family installed
INK, GREY = QColor("#222222"), QColor("#555555")


def font(size: float, bold: bool = False) -> QFont:
    """The template font: family, size in points, weight."""
    f = QFont(FAMILY)
    f.setPointSizeF(size)
    f.setBold(bold)
    return f


def place(
    item: QgsLayoutItem,
    x: float,
    y: float,
    w: float,
    h: float,
    ref: QgsLayoutItem.ReferencePoint = QgsLayoutItem.UpperLeft,
) -> None:
    """Position ``item`` by its reference point at (x, y) mm with size w × h mm."""
    item.setReferencePoint(ref)
    item.attemptResize(QgsLayoutSize(w, h))
    item.attemptMove(QgsLayoutPoint(x, y))


def label(
    layout, item_id: str, rect, size: float, bold=False, color=INK, align=Qt.AlignmentFlag.AlignLeft
) -> QgsLayoutItemLabel:
    """A text label; the algorithm fills in the text."""
    item = QgsLayoutItemLabel(layout)
    item.setId(item_id)
    item.setText(item_id)
    item.setFont(font(size, bold))
    item.setFontColor(color)
    item.setHAlign(align)
    item.setVAlign(Qt.AlignmentFlag.AlignTop)
    layout.addLayoutItem(item)
    place(item, *rect)
    return item


def map_item(layout, item_id: str, rect, frame_mm: float = 0.25) -> QgsLayoutItemMap:
    """A map frame; layers, CRS and extent are set by the algorithm."""
    item = QgsLayoutItemMap(layout)
    item.setId(item_id)
    item.setCrs(QgsCoordinateReferenceSystem.fromProj(ALBERS))
    item.setFrameEnabled(True)
    item.setFrameStrokeWidth(QgsLayoutMeasurement(frame_mm))
    item.setFrameStrokeColor(QColor("#444444"))
    item.setBackgroundColor(QColor("#ffffff"))
    layout.addLayoutItem(item)
    place(item, *rect)
    item.zoomToExtent(QgsRectangle(*CHINA_ALBERS))  # replaced at run time
    return item


def inset(layout, suffix: str, x_right: float, y_bottom: float, w: float, h: float) -> None:
    """The South China Sea inset (lower-right corner at x_right, y_bottom) and its caption."""
    map_item(layout, f"inset{suffix}", (x_right, y_bottom, w, h, QgsLayoutItem.LowerRight), 0.3)
    caption = label(
        layout,
        f"inset_label{suffix}",
        (x_right - 0.6, y_bottom - 0.6, w - 1.2, 3.4, QgsLayoutItem.LowerRight),
        5.0,
        color=GREY,
        align=Qt.AlignmentFlag.AlignRight,
    )
    caption.setVAlign(Qt.AlignmentFlag.AlignBottom)
    # The inset reaches south of the line's last dash (map_layout.INSET_BOX), so the caption
    # sits in open sea; a white box keeps it legible over neighbouring land.
    caption.setBackgroundEnabled(True)
    caption.setBackgroundColor(QColor(255, 255, 255, 220))


def legend(layout, x: float, y: float, columns: int = 1, ref=QgsLayoutItem.LowerLeft) -> None:
    """The legend and the picture that replaces it for bivariate layers (same anchor)."""
    item = QgsLayoutItemLegend(layout)
    item.setId("legend")
    item.setTitle("")
    item.setColumnCount(columns)
    item.setSplitLayer(True)
    item.setEqualColumnWidth(False)
    item.setSymbolWidth(7.0)
    item.setSymbolHeight(4.2)
    item.setBackgroundEnabled(True)
    item.setBackgroundColor(QColor(255, 255, 255, 235))
    item.setFrameEnabled(False)
    item.setBoxSpace(1.6)
    item.setStyleFont(QgsLegendStyle.Title, font(8.5, True))
    item.setStyleFont(QgsLegendStyle.Group, font(7.5, True))
    item.setStyleFont(QgsLegendStyle.Subgroup, font(7.5, True))
    item.setStyleFont(QgsLegendStyle.SymbolLabel, font(7.0))
    item.rstyle(QgsLegendStyle.Symbol).setMargin(QgsLegendStyle.Top, 1.2)
    item.setResizeToContents(True)
    layout.addLayoutItem(item)
    place(item, x, y, 40, 30, ref)
    grid = QgsLayoutItemPicture(layout)
    grid.setId("legend_grid")
    grid.setResizeMode(QgsLayoutItemPicture.Zoom)
    grid.setBackgroundEnabled(True)
    grid.setBackgroundColor(QColor(255, 255, 255, 235))
    layout.addLayoutItem(grid)
    place(grid, x, y, 50, 50, ref)


def decorations(layout, north: tuple, bar: tuple, note: tuple) -> None:
    """North arrow, scale bar (km, fitted to 15–35 mm) and the source note."""
    arrow = QgsLayoutItemPicture(layout)
    arrow.setId("north_arrow")
    arrow.setResizeMode(QgsLayoutItemPicture.Zoom)
    layout.addLayoutItem(arrow)
    place(arrow, *north)
    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setId("scalebar")
    scalebar.setStyle("Single Box")
    scalebar.setUnits(QgsUnitTypes.DistanceKilometers)
    scalebar.setUnitLabel("km")
    scalebar.setNumberOfSegments(2)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setUnitsPerSegment(250)
    scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    scalebar.setMinimumBarWidth(15)
    scalebar.setMaximumBarWidth(32)
    scalebar.setHeight(1.4)
    scalebar.setLabelBarSpace(1.2)
    scalebar.setBoxContentSpace(0.8)
    text = QgsTextFormat()
    text.setFont(font(6.5))
    text.setSize(6.5)
    text.setColor(INK)
    scalebar.setTextFormat(text)
    scalebar.setBackgroundEnabled(False)
    layout.addLayoutItem(scalebar)
    place(scalebar, *bar)
    label(layout, "source_note", note, 6.5, color=GREY)


def new_layout(name: str, orientation) -> QgsPrintLayout:
    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()
    layout.setName(name)
    layout.pageCollection().page(0).setPageSize("A4", orientation)
    return layout


def a4_landscape() -> QgsPrintLayout:
    """One map filling an A4 landscape page; legend lower left, inset lower right."""
    layout = new_layout("A4 landscape", QgsLayoutItemPage.Landscape)
    label(layout, "title", (10, 7, 277, 10), 17, bold=True)
    label(layout, "subtitle", (10, 17.2, 277, 7), 10.5, color=GREY)
    map_item(layout, "map", (10, 25.5, 277, 166.5))
    inset(layout, "", 285.5, 190.5, 36, 38)
    legend(layout, 11.5, 190.5)
    decorations(
        layout,
        north=(274, 28, 9, 14),
        bar=(14, 29, 30, 8, QgsLayoutItem.UpperLeft),
        note=(10, 193.5, 277, 10),
    )
    return layout


def a4_portrait() -> QgsPrintLayout:
    """One map across an A4 portrait page; legend below the map, inset lower right."""
    layout = new_layout("A4 portrait", QgsLayoutItemPage.Portrait)
    label(layout, "title", (10, 10, 190, 16), 16, bold=True)
    label(layout, "subtitle", (10, 26, 190, 10), 10.5, color=GREY)
    map_item(layout, "map", (10, 37, 190, 168))
    inset(layout, "", 198.5, 203.5, 28, 30)
    legend(layout, 10, 209, ref=QgsLayoutItem.UpperLeft)
    decorations(
        layout,
        north=(188, 40, 9, 14),
        bar=(200, 208, 30, 8, QgsLayoutItem.UpperRight),
        note=(10, 276, 190, 12),
    )
    return layout


def two_panels() -> QgsPrintLayout:
    """Two maps side by side on A4 landscape (e.g. 2025 vs 2030) with one shared legend."""
    layout = new_layout("Two panels", QgsLayoutItemPage.Landscape)
    label(layout, "title", (10, 7, 277, 10), 17, bold=True)
    label(layout, "subtitle", (10, 17.2, 277, 7), 10.5, color=GREY)
    for suffix, x in (("", 10.0), ("2", 151.0)):
        label(layout, f"panel_title{suffix}", (x, 26.5, 136, 6), 11, bold=True)
        map_item(layout, f"map{suffix}", (x, 33, 136, 122))
        inset(layout, suffix, x + 135.5, 154.5, 25, 27)
    legend(layout, 10, 158.5, columns=4, ref=QgsLayoutItem.UpperLeft)
    decorations(
        layout,
        north=(278, 35.5, 7, 11),
        bar=(12, 154, 30, 8, QgsLayoutItem.LowerLeft),
        note=(10, 194, 277, 10),
    )
    return layout


def main() -> int:
    app = QgsApplication([], False)
    app.initQgis()
    LAYOUTS.mkdir(parents=True, exist_ok=True)
    for name, build in (
        ("a4_landscape", a4_landscape),
        ("a4_portrait", a4_portrait),
        ("two_panels", two_panels),
    ):
        layout = build()
        path = LAYOUTS / f"{name}.qpt"
        if not layout.saveAsTemplate(str(path), QgsReadWriteContext()):
            print(f"could not write {path}", file=sys.stderr)
            return 1
        print(f"wrote {path.relative_to(ROOT)}")
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
