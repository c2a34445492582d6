"""Report section: does capacity follow retirement? The log–log elasticity (ratio report).

HTML for :func:`core.report.ratio_report_html`: the elasticity of retirement with respect to
capacity with its 95 % interval and the test of proportional placement, a plain-words reading,
the method's assumptions, a log–log scatter with the observed and the proportional line, and
the caveat on the source's ratio-on-capacity regression. Volumes are charted in kt/yr.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Callable

import numpy as np

from ..core.mismatch.ratio import RatioResult
from ..core.stats import Elasticity
from .chart_labels import extremes_first, place_labels
from .html import chart_rc, esc, fmt_number, html_table, new_figure, svg_from_figure
from .html import fmt_p as _fmt_p
from .html import plain as _plain

__all__ = ["elasticity_html", "ratio_caveat_html"]

#: Charts label every point up to this many regions.


def elasticity_html(
    names: Sequence[str], result: RatioResult, fit: Elasticity, tr: Callable[[str], str]
) -> str:
    """The elasticity section: method, table, reading, assumptions and the log–log chart."""
    parts: list[str] = [
        "<p>"
        + esc(
            tr(
                "Ordinary least squares of ln retirement on ln capacity over the regions where both "
                "are above zero. The slope, the elasticity, is the percentage by which retirement "
                "is higher where capacity is 1 % higher. A slope of 1 means capacity placed in "
                "proportion to retirement, so the ratio does not depend on capacity; a slope below "
                "1 means the larger capacities sit where retirements are relatively small; above "
                "1, where they are relatively large."
            )
        )
        + "</p>"
    ]
    if fit.slope is None:
        text = tr(
            "The elasticity is undefined: it needs at least 3 regions with retirement "
            "and capacity above zero, and capacities that differ (n = {n})."
        )
        parts.append(f"<p>{esc(text.format(n=fit.n))}</p>")
        return "\n".join(parts)
    level = fmt_number(fit.level * 100, 0)
    rows = [
        (tr("Elasticity (slope)"), fmt_number(fit.slope, 3)),
        (
            tr("{level} % confidence interval").format(level=level),
            f"{fmt_number(fit.low, 3)} – {fmt_number(fit.high, 3)}",
        ),
        (
            tr("p-value of slope = 1 (proportional placement, two-sided)"),
            _fmt_p(fit.p_proportional),
        ),
        ("R²", fmt_number(fit.r2, 3)),
        ("n", fmt_number(fit.n)),
    ]
    parts.append(html_table([tr("Statistic"), tr("Value")], rows, numeric=(False, True)))
    parts.append("<p><strong>" + esc(_reading(fit, level, tr)) + "</strong></p>")
    parts.append(
        '<p class="meta">'
        + esc(
            tr(
                "Assumptions: a straight line on logarithmic scales; regions are independent "
                "observations; residuals of equal spread, normally distributed for the interval and "
                "the p-value (Student's t, n − 2 degrees of freedom). Regions with zero retirement or "
                "zero capacity are left out. Association across regions, not cause."
            )
        )
        + "</p>"
    )
    with np.errstate(invalid="ignore"):
        left_out = int(np.count_nonzero((result.retirement > 0) & (result.capacity == 0)))
    if left_out:
        parts.append(
            '<div class="note">'
            + esc(
                tr(
                    "{n} regions with retirement but no capacity are outside the fit (no logarithm of "
                    "0), although they are the plainest case of capacity not following retirement."
                ).format(n=left_out)
            )
            + "</div>"
        )
    parts.append(_chart(names, result, fit, tr))
    return "\n".join(parts)


def _line(fit: Elasticity) -> tuple[float, float, float, float]:
    """(slope, intercept, low, high) of a defined fit; :func:`elasticity_html` reports an
    undefined one before asking."""
    if fit.slope is None or fit.intercept is None or fit.low is None or fit.high is None:
        raise ValueError("the elasticity is undefined")
    return fit.slope, fit.intercept, fit.low, fit.high


def _reading(fit: Elasticity, level: str, tr: Callable[[str], str]) -> str:
    p = _fmt_p(fit.p_proportional)
    slope, _, low, high = _line(fit)
    if high < 1.0:
        text = tr(
            "The whole {level} % interval lies below 1 (p = {p} for proportional "
            "placement): the larger capacities sit where retirements are relatively "
            "small. At the estimate, twice the capacity goes with {factor} times the "
            "retirement, not twice."
        ).format(level=level, p=p, factor=fmt_number(2.0**slope, 2))
        if low < 0.0:
            text += " " + tr(
                "The interval includes 0 as well: across these regions, capacity "
                "shows no clear relation to retirement at all."
            )
        return text
    if low > 1.0:
        return tr(
            "The whole {level} % interval lies above 1 (p = {p} for proportional "
            "placement): the larger capacities sit where retirements are relatively "
            "large."
        ).format(level=level, p=p)
    return tr(
        "The {level} % interval includes 1 (p = {p}): these data are consistent with "
        "capacity placed in proportion to retirement and do not show a mismatch between "
        "where capacity stands and where batteries retire."
    ).format(level=level, p=p)


def ratio_caveat_html(tr: Callable[[str], str]) -> str:
    """Why the ratio-on-capacity regression alone does not show a mismatch."""
    return (
        '<p class="note">'
        + esc(
            tr(
                "This regression reproduces the source. Capacity is the ratio's denominator, so the "
                "slope is negative whenever capacity does not follow retirement, even when the two are "
                "unrelated (spurious correlation of ratios: Pearson 1897; Kronmal 1993). Its p-value "
                "alone therefore does not show a mismatch; the elasticity above tests it."
            )
        )
        + "</p>"
    )


def _chart(
    names: Sequence[str], result: RatioResult, fit: Elasticity, tr: Callable[[str], str]
) -> str:
    import matplotlib
    from matplotlib.lines import Line2D

    with np.errstate(invalid="ignore"):
        idx = np.flatnonzero(
            (result.retirement > 0)
            & (result.capacity > 0)
            & np.isfinite(result.retirement)
            & np.isfinite(result.capacity)
        )
    slope, intercept, _, _ = _line(fit)
    cap, ret = result.capacity[idx], result.retirement[idx]
    lx, ly = np.log(cap), np.log(ret)
    shift = float(np.mean(ly - lx))  # the proportional line through the data: slope 1
    grid = np.linspace(float(lx.min()), float(lx.max()), 50)
    with matplotlib.rc_context(chart_rc()):
        fig = new_figure(7.5, 5.0)
        ax = fig.add_subplot()
        ax.scatter(
            cap / 1000.0,
            ret / 1000.0,
            s=30,
            c="#6a51a3",
            edgecolors="#3f007d",
            linewidths=0.5,
            zorder=3,
        )
        ax.plot(
            np.exp(grid) / 1000.0,
            np.exp(intercept + slope * grid) / 1000.0,
            color="#333333",
            linewidth=1.4,
            zorder=2,
        )
        ax.plot(
            np.exp(grid) / 1000.0,
            np.exp(shift + grid) / 1000.0,
            color="#e66101",
            linestyle="--",
            linewidth=1.2,
            zorder=2,
        )
        label_xy = (cap / 1000.0, ret / 1000.0)
        handles = [
            Line2D(
                [],
                [],
                color="#333333",
                linewidth=1.4,
                label=_plain(
                    tr("Observed: slope {slope} ({level} % CI {low} – {high})").format(
                        slope=fmt_number(fit.slope, 2),
                        level=fmt_number(fit.level * 100, 0),
                        low=fmt_number(fit.low, 2),
                        high=fmt_number(fit.high, 2),
                    )
                ),
            ),
            Line2D(
                [],
                [],
                color="#e66101",
                linestyle="--",
                linewidth=1.2,
                label=_plain(
                    tr("Proportional: slope 1 (retirement = capacity × the geometric-mean ratio)")
                ),
            ),
        ]
        ax.legend(handles=handles, fontsize=7, frameon=False, loc="upper left")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel(_plain(tr("Recycling capacity (kt/yr, log scale)")))
        ax.set_ylabel(_plain(tr("Retirement (kt/yr, log scale)")))
        ax.grid(True, which="major", color="#eeeeee", linewidth=0.6, zorder=0)
        ax.set_axisbelow(True)
        fig.draw_without_rendering()  # the layout is final, so labels are measured in place
        place_labels(ax, *label_xy, [_plain(names[i]) for i in idx], extremes_first(*label_xy))
        svg = svg_from_figure(fig, label=tr("Retirement against capacity, log–log"))
    caption = tr(
        "Each point is a region with retirement and capacity above zero. Points on a "
        "line parallel to the dashed one have the same ratio."
    )
    return f"<figure>{svg}<figcaption>{esc(caption)}</figcaption></figure>"
