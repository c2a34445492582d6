"""Algorithm ``profit_surface``: the profit a new plant would make at every cell of a grid."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsWkbTypes,
)

from ...core.constants import (
    BORDER_FEE_DEFAULT,
    BORDER_RULES,
    DETOUR_DEFAULT,
    TRANSPORT_COST_DEFAULT,
)
from ...core.economics.breakeven import breakeven_li2co3, breakeven_support, breakeven_surface
from ...core.errors import NoValidRowsError, ParameterError, RowValuesError
from ...core.siting import surface as core
from ...core.siting.extent import crop, default_grid, working_grid
from ...core.siting.grid import GridSpec, radius_cells
from ...core.siting.huff import HUFF_ALPHA_DEFAULT, HUFF_BETA_DEFAULT
from ...core.siting.memory import CALLER_BYTES_PER_CELL
from ...core.siting.plant_size import DEFAULT_SIZES_T, capacity_sweep
from ..compat import new_field
from ..help_texts import surface_help
from ..illustrative import run_uses_sample
from ..io.destinations import ensure_outputs_not_inputs
from ..io.economics import add_parameter_inputs, economics_params
from ..io.grid import supply_bbox
from ..io.layers import numeric_field_index, python_number, report_tr
from ..io.rasters import (
    attach_raster_style,
    ogr_polygons,
    rasterize_codes,
    spread_polygons,
    style_breakeven,
    style_diverging,
    style_raster,
    upper_quartiles,
    write_raster,
)
from ..io.siting import (
    Regions,
    add_crs_parameter,
    is_polygon_source,
    read_located,
    target_crs,
    warn_outside,
)
from ..styling.postprocess import finish_styling, qml_styler
from .base import AtlasAlgorithm

PROFIT_STYLE = "profit_surface.qml"  # nominal ramp; the written raster's is from its data
SUPPLY_STYLE = "supply_surface.qml"
BEST_STYLE = "best_locations.qml"


class ProfitSurface(AtlasAlgorithm):
    """Catchment supply and plant profit at every cell, under a border rule."""

    ALGORITHM_ID = "profit_surface"
    DISPLAY_NAME = "Profit surface of a new plant"
    GROUP = "Where recycling pays"
    GROUP_ID = "siting"

    SUPPLY = "SUPPLY"
    SUPPLY_FIELD = "SUPPLY_FIELD"
    REGIONS = "REGIONS"
    REGION_ID_FIELD = "REGION_ID_FIELD"
    EXTENT = "EXTENT"
    PIXEL_SIZE = "PIXEL_SIZE"
    HAUL_RADIUS = "HAUL_RADIUS"
    DECAY = "DECAY"
    TRANSPORT_COST = "TRANSPORT_COST"
    DETOUR = "DETOUR"
    BORDER_RULE = "BORDER_RULE"
    BORDER_FEE = "BORDER_FEE"
    PLANT_CAPACITY = "PLANT_CAPACITY"
    EXISTING_PLANTS = "EXISTING_PLANTS"
    EXISTING_CAPACITY_FIELD = "EXISTING_CAPACITY_FIELD"
    N_BEST = "N_BEST"
    MIN_SEPARATION = "MIN_SEPARATION"
    MIN_THROUGHPUT = "MIN_THROUGHPUT"
    OUTPUT = "OUTPUT"
    SUPPLY_OUTPUT = "SUPPLY_OUTPUT"
    BEST = "BEST"
    BREAKEVEN_OUTPUT = "BREAKEVEN_OUTPUT"
    COMPETITION = "COMPETITION"
    HUFF_ALPHA = "HUFF_ALPHA"
    HUFF_BETA = "HUFF_BETA"
    REPORT = "REPORT"

    def shortHelpString(self) -> str:
        """Help shown beside the dialog."""
        return surface_help(self.tr)

    def initAlgorithm(self, config=None) -> None:
        """Declare the parameters and outputs (enumerations in the issue's order)."""
        num = QgsProcessingParameterNumber
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SUPPLY,
                self.tr("Supply (points, or polygons spread over their area)"),
                [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon],
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.SUPPLY_FIELD,
                self.tr("Supply field (retired batteries, t/yr)"),
                None,
                self.SUPPLY,
                QgsProcessingParameterField.Numeric,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.REGIONS,
                self.tr("Provinces (polygons; needed for the fee and closed rules)"),
                [QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.REGION_ID_FIELD,
                self.tr("Province code field (default: feature order)"),
                None,
                self.REGIONS,
                QgsProcessingParameterField.Any,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterExtent(
                self.EXTENT, self.tr("Extent (default: supply extent + haul radius)"), optional=True
            )
        )
        self.addParameter(
            num(self.PIXEL_SIZE, self.tr("Pixel size (km)"), num.Double, 10.0, minValue=0.001)
        )
        self.addParameter(
            num(self.HAUL_RADIUS, self.tr("Haul radius (km)"), num.Double, 300.0, minValue=0.001)
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.DECAY,
                self.tr("Distance decay"),
                [
                    self.tr("None (all supply within the radius)"),
                    self.tr("Linear (1 − d/R)"),
                    self.tr("Exponential (e^(−3d/R))"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            num(
                self.TRANSPORT_COST,
                self.tr("Transport cost (CNY per t·km, hazardous-goods road " "freight)"),
                num.Double,
                TRANSPORT_COST_DEFAULT,
                minValue=0.0,
            )
        )
        self.addParameter(
            num(
                self.DETOUR,
                self.tr("Detour factor (road ÷ straight-line " "distance)"),
                num.Double,
                DETOUR_DEFAULT,
                minValue=0.01,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.BORDER_RULE,
                self.tr("Border rule"),
                [
                    self.tr("Open (green channel)"),
                    self.tr("Fee on cross-province supply"),
                    self.tr("Closed (own province only)"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            num(
                self.BORDER_FEE,
                self.tr("Border fee (CNY/t, fee rule)"),
                num.Double,
                BORDER_FEE_DEFAULT,
                minValue=0.0,
            )
        )
        self.addParameter(
            num(
                self.PLANT_CAPACITY,
                self.tr("Capacity of the new plant (t/yr)"),
                num.Double,
                50_000.0,
                minValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.EXISTING_PLANTS,
                self.tr("Existing plants (points)"),
                [QgsProcessing.TypeVectorPoint],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.EXISTING_CAPACITY_FIELD,
                self.tr("Existing plant capacity field (t/yr)"),
                None,
                self.EXISTING_PLANTS,
                QgsProcessingParameterField.Numeric,
                optional=True,
            )
        )
        add_parameter_inputs(self, advanced=True)
        for param in (
            num(self.N_BEST, self.tr("Number of best locations"), num.Integer, 10, minValue=0),
            num(
                self.MIN_SEPARATION,
                self.tr(
                    "Minimum distance between best locations (km; " "default: the haul radius)"
                ),
                num.Double,
                None,
                optional=True,
                minValue=0.0,
            ),
            num(
                self.MIN_THROUGHPUT,
                self.tr(
                    "Minimum throughput of a best location (t/yr; " "default: half the capacity)"
                ),
                num.Double,
                None,
                optional=True,
                minValue=0.0,
            ),
        ):
            param.setFlags(param.flags() | param.FlagAdvanced)
            self.addParameter(param)
        add_crs_parameter(self)
        self.addParameter(
            QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Profit surface (CNY/yr)"))
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                self.SUPPLY_OUTPUT, self.tr("Reachable supply (t/yr)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.BEST, self.tr("Best locations"), QgsProcessing.TypeVectorPoint, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                self.BREAKEVEN_OUTPUT, self.tr("Break-even Li₂CO₃ price (CNY/t)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.COMPETITION,
                self.tr("Competition with existing plants"),
                [self.tr("Existing plants served first"), self.tr("Market share (Huff model)")],
                defaultValue=0,
            )
        )
        for param in (
            num(
                self.HUFF_ALPHA,
                self.tr("Huff exponent α on capacity"),
                num.Double,
                HUFF_ALPHA_DEFAULT,
                minValue=0.0,
            ),
            num(
                self.HUFF_BETA,
                self.tr("Huff exponent β on distance"),
                num.Double,
                HUFF_BETA_DEFAULT,
                minValue=0.0,
            ),
        ):
            param.setFlags(param.flags() | param.FlagAdvanced)
            self.addParameter(param)
        self.add_report_parameter()
        for key in ("BEST_PROFIT", "MAX_SUPPLY"):
            self.addOutput(QgsProcessingOutputNumber(key, key))

        # -- processAlgorithm ---------------------------------------------------------------------
        self.add_language_parameter()
        self.suggest_defaults({self.SUPPLY: ("retirement",)}, {self.SUPPLY_FIELD: "retirement"})

    def processAlgorithm(self, parameters, context, feedback):
        """Read and project the inputs, build the grids, run ``core.surface``, write, style."""
        crs = target_crs(self, parameters, context)
        wkt = crs.toWkt(crs.WKT_PREFERRED_GDAL)
        params = self._params(parameters, context)
        supply_src = self.source_or_raise(parameters, self.SUPPLY, context)
        field = self.parameterAsString(parameters, self.SUPPLY_FIELD, context)
        idx = numeric_field_index(supply_src, field, self.tr("supply"))
        ensure_outputs_not_inputs(
            self,
            parameters,
            context,
            [self.OUTPUT, self.SUPPLY_OUTPUT, self.BREAKEVEN_OUTPUT, self.BEST, self.REPORT],
            [self.SUPPLY, self.REGIONS, self.EXISTING_PLANTS],
            ["PARAMETERS_FILE"],
        )
        # The raster paths: this registers each raster to load on completion, once.
        outputs = [
            self.parameterAsOutputLayer(parameters, k, context)
            for k in (self.OUTPUT, self.SUPPLY_OUTPUT, self.BREAKEVEN_OUTPUT)
        ]

        feedback.setProgressText(self.tr("Reading supply…"))
        supply = read_located(
            supply_src,
            idx,
            field,
            crs,
            context,
            feedback,
            (0, 10),
            keep_geometry=is_polygon_source(supply_src),
            what=self.tr("Supply"),
        )
        if supply is None:
            return {}
        use = supply.valid() & (supply.values > 0)
        if not use.any():
            raise QgsProcessingException(
                self.tr(
                    "There is no supply: no feature of the supply layer has a value above 0 in "
                    "“{field}” and a usable geometry."
                ).format(field=field)
            )
        regions = self._regions(parameters, context, feedback, crs, params.border_rule)
        existing = self._existing(parameters, context, feedback, crs)
        if existing is None and feedback.isCanceled():
            return {}

        grid = self._grid(parameters, context, supply, use, params)
        rp = radius_cells(params.haul_radius_km, grid.pixel / 1000.0)
        work, top, left = working_grid(
            grid, rp, supply_bbox(supply, use) if supply.polygons else None
        )
        self._check_memory(work, params, supply.polygons)
        feedback.pushInfo(
            self.tr("Grid: {cols} × {rows} cells of {pixel:g} km in {crs}.").format(
                cols=grid.ncols,
                rows=grid.nrows,
                pixel=grid.pixel / 1000,
                crs=crs.description() or crs.toProj(),
            )
        )

        feedback.setProgressText(self.tr("Rasterising…"))
        prov_grid, sprov, eprov = None, None, None
        if regions is not None:
            codes = regions.code_index()
            ds, layer = ogr_polygons(regions.geoms, codes, wkt)
            prov_grid = rasterize_codes(layer, work, wkt)
            del ds, layer
            if not supply.polygons:  # polygon supply takes the province of each cell
                sprov = self._provinces(
                    regions,
                    codes,
                    supply.x,
                    supply.y,
                    supply.ids,
                    use,
                    self.tr("Supply points"),
                    params.border_rule,
                    feedback,
                )
            if existing is not None:
                eprov = self._provinces(
                    regions,
                    codes,
                    existing.x,
                    existing.y,
                    existing.ids,
                    existing.valid(),
                    self.tr("Existing plants"),
                    params.border_rule,
                    feedback,
                )
        if supply.polygons:
            geoms = [g if u else None for g, u in zip(supply.geoms, use)]
            source, lost = spread_polygons(
                geoms, np.where(use, supply.values, 0.0), work, wkt, feedback
            )
            if lost > 0.5:
                feedback.pushInfo(
                    self.tr(
                        "{t:,.0f} t/yr of polygon supply lies beyond the "
                        "haul radius of the grid and does not count."
                    ).format(t=lost)
                )
        else:
            source = core.SupplyPoints(
                supply.x[use],
                supply.y[use],
                supply.values[use],
                None if sprov is None else sprov[use],
            )
        plants = None
        if existing is not None:
            ok = existing.valid()
            plants = core.ExistingPlants(
                existing.x[ok],
                existing.y[ok],
                existing.values[ok],
                None if eprov is None else eprov[ok],
            )
        if feedback.isCanceled():
            return {}
        feedback.setProgress(25)

        feedback.setProgressText(self.tr("Computing the surface…"))
        try:
            result = core.profit_surface(
                work,
                params,
                source,
                provinces=prov_grid,
                existing=plants,
                progress=lambda f: feedback.setProgress(25 + 55 * f),
                canceled=feedback.isCanceled,
            )
        except core.Canceled:
            return {}
        except core.GridTooLargeError as err:
            raise QgsProcessingException(self._memory_message(err)) from None
        except (ParameterError, RowValuesError, NoValidRowsError) as err:
            raise QgsProcessingException(
                self.tr("The surface cannot be computed: {e}").format(e=err)
            ) from None
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        sizes = []
        if report:
            feedback.setProgressText(self.tr("Plant sizes for the report…"))
            try:
                sizes = capacity_sweep(
                    _Rerun(work, source, prov_grid, plants, grid, top, left, feedback),
                    params,
                    sorted({*DEFAULT_SIZES_T, params.capacity}),
                )
            except core.Canceled:
                return {}
        del prov_grid, source
        result = crop(result, grid, top, left)
        self._report_supply(result, existing, feedback)
        best = self._best(parameters, context, feedback, result, params)
        results = self._write(
            parameters, context, feedback, result, params, crs, wkt, outputs, best
        )
        if report and results:
            self._report(report, (parameters, context), result, params, best, sizes)
            results[self.REPORT] = report
        return results

    # -- steps -----------------------------------------------------------------------------

    def _params(self, parameters, context) -> core.SurfaceParams:
        dbl = self.parameterAsDouble
        try:
            return core.SurfaceParams(
                capacity=dbl(parameters, self.PLANT_CAPACITY, context),
                transport_cost=dbl(parameters, self.TRANSPORT_COST, context),
                haul_radius_km=dbl(parameters, self.HAUL_RADIUS, context),
                decay=core.DECAYS[self.parameterAsEnum(parameters, self.DECAY, context)],
                detour=dbl(parameters, self.DETOUR, context),
                border_rule=BORDER_RULES[
                    self.parameterAsEnum(parameters, self.BORDER_RULE, context)
                ],
                border_fee=dbl(parameters, self.BORDER_FEE, context),
                economics=economics_params(self, parameters, context),
                competition=core.COMPETITIONS[
                    self.parameterAsEnum(parameters, self.COMPETITION, context)
                ],
                huff_alpha=dbl(parameters, self.HUFF_ALPHA, context),
                huff_beta=dbl(parameters, self.HUFF_BETA, context),
            )
        except ParameterError as err:
            raise QgsProcessingException(
                self.tr("Parameter “{name}”: {reason}").format(name=err.name, reason=err.reason)
            ) from None

    def _regions(self, parameters, context, feedback, crs, rule: str) -> Regions | None:
        source = self.parameterAsSource(parameters, self.REGIONS, context)
        if rule == "open":
            if source is not None:
                feedback.pushInfo(self.tr("Open borders: the provinces are not used."))
            return None
        if source is None:
            raise QgsProcessingException(
                self.tr("The “{rule}” border rule needs province polygons (REGIONS).").format(
                    rule=rule
                )
            )
        return Regions(
            source,
            self.parameterAsString(parameters, self.REGION_ID_FIELD, context),
            crs,
            context,
            feedback,
        )

    def _existing(self, parameters, context, feedback, crs):
        source = self.parameterAsSource(parameters, self.EXISTING_PLANTS, context)
        if source is None:
            return None
        name = self.parameterAsString(parameters, self.EXISTING_CAPACITY_FIELD, context)
        if not name:
            raise QgsProcessingException(
                self.tr(
                    "Existing plants were given without a capacity field (EXISTING_CAPACITY_FIELD)."
                )
            )
        idx = numeric_field_index(source, name, self.tr("existing plant capacity"))
        return read_located(
            source, idx, name, crs, context, feedback, (10, 15), what=self.tr("Existing plants")
        )

    def _provinces(self, regions, codes, x, y, ids, use, what, rule, feedback) -> np.ndarray:
        where = regions.region_of(np.where(use, x, np.nan), np.where(use, y, np.nan))
        out = np.where(where >= 0, codes[np.maximum(where, 0)], -1)
        warn_outside([ids[i] for i in np.flatnonzero(use & (where < 0))], what, rule, feedback)
        return out

    def _grid(self, parameters, context, supply, use, params) -> GridSpec:
        pixel = self.parameterAsDouble(parameters, self.PIXEL_SIZE, context) * 1000.0
        if parameters.get(self.EXTENT) not in (None, ""):
            crs = target_crs(self, parameters, context)
            rect = self.parameterAsExtent(parameters, self.EXTENT, context, crs)
            if rect.isNull() or rect.width() <= 0 or rect.height() <= 0:
                raise QgsProcessingException(self.tr("The extent is empty."))
            return GridSpec.from_extent(
                rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum(), pixel
            )
        return default_grid(supply_bbox(supply, use), pixel, params.haul_radius_km)

    def _check_memory(self, grid: GridSpec, params, polygons: bool) -> None:
        try:
            core.check_grid_memory(
                grid, params, supply_grid=polygons, extra_bytes_per_cell=CALLER_BYTES_PER_CELL
            )
        except core.GridTooLargeError as err:
            raise QgsProcessingException(self._memory_message(err)) from None

    def _memory_message(self, err) -> str:
        return self.tr(
            "The grid is too large: {cols} × {rows} cells would need about {need:,.0f} MiB, more "
            "than the {budget:,.0f} MiB this computer has free. Use a pixel size of {pixel:g} km "
            "or more (PIXEL_SIZE), or a smaller EXTENT."
        ).format(
            cols=err.ncols,
            rows=err.nrows,
            need=err.estimate_bytes / 2**20,
            budget=err.budget_bytes / 2**20,
            pixel=err.suggested_pixel_m / 1000.0,
        )

    def _report(self, path, run, result, params, best, sizes) -> None:
        from ...reports.surface import surface_report_html

        rules = [
            self.tr("Open (green channel)"),
            self.tr("Fee on cross-province supply"),
            self.tr("Closed (own province only)"),
        ]
        modes = [self.tr("Existing plants served first"), self.tr("Market share (Huff model)")]
        settings = [
            (
                self.tr("Grid"),
                self.tr("{cols} × {rows} cells of {pixel:g} km").format(
                    cols=result.grid.ncols, rows=result.grid.nrows, pixel=result.grid.pixel / 1000
                ),
            ),
            (self.tr("Capacity of the new plant (t/yr)"), f"{params.capacity:,.0f}"),
            (self.tr("Haul radius (km)"), f"{params.haul_radius_km:,.0f}"),
            (self.tr("Border rule"), rules[BORDER_RULES.index(params.border_rule)]),
            (
                self.tr("Competition with existing plants"),
                modes[core.COMPETITIONS.index(params.competition)],
            ),
            (self.tr("Li₂CO₃ price (CNY/t)"), f"{params.economics.rm.li2co3_price:,.0f}"),
            (self.tr("Supply (t/yr)"), f"{result.supply_total:,.0f}"),
        ]
        rows = [(cell, *self._breakeven_at(result, cell)) for cell in best]
        self.write_report(
            path,
            *run,
            surface_report_html(
                title=self.tr("Profit surface of a new plant"),
                settings=settings,
                best=rows,
                sizes=sizes,
                li2co3_price=params.economics.rm.li2co3_price,
                tr=report_tr,
            ),
        )

    @staticmethod
    def _breakeven_at(result, cell) -> tuple:
        """(break-even Li₂CO₃ price, support) of a best cell, None where undefined."""
        fee = float(result.border_fee_cost[cell.row, cell.col])
        extra = float(result.transport_cost[cell.row, cell.col]) + (0.0 if np.isnan(fee) else fee)
        price = float(
            breakeven_li2co3(
                result.params.economics.values(), result.params.capacity, [cell.throughput], [extra]
            )[0]
        )
        support = float(breakeven_support([cell.profit], [cell.throughput])[0])
        return (None if np.isnan(price) else price, None if np.isnan(support) else support)

    def _report_breakeven(self, price, params, feedback) -> None:
        low, high = core.finite_range(price)
        now = params.economics.rm.li2co3_price
        if low is None:
            feedback.pushInfo(
                self.tr(
                    "No cell breaks even at a Li₂CO₃ price up to {p:,.0f} "
                    "CNY/t (ten times the given price)."
                ).format(p=10 * now)
            )
            return
        with np.errstate(invalid="ignore"):
            paying = int(np.count_nonzero(price <= now))
        feedback.pushInfo(
            self.tr(
                "Break-even Li₂CO₃ price: {low:,.0f} to {high:,.0f} CNY/t "
                "(given price {now:,.0f} CNY/t; {n:,} cells pay at it)."
            ).format(low=low, high=high, now=now, n=paying)
        )

    def _report_supply(self, result, existing, feedback) -> None:
        feedback.pushInfo(
            self.tr(
                "Supply: {total:,.0f} t/yr; left after existing plants "
                "{left:,.0f} t/yr; too far outside the grid {out:,.0f} t/yr."
            ).format(total=result.supply_total, left=result.supply_left, out=result.supply_outside)
        )
        if existing is not None and result.existing_intake.size:
            if result.params.competition == "market_share":
                feedback.pushInfo(
                    self.tr(
                        "Market shares: without the new plant the existing plants would draw "
                        "{t:,.0f} t/yr (Huff model, capacities not enforced); the surface splits "
                        "every source between them and the new plant."
                    ).format(t=float(np.nansum(result.existing_intake)))
                )
            else:
                feedback.pushInfo(
                    self.tr("Existing plants draw {t:,.0f} t/yr.").format(
                        t=float(np.nansum(result.existing_intake))
                    )
                )

    def _write(
        self, parameters, context, feedback, result, params, crs, wkt, outputs, best
    ) -> dict:
        profit_path, supply_path, breakeven_path = outputs
        illustrative = run_uses_sample(self, parameters, context)
        feedback.setProgressText(self.tr("Writing rasters…"))
        results = {}
        if not write_raster(
            profit_path,
            result.profit,
            result.grid,
            wkt,
            self.tr("Profit of a new plant (CNY/yr)"),
            "CNY/yr",
            feedback,
            illustrative=illustrative,
        ):
            return {}
        results[self.OUTPUT] = profit_path
        low, high = core.finite_range(result.profit)
        digits = 1 if low is not None and high - low < 2e7 else 0
        attach_raster_style(
            context,
            profit_path,
            style_diverging(
                profit_path,
                (low, high),
                lambda v: self.tr("{v} M CNY/yr").format(v=f"{v / 1e6:+,.{digits}f}" if v else "0"),
            ),
        )
        feedback.setProgress(88)
        max_supply = core.finite_range(result.supply)[1]
        if supply_path:
            if not write_raster(
                supply_path,
                result.supply,
                result.grid,
                wkt,
                self.tr("Reachable supply (t/yr)"),
                "t/yr",
                feedback,
                illustrative=illustrative,
            ):
                return {}
            results[self.SUPPLY_OUTPUT] = supply_path
            attach_raster_style(
                context,
                supply_path,
                style_raster(
                    supply_path,
                    SUPPLY_STYLE,
                    max_supply or 1.0,
                    lambda v: self.tr("{v} t/yr").format(v=f"{v:,.0f}"),
                ),
            )
        if breakeven_path:
            price = breakeven_surface(result)
            if not write_raster(
                breakeven_path,
                price,
                result.grid,
                wkt,
                self.tr("Break-even Li₂CO₃ price (CNY/t)"),
                "CNY/t",
                feedback,
                illustrative=illustrative,
            ):
                return {}
            results[self.BREAKEVEN_OUTPUT] = breakeven_path
            now = params.economics.rm.li2co3_price
            attach_raster_style(
                context,
                breakeven_path,
                style_breakeven(
                    breakeven_path,
                    core.finite_range(price),
                    now,
                    lambda v: self.tr("{v} CNY/t").format(v=f"{v:,.0f}"),
                    upper_quartiles(price, now),
                ),
            )
            self._report_breakeven(price, params, feedback)
            del price
        feedback.setProgress(95)
        dest = self._write_best(parameters, context, feedback, result, best, crs)
        if dest:
            results[self.BEST] = dest
        results["BEST_PROFIT"] = python_number(best[0].profit) if best else None
        results["MAX_SUPPLY"] = python_number(max_supply)
        feedback.setProgress(100)
        return results

    def _best(self, parameters, context, feedback, result, params) -> list:
        n = self.parameterAsInt(parameters, self.N_BEST, context)
        sep = (
            None
            if parameters.get(self.MIN_SEPARATION) in (None, "")
            else self.parameterAsDouble(parameters, self.MIN_SEPARATION, context)
        )
        low = (
            params.capacity / 2
            if parameters.get(self.MIN_THROUGHPUT) in (None, "")
            else self.parameterAsDouble(parameters, self.MIN_THROUGHPUT, context)
        )
        best = core.best_locations(result, n, sep, low) if n > 0 else []
        if n > 0 and not best:
            feedback.pushWarning(
                self.tr(
                    "No cell reaches a throughput above {t:,.0f} t/yr: there "
                    "are no best locations."
                ).format(t=low)
            )
        elif best and best[0].profit < 0:
            feedback.pushInfo(
                self.tr(
                    "Every best location loses money: the least loss is " "{p:,.0f} CNY/yr."
                ).format(p=best[0].profit)
            )
        return best

    def _write_best(self, parameters, context, feedback, result, best, crs) -> str | None:
        fields = QgsFields()
        fields.append(new_field("rank", "int"))
        for name in (
            "profit",
            "supply_t",
            "throughput_t",
            "transport_cost",
            "fee_cost",
            "breakeven_li2co3",
            "breakeven_support",
        ):
            fields.append(new_field(name, "double"))
        sink, dest = self.parameterAsSink(
            parameters, self.BEST, context, fields, QgsWkbTypes.Point, crs
        )
        if sink is None:
            return None
        for cell in best:
            price, support = self._breakeven_at(result, cell)
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
            sink.addFeature(feature)
        del sink
        finish_styling(context, dest, qml_styler(BEST_STYLE), feedback)
        if best:
            feedback.pushInfo(
                self.tr(
                    "Best location: {p:,.0f} CNY/yr with {s:,.0f} t/yr of " "reachable supply."
                ).format(p=best[0].profit, s=best[0].supply)
            )
        return dest


class _Rerun:
    """The same surface with other parameters (the plant-size rows of the report)."""

    def __init__(self, work, source, prov_grid, plants, grid, top, left, feedback) -> None:
        self.args = (work, source, prov_grid, plants, grid, top, left)
        self.feedback = feedback

    def __call__(self, params):
        work, source, prov_grid, plants, grid, top, left = self.args
        return crop(
            core.profit_surface(
                work,
                params,
                source,
                provinces=prov_grid,
                existing=plants,
                canceled=self.feedback.isCanceled,
            ),
            grid,
            top,
            left,
        )
