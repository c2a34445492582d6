"""Outputs of ``profit_surface``: one small function per output (profit, supply and break-even
rasters with their styles, the best-locations sink). ``tr`` is the algorithm's translator, so
the strings keep its translation context."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsWkbTypes,
)

from ...core.constants import BORDER_RULES
from ...core.siting.best import breakeven_at, finite_range
from ...core.siting.surface_params import COMPETITIONS, BestCell, SurfaceResult
from ..compat import new_field
from ..styling.postprocess import qml_styler
from .destinations import output_destination
from .layers import python_number, report_tr
from .rasters import (
    attach_raster_style,
    sidecar_path,
    style_breakeven,
    style_diverging,
    style_raster,
    upper_quartiles,
    write_raster,
)

Translator = Callable[[str], str]


def _attach(context: QgsProcessingContext, path: str, qml: Path | None) -> None:
    """Style the raster ``path`` (its final destination) when it loads, with the sidecar QML
    that was written beside the staged raster and moves into place with it."""
    attach_raster_style(context, path, sidecar_path(path) if qml is not None else None)


SUPPLY_STYLE = "supply_surface.qml"
BEST_STYLE = "best_locations.qml"
#: Fields of the best-locations layer after ``rank`` (money in CNY/yr, volumes in t/yr,
#: break-even price and support in CNY/t).
BEST_FIELDS = (
    "profit",
    "supply_t",
    "throughput_t",
    "transport_cost",
    "fee_cost",
    "breakeven_li2co3",
    "breakeven_support",
)


def write_profit(
    path: str,
    staged: str,
    result: SurfaceResult,
    wkt: str,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    tr: Translator,
    illustrative: bool,
) -> bool:
    """The profit raster (CNY/yr) with a diverging ramp from its data; False when cancelled."""
    if not write_raster(
        staged,
        result.profit,
        result.grid,
        wkt,
        tr("Profit of a new plant (CNY/yr)"),
        "CNY/yr",
        feedback,
        illustrative=illustrative,
    ):
        return False
    low, high = finite_range(result.profit)
    digits = 1 if low is not None and high is not None and high - low < 2e7 else 0
    _attach(
        context,
        path,
        style_diverging(
            staged,
            (low, high),
            lambda v: tr("{v} M CNY/yr").format(v=f"{v / 1e6:+,.{digits}f}" if v else "0"),
        ),
    )
    return True


def write_supply(
    path: str,
    staged: str,
    result: SurfaceResult,
    wkt: str,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    tr: Translator,
    illustrative: bool,
    max_supply: float | None,
) -> bool:
    """The reachable-supply raster (t/yr), its ramp up to ``max_supply``; False when
    cancelled."""
    if not write_raster(
        staged,
        result.supply,
        result.grid,
        wkt,
        tr("Reachable supply (t/yr)"),
        "t/yr",
        feedback,
        illustrative=illustrative,
    ):
        return False
    _attach(
        context,
        path,
        style_raster(
            staged, SUPPLY_STYLE, max_supply or 1.0, lambda v: tr("{v} t/yr").format(v=f"{v:,.0f}")
        ),
    )
    return True


def write_breakeven(
    path: str,
    staged: str,
    price: np.ndarray[Any, Any],
    result: SurfaceResult,
    wkt: str,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    tr: Translator,
    illustrative: bool,
) -> bool:
    """The break-even Li₂CO₃ price raster (CNY/t) with its ramp around the given price;
    False when cancelled."""
    if not write_raster(
        staged,
        price,
        result.grid,
        wkt,
        tr("Break-even Li₂CO₃ price (CNY/t)"),
        "CNY/t",
        feedback,
        illustrative=illustrative,
    ):
        return False
    now = result.params.economics.rm.li2co3_price
    _attach(
        context,
        path,
        style_breakeven(
            staged,
            finite_range(price),
            now,
            lambda v: tr("{v} CNY/t").format(v=f"{v:,.0f}"),
            upper_quartiles(price, now),
        ),
    )
    return True


def write_best(
    alg: Any,
    parameters: dict[str, Any],
    key: str,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    result: SurfaceResult,
    best: list[BestCell],
    crs: QgsCoordinateReferenceSystem,
) -> str | None:
    """The best locations (points, one per :class:`BestCell`) as the output ``key`` of ``alg``
    (its one output path); None when that optional output is not asked for."""
    fields = QgsFields()
    fields.append(new_field("rank", "int"))
    for name in BEST_FIELDS:
        fields.append(new_field(name, "double"))
    if not output_destination(alg, parameters, key, context):
        return None

    def features() -> Any:
        for cell in best:
            price, support = breakeven_at(result, cell)
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(cell.x, cell.y)))
            feature.setAttributes(
                [
                    int(cell.rank),
                    python_number(cell.profit),
                    python_number(cell.supply),
                    python_number(cell.throughput),
                    python_number(result.transport_cost[cell.row, cell.col]),
                    python_number(result.border_fee_cost[cell.row, cell.col]),
                    python_number(price),
                    python_number(support),
                ]
            )
            yield feature

    args = (parameters, context, feedback, key, fields, QgsWkbTypes.Point, crs, features())
    return str(alg.write_layer(*args, qml_styler(BEST_STYLE), len(best)))


def report_breakeven(
    price: np.ndarray[Any, Any], params: Any, feedback: QgsProcessingFeedback, tr: Translator
) -> None:
    """Tell the range of break-even Li₂CO₃ prices (CNY/t) and how many cells pay at the given price."""
    low, high = finite_range(price)
    now = params.economics.rm.li2co3_price
    if low is None:
        feedback.pushInfo(
            tr(
                "No cell breaks even at a Li₂CO₃ price up to {p:,.0f} "
                "CNY/t (ten times the given price)."
            ).format(p=10 * now)
        )
        return
    with np.errstate(invalid="ignore"):
        paying = int(np.count_nonzero(price <= now))
    feedback.pushInfo(
        tr(
            "Break-even Li₂CO₃ price: {low:,.0f} to {high:,.0f} CNY/t "
            "(given price {now:,.0f} CNY/t; {n:,} cells pay at it)."
        ).format(low=low, high=high, now=now, n=paying)
    )


def report_supply(
    result: SurfaceResult, existing: Any, feedback: QgsProcessingFeedback, tr: Translator
) -> None:
    """Tell the supply totals (t/yr) and what the existing plants draw."""
    feedback.pushInfo(
        tr(
            "Supply: {total:,.0f} t/yr; left after existing plants "
            "{left:,.0f} t/yr; too far outside the grid {out:,.0f} t/yr."
        ).format(total=result.supply_total, left=result.supply_left, out=result.supply_outside)
    )
    if existing is not None and result.existing_intake.size:
        if result.params.competition == "market_share":
            feedback.pushInfo(
                tr(
                    "Market shares: without the new plant the existing plants would draw "
                    "{t:,.0f} t/yr (Huff model, capacities not enforced); the surface splits "
                    "every source between them and the new plant."
                ).format(t=float(np.nansum(result.existing_intake)))
            )
        else:
            feedback.pushInfo(
                tr("Existing plants draw {t:,.0f} t/yr.").format(
                    t=float(np.nansum(result.existing_intake))
                )
            )


def write_report(
    alg: Any,
    path: str,
    run: tuple[dict[str, Any], QgsProcessingContext],
    result: SurfaceResult,
    best: list[BestCell],
    sizes: list[Any],
    tr: Translator,
) -> None:
    """The HTML report (``reports.surface``): settings, best locations with their break-even
    prices and the plant-size rows."""
    from ...reports.surface import surface_report_html

    params = result.params
    rules = [
        tr("Open (green channel)"),
        tr("Fee on cross-province supply"),
        tr("Closed (own province only)"),
    ]
    modes = [tr("Existing plants served first"), tr("Market share (Huff model)")]
    settings = [
        (
            tr("Grid"),
            tr("{cols} × {rows} cells of {pixel:g} km").format(
                cols=result.grid.ncols, rows=result.grid.nrows, pixel=result.grid.pixel / 1000
            ),
        ),
        (tr("Capacity of the new plant (t/yr)"), f"{params.capacity:,.0f}"),
        (tr("Haul radius (km)"), f"{params.haul_radius_km:,.0f}"),
        (tr("Border rule"), rules[BORDER_RULES.index(params.border_rule)]),
        (
            tr("Competition with existing plants"),
            modes[COMPETITIONS.index(params.competition)],
        ),
        (tr("Li₂CO₃ price (CNY/t)"), f"{params.economics.rm.li2co3_price:,.0f}"),
        (tr("Supply (t/yr)"), f"{result.supply_total:,.0f}"),
    ]
    rows = [(cell, *breakeven_at(result, cell)) for cell in best]
    alg.write_report(
        path,
        *run,
        surface_report_html(
            title=tr("Profit surface of a new plant"),
            settings=settings,
            best=rows,
            sizes=sizes,
            li2co3_price=params.economics.rm.li2co3_price,
            tr=report_tr,
        ),
    )
