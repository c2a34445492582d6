"""HTML report of the bivariate matching (``natural_breaks_matching``) and its legend grid.

One self-contained UTF-8 page: definitions, the source's context, classes and breaks, the k×k
legend (:mod:`.bivariate_legend`, also used for maps), counts per match type, the under-served
cities with significantly too few outlets (binomial test, :mod:`.matching_significance`), the
cities under-served by class and a scatter of volume share against outlet share. Shares are shown
in percent of the totals over the cities with data, volumes in t/yr. Every fixed English string
goes through the caller's ``tr``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Callable

import numpy as np

from ..core.mismatch.bivariate import (
    MATCH_TYPES,
    MatchResult,
    palette_colors,
    under_served_summary,
)
from ..core.mismatch.classify import Breaks
from ..core.stats import to_float_array
from .bivariate_legend import fmt_share, legend_grid_svg
from .html import (
    Raw,
    chart_rc,
    esc,
    fmt_number,
    html_page,
    html_table,
    new_figure,
    svg_from_figure,
    swatch,
)
from .html import identity as _identity
from .html import plain as _plain
from .matching_significance import significance_html, significant_rows
from .ratio import MAX_POINT_LABELS, RASTERIZE_ABOVE

__all__ = ["matching_report_html"]


def _class_pair(code: str) -> tuple[int, int]:
    """(volume class, outlet class) of a ``match_code`` such as ``"3-1"``."""
    vol, outlet = code.split("-")
    return int(vol), int(outlet)


def _breaks_table(breaks: Breaks, caption: str, tr: Callable[[str], str]) -> str:
    b = breaks.breaks
    rows = [(c, fmt_share(b[c - 1]), fmt_share(b[c])) for c in range(1, breaks.k + 1)]
    return html_table(
        [tr("Class"), tr("Lower bound"), tr("Upper bound")],
        rows,
        numeric=(True, True, True),
        caption=caption,
    )


def matching_report_html(
    names: Sequence[Any],
    volume: Sequence[Any],
    outlets: Sequence[Any],
    result: MatchResult,
    *,
    title: str,
    palette: str,
    tr: Callable[[str], str] = _identity,
    notes: Sequence[str] = (),
) -> str:
    """Build the report page. ``names``, ``volume`` (t/yr), ``outlets`` follow ``result``'s rows;
    ``palette`` is a key of :data:`core.bivariate.PALETTES`."""
    names = ["" if v is None else str(v) for v in names]
    vol = to_float_array(volume, "volume")
    out = to_float_array(outlets, "outlets")
    if not len(names) == vol.shape[0] == out.shape[0] == len(result):
        raise ValueError(
            f"names/volume/outlets lengths ({len(names)}, {vol.shape[0]}, "
            f"{out.shape[0]}) differ from the result ({len(result)})"
        )
    colors = palette_colors(palette, result.k_vol, result.k_outlet)
    methods = {
        "natural_breaks": tr("natural breaks (Jenks)"),
        "quantile": tr("quantiles"),
        "equal_interval": tr("equal intervals"),
    }
    type_labels = {
        "under_served": tr("Under-served (volume class above outlet class)"),
        "balanced": tr("Balanced (same class)"),
        "over_served": tr("Over-served (outlet class above volume class)"),
        "no_data": tr("No data (volume or outlets null)"),
    }
    body: list[str] = [f"<h1>{esc(title)}</h1>"]
    body.extend(f'<div class="note">{esc(note)}</div>' for note in notes)
    body.append(
        '<p class="meta">'
        + esc(
            tr(
                "Volume share = a city's retired volume ÷ the total over the cities with data; outlet "
                "share = its recycling service outlets ÷ their total. Each share is classed on its own "
                "({method}, {k} classes); the match code is “volume class-outlet class”."
            ).format(method=methods.get(result.method, result.method), k=result.k)
        )
        + "</p>"
    )
    body.append(
        "<p>"
        + esc(
            tr(
                "Context from the source study: 18 cities hold about 170 kt of retired batteries but "
                "relatively few outlets; Shanghai holds 6.7 % of the retired volume but 2.97 % of the "
                "outlets."
            )
        )
        + "</p>"
    )

    body.append(f"<h2>{esc(tr('Summary'))}</h2>")
    valid = result.match_type != "no_data"
    summary = [
        (tr("Cities"), fmt_number(len(result))),
        (tr("Cities with volume and outlets"), fmt_number(int(np.count_nonzero(valid)))),
        (tr("Cities without data"), fmt_number(result.n_no_data)),
        (tr("Total volume (t/yr)"), fmt_number(float(np.sum(vol[valid])))),
        (tr("Total outlets"), fmt_number(float(np.sum(out[valid])))),
        (tr("Significance level of the outlet test (false discovery rate)"), f"{result.alpha:g}"),
        (tr("Classes requested"), fmt_number(result.k)),
        (tr("Volume classes"), fmt_number(result.k_vol)),
        (tr("Outlet classes"), fmt_number(result.k_outlet)),
    ]
    body.append(html_table([tr("Measure"), tr("Value")], summary, numeric=(False, True)))
    if result.reduced:
        body.append(
            '<div class="note">'
            + esc(
                tr(
                    "Fewer classes than requested: the shares have too few distinct values. Classes are "
                    "compared by their position on their own scale (lowest 0, highest 1)."
                )
            )
            + "</div>"
        )
    body.append(_breaks_table(result.vol_breaks, tr("Volume share classes"), tr))
    body.append(_breaks_table(result.outlet_breaks, tr("Outlet share classes"), tr))

    body.append(f"<h2>{esc(tr('Legend'))}</h2>")
    grid = legend_grid_svg(
        colors,
        result.k,
        result.vol_breaks,
        result.outlet_breaks,
        tr("Volume share"),
        tr("Outlet share"),
        under_label=tr("Under-served: volume class above outlet class"),
    )
    caption = tr(
        "Rows: volume share class (1 = lowest, at the bottom); columns: outlet share "
        "class. The numbers are the class bounds in % of the total over the cities "
        "with data."
    )
    body.append(f"<figure>{grid}<figcaption>{esc(caption)}</figcaption></figure>")

    body.append(f"<h2>{esc(tr('Cities by match type'))}</h2>")
    counts = result.type_counts()
    type_rows = []
    for code in MATCH_TYPES:
        rows = result.match_type == code
        known = rows & np.isfinite(vol)  # no_data rows may still have a volume
        shares = (
            (None, None)
            if code == "no_data"
            else (float(np.sum(result.vol_share[rows])), float(np.sum(result.outlet_share[rows])))
        )
        type_rows.append(
            (
                type_labels[code],
                fmt_number(counts[code]),
                fmt_number(float(np.sum(vol[known]))) if known.any() else None,
                fmt_share(shares[0]),
                fmt_share(shares[1]),
            )
        )
    body.append(
        html_table(
            [
                tr("Match type"),
                tr("Cities"),
                tr("Volume (t/yr)"),
                tr("Volume share"),
                tr("Outlet share"),
            ],
            type_rows,
            numeric=(False, True, True, True, True),
        )
    )

    body.append(f"<h2>{esc(tr('Cities with significantly too few outlets'))}</h2>")
    body.append(significance_html(names, result, fmt_share, tr))

    body.append(f"<h2>{esc(tr('Under-served cities by class'))}</h2>")
    body.append(
        '<p class="meta">'
        + esc(
            tr(
                "As in the source: the volume class is above the outlet class. This depends on where "
                "the breaks fall: a city just across a break is listed with a small gap, while a city "
                "with a large gap inside one class is not. The test above says which gaps exceed "
                "chance."
            )
        )
        + "</p>"
    )
    total = under_served_summary(names, vol, result)
    under = total["rows"]
    if not under:
        body.append(f"<p>{esc(tr('No city is under-served by class.'))}</p>")
    else:
        body.append(
            "<p>"
            + esc(
                tr(
                    "{n} cities under-served by class hold {volume} t/yr ({vol_share} of the volume "
                    "of the cities with data) and {outlet_share} of their outlets."
                ).format(
                    n=total["n"],
                    volume=fmt_number(total["total_volume"]),
                    vol_share=fmt_share(total["vol_share"]),
                    outlet_share=fmt_share(total["outlet_share"]),
                )
            )
            + "</p>"
        )
        rows_html = [
            (
                rank,
                row["name"],
                fmt_number(row["volume"]),
                fmt_share(row["vol_share"]),
                fmt_share(row["outlet_share"]),
                fmt_number(row["share_gap"] * 100.0, 2),
                Raw(swatch(colors[_class_pair(row["match_code"])]) + esc(row["match_code"])),
            )
            for rank, row in enumerate(under, start=1)
        ]
        body.append(
            html_table(
                [
                    "#",
                    tr("City"),
                    tr("Volume (t/yr)"),
                    tr("Volume share"),
                    tr("Outlet share"),
                    tr("Gap (percentage points)"),
                    tr("Classes"),
                ],
                rows_html,
                numeric=(True, False, True, True, True, True, False),
                caption=tr("By volume share, largest first"),
            )
        )

    body.append(f"<h2>{esc(tr('Volume share against outlet share'))}</h2>")
    body.append(_scatter_html(names, result, colors, [row["index"] for row in under], tr))
    body.append(
        f"<footer>{esc(tr('Generated by Battery Recycling Atlas (QGIS plugin).'))}" "</footer>"
    )
    return html_page(title, body)


def _scatter_html(
    names: Sequence[str],
    result: MatchResult,
    colors: dict[tuple[int, int], str],
    under: Sequence[int],
    tr: Callable[[str], str],
) -> str:
    idx = np.flatnonzero(result.match_type != "no_data")
    if idx.size == 0:
        return f"<p>{esc(tr('No city has both values; there is nothing to plot.'))}</p>"
    import matplotlib

    x = result.outlet_share[idx] * 100.0
    y = result.vol_share[idx] * 100.0
    fill = [colors[(int(result.vol_class[i]), int(result.outlet_class[i]))] for i in idx]
    labelled = (
        set(idx.tolist())
        if idx.size <= MAX_POINT_LABELS
        else set(significant_rows(result)[:3].tolist()) or set(list(under)[:3])
    )
    with matplotlib.rc_context(chart_rc()):
        fig = new_figure(6.5, 5.5)
        ax = fig.add_subplot()
        top = max(float(np.max(x)), float(np.max(y)), 1e-9) * 1.08
        ax.plot(
            [0, top],
            [0, top],
            color="#777777",
            linestyle="--",
            linewidth=0.9,
            zorder=1,
            label=_plain(tr("Equal shares (1:1)")),
        )
        ax.scatter(
            x,
            y,
            s=34,
            c=fill,
            edgecolors="#404040",
            linewidths=0.5,
            zorder=3,
            rasterized=idx.size > RASTERIZE_ABOVE,
        )
        sig = significant_rows(result)
        if sig.size:
            ax.scatter(
                result.outlet_share[sig] * 100.0,
                result.vol_share[sig] * 100.0,
                s=110,
                facecolors="none",
                edgecolors="#d7301f",
                linewidths=1.2,
                zorder=4,
                label=_plain(
                    tr("Significantly too few outlets (q < {alpha})").format(
                        alpha=f"{result.alpha:g}"
                    )
                ),
            )
        for xv, yv, i in zip(x, y, idx):
            if int(i) in labelled:
                ax.annotate(
                    _plain(names[i]),
                    (xv, yv),
                    xytext=(3, 3),
                    textcoords="offset points",
                    fontsize=7,
                    color="#333333",
                    zorder=4,
                )
        ax.set_xlim(0, top)
        ax.set_ylim(0, top)
        ax.set_xlabel(_plain(tr("Outlet share (% of the cities with data)")))
        ax.set_ylabel(_plain(tr("Volume share (% of the cities with data)")))
        ax.legend(fontsize=7, frameon=False, loc="upper left")
        ax.grid(True, color="#eeeeee", linewidth=0.6, zorder=0)
        ax.set_axisbelow(True)
        svg = svg_from_figure(fig, label=tr("Volume share against outlet share"))
    caption = tr(
        "Points above the dashed line hold more of the volume than of the outlets "
        "(share_gap > 0); colours are the legend's classes; red rings mark the cities "
        "with significantly too few outlets."
    )
    if idx.size > MAX_POINT_LABELS:
        caption += " " + tr(
            "Only the three largest cities with significantly too few outlets "
            "(or, without any, under-served by class) are labelled."
        )
    return f"<figure>{svg}<figcaption>{esc(caption)}</figcaption></figure>"
