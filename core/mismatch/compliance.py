"""Registered capital against whitelist firms per province (algorithm ``capital_compliance``).

capital_share = province capital ÷ total capital; whitelist_share = province whitelist firms ÷
total whitelist firms (fractions 0..1, totals over the provinces with both values known).
compliance_index = whitelist_share ÷ capital_share (dimensionless): 1 means the province holds
the same share of compliant (whitelist) firms as of capital, above 1 more compliant firms than
its capital suggests, 0 capital but no whitelist firm. The source study found r = −0.03 between
the two per province.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import LengthMismatchError, check_total, check_values
from ..stats import BoolArray, FloatArray, IntArray, Values, pearson, to_float_array

__all__ = ["ComplianceResult", "capital_compliance", "compliance_order", "spearman"]


@dataclass
class ComplianceResult:
    """Per-province arrays in input order, plus the correlation over the known rows.

    ``capital`` (money, e.g. CNY) and ``firms`` (count) are the inputs as float64 (NaN = null).
    Shares and ``compliance_index`` are floats with NaN for null. ``no_whitelist`` is True where
    firms == 0 (False where firms is null; those rows are True in ``null_firms``). ``n`` is the
    number of rows with both values known; the r and p values are Python floats or None.
    """

    capital: FloatArray
    firms: FloatArray
    capital_share: FloatArray
    whitelist_share: FloatArray
    compliance_index: FloatArray
    no_whitelist: BoolArray
    null_firms: BoolArray
    pearson_r: float | None
    pearson_p: float | None
    spearman_r: float | None
    spearman_p: float | None
    n: int

    def __len__(self) -> int:
        return int(self.capital.shape[0])


def spearman(x: Values, y: Values) -> tuple[float | None, float | None, int]:
    """Spearman rank correlation of the finite pairs: ``(rho, two-sided p, n)``.

    ``rho`` and ``p`` are None when n < 3 or either variable is constant (scipy's
    ``spearmanr``, average ranks for ties; p from Student's t with n − 2 degrees of freedom).
    """
    xa = to_float_array(x, "x")
    ya = to_float_array(y, "y")
    if xa.shape != ya.shape:
        raise LengthMismatchError("x and y", xa.shape[0], ya.shape[0])
    keep = np.isfinite(xa) & np.isfinite(ya)
    xs, ys = xa[keep], ya[keep]
    n = int(xs.shape[0])
    if n < 3 or np.all(xs == xs[0]) or np.all(ys == ys[0]):
        return None, None, n
    from scipy import stats as sp_stats

    rho, p = sp_stats.spearmanr(xs, ys)
    rho, p = float(rho), float(p)
    if not np.isfinite(rho):
        return None, None, n
    return max(-1.0, min(1.0, rho)), (p if np.isfinite(p) else None), n


def capital_compliance(capital: Values, firms: Values) -> ComplianceResult:
    """Shares, compliance index and correlations per province.

    ``capital``: registered capital of recycling firms (any consistent money unit, e.g. CNY);
    ``firms``: number of whitelist firms (count). None/NaN is null. Shares use the rows where
    both values are known (other rows: shares and index null); a total of 0 makes that share
    null everywhere. ``compliance_index`` is null where capital is 0 or null (or a share is
    null). Pearson (:func:`core.stats.pearson`) and Spearman (:func:`spearman`) correlations of
    capital with firms over the known rows; None when n < 3 or a variable is constant.

    Raises :class:`~core.errors.NegativeValueError` / ``NonFiniteValueError`` (``which`` =
    "capital" or "firms"; ``SumOverflowError`` when a total is not finite) and
    :class:`~core.errors.LengthMismatchError` when the lengths differ.
    """
    cap = to_float_array(capital, "capital")
    fir = to_float_array(firms, "firms")
    if cap.shape != fir.shape:
        raise LengthMismatchError("capital and firms", cap.shape[0], fir.shape[0])
    check_values(cap, "capital")
    check_values(fir, "firms")
    known = np.isfinite(cap) & np.isfinite(fir)
    check_total(np.where(known, cap, np.nan), "capital")
    check_total(np.where(known, fir, np.nan), "firms")
    shares = []
    for values in (cap, fir):
        share = np.full(values.shape, np.nan)
        total = float(np.sum(values[known]))
        if total > 0.0:
            share[known] = values[known] / total
        shares.append(share)
    capital_share, whitelist_share = shares
    index = np.full(cap.shape, np.nan)
    ok = known & (np.nan_to_num(capital_share, nan=0.0) > 0.0)
    index[ok] = whitelist_share[ok] / capital_share[ok]
    r, p, n = pearson(cap, fir)
    rho, p_rho, _ = spearman(cap, fir)
    return ComplianceResult(
        capital=cap,
        firms=fir,
        capital_share=capital_share,
        whitelist_share=whitelist_share,
        compliance_index=index,
        no_whitelist=fir == 0,
        null_firms=np.isnan(fir),
        pearson_r=r,
        pearson_p=p,
        spearman_r=rho,
        spearman_p=p_rho,
        n=int(n),
    )


def compliance_order(result: ComplianceResult, *, most: bool = True) -> IntArray:
    """Rows with a defined compliance index, most compliant (highest index) first.

    With ``most=False`` the least compliant (lowest index) come first. Ties keep input order.
    """
    idx = np.flatnonzero(np.isfinite(result.compliance_index))
    key = -result.compliance_index[idx] if most else result.compliance_index[idx]
    return idx[np.argsort(key, kind="stable")]
