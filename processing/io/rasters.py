"""Rasters of ``profit_surface``: province and polygon-supply grids rasterised with GDAL, the
GeoTIFF outputs, and their styles (a QML sidecar next to the file, which QGIS reads whenever the
raster is opened, and a post-processor for the layer Processing loads)."""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr
from qgis.core import (
    QgsColorRampShader,
    QgsMapLayer,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsRasterFileWriter,
    QgsRasterLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...core.siting import spread
from ...core.siting.grid import GridSpec, nice_pixel_size
from ..compat import gdal_exceptions, ogr_memory_driver
from ..styling import postprocess
from ..styling.postprocess import STYLES_DIR

#: Rows written per GDAL call.
WRITE_ROWS = 512
#: GeoTIFF options: tiled, compressed on every core, BigTIFF when needed. Zstandard at level 1
#: where this GDAL has it (GDAL 2.3+ builds with zstd, as QGIS's do): on a 1 km surface of China
#: (22 M cells) it writes in about a quarter of DEFLATE's time at the same size (31 MB instead of
#: 94 MB uncompressed); otherwise fast DEFLATE. No predictor: a float predictor shrinks the file
#: to a third but doubles the time.
GTIFF_BASE = ["TILED=YES", "NUM_THREADS=ALL_CPUS", "BIGTIFF=IF_SAFER"]


def gtiff_options() -> list[str]:
    """:data:`GTIFF_BASE` with ZSTD level 1 when the GeoTIFF driver offers it, else DEFLATE 1."""
    offered = gdal.GetDriverByName("GTiff").GetMetadataItem("DMD_CREATIONOPTIONLIST") or ""
    if "ZSTD" in offered:
        return GTIFF_BASE + ["COMPRESS=ZSTD", "ZSTD_LEVEL=1"]
    return GTIFF_BASE + ["COMPRESS=DEFLATE", "ZLEVEL=1"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("SitingRaster", text)


def _srs(wkt: str) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def ogr_polygons(geoms, codes, wkt: str):
    """An OGR memory layer of the (projected) geometries with an integer field ``k``; the data
    source is returned too (the layer lives as long as it)."""
    with gdal_exceptions():
        ds = ogr_memory_driver().CreateDataSource("siting")
        layer = ds.CreateLayer("p", _srs(wkt), ogr.wkbUnknown)
        layer.CreateField(ogr.FieldDefn("k", ogr.OFTInteger))
        for geom, code in zip(geoms, codes):
            if geom is None or geom.isEmpty():
                continue
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("k", int(code))
            feature.SetGeometry(ogr.CreateGeometryFromWkb(bytes(geom.asWkb())))
            layer.CreateFeature(feature)
    return ds, layer


def _mem_raster(ncols: int, nrows: int, transform, wkt: str, fill: int):
    ds = gdal.GetDriverByName("MEM").Create("", ncols, nrows, 1, gdal.GDT_Int32)
    ds.SetGeoTransform(transform)
    ds.SetProjection(wkt)
    ds.GetRasterBand(1).Fill(fill)
    return ds


def rasterize_codes(layer, grid: GridSpec, wkt: str) -> np.ndarray:
    """Integer code per cell (the polygon under the cell centre; −1 = none)."""
    with gdal_exceptions():
        ds = _mem_raster(grid.ncols, grid.nrows, grid.geotransform, wkt, -1)
        gdal.RasterizeLayer(ds, [1], layer, options=["ATTRIBUTE=k"])
        return ds.GetRasterBand(1).ReadAsArray().astype(np.int32)


def spread_polygons(
    geoms: list,
    values: np.ndarray,
    grid: GridSpec,
    wkt: str,
    feedback: QgsProcessingFeedback | None = None,
) -> tuple[np.ndarray, float]:
    """Spread each polygon's value (t/yr) over the grid cells in proportion to area
    (``core.siting.spread``): the polygons' labels are rasterised here on the sub-cell grid,
    strip by strip, and their boxes, areas and points on surface read from the geometries.
    Returns the grid (float64, t/yr per cell) and the t/yr left out (outside the grid)."""
    n = len(geoms)
    f = spread.subcell_factor(grid)
    sub = grid.pixel / f
    ds_v, layer = ogr_polygons(geoms, range(1, n + 1), wkt)
    rows_per = spread.strip_rows(grid, f)
    parts = []
    for r0 in range(0, grid.nrows, rows_per):
        if feedback is not None and feedback.isCanceled():
            break
        rs = min(rows_per, grid.nrows - r0)
        transform = (grid.x0, sub, 0.0, grid.y0 - r0 * grid.pixel, 0.0, -sub)
        with gdal_exceptions():
            ds = _mem_raster(grid.ncols * f, rs * f, transform, wkt, 0)
            gdal.RasterizeLayer(ds, [1], layer, options=["ATTRIBUTE=k"])
            lab = ds.GetRasterBand(1).ReadAsArray()
        del ds
        parts.append(spread.strip_counts(lab, r0, grid.ncols, f, n))
    del ds_v, layer
    totals = spread.subcells_per_polygon(parts, n)
    boxes = np.full((n, 4), np.nan)
    areas = np.zeros(n)
    points = np.full((n, 2), np.nan)
    for i, geom in enumerate(geoms):
        if geom is None or geom.isEmpty():
            continue
        box = geom.boundingBox()
        boxes[i] = (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
        areas[i] = geom.area()
        if totals[i] <= 0:  # too small for a sub-cell centre: its point on surface
            point = geom.pointOnSurface().asPoint()
            points[i] = (point.x(), point.y())
    return spread.spread_counts(grid, f, values, parts, boxes, areas, points)


def write_raster(
    path: str,
    array: np.ndarray,
    grid: GridSpec,
    wkt: str,
    description: str,
    unit: str,
    feedback: QgsProcessingFeedback | None = None,
    illustrative: bool = False,
) -> bool:
    """Write one Float32 band (NaN = no data); the driver follows the file extension
    (GeoTIFF by default). False when cancelled (the file is then removed). ``illustrative``
    (computed from the shipped sample's illustrative values) is stored as the GDAL metadata
    item ``ILLUSTRATIVE=1``, which maps and reports read back."""
    try:
        with gdal_exceptions():
            return _write_raster(path, array, grid, wkt, description, unit, feedback, illustrative)
    except (RuntimeError, OSError) as error:
        raise QgsProcessingException(
            _tr("Could not write the raster {path}: {error}").format(path=path, error=error)
        ) from None


def _write_raster(
    path: str,
    array: np.ndarray,
    grid: GridSpec,
    wkt: str,
    description: str,
    unit: str,
    feedback: QgsProcessingFeedback | None,
    illustrative: bool,
) -> bool:
    ext = Path(path).suffix.lstrip(".").lower()
    name = QgsRasterFileWriter.driverForExtension(ext) if ext else "GTiff"
    driver = gdal.GetDriverByName(name or "GTiff")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    direct = driver.GetMetadataItem(gdal.DCAP_CREATE) == "YES"
    options = gtiff_options() if driver.ShortName == "GTiff" else []
    target = driver if direct else gdal.GetDriverByName("MEM")
    ds = target.Create(
        path if direct else "", grid.ncols, grid.nrows, 1, gdal.GDT_Float32, options=options
    )
    band = None
    cancelled = False
    try:
        ds.SetGeoTransform(grid.geotransform)
        ds.SetProjection(wkt)
        if illustrative:
            ds.SetMetadataItem("ILLUSTRATIVE", "1")
        band = ds.GetRasterBand(1)
        band.SetNoDataValue(float("nan"))
        band.SetDescription(description)
        band.SetUnitType(unit)
        for r0 in range(0, grid.nrows, WRITE_ROWS):
            if feedback is not None and feedback.isCanceled():
                cancelled = True
                break
            block = np.ascontiguousarray(array[r0 : r0 + WRITE_ROWS], dtype=np.float32)
            band.WriteArray(block, 0, r0)
        if not direct and not cancelled:
            driver.CreateCopy(path, ds)
        band = None
        # Closing writes the last tiles and the directory: a full disk fails here.
        ds.Close() if hasattr(ds, "Close") else ds.FlushCache()  # Close: GDAL 3.8+
    finally:
        # Let go of it quietly: after a failed write, GDAL's error on release would print as
        # "Exception ignored in …" (the failure itself is raised from the write above).
        hook, sys.unraisablehook = sys.unraisablehook, lambda _unraisable: None
        try:
            band = ds = None
        finally:
            sys.unraisablehook = hook
    if cancelled:
        if direct:
            gdal.Unlink(path)
        return False
    # Read the last row back: a disk that filled up when the file was closed leaves it short,
    # and that must fail here rather than replace an earlier output.
    check = gdal.Open(path)
    if check is None or check.RasterYSize != grid.nrows:
        raise OSError(_tr("the file could not be read back (is the disk full?)"))
    check.GetRasterBand(1).ReadAsArray(0, grid.nrows - 1, grid.ncols, 1)
    check = None
    return True


def raster_styler(qml: Path) -> Callable[[QgsMapLayer], None]:
    """A styler (for the report's map) that loads the QML file ``qml`` into a raster layer."""

    def apply(layer: QgsMapLayer) -> None:
        if qml.exists():
            layer.loadNamedStyle(str(qml))

    return apply


def sidecar_path(path: str) -> Path:
    """``name.qml`` beside ``name.tif``: the style QGIS loads by default with the raster."""
    return Path(path).with_suffix(".qml")


def style_raster(path: str, qml: str, top: float, label) -> Path | None:
    """Load ``resources/styles/<qml>`` (a pseudo-colour ramp), scale its stops so that the
    largest |stop| becomes ``top`` (rounded up to 1, 2, 2.5 or 5 × 10^k), label them with
    ``label(value)`` and save it as the raster's sidecar QML. Returns the sidecar."""
    aux = Path(path + ".aux.xml")
    had_aux = aux.exists()
    layer = QgsRasterLayer(path, "styled", "gdal")
    if not layer.isValid():
        return None
    layer.loadNamedStyle(str(STYLES_DIR / qml))
    renderer = layer.renderer()
    shader = getattr(renderer, "shader", lambda: None)()
    ramp = shader.rasterShaderFunction() if shader is not None else None
    if isinstance(ramp, QgsColorRampShader):
        items = ramp.colorRampItemList()
        largest = max((abs(i.value) for i in items), default=0.0)
        top = nice_pixel_size(top) if top > 0 and math.isfinite(top) else 1.0
        if largest > 0:
            factor = top / largest
            scaled = [
                QgsColorRampShader.ColorRampItem(i.value * factor, i.color, label(i.value * factor))
                for i in items
            ]
            ramp.setColorRampItemList(scaled)
            legend = ramp.legendSettings()
            legend.setUseContinuousLegend(False)  # the labelled stops, with their units
            ramp.setLegendSettings(legend)
            low, high = scaled[0].value, scaled[-1].value
            ramp.setMinimumValue(low)
            ramp.setMaximumValue(high)
            renderer.setClassificationMin(low)
            renderer.setClassificationMax(high)
    target = sidecar_path(path)
    _message, ok = layer.saveNamedStyle(str(target))
    del layer
    if not had_aux and aux.exists():  # statistics GDAL stored while the layer was open
        aux.unlink()
    return target if ok else None


def attach_raster_style(context: QgsProcessingContext, dest: str, qml: Path | None) -> None:
    """Style ``dest`` with ``qml`` when it is loaded on completion (the one post-processor
    registry, :func:`..styling.postprocess.attach_raster_style`)."""
    postprocess.attach_raster_style(context, dest, qml)


#: ColorBrewer BrBG (colour-blind safe): brown losses, white zero, teal profits.
LOSS_COLORS = ("#8c510a", "#bf812d", "#dfc27d", "#f6e8c3")
GAIN_COLORS = ("#c7eae5", "#80cdc1", "#35978f", "#01665e")
ZERO_COLOR = "#f5f5f5"
#: Break-even price: greens at or below the given price (pays now), then ColorBrewer YlOrRd.
PAYS_COLORS = ("#1a9850", "#a6d96a")
SHORT_COLORS = ("#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c", "#800026")


def diverging_stops(low: float, high: float) -> list[tuple[float, str]]:
    """Profit ramp stops (value, colour) from the data range: the loss colours spread over
    [low, min(high, 0)], the profit colours over [max(low, 0), high], white at 0 when the range
    spans it; a range all on one side uses that side's colours only, so its differences show."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return [(0.0, ZERO_COLOR)]
    if high <= low:
        return [(low, LOSS_COLORS[1] if low < 0 else GAIN_COLORS[2])]
    stops: list[tuple[float, str]] = []
    if low < 0:
        end = min(high, 0.0)
        n = len(LOSS_COLORS)
        stops += [(low + (end - low) * k / n, c) for k, c in enumerate(LOSS_COLORS)]
        if high < 0:
            stops.append((high, ZERO_COLOR))
    if low <= 0 <= high:
        stops.append((0.0, ZERO_COLOR))
    if high > 0:
        start = max(low, 0.0)
        n = len(GAIN_COLORS)
        if low > 0:
            stops.append((low, ZERO_COLOR))
        stops += [(start + (high - start) * (k + 1) / n, c) for k, c in enumerate(GAIN_COLORS)]
    return stops


def breakeven_stops(
    low: float, high: float, price: float, quantiles: tuple[float, ...] = ()
) -> list[tuple[float, str]]:
    """Break-even ramp stops: greens from the lowest price up to the given ``price`` (cells
    that pay at it), a sharp step there, then yellow to dark red up to the highest. The reds'
    inner stops sit at ``quantiles`` of the prices above the given one when given (three
    values: the quartiles, so that each colour band holds a quarter of the cells), else evenly."""
    top = max(high, price * 1.05)
    stops: list[tuple[float, str]] = []
    if low < price:
        stops += [(low, PAYS_COLORS[0]), (price, PAYS_COLORS[1])]
    step = price * (1 + 1e-9) if low < price else price
    n = len(SHORT_COLORS) - 1
    inner = [q for q in quantiles if step < q < top]
    if len(inner) == n - 1 and all(b > a for a, b in zip(inner, inner[1:])):
        values = [step, *inner, top]
    else:
        values = [step + (top - step) * k / n for k in range(n + 1)]
    stops += list(zip(values, SHORT_COLORS))
    return stops


def upper_quartiles(values: np.ndarray, above: float, sample: int = 1_000_000) -> tuple:
    """Quartiles of the finite values above ``above`` (a strided sample of at most ``sample``
    cells is enough for a colour ramp); () when there are none."""
    flat = values.reshape(-1)
    step = max(1, flat.size // sample)
    part = flat[::step].astype(np.float64)
    part = part[np.isfinite(part) & (part > above)]
    if part.size < 4:
        return ()
    return tuple(float(v) for v in np.quantile(part, (0.25, 0.5, 0.75)))


def _save_ramp(path: str, stops: list[tuple[float, str, str]]) -> Path | None:
    """An interpolated pseudo-colour sidecar QML with labelled ``(value, colour, label)``
    stops for the raster at ``path``."""
    from qgis.core import QgsRasterShader, QgsSingleBandPseudoColorRenderer
    from qgis.PyQt.QtGui import QColor

    aux = Path(path + ".aux.xml")
    had_aux = aux.exists()
    layer = QgsRasterLayer(path, "styled", "gdal")
    if not layer.isValid():
        return None
    items = [QgsColorRampShader.ColorRampItem(v, QColor(c), lab) for v, c, lab in stops]
    ramp = QgsColorRampShader(items[0].value, items[-1].value)
    ramp.setColorRampType(QgsColorRampShader.Interpolated)
    ramp.setColorRampItemList(items)
    legend = ramp.legendSettings()
    legend.setUseContinuousLegend(False)
    ramp.setLegendSettings(legend)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(items[0].value)
    renderer.setClassificationMax(items[-1].value)
    layer.setRenderer(renderer)
    target = sidecar_path(path)
    _message, ok = layer.saveNamedStyle(str(target))
    del layer
    if not had_aux and aux.exists():
        aux.unlink()
    return target if ok else None


def style_diverging(path: str, value_range, label) -> Path | None:
    """Profit raster sidecar: :func:`diverging_stops` over the data's (min, max), each stop
    labelled with ``label(value)``."""
    low, high = value_range
    if low is None:
        low = high = 0.0
    return _save_ramp(path, [(v, c, label(v)) for v, c in diverging_stops(low, high)])


def style_breakeven(
    path: str, value_range, price: float, label, quantiles: tuple[float, ...] = ()
) -> Path | None:
    """Break-even raster sidecar: :func:`breakeven_stops`, the given price's stop labelled as
    such."""
    low, high = value_range
    if low is None:
        low, high = price, price
    out = []
    for v, c in breakeven_stops(low, high, price, quantiles):
        text = label(v)
        if c in (PAYS_COLORS[1], SHORT_COLORS[0]) and abs(v - price) <= 1e-6 * price:
            text = _tr("{value} (given price)").format(value=label(price))
        out.append((v, c, text))
    if len(out) > 2 and out[0][0] < price:  # one legend entry for the two stops at the price
        out[2] = (out[2][0], out[2][1], "")
    return _save_ramp(path, out)
