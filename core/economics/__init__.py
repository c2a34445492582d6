"""Recycling economics: the DLCER-Battery profit model (``model``), its parameters and presets, the scale-curve calibration, break-even and the Monte Carlo and sensitivity analyses."""
