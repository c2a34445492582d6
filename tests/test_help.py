"""The Help buttons open the user guide as HTML, generated from the README and shipped."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parents[1]


def _tool():
    spec = importlib.util.spec_from_file_location(
        "atlas_build_help", ROOT / "tools" / "build_help.py"
    )
    module = sys.modules.get(spec.name) or importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _ids(path: Path) -> set[str]:
    return set(re.findall(r'id="([^"]+)"', path.read_text(encoding="utf-8")))


def _resolve(url: str) -> tuple[Path, str]:
    parsed = urlparse(url)
    assert parsed.scheme == "file", url
    return Path(unquote(parsed.path)), parsed.fragment


def test_help_pages_are_up_to_date():
    assert _tool().main(["--check"]) == 0


def test_converter_renders_the_markdown_the_guide_uses():
    tool = _tool()
    title, body = tool.convert(
        "# Title `x`\n\nSome **bold**, *it*, `a_b*c` and [link](docs/economics.md#k).\n\n"
        "| a | b |\n|---|---|\n| `1` | 2 |\n\n- one\n  - nested\n- two\n\n"
        '```bash\nmake <demo>\n```\n<a id="anchor"></a>\n'
    )
    assert title == "Title x"
    assert '<h1 id="title-x">' in body
    assert "<strong>bold</strong>" in body and "<em>it</em>" in body
    assert "<code>a_b*c</code>" in body  # code spans are left alone
    assert '<a href="economics.html#k">link</a>' in body
    assert "<th>a</th>" in body and "<td><code>1</code></td>" in body
    assert body.count("<ul>") == 2 and "<li>two" in body
    assert "make &lt;demo&gt;" in body and '<a id="anchor"></a>' in body


def test_every_help_link_opens_html_at_an_existing_section(plugin):
    from qgis.core import QgsApplication

    from battery_recycling_atlas.ui.about_dialog import AboutDialog

    provider = QgsApplication.processingRegistry().providerById("battery_recycling")
    urls = [alg.helpUrl() for alg in provider.algorithms()]
    urls += re.findall(r'href="(file:[^"]+)"', AboutDialog().html())
    assert len(urls) >= 15
    for url in urls:
        path, anchor = _resolve(url)
        assert path.suffix == ".html" and path.exists(), url
        if anchor:
            assert anchor in _ids(path), url


def test_links_between_pages_resolve():
    help_dir = ROOT / "docs" / "help"
    for page in help_dir.glob("*.html"):
        for href in re.findall(r'href="([^"]+)"', page.read_text(encoding="utf-8")):
            if re.match(r"^[a-z]+:", href):
                continue
            target, _, anchor = href.partition("#")
            path = (help_dir / target) if target else page
            assert path.resolve().exists(), (page.name, href)
            if anchor and path.suffix == ".html":
                assert anchor in _ids(path), (page.name, href)
