"""Helpers for self-contained HTML reports: escaping, tables, inline SVG charts, page wrapper.

Reports are single UTF-8 files with inline CSS and inline SVG (no external files, no scripts),
readable in QGIS's browser, any web browser, and on paper. Charts are drawn with matplotlib's
object API (``Figure`` + a backend canvas), never pyplot, so no GUI backend is touched.
"""

from __future__ import annotations

import html
import io
import math
import re
from collections.abc import Iterable, Sequence
from typing import Any, Callable

import numpy as np

__all__ = [
    "CJK_FONT_FAMILIES",
    "Raw",
    "available_font_families",
    "chart_rc",
    "esc",
    "fmt_number",
    "fmt_percent",
    "html_page",
    "html_table",
    "new_figure",
    "swatch",
    "svg_from_figure",
]

#: Font families tried in order for chart text, so Chinese names render.
CJK_FONT_FAMILIES: Sequence[str] = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "SimHei",
    "DejaVu Sans",
)

DASH = "\u2014"  # shown for null / undefined values


class Raw(str):
    """A string of trusted HTML that :func:`html_table` inserts without escaping."""


def esc(value: Any) -> str:
    """HTML-escape ``str(value)`` (quotes included); ``None`` becomes an empty string."""
    if isinstance(value, Raw):
        return str(value)
    return html.escape("" if value is None else str(value), quote=True)


def _finite(value: Any) -> bool:
    try:
        return value is not None and math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def fmt_number(value: Any, digits: int = 0, *, grouping: bool = True) -> str:
    """Fixed-point number with ``digits`` decimals and thousands separators; dash if null."""
    if not _finite(value):
        return DASH
    return f"{float(value):{',' if grouping else ''}.{digits}f}"


def fmt_percent(value: Any, digits: int = 1) -> str:
    """A fraction shown as percent (0.115 → ``11.5 %``); dash if null."""
    if not _finite(value):
        return DASH
    return f"{float(value) * 100:.{digits}f} %"


def chinese(tr: Callable[[str], str]) -> bool:
    """True when ``tr`` writes Chinese: the catalogue translates the marker "en" as "zh" (as
    Qt's own catalogues translate QT_LAYOUT_DIRECTION)."""
    return tr("en") == "zh"


def money_unit(tr: Callable[[str], str], values: Any = ()) -> tuple[str, float, int]:
    """(unit, CNY per unit, decimals) for money shown in a report: CNY millions with one decimal
    in English; in Chinese 亿元 with two decimals when the largest |value| reaches 1 亿元,
    else 万元 without decimals (the units Chinese readers use)."""
    if not chinese(tr):
        return tr("M CNY"), 1e6, 1
    finite = np.abs(np.asarray(values, dtype=float).ravel())
    finite = finite[np.isfinite(finite)]
    if finite.size and float(finite.max()) >= 1e8:
        return "亿元", 1e8, 2
    return "万元", 1e4, 0


def fmt_money(value: Any, unit: tuple[str, float, int]) -> str:
    """``value`` (CNY) in ``unit`` (from :func:`money_unit`) with thousands separators; no unit
    text (it goes in the column header); dash if null."""
    if not _finite(value):
        return DASH
    return fmt_number(float(value) / unit[1], unit[2])


#: CNY per 亿元 (100 M CNY), the money unit of the charts.
YI = 1e8


def identity(text: str) -> str:
    """The default ``tr`` of the report builders: no translation."""
    return text


def plain(text: Any) -> str:
    """Escape ``$`` so matplotlib never reads chart text as mathtext."""
    return str(text).replace("$", r"\$")


def fmt_p(value: float | None) -> str:
    """A p-value for a table: 4 decimals, ``< 0.0001`` below that, a dash when undefined
    (None, NaN or ±inf: never shown as "nan")."""
    if value is None or not _finite(value):
        return DASH
    return "< 0.0001" if value < 1e-4 else f"{value:.4f}"


def swatch(color: str, edge: str = "#404040") -> Raw:
    """A small colour square for legends and table cells."""
    return Raw(
        f'<span class="swatch" style="background:{esc(color)};border-color:{esc(edge)}">' "</span>"
    )


def html_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    numeric: Sequence[bool] = (),
    caption: str | None = None,
    css_class: str = "data",
) -> str:
    """An HTML table; cells are escaped unless they are :class:`Raw`.

    ``numeric[i]`` right-aligns column ``i`` (tabular figures). ``None`` cells show a dash.
    """

    def cell(tag: str, value: Any, i: int) -> str:
        cls = ' class="num"' if i < len(numeric) and numeric[i] else ""
        text = DASH if value is None else esc(value)
        return f"<{tag}{cls}>{text}</{tag}>"

    out: list[str] = [f'<table class="{esc(css_class)}">']
    if caption:
        out.append(f"<caption>{esc(caption)}</caption>")
    out.append("<thead><tr>" + "".join(cell("th", h, i) for i, h in enumerate(headers)))
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>" + "".join(cell("td", v, i) for i, v in enumerate(row)) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def available_font_families(preferred: Sequence[str] = CJK_FONT_FAMILIES) -> list[str]:
    """The ``preferred`` families that matplotlib can find, always ending with DejaVu Sans.

    Filtering first avoids matplotlib logging a "font family not found" warning per family.
    """
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    families = [name for name in preferred if name in installed]
    if "DejaVu Sans" not in families:
        families.append("DejaVu Sans")  # bundled with matplotlib
    return families


def new_figure(width_in: float = 7.5, height_in: float = 5.0) -> Any:
    """A pyplot-free matplotlib ``Figure`` (inches) with the SVG canvas attached."""
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    try:
        fig = Figure(figsize=(width_in, height_in), layout="constrained")
    except TypeError:  # matplotlib < 3.5
        fig = Figure(figsize=(width_in, height_in), constrained_layout=True)
    FigureCanvasSVG(fig)
    return fig


def chart_rc() -> dict[str, Any]:
    """matplotlib rc settings for report charts: CJK-capable fonts, text drawn as paths.

    Use as ``with matplotlib.rc_context(chart_rc()):`` around building *and* rendering a chart
    (text objects take their font when created).
    """
    return {
        "font.family": available_font_families(),
        "svg.fonttype": "path",
        "svg.hashsalt": "battery_recycling_atlas",
        "font.size": 9,
    }


_XML_PROLOG = re.compile(r"^\s*<\?xml[^>]*\?>\s*(<!DOCTYPE[^>]*>\s*)?", re.S)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)


def svg_from_figure(fig: Any, *, label: str = "") -> str:
    """Render ``fig`` to an inline ``<svg>`` element (text as paths, scales to page width).

    ``label`` becomes the accessible name (``aria-label``). Output is deterministic: no date in
    the metadata and fixed element ids.
    """
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasSVG) else FigureCanvasSVG(fig)
    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "battery_recycling_atlas"}):
        canvas.print_svg(buf, metadata={"Date": None})
    svg = _METADATA.sub("", _XML_PROLOG.sub("", buf.getvalue(), count=1), count=1)
    attrs = 'role="img" style="max-width:100%;height:auto"'
    if label:
        attrs += f' aria-label="{esc(label)}"'
    return svg.replace("<svg ", f"<svg {attrs} ", 1)


_CSS = """
:root { color-scheme: light; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Segoe UI",
  Roboto, Helvetica, Arial, sans-serif; color: #222; margin: 2em auto; max-width: 60em;
  padding: 0 1.5em; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: .3em; }
h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #ccc; padding-bottom: .2em; }
p.meta { color: #555; font-size: .9em; }
.note { background: #fff4e5; border-left: 4px solid #e66101; padding: .5em .9em; margin: .6em 0; }
table { border-collapse: collapse; margin: .6em 0; font-size: .92em; }
th, td { border-bottom: 1px solid #ddd; padding: .25em .7em; text-align: left;
  vertical-align: top; }
th { background: #f2f2f2; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
table.compact { font-size: .82em; }
table.compact th, table.compact td { padding: .2em .45em; }
caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: .3em; }
.swatch { display: inline-block; width: .9em; height: .9em; border: 1px solid #404040;
  vertical-align: -0.1em; margin-right: .35em; }
figure { margin: 1em 0; }
figcaption { color: #555; font-size: .88em; }
footer { margin-top: 2em; color: #777; font-size: .85em; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; }
  table, figure, .note { break-inside: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
@page { size: A4; margin: 15mm; }
"""


#: Series colours for charts with several categories: Okabe & Ito's (2008) palette, which stays
#: distinguishable under every common colour-vision deficiency (no red beside green).
SERIES_COLORS = (
    "#0072B2",
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#CC79A7",
    "#D55E00",
    "#F0E442",
    "#000000",
)


def html_page(title: str, body: Iterable[str], *, lang: str = "en") -> str:
    """A complete UTF-8 HTML document with inline CSS; ``body`` parts are trusted HTML."""
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
