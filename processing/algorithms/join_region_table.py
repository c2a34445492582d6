"""Algorithm ``join_region_table``: join a statistics table to regions by code or name."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from dataclasses import field as dc_field

from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from ...core.regions import names as core_regions
from ...core.text_files import parse_number
from ..compat import field_kind, is_null, new_field
from ..io.destinations import ensure_outputs_not_inputs
from ..io.layers import field_index, format_ids, joined_features
from ..io.text_tables import table_layer
from .base import AtlasAlgorithm

#: How a table row that was not joined is marked (UNMATCHED).
_NOT_JOINED = ("unmatched", "ambiguous", "duplicate")


def _is_null(value) -> bool:
    return is_null(value) or value == ""


#: A number written with a leading zero ("0100", "-007"): a code, kept as text.
_LEADING_ZERO = re.compile(r"^[+-]?0\d")


@dataclass
class TextColumns:
    """What :func:`numeric_text_columns` found in the table's text columns.

    ``convert``: index → kind (``int`` when every value is whole, else ``double``) of the
    columns that become numeric; ``placeholders``: index → row positions whose "-", "n/a"…
    become NULL in them; ``kept``: index → (reason, row positions) of number-like columns left
    as text because some values are codes with a leading zero or not finite ("nan", "inf",
    "1e400"); ``non_finite``: index → row positions of NaN or ±inf in a column the layer
    already reads as numbers (a delimited-text layer turns "nan" and "inf" into them): those
    are written as NULL."""

    convert: dict[int, str] = dc_field(default_factory=dict)
    non_finite: dict[int, list[int]] = dc_field(default_factory=dict)
    placeholders: dict[int, list[int]] = dc_field(default_factory=dict)
    kept: dict[int, tuple[str, list[int]]] = dc_field(default_factory=dict)


def _not_finite(value: object) -> bool:
    return isinstance(value, float) and not math.isfinite(value)


def numeric_text_columns(fields: QgsFields, rows: list[list], skip: int = -1) -> TextColumns:
    """Text columns whose every non-empty value is a number (a CSV read by OGR gives text),
    except column ``skip`` (the key: "0100" stays "0100"). A column with a value that is not a
    number stays text, silently; one whose only other values are placeholders converts, with
    them as NULL; codes with a leading zero and non-finite numbers keep it text (reported)."""
    found = TextColumns()
    for i in range(fields.count()):
        if fields.at(i).isNumeric():
            bad = [r for r, row in enumerate(rows) if _not_finite(row[i])]
            if bad:
                found.non_finite[i] = bad
        if i == skip or field_kind(fields.at(i)) != "string":
            continue
        numbers: list[float] = []
        marks: dict[str, list[int]] = {"placeholder": [], "not_finite": [], "leading_zero": []}
        usable = True
        for r, row in enumerate(rows):
            if _is_null(row[i]):
                continue
            value, reason = parse_number(row[i])
            if reason == "not_a_number":
                usable = False
                break
            if value is not None and _LEADING_ZERO.match(str(row[i]).strip()):
                reason = "leading_zero"
            if reason:
                marks[reason].append(r)
            elif value is not None:
                numbers.append(value)
        if not usable or not numbers:
            continue
        if marks["leading_zero"] or marks["not_finite"]:
            reason = "leading_zero" if marks["leading_zero"] else "not_finite"
            found.kept[i] = (reason, marks[reason])
            continue
        whole = all(v.is_integer() and abs(v) < 2**31 for v in numbers)
        found.convert[i] = "int" if whole else "double"
        if marks["placeholder"]:
            found.placeholders[i] = marks["placeholder"]
    return found


class JoinRegionTable(AtlasAlgorithm):
    """Attach a table's rows to regions; nothing is lost from either side."""

    ALGORITHM_ID = "join_region_table"
    DISPLAY_NAME = "Join a statistics table to regions"
    GROUP = "Forecasts and data"
    GROUP_ID = "data"

    INPUT = "INPUT"
    REGION_KEY_FIELD = "REGION_KEY_FIELD"
    TABLE = "TABLE"
    TABLE_KEY_FIELD = "TABLE_KEY_FIELD"
    MATCH_BY = "MATCH_BY"
    OUTPUT = "OUTPUT"
    UNMATCHED = "UNMATCHED"

    def shortHelpString(self) -> str:
        """Help shown beside the dialog."""
        return self.tr(
            "<p>Joins a statistics table (CSV, spreadsheet or any layer) to regions by "
            "<b>administrative code</b> or by <b>name</b>, where ordinary joins fail on name "
            "variants.</p>"
            "<p><b>Codes</b>: 6-digit codes, prefix-aware (110000 is the province, 110100 a "
            "prefecture; 2- and 4-digit codes are padded, 12-digit ones cut). <b>Names</b>: "
            "Chinese with or without 省, 市, 自治区, 特别行政区 and ethnic qualifiers (壮族, 回族, "
            "维吾尔…), traditional characters, English and pinyin (Inner Mongolia, Nei Mongol, "
            "Tibet, Xizang, Hong Kong, Macao…). Shanxi and Shaanxi are kept apart. "
            "MATCH_BY auto uses codes when most keys on both sides are codes.</p>"
            "<p><b>Outputs</b>: every region with the table's fields (NULL where nothing "
            "matched) and <i>join_how</i> (code, code_prefix, name, alias, unmatched, "
            "ambiguous); UNMATCHED: every table row not joined, with <i>join_reason</i> "
            "(unmatched, ambiguous, duplicate: a second row for a region already joined). "
            "Text columns holding only numbers (as OGR reads CSV files) become numeric. A "
            "prefecture table joined to provinces stays unmatched: sum it per province "
            "first.</p>"
            "<p><b>Tables</b>: CSV files in UTF-8 (with or without BOM) or GBK/GB18030 (Excel "
            "on Chinese Windows) are read in their encoding. The key column, codes with a "
            "leading zero (0100) and columns with nan or inf stay text; placeholders (-, n/a) "
            "in a number column become NULL; each is listed in the log.</p>"
        )

    def initAlgorithm(self, config=None) -> None:
        """Declare the parameters and outputs."""
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Regions"), [QgsProcessing.TypeVectorAnyGeometry]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.REGION_KEY_FIELD, self.tr("Region key field (code or name)"), None, self.INPUT
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.TABLE, self.tr("Table (CSV, spreadsheet or layer)"), [QgsProcessing.TypeVector]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.TABLE_KEY_FIELD, self.tr("Table key field (code or name)"), None, self.TABLE
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.MATCH_BY,
                self.tr("Match by"),
                [self.tr("Automatic"), self.tr("Administrative code"), self.tr("Name")],
                defaultValue=0,
            )
        )
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Joined regions")))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.UNMATCHED,
                self.tr("Table rows not joined"),
                QgsProcessing.TypeVector,
                optional=True,
            )
        )
        for key in ("N_MATCHED", "N_UNMATCHED_REGIONS", "N_UNMATCHED_ROWS", "N_DUPLICATE_ROWS"):
            self.addOutput(QgsProcessingOutputNumber(key, key))
        self.suggest_defaults(
            {self.INPUT: ("key",), self.TABLE: ("key", "table")},
            {self.REGION_KEY_FIELD: "key", self.TABLE_KEY_FIELD: "key"},
        )

    def processAlgorithm(self, parameters, context, feedback):
        """Match keys in ``core``, then write the regions and the rows left over."""
        regions = self.parameterAsSource(parameters, self.INPUT, context)
        table = self.parameterAsSource(parameters, self.TABLE, context)
        if regions is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        if table is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.TABLE))
        # A GBK/GB18030 CSV is re-read in its encoding (else no Chinese name matches).
        table = table_layer(self, parameters, self.TABLE, context, [self.TABLE_KEY_FIELD]) or table
        r_key = field_index(
            regions,
            self.parameterAsString(parameters, self.REGION_KEY_FIELD, context),
            self.REGION_KEY_FIELD,
            self.INPUT,
        )
        t_key = field_index(
            table,
            self.parameterAsString(parameters, self.TABLE_KEY_FIELD, context),
            self.TABLE_KEY_FIELD,
            self.TABLE,
        )
        ensure_outputs_not_inputs(
            self, parameters, context, [self.OUTPUT, "UNMATCHED"], [self.INPUT, self.TABLE]
        )
        features = list(regions.getFeatures())
        rows = [list(f.attributes()) for f in table.getFeatures()]
        row_ids = [f.id() for f in table.getFeatures()]
        if feedback.isCanceled():
            return {}
        steps = QgsProcessingMultiStepFeedback(3, feedback)  # match, regions, unmatched rows
        match_by = core_regions.MATCH_BY[self.parameterAsEnum(parameters, self.MATCH_BY, context)]
        result = core_regions.join_keys(
            [None if _is_null(f.attribute(r_key)) else f.attribute(r_key) for f in features],
            [None if _is_null(r[t_key]) else r[t_key] for r in rows],
            match_by,
        )
        self._report(result, features, row_ids, feedback)

        columns = numeric_text_columns(table.fields(), rows, skip=t_key)
        self._report_columns(table.fields(), columns, row_ids, feedback)
        for idx, bad in columns.non_finite.items():  # NULL in both outputs, as reported
            for r in bad:
                rows[r][idx] = None
        numeric = columns.convert
        t_fields = []
        for i in range(table.fields().count()):
            field = QgsField(table.fields().at(i))
            if i in numeric:
                field = new_field(field.name(), numeric[i])
            t_fields.append(field)
        t_fields.append(new_field("join_how", "string"))
        fields, renamed = joined_fields(regions.fields(), t_fields)
        if renamed:
            feedback.pushWarning(
                self.tr(
                    "Table fields renamed to keep them apart from the " "region fields: {names}"
                ).format(names=", ".join(renamed))
            )
        blank = [None] * table.fields().count()
        extra = []
        for i, j in enumerate(result.region_to_row):
            values = list(rows[j]) if j is not None else list(blank)
            for idx in numeric:
                values[idx] = None if _is_null(values[idx]) else _cast(values[idx], numeric[idx])
            extra.append([None if _is_null(v) else v for v in values] + [result.how[i]])
        steps.setCurrentStep(1)
        dest_id = self.write_layer(
            parameters,
            context,
            steps,
            self.OUTPUT,
            fields,
            regions.wkbType(),
            regions.sourceCrs(),
            joined_features(fields, features, extra),
            count=len(features),
        )
        results = {self.OUTPUT: dest_id}
        steps.setCurrentStep(2)
        results.update(self._write_unmatched(parameters, context, steps, table, rows, result))
        summary = result.summary()
        results.update(
            {
                "N_MATCHED": sum(1 for j in result.region_to_row if j is not None),
                "N_UNMATCHED_REGIONS": summary["regions"].get("unmatched", 0)
                + summary["regions"].get("ambiguous", 0),
                "N_UNMATCHED_ROWS": len(result.unmatched_rows),
                "N_DUPLICATE_ROWS": summary["rows"].get("duplicate", 0),
            }
        )
        feedback.setProgress(100)
        return results

    def _report_columns(self, fields, columns: TextColumns, row_ids, feedback) -> None:
        if columns.convert:
            feedback.pushInfo(
                self.tr("Text columns converted to numbers: {names}").format(
                    names=", ".join(fields.at(i).name() for i in columns.convert)
                )
            )
        for i, rows in columns.placeholders.items():
            feedback.pushWarning(
                self.tr(
                    "Column “{field}”: placeholders for no value (“-”, “n/a”…) read as NULL, "
                    "table row ids: {ids}"
                ).format(field=fields.at(i).name(), ids=format_ids([row_ids[r] for r in rows]))
            )
        reasons = {
            "leading_zero": self.tr("codes with a leading zero"),
            "not_finite": self.tr("values that are not finite numbers (nan, inf, 1e400)"),
        }
        for i, rows in columns.non_finite.items():
            feedback.pushWarning(
                self.tr(
                    "Column “{field}” holds values that are not finite numbers (NaN, ±inf), "
                    "written as NULL, table row ids: {ids}"
                ).format(field=fields.at(i).name(), ids=format_ids([row_ids[r] for r in rows]))
            )
        for i, (reason, rows) in columns.kept.items():
            feedback.pushWarning(
                self.tr("Column “{field}” kept as text: {reason}, table row ids: {ids}").format(
                    field=fields.at(i).name(),
                    reason=reasons[reason],
                    ids=format_ids([row_ids[r] for r in rows]),
                )
            )

    def _report(self, result, features, row_ids, feedback) -> None:
        summary = result.summary()
        feedback.pushInfo(
            self.tr("Matched by {how}. Regions: {regions}. Table rows: {rows}.").format(
                how=result.match_by,
                regions=", ".join(f"{k} {v}" for k, v in summary["regions"].items() if v),
                rows=", ".join(f"{k} {v}" for k, v in summary["rows"].items() if v),
            )
        )
        unmatched = [features[i].id() for i, j in enumerate(result.region_to_row) if j is None]
        if unmatched:
            feedback.pushWarning(
                self.tr("Regions with no table row, feature ids: {ids}").format(
                    ids=format_ids(unmatched)
                )
            )
        if result.unmatched_rows:
            feedback.pushWarning(
                self.tr("Table rows that matched no region, ids: {ids}").format(
                    ids=format_ids([row_ids[j] for j in result.unmatched_rows])
                )
            )
        for key, dup in result.duplicate_rows.items():
            feedback.pushWarning(
                self.tr(
                    "Several table rows share the key “{key}” (ids {ids}): the first joined, the "
                    "others are listed in the rows not joined."
                ).format(key=key, ids=format_ids([row_ids[j] for j in dup]))
            )

    def _write_unmatched(self, parameters, context, feedback, table, rows, result) -> dict:
        if parameters.get(self.UNMATCHED) in (None, ""):
            return {}
        fields = QgsFields(table.fields())
        fields.append(new_field("join_reason", "string"))
        left = [(j, how) for j, how in enumerate(result.row_how) if how in _NOT_JOINED]

        def features():
            for j, how in left:
                feature = QgsFeature(fields)
                feature.setAttributes(list(rows[j]) + [how])
                yield feature

        dest_id = self.write_layer(
            parameters,
            context,
            feedback,
            self.UNMATCHED,
            fields,
            QgsWkbTypes.NoGeometry,
            None,
            features(),
            count=len(left),
        )
        return {self.UNMATCHED: dest_id}


def joined_fields(
    region_fields: QgsFields, table_fields: list[QgsField]
) -> tuple[QgsFields, list[str]]:
    """Region fields unchanged, then the table fields; a table field whose name is taken
    becomes ``<name>_tbl`` (``_tbl2`` …). Returns the fields and the renamings."""
    fields = QgsFields(region_fields)
    taken = {f.name().lower() for f in region_fields}
    renamed = []
    for field in table_fields:
        field = QgsField(field)
        name, n = field.name(), 1
        while name.lower() in taken:
            name = f"{field.name()}_tbl" + (str(n) if n > 1 else "")
            n += 1
        if name != field.name():
            renamed.append(f"{field.name()} → {name}")
            field.setName(name)
        taken.add(name.lower())
        fields.append(field)
    return fields, renamed


def _cast(value, kind):
    number, _reason = parse_number(value)
    if number is None:
        return None
    return int(number) if kind == "int" else number
