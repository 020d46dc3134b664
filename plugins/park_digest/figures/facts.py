"""Figures in Chinese newspaper text → Fact records with labels (the box and display: factbox.py).

Pure functions over model.Fact; no Pelican. The rules are written for newspaper prose in
general: a figure is a numeral with a unit (currency, %, measure word, area, duration, power);
years, dates, ordinals, plan names, phases and names containing a number are not figures.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional, Sequence

from .table_rows import read_cell_row, read_table_row, with_unit
from .labels import borrow_label, label_for
from .labels_en import english_label
from ..model import BodyItem, Fact
from ..parse.normalize import split_sentences
from ..parse.tables import cells_of
from .numeral_context import PERIOD_BEFORE, is_figure, is_time_frame
from .numerals import fold_digits, magnitude, parse_fraction, parse_number
from .quantity import (BARE_NOUNS, BEFORE_MAGNITUDE, CN, DETACHED_QUALIFIERS, MAG, PREFIX_QUALIFIERS, PREFIXES,
                       QUANTITY_RE, SUFFIX_QUALIFIERS, UNITS)

_CONTEXT = 32
_LONG_TEXT = 2000  # the longest paragraph of the seeds has 289 characters
_ORDINAL_BEFORE = re.compile(r"第$")  # 第三座; 首三座 (the first three) is a count
_NAME_BEFORE = re.compile(r"[A-Za-z\-+.]$")  # L3级, IL-12, 1+2+1, 高新贷2.0
_NAME_AFTER = re.compile(r"^[A-Za-z+]")  # 5G, 3D, 10+1 (units such as GW are consumed first)
_BROKEN_BY_SPACE = re.compile(r"(?<![\d.,])\d{1,4}[ \u00a0]$")
_CN_ONLY = re.compile(f"^{CN}$")
_MAG_RE = re.compile(MAG)
_CLAUSE_OR_FIGURE = re.compile(r"[\d，,。；;：:！？!?、]")
_SENTENCE_END = re.compile(r"[。！？；!?;]")


# ---------------------------------------------------------------- extraction


def extract_facts(text: str, header: Sequence[str] = ()) -> list[Fact]:
    """All figures in one block of text, in order; `start` is the offset of the surface.
    `header`: the column names of the table the text is a row of, when there are some."""
    row = read_cell_row(text, _extract_piece, header) if header else None
    if row is not None:
        return row  # a row under column names that give its units
    row = read_table_row(text, _extract_piece)
    if row is not None:
        return row  # a row of a flattened statistics table
    row = read_cell_row(text, _extract_piece)
    if row is not None:
        return row  # a row of cells apart
    if len(text) <= _LONG_TEXT:
        return _extract_piece(text)
    facts = []
    for offset, piece in _pieces(text):
        for fact in _extract_piece(piece):
            fact.start += offset
            facts.append(fact)
    return facts


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece): runs of whole sentences of at most _LONG_TEXT characters (a longer
    sentence is cut). Labels look for clause and sentence bounds around each figure, which is
    quadratic on a page pasted as one unpunctuated line; real paragraphs never get here."""
    offset, run = 0, ""
    for sentence in split_sentences(text):
        for cut in range(0, len(sentence), _LONG_TEXT):
            part = sentence[cut:cut + _LONG_TEXT]
            if run and len(run) + len(part) > _LONG_TEXT:
                yield offset, run
                offset, run = offset + len(run), ""
            run += part
    if run:
        yield offset, run


def _extract_piece(text: str) -> list[Fact]:
    facts = []
    for m in QUANTITY_RE.finditer(text):
        fact = _fact_from_match(text, m)
        if fact is not None:
            facts.append(fact)
    previous: Optional[Fact] = None
    for fact in facts:
        fact.sentence = _sentence_around(text, fact.start)
        fact.label_zh = label_for(text, fact, floor=previous.start + len(previous.surface)
                                  if previous else 0)
        if previous is not None:
            fact.label_zh = borrow_label(fact, previous)
        fact.label_en = english_label(fact)
        previous = fact
    return facts


def extract_story_facts(title: Optional[str], body: Sequence[BodyItem]) -> list[Fact]:
    """Facts of a story: the title's, then each body item's, with `block` set."""
    facts: list[Fact] = []
    if title:
        for fact in extract_facts(title):
            fact.block = "title"
            facts.append(fact)
    header: list[str] = []
    table_unit = ""
    for index, item in enumerate(body):
        cells = cells_of(item.text) if item.type == "paragraph" else []
        note = _UNIT_NOTE.match(item.text.strip())
        if note:
            table_unit = note.group(1)  # （单位：亿元） over a table: the unit of its columns that name none
            continue
        if cells and not any(ch.isdigit() for ch in item.text):
            header = [with_unit(name, table_unit) if n else name for n, name in enumerate(cells)]
            table_unit = ""  # column names (营业收入（亿元）) give the units of the rows under them
        elif len(cells) != len(header):
            header = []
        for fact in extract_facts(item.text, header):
            fact.block = index
            facts.append(fact)
    return facts


_UNIT_NOTE = re.compile(r"^[（(]\s*单位\s*[:：]\s*([^）)\s]{1,6})\s*[）)]$")


def _fact_from_match(text: str, m: re.Match) -> Optional[Fact]:
    """Interpret one regex match in its context; None when it is not a figure."""
    # Every context rule looks a few characters either side; a bounded window keeps a
    # 200,000-character line linear instead of copying and scanning the whole text per figure.
    before = text[max(0, m.start() - _CONTEXT):m.start()]
    after = text[m.end():m.end() + _CONTEXT]
    pre, post = m.group("pre") or "", m.group("post") or ""
    if not pre and _BROKEN_BY_SPACE.search(before) and fold_digits(m.group(0)[:1]).isdigit():
        return None  # 40 0亿元, 1 280家: a numeral broken by a space, flagged by checks.py, never 0亿元
    if m.group("pct"):
        value, unit, measure = parse_number(m.group("pctnum")), "percent", None
        body_start = m.start("pct")
    elif m.group("frac"):
        value, unit, measure = parse_fraction(m.group("frac")), "other", None
        body_start = m.start("frac")
    elif m.group("half") == "一半" or (m.group("half") == "半" and pre and _prefix_is_qualifier(pre, before)
                                       and (after.startswith("数") or after[:1] in _CLAUSE_END)):
        return _half_share(text, m, before, pre, post)  # 一半, 超半数, 占比过半
    elif m.group("half"):
        unit_text = _unit_after_half(after)
        if unit_text is None or PERIOD_BEFORE.search(before + pre) or \
                is_time_frame(unit_text, before + pre, after[len(unit_text):]):
            return None  # 上半年; 半年营收破千亿, 半年报: the first half, not a length of time
        code, factor, measure = UNITS[unit_text]
        return _build(m.start(), m.end() + len(unit_text), text, 0.5 * factor, code, measure,
                      _qualifier(pre, "", "", before))
    else:
        return _counted_fact(text, m, before, after, pre, post)
    if value is None or _NAME_BEFORE.search(before + pre) or _NAME_AFTER.match(after):
        return None
    if _ORDINAL_BEFORE.search(before + pre):
        return None
    if post in ("级", "多"):  # only meaningful after a unit; give it back to the text
        post = ""
    start = m.start() if pre else body_start
    end = m.end() - (len(m.group("post") or "") - len(post))
    return _build(start, end, text, value, unit, measure, _qualifier(pre, "", post, before))


def _counted_fact(text: str, m: re.Match, before: str, after: str, pre: str,
                  post: str) -> Optional[Fact]:
    """A numeral with an optional range, magnitude, 余/多 and unit."""
    num, unit_text = m.group("num"), m.group("unit")
    mid = m.group("mid") or ""
    mags = (m.group("mag") or "") + (m.group("mag2") or "")
    bare_magnitude = _MAG_RE.fullmatch(num) is not None
    chinese = _CN_ONLY.match(num) is not None and not bare_magnitude
    if _ORDINAL_BEFORE.search(before + pre) or _NAME_BEFORE.search(before):
        return None
    if num in ("零", "〇", "○"):
        return None  # 零部件, 零的突破
    if not unit_text:
        # 400余二、三类…: an Arabic count with 余/多 and no measure word still counts.
        if mid and not mags and re.fullmatch(r"\d{2,}", num) and not _NAME_AFTER.match(after):
            return _build(m.start() if pre else m.start("num"), m.end("mid"), text,
                          float(num), "count", None, _qualifier(pre, mid, "", before))
        return _unitless_amount(text, m, before, after, pre, post, num, mags)
    if _NAME_AFTER.match(after) and unit_text not in ("%",):
        return None
    if bare_magnitude:
        # 万家注册企业 is not a figure; 上百种, 千余家, 千亿元级, 千万元 are (approximate).
        qualified = (pre and _prefix_is_qualifier(pre, before)) or mid or post == "级"
        if not (qualified or UNITS.get(unit_text, ("",))[0] in ("CNY", "USD", "EUR")):
            return None
    # 万亿元, 千亿元: the magnitude is the amount; a lone 万 or 亿 only with 逾, 超… and ending its clause
    # (新增市场主体逾万户), never as a threshold (亿元以上项目, 超亿元的企业)
    lone = num in ("万", "亿")
    if lone and not (pre and _prefix_is_qualifier(pre, before) and after[:1] in _CLAUSE_END):
        return None
    value = 1.0 if bare_magnitude else parse_number(num)
    scale = magnitude(mags)
    if value is None or scale is None:
        return None
    if bare_magnitude:
        scale = magnitude(num) * scale
    if not is_figure(num, value, unit_text, before, after, chinese, pre, post):
        return None
    # The surface ends after the unit (and a suffix qualifier when there is one).
    if post == "多" and unit_text not in ("年", "天", "周"):
        post = ""
    end = m.end("unit") + len(post)
    if unit_text == "成" and not post and text.startswith("半", end):
        value, end = value + 0.5, end + 1  # 一成半: fifteen per cent
    if post == "级" and not (bare_magnitude or mags):
        post, end = "", m.end("unit")  # 2GW级项目: the level word is not a qualifier here
    if unit_text in UNITS:
        code, factor, measure = UNITS[unit_text]
    else:
        code, factor, measure = "count", 1, (None if unit_text in BARE_NOUNS else unit_text)
    value_max = None
    if m.group("num2"):
        high = parse_number(m.group("num2"))
        if high is None or high <= value:
            return None
        value_max = high * scale * factor
    qualifier = _qualifier(pre, mid, post, before)
    if bare_magnitude:
        qualifier = qualifier if qualifier != "exact" else "approx"
    start = m.start() if pre else m.start("num")
    fact = _build(start, end, text, value * scale * factor, code, measure, qualifier)
    fact.value_max = value_max
    return fact




def _unitless_amount(text: str, m: re.Match, before: str, after: str, pre: str, post: str, num: str,
                     mags: str) -> Optional[Fact]:
    """An amount of yuan written without 元, as headlines and leads do: 营收突破二千亿, 产值首破三百亿,
    200亿！…, 规模达到千亿级。 Only an amount in 亿 standing at the end of its clause after a money
    word (or opening a headline on ！); 千亿大关, 百亿级产业集群, 人口1.2亿 stay words and counts."""
    written = num + mags
    if not written.endswith("亿") or m.group("mid") or m.group("num2") or (post and post != "级"):
        return None
    if after[:1] not in _CLAUSE_END:
        return None
    bare = _MAG_RE.fullmatch(num) is not None and not mags
    if bare and not (pre and _prefix_is_qualifier(pre, before)) and post != "级":
        return None  # a bare 千亿 needs 突破, 超, 近…: 千亿 alone is a class
    clause = re.split(r"[，,。；;！？!?、：:\s]", before)[-1]
    if not (_MONEY_WORD.search(clause) or (not before.strip() and after.startswith(("！", "!")))):
        return None
    value = 1.0 if _MAG_RE.fullmatch(num) else parse_number(num)
    scale = magnitude(mags) if not _MAG_RE.fullmatch(num) else magnitude(num) * (magnitude(mags) or 1)
    if value is None or scale is None:
        return None
    qualifier = _qualifier(pre, "", post, before)
    if (bare or post == "级") and qualifier == "exact":
        qualifier = "approx"
    return _build(m.start() if pre else m.start("num"), m.end(), text, value * scale, "CNY", None, qualifier)


_CLAUSE_END = ("", "！", "!", "，", ",", "。", "；", ";", "？", "?", "、", " ", "\u3000", "）", ")", "”", "\"")
# What an amount in 亿 without 元 measures in these texts: money.
_MONEY_WORD = re.compile(r"营收|收入|产值|投资|总额|规模|资金|金额|销售额|营业额|生产总值|GDP|税收|交易额|成交额|融资|"
                         r"贸易额|出口|进口|基金|估值|市值|利润|增加值")


def _half_share(text: str, m: re.Match, before: str, pre: str, post: str) -> Optional[Fact]:
    """一半 (half) as a share: 占全国的一半左右, 缩短约一半, 超过一半 → 50%; 另一半, 这一半 are
    other words. A suffix other than a qualifier (一半以上 is one) is given back to the text."""
    if re.search(r"[这那每同其某哪另多大]$", before + pre):
        return None
    if post not in SUFFIX_QUALIFIERS or post in ("级", "多", "余"):
        post = ""
    start = m.start() if pre else m.start("half")
    end = m.end("half") + len(post)
    if not post and text.startswith("数", end):
        end += 1  # 超半数
    return _build(start, end, text, 50.0, "percent", None, _qualifier(pre, "", post, before))


def _unit_after_half(after: str) -> Optional[str]:
    """半年, 半个月, 半小时: the duration unit after 半, if any."""
    for unit_text in ("个月", "个小时", "小时", "年", "天"):
        if after.startswith(unit_text):
            return unit_text
    return None


def _qualifier(pre: str, mid: str, post: str, before: str) -> str:
    if pre and pre not in BEFORE_MAGNITUDE and _prefix_is_qualifier(pre, before):
        return PREFIX_QUALIFIERS[pre]
    if pre in BEFORE_MAGNITUDE:
        return "approx"
    if post in SUFFIX_QUALIFIERS:
        return SUFFIX_QUALIFIERS[post]
    if mid:
        return "approx"
    window = _CLAUSE_OR_FIGURE.split(before[-8:])[-1]  # same clause, no figure in between
    for word, qualifier in DETACHED_QUALIFIERS.items():
        if word in window:
            return qualifier
    return "exact"


def _prefix_is_qualifier(pre: str, before: str) -> bool:
    """近 in 最近3年 and 约 in 签约3个项目 belong to other words."""
    if pre == "近" and before.endswith(("最", "附", "邻", "靠", "临", "亲")):
        return False
    if pre == "约" and before.endswith(("签", "预", "契", "制", "节", "公", "条", "合", "邀",
                                        "相", "特", "履", "违", "解", "守", "集")):
        return False
    if pre == "超" and before.endswith(("赶", "高")):
        return False
    if pre == "过" and before.endswith(("通", "经", "超", "不", "度", "越", "跨", "穿", "错", "闯", "难", "举办", "有")):
        return False  # 通过, 经过, 举办过: a verb or its aspect, not "over"
    return True


def _build(start: int, end: int, text: str, value: float, unit: str, measure: Optional[str],
           qualifier: str) -> Fact:
    surface = text[start:end]
    # A prefix that belongs to another word (签约, 最近) stays out of the surface.
    for pre in PREFIXES:
        if surface.startswith(pre) and not _prefix_is_qualifier(pre, text[:start]):
            start += len(pre)
            surface = text[start:end]
            break
    return Fact(surface=surface, value=_tidy(value), unit=unit, qualifier=qualifier,
                measure_word=measure, start=start)


def _tidy(value: float) -> float:
    """Drop float noise (8.86 * 1e8 = 886000000.0000001, 554.8 * 1e8 = 55479999999.99999) so
    values compare and print cleanly: no printed figure has twelve significant digits."""
    return float(f"{value:.12g}")


def _sentence_around(text: str, offset: int) -> str:
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, offset)]
    begin = starts[-1] if starts else 0
    end_match = _SENTENCE_END.search(text, offset)
    end = end_match.end() if end_match else len(text)
    return text[begin:end].strip()
