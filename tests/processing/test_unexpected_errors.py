"""Failures no check foresaw (a bug, a disk error while reporting, no memory, a temporary folder
that cannot be made) end in a plain message, never a traceback; the traceback goes to the
plugin's error log file (and QGIS desktop's message log), and earlier outputs stay as they
were."""

from __future__ import annotations

import errno
import re
import tempfile
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingException, QgsVectorLayer

from battery_recycling_atlas.core.mismatch import ratio as core_ratio
from battery_recycling_atlas.processing import failures
from battery_recycling_atlas.processing.io import region_run
from tests.processing.test_bad_input_tables import Recorder
from tests.processing.test_output_path import params, run, snapshot, write_regions

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "data" / "china_sample.gpkg"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write_regions(tmp_path / "regions.gpkg")
    return tmp_path


@pytest.fixture
def error_log(tmp_path_factory, monkeypatch) -> Path:
    """The error log file, in a profile folder of the test's own (not yet made)."""
    path = tmp_path_factory.mktemp("profile") / "battery_recycling_atlas" / "errors.log"
    monkeypatch.setattr(failures, "error_log", lambda: path)
    return path


@pytest.fixture
def message_log():
    """Messages written to the plugin's tab of the message log during the test."""
    seen: list[str] = []

    def keep(message: str, tag: str, _level) -> None:
        if tag == failures.LOG_TAG:
            seen.append(message)

    QgsApplication.messageLog().messageReceived.connect(keep)
    yield seen
    QgsApplication.messageLog().messageReceived.disconnect(keep)


def _boom(*_args, **_kwargs):
    raise ValueError("boom")


def _no_memory(*_args, **_kwargs):
    raise MemoryError


def _disk_full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device", "/data/report.html")


CASES = {
    "bug": (
        core_ratio,
        "ratio_regression",
        _boom,
        "stopped on an unexpected error (ValueError: boom).",
    ),
    "memory": (core_ratio, "compute_ratios", _no_memory, "ran out of memory. Use a larger pixel"),
    "disk": (
        region_run,
        "add_report",
        _disk_full,
        "could not read or write a file: No space left on device (/data/report.html).",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_an_unforeseen_failure_is_a_message_and_keeps_the_earlier_output(
    plugin, folder, error_log, message_log, monkeypatch, case
):
    target, name, fake, expected = CASES[case]
    out = folder / "ratio.gpkg"
    run(plugin, params(folder, out))
    before = snapshot(folder)
    monkeypatch.setattr(target, name, fake)
    with pytest.raises(QgsProcessingException) as caught:
        run(plugin, params(folder, out, REPORT=str(folder / "report.html")))
    message = str(caught.value)
    assert message.startswith("Retirement-to-capacity ratio ")  # the algorithm by name
    assert expected in message, message
    assert "Traceback" not in message and 'File "' not in message
    assert (f"details written to {error_log}" in message) == (case == "bug"), message
    assert snapshot(folder) == before  # the earlier output as it was, nothing staged left
    logged = error_log.read_text(encoding="utf-8")
    assert logged.count("Traceback (most recent call last)") == 1
    assert "Retirement-to-capacity ratio\nTraceback" in logged and name in logged
    assert message_log == []  # not QGIS desktop: qgis_process would print the message log


def test_on_the_desktop_the_traceback_also_goes_to_the_message_log(
    plugin, folder, error_log, message_log, monkeypatch
):
    monkeypatch.setattr(failures, "on_desktop", lambda: True)
    monkeypatch.setattr(core_ratio, "ratio_regression", _boom)
    with pytest.raises(QgsProcessingException, match="ValueError: boom"):
        run(plugin, params(folder, folder / "ratio.gpkg"))
    assert len(message_log) == 1 and "Traceback" in message_log[0]
    assert "ratio_regression" in message_log[0]


def test_without_a_writable_log_the_message_still_says_what_happened(plugin, folder, monkeypatch):
    blocker = folder / "a_file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setattr(failures, "error_log", lambda: blocker / "errors.log")
    monkeypatch.setattr(core_ratio, "ratio_regression", _boom)
    with pytest.raises(QgsProcessingException) as caught:
        run(plugin, params(folder, folder / "ratio.gpkg"))
    assert str(caught.value) == (
        "Retirement-to-capacity ratio stopped on an unexpected error (ValueError: boom). "
        "Please report it."
    )


def test_a_large_error_log_is_started_afresh_and_the_old_one_kept(error_log, monkeypatch):
    error_log.parent.mkdir(parents=True)
    error_log.write_text("stale\n" * (failures.LOG_MAX_BYTES // 6 + 1), encoding="utf-8")
    try:
        raise ValueError("again")
    except ValueError as error:
        message = failures.unexpected_message("Some algorithm", error)
    assert message.endswith(f"Please report it with the details written to {error_log}.")
    assert error_log.with_name("errors.log.1").stat().st_size > failures.LOG_MAX_BYTES
    text = error_log.read_text(encoding="utf-8")
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d Some algorithm\nTraceback", text), text
    assert "ValueError: again" in text and "stale\n" not in text


def test_a_temporary_folder_that_cannot_be_made_is_named(run_alg, tmp_path, error_log, monkeypatch):
    missing = tmp_path / "no_such_tmp"
    monkeypatch.setattr(tempfile, "tempdir", str(missing))
    out = tmp_path / "maps" / "ratio.png"
    out.parent.mkdir()
    with pytest.raises(QgsProcessingException) as caught:
        run_alg(
            "export_publication_map",
            {"INPUT": f"{SAMPLE}|layername=provinces", "DPI": 50, "OUTPUT": str(out)},
        )
    message = str(caught.value)
    assert message.startswith("Export publication map could not read or write a file: ")
    assert str(missing) in message and "Traceback" not in message, message
    assert list(out.parent.iterdir()) == []
    assert "TemporaryDirectory" in error_log.read_text(encoding="utf-8")


def test_a_style_that_fails_on_loading_is_a_warning(plugin, folder, error_log, monkeypatch):
    """QGIS styles each output when it loads it, through the post-processor the run attached
    (called here as QGIS calls it: ``runAndLoadResults`` needs the desktop's layer tree on
    QGIS 3.44); a styler that fails leaves the layer loaded, unstyled, with a warning instead
    of a traceback."""
    from battery_recycling_atlas.processing.styling import postprocess

    def broken(_layer):
        raise RuntimeError("legend broke")

    monkeypatch.setattr(postprocess, "refresh_legend", broken)
    out = folder / "ratio.gpkg"
    results, context = run(plugin, params(folder, out))
    details = context.layersToLoadOnCompletion()[results["OUTPUT"]]
    layer = QgsVectorLayer(str(out), "ratio", "ogr")
    assert layer.isValid() and layer.featureCount() == 3
    feedback = Recorder()
    details.postProcessor().postProcessLayer(layer, context, feedback)  # must not raise
    assert (
        "The layer “ratio” was loaded but could not be styled (RuntimeError: legend broke)."
        in feedback.text()
    ), feedback.text()
    assert "legend broke" in error_log.read_text(encoding="utf-8")
