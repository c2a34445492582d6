"""Reading and writing for the algorithms: layers to arrays, located features, CRS, rasters, presets and the output destinations."""
