"""Render the economics explorer, the workflow dialog and the About dialog to PNG, offscreen.

Usage, from the checkout: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -P tools/dialog_shots.py
OUTDIR``. Writes ``explorer_<locale>.png``, ``workflow_<locale>.png`` and ``about_<locale>.png``
for English, and for Chinese (zh_CN) when ``resources/i18n/battery_recycling_atlas_zh_CN.qm``
exists. The images are for the README; they are not test expectations.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "pkg"
QM = ROOT / "resources" / "i18n" / "battery_recycling_atlas_{locale}.qm"


def _package_path() -> None:
    """Import the checkout as ``battery_recycling_atlas`` (never put the root on sys.path)."""
    link = BUILD / "battery_recycling_atlas"
    if not link.exists():
        BUILD.mkdir(parents=True, exist_ok=True)
        link.symlink_to(ROOT, target_is_directory=True)
    sys.path.insert(0, str(BUILD))


def _save(widget, out: Path, name: str) -> Path:
    from qgis.PyQt.QtWidgets import QApplication

    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    path = out / f"{name}.png"
    if not widget.grab().save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")
    print(path)
    return path


def render(out: Path, locale: str) -> None:
    """All three windows in ``locale`` (``en`` or a catalogue in resources/i18n)."""
    from qgis.core import QgsProject, QgsVectorLayer
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from battery_recycling_atlas.ui.about_dialog import AboutDialog
    from battery_recycling_atlas.ui.economics_explorer import EconomicsExplorerDock
    from battery_recycling_atlas.ui.workflow_dialog import WorkflowDialog

    translator = None
    if locale != "en":
        translator = QTranslator()
        if not translator.load(str(QM).format(locale=locale)):
            raise SystemExit(f"cannot load the {locale} catalogue")
        QCoreApplication.installTranslator(translator)
    from qgis.core import QgsApplication

    from battery_recycling_atlas.processing.provider import BatteryRecyclingProvider

    provider = BatteryRecyclingProvider()  # after the translator: names are translated once
    QgsApplication.processingRegistry().addProvider(provider)
    project = QgsProject.instance()
    project.removeAllMapLayers()
    gpkg = ROOT / "resources" / "data" / "china_sample.gpkg"
    layers = [
        QgsVectorLayer(f"{gpkg}|layername={name}", title, "ogr")
        for name, title in (
            ("provinces", "Provinces 省"),
            ("cities", "Cities 地级市"),
            ("whitelist_plants", "Whitelist plants 白名单企业"),
        )
    ]
    project.addMapLayers(layers)

    dock = EconomicsExplorerDock()
    dock.resize(1320, 860)
    dock.layer_combo.setLayer(layers[2])
    dock.redraw()
    _save(dock, out, f"explorer_{locale}")
    dialog = WorkflowDialog(project=project)
    dialog.resize(dialog.sizeHint().expandedTo(dialog.minimumSizeHint()))
    _save(dialog, out, f"workflow_{locale}")
    about = AboutDialog()
    _save(about, out, f"about_{locale}")
    for widget in (dock, dialog, about):
        widget.close()
        widget.deleteLater()
    QgsApplication.processingRegistry().removeProvider(provider)
    if translator is not None:
        QCoreApplication.removeTranslator(translator)


def main(argv: list[str]) -> int:
    """Render every available locale into the folder given on the command line."""
    if len(argv) != 2:
        print(__doc__)
        return 2
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    _package_path()
    from qgis.core import QgsApplication

    app = QgsApplication([], True)
    app.initQgis()
    locales = ["en"] + [loc for loc in ("zh_CN",) if Path(str(QM).format(locale=loc)).exists()]
    for locale in locales:
        render(out, locale)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
