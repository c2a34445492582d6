"""What a run says when it fails in a way no check foresaw: one plain sentence for the user; the
traceback, for a bug report, in the plugin's error log file (and, in QGIS desktop, the message
log). Never a traceback in the user's face: ``qgis_process`` prints the message log and every
feedback channel, so there the traceback goes to the file only."""

from __future__ import annotations

import datetime
import traceback
from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsMessageLog

from .styling.labels import translate

#: The message log tab of the plugin.
LOG_TAG = "Battery Recycling Atlas"
#: The error log is started afresh beyond this size (bytes); the previous one is kept as ``.1``.
LOG_MAX_BYTES = 1 << 20


def _tr(text: str) -> str:
    return translate("AtlasAlgorithm", text)


def error_log() -> Path:
    """The error log file: ``battery_recycling_atlas/errors.log`` in the QGIS profile folder."""
    return Path(QgsApplication.qgisSettingsDirPath()) / "battery_recycling_atlas" / "errors.log"


def on_desktop() -> bool:
    """True inside QGIS desktop (where the message log is a panel of its own)."""
    app = QgsApplication.instance()
    return app is not None and app.platform() == "desktop"


def _record(algorithm: str) -> str | None:
    """Write the traceback being handled to the error log (and the desktop message log); the
    log file's path, or None when it cannot be written."""
    stamp = datetime.datetime.now().isoformat(timespec="seconds")
    text = f"{stamp} {algorithm}\n{traceback.format_exc()}"
    if on_desktop():
        QgsMessageLog.logMessage(text, LOG_TAG, Qgis.Critical)
    path = error_log()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > LOG_MAX_BYTES:
            path.replace(path.with_name(path.name + ".1"))
        with path.open("a", encoding="utf-8") as log:
            log.write(text + "\n")
    except OSError:
        return None
    return str(path)


def unexpected_message(algorithm: str, error: BaseException) -> str:
    """The translated message for ``error`` raised by the run of ``algorithm`` (its display
    name), after recording the traceback. Call it inside the ``except`` block (the traceback
    is the one being handled)."""
    log = _record(algorithm)
    if isinstance(error, MemoryError):
        return _tr(
            "{alg} ran out of memory. Use a larger pixel size, a smaller extent or fewer "
            "features, or close other programs."
        ).format(alg=algorithm)
    if isinstance(error, OSError):
        reason = error.strerror or str(error) or type(error).__name__
        where = error.filename
        text = (
            _tr("{alg} could not read or write a file: {reason} ({path}).")
            if where
            else _tr("{alg} could not read or write a file: {reason}.")
        )
        return text.format(alg=algorithm, reason=reason, path=where)
    if log:
        return _tr(
            "{alg} stopped on an unexpected error ({kind}: {error}). Please report it with the "
            "details written to {log}."
        ).format(alg=algorithm, kind=type(error).__name__, error=error, log=log)
    return _tr("{alg} stopped on an unexpected error ({kind}: {error}). Please report it.").format(
        alg=algorithm, kind=type(error).__name__, error=error
    )


def styling_failed(layer: str, error: BaseException) -> str:
    """The translated warning for a loaded output ``layer`` (its name) that could not be
    styled, after recording the traceback (call it inside the ``except`` block)."""
    _record(f"style of {layer}")
    return _tr("The layer “{layer}” was loaded but could not be styled ({kind}: {error}).").format(
        layer=layer, kind=type(error).__name__, error=error
    )
