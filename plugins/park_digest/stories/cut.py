"""Cutting text the site shows short: an untitled story's title, a teaser (home, park pages,
feeds, meta description) and a figure's sentence in a table. One rule everywhere: at a sentence,
else at a clause, else between words, never inside a word or a number, with … where text was
left out.
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

from ..parse.normalize import split_sentences

# English sentences end at . ! ? before a space; "Co., Ltd." and "U.S." end none.
_EN_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[A-Z0-9\"“‘(])")
_ABBREVIATION = re.compile(r"\b(?:Co|Ltd|Inc|Corp|No|Nos|Mr|Ms|Dr|St|vs|etc|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|[A-Z])\.$")
_CLAUSE_END = re.compile(r"[，；：、,;:]\s?")
_TRIM = "，；：、,;: "
# Chinese has no spaces: with no clause mark in reach, a cut falls after a particle that closes a
# phrase (的 了 和 与 及 等) or before a number or Latin word, never inside a run of digits/letters.
_ZH_BREAK = re.compile(r"(?<=[的了和与與及等])(?![确確])|(?<![0-9A-Za-z.．])(?=[0-9A-Za-z])")


def english_sentences(text: str) -> list[str]:
    out: list[str] = []
    for piece in _EN_SENTENCE.split(text):
        if out and _ABBREVIATION.search(out[-1].rstrip()):
            out[-1] = out[-1].rstrip() + " " + piece
        else:
            out.append(piece)
    return out


def sentences_of(text: str, lang: str) -> list[str]:
    return english_sentences(text) if lang == "en" else split_sentences(text)


def cut_text(text: str, limit: int, lang: str, sentences: Optional[Sequence[str]] = None) -> str:
    """`text` in at most about `limit` characters: whole sentences when one fits, else cut
    inside the first sentence (cut_inside)."""
    if len(text) <= limit:
        return text
    joiner = " " if lang == "en" else ""
    shown = ""
    for sentence in (sentences if sentences is not None else sentences_of(text, lang)):
        longer = (shown + joiner + sentence.strip()) if shown else sentence.strip()
        if len(longer) > limit:
            break
        shown = longer
    return shown or cut_inside(text, limit, lang)


def cut_inside(text: str, limit: int, lang: str, floor: Optional[int] = None) -> str:
    """Cut inside a sentence: at the last clause mark in reach, else between words (in Chinese
    after a particle or before a number), with …; never inside a word or a number. No cut falls
    before `floor` (a third of the limit)."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    floor = limit // 3 if floor is None else floor
    cuts = [m.start() for m in _CLAUSE_END.finditer(head) if m.start() >= floor]
    if cuts:
        return head[:cuts[-1]] + "…"
    if lang == "en":
        if " " in head[floor:]:
            return head.rsplit(" ", 1)[0].rstrip(_TRIM) + "…"
        return text  # one long token: shown whole rather than broken
    nearby = _CLAUSE_END.search(text, limit, limit + limit // 2)  # the clause ends a little further on
    if nearby:
        return text[:nearby.start()] + "…"
    breaks = [m.start() for m in _ZH_BREAK.finditer(head) if m.start() >= floor]
    if breaks:
        return head[:breaks[-1]].rstrip(_TRIM) + "…"
    return text  # no safe place to cut: whole rather than broken mid-word
