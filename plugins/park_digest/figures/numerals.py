"""Numbers as Chinese newspapers write them: Arabic, Chinese, mixed (8.86亿), fractions.

Pure functions; no knowledge of units or labels.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
             "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
CN_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_TRILLION = {"兆": 1e12}  # only as a magnitude after a numeral (3.1兆元), never inside one

# Character class for Chinese numerals (used by facts.py to build its patterns).
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS) + "点"

_ARABIC_RE = re.compile(r"^(\d+(?:,\d{3})*(?:\.\d+)?)\.?(.*)$")  # 50.59.亿: a stray point
_SPACED_POINT = re.compile(r"(?<=\d)[ \u00a0](?=\.\d)|(?<=\d\.)[ \u00a0](?=\d)")  # 80 .9


def fold_digits(text: str) -> str:
    """Full-width digits and punctuation to ASCII (NFKC), leaving CJK untouched."""
    return unicodedata.normalize("NFKC", text)


def magnitude(suffix: str) -> Optional[float]:
    """Value of a run of magnitude characters such as 万, 千万, 亿, 万亿, 百亿; None if not one."""
    if not suffix:
        return 1.0
    total = 1.0
    for ch in suffix:
        if ch in CN_SMALL_UNITS:
            total *= CN_SMALL_UNITS[ch]
        elif ch in CN_BIG_UNITS:
            total *= CN_BIG_UNITS[ch]
        elif ch in _TRILLION:
            total *= _TRILLION[ch]
        else:
            return None
    return total


def parse_chinese(text: str) -> Optional[float]:
    """Value of a Chinese numeral: 两 → 2, 十三 → 13, 一百二十 → 120, 三千万 → 3e7, 三点五 → 3.5,
    二〇二五 → 2025 (digit by digit). None when the text is not a well-formed numeral."""
    if not text:
        return None
    if "点" in text:
        whole, _, frac = text.partition("点")
        base = parse_chinese(whole) if whole else 0.0
        if base is None or not frac or any(ch not in CN_DIGITS for ch in frac):
            return None
        return base + float("0." + "".join(str(CN_DIGITS[ch]) for ch in frac))
    if all(ch in CN_DIGITS for ch in text):
        if len(text) == 1:
            return float(CN_DIGITS[text])
        if "两" in text:  # 两 is never used digit by digit
            return None
        return float("".join(str(CN_DIGITS[ch]) for ch in text))
    total, section, digit = 0.0, 0.0, None
    last_big = float("inf")
    for ch in text:
        if ch in CN_DIGITS:
            if digit is not None and CN_DIGITS[ch] != 0 and digit != 0:
                return None  # two digits in a row inside a positional numeral
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            section += (1 if digit is None else digit) * CN_SMALL_UNITS[ch]
            digit = None
        elif ch in CN_BIG_UNITS:
            unit = CN_BIG_UNITS[ch]
            if digit is not None:
                section += digit
            if section == 0 and total == 0:
                return None  # a bare 万 or 亿 is a magnitude, not a numeral
            if unit > last_big:  # 三千万亿 style: multiply everything so far
                total = (total + section) * unit
            else:
                total += section * unit
                last_big = unit
            section, digit = 0.0, None
        else:
            return None
    if digit is not None:
        section += digit
    return total + section


def parse_number(text: str) -> Optional[float]:
    """Value of a numeral as written: '8.86亿' → 8.86e8, '26875万' → 2.6875e8, '1,200' → 1200,
    '三千' → 3000, '３５' → 35. None if unreadable."""
    text = _SPACED_POINT.sub("", fold_digits(text).strip())
    m = _ARABIC_RE.match(text)
    if m:
        scale = magnitude(m.group(2))
        if scale is None:
            return None
        return float(m.group(1).replace(",", "")) * scale
    return parse_chinese(text)


def parse_fraction(text: str) -> Optional[float]:
    """'1/3' → 0.333…, '三分之一' → 0.333…; None otherwise."""
    text = fold_digits(text)
    if "/" in text:
        num, _, den = text.partition("/")
    elif "分之" in text:
        den, _, num = text.partition("分之")
    else:
        return None
    top, bottom = parse_number(num), parse_number(den)
    if top is None or not bottom:
        return None
    return top / bottom
