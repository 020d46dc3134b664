"""The fact box and how a figure reads: which figures a story shows first, and their display
in Chinese (as printed) and English (US$886 million, over 200, about 3,000, 39.5%)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from ..model import DURATION_UNITS, MONEY_UNITS, Fact
from .indicators import declines, is_twin
from .numerals import fold_digits
from .period_display import format_period

# ---------------------------------------------------------------- fact box

# Rough exchange rates, only to rank money figures of different currencies against each other.
_RANKING_RATES = {"CNY": 1.0, "USD": 7.0, "EUR": 7.5}
_MONEY_TOTAL = re.compile(r"投资|基金|授信|贷款|融资|资本|规模")
_MIN_MONEY_TOTAL = 1e8  # CNY: smaller sums in park news are one firm's loan or subsidy
_SERVICE_COUNT = ("场", "次", "家次", "人次")
_NEVER = ("threshold", "magnitude", "plan")


def select_box(facts: list[Fact], limit: int = 6, reasons: Optional[Sequence[str]] = None) -> None:
    """Mark `in_box` the figures a reader should see first (INDICATORS.md's box rule): the
    headline's figures, the park's indicators, its money totals (investment, funds, credit),
    then changes and shares no level stands beside. Never an unlabelled figure, a target, a
    threshold, a duration, a specification or an event count. A change or share shown beside
    its level (change_of, or a share of the same indicator in its sentence) is not boxed on its
    own. One figure per label and per indicator and period."""
    reasons = list(reasons) if reasons is not None else [""] * len(facts)
    for fact in facts:
        fact.in_box = False
    ranked = sorted((p for p in ((_box_rank(f, reasons[i], facts), i) for i, f in enumerate(facts))
                     if p[0] is not None), key=lambda p: (p[0], p[1]))
    chosen: list[Fact] = []
    seen: set = set()
    for rank, index in ranked:
        fact = facts[index]
        keys = {("label", fact.label_en.strip().lower() or fact.label_zh)}
        if fact.indicator:
            keys.add(("indicator", fact.indicator, fact.change, fact.share_of, fact.period))
        if fact.block == "title" or _has_title_twin(fact, facts):
            keys.add(("headline", fact.unit, fact.value))
        if keys & seen:
            continue
        if rank[0] >= 4 and len(chosen) >= 3:
            break  # a count that is no indicator fills only a box with little else
        seen |= keys
        chosen.append(fact)
        if len(chosen) == limit:
            break
    for fact in chosen:
        fact.in_box = True


def _box_rank(fact: Fact, reason: str, facts: list[Fact]) -> Optional[tuple]:
    """(tier, order within the tier) for a figure the box may show; None when it never may."""
    if not fact.labelled or reason in _NEVER or (fact.period or "").startswith("target"):
        return None
    if fact.unit in DURATION_UNITS or fact.unit in ("sqm", "mu", "kV", "kW", "GW"):
        return None
    if fact.unit == "other" and "/" not in fact.surface and "分之" not in fact.surface:
        return None
    ratio = fact.unit == "percent" or fact.unit == "other"
    if fact.block == "title" and any(is_twin(fact, f) for f in facts):
        return None  # the body's figure says the same, with its sentence and period
    if ratio and (fact.change_of is not None or fact.indicator and _beside_level(fact, facts)):
        return None  # printed beside its level (同比增长39.5%), which takes the headline's place
    if fact.block == "title" or _has_title_twin(fact, facts) or _headline_level(fact, facts):
        return (0, 0 if fact.block != "title" else 1)
    if fact.indicator and not ratio:
        new_flow = "新增" in fact.label_zh or not (fact.period or "").startswith("≤")
        return (1, int(new_flow), -_money_value(fact))
    if fact.unit in MONEY_UNITS:
        if reason == "single" and not _MONEY_TOTAL.search(fact.label_zh):
            return None
        if not _MONEY_TOTAL.search(fact.label_zh) or _money_value(fact) < _MIN_MONEY_TOTAL:
            return None
        return (2, -_money_value(fact))
    if fact.indicator and ratio:
        return (3, 0)
    if fact.unit == "count" and (fact.period or "").startswith("≤") and fact.value >= 2 \
            and (fact.measure_word or "") not in _SERVICE_COUNT and reason != "single":
        return (4, -fact.value)
    return None


def _money_value(fact: Fact) -> float:
    return fact.value * _RANKING_RATES.get(fact.unit, 0.0)


def _has_title_twin(fact: Fact, facts: list[Fact]) -> bool:
    return any(f.block == "title" and is_twin(f, fact) for f in facts)


def _headline_level(fact: Fact, facts: list[Fact]) -> bool:
    """The level whose change the headline states (营收同比增长39.5% → the 102亿元 it grew to)."""
    index = next((i for i, f in enumerate(facts) if f is fact), None)
    return any(f.change_of == index and _has_title_twin(f, facts) for f in facts)


def _beside_level(fact: Fact, facts: list[Fact]) -> bool:
    """A share printed beside the level it shares (884家、占全市近1/10) is shown with it."""
    return any(f is not fact and f.indicator == fact.indicator and f.unit not in ("percent", "other")
               and f.block == fact.block and f.sentence == fact.sentence for f in facts)


# ---------------------------------------------------------------- display

_EN_QUALIFIER = {"exact": "", "over": "over ", "approx": "about ", "under": "under "}
# The text's own hedge, in English: 超 over, 近 nearly, 余/多 more than, 约 about (INDICATORS.md).
_PREFIX_HEDGES = (("不超过", "up to "), ("不超", "up to "), ("最高", "up to "), ("最多", "up to "),
                  ("不到", "under "), ("不足", "under "), ("低于", "under "), ("少于", "under "),
                  ("超过", "over "), ("超出", "over "), ("超", "over "), ("逾", "over "), ("突破", "over "),
                  ("至少", "at least "), ("不少于", "at least "), ("不低于", "at least "), ("高于", "over "),
                  ("将近", "nearly "), ("接近", "nearly "), ("近", "nearly "),
                  ("大约", "about "), ("约", "about "), ("上", "about "))
_SUFFIX_HEDGES = (("以上", "over "), ("以下", "under "), ("以内", "up to "), ("之内", "up to "),
                  ("左右", "about "), ("上下", "about "), ("级", "about "))
_MID_HEDGE = re.compile(r"[\d万亿千百十两三四五六七八九]+(?:余|多)")
_EN_UNIT = {"sqm": "m²", "mu": "mu", "kV": "kV", "kW": "kW", "GW": "GW"}
_EN_DURATION = {"year": "year", "month": "month", "day": "day", "hour": "hour",
                "minute": "minute", "second": "second"}
_EN_MEASURE = {"倍": "times", "度": "°", "℃": "°C", "吨": "tonnes", "公里": "km", "千米": "km",
               "米": "m", "周": "weeks", "个星期": "weeks", "个季度": "quarters", "千瓦时": "kWh", "kWh": "kWh",
               "GWh": "GWh", "MWh": "MWh", "吨/年": "tonnes a year", "吨/日": "tonnes a day",
               "立方米": "m³", "立方米/日": "m³ a day",
               "岁": "years old", "标准箱": "TEU"}
_FRACTION_RE = re.compile(r"\d+/\d+")


def format_value(fact: Fact, lang: str) -> str:
    """The figure for display. zh: as written (8.86亿美元, 超200个). en: US$886 million,
    CNY 1 billion, over 200, about 3,000, 39.5%, 8 months; currency codes for yuan and euro
    (CNY, EUR) and US$ for dollars, English number words million/billion/trillion."""
    if lang.lower().startswith("zh"):
        return fact.surface
    prefix = hedge(fact)
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


def hedge(fact: Fact) -> str:
    """The English word the text's own hedge calls for ("over ", "nearly ", "more than ",
    "about ", "up to ", "under "), or "" for an exact figure."""
    surface = fact.surface
    if fact.qualifier != "exact":
        for word, english in _PREFIX_HEDGES:
            if surface.startswith(word):
                return english
        for word, english in _SUFFIX_HEDGES:
            if surface.endswith(word):
                return english
    if _MID_HEDGE.search(surface):
        return "more than "
    if fact.qualifier == "under":
        return "up to "  # a detached 最高 (最高可达2000万元) caps the figure
    return _EN_QUALIFIER.get(fact.qualifier, "")


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


# ---------------------------------------------------------------- box rows

_BASIS_ZH = {"yoy": "同比", "mom": "环比", "vs_period": ""}
_BASIS_EN = {"yoy": " year on year", "mom": " month on month", "vs_period": ""}
_WHOLE = {"city": ("全市", "the city's total"), "province": ("全省", "the province's total"),
          "country": ("全国", "the national total"), "industry": ("行业", "the industry"),
          "revenue": ("营业收入", "revenue"), "gdp": ("地区生产总值", "GDP"),
          "district": ("全区", "the district's total"), "world": ("全球", "the world total"),
          "firms": ("企业", "firms")}


@dataclass(frozen=True)
class BoxRow:
    """One line of a fact box: a level with the changes and shares printed beside it."""
    index: int  # of the figure in the story's facts
    label: str
    value: str  # with the text's hedge: over 200, nearly 1/10
    period: str  # 2025年1—8月 / Jan–Aug 2025, "" when the figure has none
    inferred: bool
    beside: tuple[tuple[int, str], ...] = ()  # (index, "up 39.5% year on year")
    doubtful: bool = False


def box_rows(facts: Sequence[Fact], labels: Sequence[str], lang: str,
             doubtful: Sequence[bool] = ()) -> list[BoxRow]:
    """The boxed figures of a story as a reader sees them, in story order, each with its period
    and the changes and shares of the same indicator its sentence gives beside it."""
    rows = []
    for i, fact in enumerate(facts):
        if not fact.in_box:
            continue
        beside = tuple((j, describe_beside(other, lang)) for j, other in enumerate(facts)
                       if j != i and _belongs_beside(other, fact, i))
        rows.append(BoxRow(i, labels[i], format_value(fact, lang), format_period(fact.period, lang),
                           fact.period_inferred, beside, bool(doubtful[i]) if i < len(doubtful) else False))
    return rows


def _belongs_beside(other: Fact, level: Fact, index: int) -> bool:
    if other.in_box or not level.indicator or other.indicator != level.indicator:
        return False
    if other.change_of == index:
        return True
    return bool(other.share_of) and other.block == level.block and other.sentence == level.sentence \
        and other.period == level.period


def describe_beside(fact: Fact, lang: str) -> str:
    """A change or a share as words beside its level: 同比增长39.5% / up 39.5% year on year;
    占全市近1/10 / nearly 1/10 of the city's total."""
    zh = lang.startswith("zh")
    if fact.change:
        down = declines(fact)
        if zh:
            return f"{_BASIS_ZH[fact.change]}{'下降' if down else '增长'}{fact.surface}"
        return f"{'down' if down else 'up'} {format_value(fact, 'en')}{_BASIS_EN[fact.change]}"
    whole_zh, whole_en = _WHOLE.get(fact.share_of or "", ("", fact.share_of or ""))
    if zh:
        return f"占{whole_zh}{fact.surface}"
    return f"{format_value(fact, 'en')} of {whole_en}"
