"""Where a story's text names a period (2025年前8个月, 上半年, 截至2025年底, 十四五期间, 到2027年,
全年, 目前 …) and the publication month and year that relative words refer to (periods.py
assigns them to figures)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

from .numerals import parse_number

_CNNUM = "一二三四五六七八九十两"
NUM = rf"(?:\d{{1,2}}|[{_CNNUM}]{{1,3}})"
_YEAR = r"((?:19|20)\d\d)\s*年"
_MONTH_RANGE = re.compile(_YEAR + rf"\s*(?:({NUM})月?\s*(?:份)?\s*[-—–~～至到]\s*|前)({NUM})\s*(?:个)?月(?:份)?")
_QUARTERS = re.compile(_YEAR + r"\s*(?:第?([一二三四1-4])季度|(前三季度)|(上半年)|(下半年)|(前两季度))")
_STOCK_AT = re.compile(r"截至\s*" + _YEAR + rf"(?:\s*({NUM})月)?(?:底|末|年底|年末|\d{{1,2}}日)?")
_STOCK_MONTH = re.compile(rf"截至\s*({NUM})月(?:底|末|份|\d{{1,2}}日)?")
_STOCK_NOW = re.compile(r"截至目前|截至当前|截至今年|目前|如今|当前|现有")
_YEAR_RANGE = re.compile(r"((?:19|20)\d\d)\s*年?\s*[-—–~～至到]\s*((?:19|20)\d\d)\s*年")
_PLAN_PERIODS = {"十三五": (2016, 2020), "十四五": (2021, 2025), "十五五": (2026, 2030)}
_PLAN_SPAN = re.compile(r"[“\"]?(十三五|十四五|十五五)[”\"]?(?:期间|时期|以来)")
_SINCE = re.compile(r"(?:自|从)?" + _YEAR + r"(?:\s*\d{1,2}月)?[^，。；]{0,12}?以来")
_A_YEAR = re.compile(_YEAR + r"(?:度|全年)?")
_TARGET = re.compile(r"到\s*((?:19|20)\d\d)\s*年|力争|预计|计划|目标|有望|将(?:达到?|实现|突破|超过)|规划")
_RELATIVE = re.compile(r"(今年以来|本年以来|年初以来|全年|当年|去年|上年|上一年|今年|本年|前([二三四五六七八九十\d]{1,2})个月|"
                       rf"{NUM}\s*月?\s*[-—–~～至到]\s*{NUM}\s*月(?:份)?|"
                       r"上半年|下半年|前三季度|([一二三四])季度|连续([二三四五六七八九十\d]{1,2})年|"
                       r"近([二三四五六七八九十\d]{1,2})年)")

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


def count_of(text: str) -> Optional[int]:
    value = parse_number(text)
    return int(value) if value is not None and value == int(value) else None


def find_mentions(text: str) -> list[Mention]:
    """Every period expression of a text, in order, the longest at each place."""
    return list(_find_mentions(text))


@lru_cache(maxsize=256)  # a story's texts are read for its reference year, then for its figures
def _find_mentions(text: str) -> tuple[Mention, ...]:
    found: list[Mention] = []
    for m in _STOCK_AT.finditer(text):
        month = count_of(m.group(2)) if m.group(2) else 12
        found.append(Mention(m.start(), m.end(), "stock", f"≤{m.group(1)}-{month:02d}", int(m.group(1))))
    for m in _STOCK_MONTH.finditer(text):
        month = count_of(m.group(1))
        if month and 1 <= month <= 12:
            found.append(Mention(m.start(), m.end(), "stock_month", "", None, month))
    for m in _MONTH_RANGE.finditer(text):
        first = count_of(m.group(2)) if m.group(2) else 1
        last = count_of(m.group(3))
        if first and last and 1 <= first <= last <= 12:
            y = m.group(1)
            value = y if (first, last) == (1, 12) else f"{y}-{first:02d}/{y}-{last:02d}"
            found.append(Mention(m.start(), m.end(), "period", value, int(y)))
    for m in _QUARTERS.finditer(text):
        y = m.group(1)
        if m.group(2):
            value = f"{y}-Q{count_of(m.group(2)) if not m.group(2).isdigit() else m.group(2)}"
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
    return tuple(kept)


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
