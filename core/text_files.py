"""Text files as users hand them over: decoding without the user's help, and numbers in text.

Pure Python (no qgis). A CSV from Excel on Chinese Windows is GBK (GB18030 is its superset);
elsewhere UTF-8, with or without a byte-order mark. :func:`detect_encoding` tells which one
decodes a file exactly; bytes that decode in none of them raise :class:`EncodingProblem`.
:func:`parse_number` reads a number written in a table cell and says why it is not one.
"""

from __future__ import annotations

import codecs
import math
from os import PathLike
from pathlib import Path

#: Encodings tried, in order, on a file without a byte-order mark.
#: UTF-8 first: a UTF-8 file with Chinese text is almost never valid GB18030 too.
CANDIDATES = ("utf-8", "gb18030")

#: Byte-order marks and the encoding that reads the text after them. (UTF-16, Excel's "Unicode
#: text", is not among them: OGR cannot read it, so such a file is refused with the rest.)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"),)

#: Cells that stand for "no value" in published tables; a number column may hold them.
PLACEHOLDERS = frozenset({"-", "--", "—", "–", "/", "n/a", "na", "n.a.", "…", "..."})


class EncodingProblem(ValueError):
    """The bytes of ``path`` decode in none of the supported encodings.

    ``offset`` is the position (bytes) of the first byte that is not UTF-8, ``sample`` the
    bytes around it (hex), for the message."""

    def __init__(self, path: str, offset: int, sample: str) -> None:
        super().__init__(f"{path}: not UTF-8, GBK or GB18030 (byte {offset}: {sample})")
        self.path = path
        self.offset = offset
        self.sample = sample


def detect_encoding_of_bytes(data: bytes, path: str = "") -> str:
    """The Python codec name that decodes ``data`` exactly: ``utf-8-sig`` after a byte-order
    mark, else ``utf-8`` or ``gb18030``. Raises :class:`EncodingProblem`.

    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    first_error = 0
    for codec in CANDIDATES:
        try:
            data.decode(codec)
        except UnicodeDecodeError as err:
            if codec == CANDIDATES[0]:
                first_error = err.start
            continue
        return codec
    sample = data[max(first_error - 4, 0) : first_error + 4].hex(" ")
    raise EncodingProblem(path, first_error, sample)


def detect_encoding(path: str | PathLike[str]) -> str:
    """:func:`detect_encoding_of_bytes` of the whole file at ``path`` (a character that only
    one encoding refuses may be anywhere). Raises ``OSError`` when it cannot be read."""
    return detect_encoding_of_bytes(Path(path).read_bytes(), str(path))


def read_text(path: str | PathLike[str]) -> str:
    """The text of a file in whichever supported encoding decodes it exactly.
    Raises :class:`EncodingProblem` or ``OSError``."""
    data = Path(path).read_bytes()
    codec = detect_encoding_of_bytes(data, str(path))
    return data.decode(codec)


def parse_number(text: object) -> tuple[float | None, str]:
    """A number from a table cell, and ``""`` or the reason it is not one.

    Thousands separators (``1,234``) and surrounding blanks are accepted. Reasons: ``empty``
    (value None), ``placeholder`` ("-", "n/a"…), ``not_finite`` ("nan", "inf", "1e400": Python
    would read them as NaN or infinity) and ``not_a_number``.
    """
    cell = str(text).strip()
    if not cell:
        return None, "empty"
    if cell.lower() in PLACEHOLDERS:
        return None, "placeholder"
    try:
        value = float(cell.replace(",", ""))
    except ValueError:
        return None, "not_a_number"
    if not math.isfinite(value):
        return None, "not_finite"
    return value, ""
