"""Legend rules of the ``allocate_supply`` outputs: (English label, filter expression), shared
by ``tools/siting_styles.py`` (which writes the QML) and the algorithm (which translates the
labels with :func:`translated`). An empty expression is the "else" rule."""

from __future__ import annotations

from . import label_language

FLOW_RULES = (
    ("Across a province border", '"cross_border"'),
    ("Within a province", ""),
)
UTILIZATION_RULES = (
    ("Utilisation under 20 %", '"utilization" < 0.2'),
    ("20 % – 50 %", '"utilization" >= 0.2 AND "utilization" < 0.5'),
    ("50 % – 80 %", '"utilization" >= 0.5 AND "utilization" < 0.8'),
    ("80 % – 99.9 %", '"utilization" >= 0.8 AND "utilization" < 0.999'),
    ("Full (≥ 99.9 %)", '"utilization" >= 0.999'),
    ("No capacity", ""),
)
UNMET_RULES = (
    ("All supply served", '"unmet_t" = 0'),
    ("Unmet up to 1,000 t/yr", '"unmet_t" > 0 AND "unmet_t" <= 1000'),
    ("Unmet 1,000 – 10,000 t/yr", '"unmet_t" > 1000 AND "unmet_t" <= 10000'),
    ("Unmet over 10,000 t/yr", '"unmet_t" > 10000'),
    ("No supply value", ""),
)


def translated() -> dict[str, str]:
    """English rule label → translated label, for every rule above (in the run's language)."""
    tr = label_language.translate
    labels = {
        "Across a province border": tr("SitingLabels", "Across a province border"),
        "Within a province": tr("SitingLabels", "Within a province"),
        "Utilisation under 20 %": tr("SitingLabels", "Utilisation under 20 %"),
        "20 % – 50 %": tr("SitingLabels", "20 % – 50 %"),
        "50 % – 80 %": tr("SitingLabels", "50 % – 80 %"),
        "80 % – 99.9 %": tr("SitingLabels", "80 % – 99.9 %"),
        "Full (≥ 99.9 %)": tr("SitingLabels", "Full (≥ 99.9 %)"),
        "No capacity": tr("SitingLabels", "No capacity"),
        "All supply served": tr("SitingLabels", "All supply served"),
        "Unmet up to 1,000 t/yr": tr("SitingLabels", "Unmet up to 1,000 t/yr"),
        "Unmet 1,000 – 10,000 t/yr": tr("SitingLabels", "Unmet 1,000 – 10,000 t/yr"),
        "Unmet over 10,000 t/yr": tr("SitingLabels", "Unmet over 10,000 t/yr"),
        "No supply value": tr("SitingLabels", "No supply value"),
    }
    return labels
