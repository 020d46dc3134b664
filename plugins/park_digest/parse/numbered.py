"""Numbered items of a digest page → one story each.

A morning digest (早知道, 早报, 一周要闻) lists the day's news as items, each opened by a numbered
headline (①②③, 一、二、, (1)(2), 1. 2.) over a paragraph or two. The segmenter reads the first
item's headline as the page's title and the others as its subheadings; here each item becomes a
story of its own. A report's numbered sections (一、总体要求 under 关于…的方案) stay one story:
items are split only when the title itself is the first of the series, or names a digest.
"""
from __future__ import annotations

import re
from typing import Optional

from ..model import Discarded, Span
from .drafts import Draft

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CHINESE = "一二三四五六七八九十"
_MARKER = re.compile(r"^\s*(?:([①-⑳])|([一二三四五六七八九十]{1,2})、|[（(](\d{1,2}|[一二三四五六七八九十]{1,2})[）)]|(\d{1,2})(?:[.．、](?!\d)|[．、]|\.(?=(?:19|20)\d\d年)))\s*")
# The title of a digest page: 开发区早知道, 园区早报, 一周要闻, 新闻速览 (not a report's title).
_DIGEST_TITLE = re.compile(r"早知道|早报|晨报|早班车|简报|速览|速递|要闻|一周|周报|日报|快报|新闻汇|导读")


def _number(text: str) -> Optional[tuple[str, int, int]]:
    """(series, number, length of the marker) of a numbered headline, else None."""
    found = _MARKER.match(text)
    if not found:
        return None
    circled, chinese, bracketed, arabic = found.groups()
    if circled:
        return "circled", _CIRCLED.index(circled) + 1, found.end()
    if chinese:
        value = _chinese_value(chinese)
        return ("chinese", value, found.end()) if value else None
    if bracketed:
        value = int(bracketed) if bracketed.isdigit() else _chinese_value(bracketed)
        series = "bracketed" if bracketed.isdigit() else "bracketed-chinese"
        return (series, value, found.end()) if value else None
    return "arabic", int(arabic), found.end()


def _chinese_value(text: str) -> int:
    if len(text) == 1:
        return _CHINESE.index(text) + 1
    if text[0] == "十":
        return 10 + _CHINESE.index(text[1]) + 1 if text[1] != "十" else 0
    return 0


def split_numbered_items(drafts: list[Draft]) -> tuple[list[Draft], list[Discarded]]:
    """Each draft whose numbered subheadings continue its numbered title (or follow a digest's
    title) becomes one draft per item, each item's headline its title without the number (which
    goes to the discarded list)."""
    out: list[Draft] = []
    numbers: list[Discarded] = []
    for k, draft in enumerate(drafts):
        if k + 1 < len(drafts) and _digest_name(draft):
            numbers.append(Discarded(draft.span, draft.body[0].text, "name of a digest"))
            continue  # 园区早知道（第128期） over the day's items: the digest's name, no story
        out.extend(_split(draft, numbers))
    return out, numbers


def _digest_name(draft: Draft) -> bool:
    """An untitled one-line draft that names a digest, with no sentence in it."""
    if draft.title is not None or len(draft.body) != 1 or draft.captions or draft.bylines:
        return False
    text = draft.body[0].text
    return len(text) <= 30 and not re.search(r"[。！？；，]", text) and bool(_DIGEST_TITLE.search(text))


def _split(draft: Draft, numbers: list[Discarded]) -> list[Draft]:
    if draft.title is None or draft.advertisement:
        return [draft]
    own = _number(draft.title)
    headings = [(i, _number(item.text)) for i, item in enumerate(draft.body) if item.type == "heading"]
    if own is not None:
        series, expected = own[0], own[1] + 1
    elif _DIGEST_TITLE.search(draft.title) and headings and headings[0][1] is not None:
        series, expected = headings[0][1][0], headings[0][1][1]
    else:
        return [draft]
    cuts = []
    for i, number in headings:
        if number is not None and number[0] == series and number[1] == expected and _has_text_after(draft, i):
            cuts.append(i)
            expected += 1
    if not cuts:
        return [draft]
    pieces = []
    if own is not None or cuts[0] > 0:
        head = Draft(title=_unnumbered(draft.title, draft.title_span, numbers), title_span=draft.title_span, title_level=draft.title_level,
                     title_marked=draft.title_marked, body=draft.body[:cuts[0]])
        pieces.append(head)
    for start, end in zip(cuts, [*cuts[1:], len(draft.body)]):
        heading = draft.body[start]
        pieces.append(Draft(title=_unnumbered(heading.text, heading.span, numbers), title_span=heading.span, body=draft.body[start + 1:end]))
    _share_out(draft, pieces)
    return [p for p in pieces if p.body or p.title]


def _has_text_after(draft: Draft, index: int) -> bool:
    return index + 1 < len(draft.body) and draft.body[index + 1].type == "paragraph"


def _unnumbered(title: str, span: Optional[Span], numbers: list[Discarded]) -> str:
    number = _number(title)
    if not number:
        return title
    numbers.append(Discarded(span or (0, 0), title[:number[2]].strip(), "item number of a digest"))
    return title[number[2]:].strip()


def _share_out(draft: Draft, pieces: list[Draft]) -> None:
    """Captions and bylines go to the item whose lines they stand among."""
    def owner(span) -> Draft:
        for piece in reversed(pieces):
            if piece.span[0] <= span[0]:
                return piece
        return pieces[0]
    for text, span in zip(draft.captions, draft.caption_spans):
        target = owner(span)
        target.captions.append(text)
        target.caption_spans.append(span)
    for text, span in zip(draft.bylines, draft.byline_spans):
        target = owner(span)
        target.bylines.append(text)
        target.byline_spans.append(span)
    for piece in pieces:
        texts = [*piece.bylines, *(item.text for item in piece.body)]
        piece.authors = [a for a in draft.authors if any(a in t for t in texts)]
        piece.closed = draft.closed
        piece.fragment = draft.fragment and piece is pieces[0]
