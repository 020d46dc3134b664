"""The figures of a Chinese paragraph and of its English translation, made comparable.

Both sides become lists of Figure(value, unit) so that 8.86亿美元 and "US$886 million" are the
same (886e6, "USD"), 超200个 and "over 200" are (200, "number"), 两条 and "two" are (2, "number"),
百分之二十 and "20 percent" are (20, "percent"), 近1/10 and "nearly one-tenth" are (0.1, "fraction").
Years, months and ordinals count as numbers (2025年 / 2025, 11月 / November, 第五届 / fifth).

Written by hand: translate-toolkit's `numbers` check compares digit strings, which cannot see that
8.86亿 is 886 million, and no library found reads Chinese and English quantities into one scale.
This is comparison-oriented on purpose (values and unit classes only; qualifiers such as 超 or
"over" are not compared), unlike the fact extractor, which labels and ranks figures.

A figure is *hard* when it is unmistakably a quantity (Arabic digits; a Chinese numeral with a
measure word, 两条; an English cardinal word, "two"), *soft* when the same word is often not one
(一 and "one", which also mean "a"; 一批 is "a batch of"; ordinals "first"/"second"; 千 in 千方百计).
A soft figure may answer for a hard one on the other side but is never reported missing itself.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from ...figures.numerals import fold_digits, magnitude, parse_chinese, parse_fraction

UNITS = ("number", "percent", "fraction", "CNY", "USD", "EUR", "HKD", "JPY", "GBP")


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str  # one of UNITS
    surface: str  # as written, for the report
    hard: bool = True
    scale: float = 1.0  # the 亿 or "million" in the value, which a range's first number shares

    @property
    def key(self) -> tuple[str, float]:
        # Six significant digits: 8.86 * 1e8 and 886 * 1e6 differ only in float noise.
        return self.unit, float("%.6g" % self.value)

    def describe(self) -> str:
        shown = "%g" % self.key[1] if abs(self.value) < 1e6 else "{:,.0f}".format(self.value)
        return "%s (%s %s)" % (self.surface, shown, self.unit)


@dataclass(frozen=True)
class FigureMismatch:
    missing: tuple[Figure, ...]  # Chinese figures the English does not have
    added: tuple[Figure, ...]  # English figures the Chinese does not have

    def __bool__(self) -> bool:
        return bool(self.missing or self.added)


# ---------------------------------------------------------------- Chinese

CN_NUM = "零〇一二两三四五六七八九十百千万亿"
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
# 千 before 瓦/克/米 is the metric prefix (35千瓦 is 35 kW), not a thousand.
ZH_MAGNITUDE = r"(?:[万亿百]|千(?![瓦克米伏帕焦赫]))*"
ZH_APPROX = r"(?:多|余|来|左右|以上|以下)?"
ZH_CURRENCY = (("美元", "USD"), ("欧元", "EUR"), ("港元", "HKD"), ("港币", "HKD"), ("日元", "JPY"),
               ("英镑", "GBP"), ("元", "CNY"), ("人民币", "CNY"))
# After a Chinese numeral these make it a quantity (两条, 三个, 五届); without one, 三 in 三农
# or 四 in 四面八方 is part of a word.
MEASURE_WORDS = ("个 条 家 项 次 届 名 位 人 年 月 日 天 周 倍 所 座 台 件 种 类 款 支 只 套 场 期 轮 "
                 "批 户 栋 幢 层 篇 部 份 组 支 队 架 艘 辆 列 株 棵 亩 公顷 平方 米 公里 千米 吨 千克 "
                 "克 瓦 千瓦 伏 度 小时 分钟 秒 季度 大 道 门 片 元 美元 欧元 岁 强 成").split()
ZH_TOKEN = re.compile(
    r"(?P<pct>百分之)(?P<pctnum>%s|[%s点]+)"
    r"|(?P<top>%s|[%s]+)分之(?P<bottom>%s|[%s]+)"
    r"|(?P<ftop>\d+)/(?P<fbottom>\d+)"
    r"|(?P<ord>第)?(?P<num>%s|[%s]+(?:点[零〇一二三四五六七八九]+)?)(?P<mag>%s)(?P<approx>%s)"
    r"(?P<mag2>[万亿]*)"  # 1500多万元 is "more than 15 million yuan"
    r"|(?P<pair>双)"
    % (ARABIC, CN_NUM, ARABIC, CN_NUM, ARABIC, CN_NUM, ARABIC, CN_NUM, ZH_MAGNITUDE, ZH_APPROX))
VAGUE_BEFORE = ("数", "几", "若干")  # 数十家 "dozens of", 几百 "a few hundred"
FIVE_YEAR_PLANS = {"十四五": (14, 5), "十五五": (15, 5), "十三五": (13, 5)}
RANGE_ZH = re.compile(r"\s*(?:-|–|—|~|～|至|到)\s*$")


def chinese_figures(text: str) -> list[Figure]:
    """Figures of a Chinese text, left to right."""
    text = fold_digits(text)
    figures: list[tuple[int, int, Figure]] = []
    for match in ZH_TOKEN.finditer(text):
        figure = chinese_figure(match, text)
        if isinstance(figure, list):
            figures += [(match.start(), match.end(), f) for f in figure]
        elif figure is not None:
            figures.append((match.start(), match.end(), figure))
    return spread_ranges(figures, text, RANGE_ZH)


def chinese_figure(match: re.Match, text: str):
    surface = match.group(0)
    if match.group("pct"):
        value = read_number(match.group("pctnum"))
        return Figure(value, "percent", surface) if value is not None else None
    if match.group("bottom"):  # 三分之一: the denominator comes first
        value = parse_fraction(surface)
        return Figure(value, "fraction", surface) if value else None
    if match.group("fbottom"):
        value = parse_fraction(surface)
        return Figure(value, "fraction", surface) if value else None
    if match.group("pair"):  # 双方 "the two sides", 双电源 "dual power"
        return Figure(2, "number", surface, hard=False)
    num = match.group("num")
    if num in FIVE_YEAR_PLANS:
        return [Figure(v, "number", num) for v in FIVE_YEAR_PLANS[num]]
    before = text[:match.start()]
    if before.endswith(VAGUE_BEFORE) or text[match.end():].startswith("几"):
        return None
    after = text[match.end():]
    # A bare 万 or 亿 is one of them: 万家注册企业 "per 10,000 registered companies".
    base = magnitude(num) if num in ("万", "亿") else read_number(num)
    scale = magnitude(match.group("mag") + match.group("mag2"))
    if base is None or scale is None:
        return None
    unit, after_unit = chinese_unit(after, before)
    value = base * scale * (10 if unit == "percent" and after.startswith("成") else 1)
    arabic = num[0].isdigit()
    measured = after.startswith(tuple(MEASURE_WORDS)) or unit != "number"
    hard = value not in (0, 1) and (arabic or bool(match.group("ord")) or (
        measured and num[0] not in "百千万亿"))  # 千家万户 is "thousands of households"
    return Figure(value, unit, surface + after_unit, hard, scale)


def chinese_unit(after: str, before: str) -> tuple[str, str]:
    """The unit class a figure takes from what follows it (or 人民币 before it) and its text."""
    if after[:1] in "%％":
        return "percent", after[:1]
    for word in ("个百分点", "百分点", "成"):
        if after.startswith(word) and not after.startswith("成为"):
            return "percent", word
    for word, unit in ZH_CURRENCY:
        if after.startswith(word):
            return unit, word
    if before.endswith(("人民币", "￥", "¥")):
        return "CNY", ""
    return "number", ""


def read_number(text: str) -> Optional[float]:
    text = text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return parse_chinese(text)


# ---------------------------------------------------------------- English

SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen").split()
TENS = dict(zip("twenty thirty forty fifty sixty seventy eighty ninety".split(), range(20, 100, 10)))
ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
            "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
            "twentieth").split()
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
             **{ORDINALS[n - 1]: n for n in range(4, 21)},
             **{ORDINALS[n - 1] + "s": n for n in range(4, 21)}}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "mn": 1e6, "bn": 1e9}
MONTHS = ("January February March April May June July August September October November "
          "December").split()
EN_CURRENCY_BEFORE = {"us$": "USD", "$": "USD", "usd": "USD", "rmb": "CNY", "cny": "CNY",
                      "¥": "CNY", "€": "EUR", "eur": "EUR", "hk$": "HKD"}
EN_CURRENCY_AFTER = (("yuan", "CNY"), ("rmb", "CNY"), ("renminbi", "CNY"),
                     ("us dollars", "USD"), ("u.s. dollars", "USD"), ("dollars", "USD"),
                     ("usd", "USD"), ("euros", "EUR"), ("euro", "EUR"),
                     ("hong kong dollars", "HKD"), ("yen", "JPY"), ("pounds", "GBP"))
WORD = r"(?:%s)" % "|".join(sorted(SMALL + list(TENS), key=len, reverse=True))
CARDINAL = r"%s(?:-%s)?(?:\s+hundred(?:\s+(?:and\s+)?%s(?:-%s)?)?)?" % (WORD, WORD, WORD, WORD)
EN_TOKEN = re.compile(
    r"(?P<fnum>\d+)/(?P<fden>\d+)"
    r"|\b(?P<ftop>a|one|two|three|four|five|six|seven|eight|nine)[-\s]"
    r"(?P<fden_word>%s)\b(?!-\w)"
    r"|(?P<cur>US\$|HK\$|\$|¥|€|\b(?:USD|RMB|CNY|EUR)\b)?\s?(?P<num>%s)(?P<th>st|nd|rd|th\b)?(?![\d.,]\d)"
    r"|\b(?P<word>%s)\b"
    r"|\b(?P<ordword>%s)\b"
    r"|\b(?P<month>%s)\b"
    r"|\b(?:Phase|Stage|Class|phase|stage|class)\s+(?P<roman>IX|IV|VI{0,3}|I{1,3}|X)\b"
    r"|\b(?P<half>half)\b"
    % ("|".join(sorted(FRACTIONS, key=len, reverse=True)), ARABIC, CARDINAL, "|".join(ORDINALS),
       "|".join(MONTHS)), re.IGNORECASE)
EN_SCALE = re.compile(r"[\s-]?(%s)\b" % "|".join(SCALES), re.IGNORECASE)
EN_PERCENT = re.compile(r"\s?(%|percent(?:age points?)?\b|per cent\b)", re.IGNORECASE)
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9,
         "X": 10}
RANGE_EN = re.compile(r"\s*(?:-|–|—|to)\s*$", re.IGNORECASE)
MAY_MONTH = re.compile(r"May(?=\s+\d)|(?<=\bin )May\b|(?<=\bof )May\b|(?<=-)May\b")


def english_figures(text: str) -> list[Figure]:
    """Figures of an English text, left to right."""
    figures: list[tuple[int, int, Figure]] = []
    for match in EN_TOKEN.finditer(text):
        if not match.group(0).strip():
            continue
        figure, end = english_figure(match, text)
        if figure is not None:
            figures.append((match.start(), end, figure))
    return spread_ranges(figures, text, RANGE_EN)


def english_figure(match: re.Match, text: str) -> tuple[Optional[Figure], int]:
    end = match.end()
    if match.group("fden"):
        return Figure(int(match.group("fnum")) / int(match.group("fden")), "fraction",
                      match.group(0)), end
    if match.group("fden_word"):
        top = 1 if match.group("ftop").lower() in ("a", "one") else word_value(match.group("ftop"))
        return Figure(top / FRACTIONS[match.group("fden_word").lower()], "fraction",
                      match.group(0)), end
    if match.group("month"):
        name = match.group("month")
        if name != name.capitalize() or (name == "May" and not MAY_MONTH.match(text, match.start())):
            return None, end
        return Figure(MONTHS.index(name) + 1, "number", name), end
    if match.group("roman"):  # soft: the Chinese often keeps the Roman numeral (II期临床)
        return Figure(ROMAN[match.group("roman").upper()], "number", match.group(0), False), end
    if match.group("half"):  # soft: "the first half of the year" is 上半年
        return Figure(0.5, "fraction", match.group(0), hard=False), end
    if match.group("ordword"):
        value = ORDINALS.index(match.group("ordword").lower()) + 1
        return Figure(value, "number", match.group(0), hard=False), end
    if match.group("word"):
        value, hard = word_value(match.group("word")), True
        hard = value != 1
    else:
        value, hard = float(match.group("num").replace(",", "")), True
        if match.group("th"):
            return Figure(value, "number", match.group(0)), end
    unit = EN_CURRENCY_BEFORE.get((match.group("cur") or "").lower(), "number")
    scale, scaled = 1.0, EN_SCALE.match(text, end)
    if scaled:
        scale = SCALES[scaled.group(1).lower()]
        value, end = value * scale, scaled.end()
    percent = EN_PERCENT.match(text, end)
    if percent and unit == "number":
        unit, end = "percent", percent.end()
    rest = text[end:].lower()
    for word, currency in EN_CURRENCY_AFTER:
        if unit == "number" and re.match(r"\s?%s\b" % re.escape(word), rest):
            unit, end = currency, end + len(re.match(r"\s?%s" % re.escape(word), rest).group(0))
    return Figure(value, unit, text[match.start():end].strip(), hard, scale), end


def word_value(words: str) -> float:
    """'two' → 2, 'twenty-five' → 25, 'two hundred and five' → 205."""
    total, current = 0, 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word in SMALL:
            current += SMALL.index(word)
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
    return float(total + current)


# ---------------------------------------------------------------- both

def spread_ranges(found: list[tuple[int, int, Figure]], text: str,
                  connector: re.Pattern) -> list[Figure]:
    """3-5亿元 is 3亿元 to 5亿元, "3 to 5 percent" is 3% to 5%: the first bare number of a range
    takes the unit and scale of the second."""
    figures = [f for _, _, f in found]
    for i in range(len(found) - 1):
        (_, end, first), (start, _, second) = found[i], found[i + 1]
        bare = first.unit == "number" and first.scale == 1
        if bare and (second.unit, second.scale) != ("number", 1) \
                and connector.match(text[end:start]):
            figures[i] = Figure(first.value * second.scale, second.unit, first.surface,
                                first.hard, second.scale)
    return figures


# Telephone numbers (0795-6240983, 13912345678) are identifiers copied as they are, not figures.
PHONE = re.compile(r"(?<!\d)(?:0\d{2,3}[-—]\d{7,8}|1[3-9]\d{9}|400[-—]?\d{3}[-—]?\d{4})(?!\d)")


def compare_figures(zh: str, en: str) -> FigureMismatch:
    """Hard figures on either side that nothing on the other side answers for."""
    zh_figures, en_figures = chinese_figures(PHONE.sub(" ", zh)), english_figures(PHONE.sub(" ", en))
    return FigureMismatch(unanswered(zh_figures, en_figures), unanswered(en_figures, zh_figures))


def unanswered(ours: list[Figure], theirs: list[Figure]) -> tuple[Figure, ...]:
    available = Counter(f.key for f in theirs)
    # Hard figures claim their match first, so a soft one never takes it from them.
    left = []
    for figure in sorted(ours, key=lambda f: not f.hard):
        if available[figure.key]:
            available[figure.key] -= 1
        elif figure.hard:
            left.append(figure)
    order = {id(f): i for i, f in enumerate(ours)}
    return tuple(sorted(left, key=lambda f: order[id(f)]))
