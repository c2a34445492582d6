"""The optional LANGUAGE parameter: legends written in the chosen language, whatever the
interface's (scripts, models and qgis_process have no interface translation)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
GPKG = ROOT / "resources" / "data" / "china_sample.gpkg"
QM = ROOT / "resources" / "i18n" / "battery_recycling_atlas_zh_CN.qm"
CJK = re.compile(r"[\u4e00-\u9fff]")
STYLED = [
    "retirement_capacity_ratio",
    "natural_breaks_matching",
    "capital_compliance",
    "plant_profit",
    "profit_uncertainty",
    "profit_surface",
    "allocate_supply",
]


def stored_labels(path: Path) -> list[str]:
    """The legend labels of the default style stored in a GeoPackage output."""
    layer = QgsVectorLayer(str(path), "out", "ogr")  # loads the stored default style
    renderer = layer.renderer()
    if hasattr(renderer, "categories"):
        return [c.label() for c in renderer.categories()]
    if hasattr(renderer, "ranges"):
        return [r.label() for r in renderer.ranges()]
    return [r.label() for r in renderer.rootRule().children()]


def test_every_styled_algorithm_offers_language_last(plugin):
    from qgis.core import QgsApplication

    for alg_id in STYLED:
        alg = QgsApplication.processingRegistry().createAlgorithmById(f"battery_recycling:{alg_id}")
        names = [p.name() for p in alg.parameterDefinitions()]
        assert names[-1] == "LANGUAGE"  # appended after every 0.1.0 parameter
        assert alg.parameterDefinition("LANGUAGE").defaultValue() == 0
        assert alg.parameterDefinition("LANGUAGE").options()[1:] == ["English", "Chinese (中文)"]


RUNS = {
    "retirement_capacity_ratio": (
        "provinces",
        {"RETIREMENT_FIELD": "retire_2025_t", "CAPACITY_FIELD": "capacity_2025_t"},
    ),
    "natural_breaks_matching": (
        "cities",
        {"VOLUME_FIELD": "retire_2025_t", "OUTLETS_FIELD": "outlets_2025"},
    ),
    "capital_compliance": (
        "provinces",
        {"CAPITAL_FIELD": "capital_cny", "WHITELIST_FIELD": "whitelist_firms"},
    ),
    "plant_profit": ("whitelist_plants", {"CAPACITY_FIELD": "capacity_t", "UTILIZATION": 0.5}),
}


@pytest.mark.parametrize("alg_id", sorted(RUNS))
def test_chinese_legend_from_an_english_interface(run_alg, tmp_path, alg_id):
    layer, params = RUNS[alg_id]
    english, chinese = tmp_path / "en.gpkg", tmp_path / "zh.gpkg"
    for language, out in ((0, english), (2, chinese)):
        run_alg(
            alg_id,
            dict(params, INPUT=f"{GPKG}|layername={layer}", LANGUAGE=language, OUTPUT=str(out)),
        )
    en, zh = stored_labels(english), stored_labels(chinese)
    assert len(en) == len(zh) >= 4
    assert not any(CJK.search(label) for label in en)
    assert all(CJK.search(label) or "%" in label for label in zh)
    assert sum(bool(CJK.search(label)) for label in zh) >= len(zh) - 3


def test_english_legend_from_a_chinese_interface(run_alg, tmp_path, qgis_app):
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        for language, out in ((0, tmp_path / "zh.gpkg"), (1, tmp_path / "en.gpkg")):
            run_alg(
                "retirement_capacity_ratio",
                {
                    "INPUT": f"{GPKG}|layername=provinces",
                    "RETIREMENT_FIELD": "retire_2025_t",
                    "CAPACITY_FIELD": "capacity_2025_t",
                    "LANGUAGE": language,
                    "OUTPUT": str(out),
                },
            )
    finally:
        QCoreApplication.removeTranslator(translator)
    assert all(CJK.search(label) for label in stored_labels(tmp_path / "zh.gpkg"))
    assert stored_labels(tmp_path / "en.gpkg")[0] == "Severe idle (ratio < 20 %)"


def test_qgis_process_writes_a_chinese_legend(run_cli, tmp_path):
    out = tmp_path / "比率.gpkg"
    run_cli(
        "retirement_capacity_ratio",
        f"INPUT={GPKG}|layername=provinces",
        "RETIREMENT_FIELD=retire_2025_t",
        "CAPACITY_FIELD=capacity_2025_t",
        "LANGUAGE=2",
        f"OUTPUT={out}",
    )
    labels = stored_labels(out)
    assert labels[0] == "严重闲置（比值 < 20 %）"
    assert all(CJK.search(label) for label in labels)
