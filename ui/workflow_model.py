"""Pure helpers of the mismatch workflow dialog (no Qt): field recognition and the combined report.

Field recognition is shared with the Processing dialogs: see :mod:`core.field_names` (common
Chinese and English names, a year in the name selects that year's fields, the user's fields
before the sample's).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..core.regions.field_names import FIELD_KEYWORDS, field_years, guess_field
from ..reports.html import esc, html_page

__all__ = ["FIELD_KEYWORDS", "body_of", "combine_reports", "field_years", "guess_field"]


_BODY = re.compile(r"<body[^>]*>(.*?)</body>", re.S | re.I)


def body_of(html: str) -> str:
    """The inside of ``<body>`` of an HTML page (the whole text when there is none)."""
    match = _BODY.search(html)
    return match.group(1).strip() if match else html


def combine_reports(
    title: str, parts: Sequence[tuple[str, str, str]], intro: str = "", lang: str = "en"
) -> str:
    """One page from several reports: ``parts`` are (anchor, heading, full HTML page); a table
    of contents links to a ``<section>`` per report holding that report's body."""
    toc = "".join(
        f'<li><a href="#{esc(anchor)}">{esc(heading)}</a></li>' for anchor, heading, _html in parts
    )
    body = [f"<h1>{esc(title)}</h1>"]
    if intro:
        body.append(f'<p class="meta">{esc(intro)}</p>')
    body.append(f"<nav><ol>{toc}</ol></nav>")
    for anchor, _heading, page in parts:
        body.append(f'<section id="{esc(anchor)}">{body_of(page)}</section><hr>')
    return html_page(title, body, lang=lang)
