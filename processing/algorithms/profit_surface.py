"""Algorithm ``profit_surface``: the profit a new plant would make at every cell of a grid."""

from __future__ import annotations

import numpy as np
from qgis.core import QgsProcessingException, QgsProcessingMultiStepFeedback

from ...core.constants import BORDER_RULES
from ...core.economics.breakeven import breakeven_surface
from ...core.errors import NoValidRowsError, ParameterError, RowValuesError
from ...core.siting import surface as core
from ...core.siting.extent import CroppedSurface, default_grid, working_grid
from ...core.siting.grid import GridSpec, radius_cells
from ...core.siting.memory import CALLER_BYTES_PER_CELL
from ...core.siting.overflow import SurfaceOverflowError
from ...core.siting.plant_size import DEFAULT_SIZES_T, capacity_sweep
from ..help_texts import surface_help
from ..illustrative import run_uses_sample
from ..io.destinations import ensure_outputs_not_inputs
from ..io.economics import economics_params
from ..io.grid import supply_bbox
from ..io.layers import feature_refs, format_ids, numeric_field_index, python_number
from ..io.rasters import ogr_polygons, raster_styler, rasterize_codes, sidecar_path, spread_polygons
from ..io.siting import Regions, is_polygon_source, read_located, target_crs
from ..io.surface_outputs import (
    report_breakeven,
    report_supply,
    write_best,
    write_breakeven,
    write_profit,
    write_report,
    write_supply,
)
from ..siting_parameters import add_surface_parameters
from .base import AtlasAlgorithm

PROFIT_STYLE = "profit_surface.qml"  # nominal ramp; the written raster's is from its data


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
        add_surface_parameters(self, self.tr)

    def processAlgorithm(self, parameters, context, feedback):
        """Read → core → write: read and project the layers, rasterise the provinces and any
        polygon supply, run ``core.siting.surface`` on the working grid, write and style."""
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
        # The raster paths (raster destinations only: for a feature sink this call would queue a
        # second layer to load). It registers each raster to load on completion, once.
        outputs = [
            self.parameterAsOutputLayer(parameters, k, context)
            for k in (self.OUTPUT, self.SUPPLY_OUTPUT, self.BREAKEVEN_OUTPUT)
        ]
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        names = ["supply", "existing", "rasterise", "compute", *(["sizes"] * bool(report)), "write"]
        steps = QgsProcessingMultiStepFeedback(len(names), feedback)

        def step(name: str) -> None:
            steps.setCurrentStep(names.index(name))

        feedback.setProgressText(self.tr("Reading supply…"))
        supply = read_located(
            supply_src,
            idx,
            field,
            crs,
            context,
            steps,
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
        step("existing")
        existing = self._existing(parameters, context, steps, crs)
        if existing is None and steps.isCanceled():
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

        step("rasterise")
        feedback.setProgressText(self.tr("Rasterising…"))
        surface = self._rasterise(
            supply, use, existing, regions, work, grid, (top, left), wkt, params, steps
        )
        if steps.isCanceled():
            return {}

        step("compute")
        feedback.setProgressText(self.tr("Computing the surface…"))
        try:
            result = surface(params, progress=lambda f: steps.setProgress(100 * f))
        except core.Canceled:
            return {}
        except core.GridTooLargeError as err:
            raise QgsProcessingException(self._memory_message(err)) from None
        except SurfaceOverflowError as err:
            raise QgsProcessingException(
                self._overflow_message(err, supply_src, supply, use, field)
            ) from None
        except (ParameterError, RowValuesError, NoValidRowsError) as err:
            raise QgsProcessingException(
                self.tr("The surface cannot be computed: {e}").format(e=err)
            ) from None
        sizes = []
        if report:
            step("sizes")
            feedback.setProgressText(self.tr("Plant sizes for the report…"))
            try:
                sizes = capacity_sweep(surface, params, sorted({*DEFAULT_SIZES_T, params.capacity}))
            except core.Canceled:
                return {}
        del surface
        report_supply(result, existing, feedback, self.tr)
        best = self._best(parameters, context, feedback, result, params)
        step("write")
        results = self._write(parameters, context, steps, result, params, crs, wkt, outputs, best)
        if report and results:
            write_report(self, report, (parameters, context), result, best, sizes, self.tr)
            results[self.REPORT] = report
        return results

    def _rasterise(
        self, supply, use, existing, regions, work, grid, offset, wkt, params, feedback
    ) -> CroppedSurface:
        """The core's inputs on the working grid: the province grid, the supply (points, or
        polygons spread over their area) and the existing plants."""
        prov_grid, sprov, eprov = None, None, None
        rule = params.border_rule
        if regions is not None:
            codes = regions.code_index()
            ds, layer = ogr_polygons(regions.geoms, codes, wkt)
            prov_grid = rasterize_codes(layer, work, wkt)
            del ds, layer
            if not supply.polygons:  # polygon supply takes the province of each cell
                what = self.tr("Supply points")
                sprov = regions.codes_at(supply, use, what, rule, feedback)
            if existing is not None:
                what = self.tr("Existing plants")
                eprov = regions.codes_at(existing, existing.valid(), what, rule, feedback)
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
        top, left = offset
        return CroppedSurface(work, grid, top, left, source, prov_grid, plants, feedback.isCanceled)

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
            source, idx, name, crs, context, feedback, what=self.tr("Existing plants")
        )

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

    def _overflow_message(self, err, source, supply, use, field: str) -> str:
        """The surface would not be finite: say which input, with the supply features (name and
        id) or the parameters to lower."""
        if err.which == "capacity":
            what = self.tr("the plant capacity (PLANT_CAPACITY) is too large")
        elif err.which == "supply" and err.indices and not supply.polygons:
            rows = np.flatnonzero(use)[err.indices]
            refs = feature_refs(source, [supply.features[i] for i in rows])
            what = self.tr("the supply in “{field}” is too large at features {ids}").format(
                field=field, ids=format_ids(refs)
            )
        elif err.which == "supply":
            what = self.tr("the supply in “{field}” is too large").format(field=field)
        else:
            what = self.tr(
                "supply × transport cost is too large (SUPPLY_FIELD, TRANSPORT_COST, DETOUR, "
                "HAUL_RADIUS, BORDER_FEE)"
            )
        return self.tr(
            "The profit surface would not be finite: {what}; the largest value it can hold is "
            "{limit:.3g}."
        ).format(what=what, limit=err.limit)

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

    def _write(
        self, parameters, context, feedback, result, params, crs, wkt, outputs, best
    ) -> dict:
        """Every output, one writer each (``io.surface_outputs``); {} when cancelled."""
        profit_path, supply_path, breakeven_path = outputs
        illustrative = run_uses_sample(self, parameters, context)
        feedback.setProgressText(self.tr("Writing rasters…"))
        results = {}
        staged = self.stage_file(profit_path, self.OUTPUT)
        if not write_profit(
            profit_path, staged, result, wkt, context, feedback, self.tr, illustrative
        ):
            return {}
        profit_map = (staged, raster_styler(sidecar_path(staged)))
        results[self.OUTPUT] = profit_path
        feedback.setProgress(40)
        max_supply = core.finite_range(result.supply)[1]
        if supply_path:
            staged = self.stage_file(supply_path, self.SUPPLY_OUTPUT)
            if not write_supply(
                supply_path,
                staged,
                result,
                wkt,
                context,
                feedback,
                self.tr,
                illustrative,
                max_supply,
            ):
                return {}
            results[self.SUPPLY_OUTPUT] = supply_path
        if breakeven_path:
            price = breakeven_surface(result)
            staged = self.stage_file(breakeven_path, self.BREAKEVEN_OUTPUT)
            if not write_breakeven(
                breakeven_path, staged, price, result, wkt, context, feedback, self.tr, illustrative
            ):
                return {}
            results[self.BREAKEVEN_OUTPUT] = breakeven_path
            report_breakeven(price, params, feedback, self.tr)
            del price
        feedback.setProgress(75)
        dest = write_best(self, parameters, self.BEST, context, feedback, result, best, crs)
        if dest:
            results[self.BEST] = dest
            if best:
                feedback.pushInfo(
                    self.tr(
                        "Best location: {p:,.0f} CNY/yr with {s:,.0f} t/yr of " "reachable supply."
                    ).format(p=best[0].profit, s=best[0].supply)
                )
        self._styled_output = profit_map  # the report maps the profit surface
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
