"""The grammar of a quantity in Chinese news text: numerals (Arabic, Chinese, mixed: 1,200, 3.5,
三千, 1.2万亿), magnitudes, the qualifiers around them (超, 近, 约, 以上, 余 …) and the units and
measure words that make a number a figure. facts.py finds them in text with QUANTITY_RE."""
from __future__ import annotations

import re
from typing import Optional

from .numerals import CN_NUMERAL_CHARS

# 1,200 and 3.5; also 80 .9 (a stray space: read as 80.9). Never a part of 1,2345 (misprinted).
_ARABIC = r"\d+(?:,\d{3}(?!\d))*(?:[ \u00a0]?\.[ \u00a0]?\d+)?"
CN = f"[{CN_NUMERAL_CHARS.replace('点', '')}][{CN_NUMERAL_CHARS}]*"
# 兆 is a trillion only before a currency (3.1兆元, in Taiwan); 兆瓦, 兆帕 are mega-units.
MAG = r"(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千(?![瓦伏米克])|百(?!分)|兆(?=元|美元|欧元))"

# Qualifiers written next to the figure (they become part of the surface).
PREFIX_QUALIFIERS = {
    "不超过": "under", "不超": "under", "不到": "under", "不足": "under", "最高": "under",
    "最多": "under", "低于": "under", "少于": "under",
    "超过": "over", "超出": "over", "超": "over", "逾": "over", "突破": "over",
    "至少": "over", "不少于": "over", "不低于": "over", "高于": "over",
    "将近": "approx", "接近": "approx", "近": "approx", "大约": "approx", "约": "approx",
    "过": "over",  # 过半, 过百亿, 过千家: the pattern allows it only before 半 or a magnitude
    "上": "approx",  # 上百种, 上千家: the pattern allows it only before a bare magnitude
    "数": "approx", "几": "approx",  # 数十台, 几百家: likewise (tens, hundreds of)
}
SUFFIX_QUALIFIERS = {"及以上": "over", "及以下": "under", "以上": "over", "以下": "under", "以内": "under", "之内": "under",
                     "左右": "approx", "上下": "approx", "级": "approx", "多": "approx",
                     "余": "approx"}
# Qualifiers a few characters before the figure, outside the surface: 大概只需一个月.
DETACHED_QUALIFIERS = {"大概": "approx", "大约": "approx", "约为": "approx", "约合": "approx",
                       "约有": "approx", "最高": "under", "最多": "under"}

# unit text → (unit code, factor to the unit code, measure word to record)
UNITS: dict[str, tuple[str, float, Optional[str]]] = {
    "美元": ("USD", 1, None), "欧元": ("EUR", 1, None), "元人民币": ("CNY", 1, None),
    "元": ("CNY", 1, None),
    "%": ("percent", 1, None), "％": ("percent", 1, None), "个百分点": ("percent", 1, None), "百分点": ("percent", 1, None),
    "平方米": ("sqm", 1, None), "平米": ("sqm", 1, None), "㎡": ("sqm", 1, None),
    "平方公里": ("sqm", 1e6, None), "平方千米": ("sqm", 1e6, None), "公顷": ("sqm", 1e4, None),
    "亩": ("mu", 1, None),
    "千伏": ("kV", 1, None), "kV": ("kV", 1, None), "KV": ("kV", 1, None),
    "千瓦时": ("other", 1, "千瓦时"), "kWh": ("other", 1, "kWh"),
    "GWh": ("other", 1, "GWh"), "MWh": ("other", 1, "MWh"), "吉瓦时": ("other", 1, "GWh"), "兆瓦时": ("other", 1, "MWh"),  # battery and storage capacity: 20GWh
    "千瓦": ("kW", 1, None), "kW": ("kW", 1, None), "KW": ("kW", 1, None),
    "兆瓦": ("kW", 1e3, None), "MW": ("kW", 1e3, None),
    "吉瓦": ("GW", 1, None), "GW": ("GW", 1, None),
    "个工作日": ("day", 1, None), "个小时": ("hour", 1, None), "小时": ("hour", 1, None),
    "个多月": ("month", 1, None), "个月": ("month", 1, None), "分钟": ("minute", 1, None),
    "秒钟": ("second", 1, None), "秒": ("second", 1, None), "天": ("day", 1, None),
    "番": ("other", 1, "番"),  # 翻一番 (doubled), 翻两番: only after 翻 (numeral_context.py)
    "周年": ("year", 1, None), "年": ("year", 1, None),
    "个季度": ("other", 1, "个季度"), "个星期": ("other", 1, "个星期"), "周": ("other", 1, "周"),
    "倍": ("other", 1, "倍"), "度": ("other", 1, "度"), "℃": ("other", 1, "℃"),
    "万吨/年": ("other", 1e4, "吨/年"), "吨/年": ("other", 1, "吨/年"), "万吨/日": ("other", 1e4, "吨/日"),
    "吨/日": ("other", 1, "吨/日"),  # a plant's capacity: 30万吨/年
    "万吨／年": ("other", 1e4, "吨/年"), "吨／年": ("other", 1, "吨/年"), "吨／日": ("other", 1, "吨/日"),
    "立方米/日": ("other", 1, "立方米/日"), "立方米／日": ("other", 1, "立方米/日"), "立方米": ("other", 1, "立方米"),
    "万吨": ("other", 1e4, "吨"), "吨": ("other", 1, "吨"), "公里": ("other", 1, "公里"),
    "千米": ("other", 1, "千米"), "米": ("other", 1, "米"), "成": ("percent", 10, None),
    "周岁": ("other", 1, "岁"), "岁": ("other", 1, "岁"),  # an age: 88岁的老专家
    "升": ("other", 1, "升"), "公斤": ("other", 1, "公斤"), "千克": ("other", 1, "千克"),  # 12万升 of bioreactors
    "标准箱": ("other", 1, "标准箱"), "标箱": ("other", 1, "标准箱"), "TEU": ("other", 1, "标准箱"),  # port containers
}
# Counts: measure words (two-character ones first so 家次 wins over 家).
MEASURE_WORDS = ("家次", "人次", "项次", "台套", "部门", "批次", "家", "个", "项", "只", "人", "场", "次",
                 "所", "条", "份", "台", "位", "名", "支", "种", "件", "款", "批", "座", "套",
                 "辆", "架", "艘", "户", "间", "张", "部", "处", "栋", "届", "笔", "例", "株",
                 "棵", "组", "门", "篇", "颗", "块", "片", "投",
                 "列", "期", "宗", "类", "强")
# 420列 trains; 分两期 (two phases: facts.py keeps 二期, 三期扩建 as names); 28宗 land parcels; 4类 kinds;
# 决出16强 (numeral_context.py: 强 counts only the winners a contest picks; 世界500强 is a name)
# Nouns counted without a measure word in headline style (两企业) and 三大 (three major).
BARE_NOUNS = ("企业", "项目", "公司", "大")

_UNIT_ALTS = "|".join(re.escape(u) for u in sorted(
    list(UNITS) + list(MEASURE_WORDS) + list(BARE_NOUNS), key=len, reverse=True))
PREFIXES = tuple(sorted(PREFIX_QUALIFIERS, key=len, reverse=True))  # longest first
BEFORE_MAGNITUDE = {"上": "上(?=[百千万亿])", "数": "(?<![次人户件指分函系参变倍总位])数(?=[十百千万亿])",
                     "几": "几(?=[十百千万亿])"}
_ONLY_BEFORE = {**BEFORE_MAGNITUDE, "过": "过(?=[半百千万亿])"}
_PRE_ALTS = "|".join(_ONLY_BEFORE.get(p, p) for p in PREFIXES)

# Every match starts with a digit, a Chinese numeral, 半 or a prefix qualifier. Without this
# lookahead the engine tries the whole pattern at every character (an optional group first
# leaves it no character to skip to); with it most characters are rejected in one test.
_FIRST_CHARS = re.escape(CN_NUMERAL_CHARS + "半" + "".join(sorted({p[0] for p in PREFIX_QUALIFIERS})))

QUANTITY_RE = re.compile(
    rf"""
    (?<!\d)(?<!\d[.,])(?=[\d{_FIRST_CHARS}])
    (?P<pre>{_PRE_ALTS})?
    (?:
        (?P<pct>百分之(?P<pctnum>{_ARABIC}|{CN}))
      | (?P<frac>{_ARABIC}/{_ARABIC}|(?:{_ARABIC}|{CN})分之(?:{_ARABIC}|{CN}))
      | (?P<half>一?半)
      | (?P<num>{_ARABIC}(?:\.(?=[万亿]))?|{CN}|{MAG})
        (?:(?P<rsep>[-~～—–至到])(?P<num2>{_ARABIC}|{CN}))?
        (?P<mag>{MAG})?
        (?P<mid>余|多)?
        (?P<mag2>{MAG})?
        (?:\s(?=[A-Za-z]))?(?P<unit>{_UNIT_ALTS})?
    )
    (?P<post>及以上|及以下|以上|以下|以内|之内|左右|上下(?!游)|级(?![别数])|多)?
    """,
    re.VERBOSE,
)

# Context rules for what is not a figure; none looks further than _CONTEXT characters.
