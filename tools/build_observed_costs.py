"""Build ``resources/data/observed_unit_costs.csv``: illustrative observed unit processing costs.

**Illustrative values, not observations.** No plant-level table of recycling costs is public;
this seeded script makes a small one so that ``calibrate_scale_curve`` can be demonstrated and
tested. Every row has ``illustrative`` = 1.

Method:

1. Throughputs: ``numpy.random.default_rng(seed)`` (seed 20250101) draws :data:`N_ROWS` values
   log-uniformly between 8,000 and 250,000 t/yr (Q = 0.8 to 25 in 10 kt/yr, so the three
   stages of the paper's scale curve are covered), rounded to whole tonnes and sorted.
2. Unit cost: the default model's unit processing cost (CNY/t, fixed cost included, pack
   purchase excluded) of the reference plant, ``calibration.model_unit_cost(DEFAULT_PARAMS,
   throughput)``: u(T) = Σ variable unit costs × (1 − λ·S(T/10,000)) + F_ref / T, with
   F_ref = 200 M CNY/yr; this is the curve that ``calibrate_scale_curve`` fits when the table
   has no capacity column.
3. Noise: multiplied by a lognormal factor (σ = :data:`SIGMA` = 0.04, drawn after the
   throughputs from the same generator), rounded to whole CNY/t.
4. Names: ``示例厂01`` … (sample plant 01 …), one per row.

The fit on this table recovers parameters near the defaults with R² well above 0.8 (a test
checks it). Run: ``.venv/bin/python tools/build_observed_costs.py [--output PATH] [--seed N]``.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = ROOT / "resources" / "data" / "observed_unit_costs.csv"
DEFAULT_SEED = 20250101
N_ROWS = 20
T_MIN, T_MAX = 8_000.0, 250_000.0  # t/yr
SIGMA = 0.04
COLUMNS = ("plant", "throughput_t", "unit_cost_cny_t", "illustrative")


def _core():
    """Import the plugin's core as ``battery_recycling_atlas`` (via the build/pkg link the
    tests use), without putting the repository root itself on ``sys.path``."""
    link_dir = ROOT / "build" / "pkg"
    link = link_dir / "battery_recycling_atlas"
    if not link.exists():
        link_dir.mkdir(parents=True, exist_ok=True)
        link.symlink_to(ROOT, target_is_directory=True)
    if str(link_dir) not in sys.path:
        sys.path.insert(0, str(link_dir))
    from battery_recycling_atlas.core.economics import calibration
    from battery_recycling_atlas.core.economics import model as economics

    return calibration, economics


def build_rows(seed: int = DEFAULT_SEED) -> list[tuple[str, int, int, int]]:
    """The table rows: (plant, throughput t/yr, unit cost CNY/t, illustrative = 1)."""
    calibration, economics = _core()
    rng = np.random.default_rng(seed)
    throughput = np.sort(np.round(np.exp(rng.uniform(np.log(T_MIN), np.log(T_MAX), N_ROWS))))
    cost = calibration.model_unit_cost(economics.DEFAULT_PARAMS, throughput)
    cost = np.round(cost * rng.lognormal(0.0, SIGMA, N_ROWS))
    return [
        (f"示例厂{i:02d}", int(t), int(c), 1)
        for i, (t, c) in enumerate(zip(throughput, cost), start=1)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    rows = build_rows(args.seed)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    calibration, _ = _core()
    fit = calibration.fit_scale_curve([r[1] for r in rows], [r[2] for r in rows])
    print(f"{args.output}: {len(rows)} rows; fit R² = {fit.r2:.3f}, RMSE = {fit.rmse:.0f} CNY/t")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
