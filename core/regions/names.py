"""Region keys: administrative codes and Chinese/English names (``join_region_table``).

Codes are the 6-digit administrative division codes (行政区划代码): ``110000`` a province-level
unit, ``110100`` a prefecture, ``110101`` a county. Names are matched through a normalised key
(:func:`normalize_name`): full and short Chinese names, traditional characters, English and
pinyin forms; provinces also through :data:`PROVINCE_ALIASES` (Inner Mongolia = Nei Mongol =
内蒙古自治区). Nothing is dropped silently: every table row ends up matched, duplicate or
unmatched, and :class:`JoinResult` says which and how.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import RowValuesError, SettingError
from ._trad_table import TRAD2SIMP as _TRAD2SIMP

__all__ = [
    "JOIN_HOW",
    "MATCH_BY",
    "PROVINCE_ALIASES",
    "PROVINCE_PREFIXES",
    "ROW_HOW",
    "JoinResult",
    "alias_code",
    "canonical_region_key",
    "code_level",
    "join_keys",
    "normalize_code",
    "normalize_name",
]

#: Join modes (enumeration order is part of the interface).
MATCH_BY: tuple[str, ...] = ("auto", "code", "name")
#: How a region was matched (``JoinResult.how``).
JOIN_HOW: tuple[str, ...] = ("code", "code_prefix", "name", "alias", "unmatched", "ambiguous")
#: What became of a table row (``JoinResult.row_how``).
ROW_HOW: tuple[str, ...] = (
    "code",
    "code_prefix",
    "name",
    "alias",
    "duplicate",
    "ambiguous",
    "unmatched",
)

#: First two digits of the 34 province-level units.
PROVINCE_PREFIXES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 "
    "65 71 81 82".split()
)

# fmt: off
#: Province adcode → names (Chinese short name, English, pinyin, older romanisations). Names
#: are compared after :func:`normalize_name`, so suffixes (省, Province …), traditional
#: characters, case, spaces and tone marks do not matter. Shanxi (山西) and Shaanxi (陕西)
#: differ by the doubled a and are never merged; "Canton" is left out (city or province?).
PROVINCE_ALIASES: dict[str, tuple[str, ...]] = {
    "110000": ("北京", "Beijing", "Peking", "Peiping"),
    "120000": ("天津", "Tianjin", "Tientsin"),
    "130000": ("河北", "Hebei", "Hopeh", "Hopei"),
    "140000": ("山西", "Shanxi", "Shansi"),
    "150000": ("内蒙古", "Inner Mongolia", "Nei Mongol", "Nei Monggol", "Neimenggu",
               "Nei Menggu", "Neimongol"),
    "210000": ("辽宁", "Liaoning"),
    "220000": ("吉林", "Jilin", "Kirin"),
    "230000": ("黑龙江", "Heilongjiang", "Heilungkiang"),
    "310000": ("上海", "Shanghai"),
    "320000": ("江苏", "Jiangsu", "Kiangsu"),
    "330000": ("浙江", "Zhejiang", "Chekiang"),
    "340000": ("安徽", "Anhui", "Anhwei"),
    "350000": ("福建", "Fujian", "Fukien"),
    "360000": ("江西", "Jiangxi", "Kiangsi"),
    "370000": ("山东", "Shandong", "Shantung"),
    "410000": ("河南", "Henan", "Honan"),
    "420000": ("湖北", "Hubei", "Hupeh", "Hupei"),
    "430000": ("湖南", "Hunan"),
    "440000": ("广东", "Guangdong", "Kwangtung"),
    "450000": ("广西", "Guangxi", "Kwangsi"),
    "460000": ("海南", "Hainan"),
    "500000": ("重庆", "Chongqing", "Chungking"),
    "510000": ("四川", "Sichuan", "Szechuan", "Szechwan"),
    "520000": ("贵州", "Guizhou", "Kweichow"),
    "530000": ("云南", "Yunnan"),
    "540000": ("西藏", "Tibet", "Xizang"),
    "610000": ("陕西", "Shaanxi", "Shensi"),
    "620000": ("甘肃", "Gansu", "Kansu"),
    "630000": ("青海", "Qinghai", "Tsinghai"),
    "640000": ("宁夏", "Ningxia", "Ninghsia"),
    "650000": ("新疆", "Xinjiang", "Sinkiang"),
    "710000": ("台湾", "Taiwan"),
    "810000": ("香港", "Hong Kong", "Hongkong", "Xianggang"),
    "820000": ("澳门", "Macau", "Macao", "Aomen"),
}

# Chinese suffixes, longest first; 自治… suffixes also strip a trailing ethnic qualifier.
_ZH_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区",
                "省", "市", "盟", "县")
# Ethnic qualifiers in autonomous-area names: multi-character names with or without 族,
# one-character names only with 族 (白, 水, 土 … are common in place names).
_ZH_ETHNIC_MULTI = ("维吾尔", "蒙古", "哈萨克", "柯尔克孜", "朝鲜", "土家", "布依", "哈尼",
                    "景颇", "傈僳", "纳西", "仡佬", "拉祜", "仫佬", "毛南", "撒拉", "保安",
                    "东乡", "裕固", "达斡尔", "鄂温克", "鄂伦春", "锡伯", "塔吉克", "普米",
                    "独龙", "各")
_ZH_ETHNIC_SINGLE = "壮回藏苗羌彝侗傣白黎满瑶畲水土佤怒京"
_ZH_ETHNIC = sorted({e + "族" for e in _ZH_ETHNIC_MULTI} | set(_ZH_ETHNIC_MULTI)
                    | {e + "族" for e in _ZH_ETHNIC_SINGLE}, key=len, reverse=True)
# English/pinyin trailing words (as token tuples); "autonomous" ones also strip ethnic words.
_EN_SUFFIXES = sorted([
    ("special", "administrative", "region"), ("sar",), ("autonomous", "region"),
    ("autonomous", "prefecture"), ("autonomous", "county"), ("autonomous", "banner"),
    ("zizhiqu",), ("zizhizhou",), ("zizhixian",), ("tebie", "xingzhengqu"), ("province",),
    ("sheng",), ("municipality",), ("city",), ("shi",), ("prefecture",), ("league",),
    ("diqu",), ("meng",), ("county",), ("china",), ("prc",),
], key=len, reverse=True)
_EN_PREFIXES = (("the",), ("province", "of"), ("city", "of"), ("municipality", "of"))
_EN_ETHNIC = frozenset(
    "zhuang zhuangzu hui huizu uygur uyghur uighur uigur weiwuer weiwuerzu tibetan zangzu "
    "mongol mongolian menggu mengguzu korean chaoxianzu tujia miao yi dai bai li kazak kazakh "
    "hani buyi bouyei dong qiang jingpo lisu kirgiz kyrgyz".split()
)
# fmt: on

_TRANS = str.maketrans(_TRAD2SIMP)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_DIGITS = re.compile(r"[0-9]+(?:\.0*)?")
_TOKEN = re.compile(r"[a-z0-9]+")
_QUOTES = re.compile(r"[\u2019\u2018'`\u00b4.\u00b7]")


def _is_null(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN
    except (TypeError, ValueError):
        return True  # pd.NA


def _parse_code(value: Any) -> tuple[str | None, bool]:
    """(6-digit code or None, True when the value was exactly 6 digits)."""
    if _is_null(value) or isinstance(value, bool):
        return None, False
    if isinstance(value, float) or type(value).__name__.startswith("float"):
        f = float(value)
        if not f.is_integer():
            return None, False
        text = str(int(f))
    else:
        text = "".join(unicodedata.normalize("NFKC", str(value)).split())
    if not _DIGITS.fullmatch(text):
        return None, False
    digits = text.split(".")[0]
    if len(digits) == 6:
        code, exact = digits, True
    elif len(digits) in (2, 4):
        code, exact = digits.ljust(6, "0"), False
    elif len(digits) in (9, 12):
        code, exact = digits[:6], False
    else:
        return None, False
    return (code, exact) if code[:2] in PROVINCE_PREFIXES else (None, False)


def normalize_code(value: Any) -> str | None:
    """A 6-digit administrative code, or ``None`` if ``value`` is not one.

    Accepts ints, integral floats (``110000.0``), strings with spaces or full-width digits;
    2- and 4-digit codes are padded with zeros (``"11"`` → ``110000``, ``"1101"`` → ``110100``)
    and 9- or 12-digit codes (township, statistical) cut to 6. The first two digits must be a
    province-level prefix, so years (2024) and other numbers do not pass as codes.
    """
    return _parse_code(value)[0]


def code_level(code: Any) -> str:
    """``"province"`` (xx0000), ``"prefecture"`` (xxxx00) or ``"county"`` for a valid code.

    Units directly under a province with county-level codes (e.g. 429004 Xiantao, 469021
    Ding'an) are ``"county"`` by their code. Raises :class:`~core.errors.RowValuesError` (a
    ``ValueError``) for an invalid code.
    """
    norm = normalize_code(code)
    if norm is None:
        raise RowValuesError("code", [], f"not an administrative code: {code!r}")
    if norm[2:] == "0000":
        return "province"
    return "prefecture" if norm[4:] == "00" else "county"


def _strip_zh(text: str) -> str:
    autonomous = False
    for _ in range(3):
        for suffix in _ZH_SUFFIXES:
            if text.endswith(suffix) and len(text) - len(suffix) >= 2:
                text = text[: -len(suffix)]
                autonomous = autonomous or suffix.startswith("自治")
                break
        else:
            break
    while autonomous:
        for ethnic in _ZH_ETHNIC:
            if text.endswith(ethnic) and len(text) - len(ethnic) >= 2:
                text = text[: -len(ethnic)]
                break
        else:
            break
    return text


def _strip_en(tokens: list[str]) -> list[str]:
    for prefix in _EN_PREFIXES:
        if tuple(tokens[: len(prefix)]) == prefix and len(tokens) > len(prefix):
            tokens = tokens[len(prefix) :]
    autonomous = False
    changed = True
    while changed:
        changed = False
        for suffix in _EN_SUFFIXES:
            n = len(suffix)
            if len(tokens) > n and tuple(tokens[-n:]) == suffix:
                tokens = tokens[:-n]
                autonomous = autonomous or suffix[0].startswith(("autonomous", "zizhi"))
                changed = True
                break
        while (
            autonomous
            and len(tokens) > 1
            and tokens[-1] in _EN_ETHNIC
            and "".join(tokens[:-1]) not in ("nei", "inner")
        ):
            tokens = tokens[:-1]
            changed = True
    return tokens


def normalize_name(name: Any) -> str:
    """A matching key for a region name ("" for null/empty).

    NFKC; traditional → simplified characters; if the name has Chinese characters, only those
    are kept and the suffixes 特别行政区 自治区 自治州 自治县 自治旗 地区 林区 省 市 盟 县 are
    stripped (with the ethnic qualifier of an autonomous area: 广西壮族自治区 → 广西), never
    below two characters. Otherwise: tone marks dropped, lower case, ü/v → u, apostrophes, dots,
    hyphens and spaces removed, and trailing words such as Province, City, Municipality, SAR,
    Autonomous Region, shi, sheng removed ("Xi'an" → ``xian``, "Guangxi Zhuang Autonomous
    Region" → ``guangxi``).
    """
    if _is_null(name):
        return ""
    text = unicodedata.normalize("NFKC", str(name)).translate(_TRANS)
    cjk = "".join(_CJK.findall(text))
    if cjk:
        return _strip_zh(cjk)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    tokens = _TOKEN.findall(_QUOTES.sub("", text))
    return "".join(_strip_en(tokens)).replace("v", "u")


def _alias_index(aliases: Mapping[str, Sequence[str]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for code, names in aliases.items():
        norm_code = normalize_code(code)
        if norm_code is None:
            raise SettingError("alias", f"alias table: invalid code {code!r}")
        for name in names:
            key = normalize_name(name)
            if key and index.setdefault(key, norm_code) != norm_code:
                raise SettingError(
                    "alias", f"alias {name!r} names both {index[key]} and {norm_code}"
                )
    return index


_PROVINCE_INDEX = _alias_index(PROVINCE_ALIASES)


def alias_code(name: Any) -> str | None:
    """The province adcode that ``name`` is a known form of, or ``None``."""
    return _PROVINCE_INDEX.get(normalize_name(name))


def canonical_region_key(value: Any, *, provinces: bool = True) -> str | None:
    """One key per region for grouping mixed forms: the 6-digit code if ``value`` is a code,
    else (with ``provinces``) the province adcode if it is a known province name, else
    :func:`normalize_name` (``None`` when empty). "广东省", "Guangdong" and 440000 all give
    ``"440000"``. Use ``provinces=False`` for prefecture tables: 吉林市 must not become the
    province 吉林 (220000).
    """
    code = normalize_code(value)
    if code is not None:
        return code
    key = normalize_name(value)
    if provinces:
        key = _PROVINCE_INDEX.get(key, key)
    return key or None


@dataclass
class JoinResult:
    """Outcome of :func:`join_keys`; lists are in input order (0-based indices).

    ``region_to_row[i]`` is the table row joined to region *i* (or ``None``) and ``how[i]`` a
    code of :data:`JOIN_HOW`. ``row_how[j]`` says what became of table row *j*
    (:data:`ROW_HOW`): matched by some method, ``duplicate`` (its region already had an earlier
    row: not used), ``ambiguous`` (its key fits several regions) or ``unmatched``.
    ``unmatched_rows`` are the rows joined to no region (unmatched and ambiguous);
    ``duplicate_rows`` maps a key to all rows sharing it, the used one first;
    ``ambiguous_regions`` maps a key to the regions sharing it. ``region_keys`` and
    ``table_keys`` are the normalised keys that were compared.
    """

    match_by: str
    region_to_row: list[int | None]
    how: list[str]
    row_how: list[str]
    unmatched_rows: list[int]
    duplicate_rows: dict[str, list[int]] = field(default_factory=dict)
    ambiguous_regions: dict[str, list[int]] = field(default_factory=dict)
    region_keys: list[str] = field(default_factory=list)
    table_keys: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, dict[str, int]]:
        """Counts per code: ``{"regions": {how: n}, "rows": {row_how: n}}`` (all codes)."""
        regions, rows = Counter(self.how), Counter(self.row_how)
        return {
            "regions": {k: regions.get(k, 0) for k in JOIN_HOW},
            "rows": {k: rows.get(k, 0) for k in ROW_HOW},
        }


def _mostly_codes(keys: Sequence[Any]) -> bool:
    values = [k for k in keys if not _is_null(k) and str(k).strip()]
    return bool(values) and sum(normalize_code(k) is not None for k in values) * 2 > len(values)


def join_keys(
    region_keys: Sequence[Any],
    table_keys: Sequence[Any],
    match_by: str = "auto",
    *,
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> JoinResult:
    """Join table rows to regions by code or by name; see :class:`JoinResult`.

    ``match_by`` (:data:`MATCH_BY`): ``auto`` uses codes when more than half of the non-empty
    keys on *both* sides parse as codes, else names. Codes match exactly after
    :func:`normalize_code` (``code``; ``code_prefix`` when a side was padded or cut), so a
    province row 110000 never matches the prefecture 110100 and a prefecture table joined to
    provinces stays unmatched (aggregate it first). Names match on :func:`normalize_name`
    (``name``), then through the alias table (``alias``; default :data:`PROVINCE_ALIASES`,
    mapping code → names; ``{}`` turns it off). The first table row for a region is used;
    later ones are ``duplicate``. A key shared by several regions matches none of them.
    """
    if match_by not in MATCH_BY:
        raise SettingError("match_by", f"match_by must be one of {MATCH_BY}, got {match_by!r}")
    if match_by == "auto":
        match_by = "code" if _mostly_codes(region_keys) and _mostly_codes(table_keys) else "name"
    index = _PROVINCE_INDEX if aliases is None else _alias_index(aliases)
    if match_by == "code":
        r_parsed = [_parse_code(k) for k in region_keys]
        t_parsed = [_parse_code(k) for k in table_keys]
        r_keys = [c or "" for c, _ in r_parsed]
        t_keys = [c or "" for c, _ in t_parsed]
        r_alias: list[str] = [""] * len(r_keys)
        t_alias: list[str] = [""] * len(t_keys)
    else:
        r_keys = [normalize_name(k) for k in region_keys]
        t_keys = [normalize_name(k) for k in table_keys]
        r_alias = [index.get(k, "") for k in r_keys]
        t_alias = [index.get(k, "") for k in t_keys]

    by_key: dict[str, list[int]] = {}
    by_alias: dict[str, list[int]] = {}
    for i, (key, code) in enumerate(zip(r_keys, r_alias)):
        if key:
            by_key.setdefault(key, []).append(i)
        if code:
            by_alias.setdefault(code, []).append(i)
    ambiguous = {k: v for k, v in by_key.items() if len(v) > 1}

    n_regions, n_rows = len(r_keys), len(t_keys)
    region_to_row: list[int | None] = [None] * n_regions
    how = ["unmatched"] * n_regions
    row_how = ["unmatched"] * n_rows
    groups: dict[str, list[int]] = {}
    for j, key in enumerate(t_keys):
        if not key:
            continue
        if key in by_key:
            targets, group = by_key[key], key
            if match_by == "name":
                method = "name"
            else:
                exact = t_parsed[j][1] and all(r_parsed[i][1] for i in targets)
                method = "code" if exact else "code_prefix"
        elif t_alias[j] in by_alias:
            targets, method, group = by_alias[t_alias[j]], "alias", t_alias[j]
            if len(targets) > 1:
                ambiguous.setdefault(group, targets)
        else:
            groups.setdefault(key, []).append(j)
            continue
        if len(targets) > 1:
            row_how[j] = "ambiguous"
            continue
        i = targets[0]
        if region_to_row[i] is None:
            region_to_row[i], how[i], row_how[j] = j, method, method
            groups.setdefault(r_keys[i], []).append(j)
        else:
            row_how[j] = "duplicate"
            groups.setdefault(r_keys[i], []).append(j)
    for regions in ambiguous.values():
        for i in regions:
            if region_to_row[i] is None:
                how[i] = "ambiguous"
    return JoinResult(
        match_by=match_by,
        region_to_row=region_to_row,
        how=how,
        row_how=row_how,
        unmatched_rows=[j for j, h in enumerate(row_how) if h in ("unmatched", "ambiguous")],
        duplicate_rows={k: v for k, v in groups.items() if len(v) > 1},
        ambiguous_regions=ambiguous,
        region_keys=r_keys,
        table_keys=t_keys,
    )
