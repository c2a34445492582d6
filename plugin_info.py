"""Facts about the installed plugin read from ``metadata.txt`` (no QGIS import)."""

from __future__ import annotations

import configparser
from functools import lru_cache
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent
README = PLUGIN_DIR / "README.md"
HELP = PLUGIN_DIR / "docs" / "help" / "index.html"


@lru_cache(maxsize=1)
def metadata() -> dict[str, str]:
    """The ``[general]`` section of metadata.txt."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(PLUGIN_DIR / "metadata.txt", encoding="utf-8")
    return dict(parser["general"])


def plugin_version() -> str:
    """The version string, e.g. ``0.1.0``."""
    return metadata().get("version", "")


def readme_url(anchor: str = "") -> str:
    """A ``file://`` URL to the user guide shipped with the plugin, optionally at a section:
    the HTML rendering of the README (``docs/help/index.html``, made by
    ``tools/build_help.py``), else the README itself."""
    page = HELP if HELP.exists() else README
    url = page.as_uri()
    return f"{url}#{anchor}" if anchor else url
