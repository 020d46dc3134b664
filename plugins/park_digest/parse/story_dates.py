"""Which of the dates a page states dates each story (datelines.py finds them).

A story's own dateline (本报讯 8月16日, 新华社…电) comes first, its year (for a day alone, its
month) from the date the story or page states; then that stated date (a publication line or
masthead); then the dateline's day with the year from context, and else the month the text
implies, both marked inferred. No story is dated after the build day or after its page.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Iterable, Optional

from ..model import Provenance, Span
from .dates import FUTURE_SLACK, PartialDate, infer_date, make_date, year_for
from .datelines import KINDS, Signal, find_signals, is_signature_date, names_page
from .provenance import page_provenance


@dataclass(frozen=True)
class Dated:
    when: Optional[PartialDate]
    inferred: bool
    how: str = ""  # the signal kind, "inferred", or "" when no date is known
    line: int = 0


def _rank(signal: Signal) -> tuple[int, int]:
    return KINDS.index(signal.kind), signal.line


def page_signals(signals: Iterable[Signal], spans: list[Span], excluded: list[Span]) -> list[Signal]:
    """Signals that speak for the whole page: outside every story, or a masthead anywhere."""
    return [s for s in signals if not _inside(s.line, excluded)
            and (s.kind == "masthead" or not _inside(s.line, spans))]


def story_signals(signals: Iterable[Signal], span: Span, excluded: list[Span]) -> list[Signal]:
    return [s for s in signals if span[0] <= s.line <= span[1] and not _inside(s.line, excluded)
            and s.kind != "masthead"]


def _inside(line: int, spans: list[Span]) -> bool:
    return any(a <= line <= b for a, b in spans)


def date_story(own: list[Signal], page: list[Signal], inferred: Optional[PartialDate], today: date) -> Dated:
    """A story's date: its own dateline's day (本报讯 8月16日, 新华社…电) with the year, and for a
    day alone the month, from the date the story or page states; else that stated date; else the
    dateline's day with the year from the text; else the inferred month. Never after the build
    day or the page's date."""
    limit = today + FUTURE_SLACK
    own, page = _with_years(own, page, inferred)
    own = sorted((s for s in own if not (s.when and s.when.after(limit))), key=_rank)
    page = sorted((s for s in page if s.when and not s.when.after(limit)), key=_rank)
    page_date = page[0] if page else None
    stated = [s for s in own if s.when and s.kind not in ("wire", "reprint", "url")]
    choice = stated[0] if stated else page_date or next((s for s in own if s.when and s.kind != "wire"), None)
    wire = next((s for s in own if s.kind == "wire"), None)
    dateline = _dateline_day(wire, choice) if wire else None
    if dateline is not None:
        return dateline
    if choice is not None:
        when = choice.when
        if page_date and choice is not page_date and page_date.kind != "url" and when.after(page_date.when.last_day()):
            choice, when = page_date, page_date.when  # a story is never dated after its page
        return Dated(when, choice.year_inferred, choice.kind, choice.line)
    if wire is not None and wire.month_day[0]:
        year = year_for(*wire.month_day, inferred)
        when = make_date(year, *wire.month_day) if year else None
        if when and not when.after(limit):
            return Dated(when, True, "wire", wire.line)
    if inferred is not None and not inferred.after(limit):
        return Dated(inferred, True, "inferred")
    return Dated(None, True)


def _dateline_day(wire: Signal, stated: Optional[Signal]) -> Optional[Dated]:
    """The dateline's own day, on or before the stated date (12月31日 on a page of 2025-01-01 is
    2024-12-31; a day alone, 15日电 on 2024-01-16, is 2024-01-15); None with no stated date to
    complete it from, or one that is after the stated date (a misprint: the stated date stands)."""
    if stated is None:
        return Dated(wire.when, False, "wire", wire.line) if wire.when else None
    last = stated.when.last_day()
    if wire.when is not None:
        return None if wire.when.after(last) else Dated(wire.when, False, "wire", wire.line)
    month, day = wire.month_day
    if month:
        year = last.year if (month, day) <= (last.month, last.day) else last.year - 1
        when = make_date(year, month, day)
    else:  # a day alone: this month's, else the latest month before that has it
        year, month = (last.year, last.month) if day <= last.day else _month_before(last.year, last.month)
        when = make_date(year, month, day) or make_date(*_month_before(year, month), day)
    return Dated(when, stated.year_inferred, "wire", wire.line) if when else None


def _month_before(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


def _with_years(own: list[Signal], page: list[Signal], inferred: Optional[PartialDate]) -> tuple[list, list]:
    """A labelled day without a year (日期：10-12) takes the year of the page's latest full date
    that is not before it, else the text's."""
    full = [s.when for s in own + page if s.when and s.when.day and s.kind != "wire"]
    anchor = max(full, key=lambda w: w.first_day()) if full else None

    def completed(signal: Signal) -> Signal:
        if signal.when is not None or signal.kind == "wire":
            return signal
        month, day = signal.month_day
        if anchor is not None:
            year = anchor.year if (month, day) <= (anchor.month, anchor.day) else anchor.year - 1
        else:
            year = year_for(month, day, inferred)
        return replace(signal, when=make_date(year, month, day) if year else None, year_inferred=anchor is None)
    return [completed(s) for s in own], [completed(s) for s in page]


def _own_lines(draft) -> Span:
    """The lines whose dates are the story's: an aggregator's excerpt is dated by its own outlet
    and date line, under it (not the page's, which is the first excerpt's)."""
    return draft.span[0], max(draft.span[1], draft.dated_by)


class PageDating:
    """A page's date signals and its inferred month, found once; story() dates each story."""

    def __init__(self, lines: list[str], drafts: list, today: date):
        self.lines, self.today = lines, today
        self.signals = find_signals(lines)
        self.ads = [d.span for d in drafts if d.advertisement]
        page = page_signals(self.signals, [_own_lines(d) for d in drafts], self.ads)
        self.page = [s for s in page if not is_signature_date(lines, s.line)]
        self.signed = [s for s in page if is_signature_date(lines, s.line)]
        self.inferred = infer_date(item.text for d in drafts if not d.advertisement for item in d.body)

    def story(self, draft) -> Dated:
        if draft.advertisement:  # an advert states no date of its own: the page's, marked inferred
            return replace(date_story([], self.page, self.inferred, self.today), inferred=True)
        dated = date_story(story_signals(self.signals, _own_lines(draft), self.ads), self.page, self.inferred, self.today)
        if dated.inferred and self.signed:  # a notice with no publication line: the day it was signed
            signed = date_story([], self.signed, self.inferred, self.today)
            return signed if signed.when is not None else dated
        return dated

    def names_page(self) -> bool:
        return names_page(self.lines)

    def provenance(self) -> Optional[Provenance]:
        signals = [s for s in self.signals if not _inside(s.line, self.ads)]
        return page_provenance(sorted(signals, key=_rank), self.lines)
