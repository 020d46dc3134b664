"""The fact box and how a figure reads: which figures a story shows first, and their display
in Chinese (as printed) and English (US$886 million, over 200, about 3,000, 39.5%)."""
from __future__ import annotations

import re

from ..model import DURATION_UNITS, MONEY_UNITS, Fact
from .numerals import fold_digits

# ---------------------------------------------------------------- fact box

# Rough exchange rates, only to rank money figures of different currencies against each other.
_RANKING_RATES = {"CNY": 1.0, "USD": 7.0, "EUR": 7.5}
_VAGUE_LABELS = ("amount (", "number of items", "figure", "percentage", "duration (", "area (")


def select_box(facts: list[Fact], limit: int = 6) -> None:
    """Mark the most telling figures `in_box`: money first (largest first), then large counts
    and percentages with clear labels. One figure per label (宝鸡's six 总投资 lines would tell a
    reader nothing apart), and at most two thirds of the box for money when other figures are
    worth showing, so the box says more than one thing."""
    for fact in facts:
        fact.in_box = False
    ranked = [f for _, f in sorted(enumerate(facts), key=lambda p: (-_box_score(p[1]), p[0]))
              if _box_score(f) > 0]
    distinct, labels = [], set()
    for fact in ranked:
        label = fact.label_en.strip().lower() or fact.label_zh
        if label not in labels:
            labels.add(label)
            distinct.append(fact)
    money = [f for f in distinct if f.unit in MONEY_UNITS]
    other = [f for f in distinct if f.unit not in MONEY_UNITS]
    money_slots = max(limit - len(other), (2 * limit) // 3)
    chosen = money[:money_slots] + other[: limit - min(len(money), money_slots)]
    for fact in chosen[:limit]:
        fact.in_box = True


def _box_score(fact: Fact) -> float:
    vague = fact.label_en.startswith(_VAGUE_LABELS) or len(fact.label_zh) <= 2
    if fact.unit in MONEY_UNITS:
        score = 1000 + min(fact.value * _RANKING_RATES[fact.unit], 1e13) / 1e13 * 100
    elif fact.unit == "count":
        score = 500 + min(fact.value, 1e6) / 1e6 * 100 if fact.value >= 10 else 100
    elif fact.unit == "percent":
        score = 450
    elif fact.unit in ("sqm", "mu", "kV", "kW", "GW"):
        score = 300
    elif fact.unit in DURATION_UNITS:
        score = 50
    else:
        score = 20
    if fact.block == "title":
        score -= 5  # the same figure usually reappears in the body, with more context
    return score - (300 if vague else 0)


# ---------------------------------------------------------------- display

_EN_QUALIFIER = {"exact": "", "over": "over ", "approx": "about ", "under": "under "}
_EN_UNIT = {"sqm": "m²", "mu": "mu", "kV": "kV", "kW": "kW", "GW": "GW"}
_EN_DURATION = {"year": "year", "month": "month", "day": "day", "hour": "hour",
                "minute": "minute", "second": "second"}
_EN_MEASURE = {"倍": "times", "度": "°", "℃": "°C", "吨": "tonnes", "公里": "km", "千米": "km",
               "米": "m", "周": "weeks", "个星期": "weeks", "个季度": "quarters"}
_FRACTION_RE = re.compile(r"\d+/\d+")


def format_value(fact: Fact, lang: str) -> str:
    """The figure for display. zh: as written (8.86亿美元, 超200个). en: US$886 million,
    CNY 1 billion, over 200, about 3,000, 39.5%, 8 months; currency codes for yuan and euro
    (CNY, EUR) and US$ for dollars, English number words million/billion/trillion."""
    if lang.lower().startswith("zh"):
        return fact.surface
    prefix = _EN_QUALIFIER.get(fact.qualifier, "")
    if fact.qualifier == "under" and not any(w in fact.surface for w in ("不到", "不足", "低于", "少于")):
        prefix = "up to "  # 最高/以内 cap a figure ("up to 20 million"); 不到 falls short of it
    number = _en_number(fact.value)
    if fact.value_max is not None:
        number = f"{number}–{_en_number(fact.value_max)}"
    if fact.unit in MONEY_UNITS:
        currency = {"USD": "US$", "CNY": "CNY ", "EUR": "EUR "}[fact.unit]
        return f"{prefix}{currency}{number}"
    if fact.unit == "percent":
        points = "百分点" in fact.surface
        return f"{prefix}{number}{' percentage points' if points else '%'}"
    if fact.unit in DURATION_UNITS:
        word = _EN_DURATION[fact.unit]
        plural = fact.value != 1 or fact.value_max is not None
        return f"{prefix}{number} {word}{'s' if plural else ''}"
    if fact.unit in _EN_UNIT:
        return f"{prefix}{number} {_EN_UNIT[fact.unit]}"
    if fact.unit == "other":
        fraction = _FRACTION_RE.search(fold_digits(fact.surface))
        if fraction:
            return f"{prefix}{fraction.group(0)}"
        if "分之" in fact.surface:
            return f"{prefix}{fact.value:.3g}"
        unit = _EN_MEASURE.get(fact.measure_word or "", "")
        return f"{prefix}{number}{'' if unit.startswith('°') else ' '}{unit}".rstrip()
    return f"{prefix}{number}"


def _en_number(value: float) -> str:
    """1e9 → '1 billion', 8.86e8 → '886 million', 3000 → '3,000', 39.5 → '39.5'."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{_trim(value / size)} {word}"
    if value == int(value):
        return f"{int(value):,}"
    return _trim(value)


def _trim(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")
