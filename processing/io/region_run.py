"""The steps the per-region analyses share (``natural_breaks_matching``, ``capital_compliance``,
``retirement_capacity_ratio``): read the regions and their numbers, count or sum points per
region, write the regions with the new fields through the one output path, and add the report.

Progress runs through one ``QgsProcessingMultiStepFeedback`` of :data:`STEPS` steps: reading,
points per region, writing, report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from qgis.core import (
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsField,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingMultiStepFeedback,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...core.errors import InvalidValuesError, NegativeValueError, SumOverflowError
from .layers import (
    FeatureRef,
    feature_refs,
    format_ids,
    layer_title,
    read_features,
    region_names,
    sum_points_in_regions,
)

#: Reading, points per region, writing, report.
STEPS = 4


def _tr(text: str) -> str:
    return QCoreApplication.translate("RegionRun", text)


@dataclass
class Regions:
    """The regions read from the input: features, numeric columns (key → values, None for
    NULL) and ids that read "name (id)" in warnings."""

    source: QgsFeatureSource
    features: list
    columns: dict[str, list[float | None]]
    ids: list[FeatureRef]

    def geometries(self) -> list:
        """The regions' geometries, in the source's CRS."""
        return [f.geometry() for f in self.features]


def read_regions(
    alg, parameters: dict, context: QgsProcessingContext, source, indices: dict[str, int], steps
) -> Regions:
    """Step 1: the features of ``source`` and the columns of ``indices`` (key → field index,
    -1 for a column of None); raises the run's cancelled error when cancelled."""
    steps.setCurrentStep(0)
    read = read_features(source, indices, steps, (0, 100))
    if read is None:
        raise alg.cancelled()
    features, columns = read
    name_field = alg.parameterAsString(parameters, "NAME_FIELD", context)
    return Regions(source, features, columns, feature_refs(source, features, name_field))


def points_per_region(
    regions: Regions, points: QgsFeatureSource, value_index: int | None, context, steps
) -> tuple[list[float], dict[str, list[int]]]:
    """Step 2: sum a point attribute (None: count the points) per region."""
    steps.setCurrentStep(1)
    return sum_points_in_regions(
        regions.geometries(), regions.source.sourceCrs(), points, value_index, context, steps
    )


def refuse_point_values(
    skipped: dict[str, list[int]], points: QgsFeatureSource, parameter: str, field: str
) -> None:
    """Refuse point values (``field`` of the layer given as ``parameter``) that are not finite,
    or that sum past float64 in a region, naming the points "name (id)" (from
    :func:`points_per_region`'s left-out ids)."""
    texts = {
        "not_finite": _tr(
            "Values that are not finite (±inf or NaN) in “{field}” ({parameter}) for feature "
            "ids: {ids}."
        ),
        "too_large": _tr(
            "Values too large in “{field}” ({parameter}): their total in a region is not finite "
            "(above about 1.8e308) for feature ids: {ids}."
        ),
    }
    for key, text in texts.items():
        if skipped.get(key):
            request = QgsFeatureRequest().setFilterFids(skipped[key])
            features = sorted(points.getFeatures(request), key=lambda f: f.id())
            refs = format_ids(feature_refs(points, features))
            raise QgsProcessingException(text.format(field=field, parameter=parameter, ids=refs))


def write_regions(
    alg,
    parameters: dict,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    steps: QgsProcessingMultiStepFeedback,
    regions: Regions,
    new_fields: Sequence[QgsField],
    extra: Sequence[Sequence],
    used_fields: Sequence[str],
    styler,
) -> str:
    """Step 3: the regions with their fields plus ``new_fields`` (values ``extra[i]``) to
    OUTPUT, styled; returns the destination id."""
    if feedback.isCanceled():
        raise alg.cancelled()
    steps.setCurrentStep(2)
    return alg.write_joined(
        parameters,
        context,
        steps,
        regions.source,
        new_fields,
        regions.features,
        extra,
        used_fields,
        styler,
    )


def add_report(
    alg,
    parameters: dict,
    context: QgsProcessingContext,
    steps: QgsProcessingMultiStepFeedback,
    regions: Regions,
    results: dict,
    html: Callable[[list[str], str], str],
    progress_text: str = "",
) -> dict:
    """Step 4: when REPORT is given, write ``html(names, layer title)`` there (committed with
    the layer) and add it to ``results``; returns ``results``."""
    steps.setCurrentStep(3)
    report = alg.parameterAsFileOutput(parameters, "REPORT", context)
    if report:
        if progress_text:
            steps.setProgressText(progress_text)
        name_field = alg.parameterAsString(parameters, "NAME_FIELD", context)
        names = region_names(regions.source, regions.features, name_field)
        title = layer_title(parameters, "INPUT", regions.source)
        alg.write_report(report, parameters, context, html(names, title))
        results["REPORT"] = report
    steps.setProgress(100)
    return results


def values_refused(
    tr: Callable[[str], str],
    err: InvalidValuesError,
    parameter: str,
    field: str,
    ids: Sequence[FeatureRef],
) -> QgsProcessingException:
    """The translated error for bad values of the input ``field`` (given as ``parameter``) at
    the rows ``err.indices``, naming the features "name (id)": not finite (±inf), a total that
    overflows float64 (counted as not finite), or negative."""
    if isinstance(err, SumOverflowError):
        text = tr(
            "Values too large in “{field}” ({parameter}): their total is not finite (above "
            "about 1.8e308) for feature ids: {ids}."
        )
    elif isinstance(err, NegativeValueError):
        text = tr("Negative values in “{field}” ({parameter}) for feature ids: {ids}.")
    else:
        text = tr(
            "Values that are not finite (±inf) in “{field}” ({parameter}) for feature ids: {ids}."
        )
    rows = format_ids([ids[i] for i in err.indices])
    return QgsProcessingException(text.format(field=field, parameter=parameter, ids=rows))
