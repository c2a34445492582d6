"""Battery Recycling Atlas (动力电池回收图谱), a QGIS plugin.

QGIS imports this module when the plugin loads; keep it cheap. Everything heavy (numpy, scipy,
matplotlib, the Processing algorithms) is imported lazily by the code that needs it.
"""

from __future__ import annotations


def classFactory(iface):
    """Return the plugin instance; QGIS calls this with its QgisInterface."""
    from .plugin import BatteryRecyclingAtlasPlugin

    return BatteryRecyclingAtlasPlugin(iface)
