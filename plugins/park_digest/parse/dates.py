"""When a page was printed: the sidecar says so, or it is inferred from what the text reports.

A newspaper reports the past. Every dated event or finished period in the text is a lower bound
on the printing date (a full year reviewed as 全年/年底 means the next January at the earliest);
the latest bound is the best guess. Stories on one printed page share its date.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Iterable, Optional

_FULL_DATE = re.compile(r"(20\d\d)年(\d{1,2})月(\d{1,2})日")
_YEAR_MONTH = re.compile(r"(20\d\d)年(\d{1,2})月(?!\d*日)")
_PERIOD_END = re.compile(r"(20\d\d)年(?:1?[-—至~～]|前)(\d{1,2})(?:个)?月")
_YEAR_DONE = re.compile(r"(20\d\d)年(?:全年|年底|年末|年内|度|以来)|全年|截至(20\d\d)年(?:年底|年末|底)")
_YEAR_PAST = re.compile(r"(20\d\d)年[，,]\s*[^，。]{0,40}?(?:累计|实现|完成|新增|新引进|引进|举办|达到|突破|获批)")
_YEAR_AHEAD = re.compile(r"(20\d\d)年(?:是|将|，[^。]{0,20}将|一季度)")
_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日")
_ANY_YEAR = re.compile(r"(20\d\d)年")


def _month_after(year: int, month: int) -> date:
    return date(year + 1, 1, 1) if month >= 12 else date(year, month + 1, 1)


def infer_date(texts: Iterable[str]) -> Optional[date]:
    """Earliest plausible printing date for a page, or None when the text gives no clue."""
    text = "\n".join(texts)
    bounds: list[date] = []
    for y, m, d in _FULL_DATE.findall(text):
        bounds.append(_safe_date(int(y), int(m), int(d)))
    for y, m in _PERIOD_END.findall(text):
        bounds.append(_month_after(int(y), int(m)))
    for y, m in _YEAR_MONTH.findall(text):
        bounds.append(_safe_date(int(y), int(m), 1))
    years_done = [int(y or y2) for y, y2 in _YEAR_DONE.findall(text) if (y or y2)]
    if "全年" in text:
        years_done += [int(y) for y in _ANY_YEAR.findall(text[: text.find("全年")])[-1:]]
    years_done += [int(y) for y in _YEAR_PAST.findall(text)]
    bounds += [date(y + 1, 1, 1) for y in years_done]
    ahead = [int(y) for y in _YEAR_AHEAD.findall(text)]
    bounds += [date(y, 1, 1) for y in ahead]
    bounds = [b for b in bounds if b is not None]
    if not bounds:
        years = [int(y) for y in _ANY_YEAR.findall(text)]
        return date(max(years), 1, 1) if years else None
    best = max(bounds)
    # A bare 1月2日 after the latest bound's year start refines it within that year.
    for m, d in _MONTH_DAY.findall(text):
        candidate = _safe_date(best.year, int(m), int(d))
        if candidate and candidate > best and (candidate - best).days < 100:
            best = candidate
    return best


def _safe_date(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_DATELINE = re.compile(r"(20\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def dateline_date(texts: Iterable[str]) -> Optional[date]:
    """The date a web page states in its `发布时间：2025-10-20` line, if any."""
    for text in texts:
        match = _DATELINE.search(text)
        if match:
            return _safe_date(*map(int, match.groups()))
    return None


def parse_date(value: object) -> Optional[date]:
    """A sidecar date: a YAML date, or a string such as 2026-01-15 or 2026年1月15日."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    match = re.fullmatch(r"\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*", value)
    return _safe_date(*map(int, match.groups())) if match else None
