"""Publication maps: the print layout, legend, fonts, layers shown and clipping, and the small map of the reports."""
