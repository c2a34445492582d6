"""Pure computation for Battery Recycling Atlas.

Nothing in this package imports qgis: every function takes plain numbers or numpy arrays and a
typed parameter object, and returns plain results. The Processing algorithms, the dialogs, the
benchmarks and the tests all call these functions. Units: volumes in tonnes per year (t/yr),
money in CNY per year, distances in km, unless a docstring says otherwise.
"""
