"""The Python packages the plugin needs beyond QGIS, and a clear message when one is missing.

QGIS on Debian does not pull in scipy, matplotlib or pandas, and a QGIS installed with OSGeo4W on
Windows may lack them too. Nothing here imports them: :func:`missing` only looks them up, so the
plugin loads and can say what to install instead of failing with a traceback.
"""

from __future__ import annotations

import importlib.util

from qgis.PyQt.QtCore import QCoreApplication

#: Module name → (Debian package, pip / OSGeo4W name).
PACKAGES: dict[str, tuple[str, str]] = {
    "numpy": ("python3-numpy", "numpy"),
    "scipy": ("python3-scipy", "scipy"),
    "matplotlib": ("python3-matplotlib", "matplotlib"),
    "pandas": ("python3-pandas", "pandas"),
}
#: What every analysis needs (the computation core and the reports).
CORE = ("numpy", "scipy", "matplotlib")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dependencies", text)


def missing(modules: tuple[str, ...] | list[str] = CORE) -> list[str]:
    """The modules of ``modules`` that cannot be imported here (looked up, not imported)."""
    absent = []
    for name in modules:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            absent.append(name)
    return absent


def install_message(modules: list[str]) -> str:
    """One translated paragraph: which packages are missing and the commands that install them
    on Debian/Ubuntu and in the OSGeo4W Shell on Windows."""
    debian = " ".join(PACKAGES.get(m, (f"python3-{m}", m))[0] for m in modules)
    pip = " ".join(PACKAGES.get(m, (m, m))[1] for m in modules)
    return _tr(
        "This needs the Python package(s) {names}, which this QGIS installation does not have. "
        "Install them, then restart QGIS. Debian/Ubuntu: sudo apt install {debian}. "
        "Windows (OSGeo4W Shell, run as administrator): python -m pip install {pip}."
    ).format(names=", ".join(modules), debian=debian, pip=pip)
