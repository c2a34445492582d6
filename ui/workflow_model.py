"""Pure helpers of the mismatch workflow dialog (no Qt): field recognition and the combined report.

Fields are recognised by common Chinese and English names (retirement 退役/retire, capacity
产能/capacity, volume, outlets 网点/outlet, capital 资本/capital, whitelist 白名单/whitelist), and
by a year in the name (``retire_2025_t``), so picking a year re-selects the fields of that year.
"""

from __future__ import annotations

import re
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from ..core.html import esc, html_page

__all__ = ["FIELD_KEYWORDS", "body_of", "combine_reports", "field_years", "guess_field"]

#: Keywords per field kind, most specific first (matched case-insensitively inside the name).
FIELD_KEYWORDS: Dict[str, Tuple[str, ...]] = {
    "retirement": ("退役", "报废", "retire", "retirement", "scrap"),
    "capacity": ("产能", "处理能力", "capacity", "capac"),
    "throughput": ("处理量", "实际", "throughput", "processed", "output_t"),
    "volume": ("退役量", "退役", "volume", "retire", "vol"),
    "outlets": ("网点", "回收点", "outlet", "outlets", "site"),
    "capital": ("注册资本", "资本", "capital"),
    "whitelist": ("白名单", "规范", "whitelist", "white_list", "compliant"),
}
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _score(name: str, kind: str, year: Optional[str]) -> int:
    low = name.lower()
    keywords = FIELD_KEYWORDS[kind]
    hits = [i for i, word in enumerate(keywords) if word.lower() in low]
    if not hits:
        return 0
    score = 100 - min(hits)
    others = [k for k in FIELD_KEYWORDS if k != kind and k not in _COMPATIBLE.get(kind, ())]
    if any(w.lower() in low for k in others for w in FIELD_KEYWORDS[k]):
        score -= 50  # "retire_capacity" is a capacity, not a retirement
    found = _YEAR.findall(name)
    if year and found:
        score += 30 if year in found else -30
    return max(score, 1)


#: Kinds whose keywords may share a name without penalty (volume is measured as retirement).
_COMPATIBLE = {"volume": ("retirement",), "retirement": ("volume",)}


def guess_field(names: Iterable[str], kind: str, year: Optional[str] = None) -> str:
    """The field of ``names`` that best matches ``kind`` (and ``year``), or ``""``."""
    best, best_score = "", 0
    for name in names:
        score = _score(str(name), kind, year)
        if score > best_score:
            best, best_score = str(name), score
    return best


def field_years(names: Iterable[str]) -> List[str]:
    """Years (``"2025"`` …) that appear in field names that look like retirement or volume."""
    years = set()
    for name in names:
        if _score(str(name), "retirement", None) or _score(str(name), "volume", None):
            years.update(_YEAR.findall(str(name)))
    return sorted(years)


_BODY = re.compile(r"<body[^>]*>(.*?)</body>", re.S | re.I)


def body_of(html: str) -> str:
    """The inside of ``<body>`` of an HTML page (the whole text when there is none)."""
    match = _BODY.search(html)
    return match.group(1).strip() if match else html


def combine_reports(title: str, parts: Sequence[Tuple[str, str, str]], intro: str = "",
                    lang: str = "en") -> str:
    """One page from several reports: ``parts`` are (anchor, heading, full HTML page); a table
    of contents links to a ``<section>`` per report holding that report's body."""
    toc = "".join(f'<li><a href="#{esc(anchor)}">{esc(heading)}</a></li>'
                  for anchor, heading, _html in parts)
    body = [f"<h1>{esc(title)}</h1>"]
    if intro:
        body.append(f'<p class="meta">{esc(intro)}</p>')
    body.append(f"<nav><ol>{toc}</ol></nav>")
    for anchor, _heading, page in parts:
        body.append(f'<section id="{esc(anchor)}">{body_of(page)}</section><hr>')
    return html_page(title, body, lang=lang)
