"""HTML reports and their charts (matplotlib), one module per report; no qgis import: the algorithms pass the text translator in."""
