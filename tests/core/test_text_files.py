"""``core.text_files``: encodings detected without the user's help, numbers read from cells."""

from __future__ import annotations

import math

import pytest

from battery_recycling_atlas.core.text_files import (
    EncodingProblem,
    detect_encoding,
    detect_encoding_of_bytes,
    parse_number,
    read_text,
)

TEXT = "地区,年份,销量\n广东省,2020,1000\n内蒙古自治区,2021,12\n"


@pytest.mark.parametrize(
    ("text", "encoding", "codec"),
    [
        (TEXT, "utf-8", "utf-8"),
        (TEXT, "utf-8-sig", "utf-8-sig"),
        (TEXT, "gbk", "gb18030"),
        # 𠮷 (U+20BB7) is not in GBK: GB18030 writes it in four bytes.
        (TEXT + "𠮷,2022,1\n", "gb18030", "gb18030"),
        ("region,year\nx,2020\n", "ascii", "utf-8"),
    ],
)
def test_detects_the_encoding_that_decodes_exactly(text, encoding, codec, tmp_path):
    path = tmp_path / "t.csv"
    data = text.encode(encoding)
    path.write_bytes(data)
    assert detect_encoding_of_bytes(data) == codec
    assert detect_encoding(path) == codec
    assert read_text(path) == text  # the BOM is not part of the text


def test_utf8_chinese_is_never_taken_for_gb18030():
    # The same characters in UTF-8 are not valid GB18030 … or if they were, UTF-8 wins.
    assert detect_encoding_of_bytes("广东省,内蒙古".encode()) == "utf-8"


def test_utf16_is_refused():
    # Excel's "Unicode text": OGR cannot read it, so it is refused, not half-read.
    with pytest.raises(EncodingProblem) as info:
        detect_encoding_of_bytes(TEXT.encode("utf-16"))
    assert info.value.offset == 0


def test_undecodable_bytes_are_refused_with_the_offset(tmp_path):
    # 0x80 and 0xff are lead bytes of nothing in UTF-8 and in GB18030.
    data = b"region,year\nab\x80\xff\x80,2020\n"
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    with pytest.raises(EncodingProblem) as info:
        read_text(path)
    assert info.value.offset == data.index(b"\x80")
    assert info.value.path == str(path)
    assert "80 ff 80" in info.value.sample


@pytest.mark.parametrize(
    ("cell", "value", "reason"),
    [
        ("12", 12.0, ""),
        (" 1,234.5 ", 1234.5, ""),
        ("-3e2", -300.0, ""),
        ("0100", 100.0, ""),
        ("", None, "empty"),
        ("  ", None, "empty"),
        ("-", None, "placeholder"),
        ("N/A", None, "placeholder"),
        ("—", None, "placeholder"),
        ("nan", None, "not_finite"),
        ("inf", None, "not_finite"),
        ("-Infinity", None, "not_finite"),
        ("1e400", None, "not_finite"),
        ("abc", None, "not_a_number"),
        ("12 t", None, "not_a_number"),
    ],
)
def test_parse_number(cell, value, reason):
    got, why = parse_number(cell)
    assert why == reason
    assert got == value
    assert got is None or math.isfinite(got)
