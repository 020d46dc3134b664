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
from typing import Callable, Optional, Sequence, Union

from ..model import DURATION_UNITS, Fact
from .period_mentions import NUM, Mention, Published, count_of, find_mentions

_STOCK_IN_PERIOD = re.compile(r"总数|总量|拥有|共有|现有")
_ONGOING = re.compile(r"累计|已|拥有|集聚|共有|总数|现有|目前|如今|培育了")
_NEW = re.compile(r"获聘|新增|新引进|新设立|新设|新获|新认定|新注册|新签约|新开工|引进|入库|入选|获批|获评|获认定|"
                  r"认定|授信|举办|增长|完成|实现|签约|开工|落地|发放|带动|吸引|走访|达成")



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
    m = re.fullmatch(rf"({NUM})\s*月?\s*[-—–~～至到]\s*({NUM})\s*月(?:份)?", word)
    if m and count_of(m.group(1)) and count_of(m.group(2)) and 1 <= count_of(m.group(1)) <= count_of(m.group(2)) <= 12:
        first, last = count_of(m.group(1)), count_of(m.group(2))
        return str(year) if (first, last) == (1, 12) else f"{year}-{first:02d}/{year}-{last:02d}"
    m = re.fullmatch(r"前(.+)个月", word)
    if m and count_of(m.group(1)):
        return f"{year}-01/{year}-{count_of(m.group(1)):02d}"
    m = re.fullmatch(r"(?:连续|近)(.+)年", word)
    if m and count_of(m.group(1)):
        return f"{year - count_of(m.group(1)) + 1}/{year}"
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
