"""Processing provider and algorithms: thin adapters between QGIS layers and ``core``.

Inside the plugin write ``from qgis import processing`` for QGIS's Processing API: a bare
``import processing`` could pick up this package.
"""
