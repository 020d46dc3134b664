"""Every figure of the published stories as rows: the park tables, charts and data downloads.

Works on objects shaped like Pelican's Article (slug, title, date, url and the story's `digest`,
a stories.markdown.StoryMeta, whose facts carry their sentence), so it is tested without Pelican.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cached_property
from html import escape
from typing import Any, Iterable, Optional

from .chart import Bar
from ..model import MONEY_UNITS
from .content import bcp47, fact_park, shown_date, story_parks, url_of
from .spreadsheet import safe_cell

COLUMNS = ("park", "park_zh", "park_en", "story", "title", "date", "date_inferred", "sentence",
           "figure", "figure_en", "value", "value_max", "unit", "qualifier", "label_zh", "label_en",
           "in_box", "url")


@dataclass(frozen=True)
class FigureRow:
    park: str
    park_zh: str
    park_en: str
    story: str
    title: str
    date: str
    date_inferred: bool
    sentence: str
    figure: str
    figure_en: str
    value: float
    value_max: Optional[float]
    unit: str
    qualifier: str
    label_zh: str
    label_en: str
    in_box: bool
    url: str

    # Formatted once: the row is written to the site's file and to its park's.
    @cached_property
    def csv_line(self) -> str:
        values = [getattr(self, c) for c in COLUMNS]  # dataclasses.asdict deep-copies: slow
        return _CSV_LINE.writerow([safe_cell("yes" if v is True else "no" if v is False else "" if v is None
                                             else _plain(v)) for v in values])

    @cached_property
    def json_line(self) -> str:
        # json's C encoder, one fact at a time (indent= falls back to pure Python).
        return json.dumps({c: _plain(getattr(self, c)) for c in COLUMNS}, ensure_ascii=False)


class _Echo:
    """A file for csv.writer whose write returns the line: writerow then hands it back."""
    def write(self, line: str) -> str:
        return line


_CSV_LINE = csv.writer(_Echo(), lineterminator="\n")


def story_date(article: Any) -> str:
    """As far as it is known (2026-01-15, 2026-01 or 2026), '' when unknown."""
    return shown_date(article)


def figure_rows(sources: Iterable[Any], english: dict[str, Any], base_url: str) -> list[FigureRow]:
    """Rows for the zh-Hans stories; `english` maps slug → the English page, when built.

    A story lists its figures in the same order in every language, so the English label and
    figure are found by position.
    """
    rows = []
    for article in sources:
        meta, url, date = article.digest, url_of(article), story_date(article)
        other = english.get(article.slug)
        other_facts = other.digest.facts if other is not None else ()
        names = {slug: (zh, en) for slug, zh, en in story_parks(article)}
        for index, fact in enumerate(meta.facts):
            twin = other_facts[index] if index < len(other_facts) else None
            park = fact_park(article, fact)
            park_zh, park_en = names.get(park, ("", ""))
            rows.append(FigureRow(
                park=park, park_zh=park_zh, park_en=park_en, story=article.slug,
                title=article.title, date=date, date_inferred=meta.date_inferred,
                sentence=fact.sentence, figure=fact.figure, figure_en=twin.figure if twin else "",
                value=fact.value, value_max=fact.value_max, unit=fact.unit, qualifier=fact.qualifier,
                label_zh=fact.label, label_en=twin.label if twin else "", in_box=fact.box,
                url=f"{base_url}{url}#{fact.anchor}"))
    return rows


def rows_csv(rows: Iterable[FigureRow]) -> str:
    return _CSV_LINE.writerow(COLUMNS) + "".join(row.csv_line for row in rows)


def rows_json(rows: Iterable[FigureRow]) -> str:
    lines = ",\n".join(row.json_line for row in rows)  # one fact per line
    return (f'{{"columns": {json.dumps(list(COLUMNS))},\n"facts": [\n{lines}\n]}}\n' if lines
            else json.dumps({"columns": list(COLUMNS), "facts": []}) + "\n")


def _plain(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@dataclass(frozen=True)
class TableRow:
    """One line of a park page's figure table, in that page's language."""
    article: Any
    label: str
    figure: str
    value: float
    unit: str
    anchor: str
    box: bool = False
    # Per story, formatted once rather than for every row: Pelican formats a URL anew on every
    # access and its date type's strftime is slow, which a park with thousands of rows feels.
    url: str = ""
    date_iso: str = ""  # for sorting
    date_text: str = ""  # as shown: month only when inferred, a dash when unknown
    title: str = ""  # the story's
    title_lang: str = ""  # the title's language when it is not the page's (an untranslated title)


def date_texts(article: Any) -> tuple[str, str]:
    """(ISO day to sort by, the date as shown: to its precision, a dash when unknown)."""
    return article.date.isoformat()[:10], shown_date(article) or "—"


def table_rows(articles: Iterable[Any], park: Optional[str] = None) -> list[TableRow]:
    """The figures of these stories; with `park`, only that park's (a round-up gives several)."""
    rows = []
    for article in articles:
        url, (date_iso, date_text) = url_of(article), date_texts(article)
        title_lang = article.digest.title_lang
        title_lang = "" if title_lang == bcp47(article.lang) else title_lang
        rows += [TableRow(article, fact.label, fact.figure, fact.value, fact.unit, fact.anchor, fact.box,
                          url, date_iso, date_text, article.title, title_lang)
                 for fact in article.digest.facts if park is None or fact_park(article, fact) == park]
    return rows


def figure_count(articles: Iterable[Any], park: Optional[str] = None) -> int:
    """The rows table_rows makes of these stories, without making them."""
    return sum(park is None or fact_park(article, fact) == park
               for article in articles for fact in article.digest.facts)


def table_html(rows: Iterable[TableRow], site_url: str) -> str:
    """The body rows of a park page's figure table. Made here rather than in park.html: a park
    with thousands of figures made escaping every cell through Jinja most of its page's render
    (html.escape is a C function; Jinja makes an object of every value it escapes)."""
    lines = []
    for row in rows:
        page = escape(f"{site_url}/{row.url}")
        lang = f' lang="{escape(row.title_lang)}"' if row.title_lang else ""
        lines.append(f'<tr><td data-value="{escape(row.date_iso)}">{escape(row.date_text)}</td>'
                     f"<td>{escape(row.label)}</td>"
                     f'<td class="num" data-value="{row.value}"><a href="{page}#{escape(row.anchor)}">'
                     f"{escape(row.figure)}</a></td>"
                     f'<td><a href="{page}"{lang}>{escape(row.title)}</a></td></tr>')
    return "\n".join(lines)


def money_bars(rows: Iterable[TableRow]) -> dict[str, list[Bar]]:
    """Currency → bars, oldest story first, for the chart of a park's money figures.

    Only the figures of the stories' fact boxes: every amount a park's stories mention (dozens of
    loans and subsidies) makes a chart nobody can read; the boxed ones are the headline figures.
    """
    bars: dict[str, list[Bar]] = {}
    for row in sorted(rows, key=lambda r: (r.article.date, r.article.slug)):
        if row.box and row.unit in MONEY_UNITS and row.value > 0:
            when = story_date(row.article)[:7]
            bars.setdefault(row.unit, []).append(Bar(f"{when} {row.label}".strip(), row.value))
    return dict(sorted(bars.items(), key=lambda item: (-len(item[1]), MONEY_UNITS.index(item[0]))))
