"""The Chinese (zh_CN) catalogue: complete, up to date, compiled, and used at run time."""

from __future__ import annotations

import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "battery_recycling_atlas_zh_CN.ts"
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _tool():
    spec = importlib.util.spec_from_file_location("atlas_i18n_tool", ROOT / "tools" / "i18n.py")
    module = sys.modules.get(spec.name) or importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def _messages():
    """(context, source, translation element) of every current (not obsolete) message."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") not in ("obsolete", "vanished"):
                found.append((name, message.findtext("source"), translation))
    return found


@pytest.fixture()
def zh_cn(qgis_app):
    """The compiled zh_CN catalogue installed for one test."""
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_ts_is_up_to_date_and_complete(capsys):
    # The extractor in check mode: every tr() string of the plugin is in the .ts, nothing
    # else is current, and every message has a translation.
    status = _tool().main(["--check", "--quiet"])
    assert status == 0, capsys.readouterr().out


def test_every_message_translated_with_the_same_placeholders_and_tags():
    messages = _messages()
    assert len(messages) > 500
    for context, source, translation in messages:
        text = translation.text or ""
        where = f"[{context}] {source[:60]!r}"
        assert text.strip() and translation.get("type") != "unfinished", where
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), where
        assert sorted(TAG.findall(text)) == sorted(TAG.findall(source)), where
        if CJK.search(text) is None:
            # Only symbols, numbers, units and proper names may stay as they are.
            words = PLACEHOLDER.sub("", TAG.sub("", text))
            for name in ("Spearman", "Pearson"):
                words = words.replace(name, "")
            assert not re.search(r"[a-z]{4,}", words), where


def test_qm_is_compiled_from_the_current_ts(tmp_path):
    tool = _tool()
    if tool.lrelease_path() is None:
        pytest.skip("lrelease (qttools5-dev-tools) is not installed")
    fresh = tmp_path / "fresh.qm"
    tool.release(TS, fresh)
    assert QM.exists(), "run `make translations`"
    assert QM.read_bytes() == fresh.read_bytes(), "the .qm is stale: run `make translations`"


def test_algorithm_texts_and_labels_in_chinese(zh_cn):
    from battery_recycling_atlas.core.mismatch.ratio import RatioThresholds
    from battery_recycling_atlas.processing.algorithms.retirement_capacity_ratio import (
        RetirementCapacityRatio,
    )
    from battery_recycling_atlas.processing.styling.labels import ratio_class_labels

    alg = RetirementCapacityRatio()
    alg.initAlgorithm()
    assert alg.displayName() == "退役量与回收产能之比"
    assert alg.group() == "空间错配"
    assert CJK.search(alg.shortHelpString())
    assert alg.parameterDefinition("RETIREMENT_FIELD").description() == "退役量字段（吨/年）"
    assert alg.parameterDefinition("REPORT").description() == "报告"
    labels = ratio_class_labels(RatioThresholds(0.2, 0.8, 1.0))
    assert labels["severe_idle"] == "严重闲置（比值 < 20 %）"
    assert labels["no_data"] == "无数据"
    assert all(CJK.search(label) for label in labels.values())


def test_report_rendered_with_report_tr_has_chinese_headings(zh_cn):
    from battery_recycling_atlas.core.mismatch import ratio as core_ratio
    from battery_recycling_atlas.processing.io.layers import report_tr
    from battery_recycling_atlas.processing.styling.labels import ratio_class_labels
    from battery_recycling_atlas.reports.ratio import ratio_report_html

    thresholds = core_ratio.RatioThresholds(0.2, 0.8, 1.0)
    result = core_ratio.compute_ratios(
        [100.0, 50.0, 30.0, 900.0], [1000.0, 100.0, 10.0, 800.0], thresholds
    )
    html = ratio_report_html(
        ["甲", "乙", "丙", "丁"],
        result,
        core_ratio.summarize(result, thresholds),
        core_ratio.ratio_regression(result),
        thresholds,
        title="测试",
        class_labels=ratio_class_labels(thresholds),
        tr=report_tr,
    )
    for heading in ("摘要", "按比值排列的区域", "比值对产能的回归"):
        assert heading in html
    assert "Summary" not in html


def test_plugin_installs_the_catalogue_for_a_chinese_qgis(qgis_app):
    from battery_recycling_atlas.i18n import install_translator, remove_translator, tr

    settings = QgsSettings()
    saved = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "zh_CN")
    translator = install_translator()
    try:
        assert translator is not None
        assert tr("Load sample data") == "加载示例数据"
    finally:
        remove_translator(translator)
        for key, value in saved.items():
            if value is None:
                settings.remove(key)
            else:
                settings.setValue(key, value)
    assert tr("Load sample data") == "Load sample data"


def test_every_algorithm_is_in_chinese(zh_cn):
    from battery_recycling_atlas.processing.algorithms import algorithm_classes

    for cls in algorithm_classes():
        alg = cls()
        alg.initAlgorithm()
        for text in (alg.displayName(), alg.group(), alg.shortHelpString()):
            assert CJK.search(text), (cls.__name__, text[:60])
        for param in alg.parameterDefinitions():
            assert CJK.search(param.description()), (cls.__name__, param.name())


def test_extractor_contexts_and_concatenation(tmp_path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "demo.py").write_text(
        'def report(tr):\n    return tr("Summary") + tr("Two " "parts")\n', encoding="utf-8"
    )
    (tmp_path / "mod.py").write_text(
        "from qgis.PyQt.QtCore import QCoreApplication\n\n"
        "NOTE = 'A constant'\n\n"
        "def _tr(text):\n    return QCoreApplication.translate('Helper', text)\n\n"
        "def helped(tr):\n    return tr('Via parameter')\n\n"
        "class Alg:\n    NAME = 'Class attribute'\n\n"
        "    def tr(self, text):\n        return text\n\n"
        "    def run(self):\n"
        "        self.tr(self.NAME)\n"
        "        helped(self.tr)\n"
        "        _tr('Implicit ' 'join') + _tr(('Paren'\n 'thesised'))\n"
        "        _tr('Plus ' + 'join')\n"
        "        QCoreApplication.translate('Direct', NOTE)\n"
        "        return self.tr(f'{NOTE}')\n",
        encoding="utf-8",
    )
    report = _tool().Extractor(tmp_path).run()
    found = {(m.context, m.source) for m in report.messages}
    assert found == {
        ("Report", "Summary"),
        ("Report", "Two parts"),
        ("Alg", "Via parameter"),
        ("Alg", "Class attribute"),
        ("Helper", "Implicit join"),
        ("Helper", "Parenthesised"),
        ("Helper", "Plus join"),
        ("Direct", "A constant"),
    }
    assert any("self.tr() with a non-literal" in note for note in report.dynamic)


def test_plant_style_legends_in_chinese(zh_cn):
    # The graduated plant styles' QML holds English labels; the algorithms relabel them.
    from qgis.core import QgsVectorLayer

    from battery_recycling_atlas.processing.styling.labels import graduated_labels
    from battery_recycling_atlas.processing.styling.postprocess import qml_styler, relabel_ranges

    for qml, field in (("plant_profit.qml", "profit"), ("profit_uncertainty.qml", "p_loss")):
        layer = QgsVectorLayer(
            f"Point?crs=EPSG:4326&field={field}:double" "&field=throughput_t:double", "p", "memory"
        )
        assert qml_styler(qml, relabel_ranges(graduated_labels()))(layer)
        labels = [r.label() for r in layer.renderer().ranges()]
        assert len(labels) >= 5 and all(CJK.search(label) or "%" in label for label in labels)
    assert graduated_labels()["Loss over 100 M CNY"] == "亏损超过 1 亿元"


#: Wrong senses of ambiguous English words, collected as they were fixed: where the English
#: source has the word, the Chinese must not use these renderings.
WRONG_SENSES = {
    r"\bbounds?\b": ("来源", "目标"),  # class bounds are 下限 / 上限, not source / target
    r"\bto\b": ("目标",),  # "To plant" is where a flow goes (去向), not a target
    r"\bfrom\b": ("目标",),
    r"\bbreaks?\b": ("中断", "休息", "打破", "折断", "破坏"),  # natural breaks: 断点
    r"\bclass(es)?\b": ("班级", "课程", "阶级"),  # a class: 类 / 类别
    r"\bcapacity\b": ("容量",),  # plant capacity: 产能 / 处理能力
    r"\bsources?\b": ("源代码", "源码", "电源"),  # a data source, a source study: 来源
    r"\bNo data\b": ("没有资料",),
}
#: Chinese words that need their English sense in the source.
NEEDS_SENSE = {"目标": r"\b(target|goal|objective|aim)", "来源": r"\b(source|sourced|from|origin)"}


def test_ambiguous_words_keep_their_sense():
    wrong = []
    for context, source, translation in _messages():
        text = translation.text or ""
        for pattern, renderings in WRONG_SENSES.items():
            if re.search(pattern, source, re.I):
                # A long text may hold the word in both senses ("class bounds", "source note").
                wrong += [
                    (context, source[:60], r)
                    for r in renderings
                    if r in text and not re.search(NEEDS_SENSE.get(r, "$^"), source, re.I)
                ]
        for word, sense in NEEDS_SENSE.items():
            if word in text and not re.search(sense, source, re.I):
                wrong.append((context, source[:60], word))
    assert wrong == []


def test_about_names_the_plugin_once_in_chinese(zh_cn):
    from battery_recycling_atlas.ui.about_dialog import AboutDialog

    html = AboutDialog().html()
    assert html.count("动力电池回收图谱") == 1
    assert "边界：天地图" in html and "Boundaries: Tianditu" in html


def test_class_bounds_are_lower_and_upper_in_chinese(zh_cn):
    from battery_recycling_atlas.core.mismatch.classify import Breaks
    from battery_recycling_atlas.processing.io.layers import report_tr
    from battery_recycling_atlas.reports.matching import _breaks_table

    html = _breaks_table(Breaks("natural_breaks", 2, 2, (0.0, 0.5, 1.0)), "c", report_tr)
    assert "下限" in html and "上限" in html and "来源" not in html and "目标" not in html


def test_workflow_model_dialog_in_chinese(plugin, zh_cn):
    from qgis.core import QgsApplication

    from battery_recycling_atlas.processing.models import MODEL_TEXTS

    model = QgsApplication.processingRegistry().createAlgorithmById(
        "battery_recycling:mismatch_workflow"
    )
    assert model.helpContent()["ALG_DESC"] in MODEL_TEXTS  # the file's help is translatable
    descriptions = [p.description() for p in model.parameterDefinitions()]
    assert len(descriptions) >= 15
    assert all(CJK.search(d) for d in descriptions), descriptions
    assert "省份（面）" in descriptions and "比值地图" in descriptions
    assert "一步完成" in model.shortHelpString()
    assert CJK.search(model.displayName()) and CJK.search(model.group())
