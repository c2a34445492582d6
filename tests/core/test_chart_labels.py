"""Scatter labels: the extremes first, never overlapping each other or other points, one name
per spot."""

from __future__ import annotations

import itertools

import matplotlib
import numpy as np

matplotlib.use("Agg")

from matplotlib.figure import Figure

from battery_recycling_atlas.reports.chart_labels import extremes_first, place_labels


def test_labels_do_not_overlap_and_a_cluster_gets_one_name():
    rng = np.random.default_rng(3)
    xs = np.concatenate([np.zeros(7), rng.uniform(0, 10, 20)])  # seven points at the origin
    ys = np.concatenate([np.zeros(7), rng.uniform(0, 10, 20)])
    names = [f"Province {i}" for i in range(len(xs))]
    fig = Figure(figsize=(6, 4))
    ax = fig.add_subplot()
    ax.scatter(xs, ys)
    ax.set_xlim(-1, 11)
    ax.set_ylim(-1, 11)
    done = place_labels(ax, xs, ys, names, extremes_first(xs, ys), max_labels=12)
    assert 0 < len(done) <= 12
    assert sum(1 for i in done if i < 7) <= 1  # the cluster at the origin: one name
    renderer = fig.canvas.get_renderer() if hasattr(fig.canvas, "get_renderer") else None
    if renderer is None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        renderer = FigureCanvasAgg(fig).get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    assert len(boxes) == len(done)
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b)


def test_extremes_come_first():
    xs, ys = [0, 5, 10, 5, 5], [5, 5, 5, 0, 11]
    order = np.argsort(-extremes_first(xs, ys), kind="stable")
    assert set(order[:4].tolist()) == {0, 2, 3, 4} and order[-1] == 1
