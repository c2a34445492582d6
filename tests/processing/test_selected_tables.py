"""A Chinese CSV that is read again in its own encoding keeps the rows the user chose: "selected
features only" and a feature limit give the same rows as they do for any other layer (they used
to be ignored for GBK/GB18030 files, which were re-read whole)."""

from __future__ import annotations

import pytest
from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject, QgsVectorLayer

from tests.layers import csv_layer, is_null
from tests.processing.test_bad_input_tables import NOTE, join_text, run_join, sha256, write_csv

ENCODINGS = ("utf-8", "gbk", "gb18030")


def loaded(path, form: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(str(path), "表", "ogr") if form == "ogr" else csv_layer(path, "表")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    return layer


@pytest.fixture
def cleanup():
    yield
    QgsProject.instance().removeAllMapLayers()


@pytest.mark.parametrize("form", ("ogr", "delimitedtext"))
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_only_the_selected_rows_are_joined(run_alg, tmp_path, cleanup, encoding, form):
    path = write_csv(tmp_path, join_text(NOTE[encoding]), encoding)
    before = sha256(path)
    layer = loaded(path, form)
    # The 代码 column by position: its name reads garbled in the layer as QGIS opened it.
    chosen = [f.id() for f in layer.getFeatures() if str(f.attributes()[1]) == "1500"]
    assert len(chosen) == 1
    layer.selectByIds(chosen)
    res = run_join(run_alg, QgsProcessingFeatureSourceDefinition(layer.id(), True))
    out = {f["adcode"]: f for f in res["OUTPUT"].getFeatures()}
    assert res["N_MATCHED"] == 1 and res["N_UNMATCHED_ROWS"] == 0
    assert out["150000"]["省份"] == "内蒙古自治区" and out["150000"]["数值"] == 7
    assert out["440000"]["join_how"] == "unmatched" and is_null(out["440000"]["备注"])
    assert list(res["UNMATCHED"].getFeatures()) == []
    assert layer.selectedFeatureIds() == chosen  # the user's selection is left as it was
    assert sha256(path) == before


@pytest.mark.parametrize("encoding", ("gbk", "gb18030"))
def test_a_feature_limit_is_kept(run_alg, tmp_path, cleanup, encoding):
    path = write_csv(tmp_path, join_text(NOTE[encoding]), encoding)
    layer = loaded(path, "delimitedtext")
    res = run_join(run_alg, QgsProcessingFeatureSourceDefinition(layer.id(), False, 1))
    out = {f["adcode"]: f for f in res["OUTPUT"].getFeatures()}
    assert res["N_MATCHED"] == 1 and res["N_UNMATCHED_ROWS"] == 0
    assert out["440000"]["备注"] == NOTE[encoding] and out["440000"]["数值"] == 12
    assert out["150000"]["join_how"] == "unmatched"
