"""Write the workflow model ``resources/models/mismatch_workflow.model3`` with the Python API.

Run with the Python that has QGIS: ``.venv/bin/python tools/build_model.py``. The ``.model3``
file is committed and loaded by the provider as ``battery_recycling:mismatch_workflow``; this
script keeps it reproducible (open it in the Graphical Modeler to inspect or extend it).

The model chains ``retirement_capacity_ratio`` → ``natural_breaks_matching`` →
``capital_compliance`` → three ``export_publication_map`` runs, so the whole analysis of one
year runs in one step, in batch mode (one row per year) or from ``qgis_process``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
MODEL = ROOT / "resources" / "models" / "mismatch_workflow.model3"
MODEL_NAME = "mismatch_workflow"
TEMPORARY = "TEMPORARY_OUTPUT"

HELP = (
    "<p>Runs the whole spatial-mismatch analysis of one year in one step: the "
    "retirement-to-capacity ratio of the provinces, the natural-breaks matching of retired "
    "volume against recycling outlets in the cities, capital against whitelist compliance in "
    "the provinces, and a publication map of each (A4 landscape, with legend, scale bar, "
    "north arrow and the South China Sea inset).</p>"
    "<p>Run it in batch mode with one row per year (e.g. retire_2025_t / retire_2030_t), or "
    "from qgis_process. The layers default to temporary outputs; the maps are written as "
    ".pdf, .png or .svg by their extension; the HTML reports are optional.</p>"
)


def build():
    """The model, with child algorithms resolved through the running provider."""
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildDependency,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterField,
        QgsProcessingParameterString,
        QgsProcessingParameterVectorLayer,
    )
    from qgis.PyQt.QtCore import QPointF

    src = QgsProcessingModelChildParameterSource
    model = QgsProcessingModelAlgorithm(MODEL_NAME, "Workflows", "workflows")
    model.setHelpContent(
        {
            "ALG_DESC": HELP,
            "ALG_CREATOR": "Battery Recycling Atlas",
            "ALG_HELP_CREATOR": "Battery Recycling Atlas",
        }
    )
    numeric = QgsProcessingParameterField.Numeric
    inputs = [
        QgsProcessingParameterVectorLayer("provinces", "Provinces (polygons)", [2]),
        QgsProcessingParameterField(
            "retirement_field", "Retirement field (t/yr)", None, "provinces", numeric
        ),
        QgsProcessingParameterField(
            "capacity_field", "Capacity field (t/yr)", None, "provinces", numeric
        ),
        QgsProcessingParameterField(
            "capital_field", "Registered capital field (CNY)", None, "provinces", numeric
        ),
        QgsProcessingParameterField(
            "whitelist_field", "Whitelist firm count field", None, "provinces", numeric
        ),
        QgsProcessingParameterVectorLayer("cities", "Cities (polygons)", [2]),
        QgsProcessingParameterField(
            "volume_field", "Retired volume field (t/yr)", None, "cities", numeric
        ),
        QgsProcessingParameterField("outlets_field", "Outlet count field", None, "cities", numeric),
        QgsProcessingParameterString(
            "label", "Label for the map titles (e.g. the year)", "", optional=True
        ),
    ]
    for row, param in enumerate(inputs):
        model.addModelParameter(param, QgsProcessingModelParameter(param.name()))
        model.parameterComponent(param.name()).setPosition(QPointF(120, 60 + 70 * row))
    model.setParameterOrder([p.name() for p in inputs])

    def child(
        child_id: str,
        alg: str,
        x: float,
        y: float,
        params: dict,
        outputs: dict,
        depends: tuple = (),
    ) -> None:
        c = QgsProcessingModelChildAlgorithm(f"battery_recycling:{alg}")
        if c.algorithm() is None:
            raise RuntimeError(f"battery_recycling:{alg} is not registered")
        c.setChildId(child_id)
        c.setDescription(c.algorithm().displayName())
        c.setPosition(QPointF(x, y))
        for key, value in params.items():
            c.addParameterSources(key, [value])
        model_outputs = {}
        for key, (name, description, mandatory, default) in outputs.items():
            out = QgsProcessingModelOutput(name, description)
            out.setChildId(child_id)
            out.setChildOutputName(key)
            out.setMandatory(mandatory)
            out.setDefaultValue(default)
            out.setPosition(QPointF(x + 200, y + 40 * (1 + len(model_outputs))))
            model_outputs[name] = out
        c.setModelOutputs(model_outputs)
        c.setDependencies([QgsProcessingModelChildDependency(d) for d in depends])
        model.addChildAlgorithm(c)

    param, static = src.fromModelParameter, src.fromStaticValue
    title = src.fromExpression
    child(
        "ratio",
        "retirement_capacity_ratio",
        520,
        80,
        {
            "INPUT": param("provinces"),
            "RETIREMENT_FIELD": param("retirement_field"),
            "CAPACITY_FIELD": param("capacity_field"),
            "THRESHOLDS": static("0.2,0.8,1.0"),
        },
        {
            "OUTPUT": ("layer", "Ratio layer", True, TEMPORARY),
            "REPORT": ("report", "Ratio report", False, None),
        },
    )
    child(
        "matching",
        "natural_breaks_matching",
        520,
        280,
        {
            "INPUT": param("cities"),
            "VOLUME_FIELD": param("volume_field"),
            "OUTLETS_FIELD": param("outlets_field"),
            "CLASSES": static(3),
            "METHOD": static(0),
            "PALETTE": static(3),  # purple–gold, the colour-blind-safe default
        },
        {
            "OUTPUT": ("layer", "Matching layer", True, TEMPORARY),
            "REPORT": ("report", "Matching report", False, None),
        },
        ("ratio",),
    )
    child(
        "compliance",
        "capital_compliance",
        520,
        480,
        {
            "INPUT": param("provinces"),
            "CAPITAL_FIELD": param("capital_field"),
            "WHITELIST_FIELD": param("whitelist_field"),
        },
        {
            "OUTPUT": ("layer", "Compliance layer", True, TEMPORARY),
            "REPORT": ("report", "Compliance report", False, None),
        },
        ("matching",),
    )
    maps = (
        ("ratio_map", "ratio", "Ratio map", "Retired batteries against recycling capacity", {}),
        (
            "matching_map",
            "matching",
            "Matching map",
            "Retired volume against recycling service outlets",
            {
                "VOL_BREAKS": src.fromChildOutput("matching", "VOL_BREAKS"),
                "OUTLET_BREAKS": src.fromChildOutput("matching", "OUTLET_BREAKS"),
            },
        ),
        (
            "compliance_map",
            "compliance",
            "Compliance map",
            "Registered capital against whitelist compliance",
            {},
        ),
    )
    for row, (child_id, source, name, text, extra) in enumerate(maps):
        params = {
            "INPUT": src.fromChildOutput(source, "OUTPUT"),
            "TEMPLATE": static(0),
            "TITLE": title(f"'{text}' || if(coalesce(@label, '') = '', '', ' ' || @label)"),
            "INSET": static(True),
            "DPI": static(300),
            **extra,
        }
        child(
            child_id,
            "export_publication_map",
            900,
            80 + 200 * row,
            params,
            {"OUTPUT": ("map", name, True, None)},
            ("compliance",),
        )
    return model


def main() -> int:
    import demo

    app, plugin = demo.start_qgis()
    model = build()
    ok, errors = model.validate()
    if not ok:
        print("\n".join(errors), file=sys.stderr)
        return 1
    MODEL.parent.mkdir(parents=True, exist_ok=True)
    if not model.toFile(str(MODEL)):
        print(f"could not write {MODEL}", file=sys.stderr)
        return 1
    print(f"wrote {MODEL.relative_to(ROOT)}")
    plugin.unload()
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
