"""Figures that do not hold up, flagged for the editor (build log, extract) and the reader (a note).

Three kinds, each judged on the story's own text:
- malformed: a numeral printed wrong. 50.59.亿美元 and 80 .9亿元 have one reading, which the
  extractor takes and this says; 1,2345万元 or 1.2.3亿元 have none, so no figure is published.
- implausible: a magnitude no park has: a revenue or output total too small for the firms or
  zones it covers (13.16亿元 for 59,600 firms), a revenue of a few yuan, profit above revenue,
  value added above output, a share above 100%.
- sum_mismatch: parts given as making up a total (营业收入13977.46亿元：…, 分别为…, …合计…) that
  add up to something else, or parts listed under 其中 that add up to more than their total.
Pure functions over the story's body and its Fact records; no Pelican.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from typing import Optional, Sequence

from ..model import MONEY_UNITS, BodyItem, Fact, FigureCheck, Span
from .factbox import format_value
from .numerals import fold_digits

# Read, but printed wrong: a stray point before 万/亿, a space inside the number.
_MALFORMED_READ = re.compile(r"\d\.(?=[万亿])|\d[ \u00a0]\.\d|\d\.[ \u00a0]\d")
# Not readable at all: digits grouped by two or four (1,2345万元), two decimal points (1.2.3亿元),
# a space inside the digits (40 0亿元: 400? 40?).
_UNIT = r"(?:[万亿千百]*(?:元|美元|欧元)|[万亿]|%|家|个|项|人|户|名|件|台|套|亩|平方米|平方公里)"
# (a grouping slip may stand apart from its unit: 净增 3,86 户)
_MALFORMED_UNREAD = re.compile(rf"(?<![\d.,])\d{{1,3}}(?:,\d{{1,2}}(?!\d)|,\d{{4,}})+(?:\.\d+)?[ \u00a0]?{_UNIT}"
                               rf"|(?<![\d.])\d+\.\d+\.\d+{_UNIT}"
                               rf"|(?<![\d.,])\d{{1,4}}[ \u00a0]\d+(?:\.\d+)?{_UNIT}")  # 40 0亿元, 1 280家

_REVENUE = re.compile(r"营业收入|营收|总收入|销售收入|主营业务收入|总产值|产值|生产总值|GDP|增加值")
_AGGREGATE = re.compile(_REVENUE.pattern + r"|总投资|投资额|税收|利润|出口|进出口|融资|交易额|财政收入")
_PER_UNIT = re.compile(r"每|人均|户均|均价|单价|价格|/|元/|租金|补贴|奖励|门票|票价")
_PROFIT = re.compile(r"净?利润|利税")
_ADDED = re.compile(r"增加值")
_OUTPUT = re.compile(r"总产值")
_SHARE = re.compile(r"占比|占[^，。；]{0,12}$|比重|份额")
_ZONES = re.compile(r"^[^，。；]{0,8}?(?:高新区|开发区|经开区|新区|园区|示范区|产业园|自贸区)")
_FIRMS = re.compile(r"企业|公司|市场主体|经营主体")
_TOTAL_AFTER = re.compile(r"^[^，。；]{0,4}?(?:合计|共计|总计)[^，。；\d]{0,6}$")
_CHANGE = re.compile(r"(?:增长|增加|减少|下降|提高|降低|增幅|同比|环比)[^，。；\d]{0,3}$")
_NOT_A_PART = re.compile(_CHANGE.pattern + r"|累计|总计|合计|共计|总数|总量|总额|全年")
_CLAUSE_END = "，,。；;：:！？"
_SENTENCE = re.compile(r"[^。！？；]*[。！？；]?")

_CONTEXT = 40  # characters of a clause looked at before a figure
_MAX_PAIRED = 40  # figures in one sentence beyond which parts and totals are not paired (no real sentence has so many)
_MIN_REVENUE_PER_FIRM = 1e5  # yuan a year: below this a firm is a stall, not a park's enterprise
_MIN_REVENUE_PER_ZONE = 1e8  # a zone's yearly revenue or output of under 100 million yuan is a typo
_MIN_REVENUE_PER_NATIONAL_ZONE = 1e9  # the smallest national zone's is in the billions
_NATIONAL = re.compile(r"^[^，。；]{0,4}?国家")
_MIN_AGGREGATE = 1e4  # a park's revenue, investment or taxes of a few thousand yuan is a typo
# The national zones together (国家高新区实现营业收入…, the subject of the clause, no place before it):
# well over a hundred zones of a billion yuan and more each.
_ALL_NATIONAL = re.compile(r"^(?:全国)?(?:\d+家|[一二三四五六七八九十百]+家)?国家(?:级)?(?:高新区|经开区|经济技术开发区|级新区)")
_MIN_NATIONAL_TOTAL = 1e11


def check_story(title: Optional[str], body: Sequence[BodyItem], facts: Sequence[Fact],
                lines: Sequence[str], span: Span) -> list[FigureCheck]:
    """Every doubtful figure of a story, at most one check per figure, in text order."""
    where = _Where(title, body, lines, span)
    found: list[FigureCheck] = []
    flagged: set[int] = set()
    for index, fact in enumerate(facts):
        if _MALFORMED_READ.search(fold_digits(fact.surface)):
            found.append(where.check("malformed", fact, *_read_note(fact)))
            flagged.add(index)
    for block, text in where.blocks():
        for match in _MALFORMED_UNREAD.finditer(fold_digits(text)):
            surface = text[match.start():match.end()]
            found.append(FigureCheck("malformed", surface, where.line_of(surface, block), block,
                                     f"「{surface}」印刷有误，数值无法确定，未列入数据。",
                                     f"“{surface}” is misprinted and its value cannot be told; it is not listed "
                                     "among the figures."))
        by_sentence: dict[int, list[tuple[int, Fact]]] = {}
        ends = [end for _, end in _sentences(text)]
        for i, fact in enumerate(facts):
            if fact.block == block:
                by_sentence.setdefault(bisect_right(ends, fact.start), []).append((i, fact))
        for inside in by_sentence.values():
            inside.sort(key=lambda pair: pair[1].start)
            paired = _sums(text, inside) if len(inside) <= _MAX_PAIRED else []
            for i, kind, zh, en in _implausible(text, inside, len(inside) <= _MAX_PAIRED) + paired:
                if i not in flagged:
                    flagged.add(i)
                    found.append(where.check(kind, facts[i], zh, en))
    return sorted(found, key=lambda c: (where.order(c.block), c.line))


class _Where:
    """Blocks of the story and the seed line each figure stands on."""

    def __init__(self, title: Optional[str], body: Sequence[BodyItem], lines: Sequence[str], span: Span):
        self.title, self.body, self.lines, self.span = title, body, lines, span

    def blocks(self) -> list[tuple[object, str]]:
        return ([("title", self.title)] if self.title else []) + [(i, item.text) for i, item in enumerate(self.body)]

    def order(self, block: object) -> int:
        return -1 if block == "title" else int(block)

    def line_of(self, surface: str, block: object) -> int:
        if isinstance(block, int) and block < len(self.body):
            item = self.body[block]
            candidates = list(item.parts) or list(range(item.span[0], item.span[1] + 1))
        else:
            candidates = list(range(self.span[0], self.span[1] + 1))
        for number in candidates:
            if 0 < number <= len(self.lines) and surface in self.lines[number - 1]:
                return number
        return candidates[0] if candidates else self.span[0]

    def check(self, kind: str, fact: Fact, zh: str, en: str) -> FigureCheck:
        return FigureCheck(kind, fact.surface, self.line_of(fact.surface, fact.block), fact.block, zh, en)


def _read_note(fact: Fact) -> tuple[str, str]:
    clean = re.sub(r"(?<=\d)[ \u00a0]+(?=\.)|(?<=\.)[ \u00a0]+(?=\d)|(?<=\d)\.(?=[万亿])", "", fact.surface)
    return (f"「{fact.surface}」印刷有误，按{clean}读取。",
            f"Printed as “{fact.surface}”; read as {format_value(fact, 'en')}.")


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE.finditer(text):
        if match.end() > match.start():
            spans.append((match.start(), match.end()))
    return spans or [(start, len(text))]


def _clause_before(text: str, fact: Fact) -> str:
    """The words before a figure in its clause, at most _CONTEXT of them: a page pasted as one
    unpunctuated line must not make every figure read back to its start."""
    window = text[max(0, fact.start - _CONTEXT):fact.start]
    cut = max(window.rfind(mark) for mark in _CLAUSE_END)
    return window[cut + 1:]


def _after(text: str, fact: Fact) -> str:
    end = fact.start + len(fact.surface)
    return text[end:end + 16]


def _about(text: str, fact: Fact) -> str:
    """What a figure measures: its label and the words before it in its clause."""
    return fact.label_zh + " " + _clause_before(text, fact)


def _implausible(text: str, inside: list[tuple[int, Fact]], pairs: bool = True) -> list[tuple[int, str, str, str]]:
    found = []
    counts = [f for _, f in inside if f.unit == "count"] if pairs else []
    zones = [f for f in counts if _ZONES.match(_after(text, f))]
    firms = [f for f in counts if f.measure_word == "家" and f not in zones
             and _FIRMS.search(_clause_before(text, f) + _after(text, f)[:6])]
    money = [(i, f) for i, f in inside if f.unit in MONEY_UNITS and f.qualifier == "exact"]
    for i, fact in money:
        about = _about(text, fact)
        yuan = fact.value * (7.0 if fact.unit == "USD" else 7.5 if fact.unit == "EUR" else 1.0)
        if _PER_UNIT.search(_clause_before(text, fact)):
            continue
        if _REVENUE.search(about):
            low_firms = [f for f in firms if yuan / f.value < _MIN_REVENUE_PER_FIRM]
            low_zones = [f for f in zones if yuan / f.value < (_MIN_REVENUE_PER_NATIONAL_ZONE if _NATIONAL.match(
                _after(text, f)) else _MIN_REVENUE_PER_ZONE)]
            if low_firms or low_zones:
                covers = "、".join([f"{f.surface}园区" for f in low_zones] + [f"{f.surface}企业" for f in low_firms])
                covers_en = " and ".join([f"{format_value(f, 'en')} zones" for f in low_zones] +
                                         [f"{format_value(f, 'en')} firms" for f in low_firms])
                found.append((i, "implausible", f"「{fact.surface}」与所涉{covers}的规模不符，数量级可能有误。",
                              f"“{fact.surface}” ({format_value(fact, 'en')}) is implausibly small for the "
                              f"{covers_en} it covers; the unit may be misprinted."))
                continue
        if _REVENUE.search(about) and _ALL_NATIONAL.match(_clause_before(text, fact)) and yuan < _MIN_NATIONAL_TOTAL:
            found.append((i, "implausible", f"「{fact.surface}」作为全部国家级园区的合计明显过小，数量级可能有误。",
                          f"“{fact.surface}” ({format_value(fact, 'en')}) is implausibly small as the total of "
                          "all the national zones; the unit may be misprinted."))
            continue
        if _AGGREGATE.search(about) and yuan < _MIN_AGGREGATE:
            found.append((i, "implausible", f"「{fact.surface}」作为{fact.label_zh or '总额'}明显过小，可能有误。",
                          f"“{fact.surface}” is implausibly small for {fact.label_en or 'a total'}; "
                          "the figure may be misprinted."))
    for part_re, whole_re, zh_pair, en_pair in ((_PROFIT, _REVENUE, "利润", "profit"), (_ADDED, _OUTPUT, "增加值", "value added"))[:2 if pairs else 0]:
        parts = [(i, f) for i, f in money if part_re.search(_about(text, f))]
        wholes = [(i, f) for i, f in money if whole_re.search(_about(text, f)) and not part_re.search(_about(text, f))]
        for (i, part), (j, whole) in ((p, w) for p in parts for w in wholes):
            if part.unit == whole.unit and part.value > whole.value:
                first = min(i, j)
                found.append((first, "implausible", f"{zh_pair}「{part.surface}」大于「{whole.surface}」，不合常理，其中一个数字可能有误。",
                              f"The {en_pair} of “{part.surface}” exceeds the “{whole.surface}” it is part of; one "
                              "of the two figures is likely misprinted."))
    for i, fact in inside:
        if fact.unit == "percent" and fact.value > 100 and (
                "成" in fact.surface or _SHARE.search(_clause_before(text, fact))):
            found.append((i, "implausible", f"「{fact.surface}」作为占比超过了100%，可能有误。",
                          f"A share of “{fact.surface}” is more than 100%; the figure may be misprinted."))
    return found


def _sums(text: str, inside: list[tuple[int, Fact]]) -> list[tuple[int, str, str, str]]:
    """Totals and their parts in one sentence: T：a，b / T，其中a、b / 共T，分别为a、b / a、b，合计T."""
    found = []
    facts = [(i, f) for i, f in inside if f.qualifier == "exact" and f.unit != "percent"]
    for k, (i, total) in enumerate(facts):
        after = text[total.start + len(total.surface):total.start + len(total.surface) + 400]
        later = _alike(total, [(j, f) for j, f in facts[k + 1:]
                               if _same_kind(f, total) and not _NOT_A_PART.search(_clause_before(text, f))])
        between = after[:later[0][1].start - total.start - len(total.surface)] if later else ""
        exhaustive = after[:1] in "：:" or ("分别" in between and "其中" not in between)
        if later and (exhaustive or "其中" in between):
            parts = [f for _, f in later]
            gap = sum(f.value for f in parts) - total.value
            if abs(gap) > _tolerance(total, parts) and (exhaustive or gap > 0) and len(parts) >= 2:
                found.append(_sum_check(i, total, parts, exhaustive))
            continue
        earlier = [f for _, f in facts[:k] if _same_kind(f, total) and not _CHANGE.search(_clause_before(text, f))]
        if len(earlier) >= 2 and _TOTAL_AFTER.match(_clause_before(text, total)):
            if abs(sum(f.value for f in earlier) - total.value) > _tolerance(total, earlier):
                found.append(_sum_check(i, total, earlier, True))
    return found


def _alike(total: Fact, parts: list[tuple[int, Fact]]) -> list[tuple[int, Fact]]:
    """Parts labelled as the total is (总投资 among 总投资 and 年度投资), when some are."""
    same = [(j, f) for j, f in parts if f.label_zh and f.label_zh == total.label_zh]
    return same or parts


def _same_kind(a: Fact, b: Fact) -> bool:
    return a.unit == b.unit and (a.unit != "count" or a.measure_word == b.measure_word)


def _tolerance(total: Fact, parts: list[Fact]) -> float:
    """Rounding: half the last printed digit of every figure, and a thousandth of the total."""
    return sum(_half_digit(f) for f in [total, *parts]) + abs(total.value) * 1e-3


def _half_digit(fact: Fact) -> float:
    number = re.search(r"\d+(?:\.(\d+))?", fold_digits(fact.surface))
    decimals = len(number.group(1) or "") if number else 0
    printed = float(number.group(0)) if number else 0.0
    scale = fact.value / printed if printed else 1.0
    return 0.5 * scale * 10 ** -decimals


def _sum_check(index: int, total: Fact, parts: list[Fact], exhaustive: bool) -> tuple[int, str, str, str]:
    value = sum(f.value for f in parts)
    zh_sum = _printed_like(total, value, parts)
    en_sum = format_value(replace(total, value=value, value_max=None, qualifier="exact"), "en")
    listed = "、".join(f.surface for f in parts)
    if exhaustive:
        return (index, "sum_mismatch", f"分项{listed}之和为{zh_sum}，与总数「{total.surface}」不符。",
                f"The parts ({', '.join(format_value(f, 'en') for f in parts)}) add up to {en_sum}, "
                f"not the stated total of {format_value(total, 'en')}.")
    return (index, "sum_mismatch", f"其中所列{listed}之和为{zh_sum}，超过总数「{total.surface}」。",
            f"The parts listed ({', '.join(format_value(f, 'en') for f in parts)}) add up to {en_sum}, "
            f"more than the stated total of {format_value(total, 'en')}.")


def _printed_like(total: Fact, value: float, parts: list[Fact]) -> str:
    """A sum written the way the total is: 13990.46亿元 beside 13977.46亿元."""
    match = re.match(r"\D*?(\d[\d,]*(?:\.(\d+))?)(.*)$", fold_digits(total.surface))
    if not match:
        return f"{value:g}"
    printed = float(match.group(1).replace(",", ""))
    scale = total.value / printed if printed else 1.0
    decimals = max(len(re.search(r"\d+(?:\.(\d+))?", fold_digits(f.surface)).group(1) or "")
                   for f in [total, *parts] if re.search(r"\d", fold_digits(f.surface)))
    return f"{value / scale:.{decimals}f}{match.group(3)}"
