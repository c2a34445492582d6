"""What one publication figure shows (:class:`MapSpec`): filled by ``export_publication_map``,
read by the layout and its legend."""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import QgsMapLayer, QgsVectorLayer

from ...core.mismatch.classify import Breaks


@dataclass
class MapSpec:
    """What one figure shows. ``panels`` holds one layer, or two for the two-panel template;
    the layers are styled copies owned by the layout's project."""

    panels: list[QgsMapLayer]
    kind: str
    title: str
    subtitle: str = ""
    note: str = ""
    legend_title: str = ""
    panel_titles: list[str] = field(default_factory=list)
    extras: list[QgsVectorLayer] = field(default_factory=list)
    line: QgsVectorLayer | None = None
    land: QgsVectorLayer | None = None
    legend_extras: list[QgsMapLayer] = field(default_factory=list)
    overlays: list[QgsMapLayer] = field(default_factory=list)  # above the layer (rasters)
    legend_names: dict[str, str] = field(default_factory=dict)  # layer id → legend heading
    inset: bool = True
    vol_breaks: Breaks | None = None
    outlet_breaks: Breaks | None = None
    clip_features: bool = False  # cut features at the map frames (SVG ignores clip paths)
