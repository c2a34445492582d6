"""Styles of the outputs: the post-processor that styles every vector and raster output, the bivariate colours and the labels."""
