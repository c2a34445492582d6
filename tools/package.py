"""Build ``dist/battery_recycling_atlas-<version>.zip``, installable from QGIS's plugin manager
(Plugins ▸ Manage and Install Plugins ▸ Install from ZIP). Developer files are left out."""

from __future__ import annotations

import argparse
import configparser
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "battery_recycling_atlas"
INCLUDE = [
    "metadata.txt",
    "__init__.py",
    "plugin.py",
    "plugin_info.py",
    "i18n.py",
    "README.md",
    "CHANGELOG.md",
    "LICENSE",
    "core",
    "reports",
    "processing",
    "ui",
    "resources",
    "docs",
]
SKIP_PARTS = {"__pycache__", ".pytest_cache"}
SKIP_SUFFIXES = {".pyc", ".ts", ".pro"}


def files() -> list[Path]:
    """The files that go into the zip, relative to the repository root."""
    found = []
    for entry in INCLUDE:
        path = ROOT / entry
        if path.is_file():
            found.append(path.relative_to(ROOT))
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(ROOT)
                if (
                    child.is_file()
                    and not SKIP_PARTS & set(rel.parts)
                    and child.suffix not in SKIP_SUFFIXES
                ):
                    found.append(rel)
    return found


def main(argv: list[str] | None = None) -> int:
    """Write the zip and print its path."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output-dir", default=str(ROOT / "dist"))
    args = parser.parse_args(argv)
    meta = configparser.ConfigParser(interpolation=None)
    meta.read(ROOT / "metadata.txt", encoding="utf-8")
    version = meta["general"]["version"]
    dist = Path(args.output_dir)
    dist.mkdir(parents=True, exist_ok=True)
    target = dist / f"{NAME}-{version}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for rel in files():
            zf.write(ROOT / rel, f"{NAME}/{rel.as_posix()}")
    print(f"{target} ({target.stat().st_size / 1e6:.1f} MB, {len(files())} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
