"""The one output path: layer outputs are written beside their destination and renamed into place
only when the whole run is complete; a failed or cancelled run leaves the folder as it was."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from osgeo import ogr, osr
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsVectorLayer,
)

ALG = "battery_recycling:retirement_capacity_ratio"
#: name → (retirement, capacity, ratio, class) of the three test regions.
REGIONS = {
    "甲": (10.0, 100.0, 0.1, "severe_idle"),
    "乙": (50.0, 100.0, 0.5, "under_used"),
    "丙": (240.0, 200.0, 1.2, "shortage"),
}


def write_regions(path: Path, copies: int = 1) -> None:
    """The three regions (``copies`` times, side by side) in EPSG:4326."""
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    layer = ds.CreateLayer("regions", srs, ogr.wkbPolygon)
    for name, kind in (("name", ogr.OFTString), ("ret", ogr.OFTReal), ("cap", ogr.OFTReal)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    i = 0
    for _copy in range(copies):
        for name, (ret, cap, _ratio, _class) in REGIONS.items():
            f = ogr.Feature(layer.GetLayerDefn())
            f.SetField("name", name)
            f.SetField("ret", ret)
            f.SetField("cap", cap)
            x, y = i % 50, i // 50
            f.SetGeometry(
                ogr.CreateGeometryFromWkt(
                    f"POLYGON(({x} {y},{x + 1} {y},{x + 1} {y + 1},{x} {y + 1},{x} {y}))"
                )
            )
            layer.CreateFeature(f)
            i += 1
    del layer, ds


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones too) with its sha256."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def open_files(folder: Path) -> list[str]:
    """Files under ``folder`` this process still holds open (Linux)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(folder)):
            found.append(target)
    return found


def read_output(path: Path) -> dict[str, tuple]:
    ds = ogr.Open(str(path))
    layer = ds.GetLayer(0)
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    klass = next(n for n in names if n.startswith("ratio_cl"))  # "ratio_clas" in a shapefile
    got = {f.GetField("name"): (f.GetField("ratio"), f.GetField(klass)) for f in layer}
    del layer, ds
    return got


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """A folder with the input GeoPackage."""
    write_regions(tmp_path / "regions.gpkg")
    return tmp_path


def params(folder: Path, out: Path, **extra) -> dict:
    return {
        "INPUT": str(folder / "regions.gpkg"),
        "RETIREMENT_FIELD": "ret",
        "CAPACITY_FIELD": "cap",
        "OUTPUT": QgsProcessingOutputLayerDefinition(str(out), QgsProject.instance()),
        **extra,
    }


def run(plugin, parameters: dict, feedback=None) -> tuple[dict, QgsProcessingContext]:
    from qgis import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    results = processing.run(
        ALG, parameters, context=context, feedback=feedback or QgsProcessingFeedback()
    )
    return results, context


FORMATS = ["ratio.gpkg", "ratio.shp"]


@pytest.mark.parametrize("name", FORMATS)
def test_a_run_writes_the_final_path_and_loads_it(plugin, folder, name):
    out = folder / name
    results, context = run(plugin, params(folder, out, REPORT=str(folder / "report.html")))
    assert results["OUTPUT"] == str(out)
    got = read_output(out)
    assert got == {k: (pytest.approx(v[2]), v[3]) for k, v in REGIONS.items()}
    # Loaded on completion from the final path, with the details a direct sink gets.
    layers = context.layersToLoadOnCompletion()
    assert list(layers) == [str(out)]
    details = layers[str(out)]
    assert details.outputName == "OUTPUT" and details.postProcessor() is not None
    assert QgsVectorLayer(str(out), "o", "ogr").featureCount() == 3
    # Nothing left beside it: no staging folder, no -wal/-shm, and nothing held open.
    produced = {p.name for p in folder.iterdir()}
    expected = {"regions.gpkg", "report.html", name}
    if name.endswith(".shp"):
        expected |= {"ratio.shx", "ratio.dbf", "ratio.prj", "ratio.cpg"}
    assert produced == expected
    assert not [p for p in open_files(folder) if "/." in p]
    assert "data:image/png;base64" in (folder / "report.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", FORMATS)
def test_a_failed_run_leaves_the_earlier_output_untouched(plugin, folder, name):
    out = folder / name
    run(plugin, params(folder, out))
    (folder / "not_a_folder").write_text("x", encoding="utf-8")
    before = snapshot(folder)
    bad_report = folder / "not_a_folder" / "report.html"
    with pytest.raises(QgsProcessingException, match="REPORT"):
        run(plugin, params(folder, out, REPORT=str(bad_report)))
    assert snapshot(folder) == before


class CancelMidway(QgsProcessingFeedback):
    """Cancels once the progress passes ``at`` percent (while the layer is being written)."""

    def __init__(self, at: float) -> None:
        super().__init__()
        self.progressChanged.connect(self._maybe_cancel)
        self.at = at

    def _maybe_cancel(self, progress: float) -> None:
        if progress >= self.at and not self.isCanceled():
            self.cancel()


@pytest.mark.parametrize("name", FORMATS)
def test_a_cancelled_run_says_so_and_leaves_no_file(plugin, tmp_path, name):
    write_regions(tmp_path / "regions.gpkg", copies=300)  # 900 regions: cancelled mid-write
    out = tmp_path / name
    run(plugin, params(tmp_path, out))
    before = snapshot(tmp_path)
    feedback = CancelMidway(60)
    with pytest.raises(QgsProcessingException, match="cancelled"):
        run(plugin, params(tmp_path, out, REPORT=str(tmp_path / "report.html")), feedback)
    assert snapshot(tmp_path) == before
    # A first run cancelled leaves nothing at all.
    fresh = tmp_path / "fresh" / name
    fresh.parent.mkdir()
    with pytest.raises(QgsProcessingException, match="cancelled"):
        run(plugin, params(tmp_path, fresh), CancelMidway(60))
    assert list(fresh.parent.iterdir()) == []


def test_two_layer_outputs_are_committed_together(plugin, folder):
    """join_region_table: an unwritable UNMATCHED keeps OUTPUT from being written too."""
    from qgis import processing

    table = folder / "table.csv"
    table.write_text("name,value\n甲,1\n乙,2\n丁,4\n", encoding="utf-8")
    out = folder / "joined.gpkg"
    (folder / "joined.gpkg").write_bytes(b"previous")
    (folder / "not_a_folder").write_text("x", encoding="utf-8")
    before = snapshot(folder)
    with pytest.raises(QgsProcessingException):
        processing.run(
            "battery_recycling:join_region_table",
            {
                "INPUT": str(folder / "regions.gpkg"),
                "REGION_KEY_FIELD": "name",
                "TABLE": str(table),
                "TABLE_KEY_FIELD": "name",
                "OUTPUT": str(out),
                "UNMATCHED": str(folder / "not_a_folder" / "unmatched.csv"),
            },
        )
    assert snapshot(folder) == before


def test_qgis_process_keeps_the_earlier_output_when_the_report_fails(run_cli, qgis_process, folder):
    out = folder / "ratio.gpkg"
    args = [f"INPUT={folder / 'regions.gpkg'}", "RETIREMENT_FIELD=ret", "CAPACITY_FIELD=cap"]
    results = run_cli(ALG.split(":")[1], *args, f"OUTPUT={out}")
    assert results["OUTPUT"] == str(out)
    assert read_output(out)["丙"] == (pytest.approx(1.2), "shortage")
    (folder / "not_a_folder").write_text("x", encoding="utf-8")
    before = snapshot(folder)
    done = qgis_process(
        "run", ALG, "--", *args, f"OUTPUT={out}", f"REPORT={folder / 'not_a_folder' / 'r.html'}"
    )
    assert done.returncode != 0
    assert "REPORT" in done.stdout + done.stderr and "Traceback" not in done.stdout + done.stderr
    assert snapshot(folder) == before


# -- the staging itself ------------------------------------------------------------------------


def test_a_commit_that_fails_half_way_puts_the_first_output_back(tmp_path):
    from battery_recycling_atlas.processing.io.outputs import OutputCommit

    first, second = tmp_path / "a.html", tmp_path / "b.html"
    first.write_text("old a", encoding="utf-8")
    commit = OutputCommit()
    Path(commit.stage(first, "A")).write_text("new a", encoding="utf-8")
    Path(commit.stage(second, "B")).write_text("new b", encoding="utf-8")
    second.mkdir()  # something in the way of the second rename
    with pytest.raises(QgsProcessingException, match="B"):
        commit.commit()
    assert first.read_text(encoding="utf-8") == "old a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.html"]


def test_a_shapefile_replaces_all_its_sidecars(tmp_path):
    from battery_recycling_atlas.processing.io.outputs import OutputCommit

    for ext in (".shp", ".shx", ".dbf", ".qix", ".sbn"):
        (tmp_path / f"out{ext}").write_text("old", encoding="utf-8")
    (tmp_path / "other.qix").write_text("keep", encoding="utf-8")
    commit = OutputCommit()
    staged = Path(commit.stage(tmp_path / "out.shp", "OUTPUT"))
    for ext in (".shp", ".shx", ".dbf", ".prj"):
        staged.with_suffix(ext).write_text("new", encoding="utf-8")
    commit.commit()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["other.qix", "out.dbf", "out.prj", "out.shp", "out.shx"]
    assert all((tmp_path / n).read_text(encoding="utf-8") == "new" for n in names if "out" in n)


def test_a_geopackage_write_ahead_log_is_folded_in(tmp_path):
    import sqlite3

    from battery_recycling_atlas.processing.io.outputs import OutputCommit

    commit = OutputCommit()
    staged = Path(commit.stage(tmp_path / "x.gpkg", "OUTPUT"))
    keep = sqlite3.connect(str(staged))
    keep.execute("PRAGMA journal_mode=WAL")
    keep.execute("CREATE TABLE t (v)")
    keep.execute("INSERT INTO t VALUES (42)")
    keep.commit()
    reader = sqlite3.connect(str(staged))  # a second connection keeps the -wal in place
    reader.execute("SELECT * FROM t").fetchall()
    keep.close()
    reader.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{staged}{suffix}").touch()  # as left by a connection that did not clean up
    commit.commit()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.gpkg"]
    with sqlite3.connect(str(tmp_path / "x.gpkg")) as check:
        assert check.execute("SELECT v FROM t").fetchall() == [(42,)]


def test_write_text_leaves_nothing_behind_when_it_fails(tmp_path):
    from battery_recycling_atlas.processing.io.destinations import write_text

    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="REPORT"):
        write_text(str(tmp_path / "file" / "r.html"), "<p>", "REPORT")
    write_text(str(tmp_path / "r.html"), "<p>new</p>", "REPORT")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "r.html"]
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == "<p>new</p>"


def test_a_missing_folder_is_refused_as_before_and_not_created(plugin, folder):
    out = folder / "missing" / "ratio.gpkg"
    with pytest.raises(QgsProcessingException, match="Could not create layer"):
        run(plugin, params(folder, out))
    assert not out.parent.exists()
    assert sorted(p.name for p in folder.iterdir()) == ["regions.gpkg"]


def test_which_destinations_are_staged_and_their_final_ids():
    from battery_recycling_atlas.processing.algorithms.base import _final_id
    from battery_recycling_atlas.processing.io.outputs import is_file_destination

    staged = ["/d/out.gpkg", "out.shp", "C:\\data\\out.csv", "/d/中文 路径/比率.gpkg"]
    direct = [
        "memory:",
        "TEMPORARY_OUTPUT",
        "ogr:dbname='/d/x.gpkg' table=\"t\" (geom)",
        "/d/x.gpkg|layername=t",
        "postgres:dbname='db' table=\"t\"",
        "",
    ]
    assert all(is_file_destination(d) for d in staged)
    assert not any(is_file_destination(d) for d in direct)
    folder = "/d/.out.gpkg.abc"
    assert _final_id(f"{folder}/out.gpkg", f"{folder}/out.gpkg", "/d/out.gpkg") == "/d/out.gpkg"
    assert _final_id(f"{folder}/out.gpkg|layername=out", f"{folder}/out.gpkg", "/d/out.gpkg") == (
        "/d/out.gpkg|layername=out"
    )
    assert _final_id(f"{folder}/out.gpkg", f"{folder}/out.gpkg", "out.gpkg") == "out.gpkg"
