"""The bivariate legend of a matching output: the class bounds (given as text, or read back
from the layer's shares and classes), the colour of each class pair as the layer draws it, and
the k×k grid as an SVG picture."""

from __future__ import annotations

import math
from collections.abc import Callable

from qgis.core import QgsFeatureRequest, QgsVectorLayer

from ...core.mismatch import bivariate
from ...core.mismatch.classify import Breaks
from ..io.layers import to_float


def parse_breaks(text: str, k_max: int = 5) -> Breaks | None:
    """``VOL_BREAKS`` / ``OUTLET_BREAKS`` text ("0.001,0.004,0.01,0.07") as :class:`Breaks`;
    None when empty. Raises ``ValueError`` when it is not 3–``k_max``+1 finite, strictly
    increasing numbers (a NaN or an infinite bound would draw a legend with wrong bounds)."""
    if not text or not text.strip():
        return None
    values = [float(v) for v in text.replace("，", ",").replace(";", ",").split(",") if v.strip()]
    if (
        not 2 <= len(values) - 1 <= k_max
        or not all(math.isfinite(v) for v in values)
        or any(b <= a for a, b in zip(values, values[1:]))
    ):
        raise ValueError(text)
    return Breaks("given", len(values) - 1, len(values) - 1, tuple(values))


def derived_breaks(layer: QgsVectorLayer, share_field: str, class_field: str) -> Breaks | None:
    """Class bounds read back from a matching output: the smallest share of class 1, then the
    largest share of each class. For natural breaks (and any method whose bounds are data
    values) these are exactly the algorithm's breaks; None when the fields are missing."""
    fields = layer.fields()
    share_idx, class_idx = fields.lookupField(share_field), fields.lookupField(class_field)
    if share_idx < 0 or class_idx < 0:
        return None
    low: float | None = None
    high: dict[int, float] = {}
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes([share_idx, class_idx])
    for feature in layer.getFeatures(request):
        share, cls = to_float(feature.attribute(share_idx)), to_float(feature.attribute(class_idx))
        if share is None or cls is None or cls < 1:
            continue
        cls = int(cls)
        high[cls] = max(high.get(cls, share), share)
        if cls == 1:
            low = share if low is None else min(low, share)
    k = max(high, default=0)
    if low is None or k < 1 or sorted(high) != list(range(1, k + 1)):
        return None
    return Breaks("derived", k, k, (low, *(high[c] for c in range(1, k + 1))))


def bivariate_breaks(
    layer: QgsVectorLayer, vol: Breaks | None = None, out: Breaks | None = None
) -> tuple[Breaks | None, Breaks | None]:
    """The volume and outlet class bounds: those given, else read back from the layer."""
    return (
        vol or derived_breaks(layer, "vol_share", "vol_class"),
        out or derived_breaks(layer, "outlet_share", "outlet_class"),
    )


def bivariate_colors(layer: QgsVectorLayer, k_vol: int, k_out: int) -> dict[tuple[int, int], str]:
    """Colour of each class pair as the layer draws it (its categories on ``match_code``);
    the default palette for pairs it does not style."""
    colors = bivariate.palette_colors(bivariate.DEFAULT_PALETTE, k_vol, k_out)
    renderer = layer.renderer()
    if (
        renderer is not None
        and renderer.type() == "categorizedSymbol"
        and renderer.classAttribute() == "match_code"
    ):
        for category in renderer.categories():
            parts = str(category.value()).split("-")
            if len(parts) == 2 and all(p.isdigit() for p in parts):
                colors[(int(parts[0]), int(parts[1]))] = category.symbol().color().name()
    return colors


def bivariate_legend_svg(
    layer: QgsVectorLayer,
    tr: Callable[[str], str],
    vol: Breaks | None = None,
    out: Breaks | None = None,
    font_family: str = "",
) -> tuple[str, Breaks, Breaks] | None:
    """The k×k legend grid of a matching output (core's ``legend_grid_svg``), with the class
    bounds given or read back from the layer; None when the bounds cannot be found."""
    from ...reports.bivariate_legend import SVG_FONT, legend_grid_svg

    vol, out = bivariate_breaks(layer, vol, out)
    if vol is None or out is None:
        return None
    colors = bivariate_colors(layer, vol.k, out.k)
    svg = legend_grid_svg(
        colors,
        max(vol.k, out.k),
        vol,
        out,
        tr("Volume share"),
        tr("Outlet share"),
        cell=40.0,
        font_size=11.0,
        under_label=tr("Under-served: volume class above outlet class"),
    )
    if font_family:  # one family: Qt's SVG renderer does not read a fallback list
        svg = svg.replace(SVG_FONT, font_family.replace('"', ""))
    return svg, vol, out
