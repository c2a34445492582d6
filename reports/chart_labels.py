"""Point labels on report scatter plots that never pile into one smear.

The most telling points are labelled first (``priority``, highest first), each at the first of a
few offsets around its point where the text box overlaps no label already placed and no other
point; a point whose label fits nowhere stays unlabelled. Drawing only (matplotlib), no QGIS.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..core.stats import FloatArray, Values

#: Offsets tried around a point (points, x right and y up), nearest first.
OFFSETS = ((4, 3), (4, -9), (-4, 3), (-4, -9), (6, -3), (-6, -3), (0, 7), (0, -12))


def place_labels(
    ax: Any,
    xs: Values,
    ys: Values,
    texts: Sequence[str],
    priority: Values,
    *,
    max_labels: int = 12,
    fontsize: float = 7.0,
    color: str = "#333333",
) -> list[int]:
    """Label up to ``max_labels`` points of ``ax`` without overlaps; return the indices labelled.

    ``xs``/``ys`` are data coordinates, ``priority`` the order (highest first, NaN last). Call it
    after the axes' limits and scales are final (text boxes are measured in display space).
    """
    fig = ax.figure
    renderer = _renderer(fig)
    points = ax.transData.transform(np.column_stack([np.asarray(xs, float), np.asarray(ys, float)]))
    order = np.argsort(-np.nan_to_num(np.asarray(priority, float), nan=-np.inf), kind="stable")
    placed: list[Any] = []
    done: list[int] = []
    for i in order:
        if len(done) >= max_labels or not np.all(np.isfinite(points[i])):
            continue
        if any(np.hypot(*(points[i] - points[j])) < 3.0 for j in done):
            continue  # a point on top of one already named: one name per spot
        for dx, dy in OFFSETS:
            text = ax.annotate(
                texts[i],
                (xs[i], ys[i]),
                xytext=(dx, dy),
                textcoords="offset points",
                fontsize=fontsize,
                color=color,
                ha="left" if dx >= 0 else "right",
                zorder=4,
            )
            box = text.get_window_extent(renderer).expanded(1.05, 1.1)
            others = [p for j, p in enumerate(points) if j != i]
            hits_point = any(box.contains(px, py) for px, py in others)
            if (
                not hits_point
                and not any(box.overlaps(b) for b in placed)
                and _inside(box, ax.get_window_extent(renderer))
            ):
                placed.append(box)
                done.append(int(i))
                break
            text.remove()
    return done


def _inside(box: Any, frame: Any) -> bool:
    return bool(
        box.x0 >= frame.x0 and box.x1 <= frame.x1 and box.y0 >= frame.y0 and box.y1 <= frame.y1
    )


def _renderer(fig: Any) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    return FigureCanvasAgg(fig).get_renderer()


def extremes_first(xs: Values, ys: Values) -> FloatArray:
    """A priority that puts the points at the extremes of either axis first (the ones a reader
    looks for): the larger of each point's rank from the middle along x and along y."""

    def spread(values: Values) -> FloatArray:
        v = np.asarray(values, float)
        ranks = np.argsort(np.argsort(v, kind="stable"), kind="stable").astype(np.float64)
        centred: FloatArray = np.abs(ranks - (len(v) - 1) / 2.0)
        return centred

    priority: FloatArray = np.maximum(spread(xs), spread(ys))
    return priority
