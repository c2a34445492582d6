"""``make package`` builds a zip that QGIS's plugin manager can install."""

from __future__ import annotations

import configparser
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_package_zip_has_the_plugin_and_no_developer_files(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "tools" / "package.py"), "--output-dir",
                    str(tmp_path)], check=True, capture_output=True)
    (zip_path,) = tmp_path.glob("battery_recycling_atlas-*.zip")
    names = zipfile.ZipFile(zip_path).namelist()
    for required in ("metadata.txt", "__init__.py", "plugin.py", "processing/provider.py",
                     "core/ratio.py", "resources/styles/ratio_class.qml",
                     "resources/data/china_sample.gpkg", "resources/icons/icon.svg"):
        assert f"battery_recycling_atlas/{required}" in names
    assert not [n for n in names if "/tests/" in n or "/tools/" in n or "__pycache__" in n]


def test_metadata_is_complete():
    meta = configparser.ConfigParser(interpolation=None)
    meta.read(ROOT / "metadata.txt", encoding="utf-8")
    general = meta["general"]
    assert general["name"] == "Battery Recycling Atlas"
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["hasProcessingProvider"] == "yes"
    for key in ("description", "about", "version", "author", "email", "homepage", "tracker",
                "repository", "tags", "category", "icon"):
        assert general[key].strip(), key
    assert (ROOT / general["icon"]).exists()
    assert "回收" in general["about"] and "recycling" in general["about"]
