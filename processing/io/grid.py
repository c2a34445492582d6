"""Extent of ``profit_surface``'s supply read from the layer (the grids themselves are computed
in ``core.siting.extent``)."""

from __future__ import annotations

import numpy as np

from ...core.siting.extent import BBox, bbox_of_boxes, bbox_of_points
from .siting import Located


def supply_bbox(supply: Located, use: np.ndarray) -> BBox:
    """Bounding box (m) of the supply taking part: polygons by their projected geometry,
    points by their location."""
    if supply.polygons and supply.geoms is not None:
        boxes = [g.boundingBox() for g, u in zip(supply.geoms, use) if u and not g.isEmpty()]
        return bbox_of_boxes(
            (b.xMinimum(), b.yMinimum(), b.xMaximum(), b.yMaximum()) for b in boxes
        )
    return bbox_of_points(supply.x, supply.y, use)
