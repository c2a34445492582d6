"""Render the user guide as HTML for the Help buttons: ``README.md`` → ``docs/help/index.html``
and ``docs/economics.md`` → ``docs/help/economics.html``.

QGIS opens a help URL in the browser, which shows Markdown as raw text, and the system has no
Markdown package, so this is a small converter for the Markdown the guide uses: headings (with
GitHub-style ids), paragraphs, emphasis, inline code, links and images, lists, tables, fenced
code, block quotes and raw HTML lines (the ``<a id="…">`` anchors the algorithms link to).
Links between the two pages and to repository files are rewritten to work from
``docs/help/``. The HTML is committed; ``--check`` fails when it is stale (tests run it).

    .venv/bin/python tools/build_help.py [--check]
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "help"
PAGES = {
    ROOT / "README.md": OUT / "index.html",
    ROOT / "docs" / "economics.md": OUT / "economics.html",
}
CSS = """body{font-family:"Noto Sans","Noto Sans CJK SC","Microsoft YaHei",sans-serif;
max-width:60em;margin:1.5em auto;padding:0 1em;line-height:1.5;color:#222}
code,pre{font-family:"DejaVu Sans Mono",monospace;background:#f4f4f4}
pre{padding:.6em;overflow:auto}code{padding:0 .2em}
table{border-collapse:collapse;margin:.6em 0}th,td{border:1px solid #ccc;padding:.2em .5em;
vertical-align:top}th{background:#eee}blockquote{border-left:4px solid #ccc;margin-left:0;
padding-left:1em;color:#555}h1,h2,h3{line-height:1.2}img{max-width:100%}"""

_INLINE_CODE = re.compile(r"`([^`]+)`")
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)")
_LIST = re.compile(r"^(\s*)([-*]|\d+[.)])\s+(.*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_RAW_HTML = re.compile(r"^\s*</?[a-zA-Z][^>]*>\s*$")


def slug(text: str) -> str:
    """GitHub's heading id: lower case, punctuation dropped, spaces to dashes."""
    text = re.sub(r"<[^>]+>", "", text).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def link_target(url: str) -> str:
    """A Markdown link as seen from ``docs/help/``."""
    if re.match(r"^[a-z]+:", url) or url.startswith("#"):
        return url
    path, _, anchor = url.partition("#")
    suffix = f"#{anchor}" if anchor else ""
    name = path.split("/")[-1]
    if path in ("README.md", "../README.md", "../../README.md"):
        return f"index.html{suffix}"
    if name == "economics.md":
        return f"economics.html{suffix}"
    return f"../../{path}{suffix}" if not path.startswith("../") else f"../{path}{suffix}"


def inline(text: str, base: str = "") -> str:
    """Inline Markdown to HTML (code spans are kept verbatim)."""
    codes: list[str] = []

    def keep(match: re.Match) -> str:
        codes.append(f"<code>{html.escape(match.group(1), quote=False)}</code>")
        return f"\x00{len(codes) - 1}\x00"

    text = _INLINE_CODE.sub(keep, text)
    parts = re.split(r"(<[^<>]+>)", text)  # keep raw inline HTML tags
    out = []
    for part in parts:
        if part.startswith("<") and part.endswith(">"):
            out.append(part)
            continue
        part = html.escape(part, quote=False)
        part = _IMAGE.sub(
            lambda m: f'<img alt="{m.group(1)}" src="{link_target(m.group(2))}">', part
        )
        part = _LINK.sub(lambda m: f'<a href="{link_target(m.group(2))}">{m.group(1)}</a>', part)
        part = _BOLD.sub(r"<strong>\1</strong>", part)
        part = _ITALIC.sub(lambda m: f"<em>{m.group(1) or m.group(2)}</em>", part)
        out.append(part)
    text = "".join(out)
    return re.sub(r"\x00(\d+)\x00", lambda m: codes[int(m.group(1))], text)


def _table(rows: list[str]) -> str:
    def cells(row: str) -> list[str]:
        row = row.strip().strip("|")
        return [c.strip() for c in re.split(r"(?<!\\)\|", row)]

    head, body = cells(rows[0]), [cells(r) for r in rows[2:]]
    out = [
        "<table><thead><tr>"
        + "".join(f"<th>{inline(c)}</th>" for c in head)
        + "</tr></thead><tbody>"
    ]
    for row in body:
        out.append("<tr>" + "".join(f"<td>{inline(c)}</td>" for c in row) + "</tr>")
    return "\n".join(out) + "</tbody></table>"


def _list(items: list[tuple[int, bool, str]]) -> str:
    """Nested lists from (indent, ordered, text) items."""
    out: list[str] = []
    stack: list[tuple[int, str]] = []
    for indent, ordered, text in items:
        tag = "ol" if ordered else "ul"
        while stack and indent < stack[-1][0]:
            out.append(f"</li></{stack.pop()[1]}>")
        if not stack or indent > stack[-1][0]:
            out.append(f"<{tag}><li>")
            stack.append((indent, tag))
        else:
            out.append("</li><li>")
        out.append(inline(text))
    while stack:
        out.append(f"</li></{stack.pop()[1]}>")
    return "".join(out)


def convert(markdown: str) -> tuple[str, str]:
    """(title, body HTML) of a Markdown document."""
    lines = markdown.splitlines()
    out: list[str] = []
    title = ""
    i = 0
    para: list[str] = []

    def flush() -> None:
        if para:
            out.append(f"<p>{inline(' '.join(s.strip() for s in para))}</p>")
            para.clear()

    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            flush()
            lang = line[3:].strip()
            block = []
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                block.append(lines[i])
                i += 1
            cls = f' class="language-{html.escape(lang)}"' if lang else ""
            out.append(
                f"<pre><code{cls}>{html.escape(chr(10).join(block), quote=False)}" "</code></pre>"
            )
            i += 1
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            level, text = len(heading.group(1)), heading.group(2)
            title = title or re.sub(r"<[^>]+>", "", inline(text))
            out.append(f'<h{level} id="{slug(text)}">{inline(text)}</h{level}>')
            i += 1
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        if (
            line.lstrip().startswith("|")
            and i + 1 < len(lines)
            and re.match(r"^\s*\|?\s*:?-{3,}", lines[i + 1])
        ):
            flush()
            rows = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(lines[i])
                i += 1
            out.append(_table(rows))
            continue
        if _LIST.match(line) and not para:
            items = []
            while i < len(lines) and lines[i].strip():
                match = _LIST.match(lines[i])
                if match:
                    items.append((len(match.group(1)), match.group(2)[0].isdigit(), match.group(3)))
                elif items:  # a continuation line of the item
                    indent, ordered, text = items[-1]
                    items[-1] = (indent, ordered, f"{text} {lines[i].strip()}")
                i += 1
            out.append(_list(items))
            continue
        if line.startswith(">"):
            flush()
            quote = []
            while i < len(lines) and lines[i].startswith(">"):
                quote.append(lines[i][1:].strip())
                i += 1
            out.append(f"<blockquote><p>{inline(' '.join(quote))}</p></blockquote>")
            continue
        if _RAW_HTML.match(line) and not para:
            out.append(line.strip())
            i += 1
            continue
        para.append(line)
        i += 1
    flush()
    return title, "\n".join(out)


def page(markdown: str) -> str:
    """A whole HTML page."""
    title, body = convert(markdown)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{CSS}</style></head>\n<body>\n"
        "<!-- Generated by tools/build_help.py from the Markdown guide: edit that. -->\n"
        f"{body}\n</body></html>\n"
    )


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for source, target in PAGES.items():
        text = page(source.read_text(encoding="utf-8"))
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(str(target.relative_to(ROOT)))
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT)}")
    if stale:
        print("stale (run tools/build_help.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
