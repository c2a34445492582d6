"""HTML report of ``profit_surface``: the settings, the best locations with their break-even
Li₂CO₃ price and support, and how the best site changes with the plant's capacity.

Every fixed English string goes through the caller's ``tr``. Volumes in t/yr, profit in M CNY/yr
(万元 or 亿元 per year in Chinese), prices and support in CNY/t.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Callable

from ..core.siting.plant_size import SizeRow
from ..core.siting.surface import BestCell
from .html import esc, fmt_money, fmt_number, html_page, html_table, money_unit
from .html import identity as _identity

__all__ = ["surface_report_html"]


def surface_report_html(
    *,
    title: str,
    settings: Sequence[tuple[str, str]],
    best: Sequence[tuple[BestCell, float | None, float | None]],
    sizes: Sequence[SizeRow],
    li2co3_price: float,
    tr: Callable[[str], str] = _identity,
) -> str:
    """The page: ``settings`` (label, value) rows; ``best`` (cell, break-even price, support)
    rows; ``sizes`` the capacity sweep; ``li2co3_price`` the given price (CNY/t)."""
    body = [f"<h1>{esc(title)}</h1>"]
    body.append(html_table([tr("Setting"), tr("Value")], settings))
    body.append(f"<h2>{esc(tr('Best locations'))}</h2>")
    if best:
        money = money_unit(tr, [b.profit for b, _p, _s in best])
        body.append(
            html_table(
                [
                    tr("Rank"),
                    tr("x (m)"),
                    tr("y (m)"),
                    tr("Profit ({unit}/yr)").format(unit=money[0]),
                    tr("Throughput (t/yr)"),
                    tr("Break-even Li₂CO₃ price (CNY/t)"),
                    tr("Break-even support (CNY/t)"),
                ],
                [
                    (
                        b.rank,
                        fmt_number(b.x),
                        fmt_number(b.y),
                        fmt_money(b.profit, money),
                        fmt_number(b.throughput),
                        fmt_number(price),
                        fmt_number(support),
                    )
                    for b, price, support in best
                ],
                numeric=(True,) * 7,
            )
        )
    else:
        body.append(f"<p>{esc(tr('No cell reaches the minimum throughput.'))}</p>")
    body.append(f"<h2>{esc(tr('Plant size'))}</h2>")
    body.append(
        "<p>"
        + esc(
            tr(
                "The surface computed again for each capacity, everything else as given; the best "
                "site among the cells whose throughput exceeds half the capacity. A plant pays where "
                "its break-even Li₂CO₃ price is below the given price ({price} CNY/t), or where the "
                "support it needs is negative."
            )
        ).format(price=fmt_number(li2co3_price))
        + "</p>"
    )
    size_money = money_unit(tr, [r.best.profit for r in sizes if r.best])
    body.append(
        html_table(
            [
                tr("Capacity (t/yr)"),
                tr("Cells above half the capacity"),
                tr("Best profit ({unit}/yr)").format(unit=size_money[0]),
                tr("Throughput (t/yr)"),
                tr("Break-even Li₂CO₃ price (CNY/t)"),
                tr("Break-even support (CNY/t)"),
            ],
            [
                (
                    fmt_number(r.capacity),
                    fmt_number(r.n_sites),
                    fmt_money(r.best.profit if r.best else None, size_money),
                    fmt_number(r.best.throughput if r.best else None),
                    fmt_number(r.breakeven_li2co3),
                    fmt_number(r.breakeven_support),
                )
                for r in sizes
            ],
            numeric=(True,) * 6,
        )
    )
    return html_page(title, body)
