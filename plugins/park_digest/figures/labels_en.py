"""label_en: entries of data/labels.yml composed in the order of the Chinese words of label_zh,
where an entry with a placeholder wraps what came before it (数 → "number of {}"); when no term
is known the English label falls back to the unit and measure word ("number of companies",
"amount (CNY)")."""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

from ..model import DURATION_UNITS, MONEY_UNITS, Fact
from .label_terms import VOCABULARY, Term, Vocabulary

_SPACES = re.compile(r"\s+")


_VAGUE_ALONE = ("number", "share", "size", "rate", "total", "amount", "increase", "reduction",
                "growth", "decline")


class Composition(NamedTuple):
    phrase: str  # English, plural nouns
    singular: str  # the same with singular nouns
    wrapped: bool  # a measure such as "number of" was applied
    named: bool  # it names something (a noun, or a measure standing alone: "total investment")
    noun: bool  # a noun proper was recognized
    countable: bool  # the last term is a countable noun (project, base)


def english_label(fact: Fact, vocabulary: Vocabulary = VOCABULARY) -> str:
    """Plain-English label: the known terms of label_zh composed, else a unit-based fallback."""
    c = compose_english(fact.label_zh, vocabulary)
    if not c.phrase or not c.named or (fact.unit == "count" and not c.noun) \
            or (fact.unit in DURATION_UNITS and not c.wrapped):
        return fallback_english(fact, vocabulary)
    wrapper = vocabulary.unit_wrappers.get(fact.unit, "{}")
    measure = wrapper.replace("{}", "").strip(" ()").split(" ")[0]
    if not c.wrapped and measure not in c.phrase:  # no "capacity of installed capacity"
        return wrapper.replace("{}", c.phrase)
    if not c.wrapped and fact.unit in MONEY_UNITS and c.countable:
        return f"{c.singular} value"  # 一个1000万元的项目 → "project value"
    return c.phrase


def compose_english(label_zh: str, vocabulary: Vocabulary = VOCABULARY) -> Composition:
    """Known terms of a Chinese label in English, wrapping terms applied left to right.

    Words nobody
    could translate separate phrases: a noun after such a gap starts the phrase afresh, so
    企业提供…服务 reads "services", not "companies services".
    """
    plural = singular = ""
    wrapped = has_noun = named = gap = countable = False
    for term in segment_terms(label_zh, vocabulary):
        if term is None:
            gap = bool(plural)
            continue
        if term.wraps:
            if named:
                plural = singular = _fill(term.plural, plural, singular)
            else:  # 累计投资额 → "cumulative investment"; 数 alone, "number", names nothing
                plural = singular = f"{plural} {term.alone}".strip()
                named = term.alone not in _VAGUE_ALONE
            wrapped, countable = True, False
        else:
            if gap and term.noun and not wrapped:
                plural = singular = ""
            plural = f"{plural} {term.plural}".strip()
            singular = f"{singular} {term.singular}".strip()
            has_noun = has_noun or term.noun
            named = named or term.noun
            countable = term.noun and term.singular != term.plural
        gap = False
    return Composition(_SPACES.sub(" ", plural).strip(), _SPACES.sub(" ", singular).strip(),
                       wrapped, named, has_noun, countable)


def fallback_english(fact: Fact, vocabulary: Vocabulary = VOCABULARY) -> str:
    if fact.unit == "count":
        noun = vocabulary.fallback_measure.get(fact.measure_word or "", "items")
        return f"number of {noun}"
    return vocabulary.fallback_unit.get(fact.unit, vocabulary.fallback_unit["other"])


def _fill(template: str, plural: str, singular: str) -> str:
    return template.replace("{sg}", singular).replace("{}", plural)


def segment_terms(label_zh: str, vocabulary: Vocabulary) -> list[Optional[Term]]:
    """Greedy longest match; None marks characters no term covers (names, rare words)."""
    out: list[Optional[Term]] = []
    i = 0
    while i < len(label_zh):
        for size in range(min(vocabulary.longest, len(label_zh) - i), 0, -1):
            term = vocabulary.terms.get(label_zh[i:i + size])
            if term is not None:
                out.append(term)
                i += size
                break
        else:
            if not out or out[-1] is not None:
                out.append(None)
            i += 1
    return out
