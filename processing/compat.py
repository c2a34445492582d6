"""Every QGIS / Qt call that differs between the supported versions, in one place.

The plugin runs on QGIS 3.22 (the minimum, Debian 12) to 3.44 and is ready for QGIS 4 (Qt 6).
Each helper below picks the spelling of the version at hand, so the rest of the code calls one
name and never tests versions itself. ``tests/processing/test_compat.py`` exercises each helper on
the running QGIS. What changed, and when:

* ``QgsField(name, QVariant.Type)`` is deprecated from 3.38 in favour of ``QMetaType.Type``
  (which 3.22 does not accept): :func:`new_field`, :func:`field_kind`.
* ``QgsRectangle.setMinimal()`` is deprecated from 3.34 (``setNull()``, absent in 3.22):
  :func:`empty_extent`.
* ``QgsLayoutItemLabel.setFont`` and ``QgsLayoutItemLegend.setStyleFont`` are deprecated in
  favour of text formats that 3.22 lacks: :func:`set_label_font`, :func:`set_legend_font`.
* ``QgsLayoutExporter.errorMessage()`` does not exist before 3.36: :func:`export_error`.
* ``QgsVectorDataProvider.isSaveAndLoadStyleToDatabaseSupported()`` is gone in 3.40
  (``styleStorageCapabilities()``, absent in 3.22), and ``saveStyleToDatabase`` is deprecated in
  3.44 (``saveStyleToDatabaseV2``): :func:`save_default_style`, :func:`load_stored_style`.
* ``QgsProcessingAlgorithm.parameterAsFields`` is deprecated from 3.32
  (``parameterAsStrings``): :func:`parameter_fields`.
* ``QgsProcessingAlgorithm.FlagNoThreading`` became ``Qgis.ProcessingAlgorithmFlag.NoThreading``
  (3.36): :func:`no_threading_flag`.
* OGR's vector "Memory" driver is deprecated from GDAL 3.11 in favour of "MEM", which has no
  vector support before 3.11 (Debian 12 has GDAL 3.6): :func:`ogr_memory_driver`.
* GDAL 4 raises Python exceptions by default and GDAL 3.7+ warns until told:
  :func:`gdal_exceptions` turns them on explicitly around the plugin's own GDAL calls.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from qgis.core import (
    Qgis,
    QgsField,
    QgsLayoutExporter,
    QgsProcessingAlgorithm,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMetaType, QVariant
from qgis.PyQt.QtGui import QFont

#: The running QGIS as an integer, e.g. 32216 for 3.22.16.
QGIS_VERSION = int(Qgis.QGIS_VERSION_INT)

#: Field kinds the plugin writes, by name: (QMetaType name, QVariant name).
_FIELD_TYPES = {
    "double": ("Double", "Double"),
    "int": ("Int", "Int"),
    "longlong": ("LongLong", "LongLong"),
    "string": ("QString", "String"),
    "bool": ("Bool", "Bool"),
    "date": ("QDate", "Date"),
}


def _as_int(value: Any) -> int:
    """An enum value as an int (sip enums are ints; Qt 6 enums have ``.value``)."""
    return int(getattr(value, "value", value))


def field_type(kind: str) -> Any:
    """The type value ``QgsField`` takes on this QGIS for ``kind`` (``double``, ``int``,
    ``longlong``, ``string``, ``bool``, ``date``)."""
    meta_name, variant_name = _FIELD_TYPES[kind]
    if QGIS_VERSION >= 33800:
        return getattr(QMetaType.Type, meta_name)
    return getattr(QVariant, variant_name)


def new_field(name: str, kind: str, length: int = 0, precision: int = 0) -> QgsField:
    """A ``QgsField`` of ``kind`` (see :func:`field_type`), without deprecated constructors."""
    return QgsField(name, field_type(kind), "", length, precision)


#: QMetaType numbers (equal to the old QVariant numbers) of each kind.
_KIND_BY_NUMBER = {
    1: "bool",
    2: "int",
    3: "int",
    4: "longlong",
    5: "longlong",
    6: "double",
    10: "string",
    14: "date",
    38: "double",
}


def field_kind(field: QgsField) -> str:
    """``double``, ``int``, ``longlong``, ``string``, ``bool``, ``date`` or ``other``."""
    return _KIND_BY_NUMBER.get(_as_int(field.type()), "other")


def is_null(value: Any) -> bool:
    """True for ``None`` and QGIS's NULL (an invalid or null ``QVariant``)."""
    return value is None or (isinstance(value, QVariant) and value.isNull())


def empty_extent() -> QgsRectangle:
    """A rectangle that any ``combineExtentWith`` replaces (QGIS's "null" rectangle)."""
    extent = QgsRectangle()
    if QGIS_VERSION >= 33400:
        extent.setNull()
    else:
        extent.setMinimal()
    return extent


def _text_format(font: QFont, template: Any = None) -> Any:
    from qgis.core import QgsTextFormat

    text = QgsTextFormat(template) if template is not None else QgsTextFormat()
    text.setFont(font)
    if font.pointSizeF() > 0:
        text.setSize(font.pointSizeF())
        if QGIS_VERSION >= 33000:
            text.setSizeUnit(Qgis.RenderUnit.Points)
        else:
            from qgis.core import QgsUnitTypes

            text.setSizeUnit(QgsUnitTypes.RenderPoints)
    return text


def label_font(label: Any) -> QFont:
    """The font of a layout label."""
    if QGIS_VERSION >= 32400:
        return label.textFormat().toQFont()
    return label.font()


def set_label_font(label: Any, font: QFont) -> None:
    """Give a ``QgsLayoutItemLabel`` ``font`` (size in points), keeping its colour."""
    if QGIS_VERSION >= 32400:
        label.setTextFormat(_text_format(font, label.textFormat()))
    else:
        label.setFont(font)


def legend_font(legend: Any, style: Any) -> QFont:
    """The font of one legend style (title, group, symbol label…)."""
    if QGIS_VERSION >= 33000:
        return legend.style(style).textFormat().toQFont()
    return legend.styleFont(style)


def set_legend_font(legend: Any, style: Any, font: QFont) -> None:
    """Give one style of a ``QgsLayoutItemLegend`` ``font`` (size in points)."""
    if QGIS_VERSION >= 33000:
        legend_style = legend.style(style)
        legend_style.setTextFormat(_text_format(font, legend_style.textFormat()))
        legend.setStyle(style, legend_style)
    else:
        legend.setStyleFont(style, font)


#: Why an export failed, by ``QgsLayoutExporter.ExportResult`` (for QGIS before 3.36).
_EXPORT_ERRORS = {
    1: QT_TRANSLATE_NOOP("Compat", "the export was cancelled"),
    2: QT_TRANSLATE_NOOP("Compat", "not enough memory for the image (lower the resolution)"),
    3: QT_TRANSLATE_NOOP(
        "Compat",
        "the file could not be written (is the folder writable and "
        "the file not open in another program?)",
    ),
    4: QT_TRANSLATE_NOOP("Compat", "the printer could not be started"),
    5: QT_TRANSLATE_NOOP("Compat", "an SVG layer could not be rendered"),
    6: QT_TRANSLATE_NOOP("Compat", "the atlas could not be iterated"),
}


def export_error(exporter: QgsLayoutExporter, result: Any) -> str:
    """One translated line saying why ``exporter`` failed with ``result`` (every version)."""
    message = ""
    if QGIS_VERSION >= 33600:
        message = exporter.errorMessage()
    number = _as_int(result)
    if message:
        return " ".join(message.split())
    if number in _EXPORT_ERRORS:
        return QCoreApplication.translate("Compat", _EXPORT_ERRORS[number])
    return QCoreApplication.translate("Compat", "export failed (code {code})").format(code=number)


def load_stored_style(layer: QgsVectorLayer) -> bool:
    """Load the default style stored with the data (a GeoPackage's ``layer_styles``); True when
    one was found and loaded."""
    provider = layer.dataProvider()
    if provider is None:
        return False
    if QGIS_VERSION >= 33400:
        capabilities = provider.styleStorageCapabilities()
        if not capabilities & Qgis.ProviderStyleStorageCapability.LoadFromDatabase:
            return False
    elif not provider.isSaveAndLoadStyleToDatabaseSupported():
        return False
    _message, ok = layer.loadDefaultStyle()
    return bool(ok)


def save_default_style(layer: QgsVectorLayer, name: str, description: str) -> str:
    """Store the layer's style in its database (GeoPackage ``layer_styles``) as the default;
    returns an error message, empty on success."""
    if QGIS_VERSION >= 34400:
        from qgis.core import QgsMapLayer

        categories = QgsMapLayer.StyleCategory.AllStyleCategories
        results, error = layer.saveStyleToDatabaseV2(name, description, True, "", categories)
        failed = (
            QgsMapLayer.SaveStyleResult.DatabaseWriteFailed
            | QgsMapLayer.SaveStyleResult.QmlGenerationFailed
        )
        return str(error or "could not store the style") if results & failed else ""
    return layer.saveStyleToDatabase(name, description, True, "") or ""


def parameter_fields(
    alg: QgsProcessingAlgorithm, parameters: dict, name: str, context: Any
) -> list[str]:
    """The field names a field parameter holds."""
    if QGIS_VERSION >= 33200:
        return list(alg.parameterAsStrings(parameters, name, context))
    return list(alg.parameterAsFields(parameters, name, context))


def no_threading_flag() -> Any:
    """The algorithm flag that keeps an algorithm on the main thread."""
    if QGIS_VERSION >= 33600:
        return Qgis.ProcessingAlgorithmFlag.NoThreading
    return QgsProcessingAlgorithm.FlagNoThreading


def ogr_memory_driver() -> Any:
    """OGR's in-memory vector driver: "MEM" where it handles vectors (GDAL 3.11+), else
    "Memory"."""
    from osgeo import gdal, ogr

    driver = ogr.GetDriverByName("MEM")
    if driver is not None and driver.GetMetadataItem(gdal.DCAP_VECTOR) == "YES":
        return driver
    return ogr.GetDriverByName("Memory")


@contextmanager
def gdal_exceptions() -> Iterator[None]:
    """GDAL, OGR and OSR raise ``RuntimeError`` inside the block (GDAL 4's default, said
    explicitly so GDAL 3.7+ does not warn); the previous setting is restored afterwards, so other
    plugins sharing the interpreter keep theirs."""
    from osgeo import gdal, ogr, osr

    modules = (gdal, ogr, osr)
    before = [module.GetUseExceptions() for module in modules]
    for module in modules:
        module.UseExceptions()
    try:
        yield
    finally:
        for module, was_on in reversed(list(zip(modules, before))):
            if not was_on:
                module.DontUseExceptions()
