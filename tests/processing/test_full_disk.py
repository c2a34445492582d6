"""A disk that fills up half-way (``ulimit -f``: files may not grow past a limit) through the
real ``qgis_process``: the run fails with a message, the earlier output and report stay
byte-identical, and no temporary file is left."""

from __future__ import annotations

import resource
import signal
import subprocess

import pytest

from tests.processing.test_output_path import snapshot, write_regions

LIMIT = 512 * 1024  # bytes a file may grow to in the failing run


def _limit_file_size() -> None:  # runs in the child before exec
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


@pytest.mark.parametrize("report", [True, False], ids=["with report", "layer only"])
def test_a_full_disk_leaves_the_earlier_outputs_untouched(
    qgis_process, qgis_process_env, tmp_path, report
):
    from tests.conftest import QGIS_PROCESS

    write_regions(tmp_path / "regions.gpkg", copies=3000)  # 9,000 polygons: a file > LIMIT
    args = [
        "run",
        "battery_recycling:retirement_capacity_ratio",
        "--",
        f"INPUT={tmp_path / 'regions.gpkg'}",
        "RETIREMENT_FIELD=ret",
        "CAPACITY_FIELD=cap",
        f"OUTPUT={tmp_path / 'ratio.gpkg'}",
    ] + ([f"REPORT={tmp_path / 'ratio.html'}"] if report else [])
    first = qgis_process(*args)
    assert first.returncode == 0, first.stdout + first.stderr
    assert (tmp_path / "ratio.gpkg").stat().st_size > LIMIT
    before = snapshot(tmp_path)

    full = subprocess.run(
        [QGIS_PROCESS, *args],
        env=qgis_process_env,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=_limit_file_size,
    )
    out = full.stdout + full.stderr
    assert full.returncode != 0, out
    assert "Traceback" not in out
    assert "ratio.gpkg" in out and ("File too large" in out or "disk full" in out), out[-2000:]
    assert snapshot(tmp_path) == before


def test_a_full_disk_while_writing_rasters_leaves_the_earlier_surface(
    qgis_process, qgis_process_env, tmp_path
):
    from tests.conftest import QGIS_PROCESS, SAMPLE_GPKG

    def args(radius: int) -> list[str]:
        return [
            "run",
            "battery_recycling:profit_surface",
            "--",
            f"SUPPLY={SAMPLE_GPKG}|layername=cities",
            "SUPPLY_FIELD=retire_2025_t",
            "PIXEL_SIZE=5",
            f"HAUL_RADIUS={radius}",
            f"OUTPUT={tmp_path / 'profit.tif'}",
            f"BEST={tmp_path / 'best.gpkg'}",
        ]

    first = qgis_process(*args(300))
    assert first.returncode == 0, first.stdout + first.stderr
    assert (tmp_path / "profit.tif").stat().st_size > LIMIT
    before = snapshot(tmp_path)
    full = subprocess.run(
        [QGIS_PROCESS, *args(250)],
        env=qgis_process_env,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=_limit_file_size,
    )
    out = full.stdout + full.stderr
    assert full.returncode != 0, out
    assert "Traceback" not in out and "profit.tif" in out, out[-2000:]
    assert "File too large" in out or "disk full" in out, out[-2000:]
    assert snapshot(tmp_path) == before
