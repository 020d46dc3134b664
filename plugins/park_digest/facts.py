"""Quantities in story text → Fact records (first pass: money only; the facts issue completes it)."""
from __future__ import annotations

import re
from typing import Optional

from .model import BodyItem, Fact

_MONEY = re.compile(r"(\d+(?:\.\d+)?)(万亿|亿|万)?(美元|欧元|元)")
_SCALE = {None: 1, "万": 1e4, "亿": 1e8, "万亿": 1e12}
_CURRENCY = {"元": "CNY", "美元": "USD", "欧元": "EUR"}
_SENTENCE = re.compile(r"[^。！？；]*[。！？；]?")


def extract_facts(text: str) -> list[Fact]:
    facts = []
    for match in _MONEY.finditer(text):
        value = float(match.group(1)) * _SCALE[match.group(2)]
        sentence = next(s.group(0) for s in _SENTENCE.finditer(text) if s.end() > match.start())
        facts.append(Fact(surface=match.group(0), value=value, unit=_CURRENCY[match.group(3)],
                          label_zh="金额", label_en="amount", start=match.start(), sentence=sentence))
    return facts


def extract_story_facts(title: Optional[str], body: list[BodyItem]) -> list[Fact]:
    facts = []
    for index, item in enumerate(body):
        for fact in extract_facts(item.text):
            fact.block = index
            facts.append(fact)
    return facts


def select_box(facts: list[Fact], limit: int = 6) -> None:
    for fact in facts[:limit]:
        fact.in_box = True


def format_value(fact: Fact, lang: str) -> str:
    if lang != "en":
        return fact.surface
    symbol = {"CNY": "CNY ", "USD": "US$", "EUR": "€"}.get(fact.unit, "")
    value = fact.value
    for size, word in ((1e9, " billion"), (1e6, " million")):
        if value >= size:
            return f"{symbol}{value / size:,.4g}{word}"
    return f"{symbol}{value:,.0f}"
