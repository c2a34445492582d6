"""The k×k legend of the bivariate matching (``natural_breaks_matching``) as hand-written
inline SVG, shared by the matching report (:mod:`.matching`) and the map layouts; class bounds
are shares of the totals shown in percent (:func:`fmt_share`).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..core.mismatch.bivariate import match_types
from ..core.mismatch.classify import Breaks
from .html import esc

__all__ = ["SVG_FONT", "fmt_share", "legend_grid_svg"]

#: Font families written into the legend SVG, so Chinese titles render (as in the page CSS).
SVG_FONT = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'DejaVu Sans', sans-serif"


def fmt_share(value: Any) -> str:
    """A share (fraction) in percent: 0.0297 → ``2.97 %``; below 0.1 % two significant digits
    (0.000123 → ``0.012 %``); dash if null."""
    try:
        pct = float(value) * 100.0
    except (TypeError, ValueError):
        return "\u2014"
    if not np.isfinite(pct):
        return "\u2014"
    if pct == 0.0 or abs(pct) >= 0.1:
        return f"{pct:.2f} %"
    return f"{pct:.2g} %"


def _text_width(text: str, size: float) -> float:
    """Rough rendered width (px): CJK/full-width characters 1 em, others 0.6 em."""
    return sum(size if ord(ch) >= 0x2E80 else 0.6 * size for ch in text)


def legend_grid_svg(
    colors: dict[tuple[int, int], str],
    k: int,
    vol_breaks: Breaks | None,
    outlet_breaks: Breaks | None,
    vol_title: str,
    outlet_title: str,
    *,
    cell: float = 44.0,
    font_size: float = 11.0,
    under_label: str = "",
) -> str:
    """The bivariate legend as a standalone ``<svg>`` (SVG 1.1 / Tiny: rects, text, rotate).

    Rows are volume classes (1 at the bottom), columns outlet classes (1 at the left); cell
    (v, o) is filled with ``colors[(v, o)]``. The grid has ``vol_breaks.k`` rows and
    ``outlet_breaks.k`` columns (fewer than ``k`` when breaks were reduced; ``k`` when a breaks
    argument is None, and then no bound labels are drawn). The class bounds are written at the
    cell edges with :func:`fmt_share` (y axis: volume, x axis: outlets, labels at 45°); the
    titles (escaped) get an arrow towards "high". With ``under_label``, the under-served cells
    (volume class above outlet class) carry a small ring, explained by that text under the
    x title.
    """
    rows = vol_breaks.k if vol_breaks is not None else int(k)
    cols = outlet_breaks.k if outlet_breaks is not None else int(k)
    fs, pad = float(font_size), 6.0
    ylabels = [fmt_share(b) for b in vol_breaks.breaks] if vol_breaks is not None else []
    xlabels = [fmt_share(b) for b in outlet_breaks.breaks] if outlet_breaks is not None else []
    ytitle, xtitle = f"{vol_title} \u2192", f"{outlet_title} \u2192"
    ylab_w = max((_text_width(s, fs) for s in ylabels), default=0.0)
    xlab_drop = 0.7071 * max((_text_width(s, fs) for s in xlabels), default=0.0)
    grid_w, grid_h = cols * cell, rows * cell
    yt_w, xt_w = _text_width(ytitle, fs + 1), _text_width(xtitle, fs + 1)
    gx = max(pad + 1.4 * (fs + 1) + pad + ylab_w + pad, pad + xlab_drop + fs)
    gx = max(gx, pad + xt_w / 2 - grid_w / 2)  # room for a long x title
    gy = pad + fs / 2 + max(0.0, (yt_w - grid_h) / 2)
    xt_y = gy + grid_h + pad + xlab_drop + fs * 0.8 + 1.3 * (fs + 1)
    width = max(gx + grid_w + pad + fs, gx + grid_w / 2 + xt_w / 2 + pad)
    key_y = xt_y + 1.5 * fs
    if under_label:
        width = max(width, gx + _text_width(under_label, fs) + 2 * fs + pad)
    height = max((key_y if under_label else xt_y) + pad, gy + grid_h / 2 + yt_w / 2 + pad)
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{width:.0f}" '
        f'height="{height:.0f}" viewBox="0 0 {width:.1f} {height:.1f}" role="img" '
        f'aria-label="{esc(vol_title)} / {esc(outlet_title)}" font-family="{SVG_FONT}" '
        f'font-size="{fs:g}" fill="#222222">',
        f"<title>{esc(vol_title)} / {esc(outlet_title)}</title>",
    ]
    for v in range(1, rows + 1):
        for o in range(1, cols + 1):
            x, y = gx + (o - 1) * cell, gy + (rows - v) * cell
            fill = colors.get((v, o), "#ffffff")
            out.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{cell:.1f}" height="{cell:.1f}" '
                f'fill="{esc(fill)}" stroke="#ffffff" stroke-width="1"/>'
            )
    out.append(
        f'<rect x="{gx:.1f}" y="{gy:.1f}" width="{grid_w:.1f}" height="{grid_h:.1f}" '
        'fill="none" stroke="#666666" stroke-width="0.8"/>'
    )
    ring = f'r="{cell * 0.13:.1f}" fill="none" stroke="#111111" stroke-width="1.4"'
    if under_label:
        for v in range(1, rows + 1):
            for o in range(1, cols + 1):
                if match_types([v], [o], rows, cols)[0] == "under_served":
                    cx, cy = gx + (o - 0.5) * cell, gy + (rows - v + 0.5) * cell
                    out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" {ring}/>')
    for i, text in enumerate(ylabels):  # volume bounds, bottom to top
        y = gy + grid_h - i * cell
        out.append(
            f'<line x1="{gx - 3:.1f}" y1="{y:.1f}" x2="{gx:.1f}" y2="{y:.1f}" '
            'stroke="#666666" stroke-width="0.8"/>'
        )
        out.append(
            f'<text x="{gx - 5:.1f}" y="{y + fs * 0.35:.1f}" '
            f'text-anchor="end">{esc(text)}</text>'
        )
    for j, text in enumerate(xlabels):  # outlet bounds, left to right
        x, y = gx + j * cell, gy + grid_h
        out.append(
            f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x:.1f}" y2="{y + 3:.1f}" '
            'stroke="#666666" stroke-width="0.8"/>'
        )
        out.append(
            f'<text x="{x + fs * 0.3:.1f}" y="{y + 5 + fs * 0.6:.1f}" text-anchor="end" '
            f'transform="rotate(-45 {x + fs * 0.3:.1f} {y + 5 + fs * 0.6:.1f})">'
            f"{esc(text)}</text>"
        )
    ty_x, ty_y = pad + fs + 1, gy + grid_h / 2
    out.append(
        f'<text x="{ty_x:.1f}" y="{ty_y:.1f}" text-anchor="middle" font-size="{fs + 1:g}" '
        f'font-weight="bold" transform="rotate(-90 {ty_x:.1f} {ty_y:.1f})">'
        f"{esc(ytitle)}</text>"
    )
    out.append(
        f'<text x="{gx + grid_w / 2:.1f}" y="{xt_y:.1f}" text-anchor="middle" '
        f'font-size="{fs + 1:g}" font-weight="bold">{esc(xtitle)}</text>'
    )
    if under_label:
        out.append(
            f'<circle cx="{gx + fs * 0.5:.1f}" cy="{key_y - fs * 0.35:.1f}" '
            f'r="{fs * 0.4:.1f}" fill="none" stroke="#111111" stroke-width="1.4"/>'
        )
        out.append(f'<text x="{gx + fs * 1.3:.1f}" y="{key_y:.1f}">{esc(under_label)}</text>')
    out.append("</svg>")
    return "\n".join(out)
