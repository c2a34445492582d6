"""``make package`` builds a zip that QGIS's plugin manager can install."""

from __future__ import annotations

import configparser
import posixpath
import re
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_package_zip_has_the_plugin_and_no_developer_files(tmp_path):
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "package.py"), "--output-dir", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    (zip_path,) = tmp_path.glob("battery_recycling_atlas-*.zip")
    names = zipfile.ZipFile(zip_path).namelist()
    for required in (
        "metadata.txt",
        "__init__.py",
        "plugin.py",
        "processing/provider.py",
        "core/mismatch/ratio.py",
        "resources/styles/ratio_class.qml",
        "resources/data/china_sample.gpkg",
        "resources/icons/icon.svg",
    ):
        assert f"battery_recycling_atlas/{required}" in names
    assert not [n for n in names if "/tests/" in n or "/tools/" in n or "__pycache__" in n]


def test_metadata_is_complete():
    meta = configparser.ConfigParser(interpolation=None)
    meta.read(ROOT / "metadata.txt", encoding="utf-8")
    general = meta["general"]
    assert general["name"] == "Battery Recycling Atlas"
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["hasProcessingProvider"] == "yes"
    for key in (
        "description",
        "about",
        "version",
        "author",
        "email",
        "homepage",
        "tracker",
        "repository",
        "tags",
        "category",
        "icon",
    ):
        assert general[key].strip(), key
    assert (ROOT / general["icon"]).exists()
    assert "回收" in general["about"] and "recycling" in general["about"]


def test_links_in_the_packaged_documents_resolve_inside_the_zip(tmp_path):
    # The help button and the plugin manager open the packaged README: its relative links (to
    # docs/, resources/data/README.md …) must point at files that are in the zip.
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "package.py"), "--output-dir", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    (zip_path,) = tmp_path.glob("battery_recycling_atlas-*.zip")
    archive = zipfile.ZipFile(zip_path)
    names = set(archive.namelist())
    documents = [n for n in names if n.endswith((".md", ".html"))]
    assert "battery_recycling_atlas/README.md" in documents
    assert any(n.startswith("battery_recycling_atlas/docs/") for n in names)
    checked = 0
    for name in documents:
        text = archive.read(name).decode("utf-8")
        for target in re.findall(r"\]\(([^)\s]+)\)|href=\"([^\"]+)\"", text):
            link = next(t for t in target if t)
            if re.match(r"^[a-z]+:|^#", link):
                continue  # web addresses, mail and anchors
            path = posixpath.normpath(posixpath.join(posixpath.dirname(name), link.split("#")[0]))
            assert path in names, f"{name} links to {link}, which is not in the zip"
            checked += 1
    assert checked >= 2


def test_package_needs_no_qgis(tmp_path):
    # make package runs with the system Python alone: no QGIS, no .venv.
    code = (
        "import sys; sys.modules['qgis'] = None; sys.argv = ['package', '--output-dir', "
        f"{str(tmp_path)!r}]; import runpy; "
        f"runpy.run_path({str(ROOT / 'tools' / 'package.py')!r}, run_name='__main__')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert list(tmp_path.glob("battery_recycling_atlas-*.zip"))
