"""A period as a reader reads it, in zh-Hans, zh-Hant and English (2025年1—8月 / Jan–Aug 2025)."""
from __future__ import annotations

import re
from typing import Optional

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_QUARTER_ZH = "一二三四"
_INFERRED = {"zh-Hans": "（据发布日期推断）", "zh-Hant": "（據發布日期推斷）",
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
