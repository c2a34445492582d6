"""``profit_surface`` and ``allocate_supply`` through Processing (and once through qgis_process),
checked against sums and optima computed here independently (pyproj, brute-force enumeration)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import numpy as np
import pyproj
import pytest
from osgeo import gdal, ogr, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsRectangle,
    QgsVectorLayer,
)
from scipy.optimize import brentq

from battery_recycling_atlas.core.economics.model import DEFAULT_PARAMS, plant_economics

ROOT = Path(__file__).resolve().parents[2]
ALBERS = (
    "+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +x_0=0 +y_0=0 +datum=WGS84 "
    "+units=m +no_defs"
)
TO_LL = pyproj.Transformer.from_crs(ALBERS, "EPSG:4326", always_xy=True)
TO_XY = pyproj.Transformer.from_crs("EPSG:4326", ALBERS, always_xy=True)
TO_MERC = pyproj.Transformer.from_crs(ALBERS, "EPSG:3857", always_xy=True)
KM = 1000.0

# Surface grid: 100 × 80 cells of 10 km; cell (r, c) is centred at (505 + 10c, 3395 − 10r) km.
EXTENT = "500000,1500000,2600000,3400000"  # xmin,xmax,ymin,ymax in the Albers CRS (metres)
X0, Y0, PIX = 500 * KM, 3400 * KM, 10 * KM
P1 = (40, 39, 30_000.0)  # col, row, t/yr
P2 = (50, 39, 10_000.0)  # 100 km east of P1


def centre(col: int, row: int) -> tuple[float, float]:
    return X0 + (col + 0.5) * PIX, Y0 - (row + 0.5) * PIX


def layer(kind: str, crs: str, fields: str, rows: list[tuple]) -> QgsVectorLayer:
    """A memory layer; each row is (QgsGeometry, attributes…)."""
    lyr = QgsVectorLayer(f"{kind}?{fields}", "t", "memory")
    lyr.setCrs(
        QgsCoordinateReferenceSystem.fromProj(crs)
        if crs.startswith("+")
        else QgsCoordinateReferenceSystem(crs)
    )
    feats = []
    for geom, *attrs in rows:
        f = QgsFeature(lyr.fields())
        f.setGeometry(geom)
        f.setAttributes(list(attrs))
        feats.append(f)
    assert lyr.dataProvider().addFeatures(feats)[0]
    return lyr


def lonlat_point(x: float, y: float) -> QgsGeometry:
    lon, lat = TO_LL.transform(x, y)
    return QgsGeometry.fromPointXY(QgsPointXY(lon, lat))


def toy_supply() -> QgsVectorLayer:
    """P1 and P2 in EPSG:4326 at the centres of their cells."""
    rows = [(lonlat_point(*centre(c, r)), t) for c, r, t in (P1, P2)]
    return layer("Point", "EPSG:4326", "field=t:double", rows)


def box(x0: float, y0: float, x1: float, y1: float) -> QgsGeometry:
    return QgsGeometry.fromRect(QgsRectangle(x0, y0, x1, y1))


def halves() -> QgsVectorLayer:
    """Two provinces in the Albers CRS: west (code 11) and east (code 22) of x = 950 km."""
    rows = [
        (box(0, 2000 * KM, 950 * KM, 4000 * KM), 11),
        (box(950 * KM, 2000 * KM, 2000 * KM, 4000 * KM), 22),
    ]
    return layer("Polygon", ALBERS, "field=code:integer", rows)


def raster(path) -> np.ndarray:
    ds = gdal.Open(str(path))
    try:
        return ds.GetRasterBand(1).ReadAsArray().astype(np.float64)
    finally:
        ds = None


def brute_supply(decay: str, col: int, row: int, points=(P1, P2), radius=300.0):
    """S and Σ s·w·d at a cell, from the points' lon/lat projected here with pyproj."""
    cx, cy = centre(col, row)
    s = sd = 0.0
    for c, r, t in points:
        lon, lat = TO_LL.transform(*centre(c, r))
        x, y = TO_XY.transform(lon, lat)
        d = np.hypot(x - cx, y - cy) / KM
        if d > radius:
            continue
        w = {"none": 1.0, "linear": 1 - d / radius, "exponential": np.exp(-3 * d / radius)}[decay]
        s += t * w
        sd += t * w * d
    return s, sd


def run_surface(run_alg, tmp_path, supply, feedback=None, **extra):
    params = {
        "SUPPLY": supply,
        "SUPPLY_FIELD": "t",
        "EXTENT": EXTENT,
        "PIXEL_SIZE": 10,
        "HAUL_RADIUS": 300,
        "OUTPUT": str(tmp_path / "profit.tif"),
        "SUPPLY_OUTPUT": str(tmp_path / "supply.tif"),
        "BEST": "TEMPORARY_OUTPUT",
    }
    params.update(extra)
    return run_alg("profit_surface", params, feedback)


CELLS = [(40, 39), (50, 39), (45, 39), (15, 39), (40, 10), (75, 39), (60, 60), (0, 0)]


@pytest.mark.parametrize("decay", ["none", "linear", "exponential"])
def test_surface_equals_brute_force_sums(run_alg, tmp_path, decay):
    res = run_surface(
        run_alg, tmp_path, toy_supply(), DECAY=["none", "linear", "exponential"].index(decay)
    )
    supply = raster(res["SUPPLY_OUTPUT"])
    profit = raster(res["OUTPUT"])
    assert supply.shape == (80, 100)
    for col, row in CELLS:
        s, sd = brute_supply(decay, col, row)
        assert supply[row, col] == pytest.approx(s, rel=1e-5, abs=0.05), (col, row)
        # Q = min(50 kt, S) = S here; transport = Q/S·Σ s·w·d × detour 1.3 × 1.2 CNY/t·km.
        expected = plant_economics(DEFAULT_PARAMS, [50_000.0], [s]).profit[0] - sd * 1.3 * 1.2
        assert profit[row, col] == pytest.approx(expected, rel=1e-5), (col, row)
    assert res["MAX_SUPPLY"] == pytest.approx(float(supply.max()))
    assert isinstance(res["MAX_SUPPLY"], float)
    sidecar = Path(res["OUTPUT"]).with_suffix(".qml")
    assert "singlebandpseudocolor" in sidecar.read_text(encoding="utf-8")


def test_best_location_is_the_heavier_point(run_alg, tmp_path):
    res = run_surface(run_alg, tmp_path, toy_supply())
    best = list(res["BEST"].getFeatures())
    # Every cell within 300 km of both points takes all 40 kt (< 50 kt capacity); transport
    # Σ s·d is smallest at the heavier point (the weighted Weber point of two points).
    assert best[0]["rank"] == 1
    x, y = centre(P1[0], P1[1])
    point = best[0].geometry().asPoint()
    assert (point.x(), point.y()) == (pytest.approx(x, abs=1), pytest.approx(y, abs=1))
    assert best[0]["supply_t"] == pytest.approx(40_000, rel=1e-5)
    assert best[0]["profit"] == pytest.approx(res["BEST_PROFIT"])
    assert res["BEST"].crs().toProj().startswith("+proj=aea")
    for f in best[1:]:  # each at least the haul radius from the ones before
        assert f.geometry().distance(best[0].geometry()) >= 300 * KM - 1


def test_border_rules_and_existing_plants(run_alg, tmp_path):
    # Closed: P1 (west) alone in its province.
    res = run_surface(
        run_alg, tmp_path, toy_supply(), REGIONS=halves(), REGION_ID_FIELD="code", BORDER_RULE=2
    )
    supply = raster(res["SUPPLY_OUTPUT"])
    assert supply[39, 40] == pytest.approx(30_000, rel=1e-5)
    assert supply[39, 50] == pytest.approx(10_000, rel=1e-5)
    # Fee: all supply counts, the foreign part pays 300 CNY/t.
    res = run_surface(
        run_alg,
        tmp_path,
        toy_supply(),
        REGIONS=halves(),
        BORDER_RULE=1,
        BORDER_FEE=300,
        OUTPUT=str(tmp_path / "fee.tif"),
        SUPPLY_OUTPUT=str(tmp_path / "fee_s.tif"),
    )
    s, sd = brute_supply("none", 40, 39)
    expected = plant_economics(DEFAULT_PARAMS, [50_000.0], [s]).profit[0] - sd * 1.56 - 10_000 * 300
    assert raster(res["OUTPUT"])[39, 40] == pytest.approx(expected, rel=1e-5)
    # An existing 30 kt plant at P1 reaches both (40 kt): it takes 3/4 of each, 10 kt remain.
    plant = layer(
        "Point",
        "EPSG:3857",
        "field=cap:double",
        [(QgsGeometry.fromPointXY(QgsPointXY(*TO_MERC.transform(*centre(40, 39)))), 30_000.0)],
    )
    res = run_surface(
        run_alg,
        tmp_path,
        toy_supply(),
        EXISTING_PLANTS=plant,
        EXISTING_CAPACITY_FIELD="cap",
        OUTPUT=str(tmp_path / "ex.tif"),
        SUPPLY_OUTPUT=str(tmp_path / "ex_s.tif"),
        MIN_THROUGHPUT=0,
    )
    assert raster(res["SUPPLY_OUTPUT"])[39, 50] == pytest.approx(10_000, rel=1e-4)


def test_polygon_supply_is_spread_over_its_area(run_alg, tmp_path):
    # A 40 km square of 12,000 t/yr in EPSG:4326 (projected by the algorithm): every cell within
    # 300 km − 30 km of it reaches all of it.
    cx, cy = centre(40, 39)
    ring = [
        QgsPointXY(*TO_LL.transform(cx + dx * KM, cy + dy * KM))
        for dx, dy in ((-20, -20), (20, -20), (20, 20), (-20, 20), (-20, -20))
    ]
    square = layer(
        "Polygon", "EPSG:4326", "field=t:double", [(QgsGeometry.fromPolygonXY([ring]), 12_000.0)]
    )
    res = run_surface(run_alg, tmp_path, square)
    supply = raster(res["SUPPLY_OUTPUT"])
    for col, row in ((40, 39), (45, 39), (40, 20), (60, 39)):
        assert supply[row, col] == pytest.approx(12_000, rel=1e-4)
    assert supply[39, 75] == 0  # 350 km away
    # A grid east of the square (x from 950 km) still counts all of it within the radius.
    res = run_surface(
        run_alg,
        tmp_path,
        square,
        EXTENT="950000,1500000,2600000,3400000",
        OUTPUT=str(tmp_path / "e.tif"),
        SUPPLY_OUTPUT=str(tmp_path / "e_s.tif"),
    )
    east = raster(res["SUPPLY_OUTPUT"])
    assert east.shape == (80, 55)
    assert east[39, 0] == pytest.approx(12_000, rel=1e-4)  # 50 km from the centre
    assert east[39, 30] == 0  # 350 km


def test_memory_guard_names_a_pixel_size(run_alg, tmp_path):
    with pytest.raises(QgsProcessingException) as err:
        run_surface(run_alg, tmp_path, toy_supply(), PIXEL_SIZE=0.01)
    message = str(err.value)
    match = re.search(r"pixel size of ([\d.,]+) km", message)
    assert match, message
    assert float(match.group(1).replace(",", "")) > 0.01
    assert "PIXEL_SIZE" in message


def test_surface_needs_regions_for_the_border_rules(run_alg, tmp_path):
    with pytest.raises(QgsProcessingException, match="REGIONS"):
        run_surface(run_alg, tmp_path, toy_supply(), BORDER_RULE=2)


# -- allocation -----------------------------------------------------------------------------

# Supply (km, Albers): S1, S2 west of x = 950 km (province 11), S3 east (22); 1,000 t units.
SUPPLY_KM = ((800, 3000), (930, 3100), (1150, 3000))
SUPPLY_T = (3, 2, 4)
PLANT_KM = ((900, 2950), (1300, 3050))  # plant A west, plant B east
CAPACITY_T = (4, 4)
SUPPLY_PROV = (11, 11, 22)
PLANT_PROV = (11, 22)
PENALTY = 10_000.0


def alloc_layers(extra_supply=()):
    """Supply in EPSG:4326 (t/yr), plants in EPSG:3857 (capacity t/yr): mixed CRSs."""
    rows = [(lonlat_point(x * KM, y * KM), t * 1000.0) for (x, y), t in zip(SUPPLY_KM, SUPPLY_T)]
    rows += [(lonlat_point(x * KM, y * KM), t) for (x, y), t in extra_supply]
    supply = layer("Point", "EPSG:4326", "field=t:double", rows)
    plants = layer(
        "Point",
        "EPSG:3857",
        "field=cap:double",
        [
            (QgsGeometry.fromPointXY(QgsPointXY(*TO_MERC.transform(x * KM, y * KM))), c * 1000.0)
            for (x, y), c in zip(PLANT_KM, CAPACITY_T)
        ],
    )
    return supply, plants


def brute_force_objective(rule: str, fee: float = 300.0) -> float:
    """Min over every integral allocation (1,000 t units; the LP's vertices are integral)."""
    unit = np.zeros((3, 2))
    for i, (sx, sy) in enumerate(SUPPLY_KM):
        for j, (px, py) in enumerate(PLANT_KM):
            d = np.hypot(sx - px, sy - py)  # km (the Albers coordinates themselves)
            cross = SUPPLY_PROV[i] != PLANT_PROV[j]
            unit[i, j] = (
                np.inf
                if (cross and rule == "closed")
                else d * 1.3 * 1.2 + (fee if cross and rule == "fee" else 0.0)
            )
    best = np.inf
    choices = [[(a, b) for a in range(s + 1) for b in range(s + 1 - a)] for s in SUPPLY_T]
    for pick in itertools.product(*choices):
        load = [sum(p[j] for p in pick) for j in range(2)]
        if any(load[j] > CAPACITY_T[j] for j in range(2)):
            continue
        cost = 0.0
        for i, (a, b) in enumerate(pick):
            for j, f in enumerate((a, b)):
                if f:
                    cost += f * unit[i, j]
            cost += (SUPPLY_T[i] - a - b) * PENALTY
        best = min(best, cost)
    return best * 1000.0


def run_allocation(run_alg, supply, plants, feedback=None, **extra):
    params = {
        "SUPPLY": supply,
        "SUPPLY_FIELD": "t",
        "PLANTS": plants,
        "CAPACITY_FIELD": "cap",
        "REGIONS": halves(),
        "REGION_ID_FIELD": "code",
        "BORDER_FEE": 300,
        "OUTPUT_FLOWS": "TEMPORARY_OUTPUT",
        "OUTPUT_PLANTS": "TEMPORARY_OUTPUT",
        "OUTPUT_REGIONS": "TEMPORARY_OUTPUT",
    }
    params.update(extra)
    return run_alg("allocate_supply", params, feedback)


def check_balances(res):
    flows = list(res["OUTPUT_FLOWS"].getFeatures())
    plants = {f.id(): f for f in res["OUTPUT_PLANTS"].getFeatures()}
    regions = {f.id(): f for f in res["OUTPUT_REGIONS"].getFeatures()}
    received = {k: 0.0 for k in plants}
    shipped = {k: 0.0 for k in regions}
    for f in flows:
        received[f["to_id"]] += f["flow_t"]
        shipped[f["from_id"]] += f["flow_t"]
        assert f["cost"] == pytest.approx(f["flow_t"] * f["unit_cost"])
    for k, f in plants.items():
        assert f["allocated_t"] == pytest.approx(received[k], abs=1e-6)
        assert f["allocated_t"] <= f["cap"] * (1 + 1e-9)  # capacity never exceeded
        assert f["utilization"] == pytest.approx(f["allocated_t"] / f["cap"])
    for k, f in regions.items():  # supply = allocated + unmet
        assert shipped[k] + f["unmet_t"] == pytest.approx(f["t"], abs=1e-6)
    return flows


@pytest.mark.parametrize("rule", ["open", "fee", "closed"])
def test_allocation_equals_brute_force(run_alg, rule, tmp_path):
    supply, plants = alloc_layers()
    res = run_allocation(
        run_alg,
        supply,
        plants,
        BORDER_RULE=["open", "fee", "closed"].index(rule),
        REPORT=str(tmp_path / "a.html"),
    )
    objective = res["TOTAL_COST"] + PENALTY * res["UNMET_T"]
    assert objective == pytest.approx(brute_force_objective(rule), rel=1e-6)
    flows = check_balances(res)
    assert res["UNMET_T"] == pytest.approx(1000.0, abs=1e-6)  # 9 kt of supply, 8 kt capacity
    assert res["NATIONAL_UTILIZATION"] == pytest.approx(1.0)
    cross = sum(f["flow_t"] for f in flows if f["cross_border"])
    assert res["CROSS_BORDER_SHARE"] == pytest.approx(cross / sum(f["flow_t"] for f in flows))
    if rule == "closed":
        assert cross == 0
    html = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert "<svg" in html


def test_infeasible_closed_case_and_points_outside(run_alg, feedback):
    # S4 lies in a third province without a plant; S5 outside every province.
    supply, plants = alloc_layers(extra_supply=(((1800, 3200), 700.0), ((2500, 3000), 500.0)))
    # The third province overlaps the east half: a point falls in the first region that holds
    # it, so it comes first.
    regions = layer(
        "Polygon",
        ALBERS,
        "field=code:integer",
        [(box(1700 * KM, 3100 * KM, 1900 * KM, 3300 * KM), 33)]
        + [(f.geometry(), f["code"]) for f in halves().getFeatures()],
    )
    res = run_allocation(run_alg, supply, plants, feedback, REGIONS=regions, BORDER_RULE=2)
    unmet = {f.id(): f["unmet_t"] for f in res["OUTPUT_REGIONS"].getFeatures()}
    ids = sorted(unmet)
    assert unmet[ids[3]] == pytest.approx(700.0) and unmet[ids[4]] == pytest.approx(500.0)
    assert any("outside every region" in w and str(ids[4]) in w for w in feedback.warnings)
    check_balances(res)


def test_allocation_bad_input(run_alg, feedback):
    supply, plants = alloc_layers()
    empty = layer("Point", "EPSG:4326", "field=t:double", [])
    with pytest.raises(QgsProcessingException, match="empty"):
        run_allocation(run_alg, empty, plants)
    zero = layer(
        "Point",
        "EPSG:3857",
        "field=cap:double",
        [(QgsGeometry.fromPointXY(QgsPointXY(*TO_MERC.transform(900 * KM, 2950 * KM))), 0.0)],
    )
    res = run_allocation(run_alg, supply, zero, feedback)
    assert res["UNMET_T"] == pytest.approx(9000.0)
    assert res["NATIONAL_UTILIZATION"] is None
    assert any("capacity is 0" in w for w in feedback.warnings)
    with pytest.raises(QgsProcessingException, match="province"):
        run_allocation(run_alg, supply, plants, REGIONS=None, BORDER_RULE=1)


def test_polygon_supply_with_province_fields(run_alg):
    # Supply squares carrying their province code; plants carry theirs: no REGIONS needed.
    squares = []
    for (x, y), t, p in zip(SUPPLY_KM, SUPPLY_T, SUPPLY_PROV):
        squares.append(
            (box((x - 10) * KM, (y - 10) * KM, (x + 10) * KM, (y + 10) * KM), t * 1000.0, p)
        )
    supply = layer("Polygon", ALBERS, "field=t:double&field=prov:integer", squares)
    plants = layer(
        "Point",
        "EPSG:3857",
        "field=cap:double&field=prov:string",
        [
            (
                QgsGeometry.fromPointXY(QgsPointXY(*TO_MERC.transform(x * KM, y * KM))),
                c * 1000.0,
                str(p),
            )
            for (x, y), c, p in zip(PLANT_KM, CAPACITY_T, PLANT_PROV)
        ],
    )
    res = run_allocation(
        run_alg,
        supply,
        plants,
        REGIONS=None,
        SUPPLY_PROVINCE_FIELD="prov",
        PLANT_PROVINCE_FIELD="prov",
        BORDER_RULE=1,
    )
    # Point on surface of a square is its centre: the same optimum as the points.
    objective = res["TOTAL_COST"] + PENALTY * res["UNMET_T"]
    assert objective == pytest.approx(brute_force_objective("fee"), rel=1e-6)


# -- qgis_process -----------------------------------------------------------------------------


def write_gpkg(path: Path, name: str, epsg: int, geom_type, fields, rows) -> None:
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    lyr = ds.CreateLayer(name, srs, geom_type)
    for fname, kind in fields:
        lyr.CreateField(ogr.FieldDefn(fname, kind))
    for wkt, *values in rows:
        f = ogr.Feature(lyr.GetLayerDefn())
        for (fname, _), value in zip(fields, values):
            f.SetField(fname, value)
        f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        lyr.CreateFeature(f)
    ds = None


def test_both_from_the_command_line(run_cli, tmp_path):
    folder = tmp_path / "选址 输出"
    folder.mkdir()
    supply = folder / "供应.gpkg"
    rows = []
    for (x, y), t in zip(SUPPLY_KM, SUPPLY_T):
        lon, lat = TO_LL.transform(x * KM, y * KM)
        rows.append((f"POINT({lon} {lat})", t * 1000.0, "甲" if x < 950 else "乙"))
    write_gpkg(
        supply, "供应", 4326, ogr.wkbPoint, [("退役量", ogr.OFTReal), ("省", ogr.OFTString)], rows
    )
    plants = folder / "工厂.gpkg"
    prow = []
    for (x, y), c in zip(PLANT_KM, CAPACITY_T):
        lon, lat = TO_LL.transform(x * KM, y * KM)
        prow.append((f"POINT({lon} {lat})", c * 1000.0, "甲" if x < 950 else "乙"))
    write_gpkg(
        plants, "工厂", 4326, ogr.wkbPoint, [("产能", ogr.OFTReal), ("省", ogr.OFTString)], prow
    )
    res = run_cli(
        "allocate_supply",
        f"SUPPLY={supply}",
        "SUPPLY_FIELD=退役量",
        "SUPPLY_PROVINCE_FIELD=省",
        f"PLANTS={plants}",
        "CAPACITY_FIELD=产能",
        "PLANT_PROVINCE_FIELD=省",
        "BORDER_RULE=1",
        "BORDER_FEE=300",
        f"OUTPUT_FLOWS={folder / '流向.gpkg'}",
        f"OUTPUT_PLANTS={folder / '厂.gpkg'}",
        f"OUTPUT_REGIONS={folder / '区.gpkg'}",
        f"REPORT={folder / '报告.html'}",
    )
    assert res["TOTAL_COST"] + PENALTY * res["UNMET_T"] == pytest.approx(
        brute_force_objective("fee"), rel=1e-6
    )
    ds = ogr.Open(str(folder / "流向.gpkg"))
    assert ds.GetLayer(0).GetFeatureCount() >= 3
    # Computed from the user's own columns (退役量, 产能): not flagged illustrative.
    assert {f.GetField("illustrative") for f in ds.GetLayer(0)} == {0}
    styles = ds.ExecuteSQL("SELECT COUNT(*) FROM layer_styles")
    assert styles.GetNextFeature().GetField(0) == 1
    ds.ReleaseResultSet(styles)
    ds = None

    res = run_cli(
        "profit_surface",
        f"SUPPLY={supply}",
        "SUPPLY_FIELD=退役量",
        "PIXEL_SIZE=20",
        "HAUL_RADIUS=200",
        "PLANT_CAPACITY=10000",
        f"OUTPUT={folder / '利润.tif'}",
        f"SUPPLY_OUTPUT={folder / '供应量.tif'}",
        f"BEST={folder / '最佳.gpkg'}",
    )
    supply_grid = raster(folder / "供应量.tif")
    assert float(np.nanmax(supply_grid)) == pytest.approx(res["MAX_SUPPLY"])
    assert res["MAX_SUPPLY"] <= 9000.0 * (1 + 1e-5)
    assert (folder / "利润.qml").exists()
    ds = ogr.Open(str(folder / "最佳.gpkg"))
    assert ds.GetLayer(0).GetFeatureCount() >= 1
    ds = None


# ----------------------------------------------------------------------------- break-even, Huff

PER_TKM = 1.3 * 1.2  # default detour × transport cost


def profit_at(price: float, s: float, sd: float, capacity: float = 50_000.0) -> float:
    econ = DEFAULT_PARAMS.with_values({"rm.li2co3_price": price})
    q = min(capacity, s)
    return float(plant_economics(econ, [capacity], [q]).profit[0]) - q / s * sd * PER_TKM


def test_breakeven_raster_and_best_fields(run_alg, tmp_path):
    res = run_surface(
        run_alg, tmp_path, toy_supply(), BREAKEVEN_OUTPUT=str(tmp_path / "breakeven.tif")
    )
    price = raster(res["BREAKEVEN_OUTPUT"])
    profit = raster(res["OUTPUT"])
    for col, row in CELLS:
        s, sd = brute_supply("none", col, row)
        if s == 0:
            assert np.isnan(price[row, col]), (col, row)
            continue
        expected = brentq(profit_at, 0.0, 800_000.0, args=(s, sd), xtol=1e-3)
        assert price[row, col] == pytest.approx(expected, rel=1e-5), (col, row)
    # the given price (80,000 CNY/t) lies below every break-even price: all cells lose money
    assert np.nanmin(price) > 80_000 and np.nanmax(profit) < 0
    best = list(res["BEST"].getFeatures())
    top = best[0]
    s, sd = brute_supply("none", 40, 39)
    assert top["breakeven_li2co3"] == pytest.approx(
        brentq(profit_at, 0.0, 800_000.0, args=(s, sd), xtol=1e-3), rel=1e-5
    )
    # support per tonne: − profit / throughput
    assert top["breakeven_support"] == pytest.approx(-top["profit"] / top["throughput_t"])
    sidecar = Path(res["BREAKEVEN_OUTPUT"]).with_suffix(".qml").read_text(encoding="utf-8")
    assert "80,000 CNY/t (given price)" in sidecar
    assert 'value="80000"' in sidecar


def test_profit_style_takes_its_stops_from_the_data(run_alg, tmp_path):
    res = run_surface(run_alg, tmp_path, toy_supply())
    profit = raster(res["OUTPUT"])
    sidecar = Path(res["OUTPUT"]).with_suffix(".qml").read_text(encoding="utf-8")
    values = [float(v) for v in re.findall(r'<item [^>]*value="([-0-9.e+]+)"', sidecar)]
    assert min(values) == pytest.approx(np.nanmin(profit), rel=1e-6)
    assert max(values) == pytest.approx(np.nanmax(profit), rel=1e-6)


def test_market_share_mode_by_hand(run_alg, tmp_path):
    # An existing 30 kt plant at P1 (30 kt); the new 50 kt plant at P2's cell (10 kt), 100 km
    # east. Huff α 1, β 2, distances floored at half a pixel (5 km).
    plant = layer(
        "Point",
        "EPSG:3857",
        "field=cap:double",
        [(QgsGeometry.fromPointXY(QgsPointXY(*TO_MERC.transform(*centre(40, 39)))), 30_000.0)],
    )
    res = run_surface(
        run_alg,
        tmp_path,
        toy_supply(),
        EXISTING_PLANTS=plant,
        EXISTING_CAPACITY_FIELD="cap",
        COMPETITION=1,
        MIN_THROUGHPUT=0,
    )
    supply = raster(res["SUPPLY_OUTPUT"])
    x1, y1 = centre(40, 39)
    x2, y2 = centre(50, 39)
    d12 = np.hypot(x2 - x1, y2 - y1) / 1000.0
    pull_p1 = 30_000.0 / 5.0**2
    pull_p2 = 30_000.0 / d12**2
    new_to_p1 = 50_000.0 / d12**2
    new_to_p2 = 50_000.0 / 5.0**2
    expected = 30_000.0 * new_to_p1 / (new_to_p1 + pull_p1) + 10_000.0 * new_to_p2 / (
        new_to_p2 + pull_p2
    )
    assert supply[39, 50] == pytest.approx(expected, rel=1e-4)
    # served first, the same plant leaves only 10 kt (test_border_rules_and_existing_plants)
    assert supply[39, 50] > 10_000


def test_report_shows_plant_sizes(run_alg, tmp_path):
    report = tmp_path / "surface.html"
    res = run_surface(run_alg, tmp_path, toy_supply(), REPORT=str(report), PLANT_CAPACITY=30_000)
    html = report.read_text(encoding="utf-8")
    assert res["REPORT"] == str(report)
    for cap in ("20,000", "30,000", "50,000", "100,000", "200,000"):
        assert f'<td class="num">{cap}</td>' in html
    # the 30 kt/yr row's best site is BEST's first feature; 40 kt in reach everywhere near P1
    top = next(iter(res["BEST"].getFeatures()))
    assert f"{top['breakeven_li2co3']:,.0f}" in html
    # 100 and 200 kt/yr plants never reach half their capacity from 40 kt/yr of supply
    s, sd = brute_supply("none", 40, 39)
    expected = brentq(lambda p: profit_at(p, s, sd, 50_000.0), 0.0, 800_000.0, xtol=1e-3)
    assert f"{expected:,.0f}" in html  # the 50 kt/yr row: best at P1, 40 kt/yr (≥ 25 kt)


def test_flows_of_the_sample_are_flagged_illustrative(run_alg, sample_gpkg):
    res = run_alg(
        "allocate_supply",
        {
            "SUPPLY": f"{sample_gpkg}|layername=cities",
            "SUPPLY_FIELD": "retire_2025_t",
            "PLANTS": f"{sample_gpkg}|layername=whitelist_plants",
            "CAPACITY_FIELD": "capacity_t",
            "BORDER_RULE": 0,
            "OUTPUT_FLOWS": "TEMPORARY_OUTPUT",
            "OUTPUT_PLANTS": "TEMPORARY_OUTPUT",
            "OUTPUT_REGIONS": "TEMPORARY_OUTPUT",
        },
    )
    flows = res["OUTPUT_FLOWS"]
    flows = flows if hasattr(flows, "getFeatures") else QgsVectorLayer(flows, "f", "ogr")
    assert {f["illustrative"] for f in flows.getFeatures()} == {1}
