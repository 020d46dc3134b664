"""Labels a reader can trust: a noun phrase that names what is measured, in every language.

labels.py takes the words around a figure; in news prose they are sometimes a fragment
(个市级重点项目总投资, 这款产品, 提前, 发货就要垫资). A label is kept when it starts and ends on
words the term list knows or on a plain noun, holds no figure and no demonstrative; else an
indicator figure is named after its indicator (data/indicators.yml), and any other figure gets
no label (`labelled` False): it stays in the story's full list with its sentence, never in a
box, a chart or a comparison.
"""
from __future__ import annotations

import re
from typing import Callable, Optional, Sequence

from ..model import Fact
from .indicator_table import indicator_name
from .indicators import declines
from ..parse.read import converter
from .label_terms import VOCABULARY
from .labels_en import english_label, fallback_english, segment_terms

_MAX_LEN = 20
_DIGIT = re.compile(r"[\d０-９]|[一二两三四五六七八九十百千万]+[个家项只人场次所条份台位名支种件款批座套]")
# A phrase never starts with these: demonstratives, particles, prepositions, adverbs, measure words.
_BAD_START = re.compile(r"^(?:[这那该其此每的了就比较把被将向对为在从到给让使仅只才都也还并而又即个家项只场次所条份"
                        r"台位支种件款批座套]|提前|连续|前后|大概|助力|继续|锚定|时隔|成立|得到|获得|通过|实现|"
                        r"就能|可以|能够|已经|正在)")
# Verbs a label may start with that only say how the figure came about: 集聚专精特新小巨人企业数.
_LEADING_VERB = re.compile(r"^(?:已|共|累计)?(?:集聚了?|吸引了?|拥有|发放|设立|达成|获得|收集|梳理|推动|培育了?|引进)")
# A label that names a measure but not what it measures: total investment of what?
_GENERIC = re.compile(r"^(?:计划)?(?:总投资额?|投资总额|投资额|投资|总规模|规模|金额|总额|数量|总数|比例|增长|"
                      r"企业数?|项目数?|公司数?|企业数量|项目数量)$")
_BAD_END = re.compile(r"(?:[了就要能可将得着过的地]|提前|连续|压减|精简|达到|实现|完成|获得|吸引|设立|整合|"
                      r"投向|垫资|仅用时|用时仅)$")
_VAGUE_EN = ("amount (", "duration (", "number of items", "figure", "percentage", "area (", "number of funds or units",
             "voltage (", "power (", "capacity (")
_CHANGE_ZH = {"yoy": "同比{}", "mom": "环比{}", "vs_period": "{}"}
_CHANGE_EN = {"yoy": "{}, {} year on year", "mom": "{}, {} month on month", "vs_period": "{}, {}"}
_WHOLE_ZH = {"city": "全市", "province": "全省", "country": "全国", "industry": "行业", "revenue": "营业收入",
             "gdp": "地区生产总值", "district": "全区", "world": "全球", "firms": "企业"}
_WHOLE_EN = {"city": "the city", "province": "the province", "country": "the country",
             "industry": "the industry", "revenue": "revenue", "gdp": "GDP", "district": "the district",
             "world": "the world", "firms": "firms"}


def clean_zh(label: str) -> bool:
    """Does the Chinese label read as a noun phrase naming what is measured?"""
    label = label.strip()
    if not 2 <= len(label) <= _MAX_LEN or _DIGIT.search(label):
        return False
    if _BAD_START.search(label) and not _starts_with_term(label) or _BAD_END.search(label):
        return False
    terms = segment_terms(label, VOCABULARY)
    return bool(terms) and terms[-1] is not None and (terms[-1].noun or terms[-1].wraps)


def clean_en(fact: Fact, label: str) -> bool:
    label = label.strip()
    return bool(label) and label != fallback_english(fact) and not label.startswith(_VAGUE_EN) \
        and label.count("number of") < 2


def _starts_with_term(label: str) -> bool:
    terms = segment_terms(label, VOCABULARY)
    return bool(terms) and terms[0] is not None and len(label) > 1 and \
        any(label.startswith(zh) for zh in VOCABULARY.terms if len(zh) >= 2)


def indicator_label(fact: Fact, lang: str, to_hant: Optional[Callable[[str], str]] = None) -> str:
    """The indicator's name, as a change or a share when the figure is one, in zh-Hans, zh-Hant
    (the data file's name; the words around it by `to_hant`, the site's converter) or en."""
    if lang == "zh-Hant":
        convert = to_hant or converter("s2tw").convert
        name = indicator_name(fact.indicator, "zh-Hans")
        label = indicator_label(fact, "zh-Hans")
        at = label.find(name)
        return convert(label[:at]) + indicator_name(fact.indicator, "zh-Hant") + convert(label[at + len(name):])
    name = indicator_name(fact.indicator, lang)
    new = "新增" in fact.label_zh and fact.unit == "count" and not fact.change and not fact.share_of
    if lang == "en":
        if fact.change:
            return _CHANGE_EN[fact.change].format(name, "decline" if declines(fact) else "growth")
        if fact.share_of:
            return f"{name}, share of {_WHOLE_EN.get(fact.share_of, fact.share_of)}"
        return f"new {name}" if new else name
    if fact.change:
        return name + _CHANGE_ZH[fact.change].format("下降" if declines(fact) else "增长")
    if fact.share_of:
        return f"{name}占{_WHOLE_ZH.get(fact.share_of, '')}比重"
    if new:
        return "新增" + name
    return name + ("数量" if fact.unit == "count" and not name.endswith(("数", "数量")) else "")


def settle_labels(facts: Sequence[Fact]) -> None:
    """Name an indicator figure after its indicator (the same words on every page, table and
    download), keep any other figure's label when it is clean and says more than 总投资 or
    企业数, and leave the rest unlabelled (empty labels, `labelled` False)."""
    for fact in facts:
        if fact.indicator:
            fact.label_zh, fact.label_en = indicator_label(fact, "zh-Hans"), indicator_label(fact, "en")
            fact.labelled = True
            continue
        bare = _LEADING_VERB.sub("", fact.label_zh)
        if bare != fact.label_zh and clean_zh(bare):
            fact.label_zh, fact.label_en = bare, ""
        en = fact.label_en or english_label(fact)
        if clean_zh(fact.label_zh) and clean_en(fact, en) and not _GENERIC.match(fact.label_zh):
            fact.label_en, fact.labelled = en, True
        else:
            fact.label_zh, fact.label_en, fact.labelled = "", "", False

