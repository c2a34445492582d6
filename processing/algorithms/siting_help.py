"""Help texts of the "Where recycling pays" algorithms (kept apart: they are long)."""

from __future__ import annotations

from collections.abc import Callable

ASSUMPTIONS = (
    "<p><b>Assumed defaults</b> (no official tariff exists; set your own): transport 1.2 CNY "
    "per t·km, within the roughly 0.8–1.5 CNY/t·km that hazardous-goods (class 9) road freight "
    "costs in China, two to three times ordinary truckload rates because of the licensed "
    "vehicles, escorts and insurance; detour 1.3 (road ÷ straight-line distance); border fee "
    "300 CNY/t for the cross-province transfer approval of hazardous waste (跨省转移审批), its "
    "paperwork, waiting and insurance. The source report notes that spent batteries crossing a "
    "province border need permits and hazmat transport, and proposes a green channel.</p>"
)


def surface_help(tr: Callable[[str], str]) -> str:
    """Help of ``profit_surface``."""
    return tr(
        "<p>Where would a new recycling plant pay? For every cell of a grid, the profit "
        "(CNY/yr) a plant of the given capacity would make there from the retired batteries "
        "within its haul radius, with the DLCER-Battery economics of <i>plant_profit</i>.</p>"
        "<p><b>Method.</b> Reachable supply S = Σ s·w(d) over the supply within the radius R "
        "(w: none 1, linear 1 − d/R, exponential e^(−3d/R)); throughput Q = min(capacity, S); "
        "the plant takes the same share Q/S of every source; transport = Q/S · Σ s·w·d × detour "
        "× transport cost; profit = plant profit at Q − transport − border fees. Border rules: "
        "<i>open</i> ignores provinces; <i>fee</i> charges the border fee per tonne drawn from "
        "another province; <i>closed</i> counts only supply of the cell's own province (cells "
        "outside every province are no data under fee and closed). Existing plants are served "
        "first, largest first, each drawing up to its capacity from the supply within its "
        "radius: the surface shows what is left for a new plant. The sums are FFT "
        "convolutions; points move to the centre of their cell (at most 0.71 pixel).</p>"
        "<p><b>Inputs.</b> Supply points, or polygons whose value is spread over their area "
        "(each cell split into up to 4 × 4 sub-cells; a polygon gets the sub-cells whose "
        "centres it contains; one too small for any gets its point on surface). Provinces "
        "(optional code field, else feature order) for the fee and closed rules; supply points "
        "and plants outside every province count as foreign to every province. Everything is "
        "projected to an Albers equal-area conic for China (lat₁ 25°, lat₂ 47°, lon₀ 105°) or "
        "the chosen CRS; distances in km, volumes in t/yr, money in CNY/yr. The default extent "
        "is the supply's extent plus the haul radius; an extent without a CRS is read in the "
        "projected CRS (metres). Before computing, the grid's memory is estimated: a grid that "
        "would not fit is refused with a pixel size that would.</p>"
        "<p><b>Outputs.</b> OUTPUT profit raster (GeoTIFF, CNY/yr, diverging brown–teal style "
        "centred on zero, also saved as a .qml beside the file); SUPPLY_OUTPUT reachable "
        "supply S (t/yr, uncapped); BEST the best locations (rank, profit, supply_t, "
        "throughput_t, transport_cost, fee_cost), at least the minimum distance apart (default "
        "the haul radius) and with a throughput above the minimum (default half the capacity: "
        "with the default economics a 50 kt/yr plant loses money at every throughput, and the "
        "least loss would otherwise be a cell with no supply, where the plant only pays its "
        "fixed cost); numbers BEST_PROFIT and MAX_SUPPLY.</p>"
    ) + tr(ASSUMPTIONS)


def allocation_help(tr: Callable[[str], str]) -> str:
    """Help of ``allocate_supply``."""
    return tr(
        "<p>Where would the retired batteries go? Least-cost flows from supply (regions or "
        "points) to plants with capacities: a min-cost transportation linear programme solved "
        "exactly with scipy's HiGHS (column generation on sparse matrices). The cost of a "
        "tonne on an arc is straight-line km × detour × transport cost, plus the border fee "
        "under the <i>fee</i> rule when it crosses a province border; <i>closed</i> allows "
        "no cross-province arc; <i>open</i> is the green channel. Supply that cannot reach free "
        "capacity (or only at a cost above the unmet penalty, or beyond the maximum distance) "
        "stays unmet: the programme is always feasible, an infeasible closed case reports "
        "unmet supply, never an error.</p>"
        "<p><b>Inputs.</b> Supply polygons (at their point on surface) or points with a "
        "t/yr field; plant points with a capacity field (t/yr). Provinces come from province "
        "code fields on both layers, or from province polygons (REGIONS, optional code field, "
        "else feature order) by point in polygon; points outside every province count as "
        "foreign to every province (a warning lists them). Layers in any CRS are projected to "
        "an Albers equal-area conic for China (or the chosen CRS).</p>"
        "<p><b>Outputs.</b> OUTPUT_FLOWS lines from supply to plant with from_id, to_id "
        "(feature ids), flow_t (t/yr), distance_km (straight line), unit_cost (CNY/t), cost "
        "(CNY/yr) and cross_border, styled by volume; OUTPUT_PLANTS with allocated_t and "
        "utilization; OUTPUT_REGIONS (the supply features) with unmet_t; numbers TOTAL_COST "
        "(transport + fees, CNY/yr, without the penalty), UNMET_T, NATIONAL_UTILIZATION (Σ "
        "allocated ÷ Σ capacity) and CROSS_BORDER_SHARE (cross-province share of the flow); "
        "REPORT compares the chosen rule with the other two (utilisation, unmet, cost, "
        "cross-border share, a chart).</p>"
    ) + tr(ASSUMPTIONS)
