"""An editor's sidecar applied to a page's stories: where stories start and end, then their fields.

Splits and merges go by seed line, as the extract and the story pages show them; story numbers
in `stories:` count the stories that result, from 1 in page order.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from ..model import BodyItem
from .names import inline_authors, split_byline
from .drafts import Draft
from .sidecar import Problem, Sidecar


def restructure(drafts: list[Draft], sidecar: Sidecar) -> tuple[list[Draft], list[Problem]]:
    """Merge, then split, the drafts as the sidecar says; a line that cannot be used is a problem."""
    problems: list[Problem] = []
    drafts = list(drafts)
    for line, at in sorted(sidecar.merge_at, reverse=True):
        index = _holding(drafts, line)
        if index is None:
            problems.append(Problem(at, f"merge_at: line {line} is in no story ({_spans(drafts)})"))
        elif index == 0:
            problems.append(Problem(at, f"merge_at: line {line} is in the first story; nothing comes before it"))
        else:
            drafts[index - 1:index + 1] = [_merge(drafts[index - 1], drafts[index])]
    for line, at in sorted(sidecar.split_at):
        index = _holding(drafts, line)
        if index is None:
            problems.append(Problem(at, f"split_at: line {line} is in no story ({_spans(drafts)})"))
            continue
        parts = _split(drafts[index], line)
        if isinstance(parts, str):
            problems.append(Problem(at, f"split_at: {parts}"))
        else:
            drafts[index:index + 1] = list(parts)
    return drafts, problems


def _holding(drafts: list[Draft], line: int) -> Optional[int]:
    return next((i for i, d in enumerate(drafts) if d.span[0] <= line <= d.span[1]), None)


def _spans(drafts: list[Draft]) -> str:
    return "stories span lines " + ", ".join(f"{d.span[0]}-{d.span[1]}" for d in drafts) if drafts else "no stories"


def _merge(first: Draft, second: Draft) -> Draft:
    """One story of two: the first's headline (else the second's), both bodies in order; the
    second's headline, when both have one, stays as a subheading."""
    body = list(first.body)
    if first.title and second.title:
        span = second.title_span or second.span
        body.append(BodyItem("heading", second.title, span, tuple(range(span[0], span[1] + 1))))
    return replace(first, title=first.title or second.title,
                   title_span=first.title_span if first.title else second.title_span,
                   body=body + list(second.body),
                   captions=first.captions + second.captions, caption_spans=first.caption_spans + second.caption_spans,
                   authors=first.authors + [a for a in second.authors if a not in first.authors],
                   bylines=first.bylines + second.bylines, byline_spans=first.byline_spans + second.byline_spans,
                   advertisement=first.advertisement and second.advertisement, closed=second.closed)


def _split(draft: Draft, line: int) -> tuple[Draft, Draft] | str:
    """The draft cut before `line`: the text from there on is a story of its own, headed by
    that line when it is a heading (or by the draft's headline when it was printed after)."""
    if line == draft.span[0]:
        return f"line {line} already starts a story"
    inside = next((item for item in draft.body if item.span[0] < line <= item.span[1]), None)
    if inside is not None:
        return (f"line {line} is inside a paragraph that runs over lines {inside.span[0]}-{inside.span[1]}; "
                f"split at {inside.span[0]} or {inside.span[1] + 1}")
    after = [item for item in draft.body if item.span[0] >= line]
    late_title = draft.title_span is not None and draft.title_span[0] >= line
    title, title_span = (draft.title, draft.title_span) if late_title else (None, None)
    if title is None and after and after[0].type == "heading":
        title, title_span, after = after[0].text, after[0].span, after[1:]
    captions = list(zip(draft.captions, draft.caption_spans))
    bylines = list(zip(draft.bylines, draft.byline_spans))
    tail_bylines = [(b, s) for b, s in bylines if s[0] >= line]
    tail_authors = [a for b, _ in tail_bylines for a in split_byline(b)]
    if after and after[0].type == "paragraph":
        tail_authors += [a for a in inline_authors(after[0].text) if a not in tail_authors]
    head = replace(draft, title=None if late_title else draft.title, title_span=None if late_title else draft.title_span,
                   body=[item for item in draft.body if item.span[1] < line],
                   captions=[c for c, s in captions if s[0] < line], caption_spans=[s for _, s in captions if s[0] < line],
                   bylines=[b for b, s in bylines if s[0] < line], byline_spans=[s for _, s in bylines if s[0] < line],
                   authors=[a for a in draft.authors if a not in tail_authors], closed=True)
    tail = Draft(title=title, title_span=title_span, body=after, authors=tail_authors,
                 captions=[c for c, s in captions if s[0] >= line], caption_spans=[s for _, s in captions if s[0] >= line],
                 bylines=[b for b, _ in tail_bylines], byline_spans=[s for _, s in tail_bylines],
                 advertisement=draft.advertisement)
    if not (head.body or head.title or head.captions) or not (tail.body or tail.title or tail.captions):
        return f"line {line} leaves one part of the story empty"
    return head, tail
