"""A percentage or a fraction is never a level (INDICATORS.md): it is the change of the indicator
it grows (同比增长39.5% → change: yoy) or its share of a whole (占全市8% → share_of: city), and
it carries that indicator. indicators.py calls classify_ratio for each such figure of a story."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional, Sequence

from ..model import Fact
from .indicator_table import QUOTES, match_head

if TYPE_CHECKING:  # only for annotations: indicators.py imports this module
    from .indicators import _Place as Place

_CHANGE_WORDS = re.compile(r"(同比|环比|较[^，。；]{0,10}?|比[^，。；]{0,8}?)?"
                           r"(增长|增速|增幅|上升|下降|回落|减少|提高|提升|降低)(?:了)?(?:约|近|超过?)?$")
_LEVEL_VERBS = re.compile(r"(?:增至|增加到|提升至|提高至|提升到|提高到|达到?|为|降至|至)$")
_SHARE_WHOLE = (
    (re.compile(r"(?:营业收入|营收|主营业务收入)"), "revenue"),
    (re.compile(r"(?:地区生产总值|GDP|生产总值)"), "gdp"),
    (re.compile(r"全国|国内|我国"), "country"),
    (re.compile(r"全省|[\u4e00-\u9fff]{1,4}省(?!级)"), "province"),
    (re.compile(r"全市|本市|[\u4e00-\u9fff]{1,4}(?<!上)市(?!级|场|值|民)"), "city"),
    (re.compile(r"全区|全县"), "district"),
    (re.compile(r"全球|世界"), "world"),
    (re.compile(r"行业|业内"), "industry"),
)
_SHARE_MARK = re.compile(r"占(?:到|据)?|比重|占比")


def is_fraction(fact: Fact) -> bool:
    return fact.unit == "other" and ("/" in fact.surface or "分之" in fact.surface)


def classify_ratio(fact: Fact, place: Place, facts: Sequence[Fact], earlier: list[int],
                    reason: str) -> None:
    clause = QUOTES.sub("", place.clause)
    level = next((j for j in earlier if facts[j].unit != "percent" and not is_fraction(facts[j])), None)
    change = _CHANGE_WORDS.search(clause) if fact.unit == "percent" else None
    if change and not _LEVEL_VERBS.search(clause):
        basis, word = change.group(1) or "", change.group(2)
        improvement = word in ("提高", "提升", "降低", "减少")
        if improvement and not basis:
            return  # 审批效率提升30%: a process gain, not the change of an indicator
        fact.change = _change_kind(basis)
        subject = QUOTES.sub("", fact.label_zh)
        subject = re.sub(r"(?:同比|环比)?(?:增长|增速|增幅|上升|下降|回落|减少|提高|提升|降低).*$", "", subject)
        fact.indicator = match_head(subject, "count") or match_head(subject, "money")
        if fact.indicator is None and level is not None and not subject.strip():
            fact.indicator = facts[level].indicator
        if level is not None and fact.indicator and facts[level].indicator == fact.indicator:
            fact.change_of = level
        if reason and not (reason == "part" and fact.change_of is not None):
            fact.indicator, fact.change_of = None, None
        return
    whole = _share_whole(place)
    if whole is None and not _shares_with_previous(fact, place, facts, earlier):
        return
    if whole is None:
        whole = next(facts[j].share_of for j in earlier if facts[j].share_of)
    fact.share_of = whole
    noun = _noun_after_de(place.after)
    if noun:
        fact.indicator = match_head(noun, "count") or match_head(noun, "money")
    else:
        subject = re.split(r"占|比重|占比", clause)[0]
        found = match_head(subject, "count") or match_head(subject, "money") if subject else None
        fact.indicator = found or (facts[level].indicator if level is not None and not subject else None)
    if reason:
        fact.indicator = None


def _change_kind(basis: str) -> str:
    if basis.startswith("环比") or re.search(r"上月|上季度", basis):
        return "mom"
    if basis.startswith(("较", "比")) and (re.search(r"\d{4}年", basis) or
                                          re.search(r"年初|年末|末", basis) and not re.search(r"上年|去年|同期", basis)):
        return "vs_period"  # 较2023年同期, 比年初: against another named period
    return "yoy"


def _share_whole(place: Place) -> Optional[str]:
    """占全市8% / 全市8%的… / 占营业收入比重 / 行业内超过95%的 / 企业…覆盖率: what the share is of."""
    clause = QUOTES.sub("", place.clause)
    mark = _SHARE_MARK.search(clause)
    de_form = place.after.startswith("的")
    if mark:
        scope = clause[mark.start():]
    elif de_form or re.search(r"[\u4e00-\u9fff]{0,6}(?:总量|总数)的$", clause):
        scope = clause
    elif re.search(r"覆盖率", clause):
        return "firms" if "企业" in clause else None
    else:
        return None
    for pattern, whole in _SHARE_WHOLE:
        if pattern.search(scope):
            return whole
    return None


def _shares_with_previous(fact: Fact, place: Place, facts: Sequence[Fact], earlier: list[int]) -> bool:
    """全市8%的A、10%的B: the second share is of the same whole as the first."""
    continues = not place.clause.strip() or re.search(r"(?:和|及|以及|与|、)$", place.clause)
    return place.after.startswith("的") and bool(continues) and any(facts[j].share_of for j in earlier)


_NOUN_END = re.compile(r"[，,。；;、和及与以]|企业(?!家)")


def _noun_after_de(after: str) -> str:
    """全市8%的国家专精特新小巨人企业 → 国家专精特新小巨人企业."""
    if not after.startswith("的"):
        return ""
    text = QUOTES.sub("", after[1:])
    stop = re.search(r"[，,。；;、]|以及|和|及", text)
    return text[: stop.start()] if stop else text
