"""Dates as pages print them, to the precision they give, and dates inferred from what a text reports.

A date is kept to the precision it was given: 2024-08-16, 2024-08 or 2024, never filled out
with a made-up first day. Where a page states no date (datelines.py looks for one), the text
still bounds it: a newspaper reports the past, so every finished period it reviews (全年, 1—8月,
截至…年底) is a lower bound on the printing date, and the latest bound, to the month, is the
best guess. Plans and targets (预计, 力争, 到2027年, 将于) say nothing about when a text was
written and are left out.
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable, Optional

MIN_YEAR, MAX_YEAR = 1900, 2100  # a digest of park news: anything outside is a typing error
# A page may be dated "today" in China while the build machine's clock is still on yesterday.
FUTURE_SLACK = timedelta(days=1)


@dataclass(frozen=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""
    year: int
    month: Optional[int] = None
    day: Optional[int] = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        """'2024', '2024-08' or '2024-08-16'."""
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
            if self.day:
                text += f"-{self.day:02d}"
        return text

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def after(self, limit: date) -> bool:
        """Certainly later than `limit` (its first possible day is)."""
        return self.first_day() > limit

    def coarsen(self, precision: str) -> "PartialDate":
        if precision == "year":
            return PartialDate(self.year)
        if precision == "month":
            return PartialDate(self.year, self.month or 1)
        return self


def make_date(year: int, month: Optional[int] = None, day: Optional[int] = None) -> Optional[PartialDate]:
    """A PartialDate, or None when the parts are no calendar date in the range we accept."""
    if not MIN_YEAR <= year <= MAX_YEAR or (day and not month):
        return None
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def from_iso(text: Optional[str]) -> Optional[PartialDate]:
    """'2024', '2024-08' or '2024-08-16' (as Story.date holds it) → PartialDate."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text or "")
    if not match:
        return None
    return make_date(*(int(part) if part else None for part in match.groups()))


_CN_DIGIT = dict(zip("〇○零一二三四五六七八九", (0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9)))


def _cn_small(text: str) -> Optional[int]:
    """一 … 三十一 (months and days)."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return _CN_DIGIT.get(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    value = (_CN_DIGIT.get(tens, -99) if tens else 1) * 10 + (_CN_DIGIT.get(ones, -99) if ones else 0)
    return value if value > 0 else None


def cn_year(text: str) -> Optional[int]:
    """'2024' or '二〇二四' → 2024."""
    if text.isdigit():
        return int(text)
    digits = [_CN_DIGIT.get(ch) for ch in text]
    return int("".join(map(str, digits))) if len(digits) == 4 and None not in digits else None


@lru_cache(maxsize=4096)  # the date lines' finder and the furniture's date check fold each line
def fold(text: str) -> str:
    """Full-width digits, colons and slashes to ASCII (NFKC), so one pattern reads both."""
    return unicodedata.normalize("NFKC", text)


# A date as pages write it: 2024年8月16日, 2024-08-16, 2024/8/16, 2024.08.16, 二〇二四年八月十六日,
# 113年8月16日 (民國).
_CN_NUM = "〇○零一二三四五六七八九十"
DATE_RE = re.compile(
    rf"(?<![\d.])(?P<y>(?:19|20)\d\d|[{_CN_NUM}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN_NUM}]{{1,2}})\s*月"
    rf"(?:\s*(?P<d>\d{{1,2}}|[{_CN_NUM}]{{1,3}})\s*[日号])?"
    r"|(?<![\d.])(?P<y2>(?:19|20)\d\d)\s*(?P<sep>[-/.])\s*(?P<m2>\d{1,2})\s*(?P=sep)\s*(?P<d2>\d{1,2})(?![\d.])"
    r"|(?<![\d.])(?P<y3>(?:19|20)\d\d)\s+(?P<m3>\d{1,2})\s*/\s*(?P<d3>\d{1,2})(?![\d.])"  # 2024 05/ 21
    # 民國 years on Taiwanese pages, always with month and day: 113年8月16日 is 2024-08-16
    r"|(?<![\d.])(?P<roc>1[0-2]\d)\s*年\s*(?P<m4>\d{1,2})\s*月\s*(?P<d4>\d{1,2})\s*[日号]")
ROC_OFFSET = 1911  # 民國元年 is 1912
TIME_RE = re.compile(r"(?:(?:上午|下午|晚上|凌晨)\s*)?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?")


def date_of(match: re.Match) -> Optional[PartialDate]:
    """The PartialDate a DATE_RE match names (None for 2024年13月 and the like)."""
    for y, m, d in (("y2", "m2", "d2"), ("y3", "m3", "d3")):
        if match.group(y):
            return make_date(int(match.group(y)), int(match.group(m)), int(match.group(d)))
    if match.group("roc"):
        return make_date(int(match.group("roc")) + ROC_OFFSET, int(match.group("m4")), int(match.group("d4")))
    year, month = cn_year(match.group("y")), _cn_small(match.group("m"))
    day = _cn_small(match.group("d")) if match.group("d") else None
    if year is None or month is None or (match.group("d") and day is None):
        return None
    return make_date(year, month, day)


def parse_date(value: object) -> Optional[PartialDate]:
    """An editor's date: a YAML date, 2024 (a number), or text such as 2026-01-15, 2026-01,
    2026, 2026/1/15 or 2026年1月15日; None when it is none of these or out of range."""
    if isinstance(value, date):
        return make_date(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool):
        return make_date(value)
    if not isinstance(value, str):
        return None
    text = fold(value).strip()
    match = re.fullmatch(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?", text) or \
        re.fullmatch(r"(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?", text)
    if not match:
        return None
    return make_date(*(int(part) if part else None for part in match.groups()))


# ------------------------------------------------------------------ inference from the text

# Words that make a clause a plan, a forecast or a target rather than a report.
_PLAN = re.compile(r"预计|预期|力争|争取|计划|规划|目标|将(?!近)|拟|有望|届时|远景|"
                   r"(?<![截直])(?:到|至)\s*(?:19|20)\d\d年|(?:19|20)\d\d年(?:底|末)?前(?![\d一二三四五六七八九十两个半季])|"
                   r"(?:19|20)\d\d年(?:行动|计划|规划|方案|目标|远景)")
_CLAUSE = re.compile(r"[^，,。；;！？!?、\n]*[，,。；;！？!?、\n]?")

_FULL_DATE = re.compile(r"(20\d\d)年(\d{1,2})月(\d{1,2})日")
_YEAR_MONTH = re.compile(r"(20\d\d)年(\d{1,2})月(?!\d*日)")
_PERIOD_END = re.compile(r"(20\d\d)年(?:1?[-—至~～]|前)(\d{1,2})(?:个)?月|截至(20\d\d)年(\d{1,2})月(?:底|末)")
_YEAR_DONE = re.compile(r"(20\d\d)年(?:全年|年底|年末|年内|度|以来)|全年|截至(20\d\d)年(?:年底|年末|底)")
# 2025年，全区实现… / 2022年区内…实现产值…: a year's results (not 2025年前8个月, 上半年, 一季度…).
_YEAR_PAST = re.compile(r"(20\d\d)年(?![前上下一二三四\d１-９全底末度以])[，,]?\s*[^，。]{0,40}?"
                        r"(?:累计|实现|完成|新增|新引进|引进|举办|达到|突破|获批)")
_YEAR_IS = re.compile(r"(20\d\d)年(?:是|一季度)")
_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日")
_ANY_YEAR = re.compile(r"(20\d\d)年")


def drop_plans(text: str) -> str:
    """The text with every clause that states a plan or target blanked out; a bare 2027年
    clause goes with the plan clause after it (2027年，力争…)."""
    clauses = _CLAUSE.findall(text)
    keep = []
    for i, clause in enumerate(clauses):
        ahead = clauses[i + 1] if i + 1 < len(clauses) else ""
        planned = _PLAN.search(clause) or (len(clause) <= 9 and _ANY_YEAR.search(clause) and _PLAN.search(ahead))
        keep.append("，" if planned else clause)
    return "".join(keep)


def _month_after(year: int, month: int) -> date:
    return date(year + 1, 1, 1) if month >= 12 else date(year, month + 1, 1)


def infer_date(texts: Iterable[str]) -> Optional[PartialDate]:
    """The earliest plausible printing month for a text, or None when it gives no clue."""
    text = drop_plans("\n".join(texts))
    bounds: list[Optional[date]] = []
    bounds += [_safe_date(int(y), int(m), int(d)) for y, m, d in _FULL_DATE.findall(text)]
    bounds += [_month_after(int(y or y2), int(m or m2)) for y, m, y2, m2 in _PERIOD_END.findall(text)
               if 1 <= int(m or m2) <= 12]
    bounds += [_safe_date(int(y), int(m), 1) for y, m in _YEAR_MONTH.findall(text)]
    years_done = [int(y or y2) for y, y2 in _YEAR_DONE.findall(text) if (y or y2)]
    if "全年" in text:
        years_done += [int(y) for y in _ANY_YEAR.findall(text[: text.find("全年")])[-1:]]
    years_done += [int(y) for y in _YEAR_PAST.findall(text)]
    bounds += [date(y + 1, 1, 1) for y in years_done if y < MAX_YEAR]
    bounds += [date(int(y), 1, 1) for y in _YEAR_IS.findall(text)]
    found = [b for b in bounds if b is not None]
    if not found:
        years = [int(y) for y in _ANY_YEAR.findall(text)]
        return make_date(max(years)) if years else None
    best = max(found)
    # A bare 3月2日 shortly after the latest bound moves it on within that year.
    for m, d in _MONTH_DAY.findall(text):
        candidate = _safe_date(best.year, int(m), int(d))
        if candidate and candidate > best and (candidate - best).days < 100:
            best = candidate
    return make_date(best.year, best.month)


def _safe_date(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day) if MIN_YEAR <= year <= MAX_YEAR else None
    except ValueError:
        return None


def year_for(month: int, day: int, bound: Optional[PartialDate]) -> Optional[int]:
    """The year of a dateline that gives only 8月16日: the first on or after the text's lower
    bound (with six weeks' slack: a December dateline on a page reviewing the past year)."""
    if bound is None:
        return None
    floor = bound.first_day() - timedelta(days=45)
    for year in (floor.year, floor.year + 1):
        when = _safe_date(year, month, day)
        if when and when >= floor:
            return year
    return None
