"""Bad tables through ``processing.run`` (issue 12, points 8–11): algorithm × bad input.

Each cell runs an algorithm on a CSV given as a file path, as an OGR layer or as a delimited-text
layer (what the Data Source Manager loads), and asserts the values it writes or the message it
refuses with (parameter, field, feature ids), and that the input file is byte for byte unchanged.
Feature ids: OGR numbers the data rows of a CSV from 1, the delimited-text provider by file line
(the header is line 1), so the n-th data row is id n or n + 1.
"""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from tests.layers import csv_layer, is_null, memory_layer, square, table

ROOT = Path(__file__).resolve().parents[2]
OBSERVED_CSV = ROOT / "resources" / "data" / "observed_unit_costs.csv"
FORMS = ("path", "ogr", "delimitedtext")
ENCODINGS = ("utf-8", "utf-8-sig", "gbk", "gb18030")


class Recorder(QgsProcessingFeedback):
    """Feedback that keeps the warnings and infos for the assertions."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def pushWarning(self, warning: str) -> None:
        self.messages.append(warning)

    def pushInfo(self, info: str) -> None:
        self.messages.append(info)

    def text(self) -> str:
        return "\n".join(self.messages)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_csv(tmp_path: Path, text: str, encoding: str, name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def as_input(path: Path, form: str):
    """The CSV as the user hands it over: a path, or a layer loaded from it."""
    if form == "path":
        return str(path)
    if form == "ogr":
        layer = QgsVectorLayer(str(path), "表", "ogr")
        assert layer.isValid()
        return layer
    return csv_layer(path, "表")


def fid(form: str, row: int) -> int:
    """Feature id of the ``row``-th data row (1-based)."""
    return row + 1 if form == "delimitedtext" else row


def regions():
    """Three provinces (name_zh, adcode as text)."""
    return memory_layer(
        "Polygon?crs=EPSG:4326&field=name_zh:string&field=adcode:string",
        [
            (square(0, 0), "广东", "440000"),
            (square(2, 0), "内蒙古", "150000"),
            (square(4, 0), "北京", "110000"),
        ],
        "省",
    )


# -- join_region_table ------------------------------------------------------------------------

#: 𠮷 (U+20BB7) is outside GBK: GB18030 writes it in four bytes.
NOTE = {"utf-8": "𠮷", "utf-8-sig": "𠮷", "gbk": "粤", "gb18030": "𠮷"}


def join_text(note: str, value_2: str = "7", value_1: str = "12") -> str:
    return (
        "省份,代码,数值,备注\n"
        f"广东省,4400,{value_1},{note}\n"
        f"内蒙古自治区,1500,{value_2},蒙\n"
        "Atlantis,0100,3,无\n"
    )


def run_join(run_alg, table, feedback=None, **extra):
    params = {
        "INPUT": regions(),
        "REGION_KEY_FIELD": "name_zh",
        "TABLE": table,
        "TABLE_KEY_FIELD": "省份",
        "MATCH_BY": 2,
        "OUTPUT": "TEMPORARY_OUTPUT",
        "UNMATCHED": "TEMPORARY_OUTPUT",
    }
    params.update(extra)
    return run_alg("join_region_table", params, feedback)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_join_reads_every_encoding(run_alg, tmp_path, encoding, form):
    path = write_csv(tmp_path, join_text(NOTE[encoding]), encoding)
    before = sha256(path)
    res = run_join(run_alg, as_input(path, form))
    out = {f["adcode"]: f for f in res["OUTPUT"].getFeatures()}
    assert res["N_MATCHED"] == 2 and res["N_UNMATCHED_ROWS"] == 1
    assert out["440000"]["备注"] == NOTE[encoding] and out["440000"]["数值"] == 12
    assert out["150000"]["省份"] == "内蒙古自治区" and out["150000"]["数值"] == 7
    assert out["110000"]["join_how"] == "unmatched" and is_null(out["110000"]["数值"])
    left = [(f["省份"], f["备注"], f["join_reason"]) for f in res["UNMATCHED"].getFeatures()]
    assert left == [("Atlantis", "无", "unmatched")]
    assert sha256(path) == before


@pytest.mark.parametrize("form", ("path", "ogr"))
def test_join_keeps_codes_with_a_leading_zero_as_text(run_alg, tmp_path, form):
    path = write_csv(tmp_path, join_text("x"), "utf-8")
    before = sha256(path)
    feedback = Recorder()
    res = run_join(
        run_alg,
        as_input(path, form),
        feedback,
        REGION_KEY_FIELD="adcode",
        TABLE_KEY_FIELD="代码",
        MATCH_BY=1,
    )
    out = {f["adcode"]: f for f in res["OUTPUT"].getFeatures()}
    # 4400 is Guangdong's 4-digit code, kept as the table wrote it.
    assert out["440000"]["代码"] == "4400" and out["440000"]["join_how"] == "code_prefix"
    assert [f["代码"] for f in res["UNMATCHED"].getFeatures()] == ["0100"]
    assert not res["OUTPUT"].fields().field("代码").isNumeric()
    assert res["OUTPUT"].fields().field("数值").isNumeric()  # the other numbers do convert
    assert "Text columns converted to numbers: 数值" in feedback.text()
    assert sha256(path) == before


@pytest.mark.parametrize("form", ("path", "ogr"))
def test_join_reports_a_code_column_with_a_leading_zero(run_alg, tmp_path, form):
    path = write_csv(tmp_path, join_text("x"), "utf-8")
    feedback = Recorder()
    res = run_join(run_alg, as_input(path, form), feedback)
    assert [f["代码"] for f in res["UNMATCHED"].getFeatures()] == ["0100"]
    out = {f["adcode"]: f for f in res["OUTPUT"].getFeatures()}
    assert out["440000"]["代码"] == "4400"
    assert (
        f"Column “代码” kept as text: codes with a leading zero, table row ids: {fid(form, 3)}"
        in feedback.text()
    )


@pytest.mark.parametrize("form", ("path", "ogr"))
@pytest.mark.parametrize("word", ("nan", "inf", "1e400", "-Infinity"))
def test_join_never_turns_non_finite_text_into_numbers(run_alg, tmp_path, form, word):
    path = write_csv(tmp_path, join_text("x", value_2=word), "utf-8")
    before = sha256(path)
    feedback = Recorder()
    res = run_join(run_alg, as_input(path, form), feedback)
    out = {f["adcode"]: f for f in res["OUTPUT"].getFeatures()}
    assert out["150000"]["数值"] == word and out["440000"]["数值"] == "12"
    assert not res["OUTPUT"].fields().field("数值").isNumeric()
    assert (
        "Column “数值” kept as text: values that are not finite numbers (nan, inf, 1e400), "
        f"table row ids: {fid(form, 2)}" in feedback.text()
    )
    assert sha256(path) == before


@pytest.mark.parametrize(
    ("source", "word"),
    (("delimitedtext", "nan"), ("delimitedtext", "inf"), ("memory", "nan"), ("memory", "-inf")),
)
def test_join_reports_non_finite_numbers_the_layer_already_holds(run_alg, tmp_path, source, word):
    # The delimited-text provider itself reads "nan" and "inf" into a double column.
    if source == "memory":
        layer = table(
            "field=省份:string&field=数值:double",
            [("广东省", 12.0), ("内蒙古自治区", float(word)), ("Atlantis", 3.0)],
        )
    else:
        layer = as_input(write_csv(tmp_path, join_text("x", value_2=word), "utf-8"), source)
    assert layer.fields().field("数值").isNumeric()
    feedback = Recorder()
    res = run_join(run_alg, layer, feedback)
    out = {f["adcode"]: f for f in res["OUTPUT"].getFeatures()}
    assert out["440000"]["数值"] == 12 and is_null(out["150000"]["数值"])
    row = fid(source, 2) if source == "delimitedtext" else 2  # memory ids start at 1
    assert (
        "Column “数值” holds values that are not finite numbers (NaN, ±inf), written as NULL, "
        f"table row ids: {row}" in feedback.text()
    )


@pytest.mark.parametrize("form", ("path", "ogr"))
@pytest.mark.parametrize("placeholder", ("-", "n/a", "—"))
def test_join_reports_a_placeholder_in_a_number_column(run_alg, tmp_path, form, placeholder):
    path = write_csv(tmp_path, join_text("x", value_2=placeholder), "utf-8")
    feedback = Recorder()
    res = run_join(run_alg, as_input(path, form), feedback)
    out = {f["adcode"]: f for f in res["OUTPUT"].getFeatures()}
    assert res["OUTPUT"].fields().field("数值").isNumeric()
    assert out["440000"]["数值"] == 12 and is_null(out["150000"]["数值"])
    assert (
        "Column “数值”: placeholders for no value (“-”, “n/a”…) read as NULL, table row ids: "
        f"{fid(form, 2)}" in feedback.text()
    )


@pytest.mark.parametrize(
    ("param", "layer"), (("TABLE_KEY_FIELD", "TABLE"), ("REGION_KEY_FIELD", "INPUT"))
)
def test_join_names_the_missing_key_field(run_alg, tmp_path, param, layer):
    path = write_csv(tmp_path, join_text("x"), "utf-8")
    before = sha256(path)
    with pytest.raises(QgsProcessingException) as info:
        run_join(run_alg, str(path), **{param: "不存在"})
    assert f"{param}: field “不存在” does not exist in {layer}" in str(info.value)
    assert sha256(path) == before


# -- retirement_forecast ----------------------------------------------------------------------

SALES = "地区,年份,销量\n广东省,2020,1000\n北京市,2020,500\n内蒙古自治区,2021,250\n"


def run_forecast(run_alg, source, **extra):
    params = {
        "INPUT": source,
        "REGION_FIELD": "地区",
        "YEAR_FIELD": "年份",
        "SALES_FIELD": "销量",
        "SALES_UNIT": 1,  # t
        "START_YEAR": 2020,
        "END_YEAR": 2100,
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    params.update(extra)
    return run_alg("retirement_forecast", params)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_forecast_reads_every_encoding(run_alg, tmp_path, encoding, form):
    path = write_csv(tmp_path, SALES, encoding)
    before = sha256(path)
    res = run_forecast(run_alg, as_input(path, form))
    assert res["N_REGIONS"] == 3
    # By 2100 every tonne sold has retired (8-year mean lifetime): 1000 + 500 + 250 t.
    assert res["TOTAL_T"] == pytest.approx(1750.0, rel=1e-6)
    last = {f["region"]: f for f in res["OUTPUT"].getFeatures() if f["year"] == 2100}
    assert {k: (f["region_name"], round(f["cumulative_t"], 6)) for k, f in last.items()} == {
        "440000": ("广东", 1000.0),
        "110000": ("北京", 500.0),
        "150000": ("内蒙古", 250.0),
    }
    assert sha256(path) == before


def test_forecast_names_the_missing_region_field(run_alg, tmp_path):
    path = write_csv(tmp_path, SALES, "utf-8")
    with pytest.raises(QgsProcessingException) as info:
        run_forecast(run_alg, str(path), REGION_FIELD="省份")
    assert "REGION_FIELD: field “省份” does not exist in INPUT (fields: 地区, 年份, 销量)" in str(
        info.value
    )


@pytest.mark.parametrize("form", ("path", "ogr"))
@pytest.mark.parametrize(
    ("word", "reason"),
    (
        ("n/a", "a placeholder for no value"),
        ("-", "a placeholder for no value"),
        ("inf", "not a finite number"),
        ("nan", "not a finite number"),
        ("1e400", "not a finite number"),
        ("abc", "not a number"),
    ),
)
def test_forecast_refuses_sales_that_are_not_numbers(run_alg, tmp_path, form, word, reason):
    path = write_csv(tmp_path, SALES.replace("500", word), "utf-8")
    before = sha256(path)
    with pytest.raises(QgsProcessingException) as info:
        run_forecast(run_alg, as_input(path, form))
    assert f"Field “销量”: {reason}" in str(info.value)
    assert str(info.value).endswith(f"feature ids: {fid(form, 2)}")
    assert sha256(path) == before


@pytest.mark.parametrize("value", (math.inf, -math.inf, math.nan))
def test_forecast_refuses_non_finite_numbers_in_a_number_field(run_alg, value):
    sales = table(
        "field=地区:string&field=年份:integer&field=销量:double",
        [("广东省", 2020, 1000.0), ("北京市", 2020, value), ("内蒙古", 2021, 250.0)],
    )
    with pytest.raises(QgsProcessingException) as info:
        run_forecast(run_alg, sales)
    # Memory-layer ids start at 1: the second row is feature 2.
    assert str(info.value) == (
        "Field “销量”: not a finite number (nan, inf or beyond ±1.8e308), feature ids: 2"
    )


# -- files that decode in no supported encoding -----------------------------------------------


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("algorithm", ("join_region_table", "retirement_forecast"))
def test_undecodable_file_is_refused(run_alg, tmp_path, algorithm, form):
    path = tmp_path / "bad.csv"
    text = join_text("x") if algorithm == "join_region_table" else SALES
    path.write_bytes(text.encode().replace(b"Atlantis", b"At\x80\xff\x80s") + b"\x80\xff")
    path.write_bytes(path.read_bytes().replace("北京市".encode(), b"\x80\xff\x80"))
    before = sha256(path)
    with pytest.raises(QgsProcessingException) as info:
        if algorithm == "join_region_table":
            run_join(run_alg, as_input(path, form))
        else:
            run_forecast(run_alg, as_input(path, form))
    message = str(info.value)
    param = "TABLE" if algorithm == "join_region_table" else "INPUT"
    assert message.startswith(f"{param}: the file {path} is not a text file in UTF-8, GBK")
    assert "80 ff 80" in message and "replacement characters" in message
    assert sha256(path) == before


# -- calibrate_scale_curve --------------------------------------------------------------------


def run_calibration(run_alg, tmp_path, source):
    return run_alg(
        "calibrate_scale_curve",
        {
            "INPUT": source,
            "THROUGHPUT_FIELD": "throughput_t",
            "UNIT_COST_FIELD": "unit_cost_cny_t",
            "OUTPUT": str(tmp_path / "fit.json"),
        },
    )


@pytest.mark.parametrize("encoding", ("utf-8-sig", "gbk", "gb18030"))
def test_calibration_reads_every_encoding(run_alg, tmp_path, encoding):
    reference = run_calibration(run_alg, tmp_path, str(OBSERVED_CSV))
    path = write_csv(tmp_path, OBSERVED_CSV.read_text(encoding="utf-8"), encoding, "obs.csv")
    before = sha256(path)
    res = run_calibration(run_alg, tmp_path, str(path))
    assert res["N"] == reference["N"] == 20  # the file's 20 rows, none dropped
    assert res["Q0"] == pytest.approx(reference["Q0"], rel=1e-9)
    assert sha256(path) == before


@pytest.mark.parametrize("form", ("path", "ogr"))
@pytest.mark.parametrize(
    ("words", "reasons"),
    (
        (("n/a", "inf"), ("a placeholder for no value", "not a finite number")),
        (("abc", "1e400"), ("not a number", "not a finite number")),
    ),
)
def test_calibration_refuses_rows_it_used_to_drop(run_alg, tmp_path, form, words, reasons):
    lines = OBSERVED_CSV.read_text(encoding="utf-8").splitlines()
    for row, word in zip((3, 7), words):  # data rows 3 and 7: replace the unit cost
        cells = lines[row].split(",")
        cells[2] = word
        lines[row] = ",".join(cells)
    path = write_csv(tmp_path, "\n".join(lines) + "\n", "utf-8", "obs.csv")
    before = sha256(path)
    with pytest.raises(QgsProcessingException) as info:
        run_calibration(run_alg, tmp_path, as_input(path, form))
    message = str(info.value)
    for part, row, reason in zip(message.split("; "), (3, 7), reasons):
        assert part.startswith(f"Field “unit_cost_cny_t”: {reason}")
        assert part.endswith(f", feature ids: {fid(form, row)}")
    assert not (tmp_path / "fit.json").exists()
    assert sha256(path) == before


def test_calibration_refuses_an_infinite_number(run_alg, tmp_path):
    rows = [(1000.0 * (i + 1), 30000.0 - 500 * i) for i in range(8)]
    rows[5] = (rows[5][0], math.inf)
    observed = table("field=t:double&field=c:double", rows)
    with pytest.raises(QgsProcessingException) as info:
        run_alg(
            "calibrate_scale_curve",
            {
                "INPUT": observed,
                "THROUGHPUT_FIELD": "t",
                "UNIT_COST_FIELD": "c",
                "OUTPUT": str(tmp_path / "fit.json"),
            },
        )
    # Memory-layer ids start at 1: the sixth row is feature 6.
    assert "must be finite (“unit_cost”, feature ids: 6)" in str(info.value)


# -- the dialog: fields offered as QGIS loaded a GBK file (garbled) ---------------------------


def garbled_names(layer: QgsVectorLayer) -> list[str]:
    return [field.name() for field in layer.fields()]


@pytest.mark.parametrize("encoding", ("gbk", "gb18030"))
def test_forecast_takes_the_fields_the_dialog_offered(run_alg, tmp_path, encoding):
    path = write_csv(tmp_path, SALES, encoding)
    layer = QgsVectorLayer(str(path), "销量表", "ogr")  # as loaded: read as UTF-8
    region, year, sales = garbled_names(layer)
    assert "\ufffd" in region and region != "地区"
    res = run_forecast(run_alg, layer, REGION_FIELD=region, YEAR_FIELD=year, SALES_FIELD=sales)
    assert res["N_REGIONS"] == 3
    assert res["TOTAL_T"] == pytest.approx(1750.0, rel=1e-6)
    assert garbled_names(layer) == [region, year, sales]  # the user's layer is left as it was


def test_join_takes_the_key_field_the_dialog_offered(run_alg, tmp_path):
    path = write_csv(tmp_path, join_text("粤"), "gbk")
    layer = QgsVectorLayer(str(path), "表", "ogr")
    key = garbled_names(layer)[0]
    assert key != "省份"
    res = run_join(run_alg, layer, TABLE_KEY_FIELD=key)
    out = {f["adcode"]: f for f in res["OUTPUT"].getFeatures()}
    assert res["N_MATCHED"] == 2 and out["440000"]["备注"] == "粤"


def test_a_gbk_calibration_table_with_chinese_headers_is_read_right(run_alg, tmp_path):
    # calibrate_scale_curve re-reads a GBK table in its encoding: the Chinese header is found
    # and the fit equals the fit of the same table in UTF-8.
    text = OBSERVED_CSV.read_text(encoding="utf-8").replace("throughput_t", "处理量", 1)
    fits = []
    for encoding in ("utf-8", "gbk"):
        folder = tmp_path / encoding
        folder.mkdir()
        path = write_csv(folder, text, encoding, "obs.csv")
        res = run_alg(
            "calibrate_scale_curve",
            {
                "INPUT": str(path),
                "THROUGHPUT_FIELD": "处理量",
                "UNIT_COST_FIELD": "unit_cost_cny_t",
                "OUTPUT": str(folder / "fit.json"),
            },
        )
        fits.append({k: v for k, v in res.items() if isinstance(v, (int, float))})
    assert fits[0] and fits[1] == pytest.approx(fits[0], rel=1e-12)


# -- economics presets (PARAMETERS_FILE) ------------------------------------------------------


def write_preset(tmp_path: Path, encoding: str, price: float) -> Path:
    import json

    from battery_recycling_atlas.core.economics.model import DEFAULT_PARAMS
    from battery_recycling_atlas.core.economics.presets import preset_dict

    params = DEFAULT_PARAMS.with_values({"rm.li2co3_price": price})
    text = json.dumps(preset_dict(params, "广东试点，碳酸锂价格"), ensure_ascii=False)
    path = tmp_path / f"preset_{encoding}.json"
    path.write_bytes(text.encode(encoding))
    return path


def plant_profit(run_alg, preset: Path | None) -> float:
    from tests.layers import plants_layer

    params = {
        "INPUT": plants_layer([("甲", 50_000.0, 40_000.0)]),
        "CAPACITY_FIELD": "产能",
        "THROUGHPUT_FIELD": "处理量",
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    if preset is not None:
        params["PARAMETERS_FILE"] = str(preset)
    return next(run_alg("plant_profit", params)["OUTPUT"].getFeatures())["profit"]


@pytest.mark.parametrize("encoding", ("utf-8-sig", "gbk", "gb18030"))
def test_preset_in_every_encoding(run_alg, tmp_path, encoding):
    reference = plant_profit(run_alg, write_preset(tmp_path, "utf-8", 123_456.0))
    path = write_preset(tmp_path, encoding, 123_456.0)
    before = sha256(path)
    assert plant_profit(run_alg, path) == pytest.approx(reference, rel=1e-12)
    assert reference != pytest.approx(plant_profit(run_alg, None), rel=1e-6)  # the preset counts
    assert sha256(path) == before


def test_undecodable_preset_is_refused(run_alg, tmp_path):
    path = write_preset(tmp_path, "utf-8", 123_456.0)
    data = path.read_bytes().replace("广东".encode(), b"\x80\xff")
    path.write_bytes(data)
    offset = data.index(b"\x80")
    with pytest.raises(QgsProcessingException) as info:
        plant_profit(run_alg, path)
    assert str(info.value) == (
        f"The economics preset {path} cannot be used: “<file>”: not a text file in UTF-8, GBK "
        f"or GB18030 (byte {offset}) (in {path})"
    )
