"""Shared test set-up.

The repository root is the plugin package; tests import it as ``battery_recycling_atlas``
through a link in ``build/pkg`` (never by putting the root itself on ``sys.path``, whose
``processing/`` folder would shadow QGIS's). pytest-qgis starts a headless QgsApplication.
Fixtures live here; the layers the tests build (memory layers from rows, points, polygons,
GeoPackages written with OGR) come from ``tests/layers.py``: ``from tests.layers import …``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from osgeo import gdal, ogr, osr

# The tests' own GDAL calls run as GDAL 4 will: errors raise (said explicitly, so GDAL 3.7+ does
# not warn). The plugin switches exceptions on around its own calls (processing/compat.py).
for _module in (gdal, ogr, osr):
    _module.UseExceptions()

# QT_QPA_PLATFORM=offscreen must be set before pytest starts (the Makefile exports it):
# pytest-qgis creates the QgsApplication before this file is read.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "pkg"
LINK = BUILD / "battery_recycling_atlas"
if not LINK.exists():
    BUILD.mkdir(parents=True, exist_ok=True)
    LINK.symlink_to(ROOT, target_is_directory=True)
if str(BUILD) not in sys.path:
    sys.path.insert(0, str(BUILD))

SAMPLE_GPKG = ROOT / "resources" / "data" / "china_sample.gpkg"


@pytest.fixture(scope="session")
def sample_gpkg() -> Path:
    """The shipped sample GeoPackage (provinces, cities, sources)."""
    assert SAMPLE_GPKG.exists(), "resources/data/china_sample.gpkg is missing: make sample-data"
    return SAMPLE_GPKG


@pytest.fixture()
def plugin(qgis_app, qgis_iface, qgis_processing):
    """The plugin loaded the way QGIS loads it: classFactory(iface), then initProcessing()."""
    import battery_recycling_atlas

    instance = battery_recycling_atlas.classFactory(qgis_iface)
    instance.initProcessing()
    yield instance
    instance.unload()


@pytest.fixture()
def run_alg(plugin):
    """Run ``battery_recycling:<name>`` through the real Processing framework."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    def run(name: str, params: dict, feedback=None):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        feedback = feedback or QgsProcessingFeedback()
        return processing.run(
            f"battery_recycling:{name}", params, context=context, feedback=feedback
        )

    return run


class RecordingFeedback:
    """Factory for a QgsProcessingFeedback that records warnings and errors."""

    @staticmethod
    def make():
        from qgis.core import QgsProcessingFeedback

        class _Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.warnings: list[str] = []
                self.errors: list[str] = []

            def pushWarning(self, warning):
                self.warnings.append(warning)
                super().pushWarning(warning)

            def reportError(self, error, fatalError=False):
                self.errors.append(error)
                super().reportError(error, fatalError)

        return _Feedback()


@pytest.fixture()
def feedback():
    """A feedback object whose ``warnings`` list holds what the algorithm warned."""
    return RecordingFeedback.make()


# Debian's /usr/bin/qgis_process wrapper passes --noversioncheck, which the binary rejects.
QGIS_PROCESS = shutil.which("qgis_process.bin") or shutil.which("qgis_process")


@pytest.fixture(scope="session")
def qgis_process_env(tmp_path_factory) -> dict[str, str]:
    """Environment for the real ``qgis_process``: a throw-away QGIS profile with this checkout
    linked in as the plugin and enabled."""
    if QGIS_PROCESS is None:
        pytest.fail("qgis_process is not installed (make setup installs QGIS)")
    config = tmp_path_factory.mktemp("qgis_config")
    plugins = config / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    (plugins / "battery_recycling_atlas").symlink_to(ROOT, target_is_directory=True)
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(config), QT_QPA_PLATFORM="offscreen")
    subprocess.run(
        [QGIS_PROCESS, "plugins", "enable", "battery_recycling_atlas"],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return env


@pytest.fixture(scope="session")
def qgis_process(qgis_process_env):
    """Run ``qgis_process <args>`` in that profile; returns the CompletedProcess."""

    def run(*args: str, timeout: int = 180) -> subprocess.CompletedProcess:
        return subprocess.run(
            [QGIS_PROCESS, *args],
            env=qgis_process_env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    return run


@pytest.fixture(scope="session")
def run_cli(qgis_process):
    """``qgis_process --json run battery_recycling:<alg> -- args``: the results dict."""

    def run(alg: str, *args: str) -> dict:
        proc = qgis_process("--json", "run", f"battery_recycling:{alg}", "--", *args)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return json.loads(proc.stdout[proc.stdout.index("{") :])["results"]

    return run


def handle_results(alg, context, feedback, results: dict) -> bool:
    """What the Processing dialog does after a run: ``handleAlgorithmResults``, which loads the
    outputs into the project. QGIS 3.22 takes (alg, context, feedback, showResults,
    parameters); 3.40 dropped ``showResults``."""
    import inspect

    from qgis.core import QgsLayerTreeModel, QgsProject
    from qgis.gui import QgsLayerTreeView

    from processing.gui import Postprocessing

    # From 3.44 the results go to iface.layerTreeView() through C++, which needs a real view:
    # pytest-qgis's iface is a mock, so give it one on the project's layer tree.
    view = QgsLayerTreeView()
    view.setModel(QgsLayerTreeModel(QgsProject.instance().layerTreeRoot(), view))

    class _Iface:
        def __init__(self, real):
            self._real = real

        def layerTreeView(self):
            return view

        def __getattr__(self, name):
            return getattr(self._real, name)

    real = getattr(Postprocessing, "iface", None)
    Postprocessing.iface = _Iface(real) if real is not None else None
    try:
        handle = Postprocessing.handleAlgorithmResults
        if "showResults" in inspect.signature(handle).parameters:
            return handle(alg, context, feedback, False, results)
        return handle(alg, context, feedback, results)
    finally:
        Postprocessing.iface = real


_EXIT_STATUS = {"code": 0}


def pytest_sessionfinish(session, exitstatus):
    _EXIT_STATUS["code"] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave without Python's finalisation once pytest has reported, keeping its exit status.

    After a run that refused an output (tests of the refusal path), objects that QGIS's C++
    error handling keeps are destroyed during interpreter shutdown, after QGIS has exited, and
    segfault there on QGIS 3.22 and 3.40 (exit status 139 after "N passed"). Nothing of the
    tests runs then; skipping that teardown keeps ``make test``'s status the tests' own.
    """
    import os

    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(_EXIT_STATUS["code"])
