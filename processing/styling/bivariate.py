"""The bivariate choropleth style: a category per ``match_code`` coloured from a core palette."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsMarkerSymbol,
    QgsRendererCategory,
    QgsSymbol,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ...core.mismatch import bivariate
from ...core.mismatch.classify import Breaks
from .postprocess import Styler

NO_DATA_COLOR = "#ffffff"


class ClassBounds(Protocol):
    """What the style reads from a matching result: the class bounds of both shares."""

    vol_breaks: Breaks
    outlet_breaks: Breaks


def breaks_text(breaks: Breaks) -> str:
    """The class bounds as a comma-separated string (the VOL_BREAKS / OUTLET_BREAKS outputs)."""
    return ",".join(format(float(b), ".10g") for b in breaks.breaks)


def _pct_range(breaks: Breaks, cls: int) -> str:
    lo, hi = breaks.breaks[cls - 1], breaks.breaks[cls]
    return f"{lo * 100:.2f}–{hi * 100:.2f} %"


def _symbol(layer: QgsVectorLayer, color: str, hatch: bool = False) -> QgsSymbol:
    if layer.geometryType() == QgsWkbTypes.PolygonGeometry:
        symbol = QgsFillSymbol.createSimple(
            {
                "color": color,
                "outline_color": "#6e6e6e",
                "outline_width": "0.15",
                "outline_width_unit": "MM",
            }
        )
        if hatch:
            lines = QgsFillSymbol.createSimple(
                {"color": "#969696", "style": "b_diagonal", "outline_style": "no"}
            )
            symbol.appendSymbolLayer(lines.symbolLayer(0).clone())
        return symbol
    return QgsMarkerSymbol.createSimple({"color": color, "outline_color": "#4d4d4d", "size": "2.4"})


def bivariate_styler(result: ClassBounds, palette: str, tr: Callable[[str], str]) -> Styler:
    """Categorized renderer on ``match_code``: the k×k palette, labels with the break values
    (shares in %), and a hatched white "no data" class for NULL codes."""
    k_vol, k_out = result.vol_breaks.k, result.outlet_breaks.k
    colors = bivariate.code_colors(palette, k_vol, k_out)

    # Labels now, in the run's language: the layer is styled later, when it is loaded.
    labels = {
        f"{v}-{o}": tr("Volume {v} ({vr}) · outlets {o} ({orange})").format(
            v=v,
            vr=_pct_range(result.vol_breaks, v),
            o=o,
            orange=_pct_range(result.outlet_breaks, o),
        )
        for v in range(k_vol, 0, -1)
        for o in range(1, k_out + 1)
    }
    no_data = tr("No data")

    def style(layer: QgsVectorLayer) -> bool:
        categories = [
            QgsRendererCategory(code, _symbol(layer, colors[code]), label)
            for code, label in labels.items()
        ]
        categories.append(
            QgsRendererCategory(None, _symbol(layer, NO_DATA_COLOR, hatch=True), no_data)
        )
        layer.setRenderer(QgsCategorizedSymbolRenderer("match_code", categories))
        return True

    return style
