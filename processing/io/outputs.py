"""Outputs written whole or not at all: staged beside their destination, committed together.

Every file output of a run (a vector layer, its sidecar files, an HTML report, a JSON preset, a
map export) is first written into a temporary folder created beside its destination, so on the
same file system, under the destination's own file name (a GeoPackage's layer name follows the
file name). Nothing at the destination changes while the run works. When every output of the
run is complete and closed, :meth:`OutputCommit.commit` renames each staged file into place; a
failed, interrupted or cancelled run calls :meth:`OutputCommit.discard` instead, which removes
the temporary folders and leaves the files already at the destinations exactly as they were.

The commit itself is guarded too: each destination file about to be replaced is first
hard-linked into its staging folder (where the file system allows it), so if a later rename
fails (a file held open by another program on Windows) the outputs already renamed are put back.
A shapefile's stale sidecars (an old ``.qix`` index, ``.cpg``…) that the new layer does not have
are moved away with the old layer, so the new files never mix with the previous ones.

Only plain file paths are staged. Destinations that are not a file of their own (``memory:``,
``TEMPORARY_OUTPUT``, ``ogr:``/``gpkg:`` URIs or ``path|layername=`` into a database that holds
other layers, ``postgres:`` and other provider URIs) are written directly by QGIS, as before.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication

#: A provider prefix such as ``ogr:``, ``postgres:``, ``memory:`` (not a Windows drive ``C:``).
_PROVIDER = re.compile(r"^[A-Za-z][\w-]{1,}:")

#: Files of a shapefile besides ``.shp`` (a stale one would be read with the new layer).
SHAPEFILE_SIDECARS = (".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qpj", ".qmd")


def _tr(text: str) -> str:
    return QCoreApplication.translate("LayerIO", text)


def is_file_destination(destination: str) -> bool:
    """True when ``destination`` is a plain path to a file of its own (staged and renamed);
    False for memory layers, temporary outputs, provider URIs and ``path|layername=``."""
    text = (destination or "").strip()
    if not text or text.startswith("TEMPORARY_OUTPUT") or "|" in text:
        return False
    return not _PROVIDER.match(text)


def folder_exists(destination: str) -> bool:
    """True when the folder of the file ``destination`` exists (False, not an error, when it
    cannot be looked at, e.g. a parent folder without search permission)."""
    try:
        return Path(destination).parent.is_dir()
    except OSError:
        return False


@dataclass
class Staged:
    """One destination file and the temporary folder beside it where it is written."""

    final: Path
    folder: Path
    name: str  # the output parameter, for messages

    @property
    def path(self) -> Path:
        """Where to write: the folder, under the destination's own file name."""
        return self.folder / self.final.name


@dataclass
class _Move:
    target: Path
    backup: Path | None  # the previous file, kept until the whole commit is done
    renamed: bool = False


@dataclass
class OutputCommit:
    """The outputs of one run: staged while it works, renamed into place together at the end.

    ``on_commit`` callbacks run after every file is in place (e.g. registering a layer to load
    on completion under its final path)."""

    staged: list[Staged] = field(default_factory=list)
    callbacks: list[Callable[[], None]] = field(default_factory=list)

    def stage(self, destination: str | Path, name: str = "", make_folder: bool = False) -> Path:
        """A temporary path for ``destination`` (a file path), beside it and under its file
        name; a translated error naming the output when the folder cannot be made. With
        ``make_folder`` a missing destination folder is created first (text files do that)."""
        final = Path(destination).expanduser().absolute()
        try:
            if make_folder:
                final.parent.mkdir(parents=True, exist_ok=True)
            folder = Path(tempfile.mkdtemp(prefix=f".{final.name}.", dir=final.parent))
        except OSError as error:
            raise QgsProcessingException(
                _tr("Could not write {name} to {path}: {error}").format(
                    name=name or final.name, path=destination, error=error.strerror or error
                )
            ) from None
        staged = Staged(final, folder, name)
        self.staged.append(staged)
        return staged.path

    def on_commit(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once every output is in place."""
        self.callbacks.append(callback)

    def commit(self) -> None:
        """Rename every staged file into place; on failure put back what was renamed, remove the
        temporary folders and raise a translated error naming the output."""
        moves: list[_Move] = []
        current: Staged | None = None
        try:
            for staged in self.staged:
                current = staged
                _settle_geopackage(staged.path)
                moves.extend(_replace_all(staged))
        except (OSError, sqlite3.Error) as error:  # sqlite3: a GeoPackage that cannot settle
            for move in reversed(moves):
                _undo(move)
            self.discard()
            name = current.name if current is not None else ""
            path = current.final if current is not None else ""
            raise QgsProcessingException(
                _tr("Could not write {name} to {path}: {error}").format(
                    name=name, path=path, error=getattr(error, "strerror", None) or error
                )
            ) from None
        self.discard()
        callbacks, self.callbacks = self.callbacks, []
        for callback in callbacks:
            callback()

    def discard(self) -> None:
        """Remove the temporary folders (and what is left in them); never raises."""
        for staged in self.staged:
            shutil.rmtree(staged.folder, ignore_errors=True)
        self.staged = []


#: Formats OGR reads back, so a staged layer in them is checked before it is committed.
READABLE = {".gpkg", ".shp", ".geojson", ".json", ".csv", ".fgb", ".sqlite", ".gml", ".kml"}


def check_written(path: str | Path, expected: int) -> str:
    """ "" when the staged layer file ``path`` reads back with its one layer and ``expected``
    features; otherwise why not (translated). A sink does not report every failure: a disk
    that fills up when the file is closed leaves a GeoPackage without its table, and that must
    never replace the previous output. Formats OGR cannot read back are not checked."""
    from osgeo import gdal, ogr

    path = Path(path)
    if path.suffix.lower() not in READABLE:
        return ""
    with gdal.quiet_errors() if hasattr(gdal, "quiet_errors") else _quiet(gdal):
        try:  # GDAL raises or returns None, depending on its exceptions setting
            ds = ogr.Open(str(path))
            layer = ds.GetLayer(0) if ds is not None and ds.GetLayerCount() else None
            count = layer.GetFeatureCount() if layer is not None else -1
        except RuntimeError:
            count = -1
        ds = layer = None
    if count < 0:
        return _tr("the file could not be read back (is the disk full?)")
    if count != expected:
        return _tr("it holds {n} of the {expected} features written (is the disk full?)").format(
            n=count, expected=expected
        )
    return ""


class _quiet:
    """``gdal.quiet_errors()`` for GDAL before 3.7: no error messages printed meanwhile."""

    def __init__(self, gdal_module) -> None:
        self.gdal = gdal_module

    def __enter__(self) -> None:
        self.gdal.PushErrorHandler("CPLQuietErrorHandler")

    def __exit__(self, *exc) -> None:
        self.gdal.PopErrorHandler()


def _settle_geopackage(path: Path) -> None:
    """Fold a GeoPackage's write-ahead log back into the file, so that only the file is moved
    and no ``-wal`` / ``-shm`` is left behind (a no-op when there is none)."""
    if path.suffix.lower() != ".gpkg" or not Path(f"{path}-wal").exists():
        return
    connection = sqlite3.connect(str(path))
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()


def _replace_all(staged: Staged) -> list[_Move]:
    """Rename each file of the staging folder over the file of the same name beside it."""
    moves: list[_Move] = []
    backups = staged.folder / ".previous"
    produced = sorted(p for p in staged.folder.iterdir() if p.is_file())
    targets = [staged.final.parent / p.name for p in produced]
    stale: list[Path] = []
    if staged.final.suffix.lower() == ".shp":
        stem = staged.final.with_suffix("")
        names = {t.name.lower() for t in targets}
        for ext in SHAPEFILE_SIDECARS + tuple(e.upper() for e in SHAPEFILE_SIDECARS):
            old = Path(f"{stem}{ext}")
            if old.exists() and old.name.lower() not in names:
                stale.append(old)
    try:
        for old in stale:
            backups.mkdir(exist_ok=True)
            move = _Move(old, backups / old.name)
            moves.append(move)
            os.replace(old, backups / old.name)
            move.renamed = True
        for source, target in zip(produced, targets):
            move = _Move(target, _backup(target, backups))
            moves.append(move)
            os.replace(source, target)
            move.renamed = True
    except OSError:
        for move in reversed(moves):
            _undo(move)
        raise
    return moves


def _backup(target: Path, backups: Path) -> Path | None:
    """A hard link to the file about to be replaced (None when there is none or the file
    system has no hard links)."""
    if not target.exists():
        return None
    try:
        backups.mkdir(exist_ok=True)
        link = backups / target.name
        os.link(target, link)
        return link
    except OSError:
        return None


def _undo(move: _Move) -> None:
    """Put back the previous file of one rename (best effort: a commit that fails is rare)."""
    if not move.renamed:
        return
    try:
        if move.backup is not None:
            os.replace(move.backup, move.target)
        else:
            move.target.unlink()
    except OSError:
        pass
