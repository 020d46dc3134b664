"""The period a figure measures, as INDICATORS.md writes it.

    2025               a year (2025年, 2025年度, 全年 when the paragraph names 2025)
    2025-01/2025-08    months of a year (前8个月, 1—8月, 1月至8月, 前三季度)
    2025-H1, 2025-Q3   a half or a quarter (上半年, 三季度)
    ≤2025-12           a stock at a date (截至2025年年末; 累计 beside 新增; 目前/已集聚 undated)
    2021/2025          years (十四五期间, 2021—2025年, 连续五年)
    target:2027        a goal, never a result (到2027年, 力争, 预计, 计划)

A figure takes the last period its paragraph states before it (a headline figure, its story's
first). A year that only the publication date gives (全年 and 去年 with no year in the
paragraph, an undated flow in a year-in-review) and a stock with no date (≤ the publication
month) are marked inferred. Durations, specifications, thresholds and one firm's or project's
money have no period: they measure no time span of the park.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Optional, Sequence, Union

from ..model import DURATION_UNITS, MONEY_UNITS, Fact
from .numerals import parse_number

_CN_NUM = "一二三四五六七八九十两"
_NUM = rf"(?:\d{{1,2}}|[{_CN_NUM}]{{1,3}})"
_YEAR = r"((?:19|20)\d\d)\s*年"
_MONTH_RANGE = re.compile(_YEAR + rf"\s*(?:({_NUM})月?\s*(?:份)?\s*[-—–~～至到]\s*|前)({_NUM})\s*(?:个)?月(?:份)?")
_QUARTERS = re.compile(_YEAR + r"\s*(?:第?([一二三四1-4])季度|(前三季度)|(上半年)|(下半年)|(前两季度))")
_STOCK_AT = re.compile(r"截至\s*" + _YEAR + rf"(?:\s*({_NUM})月)?(?:底|末|年底|年末|\d{{1,2}}日)?")
_STOCK_MONTH = re.compile(rf"截至\s*({_NUM})月(?:底|末|份|\d{{1,2}}日)?")
_STOCK_NOW = re.compile(r"截至目前|截至当前|截至今年|目前|如今|当前|现有")
_YEAR_RANGE = re.compile(r"((?:19|20)\d\d)\s*年?\s*[-—–~～至到]\s*((?:19|20)\d\d)\s*年")
_PLAN_PERIODS = {"十三五": (2016, 2020), "十四五": (2021, 2025), "十五五": (2026, 2030)}
_PLAN_SPAN = re.compile(r"[“\"]?(十三五|十四五|十五五)[”\"]?(?:期间|时期|以来)")
_SINCE = re.compile(r"(?:自|从)?" + _YEAR + r"(?:\s*\d{1,2}月)?[^，。；]{0,12}?以来")
_A_YEAR = re.compile(_YEAR + r"(?:度|全年)?")
_TARGET = re.compile(r"到\s*((?:19|20)\d\d)\s*年|力争|预计|计划|目标|有望|将(?:达到?|实现|突破|超过)|规划")
_RELATIVE = re.compile(r"(今年以来|本年以来|年初以来|全年|当年|去年|上年|上一年|今年|本年|前([二三四五六七八九十\d]{1,2})个月|"
                       rf"{_NUM}\s*月?\s*[-—–~～至到]\s*{_NUM}\s*月(?:份)?|"
                       r"上半年|下半年|前三季度|([一二三四])季度|连续([二三四五六七八九十\d]{1,2})年|"
                       r"近([二三四五六七八九十\d]{1,2})年)")
_STOCK_IN_PERIOD = re.compile(r"总数|总量|拥有|共有|现有")
_ONGOING = re.compile(r"累计|已|拥有|集聚|共有|总数|现有|目前|如今|培育了")
_NEW = re.compile(r"获聘|新增|新引进|新设立|新设|新获|新认定|新注册|新签约|新开工|引进|入库|入选|获批|获评|获认定|"
                  r"认定|授信|举办|增长|完成|实现|签约|开工|落地|发放|带动|吸引|走访|达成")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    kind: str  # period | stock | stock_month | target | since | relative | now
    value: str = ""  # the normalised period when the text gives it whole
    year: Optional[int] = None
    extra: int = 0  # months of 前N个月, years of 连续N年, quarter number


@dataclass(frozen=True)
class Published:
    """The publication month (YYYY-MM) and the story's reference year: the year its results
    report, by the years it states (a January review of 2023 states 2023)."""
    month: Optional[str]
    year: Optional[int]


def _number(text: str) -> Optional[int]:
    value = parse_number(text)
    return int(value) if value is not None and value == int(value) else None


def find_mentions(text: str) -> list[Mention]:
    """Every period expression of a text, in order, the longest at each place."""
    found: list[Mention] = []
    for m in _STOCK_AT.finditer(text):
        month = _number(m.group(2)) if m.group(2) else 12
        found.append(Mention(m.start(), m.end(), "stock", f"≤{m.group(1)}-{month:02d}", int(m.group(1))))
    for m in _STOCK_MONTH.finditer(text):
        month = _number(m.group(1))
        if month and 1 <= month <= 12:
            found.append(Mention(m.start(), m.end(), "stock_month", "", None, month))
    for m in _MONTH_RANGE.finditer(text):
        first = _number(m.group(2)) if m.group(2) else 1
        last = _number(m.group(3))
        if first and last and 1 <= first <= last <= 12:
            y = m.group(1)
            value = y if (first, last) == (1, 12) else f"{y}-{first:02d}/{y}-{last:02d}"
            found.append(Mention(m.start(), m.end(), "period", value, int(y)))
    for m in _QUARTERS.finditer(text):
        y = m.group(1)
        if m.group(2):
            value = f"{y}-Q{_number(m.group(2)) if not m.group(2).isdigit() else m.group(2)}"
        elif m.group(3):
            value = f"{y}-01/{y}-09"
        elif m.group(4) or m.group(6):
            value = f"{y}-H1"
        else:
            value = f"{y}-H2"
        found.append(Mention(m.start(), m.end(), "period", value, int(y)))
    for m in _YEAR_RANGE.finditer(text):
        found.append(Mention(m.start(), m.end(), "period", f"{m.group(1)}/{m.group(2)}", int(m.group(2))))
    for m in _PLAN_SPAN.finditer(text):
        first, last = _PLAN_PERIODS[m.group(1)]
        found.append(Mention(m.start(), m.end(), "period", f"{first}/{last}", last))
    for m in _SINCE.finditer(text):
        found.append(Mention(m.start(), m.end(), "since", "", int(m.group(1))))
    for m in _TARGET.finditer(text):
        found.append(Mention(m.start(), m.end(), "target", "", int(m.group(1)) if m.group(1) else None))
    for m in _A_YEAR.finditer(text):
        found.append(Mention(m.start(), m.end(), "period", m.group(1), int(m.group(1))))
    for m in _RELATIVE.finditer(text):
        found.append(Mention(m.start(), m.end(), "relative", m.group(1)))
    for m in _STOCK_NOW.finditer(text):
        found.append(Mention(m.start(), m.end(), "now"))
    # Keep the longest mention at each place: 截至2025年年末 over 2025年, 2025年1—8月 over 2025年.
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end and mention.kind != "target":
            continue
        kept.append(mention)
    return kept


def published(story_date: Optional[str], texts: Sequence[str]) -> Published:
    """Publication month from the story's date, and the year the story reports."""
    month = story_date[:7] if story_date and len(story_date) >= 7 else None  # a date known to the year has none
    pub_year = int(story_date[:4]) if story_date else None
    years: Counter = Counter()
    for text in texts:
        for mention in find_mentions(text):
            if mention.kind in ("period", "stock", "since") and mention.year and \
                    (pub_year is None or mention.year <= pub_year):
                years[mention.year] += 1
    if years:
        top = max(years.values())
        year = max(y for y, n in years.items() if n == top)
    elif pub_year is not None:
        # Nothing stated: a page printed early in a year reviews the one before.
        year = pub_year - 1 if month and int(month[5:]) <= 2 else pub_year
    else:
        year = None
    return Published(month, year)


Texts = Callable[[Union[int, str]], str]
_WINDOW = 300
_NEAREST = 40  # period mentions looked back at from a figure
_SENTENCE_END = re.compile(r"[。！？!?]")
_CLAUSE_END = re.compile(r"[。！？!?；;，,]")
_EVENT = re.compile(r"此次|本次|这次|当天|会上|该名单|名单中")


def assign_periods(facts: Sequence[Fact], text_of: Texts, first_block: Union[int, str, None],
                   when: Published) -> None:
    """Set period and period_inferred on each figure of one story. A headline figure, and one
    that refers to the story's event (此次, 本次), takes the first period of the lead paragraph."""
    mentions: dict = {}

    def mentions_of(block: Union[int, str]) -> list[Mention]:
        if block not in mentions:
            mentions[block] = find_mentions(text_of(block))
            ends[block] = [m.end for m in mentions[block]]
        return mentions[block]
    ends: dict = {}

    lead = next((m for m in mentions_of(first_block) if m.kind in ("period", "stock")), None) \
        if first_block is not None else None
    previous: Optional[Fact] = None
    for fact in facts:
        fact.period, fact.period_inferred = None, False
        if not _has_period(fact):
            previous = fact
            continue
        text = text_of(fact.block)
        if fact.block == "title":
            fact.period, fact.period_inferred = (lead.value, False) if lead else _reference(when)
        elif _follows_level(fact, previous, text):
            fact.period, fact.period_inferred = previous.period, previous.period_inferred
        else:
            found = mentions_of(fact.block)
            fact.period, fact.period_inferred = _period_for(fact, text, found, ends[fact.block], when, lead)
        previous = fact


def _reference(when: Published) -> tuple[Optional[str], bool]:
    return (str(when.year), True) if when.year else (None, False)


def _follows_level(fact: Fact, previous: Optional[Fact], text: str) -> bool:
    """累计15家、占全市8%: a share printed right after a level is of the same period."""
    if previous is None or previous.block != fact.block or fact.unit not in ("percent", "other"):
        return False
    between = text[previous.start + len(previous.surface):fact.start]
    return len(between) <= 6 and bool(re.match(r"^[、，,]?(?:占|约占|均占)", between))


def _has_period(fact: Fact) -> bool:
    """Durations, specifications, levels (千亿元级) and process gains measure no span of the
    park's time."""
    if fact.unit in DURATION_UNITS or fact.unit in ("kV", "kW", "GW", "sqm", "mu"):
        return False
    if fact.unit == "other" and "/" not in fact.surface and "分之" not in fact.surface:
        return False
    if fact.surface.endswith(("大", "级", "投")):
        return False
    if fact.unit == "percent" and not fact.change and not fact.share_of and \
            re.search(r"提升|提高|压缩|缩短|降低|减少|低|高|快", fact.label_zh[-4:] or ""):
        return False  # 审批效率提升30%, 利率低10个百分点: a gain of a process, not a period's figure
    return True


def _partial(mention: Mention, when: Published) -> bool:
    """Months, quarters, halves and runs of years speak for their own sentence only."""
    if mention.kind == "since":
        return "/" in (_since(mention.year, when)[0] or "/")
    if mention.kind == "relative":
        return not re.fullmatch(r"全年|当年|去年|上年|上一年|今年|本年", mention.value)
    return mention.kind == "period" and not re.fullmatch(r"\d{4}", mention.value)


def _period_for(fact: Fact, text: str, mentions: list[Mention], ends: list[int], when: Published,
                lead: Optional[Mention]) -> tuple[Optional[str], bool]:
    at = fact.start
    end = at + len(fact.surface)
    # Bounded windows: a page pasted as one unpunctuated line must stay linear.
    window = text[max(0, at - _WINDOW):at]
    sentence_start = at - len(window) + max((m.end() for m in _SENTENCE_END.finditer(window)), default=0)
    clause_start = at - len(window) + max((m.end() for m in _CLAUSE_END.finditer(window)), default=0)
    clause_stop = _CLAUSE_END.search(text, end, end + _WINDOW)
    clause = text[clause_start:clause_stop.start() if clause_stop else min(len(text), end + _WINDOW)]
    sentence = text[sentence_start:at]
    before = []  # mentions before the figure that reach it, oldest first
    last = bisect_right(ends, at) - 1
    for i in range(last, max(-1, last - _NEAREST), -1):  # the nearest are all the rules look at
        m = mentions[i]
        if m.start >= sentence_start or not _partial(m, when):
            before.append(m)
    before.reverse()
    in_sentence = [m for m in before if m.start >= sentence_start]
    target = next((m for m in reversed(in_sentence) if m.kind == "target"), None)
    if target is not None:
        year = target.year or next((m.year for m in reversed(in_sentence) if m.year), None)
        return (f"target:{year}", False) if year else (None, False)
    context = next((m for m in reversed(before) if m.kind != "target"), None)
    stock_now = (f"≤{when.month}", True) if when.month else (None, False)
    if context is None:
        if _EVENT.search(sentence) and lead is not None:
            return lead.value, False
        if _ONGOING.search(clause) or not _NEW.search(clause):
            return stock_now
        return _reference(when)
    if context.kind == "stock":
        return context.value, False
    if context.kind == "stock_month":  # 截至8月底: of the year the paragraph speaks of
        stated = next((m for m in reversed(before) if m.kind in ("period", "stock") and m.year), None)
        year = stated.year if stated else int(when.month[:4]) if when.month else None
        return (f"≤{year}-{context.extra:02d}", stated is None) if year else (None, False)
    if context.kind == "now":
        return stock_now
    if context.kind == "since":
        return stock_now if "累计" in sentence else _since(context.year, when)
    year, inferred = _context_year(context, before, when)
    if context.kind == "relative" and context.value.endswith("以来") and year:
        return _since(year, when)[0], True  # 今年以来 in October: January to September
    value = _relative(context.value, year) if context.kind == "relative" else context.value
    if value is None:
        return (str(year), inferred) if year else (None, False)
    if context.start < sentence_start and _stock_words(clause, sentence):
        return stock_now  # 2023年… 。目前已集聚…: a stock now, not in the year stated before
    if "累计" in clause and "新增" in text[sentence_start:clause_start] or _STOCK_IN_PERIOD.search(clause):
        return f"≤{_period_end(value)}", inferred  # 新增4家，累计15家 / 总数达628家: the stock at the period's end
    return value, inferred


def _stock_words(clause: str, sentence: str) -> bool:
    """已集聚 / 拥有 / 目前 in the figure's own sentence, with the period stated earlier."""
    return bool(re.search(r"已(?:集聚|拥有|累计|突破)|集聚了?|拥有|目前|如今|现有", sentence))


def _context_year(context: Mention, before: list[Mention], when: Published) -> tuple[Optional[int], bool]:
    if context.kind != "relative":
        return context.year, False
    stated = next((m for m in reversed(before) if m.kind in ("period", "stock") and m.year), None)
    word = context.value
    if word in ("去年", "上年", "上一年"):
        return (int(when.month[:4]) - 1 if when.month else None), True
    if word in ("今年", "本年", "今年以来", "本年以来", "年初以来"):
        return (int(when.month[:4]) if when.month else None), True
    if stated is not None:
        return stated.year, False
    return when.year, True


def _relative(word: str, year: Optional[int]) -> Optional[str]:
    if year is None:
        return None
    if word in ("全年", "当年", "去年", "上年", "上一年", "今年", "本年"):
        return str(year)
    if word == "上半年":
        return f"{year}-H1"
    if word == "下半年":
        return f"{year}-H2"
    if word == "前三季度":
        return f"{year}-01/{year}-09"
    m = re.fullmatch(r"([一二三四])季度", word)
    if m:
        return f"{year}-Q{'一二三四'.index(m.group(1)) + 1}"
    m = re.fullmatch(rf"({_NUM})\s*月?\s*[-—–~～至到]\s*({_NUM})\s*月(?:份)?", word)
    if m and _number(m.group(1)) and _number(m.group(2)) and 1 <= _number(m.group(1)) <= _number(m.group(2)) <= 12:
        first, last = _number(m.group(1)), _number(m.group(2))
        return str(year) if (first, last) == (1, 12) else f"{year}-{first:02d}/{year}-{last:02d}"
    m = re.fullmatch(r"前(.+)个月", word)
    if m and _number(m.group(1)):
        return f"{year}-01/{year}-{_number(m.group(1)):02d}"
    m = re.fullmatch(r"(?:连续|近)(.+)年", word)
    if m and _number(m.group(1)):
        return f"{year - _number(m.group(1)) + 1}/{year}"
    return None


def _since(year: Optional[int], when: Published) -> tuple[Optional[str], bool]:
    """2023年以来 in January 2024 is 2023; in mid-2025, 2025年以来 is the months so far."""
    if year is None or not when.month:
        return (str(year), False) if year else (None, False)
    pub_year, pub_month = int(when.month[:4]), int(when.month[5:])
    end_year, end_month = (pub_year, pub_month - 1) if pub_month > 1 else (pub_year - 1, 12)
    if year == end_year:
        return (str(year), False) if end_month == 12 else (f"{year}-01/{year}-{end_month:02d}", True)
    if year < end_year:
        return f"{year}/{end_year}", True
    return str(year), False


def _period_end(value: str) -> str:
    """The month a period ends: 2025 → 2025-12, 2025-01/2025-08 → 2025-08, 2025-H1 → 2025-06."""
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-12"
    if "/" in value:
        end = value.split("/")[1]
        return end if "-" in end else f"{end}-12"
    m = re.fullmatch(r"(\d{4})-(H|Q)(\d)", value)
    if m:
        month = 6 * int(m.group(3)) if m.group(2) == "H" else 3 * int(m.group(3))
        return f"{m.group(1)}-{month:02d}"
    return value


# ---------------------------------------------------------------- display

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_QUARTER_ZH = "一二三四"
_INFERRED = {"zh-Hans": "（据发布日期推定）", "zh-Hant": "（據發布日期推定）",
             "en": " (inferred from the publication date)"}


def format_period(period: Optional[str], lang: str) -> str:
    """A period as a reader reads it: 2025年1—8月 / Jan–Aug 2025, 截至2025年底 / end of 2025,
    2027年目标 / 2027 target. "" when there is none."""
    if not period:
        return ""
    en = lang == "en"
    hant = lang == "zh-Hant"
    if period.startswith("target:"):
        year = period.split(":", 1)[1]
        return f"{year} target" if en else f"{year}年目{'標' if hant else '标'}"
    if period.startswith("≤"):
        year, month = period[1:].split("-")
        if en:
            return f"end of {year}" if month == "12" else f"as of {_MONTHS_EN[int(month) - 1]} {year}"
        return f"截至{year}年底" if month == "12" else f"截至{year}年{int(month)}月"
    m = re.fullmatch(r"(\d{4})-(H|Q)(\d)", period)
    if m:
        year, kind, n = m.group(1), m.group(2), int(m.group(3))
        if en:
            return f"{kind}{n} {year}"
        return f"{year}年{'上' if n == 1 else '下'}半年" if kind == "H" else f"{year}年{_QUARTER_ZH[n - 1]}季度"
    if "/" in period:
        first, last = period.split("/")
        if "-" not in first:
            return f"{first}–{last}" if en else f"{first}—{last}年"
        (y1, m1), (y2, m2) = first.split("-"), last.split("-")
        if en:
            start = _MONTHS_EN[int(m1) - 1] + ("" if y1 == y2 else f" {y1}")
            return f"{start}–{_MONTHS_EN[int(m2) - 1]} {y2}"
        if y1 == y2:
            return f"{y1}年{int(m1)}—{int(m2)}月"
        return f"{y1}年{int(m1)}月—{y2}年{int(m2)}月"
    m = re.fullmatch(r"(\d{4})-(\d{2})", period)
    if m:
        return f"{_MONTHS_EN[int(m.group(2)) - 1]} {m.group(1)}" if en else f"{m.group(1)}年{int(m.group(2))}月"
    return period if en else f"{period}年"


def inferred_note(lang: str) -> str:
    """What a mark on an inferred period says."""
    return _INFERRED.get(lang, _INFERRED["en"])
