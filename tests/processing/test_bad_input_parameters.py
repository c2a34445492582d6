"""Bad parameters refused before anything runs (issue 12, points 5, 7, 12, 13, 14): a matrix of
algorithm × bad input through ``processing.run`` (and a few cells through the real
``qgis_process``); unwritable reports and presets; map export of empty layers and bad bounds;
the mode of the files written (the umask's).

Each refused cell asserts the message names the parameter (its name, and its description for
the generic checks) and holds no Python traceback; the read-only-folder tests compare the files
on disk before and after, byte for byte.
"""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsGeometry, QgsProcessing, QgsProcessingException

from tests.layers import memory_layer, plants_layer, point, square, table

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "data" / "china_sample.gpkg"
SALES = ROOT / "resources" / "data" / "nev_sales_sample.csv"
COSTS = ROOT / "resources" / "data" / "observed_unit_costs.csv"
PROVINCES = f"{SAMPLE}|layername=provinces"
CITIES = f"{SAMPLE}|layername=cities"
PLANTS = f"{SAMPLE}|layername=whitelist_plants"
TMP = "TEMPORARY_OUTPUT"

#: Valid parameters of every algorithm (the sample data), outputs temporary.
VALID: dict[str, dict] = {
    "retirement_capacity_ratio": {
        "INPUT": PROVINCES,
        "RETIREMENT_FIELD": "retire_2025_t",
        "CAPACITY_FIELD": "capacity_2025_t",
        "NAME_FIELD": "name_zh",
        "OUTPUT": TMP,
    },
    "natural_breaks_matching": {
        "INPUT": CITIES,
        "VOLUME_FIELD": "retire_2025_t",
        "OUTLETS_FIELD": "outlets_2025",
        "CLASSES": 3,
        "NAME_FIELD": "name_zh",
        "OUTPUT": TMP,
    },
    "capital_compliance": {
        "INPUT": PROVINCES,
        "CAPITAL_FIELD": "capital_cny",
        "WHITELIST_FIELD": "whitelist_firms",
        "NAME_FIELD": "name_zh",
        "OUTPUT": TMP,
    },
    "retirement_forecast": {
        "INPUT": str(SALES),
        "REGION_FIELD": "province",
        "YEAR_FIELD": "year",
        "SALES_FIELD": "nev_sales",
        "SALES_UNIT": 0,
        "START_YEAR": 2025,
        "END_YEAR": 2030,
        "OUTPUT": TMP,
    },
    "join_region_table": {
        "INPUT": PROVINCES,
        "REGION_KEY_FIELD": "adcode",
        "TABLE": str(SALES),
        "TABLE_KEY_FIELD": "province_adcode",
        "OUTPUT": TMP,
        "UNMATCHED": TMP,
    },
    "plant_profit": {
        "INPUT": PLANTS,
        "CAPACITY_FIELD": "capacity_t",
        "THROUGHPUT_FIELD": "throughput_t",
        "NAME_FIELD": "name",
        "OUTPUT": TMP,
    },
    "profit_uncertainty": {
        "INPUT": PLANTS,
        "CAPACITY_FIELD": "capacity_t",
        "THROUGHPUT_FIELD": "throughput_t",
        "NAME_FIELD": "name",
        "N_SIMULATIONS": 200,
        "OUTPUT": TMP,
    },
    "calibrate_scale_curve": {
        "INPUT": str(COSTS),
        "THROUGHPUT_FIELD": "throughput_t",
        "UNIT_COST_FIELD": "unit_cost_cny_t",
    },
    "profit_surface": {
        "SUPPLY": CITIES,
        "SUPPLY_FIELD": "retire_2025_t",
        "PIXEL_SIZE": 100,
        "HAUL_RADIUS": 300,
        "OUTPUT": TMP,
        "BEST": TMP,
    },
    "allocate_supply": {
        "SUPPLY": CITIES,
        "SUPPLY_FIELD": "retire_2025_t",
        "SUPPLY_PROVINCE_FIELD": "province_adcode",
        "PLANTS": PLANTS,
        "CAPACITY_FIELD": "capacity_t",
        "PLANT_PROVINCE_FIELD": "province_adcode",
        "OUTPUT_FLOWS": TMP,
        "OUTPUT_PLANTS": TMP,
        "OUTPUT_REGIONS": TMP,
    },
    "export_publication_map": {"INPUT": PROVINCES, "DPI": 50},
}

#: Text that QGIS 3.22 reads as 0 in an optional number parameter, or that is not finite.
BAD_NUMBERS = ("abc", "nan", "1e400", "0x10", "1,5")


def _definitions(name: str):
    alg = QgsApplication.processingRegistry().algorithmById(f"battery_recycling:{name}")
    assert alg is not None, name
    return alg.parameterDefinitions()


def _number_cells() -> list[tuple[str, str]]:
    """(algorithm, number parameter): every optional number parameter of every algorithm (QGIS
    lets words into those), and some mandatory ones (QGIS refuses words there, without saying
    which parameter it means). Written out: collection happens before QGIS starts."""
    prices = ("LI2CO3_PRICE", "FEEDSTOCK_PRICE", "SUBSIDY", "CARBON_PRICE", "PRICE_SPREAD")
    return [
        *[("plant_profit", key) for key in ("UTILIZATION", *prices)],
        *[("profit_uncertainty", key) for key in ("UTILIZATION", *prices, "N_SIMULATIONS")],
        *[("profit_surface", key) for key in prices],
        ("profit_surface", "MIN_THROUGHPUT"),
        ("profit_surface", "MIN_SEPARATION"),
        ("profit_surface", "PLANT_CAPACITY"),
        ("allocate_supply", "MAX_DISTANCE"),
        ("allocate_supply", "BORDER_FEE"),
        ("retirement_forecast", "SECOND_MEAN"),
        ("retirement_forecast", "SECOND_SHAPE"),
        ("retirement_forecast", "LIFETIME_SCALE"),
        ("retirement_forecast", "START_YEAR"),
        ("natural_breaks_matching", "CLASSES"),
        ("natural_breaks_matching", "ALPHA"),
        ("export_publication_map", "LABEL_TOP"),
        ("export_publication_map", "DPI"),
    ]


def _refused(run_alg, name: str, params: dict) -> str:
    with pytest.raises(QgsProcessingException) as caught:
        run_alg(name, params)
    message = str(caught.value)
    assert "Traceback" not in message and "Error:" not in message, message
    return message


def test_every_number_parameter_is_in_the_matrix(plugin):
    """The matrix below covers every optional number parameter (those QGIS lets words into)."""
    cells = set(_number_cells())
    for name in VALID:
        for definition in _definitions(name):
            if definition.type() in ("number", "distance") and (
                definition.flags() & definition.FlagOptional
            ):
                assert (name, definition.name()) in cells, (name, definition.name())


@pytest.mark.parametrize("bad", BAD_NUMBERS)
@pytest.mark.parametrize(("name", "key"), _number_cells())
def test_words_and_non_finite_numbers_are_refused(run_alg, name, key, bad):
    definition = next(d for d in _definitions(name) if d.name() == key)
    message = _refused(run_alg, name, {**VALID[name], key: bad})
    assert key in message and definition.description() in message and bad in message, message


@pytest.mark.parametrize(
    ("name", "key", "value"),
    [
        ("natural_breaks_matching", "CLASSES", "3.5"),
        ("natural_breaks_matching", "CLASSES", 2.5),
        ("retirement_forecast", "START_YEAR", "2025.5"),
        ("profit_uncertainty", "SEED", 1.25),
        ("plant_profit", "LI2CO3_PRICE", float("nan")),
        ("plant_profit", "LI2CO3_PRICE", float("inf")),
    ],
)
def test_fractions_for_integers_and_non_finite_floats_are_refused(run_alg, name, key, value):
    message = _refused(run_alg, name, {**VALID[name], key: value})
    assert key in message and str(value) in message, message


def test_a_whole_number_written_as_a_float_is_an_integer(run_alg):
    """CLASSES = "4.0", 4.0, " 4 " and 4 give the same classes (QGIS reads them all as 4)."""
    base = {**VALID["natural_breaks_matching"]}
    runs = [
        run_alg("natural_breaks_matching", {**base, "CLASSES": k}) for k in (4, "4.0", 4.0, " 4 ")
    ]
    classes = [[f["vol_class"] for f in r["OUTPUT"].getFeatures()] for r in runs]
    assert {c for c in classes[0] if isinstance(c, int)} == {1, 2, 3, 4}
    assert all(other == classes[0] for other in classes[1:])
    breaks = [r["VOL_BREAKS"] for r in runs]
    assert len(breaks[0].split(",")) == 5 and all(b == breaks[0] for b in breaks[1:])


def test_empty_and_spaced_numbers_keep_their_meaning(run_alg):
    """ "" is "not set" (the default price), " 90000 " is 90000, as before."""
    layer = plants_layer([("x", 50_000.0, 40_000.0)])
    base = {"INPUT": layer, "CAPACITY_FIELD": "产能", "THROUGHPUT_FIELD": "处理量", "OUTPUT": TMP}

    def profit(**extra):
        return next(run_alg("plant_profit", {**base, **extra})["OUTPUT"].getFeatures())["profit"]

    assert profit(LI2CO3_PRICE="") == pytest.approx(profit())
    assert profit(LI2CO3_PRICE=" 90000 ") == pytest.approx(profit(LI2CO3_PRICE=90_000))
    assert profit(LI2CO3_PRICE=90_000) != pytest.approx(profit())


# -- geometry types --------------------------------------------------------------------------


def _layers() -> dict[int, object]:
    """One small layer of each kind, by the data type it is."""
    fields = "field=name:string&field=v:double&field=code:string"
    return {
        QgsProcessing.TypeVectorPoint: memory_layer(
            f"Point?crs=EPSG:4326&{fields}", [(point(110, 30), "p", 1.0, "1")], "点层"
        ),
        QgsProcessing.TypeVectorPolygon: memory_layer(
            f"Polygon?crs=EPSG:4326&{fields}", [(square(110, 30), "q", 1.0, "1")], "面层"
        ),
        QgsProcessing.TypeVectorLine: memory_layer(
            f"LineString?crs=EPSG:4326&{fields}",
            [(QgsGeometry.fromWkt("LINESTRING(110 30, 111 31)"), "l", 1.0, "1")],
            "线层",
        ),
        -100: table(fields, [("t", 1.0, "1")], "表"),  # no geometry
    }


#: (algorithm, source parameter, the wrong kind given) — every restricted source parameter.
GEOMETRY_CELLS = [
    ("retirement_capacity_ratio", "INPUT", QgsProcessing.TypeVectorPoint),
    ("retirement_capacity_ratio", "INPUT", -100),
    ("retirement_capacity_ratio", "PLANTS", QgsProcessing.TypeVectorPolygon),
    ("capital_compliance", "INPUT", QgsProcessing.TypeVectorPoint),
    ("capital_compliance", "WHITELIST", QgsProcessing.TypeVectorPolygon),
    ("natural_breaks_matching", "OUTLETS", QgsProcessing.TypeVectorPolygon),
    ("join_region_table", "INPUT", -100),
    ("plant_profit", "INPUT", QgsProcessing.TypeVectorPolygon),
    ("plant_profit", "INPUT", -100),
    ("profit_uncertainty", "INPUT", QgsProcessing.TypeVectorLine),
    ("profit_surface", "SUPPLY", QgsProcessing.TypeVectorLine),
    ("profit_surface", "SUPPLY", -100),
    ("profit_surface", "REGIONS", QgsProcessing.TypeVectorPoint),
    ("profit_surface", "EXISTING_PLANTS", QgsProcessing.TypeVectorPolygon),
    ("allocate_supply", "PLANTS", QgsProcessing.TypeVectorPolygon),
    ("allocate_supply", "REGIONS", QgsProcessing.TypeVectorPoint),
    ("allocate_supply", "SUPPLY", -100),
]

KIND_WORDS = {
    QgsProcessing.TypeVectorPoint: "points",
    QgsProcessing.TypeVectorPolygon: "polygons",
    QgsProcessing.TypeVectorLine: "lines",
    -100: "no geometry",
}


@pytest.mark.parametrize(("name", "key", "kind"), GEOMETRY_CELLS)
def test_a_layer_of_the_wrong_geometry_type_is_refused(run_alg, name, key, kind):
    layers = _layers()
    definition = next(d for d in _definitions(name) if d.name() == key)
    assert kind not in definition.dataTypes()
    message = _refused(run_alg, name, {**VALID[name], key: layers[kind]})
    assert key in message and definition.description() in message, message
    assert layers[kind].name() in message and KIND_WORDS[kind] in message, message


def test_every_restricted_source_parameter_is_in_the_matrix(plugin):
    cells = {(name, key) for name, key, _kind in GEOMETRY_CELLS}
    for name in VALID:
        for d in _definitions(name):
            if d.type() == "source" and set(d.dataTypes()) <= {0, 1, 2, -1}:
                assert (name, d.name()) in cells, (name, d.name())


def test_tables_and_any_geometry_parameters_still_take_what_they_declare(run_alg):
    """A table where any vector is declared (the forecast's sales) and lines where any geometry
    is declared (the join's regions) are accepted."""
    layers = _layers()
    res = run_alg(
        "join_region_table",
        {
            **VALID["join_region_table"],
            "INPUT": layers[QgsProcessing.TypeVectorLine],
            "REGION_KEY_FIELD": "code",
            "TABLE": table("field=k:string&field=x:double", [("1", 2.5)]),
            "TABLE_KEY_FIELD": "k",
        },
    )
    assert [f["x"] for f in res["OUTPUT"].getFeatures()] == [2.5]


# -- the real qgis_process ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "extra", "expected"),
    [
        ("plant_profit", ["LI2CO3_PRICE=abc"], "(LI2CO3_PRICE) must be a number, got “abc”"),
        ("retirement_forecast", ["SECOND_MEAN=abc"], "(SECOND_MEAN) must be a number"),
        (
            "profit_surface",
            ["MIN_THROUGHPUT=1e400"],
            "(MIN_THROUGHPUT) must be a finite number, got “1e400”",
        ),
        ("natural_breaks_matching", ["CLASSES=3.5"], "(CLASSES) must be a whole number"),
        (
            "retirement_capacity_ratio",
            [f"INPUT={PLANTS}"],
            "(INPUT) takes layers of polygons, but “china_sample” (whitelist_plants) has points",
        ),
    ],
)
def test_qgis_process_refuses_with_the_parameter_named(
    qgis_process, tmp_path, name, extra, expected
):
    """The message comes after qgis_process's "ERROR:" (its parameter check), exit code 1, and
    no output is written."""
    given = {e.split("=", 1)[0] for e in extra}
    layers = ("OUTPUT", "BEST", "UNMATCHED")
    args = [
        f"{k}={v}" for k, v in VALID[name].items() if k not in given and not k.startswith(layers)
    ]
    args += [f"{k}={tmp_path / k.lower()}.gpkg" for k in VALID[name] if k.startswith(layers)]
    proc = qgis_process("run", f"battery_recycling:{name}", "--", *args, *extra)
    text = proc.stdout + proc.stderr
    assert proc.returncode == 1, text
    error = text[text.index("ERROR:") :]
    assert expected in error and "Traceback" not in text, text
    assert list(tmp_path.iterdir()) == [], text


# -- unwritable reports and presets ----------------------------------------------------------


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        if p.is_file()
        else "/"
        for p in sorted(folder.rglob("*"))
    }


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """``folder`` cannot be written into: mode 0555, and for root (whom modes do not stop) the
    immutable attribute; skips when neither works here."""
    mode = folder.stat().st_mode
    folder.chmod(0o555)
    immutable = False
    probe = folder / ".probe"
    try:
        try:
            probe.touch()
        except OSError:
            pass
        else:
            probe.unlink()
            immutable = subprocess.run(["chattr", "+i", str(folder)], check=False).returncode == 0
            try:
                probe.touch()
            except OSError:
                pass
            else:
                probe.unlink()
                pytest.skip("no way to make a read-only folder here")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(stat.S_IMODE(mode))


REPORTERS = [
    "retirement_capacity_ratio",
    "natural_breaks_matching",
    "capital_compliance",
    "retirement_forecast",
    "plant_profit",
    "profit_uncertainty",
    "calibrate_scale_curve",
    "profit_surface",
    "allocate_supply",
]


def _with_files(name: str, folder: Path) -> dict:
    """VALID[name] with its layer outputs temporary and a preset (calibration) in ``folder``."""
    params = dict(VALID[name])
    if name == "calibrate_scale_curve":
        params["OUTPUT"] = str(folder / "preset.json")
    return params


@pytest.mark.parametrize("name", REPORTERS)
def test_a_report_in_a_read_only_folder_is_refused_and_nothing_changes(run_alg, tmp_path, name):
    locked = tmp_path / "锁定"
    locked.mkdir()
    (locked / "report.html").write_text("earlier report", encoding="utf-8")
    outputs = tmp_path / "out"
    outputs.mkdir()
    (outputs / "preset.json").write_text("{}", encoding="utf-8")
    before, before_out = _snapshot(locked), _snapshot(outputs)
    report = locked / "report.html"
    with read_only(locked):
        message = _refused(run_alg, name, {**_with_files(name, outputs), "REPORT": str(report)})
    assert "REPORT" in message and str(report) in message, message
    assert _snapshot(locked) == before
    assert _snapshot(outputs) == before_out  # the preset is committed with the report or not


@pytest.mark.parametrize("name", ["plant_profit", "calibrate_scale_curve"])
def test_a_report_in_a_missing_folder_is_written_with_its_folder(run_alg, tmp_path, name):
    report = tmp_path / "新" / "子" / "report.html"
    params = {**_with_files(name, tmp_path), "REPORT": str(report)}
    run_alg(name, params)
    assert "<html" in report.read_text(encoding="utf-8").lower()


@pytest.mark.parametrize("where", ["missing", "read-only"])
def test_a_preset_that_cannot_be_written_is_refused(run_alg, tmp_path, where):
    folder = tmp_path / "预设"
    if where == "read-only":
        folder.mkdir()
        (folder / "preset.json").write_text('{"old": 1}', encoding="utf-8")
    preset = folder / "preset.json"
    params = {**VALID["calibrate_scale_curve"], "OUTPUT": str(preset)}
    if where == "missing":
        message = _refused(run_alg, "calibrate_scale_curve", params)
        assert not folder.exists()
    else:
        before = _snapshot(folder)
        with read_only(folder):
            message = _refused(run_alg, "calibrate_scale_curve", params)
        assert _snapshot(folder) == before
    assert "OUTPUT" in message and str(preset) in message, message


# -- map export ----------------------------------------------------------------------------------


def test_an_empty_layer_is_refused_and_no_map_is_written(run_alg, tmp_path):
    empty = memory_layer("Polygon?crs=EPSG:4326&field=name:string", [], "空图层")
    out = tmp_path / "map.png"
    message = _refused(run_alg, "export_publication_map", {"INPUT": empty, "OUTPUT": str(out)})
    assert "INPUT" in message and "空图层" in message, message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "breaks", ["0,nan,0.5,inf", "0,0.1,0.5,inf", "0,0.2,0.2,1", "0,0.5,0.2,1", "0,abc,1"]
)
@pytest.mark.parametrize("key", ["VOL_BREAKS", "OUTLET_BREAKS"])
def test_bad_class_bounds_are_refused(run_alg, tmp_path, key, breaks):
    out = tmp_path / "map.png"
    params = {"INPUT": PROVINCES, key: breaks, "OUTPUT": str(out)}
    message = _refused(run_alg, "export_publication_map", params)
    assert key in message and breaks in message, message
    assert list(tmp_path.iterdir()) == []


# -- modes follow the umask ------------------------------------------------------------------


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_written_files_follow_the_umask(run_alg, tmp_path, umask):
    previous = os.umask(umask)
    try:
        run_alg(
            "calibrate_scale_curve",
            {
                **VALID["calibrate_scale_curve"],
                "OUTPUT": str(tmp_path / "preset.json"),
                "REPORT": str(tmp_path / "calibration.html"),
            },
        )
        run_alg(
            "plant_profit",
            {
                **VALID["plant_profit"],
                "OUTPUT": str(tmp_path / "profit.gpkg"),
                "REPORT": str(tmp_path / "profit.html"),
            },
        )
        run_alg(
            "export_publication_map",
            {"INPUT": PROVINCES, "DPI": 50, "OUTPUT": str(tmp_path / "map.png")},
        )
    finally:
        os.umask(previous)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()}
    expected = 0o666 & ~umask
    assert modes == dict.fromkeys(
        ["preset.json", "calibration.html", "profit.gpkg", "profit.html", "map.png"], expected
    )


def test_the_model_stops_at_its_first_step_with_the_reason(run_alg, tmp_path, feedback):
    """Points given as the model's provinces: its ratio step refuses them in prepareAlgorithm
    (QGIS reports a step's error to the feedback and ends the model), and nothing is written."""
    fields = "field=name_zh:string&field=r:double&field=c:double&field=k:double&field=w:double"
    points = memory_layer(
        f"Point?crs=EPSG:4326&{fields}",
        [(point(110 + i, 30), f"p{i}", 10.0 * (i + 1), 100.0, 1e6, 2.0) for i in range(4)],
        "省点",
    )
    params = {
        "provinces": points,
        "retirement_field": "r",
        "capacity_field": "c",
        "capital_field": "k",
        "whitelist_field": "w",
        "cities": CITIES,
        "volume_field": "retire_2025_t",
        "outlets_field": "outlets_2025",
        "ratio:layer": str(tmp_path / "ratio.gpkg"),
        "matching:layer": TMP,
        "compliance:layer": TMP,
        **{
            f"{step}_map:map": str(tmp_path / f"{step}.png")
            for step in ("ratio", "matching", "compliance")
        },
    }
    with pytest.raises(QgsProcessingException):
        run_alg("mismatch_workflow", params, feedback)
    assert "“Regions (polygons)” (INPUT) takes layers of polygons, but “省点” has points." in (
        feedback.errors
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "key", "file"),
    [
        ("export_publication_map", "OUTPUT", "map.pdf"),
        ("plant_profit", "OUTPUT", "profit.gpkg"),
        ("retirement_capacity_ratio", "OUTPUT", "ratio.shp"),
        ("join_region_table", "UNMATCHED", "unmatched.csv"),
    ],
)
def test_an_output_in_a_read_only_folder_is_refused_and_nothing_changes(
    run_alg, tmp_path, name, key, file
):
    locked = tmp_path / "只读"
    locked.mkdir()
    (locked / file).write_bytes(b"an earlier output")
    before = _snapshot(locked)
    with read_only(locked):
        message = _refused(run_alg, name, {**VALID[name], key: str(locked / file)})
    assert key in message and str(locked / file) in message, message
    assert _snapshot(locked) == before
