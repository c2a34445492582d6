"""Report section: cities with significantly too few outlets (``natural_breaks_matching``).

HTML for :func:`core.report_matching.matching_report_html`: the binomial test of each city's
outlet count against its volume share (:func:`core.bivariate.binomial_fewer`), its assumptions,
and the cities with q < α by volume, with their gap. Shares are in percent of the totals over
the cities with data, volumes in t/yr, outlets in counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Callable

import numpy as np

from ..core.mismatch.bivariate import MatchResult
from ..core.stats import IntArray
from .html import esc, fmt_number, html_table
from .html import fmt_p as _fmt_p

__all__ = ["significance_html", "significant_rows"]


def significant_rows(result: MatchResult) -> IntArray:
    """Row indices with ``under_sig`` true, largest volume first (ties in input order)."""
    idx = np.array(
        [i for i, v in enumerate(result.under_sig.tolist()) if v is True], dtype=np.int64
    )
    order: IntArray = idx[np.argsort(-result.volume[idx], kind="stable")]
    return order


def significance_html(
    names: Sequence[str],
    result: MatchResult,
    fmt_share: Callable[[Any], str],
    tr: Callable[[str], str],
) -> str:
    """Method, assumptions, the summary sentence and the table of significant cities."""
    valid = result.match_type != "no_data"
    n_outlets = float(np.sum(result.outlets[valid]))
    alpha = f"{result.alpha:g}"
    parts: list[str] = [
        "<p>"
        + esc(
            tr(
                "If the {n} outlets of the cities with data stood in proportion to retired volume, a "
                "city's count would follow a binomial distribution with N = {n} and its volume share: "
                "expected outlets = N × volume share. p is the probability of at most as many outlets "
                "as the city has under that model; q is p adjusted by Benjamini–Hochberg over the {m} "
                "cities tested: among the cities listed with q < {alpha}, the expected share listed by "
                "chance is at most {alpha} (false discovery rate)."
            ).format(
                n=fmt_number(n_outlets), m=fmt_number(int(np.count_nonzero(valid))), alpha=alpha
            )
        )
        + "</p>"
    ]
    parts.append(
        '<p class="meta">'
        + esc(
            tr(
                "Assumptions: outlets placed one by one and independently, so a chain of outlets "
                "opened together makes p too small; outlets of any size count alike; distance and "
                "neighbouring cities are ignored. With thousands of outlets a small relative shortfall "
                "is already significant: read the gap and the expected outlets for its size. A "
                "significant result says the count is lower than volume alone predicts, not why."
            )
        )
        + "</p>"
    )
    if not result.counts_integral:
        parts.append(
            '<div class="note">'
            + esc(tr("The outlet counts are not whole numbers, so the binomial test was not run."))
            + "</div>"
        )
        return "\n".join(parts)
    idx = significant_rows(result)
    if idx.size == 0:
        parts.append(
            "<p><strong>"
            + esc(
                tr(
                    "No city has significantly fewer outlets than its volume share predicts "
                    "(q < {alpha})."
                ).format(alpha=alpha)
            )
            + "</strong></p>"
        )
        return "\n".join(parts)
    total_vol = float(np.sum(result.volume[valid]))
    held = float(np.sum(result.volume[idx]))
    parts.append(
        "<p><strong>"
        + esc(
            tr(
                "{n} cities have significantly fewer outlets than their volume share predicts "
                "(q < {alpha}). They hold {volume} t/yr, {vol_share} of the volume of the cities with "
                "data, and {outlet_share} of their outlets."
            ).format(
                n=idx.size,
                alpha=alpha,
                volume=fmt_number(held),
                vol_share=fmt_share(held / total_vol if total_vol > 0 else None),
                outlet_share=fmt_share(float(np.sum(result.outlet_share[idx]))),
            )
        )
        + "</strong></p>"
    )
    rows = [
        (
            rank,
            names[i],
            fmt_number(result.volume[i]),
            fmt_share(result.vol_share[i]),
            fmt_share(result.outlet_share[i]),
            fmt_number(result.share_gap[i] * 100.0, 2),
            fmt_number(result.outlets[i]),
            fmt_number(result.outlets_expected[i], 1),
            _fmt_p(float(result.p_fewer[i])),
            _fmt_p(float(result.q_fewer[i])),
        )
        for rank, i in enumerate(idx.tolist(), start=1)
    ]
    parts.append(
        html_table(
            [
                "#",
                tr("City"),
                tr("Volume (t/yr)"),
                tr("Volume share"),
                tr("Outlet share"),
                tr("Gap (percentage points)"),
                tr("Outlets"),
                tr("Expected outlets"),
                "p",
                "q",
            ],
            rows,
            numeric=(True, False, True, True, True, True, True, True, True, True),
            caption=tr("By volume, largest first; gap = volume share − outlet share"),
        )
    )
    return "\n".join(parts)
