"""What a figure measures: the park indicator (data/indicators.yml), and whether it is a change
or a share of one (INDICATORS.md).

A figure is an indicator when the words that name it end in one of an indicator's terms (the
head of the phrase: 国家级高新技术企业 is one, 高企上市培育库 is not) and nothing in its clause
makes it a part, a threshold or one firm's or project's number. A percentage is never a level:
it is the change of the indicator it grows (同比增长39.5%) or its share of a whole (占全市8%).
Pure functions over model.Fact; the facts of one story are classified together because a
figure often borrows its noun from the one before it (新增4家，累计15家、占全市8%).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Callable, Optional, Sequence, Union

from ..model import MONEY_UNITS, Fact
from .indicator_table import GENERIC_MONEY, INDICATORS, QUOTES, match_head
from .ratios import classify_ratio, is_fraction


# ---------------------------------------------------------------- a figure in its text

_SEGMENT_END = re.compile(r"[。！？；;!?]")
_CLAUSE_BREAK = re.compile(r"[，,、：:（）()]|——")
_SINGLE_FIRM = re.compile(r"有限公司|股份|集团|该公司|该企业|这家|这款|该产品|为其|其(?:研发|生产|产品)|的产品|"
                          r"由[^，。；]{0,30}组成")
# A funding round (天使轮, Pre-A轮, B轮) is one firm's, unless the sentence counts firms (12家企业完成A轮融资).
_ROUND = re.compile(r"(?:Pre-)?[A-EＡ-Ｅ]\+?轮|天使轮")
_FIRMS_COUNTED = re.compile(r"[\d两三四五六七八九十百千]+家")
_PARK_SUBJECT = re.compile(r"高新区|新区|开发区|园区|产业园|全区|该区|管委会?")
_NAMED_PROJECT = re.compile(r"[\d.]+[万亿]*[元美]+[^，。；]{0,3}的(?![\d两三四五六七八九十]+[个家项])[^，。；、]{2,40}?"
                            r"(?:项目|基地|产业园|园区|工厂|先导区|平台)"
                            r"|(?:该|此|这个|这一)项目|项目(?:投资总额|总投资|计划投资)")
_PROCESS = re.compile(r"事项|材料|时限|流程|手续|环节|承诺书|类别|种类")
_THRESHOLD = re.compile(r"[\d.]+[万亿千百]*[元美]*(?:以上|以下)(?:的)?$")
_PLANNED = re.compile(r"谋划|储备|拟")
# A cap a policy or loan product grants each firm (最高信用贷款达2000万元, 每家企业最高奖励100万元)
# is a rule of the product, not a result of the park.
_CAP = re.compile(r"最高|最多|单笔|单户|每家|每户|每个|每项|每人")


@dataclass
class _Place:
    """Where a figure stands: the text before it in its sentence and clause, and after it."""
    segment: str  # its sentence (to the previous ；。), up to the figure
    clause: str  # since the last clause break or the previous figure
    after: str  # after the surface, to the next clause break
    after_long: str  # after the surface, to the next comma or full stop (past brackets)
    previous_segment: str  # the sentence before, in the same paragraph
    in_speech: bool  # inside a quotation of someone speaking
    sentence_id: tuple  # (block, sentence index): figures of one sentence share it


Texts = Callable[[Union[int, str]], str]


def classify_story(facts: Sequence[Fact], text_of: Texts) -> list[str]:
    """Set indicator, change, change_of and share_of on every figure of one story. Returns, for
    each figure, why it can be no indicator of the park ("" when it can): single (one firm or
    project), threshold, magnitude (三大, 千亿元级), part (a sector's share of a total), plan."""
    marks: dict = {}
    places = []
    for i, f in enumerate(facts):
        text = text_of(f.block)
        if f.block not in marks:
            marks[f.block] = _marks(text)
        places.append(_place(f, facts[i - 1] if i and facts[i - 1].block == f.block else None, text, marks[f.block]))
    reasons = []
    in_sentence: dict[tuple, list[int]] = {}
    for i, fact in enumerate(facts):
        fact.indicator, fact.change, fact.change_of, fact.share_of = None, None, None, None
        place = places[i]
        same = in_sentence.setdefault(place.sentence_id, [])
        earlier = []  # the figures before it in its sentence, nearest first, within the window
        for j in reversed(same):
            if facts[j].start < fact.start - _WINDOW:
                break
            earlier.append(j)
        same.append(i)
        reason = ruled_out(fact, place)
        reasons.append(reason)
        if fact.unit == "percent" or is_fraction(fact):
            classify_ratio(fact, place, facts, earlier, reason)
        elif (fact.unit in MONEY_UNITS or fact.unit == "count") and not reason:
            fact.indicator = _level_indicator(fact, place, facts, earlier)
        elif reason == "part":
            # 其中工业投资56亿元: a part of a total that is an indicator in its own words
            fact.indicator = match_head(fact.label_zh, _kind(fact))
    _copy_title_twins(facts)
    return reasons


# A sentence is read at most this far back and ahead of a figure: real sentences are far
# shorter, and a page pasted as one unpunctuated line must stay linear.
_WINDOW = 300


@dataclass(frozen=True)
class _Marks:
    """Where a block's sentences, clauses and quotations start, found once per block."""
    segment_ends: list[int]
    clause_ends: list[int]
    quote_opens: list[int]
    quote_closes: list[int]


def _marks(text: str) -> _Marks:
    return _Marks([m.end() for m in _SEGMENT_END.finditer(text)],
                  [m.end() for m in _CLAUSE_BREAK.finditer(text)],
                  [m.start() for m in re.finditer("“", text)], [m.start() for m in re.finditer("”", text)])


def _last_before(points: list[int], at: int, default: int = -1) -> int:
    i = bisect_right(points, at) - 1
    return points[i] if i >= 0 else default


def _place(fact: Fact, previous: Optional[Fact], text: str, marks: _Marks) -> _Place:
    at, end = fact.start, fact.start + len(fact.surface)
    index = bisect_right(marks.segment_ends, at)
    seg_start = max(marks.segment_ends[index - 1] if index else 0, at - _WINDOW)
    prev_start = max(marks.segment_ends[index - 2] if index >= 2 else 0, seg_start - _WINDOW)
    clause_start = max(seg_start, _last_before(marks.clause_ends, at, 0))
    if previous is not None:
        clause_start = max(clause_start, previous.start + len(previous.surface))
    ahead = text[end:end + _WINDOW]
    stop = re.search(r"[，,、：:（）()。！？；;!?]|——", ahead)
    long_stop = re.search(r"[，,。；;！？]", ahead)
    opened = _last_before(marks.quote_opens, at - 1)
    in_speech = opened > _last_before(marks.quote_closes, at - 1) and at - opened > 12 \
        and "我" in text[opened:end + 40]
    return _Place(text[seg_start:at], text[clause_start:at], ahead[:stop.start()] if stop else ahead,
                  ahead[:long_stop.start()] if long_stop else ahead, text[prev_start:seg_start],
                  bool(in_speech), (fact.block, index))


def _kind(fact: Fact) -> str:
    return "money" if fact.unit in MONEY_UNITS else "count"


def _level_indicator(fact: Fact, place: _Place, facts: Sequence[Fact], earlier: list[int]) -> Optional[str]:
    kind = _kind(fact)
    if kind == "count":
        chosen = _status_after(place.after)  # 两企业入选全球研发中心: what they were chosen as
        found = match_head(chosen, "count") if chosen else None
        return found or match_head(_counted_noun(fact, place), "count")
    phrase = fact.label_zh
    found = match_head(phrase, "money")
    if found:
        return found
    if GENERIC_MONEY.match(QUOTES.sub("", phrase)) or not phrase:
        # 新引进项目311个、总投资350亿元 / 3支子基金、规模达23亿元: the total of what was counted
        for j in earlier:
            other = facts[j]
            if other.unit != "count":
                continue
            if other.indicator in INDICATORS.value_ids:
                return INDICATORS.value_ids[other.indicator]
            if match_head(_counted_noun(other, None), "money") == "fund_size" or "基金" in other.label_zh:
                return "fund_size"
            break
    return None


def _counted_noun(fact: Fact, place: Optional[_Place]) -> str:
    return fact.label_zh


_STATUS_VERBS = re.compile(r"^(?:成功)?(?:入选|获评|获认定为?|被认定为|认定为|获批为?)")


def _status_after(after: str) -> str:
    """两企业入选嘉兴市全球研发中心 → 嘉兴市全球研发中心: the status a count of firms reached."""
    if not after.startswith(("企业", "家企业")) and not _STATUS_VERBS.match(after):
        return ""
    rest = re.sub(r"^(?:家)?企业", "", after)
    m = _STATUS_VERBS.match(rest)
    if not m:
        return ""
    return re.split(r"[的了，,。；]|名单|榜单", rest[m.end():])[0]


def ruled_out(fact: Fact, place: _Place) -> str:
    """Why a figure is no indicator of the park: parts, thresholds, plans, one firm or project."""
    if fact.surface.endswith(("大", "级", "投")) or fact.measure_word in ("投",):
        return "magnitude"  # 三大研发中心, 千亿元级, 3年3投
    if _THRESHOLD.search(place.clause) or fact.surface.endswith(("以上", "以下")) and \
            place.after.startswith(("的项目", "项目", "的企业", "企业")):
        return "threshold"  # 50亿元以上项目2个
    if _CAP.search(place.clause) or fact.surface.startswith(("最高", "最多")):
        return "threshold"
    if _PLANNED.search(place.clause):
        return "plan"
    if _PROCESS.search(fact.label_zh):
        return "process"  # 8个事项整合办理, 申请材料由15份精简为1份: a procedure, not the park
    examples = "等" in place.clause  # 引进A、B等62个项目: firms named as examples of a total
    whole = place.segment + fact.surface + place.after_long
    if place.in_speech:
        return "single"  # “…给我们配了两条线路”: a speaker's own story
    if _ROUND.search(place.segment + fact.surface + place.after) and not _FIRMS_COUNTED.search(place.segment):
        return "single"
    if not examples and (_one_firm(whole) or _NAMED_PROJECT.search(whole)
                         or not _PARK_SUBJECT.search(place.segment) and _one_firm(place.previous_segment)):
        return "single"
    if fact.unit in MONEY_UNITS and place.after_long.startswith("的") and _names_one(place.after_long):
        return "single"
    among = place.segment.rfind("其中")
    if "板块" in place.segment or among > 0 and re.search(r"[\d两三四五六七八九十]", place.segment[:among]):
        return "part"  # 新引进项目311个，其中50亿元以上项目2个 / 智能制造产业板块引进128个项目
    return ""


def _one_firm(segment: str) -> bool:
    """The sentence is about one firm when it names one after the last park it names."""
    firm = None
    for firm in _SINGLE_FIRM.finditer(segment):
        pass
    if firm is None:
        return False
    park = None
    for park in _PARK_SUBJECT.finditer(segment):
        pass
    return park is None or park.start() < firm.start()


def _names_one(after: str) -> bool:
    """总投资7亿元的阿斯利康…工厂项目: a money figure that describes one named thing."""
    if re.match(r"^的(?:\d|[两三四五六七八九十]+[个家项])", after):
        return False  # 总投资85.3亿元的6个市级重点项目: a total of several
    return bool(re.search(r"项目|基地|产业园|园区|工厂|先导区|总部|中心", after))


# ---------------------------------------------------------------- headlines

def _copy_title_twins(facts: Sequence[Fact]) -> None:
    """A headline figure means what the same figure in the body means (两企业入选 → 两家…)."""
    for fact in facts:
        if fact.block != "title":
            continue
        twin = next((f for f in facts if is_twin(fact, f) and f.indicator), None)
        if twin is not None and fact.indicator is None:
            fact.indicator, fact.change, fact.share_of = twin.indicator, twin.change, twin.share_of


def is_twin(title_fact: Fact, fact: Fact) -> bool:
    """The body figure a headline figure repeats: same value, unit and measure word."""
    return fact.block != "title" and fact.unit == title_fact.unit and fact.value == title_fact.value \
        and (title_fact.measure_word or fact.measure_word) in (fact.measure_word, None) \
        and not (title_fact.measure_word and fact.measure_word and title_fact.measure_word != fact.measure_word)


_DECLINE = re.compile(r"(?:下降|减少|回落|降低|下滑)[了约近超过]*$")


def declines(fact: Fact) -> bool:
    """A change the text says went down (同比下降5.2%): its value is printed without a sign."""
    at = fact.sentence.find(fact.surface)
    return bool(fact.change) and at >= 0 and bool(_DECLINE.search(fact.sentence[max(0, at - 8):at]))
